"""A question about something the article never mentions."""

from __future__ import annotations

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from .figure_tools import FigureWork


class UnmentionedAnswerer(FigureWork):
    """'does it say anything abt pharmacy clinics being hit at ours?': the article never uses
    those words, so it doesn't say; what it does give for the subject asked about, if any."""

    name = "unmentioned"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if not r.unmentioned or r.q.form not in ("yesno", "other", "what"):
            return None
        topic = " or ".join(dict.fromkeys(r.unmentioned))
        text = f"The article doesn't mention {topic}."
        parts = [f for f in r.subjects if f.is_count]
        if len(parts) == 1:
            f = parts[0]
            text += f" It gives {f.subject}'s {self.lex.profile.counted} only in all: " \
                    f"{f.display} ({f.passage})."
        return self.look.abstain(r.q, text)
