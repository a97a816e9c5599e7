"""Subjects and people asked for without their names: areas of the whole, the writer's own
subject, people by description, percentage-point gaps and claims heard elsewhere. The parser
and answerers alone, on fixture articles: no model, no index."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT

from bot.answering.aggregate import AggregateAnswerer
from bot.answering.people import PeopleAnswerer, QuotedAnswerer
from bot.conversation import Conversation
from bot.corpus import load_corpus
from bot.errors import SeedError
from bot.lookups import Lookups
from bot.question import read
from bot.reading import Parser, Reading

ARTICLES = ROOT / "tests" / "articles"


def _parser(name: str) -> Parser:
    return Parser(Lookups(load_corpus(ARTICLES / name)))


@pytest.fixture(scope="module")
def tiny() -> Parser:
    return _parser("tiny-porters")


@pytest.fixture(scope="module")
def notts() -> Parser:
    return _parser("notts-resident-doctors")


def _read(parser: Parser, text: str, conv: Conversation | None = None) -> Reading:
    return parser.read(read(text, parser.lex.abbreviations), conv or Conversation())


def test_an_area_of_the_whole_is_asked_for_as_its_parts(tiny: Parser) -> None:
    r = _read(tiny, "the 2 eastshore trusts combined?")
    assert {f.id for f in r.subjects} == {"eastbay", "riverside"} and r.op == "total"
    total = AggregateAnswerer(tiny.look).run(r, Conversation())
    assert total is not None and "420" in total.answer and "Eastshore's two trusts" in total.answer
    # Its number must be the area's: "the 3 eastshore trusts" is not the area.
    assert {f.id for f in _read(tiny, "the 3 eastshore trusts?").subjects} != {
        "eastbay", "riverside"}


def test_one_subject_against_an_area_together(tiny: Parser) -> None:
    conv = Conversation(focus=("general",), subjects=("general",))
    r = _read(tiny, "how many more than the 2 eastshore trusts put together?", conv)
    assert r.sides is not None and r.sides[1].id == "general"
    gap = AggregateAnswerer(tiny.look).run(r, conv)
    assert gap is not None and "80" in gap.answer and "500 − 420 = 80" in gap.answer


def test_an_area_must_name_parts_that_exist(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name in ("article.txt", "figures.csv", "people.csv"):
        (folder / name).write_bytes((ARTICLES / "tiny-porters" / name).read_bytes())
    (folder / "profile.toml").write_text(
        'genre = "nhs-strike"\n[areas.Nowhere]\nparts = ["no_such_trust"]\n')
    with pytest.raises(SeedError, match="no_such_trust"):
        load_corpus(folder)


def test_the_writers_own_subject_is_remembered(tiny: Parser) -> None:
    said = _read(tiny, "we're eastbay - how many did we postpone?")
    assert said.own is not None and said.own.id == "eastbay"
    here = _read(tiny, "riverside here, how many for us?").own
    assert here is not None and here.id == "riverside"
    assert _read(tiny, "how many did eastbay postpone?").own is None
    ours = _read(tiny, "what % of all three is ours?", Conversation(own="eastbay"))
    assert [f.id for f in ours.subjects][:1] == ["eastbay"] and ours.op == "share"
    share = AggregateAnswerer(tiny.look).run(ours, Conversation(own="eastbay"))
    assert share is not None and "300" in share.answer and "32.6%" in share.answer


def test_a_person_described_not_named(notts: Parser) -> None:
    r = _read(notts, "who was the nuh doc quoted")
    assert [p.id for p in r.described] == ["claire_whitmore"]
    quoted = QuotedAnswerer(notts.look).run(r, Conversation())
    assert quoted is not None and "Whitmore" in quoted.answer and "Mackey" not in quoted.answer
    # A person the question names is its object, not its answer.
    assert not _read(notts, "who criticised the health secretary?").described


def test_where_the_article_meets_someone() -> None:
    nurses = _parser("london-nurses")
    r = _read(nurses, "where was she?", Conversation(people=("grace_adeyemi",)))
    where = PeopleAnswerer(nurses.look).run(r, Conversation(people=("grace_adeyemi",)))
    assert where is not None and "picket line outside St Thomas' Hospital" in where.answer
    lives = _read(nurses, "where does she live?", Conversation(people=("grace_adeyemi",)))
    assert PeopleAnswerer(nurses.look).run(lives, Conversation()) is None


def test_a_gap_between_two_percentages_in_points(notts: Parser) -> None:
    r = _read(notts, "gap between what the bma wants and what govt gave, in points?")
    gap = AggregateAnswerer(notts.look).run(r, Conversation())
    assert gap is not None and gap.answer.startswith("23.6 percentage points")
    assert "29% − 5.4% = 23.6" in gap.answer
    assert _read(notts, "how many percentage points is the claim above the award?").noun == ""


def test_a_claim_heard_elsewhere_is_put_as_a_yes_no_question() -> None:
    for said in ("Someone tweeted that Eastbay alone postponed 900 visits. Accurate?",
                 "Claim going round: 'every visit was at Eastbay'. True or false?",
                 "We've seen a graphic saying Eastbay postponed 900. Is that right?"):
        q = read(said)
        assert q.text.startswith("Is it true that") and q.form == "yesno", said


def test_a_bare_why_after_someones_words_is_what_they_say_next() -> None:
    from bot.answer import Answer, Citation
    from bot.answering.people import WhyThatAnswerer

    nurses = _parser("london-nurses")
    said = next(p for p in nurses.look.corpus.passages if "Helena Marsh" in p.text)
    conv = Conversation()
    conv.remember(Answer("who said the toll was greater?", said.sentences[0], False, "passage",
                         (Citation(said.id, said.sentences[0], 1.0),), ()))
    why = WhyThatAnswerer(nurses.look).run(_read(nurses, "why tho?", conv), conv)
    assert why is not None and "never booked" in why.answer
    # Not after a figure, and not a "why" that names what it asks about.
    assert WhyThatAnswerer(nurses.look).run(
        _read(nurses, "why did the nurses go on strike?", conv), conv) is None
