"""Hybrid retrieval: BM25 and dense (FAISS) rankings fused with reciprocal rank fusion."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .bm25 import BM25
from .corpus import Corpus
from .encoder import Encoder
from .index_store import SavedIndex
from .text import content_terms

RRF_K = 60


@dataclass(frozen=True)
class Hit:
    passage: str
    fused: float
    dense: float
    lexical: float


@dataclass(frozen=True)
class SentenceHit:
    passage: str
    number: int
    text: str
    dense: float


class Retriever:
    def __init__(self, corpus: Corpus, index: SavedIndex, encoder: Encoder) -> None:
        self.corpus = corpus
        self.index = index
        self.encoder = encoder
        self.bm25 = BM25([content_terms(p.text) for p in corpus.passages])

    def embed(self, question: str) -> np.ndarray:
        vector: np.ndarray = self.encoder.encode([question])[0]
        return vector

    def passages(self, question: str, vector: np.ndarray) -> list[Hit]:
        """Every passage, best first, with its dense cosine and BM25 score."""
        n = len(self.index.passage_ids)
        dense_scores, order = self.index.passage_index.search(vector[None, :], n)
        dense = {self.index.passage_ids[i]: float(s)
                 for s, i in zip(dense_scores[0], order[0], strict=True) if i >= 0}
        lexical = dict(zip(self.index.passage_ids, self.bm25.scores(content_terms(question)),
                           strict=True))
        fused: dict[str, float] = dict.fromkeys(self.index.passage_ids, 0.0)
        for ranking in (dense, lexical):
            ranked = sorted(ranking, key=lambda pid: -ranking[pid])
            for rank, pid in enumerate(ranked):
                if ranking[pid] > 0:
                    fused[pid] += 1.0 / (RRF_K + rank + 1)
        return sorted((Hit(pid, fused[pid], dense.get(pid, 0.0), lexical[pid])
                       for pid in self.index.passage_ids), key=lambda h: -h.fused)

    def sentences(self, vector: np.ndarray) -> list[SentenceHit]:
        """Every sentence with its dense cosine to the question, best first."""
        scores = self.index.sentence_vectors @ vector
        hits = []
        for (pid, number), score in zip(self.index.sentence_keys, scores, strict=True):
            passage = self.corpus.passage(pid)
            assert passage is not None
            hits.append(SentenceHit(pid, number, passage.sentences[number], float(score)))
        return sorted(hits, key=lambda h: -h.dense)
