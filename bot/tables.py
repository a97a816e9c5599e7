"""Reading CSV seed tables with errors that name file and line."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .errors import SeedError


def read_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, checking the header and cell count."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise SeedError(str(path), None, "file not found") from None
    except OSError as exc:
        raise SeedError(str(path), None, f"cannot read: {exc.strerror}") from None
    with handle:
        try:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise SeedError(str(path), 1, "empty file: expected a header row")
            header = [h.strip() for h in header]
            missing = [c for c in required if c not in header]
            if missing:
                raise SeedError(str(path), 1, f"header lacks column(s): {', '.join(missing)}")
            while True:
                line = reader.line_num + 1  # where the row starts (a cell may hold newlines)
                cells = next(reader, None)
                if cells is None:
                    break
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    raise SeedError(str(path), line,
                                    f"expected {len(header)} cells, found {len(cells)}")
                for column, cell in zip(header, cells, strict=True):
                    bad = control_character(cell)
                    if bad:
                        raise SeedError(str(path), line,
                                        f"column {column!r} holds the control character {bad}")
                yield line, {h: c.strip() for h, c in zip(header, cells, strict=True)}
        except csv.Error as exc:
            raise SeedError(str(path), None, f"not valid CSV: {exc}") from None
        except UnicodeDecodeError:
            raise SeedError(str(path), None, "not UTF-8 text") from None


def control_character(cell: str) -> str:
    """The first control character in a cell (NUL, newline, tab, DEL, C1 ...) as U+XXXX, or ''."""
    for char in cell:
        if unicodedata.category(char) == "Cc":
            return f"U+{ord(char):04X}"
    return ""


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())
