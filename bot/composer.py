"""Turns a question into an Answer: table look-ups, computations, or a quoted sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from .answer import Answer
from .conversation import Conversation
from .figure_answers import FigureAnswers
from .passage_answers import PassageAnswers
from .question import NOTE_WORDS, Question, problem_with, read, split_parts, split_preamble
from .reading import Reading
from .speech_answers import speech_answer

SMALL_TALK = re.compile(r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|thanks?|"
                        r"thank you|cheers|ok|okay|bye|goodbye)\b[\s!.,?]*(?:there|bot|"
                        r"strikebot|very much|a lot)?[\s!.,?]*$")
# A job title a question gives someone ("Diane Wake, chief executive of Walsall Healthcare").
ROLE_CLAIM = re.compile(r"\b(chair(?:man|woman)?|chief executive|ceo|director|head|leader|"
                        r"minister|president|spokes(?:person|man|woman)|manager|boss|"
                        r"chancellor|prime minister)\b(?: (?:of|for|at) (?:the )?[A-Z][\w ]*?)?"
                        r"(?=[,?.]|$| say| said| and)", re.I)


class Composer(FigureAnswers, PassageAnswers):
    """Tries the table first, then people, then the text; abstains when nothing fits."""

    def answer(self, raw: str, conversation: Conversation | None = None) -> Answer:
        q = read(raw if isinstance(raw, str) else str(raw), self.lex.abbreviations)
        problem = problem_with(q.raw, q.text, self.lex.profile.about, self.lex.example())
        if problem:
            return Answer(q.raw, problem, True, "none")
        conv = conversation or Conversation()
        if SMALL_TALK.match(q.low):
            thanks = re.match(r"^(?:thanks?|thank you|cheers)\b", q.low)
            return Answer(q.raw, "You're welcome! Ask me anything else about the article."
                          if thanks else self.lex.greeting(), True, "none")
        preamble, asked = split_preamble(q.text)
        if preamble:
            # The question proper is answered; what was said before it is checked, not taken.
            answer = self._answer_one(read(asked, self.lex.abbreviations), conv)
            if NOTE_WORDS.search(preamble) or q.injected:
                note = ("I answer only from the article; the note in your message does not "
                        "change it.")
                return replace(answer, question=q.raw, answer=f"{note} {answer.answer}")
            scratch = replace(conv, turns=list(conv.turns))
            return replace(self._with_corrections(self._read(q, scratch), answer, ""),
                           question=q.raw)
        parts = split_parts(q.text)
        if len(parts) > 1:
            # Every part of a multi-part question, in order, each seeing the ones before —
            # unless the table answers the whole at once ("the demand, and in cash?").
            scratch = replace(conv, turns=list(conv.turns))
            whole = self._answer_one(q, scratch)
            if whole.kind in ("figure", "aggregate") and len(whole.figures) >= 2:
                return self._answer_one(q, conv)
            answers = [self._answer_one(read(p, self.lex.abbreviations), conv) for p in parts]
            if sum(not a.abstained for a in answers) >= 1:
                return _joined(q.raw, answers)
        return self._answer_one(q, conv)

    def _answer_one(self, q: Question, conv: Conversation) -> Answer:
        reading = self._read(q, conv)
        other = self.lex.other_staff.search(q.low)
        if other and q.low[other.end():].split()[:1] and \
                q.low[other.end():].split()[0] in self.lex.counted_nouns:
            other = None  # "GP appointments" are appointments, not a staff group
        staff = self.lex.profile.staff_name
        event = other and re.match(r"(?:'s?|s')?\s*(?:strikes?|walk-?outs?|action|industrial)\b",
                                   q.low[other.end():])
        if other and event and not self.lex.staff.search(q.low) and not reading.people:
            # "How many were cancelled in the nurses' strike?": put right, then answered.
            instead = read(q.text[:other.start()] + staff + q.text[other.end():],
                           self.lex.abbreviations)
            answer = self._answer_one(instead, conv)
            if not answer.abstained:
                return replace(answer, question=q.raw, answer=(
                    f"The article is about {staff}, not {other.group()}. {answer.answer}"))
        if other and not self.lex.staff.search(q.low) and not reading.people:
            return Answer(q.raw, f"The article is about {staff}; it says nothing about "
                          f"{other.group()}.", True, "none")
        answer = (self._people(reading) or speech_answer(self, reading) or self._quoted(reading)
                  or self._called(reading)
                  or self._aggregate(reading, conv)
                  or self._figure(reading, conv) or self._other_figure(reading)
                  or self._passage(reading))
        answer = self._with_corrections(reading, answer, other.group() if other else "")
        self._update(conv, reading, answer)
        return answer

    def _with_corrections(self, r: Reading, answer: Answer, other: str) -> Answer:
        """Put right what a question assumes wrongly, whatever else it asks."""
        notes = []
        used = {f.id for f in answer.figures}
        wrong = self._wrong_figure(r)
        if wrong is not None and wrong.id not in used:
            notes.append(f"The article says {wrong.stated}, not the figure in your question: "
                         f"“{wrong.span}” ({wrong.passage}).")
        if other and r.people:
            notes.append(f"The article is about {self.lex.profile.staff_name}, not {other}.")
        persons = [p for p in r.people if p.is_person]
        claim = ROLE_CLAIM.search(r.q.text)
        if claim and len({p.role for p in persons}) == 1 and claim.group(1).lower() not in \
                persons[0].role.lower() and not any(
                    claim.group(0).lower() in a.lower() for a in persons[0].aliases):
            who = " and ".join(p.name for p in persons)
            notes.append(f"{who} {'is' if len(persons) == 1 else 'are'} the "
                         f"{persons[0].role}, not {claim.group(0).strip()} "
                         f"({persons[0].introduced}).")
        if not notes:
            return answer
        if answer.abstained:
            text = " ".join(notes)
            if wrong is None:
                return replace(answer, answer=text, abstained=False, kind="passage")
            return replace(answer, answer=text, abstained=False, kind="figure",
                           figures=(wrong.ref(),), citations=(self._cite(wrong.passage, 1.0),))
        extra = (wrong.ref(),) if wrong is not None else ()
        return replace(answer, answer=" ".join(notes) + " " + answer.answer,
                       figures=answer.figures + extra)

    def _update(self, conv: Conversation, r: Reading, answer: Answer) -> None:
        if answer.figures:
            conv.dims = r.dims
            focus = answer.focus or tuple(f.id for f in answer.figures
                                          if self.by_id[f.id].is_count)
            if focus and focus != conv.focus:
                conv.earlier_focus, conv.focus = conv.focus, focus
            conv.op = r.op or ""
            conv.base = tuple(f.id for f in r.subjects if f.scope != "part") if r.op else ()
            conv.positional = r.positional
        if answer.figures and answer.kind == "figure":
            ids = tuple(f.id for f in answer.figures if self.by_id[f.id].is_count)
            if ids:
                conv.subjects = ids
            conv.intent = "figure"
        elif answer.figures:
            conv.subjects = tuple(f.id for f in answer.figures
                                  if self.by_id[f.id].scope == "part") or conv.subjects
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
