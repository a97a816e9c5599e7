"""Groups of subjects in computations: sums over the base, the right pair grouped, no trust
counted twice beside its region."""

from __future__ import annotations

from typing import Any

import pytest
from support import SEEDS

from bot import aggregates, groups
from bot.corpus import load_corpus
from bot.lexicon import Lexicon

CORPUS = load_corpus(SEEDS)
BY_ID = {f.id: f for f in CORPUS.figures}
TRUSTS = [f for f in CORPUS.figures if f.scope == "part"]
LEX = Lexicon(CORPUS.profile, TRUSTS, CORPUS.people, "p04")


def test_share_of_a_group_is_its_sum_over_the_base_in_parentheses() -> None:
    result = aggregates.share([BY_ID["walsall"], BY_ID["dudley"]], TRUSTS, LEX)
    assert "(750 + 606) ÷ 8,332" in result.text and "16.27%" in result.text
    assert "About 16.3%" in result.text


def test_disjoint_keeps_a_trust_out_of_its_region() -> None:
    kept, inside = groups.disjoint([BY_ID["walsall"], BY_ID["region_total"]])
    assert kept == [BY_ID["region_total"]] and inside == [BY_ID["walsall"]]
    assert "not counted twice" in groups.contained_note(inside, kept)
    assert groups.disjoint([BY_ID["walsall"], BY_ID["dudley"]]) == (
        [BY_ID["walsall"], BY_ID["dudley"]], [])



@pytest.mark.e2e
@pytest.mark.parametrize(("question", "expected", "wrong"), [
    ("What share of the five trusts' cancellations were at Walsall and Dudley together?",
     ["16.3%", "(750 + 606) ÷ 8,332"], ["80.8", "123.8"]),
    ("What percentage of the region's cancellations were at Walsall and Dudley?",
     ["16.3%", "(750 + 606) ÷ 8,332"], ["80.8"]),
    ("What share of the five trusts' cancellations were UHNM and Sandwell?",
     ["67.0%", "(4,413 + 1,169) ÷ 8,332"], ["377.5", "26.5"]),
    ("What share of England's cancellations were at Walsall and in the region?",
     ["4.2%", "not counted twice"], ["9,050", "750 + 8,300", "4.6"]),
])
def test_group_shares(engine: Any, question: str, expected: list[str], wrong: list[str]
                      ) -> None:
    answer = engine.ask(question).answer
    assert all(e in answer for e in expected), answer
    assert not any(w in answer for w in wrong), answer


@pytest.mark.e2e
@pytest.mark.parametrize(("question", "verdict", "expected"), [
    ("Did UHNM have more than Walsall and Dudley together?", "Yes", ["1,356", "3,057"]),
    ("Did UHNM have fewer than Walsall and Dudley together?", "No", ["1,356", "3,057"]),
    ("How many more did UHNM have than Walsall and Dudley together?", "", ["3,057"]),
    ("Did Walsall and Dudley together have more than Sandwell?", "Yes", ["1,356", "187"]),
    ("Did Sandwell cancel fewer than Walsall and Dudley combined?", "Yes", ["1,356", "187"]),
    ("Did Walsall and Dudley combined cancel more than Royal Wolverhampton?", "No",
     ["1,356", "38"]),
])
def test_the_right_pair_is_grouped(engine: Any, question: str, verdict: str,
                                   expected: list[str]) -> None:
    answer = engine.ask(question).answer
    assert answer.startswith(verdict), answer
    assert all(e in answer for e in expected), answer
    assert "5,163" not in answer and "4,557" not in answer  # UHNM + Walsall grouped: wrong


@pytest.mark.e2e
@pytest.mark.parametrize(("question", "expected"), [
    ("What's the combined total of Walsall and the region?", "“more than 8,300”"),
    ("What is Walsall plus England?", "“more than 196,000”"),
])
def test_a_trust_is_never_added_to_a_total_that_contains_it(engine: Any, question: str,
                                                            expected: str) -> None:
    answer = engine.ask(question).answer
    assert expected in answer and "not counted twice" in answer, answer
    assert "9,050" not in answer and "196,750" not in answer


@pytest.mark.e2e
def test_the_five_trusts_share_of_england(engine: Any) -> None:
    answer = engine.ask("What proportion of England's total was at the five trusts?").answer
    assert "(1,169 + 750 + 606 + 1,394 + 4,413) ÷ 196,000" in answer and "4.25%" in answer
