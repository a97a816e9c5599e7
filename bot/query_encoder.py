"""Chooses the encoder for questions: the ONNX export when usable, else sentence-transformers.

Nothing heavy is imported here: onnxruntime/tokenizers come in with ``bot.onnx_encoder`` when
the export is used, torch and sentence-transformers only when answering has to fall back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .encoder import Encoder, SentenceTransformerEncoder
from .onnx_encoder import OnnxEncoder, OnnxUnavailable

FALLBACK = "sentence-transformers (slower start)"


def _onnx(folder: Path, manifest: dict[str, Any], verify: bool = True) -> OnnxEncoder:
    return OnnxEncoder.from_manifest(folder, manifest.get("onnx"), verify=verify)


def query_encoder(folder: Path, manifest: dict[str, Any]) -> tuple[Encoder, str]:
    """The encoder answering uses, and a one-line notice when it had to fall back."""
    try:
        return _onnx(folder, manifest), ""
    except OnnxUnavailable as problem:
        notice = (f"warning: ONNX query encoder unusable ({problem}); falling back to "
                  f"{FALLBACK} — run `strikebot index build` to restore it")
    return SentenceTransformerEncoder(), notice


def problem(folder: Path, manifest: dict[str, Any]) -> str:
    """Why the ONNX encoder cannot be used, or '' when it can (loads it to be sure)."""
    try:
        _onnx(folder, manifest)
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
