"""Is a message meant for the bot, and does it read as a question?

In groups the bot answers `/ask`, mentions of it, and replies to its messages — but a reply is
only a question if it reads as one: "thanks", "lol", "ok" or a 👍 are not, nor is a message
addressed to someone else ("@tom see this"), nor anything another bot sends.
"""

from __future__ import annotations

import re
import unicodedata

from telegram import Message, MessageEntity

ACKNOWLEDGEMENT = re.compile(
    r"^(?:thanks?|thank you|thx|ty|cheers|ta|lol|lmao|rofl|haha+|hehe+|ok(?:ay)?|k|kk|cool|"
    r"nice|great|good|brilliant|perfect|awesome|wow|yes|yeah|yep|yup|no|nope|nah|sure|fine|"
    r"right|true|got it|noted|makes sense|interesting|ah|oh|hmm+|same|agreed|exactly|"
    r"good bot|bad bot|nice one|ok thanks|thanks a lot|thank you very much|fair enough)"
    r"(?:\s+(?:bot|mate|all|everyone|again|so much|very much|a lot))?[\s!.,]*$")
OPENERS = re.compile(
    r"^(?:how|what|what's|whats|who|whom|whose|when|where|why|which|is|are|was|were|did|does|"
    r"do|can|could|would|will|should|has|have|had|and|but|so|what about|how about|tell|show|"
    r"list|give|compare|rank|explain|summari[sz]e|quote|name)\b")


GREETING = re.compile(r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|bye|goodbye)"
                      r"\b[\s!.,]*(?:there|all|everyone|bot)?[\s!.,]*$")


def is_small_talk(text: str) -> bool:
    """Greetings and thanks: nothing the article could answer, nothing to learn from."""
    low = " ".join(text.lower().split())
    return is_symbols_only(low) or bool(ACKNOWLEDGEMENT.match(low) or GREETING.match(low))


def is_symbols_only(text: str) -> bool:
    """Only emoji, punctuation and spaces (👍, "!!", "🙏🙏")."""
    return not any(unicodedata.category(ch)[0] in "LN" for ch in text)


def reads_as_question(text: str) -> bool:
    low = " ".join(text.lower().split())
    if not low or is_symbols_only(low):
        return False
    if ACKNOWLEDGEMENT.match(low):
        return False
    return "?" in low or bool(OPENERS.match(low))


def mentions(message: Message) -> list[tuple[str, int | None]]:
    """(@name lowercased, or '' for a text mention) and the user id when Telegram gives one."""
    found: list[tuple[str, int | None]] = []
    for entity, value in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.MENTION:
            found.append((value.lower(), None))
        elif entity.user is not None:
            found.append(("", entity.user.id))
    return found


def strip_bot_mentions(message: Message, username: str, bot_id: int) -> tuple[str, bool]:
    """The text without mentions of this bot, and whether there was one."""
    text = message.text or ""
    hits: list[str] = []
    for entity, value in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        by_name = entity.type == MessageEntity.MENTION and value.lower() == f"@{username}"
        by_id = entity.type == MessageEntity.TEXT_MENTION and entity.user is not None \
            and entity.user.id == bot_id
        if by_name or by_id:
            hits.append(value)
    for value in hits:
        text = text.replace(value, " ", 1)
    return " ".join(text.split()), bool(hits)


def addressed_to_someone_else(message: Message, username: str, bot_id: int) -> bool:
    """The message names another user and not the bot."""
    others = [(name, uid) for name, uid in mentions(message)
              if name != f"@{username}" and uid != bot_id]
    return bool(others)


def from_a_bot(message: Message) -> bool:
    return message.from_user is not None and message.from_user.is_bot


def group_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question if a plain group message is meant for the bot, else None."""
    if from_a_bot(message) or message.via_bot is not None:
        return None
    text, mentioned = strip_bot_mentions(message, username, bot_id)
    if mentioned:
        return text
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != bot_id:
        return None
    if addressed_to_someone_else(message, username, bot_id) or not reads_as_question(text):
        return None
    return text
