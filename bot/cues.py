"""Which named patterns a question matches, found once by the parser.

Answerers test patterns by name (`r.cues.has("ALL_OF")`); none of them reads the question's
text again, and a name that no rule defines is an error, not a silent miss."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

Match = re.Match[str]


@dataclass(frozen=True)
class Cues:
    """Every match of every named rule in one question (an empty tuple when none)."""

    matches: Mapping[str, tuple[Match, ...]]

    @classmethod
    def find(cls, rules: Mapping[str, re.Pattern[str]], low: str, text: str,
             as_written: frozenset[str] = frozenset()) -> Cues:
        """Run each rule once: on the lower-cased question, or on it as written for the rules
        in `as_written` (those that read capitals or keep the user's spelling)."""
        return cls({name: tuple(p.finditer(text if name in as_written else low))
                    for name, p in rules.items()})

    def _of(self, name: str) -> tuple[Match, ...]:
        if name not in self.matches:
            raise KeyError(f"no question rule named {name!r}")
        return self.matches[name]

    def has(self, *names: str) -> bool:
        """Whether the question matches any of the rules named."""
        return any(self._of(n) for n in names)

    def first(self, name: str) -> Match | None:
        found = self._of(name)
        return found[0] if found else None

    def every(self, name: str) -> tuple[Match, ...]:
        return self._of(name)

    def at_start(self, name: str) -> bool:
        """Whether the rule matches at the very start of the question ('and …', 'what about')."""
        return any(m.start() == 0 for m in self._of(name))
