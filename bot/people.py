"""The people and organisations the article quotes or names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SeedError
from .tables import read_rows, split_list

COLUMNS = ("id", "name", "kind", "role", "organisation", "pronoun", "aliases", "introduced")
KINDS = ("person", "organisation", "group")
PRONOUNS = ("he", "she", "they")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    kind: str
    role: str
    organisation: str
    pronoun: str
    aliases: tuple[str, ...]
    introduced: str

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    @property
    def object_pronoun(self) -> str:
        return {"she": "her", "he": "him"}.get(self.pronoun, "them")

    @property
    def the_role(self) -> str:
        """The role with its article: "the Health Secretary", "one of NUH's deputy …"."""
        return self.role if re.match(r"(?:one|some|two|three|each|an?|the) ", self.role) \
            else f"the {self.role}"


def load_people(path: Path, article: str) -> tuple[Person, ...]:
    folded = article.lower()
    count = sum(1 for text in article.splitlines() if text.strip())
    passage_ids = {f"p{n:02d}" for n in range(1, count + 1)}
    seen: set[str] = set()
    people: list[Person] = []
    for line, row in read_rows(path, COLUMNS):
        def bad(problem: str, line: int = line) -> SeedError:
            return SeedError(str(path), line, problem)

        if not row["id"] or not row["name"]:
            raise bad("id and name must not be empty")
        if row["id"] in seen:
            raise bad(f"duplicate id {row['id']!r}")
        if row["kind"] not in KINDS:
            raise bad(f"kind must be one of {', '.join(KINDS)}, not {row['kind']!r}")
        if row["pronoun"] not in PRONOUNS:
            raise bad(f"pronoun must be one of {', '.join(PRONOUNS)}, not {row['pronoun']!r}")
        surname = row["name"].split()[-1].lower()
        if surname not in folded and row["name"].lower() not in folded:
            raise bad(f"{row['name']!r} does not occur in the article")
        if row["introduced"] and row["introduced"].lower() not in passage_ids:
            raise bad(f"introduced at passage {row['introduced']!r}, which the article does "
                      f"not have (p01-p{count:02d})")
        seen.add(row["id"])
        aliases = split_list(row["aliases"])
        people.append(Person(row["id"], row["name"], row["kind"], row["role"],
                             row["organisation"], row["pronoun"],
                             tuple(dict.fromkeys((row["name"], *aliases))), row["introduced"]))
    if not people:
        raise SeedError(str(path), None, "no rows")
    return tuple(people)
