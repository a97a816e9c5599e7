"""Paths and helpers the tests share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "junior-doctors-strike"
DATA = Path(__file__).resolve().parent / "data"
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def score_set(engine: Any, questions: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Right answers and the misses of a question set; lines sharing a "conv" id are the
    turns of one conversation, asked in file order."""
    from bot.conversation import Conversation
    from bot.evaluation import judge

    conversations: dict[str, Conversation] = {}
    misses = []
    for q in questions:
        conv = q.get("conv")
        conversation = conversations.setdefault(str(conv), Conversation()) if conv else None
        answer = engine.ask(q["q"], conversation)
        verdict = judge(q, answer.answer, answer.abstained)
        if not verdict.ok:
            misses.append(f"{q.get('id')} [{q.get('kind')}] {q['q']}: {verdict.why}: "
                          f"{answer.answer[:160]}")
    return len(questions) - len(misses), misses
