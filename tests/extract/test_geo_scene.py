"""Which mention names the scene: asides (custody, banners, people's names), scraped
datelines, and towns the gazetteer lacks or files in the wrong state."""

from __future__ import annotations

import pytest

from corroborate.extract.geo import Gazetteer, choose_place, geocode_doc


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _needs_postal_towns(gaz: Gazetteer) -> None:
    if not gaz.town_counties("Tyler", "Texas"):
        pytest.skip("the optional zipcodes package (towns by county) is not installed")


def _chosen(nlp, text: str):
    doc = nlp(text)
    return choose_place(geocode_doc(doc), doc)


def test_a_first_name_is_not_a_town(nlp):
    chosen = _chosen(nlp, "Bystanders went to the aid of Marvin Earl Briggs, 31, late on "
                          "Sunday in Catawba County, North Carolina, after the gunfire.")
    assert (chosen.kind, chosen.name, chosen.admin1) == (
        "admin2", "Catawba County", "North Carolina")


def test_custody_town_and_its_state_are_asides(nlp):
    # (no dateline, no "taken to": only the custody makes Champaign an aside)
    chosen = _chosen(nlp, "A suspect in a weekend killing on the north side is in custody in "
                          "Champaign, Illinois, Indianapolis police said on Monday.")
    assert (chosen.name, chosen.admin1) == ("Indianapolis", "Indiana")


def test_glued_title_does_not_hide_the_dateline_town(nlp):
    chosen = _chosen(nlp, "Clerk wounded in store holdup | Fox17BENTON TOWNSHIP, Mich. — "
                          "A 45-year-old Niles woman faces an assault charge after "
                          "officers say she wounded a clerk in Benton Township.")
    assert (chosen.name, chosen.admin1) == ("Benton Township", "Michigan")


def test_station_banner_for_a_city_is_not_the_scene(nlp):
    # the banner's city opens the page; the scene is only named through its police
    chosen = _chosen(nlp, "Girl hurt by accidental gunfire | KBTX | Bryan, Texas | News, "
                          "Weather, Sports\n\nA girl, 6, was wounded by accident on Sunday. "
                          "Hearne police said the gun belonged to a relative.")
    assert chosen.name == "Hearne"


def test_a_gate_is_not_a_town(nlp):
    doc = nlp("Guards took a call at the North Gate from a neighbour in Sloughhouse.")
    assert all(p.name != "North Gate" for p in geocode_doc(doc))


def test_a_name_ends_at_a_line_break(nlp):
    doc = nlp("A farmer was found shot in the small Wyoming town of Lingle.\n\nThe Torrington "
              "paper says he died.")
    assert not any("\n" in p.text for p in geocode_doc(doc))


def test_unlisted_scene_town_of_the_county(nlp, gaz):
    _needs_postal_towns(gaz)
    chosen = _chosen(nlp, "Deputies say a rancher killed his neighbour and then himself "
                          "in the tiny eastern Wyoming town of Lingle. The "
                          "Goshen County Sheriff's Office has closed the case.")
    assert (chosen.kind, chosen.name, chosen.admin1) == ("city", "Lingle", "Wyoming")


def test_small_town_is_read_in_the_state_the_report_names(nlp, gaz):
    _needs_postal_towns(gaz)
    chosen = _chosen(nlp, "A Missouri toddler died Sunday in Nodaway County when a cousin "
                          "fired a rifle. The family was staying at a farmhouse in the town of "
                          "Elmo, about 110 miles north of Kansas City, Missouri.")
    assert (chosen.name, chosen.admin1) == ("Elmo", "Missouri")


def test_a_town_police_force_is_no_person(nlp):
    doc = nlp("Sylvester Police said a third man was hit in the gunfire on Sunday. "
              "Sylvester Police are asking for tips.")
    assert any(p.name == "Sylvester" for p in geocode_doc(doc))


def test_a_town_in_a_list_of_agencies_is_not_the_scene(nlp):
    # the county is the scene; the town only lends its police among other agencies
    text = ("A hiker died of a gunshot wound on Sunday in Sauk County, Wisconsin. The Sauk "
            "County Sheriff's Office, the Baraboo Police Department, the Wisconsin State "
            "Patrol and a fire crew answered the call.")
    chosen = _chosen(nlp, text)
    assert (chosen.kind, chosen.name) == ("admin2", "Sauk County")


def test_county_gives_way_to_a_town_named_as_the_scene(nlp):
    chosen = _chosen(nlp, "A man was shot on Sunday in Sauk County, Wisconsin. Deputies said "
                          "the shooting happened at a tavern in Baraboo.")
    assert (chosen.kind, chosen.name) == ("city", "Baraboo")



@pytest.mark.parametrize("text, town", [
    ("A woman was wounded by gunfire in the city's Frankford Heights section on Friday, "
     "police said.", "Frankford Heights"),
    ("A person in Wexborough was shot in the face on Thursday, deputies said.", "Wexborough"),
])
def test_an_unlisted_scene_beats_no_place_at_all(nlp, text, town):
    chosen = _chosen(nlp, text)
    assert chosen is not None and (chosen.kind, chosen.name) == ("city", town)


def test_an_unlisted_name_gives_way_to_a_known_town(nlp):
    chosen = _chosen(nlp, "A man in Wexborough was shot on Friday in Dayton, Ohio, "
                          "police said.")
    assert (chosen.name, chosen.admin1) == ("Dayton", "Ohio")
