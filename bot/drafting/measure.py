"""How much of a hand-checked table a draft reproduces.

A hand-checked figure row is reproduced when one drafted row (each used once) has its passage,
value, subject (the same name, or one is an alias of the other), qualifier, scope and dimensions,
and a span that is the hand-checked span or contains it or is contained in it (`exact` counts
the rows whose span is the same to the letter). A quoted person is reproduced when a drafted
person has the name (titles aside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import fold


@dataclass
class Score:
    rows: int = 0
    reproduced: int = 0
    exact: int = 0
    people: int = 0
    people_found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.reproduced / self.rows if self.rows else 1.0


def _norm(text: str) -> str:
    return fold(text).lower().strip()


def _aliases(row: dict[str, str]) -> set[str]:
    return {_norm(a) for a in [row["subject"], *row.get("aliases", "").split(";")] if a.strip()}


def _dims(cell: str) -> set[tuple[str, str]]:
    out = set()
    for item in cell.split(";"):
        key, _, value = item.partition("=")
        if key.strip():
            out.add((key.strip().lower(), _norm(value)))
    return out


def _why(hand: dict[str, str], draft: dict[str, str]) -> str:
    problems = []
    if not (_norm(draft["subject"]) in _aliases(hand) or _norm(hand["subject"]) in
            _aliases(draft)):
        problems.append(f"subject {draft['subject']!r}")
    if _norm(hand["qualifier"]) != _norm(draft["qualifier"]):
        problems.append(f"qualifier {draft['qualifier']!r}")
    if hand["scope"] != draft["scope"]:
        problems.append(f"scope {draft['scope']!r}")
    if _dims(hand.get("dims", "")) != _dims(draft.get("dims", "")):
        problems.append(f"dims {draft.get('dims', '')!r}")
    h, d = _norm(hand["span"]), _norm(draft["span"])
    if not (h in d or d in h):
        problems.append(f"span {draft['span']!r}")
    return ", ".join(problems)


def _value(cell: str) -> float:
    return float(cell.replace(",", ""))


def score_figures(hand: list[dict[str, str]], drafted: list[dict[str, str]], score: Score,
                  ) -> None:
    free = list(drafted)
    for row in hand:
        score.rows += 1
        candidates = [d for d in free if d["passage"] == row["passage"]
                      and _value(d["value"]) == _value(row["value"])]
        ranked = sorted(candidates, key=lambda d: len(_why(row, d)))
        best = ranked[0] if ranked else None
        if best is not None and not _why(row, best):
            free.remove(best)
            score.reproduced += 1
            score.exact += _norm(best["span"]) == _norm(row["span"])
        else:
            why = _why(row, best) if best else "no drafted row with that value"
            score.misses.append(f"{row['id']} ({row['value']} {row['passage']}): {why}")


def _name(text: str) -> str:
    return re.sub(r"^(?:dr|sir|professor|dame|lord|lady|mr|mrs|ms)\s+", "", _norm(text))


def score_people(hand: list[dict[str, str]], drafted: list[dict[str, str]], score: Score,
                 ) -> None:
    names = {_name(p["name"]) for p in drafted}
    for person in hand:
        if person["kind"] != "person":
            continue
        score.people += 1
        if _name(person["name"]) in names:
            score.people_found += 1
        else:
            score.misses.append(f"person {person['name']!r} not drafted")
