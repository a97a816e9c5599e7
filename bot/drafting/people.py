"""Drafting people.csv: who speaks in the article, with role, organisation, pronoun and the
passage that introduces them; the organisations in the dispute; quotes with no clear speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .figures import Unplaced
from .lexicon import Lexicon
from .scan import passages

COLUMNS = ("id", "name", "kind", "role", "organisation", "pronoun", "aliases", "introduced")
TITLES = rules.TITLES


@dataclass
class DraftPerson:
    name: str
    kind: str
    role: str
    organisation: str
    pronoun: str
    aliases: list[str]
    introduced: str
    id: str = ""

    def row(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "role": self.role,
                "organisation": self.organisation, "pronoun": self.pronoun,
                "aliases": ";".join(self.aliases), "introduced": self.introduced}


def draft_people(article: str, lexicon: Lexicon, bodies: dict[str, str] | None = None,
                 ) -> tuple[list[DraftPerson], list[Unplaced]]:
    """People and organisations; `bodies` maps the names and abbreviations of the article's
    trusts to their full names, for the organisation of a role ("one of NUH's ...")."""
    found: dict[str, DraftPerson] = {}
    unplaced: list[Unplaced] = []
    items = passages(article)[1:]
    last_speaker = ""
    for pid, text in items:
        outside = _outside_quotes(text)
        named = _speakers(outside, lexicon.not_a_name)
        for name, role in named:
            key = _bare(name)
            if key not in found:
                found[key] = DraftPerson(name, "person", role,
                                         _organisation(role, bodies or {}, lexicon),
                                         _pronoun(text, items, pid, name), [], pid)
        if named:
            last_speaker = named[0][0]
        elif text.startswith(("\u201c", '"')) and not last_speaker:
            unplaced.append(Unplaced(pid, text[:80], "a quote with no clear speaker"))
    people = list(found.values())
    shared = {p.role for p in people if p.role and [q.role for q in people].count(p.role) > 1}
    for person in people:
        person.aliases = _person_aliases(person, lexicon, person.role in shared)
    people += _organisations(article, items, lexicon)
    low = article.lower()
    for body in people:
        if body.kind != "person":  # an organisation is called only what the article calls it
            body.aliases = [a for a in body.aliases if a == body.name or a.lower() in low]
    seen: set[str] = set()
    for person in people:
        base = re.sub(r"[^a-z0-9]+", "_", _bare(person.name).lower()).strip("_") or "person"
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}_{n}", n + 1
        seen.add(ident)
        person.id = ident
    return people, unplaced


def _outside_quotes(text: str) -> str:
    """The passage with quoted words blanked out (same length)."""
    out = list(text)
    inside = False
    for i, char in enumerate(text):
        if char in "\u201c\u201d\"":
            inside = not inside if char == '"' else char == "\u201c"
            continue
        if inside:
            out[i] = " "
    return "".join(out)


def _speakers(text: str, not_a_name: re.Pattern[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in rules.ROLE_NAME_SAID.finditer(text):
        role = _role(m.group("role").split(", ")[-1])
        if role in TITLES:
            continue
        names = re.split(r"\s+and\s+", m.group("name"))
        for name in names:
            name, more = _split_title(name)
            role = f"{role} {more}".strip() if more and role else role or more
            if len(names) > 1:
                role = _singular(role)
            if not not_a_name.search(name) and not any(_bare(name) == _bare(n)
                                                             for n, _ in out):
                out.append((name, role))
    for m in rules.NAME_ROLE_SAID.finditer(text):
        name = m.group("name")
        if not not_a_name.search(name) and not any(_bare(name) == _bare(n)
                                                         for n, _ in out):
            out.append((name, _role(m.group("role"))))
    for m in rules.ROLE_COMMA_NAME_SAID.finditer(text):  # "the chief nurse, Janet Lloyd, said"
        name = m.group("name")
        if not not_a_name.search(name) and not any(_bare(name) == _bare(n) for n, _ in out):
            out.append((name, _role(m.group("role"))))
    for m in rules.SAID_NAME.finditer(text):
        name = m.group("name")
        if not not_a_name.search(name) and not any(_bare(name) == _bare(n)
                                                         for n, _ in out):
            out.append((name, _role(m.group("role") or "")))
    return out


def _split_title(name: str) -> tuple[str, str]:
    """'Secretary Steve Barclay' -> ('Steve Barclay', 'Secretary'): words of an office that the
    name pattern took in go back to the role."""
    words = name.split()
    moved: list[str] = []
    while len(words) > 2 and words[0] not in TITLES:
        moved.append(words.pop(0))
    return " ".join(words), " ".join(moved)


def _role(role: str) -> str:
    role = re.sub(r"^(?:who\s+(?:is\s+)?|the\s+)", "", role.strip())
    role = re.sub(r"^(?:On|In|At)\b[^,]*$", "", role)
    return role.strip()


def _singular(role: str) -> str:
    return re.sub(r"\b(\w+-?\w+)s$", r"\1", role)


def _bare(name: str) -> str:
    words = name.split()
    while words and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def _organisation(role: str, bodies: dict[str, str], lexicon: Lexicon) -> str:
    """The body a role belongs to: a trust, a union, another body, the government."""
    for short, full in bodies.items():
        if re.search(rf"\b{re.escape(short)}\b", role):
            return full
    for name, abbr in lexicon.people("unions").items():
        if re.search(rf"\b(?:{re.escape(abbr)}|{re.escape(name)})\b", role):
            return str(name)
    for body in lexicon.people("bodies"):
        if body in role:
            return str(body)
    if any(word.lower() in role.lower() for word in lexicon.people("government_roles")):
        return str(lexicon.people("government"))
    return ""


def _pronoun(text: str, items: list[tuple[str, str]], pid: str, name: str) -> str:
    surname = name.split()[-1]
    after = text[text.find(surname) + len(surname):]
    following = [t for p, t in items if p > pid][:2]
    for stretch in (after, *following):
        if stretch is not after and not stretch.startswith(("\u201c", '"')):
            break
        m = rules.PRONOUN_SAID.search(_outside_quotes(stretch))
        if m:
            return m.group(1).lower()
    return "they"


def _person_aliases(person: DraftPerson, lexicon: Lexicon, shared: bool) -> list[str]:
    bare = _bare(person.name)
    first, surname = bare.split()[0], bare.split()[-1]
    title = person.name.split()[0] if person.name.split()[0] in TITLES else ""
    polite = {"he": "Mr", "she": "Ms"}.get(person.pronoun, "")
    out = [bare, person.name, surname, first]
    if title in ("Sir", "Dame"):
        out.append(f"{title} {first}")
    elif title:
        out.append(f"{title} {surname}")
    if polite and title not in ("Dr", "Professor"):
        out.append(f"{polite} {surname}")
    if person.role:
        out += [person.role, f"{person.role} {bare}"]
        one = re.match(r"one of (?:the )?(.+)$", person.role)
        if one:
            office = _singular(one.group(1))
            owner = re.match(r"(\w+)'s (.+)$", office)
            out += [office] + ([owner.group(2), f"{owner.group(1)} {owner.group(2)}"]
                               if owner else [])
        head = re.split(r"\s+(?:for|of|at|in)\s+", person.role)[0]
        if head != person.role and len(head.split()) > 1:
            out.append(head)  # "elective care lead for the Black Country" -> "elective care lead"
        if shared:  # two people of one office: "co-chair", "co-chairs", "BMA co-chairs"
            office = head.split()[-1]
            out += [office, f"{office}s", " ".join(head.split()[:-1])]
            if head.split()[0].isupper():
                out.append(f"{head.split()[0]} {office}s")
        for office, more in lexicon.people("office_aliases").items():
            if office.lower() in person.role.lower():
                out += list(more)
    return list(dict.fromkeys(a for a in out if a))


def _organisations(article: str, items: list[tuple[str, str]], lexicon: Lexicon,
                   ) -> list[DraftPerson]:
    out: list[DraftPerson] = []
    seen: set[str] = set()
    unions: dict[str, str] = lexicon.people("unions")
    role = str(lexicon.people("union_role"))
    government = str(lexicon.people("government"))
    for pid, text in items:
        for m in lexicon.organisation.finditer(text):
            name = m.group(1).removeprefix("the ")
            if name in seen:
                continue
            seen.add(name)
            abbr = m.group("abbr") or unions.get(name, "")
            aliases = [name, *([abbr, f"the {abbr}"] if abbr and abbr in article else []),
                       "the union", "union"]
            out.append(DraftPerson(name, "organisation", role, name, "they", aliases, pid))
        for name, abbr in unions.items():
            if name not in seen and re.search(rf"\b{abbr}\b", text):
                seen.add(name)
                shown = name if name in article else abbr  # the loader wants the article's word
                out.append(DraftPerson(shown, "organisation", role, name, "they",
                                       list(dict.fromkeys([shown, name, abbr, f"the {abbr}",
                                                           "the union", "union"])), pid))
        for body, body_role in lexicon.people("bodies").items():
            if body in seen:
                continue
            hit = lexicon.government.search(text) if body == government else \
                re.search(rf"\b{re.escape(body)}\b", text, re.I)
            if hit:
                seen.add(body)
                aliases = [body, body.removeprefix("the ")] + \
                    (list(lexicon.people("government_aliases")) if body == government else [])
                out.append(DraftPerson(body, "organisation", str(body_role), body, "they",
                                       list(dict.fromkeys(aliases)), pid))
    return out
