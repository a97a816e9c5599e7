"""The `strikebot` command line, in-process and as a real subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, SEEDS

from bot import cli

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _shared_engine(engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The in-process CLI reuses the session's engine rather than loading the model again.
    monkeypatch.setattr(cli, "_engine", lambda args: engine)


def _run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None,
         monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "ask", "How many appointments were cancelled at Walsall?")
    assert code == 0
    assert "750" in out and "p04" in out and "source" in out


def test_ask_json_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "ask", "--json", "Which trust was hit hardest?")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"question", "answer", "abstained", "kind", "citations", "figures",
                         "notice"}
    assert data["kind"] == "aggregate" and "North Midlands" in data["answer"]
    assert {"passage", "text", "score"} <= set(data["citations"][0])
    assert {"id", "subject", "value", "display", "qualifier", "passage"} <= set(data["figures"][0])


def test_ask_stdin_lines_are_independent_and_in_order(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ("How many at Walsall?\nAnd at Dudley?\n\n"
             "How many appointments were cancelled in Wales?\n")
    code, out, _ = _run(capsys, "ask", "--json", "-", stdin=lines, monkeypatch=monkeypatch)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert [r["question"] for r in rows] == ["How many at Walsall?", "And at Dudley?",
                                             "How many appointments were cancelled in Wales?"]
    assert "750" in rows[0]["answer"]
    assert rows[2]["abstained"] is True


def test_chat_json_is_one_conversation(capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "How many at Walsall?\nAnd at Dudley?\nAnd the fewest?\n"
    code, out, _ = _run(capsys, "chat", "--json", stdin=lines, monkeypatch=monkeypatch)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert "606" in rows[1]["answer"]
    assert rows[2]["answer"].startswith("Dudley")


def test_figures_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "figures", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["id"] for r in rows} >= {"walsall", "uhnm", "england_total"}
    code, out, _ = _run(capsys, "figures", "--csv")
    assert out.splitlines()[0].startswith("id,subject,measure,value")
    code, out, _ = _run(capsys, "figures")
    assert "4,413" in out


def test_source_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "source", "p04")
    assert code == 0 and "1,169" in out
    code, _, err = _run(capsys, "source", "p99")
    assert code == 2 and "no passage 'p99'" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["ask"])
    assert exit_.value.code == 2


def test_eval_scores_and_min(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"id": "a", "kind": "figure", "q": "Walsall?", "must": [["750"]]}) + "\n"
        + json.dumps({"id": "b", "kind": "abstain", "q": "Scotland cancellations?",
                      "abstain": True}) + "\n")
    code, out, _ = _run(capsys, "eval", str(questions))
    assert code == 0 and "score 2/2" in out
    code, _, err = _run(capsys, "eval", str(questions), "--min", "3")
    assert code == 1 and "below --min 3" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    code, _, err = _run(capsys, "eval", str(bad))
    assert code == 2 and "bad.jsonl:1" in err


def _subprocess(*args: str, stdin: str = "", env: dict[str, str] | None = None
                ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=180, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_subprocess_ask_json() -> None:
    done = _subprocess("ask", "--json", "How many appointments were cancelled at Dudley?")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert "606" in data["answer"] and data["figures"][0]["id"] == "dudley"
    assert "Traceback" not in done.stderr


def test_subprocess_bad_seeds_is_one_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("article.txt", "people.csv"):
        (seeds / name).write_text((SEEDS / name).read_text())
    (seeds / "figures.csv").write_text((SEEDS / "figures.csv").read_text()
                                       .replace(",606,606,", ",60x,606,"))
    done = _subprocess("ask", "Dudley?", env={"STRIKEBOT_SEEDS": str(seeds),
                                              "STRIKEBOT_INDEX": str(tmp_path / "index")})
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "figures.csv:5" in done.stderr and "not a number" in done.stderr
