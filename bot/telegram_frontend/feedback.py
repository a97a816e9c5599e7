"""👍 / 👎 feedback and abstentions, kept in a local SQLite file (stdlib only).

Stored per answer: when, the chat type (private / group / supergroup), the article, the
question, the answer, its kind, whether the bot abstained, and the verdict. Chat and user ids
only when the setting asks for them (STRIKEBOT_FEEDBACK_IDS=1); never names.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    article TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    kind TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    verdict TEXT,
    chat_id INTEGER,
    user_id INTEGER
)
"""


@dataclass(frozen=True)
class Exchange:
    """A question and the answer the bot gave, as feedback stores it."""

    chat_type: str
    question: str
    answer: str
    kind: str
    abstained: bool
    article: str = ""
    chat_id: int | None = None  # only when the setting asks for ids
    user_id: int | None = None


class FeedbackStore:
    """One SQLite file; safe to call from the event loop (each call is a short transaction)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=5.0)
        with self._db:
            self._db.execute(SCHEMA)

    def __enter__(self) -> FeedbackStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def record(self, exchange: Exchange, verdict: str | None = None) -> int:
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        e = exchange
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO answers (at, chat_type, article, question, answer, kind, "
                "abstained, verdict, chat_id, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (at, e.chat_type, e.article, e.question, e.answer, e.kind, int(e.abstained),
                 verdict, e.chat_id, e.user_id))
            row = cursor.lastrowid
        assert row is not None
        return row

    def set_verdict(self, row: int, verdict: str) -> None:
        with self._lock, self._db:
            self._db.execute("UPDATE answers SET verdict = ? WHERE id = ?", (verdict, row))

    def problems(self, limit: int = 50) -> list[dict[str, Any]]:
        """Answers marked wrong and abstentions, most recent first."""
        with self._lock:
            cursor = self._db.execute(
                "SELECT id, at, chat_type, article, question, answer, kind, abstained, verdict, "
                "chat_id, user_id FROM answers WHERE verdict = 'down' OR "
                "(abstained = 1 AND (verdict IS NULL OR verdict != 'up')) "
                "ORDER BY at DESC, id DESC LIMIT ?", (limit,))
            names = [c[0] for c in cursor.description]
            rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        for row in rows:
            row["abstained"] = bool(row["abstained"])
            if row["chat_id"] is None:
                del row["chat_id"]
            if row["user_id"] is None:
                del row["user_id"]
        return rows

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self._db.execute("SELECT * FROM answers ORDER BY id")
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
