"""Chat shorthand written out before a question is read: named data, defined once.

English chat abbreviations only; an article's own shorthand (its subjects' nicknames) lives in
its profile's [abbreviations].
"""

from __future__ import annotations

import re
from collections.abc import Callable

NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
WEEKDAYS = {"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday",
            "weds": "Wednesday", "thu": "Thursday", "thur": "Thursday", "thurs": "Thursday",
            "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
MONTHS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June",
          "jul": "July", "aug": "August", "sep": "September", "sept": "September",
          "oct": "October", "nov": "November", "dec": "December"}
Replacement = str | Callable[[re.Match[str]], str]
SHORTHAND: tuple[tuple[str, Replacement], ...] = (
    # A greeting before the question is no part of it: "mornin all 👋 bot — how many …".
    (r"^\W*(?:(?:good\s+)?(?:mornin[g']?|afternoon|evening)|hi|hey|hello|hiya|yo)\b"
     r"(?:\s+(?:all|team|folks|everyone|guys|there|bot))*[\W_]*(?:bot\b[\W_]*)?", ""),
    (r"\brite\b", "right"),
    (r"\b(?:togther|togeather|togehter|toghether|2gether)\b", "together"),
    (r"\bpp'?d\b", "postponed"),  # "gosh had 642 pp'd"
    (r"\b(?:quick|q+uick) (?:q|qn|question|one)\b[\s.:,!?-]*", ""),  # "quick q. the 35% …"
    (r"\bday(\d)\b", r"day \1"),  # "day1/day2"
    (r"\b(\d+)\s*(?:hrs?|hours?)\b", r"\1 hours"),  # "24hr walkouts"
    (r"\b(pay|money|cash|time|date|staff|staffing)[- ]wise\b", r"on \1"),  # "pay wise"
    # "diff topic - …": a new subject, no difference asked
    (r"^\W*(?:diff(?:erent)?|new|other|change of|unrelated) topic\b\W*", ""),
    (r"\bshes\b", "she's"), (r"\bhes\b(?= \w)", "he's"), (r"\btheyre\b", "they're"),
    (r"\b(?:from|on) the ([\w']+(?: [\w']+)?) side\b", r"for the \1"),  # "from the bma side"
    # "bc hosps cut back": because (the Black Country's "BC" comes before its trusts' names)
    (r"(?<![A-Z])\bbc\b(?=\s+(?:hosps?|hospitals|they|it|its|we|there|the|of|so|he|she|i|ppl|"
     r"people|nhs)\b)", "because"),
    (r"\bwd\b", "would"), (r"\bcd\b(?= \w)", "could"),
    # "what is the rcn after exactly?": what it asks for; "what have ministers put on the
    # table": what they offer
    (r"\b(is|are|r) ((?:the )?[\w']+(?: [\w']+)?) after(?=\W*(?:exactly|really|then|now|tho)?\W*$)",
     r"\1 \2 asking for"),
    (r"\b(?:put|putting|puts|got|have|has) on the table\b", "offered"),
    (r"\b(?:going|gunning) for\b", "asking for"),  # "what % is the rcn actually going for"
    (r"\bon the table\b", "on offer"),
    # "whats his line everyone keeps quoting": his line
    (r"\s*\b(?:that |which )?(?:everyone|everybody|people|ppl|the papers|the press|the media|"
     r"they)(?:'s| is| are| keeps?| keep on) (?:quoting|repeating|sharing|using|citing)\b", ""),
    (r"\bmed (?=director|directors|dir\b|school|students?)", "medical "),  # "deputy med director"
    # "whats barclay said about …": what has he said; "the 2 that put the statement out"
    (r"\bwhat(?:'s|s| is) ((?:the )?[\w']+(?: [\w']+)?) (said|told|claimed|called|promised)\b",
     r"what has \1 \2"),
    (r"\bput (the|a|their|that|this) (joint )?(statement|quote|line|comment|release)s? out\b",
     r"put out \1 \2\3"),
    # "that was a 3 day one right": a three-day strike, not its day one
    (r"\b(\d+|two|three|four|five|six|seven) ?-? ?days? one\b", r"\1-day strike"),
    # "how many of our 342 were chemo pts, do we know": the question, no second ask
    (r"[,\s-]*\b(?:do we know|do we have (?:that|it|this|those)|do we even know)\W*$", "?"),
    # "whats her point": what she said
    (r"\bwhat(?:'s| is|s| was) (his|her|their) (?:main )?(?:point|argument|take|view|message|"
     r"gripe|complaint)\b",
     lambda m: f"what did {dict(his='he', her='she', their='they')[m.group(1)]} say"),
    # "whats our bit of it": our share of it
    (r"\b(our|my|their|its|his|her|uhnm's|[a-z]+'s) (?:bit|portion|slice|chunk|piece|"
     r"contribution) of\b", r"\1 share of"),
    (r"\bwhat['’]?d\b(?= (?:he|she|they|the|it|we|you|u|[a-z]+ (?:say|said|call|want|mean)))",
     "what did"),  # "what'd he say"
    (r",?\s*\bi mean\b,?", " "),  # "nationally i mean": no average asked
    (r"\bpay ?rise\b", "pay rise"), (r"\bpay ?rises\b", "pay rises"),
    (r"(?<=[a-z]) r (?=[a-z0-9])", " are "),  # "next ones r 18 n 19 feb"
    # "the bma lot", "the kings mill lot": a group by its name ("a lot of" is no group)
    (r"\b(the|that|those) ((?:[\w']+ ){0,2}[\w']+) lot\b(?! of)", r"\1 \2 ones"),
    (r"\b(?:thse|theese|thees)\b", "these"),
    (r"\bhosp\b(?:\.(?!\s))?", "hospital"),  # (". how many": the line ends there)
    (r"\b(\d+(?:\.\d+)?)\s*x\b(?!\s*times)", r"\1 times"),
    (r"\s*\b(?:lol|lmao|haha+|tbh|ta|thx|cheers)\b[\s!.]*$", ""),
    # How short an answer should be asks nothing of the article: "…, in a line", "briefly".
    (r"[\s,-]*\b(?:in (?:a|one) (?:line|sentence|word)|briefly|in short|in brief|tl;?dr)"
     r"(?: pls| please)?(?=[\s?!.]*$)", ""),
    (r"(?<![/\w])w(?= (?:it|us|them|that|[a-z]{3,}))(?! [a-z]+/)\b", "with"),
    (r"\s+in the mix\b", ""),  # "and w/o uhnm in the mix?"
    (r"%\s*(?:pts|points?)\b|\bpct\.? pts\b", " percentage points"),
    (r"\bhosps\b(?:\.(?!\s))?", "hospitals"),
    (r"\b(?:thos|thoes)\b", "those"),
    (r"\bsmth\b|\bsmthg\b|\bsth\b", "something"),
    (r"\btally\b|\btallies\b", "count"),
    (r"\btot\b", "total"),
    (r"\btots\b", "totals"),
    (r"\bexcl\b\.?|\bexcl\.", "excluding"),
    (r"\bincl\b\.?|\bincl\.", "including"),
    (r"\bw/o\b", "without"),
    (r"\bavg\b|\bave\b", "average"),
    (r"(?:^|\s)/\s*(?:the\s+)?(?:strike\s+)?days?\b", " per day"),
    (r"\bx\s*times\b", "how many times"),
    (r"\bhow many x\b", "how many times"),
    # ("was theirs a diff day": a different day, no difference asked)
    (r"\b(?:a|another|the|some) diff\b(?= (?:day|one|type|round|strike|time|date|week))",
     lambda m: m.group().replace("diff", "different")),
    (r"\bdiff\b", "difference"),
    # "what does the article say re rebooking": the article is no speaker.
    (r"\bwhat (?:does|did) the (?:article|piece|story|report) (?:say|said) (?:re|about|on|"
     r"regarding)\b", "what about"),
    (r"(?<!['’])\bre(?= [a-z]{4,})\b(?! (?:the|a|an)\b)", "about"),
    (r"\b(say|said|says) back\b", lambda m: f"{m.group(1)} in response"),
    (r"\bkids\b", "children's"),
    # "wolves + dudley = exactly 2k?": a sum claimed ("gosh = 720" claims one figure)
    (r"([\w']+)\s*\+\s*([\w']+(?: [\w']+)?)\s*=\s*(?=(?:exactly |about |roughly )?\d)",
     r"\1 and \2 add up to "),
    # "us + walsall is more than wolves?": the two added up, against the third
    (r"(?<=\w)\s*\+\s*([\w']+(?: [\w']+)?)(?=\s+(?:(?:is|are|was|were|had|have) )?(?:more|less|"
     r"fewer|bigger|smaller|higher|lower|over|under) than\b)", r" and \1 together"),
    # "us vs dudley + walsall": the one against the two added up
    (r"\b(vs|versus|against)\s+([\w']+(?: [\w']+)?)\s*\+\s*([\w']+(?: [\w']+)?)(?=\W*$)",
     r"\1 \2 and \3 together"),
    (r"(?<=\w) \+ (?=\w)", " and "),
    (r"\bdep\b", "deputy"),
    (r"\bmed dir\b", "medical director"),
    (r"\bexec\b", "executive"),
    (r"\b(?:the|both|all) ([2-5])\b(?![,.]?\d|\s*(?:%|per|st\b|nd\b|rd\b|th\b|days?\b|pm\b|"
     r"am\b))",
     lambda m: f"{m.group(0)[:-1]}{NUMBER_WORDS[int(m.group(1))]}"),
    (r"\b(?:pct|perc|%)\s*(?:pts|points)\b|\bppts?\b", "percentage points"),
    (r"\bnos\b|\bnums\b|\bnumbrs\b", "numbers"),
    (r"\bgovt'?s\b|\bgov's\b", "government's"),
    (r"\bgovt\b|\bgov\b", "government"),
    (r"\bsec\b", "secretary"),
    (r"\bprob\b", "probably"),
    (r"\bpls\b|\bplz\b|\bplease\b|\bbtw\b|\bfyi\b|\btbh\b|\blol\b", ""),
    # "according to the piece": the article itself is the source, no speaker.
    (r",?\s*\b(?:according to|as per) (?:the|this) (?:piece|article|story|report|text|copy)\b,?",
     ""),
    (r"(?<=\w) v\.? (?=\w)", " vs "),  # "nuh inpt v outpt"
    (r"\bwk\b", "week"),
    (r"\bwks\b", "week's"),
    (r"\bwhats\b", "what is"),
    # "whos the bma jdc co-chairs?": who they are ("whos the top" is read as it stands)
    (r"\bwhos(?=\s+the\s+(?:[\w-]+\s+){0,5}(?:co-?chairs?|chair|secretary|leader|head|lead|"
     r"spokes\w+|director|minister|person|people|speakers?)\b)", "who is"),
    (r"\bwhos\b(?=\s+(?:ahead|above|behind|below|just|next|right)\b)", "who's"),  # ("whos
    # ahead of us?": a place in the ranking, not "who is the …")
    (r"\b(?:say|said|says) (?:anything |something )?back\b", "respond"),
    (r"\bwho['’]re\b", "who are"),
    (r"\bthats\b", "that is"),
    (r"\bwhos\b(?=\s+(?!the\b|top\b|bottom\b|first\b|last\b)[a-z])", "who is"),
    (r"\bacc(?:\.|ording)? to\b|\baccdg to\b", "according to"),
    # English paraphrases of the article's words: "still turn up as normal?" = attend as planned
    (r"\b(?:turn(?:s|ed|ing)?|show(?:s|ed|ing)?) up\b", "attend"),
    (r"\b(?:come|comes|coming|came) in\b(?= (?:for|to|as|on)\b)", "attend"),
    (r"\bas (?:normal|usual)\b", "as planned"),
    (r"\basap\b", "as quickly as possible"),
    (r"\bas (?:quick|fast|soon) as poss(?:ible)?\b", "as quickly as possible"),
    (r"\b(they|we|you|she|he|i)d\b(?=\s+[a-z])", lambda m: f"{m.group(1)} would"),
    (r"\b(did|do|does|is|was|were|are|has|have|had|could|would|should)nt\b"
     r"(?!\s+(?:he|she|they|it|we|you|i)\W*(?:\?|$))", lambda m: f"{m.group(1)} not"),
    (r"\bcant\b", "cannot"),
    (r"\bwont\b", "will not"),
    (r"\bwheres\b", "where is"),
    (r"\bxmas\b", "Christmas"),
    (r"\bnothng\b|\bnothin\b", "nothing"),
    (r"\b1st\b", "first"),
    (r"\b2nd\b", "second"),
    (r"\b3rd\b", "third"),
    (r"\b4th\b", "fourth"),
    (r"\b5th\b", "fifth"),
    (r"\bhows\b", "how is"),
    (r"\bthx\b|\bty\b", "thanks"),
    (r"\bcombo\b", "combined"),
    (r"\bpct\b|\bperc\b", "percentage"),
    (r"(?<=\w)\s*\+\s*(?=[a-z])", " and "),
    (r"\bnatl\b|\bnat'l\b", "national"),
    (r"\beng\b(?=[\s-]*(?:wide|total|tot|figure|number|\?|$))", "England"),
    # Weekdays and months written short; a two-digit year after a month is that year.
    (r"\b(mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)/(mon|tues?|wed|weds|thu|thur|thurs|fri|"
     r"sat|sun)\b", lambda m: f"{WEEKDAYS[m.group(1).lower()]} and {WEEKDAYS[m.group(2).lower()]}"),
    (r"\b(mon|tues?|wed|weds|thu|thur|thurs|fri)\b\.?", lambda m: WEEKDAYS[m.group(1).lower()]),
    (r"\bnrth\b|\bnorthn\b", "north"),
    # "n midlands": north, before a region's name
    (r"\bn\.? (?=(?:midlands|mids|staffs|west|east|wales|yorks|yorkshire|london|lincs)\b)",
     "north "),
    # "sat n sun", "start n end": chat's "n" is "and".
    (r"(?<=[\w,]) n (?=\w)", " and "),
    (r"^\s*n\s+(?=[a-z])", "and "),  # "n sfh?", "n what did she say
    (r"^(sat|sun)\b(?=\s+(?:and|n|&)\s)", lambda m: WEEKDAYS[m.group(1).lower()]),
    (r"\b(\d+)\s+(sat|sun)\b\.?", lambda m: f"{m.group(1)} on {WEEKDAYS[m.group(2).lower()]}"),
    # "sfh inpts sat?": a day, last in the question (not "where she sat")
    (r"(?<!\bi )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwe )(?<!\bwho )\b(sat|sun)\b\.?"
     r"(?=\s*[?!.]*\s*$)", lambda m: WEEKDAYS[m.group(1).lower()]),
    (r"\b(on|the|of|and|or)\s+(sat|sun)\b\.?",
     lambda m: f"{m.group(1)} {WEEKDAYS[m.group(2).lower()]}"),
    (r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?=\s*(?:'?\d{2}\b|\d{4}\b|"
     r"strike|round|walkout|action|tot|total|figure|\?|$))", lambda m: MONTHS[m.group(1).lower()]),
    # "out in dec, is that right?": a month after "in", "since" … whatever follows
    (r"\b(in|since|during|until|till|by) (jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?",
     lambda m: f"{m.group(1)} {MONTHS[m.group(2).lower()]}"),
    (r"\b(january|february|march|april|may|june|july|august|september|october|november|"
     r"december)\s+'?(\d{2})\b(?!\s*(?:st|nd|rd|th)\b)", lambda m: f"{m.group(1)} 20{m.group(2)}"),
    (r"(?<=\w)\s+n\s+(?=\w)", " and "),
    (r"\bwknd\b|\bwkend\b", "weekend"),
    (r"\bcx'?e?d\b|\bcxl'?d\b|\bcanx'?d\b|\bcxld\b", "cancelled"),
    (r"\bcx\b|\bcxl\b|\bcanx\b", "cancellations"),
    (r"\bresched\b|\breschd\b", "rescheduled"),
    (r"\brescheds\b", "rescheduled"),
    (r"\bttl\b", "total"),
    (r"\bjr\b", "junior"),
    (r"^\s*y\b(?=\s+(?:is|are|was|were|do|does|did|has|have|had|would|will|should|r)\b)",
     "why"),
    (r"\bwat\b|\bwht\b|\bwot\b", "what"),
    (r"\bshd\b", "should"),
    (r"\bem\b", "them"),
    (r"\bw/(?=\s|\w)", "with "),
    (r"\bb/c\b|\bcos\b|\bcuz\b", "because"),
    (r"\br\b(?=\s+(?:in|the|they|there|we|you|these|those)\b)", "are"),
    (r"\bu\b(?=\s)", "you"),
    (r"\bno\.(?=\s*(?:\?|$|of\b|for\b|at\b|in\b|is\b))", "number"),
    (r"\brunner[- ]?up\b", "second most"),
    (r"\b(?:the\s+)?bottom one\b", "the one with the fewest"),
    (r"\b(?:the\s+)?top one\b", "the one with the most"),
    (r"\bbtw\b", "between"), (r"\bbtwn\b", "between"),
    (r"\bchemo\b", "chemotherapy"),
    (r"\bhw\b", "how"),
    (r"\bnxt\b", "next"),
    (r"\bfrm\b", "from"),
    (r"\babt\b|\babout\b", "about"),
    (r"\bwd\b(?=\s+(?:get|be|have|go|say|mean|need|happen|see|like))", "would"),
    (r"\bppl\b", "people"),
    # "and gap in pts?": a gap between percentages, in points
    (r"\b(gap|diff|difference|apart)\s+in\s+pts\b", lambda m: f"{m.group(1)} in percentage points"),
    # "so gap is like 14 pts?": a gap given in points (elsewhere "pts" are patients)
    (r"\b(gap|diff|difference|apart)\b([^?.!]{0,20}?\b\d+(?:\.\d+)?)\s*pts\b",
     lambda m: f"{m.group(1)}{m.group(2)} percentage points"),
    (r"\bpts\b", "patients"),
    (r"\bhrs\b", "hours"),
    (r"\bmins\b", "minutes"),
    (r"\byrs\b", "years"),
    (r"\byr\b", "year"),
    (r"\bapprox\b\.?", "approximately"),
    (r"\bur\b(?=\s+(?:reply|answer|message|response))", "your"),
    (r"\bb4\b", "before"),
    (r"\b([1-9])[ -](day|week|hour)\b", lambda m: f"{NUMBER_WORDS[int(m.group(1))]}-{m.group(2)}"),
)
_COMPILED = tuple((re.compile(p, re.I), r) for p, r in SHORTHAND)


def write_out(text: str) -> str:
    """'tot excl. uhnm?' -> 'total excluding uhnm?' (bounded input: linear patterns only)."""
    for pattern, full in _COMPILED:
        text = pattern.sub(full, text)
    return re.sub(r"\s{2,}", " ", text).strip()
