"""Issue 9: the bot in real team chats — nothing lost, quiet when not asked, compact answers.

Everything goes through real HTTP against the fake Bot API server (tg_fake_api.py).
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Any

import pytest
from tg_fake_api import FakeBotAPI, Sent
from tg_harness import SLOW, TOKEN, USERNAME, Harness, ProxyEngine, launch

from bot.telegram_frontend.settings import Settings

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*")

WALSALL = "How many appointments were cancelled at Walsall?"


def quiet_for(fake: FakeBotAPI, chat: int, expected: int, seconds: float = 0.6) -> list[Sent]:
    time.sleep(seconds)
    got = fake.to_chat(chat)
    assert len(got) == expected, [s.text[:80] for s in got]
    return got


# --- 1. an update the library cannot parse ---------------------------------------------------

def test_an_unparseable_update_is_skipped_and_logged_once(
        tg: Harness, chat_id: int, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="strikebot")
    calls_before = tg.fake.get_updates_calls
    update_id = tg.fake.old_poll()
    tg.fake.message(chat_id, WALSALL)
    [reply] = tg.fake.wait_replies(chat_id)
    assert "750" in reply.text
    time.sleep(0.5)
    skipped = [r for r in caplog.records if "skipped update" in r.getMessage()]
    assert len(skipped) == 1 and str(update_id) in skipped[0].getMessage()
    assert tg.fake.get_updates_calls - calls_before < 15  # no tight loop on the same offset


# --- 2. outages while an answer is being sent -------------------------------------------------

def test_an_answer_is_delivered_through_an_outage(engine: Any, redaction: None) -> None:
    fake, bot = launch(engine, delivery_patience=20.0)
    try:
        fake.outage(4.5)  # every sendMessage gets 502 for 4.5 s (the old bot gave up at 4)
        started = time.monotonic()
        fake.message(7001, WALSALL)
        [reply] = fake.wait_replies(7001, timeout=15)
        assert time.monotonic() - started >= 4.4
        assert "750" in reply.text
        fake.fail_next("sendMessage", 502, times=5)
        fake.message(7001, "And at Dudley?")
        replies = fake.wait_replies(7001, 2)
        assert "606" in replies[1].text
        assert not any("went wrong" in r.text for r in quiet_for(fake, 7001, 2))
    finally:
        bot.stop()
        fake.stop()


def test_outage_patience_is_at_least_a_minute_by_default_and_configurable() -> None:
    from bot.telegram_frontend.settings import settings_from

    assert Settings(token=TOKEN).delivery_patience >= 60
    args = type("Args", (), {})()
    settings = settings_from(args, {"TELEGRAM_BOT_TOKEN": TOKEN,
                                    "STRIKEBOT_DELIVERY_PATIENCE": "600"})
    assert settings.delivery_patience == 600


# --- 3. replies in groups ----------------------------------------------------------------------

def test_group_replies_to_the_bot_are_questions_only_if_they_read_as_one(
        tg: Harness, group_id: int) -> None:
    fake = tg.fake
    asked = fake.message(group_id, f"/ask {WALSALL}", user_id=7)
    [answer] = fake.wait_replies(group_id)
    assert answer.reply_to == asked
    bot_message = fake.message_json(answer)
    for text in ("thanks", "lol", "ok", "👍", "Thank you!", "@tom see this",
                 "@tom how many at Dudley?"):
        fake.message(group_id, text, user_id=8, reply_to=bot_message)
    fake.message(group_id, "How many at Dudley?", user_id=99, reply_to=bot_message,
                 from_bot=True)
    follow = fake.message(group_id, "And at Dudley?", user_id=8, reply_to=bot_message)
    replies = fake.wait_replies(group_id, 2)
    assert replies[1].reply_to == follow and "606" in replies[1].text
    quiet_for(fake, group_id, 2)


# --- 4. the source button ------------------------------------------------------------------------

def test_the_source_button_adds_the_passage_once(tg: Harness, group_id: int,
                                                 engine: Any) -> None:
    fake = tg.fake
    fake.message(group_id, f"/ask {WALSALL}", user_id=7)
    [reply] = fake.wait_replies(group_id)
    data = reply.buttons[0]["callback_data"]
    first = fake.press(reply, data, user_id=7)
    second = fake.press(reply, data, user_id=8)  # two members at the same moment
    fake.wait(lambda: len([a for a in fake.callback_answers
                           if a["callback_query_id"] in (first, second)]) == 2)
    third = fake.press(reply, data, user_id=9)  # and once more later
    fake.wait(lambda: [a for a in fake.callback_answers if a["callback_query_id"] == third])
    time.sleep(0.3)
    passage = engine.passage("p04").text
    assert reply.text.count(passage) == 1 and len(reply.edits) == 1
    assert len(fake.to_chat(group_id)) == 1  # nothing posted as a new message
    toasts = [a.get("text", "") for a in fake.callback_answers
              if a["callback_query_id"] in (second, third)]
    assert all("already" in t for t in toasts)


# --- 5. a group becomes a supergroup --------------------------------------------------------------

def test_a_migrated_group_gets_its_answer_and_keeps_its_memory(tg: Harness) -> None:
    fake = tg.fake
    old, new = -4_242_001, -1_004_242_001
    fake.chat_types[old] = "group"
    fake.message(old, f"/ask {WALSALL}", user_id=7)
    [first] = fake.wait_replies(old)
    assert "750" in first.text
    fake.migrate(old, new)
    fake.message(old, "/ask And at Dudley?", user_id=7)  # sent before the upgrade
    [second] = fake.wait_replies(new)
    assert "606" in second.text
    fake.message(new, "/ask And the fewest?", user_id=7)  # the memory followed the chat
    third = fake.wait_replies(new, 2)[1]
    assert "606" in third.text and "fewest" in third.text
    assert len(fake.to_chat(old)) == 1


def test_the_migration_service_message_moves_the_memory(tg: Harness) -> None:
    fake = tg.fake
    old, new = -4_242_002, -1_004_242_002
    fake.chat_types[old] = "group"
    fake.message(old, f"/ask {WALSALL}", user_id=17)
    fake.wait_replies(old)
    fake.message(old, None, user_id=17, extra={"migrate_to_chat_id": new})
    fake.message(new, None, user_id=17, extra={"migrate_from_chat_id": old})
    fake.message(new, "/ask And the fewest?", user_id=17)  # needs the old chat's memory
    [reply] = fake.wait_replies(new)
    assert "606" in reply.text


def test_an_update_delivered_twice_is_answered_once(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, WALSALL)
    tg.fake.again(tg.fake.last_update())
    tg.fake.wait_replies(chat_id)
    quiet_for(tg.fake, chat_id, 1)


# --- 6. one busy group does not hold up other chats -----------------------------------------------

def test_a_burst_in_one_group_does_not_delay_a_private_chat(engine: Any,
                                                            redaction: None) -> None:
    fake, bot = launch(engine)
    group = -1_009_000_000
    try:
        for n in range(90):
            fake.message(group, f"/ask {WALSALL} ({n})", user_id=7)
        fake.wait(lambda: fake.to_chat(group))  # the group is being answered
        started = time.monotonic()
        fake.message(7002, WALSALL)
        [reply] = fake.wait_replies(7002, timeout=10)
        assert time.monotonic() - started < 3.0
        assert "750" in reply.text
        assert len(fake.to_chat(group)) < 90  # the group's answers are still paced
    finally:
        started = time.monotonic()
        bot.stop()
        assert time.monotonic() - started < 8
        fake.stop()


# --- 7. forum topics, deleted questions, what a 400 means -----------------------------------------

def test_answers_go_into_the_question_s_forum_topic(tg: Harness, group_id: int) -> None:
    fake = tg.fake
    fake.forums.add(group_id)
    asked = fake.message(group_id, f"/ask {WALSALL}", user_id=7, thread_id=77)
    [reply] = fake.wait_replies(group_id)
    assert reply.thread_id == 77 and reply.reply_to == asked
    gone = fake.message(group_id, f"/ask __slow__{WALSALL}", user_id=7, thread_id=77)
    fake.delete(group_id, gone)  # deleted while the answer is being computed
    second = fake.wait_replies(group_id, 2, timeout=10)[1]
    assert second.thread_id == 77 and second.reply_to is None
    assert "750" in second.text
    assert ("sendMessage", 400, "Bad Request: message to be replied not found") in \
        fake.rejected


def test_only_html_parse_errors_are_resent_as_plain_text(tg: Harness, chat_id: int) -> None:
    fake = tg.fake
    fake.fail_next("sendMessage", 400, description="Bad Request: chat not found")
    fake.message(chat_id, WALSALL)
    fake.wait(lambda: ("sendMessage", 400, "Bad Request: chat not found") in fake.rejected)
    quiet_for(fake, chat_id, 0)  # no plain-text copy of a message Telegram refused
    fake.message(chat_id, "/help")
    [reply] = fake.wait_replies(chat_id)
    assert reply.parse_mode == "HTML"


# --- 8. inline results are personal ---------------------------------------------------------------

def test_inline_results_are_personal(tg: Harness) -> None:
    query_id = tg.fake.inline("how many at Walsall", user_id=41)
    [answer] = tg.fake.wait(lambda: [a for a in tg.fake.inline_answers
                                     if a["inline_query_id"] == query_id])
    assert answer.get("is_personal") in (True, "true")


# --- 10. "1 seconds" ------------------------------------------------------------------------------

def test_the_rate_limit_note_says_one_second(engine: Any, redaction: None) -> None:
    fake, bot = launch(engine, rate_limit=1, rate_window=1.0)
    try:
        fake.message(7003, WALSALL)
        fake.message(7003, WALSALL)
        notes = [r.text for r in fake.wait_replies(7003, 2) if "wait" in r.text]
        assert notes and "about 1 second " in notes[0]
    finally:
        bot.stop()
        fake.stop()


# --- 11. compact answers --------------------------------------------------------------------------

FIGURE_QUESTIONS = (WALSALL, "How many hospital appointments were cancelled across England?")
AGGREGATE_QUESTIONS = ("Which trust was hit hardest?",
                       "How many appointments were cancelled in total across the five trusts?",
                       "How many more appointments were cancelled at Sandwell than at Walsall?",
                       "Rank the trusts by cancellations",
                       "What share of cancellations were at Walsall?")


@pytest.mark.parametrize("question", FIGURE_QUESTIONS + AGGREGATE_QUESTIONS)
def test_group_answers_are_compact(tg: Harness, group_id: int, engine: Any,
                                   question: str) -> None:
    tg.fake.message(group_id, f"/ask {question}", user_id=-group_id % 1_000_000)
    [reply] = tg.fake.wait_replies(group_id)
    expected = engine.ask(question)
    lines = reply.text.splitlines()
    assert len(reply.text) <= 500 and len(lines) <= 8, reply.text  # a phone screen
    for figure in expected.figures:  # each figure no more often than the answer needs it
        assert reply.text.count(figure.display) <= expected.answer.count(figure.display)
    assert not re.search(r"\bp\d\d\b", reply.text)  # the source is behind the button
    first_bold = re.search(r"<b>([^<]+)</b>", reply.raw)
    assert first_bold is not None and first_bold.group(1) in lines[0]


def test_results_are_bold_not_the_inputs(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "How many appointments were cancelled in total across the five "
                             "trusts?")
    tg.fake.message(chat_id, "How many more appointments were cancelled at Sandwell than at "
                             "Walsall?")
    total, difference = tg.fake.wait_replies(chat_id, 2)
    assert "<b>8,332</b>" in total.raw and "<b>1,169</b>" not in total.raw
    assert "<b>419</b>" in difference.raw and "<b>750</b>" not in difference.raw
    assert difference.text.count("1,169 − 750 = 419") == 1  # the working once


def test_quotes_small_talk_and_sources_read_well(tg: Harness, chat_id: int) -> None:
    fake = tg.fake
    for text in ("hello", "thanks", "Who described the union's position as unrealistic?"):
        fake.message(chat_id, text)
    hello, thanks, quote = fake.wait_replies(chat_id, 3)
    assert hello.text.startswith("Hello") and thanks.text.startswith("You're welcome")
    assert "🤷" not in hello.text + thanks.text
    bold = re.findall(r"<b>([^<]*)</b>", quote.raw)
    assert bold and all(len(b) <= 60 for b in bold)  # a name, not a 200-character sentence
    assert "““" not in quote.text and "“”" not in quote.text


# --- 12. restarts ---------------------------------------------------------------------------------

def test_conversations_survive_a_restart(engine: Any, redaction: None, tmp_path: Path) -> None:
    state = tmp_path / "state.pickle"
    fake, bot = launch(engine, state_file=state)
    try:
        fake.message(7004, WALSALL)
        fake.wait_replies(7004)
        bot.stop()
        assert state.exists()
        fake2, bot = launch(engine, fake=fake, state_file=state)
        fake.message(7004, "And the fewest?")  # a follow-up only memory can answer
        assert "606" in fake.wait_replies(7004, 2)[1].text
    finally:
        bot.stop()
        fake.stop()


def test_a_stop_loses_no_question_and_answers_none_twice(engine: Any, redaction: None,
                                                         tmp_path: Path) -> None:
    state = tmp_path / "state.pickle"
    group = -1_007_000_000
    fake, bot = launch(ProxyEngine(engine), state_file=state, drain_grace=0.2)
    try:
        asked = [fake.message(group, f"/ask __slow__{WALSALL} ({n})", user_id=7)
                 for n in range(6)]
        fake.wait(lambda: fake.to_chat(group), timeout=10)
        started = time.monotonic()
        bot.stop()
        assert time.monotonic() - started < 8
        first_run = len(fake.to_chat(group))
        assert first_run < len(asked)  # some were still waiting
        _, bot = launch(ProxyEngine(engine), fake=fake, state_file=state)
        replies = fake.wait_replies(group, len(asked), timeout=6 * SLOW + 10)
        time.sleep(0.5)
        replies = fake.to_chat(group)
        assert sorted(r.reply_to for r in replies if r.reply_to is not None) == asked
    finally:
        bot.stop()
        fake.stop()


def test_default_state_and_feedback_files_sit_beside_the_index(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from bot.telegram_frontend.settings import settings_from

    monkeypatch.setenv("STRIKEBOT_INDEX", str(tmp_path / "index"))
    args = type("Args", (), {})()
    settings = settings_from(args, {"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.state_file == tmp_path / "index" / "telegram-state.pickle"
    assert settings.feedback_db == tmp_path / "index" / "feedback.sqlite"
    off = settings_from(args, {"TELEGRAM_BOT_TOKEN": TOKEN, "STRIKEBOT_TELEGRAM_STATE": "off",
                               "STRIKEBOT_FEEDBACK": "off"})
    assert off.state_file is None and off.feedback_db is None


# --- feedback -------------------------------------------------------------------------------------

def test_feedback_is_stored_without_names_or_ids(engine: Any, redaction: None, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from bot import cli
    from bot.telegram_frontend.feedback import FeedbackStore

    db = tmp_path / "feedback.sqlite"
    fake, bot = launch(engine, feedback_db=db)
    try:
        fake.message(7005, WALSALL)
        fake.message(7005, "How many appointments were cancelled in Wales?")
        fake.message(7005, "thanks!")  # small talk is not an abstention worth listing
        answer, abstained, _ = fake.wait_replies(7005, 3)
        labels = [b["text"] for b in answer.buttons]
        assert "👍" in labels and "👎" in labels
        down = next(b["callback_data"] for b in answer.buttons if b["text"] == "👎")
        pressed = fake.press(answer, down, user_id=7005)
        fake.wait(lambda: [a for a in fake.callback_answers
                           if a["callback_query_id"] == pressed])
    finally:
        bot.stop()
        fake.stop()
    with FeedbackStore(db) as store:
        rows = store.all()
    assert {r["verdict"] for r in rows} == {"down", None}
    assert all(r["chat_id"] is None and r["user_id"] is None for r in rows)
    assert all(r["chat_type"] == "private" and r["article"] for r in rows)
    capsys.readouterr()
    assert cli.main(["feedback", "--db", str(db), "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["question"] for r in listed] == [WALSALL,
                                               "How many appointments were cancelled in Wales?"]
    assert listed[0]["verdict"] == "down" and listed[1]["abstained"] is True
    assert cli.main(["feedback", "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert "marked wrong" in text and "abstained" in text and "Wales" in text


def test_feedback_can_be_turned_off(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, WALSALL)  # the shared bot runs without a feedback file
    [reply] = tg.fake.wait_replies(chat_id)
    assert not [b for b in reply.buttons if b["text"] in ("👍", "👎")]


# --- the package ----------------------------------------------------------------------------------

def test_the_front_end_package_has_no_import_cycle() -> None:
    import ast

    folder = Path(__file__).resolve().parents[2] / "bot" / "telegram_frontend"
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        graph[path.stem] = {node.module for node in ast.walk(tree)
                            if isinstance(node, ast.ImportFrom) and node.level == 1
                            and node.module}
    seen: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, f"import cycle: {' -> '.join((*trail, name))}"
        if seen.get(name):
            return
        for other in graph.get(name, ()):
            visit(other, (*trail, name))
        seen[name] = 1

    for name in graph:
        visit(name, ())
    assert "telegram" not in graph  # the package never shadows python-telegram-bot
    assert USERNAME


def test_feedback_stores_ids_only_when_asked(engine: Any, redaction: None,
                                             tmp_path: Path) -> None:
    from bot.telegram_frontend.feedback import FeedbackStore

    db = tmp_path / "feedback.sqlite"
    fake, bot = launch(engine, feedback_db=db, feedback_ids=True)
    try:
        fake.message(7006, "How many appointments were cancelled in Wales?")
        fake.wait_replies(7006)
        time.sleep(0.2)
    finally:
        bot.stop()
        fake.stop()
    with FeedbackStore(db) as store:
        [row] = store.all()
    assert row["chat_id"] == 7006 and row["user_id"] == 7006 and row["abstained"] == 1


def test_an_unreadable_state_file_is_set_aside(engine: Any, redaction: None,
                                               tmp_path: Path) -> None:
    state = tmp_path / "state.pickle"
    state.write_bytes(b"not a pickle")
    fake, bot = launch(engine, state_file=state)
    try:
        fake.message(7007, WALSALL)
        assert "750" in fake.wait_replies(7007)[0].text
    finally:
        bot.stop()
        fake.stop()
    assert (tmp_path / "state.pickle.unreadable").read_bytes() == b"not a pickle"
    assert state.stat().st_size > 0


def test_an_unwritable_state_file_is_a_one_line_error(engine: Any, tmp_path: Path) -> None:
    from bot.errors import StrikebotError
    from bot.telegram_frontend.app import persistence_for

    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StrikebotError, match="cannot write the state file"):
        persistence_for(blocker / "state.pickle")
