"""All-caps wire reports: ordinary words and foreign namesakes are not US towns."""

from __future__ import annotations

from corroborate.extract.geo import choose_place, geocode_doc


def _us_towns(places):
    return [p.text for p in places if p.country_code == "US" and p.kind == "city"]


def test_ordinary_words_in_caps_are_not_towns(nlp):
    text = ("THE HOMES OF MANY FARMERS WERE BURNED IN ADVANCE OF THE VOTE, OFFICIALS IN THE "
            "UNITED STATES SAID TODAY.")
    assert _us_towns(geocode_doc(nlp(text))) == []


def test_stateless_dateline_is_the_world_city(nlp):
    text = ("LIMA, 16 JAN 90 (TELEVISION) -- [TEXT] A BOMB EXPLODED NEAR THE U.S. EMBASSY "
            "LAST NIGHT. NOBODY WAS HURT.")
    lima = geocode_doc(nlp(text))[0]
    assert lima.text == "LIMA" and lima.country_code == "PE" and lima.kind == "city"


def test_dateline_country_in_brackets(nlp):
    text = ("SAN JOSE (COSTA RICA), 9 MAR 90 (EFE) -- [TEXT] THE MINISTER MET THE U.S. "
            "AMBASSADOR TODAY.")
    first = geocode_doc(nlp(text))[0]
    assert (first.text, first.country_code, first.kind) == ("SAN JOSE", "CR", "city")
    assert not any(p.text == "COSTA RICA" for p in geocode_doc(nlp(text)))


def test_small_us_town_is_not_read_into_a_foreign_report(nlp):
    text = ("SAN SALVADOR, 12 NOV 89 -- [TEXT] THE ARMY SAID REBELS FIRED ON A PATROL IN "
            "ESCALON. THE GOVERNMENT ASKED FOR HELP FROM THE UNITED STATES.")
    assert "ESCALON" not in _us_towns(geocode_doc(nlp(text)))


def test_department_names_its_country_for_the_dateline(nlp):
    text = ("BOGOTA, 31 JAN 89 -- [TEXT] POLICE FOUND TWO BODIES IN ANTIOQUIA DEPARTMENT, "
            "ONE OF THEM A CITIZEN OF THE UNITED STATES.")
    first = geocode_doc(nlp(text))[0]
    assert first.text == "BOGOTA" and first.country_code == "CO"


def test_dateline_abroad_with_its_country_is_not_the_scene(nlp):
    text = ("TOKYO (JAPAN), 2 MAY 90 (KYODO) -- [TEXT] THE GOVERNMENT TODAY CONDEMNED A "
            "TERRORIST ATTACK. A BOMB DESTROYED A BANK IN SAN SALVADOR.")
    assert choose_place(geocode_doc(nlp(text)), nlp(text)).name == "San Salvador"
