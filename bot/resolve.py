"""Finds the table subjects and people a question names: aliases, typos, abbreviations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .text import fold

TOKEN_RE = re.compile(r"[a-z0-9£]+")


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    # (a question is tokenised by many readers: once is enough)
    text = re.sub(r"(?<=[a-z])'s\b|(?<=s)'(?=\W|$)", "", fold(text).lower())
    return tuple(TOKEN_RE.findall(re.sub(r"(?<=\d),(?=\d{3})", "", text)))


@dataclass(frozen=True)
class Mention:
    key: str  # figure id or person id
    start: int  # token span in the question
    end: int
    exact: bool


@lru_cache(maxsize=65536)
def _token_match(alias_tok: str, q_tok: str) -> bool:
    if alias_tok == q_tok:
        return True
    if q_tok == alias_tok + "s" and len(alias_tok) >= 3 and alias_tok.isalpha():
        return True  # a possessive typed without its apostrophe: "kings mill", "guys"
    if len(alias_tok) < 5 or not alias_tok.isalpha() or not q_tok.isalpha():
        return False
    if _nickname(alias_tok, q_tok):
        return True
    # Typos: one or two slips in a long word ("walsal", "wolverhamton", "dudly").
    threshold = 84 if len(alias_tok) >= 7 else 80
    return fuzz.ratio(alias_tok, q_tok) >= threshold


NICKNAME_ENDINGS = ("ie", "o", "y", "s")


def _nickname(alias_tok: str, q_tok: str) -> bool:
    """A long name cut short with a chat ending: "wolvo" (Wolverhampton), "notts"."""
    for ending in NICKNAME_ENDINGS:
        if q_tok.endswith(ending):
            cut = q_tok[:-len(ending)]
            return len(cut) >= 4 and len(alias_tok) >= 8 and len(alias_tok) - len(cut) >= 3 \
                and alias_tok.startswith(cut)
    return False


class AliasMatcher:
    """Longest-first alias matching over question tokens, exact before fuzzy."""

    def __init__(self, entries: dict[str, tuple[str, ...]],
                 stop: frozenset[str] = frozenset(), words: frozenset[str] = frozenset()) -> None:
        # `words`: words of the text's own that are no typo of a name ("ward staff": staff,
        # not "Staffs")
        self.words = words
        # An alias several entries share ("co-chairs") names all of them.
        self.owners: dict[tuple[str, ...], list[str]] = {}
        for key, names in entries.items():
            for name in names:
                toks = tuple(t for t in tokens(name) if t != "the")
                if toks and not all(t in stop for t in toks):
                    owners = self.owners.setdefault(toks, [])
                    if key not in owners:
                        owners.append(key)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for toks in self.owners:
            self.by_first.setdefault(toks[0], []).append(toks)
        self.vocabulary = frozenset(t for toks in self.owners for t in toks)
        self._fuzzy: dict[str, frozenset[str]] = {}

    def _alike(self, token: str) -> frozenset[str]:
        """The alias words a question word may be a typo of (cached per word)."""
        found = self._fuzzy.get(token)
        if found is None:
            found = frozenset(a for a in self.vocabulary if _token_match(a, token) and (
                a == token or token not in self.words))
            if len(self._fuzzy) < 50_000:
                self._fuzzy[token] = found
        return found

    def find(self, text: str) -> list[Mention]:
        q = tokens(text)
        alike = [self._alike(t) for t in q]
        candidates: list[tuple[int, bool, int, tuple[str, ...]]] = []
        for i, options in enumerate(alike):
            for first in options:
                for alias in self.by_first.get(first, ()):
                    n = len(alias)
                    if i + n > len(q) or not all(alias[j] in alike[i + j] for j in range(n)):
                        continue
                    exact = tuple(q[i:i + n]) == alias
                    candidates.append((sum(len(t) for t in alias), exact, i, alias))
        # Exact before fuzzy, longer before shorter, earlier before later.
        candidates.sort(key=lambda c: (not c[1], -c[0], c[2]))
        taken = [False] * len(q)
        found: list[Mention] = []
        for _, exact, i, alias in candidates:
            n = len(alias)
            if any(taken[i:i + n]):
                continue
            found += [Mention(k, i, i + n, exact) for k in self.owners[alias]]
            for j in range(i, i + n):
                taken[j] = True
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def keys(mentions: list[Mention]) -> list[str]:
        return list(dict.fromkeys(m.key for m in mentions))
