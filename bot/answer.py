"""The Answer object every front end renders."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

AnswerKind = Literal["figure", "aggregate", "passage", "none"]


@dataclass(frozen=True)
class Citation:
    passage: str
    text: str
    score: float


@dataclass(frozen=True)
class FigureRef:
    """A row of the figures table that an answer used."""

    id: str
    subject: str
    value: float
    display: str
    qualifier: str
    passage: str


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    kind: AnswerKind
    citations: tuple[Citation, ...] = ()
    figures: tuple[FigureRef, ...] = ()
    # Plain-text pieces front ends may emphasise (the figure, the quoted sentence); never needed.
    highlights: tuple[str, ...] = field(default=(), compare=False)
    notice: str = ""
    # The figure ids the answer is about ("the fewest": that one), for follow-ups; not shown.
    focus: tuple[str, ...] = field(default=(), compare=False)
    # The two quantities a comparison set side by side ("by how many?" next); not shown.
    values: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("focus")
        data.pop("values")
        data["citations"] = [asdict(c) for c in self.citations]
        data["figures"] = [asdict(f) for f in self.figures]
        data["highlights"] = list(self.highlights)
        return data
