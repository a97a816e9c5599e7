"""Where the article folders and their saved indexes live (overridable for tests and deployments).

An article is a folder holding article.txt and its tables. `STRIKEBOT_ARTICLE` (or the
`--article` option) names a folder under seeds/ or gives a folder's path; without it the
default named in seeds/articles.toml is used.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .errors import UsageError

REPO_ROOT = Path(__file__).resolve().parent.parent
_chosen: str | None = None


def seeds_root() -> Path:
    return REPO_ROOT / "seeds"


def use_article(spec: str | None) -> None:
    """Select the article for this process (the CLI's --article)."""
    global _chosen
    _chosen = spec


def default_article() -> str:
    listing = seeds_root() / "articles.toml"
    try:
        return str(tomllib.loads(listing.read_text(encoding="utf-8"))["default"])
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{listing}: cannot read the default article ({exc})") from None


def resolve_article(spec: str) -> Path:
    """A name under seeds/ or a folder path -> the article folder."""
    candidate = Path(spec).expanduser()
    by_name = seeds_root() / spec
    if os.sep not in spec and "/" not in spec and by_name.is_dir():
        return by_name
    if candidate.is_dir():
        return candidate
    names = ", ".join(article_names()) or "none"
    raise UsageError(f"no article {spec!r}: give a folder path or one of the names under "
                     f"seeds/ ({names})")


def article_names() -> list[str]:
    root = seeds_root()
    return sorted(p.name for p in root.iterdir() if (p / "article.txt").is_file()) \
        if root.is_dir() else []


def seeds_dir() -> Path:
    """The selected article's folder."""
    spec = _chosen or os.environ.get("STRIKEBOT_ARTICLE") or os.environ.get("STRIKEBOT_SEEDS")
    return resolve_article(spec) if spec else seeds_root() / default_article()


def index_dir(article: Path | None = None) -> Path:
    """index/<name>/ for an article under seeds/, else an index/ folder beside its tables."""
    override = os.environ.get("STRIKEBOT_INDEX")
    if override:
        return Path(override)
    folder = (article or seeds_dir()).resolve()
    if folder.parent == seeds_root().resolve():
        return REPO_ROOT / "index" / folder.name
    return folder / "index"
