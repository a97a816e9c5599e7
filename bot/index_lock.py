"""Safe index builds: one builder at a time per folder, files renamed into place.

A build takes an exclusive lock on ``FOLDER/.lock`` (a second build waits for it, then
reuses what the first wrote if that is fresh, or says the folder is busy after
``STRIKEBOT_INDEX_WAIT`` seconds), writes every file into a private staging folder inside
FOLDER, and renames them into place with the manifest last. A folder that is a file, cannot
be created or cannot be written is one clear error before any work starts.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import IndexBusy, IndexUnusable

LOCK = ".lock"
STAGING_PREFIX = ".build-"
DEFAULT_WAIT = 600.0

Progress = Callable[[str], None]


def check_folder(folder: Path) -> None:
    """Raise IndexUnusable when folder exists but is not a folder."""
    if folder.exists() and not folder.is_dir():
        raise IndexUnusable(f"the index path {folder} is a file, not a folder "
                            "(point STRIKEBOT_INDEX at a folder)")


def ensure_writable(folder: Path) -> None:
    """Create folder if needed and prove a file can be written in it, or raise IndexUnusable."""
    check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise IndexUnusable(f"cannot write the index in {folder}: {reason} (make it writable "
                            "or point STRIKEBOT_INDEX at a writable folder)") from None


def _wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("STRIKEBOT_INDEX_WAIT", DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


@contextmanager
def building(folder: Path, progress: Progress = lambda _: None) -> Iterator[tuple[Path, bool]]:
    """Hold the folder's build lock; yield (staging folder, whether we had to wait)."""
    ensure_writable(folder)
    with open(folder / LOCK, "a+b") as lock:
        waited = _acquire(lock.fileno(), folder, progress)
        try:
            for old in folder.glob(STAGING_PREFIX + "*"):  # left by a build that crashed
                shutil.rmtree(old, ignore_errors=True)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
            try:
                yield staging, waited
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _acquire(fd: int, folder: Path, progress: Progress) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        pass
    progress(f"another strikebot is building the index in {folder}; waiting for it")
    deadline = time.monotonic() + _wait_seconds()
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise IndexBusy(f"the index folder {folder} is busy: another strikebot is "
                                "still building it; try again when it has finished") from None
            time.sleep(0.2)


def wait_for_build(folder: Path, progress: Progress = lambda _: None) -> bool:
    """If another process is building folder, wait (bounded) until it is done; True if so.
    A reader that finds no manifest mid-build then reads the new one instead of starting a
    build of its own."""
    path = folder / LOCK
    if not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            if _try_shared(handle.fileno()):
                return False  # nobody is building
            progress(f"another strikebot is building the index in {folder}; waiting for it")
            deadline = time.monotonic() + _wait_seconds()
            while time.monotonic() < deadline:
                if _try_shared(handle.fileno()):
                    return True
                time.sleep(0.2)
    except OSError:
        pass
    return False


def _try_shared(fd: int) -> bool:
    """Take and drop a shared lock: True when no build holds the folder."""
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True


def publish(staging: Path, folder: Path, manifest_name: str) -> None:
    """Rename every staged file into folder, the manifest last, so a reader never finds a
    manifest whose files are not there yet (while they move, it finds no manifest, and a
    rebuild it starts waits for this lock, then reuses the new index)."""
    staged = sorted(p for p in staging.iterdir() if p.is_file())
    (folder / manifest_name).unlink(missing_ok=True)
    for path in [p for p in staged if p.name != manifest_name]:
        os.replace(path, folder / path.name)
    if (staging / manifest_name).exists():
        os.replace(staging / manifest_name, folder / manifest_name)
