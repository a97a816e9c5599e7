"""A fitted classifier of questions: which answer path a question needs, and for questions
computed from the table, which operation.

Pure numpy at query time (no torch, no scikit-learn): features are hashed character n-grams
(2-5, within words padded by spaces, lower-cased, digits folded to 0) and hashed word unigrams
and bigrams, sub-linear counts, L2-normalised; each head is a multinomial logistic regression
whose weights ship as package data in bot/models/intent.npz (trained by
training/train_intent.py; the report of how it was trained and scored is training/README.md).

Heads:
- ``route``: ``table`` (a figure or a computation from the hand-checked table), ``text`` (a
  fact or a quote from the passages), ``abstain`` (the article does not answer it);
- ``operation`` (meaningful for table computations only): total, difference, share, average,
  ratio, rank, compare, threshold, ...

    >>> from bot import intent_model
    >>> intent_model.predict("how many more at the first trust than at the second?")
    ('table', ...)
    >>> intent_model.predict("what % of the total was that", head="operation")
    ('share', ...)

The hashes carry no article's names or figures as strings: the model file holds only bucket
numbers, weights and the label names.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_PATH = Path(__file__).resolve().parent / "models" / "intent.npz"
FEATURE_BITS = 18
CHAR_NGRAMS = (2, 5)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[%£$?+/&-]")


def normalise(text: str) -> str:
    """Lower-cased NFKC text with curly quotes straightened and every digit folded to 0 (so a
    figure's shape counts, not the figure: "1,169" and "4,413" are the same feature)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\d", "0", text)


def _grams(text: str) -> list[str]:
    words = _WORD.findall(normalise(text))
    grams = [f"w:{w}" for w in words]
    grams += [f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    low, high = CHAR_NGRAMS
    for w in words:
        padded = f" {w} "
        for n in range(low, high + 1):
            grams += [f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1)]
    return grams


def features(text: str, bits: int = FEATURE_BITS) -> tuple[npt.NDArray[np.int64],
                                                          npt.NDArray[np.float32]]:
    """Sorted bucket indices and their values (1 + log count, L2-normalised)."""
    mask = (1 << bits) - 1
    counts: dict[int, int] = {}
    for gram in _grams(text):
        h = zlib.crc32(gram.encode("utf-8")) & mask
        counts[h] = counts.get(h, 0) + 1
    if not counts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    index = np.fromiter(sorted(counts), np.int64, len(counts))
    values = 1.0 + np.log(np.array([counts[int(i)] for i in index], np.float32))
    values /= np.float32(np.sqrt(float(np.dot(values, values))))
    return index, values.astype(np.float32)


@dataclass(frozen=True)
class Head:
    labels: tuple[str, ...]
    rows: npt.NDArray[np.int64]      # sorted buckets with a weight
    weights: npt.NDArray[np.float32]  # len(rows) x len(labels)
    bias: npt.NDArray[np.float32]

    def scores(self, index: npt.NDArray[np.int64],
               values: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        where = np.searchsorted(self.rows, index)
        where = np.minimum(where, len(self.rows) - 1)
        hit = self.rows[where] == index
        # Summed by numpy, not BLAS: a BLAS kernel picked by the environment (OPENBLAS_CORETYPE)
        # changes the last bits, and the same question must score the same everywhere.
        terms = values[hit, None].astype(np.float64) * self.weights[where[hit]]
        logits = self.bias.astype(np.float64) + terms.sum(axis=0)
        logits -= logits.max()
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(), np.float64)


@dataclass(frozen=True)
class Model:
    bits: int
    heads: dict[str, Head]
    meta: dict[str, Any]   # thresholds fitted on the validation split, scores, training facts

    def probabilities(self, text: str, head: str = "route") -> dict[str, float]:
        index, values = features(text, self.bits)
        model = self.heads[head]
        return {label: float(p) for label, p in
                zip(model.labels, model.scores(index, values), strict=True)}


def load(path: Path = MODEL_PATH) -> Model:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        heads = {}
        for name in meta["heads"]:
            heads[name] = Head(tuple(str(x) for x in data[f"{name}_labels"]),
                               data[f"{name}_rows"].astype(np.int64),
                               data[f"{name}_weights"].astype(np.float32),
                               data[f"{name}_bias"].astype(np.float32))
        return Model(int(meta["bits"]), heads, meta)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, loaded on first use."""
    return load()


def probabilities(text: str, head: str = "route") -> dict[str, float]:
    """Every label of a head with its probability (they sum to 1)."""
    return model().probabilities(text, head)


def predict(text: str, head: str = "route") -> tuple[str, float]:
    """The most probable label of a head and its probability."""
    probs = probabilities(text, head)
    label = max(probs, key=lambda k: probs[k])
    return label, probs[label]


def thresholds() -> dict[str, float]:
    """Decision thresholds fitted on the validation split (see training/README.md)."""
    return {str(k): float(v) for k, v in model().meta.get("thresholds", {}).items()}
