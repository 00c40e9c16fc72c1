"""Choose the incident's location among a report's place mentions.

Each mention earns weight for where it sits (dateline, lead sentence, "in X" next to an
event word) and how often its place recurs; a city also inherits part of the weight of the
province and country that contain it, so "Kerman ... central Iran ... Kerman province"
outweighs a Baghdad named twice in background paragraphs. The most specific well-supported
place wins: a city over its province over its country.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from typing import Any

from corroborate.extract.geo.gazetteer import fold
from corroborate.extract.nlp import doc_sents, doc_text
from corroborate.records import PlaceMention

_EVENT_RE = re.compile(
    r"\b(?:shot|shoot\w*|gun\w*|kill\w*|dead|death|died|wound\w*|injur\w*|attack\w*|"
    r"explo\w*|blast\w*|bomb\w*|stabb\w*|kidnap\w*|abduct\w*|murder\w*|massacre\w*|"
    r"clash\w*|ambush\w*|raid\w*|strike|struck|assassinat\w*|detonat\w*|fire[ds]?|"
    r"arson|burn\w*|crash\w*|hostage\w*|suspect\w*|incident)\b", re.IGNORECASE)
# "shot in Holladay", "in the suburb of Holladay", "at the village of Bonner"
_LOCATIVE_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|outside|on)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:suburb|town|city|"
    r"village|community|township|borough|hamlet)\s+of\s+)?$", re.IGNORECASE)

_NEIGHBOURHOOD_RE = re.compile(r"\s+(?:neighbou?rhood|section|community)\b",
                               re.IGNORECASE)
# "Philadelphia's", also as scraped: "Philadelphia&#39;s", "Milwaukee?s"
_POSSESSIVE_RE = re.compile(r"(?:['’?]|&#0?39;|&rsquo;|&#x27;)s\s+$")
# "the city's Feltonville section", "in the Rogers Park section of Chicago"
_CITY_PART_BEFORE_RE = re.compile(r"\b(?:city|town)(?:['’?]|&#0?39;|&rsquo;)s\s+$", re.IGNORECASE)
_SECTION_OF_RE = re.compile(r"\s+(?:neighbou?rhood|section|area|part|district|sector)\s+of\s+"
                            r"(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
# "suburban Dolton", "the suburb of Holladay": a town of its own next to the city
_SUBURB_RE = re.compile(r"\bsuburb(?:an|s)?(?:\s+of)?\s+$", re.IGNORECASE)
# "Goldsboro Daily News", "Colorado Springs Gazette": the outlet's home, not the event's place
_OUTLET_RE = re.compile(
    r"\s*(?:Daily\s+)?(?:News|Times|Gazette|Herald|Chronicle|Tribune|Post|Journal|Sentinel|"
    r"Register|Star|Record|Courier|Patch|Independent|Examiner|Observer|Enquirer|Dispatch|Bee|"
    r"Daily|Magazine|Weekly)\b")

# A sentence that dates itself to a year or counts years back is usually background.
_BACKGROUND_RE = re.compile(r"\b(?:19|20)\d\d\b|\byears? (?:ago|since|after|before|earlier)\b|"
                            r"\banniversary\b|\bprevious(?:ly)?\b|\blast (?:year|month)\b",
                            re.IGNORECASE)

# Where the people come from, not where it happened: "a Plainfield teen", "Atlanta native".
_RESIDENT_AFTER_RE = re.compile(
    r"(?:-born)?\s+(?:man|woman|men|women|teen|teenager|boy|girl|resident|native|couple|mother|"
    r"father|family|student|youth|rapper|officer|deputy|trooper|detective)s?\b")
# "Daniels, 20, Longview", "lived with her mother in Avonmore", "a native of Atlanta"
_RESIDENT_BEFORE_RE = re.compile(
    r"(?:,\s*\d{1,3}(?:,\s*|\s+of\s+)(?:of\s+)?|\b(?:is|are|was|were|both|all) from\s+"
    r"|\b(?:lived|lives|living|resides|residing|native of|hometown of|grew up|"
    r"moved (?:here )?from|resident of|residents of)\b[^.;]{0,25}?)$")
# Where victims were treated or suspects taken, not where it happened.
_ELSEWHERE_BEFORE_RE = re.compile(
    r"\b(?:hospital|medical|trauma center|transported|taken|flown|airlifted|rushed|autopsy|"
    r"jailed|booked|extradited|morgue|custody)\b"
    r"[^.;]{0,40}?\b(?:in|at|to|of)\s+(?:the\s+)?$",
    re.IGNORECASE)
# "a Houston-area home", "the Longview area", "a Dallas-based group": near the city, or an
# organisation's home.
_AREA_AFTER_RE = re.compile(r"(?:-(?:area|based|region)|\s+area)\b")
# "Live5News.com | Charleston, SC | News, Weather, Sports": a station's site banner.
_BANNER_AFTER_RE = re.compile(r"[^.!?\n]{0,40}?\b(?:Weather|Sports|Traffic)\b")
_BANNER_BEFORE_RE = re.compile(
    r"(?:\.(?:com|net|org)\s*[-|:–]\s*(?:[A-Z][\w.]*,?\s*){0,4}"
    r"|\b(?:News|Weather|Sports) for\s+(?:[A-Z][\w.]*,?\s*){0,4}"  # "Weather for Waco, Temple"
    r"|(?:\b[KW][A-Z]{2,3}(?:-TV)?|News(?:Channel)?|Channel|\bTV)(?:\s+\d+)?\s*[-|:–,]?\s*)$")
# "sent to Dallas for an autopsy", "a hospital in Kansas City, where he died"
_ELSEWHERE_AFTER_RE = re.compile(
    r",?\s+(?:for (?:an |the )?autopsy|where (?:he|she|they|the \w+) (?:died|was pronounced|were "
    r"pronounced|was treated|remains?))\b")
# "50 miles southeast of Minot": a reference point, not the scene
# "about an hour northwest of Charlotte": likewise
_REFERENCE_BEFORE_RE = re.compile(r"\b(?:\d+|an?|a few|several)\s+(?:miles?|km|kilomet(?:er|re)s?|"
                                  r"hours?|minutes?)\s+(?:\w+\s+){0,3}(?:of|from)\s+$",
                                  re.IGNORECASE)

# "3187 Cedar Hollow Road, ", "the 1200 block of Main Street in ": a street address before a town
_ADDRESS_BEFORE_RE = re.compile(
    r"(?:\b\d{1,6}\s+|\bblock of\s+)(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.']*\s+){1,4}"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|"
    r"Way|Court|Ct\.?|Place|Pl\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Circle|Trail|Pike)"
    r"(?:\s+[NSEW][EW]?\.?)?(?:,\s*|\s+in\s+)$")

# What follows a dateline's place: "GAINESVILLE, Fla. -", "DALLAS (AP) --", "KATY, Texas (AP)
# -", "SAN SALVADOR, 3 JAN 90", "PARIS (FRANCE), 16 NOV 89".
_DATELINE_AFTER_RE = re.compile(
    r"(?:,\s*[A-Z][a-z]{0,4}\.(?:\s?[A-Z]\.)?|,?\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][a-z]+)?\s*)?"
    r"(?:\([^)\n]{1,30}\)\s*)?[-–—]"
    r"|(?:\s*\([A-Z][A-Z ]{1,30}\))?[ ,]+\d{1,2} [A-Z]{3}(?: \d{2})?\b)")

_APPOSITION_RE = re.compile(r",\s*")

_DIRECTION_PREFIX_RE = re.compile(r"^(?:North|South|East|West|Northeast|Northwest|Southeast|"
                                  r"Southwest|Downtown|Central)\s+")

# "Chicago police", "the San Diego Police Department", "Indianapolis Metro Police"
_AGENCY_AFTER_RE = re.compile(r"\s+(?:Metro(?:politan)?\s+)?(?:[Pp]olice|PD\b|Sheriff)")
# "the Brown Deer and Milwaukee police": the town has police of its own
_SHARED_AGENCY_AFTER_RE = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){1,3}"
                                     r"(?:Metro(?:politan)?\s+)?(?:[Pp]olice|PD\b|Sheriff)")
# "the Sauk County Sheriff's Office, State Patrol, City of Baraboo Police Department and
# ...": a town's police in a list of assisting agencies, not the scene
_AGENCY_LIST_BEFORE_RE = re.compile(
    r"\b(?:Office|Department|Patrol|Police|Bureau|Agency|Services?)\s*(?:,|and|&)\s*(?:and\s+)?"
    r"(?:the\s+)?(?:City of\s+)?$")
_ONE_OFFICER_BEFORE_RE = re.compile(r"\ban?\s+$", re.IGNORECASE)
# How far from a city's centre its own police still work (a sprawling city's districts).
_JURISDICTION_KM = 30.0

_SPECIFICITY = {"city": 1.0, "admin2": 0.85, "admin1": 0.6, "country": 0.35}


def _key(p: PlaceMention) -> tuple[Any, ...]:
    if p.geonameid is not None:
        return ("id", p.geonameid)
    return (p.kind, fold(p.name or p.text), p.country_code)


def _sentences(doc: Any) -> list[tuple[int, int]]:
    try:
        return [(s.start_char, s.end_char) for s in doc_sents(doc)]
    except ValueError:  # no sentence boundaries set
        return [(0, len(doc_text(doc)))]


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (start, end) in enumerate(spans):
        if start <= offset < end:
            return i
    return len(spans) - 1


def _weight(p: PlaceMention, text: str, sent: tuple[int, int], index: int,
            person_ends: Container[int] = ()) -> tuple[float, float]:
    """The mention's weight, and its aside factor (1.0: it names the scene itself)."""
    weight = 1.0
    start = p.span[0]
    dateline = _is_dateline(p, text)
    if dateline:
        weight += 0.5  # a dateline: where the report was filed, often but not always the place
    elif index == 0:
        weight += 1.5
    elif index <= 2:
        weight += 0.5
    sentence = text[sent[0]:sent[1]]
    if _EVENT_RE.search(sentence) and _LOCATIVE_BEFORE_RE.search(text[max(0, start - 60):start]):
        weight += 1.5
    elif _ADDRESS_BEFORE_RE.search(text[max(0, start - 60):start]):
        weight += 1.5  # "went to 3187 Cedar Hollow Road, Paoli": the scene's address
    if _BACKGROUND_RE.search(sentence):
        weight *= 0.5  # "killed in Baghdad on January 3, 2020": background, not the news
    aside = _aside(p, text, index, dateline, person_ends)
    # news puts the event first and context later
    return weight * aside / (1 + 0.1 * index), aside


# The relayed dateline's own dash, spaced ("CALI -- THE"; not "Houston-area")
_RELAYED_AFTER_RE = re.compile(r"\s+[-–—]{1,2}\s")


def _is_dateline(p: PlaceMention, text: str) -> bool:
    return p.span[0] < 120 and bool(_DATELINE_AFTER_RE.match(text, p.span[1]))


# A wire's header lines: bracketed tags ("[REPORT]", "[TEXT]"), the source in parentheses and
# the date ("28 AUG 89")
_TAGS_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)|\b\d{1,2} [A-Z]{3}(?: \d{2})?\b")
_WORDS_RE = re.compile(r"[A-Za-z]{2,}")
_DASH_END_RE = re.compile(r"[-–—]\s*$")


def _lead_indices(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Each sentence's index counted without the header lines before it: a wire's dateline
    line ("BOGOTA, 28 AUG 89 (INRAVISION ...) --") and tag lines ("[REPORT]", "[TEXT]") are
    no lead, so the sentence after them opens the report."""
    out, headers = [], 0
    for i, (start, end) in enumerate(spans):
        out.append(i - headers)
        bare = _TAGS_RE.sub(" ", text[start:end])
        words = _WORDS_RE.findall(bare)
        if not words or (len(words) <= 3 and _DASH_END_RE.search(bare)):
            headers += 1
    return out


def _aside(p: PlaceMention, text: str, index: int, dateline: bool,
           person_ends: Container[int]) -> float:
    """Discount for a mention that names some other place than the scene: a station's banner,
    where people live or come from, where victims were treated, a distance's reference."""
    start, end = p.span
    before = text[max(0, start - 70):start]
    if dateline:  # (the station's banner often runs into it: "WXYZ News CORDELE, Ga. -")
        return 1.0
    if (_OUTLET_RE.match(text, end) or _BANNER_AFTER_RE.match(text, end)
            or _BANNER_BEFORE_RE.search(before)):
        return 0.25 if index else 0.1  # a banner in the lead outranks nothing
    of = re.search(r"\s+of\s+$", before)
    if (_RESIDENT_AFTER_RE.match(text, end) or _RESIDENT_BEFORE_RE.search(before)
            or _ELSEWHERE_BEFORE_RE.search(before) or _ELSEWHERE_AFTER_RE.match(text, end)
            or _AREA_AFTER_RE.match(text, end) or _REFERENCE_BEFORE_RE.search(before)
            or (of is not None and start - len(before) + of.start() in person_ends)
            or (_AGENCY_LIST_BEFORE_RE.search(before) and _AGENCY_AFTER_RE.match(text, end))):
        return 0.4
    return 1.0


@dataclass(frozen=True)
class ScoredPlace:
    """A candidate incident place and its support in one report (higher is better)."""

    place: PlaceMention
    score: float


def score_places(places: Sequence[PlaceMention], doc: Any, *,
                 skip_sentences: Container[int] = ()) -> list[ScoredPlace]:
    """Every candidate incident place of one report with its score, best first.

    ``doc`` is a parsed spaCy ``Doc`` or the plain text the spans point into (sentences are
    then split on punctuation). ``skip_sentences`` holds start offsets of sentences about
    older incidents; their mentions are ignored.
    """
    text = doc if isinstance(doc, str) else doc_text(doc)
    spans = _text_sentences(text) if isinstance(doc, str) else _sentences(doc)
    owners = _parents(places, text)
    person_ends = {e.end_char for e in getattr(doc, "ents", ()) if e.label_ == "PERSON"}
    abroad = _foreign_dateline(places, text)
    parts = _unowned_parts(places, text, owners)
    scores: dict[tuple[Any, ...], float] = defaultdict(float)
    first: dict[tuple[Any, ...], PlaceMention] = {}
    firm: set[tuple[Any, ...]] = set()  # places named at least once as the scene
    prev: tuple[int, float] = (-1, 1.0)  # end and aside factor of the previous mention
    unlisted: list[PlaceMention] = []  # "in the town of Lingle": scenes the gazetteer lacks
    leads = _lead_indices(text, spans)
    filed: tuple[Any, ...] | None = None  # the first dateline's town
    for p in places:
        i = _sentence_of(spans, p.span[0])
        if spans and spans[i][0] in skip_sentences:
            continue
        weight, aside = _weight(p, text, spans[i] if spans else (0, len(text)),
                                leads[i] if spans else i, person_ends)
        if p.kind == "city" and _is_dateline(p, text):
            if filed is not None and filed != _key(p) and _RELAYED_AFTER_RE.match(text, p.span[1]):
                # "BOGOTA, 12 SEP 89 (RADIO ...) -- [TEXT] CALI --": the desk relays a report
                # filed from the scene
                weight += 1.0
            filed = filed or _key(p)
        if aside == 1.0 and p.kind in ("admin1", "country") and _APPOSITION_RE.fullmatch(
                text, prev[0], p.span[0]):
            # "in custody in Urbana, Illinois": the state shares its town's discount
            weight, aside = weight * prev[1], prev[1]
        prev, scene = (p.span[1], aside), aside == 1.0
        if not p.resolved and scene and _unlisted_scene(p, text, spans[i] if spans else None):
            unlisted.append(p)
        if p.span == abroad:
            weight *= 0.5
        owner = owners.get(_key(p)) or owners.get(("span", p.span))
        if owner is not None:  # "Philadelphia's Kensington section": the city gets the credit
            p = owner
        elif not p.resolved:
            weight *= 0.2  # unresolved names are often streets, outlets or buildings
        elif _key(p) in parts:
            weight *= 0.3  # a neighbourhood of some city: a town of that name is a poor guess
        key = _key(p)
        scores[key] += weight
        first.setdefault(key, p)
        if scene:
            firm.add(key)
    ranked = [ScoredPlace(_as_city(p), _total(p, scores, first, firm)) for p in first.values()]
    ranked.sort(key=lambda s: (-s.score, s.place.span[0]))
    return _unlisted_first(_county_to_town(ranked, firm, unlisted), unlisted)


def _unlisted_first(ranked: list[ScoredPlace], unlisted: Sequence[PlaceMention]
                    ) -> list[ScoredPlace]:
    """With no place the gazetteer knows, a name written as the scene ("a shooting in the
    city's Feltonville section", "a man in Bonner was shot") is the best guess: a town of
    unknown state rather than nothing."""
    if not unlisted or (ranked and ranked[0].place.resolved):
        return ranked
    town = replace(unlisted[0], name=unlisted[0].text, kind="city")
    return [ScoredPlace(town, ranked[0].score if ranked else 0.0),
            *[s for s in ranked if s.place.span != town.span]]


def _unlisted_scene(p: PlaceMention, text: str, sent: tuple[int, int] | None) -> bool:
    """An unresolved name written as the scene: "was shot in Lingle" (title case, after a
    locative preposition, in a sentence about the event)."""
    words = p.text.split()
    before = text[max(0, p.span[0] - 60):p.span[0]]
    # "in the city's Feltonville section": a named part of the city the report covers
    part = bool(_CITY_PART_BEFORE_RE.search(before) and _NEIGHBOURHOOD_RE.match(text, p.span[1]))
    return (sent is not None and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and bool(_EVENT_RE.search(text, sent[0], sent[1]))
            and (part or bool(_LOCATIVE_BEFORE_RE.search(before))))


def choose_place(places: Sequence[PlaceMention], doc: Any, *,
                 skip_sentences: Container[int] = ()) -> PlaceMention | None:
    """The incident's place: the most specific, best-supported place of the main event.

    ``skip_sentences`` holds start offsets of sentences about older incidents; their
    mentions are ignored.
    """
    ranked = score_places(places, doc, skip_sentences=skip_sentences)
    return ranked[0].place if ranked else None


def agreed_state(choices: Sequence[PlaceMention]) -> tuple[str, str] | None:
    """The (country code, admin-1) that most of ``choices`` (the places several reports of
    one incident chose) lie in, when more than half of those that name a state agree."""
    states = [(p.country_code, p.admin1) for p in choices if p.country_code and p.admin1]
    if not states:
        return None
    (state, n), = Counter(states).most_common(1)
    return state if 2 * n > len(states) else None


def in_state(p: PlaceMention, state: tuple[str, str]) -> PlaceMention:
    """``p`` read in ``state``: a county without its state gets it (if the state has such a
    county); a town resolved elsewhere becomes the namesake town of that state, if listed.
    Otherwise ``p`` unchanged."""
    cc, admin1 = state
    if p.country_code != cc or p.admin1 == admin1 or p.kind not in ("city", "admin2"):
        return p
    from corroborate.extract.geo.gazetteer import Gazetteer, name_key

    gaz = Gazetteer.default()
    name = p.name or p.text
    if p.kind == "admin2":
        return replace(p, admin1=admin1) if p.admin1 is None and admin1 in gaz.county_states(
            name) else p
    same = [q for q in gaz.lookup(name, country_code=cc, admin1=admin1, kind="city")
            if q.admin1 == admin1 and name_key(q.name or "") == name_key(name)]
    return replace(same[0], text=p.text, span=p.span) if same else p


def _county_towns(county: PlaceMention) -> tuple[PlaceMention, ...]:
    if county.kind != "admin2" or county.country_code != "US" or not county.admin1:
        return ()
    from corroborate.extract.geo.gazetteer import Gazetteer

    return Gazetteer.default().county_towns(county.name or county.text, county.admin1)


def _in_county(city: PlaceMention, county: PlaceMention) -> bool:
    """The city may lie in the county (same state; not a postal town of other counties only)."""
    if county.country_code != "US" or not county.admin1:
        return True
    from corroborate.extract.geo.gazetteer import Gazetteer

    return Gazetteer.default().in_county(city.name or city.text, county.name or county.text,
                                         county.admin1) is not False


def _county_to_town(ranked: list[ScoredPlace], firm: Container[tuple[Any, ...]],
                    unlisted: Sequence[PlaceMention] = ()) -> list[ScoredPlace]:
    """A county at the top gives way to a town in it that the report names ("Shelby County
    deputies" ... "Memphis"): an incident's place is a town. The county's score goes with it.
    A town resolved in another state counts when it is named as the scene (``firm``) and the
    county has a town of that name; so does a name the gazetteer lacks, written as the scene,
    that is a postal town of the county ("Goshen County" ... "the Wyoming town of Lingle").
    A county named alone stays a county: news and gold alike often mean the county itself."""
    if not ranked or ranked[0].place.kind != "admin2":
        return ranked
    county = ranked[0].place
    towns = {_key(t): t for t in _county_towns(county)}
    named = next((s.place if _key(s.place) in towns else _place_rehomed(s.place, county)
                  for s in ranked[1:] if _key(s.place) in firm
                  and (_key(s.place) in towns or _postal_town_elsewhere(s.place, county)
                       or _small_town_of_state(s.place, county))),
                 None)
    if named is None:
        named = next((_place_rehomed(replace(p, name=p.text, kind="city", country_code="US"),
                                     county)
                      for p in unlisted if _postal_town_elsewhere(
                          replace(p, kind="city", country_code="US"), county)), None)
    if named is None:
        return ranked
    town = replace(named, text=county.text, span=county.span)
    rest = [s for s in ranked[1:] if _key(s.place) != _key(town) and s.place.name != town.name]
    return [ScoredPlace(town, ranked[0].score), *rest]


# A county's one big town: this many people, and at least twice its next town's
_DOMINANT_POP = 20_000
_DOMINANT_RATIO = 2.0


def dominant_town(county: PlaceMention) -> PlaceMention | None:
    """The town a US county's news means when it names no town: the county's one big town
    ("Harris County" is Houston, "Navarro County" Corsicana). None for a county of several
    comparable towns (Rock County: Janesville and Beloit) or of villages only, where naming
    one would be a guess; also for any place that is not a US county with its state."""
    from corroborate.extract.geo.gazetteer import Gazetteer

    towns = _county_towns(county)
    if not towns or towns[0].population < _DOMINANT_POP:
        return None
    if len(towns) > 1 and towns[0].population < _DOMINANT_RATIO * towns[1].population:
        return None
    # (a big city whose postal area only spills into the county is not its town)
    home = Gazetteer.default().home_county(towns[0].name or "", county.admin1 or "")
    return towns[0] if home == fold(county.name or county.text) else None


def _postal_town_elsewhere(p: PlaceMention, county: PlaceMention) -> bool:
    """``p`` was resolved to a namesake in another state, but a town of that name lies in the
    report's county ("Tyler County" ... "in Ivanhoe": the Texan hamlet, not California's)."""
    if (p.kind != "city" or p.country_code != "US" or county.country_code != "US"
            or not county.admin1 or p.admin1 == county.admin1):
        return False
    from corroborate.extract.geo.gazetteer import Gazetteer

    return Gazetteer.default().in_county(p.name or p.text, county.name or county.text,
                                         county.admin1) is True


def _small_town_of_state(p: PlaceMention, county: PlaceMention) -> bool:
    """A town the gazetteer lacks, placed in the county's state and named as the scene
    ("Tyler County deputies" ... "outside a home in Ivanhoe"): the county's, even if the
    postal data files a namesake in another county of the state (a hamlet with no post
    office of its own)."""
    return (p.kind == "city" and p.geonameid is None and p.country_code == county.country_code
            and county.admin1 is not None and p.admin1 == county.admin1)


def _place_rehomed(p: PlaceMention, county: PlaceMention) -> PlaceMention:
    return replace(p, admin1=county.admin1, lat=None, lon=None, population=0, geonameid=None)


def _as_city(p: PlaceMention) -> PlaceMention:
    if p.kind == "admin1" and p.country_code == "US" and p.name == "District of Columbia":
        # the district is the city: "D.C. police" report a Washington shooting
        return replace(p, name="Washington", kind="city")
    return p


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])|\n\s*\n")


def _text_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of plain text: cut after end punctuation and at blank lines."""
    out, start = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    if len(out) > 1 and not re.search(r"[.!?\"'”]\s*$", text[out[0][0]:out[0][1]]):
        # a headline runs into the lead, as a parser reads it: both open the report
        out[:2] = [(out[0][0], out[1][1])]
    return out


def _foreign_dateline(places: Sequence[PlaceMention], text: str) -> tuple[int, int] | None:
    """The span of a dateline filed from a country that no other place in the report is in
    ("OSLO, 3 MAY (NTB) -- ... in the Chilean port of Valparaiso"): a foreign
    desk's report of an event elsewhere."""
    first = next((p for p in places if p.resolved), None)
    if first is None or first.span[0] > 120 or not _DATELINE_AFTER_RE.match(text, first.span[1]):
        return None
    # (only confident places count: a village homonym of a common word proves nothing)
    others = {p.country_code for p in places if p.span[0] > first.span[1] + 40 and (
        p.kind in ("country", "admin1") or p.population >= 50_000)}
    if others and first.country_code not in others:
        return first.span
    return None


def _parents(places: Sequence[PlaceMention], text: str) -> dict[tuple[Any, ...], PlaceMention]:
    """Neighbourhoods mapped to the city they are part of.

    Explicit: "Philadelphia's Kensington", "the Rogers Park section of Chicago", "the city's
    Feltonville section" / "the Little Village neighborhood" (the main city named in the
    report). Implicit: a much smaller place of the same state, close to a big city that the
    report also names (GeoNames lists many neighbourhoods as towns), unless called a suburb.
    """
    cities = [q for q in places if q.kind == "city"]
    main = max(cities, key=lambda q: (q.population, -q.span[0]), default=None)
    # (not "an Orlando police sergeant": one officer, perhaps in a background story)
    agencies = [q for q in cities if _AGENCY_AFTER_RE.match(text, q.span[1])
                and not _ONE_OFFICER_BEFORE_RE.search(text[max(0, q.span[0] - 4):q.span[0]])]
    policed = {_key(q) for q in cities if _AGENCY_AFTER_RE.match(text, q.span[1])
               or _SHARED_AGENCY_AFTER_RE.match(text, q.span[1])}
    out: dict[tuple[Any, ...], PlaceMention] = {}
    for p in places:
        before = text[max(0, p.span[0] - 30):p.span[0]]
        owner = _explicit_owner(p, cities, text)
        if owner is None and main is not None and main.population >= 100_000 and (
                _CITY_PART_BEFORE_RE.search(before) or _NEIGHBOURHOOD_RE.match(text, p.span[1])):
            owner = main if _part_of_main(p, main) else None
        if owner is None and p.kind == "city" and not _SUBURB_RE.search(before):
            owner = next((q for q in cities if _inside(p, q)), None)
            if owner is None:
                owner = next((q for q in agencies if _key(p) not in policed
                              and _in_jurisdiction(p, q, places)), None)
            if owner is None and main is not None and _stray(p, main, places):
                owner = main
        if owner is not None:
            out[_key(p) if p.resolved else ("span", p.span)] = owner
    return out


def _unowned_parts(places: Sequence[PlaceMention], text: str,
                   owners: dict[tuple[Any, ...], PlaceMention]) -> set[tuple[Any, ...]]:
    """Towns the report calls a neighbourhood ("a Chatham neighborhood nightclub") without
    naming the city they are part of, nor the town's state (then the gazetteer's town of that
    name is somewhere else; "the St. Augustine neighborhood" in a report that names Florida is
    the town itself). One sense per report: every mention of the name is the neighbourhood."""
    states = {(q.country_code, q.admin1) for q in places if q.kind in ("admin1", "admin2")}
    return {_key(p) for p in places if p.kind == "city" and _key(p) not in owners
            and (p.country_code, p.admin1) not in states
            and _NEIGHBOURHOOD_RE.match(text, p.span[1])}


def _stray(p: PlaceMention, main: PlaceMention, places: Sequence[PlaceMention]) -> bool:
    """A small town (or any foreign place) resolved to a state or country the report never
    names, in a report about a big city elsewhere: mostly a neighbourhood the gazetteer
    lacks ("Whitehaven" in Memphis news is not the English town, "Woodlawn" in Chicago news
    not Maryland's)."""
    abroad = p.country_code != main.country_code
    if main.population < 100_000 or _key(p) == _key(main) or (
            p.population >= 25_000 and not abroad):
        return False
    if (p.country_code, p.admin1) == (main.country_code, main.admin1):
        return False
    # the big city must be the report's: its state named, or (where every state reuses the
    # same town names, or p is abroad) the city itself named twice
    twice = sum(_key(q) == _key(main) for q in places) >= 2 and (
        main.country_code == "US" or abroad)
    if not twice and not any(q.kind == "admin1" and q.country_code == main.country_code
                             and q.name == main.admin1 for q in places):
        return False
    for q in places:
        if q.country_code != p.country_code or q is p:
            continue
        if q.kind in ("admin1", "admin2") and q.admin1 == p.admin1:
            return False  # its state, or a county of it, is named too
        if q.kind == "country" and p.country_code != main.country_code:
            return False
    return True


def _in_jurisdiction(p: PlaceMention, city: PlaceMention, places: Sequence[PlaceMention]
                     ) -> bool:
    """``p`` is a part of the big ``city`` whose own police the report names ("Chicago police
    responded" ... "in Woodlawn"): a much smaller place without police of its own named, that
    is either near the city (a sprawling city's district: Broad Ripple in Indianapolis) or a
    namesake in a state the report never names (Woodlawn, Maryland)."""
    if (city.population < 100_000 or p.population * 4 > city.population
            or p.country_code != city.country_code or _key(p) == _key(city)):
        return False
    if p.admin1 == city.admin1:
        return None not in (p.lat, p.lon, city.lat, city.lon) and _km(
            p.lat, p.lon, city.lat, city.lon) <= _JURISDICTION_KM  # type: ignore[arg-type]
    return not any(q.admin1 == p.admin1 and q.kind in ("admin1", "admin2")
                   and q.country_code == p.country_code for q in places)


def _part_of_main(p: PlaceMention, main: PlaceMention) -> bool:
    """An unresolved part belongs to the report's main city; so does a resolved one that is
    smaller and in the same country (named as a neighbourhood, a namesake elsewhere in the
    country is more likely a misresolution: Chicago's Washington Heights is not New York's)."""
    if not p.resolved:
        return True
    if p.admin1 == main.admin1 and None not in (p.lat, p.lon, main.lat, main.lon) and _km(
            p.lat, p.lon, main.lat, main.lon) > _JURISDICTION_KM:  # type: ignore[arg-type]
        return False  # a town of the same state, far off: "the St. Augustine neighborhood"
    return (_key(main) != _key(p) and main.population > p.population
            and p.country_code == main.country_code)


def _explicit_owner(p: PlaceMention, cities: list[PlaceMention], text: str
                    ) -> PlaceMention | None:
    for q in cities:
        if 0 < p.span[0] - q.span[1] <= 8 and _POSSESSIVE_RE.match(text[q.span[1]:p.span[0]]):
            return q
        if 0 < q.span[0] - p.span[1] <= 35 and _SECTION_OF_RE.match(text[p.span[1]:q.span[0]]):
            return q
    return None


def _inside(p: PlaceMention, q: PlaceMention) -> bool:
    """``p`` is small and close enough to big ``q`` to be one of its neighbourhoods."""
    if _DIRECTION_PREFIX_RE.sub("", p.name or "") == q.name and p.admin1 == q.admin1:
        # "North Portland" in Portland, not North Las Vegas, a city of its own
        return q.population > 4 * p.population
    if q.population < 100_000 or q.population < 4 * p.population or _key(p) == _key(q):
        return False
    if (p.country_code, p.admin1) != (q.country_code, q.admin1) or None in (
            p.lat, p.lon, q.lat, q.lon):
        return False
    # tight: Brooklyn ~10 km takes Coney Island, Milwaukee (5 km) leaves suburban West Allis;
    # a village-sized place may lie further out (GeoNames lists neighbourhoods as villages)
    radius = max(5.0, (0.009 if p.population < 20_000 else 0.006) * math.sqrt(q.population))
    return _km(p.lat, p.lon, q.lat, q.lon) <= radius  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    x = dlon * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371 * math.hypot(x, dlat)


def _total(p: PlaceMention, scores: dict[tuple[Any, ...], float],
           first: dict[tuple[Any, ...], PlaceMention], firm: Container[tuple[Any, ...]]) -> float:
    """Own score plus a share of the score of mentioned places that contain it."""
    score = scores[_key(p)]
    if p.kind in ("city", "admin2"):
        for key, other in first.items():
            if other.country_code != p.country_code or other is p:
                continue
            if other.kind == "admin1" and fold(other.name or "") == fold(p.admin1 or ""):
                score += 0.5 * scores[key]
            elif (p.kind == "city" and other.kind == "admin2" and other.admin1
                  and other.admin1 == p.admin1):
                # a county and a town of its state: the town is the more precise answer,
                # unless the town is only named in passing (where victims were flown, where
                # they live), or lies in another county (then it is only nearby)
                share = 0.9 if _in_county(p, other) else 0.0
                score += share * scores[key] if _key(p) in firm else 0.0
            elif other.kind == "country":
                score += 0.25 * scores[key]
    elif p.kind == "admin1":
        for key, other in first.items():
            if other.kind == "country" and other.country_code == p.country_code:
                score += 0.25 * scores[key]
    return score * _SPECIFICITY.get(p.kind or "", 0.5)
