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
