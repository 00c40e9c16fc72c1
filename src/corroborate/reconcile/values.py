"""The distinct values of facts where several values hold at once (perpetrators, targets).

A fact's ``best`` names one value; an incident can have two gunmen, or hit a bus and a
market. ``Fact.values`` lists them all, most reported first, as an analyst would code
them (GTD's gname, gname2, ...):

- spelling variants of one name are given once, in their fullest form: "Lyons" and
  "Jimmy Lyons's" are "Jimmy Lyons" when the incident's entities (or its other values)
  say so;
- a generic description of an actor ("the gunman", "two men") is left out of the
  perpetrator slots when some report of the incident names a person there: it is
  the same attacker described before his name was known. (Claims keep every wording.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from corroborate.extract.actors import canonical_group
from corroborate.reconcile.entities import fold
from corroborate.reconcile.facts import MULTI_VALUED
from corroborate.records import Entity, Fact

RULE = "corroborate.reconcile.values.v1"

PERPETRATOR_SLOTS = ("perpetrator", "suspected_perpetrator", "responsibility")
_POSSESSIVE = re.compile(r"[’']s?$")
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")


def _bare(value: Any) -> str:
    return _POSSESSIVE.sub("", str(value).strip())


def _personal_name(value: str, persons: set[str], groups: set[str]) -> bool:
    """ "Jimmy Lyons": a person entity, or two to four capitalised words that name no
    organisation (an entity of the reports, or a group the actor lexicon knows)."""
    if fold(value) in persons:
        return True
    if fold(value) in groups or canonical_group(value) is not None:
        return False
    words = value.split()
    return 2 <= len(words) <= 4 and not value.isupper() and all(
        _NAME_WORD.match(w) for w in words)


def _fullest(value: str, names: Sequence[str]) -> str:
    """The one longer name that contains every word of ``value`` ("Lyons" -> "Jimmy Lyons")."""
    words = set(fold(value).split())
    longer = {n for n in names if words < set(fold(n).split())}
    return longer.pop() if len(longer) == 1 else value


def _canonical(entities: Sequence[Entity]) -> tuple[dict[str, str], set[str], set[str]]:
    """Folded alias -> entity name, and the folded forms of person and of group entities."""
    alias_of: dict[str, str] = {}
    persons: set[str] = set()
    groups: set[str] = set()
    for entity in entities:
        if entity.type not in ("PERSON", "ORG", "NORP"):
            continue
        for form in (entity.name, *entity.aliases):
            alias_of.setdefault(fold(form), entity.name)
            (persons if entity.type == "PERSON" else groups).add(fold(form))
    return alias_of, persons, groups


def _ranked(fact: Fact, name_of: Mapping[str, str], drop: set[str]) -> tuple[str, ...]:
    reports: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for order, claim in enumerate(fact.claims):
        value = name_of.get(_bare(claim.value), _bare(claim.value))
        if value in drop:
            continue
        reports.setdefault(value, set()).add(claim.report)
        first.setdefault(value, order)
    return tuple(sorted(reports, key=lambda v: (-len(reports[v]), first[v])))


def with_values(facts: Mapping[str, Fact], entities: Sequence[Entity]) -> dict[str, Fact]:
    """``facts`` with ``values`` filled for the multi-valued slots."""
    alias_of, persons, groups = _canonical(entities)
    perp_values = {_bare(c.value) for slot in PERPETRATOR_SLOTS if slot in facts
                   for c in facts[slot].claims}
    named = [v for v in perp_values if v[:1].isupper()]
    name_of: dict[str, str] = {}
    for value in perp_values | {_bare(c.value) for slot, fact in facts.items()
                                if slot in MULTI_VALUED for c in fact.claims}:
        name = alias_of.get(fold(value), value)
        name_of[value] = _fullest(name, named) if name[:1].isupper() else name
    someone_named = any(_personal_name(name_of[v], persons, groups) for v in named)
    generic = {name_of[v] for v in perp_values if not v[:1].isupper()} if someone_named else set()
    out = dict(facts)
    for slot, fact in facts.items():
        if slot in MULTI_VALUED or slot in PERPETRATOR_SLOTS:
            drop = generic if slot in PERPETRATOR_SLOTS else set()
            values = _ranked(fact, name_of, drop)
            # "gunman" told by most reports is not the best perpetrator once one names him.
            best = values[0] if values and _bare(fact.best) in drop else fact.best
            out[slot] = replace(fact, values=values, best=best)
    return out
