"""Date scanning tries each pattern only where its trigger fires: same matches as finditer."""

from __future__ import annotations

import pytest

from corroborate.eval.datasets import load_docs, shared_dir
from corroborate.extract.dates import _NEEDS, _PATTERNS, _TRIGGERS, _matches

# Our own sentences, one or more per pattern kind, in mixed, upper and lower case.
SENTENCES = [
    "On Monday, March 3, 2019, a man was shot. Police said on 2019-03-04 he died.",
    "The attack on Tuesday the 5th of May 2015 came two days after a raid on 4/12/15.",
    "It was the second anniversary of the blast; three years since the bombing, in June 2016.",
    "Last year the town saw one killing; last month, none.",
    "Five people may have died last night, a week ago, or early Friday; five may 1 decide.",
    "A vigil is planned for Christmas Eve and on Thanksgiving, two weeks later than Labor Day.",
    "The 1999 raid killed 12. SAN SALVADOR, 3 JAN 90 -- THE ARMY SAID TODAY A PATROL WAS HIT.",
    "an hour ago, this morning, yesterday; late sunday 12 may; on the 21st of december, 1989.",
]


def _spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


def _check(text: str) -> None:
    starts: dict = {}
    for kind, pattern in _PATTERNS:
        assert _spans(_matches(kind, pattern, text, starts)) == _spans(pattern.finditer(text)), \
            (kind, text[:80])


def test_triggered_scan_finds_what_finditer_finds_in_own_sentences():
    for sentence in SENTENCES:
        for text in (sentence, sentence.upper(), sentence.lower()):
            _check(text)


def test_each_match_starts_where_its_trigger_fires():
    text = " ".join(SENTENCES)
    for kind, pattern in _PATTERNS:
        found = list(pattern.finditer(text))
        if kind in _NEEDS:
            assert not found or _NEEDS[kind].search(text)
        if kind in _TRIGGERS:
            fired = {m.start() for m in _TRIGGERS[kind].finditer(text)}
            assert {m.start() for m in found} <= fired, kind
    kinds_found = {kind for kind, pattern in _PATTERNS if pattern.search(text)}
    assert set(_TRIGGERS) | set(_NEEDS) <= kinds_found  # the sentences exercise every trigger


def test_triggered_scan_on_dataset_reports():
    if not (shared_dir() / "datasets").is_dir():
        pytest.skip(f"no datasets under {shared_dir()} (set CORROBORATE_SHARED)")
    for name in ("gvc", "muc4", "ecbplus"):
        for report in load_docs(name)[:60]:
            _check(report.text)
