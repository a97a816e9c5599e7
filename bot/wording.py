"""Readings of wording shared by the parser and the answerers: what a text says a figure is
(demanded, received, offered), and numbers it writes in words."""

from __future__ import annotations

import re

from .rules import MODALITY, WORD_NUMBERS


def modality(text: str) -> str:
    """The first of demanded / received / offered the text speaks of ('' if none)."""
    found = [(m.start(), name) for name, pattern in MODALITY if (m := re.search(pattern, text))]
    return min(found)[1] if found else ""


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
