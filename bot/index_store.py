"""The saved index: a folder with FAISS indexes, the passages and a manifest (txtai-style)."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from .article_model import RULES, ArticleModel, build_model, from_json
from .corpus import Corpus, seeds_digest
from .encoder import DIMENSION, MODEL_NAME, Encoder
from .errors import IndexCorrupt, IndexMissing, IndexProblem, IndexStale
from .index_lock import building, check_folder, publish, wait_for_build

FORMAT = 1
MANIFEST = "manifest.json"
PASSAGES_JSON = "passages.json"
PASSAGES_FAISS = "passages.faiss"
SENTENCES_FAISS = "sentences.faiss"
# The article model (bot.article_model): speakers, quotes and relations of every sentence.
# Not required: an older folder without it gets the model built on load (cheap rules, no
# embedding), so no re-embedding is forced; when listed it is checksummed like the others.
ARTICLE_MODEL_JSON = "article_model.json"
REQUIRED_FILES = (PASSAGES_FAISS, SENTENCES_FAISS, PASSAGES_JSON)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class SavedIndex:
    """What answering needs from disk: passage and sentence vectors, and the manifest."""

    folder: Path
    manifest: dict[str, Any]
    passage_ids: tuple[str, ...]
    sentence_keys: tuple[tuple[str, int], ...]  # (passage id, sentence number)
    passage_index: Any  # faiss.IndexFlatIP
    sentence_vectors: np.ndarray
    article_model: ArticleModel | None = None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _faiss() -> Any:
    import faiss

    return faiss


def build_index(corpus: Corpus, seeds: Path, folder: Path, encoder: Encoder,
                progress: Progress = lambda _: None,
                after_write: Callable[[Path, dict[str, Any]], None] | None = None) -> SavedIndex:
    """Embed passages and sentences and write the folder: under its build lock, through a
    staging folder whose files are renamed into place, the manifest last (bot.index_lock).
    A build that had to wait for another one reuses that one's index when it is fresh."""
    with building(folder, progress) as (staging, waited):
        if waited:
            try:
                saved = load_index(folder, seeds, corpus, wait=False)  # we hold the lock
            except IndexProblem:
                pass
            else:
                progress(f"the index in {folder} was just built by another strikebot; using it")
                return saved
        seconds = _write(corpus, seeds, staging, encoder, progress, after_write)
        publish(staging, folder, MANIFEST)
    progress(f"index written to {folder} in {seconds} s")
    return load_index(folder, seeds, corpus)


def _write(corpus: Corpus, seeds: Path, folder: Path, encoder: Encoder, progress: Progress,
           after_write: Callable[[Path, dict[str, Any]], None] | None) -> float:
    """Every file of the index, the manifest last, into folder; the build's seconds."""
    faiss = _faiss()
    started = time.perf_counter()
    progress(f"embedding {len(corpus.passages)} passages")
    passage_vectors = encoder.encode([p.text for p in corpus.passages])
    keys = [(p.id, i) for p in corpus.passages for i in range(len(p.sentences))]
    progress(f"embedding {len(keys)} sentences")
    sentence_vectors = encoder.encode(
        [corpus.passage(pid).sentences[i] for pid, i in keys]  # type: ignore[union-attr]
    )
    progress("writing FAISS indexes")
    for name, vectors in ((PASSAGES_FAISS, passage_vectors), (SENTENCES_FAISS, sentence_vectors)):
        index = faiss.IndexFlatIP(DIMENSION)
        index.add(vectors)
        faiss.write_index(index, str(folder / name))
    passages_doc = [{"id": p.id, "text": p.text, "speakers": list(p.speakers),
                     "sentences": list(p.sentences)} for p in corpus.passages]
    (folder / PASSAGES_JSON).write_text(json.dumps(passages_doc, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
    (folder / ARTICLE_MODEL_JSON).write_text(build_model(corpus).to_json(), encoding="utf-8")
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "model": MODEL_NAME,
        "encoder": encoder.name,
        "dimension": DIMENSION,
        "seeds_sha256": seeds_digest(seeds),
        "passages": len(corpus.passages),
        "sentences": len(keys),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": {name: _sha256(folder / name)
                  for name in (*REQUIRED_FILES, ARTICLE_MODEL_JSON)},
    }
    if after_write is not None:
        after_write(folder, manifest)
    manifest["build_seconds"] = round(time.perf_counter() - started, 2)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return float(manifest["build_seconds"])


def read_manifest(folder: Path, wait: bool = True) -> dict[str, Any]:
    """The manifest; with wait, a manifest missing because a build is under way is waited
    for rather than reported missing."""
    check_folder(folder)
    path = folder / MANIFEST
    if not path.exists() and wait:
        wait_for_build(folder)
    if not path.exists():
        raise IndexMissing(f"no index in {folder} (run `strikebot index build`)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise IndexCorrupt(f"{path} is not valid JSON (run `strikebot index build`)") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise IndexStale(f"{path} is from another version of strikebot "
                         "(run `strikebot index build`)")
    return manifest


def check_fresh(manifest: dict[str, Any], seeds: Path) -> None:
    """Raise IndexStale when the seeds changed since the build."""
    if manifest.get("seeds_sha256") != seeds_digest(seeds):
        recorded = manifest.get("seeds_sha256")
        recorded = recorded if isinstance(recorded, dict) else {}
        changed = [name for name, digest in seeds_digest(seeds).items()
                   if recorded.get(name) != digest]
        raise IndexStale(f"the index is stale: {', '.join(changed) or 'seeds'} changed since "
                         "it was built (run `strikebot index build`)")
    if manifest.get("model") != MODEL_NAME or manifest.get("dimension") != DIMENSION:
        raise IndexStale("the index was built with another model (run `strikebot index build`)")


def _listed_files(folder: Path, manifest: dict[str, Any]) -> dict[str, str]:
    """The manifest's files and checksums: every file the index needs, plain names only."""
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k == Path(k).name and k
            for k, v in files.items()):
        raise IndexCorrupt(f"{folder / MANIFEST} is corrupt: its list of files is malformed "
                           "(run `strikebot index build`)")
    missing = [name for name in REQUIRED_FILES if name not in files]
    if missing:
        raise IndexCorrupt(f"{folder / MANIFEST} is corrupt: it does not list "
                           f"{', '.join(missing)} (run `strikebot index build`)")
    return files


def load_index(folder: Path, seeds: Path, corpus: Corpus, wait: bool = True) -> SavedIndex:
    manifest = read_manifest(folder, wait)
    check_fresh(manifest, seeds)
    files = _listed_files(folder, manifest)
    for name, digest in files.items():
        path = folder / name
        if not path.exists():
            raise IndexMissing(f"{path} is missing (run `strikebot index build`)")
        if _sha256(path) != digest:
            raise IndexCorrupt(f"{path} is corrupt: its checksum does not match the manifest "
                               "(run `strikebot index build`)")
    faiss = _faiss()
    try:
        passage_index = faiss.read_index(str(folder / PASSAGES_FAISS))
        sentence_index = faiss.read_index(str(folder / SENTENCES_FAISS))
        stored = json.loads((folder / PASSAGES_JSON).read_text(encoding="utf-8"))
    except (RuntimeError, ValueError, UnicodeDecodeError) as exc:
        raise IndexCorrupt(f"cannot read the index in {folder}: {exc}") from None
    if not isinstance(stored, list) or not all(isinstance(p, dict) and "id" in p for p in stored):
        raise IndexCorrupt(f"{folder / PASSAGES_JSON} is not a list of passages "
                           "(run `strikebot index build`)")
    ids = tuple(p["id"] for p in stored)
    if ids != tuple(p.id for p in corpus.passages) or passage_index.ntotal != len(ids):
        raise IndexStale(f"the index in {folder} does not match the article's passages "
                         "(run `strikebot index build`)")
    keys = tuple((p.id, i) for p in corpus.passages for i in range(len(p.sentences)))
    if sentence_index.ntotal != len(keys):
        raise IndexStale(f"the index in {folder} does not match the article's sentences "
                         "(run `strikebot index build`)")
    vectors = sentence_index.reconstruct_n(0, sentence_index.ntotal)
    return SavedIndex(folder, manifest, ids, keys, passage_index,
                      np.ascontiguousarray(vectors, dtype=np.float32),
                      _article_model(folder, files, corpus))


def _article_model(folder: Path, files: dict[str, str], corpus: Corpus) -> ArticleModel:
    """The saved article model; built from the corpus when the folder predates it or it
    was written by other rules (it is a matter of milliseconds)."""
    if ARTICLE_MODEL_JSON in files:
        try:
            model = from_json((folder / ARTICLE_MODEL_JSON).read_text(encoding="utf-8"))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise IndexCorrupt(f"{folder / ARTICLE_MODEL_JSON} is not an article model "
                               "(run `strikebot index build`)") from None
        if model.rules == RULES and len(model.sentences) == sum(
                len(p.sentences) for p in corpus.passages):
            return model
    return build_model(corpus)
