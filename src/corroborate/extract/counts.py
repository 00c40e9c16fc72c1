"""Casualty and other counts a report states (killed, injured, hospitalized, ...).

Two families of rules:

* numeric rules anchor on a quantity phrase ("at least 103", "two", "dozens") and
  read the slot from the words right after it ("... people have been killed") or
  right before it ("killing 15", "the death toll rose to 95");
* single-victim rules read the predicates news uses for one person ("a man was shot
  and killed", "he died", "was taken to hospital") and count distinct victims.

Matching runs on a lower-cased copy of each sentence (same length, so offsets map
back 1:1), which keeps the rules working on all-caps wire text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from typing import Any

from corroborate.extract.nlp import doc_ents, doc_sents, doc_text, doc_tokens, span_ents
from corroborate.extract.numbers import QUANTITY_RE, Quantity, quantity_from_match


@functools.cache  # only fixed patterns come here: the set is bounded
def _rx(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` held for the process: re's own cache is shared and drops
    its oldest entries once other code compiles many one-off patterns (town names)."""
    return re.compile(pattern)


@dataclass(frozen=True)
class CountMention:
    """One count a report states, with the evidence span and its sentence start."""

    slot: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    start: int
    end: int
    sent_start: int
    update: str | None = None
    rule: str = ""


# --- lexicons --------------------------------------------------------------------

# Nouns that head a phrase counting people (after the number).
_PEOPLE = (
    r"people|persons?|others?|civilians?|soldiers?|troops|police(?:men|man|\s+officers?)?|"
    r"officers?|children|child|kids?|students?|men|man|women|woman|boys?|girls?|victims?|"
    r"pilgrims?|mourners?|worshippers?|militants?|rebels?|guerrillas?|terrorists?|"
    r"subversives?|extremists?|peasants?|members?|guards?|bodyguards?|passengers?|"
    r"workers?|residents?|individuals?|teens?|teenagers?|adults?|youths?|bystanders?|"
    r"journalists?|hostages?|fighters?|insurgents?|attackers?|suspects?|gunmen|gunman|"
    r"agents?|employees?|customers?|patrons?|family\s+members|relatives|infants?|babies|"
    r"toddlers?|brothers?|sisters?|sons?|daughters?|friends?|americans?|tourists?|"
    r"nationals?|villagers?|farmers?|citizens?|inmates?|prisoners?|guests?|shoppers?|"
    r"spectators?|security\s+personnel|personnel|servicemen|marines|security\s+forces?|"
    r"policemen|cops?|deputies|deputy|firefighters?|paramedics?|pedestrians?|dead|wounded|"
    r"injured|of\s+them|of\s+the\s+(?:victims|wounded|injured|dead)|more"
)
# Words a count of people may carry between the number and its head noun.
_MOD = (r"(?:(?!(?:has|have|had|was|were|is|are|be|been|that|which|who|said|says|and|or|"
        r"but|when|after|before|in|on|at|by|to|from|with|for)\b)[a-z'’-]+\s+){0,3}?")

# Singular people a victim predicate can apply to (subjects and objects).
_ONE = (r"man|woman|teen|teenager|boy|girl|child|baby|toddler|infant|person|victim|driver|"
        r"officer|deputy|trooper|student|suspect|robber|burglar|intruder|gunman|shooter|"
        r"clerk|customer|employee|owner|resident|neighbou?r|friend|husband|wife|girlfriend|"
        r"boyfriend|son|daughter|mother|father|brother|sister|uncle|aunt|cousin|grandmother|"
        r"grandfather|roommate|motorist|pedestrian|bystander|youth|male|female|passenger|"
        r"security\s+guard|guard|cab\s+driver|worker|samaritan|star|player|veteran|soldier|"
        r"homeowner|teacher|pastor|nurse|doctor|rapper|father-in-law|mother-in-law|stepfather|"
        r"stepson|nephew|niece|grandson|granddaughter|fiancee?|partner|ex-wife|ex-husband|"
        r"juvenile|freshman|senior|rider|hunter")

# Slot predicates after the counted phrase; longest first so "shot and killed" beats "shot".
_AFTER_SLOTS: list[tuple[str, str]] = [
    ("killed", r"shot\s+(?:and\s+killed|dead|to\s+death)|stabbed\s+to\s+death|"
               r"burned\s+to\s+death|beaten\s+to\s+death|fatally\s+(?:shot|wounded|injured|"
               r"stabbed|struck|hit)|killed|dead|died|dies|die|deaths?|fatalities|fatality|slain|"
               r"murdered|massacred|executed|assassinated|perished|lost\s+their\s+lives|"
               r"confirmed\s+dead|pronounced\s+dead|found\s+dead"),
    ("hospitalized", r"hospitali[sz]ed|(?:taken|rushed|transported|delivered|sent|admitted|"
                     r"airlifted|evacuated|brought|transferred)\s+to\s+(?:(?:a|the|an|area|"
                     r"local|nearby|several|various|different)\s+)*(?:[a-z-]+\s+)?"
                     r"hospitals?|(?:being\s+)?treated\s+(?:at|in)\s+(?:a\s+|the\s+|local\s+|"
                     r"nearby\s+)?hospitals?|in\s+(?:the\s+)?hospital"),
    # "two others remain in critical condition": a condition is said only of the hurt.
    ("injured", r"shot\s+and\s+(?:wounded|injured)|injured|wounded|hurt|injuries|wounds|"
                r"casualties\s+injured|"
                r"in\s+(?:critical|serious|stable|grave|fair|life-threatening)\s+condition"),
    ("shot", r"shot(?!\s+(?:at|down|up|dead|and\s+killed|to\s+death))"),
    ("missing", r"missing|unaccounted\s+for|disappeared"),
    ("arrested", r"arrested|detained|apprehended|taken\s+into\s+custody|captured|"
                 r"in\s+custody|held\s+for\s+questioning"),
    ("kidnapped", r"kidnapped|abducted|taken\s+hostage|held\s+hostage|seized\s+as\s+hostages"),
]
_AFTER_RE = [
    (slot, re.compile(
        rf"^(?:\s+(?:of\s+(?:the\s+)?)?{_MOD}(?:{_PEOPLE}))?"
        r"(?:\s*,\s*(?:including|among\s+them|mostly|many\s+of\s+them)[^,]{0,60},)?"
        r"(?:\s+(?:who|that))?"
        r"(?:\s+(?:were|was|have|has|had|are|is|got|being|been|remain|remained|later|also|"
        r"reportedly|reported|confirmed|believed|feared|said|to\s+be|to\s+have|"
        r"initially|all|both|each|now|so\s+far|allegedly|seriously|critically|"
        r"severely|slightly|badly|gravely|lightly|mortally|still|already))*"
        rf"\s+(?P<pred>{pattern})\b"))
    for slot, pattern in _AFTER_SLOTS
]
# A verb with an object after it is active ("two men killed a clerk"); "were", "been" make
# it passive ("two men were killed").
# (An article after the verb is left alone: "two killed a day after the fire".)
_ACTIVE = re.compile(r"^(?:\s+or\s+[a-z]+)?\s+(?:themselves|himself|herself|him|her|them|his|"
                     r"their|its|\d+|two|three|four|five|six|seven|eight|nine|ten)\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got|be)\b")
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|them|those|these)\b")
# "three bodies were found", "police discover 3 bodies": each body is one dead.
_BODIES = re.compile(r"^\s+(?:dead\s+|more\s+)?bodies\b")
# "... taken to a hospital where they later died": the hospitalized are among the dead.
# A name counts too ("the pair were rushed to a clinic, where Ana Ruiz died"): the
# figure then mixes the dead and the hurt; a number ("where one died") is only some of them.
_DIED_THERE = re.compile(r"^[^.;]{0,60}?\bwhere\s+(?:they|he|she|both|all\s+\w+|"
                         r"(?!(?:one|two|three|four|five|\d+|some|several|many|most)\b)"
                         r"[a-z'’-]+(?:\s+[a-z'’-]+)?)\s+"
                         r"(?:\w+ly\s+|later\s+)*(?:died|succumbed|were\s+pronounced\s+dead)\b")
# "two dead terrorists", "three wounded soldiers": an adjective before the people noun.
_ADJ_RE = re.compile(rf"^\s+(?P<pred>dead|wounded|injured|missing)\s+{_MOD}(?:{_PEOPLE})\b")
_ADJ_SLOT = {"dead": "killed", "wounded": "injured", "injured": "injured", "missing": "missing"}

# Verbs before the number: "killing 15", "the blast wounded at least 20 people".
_BEFORE_SLOTS: list[tuple[str, str]] = [
    ("killed", r"killing|killed|kills|kill|murdering|murdered|massacring|massacred|"
               r"fatally\s+(?:shot|shooting|shoots|wounded|wounding)|"
               r"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|"
               r"took\s+the\s+lives\s+of|taking\s+the\s+lives\s+of|left\s+dead"),
    ("injured", r"wounding|wounded|injuring|injured|hurting|hurt|wounds|injures|"
                r"leaving\s+injured"),
    ("shot", r"shooting|shot|shoots|opened\s+fire\s+on"),
    ("kidnapped", r"kidnapping|kidnapped|abducting|abducted|kidnap|abduct"),
    ("arrested", r"arresting|arrested|detaining|detained|arrest"),
]
_BEFORE_RE = [(slot, re.compile(rf"\b(?:{pattern})\s+$")) for slot, pattern in _BEFORE_SLOTS]
# What must follow the number for a "killing N" reading: people, or the clause ends.
_BEFORE_TAIL = re.compile(
    rf"^(?:\s+{_MOD}(?:{_PEOPLE})\b|\s*(?:[,.;:)]|$)|\s+(?:and|in|on|at|during|when|while|"
    r"after|before|near|inside|outside|including|as)\b)")

# "the death toll rose to 95", "a death toll of 103", "the number of injured reached 50".
_TOLL_RE = re.compile(
    r"\b(?P<what>death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|"
    r"fatalities|victims|injured|wounded|people\s+injured|injuries)|injury\s+toll|"
    r"casualty\s+toll)\b(?P<mid>[^.;]{0,60}?)\s+(?P<verb>rose|risen|rises|climbed|climbs|"
    r"jumped|increased|reached|reaches|hit|stands|stood|was|is|has|had|of|at|to|"
    r"revised|lowered|dropped|fell|reduced|went|soared)(?:\s+(?:up|down|at|to|from\s+"
    r"\S+\s+to))*\s+$")
_RISE = ("rose", "risen", "rises", "climbed", "climbs", "jumped", "increased", "soared", "went")
_FALL = ("revised", "lowered", "dropped", "fell", "reduced")

# "two separate explosions", "twin bombings", "back-to-back explosions".
_BLAST_NOUN = (r"explosions?|blasts?|bombings?|bomb\s+attacks?|car\s+bombs?|detonations?|"
               r"suicide\s+bombings?|explosive\s+devices\s+(?:went\s+off|exploded|detonated)")
_BLAST_AFTER = re.compile(rf"^\s+{_MOD}(?:{_BLAST_NOUN})\b")
_BLAST_PAIR = re.compile(rf"\b(?:twin|back-to-back|double|two\s+consecutive)\s+{_MOD}"
                         rf"(?:{_BLAST_NOUN})\b")

# Numbers that are not counts: ages, times, addresses, measures, dates.
_NOT_COUNT_AFTER = re.compile(
    r"^(?:-|\s)*(?:years?|yrs?|year-old|months?|month-old|weeks?|days?|hours?|minutes?|"
    r"seconds?|a\.m\.|p\.m\.|am\b|pm\b|o'clock|block|percent|per\s+cent|%|times|rounds|"
    r"shots|bullets|feet|foot|ft|metres?|meters?|km|kilometres?|kilometers?|miles?|yards?|"
    r"inches|pounds|kg|dollars|cents|million\s+dollars|degrees|st\b|nd\b|rd\b|th\b|"
    r"calibre|caliber|mm|mph|cars?|vehicles?|homes?|houses?|buildings?|cases?|counts?|"
    r"charges?|guns?|rifles?|handguns?|weapons?|magazines?|grams?|ounces?|yo\b|y/o\b|"
    r"y\.o\.)")
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\$|#|no\.|number|route|highway|interstate|i-|aged?|ages|age\s+of|page|room|apt\.?|"
    r"suite|unit|channel|news|flight|section|chapter|since|in|of\s+the|sentenced\s+to|"
    r"(?:mother|father|parent|grandmother|grandfather)\s+of|"
    r"[a-z]+\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)\s*$")


# Sentences giving running totals or past tolls ("the city's 40th homicide this year",
# "since 2007, when 28 were killed"): their figures are not this incident's.
_BACKGROUND = re.compile(
    r"\b(?:this|the\s+past|so\s+far\s+this)\s+(?:year|month)\b|\blast\s+year\b|\bhomicides\b|"
    r"\bsince\s+(?:19|20)\d\d\b|\b(?:previous|prior|unrelated|separate)\s+(?:\w+\s+)?"
    r"(?:shootings?|incidents?|attacks?|cases?)\b|\b(?:weeks|months|years|a\s+year)\s+"
    r"(?:earlier|ago|before)\b|\bthe\s+past\s+week\b|\band\s+a\s+half\s+ago\b|"
    r"^\s*(?:related|more\s+from|read\s+more|see\s+also)\b|"
    # "quiet since a teen was stabbed there on May 14": a dated earlier event
    r"\bsince\s+[^.;]{0,80}?\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?\s+\d{1,2}\b|"
    # a "related stories" block: headlines of other incidents, one a line
    r"(?:^|\n)\s*(?:also|related(?:\s+(?:coverage|stories|articles|content|links))?|"
    r"more\s+(?:news|stories)|trending|recommended)\s*:?\s*\n")
# "3 dead, 8 hurt in weekend shootings", "one of 10 shootings": a tally over many incidents.
_ROUNDUP = re.compile(
    r"\b(?:weekend|overnight|holiday|separate|unrelated|citywide|city-wide)\s+(?:[a-z-]+\s+)?"
    r"(?:shootings|violence)\b|\bone\s+of\s+(?:\d+|[a-z]+)\s+(?:[a-z-]+\s+)?shootings\b|"
    r"\bshootings\s+(?:across|throughout|around|from\s+\w+\s+(?:to|through|into)|"
    r"(?:over|during|this|last)\s+(?:the\s+)?(?:weekend|holiday|night|week))\b|"
    r"\b(?:in|of)\s+(?:those|these)\s+shootings\b|"
    r"\b(?:\d+|three|four|five|six|seven|eight|nine|ten|dozens\s+of|dozen)\s+(?:[a-z-]+\s+)?"
    r"shootings\b|\bseries\s+of\s+shootings\b|"
    r"\bsince\s+(?:early|late|mid-?)?\s*(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b|"
    # "in South Side shootings" (no "the": not one spree), "a violent weekend", "shot in
    # Chicago in about ten hours", "across the city": tallies over many incidents.
    r"\bin\s+(?!the\b|those\b|these\b|both\b|two\b)(?:[a-z-]+\s+){1,3}shootings\b|"
    r"\b(?:violent|bloody|deadly)\s+(?:weekend|night|holiday)\b|"
    r"\bin\s+(?:just\s+|about\s+|less\s+than\s+|the\s+(?:past|last)\s+)?(?:\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve|24|48)\s+(?:hours|days)\b|"
    r"\bacross\s+the\s+city\b")
# "Jan. 5: a man is shot ...": a line of a dated list of past cases.
_DATED_ITEM = re.compile(r"\b(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*"
                         r"\.?\s+\d{1,2}\s*:\s")


def _lower(text: str) -> str:
    """Lower-case without changing length (a few characters grow under str.lower)."""
    low = text.lower()
    # str.lower maps each character alone except a final sigma; when no character
    # grew, it is the per-character mapping below (and much faster).
    if len(low) == len(text) and "\u03a3" not in text:
        return low.replace("’", "'")
    return "".join("'" if c == "’" else c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_not_count(low: str, match: re.Match[str]) -> bool:
    """Whether the number at ``match`` reads as an age, time, address, year or measure."""
    num = match.group("num")
    after = low[match.end():match.end() + 20]
    before = low[max(0, match.start() - 25):match.start()]
    if _NOT_COUNT_AFTER.match(after) or _rx(r"^(?:[:./]\d|-\d|\)|th\b)").match(after):
        return True
    # "Calvin Williams, 24 was shot": more than one takes "were", so "24 was" is an age;
    # "a 50 shot", "a .45": an article before digits makes them a name or a calibre.
    if num.isdigit() and ((int(num) > 1 and _rx(r"^\s+(?:was|is|has)\b").match(after))
                          or _rx(r"\b(?:a|an)\s+$").search(before)):
        return True
    if _rx(r"1[89]\d\d|20\d\d").fullmatch(num):  # a year
        return True
    if num in ("many", "numerous", "multiple", "some") and _rx(
            r"\b(?:so|too|how|as)\s*$").search(before):
        return True
    # "at some point the gunman shot ...": a vague word before a non-person noun.
    if num in ("some", "several", "multiple") and _rx(
            r"\s+(?:point|time|way|kind|sort)\b").match(after):
        return True
    # "no one was killed" (a negation, not one victim); "Image 3 of 16" (a photo gallery).
    if _rx(r"\b(?:no|not|none|nobody)\s*$").search(before) and num == "one":
        return True
    if _rx(r"\b(?:image|photo|picture|slide|video)s?\s+\d+\s+of\s*(?:/\s*)?$").search(before):
        return True
    # "John Smith, 35, was shot": an age in apposition.
    return bool(_rx(r",\s*$").search(before) and _rx(r"^\s*,").match(after)
                and num.isdigit()) or bool(_NOT_COUNT_BEFORE.search(before))


# --- numeric rules ---------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    slot: str
    qty: Quantity
    start: int  # offsets within the sentence
    end: int
    update: str | None
    rule: str


def _after_hit(low: str, match: re.Match[str], qty: Quantity) -> _Hit | None:
    rest = low[match.end():match.end() + 160].split("\n", 1)[0]  # a line ends a headline
    adj = _ADJ_RE.match(rest)
    if adj:
        # "30 injured people were taken to hospitals" counts the hospitalized.
        slot, end = _ADJ_SLOT[adj.group("pred")], match.end() + adj.end()
        hosp = dict(_AFTER_RE)["hospitalized"].match(rest[adj.end():])
        if hosp:
            slot, end = "hospitalized", end + hosp.end()
        return _Hit(slot, qty, match.start(), end, None, "counts.numeric_adjective.v1")
    bodies = _BODIES.match(rest)
    if bodies:
        return _Hit("killed", qty, match.start(), match.end() + bodies.end(), None,
                    "counts.bodies.v1")
    for slot, regex in _AFTER_RE:
        found = regex.match(rest)
        if found:
            if slot == "hospitalized" and _DIED_THERE.match(rest[found.end():]):
                return None  # "taken to a hospital, where they died": dead, not hurt
            if _ACTIVE.match(rest[found.end():]) and not _PASSIVE.search(found.group(0)):
                return None  # "eight children have killed themselves": the doers, not victims
            # "two of the victims remain in critical condition": some of the hurt only
            part = slot in ("injured", "hospitalized") and _PARTITIVE.match(rest)
            return _Hit(slot, qty, match.start(), match.end() + found.end(), None,
                        "counts.partitive.v1" if part else "counts.numeric_subject.v1")
    if _BLAST_AFTER.match(rest):
        end = match.end() + _BLAST_AFTER.match(rest).end()  # type: ignore[union-attr]
        return _Hit("explosions", qty, match.start(), end, None, "counts.explosions.v1")
    return None


def _before_hit(low: str, match: re.Match[str], qty: Quantity) -> _Hit | None:
    before = low[max(0, match.start() - 120):match.start()]
    before = before[before.rfind("\n") + 1:]  # headlines and list items end at a line break
    tail = low[match.end():match.end() + 60]
    toll = _TOLL_RE.search(before)
    if toll:
        verb = toll.group("verb")
        update = "rose_to" if verb in _RISE else "revised_down" if verb in _FALL else None
        what = toll.group("what")
        slot = "injured" if _rx(r"injur|wound").search(what) else "killed"
        start = match.start() - len(before) + toll.start()
        return _Hit(slot, qty, start, match.end(), update, "counts.toll.v1")
    if not _BEFORE_TAIL.match(tail):
        return None
    for slot, regex in _BEFORE_RE:
        found = regex.search(before)
        if found:
            people = _rx(rf"^\s+{_MOD}(?:{_PEOPLE})\b").match(tail)
            end = match.end() + (people.end() if people else 0)
            start = match.start() - len(before) + found.start()
            return _Hit(slot, qty, start, end, None, "counts.numeric_object.v1")
    return None


def _fatally_tail(low: str, end: int) -> tuple[Quantity, int] | None:
    """"N people were shot, two fatally" / "..., one of them fatally": the dead among N."""
    tail = _rx(r"^\s*(?:,|--|-|—)?\s*(?:and\s+)?").match(low[end:])
    pos = end + (tail.end() if tail else 0)
    qm = QUANTITY_RE.match(low, pos)
    if not qm:
        return None
    rest = _rx(r"^(?:\s+of\s+them)?\s+(?:fatally|mortally|died)\b").match(low[qm.end():])
    qty = quantity_from_match(qm)
    if not rest or qty is None:
        return None
    return qty, qm.end() + rest.end()


def _numeric_hits(low: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for match in QUANTITY_RE.finditer(low):
        qty = quantity_from_match(match)
        if qty is None or _is_not_count(low, match):
            continue
        hit = _after_hit(low, match, qty) or _before_hit(low, match, qty)
        if hit is None:
            continue
        if hit.slot == "shot":
            hits.extend(_split_shot(low, hit))
            continue
        hits.append(hit)
    hits.extend(_multi_hits(low))
    hits.extend(_kill_list_hits(low))
    hits.extend(_ordinal_hits(low))
    hits.extend(_Hit("injured", Quantity(1, 1, 1, "exact"), m.start(), m.end(), None,
                     "counts.numeric_object.v1") for m in _HURT_ANOTHER.finditer(low))
    for pair in _BLAST_PAIR.finditer(low):
        hits.append(_Hit("explosions", Quantity(2, 2, 2, "exact"), pair.start(), pair.end(),
                         None, "counts.explosions_pair.v1"))
    return _distribute_qualifiers(low, hits)


_PAIR_RE = re.compile(
    rf"\b(?:a|an|one)\s+(?:[a-z0-9'’-]+\s+){{0,3}}?(?:{_ONE})\s+and\s+(?:(?:a|an|one|another|"
    rf"his|her|their)\s+)?(?:[a-z0-9'’-]+\s+){{0,3}}?(?:{_ONE})\s+"
    r"(?:(?:were|have\s+been|are|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?P<pred>shot\s+and\s+killed|shot\s+dead|shot\s+to\s+death|killed|shot|"
    r"wounded|injured|hurt|found\s+dead|dead)|(?P<died>died))\b")
# Two victims as the object of a killing: "fatally shot a woman and her daughter",
# "kills wife and stepdaughter". A modifier word is never a verb ("and wounded a man").
_PAIR_MOD = (r"(?:(?!(?:wound|injur|shot|hurt|kill|left|sent|struck|hit|fled|ran)\w*\b)"
             r"[a-z0-9'’-]+\s+)")
_PAIR_OBJ = re.compile(
    r"\b(?:killed|killing|kills|murdered|murdering|fatally\s+(?:shot|shooting|shoots)|"
    r"shot\s+and\s+killed|shoots\s+and\s+kills|shot\s+to\s+death)\s+"
    rf"(?:(?:a|an|his|her|their|the)\s+)?{_PAIR_MOD}{{0,2}}?(?:{_ONE})\s*,?\s+and\s+"
    rf"(?:(?:a|an|his|her|their|the)\s+)?{_PAIR_MOD}{{0,2}}?(?:{_ONE})\b")
_MULTI_N = {"double": 2, "triple": 3, "quadruple": 4}

# "kills wife, 4 kids, then himself", "fatally shoots 3 musicians, self": a list of the
# dead ending with the shooter. Each item counts its number, else one person.
_LIST_SEP = r"(?: ?, ?(?:and )?(?:then )?| (?:and|then) (?:then )?)"
_LIST_ITEM = r"[a-z0-9'’-]+(?: [a-z0-9'’-]+){0,3}?"
_KILL_LIST = re.compile(
    r"\b(?:killed|kills|killing|kill|murdered|murders|fatally (?:shot|shoots|shooting)|"
    r"shot and killed|shoots and kills) "
    rf"(?P<items>{_LIST_ITEM}(?:{_LIST_SEP}{_LIST_ITEM}){{0,5}}?)"
    rf"(?:{_LIST_SEP}| before (?:killing|shooting|turning the gun on) )(?:him|her)?self\b")


# "an 8th teen was injured", "a third victim was shot": at least that many were hit, the
# dead among them (the ordinal counts everyone hit so far).
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL_VICTIM = re.compile(
    rf"\b(?:an?|the)\s+(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)})\s+"
    r"(?:[a-z-]+\s+)?(?:victim|person|teen|teenager|man|woman|child|boy|girl)\s+"
    r"(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?(?:shot|injured|wounded|hurt)\b")


# "left three dead and injured another", "killing one and wounding another": one more hurt.
_HURT_ANOTHER = re.compile(r"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt(?:ing)?)\s+(?:another|"
                           r"one\s+other)\b(?!\s+(?:[a-z-]+\s+)?(?:shooting|incident|attack|"
                           r"time|day|week|year|case)s?\b)"
                           # "injured another student and a teacher": a list, counted elsewhere
                           r"(?![^.;]{0,30}?\band\s+(?:a|an|his|her|their|the|\d+|two|three)\b)")


def _ordinal_hits(low: str) -> list[_Hit]:
    hits = []
    for m in _ORDINAL_VICTIM.finditer(low):
        word = m.group("ord")
        n = _ORDINALS.get(word) or int(_rx(r"\D").sub("", word))
        if n >= 2:
            hits.append(_Hit("injured", Quantity(n, n, None, "at_least"), m.start(), m.end(),
                             None, "counts.shot_total.v1"))
    return hits


def _kill_list_hits(low: str) -> list[_Hit]:
    hits = []
    for m in _KILL_LIST.finditer(low):
        items = [i for i in _rx(r"\s*,\s*|\s+and\s+|\s+then\s+").split(m.group("items").strip())
                 if i and i not in ("and", "then")]
        if any("year-old" in item for item in items):
            continue  # "April Ruiz and another man, 43-year-old Joe Cole": appositions
        total = 0
        for item in items:
            qm = QUANTITY_RE.search(item)
            qty = quantity_from_match(qm) if qm else None
            if qty is None and _rx(r"(?:(?<!s)s|children|people|men|family)$").search(item):
                total = 0  # "killed his children, then himself": how many is not said
                break
            total += qty.value if qty is not None else 1
        if total:
            n = total + 1
            hits.append(_Hit("killed", Quantity(n, n, n, "exact"), m.start(), m.end(), None,
                             "counts.kill_list_self.v1"))
    return hits


# One person and a number of others as one subject: "an infant and two women died",
# "two men and a teen were wounded", "Police identify infant, 2 women killed" (a comma
# joins them only in a headline's bare nouns: "killed a man, two women were hurt" is two).
_SMALL = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
_MANY = (r"people|persons|men|women|children|kids|boys|girls|teens|teenagers|adults|"
         r"officers|brothers|sisters|sons|daughters|relatives|victims|students|friends")
# A modifier is never an article, a preposition or a verb of harm ("killed a man").
_ITEM_MOD = (r"(?:(?!(?:(?:a|an|the|and|or|of|in|on|at|by|to|with|was|were)\b|(?:wound|injur|"
             r"shot|hurt|kill|left|sent|struck|hit)))[a-z0-9'’-]+\s+)")
_ONE_ITEM = rf"{_ITEM_MOD}{{0,2}}?(?:{_ONE}|infant)"
_BARE_ONE = rf"(?<!\ba )(?<!\ban )(?<!\bone ){_ONE_ITEM}"


def _many_item(group: str) -> str:
    return rf"(?P<{group}>{_SMALL})\s+{_ITEM_MOD}{{0,2}}?(?:{_MANY})"


_MIXED_PAIR = re.compile(
    rf"\b(?:(?:a|an|one)\s+{_ONE_ITEM}\s+and\s+{_many_item('n1')}"
    rf"|{_BARE_ONE}(?:\s*,\s*|\s+and\s+){_many_item('n2')}"
    rf"|{_many_item('n3')}\s+and\s+(?:a|an|one)\s+{_ONE_ITEM})"
    r"\s+(?:(?:were|are|have\s+been|had\s+been)\s+)?(?:\w+ly\s+)?"
    r"(?P<pred>shot\s+and\s+killed|shot\s+dead|killed|died|dead|wounded|injured|hurt)\b")


# A headline's two bare victims: "8-Year-Old Boy, Woman Shot", "Baby, Woman Killed".
_HEADLINE_PAIR = re.compile(
    rf"(?:^|\n)(?:[^\n:]{{0,30}}:\s*)?(?P<pair>(?:an?\s+)?{_ONE_ITEM}\s*(?:,|\band\b|&)\s*"
    rf"(?:an?\s+)?{_ONE_ITEM})\s+(?P<pred>shot\s+and\s+killed|shot\s+dead|killed|dead|shot|"
    r"wounded|injured|hurt)\b")


# Every _MIXED_PAIR match ends in one of these words: a quick test before the long pattern.
_MIXED_PRED = re.compile(r"shot|killed|died|dead|wounded|injured|hurt")


def _mixed_pair_hits(low: str) -> list[_Hit]:
    hits: list[_Hit] = []
    if _MIXED_PRED.search(low) is None:
        return hits
    for m in _MIXED_PAIR.finditer(low):
        num = QUANTITY_RE.match(m.group("n1") or m.group("n2") or m.group("n3"))
        qty = quantity_from_match(num) if num else None
        if qty is None:
            continue
        n = qty.value + 1
        slot = "injured" if m.group("pred") in ("wounded", "injured", "hurt") else "killed"
        hits.append(_Hit(slot, Quantity(n, n, n, "exact"), m.start(), m.end(), None,
                         "counts.coordinated_pair.v1"))
    return hits


def _multi_hits(low: str) -> list[_Hit]:
    """"a double shooting" (2 shot), "double homicide" (2 killed), "a man and a woman were shot"."""
    hits = []
    for m in _MULTI.finditer(low):
        n = _MULTI_N[m.group("n")]
        slot = {"shooting": "shot", "stabbing": "injured"}.get(m.group("what"), "killed")
        hit = _Hit(slot, Quantity(n, n, n, "exact"), m.start(), m.end(), None,
                   "counts.multi_word.v1")
        hits.extend(_split_shot(low, hit) if slot == "shot" else [hit])
    for m in _PAIR_OBJ.finditer(low):
        hits.append(_Hit("killed", Quantity(2, 2, 2, "exact"), m.start(), m.end(), None,
                         "counts.killed_pair.v1"))
    hits.extend(_mixed_pair_hits(low))
    for m in _HEADLINE_PAIR.finditer(low):
        pred = m.group("pred")
        slot = "shot" if pred == "shot" else "killed" if _rx("kill|dead").search(pred) \
            else "injured"
        hit = _Hit(slot, Quantity(2, 2, 2, "exact"), m.start("pair"), m.end(), None,
                   "counts.coordinated_pair.v1")
        hits.extend(_split_shot(low, hit) if slot == "shot" else [hit])
    for m in _PAIR_RE.finditer(low):
        pred = m.group("pred") or "dead"
        slot = "shot" if pred == "shot" else "killed" if _rx("kill|dead|death").search(pred) \
            else "injured"
        hit = _Hit(slot, Quantity(2, 2, 2, "exact"), m.start(), m.end(), None,
                   "counts.coordinated_pair.v1")
        hits.extend(_split_shot(low, hit) if slot == "shot" else [hit])
    return hits


def _split_shot(low: str, hit: _Hit) -> list[_Hit]:
    """People shot = wounded + killed; split off "two fatally" when the text says so."""
    fatal = _fatally_tail(low, hit.end)
    if fatal is None:
        # "one killed, six others shot": "others" are those not already counted dead.
        # "nine were shot, none fatally": all of them are the wounded.
        others = _rx(r"\bothers?\b").search(low[hit.start:hit.end]) is not None or _rx(
            r"^[^.;]{0,40}?\bnone\s+(?:of\s+them\s+)?(?:fatally|critically|died)"
        ).match(low[hit.end:]) is not None
        return [replace(hit, slot="injured",
                        rule="counts.shot_others.v1" if others else "counts.shot_total.v1")]
    dead, end = fatal
    left = max(0, hit.qty.value - dead.value)
    wounded = Quantity(left, left if hit.qty.low is not None else None,
                       None if hit.qty.high is None else left, hit.qty.qualifier)
    return [replace(hit, slot="killed", qty=dead, end=end, rule="counts.shot_fatally.v1"),
            replace(hit, qty=wounded, slot="injured", end=end, rule="counts.shot_fatally.v1")]


def _distribute_qualifiers(low: str, hits: list[_Hit]) -> list[_Hit]:
    """"at least 103 killed and 211 injured": the hedge carries over the coordination."""
    out: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        prev = out[-1] if out else None
        if (prev and hit.qty.qualifier == "exact" and prev.qty.qualifier in ("at_least",
                                                                            "more_than", "about")
                and _rx(r"\s*(?:,\s*)?and\s+").fullmatch(low[prev.end:hit.start])):
            q = prev.qty.qualifier
            value = hit.qty.value
            low_v = value + 1 if q == "more_than" else value
            high = None if q != "about" else value + max(1, round(value * 0.1))
            hit = replace(hit, qty=Quantity(value, low_v, high, q))
        out.append(hit)
    return out


# --- single-victim rules -----------------------------------------------------------

_DET = r"(?:a|an|the|his|her|their|one|another|its)\s+(?:[a-z0-9'’-]+\s+){0,3}?"
# Whole words only: "a boy dead and a woman hurt" and "a man killed at home" name victims.
_NOT_OBJ = r"(?!\s+(?:(?:his|her|a|an|the|their|him|them|its|my|two|three)\b|\d))"
_KILL_PRED = (r"(?:shot|stabbed|beaten|burned)\s*(?:,|and)?\s*(?:killed|dead|to\s+death)|"
              r"fatally\s+(?:shot|wounded|injured|stabbed|struck)|killed|murdered|slain|"
              r"pronounced\s+dead|found\s+dead|declared\s+dead|assassinated|executed|"
              r"gunned\s+down|mortally\s+wounded|dead")
_SINGLE_KILLED = re.compile(
    rf"\b(?:was|has\s+been|had\s+been|is|got)\s+(?:\w+ly\s+|found\s+|later\s+)*"
    rf"(?:{_KILL_PRED})\b"
    r"|\b(?:died|dies|succumbed|passed\s+away|lost\s+(?:his|her)\s+life)\b"
    rf"|\b(?:{_ONE})\s+(?:found\s+)?(?:{_KILL_PRED})\b{_NOT_OBJ}"
    r"|\b(?:killing|killed|kills|murdered|murdering|shot\s+and\s+killed|shoots\s+(?:&|and)\s+"
    r"kills|fatally\s+shooting|fatally\s+shot|fatally\s+shoots|gunned\s+down|gunning\s+down)"
    rf"\s+{_DET}(?:{_ONE})\b"
    # "killing him." but not "killing her two passengers" (a possessive)
    r"|\b(?:killing|fatally\s+wounding)\s+(?:him|her)(?=\s*(?:[.,;:]|$|(?:and|in|on|at|"
    r"with|instantly|inside|outside|there)\b))|\bpronounced\s+(?:him|her)\s+dead\b"
    r"|\b(?:(?:shooting|gunshot)\s+death|murder|killing|slaying|homicide)\s+of\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:[a-z0-9'’-]+\s+){0,3}?(?:"
    + _ONE + r")\b|\b(?:(?:man|woman|victim|teen|boy|girl)'s\s+body|(?:his|her)\s+body\s+(?:was|is|"
    r"had\s+been)\s+(?:found|discovered)|body\s+of\s+(?:a|the)\s+(?:man|woman|victim))\b"
    r"|\bdead\s+from\s+(?:a\s+)?gunshot")
# Verbs whose object, when a PERSON name follows, is a victim ("killed Jamal Berry").
_KILL_OBJ = re.compile(r"\b(?:killing|killed|murdered|murdering|shot\s+and\s+killed|"
                       r"fatally\s+shooting|fatally\s+shot|(?:shooting|gunshot)\s+death\s+of|"
                       r"death\s+of|murder\s+of|killing\s+of|slaying\s+of)\s+(?=\S)")
_HURT_OBJ = re.compile(r"\b(?:shot|shooting|wounding|wounded|injuring|injured)\s+(?=\S)")
_SUICIDE = re.compile(
    r"\b(?:killed|killing|kills|shot|shooting|shoots)\s+(?:himself|herself)\b|"
    r"\bturn(?:ed|ing|s)\s+the\s+gun\s+on\s+(?:himself|herself)\b|\btook\s+(?:his|her)\s+own\s+life\b|\bself-inflicted\s+(?:gunshot\s+)?wound"
    r"|\bcommitted\s+suicide\b|\b(?:and\s+)?then\s+(?:himself|herself)\b")
# A suicide that is surely fatal; a bare "shot himself" (a toddler playing with a gun) is not.
_FATAL_SELF = re.compile(r"\b(?:killed|killing|kills|kill)\s+(?:himself|herself)\b|"
                         r"\b(?:killed|killing|kills|shot\s+and\s+killed)\b.*\bthen\s+"
                         r"(?:himself|herself)\b|\bown\s+life\b|"
                         r"\bcommitted\s+suicide\b|\bturn(?:ed|ing|s)\s+the\s+gun\s+on\b|"
                         r"\bfatal(?:ly)?\b|\bdied\b|\bdead\b|\bdeath\b")
# A shooter's suicide after harming others: "shot his wife and then himself", "the gunman
# killed himself", "a murder-suicide". Without such cues the one who shot himself is the
# victim the report is about, not a second person.
_OTHERS_FIRST = re.compile(
    r"\b(?:murder-suicide|murder\s+suicide|gunman|shooter|suspect|attacker|"
    r"killer|assailant)\b|\b(?:killed|killing|shot|shooting|stabbed|murdered)\s+(?:his|her|"
    r"their|two|three|four|five|\d|a|an|the)\b|\b(?:killed|killing|shot|shooting|stabbed|"
    r"murdered)\b[^.;]*\b(?:then|before)\s+(?:\w+\s+)?$")
# "if the teen shot himself", "initially claiming the boy shot himself": not a finding.
_SELF_DOUBT = re.compile(r"\b(?:if|whether|claim(?:ed|ing|s)?|lied|falsely|initially|"
                         r"pretend(?:ed|ing)?|staged)\b[^.;]{0,60}$")
# "shot himself in the leg", "an accidental, self-inflicted wound": the one hurt is the
# victim the report is about, not a shooter who died after harming others.
_SELF_HURT = re.compile(r"^\s+in\s+(?:the|his|her)\s+(?:\w+\s+)?(?:leg|foot|feet|hand|arm|"
                        r"thigh|knee|shoulder|finger|hip|ankle|calf|buttocks?|side)\b")
_ACCIDENT = re.compile(r"\baccident(?:al|ally)?\b|\bwhile\s+(?:playing|cleaning|handling)\b")
_HURT_PRED = r"shot|wounded|injured|hurt|grazed|hit|struck"
_SINGLE_INJURED = re.compile(
    rf"\b(?:was|has\s+been|had\s+been|is|got)\s+(?:(?!fatally|mortally)\w+ly\s+)?"
    rf"(?:{_HURT_PRED})\b"
    r"(?!\s*(?:,|and)?\s*(?:killed|dead|to\s+death|at\b|down|by\s+(?:a\s+)?(?:car|vehicle|"
    r"train|truck)))"
    rf"|\b(?:{_ONE})\s+(?:(?:is|was)\s+)?(?:shot|wounded|injured|hurt)\b"
    # "the suspect shot both men", "shot open the door": the one named is the shooter. After
    # a comma a new clause starts: "Deputy Hurt, Gunman Dead" names a wounded deputy.
    r"(?!\s*(?:,|and)?\s*(?:killed|dead|to\s+death|at\b|down)\b"
    r"|\s*(?:and\s+)?(?:his|her|a|an|the|their|him|them|"
    r"both|open|two|three|four|five|\d|several|my|our|its|another|someone|"
    rf"(?:him|her)sel(?:f|ves)|(?:{_ONE}))\b)"
    r"|\b(?:suffered|sustained|suffering|sustaining|treated\s+for|with)\s+(?:a\s+|an\s+|"
    r"at\s+least\s+one\s+)?(?:[a-z-]+\s+){0,3}?(?:gunshot\s+wounds?|bullet\s+wounds?|"
    r"wounds?|injuries|injury)\b"
    # "shot her baby": the possessive's noun is the victim, not "her".
    rf"|\b(?:shot|shooting|wounding|wounded|injuring|injured|hitting|striking|struck)\s+"
    rf"(?:{_DET}(?:{_ONE})|him|her)\b"
    rf"|\bleft\s+{_DET}(?:{_ONE})\s+(?:injured|wounded|hurt|in\s+\w+\s+condition|with)\b"
    r"|\bin\s+(?:critical|stable|serious|fair|good|grave)\s+condition\b"
    r"|\b(?:is|was)\s+(?:\w+ly\s+)?(?:recovering|expected\s+to\s+(?:survive|recover))\b")
_SINGLE_HOSP = re.compile(
    r"\b(?:was|has\s+been|had\s+been|is|got)\s+(?:\w+ly\s+)?(?:hospitali[sz]ed|(?:taken|"
    r"rushed|transported|airlifted|flown|driven|brought)\s+to\s+(?:(?:a|the|an|area|local|"
    r"nearby)\s+)?(?:[a-z'’-]+\s+){0,3}?(?:hospital|medical\s+center|trauma\s+center))\b"
    r"|\b(?:remains|remained)\s+(?:hospitali[sz]ed|in\s+(?:the\s+)?hospital)\b")
_PLURAL_SUBJ = re.compile(
    r"\b(?:they|both|all|everyone|everybody|two|three|four|five|six|seven|eight|nine|ten|\d+|people|victims|"
    r"men|women|others|several|many|officers|each)\s+(?:[a-z-]+\s+)?"
    r"(?:(?:were|have|had|been|are|later|all|both|also|\w+ly)\s+)*$")
# "no one was killed", "none of them were hurt": a negated subject names no victim.
# "neither officer was hurt", "no officers or anyone else inside the bank was injured" too.
_NO_SUBJ = re.compile(r"\b(?:no\s+one|nobody|anyone|anybody|(?:none|neither)(?:\s+of\s+\w+)?|"
                      r"no\s+(?:other\s+)?(?:people|persons?|victims?|officers?|one\s+else|"
                      r"bystanders?)(?:\s+or\s+anyone(?:\s+else)?)?)\s+(?:[a-z]+\s+){0,3}$")
_MULTI = re.compile(r"\b(?P<n>double|triple|quadruple)\s+(?P<what>shooting|homicide|murder|"
                    r"killing|stabbing)\b")

_MALE = {"man", "boy", "he", "him", "his", "father", "husband", "son", "brother", "boyfriend",
         "uncle", "grandfather", "male", "gentleman", "nephew", "grandson", "stepson"}
_FEMALE = {"woman", "girl", "she", "her", "mother", "wife", "daughter", "sister", "girlfriend",
           "aunt", "grandmother", "female", "lady", "niece", "granddaughter"}
# "another man", "a second victim", "the other woman": a mention marked as someone new.
_NEW_MARK = re.compile(rf"\b(?:another|second|other|third|a\s+different)\s+(?:[a-z0-9'’-]+\s+)?"
                       rf"(?:{_ONE}|person|one)\b|\banother\s*$")
# Headlines and list items end at a line break: a subject never reaches across one.
_CLAUSE_BREAKS = (". ", "; ", " and ", " but ", ", ", " after ", " when ", " while ",
                  " where ", " who ", '"', "“", " | ", " -- ", " – ", " said ", " says ",
                  " told ", "\n")
_POSSESSIVE = frozenset({"his", "her", "their"})


@dataclass
class _Victim:
    name: str | None
    gender: str | None
    status: set[str]
    first: dict[str, tuple[int, int, int]]  # slot -> (start, end, sent_start)
    side: str | None = None  # "police" or "offender" when a mention says so


@dataclass(frozen=True)
class _Key:
    """What one mention says about its victim."""

    name: str | None
    gender: str | None
    new: bool
    slot: str = ""
    same: bool = False  # a coordinated predicate: the previous mention's subject
    side: str | None = None  # "police" or "offender": see ``_side``


def _window_start(low: str, pos: int) -> int:
    """Where the clause before ``pos`` starts (just after the previous clause break)."""
    head = low[:pos]
    found = [(head.rfind(m), m) for m in _CLAUSE_BREAKS if m in head]
    if not found:
        return 0
    at, mark = max(found, key=lambda f: f[0] + len(f[1]))
    window = head[at + len(mark):]
    # "the woman, who suffered ...": the subject sits before the relative pronoun.
    if mark != "\n" and _rx(r"\s*(?:who|which|that)?\s*").fullmatch(window):
        return _window_start(low, at)
    return at + len(mark)


def _subject_window(low: str, pos: int) -> str:
    """The clause text before a predicate (back to the previous clause break)."""
    return low[_window_start(low, pos):pos]


def _gender(text: str) -> str | None:
    """Gender of the nearest gendered word (the head noun or pronoun sits last).

    A possessive before a noun ("his friend") says nothing about the noun's gender.
    """
    words = _rx(r"[a-z]+").findall(text)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _POSSESSIVE and i < len(words) - 1:
            continue
        if word in _MALE:
            return "m"
        if word in _FEMALE:
            return "f"
        if _rx(_ONE).fullmatch(word):
            return None  # the head noun is known and not gendered ("the child died")
    return None


_POLICE_WORDS = frozenset({"officer", "officers", "deputy", "trooper", "agent", "policeman",
                           "patrolman", "sergeant", "detective", "marshal", "constable"})
_OFFENDER_WORDS = frozenset({"suspect", "gunman", "shooter", "robber", "burglar", "intruder",
                             "attacker", "assailant", "carjacker", "fugitive"})


_BY_AGENT = re.compile(r"\bby\s+(?:[a-z'’-]+(?:\s+|$)){1,4}")


def _side(text: str) -> str | None:
    """Which side the head noun names: an officer and the gunman he shot are two people.

    Like ``_gender``, the nearest role word counts; any other victim noun says nothing.
    An agent ("the man shot by an officer has died") names the shooter, not the victim.
    """
    for word in reversed(_rx(r"[a-z]+").findall(_BY_AGENT.sub(" ", text))):
        if word in _POLICE_WORDS:
            return "police"
        if word in _OFFENDER_WORDS:
            return "offender"
        if _rx(_ONE).fullmatch(word):
            return None
    return None


# PERSON entities that are headline words or junk, not names ("Teen", "Man Shot").
_BAD_NAME = re.compile(rf"(?:^|\s)(?:{_ONE}|shot|killed|dies|dead|police|wounded|injured|"
                       r"suspect|officer)(?:\s|$)|[|(/@:]|\s[-–—]\s")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _is_place(ent: Any) -> bool:
    """Whether the text of a PERSON entity is mostly tagged a place elsewhere in the doc.

    The tagger reads a town in a headline ("Smalltown Shooting Victim Dies") as a person;
    the same word in running text ("a shooting in Smalltown") it tags as a place.
    """
    text = ent.text.lower()
    labels = [e.label_ for e in doc_ents(ent.doc) if e.text.lower() == text]
    places = sum(label in _PLACE_LABELS for label in labels)
    if places > 0 and places >= labels.count("PERSON"):
        return True
    # "the shooting in Smalltown": a person is not "in" someone (bar "in Smith's home").
    return _after_locative(_lower(doc_text(ent.doc)), text)


def _after_locative(low: str, name: str) -> bool:
    r"""``re.search(rf"\b(?:in|near|outside)\s+{re.escape(name)}\b(?!['’])", low)``.

    Written out rather than compiled per name: re's cache is shared, and one-off patterns
    push the fixed ones of every module out of it (each then compiles again).
    """
    at = low.find(name)
    while at >= 0:
        if _locative_before(low, at) and _ends_word(low, at + len(name)):
            return True
        at = low.find(name, at + 1)
    return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # re's \w


def _locative_before(low: str, at: int) -> bool:
    r"""``\b(?:in|near|outside)\s+`` ends at ``at``."""
    start = at
    while start > 0 and low[start - 1].isspace():  # str.isspace is re's \s
        start -= 1
    if start == at:
        return False
    return any(low.startswith(word, start - len(word)) and start >= len(word)
               and (start == len(word) or not _is_word(low[start - len(word) - 1]))
               for word in ("in", "near", "outside"))


def _ends_word(low: str, end: int) -> bool:
    r"""``\b(?!['’])`` holds at ``end``."""
    before = end > 0 and _is_word(low[end - 1])
    after = end < len(low) and _is_word(low[end])
    return before != after and (end == len(low) or low[end] not in "'’")


def _person_ent(sent: Any, lo: int, hi: int, *, last: bool = False) -> Any:
    """The first (or ``last``) PERSON entity starting in [lo, hi) of the sentence."""
    ents = span_ents(sent)
    for ent in (reversed(ents) if last else ents):
        if (ent.label_ == "PERSON" and lo <= ent.start_char - sent.start_char < hi
                and not _BAD_NAME.search(_lower(ent.text)) and not _is_place(ent)
                and not _MODIFIES_PERSON.match(_lower(doc_text(ent.doc)[ent.end_char:
                                                                  ent.end_char + 40]))):
            return ent
    return None


# "Clearwater boy killed himself": a name-like word before a person noun is a place or a
# team the person belongs to, not the person's name.
_MODIFIES_PERSON = re.compile(rf"^\s+(?:[a-z0-9'’-]+\s+)?(?:{_ONE})\b(?!['’]s)")


def _person_at(sent: Any, lo: int, hi: int, *, last: bool = False) -> str | None:
    """Name (lower-cased) of the first (or ``last``) PERSON entity starting in [lo, hi)."""
    ent = _person_ent(sent, lo, hi, last=last)
    return _lower(ent.text) if ent is not None else None


_NAME_FILLER = frozenset({"jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr"})


def _same_name(a: str, b: str) -> bool:
    """"Ivo Brandt", "Brandt" and "Ivo" name one person: they share a name word."""
    full = [[w for w in _rx(r"[a-z][a-z'’-]+").findall(n) if w not in _NAME_FILLER]
            for n in (a, b)]
    # "Adam Laber" and "Jenna Laber": relatives share a surname, not a first name.
    if all(len(f) >= 2 for f in full) and full[0][0] != full[1][0]:
        return False
    return bool(set(full[0]) & set(full[1]))


# Between a name and a predicate, a complementizer or pronoun starts a new subject:
# "a cousin told Marta Ilves that the boy had died".
_NOT_NAME_SUBJECT = re.compile(r"\b(?:that|he|she|they|him|her)\b")


def _subject_name(sent: Any, low: str, start: int, window: str) -> tuple[str | None, int]:
    """The PERSON name that is the subject of a predicate at ``start``, and where it ends."""
    ent = _person_ent(sent, start - len(window), start + 1, last=True)
    if ent is None:
        return None, start - len(window)
    end = ent.end_char - sent.start_char
    # "Greta Solheim learned that her brother had been killed": a verb between the name and
    # the predicate means the name is not its subject.
    verbs = any(t.pos_ == "VERB" and ent.end_char <= t.idx < sent.start_char + start
                for t in doc_tokens(sent.doc)[sent.start:sent.end])
    if verbs or _NOT_NAME_SUBJECT.search(low[end:start]):
        return None, start - len(window)
    return _lower(ent.text), end


# "Rolf Danner was hit in the neck and died": after "and", a predicate with no subject of its
# own shares the previous one's.
_SAME_SUBJECT = re.compile(r"\s(?:and|but)\s+(?:(?:later|then|also|eventually|subsequently|"
                           r"soon|\w+ly)\s+)*$")


# An agent phrase ending right before a predicate: "by her son", "by a 4-year-old boy".
_AGENT = re.compile(r"\bby\s+(?:[a-z0-9'’-]+\s+){1,4}$")


def _victim_key(sent: Any, low: str, start: int, end: int, obj: bool, slot: str) -> _Key:
    """What the mention of a ``slot`` predicate at [start, end) says about its victim.

    ``obj``: the victim follows the verb ("killing his wife"), else it precedes it.
    """
    if obj:
        text = low[start:end]
        return _Key(_person_at(sent, start, end + 1), _gender(text), False, slot,
                    side=_side(text))
    window = _subject_window(low, start)
    name, name_end = _subject_name(sent, low, start, window)
    # After a name, only the words after it speak about the victim's gender; an agent
    # ("a mother shot by her son dies") says nothing about it.
    gender = _gender(_AGENT.sub(" ", low[name_end:start] if name else window) + low[start:end])
    same = bool(_SAME_SUBJECT.search(low[:start]))
    return _Key(name, gender, bool(_NEW_MARK.search(window)), slot, same,
                _side(window + low[start:end]))


def _compatible(v: _Victim, key: _Key) -> bool:
    """Whether a mention can be about a known victim (nothing it says contradicts)."""
    return v.name != "<self>" and not (key.gender and v.gender and key.gender != v.gender) \
        and not (key.side and v.side and key.side != v.side)


def _recent(victims: list[_Victim], key: _Key, *, unnamed: bool = False) -> _Victim | None:
    """The most recent compatible victim; a death goes to one already dead if any.

    News restates a death many times; a wounded second victim ("another man was hurt",
    "the man is in stable condition") is rarely the subject of a later "he died".
    """
    pool = [v for v in victims if _compatible(v, key) and not (unnamed and v.name)]
    if key.slot == "killed":
        dead = [v for v in pool if "killed" in v.status]
        pool = dead or pool
    return pool[-1] if pool else None


def _match(victims: list[_Victim], key: _Key) -> _Victim | None:
    if key.name:
        for v in victims:
            if v.name and v.name != "<self>" and _same_name(v.name, key.name):
                return v
        return _recent(victims, key, unnamed=True)
    return None if key.new else _recent(victims, key)


def _assign(victims: list[_Victim], key: _Key) -> _Victim:
    """Attach a mention to a known victim when it can be the same person, else add one."""
    victim = _match(victims, key)
    if victim is None:
        victim = _Victim(key.name, key.gender, set(), {})
        victims.append(victim)
    victim.name = victim.name or key.name
    victim.gender = victim.gender or key.gender
    victim.side = victim.side or key.side
    return victim


def _name_objects(sent: Any, low: str, regex: re.Pattern[str],
                  slot: str) -> list[tuple[str, int, int, bool, bool]]:
    """Victims named right after a verb ("killed Jamal Berry", "shot Reid")."""
    out = []
    for m in regex.finditer(low):
        if _person_at(sent, m.end(), m.end() + 1):
            out.append((slot, m.start(), m.end() + 1, False, True))
    return out


# A headline's "Elijah Jones killed, woman injured": a name, then a bare passive verb
# the clause ends after (not "Smith killed his wife").
_NAME_PRED = re.compile(r" (?P<pred>(?:shot(?: and|,) )?(?:killed|slain|dead|murdered)|"
                        r"injured|wounded|hurt)(?=\s*(?:[,.;:|]|$)| (?:in|at|on|during|after|"
                        r"while|near|outside|inside)\b)")


def _name_subjects(sent: Any, low: str) -> list[tuple[str, int, int, bool, bool]]:
    """Victims named right before a bare passive verb, as headlines put them."""
    out = []
    for ent in span_ents(sent):
        end = ent.end_char - sent.start_char
        m = _NAME_PRED.match(low, end)
        if m and _person_at(sent, ent.start_char - sent.start_char,
                            ent.start_char - sent.start_char + 1):
            slot = "injured" if m.group("pred") in ("injured", "wounded", "hurt") else "killed"
            out.append((slot, m.start("pred"), m.end(), False, False))
    return out


# A single-victim predicate whose victim follows it ("killing his wife"), unless passive.
_VICTIM_AFTER = re.compile(r"(?:killing|killed|kills|murder|shoot|shot\s+and|fatally|gunn|"
                           r"shooting\s+death|homicide|slaying|shot\s+(?:him|her|a|an|the)|"
                           r"shooting\s|wounding|injuring|hitting|striking|left\s)")
_BE_AUX = re.compile(r"\b(?:was|is|got|been)\b")


def _single_mentions(sent: Any, low: str,
                     murder_suicide: bool = False) -> list[tuple[str, int, int, bool, bool]]:
    """(slot, start, end, suicide, victim-is-object) for single-victim predicates."""
    found: list[tuple[str, int, int, bool, bool]] = []
    for slot, regex in (("killed", _SINGLE_KILLED), ("injured", _SINGLE_INJURED),
                        ("hospitalized", _SINGLE_HOSP)):
        for m in regex.finditer(low):
            window = _subject_window(low, m.start())
            if _PLURAL_SUBJ.search(window) or _NO_SUBJ.search(window):
                continue
            obj = bool(_VICTIM_AFTER.match(m.group(0))) and not _BE_AUX.search(m.group(0))
            found.append((slot, m.start(), m.end(), False, obj))
    found.extend(_name_objects(sent, low, _KILL_OBJ, "killed"))
    found.extend(_name_objects(sent, low, _HURT_OBJ, "injured"))
    taken = {f[1] for f in found}
    found.extend(f for f in _name_subjects(sent, low) if f[1] not in taken)
    found.extend(_self_mention(low, m, murder_suicide) for m in _SUICIDE.finditer(low)
                 if not _SELF_DOUBT.search(low[:m.start()]))
    return sorted(found, key=lambda f: f[1])


def _self_mention(low: str, m: re.Match[str],
                  murder_suicide: bool = False) -> tuple[str, int, int, bool, bool]:
    """A suicide or self-inflicted shot: the shooter as an extra victim, or the victim.

    ``murder_suicide``: the report calls the incident one, so whoever killed himself is
    the shooter (two sons found shot, their father's wound self-inflicted), not one of his
    victims.
    """
    if _SELF_HURT.match(low[m.end():]):
        return ("injured", m.start(), m.end(), False, False)
    fatal = bool(_FATAL_SELF.search(low))
    # A headline or list item above is another statement: its verbs are not this one's.
    clause = low[low.rfind("\n", 0, m.start()) + 1:m.start()]
    if ((murder_suicide and fatal) or _OTHERS_FIRST.search(clause)) \
            and not _ACCIDENT.search(low):
        return ("killed", m.start(), m.end(), True, False)
    return ("killed" if fatal else "injured", m.start(), m.end(), False, False)


_MURDER_SUICIDE = re.compile(r"\bmurder[\s-]+suicide\b(?!\s*,?\s*(?:but|or)\b)")
# "has not ruled out a murder-suicide", "if it was a murder-suicide": not a finding.
_NOT_FOUND = re.compile(r"\b(?:not|if|whether|or|possible|possibility|considering|ruled?\s+out)\b")


def _is_murder_suicide(sents: list[tuple[Any, str]]) -> bool:
    """Whether the report calls the incident a murder-suicide (not merely one considered)."""
    for _sent, low in sents:
        for m in _MURDER_SUICIDE.finditer(low):
            if not _NOT_FOUND.search(low[max(0, m.start() - 60):m.start()]):
                return True
    return False


# Injuries from a fire, a crush or a crash, in a sentence that ties them to no shot or
# blast, are not the attack's wounded (GVA tallies of a shooting count those hit).
_OTHER_HARM = re.compile(r"\bsmoke\s+inhalation\b|\btrampled\b|\bstampede\b|"
                         r"\b(?:house|apartment|the)\s+fire\b|\bcar\s+crash\b|\bburns\b|"
                         # a fistfight, or a car driven into people
                         r"\bin\s+an?\s+(?:\w+\s+)?(?:fight|brawl|scuffle)\b|\bfistfight|"
                         r"\b(?:drove|driven|crashed|plowed|slammed)\s+into\b|\brammed\b|"
                         r"\bran\s+over\b|\b(?:struck|hit)\s+by\s+(?:a|an|the|his|her)\s+"
                         r"(?:\w+\s+)?(?:car|vehicle|truck|suv|van)\b")
_GUNSHOT = re.compile(r"\bshot\b|\bgunshot|\bgunfire\b|\bbullets?\b|\bshooting\b|"
                      r"\bblasts?\b|\bexplosions?\b|\bbomb|\battack")
# A vigil, funeral or memorial honours someone killed before, often in an earlier
# shooting: such a sentence names no new dead (it can restate a known one; a shooting
# at a vigil wounds new people).
_MEMORIAL = re.compile(r"\bvigils?\b|\bmemorial\b|\bfunerals?\b|\bin\s+memory\s+of\b|"
                       r"\bhonou?ring\b")


# A subject brought in with an indefinite article after another victim in the same
# sentence is a new person ("... was killed and a woman was wounded").
_INDEFINITE = re.compile(rf"^\s*(?:a|an)\s+(?:[a-z0-9'’-]+\s+){{0,3}}?(?:{_ONE})\s")


# "... has died and her mother remains in the hospital": a relative of the victim just
# named is someone else.
_RELATIVE = re.compile(r"^\s*(?:his|her|their)\s+(?:[a-z0-9'’-]+\s+){0,2}?(?:mother|father|"
                       r"son|daughter|brother|sister|wife|husband|girlfriend|boyfriend|uncle|"
                       r"aunt|cousin|grandmother|grandfather|grandson|granddaughter|nephew|niece|"
                       r"friend|fiancee?|partner|stepfather|stepmother|stepson|stepdaughter)\s")
_COORDINATED = re.compile(r"^[^\n]*(?:\sand|,)\s$")
_BARE = re.compile(rf"^\s*(?!(?:the|his|her|their|this|that|its|our|my)\b)"
                   rf"(?:[a-z0-9'’-]+\s+){{0,2}}?(?:{_ONE})\s")


def _is_someone_else(subject: str, last: _Victim, slot: str, gap: str) -> bool:
    """Whether a subject after another victim's mention in one sentence is a new person.

    "X was killed and a woman was wounded": an indefinite subject is someone new; so is
    a bare noun hurt right after a death ("Ana Ruiz killed, woman injured" in a headline).
    ``gap``: the text between the previous mention and this subject.
    """
    if _INDEFINITE.match(subject) or _RELATIVE.match(subject):
        return True
    return (slot != "killed" and "killed" in last.status and gap.strip(" ,") in ("", "and")
            and _BARE.match(subject) is not None)


def _not_gunshot(low: str) -> bool:
    """Whether the harm a sentence reports came from something other than gunfire."""
    return _OTHER_HARM.search(low) is not None and _GUNSHOT.search(low) is None


def _collect_victims(sents: list[tuple[Any, str]]) -> list[_Victim]:
    victims: list[_Victim] = []
    murder_suicide = _is_murder_suicide(sents)
    for sent, low in sents:
        last: _Victim | None = None  # the previous mention's victim in this sentence
        last_end = 0
        memorial = _MEMORIAL.search(low) is not None
        for slot, start, end, suicide, obj in _single_mentions(sent, low, murder_suicide):
            if slot != "killed" and _not_gunshot(low):
                continue
            if suicide:
                if any(v.name == "<self>" for v in victims):
                    continue
                victims.append(_Victim("<self>", None, set(), {}))
                victim: _Victim | None = victims[-1]
            else:
                key = _victim_key(sent, low, start, end, obj, slot)
                # The subject must follow the previous mention, joined to it on its line
                # ("X was killed and a man was wounded"; not "X is dead after a man died").
                clause = _window_start(low, start)
                gap = low[last_end:clause]
                near = last if clause >= last_end and _COORDINATED.search(gap) else None
                subject = _subject_window(low, start) + low[start:end] + " "
                victim = _victim_for(victims, key, last, near, (subject, gap), obj,
                                     memorial=memorial)
            if victim is None:
                continue
            last, last_end = victim, end
            victim.status.add(slot)
            base = sent.start_char
            victim.first.setdefault(slot, (base + start, base + end, base))
    return victims


def _victim_for(victims: list[_Victim], key: _Key, last: _Victim | None, near: _Victim | None,
                subject: tuple[str, str], obj: bool, *, memorial: bool) -> _Victim | None:
    """The victim a mention is about (added if new); None when it must not count.

    ``last``: the previous mention's victim in this sentence; ``near``: the same when this
    mention's subject follows it on its line (a headline's victim and the lead's may be
    one person).
    ``subject``: the clause before the predicate with the predicate, and the text
    between the previous mention and that clause.
    """
    if near is not None and not obj and not key.name and _is_someone_else(
            subject[0], near, key.slot, subject[1]):
        # "Ana Ruiz was killed and a man was wounded": someone other than Ana
        others = [v for v in victims if v is not near]
        found = _match(others, replace(key, new=False))
        if found is not None:
            found.gender = found.gender or key.gender
            return found
        return _assign(victims, replace(key, new=True))
    same = key.same and last is not None and _compatible(last, key)
    if same:
        return last
    if memorial and key.slot == "killed" and _match(victims, key) is None:
        return None  # a vigil's dead are known victims or someone killed before
    return _assign(victims, key)


_FATAL_CUE = re.compile(r"\b(?:fatal|deadly)\s+shooting|\bshooting\s+death\b|"
                        r"\bfatally\s+shot\b|\bshot\s+to\s+death\b")


def _fatal_fallback(victims: list[_Victim], sents: list[tuple[Any, str]]) -> None:
    """A "fatal shooting" with no victim said to die: the one victim we know of died."""
    if any("killed" in v.status for v in victims):
        return
    for sent, low in sents:
        cue = _FATAL_CUE.search(low)
        if cue is None:
            continue
        base = sent.start_char
        if victims:
            victims[0].status.add("killed")
            victims[0].first["killed"] = (base + cue.start(), base + cue.end(), base)
        else:
            victims.append(_Victim(None, None, {"killed"}, {
                "killed": (base + cue.start(), base + cue.end(), base)}))
        return


def _victim_mentions(victims: list[_Victim]) -> list[CountMention]:
    """One mention per slot: the number of distinct single victims in that state."""
    out: list[CountMention] = []
    for slot in ("killed", "injured", "hospitalized"):
        group = [v for v in victims if slot in v.status
                 and (slot == "killed" or "killed" not in v.status)]
        if not group:
            continue
        start, end, sent_start = min(v.first[slot] for v in group)
        n = len(group)
        out.append(CountMention(slot, n, n, n, "exact", start, end, sent_start,
                                rule="counts.single_victims.v1"))
    return out


# --- entry points ------------------------------------------------------------------


def _in_dated_item(text: str, start: int, *, listed: bool) -> bool:
    """Whether the line holding offset ``start`` is a list of dated items.

    One dated item ("UPDATE JANUARY 19: police have identified ...") is a stamp; a list
    has two dated items or more (``listed``: the caller counts them once per text), and
    this line holds one before ``start``.
    """
    if not listed:
        return False
    line = text.rfind("\n", 0, start) + 1
    return _DATED_ITEM.search(_lower(text[line:start + 40])) is not None


def extract_counts(doc: Any, *, skip_sentences: Container[int] = ()) -> list[CountMention]:
    """All counts ``doc`` states, in text order, except in ``skip_sentences``.

    ``skip_sentences`` holds sentence start offsets the caller knows are about older
    incidents; nothing is read from them.
    """
    mentions: list[CountMention] = []
    kept: list[tuple[Any, str]] = []
    text = doc_text(doc)  # Doc.text joins every token on each read
    listed = len(_DATED_ITEM.findall(_lower(text))) >= 2
    for sent in doc_sents(doc):
        if sent.start_char in skip_sentences:
            continue
        low = _lower(text[sent.start_char:sent.end_char])  # = sent.text, without the join
        base = sent.start_char
        background = (_BACKGROUND.search(low) is not None
                      or _in_dated_item(text, base, listed=listed))
        if not background:  # a victim of an earlier or unrelated shooting is not counted
            kept.append((sent, low))
        not_gunshot = _not_gunshot(low)
        for hit in _numeric_hits(low):
            if (background or _ROUNDUP.search(low)) and hit.slot in ("killed", "injured") \
                    and hit.update is None:
                continue
            if not_gunshot and hit.slot in ("injured", "hospitalized"):
                continue
            mentions.append(CountMention(
                hit.slot, hit.qty.value, hit.qty.low, hit.qty.high, hit.qty.qualifier,
                base + hit.start, base + hit.end, base, hit.update, hit.rule))
    victims = _collect_victims(kept)
    _fatal_fallback(victims, kept)
    mentions.extend(_victim_mentions(victims))
    if any(v.name == "<self>" and "killed" in v.status for v in victims) or any(
            _SHOOTER_KILLED.search(low) for _sent, low in kept):
        mentions.extend(_with_shooter(text, mentions))
    return sorted(mentions, key=lambda m: (m.start, m.slot))


# Whom a figure counts when it names the shooter's victims ("killed 2 daughters", "two
# children died", "left two others dead"), not everyone dead ("three bodies").
_VICTIM_NOUNS = re.compile(r"\b(?:children|kids|daughters|sons|victims|others|family\s+members|"
                           r"relatives)\b")
# The shooter killed by police: "the gunman was shot and killed by officers".
_POLICE = r"(?:police|officers?|deputies|deputy|troopers?|agents?|swat)"
_SHOOTER = r"(?:suspect|gunman|shooter|attacker|assailant|killer)"
_SHOOTER_KILLED = re.compile(
    rf"\b{_SHOOTER}\b[^.;]{{0,80}}?\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:shot\s+and\s+"
    rf"killed|killed|shot\s+dead|fatally\s+shot|shot\s+to\s+death)\s+by\s+(?:\w+\s+){{0,2}}?{_POLICE}"
    rf"|\b{_POLICE}\s+(?:\w+\s+)?(?:shot\s+and\s+killed|killed|fatally\s+shot|shot\s+dead)\s+"
    rf"the\s+(?:\w+\s+)?{_SHOOTER}\b"
    rf"|\bbefore\s+(?:being|he\s+was|she\s+was)\s+(?:shot\s+and\s+|fatally\s+shot\s+and\s+)?"
    rf"killed\s+by\s+{_POLICE}")
# A figure of those killed by someone (a gunman, a neighbour) counts only his victims.
_BY_SHOOTER = re.compile(r"\bby\s+(?:a|an|the)\s+(?:[a-z0-9-]+\s+)?(?:man|woman|gunman|"
                         r"shooter|suspect|attacker|teen|father|husband)\b")
_WITH_SHOOTER = re.compile(r"\bincluding\s+(?:the\s+)?(?:gunman|shooter|suspect|attacker|"
                           r"killer|man|father|mother|husband|wife)\b")


def _with_shooter(text: str, mentions: list[CountMention]) -> list[CountMention]:
    """A shooter who killed others and then himself: his victims plus him.

    Casualty tallies (GVA, police) count every death, the shooter's too; a report
    that counts "two children" and says the father shot himself states three dead.
    """
    out = []
    for m in mentions:
        if m.slot != "killed" or m.rule not in ("counts.numeric_object.v1",
                                                "counts.numeric_subject.v1",
                                                "counts.killed_pair.v1"):
            continue
        phrase = _lower(text[m.start:m.end])
        sentence = _lower(text[m.sent_start:m.end + 80])
        if m.rule == "counts.numeric_subject.v1" and not (
                _VICTIM_NOUNS.search(phrase) or _BY_SHOOTER.search(sentence)):
            continue
        if _WITH_SHOOTER.search(sentence):
            continue
        value = m.value + 1
        out.append(replace(m, value=value, low=value if m.low is not None else None,
                           high=value if m.high is not None else None,
                           rule="counts.victims_and_shooter.v1"))
    return out


def _best(candidates: list[CountMention]) -> CountMention | None:
    if not candidates:
        return None
    updates = [m for m in candidates if m.update]
    if updates:
        return max(updates, key=lambda m: m.start)  # the latest update in the text wins
    precise = [m for m in candidates if m.qualifier != "vague"] or candidates
    return max(precise, key=lambda m: (m.value, -m.start))


def report_count(mentions: Sequence[CountMention], slot: str) -> CountMention | None:
    """The one figure a report gives for ``slot``.

    Explicit numbers win over counted single victims; among them an update
    ("rose to") wins, else the largest precise figure. People "shot" include the
    dead, so the report's killed figure is taken off an injured "shot" total.
    """
    numeric = [m for m in mentions if m.slot == slot and m.rule != "counts.single_victims.v1"]
    # A part ("two of them are in critical condition") stands in only for a missing whole.
    numeric = [m for m in numeric if m.rule != "counts.partitive.v1"] or numeric
    single = [m for m in mentions if m.slot == slot and m.rule == "counts.single_victims.v1"]
    if slot == "injured" and any(m.rule == "counts.shot_total.v1" for m in numeric):
        # Net before comparing: "nine shot" (3 of them dead) says less than "seven injured".
        killed = report_count(mentions, "killed")
        numeric = [_net_of(m, killed) for m in numeric]
    best = _best(numeric)
    if slot == "injured" and best is not None and not best.update:
        best = _paired_with_toll(mentions, numeric, best)
    if best is None or (single and best.qualifier == "vague"):
        best = single[0] if single else best
    return best


def _paired_with_toll(mentions: Sequence[CountMention], numeric: list[CountMention],
                      best: CountMention) -> CountMention:
    """The wounded figure stated beside the report's death toll, when it is smaller.

    "Four killed, one wounded" is the final tally; "two shot dead and three wounded"
    further down is the first count, before two of the wounded died. The wounded given
    in one breath with the report's own toll are the ones still alive.
    """
    # "Shot" totals (net of the dead) and parts are other measures, not an earlier tally.
    other = ("counts.single_victims.v1", "counts.shot_total.v1", "counts.partitive.v1")
    killed = report_count(mentions, "killed")
    if killed is None or killed.rule in other or best.rule in other:
        return best
    tolls = {m.sent_start for m in mentions if m.slot == "killed" and m.value == killed.value
             and m.rule not in other}
    paired = [m for m in numeric if m.sent_start in tolls and m.qualifier != "vague"
              and m.rule not in other and m.value < best.value]
    return max(paired, key=lambda m: (m.value, -m.start)) if paired else best


# Killed figures that add the shooter who killed himself to his victims.
_WITH_SELF = ("counts.kill_list_self.v1", "counts.victims_and_shooter.v1")


def _net_of(m: CountMention, killed: CountMention | None) -> CountMention:
    """A "shot" total without the report's dead (the rest are the wounded)."""
    if killed is None or m.rule != "counts.shot_total.v1":
        return m
    # "kills 3 coworkers, self ... a fourth victim was shot": the shooter's own death is
    # not among the people he shot.
    dead = killed.value - (killed.rule in _WITH_SELF)
    left = max(0, m.value - dead)
    return replace(m, value=left, low=left if m.low is not None else None,
                   high=left if m.high is not None else None)
