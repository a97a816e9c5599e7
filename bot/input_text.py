"""Text from outside, made safe once at the edge: valid Unicode, nothing invisible.

Every question passes through here before anything else reads it (`bot.question.read`), and
the command line decodes its argv and stdin here, so a broken client, a JSON ``\\ud800`` or a
line of invalid UTF-8 becomes U+FFFD instead of a crash, and a zero-width space or a bidi
override inside a word no longer changes the answer.
"""

from __future__ import annotations

import os
import re
import unicodedata

REPLACEMENT = "\ufffd"

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Format characters (Unicode category Cf: soft hyphen, U+061C, U+180E, zero-width space and
# joiners, LRM/RLM, LRE…RLO, word joiner, U+2066–2069, BOM, tags), the combining grapheme
# joiner U+034F, variation selectors, Hangul fillers: they change nothing a reader sees.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]")
# Control characters and line or paragraph separators read as a space.
_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Superscript and subscript digits and vulgar fractions: NFKC would make new numbers of them
# ("750²" -> "7502"), so they are not normalised but read as a space.
_NUMBER_LIKE = re.compile("[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089"
                          "\u2150-\u215f\u2189]")

# Combining marks still on a plain Latin letter after NFKC has composed what it can ("é" is
# one character by then): decoration ("W̴a̴l̴s̴a̴l̴l̴"), not spelling.
_DECORATION = re.compile("(?<=[A-Za-z])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
                         "\ufe20-\ufe2f]+")


def repair(text: str) -> str:
    """Valid Unicode: lone surrogates become U+FFFD (a valid pair becomes its character)."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def normalise(text: str) -> str:
    """What the core reads: repaired, no invisible characters, NFKC where it is safe."""
    text = _INVISIBLE.sub("", repair(text))
    text = _BREAKS.sub(" ", _NUMBER_LIKE.sub(" ", text))
    return _DECORATION.sub("", unicodedata.normalize("NFKC", text))


def from_bytes(data: bytes) -> str:
    """A line of input as text: invalid UTF-8 becomes U+FFFD, a leading BOM goes."""
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def from_argv(arg: str) -> str:
    """An argv word: Python keeps undecodable bytes as surrogates; decode them again."""
    if not _SURROGATE.search(arg):
        return arg
    try:
        return from_bytes(os.fsencode(arg))
    except UnicodeError:
        return repair(arg)


def json_line_safe(line: str) -> str:
    """A JSON text that is one line for every reader: U+2028, U+2029 and U+0085 escaped."""
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace(
        "\x85", "\\u0085")
