"""The answerers by name, and the order the composer asks them in."""

from __future__ import annotations

from collections.abc import Callable

from ..lookups import Lookups
from ..retrieval import Retriever
from .advice import AdviceAnswerer
from .aggregate import AggregateAnswerer
from .base import Answerer
from .breakdown import BreakdownAnswerer
from .composition import CompositionAnswerer
from .coverage import CoverageAnswerer
from .described import DescribedAnswerer
from .figure import FigureAnswerer
from .other_figure import OtherFigureAnswerer
from .own_unknown import OwnUnknownAnswerer
from .passage import PassageAnswerer
from .people import (
    CalledAnswerer,
    PeopleAnswerer,
    QuotedAnswerer,
    StatementByAnswerer,
    WhoSaidThatAnswerer,
    WhyThatAnswerer,
)
from .person_place import PersonPlaceAnswerer
from .sites import SiteAnswerer
from .speech import SpeechAnswerer
from .timing import TimingAnswerer
from .unmentioned import UnmentionedAnswerer

Factory = Callable[[Lookups, Retriever], Answerer]

# Who a question is about comes before what it counts; the text is the last resort.
ANSWERERS: dict[str, Factory] = {
    "who_said_that": lambda look, _: WhoSaidThatAnswerer(look),
    "statement_by": lambda look, _: StatementByAnswerer(look),
    # "why?" right after someone's words: what they say next.
    "why_that": lambda look, _: WhyThatAnswerer(look),
    # "does it say anything abt pharmacy clinics?": words the article never uses, before
    # anyone's words or figures are looked for.
    "unmentioned": lambda look, _: UnmentionedAnswerer(look),
    # "she's our elective lead at stoke yeah?": where the person works, before who they are.
    "person_place": lambda look, _: PersonPlaceAnswerer(look),
    "people": lambda look, _: PeopleAnswerer(look),
    # When the event happened, or when a speaker said something would happen, before the
    # figures and the rest of speech: "strike hrs? what time did they start", "did she give
    # a date for rebooking?".
    "timing": lambda look, retriever: TimingAnswerer(look, retriever.index.article_model),
    # Before "quoted": "who originally said … and who is quoting" is about speech.
    "speech": SpeechAnswerer,
    "quoted": lambda look, _: QuotedAnswerer(look),
    "called": lambda look, _: CalledAnswerer(look),
    "composition": lambda look, _: CompositionAnswerer(look),
    # A claim over every day and every subject, cell by cell, before the sums.
    "coverage": lambda look, _: CoverageAnswerer(look),
    # "nuh by day?": one figure at every value of a dimension.
    "breakdown": lambda look, _: BreakdownAnswerer(look),
    # "is rwt the foundation trust?": a claim about which part a name word picks out.
    "described": lambda look, _: DescribedAnswerer(look),
    # "kings mill is an NUH hosp right?": who runs a place the article lists.
    "site": lambda look, _: SiteAnswerer(look),
    # "how many more than us?" before the chat said who "us" is: asked back, not guessed.
    "own_unknown": lambda look, _: OwnUnknownAnswerer(look),
    # "what do i tell pts who've got an appt": the article's advice, in words.
    "advice": lambda look, _: AdviceAnswerer(look),
    "aggregate": lambda look, _: AggregateAnswerer(look),
    "figure": lambda look, _: FigureAnswerer(look),
    "other_figure": lambda look, _: OtherFigureAnswerer(look),
    "passage": PassageAnswerer,
}


def build_answerers(look: Lookups, retriever: Retriever,
                    names: tuple[str, ...] = tuple(ANSWERERS)) -> tuple[Answerer, ...]:
    """The answerers named, in that order, over one article's lookups."""
    return tuple(ANSWERERS[n](look, retriever) for n in names)
