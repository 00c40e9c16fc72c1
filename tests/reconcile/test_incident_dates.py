"""Incident dates across reports: sources, and the first publication day as a fallback."""

from __future__ import annotations

from corroborate.reconcile.incident import build_incident
from corroborate.records import Attribution, Claim, Report, ReportAnalysis


def _report(rid: str, published: str | None, day: str | None, speaker: str | None = None
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


def _told(rid: str, published: str, day: str, text: str, needle: str) -> ReportAnalysis:
    """A report whose date claim sits on ``needle`` in ``text``."""
    start = text.index(needle)
    report = Report(id=rid, text=text, published=published)
    claim = Claim(slot="event_date", value=day, report=rid, span=(start, start + len(needle)),
                  published=published, extractor="corroborate.dates.relative.v1")
    return ReportAnalysis(report=report, claims=(claim,), event_date=day,
                          event_date_basis="relative")


_VIGIL = "Three people were wounded at a candlelight vigil Monday evening.\n\nMore details."
_SON = ("Police are searching for the gunman.\n\nNeighbours gathered.\n\nThe vigil was for "
        "her son, who was killed Sunday.")


def test_tied_dates_go_to_the_report_leading_with_its_day() -> None:
    # One report each: the lead's "Monday evening" beats another incident's day deep in
    # the text, whichever report came first and whichever day is earlier.
    for first in ("a", "b"):
        inc = build_incident([_told("a", "2016-07-11", "2016-07-11", _VIGIL, "Monday"),
                              _told("b" if first == "a" else "0", "2016-07-11", "2016-07-10",
                                    _SON, "Sunday")])
        assert inc.event_date == "2016-07-11"


def test_tied_dates_pass_over_an_arrest_day() -> None:
    arrest = "A teenager was arrested Tuesday after he accidentally shot himself in a motel room."
    shot = "Police are looking into a shooting.\n\nIt happened just before 3:45 p.m. Thursday."
    inc = build_incident([_told("a", "2017-01-13", "2017-01-10", arrest, "Tuesday"),
                          _told("b", "2017-01-12", "2017-01-12", shot, "Thursday")])
    assert inc.event_date == "2017-01-12"


def test_death_in_a_dated_shooting_keeps_its_day() -> None:
    # "died in Wednesday's shooting" dates the shooting, unlike "died Wednesday"
    lead = "Man who died in Wednesday quintuple shooting identified"
    other = "Police stood guard.\n\nThere was more police on the street on Tuesday."
    inc = build_incident([_told("a", "2015-05-22", "2015-05-20", lead, "Wednesday"),
                          _told("b", "2015-05-21", "2015-05-19", other, "Tuesday")])
    assert inc.event_date == "2015-05-20"


def test_more_reports_outweigh_a_better_told_day() -> None:
    lead = "Two men were shot Friday night outside a bar.\n\nMore."
    deep = "Police are asking for help.\n\nNeighbours said.\n\nThe shots came Saturday."
    inc = build_incident([_told("a", "2016-06-26", "2016-06-24", lead, "Friday"),
                          _told("b", "2016-06-26", "2016-06-25", deep, "Saturday"),
                          _told("c", "2016-06-27", "2016-06-25", deep, "Saturday")])
    assert inc.event_date == "2016-06-25"


def test_tied_dates_pass_over_a_statement_day() -> None:
    # "spoke to the media Tuesday morning" dates the statement, told with an hour or not
    said = "The victim's brother spoke to the media outside City Hall Tuesday morning."
    shot = "A prosecutor charged the uncle.\n\nThe shooting occurred Feb. 6 at a home."
    inc = build_incident([_told("a", "2014-02-11", "2014-02-11", said, "Tuesday"),
                          _told("b", "2014-05-16", "2014-02-06", shot, "Feb. 6")])
    assert inc.event_date == "2014-02-06"


def test_date_naming_the_attack_is_no_later_step() -> None:
    # "charged over the August 14 shooting death" dates the shooting, not the charge.
    charged = ("Police made an arrest.\n\nA woman was charged over the August 14 "
               "shooting death of a cashier at a gas station.")
    other = "Police stood guard.\n\nMore.\n\nMore.\n\nThe store reopened on Friday."
    inc = build_incident([_told("a", "2014-08-22", "2014-08-14", charged, "August 14"),
                          _told("b", "2014-08-14", "2014-08-08", other, "Friday")])
    assert inc.event_date == "2014-08-14"


def test_three_reports_outvote_an_earlier_odd_report() -> None:
    # The first report (another incident grouped here, or a crawl date) came out before
    # the day three others agree on: they win; one or two later reports would not.
    odd = _report("a", "2015-07-15", "2015-07-15")
    later = [_report(r, "2015-07-16", "2015-07-16") for r in "bcd"]
    assert build_incident([odd, *later]).event_date == "2015-07-16"
    assert build_incident([odd, *later[:2]]).event_date == "2015-07-15"


def test_tied_dates_pass_over_a_day_of_no_violence() -> None:
    # A page of several stories leads with another story's day ("a bus slid into a ditch
    # Friday"); the report whose sentence tells the shooting dates the incident.
    page = "A school bus slid into a ditch on Friday.\n\nMore news."
    shot = "Police stood guard.\n\nMore.\n\nGunfire hurt two men on Tuesday."
    inc = build_incident([_told("a", "2015-03-12", "2015-03-06", page, "Friday"),
                          _told("b", "2015-03-20", "2015-03-10", shot, "Tuesday")])
    assert inc.event_date == "2015-03-10"


def test_a_dated_day_beats_a_day_two_reports_give_without_its_year() -> None:
    # Reports with no publication date: nothing gives "May 21" its year.
    inc = build_incident([_report("a", None, "XXXX-05-21"), _report("b", None, "XXXX-05-21"),
                          _report("c", None, "2011-05-11")])
    assert inc.event_date == "2011-05-11"
