"""Readings of wording shared by the parser and the answerers: what a text says a figure is
(demanded, received, offered), and numbers it writes in words."""

from __future__ import annotations

import re

from .rules import MODALITY, WORD_NUMBERS


def modality(text: str) -> str:
    """Which of demanded / received / offered the text asks about ('' if none): the one
    nearest its question word ("their ask means some get a rise of how much": received),
    else the first."""
    found = [(m.start(), name) for name, pattern in MODALITY for m in re.finditer(pattern, text)]
    if not found:
        return ""
    asked = re.search(r"\bhow (?:much|many)\b", text)
    if asked and len({name for _, name in found}) > 1:
        return min(found, key=lambda f: abs(f[0] - asked.start()))[1]
    return min(found)[1]


def modalities(text: str) -> frozenset[str]:
    """Every one of demanded / received / offered the text speaks of."""
    return frozenset(name for name, pattern in MODALITY if re.search(pattern, text))


def number_words(low: str) -> list[float]:
    """'five days' -> 5; 'a week' -> 7: numbers written in words, for non-count figures."""
    found = []
    # "that march one", "the other one?", "which one": a pronoun, not the number one
    low = re.sub(r"\b(?!(?:just|only|exactly|about|over|than|least|most|to|by|is|was)\b)"
                 r"[a-z]+\s+ones?(?=\s*(?:[?.!,;]|$|then\b|too\b|again\b))", " ", low)
    for phrase, value in WORD_NUMBERS.items():
        if re.search(rf"\b{phrase}\b", low):
            found.append(float(value))
    if re.search(r"\b(?:a|one|two|three) weeks?\b", low):
        found = [n for n in found if n not in (1.0, 2.0, 3.0)]
    return found
