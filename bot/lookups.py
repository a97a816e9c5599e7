"""What every answer path looks things up in about an article, built once from its tables."""

from __future__ import annotations

import re
from dataclasses import replace

from .answer import Answer, Citation
from .corpus import Corpus
from .figures import Figure
from .lexicon import Lexicon
from .people import Person
from .question import Question
from .resolve import AliasMatcher, tokens
from .rules import MARGIN, RUNS_SITES
from .text import STOPWORDS, content_terms, fold, format_number
from .vocabulary import Vocabulary
from .wording import modality

CAVEAT = re.compile(r"\b(?:true|real|full) (?:scale|toll|extent|picture|number|impact)\b|"
                    r"\blikely to be (?:higher|greater|larger)\b|\b(?:don't|do not|doesn't) "
                    r"appear in\b|\bnot (?:included|counted|captured) in\b|\bunderstat\w*|"
                    r"\bunderestimat\w*|\bundercount\w*", re.I)
MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|"
          r"december")


class Lookups:
    """What every answer path looks things up in, built once from the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.vocab = Vocabulary(corpus)
        self.by_id = {f.id: f for f in corpus.figures}
        self.counts = [f for f in corpus.figures if f.is_count and not f.dims]
        self.profile = corpus.profile
        # Rows with dimensions (a day, a type, an earlier round) are variants of a subject's
        # main row: the main rows are what names resolve to and aggregates run over.
        main = [f for f in corpus.figures if not f.dims]
        self.variants = [f for f in corpus.figures if f.dims]
        self.parts = [f for f in main if f.scope == "part"]
        self.whole = next((f for f in main if f.scope == "whole"), None)
        self.national = next((f for f in main if f.scope == "national"), None)
        self.parts_passage = self.parts[0].passage if self.parts else ""
        wider = tuple(f for f in (self.whole, self.national) if f is not None)
        self.lex = Lexicon(corpus.profile, self.parts, corpus.people, self.parts_passage, wider)
        # The parts in the order the article lists them; words only one part's name has.
        self.in_order = sorted(self.parts, key=lambda f: (
            f.passage, fold(self.passage_text(f.passage)).lower().find(f.span.lower())))
        counts: dict[str, list[Figure]] = {}
        for f in self.parts:
            for t in set(tokens(f.subject)) - set(STOPWORDS) - {self.lex.profile.part}:
                counts.setdefault(t, []).append(f)
        # … and the words the article puts before a part's name ("the specialist cancer
        # centre The Royal Marsden"): descriptions a question may use instead of the name.
        self.heads = {self.lex.profile.part, "one", *self.lex.profile.part_heads}
        for f in self.parts:
            before = self._described_as(f)
            for t in set(before) - set(STOPWORDS):
                counts.setdefault(t, []).append(f)
            if before:
                self.heads.add(before[-1])
        self.unique_words = {t: fs[0] for t, fs in counts.items()
                             if len(set(fs)) == 1 and not t.isdigit()}
        self.dimension_keys = frozenset(k for f in self.variants for k, _ in f.dims)
        used = {pair for f in self.variants for pair in f.dims}
        # Keys whose rows add up to the main row (type: inpatient + outpatient = all);
        # an earlier round does not.
        def finer(f: Figure, k: str) -> list[Figure]:
            return [v for v in self.variants if v.subject == f.subject and v.scope == f.scope
                    and len(v.dims) == len(f.dims) + 1 and set(f.dims) <= set(v.dims)
                    and v.dim(k)]

        self.partitions = frozenset(
            k for k in self.dimension_keys if any(
                (rows := finer(f, k)) and sum(v.value for v in rows) == f.value
                for f in self.counts + [v for v in self.variants if v.is_count]
                if not f.dim(k) and f.value))
        # A value of a partition the article leaves out is the total less the others: England
        # on the second day is 29,576 − 15,779. Derived rows carry their working. (None at
        # all, "every one of them on the second day", is said by the row that says so.)
        self.derived: dict[str, tuple[str, str]] = {}  # row id -> (its sum, the working)
        for f in self.counts + [v for v in self.variants if v.is_count]:
            for key in sorted(self.partitions - {k for k, _ in f.dims}):
                values = list(corpus.profile.dimensions.get(key, {}))
                want = set(f.dims)
                given = [v for v in self.variants if v.subject == f.subject and v.scope == f.scope
                         and len(v.dims) == len(f.dims) + 1 and want <= set(v.dims)
                         and v.dim(key) in values]
                missing = [v for v in values if v not in {g.dim(key) for g in given}]
                rest = f.value - sum(g.value for g in given)
                # (none at all on a day of a main row, "every one on the second day", is said
                # by the row that says so; a finer row's none is worked out like any other)
                if len(missing) != 1 or not given or f.qualifier or rest < 0 or (
                        rest == 0 and not f.dims) or any(g.qualifier for g in given):
                    continue
                dims = tuple(sorted((*f.dims, (key, missing[0]))))
                if any(v.subject == f.subject and set(v.dims) == set(dims) for v in self.variants):
                    continue
                row = replace(f, id=f"{f.id}~{key}", value=rest, display=format_number(rest),
                              dims=dims)
                self.variants.append(row)
                self.by_id[row.id] = row
                what = ", ".join(v for _, v in dims)
                sum_ = f"{' − '.join([f.digits, *(g.digits for g in given)])} = {row.display}"
                self.derived[row.id] = (sum_, f"{f.subject}, {what}: {sum_}, the total less "
                                              f"{', '.join(g.dim(key) for g in given)}")
        self.dim_matcher = AliasMatcher(
            {f"{k}={v}": (v, *aliases) for k, values in corpus.profile.dimensions.items()
             for v, aliases in values.items() if (k, v) in used}, stop=frozenset(STOPWORDS))
        types = self.lex.types
        self.by_type = re.compile(
            rf"\b(?:as opposed to|rather than|versus|vs|compared with) (?:the )?(?:{types})\b|"
            rf"\(?\bnot (?:the )?(?:{types})\b|\b(?:only|just|excluding|except)\s+(?:the )?"
            rf"(?:{types})\b|\bhow many\b.*\b(?:were|was) (?:actual |actually |real |just )?"
            rf"(?:{types})\b|"
            rf"\b(?:{types})\b[^?]{{0,40}}?\b(?:as opposed to|rather than|instead of)\b|"
            rf"\b(?:{types})\b(?: \w+)? alone\b|"
            rf"(?=.*\b(?:{types})\b).*\b(?:split|breakdown|broken down|break (?:it |that )?down)\b")
        # Sentences that warn the count falls short of the true one ("the true scale … is
        # likely to be higher", "those patients don't appear in these numbers").
        self.caveats = [(p.id, i) for p in corpus.passages for i, text in enumerate(p.sentences)
                        if CAVEAT.search(text)]
        # Sentences that set the count against time ("the greatest number … so far").
        self.over_time = [(p.id, i) for p in corpus.passages for i, text in enumerate(p.sentences)
                          if re.search(r"\b(?:so far|ever|on record|to date)\b", text, re.I)]
        # Sentences that say what a count is made of ("It includes … operations … scans").
        self.composition = [
            (p.id, i) for p in corpus.passages for i, text in enumerate(p.sentences)
            if re.search(r"\b(?:includes?|including|made up of|comprises?)\b", text, re.I)
            and len(re.findall(rf"\b(?:{types})\b", text.lower())) >= 2]
        # Months of the article's own period ("the two strike days in December") are not
        # another round.
        own = set(re.findall(MONTHS, (corpus.profile.period or "").lower()))
        months = "|".join(m for m in MONTHS.split("|") if m not in own)
        self.other_period = re.compile(
            rf"\b(?:previous|earlier|older|prior|first|next|upcoming|future|other|"
            rf"last(?! (?:weeks?|wks?|wk's|week's|days?|full|strike day))|{months})\s+"
            rf"(?:[\w'-]+\s+){{0,3}}(?:{self.lex.rounds})\b|\blast (?:year|month)\b")
        # "which trusts are out in jan?": a month the article's own period is not in
        self.other_month = re.compile(
            rf"\b(?:in|during|for|over|through|throughout) (?:{months})\b(?! (?:19|20)\d\d)")
        self.others = [f for f in corpus.figures if not f.is_count and not f.dims]
        self.days = next((f for f in self.others if f.unit == "days"), None)
        self.people = {p.id: p for p in corpus.people}
        self.sites = self._sites()
        generic = {"whole": tuple(corpus.profile.whole_words),
                   "national": tuple(corpus.profile.national_words)}
        self.subject_matcher = AliasMatcher({f.id: (*f.aliases, *generic.get(f.scope, ()))
                                             for f in self.counts},
                                            stop=frozenset(STOPWORDS),
                                            words=frozenset(tokens(corpus.article)))
        # The areas the whole is made of ("the Black Country") and the parts in each.
        self.areas = {a.name: [self.by_id[k] for k in a.parts] for a in corpus.profile.areas}
        self.area_matcher = AliasMatcher({a.name: (a.name, *a.aliases)
                                          for a in corpus.profile.areas})
        # each area's names as tokens, to tell "stoke" said from "staff" matched loosely
        self.area_names = {a.name: frozenset(" ".join(tokens(n)) for n in (a.name, *a.aliases))
                           for a in corpus.profile.areas}
        self.people_matcher = AliasMatcher({p.id: p.aliases for p in corpus.people},
                                           stop=frozenset(STOPWORDS) | {"union", "government"})
        # Inside "what did X say", "the government" and "the union" can only mean a speaker.
        self.speaker_matcher = AliasMatcher({p.id: p.aliases for p in corpus.people},
                                            stop=frozenset(STOPWORDS))
        # The figures an organisation's name is part of ("government award", "BMA pay claim").
        self.org_rows = {p.id: tuple(f for f in self.others if any(
            f" {n} " in f" {' '.join(tokens(a))} " for a in (f.subject, *f.aliases)
            for n in _bare_names(p))) for p in corpus.people if not p.is_person}
        self.opposite_pairs = tuple((frozenset(a.lower().split()), frozenset(b.lower().split()))
                                    for a, b in corpus.profile.opposites.items())
        self.event_terms = frozenset(content_terms(" ".join(corpus.profile.event_words)))
        self.alias_tokens = {t for f in self.counts for a in f.aliases for t in tokens(a)}
        # The article's words as one string, and every name as tokens: is a phrase its own?
        self.article_words = f" {' '.join(tokens(corpus.article))} "
        self.alias_phrases = frozenset(" ".join(tokens(a)) for f in corpus.figures
                                       for a in (f.subject, *f.aliases)) | frozenset(
            " ".join(tokens(a)) for p in corpus.people for a in (p.name, *p.aliases))
        self.fragment_tokens = {t for t in self.alias_tokens if t not in self.lex.name_glue
                                and t not in self.lex.place_words and t not in STOPWORDS
                                and len(t) > 3}
        self.sentence_terms = {(p.id, i): frozenset(content_terms(text))
                               for p in corpus.passages for i, text in enumerate(p.sentences)}
        # (spelt as a question is once read: "what the BMA wants" as "what the British
        # Medical Association wants")
        aliases = {f.id: [self._expanded(a) for a in f.aliases[1:]] for f in self.others}
        self.cue_tokens = {f.id: [" ".join(tokens(a)) for a in aliases[f.id] if tokens(a)]
                           for f in self.others}
        # … and their word stems, for a question that inflects them ("pay ask": "asking for").
        # (an alias that stems to less than half its words, "holding out for", is not itself)
        self.cue_stems = {f.id: [" ".join(stems) if 2 * len(stems) >= len(tokens(a)) else ""
                                 for a in aliases[f.id] if tokens(a)
                                 for stems in [content_terms(a)]]
                          for f in self.others}
        self.people_tokens = {t for p in corpus.people for a in p.aliases for t in tokens(a)}
        self.people_tokens |= {"dr", "mr", "mrs", "ms", "s"}
        self.people_terms = {t for p in corpus.people for a in p.aliases for t in content_terms(a)}
        # What happened to the counted items, in any of the article's words for it ("put back",
        # "rebooked", "affected"): one family when words are matched.
        self.action_terms = frozenset(t for w in corpus.profile.action_words if " " not in w
                                      for t in content_terms(w))
        self.action_phrases = tuple(w.lower() for w in corpus.profile.action_words if " " in w)
        self.entity_terms = {t for f in self.counts for a in f.aliases for t in content_terms(a)}
        self.entity_terms |= self.people_terms
        self.measure_terms = {f.id: frozenset(content_terms(f.measure.replace("-", " ")))
                              - self.entity_terms for f in self.others}
        # Rows measured against something else ("5% above RPI"): margins, not levels.
        self.margins = frozenset(f.id for f in self.others if MARGIN.search(f.measure))
        # Rows that count the event's participants ("NHS trusts whose staff took part").
        # What each row is (demanded, received, offered), as its own words put it.
        self.row_modality = {f.id: modality(f"{f.measure} {f.span}".lower())
                             for f in corpus.figures}
        self.event_rows = frozenset(f.id for f in self.others
                                    if self.lex.event_words.search(f.measure))
        # "44 of England's 219 NHS trusts": a part of a whole, both rows, in one span.
        self.of_pairs = {f.id: g for f in self.others for g in self.others
                         if f is not g and f.unit == g.unit and f.value < g.value and re.search(
                             rf"\b{re.escape(f.display)} of\b[^.]*?\b{re.escape(g.display)}\b",
                             f.span)}
        # Words of organisations and of the striking staff: a role names no one by them.
        self.org_terms = {t for p in corpus.people if p.kind == "organisation"
                          for a in p.aliases for t in content_terms(a)}
        self.org_terms |= {t for s in corpus.profile.staff for t in content_terms(s)}
        # What describes each person: role, organisation and the sentence that brings them
        # in ("On the picket line outside St Thomas' Hospital, RCN steward … Grace Adeyemi").
        # (with their organisation's other names: Pat Cullen's RCN is "the union")
        orgs = {o.name: " ".join(o.aliases) for o in corpus.people if o.kind == "organisation"}
        self.person_terms = {p.id: frozenset(content_terms(self._expanded(
            f"{p.role} {p.organisation} {orgs.get(p.organisation, '')} "
            f"{self.introduction(p)}"))) - self.people_terms_of(p)
            for p in corpus.people if p.is_person}

    def _described_as(self, f: Figure) -> list[str]:
        """The words right before a part's name in its sentence, after 'the' or 'a'."""
        text = fold(self.passage_text(f.passage)).lower()
        for alias in sorted((f.subject, *f.aliases), key=len, reverse=True):
            at = text.find(fold(alias).lower())
            if at > 0:
                before = re.split(r"[,;:.()]|\b(?:and|while|whereas|but)\b", text[:at])[-1]
                words = tokens(before)
                if len(words) >= 2 and words[0] in ("the", "a", "an"):
                    return words[1:5]
                return []
        return []

    def _sites(self) -> dict[str, tuple[Figure, str]]:
        """The places each part runs, by `site_key` of the alias's words: 'king mill' -> (SFH,
        "King's Mill"), from the article's 'which runs …' clauses."""
        sites: dict[str, tuple[Figure, str]] = {}
        for f in self.parts:
            text = fold(self.passage_text(f.passage))
            for m in RUNS_SITES.finditer(text):
                listed = m.group("sites").lower()
                for alias in f.aliases:
                    if len(alias) > 3 and re.search(rf"\b{re.escape(fold(alias).lower())}\b",
                                                    listed):
                        sites[site_key(tokens(alias))] = (f, alias)
        return sites

    def description(self, f: Figure) -> str:
        """How the article describes a part before naming it ('the specialist cancer centre'),
        or ''."""
        words = self._described_as(f)
        return f"the {' '.join(words)}" if words else ""

    def people_terms_of(self, p: Person) -> frozenset[str]:
        return frozenset(t for a in (p.name, *p.aliases) for t in content_terms(a)
                         if t not in content_terms(p.role))

    def introduction(self, p: Person) -> str:
        """The sentence of the passage that introduces a person which names them."""
        passage = self.corpus.passage(p.introduced)
        names = [a.lower() for a in (p.name, *p.aliases) if len(a) > 3]
        for sentence in passage.sentences if passage else ():
            if any(n in sentence.lower() for n in names):
                return sentence
        return ""

    def described_people(self, terms: set[str], pronoun: str | None = None) -> list[Person]:
        """The person a question describes without naming: the one whose role, organisation
        and introduction share the most of its words, two at least, more than anyone else
        (of those the pronoun fits, when the question says "lady" or "guy")."""
        scored = sorted(((len(terms & d) + len(terms & d - set().union(
            *(e for k, e in self.person_terms.items() if k != pid))), pid)
            for pid, d in self.person_terms.items()
            if pronoun is None or self.people[pid].pronoun == pronoun), reverse=True)
        if not scored or scored[0][0] < 3 or len(scored) > 1 and scored[1][0] == scored[0][0]:
            return []
        return [self.people[scored[0][1]]]

    def _expanded(self, alias: str) -> str:
        for pattern, full in self.lex.abbreviations:
            alias = pattern.sub(full, alias)
        return alias

    def main_row(self, f: Figure) -> Figure:
        """A row with dimensions stands for its subject's main row."""
        if not f.dims:
            return f
        return next((m for m in self.counts if m.subject == f.subject and m.scope == f.scope), f)

    def passage_text(self, pid: str) -> str:
        passage = self.corpus.passage(pid)
        return passage.text if passage else ""

    def is_headline(self, pid: str) -> bool:
        passage = self.corpus.passage(pid)
        return passage is not None and passage.is_headline

    def cite(self, pid: str, score: float) -> Citation:
        passage = self.corpus.passage(pid)
        return Citation(pid, passage.text if passage else "", score)

    def abstain(self, q: Question, text: str) -> Answer:
        return Answer(q.raw, text, True, "none")

    def works_for(self, person: Person) -> Figure | None:
        """The part whose subject is the person's organisation, if any."""
        return next((f for f in self.parts if f.subject == person.organisation), None)

    def speaking_for(self, own: Figure) -> list[Person]:
        """The people whose role covers a part or an area it is in ("our boss", "did anyone
        quoted speak for us")."""
        names = [own.subject, *own.aliases] + [
            n for a in self.lex.profile.areas if own.id in a.parts for n in (a.name, *a.aliases)]
        return [p for p in self.corpus.people if p.is_person and any(
            re.search(rf"\b{re.escape(n.lower())}\b", f"{p.role} {p.organisation}".lower())
            for n in names if len(n) > 2)]

    def with_members(self, people: list[Person]) -> list[Person]:
        """An organisation speaks through its members (the BMA through its co-chairs)."""
        out = list(people)
        for org in people:
            if org.kind == "organisation":
                out += [p for p in self.corpus.people
                        if p.organisation == org.name and p not in out]
        return out


def site_key(words: list[str]) -> str:
    """Words of a place name, each without a final s: "kings mill" and "King's Mill" meet."""
    return " ".join(w[:-1] if w.endswith("s") else w for w in words)


def _bare_names(p: Person) -> set[str]:
    """An organisation's names without their function words ("the BMA" -> "bma")."""
    names = {" ".join(w for w in tokens(a) if w not in STOPWORDS) for a in p.aliases}
    return {n for n in names if n}
