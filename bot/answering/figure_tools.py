"""What the answerers from the figures table share: rows at dimensions, the counted noun,
cue scores, premises."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from .. import aggregates
from ..answer import Answer, Citation
from ..conversation import Conversation
from ..figures import Figure
from ..lookups import Lookups
from ..people import Person
from ..reading import Reading
from ..rules import (
    FUNCTION_WORDS,
    HYPOTHETICAL,
    ORDINAL_NUMBERS,
    SOME,
)
from ..text import STOPWORDS, content_terms, format_number
from ..wording import modality


class FigureWork:
    """Helpers over the figures table, for the answerers that answer from it."""

    def __init__(self, look: Lookups) -> None:
        self.look = look
        self.lex = look.lex

    def _rows_at(self, f: Figure, dims: tuple[tuple[str, str], ...]) -> list[Figure]:
        """The subject's rows for the asked days, types or rounds: the exact rows if the
        article gives them, else the finer rows that add up to them."""
        want: dict[str, set[str]] = {}
        for key, value in dims:
            want.setdefault(key, set()).add(value)
        rows = [v for v in self.look.variants if v.subject == f.subject and v.scope == f.scope
                and all(v.dim(k) in values for k, values in want.items())]
        exact = [v for v in rows if {k for k, _ in v.dims} == set(want)]
        if not rows and f.scope == "whole":
            # The whole is its parts: at a given day or type, their rows add up to it.
            per_part = [self._rows_at(part, dims) for part in self.look.parts]
            # (only when every part has them: one part's rows are not the whole's)
            return [row for rows in per_part for row in rows] if all(per_part) else []
        return exact or rows

    def _describe_dims(self, dims: tuple[tuple[str, str], ...]) -> str:
        parts = []
        for key, value in dims:
            parts.append(value if key != "type" else f"{value} {self.lex.profile.counted}")
        return ", ".join(parts)

    def _at_dims(self, figures: list[Figure], dims: tuple[tuple[str, str], ...],
                 sums: dict[str, list[Figure]]) -> list[Figure]:
        """Each figure at the asked dimensions: a row, or a sum of rows (recorded in sums)."""
        out: list[Figure] = []
        for f in figures:
            if f.scope == "whole" and not any(v.subject == f.subject for v in self.look.variants):
                out += self._at_dims(self.look.parts, dims, sums)  # the whole is its parts
                continue
            rows = self._rows_at(f, dims)
            if len(rows) == 1:
                # Named with its dimensions, so a comparison says which is which.
                out.append(replace(rows[0], subject=f"{rows[0].subject} "
                                                    f"({self._describe_dims(rows[0].dims)})"))
            elif rows:
                rows = [x for x in rows if x.value] or rows[:1]  # a zero adds nothing
                if len(rows) == 1:
                    out.append(rows[0])
                    continue
                total = sum(x.value for x in rows)
                key = "+".join(x.id for x in rows)
                sums[key] = rows
                out.append(replace(rows[0], id=key, value=total, display=format_number(total),
                                   qualifier="", dims=dims))
        return list({f.id: f for f in out}.values())

    def _excluded(self, r: Reading) -> list[Figure]:
        """Parts a question leaves out: 'the four trusts other than UHNM'."""
        return list(r.excluded)

    def _figure_answer(self, r: Reading, kind: str, text: str, used: list[Figure],
                       focus: tuple[Figure, ...] = (),
                       values: tuple[tuple[str, float], ...] = ()) -> Answer:
        working = [self.look.derived[f.id][1] for f in used if f.id in self.look.derived
                   and self.look.derived[f.id][0] not in text]
        if working:
            text += f" ({'; '.join(working)}.)"  # a figure worked out, written out
        cites = []
        for pid in dict.fromkeys(f.passage for f in used):
            spans = [f.span for f in used if f.passage == pid]
            cites.append(Citation(pid, " … ".join(spans), 1.0))
        return Answer(r.q.raw, text, False, kind,  # type: ignore[arg-type]
                      tuple(cites), tuple(f.ref() for f in used),
                      highlights=tuple(f.display for f in used),
                      focus=tuple(f.id for f in focus if f.id in self.look.by_id), values=values)

    def _noun_kind(self, noun: str) -> str:
        """What a 'how many X' counts: the article's count, people, something else, or ''."""
        nouns = self.lex.counted_nouns
        if not re.match(r"[a-z]", noun) or noun in FUNCTION_WORDS or noun in STOPWORDS or \
                noun.endswith("ed"):
            return ""  # "how many were cancelled": nothing else named
        if noun in self.lex.people_nouns:
            return "people"
        if noun in nouns or any(fuzz.ratio(noun, n) >= 85 for n in nouns if len(n) > 5):
            return "counted"
        return "other"

    def _cue_hits(self, f: Figure, r: Reading) -> tuple[str, ...]:
        """The aliases of a non-count figure ("pay rise", "walked out") a question uses."""
        return r.cue_hits.get(f.id, ())

    def _cue_score(self, f: Figure, r: Reading) -> float:
        score = 0.0
        strong = False
        for toks in self._cue_hits(f, r):
            if set(toks.split()) <= self.look.people_tokens:
                score += 0.5  # a speaker's name says whose figure, not which figure
                continue
            score += len(toks.split())
            strong = strong or " " in toks
        if score and f.unit in r.units:
            score += 3
            strong = True
        if not strong and r.noun and r.noun == f.unit and f.subject in {
                g.subject for g in r.subjects}:
            score, strong = score + 4, True  # "how many resident doctors … in england"

        asked = r.modality
        mode = self.look.row_modality.get(f.id, "") if score and asked else ""
        if mode == asked and mode:
            score += 1  # "the pay rise they want": the demanded figure, not the one received
            # (and picks it on one loose word, "pay", when no other row named is demanded)
            strong = strong or not any(
                g is not f and self._cue_hits(g, r) and
                self.look.row_modality[g.id] == mode for g in self.look.others)
        elif mode and mode not in r.modalities:
            score -= 1  # … and the one received is not what they want
        if not score and asked and f.unit in r.units and self.look.row_modality.get(
                f.id) == asked and [g for g in self.look.others if g.unit in r.units and
                                    self.look.row_modality.get(g.id) == asked] == [f]:
            score, strong = 4.0, True  # "bma asking for what %": the one such figure in it
        # What the row measures ("NHS trusts whose nursing staff took part"), word for word,
        # for a row whose names the question uses at most loosely.
        shared = len(self.look.measure_terms[f.id] & set(r.q.terms)) if not strong else 0
        if shared >= 2:
            score += shared
            strong = True
        if not strong and (r.noun == f.unit or r.fraction is not None and
                           f.unit in r.unit_words) and f.id in self.look.event_rows and \
                r.cues.has("event_words"):
            score += 2  # "how many trusts struck": the row counting the trusts that took part
            # ("more than half of englands trusts went on strike?")
            strong = True
        if score and f.unit in r.unit_words and not r.units:
            score += 1  # "at most of England's NHS trusts": the row that counts trusts
        # One loose word ("strike", "pay") is not enough to pick a figure.
        return score if strong else 0.0

    def _measured_against(self, r: Reading) -> bool:
        """Whether a row is measured against the period the question names ("more than during
        the strike of July 2024") and the question asks for it in the row's own words."""
        said_of = r.unknown_dim.lower()
        if not said_of:
            return False
        period_terms = set(content_terms(said_of)) | set(content_terms(
            " ".join(self.lex.profile.event_words)))
        counted = set(content_terms(" ".join((self.lex.profile.counted,
                                              *self.lex.profile.counted_words))))
        # (a word of the row's own beyond the period and what is counted: "delivered")
        return any(said_of in f"{f.measure} {f.span}".lower() and len(
            (self.look.measure_terms[f.id] - period_terms) & set(r.q.terms)) >= 3 or len(
            (self.look.measure_terms[f.id] - period_terms - counted) & set(r.q.terms)) >= 1
            and said_of in f"{f.measure} {f.span}".lower() for f in self.look.others)

    def _measure_overlap(self, f: Figure, r: Reading) -> int:
        # (the article's own period, "the july strike", names no other row)
        own_period = set(content_terms(self.lex.profile.period or "")) if not r.years else set()
        return len(self.look.measure_terms.get(f.id, frozenset()) & set(r.q.terms) - own_period)

    def _other_row(self, r: Reading) -> Figure | None:
        # A question that names a unit ("how much money", "what percentage") wants that unit.
        units = set(r.units)
        noun = r.noun  # "how many trusts took part": rows counting trusts
        if noun and any(f.unit == noun for f in self.look.others):
            units = {noun}
        rows = [f for f in self.look.others if not units or f.unit in units]
        scored = [(self._cue_score(f, r), f) for f in rows]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            return None
        # Rows named alike ("the award") are told apart by what they measure ("lowest-paid").
        scored.sort(key=lambda s: (-s[0], -self._measure_overlap(s[1], r)))
        if len(scored) > 1 and scored[0][0] == scored[1][0] and \
                scored[0][1].subject != scored[1][1].subject and \
                self._measure_overlap(scored[0][1], r) == self._measure_overlap(scored[1][1], r):
            return None  # two different things fit as well: don't guess
        return scored[0][1]

    def _premise(self, r: Reading, used: list[Figure]) -> str:
        """A correction when the question carries a figure the article doesn't give."""
        q = r.q
        if q.form == "yesno" and r.cues.has("FIGURE_AS_NAME"):
            # "Does the figure of more than 8,300 cover England?": that figure is another's.
            theirs = [g for g in self.look.counts if g not in used and g.value in q.numbers
                      and all(g.value != f.value for f in used)]
            if theirs:
                g = theirs[0]
                return f"No: {g.stated} is the figure for {g.subject} ({g.passage})."
        line = r.line if q.form == "yesno" and len(used) == 1 else None
        verdict = aggregates.line_verdict(used[0], line) if line is not None else None
        if verdict is not None:
            return verdict
        if q.form == "yesno" and not all(f.is_count for f in used):
            # "… the 35% demand would give every junior doctor a £20,000 rise": each figure
            # the claim gives that the article gives beside the one answered is checked too.
            used = used + [f for f in self.look.others if f not in used and f.value in q.numbers
                           and any(f.passage == u.passage for u in used)]
        stated = {f.value for f in used} | {
            self.look.main_row(f).value for f in used
            if r.cues.has("OF_STATED_FIGURE")}  # ("how many of the 808 were outpatients")
        counts = all(f.is_count for f in used)
        numbers = list(q.numbers) if counts else list(q.numbers) + list(r.number_words)
        years = r.years
        alien = [n for n in numbers if n not in stated and n not in years
                 and (n not in ORDINAL_NUMBERS or not counts)]
        if not alien:
            claim = self._claim_differs(r, used) if q.form == "yesno" else ""
            if claim:
                return claim
            if q.form == "yesno" and numbers and not counts and len(q.terms) <= 6:
                return "Yes."  # (a longer claim says more than its number: no verdict)
            return ""
        theirs = [g for g in self.look.others + self.look.counts if g not in used
                  and g.value in alien and g.unit == used[0].unit]
        if theirs and not counts:
            # "Is the RCN demanding 9.3%?": 9.3% is the award for the lowest-paid; "an average
            # rise of 9.3%": the average is 4.75%, 9.3% the lowest-paid's.
            g = theirs[0]
            whose = f"{used[0].subject}'s" if g.subject != used[0].subject else \
                f"the {used[0].measure}, which is {used[0].stated}"
            return f"No: {g.display} is the {g.measure} (“{g.span}”, {g.passage}), not {whose}."
        owner = self._owners(alien, used) if counts else []
        if owner:
            # "someone said wolves had 1,169": 1,169 is Sandwell's
            g = owner[0]
            note = f"that is {g.subject}'s figure ({g.passage})"  # (the wrong figure not repeated)
            return f"No: {note}." if q.form == "yesno" else \
                f"The article gives that figure for {g.subject} ({g.passage}), not " \
                f"{used[0].subject}."
        elsewhere = [v for v in self.look.variants if v not in used and v.value in alien and
                     any(v.subject == f.subject for f in used)] if counts else []
        if elsewhere:
            # "why did nuh rebook 743 inpatients?": 743 is NUH's outpatients; "sfh 1,221 in
            # march?": 1,221 is April's.
            g = elsewhere[0]
            note = (f"{g.display} is {g.subject}'s figure for {self._describe_dims(g.dims)} "
                    f"(“{g.span}”, {g.passage})")
            return f"No: {note}." if q.form == "yesno" else f"{note}, not for what you asked."
        qualifier = any(f.qualifier for f in used)
        if qualifier and all(n <= f.value for n in alien for f in used) and \
                r.cues.has("AT_LEAST"):
            return "Yes."
        if q.injected:
            return ("I answer only from the article, and it does not support the figure in "
                    "your message.")
        if q.form == "yesno":
            return "No: the article gives a different figure."
        return "The article doesn't give the figure in your question."

    def _owners(self, numbers: list[float], used: list[Figure]) -> list[Figure]:
        """The subjects whose figures a question gives for the one it names ("wolves had
        1,169": Sandwell's)."""
        if len(used) != 1:
            return []
        return [g for g in self.look.counts if g not in used and g.value in numbers and
                g.scope == used[0].scope]

    def _claim_differs(self, r: Reading, used: list[Figure]) -> str:
        """A yes/no claim whose number matches but whose words do not: 'every' where the
        article says 'some', 'received' where it says 'demanding'."""
        for f in used:
            said = f"{f.span} {f.measure}".lower()
            if r.cues.has("ALL_OF") and SOME.search(said):
                return f"No: the article says “{f.span}” ({f.passage}), not all."
            if HYPOTHETICAL.search(said) and not r.cues.has("HYPOTHETICAL") and \
                    r.modality == "received":
                return (f"No: the article says it would happen, not that it has: “{f.span}” — "
                        f"{f.measure} ({f.passage}).")
            asked = r.modality
            stated = modality(said)
            if asked and stated and asked != stated:
                said = {"demanded": "a demand", "offered": "an offer"}.get(stated, stated)
                return (f"No: the article gives it as {said}, not {asked}: “{f.span}” "
                        f"({f.passage}).")
        return ""

    def _figure_of_another(self, r: Reading) -> Answer | None:
        """'Is the 4,413 figure the total for the whole region?': that figure is another
        subject's, and the one asked about has its own."""
        if r.q.form != "yesno":
            return None
        theirs = [g for g in self.look.others if g.value in r.q.numbers and g.unit == "per cent"]
        parts = [f for f in r.subjects if f.scope == "part"]
        if len(theirs) == 1 and parts and not any(g.subject == f.subject for f in parts
                                                  for g in theirs):
            # "so 93% of nuh's ops still went ahead, ye?": 93% is England's, not NUH's.
            g = theirs[0]
            return self._figure_answer(r, "figure", (
                f"No: {g.display} is the figure for {g.subject}, not {parts[0].subject}: "
                f"{self._figure_sentence(g)} The article gives no such figure for "
                f"{parts[0].subject}."), [g])
        if not r.cues.has("FIGURE_AS_NAME"):
            return None
        owners = list({f.value: f for f in self.look.counts if f.value in r.q.numbers}.values())
        named = [f for f in r.subjects if f.value not in r.q.numbers]
        if len(owners) != 1 or not named or owners[0] in r.subjects:
            return None
        f, asked = owners[0], named[0]
        return self._figure_answer(r, "figure", (
            f"No: {f.display} is {f.subject}'s figure ({f.passage}); {asked.subject}: "
            f"{asked.stated} ({asked.passage})."), [f, asked])

    def _part_of_whole(self, r: Reading, conv: Conversation) -> Answer | None:
        """A row the article gives as a part of a whole ("44 of England's 219 trusts"):
        the rest ("how many did not?"), the whole ("out of?"), and claims about all of it."""
        q = r.q
        row = self._other_row(r)
        if row is None and len(q.terms) <= 3 and r.cues.has("OUT_OF_Q", "COUNT_NEGATED"):
            last = [g for ref in (conv.turns[-1].figures if conv.turns else ())
                    if (g := self.look.by_id.get(ref.id)) is not None]
            row = next((g for g in last if g.id in self.look.of_pairs), None)  # "out of?"
        if row is None or row.id not in self.look.of_pairs:
            return None
        whole = self.look.of_pairs[row.id]
        given = f"“{row.span}” ({row.passage})"
        if q.form == "yesno" and r.cues.has("ALL_OF"):
            # "Did staff at every trust in England take part?": a part of them did.
            return self._figure_answer(r, "figure", f"No: {row.display} of {whole.display}: "
                                                    f"{given}.", [row, whole])
        if r.cues.has("COUNT_NEGATED") and q.form in ("how many", "what", "other", "how much"):
            rest = whole.value - row.value
            wrong = [n for n in q.numbers if n not in (row.value, whole.value, rest)]
            note = f"The article says {row.display}, not {format_number(wrong[0])}. " \
                if wrong else ""
            return self._figure_answer(r, "aggregate", (
                f"{note}{format_number(rest)} of {whole.display} did not: {whole.display} − "
                f"{row.display} = {format_number(rest)}, {100 * rest / whole.value:.1f}% "
                f"({format_number(rest)} ÷ {whole.display}) ({given})."), [row, whole])
        if r.cues.has("OUT_OF_Q"):
            share = f"{100 * row.value / whole.value:.1f}% ({row.display} ÷ {whole.display})"
            return self._figure_answer(r, "figure", f"{row.display} of {whole.display}, "
                                                    f"{share}: {given}.", [row, whole],
                                       values=((row.measure, row.value),
                                               (whole.measure, whole.value)))
        return None

    def _figure_sentence(self, f: Figure) -> str:
        text = self.lex.figure_sentence(f)
        who = self._quoted_by(f) if f.scope == "other" else None
        if who is None or not text.endswith(f" ({f.passage})."):
            return text
        # "35 per cent: “demanding a 35 per cent pay increase”": whose words those are.
        return f"{text[:-len(f' ({f.passage}).')]}, in the words of {who.name} ({who.role}) " \
               f"({f.passage})."

    def _quoted_by(self, f: Figure) -> Person | None:
        """The one person whose quoted words hold the figure's span, if it is quoted."""
        passage = self.look.corpus.passage(f.passage)
        if passage is None:
            return None
        people = [p for pid in passage.speakers if (p := self.look.people.get(pid)) is not None
                  and p.is_person]
        at = passage.text.find(f.span)
        before = passage.text[:max(at, 0)]
        opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        return people[0] if at >= 0 and opened and len(people) == 1 else None

