"""A yes/no claim read once, and checked against the sentence of the article it is about:
opposite words, negation and its scope, every vs some, what happened vs what is offered."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import ALL_CLAIMED as ALL
from .rules import SOME_OR_MOST as SOME
from .text import STOPWORDS, stem

# Words of one meaning on each side: a claim with a word of one side, checked against a
# sentence with a word of the other and none of its own, is contradicted.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("smallest lowest fewest least minimum", "greatest largest biggest highest most maximum"),
        ("smaller fewer", "greatest largest biggest highest bigger larger greater higher"),
        ("increase increased rise rose risen grew higher", "decrease decreased fall fell fallen "
                                                          "cut dropped lower"),
        ("accepted accept agreed agree", "rejected reject refused refuse"),
        ("started began begun opened", "ended finished stopped closed"),
        ("before earlier", "after later"),
        ("first", "last final"),
        ("won win", "lost lose"),
        ("better best", "worse worst"),
        ("above over", "below under"),
        ("staffed kept covered open running", "shut closed unstaffed"),
    ))
ORDINALS = frozenset("second third fourth fifth 2nd 3rd 4th 5th".split())
SUPERLATIVES = frozenset("greatest largest biggest highest most smallest lowest fewest".split())
NEGATION = re.compile(r"\b(?:not|never|no|nothing|none|neither|nor|refused to|failed to|"
                      r"without)\b|n't\b")
# Words a negation governs: the next few, up to the end of the clause.
SCOPE = 4
# A sentence that offers, promises or makes something depend on a condition; a claim that it
# has happened.
CONDITIONAL = re.compile(r"\b(?:ready to|willing to|as soon as|would|will|if|once|unless|"
                         r"plans? to|hopes? to|wants? to)\b")
HAPPENED = re.compile(r"\b(?:has|have|had) (?:already |now |yet )?(?:\w+ed|begun|started|"
                      r"agreed|met|held|begun)\b|\b(?:did|already)\b")
FRAME = re.compile(r"^(?:true or false\W*|is it (?:true|correct|right) (?:to say )?that |"
                   r"(?:did|does|do|has|have|had|is|are|was|were)\b)")
WORD = re.compile(r"[a-z][a-z']*")
REPORTED = re.compile(r"(?:did|has|have|had|does|do)\b[\w' ]{1,40}?\b(?:say|said|tell|told|"
                      r"claim|claimed|mention|mentioned|suggest|suggested|argue|argued|warn|"
                      r"warned|insist|insisted)\b")
# A word and its opposite by prefix: "realistic" / "unrealistic", "acceptable" / "unacceptable".
NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "non", "dis")


@dataclass(frozen=True)
class Claim:
    """What a yes/no question asserts, in the words that decide whether the article agrees."""

    words: frozenset[str] = frozenset()  # the claim's own words (lower case)
    negated: frozenset[str] = frozenset()  # stems a negation governs ("not sorry" -> sorri)
    affirmed: frozenset[str] = frozenset()  # stems asserted without a negation
    every: bool = False  # "all", "every": the claim is over all of something
    happened: bool = False  # the claim says it has happened ("has started talks")
    # the genre's own opposites ("planned" / "urgent"), besides OPPOSITES
    pairs: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()


def read_claim(low: str) -> Claim:
    """The claim of a yes/no question (lower-cased text)."""
    text = FRAME.sub("", low.strip())
    tokens = WORD.findall(text)
    negated: set[str] = set()
    for m in NEGATION.finditer(text):
        after = WORD.findall(re.split(r"[,;.?]", text[m.end():], maxsplit=1)[0])
        negated |= {stem(w) for w in after[:SCOPE] if _content(w)}
    affirmed = {stem(w) for w in tokens if _content(w)} - negated
    # "Has the government started talks?", "Did X agree?": it asks whether it happened.
    # ("Did Barclay say the BMA wants 35%?": what happened is the saying, not what was said)
    happened = bool(re.match(r"(?:has|have|had|did)\b", low.strip()) or HAPPENED.search(text)) \
        and not REPORTED.match(low.strip())
    return Claim(frozenset(tokens), frozenset(negated), frozenset(affirmed),
                 bool(ALL.search(text)), happened)


def opposite(claim: Claim, text: str) -> str:
    """The word of the text opposite to one of the claim's ('' if none): 'lowest' against
    'highest', 'unrealistic' against 'realistic'."""
    low = text.lower()
    words = set(WORD.findall(low))
    pairs = [(one, other, False) for one, other in OPPOSITES] + [
        (one, other, True) for one, other in claim.pairs]
    for one, other, own_words in pairs:
        for mine, theirs in ((one, other), (other, one)):
            said = claim.words & mine
            # (a genre pair needs the claim's own word missing, not its whole side: "elective
            # care lead" beside "urgent and emergency" is no "planned")
            if said and words & theirs and not words & (said if own_words else mine):
                return (f"the article says “{sorted(words & theirs)[0]}”, not "
                        f"“{sorted(said)[0]}”")
    for word in claim.words:
        for prefix in NEGATING_PREFIXES:
            if len(word) > 4 and prefix + word in words and word not in words:
                return f"the article says “{prefix + word}”, not “{word}”"
            if word.startswith(prefix) and len(word) - len(prefix) > 4 and \
                    word[len(prefix):] in words and word not in words:
                return f"the article says “{word[len(prefix):]}”, not “{word}”"
    return ""


def contradiction(claim: Claim, sentence: str) -> str:
    """Why the sentence says otherwise ('' when it does not): an opposite word, a negation
    the other side lacks, 'some' against 'every', an offer against a claim it happened."""
    low = sentence.lower()
    found = opposite(claim, low)
    if found:
        return found
    ranked = claim.words & ORDINALS
    said = set(WORD.findall(low))
    if ranked and said & SUPERLATIVES and not said & ORDINALS:
        # "Was it the second highest so far?" against "the greatest … so far".
        return f"the article says “{sorted(said & SUPERLATIVES)[0]}”, not “{sorted(ranked)[0]}”"
    stated = read_claim(low)
    flipped = (claim.negated & stated.affirmed) | (claim.affirmed & stated.negated)
    if flipped:
        return "the article says the opposite"
    if claim.every and SOME.search(low) and not ALL.search(low):
        return "the article says some, not all"
    # (a condition inside a clause about it, ", which it says would undo …", leaves the main
    # statement done)
    main = re.split(r",\s*(?:which|who)\b", low)[0]
    if claim.happened and CONDITIONAL.search(main) and not HAPPENED.search(low):
        # ("has since named two further days, and warned more could follow": done, too)
        return "the article gives it as something offered or yet to happen, not done"
    return ""


def _content(word: str) -> bool:
    return len(word) > 2 and word not in STOPWORDS
