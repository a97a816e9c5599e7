"""Turns a question into an Answer: table look-ups, computations, or a quoted sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from .answer import Answer
from .answering import Corrections, build_answerers
from .conversation import Conversation
from .corpus import Corpus
from .lookups import Lookups
from .question import Question
from .reading import Outline, Parser, Reading
from .retrieval import Retriever
from .rules import ELLIPTIC_PART


class Composer:
    """Reads a question once, then asks the answerers in turn; corrects wrong premises."""

    def __init__(self, corpus: Corpus, retriever: Retriever) -> None:
        self.look = Lookups(corpus)
        self.lex = self.look.lex
        self.parser = Parser(self.look)
        self.answerers = build_answerers(self.look, retriever)
        self.corrections = Corrections(self.look)

    def answer(self, raw: str, conversation: Conversation | None = None) -> Answer:
        outline = self.parser.outline(raw if isinstance(raw, str) else str(raw))
        answer = self._answer(outline, conversation)
        # "True or false: …" is answered in its own words as well as yes or no.
        if outline.true_or_false and not answer.abstained:
            verdict = re.match(r"(Yes|No)\b[.:,]?", answer.answer)
            if verdict:
                word = "True" if verdict.group(1) == "Yes" else "False"
                return replace(answer, answer=f"{word} — {answer.answer}")
        return answer

    def _answer(self, outline: Outline, conversation: Conversation | None) -> Answer:
        q = outline.q
        if outline.problem:
            return Answer(q.raw, outline.problem, True, "none")
        conv = conversation or Conversation()
        if outline.small_talk:
            return Answer(q.raw, "You're welcome! Ask me anything else about the article."
                          if outline.small_talk == "thanks" else self.lex.greeting(), True,
                          "none")
        if outline.asked is not None:
            # The question proper is answered; what was said before it is checked, not taken
            # (though whom it names is who "he" or "she" in the question stands for).
            before = self.parser.read(self.parser.outline(outline.preamble).q,
                                      replace(conv, turns=list(conv.turns)))
            named = [p.id for p in (*before.people, *before.described) if p.is_person]
            if named:
                conv.people = tuple([p for p in conv.people if p not in named] + named)[-6:]
            parts_named = [f for f in before.subjects if f.scope == "part"]
            if outline.workplace and len(parts_named) == 1:  # (a new line: a new "us")
                before = replace(before, own=parts_named[0])  # "hr at rwt. whats our …"
            if before.own is not None:
                conv.own = before.own.id  # "we're walsall. whats …": who "we" are, no topic
            elif before.subjects:  # (its topic: the first subject it names)
                conv.subjects = conv.focus = (before.subjects[0].id,)
            if before.dims:  # ("my clinic … got cancelled on the monday. how many … that day?")
                conv.dims = before.dims
            answer = self._answer_parts(outline.asked, outline.parts, conv) if outline.parts \
                else self._answer_one(outline.asked, conv)
            misplaced = self._misplaced(before)
            if misplaced and not answer.abstained:
                answer = replace(answer, answer=f"{misplaced} {answer.answer}")
            if outline.note or q.injected:
                note = ("I answer only from the article; the note in your message does not "
                        "change it.")
                text = answer.answer.removeprefix(  # (one notice, not two)
                    "I answer only from the article, and it does not support the figure in your "
                    "message. ")
                return replace(answer, question=q.raw, answer=f"{note} {text}")
            scratch = replace(conv, turns=list(conv.turns))
            return replace(self.corrections.apply(self.parser.read(q, scratch), answer, ""),
                           question=q.raw)
        if outline.parts:
            return self._answer_parts(q, outline.parts, conv)
        return self._answer_one(q, conv)

    def _misplaced(self, before: Reading) -> str:
        """'and whitmore at SFH - did she …': a person put at a part they are not at."""
        persons = [p for p in before.people if p.is_person]
        parts = [f for f in before.subjects if f.scope == "part"]
        if len(persons) != 1 or len(parts) != 1:
            return ""
        person, part = persons[0], parts[0]
        theirs = self.look.works_for(person)
        if theirs is None or theirs is part:
            return ""
        return f"{person.name} is {person.role}, at {theirs.subject}, not {part.subject}."

    def _answer_parts(self, q: Question, parts: tuple[Question, ...],
                      conv: Conversation) -> Answer:
        """Every part of a multi-part question, in order, each seeing the ones before —
        unless the table answers the whole at once ("the demand, and in cash?")."""
        scratch = replace(conv, turns=list(conv.turns))
        if self.parser.read(q, scratch).timing_only:
            return self._answer_one(q, conv)  # "On which days, and at what time, …"
        whole = self._answer_one(q, scratch)
        if whole.kind in ("figure", "aggregate") and len(whole.figures) >= 2 and \
                not self._counts(whole):
            return self._answer_one(q, conv)
        answers: list[Answer] = []
        for i, p in enumerate(parts):
            if answers and answers[-1].abstained and (ELLIPTIC_PART.match(p.low) or re.match(
                    r"^\W*(?:and |so )?(?:how many|how much)\b[^?]*\b(?:they|them|it)\b", p.low)
                    and len(p.terms) <= 3):  # ("…outside those 4 trusts, how many did they …")
                # "when is the next strike, and for how long?": of that strike too, unknown
                answers.append(answers[-1])
                continue
            conv.in_message = i > 0
            try:
                answers.append(self._answer_one(p, conv))
            finally:
                conv.in_message = False
        if sum(not a.abstained for a in answers) >= 1:
            return _joined(q.raw, answers)
        return self._answer_one(q, conv)

    def _answer_one(self, q: Question, conv: Conversation) -> Answer:
        reading = self.parser.read(q, conv)
        other = reading.other_staff
        staff = self.lex.profile.staff_name
        alone = other and not reading.staff_named and not reading.people
        if alone and reading.other_strike and reading.restaffed is not None:
            # "How many were cancelled in the nurses' strike?": put right, then answered.
            answer = self._answer_one(reading.restaffed, conv)
            if not answer.abstained:
                return replace(answer, question=q.raw, answer=(
                    f"The article is about {staff}, not {other}. {answer.answer}"))
        if alone:
            return Answer(q.raw, f"The article is about {staff}; it says nothing about "
                          f"{other}.", True, "none")
        answer = next(a for a in (answerer.run(reading, conv) for answerer in self.answerers)
                      if a is not None)
        answer = self.corrections.apply(reading, answer, other)
        self._update(conv, reading, answer)
        return answer

    def _counts(self, answer: Answer) -> tuple[str, ...]:
        """The ids of the counts an answer used (rows summed for it are none of them)."""
        return tuple(f.id for f in answer.figures
                     if (row := self.look.by_id.get(f.id)) is not None and row.is_count)

    def _update(self, conv: Conversation, r: Reading, answer: Answer) -> None:
        if r.own is not None:
            conv.own = r.own.id
        if answer.figures or not answer.abstained:
            conv.values = answer.values
        if not answer.figures and r.dims and not answer.abstained and all(
                k not in self.look.partitions for k, _ in r.dims):
            conv.dims = r.dims  # ("how does this compare to the april 23 strike?" in words)
        if answer.figures:
            conv.dims = r.dims
            focus = answer.focus or self._counts(answer)
            if r.dims and len(r.subjects) == 1 and r.subjects[0].scope == "whole":
                focus = (r.subjects[0].id,)  # "outpts only, both trusts?": the whole, again
            if focus and focus != conv.focus:
                conv.earlier_focus, conv.focus = conv.focus, focus
            conv.op = r.op or ""
            conv.dim_asked, conv.direction = r.dim_asked, r.direction
            conv.base = tuple(f.id for f in r.subjects if f.scope != "part") if r.op else ()
            against = tuple(dict.fromkeys(f.id for f in answer.figures if f.id not in focus))
            if r.op == "share" and against and all(
                    (g := self.look.by_id.get(k)) is not None and g.scope != "part"
                    for k in against):
                conv.base = against  # "notts share of that?": of England's, the last figure
            conv.positional = r.positional
        if answer.figures and answer.kind == "figure":
            ids = self._counts(answer)
            if ids:
                conv.subjects = ids
            conv.intent = "figure"
        elif answer.figures:
            # (a share's subjects are the ones measured, not the whole's parts it is of)
            measured = tuple(k for k in answer.focus if (g := self.look.by_id.get(k)) is not None
                             and g.scope == "part") if r.op == "share" else ()
            conv.subjects = measured or tuple(dict.fromkeys(
                f.id for f in answer.figures if (g := self.look.by_id.get(f.id)) is not None
                and g.scope == "part")) or conv.subjects
            conv.intent = "aggregate"
        elif r.timing and (not answer.abstained or r.timing_only):
            conv.intent = "timing"  # "dates?" … "next ones?"
        elif not answer.abstained:
            conv.intent = "passage"
        # (a person described, not named, is who "she" is next: "NUH's deputy med director …
        # who is she")
        named = list(dict.fromkeys(p.id for p in (*r.people, *r.described) if p.is_person or
                                   p in r.people))
        for c in answer.citations:
            passage = self.look.corpus.passage(c.passage)
            if passage:
                named += [s for s in passage.speakers if s not in named]
        if named:
            conv.people = tuple([p for p in conv.people if p not in named] + named)[-6:]


def _joined(raw: str, answers: list[Answer]) -> Answer:
    """One answer from the answers to each part of a question (a part the others already
    answered, "and how many?", adds no "doesn't say")."""
    texts = list(dict.fromkeys(a.answer for a in answers if not a.abstained or len(
        a.question.split()) >= 6))
    answered = [a for a in answers if not a.abstained]
    return Answer(raw, " ".join(texts), not answered, answered[0].kind if answered else "none",
                  tuple(dict.fromkeys(c for a in answers for c in a.citations)),
                  tuple(dict.fromkeys(f for a in answers for f in a.figures)),
                  highlights=tuple(dict.fromkeys(h for a in answers for h in a.highlights)),
                  focus=next((a.focus for a in reversed(answers) if a.focus), ()))
