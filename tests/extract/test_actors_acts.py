"""A perpetrator role needs a concrete act: reduced relatives ("the soldiers involved in
the killing"), orders to kill, counted suspects; and no role from leadership,
ownership or a campaign ("led by", "owned by", "launched an offensive"). Short
sentences written here, plus MUC-4 wire messages read from shared at run time."""

from __future__ import annotations

import pytest

from corroborate.eval.datasets import load_docs, shared_dir
from corroborate.extract.actors import extract_actors

_PERP = {"perpetrator", "suspected_perpetrator", "responsibility"}


def _perps(nlp, text: str) -> set[tuple[str, str]]:
    return {(m.slot, m.value) for m in extract_actors(nlp(text)) if m.slot in _PERP}


def _values(nlp, text: str) -> set[str]:
    return {value for _, value in _perps(nlp, text)}


@pytest.mark.parametrize(("text", "slot", "value"), [
    # reduced relatives: involvement named without a copula
    ("The bishop said the soldiers involved in the killing must face trial.",
     "suspected_perpetrator", "soldiers"),
    ("A court summoned the soldiers accused of ordering the massacre at the farm.",
     "suspected_perpetrator", "soldiers"),
    ("Three persons suspected of taking part in the bombing were freed on bail.",
     "suspected_perpetrator", "persons"),
    # a relative clause between the subject and its verb
    ("Two men who were waiting near the gate shot the watchman.", "perpetrator", "men"),
    # counted suspects, officers, youths
    ("Police arrested two suspects for the bombing of the bus depot.",
     "suspected_perpetrator", "suspects"),
    ("Four youths in a stolen van set fire to the clinic.", "perpetrator", "youths"),
])
def test_acts_give_roles(nlp, text, slot, value):
    assert (slot, value) in _perps(nlp, text)


def test_ordering_a_killing_makes_the_author(nlp):
    values = _values(nlp, "Prosecutors say Rafael Montoya ordered the murder of the judge.")
    assert any("Montoya" in v for v in values)


@pytest.mark.parametrize(("text", "absent"), [
    # leadership and ownership are no act
    ("The army seized farms owned by the drug traffickers.", "drug traffickers"),
    ("A delegation led by Colonel Ramos toured the town after the attack.", "colonel ramos"),
    # a campaign or offensive is no single incident
    ("The rebels launched a new offensive in the northern provinces.", "rebels"),
    ("The guerrillas carried out a military campaign against the government.", "guerrillas"),
])
def test_no_role_without_an_act(nlp, text, absent):
    assert absent not in _values(nlp, text)


def test_victim_before_a_reduced_relative_is_no_subject(nlp):
    text = "Gunmen murdered Colonel Juan Ruiz in an ambush carried out near the river."
    values = _values(nlp, text)
    assert "gunmen" in values
    assert not any("ruiz" in v.lower() for v in values)


def test_surname_after_full_name_is_one_person(nlp):
    text = ("Pedro Salgado shot the guard at the bank on Monday. "
            "Investigators said Salgado killed a second man at the gas station.")
    assert _values(nlp, text) == {"Pedro Salgado"}  # the full name, for the reader


def test_a_surname_two_people_share_is_not_merged(nlp):
    text = ("Pedro Salgado shot the guard at the bank on Monday. Luis Salgado shot a driver "
            "on Tuesday. Investigators said Salgado killed a second man at the gas station.")
    assert _values(nlp, text) == {"Pedro Salgado", "Luis Salgado", "Salgado"}


# ---------------------------------------------------------------- MUC-4 wire text


def _muc_text(doc_id: str) -> str:
    if not (shared_dir() / "datasets" / "muc4").is_dir():
        pytest.skip(f"muc4 not found under {shared_dir()} (shared data missing)")
    for report in load_docs("muc4"):
        if report.id == doc_id:
            return report.text
    pytest.skip(f"{doc_id} not in the muc4 data")


@pytest.mark.parametrize(("doc_id", "gold"), [
    ("DEV-MUC3-1056", "salvadoran army"),    # "... army involved in the massacre"
    ("TST2-MUC4-0059", "individuals"),       # "two individuals who were ... placed"
    ("DEV-MUC3-0038", "officers"),           # "implicated four officers"
])
def test_muc4_perpetrators_found(nlp, doc_id, gold):
    values = {v.lower() for v in _values(nlp, _muc_text(doc_id))}
    assert gold in values


# ---------------------------------------------------------------- named suspects in local news


@pytest.mark.parametrize(("text", "slot", "name"), [
    ("Detectives identified the gunman as Morris Keel, 34, of Dayton.", "perpetrator", "Keel"),
    ("The suspect, identified as Morris Keel, was booked into jail.",
     "suspected_perpetrator", "Keel"),
    ("Morris Keel, 34, faces two counts of murder after the shooting.",
     "suspected_perpetrator", "Keel"),
    ("Morris Keel, 34, was charged late Tuesday in three counts of first-degree murder.",
     "suspected_perpetrator", "Keel"),
    ("Morris Keel remains wanted on charges of murder over the farmhand's death.",
     "suspected_perpetrator", "Keel"),
    ("Deputies say Morris Keel, who was caught on Friday, faces a charge of homicide.",
     "suspected_perpetrator", "Keel"),
    ("Morris Keel, 34, was arrested after shooting his roommate.",
     "suspected_perpetrator", "Keel"),
    ("Detectives believe Morris Keel is the gunman.", "suspected_perpetrator", "Keel"),
    ("Morris Keel pleaded guilty to manslaughter on Monday.", "suspected_perpetrator", "Keel"),
])
def test_named_suspects(nlp, text, slot, name):
    assert any(s == slot and name in v for s, v in _perps(nlp, text))


def test_listed_suspects_with_ages_share_the_charge(nlp):
    text = ("Dale Hirsch, 21, Omar Pratt, 24, and Ned Voss, 20, are accused of killing "
            "a cashier at the diner.")
    values = _values(nlp, text)
    for name in ("Hirsch", "Pratt", "Voss"):
        assert any(name in v for v in values), (name, values)


def test_apposition_names_the_shooter_but_a_comment_does_not(nlp):
    named = _values(nlp, "Witnesses said the shooter, Morris Keel, walked away calmly.")
    assert any("Keel" in v for v in named)
    assert "police" not in _values(nlp, "The gunman, police said, fled in a gray sedan.")
