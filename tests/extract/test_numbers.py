"""parse_quantity: digits, number words, hedges and vague quantities."""

from __future__ import annotations

import pytest

from corroborate.extract.numbers import parse_quantity
from corroborate.records.claim import QUALIFIERS


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("1,200", 1200, "exact"),
    ("one hundred and three", 103, "exact"),
    ("twenty-one people", 21, "exact"),
    ("at least 103", 103, "at_least"),
    ("more than 20", 20, "more_than"),
    ("over 300", 300, "more_than"),
    ("some 141", 141, "about"),
    ("nearly two dozen", 24, "about"),
    ("up to 5", 5, "up_to"),
    ("as many as 40", 40, "up_to"),
    ("at most 7", 7, "at_most"),
    ("AT LEAST THREE", 3, "at_least"),
])
def test_numbers_and_hedges(text: str, value: int, qualifier: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.qualifier) == (value, qualifier)
    assert q.qualifier in QUALIFIERS


def test_interval_follows_hedge() -> None:
    at_least = parse_quantity("at least 103")
    assert at_least is not None and at_least.low == 103 and at_least.high is None
    up_to = parse_quantity("up to 5")
    assert up_to is not None and up_to.high == 5 and up_to.low is None
    about = parse_quantity("about 100")
    assert about is not None and about.low is not None and about.high is not None
    assert about.low < 100 < about.high


@pytest.mark.parametrize(("text", "low", "high"), [
    ("several", 3, 9), ("dozens of", 24, 99), ("a handful of", 2, 6), ("hundreds", 200, 999),
])
def test_vague_quantities_are_ranges(text: str, low: int, high: int) -> None:
    q = parse_quantity(text)
    assert q is not None and q.qualifier == "vague"
    assert (q.low, q.high) == (low, high)
    assert low <= q.value <= high


def test_many_is_open_ended() -> None:
    q = parse_quantity("many")
    assert q is not None and q.qualifier == "vague" and q.high is None


@pytest.mark.parametrize("text", ["", "hello", "people", "at least"])
def test_non_quantities(text: str) -> None:
    assert parse_quantity(text) is None
