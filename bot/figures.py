"""The hand-checked figures table, validated against the article."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .answer import FigureRef
from .errors import SeedError
from .passages import Passage
from .tables import read_rows, split_list
from .text import NUMBER_WORDS, fold, format_number, numbers_in

COLUMNS = ("id", "subject", "aliases", "measure", "value", "display", "unit", "qualifier",
           "scope", "period", "passage", "span")
# part: one of the subjects the article lists and compares; whole: the article's total of the
# parts; national: the country-wide figure; other: anything else (durations, pay, shares).
SCOPES = ("part", "whole", "national", "other")
COUNT_SCOPES = ("part", "whole", "national")
# Figures written as words that are not number words: "No outpatient clinics", "a single case".
NONE_WORDS = {"no": 0.0, "none": 0.0, "single": 1.0, "once": 1.0, "twice": 2.0}


@dataclass(frozen=True)
class Figure:
    id: str
    subject: str
    aliases: tuple[str, ...]
    measure: str
    value: float
    display: str
    unit: str
    qualifier: str
    scope: str
    period: str
    passage: str
    span: str
    dims: tuple[tuple[str, str], ...] = ()  # ("day", "Monday 28 July"), ("type", "inpatient")

    def dim(self, key: str) -> str:
        return next((v for k, v in self.dims if k == key), "")

    @property
    def is_count(self) -> bool:
        """Appointment counts, the rows aggregates are computed over."""
        return self.scope in COUNT_SCOPES

    @property
    def digits(self) -> str:
        """The figure in digits, for working written out: "1", not "a single"."""
        return self.display if any(c.isdigit() for c in self.display) else \
            format_number(self.value)

    @property
    def stated(self) -> str:
        """The figure as the article gives it: 'more than 8,300'."""
        return f"{self.qualifier} {self.display}".strip()

    def ref(self) -> FigureRef:
        return FigureRef(self.id, self.subject, self.value, self.display, self.qualifier,
                         self.passage)


def _display_value(display: str) -> float | None:
    found = numbers_in(display)
    if found:
        return found[0]
    for word in re.split(r"[\s-]+", display.lower()):
        if word in NUMBER_WORDS:
            return float(NUMBER_WORDS[word])
        if word in NONE_WORDS:
            return NONE_WORDS[word]
    return None


def load_figures(path: Path, passages: dict[str, Passage]) -> tuple[Figure, ...]:
    seen: set[str] = set()
    figures: list[Figure] = []
    lines: list[int] = []
    for line, row in read_rows(path, COLUMNS):
        def bad(problem: str, line: int = line) -> SeedError:
            return SeedError(str(path), line, problem)

        if not row["id"]:
            raise bad("id must not be empty")
        if row["id"] in seen:
            raise bad(f"duplicate id {row['id']!r}")
        if row["scope"] not in SCOPES:
            raise bad(f"scope must be one of {', '.join(SCOPES)}, not {row['scope']!r}")
        try:
            value = float(row["value"].replace(",", ""))
        except ValueError:
            raise bad(f"value {row['value']!r} is not a number") from None
        shown = _display_value(row["display"])
        if shown != value:
            raise bad(f"display {row['display']!r} does not show the value {row['value']}")
        passage = passages.get(row["passage"])
        if passage is None:
            raise bad(f"passage {row['passage']!r} is not in the article")
        span = fold(row["span"])
        if not span:
            raise bad("span must not be empty")
        if span.lower() not in fold(passage.text).lower():
            raise bad(f"span {row['span']!r} does not occur in passage {row['passage']}")
        if fold(row["display"]).lower() not in span.lower():
            raise bad(f"span {row['span']!r} does not hold the figure {row['display']!r}")
        if row["qualifier"] and row["qualifier"].lower() not in span.lower():
            raise bad(f"span {row['span']!r} does not hold the qualifier {row['qualifier']!r}")
        dims = _dims(row.get("dims", ""))
        if dims is None:
            raise bad(f"dims {row.get('dims')!r} must be key=value pairs separated by ';'")
        seen.add(row["id"])
        lines.append(line)
        figures.append(Figure(
            id=row["id"], subject=row["subject"],
            aliases=tuple(dict.fromkeys((row["subject"], *split_list(row["aliases"])))),
            measure=row["measure"], value=value, display=row["display"], unit=row["unit"],
            qualifier=row["qualifier"], scope=row["scope"], period=row["period"],
            passage=row["passage"], span=span, dims=dims,
        ))
    if not figures:
        raise SeedError(str(path), None, "no rows")
    shared = _shared_aliases(figures)
    _check_aliases(path, shared, lines)
    _check_named_subjects(path, shared, lines, passages)
    return shared


def _dims(cell: str) -> tuple[tuple[str, str], ...] | None:
    pairs = []
    for item in split_list(cell):
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            return None
        pairs.append((key.strip().lower(), value.strip()))
    return tuple(pairs)


def _key(alias: str) -> str:
    return fold(alias).lower()


def _check_aliases(path: Path, figures: tuple[Figure, ...], lines: list[int]) -> None:
    """One alias, one subject: otherwise a question naming it would silently get either."""
    owner: dict[str, str] = {}
    for figure, line in zip(figures, lines, strict=True):
        for alias in figure.aliases:
            other = owner.setdefault(_key(alias), figure.subject)
            if other != figure.subject:
                raise SeedError(str(path), line, f"alias {alias!r} of {figure.subject!r} is "
                                                 f"also an alias of {other!r}")


def _names(text: str, figure: Figure) -> bool:
    low = f" {fold(text).lower()} "
    return any(re.search(rf"(?<![\w']){re.escape(_key(a))}(?![\w'])", low)
               for a in figure.aliases if len(a) >= 3)


def _sentence_of(span: str, passage: Passage) -> str:
    return next((s for s in passage.sentences if span.lower() in fold(s).lower()), passage.text)


def _check_named_subjects(path: Path, figures: tuple[Figure, ...], lines: list[int],
                          passages: dict[str, Passage]) -> None:
    """A count's span that names another subject of its scope, not its own, while the article's
    sentence names its own, holds another subject's figure (Walsall = '606 at Dudley ...')."""
    subjects: dict[str, Figure] = {}
    for figure in figures:
        subjects.setdefault(figure.subject, figure)
    for figure, line in zip(figures, lines, strict=True):
        if not figure.is_count or _names(figure.span, figure):
            continue
        sentence = _sentence_of(figure.span, passages[figure.passage])
        if not _names(sentence, figure):
            continue
        others = [s for s, f in subjects.items() if s != figure.subject
                  and f.scope == figure.scope and _names(figure.span, f)]
        if others:
            raise SeedError(str(path), line, f"span {figure.span!r} names {others[0]!r}, not "
                                             f"the row's subject {figure.subject!r}, which its "
                                             f"sentence names")
        # A span cut short of its subject: '606' where the sentence goes on 'at Dudley ...'.
        folded = fold(sentence).lower()
        after = folded[folded.find(figure.span.lower()) + len(figure.span):]
        place = re.match(r"\s*(?:at|in)\s+", after)
        if place:
            rest = after[place.end():]
            named = [s for s, f in subjects.items() if s != figure.subject
                     and f.scope == figure.scope
                     and any(rest.startswith(_key(a)) for a in f.aliases if len(a) >= 3)]
            if named:
                raise SeedError(str(path), line, f"span {figure.span!r} stops short of the "
                                                 f"subject its sentence gives it, {named[0]!r}, "
                                                 f"not the row's {figure.subject!r}")


def _shared_aliases(figures: list[Figure]) -> tuple[Figure, ...]:
    """Rows of one subject share every alias any of them gives."""
    names: dict[str, list[str]] = {}
    for f in figures:
        names.setdefault(f.subject, []).extend(f.aliases)
    return tuple(replace(f, aliases=tuple(dict.fromkeys(names[f.subject]))) for f in figures)
