"""The engine: seeds + index + encoder behind one `ask()`; knows nothing of front ends."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from . import paths
from .answer import Answer
from .composer import Composer
from .conversation import Conversation
from .corpus import Corpus, load_corpus
from .encoder import Encoder, SentenceTransformerEncoder
from .errors import IndexMissing, IndexStale
from .figures import Figure
from .index_lock import ensure_writable
from .index_store import SavedIndex, build_index, load_index
from .passages import Passage
from .profile import Profile
from .query_encoder import query_encoder
from .retrieval import Retriever

Progress = Callable[[str], None]


class Engine:
    def __init__(self, corpus: Corpus, index: SavedIndex, encoder: Encoder,
                 notices: tuple[str, ...] = ()) -> None:
        self.corpus = corpus
        self.index = index
        self.encoder = encoder
        self.notices = notices
        self.retriever = Retriever(corpus, index, encoder)
        self.composer = Composer(corpus, self.retriever)
        # Conversations are per chat, but one engine serves many threads: guard each chat.
        self._lock = threading.Lock()

    @property
    def profile(self) -> Profile:
        return self.corpus.profile

    def greeting(self) -> str:
        """The hello a front end shows first: what the article is, with example questions."""
        return self.composer.lex.greeting()

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.corpus.figures

    def passage(self, pid: str) -> Passage | None:
        return self.corpus.passage(pid)

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        answer = self.composer.answer(question, conversation)
        if conversation is not None:
            conversation.remember(answer)
        return answer


def build(seeds: Path | None = None, index: Path | None = None,
          progress: Progress = lambda _: None) -> SavedIndex:
    """Rebuild the index folder from the seeds with the reference encoder."""
    from .onnx_export import export_for_index

    seeds = seeds or paths.seeds_dir()
    folder = index or paths.index_dir(seeds)
    corpus = load_corpus(seeds)
    ensure_writable(folder)  # before the model loads: a bad folder is one line, at once
    progress("loading the embedding model (sentence-transformers)")
    encoder = SentenceTransformerEncoder()
    return build_index(corpus, seeds, folder, encoder, progress,
                       after_write=lambda f, m: export_for_index(encoder, f, m, progress))


def load_engine(seeds: Path | None = None, index: Path | None = None,
                progress: Progress = lambda _: None, rebuild: bool = True) -> Engine:
    """Load the engine; a missing or stale index is rebuilt (or reported when rebuild=False)."""
    seeds = seeds or paths.seeds_dir()
    folder = index or paths.index_dir(seeds)
    corpus = load_corpus(seeds)
    notices: list[str] = []
    try:
        saved = load_index(folder, seeds, corpus)
    except (IndexMissing, IndexStale) as problem:
        if not rebuild:
            raise
        ensure_writable(folder)  # a folder that can't be rebuilt says so, not "building it"
        notice = f"{problem}; rebuilding it now" if isinstance(problem, IndexStale) else (
            f"no index yet in {folder}; building it now")
        progress(notice)
        notices.append(notice)
        saved = build(seeds, folder, progress)
    encoder, fallback = query_encoder(folder, saved.manifest)
    if fallback:
        notices.append(fallback)
    return Engine(corpus, saved, encoder, tuple(notices))
