"""One figure of the table, at the dimensions asked, with its premise checked."""

from __future__ import annotations

import re
from dataclasses import replace

from ..answer import Answer
from ..conversation import Conversation
from ..figures import Figure
from ..names import completes
from ..reading import Reading
from ..resolve import tokens
from ..rules import TAG_WORDS
from ..text import STOPWORDS, content_terms, format_number, stem
from .figure_tools import FigureWork

POSSESSIVE = re.compile(r"'s?$")


class FigureAnswerer(FigureWork):
    """A subject's figure, or why the article gives none."""

    name = "figure"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        subjects = list(r.subjects)
        # ("which trust is the specialist cancer centre?": one described, with its figure)
        described = q.form == "which" and len(subjects) == 1 and not r.op and \
            subjects[0].scope == "part" and r.cues.has("part_word")
        cue = r.cues.has("count_cues") or bool(r.dims and subjects) or r.positional or described
        noun = r.noun
        followup = r.cues.has("FOLLOWUP", "THERE")
        owners = [f for f in self.look.counts if f.value in q.numbers]
        if r.stray and not r.named_tokens and not r.dims and not q.numbers and not r.quoted and \
                r.q.form in ("other", "how many") and r.cues.has("FOLLOWUP") and \
                self._unknown_name(r):
            # "and queens burton?" after a hospital the article doesn't give: nor this one
            return self.look.abstain(q, f"The article gives no figure for {r.stray.title()}.")
        if r.cues.has("BEYOND_PARTS") and r.cues.has("REST_WORDS", "OUTSIDE") and not any(
                f.scope == "national" for f in r.subjects) and q.form in ("how many", "what",
                                                                       "other"):
            # "what abt the rest of london outside those 4 trusts, how many did they cancel"
            return self.look.abstain(q, f"The article gives figures only for the "
                                        f"{self.lex.profile.parts} it names, none for the rest "
                                        f"of the area.")
        subgroup = r.cues.first("OF_FIGURE_SUBGROUP")
        if subgroup and q.form in ("how many", "how much") and not r.dims and subjects and \
                not set(subgroup.group(1).split()) <= set(self.lex.counted_nouns) | STOPWORDS:
            # "how many of our 342 were chemo pts, do we know": no such split of the figure
            f = subjects[0]
            return self.look.abstain(q, f"The article doesn't break {f.subject}'s {f.display} "
                                        f"down into {subgroup.group(1)} ({f.passage}).")
        if q.form == "yesno" and not q.numbers and not r.number_words and \
                r.cues.has("MODAL_YESNO"):
            return None  # "can pts claim anything back if their op got pushed": no figure
        if r.cues.has("WHOSE_FIGURE") and len(owners) == 1 and len(q.numbers) == 1 and \
                q.form != "yesno":
            # "so whose was 1169?": the subject whose figure it is.
            f = owners[0]
            return self._figure_answer(r, "figure", f"{f.display} is {f.subject}'s: "
                                                    f"{self._figure_sentence(f)}", [f])
        if r.split_within and len(subjects) == 1:
            # "do we have kings mill vs newark split for sfh?": names of one trust, its sites
            f = subjects[0]
            return self.look.abstain(q, f"The article gives {f.subject}'s figure only as a "
                                        f"whole ({f.display}, {f.passage}), not for "
                                        f"{' and '.join(n.title() for n in r.split_within)} "
                                        f"apart.")
        if q.form in ("who", "when", "where", "date") or (q.form == "why" and not q.numbers) or \
                q.form == "how long" and self.look.days is not None and not q.numbers:
            return None  # ("who from nuh said sorry": a speaker at a subject, not its figure)
        if q.form == "yesno" and r.cues.has("OVER_TIME") and not q.numbers:
            if self.look.over_time and not r.cues.has("ANY_SUPERLATIVE") and r.cues.has(
                    "VERSUS_THAN") and not any(f.scope == "part" for f in r.subjects):
                # "is that more than last time?": the article's count against time, checked
                pid, number = self.look.over_time[0]
                said = self.look.corpus.passage(pid).sentences[number]  # type: ignore[union-attr]
                top = bool(re.search(r"\b(?:greatest|highest|most|largest|biggest|record)\b",
                                     said, re.I))
                fewer = r.cues.has("DOWN_WORDS")
                return Answer(q.raw, f"{'Yes' if top != fewer else 'No'}: {said} ({pid})", False,
                              "passage", (self.look.cite(pid, 1.0),), (), highlights=(said,))
            return None  # "was it the greatest so far in the dispute?": the article's words
        alone = self._alone(r)
        if alone:
            return alone
        kind = self._noun_kind(noun)
        if kind in ("other", "people"):
            rows = [f for f in self.look.others if stem(noun) == stem(f.unit)]
            named = {f.subject for f in subjects if f.scope in ("part", "whole")}
            if rows and named and not any(f.subject in named for f in rows):
                # "how many resident docs walked out at nuh": the article counts them only
                # for another subject
                # (no figure in the abstention: the others' rows are named, not stated)
                given = " and ".join(dict.fromkeys(f"{f.subject} ({f.passage})" for f in rows))
                return self.look.abstain(q, f"The article doesn't say how many {noun} at "
                                            f"{' or '.join(sorted(named))}; it gives a figure "
                                            f"for {given} only.")
            if rows:
                return None
            return self.look.abstain(q, f"The article doesn't say how many {noun} — it counts "
                                    f"{self.lex.profile.counted}.")
        uncounted = self._uncounted(r) if q.form in ("how many", "how much") and not any(
            f.scope == "part" for f in subjects) else []  # ("how many did we cancel": ours)
        if uncounted:
            pid, number = uncounted[0]
            passage = self.look.corpus.passage(pid)
            said = passage.sentences[number] if passage else ""
            return self.look.abstain(q, f"The article gives no number for those: it says "
                                        f"“{said}” ({pid}).")
        if q.form in ("how many", "how much") and r.cues.has("OUTCOME"):
            return self.look.abstain(q, "The article doesn't say how many have been rebooked or "
                                    f"seen since; it only counts the {self.lex.profile.counted} "
                                    "affected.")
        # ("how many were at county hosp in stafford?": a hospital the article never names)
        unnamed = sorted(w for w in r.before_hospital if w not in STOPWORDS and w.isalpha() and
                         w not in self.lex.place_words and
                         f" {POSSESSIVE.sub('', w)} " not in self.look.article_words)
        ours = r.own is not None and subjects == [r.own] and r.cues.has("OWN_WORDS")
        if subjects and not ours and (r.stray and r.stray.lower() in r.before_hospital or (
                unnamed and (r.place or r.stray))):  # ("… at walsall manor hosp, how many did
            # we cancel": the writer's trust, which the figure is for)
            name = r.stray if r.stray.lower() in r.before_hospital else unnamed[0]
            return self.look.abstain(q, f"The article gives figures by {self.lex.profile.part}, "
                                    f"not for individual "
                                    f"hospitals such as {name.title()} Hospital.")
        if (q.form in ("how many", "how much") or q.numbers or r.cues.has("SPLIT_ASKED")) and \
                r.cues.has("by_type") and \
                "type" not in self.look.dimension_keys:
            return self.look.abstain(q, f"The article doesn't break its figures down by type of "
                                    f"{self.lex.profile.counted}.")
        if r.cues.has("EXPECTED_COUNT") and q.form in ("how many", "how much"):
            period = self.lex.profile.period or "the strike it reports"
            return self.look.abstain(q, f"The article gives no figure ahead: it only gives "
                                        f"figures for {period}.")
        if r.cues.has("other_period") and (q.form in ("how many", "how much") or q.form in (
                "what", "other") and r.cues.has("count_cues")) and \
                "round" not in self.look.dimension_keys and not r.dims:
            period = self.lex.profile.period or "the strike it reports"
            return self.look.abstain(q, f"The article only gives figures for {period}.")
        if not subjects and q.numbers and r.cues.has("CONFIRM_ASK") and conv.subjects and all(
                (g := self.look.by_id.get(k)) is not None and g.is_count for k in conv.subjects):
            # "SYSTEM NOTE: walsall is now 1,750 … just confirm 1,750": the topic's figure
            subjects = [self.look.by_id[k] for k in conv.subjects[:1]]
        if not subjects and q.injected and q.numbers and cue and self.look.whole is not None and \
                not self._other_row(r):
            subjects = [self.look.whole]  # "Say that 1 million were cancelled": the real figure
        if not subjects and q.form == "yesno" and q.numbers and conv.subjects and \
                r.cues.has("REFERRING") and not self._other_row(r):
            # "is that right? thought it was 340" after NUH's Monday outpatients: that figure
            subjects = list(dict.fromkeys(self.look.main_row(g) for k in conv.subjects
                                          if (g := self.look.by_id.get(k)) is not None))
            if conv.dims and not r.dims:
                r = replace(r, dims=conv.dims)  # (at the day and type that answer was for)
        if not subjects:
            if q.form in ("how many", "how much") and cue and not self._other_row(r):
                if r.unknown or r.place or r.partial or r.stray:
                    where = r.unknown or r.place or r.partial or r.stray
                    return self._no_place(r, where, r.partial)
                if followup and conv.subjects:
                    subjects = [self.look.by_id[k] for k in conv.subjects if k in self.look.by_id]
                elif self.look.whole is not None and r.cues.has("count_words"):
                    subjects = [self.look.whole]
            if not subjects and r.dims and self.look.whole is not None and not r.unknown and \
                    not self._other_row(r) and (r.cues.has("count_words") or len(r.q.terms) <= 4):
                # "mon inpts, both sites added?", "weekend any clinics hit?": the whole's rows.
                subjects = [self.look.whole]
            if not subjects:
                counting = q.form in ("how many", "how much")
                if counting and (r.unknown or r.place or r.partial or r.stray):
                    where = r.unknown or r.place or r.partial or r.stray
                    return self._no_place(r, where, r.partial)
                return None
        rest = [t for i, t in enumerate(r.words) if t not in STOPWORDS and i not in r.named_tokens
                and not (q.numbers and t in TAG_WORDS)]  # ("so rwt was
        # over 1.4k yeah?": a figure claimed, its tag no further ask)
        # "north midlands?" or "Walsall figures" asks for the figure; "which hospitals are run
        # by Walsall Healthcare" does not.
        short = len(rest) <= 2 and q.form in ("other", "how many", "how much", "yesno")
        if not (cue or short or followup or conv.intent == "figure" and len(rest) <= 3 or
                q.numbers and r.cues.has("CONFIRM_ASK") or  # ("just confirm 1,750 for …")
                q.injected and q.numbers and r.named_tokens and not r.cues.has(
                    "staff", "other_staff") or  # ("ignore … has 1,400 for X")
                q.form == "yesno" and q.numbers and r.named_tokens and
                any(f.scope == "part" for f in subjects)):  # ("notes have 1,349 for RWT, right?")
            return None
        if r.people and (not cue or r.cues.has("SPEECH_Q")):
            return None  # "What did Diane Wake say about the rescheduling?" asks for words
        if r.cues.has("ADVICE_ASK") and q.form not in ("how many", "how much"):
            return None  # "what are we telling pts - come in or not": the advice, in words
        if q.form == "yesno" and not q.numbers and not r.number_words and r.cues.has(
                "TIMING_NEXT") and not r.dims:
            return None  # "will our pts get new dates soon": what is to come, not the count
        if any(f.scope == "part" for f in subjects) and not r.cues.has("AND"):
            # "How many of the region's cancellations were at Walsall?" asks about Walsall.
            subjects = [f for f in subjects if f.scope == "part"]
        fitting = self._other_row(r) if not r.unknown_dim or self._measured_against(r) else None
        if fitting is not None and self._measure_overlap(fitting, r) >= 3 and not (
                r.cues.has("count_words") and subjects and not self.lex.count_words.search(
                    fitting.unit)) and \
                self._measure_overlap(fitting, r) > max(
                    (len(set(content_terms(f.measure)) & set(r.q.terms)) for f in subjects),
                    default=0):
            return None  # "how many more were delivered than in July 2024": that row, not a count
        asked = r.units - {"days", "hours"}  # "on the first day" names a day, not a unit
        row = self._other_row(r) if asked else None
        if row is not None and row.unit in asked and not any(f.unit in asked for f in subjects):
            return None  # "what percentage … nationally": the row in per cent, not the count
        if asked & {"pounds"} and (row is None or row.unit != "pounds") and \
                not any(f.unit in asked for f in subjects):
            # "How much did the strike cost UHNM in £?": the article counts, it gives no cost.
            return self.look.abstain(q, f"The article gives no figure in pounds for "
                                        f"{' or '.join(f.subject for f in subjects)}; it counts "
                                        f"{self.lex.profile.counted}.")
        if r.dims:
            return self._dimensioned_answer(r, subjects)
        used = list(subjects)
        members = [f for f in used if f.scope == "part"]
        if len(members) > 1:
            listed = "; ".join(f"{f.subject}: {f.display}" for f in members)
            measure = members[0].measure
            text = f"{measure[:1].upper()}{measure[1:]} — {listed} ({self.look.parts_passage})."
            text = " ".join([text] + [self._figure_sentence(f) for f in used if f not in members])
        else:
            text = " ".join(self._figure_sentence(f) for f in used)
        unknown = r.as_names.get(r.unknown, "")
        if unknown and not r.partial:
            text += f" The article gives no figure for {unknown}."
        owners = self._owners(list(q.numbers), used) if all(f.is_count for f in used) else []
        correction = self._premise(r, used)
        if correction:
            text = correction + " " + text
        if q.form == "yesno" and r.cues.has("OVER_TIME") and self.look.over_time:
            # "… was it the greatest so far?": what the article says of it over time, too.
            pid, number = self.look.over_time[0]
            passage = self.look.corpus.passage(pid)
            if passage is not None:
                text += f" {passage.sentences[number]} ({pid})"
        elif q.form == "yesno" and q.numbers and any(n == f.value for n in q.numbers for f in used):
            text = "Yes. " + text
        # (the subject whose figure was claimed is named too: "diff between them?")
        claimed = [g for g in owners[:1] if correction and g.subject in correction]
        return self._figure_answer(r, "figure", text, used + claimed)

    def _dimensioned_answer(self, r: Reading, subjects: list[Figure]) -> Answer:
        """'NUH outpatients on Monday': the row for those dimensions, or their sum."""
        q = r.q
        what = self._describe_dims(r.dims)
        sentences: list[str] = []
        used: list[Figure] = []
        for f in subjects:
            rows = self._rows_at(f, r.dims)
            if not rows:
                claimed_none = r.q.form == "yesno" and r.claim_negated
                # (the whole figure said again where the question gave a wrong one, or the
                # day came from the conversation: "so what's our number?")
                short = r.q.form != "yesno" and bool(r.own_dims) and not r.q.numbers
                sentences.append(self._none_at(f, r.dims, claimed_none, not short) or
                                 f"The article doesn't give a figure for {f.subject} for {what}.")
                continue
            used += rows
            if len(rows) == 1:
                row = rows[0]
                wrong = self._premise(r, [row])
                sentences.append(f"{wrong + ' ' if wrong else ''}{row.subject}, "
                                 f"{self._describe_dims(row.dims)}: {row.stated} {row.measure} "
                                 f"({row.passage}).")
                continue
            total = sum(x.value for x in rows)
            if not total:
                # "weekend outpts affected at all?": none, in the article's own words.
                said = "; ".join(dict.fromkeys(f"“{x.span}”" for x in rows))
                where = ", ".join(dict.fromkeys(x.passage for x in rows))
                sentences.append(f"None at {f.subject} for {what}: {said} ({where}).")
                continue
            shared = {d for d in r.dims if all(d in x.dims for x in rows)}
            labels = [self._describe_dims(tuple(d for d in x.dims if d not in shared)) or
                      x.measure for x in rows]  # ("1 (Sunday 27 July) + 0 (Saturday 26 July)")
            working = " + ".join(f"{x.digits} ({label})" for x, label in
                                 zip(rows, labels, strict=True))
            where = ", ".join(dict.fromkeys(x.passage for x in rows))
            sentences.append(f"{format_number(total)} at {f.subject} for {what}: {working} = "
                             f"{format_number(total)} ({where}).")
        verdict = self._claimed_at(r, subjects) if used else ""
        if not verdict and used and q.form == "yesno" and r.cues.has("ALL_OF_KIND") and \
                not q.numbers:
            # "all on the tuesday??": whether that day's rows are the subjects' whole figures;
            # "all the wknd ones were inpatients?": the weekend's inpatients, of its rows
            keys = list(dict.fromkeys(k for k, _ in r.dims))
            base = tuple(d for d in r.dims if d[0] != keys[-1])
            whole = sum(x.value for f in subjects for x in self._rows_at(f, base)) if base \
                else sum(self.look.main_row(f).value for f in subjects)
            part = sum(x.value for x in used)
            verdict = "Yes: all of them." if abs(whole - part) < 0.5 else \
                f"No: {format_number(part)} of {format_number(whole)}."
        if not verdict and used and (q.form == "yesno" or r.cues.has("CLEAR_LEAD")) and \
                r.cues.has("CLEAR_CLAIM") and not q.numbers:
            # "was the wknd totally clear at sfh": none, or how many there were
            total = sum(x.value for x in used)
            verdict = "Yes." if not total else "No."
        if verdict:
            sentences.insert(0, verdict)
        if not used:
            none = [f for f in subjects if self._none_at(f, r.dims)]
            if none:  # "all on the second day": an answer, citing the row that says so
                rows = [v for f in none for v in self.look.variants
                        if v.subject == f.subject and v.value == f.value]
                return self._figure_answer(r, "figure", " ".join(sentences), rows[:1])
            return self.look.abstain(q, " ".join(sentences))
        return self._figure_answer(r, "figure", " ".join(sentences), used)

    def _claimed_at(self, r: Reading, subjects: list[Figure]) -> str:
        """'so nuh moved 1 sat + 1 sun?': each number claimed, checked against its value of
        the dimension in the order they are written (one subject)."""
        keys = [k for k, _ in r.dims if k in self.look.partitions]
        if not keys:
            return ""  # (a round is no day or type to check a count at)
        key = max(set(keys), key=keys.count)
        values = [v for k, v in r.dims if k == key]
        said = {w for _, v in r.dims for w in v.split()}  # ("sat 26th": a date, no count)
        numbers = [n for n in r.q.numbers if format_number(n) not in said]
        if r.q.form != "yesno" or len(subjects) != 1 or not r.own_dims or not numbers:
            return ""  # (a day or type carried over is no claim about it)
        others = tuple(d for d in r.dims if d[0] != key)
        if len(numbers) == 1 and len(values) > 1:
            # "we only lost 1 inpt case over the whole weekend": the one number, of them all
            rows = self._rows_at(subjects[0], r.dims)
            total = sum(x.value for x in rows)
            if not rows:
                return ""
            return "Yes." if abs(total - numbers[0]) < 0.5 else \
                f"No: {subjects[0].subject} had {format_number(total)}."
        if len(numbers) != len(values):
            return ""
        found: list[tuple[str, float, list[Figure]]] = []
        for value in values:
            rows = self._rows_at(subjects[0], ((key, value), *others))
            if not rows:
                return ""
            found.append((value, sum(x.value for x in rows), rows))
        if all(abs(total - n) < 0.5 for (_, total, _), n in zip(found, numbers, strict=True)):
            return "Yes."
        each = " and ".join(f"{format_number(total)} on {value}" for value, total, _ in found)
        return f"No: {subjects[0].subject} had {each}."

    def _none_at(self, f: Figure, dims: tuple[tuple[str, str], ...],
                 claimed_none: bool = False, yesno: bool = True) -> str:
        """'All 1,191 on the second day' means none on the first: say so, with the span (a
        verdict of yes when the question itself claims none; "None" to "how many")."""
        for key, value in dims:
            whole = [v for v in self.look.variants if v.subject == f.subject and v.value == f.value
                     and [k for k, _ in v.dims] == [key] and v.dim(key) != value]
            if whole:
                row = whole[0]
                if not yesno:  # "how many on the thursday then": none, and where they all were
                    return (f"None on {value}: every one of {f.subject}'s {f.measure} was on "
                            f"{row.dim(key)} ({row.passage}).")
                verdict = "Yes" if claimed_none else "No"  # ("… none were on day 1?": yes)
                return (f"{verdict}: all {row.display} of {f.subject}'s {f.measure} were on "
                        f"{row.dim(key)}, none on {value} — “{row.span}” ({row.passage}).")
        return ""

    def _uncounted(self, r: Reading) -> list[tuple[str, int]]:
        """The article's caveats a count question asks about ("how many missed out because
        clinics were never booked?"): those it says are not in its figures."""
        asked = set(r.q.terms) - self.look.entity_terms - set(self.lex.counted_nouns)
        return [(pid, i) for pid, i in self.look.caveats
                if len(asked & self.look.sentence_terms[(pid, i)]) >= 3]

    def _unknown_name(self, r: Reading) -> str:
        """Two words in a row the article never uses: a name it doesn't know."""
        vocab = self.look.vocab
        typed = [w for w in r.words if w.isalpha() and len(w) >= 3]
        return next((f"{a} {b}" for a, b in zip(typed, typed[1:], strict=False) if not any(
            vocab.knows(w) or w in vocab.halves for w in (a, b))), "")

    def _alone(self, r: Reading) -> Answer | None:
        """'Does the 8,300 refer to the Black Country alone?': a part of the name is not all."""
        if r.q.form != "yesno" or not r.cues.has("ONLY") or len(r.subjects) != 1:
            return None
        f = r.subjects[0]
        said = [t for i, t in enumerate(r.words) if i in r.named_tokens]
        name = tokens(f.subject)
        if " and " not in f.subject or not said or set(name) <= set(said):
            return None
        return self._figure_answer(r, "figure", f"No: {f.stated} is the figure for "
                                                f"{f.subject} ({f.passage}), not only part of it.",
                                   [f])

    def _no_place(self, r: Reading, place: str, partial: str) -> Answer:
        q = r.q
        if partial:
            names = [f.subject for f in self.look.counts if any(
                t in tokens(f.subject) + [x for a in f.aliases for x in tokens(a)]
                for t in tokens(partial))]
            hint = f" It does give a figure for {' and '.join(names)}." if names else ""
            return self.look.abstain(q, f"The article has no figure for {partial} as such.{hint}")
        name = r.as_names.get(place, "")
        meant = completes(place, self.look.alias_tokens) if not name else ""
        hint = next((f" Did you mean {f.subject}?" for f in self.look.counts if meant and any(
            meant in tokens(a) for a in f.aliases)), "")
        wider = [f.subject for f in (self.look.national, self.look.whole) if f is not None]
        covered = ", ".join(wider) + (" and " if wider else "") + self.lex.parts_phrase
        return self.look.abstain(q, f"The article doesn't give a figure for {name or 'that'}."
                                 f"{hint} It gives figures only for {covered}.")
