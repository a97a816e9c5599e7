"""Errors strikebot raises on purpose: one base class whose message is shown to the user."""

from __future__ import annotations


class StrikebotError(Exception):
    """Base class: the message is meant for the user, one line, no traceback."""

    exit_code = 1


class UsageError(StrikebotError):
    """The user asked for something malformed (bad flag, bad file)."""

    exit_code = 2


class SeedError(StrikebotError):
    """A seed table is malformed or disagrees with the article."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class IndexProblem(StrikebotError):
    """The saved index is missing, stale or corrupt."""


class IndexMissing(IndexProblem):
    pass


class IndexStale(IndexProblem):
    pass


class IndexCorrupt(IndexProblem):
    pass


class IndexUnusable(IndexProblem):
    """The index path is a file, or a folder that cannot be written when it must be."""


class IndexBusy(IndexProblem):
    """Another process is building the index and did not finish in time."""


class ModelUnavailable(StrikebotError):
    """The embedding model could not be loaded offline."""
