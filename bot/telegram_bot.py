"""The Telegram front end (python-telegram-bot v22) — being built under issue 3."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--token-file", help="read the bot token from this file")


def run_cli(args: argparse.Namespace) -> int:
    from .errors import UsageError

    raise UsageError("the Telegram front end is not built yet")
