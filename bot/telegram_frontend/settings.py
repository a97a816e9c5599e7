"""The Telegram front end's settings: environment and flags, token checks, log redaction.

Cheap to import (no python-telegram-bot): `strikebot --help` builds its parser through
`bot.telegram_frontend.cli`, which uses this module.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import paths
from ..errors import UsageError

DEFAULT_API_ROOT = "https://api.telegram.org"
# A Bot API token: the bot's numeric id, a colon, and a 35-character secret (base64url alphabet).
TOKEN_PATTERN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{30,64}$")
TOKEN_ANYWHERE = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,64}")
REDACTED = "<redacted-token>"
OFF = ("0", "off", "no", "false", "none")
STATE_FILE = "telegram-state.pickle"
FEEDBACK_FILE = "feedback.sqlite"


@dataclass(frozen=True)
class Settings:
    """Everything the Telegram front end needs besides the engine."""

    token: str
    api_root: str = DEFAULT_API_ROOT
    allowed_chats: frozenset[int] | None = None  # None: every chat is welcome
    rate_limit: int = 10  # questions per user per rate_window seconds; 0 disables the limit
    rate_window: float = 60.0
    poll_timeout: float = 25.0  # long-polling timeout passed to getUpdates
    workers: int = 4  # threads that run engine.ask
    concurrency: int = 64  # updates handled at once, and the HTTP connection pool size
    max_question: int = 1000  # characters; longer questions get a polite note
    max_retries: int = 4  # 429s waited out per Bot API call (by the rate limiter)
    group_rate: int = 20  # messages per minute into one group (Telegram's limit)
    delivery_patience: float = 180.0  # seconds an answer is retried through an outage
    backoff_start: float = 0.5  # first wait after a failed send; doubles up to backoff_max
    backoff_max: float = 15.0
    drain_grace: float = 3.0  # seconds a stop waits for answers being delivered
    state_file: Path | None = None  # PicklePersistence file; None keeps state in memory only
    persist_interval: float = 1.0  # seconds at most between a change and its write
    feedback_db: Path | None = None  # SQLite file for 👍/👎 and abstentions; None: off
    feedback_ids: bool = False  # also store chat and user ids with feedback
    article: str | None = None  # the default article (a name or folder); None: the process's
    seeds_root: Path | None = None  # where /article finds the others; None: seeds/

    @property
    def base_url(self) -> str:
        return f"{self.api_root}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.api_root}/file/bot"

    def __repr__(self) -> str:  # never show the token, even in a debugger or a traceback
        return (f"Settings(token={REDACTED!r}, api_root={self.api_root!r}, "
                f"allowed_chats={self.allowed_chats!r}, rate_limit={self.rate_limit})")

    __str__ = __repr__


def check_token(token: str) -> str:
    token = token.strip()
    if not token:
        raise UsageError("no Telegram bot token: set TELEGRAM_BOT_TOKEN or use --token-file "
                         "(BotFather gives you one; see 'The Telegram bot' in the README)")
    if not TOKEN_PATTERN.match(token):
        # Never echo the value: a malformed token may still be mostly secret.
        raise UsageError("the Telegram bot token is malformed: expected the form "
                         "'123456789:AA...' that BotFather gives")
    return token


def read_token(token_file: str | None, environ: Mapping[str, str]) -> str:
    if token_file:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"token file not found: {token_file}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read token file {token_file}: "
                             f"{type(exc).__name__}") from None
        return check_token(text)
    return check_token(environ.get("TELEGRAM_BOT_TOKEN", ""))


def without_tokens(text: str) -> str:
    """Anything shaped like a bot token replaced, for messages that echo user input."""
    return TOKEN_ANYWHERE.sub(REDACTED, text)


def parse_api_root(value: str) -> str:
    """The Bot API server's root URL, e.g. https://api.telegram.org or http://localhost:8081.

    People paste ".../bot" or even ".../bot<token>": both are accepted and cut off, so the
    token never ends up in a URL this program prints.
    """
    root = value.strip().rstrip("/")
    root = re.sub(r"/bot(?:[0-9]{1,20}:[^/]*)?$", "", root)
    parts = urlsplit(root)
    if parts.scheme not in ("http", "https") or not parts.netloc or TOKEN_ANYWHERE.search(root):
        raise UsageError(f"TELEGRAM_API_BASE_URL must be an http(s) URL such as "
                         f"{DEFAULT_API_ROOT}, not {without_tokens(value)!r}")
    return root


def parse_chat_ids(value: str | None) -> frozenset[int] | None:
    if value is None or not value.strip():
        return None
    ids: set[int] = set()
    for piece in re.split(r"[,\s]+", value.strip()):
        if not piece:
            continue
        try:
            ids.add(int(piece))
        except ValueError:
            raise UsageError(f"STRIKEBOT_ALLOWED_CHATS: {piece!r} is not a chat id "
                             "(chat ids are integers; groups' are negative)") from None
    return frozenset(ids)


def _int_setting(name: str, value: str | int | None, default: int, minimum: int = 0) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise UsageError(f"{name} must be at least {minimum}")
    return number


def _seconds_setting(name: str, value: str | None, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        raise UsageError(f"{name} must be a number of seconds, not {value!r}") from None
    if number < 0:
        raise UsageError(f"{name} must not be negative")
    return number


def path_setting(value: str | None, default_name: str) -> Path | None:
    """A file path; unset means beside the index, 'off' means none."""
    if value is None or not value.strip():
        return paths.index_dir() / default_name
    if value.strip().lower() in OFF:
        return None
    return Path(value.strip()).expanduser()


def _pick(args: Any, flag: str, environ: Mapping[str, str], variable: str) -> Any:
    value = getattr(args, flag, None)
    return value if value is not None else environ.get(variable)


def settings_from(args: Any, environ: Mapping[str, str]) -> Settings:
    """Check everything the user configured; raise UsageError before anything starts."""
    token = read_token(getattr(args, "token_file", None), environ)
    root = parse_api_root(environ.get("TELEGRAM_API_BASE_URL") or DEFAULT_API_ROOT)
    allowed = parse_chat_ids(_pick(args, "allowed_chats", environ, "STRIKEBOT_ALLOWED_CHATS"))
    rate_limit = _int_setting("--rate-limit",
                              _pick(args, "rate_limit", environ, "STRIKEBOT_RATE_LIMIT"), 10)
    patience = _seconds_setting("STRIKEBOT_DELIVERY_PATIENCE",
                                environ.get("STRIKEBOT_DELIVERY_PATIENCE"), 180.0)
    state = path_setting(_pick(args, "state_file", environ, "STRIKEBOT_TELEGRAM_STATE"),
                          STATE_FILE)
    feedback = path_setting(_pick(args, "feedback_db", environ, "STRIKEBOT_FEEDBACK_DB"),
                             FEEDBACK_FILE)
    if (environ.get("STRIKEBOT_FEEDBACK") or "").strip().lower() in OFF[1:]:
        feedback = None
    ids = (environ.get("STRIKEBOT_FEEDBACK_IDS") or "").strip().lower() in ("1", "yes", "true")
    article = _pick(args, "article", environ, "STRIKEBOT_ARTICLE") or None
    return Settings(token=token, api_root=root, allowed_chats=allowed, rate_limit=rate_limit,
                    delivery_patience=patience, state_file=state, feedback_db=feedback,
                    feedback_ids=ids, article=article)


# --- keeping the token out of every log line -------------------------------------------------

def redactor(secret: str) -> Callable[[str], str]:
    pieces = [secret]
    if ":" in secret:
        pieces.append(secret.split(":", 1)[1])  # the secret half alone, e.g. in a quoted URL

    def redact(text: str) -> str:
        for piece in pieces:
            if piece and piece in text:
                text = text.replace(piece, REDACTED)
        return text

    return redact


def install_redaction(secret: str) -> Callable[[], None]:
    """Rewrite every log record (message and traceback) without the token; returns an undo.

    A record factory sees records from every logger (httpx logs request URLs, which hold the
    token), before any handler, so pytest's caplog and stderr handlers both get clean text.
    """
    previous = logging.getLogRecordFactory()
    redact = redactor(secret)

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call: leave it to logging's own error path
            return record
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[0] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    logging.setLogRecordFactory(factory)
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    for name in quiet:
        logging.getLogger(name).setLevel(logging.WARNING)

    def undo() -> None:
        if logging.getLogRecordFactory() is factory:
            logging.setLogRecordFactory(previous)
        for name, level in quiet.items():
            logging.getLogger(name).setLevel(level)

    return undo
