"""Questions accepted but not yet answered, kept in the persisted bot_data.

A question is written down when it arrives and crossed out when its answer has been
delivered. After a restart the ones still written down are answered (they are not lost when
the bot stops mid-burst), and a question seen again (Telegram re-sending an update) is
recognised and not answered twice.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import asdict, dataclass
from typing import Any

PENDING = "pending_questions"
DONE = "answered_questions"
MOVES = "chat_moves"
KEEP_DONE = 5000


@dataclass(frozen=True)
class Question:
    chat_id: int
    message_id: int
    text: str
    chat_type: str
    user_id: int | None
    reply_to: int | None  # the message the answer replies to (groups), or None
    thread_id: int | None  # the forum topic

    @property
    def key(self) -> str:
        return f"{self.chat_id}:{self.message_id}"


class Journal:
    def __init__(self, bot_data: MutableMapping[str, Any]) -> None:
        self.data = bot_data
        for name in (PENDING, DONE):
            if not isinstance(self.data.get(name), dict):
                self.data[name] = {}

    @property
    def pending(self) -> dict[str, dict[str, Any]]:
        value: dict[str, dict[str, Any]] = self.data[PENDING]
        return value

    @property
    def done(self) -> dict[str, bool]:
        value: dict[str, bool] = self.data[DONE]
        return value

    def add(self, question: Question) -> bool:
        """Write a question down; False if it is already pending or was answered."""
        if question.key in self.pending or question.key in self.done:
            return False
        self.pending[question.key] = asdict(question)
        return True

    def finish(self, question: Question) -> None:
        self.pending.pop(question.key, None)
        self.done[question.key] = True
        while len(self.done) > KEEP_DONE:
            del self.done[next(iter(self.done))]

    @property
    def moves(self) -> dict[int, int]:
        """Old chat id -> new chat id, for groups that became supergroups (kept across
        restarts so pending answers still find their chat)."""
        value = self.data.get(MOVES)
        if not isinstance(value, dict):
            value = self.data[MOVES] = {}
        return value

    def waiting(self) -> list[Question]:
        questions = []
        for entry in self.pending.values():
            try:
                questions.append(Question(**entry))
            except TypeError:  # written by another version: skip it
                continue
        return questions
