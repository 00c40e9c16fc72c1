"""Choosing the incident's day among dates that reports back equally.

Reconciliation counts independent reports per date first. When two dates tie, the
reports' own wording decides: a date in a report's lead tells the incident ("Five people
were shot at a vigil Monday evening"), while one deep in the text is often another
incident's ("the vigil was for her son, who was killed Sunday") or a later step ("was
arrested Tuesday after he shot himself", "died early Monday morning", "funeral services
scheduled Saturday"). Only the report text is read; nothing depends on the clock.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from corroborate.records import Claim, Fact

# Words just before a date that make it the day of a later step, a state or a plan, not
# the incident's: "was arrested Tuesday", "died early Monday", "in critical condition
# Wednesday", "will be on hand Wednesday morning", "spoke to the media Tuesday morning".
_LATER_STEP = re.compile(
    r"\b(?:arrested|charged|arraigned|indicted|sentenced|booked|jailed|convicted|"
    r"died|dies|succumbed|passed away|pronounced dead|funeral|services|"
    r"scheduled|identified|released|court|hearing|lowered|ordered|struggled|condition|"
    r"news conference|press conference|press release|game|matchup|will|would|"
    r"said|says|told|spoke|announced|media|reporters)\b"
    r"(?P<gap>[^.!?\n]{0,40})$", re.IGNORECASE)
# An attack named between such a word and the date takes the date: "died in Wednesday's
# shooting", "died following a shooting late Wednesday".
_ATTACK = re.compile(r"\b(?:shot|shoot\w*|gunfire|stabb\w*|attack\w*|fired|killed)\b",
                     re.IGNORECASE)
_NOUN_PREP = re.compile(r"\b(?:in|from|during|of)\s+(?:the\s+)?$", re.IGNORECASE)
# How incidents are told: a clock time or a part of the day beside the date.
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b|\bnoon\b|\bmidnight\b",
                    re.IGNORECASE)
_DAY_PART = re.compile(r"\b(?:night|morning|afternoon|evening|overnight)\b", re.IGNORECASE)
_EARLY_LATE = re.compile(r"\b(?:early|late)\s+(?:on\s+)?$", re.IGNORECASE)


# The date names an attack it stands before: "was charged over the May 2 shooting
# death", "died in Wednesday's quintuple shooting".
_NAMES_ATTACK = re.compile(r"^(?:['’]s)?\s+(?:\w+\s+)?(?:shooting|stabbing|attack|killing|"
                           r"slaying|homicide|murder|double|triple|quadruple|fatal|deadly)\b",
                           re.IGNORECASE)


def _later_step(claim: Claim, text: str) -> bool:
    """True when the words before the claim's date name a later step."""
    start = claim.span[0]
    m = _LATER_STEP.search(text[max(0, start - 60):start])
    if m is None or _ATTACK.search(m.group("gap")):
        return False
    if _NAMES_ATTACK.match(text[claim.span[1]:claim.span[1] + 40]):
        return False
    # "died in Wednesday's quintuple shooting": the date names the attack
    return not (_NOUN_PREP.search(m.group("gap"))
                and _ATTACK.search(text[claim.span[1]:claim.span[1] + 25]))


def _clocked(claim: Claim, text: str) -> bool:
    """A clock time or a part of the day beside the date ("3:15 p.m. Sunday", "Monday
    night", "late Tuesday")."""
    start, end = claim.span
    before = text[max(0, start - 30):start].rsplit("\n", 1)[-1]
    after = text[end:end + 30].split("\n", 1)[0]
    return bool(_CLOCK.search(before) or _CLOCK.search(after) or _EARLY_LATE.search(before)
                or _DAY_PART.search(text[start:end]) or _DAY_PART.match(after.lstrip()))


def _paragraph(claim: Claim, text: str) -> int:
    """Index of the paragraph (blank-line separated) holding the claim's date."""
    return text.count("\n\n", 0, claim.span[0])


# A sentence ends at a full stop before a capital, or at a line break; not at "p.m.
# Friday", "St. Louis" or an initial.
_SENTENCE_END = re.compile(r"(?<![ap]\.m)(?<!\bS[tr])(?<!\b[A-Z])[.!?](?=\s+[A-Z\"“(])|\n")


def _sentence(claim: Claim, text: str) -> str:
    """The sentence holding the claim's date."""
    start, end = claim.span
    ends_before = list(_SENTENCE_END.finditer(text, max(0, start - 300), start))
    after = _SENTENCE_END.search(text, end)
    return text[ends_before[-1].end() if ends_before else max(0, start - 300):
                after.start() if after else end + 300]


# Words of violence or its toll, wider than ``_ATTACK``: any of them makes the sentence
# tell a violent incident.
_HARM = re.compile(r"\b(?:shot|shoot\w*|gun\w*|stabb\w*|attack\w*|fired|kill\w*|wound\w*|"
                   r"injur\w*|dead|death|died|homicide|murder\w*|slay\w*|slain|bod(?:y|ies))\b",
                   re.IGNORECASE)


def _names_no_attack(claim: Claim, text: str) -> bool:
    """The date's sentence names no attack: on a page of several stories ("A boy was hit
    by a car Friday.") it is another story's day."""
    return not _HARM.search(_sentence(claim, text))


def claim_rank(claim: Claim, text: str) -> tuple[bool, bool, bool, int, int]:
    """Lower is a surer incident date: no later-step wording, told with a time of day, an
    attack named in its sentence, earlier paragraph, earlier in the text."""
    return (_later_step(claim, text), not _clocked(claim, text), _names_no_attack(claim, text),
            _paragraph(claim, text), claim.span[0])


def break_tie(fact: Fact, texts: Mapping[str, str]) -> str | None:
    """The best-backed date of ``fact``; among equally backed dates, the surest claim's.

    ``texts`` maps report id -> report text. Support is the number of distinct sources
    (from the fact's timeline, one entry per report and date).
    """
    support: dict[str, set[str]] = defaultdict(set)
    for entry in fact.timeline:
        support[str(entry["value"])].add(str(entry["source"]))
    # A day without its year ("April 19" in a report that gives no year) cannot date the
    # incident: a dated day wins over it however many reports give it.
    if any(not v.startswith("XXXX") for v in support):
        support = {v: s for v, s in support.items() if not v.startswith("XXXX")}
    if not support:
        return str(fact.best) if fact.best else None
    top = max(len(s) for s in support.values())
    tied = {v for v, s in support.items() if len(s) == top}
    if len(tied) < 2:
        return str(fact.best) if str(fact.best) in tied else tied.pop()
    claims: Sequence[Claim] = [c for c in fact.claims if str(c.value) in tied]
    if not claims:
        return str(fact.best) if fact.best else None
    best = min(claims, key=lambda c: (claim_rank(c, texts.get(c.report, "")), str(c.value)))
    return str(best.value)


# Reports that must agree on a later day: two follow-ups often share one (an arrest day).
_OUTVOTING = 3


def outvoting_late_day(claims: Sequence[Claim], first_published: str) -> str | None:
    """A day after the first report's publication that most reports agree on, else None.

    A date later than the first report is usually a follow-up's own day (a death, an
    arrest) and is dropped before the vote. But when three or more reports agree on such a
    day and outnumber every earlier day, the "first" report is the odd one out: it tells
    another incident grouped here by mistake, or its publication date is a crawl date.
    """
    support: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        value = str(claim.value)
        if value[:4].isdigit():
            support[value[:10]].add(claim.report)
    late = [(len(s), v) for v, s in support.items() if v > first_published]
    if not late:
        return None
    top, day = max(late, key=lambda t: (t[0], t[1]))
    early = max((len(s) for v, s in support.items() if v <= first_published), default=0)
    return day if top >= _OUTVOTING and top > early else None
