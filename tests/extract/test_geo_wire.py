"""Wire copy: header lines, relayed datelines, directions before a city and other all-caps
traps. The sentences are invented in the style of translated radio and agency wires."""

from __future__ import annotations

from corroborate.extract.geo import choose_place, geocode_doc


def _chosen(nlp, text: str):
    doc = nlp(text)
    return choose_place(geocode_doc(doc), doc)


def test_header_lines_are_no_lead_so_the_first_sentence_names_the_scene(nlp):
    text = ("LIMA, 3 FEB 90 (RADIO NACIONAL) -- [REPORT] [PEDRO QUISPE] [TEXT] "
            "VIOLENCE GOES ON IN AREQUIPA. UNKNOWN MEN THREW TWO STICKS OF DYNAMITE AT A "
            "POWER PYLON THIS MORNING AND FLED.")
    chosen = _chosen(nlp, text)
    assert chosen is not None and (chosen.name, chosen.country_code) == ("Arequipa", "PE")


def test_a_dateline_relayed_after_the_desks_own_is_the_scene(nlp):
    text = ("QUITO, 5 MAR 90 (RADIO CENTRO) -- [TEXT] GUAYAQUIL -- THE PORT'S TRADERS CLOSED "
            "THEIR SHOPS TODAY TO PROTEST THE ABDUCTION OF A SHIPPING AGENT LAST WEEK.")
    chosen = _chosen(nlp, text)
    assert chosen is not None and (chosen.name, chosen.country_code) == ("Guayaquil", "EC")


def test_a_dateline_without_a_year_is_still_a_dateline(nlp):
    chosen = _chosen(nlp, "MANAGUA, 4 JUN (AFP) -- [TEXT] A BOMB DAMAGED A BANK BRANCH HERE "
                          "TONIGHT, THE POLICE SAID.")
    assert chosen is not None and (chosen.name, chosen.country_code) == ("Managua", "NI")


def test_an_undated_dateline_names_no_place(nlp):
    places = geocode_doc(nlp("CLANDESTINE, NO DATE (RADIO FARO) -- [TEXT] OUR UNITS WILL GO ON "
                             "FIGHTING IN EVERY PROVINCE OF THE COUNTRY."))
    assert not any(p.resolved and "DATE" in p.text for p in places)


def test_a_direction_before_a_city_is_the_city_not_a_region(nlp):
    places = geocode_doc(nlp("REBELS BURNED TWO BUSES LAST NIGHT IN NORTHWEST SAN SALVADOR, "
                             "THE ARMY SAID."))
    assert [(p.name, p.country_code, p.kind) for p in places if p.resolved] == [
        ("San Salvador", "SV", "city")]


def test_ordinary_words_are_no_regions_in_caps(nlp):
    places = geocode_doc(nlp("THE ATTACK CAME IN THE MIDDLE OF THE TRUCE AND WAS ONE OF THE "
                             "MOST SERIOUS IN THE WAR, GUATEMALAN OFFICIALS SAID."))
    assert not any(p.kind == "admin1" for p in places)


def test_a_neighbourhood_of_the_city_of_credits_the_city(nlp):
    text = ("BOGOTA, 7 SEP 89 (RADIO CARACOL) -- [TEXT] A BOMB WENT OFF AT A SHOE STORE IN THE "
            "ARANJUEZ NEIGHBORHOOD OF THE CITY OF MEDELLIN EARLY TODAY; THE OWNER WAS UNHURT.")
    chosen = _chosen(nlp, text)
    assert chosen is not None and chosen.name == "Medellín"


def test_a_distance_from_a_city_written_long_hand_is_a_reference_point(nlp):
    text = ("SAN SALVADOR, 9 SEP 89 (EFE) -- [TEXT] GUERRILLAS AMBUSHED AN ARMY TRUCK 47 KM TO "
            "THE NORTH OF SAN SALVADOR TODAY. THE CLASH TOOK PLACE IN SUCHITOTO.")
    chosen = _chosen(nlp, text)
    assert chosen is not None and chosen.name == "Suchitoto"


def test_upper_case_cross_streets_are_no_town(nlp):
    places = geocode_doc(nlp("A BOMB EXPLODED TODAY AT THE CORNER OF SARMIENTO AND SAN MARTIN "
                             "STREETS IN BUENOS AIRES."))
    assert not any(p.text == "SARMIENTO" for p in places)
