"""The per-user question limit."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class QuestionLimiter:
    """At most `limit` questions per user in any `window` seconds (a sliding window)."""

    def __init__(self, limit: int, window: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}

    def wait(self, user: int) -> float:
        """0 and count the question if allowed, else the seconds until it would be."""
        if self.limit <= 0:
            return 0.0
        now = self.clock()
        times = self._seen.setdefault(user, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.limit:
            return max(0.1, self.window - (now - times[0]))
        times.append(now)
        if len(self._seen) > 10_000:  # forget idle users now and then
            for key in [k for k, v in self._seen.items() if not v or now - v[-1] >= self.window]:
                del self._seen[key]
        return 0.0


def wait_note(seconds: float) -> str:
    whole = max(1, round(seconds))
    unit = "second" if whole == 1 else "seconds"
    return (f"You're asking faster than I can keep up with — please wait about {whole} {unit} "
            "and ask again.")
