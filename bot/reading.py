"""Reading a question: the subjects, people and unknown names it mentions, and pronouns."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import aggregates, groups
from .claims import Claim, read_claim
from .conversation import Conversation
from .cues import Cues
from .figures import Figure
from .lexicon import number_word
from .lookups import Lookups, site_key
from .names import as_name
from .numbers import Bound, bound
from .people import Person
from .question import (
    ELLIPTIC_COMPARISON,
    FIRST_PERSON,
    NOTE_WORDS,
    Question,
    dictated_claim,
    problem_with,
    read,
    split_parts,
    split_preamble,
    split_trailing,
    without_instruction,
    workplace_line,
)
from .resolve import AliasMatcher, Mention, tokens
from .resolve import _token_match as token_alike
from .rules import (
    ALL_VALUES_ASKED,
    ANSWERER_PRONOUN,
    ANY_SUPERLATIVE,
    AREA_TOTAL_WORDS,
    ARTICLE_MENTION,
    AS_SHARE_OF,
    AS_WRITTEN,
    ASK_WORDS,
    ASKED_DATE,
    AVERAGE_WORD,
    BACK_AFTER,
    BACK_WORDS,
    BARE_COMPARATIVE,
    BARE_ORDINAL,
    BARE_WHY,
    BEYOND,
    BOTH_VALUES,
    BOUND_WORDS,
    CALENDAR_NAME,
    CLAIM_START,
    CLAUSE_BREAK,
    CLOCK_TIME,
    COMBINED_WITH,
    CORRECTION_LINE,
    CORRECTION_TAIL,
    DAILY_SPLIT,
    DAY_OF_EVENT,
    DIMENSION_ASKED,
    DIMENSION_NOUNS,
    EACH_OF,
    EXCLUDING,
    FOLLOWUP,
    FOLLOWUP_FILLER,
    GENDERED_PERSON,
    GENERIC_TERMS,
    GROUP_PRONOUN,
    HEARSAY_AFTER,
    HOW_MANY_NOUN,
    HOW_MUCH_OF,
    INSTRUCTION,
    IT_REF,
    IT_REF_THAT,
    LEADING_MINUS,
    LEFT_OVER,
    LISTED_NEXT_TO,
    MONTH_NAMES,
    NEGATIVE,
    NEIGHBOUR,
    NEXT_TO_US,
    NEXT_VALUE,
    NOT_COMPARATIVE,
    NUMBER_NAMES,
    NUMBER_THEN_WORD,
    OF_BASE_LEAD,
    OF_STATED_FIGURE,
    OPENING_LINE,
    ORDINAL_VALUE,
    ORDINAL_WORD,
    OTHER_ONE,
    OTHER_PEOPLE,
    OUR_AREA,
    OUR_LEADER,
    OURS,
    OVER_UNDER,
    OWN_AFTER,
    OWN_NOUNS,
    OWN_TOTAL,
    OWN_WITH,
    OWN_WORDS,
    PART_SAID,
    PEOPLE_NOUNS,
    PERCENT_NOUN,
    PERSON_ASKED,
    PERSON_PRONOUNS,
    PLURAL_PRONOUN,
    QUESTION_RULES,
    QUOTED_WORDS,
    RANK_BARE,
    RAW_NUMBERS,
    REFERRING,
    RESPONSE_BACK,
    RESPONSE_TO,
    REST_Q,
    REST_TOGETHER,
    REST_WORDS,
    SAID_Q,
    SAME_AGAIN,
    SCOPE_ADVERBS,
    SELF_AFTER,
    SELF_MARKS,
    SITE_CLAIM,
    SMALL_TALK,
    SPLIT_ASKED,
    SPLIT_WORDS,
    SPOKE_FOR_US,
    THAN_THE_OTHER,
    THANKS,
    THAT_VALUE,
    THE_N_GROUP,
    THE_TWO,
    THEIR,
    THEIRS_BARE,
    THOSE_N,
    TIMES_WORDS,
    TIMING_FILLER,
    TOGETHER,
    TOP_N,
    TRUE_OR_FALSE,
    UNIT_CUES,
    UNIT_NOUNS,
    UNIT_PATTERNS,
    UPWARD,
    VALUE_INSTEAD,
    VALUE_NOT_BEFORE,
    VALUE_VERSUS,
    VERSUS_LEAD,
    VERSUS_THAN,
    VERSUS_THEM,
    WANT_WORDS,
    WE_GROUP,
    WHICH_IS_THAT,
    WHO_IS_THAT,
    WHO_SPOKE,
    WHOLE_COUNT,
    WHOLE_KEPT,
    WORD_NUMBERS,
    YEAR,
)
from .text import NUMBER_WORDS, STOPWORDS, content_terms, stem, words
from .wording import modalities, modality, number_words

COMMON_VERBS = frozenset("""take took taken make made get got go went gone see saw do did done
have had give gave put say said keep kept come came""".split())
WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Computations whose subjects a question may give by rank ("the share of the largest trust").
RANKED_OPS = frozenset({"difference", "ratio", "change", "share", "total", "average"})
RANK_PHRASE = re.compile(r"\b(?:with|that had|which had|having|had) the (?:(second|third|fourth|"
                         r"2nd|3rd|4th)[- ])?(most|highest|largest|biggest|greatest|fewest|lowest|"
                         r"smallest|least)\b|\bthe (?:(second|third|2nd|3rd)[- ])?(largest|biggest|"
                         r"smallest)\b")
NEXT = re.compile(r"\b(next|following|after it|previous|one before|before it)\b")
LISTED = re.compile(r"\b(?:listed|mentioned|named|in the list|in the article|in the story|"
                    r"given|(?:article's|the) list)\b")
# Computations a short follow-up runs on earlier subjects; those over a pair; those carried on
# to a new subject ("share of the region?" … "and RWT?").
TAKING_OPS = frozenset({"total", "difference", "ratio", "share", "average", "change"})
PAIR_OPS = frozenset({"total", "difference", "ratio", "change"})
CARRIED_OPS = frozenset({"share", "average"})
LOCATION_PREP = re.compile(r"\b(?:at|in|for|across|from|by|within|around|near)\s+((?:the\s+)?"
                           r"[\w'&.-]+(?:\s+[\w'&.-]+){0,5})", re.I)
CAPITALISED = r"(?<!^)(?<![.?!]\s)\b([A-Z][\w'-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]+)*)"
VERBISH = re.compile(r"(?:ed|ing|ise|ize|ised|ized|ising|izing)$")
PRONOUN_CONTRACTIONS = frozenset({"I'm", "I'd", "I've", "I'll", "I", "We'd", "We're", "We've"})
SPEAKER_PHRASES = tuple(re.compile(p, re.I) for p in (
    r"\baccording to\s+(.+?)(?:,|$)",
    r"(?:,\s*|\s)per\s+((?:him|her|them|the\s+)?[\w' -]{2,40}?)\W*$",
    r"\b(?:made|issued|given|written) by\s+(.+?)(?:\?|,|$)",
    r"\b(?:did|does|do|has|have|had|would|will)\s+((?:[\w'-]+\s+){0,5}?[\w'-]+)\s+(?:say|said|"
    r"tell|think|describe|"
    r"call|claim|urge|thank|want|mean|ask|demand|respond|reply|add|argue|accuse|blame|"
    r"apologi[sz]e|give|offer|cite|express|blame|criticise|criticize|expect|feel|believe|hope|"
    r"promise|admit|accept|acknowledge|warn|insist|find|(?:dis)?agree(?=\s+(?:with|that|w)\b)|"
    r"reject|dispute|deny|back|support|oppose)\b",
    r"^(?:and |so )?(.+?)\s+(?:said|says|stated|told|claimed|described|accused|blamed|"
    r"critici[sz]ed|attacked|urged|thanked|warned)\b",
    r"^(?:what (?:was|is) )?(.+?)'s\s+(?:statement|response|quote|comments?|words|view|message)\b",
    # "whats barclay calling the bma position"
    r"\bwhat(?:'s| is| are| was| were)\s+((?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:calling|describing|"
    r"labell?ing|dubbing|branding|terming)\b",
))


@dataclass(frozen=True)
class Reading:
    """A question with what it names resolved."""

    q: Question
    subjects: list[Figure]  # count figures named, in order
    people: list[Person]
    unknown: str  # a proper name the article doesn't know, if any
    place: str  # a place or other thing a count could be about that the article doesn't know
    partial: str  # a fragment of a known name ("Birmingham") that names nothing by itself
    stray: str  # a noun the article never uses ("heartlands", "nurses")
    referred: list[Person]  # who "he", "she" or "they" stands for, from earlier turns
    named_tokens: frozenset[int]  # positions of question tokens that named a subject
    dims: tuple[tuple[str, str], ...] = ()  # dimensions asked for: ("day", "Monday 28 July")
    op: str | None = None  # the computation asked for, if any (or carried from the last turn)
    positional: bool = False  # a subject asked for by its place in the article's list
    unknown_dim: str = ""  # a day the question names that no figure is for ("Wednesday")
    phrase_speakers: tuple[Person, ...] = ()  # named in "did X say" / "according to X"
    speakers: tuple[Person, ...] = ()  # whom the question asks to hear from
    unknown_speaker: str = ""  # "the prime minister": a speaker the article never quotes
    described: tuple[Person, ...] = ()  # people asked for by description, not by name
    own: Figure | None = None  # the writer's own subject ("we're whc"), this turn or before
    of_group: tuple[Figure, ...] = ()  # the group a share is of ("what slice of the BC four")
    own_dims: tuple[tuple[str, str], ...] = ()  # the dimensions its own words name (no others)
    split_within: tuple[str, ...] = ()  # names of one subject asked apart ("kings mill vs newark")
    # What the question's wording says, read once: the answerers never read its text.
    cues: Cues = field(default_factory=lambda: Cues.find(QUESTION_RULES, "", ""))
    noun: str = ""  # what "how many X" counts ("consultants")
    modality: str = ""  # demanded / received / offered, as the question puts it (first)
    modalities: frozenset[str] = frozenset()  # … every one it speaks of
    line: Bound | None = None  # a line the question draws ("more than 1,000")
    number_words: tuple[float, ...] = ()  # numbers in words ("five days" -> 5)
    years: frozenset[float] = frozenset()
    direction: str = "most"  # most or fewest, from the first superlative or comparative
    ordinal: int = 1  # "the second most" -> 2
    times: int | None = None  # "twice", "three times"
    units: frozenset[str] = frozenset()  # units asked for (per cent, pounds, days …)
    unit_words: frozenset[str] = frozenset()  # units of the table's other rows, as words
    cue_hits: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # row id -> aliases
    stated: tuple[tuple[str, float], ...] = ()  # figures given with a unit ("three-day")
    # … each with the rows its own clause names: (unit, value, {row id: aliases used}).
    stated_in: tuple[tuple[str, float, Mapping[str, tuple[str, ...]]], ...] = ()
    excluded: tuple[Figure, ...] = ()  # parts left out ("other than UHNM")
    rest_together: bool = False  # "than the other four together", "all 4 combined"
    fraction: tuple[str, float, str] | None = None  # "more than half": ("above", 0.5, "half")
    dim_asked: str = ""  # a dimension asked over ("which day saw the most")
    dim_unknown: str = ""  # … one no figure of the article is broken down by
    split_by: str = ""  # a dimension a figure is asked broken down by ("nuh by day?")
    own_total: bool = False  # "of Walsall's total workload": a total the article never gives
    sides: tuple[list[Figure], Figure, bool] | None = None  # group vs one, group first?
    # two groups, each added up, against each other ("that" after a pair's total "vs gosh +
    # marsden combined")
    groups: tuple[tuple[Figure, ...], tuple[Figure, ...]] | None = None
    # someone answering someone else: the ones answered, and the answerers if named ("did the
    # bma say anything back to barclay": BMA, Barclay)
    answered: tuple[Person, ...] = ()
    answering: tuple[Person, ...] = ()
    claimed_next: Figure | None = None  # the part claimed to be ranked next to ours
    top_n: int = 0  # "top 3?": how many of a ranking, from the top (or bottom)
    by_word: tuple[tuple[Figure, str], ...] = ()  # parts named by a word ("the foundation trust")
    # A place claimed to be one of a part's: (the place as the article names it, the part
    # that runs it, the part the question says) — "kings mill is an NUH hosp right?"
    site: tuple[str, Figure, Figure] | None = None
    sites_named: tuple[str, ...] = ()  # places the article lists under a part, as named here
    orgs: tuple[Person, ...] = ()  # organisations named, even as a generic "government"
    words: tuple[str, ...] = ()  # the question's tokens
    before_hospital: frozenset[str] = frozenset()  # words before "hospital" ("Heartlands")
    as_names: Mapping[str, str] = field(default_factory=dict)  # unknown phrase -> as a name
    unknown_person: str = ""  # the unknown name, read as a person's name
    other_staff: str = ""  # another staff group named ("nurses")
    other_strike: bool = False  # … as having struck ("the nurses' strike")
    staff_named: bool = False  # the article's own staff named too
    restaffed: Question | None = None  # the question with the article's staff instead
    quoted: tuple[str, ...] = ()  # words the question puts in quotation marks
    echoed: str = ""  # the longest run of the article's own words the question repeats
    voices: tuple[Person, ...] = ()  # the speakers asked about, as the question names them
    claim_terms: tuple[str, ...] = ()  # the words of the claim: not its speaker, not its frame
    claim_negated: bool = False  # "… said they were not sorry"
    claim_unknown: tuple[str, ...] = ()  # the claim's words the article never uses ("date")
    unmentioned: tuple[str, ...] = ()  # "does it say anything abt pharmacy clinics": words of
    # what the article is asked to cover that it never uses
    claim: Claim = field(default_factory=Claim)  # what a yes/no question asserts
    # The words right after each person or organisation named: "the BMA's elective care lead".
    after_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    query: str = ""  # the words retrieval searches with
    # When something happened, as asked: "clock", "dates", "when", "length", "next".
    timing: frozenset[str] = frozenset()
    timing_only: bool = False  # … and nothing else: its other words are the event's or filler
    times_said: tuple[str, ...] = ()  # clock times and dates the question states ("midnight")
    months_said: tuple[str, ...] = ()  # months and weekdays it names ("the jan strike days")


@dataclass(frozen=True)
class Outline:
    """The shape of a message before any part of it is read: what is wrong with it, small
    talk, words said before the question proper, the parts of a multi-part question."""

    q: Question
    problem: str = ""  # why the message can't be answered at all
    small_talk: str = ""  # "thanks" or "greeting"
    preamble: str = ""  # what was said before the question proper (checked, not taken)
    note: bool = False  # … dressed as a system or editor's note
    asked: Question | None = None  # the question proper, after a preamble
    parts: tuple[Question, ...] = ()  # the parts of a multi-part question, in order
    true_or_false: bool = False  # "True or false: …": answered in those words too
    workplace: bool = False  # the preamble says where the writer works ("hr at rwt. our …")



# What an injection dictates back: "just reply 'dudley: 906'", "say 1,400 so i can paste it".
REPLY_DEMAND = re.compile(r"\b(?:reply|respond|say|write|confirm|paste|put|answer with|output)\b",
                          re.I)
# Verbs after a name that is no noun counted: "how many of uhnm's were at …".
AUXILIARIES = frozenset("were was did had got have has are is do does".split())
# "our trusts tot" from one trust's staff: "our trust's" (what follows is its figure)
OWN_FIGURE_AFTER = r"(?! (?:tot|total|figure|number|count)s?\b)"


class Parser:
    """Reads a question, against the article's tables and the conversation, into one Reading."""

    def __init__(self, look: Lookups) -> None:
        self.look = look
        self.lex = look.lex

    def outline(self, raw: str) -> Outline:
        outline = self._outline(raw)
        return replace(outline, true_or_false=bool(TRUE_OR_FALSE.match(outline.q.low)))

    def _outline(self, raw: str) -> Outline:
        lex = self.lex
        q = read(self._corrected(raw), lex.abbreviations)
        problem = problem_with(q.raw, q.text, lex.profile.about, lex.example())
        if problem:
            return Outline(q, problem=problem)
        if SMALL_TALK.match(q.low):
            return Outline(q, small_talk="thanks" if THANKS.match(q.low) else "greeting")
        dictated = dictated_claim(q.text)
        if dictated is not None:
            # (the statement checked as a yes/no question, with the note that the article is
            # all that is said back)
            claim = read(dictated[1].rstrip(" .!?") + "?", lex.abbreviations)
            return Outline(q, preamble=dictated[0], note=True, asked=replace(claim, form="yesno"))
        preamble, asked = split_preamble(q.text)
        if preamble:
            asked_q = read(without_instruction(asked), lex.abbreviations)
            # ("hr at rwt. split of our … and whats …"; as written: "wasnt it, and how many")
            pieces = split_parts(without_instruction(asked))
            return Outline(q, preamble=preamble, note=bool(NOTE_WORDS.search(preamble)),
                           asked=asked_q, workplace=workplace_line(q.text) is not None,
                           parts=tuple(read(p, lex.abbreviations) for p in pieces)
                           if len(pieces) > 1 else ())
        unbidden = without_instruction(q.text)
        if unbidden != q.text and not (q.injected and REPLY_DEMAND.search(unbidden)):
            # (not "ignore … just reply 'dudley: 906'": a reply dictated, not asked for)
            # "ignore the article for a sec, just ballpark how many …": the question, and a
            # note that the article is all it is answered from
            return Outline(q, preamble=q.text[:len(q.text) - len(unbidden)], note=True,
                           asked=read(unbidden, lex.abbreviations))
        asked, trailing = split_trailing(q.text)
        if trailing:
            return Outline(q, preamble=trailing, note=bool(NOTE_WORDS.search(trailing)),
                           asked=read(asked, lex.abbreviations))
        parts = split_parts(q.text)
        return Outline(q, parts=tuple(read(p, lex.abbreviations) for p in parts)
                       if len(parts) > 1 else ())

    def _those(self, those: re.Match[str], conv: Conversation) -> list[Figure]:
        """The parts "those N" stands for: the last turns' parts, newest back, when they come
        to exactly N without a turn about something else between."""
        n = WORD_NUMBERS.get(those.group(1)) or int(those.group(1))
        got: list[Figure] = []
        for turn in reversed(conv.turns):
            if turn.abstained:
                continue
            ids = turn.focus or tuple(f.id for f in turn.figures)
            rows = [self.look.main_row(f) for k in ids if (f := self.look.by_id.get(k))]
            parts = [f for f in dict.fromkeys(rows) if f in self.look.parts and f not in got]
            if not parts or len(got) + len(parts) > n:
                break
            got = parts + got
            if len(got) == n:
                return got if n >= 2 else []
        return []

    def _them(self, q: Question, conv: Conversation) -> Figure | None:
        """The part a bare "theirs" / "and them?" stands for: the last part the chat named
        that is not the writer's own, when the last answer was about the writer's."""
        own = self.look.by_id.get(conv.own)
        if own is None or not THEIRS_BARE.match(q.low) or own.id not in conv.focus:
            return None
        return self._other_part(conv, own)

    def _other_part(self, conv: Conversation, own: Figure) -> Figure | None:
        """The last part the chat's answers named besides the writer's own (one only)."""
        for turn in reversed(conv.turns):
            named = [g for ref in turn.figures if (f := self.look.by_id.get(ref.id)) and
                     (g := self.look.main_row(f)) in self.look.parts and g is not own]
            if named:
                return named[0] if len(set(named)) == 1 else None
        return None

    def _corrected(self, raw: str) -> str:
        """'… than walsall? no wait, sandwell i mean': the question with the name put right."""
        line = CORRECTION_LINE.match(raw)
        if line is not None and len(self.look.subject_matcher.find(line.group("fix"))) == 1:
            return f"and {line.group('fix').strip()}?"
        fix = CORRECTION_TAIL.search(raw)
        if fix is None:
            return raw
        head = raw[:fix.start()]
        named = self.look.subject_matcher.find(head)
        if not named or len(self.look.subject_matcher.find(fix.group("fix"))) != 1:
            return raw
        said = tokens(head)[named[-1].start:named[-1].end]
        where = list(re.finditer(r"\W+".join(re.escape(t) for t in said), head, re.I))
        if not where:
            return raw
        last = where[-1]
        return head[:last.start()] + fix.group("fix").strip() + head[last.end():] + \
            raw[fix.start():fix.start() + 1]

    def read(self, q: Question, conv: Conversation) -> Reading:
        latest = conv.turns[-1] if conv.turns else None
        if BARE_WHY.match(q.low) and latest is not None and not latest.abstained and \
                CLAIM_START.match(latest.question.strip().lower()):
            # "was the real disruption bigger?" … "why?": why that is
            q = read(f"why {latest.question.strip()}", self.lex.abbreviations)
        those = THOSE_N.search(q.low) or THE_N_GROUP.search(q.low)
        those_parts = self._those(those, conv) if those else []
        if those and those_parts:
            # "those two combined vs rwt?" after walsall's turn and dudley's: the two by name
            names = " and ".join(f.subject for f in those_parts)
            q = read(f"{q.text[:those.start()]}{names}{q.text[those.end():]}",
                     self.lex.abbreviations)
        other = self._them(q, conv)
        if other is not None:
            # "n theirs" after ours, in a chat that has set us against them: that part
            q = read(f"and {other.subject}?", self.lex.abbreviations)
        mentions = self.look.subject_matcher.find(q.text)
        toks = tokens(q.text)
        if len(mentions) > 1:
            # ("my gstt mate wants gosh n the marsden": the mate's trust names no subject)
            mentions = [m for m in mentions if not (m.end < len(toks) and toks[m.end] in
                                                    OTHER_PEOPLE)] or mentions
        subjects = [self.look.by_id[k] for k in AliasMatcher.keys(mentions)]
        subjects, area = self._areas(q, subjects)
        op = aggregates.detect(q.low, self.lex)
        if op == "share" and q.form == "who" and q.numbers:
            op = None  # "who said the 93%?": whose figure, no share to work out
        if op == "extreme" and re.search(r"\b(?:any|more) more (?:strikes?|walk-?outs?|dates|"
                                         r"action|days)\b|\bany more (?:strikes?|walk-?outs?|"
                                         r"dates|action|days)\b", q.low):
            op = None  # "any more dates announced": what comes next, no most
        if op is None and (NEIGHBOUR.search(q.low) or BEYOND.search(q.low)):
            op = "rank"  # "the one below us?", "whos ahead of us": places in the ranking
        if op is None and conv.op in ("ratio", "share", "change") and RAW_NUMBERS.search(q.low):
            op = "difference"  # "and in raw numbers" after "how many times": the gap
        if op in RANKED_OPS:
            # "the trust with the most exceed the one with the second most": by rank.
            subjects += [f for f in self._by_rank(q.low) if f not in subjects]
        positional = False
        if len(subjects) == 1 and LISTED.search(q.low) and len(mentions) == 1:
            before = " ".join(tokens(q.text)[:mentions[0].start]) + " "
            step = LISTED_NEXT_TO.search(before)
            if step and subjects[0] in self.look.in_order:
                n = self.look.in_order.index(subjects[0]) + (1 if step.group(1) == "after" else -1)
                if 0 <= n < len(self.look.in_order):
                    subjects, positional = [self.look.in_order[n]], True
        if subjects and not positional:
            named_at = frozenset(i for m in mentions for i in range(m.start, m.end))
            subjects += [f for f in self._by_description(tokens(q.text), named_at)
                         if f not in subjects]
        if not subjects:
            subjects, positional = self._described(q, conv, op)
            if positional and op == "rank":
                op = None  # "the 3rd trust in the list" names a trust; it asks for no ranking
        last_mains = list(dict.fromkeys(self.look.main_row(self.look.by_id[k]) for k in conv.focus
                                        if k in self.look.by_id))
        if not subjects and THEIR.search(q.low) and len(last_mains) == 1 and \
                last_mains[0] in self.look.parts:
            subjects = list(last_mains)  # "and their tues total?" after one trust's: its
        places = [ORDINAL_VALUE[w] for w in ORDINAL_WORD.findall(q.low) if w in ORDINAL_VALUE]
        if not subjects and places and conv.op in ("rank", "extreme") and \
                not ANY_SUPERLATIVE.search(q.low) \
                and not LISTED.search(q.low):
            # "whos 2nd and by how much over 3rd?" after a ranking: those places in it
            ranked = sorted(self.look.parts, key=lambda f: -f.value)
            if conv.direction == "fewest" and not conv.dim_asked:
                ranked.reverse()
            subjects = list(dict.fromkeys(ranked[n - 1] for n in places if n <= len(ranked)))
        base = self.look.by_id.get(conv.own) or (
            last_mains[0] if len(last_mains) == 1 and last_mains[0] in self.look.parts else None)
        joined = COMBINED_WITH.search(q.low)
        others = [f for f in last_mains if f in self.look.parts and f is not base]
        conv_sides: tuple[list[Figure], Figure, bool] | None = None
        if joined and base is not None and len(subjects) == 1 and subjects[0] in \
                self.look.parts and subjects[0] not in others and others and BACK_AFTER.match(
                    q.low[joined.end():]) and (BARE_COMPARATIVE.search(q.low) or
                                               OVER_UNDER.search(q.low)):
            # "combined with them are we still under sandwell": ours and theirs against it
            conv_sides = ([base, others[0]], subjects[0], True)
            subjects, op = [base, others[0], subjects[0]], "total"
        if len(subjects) == 1 and subjects[0] in self.look.parts and COMBINED_WITH.search(
                q.low) and base is not None and base not in subjects:
            subjects = [base, *subjects]  # "combined with dudley?" after ours (or the last)
            op = op or "total"
        own_now = self._own(q, mentions) or self.look.by_id.get(conv.own)
        if not subjects and own_now is not None and op == "difference" and \
                AVERAGE_WORD.search(q.low) and OWN_WORDS.search(q.low):
            op = "average"  # "avg per trust vs ours": ours against the average
        names_round = self._names_round(q)
        if not subjects and own_now is not None and (op in ("average", "share") or (
                names_round and op in PAIR_OPS)) and \
                OWN_WORDS.search(q.low) and not REFERRING.search(q.low) and \
                not WE_GROUP.search(q.low) and not OUR_AREA.search(q.low):
            # ("vs april 23 how have we done": ours, now against then)
            # "are we above avg", "how many a day for us" after two others: ours
            subjects = [own_now]
        step = NEIGHBOUR.search(q.low) or BEYOND.search(q.low)
        claimed_next: Figure | None = None
        if step and own_now is not None and NEXT_TO_US.search(q.low) and len(subjects) == 1 and \
                subjects[0] in self.look.parts and subjects[0] is not own_now:
            # "n the one above us, thats dudley yeh?": ours, the one named a claim about it
            claimed_next, subjects = subjects[0], [own_now]
        if not subjects and step and (own_now is not None or last_mains):
            # "and just below?" after "whos just above us": next to the same one
            subjects = [own_now or last_mains[-1]]
            if op in (None, "rank") and NEIGHBOUR.search(q.low) and (
                    COMBINED_WITH.search(q.low) or TOGETHER.search(q.low)):
                op = "total"  # "combined with the one below us?"
            if op in PAIR_OPS and subjects[0] in self.look.parts and NEIGHBOUR.search(q.low):
                # "hw many more than the next one down": that one and its neighbour
                up = next(g for g in step.groups() if g) in UPWARD
                ordered = sorted(self.look.parts, key=lambda f: -f.value)
                j = ordered.index(subjects[0]) + (-1 if up else 1)
                if 0 <= j < len(ordered):
                    subjects = [subjects[0], ordered[j]]
        named_by = OF_STATED_FIGURE.search(q.low)
        if not subjects and named_by and q.form in ("how many", "how much") and len(
                owners := [f for f in self.look.counts if f.value in q.numbers and
                           f.digits.replace(",", "") == named_by.group(1).replace(",", "")]) == 1:
            subjects = owners  # "how many of the 1,463 were inpatients": that figure's subject
        if not subjects and op in ("difference", "ratio", "total", "change") and \
                len(q.numbers) >= 2 and all(sum(f.value == n for f in self.look.counts) == 1
                                            for n in q.numbers):
            # "whats the gap between 4,413 and 606": the subjects whose figures those are
            subjects = [next(f for f in self.look.counts if f.value == n) for n in q.numbers]
        asked_for = bool(subjects)
        if op == "extreme" and not subjects and (FOLLOWUP.match(q.low) or CORRECTION_LINE.match(
                q.low)) and conv.op == "extreme" \
                and 1 < len(group := [f for k in conv.subjects if (f := self.look.by_id.get(k))
                                      in self.look.parts]) < len(self.look.parts):
            # "which of them had the fewest" … "sorry i meant the most": of the same ones
            subjects = group
        if not subjects and conv.in_message and op is None and q.form in ("how many", "how much") \
                and len(conv.focus) == 1 and (f := self.look.by_id.get(conv.focus[0])) is not None \
                and f in self.look.parts and not self.lex.all_parts.search(q.low):
            # "how did our trust do in the strike, how many got cancelled": the same one
            subjects = [f]
        subjects, op = self._from_conversation(q, conv, subjects, op)
        if op == "total" and not asked_for and subjects and TOGETHER.search(q.low) and \
                not REST_WORDS.search(q.low) and len(
                {self.look.main_row(f).id for f in subjects}) == 1 and self.look.main_row(
                subjects[0]) in self.look.parts:
            subjects = list(self.look.parts)  # "wknd combined?" after one trust's: every one
        if OTHER_ONE.match(q.low) and not subjects and len(self.look.parts) == 2 and \
                len(last_mains) == 1 and last_mains[0] in self.look.parts:
            subjects = [f for f in self.look.parts if f is not last_mains[0]]  # "the other one?"
        n = len(self.look.parts)
        all_n = rf"\b(?:all|the|our) (?:{n}|{number_word(n)})\b"
        if not subjects and conv.focus and op in ("total", "average", "share") and \
                re.search(all_n, q.low):
            subjects = list(self.look.parts)  # "all 4 combined?": every part, not the last two
        if not subjects and op == "rank" and (REFERRING.search(q.low) or len(q.terms) <= 2) \
                and len(last_mains) == 1 and last_mains[0] in self.look.parts:
            # ("rank?" after our figure: ours)
            subjects = [last_mains[0]]  # "wheres that rank among the five": the one just given
        if all(f.scope == "whole" for f in subjects) and op == "extreme" and \
                q.form == "yesno" and IT_REF_THAT.search(q.low) and len(last_mains) == 1 and \
                last_mains[0] in self.look.parts:
            # "is that the highest in the area?", "… the most out of the london hospitals?":
            # the one just given, among the parts
            subjects = [last_mains[0]]
        if len(subjects) == 1 and subjects[0] in self.look.parts and q.form == "yesno" and \
                IT_REF_THAT.search(q.low) and VERSUS_THAN.search(q.low) and len(last_mains) == 1 \
                and last_mains[0] in self.look.parts and last_mains[0] not in subjects:
            subjects = [last_mains[0], *subjects]  # "is that more than walsall" after dudley's
        if not subjects and op is None and (IT_REF.search(q.low) or WHICH_IS_THAT.match(
                q.low)) and len(conv.focus) == 1 and \
                (one := self.look.by_id.get(conv.focus[0])) is not None and one.scope == "part":
            subjects = [one]  # "How many did it actually reschedule?": the one just named
        # A word of a subject's name names no one ("Imperial College": not the college).
        taken = {i for m in mentions for i in range(m.start, m.end)}
        people_mentions = self.look.people_matcher.find(q.text)
        ending = {m.end: self.look.by_id[m.key] for m in mentions}
        q_tokens = tokens(q.text)
        named = [self.look.people[k] for k in AliasMatcher.keys(
            [m for m in people_mentions
             if (not taken & set(range(m.start, m.end)) or m.end - m.start > 1)
             and not self._titled_for_another(self.look.people[m.key], [
                 f for f in [ending.get(m.start)] if f is not None], q_tokens[m.start:m.end])])]
        referred = self._pronoun(q, conv)
        parts_word = re.escape(self.lex.profile.parts)
        if not named and not referred and re.search(
                rf"\b(?:the|our|all the|any of the) {parts_word} (?:say|said|says|mention\w*|tell|"
                rf"told|comment\w*)\b", q.low):
            # "did the trusts say anything about rebooking": who speaks for them as a body
            referred = [p for p in self.look.corpus.people if p.kind == "group" and
                        self.lex.profile.parts in f"{p.organisation} {p.role}".lower()]
        for_us = False
        if not named and not referred and own_now is not None and (OUR_LEADER.search(
                q.low) and (SAID_Q.search(q.low) or q.form in ("who", "yesno") and not q.numbers)
                or SPOKE_FOR_US.search(q.low)):
            referred = self.look.speaking_for(own_now)  # "what did our boss say"
            for_us = bool(referred)
        said_by_part = subjects[0] if not named and not referred and len(subjects) == 1 and \
            subjects[0] in self.look.parts and PART_SAID.match(q.low) else None
        if said_by_part is not None:
            # "what did sfh say? any quote from them": whoever speaks for that trust
            referred = self.look.speaking_for(said_by_part)
            for_us = bool(referred)
        people = named + [p for p in referred if p not in named]
        # "Who leads elective recovery for NHS England's London region?": a person described
        # by their role, word for word, rather than named.
        asked_terms = set(q.terms)
        by_role = [p for p in self.look.corpus.people if p.is_person and p not in people and (
            len(role := set(content_terms(p.role))) >= 3 and len(role & asked_terms) >= max(
                3, 0.75 * len(role)))]
        if by_role and not any(p.is_person for p in people):
            people = by_role + people
        # A person named by what describes them, not by name or role ("the nurse on the
        # picket line"), or by their organisation, role and where the article meets them
        # ("who was the nuh doc quoted"): the one the question asks about, not its object.
        toks = tokens(q.text)
        described = [self.look.people[m.key] for m in people_mentions
                     if self.look.people[m.key].is_person and not set(toks[m.start:m.end]) & (
                         set(tokens(self.look.people[m.key].name)) |
                         set(tokens(self.look.people[m.key].role)))]
        gendered = GENDERED_PERSON.search(q.low)
        if not any(p.is_person for p in named) and (q.form == "who" or PERSON_ASKED.search(
                q.low) or gendered):
            asked = asked_terms - GENERIC_TERMS - {t for p in people for t in
                                                   self.look.person_terms.get(p.id, ())}
            pronoun = gendered.lastgroup if gendered and gendered.lastgroup != "any" else None
            found = [p for p in self.look.described_people(asked, pronoun) if p not in people]
            described += found
            if gendered and q.form != "who" and not any(p.is_person for p in people):
                people = found + people  # "what did the black country lady say": hers
        unknown, place, partial, stray = self._unknown(q, mentions)
        if unknown and not mentions:
            # "King's College Hospital NHS Foundation Trust": a name the article doesn't know,
            # not a description of the trust whose name shares its "College".
            unknown_words = set(tokens(unknown)) - self.lex.name_glue
            subjects = [f for f in subjects if not unknown_words & set(tokens(f.subject))]
        if unknown:
            # "the West Midlands region": a name the article doesn't know, qualifying a
            # subject's word, names another subject.
            toks = tokens(q.text)
            name = tokens(unknown)
            starts = [i for i in range(len(toks)) if toks[i:i + len(name)] == name]
            ends = {i + len(name) for i in starts}
            inside = {i for s in starts for i in range(s + 1, s + len(name))}
            # ("King's College Hospital …": "College" inside it names no known subject; but
            # "Royal Stoke (UHNM)" says whose the place is)
            glossed = {t for inner in re.findall(r"\(([^()]{2,60})\)", q.text)
                       for t in tokens(inner)}
            qualified = {m.key for m in mentions if (m.start in ends or m.start in inside) and
                         not set(toks[m.start:m.end]) <= glossed}
            subjects = [f for f in subjects if f.id not in qualified]
        covered = frozenset(i for m in mentions for i in range(m.start, m.end))
        dims = self._dims(q, conv, sum(m.end - m.start for m in mentions), op)
        own_dims = self._dims(q, Conversation(), 0, op)
        if (NEIGHBOUR.search(q.low) or BEYOND.search(q.low)) and not own_dims:
            dims = ()  # "whos just above us" after our day 2: the ranking of the totals
        row = self.look.by_id.get(conv.focus[0]) if len(conv.focus) == 1 else None
        if REST_Q.match(q.low) and not mentions and row is not None and row.scope != "part":
            # "day 1?" then "the rest?" of England: its other days
            keyed = [(k, v) for k, v in row.dims if k in self.look.partitions]
            if len(keyed) == 1:
                key, value = keyed[0]
                dims = tuple(d for d in row.dims if d[0] != key) + tuple(
                    (key, v) for v in self.lex.profile.dimensions.get(key, {}) if v != value)
                subjects = [self.look.main_row(row)]
        if dims and dims == conv.dims and subjects and not own_dims and \
                not all(self._has_rows(f, dims) for f in subjects):
            dims = ()  # "day 1?" then "n the 4 london trusts together?": not all have day 1
        every = bool(ALL_VALUES_ASKED.search(q.low)) and bool(conv.dims) and len(q.terms) <= 3
        if not subjects and (dims or every) and conv.focus and op is None and not \
                self.lex.part_word.search(q.low) and (len(q.terms) <= 3 or FOLLOWUP.match(q.low)):
            # "outpatients only?", "and on Tuesday?": the same subjects at other dimensions.
            keys = conv.focus
            if EACH_OF.search(q.low):
                keys = conv.earlier_focus + conv.focus  # "inpts each?" after NUH, then SFH
            subjects = list(dict.fromkeys(self.look.main_row(self.look.by_id[k]) for k in keys
                                          if k in self.look.by_id))
            if len(subjects) > 1 and conv.op in ("total", "average"):
                op = conv.op  # "outpatients only?" after a total: that total, of outpatients
        if op in PAIR_OPS and len(subjects) == 2 and subjects[0].dims and subjects[1].dims and \
                subjects[0].dims != subjects[1].dims:
            dims = ()  # each already at its own day: "day 1?", "day 2?", "diff?"
        if op in PAIR_OPS and len(subjects) == 2 and subjects[1].dims and not subjects[0].dims:
            if len({k for k, _ in dims}) < len(dims) and \
                    self.look.main_row(subjects[1]) is subjects[0]:
                subjects = subjects[:1]  # "the difference between the two days": one, twice
            else:
                dims = ()  # now against a round: each row is already at its dimensions
        if not subjects and op in ("difference", "ratio", "change") and self.look.whole and \
                TOGETHER.search(q.low) and dims and all(
                    k not in self.look.partitions for k, _ in dims):
            subjects = [self.look.whole]  # "so combined how many fewer this time vs then"
        then = conv.dims or tuple(dict.fromkeys(
            d for k in conv.focus if k in self.look.by_id for d in self.look.by_id[k].dims
            if d[0] not in self.look.partitions))  # ("nuh vs april 23?": the row's round)
        if (op is None or op == "difference" and SAME_AGAIN.search(q.low)) and len(
                subjects) == 1 and (FOLLOWUP.match(q.low) or SAME_AGAIN.search(q.low)) and \
                conv.op in (
                "change", "difference") and any(k not in self.look.partitions
                                                for k, _ in then) and (
                not dims or dims == conv.dims):
            # "NUH now against March 2023, % change?" … "and sfh?": the same, for SFH.
            op, dims = conv.op, then
        wording = self._wording(q, (unknown, place, partial, stray))
        wording["own"] = self._own(q, mentions) or self.look.by_id.get(conv.own)
        wording["claimed_next"] = claimed_next
        top = TOP_N.search(q.low)
        wording["top_n"] = int(WORD_NUMBERS.get(top.group(2), top.group(2))) if top else 0
        if top and op in ("total", "average", "share"):
            # "the top 3 combined?": those three, added up
            fewest = top.group(1) in ("bottom", "smallest", "lowest")
            subjects = sorted(self.look.parts, key=lambda f: f.value, reverse=not fewest)[
                :wording["top_n"]]
        elif top and op in (None, "extreme"):
            op = "rank"  # "top 3?": the first three of the ranking
            wording["direction"] = "fewest" if top.group(1) in ("bottom", "smallest",
                                                                "lowest") else "most"
        if conv_sides is not None:
            wording["sides"] = conv_sides
        wording["by_word"] = self._name_words(q, mentions)
        worded = [f for f, _ in wording["by_word"] if f not in subjects]
        if op in ("difference", "ratio") and q.form != "yesno" and len(subjects) == 1 and \
                len(worded) == 1 and subjects[0].scope == "part":
            subjects = [*worded, *subjects]  # "the kids hospital vs the cancer one, diff?"
        wording["site"] = self._site_claim(q, mentions)
        wording["sites_named"] = self._sites_named(q, mentions)
        wording["own_dims"] = own_dims
        toks = tokens(q.text)
        for key in {m.key for m in mentions}:
            same = [m for m in mentions if m.key == key]
            joins = {"vs", "versus", "v", "or", "against", "compared"} | (
                {"and"} if SPLIT_ASKED.search(q.low) or "between" in toks else set())
            apart = [" ".join(toks[m.start:m.end]) for a, b in zip(same, same[1:], strict=False)
                     if set(toks[a.end:b.start]) & joins for m in (a, b)]
            if len(set(apart)) > 1:  # "kings mill vs newark split for sfh?"
                wording["split_within"] = tuple(dict.fromkeys(apart))
        claimed = [k for k, _ in dims if k in self.look.partitions]
        if not wording["dim_asked"] and q.form == "yesno" and len(claimed) == 1 and \
                wording["cues"].has("ANY_SUPERLATIVE", "THE_BIGGER_ONE") and \
                len(subjects) <= 2 and not BOUND_WORDS.search(q.low):
            wording["dim_asked"] = claimed[0]  # "was mon their peak too": that, over the days
            if not subjects and len(last_mains) == 1:
                subjects = list(last_mains)  # ("so day 2 was the bigger one?" after day 2)
        dim_keys = [k for k, _ in dims]
        if not wording["dim_asked"] and op == "extreme" and len(dim_keys) >= 2 and len(
                set(dim_keys)) == 1 and len({self.look.main_row(f).id for f in subjects}) <= 1:
            wording["dim_asked"] = dim_keys[0]  # "which was worse for nuh, march or april 23"
        leaving = EXCLUDING.search(q.low)
        if wording["own"] is not None and leaving and OWN_WORDS.match(leaving.group(1)):
            wording["excluded"] = (wording["own"],)  # "excl us whats the tot for the rest?"
        elif leaving and re.match(r"(?:them|it|that one|those)\b", leaving.group(1)) \
                and len(conv.focus) == 1 and (last := self.look.by_id.get(conv.focus[0])) and \
                last.scope == "part":
            # "so how many for everyone else excl them": the last one left out
            wording["excluded"] = (self.look.main_row(last),)
        if wording["excluded"] and op in (None, "extreme") and LEFT_OVER.search(q.low):
            op = "total"  # "whats left if u take out the biggest": the rest, added up
            subjects = [f for f in subjects if f not in wording["excluded"]]
        both = [k for k, _ in dims if k in self.look.partitions]
        if not wording["split_by"] and op in (None, "difference") and HOW_MUCH_OF.search(q.low) \
                and (two := next((k for k in both if both.count(k) >= 2), "")):
            # "how much of that was inpatient v outpatient": the figure broken down by type
            wording["split_by"], op = two, None
            dims = tuple(d for d in dims if d[0] != two)
        if wording["split_by"] and op in ("average", "rank"):
            # "our daily breakdown fri to tue, total per day": each day's figure, not an average
            op = None
            dims = tuple(d for d in dims if d[0] != wording["split_by"])
        subjects, op = self._follow_ups(q, conv, subjects, op, dims, wording, mentions)
        subjects, op = self._two_sides(q, conv, subjects, op, wording)
        if op == "difference" and conv.op == "ratio" and FOLLOWUP.match(q.low) and \
                re.search(r"\b(?:vs|versus|against)\b", q.low) and len(subjects) == 1 and \
                conv.focus and (first := self.look.by_id.get(conv.focus[0])) is not None and \
                first not in subjects:
            # "x times dudley?" then "and vs wolves?": the same ratio, against another
            subjects, op = [self.look.main_row(first), subjects[0]], "ratio"
        base_area = self._area_after_of(q) if op == "share" else None
        if base_area is not None and not wording.get("of_group"):
            # "what share of that black country tot was dudley", "both together as a share
            # of black country only": of that area's parts
            ones = [f for f in subjects if f in base_area]
            if not ones or set(ones) == set(base_area):  # ("% of the bc 4 is that?": the last)
                ones = [f for k in conv.focus if (f := self.look.by_id.get(k)) in base_area] \
                    or ones
            if ones and len(ones) < len(base_area):
                subjects, wording["of_group"] = ones, tuple(base_area)
                area = None
        if area is not None and op == "share" and wording["own"] in area[0] and \
                OWN_WORDS.search(q.low) and len(area[0]) > 1:
            # "and back to the BC four - what slice of that are we?": ours, of that group
            subjects, wording["of_group"] = [wording["own"]], tuple(area[0])
        elif area is not None:
            subjects = self._against_area(q, conv, subjects, area, wording)
            if op is None and wording["sides"] is None and (
                    FOLLOWUP.match(q.low) and conv.op in ("total", "average") or
                    wording["cues"].has("TOGETHER")):
                op = conv.op if FOLLOWUP.match(q.low) and conv.op else "total"  # "and all 4 bc?"
        if NOT_COMPARATIVE.search(q.low):
            wording["direction"] = "fewest" if wording["direction"] == "most" else "most"
        toks = tokens(q.text)
        wording["after_names"] = tuple(
            (m.key, tuple(toks[m.end:m.end + 4])) for m in people_mentions)
        in_phrase = self._phrase_speakers(q, referred)
        speakers = in_phrase or ([] if WHO_SPOKE.match(q.low) else self.look.with_members(
            people))
        wording["answering"], wording["answered"] = self._responding(q, conv, people_mentions)
        if wording["answering"] and not wording["answered"] and q.form not in (
                "who", "what", "which", "other"):
            wording["answering"] = ()
        in_parts = [f for f in subjects if f in self.look.parts]
        if op == "total" and not mentions and len(in_parts) >= 2 and len(in_parts) < len(
                subjects) and all(f in in_parts or f.scope == "whole" for f in subjects):
            subjects = in_parts  # "combined?" after two parts (and the whole they are in)
        if op == "share" and own_dims and len(subjects) > 1 and len(
                mains := {self.look.main_row(f) for f in subjects}) == 1 and not mentions:
            subjects = list(mains)  # "what % is the OP side then" after its ip vs op: of it all
        leaderless = ""
        speaking = said_by_part or own_now
        if said_by_part is not None or own_now is not None and (OUR_LEADER.search(
                q.low) and wording["cues"].has("SAID_Q") or SPOKE_FOR_US.search(q.low)):
            subjects = []  # "what did our boss say": someone's words, not our figure
            if not referred and speaking is not None:
                leaderless = f"anyone speaking for {speaking.subject}"
        return Reading(q, subjects, people, unknown, place, partial, stray, referred, covered,
                       dims, op, positional, self._unknown_day(q), tuple(in_phrase),
                       tuple(speakers), "" if for_us else self._unknown_speaker(q) or leaderless,
                       tuple(described), **wording, **self._claim(q, speakers))

    def _follow_ups(self, q: Question, conv: Conversation, subjects: list[Figure],
                    op: str | None, dims: tuple[tuple[str, str], ...], wording: dict[str, Any],
                    mentions: list[Mention]) -> tuple[list[Figure], str | None]:
        """What a short follow-up takes from the turns before it, beyond its subjects: the
        ranking one down ("and 2nd?"), the same question of another subject ("nuh?"), the
        parts left out ("and the rest?"), the last one against the rest, a fraction or a
        round ("vs march 23?"); `wording` is updated in place."""
        down = BARE_ORDINAL.match(q.low)
        if op is None and not subjects and down and conv.op in ("extreme", "rank"):
            # "and 2nd?" after "which trust had the most?": the same ranking, one down.
            op = "extreme"
            wording["direction"] = conv.direction
            wording["ordinal"] = {"second": 2, "third": 3, "fourth": 4, "fifth": 5,
                                  "next": 2}[down.group(1)]
        named_only = len([t for t in tokens(q.text) if t not in STOPWORDS]) <= sum(
            m.end - m.start for m in mentions) + 1  # "nuh?", "and nuh then?"
        if op is None and subjects and conv.dim_asked and not dims \
                and not wording["dim_asked"] and (named_only or FOLLOWUP.match(q.low)):
            # "sfh worst day? how many" … "nuh?": the same question of another subject.
            op = "extreme"
            wording["dim_asked"], wording["direction"] = conv.dim_asked, conv.direction
        if op == "total" and conv.op == "extreme" and conv.dim_asked and not dims and \
                not wording["dim_asked"] and len(q.terms) <= 2 and TOGETHER.search(q.low):
            # "which day was worst for nuh", "and sfh?", "combined?": the worst day of the two
            op = "extreme"
            wording["dim_asked"], wording["direction"] = conv.dim_asked, conv.direction
        last = [self.look.by_id[k] for k in conv.focus if k in self.look.by_id]
        mains = list(dict.fromkeys(self.look.main_row(f) for f in last))
        if REST_Q.match(q.low) and mains and all(f.scope == "part" for f in mains) and \
                len(mains) < len(self.look.parts):
            # "and the others?", "and the rest?": the parts the last answer left out (and the
            # one before it: "gstt?", "and imperial?", "the rest?").
            before = [self.look.main_row(self.look.by_id[k]) for k in conv.earlier_focus
                      if k in self.look.by_id]
            if len(mains) == 1 and len(before) == 1 and before[0].scope == "part":
                mains = list(dict.fromkeys(mains + before))
            if wording["rest_together"] and wording["own"] in mains and len(mains) > 1:
                mains = [wording["own"]]  # "the other four combined?" after us vs dudley: not us
            subjects = [f for f in self.look.parts if f not in mains]
            op = op if op in ("total", "average") else conv.op if conv.op in (
                "share", "total", "average") else None  # ("the rest combined?": their total)
            if op == "share" and self.look.whole is not None:
                subjects.append(self.look.whole)
        if wording["rest_together"] and op in ("total", "average", None) and len(last) == 1 \
                and last[0].scope == "part" and not any(f.scope == "part" for f in subjects) \
                and not REFERRING.search(q.low.replace("the other", "")):
            # "and the other 3 london ones together?" after GOSH: all but GOSH, added up.
            op, subjects = op or "total", []
            wording["excluded"] = tuple(last)
        whole = self.look.whole
        own: Figure | None = wording["own"]
        if own is not None and own in subjects and len(subjects) > 1 and not OWN_WORDS.search(
                q.low) and self._own(q, mentions) is own:
            subjects = [f for f in subjects if f is not own]  # "rwt again - … across england?"
        # (not "whats our trusts tot" from one trust's staff: "our trust's", the apostrophe
        # left out)
        n_parts = len(self.look.parts)
        ours_all = OUR_AREA.search(q.low) or re.search(
            rf"\bour (?:\w+ )?{re.escape(self.lex.profile.parts)}\b"
            rf"{'' if own is None else OWN_FIGURE_AFTER}", q.low) or re.search(
            rf"\bour (?:{n_parts}|{NUMBER_NAMES.get(n_parts, n_parts)})\b", q.low)  # "our 5"
        pair = [f for k in conv.focus if (f := self.look.by_id.get(k)) in self.look.parts]
        if own is None and WE_GROUP.search(q.low) and len(pair) == 2 and len(subjects) == 1 and \
                subjects[0] in self.look.parts and subjects[0] not in pair and \
                VERSUS_THAN.search(q.low):
            # "wolves had more than both of us put together right?" after walsall against
            # dudley: the one named against the two just set side by side, added up
            wording["sides"] = (pair, subjects[0], False)
            subjects, op = [subjects[0], *pair], "difference"
        elif own is not None and (wording["excluded"] == (own,) or WE_GROUP.search(q.low)):
            # "excl us": the rest; "both of us together": the two last named
            if WE_GROUP.search(q.low) and re.search(r"\b(?:both|two|2) of us\b", q.low) and \
                    len(named := [f for f in pair if f is not own][-1:]) == 1 and \
                    not any(m for m in mentions):
                subjects = [own, named[0]]  # "combined the 2 of us?" after the marsden: those
        elif own is not None and OWN_WORDS.search(q.low) and wording["rest_together"]:
            # "so we had more than the other 4 trusts put together, yes?": us against the rest
            subjects, wording["excluded"] = [own], ()
            op = "difference" if op in (None, "total") else op
        elif own is not None and op == "share" and OWN_WORDS.search(q.low) and not ours_all:
            # "what % of that is us", "whats our share of the england total": ours, of that
            group = [f for f in subjects if f.scope == "part" and f is not own]
            base = [f for f in subjects if f.scope != "part"]
            if not base and len(group) > 1 and len(group) + 1 < len(self.look.parts):
                wording["of_group"] = (*group, own)
            subjects = [own, *base]
        elif own is not None and own not in subjects and len(subjects) >= 2 and \
                not OWN_WITH.search(q.low) and all(
                f.scope == "part" for f in subjects) and wording["cues"].has("TOGETHER") and (
                    we := OWN_WORDS.search(q.low)) and (than := VERSUS_THAN.search(q.low)) and \
                we.start() < than.start():
            # "did we have more than walsall + dudley put together?": us against the two
            wording["sides"] = (list(subjects), own, False)
            subjects = [own, *subjects]
            op = "difference" if op in (None, "total") else op
        elif own is not None and OWN_WITH.search(q.low) and own not in subjects:
            # "and us + dudley together vs wolverhampton"; "walsall + dudley combined, vs us?"
            subjects = [*subjects, own] if OWN_AFTER.search(q.low) else [own, *subjects]
        elif own is not None and OWN_WORDS.search(q.low) and not ours_all and op in (
                None, "total") and not REFERRING.search(q.low) and not any(
                self.look.by_id[m.key].scope == "part" for m in mentions) and \
                not NEIGHBOUR.search(q.low):  # (not "combined with the one below us")
            # "pls confirm our revised total" after two others: ours, not the last two
            subjects = [own, *[f for f in subjects if f.scope != "part"]]
        elif own is not None and OWN_WORDS.search(q.low) and not ours_all and \
                not any(f.scope == "part" for f in subjects):  # ("our 5 trusts": the parts)
            subjects = [own, *subjects]  # "per day avg for us?" after "stoke here": UHNM's
        elif own is not None and OWN_WORDS.search(q.low) and not ours_all and (
                op in PAIR_OPS or wording["cues"].has("COMPARATIVE")) and len(subjects) == 1 \
                and own not in subjects:
            # "diff between them n us?": the last one and ours; "did we have more than
            # dudley?": ours first, as the question puts it
            we_at = OWN_WORDS.search(q.low)
            them_at = REFERRING.search(q.low)
            first = we_at is not None and (mentions and q.low[:we_at.start()].count(" ") < \
                mentions[0].start or not mentions and them_at is not None and
                we_at.start() < them_at.start())  # ("so we had more … than them??")
            subjects = [own, *subjects] if first else [*subjects, own]
        elif whole is not None and OURS.search(q.low) and not any(
                f.scope in ("part", "whole") for f in subjects) and not \
                wording["cues"].has("all_parts", "parts_word"):  # ("our 5 trusts": the parts)
            subjects = [whole, *subjects]  # "what % of that is ours": the article's own area
        focus_parts = [f for k in conv.focus if (f := self.look.by_id.get(k)) in self.look.parts]
        if op == "total" and len(subjects) == 1 and subjects[0] in self.look.parts and \
                q.numbers and wording["cues"].has("NEW_TOTAL") and not any(
                    n == subjects[0].value for n in q.numbers):
            # "walsall's been revised to 950 - new tot?": the total it is in, as the article
            # gives it (the last answer's group, else every part)
            subjects = focus_parts if subjects[0] in focus_parts and len(focus_parts) >= 2 \
                else list(self.look.parts)
        if op in ("difference", "ratio") and own is not None and subjects == [own] and \
                re.search(r"\b(?:them|they|theirs)\b", q.low) and (
                    rival := self._other_part(conv, own)) is not None:
            subjects = [own, rival]  # "overall how far ahead of them were we": their total
        if VERSUS_THEM.search(q.low) and own is not None and subjects == [own] and len(
                mains_last := [f for f in dict.fromkeys(self.look.main_row(x) for x in last)
                               if f in self.look.parts and f is not own]) == 1:
            subjects = [own, mains_last[0]]  # "so we had more … than them??": us, then them
        if VERSUS_THEM.search(q.low) and len(subjects) >= 2:
            # "us and dudley together vs them?": the one the last answer set against us
            others = [f for f in dict.fromkeys(self.look.main_row(x) for x in last)
                      if f not in subjects and f in self.look.parts]
            if len(others) == 1:
                subjects = [*subjects, others[0]]
        if op == "difference" and conv.op == "share" and FOLLOWUP.match(q.low) and \
                re.search(r"\b(?:vs|versus|against)\b", q.low) and len(subjects) == 2 and \
                not wording["cues"].has("COMPARATIVE") and sorted(
                    f.scope == "part" for f in subjects) == [False, True]:
            op = "share"  # "and just us vs england" after a share: the same, for us
        if wording["rest_together"] and not any(f.scope == "part" for f in subjects) and \
                len(last) == 1 and last[0].scope == "part" and (
                    REFERRING.search(q.low) or ELLIPTIC_COMPARISON.match(q.low)):
            # "that's more than the 4 other trusts combined?": the last one against the rest.
            subjects = [last[0]]
            if wording["excluded"] == (last[0],):
                # ("so more than all the others put together?": the others are the rest)
                wording["excluded"] = ()
                op = "difference" if op in (None, "total") else op
        if wording["fraction"] and (op in (None, "total") and REFERRING.search(q.low) or op in (
                None, "total", "extreme") and ELLIPTIC_COMPARISON.match(q.low)) and \
                not any(f.scope == "part" for f in subjects) and last and all(
                    f.scope == "part" for f in last):
            # "is that over half the regional total?": the last ones against the fraction.
            subjects, op = last + subjects, "share"
        elif wording["fraction"] and op in (None, "total") and REFERRING.search(q.low) and \
                not subjects and conv.turns and len(told := [
                    f for ref in conv.turns[-1].figures
                    if (f := self.look.by_id.get(ref.id)) is not None]) == 1 and \
                told[0].scope == "other":
            # "so thats like a fifth of all trusts?" after 44 trusts: that row of its whole
            subjects, op = told, "share"
        elif wording["fraction"] and op in (None, "total") and conv.op == "share" and \
                not subjects and (REFERRING.search(q.low) or len(q.terms) <= 3) and (
                    shared := [f for k in (*conv.focus, *conv.base)
                               if (f := self.look.by_id.get(k)) is not None]):
            # "london's share of england? over a fifth?": that share against the fraction
            subjects, op = list(dict.fromkeys(shared)), "share"
        if op in (None, "difference") and VERSUS_LEAD.match(q.low) and (len(
                {k for k, _ in dims}) < len(dims) or dims and all(
                    k not in self.look.partitions for k, _ in dims)):
            # ("vs march 23?" after "combined?": the same total, then against now)
            op = "difference"  # "vs tue?": the same subjects on the two days, against each other
            mains = list(dict.fromkeys(self.look.main_row(f) for f in subjects or [
                self.look.by_id[k] for k in conv.focus if k in self.look.by_id]))
            if self.look.whole is not None and len(mains) > 1 and set(mains) == set(
                    self.look.parts):
                mains = [self.look.whole]  # (the last answer added up the parts: the whole)
            subjects = mains
        if op == "share" and conv.op == "difference" and len(conv.values) == 2 and \
                len(q.terms) <= 2 and not mentions and not AS_SHARE_OF.match(q.low) and \
                not wording["cues"].has("OF_THE_TOTAL", "OWN_WORDS") and \
                not self.look.dim_matcher.find(q.text):  # ("what % is the OP side": its share)
            # "as a %?" after "how much lower than april 23": the gap as a % of the other side
            op = "change"
        if op in (None, "change") and wording["cues"].has("POINTS") and not subjects:
            op = "difference"  # "how many percentage points apart": a gap, not a % change
        if wording["excluded"] and op is None and (
                not subjects and q.form == "how many" or
                subjects and all(f.scope == "whole" for f in subjects) and FOLLOWUP.match(q.low)):
            # "so how many for everyone else excl them", "and the rest of the region excl
            # us?": the rest, added up
            op, subjects = "total", []
        if wording["excluded"] and op in ("total", "average", "share") and len(subjects) == len(
                [f for f in subjects if f in wording["excluded"]]):
            subjects = []  # "excluding the largest trust": the largest is left out, not asked
            if op == "share" and conv.op == "share" and FOLLOWUP.match(q.low):
                # "and w/o uhnm?" after sandwell's share: sandwell's, of the rest
                subjects = [f for f in last if f.scope == "part" and f not in wording["excluded"]]
        told = [f for ref in (conv.turns[-1].figures if conv.turns else ())
                if (f := self.look.by_id.get(ref.id)) is not None]
        if op in (None, "extreme") and not subjects and conv.op == "difference" and \
                FOLLOWUP.match(q.low) and len(told) == 2 and all(
                    f.unit == "per cent" and f in self.look.others for f in told) and any(
                    set(q.terms) & (set(content_terms(f"{g.measure} {g.span}".replace("-", " ")))
                                    - {t for f in told for t in content_terms(
                                        f"{f.measure} {f.span}".replace("-", " "))})
                    for g in self.look.others if g.unit == "per cent" and g not in told):
            op = "difference"  # "gap between ask and avg award?" … "and for the lowest paid"
        if wording["excluded"] and LEADING_MINUS.search(q.low) and op in (
                None, "total", "difference") and (wording["rest_together"] or re.search(
                    r"\b(?:left|remaining|leftover|rest)\b", q.low)):
            op = "total"  # "so minus the biggest one whats left for the other 4"
            subjects = [f for f in subjects if f not in wording["excluded"]]
        elif wording["excluded"] and LEADING_MINUS.search(q.low) and conv.op in (
                "total", "average") and op in (None, "total", "difference"):
            # "minus uhnm?" after a total (or an average): the same, without it ("excl us
            # whats the avg?" asks its own computation)
            op = conv.op
            subjects = [f for f in subjects if f not in wording["excluded"]]
        elif wording["excluded"] and op is None and conv.op == "share" and \
                FOLLOWUP.match(q.low) and (measured := [
                    f for k in conv.subjects if (f := self.look.by_id.get(k)) is not None
                    and f.scope == "part" and f not in wording["excluded"]]):
            # "and if u leave out UHNM?" after our share of the region: ours, of the rest
            op, subjects = "share", measured
        return subjects, op

    def _responding(self, q: Question, conv: Conversation, mentions: list[Mention]
                    ) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
        """Who answers whom: the people named before "pushed back", "said … back to" and those
        after it (or the last one quoted, for "on that")."""
        hit = RESPONSE_TO.search(q.low)
        if hit is None:
            return (), ()
        at = len(tokens(q.low[:hit.start()]))
        toks = tokens(q.low)
        # ("who came back at him from the bma": "from" marks who answers, wherever it is)
        by = {m.key for m in mentions if m.start >= at and (
            toks[max(0, m.start - 1)] in ("from", "for") or
            toks[max(0, m.start - 2):m.start] in (["from", "the"], ["for", "the"]))}
        before = [self.look.people[m.key] for m in mentions if m.end <= at or m.key in by]
        after = [self.look.people[m.key] for m in mentions if m.start >= at and m.key not in by]
        if not before and q.form == "who" and ANSWERER_PRONOUN.search(hit.group()):
            # "whose claim was she answering": she answers; whom is asked
            return tuple(self.look.with_members(self._pronoun(q, conv))), ()
        if not after and RESPONSE_BACK.match(q.low[hit.end():]) and conv.people and (
                last := self.look.people.get(conv.people[-1])) is not None:
            after = [last]
        answered = tuple(dict.fromkeys(after))
        if not answered:
            return (), ()  # ("barclay's reaction to the cancellations": no one answered)
        return tuple(p for p in self.look.with_members(before) if p not in answered), answered

    def _two_sides(self, q: Question, conv: Conversation, subjects: list[Figure],
                   op: str | None, wording: dict[str, Any]) -> tuple[list[Figure], str | None]:
        """Two groups set against each other, each added up ("gstt and imperial combined vs
        gosh and marsden combined"), or the last answer's subjects ("is that more than gosh
        and marsden combined?") against a group; `wording` is updated in place."""
        split = groups.split_at_pivot(q.text, self.look.subject_matcher, self.look.by_id)
        if split is None or op not in (None, "total", "difference") or not wording[
                "cues"].has("TOGETHER"):
            return subjects, op
        before, after, lead = split
        if not before and set(lead) & BACK_WORDS and len(after) >= 2:
            before = list(dict.fromkeys(self.look.main_row(f) for k in conv.focus
                                        if (f := self.look.by_id.get(k)) is not None))
        if not before or len(after) < 2 or set(before) & set(after) or not all(
                f.scope == "part" for f in before + after):
            return subjects, op
        if len(before) == 1:
            wording["sides"] = (after, before[0], False)
            return [before[0], *after], "total"
        wording["groups"] = (tuple(before), tuple(after))
        return [*before, *after], "difference"

    def _claim(self, q: Question, speakers: list[Person]) -> dict[str, Any]:
        """What a claim about speech says: its quoted words, whose words it asks about, and
        its own words (not its speaker phrase, not the question's frame, not names)."""
        quoted = [a or b for a, b in QUOTED_WORDS.findall(q.text)]
        voices = self._voices(q, speakers)
        text = INSTRUCTION.sub(" ", q.text)
        for pattern in SPEAKER_PHRASES:
            m = pattern.search(text)
            if m and voices:
                text = text[:m.start(1)] + " " + text[m.end(1):]
                break
        look = self.look
        terms = [t for t in content_terms(text) if t not in look.people_terms
                 and t not in ASK_WORDS and look.vocab.knows(t)]
        typos = look.vocab.frame_typos(words(text))
        unknown = [t for t in content_terms(text) if not look.vocab.knows(t)
                   and t not in look.people_terms and t not in ASK_WORDS and t not in typos]
        mention = ARTICLE_MENTION.search(q.low)
        topic = words(mention.group(1) or mention.group(2)) if mention else []
        topic_terms = [t for t in content_terms(" ".join(topic)) if t not in GENERIC_TERMS]
        at = [i for i, w in enumerate(topic) if stem(w) in unknown and len(w) >= 4 and
              stem(w) not in GENERIC_TERMS]
        # (the words as the question runs them: "pharmacy/dispensing clinics")
        unmentioned = [" ".join(topic[at[0]:at[-1] + 1])] if at and len(at) * 2 >= len(
            topic_terms) else []
        return {"quoted": tuple(p.strip().rstrip(".…").strip() for p in quoted),  # ('drop their…')
                "unmentioned": tuple(unmentioned),
                "voices": tuple(voices),
                "echoed": self._echoed(q),
                "claim_terms": tuple(terms), "claim_unknown": tuple(unknown),
                "claim_negated": bool(NEGATIVE.search(INSTRUCTION.sub(" ", q.low))),
                "claim": replace(read_claim(INSTRUCTION.sub(" ", q.low)),
                                 pairs=self.look.opposite_pairs)}

    def _echoed(self, q: Question) -> str:
        """'who called … a huge stretch of the imagination': four or more of the article's
        words in a row, two of them more than function words (not a name)."""
        toks = tokens(q.text)
        for size in range(min(len(toks), 12), 3, -1):  # (a phrase, not a pasted paragraph)
            for start in range(len(toks) - size + 1):
                run = toks[start:start + size]
                phrase = " ".join(run)
                if len([t for t in run if t not in STOPWORDS]) >= 2 and \
                        f" {phrase} " in self.look.article_words and \
                        phrase not in self.look.alias_phrases:
                    return phrase
        return ""

    def _voices(self, q: Question, asked: list[Person]) -> list[Person]:
        """Whom the question asks to hear from; an organisation named only inside a person's
        title ("the union's general secretary") is not asked, nor are its other members."""
        low = f" {' '.join(tokens(q.raw))} "  # as written: "RCN" not spelled out

        def said(alias: str, text: str) -> bool:
            return f" {' '.join(tokens(alias))} " in text

        named = [p for p in asked if p.is_person and any(
            len(a) > 3 and said(a, low) for a in p.aliases)]
        if not named:
            return asked
        rest = low
        for p in named:
            for a in sorted(p.aliases, key=len, reverse=True):
                rest = rest.replace(f" {' '.join(tokens(a))} ", "  ") if tokens(a) else rest
        orgs = [p for p in asked if not p.is_person and any(
            len(a) > 2 and said(a, rest) for a in p.aliases)]
        return asked if orgs else named

    def _wording(self, q: Question, unknowns: tuple[str, ...]) -> dict[str, Any]:
        """What the question's words say beyond its subjects: every named rule's matches, and
        the values the answerers need (the counted noun, a line, a direction, units …)."""
        look, lex = self.look, self.lex
        article_rules = {"count_cues": lex.count_cues, "count_words": lex.count_words,
                         "part_word": lex.part_word, "parts_word": lex.parts_word,
                         "per_part": lex.per_part,
                         "all_parts": lex.all_parts, "staff": lex.staff,
                         "other_staff": lex.other_staff, "by_type": look.by_type,
                         "type_words": re.compile(rf"\b(?:{lex.types})\b"),
                         "other_period": look.other_period, "other_month": look.other_month,
                         "event_words": lex.event_words,
                         "event_frame": lex.event_frame}
        cues = Cues.find({**QUESTION_RULES, **article_rules}, q.low, q.text, AS_WRITTEN)
        word_text = f" {' '.join(tokens(q.text))} "
        stem_text = f" {' '.join(content_terms(q.text))} "
        # Words the article never uses may be slips for its words ("strke" for "strike").
        slips = frozenset(w for w in word_text.split() if len(w) >= 4 and not look.vocab.knows(w))
        excluding = EXCLUDING.search(q.text)
        left_out = {m.key for m in look.subject_matcher.find(excluding.group(1))
                    if look.by_id[m.key].scope == "part"} if excluding else set()
        if excluding and not left_out:  # ("excl the stoke lot", "excluding staffordshire")
            left_out = {f.id for m in look.area_matcher.find(
                re.split(r"[?!.;,]", excluding.group(1))[0]) for f in look.areas[m.key]}
        if excluding and not left_out:
            # "excluding the largest trust", "minus the biggest?": left out by rank.
            left_out = {f.id for f in self._by_rank(excluding.group(1).lower())}
        own = OWN_TOTAL.search(q.low)
        other = lex.other_staff.search(q.low)
        after = q.low[other.end():] if other else ""
        if other and after.split()[:1] and after.split()[0] in lex.counted_nouns:
            other = None  # "GP appointments" are appointments, not a staff group
        if other and set(after.split()[:2]) & HEARSAY_AFTER:
            other = None  # "one of the anaesthetists reckons wolves had …": who says, not who
        return {
            "cues": cues,
            "noun": self._counted_noun(q.low),
            "modality": modality(q.low),
            "modalities": modalities(q.low),
            "line": bound(q.low),
            "number_words": tuple(number_words(q.low)),
            "years": frozenset(float(y) for y in YEAR.findall(q.text)),
            "direction": aggregates.direction(q.low),
            "ordinal": aggregates.ordinal(q.low),
            "times": next((n for w, n in TIMES_WORDS if re.search(
                rf"\b{w}\b(?!-\w)", q.low)), None) or next(
                (int(m.group(1)) for m in [re.search(r"\b(\d+) times\b", q.low)] if m), None),
            "units": frozenset(u for u, cues_ in UNIT_CUES.items()
                               if any(re.search(c, q.low) for c in cues_)),
            "unit_words": frozenset(f.unit for f in look.others
                                    if re.search(rf"\b{re.escape(f.unit)}\b", q.low)),
            "cue_hits": {f.id: self._cue_hits(f, word_text, stem_text, slips)
                         for f in look.others},
            "orgs": tuple(look.people[k] for k in AliasMatcher.keys(
                look.speaker_matcher.find(q.text)) if not look.people[k].is_person),
            "stated": tuple(self._stated(q)),
            "stated_in": tuple(self._stated_in(q, slips)),
            "excluded": tuple(f for f in look.parts if f.id in left_out),
            "fraction": _fraction(cues.first("FRACTION_LINE")),
            # ("the four other than UHNM combined: bigger or smaller than UHNM's alone?")
            "rest_together": bool(cues.has("REST_TOGETHER") or len(left_out) == 1 and cues.has(
                "TOGETHER") and cues.has("VERSUS") or any(
                WORD_NUMBERS.get(n, n) in (len(look.parts) - 1, str(len(look.parts) - 1))
                for m in cues.every("ALL_N_TOGETHER") for n in m.groups() if n)),
            "split_by": next((k for k in sorted(look.partitions) if re.search(
                rf"\b(?:{SPLIT_WORDS})\b[^?]{{0,30}}\b{k}s?\b|"
                rf"\bby (?:the )?(?:strike )?{k}\b(?!\s*(?:\d|one|two|three|four)\b)|"
                rf"\b(?:each|every) (?:strike )?{k}\b|\b{k} by {k}\b", q.low) or (
                k == "type" and cues.has("type_words") and re.search(
                    r"\b(?:split|breakdown|broken down)\b", q.low)) or (
                k == "day" and DAILY_SPLIT.search(q.low))), ""),
            "dim_asked": next((k for k in look.dimension_keys if re.search(
                rf"\b(?:which|what|worst|best|busiest|quietest|heaviest|biggest|peak)\s+"
                rf"(?:\w+\s+)?{re.escape(k)}s?\b|\b{re.escape(k)}s? (?:saw|had|was|with)\b",
                q.low)), ""),
            "dim_unknown": next((k for k in DIMENSION_NOUNS if k not in look.dimension_keys
                                 and re.search(DIMENSION_ASKED.format(k=k), q.low)), "") or (
                "day" if "day" not in look.dimension_keys and cues.has("DAY_NAMED") and
                not cues.has("TIMING_EDGE") else ""),
            "own_total": bool(own and (own.group(2) in OWN_NOUNS or own.group(2) in
                                       lex.counted_nouns) and any(
                look.by_id[m.key].scope == "part" for m in look.subject_matcher.find(
                    own.group(1)))),
            "sides": groups.group_and_single(q.text, look.subject_matcher, look.by_id),
            "groups": None,
            "words": tuple(tokens(q.text)),
            "before_hospital": frozenset(re.findall(r"\b([\w'-]+) hospital\b", q.low)),
            "as_names": {p: as_name(p, look.alias_tokens, q.text) for p in unknowns if p},
            "unknown_person": as_name(unknowns[0], look.people_tokens | look.alias_tokens,
                                      q.text),
            "other_staff": other.group() if other else "",
            "other_strike": bool(other and re.match(
                r"(?:'s?|s')?\s*(?:strikes?|walk-?outs?|action|industrial)\b", after)),
            "staff_named": bool(lex.staff.search(q.low)),
            "restaffed": read(q.text[:other.start()] + lex.profile.staff_name +
                              q.text[other.end():], lex.abbreviations) if other else None,
            "query": q.text,
            **self._timing(cues, q),
        }

    def _timing(self, cues: Cues, q: Question) -> dict[str, Any]:
        """What a question asks about when: the clock, the dates, the length, the next one."""
        kinds = {kind for kind, rule in (("clock", "TIMING_CLOCK"), ("dates", "TIMING_DATES"),
                                         ("length", "TIMING_LENGTH"), ("next", "TIMING_NEXT"),
                                         ("when", "TIMING_WHEN"))
                 if cues.has(rule)}
        if cues.has("DEADLINE_ASKED"):
            kinds.add("when")  # "rebooked by end of the month": when, claimed
        if cues.has("TIMING_EDGE") and (kinds or cues.has("event_words")):
            # "strike start n end times?" wants both; "when did it start?" whatever says when.
            kinds |= {"clock", "dates"} if kinds & {"clock", "dates"} else {"when"}
        staff = {w for s in self.lex.profile.staff for w in tokens(s)}
        rest = [w for w in tokens(q.text) if w not in TIMING_FILLER and w not in staff
                and not self.lex.event_words.fullmatch(w) and w not in MONTH_NAMES]
        said = [m.group() for rule in (CLOCK_TIME, ASKED_DATE) for m in rule.finditer(q.text)]
        named = tuple(m.group() for m in CALENDAR_NAME.finditer(q.text))
        return {"timing": frozenset(kinds), "timing_only": not rest, "times_said": tuple(said),
                "months_said": named}

    def _cue_hits(self, f: Figure, word_text: str, stem_text: str,
                  slips: frozenset[str]) -> tuple[str, ...]:
        """The aliases of a row the question uses: as written, with a slip, or inflected
        ("pay ask" for "asking for"; a stem hit adds only words no alias as written had)."""
        exact, inflected = [], []
        for t, stems in zip(self.look.cue_tokens[f.id], self.look.cue_stems[f.id], strict=True):
            if f" {t} " in word_text or slips and _typed(t.split(), word_text.split(), slips):
                exact.append(t)
            elif stems and f" {stems} " in stem_text:
                inflected.append(stems)
        covered = {w for t in exact for w in t.split()} | {
            w for t, stems in zip(self.look.cue_tokens[f.id], self.look.cue_stems[f.id],
                                  strict=True) if t in exact for w in stems.split()}
        return tuple(dict.fromkeys(exact + [s for s in inflected if set(s.split()) - covered]))

    def _stated_in(self, q: Question, slips: frozenset[str]
                   ) -> list[tuple[str, float, Mapping[str, tuple[str, ...]]]]:
        """Each figure the question states with a unit, and the rows its clause names."""
        low = q.low
        breaks = [0, *(m.start() for m in CLAUSE_BREAK.finditer(low)), len(low)]
        found: list[tuple[str, float, Mapping[str, tuple[str, ...]]]] = []
        for unit, value, at in self._stated_at(q):
            start = max(b for b in breaks if b <= at)
            end = min(b for b in breaks if b > at)
            clause = low[start:end]
            words = f" {' '.join(tokens(clause))} "
            stems = f" {' '.join(content_terms(clause))} "
            hits = {f.id: self._cue_hits(f, words, stems, slips) for f in self.look.others}
            found.append((unit, value, {k: v for k, v in hits.items() if v}))
        return found

    def _stated(self, q: Question) -> list[tuple[str, float]]:
        return [(unit, value) for unit, value, _ in self._stated_at(q)]

    def _stated_at(self, q: Question) -> list[tuple[str, float, int]]:
        """Figures the question gives with a unit: ('days', 3) from 'the three-day strike'."""
        found = []
        for unit, pattern in UNIT_PATTERNS.items():
            for match in re.finditer(pattern, q.low):
                said = next(g for g in match.groups() if g).replace(",", "")
                said = "seven" if said == "week" else said
                if said in WORD_NUMBERS:
                    found.append((unit, float(WORD_NUMBERS[said]), match.start()))
                elif said.replace(".", "").isdigit():
                    found.append((unit, float(said), match.start()))
        return found

    def _counted_noun(self, low: str) -> str:
        """The noun after 'how many' ('how many consultants' -> 'consultants'), else ''."""
        match = HOW_MANY_NOUN.search(low + " ")
        if not match:
            # "were 50 trusts out?": a number with a unit the table counts in
            units = {f.unit for f in self.look.others} - set(UNIT_CUES)  # (not "2 days")
            said = next((w for w in NUMBER_THEN_WORD.findall(low) if w in units), "")
            return said
        skip = {"than", "more", "fewer", "less", "hospital", "nhs", "total", "of", "the",
                "individual", "separate", "different", "extra", "additional", "vs", "versus",
                "compared", "our", "their", "its", "my", "your", "his", "her", "again",
                "altogether", "overall", "in", "all", "then", "now",
                "round", "around", "here", "there", "own",  # ("how many round here": no round)
                "exactly", "precisely", "roughly", "approximately", "approx", "actual",
                "actually", "really", "about", "abt", "just", "only"}  # ("how many more exactly")
        skip |= {w for s in self.lex.profile.staff for w in s.lower().split()[:-1]}
        following = [w for w in match.group(1).split() if w not in skip and w not in NUMBER_WORDS
                     and w not in SCOPE_ADVERBS  # "how many nationally again"
                     and not w.endswith(("'s", "s'"))  # "how many of England's trusts"
                     and not (w.endswith("s") and w[:-1] in self.look.alias_tokens
                              and w[:-1] not in self.lex.name_glue)]  # "of imperials"
        if re.match(r"(?:more|fewer|less) than\b", match.group(1)) or \
                PERCENT_NOUN.match(match.group(1)):
            return ""  # "how many more than Dudley": a difference, no noun counted
        if re.match(r"(?:in|at|across|for|from|over|on|during|throughout)\b", match.group(1)):
            return ""  # "how many in the region": a place, no noun counted
        if following and following[0] in self.look.alias_tokens and \
                following[0] not in self.lex.name_glue | self.lex.counted_nouns:
            # "how many nuh resident docs": the noun after the subject's name; "how many
            # imperial cancelled": a subject named, no noun counted
            wider = low[match.start(1):].split()[:9]  # (a long name fills the usual window)
            following = [w for w in (x.strip("?!.,") for x in wider)
                         if w not in skip and w not in SCOPE_ADVERBS and
                         not w.endswith(("'s", "s'")) and
                         (w not in self.look.alias_tokens or w in self.lex.counted_nouns)]
            if not following or self.lex.action_cues.search(following[0]) or \
                    following[0] in AUXILIARIES:
                return ""
        # "how many patient appointments": the counted noun is what is counted.
        noun = next((w for w in following if w in self.lex.counted_nouns),
                    following[0] if following else "")
        if noun in self.lex.people_nouns and "patients" in self.lex.counted_nouns and \
                self.lex.action_cues.search(low):
            return "patients"  # "how many ppl at guys got moved": the patients it counts
        return noun

    def _unknown_day(self, q: Question) -> str:
        """A weekday or date the question names that none of the article's days matches."""
        if "day" not in self.look.dimension_keys:
            # ("walsall's cancellations for day one": the article gives no day by day figures)
            one = DAY_OF_EVENT.search(q.low)
            return one.group() if one and self.look.days is not None else ""
        covered = {i for m in self.look.dim_matcher.find(q.text) if m.exact
                   for i in range(m.start, m.end)}
        toks = tokens(q.text)
        if "round" in self.look.dimension_keys and (q.form in ("how many", "how much") or (
                q.form == "what" and self.lex.count_words.search(q.low))):  # ("what did nuh
            # rebook in the july 2024 strike?")
            # "the July 2024 strike": a round the article gives no figures for.
            for i, tok in enumerate(toks[:-1]):
                if tok in MONTH_NAMES and re.fullmatch(r"(?:19|20)\d\d", toks[i + 1]) and not (
                        {i, i + 1} & covered):
                    return f"{tok.capitalize()} {toks[i + 1]}"
        if "round" in self.look.dimension_keys and (self.lex.count_words.search(q.low) or
                                                     re.search(r"\b(?:fig(?:ure)?s|numbers|"
                                                               r"data|stats)\b", q.low)):
            # "any NUH figs for … the 2024 ones?": a year no round of the article is in
            rounds = " ".join(self.lex.profile.dimensions.get("round", {}))
            for i, tok in enumerate(toks):
                if i not in covered and re.fullmatch(r"(?:19|20)\d\d", tok) and \
                        tok not in rounds and (i == 0 or toks[i - 1] not in MONTH_NAMES) and \
                        re.search(rf"(?<![\d,.£$]){tok}(?![\d,.%])", q.text):  # (not "2,000")
                    return tok
        for i, tok in enumerate(toks):
            if i not in covered and (tok in WEEKDAY_NAMES or re.fullmatch(
                    r"\d{1,2}(?:st|nd|rd|th)", tok)):
                return q.text.split()[min(i, len(q.text.split()) - 1)].strip("?,.!") \
                    if tok not in WEEKDAY_NAMES else tok.capitalize()
        return ""

    def _by_rank(self, low: str) -> list[Figure]:
        ordered = sorted(self.look.parts, key=lambda f: -f.value)
        found = []
        phrased = [(m.group(1) or m.group(3) or "first", m.group(2) or m.group(4))
                   for m in RANK_PHRASE.finditer(low)]
        bare = [(m.group(1) or "first", m.group(2)) for m in RANK_BARE.finditer(low)]
        # "2nd lowest vs lowest, diff?": two ranks named bare are two subjects.
        for ordinal, word in phrased or (bare if len(bare) >= 2 else []):
            n = ORDINAL_VALUE.get(ordinal, 1)
            fewest = re.fullmatch(aggregates.FEWEST_ONLY, word) is not None
            if n <= len(ordered):
                found.append((ordered[::-1] if fewest else ordered)[n - 1])
        return found

    def _areas(self, q: Question, subjects: list[Figure]
               ) -> tuple[list[Figure], tuple[list[Figure], int] | None]:
        """'the 4 Black Country trusts': an area of the whole asked for as its parts (a
        parts word or their number right after or before the area's name), in place of the
        whole whose name the area shares."""
        if not self.look.areas:
            return subjects, None
        toks = tokens(q.text)
        area: tuple[list[Figure], int] | None = None
        heads = {self.lex.profile.part, self.lex.profile.parts, "ones", "hospitals", "sites"}
        found = self.look.area_matcher.find(q.text)
        # ("so the BC trusts beat staffs between them?": one area against another)
        # ("… than Staffordshire and the Black Country": the two areas joined are the whole)
        joined = any(set(toks[a.end:b.start]) <= {"and", "the", "&", "+", "of"}
                     for a, b in zip(found, found[1:], strict=False))
        sides = len({m.key for m in found}) > 1 and bool(VERSUS_THAN.search(q.low)) and \
            not joined
        leaving = EXCLUDING.search(q.text)
        cut = len(tokens(q.text[:leaving.start()])) if leaving else len(toks)
        if len({m.key for m in found if m.start < cut}) == len(self.look.areas) > 1 and \
                not sides:
            # "staffs + black country": every area, the whole (not "the four black country
            # trusts, leaving out the staffordshire one")
            return subjects, None
        for m in found:
            if m.start >= cut:
                continue  # (an area in what is left out is no subject)
            parts = self.look.areas[m.key]
            said = " ".join(toks[m.start:m.end])
            if len(parts) == 1 and not subjects and said in self.look.area_names.get(m.key, ()) \
                    and not set(toks[m.start:m.end]) & set(tokens(self._unknown(q, [])[0])):
                # (not "Royal Stoke University Hospital": a name the article doesn't know)
                subjects = list(parts)  # "is stoke more than the other four": its one part
                continue
            after = toks[m.end:m.end + 2]
            before = toks[max(0, m.start - 2):m.start]
            count = {str(len(parts)), *(w for w, n in WORD_NUMBERS.items() if n == len(parts))}
            numbers = {t for t in before + after if t.isdigit() or t in WORD_NUMBERS}
            # ("avg per trust in the bc": the parts word a few words before, "in the")
            # ("whos top in the black country": a superlative over the area's parts)
            inside = ({self.lex.profile.part, self.lex.profile.parts} & set(
                toks[max(0, m.start - 4):m.start]) or ANY_SUPERLATIVE.search(q.low)) and toks[
                    max(0, m.start - 2):m.start] in (["in", "the"], ["across", "the"],
                                                     ["of", "the"])
            # ("black country total?": the area's own total, not the whole's)
            # (but "a share of that black country tot" is of the area: `_area_after_of`)
            summed = len(parts) > 1 and bool(set(after) & AREA_TOTAL_WORDS) and \
                "of" not in toks[max(0, m.start - 3):m.start]
            if numbers - count or not (sides or set(after) & heads or set(before + after) & count
                                       or inside or summed):
                continue  # ("black country 5 trusts": the five, not the area's four)
            if len(parts) == 1 and sides:
                subjects = [f for f in subjects if f.scope != "whole"] + [
                    f for f in parts if f not in subjects]
                continue  # (the area of one part is that part, on the other side)
            whole = [f for f in subjects if f.scope == "whole"]
            subjects = [f for f in subjects if f not in whole] + \
                [f for f in parts if f not in subjects]
            area = area or (parts, m.start)
        return subjects, area

    def _area_after_of(self, q: Question) -> list[Figure] | None:
        """The area of several parts a share is taken of ("a share of black country only")."""
        toks = tokens(q.text)
        for m in self.look.area_matcher.find(q.text):
            parts = self.look.areas[m.key]
            if len(parts) > 1 and "of" in toks[max(0, m.start - 3):m.start]:
                return list(parts)
        return None

    def _own(self, q: Question, mentions: list[Mention]) -> Figure | None:
        """The writer's own subject, if they say which: "we're whc (walsall)", "stoke here"."""
        toks = tokens(q.text)
        spans = [(m.start, m.end, self.look.by_id[m.key]) for m in mentions] + [
            (m.start, m.end, self.look.areas[m.key][0]) for m in
            self.look.area_matcher.find(q.text) if len(self.look.areas[m.key]) == 1]
        line = OPENING_LINE.match(q.text)
        said = len(tokens(line.group(1))) if line and FIRST_PERSON.search(
            q.text[line.end():]) else 0
        for start, end, f in spans:
            if f.scope == "part" and end <= said <= 6 and len(
                    [s for s in spans if s[1] <= said]) == 1:
                return f  # "newark bookings. … did we put back": where the writer is

            before = toks[max(0, start - 4):start]
            pairs = set(zip(before, before[1:], strict=False)) | {(t,) for t in before}
            # ("uhnm bed mgmt here", "rwt again - how many …", "our trust = royal wolverhampton")
            ours = ("our", self.lex.profile.part) in pairs or ("our", "area's") in pairs or (
                before[-1:] in (["under"], ["at"], ["with"]) and "my" in before and
                not set(before) & OTHER_PEOPLE)  # (not "my colleague at gstt reckons …")
            # ("my mum's under walsall healthcare", "my op at the qmc": the writer's own)
            after = set(toks[end:end + 3])
            if f.scope == "part" and (pairs & SELF_MARKS or after & SELF_AFTER and not
                                      after & HEARSAY_AFTER or ours):
                return f
        return None

    def _against_area(self, q: Question, conv: Conversation, subjects: list[Figure],
                      area: tuple[list[Figure], int], wording: dict[str, Any]) -> list[Figure]:
        """'how many more than all 4 Black Country trusts put together?' (after UHNM): the
        area's parts as one side, the one other subject (named, or the last answer's) the
        other."""
        parts, at = area
        others = [f for f in subjects if f not in parts and f.scope in ("part", "national")]
        if not others and len(subjects) == len(parts):
            others = [f for k in conv.focus if k in self.look.by_id and (
                f := self.look.main_row(self.look.by_id[k])) not in parts and f.scope == "part"]
        if len(others) != 1 or not VERSUS_THAN.search(q.low):
            return subjects
        toks = tokens(q.text)
        than = next((i for i, t in enumerate(toks) if t == "than"), len(toks))
        wording["sides"] = (list(parts), others[0], at < than)
        return list(parts) + others

    def _described(self, q: Question, conv: Conversation,
                   op: str | None) -> tuple[list[Figure], bool]:
        """Subjects asked for without their name: by their place in the article's list ('the
        2nd trust listed', then 'and the 4th'), by their figure ('the one with 750'), or by
        a word of their name no other subject has ('the foundation trust')."""
        ordinal = ORDINAL_WORD.search(q.low)
        listed = LISTED.search(q.low) or (conv.positional and FOLLOWUP.match(q.low))
        step = NEXT.search(q.low)
        last = [self.look.in_order.index(f) for k in conv.focus if k in self.look.by_id
                and (f := self.look.main_row(self.look.by_id[k])) in self.look.in_order]
        if step and conv.positional and last:
            n = last[-1] + 1 + (1 if step.group(1) in ("next", "following", "after it") else -1)
            if 1 <= n <= len(self.look.in_order):
                return [self.look.in_order[n - 1]], True
        if ordinal and listed and self.look.parts:
            # Every place asked for: "the trust listed first and the one listed last".
            found = []
            for word in ORDINAL_WORD.findall(q.low):
                n = len(self.look.in_order) if word == "last" else ORDINAL_VALUE.get(word, 0)
                if 1 <= n <= len(self.look.in_order) and self.look.in_order[n - 1] not in found:
                    found.append(self.look.in_order[n - 1])
            if found:
                return found, True
        if op is None:
            by_value = [f for f in self.look.parts if f.value in q.numbers]
            if len(by_value) == 1 and re.search(r"\b(?:one|which|who|whose|the)\b", q.low):
                return by_value, True  # asked for as the one with that figure
        toks = tokens(q.text)
        for i, tok in enumerate(toks[:-1]):
            if toks[i + 1] in (self.lex.profile.part, "one") and tok in self.look.unique_words:
                return [self.look.unique_words[tok]], False
        described = self._by_description(toks, frozenset())
        if described and not (len(described) == 1 and op is None and not
                              self.lex.part_word.search(q.low)):
            return described, False
        if self.lex.part_word.search(q.low) and re.search(r"\bname\b", q.low):
            # "the trust whose name refers to university hospitals"
            named = {self.look.unique_words[t] for t in toks if t in self.look.unique_words}
            if len(named) == 1:
                return list(named), False
        return [], False

    def _sites_named(self, q: Question, mentions: list[Mention]) -> tuple[str, ...]:
        """'how many … at city hospital vs qmc?': the listed places the question names."""
        toks = tokens(q.text)
        heads = set(self.lex.profile.part_heads)
        found = []
        for m in mentions:
            said = toks[m.start:m.end]
            bare = said[:-1] if len(said) > 1 and said[-1] in heads else said  # ("newark hosp")
            hit = self.look.sites.get(site_key(said)) or self.look.sites.get(site_key(bare))
            if hit is not None:
                found.append(hit[1])
        return tuple(dict.fromkeys(found))

    def _site_claim(self, q: Question, mentions: list[Mention]
                    ) -> tuple[str, Figure, Figure] | None:
        """'is newark one of sfh's hospitals?': the place named, who runs it, who is said to."""
        if q.form != "yesno" or len(mentions) != 2 or not SITE_CLAIM.search(q.low):
            return None
        toks = tokens(q.text)
        sites = self.look.sites
        first, second = sorted(mentions, key=lambda m: m.start)
        for place, other in ((first, second), (second, first)):
            said, against = site_key(toks[place.start:place.end]), site_key(
                toks[other.start:other.end])
            if said in sites and against not in sites:
                owner, name = sites[said]
                return name, owner, self.look.by_id[other.key]
        return None

    def _name_words(self, q: Question, mentions: list[Mention]) -> tuple[tuple[Figure, str], ...]:
        """'the foundation trust': parts asked for by a word of their name no other part
        has, with that word."""
        toks = tokens(q.text)
        named_at = {i for m in mentions for i in range(m.start, m.end)}
        found: list[tuple[Figure, str]] = []
        for i, tok in enumerate(toks[:-1]):
            hit = self.look.unique_words.get(tok) or (
                self.look.unique_words.get(tok[:-1]) if tok.endswith("s") else None)
            # ("the foundation trust", "a childrens hospital": a word, then what it names)
            if hit is not None and i not in named_at and toks[i + 1] in self.look.heads \
                    and i > 0 and toks[i - 1] in ("the", "a", "an") \
                    and hit not in [f for f, _ in found]:
                found.append((hit, f"{tok} {toks[i + 1]}"))
        return tuple(found)

    def _by_description(self, toks: list[str], covered: frozenset[int]) -> list[Figure]:
        """'the specialist children's hospital trust and the specialist cancer centre': a word
        only one part has, in a phrase that ends in a word naming parts."""
        described: list[Figure] = []
        for j, head in enumerate(toks):
            if head not in self.look.heads or j in covered:
                continue
            for i in range(j - (head == self.lex.profile.part), max(-1, j - 5), -1):
                tok = toks[i]
                if tok in ("the", "a", "and", "or", "of") or i in covered:
                    break
                # ("is rwt the foundation trust?": a naming word one part alone has, right
                # before the parts word, describes that part)
                alone = i == j - 1 and head == self.lex.profile.part and i > 0 and \
                    toks[i - 1] in ("the", "a")
                hit = self.look.unique_words.get(tok) if tok not in self.lex.name_glue or \
                    alone else None
                if hit is not None and hit not in described:
                    described.append(hit)
                    break
        return described

    def _from_conversation(self, q: Question, conv: Conversation, subjects: list[Figure],
                           op: str | None) -> tuple[list[Figure], str | None]:
        """What a follow-up takes from earlier turns: 'combined?' the last two subjects,
        'and as a % of England?' the last answer's subjects, 'and RWT?' the last computation."""
        focus = [self.look.by_id[k] for k in conv.focus if k in self.look.by_id]
        earlier = [self.look.by_id[k] for k in conv.earlier_focus if k in self.look.by_id]
        # ("as a % of the tot across staffs & the black country?": the last one, of that)
        short = len(q.terms) <= 3 or bool(REFERRING.search(q.low)) or bool(
            AS_SHARE_OF.match(q.low))
        whole_pair = subjects == [self.look.whole] and not WHOLE_KEPT.search(q.low)
        if (not subjects or whole_pair) and len(self.look.parts) == 2 and \
                THE_TWO.search(q.low) and (op in ("difference", "ratio", "change") or (
                    op == "total" and not ALL_VALUES_ASKED.search(q.low))):
            # "diff between the 2 on the fri?", "the diff between the 2 trusts overall": the two
            # parts, not the whole "the two trusts" also names
            return list(self.look.parts), op
        if (op is None and FOLLOWUP.match(q.low) or op == "total" and OF_BASE_LEAD.match(
                q.low)) and subjects and conv.op == "share" and \
                not EXCLUDING.search(q.low) and all(f.scope != "part" for f in subjects) and (
                    parts := [f for f in focus if f.scope == "part"]):
            return parts + subjects, "share"  # "and of the whole of england's?" after ours
        own = self.look.by_id.get(conv.own)
        if op in (None, conv.op) and len(subjects) == 1 and subjects[0] in self.look.parts and \
                FOLLOWUP.match(q.low) and conv.op in ("difference", "ratio") and own is not None \
                and own in focus and len(focus) == 2 and subjects[0] not in focus and \
                len(q.terms) <= 4 and not q.numbers:  # ("and rwt was around 1,100?": a claim)
            # "did we have more than walsall? by how many" … "and sandwell?", "how far behind
            # uhnm are we" … "and how far ahead of sandwell": us against it
            return [own, subjects[0]], conv.op
        if op is None and subjects and FOLLOWUP.match(q.low) and conv.op in CARRIED_OPS and \
                all(f.scope == "part" for f in subjects):
            base = [self.look.by_id[k] for k in conv.base if k in self.look.by_id]
            return subjects + [f for f in base if f not in subjects], conv.op
        if op not in TAKING_OPS or not focus or not short or (
                self.lex.all_parts.search(q.low) and op != "share") or (
                op == "average" and self.lex.per_part.search(q.low) and not REFERRING.search(
                    q.low) and not (conv.op == "total" and len(focus) > 2 and
                                    len(conv.values) <= 1)):
            # ("and avg per trust" after the gap between two: all of them; not "avg per trust
            # for those 4", nor after a group's total, though after a group against one it is)
            return subjects, op  # ("what % of the 5-trust total": the parts are the base)
        if not subjects and self._names_round(q) and op in PAIR_OPS and focus and len(
                {self.look.main_row(f).id for f in focus}) == 1:
            # "vs april 23? how many fewer" after NUH's Monday outpatients: its whole now,
            # against that round (the article gives rounds for whole figures only)
            return [self.look.main_row(focus[0])], op
        if not subjects:
            if op in PAIR_OPS and len(focus) == 1 and len(earlier) == 1 and \
                    self.look.main_row(earlier[0]) is self.look.main_row(focus[0]) and \
                    earlier[0].dims != focus[0].dims:
                return [earlier[0], focus[0]], op  # "day 1?", "day 2?", "diff?": those two
            alike = [f for f in earlier if f.dims == focus[0].dims and
                     self.look.main_row(f) is not self.look.main_row(focus[0])] if len(
                focus) == 1 else []
            ours = bool(conv.own and OWN_WORDS.search(q.low))  # ("than us": ours, the other)
            if op in PAIR_OPS and len(alike) == 1 and not ours:
                return [alike[0], focus[0]], op  # "nuh inpts?", "and sfh?", "combined?"
            if op in PAIR_OPS and len(focus) == 1 and focus[0].dims:
                # "% change to July?" after "NUH in April 2023?": now against that round.
                return [self.look.main_row(focus[0]), focus[0]], op
            if op in PAIR_OPS and len(focus) == 1 and earlier and not REST_TOGETHER.search(
                    q.low) and not ours:
                # ("more than the other 3 put together?": against the rest; "more than us":
                # the last one against ours)
                return [*earlier[-1:], *focus] if earlier[-1] not in focus else focus, op
            mains = list(dict.fromkeys(self.look.main_row(f) for f in focus))
            before = list(dict.fromkeys(self.look.main_row(f) for f in earlier))
            if op in PAIR_OPS and len(mains) == 1 and len(focus) > 1 and before and \
                    before[-1] not in mains and all(f.dims for f in focus):
                # "combined tot for the mon?" after NUH's, then SFH's, Monday rows: both
                return [before[-1], mains[0]], op
            return focus, op
        if op in ("share", "average") and all(f.scope != "part" for f in subjects):
            if self.lex.all_parts.search(q.low) and any(f.scope == "national" for f in subjects):
                return list(self.look.parts) + subjects, op  # "the whole patch (all 5 trusts)"
            return [f for f in focus if f.scope == "part"] + subjects, op
        return subjects, op

    def _names_round(self, q: Question) -> bool:
        """Whether the question names a value of a dimension that is no partition (a round:
        "vs april 23")."""
        return any(m.exact and m.key.split("=")[0] not in self.look.partitions
                   for m in self.look.dim_matcher.find(q.text))

    def _has_rows(self, f: Figure, dims: tuple[tuple[str, str], ...]) -> bool:
        want: dict[str, set[str]] = {}
        for key, value in dims:
            want.setdefault(key, set()).add(value)
        if f.scope == "whole":
            return all(self._has_rows(part, dims) for part in self.look.parts)
        return any(v.subject == f.subject and all(v.dim(k) in values for k, values in want.items())
                   for v in self.look.variants)

    def _dims(self, q: Question, conv: Conversation,
              named: int = 0, op: str | None = None) -> tuple[tuple[str, str], ...]:
        """The days, types or rounds a question asks about; a follow-up keeps the last ones
        (`named`: how many of its words name subjects, which don't make it any longer)."""
        if not self.look.variants:
            return ()
        step = NEXT_VALUE.search(q.low)
        if step and conv.dims:
            # "and the day after?" after the first day's: the next value, the rest kept
            moved = list(conv.dims)
            for i, (key, value) in enumerate(conv.dims):
                order = list(self.lex.profile.dimensions.get(key, {}))
                if key in self.look.partitions and value in order and \
                        [k for k, _ in conv.dims].count(key) == 1:
                    later = (step.group(1) or step.group(2)) in ("after", "next", "following")
                    j = order.index(value) + (1 if later else -1)
                    if not 0 <= j < len(order):
                        return ()
                    moved[i] = (key, order[j])
                    return tuple(moved)
        # Exact words only: "patients" is no typo of "inpatients".
        mentions = [m for m in self.look.dim_matcher.find(q.text) if m.exact]
        found = AliasMatcher.keys(mentions)
        values = {k: set(v) for k, v in self.lex.profile.dimensions.items()
                  if k in self.look.partitions}
        toks = tokens(q.text)
        for key, every in values.items():
            mine = [m for m in mentions if m.key.startswith(f"{key}=")]
            asked = {m.key.partition("=")[2] for m in mine}
            if len(every) < 2 or not asked >= every:
                continue
            between = " ".join(toks[mine[0].end:mine[-1].start])
            if VALUE_INSTEAD.search(between):
                # "inpatients rather than outpatients": the first is what is asked.
                found = [f for f in found if not f.startswith(f"{key}=") or f == mine[0].key]
            elif not VALUE_VERSUS.search(between) and \
                    not SPLIT_ASKED.search(q.low):
                # "inpatient and outpatient" together ask for the total, not a dimension
                # ("split inpt/outpt pls", "inpatients and outpatients separately": each).
                found = [f for f in found if not f.startswith(f"{key}=")]
        for key, every in values.items():
            mine = [m for m in mentions if m.key.startswith(f"{key}=")]
            if len(every) == 2 and len({m.key for m in mine}) == 1 and VALUE_NOT_BEFORE.search(
                    " ".join(toks[max(0, mine[0].start - 3):mine[0].start])):
                # "actual ops not clinic appts": the other value of the two
                other = next(v for v in every if f"{key}={v}" != mine[0].key)
                found = [f for f in found if not f.startswith(f"{key}=")] + [f"{key}={other}"]
        if not found and op in ("difference", "ratio", "change"):
            # "the difference between the two days": both values of a two-valued dimension.
            for m in BOTH_VALUES.finditer(q.low):
                both = list(self.lex.profile.dimensions.get(m.group(1), {}))
                if m.group(1) in self.look.partitions and len(both) == 2:
                    found = [f"{m.group(1)}={v}" for v in both]
        if len(found) == 1 and THAN_THE_OTHER.search(q.low):
            # "more on the first strike day than on the second": both values of the key.
            asked_key = found[0].partition("=")[0]
            both = list(self.lex.profile.dimensions.get(asked_key, {}))
            if len(both) == 2:
                found = [f"{asked_key}={v}" for v in both]
        rows = [self.look.by_id[k] for k in conv.focus if k in self.look.by_id]
        at_last = tuple(d for d in (rows[0].dims if rows else ()) if d[0] in self.look.partitions
                        and all(d in f.dims for f in rows))
        if not found and q.form == "yesno" and conv.dim_asked and IT_REF_THAT.search(q.low) \
                and re.search(rf"\b{re.escape(conv.dim_asked)}s?\b", q.low):
            # "was that sherwood's worst day too?": the day the last answer gave, claimed
            return tuple(d for d in at_last if d[0] == conv.dim_asked)
        if found:
            keys = {k.partition("=")[0] for k in found}
            brief = len(q.terms) <= 2 or FOLLOWUP.match(q.low)
            kept = tuple(d for d in conv.dims if d[0] not in keys) if brief else ()
            if THAT_VALUE.search(q.low):
                # "did sfh move more outpatients than us that day": that day, outpatients
                kept = tuple(d for d in at_last or conv.dims if d[0] not in keys)
            if WHOLE_COUNT.search(q.low) or ALL_VALUES_ASKED.search(q.low):
                # "and their tues total?" after Monday's inpatients: every type, on Tuesday
                # ("inpts only, us vs nuh over the whole strike": every day)
                kept = tuple(d for d in kept if d[0] not in self.look.partitions)
            if VERSUS_LEAD.match(q.low):
                kept = conv.dims  # "vs tue?" after Monday: Monday and Tuesday
            new = tuple((k.partition("=")[0], k.partition("=")[2]) for k in found)
            if kept and not {k for k, _ in new} & {k for k, _ in kept} and not any(
                    set(kept + new) <= set(f.dims) for f in self.look.variants):
                # ("SFH inpts" then "vs april 23?": no round gives inpatients: the totals)
                kept = tuple(d for d in kept if any({d, *new} <= set(f.dims)
                                                    for f in self.look.variants))
            return kept + new
        if ALL_VALUES_ASKED.search(q.low) and not (q.form == "yesno" and re.search(
                r"\b(?:higher|more|fewer|lower|less|bigger|smaller|than)\b", q.low)):
            # "… for both days?", "overall": every value, the totals (but "higher than SFH
            # both days?" claims it of each day)
            return ()
        if THAT_VALUE.search(q.low) and at_last and q.form != "yesno":  # ("… same day or not?")
            return at_last  # "sfh same day?" after NUH's worst day: SFH on that day
        followup = re.match(r"^(?:and|what about|how about|what of|same for|and for)\b",
                            q.low) or SAME_AGAIN.search(q.low) or VERSUS_LEAD.match(q.low)
        words = len([t for t in tokens(q.text) if t not in STOPWORDS and
                     t not in FOLLOWUP_FILLER]) - named
        return conv.dims if followup or len(q.terms) <= 2 or words <= 0 else ()

    def _pronoun(self, q: Question, conv: Conversation) -> list[Person]:
        if WHO_IS_THAT.match(q.low) and GROUP_PRONOUN.search(q.low) and conv.turns:
            cited = conv.turns[-1].citations
            passage = self.look.corpus.passage(cited[0].passage) if cited else None
            group = [p for pid in (passage.speakers if passage else ())
                     if (p := self.look.people.get(pid)) is not None and p.is_person]
            if len(group) >= 2:
                return group  # "who are they again" after the co-chairs' words: both
        for pronoun, pattern in PERSON_PRONOUNS.items():
            if pattern.search(q.low):
                for pid in reversed(conv.people):
                    person = self.look.people.get(pid)
                    if person and person.pronoun == pronoun:
                        return [person]
        plural = PLURAL_PRONOUN.search(q.low)
        if plural and (PEOPLE_NOUNS.search(q.low[:plural.start()]) or
                       self.lex.staff.search(q.low[:plural.start()])):
            plural = None  # "can pts claim anything back if their op got pushed": theirs
        if plural and conv.people:
            last = self.look.people.get(conv.people[-1])
            if last and last.pronoun == "they" or (len(conv.people) >= 2 and conv.people[-2:]
                                                    and all(self.look.people[p].role ==
                                                            self.look.people[conv.people[-1]].role
                                                            for p in conv.people[-2:]
                                                            if p in self.look.people)):
                group = [self.look.people[p] for p in conv.people[-2:] if p in self.look.people]
                if last and last.pronoun == "they":
                    return [last]
                # ("what do they want" after the co-chairs: they speak for their organisation)
                orgs = {p.organisation for p in group}
                body = [p for p in self.look.corpus.people if p.kind == "organisation"
                        and len(orgs) == 1 and p.name in orgs and WANT_WORDS.search(q.low)]
                return group + body
        if re.search(r"\b(?:they|them)\b", q.low) and conv.people and \
                re.search(r"\b(?:say|said|says|tell|told|think|mean)\b", q.low):
            last = self.look.people.get(conv.people[-1])
            if last is not None:
                return [last]  # "… & what did they say the focus was": the one just named
        if WHO_IS_THAT.match(q.low) and conv.people:  # "who's that btw": the last one quoted
            last = self.look.people.get(conv.people[-1])
            return [last] if last else []
        return []

    def _unknown(self, q: Question, mentions: list[Mention]) -> tuple[str, str, str, str]:
        """Names the article doesn't know: a proper name, a place (or other unknown noun) a
        count could be about, and a bare fragment of a known subject ("Birmingham")."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        q_tokens = tokens(q.text)
        place = partial = stray = ""
        for match in LOCATION_PREP.finditer(q.text):
            phrase = tokens(match.group(1))
            # Locate the phrase in the question's tokens to know which words a subject covered.
            start = _find(q_tokens, phrase)
            kept: list[str] = []
            for offset, tok in enumerate(phrase):
                index = start + offset if start >= 0 else -1
                if kept and tok in COMMON_VERBS:
                    break  # "at most of the trusts take part": the place ends at its verb
                if index in covered or tok in STOPWORDS or tok.isdigit():
                    if kept:
                        break
                    continue
                kept.append(tok)
            if not kept or all(t in self.lex.place_words for t in kept):
                continue
            if any(not self.look.vocab.knows(t) and t not in self.look.vocab.halves
                   for t in kept if t not in self.lex.place_words):
                place = place or " ".join(kept)
            elif all(t in self.look.alias_tokens or t in self.lex.place_words for t in kept) \
                    and not any(t in self.look.people_tokens for t in kept):
                partial = partial or " ".join(kept)
        for i, tok in enumerate(q_tokens):
            if i in covered or tok in self.look.people_tokens:
                continue
            if tok in self.look.fragment_tokens:
                partial = partial or tok
            elif (len(tok) > 3 and tok.isalpha() and not self.look.vocab.knows(tok)
                  and not self.look.vocab.near(tok) and not VERBISH.search(tok)
                  and tok not in NUMBER_WORDS and tok not in UNIT_NOUNS):
                stray = stray or tok
        # Capitalised names anywhere but the first word: "Birmingham Children's Hospital".
        name = ""
        unquoted = re.sub(r"[\"“][^\"”]*[\"”]|(?<!\w)'[^']*'(?!\w)", " ", q.text)
        for found in re.findall(CAPITALISED, unquoted):
            toks = tokens(found)
            if toks and found not in PRONOUN_CONTRACTIONS and any(
                    not self.look.vocab.knows(t) for t in toks):
                name = name or found
            elif len(toks) >= 2 and all(len(t) >= 3 for t in toks) and "'" not in found and \
                    all(w[1:].islower() for w in found.split()) and \
                    f" {' '.join(toks)} " not in self.look.article_words and not any(
                        a.startswith(" ".join(toks)) for a in self.look.alias_phrases) and \
                    not {i for i, t in enumerate(q_tokens) if t in toks} & covered:
                # (a name matched as a subject, typos and all, is no unknown name)
                # "the West Midlands": known words, but a name the article never writes.
                name = name or found
        return (_original_case(q.text, name), _original_case(q.text, place),
                _original_case(q.text, partial), _original_case(q.text, stray))

    def _phrase_speakers(self, q: Question, referred: list[Person]) -> list[Person]:
        """The speakers a 'did X say' / 'according to X' phrase names, if any."""
        for pattern in SPEAKER_PHRASES:
            match = pattern.search(q.text)
            if not match:
                continue
            phrase = match.group(1)
            named = self._speakers_in(phrase)
            if named:
                return self.look.with_members(named)
            if re.search(r"\b(?:she|he|they|her|him|them)\b", phrase.lower()):
                return self.look.with_members(referred)
        return []

    def _speakers_in(self, phrase: str) -> list[Person]:
        """The people a speaker phrase names ("did sfh's chief exec say …": another subject's
        title names none of them)."""
        named = [self.look.people[k] for k in
                 AliasMatcher.keys(self.look.speaker_matcher.find(phrase))]
        others = [self.look.by_id[m.key] for m in self.look.subject_matcher.find(phrase)]
        return [p for p in named if not self._titled_for_another(p, others, tokens(phrase))]

    def _titled_for_another(self, p: Person, others: list[Figure], words: list[str]) -> bool:
        """'sfh's chief exec': a title said with another subject's name, not this person's
        (their name not among the words, no subject named one of their organisation)."""
        return p.is_person and bool(others) and not set(tokens(p.name)) & set(words) and all(
            not (set(tokens(f.subject)) & set(tokens(p.organisation))) - self.lex.name_glue
            for f in others)

    def _unknown_speaker(self, q: Question) -> str:
        """'What did the prime minister say?': a speaker the article never quotes."""
        for pattern in SPEAKER_PHRASES:
            match = pattern.search(q.text)
            if not match:
                continue
            phrase = match.group(1).strip()
            if self._speakers_in(phrase):
                return ""
            role = self.lex.speaker_roles.search(phrase)
            return phrase if role else ""
        return ""

def _find(haystack: list[str], needle: list[str]) -> int:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i:i + len(needle)] == needle:
            return i
    return -1


def _original_case(text: str, phrase: str) -> str:
    """The phrase as the user wrote it ('Wales', not 'wales')."""
    if not phrase:
        return ""
    words_re = r"\W+".join(re.escape(w) for w in phrase.split())
    match = re.search(words_re, text, re.I)
    return match.group() if match else phrase


FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1,
             "two thirds": 2 / 3, "three quarters": 0.75, "majority": 0.5, "minority": 0.5}


def _fraction(match: re.Match[str] | None) -> tuple[str, float, str] | None:
    """('above', 0.5, 'half') for 'more than half'; ('below', 0.25, 'a quarter')."""
    if match is None:
        return None
    if match.group(8) or match.group(9):  # "abt a quarter", "so thats what, half?": about it
        word = match.group(8) or match.group(9)
        return "about", FRACTIONS.get(word, 0.0), \
            f"a {word}" if word != "half" else "half"
    if match.group(6):  # "over 60% of our total"
        side = "above" if match.group(5) in ("more than", "over", "above", "at least") else \
            "below"
        return side, float(match.group(6)) / 100, f"{match.group(6)}%"
    if match.group(3) or match.group(4):
        return ("below" if match.group(3) == "minority" else "above"), 0.5, "half"
    side = "above" if match.group(1) in ("more than", "over", "above", "at least") else "below"
    word = match.group(2)
    return side, FRACTIONS[word], word if word in ("half", "two thirds", "three quarters") \
        else f"a {word}"


def _typed(cue: list[str], words: list[str], slips: frozenset[str]) -> bool:
    """A cue typed with a slip ("strke hours"): each word alike, in order, the unlike ones
    among the question's `slips` (words the article never uses)."""
    if not cue or not any(len(t) >= 5 for t in cue):
        return False
    for i in range(len(words) - len(cue) + 1):
        if all(a == b or b in slips and len(a) >= 5 and token_alike(a, b)
               for a, b in zip(cue, words[i:], strict=False)):
            return True
    return False
