"""Offline geocoding of place mentions and the choice of the incident's place."""

from corroborate.extract.geo.choose import choose_place
from corroborate.extract.geo.gazetteer import ATTRIBUTION, Gazetteer
from corroborate.extract.geo.mentions import geocode_doc

__all__ = ["ATTRIBUTION", "Gazetteer", "choose_place", "geocode_doc"]
