"""The mechanics of reading an article for drafting: passages, sentences, clauses, figures and
the subjects they mention, each with its offsets in the passage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules


@dataclass(frozen=True)
class Piece:
    """A stretch of a passage: [start, end) into `text`."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> str:
        return self.text[self.start:self.end]


@dataclass(frozen=True)
class Token:
    """A figure as written: its value, how it is printed and where."""

    value: float
    display: str
    start: int
    end: int
    unit: str  # "%", "£", "days", "hours", "years" or ""
    is_word: bool


@dataclass(frozen=True)
class Mention:
    subject: str
    kind: str  # part | whole | national | both
    start: int
    end: int


def passages(article: str) -> list[tuple[str, str]]:
    """(id, text) for each non-empty line; p01 is the headline."""
    lines = [line.strip() for line in article.splitlines() if line.strip()]
    return [(f"p{n:02d}", line) for n, line in enumerate(lines, start=1)]


def sentences(text: str) -> list[Piece]:
    out: list[Piece] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\"\u201d\u2019']?\s+(?=[\"\u201c\u2018']?[A-Z])", text):
        out.append(Piece(text, start, match.start()))
        start = match.end()
    out.append(Piece(text, start, len(text)))
    return [_trim(p) for p in out if text[p.start:p.end].strip()]


def _trim(piece: Piece) -> Piece:
    start, end = piece.start, piece.end
    while end > start and piece.text[end - 1] in " .\"\u201d\u2019":
        end -= 1
    while start < end and piece.text[start] in " \"\u201c\u2018":
        start += 1
    return Piece(piece.text, start, end)


def clauses(sentence: Piece) -> list[Piece]:
    out: list[Piece] = []
    start = sentence.start
    for match in rules.CLAUSE_BREAK.finditer(sentence.text, sentence.start, sentence.end):
        out.append(Piece(sentence.text, start, match.start()))
        start = match.end()
    out.append(Piece(sentence.text, start, sentence.end))
    return [p for p in out if p.words.strip()]


def quoted(text: str) -> list[tuple[int, int]]:
    """Stretches inside quotation marks (a passage that opens a quote and never closes it is
    quoted to its end)."""
    out: list[tuple[int, int]] = []
    opening: int | None = None
    for i, char in enumerate(text):
        if char in "\u201c\u201d\"":
            if opening is None and (char != "\u201d"):
                opening = i
            elif opening is not None:
                out.append((opening, i))
                opening = None
    if opening is not None:
        out.append((opening, len(text)))
    return out


def figures(piece: Piece) -> list[Token]:
    text = piece.text
    out: list[Token] = []
    for match in rules.FIGURE.finditer(text, piece.start, piece.end):
        start, end = match.start(), match.end()
        before, after = text[max(0, start - 12):start], text[start:end + 30]
        if match.group("digits"):
            if any(rule.match(after) for rule in rules.NOT_A_FIGURE):
                continue
            if re.search(r"[\w,.]$", before) or re.match(r"\d[\d,]*(?:\.\d+)?[a-z]",
                                                          text[start:end + 2]):
                continue
            if rules.DATE_BEFORE.search(before):
                continue
            value = float(match.group("digits").replace(",", ""))
            unit = _unit(match.group("unit") or "", bool(match.group("pound")))
        else:
            word = (match.group("word") or "one").lower()
            if match.group("single"):
                word = "one"
            wunit = match.group("wunit") or ""
            if not wunit and (rules.NOT_A_FIGURE_BEFORE.search(before)
                              or rules.NOT_A_FIGURE_AFTER.match(text[end:end + 12])):
                continue
            value = float(rules.NUMBER_WORDS[word])
            unit = _unit(wunit, False)
        display = text[start:end]
        following = re.match(r"\s(days|hours)\b", text[end:end + 7])
        if following and not unit:
            display += following.group(0)
            end += len(following.group(0))
            unit = following.group(1)
        out.append(Token(value, display, start, end, unit, not match.group("digits")))
    return out


def _unit(suffix: str, pound: bool) -> str:
    if pound:
        return "£"
    if suffix in ("%", " per cent"):
        return "%"
    word = suffix.strip("-").lower()
    return rules.DURATION_UNITS.get(word, "")
