"""Claims over every day (or type) and every subject, checked cell by cell."""

from __future__ import annotations

from ..aggregates import cited_passages
from ..answer import Answer
from ..conversation import Conversation
from ..figures import Figure
from ..reading import Reading
from ..text import format_number
from .figure_tools import FigureWork


class CoverageAnswerer(FigureWork):
    """'NUH rebooked at least one patient on every day of the walkout?', 'neither trust
    rebooked any on the Saturday?': each subject at each value, then the verdict."""

    name = "coverage"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if r.q.form != "yesno" or not self.look.partitions or r.q.numbers and not \
                r.number_words or not r.cues.has("count_words") or \
                r.cues.has("PEAK_WORD"):  # ("the worst day at both": a superlative)
            return None  # ("a full 24hr walkout both days?" counts nothing)
        words = [w for m in r.cues.every("EVERY_VALUE") for w in m.groups() if w]
        key = next((k for w in words for k in (w, w.rstrip("s")) if k in self.look.partitions),
                   "")
        asked = [v for k, v in r.dims if k == key] if key else []
        if not key:  # "neither trust … on the Saturday": every subject at the values named
            keyed = [k for k, _ in r.dims if k in self.look.partitions]
            if not keyed or not r.cues.has("EVERY_SUBJECT") or any(
                    f.scope == "part" for f in r.subjects):
                return None  # ("every one of Imperial's … on the first day": all of one)
            # (the key named at most values: "no o/p clinics … at the weekend": each day)
            key = max(keyed, key=lambda k: sum(d == k for d, _ in r.dims))
            asked = [v for k, v in r.dims if k == key]
        every = list(self.lex.profile.dimensions.get(key, {}))
        values = asked or every
        if len(asked) == 2 and r.cues.has("RANGE") and all(v in every for v in asked):
            # "from Friday to Tuesday": every value between, in the article's order
            first, last = sorted(every.index(v) for v in asked)
            values = every[first:last + 1]
        rest = tuple(d for d in r.dims if d[0] != key)
        subjects = [f for f in r.subjects if f.scope == "part"]
        if not subjects and (any(f.scope == "whole" for f in r.subjects) or
                             r.cues.has("EVERY_SUBJECT")):
            subjects = list(self.look.parts)
        if not subjects or len(values) < 1:
            return None
        none_claim = r.cues.has("NONE_CLAIM")
        failing: list[tuple[Figure, str, float]] = []
        holding: list[tuple[Figure, str, float]] = []
        used: list[Figure] = []
        unknown = False
        for f in subjects:
            for value in values:
                rows = self._rows_at(f, (*rest, (key, value)))
                if not rows:
                    none = [v for v in self.look.variants if v.subject == f.subject and
                            v.value == f.value and v.dims and v.dim(key) not in ("", value)
                            and not rest]
                    if not none:
                        unknown = True  # a cell the article doesn't give
                        continue
                    rows = none[:1]  # "every one of them on the second day": none on this
                    total = 0.0
                else:
                    total = sum(x.value for x in rows)
                used += rows
                holds = total == 0 if none_claim else total > 0
                (holding if holds else failing).append((f, value, total))
        what = f" ({self._describe_dims(rest)})" if rest else ""
        if failing:
            cells = _cells(failing, what)
            held = _cells([c for c in holding if c[0] in {g for g, _, _ in failing}], what)
            also = f" (against {held})" if held else ""
            return self._figure_answer(r, "aggregate", f"No: {cells}{also} "
                                                       f"({cited_passages(*used)}).", used)
        if unknown or not holding:
            return None  # every cell it gives holds, but not every cell is given
        cells = _cells(holding, what)
        return self._figure_answer(r, "aggregate", f"Yes: {cells} ({cited_passages(*used)}).", used)


def _cells(cells: list[tuple[Figure, str, float]], what: str) -> str:
    """'Nottingham University Hospitals NHS Trust, Saturday 26 July: 0; …'."""
    return "; ".join(f"{f.subject}, {value}{what}: {format_number(n)}" for f, value, n in cells)
