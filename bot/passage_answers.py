"""Answers from the article's text: who people are, what they said, the sentence that answers."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from .answer import Answer, Citation
from .names import as_name
from .people import Person
from .question import Question
from .reading import VERBISH, Reader, Reading
from .resolve import tokens
from .text import content_terms, stem

SPEECH_Q = re.compile(r"\b(?:said|say|says|saying|told|according to|describe\w*|call\w*|"
                      r"thank\w*|urg\w*|"
                      r"quot\w*|claim\w*|stat\w*|accus\w*|apologi\w*|warn\w*|recogni\w*|"
                      r"respond\w*|response|blam\w*|criticis\w*|mean)\b", re.I)
TIME_WORDS = re.compile(r"\b(?:last week|yesterday|today|tomorrow|week|month|year|days?|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
                        r"february|march|april|may|june|july|august|september|october|"
                        r"november|december|\d{4}|as soon as|until|after|before|once|during|"
                        r"recent|as quickly as possible|as soon as possible)\b", re.I)
DATE_WORDS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|\d{1,2}(?:st|nd|rd|th)|\d{4})\b", re.I)
log = logging.getLogger("strikebot.answer")
# Verbs that name what is asked about (an offer is not a demand): never light.
KEY_VERBS = re.compile(r"^(?:offer|agree|settl|accept|reject|pa(?:id|ying)|earn|cost|vot)")
OPEN_QUOTES = "\u201c\""
CLOSE_QUOTES = "\u201d\""
CONTACT = re.compile(r"\b(?:phone|telephone|email|e-mail|address|website|web site|contact|"
                     r"twitter|social media|postcode)\b")
# "What is a junior doctor's starting salary?": the thing asked for, last in the question.
HEAD_NOUN = re.compile(r"^(?:what|which)(?:'s| is| are| was| were) (?:the |a |an )?"
                       r"(?:[\w'-]+ ){0,4}?([a-z]{4,})\W*$")
ORG_Q = re.compile(r"\b(?:which|what) (?:trade )?(?:union|organisation|organization|association)\b")
ROLE_FRAME = frozenset(stem(w) for w in "role job title position exactly actually hold held "
                       "have".split())
ROLE_HINT = re.compile(r"\b(?:area|region|patch|responsible|in charge|covers?|job|post|title|"
                       r"position)\b")
NAMES_Q = re.compile(r"\bnames?\b\W*$|^(?:and )?names?\b|\bwho(?:'s| is| are)\b.*\bquoted\W*$")
STANDS_FOR = re.compile(r"\b(?:stand for|stands for|short for|full name|acronym|abbreviation)\b")
SUPERLATIVE = re.compile(r"\b(?:longest|shortest|biggest|largest|greatest|highest|lowest|fewest|"
                         r"smallest|hardest|worst|best|busiest|most|least|first)\b")
REASON_WORDS = re.compile(r"\b(?:because|as|since|so|due|led|why|mean|result|to minimise|"
                          r"exacerbated|cannot|cut back|given (?:that|his|her|their|the))\b", re.I)
GENERIC_TERMS = frozenset(stem(w) for w in """article say said tell according mention
mentioned quote word think exactly""".split())

ROLE_Q = re.compile(r"\b(?:role|job|title|who is|who are|who's|who was|who were|who (?:co-)?chairs|"
                    r"who leads|who heads|who runs|"
                    r"what does \w+ do|work for|works for|what (?:post|office))\b|"
                    r"(?:'s|s') (?:position|post)\b", re.I)

SUMMARY_Q = re.compile(r"\b(?:summar\w+|headline|gist|tl;?dr|overview)\b|^what (?:happened|"
                       r"is (?:this|the article|the story|it) about)\W*$|^what(?:'s| is) the "
                       r"(?:article|story|news)\W*$|\b(?:areas?|regions?|places?|parts? of the "
                       r"country) (?:does|did|is) (?:the |this )?(?:article|story|report) "
                       r"(?:cover|about|focus)")
# "What did X call Y", "how did X describe Y": the thing named is group 1.
CALL_Q = re.compile(r"\b(?:what|how) (?:did|does|do|has|have) .+? (?:call|describe|label|dub|"
                    r"brand|term|characteri[sz]e)d?\s+(.+?)\W*$")
VERDICT = re.compile(r"^[\u201c\"]?(?:This|That|It|Such) (?:is|was|were|are)\b")
QUOTED_Q = re.compile(r"\b(?:who|which (?:people|persons|individuals|named individuals|"
                      r"speakers|officials)|(?:name|list) (?:every|each|all)(?: the)? (?:person|"
                      r"people|one|individuals?|speakers?)|how many (?:named )?(?:individuals|"
                      r"people|persons|speakers))\b.*\b(?:quote[sd]?|quoting|speaks?|gets? to "
                      r"speak)\b|\bwho (?:is|are) quoted\b")
WHOLE_QUOTE_CHARS = 420
FRAME_VERBS = ("say", "said", "says", "saying", "tell", "told", "state", "stated", "quote")
RARE_IDF = 1.9  # a term in at most two of the 21 passages
RARE_SHARE = 0.3  # of the question's weight, missing from a passage, rules it out
LEXICAL_EVIDENCE = 2.5  # the idf of a word found in one passage of the article


class PassageAnswers(Reader):
    def _people(self, r: Reading) -> Answer | None:
        """'Who is X?', 'What is X's role?', 'Who is the Health Secretary?'."""
        q = r.q
        bare = re.match(r"^(?:what|who) (?:is|are|was|were) (?:the )?(.+?)[?.!]*$", q.low)
        if bare and r.people and not SPEECH_Q.search(q.low) and all(
                t in self.people_tokens for t in tokens(bare.group(1))):
            return self._describe_people(q, r.people)
        if STANDS_FOR.search(q.low) and r.people:
            return self._describe_people(q, r.people)
        if r.people and NAMES_Q.search(q.low) and not SPEECH_Q.search(q.low.replace(
                "quoted", "")):
            # "the BMA co-chairs, names?", "who's the health sec quoted": who they are.
            persons = [p for p in r.people if p.is_person] or r.people
            return self._describe_people(q, persons)
        if ORG_Q.search(q.low):
            orgs = [p for p in self.corpus.people if p.kind == "organisation"]
            if orgs:
                return self._describe_people(q, orgs)
        role_words = {t for p in r.people if p.kind == "person"
                      for t in content_terms(p.role)} - self.org_terms
        # Only a question about the role itself: nothing asked beyond names and role words.
        rest = set(q.terms) - role_words - self.people_terms - {
            stem(w) for w in ROLE_HINT.findall(q.low)} - ROLE_FRAME
        asks_role = bool(r.people) and not SPEECH_Q.search(q.low) and (
            len(role_words & set(q.terms)) >= 1 or ROLE_HINT.search(q.low)) and q.form in (
            "which", "what", "other") and not rest
        if asks_role:
            return self._describe_people(q, [p for p in r.people if p.kind == "person"])
        if not ROLE_Q.search(q.low) or SPEECH_Q.search(q.low) or q.form in (
                "how long", "how many", "how much", "when", "date"):
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
                return self._not_mentioned(r)
            return None
        return self._describe_people(q, people)

    def _called(self, r: Reading) -> Answer | None:
        """'What did the co-chairs call Barclay's Commons comments?': inside X's words, the
        sentence about Y, or the verdict right after it ("This is an incredible act of …")."""
        q = r.q
        match = CALL_Q.search(q.low)
        if not match:
            return None
        speakers = {p.id for p in self._phrase_speakers(r)} or {
            p.id for p in self._with_members(r.referred)}
        if not speakers:
            return None
        target = set(content_terms(match.group(1))) - GENERIC_TERMS
        best: tuple[float, str, int] | None = None
        for passage in self.corpus.passages:
            if not speakers & set(passage.speakers):
                continue
            for number, _ in enumerate(passage.sentences):
                terms = self.sentence_terms[(passage.id, number)]
                score = sum(self.vocab.weight(t, set()) for t in target & terms)
                if score and (best is None or score > best[0]):
                    best = (score, passage.id, number)
        full = sum(self.vocab.weight(t, set()) for t in target)
        if best is None or best[0] < 0.5 * full:
            return None  # the thing named is not among their words
        _, pid, number = best
        found = self.corpus.passage(pid)
        assert found is not None
        nxt = number + 1
        if nxt < len(found.sentences) and VERDICT.match(found.sentences[nxt]):
            number = nxt
        return self._quote(q, pid, number, 1.0)

    def _quoted(self, r: Reading) -> Answer | None:
        """'Who does the article quote?': every person whose words it gives."""
        if not QUOTED_Q.search(r.q.low):
            return None
        seen: dict[str, str] = {}
        for passage in self.corpus.passages:
            for pid in passage.speakers:
                person = self.people.get(pid)
                if person and person.kind == "person" and pid not in seen:
                    seen[pid] = passage.id
        if not seen:
            return None
        people = [self.people[p] for p in seen]
        listed = "; ".join(f"{p.name} ({p.role}, {seen[p.id]})" for p in people)
        return Answer(r.q.raw, f"The article quotes {len(people)} people: {listed}.", False,
                      "passage", tuple(self._cite(pid, 1.0) for pid in dict.fromkeys(
                          seen.values())), (), highlights=tuple(p.name for p in people))

    def _not_mentioned(self, r: Reading) -> Answer:
        """'The article doesn't mention Tom.', naming only what reads as a name."""
        name = as_name(r.unknown, self.people_tokens | self.alias_tokens, r.q.text)
        return self._abstain(r.q, f"The article doesn't mention {name}." if name else
                             "The article doesn't mention anyone or anything by that name.")

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

    def _summary(self, q: Question) -> Answer:
        head, lead = self.corpus.passages[0], self.corpus.passages[1]
        text = f"{head.text} ({head.id}). {lead.text} ({lead.id})"
        return Answer(q.raw, text, False, "passage",
                      (self._cite(head.id, 1.0), self._cite(lead.id, 1.0)))

    def _passage(self, r: Reading, restrict: bool = True) -> Answer:
        q = r.q
        if SUMMARY_Q.search(q.low):
            return self._summary(q)
        if r.unknown:
            return self._not_mentioned(r)
        head = HEAD_NOUN.search(q.low)
        if head and not self.vocab.knows(head.group(1)) and not self.vocab.near(head.group(1)):
            return self._abstain(q, f"The article doesn't mention any {head.group(1)}.")
        if not r.people and re.search(r"\b(?:he|she|him|her)\b", q.low) and SPEECH_Q.search(
                q.low) and q.form != "who":  # "Who called for … what he described as …"
            known = ", ".join(p.name for p in self.corpus.people if p.is_person)
            return self._abstain(q, f"Who do you mean? Name the person: {known}.")
        unnamed = self._unknown_speaker(r)
        if unnamed:
            return self._abstain(q, f"The article doesn't quote {unnamed}.")
        speakers = {p.id for p in self._speakers(r)}
        explicit = bool(self._phrase_speakers(r))
        said_by = restrict and bool(speakers) and (bool(SPEECH_Q.search(q.low)) or explicit) and (
            q.form != "who" or explicit)
        names = {t for p in self._speakers(r) for a in p.aliases for t in content_terms(a)}
        frame = {stem(w) for w in FRAME_VERBS}
        if q.form == "who" and not explicit:
            # "Who called it…", "who described…": the verb frames the quote being asked about.
            frame |= {stem(w) for w in re.findall(r"\w+", " ".join(SPEECH_Q.findall(q.low)))}
            frame |= {stem(w) for w in ("people", "person", "one", "man", "woman", "group")}
        terms = [t for t in q.terms if t not in names and t not in GENERIC_TERMS
                 and t not in frame]
        talk = bool(speakers) or bool(SPEECH_Q.search(q.low)) or q.form == "who"
        wants_person = bool(re.search(r"\bwhich (?:person|official|speaker|individual)\b", q.low))
        # Unknown words that look like verbs ("issued", "staged") are usually paraphrases.
        verbs = {stem(w) for w in q.words if VERBISH.search(w) and not self.vocab.knows(w)
                 and not KEY_VERBS.search(w)}
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
            cover = self.vocab.coverage(terms, have, verbs) if terms else 0.5
            sentence_cover = self.vocab.coverage(terms, own_terms, verbs) if terms else 0
            score = 0.5 * s.dense + 0.1 * hits[s.passage].dense + 0.25 * cover + \
                0.15 * sentence_cover
            if passage.is_headline:
                score -= 0.05
            if passage.speakers and not talk:
                score -= 0.02
            if said_by and own:
                score += 0.05
            if wants_person and passage.speakers and not any(
                    self.people[p].is_person for p in passage.speakers if p in self.people):
                score -= 0.05
            matched = sum(self.vocab.weight(t, verbs) for t in terms
                          if t in have and t not in self.entity_terms)
            # A rare article word the passage lacks points elsewhere, unless the passage holds
            # more of the rare words; names don't count (pronouns and titles stand in for them).
            rare = [t for t in terms if self.vocab.knows(t) and t not in self.entity_terms
                    and self.vocab.weight(t, verbs) >= RARE_IDF]
            rare_missing = sum(self.vocab.weight(t, verbs) for t in rare if t not in have)
            if rare_missing < sum(self.vocab.weight(t, verbs) for t in rare if t in have):
                rare_missing = 0.0
            weight = sum(self.vocab.weight(t, verbs) for t in terms) or 1.0
            candidates.append((score, cover, matched, s, rare_missing / weight >= RARE_SHARE))
        candidates.sort(key=lambda c: -c[0])
        familiar = [t for t in terms if self.vocab.knows(t) and self.vocab.weight(t, verbs) >= 1.0]
        if said_by and (not terms or not familiar and not any(c[1] > 0 for c in candidates)):
            # "What did X say?" (or only words the article never uses): X's first words,
            # where X is introduced.
            first = next((p for p in self.corpus.passages if speakers & set(p.speakers)), None)
            if first is not None:
                return self._quote(q, first.id, 0, 1.0, whole=True)
        oov = [t for t in terms if not self.vocab.knows(t)]
        oov_share = (sum(self.vocab.weight(t, verbs) for t in oov) /
                     sum(self.vocab.weight(t, verbs) for t in terms)) if terms else 0.0
        keys = {stem(w) for w in q.words if KEY_VERBS.search(w)}
        usable = [c for c in candidates[:8]
                  if not c[4] and self._fits(q, c[3].text, c[3].passage)
                  and keys <= self.vocab.passage_terms[c[3].passage]]
        for rank, (score, cover, matched, s, _) in enumerate(usable):
            others = [c[0] for c in usable if c[3].passage != s.passage]
            margin = score - (others[0] if others else 0.0)
            log.debug("%.3f margin=%.3f cover=%.2f matched=%.1f oov=%.2f %s %s", score, margin,
                      cover, matched, oov_share, s.passage, s.text[:60])
            # "When"/"where" candidates already passed a type check: less evidence will do.
            typed = q.form in ("when", "where")
            if self._confident(score, margin if rank == 0 else 0.0, cover, matched, oov_share,
                               s.dense, said_by, typed):
                return self._quote(q, s.passage, s.number, score, whole=said_by)
        if q.form == "why" and said_by:
            # A reason asked of a named speaker: their best sentence that gives one.
            reasons = [c for c in candidates if REASON_WORDS.search(c[3].text) and speakers & set(
                self.corpus.passage(c[3].passage).speakers)]  # type: ignore[union-attr]
            if reasons:
                # The one that shares the question's own words ("double-speak") first.
                wanted = set(terms)
                best = max(reasons, key=lambda c: (len(wanted & self.sentence_terms[
                    (c[3].passage, c[3].number)]), c[0]))
                return self._quote(q, best[3].passage, best[3].number, best[0])
        if said_by:
            # Nothing from X fits: maybe the article gives those words to someone else.
            elsewhere = self._passage(r, restrict=False)
            cited = self.corpus.passage(elsewhere.citations[0].passage) if (
                elsewhere.citations) else None
            if not elsewhere.abstained and cited is not None and cited.speakers and not (
                    speakers & set(cited.speakers)):
                asked = " and ".join(p.name for p in self._speakers(r) if p.is_person) or (
                    self._speakers(r)[0].name)
                return replace(elsewhere, answer=f"The article doesn't give those words to "
                                                 f"{asked}. {elsewhere.answer}")
        return self._abstain(q, self.lex.abstain_generic() if not terms else
                             "The article doesn't say.")

    @staticmethod
    def _confident(score: float, margin: float, cover: float, matched: float, oov_share: float,
                   dense: float, said_by: bool, typed: bool = False) -> bool:
        """Whether the evidence for a sentence is enough to answer with it."""
        # Thresholds fitted on the project's question sets (tests/data), checked on a held-out set.
        covered = cover >= 0.25 or said_by
        strong = score >= 0.47 and covered
        # A clear winner over every other passage, even when MiniLM is unsure in absolute terms.
        clear = score >= 0.40 and margin >= 0.16 and covered
        # A rare word of the article matched is strong evidence as well.
        lexical = (matched >= LEXICAL_EVIDENCE and cover >= 0.5) or (
            matched >= 2 * LEXICAL_EVIDENCE and cover >= 0.4)
        return strong or clear or lexical or (typed and score >= 0.40 and covered)

    def _reports(self, text: str, speakers: set[str]) -> bool:
        """Whether a passage reports what one of the speakers said ("X said in the Commons")."""
        for pid in speakers:
            person = self.people[pid]
            for alias in person.aliases:
                if len(alias) > 3 and re.search(
                        rf"\b{re.escape(alias)}\b[^.]{{0,40}}\b(?:said|demand\w*|want\w*|"
                        rf"recognis\w*|claim\w*|told|insist\w*)\b", text):
                    return True
        return False

    def _fits(self, q: Question, sentence: str, pid: str) -> bool:
        """Whether a sentence is the kind of answer the question asks for."""
        if re.search(r"\b(?:which|what) (?:hospital|ward|clinic|department)\b", q.low):
            return bool(re.search(r"\b[A-Z]\w+ (?:Hospital|Infirmary|Ward|Clinic)\b", sentence))
        if CONTACT.search(q.low):
            return bool(re.search(r"@|www\.|https?:|\d{3}[ -]?\d{3,}", sentence))
        if q.form == "when":
            return bool(TIME_WORDS.search(sentence))
        if q.form == "date":
            return bool(DATE_WORDS.search(sentence))
        if q.form in ("how many", "how much", "how long"):
            return bool(re.search(r"\d|\b(?:one|two|three|four|five|hundreds?|thousands?)\b",
                                  sentence))
        if SUPERLATIVE.search(q.low) and not SUPERLATIVE.search(sentence.lower()):
            return False  # "which had the longest picket line" needs a superlative in reply
        if q.form == "who":
            passage = self.corpus.passage(pid)
            return bool(passage and passage.speakers) or bool(re.search(
                r"(?<!^)\b[A-Z][a-z]+ [A-Z][a-z]+", sentence)) or bool(
                self.lex.people_words.search(sentence))
        if q.form == "why":
            return bool(REASON_WORDS.search(sentence)) and not self._is_headline(pid)
        return True

    def _quote(self, q: Question, pid: str, number: int, score: float,
               whole: bool = False) -> Answer:
        passage = self.corpus.passage(pid)
        assert passage is not None
        sentence = passage.sentences[number]
        if whole and len(passage.text) <= WHOLE_QUOTE_CHARS and passage.text.startswith(
                ("\u201c", '"')):
            sentence = passage.text  # a short quote paragraph reads best whole
        verbatim = sentence  # citations quote the article as it is
        before = self.corpus.passage(f"p{int(pid[1:]) - 1:02d}")
        reason = ""
        why = q.form == "why" or bool(re.search(r"\breasons?\b|\bcauses?\b", q.low))
        if why and number == 0 and before is not None and re.match(
                r"^[“\"]?(?:This|That) is why\b", sentence) and set(before.speakers) == set(
                passage.speakers):
            reason = before.sentences[-1]  # "This is why…" points back to the reason
        # An "It includes…" sentence right after is part of the same point.
        follow = self.corpus.passage(f"p{int(pid[1:]) + 1:02d}")
        extra = ""
        if number == len(passage.sentences) - 1 and follow and re.match(
                r"^(?:It|This|These|They) includes?\b", follow.text):
            extra = " " + follow.sentences[0]
        said = re.search(r"\bsaid:\s*[\u201c\"]", sentence)
        if said:
            sentence = sentence[said.end() - 1:]
        if not q.numbers:
            sentence = _without_stray_figures(sentence, set(q.terms))
        if reason:
            said_before = re.search(r"\bsaid:\s*[\u201c\"]", reason)
            reason = reason[said_before.end() - 1:] if said_before else reason
            sentence = reason.strip().rstrip(CLOSE_QUOTES) + " " + sentence.lstrip(OPEN_QUOTES)
        quoted = sentence.strip().strip("\u201c\u201d\"")
        quoted = re.sub(r",?[\"\u201d]?,?\s*(?:he|she|they) said\.?$", ".", quoted)
        speakers = [self.people[s] for s in passage.speakers if s in self.people]
        is_quote = passage.text.startswith(("\u201c", '"')) or (
            speakers and re.search(r"said:\s*[\u201c\"]", passage.text))
        if speakers and is_quote:
            who = _names(speakers)
            text = f"{who} said: “{quoted}” ({pid})"
        elif speakers and q.form == "who" and not any(
                p.name.split()[-1] in sentence for p in speakers):
            text = f"{_names(speakers)}: {sentence}{extra} ({pid})"
        else:
            text = f"{sentence}{extra} ({pid})"
        cites = [Citation(pid, verbatim, round(score, 3))]
        if reason and before is not None:
            cites.insert(0, Citation(before.id, before.sentences[-1], round(score, 3)))
        if extra and follow:
            cites.append(Citation(follow.id, follow.sentences[0], round(score, 3)))
        return Answer(q.raw, text, False, "passage", tuple(cites), (),
                      highlights=(quoted,))


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
        return f"{p.name} is the {p.role} ({p.introduced})."
    return f"{p.name}: {p.role} ({p.introduced})."
