"""Upstream sources: which claims trace back to one origin.

A claim's source is who the report cites for it (the channel it came through,
else the speaker), normalised so that "state media", "Iranian media" and
"Iranian state TV" are one upstream when the incident is in Iran. A claim in
the report's own voice has the report's upstream as its source: the report
itself, or the wire story it reprints (``cluster.assign_sources``).
"""

from __future__ import annotations

import re

from corroborate.reconcile.entities import fold
from corroborate.records import Claim

RULE = "corroborate.sources.normalise.v1"

_NATIONAL_MEDIA = re.compile(
    r"^(?:(?P<adj>[a-z]+)\s+)?(?:state|state run|state owned|official|government|national)?\s*"
    r"(?:media|tv|television|news agency|broadcaster|radio|press)(?:\s+reports?)?$"
)
_AGENCY_SUFFIX = re.compile(r"\s+(news agency|agency|news|newspaper|tv|television)$")
# Demonyms whose media we fold into the country's national media key.
_DEMONYMS = {
    "iranian": "IR", "iraqi": "IQ", "syrian": "SY", "turkish": "TR", "russian": "RU",
    "chinese": "CN", "israeli": "IL", "palestinian": "PS", "pakistani": "PK", "afghan": "AF",
    "nigerian": "NG", "egyptian": "EG", "saudi": "SA", "lebanese": "LB", "yemeni": "YE",
    "indian": "IN", "ukrainian": "UA", "american": "US", "french": "FR", "british": "GB",
}
_ADJ_IS_QUALIFIER = {"state", "local", "official", "government", "national", "some", "other"}


def normalise_source(name: str, *, country: str | None = None) -> str:
    """The key an upstream source is compared on."""
    key = " ".join(fold(name).split())
    match = _NATIONAL_MEDIA.match(key)
    if match:
        adj = match.group("adj")
        if adj and adj not in _ADJ_IS_QUALIFIER:
            code = _DEMONYMS.get(adj)
            return f"national-media:{code or adj}"
        return f"national-media:{country or 'unknown'}"
    return _AGENCY_SUFFIX.sub("", key) or key


def claim_source(claim: Claim, *, report_upstream: dict[str, str],
                 country: str | None = None) -> str:
    """The independent source behind ``claim``."""
    cited = claim.attribution.channel or claim.attribution.speaker
    if cited:
        return normalise_source(cited, country=country)
    return "report:" + report_upstream.get(claim.report, claim.report)
