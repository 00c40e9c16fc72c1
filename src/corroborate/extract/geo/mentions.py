"""Find place mentions in a parsed report and resolve them against the gazetteer.

Mentions come from spaCy (GPE/LOC/FAC), datelines ("GAINESVILLE, Fla. -", "SAN SALVADOR,
3 JAN 90 --"), "X County" / "Kerman province" phrases, and capitalised words after a
locative preposition that the gazetteer knows (which is what rescues upper-case wires).
Each is resolved with the document's context: countries and demonyms named anywhere, US
states and their abbreviations, and the "City, State" / "City, central Country" apposition.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from corroborate.errors import ModelNotAvailable
from corroborate.extract.geo.gazetteer import Gazetteer, fold, name_key, strip_admin_suffix
from corroborate.extract.geo.lexicon import (
    CITY_PART_WORDS,
    DEMONYMS,
    LOCATIVE_WORDS,
    NON_PLACE_WORDS,
    US_POSTAL,
    US_STATE_ABBREVIATIONS,
)
from corroborate.extract.nlp import doc_ents, doc_text, doc_tokens, load_nlp
from corroborate.records import PlaceMention

_WORD = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_WORD}(?:\s+(?:de|del|la|las|los|el|of|DE|DEL|LA|LAS|LOS|EL)?\s*{_WORD}){{0,3}}"
_ADMIN_WORDS = r"County|Parish|Province|province|Department|department|Governorate|governorate"
# A name may start glued to the word before ("weatherPALM BEACH COUNTY": a scraped title).
_ADMIN_RE = re.compile(
    rf"(?:(?<![\w])|(?<=[a-z0-9]))({_NAME})\s+"
    rf"({_ADMIN_WORDS}|COUNTY|PARISH|PROVINCE|DEPARTMENT|GOVERNORATE)\b"
)
# Word starts inside a name: after a space, or where a scraped title is glued to it.
_WORD_START_RE = re.compile(r"(?:(?<=\s)|(?<=[a-z0-9.])|^)(?=[A-Z])")
# A capitalised name followed by one of these is a facility or a street, not a place.
_FACILITY_RE = re.compile(
    r"(?:\s+(?:[A-Z][\w'’.]*|&|of)){0,3}?\s+(?:Hospital|Medical|Memorial|Clinic|High|Middle|Elementary|School|Academy|College|"
    r"University|Street|St\.(?!\s+[A-Z])|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Lane|Way|"
    r"Parkway|Pkwy|Highway|Hwy|Expressway|Freeway|Turnpike|Mall|Plaza|Church|Mosque|Temple|"
    r"Center|Centre|Station|Airport|Stadium|Arena|Race Course|Racecourse|Hotel|Motel|Inn|"
    r"Apartments|Cemetery|Bridge|Memorial Park|Place|Circle|Terrace|Gate|Mart|Market|Store|"
    r"Restaurant|Tavern|Lounge|Grill)\b")
# A city's part, whatever NER calls it: "the Rogers Park neighborhood", "the city's Feltonville
# section", "Philadelphia&#39;s West Oak Lane" (scraped text keeps HTML entities).
_PART_RE = re.compile(
    rf"(?:\b(?:[Cc]ity|[Tt]own|[A-Z][a-z]+)(?:['’?]|&#0?39;|&rsquo;)s\s+({_NAME})"
    rf"|(?<![\w])({_NAME})\s+(?:neighbou?rhood|section)\b)")
# "Chapel Hill drive-by shooting", "Milwaukee's northwest side": a place named by what
# happened there or by its part.
_EVENT_NAME_RE = re.compile(
    rf"({_NAME})\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:shooting|stabbing|homicide|murder|killing|"
    rf"robbery|standoff|carjacking|shootout|shoot-out|gunfight|slaying|stand-off)s?\b")
_SIDE_RE = re.compile(
    rf"({_NAME})(?:['’?]|&#0?39;|&rsquo;)s\s+(?:(?:far|near)\s+)?(?:north|south|east|west|"
    rf"northeast|northwest|southeast|southwest|downtown|central)\b")
# "(Cincinnati, OH)--", "Gainesville, Fla. —": a title-case dateline with its state.
_TITLE_DATELINE_RE = re.compile(
    r"(?:\(|(?<![A-Za-z]))([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}),\s*([A-Z]{2}|[A-Z][a-z]{1,4}\.)\)?"
    r"\s*[-–—]")
# "Kansas City" the gazetteer may list as "Kansas"; "Hummelstown Borough" as "Hummelstown"
_CITY_SUFFIX_RE = re.compile(r"\s+(?:City|CITY|Borough|BOROUGH|Village|VILLAGE)$")
_CITY_OF_RE = re.compile(rf"\b(?:city|town|village|CITY|TOWN|VILLAGE) (?:of|OF) ({_NAME})")
_LOCATIVE_RE = re.compile(
    rf"\b(?:{'|'.join(LOCATIVE_WORDS)})\s+(?:the\s+|THE\s+)?(?=({_NAME}))"  # overlapping
)
# "Chicago police", "the Corpus Christi Police Department": a city's own agencies.
# "Miami Fire Rescue" as one NER span: left to the agency pattern, which finds its city
_AGENCY_WORD_RE = re.compile(r"\b(?:Police|Sheriff|Fire|Rescue|PD)\b")
_AGENCY_RE = re.compile(rf"({_NAME})\s+(?:Police|POLICE|police|Sheriff|SHERIFF|sheriff|PD|"
                        rf"Fire Department|Fire Rescue|Fire Dept)\b")
# "Memphis, Tennessee", "Elmo, Mo.": a town and its US state, wherever they are written.
# Postal codes count too ("Richmond, VA News"), but not those that are also words or titles
# ("Smith, MD", "Jones, OR ...").
_WORDLIKE_CODES = frozenset({"IN", "OR", "ME", "OK", "HI", "OH", "MD", "AS", "DE", "ID", "LA"})
_STATE_WORDS = "|".join(re.escape(w) for w in sorted(
    [*US_POSTAL.values(), *US_STATE_ABBREVIATIONS, *(set(US_POSTAL) - _WORDLIKE_CODES)],
    key=len, reverse=True))
_CITY_STATE_RE = re.compile(
    rf"(?<![\w&])([A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}}),\s+({_STATE_WORDS})(?![\w])")
_NOT_NAME_START = frozenset({"in", "at", "near", "of", "from", "to", "the", "a", "an", "and"})
# An upper-case run, an optional ", State" and a dash or a ", 3 JAN 90" date: a dateline.
_DATELINE_RE = re.compile(
    r"(?:^|(?<=[^A-Z]))([A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3})"
    r"(?:,\s*([A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2}\b|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?"
    r"\s*(?:\(([^)\n]{1,40})\)\s*)?(?:[-–—]{1,2}\s|[-–—]{1,2}(?=[A-Z])|,\s*\d{1,2}\s[A-Z]{3}(?:\s\d{2})?\b)"
)
# "CBS Chicago(STMW) —", "Dallas (AP) -": a title-case dateline with a wire tag.
_TAG_DATELINE_RE = re.compile(
    r"(?<![A-Za-z])([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s*\([A-Z0-9][A-Z0-9.\-]{1,9}\)\s*[-–—]")
_DIRECTION_RE = re.compile(r"^(?:(?:north|south)?(?:east|west)(?:ern)?|north(?:ern)?|"
                           r"south(?:ern)?|central|downtown|suburban)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    text: str
    hint: str | None  # "admin1", "county" or None
    source: str  # "ner", "dateline", "tag" (its country), "admin", "cityof", "locative"...


def _is_upper_doc(text: str) -> bool:
    letters = [c for c in text[:3000] if c.isalpha()]
    return bool(letters) and sum(c.islower() for c in letters) < 0.05 * len(letters)


def _raw_mentions(doc: Any, gaz: Gazetteer, upper: bool) -> list[_Raw]:
    text = doc_text(doc)
    raws = _datelines(text, gaz)
    raws += [r for r in _relayed_datelines(text, gaz) if all(r.end <= q.start or r.start >= q.end
                                                             for q in raws)]
    for m in _ADMIN_RE.finditer(text):
        if m.group(2).lower() in ("county", "parish"):
            start = _county_start(m.group(1), m.group(2), gaz, m.start(1))
            raws.append(_Raw(start, m.end(2), text[start:m.end(2)], "county", "admin"))
            continue
        known = _known_suffix_start(m.group(1), gaz, m.start(1))
        start = m.start(1) if known is None else known
        raws.append(_Raw(start, m.end(2), text[start:m.end(2)], "admin1", "admin"))
    raws += _city_state_mentions(text, gaz)
    raws += _abbreviated_counties(text, gaz)
    for m in _CITY_OF_RE.finditer(text):
        name = _known_prefix(m.group(1), gaz) or m.group(1)
        raws.append(_Raw(m.start(1), m.start(1) + len(name), name, None, "cityof"))
    for m in _PART_RE.finditer(text):
        g = 1 if m.group(1) else 2
        name = re.sub(r"\s+(?:neighbou?rhood|section)$", "", m.group(g))
        if fold(name) not in NON_PLACE_WORDS:
            raws.append(_Raw(m.start(g), m.start(g) + len(name), name, None, "part"))
    for ent in doc_ents(doc):
        if (ent.label_ in ("GPE", "LOC", "FAC") and not upper
                and not _AGENCY_WORD_RE.search(ent.text) and fold(ent.text) not in CITY_PART_WORDS):
            raws.append(_ner_raw(ent))
    raws += _locative_mentions(text, gaz)
    raws += _agency_mentions(text, gaz)
    if upper:
        raws = [r for r in raws if not _ordinary_word(r, gaz)]
    raws = [r for r in raws if r.source in ("admin", "dateline", "tag") or not _facility(text, r)]
    raws = [t for r in raws if (t := _one_line(r)) is not None]
    raws = [r for r in raws if r.source in ("admin", "dateline", "tag") or not _in_person(r, doc)]
    return _dedupe(_drop_non_places(raws, text, _surnames(doc)))


# Parts of speech whose words are ordinary English, never a town's own name
_WORD_CLASSES = ("adj", "adv", "verb")


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Adjectives, adverbs and verbs of the spaCy lemmatizer's WordNet index ("many",
    "advance", "liberal"), plus its stop words. Nouns are left out: the index lists cities
    ("lima", "bogota") among them."""
    try:
        nlp = load_nlp()
    except ModelNotAvailable:
        return frozenset()
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
        for pos in _WORD_CLASSES:
            words.update(index.get(pos, ()))
    return frozenset(words)


def _ordinary_word(raw: _Raw, gaz: Gazetteer) -> bool:
    """In all-caps text "OF MANY", "IN ADVANCE", "THE SUPREME" look like places to the
    preposition scan; a single ordinary word found that way is no town unless a big one
    (a world city keeps its name: "IN MOBILE" is more likely Alabama's than an adjective)."""
    if raw.source not in ("locative", "cityof", "part") or " " in raw.text.strip():
        return False
    if fold(raw.text) not in _english_words():
        return False
    # (a region's rank is no size: "THE MOST", "IN THE MIDDLE" name no Czech or Manx region)
    entries = [gaz.entry(r) for r in gaz.candidates(raw.text)]
    return all(e.kind == "admin1" or (e.kind == "city" and e.population < 100_000)
               for e in entries)


_CO_RE = re.compile(rf"(?<![\w])({_NAME})\s+Co\.(?!\w)")


def _county_name(text: str) -> str:
    """"Gasconade Co." -> "Gasconade County"."""
    return re.sub(r"\s+Co\.$", " County", text)


def _abbreviated_counties(text: str, gaz: Gazetteer) -> list[_Raw]:
    """"a shooting in Gasconade Co.": a county NER often files as a company."""
    out = []
    for m in _CO_RE.finditer(text):
        start = _county_start(m.group(1), "County", gaz, m.start(1))
        if gaz.county_states(f"{text[start:m.end(1)]} County"):
            out.append(_Raw(start, m.end(), text[start:m.end()], "county", "admin"))
    return out


# A sentence ends inside a name's span: a line break, or a full stop after a word that is no
# abbreviation ("Lingle. The Goshen County", but "St. Louis", "Ft. Myers").
_NAME_BREAK_RE = re.compile(r"\n|(?<=[a-z]{3})\.\s|(?<=[A-Z]{3})\.\s")


def _one_line(raw: _Raw) -> _Raw | None:
    """A name ends where its sentence does ("the town of Lingle.\n\nThe Casper Star-Tribune"
    is Lingle, then a new paragraph)."""
    brk = _NAME_BREAK_RE.search(raw.text)
    if brk is None:
        return raw
    cut = brk.start()
    name = raw.text[:cut].rstrip(" .,")
    if len(name) < 2:
        return None
    # ("in York. County control said": the town, not a county; let the scan's checks judge it)
    source = "locative" if raw.source == "admin" else raw.source
    return replace(raw, end=raw.start + len(name), text=name, hint=None, source=source)


# Words NER folds into a "person" that make it a town's agency or event ("Sylvester Police")
_NOT_A_NAME_RE = re.compile(r"\b(?:Police|Sheriff|Fire|Rescue|PD|Department|Shooting|Killing|"
                            r"Murder|Homicide|County|City|Township|Schools?|High)\b")


def _in_person(raw: _Raw, doc: Any) -> bool:
    """The name is part of a longer person's name ("the aid of Marvin Jacob Lee")."""
    return any(e.label_ == "PERSON" and e.start_char <= raw.start and raw.end <= e.end_char
               and e.end_char - e.start_char > raw.end - raw.start
               and not _NOT_A_NAME_RE.search(e.text) for e in doc_ents(doc))


# "the 1200 block of Holden", "Seventh Street and Broadway": streets
_BLOCK_OF_RE = re.compile(r"(?:\bblock of\s+(?:[NSEW]\.?\s+)?|\b(?:Street|St\.|Avenue|Ave\.?|"
                          r"Road|Rd\.|Boulevard|Blvd\.?|Drive|Lane|Highway)\s+(?:and|&)\s+)$")


# "in the Black River", "near the Salt Creek": a body of water or a landform, not the town of
# that name (but "the Fall River police", "the Fall River man" are the town)
_FEATURE_RE = re.compile(r"\s(?:River|Creek|Lake|Bay|Canyon|Mountains?|Island|Bayou)$")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
_FEATURE_AFTER_RE = re.compile(r"\s+(?:[A-Z]|police|man|woman|teen|resident)")


def _natural_feature(r: _Raw, text: str) -> bool:
    before = text[max(0, r.start - 5):r.start]
    return bool(_FEATURE_RE.search(r.text) and _THE_BEFORE_RE.search(before)
                and not _FEATURE_AFTER_RE.match(text, r.end))


def _drop_non_places(raws: list[_Raw], text: str, surnames: frozenset[str]) -> list[_Raw]:
    """Drop a street ("in the 1200 block of Holden"), a river ("in the Black River") and a
    named person's surname used bare ("Weatherford said"), unless a state follows it
    ("Weatherford, Texas")."""
    out = []
    for r in raws:
        if r.source == "locative" and fold(r.text) in NON_PLACE_WORDS:
            continue  # ("... CAPITAL.\n\nGUATEMALA CITY FIRE DEPARTMENT": a scan across lines)
        if r.source not in ("admin", "dateline", "tag") and (
                _BLOCK_OF_RE.search(text[max(0, r.start - 20):r.start]) or _natural_feature(r, text)
                or (fold(r.text) in surnames and not re.match(r",\s*[A-Z]", text[r.end:]))):
            continue
        out.append(r)
    return out


def _surnames(doc: Any) -> frozenset[str]:
    """Last names of the people the report names ("Sheriff Bryan Weatherford" -> a later
    bare "Weatherford said" is him, not the Texan city)."""
    out = set()
    for ent in doc_ents(doc):
        words = ent.text.split()
        if ent.label_ == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            out.add(fold(words[-1]))
    return frozenset(out)


def _city_state_mentions(text: str, gaz: Gazetteer) -> list[_Raw]:
    """"... News 5 - Memphis, Tennessee", "in Elmo, Missouri": the town (the longest run of
    words ending the name that the gazetteer knows, else the whole run) and its state."""
    out = []
    for m in _CITY_STATE_RE.finditer(text):
        name, start = m.group(1), m.start(1)
        words = list(re.finditer(r"\S+", name))
        known = next((w.start() for w in words if gaz.candidates(name[w.start():])), None)
        if known is None and fold(words[0].group()) in _NOT_NAME_START | NON_PLACE_WORDS:
            continue
        cut = known or 0
        if fold(name[cut:]) in NON_PLACE_WORDS:
            continue
        out.append(_Raw(start + cut, m.end(1), name[cut:], None, "citystate"))
        out.append(_Raw(m.start(2), m.end(2), m.group(2), "admin1", "citystate"))
    return out


# "at North Newberry and Smyser streets": a crossing of two streets
_CROSS_STREETS_RE = re.compile(r"\s+(?:and|AND|&)\s+(?:[A-Z][\w.']*\s+){1,3}(?:[Ss]treets|"
                               r"[Aa]venues|[Rr]oads|STREETS|AVENUES|ROADS)\b")


def _facility(text: str, raw: _Raw) -> bool:
    """"Mount Sinai Hospital", "Hopkins Street": the name belongs to a building or a road."""
    if _FACILITY_RE.match(text, raw.end) or _CROSS_STREETS_RE.match(text, raw.end):
        return True
    words = raw.text.split()
    return len(words) > 1 and bool(_FACILITY_RE.fullmatch(" " + words[-1]))


def _county_start(name: str, suffix: str, gaz: Gazetteer, offset: int) -> int:
    """Start of the county's own name: the longest known trailing run of words, else the
    words after any sentence break or leading "The" ("DeputiesRichland County" -> Richland)."""
    starts = [m.start() for m in _WORD_START_RE.finditer(name)]
    for start in starts:
        if gaz.county_states(f"{name[start:]} {suffix}"):
            return offset + start
    cut = max(name.rfind(". ") + 2, 0) if ". " in name else 0
    if name[cut:].lower().startswith("the "):
        cut += 4
    return offset + cut

def _known_suffix_start(name: str, gaz: Gazetteer, offset: int) -> int | None:
    """Offset of the longest trailing run of words the gazetteer knows ("... IN USULUTAN")."""
    words = list(re.finditer(r"\S+", name))
    for w in words:
        if gaz.candidates(name[w.start():]):
            return offset + w.start()
    return None


def _agency_mentions(text: str, gaz: Gazetteer) -> list[_Raw]:
    """The place in "<City> police" (longest known suffix of the name before it)."""
    out = []
    for m in _AGENCY_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        if words and words[-1].group().lower() in ("metro", "metropolitan"):
            words = words[:-1]  # "Indianapolis Metro Police"
        for w in words:
            name = m.group(1)[w.start():words[-1].end()]
            if fold(name) not in NON_PLACE_WORDS and gaz.candidates(name):
                start = m.start(1) + w.start()
                out.append(_Raw(start, start + len(name), name, None, "locative"))
                break
    return out


# "Fox17BENTON TOWNSHIP": a scraped title's last word glued to an upper-case dateline
_GLUED_PREFIX_RE = re.compile(r"^[A-Za-z0-9]*[a-z0-9](?=[A-Z]{3,}\b)")


def _ner_raw(ent: Any) -> _Raw:
    start, words = ent.start_char, ent.text
    if words.lower().startswith("the "):
        start, words = start + 4, words[4:]
    glued = _GLUED_PREFIX_RE.match(words)
    if glued:
        start, words = start + glued.end(), words[glued.end():]
    low = words.lower()
    hint = ("county" if low.endswith((" county", " parish"))
            else "admin1" if strip_admin_suffix(fold(words)) != fold(words) else None)
    return _Raw(start, start + len(words), words, hint, "ner")


# "[TEXT] CALI -- THE JUDGES ...": a wire desk relaying a report filed from another town
_RELAYED_RE = re.compile(r"\]\s+([A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3})\s*[-–—]{1,2}\s")


def _relayed_datelines(text: str, gaz: Gazetteer) -> list[_Raw]:
    """A second dateline after the header's bracketed tags, if the gazetteer knows it."""
    m = _RELAYED_RE.search(text[:400])
    if m is None or fold(m.group(1)) in NON_PLACE_WORDS or not gaz.candidates(m.group(1)):
        return []
    return [_Raw(m.start(1), m.end(1), m.group(1), None, "dateline")]


def _datelines(text: str, gaz: Gazetteer) -> list[_Raw]:
    """Datelines in the first few hundred characters (titles are sometimes glued before)."""
    out: list[_Raw] = []
    for m in _TAG_DATELINE_RE.finditer(text[:400]):
        if text[:m.start(1)].endswith(", "):
            continue  # "KATY, Texas (AP) -": the state of an upper-case dateline, read below
        if gaz.candidates(m.group(1)) and fold(m.group(1)) not in NON_PLACE_WORDS:
            return [_Raw(m.start(1), m.end(1), m.group(1), None, "dateline")]
    for m in _TITLE_DATELINE_RE.finditer(text[:400]):
        if gaz.candidates(m.group(1)) and _state_from_text(m.group(2), gaz, postal=True):
            return [_Raw(m.start(1), m.end(1), m.group(1), None, "dateline"),
                    _Raw(m.start(2), m.end(2), m.group(2), "admin1", "dateline")]
    for m in _DATELINE_RE.finditer(text[:400]):
        name, start = m.group(1).strip(" .-"), m.start(1)
        # "Rockford, ILROCKFORD —": the state code of a glued title precedes the city
        for cut in range(0, max(1, len(name) - 3)):
            if " " in name[:cut]:
                break
            if fold(name[cut:]) not in _UNDATED and gaz.candidates(_known_name(name[cut:], gaz)):
                out.append(_Raw(start + cut, start + len(name), name[cut:], None, "dateline"))
                if m.group(2):
                    out.append(_Raw(m.start(2), m.end(2), m.group(2), "admin1", "dateline"))
                elif m.group(3) and any(p.kind == "country" for p in gaz.lookup(m.group(3))[:1]):
                    # "SAN JOSE (COSTA RICA), 9 MAR 90 --": the wire names the country (context
                    # for the dateline only: a report filed abroad is often about elsewhere)
                    out.append(_Raw(m.start(3), m.end(3), m.group(3), None, "tag"))
                return out
        if _ap_state(m.group(2)) and fold(name) not in NON_PLACE_WORDS and len(name) >= 3:
            # "BENTON TOWNSHIP, Mich. —": a town too small for the gazetteer, in its state
            return [_Raw(start, start + len(name), name, None, "dateline"),
                    _Raw(m.start(2), m.end(2), m.group(2), "admin1", "dateline")]
    return out


_UNDATED = frozenset({"date", "no date"})  # "CLANDESTINE, NO DATE (RADIO ...) --"


def _ap_state(word: str | None) -> bool:
    """``word`` is a US state as datelines write it ("Mich.", "N.C.", "Texas")."""
    return bool(word) and (word in US_STATE_ABBREVIATIONS
                           or fold(word or "") in _US_STATE_NAMES)


def _locative_mentions(text: str, gaz: Gazetteer) -> list[_Raw]:
    """Capitalised names after "in/at/near ..." (or before "shooting", "'s east side") that
    the gazetteer knows (longest prefix)."""
    out = []
    matches = [*_LOCATIVE_RE.finditer(text), *_EVENT_NAME_RE.finditer(text),
               *_SIDE_RE.finditer(text)]
    for m in matches:
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".,")
            if fold(name) in NON_PLACE_WORDS or len(name) < 3:
                continue
            # ("IN NORTHWEST SAN SALVADOR": the city with its direction, not a region
            # "Northwest"; resolving drops the direction)
            if gaz.candidates(name) or (_DIRECTION_RE.match(name) and gaz.candidates(
                    _DIRECTION_RE.sub("", name))):
                out.append(_Raw(m.start(1), m.start(1) + len(name), name, None, "locative"))
                break
    return out


def _known_prefix(name: str, gaz: Gazetteer) -> str | None:
    """The longest run of ``name``'s first words that the gazetteer knows ("CITY OF MEDELLIN
    LAST NIGHT" is Medellin), when it does not know the whole name."""
    ends = [w.end() for w in re.finditer(r"\S+", name)]
    if gaz.candidates(name):
        return None
    for end in reversed(ends[:-1]):
        prefix = name[:end].rstrip(".,")
        if len(prefix) >= 3 and fold(prefix) not in NON_PLACE_WORDS and gaz.candidates(prefix):
            return prefix
    return None


def _dedupe(raws: list[_Raw]) -> list[_Raw]:
    """Keep the most informative of overlapping mentions (admin phrase > dateline > NER)."""
    rank = {"admin": 0, "dateline": 1, "tag": 5, "citystate": 2, "cityof": 2, "part": 2, "ner": 3,
            "locative": 4, "postal": 4}
    kept: list[_Raw] = []
    for r in sorted(raws, key=lambda r: (rank[r.source], -(r.end - r.start), r.start)):
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)


@dataclass
class _Context:
    countries: defaultdict[str, float]
    # (country code, folded admin-1 name) named in the text
    states: defaultdict[tuple[str, str], float]
    us_like: bool
    # folded name -> (name, US state): postal towns the gazetteer lacks of the counties the
    # report names ("McDowell County" ... "near Iaeger")
    postal: dict[str, tuple[str, str]] = field(default_factory=dict)
    # another country is named at least as often as the US, and no US state is
    foreign: bool = False
    # folded US county name without "County" -> the states that have such a county
    counties: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def in_state(self, cc: str, admin1: str | None) -> float:
        return self.states.get((cc, fold(admin1 or "")), 0) if admin1 else 0


# A US broadcaster's call sign in a dateline tag: "(WSAV)", "(KTVI)", "(WXYZ-TV)"
_CALL_SIGN_RE = re.compile(r"\((?:[KW][A-Z]{2,3})(?:-(?:TV|FM|AM))?\)")


def _context(doc: Any, raws: list[_Raw], gaz: Gazetteer) -> _Context:
    countries: defaultdict[str, float] = defaultdict(float)
    states: defaultdict[tuple[str, str], float] = defaultdict(float)
    text = doc_text(doc)
    for i, r in enumerate(raws):
        abbr = US_STATE_ABBREVIATIONS.get(r.text.rstrip(".") + ".") or US_STATE_ABBREVIATIONS.get(
            r.text)
        if abbr is None and r.source in ("dateline", "citystate") and r.hint == "admin1":
            abbr = US_POSTAL.get(r.text)  # "DESOTO, MO (KTVI)": the code is trusted there
        if fold(r.text) == "georgia" and i and re.fullmatch(r",\s*", text[raws[i - 1].end:r.start]):
            abbr = "Georgia"  # "Cordele, Georgia": a town's state, not the country
        for p in gaz.lookup(r.text)[:1]:
            if p.kind == "country" and not abbr:
                countries[p.country_code or ""] += 1
        if abbr:
            states[("US", fold(abbr))] += 2
            countries["US"] += 1
        elif r.hint != "county" and fold(r.text) in _US_STATE_KEYS:
            countries["US"] += 0.5  # "Florida" is far likelier the state than the Uruguayan town
    for tok in doc_tokens(doc):
        code = DEMONYMS.get(tok.text.lower())
        if code:
            countries[code] += 0.5
    counties: dict[str, tuple[str, ...]] = {}
    for r in raws:
        county_states = gaz.county_states(_county_name(r.text)) if r.hint == "county" else ()
        if county_states:
            counties[name_key(_COUNTY_WORD_RE.sub("", _county_name(r.text)))] = county_states
        if len(county_states) == 1:
            states[("US", fold(county_states[0]))] += 1
        elif r.hint != "county":
            found = [p for p in gaz.lookup(r.text, kind="admin1")[:3]
                     if fold(p.name or "") == strip_admin_suffix(fold(r.text))]
            for p in found:
                states[(p.country_code or "", fold(p.name or ""))] += 1
            if (r.hint == "admin1" and r.source == "admin" and len(found) == 1
                    and not r.text.endswith("Department")):
                # "ANTIOQUIA DEPARTMENT": a province written as one names its country (but
                # "the Salinas Department tip line" is a police force)
                countries[found[0].country_code or ""] += 1
    if _CALL_SIGN_RE.search(text[:600]):
        countries["US"] += 1  # "Savannah (WSAV) –": a US station's dateline
    us_like = countries.get("US", 0) > 0 or not countries
    return _Context(countries, states, us_like, counties=counties)


_COUNTY_WORD_RE = re.compile(r"\s+(?:County|Parish)$", re.IGNORECASE)
_US_STATE_NAMES = frozenset(fold(name) for name in US_POSTAL.values())
_US_STATE_KEYS = _US_STATE_NAMES - {"georgia"}


def _state_from_text(text: str, gaz: Gazetteer, *, postal: bool = False) -> PlaceMention | None:
    """A US state written as an AP abbreviation ("Fla.", "N.C.") or, after "City,", "FL"."""
    word = text.strip()
    name = US_STATE_ABBREVIATIONS.get(word) or US_STATE_ABBREVIATIONS.get(word.rstrip(".") + ".")
    if name is None and postal:
        name = US_POSTAL.get(word)
    if name:
        return gaz.admin1_of(name, "US")
    return None


def _appositive(text: str, raw: _Raw, nxt: _Raw | None) -> str | None:
    """The text of a place right after "X, " ("Kerman, central Iran", "Aurora, Colo.")."""
    if nxt is None or nxt.start - raw.end > 12:
        return None
    gap = text[raw.end:nxt.start]
    if re.fullmatch(r",\s*(?:[a-z\-]+\s+)?", gap):
        return nxt.text
    return None


def _score(gaz: Gazetteer, row: int, ctx: _Context, near: PlaceMention | None,
           key: str = "") -> float:
    e = gaz.entry(row)
    score = math.log10(e.population + 10)
    if key and name_key(e.name) != key and e.kind == "city":
        score -= 2.5  # matched an alternate name ("Philadelphia" is also an old name of Amman)
    cc, admin1, kind = e.country_code, e.admin1, e.kind
    if kind == "city" and admin1 == e.name:
        score += 0.6
    total = sum(ctx.countries.values())
    if total:
        score += 4 * ctx.countries.get(cc, 0) / total
    if kind == "city" and ctx.in_state(cc, admin1) and name_key(admin1 or "") != key:
        score += 2.5  # (a mention of "Florida" is no evidence for Florida, Uruguay, in Florida)
    elif kind == "city" and cc == "US" and admin1 in ctx.counties.get(name_key(e.name), ()):
        score += 2.5  # "York County ... in York": the county's namesake town, in its state
    if ctx.us_like and not ctx.countries and cc == "US":
        score += 1.0  # no country named at all: local US news is the likeliest reading
    if _us_report(ctx) and cc != "US" and not ctx.countries.get(cc) and (
            kind == "admin1" or (kind == "city" and e.population < 1_000_000)):
        # a report naming a US state or county and no other country: "shot in Florence" is
        # a US town, not Tuscany (a world city like London keeps its meaning)
        score -= 2.5
    if _small_us_town_abroad(gaz, row, ctx):
        score -= 2.5
    if near is not None:
        if near.kind == "country" and near.country_code == cc:
            score += 6
        elif near.kind == "admin1" and near.country_code == cc and fold(admin1 or "") == fold(
                near.name or ""):
            score += 8
    return score


def _small_us_town_abroad(gaz: Gazetteer, row: int, ctx: _Context) -> bool:
    """A US town of modest size, in a report about another country that names no US state:
    "ESCALON" in San Salvador is a neighbourhood there, not the Californian town."""
    e = gaz.entry(row)
    return (ctx.foreign and e.country_code == "US" and e.kind == "city"
            and e.population < 100_000 and not ctx.in_state("US", e.admin1))


def _far_namesake(gaz: Gazetteer, row: int, ctx: _Context) -> bool:
    """A region abroad, in a report that names only US states and counties: "in the
    Northland" of Kansas City is no New Zealand region."""
    e = gaz.entry(row)
    return (_us_report(ctx) and e.kind == "admin1" and e.country_code != "US"
            and not ctx.countries.get(e.country_code))


def _us_report(ctx: _Context) -> bool:
    return ctx.us_like and all(cc == "US" for cc in ctx.countries) and any(
        cc == "US" for cc, _ in ctx.states)


def _resolve(raw: _Raw, gaz: Gazetteer, ctx: _Context, near: PlaceMention | None
             ) -> PlaceMention:
    span = (raw.start, raw.end)
    if raw.hint == "county":
        return _county(raw, gaz, ctx, near)
    state = _state_from_text(raw.text, gaz, postal=raw.source in ("dateline", "citystate"))
    if state is not None:
        return replace(state, text=raw.text, span=span)
    name = _known_name(raw.text, gaz)
    rows = gaz.candidates(name, kind="admin1" if raw.hint == "admin1" else None)
    if not rows and name != raw.text:
        rows = gaz.candidates(raw.text)
    key = name_key(name)
    if raw.source in ("locative", "part") or name != raw.text:
        rows = [r for r in rows if _plausible_scan(gaz, r, ctx, key, unique=len(rows) == 1)]
    if name != raw.text and _DIRECTION_RE.match(raw.text):
        # "East Germantown" in Philadelphia news is a neighbourhood, not Germantown, Maryland:
        # without its state named, only a big city's quarter ("West Philadelphia") is its city
        rows = [r for r in rows if (e := gaz.entry(r)).population >= 100_000
                or ctx.in_state(e.country_code, e.admin1)]
    # a village's alternate name ("Inland" for Greensburg, Ohio) is mostly an ordinary word
    rows = [r for r in rows if not _obscure_alias(gaz, r, ctx, key)]
    if len(raw.text) <= 3 and raw.text.isupper():
        # an acronym ("US", "UN", "PM") is a country code at most, never a village
        rows = [r for r in rows if gaz.entry(r).kind == "country"]
    if (near is not None and raw.hint is None
            and raw.source in ("dateline", "ner", "locative", "citystate")
            and fold(raw.text) not in NON_PLACE_WORDS
            and not any(_within(gaz, r, near) for r in rows)):
        return _unlisted_town(raw, near)
    if not rows:
        town = ctx.postal.get(fold(raw.text))
        state = gaz.admin1_of(town[1], "US") if town else None
        return _unlisted_town(raw, state) if state else PlaceMention(text=raw.text, span=span)
    # a dateline with no state names a city the wire expects readers to know: "LIMA, 16 JAN
    # 90 --" is Peru's capital even when the report mentions the U.S. embassy there
    known = raw.source == "dateline" and near is None
    if known:
        # a dateline names a city, not its namesake province ("SAN JOSE" of Costa Rica)
        entries = [gaz.entry(r) for r in rows]
        towns = {e.country_code for e in entries if e.kind == "city"}
        rows = [e.row for e in entries if e.kind != "admin1" or e.country_code not in towns]
    best = max(rows, key=lambda r: (_score(gaz, r, ctx, near, key)
                                    + (3.0 if known and _world_city(gaz, r, key) else 0.0), -r))
    if near is None and _far_namesake(gaz, best, ctx):
        return PlaceMention(text=raw.text, span=span)
    found = _written_name(gaz.mention(best, raw.text, span), key)
    return _postal_namesake(found, raw, gaz, ctx) or found


def _world_city(gaz: Gazetteer, row: int, key: str) -> bool:
    e = gaz.entry(row)
    return e.kind == "city" and e.population >= 1_000_000 and name_key(e.name) == key


def _postal_namesake(p: PlaceMention, raw: _Raw, gaz: Gazetteer, ctx: _Context
                     ) -> PlaceMention | None:
    """"the town of Elmo" in a report about Missouri: the gazetteer lists only a Texan Elmo,
    but the postal towns of Missouri include one. A small US town resolved to a state the
    report never names becomes the namesake town of the state it names most, if any."""
    if p.kind != "city" or p.country_code != "US" or p.population >= 15_000 or ctx.in_state(
            "US", p.admin1):
        return None
    named = sorted(((w, s) for (cc, s), w in ctx.states.items() if cc == "US"), reverse=True)
    if not named:
        return None
    state = gaz.admin1_of(named[0][1], "US")
    if state is None or not gaz.town_counties(p.name or p.text, state.name or ""):
        return None
    return _unlisted_town(raw, state)


def _written_name(p: PlaceMention, key: str) -> PlaceMention:
    """A small town found under an alternate name keeps the name the report gives it: GeoNames
    files hamlets as aliases of a town nearby ("Townville" under Abbeville), while a big
    city's alias is its other name ("Bombay")."""
    if p.kind != "city" or name_key(p.name or "") == key:
        return p
    if name_key(p.name or "") == f"{key} center":
        # a New England town filed under its centre: "Killingly" is "Killingly Center"
        return replace(p, name=p.text.title() if p.text.isupper() else p.text)
    if p.population >= 15_000:
        return p
    name = p.text.title() if p.text.isupper() else p.text
    return replace(p, name=name, population=0, geonameid=None)


def _within(gaz: Gazetteer, row: int, near: PlaceMention) -> bool:
    e = gaz.entry(row)
    if e.country_code != near.country_code:
        return False
    return near.kind == "country" or fold(e.admin1 or "") == fold(near.name or "")


def _unlisted_town(raw: _Raw, near: PlaceMention) -> PlaceMention:
    """"Elmo, Missouri": a town too small for the gazetteer, in the state the text gives
    (better than the namesake in Texas that the gazetteer does list)."""
    name = raw.text.title() if raw.text.isupper() else raw.text
    return PlaceMention(text=raw.text, span=(raw.start, raw.end), name=name, kind="city",
                        admin1=near.name if near.kind == "admin1" else None,
                        country_code=near.country_code)


def _obscure_alias(gaz: Gazetteer, row: int, ctx: _Context, key: str) -> bool:
    e = gaz.entry(row)
    return (e.kind == "city" and name_key(e.name) != key
            and e.population < 15_000 and not ctx.in_state(e.country_code, e.admin1))


def _known_name(text: str, gaz: Gazetteer) -> str:
    """``text``, or the form of it the gazetteer knows: "North Houston" -> "Houston",
    "YORK CITY" -> "YORK" (the variants must then pass :func:`_plausible_scan`)."""
    if gaz.candidates(text):
        return text
    for variant in (_DIRECTION_RE.sub("", text), _CITY_SUFFIX_RE.sub("", text)):
        if variant != text and fold(variant) not in NON_PLACE_WORDS and gaz.candidates(variant):
            return variant
    return text


def _plausible_scan(gaz: Gazetteer, row: int, ctx: _Context, key: str, *,
                    unique: bool = False) -> bool:
    """A name found only by the preposition scan needs its country named, or to be big (a
    small US town will do in US news when no other place has that name: "in Kenly")."""
    e = gaz.entry(row)
    if e.kind == "city" and name_key(e.name) != key:
        return False  # alternate names are too noisy without NER's judgement
    if e.kind == "country":
        return True
    if _small_us_town_abroad(gaz, row, ctx):
        return False
    if ctx.countries.get(e.country_code):
        return True
    if e.population >= 100_000:
        return True
    in_state = bool(ctx.in_state(e.country_code, e.admin1))
    big = e.population >= (1000 if unique else 5000)
    return ctx.us_like and e.country_code == "US" and (in_state or big)


def _county(raw: _Raw, gaz: Gazetteer, ctx: _Context, near: PlaceMention | None
            ) -> PlaceMention:
    """US counties are kept as ``admin2`` mentions (the gazetteer has no county shapes); the
    state is the apposition's, else the one state with such a county, else the one the text
    names most."""
    if not ctx.us_like:
        return PlaceMention(text=raw.text, span=(raw.start, raw.end))
    county = _county_name(raw.text)
    states = gaz.county_states(county)
    admin1 = near.name if near is not None and near.kind == "admin1" else None
    if admin1 is None and states:
        admin1 = max(states, key=lambda s: (ctx.in_state("US", s), -states.index(s)))
        if len(states) > 1 and not ctx.in_state("US", admin1):
            admin1 = None
    name = county.title() if county.isupper() else county
    return PlaceMention(text=raw.text, span=(raw.start, raw.end), name=name, kind="admin2",
                        admin1=admin1, country_code="US")


def _home(raws: list[_Raw], gaz: Gazetteer, ctx: _Context) -> None:
    """Let a dateline's place count as context: local news happens where it is filed."""
    for raw in raws:
        if raw.source == "dateline" and raw.hint is None:
            p = _resolve(raw, gaz, ctx, None)
            if name_key(p.name or "") != name_key(raw.text):
                continue  # under another name: a guess ("ON CAM" is no Camiri, Bolivia)
            if p.country_code:
                ctx.countries[p.country_code] += 1
            if p.admin1 and p.kind == "city":
                ctx.states[(p.country_code or "", fold(p.admin1))] += 1
    # a report filed from San Salvador is no US local news, whatever else it names
    ctx.us_like = ctx.countries.get("US", 0) > 0 or not ctx.countries
    ctx.foreign = _foreign(ctx)


def _foreign(ctx: _Context) -> bool:
    """A report about another country ("BOGOTA ... THE U.S. EMBASSY"): no US state named,
    and some other country named at least as often as the US."""
    if any(cc == "US" for cc, _ in ctx.states):
        return False
    # (a province's bare name is no evidence: "Toledo" is also a district of Belize)
    most = max((w for cc, w in ctx.countries.items() if cc != "US"), default=0.0)
    return most >= max(1.0, ctx.countries.get("US", 0))


def geocode_doc(doc: Any, *, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``doc``, resolved where the gazetteer and context allow."""
    gaz = gazetteer or Gazetteer.default()
    text = doc_text(doc)
    upper = _is_upper_doc(text)
    raws = _raw_mentions(doc, gaz, upper)
    ctx = _context(doc, raws, gaz)
    _home(raws, gaz, ctx)
    raws = [r for r in raws if r.source != "tag"]
    first = _resolve_all(text, raws, gaz, ctx)
    ctx.postal = _postal_towns(first, gaz)
    if ctx.postal:
        raws = _dedupe(raws + _postal_mentions(doc, text, ctx.postal, raws))
    # second pass: what the first resolved is context too ("Houston police" makes a later
    # "Trinity" the Texan one, not Jersey's parish)
    for p in first:
        if p.kind in ("city", "admin1") and p.country_code and fold(p.name or "") == fold(p.text):
            ctx.countries[p.country_code] += 0.5
            if p.kind == "city" and p.admin1:
                ctx.states[(p.country_code, fold(p.admin1))] += 0.5
    return _resolve_all(text, raws, gaz, ctx)


def _resolve_all(text: str, raws: list[_Raw], gaz: Gazetteer, ctx: _Context
                 ) -> list[PlaceMention]:
    nears: list[PlaceMention | None] = []
    for i, raw in enumerate(raws):
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        near_text = _appositive(text, raw, nxt)
        near = None
        if near_text is not None and ctx.us_like and fold(near_text) in _US_STATE_NAMES:
            near = gaz.admin1_of(near_text, "US")  # "Cordele, Georgia" in US news
        elif near_text is not None:
            near = _state_from_text(near_text, gaz, postal=True) or next(iter(
                p for p in gaz.lookup(near_text) if p.kind in ("country", "admin1")), None)
        nears.append(near)
    out = _quarters([_resolve(raw, gaz, ctx, near) for raw, near in zip(raws, nears, strict=True)],
                    raws, ctx)
    # one sense per report: "ROSEBUD, Mo. ... near Rosebud" is the same Missouri town
    placed = {fold(raw.text): p for raw, p, near in zip(raws, out, nears, strict=True)
              if near is not None and p.kind == "city"}
    return [replace(placed[fold(raw.text)], text=raw.text, span=(raw.start, raw.end))
            if near is None and p.kind in ("city", None) and fold(raw.text) in placed else p
            for raw, p, near in zip(raws, out, nears, strict=True)]


# Where a town's bare name is written as a place: "near Iaeger", "his Glen Flora home", "the
# Iaeger area", "Iaeger, W.Va."
_POSTAL_BEFORE_RE = re.compile(r"\b(?:in|at|near|outside|of|from|his|her|their|the)\s+$")
_POSTAL_AFTER_RE = re.compile(r"\s+(?:area|home|residence|community|man|woman|teen|"
                              r"resident)s?\b|,")


def _postal_towns(places: list[PlaceMention], gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """The postal towns, unknown to the gazetteer, of the US counties the report names with
    their state, or whose towns it names ("Waco" ... "in Elm Mott": McLennan County's)."""
    counties: dict[tuple[str, str], None] = {}  # (ordered: the output must not vary)
    for p in places:
        if p.country_code != "US" or not p.admin1 or not p.name:
            continue
        if p.kind == "admin2":
            counties[(p.name, p.admin1)] = None
        elif p.kind == "city":
            counties.update(dict.fromkeys(
                (c, p.admin1) for c in sorted(gaz.town_counties(p.name, p.admin1))))
    out: dict[str, tuple[str, str]] = {}
    for county, state in counties:
        for town in gaz.postal_towns(county, state):
            if len(town) >= 4 and fold(town) not in NON_PLACE_WORDS and not gaz.candidates(town):
                out.setdefault(fold(town), (town, state))
    return out


def _postal_mentions(doc: Any, text: str, postal: dict[str, tuple[str, str]],
                     raws: list[_Raw]) -> list[_Raw]:
    """Mentions of those towns that NER missed, where the words around make them a place."""
    out = []
    for name, _state in sorted(postal.values()):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if any(m.start() < r.end and r.start < m.end() for r in raws) or re.match(
                    r"\s+(?:Co\.|County|Parish)", text[m.end():]):
                continue  # ("in Gasconade Co.": the county)
            if (_POSTAL_BEFORE_RE.search(text[max(0, m.start() - 12):m.start()])
                    or _POSTAL_AFTER_RE.match(text, m.end())):
                out.append(_Raw(m.start(), m.end(), name, None, "postal"))
    return [r for r in out if not _facility(text, r) and not _in_person(r, doc)]


def _quarters(out: list[PlaceMention], raws: list[_Raw], ctx: _Context) -> list[PlaceMention]:
    """One sense per report: when "East Germantown" is a neighbourhood (left unresolved), a
    bare "Germantown" in the same report is too, unless its state is named."""
    names = {fold(_DIRECTION_RE.sub("", raw.text)) for raw, p in zip(raws, out, strict=True)
             if not p.resolved and _DIRECTION_RE.match(raw.text)}
    return [PlaceMention(text=p.text, span=p.span)
            if p.kind == "city" and fold(raw.text) in names
            and not ctx.in_state(p.country_code or "", p.admin1) else p
            for raw, p in zip(raws, out, strict=True)]
