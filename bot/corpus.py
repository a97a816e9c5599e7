"""The seeds read together: article, passages, people and figures, all cross-checked."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import paths
from .errors import SeedError
from .figures import Figure, load_figures
from .passages import Passage, read_article, split_passages
from .people import Person, load_people
from .profile import Profile, load_profile

SEED_FILES = ("article.txt", "figures.csv", "people.csv", "profile.toml")


@dataclass(frozen=True)
class Corpus:
    article: str
    passages: tuple[Passage, ...]
    people: tuple[Person, ...]
    figures: tuple[Figure, ...]
    profile: Profile = Profile()
    name: str = ""

    def passage(self, pid: str) -> Passage | None:
        return self._by_id.get(pid.strip().lower())

    @cached_property
    def _by_id(self) -> dict[str, Passage]:
        return {p.id: p for p in self.passages}

    def person(self, person_id: str) -> Person:
        return next(p for p in self.people if p.id == person_id)


def load_corpus(seeds: Path) -> Corpus:
    article = read_article(seeds / "article.txt")
    people = load_people(seeds / "people.csv", article)
    passages = split_passages(article, people)
    figures = load_figures(seeds / "figures.csv", {p.id: p for p in passages})
    profile = load_profile(seeds, paths.seeds_root() / "genres")
    parts = {f.id for f in figures if f.scope == "part" and not f.dims}
    for area in profile.areas:
        unknown = [p for p in area.parts if p not in parts]
        if unknown:
            raise SeedError(str(seeds / "profile.toml"), None,
                            f"area {area.name!r} names no part figure {', '.join(unknown)}")
    return Corpus(article, passages, people, figures, profile, seeds.resolve().name)


def seeds_digest(seeds: Path) -> dict[str, str]:
    """sha256 of each seed file; a missing file digests as ''."""
    out: dict[str, str] = {}
    for name in SEED_FILES:
        path = seeds / name
        out[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
    return out
