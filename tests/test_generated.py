"""Many phrasings of the same figure and aggregate questions, generated from templates: the
answers come from the table, so every phrasing must give the same exact figures."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bot.evaluation import judge

pytestmark = pytest.mark.e2e

FIGURES = {"1,169": ["Sandwell", "Sandwell and West Birmingham", "SWBH", "sandwel"],
           "750": ["Walsall", "Walsall Healthcare", "walsall healthcare nhs trust", "Walsal"],
           "606": ["Dudley", "Dudley Group", "the Dudley Group NHS Foundation Trust", "dudly"],
           "1,394": ["Royal Wolverhampton", "Wolverhampton", "RWT", "the Royal Wolves"],
           "4,413": ["UHNM", "University Hospitals of North Midlands", "North Midlands"]}
TEMPLATES = ["How many appointments were cancelled at {t}?", "{t}?",
             "What was the figure for {t}?", "how many appts did {t} lose to the strike",
             "Number of rescheduled appointments at {t}",
             "Can you tell me how many appointments {t} had to reschedule?",
             "{t} cancellations during the junior doctors strike",
             "How many operations and appointments were postponed at {t} last week?",
             "What number of appointments did {t} cancel because of the walkout?",
             "How badly was {t} hit by the strike?"]
VALUES = {"Sandwell": 1169, "Walsall": 750, "Dudley": 606, "Royal Wolverhampton": 1394,
          "UHNM": 4413}
SHORT = {"Sandwell": "Sandwell", "Walsall": "Walsall", "Dudley": "Dudley",
         "Royal Wolverhampton": "Wolverhampton", "UHNM": "North Midlands"}


def _n(value: float) -> str:
    return f"{value:,.0f}"


def test_every_phrasing_of_a_trust_figure(engine: Any) -> None:
    failures = []
    for figure, names in FIGURES.items():
        others = [f for f in FIGURES if f != figure]
        for name, template in itertools.product(names, TEMPLATES):
            q = {"q": template.format(t=name), "must": [[figure]], "must_not": others}
            answer = engine.ask(q["q"])
            verdict = judge(q, answer.answer, answer.abstained)
            if not verdict.ok:
                failures.append(f"{q['q']}: {verdict.why}: {answer.answer[:100]}")
    assert not failures, "\n".join(failures)


def _pair_questions() -> list[tuple[str, list[list[str]]]]:
    cases = []
    for a, b in itertools.permutations(VALUES, 2):
        gap, both = abs(VALUES[a] - VALUES[b]), VALUES[a] + VALUES[b]
        more = VALUES[a] > VALUES[b]
        cases += [
            (f"What is the difference between {a} and {b}?", [[_n(gap)]]),
            (f"How many {'more' if more else 'fewer'} appointments did {a} cancel than {b}?",
             [[_n(gap)]]),
            (f"What is the combined total for {a} and {b}?", [[_n(both)]]),
            (f"Did {a} cancel more appointments than {b}?",
             [[_n(VALUES[a])], [_n(VALUES[b])], ["Yes" if more else "No"]]),
        ]
    order = sorted(VALUES, key=lambda k: -VALUES[k])
    for i, word in enumerate(["", "second ", "third ", "fourth "]):
        cases += [(f"Which trust had the {word}most cancellations?", [[SHORT[order[i]]]]),
                  (f"Which trust had the {word}fewest cancellations?", [[SHORT[order[-1 - i]]]])]
    for a in VALUES:
        share = 100 * VALUES[a] / sum(VALUES.values())
        cases.append((f"What share of the five trusts' cancellations were at {a}?",
                      [[f"{share:.1f}"]]))
    return cases


def test_every_pair_and_rank(engine: Any) -> None:
    failures = []
    for text, must in _pair_questions():
        answer = engine.ask(text)
        verdict = judge({"q": text, "must": must}, answer.answer, answer.abstained)
        if not verdict.ok:
            failures.append(f"{text}: {verdict.why}: {answer.answer[:100]}")
    assert not failures, "\n".join(failures)
