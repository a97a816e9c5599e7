"""Whether a fragment of a user's question reads as a name, before an answer repeats it.

An abstention may name what the article lacks ("doesn't give a figure for Wales"), but only
when the words really read as a name: not "Tom Is" (a name and a verb), not "Wal" (a name
still being typed), not "ADMIN" (shouting), not digits or symbols.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import STOPWORDS

# Words that name a role in the conversation, not a thing the article could cover.
NOT_NAMES = frozenset("""admin administrator admins root system sysadmin developer developers
user users assistant bot chatbot ai model prompt override instructions mode sudo moderator
operator owner""".split())
WORD = re.compile(r"[^\W\d_][\w'’&.-]*", re.UNICODE)


def as_name(phrase: str, known_words: Iterable[str] = (), question: str = "") -> str:
    """The phrase without the stop words at its ends if what is left reads as a name; ''
    when it doesn't (then say it generally). `known_words` are the words of names the
    article has: a short proper prefix of one ("Wal"), or one that ends the question with
    no punctuation after it, is a name still being typed."""
    parts = phrase.split()
    while parts and parts[-1].lower().strip(".,!?;:") in STOPWORDS:
        parts.pop()
    while parts and parts[0].lower() in STOPWORDS:
        parts.pop(0)
    if not parts or len(parts) > 6:
        return ""
    for part in parts:
        bare = part.strip(".,!?;:'’\"")
        low = bare.lower()
        if not WORD.fullmatch(bare) or low in NOT_NAMES or any(c.isdigit() for c in bare):
            return ""
        if bare.isupper() and len(bare) >= 5:  # shouting, not an acronym
            return ""
        if not re.search(r"[aeiouy]", low) and not bare.isupper():
            return ""  # "xzq": no word
    whole = " ".join(parts)
    if len(whole.replace(" ", "")) < 3:
        return ""
    typing = len(parts[-1]) <= 4 or question.rstrip().lower().endswith(whole.lower())
    return "" if typing and completes(whole, known_words) else whole


def completes(phrase: str, known_words: Iterable[str]) -> str:
    """The known word the phrase's last word begins ('Wal' -> 'walsall'), or ''."""
    last = phrase.split()[-1].lower() if phrase.split() else ""
    if len(last) < 2:
        return ""
    return next((w for w in sorted(known_words) if w.startswith(last) and w != last), "")
