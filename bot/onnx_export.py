"""ONNX export of the embedding model at index build time (filled in by the fast-path work)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def export_for_index(encoder: Any, folder: Path, manifest: dict[str, Any],
                     progress: Callable[[str], None]) -> None:
    """Write the ONNX encoder into the index folder and record it in the manifest."""
    manifest.setdefault("onnx", None)
