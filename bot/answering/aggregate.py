"""Answers computed from the figures table, with the working written out."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import aggregates, groups
from ..aggregates import cited_passages
from ..answer import Answer
from ..conversation import Conversation
from ..figures import SCOPES, Figure
from ..reading import Reading
from ..rules import (
    COMPARED_MEASURE,
    ORDINAL_NAMES,
    UNIT_CUES,
    UPWARD,
)
from ..text import format_number
from .figure_tools import FigureWork

# The word a comparison turns on: what comes before it is the claim's subject.
PIVOT_WORDS = frozenset({"than", "beat", "beats", "outnumbered", "exceeded", "topped", "vs"})


class AggregateAnswerer(FigureWork):
    """Most, fewest, totals, differences, shares, averages, rankings, thresholds."""

    name = "aggregate"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        op = r.op
        if r.cues.has("by_type") and "type" not in self.look.dimension_keys and (
                q.numbers or q.form in ("how many", "how much")):
            return None  # "how many of our 750 were ops vs scans?": no such split to compute
        if r.cues.has("BEYOND_PARTS") and r.cues.has("REST_WORDS", "OUTSIDE") and not any(
                f.scope == "national" for f in r.subjects):
            return None  # "the rest of london outside those 4": no figure to compute from
        of_whole = self._part_of_whole(r, conv) or self._figure_of_another(r)
        if of_whole is not None:
            return of_whole
        stated = self._other_row(r) if op in ("difference", "change") else None
        if stated is not None and COMPARED_MEASURE.match(stated.measure) and \
                self._measure_overlap(stated, r) >= 3 and stated.measure.split()[0] in r.words:
            return None  # "how many more were delivered than in July 2024": a row says it
        rounds = self._against_every_round(r)
        if rounds is not None:
            return rounds
        remembered = self._from_last_result(r, conv) or self._against_last_value(r, conv) or \
            self._share_against_line(r, conv)
        if remembered is not None:
            return remembered
        superlative = r.cues.first("ANY_SUPERLATIVE")
        # "which day were they?" of one subject: its rows over that dimension.
        asked_which = bool(r.dim_asked and len(r.subjects) == 1 and q.form in ("date", "which")
                           and not any(k == r.dim_asked for k, _ in r.dims))
        over = self._over_dimension(r) if op in ("extreme", "rank") or superlative or \
            asked_which else None
        if over is not None:
            return over
        if r.dim_unknown and (op in ("extreme", "rank") or superlative or r.subjects and
                              q.form in ("how many", "other", "what")):
            # "which day was worst for us?", "how many … at each of our hospital sites?"
            return self.look.abstain(q, f"The article gives no figures {r.dim_unknown} by "
                                        f"{r.dim_unknown}.")
        if r.unknown_dim and not self._measured_against(r) and (op or r.cues.has("count_cues") or (
                r.subjects and q.form in ("other", "how many", "how much"))):  # "nuh wed 30th?"
            return self.look.abstain(q, f"The article gives no figures for {r.unknown_dim}.")
        if (op and r.cues.has("other_period") and q.form in ("how many", "how much") or (
                op or r.subjects) and r.cues.has("other_month") and q.form in (
                "how many", "how much", "which", "what", "other")) and \
                "round" not in self.look.dimension_keys and not r.dims:
            period = self.lex.profile.period or "the strike it reports"
            return self.look.abstain(q, f"The article only gives figures for {period}.")
        named_row = self._other_row(r) if op == "extreme" and superlative else None
        if named_row is not None and superlative is not None and any(
                superlative.group() in hit.split() for hit in (
                    *self._cue_hits(named_row, r), named_row.measure.replace("-", " "))):
            return None  # "the lowest paid get what": a row's name, not a superlative
        ones = [f for f in r.subjects if f.scope == "part"]
        ranked = sorted(r.subjects, key=lambda f: SCOPES.index(f.scope))
        if q.form == "yesno" and r.cues.has("ALL_OF") and r.fraction is None and \
                len(ranked) == 2 and \
                ranked[0].scope != ranked[1].scope and not r.cues.has("ANY_SUPERLATIVE"):
            # "Were all of the 8,300 at UHNM?", "all of England's in the region?": a part is
            # not the whole.
            one, whole = ranked
            return self._figure_answer(r, "aggregate", (
                f"No: {one.subject} had {one.display} of the {whole.stated} across "
                f"{whole.subject} ({cited_passages(one, whole)})."), [one, whole])
        group = [f for k in conv.focus if (f := self.look.by_id.get(k)) and f.scope == "part"]
        if len(ones) == 1 and conv.op == "total" and len(group) >= 2 and ones[0] not in group \
                and r.cues.has("BACK_TO_SUBJECTS", "LEADING_COMPARATIVE", "VERSUS_LEAD") and \
                r.cues.has("COMPARATIVE", "VERSUS", "LEADING_COMPARATIVE"):
            # "combined?" … "is that more than wolvo on its own": the last total against one.
            # ("so uhnm alone beat all 4 of them combined?": the one named is the claim's
            # subject, before its verb)
            pivot = next((i for i, w in enumerate(r.words) if w in PIVOT_WORDS), len(r.words))
            single_first = bool(r.named_tokens) and min(r.named_tokens) < pivot
            more = (r.direction == "most") != single_first
            asked = "" if q.form != "yesno" else ("group more" if more else "group fewer")
            against = aggregates.group_versus(group, ones[0], asked, names=self.lex.among(group))
            return self._figure_answer(r, "aggregate", against.text, list(against.used),
                                          values=against.values)
        if op is None:
            return None
        if op == "share" and r.dims and len(r.subjects) == 1:
            # "What proportion of NUH's rebookings were inpatients?": a part of its own total.
            # ("nuh inpatients?" then "as a %?": the row's share of its subject's whole)
            main = self.look.main_row(r.subjects[0])
            rows = self._rows_at(main, r.dims)
            if len(rows) == 1:
                part = replace(rows[0], subject=f"{main.subject} "
                                                f"({self._describe_dims(rows[0].dims)})")
                within = aggregates.share(part, main, self.lex)
                return self._figure_answer(r, "aggregate", within.text, list(within.used))
        counted = [f for f in self.look.others if f.unit in r.unit_words
                   and f.unit not in UNIT_CUES] if op == "share" else []
        if len(counted) == 2 and len({f.unit for f in counted}) == 1 and len(r.subjects) == 1 \
                and r.named_tokens and r.subjects[0].scope in ("whole", "national") and \
                r.subjects[0].subject != counted[0].subject:
            # "What share of London's trusts took part?": the article gives it for England.
            return self.look.abstain(q, f"The article gives that share only for "
                                        f"{counted[0].subject}, not for {r.subjects[0].subject}.")
        if len(counted) == 2 and len({f.unit for f in counted}) == 1 and not r.named_tokens:
            # "what % of trusts is that then" after "44 of 219 trusts": those two, not the
            # last subject's share
            part, whole = sorted(counted, key=lambda f: f.value)
            within = aggregates.against_fraction([part], [whole], r.fraction) if (
                r.fraction is not None and q.form == "yesno") else aggregates.share(
                    part, whole, self.lex)  # ("so thats like a fifth of all trusts?": a verdict)
            return self._figure_answer(r, "aggregate", within.text, list(within.used))
        stated = self._other_row(r) if op == "share" else None
        if op == "share" and r.cues.has("DENOMINATOR") and (
                stated is None or stated.unit != "per cent" or
                ones and r.named_tokens and stated.subject not in {f.subject for f in ones}):
            return self.look.abstain(q, "The article doesn't say how many "
                                     f"{self.lex.profile.counted} were scheduled, only how many "
                                     "were affected, so it gives no such percentage.")
        if op == "share" and stated is not None and stated.unit == "per cent" and \
                not r.named_tokens and stated.subject not in {f.subject for f in r.subjects} \
                and self._cue_score(stated, r) >= 2:
            return None  # "and what % still went ahead?" after a share: the stated one
        noun = r.noun
        if r.cues.has("POINTS"):
            noun = ""  # "how many percentage points": a difference of two percentages
        if not self.lex.part_word.fullmatch(noun) and not (op == "total" and noun in r.units) and \
                self._noun_kind(noun) in ("people", "other"):
            return None  # "how many patients … in total": not a count the article gives
        named = [f for f in r.subjects if f.scope == "part"]
        # A short "2nd highest?" ranks what the last ranking did; "of those" the last subjects.
        brief = len(q.terms) <= 2 and op not in ("extreme", "rank")
        if not named and (r.cues.has("BACK_TO_SUBJECTS") or brief) and not any(
                f.scope == "whole" for f in r.subjects) and not r.cues.has("all_parts") and \
                not (op == "average" and r.cues.has("per_part") and not r.cues.has(
                    "REFERRING") and not (conv.op == "total" and len(conv.subjects) > 2)):
            # ("and avg per trust": all; "… for those 4", or after their total: those)
            # ("weekend total both trusts?"; not "all 4 combined?")
            named = list(dict.fromkeys(
                self.look.main_row(self.look.by_id[k]) for k in conv.subjects
                if k in self.look.by_id and self.look.by_id[k].scope == "part"))
        if op == "share" and r.own_total:
            p = self.lex.profile
            return self.look.abstain(q, f"The article doesn't give the {p.parts}' total numbers of "
                                    f"{p.counted}, only the figures it reports.")
        excluded = self._excluded(r)
        pool = [f for f in self.look.parts if f not in excluded] if excluded else (
            named if len(named) >= 2 else self.look.parts)
        sums: dict[str, list[Figure]] = {}
        if r.dims:
            keys = [k for k, _ in r.dims]
            dims_asked = r.dims
            several = next((k for k in keys if keys.count(k) > 1), None)
            claim = q.form == "yesno" and r.cues.has("COMPARATIVE", "BARE_COMPARATIVE")
            compares = op in ("difference", "ratio", "change") or claim
            if compares and len(r.subjects) == 1 and [
                    k for k in keys if k not in self.look.partitions] == keys and len(keys) == 1:
                # "NUH this time against the April 2023 round": the main row and that round.
                one = r.subjects[0]
                then = self._at_dims([one], r.dims, sums)
                if one.scope == "whole" and len(then) > 1:
                    # "both trusts vs April 2023": the parts' rows then, added up.
                    rows = [row for x in then for row in sums.get(x.id, [x])]
                    key = "+".join(x.id for x in rows)
                    sums[key] = rows
                    total = sum(x.value for x in then)
                    then = [replace(then[0], id=key, value=total, display=format_number(total),
                                    qualifier="", subject=f"{one.subject} "
                                    f"({self._describe_dims(r.dims)})")]
                r = replace(r, subjects=[one, *then], dims=())
                named = list(r.subjects)
                if claim and len(named) == 2:
                    # "So SFH's July total was lower than in March 2023, right?" (but "was it
                    # worse for us then?" claims it of the round)
                    first, second = named if r.cues.has("COMPARATIVE") else named[::-1]
                    than = r.words.index("than") if "than" in r.words else -1
                    marks = {w.lower() for _, v in dims_asked for w in v.split()}
                    said_at = next((i for i, w in enumerate(r.words) if w in marks or (
                        w.isalpha() and len(w) >= 3 and any(
                            m.isalpha() and m.startswith(w[:3]) for m in marks))), -1)
                    if r.cues.has("COMPARATIVE") and 0 <= said_at < than:
                        # "so SFH had less in march 23 than they did this july": then, first
                        first, second = second, first
                    if not r.cues.has("COMPARATIVE"):
                        second = replace(second, subject=f"{second.subject} ({second.period})")
                    verdict = aggregates.compare(first, second, r.direction)
                    return self._figure_answer(r, "aggregate", verdict.text, list(verdict.used),
                                          values=verdict.values)
            elif several and len(r.subjects) == 1 and op in ("difference", "ratio", "change"):
                # "SFH between the March and April rounds": one figure per value, compared.
                one = r.subjects[0]
                rest = tuple(d for d in r.dims if d[0] != several)
                split = [self._at_dims([one], rest + (d,), sums) for d in r.dims
                         if d[0] == several]
                values = [d for d in r.dims if d[0] == several]
                for i, group in enumerate(split):
                    if len(group) > 1:  # the whole at that value: its parts' rows, added up
                        rows = [row for x in group for row in sums.get(x.id, [x])]
                        key = "+".join(x.id for x in rows)
                        sums[key] = rows
                        total = sum(x.value for x in rows)
                        split[i] = [replace(group[0], id=key, value=total, qualifier="",
                                            display=format_number(total), subject=(
                                                f"{one.subject} "
                                                f"({self._describe_dims(rest + (values[i],))})"))]
                r = replace(r, subjects=[f for group in split for f in group], dims=())
                named = list(r.subjects)
                if len(named) < 2:
                    return self.look.abstain(q, f"The article doesn't give {one.subject}'s figures "
                                            f"for {self._describe_dims(tuple(dims_asked))}.")
            else:
                asked_pool = list(pool)
                pool = self._at_dims(pool, r.dims, sums)
                named = self._at_dims(named, r.dims, sums)
                if pool and len(pool) < len(asked_pool) and op in ("total", "average") and \
                        len(named) < 2:
                    # "The four trusts between them on 20 December": only some have a figure
                    # for that day, so their sum is not the four's.
                    have = " and ".join(f.subject for f in pool)
                    return self.look.abstain(q, f"The article gives figures for "
                                             f"{self._describe_dims(r.dims)} only for {have}.")
                r = replace(r, subjects=self._at_dims(list(r.subjects), r.dims, sums))
            if not pool:
                return self.look.abstain(q, f"The article gives no figures for "
                                        f"{self._describe_dims(r.dims)}.")
            parts_named = [f for f in named if f.scope == "part"]
            if claim and len(parts_named) == 2 and r.fraction is None:
                # "Did SFH rebook more inpatients than NUH?": the two at that dimension.
                verdict = aggregates.compare(parts_named[0], parts_named[1], r.direction)
                used = [row for f in verdict.used for row in sums.get(f.id, [f])]
                return self._figure_answer(r, "aggregate", verdict.text, used,
                                           values=verdict.values)
        result = self._compute(op, r, conv, named, pool)
        if result is None:
            return None
        used = [row for f in result.used for row in sums.get(f.id, [f])]
        text = result.text
        working = [f"{f.subject}: {' + '.join(x.digits for x in sums[f.id])} = {f.display}"
                   for f in result.used if f.id in sums]
        if working:
            text += f" ({'; '.join(working)}.)"
        if op == "total" and q.form == "yesno" and len(q.numbers) == 1 and result.values and \
                not text.startswith(("Yes", "No")):
            # "The headline figure of 1,463 — does it add up from the two trusts' totals?"
            sums_to = result.values[0][1]
            text = f"{'Yes' if abs(sums_to - q.numbers[0]) < 0.5 else 'No'}: {text}"
        focus = tuple(row for f in result.focus for row in sums.get(f.id, [f]))
        return self._figure_answer(r, "aggregate", text, used, focus, result.values)

    def _against_every_round(self, r: Reading) -> Answer | None:
        """'so sfh is down on both the earlier strikes?': its figure now against each round."""
        ones = [f for f in r.subjects if f.scope == "part"] or [
            f for f in r.subjects if f.scope == "whole"]
        if r.q.form not in ("yesno", "other") or len(ones) != 1 or \
                not r.cues.has("EVERY_ROUND") or "round" not in self.look.dimension_keys:
            return None
        one = ones[0]
        members = list(self.look.parts) if one.scope == "whole" else [one]
        rows = {f.id: [v for v in self.look.variants if v.subject == f.subject and
                       [k for k, _ in v.dims] == ["round"] and (not r.years or any(
                           str(int(y)) in v.dim("round") for y in r.years))] for f in members}
        # (the whole then: its parts' rows of each round added up, when every part has one)
        rounds = [name for name in dict.fromkeys(v.dim("round") for v in rows[members[0].id])
                  if all(any(v.dim("round") == name for v in rows[f.id]) for f in members)]
        if not rounds:
            return None
        used = [v for f in members for v in rows[f.id] if v.dim("round") in rounds]
        then = {name: sum(v.value for v in used if v.dim("round") == name) for name in rounds}
        down = r.cues.has("DOWN_WORDS")
        holds = all((one.value < value) == down for value in then.values())
        each = "; ".join(
            f"{name}: {format_number(value)}, so {format_number(abs(value - one.value))} "
            f"{'fewer' if value > one.value else 'more'} now" for name, value in then.items())
        return self._figure_answer(r, "aggregate", (
            f"{'Yes' if holds else 'No'}: {one.subject} had {one.display} this time; {each} "
            f"({cited_passages(one, *used)})."), [one, *used])

    def _against_last_value(self, r: Reading, conv: Conversation) -> Answer | None:
        """'is wolves above that?' after an average: the one named against that value."""
        side = r.cues.first("ABOVE_THAT")
        ones = [f for f in r.subjects if f.scope == "part"] or (
            [r.own] if r.own is not None and r.cues.has("OWN_WORDS") else [])
        # (the average the last answer worked out, when it kept no value: "are we above or
        # below that" after "X is below the average …")
        members = [g for ref in conv.turns[-1].figures if (g := self.look.by_id.get(ref.id))
                   in self.look.parts] if conv.turns and not conv.values else []
        if side is None or r.q.form != "yesno" or len(ones) != 1 or len(r.subjects) > 1 or \
                conv.op != "average" or len(conv.values) != 1 and len(members) < 2:
            return None
        name, value = conv.values[0] if conv.values else (
            f"the average across the {len(members)} {self.lex.profile.parts}",
            sum(g.value for g in members) / len(members))
        one = ones[0]
        below = side.group(1) in ("below", "under", "lower than", "less than", "fewer than",
                                  "smaller than")
        holds = one.value < value if below else one.value > value
        word = "below" if one.value < value else "above"
        verdict = word.title() if r.cues.has("EITHER_SIDE") else "Yes" if holds else "No"
        return self._figure_answer(r, "aggregate", (
            f"{verdict}: {one.subject} had {one.display}, {word} "
            f"{name} of {format_number(value, 1)} ({one.passage})."), [one])

    def _from_last_result(self, r: Reading, conv: Conversation) -> Answer | None:
        """'by how many?', 'so how many short', '% change?' after a comparison (its two
        quantities, or the one figure of each of the last two answers); 'what share of the two
        trusts' rebookings did that represent?' after a total (that total against the one
        named)."""
        if r.op not in ("difference", "change", "share", "ratio"):
            return None
        named = [f for f in r.subjects if f.scope != "part"]
        extra: list[Figure] = []
        pair: tuple[tuple[str, float], ...]
        if len(conv.values) == 1 and r.op != "ratio" and len(named) == 1 and \
                len(r.subjects) == 1 and r.cues.has("REFERRING"):
            pair = (conv.values[0], (named[0].subject, named[0].value))
            turns, extra = conv.turns[-1:], named
        elif r.op == "share" and len(named) == 1 and named[0].scope == "national" and \
                len(r.subjects) == 1 and named[0].id in conv.focus and len(conv.turns) >= 2 and \
                len(conv.turns[-2].values) == 1 and conv.turns[-2].values[0][1] < named[0].value:
            # "as a % of the england number?" after England's figure, after a total: that total
            pair = (conv.turns[-2].values[0], (named[0].subject, named[0].value))
            turns, extra = conv.turns[-2:], named
        elif len(conv.values) == 1 and r.op in ("difference", "ratio") and r.own is not None \
                and r.own.id not in conv.focus and len(r.q.terms) <= 3 and conv.focus and \
                all(k in self.look.partitions for k, _ in r.dims):  # (not "vs april 23")
            # "diff?" after the rest's total, "excl us": the writer's own against it.
            pair = ((r.own.subject, r.own.value), conv.values[0])
            turns, extra = conv.turns[-1:], [r.own]
        elif r.op == "share" and r.cues.has("EACH_OWN_TOTAL") and (rows := [
                f for k in conv.focus if (f := self.look.by_id.get(k)) is not None and f.dims
                and self.look.main_row(f) is not f]) and len(rows) == len(conv.focus):
            # "as a % of each trust's overall tot?" after two outpatient rows: each of its own
            text = " ".join(aggregates.share(f, self.look.main_row(f), self.lex).text
                            for f in rows)
            return self._figure_answer(r, "aggregate", text, [
                g for f in rows for g in (f, self.look.main_row(f))], tuple(rows))
        elif r.op == "share" and r.cues.has("OF_THE_TOTAL") and len(conv.values) == 2 and \
                not r.named_tokens and not (r.own in r.subjects and r.cues.has("OWN_WORDS")) \
                and (ones := [
                    f for name, _ in conv.values for f in self.look.parts if f.subject == name]):
            # "as a % of the total?" after UHNM against the other four: UHNM of all of them;
            # "… both? (each one)" after Walsall against Dudley: each of them.
            ones = ones if r.cues.has("EACH_OF") else ones[:1]
            text = " ".join(aggregates.share(f, self.look.parts, self.lex).text for f in ones)
            return self._figure_answer(r, "aggregate", text, [*ones, *self.look.parts],
                                       tuple(ones))
        elif not r.named_tokens and len(r.q.terms) <= 4 and not (r.op == "share" and r.own_dims) \
                and not (r.op != "change" and r.cues.has("MOST_WORD", "FEWEST_WORD")) and \
                not (r.own in r.subjects and r.cues.has("OWN_WORDS")) and \
                not (r.op == "share" and r.cues.has("OF_THE_TOTAL") and len(conv.values) != 2
                     and any(f.scope == "part" for f in r.subjects)):
            # ("what % … is ours"; "as a % of the total?" after one total: of everything, not
            # of the answer before it)
            pair = conv.values if len(conv.values) == 2 else (
                self._last_two(conv) or self._total_then_one(conv))
            turns = conv.turns[-2:]
        else:
            return None
        way = "fall" if r.cues.has("FALL_WORDS") else "rise" if r.cues.has("RISE_WORDS") else ""
        after = aggregates.between(pair, r.op, way)
        if after is None:
            return None
        used = [g for t in turns for ref in t.figures if (g := self.look.by_id.get(ref.id))]
        # (still about what the last answer was about: "… as a % of england?" then "per day?")
        kept = tuple(f for k in conv.focus if (f := self.look.by_id.get(k)) is not None
                     and f not in extra)
        return self._figure_answer(r, "aggregate", after.text, [*used, *extra], kept,
                                   values=pair)

    def _share_against_line(self, r: Reading, conv: Conversation) -> Answer | None:
        """'is that more than 10%?' after a share: the share just worked out, against it."""
        line = r.line
        if r.q.form != "yesno" or line is None or line.unit != "%" or r.op != "share" or \
                conv.op != "share" or r.named_tokens or not r.cues.has("REFERRING"):
            return None
        part = [f for k in conv.focus if (f := self.look.by_id.get(k)) is not None]
        base = [f for k in conv.base if (f := self.look.by_id.get(k)) is not None]
        if not base and conv.turns:
            base = list(dict.fromkeys(f for ref in conv.turns[-1].figures if (
                f := self.look.by_id.get(ref.id)) is not None and f.scope == "part"))
        if not part or not base or sum(f.value for f in base) <= 0:
            return None
        pct = 100 * sum(f.value for f in part) / sum(f.value for f in base)
        result = aggregates.share(part if len(part) > 1 else part[0], base, self.lex)
        verdict = "Yes" if line.holds(round(pct, 2)) else "No"
        return self._figure_answer(r, "aggregate", f"{verdict}: {result.text}",
                                   list(result.used), tuple(part))

    def _total_then_one(self, conv: Conversation) -> tuple[tuple[str, float], ...]:
        """'as a %?' after England's figure, then the five trusts' total: that total and the
        one figure before it, largest last."""
        if len(conv.turns) < 2:
            return ()
        for total, one in ((conv.turns[-1], conv.turns[-2]), (conv.turns[-2], conv.turns[-1])):
            # (either order: "and england wide?" after the five trusts' total, or before it)
            single = [f for ref in one.figures if (f := self.look.by_id.get(ref.id))]
            if len(single) != 1 and len(one.focus) == 1:  # (a share of one: that one)
                single = [f for k in one.focus if (f := self.look.by_id.get(k))]
            if len(total.values) == 1 and len(single) == 1 and single[0].is_count:
                pair = (total.values[0], (single[0].subject, single[0].value))
                if pair[0][1] < pair[1][1]:
                    return pair
        return ()

    def _last_two(self, conv: Conversation) -> tuple[tuple[str, float], ...]:
        """'gap between the 2?' after two answers of one figure each, in one unit (the
        demand, then the award): those two."""
        rows = []
        for turn in conv.turns[-2:]:
            found = [f for ref in {x.id: x for x in turn.figures}.values()
                     if (f := self.look.by_id.get(ref.id)) is not None]
            if not turn.figures and not turn.abstained:  # a sentence quoted: the row it holds
                found = [f for f in self.look.others if f.span and f.span in turn.answer]
            levels = [f for f in found if f.id not in self.look.margins]
            if levels and len({f.subject for f in found}) == 1:
                found = levels  # "5% above RPI, roughly 19%": the level, 19%
            row = found[0] if len(found) == 1 else None
            if row is None or row.is_count:
                return ()
            rows.append(row)
        if len(rows) != 2 or rows[0].unit != rows[1].unit or rows[0] is rows[1]:
            return ()
        if rows[0].subject != rows[1].subject:  # "the RCN's pay claim", "the award"
            return tuple((f.subject, f.value) for f in rows)
        return tuple((f.measure if f.measure.startswith(("the ", "this ")) else
                      f"the {f.measure}", f.value) for f in rows)

    def _over_dimension(self, r: Reading) -> Answer | None:
        """'Which day saw the most, both trusts combined?': each value of a dimension summed
        over the subjects, then the most (or fewest)."""
        key = r.dim_asked
        if not key:
            return None
        subjects = [f for f in r.subjects if f.scope == "part"] or [
            f for f in r.subjects if any(v.subject == f.subject and v.scope == f.scope
                                         for v in self.look.variants)] or self.look.parts
        # (each subject once, as its whole: the last answer's rows are its days, not more
        # subjects — "worst day combined?" after Monday's four rows)
        subjects = list(dict.fromkeys(self.look.main_row(f) for f in subjects))
        way = r.direction
        word = "most" if way == "most" else "fewest"
        apart = "each" in r.words or ({"both", "like"} & set(r.words) and not r.cues.has(
            "TOGETHER") and "across" not in r.words)  # "at both trusts", not "both combined"
        if len(subjects) >= 2 and apart:
            return self._over_dimension_each(r, key, subjects, way, word)
        totals = self._dimension_totals(key, subjects, r.dims)
        if not totals:
            return None
        top, name, found = (max if way == "most" else min)(totals, key=lambda t: t[0])
        who = " and ".join(dict.fromkeys(f.subject for f in subjects))
        if len(totals) == 1:
            # Every row on one value: "all 1,191 at Imperial were on Tuesday 20 December".
            return self._figure_answer(r, "aggregate", (
                f"All {format_number(top)} at {who} were on {name} ({cited_passages(*found)})."),
                found)
        working = " + ".join(x.digits for x in found)
        summed = f" ({working} = {format_number(top)})" if len(found) > 1 else ""
        text = (f"{name} had the {word}: {format_number(top)} at {who}{summed} "
                f"({cited_passages(*found)}).")
        claimed = [t for t in totals if r.q.form == "yesno" and (key, t[1]) in r.dims and len(
            [k for k, _ in r.dims if k == key]) == 1]  # ("was march or april worse": neither)
        if claimed and claimed[0][1] == name:
            text = f"Yes: {text}"  # "was mon their peak?"
        elif claimed:
            other, day, rows = claimed[0]
            summed = f" ({' + '.join(x.digits for x in rows)})" if len(rows) > 1 else ""
            text = (f"No: {text} {day} had {format_number(other)}{summed} "
                    f"({cited_passages(*rows)}).")
            found = [*found, *rows]
        return self._figure_answer(r, "aggregate", text, found)

    def _dimension_totals(self, key: str, subjects: list[Figure],
                          dims: tuple[tuple[str, str], ...]
                          ) -> list[tuple[float, str, list[Figure]]]:
        """Each value of a dimension ('Monday 28 July') with the subjects' rows summed."""
        totals = []
        named = [v for k, v in dims if k == key]  # ("march or april 23": those two only)
        for value in named if len(named) >= 2 else self.lex.profile.dimensions.get(key, {}):
            rows = [row for f in subjects for row in self._rows_at(f, ((key, value), *[
                d for d in dims if d[0] != key]))]
            if rows:
                totals.append((sum(x.value for x in rows), value, rows))
        return totals

    def _over_dimension_each(self, r: Reading, key: str, subjects: list[Figure], way: str,
                             word: str) -> Answer | None:
        """'Was Monday the worst day at both trusts?': each subject's own worst day."""
        lines, used, tops = [], [], []
        for f in subjects:
            totals = self._dimension_totals(key, [f], r.dims)
            if not totals:
                return None
            top, name, found = (max if way == "most" else min)(totals, key=lambda t: t[0])
            tops.append(name)
            used += found
            working = " + ".join(x.digits for x in found)
            lines.append(f"{f.subject}: {name} had the {word}, {format_number(top)}"
                         f"{f' ({working})' if len(found) > 1 else ''}")
        named = [v for k, v in r.dims if k == key]
        verdict = ""
        if r.q.form == "yesno" and len(named) == 1:
            verdict = "Yes: " if all(t == named[0] for t in tops) else "No: "
        text = f"{verdict}{'; '.join(lines)} ({cited_passages(*used)})."
        return self._figure_answer(r, "aggregate", text, used)

    def _compute(self, op: str, r: Reading, conv: Conversation, named: list[Figure],
                 pool: list[Figure]) -> aggregates.Result | None:
        q = r.q
        if q.form == "yesno" and len(r.subjects) == 1 and r.line is not None and \
                r.fraction is None:
            return None  # "Did Sandwell cancel more than 1,168.9?": the figure against a line
        explicit = [f for f in r.subjects if f.scope == "part"]
        wider = sorted(r.subjects, key=lambda f: SCOPES.index(f.scope))
        if q.form in ("yesno", "other") and r.fraction is not None and not explicit and \
                not r.excluded and len(wider) == 2 and wider[0].scope != wider[1].scope:
            # "london's share of england? over a fifth?": the narrower of the wider
            return aggregates.against_fraction([wider[0]], [wider[1]], r.fraction)
        if q.form in ("yesno", "other") and r.fraction is not None and (explicit or r.excluded):
            base = self._at_dims(self.look.parts, r.dims, {}) if r.dims else self.look.parts
            named_base = [f for f in r.subjects if f.scope == "national"]  # (the whole: its
            # parts' exact sum, not "more than 8,300")
            if len(named_base) == 1:
                base = named_base  # "more than 5% of the england total": of that figure
            return aggregates.against_fraction(explicit if not r.excluded else pool, base,
                                               r.fraction)
        if r.fraction is not None and op == "extreme" and not r.excluded and q.form == "yesno" \
                and r.subjects and all(f.scope == "national" for f in r.subjects):
            return None  # "so more than half of englands trusts went on strike?": no superlative
        if r.rest_together and len(explicit) == 1:
            one = explicit[0]
            # ("Did UHNM … ? If so, by how many?" asks for the verdict too)
            return aggregates.versus_rest(one, [f for f in self.look.parts if f is not one],
                                          self.lex, q.form == "yesno" or
                                          r.cues.has("CLAIM_START"))
        by_value = [f for f in self.look.counts if f.value in q.numbers] if not r.subjects else []
        if r.cues.has("PER_DAY") and self.look.days is not None and q.form != "why" and (
                self._about_counts(r) or r.subjects or r.excluded or by_value):
            # ("per day avg for those 4 trusts": the ones the last answer added up)
            back = list(named) if named and r.cues.has("BACK_TO_SUBJECTS") else []
            counted = [f for f in r.subjects if f.scope != "part"][:1] or (
                list(dict.fromkeys(explicit)) if explicit else back or by_value[:1] or pool)
            if r.cues.has("per_part") and len(counted) > 1:
                # "per trust per day across all 5?": the total, over the parts, over the days
                done = aggregates.per_day(counted, self.look.days, self.lex)
                each = sum(f.value for f in counted) / len(counted) / self.look.days.value
                return replace(done, text=(
                    f"About {format_number(each, 1)} a day per {self.lex.profile.part}: "
                    f"{format_number(sum(f.value for f in counted))} ÷ {len(counted)} "
                    f"{self.lex.profile.parts} ÷ {format_number(self.look.days.value)} "
                    f"{self.look.days.unit} "
                    f"= {format_number(each, 2)} ({cited_passages(*counted, self.look.days)})."))
            whole = self.look.whole
            if counted == [whole] and whole is not None and whole.qualifier and \
                    sum(f.value for f in self.look.parts) >= whole.value:
                # "whole region per day?": the whole is "more than 8,300"; its parts say exactly
                done = aggregates.per_day(list(self.look.parts), self.look.days, self.lex)
                return replace(done, text=f"{done.text} The article gives the total for "
                                          f"{whole.subject} as “{whole.stated}” ({whole.passage}).",
                               used=(*done.used, whole))
            return aggregates.per_day(counted, self.look.days, self.lex)
        ranked_one = [self.look.main_row(f) for f in explicit]  # (a day's row ranks as its whole)
        beyond = r.cues.first("BEYOND")
        if beyond is not None and not r.cues.has("NEIGHBOUR") and len(explicit) == 1 and \
                op in (None, "extreme", "rank") and ranked_one[0] in self.look.parts:
            return aggregates.beyond(ranked_one[0], list(self.look.parts),
                                     beyond.group(1) in ("above", "ahead of"), self.lex)
        step = r.cues.first("NEIGHBOUR")
        if step is not None and len(explicit) == 1 and op in (None, "extreme", "rank") and \
                ranked_one[0] in self.look.parts:
            up = next(g for g in step.groups() if g) in UPWARD
            found = aggregates.neighbour(ranked_one[0], list(self.look.parts), up, self.lex)
            if r.claimed_next is not None and found.focus:
                holds = found.focus[0] is r.claimed_next
                found = replace(found, text=f"{'Yes' if holds else 'No'}: {found.text}" + (
                    "" if holds else f" {r.claimed_next.subject} had {r.claimed_next.display}."))
            return found
        if op == "rank" and len(explicit) == 1 and ranked_one[0] in self.look.parts:
            found = aggregates.position(ranked_one[0], self.look.parts, self.lex)
            place = sorted(self.look.parts, key=lambda f: -f.value).index(ranked_one[0]) + 1
            if r.cues.has("ORDINAL_WORD") and r.ordinal > 1 and r.direction == "most":
                # "where do we rank, 2nd highest i guess?": the guess checked
                found = replace(found, text=f"{'Yes' if r.ordinal == place else 'No'}: "
                                            f"{found.text}")
            return found
        if op == "rank" and q.form in ("which", "what") and r.cues.has("ORDINAL_PLACE") and \
                not r.cues.has("ASCENDING"):
            # "Ranking the four trusts, which one comes third?": that place, not the list.
            return aggregates.extreme(pool, "most", r.ordinal, self.lex)
        if op == "rank" and r.top_n and not explicit:
            # "top 3?": the first few of the ranking, and what they add up to
            ordered = sorted(self.look.parts, key=lambda f: f.value,
                             reverse=r.direction == "most")[:r.top_n]
            listed = "; ".join(f"{i}. {aggregates.short(f)}" for i, f in enumerate(ordered, 1))
            word = "most" if r.direction == "most" else "fewest"
            return aggregates.Result(
                f"The {r.top_n} {self.lex.profile.parts} with the {word} "
                f"{self.lex.profile.counted}: {listed} ({cited_passages(*ordered)}).",
                tuple(ordered), focus=tuple(ordered))
        if op == "rank" and (len(named) >= 2 or self._about_parts(r) or self._about_counts(r) or
                             r.cues.has("all_parts")):  # ("rank all 5 high to low")
            return aggregates.rank(pool, r.cues.has("ASCENDING"), self.lex)
        if op == "extreme" and any(f.scope != "part" for f in r.subjects) and \
                not r.cues.has("WHICH", "part_word") and not (explicit and q.form == "yesno"):
            # (but "walsall had the 2nd highest in the whole region, right?" ranks walsall)
            return None  # "more than what number in the region?" asks for the region's figure
        if op == "extreme" and r.cues.has("OVER_TIME", "WHICH_PERSON"):
            return None  # "the biggest so far in the dispute": over time, not over the table
        if op == "extreme":
            in_thread = conv.intent in ("figure", "aggregate") and len(q.terms) <= 3
            if not self._about_parts(r) and not named and not in_thread:
                return None
            if len(pool) == 2 and q.form == "yesno":
                return aggregates.compare(pool[0], pool[1], r.direction)
            if r.cues.has("MOST_ONLY_WORD") and r.cues.has("FEWEST_ONLY_WORD"):
                return aggregates.spread(pool)  # "the most and the fewest": both
            result = aggregates.extreme(pool, r.direction, r.ordinal, self.lex)
            if len(explicit) == 1 and result.used:
                # "Why did Dudley have the most?" carries a claim: check it.
                one = explicit[0]
                if result.used[0] is one and q.form == "why":
                    return None  # the claim holds; the article gives no reason: let it say so
                ordered = sorted(pool, key=lambda f: -f.value if r.direction == "most"
                                 else f.value)
                place = ordered.index(one) + 1 if one in pool else 0
                where = f" ({ORDINAL_NAMES.get(place, str(place))} of {len(pool)})" if place \
                    else ""
                verdict = ("Yes." if result.used[0] is one
                           else f"No: {one.subject} had {one.display}{where}.")
                ahead = ordered[:place - 1] if result.used[0] is one else []
                if ahead and q.form == "yesno":  # "are we second highest?": yes, after whom
                    result = replace(result, text=f"{result.text} Ahead of it: " + ", ".join(
                        f"{f.subject} ({f.display})" for f in ahead) + ".")
                result = replace(result, text=f"{verdict} {result.text}", focus=tuple(
                    dict.fromkeys((one, result.used[0]))))
            return result
        if r.groups is not None:
            return groups.both_together(r.groups, r.direction, q.form == "yesno" or
                                        r.cues.has("CLAIM_TAG"), self.lex)
        if len(named) >= 3 and r.cues.has("VERSUS", "OVER_UNDER") and (r.cues.has("TOGETHER") or (
                r.sides is not None and len(r.sides[0]) + 1 == len(named))) or (
                r.sides is not None and r.sides[1].scope == "national" and len(r.sides[0]) >= 2
                and r.cues.has("VERSUS")):  # ("black country total vs england")
            # ("dudley + walsall vs rwt": the two on one side, together)
            return groups.versus_together(r.sides, named, r.direction, q.form == "yesno" or
                                          r.cues.has("CLAIM_TAG"), self.lex)
        if op == "total" and r.subjects and all(f.scope == "national" for f in r.subjects) \
                and not r.dims:
            return None  # "england total?" is a figure question, whatever came before
        if op == "total" and not explicit:
            product = self._over_days(r)
            if product is not None:
                return product
        if op == "total":
            kept, inside = groups.disjoint(list(r.subjects))
            if inside and kept and not self._excluded(r):  # "Walsall and the region together"
                return groups.total_with_contained(kept, inside)
            if len(named) >= 2 and not self._excluded(r):
                return aggregates.total(named, None, self.lex)
            if r.subjects and all(f.scope == "national" for f in r.subjects):
                return None  # "total across England" is a figure question
            if len(r.subjects) == 1 and r.subjects[0].scope == "part" and not self._excluded(r) \
                    and not r.cues.has("all_parts"):
                return None  # "total at Walsall" is Walsall's figure
            if self._about_counts(r) or r.subjects or r.excluded:
                whole = self.look.whole if len(pool) == len(self.look.parts) and \
                    not r.dims else None
                return aggregates.total(pool, whole,
                                        self.lex)
            return None
        if op == "change":
            pair = self._pair(r, conv)
            return aggregates.change(*pair) if pair else None
        if op in ("difference", "ratio"):
            return self._difference(op, r, conv)
        if op == "share":
            return self._share(r, conv)
        if op == "average":
            side = r.cues.first("AGAINST_AVERAGE")
            against_one = explicit[0] if len(explicit) == 1 else r.own if (
                side is not None and r.own in explicit and
                2 < len(explicit) < len(self.look.parts)) else None
            members = list(self.look.parts) if len(explicit) == 1 else explicit
            if against_one is not None:  # ("are we above the avg across the 4?": those four)
                against = aggregates.against_average(against_one, members)
                if q.form == "yesno" and side is not None:  # "are we above avg": a verdict
                    mean = sum(f.value for f in members) / len(members)
                    under = side.group(1) in ("below", "under", "lower than", "less than",
                                              "fewer than")
                    value = against_one.value
                    holds = value < mean if under else value > mean
                    verdict = ("Below" if value < mean else "Above") if \
                        r.cues.has("EITHER_SIDE") else "Yes" if holds else "No"
                    against = replace(against, text=f"{verdict}: {against.text}")
                return against
            if side is not None and (not explicit or len(explicit) == len(self.look.parts)):
                # "how many trusts were above that avg": the ones on that side of it
                return aggregates.sides_of_average(self.look.parts, side.group(1) in (
                    "below", "under", "lower than", "less than", "fewer than"), self.lex)
            if self._about_counts(r) or r.subjects or r.excluded:  # ("excl uhnm?" after one)
                return aggregates.average(pool, self.lex)
            return None
        if op == "median":
            ordered = sorted(self.look.parts, key=lambda f: -f.value)
            middle = ordered[len(ordered) // 2]
            above, below = ordered.index(middle), len(ordered) - ordered.index(middle) - 1
            # (how many lie either side says it; the full order is the ranking's answer)
            return aggregates.Result(f"{middle.subject} is in the middle with {middle.display}: "
                                     f"{above} of the {len(ordered)} {self.lex.profile.parts} "
                                     f"had more, {below} fewer ({self.look.parts_passage}).",
                                     tuple(ordered), focus=(middle,))
        if op == "threshold":
            if r.dims:
                return None  # a line at a day or type: not over the main figures
            over_every = r.cues.has("EVERY") and r.cues.has("CLAIM_START")
            return aggregates.threshold(self.look.parts, r.line, over_every, self.lex)
        if op == "count":
            stated = self._other_row(r)
            if stated is not None and stated.unit == self.lex.profile.parts:
                return None  # "how many trusts took part": a figure the article states
            return aggregates.count(self.look.parts, self.lex)
        return None

    def _over_days(self, r: Reading) -> aggregates.Result | None:
        """'Total hours across both days?': a figure for each day times the number of days."""
        days = self.look.days
        asked = r.units - {"days"}
        each = [f for f in self.look.others if f.unit in asked and f is not days
                and re.search(r"\beach\b|\bper\b", f.measure)]
        if days is None or len(each) != 1:
            return None
        one = each[0]
        total = one.value * days.value
        return aggregates.Result(
            f"{format_number(total)} {one.unit}: {one.display} on each of {days.display} "
            f"({format_number(one.value)} × {format_number(days.value)} = "
            f"{format_number(total)}) ({cited_passages(one, days)}).", (one, days))

    def _difference(self, op: str, r: Reading, conv: Conversation) -> aggregates.Result | None:
        q = r.q
        percents = [f for f in self.look.others if f.unit == "per cent"]
        last_text = conv.turns[-1].answer if conv.turns else ""
        told = {ref.id for ref in conv.turns[-1].figures} if conv.turns else set()
        before = {f.id for f in percents if f.id in conv.focus or f.span and f.span in last_text
                  or f.id in told and conv.op == "difference"}
        if op == "difference" and not r.subjects and r.cues.has("BACK_TO_SUBJECTS") and \
                len(conv.turns) >= 2 and len({f.subject for f in percents if f.id in before}) < 2:
            # "so how far apart r they" after the demand, then the offer: those two answers'
            last_two = {ref.id for t in conv.turns[-2:] for ref in t.figures}
            before |= {f.id for f in percents if f.id in last_two}
        named = {f.subject for f in percents if self._cue_hits(f, r)}
        paired = len({f.subject for f in percents if f.id in before}) >= 2
        if not r.subjects and (r.cues.has("POINTS") or op == "difference" and (before and (any(
                self._cue_hits(f, r) or self._measure_overlap(f, r) >= 2
                for f in percents if f.id not in before) or paired) or len(named) >= 2)):
            # "How many percentage points separate the demand from the award?"
            # (a level before a margin: "roughly 19%" before "5% above RPI")
            # (a figure of the article the question states names its row: "holding at 5.4%")
            # (the figure of the last answer is one side: "gap vs the 19% ask?" after the award,
            # "vs govt's offer? diff?" after the BMA's 29%)
            # (what the question says of a row's measure, "the avg award", outweighs the last
            # answer's row, the lowest-paid's)
            # (two subjects' percentages named: "the gap between the pay claim and the award")
            rows = sorted(((self._cue_score(f, r) + 3 * (f.value in q.numbers) +
                            2 * (f.id in before) + 2.5 * self._measure_overlap(f, r), f)
                           for f in percents),
                          key=lambda s: (-s[0], s[1].id in self.look.margins))
            picked: list[Figure] = []
            for score, f in rows:  # the best row of each of two different subjects
                if score > 0 and all(f.subject != g.subject for g in picked):
                    picked.append(f)
            if len(picked) == 1 and r.cues.has("POINTS"):
                # "the gap between what the BMA wants and what the government gave": the
                # other side is the percentage the same passage sets against it.
                picked += [f for _, f in rows if f.passage == picked[0].passage and
                           f.subject != picked[0].subject][:1]
            if len(picked) >= 2:
                picked = picked[:2]
                return aggregates.difference(*picked)
        scopes = {f.scope for f in r.subjects}
        if "national" in scopes and r.cues.has("OUTSIDE") and self.look.national is not None:
            if "whole" in scopes and self.look.whole is not None:
                return aggregates.outside(self.look.national, [self.look.whole], self.lex)
            if r.cues.has("parts_word", "all_parts") or set(r.excluded) == set(self.look.parts):
                # ("rest of england excl our 5?")
                return aggregates.outside(self.look.national, self.look.parts, self.lex)
            last = {self.look.main_row(g).id for k in conv.focus
                    if (g := self.look.by_id.get(k)) is not None}
            if last and last in ({f.id for f in self.look.parts},
                                 {self.look.whole.id} if self.look.whole else set()):
                # "rest of england?" after the parts' total: England less them.
                inside = [self.look.whole] if self.look.whole is not None else self.look.parts
                return aggregates.outside(self.look.national, inside, self.lex)
            if not last and self.look.whole is not None:  # "rest of england?" out of the blue
                return aggregates.outside(self.look.national, [self.look.whole], self.lex)
        most = r.cues.has("MOST_WORD")
        fewest = r.cues.has("FEWEST_WORD")
        ends = r.cues.has("MOST_ONLY_WORD") and r.cues.has("FEWEST_ONLY_WORD")
        if most and fewest and (len(r.subjects) < 2 and ends or
                                op == "difference" and not r.named_tokens):
            if op == "ratio":  # "smallest vs biggest, how many x bigger is the biggest"
                ordered = sorted(self.look.parts, key=lambda f: -f.value)
                return aggregates.ratio(ordered[0], ordered[-1])
            return aggregates.spread(self.look.parts)  # "diff between top n bottom"
        pair = self._pair(r, conv)
        if pair is None:
            if (most or fewest) and self._about_parts(r):
                pool = self._at_dims(self.look.parts, r.dims, {}) if r.dims else self.look.parts
                if op == "difference" and len(pool) == 2 and all(f.dims for f in pool) == bool(
                        r.dims):
                    # "Which trust had more inpatient procedures, and by how many?"
                    return aggregates.difference(*pool)
                return aggregates.extreme(pool, r.direction, r.ordinal, self.lex)
            return None
        if op == "difference":
            return aggregates.difference(*pair)
        times = r.times
        result = aggregates.ratio(*sorted(pair, key=lambda f: -f.value))
        if times is not None and q.form == "yesno":
            big, small = sorted(pair, key=lambda f: -f.value)
            ratio = big.value / small.value if small.value else 0.0
            # "more than twice as many": a floor; "10x dudley": about that many times
            floor = r.line is not None or r.cues.has("COMPARATIVE")
            verdict = "Yes" if (ratio > times if floor else abs(ratio - times) <= 0.1 * times) \
                else "No"
            result = replace(result, text=f"{verdict}: {result.text}")
        return result

    def _about_parts(self, r: Reading) -> bool:
        return r.cues.has("ABOUT_PLACES", "part_word") and \
            r.cues.has("count_cues", "part_word", "HIT_WORDS")

    def _about_counts(self, r: Reading) -> bool:
        return r.cues.has("count_cues", "part_word") or (r.q.injected and bool(r.q.numbers))

    def _pair(self, r: Reading, conv: Conversation) -> tuple[Figure, Figure] | None:
        named = list(r.subjects)
        # (the one the last answer was about: "where do we rank" … "how many more than X")
        recent = conv.focus if len(conv.focus) == 1 else conv.subjects
        if len(named) == 1 and recent:
            last = self.look.by_id.get(recent[0])
            if last is not None and last is not named[0]:
                named = [last, named[0]]
        if len(named) < 2:
            return None
        return named[0], named[1]

    def _share(self, r: Reading, conv: Conversation) -> aggregates.Result | None:
        named = sorted(r.subjects, key=lambda f: SCOPES.index(f.scope))
        last = [f for k in conv.focus if (f := self.look.by_id.get(k)) is not None]
        if r.excluded and named and all(f.scope == "part" for f in named) and \
                not set(named) & set(r.excluded):
            # "and w/o uhnm in the mix?": of the parts left once it is taken out
            rest = [f for f in self.look.parts if f not in r.excluded]
            return aggregates.share(named if len(named) > 1 else named[0], rest, self.lex)
        if r.of_group and set(named) < set(r.of_group):
            return aggregates.share(named if len(named) > 1 else named[0], list(r.of_group),
                                    self.lex)
        if r.cues.has("REFERRING") and len(last) > 1 and all(f.scope == "part" for f in last) \
                and named and set(named) < set(last):
            # "rwt share of that?" after the four Black Country trusts' total: of those four.
            return aggregates.share(named if len(named) > 1 else named[0], last, self.lex)
        if not any(f.scope == "part" for f in named) and len(named) < 2:
            # "What proportion of England's trusts took part?": two rows counting trusts
            # (of the subject named, if one is: "London's trusts" are not England's).
            counted = [f for f in self.look.others
                       if f.unit in r.unit_words and f.unit not in UNIT_CUES]
            if len({f.unit for f in counted}) == 1 and len(counted) == 2 and all(
                    f.subject == counted[0].subject for f in named):
                part, whole = sorted(counted, key=lambda f: f.value)
                return aggregates.share(part, whole, self.lex)
        if not named:
            return None
        if len(named) > 1 and all(f.scope == "part" for f in named):
            # Together, of all the parts' total.
            return aggregates.share(named, self.look.parts, self.lex)
        if len(named) == 1:
            part = named[0]
            if part.scope == "part":
                return aggregates.share(part, self.look.parts, self.lex)
            if part.scope == "whole" and self.look.national is not None:
                return aggregates.share(part, self.look.national, self.lex)
            if part.scope == "national" and r.cues.has("all_parts"):
                return aggregates.share(self.look.parts, part, self.lex)  # all the parts' share
            return None
        widest = max(SCOPES.index(n.scope) for n in named)
        wholes = [f for f in named if SCOPES.index(f.scope) == widest]
        whole = wholes[0]
        parts, inside = groups.disjoint([f for f in named if f is not whole])
        if whole.scope == "whole" and all(p.scope == "part" for p in parts):
            return aggregates.share(parts if len(parts) > 1 else parts[0], self.look.parts,
                                    self.lex)
        result = aggregates.share(parts if len(parts) > 1 else parts[0], whole, self.lex)
        return aggregates.Result(result.text + groups.contained_note(inside, parts),
                                 result.used + tuple(inside), focus=result.focus)
