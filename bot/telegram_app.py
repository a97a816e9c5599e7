"""The Telegram bot itself (python-telegram-bot v22): handlers, delivery, lifecycle.

Imported only by `bot.telegram_bot.run_cli` (and tests), never by the core. The engine is any
object with `ask(question, conversation)`, `passage(pid)` and `figures`, so handlers can be
exercised with a fake engine as well as the real one.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import signal
import sys
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from .answer import Answer
from .conversation import Conversation
from .errors import StrikebotError
from .telegram_bot import Settings
from .telegram_format import (
    MAX_MESSAGE,
    FigureLike,
    PassageLike,
    clip,
    esc,
    passage_quote,
    render_answer,
    render_figures,
    render_passage,
    split_html,
    split_plain,
    tg_len,
    to_plain,
)

log = logging.getLogger("strikebot.telegram")

Context = ContextTypes.DEFAULT_TYPE
App = Application[Any, Any, Any, Any, Any, Any]

EXAMPLES = (
    "How many appointments were cancelled at Walsall?",
    "How many hospital appointments were cancelled across England?",
    "What did Diane Wake say?",
)
PRIVATE_COMMANDS = (
    ("start", "greeting and example questions"),
    ("help", "what I know and how to ask"),
    ("figures", "the table of figures in the article"),
    ("source", "show a passage in full, e.g. /source p04"),
)
GROUP_COMMANDS = (
    ("ask", "ask a question about the article"),
    ("figures", "the table of figures in the article"),
    ("source", "show a passage in full, e.g. /source p04"),
    ("help", "what I know and how to ask"),
)
NOT_TEXT = (filters.Sticker.ALL | filters.PHOTO | filters.VIDEO | filters.VOICE | filters.AUDIO
            | filters.Document.ALL | filters.ANIMATION | filters.VIDEO_NOTE | filters.LOCATION
            | filters.CONTACT)
SORRY = "Sorry — something went wrong while answering that. Please try again in a moment."
SOURCE_PREFIX = "src:"


class EngineLike(Protocol):
    def ask(self, question: str, conversation: Conversation | None = None) -> Answer: ...
    def passage(self, pid: str) -> PassageLike | None: ...
    @property
    def figures(self) -> Sequence[FigureLike]: ...


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's flood limits (30/s overall, 20/min per group), 429s waited out, and
    network errors or 5xx answers from the Bot API retried with back-off."""

    def __init__(self, retries: int) -> None:
        super().__init__(max_retries=retries)
        self._retries = retries

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        delay = 0.25
        for attempt in range(self._retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data,
                                                     rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as exc:  # 5xx, connection reset, timeout
                if attempt == self._retries:
                    raise
                log.warning("Bot API %s failed (%s); retry %d in %.2f s", endpoint, exc,
                            attempt + 1, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 8.0)
        raise AssertionError("unreachable")  # pragma: no cover


class QuestionLimiter:
    """At most `limit` questions per user in any `window` seconds (a sliding window)."""

    def __init__(self, limit: int, window: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}

    def wait(self, user: int) -> float:
        """0 and count the question if allowed, else the seconds until it would be."""
        if self.limit <= 0:
            return 0.0
        now = self.clock()
        times = self._seen.setdefault(user, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.limit:
            return max(0.1, self.window - (now - times[0]))
        times.append(now)
        if len(self._seen) > 10_000:  # forget idle users now and then
            for key in [k for k, v in self._seen.items() if not v or now - v[-1] >= self.window]:
                del self._seen[key]
        return 0.0


@dataclass
class ChatState:
    conversation: Conversation = field(default_factory=Conversation)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class TelegramFrontEnd:
    """The handlers and their state: one conversation and one lock per chat."""

    max_chats = 5000
    max_remembered = 2000

    def __init__(self, engine: EngineLike, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self.executor = ThreadPoolExecutor(max_workers=max(1, settings.workers),
                                           thread_name_prefix="strikebot-ask")
        self.limiter = QuestionLimiter(settings.rate_limit, settings.rate_window)
        self.chats: OrderedDict[int, ChatState] = OrderedDict()
        # (chat id, message id) -> (HTML sent, passages still behind a button)
        self.sent: OrderedDict[tuple[int, int], tuple[str, tuple[str, ...]]] = OrderedDict()
        self.passage_ids = tuple(pid for pid in (f"p{n:02d}" for n in range(1, 100))
                                 if engine.passage(pid) is not None)

    # --- building -------------------------------------------------------------------------

    def build(self) -> App:
        s = self.settings
        app: App = (
            ApplicationBuilder()
            .token(s.token)
            .base_url(s.base_url)
            .base_file_url(s.base_file_url)
            .concurrent_updates(s.concurrency)
            .connection_pool_size(s.concurrency + 8)
            .pool_timeout(30.0)
            .rate_limiter(RetryingRateLimiter(s.max_retries))
            .build()
        )
        message = filters.UpdateType.MESSAGE
        private = filters.ChatType.PRIVATE
        app.add_handler(TypeHandler(Update, self.gate), group=-1)
        for name, callback in (("start", self.on_start), ("help", self.on_help),
                               ("ask", self.on_ask), ("figures", self.on_figures),
                               ("source", self.on_source)):
            app.add_handler(CommandHandler(name, callback, filters=message))
        app.add_handler(MessageHandler(private & message & filters.COMMAND, self.on_unknown))
        app.add_handler(MessageHandler(private & message & filters.TEXT & ~filters.VIA_BOT,
                                       self.on_private_text))
        app.add_handler(MessageHandler(filters.ChatType.GROUPS & message & filters.TEXT
                                       & ~filters.COMMAND & ~filters.VIA_BOT, self.on_group_text))
        app.add_handler(MessageHandler(private & message & NOT_TEXT, self.on_not_text))
        app.add_handler(CallbackQueryHandler(self.on_callback))
        app.add_handler(InlineQueryHandler(self.on_inline))
        app.add_error_handler(self.on_error)
        return app

    async def set_commands(self, app: App) -> None:
        try:
            await app.bot.set_my_commands([BotCommand(n, d) for n, d in PRIVATE_COMMANDS],
                                          scope=BotCommandScopeAllPrivateChats())
            await app.bot.set_my_commands([BotCommand(n, d) for n, d in GROUP_COMMANDS],
                                          scope=BotCommandScopeAllGroupChats())
        except TelegramError as exc:  # the menu is a nicety; answering matters more
            log.warning("could not set the command menu: %s", exc)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    # --- state ----------------------------------------------------------------------------

    def chat(self, chat_id: int) -> ChatState:
        state = self.chats.get(chat_id)
        if state is None:
            state = self.chats[chat_id] = ChatState()
            while len(self.chats) > self.max_chats:
                self.chats.popitem(last=False)
        else:
            self.chats.move_to_end(chat_id)
        return state

    def remember(self, chat_id: int, message_id: int, markup: str,
                 passages: tuple[str, ...]) -> None:
        self.sent[(chat_id, message_id)] = (markup, passages)
        while len(self.sent) > self.max_remembered:
            self.sent.popitem(last=False)

    # --- delivery -------------------------------------------------------------------------

    async def send(self, context: Context, chat_id: int, markup: str,
                   reply_to: int | None = None,
                   keyboard: InlineKeyboardMarkup | None = None) -> tuple[Message, str] | None:
        """Send HTML, split to Telegram's limit; a chunk Telegram rejects goes as plain text."""
        chunks = split_html(markup)
        last: tuple[Message, str] | None = None
        for number, chunk in enumerate(chunks, 1):
            markup_kb = keyboard if number == len(chunks) else None
            reply = (ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
                     if reply_to is not None else None)
            try:
                sent = await context.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML,
                                                      reply_parameters=reply,
                                                      reply_markup=markup_kb)
                last = (sent, chunk)
            except BadRequest as exc:
                log.warning("Telegram rejected a message to chat %s (%s); resending as plain "
                            "text", chat_id, exc.message)
                for piece in split_plain(to_plain(chunk)):
                    sent = await context.bot.send_message(chat_id, piece, reply_parameters=reply,
                                                          reply_markup=markup_kb)
                    last = None  # no HTML to extend when a button is pressed
        return last

    async def reply(self, update: Update, context: Context, markup: str) -> None:
        chat = update.effective_chat
        message = update.effective_message
        if chat is None:
            return
        quote = message.message_id if message and chat.type != ChatType.PRIVATE else None
        await self.send(context, chat.id, markup, reply_to=quote)

    @staticmethod
    def buttons(passages: Sequence[str]) -> InlineKeyboardMarkup | None:
        if not passages:
            return None
        return InlineKeyboardMarkup([[InlineKeyboardButton(f"📄 Show {pid}",
                                                           callback_data=SOURCE_PREFIX + pid)
                                      for pid in passages]])

    async def run_ask(self, context: Context, chat_id: int | None, question: str,
                      conversation: Conversation | None) -> Answer:
        """engine.ask on a worker thread; 'typing…' is shown only if it takes a while."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.executor, self.engine.ask, question, conversation)
        done, _ = await asyncio.wait({future}, timeout=0.8)
        if not done and chat_id is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        return await future

    # --- questions ------------------------------------------------------------------------

    def usage(self, chat_type: str, username: str | None) -> str:
        if chat_type == ChatType.PRIVATE:
            return f"Send me a question about the article, for example: <i>{esc(EXAMPLES[0])}</i>"
        return (f"Ask like this: <code>/ask {esc(EXAMPLES[0])}</code>, or mention "
                f"@{esc(username or 'me')}, or reply to one of my messages.")

    async def answer_question(self, update: Update, context: Context, question: str) -> None:
        chat = update.effective_chat
        message = update.effective_message
        if chat is None or message is None:
            return
        quote = message.message_id if chat.type != ChatType.PRIVATE else None
        question = question.strip()
        if not question:
            await self.send(context, chat.id, self.usage(chat.type, context.bot.username),
                            reply_to=quote)
            return
        if len(question) > self.settings.max_question:
            await self.send(context, chat.id,
                            f"That question is too long for me ({len(question):,} characters). "
                            f"Please ask it in under {self.settings.max_question:,} characters.",
                            reply_to=quote)
            return
        user = update.effective_user.id if update.effective_user else chat.id
        wait = self.limiter.wait(user)
        if wait:
            await self.send(context, chat.id,
                            "You're asking faster than I can keep up with — please wait about "
                            f"{max(1, round(wait))} seconds and ask again.", reply_to=quote)
            return
        state = self.chat(chat.id)
        async with state.lock:  # follow-ups in one chat are answered in order
            started = time.perf_counter()
            answer = await self.run_ask(context, chat.id, question, state.conversation)
            rendered = render_answer(answer)
            sent = await self.send(context, chat.id, rendered.html, reply_to=quote,
                                   keyboard=self.buttons(rendered.passages))
        if sent is not None and rendered.passages:
            self.remember(chat.id, sent[0].message_id, sent[1], rendered.passages)
        log.info("answered chat %s (%s, %d chars) in %.0f ms", chat.id, answer.kind,
                 len(question), (time.perf_counter() - started) * 1000)

    async def on_private_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        await self.answer_question(update, context, self.strip_mentions(message, context) or "")

    async def on_group_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        question = self.addressed(message, context)
        if question is None:
            return  # chatter between people: not for us
        await self.answer_question(update, context, question)

    def strip_mentions(self, message: Message, context: Context) -> str | None:
        """The text without mentions of this bot, or None if it doesn't mention the bot."""
        text = message.text or ""
        username = (context.bot.username or "").lower()
        found: list[str] = []
        for entity, value in message.parse_entities(
                [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
            by_name = entity.type == MessageEntity.MENTION and value.lower() == f"@{username}"
            by_id = (entity.type == MessageEntity.TEXT_MENTION and entity.user is not None
                     and entity.user.id == context.bot.id)
            if by_name or by_id:
                found.append(value)
        for value in found:
            text = text.replace(value, " ", 1)
        return " ".join(text.split()) if found else (text if message.chat.type == "private"
                                                     else None)

    def addressed(self, message: Message, context: Context) -> str | None:
        """The question if a group message is meant for the bot, else None."""
        mentioned = self.strip_mentions(message, context)
        if mentioned is not None:
            return mentioned
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None \
                and replied.from_user.id == context.bot.id:
            return message.text or ""
        return None

    async def on_ask(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None:
            return
        parts = (message.text or "").split(None, 1)
        question = parts[1] if len(parts) > 1 else ""
        replied = message.reply_to_message
        if not question.strip() and replied is not None and replied.text \
                and not (replied.from_user and replied.from_user.id == context.bot.id):
            question = replied.text  # "/ask" in reply to someone's question asks it
        await self.answer_question(update, context, question)

    # --- commands -------------------------------------------------------------------------

    async def on_start(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        examples = "\n".join(f"• <i>{esc(q)}</i>" for q in EXAMPLES)
        where = ("Just send me a question." if chat and chat.type == ChatType.PRIVATE else
                 f"In this group, ask with <code>/ask your question</code>, mention "
                 f"@{esc(context.bot.username or 'me')}, or reply to one of my messages.")
        await self.reply(update, context,
                         "Hello! I answer questions about one news article: the junior "
                         "doctors' strike and the hospital appointments it cancelled in "
                         f"Staffordshire and the Black Country.\n\n{where}\n\nTry:\n{examples}"
                         "\n\n/help explains more.")

    async def on_help(self, update: Update, context: Context) -> None:
        name = esc(context.bot.username or "thisbot")
        await self.reply(update, context,
                         "<b>What I know</b>\nOne article: the junior doctors' strike in "
                         "Staffordshire and the Black Country — how many appointments each "
                         "hospital trust cancelled, the totals, and what the people quoted "
                         "said. I answer from the article only and say so when it doesn't "
                         "tell.\n\n"
                         "<b>How to ask</b>\n"
                         "• In a private chat, just send a question.\n"
                         f"• In a group: <code>/ask question</code>, mention @{name}, or reply "
                         "to one of my messages.\n"
                         "• Follow-ups work: ask about Walsall, then <i>And at Dudley?</i>\n"
                         f"• In any chat, type <code>@{name} your question</code> for an "
                         "inline answer.\n\n"
                         "<b>Commands</b>\n"
                         "/figures — the figures in the article\n"
                         "/source p04 — a passage in full (answers cite passage ids)\n"
                         "/ask — ask in a group")

    async def on_figures(self, update: Update, context: Context) -> None:
        await self.reply(update, context, render_figures(self.engine.figures))

    def passage_id(self, raw: str) -> str:
        raw = raw.strip().lower()
        match = re.fullmatch(r"p?0*(\d{1,2})", raw)
        return f"p{int(match.group(1)):02d}" if match else raw

    async def on_source(self, update: Update, context: Context) -> None:
        args = context.args or []
        span = (f"{self.passage_ids[0]}–{self.passage_ids[-1]}" if self.passage_ids
                else "like p04")
        if not args:
            await self.reply(update, context, f"Which passage? Passages are {span}: "
                                              "for example <code>/source p04</code>.")
            return
        pid = self.passage_id(args[0])
        passage = self.engine.passage(pid)
        if passage is None:
            await self.reply(update, context,
                             f"There is no passage {esc(clip(args[0], 40))}; passages are "
                             f"{span}.")
            return
        await self.reply(update, context, render_passage(passage))

    async def on_unknown(self, update: Update, context: Context) -> None:
        await self.reply(update, context, "I don't know that command. /help lists what I can "
                                          "do — or just send a question.")

    async def on_not_text(self, update: Update, context: Context) -> None:
        await self.reply(update, context, "I can only read text questions — try typing one. "
                                          "/help has examples.")

    # --- buttons and inline mode ----------------------------------------------------------

    async def on_callback(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        data = query.data or ""
        pid = data[len(SOURCE_PREFIX):] if data.startswith(SOURCE_PREFIX) else ""
        passage = self.engine.passage(pid) if pid else None
        if passage is None:
            await query.answer("That passage is not available.")
            return
        message = query.message
        if not isinstance(message, Message):  # an inline message, or too old to touch
            await query.answer(clip(f"{pid}: {passage.text}", 190), show_alert=True)
            return
        await query.answer(f"Passage {pid}")
        key = (message.chat.id, message.message_id)
        stored = self.sent.get(key)
        if stored is not None:
            markup, behind = stored
            extended = f"{markup}\n\n{passage_quote(passage)}"
            rest = tuple(p for p in behind if p != pid)
            if tg_len(to_plain(extended)) <= MAX_MESSAGE:
                try:
                    await context.bot.edit_message_text(extended, message.chat.id,
                                                        message.message_id,
                                                        parse_mode=ParseMode.HTML,
                                                        reply_markup=self.buttons(rest))
                    self.remember(key[0], key[1], extended, rest)
                    return
                except BadRequest as exc:
                    log.warning("could not extend message with %s (%s); sending it", pid,
                                exc.message)
        await self.send(context, message.chat.id, render_passage(passage),
                        reply_to=message.message_id)

    async def on_inline(self, update: Update, context: Context) -> None:
        query = update.inline_query
        if query is None:
            return
        question = query.query.strip()
        if not question:
            await query.answer([], cache_time=60)
            return
        answer = await self.run_ask(context, None, question[: self.settings.max_question], None)
        body = split_html(render_answer(answer).html)[0]
        key = hashlib.sha256(question.encode("utf-8")).hexdigest()[:32]

        def result(content: InputTextMessageContent) -> InlineQueryResultArticle:
            return InlineQueryResultArticle(id=key, title=clip(question, 64),
                                            description=clip(answer.answer, 120),
                                            input_message_content=content)

        try:
            await query.answer([result(InputTextMessageContent(body,
                                                               parse_mode=ParseMode.HTML))],
                               cache_time=60)
        except BadRequest as exc:
            log.warning("inline answer rejected (%s); offering plain text", exc.message)
            await query.answer([result(InputTextMessageContent(to_plain(body)))], cache_time=60)

    # --- the gate and the error handler ---------------------------------------------------

    async def gate(self, update: Update, context: Context) -> None:
        allowed = self.settings.allowed_chats
        if allowed is None:
            return
        chat = update.effective_chat
        user = update.effective_user
        where = chat.id if chat is not None else (user.id if user is not None else None)
        if where in allowed:
            return
        if update.inline_query is not None:
            with contextlib.suppress(TelegramError):
                await update.inline_query.answer([], cache_time=300, is_personal=True)
        elif update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer()
        elif chat is not None and chat.type == ChatType.PRIVATE and update.message is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(chat.id, "Sorry, this bot only answers in the "
                                                        "chats of the team that runs it.")
        log.info("ignored an update from chat %s (not in the allow-list)", where)
        raise ApplicationHandlerStop

    async def on_error(self, update: object, context: Context) -> None:
        error = context.error
        if update is None and isinstance(error, Conflict):
            log.error("another process is polling with this bot token: %s", error)
            return
        if update is None and isinstance(error, NetworkError):
            log.warning("Bot API unreachable: %s", error)  # polling retries on its own
            return
        log.error("error while handling an update: %s", type(error).__name__, exc_info=error)
        if not isinstance(update, Update):
            return
        try:
            if update.callback_query is not None:
                await update.callback_query.answer("Sorry — something went wrong.")
            elif update.effective_chat is not None and update.effective_message is not None:
                chat = update.effective_chat
                quote = (update.effective_message.message_id
                         if chat.type != ChatType.PRIVATE else None)
                reply = (ReplyParameters(message_id=quote, allow_sending_without_reply=True)
                         if quote else None)
                await context.bot.send_message(chat.id, SORRY, reply_parameters=reply)
        except TelegramError as exc:
            log.warning("could not tell the user about the error: %s", exc)


async def serve(settings: Settings, engine: EngineLike, stop: asyncio.Event,
                ready: Callable[[str], None] | None = None) -> None:
    """Poll until `stop` is set, then shut down cleanly."""
    front = TelegramFrontEnd(engine, settings)
    app = front.build()
    try:
        try:
            await app.initialize()
        except InvalidToken:
            raise StrikebotError("Telegram rejected the bot token (it was revoked or mistyped; "
                                 "BotFather's /token shows the current one)") from None
        except NetworkError as exc:
            raise StrikebotError(f"cannot reach the Telegram Bot API at {settings.api_root}: "
                                 f"{exc}") from None
        await front.set_commands(app)
        await app.start()
        updater = app.updater
        assert updater is not None
        await updater.start_polling(timeout=int(settings.poll_timeout),
                                    allowed_updates=Update.ALL_TYPES)
        username = app.bot.username
        log.info("@%s is answering (long polling %s)", username, settings.api_root)
        if ready is not None:
            ready(username)
        await stop.wait()
        log.info("stopping")
    finally:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        with contextlib.suppress(Exception):
            await app.shutdown()
        front.close()


def run(settings: Settings, engine: EngineLike) -> int:
    """`strikebot telegram`: serve until SIGINT or SIGTERM."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, stop.set)

        def ready(username: str) -> None:
            print(f"strikebot: @{username} is answering on Telegram (Ctrl-C to stop)",
                  file=sys.stderr, flush=True)

        await serve(settings, engine, stop, ready)

    asyncio.run(main())
    print("strikebot: stopped", file=sys.stderr, flush=True)
    return 0
