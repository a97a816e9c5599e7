"""Shared fixtures: the real engine over the real index, loaded once per test session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

from support import SEEDS


@pytest.fixture(scope="session")
def engine() -> Any:
    """The real engine: real model, real index in index/ (built on first use)."""
    from bot.engine import load_engine

    return load_engine()


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the seeds a test may damage."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    yield target
