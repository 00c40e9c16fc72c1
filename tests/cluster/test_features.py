"""Compact per-report features keep exact set and mapping semantics."""

from __future__ import annotations

import pickle

from corroborate.cluster.features import Terms, WordSet


def test_wordset_membership_is_exact_for_present_and_absent_words() -> None:
    words = WordSet(["kerman", "cemetery", "blast", "blast"])
    assert len(words) == 3
    assert "kerman" in words and "blast" in words
    assert "tehran" not in words and "" not in words and 3 not in words
    assert "anything" not in WordSet()


def test_wordset_pickles_and_compares_by_content() -> None:
    words = WordSet(["a1", "b2", "c3"])
    again = pickle.loads(pickle.dumps(words))
    assert again == words and hash(again) == hash(words)
    assert "b2" in again
    assert WordSet(["a1"]) != words


def test_terms_is_a_mapping_equal_to_its_dict() -> None:
    raw = {"shooting": 2.0, "akron": 1.5, "route": 1.0}
    terms = Terms(raw)
    assert dict(terms) == raw and terms == raw
    assert terms["akron"] == 1.5 and "route" in terms and "dayton" not in terms
    assert sorted(terms) == sorted(raw) and len(terms) == 3
    assert pickle.loads(pickle.dumps(terms)) == terms
    assert Terms() == {} and len(Terms()) == 0
