"""The application: building it, the allow-list gate, errors, start-up and a clean stop.

Imported only by `bot.telegram_frontend.cli.run_cli` (and tests), never by the core. The engine
is any object with `ask(question, conversation)`, `passage(pid)` and `figures`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import pickle
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from ..errors import StrikebotError
from .answering import SORRY, Answerer, App, EngineLike
from .buttons import Buttons
from .handlers import Handlers
from .settings import Settings
from .updates import SkippingBot

log = logging.getLogger("strikebot.telegram")
Context = ContextTypes.DEFAULT_TYPE

PRIVATE_COMMANDS = (
    ("start", "greeting and example questions"),
    ("help", "what I know and how to ask"),
    ("figures", "the table of figures in the article"),
    ("source", "show a passage in full by its id"),
    ("article", "this chat's article, or switch: /article NAME"),
)
GROUP_COMMANDS = (
    ("ask", "ask a question about the article"),
    ("figures", "the table of figures in the article"),
    ("source", "show a passage in full by its id"),
    ("article", "this group's article; admins switch: /article NAME"),
    ("help", "what I know and how to ask"),
)
NOT_TEXT = (filters.Sticker.ALL | filters.PHOTO | filters.VIDEO | filters.VOICE | filters.AUDIO
            | filters.Document.ALL | filters.ANIMATION | filters.VIDEO_NOTE | filters.LOCATION
            | filters.CONTACT)


def persistence_for(path: Path) -> PicklePersistence[Any, Any, Any]:
    """PicklePersistence for chat_data and bot_data; an unreadable file is set aside."""
    if path.exists():
        try:
            with path.open("rb") as handle:
                pickle.load(handle)
        except Exception as exc:
            aside = path.with_suffix(path.suffix + ".unreadable")
            path.replace(aside)
            log.warning("could not read the state file %s (%s); starting afresh, the old one "
                        "is kept as %s", path, type(exc).__name__, aside.name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab"):
            pass
    except OSError as exc:
        raise StrikebotError(f"cannot write the state file {path}: {exc.strerror or exc} (set "
                             "STRIKEBOT_TELEGRAM_STATE to another file, or 'off')") from None
    if path.stat().st_size == 0:
        path.unlink()  # PicklePersistence wants no file rather than an empty one
    # on_flush: the front end writes the file itself (once per batch of changes), rather than
    # once per chat on every update.
    return PicklePersistence(path, store_data=PersistenceInput(
        bot_data=True, chat_data=True, user_data=False, callback_data=False), on_flush=True)


class TelegramFrontEnd:
    """The handlers and the application they run in."""

    def __init__(self, engine: EngineLike, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self.answerer = Answerer(engine, settings)
        self.handlers = Handlers(engine, settings, self.answerer)
        self.buttons = Buttons(engine, settings, self.answerer)

    def bot(self) -> SkippingBot:
        s = self.settings
        request = HTTPXRequest(connection_pool_size=s.concurrency + 8, pool_timeout=30.0)
        polling = HTTPXRequest(connection_pool_size=2)
        return SkippingBot(s.token, base_url=s.base_url, base_file_url=s.base_file_url,
                           request=request, get_updates_request=polling,
                           rate_limiter=AIORateLimiter(group_max_rate=s.group_rate,
                                                       max_retries=s.max_retries))

    def build(self) -> App:
        s = self.settings
        builder = ApplicationBuilder().bot(self.bot()).concurrent_updates(s.concurrency)
        if s.state_file is not None:
            builder = builder.persistence(persistence_for(s.state_file))
        app: App = builder.build()
        self.register(app)
        return app

    def register(self, app: App) -> None:
        h, message, private = self.handlers, filters.UpdateType.MESSAGE, filters.ChatType.PRIVATE
        app.add_handler(TypeHandler(Update, self.gate), group=-1)
        app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, h.on_migrate))
        for name, callback in (("start", h.on_start), ("help", h.on_help), ("ask", h.on_ask),
                               ("figures", h.on_figures), ("source", h.on_source),
                               ("article", h.on_article)):
            app.add_handler(CommandHandler(name, callback, filters=message))
        app.add_handler(MessageHandler(private & message & filters.COMMAND, h.on_unknown))
        app.add_handler(MessageHandler(private & message & filters.TEXT & ~filters.VIA_BOT,
                                       h.on_private_text))
        app.add_handler(MessageHandler(filters.ChatType.GROUPS & message & filters.TEXT
                                       & ~filters.COMMAND & ~filters.VIA_BOT, h.on_group_text))
        app.add_handler(MessageHandler(private & message & NOT_TEXT, h.on_not_text))
        app.add_handler(CallbackQueryHandler(self.buttons.on_callback))
        app.add_handler(InlineQueryHandler(self.buttons.on_inline))
        app.add_error_handler(self.on_error)

    async def set_commands(self, app: App) -> None:
        try:
            await app.bot.set_my_commands([BotCommand(n, d) for n, d in PRIVATE_COMMANDS],
                                          scope=BotCommandScopeAllPrivateChats())
            await app.bot.set_my_commands([BotCommand(n, d) for n, d in GROUP_COMMANDS],
                                          scope=BotCommandScopeAllGroupChats())
        except TelegramError as exc:  # the menu is a nicety; answering matters more
            log.warning("could not set the command menu: %s", exc)

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
        with contextlib.suppress(TelegramError):
            if update.inline_query is not None:
                await update.inline_query.answer([], cache_time=300, is_personal=True)
            elif update.callback_query is not None:
                await update.callback_query.answer()
            elif chat is not None and chat.type == ChatType.PRIVATE and update.message:
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
                chat, message = update.effective_chat, update.effective_message
                reply = (ReplyParameters(message_id=message.message_id,
                                         allow_sending_without_reply=True)
                         if chat.type != ChatType.PRIVATE else None)
                await context.bot.send_message(chat.id, SORRY, reply_parameters=reply,
                                               message_thread_id=message.message_thread_id
                                               if message.is_topic_message else None)
        except TelegramError as exc:
            log.warning("could not tell the user about the error: %s", exc)


async def start(front: TelegramFrontEnd, app: App) -> None:
    try:
        await app.initialize()
    except InvalidToken:
        raise StrikebotError("Telegram rejected the bot token (it was revoked or mistyped; "
                             "BotFather's /token shows the current one)") from None
    except NetworkError as exc:
        raise StrikebotError(f"cannot reach the Telegram Bot API at "
                             f"{front.settings.api_root}: {exc}") from None
    front.answerer.attach(app)
    await front.set_commands(app)
    await app.start()
    front.answerer.resume()
    updater = app.updater
    assert updater is not None
    await updater.start_polling(timeout=int(front.settings.poll_timeout),
                                allowed_updates=Update.ALL_TYPES)


async def stop(front: TelegramFrontEnd, app: App) -> None:
    """Stop fetching, let answers in flight finish briefly, keep the rest for the restart."""
    if app.updater is not None and app.updater.running:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(app.updater.stop(), 2.0)
    await front.answerer.close()
    if app.running:
        with contextlib.suppress(Exception):
            await app.stop()
    with contextlib.suppress(Exception):
        await app.shutdown()
    front.answerer.release()


async def serve(settings: Settings, engine: EngineLike, stop_event: asyncio.Event,
                ready: Callable[[str], None] | None = None) -> None:
    """Poll until `stop_event` is set, then shut down cleanly."""
    front = TelegramFrontEnd(engine, settings)
    try:
        app = front.build()
    except BaseException:
        front.answerer.release()
        raise
    try:
        await start(front, app)
        username = app.bot.username
        log.info("@%s is answering (long polling %s)", username, settings.api_root)
        if ready is not None:
            ready(username)
        await stop_event.wait()
        log.info("stopping")
    finally:
        await stop(front, app)


def run(settings: Settings, engine: EngineLike) -> int:
    """`strikebot telegram`: serve until SIGINT or SIGTERM."""

    async def main() -> None:
        stop_event = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, stop_event.set)

        def ready(username: str) -> None:
            print(f"strikebot: @{username} is answering on Telegram (Ctrl-C to stop)",
                  file=sys.stderr, flush=True)

        await serve(settings, engine, stop_event, ready)

    asyncio.run(main())
    print("strikebot: stopped", file=sys.stderr, flush=True)
    return 0
