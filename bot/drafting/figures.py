"""Drafting figures.csv from article.txt: every figure with its subject, qualifier, scope,
dimensions and the verbatim span that states it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import rules
from .lexicon import Lexicon
from .scan import Mention, Piece, Token, clauses, figures, passages, quoted, sentences
from .subjects import Subjects

COLUMNS = ("id", "subject", "aliases", "measure", "value", "display", "unit", "qualifier",
           "scope", "period", "passage", "span", "dims")


@dataclass(frozen=True)
class Draft:
    subject: str
    kind: str  # part | whole | national | strike | claim | award | offer | rise | other
    measure: str
    value: float
    display: str
    unit: str
    qualifier: str
    passage: str
    span: str
    dims: tuple[tuple[str, str], ...] = ()
    scope: str = "other"
    period: str = ""
    id: str = ""

    def dim(self, key: str) -> str:
        return next((v for k, v in self.dims if k == key), "")

    def row(self, aliases: list[str]) -> dict[str, str]:
        value = f"{self.value:g}" if self.value != int(self.value) else str(int(self.value))
        return {"id": self.id, "subject": self.subject, "aliases": ";".join(aliases),
                "measure": self.measure, "value": value, "display": self.display,
                "unit": self.unit, "qualifier": self.qualifier, "scope": self.scope,
                "period": self.period, "passage": self.passage, "span": self.span,
                "dims": ";".join(f"{k}={v}" for k, v in self.dims)}


@dataclass
class Unplaced:
    passage: str
    text: str
    why: str


@dataclass
class _State:
    subjects: Subjects
    drafts: list[Draft] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    last: Draft | None = None
    round: str = ""
    types: list[str] = field(default_factory=list)  # the previous clause's item types
    order: list[str] = field(default_factory=list)  # the previous clause's part subjects


def draft_figures(article: str, subjects: Subjects) -> tuple[list[Draft], list[Unplaced]]:
    state = _State(subjects)
    for pid, text in passages(article)[1:]:
        quotes = quoted(text)
        for sentence in sentences(text):
            _sentence(state, pid, sentence, quotes)
    return _ids(state.drafts, subjects.lexicon), state.unplaced


def _sentence(state: _State, pid: str, sentence: Piece, quotes: list[tuple[int, int]]) -> None:
    text = sentence.text
    none = state.subjects.lexicon.none_at_either.match(sentence.words)
    if none:
        _none_at_either(state, pid, sentence, none.group(1).lower())
        return
    lead_day = _weekday(text[sentence.start:_first_content(state, sentence)])
    for clause in clauses(sentence):
        mentions = state.subjects.mentions(text, clause.start, clause.end)
        tokens = [t for t in figures(clause)
                  if not any(m.start <= t.start < m.end for m in mentions)]
        phrase = rules.ROUND.search(text, clause.start, clause.end) if tokens else None
        round_ = _round(state, phrase) if phrase else ""
        types: list[str] = []
        order: list[str] = []
        for i, token in enumerate(tokens):
            inside = any(a <= token.start < b for a, b in quotes)
            if inside and any(d.value == token.value for d in state.drafts):
                continue
            end = tokens[i + 1].start if i + 1 < len(tokens) else clause.end
            # An earlier round's phrase covers the figures after it, and the one it follows
            # ("compared with 16,000 in the previous strike in November 2022").
            covered = round_ if phrase and phrase.start() < end else ""
            draft = _item(state, pid, clause, mentions, tokens, i, end, lead_day, covered)
            if draft is None:
                if not inside:
                    state.unplaced.append(Unplaced(pid, _around(text, token),
                                                   "a number with no clear subject"))
                continue
            for extra in _all_on_day(state, clause, token, draft):
                state.drafts.append(extra)
            state.drafts.append(draft)
            types.append(draft.dim("type"))
            if draft.kind == "part":
                order.append(draft.subject)
            state.last = draft
        if tokens:
            state.types = types
            if order:
                state.order = list(dict.fromkeys(order))


def _first_content(state: _State, sentence: Piece) -> int:
    mentions = state.subjects.mentions(sentence.text, sentence.start, sentence.end)
    tokens = figures(sentence)
    starts = [m.start for m in mentions] + [t.start for t in tokens]
    return min(starts, default=sentence.start)


def _around(text: str, token: Token) -> str:
    return text[max(0, token.start - 40):token.end + 40].strip()


def _item(state: _State, pid: str, clause: Piece, mentions: list[Mention], tokens: list[Token],
          i: int, end: int, lead_day: str, round_: str) -> Draft | None:
    token = tokens[i]
    text = clause.text
    later = [m.start for m in mentions if m.start > token.end
             and re.search(r"(?:,|\band)\s$", text[:m.start])]
    tail = _tail(text, token.end, min([end, *later]))
    item = text[token.start:tail]
    before = text[clause.start:token.start]
    qualifier = _qualifier(before)
    start = token.start - len(qualifier) - (1 if qualifier else 0)
    special = _special(state, clause, token, tail, before) or \
        _out_of(state, clause, mentions, token)
    if special is not None:
        subject, kind, measure, span_start, tail = special
    else:
        found = _subject(state, clause, mentions, tokens, i, item)
        if found is None:
            return None
        subject, kind, span_start = found
        span_start = min(span_start, start) if span_start >= 0 else start
    span = text[span_start:tail].strip(" ,")
    dims = _dims(state, clause, tokens, i, item, text[clause.start:token.start], lead_day,
                 round_, kind)
    out_of = rules.OUT_OF.search(text, clause.start, clause.end)
    if out_of and token.start in (out_of.start(1), out_of.start(2)):
        item = text[out_of.start(3):tail]
    unit = _unit(token, item, kind, state.subjects.lexicon)
    scope = _scope(kind, unit, item, state.subjects.lexicon)
    if special is None:
        lexicon = state.subjects.lexicon
        measure = _measure(text[:tail], item, dict(dims).get("type", ""), lexicon) if kind in (
            "part", "whole", "national") and scope != "other" else _other_measure(item, token)
        last = state.last
        if measure == f"{lexicon.counted} {lexicon.get('no_action')}" and last \
                and last.passage == pid and last.kind == kind:
            measure = last.measure  # "...; 750 at Walsall": the list's measure
        apposition = rules.APPOSITION.search(text[:token.start])
        if apposition and last:
            measure = f"{apposition.group(1)} in {last.measure}"  # "..., a fall of 7.5%"
    return Draft(subject, kind, measure, token.value, token.display, unit, qualifier.lower(),
                 pid, span, dims, scope, _period(dims, state))


def _tail(text: str, after: int, end: int) -> int:
    stop = rules.TAIL_STOP.search(text, after, end)
    tail = stop.start() if stop else end
    joiner = rules.ITEM_JOINER.search(text[after:tail])
    if joiner and joiner.start() < tail - after:
        tail = after + joiner.start()
    return tail


def _qualifier(before: str) -> str:
    low = before.lower()
    for word in rules.QUALIFIERS:
        if low.endswith(f"{word} ") and re.search(rf"(?:^|\W){word} $", low):
            return before[len(before) - len(word) - 1:-1]
    return ""


def _special(state: _State, clause: Piece, token: Token, tail: int, before: str,
             ) -> tuple[str, str, str, int, int] | None:
    """Durations, histories, pay claims, awards and pay rises: (subject, kind, measure, span
    start, span end)."""
    text = clause.text
    history = rules.HISTORY.search(text, clause.start, clause.end)
    if history and history.start(2) == token.start:
        owner = history.group(1)
        name = next((n for n in _organisations(text, state.subjects.lexicon)
                     if owner.lower() in n.lower()), owner)
        return name, "other", f"years of {name}'s history", history.start(), history.end() - 0
    if token.unit in ("days", "hours") or re.match(r"\s+(?:further\s+)?strike days\b",
                                                   text[token.end:token.end + 24]):
        noun = rules.STRIKE_NOUN.match(text[token.start:clause.end])
        verbs = list(rules.STRIKE_VERB.finditer(text, clause.start, token.start))
        start = verbs[-1].start() if verbs else token.start
        end = token.start + noun.end() if noun else tail
        measure = "length of the strike" if token.unit != "hours" else "length of each strike day"
        if "strike days" in text[token.end:end]:
            measure = "number of strike days"
        return state.subjects.strike, "strike", measure, start, end
    if token.unit in ("%", "£"):
        change = rules.PAY_CHANGE.search(text[clause.start:token.start])
        if change:  # "nurses have seen their pay fall by 20%"
            group = change.group(1).lower()
            return f"{group}' pay", "other", f"{change.group(2)} in {group}' pay", \
                clause.start + change.start(), tail
        receive = rules.RECEIVE.search(text, clause.start, token.start)
        if receive:
            group = receive.group(1)
            return f"{group}' pay rise", "rise", "pay rise under the claim", receive.start(), tail
        lexicon = state.subjects.lexicon
        claim = rules.CLAIM.search(text, clause.start, token.start)
        if claim and state.subjects.union:
            claimed = lexicon.pay("claim_nouns").get(claim.group(0).lower(),
                                                     lexicon.pay("claim_noun"))
            subject = f"the {state.subjects.union}'s {claimed}"
            return subject, "claim", f"pay rise the {state.subjects.union} is seeking", \
                claim.start(), tail
        offer = lexicon.offer.search(text, clause.start, token.start)
        if offer:
            return lexicon.pay("offer_subject"), "offer", "pay rise offered", offer.start(), tail
        award = rules.AWARD.search(text, clause.start, clause.end)
        if award and award.start() <= token.start:
            begin, owner = _award_owner(text, clause.start, award.start(), award.group(1))
            subject = f"the {owner}'s award" if "pay" in owner else f"{owner}'s pay award"
            return subject, "award", "pay award", begin, tail
    return None


def _award_owner(text: str, floor: int, start: int, last: str) -> tuple[int, str]:
    """'the independent pay review body's award' -> (where 'the' starts, 'pay review body')."""
    words = [last]
    begin = start
    for m in reversed(list(re.finditer(r"[\w-]+", text[floor:start]))):
        word = m.group(0)
        if word.lower() in rules.AWARD_OWNER_STOP or len(words) >= 5:
            if word.lower() == "the":
                begin = floor + m.start()
            break
        words.insert(0, word)
        begin = floor + m.start()
    owner = " ".join(w for w in words if w.lower() not in rules.DROP_MODIFIERS)
    return begin, owner


def _out_of(state: _State, clause: Piece, mentions: list[Mention], token: Token,
            ) -> tuple[str, str, str, int, int] | None:
    """'44 of England's 219 NHS trusts took part': both figures, one span, the named subject."""
    found = rules.OUT_OF.search(clause.text, clause.start, clause.end)
    if not found or token.start not in (found.start(1), found.start(2)):
        return None
    named = [m for m in mentions if m.kind != "both"] or \
        [m for m in state.subjects.mentions(clause.text, 0, clause.start) if m.kind != "both"][-1:]
    if not named:
        return None
    noun = found.group(3)
    rest = re.split(r"[,;.]", clause.text[found.end():clause.end])[0].strip()
    measure = f"{noun} {rest}".strip() if token.start == found.start(1) else f"{noun} in all"
    return named[0].subject, "other", measure, clause.start, clause.end


def _organisations(text: str, lexicon: Lexicon) -> list[str]:
    return [m.group(1).removeprefix("the ") for m in lexicon.organisation.finditer(text)] + \
        list(lexicon.people("unions"))


def _subject(state: _State, clause: Piece, mentions: list[Mention], tokens: list[Token], i: int,
             item: str) -> tuple[str, str, int] | None:
    token = tokens[i]
    text = clause.text
    previous = tokens[i - 1] if i else None
    if previous and state.last and (rules.OF_THEM.match(item)
                                    or rules.APPOSITION.search(text[:token.start])):
        return state.last.subject, state.last.kind, _span_start(state.last, text)
    at = re.match(r"[^;]*?\bat\s", item)
    if at:
        after = [m for m in mentions if token.start + at.end() == m.start]
        if after:
            return after[0].subject, after[0].kind, token.start
    preceding = [m for m in mentions if m.end <= token.start]
    if preceding:
        nearest = preceding[-1]
        if nearest.kind == "both":
            place = sum(1 for t in tokens[:i] if t.start > nearest.end)
            if place < len(state.order):
                return state.order[place], "part", nearest.start
            return None
        first = next(m for m in preceding if m.subject == nearest.subject)
        return nearest.subject, nearest.kind, first.start if nearest.kind == "part" \
            else nearest.start
    following = [m for m in mentions if m.start >= token.end and m.kind != "both"]
    if following:
        return following[0].subject, following[0].kind, -1
    if state.last is not None and re.match(r"(?:It|They|This)\b", text[clause.start:]):
        return state.last.subject, state.last.kind, -1
    earlier = [m for m in state.subjects.mentions(text, 0, clause.start) if m.kind != "both"]
    if earlier and state.last is not None and state.last.subject == earlier[-1].subject:
        return earlier[-1].subject, earlier[-1].kind, -1
    return None


def _span_start(draft: Draft, text: str) -> int:
    at = text.find(draft.span)
    return at if at >= 0 else -1


def _measure(before: str, item: str, type_: str, lexicon: Lexicon) -> str:
    """'inpatient procedures rebooked': the item's noun and the last action word before it."""
    low = before.lower()
    found = [(m.start(), v) for k, v in lexicon.get("actions").items()
             for m in re.finditer(rf"\b{re.escape(k)}\b", low)]
    action = max(found)[1] if found else lexicon.get("no_action")
    if type_:
        noun = str(lexicon.types[type_]["noun"])
    else:
        nouns = [w for w in re.findall(r"[a-z]+", item.lower())
                 if w in lexicon.get("counted_nouns")]
        noun = lexicon.get("mixed_noun") if len(set(nouns)) > 1 else \
            (nouns[0] if nouns else lexicon.counted)
    return f"{noun} {action}"


def _other_measure(item: str, token: Token) -> str:
    """What a figure that is not a count of the article's items measures: the words after it,
    up to their verb ('77,000 resident doctors had opted' -> 'resident doctors')."""
    words = re.findall(r"[\w'%-]+", item[len(token.display):])
    while words and words[0].lower() in ("of", "per", "cent", "%"):
        words = words[1:]
    verb = next((i for i, w in enumerate(words) if w.lower() in rules.VERBS), len(words))
    return " ".join(words[:min(verb, 8)]) or "figure"


def _unit(token: Token, item: str, kind: str, lexicon: Lexicon) -> str:
    if token.unit == "%":
        return "per cent"
    if token.unit == "£":
        return "pounds"
    if token.unit:
        return token.unit
    head = re.split(r"\s(?=[A-Z])", item[len(token.display):], maxsplit=1)[0]  # not names
    words = re.findall(r"[a-z]+", head.lower())[:4]
    for word in words:
        if word in lexicon.get("counted_nouns"):
            return lexicon.counted
        if word in lexicon.get("unit_nouns"):
            return str(lexicon.get("unit_nouns")[word])
    return lexicon.counted if kind in ("part", "whole", "national") else ""


def _scope(kind: str, unit: str, item: str, lexicon: Lexicon) -> str:
    if kind in ("part", "whole", "national") and unit == lexicon.counted \
            and not rules.COMPARATIVE.match(item):
        return kind
    return "other"


def _weekday(text: str) -> str:
    found = rules.WEEKDAY.findall(text)
    return found[-1] if found else ""


def _day(state: _State, weekday: str) -> str:
    return next((d for d in state.subjects.strike_days if d.startswith(weekday)), weekday)


def _ordinal_day(state: _State, word: str) -> str:
    """'the second' strike day: its date when the article dates the days, else 'second day'."""
    n = rules.ORDINALS.get(word.lower(), 0)
    days = state.subjects.strike_days
    if not n:
        return ""
    if not days:
        return f"{word.lower()} day"
    return days[n - 1] if 0 < n <= len(days) else days[-1]


def _round(state: _State, found: re.Match[str]) -> str:
    if found.group(3):
        if not state.round:
            return ""
        month, year = state.round.split()
        index = rules.MONTHS.index(month)
        state.round = f"{rules.MONTHS[index - 1]} {int(year) - (index == 0)}"
    else:
        state.round = f"{found.group(1)} {found.group(2)}"
    return state.round


def _dims(state: _State, clause: Piece, tokens: list[Token], i: int, item: str, before: str,
          lead_day: str, round_: str, kind: str) -> tuple[tuple[str, str], ...]:
    dims: list[tuple[str, str]] = []
    if kind in ("part", "whole", "national"):
        of_them = rules.OF_THEM.match(item)
        weekday = _weekday(item) or _weekday(before) or lead_day
        ordinal = of_them or rules.DAY_ORDINAL.search(item) or rules.DAY_ORDINAL.search(before)
        day = _ordinal_day(state, ordinal.group(1)) if ordinal and not weekday else \
            (_day(state, weekday) if weekday else "")
        if day:
            dims.append(("day", day))
        type_ = _type(state, clause, tokens, i, item)
        if type_:
            dims.append(("type", type_))
    if round_:
        dims.append(("round", round_))
    return tuple(dims)


def _type(state: _State, clause: Piece, tokens: list[Token], i: int, item: str) -> str:
    lexicon = state.subjects.lexicon
    rest = item[len(tokens[i].display):]
    adjacent = lexicon.type_word.match(rest.strip()) or lexicon.type_after.match(rest)
    if adjacent and len({t.lower() for t in lexicon.type_word.findall(rest)}) == 1:
        return adjacent.group(1).lower()
    if lexicon.type_word.search(rest):
        return ""
    if rules.RESPECTIVELY.search(clause.words):
        place = sum(1 for t in tokens[:i] if t.start >= clause.start)
        return state.types[place] if place < len(state.types) else ""
    bare = not re.search(r"[a-z]{3,}", re.sub(r"\bon the \w+day\b", "",
                                              item[len(tokens[i].display):]))
    if bare and i and state.drafts:
        return state.drafts[-1].dim("type")
    return ""


def _period(dims: tuple[tuple[str, str], ...], state: _State) -> str:
    return next((v for k, v in dims if k in ("day", "round")), "")


def _all_on_day(state: _State, clause: Piece, token: Token, draft: Draft) -> list[Draft]:
    """'stood down 1,191, every one of them on the second strike day': the figure as a total,
    and again for that day."""
    found = rules.ALL_ON_DAY.match(clause.text, token.end)
    if not found:
        return []
    day = _ordinal_day(state, found.group(1))
    if not day:
        return []
    span = clause.text[clause.text.find(draft.span):found.end()]
    return [replace(draft, span=span, dims=(*draft.dims, ("day", day)), period=day)]


def _none_at_either(state: _State, pid: str, sentence: Piece, type_: str) -> None:
    """'No outpatient clinics were affected at either trust over the two days': a zero for each
    trust on each day the passage names."""
    text = sentence.text
    days = list(dict.fromkeys(_day(state, d) for d in rules.WEEKDAY.findall(text)))
    span = sentence.words
    for subject in state.subjects.parts:
        for day in sorted(days, key=lambda d: state.subjects.strike_days.index(d)
                          if d in state.subjects.strike_days else 99):
            lexicon = state.subjects.lexicon
            measure = f"{lexicon.types[type_]['noun']} {lexicon.get('no_action')}"
            state.drafts.append(Draft(subject, "part", measure, 0.0,
                                      span.split()[0], lexicon.counted, "", pid, span,
                                      (("day", day), ("type", type_)), "part", day))


def aliases_of(drafts: list[Draft], subjects: Subjects) -> dict[str, list[str]]:
    """Each subject's aliases; an alias two subjects would share is given to neither."""
    out: dict[str, list[str]] = {}
    for d in drafts:
        if d.subject in out:
            continue
        if d.kind == "part":
            names = subjects.parts.get(d.subject, [])
        elif d.kind == "whole":
            names = subjects.whole_aliases
        elif d.kind == "national":
            names = list(subjects.lexicon.get("national_aliases"))
        elif d.kind == "strike":
            staff = subjects.staff
            names = ["strike", "strikes", f"{staff}' strike", f"{staff} strike", "walkout",
                     "walked out", "industrial action", "the action", "strike length",
                     "length of the strike", "strike days"]
        elif d.kind in ("claim", "award", "offer", "rise"):
            core = d.subject.removeprefix("the ")
            noun = re.search(r"\b(pay \w+)\b", d.span[d.span.find(d.display):])
            names = [core, core.replace("'s", ""), core.split("'s ")[-1],
                     *([noun.group(1)] if noun else []),
                     *subjects.lexicon.pay(f"{d.kind}_aliases")]
        else:
            names = [d.subject.removeprefix("the ")]
        out[d.subject] = list(dict.fromkeys(a for a in names if a and a != d.subject))
    # An alias that ends another subject's name is that subject's ("pay rise" is the pay rise's,
    # not the claim's); one two subjects would still share is given to neither.
    for subject, names in out.items():
        out[subject] = [a for a in names if not any(
            other != subject and other.lower().endswith(a.lower()) for other in out)]
    owners: dict[str, set[str]] = {}
    for subject, names in out.items():
        for alias in [subject, *names]:
            owners.setdefault(alias.lower(), set()).add(subject)
    return {s: [a for a in names if len(owners[a.lower()]) == 1] for s, names in out.items()}


def _ids(drafts: list[Draft], lexicon: Lexicon) -> list[Draft]:
    generic = {w.lower() for w in lexicon.get("part_generic_words")}
    seen: set[str] = set()
    out: list[Draft] = []
    for d in drafts:
        words = re.findall(r"[a-z0-9]+", d.subject.lower().replace("'s", ""))
        base = "_".join([w for w in words if w not in generic][:3]) or "figure"
        for key in ("round", "day", "type"):
            value = d.dim(key)
            if value:
                base += "_" + re.sub(r"[^a-z0-9]+", "", value.lower())[:8]
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}_{n}", n + 1
        seen.add(ident)
        out.append(replace(d, id=ident))
    return out
