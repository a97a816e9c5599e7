"""Which named patterns a question matches, read by the parser.

Answerers test patterns by name (`r.cues.has("ALL_OF")`); none of them reads the question's
text again, and a name that no rule defines is an error, not a silent miss. Each rule runs at
most once per question, when first asked for (most questions need a handful of the rules)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

Match = re.Match[str]


@dataclass(frozen=True)
class Cues:
    """Every match of every named rule in one question (an empty tuple when none)."""

    rules: Mapping[str, re.Pattern[str]]
    low: str
    text: str
    as_written: frozenset[str] = frozenset()
    _found: dict[str, tuple[Match, ...]] = field(default_factory=dict, compare=False,
                                                 repr=False)

    @classmethod
    def find(cls, rules: Mapping[str, re.Pattern[str]], low: str, text: str,
             as_written: frozenset[str] = frozenset()) -> Cues:
        """The cues of one question: on its lower-cased text, or as written for the rules in
        `as_written` (those that read capitals or keep the user's spelling)."""
        return cls(rules, low, text, as_written)

    def _of(self, name: str) -> tuple[Match, ...]:
        found = self._found.get(name)
        if found is None:
            if name not in self.rules:
                raise KeyError(f"no question rule named {name!r}")
            found = tuple(self.rules[name].finditer(
                self.text if name in self.as_written else self.low))
            self._found[name] = found
        return found

    def has(self, *names: str) -> bool:
        """Whether the question matches any of the rules named."""
        return any(self._of(n) for n in names)

    def first(self, name: str) -> Match | None:
        found = self._of(name)
        return found[0] if found else None

    def every(self, name: str) -> tuple[Match, ...]:
        return self._of(name)
