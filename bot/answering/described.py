"""Claims about which part a word of its name picks out: "is rwt the foundation trust?",
"which trust is the foundation trust? someone says wolverhampton"."""

from __future__ import annotations

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from .figure_tools import FigureWork


class DescribedAnswerer(FigureWork):
    """The part a word of its name describes, with a verdict on the part the question puts
    forward for it."""

    name = "described"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if len(r.by_word) != 1 or r.op is not None or r.q.numbers or r.line is not None or \
                r.dims or r.cues.has("count_words") or r.q.form not in ("yesno", "which", "what"):
            return None
        part, word = r.by_word[0]
        claimed = [f for f in r.subjects if f.scope == "part" and f is not part]
        if r.q.form != "yesno" and not claimed:
            return None  # "which is the foundation trust?": the figure answerer names it
        described = f"the {word}"
        verdict = ("No: " if claimed else "Yes: ") if r.q.form == "yesno" else ""
        text = f"{verdict}{part.subject} is {described}"
        if claimed:
            text += f", not {' or '.join(f.subject for f in claimed)}"
            # ("isnt the marsden a childrens hospital": what the article calls it instead)
            text += "".join(f"; {f.subject} is {said}" for f in claimed
                            if (said := self.look.description(f)))
        return self._figure_answer(r, "figure", f"{text} ({part.passage}).", [part],
                                   focus=(part,))
