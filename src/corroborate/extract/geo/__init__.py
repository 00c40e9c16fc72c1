"""Offline geocoding of place mentions and the choice of the incident's place."""

from corroborate.extract.geo.choose import ScoredPlace, choose_place, score_places
from corroborate.extract.geo.gazetteer import ATTRIBUTION, Entry, Gazetteer
from corroborate.extract.geo.mentions import geocode_doc

__all__ = [
    "ATTRIBUTION", "Entry", "Gazetteer", "ScoredPlace", "choose_place", "geocode_doc",
    "score_places",
]
