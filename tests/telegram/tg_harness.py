"""Helpers for the Telegram tests: the real application on a background thread, pointed at
the fake Bot API server, and an engine proxy with a few magic questions."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace
from typing import Any

from tg_fake_api import FakeBotAPI

from bot.answer import Answer, Citation
from bot.telegram_frontend.settings import Settings

TOKEN = "4242424242:AAHfakeTokenForTests_abcdefghijklmnop"
USERNAME = "strike_test_bot"


class ProxyEngine:
    """The real engine, plus a few magic questions that make answers a test needs
    (a very long one, one that raises) without touching the core."""

    def __init__(self, real: Any) -> None:
        self.real = real

    @property
    def figures(self) -> Any:
        return self.real.figures

    def passage(self, pid: str) -> Any:
        return self.real.passage(pid)

    def ask(self, question: str, conversation: Any = None) -> Answer:
        if question.startswith("__slow__"):  # an answer that takes a while to compute
            time.sleep(SLOW)
            question = question[len("__slow__"):]
        if question.startswith("__boom__"):
            raise RuntimeError("the engine fell over")
        if question.startswith("__long__"):
            return Answer(question, LONG_ANSWER, False, "passage",
                          (Citation("p04", "750 at Walsall", 1.0),))
        if question.startswith("__giant__"):
            return Answer(question, GIANT_ANSWER, False, "passage")
        answer: Answer = self.real.ask(question, conversation)
        return answer


SLOW = 0.5
LONG_ANSWER = "\n\n".join(
    f"Paragraph {n}: " + " ".join(f"<w{n}.{k}> & 🙂" for k in range(180)) for n in range(6))
GIANT_ANSWER = " ".join(f"word{k}<&>" for k in range(1500))


class RunningBot:
    """The real application (what `strikebot telegram` runs) on its own thread and loop."""

    def __init__(self, settings: Settings, engine: Any) -> None:
        self.settings = settings
        self.engine = engine
        self.loop = asyncio.new_event_loop()
        self.stop_event: asyncio.Event | None = None
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        from bot.telegram_frontend.app import serve

        asyncio.set_event_loop(self.loop)

        async def main() -> None:
            self.stop_event = asyncio.Event()
            await serve(self.settings, self.engine, self.stop_event,
                        ready=lambda _name: self.ready.set())

        try:
            self.loop.run_until_complete(main())
        except BaseException as exc:  # surfaced by start()/stop()
            self.error = exc
            self.ready.set()
        finally:
            self.loop.close()

    def start(self) -> RunningBot:
        self.thread.start()
        assert self.ready.wait(30), "the bot did not start"
        if self.error is not None:
            raise self.error
        return self

    def stop(self, timeout: float = 15.0) -> None:
        if self.thread.is_alive() and self.stop_event is not None:
            self.loop.call_soon_threadsafe(self.stop_event.set)
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the bot did not shut down"
        if self.error is not None:
            raise self.error


class Harness:
    def __init__(self, fake: FakeBotAPI, bot: RunningBot) -> None:
        self.fake = fake
        self.bot = bot


def settings_for(fake: FakeBotAPI, **changes: Any) -> Settings:
    # Short back-offs and grace so that outages and stops take a test seconds, not minutes.
    base = Settings(token=fake.token, api_root=fake.root, poll_timeout=5, max_retries=4,
                    backoff_start=0.05, backoff_max=0.5, delivery_patience=10.0,
                    drain_grace=1.0, persist_interval=0.2)
    return replace(base, **changes)


def launch(engine: Any, fake: FakeBotAPI | None = None,
           **changes: Any) -> tuple[FakeBotAPI, RunningBot]:
    """The real application against a fake server (a new one unless given)."""
    fake = fake or FakeBotAPI(TOKEN, USERNAME).start()
    bot = RunningBot(settings_for(fake, **changes), engine)
    try:
        bot.start()
    except BaseException:
        fake.stop()
        raise
    return fake, bot
