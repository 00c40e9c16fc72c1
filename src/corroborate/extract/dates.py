"""Dates: the reference date, the reported incident's date, and older incidents.

Everything resolves against a given base (the report's publication date, or an
anchor inferred from the text); the wall clock is never read, so the same input
always gives the same output.

Stages:
1. ``_scan``: hand-rolled patterns find date expressions (full dates, month-day,
   weekday, "yesterday", "four years ago", "five days after ...", "New Year's Eve",
   a month alone: "in early March" dates the background story of an older incident).
2. ``_reference``: the publication date, else an anchor read from the text
   (dateline, "four years since ... January 3, 2020", weekday + month-day pairs).
3. ``_resolve``: each expression becomes ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``
   or ``XXXX-MM-DD`` when no year can be known.
4. ``_choose_event``: the date attached to the main violent event (the nearest clause
   above the date is a killing/attack/bombing, early full sentences), not the date of a
   statement ("police said Friday") or of a later step ("arrested Monday"); a clock time
   or part of day ("10 p.m. Saturday") marks how incidents are told; page stamps ("Posted:
   June 10, 2015 8:12 AM") are no candidates; ``_units`` re-joins sentences that upper-case
   wire text (or a "p.m." before the day) splits mid-way. A report dating nothing nearer
   (a plea, a charge months on) takes the older day it tells (``_older_incident``). Then
   ``_past_sentences`` flags sentences about older incidents and ``_referenced``
   summarises them; sentences dated days after the report (plans) are skipped too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from corroborate.extract.nlp import (
    doc_sents,
    doc_text,
    span_ents,
    span_text,
    span_tokens,
)
from corroborate.records import ReferencedIncident


@functools.cache  # only fixed patterns come here: the set is bounded
def _rx(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` held for the process: re's own cache is shared and drops
    its oldest entries once other code compiles many one-off patterns (town names)."""
    return re.compile(pattern)

EXTRACTOR = "dates/1"


@dataclass(frozen=True)
class DateMention:
    """One date expression, resolved.

    Attributes:
        text, start, end: the expression and its character span in ``doc.text``.
        value: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``XXXX-MM-DD`` (year unknown).
        sent_start: character offset of the sentence holding it.
        relative: resolved from a relative expression ("yesterday", "on Wednesday").
    """

    text: str
    start: int
    end: int
    value: str
    sent_start: int
    relative: bool


@dataclass(frozen=True)
class DateAnalysis:
    """Dates of one report (see the module docstring)."""

    reference_date: str | None
    reference_basis: str | None
    event_date: str | None
    event_date_basis: str | None
    event_span: tuple[int, int] | None
    mentions: tuple[DateMention, ...]
    past_sentences: frozenset[int]
    referenced: tuple[ReferencedIncident, ...]


# ---------------------------------------------------------------- lexicon

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NUMWORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "several": 0, "few": 0,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

# Full month names take no dot: after them a dot is the sentence's full stop.
_MON = (r"(?P<mon>(?:january|february|march|april|may|june|july|august|september|october|"
        r"november|december)\b|(?:sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = r"(?P<n>\d{1,2}|" + "|".join(_NUMWORDS) + r")"

_AP = r"['’]?s?"
# Named days of US news ("on New Year's Eve", "Christmas night", "Easter Sunday"). The bare
# names ("Christmas gifts", "the Thanksgiving holiday") count only after "on".
_HOLIDAY = (
    rf"\b(?P<hol>new\s+year{_AP}\s+(?:eve|day)|christmas\s+(?:eve|day|night|morning)|"
    r"thanksgiving\s+(?:day|night|morning|eve)|fourth\s+of\s+july|independence\s+day|"
    rf"memorial\s+day|labor\s+day|easter\s+(?:sunday|morning)|black\s+friday|good\s+friday|"
    rf"mother{_AP}\s+day|father{_AP}\s+day|valentine{_AP}\s+day|st\.?\s+patrick{_AP}\s+day|"
    r"halloween\s+night|(?<=on\s)(?:christmas|thanksgiving|halloween|easter))\b")

# Order matters: earlier patterns win overlaps.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pat, re.IGNORECASE)) for kind, pat in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("mdy", rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
        ("dmy", rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}"
                r"(?:,?\s+(?P<year>(?:19|20)\d\d|\d\d)\b)?"),
        ("num", r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b"),
        ("my", rf"\b{_MON},?\s+(?P<year>(?:19|20)\d\d)\b"),
        # "In early March, a gunman ...": a month alone, capitalised, after a preposition.
        ("month", rf"\b(?:in|during)\s+(?:(?:early|mid|late)"
                  rf"[\s-]+)?(?=(?-i:[A-Z])){_MON}(?![\s,]*(?:\d|of\b))"),
        ("ago", rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("after", rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+(?:after|later)\b"),
        ("since", rf"\b{_NUM}\s+(?P<unit>year)s?\s+(?:since|after)\b"),
        ("anniv", r"\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                  r"tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:\w+\s+)?anniversary\b"),
        ("lastx", r"\blast\s+(?P<unit>month|year)\b"),
        ("holiday", _HOLIDAY),
        ("rel", r"\b(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|"
                r"this\s+afternoon|this\s+evening|earlier\s+today)\b"),
        ("wd", rf"\b(?:(?P<mod>last|this|next|on|early|late)\s+(?:on\s+)?)?{_WD}\b"),
        ("year", r"(?<![\d$#.,/:-])(?P<year>(?:19|20)\d\d)(?![\d,.]\d|-\d|\s+(?:block|people|"
                 r"residents|troops|dollars|feet|miles|members|hours|rounds|times))\b"),
    )
)
# Mention kinds that stand for durations or anchors, not dates of events.
_CLUES = frozenset({"since", "anniv"})

# Scanning cost: most patterns open with long alternations tried at every position. Each
# trigger below matches (same flags) wherever its patterns can start, in one cheap pass; the
# full pattern is then tried only there, which finds exactly what ``finditer`` finds.


def _word_start(words: list[str]) -> re.Pattern[str]:
    """A trigger for patterns that open with one of ``words`` or a digit: it tests only the
    words' first three letters (fewer, shorter alternatives than the patterns' own)."""
    prefixes = sorted({w[:3] for w in words})
    return re.compile(rf"\b(?=\d|{'|'.join(prefixes)})", re.IGNORECASE)


# mdy, my, wd and dmy open with a digit, a weekday, a month, "the" or wd's modifier; rel
# and holiday with their own first words.
_DATE_WORD_START = _word_start([*_WEEKDAYS, *_MONTHS, "the", "last", "this", "next", "on",
                                "early", "late", "yesterday", "today", "tonight", "earlier",
                                "new", "christmas", "thanksgiving", "fourth", "independence",
                                "memorial", "labor", "easter", "black", "good", "mother",
                                "father", "valentine", "st", "halloween"])
_COUNT_START = _word_start(list(_NUMWORDS))  # ago, after, since open with _NUM
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "mdy": _DATE_WORD_START, "dmy": _DATE_WORD_START, "my": _DATE_WORD_START,
    "wd": _DATE_WORD_START, "rel": _DATE_WORD_START, "holiday": _DATE_WORD_START,
    "ago": _COUNT_START, "after": _COUNT_START, "since": _COUNT_START,
}
# A word every match of the pattern contains: without it in the text, nothing to scan.
_NEEDS: dict[str, re.Pattern[str]] = {
    kind: re.compile(words, re.IGNORECASE) for kind, words in (
        ("ago", "ago"), ("after", "after|later"), ("since", "since|after"),
        ("anniv", "anniversary"), ("lastx", "last"), ("num", "/"),
        ("iso", r"(?:19|20)\d\d-"), ("year", r"(?:19|20)\d\d"))
}



# Stems of words for violent events; matched on the lower-cased token because spaCy
# lemmatises upper-case wire text (MUC) poorly.
_EVENT_STEM = re.compile(
    r"^(?:kill|shot|shoot|die[ds]?$|dead|death|explo|attack|bomb|blast|occur|happen|murder|stab|"
    r"wound|injur|kidnap|abduct|assassin|fired?$|fires$|firing|strike|struck|massacre|deton|"
    r"ambush|clash|burn|destroy|raid|storm|slay|slain|gunfire|gunned|gunshot|homicide|crash|"
    r"carried$|hurl|set off|hit$)")


def _is_event(token: Any) -> bool:
    if token.lemma_.lower() == "take" and any(c.lower_ == "place" for c in token.children):
        return True  # "took place"
    return bool(_EVENT_STEM.match(token.lower_))


# Stems of reporting verbs, matched on the lower-cased token like _EVENT_STEM.
_REPORT_STEM = re.compile(
    r"^(?:say|said|report|tell|told|announc|confirm|state|add|deni|deny|claim|reveal|accus|"
    r"protest|condemn|inform|accord|explain|declar|disclos)")


def _reported(chain: list[Any], date_start: int) -> bool:
    """True when a reporting verb takes the date: "said today", "REPORTED TODAY IN LIMA".

    Not when "that" stands between them: "reported today that yesterday gunmen ..."
    """
    verb = next((t for t in chain if t.pos_ in {"VERB", "AUX"} or t.lower_ == "according"), None)
    if verb is None or not _REPORT_STEM.match(verb.lower_):
        return False
    doc = verb.doc
    between = doc[verb.i + 1:doc.char_span(date_start, date_start + 1, alignment_mode="expand")
                  .start] if verb.idx < date_start else []
    return not any(t.lower_ == "that" for t in between)


# "was to begin work Monday", "we'll have more Sunday": plans, not events. ("upcoming" is
# no cue: "an upcoming junior, was shot Friday" tells a past day.)
_FUTURE = re.compile(r"\b(?:will|would|is scheduled|are scheduled|set to|plans? to|next|"
                     r"(?:re)?scheduled for|slated for|set for|"
                     r"(?:was|were) (?:due |supposed )?to "
                     r"(?!(?:the|a|an|his|her|their|its|blame)\b))\b|\w['’]ll\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class _Raw:
    """A date expression before resolution."""

    kind: str
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]

    def get(self, key: str) -> str | None:
        return dict(self.groups).get(key)


# ---------------------------------------------------------------- scanning

def _scan(text: str) -> list[_Raw]:
    """Find date expressions; earlier patterns win where spans overlap."""
    taken: list[tuple[int, int]] = []
    found: list[_Raw] = []
    starts: dict[re.Pattern[str], list[int]] = {}
    for kind, pattern in _PATTERNS:
        for m in _matches(kind, pattern, text, starts):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken) or not _plausible(kind, m):
                continue
            taken.append((s, e))
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            found.append(_Raw(kind, s, e, m.group(0), groups))
    return sorted(found, key=lambda r: r.start)


def _matches(kind: str, pattern: re.Pattern[str], text: str,
             starts: dict[re.Pattern[str], list[int]]) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where the pattern's trigger says it can start."""
    need = _NEEDS.get(kind)
    if need is not None and need.search(text) is None:
        return ()
    trigger = _TRIGGERS.get(kind)
    if trigger is None:
        return pattern.finditer(text)
    if trigger not in starts:  # triggers are shared: one pass each per text
        starts[trigger] = [m.start() for m in trigger.finditer(text)]
    return _match_from(pattern, text, starts[trigger])


def _match_from(pattern: re.Pattern[str], text: str,
                starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``finditer`` yields when ``starts`` holds every offset a match can begin at:
    the first match at or after the previous one's end, and so on (no pattern here
    matches the empty string)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = m.end()


def _plausible(kind: str, m: re.Match[str]) -> bool:
    day = m.groupdict().get("day")
    if day is not None and not 1 <= int(day) <= 31:
        return False
    if kind == "mdy" and m.group("mon").lower() in {"may", "mar"} and not m.group(0)[0].isupper():
        return False  # "may 5" in running lower-case text is the verb
    if kind == "dmy" and m.group("mon").lower() == "may" and m.group("year") is None:
        # "5 may" ("5 may have died") is the verb unless the text is upper case
        return m.group("mon").isupper() and m.string.isupper()
    return True


# ---------------------------------------------------------------- calendar helpers

def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year4(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    if len(text) == 2:  # "3 JAN 90": news datelines; 2-digit years before 50 are 20xx
        y += 2000 if y < 50 else 1900
    return y


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return _NUMWORDS.get(text.lower()) or None


def _month(raw: _Raw) -> int:
    mon = raw.get("mon")
    return _MONTHS[mon.lower().rstrip(".")] if mon else int(raw.get("m") or 0)


def _shift(base: dt.date, n: int, unit: str, sign: int) -> tuple[dt.date, str]:
    """Move ``base`` by n units; return the date and the precision it deserves."""
    unit = unit.lower()  # upper-case wire text: "3 DAYS AGO"
    if unit == "day":
        return base + dt.timedelta(days=sign * n), "day"
    if unit == "week":
        return base + dt.timedelta(weeks=sign * n), "day"
    months = base.year * 12 + base.month - 1 + sign * n * (12 if unit == "year" else 1)
    y, m = divmod(months, 12)
    day = min(base.day, 28)
    return dt.date(y, m + 1, day), ("year" if unit == "year" else "month")


def _fmt(d: dt.date, precision: str = "day") -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]


def _nearest_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The month-day closest to ``ref`` that is not more than a week after it (news looks back)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1)
               if (d := _date(y, month, day)) and d <= ref + dt.timedelta(days=7)]
    return min(options, key=lambda d: abs((ref - d).days)) if options else None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_date(name: str, year: int) -> dt.date | None:
    """The day a holiday name stands for in ``year`` (US calendar)."""
    key = _rx(r"[^a-z]").sub("", name.lower())
    fixed = {"newyearseve": (12, 31), "newyearsday": (1, 1), "christmaseve": (12, 24),
             "fourthofjuly": (7, 4), "independenceday": (7, 4), "valentinesday": (2, 14),
             "stpatricksday": (3, 17), "halloweennight": (10, 31), "halloween": (10, 31)}
    if key in fixed:
        return dt.date(year, *fixed[key])
    if key.startswith("christmas"):
        return dt.date(year, 12, 25)
    if key.startswith("thanksgiving"):
        day = _nth_weekday(year, 11, 3, 4)
        return day - dt.timedelta(days=1) if key.endswith("eve") else day
    if key.startswith("easter") or key == "goodfriday":
        return _easter(year) - dt.timedelta(days=2 if key == "goodfriday" else 0)
    rules = {"blackfriday": (11, 3, 4, 1), "memorialday": (5, 0, -1, 0),
             "laborday": (9, 0, 1, 0), "mothersday": (5, 6, 2, 0), "fathersday": (6, 6, 3, 0)}
    if key in rules:
        month, weekday, n, plus = rules[key]
        return _nth_weekday(year, month, weekday, n) + dt.timedelta(days=plus)
    return None


def _nearest_holiday(name: str, ref: dt.date) -> dt.date | None:
    """The occurrence closest to ``ref`` and not more than a week after it (like month-days)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1)
               if (d := _holiday_date(name, y)) and d <= ref + dt.timedelta(days=7)]
    return min(options, key=lambda d: abs((ref - d).days)) if options else None


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return _dateparser_date(published, None)


# ---------------------------------------------------------------- reference date

_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .,'()-]{1,60}?,\s*(?P<date>[^\n]{4,60}?)\s*(?:--|—|–)")
# "SPRINGFIELD, Ill. (Dec. 10, 2015) – A man ...", possibly after a glued title.
_PAREN_DATELINE = re.compile(r"\((?P<date>[^()\n]{6,40})\)\s*(?:--|—|–|-)")


def _dateline(text: str, raws: list[_Raw]) -> _Raw | None:
    """A full date in a dateline ("SAN SALVADOR, 3 JAN 90 --"): the publication date."""
    m = _DATELINE.match(text[:120]) or _PAREN_DATELINE.search(text[:400])
    if not m:
        return None
    for raw in raws:
        if m.start("date") <= raw.start < m.end("date") and raw.get("year"):
            return raw
    return None


def _explicit(raw: _Raw) -> dt.date | None:
    if raw.kind in {"iso", "mdy", "dmy", "num"} and raw.get("year"):
        return _date(_year4(raw.get("year")) or 0, _month(raw), int(raw.get("day") or 0))
    return None


def _anniversary_anchor(raws: list[_Raw]) -> dt.date | None:
    """"four years since his assassination" + "January 3, 2020" -> 2024-01-03."""
    for clue in (r for r in raws if r.kind in _CLUES):
        years = _num(clue.get("n")) if clue.kind == "since" else _ordinal(clue.get("ord"))
        dated = [(abs(r.start - clue.start), d) for r in raws if (d := _explicit(r))]
        if years and dated:
            base = min(dated)[1]
            return _date(base.year + years, base.month, base.day) or _date(
                base.year + years, base.month, 28)
    return None


def _ordinal(text: str | None) -> int | None:
    if not text:
        return None
    return _ORDINALS.get(text.lower()) or (int(text[:-2]) if text[:-2].isdigit() else None)


def _weekday_anchor(raws: list[_Raw]) -> dt.date | None:
    """"Tuesday, Jan. 27" with no year: the weekday fixes the year near the text's year evidence."""
    evidence = [_year4(r.get("year")) or 0 for r in raws if r.get("year")]
    floor = max(evidence, default=0)
    if not floor:
        return None  # a weekday alone allows one year in ~6: no basis to choose
    for raw in raws:
        wd = raw.get("wd")
        if raw.kind not in {"mdy", "dmy"} or not wd or raw.get("year"):
            continue
        month, day = _month(raw), int(raw.get("day") or 0)
        for y in range(floor, floor + 12):
            d = _date(y, month, day)
            if d and d.weekday() == _WEEKDAYS[wd.lower()]:
                return d
    return None


# A page's own stamp at its top: "Posted: Friday, May 3, 2019 8:05 AM CDT", "Updated:
# 11/02/2018". With a colon only: a "(Published Monday, ...)" in parentheses captions a video.
_STAMP = re.compile(r"\b(?:posted|updated|published)\s*(?:on\s*)?:\s*(?:[a-z]+,?\s+)?$",
                    re.IGNORECASE)
_STAMP_ZONE = 400


def _page_stamp(text: str, raws: list[_Raw], *, date_lines: bool = False) -> dt.date | None:
    """The earliest full date stamped at the top of the page (posting or update); with
    ``date_lines``, also a line that holds only dates and page furniture (``_date_line``)."""
    stamps = [d for r in raws if r.start < _STAMP_ZONE and (d := _explicit(r))
              and (_STAMP.search(text[max(0, r.start - 40):r.start])
                   or (date_lines and _date_line(text, r, raws)))]
    return min(stamps, default=None)


# What may stand beside a date on a page's own date line ("MARCH 8, 2019 9:15PM",
# "POSTED: 0915 GMT (1715 HKT), March 8, 2019", "Updated 3/8/2019 4:20 PM", "Mar 8, 2019 |
# 7:02am"): stamp words, weekdays, clock times and time zones, nothing that tells news.
_LINE_FURNITURE = re.compile(
    r"(?:posted|updated|published|last|first|modified|created|story|release|immediate|for"
    r"|on|at|date|time|hrs|[ap]\.?|m\.?|[ap]\.?m\.?|@"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
    r"|(?:gmt|utc)(?:[+-]\d\d?)?|[ecmp][sd]?t|ak[sd]t|hst|uk|bst|cet|cest|eet|ist|hkt|jst"
    r"|aest|aedt|sast|msk|wib"
    r"|\d{1,2}(?:[:.]\s?\d\d){1,2}(?:[ap]\.?m?\.?)?|\d{1,2}(?:[ap]\.?m?\.?)?|\d{4})",
    re.IGNORECASE)
_LINE_SPLIT = re.compile(r"[\s,|•·()\[\]/–—+-]+")


def _date_line(text: str, raw: _Raw, raws: list[_Raw]) -> bool:
    """True when the line holding ``raw`` holds nothing but dates and page furniture
    ("on May 3, 2019 at 8:05 AM, updated May 4, 2019 at 9:10 AM")."""
    start = text.rfind("\n", 0, raw.start) + 1
    end = text.find("\n", raw.end)
    end = end if end >= 0 else len(text)
    rest, at = [], start
    for other in raws:
        if start <= other.start and other.end <= end and _explicit(other):
            rest.append(text[at:other.start])
            at = other.end
    rest.append(text[at:end])
    tokens = (tok.strip(":.") for tok in _LINE_SPLIT.split(" ".join(rest)))
    return all(_LINE_FURNITURE.fullmatch(tok) for tok in tokens if tok)


def page_date(text: str) -> str | None:
    """The date a page stamps at its top, for reports that come with no metadata date.

    A stamp ("Posted: May 3, 2019") or a line holding only a full date and clock
    furniture, within the first few lines; the earliest such date.
    """
    stamp = _page_stamp(text, _scan(text[:_STAMP_ZONE]), date_lines=True)
    return stamp.isoformat() if stamp else None


def _reference(text: str, raws: list[_Raw], published: str | None
               ) -> tuple[dt.date | None, str | None]:
    pub = _parse_published(published)
    stamp = _page_stamp(text, raws)
    if pub and stamp and (pub - stamp).days > 1:
        # The page was up days before the given date (a crawl or re-stamp date): its words
        # ("Saturday", "yesterday") were written against the stamp. (A day apart may be
        # the time zone of either.)
        return stamp, "published"
    if pub:
        return pub, "published"
    line = _dateline(text, raws)
    anchor = (_explicit(line) if line else None) or _anniversary_anchor(raws) or _weekday_anchor(
        raws)
    return (anchor, "anchor") if anchor else (None, None)


# ---------------------------------------------------------------- resolution

def _resolve(raw: _Raw, ref: dt.date | None, prior: dt.date | None, sentence: str,
             at: int | None = None) -> tuple[str, bool] | None:
    """Return ``(value, relative)`` for one expression, or None when it cannot be dated.

    ``at``: the expression's offset in ``sentence``, when known.
    """
    kind = raw.kind
    if kind in {"iso", "mdy", "dmy", "num"}:
        return _resolve_month_day(raw, ref, _planned_date(sentence, at))
    if kind == "my":
        return f"{_year4(raw.get('year')):04d}-{_month(raw):02d}", False
    if kind == "year":
        return raw.get("year") or "", False
    if kind == "after" and prior is not None:
        n = _num(raw.get("n"))
        return (_fmt(*_shift(prior, n, raw.get("unit") or "day", 1)), True) if n else None
    if ref is None:
        return None
    if kind == "ago":
        n = _num(raw.get("n"))
        return (_fmt(*_shift(ref, n, raw.get("unit") or "day", -1)), True) if n else None
    if kind == "lastx":
        return _fmt(*_shift(ref, 1, raw.get("unit") or "month", -1)), True
    if kind == "month":
        # The latest such month up to the report's, or the next one for a plan.
        month = _month(raw)
        if _planned_date(sentence, at):
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return f"{year:04d}-{month:02d}", True
    if kind == "rel":
        rel = (raw.get("rel") or "").lower()
        back = 1 if rel.startswith(("yesterday", "last")) else 0
        return _fmt(ref - dt.timedelta(days=back)), True
    if kind == "wd":
        return _resolve_weekday(raw, ref, sentence, at), True
    if kind == "holiday":
        day = _nearest_holiday(raw.get("hol") or "", ref)
        return (_fmt(day), True) if day else None
    return None


def _next_day(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The first such month-day from a week before ``ref`` on (a plan looks ahead)."""
    options = [d for y in (ref.year, ref.year + 1)
               if (d := _date(y, month, day)) and d >= ref - dt.timedelta(days=7)]
    return min(options) if options else None


def _resolve_month_day(raw: _Raw, ref: dt.date | None, planned: bool = False
                       ) -> tuple[str, bool] | None:
    """A full date; a month-day without a year takes the year nearest ``ref``, or for a
    plan ("the trial is set for March 13") the next such day."""
    month, day = _month(raw), int(raw.get("day") or 0)
    year = _year4(raw.get("year"))
    if year:
        d = _date(year, month, day)
        return (d.isoformat(), False) if d else None
    if ref is None:
        return (f"XXXX-{month:02d}-{day:02d}", False) if _date(2000, month, day) else None
    d = _next_day(month, day, ref) if planned else _nearest_year(month, day, ref)
    return (d.isoformat(), False) if d else None


# A past verb between a future cue and the weekday: "there will be no charges after a boy was
# shot Tuesday night", "will be charged when he recovers from wounds he suffered Friday".
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|took|shot|said|told|went|came|left|found|fled|"
                        r"ran|saw|got|began)\b|(?<!\bbe )(?<!\bbeen )\b\w{3,}ed\b",
                        re.IGNORECASE)


def _future_day(sentence: str, at: int | None) -> bool:
    """True when the sentence plans something for the weekday at offset ``at``."""
    if at is None:
        return bool(_FUTURE.search(sentence))
    cues = list(_FUTURE.finditer(sentence[:at]))
    if cues:
        return not _PAST_VERB.search(sentence[cues[-1].end():at])
    return bool(_FUTURE.search(sentence, at))  # "Saturday, a vigil will be held"


# Most characters between a plan's cue and its date ("is set for March 13", "his next court
# date is a hearing on Jan. 25"): a farther date is another clause's ("there will be
# justice for whoever ordered the killings of 3 May").
_PLAN_GAP = 45


def _planned_date(sentence: str, at: int | None) -> bool:
    """True when a plan's cue stands just before the date at offset ``at``."""
    if at is None:
        return False
    cue = max(_FUTURE.finditer(sentence[:at]), key=lambda m: m.end(), default=None)
    return (cue is not None and at - cue.end() <= _PLAN_GAP
            and not _PAST_VERB.search(sentence[cue.end():at]))


def _resolve_weekday(raw: _Raw, ref: dt.date, sentence: str, at: int | None = None) -> str:
    """Most recent such weekday on or before ``ref``; forward for "next"/future tense."""
    target = _WEEKDAYS[(raw.get("wd") or "").lower()]
    mod = (raw.get("mod") or "").lower()
    back = (ref.weekday() - target) % 7
    if mod == "last" and back == 0:
        back = 7
    if mod == "next" or (mod != "last" and back and _future_day(sentence, at)):
        return _fmt(ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7))
    return _fmt(ref - dt.timedelta(days=back))


@functools.lru_cache(maxsize=8)
def _dateparser_settings(base: str | None) -> dict[str, Any]:
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "current_period",
                                "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    return settings


def _dateparser_date(text: str, base: dt.date | None) -> dt.date | None:
    """Fallback parser for metadata strings; never reads the clock unless given no base."""
    import dateparser

    if base is None and not _rx(r"\b(?:19|20)\d\d\b").search(text):
        return None  # without a year, dateparser would fill it from the wall clock
    base_s = dt.datetime(base.year, base.month, base.day, 12).isoformat() if base else None
    parsed = dateparser.parse(text, languages=["en"], settings=_dateparser_settings(base_s))
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- mentions

@dataclass(frozen=True)
class _Sent:
    start: int
    end: int
    text: str


def _sentences(doc: Any) -> list[_Sent]:
    text = doc_text(doc)
    return [_Sent(s.start_char, s.end_char, text[s.start_char:s.end_char])
            for s in doc_sents(doc)]


def _sent_of(sents: list[_Sent], offset: int) -> _Sent:
    for sent in sents:
        if sent.start <= offset < sent.end:
            return sent
    return sents[-1] if sents else _Sent(0, offset + 1, "")


def _restated(raw: _Raw, following: list[_Raw]) -> bool:
    """"today, 30 June": the explicit date restates the relative one and is the one to trust."""
    if raw.kind not in {"rel", "wd"} or not following:
        return False
    nxt = following[0]
    gap = nxt.start - raw.end
    return nxt.kind in {"mdy", "dmy", "iso", "num"} and 0 <= gap <= 3


def _days_before(raw: _Raw, text: str, out: list[DateMention]) -> tuple[str, bool] | None:
    """"stayed shut Wednesday, two days after a gunman shot three": the day the date just before
    names, less the count (the event the clause goes on to tell)."""
    if raw.kind != "after" or not out or (raw.get("unit") or "").lower() not in {"day", "week"}:
        return None
    last = out[-1]
    n = _num(raw.get("n"))
    if not n or len(last.value) != 10 or last.value.startswith("X") or not _rx(
            r"\s*,\s*").fullmatch(text[last.end:raw.start]) or "later" in raw.text.lower():
        return None
    day, _ = _shift(dt.date.fromisoformat(last.value), n, raw.get("unit") or "day", -1)
    return _fmt(day), True


def _mentions(raws: list[_Raw], ref: dt.date | None, sents: list[_Sent],
              text: str = "") -> list[DateMention]:
    out: list[DateMention] = []
    prior: dt.date | None = None  # last explicit day-level date: "five days after" counts from it
    for i, raw in enumerate(raws):
        if raw.kind in _CLUES or _restated(raw, raws[i + 1:i + 2]):
            continue
        sent = _sent_of(sents, raw.start)
        resolved = _days_before(raw, text, out) or _resolve(raw, ref, prior, sent.text,
                                                             raw.start - sent.start)
        if resolved is None:
            continue
        value, relative = resolved
        out.append(DateMention(raw.text, raw.start, raw.end, value, sent.start, relative))
        if len(value) == 10 and not value.startswith("X") and not relative:
            prior = dt.date.fromisoformat(value)
    return out


# ---------------------------------------------------------------- event date

def _governors(doc: Any, start: int, end: int, depth: int = 4,
               fragments: dict[int, int] | None = None) -> list[Any]:
    """Heads above a date, nearest first.

    ``fragments`` maps the first token of a sentence fragment (a spaCy sentence that does
    not start a full sentence, see ``_units``) to the token before it: the walk goes on there.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    while span is not None and len(span) > 1 and span[-1].is_punct:
        span = span[:-1]  # a glued full stop would make the sentence root the governor
    if span is None:
        return []
    token, chain = span.root, list[Any]()
    while len(chain) < depth:
        if token.head.i != token.i:  # (spaCy makes a new Token object on each access)
            token = token.head
        elif fragments and token.i in fragments:
            token = doc[fragments[token.i]]  # "... THE MURDER OF SIX PRIESTS | ON 16 NOVEMBER"
        else:
            break
        chain.append(token)
    return chain


def _attached(chain: list[Any]) -> bool:
    """True when the nearest clause governing a date is a violent event.

    Walks up from the date: an event word ("killed", "the murder of ...") before any other
    verb attaches the date to it; a non-event verb ("said today", "arrested on ...") takes the
    date for itself, unless it only modifies an event noun ("the attack perpetrated today").
    """
    for token in chain:
        if _is_event(token):
            return True
        if token.pos_ in {"VERB", "AUX"}:
            # upper-case parses make "WAS KIDNAPPED" a copula with an adjectival complement
            complements = [c for c in token.children if c.dep_ in {"acomp", "attr", "xcomp"}]
            return any(_is_event(c) for c in complements) or (
                token.dep_ in {"acl", "relcl"} and _is_event(token.head))
    return False


def _owned_by_thing(doc: Any, mention: DateMention) -> bool:
    """A possessive date of a non-event noun: "before Sunday's news conference"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "poss" and root.head.pos_ in {"NOUN", "PROPN"} and not _is_event(
        root.head)


# Days after which a date is much older than its report, and what that costs it.
_OLD_DAYS = 60
_OLD_PENALTY = 4.0
# How far back an older date may still be the incident of a report that dates nothing
# else (a plea, a trial, a charge months later), and the score it must then reach.
_FOLLOW_UP_DAYS = 400
_OLD_FLOOR = 0.5


def _event_score(doc: Any, mention: DateMention, unit: tuple[int, int, int],
                 fragments: dict[int, int], ref: dt.date | None) -> float:
    """Higher for dates attached to violent events in early sentences; lower for statements.

    ``unit`` is ``(rank, start, end)`` of the full sentence holding the mention.
    """
    rank, u_start, u_end = unit
    score = 2.0 / (1 + rank)
    chain = _governors(doc, mention.start, mention.end, 6, fragments)
    attached = _attached(chain) and not _owned_by_thing(doc, mention)
    if attached:
        score += 3.0
    elif any(_is_event(t) for t in chain[:4]):
        score += 1.0
    if not attached and _reported(chain, mention.start):
        score -= 2.0  # "police said Friday (that ...)": the date of the statement
    sent = doc.char_span(u_start, u_end, alignment_mode="expand")
    if sent is not None and any(_is_event(t) for t in span_tokens(sent)):
        score += 1.0
    sent_text = span_text(sent) if sent is not None else ""
    # "will be charged when he recovers from wounds he suffered Friday": no plan for Friday
    future = sent is not None and _future_day(sent_text, mention.start - sent.start_char)
    if future:
        score -= 1.5
    if not attached and (_follow_up(chain) or _LATER_NOUN.search(sent_text)):
        score -= 1.5  # "was arrested Monday", "his funeral is Saturday": a later step
    if _clocked(doc_text(doc), mention):
        score += 1.0  # "at 9:15 p.m. Friday", "Saturday night": how incidents are told
    if _APPROXIMATE.search(mention.text):
        score -= 1.5  # "two weeks ago" names no day: any stated day is better
    if ref and not mention.value.startswith("X"):
        d = dt.date.fromisoformat(mention.value)
        if d > ref + dt.timedelta(days=1) or (d > ref and future):
            score -= 4.0  # a date after the report is a plan, not the incident
        elif (ref - d).days > _OLD_DAYS:
            score -= _OLD_PENALTY  # much older than the report: a referenced incident
    return score


# Gatherings and proceedings after an incident: "his funeral is Saturday at 1 p.m.". (Not
# "hearing": "neighbors reported hearing shots Sunday" tells the incident.)
_LATER_NOUN = re.compile(r"\b(?:funerals?|vigils?|memorial services?|services are|"
                         r"arraignment)\b", re.IGNORECASE)
_APPROXIMATE = re.compile(r"\b(?:weeks?|months?|years?)\s+(?:ago|after|later)\b", re.IGNORECASE)

# Verbs of what follows an incident: its date is not the incident's.
_FOLLOW_UP = frozenset({
    "arrest", "charge", "identify", "release", "arraign", "plead", "sentence", "indict",
    "appear", "announce", "rule", "file", "set", "search", "continue", "remain", "mourn",
    "struggle", "attend", "remember", "gather", "bury", "speak", "ask", "seek", "testify",
    "convict", "lower", "meet", "visit", "investigate", "name", "face",
    "return", "issue", "reopen", "close", "dismiss", "order", "book", "jail", "surrender",
    "rally", "march", "honor", "discuss", "raise", "expect", "plan", "sign", "unseal"})


def _follow_up(chain: list[Any]) -> bool:
    """True when the nearest verb above a date names a later step (arrest, court, vigil)."""
    verb = next((t for t in chain if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_.lower() in _FOLLOW_UP


_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?|\bnoon\b",
                    re.IGNORECASE)
_DAY_PART = re.compile(r"^\s*(?:night|morning|afternoon|evening)\b", re.IGNORECASE)
_DAY_PART_REL = re.compile(r"(?:night|morning|afternoon|evening)$", re.IGNORECASE)


def _clocked(text: str, mention: DateMention) -> bool:
    """A clock time or part of day beside the date ("around 10 p.m. Saturday")."""
    if _DAY_PART.match(text[mention.end:mention.end + 12]) or _DAY_PART_REL.search(mention.text):
        return True
    before = text[max(0, mention.start - 30):mention.start].rsplit("\n", 1)[-1]
    after = text[mention.end:mention.end + 30].split("\n", 1)[0]
    return bool(_CLOCK.search(before) or _CLOCK.search(after))


# A full stop, or the dash / bracket that closes a dateline ("3 JAN 90 (EFE) -- [TEXT]").
_TERMINAL = re.compile(r"(?:[.!?][\"'”’)\]]*|--|—|–|\])\s*$")


# spaCy ends a sentence at "9:15 p.m." before "Friday, October 14 in an apartment ...".
_SPLIT_AT_CLOCK = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_STARTS_WITH_DAY = re.compile(rf"(?:on\s+)?(?:{_WD}|{_MON})", re.IGNORECASE)


def _units(doc: Any) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Full sentences, and the fragments glued into them.

    spaCy sentences are glued while one ends without a full stop: upper-case wire text often
    splits mid-sentence ("... SIX PRIESTS | ON 16 NOVEMBER."). A blank line (paragraph or
    title break) always ends a unit. Returns the units' character spans and, for each glued
    fragment, its root token index -> the index of the last token before it.
    """
    text = doc_text(doc)
    units: list[tuple[int, int]] = []
    fragments: dict[int, int] = {}
    for sent in doc_sents(doc):
        if units:
            prev = text[units[-1][0]:units[-1][1]]
            split = not _TERMINAL.search(prev) or bool(
                _SPLIT_AT_CLOCK.search(prev)
                and _STARTS_WITH_DAY.match(text[sent.start_char:sent.end_char]))
            if split and "\n\n" not in prev:
                units[-1] = (units[-1][0], sent.end_char)
                fragments[sent.root.i] = sent.start - 1
                continue
        units.append((sent.start_char, sent.end_char))
    return units, fragments


# Page furniture: "Posted: Wednesday, June 10, 2015 8:12 AM CDT", "(Published Friday, Feb.
# 10, 2017)", "Updated: Mar 2, 2016", a tweet's "— Name (@handle) January 3, 2017", a link
# list's "Related Articles <date> <headline>", "UPDATE#1 (<mm/dd/yyyy>):".
_META_BEFORE = re.compile(
    r"(?:\b(?:posted|updated|update\s*#?\s*\d*|published|created|modified|dated?|"
    r"release|report|"
    r"information\s+for|copyright|related\s+(?:articles?|stories|posts|links|content))\b"
    r"\s*(?:on|at)?\s*:?\s*\(?|\(@\w+\)|[|©])\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^,?\s*\d{1,2}:\d\d")


# A police release's fields: "Date: Tuesday, May 2, 2017, 10:55 PM" over "Location: ...".
_FIELD_DATE = re.compile(r"(?:^|\n)\s*date(?:\s*/\s*time)?\s*:\s*$", re.IGNORECASE)
_FIELD_PLACE = re.compile(r"^[^\n]*\n+\s*(?:location|address|place)\s*:", re.IGNORECASE)


def _release_field(text: str, mention: DateMention) -> bool:
    """The date field of a police release, followed by its location field: the incident's."""
    return bool(_FIELD_DATE.search(text[max(0, mention.start - 20):mention.start])
                and _FIELD_PLACE.match(text[mention.end:mention.end + 120]))


def _furniture(text: str, mention: DateMention) -> bool:
    """A full date that stamps the page (posting, update, tweet), not an event."""
    if mention.relative or not _rx(r"(?:19|20)\d\d").search(mention.text) or _release_field(
            text, mention):
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start:mention.start] + text[mention.end:line_end if line_end >= 0 else None]
    return bool(_META_BEFORE.search(text[max(line_start, mention.start - 40):mention.start])
                or _CLOCK_AFTER.match(text[mention.end:mention.end + 12])
                or len(_rx(r"[A-Za-z]+").findall(line)) <= 3)


def _choose_event(doc: Any, mentions: list[DateMention], dateline: _Raw | None,
                  ref: dt.date | None) -> DateMention | None:
    units, fragments = _units(doc)
    text = doc_text(doc)
    candidates = [m for m in mentions if len(m.value) == 10
                  and not (dateline and m.start == dateline.start)
                  and not _furniture(text, m) and not _names_group(text, m)]
    if not candidates:
        return None

    def unit_of(m: DateMention) -> tuple[int, int, int]:
        for i, (u_start, u_end) in enumerate(units):
            if u_start <= m.start < u_end:
                return i, u_start, u_end
        return 99, m.sent_start, m.end

    scored = [(_event_score(doc, m, unit_of(m), fragments, ref), -m.start, m)
              for m in candidates]
    scored = _prefer_attack(doc, scored, unit_of, fragments)
    best = max(scored, key=lambda t: (t[0], t[1]))
    return best[2] if best[0] > -1.0 else _older_incident(doc, scored, ref, fragments)


# A date that names a group: the "9 May" forces, the April 19 Movement.
_GROUP_AFTER = re.compile(r"^\s+(?:movement|group|front|command|commandos?|brigades?)\b",
                          re.IGNORECASE)


def _names_group(text: str, mention: DateMention) -> bool:
    """The date is a name: quoted on its own, or followed by a group's noun."""
    quoted = (text[max(0, mention.start - 1):mention.start] in {'"', "“"}
              and text[mention.end:mention.end + 1] in {'"', "”"})
    return quoted or bool(_GROUP_AFTER.match(text[mention.end:mention.end + 20]))


# A reporting verb right after the date: "(a radio) on 13 December reports that ...".
_SAID_AFTER = re.compile(r"^\W*(?:reports?|reported|said|says|announced|stated)\b",
                         re.IGNORECASE)


def _older_incident(doc: Any, scored: list[_Scored], ref: dt.date | None,
                    fragments: dict[int, int]) -> DateMention | None:
    """A stated day months before the report, when the report dates nothing nearer.

    A report on a charge, a plea or a trial ("On February 2nd, a bullet hit her calf")
    may name only the incident's day, long before. It stands when it would be a good
    candidate but for its age; otherwise the publication day is the best guess left. A
    day something was said or reported ("radio reported on 13 December") is no incident's.
    """
    if ref is None:
        return None
    old = [(score + _OLD_PENALTY, neg_start, m) for score, neg_start, m in scored
           if not m.relative and not m.value.startswith("X")
           and _OLD_DAYS < (ref - dt.date.fromisoformat(m.value)).days <= _FOLLOW_UP_DAYS
           and not _reported(_governors(doc, m.start, m.end, 6, fragments), m.start)
           and not _SAID_AFTER.match(doc_text(doc)[m.end:m.end + 20])]
    best = max(old, key=lambda t: (t[0], t[1]), default=None)
    return best[2] if best is not None and best[0] >= _OLD_FLOOR else None


# A victim who dies later: "died Friday after being shot Thursday". The incident is the
# attack; the death day is its consequence. Matched on the lower-cased token like _EVENT_STEM.
_DEATH_STEM = re.compile(r"^(?:die[ds]?|dying|succumb\w*|death)$")
# Attack words, not their results: "wounds" / "injuries" are what the victim dies of.
_ATTACK_STEM = re.compile(r"^(?:shot|shoot(?:s|ing)?|gunshots|gunfire|stab(?:s|bed|bing)?|"
                          r"attack(?:s|ed|ing)?|"
                          r"wounded|wounding|injured|injuring|assault(?:s|ed|ing)?|"
                          r"beat(?:en|ing)?|gunned|struck|ambush(?:ed)?|hit)$")


# What a victim is found as ("the body was found", "found shot", "found dead"): a discovery
# comes after the attack, like a death.
_FOUND_HARMED = frozenset({"body", "bodies", "remains", "dead", "shot", "unresponsive",
                           "wounded", "injured", "stabbed"})


_READS_CHILDREN = frozenset({"death", "passed", "pronounced", "declared", "found", "discovered"})


def _harm_kind(token: Any) -> str | None:
    """``"death"``, ``"found"`` (a victim found) or ``"attack"`` for a word naming one."""
    low = token.lower_
    # Only these words look at their children (a set built per token is the costly part).
    children = {c.lower_ for c in token.children} if low in _READS_CHILDREN else set()
    if low == "death" and any(_ATTACK_STEM.match(c) for c in children):
        return "attack"  # "the shooting death of ...": the attack itself
    if _DEATH_STEM.match(low) or (low == "passed" and "away" in children) or (
            low in {"pronounced", "declared"} and "dead" in children):
        return "death"
    if low in {"found", "discovered"} and children & _FOUND_HARMED:
        return "found"  # "the body was found Tuesday": the finding, not the shooting
    if not _ATTACK_STEM.match(low):
        return None
    # "was found dead in a car Tuesday morning": the day is the finding's
    found = token.head.lower_ in {"found", "discovered"} and token.dep_ in {"xcomp", "oprd",
                                                                           "acomp", "dep"}
    return "found" if found else "attack"


def _clause_kind(chain: list[Any]) -> str | None:
    """The harm kind of the nearest clause above a date (see ``_attached``)."""
    for token in chain:
        kind = _harm_kind(token)
        if kind is None and token.lemma_.lower() in {"happen", "occur", "take"}:
            # "the shooting happened Sunday": the subject names the event
            kind = next((k for c in token.children if c.dep_.startswith("nsubj")
                         for k in [_harm_kind(c)] if k), None)
        if kind or token.pos_ in {"VERB", "AUX"}:
            return kind
    return None


_Scored = tuple[float, int, DateMention]


def _days_after(later: str, earlier: str) -> int | None:
    """Days from ``earlier`` to ``later`` (full dates only)."""
    if later.startswith("X") or earlier.startswith("X"):
        return None
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def _tells_attack(doc: Any, unit: tuple[int, int, int]) -> bool:
    """True when a sentence names an attack and no death: "police responded to the shooting"."""
    sent = doc.char_span(unit[1], unit[2], alignment_mode="expand")
    kinds = {_harm_kind(t) for t in span_tokens(sent)} if sent is not None else set()
    return "attack" in kinds and "death" not in kinds


# Days after an attack within which a death or a later step is its consequence (a victim
# may die a week or two later); a finding comes soon after or is its own incident.
_LATER_WINDOW = {"death": 14, "follow": 400, "found": 3}


def _prefer_attack(doc: Any, scored: list[_Scored], unit_of: Any,
                   fragments: dict[int, int]) -> list[_Scored]:
    """Demote a death or a later step's day when the report dates the attack days earlier.

    "died Friday after being shot Thursday", or "He died Monday. The shooting happened
    Sunday.": the victim's death is a consequence, the incident is the attack. A day told
    with its hour ("police responded at 5 p.m. Saturday") is the attack's too. The day a
    victim is found gives way only to a day told as an attack ("found shot Tuesday
    morning" / "shots were heard Monday at about 9 p.m."): an hour alone may be the
    last sign of life ("a neighbour last saw her at 6 p.m. Saturday"), and a finding is the
    incident's day for lack of a better one. A later step ("was identified Monday
    evening", "remained in critical condition Monday") gives way like a death.
    """
    chains = {m.start: _governors(doc, m.start, m.end, 6, fragments) for _, _, m in scored}
    kinds = {start: _clause_kind(chain) or ("follow" if _follow_up(chain) else None)
             for start, chain in chains.items()}
    told = {m.start: _tells_attack(doc, unit_of(m)) for _, _, m in scored}
    attacks = [m.value for _, _, m in scored if kinds[m.start] == "attack" or (
        kinds[m.start] is None and (told[m.start] or _clocked(doc_text(doc), m)))]
    strict = [m.value for _, _, m in scored
              if kinds[m.start] == "attack" or (kinds[m.start] is None and told[m.start])]
    out: list[_Scored] = []
    for score, neg_start, m in scored:
        earlier = {"death": attacks, "follow": attacks, "found": strict}.get(
            kinds[m.start] or "", [])
        window = _LATER_WINDOW.get(kinds[m.start] or "", 0)
        if any(0 < (_days_after(m.value, a) or 0) <= window for a in earlier):
            score -= 5.0
        out.append((score, neg_start, m))
    return out


# ---------------------------------------------------------------- older incidents

def _year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def _is_older(value: str, event: str | None, ref: dt.date | None) -> bool:
    """True when a mention is dated clearly before the reported incident."""
    year = _year_of(value)
    if year is None:
        return False
    base_year = _year_of(event) or (ref.year if ref else None)
    if base_year is None:
        return len(value) == 4  # "in 2022" beside an undated-year incident: an older event
    if year < base_year - (1 if len(value) > 4 else 0):
        return True
    if len(value) == 4 or year > base_year:
        return year < base_year
    base = (dt.date.fromisoformat(event) if event and not event.startswith("X")
            else ref)
    if base is None:
        return False
    if len(value) == 7:
        # "In February" beside an incident of April 9: over by a week into a later month.
        month_after = (dt.date.fromisoformat(value + "-28") + dt.timedelta(days=4)).replace(day=1)
        return (base - month_after).days >= 7
    return (base - dt.date.fromisoformat(value)).days > 45


_ANAPHORA = re.compile(r"^\s*(?:it|this|that|the (?:assassination|killing|attack|strike|"
                       r"bombing|shooting|massacre))\b|\bat the time\b|\bthat day\b",
                       re.IGNORECASE)


def _finite_present(sent: Any) -> bool:
    """Present, perfect or future main clause: the narrative has come back to now."""
    root = sent.root
    if root.tag_ in {"VBZ", "VBP", "MD"}:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have", "will", "is", "are"}
               for c in root.children)


def _content(sent: Any) -> set[str]:
    return {t.lemma_.lower() for t in span_tokens(sent) if t.pos_ == "PROPN" and len(t) > 1}


def _past_sentences(doc: Any, mentions: list[DateMention], event: DateMention | None,
                    ref: dt.date | None) -> dict[int, str]:
    """Map sentence start -> date of the older incident it is about."""
    event_value = event.value if event else None
    dated = {}
    for m in mentions:
        if m.sent_start not in dated and _is_older(m.value, event_value, ref):
            dated[m.sent_start] = m.value
    if event:
        dated.pop(event.sent_start, None)
    own = {m.sent_start for m in mentions}
    past: dict[int, str] = {}
    block: set[str] = set()
    current, gap = None, 0
    for sent in doc_sents(doc):
        if sent.start_char in dated:
            current, gap = dated[sent.start_char], 0
            block = _content(sent)
            past[sent.start_char] = current
        elif current and sent.start_char not in own and gap < 4 and _continues(sent, block):
            past[sent.start_char] = current
            block |= _content(sent)
            gap += 1
        else:
            current = None
    return past


def _planned_sentences(mentions: list[DateMention], event: DateMention | None,
                       ref: dt.date | None) -> frozenset[int]:
    """Sentences dated days after the report: plans ("talks scheduled for 20 November in
    Caracas"), not the incident; their places and figures are not its own. (A day after
    may be the time zone of a late-night report.)"""
    if ref is None:
        return frozenset()
    return frozenset(m.sent_start for m in mentions
                     if len(m.value) == 10 and not m.value.startswith("X")
                     and dt.date.fromisoformat(m.value) > ref + dt.timedelta(days=1)
                     and not (event and m.sent_start == event.sent_start))


def _continues(sent: Any, block: set[str]) -> bool:
    """A past-tense sentence that shares a name with the older event or refers back to it."""
    if _finite_present(sent):
        return False
    return bool(_content(sent) & block) or bool(_ANAPHORA.search(span_text(sent)))


_KILLED = (
    re.compile(r"\bkill(?:ed|ing)\s+(?:at least\s+|more than\s+|some\s+|about\s+)?"
               r"(?P<n>\d+|[a-z]+)\b", re.IGNORECASE),
    re.compile(r"\b(?P<n>\d+|[a-z]+)\s+(?:people\s+|persons\s+)?(?:were\s+|have been\s+)?"
               r"(?:killed|dead)\b", re.IGNORECASE),
)
_COUNTS = {k: v for k, v in _NUMWORDS.items() if v > 1}


def _killed(text: str) -> int | None:
    for pattern in _KILLED:
        for m in pattern.finditer(text):
            word = m.group("n").lower()
            n = int(word) if word.isdigit() else _COUNTS.get(word)
            if n and not 1900 <= n <= 2099:
                return n
    return None


def _place(sents: list[Any]) -> str | None:
    """The first place named after "in"/"at"/"near", else the first place named."""
    places = [e for s in sents for e in span_ents(s) if e.label_ in {"GPE", "LOC", "FAC"}]
    located = [e for e in places
               if e.start > 0 and e.doc[e.start - 1].lower_ in {"in", "at", "near", "outside"}]
    return (located or places)[0].text if places else None


def _description(sent: Any, whole: str) -> tuple[str, int]:
    """The sentence without a caption glued before a blank line (bad segmentation)."""
    text = span_text(sent)
    cut = text.rfind("\n\n", 0, max(len(text.rstrip()) - 1, 0))
    start = sent.start_char + (cut + 2 if cut >= 0 else 0)
    return whole[start:sent.end_char].strip(), start


def _referenced(doc: Any, past: dict[int, str], report_id: str) -> list[ReferencedIncident]:
    """One record per older incident: consecutive past sentences with the same date."""
    groups: list[tuple[str, list[Any]]] = []
    for sent in doc_sents(doc):
        value = past.get(sent.start_char)
        if value is None:
            continue
        if groups and groups[-1][0] == value and groups[-1][1][-1].end == sent.start:
            groups[-1][1].append(sent)
        else:
            groups.append((value, [sent]))
    out: list[ReferencedIncident] = []
    for value, sents in groups:
        description, start = _description(sents[0], doc_text(doc))
        killed = next((k for s in sents if (k := _killed(span_text(s)))), None)
        out.append(ReferencedIncident(
            description=description, date=value, place=_place(sents), report=report_id,
            span=(start, sents[0].end_char), killed=killed))
    return out


# ---------------------------------------------------------------- entry point

def analyze_dates(doc: Any, *, published: str | None, report_id: str) -> DateAnalysis:
    """Dates of one parsed report (a spaCy ``Doc``); see the module docstring."""
    text = doc_text(doc)
    raws = _scan(text)
    ref, basis = _reference(text, raws, published)
    sents = _sentences(doc)
    mentions = _mentions(raws, ref, sents, text)
    dateline = _dateline(text, raws)
    event = _choose_event(doc, mentions, dateline, ref)
    past = _past_sentences(doc, mentions, event, ref)
    event_basis: str | None
    if event is not None:
        event_date, event_basis, span = (event.value, "relative" if event.relative else "explicit",
                                         (event.start, event.end))
    elif ref is not None:
        event_date, event_basis, span = ref.isoformat(), basis, None
    else:
        event_date, event_basis, span = None, None, None
    return DateAnalysis(
        reference_date=ref.isoformat() if ref else None, reference_basis=basis,
        event_date=event_date, event_date_basis=event_basis, event_span=span,
        mentions=tuple(mentions), past_sentences=frozenset(past) | _planned_sentences(
            mentions, event, ref),
        referenced=tuple(_referenced(doc, past, report_id)))


def date_from_url(url: str | None) -> str | None:
    """The publication date many news URLs carry ("/2016/01/27/", "-20160223-", "/2016/jan/26/").

    Ingest may pass it as ``published`` when no metadata date exists.
    """
    if not url:
        return None
    for pattern in (r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)",
                    r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/_.-]|$)"):
        m = re.search(pattern, url)
        if m and (d := _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
            return d.isoformat()
    m = re.search(r"/((?:19|20)\d\d)/([a-z]{3})/([0-3]?\d)/", url, re.IGNORECASE)
    if m and m.group(2).lower() in _MONTHS:
        d = _date(int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3)))
        return d.isoformat() if d else None
    return None
