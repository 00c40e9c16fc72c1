"""Who said it: speaker, role, channel and reporting verb for any span.

Rules over the dependency parse (no model beyond spaCy's parser):
``<speaker> said/told/reported <ccomp>``, ``<speaker>, <role>, told <channel>``,
``according to <speaker>``, and nesting (``Reuters reported that an official
said that ...``: the official is the speaker, Reuters the channel).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from corroborate.extract.nlp import doc_ents, doc_sents, doc_text, doc_tokens
from corroborate.extract.titles import split_title
from corroborate.records import Attribution

RULE = "corroborate.attribution.dep_rules.v1"

REPORTING_LEMMAS = frozenset({
    "say", "tell", "report", "state", "announce", "confirm", "claim", "add", "note", "explain",
    "insist", "deny", "warn", "estimate", "quote", "cite", "indicate", "tweet", "write",
    "broadcast", "disclose", "reveal", "allege", "declare", "acknowledge", "describe",
    # speech acts: who vowed, urged or ordered something is the speaker of it
    "vow", "pledge", "promise", "urge", "order", "task", "call", "condemn", "blame", "accuse",
})
# Lemmas that are reporting verbs only with a clausal complement ("add that ...").
_NEEDS_CLAUSE = frozenset({"add", "note", "state", "write", "describe", "indicate", "claim",
                           "deny", "call"})
# Heads that name a medium; its proper-noun compound is the name ("Tasnim news agency").
_MEDIA_HEADS = frozenset({"agency", "newspaper", "broadcaster", "channel", "television", "daily",
                          "network", "website", "outlet", "tv", "radio"})
# Generic listeners that are not a channel ("told reporters").
_NOT_CHANNELS = frozenset({"reporters", "journalists", "the press", "media", "us", "him", "her",
                           "them", "me", "the crowd", "people"})
_DETERMINERS = re.compile(r"^(the|a|an|this|that|its|his|her|their)\s+", re.IGNORECASE)
_TRAILING_NOUNS = re.compile(r"\s+(reports?|sources?|outlets?)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Cue:
    """One reporting construction found in a sentence."""

    start: int          # char span the construction governs (its complement clause)
    end: int
    attribution: Attribution
    depth: int          # nesting depth: inner cues win


def _clean(text: str) -> str:
    text = " ".join(text.replace(" ,", ",").split()).strip(" ,;:\"“”'‘’")
    return _TRAILING_NOUNS.sub("", _DETERMINERS.sub("", text)).strip()


def _phrase(token: Any) -> tuple[str, str | None]:
    """Return ``(name, role)`` for a speaker noun phrase headed by ``token``.

    Appositions and relative clauses ("Jane Roe, the deputy governor of the
    province,") are the role; the rest is the name.
    """
    role_ids = {t.i for child in token.children if child.dep_ in ("appos", "relcl", "acl")
                for t in child.subtree}
    keep = [t for t in token.subtree if t.i not in role_ids]
    role_tokens = [t for t in token.subtree if t.i in role_ids]
    name = _clean(" ".join(t.text for t in keep if not t.is_punct or t.text in "-'’"))
    name = name.replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
    role = _clean(" ".join(t.text for t in role_tokens)) or None
    # Only a PERSON that contains the head names the speaker: in "a senior Biden
    # administration official", Biden is a modifier, not the speaker.
    persons = [e for e in doc_ents(token.doc)
               if e.label_ == "PERSON" and e.start <= token.i < e.end]
    propn = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if token.lemma_.lower() in _MEDIA_HEADS and propn:
        media = " ".join(t.text for t in sorted(propn, key=lambda t: t.i))
        return media, _clean(name.replace(media, "")) or role
    if len(persons) == 1:
        extra = _clean(name.replace(persons[0].text, ""))
        name = persons[0].text
        role = role or extra or None
    name = split_title(name)[1]
    return name, role


def _speakers_of(verb: Any) -> list[tuple[str, str | None]]:
    """Each conjunct of the subject is a speaker ("Khamenei and Raisi have vowed")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("PROPN", "NOUN"):
            heads = [child, *(c for c in child.conjuncts if c.pos_ in ("PROPN", "NOUN"))]
            return [_phrase(h) for h in heads]
    return []


def _channel_of(verb: Any) -> str | None:
    if verb.lemma_ != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ in ("PROPN", "NOUN"):
            name = _clean(" ".join(t.text for t in child.subtree))
            if name.lower() not in _NOT_CHANNELS:
                return name
    return None


def _complement(verb: Any) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis", "xcomp"):
            toks = list(child.subtree)
            return toks[0].idx, toks[-1].idx + len(toks[-1])
    return None


@functools.cache
def _verb_pos() -> frozenset[int]:
    """Ids of VERB and AUX: ``Token.pos`` compares without the string lookup of ``pos_``."""
    from spacy.symbols import AUX, VERB

    return frozenset({AUX, VERB})


def _verb_cues(sent: Any) -> list[_Cue]:
    cues = []
    verb_pos = _verb_pos()
    for tok in doc_tokens(sent.doc)[sent.start:sent.end]:
        if tok.pos not in verb_pos or tok.lemma_ not in REPORTING_LEMMAS:
            continue
        span = _complement(tok)
        if span is None and tok.lemma_ in _NEEDS_CLAUSE:
            continue
        if span is None:  # "..., police said." with the clause parsed as the head
            span = (sent.start_char, sent.end_char)
        depth = sum(1 for a in tok.ancestors if a.lemma_ in REPORTING_LEMMAS)
        for speaker, role in _speakers_of(tok):
            cues.append(_Cue(span[0], span[1],
                             Attribution(speaker=speaker, role=role, channel=_channel_of(tok),
                                         verb=tok.text.lower()), depth))
    return cues


def _according_cues(sent: Any) -> list[_Cue]:
    cues = []
    tokens = doc_tokens(sent.doc)
    for tok in tokens[sent.start:sent.end]:
        if tok.lower_ == "according" and tok.i + 1 < len(tokens) and \
                tokens[tok.i + 1].lower_ == "to":
            objs = [c for c in tokens[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                speaker, role = _phrase(objs[0])
                cues.append(_Cue(sent.start_char, sent.end_char,
                                 Attribution(speaker=speaker, role=role, verb="according to"), 0))
    return cues


def _nest(cues: list[_Cue]) -> list[_Cue]:
    """An inner speaker's channel is the outer reporter ("Reuters reported that X said")."""
    out = []
    for cue in cues:
        outer = [c for c in cues if c.depth < cue.depth and c.start <= cue.start
                 and cue.end <= c.end]
        att = cue.attribution
        if outer and not att.channel:
            channel = max(outer, key=lambda c: c.depth).attribution.speaker
            att = Attribution(speaker=att.speaker, role=att.role, channel=channel, verb=att.verb)
        out.append(_Cue(cue.start, cue.end, att, cue.depth))
    return out


class Attributor:
    """Attribution lookup for one parsed report."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._cues: dict[int, list[_Cue]] = {}
        persons = [e.text for e in doc_ents(doc) if e.label_ == "PERSON" and " " in e.text]
        self._full_names = {p.split()[-1].lower(): split_title(p)[1] for p in persons}
        # A token whose lower form is "according" is in the lower-cased text: if the text
        # lacks it, no sentence needs the token walk.
        according = "according" in doc_text(doc).lower()
        for sent in doc_sents(doc):
            cues = _verb_cues(sent) + (_according_cues(sent) if according else [])
            self._cues[sent.start_char] = _nest(cues)

    def _expand(self, name: str | None) -> str | None:
        # "Fallah also said" -> "Reza Fallah" when the report named him in full before.
        if name and " " not in name:
            return self._full_names.get(name.lower(), name)
        return name

    def for_span(self, start: int, end: int) -> Attribution:
        """The attribution of the claim at ``[start, end)``; empty for the report's own voice."""
        sent = self.doc.char_span(start, end, alignment_mode="expand")
        if sent is None:
            return Attribution()
        sent_start = sent[0].sent.start_char
        cues = [c for c in self._cues.get(sent_start, []) if c.start <= start and end <= c.end]
        if not cues:
            return Attribution()
        cues.sort(key=lambda c: (-c.depth, c.end - c.start))
        att = cues[0].attribution
        return Attribution(speaker=self._expand(att.speaker), role=att.role, channel=att.channel,
                           verb=att.verb)

    def speakers(self) -> list[Attribution]:
        """Every attribution cue in the report, in text order (for the who-said-what list)."""
        out = []
        for cues in self._cues.values():
            for cue in cues:
                att = cue.attribution
                out.append(Attribution(speaker=self._expand(att.speaker), role=att.role,
                                       channel=att.channel, verb=att.verb))
        return out
