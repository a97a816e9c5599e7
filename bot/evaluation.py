"""Scores answers against a question file in the format of the shared eval set."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError


def _norm(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).lower()


def says(text: str, phrase: str) -> bool:
    """Case-insensitive, word-bounded match that ignores thousands separators and plural s/es."""
    p = _norm(phrase)
    plural = r"(?:s|es)?" if p[-1:].isalpha() else ""
    return re.search(r"(?<![\w.])" + re.escape(p) + plural + r"(?![\w])", _norm(text)) is not None


@dataclass(frozen=True)
class Verdict:
    id: str
    kind: str
    question: str
    ok: bool
    why: str


def judge(q: dict[str, Any], answer: str, abstained: bool) -> Verdict:
    bad = [m for m in q.get("must_not", []) if says(answer, m)]
    if q.get("abstain"):
        ok = abstained and not bad
        why = ("answered" if not abstained else "") + (f" said {bad}" if bad else "")
    elif abstained:
        ok, why = False, "abstained"
    else:
        missing = [g for g in q.get("must", []) if not any(says(answer, alt) for alt in g)]
        ok = not missing and not bad
        why = (f"missing {missing}" if missing else "") + (f" said {bad}" if bad else "")
    return Verdict(str(q.get("id", "")), str(q.get("kind", "?")), str(q["q"]), ok, why.strip())


def read_questions(path: Path) -> list[dict[str, Any]]:
    try:
        # JSON lines end at "\n" only: a raw U+2028 inside a string is not a line break.
        lines = [line.rstrip("\r") for line in path.read_text(encoding="utf-8").split("\n")]
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read question file {path}: {exc}") from None
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except ValueError:
            raise UsageError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(q, dict) or not isinstance(q.get("q"), str):
            raise UsageError(f"{path}:{number}: needs a string field 'q'")
        questions.append(q)
    if not questions:
        raise UsageError(f"{path}: no questions")
    return questions


def per_kind(verdicts: list[Verdict]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for v in verdicts:
        table[v.kind]["ok" if v.ok else "bad"] += 1
    return dict(sorted(table.items()))
