"""What a question assumes wrongly, put right whatever else it asks: a figure, a job title,
another staff group."""

from __future__ import annotations

from dataclasses import replace

from ..answer import Answer
from ..figures import Figure
from ..reading import Reading
from ..rules import UNIT_PATTERNS
from .figure_tools import FigureWork


class Corrections(FigureWork):
    """Notes put before an answer when the question's premise is wrong."""

    def apply(self, r: Reading, answer: Answer, other: str) -> Answer:
        """Put right what a question assumes wrongly, whatever else it asks."""
        notes = []
        used = {f.id for f in answer.figures}
        misstated = self._misstated(r)
        for f, note in misstated:
            # (a figure answer that gives the right figure says it; a computation says why)
            if f.id not in used or note.startswith(f"{f.display} is") or \
                    answer.kind == "aggregate":
                notes.append(note)
        wrong = misstated[0][0] if misstated else None
        if notes and r.q.form == "yesno":
            notes[0] = f"No: {notes[0]}"
        if other and r.people:
            notes.append(f"The article is about {self.lex.profile.staff_name}, not {other}.")
        persons = [p for p in r.people if p.is_person]
        claim = r.cues.first("ROLE_CLAIM")
        for_us = r.cues.has("OUR_LEADER") and all(p in r.referred for p in persons)
        if claim and not for_us and len({p.role for p in persons}) == 1 and \
                claim.group(1).lower() not in \
                persons[0].role.lower() and not any(
                    claim.group(0).lower() in a.lower() for a in persons[0].aliases):
            who = " and ".join(p.name for p in persons)
            verdict = "No: " if r.q.form == "yesno" and not notes else ""
            notes.append(f"{verdict}{who} {'is' if len(persons) == 1 else 'are'} the "
                         f"{persons[0].role}, not {claim.group(0).strip()} "
                         f"({persons[0].introduced}).")
        if not notes:
            return answer
        if answer.abstained:
            text = " ".join(notes)
            if wrong is None:
                return replace(answer, answer=text, abstained=False, kind="passage")
            return replace(answer, answer=text, abstained=False, kind="figure",
                           figures=(wrong.ref(),), citations=(self.look.cite(wrong.passage, 1.0),))
        extra = (wrong.ref(),) if wrong is not None else ()
        rest = answer.answer[:1].upper() + answer.answer[1:]
        return replace(answer, answer=" ".join(notes) + " " + rest,
                       figures=answer.figures + extra)

    def _misstated(self, r: Reading) -> list[tuple[Figure, str]]:
        """Each strike-length or pay figure the question states that the article contradicts,
        read against the row its own clause names ("the BMA seeking 25% and the government
        holding at 5.4%": 25% is wrong, 5.4% right), with the note that puts it right."""
        if any(k == "round" for k, _ in r.dims):
            return []  # "the three-day strike in March" names another round, not a premise
        out: list[tuple[Figure, str]] = []
        blank = {f.id: () for f in self.look.others}
        for unit, value, hits in r.stated_in:
            if unit not in UNIT_PATTERNS:
                continue
            clause = replace(r, cue_hits={**blank, **hits})
            rows = [f for f in self.look.others if f.unit == unit and (
                hits.get(f.id) or r.q.injected)]
            event = None
            only = [f for f in self.look.others if f.unit == unit]
            if not rows and unit == "days" and self.look.days is not None and \
                    r.cues.has("event_words"):
                # "Given the junior doctors were out for five days, …": the event's length.
                rows = [event := self.look.days]
            elif not rows and unit == "pounds" and len(only) == 1:
                rows = [event := only[0]]  # "some jds getting £35k more": the one sum in £
            if not rows:
                continue
            best = max(rows, key=lambda f: (self._cue_score(f, clause),
                                            self._measure_overlap(f, r),
                                            f.id not in self.look.margins))
            if best.value == value or not (self._cue_score(best, clause) or r.q.injected or
                                           best is event):
                continue
            theirs = next((g for g in self.look.others if g.unit == unit and g.value == value),
                          None)
            if theirs is not None:
                # "an average rise of 9.3%": 9.3% is the lowest-paid's; the average 4.75%.
                out.append((best, f"{theirs.display} is the {theirs.measure} (“{theirs.span}”, "
                                  f"{theirs.passage}), not the {best.measure}, which is "
                                  f"{best.stated} (“{best.span}”, {best.passage})."))
            else:
                out.append((best, f"The article says {best.stated}, not the figure in your "
                                  f"question: “{best.span}” ({best.passage})."))
        return out
