"""End-to-end tests of the Telegram bot over real HTTP against a fake Bot API server.

The application under test is the one `strikebot telegram` runs
(bot.telegram_frontend.app.serve), with the real engine. Assertions hold for any reasonable
answer; a few check a real figure.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
from tg_fake_api import Sent, parse_html, tg_len
from tg_harness import GIANT_ANSWER, TOKEN, USERNAME, Harness, launch

# PTB 22's own RetryAfter.__init__ warns about a future type change; nothing to do with us.
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*")

WALSALL = "How many appointments were cancelled at Walsall?"


def answered(h: Harness, chat: int, count: int = 1, timeout: float = 15.0) -> list[Sent]:
    return h.fake.wait_replies(chat, count, timeout)


def quiet_for(h: Harness, chat: int, expected: int, seconds: float = 0.6) -> list[Sent]:
    """Wait a moment and check that no more than `expected` messages went to the chat."""
    time.sleep(seconds)
    got = h.fake.to_chat(chat)
    assert len(got) == expected, [s.text[:80] for s in got]
    return got


# --- private chats -------------------------------------------------------------------------

def test_start_greets_with_three_examples_and_menus_are_set(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "/start")
    [reply] = answered(tg, chat_id)
    assert reply.parse_mode == "HTML"
    assert reply.text.startswith("Hello")
    assert reply.text.count("•") >= 2  # the engine's example questions
    assert reply.reply_to is None  # private chats are not quoted
    private = {c["command"] for c in tg.fake.commands["all_private_chats"]}
    group = {c["command"] for c in tg.fake.commands["all_group_chats"]}
    assert {"start", "help", "figures", "source"} <= private
    assert {"ask", "figures", "source", "help"} <= group


def test_help_explains_what_it_knows_and_how_to_ask(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "/help")
    [reply] = answered(tg, chat_id)
    for needle in ("What I know", "/ask", f"@{USERNAME}", "/figures", "/source"):
        assert needle in reply.text


def test_private_text_is_a_question_with_a_source_button(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, WALSALL)
    [reply] = answered(tg, chat_id)
    assert reply.parse_mode == "HTML"
    assert "750" in reply.text
    assert "<b>750</b>" in reply.raw  # the figure in bold
    assert "p04" not in reply.text  # the source is behind the button, named once there
    assert [b["text"] for b in reply.buttons if b["callback_data"] == "src:p04"] == ["📄 p04"]


def test_follow_ups_are_remembered_per_chat(tg: Harness, chat_id: int) -> None:
    other = chat_id + 500_000
    tg.fake.message(chat_id, WALSALL)
    answered(tg, chat_id, 1)
    tg.fake.message(chat_id, "And the fewest?")
    tg.fake.message(other, "And the fewest?")  # a chat with no history must not crash
    first, second = answered(tg, chat_id, 2)
    [lost] = answered(tg, other, 1)
    assert "750" in first.text
    assert "606" in second.text and "606" not in lost.text


def test_unknown_command_stickers_edits_and_long_questions(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "/frobnicate")
    [note] = answered(tg, chat_id, 1)
    assert "/help" in note.text
    tg.fake.message(chat_id, None, extra={"sticker": {
        "file_id": "s1", "file_unique_id": "u1", "type": "regular", "width": 512,
        "height": 512, "is_animated": False, "is_video": False}})
    sticker_note = answered(tg, chat_id, 2)[1]
    assert "text" in sticker_note.text
    tg.fake.message(chat_id, "How many at Walsall? " * 300)  # 6,300 characters
    too_long = answered(tg, chat_id, 3)[2]
    assert "too long" in too_long.text
    tg.fake.message(chat_id, WALSALL, edited=True)  # edits are not new questions
    tg.fake.message(chat_id, "/figures")
    answered(tg, chat_id, 4)
    quiet_for(tg, chat_id, 4)


# --- groups --------------------------------------------------------------------------------

def test_group_answers_only_when_addressed(tg: Harness, group_id: int) -> None:
    fake = tg.fake
    chatter = fake.message(group_id, "lunch anyone? the strike figures are grim", user_id=7)
    other_bot = fake.message(group_id, "/ask@some_other_bot how many at Walsall", user_id=7)
    plain_ask = fake.message(group_id, f"/ask {WALSALL}", user_id=7)
    named_ask = fake.message(group_id, f"/ask@{USERNAME} How many were cancelled at Dudley?",
                             user_id=8)
    mention = fake.message(group_id, f"@{USERNAME} how many appointments across England?",
                           user_id=9)
    replies = answered(tg, group_id, 3)
    to_reply = next(s for s in replies if s.reply_to == plain_ask)
    follow = fake.message(group_id, "And at Dudley?", user_id=7,
                          reply_to=fake.message_json(to_reply))
    answered(tg, group_id, 4)
    replies = quiet_for(tg, group_id, 4)
    assert {s.reply_to for s in replies} == {plain_ask, named_ask, mention, follow}
    assert not {chatter, other_bot} & {s.reply_to for s in replies}
    assert "750" in next(s for s in replies if s.reply_to == plain_ask).text


def test_group_ask_without_question_and_bare_mention_explain_usage(tg: Harness,
                                                                     group_id: int) -> None:
    tg.fake.message(group_id, "/ask", user_id=7)
    tg.fake.message(group_id, f"@{USERNAME}", user_id=7)
    replies = answered(tg, group_id, 2)
    for reply in replies:
        assert "/ask" in reply.text and reply.reply_to is not None


def test_group_ask_in_reply_to_a_question_asks_it(tg: Harness, group_id: int) -> None:
    question = tg.fake.message(group_id, WALSALL, user_id=7)
    asked = tg.fake.message(group_id, "/ask", user_id=8, reply_to=tg.fake.user_message_json(
        group_id, question, WALSALL, 7))
    [reply] = answered(tg, group_id)
    assert reply.reply_to == asked
    assert "750" in reply.text


def test_group_ignores_photos_and_edits(tg: Harness, group_id: int) -> None:
    tg.fake.message(group_id, None, user_id=7, extra={"photo": [
        {"file_id": "p", "file_unique_id": "pu", "width": 10, "height": 10}]})
    tg.fake.message(group_id, f"/ask {WALSALL}", user_id=7, edited=True)
    sentinel = tg.fake.message(group_id, f"/ask@{USERNAME} {WALSALL}", user_id=7)
    [reply] = answered(tg, group_id)
    assert reply.reply_to == sentinel
    quiet_for(tg, group_id, 1)


# --- figures, sources, the button, inline mode ----------------------------------------------

def test_figures_table(tg: Harness, chat_id: int, engine: Any) -> None:
    tg.fake.message(chat_id, "/figures")
    [reply] = answered(tg, chat_id)
    for figure in engine.figures:
        assert figure.display in reply.text
        assert figure.passage in reply.text


def test_source_shows_a_passage_in_full(tg: Harness, chat_id: int, engine: Any) -> None:
    tg.fake.message(chat_id, "/source p04")
    tg.fake.message(chat_id, "/source")
    tg.fake.message(chat_id, "/source <b>p99&</b>")
    replies = answered(tg, chat_id, 3)
    texts = [r.text for r in replies]
    assert any(engine.passage("p04").text in t for t in texts)
    assert any("Which passage" in t for t in texts)
    assert any("There is no passage <b>p99&</b>" in t for t in texts)  # escaped, shown as is


def test_button_reveals_the_cited_passage_in_place(tg: Harness, chat_id: int,
                                                   engine: Any) -> None:
    tg.fake.message(chat_id, WALSALL)
    [reply] = answered(tg, chat_id)
    button = reply.buttons[0]
    query_id = tg.fake.press(reply, button["callback_data"], user_id=chat_id)
    tg.fake.wait(lambda: any(a["callback_query_id"] == query_id
                             for a in tg.fake.callback_answers))
    pid = button["callback_data"].split(":", 1)[1]
    tg.fake.wait(lambda: reply.edits)
    assert engine.passage(pid).text in reply.text  # the same message, now with the passage
    assert not any(b.get("callback_data") == button["callback_data"] for b in reply.buttons)
    assert len(tg.fake.to_chat(chat_id)) == 1  # nothing new posted: groups aren't flooded


def test_inline_mode_offers_the_answer(tg: Harness) -> None:
    query_id = tg.fake.inline("how many at Walsall", user_id=31)
    empty_id = tg.fake.inline("   ", user_id=31)
    answers = tg.fake.wait(lambda: (lambda got: got if len(got) == 2 else None)(
        [a for a in tg.fake.inline_answers if a["inline_query_id"] in (query_id, empty_id)]))
    by_id = {a["inline_query_id"]: a for a in answers}
    [result] = by_id[query_id]["results"]
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "750" in parse_html(content["message_text"])
    assert by_id[empty_id]["results"] == []


# --- formatting -----------------------------------------------------------------------------

def test_long_answers_are_split_on_paragraphs(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "__long__ please")
    tg.fake.wait(lambda: any(s.buttons for s in tg.fake.to_chat(chat_id)))
    parts = tg.fake.to_chat(chat_id)
    assert len(parts) >= 3
    assert all(tg_len(p.text) <= 4096 and p.parse_mode == "HTML" for p in parts)
    joined = "\n\n".join(p.text for p in parts)
    for n in range(6):  # every paragraph arrives whole, in order, with its text escaped
        assert f"Paragraph {n}: <w{n}.0> & 🙂" in joined
        assert f"<w{n}.179> & 🙂" in joined
    assert joined.index("Paragraph 1:") < joined.index("Paragraph 5:")
    assert parts[-1].buttons and not any(p.buttons for p in parts[:-1])


def test_a_giant_paragraph_is_split_too(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "__giant__")
    parts = answered(tg, chat_id, 4)
    time.sleep(0.3)
    parts = tg.fake.to_chat(chat_id)
    words = " ".join(p.text for p in parts).split()
    assert words == GIANT_ANSWER.split()
    assert all(tg_len(p.text) <= 4096 for p in parts)


def test_user_text_is_escaped(tg: Harness, group_id: int) -> None:
    tricky = f"@{USERNAME} <b>bold?</b> & <script> 🙂 how many at Walsall?"
    tg.fake.message(group_id, tricky, user_id=5)
    tg.fake.message(group_id, "/ask " + "<i>" * 400 + "&" * 700, user_id=5)  # over-long
    replies = answered(tg, group_id, 2)
    assert all(r.parse_mode == "HTML" for r in replies)
    assert not [r for r in tg.fake.rejected if r[0] == "sendMessage"]


def test_rejected_html_is_resent_as_plain_text(tg: Harness, chat_id: int) -> None:
    tg.fake.fail_next("sendMessage", 400)
    tg.fake.message(chat_id, WALSALL)
    [reply] = answered(tg, chat_id)
    assert reply.parse_mode is None
    assert "<b>" not in reply.raw and "750" in reply.text
    assert reply.buttons  # the button survives the fallback
    assert ("sendMessage", 400) in [(m, c) for m, c, _ in tg.fake.rejected]


# --- faults and load ------------------------------------------------------------------------

def test_429_mid_conversation_is_waited_out(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, WALSALL)
    answered(tg, chat_id, 1)
    tg.fake.fail_next("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    tg.fake.message(chat_id, "And at Dudley?")
    second = answered(tg, chat_id, 2)[1]
    assert time.monotonic() - started >= 1.0  # it waited as told
    assert "606" in second.text
    assert ("sendMessage", 429) in [(m, c) for m, c, _ in tg.fake.rejected]


def test_500_and_dropped_connections_are_retried(tg: Harness, chat_id: int,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    tg.fake.message(chat_id, "/help")
    answered(tg, chat_id, 1)
    tg.fake.fail_next("sendMessage", 500, times=2)
    tg.fake.fail_next("sendMessage", 0)  # then the connection drops without an answer
    tg.fake.message(chat_id, WALSALL)
    second = answered(tg, chat_id, 2)[1]
    assert "750" in second.text
    assert len(tg.fake.to_chat(chat_id)) == 2  # delivered once, nothing lost or doubled
    assert "retry" in caplog.text


def test_errors_are_reported_and_the_bot_keeps_going(tg: Harness, chat_id: int) -> None:
    tg.fake.message(chat_id, "__boom__")
    [sorry] = answered(tg, chat_id)
    assert "something went wrong" in sorry.text
    tg.fake.message(chat_id, WALSALL)
    assert "750" in answered(tg, chat_id, 2)[1].text


def test_thirty_chats_at_once_are_all_answered(tg: Harness) -> None:
    chats = list(range(900_001, 900_031))
    started = time.monotonic()
    for chat in chats:
        tg.fake.message(chat, WALSALL if chat % 2 else "What did Diane Wake say?")
    tg.fake.wait(lambda: all(tg.fake.to_chat(c) for c in chats), timeout=30)
    elapsed = time.monotonic() - started
    assert elapsed < 15, elapsed
    for chat in chats:
        [reply] = tg.fake.to_chat(chat)
        assert reply.text.strip()
        if chat % 2:
            assert "750" in reply.text


def test_token_never_appears_in_logs(tg: Harness, chat_id: int,
                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")  # even with httpx logging every URL
    tg.fake.fail_next("sendMessage", 500)
    tg.fake.message(chat_id, "__boom__")
    tg.fake.message(chat_id + 1, WALSALL)
    answered(tg, chat_id)
    answered(tg, chat_id + 1)
    time.sleep(0.3)
    secret = TOKEN.split(":", 1)[1]
    text = caplog.text
    assert "HTTP Request" in text and "redacted" in text  # httpx did log request URLs
    assert secret not in text
    for record in caplog.records:
        assert secret not in record.getMessage()
        assert secret not in (record.exc_text or "")


# --- settings that need their own bot ---------------------------------------------------------

def test_per_user_rate_limit_answers_the_excess_politely(engine: Any, redaction: None) -> None:
    fake, bot = launch(engine, rate_limit=3)
    try:
        for n in range(5):
            fake.message(4242, f"{WALSALL} ({n})")
        fake.message(4343, WALSALL)  # another user is not affected
        replies = fake.wait_replies(4242, 5)
        notes = [r for r in replies if "wait" in r.text]
        assert len(notes) == 2
        assert "750" in fake.wait_replies(4343, 1)[0].text
    finally:
        bot.stop()
        fake.stop()


def test_allow_list_keeps_the_bot_in_its_own_chats(engine: Any, redaction: None) -> None:
    team, stranger_group = -100_777, -100_888
    fake, bot = launch(engine, allowed_chats=frozenset({team, 555}))
    try:
        fake.message(stranger_group, f"/ask {WALSALL}", user_id=556)
        fake.message(556, WALSALL)  # a private chat that isn't on the list
        inline_id = fake.inline("how many at Walsall", user_id=556)
        fake.message(team, f"/ask {WALSALL}", user_id=556)
        fake.message(555, WALSALL)
        assert "750" in fake.wait_replies(team, 1)[0].text
        assert "750" in fake.wait_replies(555, 1)[0].text
        [note] = fake.wait_replies(556, 1)
        assert "only answers" in note.text
        fake.wait(lambda: [a for a in fake.inline_answers
                           if a["inline_query_id"] == inline_id and a["results"] == []])
        time.sleep(0.3)
        assert fake.to_chat(stranger_group) == []
    finally:
        bot.stop()
        fake.stop()


def test_shutdown_is_clean_while_answering(engine: Any, redaction: None) -> None:
    fake, bot = launch(engine)
    fake.message(6161, WALSALL)
    fake.wait_replies(6161, 1)
    threads_before = {t.name for t in threading.enumerate() if t.name.startswith("strikebot")}
    started = time.monotonic()
    bot.stop()
    assert time.monotonic() - started < 10
    fake.stop()
    assert bot.error is None
    assert threads_before  # the ask worker ran on its own thread, off the event loop
