"""Entity resolution across reports: spellings, titles, acronyms, places.

"Maj Gen Qassem Suleimani", "General Soleimani" and "Suleimani" are one person;
"IRGC" is the "Islamic Revolutionary Guard Corps"; "Islamic State militants" is
"Islamic State". Rules, no model: a union-find over mentions with three links
(same last name up to a small spelling distance, acronym of the full name,
the same name after generic nouns are stripped).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from corroborate.records import Entity, ReportAnalysis

RULE = "corroborate.entities.union_find.v2"

_GENERIC_TAIL = re.compile(
    r"\s+(militants?|fighters?|group|forces?|organi[sz]ation|movement|rebels?|members?|"
    r"militia|jihadists?|terrorists?)$", re.IGNORECASE)
_GENERIC_HEAD = re.compile(r"^(the|so-called|sunni|shia|shi'ite|muslim|terror group)\s+",
                           re.IGNORECASE)
# Granularity words of places: "Kerman province" is named after, and contains, Kerman.
_PLACE_WORDS = re.compile(r"\s+(province|governorate|county|district|region|prefecture|oblast)$"
                          r"|^(the\s+)?(city|province|town|village) of\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
# Spelling variants of one surname ("Suleimani" / "Soleimani") differ in a vowel or two.
_SURNAME_SIMILARITY = 0.8


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation: the key names are compared on."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^\w\s]", " ", text.lower()).strip()


def _core(name: str, type_: str = "ORG") -> str:
    name = _POSSESSIVE.sub("", name.strip())
    for _ in range(3):
        if type_ in ("GPE", "LOC"):
            name = _PLACE_WORDS.sub("", name)
        else:
            name = _GENERIC_HEAD.sub("", _GENERIC_TAIL.sub("", name))
    return " ".join(fold(name).split())


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def _similar_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _SURNAME_SIMILARITY


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


@dataclass(frozen=True)
class _Name:
    """What names are compared on, computed once per distinct form."""

    type: str
    core: str
    acronym: str
    compact: str
    last: str
    first: str

    @classmethod
    def of(cls, name: str, type_: str) -> _Name:
        core = _core(name, type_)
        words = core.split()
        return cls(type=type_, core=core, acronym=_acronym(name),
                   compact=core.replace(" ", ""), last=words[-1] if words else "",
                   first=words[0] if len(words) > 1 else "")

    @property
    def place(self) -> bool:
        return self.type in ("GPE", "LOC")


def _persons_linked(a: _Name, b: _Name) -> bool:
    # First names must not conflict ("Ali Khamenei" vs "Ruhollah Khomeini" are two).
    if a.first and b.first and a.first != b.first:
        return False
    return _similar_surname(a.last, b.last)


def _compatible_first(a: str, b: str) -> bool:
    """"Qassem" / "Qasem" and "J" / "Jimmy" may be one person's first name; "Henry" /
    "Chericia" are two people."""
    return a[:1] == b[:1] and (len(a) == 1 or len(b) == 1 or _similar_surname(a, b))


def _ambiguous_surnames(names: list[_Name], group: list[int]) -> set[int]:
    """Bare surnames ("Brown") that two people of the reports carry ("Henry Brown" and
    his mother "Chericia Brown"): linking them to either would merge the two."""
    out = set()
    for i in group:
        if names[i].first:
            continue
        firsts = sorted({names[j].first for j in group
                         if names[j].first and _similar_surname(names[i].last, names[j].last)})
        if any(not _compatible_first(a, b) for x, a in enumerate(firsts) for b in firsts[x + 1:]):
            out.add(i)
    return out


def _candidate_links(names: list[_Name]) -> Iterator[tuple[int, int]]:
    """Pairs that may be one entity, found through buckets rather than all pairs."""
    by_core: dict[tuple[bool, str], list[int]] = defaultdict(list)
    by_initial: dict[str, list[int]] = defaultdict(list)
    by_compact: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        if not n.core:
            continue
        by_core[(n.place, n.core)].append(i)
        if n.type == "PERSON":
            by_initial[n.last[:1]].append(i)
        elif n.type in ("ORG", "NORP"):
            by_compact[n.compact].append(i)
    for group in by_core.values():
        yield from ((group[0], j) for j in group[1:])
    for group in by_initial.values():
        ambiguous = _ambiguous_surnames(names, group)
        for x, i in enumerate(group):
            for j in group[x + 1:]:
                if _persons_linked(names[i], names[j]) and not {i, j} & ambiguous:
                    yield i, j
    for i, n in enumerate(names):
        if n.acronym and n.type in ("ORG", "NORP", "PERSON") and not n.place:
            yield from ((i, j) for j in by_compact.get(n.acronym, ()) if j != i)


def _canonical(names: Counter[str], titled: set[str]) -> str:
    # The longest frequent form: "Qassem Suleimani" over "Suleimani"; a form made
    # by putting a title in front ("Maj Gen Suleimani") is an alias, never the name.
    return max(names, key=lambda n: (n not in titled, len(n.split()) >= 2, names[n], len(n), n))


def _expand_acronyms(forms: dict[tuple[str, str], set[str]],
                     counts: Counter[tuple[str, str]]) -> None:
    """Add "Islamic Revolutionary Guard Corps" when "IRGC" and a name starting with it occur.

    The longer name ("... Guard Corps Quds Force", a unit of it) stays its own entity.
    """
    acronyms = {name.lower() for name, _ in forms if name.isupper() and 2 < len(name) <= 6}
    for (name, type_), reports in list(forms.items()):
        words = name.split()
        for n in range(2, len(words)):
            prefix = " ".join(words[:n])
            if _acronym(prefix) in acronyms and (prefix, type_) not in forms:
                forms[(prefix, type_)] = set(reports)
                counts[(prefix, type_)] += 1


def resolve_entities(analyses: Sequence[ReportAnalysis],
                     types: Iterable[str] = ("PERSON", "ORG", "NORP", "GPE", "LOC")
                     ) -> list[Entity]:
    """Merge entity mentions of several reports into entities with aliases."""
    wanted = set(types)
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts: Counter[tuple[str, str]] = Counter()
    titled_forms: set[str] = set()
    base_of: dict[str, str] = {}  # "General Soleimani" -> "Soleimani": compared as the name
    for analysis in analyses:
        for mention in analysis.entities:
            if mention.type not in wanted:
                continue
            key = (_POSSESSIVE.sub("", mention.text.strip()), mention.type)
            forms[key].add(analysis.report.id)
            counts[key] += 1
            if mention.title:
                titled = (f"{mention.title} {key[0]}", mention.type)
                titled_forms.add(titled[0])
                base_of[titled[0]] = key[0]
                forms[titled].add(analysis.report.id)
                counts[titled] += 1
    _expand_acronyms(forms, counts)
    keys = sorted(forms)
    uf = _UnionFind(len(keys))
    for i, j in _candidate_links([_Name.of(base_of.get(name, name), type_)
                                  for name, type_ in keys]):
        uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[uf.find(i)].append(i)
    entities = []
    for members in groups.values():
        names = Counter({keys[i][0]: counts[keys[i]] for i in members})
        type_votes = Counter(keys[i][1] for i in members)
        name = _canonical(names, titled_forms)
        entities.append(Entity(
            name=name, type=type_votes.most_common(1)[0][0],
            aliases=tuple(sorted(n for n in names if n != name)),
            reports=tuple(sorted({r for i in members for r in forms[keys[i]]})),
        ))
    entities.sort(key=lambda e: (-len(e.reports), -len(e.aliases), e.name))
    return entities
