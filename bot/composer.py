"""Turns a question into an Answer: table look-ups, computations, or a quoted sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import aggregates
from .answer import Answer, Citation
from .conversation import Conversation
from .corpus import Corpus
from .figures import Figure
from .people import Person
from .question import Question, problem_with, read
from .resolve import AliasMatcher, Mention, tokens
from .retrieval import Retriever
from .text import STOPWORDS, content_terms, format_number, stem
from .vocabulary import Vocabulary

# Words that say "give me the appointment figure".
COUNT_CUES = re.compile(
    r"\b(?:cancel\w*|resched\w*|postpone\w*|appoint\w*|appmt?s?|appts?|ops|operations?|"
    r"procedures?|scans?|figures?|numbers?|count|stats?|statistics|affected|hit|impact\w*|"
    r"disrupt\w*|lost|missed|called off|how many|how much)\b", re.I)
# What a "how many ..." may count and still be an appointment figure.
COUNT_NOUNS = frozenset("""appointment appointments appt appts apps cancellation cancellations
operation operations op ops procedure procedures scan scans treatment treatments postponement
postponements booking bookings patient patients were was had did got have in at across for
clinic clinics outpatient outpatients slot slots of more fewer less times""".split())
NOT_FIGURE_NOUNS = frozenset("""doctors doctor consultants consultant nurses nurse staff people
strikes strikers beds hours weeks months years pickets picket members hospitals words""".split())
LOCATION_PREP = re.compile(r"\b(?:at|in|for|across|from|by|within|around|near)\s+((?:the\s+)?"
                           r"[\w'&.-]+(?:\s+[\w'&.-]+){0,5})", re.I)
GENERIC_PLACE = frozenset("""total all each every the a an this that these those its their
region area hospitals hospital trusts trust nhs england week strike appointments general
last recent particular question article country uk britain""".split())
SPEECH_Q = re.compile(r"\b(?:said|say|says|saying|told|according to|describe\w*|call\w*|"
                      r"thank\w*|urg\w*|"
                      r"quot\w*|claim\w*|stat\w*|accus\w*|apologi\w*|warn\w*|recogni\w*|"
                      r"respon\w*|blam\w*|criticis\w*|mean)\b", re.I)
TIME_WORDS = re.compile(r"\b(?:last week|yesterday|today|tomorrow|week|month|year|days?|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
                        r"february|march|april|may|june|july|august|september|october|"
                        r"november|december|\d{4}|as soon as|until|after|before|once|during|"
                        r"recent)\b", re.I)
REASON_WORDS = re.compile(r"\b(?:because|as|since|so|due|led|why|mean|result|to minimise|"
                          r"exacerbated|cannot|cut back)\b", re.I)
GENERIC_TERMS = frozenset(stem(w) for w in """article say said tell according mention
mentioned quote word think exactly""".split())

ROLE_Q = re.compile(r"\b(?:role|job|title|who is|who are|who's|who was|who were|"
                    r"what does \w+ do|work for|works for|what (?:position|post|office))\b|"
                    r"(?:'s|s') (?:position|post)\b", re.I)

SUMMARY_Q = re.compile(r"\b(?:summar\w+|headline|gist|tl;?dr|overview)\b|^what (?:happened|"
                       r"is (?:this|the article|the story|it) about)\W*$|^what(?:'s| is) the "
                       r"(?:article|story|news)\W*$")
SMALL_TALK = re.compile(r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|thanks?|"
                        r"thank you|cheers|ok|okay|bye|goodbye)\b[\s!.,?]*(?:there|bot|"
                        r"strikebot|very much|a lot)?[\s!.,?]*$")
GREETING = ("Hello! I answer questions about one article: the junior doctors' strike that "
            "cancelled more than 8,300 appointments in Staffordshire and the Black Country. "
            "Try \"How many appointments were cancelled at Walsall?\" or \"What did Steve "
            "Barclay say?\"")
ABSTAIN_GENERIC = ("The article doesn't say. It covers the junior doctors' strike in "
                   "Staffordshire and the Black Country: cancellations at five trusts, the "
                   "region and England, and what Diane Wake, Steve Barclay and the BMA said.")


@dataclass(frozen=True)
class Reading:
    """A question with what it names resolved."""

    q: Question
    subjects: list[Figure]  # count figures named, in order
    people: list[Person]
    unknown: str  # a place or name the article doesn't know, if any
    partial: str  # a fragment of a known name ("Birmingham") that names nothing by itself
    referred: list[Person]  # who "he", "she" or "they" stands for, from earlier turns
    named_tokens: frozenset[int]  # positions of question tokens that named a subject


class Composer:
    def __init__(self, corpus: Corpus, retriever: Retriever) -> None:
        self.corpus = corpus
        self.retriever = retriever
        self.vocab = Vocabulary(corpus)
        self.by_id = {f.id: f for f in corpus.figures}
        self.counts = [f for f in corpus.figures if f.is_count]
        self.trusts = [f for f in corpus.figures if f.scope == "trust"]
        self.region = next((f for f in corpus.figures if f.scope == "region"), None)
        self.england = next((f for f in corpus.figures if f.scope == "england"), None)
        self.others = [f for f in corpus.figures if not f.is_count]
        self.people = {p.id: p for p in corpus.people}
        self.subject_matcher = AliasMatcher({f.id: f.aliases for f in self.counts},
                                            stop=frozenset(STOPWORDS))
        self.people_matcher = AliasMatcher({p.id: p.aliases for p in corpus.people},
                                           stop=frozenset(STOPWORDS) | {"union", "government"})
        self.alias_tokens = {t for f in self.counts for a in f.aliases for t in tokens(a)}
        self.sentence_terms = {(p.id, i): frozenset(content_terms(text))
                               for p in corpus.passages for i, text in enumerate(p.sentences)}
        self.cue_tokens = {f.id: [(a, " ".join(tokens(a))) for a in f.aliases[1:]]
                           for f in self.others}
        self.people_tokens = {t for p in corpus.people for a in p.aliases for t in tokens(a)}
        self.people_tokens |= {"dr", "mr", "mrs", "ms", "s"}
        self.entity_terms = {t for f in self.counts for a in f.aliases for t in content_terms(a)}
        self.entity_terms |= {t for p in corpus.people for a in p.aliases
                              for t in content_terms(a)}

    # ---------------------------------------------------------------- entry point
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

    # ---------------------------------------------------------------- reading
    def _read(self, q: Question, conv: Conversation) -> Reading:
        mentions = self.subject_matcher.find(q.text)
        subjects = [self.by_id[k] for k in AliasMatcher.keys(mentions)]
        named = [self.people[k] for k in AliasMatcher.keys(self.people_matcher.find(q.text))]
        referred = self._pronoun(q, conv)
        people = named + [p for p in referred if p not in named]
        unknown, partial = self._unknown(q, mentions)
        covered = frozenset(i for m in mentions for i in range(m.start, m.end))
        return Reading(q, subjects, people, unknown, partial, referred, covered)

    def _pronoun(self, q: Question, conv: Conversation) -> list[Person]:
        for pronoun, pattern in (("she", r"\b(?:she|her|hers)\b"), ("he", r"\b(?:he|him|his)\b")):
            if re.search(pattern, q.low):
                for pid in reversed(conv.people):
                    person = self.people.get(pid)
                    if person and person.pronoun == pronoun:
                        return [person]
        if re.search(r"\b(?:they|them|their)\b", q.low) and conv.people:
            last = self.people.get(conv.people[-1])
            if last and last.pronoun == "they" or (len(conv.people) >= 2 and conv.people[-2:]
                                                    and all(self.people[p].role ==
                                                            self.people[conv.people[-1]].role
                                                            for p in conv.people[-2:]
                                                            if p in self.people)):
                group = [self.people[p] for p in conv.people[-2:] if p in self.people]
                if last and last.pronoun == "they":
                    return [last]
                return group
        return []

    def _unknown(self, q: Question, mentions: list[Mention]) -> tuple[str, str]:
        """A place or proper name the article doesn't know, and a bare fragment of a known one."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        q_tokens = tokens(q.text)
        person_tokens = self.people_tokens
        unknown = partial = ""
        for match in LOCATION_PREP.finditer(q.text):
            phrase = tokens(match.group(1))
            # Locate the phrase in the question's tokens to know which words a subject covered.
            start = _find(q_tokens, phrase)
            kept: list[str] = []
            for offset, tok in enumerate(phrase):
                index = start + offset if start >= 0 else -1
                if index in covered or tok in STOPWORDS or tok.isdigit():
                    if kept:
                        break
                    continue
                kept.append(tok)
            if not kept or all(t in GENERIC_PLACE for t in kept):
                continue
            if any(not self.vocab.knows(t) for t in kept if t not in GENERIC_PLACE):
                unknown = unknown or " ".join(kept)
            elif all(t in self.alias_tokens or t in GENERIC_PLACE for t in kept) and not any(
                    t in person_tokens for t in kept):
                partial = partial or " ".join(kept)
        # Capitalised names anywhere but the first word: "Birmingham Children's Hospital".
        names = re.findall(CAPITALISED, q.text)
        for name in names:
            toks = tokens(name)
            if toks and any(not self.vocab.knows(t) for t in toks):
                unknown = unknown or name
        return _original_case(q.text, unknown), _original_case(q.text, partial)

    # ---------------------------------------------------------------- people
    def _people(self, r: Reading) -> Answer | None:
        """'Who is X?', 'What is X's role?', 'Who is the Health Secretary?'."""
        q = r.q
        bare = re.match(r"^(?:what|who) (?:is|are|was|were) (?:the )?(.+?)[?.!]*$", q.low)
        if bare and r.people and not SPEECH_Q.search(q.low) and all(
                t in self.people_tokens for t in tokens(bare.group(1))):
            return self._describe_people(q, r.people)
        if not ROLE_Q.search(q.low) or SPEECH_Q.search(q.low):
            return None
        people = [p for p in r.people if p.kind != "group" or len(r.people) == 1]
        if any(p.is_person for p in people):
            people = [p for p in people if p.is_person]
        office = re.search(r"\bwho (?:is|was|are|were) (?:the )?([\w' -]+?) (?:of|at|for) ", q.low)
        if office and not any(p.is_person for p in people) and not any(
                t in self.people_tokens for t in tokens(office.group(1))):
            return self._abstain(q, f"The article doesn't name the {office.group(1)}.")
        if not people:
            if r.unknown and re.search(r"\bwho(?:'s| is| are| was)\b", q.low):
                return self._abstain(q, f"The article doesn't mention {r.unknown}.")
            return None
        return self._describe_people(q, people)

    def _describe_people(self, q: Question, people: list[Person]) -> Answer:
        if len(people) > 1 and all(p.role == people[0].role for p in people):
            names = " and ".join(p.name for p in people)
            role = re.sub(r"^co-chair\b", "co-chairs", people[0].role)
            text = f"{names} are the {role} ({people[0].introduced})."
        else:
            text = " ".join(_describe(p) for p in people)
        passages = list(dict.fromkeys(p.introduced for p in people))
        cites = tuple(self._cite(pid, 1.0) for pid in passages)
        return Answer(q.raw, text, False, "passage", cites, (),
                      highlights=tuple(p.name for p in people))

    # ---------------------------------------------------------------- aggregates
    def _aggregate(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        op = aggregates.detect(q.low)
        if op is None:
            return None
        trusts_named = [f for f in r.subjects if f.scope == "trust"]
        if not trusts_named and (re.search(r"\b(?:one|them|those|the two|these|that|it|both|"
                                           r"they)\b", q.low) or len(q.terms) <= 2):
            trusts_named = [self.by_id[k] for k in conv.subjects
                            if k in self.by_id and self.by_id[k].scope == "trust"]
        trusts_named = trusts_named if len(trusts_named) >= 2 else trusts_named
        result: aggregates.Result | None = None
        if op == "rank" and (r.subjects == [] or len(trusts_named) >= 2 or self._about_trusts(q)):
            result = aggregates.rank(trusts_named if len(trusts_named) >= 2 else self.trusts, q.low)
        elif op == "extreme":
            in_thread = conv.intent in ("figure", "aggregate") and len(q.terms) <= 3
            if not self._about_trusts(q) and not trusts_named and not in_thread:
                return None
            pool = trusts_named if len(trusts_named) >= 2 else self.trusts
            if len(pool) == 2 and q.form == "yesno":
                result = aggregates.compare(pool[0], pool[1], q.low)
            else:
                result = aggregates.extreme(pool, q.low)
                explicit = [f for f in r.subjects if f.scope == "trust"]
                if len(explicit) == 1 and result.used:
                    # "Why did Dudley have the most?" carries a claim: check it.
                    named = explicit[0]
                    right = result.used[0] is named
                    verdict = "Yes." if right else f"No: {named.subject} had {named.display}."
                    result = aggregates.Result(f"{verdict} {result.text}", result.used)
        elif op == "total":
            if len(trusts_named) >= 2:
                result = aggregates.total(trusts_named, None)
            elif r.subjects and all(f.scope == "england" for f in r.subjects):
                return None  # "total across England" is a figure question
            elif len(r.subjects) == 1 and r.subjects[0].scope == "trust":
                return None  # "total at Walsall" is Walsall's figure
            elif self._about_counts(q) or r.subjects:
                result = aggregates.total(self.trusts, self.region)
        elif op == "difference" or op == "ratio":
            pair = self._pair(r, conv)
            if pair is None:
                if re.search(rf"\b(?:{aggregates.MOST}|{aggregates.FEWEST})\b|\bhardest\b",
                             q.low) and self._about_trusts(q):
                    result = aggregates.extreme(self.trusts, q.low)
                    return self._figure_answer(q, "aggregate", result.text, list(result.used))
                return None
            result = (aggregates.difference(*pair) if op == "difference"
                      else aggregates.ratio(*sorted(pair, key=lambda f: -f.value)))
        elif op == "share":
            result = self._share(r)
        elif op == "average":
            if self._about_counts(q) or r.subjects:
                result = aggregates.average(trusts_named if len(trusts_named) >= 2
                                            else self.trusts)
        elif op == "threshold":
            result = aggregates.threshold(self.trusts, q.low)
        elif op == "count":
            result = aggregates.count(self.trusts)
        if result is None:
            if op == "extreme" or len(trusts_named) < 2:
                return None
            return None
        return self._figure_answer(q, "aggregate", result.text, list(result.used))

    def _about_trusts(self, q: Question) -> bool:
        return bool(re.search(r"\b(?:trusts?|hospitals?|which|where|who|what)\b", q.low)) and \
            bool(COUNT_CUES.search(q.low) or re.search(r"\b(?:trust|hit|affected|worst|hardest|"
                                                       r"best|busiest)\b", q.low))

    def _about_counts(self, q: Question) -> bool:
        return bool(COUNT_CUES.search(q.low)) or bool(re.search(r"\btrusts?\b", q.low))

    def _pair(self, r: Reading, conv: Conversation) -> tuple[Figure, Figure] | None:
        named = list(r.subjects)
        if len(named) == 1 and conv.subjects:
            last = self.by_id.get(conv.subjects[0])
            if last is not None and last is not named[0]:
                named = [last, named[0]]
        if len(named) < 2:
            return None
        return named[0], named[1]

    def _share(self, r: Reading) -> aggregates.Result | None:
        scopes = {"trust": 0, "region": 1, "england": 2}
        named = sorted(r.subjects, key=lambda f: scopes[f.scope])
        if not named:
            return None
        if len(named) == 1:
            part = named[0]
            if part.scope == "trust":
                return aggregates.share(part, self.trusts)
            if part.scope == "region" and self.england is not None:
                return aggregates.share(part, self.england)
            return None
        wholes = [f for f in named if scopes[f.scope] == max(scopes[n.scope] for n in named)]
        whole = wholes[0]
        parts = [f for f in named if f is not whole]
        if whole.scope == "region" and all(p.scope == "trust" for p in parts):
            return aggregates.share(parts if len(parts) > 1 else parts[0], self.trusts)
        return aggregates.share(parts if len(parts) > 1 else parts[0], whole)

    # ---------------------------------------------------------------- figures
    def _figure(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        subjects = list(r.subjects)
        cue = bool(COUNT_CUES.search(q.low))
        noun = _counted_noun(q.low)
        followup = bool(re.match(r"^(?:and|what about|how about|what of|same for|and for|now)\b",
                                 q.low))
        if noun in NOT_FIGURE_NOUNS or (noun and noun not in COUNT_NOUNS and not re.search(
                r"\b(?:cancel\w*|resched\w*|postpone\w*)\b", q.low)):
            if any(stem(noun) == stem(f.unit) for f in self.others):
                return None
            return self._abstain(q, f"The article doesn't say how many {noun} — it counts "
                                    "cancelled and rescheduled hospital appointments.")
        if not subjects:
            if q.form in ("how many", "how much") and cue and not self._other_row(q):
                if r.unknown or r.partial:
                    return self._no_place(q, r.unknown or r.partial, r.partial)
                if followup and conv.subjects:
                    subjects = [self.by_id[k] for k in conv.subjects if k in self.by_id]
                elif self.region is not None and re.search(
                        r"\b(?:cancel\w*|appoint\w*|appts?)\b", q.low):
                    subjects = [self.region]
            if not subjects:
                if (r.unknown or r.partial) and (cue or q.form in ("how many", "how much")):
                    return self._no_place(q, r.unknown or r.partial, r.partial)
                return None
        if q.form in ("who", "when", "where", "why") and not cue:
            return None
        rest = [t for i, t in enumerate(tokens(q.text))
                if t not in STOPWORDS and i not in r.named_tokens]
        short = len(rest) <= 2
        if not (cue or short or followup or conv.intent == "figure" and len(rest) <= 3):
            return None
        if r.people and not cue:
            return None
        used = list(subjects)
        trusts = [f for f in used if f.scope == "trust"]
        if len(trusts) > 1:
            listed = "; ".join(f"{f.subject}: {f.display}" for f in trusts)
            text = ("Appointments that had to be rescheduled because of the strike — "
                    f"{listed} (p04).")
            text = " ".join([text] + [self._figure_sentence(f) for f in used if f not in trusts])
        else:
            text = " ".join(self._figure_sentence(f) for f in used)
        if r.unknown and not r.partial:
            text += f" The article gives no figure for {r.unknown}."
        correction = self._premise(q, used)
        if correction:
            text = correction + " " + text
        elif q.form == "yesno" and q.numbers and any(n == f.value for n in q.numbers for f in used):
            text = "Yes. " + text
        return self._figure_answer(q, "figure", text, used)

    def _figure_sentence(self, f: Figure) -> str:
        if f.scope == "trust":
            return (f"{f.display} appointments had to be rescheduled at {f.subject} because of "
                    f"the strike ({f.passage}).")
        if f.scope == "region":
            total = format_number(sum(t.value for t in self.trusts))
            parts = " + ".join(t.display for t in self.trusts)
            return (f"{f.stated.capitalize()} hospital appointments had to be cancelled across "
                    f"{f.subject} because of the strike ({f.passage}); the five trusts' figures "
                    f"add up to {total} ({parts}) (p04).")
        if f.scope == "england":
            return (f"Across England, {f.stated} hospital appointments had to be cancelled "
                    f"because of the strike ({f.passage}).")
        return f"{f.display[:1].upper()}{f.display[1:]}: “{f.span}” ({f.passage})."

    def _premise(self, q: Question, used: list[Figure]) -> str:
        """A correction when the question carries a figure the article doesn't give."""
        stated = {f.value for f in used}
        counts = all(f.is_count for f in used)
        numbers = list(q.numbers) if counts else list(q.numbers) + _number_words(q.low)
        alien = [n for n in numbers if n not in stated and (n not in ORDINAL_NUMBERS or not counts)]
        if not alien:
            if q.form == "yesno" and numbers and not counts:
                return "Yes."
            return ""
        qualifier = any(f.qualifier for f in used)
        if qualifier and all(n <= f.value for n in alien for f in used) and re.search(
                r"\b(?:more than|over|at least|above)\b", q.low):
            return "Yes."
        if q.injected:
            return ("I answer only from the article, and it does not support the figure in "
                    "your message.")
        if q.form == "yesno":
            return "No: the article gives a different figure."
        return "The article doesn't give the figure in your question."

    def _other_row(self, q: Question) -> Figure | None:
        # A question that names a unit ("how much money", "what percentage") wants that unit.
        units = {u for u, cues in UNIT_CUES.items() if any(re.search(c, q.low) for c in cues)}
        rows = [f for f in self.others if not units or f.unit in units]
        scored = [(self._cue_score(f, q), f) for f in rows]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            return None
        scored.sort(key=lambda s: -s[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return scored[0][1]

    def _cue_score(self, f: Figure, q: Question) -> float:
        low = " " + " ".join(tokens(q.text)) + " "
        score = 0.0
        strong = False
        for _alias, toks in self.cue_tokens[f.id]:
            if toks and f" {toks} " in low:
                score += len(toks.split())
                strong = strong or " " in toks
        if score and any(re.search(p, q.low) for p in UNIT_CUES.get(f.unit, ())):
            score += 3
            strong = True
        # One loose word ("strike", "pay") is not enough to pick a figure.
        return score if strong else 0.0

    def _other_figure(self, r: Reading) -> Answer | None:
        """Figures that are not appointment counts: the strike's length, the pay demand."""
        q = r.q
        quantity = q.form in ("how many", "how much", "how long", "yesno") or bool(re.search(
            r"\b(?:how big|how large|what size|what percentage|what per ?cent|what figure|"
            r"what amount|what pay|what rise|what increase|length|amount)\b", q.low))
        if not quantity or r.unknown:
            return None
        row = self._other_row(q)
        if row is None:
            return None
        text = self._figure_sentence(row)
        correction = self._premise(q, [row])
        if correction:
            text = correction + " " + text
        return self._figure_answer(q, "figure", text, [row])

    def _no_place(self, q: Question, place: str, partial: str) -> Answer:
        if partial:
            names = [f.subject for f in self.counts if any(
                t in tokens(f.subject) + [x for a in f.aliases for x in tokens(a)]
                for t in tokens(partial))]
            hint = f" It does give a figure for {' and '.join(names)}." if names else ""
            return self._abstain(q, f"The article has no figure for {partial} as such.{hint}")
        return self._abstain(q, f"The article doesn't give a figure for {place}. It gives "
                                "figures only for England, Staffordshire and the Black Country, "
                                "and five NHS trusts there.")

    def _figure_answer(self, q: Question, kind: str, text: str, used: list[Figure]) -> Answer:
        cites = []
        for pid in dict.fromkeys(f.passage for f in used):
            spans = [f.span for f in used if f.passage == pid]
            cites.append(Citation(pid, " … ".join(spans), 1.0))
        return Answer(q.raw, text, False, kind,  # type: ignore[arg-type]
                      tuple(cites), tuple(f.ref() for f in used),
                      highlights=tuple(f.display for f in used))

    # ---------------------------------------------------------------- passages
    def _summary(self, q: Question) -> Answer:
        head, lead = self.corpus.passages[0], self.corpus.passages[1]
        text = f"{head.text} ({head.id}). {lead.text} ({lead.id})"
        return Answer(q.raw, text, False, "passage",
                      (self._cite(head.id, 1.0), self._cite(lead.id, 1.0)))

    def _passage(self, r: Reading) -> Answer:
        q = r.q
        if SUMMARY_Q.search(q.low):
            return self._summary(q)
        if r.unknown:
            return self._abstain(q, f"The article doesn't mention {r.unknown}.")
        if not r.people and re.search(r"\b(?:he|she|him|her)\b", q.low) and SPEECH_Q.search(
                q.low):
            known = ", ".join(p.name for p in self.corpus.people if p.is_person)
            return self._abstain(q, f"Who do you mean? Name the person: {known}.")
        speakers = {p.id for p in self._speakers(r)}
        said_by = bool(speakers) and bool(SPEECH_Q.search(q.low)) and q.form != "who"
        names = {t for p in self._speakers(r) for a in p.aliases for t in content_terms(a)}
        frame = {stem(w) for w in FRAME_VERBS}
        terms = [t for t in q.terms if t not in names and t not in GENERIC_TERMS
                 and t not in frame]
        talk = bool(speakers) or bool(SPEECH_Q.search(q.low)) or q.form == "who"
        vector = self.retriever.embed(q.text)
        hits = {h.passage: h for h in self.retriever.passages(q.text, vector)}
        candidates = []
        for s in self.retriever.sentences(vector):
            passage = self.corpus.passage(s.passage)
            assert passage is not None
            own = bool(speakers & set(passage.speakers))
            if said_by and not own and not self._reports(passage.text, speakers):
                continue
            own_terms = self.sentence_terms[(s.passage, s.number)]
            have = own_terms | self.vocab.passage_terms[s.passage]
            cover = self.vocab.coverage(terms, have) if terms else 0.5
            sentence_cover = self.vocab.coverage(terms, own_terms) if terms else 0
            score = 0.5 * s.dense + 0.1 * hits[s.passage].dense + 0.25 * cover + \
                0.15 * sentence_cover
            if passage.is_headline:
                score -= 0.05
            if passage.speakers and not talk:
                score -= 0.02
            if said_by and own:
                score += 0.05
            matched = sum(self.vocab.weight(t) for t in terms
                          if t in have and t not in self.entity_terms)
            rare_missing = sum(self.vocab.weight(t) for t in terms if self.vocab.knows(t)
                               and t not in have and self.vocab.weight(t) >= RARE_IDF)
            weight = sum(self.vocab.weight(t) for t in terms) or 1.0
            candidates.append((score, cover, matched, s, rare_missing / weight >= 0.3))
        candidates.sort(key=lambda c: -c[0])
        if said_by and not terms:
            # "What did X say?": X's first words in the article, where X is introduced.
            first = next((p for p in self.corpus.passages if speakers & set(p.speakers)), None)
            if first is not None:
                return self._quote(q, first.id, 0, 1.0, whole=True)
        oov = [t for t in terms if not self.vocab.knows(t)]
        oov_share = (sum(self.vocab.weight(t) for t in oov) /
                     sum(self.vocab.weight(t) for t in terms)) if terms else 0.0
        for score, cover, matched, s, rare_missing in candidates[:8]:
            if not self._fits(q, s.text, s.passage) or rare_missing:
                continue
            semantic = score >= (0.36 if said_by else 0.42) and (cover >= 0.34 or said_by) and (
                oov_share <= 0.5 or said_by or s.dense >= 0.5)
            # A rare word of the article matched is strong evidence even when MiniLM is unsure.
            lexical = matched >= LEXICAL_EVIDENCE and cover >= 0.35
            if semantic or lexical:
                return self._quote(q, s.passage, s.number, score, whole=said_by)
        return self._abstain(q, ABSTAIN_GENERIC if not terms else
                             "The article doesn't say.")

    def _reports(self, text: str, speakers: set[str]) -> bool:
        """Whether a passage reports what one of the speakers said ("X said in the Commons")."""
        for pid in speakers:
            person = self.people[pid]
            for alias in person.aliases:
                if len(alias) > 3 and re.search(rf"\b{re.escape(alias)}\b[^.]{{0,40}}\bsaid\b",
                                                text):
                    return True
        return False

    def _fits(self, q: Question, sentence: str, pid: str) -> bool:
        """Whether a sentence is the kind of answer the question asks for."""
        if q.form == "when":
            return bool(TIME_WORDS.search(sentence))
        if q.form in ("how many", "how much", "how long"):
            return bool(re.search(r"\d|\b(?:one|two|three|four|five|hundreds?|thousands?)\b",
                                  sentence))
        if q.form == "who":
            passage = self.corpus.passage(pid)
            return bool(passage and passage.speakers) or bool(re.search(r"\b[A-Z][a-z]+ [A-Z]",
                                                                       sentence))
        if q.form == "why":
            return bool(REASON_WORDS.search(sentence)) and pid != "p01"
        return True

    def _quote(self, q: Question, pid: str, number: int, score: float,
               whole: bool = False) -> Answer:
        passage = self.corpus.passage(pid)
        assert passage is not None
        sentence = passage.sentences[number]
        if whole and len(passage.text) <= WHOLE_QUOTE_CHARS and passage.text.startswith(
                ("\u201c", '"')):
            sentence = passage.text  # a short quote paragraph reads best whole
        # An "It includes…" sentence right after is part of the same point.
        follow = self.corpus.passage(f"p{int(pid[1:]) + 1:02d}")
        extra = ""
        if number == len(passage.sentences) - 1 and follow and re.match(
                r"^(?:It|This|These|They) includes?\b", follow.text):
            extra = " " + follow.sentences[0]
        said = re.search(r"\bsaid:\s*[\u201c\"]", sentence)
        if said:
            sentence = sentence[said.end() - 1:]
        quoted = sentence.strip().strip("\u201c\u201d\"")
        quoted = re.sub(r",?[\"\u201d]?,?\s*(?:he|she|they) said\.?$", ".", quoted)
        speakers = [self.people[s] for s in passage.speakers if s in self.people]
        is_quote = passage.text.startswith(("\u201c", '"')) or (
            speakers and re.search(r"said:\s*[\u201c\"]", passage.text))
        if speakers and is_quote:
            who = _names(speakers)
            text = f"{who} said: “{quoted}” ({pid})"
        elif speakers and q.form == "who":
            text = f"{_names(speakers)}: {sentence}{extra} ({pid})"
        else:
            text = f"{sentence}{extra} ({pid})"
        cites = [Citation(pid, sentence, round(score, 3))]
        if extra and follow:
            cites.append(Citation(follow.id, follow.sentences[0], round(score, 3)))
        return Answer(q.raw, text, False, "passage", tuple(cites), (),
                      highlights=(quoted,))

    def _speakers(self, r: Reading) -> list[Person]:
        """The people a question asks to hear from: the X of 'what did X say about Y'."""
        match = next((m for m in (p.search(r.q.text) for p in SPEAKER_PHRASES) if m), None)
        if match:
            phrase = match.group(1)
            named = [self.people[k] for k in
                     AliasMatcher.keys(self.people_matcher.find(phrase))]
            if named:
                return self._with_members(named)
            if re.search(r"\b(?:she|he|they|her|him|them)\b", phrase.lower()):
                return self._with_members(r.referred)
        return self._with_members(r.people)

    def _with_members(self, people: list[Person]) -> list[Person]:
        """An organisation speaks through its members (the BMA through its co-chairs)."""
        out = list(people)
        for org in people:
            if org.kind == "organisation":
                out += [p for p in self.corpus.people
                        if p.organisation == org.name and p not in out]
        return out

    # ---------------------------------------------------------------- helpers
    def _cite(self, pid: str, score: float) -> Citation:
        passage = self.corpus.passage(pid)
        return Citation(pid, passage.text if passage else "", score)

    def _abstain(self, q: Question, text: str) -> Answer:
        return Answer(q.raw, text, True, "none")

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


WHOLE_QUOTE_CHARS = 420
FRAME_VERBS = ("say", "said", "says", "saying", "tell", "told", "state", "stated", "quote")
RARE_IDF = 1.9  # a term in at most two of the 21 passages
LEXICAL_EVIDENCE = 2.5  # the idf of a word found in one passage of the article
CAPITALISED = r"(?<!^)(?<![.?!]\s)\b([A-Z][\w'-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]+)*)"
UNIT_CUES = {"per cent": (r"\bper ?cent\b", r"\bpercentage\b", r"%"),
             "pounds": (r"£", r"\bpounds?\b", r"\bmoney\b", r"\bcash\b"),
             "days": (r"\bdays?\b", r"\bhow long\b", r"\bweeks?\b")}

SPEAKER_PHRASES = tuple(re.compile(p, re.I) for p in (
    r"\b(?:did|does|do|has|have|had|would|will)\s+(.+?)\s+(?:say|said|tell|think|describe|"
    r"call|claim|urge|thank|want|mean|ask|demand|respond|reply|add|argue|accuse|blame|"
    r"apologi[sz]e)\b",
    r"\baccording to\s+(.+)$",
    r"^(.+?)\s+(?:said|says|stated|told|claimed|described)\b",
    r"^(?:what (?:was|is) )?(.+?)'s\s+(?:statement|response|quote|comments?|words|view|message)\b",
))

ORDINAL_NUMBERS = frozenset({1.0, 2.0, 3.0, 4.0, 5.0})
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
                "a week": 7, "a fortnight": 14, "two weeks": 14}


def _number_words(low: str) -> list[float]:
    """'five days' -> 5; 'a week' -> 7: numbers written in words, for non-count figures."""
    found = []
    for phrase, value in WORD_NUMBERS.items():
        if re.search(rf"\b{phrase}\b", low):
            found.append(float(value))
    if re.search(r"\b(?:a|one|two|three) weeks?\b", low):
        found = [n for n in found if n not in (1.0, 2.0, 3.0)]
    return found


def _counted_noun(low: str) -> str:
    """The noun after 'how many' ('how many consultants' -> 'consultants'), else ''."""
    match = re.search(r"\bhow many\s+((?:[\w'-]+\s+){0,3})", low + " ")
    if not match:
        return ""
    skip = {"than", "more", "fewer", "less", "hospital", "nhs", "junior", "total", "of", "the",
            "individual", "separate", "different", "extra", "additional"}
    for word in match.group(1).split():
        if word not in skip:
            return word
    return ""


def _find(haystack: list[str], needle: list[str]) -> int:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i:i + len(needle)] == needle:
            return i
    return -1


def _names(people: list[Person]) -> str:
    if len(people) > 1 and all(p.role == people[0].role for p in people):
        role = re.sub(r"^co-chair\b", "co-chairs", people[0].role)
        return f"{' and '.join(p.name for p in people)} ({role})"
    return " and ".join(f"{p.name} ({p.role})" if p.kind == "person" else p.name
                        for p in people)


def _describe(p: Person) -> str:
    if p.kind == "person":
        return f"{p.name} is the {p.role} ({p.introduced})."
    return f"{p.name}: {p.role} ({p.introduced})."


def _original_case(text: str, phrase: str) -> str:
    """The phrase as the user wrote it ('Wales', not 'wales')."""
    if not phrase:
        return ""
    words_re = r"\W+".join(re.escape(w) for w in phrase.split())
    match = re.search(words_re, text, re.I)
    return match.group() if match else phrase
