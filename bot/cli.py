"""The `strikebot` command line: a thin front end over the engine."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from . import paths
from .answer import Answer
from .conversation import Conversation
from .errors import StrikebotError, UsageError
from .input_text import from_argv, from_bytes, json_line_safe, repair

if TYPE_CHECKING:
    from .engine import Engine
    from .figures import Figure

PROG = "strikebot"


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _engine(args: argparse.Namespace) -> Engine:
    from .engine import load_engine

    engine = load_engine(progress=lambda m: _stderr(f"{PROG}: {m}"))
    for notice in engine.notices:
        if "rebuilding" not in notice and "building it now" not in notice:
            _stderr(f"{PROG}: {notice}")
    return engine


def _console(stream: TextIO) -> Any:
    from rich.console import Console

    return Console(file=stream, highlight=False, soft_wrap=True)


def render_text(answer: Answer, stream: TextIO) -> None:
    """A readable answer for a terminal: the answer, its figures, its sources."""
    from rich.markup import escape

    console = _console(stream)
    style = "yellow" if answer.abstained else "bold"
    console.print(f"[{style}]{escape(answer.answer)}[/]")
    if answer.notice:
        console.print(f"[dim]{escape(answer.notice)}[/]")
    for figure in answer.figures:
        stated = f"{figure.qualifier} {figure.display}".strip()
        console.print(f"  [cyan]figure[/] {escape(stated)} — {escape(figure.subject)} "
                      f"[dim]({figure.id}, {figure.passage})[/]")
    for citation in answer.citations:
        console.print(f"  [cyan]source[/] [dim]{citation.passage}[/] "
                      f"{escape(_clip(citation.text, 160))}")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def json_line(answer: Answer, ascii_only: bool = False) -> str:
    """One answer as one line of JSON, valid UTF-8 whatever the answer holds."""
    payload = {k: v for k, v in answer.to_dict().items() if k not in ("highlights",)}
    return json_line_safe(repair(json.dumps(payload, ensure_ascii=ascii_only)))


def _emit_json(answer: Answer, stream: TextIO) -> None:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    stream.write(json_line(answer, ascii_only=encoding not in ("utf8", "utf8sig")) + "\n")
    stream.flush()


def _lines(stream: TextIO) -> Iterable[str]:
    """Input lines as text: read as bytes where possible, so invalid UTF-8 in one line (or a
    strict PYTHONIOENCODING) becomes U+FFFD and never stops the lines after it."""
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        for data in raw:
            yield from_bytes(data).rstrip("\r\n")
        return
    for line in stream:
        yield repair(line).rstrip("\r\n")


def _show(answer: Answer, as_json: bool) -> None:
    if as_json:
        _emit_json(answer, sys.stdout)
    else:
        render_text(answer, sys.stdout)


def cmd_ask(args: argparse.Namespace) -> int:
    question = " ".join(from_argv(word) for word in args.question)
    engine = _engine(args)
    if question != "-":
        _show(engine.ask(question), args.json)
        return 0
    for line in _lines(sys.stdin):
        if line.strip():
            _show(engine.ask(line), args.json)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    engine = _engine(args)
    conversation = Conversation()
    interactive = sys.stdin.isatty() and not args.json
    if interactive:
        print(engine.greeting())
        print("Follow-ups work. Ctrl-D or 'quit' to leave.")
    lines: Iterator[str] = iter(_lines(sys.stdin))
    while True:
        try:
            line = from_argv(input("you> ")) if interactive else next(lines)
        except (EOFError, StopIteration):
            break
        except UnicodeDecodeError:
            _stderr(f"{PROG}: that line was not valid text; please type it again")
            continue
        if line.strip().lower() in ("quit", "exit", ":q", "/quit", "/exit"):
            break
        if not line.strip():
            continue
        _show(engine.ask(line, conversation), args.json)
    return 0


def figure_rows(figures: Sequence[Figure]) -> list[dict[str, Any]]:
    return [{"id": f.id, "subject": f.subject, "measure": f.measure, "value": f.value,
             "display": f.display, "unit": f.unit, "qualifier": f.qualifier, "scope": f.scope,
             "period": f.period, "passage": f.passage, "span": f.span,
             "aliases": list(f.aliases[1:])} for f in figures]


def cmd_figures(args: argparse.Namespace) -> int:
    from .corpus import load_corpus

    rows = figure_rows(load_corpus(paths.seeds_dir()).figures)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "aliases": ";".join(row["aliases"])})
    else:
        from rich.table import Table

        table = Table(title="Figures in the article")
        for column in ("id", "subject", "figure", "measure", "passage"):
            table.add_column(column)
        for row in rows:
            stated = f"{row['qualifier']} {row['display']}".strip()
            table.add_row(row["id"], row["subject"], stated, row["measure"], row["passage"])
        _console(sys.stdout).print(table)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .engine import build
    from .index_store import load_index
    from .query_encoder import describe

    if args.action == "build":
        seeds = paths.seeds_dir()
        build(seeds, paths.index_dir(seeds), progress=lambda m: _stderr(f"{PROG}: {m}"))
        return 0
    seeds = paths.seeds_dir()
    folder = paths.index_dir(seeds)
    saved = load_index(folder, seeds, load_corpus(seeds))
    m = {k: saved.manifest.get(k, "?") for k in ("model", "dimension", "passages", "sentences",
                                                  "built_at")}
    print(f"index OK: {folder}")
    print(f"  model {m['model']} ({m['dimension']} dims), {m['passages']} passages, "
          f"{m['sentences']} sentences, built {m['built_at']}")
    print(f"  {describe(folder, saved.manifest)}")
    if saved.article_model is not None:
        saved_model = "saved" if "article_model.json" in saved.manifest.get("files", {}) else (
            "built on load: the folder predates it")
        print(f"  article model: {len(saved.article_model.sentences)} sentences ({saved_model})")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .conversation import Conversation
    from .evaluation import judge, per_kind, read_questions

    questions = read_questions(Path(args.file))
    engine = _engine(args)
    verdicts = []
    # Lines that share a "conv" id are the turns of one conversation, in file order.
    conversations: dict[str, Conversation] = {}
    out = open(args.answers, "w", encoding="utf-8") if args.answers else None  # noqa: SIM115
    try:
        for q in questions:
            conv = q.get("conv")
            conversation = (conversations.setdefault(str(conv), Conversation())
                            if conv is not None else None)
            answer = engine.ask(q["q"], conversation)
            if out:
                _emit_json(answer, out)
            verdict = judge(q, answer.answer, answer.abstained)
            verdicts.append(verdict)
            if args.verbose and not verdict.ok:
                print(f"FAIL {verdict.id} [{verdict.kind}] {verdict.question!r}: {verdict.why}"
                      f" :: {_clip(answer.answer, 160)!r}")
    finally:
        if out:
            out.close()
    for kind, counts in per_kind(verdicts).items():
        print(f"  {kind:10s} {counts['ok']}/{counts['ok'] + counts['bad']}")
    turns = [v for q, v in zip(questions, verdicts, strict=True) if q.get("conv") is not None]
    if turns:
        print(f"  {'(turns)':10s} {sum(v.ok for v in turns)}/{len(turns)} in conversations")
    right = sum(v.ok for v in verdicts)
    print(f"score {right}/{len(verdicts)}")
    if args.min is not None and right < args.min:
        _stderr(f"{PROG}: score {right} is below --min {args.min}")
        return 1
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    from .corpus import load_corpus

    corpus = load_corpus(paths.seeds_dir())
    passage = corpus.passage(args.passage)
    if passage is None:
        ids = f"{corpus.passages[0].id}–{corpus.passages[-1].id}"
        raise UsageError(f"no passage {args.passage!r}: passages are {ids}")
    print(f"{passage.id}: {passage.text}")
    return 0


def cmd_article(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .drafting.add import add_article, list_articles, review

    into = Path(args.into).expanduser() if args.into else None
    if args.action == "list":
        listed = list_articles(into)
        if not listed:
            print(f"no articles in {into or paths.seeds_root()}")
        for a in listed:
            print(f"{a.name}\t{a.headline}\tfigures {a.figures}\tpeople {a.people}\t"
                  f"index {a.index}\t{a.status}")
        return 0
    if not args.path:
        raise UsageError("article add needs the PATH of an article text file")
    added = add_article(Path(args.path).expanduser(), args.name, into,
                        build_index=not args.no_index,
                        progress=lambda m: _stderr(f"{PROG}: {m}"))
    for line in review(added):
        print(line)
    return 0


def cmd_telegram(args: argparse.Namespace) -> int:
    from .telegram_frontend.cli import run_cli

    return run_cli(args)


def cmd_feedback(args: argparse.Namespace) -> int:
    from .telegram_frontend.cli import feedback_cli

    return feedback_cli(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Answers questions about news articles, exactly.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--article", metavar="NAME|DIR", default=None,
                        help="the article: a name under seeds/ or a folder (default: "
                             "$STRIKEBOT_ARTICLE, else seeds/articles.toml's default)")

    ask = sub.add_parser("ask", parents=[common],
                              help="answer one question ('-' reads one per stdin line)")
    ask.add_argument("question", nargs="+", help="the question, or - for stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser("chat", parents=[common],
                              help="a conversation with follow-up questions")
    chat.add_argument("--json", action="store_true", help="stdin lines in, JSON lines out")
    chat.set_defaults(func=cmd_chat)

    figures = sub.add_parser("figures", parents=[common],
                              help="show the structured figures table")
    fmt = figures.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    figures.set_defaults(func=cmd_figures)

    index = sub.add_parser("index", parents=[common],
                              help="build or check the saved index")
    index.add_argument("action", choices=("build", "check"))
    index.set_defaults(func=cmd_index)

    ev = sub.add_parser("eval", parents=[common],
                              help="score a question file (shared/eval format)")
    ev.add_argument("file")
    ev.add_argument("--min", type=int, default=None, help="exit 1 below this many right")
    ev.add_argument("--answers", metavar="FILE", help="also write the answers as JSON lines")
    ev.add_argument("-v", "--verbose", action="store_true", help="show each failure")
    ev.set_defaults(func=cmd_eval)

    source = sub.add_parser("source", parents=[common],
                              help="show one passage of the article in full")
    source.add_argument("passage", help="a passage id (p01 is the headline)")
    source.set_defaults(func=cmd_source)

    article = sub.add_parser("article", help="add an article (drafted tables, checked, indexed) "
                                             "or list the articles")
    article.add_argument("action", choices=("add", "list"))
    article.add_argument("path", nargs="?", help="add: the article's text file (headline "
                                                 "first, one paragraph a line)")
    article.add_argument("--name", help="add: the folder name (default: from the headline)")
    article.add_argument("--into", metavar="DIR",
                         help="the folder of article folders (default: seeds/)")
    article.add_argument("--no-index", action="store_true",
                         help="add: do not build the index now (it is built on first use)")
    article.set_defaults(func=cmd_article)

    telegram = sub.add_parser("telegram", parents=[common],
                              help="run the Telegram bot (long polling)")
    feedback = sub.add_parser("feedback", parents=[common],
                              help="Telegram answers marked wrong, and abstentions")
    try:
        from .telegram_frontend.cli import add_arguments, add_feedback_arguments
    except ImportError:  # pragma: no cover - the front end is optional at import time
        pass
    else:
        add_arguments(telegram)
        add_feedback_arguments(feedback)
    telegram.set_defaults(func=cmd_telegram)
    feedback.set_defaults(func=cmd_feedback)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    try:
        paths.use_article(getattr(args, "article", None))
        return int(args.func(args))
    except StrikebotError as exc:
        _stderr(f"{PROG}: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _stderr(f"{PROG}: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the edge: no traceback for users unless asked
        if os.environ.get("STRIKEBOT_DEBUG"):
            raise
        _stderr(f"{PROG}: unexpected error: {type(exc).__name__}: {exc} "
                "(set STRIKEBOT_DEBUG=1 for details)")
        return 1


if __name__ == "__main__":
    sys.exit(main())
