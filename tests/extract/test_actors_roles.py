"""Perpetrator role patterns added for wire and general news (short sentences written here)."""

from __future__ import annotations

import pytest

from corroborate.extract.actors import extract_actors
from corroborate.extract.nlp import load_nlp

_PERP = {"perpetrator", "suspected_perpetrator", "responsibility"}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _perps(nlp, text: str) -> set[tuple[str, str]]:
    return {(m.slot, m.value) for m in extract_actors(nlp(text)) if m.slot in _PERP}


@pytest.mark.parametrize(("text", "slot", "value"), [
    # a description between the subject and its verb
    ("Two men riding a scooter set off a grenade near the clinic.", "perpetrator", "men"),
    ("Unidentified assailants in a pickup truck fired at the teachers.",
     "perpetrator", "unidentified assailants"),
    ("Four heavily armed men, who posed as agents, kidnapped the businessman.",
     "perpetrator", "heavily armed men"),
    ("The Avengers, the armed branch of the gang, gunned down a prosecutor.",
     "perpetrator", "Avengers"),
    # singular agent nouns
    ("A gunman opened fire on worshippers at the mosque.", "perpetrator", "gunman"),
    ("A terrorist killed the candidate at the airport.", "perpetrator", "terrorist"),
    # coordinated and progressive verbs, attempts, threats, "set ... on fire"
    ("Masked men walked up to the depot and planted a bomb beside a van.",
     "perpetrator", "masked men"),
    ("The air force is bombing villages near the volcano.", "perpetrator", "air force"),
    ("An unknown armed group tried to attack the consul's house.",
     "perpetrator", "unknown armed group"),
    ("Rebels set two trucks on fire on the highway.", "perpetrator", "rebels"),
    # an acronym in apposition before the claim
    ("The Northern Liberation Front, NLF, has claimed responsibility for the explosion.",
     "responsibility", "Northern Liberation Front"),
    # attribution and blame
    ("The insurgents blamed the government and the armed forces for the killing.",
     "suspected_perpetrator", "government"),
    ("The insurgents blamed the government and the armed forces for the killing.",
     "suspected_perpetrator", "armed forces"),
    ("We hold the army responsible for the massacre.", "suspected_perpetrator", "army"),
    ("The evidence shows that army members, who remain unidentified, are responsible "
     "for the murder.", "suspected_perpetrator", "army"),
    ("Investigators said members of the armed forces carried out the murder.",
     "perpetrator", "armed forces"),
    ("Police suspect that gang members were behind the shooting.",
     "suspected_perpetrator", "gang members"),
    ("Officials blamed the police for the killing of the protester.",
     "suspected_perpetrator", "police"),
    # hostage release names the captors
    ("The kidnapped engineers were released today by ELN guerrillas.",
     "perpetrator", "guerrillas"),
])
def test_new_role_patterns(nlp, text, slot, value):
    assert (slot, value) in _perps(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("The terrorist attack killed 20 people.", "terrorist"),          # modifier, not actor
    ("According to the police, gunmen stormed the hotel.", "police"),  # the source
    ("The president accused the rebels of inflexible stands in the talks.", "rebels"),
    ("Officials said the cartel is involved in drug trafficking.", "Medellin Cartel"),
    ("The government launched a new jobs program.", "government"),     # not blamed
    ("The hostages were freed by police after a siege.", "police"),    # a rescue
    ("Police said they will hold talks with the unions.", "police"),
    ("Police in the town say a boy shot himself with a handgun.", "police"),
    ("The foreign military there has since come under fire from mortars.", "military"),
    ("Three army personnel killed in the clash were buried today.", "army"),
    ("The army reported that it captured weapons and arrested two men.", "army"),
    ("Police shot the man after he aimed a rifle at deputies.", "police"),
    ("Tom Baker was behind an interior door when the shots rang out.", "Tom Baker"),
    ("Perkins is charged with killing Dwayne Ortiz, 19, last month.", "Dwayne Ortiz"),
    ("Carl Mendez killed in shooting on East block\n\nBy Nora Palmquist and Owen Treadwell",
     "Owen Treadwell"),                                                    # a byline
    ("Sherri Papini was released by her captor on Thursday.", "Sherri Papini"),
])
def test_non_perpetrators(nlp, text, absent):
    assert absent not in {v for _, v in _perps(nlp, text)}


def test_named_person_replaces_the_description(nlp):
    text = ("John Smith opened fire in the store, police said. "
            "The gunman shot three customers before fleeing.")
    values = {v for _, v in _perps(nlp, text)}
    assert "John Smith" in values and "gunman" not in values


def test_description_kept_without_a_name(nlp):
    values = {v for _, v in _perps(nlp, "The gunman shot three customers before fleeing.")}
    assert values == {"gunman"}


def test_mixed_case_acronym_is_not_a_common_word(nlp):
    text = "Gunmen killed five people in the market and the shooting did not let up for hours."
    values = {m.value for m in extract_actors(nlp(text))}
    assert "gunmen" in values and "Lashkar-e-Taiba" not in values
    values = {m.value for m in extract_actors(nlp("Militants of the LeT attacked the camp."))}
    assert "Lashkar-e-Taiba" in values
