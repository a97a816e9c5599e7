"""ONNX export of the embedding model at index build time.

The exported graph takes ``input_ids``, ``attention_mask`` and ``token_type_ids`` (int64,
batch x tokens) and returns ``sentence_embedding`` (float32, batch x 384): the transformer, mean
pooling over the attention mask and L2 normalisation, exactly as sentence-transformers computes
them. The tokenizer is saved beside it as ``tokenizer.json`` so that answering needs only
onnxruntime and tokenizers (see ``bot.onnx_encoder``).

Runs only at build time, where torch is loaded anyway; never imported on the query path.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT = "sentence_embedding"
# The export is checked against the reference before it is recorded.
MIN_COSINE = 0.9995
CHECK_TEXTS = (
    "How many were affected at the second site?",
    "Staff at three hospitals went on strike over pay.",
    "x",
    "A much longer sentence, with punctuation; numbers like 2,718 and £35, and quotes "
    "\u201clike these\u201d, to exercise the tokenizer's normaliser and the attention mask.",
)


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _wrapper(transformer: Any) -> Any:
    import torch

    class SentenceEmbedding(torch.nn.Module):
        """Transformer + mean pooling + L2 normalisation, with keyword inputs for the export."""

        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.model(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids)
            hidden = out[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            summed = (hidden * mask).sum(dim=1)
            counts = torch.clamp(mask.sum(dim=1), min=1e-9)
            return torch.nn.functional.normalize(summed / counts, p=2.0, dim=1)

    return SentenceEmbedding(transformer).eval()


def _backend_tokenizer(st_model: Any) -> Any:
    tok = st_model.tokenizer
    backend = getattr(tok, "backend_tokenizer", None) or getattr(tok, "_tokenizer", None)
    if backend is None:
        raise RuntimeError(f"the tokenizer {type(tok).__name__} has no fast (tokenizers) backend")
    return backend


def export_model(st_model: Any, folder: Path) -> dict[str, Any]:
    """Export the sentence-transformers model into folder; return the manifest entry."""
    import torch
    from tokenizers import Tokenizer

    transformer = st_model[0].auto_model
    max_length = int(st_model.max_seq_length)
    backend = _backend_tokenizer(st_model)
    # A copy with no padding/truncation state: the ONNX encoder sets its own.
    tokenizer = Tokenizer.from_str(backend.to_str())
    tokenizer.no_padding()
    tokenizer.no_truncation()

    wrapper = _wrapper(transformer)
    sample = tokenizer.encode_batch(list(CHECK_TEXTS[:2]))
    width = max(len(e.ids) for e in sample)
    ids = torch.zeros((2, width), dtype=torch.int64)
    mask = torch.zeros((2, width), dtype=torch.int64)
    for row, enc in enumerate(sample):
        ids[row, : len(enc.ids)] = torch.tensor(enc.ids)
        mask[row, : len(enc.ids)] = 1
    types = torch.zeros_like(ids)

    onnx_tmp = folder / (ONNX_FILE + ".tmp")
    tok_tmp = folder / (TOKENIZER_FILE + ".tmp")
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    dynamic[OUTPUT] = {0: "batch"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapper, (), str(onnx_tmp),
            kwargs={"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
            input_names=list(INPUTS), output_names=[OUTPUT], dynamic_axes=dynamic,
            opset_version=OPSET, do_constant_folding=True, dynamo=False,
        )
    tokenizer.save(str(tok_tmp))
    os.replace(onnx_tmp, folder / ONNX_FILE)
    os.replace(tok_tmp, folder / TOKENIZER_FILE)
    return {
        "file": ONNX_FILE,
        "sha256": file_sha256(folder / ONNX_FILE),
        "tokenizer": TOKENIZER_FILE,
        "tokenizer_sha256": file_sha256(folder / TOKENIZER_FILE),
        "max_length": max_length,
        "inputs": list(INPUTS),
        "output": OUTPUT,
        "opset": OPSET,
        "bytes": (folder / ONNX_FILE).stat().st_size,
        "tokenizer_bytes": (folder / TOKENIZER_FILE).stat().st_size,
        "pooling": "mean+l2 (in graph)",
    }


def _check(encoder: Any, folder: Path, entry: dict[str, Any]) -> float:
    """The smallest cosine between the export and the reference on a few texts."""
    from .onnx_encoder import OnnxEncoder

    onnx = OnnxEncoder.from_manifest(folder, entry, verify=False)
    texts = list(CHECK_TEXTS)
    got = onnx.encode(texts)
    want = encoder.encode(texts)
    return float(np.min(np.sum(got * want, axis=1)))


def _remove(folder: Path) -> None:
    for name in (ONNX_FILE, TOKENIZER_FILE, ONNX_FILE + ".tmp", TOKENIZER_FILE + ".tmp"):
        (folder / name).unlink(missing_ok=True)


def export_for_index(encoder: Any, folder: Path, manifest: dict[str, Any],
                     progress: Callable[[str], None]) -> None:
    """Write the ONNX encoder into the index folder and record it in the manifest.

    Never fails the build: on any error the manifest records ``onnx: null`` and answering
    falls back to sentence-transformers.
    """
    manifest["onnx"] = None
    model = getattr(encoder, "_model", None)
    if model is None:
        progress(f"warning: cannot export the {getattr(encoder, 'name', '?')} encoder to ONNX; "
                 "questions will use sentence-transformers")
        return
    progress("exporting the embedding model to ONNX")
    try:
        entry = export_model(model, folder)
        worst = _check(encoder, folder, entry)
        if not worst >= MIN_COSINE:
            raise RuntimeError(f"the export disagrees with the reference (cosine {worst:.5f})")
        entry["check_cosine"] = round(worst, 6)
    except Exception as exc:  # the build must not fail because of the fast path
        _remove(folder)
        progress(f"warning: ONNX export failed ({type(exc).__name__}: {exc}); "
                 "questions will use sentence-transformers")
        return
    manifest["onnx"] = entry
