"""The project's labelled questions as training data for bot.intent_model.

Every question file is read with its set name, its article folder and its conversation; the
gold labels are derived from the eval format (kind, abstain, must) and, for the operation head,
from the hand labels in training/labels/operations.tsv. The split is BY SET:

- report (never tuned on): the newest blind sets of the strike article (blind_strike_*_C) and
  every set of the two other articles (london-nurses, notts-resident-doctors: their public
  questions and blind A, B, C sets) -- questions about articles the model never saw;
- validation (thresholds and the regularisation strength are fitted here): the strike article's
  B blind sets and independent_questions_8 and _9, the newest of the written-blind sets before C;
- train: every other set of the strike article.

A question whose text (lower-cased) also appears in a later split is dropped from the earlier
one, so no question is both trained on and scored.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STRIKE = ROOT / "seeds" / "junior-doctors-strike"
LABELS = Path(__file__).resolve().parent / "labels" / "operations.tsv"

VALIDATION_SETS = {"tests/data/blind_strike_chat_B.jsonl",
                   "tests/data/blind_strike_analyst_B.jsonl",
                   "tests/data/independent_questions_8.jsonl",
                   "tests/data/independent_questions_9.jsonl"}
REPORT_STRIKE_SETS = {"tests/data/blind_strike_chat_C.jsonl",
                      "tests/data/blind_strike_analyst_C.jsonl"}

ROUTES = ("table", "text", "abstain")


@dataclass(frozen=True)
class Question:
    set: str            # path relative to the repo (or shared/...)
    article: Path       # the article folder the question is about
    split: str          # train | validation | report
    position: int       # line number in its set (conversations are asked in this order)
    item: dict[str, Any]
    route: str          # gold answer path: table | text | abstain
    operation: str | None  # gold operation of an aggregate question (hand label), else None

    @property
    def text(self) -> str:
        return str(self.item["q"])

    @property
    def kind(self) -> str:
        return str(self.item.get("kind", "?"))


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return "shared/" + str(path.relative_to(SHARED))


def question_files() -> list[tuple[Path, Path]]:
    """(set file, article folder) for every labelled set; the shared copies of the fixture
    articles' public questions are the same files as tests/articles/*/questions.jsonl and are
    read once (identical lines are dropped below anyway)."""
    files = [(p, STRIKE) for p in sorted((ROOT / "tests" / "data").rglob("*.jsonl"))]
    files.append((SHARED / "eval" / "dev_questions.jsonl", STRIKE))
    for folder in sorted((ROOT / "tests" / "articles").iterdir()):
        files += [(p, folder) for p in sorted(folder.glob("*.jsonl"))]
        shared = SHARED / "articles" / folder.name / "questions.jsonl"
        if shared.is_file():
            files.append((shared, folder))
    return [(p, a) for p, a in files if p.is_file()]


# Written blind after the shipped weights were trained (round D on): scored as a fresh split
# of their own, so the report split stays the one the weights were reported on.
TRAINED_ROUNDS = frozenset({"A", "B", "C"})
BLIND_ROUND = re.compile(r"(?:^|/)blind_(?:\w+_)?([A-Z]{1,2})\.jsonl$")


def _fresh(rel: str) -> bool:
    found = BLIND_ROUND.search(rel)
    return found is not None and found.group(1) not in TRAINED_ROUNDS


def _split(rel: str, article: Path) -> str:
    if _fresh(rel):
        return "fresh"
    if article != STRIKE or rel in REPORT_STRIKE_SETS:
        return "report"
    return "validation" if rel in VALIDATION_SETS else "train"


def _norm_number(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d{3})", "", text.strip().lower()).replace("£", "")


def table_values(article: Path) -> set[str]:
    """The figures of an article's table as the eval's must alternatives would write them."""
    values: set[str] = set()
    with (article / "figures.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            for cell in (row["value"], row["display"]):
                values.add(_norm_number(cell))
                values.add(_norm_number(re.sub(r"\s*(per cent|%)$", "", cell)))
            value = row["value"]
            if re.fullmatch(r"\d+\.0+", value):
                values.add(value.split(".")[0])
    values.discard("")
    return values


def gold_route(item: dict[str, Any], table: set[str]) -> str:
    """The answer path a question needs.

    abstain: the eval expects an abstention. table: figure and aggregate questions, and any
    other question (fact, quote, premise, inject) whose expected answer holds a figure of the
    article's table (a premise corrected from the table, a fact that is a table figure).
    text: the rest (facts, quotes, premises about what someone said).
    An inject question with no expected content tries to plant a figure: the answer is checked
    against the table, so it is table too.
    """
    if item.get("abstain"):
        return "abstain"
    kind = item.get("kind")
    if kind in ("figure", "aggregate"):
        return "table"
    must = item.get("must") or []
    alternatives = {_norm_number(str(a)) for group in must for a in group}
    alternatives |= {re.sub(r"\s*(per cent|%)$", "", a) for a in alternatives}
    # Figures only: an alternative with a digit, or a length written out ("four days"); a yes/no
    # or a bare number word ("no", "one") is no evidence of the table.
    figures = {a for a in alternatives if re.search(r"\d", a) or re.fullmatch(r"\w+[ -]days?", a)}
    if figures & table:
        return "table"
    if kind == "inject" and not must:
        return "table"
    return "text"


def operation_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("set\t"):
            continue
        _set, qid, op, _q = line.split("\t", 3)
        labels[qid] = op
    return labels


def load_questions() -> list[Question]:
    ops = operation_labels()
    raw: list[Question] = []
    seen_files: set[tuple[str, str]] = set()
    for path, article in question_files():
        rel = _rel(path)
        tables = table_values(article)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            key = (article.name, json.dumps(item, sort_keys=True))
            if key in seen_files:      # the shared copy of a fixture article's public set
                continue
            seen_files.add(key)
            op = ops.get(str(item.get("id"))) if item.get("kind") == "aggregate" \
                and not item.get("abstain") else None
            raw.append(Question(rel, article, _split(rel, article), number, item,
                                gold_route(item, tables), op))
    # No question text in two splits: keep it in the latest (report > validation > train).
    rank = {"fresh": -1, "train": 0, "validation": 1, "report": 2}
    latest: dict[str, int] = {}
    for q in raw:
        t = q.text.strip().lower()
        latest[t] = max(latest.get(t, -2), rank[q.split])
    return [q for q in raw if rank[q.split] == latest[q.text.strip().lower()]]


def by_split(questions: list[Question], split: str) -> list[Question]:
    return [q for q in questions if q.split == split]
