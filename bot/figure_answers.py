"""Answers from the figures table: look-ups, computations with their working, corrections."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from . import aggregates, groups
from .answer import Answer, Citation
from .conversation import Conversation
from .figures import Figure
from .names import as_name, completes
from .numbers import bound
from .passage_answers import SPEECH_Q
from .question import Question
from .reading import Reader, Reading
from .resolve import tokens
from .text import NUMBER_WORDS, STOPWORDS, stem

# Words that say "give me the appointment figure".
COUNT_CUES = re.compile(
    r"\b(?:cancel\w*|resched\w*|postpone\w*|appoint\w*|appmt?s?|appts?|ops|operations?|"
    r"procedures?|scans?|figures?|numbers?|count|stats?|statistics|affected|hit|impact\w*|"
    r"disrupt\w*|lost|missed|called off|how many|how much)\b", re.I)
# What a "how many ..." may count and still be an appointment figure.
APPOINTMENT_NOUNS = frozenset("""appointment appointments appt appts apps cancellation
cancellations operation operations op ops procedure procedures scan scans treatment treatments
postponement postponements booking bookings clinic clinics outpatient outpatients slot slots
surgeries surgery""".split())
PEOPLE_NOUNS = frozenset("patient patients people persons".split())
FUNCTION_WORDS = frozenset("""were was had did got have has in at across for of more fewer less
times do does is are a an were""".split())
OUTCOME = re.compile(r"\b(?:already|since|so far|yet|still|now)\b.*\b(?:rebook\w*|rearrang\w*|"
                     r"reschedul\w*|seen|treated|done)\b|\bhave (?:now |already )?been "
                     r"(?:rebook\w*|rearrang\w*|seen|treated)\b")
BY_TYPE = re.compile(r"\b(?:as opposed to|rather than|versus|vs|compared with) (?:the )?(?:scans|"
                     r"operations|ops|treatments|follow-ups?)\b|"
                     r"\(?\bnot (?:the )?(?:scans|operations|ops|treatments|follow-ups?)\b|\b(?:"
                     r"only|just|excluding|except)\s+(?:the )?(?:scans|operations|ops|treatments|"
                     r"follow-ups?)\b|\bhow many\b.*\b(?:were|was) (?:operations|scans|"
                     r"treatments|follow-ups?)\b")
OTHER_PERIOD = re.compile(r"\b(?:previous|earlier|first|next|upcoming|future|other|december|"
                          r"january|february|march|april|june|july|august|september|october|"
                          r"november)\s+(?:[\w'-]+\s+){0,3}(?:strikes?|walkouts?|rounds?|"
                          r"industrial action)\b|"
                          r"\blast (?:year|month)\b")
UNIT_CUES = {"per cent": (r"\bper ?cent\b", r"\bpercentage\b", r"%"),
             "pounds": (r"£", r"\bpounds?\b", r"\bmoney\b", r"\bcash\b"),
             "days": (r"\bdays?\b", r"\bhow long\b", r"\bweeks?\b")}
ORDINAL_NUMBERS = frozenset({1.0, 2.0, 3.0, 4.0, 5.0})
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
                "a week": 7, "a fortnight": 14, "two weeks": 14}


REST_TOGETHER = re.compile(r"\b(?:than|as) (?:all )?(?:the )?(?:other|rest|remaining)\b.*"
                           r"\b(?:together|combined|put together|added|in total)\b|\b(?:other|"
                           r"remaining) (?:four|trusts) (?:put together|combined)\b", re.I)
OWN_TOTAL = re.compile(r"\b(?:of|in) (?:the )?([\w ]+?)'s (?:total |all |overall |usual |normal "
                       r"|own )?(?:appointments|operations|activity|workload|patients|bookings)")
UNIT_PATTERNS = {"days": r"\b(\d+|one|two|three|five|six|seven|eight|nine|ten)[ -]days?\b|"
                         r"\b(?:a|one|full|whole) (?:full |whole )?(week)\b",
                 "per cent": r"\b(\d+(?:\.\d+)?)\s?(?:per ?cent|%)",
                 "pounds": r"£\s?(\d[\d,]*)"}
VERSUS = re.compile(r"\b(?:more|fewer|less|bigger|smaller|larger)\b.*\bthan\b|\bversus\b|\bvs\b|"
                    r"\bcompared (?:to|with)\b|\bon (?:its|their) own\b|\bwhich is (?:larger|"
                    r"bigger|more|greater|smaller)\b")
PER_DAY = re.compile(r"\b(?:per|a|each|every) (?:strike )?day\b|\bdaily\b", re.I)
OUTSIDE = re.compile(r"\b(?:rest of|outside|elsewhere|excluding|other than|apart from|not in)\b",
                     re.I)
EXCLUDING = re.compile(r"\b(?:other than|except(?: for)?|excluding|apart from|besides|without|"
                       r"leaving out|leave out|leaving aside|set aside|not counting|ignoring|"
                       r"ignore)\s+(.+)$", re.I)


class FigureAnswers(Reader):
    def _aggregate(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        op = aggregates.detect(q.low)
        if op is None:
            return None
        noun = _counted_noun(q.low)
        if noun not in ("trusts", "trust") and _noun_kind(noun) in ("people", "other"):
            return None  # "how many patients … in total": not a count the article gives
        named = [f for f in r.subjects if f.scope == "trust"]
        if not named and (re.search(r"\b(?:one|them|those|the two|these|that|it|both|"
                                    r"they)\b", q.low) or len(q.terms) <= 2):
            named = [self.by_id[k] for k in conv.subjects
                     if k in self.by_id and self.by_id[k].scope == "trust"]
        own = OWN_TOTAL.search(q.low)
        if op == "share" and own and any(m for m in self.subject_matcher.find(own.group(1))
                                         if self.by_id[m.key].scope == "trust"):
            return self._abstain(q, "The article doesn't give the trusts' total numbers of "
                                    "appointments, only how many had to be rescheduled.")
        excluded = self._excluded(r)
        pool = [f for f in self.trusts if f not in excluded] if excluded else (
            named if len(named) >= 2 else self.trusts)
        result = self._compute(op, r, conv, named, pool)
        if result is None:
            return None
        return self._figure_answer(q, "aggregate", result.text, list(result.used))

    def _compute(self, op: str, r: Reading, conv: Conversation, named: list[Figure],
                 pool: list[Figure]) -> aggregates.Result | None:
        q = r.q
        if q.form == "yesno" and len(r.subjects) == 1 and bound(q.low) is not None:
            return None  # "Did Sandwell cancel more than 1,168.9?": the figure against a line
        explicit = [f for f in r.subjects if f.scope == "trust"]
        if REST_TOGETHER.search(q.low) and len(explicit) == 1:
            one = explicit[0]
            return aggregates.versus_rest(one, [f for f in self.trusts if f is not one])
        if PER_DAY.search(q.low) and self.days is not None and (
                self._about_counts(q) or r.subjects):
            counted = [f for f in r.subjects if f.scope != "trust"][:1] or (
                explicit if explicit else pool)
            return aggregates.per_day(counted, self.days)
        if op == "rank" and len(explicit) == 1:
            return aggregates.position(explicit[0], self.trusts)
        if op == "rank" and (len(named) >= 2 or self._about_trusts(q) or self._about_counts(q)):
            return aggregates.rank(pool, q.low)
        if op == "extreme" and any(f.scope != "trust" for f in r.subjects) and not re.search(
                r"\btrusts?\b|\bwhich\b", q.low):
            return None  # "more than what number in the region?" asks for the region's figure
        if op == "extreme":
            in_thread = conv.intent in ("figure", "aggregate") and len(q.terms) <= 3
            if not self._about_trusts(q) and not named and not in_thread:
                return None
            if len(pool) == 2 and q.form == "yesno":
                return aggregates.compare(pool[0], pool[1], q.low)
            result = aggregates.extreme(pool, q.low)
            if len(explicit) == 1 and result.used:
                # "Why did Dudley have the most?" carries a claim: check it.
                one = explicit[0]
                if result.used[0] is one and q.form == "why":
                    return None  # the claim holds; the article gives no reason: let it say so
                verdict = ("Yes." if result.used[0] is one
                           else f"No: {one.subject} had {one.display}.")
                result = aggregates.Result(f"{verdict} {result.text}", result.used)
            return result
        if len(named) >= 3 and VERSUS.search(q.low) and re.search(
                r"\b(?:together|combined|between them|added|in total|sum)\b", q.low):
            return groups.versus_together(q, named, self.subject_matcher, self.by_id)
        if op == "total":
            kept, inside = groups.disjoint(list(r.subjects))
            if inside and kept and not self._excluded(r):  # "Walsall and the region together"
                return groups.total_with_contained(kept, inside)
            if len(named) >= 2 and not self._excluded(r):
                return aggregates.total(named, None)
            if r.subjects and all(f.scope == "england" for f in r.subjects):
                return None  # "total across England" is a figure question
            if len(r.subjects) == 1 and r.subjects[0].scope == "trust" and not self._excluded(r):
                return None  # "total at Walsall" is Walsall's figure
            if self._about_counts(q) or r.subjects:
                return aggregates.total(pool, self.region if len(pool) == 5 else None)
            return None
        if op in ("difference", "ratio"):
            return self._difference(op, r, conv)
        if op == "share":
            return self._share(r)
        if op == "average":
            if len(explicit) == 1:
                return aggregates.against_average(explicit[0], self.trusts)
            if self._about_counts(q) or r.subjects:
                return aggregates.average(pool)
            return None
        if op == "median":
            ordered = sorted(self.trusts, key=lambda f: -f.value)
            middle = ordered[len(ordered) // 2]
            listed = ", ".join(aggregates.short(f) for f in ordered)
            return aggregates.Result(f"{middle.subject} is in the middle with {middle.display} "
                                     f"(from most to fewest: {listed}) (p04).", tuple(ordered))
        if op == "threshold":
            return aggregates.threshold(self.trusts, q.low)
        if op == "count":
            return aggregates.count(self.trusts)
        return None

    def _difference(self, op: str, r: Reading, conv: Conversation) -> aggregates.Result | None:
        q = r.q
        scopes = {f.scope for f in r.subjects}
        if "england" in scopes and OUTSIDE.search(q.low) and self.england is not None:
            if "region" in scopes and self.region is not None:
                return aggregates.outside(self.england, [self.region])
            if re.search(r"\btrusts\b", q.low):
                return aggregates.outside(self.england, self.trusts)
        most = re.search(rf"\b(?:{aggregates.MOST})\b|\bhardest\b", q.low)
        fewest = re.search(rf"\b(?:{aggregates.FEWEST})\b", q.low)
        if most and fewest and len(r.subjects) < 2:
            return aggregates.spread(self.trusts)
        pair = self._pair(r, conv)
        if pair is None:
            if (most or fewest) and self._about_trusts(q):
                return aggregates.extreme(self.trusts, q.low)
            return None
        if op == "difference":
            return aggregates.difference(*pair)
        times = next((n for w, n in (("twice", 2), ("double", 2), ("three times", 3),
                                     ("triple", 3), ("four times", 4)) if w in q.low), None)
        result = aggregates.ratio(*sorted(pair, key=lambda f: -f.value))
        if times is not None and q.form == "yesno":
            big, small = sorted(pair, key=lambda f: -f.value)
            verdict = "Yes" if big.value > times * small.value else "No"
            result = aggregates.Result(f"{verdict}: {result.text}", result.used)
        return result

    def _excluded(self, r: Reading) -> list[Figure]:
        """Trusts a question leaves out: 'the four trusts other than UHNM'."""
        match = EXCLUDING.search(r.q.text)
        if not match:
            return []
        left_out = self.subject_matcher.find(match.group(1))
        ids = {m.key for m in left_out}
        return [f for f in self.trusts if f.id in ids]

    def _about_trusts(self, q: Question) -> bool:
        return bool(re.search(r"\b(?:trusts?|hospitals?|which|where|who|what)\b", q.low)) and \
            bool(COUNT_CUES.search(q.low) or re.search(r"\b(?:trust|hit|affected|worst|hardest|"
                                                       r"best|busiest)\b", q.low))

    def _about_counts(self, q: Question) -> bool:
        return bool(COUNT_CUES.search(q.low)) or bool(re.search(r"\btrusts?\b", q.low)) or (
            q.injected and bool(q.numbers))

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
        if len(named) > 1 and all(f.scope == "trust" for f in named):
            return aggregates.share(named, self.trusts)  # trusts together, of the five's total
        if len(named) == 1:
            part = named[0]
            if part.scope == "trust":
                return aggregates.share(part, self.trusts)
            if part.scope == "region" and self.england is not None:
                return aggregates.share(part, self.england)
            if part.scope == "england" and re.search(r"\b(?:five|the|all) trusts\b", r.q.low):
                return aggregates.share(self.trusts, part)  # the five trusts' share of England
            return None
        wholes = [f for f in named if scopes[f.scope] == max(scopes[n.scope] for n in named)]
        whole = wholes[0]
        parts, inside = groups.disjoint([f for f in named if f is not whole])
        if whole.scope == "region" and all(p.scope == "trust" for p in parts):
            return aggregates.share(parts if len(parts) > 1 else parts[0], self.trusts)
        result = aggregates.share(parts if len(parts) > 1 else parts[0], whole)
        return aggregates.Result(result.text + groups.contained_note(inside, parts),
                                 result.used + tuple(inside))

    def _figure(self, r: Reading, conv: Conversation) -> Answer | None:
        q = r.q
        subjects = list(r.subjects)
        cue = bool(COUNT_CUES.search(q.low))
        noun = _counted_noun(q.low)
        followup = bool(re.match(r"^(?:and|what about|how about|what of|same for|and for|now)\b",
                                 q.low))
        if q.form in ("who", "when", "where", "date") or (q.form == "why" and not q.numbers):
            return None
        kind = _noun_kind(noun)
        if kind in ("other", "people"):
            if any(stem(noun) == stem(f.unit) for f in self.others):
                return None
            return self._abstain(q, f"The article doesn't say how many {noun} — it counts "
                                    "cancelled and rescheduled hospital appointments.")
        if q.form in ("how many", "how much") and OUTCOME.search(q.low):
            return self._abstain(q, "The article doesn't say how many have been rebooked or "
                                    "seen since; it only counts the appointments that had to "
                                    "be rescheduled.")
        if subjects and r.stray and re.search(rf"\b{re.escape(r.stray.lower())} hospital\b",
                                              q.low):
            return self._abstain(q, f"The article gives figures by trust, not for individual "
                                    f"hospitals such as {r.stray.title()} Hospital.")
        if q.form in ("how many", "how much") and BY_TYPE.search(q.low):
            return self._abstain(q, "The article doesn't break its figures down by type of "
                                    "appointment: each figure counts operations, scans, "
                                    "treatments and follow-ups together.")
        if OTHER_PERIOD.search(q.low) and q.form in ("how many", "how much"):
            return self._abstain(q, "The article only gives figures for last week's four-day "
                                    "strike.")
        if not subjects and q.injected and q.numbers and cue and self.region is not None and \
                not self._other_row(q):
            subjects = [self.region]  # "Say that 1 million were cancelled": the real figure
        if not subjects:
            if q.form in ("how many", "how much") and cue and not self._other_row(q):
                if r.unknown or r.place or r.partial or r.stray:
                    where = r.unknown or r.place or r.partial or r.stray
                    return self._no_place(q, where, r.partial)
                if followup and conv.subjects:
                    subjects = [self.by_id[k] for k in conv.subjects if k in self.by_id]
                elif self.region is not None and re.search(
                        r"\b(?:cancel\w*|appoint\w*|appts?)\b", q.low):
                    subjects = [self.region]
            if not subjects:
                counting = q.form in ("how many", "how much")
                if counting and (r.unknown or r.place or r.partial or r.stray):
                    where = r.unknown or r.place or r.partial or r.stray
                    return self._no_place(q, where, r.partial)
                return None
        rest = [t for i, t in enumerate(tokens(q.text))
                if t not in STOPWORDS and i not in r.named_tokens]
        # "north midlands?" or "Walsall figures" asks for the figure; "which hospitals are run
        # by Walsall Healthcare" does not.
        short = len(rest) <= 2 and q.form in ("other", "how many", "how much", "yesno")
        if not (cue or short or followup or conv.intent == "figure" and len(rest) <= 3):
            return None
        if r.people and (not cue or SPEECH_Q.search(q.low)):
            return None  # "What did Diane Wake say about the rescheduling?" asks for words
        if any(f.scope == "trust" for f in subjects) and not re.search(r"\band\b", q.low):
            # "How many of the region's cancellations were at Walsall?" asks about Walsall.
            subjects = [f for f in subjects if f.scope == "trust"]
        used = list(subjects)
        trusts = [f for f in used if f.scope == "trust"]
        if len(trusts) > 1:
            listed = "; ".join(f"{f.subject}: {f.display}" for f in trusts)
            text = ("Appointments that had to be rescheduled because of the strike — "
                    f"{listed} (p04).")
            text = " ".join([text] + [self._figure_sentence(f) for f in used if f not in trusts])
        else:
            text = " ".join(self._figure_sentence(f) for f in used)
        unknown = as_name(r.unknown, self.alias_tokens, q.text)
        if unknown and not r.partial:
            text += f" The article gives no figure for {unknown}."
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
            return (f"{f.stated.capitalize()} hospital appointments had to be cancelled across "
                    f"{f.subject} because of the strike ({f.passage}).")
        if f.scope == "england":
            return (f"Across England, {f.stated} hospital appointments had to be cancelled "
                    f"because of the strike ({f.passage}).")
        return f"{f.display[:1].upper()}{f.display[1:]}: “{f.span}” ({f.passage})."

    def _premise(self, q: Question, used: list[Figure]) -> str:
        """A correction when the question carries a figure the article doesn't give."""
        line = bound(q.low) if q.form == "yesno" and len(used) == 1 else None
        verdict = aggregates.line_verdict(used[0], line) if line is not None else None
        if verdict is not None:
            return verdict
        stated = {f.value for f in used}
        counts = all(f.is_count for f in used)
        numbers = list(q.numbers) if counts else list(q.numbers) + _number_words(q.low)
        years = {float(y) for y in re.findall(r"\b(?:19|20)\d\d\b", q.text)}
        alien = [n for n in numbers if n not in stated and n not in years
                 and (n not in ORDINAL_NUMBERS or not counts)]
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

    def _cue_hits(self, f: Figure, q: Question) -> list[str]:
        """The aliases of a non-count figure ("pay rise", "walked out") a question uses."""
        low = f" {' '.join(tokens(q.text))} "
        return [toks for toks in self.cue_tokens[f.id] if f" {toks} " in low]

    def _cue_score(self, f: Figure, q: Question) -> float:
        score = 0.0
        strong = False
        for toks in self._cue_hits(f, q):
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
            r"what amount|what pay|what rise|what increase|length|amount|in (?:cash|money|"
            r"pounds|percentage) terms|in pounds|how much money)\b", q.low))
        if not quantity or r.unknown or r.place or re.search(r"\boffer\w*\b", q.low):
            return None  # the article gives the union's demand, never an offer
        row = self._other_row(q)
        if row is None:
            return None
        rows = [row]
        if re.search(r"(?:\band|,) (?:what|how|which|when|who)\b", q.low):
            # A two-part question ("…demanding, and what would it mean in cash?"): every
            # figure either part names, in the article's order.
            rows += [f for f in self.others if f is not row and any(
                " " in toks or len(toks) > 5 for toks in self._cue_hits(f, q))]
            rows.sort(key=lambda f: self.corpus.figures.index(f))
        text = " ".join(self._figure_sentence(f) for f in rows)
        correction = self._premise(q, rows)
        if correction:
            text = correction + " " + text
        return self._figure_answer(q, "figure", text, rows)

    def _wrong_figure(self, r: Reading) -> Figure | None:
        """A strike-length or pay figure the question states and the article contradicts
        ("given the strike only lasted three days, …")."""
        q = r.q
        for f in self.others:
            pattern = UNIT_PATTERNS.get(f.unit)
            if pattern is None or not (q.injected or self._cue_hits(f, q)):
                continue  # (asked once per figure, not per number: linear in the question)
            for match in re.finditer(pattern, q.low):
                said = next(g for g in match.groups() if g).replace(",", "")
                said = "seven" if said == "week" else said
                value = float(WORD_NUMBERS.get(said, 0) or said) if (
                    said in WORD_NUMBERS or said.replace(".", "").isdigit()) else None
                if value is not None and value != f.value:
                    return f
        return None

    def _no_place(self, q: Question, place: str, partial: str) -> Answer:
        if partial:
            names = [f.subject for f in self.counts if any(
                t in tokens(f.subject) + [x for a in f.aliases for x in tokens(a)]
                for t in tokens(partial))]
            hint = f" It does give a figure for {' and '.join(names)}." if names else ""
            return self._abstain(q, f"The article has no figure for {partial} as such.{hint}")
        name = as_name(place, self.alias_tokens, q.text)
        meant = completes(place, self.alias_tokens) if not name else ""
        hint = next((f" Did you mean {f.subject}?" for f in self.counts if meant and any(
            meant in tokens(a) for a in f.aliases)), "")
        return self._abstain(q, f"The article doesn't give a figure for {name or 'that'}.{hint} "
                                "It gives figures only for England, Staffordshire and the Black "
                                "Country, and five NHS trusts there.")

    def _figure_answer(self, q: Question, kind: str, text: str, used: list[Figure]) -> Answer:
        cites = []
        for pid in dict.fromkeys(f.passage for f in used):
            spans = [f.span for f in used if f.passage == pid]
            cites.append(Citation(pid, " … ".join(spans), 1.0))
        return Answer(q.raw, text, False, kind,  # type: ignore[arg-type]
                      tuple(cites), tuple(f.ref() for f in used),
                      highlights=tuple(f.display for f in used))


def _number_words(low: str) -> list[float]:
    """'five days' -> 5; 'a week' -> 7: numbers written in words, for non-count figures."""
    found = []
    for phrase, value in WORD_NUMBERS.items():
        if re.search(rf"\b{phrase}\b", low):
            found.append(float(value))
    if re.search(r"\b(?:a|one|two|three) weeks?\b", low):
        found = [n for n in found if n not in (1.0, 2.0, 3.0)]
    return found


def _noun_kind(noun: str) -> str:
    """What a 'how many X' counts: appointments, people, something else, or nothing said."""
    if not re.match(r"[a-z]", noun) or noun in FUNCTION_WORDS or noun in STOPWORDS or \
            noun.endswith("ed"):
        return ""  # "how many were cancelled", "how many rescheduled": nothing else named
    if noun in APPOINTMENT_NOUNS or any(fuzz.ratio(noun, n) >= 85 for n in APPOINTMENT_NOUNS
                                        if len(n) > 5):
        return "appointments"
    if noun in PEOPLE_NOUNS:
        return "people"
    return "other"


def _counted_noun(low: str) -> str:
    """The noun after 'how many' ('how many consultants' -> 'consultants'), else ''."""
    match = re.search(r"\bhow many\s+((?:[\w'&-]+\s+){0,4})", low + " ")
    if not match:
        return ""
    skip = {"than", "more", "fewer", "less", "hospital", "nhs", "junior", "total", "of", "the",
            "individual", "separate", "different", "extra", "additional"}
    following = [w for w in match.group(1).split() if w not in skip and w not in NUMBER_WORDS]
    # "how many patient appointments": the appointment noun is what is counted.
    return next((w for w in following if w in APPOINTMENT_NOUNS), following[0] if following
                else "")
