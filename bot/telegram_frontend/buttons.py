"""Button presses (📄 source, 👍 / 👎) and inline queries.

A source button adds its passage to the answer in place, once: pressed again, or by two
people at the same moment, it says the passage is already there. Feedback is stored in the
feedback file with the question and answer it is about.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any

from telegram import (
    CallbackQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from .answering import Answerer, EngineLike
from .delivery import DeliveryFailed, Target
from .feedback import Exchange
from .formatting import (
    MAX_MESSAGE,
    PassageLike,
    clip,
    passage_quote,
    render_answer,
    render_passage,
    split_html,
    tg_len,
    to_plain,
)
from .keyboards import DOWN, FEEDBACK_PREFIX, SOURCE_PREFIX, UP, answer_keyboard
from .settings import Settings

log = logging.getLogger("strikebot.telegram")
Context = ContextTypes.DEFAULT_TYPE
INLINE_CACHE = 30  # seconds; results are personal, so Telegram never shows them to others


class Buttons:
    def __init__(self, engine: EngineLike, settings: Settings, answerer: Answerer) -> None:
        self.engine = engine
        self.settings = settings
        self.answerer = answerer
        self.locks: dict[str, asyncio.Lock] = {}
        self.posted: set[str] = set()  # "chat:message:pid" sent as a message of its own

    def lock(self, key: str) -> asyncio.Lock:
        if len(self.locks) > 1000:
            for name in [k for k, v in self.locks.items() if not v.locked()]:
                del self.locks[name]
        return self.locks.setdefault(key, asyncio.Lock())

    async def on_callback(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        data = query.data or ""
        if data.startswith(SOURCE_PREFIX):
            await self.on_source(query, data[len(SOURCE_PREFIX):])
        elif data.startswith(FEEDBACK_PREFIX):
            await self.on_feedback(query, data[len(FEEDBACK_PREFIX):])
        else:
            await query.answer("That button is no longer available.")

    # --- 📄 ----------------------------------------------------------------------------------

    async def on_source(self, query: CallbackQuery, pid: str) -> None:
        message = query.message
        entry = (self.answerer.sent_answers().get(f"{message.chat.id}:{message.message_id}")
                 if isinstance(message, Message) else None)
        engine = (await self.answerer.engine_named(str(entry["article"]))
                  if entry is not None and entry.get("article") else self.engine)
        passage = engine.passage(pid)
        if passage is None:
            await query.answer("That passage is not available.")
            return
        if not isinstance(message, Message):  # an inline message, or too old to touch
            await query.answer(clip(f"{pid}: {passage.text}", 190), show_alert=True)
            return
        key = f"{message.chat.id}:{message.message_id}"
        async with self.lock(key):
            entry = self.answerer.sent_answers().get(key)
            if entry is not None and pid in entry["shown"] or f"{key}:{pid}" in self.posted:
                await query.answer(f"{pid} is already shown.")
                return
            await query.answer(f"Passage {pid}")
            if entry is not None and await self.extend(message, entry, passage):
                return
            self.posted.add(f"{key}:{pid}")
            try:
                await self.answerer.delivery.send(Target(message.chat.id, message.message_id,
                                                         message.message_thread_id
                                                         if message.is_topic_message else None),
                                                  render_passage(passage))
            except DeliveryFailed as exc:
                log.warning("%s", exc)

    async def extend(self, message: Message, entry: dict[str, Any],
                     passage: PassageLike) -> bool:
        """Add the passage to the answer in place; False if it cannot be (too long, plain)."""
        pid = passage.id
        if entry["html"] is None:
            return False
        extended = f"{entry['html']}\n\n{passage_quote(passage)}"
        if tg_len(to_plain(extended)) > MAX_MESSAGE:
            return False
        rest = [p for p in entry["behind"] if p != pid]
        keyboard = answer_keyboard(rest, self.answerer.feedback is not None)
        try:
            await self.answerer.delivery.edit(message.chat.id, message.message_id, extended,
                                              keyboard)
        except (BadRequest, DeliveryFailed) as exc:
            log.warning("could not add %s to the answer (%s); sending it", pid, exc)
            return False
        entry.update(html=extended, behind=rest, shown=[*entry["shown"], pid])
        self.answerer.persist_soon()
        return True

    # --- 👍 / 👎 ------------------------------------------------------------------------------

    async def on_feedback(self, query: CallbackQuery, verdict: str) -> None:
        store = self.answerer.feedback
        message = query.message
        if store is None or verdict not in (UP, DOWN) or not isinstance(message, Message):
            await query.answer("Thanks!")
            return
        key = f"{message.chat.id}:{message.message_id}"
        async with self.lock(key):
            entry = self.answerer.sent_answers().get(key)
            if entry is None:  # an answer from before the last 2,000: keep what we can
                entry = self.unknown_answer(message)
                self.answerer.sent_answers()[key] = entry
            if entry.get("row") is None:
                entry["row"] = self.answerer.record(entry["exchange"], verdict)
            else:
                store.set_verdict(int(entry["row"]), verdict)
            entry["verdict"] = verdict
            self.answerer.persist_soon()
        await query.answer("Thanks — noted 👍" if verdict == UP else
                           "Thanks — noted; the people who run me will look at it.")

    @staticmethod
    def unknown_answer(message: Message) -> dict[str, Any]:
        replied = message.reply_to_message
        question = replied.text if replied is not None and replied.text else ""
        exchange = Exchange(message.chat.type, question, message.text or "", "unknown", False)
        return {"html": None, "behind": [], "shown": [], "row": None, "exchange": exchange}

    # --- inline mode --------------------------------------------------------------------------

    async def on_inline(self, update: Update, context: Context) -> None:
        query = update.inline_query
        if query is None:
            return
        question = query.query.strip()
        if not question:
            await query.answer([], cache_time=INLINE_CACHE, is_personal=True)
            return
        answer = await self.answerer.ask_once(question[: self.settings.max_question])
        body = split_html(render_answer(answer, quote=False, buttons=False).html)[0]
        key = hashlib.sha256(question.encode("utf-8")).hexdigest()[:32]

        def result(content: InputTextMessageContent) -> InlineQueryResultArticle:
            return InlineQueryResultArticle(id=key, title=clip(question, 64),
                                            description=clip(answer.answer, 120),
                                            input_message_content=content)

        try:
            await query.answer([result(InputTextMessageContent(body,
                                                               parse_mode=ParseMode.HTML))],
                               cache_time=INLINE_CACHE, is_personal=True)
        except BadRequest as exc:
            if "can't parse entities" not in exc.message.lower():
                raise
            log.warning("inline answer rejected (%s); offering plain text", exc.message)
            await query.answer([result(InputTextMessageContent(to_plain(body)))],
                               cache_time=INLINE_CACHE, is_personal=True)

