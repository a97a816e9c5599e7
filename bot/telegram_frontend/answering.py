"""From an accepted question to a delivered answer.

A question is written down (`Journal`), queued for its chat (`ChatQueues`), answered on a worker
thread with the chat's conversation, rendered, delivered (`Delivery`), and crossed out. The
conversation lives in the chat's persisted chat_data, so follow-ups survive a restart and
follow a group that becomes a supergroup.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError
from telegram.ext import Application

from ..answer import Answer
from ..conversation import Conversation
from .addressing import is_small_talk
from .articles import Articles
from .delivery import Delivered, Delivery, DeliveryFailed, Target
from .feedback import Exchange, FeedbackStore
from .formatting import FigureLike, PassageLike, render_answer
from .journal import Journal, Question
from .keyboards import answer_keyboard
from .queues import ChatQueues
from .settings import Settings
from .wording import article_name

log = logging.getLogger("strikebot.telegram")

App = Application[Any, Any, Any, Any, Any, Any]
SORRY = "Sorry — something went wrong while answering that. Please try again in a moment."
ANSWERS = "sent_answers"  # bot_data: "chat:message" -> what a button press needs
KEEP_ANSWERS = 500
MAX_CHATS = 5000
CONVERSATION = "conversation"  # chat_data key
ARTICLE = "article"  # chat_data key: the article the chat chose with /article


class EngineLike(Protocol):
    def ask(self, question: str, conversation: Conversation | None = None) -> Answer: ...
    def passage(self, pid: str) -> PassageLike | None: ...
    @property
    def figures(self) -> Sequence[FigureLike]: ...


class Answerer:
    def __init__(self, engine: EngineLike, settings: Settings,
                 articles: Articles | None = None) -> None:
        self.engine = engine
        self.settings = settings
        self.articles = articles or Articles(engine, settings.article, settings.seeds_root)
        self.executor = ThreadPoolExecutor(max_workers=max(1, settings.workers),
                                           thread_name_prefix="strikebot-ask")
        self.queues = ChatQueues()
        self.feedback = FeedbackStore(settings.feedback_db) if settings.feedback_db else None
        self._app: App | None = None
        self._delivery: Delivery | None = None
        self._journal: Journal | None = None
        self._flush: asyncio.Task[None] | None = None
        self._dirty = False
        self.recent: OrderedDict[int, None] = OrderedDict()

    # --- wiring -----------------------------------------------------------------------------

    def attach(self, app: App) -> None:
        """After app.initialize(): the persisted bot_data is loaded."""
        self._app = app
        self._journal = Journal(app.bot_data)
        self._delivery = Delivery(app.bot, self.settings, self.move_chat, self._journal.moves)

    @property
    def app(self) -> App:
        assert self._app is not None, "attach() first"
        return self._app

    @property
    def delivery(self) -> Delivery:
        assert self._delivery is not None, "attach() first"
        return self._delivery

    @property
    def journal(self) -> Journal:
        assert self._journal is not None, "attach() first"
        return self._journal

    def move_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: its memory and settings go to the new id."""
        if old in self.app.chat_data and not self.app.chat_data.get(new):
            if new in self.app.chat_data:  # an empty entry made by an update from the new id
                self.app.drop_chat_data(new)
            self.app.migrate_chat_data(old_chat_id=old, new_chat_id=new)
        self.persist_soon()

    def resume(self) -> int:
        """Queue the questions a previous run accepted but did not answer."""
        waiting = self.journal.waiting()
        for question in waiting:
            self.queues.submit(question.chat_id, self.job(question))
        if waiting:
            log.info("answering %d question(s) left from the last run", len(waiting))
        return len(waiting)

    async def close(self) -> None:
        """Stop answering: running work gets the grace period, the rest stays pending."""
        await self.queues.close(self.settings.drain_grace)
        if self._flush is not None and not self._flush.done():  # the shutdown writes it all
            self._flush.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._flush

    def release(self) -> None:
        """After the application has shut down: the threads and the feedback file."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self.feedback is not None:
            self.feedback.close()

    def persist_soon(self) -> None:
        """Write the state file within `persist_interval` seconds (the changes meanwhile are
        one write); a stop writes it at once."""
        if self._app is None or self._app.persistence is None or self.queues.closed:
            return  # (once stopping, the shutdown writes everything)
        self._dirty = True
        if self._flush is None or self._flush.done():
            self._flush = asyncio.create_task(self._persist())

    async def _persist(self) -> None:
        while self._dirty:
            self._dirty = False
            await asyncio.sleep(self.settings.persist_interval)
            try:
                await self.app.update_persistence()
                if self.app.persistence is not None:
                    await self.app.persistence.flush()
            except Exception as exc:
                log.warning("could not write the state file: %s: %s", type(exc).__name__, exc)

    # --- the pipeline -------------------------------------------------------------------------

    def accept(self, question: Question) -> bool:
        """Write a question down and queue it; False if it was seen before."""
        if not self.journal.add(question):
            log.info("question %s seen before; not answering it twice", question.key)
            return False
        self.persist_soon()
        if not self.queues.submit(question.chat_id, self.job(question)):
            log.info("stopping: question %s will be answered after the restart", question.key)
        return True

    def job(self, question: Question) -> Callable[[], Awaitable[None]]:
        return lambda: self.answer(question)

    def say(self, target: Target, markup: str) -> None:
        """Queue a short message for a chat, behind the answers already queued there."""

        async def job() -> None:
            try:
                await self.delivery.send(target, markup)
            except DeliveryFailed as exc:
                log.warning("%s", exc)

        self.queues.submit(target.chat_id, job)

    def touch(self, chat_id: int) -> None:
        """Keep the memory of the most recent MAX_CHATS chats."""
        self.recent[chat_id] = None
        self.recent.move_to_end(chat_id)
        while len(self.recent) > MAX_CHATS:
            old, _ = self.recent.popitem(last=False)
            self.app.drop_chat_data(old)

    def conversation(self, chat_id: int) -> Conversation:
        stored = self.app.chat_data[self.delivery.chat(chat_id)].get(CONVERSATION)
        return stored if isinstance(stored, Conversation) else Conversation()

    # --- the chat's article ---------------------------------------------------------------

    def article_of(self, chat_id: int) -> str:
        """The article the chat chose, or the default (also when the choice is gone)."""
        stored = self.app.chat_data[self.delivery.chat(chat_id)].get(ARTICLE)
        if isinstance(stored, str) and stored in self.articles.folders():
            return stored
        return self.articles.default

    def choose(self, chat_id: int, name: str) -> None:
        """Switch the chat's article; its follow-up memory starts afresh."""
        chat = self.delivery.chat(chat_id)
        data = self.app.chat_data[chat]
        data[ARTICLE] = name
        data.pop(CONVERSATION, None)
        self.app.mark_data_for_update_persistence(chat_ids=chat)
        self.persist_soon()

    async def engine_named(self, name: str) -> EngineLike:
        """The article's engine, loaded on a worker thread if this is its first use."""
        engine: EngineLike | None = self.articles.loaded(name)
        if engine is not None:
            return engine
        loop = asyncio.get_running_loop()
        loaded: EngineLike = await loop.run_in_executor(self.executor, self.articles.engine,
                                                        name)
        return loaded

    async def engine_for(self, chat_id: int) -> EngineLike:
        return await self.engine_named(self.article_of(chat_id))

    def _ask(self, name: str, text: str, conversation: Conversation | None) -> Answer:
        answer: Answer = self.articles.engine(name).ask(text, conversation)
        return answer

    async def answer(self, question: Question) -> None:
        """Answer one accepted question; whatever fails, it is not left pending forever."""
        target = Target(question.chat_id, question.reply_to, question.thread_id)
        try:
            await self.compose_and_deliver(question, target)
        except Exception:
            log.exception("could not answer a question in chat %s", question.chat_id)
            await self.deliver(question, target, SORRY, None)

    async def compose_and_deliver(self, question: Question, target: Target) -> None:
        started = time.perf_counter()
        name = self.article_of(question.chat_id)
        working = copy.deepcopy(self.conversation(question.chat_id))
        answer = await self.run_ask(question, working, name)
        chat = self.delivery.chat(question.chat_id)
        if self.article_of(chat) == name:  # (not if the chat switched meanwhile)
            self.app.chat_data[chat][CONVERSATION] = working
            self.app.mark_data_for_update_persistence(chat_ids=chat)
        rendered = render_answer(answer, quote=question.chat_type == ChatType.PRIVATE)
        exchange = self.exchange(question, answer, name)
        row = self.record(exchange) if answer.abstained and not is_small_talk(
            question.text) else None
        keyboard = answer_keyboard(rendered.passages, self.feedback is not None)
        delivered = await self.deliver(question, target, rendered.html, keyboard)
        if delivered is not None:
            self.remember(delivered, exchange, rendered.passages, row, name)
        self.touch(chat)
        log.info("answered chat %s (%s, %d chars) in %.0f ms", chat, answer.kind,
                 len(question.text), (time.perf_counter() - started) * 1000)

    async def deliver(self, question: Question, target: Target, markup: str,
                      keyboard: Any) -> Delivered | None:
        try:
            return await self.delivery.send(target, markup, keyboard)
        except DeliveryFailed as exc:
            log.error("gave up on the answer to %s: %s", question.key, exc)
            return None
        finally:  # delivered or given up on; a cancelled job (a stop) stays pending
            if not _cancelled():
                self.journal.finish(question)
                self.persist_soon()

    async def run_ask(self, question: Question, conversation: Conversation,
                      name: str | None = None) -> Answer:
        """engine.ask on a worker thread (the article's engine, loaded there on first use);
        'typing…' is shown only if it takes a while."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.executor, self._ask, name or self.articles.default,
                                      question.text, conversation)
        done, _ = await asyncio.wait({future}, timeout=0.8)
        if not done:
            with contextlib.suppress(TelegramError):
                await self.app.bot.send_chat_action(self.delivery.chat(question.chat_id),
                                                    ChatAction.TYPING,
                                                    message_thread_id=question.thread_id)
        return await future

    async def ask_once(self, text: str) -> Answer:
        """A question without a chat (inline mode)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.engine.ask, text, None)

    # --- what buttons need later ----------------------------------------------------------------

    def exchange(self, question: Question, answer: Answer, article: str = "") -> Exchange:
        ids = self.settings.feedback_ids
        return Exchange(question.chat_type, question.text, answer.answer, answer.kind,
                        answer.abstained, getattr(answer, "article", "") or article
                        or article_name(answer),
                        question.chat_id if ids else None, question.user_id if ids else None)

    def record(self, exchange: Exchange, verdict: str | None = None) -> int | None:
        return self.feedback.record(exchange, verdict) if self.feedback is not None else None

    def remember(self, delivered: Delivered, exchange: Exchange, passages: tuple[str, ...],
                 row: int | None, article: str | None = None) -> None:
        answers = self.sent_answers()
        key = f"{delivered.message.chat_id}:{delivered.message.message_id}"
        answers[key] = {"html": delivered.html, "behind": list(passages), "shown": [],
                        "exchange": exchange, "row": row,
                        "article": article or self.articles.default}
        while len(answers) > KEEP_ANSWERS:
            del answers[next(iter(answers))]
        self.persist_soon()

    def sent_answers(self) -> dict[str, dict[str, Any]]:
        answers: dict[str, dict[str, Any]] | None = self.app.bot_data.get(ANSWERS)
        if not isinstance(answers, dict):
            answers = self.app.bot_data[ANSWERS] = {}
        return answers


def _cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0
