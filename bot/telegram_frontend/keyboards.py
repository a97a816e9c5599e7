"""The buttons under an answer: its sources, and 👍 / 👎."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

SOURCE_PREFIX = "src:"
FEEDBACK_PREFIX = "fb:"
UP, DOWN = "up", "down"


def answer_keyboard(passages: Sequence[str], feedback: bool) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    if passages:
        rows.append([InlineKeyboardButton(f"📄 {pid}", callback_data=SOURCE_PREFIX + pid)
                     for pid in passages])
    if feedback:
        rows.append([InlineKeyboardButton("👍", callback_data=FEEDBACK_PREFIX + UP),
                     InlineKeyboardButton("👎", callback_data=FEEDBACK_PREFIX + DOWN)])
    return InlineKeyboardMarkup(rows) if rows else None
