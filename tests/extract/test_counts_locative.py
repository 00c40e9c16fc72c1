"""The "in <name>" test of counts, written out instead of a regex compiled per name."""

from __future__ import annotations

import itertools
import re

from corroborate.extract.counts import _after_locative


def _regex(low: str, name: str) -> bool:
    return re.search(rf"\b(?:in|near|outside)\s+{re.escape(name)}\b(?!['’])", low) is not None


def test_reads_a_place_after_in_near_outside():
    assert _after_locative("two were hurt in fernvale on friday.", "fernvale")
    assert _after_locative("a crash just outside\n fernvale", "fernvale")
    assert not _after_locative("fernvale's mayor spoke in town", "fernvale")  # no locative
    assert not _after_locative("a party in fernvale's yard", "fernvale")  # "in X's home"
    assert not _after_locative("a fire in fernvales", "fernvale")  # not a whole word
    assert not _after_locative("a brawl within fernvale", "fernvale")  # "in" inside a word


def test_same_answer_as_the_regex_on_every_short_string():
    pieces = ["in", "near", "outside", " ", "\n", "\u2003", "x", "'", "’", "_", ".", "é", "2",
              "ain"]
    names = ["x", "x.", " x", "x y", "in", "x'", "é"]
    for size in (1, 2, 3):
        for combo in itertools.product(pieces, repeat=size):
            low = "".join(combo)
            for name in names:
                assert _after_locative(low, name) == _regex(low, name), (low, name)
