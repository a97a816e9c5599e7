"""Turns a question into an Answer: table look-ups, computations, or a quoted sentence."""

from __future__ import annotations

import re

from .answer import Answer
from .conversation import Conversation
from .figure_answers import FigureAnswers
from .passage_answers import PassageAnswers
from .question import problem_with, read
from .reading import Reading

SMALL_TALK = re.compile(r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|thanks?|"
                        r"thank you|cheers|ok|okay|bye|goodbye)\b[\s!.,?]*(?:there|bot|"
                        r"strikebot|very much|a lot)?[\s!.,?]*$")
GREETING = ("Hello! I answer questions about one article: the junior doctors' strike that "
            "cancelled more than 8,300 appointments in Staffordshire and the Black Country. "
            "Try \"How many appointments were cancelled at Walsall?\" or \"What did Steve "
            "Barclay say?\"")


class Composer(FigureAnswers, PassageAnswers):
    """Tries the table first, then people, then the text; abstains when nothing fits."""

    def answer(self, raw: str, conversation: Conversation | None = None) -> Answer:
        q = read(raw if isinstance(raw, str) else str(raw))
        problem = problem_with(q.raw, q.text)
        if problem:
            return Answer(q.raw, problem, True, "none")
        conv = conversation or Conversation()
        if SMALL_TALK.match(q.low):
            thanks = re.match(r"^(?:thanks?|thank you|cheers)\b", q.low)
            return Answer(q.raw, "You're welcome! Ask me anything else about the article."
                          if thanks else GREETING, True, "none")
        reading = self._read(q, conv)
        answer = (self._people(reading) or self._aggregate(reading, conv)
                  or self._figure(reading, conv) or self._other_figure(reading)
                  or self._passage(reading))
        self._update(conv, reading, answer)
        return answer

    def _update(self, conv: Conversation, r: Reading, answer: Answer) -> None:
        if answer.figures and answer.kind == "figure":
            ids = tuple(f.id for f in answer.figures if self.by_id[f.id].is_count)
            if ids:
                conv.subjects = ids
            conv.intent = "figure"
        elif answer.figures:
            conv.subjects = tuple(f.id for f in answer.figures
                                  if self.by_id[f.id].scope == "trust") or conv.subjects
            conv.intent = "aggregate"
        elif not answer.abstained:
            conv.intent = "passage"
        named = [p.id for p in r.people]
        for c in answer.citations:
            passage = self.corpus.passage(c.passage)
            if passage:
                named += [s for s in passage.speakers if s not in named]
        if named:
            conv.people = tuple([p for p in conv.people if p not in named] + named)[-6:]
