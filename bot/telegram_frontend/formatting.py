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

from ..answer import Answer

MAX_MESSAGE = 4096  # Telegram's limit, counted after entity parsing
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


def emphasise(text: str, highlights: Iterable[str], first_only: bool = False) -> str:
    """Escape `text`, wrapping occurrences of a highlight in <b> (only the first of each when
    `first_only`)."""
    wanted = sorted({h for h in highlights if h and h.strip()}, key=len, reverse=True)
    if not wanted:
        return esc(text)
    pattern = re.compile("|".join(rf"(?<![\w,.]){re.escape(h)}(?![\w]|[,.]\d)"
                                  for h in wanted))
    out: list[str] = []
    last = 0
    done: set[str] = set()
    for match in pattern.finditer(text):
        if first_only and match.group(0) in done:
            continue
        done.add(match.group(0))
        out.append(esc(text[last:match.start()]))
        out.append(f"<b>{esc(match.group(0))}</b>")
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


# "(p04)", "(p04, p06)": the passage ids an answer names; the buttons carry them instead.
PASSAGE_REF = re.compile(r"\s*\((p\d{2}(?:,\s*p\d{2})*)\)")
_OPS = "+−×÷="
_ARITH = rf"[\d,.()%\s{_OPS}]*[{_OPS}][\d,.()%\s{_OPS}]*"
# Working after a colon at the end of a sentence: "…: 1,169 − 750 = 419."
COLON_WORKING = re.compile(rf":\s*({_ARITH}?\d[\d,.()%\s{_OPS}]*?)(?=\.(?:\s|$)|$)")
# Working in brackets: "(1,169 + 750 + 606)".
BRACKET_WORKING = re.compile(rf"\s*\(([\d,.%\s]*[{_OPS}][\d,.%\s{_OPS}]*)\)")
NUMBER = re.compile(r"(?<![\w,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|(?<![\w,.])\d+(?:\.\d+)?%?")
SPEAKER = re.compile(r"^([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})(?= \(| said\b)")
MAX_BOLD = 60  # longer highlights (whole sentences) are not put in bold
SHORT_QUOTE = 200


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).strip(" .") == " ".join(b.split()).strip(" .")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class Rendered:
    html: str
    passages: tuple[str, ...]  # cited passage ids, for the "show passage" buttons


def split_working(text: str) -> tuple[str, list[str]]:
    """The answer's sentences without the arithmetic, and the arithmetic on its own."""
    working: list[str] = []

    def colon(match: re.Match[str]) -> str:
        working.append(" ".join(match.group(1).split()).rstrip(" ."))
        return ""

    def bracket(match: re.Match[str]) -> str:
        working.append(" ".join(match.group(1).split()))
        return ""

    text = COLON_WORKING.sub(colon, text)
    text = BRACKET_WORKING.sub(bracket, text)
    return re.sub(r"\s+([.,;])", r"\1", text).strip(), working


def results_of(answer: Answer, text: str) -> list[str]:
    """What to put in bold: the result, not the inputs."""
    displays = [f.display for f in answer.figures]
    if answer.abstained:
        return []
    if answer.kind == "figure":
        return displays
    if answer.kind == "aggregate":
        numbers = [n.group(0) for n in NUMBER.finditer(text)
                   if not (len(n.group(0)) <= 2 and text[n.end():n.end() + 1] == ".")]
        computed = [n for n in numbers if n not in displays and n != str(len(displays))]
        return computed[:2] or numbers[:1]
    speaker = SPEAKER.match(text)
    short = [h for h in answer.highlights if len(h) <= MAX_BOLD]
    return ([speaker.group(1)] if speaker else []) + short


def _quote(answer: Answer, shown: str) -> str | None:
    """One short supporting quote for a private chat, when it adds to the answer."""
    if answer.abstained or answer.kind != "passage" or not answer.citations:
        return None
    text = answer.citations[0].text.strip().strip("“”\"' ")
    if not text or _same(text, answer.answer):
        return None
    words = _words(text)
    if not words or len(words & _words(shown)) >= 0.6 * len(words):
        return None
    return f"“<i>{esc(clip(text, SHORT_QUOTE))}</i>”"


def render_answer(answer: Answer, *, quote: bool = True, buttons: bool = True) -> Rendered:
    """An answer as Telegram HTML: the result first and in bold, each figure once, the working
    once on its own line, the source behind a button (`buttons`) and, with `quote`, one short
    supporting quote."""
    passages: list[str] = []
    for citation in answer.citations:
        if citation.passage not in passages:
            passages.append(citation.passage)
    passages = passages[:3]
    text = answer.answer.strip() or "I have no answer to that."
    if buttons:
        text = PASSAGE_REF.sub(lambda m: "" if set(re.findall(r"p\d{2}", m.group(1)))
                               <= set(passages) else m.group(0), text)
    main, working = split_working(text) if answer.kind == "aggregate" else (text, [])
    parts = [emphasise(main, results_of(answer, main), first_only=True)]
    if working:
        parts[0] += "\n" + " · ".join(f"<i>{esc(w)}</i>" for w in dict.fromkeys(working))
    if answer.notice:
        parts.append(f"<i>{esc(answer.notice)}</i>")
    extra = _quote(answer, answer.answer) if quote else None
    if extra:
        parts.append(extra)
    if not buttons:
        passages = []
    return Rendered("\n\n".join(parts), tuple(passages))


def render_figures(figures: Sequence[FigureLike]) -> str:
    if not figures:
        return "The article has no figures table."
    lines = ["<b>Figures in the article</b>", ""]
    for figure in figures:
        stated = f"{figure.qualifier} {figure.display}".strip()
        lines.append(f"• <b>{esc(stated)}</b> {esc(figure.measure)} — {esc(figure.subject)} "
                     f"<code>{esc(figure.passage)}</code>")
    lines += ["", f"Open a passage with /source followed by its id, e.g. /source "
                  f"{esc(figures[0].passage)}."]
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
