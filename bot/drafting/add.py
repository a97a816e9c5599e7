"""`strikebot article add` and `article list`: an article folder drafted, checked, indexed and
reviewed in one command; the folders there are, with their state."""

from __future__ import annotations

import csv
import re
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..corpus import load_corpus
from ..errors import IndexProblem, SeedError, StrikebotError, UsageError
from ..passages import read_article
from .draft import GENRE, ArticleDraft, csv_text, draft_article
from .figures import Unplaced

Progress = Callable[[str], None]
SLUG_SKIP = {"a", "an", "the", "of", "to", "at", "in", "on", "as", "and", "for", "led", "during",
             "more", "than", "was", "were", "had", "has", "by", "with"}
MAX_DROPS = 200


@dataclass
class Added:
    folder: Path
    draft: ArticleDraft
    dropped: list[Unplaced] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    updated: bool = False
    indexed: bool = False


def slug(headline: str) -> str:
    words = [w for w in re.findall(r"[a-z]+", headline.lower().replace("'", ""))
             if w not in SLUG_SKIP]
    return "-".join(words[:4]) or "article"


def _status(folder: Path) -> str:
    try:
        data = tomllib.loads((folder / "profile.toml").read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError):
        return "reviewed" if (folder / "figures.csv").exists() else "no tables"
    return str(data.get("status", "reviewed"))


def _rows(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {r.get("id", ""): r for r in csv.DictReader(handle)}


def add_article(source: Path, name: str | None, into: Path | None, build_index: bool = True,
                progress: Progress = lambda _: None) -> Added:
    article_file = source / "article.txt" if source.is_dir() else source
    if not article_file.is_file():
        raise UsageError(f"{source}: no such article file")
    try:
        article = read_article(article_file)
    except SeedError as exc:
        raise UsageError(str(exc)) from None
    draft = draft_article(article, paths.seeds_root() / "genres")
    name = name or slug(draft.headline)
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]*", name):
        raise UsageError(f"--name {name!r}: use letters, digits, '-', '_' or '.'")
    folder = (into or paths.seeds_root()) / name
    updated = (folder / "article.txt").exists()
    if updated and _status(folder) != "draft":
        raise UsageError(f"{folder} holds a reviewed article; its tables are not redrafted "
                         f"(give another --name, or set status = \"draft\" in its profile.toml)")
    old_article = (folder / "article.txt").read_text(encoding="utf-8") if updated else ""
    old_figures, old_people = _rows(folder / "figures.csv"), _rows(folder / "people.csv")
    if not draft.figures or not draft.people:
        missing = "figures" if not draft.figures else "people or organisations"
        raise UsageError(f"{article_file}: the drafter found no {missing} in it — is it an "
                         f"article of the genre {GENRE!r}? (nothing written)")
    dropped = _stage(folder, article, draft)
    result = Added(folder, draft, dropped, updated=updated)
    if updated:
        result.changes = _changes(old_article, article, old_figures,
                                  _rows(folder / "figures.csv"), old_people,
                                  _rows(folder / "people.csv"))
    if build_index:
        from ..engine import build

        build(folder, paths.index_dir(folder), progress)
        result.indexed = True
    return result


def _stage(folder: Path, article: str, draft: ArticleDraft) -> list[Unplaced]:
    """Draft into a staging folder beside the target; only tables that load are moved in."""
    staging = folder.parent / f".{folder.name}.drafting"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        (staging / "article.txt").write_text(article, encoding="utf-8")
        dropped = _write_checked(staging, draft)
        folder.mkdir(exist_ok=True)
        for name in ("figures.csv", "people.csv", "profile.toml", "article.txt"):
            (staging / name).replace(folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dropped


def _write_checked(folder: Path, draft: ArticleDraft) -> list[Unplaced]:
    """Write the tables and load them as strikebot does; a drafted row loading refuses is
    dropped and reported, so the draft is usable at once."""
    dropped: list[Unplaced] = []
    figures = draft.figure_rows()
    people = draft.people_rows()
    (folder / "profile.toml").write_text(draft.profile_toml(), encoding="utf-8")
    for _ in range(MAX_DROPS):
        _write(folder, draft, figures, people)
        try:
            load_corpus(folder)
            return dropped
        except SeedError as exc:
            table = figures if exc.path.endswith("figures.csv") else \
                people if exc.path.endswith("people.csv") else None
            if table is None or exc.line is None or not 2 <= exc.line <= len(table) + 1:
                raise
            row = table.pop(exc.line - 2)
            what = row.get("span") or row.get("name", "")
            dropped.append(Unplaced(row.get("passage") or row.get("introduced", ""), what,
                                    f"drafted row refused at loading: {exc.problem}"))
    raise StrikebotError(f"{folder}: too many drafted rows were refused")


def _write(folder: Path, draft: ArticleDraft, figures: list[dict[str, str]],
           people: list[dict[str, str]]) -> None:
    from .figures import COLUMNS as FIGURES
    from .people import COLUMNS as PEOPLE

    (folder / "figures.csv").write_text(csv_text(FIGURES, figures), encoding="utf-8")
    (folder / "people.csv").write_text(csv_text(PEOPLE, people), encoding="utf-8")


def _changes(old_article: str, article: str, old_figures: dict[str, dict[str, str]],
             figures: dict[str, dict[str, str]], old_people: dict[str, dict[str, str]],
             people: dict[str, dict[str, str]]) -> list[str]:
    out: list[str] = []
    before = [line.strip() for line in old_article.splitlines() if line.strip()]
    after = [line.strip() for line in article.splitlines() if line.strip()]
    changed = [f"p{n:02d}" for n in range(1, max(len(before), len(after)) + 1)
               if (before[n - 1:n] or [""]) != (after[n - 1:n] or [""])]
    if changed:
        out.append(f"article: passage(s) {', '.join(changed)} changed")
    for ident, row in figures.items():
        old = old_figures.get(ident)
        if old is None:
            out.append(f"figure added: {ident} = {row['display']} ({row['subject']})")
        else:
            diffs = [f"{k} {old.get(k, '')!r} -> {row[k]!r}" for k in
                     ("value", "subject", "qualifier", "dims", "span", "passage")
                     if old.get(k, "") != row[k]]
            if diffs:
                out.append(f"figure changed: {ident}: {'; '.join(diffs)}")
    out += [f"figure removed: {i} = {r.get('display', '')} ({r.get('subject', '')})"
            for i, r in old_figures.items() if i not in figures]
    out += [f"person added: {p['name']}" for i, p in people.items() if i not in old_people]
    out += [f"person removed: {p.get('name', i)}" for i, p in old_people.items()
            if i not in people]
    return out or ["nothing changed in the tables"]


def review(added: Added) -> list[str]:
    """The review a person reads before marking the draft reviewed."""
    draft = added.draft
    lines = [f"{'updated' if added.updated else 'drafted'} {added.folder} (status: draft)",
             f"  headline: {draft.headline}"]
    figures = _rows(added.folder / "figures.csv")
    lines.append(f"figures ({len(figures)}):")
    for row in figures.values():
        stated = f"{row['qualifier']} {row['display']}".strip()
        dims = f" [{row['dims']}]" if row["dims"] else ""
        lines.append(f"  {row['id']}: {stated} — {row['subject']} — {row['measure']} "
                     f"({row['scope']}){dims}, {row['passage']}: \u201c{row['span']}\u201d")
    people = _rows(added.folder / "people.csv")
    lines.append(f"people and organisations ({len(people)}):")
    for row in people.values():
        role = f", {row['role']}" if row["role"] else ""
        lines.append(f"  {row['name']} ({row['kind']}{role}), introduced at {row['introduced']}")
    unplaced = [*draft.unplaced, *added.dropped]
    lines.append(f"could not place ({len(unplaced)}):" if unplaced else "could not place: none")
    lines += [f"  {u.passage}: {u.why}: \u201c{u.text}\u201d" for u in unplaced]
    if added.updated:
        lines.append("changes:")
        lines += [f"  {c}" for c in added.changes]
    lines.append("index: built" if added.indexed else "index: not built (it is built on the "
                 "first question)")
    name = added.folder.name if added.folder.parent == paths.seeds_root() else added.folder
    lines.append(f'ask it: strikebot ask --article {name} "…"; when the tables are right, set '
                 f'status = "reviewed" in {added.folder / "profile.toml"}')
    return lines


@dataclass(frozen=True)
class Listed:
    name: str
    headline: str
    figures: int | str
    people: int | str
    index: str
    status: str


def list_articles(root: Path | None = None) -> list[Listed]:
    root = root or paths.seeds_root()
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder")
    out: list[Listed] = []
    for folder in sorted(p for p in root.iterdir() if (p / "article.txt").is_file()):
        headline = next((line.strip() for line in (folder / "article.txt").read_text(
            encoding="utf-8", errors="replace").splitlines() if line.strip()), "")
        try:
            corpus = load_corpus(folder)
            figures: int | str = len(corpus.figures)
            people: int | str = len(corpus.people)
        except StrikebotError as exc:
            figures = people = f"error: {exc}"
        out.append(Listed(folder.name, headline, figures, people, _index_state(folder),
                          _status(folder)))
    return out


def _index_state(folder: Path) -> str:
    from ..index_store import check_fresh, read_manifest

    try:
        check_fresh(read_manifest(paths.index_dir(folder), wait=False), folder)
    except IndexProblem as exc:
        return "missing" if "no index" in str(exc) else "stale"
    return "fresh"
