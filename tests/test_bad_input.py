"""Bad input gets a clear message, never a traceback, and the conversation goes on."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation import Conversation

pytestmark = pytest.mark.e2e

ODD = ["", "   \n\t ", "?", "😀🔥", "x" * 10_000, "How many\x00 at\x07 Walsall?\x1b[31m",
       "<script>alert(1)</script>", "Wie viele Termine wurden in Walsall abgesagt?",
       "病院の予約は何件キャンセルされましたか", "Combien de rendez-vous ont été annulés ?",
       "'; DROP TABLE figures; --", "\u202eWalsall\u202c", "hello", "thanks!"]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_input_gets_a_message(engine: Any, text: str) -> None:
    answer = engine.ask(text)
    assert isinstance(answer.answer, str) and answer.answer.strip()
    assert len(answer.answer) < 600
    assert answer.question == text


def test_specific_messages(engine: Any) -> None:
    assert "characters" in engine.ask("x" * 10_000).answer
    assert "English" in engine.ask("Wie viele Termine wurden in Walsall abgesagt?").answer
    assert "question" in engine.ask("😀🔥").answer
    assert engine.ask("").abstained


def test_markup_and_control_characters_are_cleaned_not_refused(engine: Any) -> None:
    assert "750" in engine.ask("<b>How many at Walsall?</b>").answer
    assert "750" in engine.ask("How many\x00 at\x07 Walsall?").answer
    assert "750" in engine.ask("How many at Walsall? 😀").answer
    assert "750" in engine.ask("How many at Walsall? &amp; thanks").answer


def test_bad_input_loses_nothing_in_a_conversation(engine: Any) -> None:
    conversation = Conversation()
    engine.ask("How many at Walsall?", conversation)
    engine.ask("x" * 10_000, conversation)
    engine.ask("", conversation)
    assert "606" in engine.ask("And at Dudley?", conversation).answer
