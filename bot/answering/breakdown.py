"""A figure broken down by one of the article's dimensions: "nuh by day?", "inpt/outpt split
for them?", "was that split over both days?"."""

from __future__ import annotations

from ..aggregates import cited_passages
from ..answer import Answer
from ..conversation import Conversation
from ..numbers import format_number
from ..reading import Reading
from .figure_tools import FigureWork


class BreakdownAnswerer(FigureWork):
    """Each subject's figure at every value of a partition (the value the article leaves out
    worked out as the total less the others), with a verdict on 'split over both?'."""

    name = "breakdown"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        key = r.split_by
        if not key or r.op not in (None, "total") or any(k == key for k, _ in r.dims):
            return None
        subjects = [f for f in r.subjects if f.is_count] or [
            self.look.main_row(f) for k in conv.focus if (f := self.look.by_id.get(k))
            is not None and f.is_count]
        subjects = list(dict.fromkeys(self.look.main_row(f) for f in subjects))
        values = list(self.lex.profile.dimensions.get(key, {}))
        if not subjects or len(subjects) > 3 or len(values) < 2:
            return None
        lines, used, spread = [], [], True
        for f in subjects:
            got: dict[str, float] = {}
            for v in values:
                rows = self._rows_at(f, (*r.dims, (key, v)))
                if rows:
                    got[v] = sum(x.value for x in rows)
                    used += rows
            missing = [v for v in values if v not in got]
            base = self._rows_at(f, r.dims) if r.dims else [f]
            if not got and base and len(subjects) == 1 and r.q.form != "yesno":
                # "so how was our 620 split btwn the 2 days": the article gives it whole
                return self.look.abstain(r.q, f"The article doesn't give {f.subject}'s figure by "
                                              f"{key}, only in all: {f.display} ({f.passage}).")
            if len(missing) > 1 or not base or not got:
                return None
            whole = sum(x.value for x in base)
            if missing:
                rest = whole - sum(got.values())
                if rest < 0:
                    return None
                if rest:  # (the total less the others, written out)
                    working = " − ".join(format_number(x) for x in [whole, *got.values()])
                    note = f" ({working} = {format_number(rest)})"
                else:
                    other = f"{key}s" if len(values) > 2 else key
                    note = f" (all {format_number(whole)} fell on the other {other})"
                got[missing[0]] = rest
            cells = [f"{v}: {format_number(got[v]) if got[v] else 'none'}"
                     f"{note if missing and v == missing[0] else ''}" for v in values]
            spread = spread and all(got[v] > 0 for v in values)
            used += [x for x in base if x not in used]
            lines.append(f"{f.subject}, by {key}: {'; '.join(cells)}")
        verdict = ("Yes: " if spread else "No: ") if r.q.form == "yesno" else ""
        text = f"{verdict}{'. '.join(lines)} ({cited_passages(*used)})."
        return self._figure_answer(r, "figure", text, used, focus=tuple(subjects))
