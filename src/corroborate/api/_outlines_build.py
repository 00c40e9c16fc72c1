"""Regenerate ``static/countries.json`` from world-atlas's Natural Earth TopoJSON.

Not imported at run time. Usage (the npm package ``world-atlas@2.0.2``, ISC licence,
data from Natural Earth, public domain)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m corroborate.api._outlines_build package/countries-50m.json

The output holds, per country, an SVG path already projected equirectangularly
(x = lon + 180, y = 90 - lat, so the world is the box 0 0 360 180), simplified
with Douglas-Peucker, so the browser only has to set ``d`` attributes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

Point = tuple[float, float]
TOLERANCE = 0.05  # degrees; keeps outlines recognisable at country zoom
OUT = Path(__file__).parent / "static" / "countries.json"


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    """Undo TopoJSON's quantisation and delta encoding."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def simplify(points: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative so long rings cannot overflow the stack."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_i = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                dist = abs(dy * (px - x1) - dx * (py - y1)) / norm
            else:  # closed ring: the baseline is a point, measure from it
                dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if dist > best:
                best, best_i = dist, i
        if best > tol and best_i > 0:
            keep[best_i] = True
            stack += [(first, best_i), (best_i, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def path_of(rings: list[list[Point]]) -> str:
    parts = []
    for ring in rings:
        coords = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in ring]
        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


# Natural Earth units without an ISO 3166 numeric code.
EXTRA_ISO2 = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}


def iso2_of(numeric: str | None, name: str) -> str | None:
    if name in EXTRA_ISO2:
        return EXTRA_ISO2[name]
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    if country is None:
        try:
            country = pycountry.countries.lookup(name)
        except LookupError:
            return None
    return country.alpha_2


def build(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [simplify(ring_points(r, arcs), TOLERANCE) for poly in polys for r in poly]
        rings = [r for r in rings if len(r) >= 4]
        if not rings:
            continue
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        name = geom.get("properties", {}).get("name", "")
        countries.append({
            "iso2": iso2_of(geom.get("id"), name), "name": name,
            # in projected units, like the paths: [x0, y0, x1, y1]
            "bbox": [round(min(xs) + 180, 2), round(90 - max(ys), 2),
                     round(max(xs) + 180, 2), round(90 - min(ys), 2)],
            "d": path_of(rings),
        })
    return {
        "source": "world-atlas 2.0.2 (npm), Natural Earth 1:50m Admin 0 countries v4.1.0",
        "licence": ("Natural Earth data: public domain. "
                    "world-atlas: ISC, (c) 2013-2019 Michael Bostock."),
        "projection": "equirectangular: x = lon + 180, y = 90 - lat; viewBox 0 0 360 180",
        "countries": countries,
    }


def main(argv: list[str]) -> None:
    topo = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    OUT.write_text(json.dumps(build(topo), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1:])
