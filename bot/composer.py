"""Turns a question into an Answer (placeholder: top sentence; replaced by the full composer)."""

from __future__ import annotations

from .answer import Answer, Citation
from .conversation import Conversation
from .corpus import Corpus
from .retrieval import Retriever


class Composer:
    def __init__(self, corpus: Corpus, retriever: Retriever) -> None:
        self.corpus = corpus
        self.retriever = retriever

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        vector = self.retriever.embed(question)
        best = self.retriever.sentences(vector)[0]
        return Answer(question, best.text, False, "passage",
                      (Citation(best.passage, best.text, best.dense),))
