"""Broken text at the edge: surrogates, invalid bytes, invisible characters, huge input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from typing import Any

import pytest
from support import ROOT

from bot import cli
from bot.input_text import from_argv, from_bytes, json_line_safe, normalise, repair

WALSALL = "How many appointments were cancelled at Walsall?"
INVISIBLE = ["\u200b", "\u2060", "\ufeff", "\u202e", "\u202d", "\u00ad", "\u2066", "\u2069",
             "\u180e", "\u061c", "\u034f", "\u200c", "\u200d", "\u200e", "\u2067", "\u2068"]


def test_repair_replaces_lone_surrogates_and_keeps_pairs() -> None:
    assert repair("ab\ud800c\udcff") == "ab\ufffdc\ufffd"
    assert repair("\ud83d\ude00") == "\U0001f600"
    assert repair("plain") == "plain"
    repair("x\udfff\ud800y").encode("utf-8")  # always encodable


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_removed_inside_words(mark: str) -> None:
    assert normalise(f"Wal{mark}sall") == "Walsall"


def test_decoration_marks_go_but_accents_stay() -> None:
    assert normalise("W\u0334a\u0334l\u0334s\u0334a\u0334l\u0334l\u0334") == "Walsall"
    assert normalise("e\u0301t\u00e9") == "\u00e9t\u00e9"  # composed, not stripped


def test_normalise_is_nfkc_but_makes_no_new_numbers() -> None:
    assert normalise("Ｗａｌｓａｌｌ ７５０") == "Walsall 750"  # full-width forms
    assert "7502" not in normalise("750²") and "750" in normalise("750²")
    assert "12" not in normalise("1½")
    assert normalise("a\u2028b\u2029c\x85d\x00e") == "a b c d e"


def test_bytes_and_argv_decode_with_replacement() -> None:
    assert from_bytes(b"How many at Walsall?\xff\xfe") == "How many at Walsall?\ufffd\ufffd"
    assert from_bytes(b"\xef\xbb\xbfHi") == "Hi"
    broken = os.fsdecode(b"Walsall\xff")  # how Python hands an undecodable argv word over
    assert from_argv(broken) == "Walsall\ufffd"


def test_json_lines_escape_line_separators() -> None:
    line = json_line_safe(json.dumps({"a": "x\u2028y\u2029z\x85"}, ensure_ascii=False))
    assert len(line.splitlines()) == 1 and json.loads(line) == {"a": "x\u2028y\u2029z\x85"}


@pytest.mark.e2e
@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_change_no_answer(engine: Any, mark: str) -> None:
    plain = engine.ask(WALSALL)
    for damaged in (WALSALL.replace("Walsall", f"Wal{mark}sall"),
                    WALSALL.replace("Walsall", "".join(c + "\u0336" for c in "Walsall")),
                    WALSALL.replace("many", f"ma{mark}ny"), mark + WALSALL + mark):
        answer = engine.ask(damaged)
        assert answer.answer == plain.answer, damaged
        assert answer.question == damaged


@pytest.mark.e2e
@pytest.mark.parametrize("text", ["How many at Walsall?\ud800", "\udcff How many at Walsall?",
                                  "\ud800", "How many at \udfffDudley\ud83d?"])
def test_lone_surrogates_answer_and_serialise(engine: Any, text: str) -> None:
    answer = engine.ask(text)
    assert answer.answer.strip()
    cli.json_line(answer).encode("utf-8")  # valid UTF-8 JSON
    lone = sum(1 for c in text if "\ud800" <= c <= "\udfff")
    assert answer.question.count("\ufffd") == lone and answer.question.encode("utf-8")


@pytest.mark.e2e
@pytest.mark.parametrize("size", [3_999, 5_000, 100_000, 400_000])
@pytest.mark.parametrize("unit", ["what is ", "a", "How many more at Walsall than at Dudley? ",
                                  "<b " * 3, "1,1" * 3, "at the " * 2, "\u200b"])
def test_huge_input_is_refused_in_milliseconds(engine: Any, unit: str, size: int) -> None:
    text = (unit * (size // len(unit) + 1))[:size]
    started = time.perf_counter()
    answer = engine.ask(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.25, f"{elapsed:.2f} s for {size:,} characters of {unit!r}"
    assert answer.abstained and answer.answer.strip()


@pytest.mark.e2e
@pytest.mark.parametrize("unit", ["what is ", "how many at the ", "more than 1,000 ",
                                  "Walsall and Dudley together ", "'a' ", "“x” ", "x-" * 3,
                                  "Why did Tom say ", "<i>a</i> ", "at Wal ", "1.2.3.4 "])
def test_longest_accepted_question_is_read_fast(engine: Any, unit: str) -> None:
    text = (unit * (1000 // len(unit)))[:999] + "?"
    started = time.perf_counter()
    engine.ask(text)
    assert time.perf_counter() - started < 1.0, unit


@pytest.fixture()
def _shared_engine(engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_engine", lambda args: engine)


class _BytesStdin(io.TextIOWrapper):
    """A stdin whose bytes are not all valid UTF-8, decoded strictly like PYTHONIOENCODING."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict")


@pytest.mark.e2e
@pytest.mark.usefixtures("_shared_engine")
@pytest.mark.parametrize("command", [["ask", "--json", "-"], ["chat", "--json"]])
def test_invalid_utf8_line_never_stops_the_others(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  command: list[str]) -> None:
    data = (b"How many at Walsall?\n\xff\xfe broken \xc3\x28 line\nHow many at Dudley?\n"
            b"How many\xe2\x80\xa8 at Sandwell?\n")
    monkeypatch.setattr(sys, "stdin", _BytesStdin(data))
    code = cli.main(command)
    out, err = capsys.readouterr()
    assert code == 0, err
    out.encode("utf-8")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 4 and len(out.split("\n")) == 5
    assert "750" in rows[0]["answer"] and "606" in rows[2]["answer"]
    assert "1,169" in rows[3]["answer"]
    assert "\ufffd" in rows[1]["question"]


@pytest.mark.e2e
def test_subprocess_invalid_bytes_in_argv_and_stdin() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    base = [sys.executable, "-m", "bot.cli", "ask", "--json"]
    done = subprocess.run([*base, "-"], input=b"Walsall?\n\xff\xfe\nDudley?\n\xed\xa0\x80\n",
                          capture_output=True, timeout=180, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(rows) == 4 and "750" in rows[0]["answer"] and "606" in rows[2]["answer"]
    done = subprocess.run([*base, os.fsdecode(b"How many at Walsall?\xff")],
                          capture_output=True, timeout=180, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))
    assert "750" in data["answer"] and data["question"].endswith("\ufffd")


def test_question_files_split_on_newlines_only(tmp_path: Any) -> None:
    from bot.evaluation import read_questions

    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "a", "q": "How\u2028many at Walsall?\x85"},
                               ensure_ascii=False) + "\r\n", encoding="utf-8")
    assert [q["q"] for q in read_questions(path)] == ["How\u2028many at Walsall?\x85"]
