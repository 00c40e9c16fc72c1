"""Count extraction on short sentences, the Kerman seeds and upper-case wire text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corroborate.eval.datasets import shared_dir
from corroborate.extract.counts import CountMention, extract_counts, report_count


@pytest.fixture(scope="module")
def nlp() -> Any:
    from corroborate.extract.nlp import load_nlp

    try:
        return load_nlp()
    except Exception as exc:  # pragma: no cover - model missing in a bare env
        pytest.skip(f"spaCy model not available: {exc}")


def _figures(nlp: Any, text: str) -> dict[str, tuple[int, str]]:
    mentions = extract_counts(nlp(text))
    out = {}
    for slot in ("killed", "injured", "hospitalized", "explosions", "arrested", "kidnapped"):
        best = report_count(mentions, slot)
        if best is not None:
            out[slot] = (best.value, best.qualifier)
    return out


def test_coordination_distributes_hedge(nlp: Any) -> None:
    got = _figures(nlp, "Two separate explosions left at least 40 people killed and 70 injured.")
    assert got["killed"] == (40, "at_least")
    assert got["injured"][0] == 70
    assert got["explosions"] == (2, "exact")


def test_hospitalized_is_not_injured(nlp: Any) -> None:
    got = _figures(nlp, "Officials said some 60 injured people have been taken to hospitals.")
    assert got["hospitalized"] == (60, "about")
    assert "injured" not in got


def test_death_toll_update_wins(nlp: Any) -> None:
    text = ("Twelve people were killed in the blast on Monday. "
            "By Tuesday the death toll rose to 19, officials said.")
    mentions = extract_counts(nlp(text))
    best = report_count(mentions, "killed")
    assert best is not None and best.value == 19 and best.update == "rose_to"


def test_shot_two_fatally(nlp: Any) -> None:
    got = _figures(nlp, "Five people were shot, two fatally, outside a bar on Saturday.")
    assert got["killed"][0] == 2
    assert got["injured"][0] == 3


def test_single_victims(nlp: Any) -> None:
    got = _figures(nlp, "A man was shot and killed on Sunday night. "
                        "Police said a woman was wounded and taken to a hospital.")
    assert got["killed"] == (1, "exact")
    assert got["injured"] == (1, "exact")


def test_same_victim_counted_once(nlp: Any) -> None:
    got = _figures(nlp, "A 41-year-old cyclist was shot in the back late on Friday. "
                        "He died at the hospital, police said.")
    assert got["killed"][0] == 1
    assert "injured" not in got


def test_non_casualty_numbers_ignored(nlp: Any) -> None:
    text = ("The 35-year-old was arrested in the 500 block of Main Street at 11 p.m. "
            "in 2015, about 700 metres from the 11-month-old's home.")
    mentions = extract_counts(nlp(text))
    assert all(m.slot == "arrested" for m in mentions)
    assert all(m.value != 35 and m.value != 500 and m.value != 700 for m in mentions)


def test_skip_sentences(nlp: Any) -> None:
    doc = nlp("Three people were killed on Monday. In 2022 a similar attack killed 15 people.")
    second = list(doc.sents)[1].start_char
    assert report_count(extract_counts(doc), "killed").value == 15  # type: ignore[union-attr]
    kept = extract_counts(doc, skip_sentences={second})
    assert all(m.sent_start != second for m in kept)
    assert report_count(kept, "killed").value == 3  # type: ignore[union-attr]


def test_upper_case_wire_text(nlp: Any) -> None:
    got = _figures(nlp, "THREE REBELS WERE KILLED AND SEVEN OTHERS WERE WOUNDED IN AN "
                        "AMBUSH ON MONDAY.")
    assert got["killed"] == (3, "exact")
    assert got["injured"] == (7, "exact")


def test_mention_spans_point_at_evidence(nlp: Any) -> None:
    doc = nlp("Police said at least 12 people were wounded in the attack.")
    mention = next(m for m in extract_counts(doc) if m.slot == "injured")
    assert isinstance(mention, CountMention)
    assert "12" in doc.text[mention.start:mention.end]
    assert doc.text[mention.sent_start:].startswith("Police")
    assert mention.rule.startswith("counts.")


def _seed(name: str) -> str:
    seeds = Path(shared_dir()) / "seeds"
    matches = sorted(seeds.glob(f"{name}_*.txt")) if seeds.is_dir() else []
    if not matches:
        pytest.skip(f"seed {name} not found under {seeds}")
    return matches[0].read_text(encoding="utf-8")


def test_seed_000(nlp: Any) -> None:
    got = _figures(nlp, _seed("000"))
    assert got["killed"] == (103, "at_least")
    assert got["injured"] == (171, "at_least")
    assert got["hospitalized"][1] == "vague"
    assert got["explosions"] == (2, "exact")


def test_seed_001_and_referenced_incident(nlp: Any) -> None:
    doc = nlp(_seed("001"))
    older = [s.start_char for s in doc.sents if "In 2022" in s.text or "in 2017" in s.text]
    mentions = extract_counts(doc, skip_sentences=set(older))
    killed = report_count(mentions, "killed")
    injured = report_count(mentions, "injured")
    hosp = report_count(mentions, "hospitalized")
    assert killed is not None and (killed.value, killed.qualifier) == (103, "at_least")
    assert injured is not None and injured.value == 211
    assert hosp is not None and (hosp.value, hosp.qualifier) == (141, "about")
    assert all(m.value != 15 for m in mentions)
    explosions = report_count(mentions, "explosions")
    assert explosions is not None and explosions.value == 2


def test_condition_counts_the_wounded(nlp: Any) -> None:
    got = _figures(nlp, "Two guards died, and two others remain in critical condition.")
    assert got["killed"][0] == 2
    assert got["injured"][0] == 2


def test_in_the_hospital_is_hospitalized(nlp: Any) -> None:
    got = _figures(nlp, "Four others were in the hospital after the shooting on Sunday.")
    assert got["hospitalized"][0] == 4


def test_toddler_who_shot_himself_is_one_injured_victim(nlp: Any) -> None:
    got = _figures(nlp, "A 2-year-old boy accidentally shot himself in the leg on Friday. "
                        "Medics said the child is expected to recover.")
    assert "killed" not in got
    assert got["injured"] == (1, "exact")


def test_child_who_died_after_shooting_himself_is_one_death(nlp: Any) -> None:
    got = _figures(nlp, "On Sunday a toddler died after he accidentally shot himself with a pistol "
                        "he found in a drawer. Relatives described him as a cheerful child.")
    assert got["killed"] == (1, "exact")


def test_murder_suicide_counts_the_shooter(nlp: Any) -> None:
    got = _figures(nlp, "Police said the man shot and killed his wife before killing himself.")
    assert got["killed"] == (2, "exact")


def test_first_name_and_full_name_are_one_victim(nlp: Any) -> None:
    got = _figures(nlp, "Orrin Vasquez-Teal was shot and killed by a cousin on Sunday. "
                        "Orrin was rushed to a county clinic where he died.")
    assert got["killed"] == (1, "exact")


def test_nobody_killed_is_no_death(nlp: Any) -> None:
    got = _figures(nlp, "Two men were wounded. It is lucky that no one was killed.")
    assert "killed" not in got
    assert got["injured"] == (2, "exact")


def test_photo_gallery_numbers_are_not_counts(nlp: Any) -> None:
    got = _figures(nlp, "Photo 4 of 12 A cyclist died Thursday morning after being shot.")
    assert got["killed"] == (1, "exact")


def test_verb_does_not_take_a_number_across_a_line_break(nlp: Any) -> None:
    got = _figures(nlp, "Key points\n\nJohn Doe, 27, was killed\n\nSix others struck by bullets")
    assert got["killed"] == (1, "exact")


def test_victims_of_earlier_shootings_are_not_counted(nlp: Any) -> None:
    text = ("Three people were wounded in a shooting on Main Street on Friday. Neighbours "
            "recalled a neighbour killed in an earlier shooting on that corner weeks earlier.")
    got = _figures(nlp, text)
    assert "killed" not in got
    assert got["injured"] == (3, "exact")


def test_headline_line_break_does_not_mark_a_new_victim(nlp: Any) -> None:
    # "3 Other Trucks" in the headline must not make the child in the lead "another" victim.
    got = _figures(nlp, "Girl, 7, Dies After Shots Fly Between 3 Other Trucks\n\n"
                        "A young passenger sitting in the rear of a pickup died Tuesday night.")
    assert got["killed"][0] == 1


def test_later_death_goes_to_the_victim_already_dead(nlp: Any) -> None:
    got = _figures(nlp, "One student is dead and another is hurt after gunfire at a birthday "
                        "barbecue. Classmates named the 17-year-old as Darnell Okafor; he died "
                        "of his wounds.")
    assert got["killed"][0] == 1
    assert got["injured"][0] == 1


def test_possessive_is_not_the_victims_gender(nlp: Any) -> None:
    got = _figures(nlp, "The accidental shooting left a 24-year-old woman dead. "
                        "A man was charged after the shooting that left his friend dead.")
    assert got["killed"][0] == 1


def test_self_inflicted_leg_wound_is_an_injury(nlp: Any) -> None:
    got = _figures(nlp, "Officers say the boy found a revolver in a closet, picked it up and "
                        "then shot himself in the foot.")
    assert "killed" not in got
    assert got["injured"][0] == 1


def test_accidental_self_shooting_is_one_death(nlp: Any) -> None:
    got = _figures(nlp, "An aunt said her nephew died when a pistol went off by mistake. "
                        "Neighbours told deputies that the 13-year-old shot himself while "
                        "cleaning the weapon in a bedroom.")
    assert got["killed"][0] == 1


def test_shooter_who_killed_himself_is_counted_with_his_victims(nlp: Any) -> None:
    got = _figures(nlp, "A woman killed 2 sons inside a parked van before shooting herself, "
                        "troopers say.")
    assert got["killed"][0] == 3


def test_toll_including_the_gunman_is_not_raised(nlp: Any) -> None:
    got = _figures(nlp, "Police said two victims, including the gunman, were found dead. "
                        "The gunman shot his wife and then killed himself.")
    assert got["killed"][0] == 2


def test_victim_of_last_weeks_shooting_is_not_counted(nlp: Any) -> None:
    got = _figures(nlp, "A 9-year-old girl was hurt by a stray round on Tuesday. "
                        "Mourners at the church remembered a cook who was killed in gunfire "
                        "two weeks ago.")
    assert "killed" not in got
    assert got["injured"][0] == 1


def _injured(got: dict[str, tuple[int, str]]) -> int:
    return got["injured"][0] if "injured" in got else 0


def test_coordinated_predicate_shares_its_subject(nlp: Any) -> None:
    # "... was shot ... and died": one victim, who died (not a second, wounded one).
    got = _figures(nlp, "Officers said Omar Quill was killed on Sunday. Lena Varga was hit in "
                        "the neck and died on the sidewalk.")
    assert got["killed"][0] == 2
    assert _injured(got) == 0


def test_shooter_before_his_object_is_not_a_victim(nlp: Any) -> None:
    got = _figures(nlp, "Deputies say a man shot girlfriend during a dispute over rent. She is "
                        "listed in stable condition at a clinic.")
    assert _injured(got) == 1


def test_question_about_anyone_names_no_victim(nlp: Any) -> None:
    got = _figures(nlp, "A woman was shot in the arm. A deputy asked the man whether anyone "
                        "was hurt.")
    assert _injured(got) == 1


def test_possessive_object_is_the_victim(nlp: Any) -> None:
    got = _figures(nlp, "A woman told the 911 operator her boyfriend shot her toddler and then "
                        "himself. The boy died in the kitchen.")
    assert _injured(got) == 0


def test_fatally_shot_count_is_killed(nlp: Any) -> None:
    got = _figures(nlp, "The intruder fatally shot three guests in the hotel lobby.")
    assert got["killed"][0] == 3
    assert _injured(got) == 0


def test_shot_total_below_the_dead_leaves_no_wounded(nlp: Any) -> None:
    got = _figures(nlp, "The gunman shot two members of the band. Three people were killed.")
    assert got["killed"][0] == 3
    assert _injured(got) == 0


def test_some_point_is_not_a_count(nlp: Any) -> None:
    got = _figures(nlp, "At some point the gunman shot the clerk in the chest. The clerk "
                        "later died at a trauma center.")
    assert got["killed"][0] == 1
    assert _injured(got) == 0


def test_recovering_victim_is_injured(nlp: Any) -> None:
    got = _figures(nlp, "Okafor died at the medical center. The other student is recovering.")
    assert got["killed"][0] == 1
    assert _injured(got) == 1


def test_abbreviated_month_day_is_not_a_count(nlp: Any) -> None:
    got = _figures(nlp, "He is charged with murder in the Oct. 12 deaths of his two neighbours.")
    assert got.get("killed", (0, ""))[0] != 12


def test_number_on_an_earlier_line_is_not_a_count(nlp: Any) -> None:
    got = _figures(nlp, "Slide 14 Gallery\n\nA woman died on Tuesday after a shooting.")
    assert got["killed"][0] == 1


def test_agent_does_not_give_the_victim_a_gender(nlp: Any) -> None:
    got = _figures(nlp, "Grandmother shot by her grandson dies. The woman died on Monday, "
                        "a day after the shooting.")
    assert got["killed"][0] == 1


def test_killing_him_is_a_death(nlp: Any) -> None:
    got = _figures(nlp, "A stray round struck the cook in the chest, killing him.")
    assert got["killed"][0] == 1


def test_two_victims_as_object_of_a_killing(nlp: Any) -> None:
    got = _figures(nlp, "The landlord fatally shot a neighbor and her nephew in the stairwell.")
    assert got["killed"][0] == 2


def test_relatives_sharing_a_surname_are_two_victims(nlp: Any) -> None:
    got = _figures(nlp, "Coroners said Milo Varga died of gunshot wounds and his wife, Petra "
                        "Varga, died at a clinic.")
    assert got["killed"][0] == 2


def test_named_murder_suicide_counts_the_shooter(nlp: Any) -> None:
    got = _figures(nlp, "Detectives called it a murder-suicide. The teenager succumbed at the "
                        "scene, and the uncle's self-inflicted wound proved fatal.")
    assert got["killed"][0] == 2


def test_considered_murder_suicide_is_not_a_finding(nlp: Any) -> None:
    got = _figures(nlp, "So far the sheriff has not ruled out a murder-suicide. The retiree "
                        "succumbed to a self-inflicted wound at his cabin.")
    assert got["killed"][0] == 1


def test_shooter_killed_by_police_is_counted(nlp: Any) -> None:
    got = _figures(nlp, "Three people were killed by a man at a warehouse. The gunman was shot "
                        "and killed by officers minutes later.")
    assert got["killed"][0] == 4


def test_dated_list_of_past_cases_is_not_counted(nlp: Any) -> None:
    text = ("Officers said a cook was shot and killed behind the diner on Friday.\n\n"
            "EARLIER CASES IN THE VALLEY Feb. 3: Orin Pell shot his landlord. Pell, a retired "
            "plumber, then fatally shot himself. Oct. 9: Ada Quist, 30, is shot and killed "
            "near a quarry.")
    assert _figures(nlp, text)["killed"][0] == 1


def test_hypothetical_suicide_is_not_a_second_death(nlp: Any) -> None:
    text = ("Deputies say one teenager died in the gunfire on Elm Court. Detectives have not said "
            "who shot the boy, or if the boy shot himself.")
    assert _figures(nlp, text)["killed"][0] == 1


def test_child_who_killed_herself_before_is_one_death(nlp: Any) -> None:
    text = ("A 4-year-old girl was found dead in a bedroom. Deputies said she picked up "
            "a pistol from a couch, before killing herself.")
    assert _figures(nlp, text)["killed"][0] == 1


def test_headline_harm_is_not_the_self_shooter_victims(nlp: Any) -> None:
    text = ("Shooting killed a child on Birch Lane\n\nAn arrest was made after a 2-year-old "
            "fatally shot himself on Birch Lane.")
    assert _figures(nlp, text)["killed"][0] == 1


def test_weekend_roundup_figures_are_not_the_incident(nlp: Any) -> None:
    text = ("A clerk was shot and killed during a robbery on Oak Street on Saturday. Five "
            "people were killed and nine others wounded in weekend shootings across the city.")
    got = _figures(nlp, text)
    assert got["killed"][0] == 1
    assert "injured" not in got or got["injured"][0] == 0


def test_age_before_a_singular_verb_is_not_a_count(nlp: Any) -> None:
    got = _figures(nlp, "Calvin Ruiz, 24 was shot in the chest and Ada Moss, 26 was shot "
                        "in the leg.")
    assert got.get("injured", (0,))[0] <= 2  # not 26 people shot


def test_numbers_that_name_things_are_not_counts(nlp: Any) -> None:
    got = _figures(nlp, 'The song being filmed is called "Two techs and a 50 shot." '
                        "A 4 yo boy shot on Elm Street was listed in stable condition. "
                        "His aunt told News 8 that doctors at the hospital expect him to recover.")
    assert got["injured"][0] == 1
    assert got.get("hospitalized", (1,))[0] == 1


def test_others_shot_are_not_net_of_the_dead(nlp: Any) -> None:
    got = _figures(nlp, "One man was killed and six others shot outside a bar on Sunday.")
    assert (got["killed"][0], got["injured"][0]) == (1, 6)


def test_explicit_wounded_beats_a_larger_shot_total_net_of_the_dead(nlp: Any) -> None:
    got = _figures(nlp, "Three men were killed and seven others injured at a barbershop. "
                        "The chief said nine people were shot inside the shop.")
    assert got["injured"][0] == 7


def test_shot_and_wounded_and_none_fatally_are_all_wounded(nlp: Any) -> None:
    got = _figures(nlp, "Two people were killed and nine people were shot and wounded.")
    assert got["injured"][0] == 9
    got = _figures(nlp, "Eight people were shot, none fatally, and the gunman was killed.")
    assert got["injured"][0] == 8


@pytest.mark.parametrize("text", [
    "Nine people, including a toddler, were shot in Memphis in about six hours.",
    "Gunmen wounded 19 people across the city over the holiday, officials said.",
    "The outbreak left 28 people shot and 10 killed in the city since Friday.",
    "Four injured during violent weekend in Dayton.",
    "Two dozen shootings, in which five people were killed, kept detectives busy.",
])
def test_more_roundups_are_not_the_incident(nlp: Any, text: str) -> None:
    got = _figures(nlp, "A boy, 2, was shot in a home on Sunday. " + text)
    assert got.get("killed", (0,))[0] == 0
    assert got["injured"][0] == 1


def test_bodies_are_dead(nlp: Any) -> None:
    assert _figures(nlp, "Three bodies were found in a home on Elm Street.")["killed"][0] == 3


def test_hospitalized_who_died_there_are_not_hurt(nlp: Any) -> None:
    got = _figures(nlp, "The two victims were taken to a nearby hospital where they later "
                        "died from their injuries.")
    assert "hospitalized" not in got


@pytest.mark.parametrize(("text", "dead"), [
    ("Father kills wife, son, daughter, then himself", 4),
    ("Man killed wife, 4 kids then himself in rural home", 6),
    ("Gunman fatally shoots 3 musicians, self in Brooklyn", 4),
    ("Police say a man shot and killed his wife and son before killing himself.", 3),
])
def test_a_list_of_the_dead_ending_with_the_shooter(nlp: Any, text: str, dead: int) -> None:
    assert _figures(nlp, text)["killed"][0] == dead


def test_an_ordinal_victim_counts_those_before(nlp: Any) -> None:
    got = _figures(nlp, "Police now say an 8th teen was injured in the party shooting.")
    assert got["injured"] == (8, "at_least")


def test_smoke_inhalation_is_not_a_gunshot_injury(nlp: Any) -> None:
    got = _figures(nlp, "A man was shot dead in the house. Three officers were taken to a "
                        "hospital for smoke inhalation.")
    assert "hospitalized" not in got and "injured" not in got


def test_a_vigil_names_no_new_dead(nlp: Any) -> None:
    got = _figures(nlp, "Four people were wounded when a gunman fired into a crowd. The "
                        "vigil was for a woman's son, who was killed last month.")
    assert "killed" not in got
    assert got["injured"][0] == 4


def test_a_named_victim_and_a_new_one_in_a_headline(nlp: Any) -> None:
    text = ("17-year-old Ravi Okafor killed, 21-year-old woman injured in Elm Park shooting\n\n"
            "Seventeen-year-old Ravi Okafor was killed and a woman was wounded in a shooting "
            "Tuesday afternoon.")
    got = _figures(nlp, text)
    assert (got["killed"][0], got["injured"][0]) == (1, 1)


def test_a_pair_without_a_second_article(nlp: Any) -> None:
    assert _figures(nlp, "A woman and 3-year-old child were killed on Elm Street.")[
        "killed"][0] == 2


def test_a_related_stories_block_is_not_the_incident(nlp: Any) -> None:
    text = ("A man was shot in the leg on Elm Street on Sunday.\n\nALSO\n\nDeputies say man "
            "shot and killed uncle and 6-year-old niece\n\nZoo welcomes two penguin chicks")
    got = _figures(nlp, text)
    assert "killed" not in got


def test_a_word_before_a_person_noun_is_not_the_victims_name(nlp: Any) -> None:
    # the tagger reads "Lakewood" as a person; "Lakewood boy" is a boy from Lakewood
    text = ("Police: Lakewood boy killed himself after quarrel with father\n\nWhen officers "
            "arrived, they found Ian Petrov dead in the bottom-floor apartment.")
    assert _figures(nlp, text)["killed"][0] == 1


def test_an_apposition_is_not_another_item_of_the_list(nlp: Any) -> None:
    text = ("Police say Tom Ruiz shot and killed 38-year-old Ana Ruiz and another man, "
            "43-year-old Joe Cole before turning the gun on himself.")
    assert _figures(nlp, text)["killed"][0] < 4  # three dead at most, not four


def test_a_part_of_the_wounded_is_marked_and_yields_to_the_whole(nlp: Any) -> None:
    part = report_count(extract_counts(nlp("Two of the victims remain in critical "
                                           "condition.")), "injured")
    assert part is not None and part.rule == "counts.partitive.v1"
    got = _figures(nlp, "Several people were wounded. Two of the victims remain in critical "
                        "condition.")
    assert got["injured"][1] == "vague"  # the whole, though vague, not the part


def test_the_wounded_beside_the_final_toll_beat_an_earlier_larger_count(nlp: Any) -> None:
    got = _figures(nlp, "Four killed, one wounded in shooting at a farmhouse. Deputies found "
                        "two people shot to death and three wounded. Two of the wounded "
                        "had died by Sunday.")
    assert (got["killed"][0], got["injured"][0]) == (4, 1)
    # a "shot" total net of the dead is another measure, not an earlier count
    got = _figures(nlp, "Two Dead, Two Deputies Wounded After Standoff\n\nFive people were "
                        "shot on Friday, including two men who were killed.")
    assert got["injured"][0] == 3


def test_a_relative_of_the_dead_is_another_victim(nlp: Any) -> None:
    got = _figures(nlp, "A 7-year-old boy has died and his father remains in the hospital "
                        "after an accidental shooting.")
    assert got["killed"][0] == 1
    assert got["hospitalized"][0] == 1


def test_a_headline_says_how_many_die(nlp: Any) -> None:
    got = _figures(nlp, "2 men die after triple shooting on Alder Street\n\nOfficers said three "
                        "people were shot late Tuesday night.")
    # the two dead are among the three shot: one wounded is left
    assert (got["killed"][0], got["injured"][0]) == (2, 1)


def test_injuries_from_a_fight_or_a_car_are_not_the_shootings(nlp: Any) -> None:
    fight = _figures(nlp, "A clerk was shot outside the diner on Monday. Six "
                          "fans were injured in a brawl at a stadium.")
    assert fight["injured"][0] == 1
    car = _figures(nlp, "The man then rammed his truck into the patrol cars, injuring two "
                        "deputies.")
    assert "injured" not in car
    # a shooting in the same sentence keeps the figure
    shot = _figures(nlp, "Two people were injured when a man started shooting during a brawl.")
    assert shot["injured"][0] == 2


def test_a_shot_total_is_net_of_the_victims_not_of_the_shooter(nlp: Any) -> None:
    got = _figures(nlp, "Gunman kills 3 coworkers, self in Toledo\n\nA fourth victim was "
                        "shot twice in the leg but is expected to recover.")
    assert (got["killed"][0], got["injured"][0]) == (4, 1)


def test_an_active_verb_counts_the_doers_not_the_victims(nlp: Any) -> None:
    got = _figures(nlp, "Seven kids have killed or wounded themselves with handguns they "
                        "found in closets, the sheriff said.")
    assert "killed" not in got
    assert _figures(nlp, "Seven kids have been killed.")["killed"][0] == 7


def test_the_hospitalized_among_whom_a_named_victim_died_are_not_the_hurt(nlp: Any) -> None:
    got = _figures(nlp, "The three were rushed to a hospital, where Dana Okafor died.")
    assert "hospitalized" not in got
    # "where one died": the others are still the hospitalized
    some = _figures(nlp, "Four people were rushed to a hospital, where one died.")
    assert some["hospitalized"][0] == 4


def test_one_person_and_a_number_of_others_add_up(nlp: Any) -> None:
    got = _figures(nlp, "Names released of baby, 2 men killed in Friday shooting\n\nA baby "
                        "and two men died in a shooting that also left two others injured.")
    assert (got["killed"][0], got["injured"][0]) == (3, 2)
    assert _figures(nlp, "Two women and a boy were wounded on Monday.")["injured"][0] == 3
    # a death toll beside one wounded man is not one list
    got = _figures(nlp, "3 dead, woman wounded in gunfire at party")
    assert (got["killed"][0], got["injured"][0]) == (3, 1)


def test_injuring_another_is_one_more_hurt(nlp: Any) -> None:
    got = _figures(nlp, "Detectives are looking into gunfire that left three dead and injured "
                        "another late Friday.")
    assert (got["killed"][0], got["injured"][0]) == (3, 1)
    assert "injured" not in _figures(nlp, "Detectives are looking into gunfire that left "
                                          "three dead late Friday.")


def test_a_headline_names_two_bare_victims(nlp: Any) -> None:
    got = _figures(nlp, "Sheriff: 8-Year-Old Boy, Woman Shot\n\nAn 8-year-old boy was struck by "
                        "a stray round on Monday.")
    assert got["injured"][0] == 2
    assert _figures(nlp, "Baby, Woman Killed in Ohio Shooting")["killed"][0] == 2
    # one killed and one wounded are two clauses, not one pair
    got = _figures(nlp, "Woman killed, man wounded in Tulsa shooting")
    assert (got["killed"][0], got["injured"][0]) == (1, 1)



def test_an_officer_and_the_gunman_are_two_victims(nlp: Any) -> None:
    got = _figures(nlp, "Deputy Hurt, Gunman Dead After Standoff\n\n"
                        "A gunman was killed in a standoff on Friday.")
    assert got["killed"][0] == 1 and got["injured"][0] == 1
    got = _figures(nlp, "An officer was shot in the arm. The suspect was killed.")
    assert got["killed"][0] == 1 and got["injured"][0] == 1


def test_a_victim_left_dead_beside_a_wounded_one(nlp: Any) -> None:
    got = _figures(nlp, "A fire fight left a 4-year-old boy dead and a man wounded.")
    assert got["killed"][0] == 1 and got["injured"][0] == 1


def test_a_dated_earlier_death_after_since_is_not_counted(nlp: Any) -> None:
    got = _figures(nlp, "The street had been calm since a teen was stabbed to death there "
                        "on March 3.")
    assert "killed" not in got


def test_a_negated_officer_and_an_officer_as_shooter_name_no_victim(nlp: Any) -> None:
    got = _figures(nlp, "The robber was killed. Neither officer was injured.")
    assert got["killed"][0] == 1 and "injured" not in got
    got = _figures(nlp, "The gunman was killed. No officers or anyone else inside the bank "
                        "was injured.")
    assert "injured" not in got
    # the man shot by an officer and the suspect pronounced dead are one person
    got = _figures(nlp, "The man who was shot by a state trooper late Sunday has died. "
                        "The suspect was pronounced dead at the hospital.")
    assert got["killed"][0] == 1
