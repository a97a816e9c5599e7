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
        wrong = self._wrong_figure(r)
        if wrong is not None and wrong.id not in used:
            notes.append(f"The article says {wrong.stated}, not the figure in your question: "
                         f"“{wrong.span}” ({wrong.passage}).")
        if other and r.people:
            notes.append(f"The article is about {self.lex.profile.staff_name}, not {other}.")
        persons = [p for p in r.people if p.is_person]
        claim = r.cues.first("ROLE_CLAIM")
        if claim and len({p.role for p in persons}) == 1 and claim.group(1).lower() not in \
                persons[0].role.lower() and not any(
                    claim.group(0).lower() in a.lower() for a in persons[0].aliases):
            who = " and ".join(p.name for p in persons)
            notes.append(f"{who} {'is' if len(persons) == 1 else 'are'} the "
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
        return replace(answer, answer=" ".join(notes) + " " + answer.answer,
                       figures=answer.figures + extra)

    def _wrong_figure(self, r: Reading) -> Figure | None:
        """A strike-length or pay figure the question states and the article contradicts
        ("given the strike only lasted three days, …")."""
        q = r.q
        if any(k == "round" for k, _ in r.dims):
            return None  # "the three-day strike in March" names another round, not a premise
        for f in self.look.others:
            if f.unit not in UNIT_PATTERNS or not (q.injected or self._cue_hits(f, r)):
                continue
            if any(unit == f.unit and value != f.value for unit, value in r.stated):
                return f
        return None
