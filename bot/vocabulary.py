"""What words the article knows, and how rare each is: for evidence checks."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from rapidfuzz import fuzz

from .corpus import Corpus
from .text import KIN, STOPWORDS, content_terms, stem, words

# Everyday verbs: rare in a 21-paragraph article, yet they say little about which paragraph.
LIGHT = frozenset(stem(w) for w in """want wants need make take give get think know try keep
use come go see look find help ask feel seem leave put become show happen happened hold handle
deal cope manage good bad new old big small high low great real full whole right wrong
true false main key""".split())


class Vocabulary:
    def __init__(self, corpus: Corpus) -> None:
        texts = [p.text for p in corpus.passages]
        extra = [a for f in corpus.figures for a in f.aliases]
        extra += [a for p in corpus.people for a in p.aliases] + [p.role for p in corpus.people]
        self.words = {w for t in texts + extra for w in words(t)} | set(STOPWORDS)
        # Halves of the article's hyphenated words ("lowest" of "lowest-paid").
        self.halves = {part for w in self.words if "-" in w for part in w.split("-") if part}
        self.words |= set(corpus.profile.question_words)
        self.stems = {stem(w) for w in self.words}
        self.frame = {stem(w) for w in corpus.profile.question_words}
        self.frame_words = tuple(w for w in corpus.profile.question_words if len(w) >= 5)
        self._near: dict[str, bool] = {}
        self.passage_terms = {p.id: set(content_terms(p.text)) for p in corpus.passages}
        df: Counter[str] = Counter(t for terms in self.passage_terms.values() for t in terms)
        n = len(corpus.passages)
        self.idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self.max_idf = math.log((n + 1) / 0.5)

    def knows(self, word: str) -> bool:
        return word in self.words or stem(word) in self.stems or \
            KIN.get(stem(word), "") in self.stems  # ("absence": the article's "absent")

    def near(self, word: str) -> bool:
        """Whether a word the article doesn't use is a typo of one it does."""
        found = self._near.get(word)
        if found is None:
            found = len(word) >= 5 and any(
                len(w) >= 5 and abs(len(w) - len(word)) <= 2 and fuzz.ratio(word, w) >= 80
                for w in self.words)
            if len(self._near) < 50_000:
                self._near[word] = found
        return found

    def frame_typos(self, question_words: Iterable[str]) -> set[str]:
        """The stems of a question's words that are typos of words questions use ("actualy"),
        not of the article's: they ask about nothing."""
        return {stem(w) for w in question_words if len(w) >= 5 and not self.knows(w) and any(
            abs(len(f) - len(w)) <= 1 and fuzz.ratio(w, f) >= 85 for f in self.frame_words)}

    def weight(self, term: str, verbs: AbstractSet[str] = frozenset()) -> float:
        """How much a question term says: idf in the article; little for frame words, light
        verbs and unknown verbs (paraphrases); most for unknown nouns."""
        if term in verbs and term not in self.idf:
            return 1.0
        if term in LIGHT:
            return min(self.idf.get(term, 0.7), 0.7)
        if term in self.idf:
            return self.idf[term]
        # Words questions use to frame what they ask weigh little; unknown words weigh most.
        return 0.5 if term in self.frame else self.max_idf

    def coverage(self, terms: list[str], have: AbstractSet[str],
                 verbs: AbstractSet[str] = frozenset()) -> float:
        """Share of the question's (idf-weighted) terms found in `have`, typos forgiven."""
        if not terms:
            return 0.0
        total = found = 0.0
        for term in terms:
            w = self.weight(term, verbs)
            total += w
            n = len(term)
            # (only words that could be alike: the same first five letters, or lengths close
            # enough for a fuzzy ratio of 85)
            if term in have or (n >= 5 and any(
                    _alike(term, h) for h in have
                    if h[:5] == term[:5] or 2 * min(n, len(h)) >= 0.85 * (n + len(h)))):
                found += w
        return found / total if total else 0.0


@lru_cache(maxsize=65536)
def _alike(a: str, b: str) -> bool:
    """Typos and word-family variants: 'apologis'/'apology', 'cancelation'/'cancellation'."""
    if len(b) < 5:
        return False
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= 5 and prefix >= 0.7 * min(len(a), len(b)) or fuzz.ratio(a, b) >= 85
