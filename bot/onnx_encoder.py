"""The query-time encoder: MiniLM through onnxruntime and tokenizers (no torch).

Imports only numpy, onnxruntime and tokenizers, so a fresh process answers in a fraction of a
second. The graph (written by ``bot.onnx_export`` at index build) already does mean pooling
and L2 normalisation; this module only tokenizes, pads and runs it.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

BATCH = 32
THREADS_ENV = "STRIKEBOT_ORT_THREADS"


class OnnxUnavailable(Exception):
    """The ONNX export is missing, altered or cannot be loaded; the message says why."""


def default_threads() -> int:
    """Intra-op threads: the machine's cores, at most 2 (the deployment target has 2)."""
    override = os.environ.get(THREADS_ENV, "")
    if override.isdigit() and int(override) > 0:
        return int(override)
    return max(1, min(2, os.cpu_count() or 1))


def _max_length(entry: dict[str, Any]) -> int:
    """The manifest's token limit, or OnnxUnavailable when it is not a sensible count."""
    value = entry.get("max_length", 256)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 8192:
        raise OnnxUnavailable(f"the manifest's max_length {value!r} is not a token count")
    return value


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class OnnxEncoder:
    """Thread-safe: tokenization is serialised by a lock, ``InferenceSession.run`` is
    thread-safe in onnxruntime and releases the GIL."""

    name = "onnxruntime"

    def __init__(self, model_file: Path, tokenizer_file: Path, max_length: int = 256,
                 threads: int | None = None, output: str = "sentence_embedding") -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise OnnxUnavailable(f"onnxruntime or tokenizers is not installed ({exc})") from None
        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_file))
        except Exception as exc:
            raise OnnxUnavailable(f"cannot read {tokenizer_file.name}: {exc}") from None
        tokenizer.enable_truncation(max_length=max_length)
        pad_id = tokenizer.token_to_id("[PAD]")
        tokenizer.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        # No busy-waiting between runs: the bot's worker threads and the composer's own Python
        # work need the cores; measured as fast or faster on the 2-core target (benchmarks/).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            session = ort.InferenceSession(str(model_file), sess_options=options,
                                           providers=["CPUExecutionProvider"])
        except Exception as exc:
            raise OnnxUnavailable(f"onnxruntime cannot load {model_file.name}: "
                                  f"{str(exc).splitlines()[0] if str(exc) else exc}") from None
        self._inputs = {i.name for i in session.get_inputs()}
        needed = {"input_ids", "attention_mask"}
        if not needed <= self._inputs or output not in {o.name for o in session.get_outputs()}:
            raise OnnxUnavailable(f"{model_file.name} does not have the expected inputs/outputs")
        self._session = session
        self._tokenizer = tokenizer
        self._output = output
        self._lock = threading.Lock()
        self.threads = options.intra_op_num_threads
        self.max_length = max_length

    @classmethod
    def from_manifest(cls, folder: Path, entry: Any, verify: bool = True,
                      threads: int | None = None) -> OnnxEncoder:
        """Load the export the manifest records; raise OnnxUnavailable with a reason."""
        if not isinstance(entry, dict) or not entry.get("file"):
            raise OnnxUnavailable("the index has no ONNX export (rebuild with "
                                  "`strikebot index build`)")
        model_file = folder / str(entry["file"])
        tokenizer_file = folder / str(entry.get("tokenizer", "tokenizer.json"))
        for path in (model_file, tokenizer_file):
            if not path.is_file():
                raise OnnxUnavailable(f"{path} is missing")
        if not verify:
            return cls(model_file, tokenizer_file, _max_length(entry), threads,
                       str(entry.get("output", "sentence_embedding")))
        # Hash the files while onnxruntime builds the session (hashlib releases the GIL):
        # verification then costs almost nothing on a 2-core machine.
        wanted = {model_file: entry.get("sha256"), tokenizer_file: entry.get("tokenizer_sha256")}
        found: dict[Path, str] = {}

        def digest() -> None:
            for path in wanted:
                try:
                    found[path] = _sha256(path)
                except OSError as exc:
                    found[path] = f"unreadable: {exc}"

        hasher = threading.Thread(target=digest, name="onnx-sha256", daemon=True)
        hasher.start()
        encoder: OnnxEncoder | None = None
        failure: OnnxUnavailable | None = None
        try:
            encoder = cls(model_file, tokenizer_file, _max_length(entry), threads,
                          str(entry.get("output", "sentence_embedding")))
        except OnnxUnavailable as exc:
            failure = exc
        finally:
            hasher.join()
        for path, digest_wanted in wanted.items():  # a checksum mismatch is the better reason
            if not digest_wanted:
                raise OnnxUnavailable(f"the manifest records no checksum for {path.name}")
            if found.get(path) != digest_wanted:
                raise OnnxUnavailable(f"{path} does not match the manifest's checksum")
        if failure is not None or encoder is None:
            raise failure or OnnxUnavailable(f"cannot load {model_file}")
        return encoder

    def _feeds(self, texts: list[str]) -> dict[str, np.ndarray]:
        with self._lock:
            encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids,
                 "attention_mask": np.array([e.attention_mask for e in encodings],
                                            dtype=np.int64)}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        return feeds

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 embeddings, one row per text."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        parts = []
        for start in range(0, len(texts), BATCH):
            feeds = self._feeds(list(texts[start:start + BATCH]))
            (vectors,) = self._session.run([self._output], feeds)
            parts.append(vectors)
        out = parts[0] if len(parts) == 1 else np.concatenate(parts)
        return np.ascontiguousarray(out, dtype=np.float32)
