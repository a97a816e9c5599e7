"""Numbers in questions: the parser, and the answers that use it (thresholds, premises)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from bot.numbers import Bound, bound, figures
from bot.text import numbers_in


@pytest.mark.parametrize(("text", "values"), [
    ("1,169 at Sandwell; £20,000; 4.2%; 10k and 2 million",
     [1169, 20000, 4.2, 10000, 2_000_000]),
    ("750.5 and 1,168.9", [750.5, 1168.9]),
    ("1.2m, 1.5bn, 3 thousand, 2k", [1_200_000, 1_500_000_000, 3000, 2000]),
    ("https://example.com/article/12345 and www.bbc.co.uk/news/uk-65342", []),
    ("mail a.b99@nhs.uk or see bbc.co.uk/123", []),
    ("on 12/03/2023, 2023-03-12 or 12.03.23", []),
    ("at 10:30, 7am, 4 p.m. or 10.30pm", []),
    ("on 12 March, March 12th, 3rd of April 2023 and in March 2023", []),
    ("the 2nd and 4th trusts", []),
    ("ticket #12345, id 999, ref: 42, version 1.2.3, host 10.0.0.1", []),
    ("call +44 7700 900123", []),
    ("p04 and ABC123 and 123abc", []),
])
def test_digit_figures_and_what_is_not_one(text: str, values: list[float]) -> None:
    assert numbers_in(text) == [float(v) for v in values]


@pytest.mark.parametrize(("text", "value"), [
    ("two thousand", 2000), ("a thousand", 1000), ("seven hundred and fifty", 750),
    ("forty-two", 42), ("one million", 1_000_000), ("four thousand four hundred and thirteen",
                                                    4413)])
def test_number_words(text: str, value: float) -> None:
    assert [n.value for n in figures(text, words=True)] == [value]
    assert numbers_in(text) == []  # digits only unless asked


def test_a_alone_is_no_number() -> None:
    assert figures("a trust and a hospital", words=True) == []


@pytest.mark.parametrize(("text", "inside", "outside", "phrase"), [
    ("more than 1k", [1001, 4413], [1000, 750], "more than 1,000"),
    ("fewer than 750.5", [750, 606], [751, 1169], "fewer than 750.5"),
    ("more than 1,168.9", [1169], [1168], "more than 1,168.9"),
    ("between 600 and 800", [600, 750, 800], [599, 801], "between 600 and 800"),
    ("from 800 to 600", [606, 750], [1169], "between 600 and 800"),
    ("600-800", [606, 750], [1169], "between 600 and 800"),
    ("at least 750", [750, 1169], [606], "at least 750"),
    ("at most 750", [750, 606], [1169], "at most 750"),
    ("750 or more", [750], [606], "750 or more"),
    ("750 or fewer", [750, 606], [1169], "750 or fewer"),
    ("750+", [750, 1169], [606], "750 or more"),
    ("more than two thousand", [4413], [1394], "more than 2,000"),
    ("over 700 but under 1,000", [750], [606, 1169], "over 700 and under 1,000"),
])
def test_bounds(text: str, inside: list[float], outside: list[float], phrase: str) -> None:
    line = bound(text)
    assert isinstance(line, Bound) and line.phrase == phrase
    assert all(line.holds(v) for v in inside) and not any(line.holds(v) for v in outside)


def test_no_bound_without_a_number() -> None:
    assert bound("more than Walsall") is None
    assert bound("see https://x.org/more-than/1000") is None


@pytest.mark.e2e
@pytest.mark.parametrize(("question", "named", "absent", "line"), [
    ("Which trusts had more than 1k cancellations?", ["4,413", "1,394", "1,169"], ["(750)"],
     "more than 1,000"),
    ("Which trusts had fewer than 750.5 cancellations?", ["(750)", "(606)"], ["1,169"],
     "fewer than 750.5"),
    ("Which trusts had more than 1,168.9 cancellations?", ["(1,169)"], ["(750)"],
     "more than 1,168.9"),
    ("Which trusts had between 600 and 800 cancellations?", ["(750)", "(606)"], ["1,169"],
     "between 600 and 800"),
    ("Which trusts had more than two thousand cancellations?", ["4,413"], ["1,394"],
     "more than 2,000"),
    ("Which trusts had 750 or fewer cancellations?", ["(750)", "(606)"], ["1,169"],
     "750 or fewer"),
])
def test_threshold_answers(engine: Any, question: str, named: list[str], absent: list[str],
                           line: str) -> None:
    answer = engine.ask(question).answer
    assert line in answer
    assert all(n in answer for n in named) and not any(a in answer for a in absent), answer
    assert "1,168 " not in answer and "than 1 " not in answer


@pytest.mark.e2e
@pytest.mark.parametrize("tail", ["https://example.com/article/12345", "(ref #8812)",
                                  "at 10:30", "on 12/03/2023", "see bbc.co.uk/news/uk-6534"])
def test_links_dates_and_ids_are_not_figures(engine: Any, tail: str) -> None:
    answer = engine.ask(f"How many at Walsall? {tail}")
    assert "750" in answer.answer and not answer.abstained
    assert "doesn't give the figure" not in answer.answer
    assert not re.search(r"doesn't say how many (?:on|at)\b", answer.answer)


@pytest.mark.e2e
@pytest.mark.parametrize(("question", "start"), [
    ("Did Sandwell cancel more than 1,168.9?", "Yes."),
    ("Did Walsall cancel more than 1,000?", "No."),
    ("Did Dudley cancel at least 606?", "Yes."),
    ("Did UHNM cancel between 4,000 and 5,000?", "Yes."),
    ("Did more than 8.3k get cancelled in the region?", "Yes."),
    ("Were fewer than 8,000 cancelled in the region?", "No."),
    ("Did more than 9k get cancelled in the region?", "The article doesn't say"),
    ("Did the strike last more than 3 days?", "Yes."),
    ("Was the pay demand more than 30%?", "Yes."),
])
def test_yes_no_against_a_line(engine: Any, question: str, start: str) -> None:
    answer = engine.ask(question).answer
    assert answer.startswith(start), answer


def test_units_beside_numbers() -> None:
    assert [n.unit for n in figures("35% and £20,000 and 4 days and 750")] == [
        "%", "£", "days", ""]
    line = bound("more than 30 per cent")
    assert line is not None and line.unit == "%"


@pytest.mark.parametrize("unit", ["a.", "a@", "a-", "1.", "1-", "1,", "1 ", "one ", "+1 ", "1:",
                                  "a.com ", "1.1 ", "more than 1 ", "between 1 and ", "#1-"])
def test_the_parser_is_linear(unit: str) -> None:
    # Four times the text takes about four times as long (a quadratic scan takes sixteen);
    # a ratio of best-of-three runs holds on a loaded machine where a wall-clock bound fails.
    def best(text: str) -> float:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            figures(text, words=True)
            bound(text)
            runs.append(time.perf_counter() - started)
        return min(runs)

    short = best(unit * (5_000 // len(unit)))
    long = best(unit * (20_000 // len(unit)))  # 20 times what a question may hold
    assert long < 8 * short + 0.02, (unit, short, long)
