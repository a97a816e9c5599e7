"""The patterns and word lists answers are read with, as named data: each defined once."""

from __future__ import annotations

import re

from .aggregates import FEWEST, FEWEST_ONLY, MOST, MOST_ONLY
from .text import stem

FUNCTION_WORDS = frozenset("""were was had did got have has in at across for of more fewer less
times do does is are a an were went go goes gone""".split())

OUTCOME = re.compile(r"\b(?:already|since|so far|yet|still|now)\b.*\b(?:rebook\w*|rearrang\w*|"
                     r"reschedul\w*|seen|treated|done|"
                     r"(?:given|offered|got|had) (?:a )?new dates?)\b|"
                     r"\bhave (?:now |already |actually |yet )?been (?:rebook\w*|rearrang\w*|seen|"
                     r"treated|(?:given|offered) (?:a )?new dates?)\b|"
                     r"\b(?:rebook\w*|(?:given|offered) (?:a )?new dates?)\b.*"
                     r"\b(?:so far|yet|already)\b")

HYPOTHETICAL = re.compile(r"\b(?:would|could|might|if|under the demand)\b")

COMPARATIVE = re.compile(r"\b(?:more|fewer|less|lower|higher|bigger|smaller|larger|greater|worse)\b"
                         r".*\bthan\b")

# A comparative with or without "than": "was it worse for us then?".
BARE_COMPARATIVE = re.compile(r"\b(?:more|fewer|less|lower|higher|bigger|smaller|larger|greater|"
                              r"worse|better|busier|quieter)\b")
POINTS = re.compile(r"\bpercentage points?\b|\bpoints? (?:apart|between|separate)\b|"
                    r"\bin (?:percentage )?points\W*$|"
                    # ("so the gap is what, like 14 points?")
                    r"\b(?:gap|diff\w*)\b[^?]{0,30}\b\d+(?:\.\d+)? points?\b")
# "How many percentage points …": the unit is the percentage, no noun is counted.
PERCENT_NOUN = re.compile(r"\s*(?:percentage points?|points?|per ?cent|percent)\b")

ALL_OF = re.compile(r"\b(?:all|every|each|everyone|everybody|whole)\b")
# A claim over all of something ("all of them", "every trust"; not "the whole pay dispute").
ALL_CLAIMED = re.compile(r"\b(?:all|every|each|everyone|everybody)\b")

SOME = re.compile(r"\b(?:some|many|a number of|several|a few|hundreds of|thousands of)\b")
# … and with "most" too, for claims checked against a sentence ("most will be seen").
SOME_OR_MOST = re.compile(r"\b(?:some|many|several|a number of|a few|hundreds of|thousands of|"
                          r"most)\b")

DENOMINATOR = re.compile(r"\b(?:scheduled|planned|booked|due|usual|normal|expected|capacity|"
                         r"total number of|all (?:the |of the )?\w+ (?:that|which)\b)")

# What a figure is: asked for and not given, or given. Named data, one list each.
MODALITY = (("demanded", r"\b(?:demand\w*|seek\w*|asking for|ask(?:ed|s)? for|call\w* for|"
                         r"claim\w*|want\w*|push\w* for|holding out for|going for|gunning for|"
                         r"(?:what(?:'s|s| is| are)|is|are|r) (?:the )?(?:\w+ ){0,3}?asking"
                         r"(?! (?:about|if|whether|why|how|what|when|who|me|us|them|her|him)\b)|"
                         r"(?:are|r|is) (?:\w+ ){0,3}after|"
                         r"(?:'s|their|the|his|her|its) (?:actual |real |main |pay )?ask)\b"),
            ("received", r"\b(?:receiv\w*|got|get|gets|given|award\w*|paid|won|granted|"
                         r"secured|agree\w*|gave|giv(?:e|es|ing)\b(?! (?:me|us)\b))\b"),
            ("offered", r"\boffer\w*\b"))

# A speaker's own statement of what they ask for ("our opening position of calling for …").
OWN_DEMAND = re.compile(r"\b(?:(?:we|our|us) [\w ]{0,40}?(?:calling for|call for|seeking|"
                        r"asking for|pushing for)|our (?:opening )?position)\b", re.I)

UNIT_CUES = {"per cent": (r"\bper ?cent\b", r"\bpercentage\b", r"%", r"\bin points\b"),
             "pounds": (r"£", r"\bpounds?\b", r"\bmoney\b", r"\bcash\b", r"\bcost(?:s|ing)?\b"),
             "days": (r"\bdays?\b", r"\bhow long\b", r"\bweeks?\b"),
             "hours": (r"\bhours?\b",),
             "years": (r"\bhow many years\b", r"\bhow old\b", r"\d+-year\b", r"\byears? old\b")}

# Words of a unit, not of anything an article could be about: never an unknown name.
UNIT_NOUNS = frozenset({"percentage", "percentages", "percent", "point", "points"})

ORDINAL_NUMBERS = frozenset({1.0, 2.0, 3.0, 4.0, 5.0})

# "the next biggest above us", "who's just behind rwt", "the one below walsall": the part ranked
# next to one (above or below it).
# The neighbour of the writer's own ("the one above us, thats dudley yeh?").
NEXT_TO_US = re.compile(r"\b(?:above|ahead of|below|behind|under|over|after) us\b")
NEIGHBOUR = re.compile(
    r"\b(?:next|closest|nearest)\b[^?]{0,25}?\b(above|ahead of|over|below|behind|under|down|up)\b|"
    r"\b(?:just|right|directly|immediately) (above|ahead of|below|behind|under)\b|"
    r"\bthe (?:one|\w+) (above|below|ahead of|behind) (?:us|them|it|that)\b|"
    r"\bnext (biggest|largest|highest|smallest|lowest|fewest)\b|"
    r"\b(?:next|second|just|right|directly|immediately) (after) (?:us|them|it|that)\b")
# The NEIGHBOUR words that look up the ranking ("just above", "next smallest").
UPWARD = frozenset({"above", "ahead of", "over", "up", "smallest", "lowest", "fewest"})
# Every part ranked above (or below) one: "whos ahead of us", "who's behind them?".
BEYOND = re.compile(r"\b(?:whos|who's|who is|who are|which are|which is|which ones? (?:are|is)|"
                    r"which \w+ (?:are|were|is|was)) (ahead of|above|behind|below) "
                    r"(?:us|them|it|that|\w+)\b")
# "their tues total?", "overall on monday": the count over every type, not the last one asked.
WHOLE_COUNT = re.compile(r"\b(?:total|tot|overall|altogether|in all|all in)\b")
# "so day 2 was the bigger one?": the more of two, as a superlative over them.
THE_BIGGER_ONE = re.compile(r"\bthe (?:bigger|larger|higher|busier|worse|heavier|smaller|lower|"
                            r"quieter|lighter) (?:one|day|type|of the two)\b")
# "what do they want from the govt": a demand, which a body makes through its members.
WANT_WORDS = re.compile(r"\bwant\w*|\bask(?:ing|s|ed)? for\b|\bdemand\w*|\bcall(?:ing|s|ed)? for\b")
# "us and dudley together vs them?": the one the last answer set against them.
VERSUS_THEM = re.compile(r"\b(?:vs|versus|against|than|compared (?:to|with))\s+(?:them|it|that|"
                         r"that one|those|theirs)\W*$")
# "per day avg for those 4 trusts": as many as the last answer named, those ones.
THOSE_N = re.compile(r"\b(?:those|these|the same) (\d+|two|three|four|five|six|seven|eight|nine)\b")
# "are we above the avg across the 4?": a group of that many just named, by its count.
THE_N_GROUP = re.compile(r"\b(?:across|for|of|between|among|amongst|in|over) the "
                         r"(\d+|two|three|four|five|six|seven|eight|nine)\b(?![,.]\d)"
                         r"(?=\s*(?:\?|$|,|ones\b|of them\b|combined\b|together\b|put together\b))")
# "combined with dudley?" after ours: the one just given, with the one named.
COMBINED_WITH = re.compile(r"\b(?:combined with|together with|added to|plus|along with)\b")
# "and their tues total?": the one subject just given.
THEIR = re.compile(r"\b(?:their|its)\b")
# "the other 3 put together?": the rest, not every one.
REST_WORDS = re.compile(r"\b(?:other|others|rest|remaining)\b")
# "is that the highest?", "was it the lowest": the subject just given, as the claim's subject.
IT_REF_THAT = re.compile(r"^\W*(?:and |so |ok )?(?:(?:is|was|were|are) (?:that|it|this|they|"
                         r"those)\b|(?:that|it|this)(?:'s|s| is| was)\s)")  # ("thats more …")
# Words after an area's name that ask for its parts summed ("black country total?").
AREA_TOTAL_WORDS = frozenset({"total", "tot", "combined", "together", "overall", "altogether"})
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
                "a week": 7, "a fortnight": 14, "two weeks": 14}
NUMBER_NAMES = {v: k for k, v in WORD_NUMBERS.items() if " " not in k}  # 5 -> "five"

REST_TOGETHER = re.compile(r"\b(?:than|as) (?:all )?(?:the )?(?:others?|rest|remaining)\b.*"
                           r"\b(?:together|combined|put together|added|in total)\b|\b(?:other|"
                           r"remaining) (?:\w+ )?(?:put together|combined)\b", re.I)

OWN_TOTAL = re.compile(r"\b(?:of|in) (?:the )?([\w ]+?)'s (?:total |all |overall |usual |normal "
                       r"|own )?(\w+)")

OWN_NOUNS = frozenset("activity workload patients bookings operations".split())

UNIT_PATTERNS = {"days": r"\b(\d+|one|two|three|five|six|seven|eight|nine|ten)[ -]days?\b|"
                         r"\b(?:a|one|full|whole) (?:full |whole )?(week)\b",
                 "per cent": r"\b(\d+(?:\.\d+)?)\s?(?:per ?cent|%)",
                 "pounds": r"£\s?(\d[\d,]*)",
                 "hours": r"\b(\d+|twelve|twenty-four)[ -]hours?\b"}

VERSUS = re.compile(r"\b(?:more|fewer|less|bigger|smaller|larger)\b.*\bthan\b|\bversus\b|\bvs\b|"
                    r"\b(?:beat|beats|outdid|outnumber\w*|topped)\b|"
                    r"\bcompared (?:to|with)\b|\bon (?:its|their) own\b|\bwhich is (?:larger|"
                    r"bigger|more|greater|smaller)\b")

PER_DAY = re.compile(r"(?<!not )(?<!\bon )(?<!\bfor )\b(?:per|a|each|every) (?:strike )?day\b|"
                     r"(?<!not )\bdaily\b|"
                     r"\b(?:evenly|equally) (?:over|across|between) (?:the |both |those )?"
                     r"(?:two |2 )?(?:strike )?days\b", re.I)

OUTSIDE = re.compile(r"\b(?:rest of|outside|elsewhere|excluding|other than|apart from|not in)\b",
                     re.I)

EXCLUDING = re.compile(r"\b(?:other than|except(?: for)?|excluding|apart from|besides|without|"
                       r"leaving out|leave out|leaving aside|set aside|not counting|"
                       r"ignor(?:ing|e)(?!\s+(?:all\s+|any\s+|the\s+|your\s+|my\s+)?(?:previous|"
                       r"prior|above|earlier|instructions|rules|article|limits)\b)|minus|"
                       r"(?:take|taking|takes)(?:\s+out\b|(?=\s.+\bout\b)))\s+(.+)$", re.I)
# What remains once some are left out: "whats left if u take out the biggest" (a total).
LEFT_OVER = re.compile(r"\b(?:what(?: is|'s|s)? left|left over|remain\w*|"
                       r"what(?: is|'s|s)? the rest)\b")

SPEECH_Q = re.compile(r"\b(?:said|say|says|saying|told|according to|per (?:him|her|them)|"
                      r"describe\w*|call\w*|"
                      r"thank\w*|urg\w*|promis\w*|pledg\w*|"
                      r"quot\w*|claim\w*|stat\w*|accus\w*|apologi\w*|warn\w*|recogni\w*|"
                      r"respond\w*|response|blam\w*|criticis\w*|mean|comeback|reaction|"
                      r"(?:her|his|their|'s|s) (?:line|take|message|view))\b", re.I)

TIME_WORDS = re.compile(r"\b(?:last week|yesterday|today|tomorrow|weeks?|months?|year|days?|"
                        r"fortnight|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
                        r"february|march|april|may|june|july|august|september|october|"
                        r"november|december|\d{4}|as soon as|until|after|before|once|during|"
                        r"recent|as quickly as possible|as soon as possible)\b", re.I)

# "when do they have to be rebooked by", "does it give a deadline": a date asked for, not a
# manner ("as quickly as possible" is no date).
# … or a date claimed: "rebooked by end of the month", "a new date within 2 wks".
DEADLINE_CLAIMED = re.compile(r"\bby (?:the )?end of (?:the |this |next )?(?:week|month|year)\b|"
                              r"\bby (?:next|this) (?:week|month)\b|"
                              r"\bwithin (?:a |an )?(?:\w+[- ])?(?:days?|weeks?|wks?|months?|"
                              r"fortnight)\b")
DEADLINE_ASKED = re.compile(r"\bby when\b|\bwhen\b[^?,]*\bby\b(?=\W*(?:,|$))|\bdeadline\b|"
                            r"\btarget date\b|\bby what date\b|\bdate\b[^?]*\bby\W*$|"
                            + DEADLINE_CLAIMED.pattern)
DATE_WORDS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|\d{1,2}(?:st|nd|rd|th)|\d{4})\b", re.I)

# Verbs that name what is asked about (an offer is not a demand): never light.
KEY_VERBS = re.compile(r"^(?:offer|agree|settl|accept|reject|pa(?:id|ying)|earn|cost|vot)")

OPEN_QUOTES = "\u201c\""

CLOSE_QUOTES = "\u201d\""

CONTACT = re.compile(r"\b(?:phone|telephone|email|e-mail|address|website|web site|contact|"
                     r"twitter|social media|postcode)\b")

# "What is a junior doctor's starting salary?": the thing asked for, last in the question.
HEAD_NOUN = re.compile(r"^(?:what|which)(?:'s| is| are| was| were) (?:the |a |an )?"
                       r"(?:[\w'-]+ ){0,4}?([a-z]{4,})\W*$")

ORG_Q = re.compile(r"\b(?:which|what) (?:trade )?(?:union|organisation|organization|association)\b")

ROLE_FRAME = frozenset(stem(w) for w in "role job title position exactly actually hold held "
                       "have right yeah yes correct true innit".split())

# The words of a role that rank it ("deputy medical director" is not the medical director).
ROLE_RANKS = frozenset(stem(w) for w in "deputy assistant vice acting associate interim "
                       "co-chair joint".split())

ROLE_HINT = re.compile(r"\b(?:area|region|patch|responsible|in charge|covers?|job|post|title|"
                       r"position)\b")

# A question after a person it does not name: "what's her name", "the nurse quoted …".
PERSON_ASKED = re.compile(r"\b(?:(?:her|his|their) (?:name|job|role|title)|quoted|who)\b")
# "the black country nhs lady", "the govt guy", "the nhs london person": a person by what they
# are, and which pronoun (none for "person").
GENDERED_PERSON = re.compile(r"\b(?:(?P<she>lady|woman|spokeswoman|gal)|(?P<he>man|guy|bloke|chap|"
                             r"fella|fellow|gentleman|gent|spokesman)|(?P<any>person|spokesperson|"
                             r"official|rep|lead))\b")

# "Where was she?": where the article meets them (not where they live or come from).
WHERE_WORD = re.compile(r"\bwhere\b(?!.*\b(?:live[sd]?|living|born|from|grew|raised|home|"
                        r"go|going|went|next)\b)")

NAMES_Q = re.compile(r"\bnames?\b\W*$|^(?:and )?names?\b|\b(?:her|his|their) (?:full )?names?\b|"
                     r"\bwho(?:'s| is| are)\b.*\bquoted\W*$")

STANDS_FOR = re.compile(r"\b(?:stand for|stands for|short for|full name|acronym|abbreviation)\b")

SUPERLATIVE = re.compile(r"\b(?:longest|shortest|biggest|largest|greatest|highest|lowest|fewest|"
                         r"smallest|hardest|worst|best|busiest|most|least|first)\b")

REASON_WORDS = re.compile(r"\b(?:because|as|since|so|due|led|why|mean|result|to minimise|"
                          r"exacerbated|cannot|cut back|given (?:that|his|her|their|the))\b", re.I)

# The words that give someone's grounds outright ("we are doing it because …").
GROUNDS_WORDS = re.compile(r"\bbecause\b|\b(?:this|that) is why\b|\bdue to\b|\bas a result\b",
                           re.I)

GENERIC_TERMS = frozenset(stem(w) for w in """article say said tell according mention
mentioned quote word think exactly specifically precisely actually""".split())

ROLE_Q = re.compile(r"\b(?:roles?|jobs?|titles?|who is|who are|who's|who was|who were|"
                    r"who (?:co-)?chairs|who leads|who heads|who runs|"
                    r"what does \w+ do|work for|works for|what (?:post|office))\b|"
                    r"(?:'s|s') (?:position|post)\b", re.I)

# "walsall's numbers been revised to 950 - new tot?": the total a changed figure is in.
NEW_TOTAL = re.compile(r"\b(?:new|revised|updated|corrected|adjusted|recalculated)\s+(?:tot|"
                       r"total|sum)\b")
# An organisation's position stated by the article: "the areas the RCN agreed to keep staffed",
# "the RCN is asking for", "has since named two further strike days".
ORG_POSITION = re.compile(r"\b(?:agreed|agrees|is asking|are asking|has (?:since )?named|have "
                          r"(?:since )?named|has warned|have warned|announced|insists?|refused|"
                          r"has said|have said|is calling|are calling|wants?)\b")
# "what are we telling pts - come in or not": what patients are told, words and not a count.
ADVICE_ASK = re.compile(r"\bwhat (?:are|do|should|shall|can|must) (?:we|i|you|they|"
                        r"hospitals) (?:be )?(?:tell|telling|say|saying|advis\w+|ask|asking)"
                        r"(?: to)? (?:the )?(?:patients|pts|people|them|ppl|families|parents)\b|"
                        r"\bshould (?:patients|pts|people|they|i|we) (?:still )?(?:come|attend|"
                        r"turn up|go) in\b")
# "did he say anything to the BMA": whether their words take up someone else.
SAID_ANYTHING = re.compile(r"\b(?:did|has|have|does|do) (?!it\b)[\w' ]{2,30}? (?:say|said|mention|"
                           r"tell|write) (?:anything|something|owt|much|a word) (?:to|about|on|re|"
                           r"regarding|for|at)\b")
# "who were the 2 that put the statement out", "who issued the statement": its makers.
STATEMENT_BY = re.compile(r"\bwho\b[^?]{0,30}?\b(?:put out|issued|released|made|gave|signed|wrote|"
                          r"is behind|was behind|were behind) (?:the |a |that |their |this )?"
                          r"(?:joint )?statement\b")
# "n theirs", "and them?": the other side, asked with nothing else.
THEIRS_BARE = re.compile(r"^\W*(?:and|n|&|so|what about|how about)?\s*(?:theirs|them|their(?:s| "
                         r"lot| one| figure| number)?)\s*(?:then|too|tho)?\W*$")
# "how many of our 342 were chemo pts": a figure the question states, and a part of it asked.
OF_FIGURE_SUBGROUP = re.compile(r"\b(?:of|out of) (?:the|those|these|that|our|their) "
                                r"\d[\d,]*(?:\.\d+)?k?\b[^?]*?\b(?:were|was)\s+(?:actual |"
                                r"actually |real |just )?([a-z][\w -]{2,40}?)(?:\s*[,?.]|"
                                r"\s+do we\b|$)")
# "can pts claim anything back if …?": a yes/no question of what may be, no figure claimed.
MODAL_YESNO = re.compile(r"^\W*(?:and |so )?(?:can|could|should|would|may|might|must)\b"
                         r"(?! (?:you|u|ya|someone|anyone|somebody|i have|i get|we have|we get)\b)")
# "the rest of london outside those 4 trusts": beyond the parts the article counts.
BEYOND_PARTS = re.compile(r"\b(?:outside|beyond|besides|apart from|other than) (?:of )?(?:those|"
                          r"these|the|our) (?:\d+|two|three|four|five|six|seven|eight)\b")
# "how much of that was inpatient v outpatient": a figure just given, broken down.
HOW_MUCH_OF = re.compile(r"\bhow (?:much|many) of (?:that|it|those|them|these|this|the total)\b")
# "does it say anything abt pharmacy clinics …?": what the article is asked to cover (group 1).
ARTICLE_MENTION = re.compile(r"\b(?:does|did|do) (?:it|the article|the piece|the story|the report|"
                             r"they) (?:say|mention|talk|tell us|give|cover|have)\b[^?]*?\b(?:"
                             r"anything|something|owt|much)? ?(?:about|abt|on|re|regarding|"
                             r"for)\b([^?]+)|\bany mention of\b([^?]+)")
SUMMARY_Q = re.compile(r"\b(?:summar\w+|headline|gist|tl;?dr|overview|main (?:point|message|"
                       r"story)|key point|in (?:a single|one|1) (?:sentence|line)|"
                       r"sum (?:it |this |the (?:article|story|piece) )?up)\b|"
                       r"\bwhat is (?:this|the) (?:article|story|piece|report) "
                       r"(?:(?:basically|actually|really|mainly|mostly|all|even) )?about\b|"
                       r"^what (?:happened|is it about)\W*$|^what(?:'s| is) the "
                       r"(?:article|story|news)\W*$|\b(?:areas?|regions?|places?|parts? of the "
                       r"country) (?:does|did|is) (?:the |this )?(?:article|story|report) "
                       r"(?:cover|about|focus)")

# "What did X call Y", "how did X describe Y": the thing named is group 1.
CALL_Q = re.compile(r"\b(?:what|how) (?:did|does|do|has|have) .+? (?:call|describe|label|dub|"
                    r"brand|term|characteri[sz]e)d?\s+(.+?)\W*$")

VERDICT = re.compile(r"^[\u201c\"]?(?:This|That|It|Such) (?:is|was|were|are)\b")

QUOTED_Q = re.compile(r"\b(?:who|whos|which (?:people|persons|individuals|named individuals|"
                      r"speakers|officials)|(?:name|list) (?:every|each|all)(?: the)? (?:person|"
                      r"people|one|individuals?|speakers?)|how many (?:named )?(?:individuals|"
                      r"people|persons|speakers))\b.*\b(?:quote[sd]?|quoting|(?<!double )"
                      r"(?<!double-)speaks?|gets? to "
                      r"speak)\b|\bwho (?:is|are) quoted\b|"
                      r"\b(?:who|whos|who's)\b.*\b(?:person|voice|spokesperson|official|one) "
                      r"(?:quoted|in the (?:piece|article|story))\b|"
                      r"\b(?:person|voice|official) quoted\b")

# "Who spoke for the BMA?": the organisation's members it quotes.
SPOKE_FOR = re.compile(r"\b(?:spoke|speaks|speaking|spoken|talked|talks|responded|replied|"
                       r"answered|commented) (?:for|on behalf of)\b|"
                       r"\bspokes(?:man|woman|person|people)\b|\bwho (?:represented|represents)\b")

WHOLE_QUOTE_CHARS = 420

FRAME_VERBS = ("say", "said", "says", "saying", "tell", "told", "state", "stated", "quote")

RARE_IDF = 1.9  # a term in at most two of the 21 passages

RARE_SHARE = 0.3  # of the question's weight, missing from a passage, rules it out

CLAIM_COVER = 0.8  # of a yes/no claim's weighted words a sentence must hold for "Yes"
LEXICAL_EVIDENCE = 2.5  # the idf of a word found in one passage of the article

SMALL_TALK = re.compile(r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|thanks?|"
                        r"thank you|cheers|ok|okay|bye|goodbye)\b[\s!.,?]*(?:there|bot|"
                        r"strikebot|very much|a lot)?[\s!.,?]*$")
# A job title a question gives someone ("Diane Wake, chief executive of Walsall Healthcare").
ROLE_CLAIM = re.compile(r"\b(chair(?:man|woman)?|chief executive|ceo|director|head|leader|"
                        r"minister|president|spokes(?:person|man|woman)|manager|boss|"
                        r"chancellor|prime minister)\b(?: (?:of|for|at) (?:the )?[A-Z][\w ]*?)?"
                        r"(?=[,?.]|$| say| said| and| [-–—]| isn'?t| wasn'?t| right\b| yeah\b|"
                        r" correct\b| innit\b| no\b)", re.I)


# "kings mill lot same day?", "same calc for sfh": the last question again, for another.
SAME_AGAIN = re.compile(r"\bsame (?:day|days|time|type|again|for|thing|calc\w*|q|question|"
                        r"comparison|compar\w*|sum|maths|math|"
                        r"period|breakdown|split|figure|way)\b|\bsame\W*$|\bditto\b|"
                        r"\blikewise\b|\b(?:those|these|that|this) (?:days?|dates?|times?)\b")
# A row that measures a change against another time ("1,243 fewer staff absent than in July
# 2024"), and a question that asks for one ("how many fewer", "the drop", "vs last year").
COMPARED_MEASURE = re.compile(r"^(?:fewer|more|less|higher|lower)\b.*\bthan\b|"
                              r"^(?:fall|rise|drop|increase|decrease|change)\b.*\b(?:since|from)\b")
COMPARISON_ASKED = re.compile(r"(?<!not )(?<!not the )\b(?:fewer|more|less|higher|lower|fall|"
                              r"fell|drop\w*|rise|rose|increase\w*|decrease\w*|chang\w*|"
                              r"compared?|than|vs|versus|diff\w*|down|up|since|last year|"
                              r"before|previous|improv\w*|better|worse)\b")
# "and in raw numbers?" after a ratio or a share: the same two, as a difference.
RAW_NUMBERS = re.compile(r"\bin (?:raw|absolute|actual|real|plain) (?:numbers|terms|figures)\b|"
                         r"\braw (?:numbers?|figures?|diff\w*|gap)\b")
# "at least some", "at most": a bound, not a superlative.
BOUND_WORDS = re.compile(r"\bat (?:least|most|the (?:least|most))\b")
# "sfh same day?", "and on that day?": the day (or type) the last answer's rows were at.
THAT_VALUE = re.compile(r"\b(?:same|that|this) (?:day|date|type)\b|\bon the day\b")
# "vs tue?": the last question at another value of the same dimension, against it.
VERSUS_LEAD = re.compile(r"^\W*(?:and |so |ok )?(?:vs|versus|compared (?:to|with)|against)\b")
# "what % of that is ours": the team's own area, the article's whole.
# The writer's own subject: "we're whc (walsall)", "i'm at dudley", "stoke here" (as tokens).
SELF_MARKS = frozenset({("we", "re"), ("we", "are"), ("we", "r"), ("i", "m"), ("i", "am"),
                        ("we", "work"), ("i", "work"), ("im",), ("here", "at"),
                        ("colleagues", "are"), ("team", "are"), ("team", "is"), ("based", "at"),
                        ("work", "at"), ("patient", "at"), ("treated", "at"),
                        ("patients", "at"), ("i", "go"), ("we", "go"), ("i", "use")})
# A short first line before the question: "newark bookings. fri 25th, how many did we …".
OPENING_LINE = re.compile(r"^\W*([^.?!:\-–—]{2,60}?)(?:\.\s+|\s+[-–—]+\s+|:\s+)(?=\S)")
SELF_AFTER = frozenset({"here", "again", "comms", "reps"})
# "my colleague at gstt": someone else's workplace, not the writer's.
OTHER_PEOPLE = frozenset({"colleague", "colleagues", "mate", "mates", "friend", "friends",
                          "manager", "boss", "counterpart", "opposite", "contact", "pal",
                          "cousin", "neighbour"})
# … unless they are spoken of: "walsall comms say their numbers …".
HEARSAY_AFTER = frozenset({"say", "says", "said", "told", "tell", "reckon", "reckons", "claim",
                           "claims", "think", "thinks"})
# "just confirm 1,750 for our poster": a figure to be put out as the topic's.
CONFIRM_ASK = re.compile(r"\b(?:confirm|state|report|use|print|quote)\b")
# "who called barclay's stance double-speak": the people named after the verb are spoken of,
# the speaker is asked for.
WHO_SPOKE = re.compile(r"^\W*(?:and |so |ok )?who(?:'s| has| had)?\s+(?:called|call|calls|said|"
                       r"says|described|describes|accused|criticised|criticized|labelled|"
                       r"labeled|dubbed|branded|thanked|urged|blamed|warned|used|"
                       r"(?:came|comes|hit|hits) back with|came out with|(?:wanted|wants) it)\b")
# "did anyone from the trust say sorry?": whether anyone's words say it, and whose.
ANYONE_SAID = re.compile(r"\b(?:did|has|have|was there) (?:anyone|anybody|someone|somebody|any of "
                         r"them|any(?:one)? quoted)\b.*\b(?:say|said|mention\w*|apologi[sz]\w*|"
                         r"admit\w*|talk\w* about|promise\w*|warn\w*)\b")
# "did anyone quoted speak for us", "… for our area": whoever speaks for the writer's own.
SPOKE_FOR_US = re.compile(r"\b(?:speak|spoke|speaks|speaking|talk|talked|comment\w*) (?:up )?"
                          r"(?:for|on behalf of) (?:us|our \w+)\b|"
                          # "did anyone from our trust actually get quoted"
                          r"\b(?:any|some)(?:one|body) (?:from|at) (?:us|our \w+)\b.{0,30}?"
                          r"\b(?:quoted|interviewed|speak|spoke|comment\w*)\b")
# "what did sfh say?": the words of whoever speaks for a part the question names.
PART_SAID = re.compile(r"^\W*(?:and |so |ok )?what (?:did|does|has) (?:[\w'&-]+ ){1,6}?"
                       r"(?:say|said|have to say)\b")
# Someone speaking for the writer's own subject: "what did our boss say", "our chief exec?".
OUR_LEADER = re.compile(r"\b(?:our|my) (?:\w+ ){0,3}?(?:boss|bosses|chief|chiefs|head|lead|leads|"
                        r"leader|leaders|manager|management|director|directors|exec|executive|"
                        r"spokes\w+|ceo|leadership)\b")
# … and the words that stand for the writer's own later: "for us?", "ours", "our appts".
OWN_WORDS = re.compile(r"\b(?:us|ours|we|our|my (?:own )?(?:hospital|workplace|employer))\b")
# "us" as one side of a computation: "than us", "ours", "what did we lose".
US_ASKED = re.compile(r"\b(?:than|vs|versus|against|of|to|from|compared (?:to|with)|and|\+) "
                      r"(?:us|ours)\b|\bours\b|\bwe (?:had|have|lose|lost|cancel\w*|do|did|"
                      r"get|got|see|saw|move\w*|postpon\w*|resched\w*|rebook\w*)\b")
# "us + dudley together", "dudley and us": the writer's own subject, one of a group.
OWN_WITH = re.compile(r"\b(?:us|ours)\s+(?:and|\+|&|plus)\s|\s(?:and|\+|&|plus)\s+(?:us|ours)\b|"
                      r"\b(?:vs|versus|than|against|compared (?:to|with))\s+(?:us|ours)\b")
# Words a chat question tags on that ask nothing ("so rwt was over 1.4k yeah?").
TAG_WORDS = frozenset("right yeah yes yep ye yup correct true innit ok okay pls please tho lol "
                      "wasnt isnt didnt".split())
# "both of us together", "the 2 of us": the writer's pair, the last two named, not one own.
WE_GROUP = re.compile(r"\b(?:both|the (?:two|2|three|3)|all \w+) of us\b")
# "… vs us?", "… than ours": the writer's own subject is the other side, named last.
OWN_AFTER = re.compile(r"\b(?:vs|versus|than|against|compared (?:to|with))\s+(?:us|ours)\b")
# "… right? by how much": a claim tagged for checking inside a longer question.
CLAIM_TAG = re.compile(r"\b(?:right|yeah|yes|correct|innit|true|yep)\s*\?")
# "How many did it cancel?": the subject last named, as a pronoun.
IT_REF = re.compile(r"\b(?:did|does|has|had|was|is) it\b|\bit (?:had|has|did|cancel\w*|"
                    r"reschedul\w*|postpon\w*|rebook\w*|lost|moved)\b|\btheirs\b|"
                    r"\btheir (?:figures?|numbers?|totals?|ones|count)\b")
# A share asked of the last answer, the base named: "as a % of the whole region?".
AS_SHARE_OF = re.compile(r"^\W*(?:and |so |n )?as an? (?:%|per ?cent|percentage|share|"
                         r"proportion|fraction) of\b")
# A place in a ranking asked for: "which one comes third?", "who is second?".
ORDINAL_PLACE = re.compile(r"\b(?:comes?|came|is|was|ranks?|ranked|sits?|placed?|finish(?:es|ed)?)"
                           r" (?:in )?(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\b")
# "which trust is that?": the one the last answer was about.
WHICH_IS_THAT = re.compile(r"^\W*(?:so |and )?(?:which|what) (?:\w+ )?(?:is|was) (?:that|it)\W*$")
# "how many more than the 4 Black Country trusts": a comparison with an area's parts.
VERSUS_THAN = re.compile(r"\b(?:more|fewer|less|bigger|smaller|larger|higher|lower)\b.*\bthan\b|"
                         r"\b(?:vs|versus|against|compared|beat|beats|outdid|outnumber\w*|"
                         r"exceed\w*|topped)\b")
# The whole kept as one, "the two trusts combined vs april 23", not its two parts.
WHOLE_KEPT = re.compile(r"\b(?:combined|together|total|both|all|between them)\b|\d\d|"
                        r"\b(?:march|april|may|june|july|last|previous|earlier)\b")
# Every value of a dimension at once: "for both days", "over the whole strike", "overall".
ALL_VALUES_ASKED = re.compile(r"\b(?:both|all|the two|2|all \w+|the whole|over the|across the) "
                              r"(?:strike )?(?:days|dates|rounds|types)\b|\boverall\b|"
                              r"\bin total\b|\bthe whole strike\b")
# "named immediately after Dudley": the neighbour in the article's list of a subject named.
LISTED_NEXT_TO = re.compile(r"\b(?:immediately |right |just |directly )?(after|before)\s+$")
# The total named as the base of a share: "as a % of the total?", "of the whole lot".
OF_THE_TOTAL = re.compile(r"\bof (?:the )?(?:whole |overall |grand |entire )?(?:total|tot|lot|"
                          r"whole)\b")
# "as a % of each trust's overall total", "of their own totals": each part of its own whole.
EACH_OWN_TOTAL = re.compile(r"\bof (?:each|their|its|both|either) (?:\w+?'?s? )?(?:own )?"
                            r"(?:overall |whole |full |grand )?(?:total|tot|figure|number)s?\b")
# Each value of a dimension asked for apart: "split inpt/outpt", "each separately".
SPLIT_WORDS = r"split|broken down|breakdown|divided|spread (?:out )?(?:over|across|between)"
# ("how many were inpatient and how many outpatient": each, not the two added up)
SPLIT_ASKED = re.compile(rf"\b(?:{SPLIT_WORDS}|splits|break (?:it |that )?down|separately|each)\b|"
                         r"\bhow many (?:were )?\w+ and how many\b")
# A time a claim puts a figure in: "for next year", "against the April 2023 strike".
PERIOD_PHRASE = re.compile(r"\b(?:next|last|this|previous|coming) (?:year|month|week)\b|"
                           r"\b(?:january|february|march|april|may|june|july|august|september|"
                           r"october|november|december) (?:19|20)\d\d\b", re.I)
OUR_AREA = re.compile(r"\bour (?:own )?(?:\w+ )?(?:region|area|patch|lot|bit|side|system)\b")
OURS = re.compile(r"\bours\b|\bour (?:own )?(?:region|area|patch|lot|bit|figures?|numbers?|total|"
                  r"side|system)\b|\bwe(?:'re| are| were) what\b|"
                  r"\bwhat (?:%|percent|per cent|share|proportion) (?:are|were) we\b")
# "so whose was 1169?", "which trust had 750?": a subject asked for by its figure.
WHOSE_FIGURE = re.compile(r"\bwhose\b|\bwhich (?:\w+ ){0,2}?(?:had|has|was|is|did|got|reported|"
                          r"recorded|were)\b|\bwho (?:had|has|got|was|reported|recorded)\b")
# A claim over every value of a dimension or every subject: "on every day of the walkout",
# "both days of the weekend", "each trust", "neither trust … any".
EVERY_VALUE = re.compile(r"\b(?:every|each|all|both|any)\s+(?:of the\s+)?(\w+)(?:\s+(\w+))?")
RANGE = re.compile(r"\bfrom\b.+\b(?:to|until|till|through|thru)\b")
EVERY_SUBJECT = re.compile(r"\b(?:each|both|neither|either|all|every)\b")
NONE_CLAIM = re.compile(r"\b(?:neither|none|nothing|zero)\b|^(?:true or false\W+)?no\b|"
                        r"\bnot (?:a single|one|any)\b|\b(?:did|were|was) not \w+ any\b|"
                        r"\bn't \w+ any\b|"
                        r"\bno (?:[\w/]+ ){1,3}?(?:at|were|was|on|got|had|affected)\b")
# "Is the 35 per cent figure taken from the co-chairs' statement?": whose words a figure is in.
ATTRIBUTION = re.compile(r"\b(?:taken from|comes? from|came from|attribut\w*|sourced?|"
                         r"from (?:the |his |her |their )?(?:[\w'’-]+ ){0,3}(?:statement|"
                         r"comments?|remarks|words|quotes?|speech|briefing))\b")
# "between the two days": both values of a dimension with two.
BOTH_VALUES = re.compile(r"\b(?:the two|both|the 2|both of the|between the) (?:strike )?(\w+?)s\b")
# "and the others?", "and the rest?": the subjects the last answer left out.
REST_Q = re.compile(r"^\W*(?:and |so |what about |how about |ok )?(?:the |all the )?(?:others|"
                    r"other ones|other \w+s|other (?:\d|two|three|four)(?: ones| \w+s)?|rest|"
                    r"remaining(?: ones| \w+s)?|rest of them)"
                    r"(?: (?:combined|together|added up|in total|total))?\W*$")
# "and the other one?", "n the other trust?": of two, the one the last answer left out.
OTHER_ONE = re.compile(r"^\W*(?:and |so |what about |how about |ok )?(?:the |that )?other"
                       r"(?: one| \w+)?(?: then| too| as well)?\W*$")
# Which way a change is asked: "% drop?" is from the larger figure, "% rise?" from the smaller.
FALL_WORDS = re.compile(r"\b(?:drop\w*|fall\w*|fell|decreas\w*|declin\w*|lower|down|reduc\w*|"
                        r"cut)\b")
RISE_WORDS = re.compile(r"\b(?:rise|rose|risen|increas\w*|up|higher|grew|grow\w*|jump\w*)\b")
# "inpts each?": every one of the subjects in play.
EACH_OF = re.compile(r"\b(?:each|both|either|the two)\b")
# "above that avg": which side of the average a question asks about.
AGAINST_AVERAGE = re.compile(r"\b(above|over|higher than|more than|below|under|lower than|"
                             r"less than|fewer than) (?:the |that |this |their )?(?:average|"
                             r"mean)\b")
# "shes from uhnm tho right?": a person put at a place or organisation.
FROM_PLACE = re.compile(r"\b(?:from|at|with|works? (?:for|at)|runs?|heads?|leads?|based at) ")
# "was the wknd totally clear at sfh": a claim that none were affected.
CLEAR_CLAIM = re.compile(r"\b(?:clear|quiet|none|nothing|zero|unaffected|untouched|no (?:\w+ )?"
                        r"(?:cases?|clinics?|patients?|one|disruption))\b")
# "so zero rebookings sat/sun at both trusts?": a claim of none, put first.
CLEAR_LEAD = re.compile(r"^\W*(?:so |and |ok )?(?:zero|none|nothing|no)\b")
# Which way a claim puts the true count against the one given ("prob higher", "lower").
HIGHER_CLAIM = re.compile(r"\b(?:higher|greater|bigger|larger|understat\w*|undercount\w*|"
                          r"underestimat\w*)\b(?! than [\d,.])")
LOWER_CLAIM = re.compile(r"\b(?:lower|smaller|overstat\w*|overcount\w*|overestimat\w*|"
                         r"exaggerat\w*)\b(?! than [\d,.])")
# "for day one of the strike", "on the first day": one day of the event, by its place.
DAY_OF_EVENT = re.compile(r"\b(?:day (?:one|two|three|four|five|1|2|3|4|5)|(?:the )?(?:first|"
                          r"second|third|fourth|last|final|opening) day)\b")
# "so sfh is down on both the earlier strikes 👍": now against every earlier round.
EVERY_ROUND = re.compile(r"\b(?:both|all|every|each)(?: of)? (?:the )?(?:earlier|previous|past|"
                         r"prior|other|last) (?:two |2 )?(?:strikes?|rounds?|walkouts?|ones)\b|"
                         r"\bevery (?:previous|earlier) (?:strike|round)\b|"
                         r"\b(?:the )?(?:early|earlier|previous|past|prior) "
                         r"(?:months|strikes|rounds|walkouts)\b|"
                         # "worse than the 2023 ones": every round of that year
                         r"\bthe (?:19|20)\d\d (?:ones|strikes|rounds|walkouts)\b")
DOWN_WORDS = re.compile(r"\b(?:down|fewer|lower|less|better|smaller|fell|dropped|improved)\b")
# "is wolves above that?" after an average: one figure against the last answer's value.
ABOVE_THAT = re.compile(r"\b(above|over|higher than|more than|bigger than|below|under|lower than|"
                        r"less than|fewer than|smaller than) (?:that|it|this|the avg|the average|"
                        r"that avg|that average)\b")
# A superlative claim ("the worst single day"), not "at least one".
PEAK_WORD = re.compile(r"\b(?:worst|best|busiest|quietest|heaviest|lightest|biggest|peak|highest|"
                       r"lowest)\b|(?<!at )\b(?:most|fewest|least)\b")
# "more than uhnm on its own or less?": a comparison whose first side is the last answer.
LEADING_COMPARATIVE = re.compile(r"^\W*(?:and |so |ok |is (?:that|it) )?(?:more|less|fewer|bigger|"
                                 r"smaller|higher|lower|greater) than\b")
# "and 2nd?" after "which had the most?": the same ranking, one place down.
BARE_ORDINAL = re.compile(r"^\W*(?:and |so |ok |what about )?(?:the )?(second|third|fourth|fifth|"
                          r"next)(?: one| place| on the list| biggest| highest| most)?\W*$")
# "who's that btw": whoever the last answer quoted.
WHO_IS_THAT = re.compile(r"^\W*(?:and |so |ok )?(?:(?:who(?:'s| is| was)|what(?:'s| is) (?:their|"
                         r"the) (?:job|role))\s+(?:that|this|this person|that person)|"
                         r"who(?:'re| are| were) (?:they|them|those two|the two|these)|"
                         r"who(?:'s| is) (?:she|he))(?: again| exactly| then)?\W*$")
# "The piece describes Diane Wake as …, doesn't it?": a role claimed for someone.
DESCRIBED_AS = re.compile(r"\b(?:describe[sd]?|call(?:s|ed)?|refer(?:s|red)? to|name[sd]?) "
                          r"[\w' .-]+? as (?:the|a|an)\b")
# Words a follow-up adds to a name that ask nothing new ("kings mill lot?", "nuh ones then?").
FOLLOWUP_FILLER = frozenset("lot lots crowd side ones one lads guys folks pls plz ta again "
                            "too then tho though".split())
FOLLOWUP = re.compile(r"^(?:and|what about|how about|what of|same for|and for|now)\b")
# A name put right after the question: "… than walsall? no wait, sandwell i mean".
CORRECTION_TAIL = re.compile(r"[?.,!]\s*(?:no\s*,?\s*)?(?:wait|sorry|oops|actually|scratch that|"
                             r"i mean|i meant)\b[\s,:-]*(?P<fix>[^?.!,]{2,40}?)\s*,?\s*"
                             r"(?:i mean|i meant|sorry)?\W*$", re.I)
# A message that only puts the last question's name right: "no wait i meant sandwell, not
# dudley", "sorry, i meant rwt not uhnm" (the last question again, of the name it gives).
CORRECTION_LINE = re.compile(r"^\W*(?:no\W*|oh\W*)?(?:wait\W*|sorry\W*|oops\W*|actually\W*)*"
                             r"i (?:mean|meant)\s+(?P<fix>[^?.!,]{2,40}?)(?:\s*,?\s*(?:not|rather "
                             r"than|instead of)\s+[^?.!,]{2,40}?)?\W*$", re.I)
# What figures may be broken down by in this genre; an article gives some of them, or none.
DIMENSION_NOUNS = ("day", "week", "month", "shift", "hour", "site")
# … asked over ("which day was worst", "busiest day", "each of our hospital sites", "by site")
DIMENSION_ASKED = (r"\b(?:which|what|worst|best|busiest|quietest|heaviest|biggest|peak)\s+"
                   r"(?:\w+\s+)?{k}s?\b|(?<!\ba )(?<!per )(?<!each )\b{k}s? (?:saw|had|was|with)\b|"
                   r"\beach (?:of (?:our|the|their|its) )?(?:\w+ )?{k}s\b|\b{k} by {k}\b|"
                   r"\bby {k}\b")
# … or one day named: "what about the weekend", "how many went on sat n sun", "day 2?".
DAY_NAMED = re.compile(r"\b(?:weekend|saturday|sunday|monday|tuesday|wednesday|thursday|friday|"
                       r"day (?:one|two|three|four|1|2|3|4)|(?:first|second|third|last) day)\b")
# "and the day after?", "the next day", "the day before": the neighbouring value of the last.
NEXT_VALUE = re.compile(r"\b(?:the )?(?:day (after|before)|(next|following|previous) day)\b")
# A reason asked of the last answer alone: "why?", "how come?", "why's that".
BARE_WHY = re.compile(r"^\W*(?:and |so |but |ok )?(?:why|how come|why(?:'s| is| was) that|"
                      r"why so|why tho|why though)\W*$")
# A place said to be one of a part's: "kings mill is an NUH hosp right?", "is newark one of
# sfh's hospitals?", "is the qmc part of sfh?".
SITE_CLAIM = re.compile(r"\b(?:is|'s|isnt|isn't|was)\b.*\b(?:hosp\w*|sites?|one of|part of|run by|"
                        r"belongs? to|under)\b")
# Places asked for apart: "at city hospital vs qmc", "split between kings mill and newark".
PLACES_APART = re.compile(r"\b(?:vs|versus|or|compared|split|each|apart|separately|between|"
                          r"as opposed to|rather than|breakdown|broken down)\b")
# One listed place asked for by itself: "newark hosp specifically", "kings mill on its own".
PLACE_ALONE = re.compile(r"\b(?:specifically|on (?:its|their) own|alone|by itself|itself|"
                         r"in particular|only|just (?:that|the) (?:one|site|hospital))\b")
# Both sides asked: "are we above or below that", "over or under the average?".
EITHER_SIDE = re.compile(r"\b(?:above|over|higher|more) or (?:below|under|lower|less)\b|"
                         r"\b(?:below|under|lower|less) or (?:above|over|higher|more)\b")
# "and of england overall?" after a share: the same part, of another base.
OF_BASE_LEAD = re.compile(r"^\W*(?:and |so |n |what about |how about )?of (?:the )?\w")
THE_TWO = re.compile(r"\b(?:the two|both|the pair|between the two|both of them)\b")
REFERRING = re.compile(r"\b(?:them|those|the two|these|both|they|between them|that|it|"
                       r"each other)\b")
ORDINAL_WORD = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|"
                          r"seventh|7th|last)\b")
ORDINAL_VALUE = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                 "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7}
ORDINAL_NAMES = {n: w for w, n in ORDINAL_VALUE.items() if w.isalpha()}  # 3 -> "third"
MONTH_NAMES = frozenset("january february march april may june july august september october "
                        "november december".split())

# Rules of one use each, named so that the parser, not an answerer, runs them.
ANY_SUPERLATIVE = re.compile(rf"\b(?:{MOST_ONLY}|{FEWEST_ONLY}|busiest|quietest|peak)\b")
MOST_ONLY_WORD = re.compile(rf"\b(?:{MOST_ONLY})\b")
FEWEST_ONLY_WORD = re.compile(rf"\b(?:{FEWEST_ONLY})\b")
MOST_WORD = re.compile(rf"\b(?:{MOST})\b|\bhardest\b")
FEWEST_WORD = re.compile(rf"\b(?:{FEWEST})\b")
BACK_TO_SUBJECTS = re.compile(r"\b(?:one|them|those|the two|these|that|it|both|they)\b")
WHICH = re.compile(r"\bwhich\b")
AND = re.compile(r"\band\b")
AVERAGE_WORD = re.compile(r"\b(?:avg|average|mean)\b")
# A cause named, not a clause: "because of the strike" explains something else.
NOMINAL_CAUSE = re.compile(r"(?:because of|due to|owing to|as a result of)\b")
# "whose claim was she answering": the one answering, as a pronoun.
ANSWERER_PRONOUN = re.compile(r"\b(?:she|he|they)\b")
# "our daily breakdown", "day by day": each day's figure.
DAILY_SPLIT = re.compile(r"\bdaily (?:breakdown|split|figures|numbers|totals?)\b|"
                         r"\bday[- ]by[- ]day\b")
# "were 50 trusts out?": a number and the word after it (a unit the table may count in).
NUMBER_THEN_WORD = re.compile(r"\b\d[\d,.]*\s+([a-z]+)")
# "top 3?", "bottom two": the first few of a ranking.
TOP_N = re.compile(r"\b(top|bottom|biggest|largest|smallest|lowest|highest) "
                   r"(2|3|4|two|three|four)\b")
# "combined with them …": the last answer's subject, right after the joining words.
BACK_AFTER = re.compile(r"\s*(?:them|it|that one|those|they)\b")
OVER_UNDER = re.compile(r"\b(?:under|over|below|above|beat|behind|ahead of)\b")
# Words pointing back at the last answer, as one side of a comparison ("is that more than …").
BACK_WORDS = frozenset("that it this those these them they".split())
TOGETHER = re.compile(r"\b(?:together|combined|between them|added|in total|sum)\b")
ABOUT_PLACES = re.compile(r"\b(?:hospitals?|which|where|who|what)\b")
HIT_WORDS = re.compile(r"\b(?:hit|affected|worst|hardest|best|busiest)\b")
QUANTITY_ASKED = re.compile(
    r"\b(?:how big|how large|what size|what percentage|what per ?cent|what figure|what share|"
    r"what proportion|what fraction|"
    r"what amount|what pay|what rise|what increase|length|amount|in (?:cash|money|"
    r"pounds|percentage) terms|in pounds|how much money|worth|raw number|actual number)\b|"
    r"\bwhat(?: is| was|s)? the (?:£|%)|(?<![\d.])(?:£|%) (?:figure|number|amount|sum)\b|"
    r"^\W*(?:and |so )?(?:the )?(?:total|tot|number of|no\.? of) \w+")
OFFER = re.compile(r"\boffer\w*\b")
ANOTHER_ASK = re.compile(r"(?:\band|,|\bvs\.?|\bversus) (?:what|how|which|when|who)\b|"
                         r"(?:\band|,) (?:and )?(?:also )?the (?:£|pounds?|cash|money|%|per ?cent)")
HE_OR_SHE = re.compile(r"\b(?:he|she|him|her)\b")
WHICH_PERSON = re.compile(r"\bwhich (?:[\w'-]+ ){0,3}?(?:person|official|speaker|individual|"
                          r"spokes\w+|minister|leader|executive|director|steward|secretary)\b")
WHICH_PLACE = re.compile(r"\b(?:which|what) (?:hospital|ward|clinic|department)\b")
BARE_WHO = re.compile(r"^(?:what|who) (?:is|are|was|were) (?:the )?(.+?)[?.!]*$")
OFFICE_OF = re.compile(r"\bwho (?:is|was|are|were) (?:the )?([\w' -]+?) (?:of|at|for) ")
WHO_IS = re.compile(r"\bwho(?:'s| is| are| was)\b")
REASON_ASKED = re.compile(r"\breasons?\b|\bcauses?\b")
# "double speak about what exactly", "what was he referring to": what "this" in a quote points
# back to.
REFERENT_ASKED = re.compile(r"\babout what\b|\bwhat (?:was|is|were) (?:that|it|this|he|she|they) "
                            r"(?:about|referring to|on about)\b|\bwhat did (?:he|she|they) mean\b|"
                            r"\breferring to\b|"
                            r"\bwhat (?:was|is) (?:the|that) [\w' -]{1,20}? about\b")
AT_LEAST = re.compile(r"\b(?:more than|over|at least|above)\b")
THANKS = re.compile(r"^(?:thanks?|thank you|cheers)\b")
ASCENDING = re.compile(rf"\bfrom (?:the )?(?:{FEWEST})\b|\bascending\b|\bsmallest first\b")
EVERY = re.compile(r"\b(?:all|each|every)\b")
CLAIM_START = re.compile(r"^(?:did|do|were|was|had|have|has|is|are|true or false|"
                         r"is it (?:true|correct) that)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# How many times one figure is another ("twice", "three times"): the words and the number.
TIMES_WORDS = (("twice", 2), ("double", 2), ("three times", 3), ("triple", 3),
               ("four times", 4))
# "all 4 combined", "the other four all added up": the rest, when the number is one fewer
# than the parts (the parser checks).
ALL_N_TOGETHER = re.compile(r"\b(?:all|the other|the rest of the|other|the) (\d+|two|three|four|"
                            r"five|six|seven|eight|nine)\b(?:[^?]{0,30}?)\b(?:combined|together|"
                            r"put together|added up|added|in total)\b|\b(?:combined|total|together)"
                            r"\b[^?]{0,20}?\bthe other (\d+|two|three|four|five|six|seven|eight|"
                            r"nine)\b")
# A figure used as a name: "the figure of more than 8,300", "the 4,413", "that 606".
FIGURE_AS_NAME = re.compile(r"\b(?:the|that|this|those|these) (?:(?:figure|number|total|count|"
                            r"tally) of )?(?:more than |over |around |about )?\d[\d,.]*(?:k\b)?")
# A superlative over time ("the biggest so far", "ever"): not over the table's rows.
OVER_TIME = re.compile(r"\b(?:so far|ever|on record|to date|in (?:the|this) (?:whole )?"
                       r"(?:dispute|history)|in history|than (?:last time|(?:the )?(?:last|"
                       r"previous) (?:one|time|strike|walkout|round)s?|before))\b")
# A later part that only leans on the one before: "…, and for how long?", "and where?".
ELLIPTIC_PART = re.compile(r"^\W*(?:and|or|but)\s+(?:for\s+)?(?:how long|how many|how much|"
                           r"when|where|why|who|what time|until when)\W*$")
# What a count is made of: "what kinds of appointments", "what is included".
KIND_OF = re.compile(r"\b(?:what|which) (?:kinds?|types?|sorts?) of\b|\bwhat (?:is|are|was|were) "
                     r"(?:included|counted|covered)\b|\bincluded in\b|"
                     r"\b(?:just|only) \w+ or (?:wider|more|other|also)\b")
AVERAGE_ONE = re.compile(r"\b(?:an?|the) (?:average|typical|ordinary)\b")
# A fraction drawn as a line: "more than half", "under a third", "a majority".
FRACTION_LINE = re.compile(r"\b(more than|over|above|at least|less than|fewer than|under|below)"
                           r" (?:a )?(half|third|quarter|fifth|tenth|two thirds|three quarters)\b|"
                           r"\b(?:a|the) (majority|minority)\b|\b(most) of\b|"
                           r"\b(more than|over|above|at least|less than|under|below) "
                           r"(\d+(?:\.\d+)?) ?(?:%|per ?cent) of\b|"
                           r"\b(about|abt|around|roughly|approximately|approx|nearly|almost|like) "
                           r"(?:a |an |one )?(half|third|quarter|fifth|tenth)\b|"
                           r"\b(?:that'?s|thats|that is|is (?:that|it)|it'?s)(?: what| like)?,? "
                           r"(?:a |an |one )?(half|third|quarter|fifth|tenth)\W*$")
# "minus uhnm?" after a total: that total without it.
LEADING_MINUS = re.compile(r"^(?:and |so |now )?(?:minus|without|excluding|less|take away|"
                           r"not counting|leaving out)\b")
# "not higher than": the comparison asked is the other way.
NOT_COMPARATIVE = re.compile(r"\b(?:not|no|never)\s+(?:\w+\s+)?(?:higher|more|bigger|larger|"
                             r"greater|lower|fewer|less|smaller)\b|n't\s+(?:\w+\s+)?(?:higher|"
                             r"more|bigger|larger|greater|lower|fewer|less|smaller)\b")
# "how many were rescheduled there?": the place of the last answer (not "were there").
THERE = re.compile(r"(?<!were )(?<!are )(?<!was )(?<! is )\bthere\W*$|\b(?:at|in) (?:that|this) "
                   r"one\b")
RANK_BARE = re.compile(r"\b(?:(second|third|fourth|2nd|3rd|4th)[- ])?(highest|lowest|biggest|"
                       r"smallest|largest|most|fewest|least)\b")
# Whether a count is the whole story: "the full extent", "the true scale", "understate".
COMPLETENESS_Q = re.compile(r"\b(?:true|real) \w+ (?:number|figure|count|total)s?\b|"
                            r"\b(?:full|whole|true|complete|real|entire) (?:extent|scale|picture|"
                            r"story|toll|impact|number|numbers|figure|figures|count|total|"
                            r"disruption)(?:'s)?\b|\bcaptur\w* (?:the )?(?:full|"
                            r"whole|true|all)\b|\b(?:understat\w*|undercount\w*|underestimat\w*|"
                            r"overstat\w*)\b|\bgreater than the figures\b")
WHO_SAID_THAT = re.compile(r"^(?:and |so |ok )?who (?:said|says|say|wrote|was quoted saying) "
                           r"(?:that|it|this|those words|these words)\W*$")
# "What share did not go ahead?": the rest of a percentage.
COMPLEMENT = re.compile(r"\b(?:share|proportion|percentage|per ?cent)\b[^?]{0,40}\b(?:did not|"
                        r"didn't|not|never|failed to)\b|\b(?:did not|didn't)\b[^?]{0,30}\b(?:share|"
                        r"proportion|percentage)\b")
TRUE_OR_FALSE = re.compile(r"^\W*true or false\b")
# ("is whitmore nuh's deputy medical director?", "shes nuh's medical director?")
IS_X_THE = re.compile(r"^(?:is|was) [\w' .-]+? (?:the|a|an|[\w.-]+'s) |"
                      r"^(?:so )?[\w' .-]+?(?:'s| is| was) (?:the|a|an) (?!\w+ (?:of|for)\b)|"
                      r"^(?:so )?(?:she|he)(?:'s| is| was) (?:[\w.-]+ ){0,3}[\w.-]+'s ")
ONLY = re.compile(r"\b(?:only|just|solely|purely|exclusively|alone)\b")
ALL_OF_KIND = re.compile(r"\b(?:all|every one|only|just|solely|purely|exclusively|entirely)\b")
# "we only lost 1 inpt case": a count claimed, not that all of a count was one kind.
ONLY_N = re.compile(r"\b(?:only|just)\s+(?:\w+\s+){0,2}\d")
# "than on the second": the other value of a two-valued dimension, left implicit.
THAN_THE_OTHER = re.compile(r"\bthan (?:on |in )?the (?:first|second|other|next|previous)\b\W*$")
# Adverbs of scope after "how many" ("how many nationally again"), which count nothing.
SCOPE_ADVERBS = frozenset("nationally regionally locally altogether overall countrywide "
                          "nationwide".split())
HOW_MANY_NOUN = re.compile(r"\b(?:how many|(?:the )?number of)\s+((?:[\w'&-]+\s+){0,4})")

# Questions about speech and stated reasons (answering/speech.py).
YESNO = re.compile(r"^(?:true or false\W*|is it true that |(?:did|does|do|has|have|is|was|were)"
                   r" )|^(?:and |so )?it was \w+(?: \w+)? who\b|"
                   r"\b(?:right|yeah|correct|innit|true|yes|yep)\s*\?+\s*$", re.I)
# ("it was X who … right?", "barclay called the strike 'deeply regrettable' right?")
MODE_Q = re.compile(r"\b(?:direct(?:ly)? (?:quot\w*|speech)|reported speech|indirect(?:ly)?|"
                    r"paraphras\w*|verbatim|in (?:his|her|their) own words|quoted directly)\b")
NESTED_Q = re.compile(r"\b(?:originally|first said|said (?:it|them|those words) first|who is "
                      r"quoting|quoting (?:him|her|them)|inner quot\w*|inside (?:that|the|a) "
                      r"quot\w*|quote inside|in his mouth|in her mouth|claimed to recogni[sz]e|"
                      r"say (?:\w+ ){1,3}(?:claimed|said|recogni[sz]ed)|quot\w* (?:the )?"
                      r"[\w' ]{2,40}? as (?:having )?(?:said|saying))\b")
CALLED_Q = re.compile(r"\b(?:what|how) (?:did|does|do|has|have) (.+?) (?:call|describe|label|dub|"
                    r"brand|term)d?\s+(.+?)\W*$|^(?:what(?:'s| was| is) )?(.+?)'s? (?:phrase|"
                    r"word|words|term|description) for (.+?)\W*$|\b(?:phrase|word|term)s? "
                    r"(?:did|do|does) (.+?) use (?:about|for|to (?:characteri[sz]e|describe)) "
                    r"(.+?)\W*$|\bwhat(?:'s| is| are| was| were) (.+?) (?:calling|describing|"
                    r"labell?ing|dubbing|branding|terming)\s+(.+?)\W*$")
# "barclay called the strike 'deeply regrettable' right?": a claim of the words used.
CALLED_CLAIM = re.compile(r"\b(?:called|calls|describ(?:ed|es)|label(?:l?ed)|dubbed|"
                          r"branded|termed|said (?:it|this|that) was)\b")
WHY_Q = re.compile(r"^(?:why|how come|on what grounds|for what reason|what (?:is|was|are|were) "
                   r"the (?:reasons?|grounds)|what reasons?|what (?:made|led|caused))\b|"
                   r"\bwhy\b|\b(?:reasons?|grounds|justification) (?:for|behind)\b")
# What a relation word in a question asks for (its clause or neighbour in the article).
RELATION_Q: tuple[tuple[str, str], ...] = (
    ("condition", r"\b(?:conditions?|preconditions?|on what terms|under what terms)\b"),
    ("consequence", r"\b(?:consequences?|what (?:practical )?(?:effect|result)|results? in|"
                    r"lead to|led to|what (?:would|will|does|did) (?:that|this|it) (?:mean|do)|"
                    r"mean in practice)\b"),
    ("purpose", r"\b(?:purpose|in order to|aim(?:ed)? to|to what end)\b"),
)
RELATION_RE = tuple((k, re.compile(p)) for k, p in RELATION_Q)
CONDITION_Q, CONSEQUENCE_Q, PURPOSE_Q = (p for _, p in RELATION_RE)
RELATION_NAMES = (("condition", "CONDITION_Q"), ("consequence", "CONSEQUENCE_Q"),
                  ("purpose", "PURPOSE_Q"))
# Words of a speech act in a question, and the words of the article that perform it.
ACTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bthank\w*", ("thank",)),
    (r"\bapologi[sz]\w*|\bsorry\b", ("sorry", "apolog")),
    (r"\bwarn\w*", ("warn",)),
    (r"\burg\w*", ("urg",)),
    (r"\bprioriti[sz]\w*|\bfocus\w*", ("focused", "priorit", "protect")),
    (r"\b(?:(?:he|she|they|we|it)(?:'ll|ll| will| would| is going to| are going to) do|will "
     r"(?:he|she|they|it|we) do|going to do|promis\w*|pledg\w*)\b",
     ("will ", "ready to", "willing to", "happy to", "prepared to", "promis", "pledg",
      "commit")),
)
ACT_RE = tuple((re.compile(p), words) for p, words in ACTS)
THANK_Q, APOLOGY_Q, WARN_Q, URGE_Q, PRIORITY_Q, COMMIT_Q = (p for p, _ in ACT_RE)
ACT_NAMES = ("THANK_Q", "APOLOGY_Q", "WARN_Q", "URGE_Q", "PRIORITY_Q", "COMMIT_Q")
SPEECH_ACT_Q = re.compile(r"\b(?:say|said|says|claim\w*|state\w*|tell|told|refuse\w*|apologi\w*|"
                          r"thank\w*|urg\w*|call|made by|issued by)\b")
NEGATIVE = re.compile(r"\b(?:not|no|never|nothing|none|unwilling|refus\w*|won't|wouldn't|"
                      r"don't|didn't|doesn't|can't|cannot|only|unless|preconditions?|stopped|"
                      r"without)\b|n't\b")
ALL_WORDS = re.compile(r"\b(?:every|all|each|everyone|always)\b")
SOME_WORDS = re.compile(r"\b(?:some|many|several|a number of|most)\b")
ASK_WORDS = frozenset(stem(w) for w in """say said says saying tell told state stated claim
claimed true false article quote quoted word words statement speech direct directly reported
speak spoke mention mentioned answer yes no did does reason grounds why originally first
quoting inner quotation put mouth call called describe described phrase use used give given
view reaction according comment comments remark remarks want wants wanted line take
comeback exactly reckon reckons accuse accused accusing criticise criticised criticize
criticized""".split())
INSTRUCTION = re.compile(r"\b(?:answer (?:yes or no|true or false)|true or false|yes or no)\b",
                         re.I)
SAID_Q = re.compile(r"\b(?:what|which|how) (?:\w+ ){0,3}(?:did|does|do|has|have) (?:.+? )?"
                    r"(?:say|said|tell|told|want\w*|think|stat\w*|claim\w*|respond\w*|add|use)\b|"
                    r"\bwhat(?:'s| (?:was|were|is|are|s)) (?:(?:her|his|their|its) |.+?'s? )"
                    r"(?:words|response|statement|message|comments?|reaction|view|line|take|"
                    r"comeback)\b|"
                    # "barclay's line?", "and the co-chairs' take?"
                    r"^\W*(?:and |so |ok )?(?:the )?[\w .-]{2,40}?'s? (?:line|take|view|response|"
                    r"reaction|comeback|words|statement)\W*$|"
                    # "bma response to the claim most docs chose to work?"
                    r"\b(?:response|reaction|reply|answer|comeback) (?:to|on)\b|"
                    # "they accused barclay of what", "what did the bma criticise him for"
                    r"\b(?:accus|critici[sz])\w*\b.*\b(?:of|for) what\b|"
                    r"\bwhat (?:did|does|do) .+? (?:accuse|criticise|criticize)\b")
# Someone answering someone else: "who pushed back on that", "did the bma say anything back
# to barclay", "who criticised barclay?" (the one answered comes after the verb).
RESPONSE_TO = re.compile(r"\b(?:push(?:ed|es|ing)? back|hit(?:s|ting)? back|fir(?:ed|es|ing) back|"
                         r"came back|"
                         r"(?:took|take|takes|taking) issue|critici[sz]\w*|challeng\w*|"
                         r"attack\w*|slam\w*|rebut\w*|disagree\w*|argu\w* with|"
                         r"(?:had|has|have|having) a go at|laid into|lays into|"
                         r"(?:respond\w*|repl(?:y|ied|ies)|reacted|reaction) to|"
                         r"(?:was|were|is|are) (?:she|he|they) (?:answering|responding|replying|"
                         r"rebutting|hitting back|reacting)|"
                         r"(?:say|said|says|answer\w*|came|come|talk\w*) "
                         r"(?:anything |something |much )?back|"
                         # "what did BMA say when NHSE claimed …": to what the other claimed
                         r"(?:say|said|says|do|did|react\w*|respond\w*) when(?= (?:the )?[\w']+ "
                         r"(?:\w+ )?(?:claimed|said|suggested|argued|insisted|announced|called|"
                         r"says|claims|suggests)))\b")
# After that verb: the last answer's speaker ("who pushed back on that").
RESPONSE_BACK = re.compile(r"^\W*(?:on |at |to |with |against |about )?(?:that|this|it|him|her|"
                           r"them|what (?:he|she|they) said)\b")
# A hedge in the question ("probably") looks for one in the article ("likely to be").
MODAL = re.compile(r"\b(?:probabl\w*|likely|possibl\w*|may|might|perhaps)\b")
QUANTITY_Q = re.compile(r"\b(?:how (?:many|much)|figure|sum|amount|cash|number|per ?cent|"
                        r"percentage)\b|%")

# Words a question puts in quotation marks ("double-speak", ‘sit down with them’).
QUOTED_WORDS = re.compile(r"[\"\u201c]([^\"\u201d]{4,})[\"\u201d]|(?<![\w])[\u2018']"
                          r"([^\u2019']{4,})[\u2019'](?![\w])")

# Rules read over the article's sentences, never over a question.
# "How many did not take part": the rest of a whole the article gives a part of.
COUNT_NEGATED = re.compile(r"\b(?:did not|didn'?t|do not|don'?t|does not|doesn'?t|were not|"
                           r"weren'?t|was not|wasn'?t|not|never|failed to|stayed out|sat out)\b")
# "out of?": the whole a part was given of.
OUT_OF_Q = re.compile(r"^\W*(?:and |so )?out of(?: how many| what)?\W*$|\bout of how many\b")

# A figure measured against another ("5% above RPI inflation"): a margin, not a level.
MARGIN = re.compile(r"\b(?:above|below|over|on top of|more than|less than|beyond)\s+(?:\w+\s+)?"
                    r"(?:inflation|rpi|cpi)\b|\breal[- ]terms\b", re.I)

# Where one clause of a question ends and the next begins: a figure stated in a clause is
# about what that clause names ("the BMA seeking 25% and the government holding at 5.4%").
CLAUSE_BREAK = re.compile(r"[,;:?!]|\.(?!\d)|\s[-–—]\s|\b(?:and|but|while|whereas|against|"
                          r"versus|vs|compared (?:with|to)|than|so|if)\b")

# When something happened, as a question asks it: the clock, the dates, how long, what next.
TIMING_CLOCK = re.compile(r"\bwhat time\b|(?<!\d )(?<!many )\btimes\b(?! (?:as|more|higher|"
                          r"larger|bigger|over|the)\b)|"
                          r"(?<!of )\btime (?:did|does|do|was|is|will)\b|"
                          r"\b(?:am|pm)\b|\bo'?clock\b|\bmidnight\b|\bhours? of the day\b")
TIMING_EDGE = re.compile(r"\b(?:start|started|starts|starting|begin|began|begins|beginning|end|"
                         r"ended|ends|ending|finish|finished|finishes|finishing|"
                         r"kick(?:ed|ing|s)? off)\b")
TIMING_DATES = re.compile(r"\bdates?\b|\b(?:which|what) days?\b|\bdays of the week\b|"
                          r"\bon which days?\b")
TIMING_WHEN = re.compile(r"\bwhen\b|\bby when\b|\btime ?frame\b|\bdeadline\b|"
                         r"\bhow (?:soon|quickly)\b|"
                         r"\bwithin (?:a|an|the|\d+|one|two|three|four|six) (?:\w+ )?(?:days?|"
                         r"weeks?|months?|fortnight)\b")
TIMING_LENGTH = re.compile(r"\bhow long\b|\bhours\b|\bhrs?\b|\d\s?(?:hrs?|hours?)\b|\blength\b|"
                           r"\bduration\b|\bfull[- ]day\b")
TIMING_NEXT = re.compile(r"\bnext\b|\bfurther\b|\bupcoming\b|\bfuture\b|\bplanned\b|\bwill\b|"
                         r"\bgoing to\b|"
                         r"\bmore (?:strikes?|walk-?outs?|dates|action)\b")
# Words a question about when may carry beside its timing words and still ask only that.
TIMING_FILLER = frozenset("""exact exactly precisely again ones one out pls please both each every
day days did was were it they them that this the a an of and or n on at from to until till what
which when how long start started end ended finish finished begin began times time dates date
hours hrs hr next further upcoming future planned more strike strikes walkout walkouts
walk walked action exactly roughly approx confirm right yeah ok so just check over during in by
for is are announced announce named set confirmed yet any have has been""".split())

# What a sentence says about when: clock times, calendar dates, weekdays, lengths, the future.
CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\bmidnight\b|"
                        r"\bnoon\b|\b\d{1,2}:\d{2}\b", re.I)
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December")
CALENDAR_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|"
                           rf"\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)")
# A date as a question writes it, in any case ("sat 26 july").
ASKED_DATE = re.compile(CALENDAR_DATE.pattern, re.I)
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A time of year that answers "by when?" as a date does: "wrapped up by Christmas".
NAMED_TIME = re.compile(r"\b(?:Christmas|Easter|New Year|the end of (?:the )?(?:year|month|week|"
                        r"January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)|(?:next|this) (?:spring|summer|autumn|winter))\b")
CALENDAR_NAME = re.compile(rf"\b(?:{_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           rf"Sunday)\b")
DURATION = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve|24|48)[\s-](?:hours?|days?|weeks?)\b", re.I)
# "what happens if there are no talks?": a consequence asked of a condition, which the
# answer states as one ("more dates could follow if there are no talks").
CONDITION_ASKED = re.compile(r"\b(?:if|unless|in case)\b")
# "how many of the 1,463 were inpatients": a subject named by its figure, then broken down.
OF_STATED_FIGURE = re.compile(r"\b(?:of|out of) (?:the|those|these|that|our|their) "
                              r"(\d[\d,]*(?:\.\d+)?k?)\b(?! (?:days?|hours?|per))")
# "the next strike", "upcoming walkouts": a round still to come.
NEXT_ROUND = re.compile(r"\b(?:next|upcoming|further|future|coming)\b")
# "how many appts are they expecting to cancel", "how many will be moved": a count ahead.
EXPECTED_COUNT = re.compile(r"\b(?:(?:are|is|were|was) (?:they |it |we |there |he |she )?"
                            r"(?:expect\w*|going|likely|set|predicted|forecast|planning) to|"
                            r"will (?:they |we |"
                            r"there |it )?(?:have to )?(?:cancel\w*|postpone\w*|move|be))\b")
FUTURE_WORDS = re.compile(r"\b(?:further|next|upcoming|will|planned|has since named|could follow|"
                          r"set to|announced|is to|are to)\b", re.I)

# The places a part runs, as an article lists them: "NUH, which runs the Queen's Medical
# Centre and City Hospital, …".
RUNS_SITES = re.compile(r"\b(?:runs|run|operates|manages)\b(?P<sites>[^.;]+)")
# Rules read over a span of the question, not the whole of it (so not cued).
# Between two values of one dimension: "inpatients rather than outpatients" asks the first.
VALUE_INSTEAD = re.compile(r"\b(?:rather than|as opposed to|instead of|not|excluding|except|"
                           r"without|other than)\b")
# Between two values of one dimension: "inpatients vs outpatients" asks each.
VALUE_VERSUS = re.compile(r"\b(?:vs|versus|compared|against|or)\b|/")
# Just before a value: "actual ops not clinic appts" asks the other value of the two.
VALUE_NOT_BEFORE = re.compile(r"\b(?:not|rather than|excluding|except|other than|instead of|w/?o|"
                              r"without)\s*(?:the\s+)?$")
# A pronoun for one person, by the pronoun the article's people table gives.
PERSON_PRONOUNS: dict[str, re.Pattern[str]] = {
    "she": re.compile(r"\b(?:she|her|hers)\b"), "he": re.compile(r"\b(?:he|him|his)\b")}
PLURAL_PRONOUN = re.compile(r"\b(?:they|them|their)\b")
GROUP_PRONOUN = re.compile(r"\b(?:they|them|those|these|the two)\b")
# People a plural pronoun can stand for that are not the article's speakers: "can pts claim
# anything back if their op got pushed".
PEOPLE_NOUNS = re.compile(r"\b(?:patients|pts|people|ppl|staff|families|parents|members|kids|"
                          r"children|callers)\b")
# A sentence about things to be done again: "… will be given a new date as quickly as possible".
NEW_DATE = re.compile(r"\bnew (?:dates?|times?|slots?)\b")
SPAN_RULES = frozenset({"VALUE_INSTEAD", "VALUE_VERSUS", "VALUE_NOT_BEFORE", "PLURAL_PRONOUN",
                        "GROUP_PRONOUN", "PEOPLE_NOUNS", "NEW_DATE"})
SENTENCE_RULES = frozenset({"VERDICT", "TIME_WORDS", "DATE_WORDS", "KEY_VERBS", "REASON_WORDS",
                            "QUOTED_WORDS", "SOME_WORDS", "CLOCK_TIME",
                            "CALENDAR_DATE", "WEEKDAY", "DURATION", "FUTURE_WORDS", "CALENDAR_NAME",
                            "MARGIN", "NOMINAL_CAUSE", "RUNS_SITES"})
# Every rule the parser runs over a question, by name; those in AS_WRITTEN read the question
# as the user wrote it (capitals, spelling), the rest its lower-cased form.
QUESTION_RULES: dict[str, re.Pattern[str]] = {name: value for name, value in dict(globals()).items()
                                              if isinstance(value, re.Pattern)
                                              and name not in SENTENCE_RULES | SPAN_RULES}
AS_WRITTEN = frozenset({"EXCLUDING", "ROLE_CLAIM"})
