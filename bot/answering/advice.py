"""What the article tells patients to do: "what do i tell pts who've got an appt"."""

from __future__ import annotations

import re

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from ..text import content_terms
from .text_tools import TextWork

# The article's own advice: "Patients are being asked to attend appointments as planned …".
ADVICE_TEXT = re.compile(r"\b(?:(?:are|is) being (?:asked|told|advised|urged|encouraged) to|"
                         r"(?:are|is) (?:asked|told|advised|urged|encouraged) to|should (?:still )?"
                         r"(?:attend|come|turn up|go|contact|call))\b", re.I)


class AdviceAnswerer(TextWork):
    """The sentence of the article that advises patients, for a question asking what they
    should do (or be told)."""

    name = "advice"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if not r.cues.has("ADVICE_ASK"):
            return None
        asked = set(r.q.terms)
        found = [(len(asked & set(content_terms(s))), p.id, i)
                 for p in self.look.corpus.passages if not p.is_headline
                 for i, s in enumerate(p.sentences) if ADVICE_TEXT.search(s)]
        if not found:
            return None
        _, pid, number = max(found, key=lambda f: (f[0], -int(f[1][1:])))
        return self._quote(r, pid, number, 1.0)
