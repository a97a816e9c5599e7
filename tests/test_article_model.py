"""The article model: speakers, modes, nested quotes and relations on tiny texts, the model
saved with the index, and speech answers end to end on the real articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support import ROOT

from bot.article_model import ArticleModel, build_model, from_json
from bot.corpus import Corpus
from bot.passages import split_passages
from bot.people import Person

PEOPLE = (
    Person("ann", "Ann Lee", "person", "chief nurse", "Union of Testers", "she",
           ("Ann Lee", "Lee", "Ms Lee", "chief nurse"), "p02"),
    Person("bob", "Bob Ray", "person", "Minister for Tests", "the government", "he",
           ("Bob Ray", "Ray", "Mr Ray", "Minister", "the minister"), "p03"),
    Person("tom", "Tom Fox", "person", "co-chair of the union", "Union of Testers", "he",
           ("Tom Fox", "Fox", "co-chairs"), "p05"),
    Person("sue", "Sue Kim", "person", "co-chair of the union", "Union of Testers", "she",
           ("Sue Kim", "Kim", "co-chairs"), "p05"),
    Person("union", "Union of Testers", "organisation", "the union", "Union of Testers",
           "they", ("Union of Testers", "the union"), "p04"),
)


def _model(*lines: str) -> ArticleModel:
    article = "\n".join(("Headline about a test strike", *lines))
    corpus = Corpus(article, split_passages(article, PEOPLE), PEOPLE, ())
    return build_model(corpus)


def _sentence(model: ArticleModel, pid: str, index: int = 0) -> Any:
    return next(s for s in model.sentences if s.passage == pid and s.index == index)


def test_a_quote_after_said_is_direct_and_the_next_paragraph_continues_it() -> None:
    m = _model("Ann Lee, chief nurse, said: \u201cWe kept every ward open all week long.",
               "\u201cWe thank the staff who covered the shifts for us all week.\u201d")
    first, second = _sentence(m, "p02"), _sentence(m, "p03")
    assert (first.speakers, first.mode) == (("ann",), "direct")
    assert (second.speakers, second.mode, second.continues) == (("ann",), "direct", True)


def test_he_said_after_the_quote_names_the_last_man_mentioned() -> None:
    m = _model("Ann Lee said the wards were full.",
               "Minister Bob Ray said it was \"deeply regrettable\" that tests were lost.",
               "\"This walkout hurt many patients and set back our plans,\" he said.")
    assert (_sentence(m, "p02").mode, _sentence(m, "p02").speakers) == ("reported", ("ann",))
    reported = _sentence(m, "p03")
    assert (reported.mode, reported.speakers) == ("reported", ("bob",))
    assert [q.text for q in reported.quotes] == ["deeply regrettable"]
    assert (_sentence(m, "p04").mode, _sentence(m, "p04").speakers) == ("direct", ("bob",))


def test_reported_speech_urged_according_to_and_relative_clauses() -> None:
    m = _model("In response, the Union of Testers urged the minister to 'meet us in good faith'.",
               "According to Ann Lee, the queues were long.",
               "Ann Lee, who had urged the minister to \"act now\", said staff were tired.")
    assert (_sentence(m, "p02").speakers, _sentence(m, "p02").mode) == (("union",), "reported")
    assert _sentence(m, "p03").speakers == ("ann",)
    assert _sentence(m, "p04").speakers == ("ann",)


def test_two_speakers_and_a_quote_inside_their_quote() -> None:
    m = _model("In a joint statement, co-chairs Tom Fox and Sue Kim said: \u201cWe are sorry "
               "for the disruption to patients this week.",
               "\u201cThe minister said in the House of Tests that he recognised \u2018staff are "
               "under pressure\u2019. This is an act of double-speak, given his silence.\u201d")
    opening = _sentence(m, "p02")
    assert set(opening.speakers) == {"tom", "sue"} and opening.mode == "direct"
    nested = _sentence(m, "p03")
    assert set(nested.speakers) == {"tom", "sue"}
    assert nested.nested and nested.nested[0].speakers == ("bob",)
    assert nested.nested[0].text == "staff are under pressure"
    verdict = _sentence(m, "p03", 1)
    assert verdict.relation == "comment"
    assert [c.relation for c in verdict.clauses] == ["reason"]


def test_relation_cues_between_and_inside_sentences() -> None:
    m = _model("Staff are too few and the wards are full.",
               "\u201cThis is why we strike, because the service cannot cope.\u201d",
               "As a result, tests were moved.",
               "The count is high, although the true scale is likely to be higher as many "
               "wards had cut back to minimise late changes.",
               "But the minister has not met the union.")
    assert _sentence(m, "p03").relation == "consequence"
    assert _sentence(m, "p04").relation == "consequence"
    kinds = [c.relation for c in _sentence(m, "p05").clauses]
    assert kinds == ["contrast", "reason", "purpose"]
    assert _sentence(m, "p06").relation == "contrast"


def test_the_model_round_trips_through_json() -> None:
    m = _model("Ann Lee said: \u201cWe kept every ward open all week long, thanks to staff.\u201d")
    assert from_json(m.to_json()) == m


@pytest.mark.e2e
def test_the_model_is_saved_with_the_index_and_checksummed(engine: Any) -> None:
    folder = Path(engine.index.folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert "article_model.json" in manifest["files"]
    saved = from_json((folder / "article_model.json").read_text(encoding="utf-8"))
    assert saved == engine.index.article_model == build_model(engine.corpus)


def _ask(engine: Any, question: str) -> str:
    answer = engine.ask(question)
    assert not answer.abstained, answer.answer
    return str(answer.answer)


@pytest.mark.e2e
def test_speech_answers_on_the_strike_article(engine: Any) -> None:
    nested = _ask(engine, "Who originally said that \"junior doctors have been under "
                          "significant pay pressure and workforce pressure\", and who is quoting?")
    assert "Barclay" in nested and "Commons" in nested and "Trivedi" in nested
    talk = _ask(engine, "Do the BMA co-chairs say they are unwilling to talk to the government?")
    assert talk.startswith("No") and "any time" in talk
    sorry = _ask(engine, "Did Diane Wake say she was sorry to patients?")
    assert sorry.startswith("No") and "Trivedi" in sorry
    thanks = _ask(engine, "Who did Diane Wake thank?")
    assert "volunteers" in thanks and "public" in thanks
    why = _ask(engine, "Why do the figures probably understate the disruption?")
    assert "minimise" in why


@pytest.mark.e2e
def test_speech_answers_on_the_fixture_articles() -> None:
    from bot.engine import load_engine

    nurses = load_engine(ROOT / "tests" / "articles" / "london-nurses")
    said = _ask(nurses, "What did the picket line nurse say?")
    assert "no use" in said and "Adeyemi" in said and "Barclay (" not in said
    other = _ask(nurses, "Did the RCN general secretary say \"Not one of us wanted to be "
                         "standing out here in December\"?")
    assert other.startswith("No") and "Adeyemi" in other
    notts = load_engine(ROOT / "tests" / "articles" / "notts-resident-doctors")
    mode = _ask(notts, "Is Sir Jim Mackey's view given as a direct quotation?")
    assert "Reported speech" in mode and "unacceptable" in mode
    why = _ask(notts, "Why does the BMA reject NHS England's suggestion that most resident "
                      "doctors chose to work?")
    assert "leave" in why and "rotate" in why
