"""What the answerers from the article's text share: quoting a sentence, describing people."""

from __future__ import annotations

import re

from ..answer import Answer, Citation
from ..lookups import Lookups
from ..people import Person
from ..question import Question
from ..reading import Reading
from ..rules import CLOSE_QUOTES, OPEN_QUOTES, WHOLE_QUOTE_CHARS
from ..text import content_terms


class TextWork:
    """Helpers over the article's text, for the answerers that quote it."""

    def __init__(self, look: Lookups) -> None:
        self.look = look
        self.lex = look.lex

    def _quote(self, r: Reading, pid: str, number: int, score: float,
               whole: bool = False) -> Answer:
        q = r.q
        passage = self.look.corpus.passage(pid)
        assert passage is not None
        sentence = passage.sentences[number]
        if whole and len(passage.text) <= WHOLE_QUOTE_CHARS and passage.text.startswith(
                ("\u201c", '"')):
            sentence = passage.text  # a short quote paragraph reads best whole
        verbatim = sentence  # citations quote the article as it is
        before = self.look.corpus.passage(f"p{int(pid[1:]) - 1:02d}")
        reason = ""
        why = q.form == "why" or r.cues.has("REASON_ASKED")
        back = why and re.match(r"^[“\"]?(?:This|That) is why\b", sentence) or r.cues.has(
            "REFERENT_ASKED") and re.match(r"^[“\"]?(?:This|That) (?:is|was)\b", sentence)
        if back and number > 0:
            reason = passage.sentences[number - 1]  # "This is double-speak": what "this" is
        elif back and number == 0 and before is not None and set(before.speakers) == set(
                passage.speakers):
            reason = before.sentences[-1]  # "This is why…" points back to the reason
        # An "It includes…" sentence right after is part of the same point.
        follow = self.look.corpus.passage(f"p{int(pid[1:]) + 1:02d}")
        extra = ""
        if number == len(passage.sentences) - 1 and follow and re.match(
                r"^(?:It|This|These|They) includes?\b", follow.text):
            extra = " " + follow.sentences[0]
        nxt = passage.sentences[number + 1] if number + 1 < len(passage.sentences) else ""
        if re.search(r"[,\u201d\"]\s*(?:he|she|they) said\.?$", sentence.strip()) and \
                nxt.lstrip().startswith(("\u201c", '"')):
            sentence = f"{sentence} {nxt}"  # '"X," she said. "Y."': one quote, split by its tag
        said = re.search(r"\bsaid:\s*[\u201c\"]", sentence)
        if said:
            sentence = sentence[said.end() - 1:]
        if not q.numbers:
            sentence = _without_stray_figures(sentence, set(q.terms))
        if reason:
            said_before = re.search(r"\bsaid:\s*[\u201c\"]", reason)
            shown = reason[said_before.end() - 1:] if said_before else reason
            sentence = shown.strip().rstrip(CLOSE_QUOTES) + " " + sentence.lstrip(OPEN_QUOTES)
        tagged = re.search(r"[,\u201d\"]\s*(?:he|she|they) said\.?$", sentence.strip())
        quoted = sentence.strip().strip("\u201c\u201d\"")
        quoted = re.sub(r",?[\"\u201d]?,?\s*(?:he|she|they) said\.?$", ".", quoted)
        speakers = [self.look.people[s] for s in passage.speakers if s in self.look.people]
        # ('"A lot of clinics …," she said.': whose words they are, by name)
        is_quote = passage.text.startswith(("\u201c", '"')) or (
            speakers and re.search(r"said:\s*[\u201c\"]", passage.text)) or (
            tagged and sentence.lstrip().startswith(("\u201c", '"')))
        if speakers and is_quote:
            who = _names(speakers)
            text = f"{who} said: “{quoted}” ({pid})"
        elif speakers and (q.form == "who" or r.cues.has("WHICH_PERSON") or re.match(
                r"^(?:He|She|They)\b", sentence) or r.quoted) and not any(
                p.name.split()[-1] in sentence for p in speakers):
            # ("He warned that a repeat … 'unacceptable'": who "he" is, said first)
            text = f"{_names(speakers)}: {sentence}{extra} ({pid})"
        else:
            text = f"{sentence}{extra} ({pid})"
        cites = [Citation(pid, verbatim, round(score, 3))]
        if reason:
            cites.insert(0, Citation(pid if number > 0 else before.id if before else pid, reason,
                                     round(score, 3)))
        if extra and follow:
            cites.append(Citation(follow.id, follow.sentences[0], round(score, 3)))
        return Answer(q.raw, text, False, "passage", tuple(cites), (),
                      highlights=(quoted,))

    def _not_mentioned(self, r: Reading) -> Answer:
        """'The article doesn't mention Tom.', naming only what reads as a name."""
        name = r.unknown_person
        text = f"The article doesn't mention {name}." if name else \
            "The article doesn't mention anyone or anything by that name."
        owners = [f for f in self.look.corpus.figures if f.value in r.q.numbers and not f.dims]
        if r.q.form == "yesno" and len(owners) == 1:
            # "Is the 196,000 figure the West Midlands'?": no, it is England's.
            f = owners[0]
            return Answer(r.q.raw, f"No: {f.display} is the figure for {f.subject}: "
                                   f"{self.lex.figure_sentence(f)} {text}", False, "figure",
                          (self.look.cite(f.passage, 1.0),), (f.ref(),))
        return self.look.abstain(r.q, text)

    def _describe_people(self, q: Question, people: list[Person]) -> Answer:
        if len(people) > 1 and all(p.role == people[0].role for p in people):
            names = " and ".join(p.name for p in people)
            role = re.sub(r"^co-chair\b", "co-chairs", people[0].role)
            text = f"{names} are the {role} ({people[0].introduced})."
        else:
            text = " ".join(_describe(p) for p in people)
        passages = list(dict.fromkeys(p.introduced for p in people))
        cites = tuple(self.look.cite(pid, 1.0) for pid in passages)
        return Answer(q.raw, text, False, "passage", cites, (),
                      highlights=tuple(p.name for p in people))


def _without_stray_figures(sentence: str, terms: set[str]) -> str:
    """Drop clauses that carry figures but none of the question's words: the answer should
    hold no number the question did not ask for."""
    clauses = re.split(r"\s+[–—-]\s+|;\s+", sentence)
    if len(clauses) < 2:
        return sentence
    kept = [c for c in clauses if not re.search(r"\d", c) or terms & set(content_terms(c))]
    if not kept or len(kept) == len(clauses):
        return sentence
    text = " … ".join(c.rstrip(".") for c in kept)
    return text if text.endswith((".", "”", "\"")) else text + " …"


def _names(people: list[Person]) -> str:
    if len(people) > 1 and all(p.role == people[0].role for p in people):
        role = re.sub(r"^co-chair\b", "co-chairs", people[0].role)
        return f"{' and '.join(p.name for p in people)} ({role})"
    return " and ".join(f"{p.name} ({p.role})" if p.kind == "person" else p.name
                        for p in people)


def _describe(p: Person) -> str:
    if p.kind == "person":
        if re.match(r"^(?:one of|a |an |the )", p.role):
            return f"{p.name} is {p.role} ({p.introduced})."
        if re.match(r"^[a-z]+s\b(?! (?:of|and|for)\b)", p.role) and not re.match(
                r"^(?:chairs? of|heads? of)", p.role):  # "leads elective recovery for …"
            return f"{p.name} {p.role} ({p.introduced})."
        return f"{p.name} is {p.the_role} ({p.introduced})."
    return f"{p.name}: {p.role} ({p.introduced})."
