"""Okapi BM25 over a handful of passages; small enough that plain Python is fastest."""

from __future__ import annotations

import math
from collections import Counter


class BM25:
    def __init__(self, documents: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.docs = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.avg = sum(self.lengths) / max(len(documents), 1)
        df: Counter[str] = Counter(term for doc in self.docs for term in doc)
        n = len(documents)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: list[str]) -> list[float]:
        out = []
        for doc, length in zip(self.docs, self.lengths, strict=True):
            score = 0.0
            for term in set(query):
                tf = doc.get(term, 0)
                if tf:
                    norm = tf + self.k1 * (1 - self.b + self.b * length / self.avg)
                    score += self.idf[term] * tf * (self.k1 + 1) / norm
            out.append(score)
        return out
