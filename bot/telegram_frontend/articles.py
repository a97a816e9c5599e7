"""The articles a chat can choose (`/article`): their names and headlines, and one engine each.

The default article's engine is the one the front end was started with; another article's is
loaded on first use (on a worker thread, never on the event loop) and kept: one per article
folder for the life of the process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import StrikebotError

log = logging.getLogger("strikebot.telegram")
Loader = Callable[[Path], Any]

_loaded: dict[Path, Any] = {}  # resolved article folder -> its engine (process-wide)
_loading = threading.Lock()


def load_article(folder: Path) -> Any:
    from ..engine import load_engine

    return load_engine(folder, progress=lambda m: log.info("%s: %s", folder.name, m))


def headline(folder: Path) -> str:
    """The article's first line (its headline), or '' if it cannot be read."""
    try:
        with (folder / "article.txt").open(encoding="utf-8-sig") as handle:
            return handle.readline().strip()
    except (OSError, UnicodeDecodeError):
        return ""


class Articles:
    """The article folders under a seeds root, plus the default article (which may live
    elsewhere), each with its engine."""

    def __init__(self, default_engine: Any, default: str | None = None,
                 root: Path | None = None, loader: Loader = load_article) -> None:
        """`default`: a name under the root or a folder path; None: the process's article
        (`--article`, STRIKEBOT_ARTICLE, else seeds/articles.toml's default)."""
        self.root = root
        base = self.root_path()
        if default:
            folder = base / default if "/" not in default and (base / default).is_dir() \
                else Path(default).expanduser()
        else:
            try:
                folder = paths.seeds_dir()
            except StrikebotError:
                folder = base / "article"
        self.default = folder.name
        self.default_folder = folder
        self.default_engine = default_engine
        self.loader = loader

    def root_path(self) -> Path:
        return self.root if self.root is not None else paths.seeds_root()

    def folders(self) -> dict[str, Path]:
        """name -> folder: the default first, then the others by name."""
        root = self.root_path()
        found = sorted(p.name for p in root.iterdir() if (p / "article.txt").is_file()) \
            if root.is_dir() else []
        listed = {self.default: self.default_folder}
        listed.update((name, root / name) for name in found if name != self.default)
        return listed

    def names(self) -> list[str]:
        return list(self.folders())

    def headline(self, name: str) -> str:
        folder = self.folders().get(name)
        return headline(folder) if folder is not None else ""

    def find(self, spec: str) -> str | None:
        """The name a user typed (case and surrounding spaces ignored), or None."""
        wanted = spec.strip().lower()
        return next((n for n in self.folders() if n.lower() == wanted), None)

    def engine(self, name: str) -> Any:
        """The article's engine; may load it (call from a worker thread)."""
        if name == self.default:
            return self.default_engine
        folder = self.folders().get(name)
        if folder is None:
            return self.default_engine
        key = folder.resolve()
        with _loading:  # one load per folder, even when two chats switch at once
            engine = _loaded.get(key)
            if engine is None:
                log.info("loading the article %s", name)
                engine = _loaded[key] = self.loader(folder)
        return engine

    def loaded(self, name: str) -> Any | None:
        """The article's engine if it needs no loading, else None."""
        if name == self.default:
            return self.default_engine
        folder = self.folders().get(name)
        return _loaded.get(folder.resolve()) if folder is not None else None
