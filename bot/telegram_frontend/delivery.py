"""Getting a message to a chat, whatever Telegram and the network do meanwhile.

- network errors, timeouts and 5xx: retried with exponential back-off for up to
  `Settings.delivery_patience` seconds (outages of minutes are waited out);
- 429: waited out as Telegram says (the rate limiter does this first);
- a group that became a supergroup (400 with migrate_to_chat_id): sent to the new id, and the
  chat's memory moved along (`on_migrate`);
- the question was deleted ("message to be replied not found"): sent without the reply, still
  into the question's forum topic (message_thread_id);
- HTML Telegram cannot parse: resent once as plain text — and only that error; any other 400
  is a real failure and is not "fixed" by dropping the formatting.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from telegram import InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from ..errors import StrikebotError
from .formatting import split_html, split_plain, to_plain
from .settings import Settings

log = logging.getLogger("strikebot.telegram")


class DeliveryFailed(StrikebotError):
    """A message could not be delivered (the chat is gone, or the outage outlasted patience)."""


@dataclass(frozen=True)
class Target:
    """Where a message goes: the chat, the message it answers, the forum topic."""

    chat_id: int
    reply_to: int | None = None
    thread_id: int | None = None


@dataclass(frozen=True)
class Delivered:
    message: Message
    html: str | None  # the HTML shown, or None if it went as plain text


def parse_error(exc: BadRequest) -> bool:
    return "can't parse entities" in exc.message.lower()


def reply_gone(exc: BadRequest) -> bool:
    text = exc.message.lower()
    return "message to be replied not found" in text or "replied message not found" in text


def thread_gone(exc: BadRequest) -> bool:
    return "thread not found" in exc.message.lower()


class Delivery:
    def __init__(self, bot: Any, settings: Settings,
                 on_migrate: Callable[[int, int], None] = lambda old, new: None,
                 moved: dict[int, int] | None = None) -> None:
        self.bot = bot
        self.settings = settings
        self.on_migrate = on_migrate
        self.moved: dict[int, int] = {} if moved is None else moved  # old id -> new id

    def chat(self, chat_id: int) -> int:
        while chat_id in self.moved:
            chat_id = self.moved[chat_id]
        return chat_id

    def migrated(self, old: int, new: int) -> None:
        if old == new or self.chat(new) == old:
            return
        self.moved[old] = new
        log.info("chat %s is now %s (upgraded to a supergroup); following it", old, new)
        self.on_migrate(old, new)

    async def patiently(self, what: str, call: Callable[[int], Awaitable[Any]],
                        chat_id: int) -> Any:
        """call(chat id) until it succeeds, through outages, 429s and migrations."""
        s = self.settings
        deadline = time.monotonic() + s.delivery_patience
        delay = s.backoff_start
        attempt = 0
        while True:
            try:
                return await call(self.chat(chat_id))
            except ChatMigrated as exc:
                self.migrated(self.chat(chat_id), int(exc.new_chat_id))
                continue
            except RetryAfter as exc:
                wait = exc.retry_after
                seconds = wait if isinstance(wait, int | float) else wait.total_seconds()
                if time.monotonic() + seconds > deadline:
                    raise DeliveryFailed(f"{what}: still rate-limited after "
                                         f"{s.delivery_patience:.0f} s") from None
                await asyncio.sleep(seconds)
                continue
            except (BadRequest, Forbidden):
                raise
            except NetworkError as exc:  # 5xx, connection reset, timeout
                attempt += 1
                if time.monotonic() + delay > deadline:
                    raise DeliveryFailed(f"{what} to chat {chat_id}: the Bot API was "
                                         f"unreachable for {s.delivery_patience:.0f} s "
                                         f"({exc.message})") from None
                log.warning("%s to chat %s failed (%s); retry %d in %.1f s", what, chat_id,
                            exc.message, attempt, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, s.backoff_max)

    async def send_one(self, target: Target, text: str, html: bool,
                       keyboard: InlineKeyboardMarkup | None) -> Message:
        """One message; drops the reply if the question is gone, never the topic."""
        while True:
            reply = (ReplyParameters(message_id=target.reply_to,
                                     allow_sending_without_reply=True)
                     if target.reply_to is not None else None)

            async def call(chat_id: int, reply: ReplyParameters | None = reply,
                           thread: int | None = target.thread_id) -> Message:
                sent: Message = await self.bot.send_message(
                    chat_id, text, parse_mode=ParseMode.HTML if html else None,
                    reply_parameters=reply, message_thread_id=thread, reply_markup=keyboard)
                return sent

            try:
                result: Message = await self.patiently("sendMessage", call, target.chat_id)
                return result
            except BadRequest as exc:
                if reply_gone(exc) and target.reply_to is not None:
                    log.info("the question in chat %s is gone; answering without the reply",
                             target.chat_id)
                    target = replace(target, reply_to=None)
                    continue
                if thread_gone(exc) and target.thread_id is not None:
                    target = replace(target, thread_id=None)
                    continue
                raise

    async def send(self, target: Target, markup: str,
                   keyboard: InlineKeyboardMarkup | None = None) -> Delivered | None:
        """HTML split to Telegram's limit; the keyboard goes under the last part."""
        chunks = split_html(markup)
        last: Delivered | None = None
        for number, chunk in enumerate(chunks, 1):
            board = keyboard if number == len(chunks) else None
            try:
                message = await self.send_one(target, chunk, True, board)
                last = Delivered(message, chunk)
            except BadRequest as exc:
                if not parse_error(exc):
                    raise DeliveryFailed(f"Telegram refused a message to chat "
                                         f"{target.chat_id}: {exc.message}") from None
                log.warning("Telegram could not parse a message to chat %s (%s); resending "
                            "as plain text", target.chat_id, exc.message)
                pieces = split_plain(to_plain(chunk))
                for index, piece in enumerate(pieces, 1):
                    message = await self.send_one(target, piece, False,
                                                  board if index == len(pieces) else None)
                    last = Delivered(message, None)
            except Forbidden as exc:
                raise DeliveryFailed(f"cannot write to chat {target.chat_id}: "
                                     f"{exc.message}") from None
        return last

    async def edit(self, chat_id: int, message_id: int, markup: str,
                   keyboard: InlineKeyboardMarkup | None) -> None:
        async def call(chat: int) -> Any:
            return await self.bot.edit_message_text(markup, chat, message_id,
                                                    parse_mode=ParseMode.HTML,
                                                    reply_markup=keyboard)

        await self.patiently("editMessageText", call, chat_id)


def target_for(message: Message) -> Target:
    """An answer to `message`: quoted in groups (not in private chats), in its forum topic."""
    private = message.chat.type == "private"
    thread = message.message_thread_id if message.is_topic_message else None
    return Target(message.chat.id, None if private else message.message_id, thread)
