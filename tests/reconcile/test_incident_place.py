"""The incident's place from several reports: firm reports weigh more, and the state most
reports agree on settles ambiguous names."""

from __future__ import annotations

import pytest

from corroborate.extract.geo import choose_place, geocode_doc
from corroborate.reconcile.incident import _place
from corroborate.records import Report, ReportAnalysis


@pytest.fixture(scope="module")
def analysis(nlp):
    def make(rid: str, text: str) -> ReportAnalysis:
        doc = nlp(text)
        places = tuple(geocode_doc(doc))
        return ReportAnalysis(report=Report(id=rid, text=text), places=places,
                              place=choose_place(places, doc))
    return make


def test_other_reports_give_a_county_its_state(analysis):
    bare = analysis("a", "Boy shot in Floyd County. Floyd County police said a boy was shot "
                         "by a friend at a home on Sunday.")
    assert (bare.place.name, bare.place.admin1) == ("Floyd County", None)
    placed = analysis("b", "Floyd County, Georgia: a boy was shot at a home on Sunday, Floyd "
                           "County police said. Floyd County investigators are at the scene.")
    assert placed.place.admin1 == "Georgia"
    place, _ = _place([bare, bare, placed])
    assert (place.name, place.admin1) == ("Floyd County", "Georgia")


def test_agreed_state_settles_a_town_named_in_several_states(analysis):
    bare = analysis("a", "A man was shot in Greenville on Sunday, police said.")
    assert bare.place.name == "Greenville" and bare.place.admin1 != "Mississippi"
    placed = [analysis(r, "A man was shot in Greenville, Mississippi, on Sunday, police said. "
                          "Greenville police are investigating.") for r in "bc"]
    assert {a.place.admin1 for a in placed} == {"Mississippi"}
    # the bare report outweighs the others on its own (first in, same name and country key)
    place, _ = _place([bare, *placed])
    assert (place.name, place.admin1) == ("Greenville", "Mississippi")


def test_no_agreement_changes_nothing(analysis):
    from corroborate.extract.geo.choose import agreed_state

    one = analysis("a", "A man was shot in Greenville, Mississippi, on Sunday.")
    other = analysis("b", "A man was shot in Greenville, Texas, on Sunday.")
    assert agreed_state([one.place, other.place]) is None


def test_incident_place_weighs_how_firmly_each_report_places_it(analysis):
    firm = analysis("a", "Man wounded in Slidell. A man was shot late Friday in Slidell, "
                         "Louisiana, police said. He was driven to a hospital in New Orleans.")
    weak = analysis("b", "A woman was detained on Saturday. The man she shot is being treated "
                         "in New Orleans, Louisiana.")
    assert (firm.place.name, weak.place.name) == ("Slidell", "New Orleans")
    place, _ = _place([weak, firm])
    assert place.name == "Slidell"


def _needs_postal_towns() -> None:
    from corroborate.extract.geo import Gazetteer

    if not Gazetteer.default().town_counties("Dallas", "Georgia"):
        pytest.skip("the optional zipcodes package (towns by county) is not installed")


def test_a_county_without_its_state_counts_only_for_its_own_towns():
    from corroborate.reconcile.incident import _place_within
    from corroborate.records import PlaceMention

    _needs_postal_towns()
    county = PlaceMention(text="Paulding County", span=(0, 15), name="Paulding County",
                          kind="admin2", country_code="US")
    inside = PlaceMention(text="Dallas", span=(0, 6), name="Dallas", kind="city",
                          admin1="Georgia", country_code="US")
    elsewhere = PlaceMention(text="Macon", span=(0, 5), name="Macon", kind="city",
                             admin1="Georgia", country_code="US")
    assert _place_within(inside, county)
    assert not _place_within(elsewhere, county)


def test_a_town_in_the_county_another_report_chose_wins(analysis):
    _needs_postal_towns()
    county = analysis("a", "A man was shot dead on Sunday in Paulding County. Paulding County "
                           "deputies said the man was shot at a home. Paulding County detectives "
                           "are at the scene.")
    town = analysis("b", "Deputies said a man was shot on Sunday. The shooting happened at "
                         "a home in Dallas, Georgia.")
    assert (county.place.kind, town.place.name) == ("admin2", "Dallas")
    place, _ = _place([county, town])
    assert (place.name, place.admin1) == ("Dallas", "Georgia")


def test_a_headline_and_its_lead_both_open_the_report(analysis):
    # the town is named once, in the lead under an unpunctuated headline; the other report
    # is a page of briefs filed from the capital that mentions the town in passing
    lead = analysis("a", "Farmer dies after shooting at ranch\n\nA farmer was shot dead in the "
                         "small Wyoming town of Wheatland on Sunday, deputies said.\n\nNo arrest "
                         "has been made.")
    briefs = analysis("b", "CHEYENNE, Wyo. (AP) -- Cheyenne council members voted on the "
                           "budget on Monday. Cheyenne residents can comment until June.\n\n"
                           "A farmer from Wheatland died on Sunday, officials said.")
    assert (lead.place.name, briefs.place.name) == ("Wheatland", "Cheyenne")
    place, _ = _place([lead, briefs])
    assert place.name == "Wheatland"
