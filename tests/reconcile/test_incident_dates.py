"""Incident dates across reports: sources, and the first publication day as a fallback."""

from __future__ import annotations

from corroborate.reconcile.incident import build_incident
from corroborate.records import Attribution, Claim, Report, ReportAnalysis


def _report(rid: str, published: str, day: str | None, speaker: str | None = None
            ) -> ReportAnalysis:
    """A report dating the incident ``day`` (None: it names no day, like the pipeline's
    publication-day fallback)."""
    report = Report(id=rid, text="x" * 200, published=published)
    if day is None:
        return ReportAnalysis(report=report, event_date=published,
                              event_date_basis="published")
    claim = Claim(slot="event_date", value=day, report=rid, span=(10, 16), published=published,
                  attribution=Attribution(speaker=speaker, verb="said" if speaker else None),
                  extractor="corroborate.dates.relative.v1")
    return ReportAnalysis(report=report, claims=(claim,), event_date=day,
                          event_date_basis="relative")


def test_one_spokesman_in_two_reports_is_no_revision_of_the_date() -> None:
    # The sheriff dates the shooting Sunday; days later he speaks of the autopsies on
    # Tuesday. The later report's day is not a corrected incident date.
    inc = build_incident([_report("a", "2016-03-10", "2016-03-06", "Dale Horvath"),
                          _report("b", "2016-03-12", "2016-03-08", "Dale Horvath")])
    assert inc.event_date == "2016-03-06"
    assert inc.facts["event_date"].status == "contested"


def test_no_dated_report_gives_the_first_publication_day() -> None:
    inc = build_incident([_report("a", "2015-10-26", None), _report("b", "2015-10-25", None)])
    assert inc.event_date == "2015-10-25"
    assert "event_date" not in inc.facts


def test_undated_first_report_beats_later_follow_up_days() -> None:
    # Only a follow-up names a day ("died on Monday"), after the first report came out.
    inc = build_incident([_report("a", "2015-07-05", None),
                          _report("b", "2015-07-06", "2015-07-06")])
    assert inc.event_date == "2015-07-05"


def test_dated_reports_keep_their_day_over_a_later_undated_one() -> None:
    inc = build_incident([_report("a", "2015-07-06", "2015-07-05"),
                          _report("b", "2015-07-08", None)])
    assert inc.event_date == "2015-07-05"
