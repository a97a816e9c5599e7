"""Fixtures for the Telegram front end. The real engine is tests/conftest.py's session-scoped
`engine` fixture (loaded once for the whole suite)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tg_harness import TOKEN, Harness, ProxyEngine, launch

from bot.telegram_frontend.settings import install_redaction


@pytest.fixture(scope="session")
def redaction() -> Iterator[None]:
    undo = install_redaction(TOKEN)  # as run_cli does
    yield
    undo()


@pytest.fixture(scope="session")
def tg(engine: Any, redaction: None) -> Iterator[Harness]:
    """One bot shared by the tests that don't need special settings (distinct chat ids)."""
    fake, bot = launch(ProxyEngine(engine))
    yield Harness(fake, bot)
    bot.stop()
    fake.stop()


_ids = iter(range(10_000, 1_000_000))


@pytest.fixture
def chat_id() -> int:
    """A fresh private chat id (= user id) per test."""
    return next(_ids)


@pytest.fixture
def group_id() -> int:
    """A fresh supergroup id per test (negative, as Telegram's are)."""
    return -1_000_000_000_000 - next(_ids)
