"""Groups of subjects in a computation: which side of a comparison each one stands on, and
which parts already contain others (a trust is inside its region's total)."""

from __future__ import annotations

import re

from .aggregates import Result, group_versus, groups_versus
from .figures import Figure
from .lexicon import Lexicon
from .resolve import AliasMatcher, tokens

# The word that divides "A … than B and C together" into its two sides.
PIVOT = re.compile(r"^(?:than|versus|vs|against|compared|or)$")
# Scopes and what each one's total contains.
CONTAINS = {"national": ("whole", "part"), "whole": ("part",)}


def sides(text: str, matcher: AliasMatcher, by_id: dict[str, Figure]
          ) -> tuple[list[Figure], list[Figure]] | None:
    """The subjects before and after 'than' / 'versus' (each in order), or None when the
    question has no such word or one side names nothing."""
    found = split_at_pivot(text, matcher, by_id)
    if found is None:
        return None
    before, after, _ = found
    return (before, after) if before and after else None


def split_at_pivot(text: str, matcher: AliasMatcher, by_id: dict[str, Figure]
                   ) -> tuple[list[Figure], list[Figure], list[str]] | None:
    """The subjects before and after 'than' / 'versus', and the words before it; None when
    the question has no such word."""
    words = tokens(text)
    pivot = next((i for i, w in enumerate(words) if PIVOT.match(w)), None)
    if pivot is None:
        return None
    before: list[Figure] = []
    after: list[Figure] = []
    for mention in matcher.find(text):
        figure = by_id[mention.key]
        side = before if mention.start < pivot else after
        if figure not in before and figure not in after:
            side.append(figure)
    return before, after, words[:pivot]


def group_and_single(text: str, matcher: AliasMatcher, by_id: dict[str, Figure]
                     ) -> tuple[list[Figure], Figure, bool] | None:
    """'UHNM … more than Walsall and Dudley together': the group, the single subject, and
    whether the group comes first in the question."""
    found = sides(text, matcher, by_id)
    if found is None:
        return None
    before, after = found
    if len(before) >= 2 and len(after) == 1:
        return before, after[0], True
    if len(before) == 1 and len(after) >= 2:
        return after, before[0], False
    return None


def versus_together(split: tuple[list[Figure], Figure, bool] | None, named: list[Figure],
                    way: str, yes_no: bool, lex: Lexicon) -> Result:
    """'Did UHNM have more than Walsall and Dudley together?': the pair the question groups
    against the one it doesn't (`split`, from `group_and_single`), with a verdict for a
    yes/no question."""
    if split is None:
        *group, single = named
        asked = "" if not yes_no else ("group more" if way == "most" else "group fewer")
        return group_versus(group, single, asked, names=lex.among(group))
    group, single, first = split
    more = way == "most"
    asked = "" if not yes_no else ("group more" if more == first else "group fewer")
    return group_versus(group, single, asked, group_first=first, names=lex.among(group))


def disjoint(parts: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """Parts to add up, and the parts left out because another part's total contains them
    (a trust beside its region is counted once, in the region)."""
    scopes = {f.scope for f in parts}
    inside = [f for f in parts if any(f.scope in CONTAINS.get(s, ()) for s in scopes)]
    return [f for f in parts if f not in inside], inside


def contained_note(inside: list[Figure], kept: list[Figure]) -> str:
    """' (Walsall Healthcare NHS Trust is part of Staffordshire and the Black Country, so it
    is not counted twice.)'"""
    if not inside:
        return ""
    container = next(f for f in kept if any(g.scope in CONTAINS.get(f.scope, ()) for g in inside))
    names = " and ".join(f.subject for f in inside)
    verb = "is" if len(inside) == 1 else "are"
    pronoun = "it is" if len(inside) == 1 else "they are"
    return (f" {names} {verb} part of {container.subject}'s figure, so {pronoun} not counted "
            "twice.")


def total_with_contained(kept: list[Figure], inside: list[Figure]) -> Result:
    """'Walsall and the region together': the region's figure, Walsall not added again."""
    stated = " and ".join(f"“{f.stated}” for {f.subject} ({f.passage})" for f in kept)
    each = "; ".join(f"{f.subject}: {f.stated} ({f.passage})" for f in inside)
    return Result(f"The article gives {stated}; {each}.{contained_note(inside, kept)}",
                  (*kept, *inside))


def both_together(split: tuple[tuple[Figure, ...], tuple[Figure, ...]], way: str, yes_no: bool,
                  lex: Lexicon) -> Result:
    """'GSTT and Imperial combined vs GOSH and the Marsden combined': each side added up and
    set against the other, with a verdict for a yes/no question."""
    first, second = split
    asked = "" if not yes_no else ("first more" if way == "most" else "first fewer")
    return groups_versus(list(first), list(second), asked, lex.among(first), lex.among(second))
