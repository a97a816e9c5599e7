"""Chooses the encoder for questions: the ONNX export when usable, else sentence-transformers.

Nothing heavy is imported here. At engine load only cheap checks run (the manifest records an
export, its files exist with the recorded sizes); onnxruntime is imported, the files' sha256
verified and the session built on the first question that needs an embedding — so figure
questions answered from the table never pay for it. torch and sentence-transformers are
imported only when answering has to fall back.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np

from .encoder import Encoder, SentenceTransformerEncoder
from .onnx_encoder import OnnxEncoder, OnnxUnavailable

FALLBACK = "sentence-transformers (slower start)"
log = logging.getLogger("strikebot")


def _fallback_notice(problem: object) -> str:
    return (f"warning: ONNX query encoder unusable ({problem}); falling back to {FALLBACK} "
            "— run `strikebot index build` to restore it")


def quick_problem(folder: Path, manifest: dict[str, Any]) -> str:
    """What a stat() can tell is wrong with the export, or ''."""
    entry = manifest.get("onnx")
    if not isinstance(entry, dict) or not entry.get("file"):
        return "the index has no ONNX export"
    for name_key, size_key in (("file", "bytes"), ("tokenizer", "tokenizer_bytes")):
        path = folder / str(entry.get(name_key) or "tokenizer.json")
        if not path.is_file():
            return f"{path} is missing"
        size = entry.get(size_key)
        if isinstance(size, int) and path.stat().st_size != size:
            return f"{path} does not match the manifest's size"
    return ""


class LazyOnnxEncoder:
    """The ONNX encoder, loaded and verified on first use; falls back to sentence-transformers
    (with one warning logged to the "strikebot" logger, which reaches stderr) if that fails."""

    def __init__(self, folder: Path, entry: dict[str, Any]) -> None:
        self.folder = folder
        self.entry = entry
        self.name = OnnxEncoder.name
        self.notice = ""
        self._encoder: Encoder | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._encoder is not None

    def load(self) -> Encoder:
        encoder = self._encoder
        if encoder is not None:
            return encoder
        with self._lock:
            if self._encoder is None:
                try:
                    self._encoder = OnnxEncoder.from_manifest(self.folder, self.entry)
                except OnnxUnavailable as problem:
                    self.notice = _fallback_notice(problem)
                    log.warning("strikebot: %s", self.notice)
                    self._encoder = SentenceTransformerEncoder()
                    self.name = self._encoder.name
            return self._encoder

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.load().encode(texts)


def query_encoder(folder: Path, manifest: dict[str, Any]) -> tuple[Encoder, str]:
    """The encoder answering uses, and a one-line notice when it had to fall back."""
    problem = quick_problem(folder, manifest)
    if problem:
        return SentenceTransformerEncoder(), _fallback_notice(problem)
    return LazyOnnxEncoder(folder, manifest["onnx"]), ""


def problem(folder: Path, manifest: dict[str, Any]) -> str:
    """Why the ONNX encoder cannot be used, or '' when it can (loads and verifies it)."""
    quick = quick_problem(folder, manifest)
    if quick:
        return quick
    try:
        OnnxEncoder.from_manifest(folder, manifest.get("onnx"))
    except OnnxUnavailable as exc:
        return str(exc)
    return ""


def describe(folder: Path, manifest: dict[str, Any]) -> str:
    """One line for `strikebot index check` about the query encoder."""
    why = problem(folder, manifest)
    if not why:
        entry = manifest["onnx"]
        return (f"query encoder: onnxruntime ({entry['file']}, sha256 "
                f"{str(entry.get('sha256', ''))[:12]}…, verified)")
    return f"query encoder: {FALLBACK} — ONNX unusable: {why} (run `strikebot index build`)"
