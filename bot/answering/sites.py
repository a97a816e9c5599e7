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
        if r.site is None and (len(r.sites_named) >= 2 or r.sites_named and r.place) and \
                r.cues.has("PLACES_APART") and len(
                {self.look.main_row(f).id for f in r.subjects}) == 1 and r.q.form in (
                "how many", "how much", "which", "what", "yesno", "other"):
            # "how many of those were at city hospital vs qmc?": one trust's places apart
            owner = self.look.main_row(r.subjects[0])
            places = [*r.sites_named, *([r.place.removeprefix("vs ")] if len(
                r.sites_named) < 2 else [])]  # ("newark vs kmh": one name it doesn't list)
            return self.look.abstain(r.q, (
                f"The article gives {owner.subject}'s figure only for the whole "
                f"{self.lex.profile.part} ({owner.display}, {owner.passage}), not for "
                f"{' and '.join(places)} apart."))
        if r.site is None and len(r.sites_named) == 1 and r.cues.has("PLACE_ALONE") and len(
                {self.look.main_row(f).id for f in r.subjects}) == 1 and (r.q.form in (
                "how many", "how much", "what", "other") or r.q.form == "yesno" and r.q.numbers):
            # ("… qmc alone rebooked 500 patients - that's in the article, isn't it?": no)
            # "how many were rebooked at newark hosp specifically?": the part's figure only
            owner = self.look.main_row(r.subjects[0])
            return self.look.abstain(r.q, (
                f"The article gives {owner.subject}'s figure only for the whole "
                f"{self.lex.profile.part} ({owner.display}, {owner.passage}), not for "
                f"{r.sites_named[0]} alone."))
        if r.site is None:
            return None
        place, owner, claimed = r.site
        verdict = "Yes" if owner is claimed else "No"
        text = f"{verdict}: {place} is run by {owner.subject}"
        names = list(dict.fromkeys(name for f, name in self.look.sites.values() if f is owner))
        runs = [n for n in names if not any(o != n and o.startswith(n) for o in names)]
        if len(runs) > 1:  # ("… which others do they run")
            text += f" (which runs {', '.join(runs[:-1])} and {runs[-1]})"
        if owner is not claimed:
            text += f", not {claimed.subject}"
        return self._figure_answer(r, "figure", f"{text} ({owner.passage}).", [owner],
                                   focus=(owner,))
