"""Actors: who did it, who claimed or denied it, how the report characterises it.

Rule-based and deterministic. Sentences come from the spaCy doc; matching runs on
a lower-cased copy of each sentence (offsets preserved) so that all-caps wires
(MUC) and ordinary news take the same path. Actors are either named groups from
the lexicon ``data/actors.json`` (aliases and acronyms -> canonical name) or
generic noun phrases ("unidentified gunmen", "urban guerrillas"). An actor only
becomes a perpetrator when its context says so:

* claimed:  "X claimed responsibility", "claimed by X"          -> responsibility
* denied:   "X denied any involvement"                          -> denial
* possible: "of the type carried out by X", "may have been X"   -> suspected_perpetrator
* suspected / accused: "suspected X", "blamed on X", "X are believed to ..."
                                                                -> suspected_perpetrator
* reported_as_fact: "kidnapped by X", "X attacked ...", "an X attack"
                                                                -> perpetrator
* charged:  "X were arrested for the killing", "the arrest of X accused of ..."
                                                                -> suspected_perpetrator
* involved: "the soldiers involved in the killing", "X suspected of taking part in
            the bombing" (no copula)                            -> suspected_perpetrator
* arrested: "police arrested Jo Roe, 28", "Jo Roe turned himself in", "named a person of
            interest" (a capitalised name, in a report whose lead or sentence names an
            incident)                                           -> suspected_perpetrator

A role needs a concrete act: leadership or ownership ("a delegation led by X",
"farms owned by X"), a campaign ("X launched an offensive") and a victim before a
reduced relative ("killed X in an attack carried out ...") give none.

Besides lexicon groups, organisations are recognised by form: name words before
an organisation head ("Jacobo Carcomo Command", "6th Infantry Brigade"); in
all-caps text the parser must also tag them as a named entity.

* discourse:  a report whose perpetrators are only described ("guerrillas
  dynamited ...") makes each armed group it names in an incident sentence a
  suspected_perpetrator (rule ``actors.discourse``).

Sentences that narrate background ("In 2017, ...", "Earlier attacks ...") and the
caller's ``skip_sentences`` yield no actor claims; weapons and targets are also
dropped from sentences dated to a year the lead does not give. Bracketed glosses
the parser split off ("THE FMLN | [FARABUNDO MARTI ...] CONTINUES") are rejoined.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from corroborate.extract.nlp import doc_ents, doc_sents, doc_text

RULE_VERSION = "v5"  # v5: crowds, partitives, relative accusations, named arrests


@dataclass(frozen=True)
class ActorMention:
    """One actor-related statement of a report.

    Attributes:
        slot: perpetrator | suspected_perpetrator | responsibility | denial |
            characterisation | target | weapon.
        value: canonical name or label ("Islamic State", "terrorist attack",
            "none claimed", "bomb").
        confidence: claimed | accused | suspected | reported_as_fact | possible |
            denied | None.
        start, end: character span of the evidence phrase in ``doc.text``.
        sent_start: start offset of the sentence holding it.
        rule: versioned rule name.
    """

    slot: str
    value: str
    confidence: str | None
    start: int
    end: int
    sent_start: int
    rule: str = ""


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    phrases: re.Pattern[str]          # lower-cased full names and multi-letter aliases
    acronyms: re.Pattern[str] | None  # case-sensitive acronyms
    canonical: dict[str, str]         # lower-cased alias -> canonical
    ambiguous: frozenset[str]         # acronyms that are common words in all-caps text
    kinds: dict[str, str]             # canonical -> armed_group | criminal_group | party | ...


def _is_acronym(alias: str) -> bool:
    """"FMLN", also mixed-case "LeT", "JeM": matched case-sensitively, since their
    lower-case forms are common words ("let")."""
    letters = [c for c in alias if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return (" " not in alias and bool(letters) and len(alias) <= 8
            and (alias.upper() == alias or (capitals >= 2 and len(letters) <= 4)))


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("corroborate.data").joinpath("actors.json").read_text())
    canonical: dict[str, str] = {}
    phrases: list[str] = []
    acronyms: list[str] = []
    for name, info in raw["groups"].items():
        for alias in [name, *info.get("aliases", [])]:
            canonical[alias.lower()] = name
            (acronyms if _is_acronym(alias) else phrases).append(alias)
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    return _Lexicon(
        phrases=re.compile(bound.format(_alternation([p.lower() for p in phrases]))),
        acronyms=re.compile(bound.format(_alternation(acronyms))) if acronyms else None,
        canonical=canonical,
        ambiguous=frozenset(raw.get("ambiguous_acronyms", [])),
        kinds={name: info.get("kind", "") for name, info in raw["groups"].items()},
    )


_ARMED_KINDS = frozenset(("armed_group", "criminal_group"))


def canonical_group(name: str) -> str | None:
    """The lexicon's canonical name for an alias ("FMLN" -> full name), else None."""
    return _lexicon().canonical.get(name.strip().lower())


def group_aliases(canonical: str) -> list[str]:
    """All lexicon aliases (lower case) of a canonical group name."""
    return sorted(a for a, c in _lexicon().canonical.items() if c == canonical)


# ---------------------------------------------------------------- generic actors

_MOD = (
    r"(?:(?:heavily\s+|well\s+)?armed|unidentified|unknown|masked|hooded|uniformed|urban|rural"
    r"|(?:extreme\s+|ultra-?)?(?:leftist|rightist|right-wing|left-wing)|islamist|jihadist"
    r"|separatist|paramilitary|drug|narco|drug-trafficking|drug\s+trafficking|salvadoran"
    r"|colombian|peruvian|guatemalan|honduran|chilean|bolivian|nicaraguan|ecuadoran"
    r"|suicide|lone|maoist|marxist|communist|rebel|guerr?illa|terrorist|government|army"
    r"|police|military|security|enemy|sandinist|sandinista|contra|young|hit|death|fascist"
    r"|subversive|criminal|gang|hired|paid|secret|group\s+of|band\s+of|column\s+of)"
)
# Heads that name an actor on their own.
_HEAD = (
    r"(?:terrorists|guerr?illas|rebels|gunm[ae]n|subversives|commandos|death\s+squads?"
    r"|soldiers|troops|army|armed\s+forces|air\s+force|militants|insurgents|extremists"
    r"|(?:security|government|state|police|federal|regime)\s+forces"
    r"|attackers|assailants|assassins|murderers|kidnappers|abductors|bombers|suicide\s+bomber"
    r"|drug\s+traffickers|narco-?terrorists|paramilitaries|militias?|militiamen|sappers"
    r"|mafias?|hit\s?men|jihadists|separatists|gangs|gang\s+members|policemen|police|outlaws"
    r"|cartels?|kingpins?|drug\s+(?:lords?|barons?|rings?)|(?:cocaine|narcotics?)\s+traffickers"
    r"|(?:drug|cocaine|narcotics?)(?:[\s-]+trafficking)?\s+(?:organi[sz]ations?|bands?|rings?)"
    r"|killers|snipers|vandals|perpetrators|mercenaries|thugs|hijackers|shooters|gunmen|captors"
    # crowds and political labels act too: "shot by demonstrators", "beaten by a mob"
    r"|demonstrators|protesters|protestors|rioters|mobs?|(?:ultra-?)?(?:rightists|leftists)|communists"
    r"|(?:right|left)-wingers|commandoes"
    # not "military sources", "government officials": those name people, not the actor
    r"|(?:military|government|regime)(?!\s+(?:[a-z]+s|of|official|spokesm[ae]n)\b)"
    # Singular agent nouns; those that double as modifiers ("terrorist attack",
    # "guerrilla column") only when no noun they could modify follows.
    r"|(?:gunman|attacker|assailant|assassin|bomber|kidnapper|abductor|sniper|killer|murderer|soldier"
    r"|hit\s?man|shooter|hijacker|perpetrator|militant|insurgent"
    r"|(?:terrorist|guerr?illa|rebel)(?!\s+(?:attacks?|acts?|actions?|groups?|organi[sz]ations?"
    r"|movements?|cells?|columns?|commandos?|bands?|units?|squads?|operations?|waves?"
    r"|campaigns?|violence|threats?|plans?|offensives?|escalation|murders?|incidents?"
    r"|activit\w+|bombings?|bombs?|explosives?|devices?|targets?|leaders?|fronts?|army|forces?|war|warfare|acts?"
    r"|infrastructure|positions?|camps?|hideouts?|sabotage|crimes?|kidnappings?|members?"
    r"|mentality|methods?|tactics?|fighters|command|ambush|attempts?|raids?|strongholds?"
    r"|zones?|areas?|sources?|spokesm[ae]n|radio|station|stations|assaults?|arms|weapons?"
    r"|criminals?|delinquents?|subversives?|commanders?|combatants?|troops?)\b)))"
)
# Heads too vague to stand alone: need a modifier ("unidentified men").
_WEAK_HEAD = (
    r"(?:m[ae]n|individuals?|persons?|people|members|officers|fighters|groups?|terrorist|guerr?illa"
    r"|gunman|attacker|assailant|assassin|bomber|soldier|commando|criminals|youths|"
    r"squads?|units?|elements|band|commands|cells?|columns?)"
)
_QUANT = r"(?:several|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+group\s+of|some)"
_GENERIC = re.compile(
    rf"(?<![\w-])(?:(?:{_MOD})\s+){{0,3}}{_HEAD}(?![\w-])"
    # "armed terrorist attack": a weak head that modifies a following noun is no actor
    rf"|(?<![\w-])(?:(?:{_MOD})\s+){{1,3}}{_WEAK_HEAD}(?![\w-])(?!\s+(?:attacks?|acts?|actions?"
    r"|operations?|bombings?|incidents?|violence|activit\w+|offensives?|ambush(?:es)?)\b)"
    rf"|(?<![\w-]){_QUANT}\s+(?:(?:{_MOD})\s+){{0,2}}(?:m[ae]n|individuals|persons|gunm[ae]n|officers|suspects|youths)(?![\w-])"
    # "men wearing police uniforms": the description marks a group of actors (a lone "man"
    # stays a bystander: too many are victims or witnesses)
    r"|(?<![\w-])(?:men|women|individuals|persons)(?=\s+(?:wearing|dressed|disguised|posing|armed\s+with|carrying"
    r"|in\s+(?:\w+\s+){0,2}uniforms?|on\s+(?:a\s+)?motorcycles?|riding)\b)"
)
# Compound: "terrorists of the FMLN", "members of the Shining Path".
_OF_GROUP = re.compile(
    r"^\s*(?:\[[^\]]{0,60}\]\s*)?(?:of|from|belonging\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
)
_LEADING = re.compile(
    r"^(?:(?:the|a|an|some|several|numerous|\d+|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|dozens?\s+of|hundreds?\s+of|group\s+of|band\s+of|column\s+of|suspected"
    r"|alleged|presumed)\s+)+"
)


@dataclass(frozen=True)
class _Actor:
    start: int   # offsets within the sentence
    end: int
    values: tuple[str, ...]   # canonical group names and/or generic phrases
    named: bool


def _generic_value(surface: str) -> str:
    value = _LEADING.sub("", " ".join(surface.split()))
    return value


def _named_spans(text: str, low: str, all_caps: bool) -> list[tuple[int, int, str]]:
    lex = _lexicon()
    spans = [(m.start(), m.end(), lex.canonical[m.group()]) for m in lex.phrases.finditer(low)]
    if lex.acronyms is not None:
        for m in lex.acronyms.finditer(text):
            if all_caps and m.group() in lex.ambiguous:
                continue
            spans.append((m.start(), m.end(), lex.canonical[m.group().lower()]))
    return _non_overlapping(spans)


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


_BRACKET = re.compile(r"^\s*(?:\[[^\]]{0,80}\]|\([^)]{0,80}\))")
_NAMED_TAIL = re.compile(
    rf"^\s+((?:(?:{_MOD})\s+){{0,2}}(?:{_HEAD}|{_WEAK_HEAD}|organization|movement))(?![\w-])"
)


_RANK = (r"(?:colonel|col\.|lieutenant\s+colonel|general|gen\.|lieutenant|lt\.|sergeant|sgt\."
         r"|major|captain|capt\.|corporal|commander|second\s+lieutenant|president)")
_RANKED = re.compile(rf"(?<![\w-]){_RANK}((?:\s+[\w'’.-]+){{1,4}})")
_NOT_NAME = frozenset((
    "said", "says", "and", "of", "the", "who", "in", "at", "on", "to", "for", "from", "with",
    "was", "were", "is", "are", "has", "had", "have", "that", "which", "by", "as", "also",
    "today", "yesterday", "when", "after", "before", "during", "a", "an", "his", "her",
    "their", "its", "reported", "told", "added", "stated",
))


def _ranked_persons(text: str, low: str, all_caps: bool) -> list[tuple[int, int, str]]:
    """Titled people ("Colonel Rene Emilio Ponce"), name words judged by case."""
    out = []
    for m in _RANKED.finditer(low):
        end = m.start(1)
        for w in re.finditer(r"\s+([\w'’.-]+)", low[m.start(1):m.end(1)]):
            word = text[m.start(1) + w.start(1):m.start(1) + w.end(1)]
            if (w.group(1) in _NOT_NAME or not (all_caps or word[:1].isupper())
                    or _UNIT_HEAD.fullmatch(w.group(1))):  # "General Command": no person
                break
            end = m.start(1) + w.end()
        if end > m.start(1):
            out.append((m.start(), end, " ".join(low[m.start():end].split())))
    return out


# Organisations the lexicon does not know, recognised by their form: name words
# before an organisation head ("Jacobo Carcomo Command", "6th Infantry Brigade").
_UNIT_HEAD = re.compile(
    r"(?<![\w'’-])(?:front|movement|command|commandos?|unit|alliance|brigades?|cartel"
    r"|organi[sz]ation|squads?|faction|league|legion|battalion|union|army|forces|group)(?![\w-])"
)
# Words that describe rather than name: "rebel group", "security forces", "the army".
_DESCRIPTIVE = re.compile(
    rf"(?:{_MOD}|{_HEAD}|{_WEAK_HEAD}|{_RANK}|high|special|national|armed|regular|elite|local"
    r"|senior|junior|ranking|retired|former|young"
    r"|\w+(?:ed|ing|ly)|\w+(?:an|ese|ish|ian|i)|our|your|own|small|large|big|main|whole|entire|new|old"
    r"|other|same|first|second|third|last|next|various|several|many|few|every|each|all|both|its"
    r"|their|his|her|this|that|these|those|such|what|which|whose|civil|civilian|political"
    r"|human|rights|private|public|state|federal|foreign|international|united|nations|u\.?s\.?|un"
    r"|air|naval|navy|infantry|artillery|cavalry|anti-?\w+|counter-?\w+|pro-?\w+)"
)
_ORG_STOP = _NOT_NAME | {
    "of", "de", "del", "la", "el", "los", "las", "or", "nor", "but", "not", "so", "far", "where",
    "our", "your", "those", "this", "these", "same", "any", "no", "none", "itself", "called",
    "calling", "named", "so-called", "self-styled", "self-named", "alleged", "top", "largest",
    "recent", "frequent", "glorious", "sinister", "its", "their",
    "against", "into", "than", "over", "under", "about", "between"}


_NAME_LABELS = frozenset(("ORG", "NORP", "PERSON", "GPE", "FAC"))


def _unknown_orgs(text: str, low: str, all_caps: bool,
                  names: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Spans and values of organisation names found by form. In all-caps text, where
    every word looks like a name, the name must also be a named entity of the parser."""
    out = []
    for head in _UNIT_HEAD.finditer(low):
        words: list[tuple[int, int]] = []
        pos = head.start()
        for w in reversed(list(re.finditer(r"[\w'’.-]+", low[max(0, pos - 70):pos]))):
            s, e = max(0, pos - 70) + w.start(), max(0, pos - 70) + w.end()
            gap = low[e:words[0][0] if words else pos]
            if (len(words) == 4 or gap.strip(" \"") or w.group() in _ORG_STOP
                    or re.fullmatch(_SAYING, w.group())):  # "union accused army": a verb
                break  # a name is a run of words; punctuation ends it
            if re.search(r"['’]s?$", w.group()) and w.group() not in ("people's", "workers'"):
                break  # "the ELN's Domingo Lain Front": the owner is another actor
            if not all_caps and not text[s:s + 1].isupper() and not text[s:s + 1].isdigit():
                break  # in mixed case a name is capitalised
            words.insert(0, (s, e))
        if not words or all(_DESCRIPTIVE.fullmatch(low[s:e]) for s, e in words):
            continue
        if all(re.fullmatch(r"[\d\w]*\d\w*|\w", low[s:e]) for s, e in words):
            continue  # "3 groups", "a group"
        start, end = words[0][0], head.end()
        owned = re.search(r"\w['’]s\s+$", low[:start])  # "the ELN's Domingo Lain Front"
        if all_caps and not owned and not any(s < end and e > start for s, e in names):
            continue
        surface = " ".join(text[start:end].replace('"', " ").split())
        value = canonical_group(surface) or (
            " ".join(w.capitalize() for w in surface.split()) if all_caps else surface)
        out.append((start, end, value))
    return out


def _actors(text: str, low: str, all_caps: bool,
            persons: Sequence[tuple[int, int, str]] = (),
            names: Sequence[tuple[int, int]] = ()) -> list[_Actor]:
    """Actor phrases of one sentence, named groups merged with their generic heads."""
    named = _named_spans(text, low, all_caps)
    generic = [(m.start(), m.end(), _generic_value(m.group())) for m in _GENERIC.finditer(low)]
    generic += _unknown_orgs(text, low, all_caps, names)
    generic += [p for p in [*_ranked_persons(text, low, all_caps), *persons]
                if not any(p[0] < ge and p[1] > gs for gs, ge, _ in generic)]
    generic = _non_overlapping(generic)
    actors: list[_Actor] = []
    used: list[tuple[int, int]] = []
    for s, e, name in named:
        values = [name]
        tail_from = e
        bracket = _BRACKET.match(low[e:])
        if bracket:
            tail_from = e + bracket.end()
        tail = _NAMED_TAIL.match(low[tail_from:])
        if tail:  # "FMLN urban commandos": the group and its members
            e = tail_from + tail.end()
            member = _generic_value(tail.group(1))
            if re.fullmatch(r"groups?|organi[sz]ations?|movements?", member):
                member = name  # "the Zarate Willka group": the group itself
            elif re.fullmatch(_WEAK_HEAD + r"|organization|movement", member):
                surface = low[s:e].replace(bracket.group(), " ") if bracket else low[s:e]
                member = " ".join(surface.split())
            values.append(member)
        else:
            e = tail_from if bracket and canonical_group(bracket.group().strip(" []()")) else e
        for gs, ge, gv in generic:  # "terrorists of the FMLN"
            if ge <= s and _OF_GROUP.match(low[ge:s]):
                values.append(gv)
                s = gs
        actors.append(_Actor(s, e, tuple(dict.fromkeys(values)), True))
        used.append((s, e))
    for gs, ge, gv in generic:
        if any(gs < ue and ge > us for us, ue in used):
            continue
        actors.append(_Actor(gs, ge, (gv,), False))
    return sorted(actors, key=lambda a: a.start)


# ---------------------------------------------------------------- role patterns

_DET = (
    r"(?:(?:the|a|an|some|several|numerous|about|approximately|around|\d+|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|dozens?\s+of|hundreds?\s+of|members?\s+of(?:\s+the)?"
    r"|a\s+group\s+of|a\s+band\s+of|a\s+column\s+of|a\s+unit\s+of|units?\s+of(?:\s+the)?"
    r"|(?:officers?|elements|sectors)\s+of(?:\s+the)?|certain"
    r"|another|other|so-called|self-styled|self-proclaimed|alleged|presumed"
    # partitive: "one of the protesters", "some of its members"
    r"|(?:one|two|three|some|several|many|most|all|each|any|none|members|some\s+members)\s+of"
    r"(?:\s+(?:the|these|those|its|their))?)\s+)*"
)
_VPP = (
    r"(?:attacked|killed|murdered|assassinated|kidnapp?ed|abducted|shot|bombed|dynamited"
    r"|blown\s+up|set\s+(?:on\s+)?fire|set\s+ablaze|burned|burnt|torched|ambushed|raided"
    r"|massacred|executed|machine-?gunned|planted|detonated|destroyed|damaged|seized"
    r"|stormed|carried\s+out|perpetrated|committed|staged|launched|hijacked|wounded|injured"
    r"|tortured|hit|struck|taken\s+hostage|held\s+hostage|captured|riddled|fired\s+on"
    r"|shelled|harassed|sabotaged|murdered|slain|gunned\s+down|hacked|stabbed|beheaded"
    r"|threatened|abused|beaten|ordered|masterminded|organized|orchestrated|caused|planned"
    r"|led|directed|activated|triggered|thrown|hurled|placed|fired|set\s+off|dynamited|left"
    r"|intercepted|robbed|looted|sacked|threatened)"
)
_VACT = (
    r"(?:attack(?:ed|s)?|kill(?:ed|s)?|murder(?:ed|s)?|assassinat(?:ed|es)|kidnapp?(?:ed|s)"
    r"|abduct(?:ed|s)|shot|shoot|bomb(?:ed|s)|dynamit(?:ed|es)|blew\s+up|set\s+(?:on\s+)?fire"
    r"|set\s+ablaze|burn(?:ed|t)|torch(?:ed|es)|ambush(?:ed|es)|raid(?:ed|s)|massacr(?:ed|es)"
    r"|execut(?:ed|es)|machine-?gunned|plant(?:ed|s)|detonat(?:ed|es)|destroy(?:ed|s)"
    r"|stormed|carried\s+out|perpetrated|committed|staged|launch(?:ed|es)|hijack(?:ed|s)"
    r"|wounded|injured|tortured|hurled|threw|opened\s+fire|seized"
    r"|fired\s+(?:(?:a|an|his|their|several|\w+)\s+(?:\w+\s+)?)?(?:on|at|upon)"
    r"|captured|shelled|harassed|sabotaged|gunned\s+down|stabbed|beheaded|broke\s+into"
    r"|strafed|assault(?:ed|s)|raped"
    r"|forced|took\s+(?:\w+\s+)?hostage|riddled|struck|hit|damaged|occupied|overran"
    r"|blasted|rocketed|mortared|plac(?:ed|es)|threw|throw|used\s+[^.;]{0,40}?\bagainst"
    r"|(?:have|has|had)\s+(?:also\s+)?(?:killed|murdered|attacked|kidnapped)|set\s+off"
    r"|continu(?:es?|ed)\s+(?:with\s+)?(?:its|their)\s+(?:\w+\s+){0,4}?attacks"
    r"|threaten(?:ed|s)?\s+(?:to\s+(?:kill|murder|attack|bomb|burn|destroy|execute|behead"
    r"|blow\s+up|kidnap|assassinate)\b|(?!to\b)\w+)|intercepted|conducted|mounted|robbed|looted|sacked|opened\s+fire"
    # "the cartel boss ordered the assassination": the author of the act
    r"|(?:ordered|masterminded|planned|organi[sz]ed|orchestrated|commissioned)\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:assassinations?|murders?|killings?|massacres?|attacks?|bombings?"
    r"|kidnappings?|abductions?)\b"
    r"|(?:tried|attempted|planned)\s+to\s+(?:attack|kill|murder|kidnap|abduct|assassinate"
    r"|bomb|blow\s+up|burn|destroy|seize|storm)"
    r"|used\s+(?:\w+\s+){0,3}?(?:bombs?|explosives?|dynamite|grenades?|rifles?|guns?"
    r"|machine-?guns?|firearms?|knives|knife|machetes?)\b"
    r"|began\s+(?:shooting|firing|bombing|attacking|shelling|strafing"
    r"|(?:a\s+)?(?:series|wave)\s+of\s+(?:\w+\s+)?attacks)"
    r"|set\s+(?:[^.;]{0,40}?\s+)?on\s+fire|set\s+fire\s+to|used\s+[^.;]{0,40}?\bto\s+(?:blow\s+up|destroy|attack"
    r"|kill|bomb|burn|damage)"
    r"|(?:is|are|was|were|been)\s+(?:attacking|bombing|killing|murdering|shooting|firing\s+on"
    r"|shelling|kidnapping|burning|destroying|harassing|massacring|strafing))"
)
_INTER = (
    # "navy officers were the ones who executed ..."
    r"(?:\s+(?:was|were|is|are)\s+the\s+ones?\s+(?:who|that)\b"
    r"|\s*,\s*[a-z0-9-]{2,8}\s*,|\s*,\s*(?:who|which)\b|\s+(?:today|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|reportedly|allegedly|apparently|presumably|also|then|recently|later|earlier|who"
    r"|which|that|have|has|had|once\s+again|again|subsequently|immediately|on\s+\w+day"
    r"|in\s+a\s+statement|in\s+a\s+communique|group|organization|movement|,"
    # manner adverbs ("coldbloodedly murdered"); not "only", "early", "likely"
    r"|(?!only\b|early\b|likely\b)[a-z]{3,}ly))*"
)
_RESP = r"(?:responsibility|credit|authorship)"
# Verbs of saying and judging: "the army reported that rebels attacked and killed ..."
_SAYING = (
    r"(?:reported|stated|announced|claimed|confirmed|added|noted|explained|indicated|revealed"
    r"|denounced|charged|blamed|accused|warned|asserted|insisted|stressed|urged|asked|learned"
    r"|believed|suspected|alleged|condemned|demanded|acknowledged|admitted|agreed|decided"
    r"|arrested|detained|captured|seized|raided|named|identified|found|responded|arrived"
    r"|released|investigated|pronounced|transported|treated|located|booked|charged|told"
    r"|say|says|said|tell|believe)"
)
_AUX = (r"(?:was|were|is|are|been|be|has|have|had|will|would|can|could|may|might|must"
        r"|should|did|do|does)")
# What may stand between a subject and its verb: a description ("two men on a
# motorcycle", "gunmen wearing masks") or a comma-enclosed relative clause ("four
# men, who posed as agents, kidnapped ...").
_SUBJ_MOD = (
    r"(?:\s+(?:in|on|of|from|aboard|riding|wearing|carrying|armed\s+with|dressed\s+(?:as|in)"
    r"|disguised\s+as|posing\s+as|with|driving|travell?ing\s+in)"
    rf"(?:\s+(?!{_SAYING}\b|{_AUX}\b|that\b|and\b)"
    r"[\w'’-]+){1,6}?"
    r"|\s*,\s*(?:who|which)\s[^,.;]{0,60},"
    # "two men who were waiting at the corner opened fire"
    r"|\s+who\s+(?:were|was)\s+[a-z]+ing\b[^,.;]{0,40}?"
    r"(?<!\bwere)(?<!\bwas)(?<!\bbeen)(?<!\bbe)(?<!\bis)(?<!\bare)(?=\s)"
    r"|\s*,\s*(?:the|a|an|using|armed\s+with|wearing|carrying|dressed\s+in)\s[^,.;]{0,60},"
    # "the ELN, Colombia's largest rebel group, attacked ..."
    r"|\s*,\s*[\w-]+['’]s?\s[^,.;]{0,60},)?"
)


# What someone is arrested or charged for: an incident, not a traffic offence.
_CHARGE = (
    # "the arrest of eight soldiers, including two officers, on charges of ..."
    r"(?:\s*,?\s+[^.;]{0,50}?)?\s*,?\s+(?:for|with|in\s+connection\s+with|over|on\s+charges\s+of|after"
    r"|on\s+suspicion\s+of|on"
    r"|accused\s+of|suspected\s+of|of\s+(?:being\s+)?(?:involved|implicated)\s+in|in)"
    # "three counts of first-degree murder"
    r"\s+(?:[\w'’-]+\s+){0,5}?(?:killings?|killing|murder\w*|assassinat\w*|attack\w*|bomb\w*"
    r"|kidnap\w*|abduct\w*|massacre\w*|shoot\w*|crimes?|deaths?|slaying\w*|ambush\w*"
    r"|homicide|manslaughter|assault|(?:child|reckless|wanton)\s+endangerment)\b"
)


# "claimed the attack", "claimed that its commandos dynamited the bridge"
_CLAIMED_ACT = (
    r"(?:the|this|these|yesterday's|today's|last\s+\w+'s)\s+(?:[\w-]+\s+){0,2}?(?:attacks?"
    r"|bombings?|killings?|murders?|assassinations?|kidnappings?|abductions?|ambush(?:es)?"
    r"|explosions?|blasts?|massacres?)\b(?!\s+(?:was|were|is|are|had|has)\b)"
    r"|(?:that\s+)?(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:members|militants|fighters|commandos?"
    r"|guerrillas|units?|forces|cells?|columns?|men)|it|they)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:killed|murdered|fired"
    r"|attacked|bombed|dynamited|kidnapp?ed|abducted|assassinated|ambushed|blew\s+up|carried\s+out"
    r"|planted|detonated|executed|shot|destroyed|burned)\b"
)


# Nouns for the one who did it: "the gunman", "the shooter".
_AGENT_WORD = (r"(?:gunm[ae]n|shooters?|attackers?|assailants?|killers?|bombers?|perpetrators?"
               r"|assassins?|murderers?)")


@dataclass(frozen=True)
class _Rule:
    name: str
    confidence: str
    left: re.Pattern[str] | None = None   # must match the text right before the actor
    right: re.Pattern[str] | None = None  # must match the text right after the actor


# "by a self-styled Black Heron Armed Forces": a few name words may come between
# the article and the actor head the patterns recognise.
_BY_NAME = r"(?:\s+(?:a|an|the)(?:\s+[\w'’-]+){1,3}?)?"
# "shot by his uncle, Jo Roe": a relative or acquaintance named in apposition
_BY_NAME += (r"(?:\s+(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+)?"
             r"(?:(?:grand|step|ex-)?(?:father|mother|son|daughter|brother|sister|husband|wife"
             r"|boyfriend|girlfriend|parent)|uncle|aunt"
             r"|nephew|niece|cousin|friend|neighbou?r|roommate|partner|acquaintance|co-?worker"
             r"|relative|sibling)(?:-in-law)?\s*,)?")


def _L(p: str) -> re.Pattern[str]:
    # "by motorcycle-riding gunmen", "charged 23-year-old Jo Roe": a compound modifier
    # and an owner: "held Cristiani's government responsible"
    return re.compile(rf"(?:{p})\s*{_DET}(?:[\w.-]+(?:\s+[\w.-]+)?['’]s?\s+)?(?:\w+(?:-\w+)+\s+)?"
                      rf"(?:(?:{_MOD})\s+)*$")


# Members and means that stand for the actor: "army members", "an air force helicopter".
_MEMBER_NOUN = (r"(?:members|personnel|officers|elements|sectors|units?|fighters|cells?|columns?"
                r"|patrols?|helicopters?|planes?|aircraft|gunships?|warplanes?|jets?|troops"
                r"|soldiers)")


def _R(p: str) -> re.Pattern[str]:
    # "armed forces members, ... are responsible": the members stand for the actor
    return re.compile(rf"^(?:\s*\[[^\]]{{0,80}}\]|\s*\([^)]{{0,80}}\))?"
                      rf"(?:\s+{_MEMBER_NOUN})?{p}")


# Order matters: the first rule that fits an actor decides its role, so hedged
# and attributed readings are tried before the plain "X attacked" one.
_RULES: tuple[_Rule, ...] = (
    _Rule("denial", "denied", right=_R(
        rf"{_INTER}\s+(?:has\s+|have\s+)?(?:denied|denies|deny|rejected|rejects|disclaimed)"
        rf"\s+(?:\w+\s+){{0,3}}?(?:{_RESP}|involvement|participation|role|links?|part|any)")),
    _Rule("claim_responsibility", "claimed", right=_R(
        rf"(?:{_INTER}|\s*,?\s+(?:which|who|that)\s+[^.;]{{0,40}}?)"
        rf"\s+(?:claimed|claims|claiming|claim|assumed|assumes|accepted|accepts"
        rf"|admitted|admits|took|takes|acknowledged|has\s+claimed|have\s+claimed)"
        rf"\s+(?:(?:\w+\s+){{0,2}}?{_RESP}|{_CLAIMED_ACT})")),
    _Rule("claimed_by", "claimed", left=_L(
        rf"\bclaimed\s+by|{_RESP}\s+[^.;]{{0,80}}?\b(?:lies|lay|rests|rested)\s+with"
        r"|\bcommuniqu[eé]\s+(?:signed|issued)\s+by")),
    _Rule("possible", "possible", left=_L(
        r"\b(?:type|kind|style|hallmarks?|trademark|pattern)\s+(?:of\s+\w+\s+)?[^.;]{0,40}?\bby"
        r"|\bhallmarks?\s+of|\b(?:may|might|could)\s+(?:also\s+)?have\s+been(?:\s+the\s+work\s+of)?"
        r"|\bpossibly(?:\s+by)?|\bpossible\s+involvement\s+of|\bperhaps(?:\s+by)?")),
    _Rule("possible_right", "possible", right=_R(
        r"\s+(?:may|might|could)\s+(?:also\s+)?(?:have\s+been\s+)?(?:be\s+)?(?:behind|responsible"
        r"|involved|have\s+(?:carried|staged|perpetrated|committed))")),
    _Rule("accused", "accused", left=_L(
        r"\b(?:blamed|blames|blame|blaming|accused|accuses|accuse|accusing|charged)"
        r"\s+(?:(?!(?:of|with|in|for|on|at|to|by)\b)\w+\s+){0,2}?|\bhold|\bholding"
        # within one sentence a full stop is an abbreviation ("U.S.")
        r"|\bblamed\s+[^;]{0,60}?\bon|\bblamed\s+on|\battribut\w*\s+[^;]{0,60}?\bto"
        # "placed the responsibility for the murder on X"
        r"|\b(?:plac\w+|put|puts|putting|laid|lay|lays)\s+(?:the\s+)?(?:blame|responsibility)"
        r"\s+[^;]{0,60}?\bon"
        r"|\bimplicat\w*|\bheld|\bholds|\bpointed\s+(?:the\s+finger\s+)?at|\baccusations?\s+against"
        r"|\b(?:involvement|participation)\s+(?:of|by)"
        r"|\bresponsibility\s+of")),
    _Rule("accused_right", "accused", right=_R(
        r"(?:\s*,\s*[^,.;]{0,60},)?"
        r"\s+(?:is|are|was|were|has\s+been|have\s+been|may\s+be|could\s+be)"
        r"\s+(?!not\b|never\b)(?:\w+\s+)?"  # "the guerrillas are not responsible"
        r"(?:blamed|accused|held\s+responsible|responsible|involved\s+in|implicated|guilty"
        r"|behind\s+(?:the|this|these|those|a|an|last)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?"
        r"|killings?|murders?|shootings?|violence|massacres?|blasts?|explosions?|assassinations?"
        r"|kidnappings?|abductions?|crimes?|ambush(?:es)?)"
        # "behind the planning and execution of these criminal acts"
        r"|behind\s+(?:the|this|these|those)\s+[^.;]{0,50}?\b(?:criminal\w*|terrorist|violent)"
        r"\s+(?:actions?|acts?)\b)"
        r"|\s+(?:participated|took\s+part)\s+in"
        # "X was the mastermind of the attack", "X, the direct perpetrator of the murders"
        r"|(?:\s*,|\s+(?:is|are|was|were)\s+(?:one\s+of\s+)?)\s*(?:the|a|an)\s+(?:[\w-]+\s+)?"
        r"(?:perpetrators?|masterminds?|(?:intellectual|material)\s+authors?|killers?|murderers?"
        r"|assassins?|gunm[ae]n|shooters?|bombers?|ringleaders?)(?:\s+(?:of|behind|in)\b|\s*[.;])")),
    # "the soldiers involved in the killing", "officers accused of ordering the massacre"
    _Rule("involved_reduced", "accused", right=_R(
        r"\s*,?\s+(?:(?:allegedly|directly|presumably|reportedly|also)\s+)?(?:involved\s+in"
        r"|implicated\s+in|accused\s+of|suspected\s+of|responsible\s+for|linked\s+to)"
        r"\s+(?:having\s+)?(?:(?:participat\w+|tak\w+\s+part)\s+in\s+)?(?:[\w'’-]+\s+){0,3}?"
        r"(?:killings?|murder\w*|massacr\w*|assassinat\w*|attack\w*|crimes?|bombings?|kidnapp?\w*"
        r"|abduct\w*|ordering|committing|perpetrating|planning|shooting|execut\w+|ambush\w*"
        r"|deaths?|slayings?|torture\w*|disappearance)\b")),
    # "officers, whom the union accused of ordering the massacre": the relative clause accuses
    _Rule("accused_relative", "accused", right=_R(
        r"\s*,?\s+(?:whom|who)\s+(?:it|he|she|they|(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:has\s+|had\s+"
        r"|have\s+)?(?:accused|accuses|blamed|blames|charged|charges|suspected|suspects"
        r"|holds?\s+responsible|held\s+responsible)\s+(?:of|for|with)?\s*(?:[\w'’-]+\s+){0,3}?"
        r"(?:killings?|murder\w*|massacr\w*|assassinat\w*|attack\w*|crimes?|bombings?|kidnapp?\w*"
        r"|abduct\w*|ordering|masterminding|planning|committing|perpetrating|shooting|deaths?)\b")),
    # "five soldiers were arrested for the killing", "the arrest of two men accused of ..."
    _Rule("charged_right", "accused", right=_R(
        # "Jo Roe, known as Tiny, 25, of Dayton, is charged": several asides
        rf"(?:(?:\s*,\s*[^,.;]{{0,60}}){{1,3}},)?\s*,?\s+(?:who\s+)?(?:is|are|was|were|has\s+been|have\s+been"
        rf"|had\s+been|being|will\s+be)\s+(?:\w+\s+)?(?:arrested|detained|charged|indicted|tried"
        rf"|taken\s+into\s+custody|arraigned"
        rf"|prosecuted|convicted|sentenced|jailed|held){_CHARGE}")),
    # "X was found guilty of murdering", "X is wanted in connection with the shooting"
    _Rule("convicted_right", "accused", right=_R(
        r"(?:(?:\s*,\s*[^,.;]{0,60}){1,3},)?\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)?\s*"
        r"(?:\w+\s+)?(?:(?:(?:found|pleaded|pled)\s+)?(?:not\s+)?guilty\s+(?:of|to)|convicted\s+of"
        r"|(?:being\s+)?(?:wanted|sought)\s+(?:for|in\s+connection\s+with|in|on)|admitted\s+to)"
        r"\s+(?:[\w-]+\s+){0,4}?(?:killings?|murder\w*|shoot\w*|manslaughter|homicide|assault"
        r"|attacks?|bombings?|kidnapp?\w*|massacres?|deaths?|crimes?|endangerment"
        r"|negligen\w*)\b")),
    # "Jane Roe, 31, faces two counts of murder"
    _Rule("faces_charges", "accused", right=_R(
        r"(?:(?:\s*,\s*[^,.;]{0,60}){1,3},)?"
        r"(?:\s+(?:has\s+been|was|were|have\s+been)\s+(?:arrested|detained|booked)\s+and)?"
        r"\s+(?:now\s+|also\s+|both\s+|each\s+)?(?:faces?|(?:is|are)\s+facing"
        r"|will\s+face)"
        r"\s+[^.;]{0,40}?\b(?:murder|homicide|manslaughter|killings?|shooting|assault"
        r"|kidnapping|terrorism)\b")),
    # "police identified the gunman as X", "the shooter, X, ...": the named actor is he
    _Rule("identified_agent", "reported_as_fact", left=_L(
        rf"\b(?:identified|named)\s+(?:the\s+)?(?:[\w-]+\s+)?{_AGENT_WORD}\s+as"
        rf"|\b{_AGENT_WORD}\s*,?\s+(?:(?:who\s+)?(?:was|has\s+been|is)\s+)?(?:identified|named|id['’]?d)\s+as"
        # "the teen who fired the gun, Jo Roe, ran away"
        r"|\b(?:person|man|woman|teen|teenager|boy|girl|youth)\s+who\s+(?:fired|shot|had\s+the\s+gun"
        r"|pulled\s+the\s+trigger)\b[^,.;]{0,30},\s*(?:identified\s+as\s+)?"
        rf"|\b{_AGENT_WORD}['’]s\s+name\s+(?:is|was)"
        rf"|\bthe\s+(?:[\w-]+\s+)?{_AGENT_WORD}\s*,")),
    _Rule("charged", "accused", left=_L(
        r"\b(?:arrest|arrests|arrested|arresting|detention|detained|indictment|indicted"
        r"|conviction|convicted|trial|prosecution|capture|captured)(?:\s+of)?"),
        right=re.compile(rf"^(?:\s*\[[^\]]{{0,80}}\]|\s*\([^)]{{0,80}}\))?{_CHARGE}")),
    # "those responsible for the murder are soldiers", "the killers of X were Y"
    _Rule("culprit_copula", "accused", left=_L(
        r"\b(?:those|the\s+(?:persons|people|ones|men|individuals))\s+(?:(?:who\s+(?:are|were)"
        r"|directly|allegedly)\s+)?responsible\s+for\s+[^.;]{0,60}?\b(?:are|were|is|was)"
        r"|\b(?:murderers|killers|assassins|perpetrators|authors|kidnappers|attackers)\s+of"
        r"\s+[^.;]{0,60}?\b(?:are|were)(?:\s+(?:either|probably|likely|apparently))?")),
    # "police arrested Jo Roe, 28": a named person under arrest is a suspect (names only:
    # "arrested 40 protesters" names no culprit)
    _Rule("arrested_person", "accused", left=_L(
        r"\b(?:arrested|apprehended|detained|charged|indicted|on\s+the\s+hunt\s+for"
        r"|arrest\s+warrants?\s+(?:\w+\s+){0,3}?for"
        r"|manhunt\s+for)")),
    _Rule("arrested_person_right", "accused", right=_R(
        r"(?:(?:\s*,\s*[^,.;]{0,60}){1,3},)?\s+(?:was|were|has\s+been|have\s+been|had\s+been)"
        r"\s+(?:\w+\s+)?(?:arrested|apprehended|taken\s+into\s+custody)\b"
        r"|(?:(?:\s*,\s*[^,.;]{0,60}){1,3},)?\s+(?:later\s+)?(?:turned\s+(?:himself|herself"
        r"|themselves)\s+in|surrendered\s+to)\b")),
    # "Jo Roe, 22, was named a person of interest", "identified Jo Roe as a person of interest"
    _Rule("arrested_person_interest", "suspected", right=_R(
        r"(?:(?:\s*,\s*[^,.;]{0,60}){1,3},)?(?:\s+(?:was|were|is|are|has\s+been|have\s+been)"
        r"(?:\s+also)?\s+(?:named|identified|considered|described))?\s+as\s+(?:a\s+)?persons?"
        r"\s+of\s+interest")),
    _Rule("suspected", "suspected", left=_L(
        r"\b(?:suspected|presumed|alleged|suspect)"
        # "presumably by X", but "suspected by X" names who suspects
        r"|\b(?:presumably|probably|apparently|supposedly)(?:\s+by)?"
        r"|\bbelieved\s+to\s+(?:be|have\s+been)(?:\s+the\s+work\s+of)?"
        r"|\bsuspicion\s+(?:falls|fell)\s+on|\bsuspects?\s+(?:that\s+)?"
        # "the bombing was the work of X": a judgement, not an observed fact
        r"|\b(?:was|were|is|are|be|been)\s+(?:\w+ly\s+)?the\s+work\s+of"
        # "the suspect, identified as X"
        r"|\bsuspects?\s*,?\s+(?:(?:who\s+)?(?:was|were|is|are|has\s+been|have\s+been)\s+)?"
        r"(?:identified|named)(?:\s+\w+day|\s+today|\s+yesterday)?\s+as"
        r"|\bsuspect['’]s\s+name\s+(?:is|was)|\bthe\s+(?:[\w-]+\s+)?suspect\s*,"
        # "one of the suspects, Jo Roe", "the other man charged with murder, Jo Roe"
        r"|\bone\s+of\s+the\s+suspects\s*,|\b(?:man|woman|teen|person|suspect)\s+(?:charged|arrested"
        r"|accused|wanted)\s+(?:with|in|for)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:shooting|killing|murder"
        r"|death|slaying|stabbing)\s*,"
        r"|\b(?:identified|named)\s+(?:the\s+)?(?:[\w-]+\s+)?suspects?\s+as")),
    _Rule("suspected_right", "suspected", right=_R(
        r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:suspected|believed"
        r"|thought|presumed)")),
    _Rule("passive_agent", "reported_as_fact", left=_L(
        # the gap holds no other clause: "the bomb placed there was defused by police"
        rf"\b{_VPP}\b(?:(?!\b(?:was|were|is|are|been|which|who|that|found|taken|transported"
        rf"|pronounced|treated|arrested|located|seen)\b)[^.;\n]){{0,60}}?"
        rf"\bby{_BY_NAME}|\b(?:attacks?|ambush(?:es)?|raids?"
        r"|bombings?|assaults?|massacres?|killings?|murders?|kidnappings?|incursions?"
        r"|actions?|operations?|sabotage|harassment|crimes?|atrocit(?:y|ies)|attempts?|plots?)"
        r"\s+(?:\w+\s+){0,2}?by" + _BY_NAME)),
    # "hostages were released by the ELN guerrillas": their captors (kidnapping only)
    _Rule("release_agent", "reported_as_fact", left=_L(
        r"\b(?:released|freed|set\s+free)\b[^.;]{0,60}?\bby" + _BY_NAME)),
    _Rule("release_subject", "reported_as_fact", right=_R(
        rf"{_SUBJ_MOD}{_INTER}\s+(?:released|freed|set\s+free)\b(?!\s+(?:by|from)\b)")),
    # an article makes the verb a noun: "killed ... in an attack", "the scene of the attack"
    _Rule("active_subject", "reported_as_fact", right=_R(
        rf"{_SUBJ_MOD}{_INTER}\s+(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s){_VACT}\b")),
    # "unidentified persons drove up to the embassy and planted a bomb"
    _Rule("active_coordinated", "reported_as_fact", right=_R(
        rf"{_SUBJ_MOD}(?:\s+(?:today|yesterday|also|then|reportedly|allegedly))?"
        rf"\s+(?!{_SAYING}\b)(?:[a-z]+ed|drove|came|went|broke|got|ran|rode|took|stole)\b"
        rf"(?:(?!\bthat\b)[^.;,]){{0,60}}?\s+and\s+(?:then\s+)?{_VACT}\b")),
    _Rule("attack_modifier", "reported_as_fact", right=_R(
        r"\s+(?:urban\s+)?(?:attacks?|ambush(?:es)?|bombings?|raids?|assaults?"
        r"|massacres?|sabotage|incursions?)\b")),
)
_SLOT_OF = {
    "claimed": "responsibility", "denied": "denial", "possible": "suspected_perpetrator",
    "accused": "suspected_perpetrator", "suspected": "suspected_perpetrator",
    "reported_as_fact": "perpetrator",
}
_HEDGE = re.compile(
    r"\b(?:presumably|allegedly|apparently|reportedly\s+suspected|probably|possibly|perhaps"
    r"|may\s+have|might\s+have|could\s+have|suspected?|believed|presumed)\b"
)
_BACKGROUND = re.compile(
    r"^\W*(?:in|by|since|during|back\s+in)\s+(?:(?:early|late|mid-?)\s*)?(?:\w+\s+)?(?:19|20)\d\d\b"
    r"|^\W*(?:earlier|previously|in\s+the\s+past|last\s+year|years?\s+ago)\b"
    r"|\b(?:earlier|previous|past|prior)\s+attacks?\b"
)


# "three soldiers killed in the clash": a reduced passive, so the actor is a victim.
_REDUCED_PASSIVE = re.compile(
    r"^\s+(?:killed|wounded|injured|kidnapp?ed|murdered|shot|captured|seized|hurt|abducted"
    r"|arrested|taken|executed|massacred|tortured|burned|detained|beaten|slain)"
    # "Jo Roe shot and killed his cousin" has an object: no reduced passive
    r"(?!\s+and\s+(?:fatally\s+)?(?:killed|wounded|injured)\s+(?!(?:in|at|on|near|by|during|when"
    r"|while|after|as|last|yesterday|today|early|this|inside|outside|and|or|were|was)\b)[a-z\d])"
    r"(?:\s+(?:in|by|during|when|while|and|or|at|on|near|after|as|last|yesterday|today|early"
    r"|this|were|was|have|has|had|are|is|inside|outside|include|included)\b|\s*[,.;:)?]|\s*$)"
)
# Security forces arresting or seizing are not attacks.
_STATE_ACTOR = re.compile(r"\b(?:army|armed forces|air force|police|policemen|soldiers|troops"
                          r"|military|guard|security forces|government forces|state forces"
                          r"|federal forces|regime forces)\b")
_LAW_ENFORCEMENT = re.compile(r"\b(?:seized|captured|forced|occupied|arrested|detained|conducted"
                              r"|carried\s+out|launched|staged|raided|hit|struck)\b")


_POLICE = re.compile(r"\b(?:police|policemen|officers?|deput(?:y|ies)|sheriffs?|troopers?)$")
_POLITICAL = re.compile(r"\b(?:government|regime)$")
_MEMBERS = re.compile(rf"^\s+{_MEMBER_NOUN}\b")
# "soldiers carried out the murder": a crime, not an operation
_CRIME = re.compile(r"^\s+(?:the\s+|a\s+|this\s+|that\s+)?(?:\w+\s+)?(?:murders?|massacres?"
                    r"|killings?|assassinations?|crimes?)\b")
_NEGATED = re.compile(r"\b(?:no|nor|neither)\b[^.;,]{0,30}$")


_AGE_ASIDE = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_POSSESSIVE = re.compile(r"[’']s?(?:\s|$)")


def _role(actor: _Actor, low: str, named: bool) -> tuple[_Rule, re.Match[str]] | None:
    left, right = low[: actor.start], low[actor.end:]
    state = not named and bool(_STATE_ACTOR.search(low[actor.start:actor.end]))
    negated = bool(_NEGATED.search(left))
    political = not named and bool(_POLITICAL.search(low[actor.start:actor.end]))
    # Police firing or shooting is mostly the response to an incident, not its cause
    # (officer-involved shootings); they are perpetrators only when blamed or suspected.
    police = not named and bool(_POLICE.search(low[actor.start:actor.end]))
    possessive = bool(_POSSESSIVE.search(low[actor.start:actor.end + 2]))
    for rule in _RULES:
        if negated and rule.name == "claim_responsibility":
            continue  # "no person or group has claimed responsibility"
        if (political or state) and rule.name.startswith("release_"):
            continue  # "hostages freed by police": a rescue
        if (political or police) and rule.confidence == "reported_as_fact":
            continue  # "the government launched a program": only blame makes it an actor
        if rule.name.startswith("arrested_person") and not _arrested_culprit(actor, named):
            continue  # "arrested 40 protesters", "arrested the FMLN leader": no named culprit
        if rule.name == "identified_agent" and (named or not _is_name(actor.values[0])):
            continue  # "the gunman, police said, ...": only a name restates the gunman
        if rule.name == "attack_modifier" and not named:
            continue  # "terrorist attack" is a characterisation, not a perpetrator
        if rule.name.startswith("active_") and _REDUCED_PASSIVE.match(
                _AGE_ASIDE.sub("", _MEMBERS.sub("", right))):
            continue  # "Jo Roe, 19, shot and killed at a party": a victim
        if rule.name.startswith("active_") and possessive:
            continue  # "Galan's murder": the name modifies the noun, it is no subject
        if state and rule.name in ("active_subject", "active_coordinated", "passive_agent"):
            m = (rule.right.match(right) if rule.right else rule.left.search(left[-160:]))  # type: ignore[union-attr]
            if m and _LAW_ENFORCEMENT.search(m.group()) and not _CRIME.match(
                    right[m.end():] if rule.right else right):
                continue
        m = rule.left.search(left[-160:]) if rule.left is not None else None
        if rule.left is not None and rule.right is not None:  # both sides must fit
            m = m if m is not None and rule.right.match(right) else None
        elif m is None and rule.right is not None:
            m = rule.right.match(right)
        if m is not None and rule.name == "passive_agent" and _HYPOTHETICAL.search(
                left[:len(left) - (len(m.string) - m.start())][-40:]):
            continue  # "a bombing that might be carried out by the gangs"
        if m is not None and _not_an_act(rule.name, m, right, low):
            continue
        if m is not None and not _off_topic(rule, m, right, low):
            return rule, m
    return None


def _arrested_culprit(actor: _Actor, named: bool) -> bool:
    """A person under arrest ("police arrested Jo Roe, 28"): a name as written (capitalised),
    not a group or a description. (Whether the report is about an incident: see
    ``_arrests_in_incident``.)"""
    value = actor.values[0]
    return not named and _is_name(value) and any(c.isupper() for c in value)


_HYPOTHETICAL = re.compile(r"\b(?:could|would|will|might|may|can|should|to)\s+(?:not\s+)?be"
                           r"(?:\s+\w+ly)?\s*$|\bto\s+(?:prevent|avoid|stop|thwart)\b[^.;]*$")
# "houses owned by X", "a delegation led by X": a participle nearer to "by" than
# the act verb takes the agent for itself (unless it is an act verb too).
_LAST_BY = re.compile(r"\b([a-z]+)\s+by\b(?!.*\bby\b)")
_LEADER = re.compile(r"(?:led|headed|owned|chaired|signed|issued|initiated|uncovered|waged)")
_LEADS_ACT = re.compile(r"\b(?:attacks?|raids?|operations?|patrols?|troops|units?|squads?"
                        r"|commandos?|massacres?|ambush(?:es)?|assaults?)\s+(?:\w+\s+)?$")
# "X launched an offensive / a campaign": a programme, not one incident.
_NOT_INCIDENT = re.compile(
    r"^\W*(?:(?:a|an|the|its|their|his|this|that|new|large\w*|major|intense|\w+-?\w*)\s+){0,4}?"
    r"(?:offensives?|campaigns?|maneuvers?|manoeuvres?|programs?|programmes?|plans?|war|struggle"
    r"|operations?\s+(?:against|to|in)|investigations?|searches?|raids?\s+against\s+(?:drug|narco)"
    r"|military\s+(?:offensive|campaign|operations?)|counteroffensive)\b")
# "killed X in an attack perpetrated by": the verb after an incident noun is a
# reduced relative of that noun, the actor before it no subject.
_NOUN_THEN_VERB = re.compile(
    r"\b(?:attacks?|bombings?|killings?|murders?|massacres?|crimes?|assassinations?|ambush(?:es)?"
    r"|operations?|actions?|raids?|kidnappings?|explosions?)\s+(?:\w+\s+)?(?:" + _VPP + r")\s*$")


def _not_an_act(rule: str, m: re.Match[str], right: str, low: str) -> bool:
    """Role matches that name no concrete act of the actor (see the patterns above)."""
    text = m.group()
    if re.search(r"\n\s*\n", text):
        return True  # a list of names above a headline: the paragraph ends the clause
    if rule == "passive_agent":
        last = _LAST_BY.search(text)
        if last is None:
            return False
        word = last.group(1)
        if _LEADER.fullmatch(word):
            return not _LEADS_ACT.search(text[:last.start()])
        return (re.fullmatch(r"[a-z]{3,}(?:ed|en)", word) is not None
                and re.fullmatch(_VPP + r"|commanded|ordered|committed", word) is None)
    if rule in ("active_subject", "active_coordinated"):
        rest = right[m.end():] if m.string == right else ""
        if re.search(r"\b(?:launch\w*|carried\s+out|conducted|mounted|staged|began|continu\w*)\s*$",
                     text) and _NOT_INCIDENT.match(rest):
            return True
        return bool(_NOUN_THEN_VERB.search(text))
    if rule == "claimed_by" and re.search(r"communiqu", text):
        return not _INCIDENT_CUE.search(low)
    return False


_ACCUSED_OF = re.compile(r"^\s*(?:\[[^\]]{0,80}\]\s*)?,?\s*(?:of|with)\b")
_INVOLVED = re.compile(r"\b(?:involved|implicated|participated|took\s+part)\b")


def _off_topic(rule: _Rule, m: re.Match[str], right: str, low: str = "") -> bool:
    """An accusation or involvement that is not about violence ("accused the rebels of
    inflexible stands", "involved in drug trafficking", "in security operations")."""
    if rule.name == "accused" and re.search(r"accus|charg|blam", m.group()):
        tail = _ACCUSED_OF.match(right)
        return tail is not None and not _INCIDENT_CUE.search(right[: tail.end() + 60])
    if rule.name.startswith("release_"):
        return not re.search(r"\b(?:kidnap\w*|abduct\w*|hostages?|captives?|captivity)\b", low)
    if rule.name == "accused" and re.search(r"\bhold", m.group()):
        return not re.search(r"\b(?:responsible|accountable)\b", right[:80])
    if rule.name == "accused" and re.search(r"\b(?:involvement|participation)", m.group()):
        near = right[:80]  # "involvement of X in the murder", "participation by X in the death"
        return not (_INCIDENT_CUE.search(near) or re.search(r"\bdeaths?\b", near))
    if rule.name == "accused_right" and _INVOLVED.search(m.group()):
        return not _INCIDENT_CUE.search(right[m.end(): m.end() + 60])
    return False


# ---------------------------------------------------------------- sentences


_QUOTES = str.maketrans({'"': " ", "“": " ", "”": " "})


def _safe_lower(text: str) -> str:
    """Lower-case without changing length, so offsets stay valid."""
    low = text.lower()
    # str.lower maps each character alone except a final sigma; when no character
    # grew, it is the per-character mapping below (and much faster).
    if len(low) != len(text) or "\u03a3" in text:
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_QUOTES)  # '"Shining Path" guerrillas' reads as one phrase


@functools.lru_cache(maxsize=8)  # asked several times per report, of the same text
def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9


# A bracketed gloss opening a "sentence" continues the previous one: parsers split
# "THE FMLN [FARABUNDO MARTI ...] CONTINUES ITS ATTACKS" after "FMLN".
_OPENS_GLOSS = re.compile(r"^\s*[\[(]")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”\]]\s*$")
# Parsers also split all-caps wires mid-clause ("... MOVEMENT TUPAC | AMARU ...
# (MRTA) | TODAY CLAIMED ..."): there a span not closed by punctuation continues
# into the next; in mixed case, so does one followed by a lower-case start.
_CONTINUES = re.compile(r"^\s*[a-z]")


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, with split-off bracketed glosses re-attached."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    all_caps = _is_all_caps(text)
    for sent in doc_sents(doc):
        start, end = sent.start_char, sent.end_char
        if spans and not _ENDS_SENTENCE.search(text[spans[-1][0]:spans[-1][1]]) and (
                all_caps or _OPENS_GLOSS.match(text[start:end])
                or _CONTINUES.match(text[start:end])):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _sentences(doc: Any, skip: Container[int]) -> Iterator[tuple[int, str, str]]:
    whole = doc_text(doc)
    for start, end in sentence_spans(doc):
        if start in skip:
            continue
        text = whole[start:end]
        yield start, text, _safe_lower(text)


# ---------------------------------------------------------------- responsibility

_NONE_CLAIMED = re.compile(
    rf"\b(?:no|none|nobody|no\s+one|no-one|no\s+(?:group|organi[sz]ation|faction|militant\s+group"
    rf"|armed\s+group|one\s+group))\b[^.;]{{0,40}}?\b(?:has\s+|have\s+|had\s+)?(?:yet\s+"
    rf"|immediately\s+|so\s+far\s+|publicly\s+)?(?:claimed|taken|assumed|accepted|admitted)"
    rf"\s+(?:\w+\s+)?{_RESP}"
    rf"|{_RESP}\s+[^.;]{{0,60}}?\b(?:has|had|was|is)\s+not\s+(?:yet\s+|been\s+)*claimed"
    rf"|\bno\s+(?:immediate\s+)?claims?\s+of\s+{_RESP}"
    r"|\bnot\s+(?:yet\s+|immediately\s+)?(?:been\s+)?claimed\s+by\s+any"
    r"|\bno\s+(?:group|one)\s+(?:has\s+)?(?:yet\s+|immediately\s+)?claimed\s+(?:the|it|them)"
)


def _responsibility_none(sent_start: int, low: str) -> Iterator[ActorMention]:
    for m in _NONE_CLAIMED.finditer(low):
        yield ActorMention("responsibility", "none claimed", None, sent_start + m.start(),
                           sent_start + m.end(), sent_start,
                           f"actors.none_claimed.{RULE_VERSION}")


# "according to the police, gunmen ...": the police are the source, not an actor.
_SOURCE = re.compile(r"\b(?:according\s+to|sources?\s+(?:in|of|from)|spokesm[ae]n\s+for)"
                     r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
# "X and Y", and "the ELN's Domingo Lain Front": a group and its unit share a role
_COORD = re.compile(r"^\s*(?:,\s*\d{1,3}\s*)?"  # "Jo Roe, 21, and Al Poe, 24, are accused"
                    r"(?:,|and|or|as\s+well\s+as|,\s*and|,\s*or|/|['’]s)\s*"
                    r"(?:the\s+|\d+-year-old\s+)?$")  # "Jo Roe and 25-year-old Al Poe"


_SAID_AFTER = re.compile(rf"^\s+(?:{_SAYING}|have\s+said|has\s+said)\b")


def _roles(actors: list[_Actor], low: str) -> list[tuple[_Rule, re.Match[str]] | None]:
    """Each actor's role; coordinated actors ("blamed X and Y") share it."""
    source = [bool(_SOURCE.search(low[: a.start])) for a in actors]
    roles = [None if src else _role(a, low, a.named) for a, src in zip(actors, source, strict=True)]
    for _ in range(2):
        for i in range(len(actors) - 1):
            a, b = actors[i], actors[i + 1]
            if source[i] or source[i + 1] or not _COORD.match(low[a.end:b.start]):
                continue
            if _SAID_AFTER.match(low[b.end:]):
                continue  # "... by Juan Rojas, police said": the source, no second actor
            if roles[i] and not roles[i + 1] and roles[i][0].left is not None:  # type: ignore[index]
                roles[i + 1] = roles[i]
            elif roles[i + 1] and not roles[i] and roles[i + 1][0].right is not None:  # type: ignore[index]
                roles[i] = roles[i + 1]
    return roles


# "terrorist actions by the rebel movement", "acts of terrorism perpetrated by drug
# traffickers": a bare plural names a kind of conduct, not one incident with its author.
# (Combat is kept: "rebels attacked an army patrol" names who attacked, as ACLED codes
# battles with both sides.)
_HABITUAL = re.compile(
    r"(?<!\bthe\s)(?<!\bthis\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bthat\s)"
    r"\b(?:actions|acts|crimes|atrocities|operations|killings|murders|massacres|activities"
    r"|abuses|violations|methods)\b(?:\s+of\s+\w+)?\s+(?:[\w-]+\s+){0,2}?(?:by|[a-z]+ed\b)"
    # "a series of attacks by", "constant raids by": a campaign, not one incident
    r"|\b(?:(?:series|wave|spate|string|rash)\s+of|constant|repeated|continued|continuous|frequent)"
    r"\s+(?:[\w-]+\s+)?(?:attacks|raids|bombings|assaults|ambushes|killings|murders"
    r"|kidnappings)\s+(?:[\w-]+\s+){0,2}?by\b")


def _habitual(rule: str, start: int, end: int, low: str) -> bool:
    return rule == "passive_agent" and bool(_HABITUAL.search(low[max(0, start - 40):end]))


def _perpetrators(sent_start: int, text: str, low: str, all_caps: bool,
                  persons: list[tuple[int, int, str]],
                  names: Sequence[tuple[int, int]] = ()) -> Iterator[ActorMention]:
    actors = _actors(text, low, all_caps, persons, names)
    yield from _unknown_claimants(sent_start, text, low, actors)
    for actor, found in zip(actors, _roles(actors, low), strict=True):
        if found is None:
            continue
        rule, match = found
        confidence = rule.confidence
        if confidence == "reported_as_fact" and _HEDGE.search(low[max(0, actor.start - 60):
                                                                   actor.end + 60]):
            confidence = "suspected"
        slot = _SLOT_OF[confidence]
        start, end = actor.start, actor.end
        if rule.left is not None and match.string == low[: actor.start][-160:]:
            start = actor.start - (len(match.string) - match.start())
        elif rule.right is not None and match.string == low[actor.end:]:
            end = actor.end + match.end()
        if _habitual(rule.name, start, end, low):
            continue
        for value in actor.values:
            yield ActorMention(slot, value, confidence, sent_start + start, sent_start + end,
                               sent_start, f"actors.{rule.name}.{RULE_VERSION}")


# ---------------------------------------------------------------- unknown claimants

_CLAIM_VERB = re.compile(
    rf"\b(?:has\s+|have\s+)?(?:claimed|claims|assumed|assumes|accepted|admitted|took|takes)"
    rf"\s+(?:\w+\s+){{0,2}}?{_RESP}\b"
)
_CLAIM_GAP = re.compile(
    r"(?:\s*(?:\[[^\]]{0,80}\]|\([^)]{0,80}\)|,\s*[\w-]{2,8}\s*,|,|today|yesterday|tonight"
    r"|also|which|that|who|has|have|later|immediately|reportedly|allegedly)\s*)*$"
)
_ORG_HEAD = frozenset((
    "group", "front", "movement", "army", "forces", "force", "command", "commando", "commandos",
    "unit", "brigade", "brigades", "cartel", "organization", "organisation", "party", "union",
    "alliance", "council", "cell", "battalion", "squad", "squads", "faction", "league", "legion",
))
_NAME_STOP = frozenset((
    "the", "a", "an", "this", "that", "these", "same", "new", "any", "no", "which", "who", "itself",
    "called", "calls", "calling", "named", "as", "said", "says", "and", "or", "by", "to", "in",
    "on", "at", "for", "with", "its", "their", "his", "her", "other", "another", "one", "group's",
    "alleged", "so-called", "self-styled", "self-named", "terrorist", "subversive",
))


def _unknown_claimants(sent_start: int, text: str, low: str,
                       actors: list[_Actor]) -> Iterator[ActorMention]:
    """Groups the lexicon does not know, named as claiming ("the Black Heron group has
    claimed responsibility", "a group calling itself the Free Valley Civic Front ...")."""
    for m in _CLAIM_VERB.finditer(low):
        if _NEGATED.search(low[:m.start()]):
            continue
        gap = _CLAIM_GAP.search(low[:m.start()])
        end = gap.start() if gap else m.start()
        if any(a.start < end + 1 and a.end >= end - 1 for a in actors):
            continue  # a known or generic actor already fills the subject
        words = list(re.finditer(r"[\w'’-]+", low[max(0, end - 80):end]))
        name: list[re.Match[str]] = []
        for w in reversed(words):
            between = low[max(0, end - 80) + w.end():max(0, end - 80) + name[0].start()] \
                if name else ""
            if w.group() in _NAME_STOP or len(name) == 6 or between.strip():
                break  # a name is a run of words; punctuation ends it
            name.insert(0, w)
        while name and name[0].group() in ("of", "de"):
            name.pop(0)
        if len(name) < 2 or name[-1].group() not in _ORG_HEAD:
            continue
        offset = max(0, end - 80)
        s, e = offset + name[0].start(), offset + name[-1].end()
        surface = text[s:e]
        if surface != surface.upper() and not all(w[:1].isupper() or w in ("of", "de")
                                                  for w in surface.split()):
            continue  # in mixed case a name is capitalised
        value = canonical_group(surface) or " ".join(surface.split())
        yield ActorMention("responsibility", value, "claimed", sent_start + s,
                           sent_start + m.end(), sent_start,
                           f"actors.claimed_unknown.{RULE_VERSION}")


# ---------------------------------------------------------------- characterisation

_CHARACTERISATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(p)) for label, p in (
        ("terrorist attack", r"\b(?:terrorist|terror)\s+(?:attacks?|acts?|bombings?|incidents?"
                             r"|operations?|actions?|crimes?)\b|\bacts?\s+of\s+terror(?:ism)?\b"),
        ("suicide attack", r"\bsuicide\s+(?:attacks?|bombings?)\b"),
        ("massacre", r"\bmassacres?\b"),
        ("hate crime", r"\bhate\s+crimes?\b"),
        ("war crime", r"\bwar\s+crimes?\b"),
        ("genocide", r"\bgenocid(?:e|al)\b"),
        ("sabotage", r"\bsabotage\b"),
        ("accident", r"\b(?:accident|accidental)\b"),
        ("criminal act", r"\bcriminal\s+acts?\b"),
        ("cowardly attack", r"\bcowardly\s+(?:attacks?|acts?|actions?)\b"),
    )
)


def _characterisations(sent_start: int, low: str) -> Iterator[ActorMention]:
    for label, pattern in _CHARACTERISATIONS:
        for m in pattern.finditer(low):
            yield ActorMention("characterisation", label, None, sent_start + m.start(),
                               sent_start + m.end(), sent_start,
                               f"actors.characterisation.{RULE_VERSION}")


# ---------------------------------------------------------------- weapons

_WEAPONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])")) for label, p in (
        ("car bomb", r"car[\s-]bombs?|vehicle[\s-]borne\s+(?:improvised\s+)?explosive\s+devices?"
                     r"|truck\s+bombs?|vbieds?"),
        ("suicide vest", r"suicide\s+(?:vests?|belts?)|explosive\s+(?:vests?|belts?)"),
        ("bomb", r"bombs?|improvised\s+explosive\s+devices?|ieds?|explosive\s+devices?"
                 r"|explosive\s+charges?"),
        ("dynamite", r"dynamite|dynamite\s+charges?|sticks?\s+of\s+dynamite"),
        ("explosives", r"explosives"),
        ("grenade", r"(?:hand\s+)?grenades?"),
        ("mortar", r"mortars?(?:\s+rounds?|\s+shells?)?"),
        ("rocket", r"rockets?|rpgs?|rocket-propelled\s+grenades?"),
        ("missile", r"missiles?"),
        ("drone", r"drones?"),
        ("firearm", r"guns?|rifles?|machine\s?guns?|pistols?|handguns?|firearms?|ak-47s?"
                    r"|m-16s?|submachine\s+guns?|shotguns?"),
        ("knife", r"knives|knife|machetes?|axes?"),
        ("landmine", r"(?:land)?mines?"),
        ("incendiary", r"molotov\s+cocktails?|incendiary\s+(?:devices?|bombs?)|petrol\s+bombs?"),
        ("vehicle", r"(?:car|truck|lorry|van)\s+(?:ramming|rammed|plowed|ploughed)"),
    )
)
_WEAPON_USE = re.compile(
    r"\b(?:placed|planted|detonated|exploded|explode|went\s+off|hurled|threw|thrown|fired"
    r"|used|using|set\s+off|triggered|armed\s+with|carrying|packed|laden|loaded|blew|blown"
    r"|killed\s+by|wounded\s+by|injured\s+by|with\s+(?:a|an|two|three|several)|shot|attacked"
    r"|launched|dropped|struck|hit|stabbed|hacked|rammed|strapped|wearing)\b"
)


def _weapons(sent_start: int, low: str) -> Iterator[ActorMention]:
    if not _WEAPON_USE.search(low):
        return
    taken: list[tuple[int, int]] = []
    for label, pattern in _WEAPONS:
        for m in pattern.finditer(low):
            if label == "landmine" and not re.search(r"land|mines?\s+(?:exploded|blast)",
                                                     low[m.start():m.end() + 20]):
                continue  # "mine" is also a pronoun and a pit
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            yield ActorMention("weapon", label, None, sent_start + m.start(),
                               sent_start + m.end(), sent_start,
                               f"actors.weapon.{RULE_VERSION}")


# ---------------------------------------------------------------- targets

_TARGET = re.compile(
    r"\b(?:targeted|targeting|targetting|targets|attacks?\s+(?:on|against)|attacked"
    r"|bombing\s+of|bombed|ambush\s+(?:on|of)|ambushed|raid\s+on|raided)\s+"
    r"((?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+?)"
    r"(?=\s*(?:[,.;:(\[]|\bin\b|\bon\b|\bat\b|\bnear\b|\bwhich\b|\bthat\b|\bwho\b|\band\s+(?:killed"
    r"|wounded|injured)\b|\bkilling\b|\bwounding\b|\bwith\b|\bby\b|\bwhere\b|\bduring\b|$))"
)


def _targets(sent_start: int, low: str) -> Iterator[ActorMention]:
    for m in _TARGET.finditer(low):
        value = re.sub(r"^(?:the|a|an)\s+", "", m.group(1)).strip()
        if not value or value in {"him", "her", "them", "it", "us"}:
            continue
        yield ActorMention("target", value, None, sent_start + m.start(), sent_start + m.end(),
                           sent_start, f"actors.target.{RULE_VERSION}")


# ---------------------------------------------------------------- public API


def extract_actors(doc: Any, *, skip_sentences: Container[int] = ()) -> list[ActorMention]:
    """Actor statements of a parsed report (perpetrators, claims, characterisation, ...).

    ``skip_sentences`` holds start offsets of sentences about older incidents;
    nothing is emitted there. Background sentences the module recognises itself
    ("In 2017, ...") yield no perpetrator, responsibility, weapon or target.
    """
    all_caps = _is_all_caps(doc_text(doc))
    ents = list(doc_ents(doc))
    people = [e for e in ents if e.label_ == "PERSON"]
    names_ents = [e for e in ents if e.label_ in _NAME_LABELS]
    out: list[ActorMention] = []
    current: list[tuple[int, str, str]] = []
    lead_years = _lead_years(doc)
    for start, text, low in _sentences(doc, skip_sentences):
        out.extend(_characterisations(start, low))
        if _BACKGROUND.search(low):
            continue
        current.append((start, text, low))
        if not _dated_past(low, lead_years):  # only the means of this report's incident
            out.extend(_weapons(start, low))
            out.extend(_targets(start, low))
        out.extend(_responsibility_none(start, low))
        persons = [(e.start_char - start, e.end_char - start, e.text)
                   for e in people
                   if start <= e.start_char < start + len(text)
                   and (not all_caps or _caps_person(e.text))]
        names = [(e.start_char - start, e.end_char - start) for e in names_ents
                 if start <= e.start_char < start + len(text)]
        out.extend(_perpetrators(start, text, low, all_caps, persons, names))
    out.extend(_discourse_suspects(current, out, all_caps))
    out = _arrests_in_incident(out, current)
    out = _merge_name_variants(_named_over_described(out))
    return sorted(set(out), key=lambda a: (a.start, a.end, a.slot, a.value))


def _arrests_in_incident(mentions: list[ActorMention],
                         sentences: list[tuple[int, str, str]]) -> list[ActorMention]:
    """An arrest makes a suspect only in a report about an incident: its sentence or the
    lead names one ("arrested in the shooting", "A man was shot dead ... Police arrested
    Jo Roe"); political arrests ("troops arrested five union leaders") name none."""
    cued = {start for start, _, low in sentences if _INCIDENT_CUE.search(low)}
    if any(start in cued for start, _, _ in sentences[:2]):
        return mentions
    return [m for m in mentions
            if ".arrested_person" not in m.rule or m.sent_start in cued]


def _is_name(value: str) -> bool:
    return (canonical_group(value) is None and not _GENERIC.fullmatch(value.lower())
            and not _SINGULAR.fullmatch(value.lower()))


def _merge_name_variants(mentions: list[ActorMention]) -> list[ActorMention]:
    """"Pablo Escobar Gaviria" and later "Escobar": one person, so one value, the full
    name a reader needs. A surname shared by two different full names ("John Smith" and
    "Jim Smith") stays as written: it could be either."""
    names = sorted({m.value for m in mentions if m.slot in _PERP_SLOTS and _is_name(m.value)})
    words = {v: frozenset(v.lower().strip(" .").split()) for v in names}
    full = {}
    for v in names:
        longer = sorted((w for w in names if words[v] < words[w]),
                        key=lambda w: (-len(words[w]), w))
        if longer and all(words[w] <= words[longer[0]] for w in longer):
            full[v] = longer[0]
    return [replace(m, value=full[m.value]) if m.value in full and full[m.value] != m.value
            else m for m in mentions]


# A parser's all-caps name span may run on into the verb ("MCGRATH STATES").
_SPEECH_VERBS = frozenset(("states", "explains", "adds", "notes", "reports", "declares",
                           "announces", "claims", "denies", "insists", "warns"))


def _caps_person(name: str) -> bool:
    """In all-caps text the parser's PERSON spans are trusted only as full names:
    two or more alphabetic words."""
    words = name.split()
    return (len(words) >= 2 and all(re.fullmatch(r"[A-Z][A-Z'’.-]*", w) for w in words)
            and not any(w.lower() in _NOT_NAME or w.lower() in _SPEECH_VERBS for w in words))


_SINGULAR = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:gunman|shooter|killer|attacker|assailant|bomber|murderer|perpetrator"
    r"|hit\s?man|sniper|kidnapper|abductor|hijacker|assassin|suspect|man|woman|person"
    r"|individual)"
)


def _named_over_described(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop "the gunman" when the report names a person as a perpetrator: one
    individual, described and named, is one actor (the name is the better value)."""
    perps = [m for m in mentions if m.slot in _PERP_SLOTS and m.value != "none claimed"]
    named_person = any(
        canonical_group(m.value) is None and "claimed_unknown" not in m.rule
        and not _GENERIC.fullmatch(m.value.lower()) and not _SINGULAR.fullmatch(m.value.lower())
        and not _UNIT_HEAD.search(m.value.lower().rsplit(" ", 1)[-1])
        for m in perps)
    if not named_person:
        return mentions
    return [m for m in mentions
            if not (m.slot in _PERP_SLOTS and _SINGULAR.fullmatch(m.value.lower()))]


# ---------------------------------------------------------------- dated background

_DATED = re.compile(r"\b(?:on|in|since|during)\b[^.;]{0,25}?\b((?:19|20)\d\d)\b")


def _lead_years(doc: Any) -> frozenset[str]:
    """Years the first sentence (lead or dateline) gives: the report's own time frame."""
    spans = sentence_spans(doc)[:1]
    lead = doc_text(doc)[spans[0][0]:spans[0][1]] if spans else ""
    return frozenset(re.findall(r"\b(?:19|20)\d\d\b", lead))


def _dated_past(low: str, lead_years: frozenset[str]) -> bool:
    """A sentence dating its events to a year the lead does not (news rarely writes the
    current year in the body: "killed in an air strike on March 5, 2011")."""
    return any(m.group(1) not in lead_years for m in _DATED.finditer(low))


# ---------------------------------------------------------------- discourse

_PERP_SLOTS = frozenset(("perpetrator", "suspected_perpetrator", "responsibility"))
_INCIDENT_CUE = re.compile(
    r"\b(?:attack\w*|bomb\w*|explo\w*|dynamit\w*|kill\w*|murder\w*|assassinat\w*|kidnap\w*"
    r"|abduct\w*|burn\w*|set\s+fire|arson|massacr\w*|shot|shoot\w*|machine-?gunned|ambush\w*"
    r"|sabotag\w*|terroris\w*|hostages?|wounded|injured|destroy\w*|damag\w*|crimes?|slain)\b"
)


# A group named as the one that suffered: "(members) were killed", "was dealt a blow".
_VICTIM_AFTER = re.compile(
    r"^\s*(?:\[[^\]]{0,80}\]|\([^)]{0,80}\))?(?:\s+[\w-]+){0,2}?\s+(?:were|was|have\s+been"
    r"|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:killed|arrested|captured|wounded|injured|detained"
    r"|dismantled|defeated|routed|attacked|bombed|hit|dealt|housed|released)\b"
)


# A group that speaks about the incident is not thereby its author.
_SPEAKER_AFTER = re.compile(
    rf"^\s*(?:\[[^\]]{{0,80}}\]|\([^)]{{0,80}}\))?(?:\s+[\w-]+)?{_INTER}\s+(?:{_SAYING}|reports"
    r"|condemned|condemns|described|describes|decision|statement|communiqu[eé]|spokesm[ae]n"
    r"|asserted|asserts|announces|states|stated|says|denounced|deplored|repudiated)\b"
)


def _discourse_suspects(sentences: list[tuple[int, str, str]], found: list[ActorMention],
                        all_caps: bool) -> Iterator[ActorMention]:
    """Named armed groups of an incident report whose perpetrators are only described.

    Reports often say who acted in generic words ("guerrillas dynamited the
    bridge") and name the organisation elsewhere ("the FMLN ... urban
    commandos"). When a generic non-state actor is a perpetrator, each armed
    group named in an incident sentence (and not already placed in a role,
    denial included) becomes a suspected perpetrator; its first such mention is
    the evidence.
    """
    lex = _lexicon()
    placed = {m.value for m in found if m.slot in _PERP_SLOTS | {"denial"}}
    generic = any(m.slot in _PERP_SLOTS and m.value != "none claimed"
                  and m.value not in lex.kinds and not _STATE_ACTOR.search(m.value)
                  and not _is_name(m.value)
                  for m in found)
    if not generic:
        return
    seen: set[str] = set()
    for start, text, low in sentences:
        if not _INCIDENT_CUE.search(low):
            continue
        for s, e, name in _named_spans(text, low, all_caps):
            if name in placed or name in seen or lex.kinds.get(name) not in _ARMED_KINDS:
                continue
            if _VICTIM_AFTER.match(low[e:]) or _SPEAKER_AFTER.match(low[e:]):
                continue  # "five FARC members were killed", "the FMLN condemned the attack"
            seen.add(name)
            yield ActorMention("suspected_perpetrator", name, "suspected", start + s, start + e,
                               start, f"actors.discourse.{RULE_VERSION}")


# ---------------------------------------------------------------- event type

_EVENT_CUES: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (label, w, re.compile(p)) for label, w, p in (
        ("explosion", 2.0, r"\b(?:bomb(?:s|ing|ings|ed)?|blasts?|explosions?|explosives?"
                           r"|explod(?:ed|es|ing)|detonat\w*|ieds?|car[\s-]bomb\w*|dynamit\w*"
                           r"|suicide\s+bomber)\b"),
        ("airstrike", 3.0, r"\b(?:air\s*strikes?|air\s+raids?|drone\s+strikes?|bombing\s+raids?"
                           r"|missile\s+strikes?|aerial\s+bombard\w*|warplanes?)\b"),
        ("shooting", 2.0, r"\b(?:shooting|shootings|shot\s+(?:dead|and\s+killed|at)|gunm[ae]n"
                          r"|gunfire|opened\s+fire|shooter|gunshots?|machine-?gunned)\b"),
        ("kidnapping", 2.5, r"\b(?:kidnap\w*|abduct\w*|hostages?|taken\s+captive)\b"),
        ("arson", 2.5, r"\b(?:arson\w*|set\s+(?:on\s+)?fire|set\s+ablaze|torched|burned\s+down"
                       r"|incendiary|molotov)\b"),
        ("assassination", 2.5, r"\b(?:assassinat\w*)\b"),
        ("armed_attack", 1.0, r"\b(?:attack(?:ed|s)?|ambush\w*|raid(?:ed|s)?|stormed|assault\w*"
                              r"|massacre\w*|murder\w*)\b"),
        ("clash", 1.5, r"\b(?:clash\w*|skirmish\w*|fighting|firefights?|battles?|combat)\b"),
        ("riot", 2.5, r"\b(?:riots?|rioters|rioting|looting|unrest|stampede)\b"),
        ("natural_disaster", 3.0, r"\b(?:earthquakes?|quakes?|floods?|flooding|hurricanes?"
                                  r"|cyclones?|typhoons?|tornado(?:es)?|landslides?|tsunamis?"
                                  r"|wildfires?|volcan\w*|droughts?|mudslides?|avalanches?)\b"),
        ("accident", 2.5, r"\b(?:crash(?:ed|es)?|collision|collided|derail\w*|capsiz\w*"
                          r"|accident\w*|gas\s+leak|plane\s+crash|sank)\b"),
    )
)
# A stampede or unrest after a blast should not outvote the blast itself.
_POSITION_DECAY = 0.15


def classify_event_type(doc: Any, *, skip_sentences: Container[int] = ()) -> str | None:
    """Coarse event type (ACLED/GTD-like) from cue words, early sentences weighing more."""
    scores: dict[str, float] = {}
    for i, (_, _, low) in enumerate(_sentences(doc, skip_sentences)):
        weight = 1.0 / (1.0 + _POSITION_DECAY * i)
        for label, w, pattern in _EVENT_CUES:
            hits = len(pattern.findall(low))
            if hits:
                scores[label] = scores.get(label, 0.0) + w * weight * min(hits, 2)
    if not scores:
        return None
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return best[0] if best[1] >= 1.0 else "other"


# ---------------------------------------------------------------- framing

_FRAMING: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ref, re.compile(p)) for ref, p in (
        ("death", r"\b(?:assassination|martyrdom|murder|execution|slaying|killing|liquidation"
                  r"|elimination)\b"),
        ("event", r"\b(?:terrorist\s+attacks?|terror\s+attacks?|terrorist\s+acts?|acts?\s+of"
                  r"\s+terror(?:ism)?|massacres?|tragedy|tragedies|atrocit(?:y|ies)|carnage"
                  r"|bloodbath|martyrdom\s+operations?|incident|accident|hate\s+crimes?"
                  r"|war\s+crimes?|genocide|cowardly\s+(?:attacks?|acts?))\b"),
        ("perpetrator", r"\b(?:terrorists|militants?|insurgents?|jihadists?|extremists?"
                        r"|freedom\s+fighters?|resistance\s+fighters?|martyrs|perpetrators"
                        r"|criminals|mercenaries|rebels|guerrillas|gunmen)\b"),
    )
)
_TITLE_WORD = (
    r"(?:Martyr|General|Gen\.?|Maj\.?|Major|Lt\.?|Lieutenant|Brig\.?|Brigadier|Colonel"
    r"|Col\.?|Commander|Ayatollah|Grand\s+Ayatollah|Hojatoleslam|Sheikh|Sheik|Imam|Seyyed"
    r"|Sayyed|Mullah|President|Prime\s+Minister|Supreme\s+Leader|King|Prince|Emir|Dr\.?"
    r"|Reverend|Father|Bishop|Archbishop|Senator|Minister|Chief|Sergeant|Captain|Admiral"
    r"|Field\s+Marshal|Marshal|Hero)"
)
_TITLES_BEFORE = re.compile(rf"((?:{_TITLE_WORD}\s+)+)$")
_TITLES_INSIDE = re.compile(rf"^((?:{_TITLE_WORD}\s+)+)")
_NON_NAME = re.compile(r"[’']s$")


def framing_terms(doc: Any) -> dict[str, list[str]]:
    """Referent -> the words the report uses for it (sorted, deduplicated).

    Referents: ``death``, ``event``, ``perpetrator`` (nominal choices such as
    "assassination" vs "martyrdom") and ``person:<surname>`` for honorifics put
    before a named person ("Martyr General").
    """
    terms: dict[str, set[str]] = {}
    low = _safe_lower(doc_text(doc))
    for ref, pattern in _FRAMING:
        for m in pattern.finditer(low):
            terms.setdefault(ref, set()).add(" ".join(m.group().split()))
    for key, title in _person_titles(doc):
        terms.setdefault(key, set()).add(title)
    return {k: sorted(v) for k, v in sorted(terms.items())}


def _person_titles(doc: Any) -> Iterator[tuple[str, str]]:
    text = doc_text(doc)
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        words = _NON_NAME.sub("", ent.text).split()
        inner = _TITLES_INSIDE.match(" ".join(words) + " ")  # title inside the entity span
        name_words = words
        titles = []
        if inner:
            titles.append(inner.group(1).strip())
            name_words = " ".join(words)[inner.end(1):].split()
        before = _TITLES_BEFORE.search(text[max(0, ent.start_char - 60):ent.start_char])
        if before:
            titles.insert(0, before.group(1).strip())
        if not name_words or not titles:
            continue
        yield f"person:{name_words[-1]}", " ".join(" ".join(titles).split())
