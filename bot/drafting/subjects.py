"""What an article's figures can be about: its trusts, its whole, the country, the strike, the
pay claim and award; and the names people use for each (the drafted aliases)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import rules
from .lexicon import Lexicon
from .scan import Mention


@dataclass
class Subjects:
    """The subjects found in one article, and the genre's words it was read with."""

    lexicon: Lexicon
    parts: dict[str, list[str]] = field(default_factory=dict)  # name -> aliases
    abbreviations: dict[str, str] = field(default_factory=dict)  # "NUH" -> name
    whole: str = ""
    whole_written: str = ""  # as the article writes it: "Four London hospital trusts"
    regional: bool = False  # the whole is a region ("the region" names it)
    whole_aliases: list[str] = field(default_factory=list)
    staff: str = "staff"
    union: str = ""  # "BMA"
    strike_days: list[str] = field(default_factory=list)  # "Friday 25 July", in order

    @property
    def strike(self) -> str:
        return f"the {self.staff}' strike" if self.staff.endswith("s") else \
            f"the {self.staff} strike"

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        found: list[Mention] = []
        for name, aliases in self.parts.items():
            for alias in sorted({name, *aliases[:3], *self._abbr(name)}, key=len, reverse=True):
                for m in re.finditer(rf"(?<![\w']){re.escape(alias)}(?![\w])", text[:end]):
                    if m.start() >= start:
                        found.append(Mention(name, "part", m.start(), m.end()))
        for m in self.lexicon.national.finditer(text, start, end):
            if not rules.SOURCE_AFTER.match(text[m.end():]):  # "NHS England figures show"
                found.append(Mention(self.lexicon.get("national_name"), "national", m.start(),
                                     m.end()))
        if self.whole:
            region = self.lexicon.get("region_words") if self.regional else []
            names = {self.whole, self.whole_written, *region} - {""}
            pattern = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
            for m in re.finditer(rf"\b(?:{pattern})\b", text[:end], re.I):
                if m.start() >= start:
                    found.append(Mention(self.whole, "whole", m.start(), m.end()))
        for m in self.lexicon.both_parts.finditer(text, start, end):
            found.append(Mention("", "both", m.start(), m.end()))
        return _outermost(found)

    def _abbr(self, name: str) -> list[str]:
        return [a for a, n in self.abbreviations.items() if n == name]


def _outermost(found: list[Mention]) -> list[Mention]:
    """Overlapping mentions keep the longest ('NHS England' over 'England')."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def find_subjects(article: str, passages: list[tuple[str, str]], staff_words: tuple[str, ...],
                  lexicon: Lexicon) -> Subjects:
    found = Subjects(lexicon)
    body = "\n".join(text for _, text in passages[1:])
    for m in lexicon.part_name.finditer(body):
        name = _clean_name(m.group(1))
        if not name:
            continue
        aliases = found.parts.setdefault(name, [])
        if m.group("abbr"):
            found.abbreviations[m.group("abbr")] = name
            aliases.append(m.group("abbr"))
        runs = re.match(r",\s+which runs (.+?\b[Hh]ospitals?)\b", body[m.end():])
        if runs:
            aliases.extend(_hospitals(runs.group(1)))
    for name, aliases in found.parts.items():
        aliases[:0] = _short_names(name, lexicon)
    whole = lexicon.whole.search(body)
    if whole:
        found.whole = _the(whole.group(0))
        found.whole_written = whole.group(0)
        found.whole_aliases = _whole_aliases(whole.group(0), lexicon)
    else:
        region = _region(passages, lexicon)
        if region:
            found.whole = region
            found.whole_aliases = [*re.split(r"\s+and\s+(?:the\s+)?", region),
                                   "the region", region.replace(" the ", " ")]
            found.regional = True
    found.staff = _staff(article, staff_words)
    known = lexicon.people("unions")
    unions = Counter(known.get(m.group(1).removeprefix("the "), "") or m.group(1)
                     for m in lexicon.organisation.finditer(article))
    abbreviations = Counter(re.findall(rf"\b({'|'.join(known.values())})\b", article))
    found.union = (abbreviations.most_common(1) or unions.most_common(1) or [("", 0)])[0][0]
    found.strike_days = strike_days(body)
    return found


def _region(passages: list[tuple[str, str]], lexicon: Lexicon) -> str:
    """The region of the headline or first paragraph: 'across Staffordshire and the Black
    Country', 'in West Yorkshire'."""
    for _, text in passages[:2]:
        for m in rules.REGION.finditer(text):
            first = m.group(1).split()[0]
            if not rules.NOT_A_REGION.search(m.group(1)) and \
                    first not in lexicon.get("not_a_region") and \
                    not lexicon.part_name.fullmatch(m.group(1)):
                return m.group(1)
    return ""


def _clean_name(name: str) -> str:
    words = name.split()
    while words and words[0] in rules.LEAD_WORDS:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else ""


def _hospitals(listing: str) -> list[str]:
    listing = re.sub(r"\s+hospitals?$", "", listing.strip())
    names = re.split(r",\s+|\s+and\s+", listing)
    return [n.removeprefix("the ").strip() for n in names if n.strip()[:1].isupper()
            or n.startswith("the ")]


def _short_names(name: str, lexicon: Lexicon) -> list[str]:
    words = name.removeprefix("The ").split()
    out = [name.removeprefix("The ")]
    core = part_core(name, lexicon)
    out.append(core)
    prefix: list[str] = []
    for word in core.split():
        if word in lexicon.get("part_generic_words"):
            if prefix:
                break
            continue
        prefix.append(word)
    if prefix:
        out.append(" ".join(prefix))
    if "of" in words:
        out.append(" ".join(words[words.index("of") + 1:]).split(" NHS")[0])
    initials = "".join(w[0] for w in core.split() if w[0].isupper())
    if len(initials) >= 3:
        out.append(initials)
    if len(initials) >= 2:
        out.append(f"{initials}T")
    for long, short in lexicon.get("short_words").items():
        out += [re.sub(rf"\b{long}\b", short, a) for a in out if re.search(rf"\b{long}\b", a)]
    if words[0] == "Royal" and len(prefix) > 1:
        out.append(" ".join(prefix[1:]))
    return list(dict.fromkeys(a for a in out if a and a != name))


def part_core(name: str, lexicon: Lexicon) -> str:
    """A part's name without its article and its genre ending: 'Royal Wolverhampton'."""
    return re.sub(rf"\s+{lexicon.get('part_name_end')}$", "", name.removeprefix("The "))


def _the(phrase: str) -> str:
    first = phrase.split()[0]
    if first.lower() in rules.NUMBER_WORDS:
        return f"the {first.lower()} {' '.join(phrase.split()[1:])}"
    return phrase


def _whole_aliases(phrase: str, lexicon: Lexicon) -> list[str]:
    words = phrase.split()
    count = next((w.lower() for w in words if w.lower() in rules.NUMBER_WORDS), "")
    places = [w.removesuffix("'s") for w in words if w[:1].isupper()
              and w.lower() not in rules.NUMBER_WORDS]
    place = " ".join(places)
    templates = [t for t in lexicon.get("whole_aliases") if place or "{place}" not in t]
    if count == "two":
        templates += lexicon.get("whole_aliases_two")
    out = [t.format(place=place, count=count) for t in templates]
    return list(dict.fromkeys(re.sub(r"\s+", " ", a).strip() for a in out))


def _staff(article: str, staff_words: tuple[str, ...]) -> str:
    low = article.lower()
    counts = Counter({w: len(re.findall(rf"\b{re.escape(w)}\b", low)) for w in staff_words
                      if w.endswith("s") and " " in w})
    plural = [w for w, n in counts.most_common() if n]
    if plural:
        return plural[0]
    singles = Counter({w: len(re.findall(rf"\b{re.escape(w)}\b", low)) for w in staff_words
                       if w.endswith("s")})
    best = singles.most_common(1)
    return best[0][0] if best and best[0][1] else "staff"


def strike_days(body: str) -> list[str]:
    """The dated days of the strike, with the days between a 'from ... until ...' filled in."""
    days: list[str] = []
    ranged = rules.DATE_RANGE.search(body)
    if ranged:
        first, day, month, _, last, _ = ranged.groups()
        start = rules.WEEKDAYS.index(first)
        for n in range(int(last) - int(day)):
            days.append(f"{rules.WEEKDAYS[(start + n) % 7]} {int(day) + n} {month}")
    for m in rules.DATE.finditer(body):
        if m.group(1):
            label = f"{m.group(1)} {int(m.group(2))} {m.group(3)}"
            if ranged and label.startswith(ranged.group(4)):
                continue
            if label not in days:
                days.append(label)
    return days
