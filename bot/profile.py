"""An article's profile: what it counts, what its subjects are, its examples and wording.

Read from the article folder's profile.toml, merged over the genre lexicon it names
(seeds/genres/<genre>.toml): the words of a genre are data, defined once, shared by its articles.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SeedError

LISTS = ("counted_words", "action_words", "people_nouns", "staff", "other_staff", "examples",
         "question_words", "place_words", "name_glue", "type_words", "other_rounds",
         "speaker_roles", "event_words", "part_heads", "whole_words", "national_words")


@dataclass(frozen=True)
class Area:
    """A part of the whole an article names ("the Black Country"), and the parts in it."""

    name: str
    aliases: tuple[str, ...]
    parts: tuple[str, ...]  # figure ids


@dataclass(frozen=True)
class Profile:
    about: str = "the article"
    counted: str = "figures"  # what the part figures count, plural
    part: str = "subject"
    parts: str = "subjects"
    whole: str = "all of them"
    staff: tuple[str, ...] = ()
    counted_words: tuple[str, ...] = ()  # words of a question asking for that count
    action_words: tuple[str, ...] = ()  # what happened to them: "cancelled", "postponed"
    people_nouns: tuple[str, ...] = ()  # counts of people the article does not give
    other_staff: tuple[str, ...] = ()  # staff groups the article is not about
    examples: tuple[str, ...] = ()
    question_words: tuple[str, ...] = ()  # words questions use that the article may not
    place_words: tuple[str, ...] = ()  # words of place phrases that name no place
    name_glue: tuple[str, ...] = ()  # words of subject names that name no subject alone
    type_words: tuple[str, ...] = ()  # kinds of item inside a count ("scans")
    other_rounds: tuple[str, ...] = ()  # words for other rounds of the same action
    speaker_roles: tuple[str, ...] = ()  # offices and bodies that might speak in the genre
    event_words: tuple[str, ...] = ()  # words for the event itself ("walkout", "on strike")
    part_heads: tuple[str, ...] = ()  # nouns a description of a part ends in ("hospital")
    whole_words: tuple[str, ...] = ()  # what names any article's whole ("the whole area")
    national_words: tuple[str, ...] = ()  # … and its national figure ("the whole country")
    abbreviations: dict[str, str] = field(default_factory=dict)
    cased_abbreviations: dict[str, str] = field(default_factory=dict)  # matched as written
    kin: dict[str, str] = field(default_factory=dict)  # word families: stem -> stem
    opposites: dict[str, str] = field(default_factory=dict)  # words of one side -> the other's
    dimensions: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    areas: tuple[Area, ...] = ()  # areas inside the whole, with their parts
    sentences: dict[str, str] = field(default_factory=dict)  # per scope: how a figure reads
    period: str = ""  # when the article's main figures are from
    status: str = "reviewed"  # "draft" while its tables are as `strikebot article add` drafted

    def sentence(self, scope: str) -> str:
        return self.sentences.get(scope, "")

    @property
    def staff_name(self) -> str:
        return self.staff[0] if self.staff else "the staff"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list) and key in LISTS \
                and key not in ("examples", "staff"):
            out[key] = list(dict.fromkeys([*out[key], *value]))
        else:
            out[key] = value
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise SeedError(str(path), None, "file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SeedError(str(path), None, f"not valid TOML: {exc}") from None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file of the seeds, with errors that name it."""
    return _read(path)


def load_profile(folder: Path, genres: Path) -> Profile:
    """The folder's profile.toml over its genre; an article without one gets the defaults."""
    path = folder / "profile.toml"
    data = _read(path) if path.exists() else {}
    genre = data.get("genre")
    if isinstance(genre, str) and genre:
        data = _merge(_read(genres / f"{genre}.toml"), data)
    known = set(Profile.__dataclass_fields__)
    unknown = sorted(set(data) - known - {"genre"})
    if unknown:
        raise SeedError(str(path), None, f"unknown field(s): {', '.join(unknown)}")
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "genre":
            continue
        if key in LISTS:
            kwargs[key] = tuple(str(v) for v in value)
        elif key == "dimensions":
            kwargs[key] = {str(d): {str(v): tuple(str(a) for a in aliases)
                                    for v, aliases in values.items()}
                           for d, values in value.items()}
        elif key == "areas":
            kwargs[key] = tuple(_area(path, str(name), spec) for name, spec in value.items())
        elif isinstance(value, dict):
            kwargs[key] = {str(k): str(v) for k, v in value.items()}
        else:
            kwargs[key] = str(value)
    return Profile(**kwargs)


def _area(path: Path, name: str, spec: Any) -> Area:
    if not isinstance(spec, dict) or not isinstance(spec.get("parts"), list) or not spec["parts"]:
        raise SeedError(str(path), None, f"area {name!r} needs a list of parts (figure ids)")
    return Area(name, tuple(str(a) for a in spec.get("aliases", [])),
                tuple(str(p) for p in spec["parts"]))
