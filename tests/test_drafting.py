"""Drafting an article's tables from its text (issue 8): measured against the three
hand-checked tables, and `strikebot article add` / `list` through the command line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, read_jsonl

from bot import cli
from bot.corpus import load_corpus
from bot.drafting.draft import draft_article
from bot.drafting.measure import Score, score_figures, score_people
from bot.evaluation import judge

HAND_CHECKED = [ROOT / "seeds" / "junior-doctors-strike",
                ROOT / "tests" / "articles" / "london-nurses",
                ROOT / "tests" / "articles" / "notts-resident-doctors"]
GENRES = ROOT / "seeds" / "genres"
# What the drafter reaches on the hand-checked tables; the floors only go up.
FIGURE_FLOOR = 0.95


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _score(folder: Path) -> Score:
    draft = draft_article((folder / "article.txt").read_text(encoding="utf-8"), GENRES)
    score = Score()
    score_figures(_rows(folder / "figures.csv"), draft.figure_rows(), score)
    score_people(_rows(folder / "people.csv"), draft.people_rows(), score)
    return score


@pytest.mark.parametrize("folder", HAND_CHECKED, ids=lambda p: p.name)
def test_drafts_reproduce_the_hand_checked_tables(folder: Path) -> None:
    score = _score(folder)
    print(f"{folder.name}: {score.reproduced}/{score.rows} figure rows reproduced "
          f"({score.share:.0%}; span to the letter {score.exact}), quoted people "
          f"{score.people_found}/{score.people}")
    assert score.share >= FIGURE_FLOOR, score.misses
    assert score.people_found == score.people, score.misses


# Articles written (and their tables checked by hand) after the rules, to try them on phrasings
# the three articles lack; what the drafter reproduced of them at first sight, before the rules
# they showed missing were added to rules.py and the genre's drafting data:
#   west-yorkshire-consultants: 8/15 rows ("out of", an offer, a region named "in ...", "318 of
#     the cancellations were inpatient procedures", a union named by its abbreviation only)
#   greater-manchester-nurses: 6/12 rows, 1/2 people (a trust named "A, B and C NHS Foundation
#     Trust", strike days not dated, an earlier round after its figure, "wants a rise of",
#     "their pay fall by", "the chief nurse, Janet Lloyd, said")
LATER = ["west-yorkshire-consultants", "greater-manchester-nurses"]


@pytest.mark.parametrize("name", LATER)
def test_articles_written_after_the_rules_are_drafted_too(name: str) -> None:
    data = ROOT / "tests" / "data" / "drafting"
    draft = draft_article((data / f"{name}.txt").read_text(encoding="utf-8"), GENRES)
    score = Score()
    score_figures(_rows(data / f"{name}.figures.csv"), draft.figure_rows(), score)
    score_people(_rows(data / f"{name}.people.csv"), draft.people_rows(), score)
    print(f"{name}: {score.reproduced}/{score.rows}, people {score.people_found}/"
          f"{score.people}")
    assert score.share >= FIGURE_FLOOR and score.people_found == score.people, score.misses


def test_a_union_named_only_by_its_abbreviation_is_drafted_as_written() -> None:
    text = (ROOT / "tests" / "data" / "drafting" / "west-yorkshire-consultants.txt").read_text(
        encoding="utf-8")
    rows = draft_article(text, GENRES).people_rows()
    assert any(p["name"] == "BMA" and p["kind"] == "organisation" for p in rows)


def test_all_three_together_reach_the_issue_s_share() -> None:
    scores = [_score(f) for f in HAND_CHECKED]
    rows, reproduced = sum(s.rows for s in scores), sum(s.reproduced for s in scores)
    print(f"all: {reproduced}/{rows} = {reproduced / rows:.1%}")
    assert reproduced / rows >= FIGURE_FLOOR


@pytest.mark.parametrize("folder", HAND_CHECKED, ids=lambda p: p.name)
def test_drafted_tables_load_as_written(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / folder.name
    target.mkdir()
    shutil.copy(folder / "article.txt", target / "article.txt")
    draft = draft_article((folder / "article.txt").read_text(encoding="utf-8"), GENRES)
    (target / "figures.csv").write_text(draft.figures_csv(), encoding="utf-8")
    (target / "people.csv").write_text(draft.people_csv(), encoding="utf-8")
    (target / "profile.toml").write_text(draft.profile_toml(), encoding="utf-8")
    corpus = load_corpus(target)
    assert len(corpus.figures) == len(draft.figures)
    assert corpus.profile.status == "draft"
    assert corpus.profile.examples and corpus.profile.about


def test_dimensions_and_rounds_are_drafted_with_aliases() -> None:
    folder = ROOT / "tests" / "articles" / "notts-resident-doctors"
    draft = draft_article((folder / "article.txt").read_text(encoding="utf-8"), GENRES)
    profile = draft.profile_toml()
    assert '"Monday 28 July" = ["monday"' in profile
    assert "[dimensions.type]" in profile and "[dimensions.round]" in profile
    assert '"March 2023" = ["march 2023", "march"' in profile
    rows = {(r["value"], r["dims"]) for r in draft.figure_rows()}
    assert ("250", "day=Tuesday 29 July;type=outpatient") in rows  # "SFH 24 and 250 respectively"
    assert ("198", "round=March 2023") in rows  # "the two trusts postponed 2,574 and 198"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


ARTICLE = (ROOT / "seeds" / "junior-doctors-strike" / "article.txt").read_text(encoding="utf-8")


def test_article_add_drafts_checks_and_reviews(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "new.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    into = tmp_path / "articles"
    code, out, err = _run(capsys, "article", "add", str(source), "--into", str(into),
                          "--no-index")
    assert code == 0, err
    folder = into / "junior-doctor-strike-cancellations"  # the name comes from the headline
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt", "figures.csv",
                                                        "people.csv", "profile.toml"]
    assert 'status = "draft"' in (folder / "profile.toml").read_text(encoding="utf-8")
    # The review: each figure with subject, measure, qualifier, dims and verbatim span; each
    # person with role and where introduced; what could not be placed.
    assert "more than 8,300 — Staffordshire and the Black Country" in out
    assert "750 — Walsall Healthcare NHS Trust — appointments rescheduled (part), p04: " \
           "\u201c750 at Walsall Healthcare NHS Trust\u201d" in out
    assert "Steve Barclay (person, Health and Social Care Secretary), introduced at p13" in out
    assert "could not place" in out
    assert load_corpus(folder).figures[0].stated == "more than 8,300"

    code, out, _ = _run(capsys, "article", "list", "--into", str(into))
    assert code == 0
    assert out.startswith("junior-doctor-strike-cancellations\tJunior doctor strike led to")
    assert "figures 10\tpeople" in out and "index missing\tdraft" in out


def test_article_add_again_updates_the_draft_and_says_what_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "new.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    into = tmp_path / "articles"
    assert _run(capsys, "article", "add", str(source), "--into", str(into), "--name", "jd",
                "--no-index")[0] == 0
    source.write_text(ARTICLE.replace("750 at Walsall", "751 at Walsall"), encoding="utf-8")
    code, out, _ = _run(capsys, "article", "add", str(source), "--into", str(into), "--name",
                        "jd", "--no-index")
    assert code == 0
    assert out.startswith(f"updated {into / 'jd'}")
    assert "article: passage(s) p04 changed" in out
    assert "figure changed: walsall: value '750' -> '751'" in out
    assert "751 at Walsall Healthcare NHS Trust" in (into / "jd" / "figures.csv").read_text(
        encoding="utf-8")
    # Unchanged, it says so.
    code, out, _ = _run(capsys, "article", "add", str(source), "--into", str(into), "--name",
                        "jd", "--no-index")
    assert "nothing changed in the tables" in out


def test_a_reviewed_article_is_not_redrafted(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds" / "junior-doctors-strike", into / "jd")
    code, _, err = _run(capsys, "article", "add", str(into / "jd" / "article.txt"), "--into",
                        str(into), "--name", "jd", "--no-index")
    assert code == 2
    assert "holds a reviewed article" in err and err.count("\n") == 1


def test_an_article_without_figures_is_refused_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bakery.txt"
    source.write_text("Local bakery wins award\nThe bakery on High Street won a prize, its "
                      "owner said.\n", encoding="utf-8")
    code, _, err = _run(capsys, "article", "add", str(source), "--into", str(tmp_path / "a"),
                        "--no-index")
    assert code == 2 and "found no figures" in err and "nothing written" in err
    assert not (tmp_path / "a").exists() or not any((tmp_path / "a").iterdir())


@pytest.mark.parametrize(("argv", "problem"), [
    (("article", "add", "/nonexistent/file.txt"), "no such article file"),
    (("article", "add"), "needs the PATH"),
    (("article", "list", "--into", "/nonexistent/dir"), "no such folder"),
])
def test_article_usage_errors_are_one_line(argv: tuple[str, ...], problem: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 2 and problem in err and err.count("\n") == 1


@pytest.mark.e2e
def test_added_article_is_indexed_and_answers_at_once(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      ) -> None:
    """The README's two commands: add, then ask with --article."""
    source = tmp_path / "nurses.txt"
    shutil.copy(ROOT / "tests" / "articles" / "london-nurses" / "article.txt", source)
    into = tmp_path / "articles"
    code, out, _ = _run(capsys, "article", "add", str(source), "--into", str(into), "--name",
                        "nurses")
    assert code == 0 and "index: built" in out
    code, out, _ = _run(capsys, "article", "list", "--into", str(into))
    assert "index fresh\tdraft" in out
    code, out, _ = _run(capsys, "ask", "--article", str(into / "nurses"),
                        "How many did Great Ormond Street postpone?")
    assert code == 0 and "620" in out


def _eval(folder: Path, questions: Path) -> int:
    from bot.engine import load_engine

    engine = load_engine(folder)
    return sum(judge(q, (a := engine.ask(q["q"])).answer, a.abstained).ok
               for q in read_jsonl(questions))


@pytest.mark.e2e
@pytest.mark.parametrize(("hand", "questions"), [
    (ROOT / "tests" / "articles" / "london-nurses",
     ROOT / "tests" / "articles" / "london-nurses" / "questions.jsonl"),
    (ROOT / "tests" / "articles" / "notts-resident-doctors",
     ROOT / "tests" / "articles" / "notts-resident-doctors" / "questions.jsonl"),
    (ROOT / "seeds" / "junior-doctors-strike", ROOT / "tests" / "data" / "own_questions.jsonl"),
], ids=["london-nurses", "notts-resident-doctors", "junior-doctors-strike"])
def test_drafted_tables_answer_within_five_points_of_the_hand_checked(
        hand: Path, questions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "article", "add", str(hand / "article.txt"), "--into",
                        str(tmp_path), "--name", "drafted")
    assert code == 0, err
    drafted, checked = _eval(tmp_path / "drafted", questions), _eval(hand, questions)
    total = len(read_jsonl(questions))
    print(f"{hand.name}: drafted {drafted}/{total}, hand-checked {checked}/{total}")
    assert drafted >= checked - 5


def test_profile_status_defaults_to_reviewed() -> None:
    corpus: Any = load_corpus(ROOT / "seeds" / "junior-doctors-strike")
    assert corpus.profile.status == "reviewed"
