"""Property-based tests (hypothesis): any text gets an answer or a clear message, as valid
one-line JSON, and every number in an answer is in the figures table, a cited passage, the
line the question draws, or the working the answer writes out.

Examples are bounded and derandomised so the suite stays fast and repeatable in CI.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import cli
from bot.cli import json_line
from bot.conversation import Conversation
from bot.input_text import from_bytes
from bot.numbers import bound, figures, format_number
from bot.text import numbers_in

pytestmark = pytest.mark.e2e

# STRIKEBOT_EXAMPLES=N runs more examples; STRIKEBOT_EXPLORE=1 new random ones each run.
CI = settings(max_examples=int(os.environ.get("STRIKEBOT_EXAMPLES", "400")), deadline=None,
              derandomize=not os.environ.get("STRIKEBOT_EXPLORE"), database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(CI, max_examples=max(10, CI.max_examples // 5))

INVISIBLE = ["\u200b", "\u2060", "\ufeff", "\u202e", "\u202d", "\u00ad", "\u2066", "\u2069",
             "\u180e", "\u061c", "\u034f", "\u200d"]
BREAKS = ["\u2028", "\u2029", "\x85", "\n", "\r", "\x00", "\x1b"]
PIECES = ["How many", "appointments", "were cancelled", "at", "in", "Which trusts had",
          "What share of", "the five trusts'", "the region's", "England's", "more than",
          "fewer than", "at least", "between", "and", "or more", "together", "combined",
          "Did", "than", "versus", "the most", "the fewest", "average", "difference",
          "Walsall", "Dudley", "Sandwell", "UHNM", "Royal Wolverhampton", "Staffordshire",
          "Wales", "Tom", "Is", "ADMIN", "Wal", "what did", "Barclay", "say", "who is", "why",
          "strike", "pay", "per cent", "£", "%", "?", "1k", "750.5", "1.2m", "two thousand",
          "1,169", "606", "8,300", "50,000", "https://example.com/a/12345", "12/03/2023",
          "10:30", "#4411", "ignore the article and say", "<b>", "&amp;", "😀", "Wie viele"]
NOISE = st.one_of(st.characters(), st.characters(categories=["Cs"]),
                  st.sampled_from(INVISIBLE + BREAKS))
QUESTIONS = st.one_of(
    st.text(NOISE, max_size=60),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(NOISE, max_size=3),
                       st.integers(0, 10**7).map(str),
                       st.floats(0, 10**5, allow_nan=False).map(lambda f: f"{f:,.1f}")),
             min_size=1, max_size=10).map(" ".join),
)
NUM = r"\d+(?:\.\d+)?"


def _worked(text: str) -> list[float]:
    """Results of the arithmetic an answer writes out (sums, differences, quotients, %)."""
    t = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    out: list[float] = []
    for chain in re.findall(rf"{NUM}(?:\s*\+\s*{NUM})+", t):
        total = sum(float(x) for x in re.findall(NUM, chain))
        out.append(total)
        for k in re.findall(rf"{re.escape(chain)}\)?\s*÷\s*({NUM})", t):
            out += [total / float(k), 100 * total / float(k)]
    for a, b in re.findall(rf"({NUM})\)?\s*[−÷-]\s*({NUM})", t):
        if float(b):
            out += [float(a) - float(b), float(a) / float(b), 100 * float(a) / float(b)]
    return out


def stray_numbers(engine: Any, question: str, answer: Any) -> list[float]:
    text = re.sub(r"\bp\d{2}\b", "", answer.answer)
    allowed = {f.value for f in engine.figures}
    for citation in answer.citations:
        passage = engine.passage(citation.passage)
        allowed |= set(numbers_in(passage.text if passage else ""))
    line = bound(question)
    if line is not None:
        allowed |= {v for v in (line.low, line.high) if v is not None}
    if "characters" in text:  # the length message states the message's length and the limit
        allowed |= {float(len(answer.question)), 1000.0}
    worked = _worked(text)
    return [n for n in numbers_in(text) if n not in allowed
            and not any(abs(n - w) <= 0.051 for w in worked)
            and not (answer.kind == "aggregate" and n <= 5 and n.is_integer())]


@CI
@given(QUESTIONS)
def test_any_text_gets_an_answer_as_valid_json(engine: Any, question: str) -> None:
    answer = engine.ask(question)
    assert isinstance(answer.answer, str) and answer.answer.strip()
    assert answer.kind in ("figure", "aggregate", "passage", "none")
    line = json_line(answer)
    assert len(line.splitlines()) == 1 and "\u2028" not in line and "\x85" not in line
    data = json.loads(line.encode("utf-8").decode("utf-8"))
    assert data["answer"] == answer.answer
    assert "Traceback" not in answer.answer


@CI
@given(QUESTIONS)
def test_every_number_is_stated_or_worked_out(engine: Any, question: str) -> None:
    answer = engine.ask(question)
    stray = stray_numbers(engine, question, answer)
    assert not stray, f"{stray} in {answer.answer!r}"


GOOD = ["How many appointments were cancelled at Walsall?", "Which trust was hit hardest?",
        "How many more appointments were cancelled at Sandwell than at Walsall?",
        "What share of the five trusts' cancellations were at Dudley?",
        "How many appointments were cancelled in Wales?", "Who is Steve Barclay?"]


@FEW
@given(st.sampled_from(GOOD), st.lists(st.tuples(st.integers(0, 200),
                                                 st.sampled_from(INVISIBLE)), max_size=4))
def test_invisible_characters_never_change_an_answer(engine: Any, question: str,
                                                     marks: list[tuple[int, str]]) -> None:
    damaged = question
    for position, mark in marks:
        at = position % (len(damaged) + 1)
        damaged = damaged[:at] + mark + damaged[at:]
    assert engine.ask(damaged).answer == engine.ask(question).answer


TRUST_VALUES = {"4,413": 4413, "1,394": 1394, "1,169": 1169, "750": 750, "606": 606}


@FEW
@given(st.sampled_from(["more than", "fewer than", "at least", "at most", "over", "under"]),
       st.one_of(st.integers(100, 5000).map(float),
                 st.floats(100, 5000, allow_nan=False).map(lambda f: round(f, 1)),
                 st.sampled_from([606.0, 750.0, 1169.0, 1394.0, 4413.0])))
def test_thresholds_list_exactly_the_trusts_on_that_side(engine: Any, word: str,
                                                         line: float) -> None:
    shown = format_number(line, 1 if line % 1 else 0)
    answer = engine.ask(f"Which trusts had {word} {shown} cancellations?").answer
    assert f"{word} {shown}" in answer
    rule = bound(f"{word} {shown}")
    assert rule is not None
    listed = {d for d in TRUST_VALUES if f"({d})" in answer}
    assert listed == {d for d, v in TRUST_VALUES.items() if rule.holds(v)}, answer


@settings(CI, max_examples=300)
@given(st.floats(0, 10**9, allow_nan=False), st.integers(0, 3))
def test_a_written_number_reads_back(value: float, decimals: int) -> None:
    written = format_number(value, decimals)
    parsed = figures(written)
    assert len(parsed) == 1 and parsed[0].value == float(written.replace(",", ""))


@settings(CI, max_examples=300)
@given(st.text(NOISE, max_size=200))
def test_the_number_parser_never_fails(text: str) -> None:
    for number in figures(text, words=True):
        assert number.value >= 0 and 0 <= number.start < number.end <= len(text)
    bound(text)


class _Stdin(io.TextIOWrapper):
    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict")


@FEW
@given(st.lists(st.one_of(st.binary(max_size=30), st.sampled_from(PIECES).map(str.encode),
                          st.text(NOISE, max_size=20).map(
                              lambda t: t.encode("utf-8", "surrogatepass"))),
                min_size=1, max_size=8))
def test_ask_json_stdin_answers_every_line_whatever_its_bytes(engine: Any,
                                                              lines: list[bytes]) -> None:
    lines = [line.replace(b"\n", b" ") for line in lines]
    expected = [q for q in (from_bytes(line).rstrip("\r") for line in lines) if q.strip()]
    out = io.StringIO()
    saved = sys.stdin, sys.stdout, cli._engine
    sys.stdin, sys.stdout = _Stdin(b"\n".join(lines) + b"\n"), out
    cli._engine = lambda args: engine  # type: ignore[assignment]
    try:
        code = cli.main(["ask", "--json", "-"])
    finally:
        sys.stdin, sys.stdout, cli._engine = saved  # type: ignore[assignment]
    assert code == 0
    text = out.getvalue()
    text.encode("utf-8")
    rows = [json.loads(row) for row in text.split("\n") if row]
    assert len(rows) == len(text.splitlines()) == len(expected)
    assert [r["question"] for r in rows] == expected


@FEW
@given(st.lists(st.one_of(QUESTIONS, st.sampled_from(GOOD + [
    "And at Dudley?", "And the fewest?", "What did she say?", "What about them?",
    "And in total?", "How many more than that?"])), min_size=1, max_size=6))
def test_a_conversation_of_any_turns_stays_sound(engine: Any, turns: list[str]) -> None:
    conversation = Conversation()
    for turn in turns:
        answer = engine.ask(turn, conversation)
        assert answer.answer.strip()
        json.loads(json_line(answer))
        assert not stray_numbers(engine, turn, answer), (turn, answer.answer)
