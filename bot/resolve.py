"""Finds the table subjects and people a question names: aliases, typos, abbreviations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .text import fold

TOKEN_RE = re.compile(r"[a-z0-9£]+")


def tokens(text: str) -> list[str]:
    text = re.sub(r"(?<=[a-z])'s\b|(?<=s)'(?=\W|$)", "", fold(text).lower())
    return TOKEN_RE.findall(re.sub(r"(?<=\d),(?=\d{3})", "", text))


@dataclass(frozen=True)
class Mention:
    key: str  # figure id or person id
    start: int  # token span in the question
    end: int
    exact: bool


def _token_match(alias_tok: str, q_tok: str) -> bool:
    if alias_tok == q_tok:
        return True
    if len(alias_tok) < 5 or not alias_tok.isalpha() or not q_tok.isalpha():
        return False
    # Typos: one or two slips in a long word ("walsal", "wolverhamton", "dudly").
    threshold = 84 if len(alias_tok) >= 7 else 80
    return fuzz.ratio(alias_tok, q_tok) >= threshold


class AliasMatcher:
    """Longest-first alias matching over question tokens, exact before fuzzy."""

    def __init__(self, entries: dict[str, tuple[str, ...]],
                 stop: frozenset[str] = frozenset()) -> None:
        self.aliases: list[tuple[list[str], str]] = []
        for key, names in entries.items():
            for name in names:
                toks = [t for t in tokens(name) if t != "the"]
                if toks and not all(t in stop for t in toks):
                    self.aliases.append((toks, key))
        self.owners: dict[tuple[str, ...], list[str]] = {}
        for toks, key in self.aliases:
            owners = self.owners.setdefault(tuple(toks), [])
            if key not in owners:
                owners.append(key)
        unique = {tuple(toks): key for toks, key in self.aliases}
        self.aliases = sorted(([list(t), k] for t, k in unique.items()),  # type: ignore[misc]
                              key=lambda a: -sum(len(t) for t in a[0]))

    def find(self, text: str) -> list[Mention]:
        q = [t for t in tokens(text)]
        taken = [False] * len(q)
        found: list[Mention] = []
        for exact_pass in (True, False):
            for alias, _key in self.aliases:
                n = len(alias)
                for i in range(len(q) - n + 1):
                    if any(taken[i:i + n]):
                        continue
                    window = q[i:i + n]
                    if exact_pass:
                        ok = window == alias
                    else:
                        ok = all(_token_match(a, w) for a, w in zip(alias, window, strict=True))
                    if ok:
                        # An alias several entries share ("co-chairs") names all of them.
                        found += [Mention(k, i, i + n, exact_pass)
                                  for k in self.owners[tuple(alias)]]
                        for j in range(i, i + n):
                            taken[j] = True
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def keys(mentions: list[Mention]) -> list[str]:
        return list(dict.fromkeys(m.key for m in mentions))
