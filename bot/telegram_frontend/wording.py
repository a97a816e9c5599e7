"""The one place the front end gets article-specific words: from the engine itself.

The engine answers "hello" with its own greeting (what the article is about and example
questions); the front end reuses that rather than keeping a copy of its own, so it stays right
when the engine serves other articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from .. import paths
from ..answer import Answer
from ..conversation import Conversation
from ..errors import StrikebotError

QUOTED_QUESTION = re.compile(r"[\"“]([^\"”]{6,160}\?)[\"”]")


class Asks(Protocol):
    def ask(self, question: str, conversation: Conversation | None = None) -> Answer: ...


@dataclass(frozen=True)
class Intro:
    about: str  # what the bot answers questions about, one or two sentences
    examples: tuple[str, ...]  # example questions


def article_intro(engine: Asks) -> Intro:
    """What the engine says it is about, and the example questions it suggests: from its
    `greeting()` where it has one, else from its answer to "hello"."""
    greet = getattr(engine, "greeting", None)
    greeting = str(greet()) if callable(greet) else engine.ask("hello", None).answer
    examples = tuple(dict.fromkeys(QUOTED_QUESTION.findall(greeting)))
    about = re.split(r"\s(?=Try\b)", greeting, maxsplit=1)[0]
    about = re.sub(r"^(?:hello|hi)\b[!.,]?\s*", "", about, flags=re.I).strip()
    return Intro(about or "I answer questions about a news article.",
                 examples or ("What is the article about?",))


def article_name(answer: Answer) -> str:
    """The article an answer is about, for the feedback file: the answer's own once the engine
    says it, else the article folder in use."""
    named = getattr(answer, "article", "")
    if named:
        return str(named)
    try:
        return paths.seeds_dir().name
    except StrikebotError:
        return ""
