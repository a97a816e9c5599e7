"""One queue per chat: work for a chat runs in order, and no chat waits for another.

Handlers only put work here and return, so a group with 90 questions paced at Telegram's 20
messages a minute holds none of the update slots a private chat needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

log = logging.getLogger("strikebot.telegram")

Job = Callable[[], Awaitable[None]]


class ChatQueues:
    def __init__(self, idle: float = 30.0) -> None:
        self.idle = idle  # a chat's worker ends after this long without work
        self.queues: dict[int, asyncio.Queue[Job]] = {}
        self.workers: dict[int, asyncio.Task[None]] = {}
        self.closed = False

    def submit(self, chat_id: int, job: Job) -> bool:
        """Queue a job for a chat; False once the queues are closed (the bot is stopping)."""
        if self.closed:
            return False
        queue = self.queues.get(chat_id)
        if queue is None:
            queue = self.queues[chat_id] = asyncio.Queue()
        queue.put_nowait(job)
        worker = self.workers.get(chat_id)
        if worker is None or worker.done():
            self.workers[chat_id] = asyncio.create_task(self._work(chat_id, queue),
                                                        name=f"strikebot-chat-{chat_id}")
        return True

    async def _work(self, chat_id: int, queue: asyncio.Queue[Job]) -> None:
        while True:
            try:
                job = await asyncio.wait_for(queue.get(), self.idle)
            except TimeoutError:
                if queue.empty():
                    self.workers.pop(chat_id, None)
                    self.queues.pop(chat_id, None)
                    return
                continue
            try:
                await job()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("a job for chat %s failed", chat_id)
            finally:
                queue.task_done()

    async def close(self, grace: float) -> None:
        """Take no more work, let running work finish for up to `grace` s, cancel the rest."""
        self.closed = True
        deadline = time.monotonic() + grace
        joins = [asyncio.ensure_future(q.join()) for q in self.queues.values()]
        if joins:
            await asyncio.wait(joins, timeout=max(0.0, deadline - time.monotonic()))
        for join in joins:
            join.cancel()
        for worker in list(self.workers.values()):
            worker.cancel()
        for worker in list(self.workers.values()):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await worker
        self.workers.clear()
        self.queues.clear()
