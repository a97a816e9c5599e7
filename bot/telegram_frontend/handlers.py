"""Commands and messages: each handler decides what an update asks for and hands it on.

Questions go to `Answerer.accept` (written down, queued per chat); short replies go through
`Answerer.say` (queued behind the chat's answers). No handler waits for an answer.
"""

from __future__ import annotations

import logging
import re

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from .addressing import from_a_bot, group_question, strip_bot_mentions
from .answering import Answerer, EngineLike
from .delivery import target_for
from .formatting import clip, esc, render_figures, render_passage
from .journal import Question
from .limits import QuestionLimiter, wait_note
from .settings import Settings
from .wording import Intro, article_intro

log = logging.getLogger("strikebot.telegram")
Context = ContextTypes.DEFAULT_TYPE


class Handlers:
    def __init__(self, engine: EngineLike, settings: Settings, answerer: Answerer) -> None:
        self.engine = engine
        self.settings = settings
        self.answerer = answerer
        self.limiter = QuestionLimiter(settings.rate_limit, settings.rate_window)
        self._intro: Intro | None = None
        self.passage_ids = tuple(pid for pid in (f"p{n:02d}" for n in range(1, 100))
                                 if engine.passage(pid) is not None)

    @property
    def example_pid(self) -> str:
        """A passage id to show in examples: one the answers cite most often."""
        cited = [f.passage for f in self.engine.figures] or list(self.passage_ids) or ["p1"]
        return max(set(cited), key=cited.count)

    @property
    def intro(self) -> Intro:
        if self._intro is None:
            self._intro = article_intro(self.engine)
        return self._intro

    def say(self, update: Update, markup: str) -> None:
        message = update.effective_message
        if message is not None:
            self.answerer.say(target_for(message), markup)

    # --- questions --------------------------------------------------------------------------

    def ask(self, update: Update, context: Context, text: str) -> None:
        """Check a question and hand it on."""
        message = update.effective_message
        if message is None:
            return
        text = text.strip()
        if not text:
            self.say(update, self.usage(message.chat.type, context.bot.username))
            return
        if len(text) > self.settings.max_question:
            self.say(update, f"That question is too long for me ({len(text):,} characters). "
                             f"Please ask it in under {self.settings.max_question:,} characters.")
            return
        user = update.effective_user.id if update.effective_user else None
        wait = self.limiter.wait(user if user is not None else message.chat.id)
        if wait:
            self.say(update, wait_note(wait))
            return
        target = target_for(message)
        self.answerer.accept(Question(message.chat.id, message.message_id, text,
                                      message.chat.type, user, target.reply_to,
                                      target.thread_id))

    def usage(self, chat_type: str, username: str | None) -> str:
        example = esc(self.intro.examples[0])
        if chat_type == ChatType.PRIVATE:
            return f"Send me a question about the article, for example: <i>{example}</i>"
        return (f"Ask like this: <code>/ask {example}</code>, or mention "
                f"@{esc(username or 'me')}, or reply to one of my messages.")

    async def on_private_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        text, _ = strip_bot_mentions(message, (context.bot.username or "").lower(),
                                     context.bot.id)
        self.ask(update, context, text)

    async def on_group_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        question = group_question(message, (context.bot.username or "").lower(),
                                  context.bot.id)
        if question is not None:
            self.ask(update, context, question)

    async def on_ask(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or from_a_bot(message):
            return
        self.ask(update, context, self.ask_text(message, context.bot.id))

    @staticmethod
    def ask_text(message: Message, bot_id: int) -> str:
        """/ask's question; a bare /ask in reply to someone's message asks that message."""
        parts = (message.text or "").split(None, 1)
        question = parts[1] if len(parts) > 1 else ""
        replied = message.reply_to_message
        if not question.strip() and replied is not None and replied.text \
                and not (replied.from_user and replied.from_user.id == bot_id):
            question = replied.text
        return question

    # --- commands -----------------------------------------------------------------------------

    async def on_start(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        examples = "\n".join(f"• <i>{esc(q)}</i>" for q in self.intro.examples)
        where = ("Just send me a question." if chat and chat.type == ChatType.PRIVATE else
                 f"In this group, ask with <code>/ask your question</code>, mention "
                 f"@{esc(context.bot.username or 'me')}, or reply to one of my messages.")
        self.say(update, f"Hello! {esc(self.intro.about)}\n\n{where}\n\nTry:\n{examples}"
                         "\n\n/help explains more.")

    async def on_help(self, update: Update, context: Context) -> None:
        name = esc(context.bot.username or "thisbot")
        self.say(update, f"<b>What I know</b>\n{esc(self.intro.about)} I answer from the "
                         "article only and say so when it doesn't tell.\n\n"
                         "<b>How to ask</b>\n"
                         "• In a private chat, just send a question.\n"
                         f"• In a group: <code>/ask question</code>, mention @{name}, or reply "
                         "to one of my answers with a question.\n"
                         "• Follow-ups work: ask about one place, then <i>And at …?</i>\n"
                         f"• In any chat, type <code>@{name} your question</code> for an "
                         "inline answer.\n\n"
                         "<b>Commands</b>\n"
                         "/figures — the figures in the article\n"
                         f"/source {self.example_pid} — a passage in full (the 📄 buttons "
                         "show it too)\n"
                         "/ask — ask in a group\n\n"
                         "👍 / 👎 under an answer tell the people who run me whether it was "
                         "right.")

    async def on_figures(self, update: Update, context: Context) -> None:
        self.say(update, render_figures(self.engine.figures))

    @staticmethod
    def passage_id(raw: str) -> str:
        raw = raw.strip().lower()
        match = re.fullmatch(r"p?0*(\d{1,2})", raw)
        return f"p{int(match.group(1)):02d}" if match else raw

    async def on_source(self, update: Update, context: Context) -> None:
        args = context.args or []
        span = (f"{self.passage_ids[0]}–{self.passage_ids[-1]}" if self.passage_ids
                else f"like {self.example_pid}")
        passage = self.engine.passage(self.passage_id(args[0])) if args else None
        if not args:
            self.say(update, f"Which passage? Passages are {span}: for example "
                             f"<code>/source {self.example_pid}</code>.")
        elif passage is None:
            self.say(update, f"There is no passage {esc(clip(args[0], 40))}; passages are "
                             f"{span}.")
        else:
            self.say(update, render_passage(passage))

    async def on_unknown(self, update: Update, context: Context) -> None:
        self.say(update, "I don't know that command. /help lists what I can do — or just "
                         "send a question.")

    async def on_not_text(self, update: Update, context: Context) -> None:
        self.say(update, "I can only read text questions — try typing one. /help has examples.")

    async def on_migrate(self, update: Update, context: Context) -> None:
        """The service message a group sends when it becomes a supergroup."""
        message = update.effective_message
        if message is None:
            return
        if message.migrate_to_chat_id:
            self.answerer.delivery.migrated(message.chat.id, message.migrate_to_chat_id)
        elif message.migrate_from_chat_id:
            self.answerer.delivery.migrated(message.migrate_from_chat_id, message.chat.id)
