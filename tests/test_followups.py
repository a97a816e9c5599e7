"""Follow-up questions resolve against earlier turns of the same conversation."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation import Conversation

pytestmark = pytest.mark.e2e


def _chat(engine: Any, *questions: str) -> list[Any]:
    conversation = Conversation()
    return [engine.ask(q, conversation) for q in questions]


def test_figure_follow_ups(engine: Any) -> None:
    answers = _chat(engine, "How many at Walsall?", "And at Dudley?",
                    "What about Royal Wolverhampton?", "And the fewest?")
    assert "750" in answers[0].answer
    assert "606" in answers[1].answer and "750" not in answers[1].answer
    assert "1,394" in answers[2].answer and "606" not in answers[2].answer
    assert answers[3].answer.startswith("Dudley")


def test_difference_against_the_previous_subject(engine: Any) -> None:
    answers = _chat(engine, "How many at Sandwell?", "How many more than Walsall?")
    assert "419" in answers[1].answer


def test_pronoun_follow_ups(engine: Any) -> None:
    answers = _chat(engine, "What is Diane Wake's role?", "What did she say about patients?")
    assert "Diane Wake" in answers[1].answer
    assert answers[1].citations[0].passage in {"p09", "p10", "p11", "p12"}
    answers = _chat(engine, "Who is the Health and Social Care Secretary?",
                    "What did he say about the BMA?")
    assert "Barclay" in answers[1].answer
    assert answers[1].citations[0].passage in {"p13", "p14", "p15", "p16"}


def test_subset_follow_ups(engine: Any) -> None:
    answers = _chat(engine, "How many appointments were cancelled at Walsall and Dudley?",
                    "Which one had more?", "What is that combined?")
    assert answers[1].answer.startswith("Walsall")
    assert "1,356" in answers[2].answer


def test_conversations_do_not_leak(engine: Any) -> None:
    first, second = Conversation(), Conversation()
    engine.ask("How many at Walsall?", first)
    answer = engine.ask("How many more than Dudley?", second)
    assert "144" not in answer.answer


def test_pronoun_without_referent_asks_who(engine: Any) -> None:
    answer = _chat(engine, "What did she say?")[0]
    assert answer.abstained and "Who do you mean" in answer.answer


def test_a_workplace_line_makes_that_trust_ours(engine: Any) -> None:
    answers = _chat(engine, "divisional mgr at walsall healthcare. how many did we lose?",
                    "did we have more than dudley?", "and the next biggest above us?", "diff?",
                    "where does that put us vs the others")
    assert "750" in answers[0].answer
    assert answers[1].answer.startswith("Yes") and "144" in answers[1].answer
    assert answers[2].answer.startswith("Sandwell") and "1,169" in answers[2].answer
    assert "419" in answers[3].answer
    assert "ranks" in answers[4].answer


def test_an_area_left_out_and_an_area_against_england(engine: Any) -> None:
    rest, versus = _chat(engine, "total excl the stoke lot?",
                         "whats the black country total vs england")
    assert "3,919" in rest.answer and "4,413" not in rest.answer
    assert "3,919" in versus.answer and "192,081" in versus.answer


def test_a_figure_broken_down_by_day(engine: Any) -> None:
    from support import ROOT

    from bot.engine import load_engine

    nurses = load_engine(ROOT / "tests" / "articles" / "london-nurses")
    imperial, split = _chat(nurses, "imperial?", "was that split over both days or")
    assert "1,191" in imperial.answer
    assert split.answer.startswith("No") and "none" in split.answer
