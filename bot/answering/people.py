"""Who people are, whom the article quotes, and what someone called something."""

from __future__ import annotations

import re

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading
from ..resolve import tokens
from ..rules import (
    GENERIC_TERMS,
    GROUNDS_WORDS,
    ROLE_FRAME,
    ROLE_RANKS,
    VERDICT,
)
from ..text import content_terms, stem
from .text_tools import TextWork, _names

CALLED_FRAME = frozenset(stem(w) for w in "number numbers figure figures comment comments "
                          "remark remarks word words thing statement line".split())


class PeopleAnswerer(TextWork):
    """Who someone is, their role, who holds a role."""

    name = "people"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        """'Who is X?', 'What is X's role?', 'Who is the Health Secretary?'."""
        q = r.q
        persons = [p for p in r.people if p.is_person]
        orgs = [p for p in r.people if p.kind == "organisation"]
        answering = [p for p in r.described if p.is_person and p not in r.answered]
        if q.form == "who" and r.answered and answering:
            # "someone on the picket … had a go at him, who was that": the one described
            return self._describe_people(q, answering)
        if q.form == "yesno" and len(persons) == 2 and r.cues.has("IS_X_THE") and \
                persons[0].role != persons[1].role:
            # "Is Diane Wake the Health and Social Care Secretary?": that is someone else.
            one, other = persons
            return Answer(q.raw, f"No: {one.name} is {one.the_role} ({one.introduced}); the "
                                 f"{other.role} is {other.name} ({other.introduced}).", False,
                          "passage", (self.look.cite(one.introduced, 1.0),), (),
                          highlights=(one.role, other.role))
        if q.form == "yesno" and len(persons) == 1 and r.cues.has("IS_X_THE", "DESCRIBED_AS") \
                and (set(content_terms(persons[0].name)) & set(q.terms) or
                     persons[0] in r.referred):  # named, by name (or "she" for her)
            # "Is Diane Wake the elective care lead for Staffordshire and the Black Country?":
            # the role as claimed against the role as the article gives it.
            p = persons[0]
            role = set(content_terms(p.role))
            claimed = set(q.terms) - set(content_terms(p.name)) - ROLE_FRAME - set(
                content_terms(f"{p.organisation} {self.lex.profile.part}")) - {
                stem(w) for w in ("piece", "article", "describ", "call")}
            if len(claimed & role) >= 2:
                extra = claimed - role
                # ("nuh's medical director?" of a deputy: the rank the claim leaves out)
                dropped = role & ROLE_RANKS - claimed
                verdict = "No" if extra or dropped else "Yes"
                return Answer(q.raw, f"{verdict}: {p.name} is {p.the_role} ({p.introduced}).",
                              False, "passage", (self.look.cite(p.introduced, 1.0),), (),
                              highlights=(p.role,))
        places = [f for f in r.subjects if f.scope == "part"]
        role_words = set(tokens(persons[0].role)) - {"the", "of", "for", "and"} if persons \
            else set()
        # ("is she a gosh nurse?": the place named before a word of her role)
        before_role = len(places) == 1 and any(
            i + 1 not in r.named_tokens and i + 1 < len(r.words) and r.words[i + 1] in role_words
            for i in r.named_tokens)
        if q.form == "yesno" and len(persons) == 1 and len(places) == 1 and \
                (r.cues.has("FROM_PLACE") or before_role) and not r.cues.has("count_cues"):
            # "shes from uhnm tho right?": where the article puts her, against where it's said
            p, place = persons[0], places[0]
            theirs = f"{p.organisation} {p.role}".lower()
            holds = any(a.lower() in theirs for a in place.aliases if len(a) > 2)
            met = self.look.introduction(p)
            if not holds and any(re.search(rf"\b{re.escape(a.lower())}", met.lower())
                                 for a in place.aliases if len(a) > 3):
                # (met at one of its hospitals: where she works, the article doesn't say)
                return Answer(q.raw, f"Not that the article says: {p.name} is {p.the_role}; "
                                     f"it meets {p.object_pronoun} here: “{met}” "
                                     f"({p.introduced}).", False, "passage",
                              (self.look.cite(p.introduced, 1.0),), (), highlights=(p.role,))
            return Answer(q.raw, f"{'Yes' if holds else 'No'}: {p.name} is {p.the_role} "
                                 f"({p.introduced}){'' if holds else f', not {place.subject}'}.",
                          False, "passage", (self.look.cite(p.introduced, 1.0),), (),
                          highlights=(p.role,))
        owners = [o for o in orgs if any(k == o.id and set(after[:2]) & role_words
                                         for k, after in r.after_names)]
        if q.form == "yesno" and len(persons) == 1 and owners and persons[0].organisation \
                not in {o.name for o in owners} and not any(o.name in persons[0].role
                                                             for o in owners):
            # "Is Diane Wake the BMA's elective care lead?": the role, but someone else's.
            p = persons[0]
            owner = owners[0].name if owners[0].name.lower().startswith("the ") else \
                f"the {owners[0].name}"
            return Answer(q.raw, f"No: {p.name} is {p.the_role} ({p.introduced}), not "
                                 f"{owner}'s.", False, "passage",
                          (self.look.cite(p.introduced, 1.0),), (), highlights=(p.role,))
        bare = r.cues.first("BARE_WHO")
        speech = r.cues.has("SPEECH_Q")
        if bare and r.people and not speech and all(
                t in self.look.people_tokens for t in tokens(bare.group(1))):
            return self._describe_people(q, r.people)
        if r.cues.has("STANDS_FOR") and r.people:
            return self._describe_people(q, r.people)
        if r.people and r.cues.has("NAMES_Q") and q.form != "why" and not any(
                m.group() != "quoted" for m in r.cues.every("SPEECH_Q")):  # ("what reason did
            # the co chairs give, and their names": the reason, which names them)
            # "the BMA co-chairs, names?", "who's the health sec quoted": who they are
            # ("who replied for the bma? both names pls": its members the article quotes).
            persons = [p for p in r.people if p.is_person] or [
                p for p in self.look.with_members(list(r.people)) if p.is_person and any(
                    p.id in s.speakers for s in self.look.corpus.passages)] or r.people
            return self._describe_people(q, persons)
        if r.cues.has("ORG_Q"):
            orgs = [p for p in self.look.corpus.people if p.kind == "organisation"]
            if orgs:
                return self._describe_people(q, orgs)
        where = r.cues.has("WHERE_WORD")
        # ("Who was the NHS England official who argued …?": the one described, though
        # "who was" asks for a role when a person is named)
        by_name = [p for p in r.people if p.is_person and p not in r.described]
        # A bare "where?" after someone: the one the last answer was about.
        shown = conv.turns[-1].highlights if conv.turns else ()
        last = ([p for p in self.look.corpus.people if p.name in shown][:1] or [
            self.look.people[k] for k in conv.people[-1:] if k in self.look.people]) \
            if len(q.terms) <= 1 else []
        asked = list(r.described) if q.form == "who" and (
            not r.cues.has("ROLE_Q") or not by_name) else \
            [p for p in r.referred or r.people or last if p.is_person] if where else []
        if len(asked) == 1 and (not speech or where and len(q.terms) <= 3):
            # ("where was she when she said it?"; not "where did he say he recognised …?")
            # "who hit back at him on the picket line?", "where was she?": the person, and the
            # sentence that brings them in.
            p = asked[0]
            said = self.look.introduction(p)
            said = said if re.search("[\"“”]", said) else f"“{said}”"
            return Answer(q.raw, f"{p.name} ({p.role}): {said} ({p.introduced}).", False,
                          "passage", (self.look.cite(p.introduced, 1.0),), (),
                          highlights=(p.name,))
        role_words = {t for p in r.people if p.kind == "person"
                      for t in content_terms(p.role)} - self.look.org_terms
        # Only a question about the role itself: nothing asked beyond names and role words.
        rest = set(q.terms) - role_words - self.look.people_terms - {
            stem(m.group()) for m in r.cues.every("ROLE_HINT")} - ROLE_FRAME
        asks_role = bool(r.people) and not speech and (
            len(role_words & set(q.terms)) >= 1 or r.cues.has("ROLE_HINT")) and q.form in (
            "which", "what", "other") and not rest
        if asks_role:
            return self._describe_people(q, [p for p in r.people if p.kind == "person"])
        if not r.cues.has("ROLE_Q") or speech or q.form in (
                "how long", "how many", "how much", "when", "date") or r.cues.has("NEIGHBOUR"):
            return None  # ("whos ahead of us?": a place in the ranking, no office)
        people = [p for p in r.people if p.kind != "group" or len(r.people) == 1]
        if any(p.is_person for p in people):
            people = [p for p in people if p.is_person]
        office = r.cues.first("OFFICE_OF")
        if office and not any(p.is_person for p in people) and not any(
                t in self.look.people_tokens for t in tokens(office.group(1))):
            return self.look.abstain(q, f"The article doesn't name the {office.group(1)}.")
        if not people:
            if r.unknown and r.cues.has("WHO_IS"):
                return self._not_mentioned(r)
            return None
        return self._describe_people(q, people)


class QuotedAnswerer(TextWork):
    """Who the article quotes."""

    name = "quoted"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        """'Who does the article quote?': every person whose words it gives."""
        if r.cues.has("SPOKE_FOR") and r.q.form in ("who", "which", "what", "other"):
            # "Who spoke for the BMA?": the members of the organisation the article quotes.
            orgs = {p.id for p in r.people if not p.is_person}
            members = [p for p in self.look.with_members([self.look.people[o] for o in orgs])
                       if p.is_person and any(p.id in s.speakers
                                              for s in self.look.corpus.passages)]
            if members:
                first = {p.id: next(s.id for s in self.look.corpus.passages
                                    if p.id in s.speakers) for p in members}
                listed = "; ".join(f"{p.name} ({p.role}, {first[p.id]})" for p in members)
                return Answer(r.q.raw, f"The article quotes {listed}.", False, "passage",
                              tuple(self.look.cite(pid, 1.0) for pid in dict.fromkeys(
                                  first.values())), (), highlights=tuple(p.name for p in members))
        if not r.cues.has("QUOTED_Q"):
            return None
        seen: dict[str, str] = {}
        for passage in self.look.corpus.passages:
            for pid in passage.speakers:
                person = self.look.people.get(pid)
                if person and person.kind == "person" and pid not in seen:
                    seen[pid] = passage.id
        if not seen:
            return None
        people = [self.look.people[p] for p in seen]
        # "Who was quoted for the Black Country side?": those whose role the question names.
        asked = set(r.q.terms) - GENERIC_TERMS
        fitting = [p for p in people if len(asked & set(content_terms(p.role))) >= 2] or [
            p for p in r.described if p in people] or [  # ("who was the nuh doc quoted")
            p for p in people if asked & set(content_terms(p.organisation))]  # ("the nhs voice")
        if fitting and len(fitting) < len(people):
            listed = "; ".join(f"{p.name} ({p.role}, {seen[p.id]})" for p in fitting)
            return Answer(r.q.raw, f"The article quotes {listed}.", False, "passage",
                          tuple(self.look.cite(seen[p.id], 1.0) for p in fitting), (),
                          highlights=tuple(p.name for p in fitting))
        listed = "; ".join(f"{p.name} ({p.role}, {seen[p.id]})" for p in people)
        return Answer(r.q.raw, f"The article quotes {len(people)} people: {listed}.", False,
                      "passage", tuple(self.look.cite(pid, 1.0) for pid in dict.fromkeys(
                          seen.values())), (), highlights=tuple(p.name for p in people))


class WhoSaidThatAnswerer(TextWork):
    """'Who said that?': the speaker of the words the last answer quoted."""

    name = "who_said_that"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if not r.cues.has("WHO_SAID_THAT") or not conv.turns or not conv.turns[-1].citations:
            return None
        pid = conv.turns[-1].citations[0].passage
        passage = self.look.corpus.passage(pid)
        people = [self.look.people[s] for s in passage.speakers if s in self.look.people] \
            if passage else []
        if not people:
            return None
        return Answer(r.q.raw, f"{_names(people)} ({pid}).", False, "passage",
                      (self.look.cite(pid, 1.0),), (), highlights=tuple(p.name for p in people))


class StatementByAnswerer(TextWork):
    """'who were the 2 that put the statement out': the speakers of the passage the article
    calls a statement."""

    name = "statement_by"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if not r.cues.has("STATEMENT_BY"):
            return None
        found = [p for p in self.look.corpus.passages if p.speakers and
                 re.search(r"\bstatement\b", p.text, re.I)]
        if len(found) != 1:
            return None
        passage = found[0]
        people = [self.look.people[s] for s in passage.speakers if s in self.look.people]
        sentence = next(t for t in passage.sentences if re.search(r"\bstatement\b", t, re.I))
        return Answer(r.q.raw, f"{_names(people)}: “{sentence.split(' said')[0]}” ({passage.id}).",
                      False, "passage", (self.look.cite(passage.id, 1.0),), (),
                      highlights=tuple(p.name for p in people))


class CalledAnswerer(TextWork):
    """"What did X call Y": inside X's own words."""

    name = "called"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        """'What did the co-chairs call Barclay's Commons comments?': inside X's words, the
        sentence about Y, or the verdict right after it ("This is an incredible act of …")."""
        match = r.cues.first("CALL_Q")
        if not match:
            return None
        speakers = {p.id for p in list(r.phrase_speakers)} or {
            p.id for p in self.look.with_members(r.referred)} or {
            p.id for p in self.look.with_members(list(r.speakers))}  # "what did barclay call …"
        if not speakers:
            return None
        # (what names the thing, not the thing: "the cx numbers", "his comments")
        target = set(content_terms(match.group(1))) - GENERIC_TERMS - CALLED_FRAME
        best: tuple[float, str, int] | None = None
        for passage in self.look.corpus.passages:
            if not speakers & set(passage.speakers):
                continue
            for number, _ in enumerate(passage.sentences):
                terms = self.look.sentence_terms[(passage.id, number)]
                score = sum(self.look.vocab.weight(t, set()) for t in target & terms)
                if score and (best is None or score > best[0]):
                    best = (score, passage.id, number)
        full = sum(self.look.vocab.weight(t, set()) for t in target)
        if best is None or best[0] < 0.5 * full:
            return None  # the thing named is not among their words
        _, pid, number = best
        found = self.look.corpus.passage(pid)
        assert found is not None
        nxt = number + 1
        if nxt < len(found.sentences) and VERDICT.match(found.sentences[nxt]):
            number = nxt
        return self._quote(r, pid, number, 1.0)


class WhyThatAnswerer(TextWork):
    """A bare 'why?' after someone's words: what they say next, which gives their grounds."""

    name = "why_that"

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if r.q.form != "why" or len(r.q.terms) > 2 or r.subjects or r.q.numbers or \
                r.cues.has("event_words", "count_cues") or not conv.turns or \
                conv.turns[-1].kind != "passage" or not conv.turns[-1].citations:
            return None  # ("why do they say they went on strike": their reasons, elsewhere)
        cited = conv.turns[-1].citations[-1]
        passage = self.look.corpus.passage(cited.passage)
        if passage is None or not passage.speakers:
            return None
        at = next((i for i, t in enumerate(passage.sentences) if t in cited.text or
                   cited.text in t), None)
        if at is None:
            return None
        order = [p.id for p in self.look.corpus.passages]
        at_passage = order.index(passage.id)
        following = self.look.corpus.passage(order[at_passage + 1]) \
            if at_passage + 1 < len(order) else None
        nexts = [(passage.id, i) for i in range(at + 1, len(passage.sentences))]
        if following is not None and set(following.speakers) & set(passage.speakers):
            nexts += [(following.id, i) for i in range(len(following.sentences))]
        if not nexts:
            return None
        # What they say next; the first of it that gives grounds outright, if any does.
        grounds = [(pid, i) for pid, i in nexts if GROUNDS_WORDS.search(
            self.look.corpus.passage(pid).sentences[i])]  # type: ignore[union-attr]
        pid, i = (grounds or nexts)[0]
        return self._quote(r, pid, i, 1.0)
