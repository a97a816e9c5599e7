"""bot.intent_model: the shipped weights load, predict deterministically and fast, import no
torch or scikit-learn, and score on the held-out report split (questions about articles and
sets it was not trained or tuned on) at least what training/README.md reports."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from support import ROOT

from bot import intent_model
from training.intent_data import by_split, load_questions

# Measured from the shipped weights (training/README.md); the floors only go up.
REPORT_ROUTE_FLOOR = 240      # of 390 report questions (0.615)
VALIDATION_ROUTE_FLOOR = 281  # of 310 validation questions (0.906)
REPORT_OPERATION_FLOOR = 59   # of 86 report aggregate questions (0.686)


def _route(text: str) -> str:
    probs = intent_model.probabilities(text)
    if probs["abstain"] >= intent_model.thresholds()["abstain"]:
        return "abstain"
    return max(("table", "text"), key=probs.__getitem__)


def test_weights_ship_small_and_load() -> None:
    assert intent_model.MODEL_PATH.stat().st_size < 2 * 1024 * 1024
    model = intent_model.model()
    assert set(model.heads) == {"route", "operation"}
    assert set(model.heads["route"].labels) == {"table", "text", "abstain"}
    probs = intent_model.probabilities("How many more at the first trust than the second?")
    assert abs(sum(probs.values()) - 1) < 1e-6
    assert 0 < intent_model.thresholds()["abstain"] < 1


def test_predictions_are_deterministic_across_processes() -> None:
    questions = ["and dudley?", "Who said the offer was an insult?", "what's the weather",
                 "what % of the total was that"]
    here = [intent_model.probabilities(q) for q in questions]
    assert here == [intent_model.probabilities(q) for q in questions]
    code = ("import json, sys; from bot import intent_model; "
            "print(json.dumps([intent_model.probabilities(q) for q in json.loads(sys.argv[1])]))")
    out = subprocess.run([sys.executable, "-c", code, json.dumps(questions)], cwd=ROOT,
                         capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "123"}).stdout
    assert json.loads(out) == here


def test_the_query_path_imports_neither_torch_nor_sklearn() -> None:
    code = ("import sys; from bot import intent_model; intent_model.predict('and walsall?'); "
            "intent_model.predict('and walsall?', head='operation'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'torch', 'sklearn', 'scipy', 'sentence_transformers', 'transformers'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "[]"


def test_inference_is_under_a_millisecond() -> None:
    questions = [q.text for q in load_questions()[:200]]
    intent_model.predict(questions[0])
    runs = []
    for _ in range(3):    # the best of three runs: the machines are noisy
        started = time.perf_counter()
        for q in questions:
            intent_model.predict(q)
        runs.append((time.perf_counter() - started) / len(questions))
    per_question = min(runs)
    assert per_question < 1e-3, f"{per_question * 1e3:.2f} ms per question"


@pytest.fixture(scope="module")
def questions() -> list:  # type: ignore[type-arg]
    return load_questions()


def test_held_out_route_scores_reach_the_reported_floors(questions: list) -> None:  # type: ignore[type-arg]
    report = by_split(questions, "report")
    validation = by_split(questions, "validation")
    assert len(report) == 390 and len(validation) == 310
    assert not {q.text.lower() for q in report} & {q.text.lower() for q in
                                                    by_split(questions, "train")}
    right = sum(_route(q.text) == q.route for q in report)
    assert right >= REPORT_ROUTE_FLOOR, f"{right}/{len(report)}"
    right = sum(_route(q.text) == q.route for q in validation)
    assert right >= VALIDATION_ROUTE_FLOOR, f"{right}/{len(validation)}"


def test_held_out_operation_score_reaches_the_reported_floor(questions: list) -> None:  # type: ignore[type-arg]
    report = [q for q in by_split(questions, "report") if q.operation]
    right = sum(intent_model.predict(q.text, head="operation")[0] == q.operation for q in report)
    assert right >= REPORT_OPERATION_FLOOR, f"{right}/{len(report)}"
