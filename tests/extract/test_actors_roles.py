"""Perpetrator role patterns for wire and general news, and actors the lexicon does not know
(organisations named by form, units of known groups, arrested suspects); short sentences
written here."""

from __future__ import annotations

import pytest

from corroborate.extract.actors import extract_actors

_PERP = {"perpetrator", "suspected_perpetrator", "responsibility"}


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


# Names of actors the lexicon does not list, and descriptions that are no names.
@pytest.mark.parametrize(("text", "slot", "value"), [
    # an unknown organisation: name words before an organisation head
    ("THE ROBERTO SANDOVAL COMMAND ATTACKED A CONVOY WITH RIFLE FIRE.",
     "perpetrator", "Roberto Sandoval Command"),
    ("The Red Dawn Brigade bombed the fuel depot on Monday.", "perpetrator", "Red Dawn Brigade"),
    ("THE BRIDGE WAS DYNAMITED BY THE 4TH INFANTRY BRIGADE, WITNESSES SAID.",
     "perpetrator", "4th Infantry Brigade"),
    # a unit of a known group: the owner and the unit share the role
    ("HE BLAMED THE FMLN'S RAFAEL ARCE UNIT FOR THE CRIME.",
     "suspected_perpetrator", "Rafael Arce Unit"),
    ("HE BLAMED THE FMLN'S RAFAEL ARCE UNIT FOR THE CRIME.",
     "suspected_perpetrator", "Farabundo Marti National Liberation Front"),
    # suspects: arrested or charged for the incident
    ("Five soldiers were arrested for the murder of the priests.",
     "suspected_perpetrator", "soldiers"),
    ("Police arrested two men in connection with the shooting of a teenager.",
     "suspected_perpetrator", "men"),
    # nominal involvement, drug-trafficking organisations, assault
    ("The minister admitted the involvement of troops in the killing of the farmers.",
     "suspected_perpetrator", "troops"),
    ("THE JUDGE WAS KILLED BY THE DRUG CARTEL, POLICE SAID.", "perpetrator", "drug cartel"),
    ("The armed forces assaulted the clinic and murdered two nurses.",
     "perpetrator", "armed forces"),
    # a group known by its English name as well as its acronym
    ("THE BOMB WAS PLANTED BY THE BASQUE FATHERLAND AND LIBERTY GROUP.",
     "perpetrator", "Euskadi Ta Askatasuna"),
    # a claim of the act itself, without the word "responsibility"
    ("Islamic State claimed the attack on the mosque.", "responsibility", "Islamic State"),
    ("THE SHINING PATH CLAIMED THAT ITS MILITANTS KILLED THE MAYOR.",
     "responsibility", "Shining Path"),
    ("Hamas claimed it fired the rockets at the city.", "responsibility", "Hamas"),
    ("A soldier fired a rifle at the protesters, wounding one.", "perpetrator", "soldier"),
    ("Investigators concluded that army personnel were the ones who executed the farmers.",
     "perpetrator", "army"),
    # an appositive between the subject and its verb
    ("The ELN, Colombia's largest remaining rebel group, attacked an oil pipeline on Sunday.",
     "perpetrator", "National Liberation Army"),
    # a means left by the actor
    ("A DEVICE WAS LEFT BY UNIDENTIFIED INDIVIDUALS NEAR THE BUS STATION.",
     "perpetrator", "unidentified individuals"),
])
def test_unlisted_actors(nlp, text, slot, value):
    assert (slot, value) in _perps(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Police arrested 20 protesters outside the ministry.", "protesters"),  # no incident
    ("THE GENERAL COMMAND OF THE ELN CLAIMED THE BOMBING IN A STATEMENT.",
     "general command"),                                    # a rank word is no person
    ("THE REBEL GROUP ATTACKED THE TOWN.", "Rebel Group"),  # a description, not a name
    ("THE ATTACK WAS CARRIED OUT BY JUAN CARLOS MENDEZ ROJAS, POLICE SAID.", "police"),
    ("Security forces stormed the building and freed the hostages.", "Security Forces"),
    ("THE ARMED TERRORIST ATTACK KILLED TWO GUARDS.", "armed terrorist"),  # a modifier
    ("The minister said the guerrillas are not responsible for the massacre.", "guerrillas"),
    # a claim about the attack is no claim of it
    ("The FMLN claimed that the bombing was a cynical ploy by the army.",
     "Farabundo Marti National Liberation Front"),
    # hypothetical: what the cartels could do is no incident
    ("Patrols will prevent any attack that could be perpetrated by the cartels.", "cartels"),
])
def test_descriptions_are_not_names(nlp, text, absent):
    assert absent not in {v for _, v in _perps(nlp, text)}
