"""The parser alone, and the answerers alone: a tiny invented article, no model, no index.

The parser turns a question into one Reading; the answerers (bot/answering/) take only that
Reading, never the question's text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from support import ROOT

from bot.answer import Answer
from bot.answering.aggregate import AggregateAnswerer
from bot.answering.described import DescribedAnswerer
from bot.answering.figure import FigureAnswerer
from bot.answering.other_figure import OtherFigureAnswerer
from bot.answering.own_unknown import OwnUnknownAnswerer
from bot.answering.people import PeopleAnswerer
from bot.answering.timing import TimingAnswerer
from bot.article_model import build_model
from bot.conversation import Conversation
from bot.corpus import load_corpus
from bot.cues import Cues
from bot.lookups import Lookups
from bot.question import form_of, read, split_parts, split_trailing
from bot.reading import Parser, Reading
from bot.rules import QUESTION_RULES

TINY = ROOT / "tests" / "articles" / "tiny-porters"


@pytest.fixture(scope="module")
def look() -> Lookups:
    return Lookups(load_corpus(TINY))


@pytest.fixture(scope="module")
def parser(look: Lookups) -> Parser:
    return Parser(look)


def _read(parser: Parser, text: str, conv: Conversation | None = None) -> Reading:
    return parser.read(read(text, parser.lex.abbreviations), conv or Conversation())


def test_subjects_by_name_by_description_and_excluded(parser: Parser) -> None:
    r = _read(parser, "How many did Eastbay postpone?")
    assert [f.id for f in r.subjects] == ["eastbay"] and r.op is None
    assert r.cues.has("count_cues")  # "postpone": the article's counting verb
    assert _read(parser, "how many porters went on strike?").noun == "porters"
    listed = _read(parser, "what about the trust listed second?")
    assert [f.id for f in listed.subjects] == ["eastbay"] and listed.positional
    others = _read(parser, "total for the trusts other than Riverside")
    assert others.op == "total" and [f.id for f in others.excluded] == ["riverside"]
    # An area left out is its parts; an area's total is asked for as its parts.
    rest = _read(parser, "total excl the east lot?")
    assert [f.id for f in rest.excluded] == ["eastbay", "riverside"]
    assert [f.id for f in _read(parser, "eastshore total?").subjects] == ["eastbay", "riverside"]
    # A word of one part's name alone ("the foundation trust") describes that part.
    word = _read(parser, "is eastbay the foundation trust?")
    assert [(f.id, w) for f, w in word.by_word] == [("riverside", "foundation trust")]


def test_operation_and_its_parameters(parser: Parser) -> None:
    r = _read(parser, "Which trust had the second fewest?")
    assert r.op == "extreme" and r.direction == "fewest" and r.ordinal == 2
    line = _read(parser, "Did every trust postpone more than 200?")
    assert line.op == "threshold" and line.line is not None and line.line.holds(300)
    assert line.cues.has("EVERY") and line.cues.has("CLAIM_START")
    assert _read(parser, "rank them from the fewest").cues.has("ASCENDING")


def test_claim_wording_is_read_once(parser: Parser) -> None:
    r = _read(parser, "Were all of the visits at Northshire General?")
    assert r.q.form == "yesno" and r.cues.has("ALL_OF")
    assert _read(parser, "what was demanded?").modality == "demanded"
    assert _read(parser, "what would they get?").cues.has("HYPOTHETICAL")


def test_speakers_people_and_other_staff(parser: Parser) -> None:
    r = _read(parser, "What did Ann Lee say about the patients?")
    assert [p.id for p in r.speakers] == ["ann_lee"] and r.cues.has("SPEECH_Q")
    assert _read(parser, "What did the prime minister say?").unknown_speaker
    nurses = _read(parser, "How many visits were postponed in the nurses' strike?")
    assert nurses.other_staff == "nurses" and nurses.other_strike and not nurses.staff_named
    assert nurses.restaffed is not None and "porters" in nurses.restaffed.text


def test_follow_up_takes_the_conversation(parser: Parser) -> None:
    conv = Conversation(focus=("general",), subjects=("general",))
    r = _read(parser, "and eastbay?", conv)
    assert [f.id for f in r.subjects] == ["eastbay"] and r.cues.has("FOLLOWUP")
    gap = _read(parser, "gap?", Conversation(focus=("general", "eastbay"),
                                             earlier_focus=("general",)))
    assert gap.op == "difference" and {f.id for f in gap.subjects} == {"general", "eastbay"}


def test_outline_splits_parts_and_preambles(parser: Parser) -> None:
    parts = parser.outline("(a) How many did Eastbay postpone, and (b) who is Ann Lee?")
    assert len(parts.parts) == 2
    note = parser.outline("[Editor's note: Eastbay postponed 900.] How many did Eastbay postpone?")
    assert note.asked is not None and note.note
    assert parser.outline("thanks!").small_talk == "thanks"
    assert parser.outline("").problem


def test_a_rule_name_nobody_defined_is_an_error() -> None:
    cues = Cues.find(QUESTION_RULES, "which one", "which one")
    assert cues.has("WHICH")
    with pytest.raises(KeyError):
        cues.has("NO_SUCH_RULE")


def test_answerers_run_on_a_reading_alone(look: Lookups, parser: Parser) -> None:
    conv = Conversation()
    most = AggregateAnswerer(look).run(_read(parser, "which trust postponed the most?"), conv)
    assert most is not None and "Northshire General Hospital NHS Trust" in most.answer
    assert "500" in most.answer
    total = AggregateAnswerer(look).run(_read(parser, "Eastbay and Riverside combined?"), conv)
    assert total is not None and "420" in total.answer and "300 + 120" in total.answer
    one = FigureAnswerer(look).run(_read(parser, "How many visits did Riverside postpone?"), conv)
    assert one is not None and "120" in one.answer and one.answer.startswith("Riverside")
    claim = DescribedAnswerer(look).run(_read(parser, "is eastbay the foundation trust?"), conv)
    assert claim is not None and claim.answer.startswith("No: Riverside Children's NHS "
                                                         "Foundation Trust is the foundation")
    role = PeopleAnswerer(look).run(_read(parser, "Who is Ann Lee?"), conv)
    assert role is not None and "director of operations" in role.answer


def test_answerers_never_read_the_question_text() -> None:
    """The Reading is all an answerer sees: no `.low` or `.text` of a question (`q`, `r.q`)
    in bot/answering/ or the composer; `q.raw` is echoed back in the Answer only."""
    found = []
    files = [*sorted((ROOT / "bot" / "answering").glob("*.py")), ROOT / "bot" / "composer.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in ("low", "text") and (
                    isinstance(node.value, ast.Name) and node.value.id == "q" or
                    isinstance(node.value, ast.Attribute) and node.value.attr == "q"):
                found.append(f"{Path(path).name}:{node.lineno}: .{node.attr}")
    assert not found, "\n".join(found)


def test_when_the_event_happened_is_read_and_answered(look: Lookups, parser: Parser) -> None:
    times = _read(parser, "strike start n end times?")
    assert times.timing == {"clock", "dates"} and times.timing_only
    assert _read(parser, "next ones?").timing == {"next"}
    assert not _read(parser, "which trust postponed the most?").timing
    when = TimingAnswerer(look)
    conv = Conversation()
    clock = when.run(times, conv)
    assert clock is not None and "7am to 7pm" in clock.answer and "(p05)" in clock.answer
    ahead = when.run(_read(parser, "when is the next strike?"), conv)
    assert ahead is not None and "14 March" in ahead.answer
    # A time asked about something other than the event is not the event's time …
    assert when.run(_read(parser, "when will the visits be rebooked?"), conv) is None
    # … but a speaker's words about when are hers, and say whether she gave a date.
    said = TimingAnswerer(look, build_model(look.corpus)).run(
        _read(parser, "did Ann Lee give a date for seeing patients?"), conv)
    assert said is not None and said.answer.startswith("No date: Ann Lee said:")
    assert "within a fortnight" in said.answer


def test_a_part_of_a_whole_gives_the_rest_and_the_whole(look: Lookups, parser: Parser) -> None:
    other = OtherFigureAnswerer(look)
    conv = Conversation()
    struck = other.run(_read(parser, "how many hospitals were out?"), conv)
    assert struck is not None and struck.answer.startswith("3")
    conv.remember(struck)
    out_of = other.run(_read(parser, "out of?", conv), conv)
    assert out_of is not None and "3 of 7" in out_of.answer and "42.9%" in out_of.answer
    rest = other.run(_read(parser, "how many hospitals did not take part?"), conv)
    assert rest is not None and "7 − 3 = 4" in rest.answer
    every = other.run(_read(parser, "Did porters at every hospital take part?"), conv)
    assert every is not None and every.answer.startswith("No: 3 of 7")


def test_a_role_claimed_for_someone_is_checked_against_theirs(look: Lookups,
                                                              parser: Parser) -> None:
    people = PeopleAnswerer(look)
    conv = Conversation()
    wrong = people.run(_read(parser, "Is Ann Lee the trusts' director of finance and operations?"),
                       conv)
    assert wrong is not None and wrong.answer.startswith("No: Ann Lee is the")
    right = people.run(_read(parser, "Is Ann Lee the trusts' director of operations?"), conv)
    assert right is not None and right.answer.startswith("Yes: Ann Lee is the")


def test_every_rule_is_defined_once() -> None:
    """A rule named twice in rules.py silently replaces the first (and every cue of it)."""
    names = [t.id for node in ast.parse((ROOT / "bot" / "rules.py").read_text()).body
             if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)]
    assert not sorted({n for n in names if names.count(n) > 1})


@pytest.mark.e2e
def test_a_place_claimed_for_a_part_is_checked_against_who_runs_it() -> None:
    from bot.engine import load_engine

    engine = load_engine(ROOT / "tests" / "articles" / "notts-resident-doctors")
    wrong = engine.ask("kings mill is an NUH hosp right?")
    assert wrong.answer.startswith("No: King's Mill is run by Sherwood Forest")
    assert wrong.answer.endswith("not Nottingham University Hospitals NHS Trust (p06).")
    right = engine.ask("is newark one of sfh's hospitals too?")
    assert right.answer.startswith("Yes: Newark is run by Sherwood Forest")


# Follow-ups the parser resolves from the conversation, and the forms of chat lines.

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
