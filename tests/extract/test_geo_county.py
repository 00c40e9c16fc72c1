"""Counties and their towns, state postal codes after a town, and the gazetteer's public
row accessor."""

from __future__ import annotations

import pytest

from corroborate.extract.geo import Entry, Gazetteer, choose_place, geocode_doc
from corroborate.extract.geo.choose import dominant_town
from corroborate.records import PlaceMention


def _chosen(nlp, text: str) -> PlaceMention | None:
    doc = nlp(text)
    return choose_place(geocode_doc(doc), doc)


def _county(name: str, state: str) -> PlaceMention:
    return PlaceMention(text=name, span=(0, len(name)), name=name, kind="admin2", admin1=state,
                        country_code="US")


def test_entry_reads_the_row_that_mention_builds():
    gaz = Gazetteer.default()
    rows = gaz.candidates("Kerman")
    assert rows
    for row in rows:
        entry, mention = gaz.entry(row), gaz.mention(row)
        assert isinstance(entry, Entry) and entry.row == row
        assert (entry.kind, entry.name, entry.country_code, entry.population) == (
            mention.kind, mention.name, mention.country_code, mention.population)
    cities = [gaz.entry(r) for r in rows if gaz.entry(r).kind == "city"]
    assert any(e.country_code == "IR" and e.admin1 == "Kerman" for e in cities)


@pytest.fixture(scope="module")
def _postal_data() -> None:
    if not Gazetteer.default().town_counties("Iaeger", "West Virginia"):
        pytest.skip("the optional zipcodes package (towns by county) is not installed")


@pytest.mark.usefixtures("_postal_data")
def test_home_county_is_where_most_of_a_towns_zip_codes_are():
    gaz = Gazetteer.default()
    assert gaz.home_county("Memphis", "Tennessee") == "shelby county"
    # Atlanta's postal area spills into Clayton County, but Atlanta is Fulton County's
    assert "clayton county" in gaz.town_counties("Atlanta", "Georgia")
    assert gaz.home_county("Atlanta", "Georgia") == "fulton county"
    assert gaz.home_county("Nowhereville", "Georgia") is None


@pytest.mark.usefixtures("_postal_data")
@pytest.mark.parametrize("county, state, town", [
    ("Harris County", "Texas", "Houston"),
    ("Navarro County", "Texas", "Corsicana"),
    ("Rock County", "Wisconsin", None),  # Janesville and Beloit: two comparable towns
    ("Clayton County", "Georgia", None),  # its biggest postal town is Atlanta, Fulton's
    ("Marion County", "Texas", None),  # villages only
])
def test_dominant_town_only_for_a_county_of_one_big_town(county, state, town):
    found = dominant_town(_county(county, state))
    assert (found.name if found else None) == town
    if found is not None:
        assert (found.kind, found.admin1) == ("city", state)


def test_dominant_town_needs_a_us_county_with_its_state():
    assert dominant_town(_county("Harris County", None)) is None  # type: ignore[arg-type]
    city = PlaceMention(text="Houston", span=(0, 7), name="Houston", kind="city",
                        admin1="Texas", country_code="US")
    assert dominant_town(city) is None


def test_a_bare_town_named_like_the_named_county_is_that_countys_town(nlp):
    # GeoNames also lists York, England as a region; the county makes it Pennsylvania's York
    chosen = _chosen(nlp, "Two men hurt in York shooting\n\nPolice in York County said two men "
                          "were wounded late on Friday in York.")
    assert chosen is not None
    assert (chosen.kind, chosen.name, chosen.admin1) == ("city", "York", "Pennsylvania")


def test_a_postal_state_code_after_a_town_names_the_state(nlp):
    doc = nlp("Boy, 4, hurt with father's pistol - Channel 8 - Richmond, VA Local News\n\n"
              "Deputies say a 4-year-old found a loaded pistol and shot himself at a farmhouse "
              "in Lunenburg on Sunday.")
    places = geocode_doc(doc)
    assert any(p.text == "VA" and p.kind == "admin1" and p.name == "Virginia" for p in places)
    chosen = choose_place(places, doc)
    assert chosen is not None
    assert (chosen.name, chosen.admin1) == ("Lunenburg", "Virginia")
    # (but not a code that is also a word or a title: "Ann Smith, MD", "Salem, OR was")
    other = geocode_doc(nlp("The clinic director, Ann Smith, MD, said the man shot in Salem, OR "
                            "was stable."))
    assert not any(p.text in ("MD", "OR") and p.kind == "admin1" for p in other)
