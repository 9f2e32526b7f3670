"""Stage 3, compose: a short answer that leads with what was asked and names its source."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from chatbot.engines.base import Visitor
from chatbot.engines.offline.facts import (
    Fact,
    all_links,
    is_current,
    is_ongoing,
    item_lines,
    job_order,
    job_title,
    labelled,
    latest_job,
    project_date,
    project_years,
    table_items,
)
from chatbot.engines.offline.rank import searched
from chatbot.engines.offline.retrieve import Retrieved, counts
from chatbot.engines.offline.text import (
    MONEY,
    MONTHS,
    any_of,
    autolink,
    fold,
    has_figure,
    lexicon,
    said_in,
    sentences,
    stem,
    stems,
    tool_names,
    words,
)
from chatbot.engines.offline.understand import (
    NAMED_TOPICS,
    NEGATIONS,
    OWNER_PRONOUNS,
    PRACTICAL,
    STOPWORDS,
    Query,
    typed_names,
)
from chatbot.profile import Experience, Profile, Project

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A small count, in figures or words ('a team of six', 'twelve years').
_SMALL_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|" \
    r"twenty)"
_N_YEARS = re.compile(rf"\b(?:{_SMALL_COUNT}\+? years|since (?:19|20)\d\d)\b", re.I)
_HOW_LONG_WORDS = frozenset(stems("how long long many year years been actually really "
                                   "experience time"))
_MONTHS = "|".join(MONTHS)
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:[–—-]|to|until)\s*((?:19|20)\d\d)\b")
_SINCE_YEAR = re.compile(rf"\bsince (?:(?:early|mid|late|{_MONTHS}) )?(?:19|20)\d\d\b", re.I)
# 'a large energy supplier', 'two hosted model APIs': something spoken of without a name.
_SOME = re.compile(r"\b(?:a|an|one|two|three|four|five|several|some|various|multiple)\s+"
                   r"(?=((?:[\w-]+\s+){0,3}[\w-]+))")
# '14 open-source projects' when the visitor asks 'which 14 projects': the count they
# already know names none of them (unlike '30 fps' for 'what fps').
# 'packaging to the CDN', 'runs on the university cluster': the thing asked, in no other
# words than the question's, is no name of it either.
_THE = re.compile(r"\bthe\s+(?=((?:[\w-]+\s+){0,3}[\w-]+))", re.I)
# Where a thing's words end ('a technical interview around real hardware'), besides the
# stop words.
_PREPOSITIONS = frozenset("around across along among beyond behind inside outside near like "
                          "onto upon toward towards via per within without".split())
_COUNTED = re.compile(r"(?<![\w.,-])\d[\d,]*\s+(?=((?:[\w-]+\s+){0,3}[\w-]+))")
# 'which two games', 'what are the names of the two other plugins', 'name the three'.
_ASKS_WHICH = re.compile(r"\W*(?:which|name|(?:what|whats|what's)\s+(?:are|were|is|was)?\s*"
                         r"(?:the\s+)?names\s+of)\b", re.I)
_SPEAKING = re.compile(rf"\b{any_of(lexicon()['asks']['speaking'])}\b", re.I)
_SPEAKING_STEMS = frozenset(stems("speak speaks spoken fluent"))
# A tool named like a person ('which package manager', 'her password manager') is no one.
_TOOL_NAMED_LIKE_A_PERSON = re.compile(
    r"\b(?:package|password|window|secrets?|version|display|workload|task|file|download|"
    r"boot|device|session|network|dependency|plugin|state|build|cluster|resource|"
    r"certificate|key|config(?:uration)?|node|environment|context)\s+managers?\b", re.I)
# A question for a person: 'who is her manager', 'who co-authored it', 'who won'.
_ASKS_PERSON = re.compile(rf"\b(?:who|which)\b.*\b{any_of(lexicon()['asks']['person'])}\b"
                          rf"|\bwho\s+(?:else\s+)?(?:(?:did|does|do|has|have)\s+\w+\s+)?"
                          rf"{any_of(lexicon()['asks']['person_verbs'])}\b", re.I)
# A question for a person's name by their role: 'what's the CTO's name', 'the name of
# Pulsewright's hardware lead'.
_ROLES = any_of([*lexicon()["asks"]["person"], *lexicon()["asks"]["person_roles"]])
_NAME_OF_PERSON = re.compile(rf"\bnames? of (?:[\w'’-]+ ){{0,3}}?{_ROLES}\b|"
                             rf"\b{_ROLES}['’]?s name\b", re.I)
# A question for who bought a company, and the lines that say it was sold: to someone
# named ('acquired by Shopify'), or not ('acquired by a larger Toronto firm').
_BUYER_WORDS = frozenset({"bought", "buy", "acquired", "acquire", "acquirer", "purchased",
                          "took", "taken", "over", "sold", "company", "firm", "which", "who"})
_BUYER_ASKED = re.compile(r"\b(?:who|which\b.*?)\s+(?:bought|acquired|purchased|took over)\b"
                          r"|\bwho\s+(?:was|is)\s+the\s+(?:buyer|acquirer)\b", re.I)
_SOLD = re.compile(r"\b(?:acquired|bought|purchased|taken over|sold)\b", re.I)
_SOLD_TO_NAMED = re.compile(r"\b(?:acquired|bought|purchased|taken over)\s+by\s+(?!the\b|a\b|an\b)"
                            r"[A-Z]|\bsold\s+to\s+(?!the\b|a\b|an\b)[A-Z]")
# A list of jobs asked in the order they were held.
_OLDEST_FIRST = re.compile(r"\b(?:oldest|earliest) (?:first|to (?:the )?(?:newest|latest|most "
                           r"recent))\b|\bchronological(?:ly| order)\b", re.I)
# A win asked ('did it win', 'has she won'), and what tells of one or of a nomination only.
_ASKS_WON = re.compile(r"\b(?:did|does|has|have|had)\b.*\b(?:win|won)\b", re.I)
_WON = re.compile(r"\b(?:won|wins|winner|winning|awarded|received|first place|1st place)\b",
                  re.I)
_NOMINATED = re.compile(r"\b(?:nominat\w*|shortlist\w*|finalists?|runner-up|longlist\w*)\b",
                        re.I)
# Whom the owner reports to, asked ('who is her boss', 'who does he report to'), and the
# words that ask it.
_ASKS_BOSS = re.compile(r"\bwho(?:'s|s| is| was)\s+(?:\w+(?:'s)?\s+){0,2}(?:boss|line manager|"
                        r"manager)\b|\bwho (?:does|did|do) (?:\w+\s+){1,2}report to\b", re.I)
_BOSS_STEMS = frozenset(stems("boss manager line report reports"))
# A line saying whom someone reports to; the owner's, with a role after it ('Reports to the
# CTO'; not 'reported to MAS' of an incident).
_REPORTS_TO = re.compile(r"\breport(?:s|ed|ing)? (?:directly )?to\b", re.I)
_REPORTS_TO_ROLE = re.compile(_REPORTS_TO.pattern + r" (?:the |our |an? |her |his |their )?"
                              r"(?:[\w-]+ ){0,3}(?:CTO|CEO|COO|CIO|CISO|CFO|CPO|VP|vice "
                              r"president|head|director|manager|lead|founder|chief|principal|"
                              r"partner|professor|dean|chair|board)\b", re.I)
# A person's name: two or three capitalised words, or one after a title or an initial.
_PERSON = re.compile(r"\b(?:(?:Prof|Dr|Mr|Ms|Mrs|Mx|[A-Z])\. ?[A-Z][\w'’-]+"
                     r"|[A-Z][a-z\u00e0-\u024f'’-]+(?: [A-Z][a-z\u00e0-\u024f'’-]+){1,2})\b")
# Words asking whether a project's code or demo can be seen ('is the code public').
_SHOWN = frozenset(stems(" ".join(lexicon()["asks"]["shown"])))
# A name of an organisation, a title or a place, not a person ('Royal Institute', 'Julia
# Users Aachen', 'Chief Scientific Officer', 'West End').
_NO_PERSON = [*lexicon()["asks"]["organisations"], *lexicon()["asks"]["titles_and_places"]]
_ORGANISED = re.compile(rf"\b{any_of(_NO_PERSON)}\b")
# A name that ends an organisation's or a title's ('Journal of Computational Physics', 'VP of
# Developer Experience').
_OF_ORGANISED = re.compile(rf"\b{any_of(_NO_PERSON)}\s+(?:of|for|on)\s+(?:the\s+)?$")
_ASKS_COUNTED = re.compile(r"\b(?:which|who)\s+(?:\w+\s+)?\d", re.I)
_NAME_BEFORE = re.compile(r"[A-Z][\w.&-]*(?:\s+\S+)?(?:,|\s+(?:is|was))\s*$")
_NAME_AFTER = re.compile(r"^\s*(?:,|\(|:|called|named)\s*[A-Z]")
# A figure that may be an amount: not part of a name ('Outside-IR35'), nor a percentage
# ('conversion rate went from 1.4% to 2.1%'); in rand, after its R ('R2,450').
_AMOUNT = re.compile(r"(?:(?<![A-Za-z\d.,])|(?<=(?<![A-Za-z])R))\d[\d,.]*(?![\d,.]*\s*%)")
# What a company is or does, asked of it ('what sort of company is Voltaris', 'what does
# Marée do as a company'), not of the owner ('what does she do there').
_ASKS_COMPANY = re.compile(r"\b(?:sort|kind|type)\s+of\s+(?:company|business|firm|employer|"
                           r"organi[sz]ation|place|agency|startup)\b"
                           r"|\bwhat\s+does\s+(?!(?:she|he|they|you|it)\b)[\w-]+"
                           r"(?:\s+[\w-]+)?\s+(?:do|make|sell|build)\b")
_SHARE = re.compile(r"\d\s*%")
_AMOUNT_CHANGED = re.compile(r"\b(?:reduc|cut|lower|decreas|sav|shr[aiu]nk|trim|halv)\w*"
                             r"(?:\s+\w+){0,3}?\s+(?:costs?|spend|spending|bills?|budget)\b")
# Each currency's names ('usd', 'dollars') and signs ('$').
_CURRENCIES = [(re.compile(rf"\b{any_of([f for f in forms if f.isalpha()])}\b", re.I),
                [f for f in forms if not f.isalpha()])
               for forms in lexicon()["fields"]["currencies"]]
# A rate asked by its time ('what is their hourly rate', 'how much is a monthly retainer').
_ASKS_RATE_UNIT = re.compile(r"\b(hourly|daily|weekly|monthly|annual|yearly|hour|day|week|"
                             r"month|year)\s+(?:rates?|fees?|prices?|charges?|retainers?|"
                             r"billing|salary|pay)\b|\b(?:rates?|fees?|charges?|prices?|costs?|"
                             r"charged?|bill(?:s|ed)?|paid|pay)\s+(?:per|an?|by the)\s+"
                             r"(hour|day|week|month|year)\b", re.I)
# A line of what the owner won't do, and questions that ask for it: 'are there industries
# she won't work in', 'would he consider a job at a hedge fund'.
_AVERSION = re.compile(r"\b(?:not interested in|no interest in|not looking for|not open to|"
                       r"rather not|won'?t (?:work|take|"
                       r"consider)|will not (?:work|take|consider)|would not (?:work|take|"
                       r"consider)|does(?: not|n'?t) (?:work (?:for|with|in|on)|take|accept)|"
                       r"never (?:works?|takes?) (?:on|for|with|in)|turns? down|turned down|"
                       r"not taking|refuses? to (?:work|take))\b", re.I)
_ASKS_AVERSE = re.compile(r"\b(?:won'?t|will not|wouldn'?t|would not|refuses? to|not willing "
                          r"to|never)\s+(?:\w+\s+)?(?:work|consider|take|join)\b|"
                          r"\b(?:deal ?breakers?|off[- ]limits|no[- ]go|red lines?)\b|"
                          r"\b(?:industr(?:y|ies)|sectors?|companies|clients|domains|work)\b"
                          r"[\w\s,']{0,40}\b(?:avoid|avoids|not interested|turns? down)\b", re.I)
_ASKS_CONSIDER = re.compile(r"\b(?:would|will|could|might)\s+(?:she|he|they|\w+)\s+"
                            r"(?:\w+\s+)?(?:consider|be interested|be open|work (?:for|in|at)|"
                            r"join|take)\b|\binterested in\b", re.I)
_GENERIC_WORK = frozenset(stems("work job jobs role roles position company companies offer "
                                "consider interested open join take contract contracts "
                                "permanent full time part right one kind sort team"))
# Why a project was made: its story, which its notes tell.
_ASKS_WHY = re.compile(r"\W*(?:why\b|what (?:was|were) the (?:motivation|reason|idea)|"
                       r"what (?:made|led|got|inspired|prompted)\b|"
                       r"how did (?:it|\w+) (?:start|begin|come about)\b)", re.I)
# What a certification is asked in: 'is he ASPICE certified', 'certified in functional
# safety', 'a Google Cloud certification'.
_CERT_OF = re.compile(r"((?:[\w+#.-]+\s+){0,2}[\w+#.-]+)\s+(?:certified|certification|"
                      r"certificate|cert)\b|\bcertified\s+(?:in|as|for)\s+((?:[\w+#.-]+\s*){1,3})",
                      re.I)
_CERTIFIED_TITLE = re.compile(r"\bcertified\s+(?!(?:in|as|for)\b)((?:[\w+#.-]+\s*){1,3})",
                              re.I)
_HOLDS = re.compile(r"\W*(?:is|are|does|do|has|have|did|any)\b|.*\bcertified\b", re.I)
_NOT_NAMING = frozenset("any a an his her their hold holds have has get got professional "
                        "official officially formally formal industry recognised recognized "
                        "relevant other some which what is are does do did".split())
# A rate of pay asked, and a sentence that prices time.
_PER_TIME_ASKED = frozenset(stems("hourly daily"))
_PAY_FOR_TIME = frozenset(stems("day hour week contract contracting freelance consulting "
                                 "charge"))
_PER_TIME = re.compile(r"\b(?:rates?|per|hourly|daily|an? (?:hour|day|week|month)|p/?h|/h|/hr|"
                       r"/day|/d)\b|/(?:h|hr|hour|day|d)\b", re.I)
# The time a rate asked is for: 'per day', 'daily', 'day rate' (d); 'hourly', 'an hour' (h).
_TIME_UNIT = re.compile(r"\b(?:per|an?|by the) (hour|day)\b|\b(day|hour)(?:ly)? rate\b"
                        r"|\b(dai|hour)ly\b", re.I)
# How a line prices each time, by its first letter ('SGD 2,400 per auditor-day': d; not
# 'per 8-hour day': h).
_PRICED_TIMES = (("d", "day", r"/ ?d(?:ay)?\b|\bdaily\b"),
                 ("h", "hour", r"/ ?h(?:r|our)?\b|\bhourly\b"),
                 ("w", "week", r"/ ?wk?\b|\bweekly\b"),
                 ("m", "month", r"/ ?mo(?:nth)?\b|\bmonthly\b"),
                 ("y", "year", r"/ ?yr\b|\b(?:yearly|annual(?:ly)?|per annum)\b"))
_PER_UNIT = {unit: re.compile(rf"\b(?:per|an?) (?:[^\W\d_]+[ -])?{time}\b|{short}", re.I)
             for unit, time, short in _PRICED_TIMES}
_TIME_NAMES = {unit: time for unit, time, _ in _PRICED_TIMES}
# A sum of money written: a currency beside a number ('USD 780', '£550', '780 EUR').
_SUM = re.compile(rf"(?:{MONEY.pattern})\s?\d|\d\s?(?:{MONEY.pattern})", MONEY.flags)
_BUDGET_FOR = re.compile(r"\bbudget\s+(?:for|of)\b", re.I)
_CLAUSE = re.compile(r"(?<=[.;])\s+")
# Words for people counted ('how big was the team', 'how many engineers report to her').
_PEOPLE = frozenset(stems("team teams engineers developers people reports staff employees "
                          "headcount members persons colleagues"))
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|several|half|double|"
    r"twice)\b", re.I)
# A place in a record: 'Game studio in Montréal', 'from the Lisbon office'.
_PLACED = re.compile(r"\b(?:in|at|from|near|to|based|office)\s+(?:the\s+)?"
                     r"([A-Z][a-z\u00e0-\u00ff][\w-]*)")
# 'how many years of experience', 'how long has he been working with video'.
_ASKS_YEARS = re.compile(r"\bhow many years\b(?! (?:was|were|did)\b)|\byears of (?:\w+ )?experi|"
                         r"\b(?:how long|since when) (?:has|have) \w+ been (?:doing|working|"
                         r"writing|in)\b|\bhow long (?:has|have) \w+ (?:\w+ly )?been \w+ing\b",
                         re.I)
# A talk asked for that is still to come: 'when is her next talk'.
_UPCOMING = re.compile(r"\b(?:next|upcoming|future|planned|scheduled)\b", re.I)
# How long the owner did something: 'how long was she a nurse'.
_HOW_LONG = re.compile(r"\bhow (?:long|many years)\b", re.I)
# Words for the whole of a working life: 'how many years in the industry'.
_WHOLE_CAREER = frozenset({"years", "industry", "field", "profession", "professionally",
                           "career", "total", "altogether", "overall"})

# The size of the owner's own team, asked ('how big is his team', 'how big is the team she
# leads') and said ('a platform team of six', 'Leads a 4-person speech team').
_ASKS_OWN_TEAM = re.compile(
    r"\bhow (?:big|large) (?:is|was) (?:his|her|their) (?:current |own )?team\b"
    r"|\bhow (?:big|large) (?:is|was) the team (?:he|she|they) (?:leads?|manages?|runs?|is in"
    r"|works? in|sits? in)\b|\b(?:his|her|their) team(?:'s)? size\b"
    r"|\bsize of (?:his|her|their) team\b"
    r"|\bhow many (?:people|engineers|developers) (?:are )?(?:on|in) (?:his|her|their) team\b",
    re.I)
_TEAM_OF = re.compile(rf"\bteam of {_SMALL_COUNT}\b|\b{_SMALL_COUNT}[- ](?:person|people|strong)"
                      r"\b[^.]*\bteam\b", re.I)
# 'which days does she work', 'what days of the week is he free': a day of the week.
_ASKS_DAYS = re.compile(r"\b(?:which|what)\s+days?\b|\bdays?\s+of\s+the\s+week\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", re.I)
# Hours kept beside another's asked: 'overlap with a team in London', 'keep Berlin office
# hours', 'calls in our morning', 'a team on New York time', 'would her working day line up'.
_ASKS_HOURS = re.compile(
    r"\boverlap|\bkeep (?:[\w-]+ ){0,2}hours\b|\b(?:our|my|their|your) (?:working )?"
    r"(?:hours|mornings?|afternoons?|evenings?|working day|time ?zones?)\b"
    r"|\bline up\b|\bon [\w ]{2,20} time\b|\btoo (?:late|early) for\b", re.I)
# A line that says hours kept, not how long a thing takes ('up to four hours').
_KEPT_HOURS = re.compile(r"\b(?:working|office|business|core|[a-z]+ern|european|american|"
                         r"asian|african|overlap\w*) (?:hours|time|working day)\b|working day\b|"
                         r"\boverlap\w*|\b\d{1,2}(?::\d\d)?\s?(?:am|pm)\b"
                         r"|\b\d{1,2}:\d\d\b", re.I)
_FEW_WORDS = 20  # more, and a message asks more than its hours or how soon they reply
# A time zone asked, and a line of the owner's place, modes, FAQ or notes that gives one
# ('UTC+8', 'CET', 'Latin American time zones').
_ASKS_ZONE = re.compile(r"\btime ?zones?\b", re.I)
_ZONED = ("location", "work_modes", "availability", "faq", "audience")
_ZONE_GIVEN = re.compile(r"\b(?:UTC|GMT)\s?[+−-]\s?\d|\btime ?zones?\b|\b[A-Z]{2,3}[SD]?T\b")
# How soon the owner replies, asked ('how quickly does she get back to people', 'how long
# until I hear back') and said ('replies within two working days', 'a 2-business-day
# response time', 'usually hear back the same evening').
_ASKS_REPLY = re.compile(r"\bhow (?:quickly|fast|soon|long)\b.*\b(?:gets? back|respond\w*|"
                         r"repl(?:y|ies)|hear back|answers? (?:e-?mails?|messages))\b", re.I)
_REPLIES = re.compile(r"\b(?:repl(?:y|ies|ied)|respon(?:d|ds|se)|hears? back|gets? back|"
                      r"acknowledg\w*|answered within|checks? (?:\w+ )?(?:e-?mails?|messages|"
                      r"inbox))\b", re.I)
_REPLY_TIME = re.compile(r"\b(?:within|same|next|once a|\d+|one|two|three|four|five|"
                         r"twenty-four)\b.{0,30}\b(?:hours?|days?|minutes?|evening|morning|"
                         r"afternoon|week)\b|\bsame[- ]day\b|\b\d+-(?:business|working)-day\b",
                         re.I)
# Things made, asked by their kind: 'what sites has he built', 'which client projects have
# they delivered', 'what apps did she make'; not a thing of them ('which studio did she build
# Pebble Drop at', 'what platforms did Ferrovia ship on').
_MADE_KIND = re.compile(r"^\W*(?:what|which)\s+(?:[\w-]+\s+){1,2}(?:has|have|did)\s+\w+\s+"
                        r"(?:built|made|make|build|delivered|deliver|shipped|ship|created|"
                        r"create|launched|launch)(?:\s+(?:so far|before|recently|lately))?\W*$",
                        re.I)
# How long a past thing lasted ('how long was his career break'), and a line that says it: a
# span of dates ('from mid-2023 to mid-2025', '2019 – 2022') or a length ('a three-year').
_ASKS_HOW_LONG = re.compile(r"^\W*how long (?:\w+ )?(?:was|were|did|had)\b", re.I)
# The keys of a table's entry that give when it was, or how long it took.
_DATE_KEYS = frozenset({"date", "dates", "year", "years", "when", "period", "graduated"})
_SPAN_KEYS = frozenset({"length", "duration", "term", "period", "span"})
# 'Which company funded ...', 'what bank was the app for': a question for an organisation.
_WHICH_ORGANISATION = re.compile(
    r"\W*(?:which|what(?:\s+is|['’]s)?\s+the\s+name\s+of\s+the|what)\s+(company|client|"
    r"customer|firm|bank|publisher|investor|funder|sponsor|supplier|vendor|agency|studio|"
    r"insurer|retailer|hospital|charity|university|school|employer|startup)\b", re.I)
# A name asked ('what is her studio called', 'the name of his company').
_NAME_OF_THING = re.compile(r"\bnames? of (?:the|her|his|their|its|[\w-]+['’]s) "
                            r"((?:[\w-]+ ?){1,4})", re.I)
_ASKS_NAME = re.compile(r"\b(?:called|named|name of|what(?:['’]s| is) (?:it|its) name)\b", re.I)
# A way of reaching someone asked ('her phone number', 'his email').
_CONTACT_ASKED = re.compile(r"\b(?:phone|number|e-?mail|contact|address|whatsapp|linkedin|"
                            r"reach)\b", re.I)
# A line that says the name is kept back ('Midwest mutual insurer (under NDA)').
_WITHHELD = re.compile(r"\b(?:under (?:an )?NDA|confidential|undisclosed|unnamed|not named|"
                       r"anonymi[sz]ed|can(?:no|')t (?:be )?name)", re.I)
# A capitalised name inside a sentence, not its first word.
_INNER_NAME = re.compile(r"(?<=[a-z0-9,;()] )[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*)*")
# A line that speaks of talking, and a question that asks for talks given.
_TALKED = re.compile(r"\b(?:talks?|spoke|spoken|speak(?:s|er|ers|ing)?|keynotes?|present"
                     r"(?:s|ed|ing|ations?)?|lectures?|lectured|panels?|panellist|panelist|"
                     r"workshops?|webinars?|sessions?|tutorials?|podcasts?|sermon)\b", re.I)
_ASKS_TALKS = re.compile(r"\b(?:talks?|spoke|spoken|speak|speaking|keynotes?)\b", re.I)
_ASKS_WHOM = re.compile(r"\b(?:ask|contact|talk to|speak to|reach)\b.*\babout\b", re.I)
_SPAN = re.compile(rf"\bfrom (?:\w+[- ])?(?:19|20)\d\d to (?:\w+[- ])?(?:19|20)\d\d\b"
                   rf"|\b(?:19|20)\d\d ?[–-] ?(?:(?:19|20)\d\d|present)\b"
                   rf"|\b{_SMALL_COUNT}[- ](?:years?|months?|weeks?)\b", re.I)
# What the owner does at work, not only where: 'what does he do at his current company'.
_ASKS_DOING = re.compile(r"\bwhat(?: (?:does|do|is|are)|['’]s|s) (?:he|she|they) "
                         r"(?:do|doing|working on)\b", re.I)
# A version asked ('whats the current murmur version', 'which version of WCAG'), and one said
# ('v2.3', 'WCAG 2.2', 'CLDR 45'): a number with a point, or one after a 'v' or a name.
_ASKS_VERSION = re.compile(r"\b(?:which|what|whats|current|latest)\b.*\bversion\b", re.I)
_VERSION = re.compile(r"\bv\d+(?:\.\d+)+\b|\bversion \d+(?:\.\d+)*\b"
                      r"|\b(?P<name>[A-Z][A-Za-z]+) (?:\d+\.\d+(?:\.\d+)?|\d{1,3})\b(?![.,:%]?\d)")
_OLDEST = re.compile(r"\b(?:oldest|earliest|first|newest|lowest|highest|minimum)\b", re.I)
# How fast or how soon ('how quickly does it roll back', 'how much faster did it get'), and a
# time taken ('40 seconds', '1.8 s', 'from 4 minutes to 25 seconds').
_ASKS_SPEED = re.compile(r"\bhow (?:quickly|fast|soon)\b|\bhow much (?:faster|quicker|slower)\b",
                         re.I)
_DURATION = re.compile(r"\b\d[\d.,]*\s*(?:ms|s|secs?|seconds?|minutes?|mins?|hours?|hrs?|days?"
                       r"|weeks?)\b", re.I)
# A location written with its own preposition: 'Between Methven and Mount Somers', 'Near Lyon'.
_PLACED_BY = re.compile(r"(?:between|near|outside|around|just outside|in|on)\b", re.I)
_PLACE_FIRST = re.compile(r"([A-Z][a-z\u00e0-\u00ff][\w-]*)(?:,| \()")
# A question for a date or a time span: 'when was he with the exchange', 'since when'.
_WHEN = re.compile(r"\bwhen\b|\b(?:what|which) years?\b", re.I)
_ASKS_WHEN = re.compile(r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:since |from )?when\s+"
                        r"(?:did|was|were|has|have|had)\b"
                        r"|\b(?:what|which) year\b"  # the date of a past event
                        # or of an ending ('when does his work pass expire')
                        r"|^\W*when\s+(?:does|do|will|is)\b.*\b(?:expires?|lapses?|runs? out"
                        r"|ends?|finish(?:es)?)\b", re.I)
_DATED = re.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS}|ago|since|present|now|today"
                    r"|currently|soon|spring|summer|autumn|winter)\b", re.I)
# When a thing began, and a date that says so: a period's first year, 'since 2019', 'started
# in March 2021', a start or year key; not 'a 2024 pilot' nor 'Expected: 2028'.
_ASKS_START = re.compile(r"\b(?:start|started|begin|began|found|founded|set up)\b", re.I)
_STARTED = re.compile(r"(?:19|20)\d\d\s*[–-]|\b(?:since|from|start\w*|began|begun|founded|"
                      r"created|launched|set up|year)\b\W+(?:[\w,]+\s+){0,3}?(?:19|20)\d\d\b",
                      re.I)
_MONTH_YEAR = re.compile(rf"\b(?:{_MONTHS})\s+(?:19|20)\d\d\b", re.I)
_BEGAN = re.compile(r"\b(?:started|began|begun|born|grew out of|came out of|spun out of)\b",
                    re.I)
_KIND_OF = re.compile(r"\bwhat (?:kind|sort|type|genre) of\b", re.I)
_AT_ONCE = re.compile(r"\b(?:immediately|right away|straight away|asap)\b", re.I)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d", re.I)
_HANDLE = re.compile(r"(?<![\w.])@\w[\w.]*(?:@[\w-]+(?:\.[\w-]+)+)?")  # '@fjellrev@infosec.social'
# A handle without an '@', as a service's users write one: with a dot, an underscore, a
# digit or a '#' in it ('lili.vdk', 'kim_lee#0042').
_BARE_HANDLE = r"[a-z][\w-]*[._#\d][\w.#-]*\w"
_ASKS_MONTH = re.compile(r"\b(?:which|what) month\b|\bexact date\b", re.I)
# A month by name ('March', 'Sept'), or in a full date ('2017-09-01', '03/2021').
_MONTH_NAMED = re.compile(rf"\b(?:{_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
                          r"|\b\d{4}-\d\d\b|\b\d\d?/\d{4}\b", re.I)
# What a broad question leads with for each visitor type when the profile sets no focus.
DEFAULT_FOCUS = {
    "recruiter": ("availability", "location", "contact"),
    "hiring_manager": ("impact", "experience"),
    "peer": ("stack", "code"),
}
_FOCUS_WORDS = {  # a focus entry in the profile, by the words it may use
    "availability": ("availab", "status", "open", "hire", "notice", "start"),
    "location": ("location", "based", "where", "relocat"),
    "work_mode": ("remote", "work mode", "hybrid", "on-site"),
    "contact": ("contact", "email", "reach"),
    "impact": ("impact", "highlight", "achievement", "result", "outcome"),
    "experience": ("experience", "career", "role", "job", "work history"),
    "projects": ("project", "portfolio", "built"),
    "stack": ("skill", "stack", "tech", "tool"),
    "code": ("code", "github", "link", "open source", "repo"),
}
_OPEN_SOURCE = frozenset(stems("open source"))
_NATIVE = re.compile(r"\b(?:native|mother tongue|first language)\b", re.I)
# How many entries of an owner's list an answer gives.
_FEW = 4
_OVERVIEW = 3  # projects given with what they are in a list of them all
_CODE_HOSTS = frozenset({"github", "gitlab", "codeberg"})  # link keys where code is found
# Ways of getting in touch a profile may lack ('can I just phone him').
_CONTACT_WAYS = frozenset(stems("phone telephone call ring mobile cell whatsapp sms text telegram "
                                "signal skype"))
_PLACES_TYPED = re.compile(r"\b(?:in|near|around)\s+([a-z]{3,})\b")
# Intents answered with a list of the profile's projects, jobs or skills.
_LISTS = ("projects", "experience", "skills")
# Intents answered by one field of the profile (availability, notice, place, work modes).
_FIELDS = ("availability", "notice", "location", "work_mode")
# Intents whose answer is one field asked for by name: never swapped for a fact elsewhere.
_WHEN_OWN = ("greeting", "thanks", "contact", "availability", "notice", "relocation",
             "work_mode", "location")
_OWN_WORDS = ("greeting", "thanks", "contact", "faq")
LINK_LABELS = {"github": "GitHub", "gitlab": "GitLab", "linkedin": "LinkedIn", "cv": "CV",
               "resume": "Résumé", "website": "Website", "blog": "Blog", "kaggle": "Kaggle",
               "mastodon": "Mastodon", "twitter": "Twitter", "scholar": "Google Scholar",
               "orcid": "ORCID", "bluesky": "Bluesky", "youtube": "YouTube",
               "huggingface": "Hugging Face", "stackoverflow": "Stack Overflow",
               "codepen": "CodePen", "whatsapp": "WhatsApp", "wechat": "WeChat",
               "tiktok": "TikTok"}


@dataclass(frozen=True)
class OfflineAnswer:
    """An offline answer and what it rests on."""

    text: str
    answered: bool  # False when the profile doesn't cover the question
    intent: str
    sources: tuple[str, ...] = ()  # project names, "Role at Company", "FAQ", "profile", ...


class Composer:
    """Writes answers about one profile's owner."""

    def __init__(self, profile: Profile, facts: Sequence[Fact]):
        self.profile = profile
        self.first = profile.first_name
        self.latest = latest_job(profile.experience)
        self.earliest = profile.experience[job_order(profile.experience)[0]] \
            if profile.experience else None
        self.items = table_items(profile)  # as the Understander numbers them (Query.items)
        self.facts = facts  # the profile's fact units, as the index has them
        # The owner's own lines that count their years ('Six years as a nurse'), each with
        # where its count ends.
        self.years_counted = [(f, m.end()) for f in facts
                              if f.kind in ("summary", "headline", "faq", "audience")
                              and (m := _N_YEARS.search(f.text))]
        # And the lines that say since when ('Writing Rust professionally since 2017'), with
        # their stems.
        self.since_lines = [(f, set(stems(f.text))) for f in facts if _SINCE_YEAR.search(f.text)]
        # The lines that size a team the owner is in or leads, the latest job's first.
        latest = profile.experience.index(self.latest) if self.latest else -1
        self.team_lines = sorted((f for f in facts if _TEAM_OF.search(f.text)),
                                 key=lambda f: f.job != latest)
        self.links = all_links(profile)
        self.blog_keys = frozenset(["newsletter", *lexicon()["links"]["blog"]])
        # The owner's own list of the languages they speak ('[owner] languages = [...]').
        self.spoken_list = tuple(f for f in facts if f.project < 0 and f.job < 0 and re.search(
            r"(?:^|\.)(?:spoken_)?languages$", f.section))
        self.code_hosts = tuple(lexicon()["hosts"]["code"])
        self.kinds = {k: frozenset(v) for k, v in lexicon()["skill_kinds"].items()}
        # Words the profile writes as names ('Singapore', 'Leeds'), as stems.
        self.proper = frozenset(stem(fold(w)) for w in re.findall(
            r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z\u00e0-\u00ff]+", _profile_text(profile)))
        degrees = lexicon()["degrees"]
        self.degree_parts = [frozenset(ws) for ws in degrees["parts"]]
        self.degree_levels = [frozenset(degrees[k]) for k in ("bachelor", "master", "doctorate")]
        self.degree_words = frozenset({"degree", "degrees", "diploma"}).union(
            *self.degree_levels)
        # A job's lines are of its role too: 'Thesis: ...' of the PhD candidate job.
        self.degree_facts = [set(words(f"{f.text} {f.keys} {self._role_of(f)}"))
                             for f in self.facts]
        # Names in the profile that are no person's (_nobody): projects, employers, entries
        # of its tables, skills, places, and the owner.
        self.not_people = frozenset(fold(m.group(0)) for m in _PERSON.finditer("\n".join(
            [*(p.name for p in profile.projects), *(j.company for j in profile.experience),
             *(j.role for j in profile.experience),
             *(n for item in self.items for n in item.names), profile.owner.name,
             profile.owner.location or "",
             *(s for g in profile.skills.values() for s in g)])))
        # The first names of other people the profile names ('Jonas Peeraer, a QA tester').
        # (Words the profile also writes in lower case are no names: 'Applied Science'.)
        said = "\n".join(f.text for f in facts)
        lower = set(re.findall(r"\b[a-z][\w'’-]*", said))
        self.others = frozenset(
            w for m in _PERSON.finditer(said) if fold(m.group(0)) not in self.not_people
            and not _ORGANISED.search(m.group(0)) and " " in m.group(0)
            and (w := fold(m.group(0).split()[0])) not in STOPWORDS and w not in lower) \
            - {fold(self.first)}
        self.listed = frozenset(fold(re.sub(r"\(.*?\)", "", s)).strip()
                                for g in profile.skills.values() for s in g) - {""}
        self.amount = frozenset(lexicon()["fields"]["amount"])
        # The FAQ entries that price something: a question in amount words ('What do you
        # charge?') with a sum of money in its answer.
        # (A sum: 'I quote in GBP, USD or CHF on request' names currencies and prices nothing.)
        self.priced = [f.answer for f in profile.faq if self.amount & set(words(f.question))
                       and MONEY.search(f.answer) and _AMOUNT.search(f.answer)]
        # Of those, what the owner charges (not a salary): 'What are your rates?'.
        self.charge_words = frozenset(lexicon()["fields"]["charging"])
        self.charging = [f.answer for f in profile.faq
                         if self.charge_words & set(words(f.question)) and MONEY.search(f.answer)
                         and _AMOUNT.search(f.answer)]
        # The owner's own keys in their contact table, beside the email and links.
        self.contact_notes = [f for f in facts if f.kind == "extra"
                              and f.section.startswith("contact.")]
        # The lines that price the owner's time in the words of a charge ('Day rate: €820
        # per day'; not 'paid SGD 40 per hour of recording' to others).
        self.time_rates = [f for f in facts if MONEY.search(f.text) and _AMOUNT.search(f.text)
                           and _PER_TIME.search(f.text) and f.project < 0
                           and self.charge_words & set(words(fold(searched(f))))]
        # Of those, the owner's prices: a sum under a label of charging ('Day rate: USD 780
        # per day', 'Pricing: Fixed price, CAD 3,200 per workshop day'; not 'About EUR
        # 6,400 a month before fees' of sponsors), those that price a day or an hour first.
        self.charge_stems = frozenset(stem(w) for w in self.charge_words)
        self.prices = sorted(
            (f for f in self.time_rates if f.job < 0 and _SUM.search(f.text)
             and self.charge_words & set(words(fold(f"{f.text.rpartition(': ')[0]} "
                                                    f"{f.section}")))),
            key=lambda f: not any(p.search(f.text) for p in _PER_UNIT.values()))
        # The owner's lines on the hours they keep, best first: those that say hours or an
        # overlap ('He can cover UK and Central European working hours'), then those that
        # give only a time zone ('Manila, Philippines (UTC+8)'); no length of time ('a
        # take-home of up to four hours').
        self.hours_lines = sorted(
            (f for f in facts if f.project < 0 and f.job < 0 and (
                _KEPT_HOURS.search(f.text) and f.kind not in ("link", "email", "skills")
                or _ZONE_GIVEN.search(f.text) and f.kind in _ZONED)),
            key=lambda f: not _KEPT_HOURS.search(f.text))
        # The owner's lines on how soon they reply ('she replies within two working days',
        # 'Acknowledge within 60 minutes'), with the time they take.
        self.reply_lines = [f for f in facts if f.project < 0 and f.job < 0
                            and f.kind not in ("link", "email")
                            and _REPLIES.search(f.text) and _REPLY_TIME.search(f.text)]
        # The lines that say whom the owner reports to ('Reports to the CTO'; not 'reported
        # to MAS' of an incident), their own before a job's, then by the jobs' order.
        self.reporting = sorted((f for f in facts if f.project < 0
                                 and _REPORTS_TO_ROLE.search(f.text)), key=lambda f: f.job)
        # What the owner won't do or take on: 'not interested in crypto or gambling'.
        self.aversions = [f for f in facts if _AVERSION.search(f"{f.text} {f.question}")]
        # Every line naming a certification: a key of that name, an FAQ answer, a highlight.
        self.certifications = [f.text for f in facts if "certif" in fold(f.text)
                               or "cert" in fold(f.section)]
        self.kinds_of = {k: [" ".join(words(n)) for n in v]
                         for table in ("kinds", "skill_kinds") for k, v in lexicon()[table].items()}
        self.owner_words = frozenset(words(f"{profile.owner.name} {profile.owner.pronouns or ''}"))
        self.required = frozenset(stem(w) for w in lexicon()["fields"]["required"])
        self.impact_asked = frozenset(stem(w) for w in lexicon()["words"]["impact"])
        self.field_only = frozenset(stem(w) for w in lexicon()["fields"]["field_only"])
        # Kinds of engagement the profile never names in any of their words.
        text = "\n".join(f"{f.text} {f.keys}" for f in self.facts)
        self.unoffered = [_phrases(kind) for kind in lexicon()["fields"]["engagements"]
                          if not _phrases(kind).search(text)]
        self.remote = frozenset(stems(" ".join(lexicon()["intents"]["work_mode"]))) - STOPWORDS
        # Topics a project or job may say in other words of the same topic.
        self.topic_cues = [frozenset(stems(" ".join(lexicon()["intents"][i]))) - STOPWORDS
                           for i in ("work_mode", *NAMED_TOPICS)]
        self.link_words = frozenset(stems(" ".join(lexicon()["aspects"]["link"])))
        self.tech_words = frozenset(stems(" ".join(lexicon()["aspects"]["tech"])))
        self.key_cues = {stem(k): frozenset(stems(" ".join(v)))
                         for k, v in lexicon()["keys"].items()}
        self.things = frozenset(stems(" ".join(lexicon()["words"]["things"])))
        self.firm_words = frozenset(lexicon()["words"]["firm"])
        # Each job's own words: its title, its employer and every line of it.
        self.job_stems = [frozenset(stems(" ".join([j.role, j.company, *(
            f.text for f in facts if f.job == i)]))) for i, j in enumerate(profile.experience)]
        self.places = frozenset(stems(" ".join(lexicon()["intents"]["location"])))
        self.mode_words = frozenset(fold(w) for w in lexicon()["intents"]["work_mode"])
        self.job_words = frozenset(stems(" ".join(lexicon()["intents"]["experience"])))
        self.by_intent: dict[str, Callable[[Query, Retrieved, Visitor], OfflineAnswer]] = {
            "greeting": self._greeting, "thanks": self._thanks, "contact": self._contact,
            "availability": self._availability, "location": self._location,
            "work_mode": self._work_mode, "notice": self._notice, "skills": self._skills,
            "skill": self._skill, "projects": self._projects, "project": self._project,
            "experience": self._experience, "job": self._job, "overview": self._overview,
            "faq": self._faq_intent,
        }

    def compose(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        """The answer to `q` from the facts found, for this visitor; what the owner won't
        take on first when the question asks whether they would."""
        asks_averse = bool(_ASKS_AVERSE.search(q.text))
        averse = self._averse(q, asks_averse)
        if averse is not None and asks_averse:
            return averse  # 'are there industries she won't work in'
        if _ASKS_HOW_LONG.search(q.text):  # the lines that say how long, first
            found = replace(found, covering=tuple(sorted(
                found.covering, key=lambda f: not _SPAN.search(f.text))))
        if _ASKS_HOURS.search(q.text) and not (q.projects or q.jobs) and self.hours_lines \
                and len(q.text.split()) <= _FEW_WORDS:
            # 'could he overlap with a team in London', 'can she do calls in our morning': the
            # owner's hours, whatever place the visitor names. (Not of a long message that
            # asks more: 'our team sits on Eastern time ... when could he start?')
            # Asked by time zone, the lines that give one first.
            said, kept = _content_stems(q.text), _KEPT_HOURS
            if _ASKS_ZONE.search(q.text):
                kept = _ZONE_GIVEN
            lines = sorted(self.hours_lines, key=lambda f: (
                not kept.search(f.text), kept is _ZONE_GIVEN and f.kind != "location",
                -_shared(said, f)))[:2]
            return OfflineAnswer("\n".join(f"- {_cite(f)}" for f in lines) if len(lines) > 1
                                 else _cite(lines[0]), True, q.intent, _sources(lines))
        if len(q.text.split()) <= _FEW_WORDS and self.reply_lines \
                and not (q.projects or q.jobs) and _ASKS_REPLY.search(q.text):
            # 'how quickly does she get back to people', 'if I'm on the retainer, how soon
            # will she respond': the owner's line on how soon they reply, of what is asked.
            # Of a plan or a retainer named, that one's; else the owner's contact note first.
            said = _content_stems(q.text)
            best = min(self.reply_lines, key=lambda f: (
                -_shared(said, f), not f.section.startswith("contact")))
            return OfflineAnswer(_cite(best), True, q.intent, _sources([best]))
        if _ASKS_BOSS.search(q.text) and (bosses := [
                f for f in self.reporting if not q.jobs or f.job in q.jobs
                if set(q.topic) - _BOSS_STEMS <= set(stems(f"{f.text} {f.source}"))]):
            # 'who is her boss', 'who does he report to': the line that says so, of the job
            # or firm named if one is (a manager at Nimbara is none at Tessellate).
            return OfflineAnswer(_cite(bosses[0]), True, "job", _sources(bosses[:1]))
        if _ASKS_DAYS.search(q.text) and (days := self._weekdays(q, found)):
            # 'which days of the week does he work': the lines that name a day.
            return OfflineAnswer("\n".join(f"- {_cite(f)}" for f in days) if len(days) > 1
                                 else _cite(days[0]), True, q.intent, _sources(days))
        answer = self._unwon(self._compose(q, found, visitor), q)
        if averse is None:
            return answer
        if not answer.answered:
            return averse
        if averse.text in answer.text:
            return answer
        return replace(answer, text=f"{averse.text}\n\n{answer.text}",
                       sources=tuple(dict.fromkeys([*averse.sources, *answer.sources])))

    def _weekdays(self, q: Query, found: Retrieved) -> list[Fact]:
        """The lines found that name a day of the week, else the owner's own that do (the
        owner's hours), two at most."""
        named = [f for f in found.covering if _WEEKDAY.search(f.text)] or [
            f for f in self.facts if _WEEKDAY.search(f.text) and f.project < 0 and f.job < 0]
        return named[:2]

    def _compose(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        if q.injection:
            return OfflineAnswer(self._scope(), False, "unknown")
        if q.stranger and q.intent != "contact":
            # 'Where does R. de Groot work?': of a co-author, a colleague, not of the owner.
            named = [f.text for f in self.facts if f" {fold(q.stranger.split()[-1])} "
                     in f" {' '.join(words(fold(f.text)))} "]
            return self._not_covered(q.intent, f"that about {q.stranger}", (named or [""])[0])
        if q.items and not q.projects and not q.jobs:
            return self._nobody(self._item(q), q)
        if q.before and self.earliest:
            # 'what did she do before 2017' when her earliest job begins then: not covered,
            # and the earliest job is what it does say.
            return self._not_covered(q.intent, f"what {self.first} did before {q.before}",
                                     self._job_line(self.earliest) + ".")
        if len(q.projects) == 1 and _ASKS_WHY.match(q.text) and (story := _story(
                p := self.profile.projects[q.projects[0]])):
            # 'why did he write it in the first place', 'what was the motivation for it,
            # rather than an existing platform', 'how did it start out': its notes tell its
            # story, and a highlight on how it began.
            told = [f"- {x}" for x in story]
            return OfflineAnswer("\n".join([f"**{p.name}**:", *told]), True, "project",
                                 (p.name,))
        if _ASKS_YEARS.search(q.text) and not q.projects and set(q.missing) <= _WHOLE_CAREER \
                and not q.span \
                and (counted := self._years_said(q)):
            # 'how many years of firmware experience': the owner's own count of them, not
            # the one job the word names.
            return OfflineAnswer(_cite(counted), True, "experience", _sources([counted]))
        if _ASKS_VERSION.search(q.text) and (versioned := self._versioned(q)):
            # 'whats the current murmur version': the line that gives one, of the thing asked.
            return OfflineAnswer(_cite(versioned), True, q.intent, _sources([versioned]))
        if _ASKS_OWN_TEAM.search(q.text) and not q.projects and (sized := [
                f for f in self.team_lines if (not q.jobs or f.job in q.jobs)
                and set(q.topic) - _PEOPLE <= set(stems(f"{f.text} {f.source}"))]):
            # 'how big is his team': the line sizing it ('Leads a platform team of six'),
            # not a line that counts other teams ('used by 31 product teams'); of the job a
            # word names, if any ('his team at Alpentrack' is no team at Signalis).
            return OfflineAnswer(_cite(sized[0]), True, "job", _sources(sized[:1]))
        if q.missing and q.skills and q.intent in ("skill", "skills") \
                and set(q.missing) <= tool_names() and _ALTERNATIVES.search(q.text):
            # 'does he use aws or google cloud': the one listed, and the others not.
            answer = self.by_intent[q.intent](replace(q, missing=()), found, visitor)
            if answer.answered:
                lacking = " or ".join(_as_typed(q.text, w) for w in q.missing)
                return replace(answer, text=f"{answer.text}\n\nThe profile doesn't list "
                                            f"{lacking}.")
        charged = set(q.missing) <= self.charge_words if q.missing else \
            q.wants_amount and bool(self.charge_words & set(words(fold(q.text)))) \
            and not any(MONEY.search(f.text) for f in found.covering[:3])
        if charged and len(self.charging) == 1 and not (q.projects or q.jobs or q.skills) \
                and (not _asks_per_time(q) or _PER_TIME.search(self.charging[0])):
            # 'rates?' of an owner whose FAQ asks 'What do you charge?' with a sum; 'what's
            # his day rate' too, when the facts with the word give no sum ('add-to-cart rate').
            return self._rate_unit(OfflineAnswer(self.charging[0], True, "faq", ("FAQ",)), q)
        unit = _TIME_UNIT.search(q.text)
        if q.wants_amount and unit and (rates := [
                f for f in self.time_rates if re.search(
                    _PER_UNIT[next(g for g in unit.groups() if g)[0].lower()], f.text)]) \
                and not (q.missing or q.projects or q.jobs or q.skills or q.someone) \
                and not self.others & set(words(fold(q.text))):
            # 'What would she charge per day in US dollars?': the owner's line pricing that
            # time ('Day rate: €820 / £710 / US$890 per day'; no day rate for 'hourly'),
            # whatever words found other lines; in the currency asked, if one is.
            rates.sort(key=lambda f: not _in_currency_asked(q.text, f.text))
            return OfflineAnswer(_cite(rates[0]), True, q.intent, _sources(rates[:1]))
        if q.wants_amount and self.prices and set(q.topic) <= self.charge_stems \
                and not (q.missing or q.projects or q.jobs or q.skills or q.someone):
            # 'how much does she charge', 'rates?': the owner's prices, whatever else the
            # words found ('he charges no VAT').
            lines = self.prices[:3]
            return OfflineAnswer("\n".join(f"- {_cite(f)}" for f in lines) if len(lines) > 1
                                 else _cite(lines[0]), True, q.intent, _sources(lines))
        if q.missing and q.intent not in ("greeting", "thanks"):
            return self._beside(q, found, visitor)
        if q.world:  # 'what is MLIR used for': what the profile says of it, not the world
            skills = [f"{label} is one of {self.first}'s skills" for label in q.skills]
            return self._not_covered(q.intent, "that", "; ".join(skills) or self._related(found))
        if q.lacks:
            return self._kept_elsewhere(q)
        if q.besides and q.intent == "skills" and (other := self._other_skills(q)):
            return other
        if q.wants_number and not q.projects and not q.jobs and not q.missing_links \
                and not self._field_counts(q, found, visitor):
            # (Not of a service the profile lacks: 'subscribers on his YouTube channel' are
            # no newsletter's.)
            figures = [f for f in found.covering
                       if has_figure(f.text) or counts(f.text, q.detail)]
            if q.wants_amount:  # 'how much per hour': a sum of money before '6 pm ET'
                figures.sort(key=lambda f: not MONEY.search(f.text))
            faq = self.profile.faq[q.faq].answer if q.faq >= 0 else ""
            if figures and not has_figure(faq):
                # 'how many ...': the fact with the figure, whatever the cue words, unless
                # the owner's own answer gives one.
                return self._figure(OfflineAnswer(_cite(figures[0]), True, q.intent,
                                                  _sources(figures[:1])), q)
        # Where the owner is: the location first, an FAQ on time zones after it; so the
        # languages they speak, their list first, an FAQ on working in them after it.
        placed = q.intent == "location" and bool(self.profile.owner.location) \
            or q.intent == "languages" and bool(self.spoken_list) and _asks_spoken(q)
        if placed and q.faq >= 0:
            q = replace(q, faq=-1, faq_topic=q.faq)
        if q.faq >= 0 and _ASKS_HOW_LONG.search(q.text) and found.covering \
                and _SPAN.search(found.covering[0].text) \
                and not _SPAN.search(self.profile.faq[q.faq].answer):
            # 'how long was his career break': the line with its span, not the FAQ on why.
            q = replace(q, faq=-1, faq_topic=q.faq)
        if q.faq >= 0 and (q.intent not in ("greeting", "thanks", "contact", "overview",
                                            "project", "job", "skill", "projects")
                           or self._why_of_skill(q)):
            answer = self._checked(self._with_faq(q), q, (self._figure, self._unsized,
                                                          self._moved_to, self._undated,
                                                          self._monthless, self._certified,
                                                          self._nobody, self._rate_unit))
            return self._also(answer, q, found, visitor)
        if q.owner_key and not q.missing:
            return self._also(self._owner_key(q), q, found, visitor)
        make = self._table if self._lists(q, found) else self.by_intent.get(q.intent,
                                                                             self._topical)
        answer = self._checked(self._on_topic(make(q, found, visitor), q, found), q,
                               (self._figure, self._unsized, self._headcount, self._count,
                                self._of_the_firm, self._organisation, self._talked,
                                self._other_year, self._someones_contact, self._buyer,
                                self._rate_unit))
        if q.faq_topic >= 0 and answer.answered:  # the owner's own word on the topic
            said = self.profile.faq[q.faq_topic].answer
            if said not in answer.text:
                answer = replace(answer, text=f"{answer.text}\n\n{said}",
                                 sources=(*answer.sources, "FAQ"))
        answer = self._checked(answer, q, (self._years_as, self._upcoming, self._moved_to,
                                           self._degree_part,
                                           self._kind_named,
                                           self._named, self._keyed, self._undated,
                                           self._monthless,
                                           self._unoffered,
                                           self._only_counted, self._nobody,
                                           self._certified))
        return self._also(answer, q, found, visitor)

    def _versioned(self, q: Query) -> Fact | None:
        """The first line giving a version of the project named, or of the thing the
        question's other words name (all of them in the line, its FAQ question included)."""
        need = set(q.topic) - {stem("version")}
        if not q.projects and not need or _OLDEST.search(q.text):
            return None
        asked = set(stems(q.text))
        names = [set(stems(self.profile.projects[i].name)) for i in q.projects]
        return next((f for f in self.facts if any(
            not m.group("name") or stem(fold(m.group("name"))) in asked
            for m in _VERSION.finditer(f.text)) and (
            f.project in q.projects or any(n <= set(stems(searched(f))) for n in names)
            if q.projects else need <= set(stems(searched(f))))), None)

    def _field_counts(self, q: Query, found: Retrieved, visitor: Visitor) -> bool:
        """True when the owner's own field asked (work modes, availability...) counts what a
        'how many' asks: 'how many days a week in an office' is 'up to 3 days in the
        office', whatever a 'demo day' line elsewhere says."""
        if q.intent not in PRACTICAL or not q.detail:
            return False
        own = self.by_intent.get(q.intent, self._topical)(q, found, visitor)
        return own.answered and counts(own.text, q.detail)

    def _years_as(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'how long was she a nurse', a job found by its role, with the
        owner's own count of years in it ('Six years as a registered nurse'), if any."""
        if not answer.answered or len(q.jobs) != 1 or not _HOW_LONG.search(q.text):
            return answer
        role = set(stems(self.profile.experience[q.jobs[0]].role)) - STOPWORDS
        if not role & set(q.terms):  # 'how many years was she at Coldwater': its period
            return answer
        counted = [f for f, end in self.years_counted
                   if role & set(stems(f.text[end:end + 40]))]
        if not counted or counted[0].text in answer.text:
            return answer
        return replace(answer, text=f"{_cite(counted[0])}\n\n{answer.text}")

    def _years_said(self, q: Query) -> Fact | None:
        """The owner's line that counts their years of work, the one sharing most of the
        question's words ('nine years of firmware'), or None."""
        counted = [f for f, _ in self.years_counted]
        asked = set(q.topic)
        # Of a skill named, the line that says since when the owner has used it ('Writing
        # Rust professionally since 2017'), before any count of their whole career.
        skill = {s for label in q.skills for s in stems(re.sub(r"\(.*?\)", "", label))}
        since = next((f for f, said in self.since_lines if skill and skill <= said), None)
        if since:
            return since
        best = max(counted, key=lambda f: len(asked & set(stems(f.text))), default=None)
        if best and asked & set(stems(best.text)) or skill \
                or re.search(r"\bhow many years\b", q.text, re.I):  # a count, if one
            return best
        # Else a line saying since when that shares a word typed ('coding daily since
        # January 2025' for 'how long has she been coding'), before a count of other years.
        typed = set(stems(" ".join(w for w in words(fold(q.text)) if w not in STOPWORDS))) \
            - _HOW_LONG_WORDS - self.owner_words
        return max((f for f, said in self.since_lines if typed & said),
                   key=lambda f: len(typed & set(stems(f.text))), default=best)

    @staticmethod
    def _checked(answer: OfflineAnswer, q: Query,
                 checks: Sequence[Callable[[OfflineAnswer, Query], OfflineAnswer]]
                 ) -> OfflineAnswer:
        """`answer` after each check in turn; a check may turn it into 'not covered' (a name
        only described, a date or an amount the facts do not give) or add to it."""
        for check in checks:
            answer = check(answer, q)
        return answer

    def _beside(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        """A message refused over a word the profile lacks. A long one's practical asks still
        get their answers, one short line each, before what it does not cover; then those
        answers are most of what it does say, beside one neighbouring fact at most (a message
        asking three things and naming a stranger is no call for six facts). Still not
        covered as a whole, with the contact."""
        asks = [i for i in dict.fromkeys((q.intent, *q.also)) if i in PRACTICAL]
        lines = self._asks(replace(q, missing=()), asks, found, visitor, [])[0] \
            if q.also and asks else []
        refused = self._missing(q, found, beside=bool(lines))
        return replace(refused, text="\n\n".join([*lines, refused.text]))

    def _figure(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to a question for an amount (a rate, a salary, a price), unless it
        gives no figure: then the profile doesn't cover the amount, and says what it does."""
        # A rate asked ('day rate', 'hourly') is given only by a sentence that prices time:
        # a salary is no day rate ('£70,000 for a permanent role. For contracts the rate is
        # negotiable').
        per_time = _asks_per_time(q)
        # A cost made smaller ('has he reduced MIPS costs, by how much') is given by a share.
        changed = bool(_AMOUNT_CHANGED.search(fold(q.text)))
        if not q.wants_amount or not answer.answered or q.also or any(
                _AMOUNT.search(_YEAR.sub("", part))
                and (MONEY.search(part) or self.amount & set(words(part)))
                and (not per_time or _PER_TIME.search(part)) or changed and _SHARE.search(part)
                for line in answer.text.splitlines() for part in _CLAUSE.split(line)):
            return answer
        if q.faq >= 0 and self.amount & set(words(self.profile.faq[q.faq].question)) \
                and has_figure(answer.text) and not per_time:
            return answer  # the owner's answer to 'What salary ...?'
        if len(self.priced) == 1 and (self.charge_words & set(words(q.text))
                                      or _BUDGET_FOR.search(q.text)) \
                and not (q.projects or q.jobs or q.skills or per_time):
            # 'what would a simple website cost me', 'a ballpark budget for a small app', of a
            # studio whose FAQ prices its work; not 'has he owned a budget'.
            return OfflineAnswer(self.priced[0], True, q.intent, ("FAQ",))
        # What the profile says of the amount without giving it ('a day rate agreed per
        # project'); nothing that merely has a number ('4.8-star average').
        said = next((x.lstrip("- ") for x in answer.text.splitlines()
                     if self.amount & set(words(x)) and len(x) < 200), "")
        return self._not_covered(q.intent, "the amount", said)

    def _unsized(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'how big a relocation package', 'how many X', unless it speaks of
        the thing asked only as 'a ...' with no number ('only with a relocation package'):
        then the profile doesn't cover how big, and says what it does."""
        if not q.wants_number or not answer.answered or q.also \
                or answer.intent == "job" and q.span:
            return answer  # 'how many years was she at Kijani': its period says
        said, _ = _unnamed(answer.text, set(q.asked), definite=False)
        if not said and q.detail and answer.intent not in (*_LISTS, *NAMED_TOPICS, "languages") \
                and not has_figure(answer.text) and not _NUMBER_WORD.search(answer.text):
            # 'how many followers does he have on github': a link, of no followers nor number;
            # 'how many downloads': a line on how chapters download, with no number.
            lines = [x for x in answer.text.splitlines() if x.strip()
                     and not x.rstrip().endswith(":")] or answer.text.splitlines()
            return self._not_covered(answer.intent, f"how many {_as_typed(q.text, q.detail)}",
                                     lines[0].lstrip("- "))
        if not said or has_figure(said) or _NUMBER_WORD.search(said):
            return answer  # 'a team of five'
        return self._not_covered(answer.intent, "how big or how many", said.lstrip("- "))

    def _of_the_firm(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'which customers does Qlyph sell to', 'who invested in Fantail', of
        a job named by its employer, unless that job's own lines say it: the profile doesn't
        cover the company's customers, investors or VAT number because it names the firm."""
        if not answer.answered or q.also or len(q.jobs) != 1 or answer.intent != "job" \
                or _ASKS_WHOM.search(q.text):  # 'who do I ask about Qlyph's investors'
            return answer
        asked = [w for w in words(q.text) if w in self.firm_words
                 and stem(w) not in self.job_stems[q.jobs[0]]]
        if not asked:
            return answer
        return self._not_covered(answer.intent, _as_typed(q.text, asked[0]),
                                 _lead_line(answer.text))

    def _organisation(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'which company funded Tortoise', 'which bank was the app for', of a
        project or job, unless it names something the question does not: a capitalised name
        inside a sentence that is no skill or tool. Else the profile doesn't cover which."""
        m = _WHICH_ORGANISATION.match(q.text)
        if not m or not answer.answered or q.also or answer.intent not in ("project", "job"):
            return answer
        asked = set(words(q.text))
        for line in answer.text.splitlines():
            if _WITHHELD.search(line):
                continue
            for inner in _INNER_NAME.finditer(line):
                name = inner.group()
                said = [w for w in words(name) if w not in asked]
                # Not a currency or a unit before its figure ('about USD 6 billion').
                if said and len(name) > 1 and fold(name) not in self.listed \
                        and not set(said) <= tool_names() \
                        and not re.match(r"\s?\d", line[inner.end():]):
                    return answer
        return self._not_covered(answer.intent, f"which {m.group(1).lower()}",
                                 _lead_line(answer.text))

    def _buyer(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'who bought Paylane', 'which Toronto company acquired it', unless
        the line the profile sells it in names the buyer ('acquired by Shopify'). A line that
        sells it to no one named ('acquired by a larger Toronto firm', 'when it was bought')
        is all the profile says: it doesn't cover who."""
        if not _BUYER_ASKED.search(q.text) or q.also:
            return answer
        named = set(words(q.text))
        lines = [f for f in self.facts if _SOLD.search(f.text)
                 and (f.job in q.jobs or f.project in q.projects
                      or named & set(words(f.text)) - STOPWORDS - _BUYER_WORDS)]
        if not lines or any(_SOLD_TO_NAMED.search(f.text) for f in lines):
            return answer
        return self._not_covered(answer.intent, "who bought it", _cite(lines[0]))

    def _rate_unit(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'what is their hourly rate', unless it prices no hour: a rate per
        day (or a month's retainer) is no hourly one, though one may be worked out from it.
        An answer that prices no time, or names no amount, is left as it is."""
        m = _ASKS_RATE_UNIT.search(q.text)
        if not m or not answer.answered or q.also or not _AMOUNT.search(answer.text):
            return answer
        asked = (m.group(1) or m.group(2)).lower()
        unit = "y" if asked == "annual" else asked[0]
        priced = {u for u, per in _PER_UNIT.items() if per.search(answer.text)}
        if not priced or unit in priced:
            return answer
        return self._not_covered(answer.intent, f"a rate per {_TIME_NAMES[unit]}",
                                 _lead_line(answer.text))

    def _talked(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'has he given any talks', unless a line of it speaks of talking:
        a meetup co-organised is no talk given. Else the profile doesn't cover talks."""
        if answer.intent != "talks" or not answer.answered or q.also \
                or not _ASKS_TALKS.search(q.text) or _TALKED.search(answer.text):
            return answer
        return self._not_covered(answer.intent, "talks", _lead_line(answer.text))

    def _someones_contact(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer, unless it is asked for the contact details of someone else the owner
        names ('what's Aroha Tipene's phone number', 'Saskia's email'): those the profile
        doesn't cover."""
        if not q.someone or not answer.answered \
                or answer.intent != "contact" and not _CONTACT_ASKED.search(q.text):
            return answer
        return self._not_covered("contact", f"{q.someone} contact details")

    def _other_year(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'did he present at SHARE in 2015', 'her FOSS4G talk in 2022', of a
        talk, paper or award, unless it gives that year (or a span holding it): a record of
        another year is no record of that one. Else the profile doesn't cover that year."""
        if not q.years or not answer.answered or q.also \
                or answer.intent not in ("talks", "publications", "awards"):
            return answer
        given = {int(y) for y in _YEAR.findall(answer.text)}
        spans = [range(int(a), int(b) + 1) for a, b in _YEAR_SPAN.findall(answer.text)]
        if not given or any(y in given or any(y in r for r in spans) for y in q.years):
            return answer
        what = {"talks": "a talk", "publications": "a publication", "awards": "an award"}
        return self._not_covered(answer.intent, f"{what[answer.intent]} in {_span(q.years)}",
                                 _lead_line(answer.text))

    def _headcount(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'how big was the team at X', 'how many engineers report to him',
        unless no line counts people: a figure of events or kilometres is no headcount."""
        if not q.wants_number or not answer.answered or q.also or not q.jobs or q.projects \
                or not _PEOPLE & set(q.asked):
            return answer
        if any((has_figure(line) or _NUMBER_WORD.search(line)) and _PEOPLE & set(stems(line))
               for line in answer.text.splitlines()):
            return answer
        return self._not_covered(answer.intent, "how many people",
                                 answer.text.splitlines()[0].lstrip("- "))

    def _count(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'how many <thing>' of a talk, paper, award or degree, unless it
        gives no number at all ('How many people attended his Devoxx talk?': the talk is
        listed, its audience is not); a count of the topic itself ('how many talks') is
        answered by the list, and a lead fact with a number may count it in other words."""
        if not q.wants_number or not q.detail or not answer.answered or q.also \
                or answer.intent not in NAMED_TOPICS \
                or stem(q.detail) in self.topic_cues[1 + NAMED_TOPICS.index(answer.intent)] \
                or counts(answer.text, q.detail):
            return answer
        said = answer.text.splitlines()[0].lstrip("- ")
        if has_figure(said):  # the answer's lead fact gives a number, of another name
            return answer
        return self._not_covered(answer.intent, f"how many {_as_typed(q.text, q.detail)}", said)

    def _named(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'which X ...', unless it speaks of an X only without naming it
        ('acquired by a large energy supplier'): then the profile doesn't cover which one,
        and says what it does say."""
        if _is_the_one_asked(answer, q):
            return answer
        counted = bool(_ASKS_COUNTED.search(q.text))
        text = answer.text
        for source in answer.sources:  # the job or project a line is cited from names no X
            text = re.sub(rf"\s*\({re.escape(source)}(?:, [^()]*)?\)", "", text)
        # 'what's the name of the loyalty app she made': which app, as 'which' asks it.
        which = q.which or _name_of(q.text)
        said, hit = _unnamed(text, set(stems(" ".join(which))), counted,
                             stem(q.detail) if q.detail else "") \
            if which and answer.answered else ("", set())
        if not said:
            return answer
        # Named in one line elsewhere as 'the <Name> thing' ('Based at the Failand training
        # ground' of a job, when the work modes say only 'at the training ground'): that line
        # answers. Not 'a Romanian game studio', which names none.
        typed = [fold(w) for w in which if stem(w) in hit]
        called = re.compile(r"\bthe\s+(?:[A-Z][\w&-]*\s+)+(?i:"
                            + r"\s+".join(rf"{re.escape(w)}(?:s|es)?" for w in typed) + r")\b")
        naming = [f for f in self.facts if called.search(f.text)
                  and (f.project in q.projects or f.job in q.jobs
                       or not (q.projects or q.jobs))]
        if len(naming) == 1:
            return OfflineAnswer(_cite(naming[0]), True, answer.intent, _sources(naming))
        if not q.which:  # 'the name of the heidelberg start-up', as asked
            return self._not_covered(answer.intent, "the name of the " + " ".join(which),
                                     said.lstrip("- "))
        thing = " ".join(_as_typed(q.text, w) for w in which if stem(w) in hit)
        return self._not_covered(answer.intent, f"which {thing}", said.lstrip("- "))

    def _unoffered(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'are they open to freelance or contract work', 'would she consider
        a part-time position', unless the profile names that kind of engagement somewhere:
        then the status it gives speaks of another kind, and the profile doesn't cover it."""
        if not answer.answered or q.also or answer.intent != "availability" \
                or "FAQ" in answer.sources:  # the owner's own word on it, in other words
            return answer
        asked = next((m.group(0) for kind in self.unoffered if (m := kind.search(q.text))), "")
        if not asked:
            return answer
        said = "; ".join(x.lstrip("- ").rstrip(".") for x in answer.text.splitlines()[:2] if x)
        return self._not_covered(answer.intent, f"whether {self.first} takes {asked} work", said)

    def _only_counted(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'which two games did they ship', 'which universities use it', unless
        a line of substance does more than count unnamed things ('shipped two titles', 'the
        teaching labs of two MSc programmes'): then the profile doesn't cover which."""
        if not answer.answered or q.also or q.wants_number or not q.which \
                or not _ASKS_WHICH.match(q.text) or _is_the_one_asked(answer, q):
            return answer
        # Not a heading ('Rowan has built these projects:'), but a line of the owner's own
        # fields ('Rowan's work modes: ..., hybrid in Rotterdam or Amsterdam') names.
        lines = [x.lstrip("- ") for x in answer.text.splitlines()
                 if x and not x.startswith("**") and "Link:" not in x
                 and not (x.startswith(self.first) and x.rstrip().endswith(":"))]
        for line in lines:
            if ":" in line or not [
                    m for m in (*_SOME.finditer(line), *_COUNTED.finditer(line))
                    if not m.group(0).lower().startswith(("a ", "an ", "one "))
                    and not _YEAR.fullmatch(m.group(0).strip())
                    and not re.search(r"\b[A-Z]", line[m.end(1):])]:
                return answer
        if not lines:
            return answer
        thing = " ".join(_as_typed(q.text, w) for w in q.which[:1])
        return self._not_covered(answer.intent, f"which {thing}", lines[0])

    def _nobody(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'who are the co-inventors on her patent', 'who is her manager at
        Nordlys', unless it names someone: a name of two capitalised words, or one after a
        title ('Prof. Kovač'), that is no project, employer, skill or entry of the profile.
        Else the profile doesn't cover who, and says what it does."""
        asked = _TOOL_NAMED_LIKE_A_PERSON.sub(" ", q.text)
        if not answer.answered or q.also or not (_ASKS_PERSON.search(asked)
                                                 or _NAME_OF_PERSON.search(asked)):
            return answer
        if _REPORTS_TO.search(answer.text) and not _NAME_OF_PERSON.search(q.text):
            return answer  # 'who is her boss': 'Reports to the Chief Scientific Officer'
        for m in _PERSON.finditer(answer.text):
            if fold(m.group(0)) not in self.not_people and not _ORGANISED.search(m.group(0)) \
                    and not _OF_ORGANISED.search(answer.text, 0, m.start()):
                return answer
        return self._not_covered(answer.intent, "who", _lead_line(answer.text))

    def _unwon(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'did Static Tide win Best Audio', of a thing named, unless it tells
        of a nomination and of no win ('Nominated for Best Audio'): then the profile doesn't
        cover a win, and says what it does. (Not 'has she won any awards': her list.)"""
        if not answer.answered or not (q.projects or q.items or q.names) \
                or not _ASKS_WON.search(q.text) \
                or not _NOMINATED.search(answer.text) or _WON.search(answer.text):
            return answer
        return self._not_covered(answer.intent, "a win", _lead_line(answer.text))

    def _certified(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'is he ASPICE certified', 'does she hold a Google Cloud
        certification', unless a certification the profile lists names what is asked: a
        certificate in functional safety is none in ASPICE."""
        m = _CERT_OF.search(q.text) if answer.answered and not q.also \
            and _HOLDS.match(q.text) else None  # not 'who issued', 'when did he study for'
        if not m:
            return answer
        said = words(m.group(1) or m.group(2))
        named: list[str] = []  # the words right before 'certified' ('google cloud')
        for w in reversed(said) if m.group(1) else said:
            if w in STOPWORDS or w in _NOT_NAMING or w in self.owner_words:
                if named:
                    break
                continue
            named.append(w)
        if m.group(1):
            named.reverse()
        if not named and (title := _CERTIFIED_TITLE.search(q.text)):
            # 'is he a Certified Kubernetes Administrator': the title's words after it.
            named = [w for w in words(title.group(1)) if w not in STOPWORDS
                     and w not in _NOT_NAMING and w not in self.owner_words]
        if not named:
            return answer
        if any(all(stem(w) in set(stems(line)) or any(f" {t} " in f" {' '.join(words(line))} "
                                                       for t in self.kinds_of.get(w, ()))
                   for w in named) for line in self.certifications):
            return answer  # a cloud certification: the AWS one
        what = " ".join(_as_typed(q.text, w) for w in named)
        return self._not_covered(answer.intent, f"a certification in {what}",
                                 "; ".join(self.certifications[:2]))

    def _monthless(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'which month did they join', unless it names no month nor a full
        date ('2022 – present'): then the profile doesn't cover which month."""
        if not answer.answered or q.also or not _ASKS_MONTH.search(q.text) \
                or _MONTH_NAMED.search(answer.text):
            return answer
        said = answer.text.splitlines()[0].lstrip("- ").rstrip(":")  # the line with its dates
        return self._not_covered(answer.intent, "which month", said)

    def _upcoming(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'when is her next talk', unless every year it gives is past: then
        the profile doesn't cover an upcoming one, and says the latest it lists."""
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", answer.text)]
        if not answer.answered or q.intent != "talks" or not _UPCOMING.search(q.text) \
                or not years or max(years) >= date.today().year:
            return answer
        lines = [x.lstrip("- ") for x in answer.text.splitlines() if str(max(years)) in x]
        return self._not_covered(answer.intent, "an upcoming talk", lines[0])

    def _keyed(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'when did they graduate from the bootcamp' or 'how long was the
        bootcamp' from a table of the owner's own, with the table's one entry keyed for
        that ('Dates', 'Length') first, where the entries found give no date or span."""
        for asks, gives, keys in ((_ASKS_WHEN, _DATED, _DATE_KEYS),
                                  (_ASKS_HOW_LONG, _SPAN, _SPAN_KEYS)):
            if not answer.answered or not asks.search(q.text) or gives.search(answer.text):
                continue
            tables = {f.section for f in self.facts
                      if f.kind == "extra" and f.section and f.text in answer.text}
            keyed = [f for f in self.facts if f.kind == "extra" and f.section in tables
                     and fold(f.keys) in keys]
            if len(tables) == 1 and len(keyed) == 1:
                return replace(answer, text=f"{_cite(keyed[0])}\n\n{answer.text}")
        return answer

    def _undated(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'when did they start building <project>', 'what year was <firm>
        set up', unless it gives no date at all (no year, month or 'since'): then the
        profile doesn't cover when, and says what it does. Not of when the owner could start,
        move or leave, which the owner's own word may answer without a date."""
        if not answer.answered or q.also or answer.intent in _WHEN_OWN \
                or not _ASKS_WHEN.search(q.text) or (_DATED.search(answer.text) and not (
                    _ASKS_START.search(q.text) and not _STARTED.search(answer.text))):
            return answer
        lines = answer.text.splitlines()
        said = lines[1 if len(lines) > 1 and lines[0].endswith(":") else 0].lstrip("- ")
        return self._not_covered(answer.intent, "when", said)

    def _moved_to(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The owner's word on moving, for 'would he relocate back to singapore', unless it
        never names that place (a name in the profile) and names no others as the only ones
        nor a region it may be in ('Only to Amsterdam or Dublin' answers 'Berlin?', 'Within
        France, yes' answers 'Lyon?'; 'Yes to Amsterdam, not to New York' leaves Singapore
        open)."""
        if q.intent != "relocation" or not answer.answered or q.also \
                or re.search(r"\b(?:only|within)\b", answer.text, re.I) \
                or re.match(r"(?:-\s*)?(?:\w+: )?no\b", answer.text, re.I):
            return answer  # a plain 'No.' refuses every place
        said = set(stems(answer.text))
        place = next((w for w in words(q.text) if stem(w) in self.proper
                      and stem(w) not in said and stem(w) in q.topic), "")
        if not place:
            return answer
        return self._not_covered(answer.intent, f"whether {self.first} would move to "
                                 f"{_as_typed(q.text, place)}", answer.text.splitlines()[0])

    def _role_of(self, f: Fact) -> str:
        """The role of the job a highlight or note is of, or ''."""
        if f.job < 0 or f.kind not in ("highlight", "note"):
            return ""
        return self.profile.experience[f.job].role

    def _degree_part(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'what was her master's thesis on', 'who supervised their PhD',
        'where did they do their undergrad', unless no fact of the profile has both that part
        (if one is asked) and a word of that degree: then the profile doesn't cover it (the
        MSc may be listed, its thesis not; a PGCE is no bachelor's degree)."""
        typed = set(words(q.text))
        parts = [ws for ws in self.degree_parts if typed & ws]
        levels = [ws for ws in self.degree_levels if typed & ws]
        if not levels and {"degree", "degrees"} & typed and answer.answered and not q.also \
                and not any(has & self.degree_words for has in self.degree_facts):
            # 'what degree does he have' of a profile with certificates and no degree at all.
            return self._not_covered(answer.intent, "a degree", _lead_line(answer.text))
        if len(levels) != 1 or len(parts) > 1 or not answer.answered or q.also:
            return answer
        # 'which university did they do their undergrad at' when no fact names a bachelor's
        # degree (only a PGCE): that level is not covered either.
        if any(has & levels[0] and (not parts or has & parts[0]) for has in self.degree_facts):
            return answer
        lines = answer.text.splitlines()
        said = next((x for x in lines if set(words(x)) & levels[0]), lines[0])
        return self._not_covered(answer.intent, "that", said.lstrip("- "))

    def _kind_named(self, answer: OfflineAnswer, q: Query) -> OfflineAnswer:
        """The answer to 'what language did she use at <job>', 'which database (or cloud) does
        <project> run on', unless neither it nor the record names one (none of the kind in
        the lexicon, no listed skill): then the profile doesn't cover which, and says what
        it does."""
        kind = q.skill_kind or next((k for k in self.kinds if fold(q.detail) in (k, f"{k}s")),
                                    "")
        if not kind or not q.detail or not answer.answered or q.also \
                or answer.intent not in ("job", "project") or not (q.jobs or q.projects):
            return answer
        if q.projects:
            p = self.profile.projects[q.projects[0]]
            record = [p.summary, *p.tech, *p.highlights, p.notes or "",
                      *(str(v) for v in p.extra.values())]
        else:
            j = self.profile.experience[q.jobs[0]]
            record = [j.role, *j.highlights, j.notes or "", *(str(v) for v in j.extra.values())]
        # A language or database the lexicon lacks may be among the listed skills.
        names = self.kinds[kind] | (self.listed if q.skill_kind else frozenset())
        if any(_says(text, names) for text in (answer.text, *record)):
            return answer
        thing = " ".join(q.which) or q.detail or kind
        lines = answer.text.splitlines()
        return self._not_covered(answer.intent, f"which {thing}",
                                 lines[1 if len(lines) > 1 else 0].lstrip("- "))

    def _also(self, answer: OfflineAnswer, q: Query, found: Retrieved,
              visitor: Visitor) -> OfflineAnswer:
        """A long message's other practical asks, one short line each, after the main one."""
        if not q.also:
            return answer
        said = [answer.text] if answer.answered else []
        lines, sources = self._asks(q, q.also, found, visitor, said)
        if not said and not lines:
            return answer
        return OfflineAnswer("\n\n".join([*said, *lines]), True, answer.intent
                             if answer.answered else q.also[0],
                             tuple(dict.fromkeys([*answer.sources, *sources])))

    def _asks(self, q: Query, intents: Sequence[str], found: Retrieved, visitor: Visitor,
              said: Sequence[str]) -> tuple[list[str], list[str]]:
        """Each practical ask's answer (three at most) that `said` does not hold yet."""
        lines: list[str] = []
        sources: list[str] = []
        for intent in intents[:3]:
            extra = self.by_intent.get(intent, self._topical)(
                replace(q, intent=intent, also=()), found, visitor)
            # Not said already: its first line, in bold or not ('Availability: ...' after a
            # notice), though it goes on with the work modes.
            if extra.answered and not said_in(extra.text.split("\n", 1)[0],
                                              "\n".join([*said, *lines])):
                lines.append(extra.text)
                sources += extra.sources
        return lines, sources

    def _on_topic(self, answer: OfflineAnswer, q: Query, found: Retrieved) -> OfflineAnswer:
        """The intent's answer, unless it drops what the question asked about and a fact
        elsewhere has it ('how many teams use the design system' is not the skill group)."""
        if not answer.answered or not q.topic or not found.covering or q.intent in _OWN_WORDS \
                and not (q.intent == "contact" and _reached(q)):
            return answer
        if q.projects and _asks_link(q):  # the link of the project its words name
            return answer
        if q.intent == "relocation" and found.topical and found.topical[0].text in answer.text \
                and not any(f in found.topical for f in found.covering):
            # The owner's word on moving, not a line that only names the place ('would he
            # move to London': not his Tuesdays at a client's London office).
            return answer
        need, terms = set(q.topic), set(q.terms)
        said = set(stems(answer.text))
        best = found.covering[0]
        if q.intent in NAMED_TOPICS and best.text in answer.text:
            # 'the event of the vector tiles talk': the topic's answer holds the fact covering
            # it (its table's key names, 'Event', are searched but not quoted); no other.
            return answer
        if best in found.table and best.text in answer.text:
            # 'who are her co-authors': the list asked for holds the fact its key found.
            return answer
        if q.wishes and best.kind in ("faq", "audience") and best.text not in answer.text \
                and q.intent in _LISTS:
            # 'would they mind a junior title': what the owner says, not their jobs.
            return OfflineAnswer(_cite(best), True, answer.intent, _sources([best]))
        if q.intent == "skills" and (q.groups or q.skill_kind):
            # 'which shader languages does he write': the languages asked for are the list's,
            # the fact on the rest of the question follows it (not the group it lists).
            return answer if best.kind == "skills" and best.section in q.groups \
                else _adding(answer, best)
        if q.intent in ("project", "job") and (best.project in q.projects
                                                or best.job in q.jobs):
            # A part of the named thing's own record that its answer left out: added to it.
            return _adding(answer, best)
        if q.projects and best.project >= 0 and best.project not in q.projects \
                or q.jobs and best.job >= 0 and best.job not in q.jobs:
            # Another project's or job's fact is no answer about the one named: 'is it open
            # source', of a project whose record never says, is not the open-source one.
            return answer
        if q.intent in _LISTS and q.which and not q.negated and _denies(best.text, need):
            # 'which open source projects has she built': the list, not the one project
            # whose notes say 'not open source'.
            return answer
        if q.intent == "projects" and best.project < 0 and _MADE_KIND.search(q.text):
            # 'what sites has he built', 'which client projects have they delivered': the
            # projects are the things made, whatever a job's line says of sites or clients.
            return answer
        has = set(stems(searched(best)))
        # A list (every project, every job) says many words without being about any of
        # them: a topic that only one line of it covers asks about that one.
        one = (q.intent in _LISTS and (best.project >= 0 or best.job >= 0) and need <= has
               and sum(need <= set(stems(line)) for line in answer.text.splitlines()) <= 1)
        if not one and (len(need & has) <= len(need & said)
                        or q.intent not in _LISTS and len(terms & has) <= len(terms & said)):
            return answer
        # The project or job itself, from its whole record, asked what the words that found
        # it leave ('what is the restaurant app built with': its stack).
        rest = tuple(s for s in q.asked if s not in need | has)
        if (best.kind == "job" or one and best.job >= 0) and not q.jobs:
            return self._job(replace(q, jobs=(best.job,), asked=rest), found, Visitor())
        if (best.kind == "project" or one and best.project >= 0) and not q.projects:
            return self._project(replace(q, projects=(best.project,), asked=rest), found,
                                 Visitor())
        facts = [f for f in found.covering[:2] if f.text not in answer.text] or [best]
        if _ASKS_NAME.search(q.text) and best.kind == "extra" and best.section:
            # 'what's his studio called': the name entry of the owner's table found, not
            # the entry that said the word.
            facts = [f for f in self.facts if f.section == best.section
                     and fold(f.keys) in ("name", "title")][:1] or facts
        if q.intent in _FIELDS:
            # The owner's own field answers a question of its kind ('is their notice
            # flexible': 'Eight weeks, negotiable to six'); the fact found is added to it.
            return _adding(answer, facts[0])
        if len(facts) == 1:
            return OfflineAnswer(_cite(facts[0]), True, answer.intent, _sources(facts))
        text = "\n".join(f"- {_cite(f)}" for f in facts)
        return OfflineAnswer(text, True, answer.intent, _sources(facts))

    # -- saying what the profile doesn't cover --------------------------------------------

    def unanswered(self) -> str:
        """The reply when no answer could be made: the owner's contact, and no claim about
        what the profile covers."""
        return f"I couldn't answer that from {self.first}'s profile. {self._offer()}".strip()

    def _offer(self) -> str:
        """How to ask the owner directly."""
        email, links = self.profile.contact.email, self.profile.contact.links
        if email:
            return f"You could ask {self.first} directly at {autolink(email)}."
        name = next((n for n in ("linkedin", "website") if n in links), next(iter(links), ""))
        if name:
            where = f"{_label(name)}: {autolink(links[name])}"
            return f"You could ask {self.first} directly via {where}."
        return ""

    def _averse(self, q: Query, asks_averse: bool) -> OfflineAnswer | None:
        """What the owner won't do, for 'are there industries she won't work in' (any such
        line), or for 'would he consider a job at a hedge fund doing trading' when one speaks
        of what is asked ('not interested in high-frequency trading'); else None."""
        if not self.aversions or q.injection:
            return None
        if asks_averse:  # those that say more of the question's words first
            asked = set(stems(q.text)) - _GENERIC_WORK - STOPWORDS - self.owner_words
            picked = sorted(self.aversions, key=lambda f: -len(asked & set(stems(
                f"{f.text} {f.question}"))))[:3]
        elif _ASKS_CONSIDER.search(q.text):
            asked = (set(stems(q.text)) | set(q.terms)) - _GENERIC_WORK - STOPWORDS \
                - self.owner_words
            picked = [f for f in self.aversions
                      if asked & set(stems(f"{f.text} {f.question}")) - _GENERIC_WORK][:1]
        else:
            return None
        if not picked:
            return None
        text = "\n".join(f"- {_cite(f)}" for f in picked) if len(picked) > 1 else _cite(picked[0])
        return OfflineAnswer(text, True, "faq" if picked[0].kind == "faq" else q.intent,
                             _sources(picked))

    def _not_covered(self, intent: str, what: str = "that", said: str = "") -> OfflineAnswer:
        """'The profile doesn't cover that' with the owner's contact (and what it does say)."""
        text = f"I don't know: {self.first}'s profile doesn't cover {what}."
        if said:
            text += f" What it does say: {said}" + ("" if said[-1:] in ".!?" else ".")
        return OfflineAnswer(f"{text} {self._offer()}".strip(), False, intent)

    def _missing(self, q: Query, found: Retrieved, beside: bool = False) -> OfflineAnswer:
        """The question names something the profile never mentions. `beside` other asks'
        answers, which say what the profile has, one neighbouring fact at most."""
        if q.missing == ("version",) and q.skills:  # a skill listed with no version
            named = " and ".join(str(k) for k in q.skills)
            return self._not_covered("skill", f"which version of {named} {self.first} uses",
                                     f"{named}, with no version given, is among the listed "
                                     "skills")
        term = _as_typed(q.text, q.missing[0])
        if q.employer and q.employer in q.missing:  # 'did he work for X': X is no employer
            term = _as_typed(q.text, q.employer)
            return self._not_covered(q.intent, f"“{term}” as an employer", q.elsewhere)
        if beside:
            found = replace(found, topical=found.topical[:1], nearby=found.nearby[:1],
                            related=found.related[:1])
        said, a = self._nearby(q, found), self.profile.availability
        if len(q.projects) == 1 and "tech" in q.aspects \
                and (tech := self.profile.projects[q.projects[0]].tech):
            # 'what TUI library does blkspy use': the stack it lists is what it does say.
            uses = f"{self.profile.projects[q.projects[0]].name} uses {', '.join(tech)}"
            said = f"{uses}; {said}" if said else f"{uses}."
        if not said and q.intent in NAMED_TOPICS and found.topical:
            # 'did they study computer science': not covered, but what they did study is
            # the answer a visitor wants next; the topic's facts, as its answer gives them
            # ('did he pick up any qualification': the degree and both certificates).
            said = "; ".join(_cite(f) for f in found.topical[:3])
        if not said and not beside and _asks_kind(q) \
                and (q.intent in ("skill", "skills") or q.skill_kind):
            # 'which cluster scheduler': the kind as asked, and the skills, so the visitor
            # can tell which fit it.
            said = self._skill_list()
            if q.which and q.missing[0] in q.which:
                term = " ".join(_as_typed(q.text, w) for w in q.which)
        if not said and stem(q.missing[0]) in _CONTACT_WAYS and self.contact_notes:
            # 'can I just phone him', of an owner whose contact table says 'No cold calls'.
            said = "; ".join(_cite(f) for f in self.contact_notes[:2])
        if not said and not self._field_asked(q):
            said = self._related(found)  # the last resort: what its other words find
        if q.intent == "skill":
            return self._not_covered("skill", f"“{term}”: it isn't among the listed skills",
                                     said)
        # A place or company (a place typed in lower case too: 'our office in helsinki'):
        # what it says instead.
        place = term[:1].isupper() or q.missing[0] in _PLACES_TYPED.findall(fold(q.text))
        if place and q.intent == "relocation" and found.topical:
            said = _cite(found.topical[0])  # what it says of moving, before any neighbour
        elif place and not said and not beside:
            if q.intent in ("availability", "relocation"):
                said = a.status + "."
            elif (q.intent == "work_mode" or self.remote & set(q.terms)) and a.work_modes:
                said = f"work modes: {', '.join(a.work_modes)}."
            elif q.intent == "location" and self.profile.owner.location:
                said = f"based in {self.profile.owner.location}."
        return self._not_covered(q.intent, f"“{term}”", said)

    def _skill_list(self) -> str:
        """Every listed skill on one line, by group: what the profile says to a question for
        a kind of skill it never names ('which hardware description languages')."""
        groups = self._groups_line()
        return f"the listed skills are {groups}" if groups else ""

    def _groups_line(self) -> str:
        """'Group: a, b; Other: c': every listed skill, by group."""
        return "; ".join(f"{g}: {', '.join(items)}" for g, items in self.profile.skills.items())

    def _nearby(self, q: Query, found: Retrieved) -> str:
        """What the rest of the question finds (its best two facts), said beside 'doesn't
        cover': a word the profile never uses may only paraphrase it ('kids' for its
        'students'). Not for a field it lacks: 'home address' has no neighbour worth
        giving."""
        if not found.nearby or self._field_asked(q):
            return ""
        return "; ".join(_cite(f) for f in found.nearby)

    @staticmethod
    def _related(found: Retrieved) -> str:
        """The best fact for most of a question no fact covers, to say beside 'not covered'."""
        return "; ".join(_cite(f) for f in found.related[:2])

    def _field_asked(self, q: Query) -> bool:
        """True when a missing word asks for one of the owner's fields: one only a field
        answers ('home address'), or a field word said of the owner ('her favourite
        colour', 'his kids'). Not one around another subject ('volunteering with kids',
        'a visa to work in the EU'): what the rest finds may answer that."""
        said = words(q.text)
        owner = {"her", "his", "their", *words(self.first)}
        of_owner = {w for i, w in enumerate(said) if owner & set(said[max(0, i - 2): i])}
        return any(stem(w) in self.field_only or stem(w) in self.required and w in of_owner
                   for w in q.missing)

    def _scope(self) -> str:
        """What the bot is for, when a message tries to change it."""
        return (f"I only answer questions about {self.profile.owner.name} from "
                f"{self.first}'s profile. {self._topics_hint()}")

    def _topics_hint(self) -> str:
        return (f"You can ask me about {self.first}'s projects, skills, experience, "
                "availability or how to get in touch.")

    # -- small talk -------------------------------------------------------------------------

    def _greeting(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        if q.to_the_bot:
            return OfflineAnswer(f"I am an automated assistant, not {self.first}: I answer "
                                 f"questions about {self.profile.owner.name} from "
                                 f"{self.first}'s profile. {self._topics_hint()}", True,
                                 "greeting")
        audience = self.profile.audiences.get(visitor.kind or "")
        if audience and audience.greeting:
            return OfflineAnswer(f"{audience.greeting}\n\n{self._topics_hint()}", True, "greeting")
        name = f", {visitor.name}" if visitor.name else ""
        text = (f"Hi{name}! I answer questions about {self.profile.owner.name} from "
                f"{self.first}'s profile. {self._topics_hint()}")
        return OfflineAnswer(text, True, "greeting")

    def _thanks(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        return OfflineAnswer(f"You're welcome! {self._offer()}".strip(), True, "thanks")

    # -- contact ----------------------------------------------------------------------------

    def _contact(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        contact = self.profile.contact
        lines = [f"- {_label(k)}: {autolink(self.links[k])}" for k in q.links]
        # 'her Mastodon' when the profile has it under a key of its own ([owner.social]).
        # Not by the word 'link' alone: a talk's link key is no GitHub asked for.
        # Of a kind it lacks, only under a name for that kind ('fediverse' of Mastodon): a
        # newsletter's subscribers key is no YouTube channel's.
        lacked = set(stems(" ".join(a for k in q.missing_links
                                    for a in [k, *lexicon()["links"].get(k, ())])))
        named = [f for f in found.covering[:3] if f.kind == "extra"
                 and (set(q.terms) - self.link_words)
                 & (keys := set(stems(f"{f.section.replace('.', ' ')} {f.keys}")))
                 and (not lacked or lacked & (keys | set(stems(f.text))))]
        if named and not lines and (q.missing_links or not (contact.email or contact.links)):
            return OfflineAnswer(_cite(named[0]), True, "contact", _sources(named[:1]))
        if not contact.email and not contact.links:
            return self._not_covered("contact", "contact details: it gives no contact details")
        if q.missing_links:
            kinds = ", ".join(_label(k) for k in q.missing_links)
            if not lines and (handle := self._handle_said(q.missing_links)):
                # 'is he on mastodon' of a note 'Also on Mastodon as @fjellrev@infosec...'.
                return OfflineAnswer(_cite(handle), True, "contact", _sources([handle]))
            if not lines:
                a = "an" if kinds[0] in "AEIOU" else "a"
                return self._not_covered("contact", f"{a} {kinds} link: it has no {kinds} link")
        if lines and q.wants_email and contact.email:  # 'his email and a link to his CV'
            lines.insert(0, f"- Email: {autolink(contact.email)}")
        if lines:
            # What the profile says of the service asked ('I read LinkedIn messages about
            # once a week', 'my YouTube channel, Davi Codando Flutter').
            told = self._said_of(q.links)
            return OfflineAnswer("\n".join([*lines, *(f"\n{_cite(f)}" for f in told)]), True,
                                 "contact", ("contact", *_sources(told)))
        if q.wants_email and not contact.email:
            return self._not_covered("contact", "an email address: it gives no email")
        # 'link to subscribe to Changelog Notes': a thing the profile gives an address for.
        linked = [f for f in found.covering if f.kind not in ("link", "email")
                  and re.search(r"https?://", f.text)]
        if linked and not q.wants_email:
            return OfflineAnswer(_cite(linked[0]), True, "contact", _sources(linked[:1]))
        if _asks_link(q) and q.topic and found.covering:
            # 'is there a link to the lobby register article': what it describes is in the
            # profile without an address (its other entries may have one).
            # What it says of the thing as the question calls it (an article, a talk) first.
            called = [cues for cues in self.topic_cues if cues & set(q.terms)]
            said = [f for f in found.covering if any(c & set(stems(f.section)) for c in called)]
            return self._not_covered("contact", "a link to that",
                                     _cite((said or found.covering)[0]))
        text = f"You can reach {self.first} by email at {autolink(contact.email)}." \
            if contact.email else f"{self.first}'s profile gives no email, but these links:"
        if not q.wants_email:
            ranked = sorted(contact.links, key=lambda k: (k not in ("linkedin", "website"), 0))
            text += "".join(f"\n- {_label(k)}: {autolink(contact.links[k])}"
                            for k in ranked[:3])
        # What the owner asks visitors to say ('please mention the days in your first message'),
        # and the owner's own notes in their contact table ('preferred = "Email first"').
        told = [f for f in found.covering[:1] if f.kind in ("audience", "faq")]
        told += [f for f in self.contact_notes if f not in told][:2]
        text += "".join(f"\n\n{_cite(f)}" for f in told)
        return OfflineAnswer(text, True, "contact", ("contact", *_sources(told)))

    # -- availability and place -----------------------------------------------------------

    def _said_of(self, keys: Sequence[str]) -> list[Fact]:
        """The owner's contact note, else the one line of their own (an FAQ answer, a note
        to visitors, a key of theirs) that names a service of the link `keys`; not a
        project's stars on it."""
        names = [_label(k) for k in keys if len(_label(k)) >= 3]
        naming = [f for f in [*self.contact_notes, *self.facts]
                  if f.kind in ("faq", "audience", "extra") and f.project < 0 and f.job < 0
                  and not re.search(r"https?://", f.text)
                  and any(re.search(rf"\b{re.escape(n)}\b", f.text, re.I) for n in names)]
        return naming[:1]

    def _handle_said(self, kinds: Sequence[str]) -> Fact | None:
        """A line of the profile that names a service of `kinds` beside a handle or an
        address of the owner's on it, or None."""
        names = [re.escape(_label(k)) for k in kinds if len(_label(k)) >= 3]
        near = [re.compile(rf"\b{n}\W+(?:\w+\W+){{0,2}}?(?:as\W+)?{_BARE_HANDLE}\b"
                           rf"|\b{_BARE_HANDLE}\W+(?:\w+\W+){{0,2}}?{n}\b", re.I) for n in names]
        return next((f for f in self.facts if f.kind not in ("link", "email")
                     and (_HANDLE.search(f.text) and any(re.search(rf"\b{n}\b", f.text, re.I)
                                                          for n in names)
                          or any(p.search(f.text) for p in near))), None)

    def _availability(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        a = self.profile.availability
        lines = [f"**Availability:** {a.status}"]
        if a.work_modes and set(q.terms) & set(stems(" ".join(a.work_modes))):
            lines.append(f"- Work modes: {', '.join(a.work_modes)}")
        # The best fact it does not say yet (the work modes may be the best, and said); an
        # item of a list with its siblings ('Looking for: senior platform engineer, staff
        # platform engineer, platform team lead').
        best = [f for f in found.covering if f.text not in "\n".join(lines)][:1]
        lines += [f"- {self._whole_list(self._siblings(f)) or _cite(f)}" for f in best]
        return OfflineAnswer("\n".join(lines), True, "availability", ("profile",))

    def _siblings(self, fact: Fact) -> list[Fact]:
        """The items of the owner's list that `fact` is one of (itself alone if none)."""
        return [f for f in self.facts if f.kind == "extra" and f.section == fact.section] \
            if fact.kind == "extra" else [fact]

    def _location(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        location = self.profile.owner.location
        if not location and (said := found.owner_said("location")):
            return _owner_word(said, "location")
        if not location:
            modes = ", ".join(self.profile.availability.work_modes)
            return self._not_covered("location", f"where {self.first} is based",
                                     f"work modes: {modes}." if modes else "")
        if (m := _PLACED_BY.match(location)):  # 'Between Methven and Mount Somers'
            return OfflineAnswer(f"{self.first} is based {m.group(0).lower()}"
                                 f"{location[m.end():]}.", True, "location", ("profile",))
        return OfflineAnswer(f"{self.first} is based in {location}.", True, "location",
                             ("profile",))

    def _work_mode(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        modes = self.profile.availability.work_modes
        if not modes and (said := found.owner_said("work_mode")):
            return _owner_word(said, "work_mode")
        if not modes:
            return self._not_covered("work_mode", f"how or where {self.first} works",
                                     self.profile.availability.status + ".")
        text = f"{self.first}'s work modes: {', '.join(modes)}."
        return OfflineAnswer(text, True, "work_mode", ("profile",))

    def _notice(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        a = self.profile.availability
        # A status that says when ('starting in May 2026', 'can start straight away')
        # answers when too.
        dated = f" Availability: {a.status}." if _YEAR.search(a.status) \
            or _MONTH.search(a.status) or _AT_ONCE.search(a.status) else ""
        if a.notice:
            text = f"{a.notice}.".replace("..", ".")
            return OfflineAnswer(text + dated, True, "notice", ("profile",))
        if set(stems(a.status)) & set(q.terms) or _AT_ONCE.search(a.status):
            # 'can start immediately': when, and so no notice to work out ('from June 2026'
            # says when, not the notice)
            return OfflineAnswer(f"**Availability:** {a.status}", True, "notice", ("profile",))
        if said := found.owner_said("notice"):
            answer = _owner_word(said, "notice")
            return replace(answer, text=answer.text + dated) if a.status not in said.text \
                else answer
        if dated and stem("notice") not in q.terms:
            # 'when can she start', of 'available from January 2027': the status says when.
            return OfflineAnswer(f"**Availability:** {a.status}", True, "notice", ("profile",))
        return self._not_covered("notice", "a notice period or start date", a.status + ".")

    # -- skills -----------------------------------------------------------------------------

    def _skills(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        skills = self.profile.skills
        if not skills:
            return self._not_covered("skills", "skills: it lists none")
        if q.groups:
            lines = [f"{self.first}'s {g} skills: {', '.join(skills[g])}." for g in q.groups]
            return OfflineAnswer("\n".join(lines), True, "skills", q.groups)
        if q.skill_kind:
            kind = self.kinds[q.skill_kind]
            picked = [s for g in skills.values() for s in g
                      if " ".join(words(re.sub(r"\(.*?\)", "", s))) in kind]
            if picked:
                label = "programming languages" if q.skill_kind == "programming" else "databases"
                text = f"{self.first}'s {label}: {', '.join(dict.fromkeys(picked))}."
                return OfflineAnswer(text, True, "skills", ("skills",))
        lines = [f"- **{g}**: {', '.join(items)}" for g, items in list(skills.items())[:6]]
        return OfflineAnswer(f"{self.first}'s skills:\n" + "\n".join(lines), True, "skills",
                             ("skills",))

    def _other_skills(self, q: Query) -> OfflineAnswer | None:
        """'Apart from Go, what languages does he write': the skills of the kind asked, else
        of the group of the one set aside, without it."""
        aside = {self._listed_as(s) for s in q.besides}
        named = ", ".join(sorted(aside))
        if q.skill_kind:
            kind = self.kinds[q.skill_kind]
            picked = [s for g in self.profile.skills.values() for s in g if s not in aside
                      and " ".join(words(re.sub(r"\(.*?\)", "", s))) in kind]
            if picked:
                label = "programming languages" if q.skill_kind == "programming" else "databases"
                listed = ", ".join(dict.fromkeys(picked))
                text = f"{self.first}'s {label} besides {named}: {listed}."
                return OfflineAnswer(text, True, "skills", ("skills",))
        lines = [f"{self.first}'s {g} skills besides {named}: {', '.join(others)}."
                 for g, items in self.profile.skills.items() if aside & set(items)
                 if (others := [s for s in items if s not in aside])]
        return OfflineAnswer("\n".join(lines), True, "skills", ("skills",)) if lines else None

    def _skill(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        if not q.skills:
            if found.covering:
                kind = _asks_kind(q)  # 'which formal tools': the skills too, for the visitor
                shown = list(found.covering[:1 if kind else 2])
                if kind and shown[0].kind == "extra":  # a list of the owner's: all of it,
                    table = [f for f in self.facts if f.kind == "extra"
                             and f.section == shown[0].section]
                    # or the key of it asked by name ('what mcus does she use')
                    asked = set(stems(q.text))
                    shown = [f for f in table if f.keys and set(stems(f.keys)) <= asked] \
                        or table[:6]
                lines = [f"- {_cite(f)}" for f in shown]
                lead = f"{self.first}'s profile says" if kind else \
                    f"Yes, {self.first}'s profile mentions it"
                text = f"{lead}:\n" + "\n".join(lines)
                if kind and self.profile.skills:
                    text += f"\n\nThe listed skills: {self._groups_line()}."
                return OfflineAnswer(text, True, "skill", _sources(found.covering[:2]))
            return self._not_covered("skill", "that: it isn't among the listed skills",
                                     self._skill_list() if _asks_kind(q) else
                                     self._related(found))
        same: dict[str, list[str]] = {}  # 'Rust' and 'Rust (embedded, no_std)': one skill
        for label in q.skills:
            same.setdefault(self._listed_as(label), []).append(label)
        if len(same) > 2:  # a kind asked for ('monitoring tools?'): every one, in a line
            return self._several_skills(list(same), q)
        parts = [self._one_skill(listed, labels, q) for listed, labels in list(same.items())[:2]]
        text = "\n\n".join(p[0] for p in parts)
        if (others := self._of_kind(q, same)):  # 'which brokers and databases': the databases
            text += f"\n\n{others}"
        return OfflineAnswer(text, True, "skill", tuple(s for p in parts for s in p[1]))

    def _several_skills(self, listed: list[str], q: Query) -> OfflineAnswer:
        """'Yes: Prometheus, Grafana and Loki are among his skills (Observability).'"""
        groups = dict.fromkeys(g for s in listed for g, items in self.profile.skills.items()
                               if s in items)
        names = [f"**{s}**" for s in listed]
        where = f" ({', '.join(groups)})" if groups else ""
        text = f"Yes: {', '.join(names[:-1])} and {names[-1]} are among {self.first}'s " \
               f"skills{where}."
        said = self._saying(listed)
        # The part naming one that says the most of what else is asked ('at Vistula').
        if q.asked and (asked := _asked(q, [t for t, _ in said])):
            text += f"\n- {asked[0]}"
        if (others := self._of_kind(q, dict.fromkeys(listed))):
            text += f"\n\n{others}"
        return OfflineAnswer(text, True, "skill", tuple(listed))

    def _of_kind(self, q: Query, named: Mapping[str, object]) -> str:
        """The skills of the kind the question also asks for (databases, programming
        languages) that the answer has not named; '' when none."""
        if not q.skill_kind or q.skill_kind not in ("programming", "database"):
            return ""
        kind = self.kinds[q.skill_kind]
        picked = [s for g in self.profile.skills.values() for s in g if s not in named
                  and " ".join(words(re.sub(r"\(.*?\)", "", s))) in kind]
        label = "programming languages" if q.skill_kind == "programming" else "databases"
        return f"{self.first}'s {label}: {', '.join(dict.fromkeys(picked))}." if picked else ""

    def _listed_as(self, label: str) -> str:
        """How the skills list writes a skill a project's tech names ('C++': 'C++20',
        'Flink': 'Apache Flink (basic)'); `label` when it lists it so or not at all."""
        items = [s for group in self.profile.skills.values() for s in group]
        if label in items:
            return label
        name = re.escape(fold(re.sub(r"\(.*?\)", "", label)).strip())
        return next((s for s in items if re.search(rf"(?<![\w+#]){name}(?![a-z+#])", fold(s))),
                    label)

    def _one_skill(self, listed: str, labels: Sequence[str], q: Query
                   ) -> tuple[str, tuple[str, ...]]:
        """'Yes: Rust is one of her skills', the projects using it and a job that did;
        `labels` are the ways the profile writes it ('Rust', 'Rust (embedded, no_std)')."""
        projects = [p for p in self.profile.projects if set(labels) & set(p.tech)]
        groups = [g for g, items in self.profile.skills.items() if listed in items]
        if groups:
            head = f"Yes: **{listed}** is one of {self.first}'s skills ({', '.join(groups)})."
        else:
            head = f"Yes: {self.first} has used **{listed}**."
        lines = [head]
        if projects:
            lines.append("- Projects using it: " + ", ".join(_project_ref(p) for p in projects[:3]))
        said = self._saying(labels)
        # What the question asks of it ('async Rust on microcontrollers', 'which CLDR
        # version'): the part naming it that says the most of that, else the first.
        asked = _asked(q, [t for t, _ in said]) if q.asked else []
        picked = [x for x in said if x[0] in asked[:1]] or said[:1]
        lines += [f"- {t}" for t, _ in picked[:1]]
        sources = tuple(p.name for p in projects[:3]) + tuple(src for _, src in picked[:1])
        return "\n".join(lines), sources

    def _saying(self, labels: Sequence[str]) -> list[tuple[str, str]]:
        """The highlights, notes and extra keys that name a skill written as `labels`, each
        with its source."""
        names = [re.escape(fold(re.sub(r"\(.*?\)", "", s)).strip()) for s in labels]
        said = [(f"At {j.company}: {h}", job_title(j)) for j in self.profile.experience
                for h in j.highlights]
        said += [(f"{h} ({p.name})", p.name) for p in self.profile.projects
                 for h in [*p.highlights, *sentences(p.notes or "")]]
        said += [(line, "profile") for k, v in self.profile.extra.items()
                 for line, _ in labelled(k, v)]
        return [(t, src) for t, src in said
                if any(re.search(rf"(?<!\w){n}(?!\w)", fold(t)) for n in names)]

    # -- projects ---------------------------------------------------------------------------

    def _projects(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        projects = list(self.profile.projects)
        if not projects:
            return self._not_covered("projects", "projects: it lists none")
        intro = f"{self.first} has built these projects:"
        if q.skills:
            projects = [p for p in projects if set(q.skills) & set(p.tech)]
            intro = f"Projects that use {', '.join(q.skills)}:"
            if not projects:
                return self._not_covered("projects", f"a project using {', '.join(q.skills)}")
        elif q.projects:
            projects = [self.profile.projects[i] for i in q.projects]
            intro = ""
        elif dated := self._projects_in(q.years):  # 'projects from 2023?'
            projects, intro = dated, f"{self.first}'s projects from {_span(q.years)}:"
        # 'Is Tortoise older than walrus-check?': each one's own date beside its name.
        when = len(q.projects) >= 2 and bool(_COMPARES_DATES.search(q.text))
        # A short overview: the first three as the owner orders them, each with what it is,
        # and the others by name (each one's own answer is a question away).
        lines = [f"- **{p.name}**" + (f" ({made})" if when and (made := project_date(p))
                                      else "")
                 + f": {p.summary}" + (f" {autolink(p.link)}" if p.link else "")
                 for p in projects[:_OVERVIEW]]
        if len(projects) > _OVERVIEW:
            lines.append("- and " + ", ".join(f"**{p.name}**" for p in projects[_OVERVIEW:]))
        text = "\n".join([intro, *lines] if intro else lines)
        return OfflineAnswer(text, True, "projects", tuple(p.name for p in projects))

    def _project(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        p = self.profile.projects[q.projects[0]]
        # A link asked by the word or by a site for code ('can I find it on GitHub').
        if ("link" in q.aspects or {*q.links, *q.missing_links} & _CODE_HOSTS) and not p.link \
                and not q.skills \
                and not set(q.asked) - set(stems(f"{p.name} {p.summary}")) - self.things \
                - _SHOWN:
            # Only its link asked ('link to the playbook?'): its own keys' addresses
            # ('links = [{ label = "App Store", url = ... }]'), else none.
            addresses = [f"- {x}" for x in _keyed(p.extra) if "<http" in x][:3]
            if addresses:
                return OfflineAnswer("\n".join([f"**{p.name}**:", *addresses]), True, "project",
                                     (p.name,))
            return self._no_link(p, q)
        lines: list[str] = []
        for label in q.skills:
            if (used := _as_used(label, p.tech)) and stem("version") in q.asked \
                    and not re.search(r"\d", used):
                # 'which Docusaurus version does it use', of a stack that gives none.
                return self._not_covered("project", f"which version of {label} {p.name} "
                                                    "uses", f"{p.name} uses {used}")
            if used:
                lines.append(f"Yes: {p.name} uses {used}.")
            else:
                lines.append(f"The profile doesn't list {label} for {p.name}.")
        parts = self._project_parts(p, q, found.mentioning)
        record = [p.summary, *p.tech, *p.highlights, *sentences(p.notes or ""), *parts]
        if q.skills and not any(_as_used(s, p.tech) for s in q.skills) \
                and not _naming(q.skills, record):
            return self._untold(p, q.skills)
        lines += parts
        if p.link and not any(p.link in line for line in lines):
            lines.append(f"- Link: {autolink(p.link)}")
        return OfflineAnswer("\n".join(lines), True, "project", (p.name,))

    def _kept_elsewhere(self, q: Query) -> OfflineAnswer:
        """A key asked of one project or job that only others have ('the App Store link' of
        an app only on Google Play): not covered, with what the record is."""
        thing = " ".join(_as_typed(q.text, w) for w in q.lacks)
        if q.projects:
            p = self.profile.projects[q.projects[0]]
            return self._not_covered(q.intent, f"“{thing}” for {p.name}", f"{p.name}: {p.summary}")
        job = self.profile.experience[q.jobs[0]]
        return self._not_covered(q.intent, f"“{thing}” for {job_title(job)}",
                                 self._job_line(job) + ".")

    def _untold(self, p: Project, labels: Sequence[str]) -> OfflineAnswer:
        """Skills asked of a project that neither its stack nor its record names ('What
        nDCG did Grapevine reach?'): not covered, with what it does use and the contact."""
        said = f"{p.name} uses {', '.join(p.tech)}" if p.tech else ""
        return self._not_covered("project", f"{' or '.join(labels)} in {p.name}", said)

    def _no_link(self, p: Project, q: Query) -> OfflineAnswer:
        """A link asked of a project that has none: not covered, with what its record says
        of its code ('can I see the code': 'not open source yet') and the contact; what it
        says of being open source answers 'is it open source' ('Not open source, because')."""
        said = [x for x in [*sentences(p.summary), *sentences(p.notes or ""), *p.highlights]
                if self.link_words & set(stems(x))]
        told = [x for x in said if _OPEN_SOURCE <= set(stems(x))] \
            if _OPEN_SOURCE <= set(q.terms) else []
        if told:  # one in its summary is said with the summary whole
            summary = sentences(p.summary)
            head = f"**{p.name}**: {p.summary}" if set(told) & set(summary) else f"**{p.name}**:"
            return OfflineAnswer("\n".join([head, *(f"- {x}" for x in told[:2]
                                                    if x not in summary)]),
                                 True, "project", (p.name,))
        return self._not_covered("project", f"a link for {p.name}", "; ".join(said[:2]))

    def _project_parts(self, p: Project, q: Query, elsewhere: Sequence[Fact]) -> list[str]:
        """The parts of one project the question asks for (in its record, or in a fact
        elsewhere that names it); all of its own when it asks none."""
        notes = sentences(p.notes or "")
        own = [*notes, *(_cite(f) for f in elsewhere if f.job >= 0)]
        named = self._by_key(p.extra, q, p.name)
        if "role" in q.aspects and (own or named):
            # The owner's part: a role key of its own, the notes, the jobs naming it.
            return [f"**{p.name}**:", *[f"- {x}" for x in [*named, *own][:3]]]
        if _asks_link(q) and p.link:
            # 'link to the plural linter repo': the words naming the project ask no part.
            return [f"**{p.name}**: {autolink(p.link)}"]
        # Its own keys the format doesn't define ('year = 2024', an [[awards]] table).
        keyed = _keyed(p.extra)
        # Not a line by the project's own name ('Client: Bo-Kaap Threads' is no result of
        # Bo-Kaap Threads).
        own_name = set(stems(p.name))
        unnamed = replace(q, asked=tuple(s for s in q.asked if s not in own_name))
        asked = _asked(self._kin(unnamed), [*p.highlights, *notes, *keyed,
                                            *(_cite(f) for f in elsewhere)],
                       self.link_words) or named
        if q.which and named:  # 'which consoles is it on': its platforms key names them
            asked = list(dict.fromkeys([*named, *asked]))
        if _ASKS_WHEN.search(q.text):  # 'when did it go live': a line with its month too
            asked = list(dict.fromkeys([*asked, *(x for x in [*p.highlights, *notes]
                                                  if _MONTH_YEAR.search(x))][:3]))
        if _ASKS_SPEED.search(q.text):  # 'how quickly does it roll back': a time it takes
            asked = list(dict.fromkeys([*(x for x in [*p.highlights, *notes, *keyed]
                                          if _DURATION.search(x))][:1] + asked))
        if "impact" in q.aspects or asked:
            # The owner's own part in a project often sits in a job highlight that names it.
            done = [_cite(f) for f in elsewhere if has_figure(f.text)][:1]
            picked = asked or [*p.highlights[: 3 - len(done)], *done] or notes
            if picked:
                # Found by what it is, not by its name ('any game jams?'): what it is first.
                head = "" if (fold(p.name).split() or [""])[0] in fold(q.text) \
                    and not _KIND_OF.search(q.text) else f" {p.summary}"  # 'what kind of game'
                # 'what's the recruitment dashboard built on', 'which testing libraries does
                # it use': its stack, beside what its words found; not 'which universities
                # use it'.
                stack = [f"- Tech: {', '.join(p.tech)}"] if "tech" in q.aspects and p.tech \
                    and not q.skills and (q.detail or not q.which) else []
                return [f"**{p.name}**:{head}", *stack, *[f"- {h}" for h in picked[:3]]]
        if q.skills:  # 'did pinhole make it into OSS-Fuzz': what its record says of them
            return [f"- {x}" for x in _naming(q.skills, [*p.highlights, *notes])]
        if "tech" in q.aspects and p.tech:
            return [f"**{p.name}** uses {', '.join(p.tech)}."]
        if "link" in q.aspects and p.link:
            return [f"**{p.name}**: {autolink(p.link)}"]
        lines = [f"**{p.name}**: {p.summary}"]
        if p.tech:
            lines.append(f"- Tech: {', '.join(p.tech)}")
        # Something asked that no part names by its words ('how many field stations run
        # it'): its every highlight, which may say it in others.
        # (Not its name typed as one word: 'what is kaede-ls' asks nothing more.)
        lines += [f"- {h}" for h in p.highlights[:4 if unnamed.asked or q.detail
                                                 or q.wants_number else 2]]
        if unnamed.asked or {"why", "more", "who", "whom", "where", "when", "how"} \
                & set(words(q.text)):
            # Something asked that no part names ('why did they build it', 'what gave him
            # the idea', 'who was it made for', 'where did it come from'), or more than its
            # summary ('tell me more about it'): the owner's own story of it, in its notes.
            lines += [f"- {x}" for x in notes[:2]]
        return lines

    def _item(self, q: Query) -> OfflineAnswer:
        """An entry of the owner's tables named ('when did Kitsune Courier come out'): its
        lines asked, or all its keys; not covered when it lacks what is asked ('when does
        his Scrum Master certification expire' of one with no expiry), with what it says:
        the lines that answer the rest of the question, else its own line."""
        item = self.items[q.items[0]]
        name, table = item.names[0], item.table.replace("_", " ").capitalize()
        lines = item_lines(item, self.facts)
        asked = [autolink(lines[n][1]) for n in q.item_parts]
        if q.missing:
            word = q.missing[0]
            what = word if word in ("when", "where") else f"“{_as_typed(q.text, word)}”"
            said = asked[:1] or [autolink(line) for line, _ in labelled(item.table, item.fields)]
            return self._not_covered(q.intent, f"{what} for {name}", said[0])
        shown = asked or [autolink(line) for k, line, _ in lines
                          if k and item.fields.get(k) != name]  # not the name it goes by
        return OfflineAnswer("\n".join([f"**{name}** ({table}):", *(f"- {x}" for x in shown)]),
                             True, q.intent, (table,))

    # -- experience -------------------------------------------------------------------------

    def _experience(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        owner = self.profile.owner
        if q.seniority:  # 'is she a senior engineer?': her headline and role say
            said = [f"{owner.name}: {owner.headline}" if owner.headline else "",
                    self._job_line(self.latest) + "." if self.latest else ""]
            if any(said):
                return OfflineAnswer("\n\n".join(x for x in said if x), True, "experience",
                                     ("profile",))
            return self._not_covered("experience", f"how senior {self.first} is")
        if {"year", "long", "senior"} & set(q.terms) or "how long" in fold(q.text):
            said = [s for s in sentences(f"{owner.headline}. {owner.summary or ''}")
                    if re.search(r"\byears?\b", s, re.I)]
            # A key of the owner's own: 'years_experience = 9', 'experience = "9 years"'.
            said += [line for k, v in self.profile.extra.items()
                     if isinstance(v, str | int | float) and not isinstance(v, bool)
                     and ({"year", "experi"} <= set(stems(k.rsplit(".")[-1].replace("_", " ")))
                          or re.search(r"\d\+?\s*years?\b", str(v)))
                     for line, _ in labelled(k, v)]
            if said:
                return OfflineAnswer(" ".join(said), True, "experience", ("profile",))
        jobs = self.profile.experience
        if not jobs:
            return self._not_covered("experience", "work experience: it lists no jobs")
        if _OLDEST_FIRST.search(q.text):  # 'oldest first' of jobs listed newest first
            jobs = tuple(reversed(jobs))
        lines = [f"- **{j.role}** at {j.company}" + (f" ({j.period})" if j.period else "")
                 for j in jobs[:5]]
        return OfflineAnswer(f"{self.first}'s experience:\n" + "\n".join(lines), True,
                             "experience", tuple(job_title(j) for j in jobs[:5]))

    def _job(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        jobs = self.profile.experience
        # 'what is he working on now': the job, and the projects still under way.
        ongoing = [p for p in self.profile.projects if is_ongoing(p)] \
            if not q.jobs and _ASKS_DOING.search(q.text) and q.current else []
        if not q.jobs:
            if not self.latest:
                return self._not_covered("job", "a current job")
            held = [j for j in jobs if is_current(j)]
            if not self._asks_of_job(q) and len(held) > 1:
                # 'where does he work now', of a fractional CTO with three clients: each;
                # 'what does he do at his current company', each with what is done there.
                doing = _ASKS_DOING.search(q.text)
                return OfflineAnswer("\n".join(
                    f"- {self._job_line(j)}" + (f": {j.highlights[0]}" if doing and j.highlights
                                                else "") for j in held), True,
                    "job", tuple(job_title(j) for j in held))
            if not self._asks_of_job(q) and not _ASKS_DOING.search(q.text):
                return OfflineAnswer(self._job_line(self.latest) + ".", True, "job",
                                     (job_title(self.latest),))
            # 'how big is the company he's at now': what the current job's record says.
            q = replace(q, jobs=(jobs.index(self.latest),))
        held = [jobs[i] for i in q.jobs]
        if len(held) > 1 and len({j.company for j in held}) == 1 and q.span:
            # 'how long was she at Kōwhai', of two roles there: each role with its period.
            ordered = [jobs[i] for i in job_order(jobs) if i in q.jobs]
            roles = ", then ".join(f"**{j.role}** ({j.period})" if j.period else f"**{j.role}**"
                                   for j in ordered)
            return OfflineAnswer(f"{self.first} was at {held[0].company} as {roles}.", True,
                                 "job", tuple(job_title(j) for j in ordered))
        job = jobs[q.jobs[0]]
        # 'what sort of company is Voltaris', of two roles there: the notes that say what
        # the company is ('Voltaris is a tier-1 supplier ...'), of either.
        company_asked = _what_is(q, job.company) or any(
            self.first.lower() not in m.group() for m in _ASKS_COMPANY.finditer(fold(q.text)))
        described = [n for i in q.jobs if jobs[i].company == job.company
                     for n in sentences(jobs[i].notes or "")
                     if _describes(job.company, n)] if company_asked else []
        notes = sentences(job.notes or "")
        keyed = _keyed(job.extra)
        if "link" in q.aspects and q.links and not re.search(
                r"https?://", " ".join([*job.highlights, *notes, *keyed])):
            # 'what's the website of Jiko Labs': an address its record never gives (the
            # owner's own website is not the agency's).
            return self._not_covered("job", f"a link for {job.company}",
                                     self._job_line(job))
        asked = _asked(self._kin(q), [*job.highlights, *notes,
                                      *(_cite(f) for f in found.mentioning), *keyed],
                       self.link_words)
        place_asked = "where" in words(q.text) or bool(self.places & set(q.asked))
        if not place_asked:  # 'what did he work on in Bengaluru': the place only names it
            asked = [x for x in asked
                     if not (x in keyed and stem(fold(x.split(":")[0])) in self.places)]
        # 'where was the Arturia job', 'which city was he based in': its place key.
        if not asked and place_asked:
            asked = [x for x in keyed if stem(fold(x.split(":")[0])) in self.places]
        if not asked and "tech" in q.aspects:  # 'what tools did he use there': its stack key
            asked = [x for x in keyed if set(stems(x.split(":")[0])) & self.tech_words]
        by_key = self._by_key(job.extra, q, job.company)
        if q.wants_number and not any(has_figure(x) for x in asked):
            # 'how many people did she lead there': its reports key, not 'led the team'.
            asked = [x for x in by_key if has_figure(x)] or asked
        # Its own key asked ('how is retention on his team': metrics.attrition) before the
        # parts that share a word of the question ('Grew the team ...').
        asked = [*by_key, *(x for x in asked if x not in by_key)]
        if not asked and re.search(r"\bwhere (?:is|was|are|were)\b", fold(q.text)) \
                and not self._placed([*job.highlights, *notes, *keyed], job) \
                and not set(words(job.company)) & set(words(self.profile.owner.location or "")):
            # 'where is maplewave software based' (not 'where did she work'): no place key,
            # no place in its record nor in its name ('Leeds City Council' for a Leeds owner).
            return self._not_covered("job", f"where {job.company} is",
                                     (job.highlights or notes or [self._job_line(job)])[0])
        asked = [*described, *(x for x in asked if x not in described)]
        lines = [self._job_line(job) + ("." if not (asked or job.highlights) else ":")]
        # Asked something no part names ('how big is the company'): the owner's notes on
        # the place first, then what was done there.
        parts = [*notes, *job.highlights] if self._asks_of_job(q) or _what_is(q, job.company) \
            else [*job.highlights, *notes]
        if "impact" in q.aspects:  # 'what impact did she have there': the figures first
            parts.sort(key=lambda x: not has_figure(x))
        lines += [f"- {h}" for h in (asked or parts)[:3]]
        if dated := self._projects_in(q.years):  # 'what was he working on in 2025'
            lines.append(f"\nProjects from {_span(q.years)}: "
                         + ", ".join(_project_ref(p) for p in dated[:3]))
        if ongoing:
            lines.append("\nUnder way: " + ", ".join(_project_ref(p) for p in ongoing[:3]))
        return OfflineAnswer("\n".join(lines), True, "job", (job_title(job),))

    def _projects_in(self, years: Sequence[int]) -> list[Project]:
        """The projects whose own dates fall in the years asked (a span from the first to
        the last), [] when none are asked."""
        asked = set(range(min(years), max(years) + 1)) if years else set()
        return [p for p in self.profile.projects if project_years(p) & asked]

    def _placed(self, texts: Sequence[str], job: Experience) -> bool:
        """True when a job's record names a place: a name after 'in', 'at', 'from'... that
        is neither its company's nor a listed skill ('an office in Ghent', not 'in the LLVM
        backend', 'builds to CMake')."""
        skills = {w for label in self.listed for w in words(label)}
        named = [m.group(1) for m in _PLACED.finditer(" ".join(texts))]
        # Or a place a line begins with ('Winnipeg, on-site.'), no work mode ('Remote, ...').
        named += [m.group(1) for t in texts if (m := _PLACE_FIRST.match(t))
                  and fold(m.group(1)) not in self.mode_words]
        return any(fold(n) not in skills and n not in job.company for n in named)

    def _by_key(self, extra: Mapping[str, Any], q: Query, name: str) -> list[str]:
        """The lines of a project's or job's own keys that the question names, by the key's
        words ('what platforms does it run on': platforms = [...]) or by the words that ask
        for it ('is it still live': its status key); none for the words naming the record."""
        # The words as typed and as read ('full time' is 'fulltime').
        typed = (set(stems(q.text)) | set(q.terms)) - STOPWORDS - set(stems(name))
        if _FOR_WHOM.search(fold(q.text)):  # 'who was it made for': its client
            typed.add("whom")
        if _ASKS_WHEN.search(q.text):  # 'when was it built': its year or date key
            typed.update(("year", "date"))
        def asks(k: str) -> bool:
            key = set(stems(_label(k)))
            return bool(typed & key.union(*(self.key_cues.get(s, frozenset()) for s in key)))

        # A key of one of its tables by itself ('metrics.attrition': 'Attrition: zero ...').
        return [line for k, v in extra.items()
                for line in (_keyed({k: v}) if asks(k) else _keyed(
                    {i: x for i, x in v.items() if asks(str(i))}) if isinstance(v, Mapping)
                    else [])]

    def _kin(self, q: Query) -> Query:
        """`q` asking every cue word of a topic it asks in one ('did Lanternfall win any
        awards': 'Honourable mention ... at the Independent Games Festival'; 'do they go
        into an office there': 'Works remotely from Eindhoven'), for a project's or job's
        parts, which say it in their own words."""
        kin = [cues for cues in self.topic_cues if cues & set(q.asked)]  # not its name's
        return replace(q, asked=tuple(dict.fromkeys([*q.asked, *(s for c in kin for s in c)])))

    def _asks_of_job(self, q: Query) -> bool:
        """True when the question asks something of a job beyond naming it ('what does
        Voima make', 'how big is the company'), not only its title or employer."""
        return q.wants_number or any(s not in self.job_words for s in q.asked)

    def _job_line(self, job: Experience) -> str:
        period = f" ({job.period})" if job.period else ""
        if is_current(job):
            return f"{self.first} is **{job.role}** at {job.company}{period}"
        if job is self.latest:
            return f"{self.first}'s most recent role: **{job.role}** at {job.company}{period}"
        return f"{self.first} worked as **{job.role}** at {job.company}{period}"

    # -- topics found anywhere, FAQ ---------------------------------------------------------

    def _topical(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        """Talks, education...: the facts on that topic; anything else: facts that cover it."""
        facts = found.topical or (found.covering if q.intent == "unknown" else ())
        unspoken = _unspoken(q, self.spoken_list or facts)
        if unspoken:
            # 'does she speak Hebrew' when her languages leave it out: a project that names
            # Hebrew is no language she speaks.
            return self._not_covered(q.intent, unspoken, "; ".join(_cite(f) for f in facts))
        if not facts and (q.intent in NAMED_TOPICS or _asks_spoken(q)) \
                and (q.names or q.skills) and found.covering:
            # 'did she go to school in Lyon': no education fact names Lyon; a language note
            # that does is what the profile says, not where she studied.
            return self._not_covered(q.intent, "that", _cite(found.covering[0]))
        facts = tuple(self._inside_job(q, facts)) or facts
        if self._elsewhere(q, facts or found.covering[:1]):
            # A fact that belongs elsewhere is no answer on a named topic: a talk for 'did
            # his talk win an award', a job's title line found by its employer's name ('...
            # at American University of Beirut') for 'what degree do they have'.
            return self._not_covered(q.intent, "that", _cite((facts or found.covering)[0]))
        writing = [k for k in self.links if fold(k) in self.blog_keys]
        if not facts and q.intent == "publications" and writing:
            # 'does she write articles' with no publications listed: her blog is her writing.
            lines = "\n".join(f"- {_label(k)}: {autolink(self.links[k])}" for k in writing)
            return OfflineAnswer(lines, True, "publications", ("contact",))
        if _asks_spoken(q):
            # The owner's own list of languages, found or not; not a project's 'supported
            # languages: Twi, Fante'. Of a profile that lists none, its programming 'language
            # tooling' is no answer to 'which spoken languages does he speak'.
            facts = self.spoken_list or tuple(f for f in facts if _of_speaking(f))
            if not facts:
                return self._not_covered(q.intent, "which languages "
                                         f"{self.first} speaks", self._related(found))
        if not facts and q.intent not in ("unknown",) and found.covering:
            facts = found.covering
        if not facts and self.impact_asked & set(q.terms) and not (q.projects or q.jobs):
            impact, sources = self._impact_line()  # 'biggest impact?': the figures
            if impact:
                return OfflineAnswer(impact.removeprefix("- "), True, q.intent, tuple(sources))
        if not facts:
            if q.intent == "unknown" and not q.topic:
                return OfflineAnswer(self._topics_hint(), False, "unknown")
            what = {"relocation": f"whether {self.first} would relocate"}.get(q.intent, "that")
            return self._not_covered(q.intent, what, self._related(found))
        best = facts[0]
        if q.intent == "unknown" and (best.project >= 0 or best.job >= 0) \
                and (best.kind == "job" or best.kind != "project"
                     and not set(q.topic) <= set(stems(searched(best)))):
            # Found through its project or job ('game jams': a highlight of the jam game), or
            # a job's title line, which says only its name ('did he teach at oxford': the
            # Teaching Assistant job): that project or job, with what the question asks of it.
            rest = tuple(s for s in q.asked if s not in q.topic)
            if best.job >= 0:
                return _adding(self._job(replace(q, jobs=(best.job,), asked=rest), found,
                                         visitor), best)
            return _adding(self._project(replace(q, projects=(best.project,), asked=rest),
                                         found, visitor), best)
        if q.intent == "languages" and stem("native") in q.asked \
                and not any(_NATIVE.search(f.text) for f in facts[:3]):
            # 'is English his native language': the one he is native in, beside it.
            facts = (*facts[:2], *(f for f in self.spoken_list if _NATIVE.search(f.text)))
        if (listed := self._whole_list(facts[:3])):
            return OfflineAnswer(listed, True, q.intent, _sources(facts[:1]))
        facts = facts[:2] if q.intent == "unknown" else facts[:3]
        cite = self._dated if _WHEN.search(q.text) else _cite
        if len(facts) == 1:
            return OfflineAnswer(cite(facts[0]), True, q.intent, _sources(facts))
        text = "\n".join(f"- {cite(f)}" for f in facts)
        return OfflineAnswer(text, True, q.intent, _sources(facts))

    def _whole_list(self, facts: Sequence[Fact]) -> str:
        """A list key's short items in one line when the facts found are items of it
        ('Languages: German (native), English (C2), Swedish (B2), Portuguese (B1)'): all of
        them, not the first three; '' otherwise."""
        if len(facts) < 2 or any(f.kind != "extra" or f.section != facts[0].section
                                 for f in facts):
            return ""
        items = [f.text for f in self.facts if f.kind == "extra"
                 and f.section == facts[0].section]
        label = f"{facts[0].source}: "
        if len(items) > 12 or not all(t.startswith(label) and len(t) < 80 for t in items):
            return ""
        return label + ", ".join(t.removeprefix(label) for t in items)

    def _owner_key(self, q: Query) -> OfflineAnswer:
        """An owner's key asked in other words ('does she stream': [owner.social] twitch)."""
        value = self.profile.extra[q.owner_key[0]]
        if len(q.owner_key) > 1:
            value = value[q.owner_key[1]]
        lines = [autolink(line) for line, _ in labelled(q.owner_key[-1], value)]
        return OfflineAnswer("\n".join(lines), True, q.intent, ("profile",))

    def _lists(self, q: Query, found: Retrieved) -> bool:
        """True when the answer is a list of the owner's own asked for as a whole: one that
        names no project, job, skill or link, and no topic of another list ('did his dvcon
        talk win an award' asks no talk)."""
        # A link kind that is a word of the list's name ('which blog series') asks no link.
        linked = set(q.links) - set(words(found.table[0].section)) if found.table else set()
        if not found.table or q.projects or q.jobs or q.skills or linked \
                or q.intent in ("greeting", "thanks") \
                or q.intent == "skills" and q.skill_kind == "programming":
            return False  # 'which languages do they audit': code, not the languages spoken
        return q.intent not in NAMED_TOPICS or bool(
            self.topic_cues[1 + NAMED_TOPICS.index(q.intent)] & set(stems(found.table[0].section)))

    def _table(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        """A list of the owner's own asked for as a whole ('any game jams?', 'their
        interests'): its first few entries, the plain ones on one line."""
        value = self.profile.extra.get(q.table)
        # Each entry's own line, not its tables' ('Games: Very Positive' of its reviews).
        own = {first[0][0] for e in (value if isinstance(value, list) else [])
               if (first := labelled(q.table, e))}
        entries = [f for f in found.table if f.text in own] or list(found.table)
        label = entries[0].source
        # 'Did she give a talk at NeurIPS?': a place named that no entry of the list, nor
        # another line on its topic, holds is not covered.
        held = " ".join(fold(f.text) for f in [*found.table, *found.topical])
        places = [t for t in (_as_typed(q.text, n) for n in q.names if n not in held)
                  if re.search(rf"\b(?:at|from)\s+(?:the\s+)?{re.escape(t)}\b", q.text)]
        if places and q.intent in NAMED_TOPICS:
            return self._not_covered(q.intent, f"{label.lower()} at {' '.join(places)}",
                                     "; ".join(_cite(f) for f in entries[:2]))
        said = [f.text.removeprefix(f"{label}: ") for f in entries]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            text = f"{label}: {', '.join(said[:12])}."
        else:
            # Each entry as a line of a list, with its label, as other lists of the profile's
            # entries are given (a follow-up then names none of them as 'it').
            lines = [f"- {_cite(f)}" for f in entries[:_FEW]]
            if len(said) > _FEW:
                lines.append(f"- and {len(said) - _FEW} more")
            # A topic's list is not all the profile says of it: a talk in a project's notes.
            lines += [f"- {_cite(f)}" for f in found.topical
                      if f.section != entries[0].section][:2]
            text = "\n".join(lines) if len(lines) > 1 else lines[0].removeprefix("- ")
        return OfflineAnswer(text, True, q.intent, (label,))

    def _inside_job(self, q: Query, facts: Sequence[Fact]) -> list[Fact]:
        """The lines of a job on the topic, found by its title line, that say what else is
        asked ('who supervised his phd': the PhD candidate job's notes), or []."""
        if q.intent not in NAMED_TOPICS or not facts or facts[0].kind != "job":
            return []
        rest = set(q.topic) - self.topic_cues[1 + NAMED_TOPICS.index(q.intent)]
        return [f for f in self.facts if f.job == facts[0].job and rest
                and f.kind in ("highlight", "note") and rest & set(stems(f.text))]

    def _elsewhere(self, q: Query, facts: Sequence[Fact]) -> bool:
        """True when the facts for a named topic (education, talks, publications, awards)
        are all another named topic's entries or jobs' title lines that say nothing else
        it asks, and the question asks of no job ('which university did they work at')."""
        if q.intent not in NAMED_TOPICS or not facts or self.job_words & set(q.terms):
            return False
        cues = dict(zip(NAMED_TOPICS, self.topic_cues[1:], strict=True))
        others = [c for i, c in cues.items() if i != q.intent]
        # A title line that says what else the question asks ('which university did they
        # teach at': a Teaching Assistant) answers it.
        rest = set(q.terms) - cues[q.intent]
        return all(f.kind == "job" and not rest & set(stems(f.text)) or f.kind == "extra"
                   and any(c & set(stems(f.section)) for c in others) for f in facts)

    def _dated(self, f: Fact) -> str:
        """A fact with its source, and a job's with the job's period: 'when was he with the
        exchange' is answered by a highlight that gives no date, the job's period does."""
        job = self.profile.experience[f.job] if f.job >= 0 else None
        if job is None or not job.period or f.kind not in ("highlight", "note") \
                or job.period in f.text:
            return _cite(f)
        return f"{autolink(f.text)} ({f.source}, {job.period})"

    def _why_of_skill(self, q: Query) -> bool:
        """True for 'why won't he rewrite it in Java' when the owner's FAQ asks why too
        ('Why not rewrite it all in Java at once?'): their reason, not the skill's line."""
        return q.intent == "skill" and words(q.text)[:1] == ["why"] \
            and fold(self.profile.faq[q.faq].question).startswith("why")

    def _faq_intent(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        return self._with_faq(q) if q.faq >= 0 else self._topical(q, found, visitor)

    def _with_faq(self, q: Query) -> OfflineAnswer:
        """The owner's own answer, verbatim, with the email when it says to get in touch."""
        text = self.profile.faq[q.faq].answer
        email = self.profile.contact.email
        if email and email not in text and re.search(r"\b(email|e-mail|contact|reach|call)\b",
                                                     fold(text)):
            text += f"\n\nEmail: {autolink(email)}"
        return OfflineAnswer(text, True, q.intent, ("FAQ",))

    # -- broad questions, by visitor type ---------------------------------------------------

    def _overview(self, q: Query, found: Retrieved, visitor: Visitor) -> OfflineAnswer:
        owner = self.profile.owner
        lines = [f"**{owner.name}**: {owner.headline}"]
        sources: list[str] = ["profile"]
        focus = self._focus(visitor.kind)
        if not focus:  # nobody in particular: a neutral short overview
            first = sentences(owner.summary or "")[:1]
            lines += first
            if owner.location:
                lines.append(f"Based in {owner.location}.")
            return OfflineAnswer("\n\n".join(lines), True, "overview", ("profile",))
        for topic in focus[:3]:
            line, used = self._focus_line(topic)
            if line:
                lines.append(line)
                sources += used
        return OfflineAnswer("\n".join(lines), True, "overview", tuple(dict.fromkeys(sources)))

    def _focus(self, kind: str | None) -> list[str]:
        """The topics a visitor type cares about: the profile's focus list, else defaults."""
        audience = self.profile.audiences.get(kind or "")
        if audience and audience.focus:
            topics = [next((t for t, keys in _FOCUS_WORDS.items()
                            if any(k in fold(f) for k in keys)), "") for f in audience.focus]
            return [t for t in dict.fromkeys(topics) if t]
        return list(DEFAULT_FOCUS.get(kind or "", ()))

    def _focus_line(self, topic: str) -> tuple[str, list[str]]:
        """One short line on a focus topic, and its sources."""
        p, a = self.profile, self.profile.availability
        if topic == "availability":
            modes = f" ({', '.join(a.work_modes)})" if a.work_modes else ""
            return f"- **Availability:** {a.status}{modes}", ["profile"]
        if topic == "location" and p.owner.location:
            return f"- **Based in:** {p.owner.location}", ["profile"]
        if topic == "work_mode" and a.work_modes:
            return f"- **Work modes:** {', '.join(a.work_modes)}", ["profile"]
        if topic == "contact" and (p.contact.email or p.contact.links):
            where = p.contact.email or next(iter(p.contact.links.values()))
            return f"- **Contact:** {autolink(where)}", ["contact"]
        if topic == "experience" and self.latest:
            line = f"- **Experience:** {self.latest.role} at {self.latest.company}"
            others = [j for j in p.experience if j is not self.latest][:2]
            line += "".join(f"; before that {j.role} at {j.company}" for j in others[:1])
            return line, [job_title(self.latest), *(job_title(j) for j in others[:1])]
        if topic == "impact":
            return self._impact_line()
        if topic == "projects" and p.projects:
            return "- **Projects:** " + ", ".join(_project_ref(x) for x in p.projects[:3]), \
                [x.name for x in p.projects[:3]]
        if topic == "stack" and p.skills:
            items = [s for g in p.skills.values() for s in g][:8]
            return f"- **Stack:** {', '.join(items)}", ["skills"]
        if topic == "code":
            return self._code_line()
        return "", []

    def _impact_line(self) -> tuple[str, list[str]]:
        """The two highlights with figures in them (jobs first)."""
        picked: list[tuple[str, str]] = []
        for job in self.profile.experience:
            picked += [(h, job_title(job)) for h in job.highlights if re.search(r"\d", h)]
        for project in self.profile.projects:
            picked += [(h, project.name) for h in project.highlights if re.search(r"\d", h)]
        if not picked:
            return "", []
        text = "; ".join(f"{h} ({src})" for h, src in picked[:2])
        return f"- **Impact:** {text}", [src for _, src in picked[:2]]

    def _code_line(self) -> tuple[str, list[str]]:
        """Links to code: the owner's code-host profiles and project links."""
        links = [url for url in self.profile.contact.links.values()
                 if any(h in url for h in self.code_hosts)]
        projects = [p for p in self.profile.projects if p.link][:2]
        refs = [autolink(u) for u in links[:1]] + [_project_ref(p) for p in projects]
        if not refs:
            return "", []
        return f"- **Code:** {', '.join(refs)}", ["contact", *(p.name for p in projects)]


def _denies(text: str, topic: set[str]) -> bool:
    """True when `text` says a word of `topic` only to deny it ('Internal only; not open
    source.' of 'open source')."""
    said = words(text)
    return any(w in NEGATIONS and any(stem(x) in topic for x in said[at + 1:at + 3])
               for at, w in enumerate(said))


def _unnamed(text: str, asked: set[str], counted: bool = False, head: str = "",
             definite: bool = True) -> tuple[str, set[str]]:
    """The line of `text` that speaks of the asked thing only as 'a ...' or 'two ...' (or as
    '14 ...' when the visitor gave the count, or as 'the ...' in the question's own words,
    with its `head` noun), when nothing in `text` names it ('a bootcamp', but also 'Forge
    Coding Bootcamp': named); with the asked stems it uses. ('Who uses ...' is not judged
    so: 'used by a research station' answers who uses it.)"""
    unnamed, said, hit = 0, "", set[str]()
    for line in text.splitlines():
        some = [*_SOME.finditer(line), *(_COUNTED.finditer(line) if counted else ()),
                *(_THE.finditer(line) if definite else ())]
        for m in some:
            if _NAME_AFTER.search(line[m.end(1):]) or _NAME_BEFORE.search(line[:m.start()]):
                continue
            typed = list(itertools.takewhile(lambda w: fold(w) not in STOPWORDS | _PREPOSITIONS,
                                             m.group(1).split()))
            thing = [stem(fold(w)) for w in typed]
            if m.re is _THE and (head not in {"", *thing} or not set(thing) <= asked
                                 or line[m.end(1):][:2] in ("'s", "’s")) \
                    or m.re is _SOME and any(re.fullmatch(r"\d[\d,.]*", w) for w in typed):
                continue  # 'the platform team' says which team, 'a steady 30 fps' what fps;
                # 'the time' is no time zone; 'the firm's risk checks' speak of one named
            found = {s for s in thing if s in asked}
            unnamed += len(found)
            if found:
                said, hit = said or line, hit | found
    # Named elsewhere ('Forge Coding Bootcamp', 'Clínica Veterinaria San Roque' of a
    # clinic): a word of the thing said once more, in its own language too.
    mentions = sum(any(s == h or len(h) >= 5 and s.startswith(h) for h in hit)
                   for w in re.findall(r"[\w-]+", text) if (s := stem(fold(w))))
    return (said, hit) if unnamed and unnamed >= mentions else ("", set())


def _phrases(kind: Sequence[str]) -> re.Pattern[str]:
    """Any of the phrases, as words, with a hyphen, a space or nothing between them."""
    return re.compile("|".join(r"\b" + r"[- ]?".join(map(re.escape, re.split(r"[- ]", p)))
                               + r"\b" for p in kind), re.I)


def _profile_text(profile: Profile) -> str:
    """The places a profile names: its owner's location, its jobs' records and notes."""
    parts = [profile.owner.location or "", profile.owner.summary or ""]
    for j in profile.experience:
        parts += [j.company, *j.highlights, j.notes or "", *(str(v) for v in j.extra.values())]
    return "\n".join(parts)


def _says(text: str, names: frozenset[str]) -> bool:
    """True when `text` names one of `names` (folded skill names: 'go', 'c++') as a whole
    word."""
    folded = fold(text)
    tokens = set(re.findall(r"[\w+#.-]*[\w+#]", folded))
    return bool(tokens & names) or any(" " in n and n in folded for n in names)


def _unspoken(q: Query, spoken: Sequence[Fact]) -> str:
    """The language, in one word, a question asks whether the owner speaks ('does she speak
    Hebrew'), when none of the facts on the languages they speak names it (as typed), else
    ''."""
    # The word asked beside speaking, a project's too ('does she speak Breton', of a
    # project's 'supported languages: Breton').
    asked = q.topic or tuple(s for s in q.asked if s not in _SPEAKING_STEMS)
    if not _asks_spoken(q) or not spoken or len(asked) != 1:
        return ""
    # Named with its prefix in the profile: 'zulu' of isiZulu, 'tswana' of Setswana.
    if any(s == asked[0] or len(asked[0]) >= 4 and s.endswith(asked[0])
           for f in spoken for s in stems(f.text)):
        return ""
    typed = [t for t in re.findall(r"[\w-]+", q.text) if stem(fold(t)) in asked]
    return f"“{' '.join(typed)}”" if typed else "that"


def _of_speaking(fact: Fact) -> bool:
    """True for a fact on the languages the owner speaks: under a languages key or FAQ
    question, or in words of speaking ('fluent in German'); not a project's (its
    'bilingual Irish/English templates', its 'supported languages' say nothing of the
    owner's)."""
    return fact.project < 0 and bool(
        _SPEAKING.search(fact.text)
        or re.search(r"languag", f"{fact.section} {fact.keys} {fact.question}", re.I))


def _asks_spoken(q: Query) -> bool:
    """True when the question asks whether the owner speaks a language, in a word for
    speaking ('does she speak Hebrew', 'fluent in German'); 'spoken at OWASP' is a talk."""
    said = words(q.text)
    return q.intent == "languages" and any(
        w in ("speak", "speaks", "spoken", "fluent") and said[i + 1:i + 2] not in (["at"], ["on"])
        for i, w in enumerate(said))


def _in_currency_asked(question: str, line: str) -> bool:
    """True when `line` writes a sum in a currency `question` names ('in dollars': USD 980,
    $980)."""
    return any(named.search(question) and (named.search(line) or any(s in line for s in signs))
               for named, signs in _CURRENCIES)


def _asks_kind(q: Query) -> bool:
    """True for a question after a kind of skill ('which profiling tools', 'configuration
    management tools', 'what does she use for logs'), not one named skill ('know Elm')."""
    said = set(words(q.text))
    return bool(q.which or {"what", "which"} & said
                or {"tools", "languages", "frameworks", "libraries"} & said) \
        and not any(w in typed_names(q.text) for w in q.missing)


def _label(name: str) -> str:
    """How a contact.links key reads in an answer ('cv_fr': 'CV (French)')."""
    if (m := re.fullmatch(r"(.+)[_-]([a-z]{2})", fold(name))) \
            and (names := lexicon()["link_languages"].get(m.group(2))):
        return f"{_label(m.group(1))} ({names[0].capitalize()})"
    return LINK_LABELS.get(fold(name), name.replace("_", " ").capitalize())


_COMPARES_DATES = re.compile(r"\b(?:older|newer|earlier|later|oldest|newest|latest|first|when|"
                             r"before|after|recent|came out)\b", re.I)


def _span(years: Sequence[int]) -> str:
    """'2025', or '2015 to 2017'."""
    low, high = min(years), max(years)
    return str(low) if low == high else f"{low} to {high}"


def _project_ref(p: Project) -> str:
    """'**Name** (<link>)'."""
    return f"**{p.name}**" + (f" ({autolink(p.link)})" if p.link else "")


def _describes(company: str, sentence: str) -> bool:
    """True when `sentence` says what the company is or does ('Marée Labs makes a
    grocery-delivery app', 'Voltaris is a tier-1 supplier')."""
    named = words(company)
    return bool(named) and re.match(rf"{re.escape(named[0])}\w*\s+(?:\w+\s+)?(?:is|was|makes|"
                                    rf"made|builds|sells|runs|provides|develops)\b",
                                    fold(sentence)) is not None


def _what_is(q: Query, name: str) -> bool:
    """True for 'what is Voima Drives', 'what was Lumo Mart like': what the place is, which
    the owner's notes on it say."""
    said = " ".join(words(q.text))
    return re.search(rf"\bwhat(?: s| is| was) (?:the )?{re.escape(' '.join(words(name)))}\b",
                     said) is not None


def _asks_link(q: Query) -> bool:
    """True when the question asks only for a link, by the word ('link to the X repo'),
    not 'code' or 'repository' alone ('did her code end up in nf-core')."""
    return q.aspects == {"link"} and bool({"link", "url"} & set(q.terms))


def _lead_line(text: str) -> str:
    """The first line of an answer that says something, not a heading ('**Tortoise**:')."""
    lines = [x for x in text.splitlines() if x and not x.endswith(":")]
    return (lines or [""])[0].lstrip("- ")


def _cite(f: Fact) -> str:
    """A fact with its source when the source is a project or a job."""
    text = autolink(f.text)
    if f.kind == "pronouns":
        return f"Pronouns: {text}"
    if f.kind in ("highlight", "note") or (f.kind == "extra" and (f.project >= 0 or f.job >= 0)):
        return f"{text} ({f.source})"
    return text


def _sources(facts: Sequence[Fact]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.source for f in facts))


def _story(p: Project) -> list[str]:
    """How a project came about: its highlight on how it began ('Started as a Global Game
    Jam entry'), then its notes; two lines."""
    began = [h for h in p.highlights if _BEGAN.search(h)]
    return [*began, *sentences(p.notes or "")][:2]


def _asks_per_time(q: Query) -> bool:
    """True when a rate by the hour or day is asked ('hourly', 'day rate'): a salary is no
    answer."""
    return bool(_PER_TIME_ASKED & set(q.terms)) or stem("rate") in q.terms \
        and bool(_PAY_FOR_TIME & set(q.terms)) or bool(_TIME_UNIT.search(q.text))


def _as_typed(question: str, word: str) -> str:
    """`word` as the visitor wrote it (case and accents)."""
    if " " in word:  # 'iso 26262': the words in a row as typed
        m = re.search(r"\s+".join(map(re.escape, word.split())), question, re.I)
        return m.group(0) if m else word
    tokens: list[str] = re.findall(r"[\w+#.-]+", question)
    for token in tokens:
        if fold(token).strip(".") == word:
            return token.strip(".")
    # Written with a hyphen or a space between its parts ('h-index', 'h index').
    spelt = r"[\s-]?".join(map(re.escape, word))
    m = re.search(rf"\b{spelt}\b", question, re.I)
    return m.group(0) if m else word


def _reached(q: Query) -> bool:
    """True for a contact question that names no way of contact, only a verb of one ('what
    coverage did he reach on the MAC block'): the fact covering its topic may answer it."""
    return not (q.links or q.missing_links or q.wants_email)


_ALTERNATIVES = re.compile(r"\w\s+or\s+\w")


def _content_stems(text: str) -> set[str]:
    """The stems of the words of `text` that are no stopwords."""
    return {stem(w) for w in words(fold(text)) if w not in STOPWORDS}


def _shared(said: set[str], fact: Fact) -> int:
    """How many of the stems `said` a fact holds, with its question, label and keys."""
    return len(said & set(stems(searched(fact))))


def _name_of(question: str) -> list[str]:
    """The words of the thing whose name is asked ('loyalty app' of 'what's the name of the
    loyalty app she made'), up to the first word that is none of its; [] when none is."""
    m = _NAME_OF_THING.search(question)
    said = m.group(1).split() if m else []
    return list(itertools.takewhile(
        lambda w: fold(w) not in STOPWORDS | _PREPOSITIONS | OWNER_PRONOUNS, said))


def _is_the_one_asked(answer: OfflineAnswer, q: Query) -> bool:
    """True when 'which club is he at now' is answered by the current job, or 'which city is
    she in' by where she is based: the employer or place it names is the one asked."""
    return answer.intent == "job" and q.current and not q.jobs \
        or answer.intent == "location" and bool(set(q.which) & {"city", "town", "country"})


def _as_used(label: str, tech: Sequence[str]) -> str:
    """The item of a project's stack that is the skill `label`, with its version or parts
    ('Java 21' for Java, 'AWS (EKS, MSK)' for AWS), or ''."""
    folded = fold(label)
    return next((t for t in tech if fold(t) == folded
                 or re.match(rf"{re.escape(folded)}\s*[\d(]", fold(t))), "")


def _owner_word(fact: Fact, intent: str) -> OfflineAnswer:
    """A field the profile leaves out, answered by what the owner says of it elsewhere."""
    return OfflineAnswer(_cite(fact), True, intent, _sources([fact]))


# 'who was it made for', 'who is lotse for', 'for whom', 'which clinic was the app for':
# whom a thing was for (not 'what was it for': what it does).
_FOR_WHOM = re.compile(r"^\W*(?:who|(?:which|what) (?!(?:is|was|are|were|does|did|do|has|had)\b)"
                       r"\w+)\b.*\bfor\W*$|\bfor whom\b")


def _adding(answer: OfflineAnswer, fact: Fact) -> OfflineAnswer:
    """`answer` with `fact` as a last line, unless it already says it."""
    if autolink(fact.text) in answer.text.replace("**", ""):  # a head line said in bold
        return answer
    return replace(answer, text=f"{answer.text}\n- {_cite(fact)}",
                   sources=tuple(dict.fromkeys([*answer.sources, fact.source])))


def _keyed(extra: Mapping[str, Any]) -> list[str]:
    """A project's or job's keys the format doesn't define, as lines of its record
    ('Year: 2024', 'Links: docs: <https://docs.rs/ferrolog>'); a list of plain values on one
    line ('Platforms: iOS, Android, CarPlay, Android Auto')."""
    lines = []
    for k, v in extra.items():
        said = [line for line, _ in labelled(k, v)]
        if len(said) > 1 and isinstance(v, list) and not any(isinstance(x, Mapping | list)
                                                             for x in v):
            head = said[0].split(": ", 1)[0]
            said = [f"{head}: {', '.join(line.split(': ', 1)[1] for line in said)}"]
        lines += [autolink(line) for line in said]
    return lines


def _naming(labels: Sequence[str], parts: Sequence[str]) -> list[str]:
    """The parts that name one of the skills `labels` ('AWS (ECS)' by 'AWS')."""
    names = [n for n in (set(words(re.sub(r"\(.*?\)", "", s))) for s in labels) if n]
    return [t for t in parts if any(n <= set(words(t)) for n in names)]


def _asked(q: Query, parts: Sequence[str], also: frozenset[str] = frozenset()) -> list[str]:
    """The parts of a project or job that use the most of what the question asks about,
    and of the words `also` that it uses (a link word: 'how popular is it on GitHub' is
    answered by 'About 1,300 GitHub stars')."""
    if q.wants_amount:  # a price or a rate: the parts that give one
        priced = [t for t in parts if MONEY.search(t) and has_figure(t)]
        if priced:
            return priced
    asked = set(q.asked) | set(q.terms) & also
    scored = [(len(asked & set(stems(t))), t) for t in parts]
    best = max((n for n, _ in scored), default=0)
    return [t for n, t in scored if n == best] if best else []
