"""Computations over the figures table, each with its working written out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import numbers
from .figures import Figure
from .lexicon import Lexicon, number_word
from .text import format_number

ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
            "5th": 5}
MOST = r"most|highest|largest|biggest|greatest|hardest|worst|maximum|max|top|heaviest|more|higher|larger|bigger|greater|worse"
# "By what percentage was it lower", "% change", "how much higher in per cent".
CHANGE = re.compile(r"(?:\b(?:percentage|per ?cent)|%)\s*(?:change|fall|drop|rise|increase|decrease|"
                    r"reduction|difference)\b|\b(?:percentage|per ?cent)\b.{0,60}\b(?:lower|higher|"
                    r"fewer|down|up|fall|fallen|fell|drop|dropped|rise|risen|rose|increased?|"
                    r"decreased?|declined?|reduc\w*)\b|"
                    r"\b(?:lower|higher|fewer|more|less|fall|fell|drop|rise|rose|increase|decrease|"
                    r"down|up)\b.{0,30}\bby (?:what|how much of a|how many) (?:percentage|per ?cent)|"
                    # "how much lower is nuh's july figure than april 23 as a %"
                    r"\bhow much (?:lower|higher|fewer|more|less|bigger|smaller|down|up)\b.{0,100}"
                    r"(?:\bas(?: an?)?|\bin) (?:%|per ?cent|percentage)")
# "mean" the noun ("the mean per trust"), not the verb ("what would that mean for us").
MEAN_NOUN = r"\bmean\b(?! (?:for|that|to|the|in|by)\b)(?<!would mean)(?<!wd mean)(?<!does mean)" \
    r"(?<!did mean)(?<!it mean)(?<!to mean)(?<!that mean)(?<!they mean)"
MOST_ONLY = r"most|highest|largest|biggest|greatest|hardest|worst|maximum|top"
FEWEST_ONLY = r"fewest|lowest|least|smallest|minimum|bottom"
FEWEST = r"fewest|lowest|least|smallest|minimum|min|bottom|lightest|fewer|less|lower|smaller"


@dataclass(frozen=True)
class Result:
    text: str
    used: tuple[Figure, ...]
    focus: tuple[Figure, ...] = ()  # what the answer is about, for follow-ups (default: used)
    # The two quantities a comparison set side by side, labelled, for "by how many?" after it.
    values: tuple[tuple[str, float], ...] = ()


def short(f: Figure) -> str:
    """'Walsall Healthcare NHS Trust (750)'."""
    return f"{f.subject} ({f.display})"


def detect(low: str, lex: Lexicon) -> str | None:
    """Which computation a question asks for, if any (before subjects are known)."""
    # "need the raw number not the diff": what is not asked for is no computation.
    low = re.sub(r"\b(?:not|rather than|instead of) (?:the |a |an )?(?:difference|diff|gap|"
                 r"change|total|sum|average|ratio|share|per day|a day|daily)\b", " ", low)
    part, parts = re.escape(lex.profile.part), re.escape(lex.profile.parts)
    one = rf"(?:{part}|{parts})"
    places = lex.wider_names
    if numbers.bound(low) is not None and re.search(
            rf"\b(?:which|what|how many|did|do|were|was|had|have) (?:all |each |every |any |none )?"
            rf"(?:of (?:the )?)?(?:\w+ )?(?:nhs |hospital )?{one}\b", low):
        return "threshold"
    if numbers.bound(low) is not None and re.search(r"\b(?:all|each|every)\b", low) and \
            re.search(rf"\b{one}\b", low) and re.match(
                r"(?:is|are|was|were|did|do|had|have)\b|(?:true or false|is it (?:true|correct) "
                r"that)\b", low.strip()):
        return "threshold"  # "Is it correct that every one of the trusts had more than 600?"
    low = spell_thousands(low)
    if CHANGE.search(low):
        return "change"
    if re.search(r"\bpercentage points?\b", low):
        return "difference"
    if re.search(r"\b(?:difference|gap)\s+between\b", low):
        return "difference"  # "the gap between 19% and 4.75%", "… and the average on offer"
    if re.search(r"\b(?:what|as an?) (?:%|per ?cent|percentage|share|proportion) of\b", low):
        return "share"  # "what % of that was our region (all 5 trusts)?"
    if re.search(r"\b(?:spread|split|shared|divided) (?:out )?(?:evenly|equally)\b|"
                 r"\b(?:evenly|equally) (?:spread|split|shared|divided)\b", low):
        return "average"  # "if spread evenly over the 4 trusts how many each?"
    if re.search(r"\bhow far (?:behind|ahead|short|off|apart)\b|\bhow (?:much|many points) "
                 r"apart\b|\bhow far (?:are|is|were|was) (?:they|the two|those|these) apart\b|"
                 r"\b(?:behind|ahead of|short of)\s+[^?]{1,40}?\s+by\b", low):
        return "difference"  # "how far behind wolves were we?", "whats that behind wolves by"
    if re.search(r"\bhow many times\b|\btimes (?:as many|more|higher|larger|bigger)\b|"
                 r"\b\d+(?:\.\d+)? times (?!(?:a|an|per|in|on|over|during|each|every|this|since|before|"
                 r"already|so|now|that (?:year|month|week|day))\b)[a-z]", low):
        return "ratio"
    if re.search(r"\bratio\b", low):
        return "ratio"  # "ratio top vs bottom?"
    if re.search(r"\bwhere (?:does|did|do) .+ (?:come|stand|sit|place|finish|put|leave|land|"
                 r"rank)\b", low):
        return "rank"  # "where does that put us vs the others": a place, not a gap
    if re.search(r"\b(?:vs|versus|compare[sd]?|comparison)\b", low) and re.search(
            r"%|\bper ?cent\b|\bpercentage\b|\bproportion\b|\bshare\b", low):
        return "share"  # "whole 5 trusts vs england then? %"
    if re.search(r"\b(?:vs\.?|versus) (?:what|how much|how many)\b", low):
        return None  # "whats BMA asking vs what govt gave": two asks, each answered
    if re.search(rf"\b(?:compare|compared|comparison|vs|versus)\b|\brest of (?:{places}|the "
                 rf"country)\b|\b(?:outside|elsewhere than) (?:{places}|the region|"
                 rf"(?:the|those|these|our) (?:\w+ ){{0,3}}{parts})", low):
        return "difference"
    if re.search(rf"\b(?:each|every|all the|all \w+|all of the|per|individual|breakdown|by)\s+"
                 rf"(?:nhs |hospital )?{one}\b|\bwhich {parts} (?:are|were)\b|\bbreakdown\b",
                 low) and not re.search(r"\b(?:average|mean|sum|total|add\w*|combined|"
                                        r"altogether|daily)\b|\b(?:per|a|each) (?:strike )?day\b",
                                        low):  # ("per day across all 5 trusts": an average)
        return "rank"
    # ("the only foundation trust in the list": a subject by its place, no ranking asked)
    if re.search(r"\b(?:rank|rankings?|ranked|ranks|order|sort|sorted|(?<!in the )(?<!on the )"
                 r"(?<!of the )list)\b|\bwhere (?:does|did)"
                 r" .+ (?:come|stand|sit|place|finish|put|leave|land|rank)\b", low) or re.search(
            r"\bfrom (?:the )?(?:most|highest|largest|fewest|lowest|least|smallest)\b", low):
        return "rank"
    if re.search(r"\b(?:percentage|per ?cent|proportion|share|fraction|slice|portion|chunk)\b|%",
                 low):
        return "share"
    if re.search(rf"\b(?:average|typical)\b|{MEAN_NOUN}|\bper {part}\b|(?<!\bon )(?<!\bfor )"
                 r"\b(?:per|a|each|every) (?:strike )?day\b|\bdaily\b", low):
        return "average"  # (not "an appt on a strike day": a day, no rate)
    if re.search(r"\b(?:middle|median)\b", low):
        return "median"
    if re.search(r"\bhow many times\b|\btimes (?:as many|more|higher|larger)\b|\bratio\b|"
                 r"\b(?:twice|double|triple)\b(?!-\w)", low):  # (not "double-speak")
        return "ratio"
    if re.search(r"\bdifference\b|\bgap\b|\bsubtract\w*|\bminus\b|\btake away\b|"
                 r"\bhow (?:many|much|far) short\b|\bshort by\b|\bshortfall\b|"
                 r"\bhow many (?:more|fewer|less)\b|\bhow much "
                 r"(?:more|fewer|less|higher|lower)\b|\bexceed\w*\b|\bby how (?:much|many)\b|"
                 r"\boutnumber\w*\b|\b(?:rise|fall|drop|increase|decrease|change|grow|go up|"
                 r"go down)\w* (?:between|from)\b", low):
        return "difference"
    # "the more than 8,300 cancellations" draws a line; it asks for no superlative.
    unlined = re.sub(r"\b(?:more|fewer|less) than (?:a |an )?[\d,.]+\w*|\bmost of\b|"
                     r"\bat (?:least|most)\b", " ", low)
    if re.search(rf"\b(?:which|what) (?:(?:one )?of (?:the |our )?(?:\w+ )?{parts}\b|"
                 rf"(?:hospital |nhs )?{part}\b)", low) and re.search(
            rf"\b(?:{MOST}|{FEWEST})\b", unlined) and not re.search(
                r"\b(?:sum|combined|together|add(?:ed)? up|plus|between them)\b", low):
        return "extreme"  # "which trust moved more inpatients overall": over the whole period
    if re.search(rf"\b(?:sum|total|combined|altogether|add(?:ed)? up|together|in all|overall|"
                 rf"plus|between them)\b|\b{parts} (?:other than|except|apart from|excluding)\b|"
                 r"\b(?:comes?|came|adds?) (?:up )?to (?:like |about |around |roughly )?\d",
                 low):  # ("the black country 4 come to like 4,900 yeah?")
        return "total"
    if re.search(rf"\bhow many (?:nhs |hospital )?{parts}\b", low):
        return "count"
    if re.search(r"\b(?:worse|better|busier|quieter|harder|heavier|lighter)\b[^?]*\bthan\b",
                 unlined) and not re.search(rf"\b(?:which|what) (?:hospital |nhs )?{part}\b", low):
        return "difference"  # "so sfh was actually worse this july than march 23??"
    if re.search(rf"\b(?:{MOST}|{FEWEST})\b", unlined) or re.search(
            rf"\b(?:which|what) (?:hospital |nhs )?{part}\b.*\b(?:first|second|third|"
            r"fourth|fifth|last|top|bottom|2nd|3rd|4th)\b", low):
        return "extreme"
    return None


def direction(low: str) -> str:
    """'most' or 'fewest', from the first superlative or comparative in the question."""
    match = re.search(rf"\b(?:{MOST}|{FEWEST}|hit hardest)\b", low)
    if match and re.fullmatch(FEWEST, match.group()):
        return "fewest"
    if re.search(r"\bleast (?:affected|hit|disrupted)\b|\bbest\b|\b(?:last|bottom)\b", low):
        return "fewest"
    if not match and re.search(r"\b(?:under|below|behind)\b", low):
        return "fewest"  # "are we still under sandwell"
    return "most"


def ordinal(low: str) -> int:
    """2 for 'the second most', 3 for 'third lowest'; 1 when no ordinal is given."""
    return next((n for w, n in ORDINALS.items() if re.search(rf"\b{w}\b", low)), 1)


def rank(members: list[Figure], ascending: bool, lex: Lexicon) -> Result:
    ordered = sorted(members, key=lambda f: f.value, reverse=not ascending)
    label = "fewest to most" if ascending else "most to fewest"
    lines = "; ".join(f"{i}. {short(f)}" for i, f in enumerate(ordered, start=1))
    return Result(f"The {lex.profile.parts} from {label} {lex.profile.counted}: {lines} "
                  f"({cited_passages(*ordered)}).", tuple(ordered))


def extreme(members: list[Figure], way: str, ordinal: int, lex: Lexicon) -> Result:
    """The member with the most (or fewest), or the second most … ('way', 'ordinal')."""
    ordered = sorted(members, key=lambda f: f.value, reverse=(way == "most"))
    pick = ordered[min(ordinal, len(ordered)) - 1]
    position = {1: "", 2: "second ", 3: "third ", 4: "fourth ", 5: "fifth "}[min(ordinal, 5)]
    word = "most" if way == "most" else "fewest"
    among = lex.among(members)
    counted = lex.profile.counted
    # Among a few named ones the others' figures are part of the answer; among all, noise.
    others = "" if len(members) > 3 else " The others: " + ", ".join(
        short(f) for f in ordered if f is not pick) + "."
    return Result(f"{pick.subject} had the {position}{word} {counted} of {among}: "
                  f"{pick.display} ({cited_passages(pick)}).{others}",
                  (pick, *[f for f in ordered if f is not pick]), focus=(pick,))


def total(members: list[Figure], region: Figure | None, lex: Lexicon) -> Result:
    value = sum(f.value for f in members)
    parts = " + ".join(f.digits for f in members)
    everyone = len(members) == lex.n_parts
    label = lex.among(members)
    who = label[:1].upper() + label[1:] + ("'" if label.endswith("s") else "'s")
    text = f"{who} figures add up to {format_number(value)} ({parts}) ({cited_passages(*members)})."
    used: tuple[Figure, ...] = tuple(members)
    if everyone and region is not None:
        text += (f" The article gives the total for {region.subject} as “{region.stated}” "
                 f"({region.passage}).")
        used += (region,)
    return Result(text, used, focus=tuple(members), values=((f"{label} together", value),))


def difference(a: Figure, b: Figure) -> Result:
    if a.subject == b.subject and a.dims != b.dims:
        # (one subject at two days: "England, Thursday 15 December" against its Tuesday)
        a, b = (replace(f, subject=f"{f.subject}, {', '.join(v for _, v in f.dims)}")
                if f.dims else f for f in (a, b))
    gap = a.value - b.value
    if gap == 0:
        return Result(f"{a.subject} and {b.subject} had the same figure: {a.display}.", (a, b))
    more, less = (a, b) if gap > 0 else (b, a)
    note = _approx(a, b)
    # As many decimals as the figures have: 19 − 4.75 is 14.25, never "14".
    places = max((len(f"{f.value:g}".partition(".")[2]) for f in (a, b)), default=0)
    shown = format_number(abs(gap), min(places, 2))
    if a.unit == b.unit == "per cent":
        return Result(f"{shown} percentage points: {more.subject}, {more.display} ({more.measure})"
                      f", against {less.subject}, {less.display} ({less.measure}): "
                      f"{more.display} − {less.display} = {shown} points{note} "
                      f"({cited_passages(a, b)}).", (a, b), values=_pair_values(a, b))
    return Result(f"{more.subject} had {shown} more than {less.subject}: "
                  f"{more.digits} − {less.digits} = {shown}{note} "
                  f"({cited_passages(a, b)}).", (a, b), values=_pair_values(a, b))


def compare(a: Figure, b: Figure, way: str) -> Result:
    """A yes/no comparison: 'Did A cancel more than B?' (way 'most'), 'fewer' ('fewest')."""
    asks_more = way == "most"
    a_more = a.value > b.value
    verdict = "Yes" if asks_more == a_more and a.value != b.value else "No"
    rel = "more" if a_more else "fewer"
    gap = format_number(abs(a.value - b.value))
    if a.value == b.value:
        return Result(f"No: both had {a.display} ({cited_passages(a, b)}).", (a, b))
    big, small = (a, b) if a_more else (b, a)
    return Result(f"{verdict}: {a.subject} had {a.display} and {b.subject} had {b.display}, so "
                  f"{a.subject} had {gap} {rel} ({big.display} − {small.display} = {gap}) "
                  f"({cited_passages(a, b)}).", (a, b), values=_pair_values(a, b))


def share(part: Figure | list[Figure], whole: Figure | list[Figure], lex: Lexicon) -> Result:
    part_l = part if isinstance(part, list) else [part]
    whole_l = whole if isinstance(whole, list) else [whole]
    p = sum(f.value for f in part_l)
    w = sum(f.value for f in whole_l)
    pct = 100 * p / w
    p_text = " + ".join(f.digits for f in part_l)
    if len(whole_l) > 1:
        w_text = (f"{lex.among(whole_l)}' total of {format_number(w)} "
                  f"({' + '.join(f.digits for f in whole_l)})")
    else:
        w_text = whole_l[0].stated
    who = lex.among(part_l) if len(part_l) == lex.n_parts else _listed(part_l)
    bounded = [f for f in part_l + whole_l if f.qualifier]
    approx = "" if not bounded else (
        " (both are “more than” figures, so this is approximate)" if any(
            f.qualifier for f in part_l) and any(f.qualifier for f in whole_l) else
        f" (approximate: the article says “{bounded[0].stated}”)")
    used = tuple(part_l + whole_l)
    if len(part_l) > 1:  # a group: its sum over the base, the sum in parentheses
        return Result(f"About {pct:.1f}%: {who} together account for {format_number(p)} of "
                      f"{w_text}: ({p_text}) ÷ {format_number(w)} = {format_number(p)} ÷ "
                      f"{format_number(w)} = {pct:.2f}%{approx} ({cited_passages(*used)}).", used,
                      focus=tuple(part_l))
    one, base = part_l[0], whole_l[0]
    if len(part_l) == len(whole_l) == 1 and one.subject == base.subject and one.unit and \
            one.unit == base.unit:  # "44 of England's 219 trusts", not "England accounts for"
        return Result(f"About {pct:.1f}%: {one.digits} of {base.subject}'s {base.digits} "
                      f"{base.unit} ({one.digits} ÷ {base.digits} = {pct:.2f}%){approx} "
                      f"({cited_passages(*used)}).", used, focus=tuple(part_l))
    verb = "account" if one.scope == "whole" and lex.profile.parts in who else "accounts"
    return Result(f"About {pct:.1f}%: {who} {verb} for {p_text} of {w_text} "
                  f"({p_text} ÷ {format_number(w)} = {pct:.2f}%){approx} "
                  f"({cited_passages(*used)}).", used, focus=tuple(part_l))


def average(members: list[Figure], lex: Lexicon) -> Result:
    value = sum(f.value for f in members) / len(members)
    parts = " + ".join(f.digits for f in members)
    return Result(f"The average across the {len(members)} {lex.profile.parts} is "
                  f"{format_number(value, 1)} {lex.profile.counted}: ({parts}) ÷ {len(members)} "
                  f"({cited_passages(*members)}).", tuple(members),
                  values=((f"the average across the {len(members)} {lex.profile.parts}",
                           value),))


def ratio(a: Figure, b: Figure) -> Result:
    value = a.value / b.value
    return Result(f"{a.subject} had {value:.1f} times as many as {b.subject}: {a.display} ÷ "
                  f"{b.display} = {value:.2f} ({cited_passages(a, b)}).", (a, b))


def count(members: list[Figure], lex: Lexicon) -> Result:
    names = "; ".join(f.subject for f in members)
    return Result(f"The article gives figures for {len(members)} {lex.profile.parts}: {names} "
                  f"({cited_passages(*members)}).", tuple(members))


def _num(value: float) -> str:
    """A figure as written, with its decimals (5.4, not 5)."""
    return format_number(value) if value == int(value) else \
        f"{value:,.2f}".rstrip("0").rstrip(".")


def _pair_values(a: Figure, b: Figure) -> tuple[tuple[str, float], ...]:
    return (a.subject, a.value), (b.subject, b.value)


def between(values: tuple[tuple[str, float], ...], op: str, way: str = "") -> Result | None:
    """'By how many?', '% change?', 'as a %?' of the two quantities the last answer set side
    by side (its working is in that answer; this one writes out its own)."""
    if len(values) != 2:
        return None
    (a_name, a), (b_name, b) = values
    if op == "change" and way and (way == "fall") == (a > b):
        (a_name, a), (b_name, b) = (b_name, b), (a_name, a)  # a fall is from the larger
    a_text, b_text = _num(a), _num(b)
    if op == "difference":
        gap = _num(abs(a - b))
        more, less = (a_name, b_name) if a > b else (b_name, a_name)
        return Result(f"{gap}: {more[:1].upper()}{more[1:]} had {gap} more than {less} "
                      f"({_num(max(a, b))} − {_num(min(a, b))} = {gap}).", ())
    if op == "change" and b:
        pct = 100 * (a - b) / b
        way = "lower" if pct < 0 else "higher"
        return Result(f"About {abs(pct):.1f}% {way}: {a_name} ({a_text}) against {b_name} "
                      f"({b_text}), ({_num(max(a, b))} − {_num(min(a, b))}) ÷ {b_text} = "
                      f"{abs(pct):.1f}%.", ())
    if op == "share" and b:
        return Result(f"About {100 * a / b:.1f}%: {a_name} ({a_text}) of {b_name} ({b_text}) "
                      f"({a_text} ÷ {b_text} = {100 * a / b:.2f}%).", ())
    if op == "ratio" and min(a, b):
        big, small = max(a, b), min(a, b)
        return Result(f"{big / small:.1f} times: {_num(big)} ÷ {_num(small)} "
                      f"= {big / small:.2f}.", ())
    return None


def _listed(figures: list[Figure]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = [f.subject for f in figures]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _approx(a: Figure, b: Figure) -> str:
    said = next((f.qualifier for f in (a, b) if f.qualifier), "")
    return f" (approximate: the article says “{said}”)" if said else ""


def cited_passages(*figures: Figure) -> str:
    """The passages figures come from, in order: 'p04, p06'."""
    return ", ".join(dict.fromkeys(f.passage for f in figures))


def spell_thousands(low: str) -> str:
    """'a thousand' -> '1,000', so a line drawn in words is still a line."""
    for words, digits in (("a thousand", "1,000"), ("one thousand", "1,000"),
                          ("two thousand", "2,000"), ("a hundred", "100"),
                          ("five hundred", "500")):
        low = low.replace(words, digits)
    return low


def threshold(members: list[Figure], line: numbers.Bound | None, over_every: bool,
              lex: Lexicon) -> Result | None:
    """'Which of them had fewer than 1,000?': the members on the asked side of a line (or
    inside a range), the line read by `bot.numbers` ('1k', '750.5', 'between 600 and 800');
    `over_every`: a claim over all of them ('Did each of the trusts have more than …?')."""
    if line is None:
        return None
    chosen = sorted((f for f in members if line.holds(f.value)), key=lambda f: -f.value)
    counted, where = lex.profile.counted, cited_passages(*members)
    if not chosen:
        return Result(f"None of {lex.among(members)} had {line.phrase} {counted} ({where}).",
                      tuple(members))
    names = "; ".join(short(f) for f in chosen)
    p = lex.profile
    n = len(chosen)
    if over_every:
        rest = [f for f in members if f not in chosen]
        if not rest:
            return Result(f"Yes: all {number_word(n)} had {line.phrase} {counted}: {names} "
                          f"({where}).", tuple(chosen))
        return Result(f"No: {'; '.join(short(f) for f in rest)} did not have {line.phrase} "
                      f"{counted} ({where}).", tuple(rest))
    count = (f"All {number_word(n)} {p.parts}" if n == len(members) and n > 1 else
             f"{number_word(n).capitalize()} {p.part if n == 1 else p.parts}")
    return Result(f"{count} had {line.phrase} {counted}: {names} ({where}).", tuple(chosen))


UNIT_OF_LINE = {"per cent": "%", "pounds": "£", "days": "days"}


def line_verdict(f: Figure, line: numbers.Bound) -> str | None:
    """'Did Sandwell cancel more than 1,168.9?': Yes/No from the figure against the line
    (a "more than" figure only answers when the line is below it); None when the line is
    in another unit than the figure."""
    if ("" if f.is_count else UNIT_OF_LINE.get(f.unit)) != line.unit:
        return None
    if not f.qualifier:
        return "Yes." if line.holds(f.value) else "No."
    # "more than 8,300": the true figure is above the display, by how much is unknown.
    if line.high is not None and (line.high < f.value or line.high == f.value
                                  and not line.high_inclusive):
        return "No."
    if line.high is None and line.low is not None and line.low <= f.value:
        return "Yes."
    return f"The article doesn't say: it gives {f.stated}, not whether it was {line.phrase}."


def versus_rest(one: Figure, rest: list[Figure], lex: Lexicon, yes_no: bool = True) -> Result:
    """'Did UHNM cancel more than the other four put together?' (a verdict when `yes_no`)."""
    together = sum(f.value for f in rest)
    parts = " + ".join(f.digits for f in rest)
    bigger = one.value > together
    verdict = ("Yes: " if bigger else "No: ") if yes_no else ""
    rel = "more" if bigger else "fewer"
    return Result(f"{verdict}{one.subject} had {one.display}; the other {len(rest)} "
                  f"{lex.profile.parts} "
                  f"together had {format_number(together)} ({parts}), so {one.subject} had "
                  f"{format_number(abs(one.value - together))} {rel} "
                  f"({_larger(one.value, together)} − {_smaller(one.value, together)} = "
                  f"{format_number(abs(one.value - together))}) ({cited_passages(one, *rest)}); "
                  f"the other {len(rest)} had {format_number(abs(one.value - together))} "
                  f"{'fewer' if bigger else 'more'}.", (one, *rest),
                  values=((one.subject, one.value), (f"the other {len(rest)} together", together)))


def outside(whole: Figure, parts: list[Figure], lex: Lexicon) -> Result:
    """England less the region (or the five members): 'the rest of England'."""
    inside = sum(f.value for f in parts)
    rest = whole.value - inside
    named = parts[0].subject if len(parts) == 1 else lex.among(parts)
    shown = parts[0].display if len(parts) == 1 else format_number(inside)
    summed = "" if len(parts) == 1 else (
        f", where {' + '.join(f.digits for f in parts)} = {format_number(inside)}")
    rough = any(f.qualifier for f in (whole, *parts))
    note = " (the article's “more than” figures make this approximate)" if rough else ""
    return Result(f"{'About ' if rough else ''}{format_number(rest)} outside {named}: "
                  f"{whole.display} − {shown} = {format_number(rest)}{summed}{note} "
                  f"({cited_passages(whole, *parts)}).", (whole, *parts))


def per_day(figures: list[Figure], days: Figure, lex: Lexicon) -> Result:
    value = sum(f.value for f in figures)
    parts = " + ".join(f.digits for f in figures)
    rate = value / days.value
    who = lex.among(figures)
    summed = f"({parts}) = {format_number(value)}" if len(figures) > 1 else figures[0].display
    return Result(f"About {format_number(rate)} a day at {who}: {summed} over the "
                  f"{days.display} of the strike, {format_number(value)} ÷ "
                  f"{format_number(days.value)} = {format_number(rate, 1)} "
                  f"({cited_passages(*figures, days)}).", (*figures, days), focus=tuple(figures))


def against_average(one: Figure, members: list[Figure]) -> Result:
    mean = sum(f.value for f in members) / len(members)
    side = "above" if one.value > mean else "below"
    parts = " + ".join(f.digits for f in members)
    return Result(f"{one.subject} is {side} the average: {one.display} against "
                  f"({parts}) ÷ {len(members)} = {format_number(mean, 1)} ({cited_passages(*members)}).",
                  (one, *[f for f in members if f is not one]))


def sides_of_average(members: list[Figure], below: bool, lex: Lexicon) -> Result:
    """'How many trusts were above the average?': those on that side of the mean, counted."""
    mean = sum(f.value for f in members) / len(members)
    picked = [f for f in members if (f.value < mean if below else f.value > mean)]
    side = "below" if below else "above"
    parts = " + ".join(f.digits for f in members)
    listed = "; ".join(short(f) for f in picked) or "none"
    verb = "was" if len(picked) == 1 else "were"
    count = "Only one" if len(picked) == 1 else str(len(picked))
    return Result(f"{count} of the {len(members)} {lex.profile.parts} {verb} {side} the average "
                  f"of {format_number(mean, 1)} (({parts}) ÷ {len(members)}): {listed} "
                  f"({cited_passages(*members)}).", tuple(members), focus=tuple(picked))


def change(new: Figure, base: Figure) -> Result:
    """'By what percentage was NUH's July total lower than in April 2023?'."""
    pct = 100 * (new.value - base.value) / base.value
    way = "lower" if pct < 0 else "higher"
    gap = abs(new.value - base.value)
    return Result(f"About {abs(pct):.1f}% {way}: {new.display} against {base.display}, "
                  f"({_larger(new.value, base.value)} − {_smaller(new.value, base.value)}) ÷ "
                  f"{base.display} = {format_number(gap)} ÷ {base.display} = {abs(pct):.1f}% "
                  f"({cited_passages(new, base)}).", (new, base), values=_pair_values(new, base))


def spread(members: list[Figure]) -> Result:
    ordered = sorted(members, key=lambda f: -f.value)
    top, bottom = ordered[0], ordered[-1]
    gap = top.value - bottom.value
    return Result(f"{format_number(gap)} between the most, {top.subject} ({top.display}), and "
                  f"the fewest, {bottom.subject} ({bottom.display}): {top.display} − "
                  f"{bottom.display} = {format_number(gap)} ({cited_passages(top, bottom)}).",
                  (top, bottom))


def _larger(a: float, b: float) -> str:
    return format_number(max(a, b))


def _smaller(a: float, b: float) -> str:
    return format_number(min(a, b))


def position(one: Figure, members: list[Figure], lex: Lexicon) -> Result:
    """'Where does Sandwell rank?': its place from the most cancellations down."""
    ordered = sorted(members, key=lambda f: -f.value)
    place = ordered.index(one) + 1
    word = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(place, str(place))
    listed = "; ".join(f"{i}. {short(f)}" for i, f in enumerate(ordered, start=1))
    return Result(f"{one.subject} ranks {word} of the {len(ordered)} {lex.profile.parts} for "
                  f"{lex.profile.counted}, with {one.display}: {listed} "
                  f"({cited_passages(*ordered)}).", tuple(ordered), focus=(one,))


def neighbour(one: Figure, members: list[Figure], up: bool, lex: Lexicon) -> Result:
    """'the next biggest above us', 'who's just behind rwt': the member ranked next to one."""
    ordered = sorted(members, key=lambda f: -f.value)
    i = ordered.index(one)
    j = i - 1 if up else i + 1
    if not 0 <= j < len(ordered):
        edge = "most" if up else "fewest"
        return Result(f"None: {one.subject} had the {edge} {lex.profile.counted} of "
                      f"{lex.among(members)}, {one.display} ({cited_passages(one)}).", (one,),
                      focus=(one,))
    other = ordered[j]
    return Result(f"{other.subject} is next {'above' if up else 'below'} {one.subject}: "
                  f"{other.display} against {one.display} ({cited_passages(other, one)}).",
                  (other, one), focus=(other, one),
                  values=((other.subject, other.value), (one.subject, one.value)))


def beyond(one: Figure, members: list[Figure], up: bool, lex: Lexicon) -> Result:
    """'whos ahead of us': every member ranked above (or below) one, in order."""
    ordered = sorted(members, key=lambda f: -f.value)
    i = ordered.index(one)
    them = ordered[:i] if up else ordered[i + 1:]
    side = "ahead of" if up else "behind"
    if not them:
        edge = "most" if up else "fewest"
        return Result(f"None: {one.subject} had the {edge} {lex.profile.counted} of "
                      f"{lex.among(members)}, {one.display} ({cited_passages(one)}).", (one,),
                      focus=(one,))
    listed = "; ".join(short(f) for f in them)
    return Result(f"{len(them)} {'is' if len(them) == 1 else 'are'} {side} {one.subject} "
                  f"({one.display}): {listed} ({cited_passages(*them, one)}).", (*them, one),
                  focus=(*them, one))


def group_versus(group: list[Figure], single: Figure, asked: str = "",
                 group_first: bool = True, names: str = "") -> Result:
    """'Walsall and Dudley together versus Royal Wolverhampton' (or the single one first:
    'UHNM against Walsall and Dudley together'); with `asked` ('group more' or 'group
    fewer') a yes/no verdict leads."""
    together = sum(f.value for f in group)
    parts = " + ".join(f.digits for f in group)
    names = names or " and ".join(f.subject for f in group)
    gap = abs(together - single.value)
    approx = f" (approximate: the article says “{single.stated}”)" if single.qualifier else ""
    working = (f"({_larger(together, single.value)} − {_smaller(together, single.value)} = "
               f"{format_number(gap)}){approx} ({cited_passages(*group, single)}).")
    if group_first:
        rel = "more" if together > single.value else "fewer"
        text = (f"{names} together had {format_number(together)} ({parts}), "
                f"{format_number(gap)} {rel} than {single.subject}'s {single.display} {working}")
    else:
        rel = "more" if single.value > together else "fewer"
        text = (f"{single.subject} had {single.display}, {format_number(gap)} {rel} than "
                f"{names} together, who had {format_number(together)} ({parts}) {working}")
    text = text[:1].upper() + text[1:]
    if asked:
        holds = together != single.value and ((together > single.value) == (asked == "group more"))
        text = f"{'Yes' if holds else 'No'}: {text}"
    return Result(text, (*group, single),
                  values=((f"{names} together", together), (single.subject, single.value)))


def groups_versus(first: list[Figure], second: list[Figure], asked: str, first_names: str,
                  second_names: str) -> Result:
    """Two groups, each added up, against each other; with `asked` ('first more' or 'first
    fewer') a yes/no verdict leads."""
    a, b = sum(f.value for f in first), sum(f.value for f in second)
    gap = abs(a - b)
    rel = "more" if a > b else "fewer"
    text = (f"{first_names} together had {format_number(a)} "
            f"({' + '.join(f.digits for f in first)}), {format_number(gap)} {rel} than "
            f"{second_names} together, who had {format_number(b)} "
            f"({' + '.join(f.digits for f in second)}) ({_larger(a, b)} − {_smaller(a, b)} = "
            f"{format_number(gap)}) ({cited_passages(*first, *second)}).")
    text = text[:1].upper() + text[1:]
    if asked:
        holds = a != b and ((a > b) == (asked == "first more"))
        text = f"{'Yes' if holds else 'No'}: {text}"
    return Result(text, (*first, *second), focus=(*first, *second),
                  values=((f"{first_names} together", a), (f"{second_names} together", b)))


def against_fraction(part: list[Figure], whole: list[Figure],
                     line: tuple[str, float, str]) -> Result:
    """'Did the four account for more than half?', 'did most trusts take part?': the share of
    `part` in `whole`, with its working, against a fraction ('above', 0.5, 'half')."""
    def named(figures: list[Figure]) -> tuple[str, str, float]:
        value = sum(f.value for f in figures)
        if len(figures) == 1:
            return figures[0].display, figures[0].display, value
        listed = " + ".join(f.digits for f in figures)
        return f"{format_number(value)} ({listed})", format_number(value), value

    part_text, part_short, part_value = named(part)
    whole_text, whole_short, whole_value = named(whole)
    share = 100 * part_value / whole_value if whole_value else 0.0
    side, value, word = line
    if side == "about":  # "so abt a quarter of trusts struck yeah?": within a tenth of it
        holds = abs(share - 100 * value) <= 10 * value
        relation = "about" if holds else ("more" if share > 100 * value else "less") + " than"
    else:
        holds = share > 100 * value if side == "above" else share < 100 * value
        relation = f"{'more' if share > 100 * value else 'less'} than"
    return Result(f"{'Yes' if holds else 'No'}: {part_text} of {whole_text} is {share:.1f}% "
                  f"({part_short} ÷ {whole_short} = {share:.2f}%), "
                  f"{relation} {word} "
                  f"({cited_passages(*(whole if len(whole) > 1 else [*part, *whole]))}).",
                  tuple(part))
