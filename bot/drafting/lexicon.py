"""A genre's drafting words, read from seeds/genres/<genre>.drafting.toml (data, defined once),
with the patterns built from them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..errors import SeedError
from . import rules


def _words(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    data: dict[str, Any]

    def get(self, key: str) -> Any:
        return self.data[key]

    def people(self, key: str) -> Any:
        return self.data["people"][key]

    def pay(self, key: str) -> Any:
        return self.data["pay"][key]

    @property
    def counted(self) -> str:
        return str(self.data["counted"])

    @property
    def part(self) -> str:
        return str(self.data["part"])

    @property
    def parts(self) -> str:
        return str(self.data["parts"])

    @property
    def types(self) -> dict[str, dict[str, Any]]:
        return dict(self.data["types"])

    @cached_property
    def part_name(self) -> re.Pattern[str]:
        return _part_name(self.data["part_name_end"])

    @cached_property
    def whole(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:[A-Z][\w]*'s\s)?(?:{rules.WORD_NUMBER})(?:\s[A-Z][\w]*)*\s"
                          rf"{re.escape(self.data['whole_noun'])}\b", re.I)

    @cached_property
    def both_parts(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:the two|both|the three|the four|the five) "
                          rf"{re.escape(self.parts)}\b", re.I)

    @cached_property
    def none_at_either(self) -> re.Pattern[str]:
        return re.compile(rf"^No ({_words(list(self.types))}) [\w\s]*?(?:were|was) affected at "
                          rf"(?:either|any|both) (?:{re.escape(self.part)}|{re.escape(self.parts)})"
                          rf"\b", re.I)

    @cached_property
    def national(self) -> re.Pattern[str]:
        return re.compile(str(self.data["national_pattern"]))

    @cached_property
    def type_word(self) -> re.Pattern[str]:
        return re.compile(rf"\b({_words(list(self.types))})s?\b", re.I)

    @cached_property
    def type_after(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:\s+of the \w+)?\s+(?:were|was)\s+({_words(list(self.types))})s?"
                          rf"\b", re.I)

    @cached_property
    def organisation(self) -> re.Pattern[str]:
        names = [*self.people("unions"), *self.people("other_unions")]
        return re.compile(rf"\b((?:the\s)?(?:{_words(names)}))(?:'s)?(?:\s\((?P<abbr>[A-Z]{{2,5}})"
                          rf"\))?")

    @cached_property
    def not_a_name(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_words(self.people('not_a_name'))})\b")

    @cached_property
    def government(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_words(self.people('government_words'))})\b", re.I)

    @cached_property
    def offer(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{_words(self.people('government_words'))})\s(?:has|have|had)\s"
                          rf"(?:offered|proposed)\b", re.I)


@lru_cache(maxsize=8)
def _part_name(end: str) -> re.Pattern[str]:
    lead = "|".join(rules.LEAD_WORDS)
    return re.compile(
        rf"\b(?!(?:{lead})\s(?:[a-z]|{lead}))"
        rf"((?:The\s)?[A-Z][\w'\u2019]*(?:,\s[A-Z][\w'\u2019]*(?=(?:,\s[A-Z]\w*)*\sand\s))*"
        rf"(?:\s(?:[A-Z][\w'\u2019]*|of|and|for))*?\s{end})"
        rf"(?:\s\((?P<abbr>[A-Z]{{2,6}})\))?")


@lru_cache(maxsize=8)
def load_lexicon(genres: Path, genre: str) -> Lexicon:
    path = genres / f"{genre}.drafting.toml"
    try:
        return Lexicon(tomllib.loads(path.read_text(encoding="utf-8-sig")))
    except FileNotFoundError:
        raise SeedError(str(path), None, f"no drafting rules for the genre {genre!r}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SeedError(str(path), None, f"not valid TOML: {exc}") from None
