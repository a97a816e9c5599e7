"""Where the seeds and the saved index live (overridable for tests and deployments)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return Path(os.environ.get("STRIKEBOT_SEEDS", REPO_ROOT / "seeds"))


def index_dir() -> Path:
    return Path(os.environ.get("STRIKEBOT_INDEX", REPO_ROOT / "index"))
