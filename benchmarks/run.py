"""strikebot benchmarks, in one run: `make bench` (or `.venv/bin/python benchmarks/run.py`).

1. cold start: `strikebot ask` in a fresh process vs benchmarks/plain_baseline.py (alternated)
2. warm latency: engine.ask per question vs one bare ONNX MiniLM encoding of it (the floor)
3. throughput from 1 and 2 worker threads
4. peak RSS: one-shot CLI, and the Telegram bot (real application, fake Bot API) over 1,000
   questions
5. index build time

Builds its own index in a temporary folder (the repository's index/ is not touched), writes
benchmarks/RESULTS.md, results.json, latency.png and profile.txt.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
BIN = Path(sys.executable).parent
DEV_QUESTIONS = Path("/work/shared/eval/dev_questions.jsonl")
ONE_SHOT = "How many appointments were cancelled at Walsall?"  # answered from the figures table
PROSE = "Why did the junior doctors go on strike?"  # needs the MiniLM encoder
FALLBACK_QUESTIONS = [
    "How many appointments were cancelled at Walsall Healthcare NHS Trust?",
    "How many appointments were rescheduled at Sandwell and West Birmingham?",
    "Dudley Group NHS Foundation Trust cancellations",
    "Which trust cancelled the most appointments?",
    "What is the total across the five trusts?",
    "What did Steve Barclay say?",
    "Why did junior doctors strike?",
    "What pay rise do junior doctors want?",
    "How long did the strike last?",
    "What is the weather in Walsall?",
]
TOKEN = "4242424242:AAHfakeTokenForTests_abcdefghijklmnop"

Report = dict[str, Any]


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def questions() -> list[str]:
    if DEV_QUESTIONS.exists():
        return [json.loads(line)["q"] for line in DEV_QUESTIONS.read_text().splitlines()
                if line.strip()]
    return list(FALLBACK_QUESTIONS)


def env_for(index: Path) -> dict[str, str]:
    env = dict(os.environ, STRIKEBOT_INDEX=str(index), HF_HUB_OFFLINE="1",
               HF_HUB_DISABLE_PROGRESS_BARS="1")
    env.pop("STRIKEBOT_DEBUG", None)
    return env


def timed_run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the child, and its stdout."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({child.returncode}): {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out


# --- 5. build ----------------------------------------------------------------------------------

def bench_build(index: Path, runs: int) -> Report:
    walls, internal = [], []
    for i in range(runs):
        shutil.rmtree(index, ignore_errors=True)
        log(f"build {i + 1}/{runs}")
        wall, rss, _ = timed_run([str(BIN / "strikebot"), "index", "build"], env_for(index))
        walls.append(wall)
        internal.append(json.loads((index / "manifest.json").read_text())["build_seconds"])
    manifest = json.loads((index / "manifest.json").read_text())
    if not manifest.get("onnx"):
        raise RuntimeError("the build recorded no ONNX export; nothing to benchmark")
    return {"wall_s": walls, "median_wall_s": statistics.median(walls),
            "build_seconds_in_manifest": internal, "peak_rss_mb": rss,
            "onnx_mb": (index / manifest["onnx"]["file"]).stat().st_size / 1e6}


# --- 1. cold start + 4a. one-shot RSS ---------------------------------------------------------

def bench_cold(index: Path, runs: int) -> Report:
    env = env_for(index)
    cmds = {"ours": [str(BIN / "strikebot"), "ask", ONE_SHOT],
            "prose": [str(BIN / "strikebot"), "ask", PROSE],
            "plain": [sys.executable, str(HERE / "plain_baseline.py"), str(index), ONE_SHOT]}
    for cmd in cmds.values():  # warm the page cache for all
        timed_run(cmd, env)
    result: dict[str, list[float]] = {f"{n}_{m}": [] for n in cmds for m in ("s", "rss_mb")}
    names = list(cmds)
    for i in range(runs):
        log(f"cold start {i + 1}/{runs}")
        for name in names if i % 2 == 0 else names[::-1]:  # alternated
            wall, rss, _ = timed_run(cmds[name], env)
            result[f"{name}_s"].append(wall)
            result[f"{name}_rss_mb"].append(rss)
    med = {n: statistics.median(result[f"{n}_s"]) for n in cmds}
    return {**result, "ours_median_s": med["ours"], "prose_median_s": med["prose"],
            "plain_median_s": med["plain"], "ratio": med["ours"] / med["plain"],
            "prose_ratio": med["prose"] / med["plain"],
            "ours_peak_rss_mb": max(result["ours_rss_mb"]),
            "prose_peak_rss_mb": max(result["prose_rss_mb"]),
            "plain_peak_rss_mb": max(result["plain_rss_mb"])}


# --- 2. warm latency, 3. throughput -------------------------------------------------------------

def _onnx(encoder: Any) -> Any:
    load = getattr(encoder, "load", None)  # the lazy wrapper
    return load() if load else encoder


def bench_warm(index: Path, reps: int) -> tuple[Report, dict[str, np.ndarray]]:
    from bot import paths
    from bot.engine import load_engine

    engine = load_engine(paths.seeds_dir(), index, rebuild=False)
    if engine.encoder.name != "onnxruntime":
        raise RuntimeError(f"the engine uses {engine.encoder.name}: {engine.notices}")
    qs = questions()
    for q in qs * 2:  # warm-up
        engine.ask(q)
        engine.encoder.encode([q])
    ask_ms: dict[str, list[float]] = {q: [] for q in qs}
    enc_ms: dict[str, list[float]] = {q: [] for q in qs}
    clock = time.perf_counter
    for _ in range(reps):
        for q in qs:  # alternate so drifts in machine load hit both alike
            t = clock()
            engine.encoder.encode([q])
            enc_ms[q].append((clock() - t) * 1000)
            t = clock()
            engine.ask(q)
            ask_ms[q].append((clock() - t) * 1000)
    all_ask = np.array([v for q in qs for v in ask_ms[q]])
    all_enc = np.array([v for q in qs for v in enc_ms[q]])
    per_q = []
    for q in qs:
        a95, e95 = float(np.percentile(ask_ms[q], 95)), float(np.percentile(enc_ms[q], 95))
        per_q.append({"q": q, "ask_p95_ms": a95, "encode_p95_ms": e95,
                      "ask_p50_ms": float(np.median(ask_ms[q])),
                      "encode_p50_ms": float(np.median(enc_ms[q])), "ratio_p95": a95 / e95})
    per_q.sort(key=lambda r: -r["ratio_p95"])
    p = {name: {"p50_ms": float(np.median(v)), "p95_ms": float(np.percentile(v, 95)),
                "p99_ms": float(np.percentile(v, 99)), "mean_ms": float(v.mean())}
         for name, v in (("ask", all_ask), ("encode", all_enc))}
    report = {"questions": len(qs), "reps": reps, "samples": len(all_ask), **p,
              "ratio_p50": p["ask"]["p50_ms"] / p["encode"]["p50_ms"],
              "ratio_p95": p["ask"]["p95_ms"] / p["encode"]["p95_ms"],
              "questions_meeting_1_5x_p95": sum(r["ratio_p95"] <= 1.5 for r in per_q),
              "worst_questions": per_q[:8],
              "intra_op_threads": getattr(_onnx(engine.encoder), "threads", None)}

    # 3. throughput
    total = max(len(qs) * 10, 400)
    stream = [qs[i % len(qs)] for i in range(total)]
    for workers in (1, 2):
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(engine.ask, stream[:50]))
            t = clock()
            list(pool.map(engine.ask, stream))
            report[f"throughput_{workers}_qps"] = total / (clock() - t)

    # where the time goes beyond the encoding (for whoever tunes the composer)
    profiler = cProfile.Profile()
    profiler.enable()
    for q in qs * 5:
        engine.ask(q)
    profiler.disable()
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(30)
    buffer.write("\n--- by own time ---\n")
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(20)
    (HERE / "profile.txt").write_text(
        f"cProfile of engine.ask over {len(qs)} questions x 5 (warm)\n\n"
        + buffer.getvalue().replace(str(REPO) + "/", ""), encoding="utf-8")
    return report, {"ask": all_ask, "encode": all_enc}


# --- 4b. the Telegram bot over 1,000 questions ---------------------------------------------------

def rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss / 2**20)


def bench_telegram(index: Path, total: int) -> Report:
    if not (REPO / "bot" / "telegram_frontend" / "app.py").exists() or not (
            REPO / "tests" / "telegram" / "tg_fake_api.py").exists():
        return {"skipped": "no Telegram application or fake Bot API in this checkout"}
    sys.path.insert(0, str(REPO / "tests" / "telegram"))
    from tg_fake_api import FakeBotAPI

    fake = FakeBotAPI(TOKEN).start()
    env = env_for(index)
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.root,
               STRIKEBOT_LOG_LEVEL="WARNING")
    with tempfile.TemporaryFile("w+") as err:
        bot = subprocess.Popen([str(BIN / "strikebot"), "telegram", "--rate-limit", "0"],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err,
                               text=True)
        try:
            return _drive_bot(fake, bot, total)
        except Exception as exc:
            err.seek(0)
            return {"error": f"{type(exc).__name__}: {exc}", "stderr": err.read()[-1500:]}
        finally:
            bot.terminate()
            try:
                bot.wait(20)
            except subprocess.TimeoutExpired:
                bot.kill()
            fake.stop()


def _drive_bot(fake: Any, bot: subprocess.Popen[str], total: int) -> Report:
    import psutil

    deadline = time.monotonic() + 120
    while fake.get_updates_calls == 0:  # polling has started
        if bot.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("the bot did not start polling")
        time.sleep(0.1)
    proc = psutil.Process(bot.pid)
    qs = questions()
    chats = list(range(50_001, 50_051))
    samples: list[tuple[int, float]] = [(0, rss_mb(bot.pid))]
    peak = samples[0][1]
    stop = threading.Event()

    def sampler() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, rss_mb(bot.pid))
            except psutil.Error:
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=sampler, daemon=True)
    watcher.start()
    sent_before = len(fake.calls_to("sendMessage"))
    started = time.perf_counter()
    batch = len(chats)
    for start in range(0, total, batch):
        count = min(batch, total - start)
        for i in range(count):
            fake.message(chats[i], qs[(start + i) % len(qs)])
        fake.wait(lambda n=start + count: len(fake.calls_to("sendMessage")) - sent_before >= n,
                  timeout=120)
        done = start + count
        if done % 100 == 0 or done == total:
            samples.append((done, rss_mb(bot.pid)))
    elapsed = time.perf_counter() - started
    stop.set()
    watcher.join()
    after_warmup = next(r for n, r in samples if n >= min(100, total))
    final = samples[-1][1]
    return {"questions": total, "seconds": elapsed, "qps": total / elapsed,
            "rss_mb_samples": samples, "peak_rss_mb": peak,
            "rss_after_100_mb": after_warmup, "rss_after_all_mb": final,
            "growth_after_warmup_mb": final - after_warmup, "threads": proc.num_threads(),
            "rejected_by_api": len(fake.rejected)}


# --- report ---------------------------------------------------------------------------------------

def machine() -> Report:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import psutil

    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total
                                                                / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform()}


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                              check=False).stdout.strip()

    dirty = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + (" (+ uncommitted changes)" if dirty else "")


def plot(lat: dict[str, np.ndarray], cold: Report, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(12, 4.5))
    top = float(np.percentile(lat["ask"], 99.5)) * 1.1
    bins = np.linspace(0, top, 80)
    a.hist(lat["encode"], bins=bins, alpha=0.6, label="bare MiniLM encoding (ONNX)")
    a.hist(lat["ask"], bins=bins, alpha=0.6, label="engine.ask (full answer)")
    for name, v, style in (("encode", lat["encode"], "--"), ("ask", lat["ask"], "-")):
        a.axvline(float(np.percentile(v, 95)), color="k", linestyle=style, linewidth=1,
                  label=f"p95 {name} {np.percentile(v, 95):.1f} ms")
    a.set_xlabel("ms per question (warm, one thread)")
    a.set_ylabel("questions")
    a.set_title("Warm latency")
    a.legend(fontsize=8)
    b.boxplot([cold["ours_s"], cold["prose_s"], cold["plain_s"]])
    b.set_xticks([1, 2, 3], ["strikebot ask\n(figure)", "strikebot ask\n(prose)",
                             "plain\nsentence-transformers"])
    b.set_ylabel("seconds, fresh process")
    b.set_title(f"Cold start (ratio {cold['ratio']:.2f}x)")
    b.set_ylim(bottom=0)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write_results(r: Report) -> None:
    cold, warm, build, tg = r["cold"], r["warm"], r["build"], r["telegram"]
    m = r["machine"]
    lines = [
        "# Benchmarks", "",
        f"- Date: {r['date']}", f"- Commit: {r['commit']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']},"
        f" {m['platform']}",
        f"- Command: `make bench` (`.venv/bin/python benchmarks/run.py`), {r['seconds']:.0f} s",
        f"- Query encoder: onnxruntime, {warm['intra_op_threads']} intra-op threads; "
        f"{warm['questions']} questions ({'dev set' if DEV_QUESTIONS.exists() else 'built-in'})",
        "", "| # | Measure | strikebot | Reference | Ratio | Target |", "|---|---|---|---|---|---|",
        f"| 1 | Cold start, one `ask`, figure question (median of {len(cold['ours_s'])}, "
        f"alternated) | {cold['ours_median_s']:.2f} s | plain sentence-transformers script "
        f"{cold['plain_median_s']:.2f} s | {cold['ratio']:.3f}x | <= 0.25x "
        f"{verdict(cold['ratio'] <= 0.25)} |",
        f"| 1 | Cold start, one `ask`, prose question (loads the ONNX encoder) | "
        f"{cold['prose_median_s']:.2f} s | same | {cold['prose_ratio']:.3f}x | <= 0.25x "
        f"{verdict(cold['prose_ratio'] <= 0.25)} |",
        f"| 2 | Warm latency p50 per question ({warm['samples']} asks) | "
        f"{warm['ask']['p50_ms']:.2f} ms | bare ONNX encoding {warm['encode']['p50_ms']:.2f} ms"
        f" | {warm['ratio_p50']:.2f}x | |",
        f"| 2 | Warm latency p95 per question | {warm['ask']['p95_ms']:.2f} ms | bare ONNX "
        f"encoding {warm['encode']['p95_ms']:.2f} ms | {warm['ratio_p95']:.2f}x | <= 1.5x "
        f"{verdict(warm['ratio_p95'] <= 1.5)} |",
        f"| 3 | Throughput, 1 worker thread | {warm['throughput_1_qps']:.0f} q/s | | | |",
        f"| 3 | Throughput, 2 worker threads | {warm['throughput_2_qps']:.0f} q/s | | "
        f"{warm['throughput_2_qps'] / warm['throughput_1_qps']:.2f}x of 1 thread | |",
        f"| 4 | Peak RSS, one-shot `ask`, prose question | {cold['prose_peak_rss_mb']:.0f} MB"
        f" | plain script {cold['plain_peak_rss_mb']:.0f} MB | "
        f"{cold['prose_peak_rss_mb'] / cold['plain_peak_rss_mb']:.2f}x | "
        f"< 350 MB {verdict(cold['prose_peak_rss_mb'] < 350)} |",
        f"| 4 | Peak RSS, one-shot `ask`, figure question | {cold['ours_peak_rss_mb']:.0f} MB | "
        "plain script "
        f"{cold['plain_peak_rss_mb']:.0f} MB | "
        f"{cold['ours_peak_rss_mb'] / cold['plain_peak_rss_mb']:.2f}x | "
        f"< 350 MB {verdict(cold['ours_peak_rss_mb'] < 350)} |",
    ]
    if "peak_rss_mb" in tg:
        lines.append(
            f"| 4 | Telegram bot, {tg['questions']} questions (real app, fake Bot API) | peak "
            f"{tg['peak_rss_mb']:.0f} MB; {tg['rss_after_100_mb']:.0f} MB after 100, "
            f"{tg['rss_after_all_mb']:.0f} MB after {tg['questions']} | growth after warm-up "
            f"{tg['growth_after_warmup_mb']:+.1f} MB | {tg['qps']:.0f} q/s end to end | "
            f"must not grow |")
    else:
        lines.append(f"| 4 | Telegram bot | not measured: {tg.get('skipped') or tg.get('error')}"
                     " | | | |")
    lines += [
        f"| 5 | Index build (`strikebot index build`, fresh process, median of "
        f"{len(build['wall_s'])}) | {build['median_wall_s']:.1f} s wall | "
        f"{statistics.median(build['build_seconds_in_manifest']):.1f} s inside the build "
        f"(embed + FAISS + ONNX export) | | |",
        "",
        f"Cold-start runs (s): strikebot figure {', '.join(f'{x:.2f}' for x in cold['ours_s'])};"
        f" prose {', '.join(f'{x:.2f}' for x in cold['prose_s'])}; "
        f"plain {', '.join(f'{x:.2f}' for x in cold['plain_s'])}.",
        f"Per question, {warm['questions_meeting_1_5x_p95']}/{warm['questions']} questions have "
        "a p95 within 1.5x of their own bare-encoding p95; the slowest relative to the floor:",
        "", "| Question | ask p95 ms | encode p95 ms | ratio |", "|---|---|---|---|",
    ]
    for q in warm["worst_questions"]:
        lines.append(f"| {q['q'][:70]} | {q['ask_p95_ms']:.2f} | {q['encode_p95_ms']:.2f} | "
                     f"{q['ratio_p95']:.2f}x |")
    lines += ["", "![latency distributions](latency.png)", "",
              "Raw numbers: `results.json`; where warm time goes beyond the encoding: "
              "`profile.txt` (cProfile of `engine.ask`)."]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test)")
    parser.add_argument("--cold-runs", type=int, default=None)
    args = parser.parse_args()
    cold_runs = args.cold_runs or (2 if args.quick else 7)
    reps = 5 if args.quick else 25
    tg_total = 100 if args.quick else 1000
    started = time.perf_counter()
    r: Report = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "commit": commit(),
                 "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="strikebot-bench-") as tmp:
        index = Path(tmp) / "index"
        r["build"] = bench_build(index, 1 if args.quick else 2)
        r["cold"] = bench_cold(index, cold_runs)
        log("warm latency and throughput")
        r["warm"], lat = bench_warm(index, reps)
        log(f"Telegram bot over {tg_total} questions")
        r["telegram"] = bench_telegram(index, tg_total)
    r["seconds"] = time.perf_counter() - started
    plot(lat, r["cold"], HERE / "latency.png")
    (HERE / "results.json").write_text(json.dumps(r, indent=1, default=float), encoding="utf-8")
    write_results(r)
    print((HERE / "RESULTS.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
