"""An article's drafted tables and profile, from article.txt alone."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..profile import read_toml
from .figures import COLUMNS as FIGURE_COLUMNS
from .figures import Draft, Unplaced, aliases_of, draft_figures
from .lexicon import load_lexicon
from .people import COLUMNS as PEOPLE_COLUMNS
from .people import DraftPerson, draft_people
from .scan import passages
from .subjects import Subjects, find_subjects, part_core

GENRE = "nhs-strike"


@dataclass
class ArticleDraft:
    headline: str
    subjects: Subjects
    figures: list[Draft]
    aliases: dict[str, list[str]]
    people: list[DraftPerson]
    unplaced: list[Unplaced] = field(default_factory=list)
    article: str = ""

    def figure_rows(self) -> list[dict[str, str]]:
        return [f.row(self.aliases.get(f.subject, [])) for f in self.figures]

    def people_rows(self) -> list[dict[str, str]]:
        return [p.row() for p in self.people]

    def figures_csv(self) -> str:
        return csv_text(FIGURE_COLUMNS, self.figure_rows())

    def people_csv(self) -> str:
        return csv_text(PEOPLE_COLUMNS, self.people_rows())

    def profile_toml(self) -> str:
        return _profile(self)


def draft_article(article: str, genres: Path) -> ArticleDraft:
    genre = read_toml(genres / f"{GENRE}.toml")
    lexicon = load_lexicon(genres, GENRE)
    items = passages(article)
    subjects = find_subjects(article, items, tuple(str(w) for w in genre.get("other_staff", [])),
                             lexicon)
    figures, unplaced = draft_figures(article, subjects)
    bodies = {short: name for name, aliases in subjects.parts.items() for short in aliases}
    people, unquoted = draft_people(article, lexicon, bodies)
    headline = items[0][1] if items else ""
    return ArticleDraft(headline, subjects, figures, aliases_of(figures, subjects), people,
                        unplaced + unquoted, article)


def csv_text(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(_toml_string(i) for i in items) + "]"


def _profile(draft: ArticleDraft) -> str:
    subjects = draft.subjects
    parts = [f for f in draft.figures if f.scope == "part" and not f.dims]
    lexicon = subjects.lexicon
    short = {name: part_core(name, lexicon) for name in subjects.parts}
    speaker = next((p for p in draft.people if p.kind == "person"), None)
    templates = lexicon.data["profile"]["examples"]
    fill = {"counted": lexicon.counted, "part_word": lexicon.part,
            "part": short[parts[0].subject] if parts else "",
            "person": speaker.name if speaker else ""}
    examples = [t.format(**fill) for t in templates
                if all(fill[k] for k in re.findall(r"\{(\w+)\}", t))]
    staff = subjects.staff
    lines = ["# Drafted by `strikebot article add` from article.txt: review it, then set",
             '# status = "reviewed".', 'status = "draft"', f"genre = {_toml_string(GENRE)}",
             f"about = {_toml_string(_about(draft.headline, draft.article))}",
             f"counted = {_toml_string(lexicon.counted)}",
             f"part = {_toml_string(lexicon.part)}", f"parts = {_toml_string(lexicon.parts)}",
             f"whole = {_toml_string(subjects.whole or 'all of them')}",
             f"staff = {_toml_list([staff, staff.removesuffix('s')])}",
             f"counted_words = {_toml_list(_counted_words(draft))}",
             f"action_words = {_toml_list(_action_words(draft))}",
             f"examples = {_toml_list(examples)}"]
    abbreviations = {a.lower(): short.get(n, n) for a, n in subjects.abbreviations.items()}
    if abbreviations:
        lines += ["", "[abbreviations]"] + [f"{k} = {_toml_string(v)}"
                                             for k, v in abbreviations.items()]
    for key, values in _dimensions(draft).items():
        lines += ["", f"[dimensions.{key}]"]
        lines += [f"{_toml_string(v)} = {_toml_list(a)}" for v, a in values.items()]
    return "\n".join(lines) + "\n"


def _counted_words(draft: ArticleDraft) -> list[str]:
    """The nouns the article counts its figures in ("patients", "cases"), singular and plural."""
    words: list[str] = []
    for f in draft.figures:
        if f.scope in ("part", "whole", "national"):
            after = f.span[f.span.find(f.display) + len(f.display):]
            words += [w for w in re.findall(r"[a-z]+", after.lower())[:3]
                      if w in draft.subjects.lexicon.get("counted_nouns")]
    plural = [w if w.endswith("s") else f"{w}s" for w in dict.fromkeys(words)]
    return list(dict.fromkeys(x for w in plural for x in (w, w.removesuffix("s"))
                              if x not in ("ones", "one", "inpatient", "outpatient")))


def _action_words(draft: ArticleDraft) -> list[str]:
    lexicon = draft.subjects.lexicon
    text = " ".join(f.span.lower() for f in draft.figures)
    return [k for k, v in lexicon.get("actions").items() if re.search(rf"\b{k}\b", text)
            and v not in lexicon.get("not_actions")]


def _about(headline: str, article: str) -> str:
    """The headline, read as a phrase: its first word lower-cased when the article writes it
    so elsewhere (not a name)."""
    text = headline.strip().rstrip(".")
    first = text.split()[0] if text.split() else ""
    if first and re.search(rf"(?<![.\n] )\b{re.escape(first.lower())}\b", article):
        return text[:1].lower() + text[1:]
    return text


def _dimensions(draft: ArticleDraft) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    days = [d for d in draft.subjects.strike_days
            if any(f.dim("day") == d for f in draft.figures)]
    for n, day in enumerate(days):
        out.setdefault("day", {})[day] = _day_aliases(day, n, len(days))
    types = sorted({f.dim("type") for f in draft.figures if f.dim("type")})
    for type_ in types:
        known = draft.subjects.lexicon.types.get(type_, {})
        out.setdefault("type", {})[type_] = list(known.get("aliases", [type_]))
    rounds = list(dict.fromkeys(f.dim("round") for f in draft.figures if f.dim("round")))
    for round_ in rounds:
        month = round_.split()[0].lower()
        length = next((f.display for f in draft.figures
                       if f.dim("round") == round_ and f.kind == "strike"), "")
        aliases = [round_.lower(), month, f"{month} strike", f"{round_.lower()} strike"]
        if length:
            aliases += [f"{length} strike", f"{length} strike in {month}"]
        out.setdefault("round", {})[round_] = aliases
    return out


def _day_aliases(day: str, n: int, count: int) -> list[str]:
    weekday, date, month = day.split()
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
    numbers = ["one", "two", "three", "four", "five", "six", "seven"]
    suffix = "th" if 10 < int(date) % 100 < 14 else \
        {1: "st", 2: "nd", 3: "rd"}.get(int(date) % 10, "th")
    out = [weekday.lower(), weekday.lower()[:3], f"{words[n]} day", f"day {numbers[n]}",
           f"day {n + 1}", f"{date} {month.lower()}", f"{month.lower()} {date}",
           f"{date}{suffix}", f"the {date}{suffix}", f"{words[n]} strike day"]
    if n == 0:
        out.append("opening day")
    if n == count - 1 and count > 1:
        out += ["last day", "final day"]
    return list(dict.fromkeys(a for a in out if not re.fullmatch(r"\w{3}", a)
                              or a == weekday.lower()[:3]))
