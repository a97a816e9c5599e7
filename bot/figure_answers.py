"""Answers from the figures table: look-ups, computations with their working, corrections."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from . import aggregates, groups
from .aggregates import cited_passages
from .answer import Answer, Citation
from .conversation import Conversation
from .figures import Figure
from .names import as_name, completes
from .numbers import bound
from .passage_answers import SPEECH_Q
from .question import Question
from .reading import FOLLOWUP, Reader, Reading
from .resolve import tokens
from .text import NUMBER_WORDS, STOPWORDS, content_terms, format_number, stem

FUNCTION_WORDS = frozenset("""were was had did got have has in at across for of more fewer less
times do does is are a an were went go goes gone""".split())
OUTCOME = re.compile(r"\b(?:already|since|so far|yet|still|now)\b.*\b(?:rebook\w*|rearrang\w*|"
                     r"reschedul\w*|seen|treated|done)\b|\bhave (?:now |already )?been "
                     r"(?:rebook\w*|rearrang\w*|seen|treated)\b")
HYPOTHETICAL = re.compile(r"\b(?:would|could|might|if|under the demand)\b")
COMPARATIVE = re.compile(r"\b(?:more|fewer|less|lower|higher|bigger|smaller|larger|greater)\b"
                         r".*\bthan\b")
POINTS = re.compile(r"\bpercentage points?\b|\bpoints? (?:apart|between|separate)\b")
ALL_OF = re.compile(r"\b(?:all|every|each|everyone|everybody|whole)\b")
SOME = re.compile(r"\b(?:some|many|a number of|several|a few|hundreds of|thousands of)\b")
DENOMINATOR = re.compile(r"\b(?:scheduled|planned|booked|due|usual|normal|expected|capacity|"
                         r"total number of|all (?:the |of the )?\w+ (?:that|which)\b)")
# What a figure is: asked for and not given, or given. Named data, one list each.
MODALITY = (("demanded", r"\b(?:demand\w*|seek\w*|asking for|ask(?:ed|s)? for|call\w* for|"
                         r"claim\w*|want\w*|push\w* for)\b"),
            ("received", r"\b(?:receiv\w*|got|get|gets|given|award\w*|paid|won|granted|"
                         r"secured|agreed)\b"),
            ("offered", r"\boffer\w*\b"))
UNIT_CUES = {"per cent": (r"\bper ?cent\b", r"\bpercentage\b", r"%"),
             "pounds": (r"£", r"\bpounds?\b", r"\bmoney\b", r"\bcash\b"),
             "days": (r"\bdays?\b", r"\bhow long\b", r"\bweeks?\b"),
             "hours": (r"\bhours?\b",),
             "years": (r"\bhow many years\b", r"\bhow old\b", r"\d+-year\b", r"\byears? old\b")}
ORDINAL_NUMBERS = frozenset({1.0, 2.0, 3.0, 4.0, 5.0})
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
                "a week": 7, "a fortnight": 14, "two weeks": 14}


REST_TOGETHER = re.compile(r"\b(?:than|as) (?:all )?(?:the )?(?:other|rest|remaining)\b.*"
                           r"\b(?:together|combined|put together|added|in total)\b|\b(?:other|"
                           r"remaining) (?:\w+ )?(?:put together|combined)\b", re.I)
OWN_TOTAL = re.compile(r"\b(?:of|in) (?:the )?([\w ]+?)'s (?:total |all |overall |usual |normal "
                       r"|own )?(\w+)")
OWN_NOUNS = frozenset("activity workload patients bookings operations".split())
UNIT_PATTERNS = {"days": r"\b(\d+|one|two|three|five|six|seven|eight|nine|ten)[ -]days?\b|"
                         r"\b(?:a|one|full|whole) (?:full |whole )?(week)\b",
                 "per cent": r"\b(\d+(?:\.\d+)?)\s?(?:per ?cent|%)",
                 "pounds": r"£\s?(\d[\d,]*)"}
VERSUS = re.compile(r"\b(?:more|fewer|less|bigger|smaller|larger)\b.*\bthan\b|\bversus\b|\bvs\b|"
                    r"\bcompared (?:to|with)\b|\bon (?:its|their) own\b|\bwhich is (?:larger|"
                    r"bigger|more|greater|smaller)\b")
PER_DAY = re.compile(r"\b(?:per|a|each|every) (?:strike )?day\b|\bdaily\b", re.I)
OUTSIDE = re.compile(r"\b(?:rest of|outside|elsewhere|excluding|other than|apart from|not in)\b",
                     re.I)
EXCLUDING = re.compile(r"\b(?:other than|except(?: for)?|excluding|apart from|besides|without|"
                       r"leaving out|leave out|leaving aside|set aside|not counting|ignoring|"
                       r"ignore)\s+(.+)$", re.I)


class FigureAnswers(Reader):
    def _aggregate(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        op = r.op
        superlative = re.search(rf"\b(?:{aggregates.MOST_ONLY}|{aggregates.FEWEST_ONLY}|busiest|"
                                rf"quietest|peak)\b", q.low)
        over = self._over_dimension(r) if op in ("extreme", "rank") or superlative else None
        if over is not None:
            return over
        if r.unknown_dim and (op or self.lex.count_cues.search(q.low) or (
                r.subjects and q.form in ("other", "how many", "how much"))):  # "nuh wed 30th?"
            return self._abstain(q, f"The article gives no figures for {r.unknown_dim}.")
        named_row = self._other_row(q) if op == "extreme" and superlative else None
        if named_row is not None and superlative is not None and any(
                superlative.group() in hit.split() for hit in self._cue_hits(named_row, q)):
            return None  # "the lowest paid get what": a row's name, not a superlative
        wholes = [f for f in r.subjects if f.scope in ("whole", "national")]
        ones = [f for f in r.subjects if f.scope == "part"]
        if q.form == "yesno" and ALL_OF.search(q.low) and wholes and len(ones) == 1:
            # "Were all of the 8,300 at UHNM?": a part is not the whole.
            one, whole = ones[0], wholes[0]
            return self._figure_answer(q, "aggregate", (
                f"No: {one.subject} had {one.display} of the {whole.stated} across "
                f"{whole.subject} ({cited_passages(one, whole)})."), [one, whole])
        if op is None:
            return None
        if op == "share" and r.dims and len(ones) == 1:
            # "What proportion of NUH's rebookings were inpatients?": a part of its own total.
            rows = self._rows_at(ones[0], r.dims)
            if len(rows) == 1:
                within = aggregates.share(rows[0], ones[0], self.lex)
                return self._figure_answer(q, "aggregate", within.text, list(within.used))
        stated = self._other_row(q) if op == "share" else None
        if op == "share" and DENOMINATOR.search(q.low) and (
                stated is None or stated.unit != "per cent"):
            return self._abstain(q, f"The article doesn't say how many {self.lex.profile.counted}"
                                    " were scheduled, only how many were affected, so it gives "
                                    "no such percentage.")
        noun = self._counted_noun(q.low)
        if POINTS.search(q.low):
            noun = ""  # "how many percentage points": a difference of two percentages
        if not self.lex.part_word.fullmatch(noun) and self._noun_kind(noun) in ("people",
                                                                                "other"):
            return None  # "how many patients … in total": not a count the article gives
        named = [f for f in r.subjects if f.scope == "part"]
        if not named and (re.search(r"\b(?:one|them|those|the two|these|that|it|both|"
                                    r"they)\b", q.low) or len(q.terms) <= 2):
            named = [self.by_id[k] for k in conv.subjects
                     if k in self.by_id and self.by_id[k].scope == "part"]
        own = OWN_TOTAL.search(q.low)
        if op == "share" and own and (own.group(2) in OWN_NOUNS or own.group(2) in
                                      self.lex.counted_nouns) and any(
                m for m in self.subject_matcher.find(own.group(1))
                if self.by_id[m.key].scope == "part"):
            p = self.lex.profile
            return self._abstain(q, f"The article doesn't give the {p.parts}' total numbers of "
                                    f"{p.counted}, only the figures it reports.")
        excluded = self._excluded(r)
        pool = [f for f in self.parts if f not in excluded] if excluded else (
            named if len(named) >= 2 else self.parts)
        sums: dict[str, list[Figure]] = {}
        if r.dims:
            keys = [k for k, _ in r.dims]
            dims_asked = r.dims
            several = next((k for k in keys if keys.count(k) > 1), None)
            claim = q.form == "yesno" and bool(COMPARATIVE.search(q.low))
            compares = op in ("difference", "ratio", "change") or claim
            if compares and len(r.subjects) == 1 and [
                    k for k in keys if k not in self.partitions] == keys and len(keys) == 1:
                # "NUH this time against the April 2023 round": the main row and that round.
                one = r.subjects[0]
                then = self._at_dims([one], r.dims, sums)
                r = replace(r, subjects=[one, *then], dims=())
                named = list(r.subjects)
                if claim and len(named) == 2:
                    # "So SFH's July total was lower than in March 2023, right?"
                    verdict = aggregates.compare(named[0], named[1], q.low)
                    return self._figure_answer(q, "aggregate", verdict.text, list(verdict.used))
            elif several and len(r.subjects) == 1 and op in ("difference", "ratio", "change"):
                # "SFH between the March and April rounds": one figure per value, compared.
                one = r.subjects[0]
                rest = tuple(d for d in r.dims if d[0] != several)
                split = [self._at_dims([one], rest + (d,), sums) for d in r.dims
                         if d[0] == several]
                r = replace(r, subjects=[f for group in split for f in group], dims=())
                named = list(r.subjects)
                if len(named) < 2:
                    return self._abstain(q, f"The article doesn't give {one.subject}'s figures "
                                            f"for {self._describe_dims(tuple(dims_asked))}.")
            else:
                pool = self._at_dims(pool, r.dims, sums)
                named = self._at_dims(named, r.dims, sums)
                r = replace(r, subjects=self._at_dims(list(r.subjects), r.dims, sums))
            if not pool:
                return self._abstain(q, f"The article gives no figures for "
                                        f"{self._describe_dims(r.dims)}.")
        result = self._compute(op, r, conv, named, pool)
        if result is None:
            return None
        used = [row for f in result.used for row in sums.get(f.id, [f])]
        text = result.text
        working = [f"{f.subject}: {' + '.join(x.display for x in sums[f.id])} = {f.display}"
                   for f in result.used if f.id in sums]
        if working:
            text += f" ({'; '.join(working)}.)"
        focus = tuple(row for f in result.focus for row in sums.get(f.id, [f]))
        return self._figure_answer(q, "aggregate", text, used, focus)

    def _over_dimension(self, r: Reading) -> Answer | None:
        """'Which day saw the most, both trusts combined?': each value of a dimension summed
        over the subjects, then the most (or fewest)."""
        q = r.q
        key = next((k for k in self.dimension_keys if re.search(
            rf"\b(?:which|what|worst|best|busiest|quietest|heaviest|biggest|peak)\s+(?:\w+\s+)?"
            rf"{re.escape(k)}s?\b|\b{re.escape(k)}s? (?:saw|had|was|with)\b", q.low)), None)
        if key is None:
            return None
        subjects = [f for f in r.subjects if f.scope == "part"] or self.parts
        totals: list[tuple[float, str, list[Figure]]] = []
        for value in self.lex.profile.dimensions.get(key, {}):
            rows = [row for f in subjects for row in self._rows_at(f, ((key, value), *[
                d for d in r.dims if d[0] != key]))]
            if rows:
                totals.append((sum(x.value for x in rows), value, rows))
        if not totals:
            return None
        way = aggregates.direction(q.low)
        top, name, found = (max if way == "most" else min)(totals, key=lambda t: t[0])
        word = "most" if way == "most" else "fewest"
        who = " and ".join(dict.fromkeys(f.subject for f in subjects))
        working = " + ".join(x.display for x in found)
        text = (f"{name} had the {word}: {format_number(top)} at {who} ({working} = "
                f"{format_number(top)}) ({cited_passages(*found)}).")
        return self._figure_answer(q, "aggregate", text, found)

    def _rows_at(self, f: Figure, dims: tuple[tuple[str, str], ...]) -> list[Figure]:
        """The subject's rows for the asked days, types or rounds: the exact rows if the
        article gives them, else the finer rows that add up to them."""
        want: dict[str, set[str]] = {}
        for key, value in dims:
            want.setdefault(key, set()).add(value)
        rows = [v for v in self.variants if v.subject == f.subject and v.scope == f.scope
                and all(v.dim(k) in values for k, values in want.items())]
        exact = [v for v in rows if {k for k, _ in v.dims} == set(want)]
        if not rows and f.scope == "whole":
            # The whole is its parts: at a given day or type, their rows add up to it.
            return [row for part in self.parts for row in self._rows_at(part, dims)]
        return exact or rows

    def _at_dims(self, figures: list[Figure], dims: tuple[tuple[str, str], ...],
                 sums: dict[str, list[Figure]]) -> list[Figure]:
        """Each figure at the asked dimensions: a row, or a sum of rows (recorded in sums)."""
        out: list[Figure] = []
        for f in figures:
            if f.scope == "whole" and not any(v.subject == f.subject for v in self.variants):
                out += self._at_dims(self.parts, dims, sums)  # the whole is its parts
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

    def _derived(self, f: Figure, dims: tuple[tuple[str, str], ...]
                 ) -> tuple[str, list[Figure]] | None:
        """'England on the second day': not given, but the total less the first day is."""
        if len(dims) != 1 or dims[0][0] not in self.lex.profile.dimensions:
            return None
        key, value = dims[0]
        values = set(self.lex.profile.dimensions[key]) - {value}
        others = [v for v in self.variants if v.subject == f.subject and v.scope == f.scope
                  and [k for k, _ in v.dims] == [key] and v.dim(key) in values]
        if not values or {v.dim(key) for v in others} != values or f.qualifier or any(
                v.qualifier for v in others):
            return None
        rest = f.value - sum(v.value for v in others)
        if rest < 0:
            return None
        minus = " − ".join([f.display, *(v.display for v in others)])
        named = ", ".join(f"{v.display} on {v.dim(key)}" for v in others)
        return (f"{format_number(rest)} at {f.subject} for {value}: the article gives the total, "
                f"{f.display}, and {named}, so {minus} = {format_number(rest)} "
                f"({cited_passages(f, *others)}).", [f, *others])

    def _none_at(self, f: Figure, dims: tuple[tuple[str, str], ...]) -> str:
        """'All 1,191 on the second day' means none on the first: say so, with the span."""
        for key, value in dims:
            whole = [v for v in self.variants if v.subject == f.subject and v.value == f.value
                     and [k for k, _ in v.dims] == [key] and v.dim(key) != value]
            if whole:
                row = whole[0]
                return (f"No: all {row.display} of {f.subject}'s {f.measure} were on "
                        f"{row.dim(key)}, none on {value} — “{row.span}” ({row.passage}).")
        return ""

    def _describe_dims(self, dims: tuple[tuple[str, str], ...]) -> str:
        parts = []
        for key, value in dims:
            parts.append(value if key != "type" else f"{value} {self.lex.profile.counted}")
        return ", ".join(parts)

    def _dimensioned_answer(self, r: Reading, subjects: list[Figure]) -> Answer:
        """'NUH outpatients on Monday': the row for those dimensions, or their sum."""
        q = r.q
        what = self._describe_dims(r.dims)
        sentences: list[str] = []
        used: list[Figure] = []
        for f in subjects:
            rows = self._rows_at(f, r.dims)
            derived = self._derived(f, r.dims) if not rows and not self._none_at(f, r.dims) \
                else None
            if derived is not None:
                text, parts = derived
                sentences.append(text)
                used += parts
                continue
            if not rows:
                sentences.append(self._none_at(f, r.dims) or
                                 f"The article doesn't give a figure for {f.subject} for {what}.")
                continue
            used += rows
            if len(rows) == 1:
                row = rows[0]
                wrong = self._premise(q, [row])
                sentences.append(f"{wrong + ' ' if wrong else ''}{row.subject}, "
                                 f"{self._describe_dims(row.dims)}: {row.stated} {row.measure} "
                                 f"({row.passage}).")
                continue
            total = sum(x.value for x in rows)
            labels = [self._describe_dims(tuple(d for d in x.dims if d not in r.dims)) or
                      x.measure for x in rows]
            working = " + ".join(f"{x.display} ({label})" for x, label in
                                 zip(rows, labels, strict=True))
            where = ", ".join(dict.fromkeys(x.passage for x in rows))
            sentences.append(f"{format_number(total)} at {f.subject} for {what}: {working} = "
                             f"{format_number(total)} ({where}).")
        if not used:
            none = [f for f in subjects if self._none_at(f, r.dims)]
            if none:  # "all on the second day": an answer, citing the row that says so
                rows = [v for f in none for v in self.variants
                        if v.subject == f.subject and v.value == f.value]
                return self._figure_answer(q, "figure", " ".join(sentences), rows[:1])
            return self._abstain(q, " ".join(sentences))
        return self._figure_answer(q, "figure", " ".join(sentences), used)

    def _compute(self, op: str, r: Reading, conv: Conversation, named: list[Figure],
                 pool: list[Figure]) -> aggregates.Result | None:
        q = r.q
        if q.form == "yesno" and len(r.subjects) == 1 and bound(q.low) is not None:
            return None  # "Did Sandwell cancel more than 1,168.9?": the figure against a line
        explicit = [f for f in r.subjects if f.scope == "part"]
        if REST_TOGETHER.search(q.low) and len(explicit) == 1:
            one = explicit[0]
            return aggregates.versus_rest(one, [f for f in self.parts if f is not one],
                                          self.lex)
        if PER_DAY.search(q.low) and self.days is not None and q.form != "why" and (
                self._about_counts(q) or r.subjects):
            counted = [f for f in r.subjects if f.scope != "part"][:1] or (
                explicit if explicit else pool)
            return aggregates.per_day(counted, self.days, self.lex)
        if op == "rank" and len(explicit) == 1:
            return aggregates.position(explicit[0], self.parts, self.lex)
        if op == "rank" and (len(named) >= 2 or self._about_parts(q) or self._about_counts(q)):
            return aggregates.rank(pool, q.low, self.lex)
        if op == "extreme" and any(f.scope != "part" for f in r.subjects) and not re.search(
                r"\bwhich\b", q.low) and not self.lex.part_word.search(q.low):
            return None  # "more than what number in the region?" asks for the region's figure
        if op == "extreme":
            in_thread = conv.intent in ("figure", "aggregate") and len(q.terms) <= 3
            if not self._about_parts(q) and not named and not in_thread:
                return None
            if len(pool) == 2 and q.form == "yesno":
                return aggregates.compare(pool[0], pool[1], q.low)
            if re.search(rf"\b(?:{aggregates.MOST_ONLY})\b", q.low) and re.search(
                    rf"\b(?:{aggregates.FEWEST_ONLY})\b", q.low):
                return aggregates.spread(pool)  # "the most and the fewest": both
            result = aggregates.extreme(pool, q.low, self.lex)
            if len(explicit) == 1 and result.used:
                # "Why did Dudley have the most?" carries a claim: check it.
                one = explicit[0]
                if result.used[0] is one and q.form == "why":
                    return None  # the claim holds; the article gives no reason: let it say so
                verdict = ("Yes." if result.used[0] is one
                           else f"No: {one.subject} had {one.display}.")
                result = aggregates.Result(f"{verdict} {result.text}", result.used)
            return result
        if len(named) >= 3 and VERSUS.search(q.low) and re.search(
                r"\b(?:together|combined|between them|added|in total|sum)\b", q.low):
            return groups.versus_together(q, named, self.subject_matcher, self.by_id)
        if op == "total":
            kept, inside = groups.disjoint(list(r.subjects))
            if inside and kept and not self._excluded(r):  # "Walsall and the region together"
                return groups.total_with_contained(kept, inside)
            if len(named) >= 2 and not self._excluded(r):
                return aggregates.total(named, None, self.lex)
            if r.subjects and all(f.scope == "national" for f in r.subjects):
                return None  # "total across England" is a figure question
            if len(r.subjects) == 1 and r.subjects[0].scope == "part" and not self._excluded(r):
                return None  # "total at Walsall" is Walsall's figure
            if self._about_counts(q) or r.subjects:
                return aggregates.total(pool, self.whole if len(pool) == len(self.parts) and
                                        not r.dims else None,
                                        self.lex)
            return None
        if op == "change":
            pair = self._pair(r, conv)
            return aggregates.change(*pair) if pair else None
        if op in ("difference", "ratio"):
            return self._difference(op, r, conv)
        if op == "share":
            return self._share(r)
        if op == "average":
            if len(explicit) == 1:
                return aggregates.against_average(explicit[0], self.parts)
            if self._about_counts(q) or r.subjects:
                return aggregates.average(pool, self.lex)
            return None
        if op == "median":
            ordered = sorted(self.parts, key=lambda f: -f.value)
            middle = ordered[len(ordered) // 2]
            listed = ", ".join(aggregates.short(f) for f in ordered)
            return aggregates.Result(f"{middle.subject} is in the middle with {middle.display} "
                                     f"(from most to fewest: {listed}) ({self.parts_passage}).",
                                     tuple(ordered))
        if op == "threshold":
            if r.dims:
                return None  # a line at a day or type: not over the main figures
            return aggregates.threshold(self.parts, q.low, self.lex)
        if op == "count":
            stated = self._other_row(q)
            if stated is not None and stated.unit == self.lex.profile.parts:
                return None  # "how many trusts took part": a figure the article states
            return aggregates.count(self.parts, self.lex)
        return None

    def _difference(self, op: str, r: Reading, conv: Conversation) -> aggregates.Result | None:
        q = r.q
        if not r.subjects and POINTS.search(q.low):
            # "How many percentage points separate the demand from the award?"
            rows = sorted(((self._cue_score(f, q), f) for f in self.others
                           if f.unit == "per cent"), key=lambda s: -s[0])
            picked: list[Figure] = []
            for score, f in rows:  # the best row of each of two different subjects
                if score > 0 and all(f.subject != g.subject for g in picked):
                    picked.append(f)
            if len(picked) >= 2:
                picked = picked[:2]
                return aggregates.difference(*picked)
        scopes = {f.scope for f in r.subjects}
        if "national" in scopes and OUTSIDE.search(q.low) and self.national is not None:
            if "whole" in scopes and self.whole is not None:
                return aggregates.outside(self.national, [self.whole], self.lex)
            if self.lex.parts_word.search(q.low):
                return aggregates.outside(self.national, self.parts, self.lex)
        most = re.search(rf"\b(?:{aggregates.MOST})\b|\bhardest\b", q.low)
        fewest = re.search(rf"\b(?:{aggregates.FEWEST})\b", q.low)
        if most and fewest and len(r.subjects) < 2:
            return aggregates.spread(self.parts)
        pair = self._pair(r, conv)
        if pair is None:
            if (most or fewest) and self._about_parts(q):
                return aggregates.extreme(self.parts, q.low, self.lex)
            return None
        if op == "difference":
            return aggregates.difference(*pair)
        times = next((n for w, n in (("twice", 2), ("double", 2), ("three times", 3),
                                     ("triple", 3), ("four times", 4)) if w in q.low), None)
        result = aggregates.ratio(*sorted(pair, key=lambda f: -f.value))
        if times is not None and q.form == "yesno":
            big, small = sorted(pair, key=lambda f: -f.value)
            verdict = "Yes" if big.value > times * small.value else "No"
            result = aggregates.Result(f"{verdict}: {result.text}", result.used)
        return result

    def _excluded(self, r: Reading) -> list[Figure]:
        """Trusts a question leaves out: 'the four trusts other than UHNM'."""
        match = EXCLUDING.search(r.q.text)
        if not match:
            return []
        left_out = self.subject_matcher.find(match.group(1))
        ids = {m.key for m in left_out}
        return [f for f in self.parts if f.id in ids]

    def _about_parts(self, q: Question) -> bool:
        return bool(re.search(r"\b(?:hospitals?|which|where|who|what)\b", q.low) or
                    self.lex.part_word.search(q.low)) and \
            bool(self.lex.count_cues.search(q.low) or self.lex.part_word.search(q.low) or
                 re.search(r"\b(?:hit|affected|worst|hardest|"
                                                       r"best|busiest)\b", q.low))

    def _about_counts(self, q: Question) -> bool:
        return bool(self.lex.count_cues.search(q.low)) or bool(
            self.lex.part_word.search(q.low)) or (
            q.injected and bool(q.numbers))

    def _pair(self, r: Reading, conv: Conversation) -> tuple[Figure, Figure] | None:
        named = list(r.subjects)
        if len(named) == 1 and conv.subjects:
            last = self.by_id.get(conv.subjects[0])
            if last is not None and last is not named[0]:
                named = [last, named[0]]
        if len(named) < 2:
            return None
        return named[0], named[1]

    def _share(self, r: Reading) -> aggregates.Result | None:
        scopes = {"part": 0, "whole": 1, "national": 2}
        named = sorted(r.subjects, key=lambda f: scopes[f.scope])
        if not any(f.scope == "part" for f in named):
            # "What proportion of England's trusts took part?": two rows counting trusts.
            counted = [f for f in self.others if re.search(rf"\b{re.escape(f.unit)}\b", r.q.low)
                       and f.unit not in UNIT_CUES]
            if len({f.unit for f in counted}) == 1 and len(counted) == 2:
                part, whole = sorted(counted, key=lambda f: f.value)
                return aggregates.share(part, whole, self.lex)
        if not named:
            return None
        if len(named) > 1 and all(f.scope == "part" for f in named):
            return aggregates.share(named, self.parts, self.lex)  # together, of all parts' total
        if len(named) == 1:
            part = named[0]
            if part.scope == "part":
                return aggregates.share(part, self.parts, self.lex)
            if part.scope == "whole" and self.national is not None:
                return aggregates.share(part, self.national, self.lex)
            if part.scope == "national" and self.lex.all_parts.search(r.q.low):
                return aggregates.share(self.parts, part, self.lex)  # all the parts' share
            return None
        wholes = [f for f in named if scopes[f.scope] == max(scopes[n.scope] for n in named)]
        whole = wholes[0]
        parts, inside = groups.disjoint([f for f in named if f is not whole])
        if whole.scope == "whole" and all(p.scope == "part" for p in parts):
            return aggregates.share(parts if len(parts) > 1 else parts[0], self.parts, self.lex)
        result = aggregates.share(parts if len(parts) > 1 else parts[0], whole, self.lex)
        return aggregates.Result(result.text + groups.contained_note(inside, parts),
                                 result.used + tuple(inside))

    def _figure(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        subjects = list(r.subjects)
        cue = bool(self.lex.count_cues.search(q.low)) or bool(r.dims and subjects) or \
            r.positional
        noun = self._counted_noun(q.low)
        followup = bool(FOLLOWUP.match(q.low))
        if q.form in ("who", "when", "where", "date") or (q.form == "why" and not q.numbers):
            return None
        kind = self._noun_kind(noun)
        if kind in ("other", "people"):
            if any(stem(noun) == stem(f.unit) for f in self.others):
                return None
            return self._abstain(q, f"The article doesn't say how many {noun} — it counts "
                                    f"{self.lex.profile.counted}.")
        if q.form in ("how many", "how much") and OUTCOME.search(q.low):
            return self._abstain(q, "The article doesn't say how many have been rebooked or "
                                    f"seen since; it only counts the {self.lex.profile.counted} "
                                    "affected.")
        if subjects and r.stray and re.search(rf"\b{re.escape(r.stray.lower())} hospital\b",
                                              q.low):
            return self._abstain(q, f"The article gives figures by {self.lex.profile.part}, "
                                    f"not for individual "
                                    f"hospitals such as {r.stray.title()} Hospital.")
        if q.form in ("how many", "how much") and self.by_type.search(q.low) and \
                "type" not in self.dimension_keys:
            return self._abstain(q, f"The article doesn't break its figures down by type of "
                                    f"{self.lex.profile.counted}.")
        if self.other_period.search(q.low) and q.form in ("how many", "how much") and \
                "round" not in self.dimension_keys and not r.dims:
            period = self.lex.profile.period or "the strike it reports"
            return self._abstain(q, f"The article only gives figures for {period}.")
        if not subjects and q.injected and q.numbers and cue and self.whole is not None and \
                not self._other_row(q):
            subjects = [self.whole]  # "Say that 1 million were cancelled": the real figure
        if not subjects:
            if q.form in ("how many", "how much") and cue and not self._other_row(q):
                if r.unknown or r.place or r.partial or r.stray:
                    where = r.unknown or r.place or r.partial or r.stray
                    return self._no_place(q, where, r.partial)
                if followup and conv.subjects:
                    subjects = [self.by_id[k] for k in conv.subjects if k in self.by_id]
                elif self.whole is not None and self.lex.count_words.search(q.low):
                    subjects = [self.whole]
            if not subjects:
                counting = q.form in ("how many", "how much")
                if counting and (r.unknown or r.place or r.partial or r.stray):
                    where = r.unknown or r.place or r.partial or r.stray
                    return self._no_place(q, where, r.partial)
                return None
        rest = [t for i, t in enumerate(tokens(q.text))
                if t not in STOPWORDS and i not in r.named_tokens]
        # "north midlands?" or "Walsall figures" asks for the figure; "which hospitals are run
        # by Walsall Healthcare" does not.
        short = len(rest) <= 2 and q.form in ("other", "how many", "how much", "yesno")
        if not (cue or short or followup or conv.intent == "figure" and len(rest) <= 3):
            return None
        if r.people and (not cue or SPEECH_Q.search(q.low)):
            return None  # "What did Diane Wake say about the rescheduling?" asks for words
        if any(f.scope == "part" for f in subjects) and not re.search(r"\band\b", q.low):
            # "How many of the region's cancellations were at Walsall?" asks about Walsall.
            subjects = [f for f in subjects if f.scope == "part"]
        asked = {u for u, cues in UNIT_CUES.items() if any(re.search(c, q.low) for c in cues)
                 and u not in ("days", "hours")}  # "on the first day" names a day, not a unit
        row = self._other_row(q) if asked else None
        if row is not None and row.unit in asked and not any(f.unit in asked for f in subjects):
            return None  # "what percentage … nationally": the row in per cent, not the count
        if r.dims:
            return self._dimensioned_answer(r, subjects)
        used = list(subjects)
        members = [f for f in used if f.scope == "part"]
        if len(members) > 1:
            listed = "; ".join(f"{f.subject}: {f.display}" for f in members)
            measure = members[0].measure
            text = f"{measure[:1].upper()}{measure[1:]} — {listed} ({self.parts_passage})."
            text = " ".join([text] + [self._figure_sentence(f) for f in used if f not in members])
        else:
            text = " ".join(self._figure_sentence(f) for f in used)
        unknown = as_name(r.unknown, self.alias_tokens, q.text)
        if unknown and not r.partial:
            text += f" The article gives no figure for {unknown}."
        correction = self._premise(q, used)
        if correction:
            text = correction + " " + text
        elif q.form == "yesno" and q.numbers and any(n == f.value for n in q.numbers for f in used):
            text = "Yes. " + text
        return self._figure_answer(q, "figure", text, used)

    def _figure_sentence(self, f: Figure) -> str:
        return self.lex.figure_sentence(f)

    def _claim_differs(self, q: Question, used: list[Figure]) -> str:
        """A yes/no claim whose number matches but whose words do not: 'every' where the
        article says 'some', 'received' where it says 'demanding'."""
        for f in used:
            said = f"{f.span} {f.measure}".lower()
            if ALL_OF.search(q.low) and SOME.search(said):
                return f"No: the article says “{f.span}” ({f.passage}), not all."
            if HYPOTHETICAL.search(said) and not HYPOTHETICAL.search(q.low) and \
                    _modality(q.low) == "received":
                return (f"No: the article says it would happen, not that it has: “{f.span}” — "
                        f"{f.measure} ({f.passage}).")
            asked = _modality(q.low)
            stated = _modality(said)
            if asked and stated and asked != stated:
                return (f"No: the article gives it as {stated}, not {asked}: “{f.span}” "
                        f"({f.passage}).")
        return ""

    def _premise(self, q: Question, used: list[Figure]) -> str:
        """A correction when the question carries a figure the article doesn't give."""
        line = bound(q.low) if q.form == "yesno" and len(used) == 1 else None
        verdict = aggregates.line_verdict(used[0], line) if line is not None else None
        if verdict is not None:
            return verdict
        stated = {f.value for f in used}
        counts = all(f.is_count for f in used)
        numbers = list(q.numbers) if counts else list(q.numbers) + _number_words(q.low)
        years = {float(y) for y in re.findall(r"\b(?:19|20)\d\d\b", q.text)}
        alien = [n for n in numbers if n not in stated and n not in years
                 and (n not in ORDINAL_NUMBERS or not counts)]
        if not alien:
            claim = self._claim_differs(q, used) if q.form == "yesno" else ""
            if claim:
                return claim
            if q.form == "yesno" and numbers and not counts:
                return "Yes."
            return ""
        qualifier = any(f.qualifier for f in used)
        if qualifier and all(n <= f.value for n in alien for f in used) and re.search(
                r"\b(?:more than|over|at least|above)\b", q.low):
            return "Yes."
        if q.injected:
            return ("I answer only from the article, and it does not support the figure in "
                    "your message.")
        if q.form == "yesno":
            return "No: the article gives a different figure."
        return "The article doesn't give the figure in your question."

    def _other_row(self, q: Question) -> Figure | None:
        # A question that names a unit ("how much money", "what percentage") wants that unit.
        units = {u for u, cues in UNIT_CUES.items() if any(re.search(c, q.low) for c in cues)}
        noun = self._counted_noun(q.low)  # "how many trusts took part": rows counting trusts
        if noun and any(f.unit == noun for f in self.others):
            units = {noun}
        rows = [f for f in self.others if not units or f.unit in units]
        scored = [(self._cue_score(f, q), f) for f in rows]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            return None
        scored.sort(key=lambda s: -s[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0] and \
                scored[0][1].subject != scored[1][1].subject:
            return None  # two different things fit as well: don't guess
        return scored[0][1]

    def _cue_hits(self, f: Figure, q: Question) -> list[str]:
        """The aliases of a non-count figure ("pay rise", "walked out") a question uses."""
        low = f" {' '.join(tokens(q.text))} "
        return [toks for toks in self.cue_tokens[f.id] if f" {toks} " in low]

    def _cue_score(self, f: Figure, q: Question) -> float:
        score = 0.0
        strong = False
        for toks in self._cue_hits(f, q):
            if set(toks.split()) <= self.people_tokens:
                score += 0.5  # a speaker's name says whose figure, not which figure
                continue
            score += len(toks.split())
            strong = strong or " " in toks
        if score and any(re.search(p, q.low) for p in UNIT_CUES.get(f.unit, ())):
            score += 3
            strong = True
        asked = _modality(q.low)
        if score and asked and asked == _modality(f"{f.measure} {f.span}".lower()):
            score += 1  # "the pay rise they want": the demanded figure, not the one received
        # What the row measures ("NHS trusts whose nursing staff took part"), word for word,
        # for a row whose names the question uses at most loosely.
        shared = len(self.measure_terms[f.id] & set(q.terms)) if not strong else 0
        if shared >= 2:
            score += shared
            strong = True
        # One loose word ("strike", "pay") is not enough to pick a figure.
        return score if strong else 0.0

    def _other_figure(self, r: Reading) -> Answer | None:
        """Figures that are not appointment counts: the strike's length, the pay demand."""
        q = r.q
        quantity = q.form in ("how many", "how much", "how long", "yesno") or bool(re.search(
            r"\b(?:how big|how large|what size|what percentage|what per ?cent|what figure|"
            r"what amount|what pay|what rise|what increase|length|amount|in (?:cash|money|"
            r"pounds|percentage) terms|in pounds|how much money|worth)\b", q.low))
        if not quantity and q.form in ("what", "which", "other") and len(q.terms) <= 5:
            # "RCN pay demand?", "What is this year's pay award?": a row named outright.
            named = self._other_row(q)
            if named is not None and self._cue_score(named, q) >= 2:
                cue = {t for toks in self._cue_hits(named, q) for t in content_terms(toks)}
                rest = set(q.terms) - cue - self.entity_terms - self.org_terms - \
                    self.vocab.frame
                quantity = len(rest) <= 1  # nothing asked beyond the row's name
        if not quantity or r.unknown or r.place or re.search(r"\boffer\w*\b", q.low):
            return None  # the article gives the union's demand, never an offer
        row = self._other_row(q)
        if row is None:
            return None
        # Rows of one subject that fit as well ("the pay claim": 5% above RPI, roughly 19%).
        top = self._cue_score(row, q)
        rows = [row] + [f for f in self.others if f is not row and f.subject == row.subject
                        and self._cue_score(f, q) == top]
        if re.search(r"(?:\band|,) (?:what|how|which|when|who)\b", q.low):
            # A two-part question ("…demanding, and what would it mean in cash?"): every
            # figure either part names, in the article's order.
            rows += [f for f in self.others if f is not row and any(
                " " in toks or len(toks) > 5 for toks in self._cue_hits(f, q))]
            rows.sort(key=lambda f: self.corpus.figures.index(f))
        text = " ".join(self._figure_sentence(f) for f in rows)
        correction = self._premise(q, rows)
        if correction:
            text = correction + " " + text
        return self._figure_answer(q, "figure", text, rows)

    def _wrong_figure(self, r: Reading) -> Figure | None:
        """A strike-length or pay figure the question states and the article contradicts
        ("given the strike only lasted three days, …")."""
        q = r.q
        if any(k == "round" for k, _ in r.dims):
            return None  # "the three-day strike in March" names another round, not a premise
        for f in self.others:
            pattern = UNIT_PATTERNS.get(f.unit)
            if pattern is None or not (q.injected or self._cue_hits(f, q)):
                continue  # (asked once per figure, not per number: linear in the question)
            for match in re.finditer(pattern, q.low):
                said = next(g for g in match.groups() if g).replace(",", "")
                said = "seven" if said == "week" else said
                value = float(WORD_NUMBERS.get(said, 0) or said) if (
                    said in WORD_NUMBERS or said.replace(".", "").isdigit()) else None
                if value is not None and value != f.value:
                    return f
        return None

    def _no_place(self, q: Question, place: str, partial: str) -> Answer:
        if partial:
            names = [f.subject for f in self.counts if any(
                t in tokens(f.subject) + [x for a in f.aliases for x in tokens(a)]
                for t in tokens(partial))]
            hint = f" It does give a figure for {' and '.join(names)}." if names else ""
            return self._abstain(q, f"The article has no figure for {partial} as such.{hint}")
        name = as_name(place, self.alias_tokens, q.text)
        meant = completes(place, self.alias_tokens) if not name else ""
        hint = next((f" Did you mean {f.subject}?" for f in self.counts if meant and any(
            meant in tokens(a) for a in f.aliases)), "")
        wider = [f.subject for f in (self.national, self.whole) if f is not None]
        covered = ", ".join(wider) + (" and " if wider else "") + self.lex.parts_phrase
        return self._abstain(q, f"The article doesn't give a figure for {name or 'that'}.{hint} "
                                f"It gives figures only for {covered}.")

    def _figure_answer(self, q: Question, kind: str, text: str, used: list[Figure],
                       focus: tuple[Figure, ...] = ()) -> Answer:
        cites = []
        for pid in dict.fromkeys(f.passage for f in used):
            spans = [f.span for f in used if f.passage == pid]
            cites.append(Citation(pid, " … ".join(spans), 1.0))
        return Answer(q.raw, text, False, kind,  # type: ignore[arg-type]
                      tuple(cites), tuple(f.ref() for f in used),
                      highlights=tuple(f.display for f in used),
                      focus=tuple(f.id for f in focus if f.id in self.by_id))

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

    def _counted_noun(self, low: str) -> str:
        """The noun after 'how many' ('how many consultants' -> 'consultants'), else ''."""
        match = re.search(r"\bhow many\s+((?:[\w'&-]+\s+){0,4})", low + " ")
        if not match:
            return ""
        skip = {"than", "more", "fewer", "less", "hospital", "nhs", "total", "of", "the",
                "individual", "separate", "different", "extra", "additional"}
        skip |= {w for s in self.lex.profile.staff for w in s.lower().split()[:-1]}
        following = [w for w in match.group(1).split() if w not in skip and w not in NUMBER_WORDS
                     and not w.endswith(("'s", "s'"))]  # "how many of England's trusts"
        # "how many patient appointments": the counted noun is what is counted.
        return next((w for w in following if w in self.lex.counted_nouns),
                    following[0] if following else "")


def _modality(text: str) -> str:
    """The first of demanded / received / offered the text speaks of ('' if none)."""
    found = [(m.start(), name) for name, pattern in MODALITY if (m := re.search(pattern, text))]
    return min(found)[1] if found else ""


def _number_words(low: str) -> list[float]:
    """'five days' -> 5; 'a week' -> 7: numbers written in words, for non-count figures."""
    found = []
    for phrase, value in WORD_NUMBERS.items():
        if re.search(rf"\b{phrase}\b", low):
            found.append(float(value))
    if re.search(r"\b(?:a|one|two|three) weeks?\b", low):
        found = [n for n in found if n not in (1.0, 2.0, 3.0)]
    return found
