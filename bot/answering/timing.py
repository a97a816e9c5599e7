"""When the event happened: its dates, its clock times, how long, and what comes next."""

from __future__ import annotations

from dataclasses import dataclass

from ..answer import Answer
from ..article_model import ArticleModel, Sentence
from ..conversation import Conversation
from ..lookups import Lookups
from ..reading import Reading
from ..rules import (
    CALENDAR_DATE,
    CLOCK_TIME,
    CLOSE_QUOTES,
    DURATION,
    FUTURE_WORDS,
    NAMED_TIME,
    NEW_DATE,
    OPEN_QUOTES,
    TIME_WORDS,
    WEEKDAY,
)
from ..text import content_terms


@dataclass(frozen=True)
class _Timed:
    """A sentence of the article and what it says about when."""

    pid: str
    number: int
    text: str
    clock: bool
    dates: bool
    weekday: bool
    length: bool
    future: bool
    event: bool
    relative: bool  # "last week", "this month"


class TimingAnswerer:
    """'What time did they start?', 'which dates?', 'next ones?': the sentence that says."""

    name = "timing"

    def __init__(self, look: Lookups, model: ArticleModel | None = None) -> None:
        self.look = look
        self.model = model
        event = look.lex.event_words
        self.sentences = [
            _Timed(p.id, i, s, bool(CLOCK_TIME.search(s)), bool(CALENDAR_DATE.search(s)),
                   bool(WEEKDAY.search(s)), bool(DURATION.search(s)),
                   bool(FUTURE_WORDS.search(s)), bool(event.search(s)),
                   bool(TIME_WORDS.search(s)))
            for p in look.corpus.passages if not p.is_headline
            for i, s in enumerate(p.sentences)]

    def run(self, r: Reading, conv: Conversation) -> Answer | None:
        kinds = set(r.timing)
        ahead = self._after_next(r, conv)
        if ahead is not None:
            return ahead
        if "when" in kinds and r.cues.has("DEADLINE_ASKED") and (
                r.cues.has("count_cues") or "date" in r.words) and \
                not r.cues.has("event_words") and not r.speakers and not r.dims:
            return self._deadline(r)  # "when do we have to have them all rebooked by"
        if r.answered:
            return None  # "what did BMA say when NHSE claimed …": a reply, not a time
        if kinds & {"when", "dates"} and "next" not in kinds and r.speakers and r.q.form not in (
                "why", "who", "how many", "how much") and not r.cues.has("event_words") and (
                r.cues.has("SPEECH_Q") or r.q.form == "yesno"):
            return self._said_when(r, kinds)  # "did she give a date for rebooking?"
        if not kinds or r.people or r.speakers or r.q.form in ("why", "who", "how many",
                                                              "how much") or \
                r.cues.has("ANY_SUPERLATIVE") or r.subjects and (r.dims or r.dim_asked):
            return None
        if r.op and not (r.op == "average" and "length" in kinds and not r.subjects
                         and not r.cues.has("count_words")) and not (
                r.op == "extreme" and r.timing_only and not r.subjects):  # ("any more dates")
            return None  # "strike hrs per day?" asks the length of each day, not an average
        claimed_date = r.q.form == "yesno" and bool(r.times_said) and not r.subjects and \
            not r.op and not r.cues.has("count_cues")  # "strike started sat 26 july yeah?"
        if r.dims and "clock" not in kinds and not claimed_date or r.dim_asked and \
                not r.cues.has("event_words") and (
                r.cues.has("count_cues") or r.op or r.subjects):
            return None  # "which day saw the most": a figure over the days ("which days were
            # they again" asks the dates)
        followup = conv.intent == "timing" and len(r.q.terms) <= 3
        # ("when exactly did it kick off": "it" is the event when nothing else is named)
        event_it = r.cues.has("TIMING_EDGE") and "it" in r.words and not r.subjects
        if not (r.cues.has("event_words") or r.timing_only or followup or event_it):
            return None  # "when will the cancelled ones be rebooked": not the event's time
        if kinds == {"next"} and not (r.timing_only or followup):
            return None
        if kinds == {"length"} and not r.cues.has("EVERY", "PER_DAY") and r.q.form != "yesno":
            return None  # "how long was the strike": its length is a figure
        if claimed_date and any(CLOCK_TIME.search(t) for t in r.times_said):
            kinds.add("clock")  # "strike finished 7am tues 29th right": the sentence with times
        if kinds == {"when"} and not (r.timing_only or r.q.form == "when" or claimed_date):
            return None
        wants_clock = "clock" in kinds
        wants_dates = bool(kinds & {"dates", "next", "when"})
        # "When did it happen?" is answered by "last week"; "which dates?" wants dates.
        loose = "when" in kinds and not kinds & {"dates", "clock"}
        scored: list[tuple[int, int, _Timed]] = []
        for s in self.sentences:
            named = any(m.lower() in s.text.lower() for m in r.months_said)
            if not s.event or ("next" in kinds) != s.future and not named:
                continue  # ("the jan strike days": named, ahead or not)
            if wants_clock and not s.clock and not (wants_dates and s.dates):
                continue
            if "length" in kinds and not s.length:
                continue
            if wants_dates and not (s.dates or s.weekday or loose and s.relative) and \
                    not wants_clock:
                continue
            score = 3 * (wants_clock and s.clock) + 3 * (s.dates and wants_dates) + \
                s.weekday + s.length + s.relative + (1 if claimed_date else 4) * named
            scored.append((score, -len(scored), s))
        if not scored:
            return self._none(r, kinds)
        best = max(scored)[2]
        text = f"{best.text} ({best.pid})"
        parts = [f for f in r.subjects if f.scope == "part"]
        if "next" in kinds and r.q.form == "yesno" and parts and not any(
                a.lower() in best.text.lower() for f in parts for a in (f.subject, *f.aliases)):
            # "will we be one of the trusts out then": the article doesn't say who
            return Answer(r.q.raw, f"The article doesn't say which "
                                   f"{self.look.lex.profile.parts} will be affected; it says: "
                                   f"“{best.text}” ({best.pid}).", True, "none",
                          (self.look.cite(best.pid, 1.0),))
        if r.q.form == "yesno":
            asked = (*r.times_said, *r.months_said)  # ("tues 29th": the weekday too)
            if asked and not all(a.lower() in best.text.lower() for a in asked):
                text = f"No: {text}"
        return Answer(r.q.raw, text, False, "passage", (self.look.cite(best.pid, 1.0),),
                      highlights=(best.text,))

    def _none(self, r: Reading, kinds: set[str]) -> Answer | None:
        """The article gives no such time: say what it does give, if anything."""
        if "next" in kinds:
            return self.look.abstain(r.q, "The article doesn't say: it gives no dates ahead.")
        if kinds & {"clock", "dates", "when"}:
            said = max((s for s in self.sentences if s.event and s.relative and not s.future),
                       key=lambda s: (s.length, -s.number), default=None)
            what = "times" if "clock" in kinds and "dates" not in kinds else "dates"
            if said is None:
                return self.look.abstain(r.q, f"The article doesn't give the {what}.")
            return self.look.abstain(r.q, f"The article doesn't give the {what}; it says: "
                                          f"“{said.text}” ({said.pid}).")
        return None

    def _after_next(self, r: Reading, conv: Conversation) -> Answer | None:
        """'same hrs as dec?' right after the next strike days: of those days, which the
        article gives no times for."""
        last = conv.turns[-1] if conv.turns else None
        if last is None or last.abstained or conv.intent != "timing" or \
                "same" not in r.words or not (r.cues.has("TIMING_CLOCK", "TIMING_LENGTH")
                                                    or "hours" in r.units):
            return None
        cited = [s for c in last.citations for s in self.sentences
                 if s.pid == c.passage and (s.text in c.text or c.text in s.text)]
        if not cited or not all(s.future for s in cited) or any(s.clock for s in cited):
            return None
        given = next((s for s in self.sentences if s.event and s.clock and not s.future), None)
        where = f"; it gives times only for the strike it reports: “{given.text}” " \
                f"({given.pid})" if given is not None else ""
        return self.look.abstain(r.q, f"The article doesn't give the times of those days"
                                      f"{where}.")

    def _deadline(self, r: Reading) -> Answer | None:
        """The date by which the counted things are to be done: the words that say when, and
        that they give no date when they don't."""
        if self.model is None:
            return None
        counted, event = self.look.lex.count_words, self.look.lex.event_words
        said = [s for s in self.model.sentences if TIME_WORDS.search(s.text) and (
                counted.search(s.text) or NEW_DATE.search(s.text)) and not event.search(s.text)
                and s.speakers]
        if not said:
            return self.look.abstain(r.q, "The article gives no date for that.")
        asked = set(r.q.terms)
        best = max(said, key=lambda s: (len(asked & set(content_terms(s.text))), -s.key))
        words = best.text.strip().lstrip(OPEN_QUOTES).rstrip(CLOSE_QUOTES).strip()
        name = self.look.people[best.speakers[0]].name
        if _dated(best.text):
            return Answer(r.q.raw, f"{name} said: “{words}” ({best.passage}).", False,
                          "passage", (self.look.cite(best.passage, 1.0),), highlights=(words,))
        return self._no_date(r, best, words, name)

    def _no_date(self, r: Reading, best: Sentence, words: str, name: str) -> Answer:
        """No date, only a manner ("as quickly as possible"): asked, that is the article
        not saying; claimed ("she promised … by end of the month"), it is a no."""
        said_only = f"{name} said only “{words}”" if best.mode == "direct" else f"“{words}”"
        claimed = r.cues.has("DEADLINE_CLAIMED")  # (not "did she give a date …?")
        return Answer(r.q.raw, f"{'No: the' if claimed else 'The'} article gives no date: "
                               f"{said_only} ({best.passage}).", not claimed,
                      "passage" if claimed else "none",
                      (self.look.cite(best.passage, 1.0),), highlights=(words,))

    def _said_when(self, r: Reading, kinds: set[str]) -> Answer | None:
        """'Did she give a date for rebooking?': the speaker's words that say when, and
        whether they give a date at all."""
        if self.model is None:
            return None
        ids = {p.id for p in r.speakers}
        asked = set(r.q.terms)
        said = [s for s in self.model.by(ids) if TIME_WORDS.search(s.text) and not
                self.look.lex.event_words.search(s.text)]
        if not said:
            return None
        counted = self.look.lex.count_words
        best = max(said, key=lambda s: (bool(counted.search(s.text)),
                                        len(asked & set(content_terms(s.text))), -s.key))
        words = best.text.strip().lstrip(OPEN_QUOTES).rstrip(CLOSE_QUOTES).strip()
        name = self.look.people[best.speakers[0]].name
        dated = CALENDAR_DATE.search(best.text) or WEEKDAY.search(best.text)
        wanted = "dates" in kinds or r.times_said or r.cues.has("TIMING_WHEN") and not \
            r.cues.has("TIMING_DATES") and r.q.form == "yesno"
        if not _dated(best.text) and r.cues.has("DEADLINE_ASKED"):
            # "did she give a date they'd all be rebooked by?": no date, only a manner
            return self._no_date(r, best, words, name)
        verdict = "No date: " if wanted and not dated and r.q.form == "yesno" else ""
        return Answer(r.q.raw, f"{verdict}{name} said: “{words}” ({best.passage}).", False,
                      "passage", (self.look.cite(best.passage, 1.0),), highlights=(words,))


def _dated(text: str) -> bool:
    """Whether words say when by a date, a weekday or a named time ("by Christmas")."""
    return bool(CALENDAR_DATE.search(text) or WEEKDAY.search(text) or NAMED_TIME.search(text))
