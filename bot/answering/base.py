"""What an answerer is: a small object that answers one kind of question from a Reading."""

from __future__ import annotations

from typing import Protocol

from ..answer import Answer
from ..conversation import Conversation
from ..reading import Reading


class Answerer(Protocol):
    """Answers a reading it can answer; returns None to let the next answerer try."""

    name: str

    def run(self, r: Reading, conv: Conversation) -> Answer | None: ...
