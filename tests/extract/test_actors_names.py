"""Actors the lexicon does not know: organisation names found by form, units of known
groups, people named in all-caps wires, and suspects arrested or charged (short
sentences written here)."""

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
    ("A STATEMENT SENT BY THE GENERAL COMMAND OF THE FMLN CLAIMED THE BOMBING.",
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
