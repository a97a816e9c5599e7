"""Follow-ups the parser resolves from the conversation, and the forms of chat lines: the tiny
invented article, no model, no index."""

from __future__ import annotations

import re

import pytest
from support import ROOT

from bot.answer import Answer
from bot.answering.aggregate import AggregateAnswerer
from bot.answering.figure import FigureAnswerer
from bot.answering.own_unknown import OwnUnknownAnswerer
from bot.conversation import Conversation
from bot.corpus import load_corpus
from bot.lookups import Lookups
from bot.question import form_of, read, split_parts, split_trailing
from bot.reading import Parser, Reading

TINY = ROOT / "tests" / "articles" / "tiny-porters"


@pytest.fixture(scope="module")
def look() -> Lookups:
    return Lookups(load_corpus(TINY))


@pytest.fixture(scope="module")
def parser(look: Lookups) -> Parser:
    return Parser(look)


def _read(parser: Parser, text: str, conv: Conversation | None = None) -> Reading:
    return parser.read(read(text, parser.lex.abbreviations), conv or Conversation())


def _turn(*ids: str) -> Answer:
    return Answer("q", "a", False, "figure", focus=ids)


def test_those_two_are_the_last_turns_parts(parser: Parser) -> None:
    # One part a turn: "those two" are the last two, oldest first.
    conv = Conversation(turns=[_turn("eastbay"), _turn("riverside")], focus=("riverside",))
    r = _read(parser, "those two combined vs general?", conv)
    assert [f.id for f in r.subjects] == ["eastbay", "riverside", "general"]
    # A turn naming three is not "those two": nothing is guessed.
    three = Conversation(turns=[_turn("eastbay", "riverside", "general")])
    those = re.search(r"those (two)", "those two")
    assert those is not None and parser._those(those, three) == []  # (the resolver alone)


def test_a_group_by_its_count_is_not_a_figure(parser: Parser) -> None:
    conv = Conversation(turns=[_turn("eastbay", "riverside")], focus=("eastbay", "riverside"))
    r = _read(parser, "avg across the 2?", conv)
    assert r.op == "average" and {f.id for f in r.subjects} == {"eastbay", "riverside"}
    # "of the 4,101" is a figure, not four of something.
    assert not _read(parser, "what % of the 9,000 is that", conv).cues.has("THE_N_GROUP")


def test_how_many_names_a_subject_or_a_noun(parser: Parser) -> None:
    assert _read(parser, "how many eastbay postponed?").noun == ""
    assert _read(parser, "how many eastbay porters walked out?").noun == "porters"
    assert _read(parser, "how many round here?").noun == ""


def test_chat_line_forms() -> None:
    assert form_of("all on the monday??") == "yesno"
    assert form_of("so monday was the worst day yeah? how many") == "yesno"
    assert split_trailing("any more strikes coming?? my son has an appt in march") == (
        "any more strikes coming??", "my son has an appt in march")
    assert split_parts("what about Westfield, how many did they postpone?") == [
        "what about Westfield, how many did they postpone?"]


def test_us_asked_before_the_chat_said_who_us_is(look: Lookups, parser: Parser) -> None:
    asked = OwnUnknownAnswerer(look).run(_read(parser, "how many more did eastbay have than us"),
                                         Conversation())
    assert asked is not None and asked.abstained and "“us”" in asked.answer
    ours = Conversation(own="riverside")
    r = _read(parser, "how many more did eastbay have than us", ours)
    assert OwnUnknownAnswerer(look).run(r, ours) is None
    gap = AggregateAnswerer(look).run(r, ours)
    assert gap is not None and "180" in gap.answer  # 300 − 120


def test_a_person_described_by_what_they_are(parser: Parser) -> None:
    r = _read(parser, "what did the operations director lady say")
    assert [p.id for p in r.people] == ["ann_lee"]


def test_a_count_ahead_is_not_given(look: Lookups, parser: Parser) -> None:
    r = _read(parser, "how many visits are they expecting to postpone on 14 March?")
    answer = FigureAnswerer(look).run(r, Conversation())
    assert answer is not None and answer.abstained
