"""What a chat remembers between questions, so follow-ups resolve against earlier turns."""

from __future__ import annotations

from dataclasses import dataclass, field

from .answer import Answer


@dataclass
class Conversation:
    """One chat's memory; front ends keep one per chat (not thread-safe across chats)."""

    turns: list[Answer] = field(default_factory=list)
    subjects: tuple[str, ...] = ()  # figure ids the last figure question was about
    intent: str = ""  # what the last answered question asked for
    people: tuple[str, ...] = ()  # people the last answer named, newest last
    dims: tuple[tuple[str, str], ...] = ()  # the days, types or rounds last asked about
    focus: tuple[str, ...] = ()  # figure ids the last figure answer was about
    earlier_focus: tuple[str, ...] = ()  # and the one before ("the gap between the two")
    op: str = ""  # the last computation, for "and at X?" after it
    values: tuple[tuple[str, float], ...] = ()  # the two the last comparison set side by side
    dim_asked: str = ""  # … and the dimension it ran over ("sfh worst day?" … "nuh?")
    direction: str = "most"
    base: tuple[str, ...] = ()  # what the last computation measured against ("of the region")
    positional: bool = False  # the last subject was asked for by its place in the article
    own: str = ""  # the figure id of the writer's own subject ("we're whc", "stoke here")
    in_message: bool = False  # a later part of a multi-part message is being read
    max_turns: int = 20

    def remember(self, answer: Answer) -> None:
        self.turns.append(answer)
        del self.turns[: -self.max_turns]
