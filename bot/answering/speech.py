"""Answers about who said what, read off the article model (bot.article_model): what X said
(direct and reported, every matching speaker), did X say Y (checked against X's sentences
only), who said it first in a quote inside a quote, direct or reported speech, what X called
Y, and reasons the text gives across sentences. None hands the question on."""

from __future__ import annotations

import re

from ..answer import Answer, Citation
from ..article_model import ArticleModel, Sentence
from ..claims import contradiction
from ..conversation import Conversation
from ..lookups import Lookups
from ..reading import Reading
from ..retrieval import Retriever
from ..rules import (
    ACT_NAMES,
    ACT_RE,
    ASK_WORDS,
    MODAL,
    NEGATIVE,
    NOMINAL_CAUSE,
    ORG_POSITION,
    RARE_IDF,
    RELATION_NAMES,
    SOME_WORDS,
)
from ..text import content_terms, stem

MATCH = 0.6  # share of the claim's weighted words a sentence must hold
WHY_MATCH = 0.45


class SpeechAnswerer:
    """Who said what and why, from the sentences of the article model."""

    name = "speech"

    def __init__(self, look: Lookups, retriever: Retriever) -> None:
        self.look = look
        self.model = retriever.index.article_model

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        if self.model is None or not self.model.sentences:
            return None
        return _Speech(self.look, r, self.model).answer()


class _Speech:
    """One question's speech reading against the model: the steps share its speakers, its
    quoted phrase and its claim's words."""

    def __init__(self, c: Lookups, r: Reading, model: ArticleModel) -> None:
        self.c, self.r, self.q, self.model = c, r, r.q, model
        self.speakers = list(r.voices)
        self.ids = {p.id for p in self.speakers}
        self.phrase = r.quoted[0] if r.quoted else ""
        self.terms = list(r.claim_terms)

    # -- scoring --------------------------------------------------------------------------

    def _have(self, s: Sentence | _Text) -> set[str]:
        have = set(content_terms(s.text)) - self.c.people_terms
        if have & self.c.action_terms or any(p in s.text.lower() for p in self.c.action_phrases):
            have |= self.c.action_terms  # ("how many pts were affected": "had their care put
            # back")
        return have

    def _cover(self, terms: list[str], s: Sentence | _Text) -> float:
        have = self._have(s)
        total = found = 0.0
        for t in terms:
            w = self.c.vocab.weight(t)
            total += w
            if t in have or len(t) >= 5 and any(h[:6] == t[:6] and len(h) >= 5 for h in have):
                found += w
        return found / total if total else 0.0

    def _best(self, sentences: list[Sentence], terms: list[str]) -> tuple[float, Sentence | None]:
        best: tuple[float, Sentence | None] = (0.0, None)
        for s in sentences:
            score = self._cover(terms, s)
            if score > best[0]:
                best = (score, s)
        return best

    def _rare_missing(self, terms: list[str], sentences: list[Sentence]) -> list[str]:
        """The claim's distinctive words none of the sentences has."""
        have = set().union(*(self._have(s) for s in sentences)) if sentences else set()
        return [t for t in terms if self.c.vocab.knows(t) and self.c.vocab.weight(t) >= 1.9
                and t not in self.c.entity_terms and not any(h[:6] == t[:6] for h in have)]

    # -- writing --------------------------------------------------------------------------

    def _who(self, ids: tuple[str, ...] | list[str]) -> str:
        people = [self.c.people[i] for i in ids if i in self.c.people]
        if len(people) > 1 and all(p.role == people[0].role for p in people):
            role = re.sub(r"^co-chair\b", "co-chairs", people[0].role)
            return f"{' and '.join(p.name for p in people)} ({role})"
        return " and ".join(f"{p.name} ({p.role})" if p.is_person else p.name for p in people)

    def _say(self, s: Sentence) -> str:
        """A sentence as the answer gives it: a direct quote in quotation marks after its
        speaker, anything else as the article words it."""
        if s.mode == "direct" and s.speakers:
            words = _words(s)
            return f"{self._who(s.speakers)} said: \u201c{words}\u201d ({s.passage})"
        return f"{s.text} ({s.passage})"

    def _answer(self, lead: str, sentences: list[Sentence]) -> Answer:
        sentences = list(dict.fromkeys(sentences))
        parts: list[str] = []
        joined: list[Sentence] = []
        for s in sentences:
            if joined and s.mode == "direct" and joined[-1].mode == "direct" and \
                    joined[-1].speakers == s.speakers and joined[-1].passage == s.passage:
                joined.append(s)
                words = _words(s)
                parts[-1] = parts[-1].rsplit("\u201d (", 1)[0] + f" {words}\u201d ({s.passage})"
                continue
            joined.append(s)
            parts.append(self._say(s))
        text = " ".join(p for p in (lead, " ".join(parts)) if p)
        cites = tuple(Citation(s.passage, s.text, 1.0) for s in sentences)
        return Answer(self.q.raw, text, False, "passage", cites, (),
                      highlights=tuple(s.text for s in sentences))

    # -- the questions --------------------------------------------------------------------

    def answer(self) -> Answer | None:
        if not self.ids and "pounds" in self.r.units and not self.r.cues.has("SAID_Q") and any(
                f.unit == "pounds" for f in self.c.others):
            return None  # "and what would that mean in £ for some junior docs": a figure
        noun = self.r.noun
        if noun and self.r.cues.has("YESNO") and self.r.cues.has("QUANTITY_Q") and \
                noun not in self.c.lex.counted_nouns:
            return None  # "did they say how many docs walked out at ours": a count, not words
        if noun and self.ids and self.r.q.form == "how many" and (
                self.r.cues.has("YESNO") or noun not in self.c.lex.counted_nouns):
            # "did she say how many clinics weren't booked", "how many staff did she thank":
            # whether their words give a number
            mine = self._spoken()
            score, best = self._best(mine, self.terms) if self.terms else (0.0, None)
            if best is not None and score >= MATCH and not re.search(r"\d", best.text):
                return Answer(self.q.raw, f"The article doesn't say: no number in these "
                                          f"words. {self._say(best)}", True, "none",
                              (Citation(best.passage, best.text, 1.0),))
            if mine and not any(re.search(r"\d", s.text) for s in mine):
                # ("did she say how many of ours were ops": none of her words has a number)
                names = " and ".join(p.name for p in self.speakers)
                return self.c.abstain(self.q, f"The article doesn't say: {names} gives no "
                                              f"numbers.")
        # "What did they call Barclay's 'sit down' comment": a naming, before the quote inside.
        for step in (self._for_us, self._responses, self._said_anything, self._phrase_about,
                     self._who_used,
                     self._anyone_said,
                     self._mode, self._called_claim,
                     self._called, self._nested, self._commented, self._yesno,
                     self._acts,
                     self._why, self._relation, self._said):
            found = step()
            if found is not None:
                return found
        return None

    def _responses(self) -> Answer | None:
        """'Who pushed back on that?', 'did the BMA say anything back to Barclay?': the words
        of everyone else that name the one answered (and the sentence they go on with)."""
        by = {p.id for p in self.r.answering}
        if not self.r.answered and by:
            return self._answered_whom(by)
        if not self.r.answered:
            return None
        answered = {p.id for p in self.c.with_members(list(self.r.answered))}
        found: list[Sentence] = []
        sentences = list(self.model.sentences)
        for i, s in enumerate(sentences):
            voices = set(s.speakers) or set(s.people) - answered
            if not set(s.people) & answered or not voices or voices & answered or (
                    by and not voices & by):
                continue
            found.append(s)
            after = sentences[i + 1] if i + 1 < len(sentences) else None
            if after is not None and after.speakers and (after.speakers == s.speakers or (
                    not s.speakers and set(after.speakers) <= voices)):
                found.append(after)  # ("An open door is no use …": what they go on to say)
        if not found:
            if self.q.form != "yesno" or not by:
                return None
            names = " and ".join(p.name for p in self.r.answered)
            return Answer(self.q.raw, f"No: the article gives no words of "
                                      f"{self._who(sorted(by))} about {names}.", False, "none")
        lead = "Yes." if self.q.form == "yesno" else ""
        return self._answer(lead, found[:4])

    def _for_us(self) -> Answer | None:
        """'did anyone quoted speak for us?': whoever's role covers the writer's own (or the
        area it is in), or no one."""
        own = self.r.own
        if own is None or not self.r.cues.has("SPOKE_FOR_US"):
            return None
        ours = self.c.speaking_for(own)
        if not ours:
            return Answer(self.q.raw, f"No: none of the people the article quotes speaks for "
                                      f"{own.subject}; it quotes {self.c.lex.speakers}.",
                          False, "none")
        first = [s for s in self.model.sentences if set(s.speakers) & {p.id for p in ours}][:1]
        lead = "Yes: " if self.q.form == "yesno" else ""
        who = " and ".join(f"{p.name} ({p.role})" for p in ours)
        return self._answer(f"{lead}{who}.", first)

    def _answered_whom(self, by: set[str]) -> Answer | None:
        """'whose claim was she answering?': the others her own words name."""
        mine = [s for s in self.model.sentences if set(s.speakers) & by or (
            not s.speakers and set(s.people) & by)]
        named = [(pid, s) for s in mine for pid in s.people if pid not in by]
        if not named:
            return None
        first = named[0][0]
        person = self.c.people.get(first)
        if person is None:
            return None
        lead = f"{self._who(sorted(by))} was answering {person.name} ({person.role}):" if \
            person.is_person else f"{self._who(sorted(by))} was answering {person.name}:"
        return self._answer(lead, [s for pid, s in named if pid == first][:2])

    def _who_used(self) -> Answer | None:
        """'Who called Barclay's stance double-speak?': whoever's own words hold the rare words
        the question gives (the people it names are spoken of, not asked)."""
        if self.q.form != "who" or not self.r.cues.has("WHO_SPOKE"):
            return None
        rare = [t for t in self.terms if self.c.vocab.weight(t) >= RARE_IDF]
        if self.ids and not rare:
            return None
        if rare:
            # The rarest word someone's own words hold ("position" is in others' words too;
            # "came back with the double-speak bit": not "back")
            found = []
            for rarest in sorted(rare, key=self.c.vocab.weight, reverse=True):
                said = [s for s in self.model.sentences if s.speakers and rarest in self._have(s)]
                if said:  # (the rarest word anyone's words hold decides, quoted or reported)
                    found = [s for s in said if s.mode == "direct"
                             and not set(s.speakers) & self.ids]
                    break
        else:  # "who thanked the staff?": everyone whose words say so, each once
            found = [s for s in self.model.sentences if s.speakers and s.mode != "narration"
                     and self._cover(self.terms, s) >= MATCH]
            found = list({s.speakers: s for s in reversed(found)}.values())[::-1]
        if not found or len({s.speakers for s in found}) > 3:
            return None
        return self._answer("", found[:3])

    def _anyone_said(self) -> Answer | None:
        """'did anyone from the trust say sorry?': yes, with the words of whoever's own
        words hold the claim's rarest word (no: nobody's do)."""
        asked = self.r.cues.first("ANYONE_SAID")
        if self.q.form != "yesno" or asked is None:
            return None
        asking = set(content_terms(asked.group()))  # (not "anyone" nor "say" themselves)
        rare = sorted((t for t in self.terms if self.c.vocab.weight(t) >= RARE_IDF
                       and t not in asking), key=self.c.vocab.weight, reverse=True)
        for word in rare:
            said = [s for s in self.model.sentences if s.speakers and s.mode != "narration"
                    and word in self._have(s)]
            if said:
                return self._answer("Yes:", said[:2])
        return None

    def _spoken(self) -> list[Sentence]:
        """Their words, direct or reported; an organisation's also where the article states
        its position in its own voice ("the areas the RCN agreed to keep staffed")."""
        orgs = {p.id for p in self.speakers if p.kind == "organisation"}
        return [s for s in self.model.sentences if self.ids & set(s.speakers) and
                s.mode != "narration" or orgs & set(s.people) and not s.speakers and
                s.mode == "narration" and ORG_POSITION.search(s.text)]

    def _mode(self) -> Answer | None:
        """'Is X's view given as a direct quotation?': the mode of X's sentence."""
        if not self.r.cues.has("MODE_Q") or not self.ids:
            return None
        mine = self._spoken()
        score, best = self._best(mine, self.terms) if self.terms else (1.0, mine[0] if mine
                                                                          else None)
        if best is None or score < 0.34:
            return None
        if best.mode == "direct":
            lead = f"Direct quotation: {self._who(best.speakers)} is quoted in their own words."
        else:
            words = "\u201d, \u201c".join(dict.fromkeys(
                quote.text for s in mine if s.mode == "reported" for quote in s.quotes))
            lead = "Reported speech, not a direct quotation" + (
                f"; the only words quoted verbatim are \u201c{words}\u201d" if words else "") + "."
        return self._answer(lead, [best])

    def _nested(self) -> Answer | None:
        """A quote inside a quote: who said it first, who is quoting."""
        asked = self.r.cues.has("NESTED_Q")
        phrase = self.phrase.lower()
        candidates = [s for s in self.model.sentences if s.nested]
        if phrase:
            candidates = [s for s in candidates if any(phrase[:40] in quote.text.lower() or
                                                       phrase[:40] in s.text.lower()
                                                       for quote in s.nested)]
            if not candidates:
                return None
        elif not asked:
            return None
        inner_ids = {p.id for p in self.r.people} - set()
        scored = []
        for s in candidates:
            score = self._cover(self.terms, s) if self.terms else 0.5
            if self.ids & set(s.speakers):
                score += 0.3
            if any(inner_ids & set(q.speakers) for q in s.nested):
                score += 0.2
            scored.append((score, s))
        if not scored:
            return None
        score, best = max(scored, key=lambda x: x[0])
        if score < 0.5 and not phrase:
            return None
        inner = best.nested[0]
        where = re.search(r"\b(?:in|at) the ([A-Z][\w ]+?)(?= that\b|,|$)", best.text)
        lead = (f"{self._who(inner.speakers)} said it first"
                + (f", in the {where.group(1)}" if where else "")
                + f"; {self._who(best.speakers)} quote{'s' if len(best.speakers) == 1 else ''}"
                  f" {self._pronoun(inner.speakers)} in their statement, putting these words "
                  f"in {self._pronoun(inner.speakers, True)} mouth: \u201c{inner.text}\u201d.")
        return self._answer(lead, [best])

    def _phrase_about(self) -> Answer | None:
        """"what was mackey's 'unacceptable' about": the words of theirs it is in."""
        if not self.phrase or not self.ids or self.q.form not in ("what", "why") or \
                "about" not in self.r.words:
            return None
        low = self.phrase.lower()
        found = [s for s in self.model.by(self.ids) if low in s.text.lower()]
        if len(found) != 1:
            return None
        before = self.model.before(found[0])
        if found[0].relation == "comment" and before is not None and \
                before.speakers == found[0].speakers:
            found.insert(0, before)  # ("what was that 'double-speak' abt": what it is said of)
        return self._answer("", found)

    def _said_anything(self) -> Answer | None:
        """'did he say anything to the BMA': their words that take the other up, if any."""
        if not self.ids or not self.r.cues.has("SAID_ANYTHING"):
            return None
        others = {p.id for p in self.r.people} - self.ids
        if not others:
            return None
        words = [s for s in self._spoken() + [s for s in self.model.by(self.ids)
                                               if s.mode == "narration"]
                 if others & set(s.people)]
        if not words:
            return None
        return self._answer("Yes.", sorted(set(words), key=lambda s: s.key))

    def _commented(self) -> Answer | None:
        """'they called something he said double-speak? what was it he said': the words a
        speaker quotes just before their verdict on them (the verdict's own word asked)."""
        if self.q.form != "what" or not self.r.cues.has("SPEECH_ACT_Q"):
            return None
        rare = [t for t in self.terms if self.c.vocab.weight(t) >= 1.9 and
                t not in self.c.entity_terms]
        verdicts = [s for s in self.model.sentences if rare and s.relation == "comment" and
                    all(t in self._have(s) for t in rare)]
        before = self.model.before(verdicts[0]) if len(verdicts) == 1 else None
        if before is None or not before.nested or before.speakers != verdicts[0].speakers:
            return None
        inner = before.nested[0]
        names = [" and ".join(self.c.people[i].name for i in ids if i in self.c.people)
                 for ids in (inner.speakers, before.speakers)]
        lead = (f"{names[0]}'s words, as {names[1]} quote {self._pronoun(inner.speakers)}: "
                f"\u201c{inner.text}\u201d.")
        return self._answer(lead, [before, verdicts[0]])

    def _pronoun(self, ids: tuple[str, ...], possessive: bool = False) -> str:
        p = self.c.people.get(ids[0]) if ids else None
        if p is None or p.pronoun == "they":
            return "their" if possessive else "them"
        return {"he": "his", "she": "her"}[p.pronoun] if possessive else {
            "he": "him", "she": "her"}[p.pronoun]

    def _yesno(self) -> Answer | None:
        """'Did X say Y?': checked against X's sentences only; if not, who did say it."""
        cues = self.r.cues
        claim = cues.has("YESNO") or self.q.form == "yesno" and not cues.has("TIMING_NEXT")
        if not claim or not self.r.phrase_speakers and not (
                self.ids and cues.has("SPEECH_ACT_Q")):
            return None
        mine = self._spoken()
        others = [s for s in self.model.sentences if s.speakers and s.mode != "narration"
                  and not self.ids & set(s.speakers)]
        act = next((words for name, (_, words) in zip(ACT_NAMES, ACT_RE, strict=True)
                    if cues.has(name)), None)
        if act and not self.phrase:
            # "Did X apologise?": X's sentences that do it, and nothing else.
            doing = [s for s in mine if any(re.search(rf"\b{w}", s.text, re.I) for w in act)]
            theirs = [s for s in others if any(re.search(rf"\b{w}", s.text, re.I) for w in act)]
            if doing and self.terms:
                # Whom or what the act is about decides it too: "thanked the volunteers who
                # kept patients safe" may be someone else's thanks.
                mine_score, own_best = self._best(doing, self.terms)
                their_score, other = self._best(theirs, self.terms)
                if other is not None and their_score >= MATCH and their_score > mine_score + 0.25:
                    return self._answer(f"No, not {self._asked()}; the article gives that to "
                                        f"{self._who(other.speakers)}:", [other])
                against = contradiction(self.r.claim, own_best.text) if own_best else ""
                if against and own_best is not None:
                    return self._answer(f"No: {against}.", [own_best])
            if doing:
                against = contradiction(self.r.claim, doing[0].text)
                return self._answer(f"No: {against}." if against else "Yes.", doing)
            if theirs:
                return self._answer(f"No, not {self._asked()}; the article gives that to "
                                    f"{self._who(theirs[0].speakers)}:", theirs[:1])
        if self.phrase:
            low = self.phrase.lower()[:40]
            own = [s for s in mine if low in s.text.lower()]
            if own:
                return self._answer("Yes.", own[:1])
            theirs = [s for s in others if low in s.text.lower()]
            if theirs:
                who = self._who(theirs[0].speakers)
                return self._answer(f"No. Those are {who}'s words, not {self._asked()}'s:",
                                    theirs[:1])
            return None
        terms = self.terms
        if not terms or not mine:
            return None
        score, best = self._best(mine, terms)
        rare = self._rare_missing(terms, mine)
        if best is not None and score >= MATCH and not rare:
            negative_claim = self.r.claim_negated
            negative_said = bool(NEGATIVE.search(best.text.lower()))
            if cues.has("ALL_WORDS") and SOME_WORDS.search(best.text.lower()):
                return self._answer("No: not all of them.", [best])
            if negative_claim != negative_said:
                return self._answer("No.", [best])
            against = contradiction(self.r.claim, best.text)
            if against:
                return self._answer(f"No: {against}.", [best])
            if self.r.claim_unknown:
                # "Did she give a date …?": the article never speaks of a date, so no yes.
                return self._answer("The article doesn't say that in those words:", [best])
            return self._answer("Yes.", [best])
        negative = self.r.claim_negated
        if best is not None and score >= 0.3 and negative and not NEGATIVE.search(
                best.text.lower()):
            return self._answer("No.", [best])
        if rare:
            theirs_score, other = self._best(others, terms)
            if other is not None and theirs_score >= MATCH:
                return self._answer(f"No, not {self._asked()}. The article gives those words "
                                    f"to {self._who(other.speakers)}:", [other])
            if best is not None and score >= 0.3:
                return self._answer("No.", [best])
        return None

    def _asked(self) -> str:
        persons = [p for p in self.speakers if p.is_person]
        return " and ".join(p.name for p in persons) or (
            self.speakers[0].name if self.speakers else "them")

    def _called_claim(self) -> Answer | None:
        """'barclay called the strike "deeply regrettable" right?': the words claimed against
        the words in quotation marks the speaker is given."""
        if self.r.q.form != "yesno" or not self.phrase or not self.ids or \
                not self.r.cues.has("CALLED_CLAIM") or len(self.phrase.split()) > 4:
            return None
        mine = self._spoken()
        quoted = [(quote, s) for s in mine for quote in s.quotes if not quote.nested and
                  len(quote.text.split()) <= 6]
        if not quoted:
            return None
        low = self.phrase.lower()
        said = [(quote, s) for quote, s in quoted if low in quote.text.lower()]
        if said:
            return self._answer("Yes.", [said[0][1]])
        claimed = set(content_terms(self.phrase))
        quote, s = max(quoted, key=lambda qs: len(claimed & set(content_terms(qs[0].text))))
        words = quote.text.strip(" \u201c\u201d\"")
        return self._answer(f"No: {self._asked()} called it “{words}”, not “{self.phrase}”:",
                            [s])

    def _called(self) -> Answer | None:
        """'What did X call Y', 'X's phrase for it': inside X's words."""
        m = self.r.cues.first("CALLED_Q")
        if not m or not self.ids:
            return None
        target = next(g for g in (m.group(2), m.group(4), m.group(6), m.group(8))
                      if g is not None)
        mine = self._spoken()
        if not mine:
            return None
        wanted = [t for t in content_terms(target) if t not in ASK_WORDS]
        named = {p.id for p in self.r.people} - self.ids
        best: tuple[float, Sentence | None] = (0.0, None)
        for s in mine:
            score = self._cover(wanted, s) if wanted else 0.0
            score += 0.5 * len(named & set(s.people) | named & {i for q in s.nested
                                                                   for i in q.speakers})
            if s.quotes and s.mode == "reported":
                score += 0.2
            if score > best[0]:
                best = (score, s)
        found = best[1]
        if found is None or best[0] < 0.5:
            if wanted and not named:
                return None
            found = next((s for s in mine if s.mode == "reported" and s.quotes), None)
            if found is None:
                return None
        nxt = self.model.after(found)
        if nxt is not None and nxt.relation == "comment" and nxt.speakers == found.speakers:
            return self._answer("", [found, nxt] if found.nested else [nxt])
        if found.mode == "reported" and found.quotes:
            words = "\u201d, \u201c".join(quote.text for quote in found.quotes)
            return self._answer(f"{self._who(found.speakers)} called it \u201c{words}\u201d:",
                                [found])
        prev = self.model.before(found)
        if found.relation == "comment" and prev is not None and self.phrase and \
                self.phrase.lower()[:12] in found.text.lower():
            # "what did the bma call 'double-speak'?": what that comment is on, the words
            # before it
            return self._answer("", [prev, found])
        return self._answer("", [found])

    def _acts(self) -> Answer | None:
        """'Whom did X thank', 'what did X apologise for': every sentence of X's that does it."""
        if not self.ids:
            return None
        for name, (_, words) in zip(ACT_NAMES, ACT_RE, strict=True):
            if self.r.cues.has(name):
                mine = [s for s in self._spoken() if any(
                    re.search(rf"\b{w}", s.text, re.I) for w in words)]
                if mine:
                    return self._answer("", mine)
        return None

    def _why(self) -> Answer | None:
        """A reason the text gives: in the sentence's own causal clause, or the sentence its
        'This is why' points back to, or the one after that gives the grounds."""
        if not self.r.cues.has("WHY_Q") or not self.terms:
            return None
        pool = self._spoken() if self.ids else [s for s in self.model.sentences
                                                 if not self.c.is_headline(s.passage)]
        hedged = self.r.cues.has("MODAL")
        best, score = None, 0.0
        for s in pool:
            value = self._cover(self.terms, s) + (0.15 if hedged and MODAL.search(s.text) else 0)
            if value > score:
                best, score = s, value
        if best is None or score < WHY_MATCH:
            return None
        before, after = self.model.before(best), self.model.after(best)
        found = [best]
        own = [cl for cl in best.clauses if cl.relation in ("reason", "purpose", "condition")]
        result = next((cl for cl in best.clauses if cl.relation == "consequence"), None)
        if not own and result is not None:
            # "… focused on emergencies and as a result appointments were moved": asked why
            # they were moved, the words before "as a result" are the reason.
            at = best.text.find(result.cue)
            if at > 0 and self._cover(self.terms, _Text(best.text[at:])) > self._cover(
                    self.terms, _Text(best.text[:at])):
                return self._answer("", [best])
        if own:
            # Asked about the words after its own "because …"? Then that clause answers.
            # ("This is why we strike, and … because …": the reason of its first clause is
            # the sentence before.)
            scope = re.split(r",|\band\b", best.text, maxsplit=1)[0]
            head = self._cover(self.terms, _Text(scope))
            tail = self._cover(self.terms, _Text(best.text[len(scope):]))
            at = best.text.find(own[0].cue)
            if head > tail and best.relation == "consequence":
                own = []
            elif self._cover(self.terms, _Text(best.text[at:])) > self._cover(
                    self.terms, _Text(best.text[:at])):
                # the question's words are the cause given, not what it explains: a sentence
                # that says "this is why" of them, with the one before it, answers instead
                # ("why were junior doctors striking": "This is why we have been led to strike")
                nominal = NOMINAL_CAUSE.match(own[0].cue.lower())  # (a named cause)
                led = [x for x in pool if nominal and x.relation == "consequence" and
                       x is not best and self._cover(self.terms, x) > 0 and
                       (b := self.model.before(x)) is not None and b.speakers == x.speakers]
                if not led:
                    return None
                return self._answer("", [b for x in led[:1] if (b := self.model.before(x))] +
                                    led[:1])
        if not own and best.relation in ("consequence", "comment") and before is not None and (
                before.speakers == best.speakers):
            found.insert(0, before)
        elif not own and after is not None and after.speakers == best.speakers and (
                after.relation in ("reason", "elaboration", "addition", "") and (
                    best.speakers or after.relation == "reason")):
            found.append(after)
        elif not own:
            return None
        return self._answer("", found)

    def _relation(self) -> Answer | None:
        """'His condition for talks?', 'what consequence…': X's sentence with that clause."""
        kind = next((k for k, name in RELATION_NAMES if self.r.cues.has(name)), None)
        if kind is None:
            return None
        pool = self._spoken() if self.ids else list(self.model.sentences)
        terms = [t for t in self.terms if t not in {stem(w) for w in (
            "condition", "conditions", "precondition", "consequence", "consequences", "effect",
            "result", "practical", "purpose", "mean", "happen", "lead")}]
        scored = []
        for s in pool:
            if kind == "consequence" and s.relation == "consequence":
                has = True
            else:
                has = any(cl.relation == kind for cl in s.clauses)
            if has:
                scored.append((self._cover(terms, s) if terms else 0.5, s))
        if not scored:
            return None
        score, best = max(scored, key=lambda x: x[0])
        if score < 0.34:
            return None
        return self._answer("", [best])

    def _said(self) -> Answer | None:
        """'What did X say (about Y)': X's direct and reported words, from every speaker the
        question names (an organisation through its members)."""
        found = self._said_about()
        if found is None and self.q.numbers and self.q.form == "what" and self.ids and \
                self.r.cues.has("SAID_Q"):
            # "what did barclay say the 35% would mean": the one sentence of theirs with it
            stated = [s for s in self._spoken() if any(
                float(n.replace(",", "")) in self.q.numbers
                for n in re.findall(r"\d[\d,]*(?:\.\d+)?", s.text))]
            if len(stated) == 1 and (after := self.model.after(stated[0])) is not None and \
                    after.speakers == stated[0].speakers and after.passage == stated[0].passage:
                stated.append(after)  # (what they go on to say of it, in the same breath)
            found = self._answer("", stated) if 1 <= len(stated) <= 2 else None
        if found is None and self.r.cues.has("event_frame"):
            # "what did she say was the priority during the strike": when, not what about
            terms, self.terms = self.terms, [t for t in self.terms
                                             if t not in self.c.event_terms]
            found = self._said_about() if self.terms != terms else None
            self.terms = terms
        return found

    def _said_about(self) -> Answer | None:
        if not self.ids or not self.r.cues.has("SAID_Q") or self.r.cues.has("YESNO"):
            return None
        mine = self._spoken()
        if not mine:
            return None
        counted = [s for s in mine if re.search(r"\d", s.text)]
        if self.r.cues.has("QUANTITY_Q") and counted and self.r.q.form == "what":
            # "what did she say about how many pts were affected": her words with a figure
            covered, said = self._best(counted, self.terms)
            if said is not None and covered >= 0.5:
                return self._answer("", [said])
        if self.r.cues.has("QUANTITY_Q") or self._rare_missing(self.terms, mine):
            return None  # a figure, or a word the speaker never uses: the other paths' work
        others = {p.id for p in self.r.people} - self.ids
        about = [s for s in mine if others & (set(s.people) | {i for q in s.nested
                                                                for i in q.speakers})]
        if others and about and not self.terms:
            # The speaker's verdict on what they just reported ("This is an incredible act
            # of …") is part of what they said about it.
            # (and what they go on to say of it in the same breath: "… his door is open," she
            # said. "An open door is no use if …")
            verdicts = [n for s in about if (n := self.model.after(s)) is not None
                        and n.speakers == s.speakers and (n.relation == "comment" or (
                            n.passage == s.passage and n.mode == "direct" == s.mode))]
            return self._answer("", sorted(set(about + verdicts), key=lambda s: s.key))
        if not self.terms:
            # Nothing asked about: each speaker's first words, the whole run of them.
            found: list[Sentence] = []
            for pid in sorted(self.ids):
                theirs = [s for s in mine if pid in s.speakers]
                if theirs and not set(theirs[0].speakers) & {x for s in found
                                                             for x in s.speakers}:
                    first = theirs[0]
                    found += [s for s in theirs if s.passage == first.passage]
            found.sort(key=lambda s: s.key)
            return self._answer("", found) if found else None
        scored = sorted(((self._cover(self.terms, s), s) for s in mine), key=lambda x: -x[0])
        best = scored[0][0]
        matched = [t for t in self.terms if t in self._have(scored[0][1])]
        if best < 0.5 or len(matched) < 2:
            return None
        return self._answer("", [s for score, s in scored if score >= max(0.5, best - 0.1)][:3])


class _Text:
    """A piece of a sentence, scored like one."""

    def __init__(self, text: str) -> None:
        self.text = text


def _words(s: Sentence) -> str:
    """A direct sentence's own words: without "said: “" before them or ", she said" after."""
    if s.quotes:
        words = " ".join(quote.text for quote in s.quotes).strip()
        if len(words) > 0.5 * len(s.text):
            words = words.rstrip(",")
            return words if words.endswith((".", "!", "?")) else words + "."
    words = s.text
    said = re.search(r"\bsaid:\s*[\u201c\"]", words)
    if said:
        words = words[said.end():]
    return words.strip().strip("\u201c\u201d\"")
