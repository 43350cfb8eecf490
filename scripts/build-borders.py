#!/usr/bin/env python3
"""Build data/borders/borders.bin from Natural Earth admin-0 boundaries.

Source: the npm package `world-atlas` (a TopoJSON redistribution of Natural Earth,
public domain), fetched by name with `npm pack world-atlas@2.0.2`, and Debian's
`iso-codes` (ISO 3166-1 JSON) to map ISO numeric ids to alpha-3 codes.

Python 3.11, standard library only.  Usage:

    python3 scripts/build-borders.py                      # fetch with npm, write data/borders/
    python3 scripts/build-borders.py --atlas-tgz world-atlas-2.0.2.tgz   # offline, local tarball
    python3 scripts/build-borders.py --resolution 50m     # coarser source (smaller, less exact)

The TopoJSON is decoded here (quantized, delta-encoded arcs).  An arc used by the
polygons of two different countries is an international boundary between them; an arc
used by one country only is coast (or a boundary with a territory the source does not
name).  The binary format is documented in data/borders/README.md and in
`write_binary` below; the Rust reader is crates/lexicon/src/borders/.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict

ATLAS_PACKAGE = "world-atlas"
ATLAS_VERSION = "2.0.2"
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"

MAGIC = b"SPBORDER"
FORMAT_VERSION = 1

# Geometries in world-atlas that carry no ISO numeric id, by name.  Kosovo gets XKX (the
# user-assigned code GeoNames, the EU and the World Bank use); Somaliland, Northern Cyprus,
# Siachen and the Australian Indian Ocean territories keep the ADM0_A3 code Natural Earth
# itself gives them (none of these is an ISO 3166-1 code).  Leased or administered areas
# inside another state go to the state whose territory they are (their shared lines then
# become internal, not borders).  Disputed reefs and islets at sea are skipped.
NO_ID_CODES = {
    "Kosovo": "XKX",
    "Somaliland": "SOL",  # Natural Earth ADM0_A3; de jure part of SOM
    "N. Cyprus": "CYN",  # Natural Earth ADM0_A3; de jure part of CYP
    "Siachen Glacier": "KAS",  # Natural Earth ADM0_A3; disputed IND/PAK
    "Indian Ocean Ter.": "IOA",  # Natural Earth ADM0_A3; Australian territories
    # Only in the 10m file:
    "Baikonur": "KAZ",  # Kazakh territory leased to Russia
    "USNB Guantanamo Bay": "CUB",  # Cuban territory leased to the USA
    "Cyprus U.N. Buffer Zone": "CYP",
    "Dhekelia": "GBR",  # UK Sovereign Base Area
    "Akrotiri": "GBR",  # UK Sovereign Base Area
    "Coral Sea Is.": "AUS",
    "Clipperton I.": "FRA",
    "Spratly Is.": None,  # disputed islets: skipped
    "Scarborough Reef": None,
    "Bajo Nuevo Bank": None,
    "Serranilla Bank": None,
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def fetch_atlas_tgz(workdir: str) -> str:
    """Run `npm pack world-atlas@VERSION` in workdir and return the tarball path."""
    spec = f"{ATLAS_PACKAGE}@{ATLAS_VERSION}"
    log(f"fetching {spec} with npm pack ...")
    out = subprocess.run(
        ["npm", "pack", spec, "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    name = out.stdout.strip().splitlines()[-1].strip()
    path = os.path.join(workdir, name)
    if not os.path.isfile(path):
        raise SystemExit(f"npm pack did not produce {path}")
    return path


def read_from_tgz(tgz: str, member: str) -> bytes:
    with tarfile.open(tgz, "r:gz") as tar:
        f = tar.extractfile(f"package/{member}")
        if f is None:
            raise SystemExit(f"{member} missing from {tgz}")
        return f.read()


def load_iso_numeric() -> dict[str, str]:
    with open(ISO_3166_1, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    return {e["numeric"]: e["alpha_3"] for e in entries}


def decode_arcs(topo: dict) -> list[list[tuple[int, int]]]:
    """Undo the delta encoding; positions stay quantized integers."""
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        arcs.append(pts)
    return arcs


def arc_points(arcs, ref: int) -> list[tuple[int, int]]:
    """Points of arc `ref` (a negative ref ~i means arc i reversed)."""
    if ref >= 0:
        return arcs[ref]
    return arcs[~ref][::-1]


def ring_points(arcs, refs: list[int]) -> list[tuple[int, int]]:
    pts: list[tuple[int, int]] = []
    for ref in refs:
        a = arc_points(arcs, ref)
        pts.extend(a if not pts else a[1:])
    return pts


def chain_lines(arc_ids: list[int], arcs) -> list[list[tuple[int, int]]]:
    """Join the arcs of one country pair into as few polylines as possible."""
    ends: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in arc_ids:
        ends[arcs[i][0]].append(i)
        ends[arcs[i][-1]].append(i)
    used: set[int] = set()
    lines = []

    def walk(start_arc: int, start_node) -> list[tuple[int, int]]:
        pts = arcs[start_arc] if arcs[start_arc][0] == start_node else arcs[start_arc][::-1]
        line = list(pts)
        used.add(start_arc)
        while True:
            node = line[-1]
            nxt = [a for a in ends[node] if a not in used]
            if len(ends[node]) != 2 or len(nxt) != 1:
                return line
            a = nxt[0]
            pts = arcs[a] if arcs[a][0] == node else arcs[a][::-1]
            line.extend(pts[1:])
            used.add(a)

    # Open chains first (start at a node that is not a simple joint), then cycles.
    for i in sorted(arc_ids):
        if i in used:
            continue
        for node in (arcs[i][0], arcs[i][-1]):
            if len(ends[node]) != 2:
                lines.append(walk(i, node))
                break
    for i in sorted(arc_ids):
        if i not in used:
            lines.append(walk(i, arcs[i][0]))
    return lines


def zigzag(v: int) -> int:
    return (v << 1) if v >= 0 else ((-v << 1) - 1)


def varint(buf: bytearray, v: int) -> None:
    while v >= 0x80:
        buf.append((v & 0x7F) | 0x80)
        v >>= 7
    buf.append(v)


def write_points(buf: bytearray, pts: list[tuple[int, int]]) -> None:
    buf += struct.pack("<I", len(pts))
    px = py = 0
    for x, y in pts:
        varint(buf, zigzag(x - px))
        varint(buf, zigzag(y - py))
        px, py = x, y


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def write_binary(transform, countries, pairs) -> bytes:
    """Format v1, little-endian throughout.

    header   magic "SPBORDER" | u16 version | u16 flags (0) | u32 total file length
             | f64 scale_lon | f64 scale_lat | f64 translate_lon | f64 translate_lat
    countries u32 count, then per country (sorted by code):
             3 bytes alpha-3 | u8 name length | name (UTF-8)
             | u32 polygon count, per polygon: u32 ring count (first ring outer, rest holes),
               per ring: POINTS
    pairs    u32 count, then per pair (sorted, a < b): u16 country index a | u16 index b
             | u32 polyline count, per polyline: POINTS
    trailer  u64 FNV-1a 64 of every byte before it
    POINTS   u32 point count, then per point zigzag-LEB128 varints dx, dy: quantized
             deltas from the previous point (from 0, 0 for the first point of the list).
             lon = x * scale_lon + translate_lon; lat = y * scale_lat + translate_lat.
    """
    body = bytearray()
    body += struct.pack("<4d", transform["scale"][0], transform["scale"][1],
                        transform["translate"][0], transform["translate"][1])
    codes = sorted(countries)
    index = {c: i for i, c in enumerate(codes)}
    body += struct.pack("<I", len(codes))
    for c in codes:
        name, polys = countries[c]
        nb = name.encode("utf-8")[:255]
        body += c.encode("ascii") + struct.pack("<B", len(nb)) + nb
        body += struct.pack("<I", len(polys))
        for rings in polys:
            body += struct.pack("<I", len(rings))
            for ring in rings:
                write_points(body, ring)
    body += struct.pack("<I", len(pairs))
    for (a, b) in sorted(pairs):
        lines = pairs[(a, b)]
        body += struct.pack("<HHI", index[a], index[b], len(lines))
        for line in lines:
            write_points(body, line)
    total = 8 + 2 + 2 + 4 + len(body) + 8
    head = MAGIC + struct.pack("<HHI", FORMAT_VERSION, 0, total)
    data = head + bytes(body)
    return data + struct.pack("<Q", fnv1a64(data))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--atlas-tgz", help="use this world-atlas tarball instead of running npm pack")
    ap.add_argument("--resolution", default="10m", choices=["10m", "50m", "110m"])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "borders"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tgz = args.atlas_tgz or fetch_atlas_tgz(tmp)
        tgz_sha256 = hashlib.sha256(open(tgz, "rb").read()).hexdigest()
        pkg = json.loads(read_from_tgz(tgz, "package.json"))
        if pkg.get("version") != ATLAS_VERSION:
            raise SystemExit(f"expected world-atlas {ATLAS_VERSION}, got {pkg.get('version')}")
        member = f"countries-{args.resolution}.json"
        topo = json.loads(read_from_tgz(tgz, member))

    numeric = load_iso_numeric()
    arcs = decode_arcs(topo)
    transform = topo["transform"]

    # country code -> (name, [polygon = [ring, ...]]); arc index -> owning codes
    countries: dict[str, tuple[str, list]] = {}
    owners: dict[int, list[str]] = defaultdict(list)
    named_by_id: set[str] = set()
    notes = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "")
        gid = g.get("id")
        if gid is None:
            code = NO_ID_CODES.get(name)
            if code is None:
                notes.append(f"skipped geometry without id: {name}")
                continue
            notes.append(f"no ISO id: {name} -> {code}")
        else:
            code = numeric.get(gid)
            if code is None:
                notes.append(f"skipped unknown ISO numeric {gid}: {name}")
                continue
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            notes.append(f"skipped {g['type']} geometry: {name}")
            continue
        if code in countries:
            notes.append(f"merged second geometry into {code}: {name}")
            cname, cpolys = countries[code]
            if gid is not None and code not in named_by_id:
                countries[code] = (name, cpolys)  # the state's own geometry names it
        else:
            cname, cpolys = name, []
            countries[code] = (cname, cpolys)
        if gid is not None:
            named_by_id.add(code)
        for poly in polys:
            rings = []
            for k, refs in enumerate(poly):
                for ref in refs:
                    owners[ref if ref >= 0 else ~ref].append(code)
                pts = ring_points(arcs, refs)
                # A closed ring needs 4 positions; quantization collapses some tiny ones.
                if len(pts) < 4 or len(set(pts)) < 3:
                    notes.append(f"dropped degenerate {'outer ring' if k == 0 else 'hole'} of {code} ({name})")
                    if k == 0:
                        break
                    continue
                rings.append(pts)
            if rings:
                cpolys.append(rings)

    pair_arcs: dict[tuple[str, str], list[int]] = defaultdict(list)
    coast = internal = odd = 0
    for i in range(len(arcs)):
        own = owners.get(i, [])
        distinct = sorted(set(own))
        if len(distinct) == 2:
            pair_arcs[(distinct[0], distinct[1])].append(i)
        elif len(distinct) == 1 and len(own) == 1:
            coast += 1
        elif len(distinct) == 1:
            internal += 1
        elif len(distinct) > 2:
            odd += 1
            notes.append(f"arc {i} ({len(arcs[i])} points) used by {distinct}; ignored")
    pairs = {p: chain_lines(ids, arcs) for p, ids in pair_arcs.items()}

    data = write_binary(transform, countries, pairs)
    os.makedirs(args.out, exist_ok=True)
    out_bin = os.path.join(args.out, "borders.bin")
    with open(out_bin, "wb") as f:
        f.write(data)

    n_polys = sum(len(p) for _, p in countries.values())
    n_rings = sum(len(r) for _, p in countries.values() for r in p)
    n_ring_pts = sum(len(ring) for _, p in countries.values() for r in p for ring in r)
    n_lines = sum(len(v) for v in pairs.values())
    n_line_pts = sum(len(l) for v in pairs.values() for l in v)
    stats = {
        "source": f"{ATLAS_PACKAGE}@{ATLAS_VERSION} {member}",
        "tarball_sha256": tgz_sha256,
        "format_version": FORMAT_VERSION,
        "bytes": len(data),
        "countries": len(countries),
        "polygons": n_polys,
        "rings": n_rings,
        "ring_points": n_ring_pts,
        "pairs": len(pairs),
        "polylines": n_lines,
        "polyline_points": n_line_pts,
        "arcs": len(arcs),
        "boundary_arcs": sum(len(v) for v in pair_arcs.values()),
        "coast_arcs": coast,
        "internal_arcs": internal,
        "arcs_with_more_than_two_countries": odd,
        "output_sha256": hashlib.sha256(data).hexdigest(),
    }
    for n in notes:
        log(n)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
