"""Index folder faults: concurrent builds, a busy folder, a file or read-only folder for a
path, a manifest that does not list what the index needs."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from support import ROOT, SEEDS

from bot.corpus import load_corpus
from bot.engine import build, load_engine
from bot.errors import IndexBusy, IndexCorrupt, IndexStale, IndexUnusable
from bot.index_lock import LOCK, STAGING_PREFIX
from bot.index_store import MANIFEST, PASSAGES_FAISS, build_index, load_index

CORPUS = load_corpus(SEEDS)


class SlowFakeEncoder:
    """Deterministic vectors, slowly enough that builds overlap."""

    name = "fake"

    def encode(self, texts: list[str]) -> np.ndarray:
        time.sleep(0.2)
        rng = np.random.default_rng(len(texts))
        vectors = rng.standard_normal((len(texts), 384)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _fake_export(folder: Path, manifest: dict[str, Any]) -> None:
    time.sleep(0.2)
    (folder / "model.onnx").write_bytes(b"onnx" * 100)
    (folder / "tokenizer.json").write_text("{}")
    manifest["onnx"] = {"file": "model.onnx", "tokenizer": "tokenizer.json"}


def _build(folder: Path, notes: list[str] | None = None) -> Any:
    return build_index(CORPUS, SEEDS, folder, SlowFakeEncoder(),
                       progress=(notes.append if notes is not None else lambda _: None),
                       after_write=_fake_export)


def test_concurrent_builds_wait_and_leave_a_complete_folder(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    notes: list[str] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            _build(folder, notes)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert any("waiting for it" in n for n in notes), notes
    assert {p.name for p in folder.iterdir()} >= {MANIFEST, PASSAGES_FAISS, "model.onnx",
                                                  "tokenizer.json"}
    assert not list(folder.glob(STAGING_PREFIX + "*")) and not list(folder.glob("*.tmp"))
    load_index(folder, SEEDS, CORPUS)


def test_a_crashed_builds_staging_folder_is_cleared(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    (folder / f"{STAGING_PREFIX}dead").mkdir(parents=True)
    (folder / f"{STAGING_PREFIX}dead" / PASSAGES_FAISS).write_bytes(b"half")
    _build(folder)
    assert not list(folder.glob(STAGING_PREFIX + "*"))


def test_a_busy_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    monkeypatch.setenv("STRIKEBOT_INDEX_WAIT", "0.3")
    with open(folder / LOCK, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(IndexBusy, match="busy") as caught:
            _build(folder)
    assert "\n" not in str(caught.value)


@pytest.fixture()
def fresh_copy(engine: Any, tmp_path: Path) -> Path:
    """A copy of the built index (the session engine has made sure it exists)."""
    target = tmp_path / "index"
    shutil.copytree(engine.index.folder, target)
    return target


def test_an_index_path_that_is_a_file_is_one_line_at_once(tmp_path: Path) -> None:
    path = tmp_path / "index"
    path.write_text("not a folder")
    notes: list[str] = []
    started = time.perf_counter()
    with pytest.raises(IndexUnusable, match="is a file") as caught:
        load_engine(SEEDS, path, progress=notes.append)
    with pytest.raises(IndexUnusable, match="is a file"):
        build(SEEDS, path, progress=notes.append)
    assert time.perf_counter() - started < 2 and not notes  # no "building it now", no model
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("files", [{}, {PASSAGES_FAISS: "0" * 64}, [], {"../../etc/passwd": "x"}],
                         ids=["empty", "partial", "list", "outside"])
def test_a_manifest_must_list_every_file(fresh_copy: Path, files: Any) -> None:
    manifest = json.loads((fresh_copy / MANIFEST).read_text())
    manifest["files"] = files
    (fresh_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt, match="corrupt") as caught:
        load_index(fresh_copy, SEEDS, CORPUS)
    assert "strikebot index build" in str(caught.value) and "\n" not in str(caught.value)


def test_a_malformed_seed_record_is_stale_not_a_crash(fresh_copy: Path) -> None:
    manifest = json.loads((fresh_copy / MANIFEST).read_text())
    manifest["seeds_sha256"] = ["article.txt"]
    (fresh_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexStale):
        load_index(fresh_copy, SEEDS, CORPUS)


@pytest.fixture()
def shared_tmp() -> Iterator[Path]:
    """A temporary folder another user can enter (pytest's own is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="strikebot-ro-"))
    path.chmod(0o755)
    yield path
    for p in path.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.e2e
def test_a_read_only_folder_that_needs_a_rebuild_is_one_line(engine: Any,
                                                             shared_tmp: Path) -> None:
    seeds = shared_tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "people.csv").write_text((SEEDS / "people.csv").read_text() + "\n")  # now stale
    index = shared_tmp / "index"
    shutil.copytree(engine.index.folder, index)
    for p in [shared_tmp, seeds, *seeds.iterdir()]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    for p in index.iterdir():
        p.chmod(0o444)
    index.chmod(0o555)
    command = [sys.executable, "-m", "bot.cli", "ask", "How many at Walsall?"]
    if os.geteuid() == 0:  # root writes anywhere: ask as nobody
        if not shutil.which("setpriv"):
            pytest.skip("needs setpriv to drop root")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "STRIKEBOT_SEEDS": str(seeds),
                               "STRIKEBOT_INDEX": str(index), "HOME": str(shared_tmp)})
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert "cannot write the index" in done.stderr and "Traceback" not in done.stderr
    assert "building it now" not in done.stderr and "rebuilding" not in done.stderr
    assert time.perf_counter() - started < 30


@pytest.mark.e2e
def test_two_real_index_builds_at_once(tmp_path: Path) -> None:
    """The fault as reported: two `strikebot index build` at once, the ONNX files kept."""
    env = {**os.environ, "STRIKEBOT_INDEX": str(tmp_path / "index")}
    runs = [subprocess.Popen([sys.executable, "-m", "bot.cli", "index", "build"], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("waiting for it" in err for _, err in outputs), outputs
    names = {p.name for p in (tmp_path / "index").iterdir()}
    assert {"model.onnx", "tokenizer.json", MANIFEST} <= names
    check = subprocess.run([sys.executable, "-m", "bot.cli", "index", "check"], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and "onnx" in check.stdout.lower(), check.stdout
    assert "fall" not in check.stdout.lower(), check.stdout


def test_a_reader_waits_for_a_build_under_way(fresh_copy: Path) -> None:
    manifest = (fresh_copy / MANIFEST).read_bytes()
    (fresh_copy / MANIFEST).unlink()  # as while a build renames its files into place
    found: list[Any] = []
    with open(fresh_copy / LOCK, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        reader = threading.Thread(target=lambda: found.append(
            load_index(fresh_copy, SEEDS, CORPUS)))
        reader.start()
        time.sleep(0.5)
        assert reader.is_alive() and not found  # waiting, not "no index"
        (fresh_copy / MANIFEST).write_bytes(manifest)
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    reader.join(10)
    assert found and found[0].passage_ids


@pytest.mark.parametrize("value", [None, "x", -1, [], 10**9, True])
def test_a_malformed_onnx_token_limit_is_a_reason_not_a_crash(fresh_copy: Path,
                                                              value: Any) -> None:
    from bot.onnx_encoder import OnnxEncoder, OnnxUnavailable

    entry = dict(json.loads((fresh_copy / MANIFEST).read_text())["onnx"], max_length=value)
    for verify in (True, False):
        with pytest.raises(OnnxUnavailable, match="max_length"):
            OnnxEncoder.from_manifest(fresh_copy, entry, verify=verify)


@pytest.mark.parametrize("content", ['["p01"]', "{}", '[{"text": "x"}]'])
def test_passages_of_the_wrong_shape_are_corrupt(fresh_copy: Path, content: str) -> None:
    from bot.index_store import PASSAGES_JSON, _sha256

    (fresh_copy / PASSAGES_JSON).write_text(content)
    manifest = json.loads((fresh_copy / MANIFEST).read_text())
    manifest["files"][PASSAGES_JSON] = _sha256(fresh_copy / PASSAGES_JSON)  # checksum agrees
    (fresh_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt, match="not a list of passages"):
        load_index(fresh_copy, SEEDS, CORPUS)
