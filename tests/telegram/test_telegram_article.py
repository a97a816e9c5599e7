"""/article on Telegram: a chat's article, the others, switching (admins only in groups), and
the choice kept across a restart. Over real HTTP against the fake Bot API server.

The seeds root is a temporary folder of links to the shipped article and the two fixture
articles, so their saved indexes (index/ and tests/articles/*/index/) are reused: the other
article's engine is loaded once for the whole session, and no model is loaded for it when its
index is already built.
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, SEEDS
from tg_harness import Harness, ProxyEngine, launch

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*")

NURSES = "london-nurses"
NURSES_HEADLINE = "More than 4,100 appointments postponed at London hospitals"
NOTTS = "notts-resident-doctors"
DEFAULT = SEEDS.name
GOSH = "How many appointments did Great Ormond Street postpone?"


@pytest.fixture(scope="session")
def seeds_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seeds")
    (root / DEFAULT).symlink_to(SEEDS, target_is_directory=True)
    for name in (NURSES, NOTTS):
        (root / name).symlink_to(ROOT / "tests" / "articles" / name, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def tga(engine: Any, redaction: None, seeds_root: Path) -> Iterator[Harness]:
    fake, bot = launch(ProxyEngine(engine), article=DEFAULT, seeds_root=seeds_root)
    yield Harness(fake, bot)
    bot.stop()
    fake.stop()


def test_article_shows_the_chat_s_article_and_the_others(tga: Harness, chat_id: int) -> None:
    tga.fake.message(chat_id, "/article")
    [reply] = tga.fake.wait_replies(chat_id)
    mine, others = reply.text.split("Others", 1)
    assert DEFAULT in mine and NURSES not in mine
    assert f"{NURSES} — {NURSES_HEADLINE}" in others and NOTTS in others
    assert "/article NAME" in reply.text
    for scope in ("all_private_chats", "all_group_chats"):
        assert "article" in {c["command"] for c in tga.fake.commands[scope]}


def test_a_private_chat_switches_and_is_answered_from_the_other_article(
        tga: Harness, chat_id: int) -> None:
    tga.fake.message(chat_id, f"/article {NURSES}")
    [switched] = tga.fake.wait_replies(chat_id)
    assert f"now asks about {NURSES}" in switched.text and NURSES_HEADLINE in switched.text
    tga.fake.message(chat_id, GOSH)
    answer = tga.fake.wait_replies(chat_id, 2, timeout=120)[1]
    assert "620" in answer.text
    tga.fake.message(chat_id, "/article")
    listing = tga.fake.wait_replies(chat_id, 3)[2]
    assert NURSES in listing.text.split("Others", 1)[0]
    tga.fake.message(chat_id, "/figures")
    assert "620" in tga.fake.wait_replies(chat_id, 4)[3].text
    other = chat_id + 500_000  # another chat keeps the default
    tga.fake.message(other, "/article")
    assert DEFAULT in tga.fake.wait_replies(other)[0].text.split("Others", 1)[0]


def test_in_a_group_only_admins_switch(tga: Harness, group_id: int) -> None:
    admin, member = 31, 32
    tga.fake.admins[group_id] = {admin}
    tga.fake.message(group_id, f"/article {NURSES}", user_id=member)
    [refused] = tga.fake.wait_replies(group_id)
    assert "Only the group's admins" in refused.text and DEFAULT in refused.text
    tga.fake.message(group_id, "/article", user_id=member)
    assert DEFAULT in tga.fake.wait_replies(group_id, 2)[1].text.split("Others", 1)[0]
    tga.fake.message(group_id, f"/article {NURSES}", user_id=admin)
    assert f"now asks about {NURSES}" in tga.fake.wait_replies(group_id, 3)[2].text
    tga.fake.message(group_id, f"/ask {GOSH}", user_id=member)
    assert "620" in tga.fake.wait_replies(group_id, 4, timeout=120)[3].text
    checked = [p for p in tga.fake.calls_to("getChatMember") if int(p["chat_id"]) == group_id]
    assert {int(p["user_id"]) for p in checked} == {admin, member}


def test_an_unknown_name_gets_one_line_listing_the_names(tga: Harness, chat_id: int) -> None:
    tga.fake.message(chat_id, "/article nowhere")
    [reply] = tga.fake.wait_replies(chat_id)
    assert "\n" not in reply.text and "no article nowhere" in reply.text
    for name in (DEFAULT, NURSES, NOTTS):
        assert name in reply.text


def test_the_choice_survives_a_restart_and_the_memory_is_reset(
        engine: Any, redaction: None, seeds_root: Path, tmp_path: Path) -> None:
    state, chat = tmp_path / "state.pickle", 7301
    settings = {"article": DEFAULT, "seeds_root": seeds_root, "state_file": state}
    fake, bot = launch(engine, **settings)
    try:
        fake.message(chat, "How many appointments were cancelled at Walsall?")
        fake.wait_replies(chat)
        fake.message(chat, f"/article {NURSES}")
        fake.wait_replies(chat, 2)
        bot.stop()
        with state.open("rb") as handle:
            saved = pickle.load(handle)["chat_data"][chat]
        assert saved.get("article") == NURSES and "conversation" not in saved
        _, bot = launch(engine, fake=fake, **settings)
        fake.message(chat, GOSH)
        assert "620" in fake.wait_replies(chat, 3, timeout=120)[2].text
    finally:
        bot.stop()
        fake.stop()


def test_the_default_article_is_a_setting(seeds_root: Path) -> None:
    from tg_harness import TOKEN

    from bot import cli
    from bot.telegram_frontend.articles import Articles
    from bot.telegram_frontend.settings import settings_from

    def args(article: str | None) -> argparse.Namespace:
        return argparse.Namespace(token_file=None, allowed_chats=None, rate_limit=None,
                                  state_file="off", feedback_db="off", article=article)

    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "STRIKEBOT_ARTICLE": NOTTS}
    assert settings_from(args(NURSES), env).article == NURSES  # --article wins
    assert settings_from(args(None), env).article == NOTTS
    assert settings_from(args(None), {"TELEGRAM_BOT_TOKEN": TOKEN}).article is None
    assert cli.parser().parse_args(["telegram", "--article", NURSES]).article == NURSES
    articles = Articles(object(), NURSES, seeds_root)
    assert articles.default == NURSES and articles.names() == [NURSES, DEFAULT, NOTTS]
    assert articles.find(" London-Nurses ") == NURSES and articles.find("nowhere") is None
    elsewhere = Articles(object(), str(ROOT / "tests" / "articles" / NOTTS), seeds_root / "x")
    assert elsewhere.names() == [NOTTS] and elsewhere.headline(NOTTS).startswith("Notting")
