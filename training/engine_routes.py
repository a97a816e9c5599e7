"""Ask the rule-based engine every validation and report question and record the path it took.

    HF_HUB_OFFLINE=1 PYTHONPATH=. .venv/bin/python training/engine_routes.py

Writes training/data/engine_routes.jsonl: one line per question (set, id, position), the
engine's answer kind, whether it abstained, its route mapped to the intent labels
(abstained -> abstain; figure/aggregate -> table; passage -> text; none -> abstain) and whether
the answer is right by the eval's judge. Conversations are asked in file order, as
tests/support.py:score_set does. Re-run it when the answering code changes; train_intent.py
reads the file (and says at which commit it was made).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from training.intent_data import ROOT, Question, load_questions

OUT = Path(__file__).resolve().parent / "data" / "engine_routes.jsonl"


def engine_route(kind: str, abstained: bool) -> str:
    if abstained or kind == "none":
        return "abstain"
    return "text" if kind == "passage" else "table"


def main() -> int:
    from bot.conversation import Conversation
    from bot.engine import load_engine
    from bot.evaluation import judge

    questions = [q for q in load_questions() if q.split != "train"]
    by_set: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        by_set[q.set].append(q)
    engines = {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    rows = []
    started = time.perf_counter()
    for name, items in sorted(by_set.items()):
        article = items[0].article
        if article not in engines:
            engines[article] = load_engine(article)
        engine = engines[article]
        conversations: dict[str, Conversation] = {}
        for q in sorted(items, key=lambda x: x.position):
            conv = q.item.get("conv")
            conversation = conversations.setdefault(str(conv), Conversation()) if conv else None
            answer = engine.ask(q.text, conversation)
            verdict = judge(q.item, answer.answer, answer.abstained)
            rows.append({"set": name, "id": q.item.get("id"), "position": q.position,
                         "kind": answer.kind, "abstained": answer.abstained,
                         "route": engine_route(answer.kind, answer.abstained),
                         "ok": verdict.ok, "commit": commit})
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} answers at {commit} in {time.perf_counter() - started:.0f} s -> {OUT}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
