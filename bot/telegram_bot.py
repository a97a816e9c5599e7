"""The Telegram front end's command-line side: settings, token checks, log redaction.

This module must stay cheap to import: `strikebot --help` builds the parser through
`add_arguments`, so python-telegram-bot is only imported (via `bot.telegram_app`) once
`run_cli` has checked the settings.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import UsageError

DEFAULT_API_ROOT = "https://api.telegram.org"
# A Bot API token: the bot's numeric id, a colon, and a 35-character secret (base64url alphabet).
TOKEN_PATTERN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{30,64}$")
REDACTED = "<redacted-token>"

log = logging.getLogger("strikebot.telegram")


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
    max_retries: int = 4  # retries for 429 / 5xx / network errors on each Bot API call

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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Run the Telegram bot with long polling. The token comes from TELEGRAM_BOT_TOKEN or "
        "--token-file; TELEGRAM_API_BASE_URL points it at another Bot API server; "
        "STRIKEBOT_ALLOWED_CHATS (comma-separated chat ids) restricts where it answers.")
    parser.add_argument("--token-file", metavar="FILE",
                        help="read the bot token from this file instead of TELEGRAM_BOT_TOKEN")
    parser.add_argument("--allowed-chats", metavar="IDS",
                        help="comma-separated chat ids to answer in "
                             "(default: STRIKEBOT_ALLOWED_CHATS, or every chat)")
    parser.add_argument("--rate-limit", type=int, metavar="N", default=None,
                        help="questions per user per minute (default: STRIKEBOT_RATE_LIMIT "
                             "or 10; 0 turns the limit off)")
    parser.add_argument("--log-level", default=None, metavar="LEVEL",
                        help="logging level (default: STRIKEBOT_LOG_LEVEL or INFO)")


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


def parse_api_root(value: str) -> str:
    """The Bot API server's root URL, e.g. https://api.telegram.org or http://localhost:8081."""
    root = value.strip().rstrip("/")
    if root.endswith("/bot"):  # people often paste the ".../bot" prefix; accept it
        root = root[: -len("/bot")]
    parts = urlsplit(root)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"TELEGRAM_API_BASE_URL must be an http(s) URL such as "
                         f"{DEFAULT_API_ROOT}, not {value!r}")
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


def settings_from(args: argparse.Namespace, environ: Mapping[str, str]) -> Settings:
    """Check everything the user configured; raise UsageError before anything starts."""
    token = read_token(getattr(args, "token_file", None), environ)
    root = parse_api_root(environ.get("TELEGRAM_API_BASE_URL") or DEFAULT_API_ROOT)
    allowed_value = getattr(args, "allowed_chats", None)
    if allowed_value is None:
        allowed_value = environ.get("STRIKEBOT_ALLOWED_CHATS")
    allowed = parse_chat_ids(allowed_value)
    rate = getattr(args, "rate_limit", None)
    rate_limit = _int_setting("--rate-limit", rate if rate is not None
                              else environ.get("STRIKEBOT_RATE_LIMIT"), 10)
    return Settings(token=token, api_root=root, allowed_chats=allowed, rate_limit=rate_limit)


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


def _configure_logging(level_name: str) -> None:
    level = logging.getLevelName(level_name.upper())
    if not isinstance(level, int):
        raise UsageError(f"unknown log level {level_name!r} (try INFO or DEBUG)")
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    # Our own and the Telegram library's lines at the chosen level; other libraries (faiss,
    # sentence-transformers) only when they warn, unless DEBUG asks for everything.
    root.setLevel(level if level <= logging.DEBUG else max(level, logging.WARNING))
    for name in ("strikebot", "telegram"):
        logging.getLogger(name).setLevel(level)


def run_cli(args: argparse.Namespace) -> int:
    settings = settings_from(args, os.environ)
    _configure_logging(getattr(args, "log_level", None)
                       or os.environ.get("STRIKEBOT_LOG_LEVEL") or "INFO")
    undo = install_redaction(settings.token)
    try:
        from .engine import load_engine
        from .telegram_app import run

        print("strikebot: loading the answer engine", file=sys.stderr, flush=True)
        engine = load_engine(progress=lambda m: print(f"strikebot: {m}", file=sys.stderr,
                                                      flush=True))
        return run(settings, engine)
    finally:
        undo()
