"""Titles and ranks written before names ("Maj Gen Qassem Suleimani", "Officer Jane Roe").

One list for every stage that separates a title from a name, so that the
entity a report names and the speaker it cites are split the same way.
"""

from __future__ import annotations

import re

TITLES = re.compile(
    r"^((maj(or)?\.?\s+gen(eral)?\.?|lt\.?\s+gen(eral)?\.?|gen(eral)?\.?|col(onel)?\.?|lt\.?|"
    r"capt(ain)?\.?|sgt\.?|martyr|president|prime minister|minister|deputy governor|governor|"
    r"mayor|sheriff|chief|ayatollah|supreme leader|sheikh|imam|dr\.?|mr\.?|mrs\.?|ms\.?|"
    r"officer|detective|lieutenant|sergeant|spokesman|spokeswoman|spokesperson)\s+)+",
    re.IGNORECASE,
)


def split_title(name: str) -> tuple[str | None, str]:
    """``("Maj Gen", "Qassem Suleimani")``; ``(None, name)`` when no title leads it."""
    match = TITLES.match(name)
    if match and match.end() < len(name):
        return match.group(0).strip(), name[match.end():]
    return None, name


def is_only_title(text: str) -> bool:
    """True for "Maj Gen" alone, which NER sometimes tags as a person."""
    return TITLES.fullmatch(text.strip() + " ") is not None
