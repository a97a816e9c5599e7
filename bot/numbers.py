"""Numbers in questions, read by a parser rather than one regex.

A figure is written in digits ("1,169", "750.5", "£20,000", "4.2%"), with a scale ("1k",
"1.2m", "2 million") or in words ("two thousand", "seven hundred and fifty"). Links, e-mail
addresses, dates, times, ordinals, version strings and ids are not figures, and their digits
are never read as one. A question's line ("more than 1k", "between 600 and 800",
"750 or fewer") is a `Bound`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# Spans whose digits are not figures. Each alternative is linear: a run-matching one starts
# only where its run starts (a lookbehind), so it never rescans a run from inside it.
NOT_FIGURES = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # links
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|gov|io|info|co)\b(?:/\S*)?"  # domains
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"  # 12/03/2023, 2023-03-12, 12.03.23
    r"|(?<![\d.])\d+(?:\.\d+){2,}\b"  # versions and addresses: 1.2.3, 10.0.0.1
    r"|\b\d{1,2}(?::\d{2}){1,2}(?:\s?[ap]\.?m\b\.?)?"  # 10:30, 10:30:15, 10:30pm
    r"|\b\d{1,2}\.\d{2}\s?[ap]\.?m\b\.?"  # 10.30am (10.30 alone is a decimal)
    r"|\b\d{1,2}\s?[ap]\.?m\b\.?"  # 7am, 4 p.m.
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?:\s+\d{{4}})?"  # 12 March (2023)
    rf"|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"  # March 12(, 2023)
    rf"|\b{MONTH}\s+\d{{4}}\b"  # March 2023
    r"|\b\d+(?:st|nd|rd|th)\b"  # ordinals
    r"|(?:#|\b(?:id|ref|ticket|no\.)\s*[:#]?\s*)\d[\d-]*"  # ids
    r"|\+\d[\d -]{6,}\d",  # phone numbers
    re.I)
DIGITS = re.compile(r"(?<![\w.,£$#])([£$]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                    r"(?:\s?(k|thousand|m|mn|million|bn|billion)\b|(?=ish\b)|(?!\w|,\d|\.\d))",
                    re.I)  # ("234ish": about 234)
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9,
          "billion": 1e9}
UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}
_WORD = "|".join(sorted([*UNITS, *MULTIPLIERS], key=len, reverse=True))
WORDS = re.compile(rf"\b(?:(?:a|{_WORD})\b(?:[\s-]+(?:and\s+)?(?={_WORD}\b))?)+", re.I)

COMPARATORS = (
    ("at least", True, True), ("no fewer than", True, True), ("no less than", True, True),
    ("at most", False, True), ("no more than", False, True), ("up to", False, True),
    ("more than", True, False), ("greater than", True, False), ("higher than", True, False),
    ("in excess of", True, False), ("upwards of", True, False), ("exceeding", True, False),
    ("over", True, False), ("above", True, False),
    ("fewer than", False, False), ("less than", False, False), ("lower than", False, False),
    ("under", False, False), ("below", False, False),
)
BEFORE = re.compile(r"\b(" + "|".join(c for c, _, _ in COMPARATORS) + r")\s+$", re.I)
AFTER = re.compile(r"^\s*(?:(or (?:more|over|above|higher|greater)\b)|(or (?:fewer|less|under|"
                   r"below|lower)\b)|(and (?:above|over|up)\b|\+)|(and (?:below|under)\b))", re.I)
SUMS_UP = re.compile(r"\b(?:add|adds|added|adding|sum|sums|summed|total|totals|totalled|"
                     r"come|comes|came|tot|gone|go|goes|going|went|moved|moving|risen|rose|"
                     r"rise|rising|raised|jumped|jump|bumped|put it|taken it|took it)\s*$", re.I)
# ("govt has now gone up to 10%": a level reached, not a line)
RANGE_START = re.compile(r"\b(between|from)\s+$", re.I)
RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–)\s*$", re.I)


@dataclass(frozen=True)
class Number:
    """A figure as a question writes it: its value, where it stands, how many decimals."""

    value: float
    start: int
    end: int
    decimals: int = 0
    words: bool = False
    unit: str = ""  # "%", "£" or "days" when the question writes one beside it

    @property
    def shown(self) -> str:
        return format_number(self.value, self.decimals)


@dataclass(frozen=True)
class Bound:
    """A line a question draws: 'more than 1k', 'between 600 and 800', '750 or fewer'."""

    low: float | None
    high: float | None
    low_inclusive: bool = False
    high_inclusive: bool = False
    phrase: str = ""  # as strikebot writes it back: "more than 1,000"
    unit: str = ""  # the unit written beside the line's number, as Number.unit

    def holds(self, value: float) -> bool:
        if self.low is not None and (value < self.low or value == self.low
                                     and not self.low_inclusive):
            return False
        return self.high is None or value < self.high or (value == self.high
                                                          and self.high_inclusive)


def format_number(value: float, decimals: int = 0) -> str:
    """'8,332', '16.27', '750.5': thousands separators, trailing zeros dropped."""
    if decimals == 0:
        return f"{round(value):,}"
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def masked(text: str) -> str:
    """The text with links, dates, times, ordinals and ids blanked out (same length)."""
    return NOT_FIGURES.sub(lambda m: " " * len(m.group()), text)


def figures(text: str, words: bool = False) -> list[Number]:
    """Every figure in text, in order; number words too when words=True."""
    plain = masked(text)
    found = []
    for m in DIGITS.finditer(plain):
        value = float(m.group(2).replace(",", "") + (m.group(3) or ""))
        decimals = len(m.group(3)) - 1 if m.group(3) else 0
        if m.group(4):
            value *= SCALES[m.group(4).lower()]
            decimals = max(0, decimals - len(str(int(SCALES[m.group(4).lower()]))) + 1)
        found.append(Number(value, m.start(), m.end(), decimals,
                            unit=_unit(plain, m.start(), m.end(), bool(m.group(1)))))
    if words:
        for m in WORDS.finditer(plain):
            spelled = _word_value(m.group())
            if spelled is not None:
                end = m.start() + len(m.group())
                found.append(Number(spelled, m.start(), end, 0, True,
                                    unit=_unit(plain, m.start(), end, False)))
        found.sort(key=lambda n: n.start)
    return found


UNIT_AFTER = re.compile(r"^\s?(?:(%|per ?cent\b)|(days?\b|-day\b))", re.I)


def _unit(text: str, start: int, end: int, currency: bool) -> str:
    if currency or text[max(0, start - 2):start].strip().endswith("£"):
        return "£"
    after = UNIT_AFTER.match(text[end:end + 10])
    if after:
        return "%" if after.group(1) else "days"
    return ""


def _word_value(phrase: str) -> float | None:
    """'two thousand' -> 2000, 'seven hundred and fifty' -> 750, 'a thousand' -> 1000."""
    parts = [p for p in re.split(r"[\s-]+", phrase.lower()) if p and p != "and"]
    while parts and parts[-1] == "a":
        parts.pop()
    if not parts or parts == ["a"] or (parts[0] == "a" and (len(parts) < 2
                                                             or parts[1] not in MULTIPLIERS)):
        return None
    total = current = 0.0
    for part in parts:
        if part == "a":
            current = 1
        elif part in UNITS:
            current += UNITS[part]
        elif part == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * MULTIPLIERS[part]
            current = 0
    return total + current


def bound(text: str) -> Bound | None:
    """The line the text draws, or None: a range ('between 600 and 800'), a comparison
    ('more than 1k', '750 or fewer'), or both sides of one ('over 700 but under 1,000')."""
    nums = figures(text, words=True)
    lower: Bound | None = None
    upper: Bound | None = None
    for i, n in enumerate(nums):
        before = text[max(0, n.start - 20):n.start]
        if i + 1 < len(nums):
            join = text[n.end:nums[i + 1].start]
            if RANGE_JOIN.match(join) and (RANGE_START.search(before) or join.strip() == "-"):
                low, high = sorted((n, nums[i + 1]), key=lambda x: x.value)
                return Bound(low.value, high.value, True, True,
                             f"between {low.shown} and {high.shown}", high.unit or low.unit)
        side = _side(text, n, before)
        if side is not None and side.low is not None:
            lower = lower or side
        elif side is not None:
            upper = upper or side
    if lower and upper:
        return Bound(lower.low, upper.high, lower.low_inclusive, upper.high_inclusive,
                     f"{lower.phrase} and {upper.phrase}", lower.unit or upper.unit)
    return lower or upper


def _side(text: str, n: Number, before: str) -> Bound | None:
    """One side of a line: 'more than N', 'at most N', 'N or more', 'N+'."""
    comparator = BEFORE.search(before)
    if comparator and comparator.group(1).lower() == "up to" and SUMS_UP.search(
            before[:comparator.start()]):
        comparator = None  # "do they add up to 1,500?": a sum, not a line
    if comparator:
        word = comparator.group(1).lower()
        above, inclusive = next((a, inc) for c, a, inc in COMPARATORS if c == word)
        if above:
            return Bound(n.value, None, inclusive, False, f"{word} {n.shown}", n.unit)
        return Bound(None, n.value, False, inclusive, f"{word} {n.shown}", n.unit)
    after = AFTER.match(text[n.end:n.end + 16])
    if not after:
        return None
    if after.group(1) or after.group(3):
        return Bound(n.value, None, True, False, f"{n.shown} or more", n.unit)
    return Bound(None, n.value, False, True, f"{n.shown} or fewer", n.unit)
