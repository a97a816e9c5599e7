"""The drafting rules: the patterns of English news writing the drafter reads an article with,
as named data, defined once: what a figure looks like, which words qualify it, which phrases
carry a day or an earlier round, where clauses and items end, how people are introduced. The
words of a genre (its parts, counts, unions, types) are data in seeds/genres/<genre>.drafting.toml
(lexicon.py). The code in this package only applies them.
"""

from __future__ import annotations

import re

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "opening": 1,
            "last": -1, "final": -1}
# Words before a figure that qualify it ("more than 8,300"); the longest first.
QUALIFIERS = ("more than", "fewer than", "less than", "at least", "up to", "nearly", "almost",
              "about", "around", "roughly", "approximately", "some", "over", "under")

_MONTH = "|".join(MONTHS)
_DAY = "|".join(WEEKDAYS)
_WORD_NUMBER = "|".join(NUMBER_WORDS)
WORD_NUMBER = _WORD_NUMBER

# A figure: digits (with thousands commas, decimals, %, per cent, £, -day/-year), a number word,
# or "a single".
FIGURE = re.compile(
    rf"(?P<pound>£)?(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<unit>%| per cent|-(?:day|hour|year)s?\b)?"
    rf"|\b(?P<single>a single)\b"
    rf"|\b(?P<word>{_WORD_NUMBER})(?P<wunit>-(?:day|hour|year)s?)?\b", re.I)
# Digits that are not figures: dates, times, years, the "one" of "every one of them".
NOT_A_FIGURE = (
    re.compile(rf"^\d{{1,2}}(?:st|nd|rd|th)?(?: (?:and|to|-) \d{{1,2}})? (?:{_MONTH})\b"),
    re.compile(r"^\d{1,2}(?::\d\d)?\s?(?:am|pm)\b", re.I),
    re.compile(r"^(?:19|20)\d\d\b(?![%,.]\d| per cent)"),
)
DATE_BEFORE = re.compile(rf"\b(?:{_DAY}|{_MONTH})\s$")
NOT_A_FIGURE_BEFORE = re.compile(r"\b(?:every|not|no|the)\s$", re.I)
NOT_A_FIGURE_AFTER = re.compile(r"^(?: of (?!\d)| another\b)", re.I)

# Clause and item boundaries.
CLAUSE_BREAK = re.compile(r";\s*|,\s+while\s+|,\s+and\s+|,\s+but\s+")
TAIL_STOP = re.compile(
    r",\s+and\b|,\s+while\b|,\s+which\b|,\s+but\b|\s+when\b|\s+because\b|\s+as a result\b"
    r"|\s+due to\b|\s+[\u2013\u2014-]\s+|[.;:!?]|,(?!\s+(?:on the \w+day|\w+ (?:and|or) \w+)\b)",
    re.I)
ITEM_JOINER = re.compile(r"(?:[\s,:;]|\b(?:and|or|made up of|including|while|with)\b)*$", re.I)

# Words that open a clause and are no part of the name after them ("At Sherwood Forest ...").
LEAD_WORDS = ("At", "In", "On", "During", "There", "While", "Across", "And", "But")
# A place the article is about: "across Staffordshire and the Black Country", "in West Yorkshire".
REGION = re.compile(r"\b(?:across|in) ((?:[A-Z][\w]*)(?:\s(?:and the|and|the)\s[A-Z][\w]*"
                    r"|\s[A-Z][\w]*)*)")
NOT_A_REGION = re.compile(rf"^(?:{_MONTH}|{_DAY}|The)\b")
SOURCE_AFTER = re.compile(r"^\s+(?:figures|data|statistics)\b")  # "NHS England figures show"

# Figures of their own kind.
DURATION_UNITS = {"day": "days", "days": "days", "hour": "hours", "hours": "hours",
                  "year": "years", "years": "years"}
STRIKE_NOUN = re.compile(r"^[^,.;]*?\b(?:strike days?|strike|walkout|days|hours)\b", re.I)
STRIKE_VERB = re.compile(r"\b(?:walked out|went on strike|staged|named|the)\b", re.I)
HISTORY = re.compile(r"\bthe (\w+)'s (\d+)-year history\b", re.I)
CLAIM = re.compile(r"\b(?:asking for|seeking|demanding|calling for|claiming|holding out for|"
                   r"wants|want)\b", re.I)
AWARD = re.compile(r"\b([\w-]+)'s\s(?:[\d.]+%\s)?award\b", re.I)
AWARD_OWNER_STOP = ("the", "to", "go", "beyond", "with", "by", "of", "from", "stuck", "refused",
                    "has", "have", "a", "an")
DROP_MODIFIERS = ("independent", "the")
RECEIVE = re.compile(r"\b((?:some|many|most|all)\s[\w\s]+?)\sreceiving a pay rise of\b", re.I)
PAY_CHANGE = re.compile(r"\b(\w+)\s(?:have|has)\sseen\stheir\spay\s(fall|rise|drop)\sby\s$", re.I)
OUT_OF = re.compile(r"\b(\d[\d,]*)\s(?:out\s)?of\s(?:[A-Z]\w+'s\s)?(\d[\d,]*)\s(?:NHS\s)?(\w+)")
VERBS = ("had", "has", "have", "was", "were", "is", "are", "would", "will", "kept", "joined",
         "took", "said")  # where a figure's noun phrase ends
COMPARATIVE = re.compile(r"^\S+\s(?:more|fewer|less)\b", re.I)
APPOSITION = re.compile(r",\s+a\s(fall|rise|drop|increase|decrease|cut)\sof\s$", re.I)
OF_THEM = re.compile(r"^\S+ of them on the (\w+)", re.I)
ALL_ON_DAY = re.compile(r",\s+(?:every one|all) of them on the (\w+)(?: strike)? day", re.I)

# Dimensions.
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
DATE = re.compile(rf"\b(?:({_DAY})\s)?(\d{{1,2}})(?:st|nd|rd|th)?\s({_MONTH})\b")
DATE_RANGE = re.compile(rf"\bfrom\b[^.]*?\b({_DAY})\s(\d{{1,2}})\s({_MONTH})\b[^.]*?\buntil\b"
                        rf"[^.]*?\b({_DAY})\s(\d{{1,2}})\s({_MONTH})\b")
WEEKDAY = re.compile(rf"\b({_DAY})\b")
DAY_ORDINAL = re.compile(r"\b[Oo]n the (first|second|third|fourth|fifth|last|final|opening)\b"
                         r"(?: (?:strike )?day)?(?! (?:of|time|round|strike\b(?! day)))")
ROUND = re.compile(rf"\b(?:During|during|in|In) the [\w\s'-]*?\b(?:strike|walkout)\b"
                   rf"(?: in ({_MONTH}) ((?:19|20)\d\d)| (the month before))")

# People: "Name, role, said", "Role Name said", "said Name"; reported speech and quotes.
TITLES = ("Dr", "Sir", "Professor", "Dame", "Lord", "Lady", "Mr", "Mrs", "Ms")
TITLE = rf"(?:(?:{'|'.join(TITLES)})\s)?"
NAME = rf"{TITLE}[A-Z][a-z]+(?:\s[A-Z][a-z'\u2019-]+){{1,2}}"
SPEECH = (r"(?:has\s|had\s)?(?:said|says|told|added|warned|thanked|urged|took issue|called|"
          r"insisted|described|rejected)")
NAME_ROLE_SAID = re.compile(rf"(?P<name>{NAME}),\s(?P<role>[^,]+?),\s{SPEECH}\b")
ROLE_NAME_SAID = re.compile(
    rf"(?:^|,\s|\.\s)(?P<role>(?:[A-Z][\w&'-]*|[a-z-]+)(?:\s(?:[A-Z][\w&'-]*|[a-z-]+)){{0,6}}?)\s"
    rf"(?P<name>{NAME}(?:\sand\s{NAME})?)(?:,\s[^,]+,)?\s{SPEECH}\b")
ROLE_COMMA_NAME_SAID = re.compile(
    rf"(?P<role>(?:[A-Z][\w'-]*\s){{0,3}}(?:[a-z-]+\s){{0,3}}[a-z-]+),\s(?P<name>{NAME}),\s"
    rf"{SPEECH}\b")
SAID_NAME = re.compile(rf"\bsaid\s(?P<name>{NAME})(?:,\s(?P<role>[^,.]+))?")
PRONOUN_SAID = re.compile(r"\b(she|he)\s(?:said|says|added|told|warned|described|thanked|"
                          r"called|insisted|urged)\b", re.I)
