"""Any article: the same engine serves every article folder, and no article's facts are in
bot/ code. The fixture articles in tests/articles/ are answered end to end."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import tokenize
import tomllib
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, read_jsonl

from bot.evaluation import judge

ARTICLES = ROOT / "tests" / "articles"
FOLDERS = sorted([*ARTICLES.iterdir(), *(p for p in (ROOT / "seeds").iterdir()
                                         if (p / "article.txt").exists())])
# First-sight scores of the public question sets when each article arrived (tests/data/README.md);
# the floors only go up.
FLOORS = {"london-nurses": 29, "notts-resident-doctors": 30}
# Words of subject names that every article of the genre uses: not facts of one article.
GENRE_NAME_WORDS = {"nhs", "trust", "trusts", "foundation", "hospital", "hospitals",
                    "university", "healthcare", "group", "the", "of", "and", "for", "royal",
                    "college", "health", "england", "national", "government", "secretary",
                    "care", "social", "medical", "association", "british", "committee", "dr",
                    "sir", "chief", "executive", "doctors", "junior", "resident", "nursing",
                    "children", "london", "state", "bosses", "region", "in", "two", "four",
                    "five", "this", "year", "years", "s", "strike", "pay", "union", "bma", "rcn"}


def _engine(name: str) -> Any:
    from bot.engine import load_engine

    return load_engine(ARTICLES / name)


@pytest.fixture(scope="module", params=sorted(FLOORS))
def article(request: pytest.FixtureRequest) -> tuple[str, Any]:
    return request.param, _engine(request.param)


@pytest.mark.e2e
def test_fixture_articles_answer_their_questions(article: tuple[str, Any]) -> None:
    name, engine = article
    questions = read_jsonl(ARTICLES / name / "questions.jsonl")
    verdicts = [judge(q, (a := engine.ask(q["q"])).answer, a.abstained) for q in questions]
    right = sum(v.ok for v in verdicts)
    misses = "\n".join(f"  {v.id}: {v.question} ({v.why})" for v in verdicts if not v.ok)
    print(f"{name}: {right}/{len(verdicts)}\n{misses}")
    assert right >= FLOORS[name], misses


@pytest.mark.e2e
def test_fixture_answers_speak_of_their_own_article(article: tuple[str, Any]) -> None:
    """No copy of the strike article leaks into another article's answers."""
    name, engine = article
    strike = tomllib.loads((ROOT / "seeds" / "junior-doctors-strike" / "profile.toml")
                           .read_text(encoding="utf-8"))
    texts = [engine.greeting(), engine.ask("How many patients died?").answer,
             engine.ask("How many appointments were cancelled in Wales?").answer,
             engine.ask("Which trust had the most?").answer, engine.ask("What is a hat?").answer]
    joined = " ".join(texts)
    for word in ("Staffordshire", "Walsall", "Barclay said", "five trusts",
                 strike["staff"][0]):
        assert word not in joined, (word, texts)
    assert engine.profile.about in texts[0]


def test_dimensioned_rows_are_read_from_the_question() -> None:
    engine = _engine("notts-resident-doctors")
    assert "320" in engine.ask("NUH outpatients on Monday").answer
    summed = engine.ask("How many did NUH rebook on the Monday?").answer
    assert "20" in summed and "320" in summed and "340" in summed
    assert "69" in engine.ask("How many inpatient procedures did Sherwood Forest rebook?").answer
    assert "2,408" in engine.ask("NUH in the April 2023 strike?").answer


def test_a_value_left_out_of_a_partition_is_worked_out_and_used() -> None:
    engine = _engine("london-nurses")
    day2 = engine.ask("England on the second strike day?").answer
    assert "13,797" in day2 and "29,576 − 15,779 = 13,797" in day2
    gap = engine.ask("Across England, how many more were postponed on the first strike day "
                     "than on the second?").answer
    assert "1,982" in gap and "29,576 − 15,779" in gap
    # One part's rows are not the whole's: only Imperial has figures for 20 December.
    assert engine.ask("the four London trusts on 20 December?").abstained


def test_a_claim_over_every_day_is_checked_cell_by_cell() -> None:
    engine = _engine("notts-resident-doctors")
    every = engine.ask("True or false: NUH rebooked at least one patient on every day of the "
                       "walkout from Friday to Tuesday.").answer
    assert every.startswith("False — No:") and "Saturday 26 July: 0" in every
    assert "65 − 12 − 1 − 20 − 32 = 0" in every  # the day the article leaves out, worked out
    neither = engine.ask("Is it correct that neither trust rebooked any patients on the "
                         "Saturday?").answer
    assert neither.startswith("No:") and "Sherwood Forest" in neither and ": 5" in neither


def test_the_article_is_chosen_by_option_or_environment(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "HOME": str(tmp_path)}
    folder = str(ARTICLES / "london-nurses")
    by_option = subprocess.run([sys.executable, "-m", "bot.cli", "figures", "--article", folder,
                                "--json"], capture_output=True, text=True, env=env, cwd=ROOT,
                               timeout=60)
    assert by_option.returncode == 0 and "1,948" in by_option.stdout
    by_env = subprocess.run([sys.executable, "-m", "bot.cli", "source", "p04"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={**env, "STRIKEBOT_ARTICLE": folder})
    assert by_env.returncode == 0 and "Guy's and St Thomas'" in by_env.stdout
    wrong = subprocess.run([sys.executable, "-m", "bot.cli", "figures", "--article", "nope"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert wrong.returncode == 2 and "no article 'nope'" in wrong.stderr
    assert "Traceback" not in wrong.stderr


STRINGS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def _code_strings_and_names() -> list[tuple[str, int, str]]:
    """Every string literal (docstrings aside) and name in bot/, with file and line."""
    out = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text()).readline))
        previous = tokenize.NEWLINE
        for tok in tokens:
            docstring = previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.NL,
                                     tokenize.DEDENT)
            if tok.type in STRINGS and not docstring or tok.type == tokenize.NAME:
                out.append((path.name, tok.start[0], tok.string))
            if tok.type not in (tokenize.COMMENT, tokenize.NL):
                previous = tok.type
    return out


def _facts(folder: Path) -> set[str]:
    """What belongs to one article: its names, figures, passage ids and domain nouns."""
    facts: set[str] = set()
    figures = list(csv.DictReader((folder / "figures.csv").open(encoding="utf-8-sig")))
    people = list(csv.DictReader((folder / "people.csv").open(encoding="utf-8-sig")))
    names = [r["subject"] for r in figures] + [r["name"] for r in people]
    for name in names:
        facts |= {w for w in re.findall(r"[A-Z][a-z]{3,}", name) if w.lower() not in
                  GENRE_NAME_WORDS}
    facts |= {r["display"] for r in figures if re.search(r"\d{4}|\d,\d|[1-9]\d[1-9]|[1-9][1-9]0",
                                                         r["display"])}
    facts |= {r["passage"] for r in figures if r["passage"] != "p01"}
    profile = tomllib.loads((folder / "profile.toml").read_text(encoding="utf-8"))
    facts |= {profile["counted"], profile["part"], profile["parts"], *profile["staff"]}
    return facts


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_no_article_fact_is_written_into_bot_code(folder: Path) -> None:
    found = []
    code = _code_strings_and_names()
    for fact in sorted(_facts(folder)):
        # Proper names as written; domain nouns and ids in any case.
        flags = 0 if fact[:1].isupper() else re.I
        pattern = re.compile(rf"(?<![\w]){re.escape(fact)}(?![\w])", flags)
        found += [f"{name}:{line}: {fact!r}" for name, line, text in code
                  if pattern.search(text)]
    assert not found, "\n".join(found)
