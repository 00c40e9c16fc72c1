"""A page's own date stamp stands in for missing publication metadata."""

from __future__ import annotations

import pytest

from corroborate.extract.dates import page_date
from corroborate.records import Report, report_id


@pytest.mark.parametrize(("text", "expected"), [
    ("Bridge closed after crash\nPosted: Friday, March 8, 2019 7:40 AM CST\nA truck hit",
     "2019-03-08"),
    ("Bridge closed after crash\nPOSTED: 0915 GMT (1715 HKT), March 8, 2019\nA truck hit",
     "2019-03-08"),
    ("Bridge closed after crash\nUpdated 3/8/2019 4:20 PM\nA truck hit the rail.", "2019-03-08"),
    ("Bridge closed after crash\nMARCH 8, 2019 9:15PM\nA truck hit the rail.", "2019-03-08"),
    ("Bridge closed after crash\nMar 8, 2019 | 7:02am\nA truck hit the rail.", "2019-03-08"),
    ("Bridge closed after crash\nFri, Mar 8 2019 at 11:47 AM\nA truck hit the rail.",
     "2019-03-08"),
    ("Bridge closed after crash\nPublished March 8, 2019\nA truck hit the rail.", "2019-03-08"),
])
def test_stamp_lines(text: str, expected: str) -> None:
    assert page_date(text) == expected


@pytest.mark.parametrize("text", [
    # a date inside a sentence tells news, not the page's day
    "A truck hit the bridge rail on March 8, 2019, police said.",
    # a line with words beside the date is a headline or a note
    "Bridge closed after crash on March 8, 2019\nA truck hit the rail.",
    "Notes\nPosted 2 years ago [saved on 8 March 2019]\nA truck hit the rail.",
    # far below the top of the page
    "A truck hit the rail. " * 30 + "\nMarch 8, 2019\n",
])
def test_no_stamp(text: str) -> None:
    assert page_date(text) is None


def test_stamp_resolves_relative_dates_without_metadata(pipeline) -> None:
    text = ("Two hurt as truck hits bridge rail\nUpdated 3/8/2019 4:20 PM\n"
            "A truck crashed through the rail of the river bridge on Thursday, injuring two "
            "people, the county sheriff said.")
    report = Report(id=report_id(text), text=text)
    analysis = pipeline(report)
    assert analysis.event_date == "2019-03-07"
    assert all(c.published == "2019-03-08" for c in analysis.claims)
