"""Geocoding: gazetteer lookups, mention resolution in context, and the incident place."""

from __future__ import annotations

import math

import pytest

from corroborate.extract.geo import ATTRIBUTION, Gazetteer, choose_place, geocode_doc


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def seed_docs(nlp, seeds_dir):
    return {p.stem[:3]: nlp(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))}


def test_attribution_names_geonames_licence():
    assert "GeoNames" in ATTRIBUTION and "CC BY" in ATTRIBUTION


def test_lookup_uses_country_context(gaz):
    top = gaz.lookup("Kerman", country_code="US")[0]
    assert (top.country_code, top.admin1) == ("US", "California")
    assert gaz.lookup("Kerman")[0].country_code == "IR"


def test_lookup_folds_accents_and_alternate_names(gaz):
    assert gaz.lookup("usulutan", kind="city")[0].country_code == "SV"
    assert gaz.lookup("Arbil", kind="city")[0].name == "Erbil"


def test_province_suffix_gives_admin1(gaz):
    hits = gaz.lookup("Kerman province")
    assert hits and hits[0].kind == "admin1" and hits[0].country_code == "IR"


def test_country_by_code_and_name(gaz):
    assert gaz.country("IQ").name == "Iraq"
    assert gaz.country("IRN").country_code == "IR"
    assert gaz.country("El Salvador").country_code == "SV"
    assert gaz.country("Atlantis") is None


def test_contains(gaz):
    iran, kerman_prov = gaz.country("IR"), gaz.lookup("Kerman province")[0]
    kerman = gaz.lookup("Kerman", kind="city")[0]
    baghdad = gaz.lookup("Baghdad", kind="city")[0]
    assert gaz.contains(iran, kerman) and gaz.contains(kerman_prov, kerman)
    assert not gaz.contains(iran, baghdad) and not gaz.contains(kerman, kerman_prov)


def test_seed_places_resolve(seed_docs):
    places = geocode_doc(seed_docs["000"])
    by_text = {p.text: p for p in places}
    kerman = by_text["Kerman"]
    assert (kerman.name, kerman.admin1, kerman.country_code) == ("Kerman", "Kerman", "IR")
    assert _km(kerman.lat, kerman.lon, 30.28, 57.08) < 25
    assert by_text["Kerman province"].kind == "admin1"
    assert by_text["Kerman province"].country_code == "IR"
    assert by_text["Baghdad"].country_code == "IQ"
    assert by_text["Erbil"].country_code == "IQ"


@pytest.mark.parametrize("skip", [False, True])
def test_seed_000_incident_is_kerman_not_baghdad(seed_docs, skip):
    doc = seed_docs["000"]
    places = geocode_doc(doc)
    skipped = {s.start_char for s in doc.sents if "Baghdad" in s.text} if skip else set()
    chosen = choose_place(places, doc, skip_sentences=skipped)
    assert chosen is not None and chosen.name == "Kerman" and chosen.country_code == "IR"


def test_seed_001_incident_is_kerman(seed_docs):
    chosen = choose_place(geocode_doc(seed_docs["001"]), seed_docs["001"])
    assert chosen is not None and (chosen.name, chosen.country_code) == ("Kerman", "IR")


def test_us_dateline_with_state_abbreviation(nlp):
    doc = nlp("AURORA, Colo. - A man was shot outside a bar late Tuesday, police said.")
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.name, chosen.admin1, chosen.country_code) == ("Aurora", "Colorado", "US")


def test_state_context_picks_the_namesake(nlp):
    doc = nlp("Two men were wounded late on Friday in a shooting in Springfield, Illinois.")
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.name, chosen.admin1) == ("Springfield", "Illinois")


def test_upper_case_wire_dateline_and_department(nlp):
    text = ("SAN SALVADOR, 3 JAN 90 -- [TEXT] TERRORISTS ATTACKED A POWER STATION IN "
            "USULUTAN DEPARTMENT YESTERDAY, THE SALVADORAN ARMED FORCES REPORTED.")
    places = geocode_doc(nlp(text))
    assert any(p.name == "San Salvador" and p.country_code == "SV" for p in places)
    dept = next(p for p in places if p.text.startswith("USULUTAN"))
    assert dept.kind == "admin1" and dept.country_code == "SV"


def test_unknown_place_is_kept_unresolved(nlp):
    doc = nlp("The blast hit Qwzxville early on Monday.")
    places = geocode_doc(doc)
    assert all(not p.resolved for p in places)
    assert choose_place([], doc) is None


def test_gvdb_city_accuracy_floor_on_slice(shared):
    from corroborate.eval.geo_eval import evaluate_geo

    result = evaluate_geo("gvdb", limit=60)
    assert result["city_n"] > 40
    assert result["city_accuracy"] >= 0.6


def test_neighbourhood_credits_its_city_even_html_escaped(nlp):
    doc = nlp("A man was shot in the Strawberry Mansion section on Monday. Police said the "
              "shooting in Philadelphia&#39;s Strawberry Mansion section was the third this week.")
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.name, chosen.admin1) == ("Philadelphia", "Pennsylvania")


def test_glued_county_dateline_is_cleaned_and_stated(nlp):
    doc = nlp("Teen hurt | WPMT FOX43DAUPHIN COUNTY, Pa. – Police responded to a home.")
    county = next(p for p in geocode_doc(doc) if p.kind == "admin2")
    assert (county.name, county.admin1) == ("Dauphin County", "Pennsylvania")


def test_town_beats_its_county(nlp):
    doc = nlp("Deputies in Pasco County said a teenager was wounded in a robbery. "
              "The robbery happened at a gas station in Holiday on Sunday.")
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.name, chosen.admin1) == ("Holiday", "Florida")


def test_us_state_name_is_not_a_foreign_namesake(nlp):
    doc = nlp("A Florida man was arrested after a quarrel with a neighbor turned violent.")
    florida = next(p for p in geocode_doc(doc) if p.text == "Florida")
    assert (florida.kind, florida.country_code) == ("admin1", "US")


def _chosen(nlp, text: str):
    doc = nlp(text)
    return choose_place(geocode_doc(doc), doc)


def test_upper_case_dateline_with_state_and_wire_tag(nlp):
    place = _chosen(nlp, "KATY, Texas (AP) - A man shot his wife in a Houston-area home, "
                         "deputies said.")
    assert (place.name, place.admin1) == ("Katy", "Texas")


def test_residence_and_hospital_do_not_outrank_the_scene(nlp):
    place = _chosen(nlp, "A Chicago man was shot Saturday in Gary, police said. He was taken to "
                         "a hospital in Chicago, where he died.")
    assert place.name == "Gary"


def test_station_banner_is_not_the_place(nlp):
    place = _chosen(nlp, "Man shot at party - KSLA News 12 Shreveport, Louisiana News Weather & "
                         "Sports. Two men were shot at a party in Monroe on Friday night.")
    assert place.name == "Monroe"


def test_town_missing_from_gazetteer_keeps_the_stated_state(nlp):
    doc = nlp("A baby was shot at a home in Elmo, Missouri. Deputies went to the home in Elmo.")
    elmo = [p for p in geocode_doc(doc) if p.text == "Elmo"]
    assert elmo and all((p.admin1, p.country_code) == ("Missouri", "US") for p in elmo)


def test_surname_of_a_named_person_is_not_a_town(nlp):
    doc = nlp("Sheriff Bryan Weatherford said a man was shot in Ivanhoe, Texas. "
              "The man died at the scene, Weatherford said.")
    assert not [p for p in geocode_doc(doc) if p.text == "Weatherford"]


def test_block_of_street_is_not_a_town(nlp):
    doc = nlp("Deputies found the boy in the 1200 block of Holden in Augusta, Georgia.")
    assert "Holden" not in {p.text for p in geocode_doc(doc)}


def test_stray_neighbourhood_goes_to_the_city(nlp):
    place = _chosen(nlp, "MEMPHIS, Tenn. — A toddler was shot at a Whitehaven apartment complex "
                         "on Sunday, Memphis police said.")
    assert place.name == "Memphis"


def test_abbreviated_mount_is_found(gaz):
    assert gaz.candidates("Mt. Pleasant") and gaz.candidates("Ft. Myers")


def test_incident_place_prefers_the_town_other_reports_name(gaz):
    from corroborate.reconcile.incident import _place
    from corroborate.records import Report, ReportAnalysis

    houston = gaz.lookup("Houston", country_code="US")[0]
    katy = gaz.lookup("Katy", country_code="US", admin1="Texas")[0]

    def analysis(rid: str, chosen, *named):
        return ReportAnalysis(report=Report(id=rid, text="x"), place=chosen,
                              places=(chosen, *named))

    # one report filed from Houston names Katy too; the other chose Katy: a tie broken by it
    place, _ = _place([analysis("a", houston, katy), analysis("b", katy)])
    assert place.name == "Katy"
    # without the corroborating mention the bigger city still wins the tie
    place, _ = _place([analysis("a", houston), analysis("b", katy)])
    assert place.name == "Houston"


def test_city_and_full_state_name_anywhere(nlp):
    doc = nlp("Man asks for justice - WMC Action News 5 - Memphis, Tennessee. His brother was "
              "killed on Friday.")
    memphis = [p for p in geocode_doc(doc) if p.text == "Memphis"]
    assert memphis and (memphis[0].admin1, memphis[0].country_code) == ("Tennessee", "US")


def test_georgia_after_a_town_is_the_us_state(nlp):
    doc = nlp("CORDELE, Georgia (WXYZ) - A farmhand was hurt when a rifle went off in a barn.")
    place = choose_place(geocode_doc(doc), doc)
    assert (place.name, place.admin1, place.country_code) == ("Cordele", "Georgia", "US")


def test_washington_dc_is_a_city(nlp):
    place = _chosen(nlp, "A teenager was shot and killed in Southeast D.C. on Friday, D.C. "
                         "police said.")
    assert (place.name, place.kind) == ("Washington", "city")


def test_metro_police_is_not_a_city(nlp):
    doc = nlp("Metro Police are asking for help after a boy was shot in Las Vegas.")
    assert "Metro" not in {p.text for p in geocode_doc(doc) if p.resolved}


def test_foreign_desk_dateline_yields_to_the_event_country(nlp):
    place = _chosen(nlp, "MOSCOW (TASS) -- A bomb exploded on Monday in the Peruvian port of "
                         "Callao, police in Lima said. Two seamen were injured in Callao.")
    assert place.country_code == "PE"


def test_distance_reference_city_is_not_the_scene(nlp):
    place = _chosen(nlp, "Armed men raided a hamlet in Turbo municipality, 450 km northwest of "
                         "Bogota, late on Sunday. The army said 12 people died there.")
    assert place.name == "Turbo"


def test_score_places_on_plain_text_ranks_like_choose_place(nlp):
    from corroborate.extract.geo import score_places

    text = ("KATY, Texas (AP) - Two men were shot on Sunday in Katy, police said. One was "
            "taken to a hospital in Houston.")
    doc = nlp(text)
    places = geocode_doc(doc)
    ranked = score_places(places, text)
    assert ranked[0].place.name == "Katy"
    assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)
    assert choose_place(places, doc).name == ranked[0].place.name


def test_large_north_city_is_its_own_city(nlp):
    doc = nlp("A man was found shot to death in North Las Vegas late Wednesday. His employer "
              "runs stores throughout Las Vegas.")
    assert choose_place(geocode_doc(doc), doc).name == "North Las Vegas"


def test_street_address_names_the_scene(nlp):
    # the address outweighs a dateline from the big city that filed the story
    doc = nlp("LOUISVILLE, Ky. (AP) - State police are investigating a shooting. Troopers went "
              "to 3187 Cedar Hollow Road, Paoli, Indiana, and found a woman who had been "
              "wounded.")
    assert choose_place(geocode_doc(doc), doc).name == "Paoli"


def test_agency_span_still_names_its_city(nlp):
    doc = nlp("Miami Fire Rescue crews treated two men for gunshot wounds early Sunday.")
    assert any(p.name == "Miami" and p.admin1 == "Florida" for p in geocode_doc(doc))


def test_town_named_only_in_passing_does_not_take_the_county(nlp):
    doc = nlp("A woman was wounded Tuesday night in Putnam County, Putnam County deputies "
              "said. The Putnam County Sheriff's Office has opened an investigation. She was "
              "airlifted to Gainesville.")
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.kind, chosen.admin1) == ("admin2", "Florida")


def _needs_county_towns(gaz: Gazetteer) -> None:
    if not gaz.county_towns("Shelby County", "Tennessee"):
        pytest.skip("the optional zipcodes package (towns by county) is not installed")


def test_county_towns_biggest_first(gaz):
    _needs_county_towns(gaz)
    assert gaz.county_towns("Shelby County", "Tennessee")[0].name == "Memphis"
    assert "smith county" in gaz.town_counties("Tyler", "Texas")
    assert gaz.town_counties("Tyler", "Texas").isdisjoint({"shelby county"})


def test_county_gives_way_to_a_named_town_in_it(nlp, gaz):
    _needs_county_towns(gaz)
    text = ("Shelby County Sheriff's deputies are investigating a deadly shooting. Shelby "
            "County investigators said a man was shot on Sunday. Deputies found him in "
            "Memphis, Tennessee. The Shelby County medical examiner will perform an autopsy.")
    doc = nlp(text)
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.kind, chosen.name, chosen.admin1) == ("city", "Memphis", "Tennessee")


def test_town_of_another_county_does_not_take_the_county(nlp, gaz):
    _needs_county_towns(gaz)
    text = ("Smith County deputies responded to a shooting on Sunday. Smith County Sheriff "
            "Larry Smith said a man was shot in the leg. He grew up in Longview, Texas.")
    doc = nlp(text)
    chosen = choose_place(geocode_doc(doc), doc)
    assert chosen.name != "Longview"


def test_city_police_claim_a_neighbourhood_of_a_namesake_elsewhere(nlp):
    text = ("Boy shot in Woodlawn. A 3-year-old boy was shot on Sunday night in Woodlawn. "
            "Chicago police said the boy was taken to a hospital in critical condition.")
    doc = nlp(text)
    assert choose_place(geocode_doc(doc), doc).name == "Chicago"
    named = ("Boy shot in Woodlawn. A 3-year-old boy was shot on Sunday night in Woodlawn, "
             "Maryland. Baltimore County police said the boy was taken to a hospital.")
    doc = nlp(named)
    assert choose_place(geocode_doc(doc), doc).name == "Woodlawn"


def test_metro_police_name_their_city(nlp):
    text = ("Four shot in Broad Ripple overnight. Indianapolis Metro Police arrested a man "
            "who claimed self-defense after four people were shot in Broad Ripple.")
    doc = nlp(text)
    places = geocode_doc(doc)
    assert any(p.name == "Indianapolis" for p in places)
    assert choose_place(places, doc).name == "Indianapolis"


def test_postal_dateline_state_places_a_county(nlp):
    text = ("DESOTO, MO (KTVI) - A state trooper was hurt when a bullet struck his windshield "
            "during a chase in Washington County on Wednesday.")
    doc = nlp(text)
    county = next(p for p in geocode_doc(doc) if p.kind == "admin2")
    assert county.admin1 == "Missouri"


def test_abbreviated_name_is_the_spelled_out_town(nlp):
    # "Mt. Pleasant" is how news writes Mount Pleasant; an alias row spelled "Mt Pleasant"
    # abroad must not win over the US towns just because its spelling matches letter for letter
    text = "Mt. Pleasant teen charged. A 13-year-old boy was shot in a Mt. Pleasant home."
    doc = nlp(text)
    chosen = choose_place(geocode_doc(doc), doc)
    assert (chosen.name, chosen.country_code) == ("Mount Pleasant", "US")


def test_neighbourhood_of_an_unnamed_city_is_a_weak_guess(nlp):
    from corroborate.extract.geo import score_places

    text = ("Man killed at Chatham lounge. Gunfire at a lounge in the Chatham neighborhood "
            "killed one man, police said.")
    doc = nlp(text)
    part = score_places(geocode_doc(doc), doc)[0]
    plain = "Man killed at Chatham lounge. Gunfire at a Chatham lounge killed one man."
    doc2 = nlp(plain)
    town = score_places(geocode_doc(doc2), doc2)[0]
    assert part.place.name == town.place.name == "Chatham"
    assert part.score < 0.5 * town.score


def test_a_named_state_keeps_a_neighbourhood_the_town(nlp):
    text = ("ST. AUGUSTINE, Fla. - A boy was shot in St. Augustine on Sunday and flown to "
            "Jacksonville. Neighbors said gunfire is rare in the St. Augustine neighborhood.")
    doc = nlp(text)
    assert choose_place(geocode_doc(doc), doc).name == "Saint Augustine"


def test_a_river_is_not_the_town_of_that_name(nlp):
    text = ("CARTER COUNTY, MO - Two kayakers found a man's body with a gunshot wound in "
            "the Black River on Sunday, the county sheriff said.")
    doc = nlp(text)
    places = geocode_doc(doc)
    assert not any(p.name == "Black River" for p in places)
    assert choose_place(places, doc).name == "Carter County"


def test_borough_suffix_names_the_town(nlp):
    text = "Police responded to a home on Main Street in Hummelstown Borough, Pennsylvania."
    doc = nlp(text)
    town = next(p for p in geocode_doc(doc) if p.text.startswith("Hummelstown"))
    assert (town.name, town.admin1) == ("Hummelstown", "Pennsylvania")


def test_us_report_reads_a_bare_name_as_a_us_town(nlp):
    text = ("A man died after being shot in Florence, according to Jefferson County "
            "coroner's records in Alabama.")
    doc = nlp(text)
    florence = next(p for p in geocode_doc(doc) if p.text == "Florence")
    assert (florence.kind, florence.country_code) == ("city", "US")


def test_in_county_knows_a_postal_town_and_says_when_it_cannot_tell() -> None:
    from corroborate.extract.geo import Gazetteer

    gaz = Gazetteer.default()
    if not gaz.town_counties("Dallas", "Georgia"):
        pytest.skip("the optional zipcodes package (towns by county) is not installed")
    assert gaz.in_county("Dallas", "Paulding County", "Georgia") is True
    assert gaz.in_county("Macon", "Paulding County", "Georgia") is False
    assert gaz.in_county("Nowhereville", "Paulding County", "Georgia") is None
