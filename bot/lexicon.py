"""An article's words compiled once: the patterns every reader and answerer matches with.

Everything here is derived from the article's profile and tables; nothing names an article.
"""

from __future__ import annotations

import re
from functools import cached_property

from .figures import Figure
from .people import Person
from .profile import Profile
from .text import stem

GENERIC_COUNT_CUES = (r"figures?|numbers?|count|stats?|statistics|affected|hit|impact\w*|"
                      r"disrupt\w*|lost|missed|how many|how much|total|how (?:bad|badly|hard)|"
                      # "how did our trust do in the strike", "how did dudley fare"
                      r"how (?:did|has|have|does) (?:[\w'&-]+ ){1,5}?(?:do|fare|fared|cope|coped)")


def _alternation(words: tuple[str, ...] | list[str], stems: bool = False) -> str:
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        w = w.lower().strip()
        if not w:
            continue
        if stems and " " not in w and len(w) > 3:
            out.append(re.escape(stem(w)) + r"\w*")
        else:
            out.append(re.escape(w).replace(r"\ ", r"[\s-]+"))
    return "|".join(dict.fromkeys(out)) or r"(?!x)x"


def number_word(n: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve")
    return words[n] if 0 <= n < len(words) else str(n)


class Lexicon:
    """The compiled words of one article (from its profile, over its genre)."""

    def __init__(self, profile: Profile, parts: list[Figure], people: tuple[Person, ...],
                 parts_passage: str, wider: tuple[Figure, ...] = ()) -> None:
        self.profile = profile
        self.n_parts = len(parts)
        self.parts_passage = parts_passage
        self.people = people
        # The whole's and the nation's names: "the rest of X", "outside X".
        self.wider_names = _alternation([a.lower() for f in wider for a in f.aliases
                                         if len(a) > 3 and a[:1].isupper()])
        p = profile
        # Capitals first: "OP" is outpatients where "op" is an operation.
        self.abbreviations = tuple((re.compile(rf"\b{re.escape(k)}\b"), v)
                                   for k, v in p.cased_abbreviations.items()) + tuple(
            (re.compile(rf"\b{re.escape(k)}\b", re.I), v) for k, v in p.abbreviations.items()) + (
            # "my trust" is the writer's own, as "our trust" is (OWN_WORDS)
            (re.compile(rf"\bmy (?:own )?({re.escape(p.part)})\b", re.I), r"our \1"),)
        self.counted_nouns = frozenset(w.lower() for w in p.counted_words)
        self.people_nouns = frozenset(w.lower() for w in p.people_nouns) - self.counted_nouns
        self.count_cues = re.compile(
            rf"\b(?:{_alternation([*p.counted_words, *p.action_words], stems=True)}|"
            rf"{GENERIC_COUNT_CUES})\b", re.I)
        # The event, and its staff "out" ("had nurses out"): not "out of 219".
        self.event_words = re.compile(
            rf"\b(?:{_alternation(p.event_words)}|(?:{_alternation(p.staff)}) out\b(?! of))\b",
            re.I)
        # "during the strike", "about the strikes": the event as the time or the whole topic
        # of what is asked (everything the article says is about it)
        self.event_frame = re.compile(
            rf"\b(?:during|in|over|throughout|through|about|on|regarding) (?:the|this|that|these|"
            rf"those|last week's) (?:recent )?(?:{_alternation(p.event_words)})\b", re.I)
        self.action_cues = re.compile(rf"\b(?:{_alternation(p.action_words, stems=True)})\b",
                                      re.I)
        self.count_words = re.compile(
            rf"\b(?:{_alternation([*p.counted_words, *p.action_words], stems=True)})\b", re.I)
        own = {s.lower() for s in p.staff}
        others = [s for s in p.other_staff if s.lower() not in own and not any(
            s.lower() in o or o in s.lower() for o in own)]
        self.other_staff = re.compile(rf"\b(?:{_alternation(others)})\b", re.I)
        self.staff = re.compile(rf"\b(?:{_alternation(p.staff)})s?\b", re.I) if p.staff else \
            re.compile(r"(?!x)x")
        # ("of the london ones": the parts, by another name for them)
        self.part_word = re.compile(rf"\b(?:{re.escape(p.part)}|{re.escape(p.parts)})\b|"
                                    rf"\bof the (?:\w+ ){{1,2}}ones\b", re.I)
        self.parts_word = re.compile(rf"\b{re.escape(p.parts)}\b", re.I)
        self.per_part = re.compile(rf"\b(?:per|each|a|every) {re.escape(p.part)}\b", re.I)
        # "all the trusts", "the 5 trusts", "each trust": every part, not the last ones named.
        self.all_parts = re.compile(
            rf"\b(?:all|each|every)\b|\bthe (?:\d+|three|four|five|six|seven|eight|nine|ten) "
            rf"{re.escape(p.parts)}\b|\b\d+[- ]{re.escape(p.part)}s?\b|\b(?:the|all|our) "
            rf"(?:{self.n_parts}|{number_word(self.n_parts)})\b(?! \w+ (?:of|in)\b)", re.I)
        self.types = _alternation(p.type_words)
        self.rounds = _alternation(p.other_rounds)
        self.place_words = frozenset(w.lower() for w in p.place_words)
        self.name_glue = frozenset(w.lower() for w in p.name_glue)
        # Words that name people in a sentence: "who" questions want one of them.
        self.people_words = re.compile(
            rf"\b(?:{_alternation([*p.people_nouns, *p.staff, *p.other_staff])}|staff|bosses|"
            r"volunteers|union|government|secretary|public|co-chairs?|lead)s?\b", re.I)
        self.speaker_roles = re.compile(rf"\b(?:{_alternation(p.speaker_roles)})s?\b", re.I)

    @cached_property
    def parts_phrase(self) -> str:
        """'the five trusts'."""
        return f"the {number_word(self.n_parts)} {self.profile.parts}"

    def among(self, figures: list[Figure] | tuple[Figure, ...]) -> str:
        """'the five trusts' for all of them, else their names."""
        if len(figures) == self.n_parts:
            return self.parts_phrase
        ids = {f.id for f in figures}
        for area in self.profile.areas:
            if len(ids) > 1 and set(area.parts) == ids:
                return f"{area.name}'s {number_word(len(ids))} {self.profile.parts}"
        names = [f.subject for f in figures]
        return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 2 else \
            " and ".join(names)

    @property
    def speakers(self) -> str:
        named = [p.name for p in self.people if p.kind != "group"][:4]
        return ", ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else "".join(named)

    def greeting(self) -> str:
        ex = self.profile.examples
        tries = (f" Try \"{ex[0]}\" or \"{ex[-1]}\"" if len(ex) > 1 else
                 f" Try \"{ex[0]}\"" if ex else "")
        return f"Hello! I answer questions about one article: {self.profile.about}.{tries}"

    def example(self) -> str:
        return self.profile.examples[0] if self.profile.examples else "What is the article about?"

    def abstain_generic(self) -> str:
        p = self.profile
        who = f", and what {self.speakers} said" if self.speakers else ""
        return (f"The article doesn't say. It covers {p.about}: {p.counted} at "
                f"{self.parts_phrase}{who}.")

    def figure_sentence(self, f: Figure) -> str:
        template = self.profile.sentence(f.scope)
        if not template:
            if f.scope in ("part", "whole", "national"):
                return f"{f.subject}: {f.stated} {f.measure} ({f.passage})."
            return f"{f.display[:1].upper()}{f.display[1:]}: “{f.span}” ({f.passage})."
        stated = f.stated
        text = template.format(display=f.display, subject=f.subject, stated=stated,
                               Stated=stated[:1].upper() + stated[1:], measure=f.measure)
        return f"{text} ({f.passage})."
