"""Text normalisation shared by tables, retrieval and question analysis."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .numbers import figures
from .numbers import format_number as format_number

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " "})

STOPWORDS = frozenset(["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "might", "must", "shall", "may", "ought", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "tell", "say", "said", "says", "please", "also", "ever", "get", "got", "give", "gave", "go", "went", "many", "much", "there's", "let's", "let", "i'm", "i'd", "we'd", "they're", "you're",
                       # chat tags that ask nothing ("shut on strike days yeah?")
                       "yeah", "yep", "yup", "innit", "yea", "ok", "okay", "pls", "plz"])

WORD_RE = re.compile(r"[a-z0-9£%]+(?:[-'][a-z0-9]+)*")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def fold(text: str) -> str:
    """NFKC, plain quotes and dashes, no control characters, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = CONTROL_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    """Lower-case word tokens; thousands separators removed so 1,169 is one token."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", fold(text).lower())
    text = re.sub(r"(?<=[a-z])'s\b|(?<=s)'(?=\s|$)", "", text)
    return [w.strip("'") for w in WORD_RE.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'cancelled'/'cancellations', 'rescheduled'."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, keep in (("ations", 3), ("ation", 3), ("ments", 6), ("ment", 6), ("ingly", 4),
                         ("ings", 4), ("ing", 3), ("edly", 4), ("ied", 3), ("ies", 3),
                         ("ed", 3), ("es", 4), ("ly", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] in "lt":
        word = word[:-1]
    return word.rstrip("e") if len(word) > 3 else word


# One family in this article's domain: whichever word a question uses, the passages match.
# (and plain English families the stemmer leaves apart: reply / response, apologise / sorry)
KIN = {"postpon": "cancel", "reschedul": "cancel", "rearrang": "cancel", "rebook": "cancel",
       "walkout": "walk", "reply": "respons", "repl": "respons", "respond": "respons",
       "answer": "respons", "absenc": "absent",
       "apologis": "sorry", "apologiz": "sorry", "apology": "sorry", "apolog": "sorry",
       "kept": "keep", "ahead": "plac",  # (went ahead / took place: "go" and "went" are stop words)
       # words of one meaning: "was the real disruption bigger" / "the true scale … higher"
       "bigger": "higher", "larger": "higher", "greater": "higher", "real": "tru",
       "actual": "tru", "kid": "children", "child": "children", "smaller": "lower",
       "biggest": "highest", "largest": "highest", "greatest": "highest",
       # irregular pasts: "took part" / "take part", "gave" / "give"
       "took": "tak", "gave": "giv",
       # what was done is what was delivered: "how many more appts got done"
       "don": "deliver", "perform": "deliver"}


def content_terms(text: str) -> list[str]:
    """Stemmed words minus stop words, in order (word families folded together)."""
    return list(_content_terms(text))


@lru_cache(maxsize=8192)
def _content_terms(text: str) -> tuple[str, ...]:
    out = []
    for w in words(text):
        if w not in STOPWORDS and len(w) > 1:
            term = stem(w)
            out.append(KIN.get(term, term))
    return tuple(out)


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000}


def numbers_in(text: str) -> list[float]:
    """Every figure written in digits (with 'k'/'thousand'/'million' scales) in text; the
    digits of links, dates, times, ordinals and ids are not figures (see bot.numbers)."""
    return [n.value for n in figures(fold(text))]


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences without breaking 'Dr.'-style abbreviations or quotes."""
    parts = re.split(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d\u2019]))\s+(?=["\u201c\u2018\']?[A-Z])',
                     text.strip())
    out: list[str] = []
    for part in parts:
        if out and re.search(r"\b(?:Dr|Mr|Mrs|Ms|St)\.$", out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]
