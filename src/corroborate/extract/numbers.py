"""Parse the quantity phrases news uses for counts ("at least 103", "some 141", "dozens").

``parse_quantity`` reads one phrase; ``QUANTITY_RE`` finds such phrases in running
(lower-cased) text so the count rules can anchor on them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from text_to_num import text2num


@functools.cache  # only fixed patterns come here: the set is bounded
def _rx(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` held for the process: re's own cache is shared and drops
    its oldest entries once other code compiles many one-off patterns (town names)."""
    return re.compile(pattern)


@dataclass(frozen=True)
class Quantity:
    """A parsed count: best reading, interval (``high`` None = open) and hedge."""

    value: int
    low: int | None
    high: int | None
    qualifier: str  # one of corroborate.records.claim.QUALIFIERS


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ("hundred", "thousand", "million")

# Words that give a number on their own; "a dozen" etc. are handled as vague below.
_WORD = "(?:" + "|".join(sorted(_UNITS + _TENS + list(_SCALES), key=len, reverse=True)) + ")"
_WORD_NUMBER = rf"{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?"

# Vague quantities: (low, high, best). high None = open-ended.
_VAGUE: dict[str, tuple[int, int | None, int]] = {
    "a couple of": (2, 3, 2), "a couple": (2, 3, 2), "a few": (2, 5, 3),
    "a handful of": (2, 6, 3), "a handful": (2, 6, 3), "several": (3, 9, 3),
    "a dozen": (12, 12, 12), "dozens of": (24, 99, 24), "dozens": (24, 99, 24),
    "scores of": (40, 199, 40), "scores": (40, 199, 40), "hundreds of": (200, 999, 200),
    "hundreds": (200, 999, 200), "thousands of": (2000, 9999, 2000),
    "thousands": (2000, 9999, 2000), "many": (3, None, 3), "numerous": (3, None, 3),
    "multiple": (2, None, 2), "a number of": (2, None, 2), "some": (2, None, 2),
}
_VAGUE_RE = "|".join(re.escape(k) for k in sorted(_VAGUE, key=len, reverse=True))

# Hedges before a number and the qualifier they map to (longest first when matching).
_HEDGES: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than",
    "about": "about", "around": "about", "some": "about", "nearly": "about",
    "almost": "about", "approximately": "about", "roughly": "about",
    "an estimated": "about", "estimated": "about", "close to": "about", "approx.": "about",
    "up to": "up_to", "as many as": "up_to",
    "at most": "at_most", "no more than": "at_most", "fewer than": "at_most",
    "less than": "at_most", "under": "at_most",
}
_HEDGE_RE = "|".join(re.escape(k) for k in sorted(_HEDGES, key=len, reverse=True))

# Whole quantity phrase: optional hedge, then a number (digits, words) or a vague word.
QUANTITY_RE = re.compile(
    rf"(?<![\w.,-])(?:(?P<hedge>{_HEDGE_RE})\s+)?"
    rf"(?P<num>(?:{_WORD_NUMBER}|a|\d+)\s+dozen|{_DIGITS}|(?:a|one)\s+(?:hundred|thousand)(?:[\s-]+(?:and\s+)?{_WORD_NUMBER})?"
    rf"|{_WORD_NUMBER}|{_VAGUE_RE})(?![\w-])",
)


def _word_value(words: str) -> int | None:
    """Value of a number written in words ("one hundred and three", "twenty-one")."""
    cleaned = _rx(r"^a\s+").sub("one ", words.strip())
    cleaned = _rx(r"\s+").sub(" ", cleaned.replace("-", " "))
    try:
        return int(text2num(cleaned, "en"))
    except ValueError:
        return None


def _number_value(num: str) -> int | None:
    num = num.strip()
    if num.endswith(" dozen"):  # "two dozen" = 24; text2num does not know "dozen"
        head = _number_value(num[: -len(" dozen")]) if not num.startswith("a ") else 1
        return None if head is None else head * 12
    match = _rx(r"([\d.,]+)(?:\s+(million|thousand))?").fullmatch(num)
    if match:
        base = float(match.group(1).replace(",", ""))
        scale = {"million": 1_000_000, "thousand": 1000}.get(match.group(2) or "", 1)
        return int(base * scale)
    return _word_value(num)


def _apply_hedge(value: int, qualifier: str) -> Quantity:
    if qualifier == "at_least":
        return Quantity(value, value, None, qualifier)
    if qualifier == "more_than":
        return Quantity(value, value + 1, None, qualifier)
    if qualifier == "about":
        spread = max(1, round(value * 0.1))
        return Quantity(value, max(0, value - spread), value + spread, qualifier)
    if qualifier == "up_to":
        return Quantity(value, None, value, qualifier)
    if qualifier == "at_most":
        return Quantity(value, None, value, qualifier)
    return Quantity(value, value, value, "exact")


def parse_quantity(text: str) -> Quantity | None:
    """Parse a quantity phrase ("at least 103", "some 141", "dozens of", "a dozen").

    Returns None when the text does not start with a quantity. Trailing words
    ("people killed") are ignored.
    """
    match = QUANTITY_RE.match(text.strip().lower())
    if not match:
        return None
    return quantity_from_match(match)


def quantity_from_match(match: re.Match[str]) -> Quantity | None:
    """Build a ``Quantity`` from a ``QUANTITY_RE`` match."""
    num = match.group("num")
    hedge = match.group("hedge")
    if num in _VAGUE:
        if hedge is not None and num == "some":
            return None
        low, high, best = _VAGUE[num]
        return Quantity(best, low, high, "vague")
    value = _number_value(num)
    if value is None:
        return None
    return _apply_hedge(value, _HEDGES[hedge] if hedge else "exact")
