"""Per-Doc caches of spaCy's rebuilt-on-read properties: same values as spaCy's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.eval.datasets import shared_dir
from corroborate.extract.nlp import (
    doc_ents,
    doc_sents,
    doc_text,
    doc_tokens,
    load_nlp,
    span_ents,
    span_text,
    span_tokens,
)

SEEDS = shared_dir() / "seeds"
# Our own wording: entities in several sentences, one across a sentence's end region.
TEXT = ("Police in Dayton, Ohio, said Tuesday that Marek Olsen and Ida Brun were hurt. "
        "The Red Cross sent two trucks to Springfield.\n\nOfficials in Columbus declined "
        "to comment on Wednesday.")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _ents(spans):
    return [(e.start, e.end, e.label_) for e in spans]


def _check(doc) -> None:
    assert doc_text(doc) == doc.text
    assert [t.i for t in doc_tokens(doc)] == list(range(len(doc)))
    assert [t.text_with_ws for t in doc_tokens(doc)] == [t.text_with_ws for t in doc]
    assert _ents(doc_ents(doc)) == _ents(doc.ents)
    assert [(s.start, s.end) for s in doc_sents(doc)] == [(s.start, s.end) for s in doc.sents]
    spans = [*doc.sents, *(doc[i:j] for i in range(0, len(doc), 7)
                           for j in (i + 1, i + 4, i + 11) if j <= len(doc))]
    for span in spans:
        assert _ents(span_ents(span)) == _ents(span.ents), span.text
        assert span_text(span) == span.text
        assert [t.i for t in span_tokens(span)] == [t.i for t in span]


def test_cached_views_equal_spacy_on_own_text(nlp):
    doc = nlp(TEXT)
    assert doc.ents, "the model should tag places and people here"
    _check(doc)


def test_views_are_read_once_per_doc(nlp):
    doc = nlp(TEXT)
    assert doc_ents(doc) is doc_ents(doc)
    assert doc_sents(doc) is doc_sents(doc)
    assert doc_tokens(doc) is doc_tokens(doc)
    other = nlp(TEXT)  # an equal text is another Doc: its own entry
    assert doc_tokens(other) is not doc_tokens(doc)
    assert doc_tokens(other)[0].doc is other


def test_cached_views_equal_spacy_on_seed_reports(nlp):
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"no seed reports under {SEEDS} (set CORROBORATE_SHARED)")
    for path in paths:
        _check(nlp(Path(path).read_text(encoding="utf-8")))


def test_views_do_not_keep_old_docs_alive(nlp):
    import gc
    import weakref

    refs = []
    for i in range(12):
        doc = nlp(f"Report {i}: Police in Dayton said two men were hurt.")
        doc_tokens(doc), doc_ents(doc), doc_sents(doc), doc_text(doc)
        refs.append(weakref.ref(doc))
    del doc
    gc.collect()
    # Tokens and spans point back at their Doc: only the few newest may still be held.
    assert sum(ref() is not None for ref in refs) <= 4
