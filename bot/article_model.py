"""The article model, built at index time from the passages and people: each sentence with its
speaker and mode of speech (direct quote, reported speech, narration), the quotes inside it
(and who is quoted inside a quote), how it relates to the sentence before (reason,
consequence, purpose, contrast, addition, comment) and the causal clauses inside it, and the
people and figure rows it mentions. Plain rules over word lists (the tables below); nothing
here knows any one article."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .corpus import Corpus
from .people import Person
from .text import fold

# The version of the rules: a saved model from other rules is rebuilt on load.
RULES = 1

# Verbs that report speech (outside a quote: reported speech; with a quote: its attribution).
SPEECH_VERBS = (
    "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "warned",
    "warns", "urged", "urges", "urging", "called", "calls", "calling", "described", "describes",
    "describing", "thanked", "thanks", "stated", "states", "insisted", "insists",
    "acknowledged", "acknowledges", "claimed", "claims", "argued", "argues", "admitted",
    "admits", "recognised", "recognized", "recognises", "estimated", "estimates", "recorded",
    "rejected", "rejects", "apologised", "apologises", "demand", "demands", "demanding",
    "demanded", "suggested", "announced", "explained", "accused", "blamed", "criticised",
    "replied", "responded", "asked",
)
SPEECH_RE = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b")
ACCORDING_RE = re.compile(r"\baccording to\b", re.I)
# A quote right after these is the speaker's own words ("said: “…”", "said, “…”").
INTRODUCES_QUOTE = re.compile(r"[:,]\s*$")
# A quote followed by one of these is attributed after it ("“…,” she said").
TRAILING_ATTRIBUTION = re.compile(r"^\W{0,3}\s*(?:[A-Z][\w'’.-]*\s+){0,6}?(?:he|she|they|it|"
                                  r"[A-Z][\w'’.-]*)\s+(?:" + "|".join(SPEECH_VERBS) + r")\b"
                                  r"|^\W{0,3}\s*(?:" + "|".join(SPEECH_VERBS) + r")\s+[A-Z]")
# Subjects that are pronouns, and the people they may stand for.
PRONOUN_SUBJECT = re.compile(r"\b(he|she|it|they|who|which)\s+(?:(?:has|have|had|also|then|"
                             r"later|would|will|had)\s+)*$", re.I)
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,")
CLAUSE_BOUNDARY = re.compile(r"[,;:()\u2013\u2014]|\b(?:that|and|but|while|as|because|although|"
                             r"when|if)\b")
SINGLE_OPEN = "\u2018'"
SINGLE_CLOSE = "\u2019'"

# How a sentence relates to the one before it, by its opening words.
START_CUES: tuple[tuple[str, str], ...] = (
    ("consequence", r"(?:this|that|which) is (?:why|how)|that's why|as a result\b|therefore|"
                    r"consequently|hence|so\b|thus"),
    ("reason", r"(?:this|that) is because|because\b|the reason\b|that's because"),
    ("contrast", r"but\b|however\b|yet\b|still\b|even so\b|nevertheless\b|though\b"),
    ("addition", r"also\b|in addition\b|and\b|moreover\b|besides\b|furthermore\b|"
                 r"[\w'\u2019]+ (?:\w+ )?also\b"),
    ("elaboration", r"(?:it|this|these|they) includes?\b|(?:for example|for instance)\b"),
    ("purpose", r"to (?:minimi[sz]e|avoid|ensure|protect|reduce|keep)\b"),
    # A verdict on what was just said ("This is an act of …", "This does not sound like …").
    ("comment", r"(?:this|that|such|it) (?:is|was|does|did|would|sounds?|shows?|means?)\b"),
)
START_RE = tuple((kind, re.compile(r"^[\W]{0,3}(?:" + cue + ")", re.I))
                 for kind, cue in START_CUES)
# Causal and contrastive clauses inside a sentence; the clause is what follows the cue.
CLAUSE_CUES: tuple[tuple[str, str], ...] = (
    ("reason", r"\bbecause(?: of)?\b|\bdue to\b|\bgiven\b|\bas a result of\b|"
               r"\bsince\b(?= (?:the|it|they|we|he|she|there|this|that)\b)|"
               r"\bexacerbated by\b|\bowing to\b|\bthanks to\b|"
               r"\bas (?=(?:\w+ ){1,2}(?:had|have|has|was|were|is|are)\b)"),
    ("consequence", r"\bas a result\b(?! of)|\bwhich (?:would|will|could|might) result in\b|"
                    r"\bresult(?:s|ed)? in\b|\bmeans?\b(?= (?:that |we |they |it |the ))|"
                    r"\bled to\b|\bso that\b|\bleaving\b"),
    ("purpose", r"\bto minimi[sz]e\b|\bin order to\b|\bso as to\b|\bto (?:avoid|protect|"
                r"ensure|reduce)\b|\bfocused on\b"),
    ("condition", r"\bif\b|\bunless\b|\bas soon as\b|\bbefore (?=\w+ will)"),
    ("contrast", r"\balthough\b|\bwhile\b|\bbut\b|\bhowever\b|\bdespite\b|\bthough\b|"
                 r"\bnor\b"),
)
CLAUSE_RE = tuple((kind, re.compile(cue, re.I)) for kind, cue in CLAUSE_CUES)


@dataclass(frozen=True)
class Quote:
    """Words in quotation marks, or the words a speaker is reported as saying."""

    text: str
    speakers: tuple[str, ...]  # who the words are given to (inside a quote: the inner speaker)
    nested: bool = False  # a quote inside someone else's words


@dataclass(frozen=True)
class Clause:
    relation: str  # reason, consequence, purpose, condition, contrast
    cue: str
    text: str  # the words after the cue, to the end of the sentence


@dataclass(frozen=True)
class Sentence:
    key: int  # position in the article
    passage: str
    index: int  # sentence number within the passage
    text: str
    speakers: tuple[str, ...]  # person ids; () for narration
    mode: str  # "direct", "reported" or "narration"
    continues: bool = False  # a quote that goes on from an earlier sentence's attribution
    quotes: tuple[Quote, ...] = ()
    nested: tuple[Quote, ...] = ()  # quotes inside the speaker's words (inner speaker)
    relation: str = ""  # to the sentence before
    relation_cue: str = ""
    clauses: tuple[Clause, ...] = ()
    people: tuple[str, ...] = ()  # everyone the sentence mentions
    figures: tuple[str, ...] = ()  # figure rows from this sentence

    @property
    def speaker(self) -> str | None:
        return self.speakers[0] if self.speakers else None


@dataclass(frozen=True)
class ArticleModel:
    sentences: tuple[Sentence, ...]
    rules: int = RULES
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # passage -> figure ids

    def of_passage(self, pid: str) -> list[Sentence]:
        return [s for s in self.sentences if s.passage == pid]

    def before(self, s: Sentence) -> Sentence | None:
        return self.sentences[s.key - 1] if s.key > 0 else None

    def after(self, s: Sentence) -> Sentence | None:
        return self.sentences[s.key + 1] if s.key + 1 < len(self.sentences) else None

    def by(self, speakers: set[str]) -> list[Sentence]:
        return [s for s in self.sentences if speakers & set(s.speakers)]

    def to_json(self) -> str:
        return json.dumps({"rules": self.rules, "lists": self.lists,
                           "sentences": [asdict(s) for s in self.sentences]},
                          ensure_ascii=False, indent=1)


def from_json(text: str) -> ArticleModel:
    data = json.loads(text)
    sentences = []
    for s in data["sentences"]:
        s = dict(s)
        s["speakers"] = tuple(s["speakers"])
        s["quotes"] = tuple(Quote(q["text"], tuple(q["speakers"]), q["nested"])
                            for q in s["quotes"])
        s["nested"] = tuple(Quote(q["text"], tuple(q["speakers"]), q["nested"])
                            for q in s["nested"])
        s["clauses"] = tuple(Clause(**c) for c in s["clauses"])
        s["people"] = tuple(s["people"])
        s["figures"] = tuple(s["figures"])
        sentences.append(Sentence(**s))
    lists = {k: tuple(v) for k, v in data.get("lists", {}).items()}
    return ArticleModel(tuple(sentences), int(data.get("rules", 0)), lists)


# --- mentions -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    ids: tuple[str, ...]


class _Mentions:
    """Finds people in text by their aliases, longest first; one-word capitalised aliases
    (first names) only as written."""

    def __init__(self, people: tuple[Person, ...]) -> None:
        owners: dict[str, list[str]] = {}
        for p in people:
            for alias in p.aliases:
                a = fold(alias)
                if len(a) < 3:
                    continue
                owners.setdefault(a, [])
                if p.id not in owners[a]:
                    owners[a].append(p.id)
        self.patterns = []
        for alias in sorted(owners, key=len, reverse=True):
            sensitive = " " not in alias and alias[:1].isupper() and not alias.isupper()
            body = re.escape(alias).replace(r"\ ", r"\s+")
            pattern = re.compile(rf"(?<![\w-])(?:the\s+)?{body}(?:s|'s|’s)?(?![\w-])",
                                 0 if sensitive else re.I)
            self.patterns.append((pattern, tuple(owners[alias])))

    def find(self, text: str) -> list[_Mention]:
        taken: list[_Mention] = []
        for pattern, ids in self.patterns:
            for m in pattern.finditer(text):
                if any(m.start() < t.end and t.start < m.end() for t in taken):
                    continue
                taken.append(_Mention(m.start(), m.end(), ids))
        return sorted(taken, key=lambda m: m.start)


# --- quotes ---------------------------------------------------------------------------------

def _segments(text: str, open_at_start: bool) -> tuple[list[tuple[bool, str]], bool]:
    """The sentence cut into (inside a double quote?, text) runs; whether a quote is still
    open at its end."""
    out: list[tuple[bool, str]] = []
    inside = open_at_start
    buf = ""
    for i, ch in enumerate(text):
        opening = ch == "\u201c" or ch == '"' and not inside
        closing = ch == "\u201d" or ch == '"' and inside
        if opening and not inside or closing and inside:
            if buf:
                out.append((inside, buf))
            buf = ""
            inside = not inside
            continue
        if ch in "\u201c\u201d" and i:  # a stray mark
            continue
        buf += ch
    if buf:
        out.append((inside, buf))
    return out, inside


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of words in single quotation marks (apostrophes inside words are not quotes)."""
    spans = []
    start = -1
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in SINGLE_OPEN and start < 0 and not before.isalnum() and after.isalnum():
            start = i + 1
        elif ch in SINGLE_CLOSE and start >= 0 and before not in " " and not after.isalnum():
            spans.append((start, i))
            start = -1
    return spans


# --- building -------------------------------------------------------------------------------

class _Builder:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.people = {p.id: p for p in corpus.people}
        self.mentions = _Mentions(corpus.people)
        self.last_speakers: tuple[str, ...] = ()
        self.recent: list[tuple[str, ...]] = []  # mentions outside quotes, sentence by sentence

    def _resolve(self, pronoun: str, earlier: list[_Mention]) -> tuple[str, ...]:
        pronoun = pronoun.lower()
        if pronoun in ("who", "which"):
            return earlier[-1].ids if earlier else ()

        def fits(pid: str) -> bool:
            p = self.people[pid]
            if pronoun in ("he", "she"):
                return p.is_person and p.pronoun == pronoun
            if pronoun == "it":
                return not p.is_person
            return p.pronoun == "they"

        for m in earlier:  # the sentence's own subject first
            if all(fits(i) for i in m.ids):
                return m.ids
        if pronoun == "they" and len(self.last_speakers) > 1:
            return self.last_speakers
        if pronoun in ("it", "they") and self.last_speakers and all(
                fits(i) for i in self.last_speakers):
            return self.last_speakers
        for ids in reversed(self.recent):
            found = tuple(i for i in ids if fits(i))
            if found:
                return found[:1] if pronoun in ("he", "she") else found
        return ()

    def _subject(self, text: str, at: int) -> tuple[str, ...]:
        """Who is the subject of the speech verb at position `at` of (unquoted) text."""
        head = text[:at]
        mentions = [m for m in self.mentions.find(head) if m.end <= at]
        pron = PRONOUN_SUBJECT.search(head)
        if pron:
            return self._resolve(pron.group(1), [m for m in mentions if m.end <= pron.start()])
        # Walk back clause by clause to the nearest one that names someone.
        bounds = [0] + [b.end() for b in CLAUSE_BOUNDARY.finditer(head)]
        for start in reversed(bounds):
            named = [m for m in mentions if m.start >= start]
            if named:
                # "X and Y said": both, across the "and" between two names.
                first = named[0]
                while True:
                    joined = [m for m in mentions if m.end <= first.start and re.fullmatch(
                        r"\s*(?:,|and|,\s*and)\s*", head[m.end:first.start])]
                    if not joined:
                        break
                    first = joined[-1]
                    named.insert(0, first)
                ids = tuple(dict.fromkeys(i for m in named for i in m.ids))
                persons = tuple(i for i in ids if self.people[i].is_person)
                return persons or ids
        return ()

    def _attribution(self, outside: str) -> tuple[tuple[str, ...], re.Match[str] | None]:
        """The speakers a speech verb outside quotes names, and the first such verb."""
        plain = RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), outside)
        first = None
        speakers: tuple[str, ...] = ()
        for verb in SPEECH_RE.finditer(plain):
            who = self._subject(plain, verb.start())
            if not who and speakers:
                continue  # "… said X and urged Y": the same subject
            if not who:
                # "…,” said Dr X": the speaker after the verb
                after = self.mentions.find(plain[verb.end():verb.end() + 60])
                if after and after[0].start <= 3:
                    who = after[0].ids
            if who and first is None:
                first, speakers = verb, who
        if not speakers:
            according = ACCORDING_RE.search(outside)
            if according:
                after = self.mentions.find(outside[according.end():])
                if after:
                    return after[0].ids, according
        # A relative clause ("X, who had urged …, said"): its speaker is X.
        if not speakers:
            for rel in RELATIVE_CLAUSE.finditer(outside):
                if SPEECH_RE.search(rel.group()):
                    before = [m for m in self.mentions.find(outside) if m.end <= rel.start()]
                    if before:
                        return before[-1].ids, SPEECH_RE.search(rel.group())
        return speakers, first

    def _nested(self, quoted: str, outer: tuple[str, ...]) -> list[Quote]:
        """Speech reported inside a speaker's own words: “The minister said that he …”."""
        out: list[Quote] = []
        singles = _single_quotes(quoted)
        masked = quoted
        for a, b in singles:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        for verb in SPEECH_RE.finditer(masked):
            head = masked[:verb.start()]
            mentions = self.mentions.find(head)
            named = [m for m in mentions if not set(m.ids) & set(outer)]
            pron = PRONOUN_SUBJECT.search(head)
            if pron and pron.group(1).lower() in ("he", "she"):
                who = named[-1].ids if named else ()
            else:
                bounds = [0] + [b.end() for b in CLAUSE_BOUNDARY.finditer(head)]
                start = bounds[-1]
                near = [m for m in named if m.start >= start - 1]
                if not near:
                    near = [m for m in named if m.end >= verb.start() - 25]
                who = near[-1].ids if near else ()
            who = tuple(i for i in who if i not in outer)
            if not who or any(q.speakers == who for q in out):
                continue
            words = [quoted[a:b] for a, b in singles if a >= verb.end()]
            text = " … ".join(words) if words else quoted[verb.end():].strip(" ,.;:\"“”")
            text = re.sub(r"^(?:to\s+|that\s+|us\s+|in the [\w ]+? that\s+)", "", text)
            if text:
                out.append(Quote(text, who, nested=True))
        return out

    def build(self) -> ArticleModel:
        sentences: list[Sentence] = []
        for passage in self.corpus.passages:
            texts = list(passage.sentences)
            open_quote = False
            drafts: list[dict[str, Any]] = []
            for index, text in enumerate(texts):
                segments, open_quote_after = _segments(text, open_quote)
                starts_quoted = open_quote or text.lstrip()[:1] in "\u201c\""
                outside = "".join(t if not q else " \u201cQ\u201d " for q, t in segments)
                quoted = [t.strip() for q, t in segments if q and t.strip()]
                singles = _single_quotes(outside)
                fragments = [outside[a:b] for a, b in singles]
                speakers, verb = self._attribution(outside)
                mode = "narration"
                if quoted and speakers and verb is not None:
                    before = outside[:verb.start()].rstrip()
                    trailing = starts_quoted and bool(TRAILING_ATTRIBUTION.match(
                        outside.split("\u201d", 1)[-1] if "\u201cQ\u201d" in outside else ""))
                    introduced = INTRODUCES_QUOTE.search(
                        outside[verb.end():outside.find("\u201cQ", verb.end())]
                        if "\u201cQ" in outside[verb.end():] else "x")
                    mode = "direct" if trailing or introduced or starts_quoted or (
                        before.endswith("\u201cQ\u201d") and sum(map(len, quoted)) > 40) \
                        else "reported"
                elif speakers:
                    mode = "reported"
                elif starts_quoted or quoted and sum(map(len, quoted)) > 0.6 * len(text):
                    mode = "direct"  # speaker from the quote's attribution or the last speaker
                drafts.append({"index": index, "text": text, "speakers": speakers,
                               "mode": mode, "quoted": quoted + fragments,
                               "starts_quoted": starts_quoted})
                self.recent.append(tuple(i for m in self.mentions.find(outside) for i in m.ids))
                if speakers:
                    self.last_speakers = speakers
                open_quote = open_quote_after
            # A quote with no attribution of its own: the attribution later in the same run
            # ("“…. …,” she said"), or the last speaker (a paragraph that goes on quoting).
            for i, d in enumerate(drafts):
                if d["mode"] == "direct" and not d["speakers"]:
                    later = next((e for e in drafts[i + 1:] if e["speakers"] and e["mode"] ==
                                  "direct" and e["starts_quoted"]), None)
                    d["speakers"] = later["speakers"] if later else self._continuing(sentences,
                                                                                      drafts[:i])
                    d["continues"] = later is None
            for d in drafts:
                sentences.append(self._sentence(len(sentences), passage.id, d))
        lists = self._lists()
        return ArticleModel(tuple(sentences), RULES, lists)

    def _continuing(self, done: list[Sentence], drafts: list[dict[str, Any]]) -> tuple[str, ...]:
        for d in reversed(drafts):
            if d["speakers"]:
                return tuple(d["speakers"])
        for s in reversed(done):
            if s.speakers:
                return s.speakers
        return ()

    def _sentence(self, key: int, pid: str, d: dict[str, Any]) -> Sentence:
        text: str = d["text"]
        speakers: tuple[str, ...] = tuple(d["speakers"])
        quotes = tuple(Quote(q, speakers) for q in d["quoted"] if len(q) > 2)
        nested: list[Quote] = []
        if d["mode"] == "direct":
            for q in d["quoted"] or [text]:
                nested += self._nested(q, speakers)
        relation = cue = ""
        for kind, pattern in START_RE:
            m = pattern.match(text)
            if m:
                relation, cue = kind, m.group().strip(" \u201c\"'")
                break
        clauses = []
        for kind, pattern in CLAUSE_RE:
            for m in pattern.finditer(text):
                if m.start() < 3:
                    continue
                clauses.append(Clause(kind, m.group().strip(), text[m.end():].strip()))
        mentioned = tuple(dict.fromkeys(i for m in self.mentions.find(text) for i in m.ids))
        figures = tuple(f.id for f in self.corpus.figures if f.passage == pid and
                        f.span and fold(f.span).lower() in fold(text).lower())
        return Sentence(key, pid, d["index"], text, speakers, d["mode"],
                        bool(d.get("continues")), quotes, tuple(nested), relation, cue,
                        tuple(sorted(clauses, key=lambda c: text.find(c.cue))), mentioned,
                        figures)

    def _lists(self) -> dict[str, tuple[str, ...]]:
        """The figure rows of each passage in the order the passage lists their subjects."""
        out: dict[str, tuple[str, ...]] = {}
        for passage in self.corpus.passages:
            rows = [f for f in self.corpus.figures if f.passage == passage.id and f.span]
            low = fold(passage.text).lower()
            placed = sorted((low.find(fold(f.span).lower()), f.id) for f in rows)
            if len(placed) > 1:
                out[passage.id] = tuple(fid for at, fid in placed if at >= 0)
        return out


def build_model(corpus: Corpus) -> ArticleModel:
    return _Builder(corpus).build()
