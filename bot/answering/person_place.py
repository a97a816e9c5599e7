"""A claim that a person is at a part: "she's our elective lead at stoke yeah?"."""

from __future__ import annotations

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from .figure_tools import FigureWork


class PersonPlaceAnswerer(FigureWork):
    """Whether the one person asked about works for the part (or either of the parts) the
    question puts them at, from their organisation in the article's table of people."""

    name = "person_place"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        persons = [p for p in r.people if p.is_person]
        parts = [f for f in r.subjects if f.scope == "part"]
        if r.own is not None and not parts and r.cues.has("OWN_WORDS"):
            parts = [r.own]  # "she's our elective lead yeah?"
        if r.q.form != "yesno" or len(persons) != 1 or not 1 <= len(parts) <= 2 or \
                r.q.numbers or r.op is not None or r.cues.has("count_words", "SPEECH_ACT_Q"):
            return None
        person = persons[0]
        theirs = self.look.works_for(person)
        where = f"{person.name} is {person.role} ({person.introduced})"
        if theirs in parts:
            return Answer(r.q.raw, f"Yes: {where}.", False, "passage",
                          (self.look.cite(person.introduced, 1.0),))
        named = " or ".join(f.subject for f in parts)
        if len(parts) == 2:
            # "is she dudley or walsall trust?": neither, as far as the article says
            return Answer(r.q.raw, f"The article doesn't put {person.name} at {named}: {where}.",
                          True, "none", (self.look.cite(person.introduced, 1.0),))
        return Answer(r.q.raw, f"No: {where}, not at {named}.", False, "passage",
                      (self.look.cite(person.introduced, 1.0),))
