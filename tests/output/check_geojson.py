#!/usr/bin/env python3
"""Checks a GeoJSON file against the structure of RFC 7946, and corsim's network.geojson
conventions.

RFC 7946: a FeatureCollection whose `features` are Feature objects, each with a `geometry`
(a geometry object or null) and `properties` (an object or null); geometry types with their
coordinates nested as the RFC says (a position is [longitude, latitude(, altitude)] in WGS84
degrees; a LineString has two positions or more; a Polygon's rings are closed and have four
positions or more); no `crs` member (removed by RFC 7946).

corsim (with --nodes N / --links N): per scenario, N Point features with "feature": "node" and
N LineString features with "feature": "link", each link's ends at node positions, and the
properties QGIS and kepler.gl style by (id, mode, teu_per_year, utilisation).

Exit status: 0 valid, 1 invalid, 2 usage errors.
Usage: check_geojson.py [--nodes N] [--links N] FILE.geojson
"""

import argparse
import json
import numbers
import sys

errors = []


def fail(where, message):
    errors.append(f"{where}: {message}")


def is_number(v):
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def check_position(p, where):
    if not (isinstance(p, list) and 2 <= len(p) <= 3 and all(is_number(v) for v in p)):
        fail(where, f"a position must be [lon, lat] or [lon, lat, alt] numbers, not {p!r}")
        return
    if not -180 <= p[0] <= 180:
        fail(where, f"longitude {p[0]} out of [-180, 180] (is it [lat, lon]?)")
    if not -90 <= p[1] <= 90:
        fail(where, f"latitude {p[1]} out of [-90, 90]")


def check_positions(ps, where, minimum):
    if not isinstance(ps, list) or len(ps) < minimum:
        fail(where, f"expected an array of at least {minimum} positions")
        return
    for i, p in enumerate(ps):
        check_position(p, f"{where}[{i}]")


def check_ring(ring, where):
    check_positions(ring, where, 4)
    if isinstance(ring, list) and ring and ring[0] != ring[-1]:
        fail(where, "a linear ring must end where it starts")


def check_geometry(g, where):
    if g is None:
        return
    if not isinstance(g, dict) or "type" not in g:
        fail(where, "a geometry must be an object with a type")
        return
    t, c = g["type"], g.get("coordinates")
    nested = {
        "Point": lambda: check_position(c, where),
        "MultiPoint": lambda: check_positions(c, where, 0),
        "LineString": lambda: check_positions(c, where, 2),
        "MultiLineString": lambda: [check_positions(line, f"{where}[{i}]", 2)
                                    for i, line in enumerate(c or [])],
        "Polygon": lambda: [check_ring(r, f"{where}[{i}]") for i, r in enumerate(c or [])],
        "MultiPolygon": lambda: [check_ring(r, f"{where}[{i}][{j}]")
                                 for i, p in enumerate(c or []) for j, r in enumerate(p)],
    }
    if t == "GeometryCollection":
        for i, sub in enumerate(g.get("geometries", [])):
            check_geometry(sub, f"{where}/geometries[{i}]")
    elif t in nested:
        if t != "Point" and not isinstance(c, list):
            fail(where, f"{t} coordinates must be an array")
        else:
            nested[t]()
    else:
        fail(where, f"unknown geometry type {t!r}")


def check_collection(doc):
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        fail("(top level)", "not a FeatureCollection")
        return []
    if "crs" in doc:
        fail("(top level)", "'crs' is not part of RFC 7946 (coordinates are WGS84)")
    features = doc.get("features")
    if not isinstance(features, list):
        fail("features", "must be an array")
        return []
    for i, f in enumerate(features):
        where = f"features[{i}]"
        if not isinstance(f, dict) or f.get("type") != "Feature":
            fail(where, "not a Feature")
            continue
        if "geometry" not in f or "properties" not in f:
            fail(where, "a Feature has 'geometry' and 'properties' members (null allowed)")
        if f.get("properties") is not None and not isinstance(f["properties"], dict):
            fail(where, "'properties' must be an object or null")
        if "id" in f and not (isinstance(f["id"], str) or is_number(f["id"])):
            fail(where, "'id' must be a string or a number")
        check_geometry(f.get("geometry"), f"{where}/geometry")
    return features


def check_corsim(features, nodes, links):
    by_scenario = {}
    for f in features:
        p = f.get("properties") or {}
        by_scenario.setdefault(p.get("scenario"), []).append(f)
    for scenario, fs in by_scenario.items():
        points = {tuple(f["geometry"]["coordinates"]) for f in fs
                  if f["properties"].get("feature") == "node" and f["geometry"]["type"] == "Point"}
        lines = [f for f in fs if f["properties"].get("feature") == "link"
                 and f["geometry"]["type"] == "LineString"]
        n_nodes = sum(f["properties"].get("feature") == "node" for f in fs)
        if nodes is not None and n_nodes != nodes:
            fail(f"scenario {scenario!r}", f"{n_nodes} node features, expected {nodes}")
        if links is not None and len(lines) != links:
            fail(f"scenario {scenario!r}", f"{len(lines)} link features, expected {links}")
        for f in lines:
            p = f["properties"]
            for key in ("id", "mode", "from", "to", "teu_per_year", "utilisation"):
                if key not in p:
                    fail(f"link {p.get('id')!r}", f"no '{key}' property")
            for end in (f["geometry"]["coordinates"][0], f["geometry"]["coordinates"][-1]):
                if tuple(end) not in points:
                    fail(f"link {p.get('id')!r}", f"end {end} is at no node")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, help="node features expected per scenario")
    ap.add_argument("--links", type=int, help="link features expected per scenario")
    ap.add_argument("file")
    args = ap.parse_args()
    try:
        doc = json.load(open(args.file, encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{args.file}: cannot load: {e}")
        return 1
    features = check_collection(doc)
    if not errors and (args.nodes is not None or args.links is not None):
        check_corsim(features, args.nodes, args.links)
    for e in errors:
        print(f"{args.file}: {e}")
    print(f"check_geojson: {len(features)} features, {'FAILED' if errors else 'ok'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
