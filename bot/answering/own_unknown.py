"""A question set against "us" before the chat has said who "us" is."""

from __future__ import annotations

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from .figure_tools import FigureWork

# The computations that set "us" against one part: "us" can then be no whole the part is in.
NEEDS_US = frozenset({"difference", "ratio"})


class OwnUnknownAnswerer(FigureWork):
    """'how many more did UHNM have than us' in a chat that never said which part it is: who
    "us" is, asked back, rather than a guess."""

    name = "own_unknown"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        # (not "what % of that is ours": a team of the whole area speaks for all of it)
        if r.own is not None or not r.cues.has("US_ASKED") or r.op not in NEEDS_US or \
                r.people or len(r.subjects) != 1 or r.subjects[0].scope != "part":
            return None
        names = [a for f in self.look.parts[:1] for a in (f.subject, *f.aliases)
                 if len(a) >= 4 and not a.isupper()]
        example = min(names, key=len) if names else "…"
        part = self.lex.profile.part
        return self.look.abstain(r.q, f"Which {part} is “us”? Say which one you are (for "
                                      f"example “we're {example}”) and ask again.")
