"""One place-name key for every scorer: gold and predicted names are folded alike."""

from __future__ import annotations

import re

from corroborate.extract.geo.gazetteer import fold

_SUFFIXES = (" county", " parish", " city", " department", " province")


def place_key(name: str | None) -> str:
    """Fold gold and predicted names alike: "The Bronx" = "Bronx", "St. George" = "Saint George"."""
    text = re.sub(r"^(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+", "",
                  (name or "").strip())  # lower-case direction words: "southwest Houston"
    key = fold(text)
    key = re.sub(r"^(?:the|city of) ", "", key)
    for suffix in _SUFFIXES:  # before spaces go: the suffixes are matched as words
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return re.sub(r"\bsaint\b", "st", key).replace(" ", "")


def same_place(pred: str | None, gold: str | None) -> bool:
    """Equal keys; a gold "City (Neighbourhood)" accepts either part."""
    if not pred or not gold:
        return False
    key = place_key(pred)
    golds = [gold, *re.findall(r"\(([^)]*)\)", gold), re.sub(r"\s*\([^)]*\)", "", gold)]
    return any(key == place_key(g) for g in golds if g.strip())
