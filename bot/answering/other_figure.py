"""The figures that count no subject: pay rises, days, sums of money."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import aggregates
from ..answer import Answer
from ..claims import OPPOSITES, opposite
from ..conversation import Conversation
from ..figures import Figure
from ..reading import Reading
from ..resolve import _token_match as token_alike
from ..rules import COMPARED_MEASURE, MONTH_NAMES, OWN_DEMAND, SOME
from ..text import content_terms, format_number, stem
from .figure_tools import FigureWork

QUOTE_MARKS = " \u201c\u201d\"'"


class OtherFigureAnswerer(FigureWork):
    """A figure of the table other than the counts, found by its cue words."""

    name = "other_figure"

    def _in_unit(self, r: Reading, conv: Conversation) -> Figure | None:
        """'and in £?', 'and the £ number he mentioned?': the one figure in that unit the
        last answer's passage gives, or the person named speaks, or the table has."""
        rows = [f for f in self.look.others if f.unit in r.units]
        if len(r.units) != 1 or not rows or r.subjects or len(r.q.terms) > 6 or \
                r.q.form not in ("other", "what", "which", "how much") or r.q.numbers or \
                any(r.cue_hits.values()) or r.timing:
            return None  # ("hrs?": how long the event lasted, the timing answerer's)
        last = {c.passage for t in conv.turns[-1:] for c in t.citations}
        spoken = {s.id for s in self.look.corpus.passages
                  if {p.id for p in r.people} & set(s.speakers)}
        for pool in ([f for f in rows if f.passage in last],
                     [f for f in rows if f.passage in spoken], rows):
            if len(pool) == 1:
                return pool[0]
        return None

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        """Figures that are not appointment counts: the strike's length, the pay demand."""
        answer = self._run(r, conv)
        if answer is None or r.modality != "demanded" or answer.abstained or \
                len(answer.figures) != 1:
            return answer
        return self._with_own_words(r, answer)

    def _with_own_words(self, r: Reading, answer: Answer) -> Answer:
        """'so the bma are asking for what exactly': a demand given in someone else's words
        ("demanding a 35 per cent pay increase", Barclay's) beside the asker's own."""
        row = self.look.by_id.get(answer.figures[0].id)
        quoted = self._quoted_by(row) if row is not None else None
        asked = {p.id for p in r.voices}
        if quoted is None or not asked or quoted.id in asked:
            return answer
        own = [(p.id, text) for p in self.look.corpus.passages if set(p.speakers) & asked
               for text in p.sentences if OWN_DEMAND.search(text) and not re.search(r"\d", text)]
        if not own:
            return answer
        pid, text = own[0]
        passage = self.look.corpus.passage(pid)
        names = " and ".join(self.look.people[i].name for i in (passage.speakers if passage
                                                                 else ()) if i in self.look.people)
        words = text.strip(QUOTE_MARKS)
        return replace(answer, answer=f"{answer.answer} In their own words ({names}): "
                                      f"“{words}” ({pid}).",
                       citations=(*answer.citations, self.look.cite(pid, 1.0)))

    def _run(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        of_whole = self._part_of_whole(r, conv)
        if of_whole is not None:
            return of_whole
        # (a figure stated in another unit is not the row's: "12%" is not "12 hours")
        # (nor one in the unit asked for: "in actual £ whats the award for a band 5")
        by_value = [f for f in self.look.others if f.value in q.numbers and not any(
            v == f.value and u != f.unit for u, v in r.stated) and (
                not r.units or f.unit in r.units)]
        whose = self._whose_figure(r, by_value) or self._other_orgs_figure(r, by_value)
        if whose is not None:
            return whose
        when = self._other_period(r, by_value)
        if when is not None:
            return when
        if q.form == "who" and len(by_value) == 1 and (said := self._said_by(by_value[0])):
            # "the 35% figure in the article - who actually said it": whose words it is in
            f = by_value[0]
            return self._figure_answer(r, "figure", f"{said}: “{f.span}” ({f.passage}).", [f])
        if q.form == "why" and len(by_value) == 1 and not r.people:
            # "why 29 tho": the whole sentence the figure is in, which gives its reason.
            f = by_value[0]
            passage = self.look.corpus.passage(f.passage)
            said = next((t for t in passage.sentences if f.span in t), "") if passage else ""
            if said and len(said) > len(f.span) + 20:
                return Answer(q.raw, f"{said} ({f.passage})", False, "passage",
                              (self.look.cite(f.passage, 1.0),), (f.ref(),),
                              highlights=(f.span,))
        if len(by_value) == 1 and len(q.numbers) == 1 and not r.named_tokens and \
                q.form in ("other", "what", "which", "why") and len(q.terms) <= 5 and \
                not r.people and not r.cues.has("SPEECH_Q"):
            # "and the 20k thing?", "whats the 93% about": the row with that figure.
            return self._figure_answer(r, "figure", self._figure_sentence(by_value[0]),
                                       by_value)
        in_unit = self._in_unit(r, conv)
        if in_unit is not None:
            return self._figure_answer(r, "figure", self._figure_sentence(in_unit), [in_unit])
        by_org = self._org_figures(r, conv)
        if by_org:
            return self._figure_answer(r, "figure", " ".join(
                self._figure_sentence(f) for f in by_org), by_org)
        quantity = q.form in ("how many", "how much", "how long", "yesno") or \
            r.cues.has("QUANTITY_ASKED")
        if not quantity and q.form in ("what", "which", "other") and len(q.terms) <= 5:
            # "RCN pay demand?", "What is this year's pay award?": a row named outright.
            named = self._other_row(r)
            if named is not None and self._cue_score(named, r) >= 2:
                cue = {t for toks in self._cue_hits(named, r) for t in content_terms(toks)}
                rest = set(q.terms) - cue - self.look.entity_terms - self.look.org_terms - \
                    self.look.vocab.frame - {stem(named.unit)} - self.look.measure_terms[named.id]
                # (a slip in a cue word, "strke", is still the cue)
                rest = {t for t in rest if not any(token_alike(c, t) for c in cue)}
                quantity = len(rest) <= 1  # nothing asked beyond the row's name
        if q.form == "yesno" and not (q.numbers or r.number_words or r.fraction):
            return None  # a claim that states no figure is not about one
        offered = any("offer" in hit for hits in r.cue_hits.values() for hit in hits)
        if not quantity or r.unknown or r.place and not (q.form == "yesno" and by_value) or \
                r.cues.has("OFFER") and not offered:
            return None  # an offer the article never gives is no figure of its
        row = self._other_row(r)
        if row is None and len(by_value) == 1 and (r.cues.has("FOLLOWUP") or q.form == "yesno"):
            row = by_value[0]  # "and the 20k bit?", "is the 9.3% for …?": the row with it
        told = [was for ref in (conv.turns[-1].figures if conv.turns else ())
                if (was := self.look.by_id.get(ref.id)) is not None and was in self.look.others]
        if row is None and q.form == "yesno" and (r.stated or q.numbers and r.unit_words) and \
                r.cues.has("IT_REF", "REFERRING") and (same := [
                    f for f in told if any(u == f.unit for u, _ in r.stated) or
                    f.unit in r.unit_words]):
            # "someone said ministers upped it to 7%": it, the last answer's row (the one of
            # the organisation named, when the answer gave several sides)
            theirs = [f for f in same for o in r.orgs if f in self.look.org_rows.get(o.id, ())]
            row = (theirs or same)[0]
        if row is None and r.fraction is not None and len(by_value) == 2 and \
                by_value[0].unit == by_value[1].unit:
            row = min(by_value, key=lambda f: f.value)  # "44 of 219 … abt a quarter yeah?"
        if row is None and q.form == "how long" and (r.own_dims or not r.subjects and not
                                                     r.people and r.cues.has("REFERRING")):
            # "how long was that march one": the event's length then; "how long did it
            # last": the article's one event
            row = self.look.days
        if row is None:
            return None
        rounds = [(k, v) for k, v in r.dims if k not in self.look.partitions]
        at_round = [g for g in self.look.corpus.figures if g is not row and g.unit == row.unit
                    and g.measure == row.measure and rounds and all(
                        g.dim(k) == v for k, v in rounds)] if not row.dims else []
        if len(at_round) == 1:  # "how long was that walkout" after April 2023's: that round's
            return self._figure_answer(r, "figure", self._figure_sentence(at_round[0]), at_round)
        earlier = [g for g in self.look.corpus.figures if g is not row and g.unit == row.unit and
                   g.measure == row.measure and g.dim("round")] if not rounds and \
            not row.dims and r.cues.has("other_period") and q.form == "how long" else []
        if earlier:  # "how long were those 2 older strikes": each earlier round's length
            return self._figure_answer(r, "figure", " ".join(
                self._figure_sentence(g) for g in earlier), earlier)
        said = f"{row.period} {row.span} {row.measure}".lower()
        months = {m.lower() for m in r.months_said if m.lower() in MONTH_NAMES}
        if months and not any(m in said for m in months) and any(
                m in said for m in MONTH_NAMES) and q.form in ("how many", "how much"):
            # "how many trusts are out in jan": the article counts them for December only
            period = row.period or "another time"
            return self.look.abstain(q, f"The article gives that only for {period}: "
                                        f"{row.display} (“{row.span}”, {row.passage}).")
        if COMPARED_MEASURE.match(row.measure) and q.form in ("how many", "how much", "other",
                                                               "what") and \
                not r.cues.has("COMPARISON_ASKED"):
            # "how many staff were absent in july?": the article gives only the change
            return self._figure_answer(r, "figure", (
                f"The article gives no such total, only the change: “{row.span}” "
                f"({row.passage})."), [row])
        if r.cues.has("other_period") and (q.form in ("how many", "how much") or q.form ==
                                           "how long" and r.cues.has("NEXT_ROUND")) and \
                "round" not in self.look.dimension_keys:  # ("… next strike, for how long?")
            period = self.lex.profile.period or "the strike it reports"
            return self.look.abstain(q, f"The article only gives figures for {period}.")
        # Rows of one subject that fit as well ("the pay claim": 5% above RPI, roughly 19%).
        top = self._cue_score(row, r)
        rows = [row] + [f for f in self.look.others if f is not row and f.subject == row.subject
                        and self._cue_score(f, r) == top]
        if r.cues.has("ANOTHER_ASK"):
            # A two-part question ("…demanding, and what would it mean in cash?"): every
            # figure either part names, in the article's order.
            # (or the other way the question speaks of it: "demanding … and get how much?")
            mode = self.look.row_modality.get(row.id, "")
            rows += [f for f in self.look.others if f is not row and self._cue_hits(f, r) and (
                any(" " in toks or len(toks) > 5 for toks in self._cue_hits(f, r)) or (
                    (other := self.look.row_modality[f.id]) and other != mode and
                    other in r.modalities))]
            rows.sort(key=lambda f: self.look.corpus.figures.index(f))
        if r.cues.has("AVERAGE_ONE") and all(SOME.search(f"{f.span} {f.measure}".lower())
                                             for f in rows if f.unit in r.units or not r.units):
            # "What would the average junior doctor get?" — the article says what some would.
            return self.look.abstain(q, "The article doesn't give an average figure for that; "
                                        "it says only what some would receive.")
        siblings = [f for f in self.look.others if f.subject == row.subject]
        against = [f for f in siblings if opposite(r.claim, f"{f.measure} {f.span}")]
        sibling_words = {w for f in siblings for w in f"{f.measure} {f.span}".lower().split()}
        against_words = {w for f in against for w in f"{f.measure} {f.span}".lower().split()}
        against_words |= {w for text in against_words for w in text.split("-")}
        asked = {w for one, other in OPPOSITES for mine, theirs in ((one, other), (other, one))
                 if theirs & against_words for w in r.claim.words & mine}
        claimed = [f for f in against if f.value in q.numbers]
        if q.form == "yesno" and claimed:
            # "and the 9.3% is for the highest paid nurses yeah?": for the lowest-paid.
            f = claimed[0]
            why = opposite(r.claim, f"{f.measure} {f.span}")
            return self._figure_answer(r, "figure", f"No: {why}. {self._figure_sentence(f)}",
                                       [f])
        if against and not asked & sibling_words:
            # "the highest-paid" asked, "the lowest-paid" given: not the figure asked for.
            return self.look.abstain(q, f"The article doesn't give that figure: it gives "
                                        f"{' and '.join(f.measure for f in siblings)}.")
        rows = [f for f in rows if f not in against] or rows
        asked_for = {f.subject for f in r.subjects}
        if q.form == "yesno" and asked_for and row.subject not in asked_for and any(
                f.subject == row.subject for f in self.look.counts):
            # "Did staff at 44 London trusts take part?": the 44 are England's.
            return self._figure_answer(r, "figure", (
                f"No: that figure is for {row.subject}, not {' or '.join(sorted(asked_for))}: "
                f"{self._figure_sentence(row)}"), [row])
        same_unit = [f for f in self.look.others if f.unit == row.unit and f is not row]
        if q.form == "yesno" and r.fraction is not None and len(same_unit) == 1:
            # "Did staff at most of England's trusts take part?": 44 of 219 against half.
            part, whole = sorted((row, same_unit[0]), key=lambda f: f.value)
            verdict = aggregates.against_fraction([part], [whole], r.fraction)
            return self._figure_answer(r, "aggregate", verdict.text, [part, whole])
        percents = [f for f in rows if f.unit == "per cent"]
        if r.cues.has("COMPLEMENT") and len(percents) == 1:
            # "What share did not go ahead?" of "93% still took place": the rest, 7%.
            one = percents[0]
            remainder = format_number(100 - one.value)
            wrong = any(n != one.value for n in q.numbers if n <= 100)
            note = f"The article says {one.display}, not the figure in your question. " \
                if wrong else ""
            return self._figure_answer(r, "aggregate", (
                f"{note}{remainder}%: 100% − {one.display} = {remainder}% (“{one.span}”, "
                f"{one.passage})."), [one])
        # "how long was the march 2023 strike": that round's row, not this one's.
        rows = [next((v for v in self.look.variants if v.subject == f.subject and
                      v.measure == f.measure and v.dims and set(v.dims) <= set(r.own_dims)),
                     f)
                for f in rows]
        rows = list(dict.fromkeys(rows))  # (a row two cues found is given once)
        text = " ".join(self._figure_sentence(f) for f in rows)
        correction = self._premise(r, rows)
        if correction:
            text = correction + " " + text
        return self._figure_answer(r, "figure", text, rows)


    def _other_orgs_figure(self, r: Reading, rows: list[Figure]) -> Answer | None:
        """'govt agreed to the 29% in the end, true?': the 29% is the union's claim, and the
        government's own figure is another."""
        if r.q.form != "yesno" or len(rows) != 1 or len(r.orgs) != 1:
            return None
        claimed, org = rows[0], r.orgs[0]
        theirs = [f for f in self.look.org_rows.get(org.id, ()) if f.unit == claimed.unit]
        if not theirs or claimed in theirs or not any(
                claimed in found for k, found in self.look.org_rows.items() if k != org.id):
            return None
        text = " ".join(self._figure_sentence(f) for f in [claimed, *theirs])
        return self._figure_answer(r, "figure", f"No: {claimed.display} is {claimed.measure}, "
                                                f"not {org.name}'s figure. {text}",
                                   [claimed, *theirs])

    def _org_figures(self, r: Reading, conv: Conversation) -> list[Figure]:
        """'what did the govt give them', 'n govt?' after the pay claim: the figures of the
        organisation named, of the kind asked (given, demanded) or of the last answer's unit."""
        rows = [f for o in r.orgs for f in self.look.org_rows.get(o.id, ())]
        if not rows or len(r.orgs) != 1 or r.subjects or any(r.cue_hits.values()) or \
                len(r.q.terms) > 6 or r.q.numbers or r.cues.has("SPEECH_Q") or \
                r.q.form not in ("what", "which", "other", "how much"):
            return []
        named = {t for o in r.orgs for t in self.look.people_terms_of(o)}
        if len(set(r.q.terms) - named) > 1:
            return []  # ("what did the bma want the govt to do": not a figure of theirs)
        if r.modality:
            rows = [f for f in rows if self.look.row_modality.get(f.id) == r.modality]
        elif r.cues.has("FOLLOWUP") and conv.turns and not set(r.q.terms) - named:
            last = conv.turns[-1].answer
            units = {f.unit for f in self.look.others if f.span and f.span in last}
            rows = [f for f in rows if f.unit in units]
        else:
            return []
        first = rows[0].subject if rows else ""
        return [f for f in rows if f.subject == first]

    def _other_period(self, r: Reading, rows: list[Figure]) -> Answer | None:
        """'Has the government offered 5.4% for next year?', 'the 1,243 fall was against the
        April 2023 strike?': a figure the article gives for another time than the claim's."""
        asked = r.cues.first("PERIOD_PHRASE")
        if r.q.form != "yesno" or not rows or asked is None:
            return None
        said = " ".join(f"{f.period} {f.span} {f.measure}".lower() for f in rows)
        if asked.group().lower() in said:
            return None
        row = rows[0]
        when = row.period or row.span
        return self._figure_answer(r, "figure", f"No: the article gives {row.display} for "
                                                f"{when}, not {asked.group()}: "
                                                f"{self._figure_sentence(row)}", rows[:1])

    def _said_by(self, row: Figure) -> str:
        """Whose words a figure is in, named with their role ('' for the narration's)."""
        quoted = self._quoted_by(row)
        passage = self.look.corpus.passage(row.passage)
        said = [quoted] if quoted is not None else [
            self.look.people[s] for s in (passage.speakers if passage else ())
            if s in self.look.people]
        return " and ".join(f"{p.name} ({p.role})" for p in said)

    def _whose_figure(self, r: Reading, rows: list[Figure]) -> Answer | None:
        """'Is the 35 per cent figure taken from the BMA co-chairs' statement?': whose words
        the figure is in, against whose the question says."""
        if r.q.form != "yesno" or len(rows) != 1 or not r.people or \
                not (r.cues.has("ATTRIBUTION") or r.phrase_speakers):
            return None  # ("does the BMA itself say it is demanding 35 per cent?")
        row = rows[0]
        passage = self.look.corpus.passage(row.passage)
        if passage is None or not passage.speakers:
            return None
        asked = {p.id for p in self.look.with_members(list(r.phrase_speakers or r.people))}
        quoted = self._quoted_by(row)
        said = [quoted] if quoted is not None else [
            self.look.people[s] for s in passage.speakers if s in self.look.people]
        if not said:
            return None
        names = " and ".join(p.name for p in said)
        if asked & {p.id for p in said} and not r.cues.has("ATTRIBUTION"):
            return None  # "According to Barclay, would every …?": his words; the claim decides
        verdict = "Yes" if asked & {p.id for p in said} else "No"
        return self._figure_answer(r, "figure", f"{verdict}: {row.display} is in the words of "
                                                f"{names}: “{row.span}” ({row.passage}).", [row])
