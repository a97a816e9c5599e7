"""`strikebot telegram` as a user runs it: settings errors, the real process, signals; plus
the pure pieces (HTML rendering, splitting, the per-user limiter)."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tg_fake_api import FakeBotAPI, parse_html, tg_len
from tg_harness import TOKEN, USERNAME, RunningBot, settings_for

from bot import cli
from bot.answer import Answer, Citation, FigureRef
from bot.errors import StrikebotError, UsageError
from bot.telegram_frontend.formatting import render_answer, split_html, to_plain
from bot.telegram_frontend.settings import (
    Settings,
    check_token,
    parse_api_root,
    parse_chat_ids,
    redactor,
    settings_from,
)

REPO = Path(__file__).resolve().parents[2]
SECRET = TOKEN.split(":", 1)[1]


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings errors must come before the (slow) engine is loaded."""
    import bot.engine

    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("the engine was loaded before the settings were checked")

    monkeypatch.setattr(bot.engine, "load_engine", refuse)
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "STRIKEBOT_ALLOWED_CHATS",
                 "STRIKEBOT_RATE_LIMIT"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("env, argv, expected", [
    ({}, [], "no Telegram bot token"),
    ({"TELEGRAM_BOT_TOKEN": "12345:tooshort"}, [], "malformed"),
    ({"TELEGRAM_BOT_TOKEN": "not a token at all, AAHsecretsecretsecretsecret"}, [],
     "malformed"),
    ({}, ["--token-file", "/nonexistent/token"], "token file not found"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "ftp://x"}, [], "http(s) URL"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "STRIKEBOT_ALLOWED_CHATS": "-100123,team"}, [],
     "not a chat id"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN}, ["--rate-limit", "-1"], "at least 0"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"ftp://x/bot{TOKEN}"}, [],
     "http(s) URL"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"http://x/{TOKEN}/"}, [],
     "http(s) URL"),
])
def test_settings_errors_are_one_line_before_anything_starts(
        env: dict[str, str], argv: list[str], expected: str, no_engine: None,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert cli.main(["telegram", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("strikebot: ") and expected in err
    assert "secret" not in err and SECRET not in err  # a token is never echoed


def test_a_token_pasted_into_the_base_url_is_never_printed(
        engine: Any, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import bot.engine

    assert parse_api_root(f"http://localhost:8081/bot{TOKEN}/") == "http://localhost:8081"
    monkeypatch.setattr(bot.engine, "load_engine", lambda **_: engine)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", f"http://127.0.0.1:9/bot{TOKEN}")
    monkeypatch.setenv("STRIKEBOT_TELEGRAM_STATE", "off")
    monkeypatch.setenv("STRIKEBOT_FEEDBACK", "off")
    assert cli.main(["telegram"]) == 1
    out, err = capsys.readouterr()
    last = err.strip().splitlines()[-1]
    assert last.startswith("strikebot: cannot reach the Telegram Bot API at http://127.0.0.1:9")
    assert SECRET not in out + err


def test_token_file_and_environment(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(f"  {TOKEN}\n")
    args = argparse.Namespace(token_file=str(token_file), allowed_chats=None, rate_limit=None)
    settings = settings_from(args, {"TELEGRAM_API_BASE_URL": "http://localhost:8081/bot/",
                                    "STRIKEBOT_ALLOWED_CHATS": "-1001, 42",
                                    "STRIKEBOT_RATE_LIMIT": "5"})
    assert settings.token == TOKEN
    assert settings.base_url == "http://localhost:8081/bot"
    assert settings.allowed_chats == frozenset({-1001, 42})
    assert settings.rate_limit == 5
    assert SECRET not in repr(settings) and SECRET not in str(settings)
    assert Settings(token=TOKEN).base_url == "https://api.telegram.org/bot"


def test_small_parsers() -> None:
    assert check_token(f" {TOKEN} ") == TOKEN
    with pytest.raises(UsageError):
        check_token("123:abc")
    assert parse_api_root("https://api.telegram.org/") == "https://api.telegram.org"
    assert parse_chat_ids("") is None and parse_chat_ids("1 2,3") == frozenset({1, 2, 3})
    assert redactor(TOKEN)(f"POST /bot{TOKEN}/getMe {SECRET}") == (
        "POST /bot<redacted-token>/getMe <redacted-token>")


def test_help_does_not_import_telegram() -> None:
    code = ("import sys, bot.cli\n"
            "try:\n    bot.cli.main(['telegram', '--help'])\nexcept SystemExit:\n    pass\n"
            "print('telegram' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.strip().endswith("False"), done.stdout + done.stderr
    assert "TELEGRAM_BOT_TOKEN" in done.stdout and "--token-file" in done.stdout


def test_feedback_command_needs_no_telegram_and_handles_a_missing_file(tmp_path: Path) -> None:
    code = ("import sys, bot.cli\n"
            f"code = bot.cli.main(['feedback', '--db', {str(tmp_path / 'none.sqlite')!r}])\n"
            "print(code, 'telegram' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert "no feedback yet" in done.stdout
    assert done.stdout.strip().endswith("0 False"), done.stdout + done.stderr


def test_a_rejected_token_is_a_clear_error(engine: Any) -> None:
    fake = FakeBotAPI(TOKEN).start()
    try:
        other = "1111111111:AAHanotherTokenThatTelegramRejects_xyz"
        bot = RunningBot(settings_for(fake, token=other), engine)
        with pytest.raises(StrikebotError, match="rejected the bot token"):
            bot.start()
        bot.thread.join(10)
        assert not bot.thread.is_alive()
    finally:
        fake.stop()


def start_process(fake: FakeBotAPI, tmp_path: Path, name: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.root,
           "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1",
           "STRIKEBOT_LOG_LEVEL": "DEBUG",  # the noisiest setting still hides the token
           "STRIKEBOT_TELEGRAM_STATE": str(tmp_path / "state.pickle"),
           "STRIKEBOT_FEEDBACK_DB": str(tmp_path / "feedback.sqlite")}
    with (tmp_path / f"{name}.out").open("w") as stdout, \
            (tmp_path / f"{name}.err").open("w") as stderr:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "telegram"], cwd=REPO,
                                env=env, stdout=stdout, stderr=stderr)


def stop_process(process: subprocess.Popen[bytes]) -> float:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    return time.monotonic() - started


def test_strikebot_telegram_process_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    """SIGTERM mid-outage stops within 8 s; the unanswered question is answered, once, by the
    next run."""
    fake = FakeBotAPI(TOKEN, USERNAME).start()
    processes = [start_process(fake, tmp_path, "first")]
    try:
        fake.wait(lambda: fake.get_updates_calls > 0, timeout=60)  # polling has begun
        fake.message(8080, "/start")
        fake.message(8080, "How many appointments were cancelled at Walsall?")
        replies = fake.wait_replies(8080, 2)
        assert replies[0].text.startswith("Hello")
        assert "750" in replies[1].text
        fake.outage(120)  # Telegram goes down while the next answer is being sent
        fake.message(8080, "And the fewest?")  # a follow-up only memory can answer
        fake.wait(lambda: ("sendMessage", 502, "Bad Gateway") in fake.rejected, timeout=20)
        assert stop_process(processes[0]) < 8
        fake.outage(0)
        calls = fake.get_updates_calls
        processes.append(start_process(fake, tmp_path, "second"))
        fake.wait(lambda: fake.get_updates_calls > calls + 1, timeout=60)
        third = fake.wait_replies(8080, 3, timeout=20)[2]
        assert "606" in third.text  # the follow-up's memory survived the restart too
        time.sleep(0.5)
        assert len(fake.to_chat(8080)) == 3  # answered once
        stop_process(processes[1])
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        fake.stop()
    for name in ("first", "second"):
        output = (tmp_path / f"{name}.out").read_text() + (tmp_path / f"{name}.err").read_text()
        assert "is answering on Telegram" in output and "stopped" in output
        assert SECRET not in output
        assert "Traceback" not in output


# --- pure pieces -----------------------------------------------------------------------------

def tricky_answer() -> Answer:
    text = "<b>Walsall</b> & co: 750 🙂 appointments </i> were cancelled"
    return Answer("q", text, False, "figure",
                  citations=(Citation("p04", "750 at <Walsall> & more", 0.9),),
                  figures=(FigureRef("walsall", "Walsall <Healthcare>", 750.0, "750", "", "p04"),),
                  highlights=("750",), notice="note with <angle> & ampersand")


def test_rendered_answers_are_valid_telegram_html() -> None:
    rendered = render_answer(tricky_answer())
    shown = parse_html(rendered.html)  # the fake's Telegram-like parser accepts it
    assert "<b>Walsall</b> & co: 750 🙂 appointments </i> were cancelled" in shown
    assert "<b>750</b>" in rendered.html
    assert "note with <angle> & ampersand" in shown
    assert rendered.passages == ("p04",)
    quoted = render_answer(Answer("q", "Someone said <this>.", False, "passage", citations=(
        Citation("p09", "“A quote with <tags> & more words than the answer”", 0.9),)))
    assert "“A quote with <tags> & more words than the answer”" in parse_html(quoted.html)
    assert to_plain(rendered.html) == shown


@pytest.mark.parametrize("limit", [50, 300, 4096])
def test_split_html_keeps_every_word_and_every_tag_balanced(limit: int) -> None:
    markup = render_answer(tricky_answer()).html
    markup = "\n\n".join([markup] * 40 + ["x" * 9000, "🙂" * 3000])
    chunks = split_html(markup, limit)
    assert all(tg_len(parse_html(c)) <= limit for c in chunks)
    assert "".join("".join(parse_html(c).split()) for c in chunks) == "".join(
        to_plain(markup).split())


def test_question_limiter_uses_a_sliding_window() -> None:
    from bot.telegram_frontend.limits import QuestionLimiter

    now = [0.0]
    limiter = QuestionLimiter(2, 60.0, clock=lambda: now[0])
    assert limiter.wait(1) == 0 and limiter.wait(1) == 0
    assert limiter.wait(1) == pytest.approx(60.0)
    assert limiter.wait(2) == 0  # per user
    now[0] = 30.0
    assert limiter.wait(1) == pytest.approx(30.0)
    now[0] = 60.5
    assert limiter.wait(1) == 0
    assert QuestionLimiter(0, 60.0).wait(1) == 0  # 0 turns it off


def test_flood_limits_and_concurrency_are_configured(engine: Any) -> None:
    from telegram.ext import AIORateLimiter

    from bot.telegram_frontend.app import TelegramFrontEnd

    front = TelegramFrontEnd(engine, Settings(token=TOKEN))
    try:
        app = front.build()
        limiter = app.bot.rate_limiter
        assert isinstance(limiter, AIORateLimiter)
        assert limiter._group_max_rate == 20 and limiter._group_time_period == 60
        assert limiter._max_retries >= 1  # 429s are waited out, not dropped
        assert app.concurrent_updates >= 30
    finally:
        front.answerer.release()


def test_the_intro_comes_from_the_engine(engine: Any) -> None:
    from bot.telegram_frontend.wording import article_intro

    class Greets:
        def greeting(self) -> str:
            return 'Hello! I answer questions about one article: a flood. Try "How deep?"'

        def ask(self, question: str, conversation: Any = None) -> Answer:
            raise AssertionError("greeting() is used when the engine has one")

    intro = article_intro(Greets())
    assert intro.about == "I answer questions about one article: a flood."
    assert intro.examples == ("How deep?",)
    real = article_intro(engine)  # this engine's answer to "hello"
    assert len(real.examples) >= 2 and all(q.endswith("?") for q in real.examples)
