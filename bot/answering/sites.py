"""Claims that a place is one of a part's: "kings mill is an NUH hosp right?"."""

from __future__ import annotations

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from .figure_tools import FigureWork


class SiteAnswerer(FigureWork):
    """Who runs the place a yes/no question names, against whom it says."""

    name = "site"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if r.site is None:
            return None
        place, owner, claimed = r.site
        verdict = "Yes" if owner is claimed else "No"
        text = f"{verdict}: {place} is run by {owner.subject}"
        if owner is not claimed:
            text += f", not {claimed.subject}"
        names = list(dict.fromkeys(name for f, name in self.look.sites.values() if f is owner))
        runs = [n for n in names if not any(o != n and o.startswith(n) for o in names)]
        if len(runs) > 1:  # ("… which others do they run")
            text += f", which runs {', '.join(runs[:-1])} and {runs[-1]}"
        return self._figure_answer(r, "figure", f"{text} ({owner.passage}).", [owner],
                                   focus=(owner,))
