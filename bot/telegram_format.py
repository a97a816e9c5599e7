"""Telegram HTML for answers, figures and passages; splitting long messages.

Pure functions (no python-telegram-bot import) so they can be tested on their own. Every piece
of user or article text goes through `esc`; the only tags are the ones written here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .answer import Answer

MAX_MESSAGE = 4096  # Telegram's limit, counted after entity parsing
MAX_QUOTE = 400
_TAG = re.compile(r"<[^>]*>")


class FigureLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def display(self) -> str: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def measure(self) -> str: ...
    @property
    def passage(self) -> str: ...


class PassageLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def speakers(self) -> tuple[str, ...]: ...


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def to_plain(markup: str) -> str:
    """The text Telegram shows for our HTML: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", markup))


def tg_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def emphasise(text: str, highlights: Iterable[str]) -> str:
    """Escape `text`, wrapping each occurrence of a highlight in <b>."""
    wanted = sorted({h for h in highlights if h and h.strip()}, key=len, reverse=True)
    if not wanted:
        return esc(text)
    pattern = re.compile("|".join(re.escape(h) for h in wanted))
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(esc(text[last:match.start()]))
        out.append(f"<b>{esc(match.group(0))}</b>")
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).strip(" .") == " ".join(b.split()).strip(" .")


@dataclass(frozen=True)
class Rendered:
    html: str
    passages: tuple[str, ...]  # cited passage ids, for the "show passage" buttons


def render_answer(answer: Answer) -> Rendered:
    highlights = list(answer.highlights)
    highlights += [f.display for f in answer.figures]
    body = emphasise(answer.answer.strip() or "I have no answer to that.", highlights)
    if answer.abstained:
        body = f"🤷 {body}"
    parts = [body]
    if answer.notice:
        parts.append(f"<i>{esc(answer.notice)}</i>")
    figure_lines = []
    for figure in answer.figures:
        stated = f"{figure.qualifier} {figure.display}".strip()
        figure_lines.append(f"• <b>{esc(stated)}</b> — {esc(figure.subject)} "
                            f"<code>{esc(figure.passage)}</code>")
    if figure_lines:
        parts.append("\n".join(figure_lines))
    source_lines = []
    passages: list[str] = []
    for citation in answer.citations:
        if citation.passage in passages:
            continue
        passages.append(citation.passage)
        if _same(citation.text, answer.answer) or not citation.text.strip():
            source_lines.append(f"📄 Source: <code>{esc(citation.passage)}</code>")
        else:
            source_lines.append(f"📄 <code>{esc(citation.passage)}</code>: "
                                f"“<i>{esc(clip(citation.text, MAX_QUOTE))}</i>”")
    if source_lines:
        parts.append("\n".join(source_lines[:3]))
    return Rendered("\n\n".join(parts), tuple(passages[:3]))


def render_figures(figures: Sequence[FigureLike]) -> str:
    if not figures:
        return "The article has no figures table."
    lines = ["<b>Figures in the article</b>", ""]
    for figure in figures:
        stated = f"{figure.qualifier} {figure.display}".strip()
        lines.append(f"• <b>{esc(stated)}</b> {esc(figure.measure)} — {esc(figure.subject)} "
                     f"<code>{esc(figure.passage)}</code>")
    lines += ["", "Open a passage with /source followed by its id, e.g. /source p04."]
    return "\n".join(lines)


def render_passage(passage: PassageLike) -> str:
    head = f"<b>{esc(passage.id)}</b>"
    if passage.speakers:
        head += f" — {esc(', '.join(passage.speakers))}"
    return f"{head}\n\n{esc(passage.text)}"


def passage_quote(passage: PassageLike) -> str:
    """A passage as a block quote, appended to an answer when its button is pressed."""
    return f"<b>{esc(passage.id)}</b>\n<blockquote>{esc(passage.text)}</blockquote>"


def _split_plain(text: str, limit: int) -> list[str]:
    """Split plain text at whitespace (or anywhere, for giant words) into pieces ≤ limit."""
    pieces: list[str] = []
    rest = text
    while tg_len(rest) > limit:
        cut = limit
        while tg_len(rest[:cut]) > limit:  # astral characters count twice
            cut -= 1
        space = max(rest.rfind(" ", 0, cut + 1), rest.rfind("\n", 0, cut + 1))
        if space > limit // 2:
            cut = space
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def split_html(markup: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split HTML into messages ≤ limit, on paragraph, then line boundaries.

    A single line that is still too long loses its formatting and is split as escaped plain
    text, so that no tag is ever cut in half.
    """
    if tg_len(to_plain(markup)) <= limit:
        return [markup]
    blocks: list[str] = []
    for paragraph in markup.split("\n\n"):
        if tg_len(to_plain(paragraph)) <= limit:
            blocks.append(paragraph)
            continue
        for line in paragraph.split("\n"):
            if tg_len(to_plain(line)) <= limit:
                blocks.append(line)
            else:
                blocks.extend(esc(piece) for piece in _split_plain(to_plain(line), limit))
    messages: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if tg_len(to_plain(candidate)) <= limit:
            current = candidate
        else:
            if current:
                messages.append(current)
            current = block
    if current:
        messages.append(current)
    return [m for m in messages if to_plain(m).strip()]


def split_plain(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    return _split_plain(text, limit) if text.strip() else []
