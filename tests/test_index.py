"""The saved index: built on first use, stale seeds detected and rebuilt, corruption reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import SEEDS

from bot.corpus import load_corpus
from bot.engine import build, load_engine
from bot.errors import IndexCorrupt, IndexMissing, IndexStale
from bot.index_store import MANIFEST, PASSAGES_FAISS, load_index

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("idx")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    messages: list[str] = []
    build(seeds, root / "index", progress=messages.append)
    assert any("embedding" in m for m in messages)  # progress is shown
    return seeds, root / "index"


@pytest.fixture()
def copy(built: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    seeds, index = built
    shutil.copytree(seeds, tmp_path / "seeds")
    shutil.copytree(index, tmp_path / "index")
    return tmp_path / "seeds", tmp_path / "index"


def test_manifest_describes_the_build(built: tuple[Path, Path]) -> None:
    _, index = built
    manifest = json.loads((index / MANIFEST).read_text())
    assert manifest["model"] == "all-MiniLM-L6-v2" and manifest["dimension"] == 384
    assert manifest["passages"] == 21
    assert set(manifest["seeds_sha256"]) == {"article.txt", "figures.csv", "people.csv",
                                             "profile.toml"}
    assert manifest["built_at"] and manifest["build_seconds"] < 120


def test_changed_seeds_make_the_index_stale(copy: tuple[Path, Path]) -> None:
    seeds, index = copy
    figures = seeds / "figures.csv"
    figures.write_text(figures.read_text().replace("Walsall Manor", "") + "\n")
    with pytest.raises(IndexStale, match="figures.csv changed"):
        load_index(index, seeds, load_corpus(seeds))


def test_stale_index_is_rebuilt_on_use(copy: tuple[Path, Path]) -> None:
    seeds, index = copy
    people = seeds / "people.csv"
    people.write_text(people.read_text() + "\n")
    notes: list[str] = []
    engine = load_engine(seeds, index, progress=notes.append)
    assert any("stale" in n for n in engine.notices)
    assert "750" in engine.ask("How many at Walsall?").answer
    load_index(index, seeds, load_corpus(seeds))  # fresh again


def test_missing_index_is_built_on_first_use(built: tuple[Path, Path], tmp_path: Path) -> None:
    seeds, _ = built
    with pytest.raises(IndexMissing):
        load_engine(seeds, tmp_path / "none", rebuild=False)
    engine = load_engine(seeds, tmp_path / "none")
    assert (tmp_path / "none" / MANIFEST).exists()
    assert "606" in engine.ask("Dudley cancellations").answer


@pytest.mark.parametrize("damage", ["garbage", "truncate", "manifest"])
def test_corrupt_index_is_a_clear_error(copy: tuple[Path, Path], damage: str) -> None:
    seeds, index = copy
    if damage == "garbage":
        (index / PASSAGES_FAISS).write_bytes(b"not a faiss index")
    elif damage == "truncate":
        data = (index / PASSAGES_FAISS).read_bytes()
        (index / PASSAGES_FAISS).write_bytes(data[: len(data) // 2])
    else:
        (index / MANIFEST).write_text("{ this is not json")
    with pytest.raises(IndexCorrupt) as caught:
        load_engine(seeds, index)
    assert "strikebot index build" in str(caught.value)
    assert "\n" not in str(caught.value)
