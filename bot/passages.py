"""The article split into paragraph passages, each with its speaker(s)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SeedError
from .people import Person
from .text import fold, sentences

OPENING_QUOTE = ('"', "\u201c", "'", "\u2018")
SPEECH = re.compile(r"\b(?:said|says|say|urged|told|added|described|thanked|stated|warned)\b",
                    re.I)


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    speakers: tuple[str, ...]
    sentences: tuple[str, ...]
    is_headline: bool = False


def read_article(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SeedError(str(path), None, "article not found") from None
    except UnicodeDecodeError:
        raise SeedError(str(path), None, "article is not UTF-8 text") from None
    if not text.strip():
        raise SeedError(str(path), None, "article is empty")
    return text


PRONOUN_TAG = re.compile(r"[,\u201d\"]\s*(he|she) (?:said|says|added|told|warned)\b", re.I)


def _mentions(text: str, person: Person) -> bool:
    low = fold(text).lower()
    return any(re.search(rf"\b{re.escape(fold(a).lower())}\b", low) for a in person.aliases
               if len(a) > 3 and a.lower() not in ("union", "government", "the government"))


def split_passages(article: str, people: tuple[Person, ...]) -> tuple[Passage, ...]:
    """One passage per non-empty line (p01 is the headline); quotes inherit their speaker."""
    passages: list[Passage] = []
    last: tuple[str, ...] = ()
    lines = [line.strip() for line in article.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        speakers: tuple[str, ...] = ()
        if line.startswith(OPENING_QUOTE):
            speakers = last
        elif SPEECH.search(line):
            named = [p for p in people if _mentions(line, p)]
            if any(p.is_person for p in named):
                named = [p for p in named if p.is_person]
            speakers = tuple(p.id for p in named)
            # '"Mr Barclay keeps telling us …," she said': the quote that goes on in the next
            # paragraph is hers, the one the tag's pronoun fits, not the man her words name.
            tagged = {m.group(1).lower() for m in PRONOUN_TAG.finditer(line)}
            if tagged and any(p.pronoun in tagged for p in named):
                last = tuple(p.id for p in named if p.pronoun in tagged)
                passages.append(Passage(f"p{number:02d}", line, speakers, tuple(sentences(line)),
                                        is_headline=number == 1))
                continue
        last = speakers or last
        passages.append(Passage(f"p{number:02d}", line, speakers, tuple(sentences(line)),
                                is_headline=number == 1))
    return tuple(passages)
