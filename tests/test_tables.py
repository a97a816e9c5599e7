"""The seed tables load, agree with the article, and a bad row is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SEEDS

from bot.corpus import load_corpus
from bot.errors import SeedError


def test_seeds_load_and_cover_every_figure_in_the_article() -> None:
    corpus = load_corpus(SEEDS)
    stated = {f.id: f.stated for f in corpus.figures}
    assert stated["walsall"] == "750"
    assert stated["sandwell"] == "1,169"
    assert stated["region_total"] == "more than 8,300"
    assert stated["england_total"] == "more than 196,000"
    assert stated["strike_days"] == "four days"
    assert stated["pay_demand"] == "35 per cent"
    assert stated["pay_rise_pounds"] == "£20,000"
    # Every digit-written figure of the article is in the table.
    import re

    in_article = {m.replace(",", "") for m in re.findall(r"\d[\d,]*", corpus.article)}
    in_table = {str(int(f.value)) for f in corpus.figures}
    assert in_article <= in_table


def test_passages_have_stable_ids_and_inherited_speakers() -> None:
    corpus = load_corpus(SEEDS)
    ids = [p.id for p in corpus.passages]
    assert ids[0] == "p01" and ids[-1] == f"p{len(ids):02d}" and len(ids) == 21
    speakers = {p.id: p.speakers for p in corpus.passages}
    assert speakers["p09"] == ("diane_wake",)
    assert speakers["p12"] == ("diane_wake",)  # quote paragraph without a name
    assert speakers["p16"] == ("steve_barclay",)
    assert set(speakers["p21"]) == {"vivek_trivedi", "robert_laurenson"}
    # p20 quotes "The Secretary of State said…" inside the co-chairs' statement.
    assert "steve_barclay" not in speakers["p20"]
    assert speakers["p04"] == ()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "problem"), [
    (",750,750,", ",751,751,", "does not hold the figure"),
    (",750,750,", ",750,seven hundred,", "does not show the value"),
    (",750,750,", ",x,750,", "is not a number"),
    ("750 at Walsall Healthcare NHS Trust", "750 at Walsall General", "does not occur"),
    (",p04,750 at", ",p99,750 at", "passage 'p99' is not in the article"),
    ("\nwalsall,", "\nsandwell,", "duplicate id"),
    (",part,the four-day strike last week,p04,750",
     ",county,the four-day strike last week,p04,750", "scope must be one of"),
])
def test_bad_figure_rows_name_file_line_and_problem(seeds_copy: Path, old: str, new: str,
                                                    problem: str) -> None:
    _edit(seeds_copy / "figures.csv", old, new)
    with pytest.raises(SeedError) as caught:
        load_corpus(seeds_copy)
    message = str(caught.value)
    assert "figures.csv:4" in message
    assert problem in message


def test_a_row_with_too_few_cells_is_reported(seeds_copy: Path) -> None:
    path = seeds_copy / "figures.csv"
    path.write_text(path.read_text(encoding="utf-8") + "broken,row\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"figures\.csv:\d+: expected 12 cells, found 2"):
        load_corpus(seeds_copy)


def test_missing_column_and_missing_file(seeds_copy: Path) -> None:
    _edit(seeds_copy / "people.csv", "pronoun,", "pronown,")
    with pytest.raises(SeedError, match=r"people\.csv:1: header lacks column\(s\): pronoun"):
        load_corpus(seeds_copy)
    (seeds_copy / "figures.csv").unlink()
    (seeds_copy / "people.csv").write_text((SEEDS / "people.csv").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    with pytest.raises(SeedError, match="figures.csv: file not found"):
        load_corpus(seeds_copy)


def test_person_not_in_article_is_rejected(seeds_copy: Path) -> None:
    path = seeds_copy / "people.csv"
    path.write_text(path.read_text(encoding="utf-8")
                    + "x,Rishi Sunak,person,PM,Gov,he,Sunak,p01\n", encoding="utf-8")
    with pytest.raises(SeedError, match="does not occur in the article"):
        load_corpus(seeds_copy)


# Refusals at loading (issue 8): each a `file:line: problem`.
@pytest.mark.parametrize(("table", "old", "new", "line", "problem"), [
    # A span holding another trust's number: Walsall = 606, "606 at Dudley ...".
    ("figures.csv", "rescheduled,750,750,appointments,,part,the four-day strike last week,p04,"
     "750 at Walsall Healthcare NHS Trust", "rescheduled,606,606,appointments,,part,the "
     "four-day strike last week,p04,606 at Dudley Group NHS Foundation Trust", 4,
     "names 'Dudley Group NHS Foundation Trust', not the row's subject "
     "'Walsall Healthcare NHS Trust'"),
    # ... or a span cut short of the other trust's name: Walsall = 606 with the span "606".
    ("figures.csv", "rescheduled,750,750,appointments,,part,the four-day strike last week,p04,"
     "750 at Walsall Healthcare NHS Trust", "rescheduled,606,606,appointments,,part,the "
     "four-day strike last week,p04,606", 4,
     "span '606' stops short of the subject its sentence gives it, 'Dudley Group NHS "
     "Foundation Trust', not the row's 'Walsall Healthcare NHS Trust'"),
    # One alias on two subjects.
    ("figures.csv", "Walsall;Walsall Healthcare;", "Walsall;Dudley;Walsall Healthcare;", 5,
     "alias 'Dudley' of 'Dudley Group NHS Foundation Trust' is also an alias of 'Walsall"),
    # A person introduced at a passage the article does not have.
    ("people.csv", "elective care lead for the Black Country,p09",
     "elective care lead for the Black Country,p42", 2,
     "introduced at passage 'p42', which the article does not have (p01-p21)"),
    # Control characters in any cell: NUL in a subject, a newline in an alias, DEL, a tab.
    ("figures.csv", "\nwalsall,Walsall Healthcare NHS Trust,",
     "\nwalsall,Walsall Healthcare\x00 NHS Trust,", 4,
     "column 'subject' holds the control character U+0000"),
    ("people.csv", "Diane Wake;Wake;", '"Diane Wake;\nWake";', 2,
     "column 'aliases' holds the control character U+000A"),
    ("people.csv", ",she,Diane Wake", ",she\x7f,Diane Wake", 2,
     "column 'pronoun' holds the control character U+007F"),
    ("figures.csv", ",750,750,", ",750,750\t,", 4,
     "column 'display' holds the control character U+0009"),
])
def test_loading_refuses_with_file_line_and_problem(seeds_copy: Path, table: str, old: str,
                                                    new: str, line: int, problem: str) -> None:
    _edit(seeds_copy / table, old, new)
    with pytest.raises(SeedError) as caught:
        load_corpus(seeds_copy)
    assert str(caught.value).startswith(f"{seeds_copy / table}:{line}: "), caught.value
    assert problem in str(caught.value)


@pytest.mark.parametrize("table", ["figures.csv", "people.csv"])
def test_a_table_saved_with_a_byte_order_mark_loads(seeds_copy: Path, table: str) -> None:
    path = seeds_copy / table
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    corpus = load_corpus(seeds_copy)
    assert {f.id for f in corpus.figures} >= {"walsall", "region_total"}
    assert corpus.people[0].id == "diane_wake"


def test_a_span_naming_its_own_subject_beside_another_still_loads(seeds_copy: Path) -> None:
    """Cumulative spans ('NUH postponed 2,408 appointments and SFH 1,221') name their own
    subject; the refusal is only for a span that names another one instead."""
    _edit(seeds_copy / "figures.csv", ",p04,750 at Walsall Healthcare NHS Trust",
          ",p04,750 at Walsall Healthcare NHS Trust; 606 at Dudley Group NHS Foundation Trust")
    assert load_corpus(seeds_copy).figures[2].value == 750
