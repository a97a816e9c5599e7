"""Commands and messages: each handler decides what an update asks for and hands it on.

Questions go to `Answerer.accept` (written down, queued per chat); short replies go through
`Answerer.say` (queued behind the chat's answers). No handler waits for an answer.
"""

from __future__ import annotations

import logging
import re

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
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
        self._intros: dict[int, Intro] = {}
        self._passage_ids: dict[int, tuple[str, ...]] = {}

    def passage_ids(self, engine: EngineLike | None = None) -> tuple[str, ...]:
        engine = engine or self.engine
        if id(engine) not in self._passage_ids:
            self._passage_ids[id(engine)] = tuple(
                pid for pid in (f"p{n:02d}" for n in range(1, 100))
                if engine.passage(pid) is not None)
        return self._passage_ids[id(engine)]

    def example_pid(self, engine: EngineLike | None = None) -> str:
        """A passage id to show in examples: one the answers cite most often."""
        engine = engine or self.engine
        cited = [f.passage for f in engine.figures] or list(self.passage_ids(engine)) or ["p1"]
        return max(set(cited), key=cited.count)

    def intro_of(self, engine: EngineLike | None = None) -> Intro:
        engine = engine or self.engine
        if id(engine) not in self._intros:
            self._intros[id(engine)] = article_intro(engine)
        return self._intros[id(engine)]

    @property
    def intro(self) -> Intro:
        return self.intro_of(self.engine)

    async def chat_engine(self, update: Update) -> EngineLike:
        """The engine of the chat's article (loaded on a worker thread on first use)."""
        chat = update.effective_chat
        return await self.answerer.engine_for(chat.id) if chat is not None else self.engine

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
            self.say(update, self.usage(message.chat.type, context.bot.username,
                                        message.chat.id))
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

    def usage(self, chat_type: str, username: str | None, chat_id: int | None = None) -> str:
        engine = (self.answerer.articles.loaded(self.answerer.article_of(chat_id))
                  if chat_id is not None else None)
        example = esc(self.intro_of(engine).examples[0])
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
        intro = self.intro_of(await self.chat_engine(update))
        examples = "\n".join(f"• <i>{esc(q)}</i>" for q in intro.examples)
        where = ("Just send me a question." if chat and chat.type == ChatType.PRIVATE else
                 f"In this group, ask with <code>/ask your question</code>, mention "
                 f"@{esc(context.bot.username or 'me')}, or reply to one of my messages.")
        self.say(update, f"Hello! {esc(intro.about)}\n\n{where}\n\nTry:\n{examples}"
                         "\n\n/help explains more.")

    async def on_help(self, update: Update, context: Context) -> None:
        name = esc(context.bot.username or "thisbot")
        engine = await self.chat_engine(update)
        about = esc(self.intro_of(engine).about)
        self.say(update, f"<b>What I know</b>\n{about} I answer from the "
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
                         f"/source {self.example_pid(engine)} — a passage in full (the 📄 "
                         "buttons show it too)\n"
                         "/article — the article this chat asks about, and the others\n"
                         "/ask — ask in a group\n\n"
                         "👍 / 👎 under an answer tell the people who run me whether it was "
                         "right.")

    async def on_figures(self, update: Update, context: Context) -> None:
        self.say(update, render_figures((await self.chat_engine(update)).figures))

    @staticmethod
    def passage_id(raw: str) -> str:
        raw = raw.strip().lower()
        match = re.fullmatch(r"p?0*(\d{1,2})", raw)
        return f"p{int(match.group(1)):02d}" if match else raw

    async def on_source(self, update: Update, context: Context) -> None:
        args = context.args or []
        engine = await self.chat_engine(update)
        ids, example = self.passage_ids(engine), self.example_pid(engine)
        span = f"{ids[0]}–{ids[-1]}" if ids else f"like {example}"
        passage = engine.passage(self.passage_id(args[0])) if args else None
        if not args:
            self.say(update, f"Which passage? Passages are {span}: for example "
                             f"<code>/source {example}</code>.")
        elif passage is None:
            self.say(update, f"There is no passage {esc(clip(args[0], 40))}; passages are "
                             f"{span}.")
        else:
            self.say(update, render_passage(passage))

    async def on_article(self, update: Update, context: Context) -> None:
        """/article: the chat's article and the others; /article NAME switches."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or from_a_bot(message):
            return
        articles, current = self.answerer.articles, self.answerer.article_of(chat.id)
        names = articles.names()
        wanted = " ".join(context.args or []).strip()
        if not wanted:
            self.say(update, self.article_list(current, names, chat.type))
            return
        name = articles.find(wanted)
        if name is None:
            self.say(update, f"There is no article {esc(clip(wanted, 60))}; the articles are: "
                             + ", ".join(f"<code>{esc(n)}</code>" for n in names) + ".")
            return
        if chat.type != ChatType.PRIVATE and not await self.is_admin(update, context):
            self.say(update, "Only the group's admins can switch its article. "
                             f"This group asks about <b>{esc(current)}</b>.")
            return
        if name == current:
            self.say(update, f"This chat already asks about <b>{esc(name)}</b>.")
            return
        self.answerer.choose(chat.id, name)
        log.info("chat %s switched to the article %s", chat.id, name)
        title = articles.headline(name)
        self.say(update, f"This chat now asks about <b>{esc(name)}</b>"
                         + (f" — <i>{esc(title)}</i>" if title else "")
                         + ". Follow-ups start afresh.")

    def article_list(self, current: str, names: list[str], chat_type: str) -> str:
        articles = self.answerer.articles

        def line(name: str) -> str:
            title = articles.headline(name)
            return f"<code>{esc(name)}</code>" + (f" — {esc(title)}" if title else "")

        others = [n for n in names if n != current]
        text = f"<b>This chat's article</b>\n{line(current)}"
        if others:
            who = "" if chat_type == ChatType.PRIVATE else " (group admins only)"
            text += ("\n\n<b>Others</b>\n" + "\n".join(f"• {line(n)}" for n in others)
                     + f"\n\nSwitch with <code>/article NAME</code>{who}.")
        return text

    @staticmethod
    async def is_admin(update: Update, context: Context) -> bool:
        """Whether the sender administers the group (an anonymous admin posts as the group)."""
        message, chat, user = update.effective_message, update.effective_chat, \
            update.effective_user
        if chat is None or message is None:
            return False
        if message.sender_chat is not None and message.sender_chat.id == chat.id:
            return True
        if user is None:
            return False
        try:
            member = await context.bot.get_chat_member(chat.id, user.id)
        except TelegramError as exc:
            log.warning("could not check whether user %s administers chat %s: %s", user.id,
                        chat.id, exc)
            return False
        return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)

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
