"""The command-line glue: `strikebot telegram` and `strikebot feedback`.

Cheap to import: python-telegram-bot is only imported (via `.app`) once `run_cli` has checked
the settings, so `strikebot --help` stays fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from ..errors import StrikebotError, UsageError
from .feedback import FeedbackStore
from .settings import FEEDBACK_FILE, install_redaction, path_setting, redactor, settings_from

log = logging.getLogger("strikebot.telegram")


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
    parser.add_argument("--state-file", metavar="FILE", default=None,
                        help="where conversations and pending questions are kept across "
                             "restarts (default: STRIKEBOT_TELEGRAM_STATE or beside the index; "
                             "'off' keeps them in memory only)")
    parser.add_argument("--feedback-db", metavar="FILE", default=None,
                        help="SQLite file for 👍/👎 feedback (default: STRIKEBOT_FEEDBACK_DB or "
                             "beside the index; 'off' turns feedback off)")
    parser.add_argument("--log-level", default=None, metavar="LEVEL",
                        help="logging level (default: STRIKEBOT_LOG_LEVEL or INFO)")


def add_feedback_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = ("List the Telegram answers users marked 👎 and the questions the "
                          "bot abstained on, most recent first.")
    parser.add_argument("--db", metavar="FILE", default=None,
                        help=f"the feedback file (default: STRIKEBOT_FEEDBACK_DB or "
                             f"{FEEDBACK_FILE} beside the index)")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="at most N entries (default 50)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


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
    redact = redactor(settings.token)
    try:
        from ..engine import load_engine
        from .app import run

        print("strikebot: loading the answer engine", file=sys.stderr, flush=True)
        engine = load_engine(progress=lambda m: print(f"strikebot: {m}", file=sys.stderr,
                                                      flush=True))
        return run(settings, engine)
    except StrikebotError as exc:  # the CLI prints it: make sure it holds no token
        clean = StrikebotError(redact(str(exc)))
        clean.exit_code = exc.exit_code
        raise clean from None
    finally:
        undo()


def feedback_cli(args: argparse.Namespace) -> int:
    """`strikebot feedback`: answers marked wrong and abstentions, most recent first."""
    path = _feedback_path(args.db)
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if not path.exists():
        if args.json:
            return 0
        print(f"no feedback yet ({path} does not exist)")
        return 0
    with FeedbackStore(path) as store:
        rows = store.problems(args.limit)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if not rows:
        print("nothing marked wrong and no abstentions")
    for row in rows:
        what = "👎 marked wrong" if row["verdict"] == "down" else "abstained"
        print(f"{row['at']}  {what}  ({row['chat_type']}, {row['article']})")
        print(f"  Q: {row['question']}")
        print(f"  A: {row['answer']}")
    return 0


def _feedback_path(value: str | None) -> Path:
    path = path_setting(value or os.environ.get("STRIKEBOT_FEEDBACK_DB"), FEEDBACK_FILE)
    if path is None:
        raise UsageError("feedback is turned off (STRIKEBOT_FEEDBACK_DB=off); give --db FILE")
    return path
