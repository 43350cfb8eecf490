#!/usr/bin/env python3
"""Builds data/actors/states.tsv: one `state` entry per ISO 3166-1 country.

Sources: Debian's iso-codes (`/usr/share/iso-codes/json/iso_3166-1.json`: alpha-3 codes,
ISO short names, official names, common names) and this project's `data/demonyms.tsv`
(column 3: short names used in running text). The tables below (canonical-name overrides,
extra aliases, capitals and seats of government) were written by hand for this project
from facts; no dictionary was copied from another project.

Python 3.11, standard library only. Usage:

    python3 scripts/build-states.py                   # writes data/actors/states.tsv
    python3 scripts/build-states.py --iso FILE --out FILE

The output is deterministic (sorted by id) and carries a header comment naming this script.
Format: data/actors/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"
DEMONYMS = os.path.join(ROOT, "data", "demonyms.tsv")
OUT = os.path.join(ROOT, "data", "actors", "states.tsv")
HEADER = "id\tkind\tname\tcountry\tparent\tcode\taliases\tmetonyms\tmembers"

# Canonical names where ISO's short name is not what English reporting writes and
# iso-codes gives no common_name (or a common_name that is still awkward).
NAME_OVERRIDES = {
    "BRN": "Brunei",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "RUS": "Russia",
    "TUR": "Turkey",
    "VAT": "Holy See",
    "VNM": "Vietnam",
    "CCK": "Cocos (Keeling) Islands",
}

# Other names of a state that news uses, beyond ISO's names and demonyms.tsv's short
# names. Not demonyms (those are handled separately), not the names of governments
# (the Taliban's "Islamic Emirate of Afghanistan" is on the `taliban` entry).
EXTRA_ALIASES = {
    "ARE": ["U.A.E."],
    "BHS": ["The Bahamas"],
    "BIH": ["Bosnia"],
    "CHN": ["PRC", "Mainland China"],
    "CIV": ["Ivory Coast"],
    "COD": ["Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Republic of Congo"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic"],
    "FLK": ["Malvinas", "Falklands"],
    "GBR": ["Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "GMB": ["The Gambia"],
    "IRL": ["Irish Republic", "Republic of Ireland"],
    "IRN": ["Islamic Republic of Iran"],
    "KAZ": ["Qazaqstan"],
    "KGZ": ["Kyrgyz Republic"],
    "KOR": ["Republic of Korea", "ROK"],
    "LAO": ["Lao PDR"],
    "MKD": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "NLD": ["Holland", "The Netherlands"],
    "PRK": ["DPRK"],
    "PSE": ["State of Palestine"],
    "RUS": ["Russian Federation"],
    "SAU": ["KSA", "Kingdom of Saudi Arabia"],
    "STP": ["São Tomé and Príncipe"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor"],
    "TUR": ["Türkiye", "Republic of Türkiye"],
    "TWN": ["Republic of China"],
    "USA": ["United States of America", "U.S.A.", "the United States"],
    "VAT": ["Vatican", "Vatican City", "Vatican City State"],
}

# Names ISO gives that are not surface forms worth matching (or that name something
# else in this region's news): dropped from aliases.
DROP_ALIASES = {
    "TWN": ["Taiwan, Province of China"],
}

# Capitals (and, where it differs, the seat of government) of sovereign states, in the
# English spelling news uses, plus well-known seats of power that stand for a government.
# A capital spelt like its state (Singapore, Monaco, Djibouti...) is left out: it adds
# nothing. Left out on purpose: names that are common English words once case and
# accents are folded ("Malé" → "male"), names mostly meaning another place ("San José",
# "Victoria", "Kingston", "Georgetown", "St. John's"), and "Brussels" (in news it stands
# for the EU far more often than for Belgium; it is a metonym of `eu` in igos.tsv).
# Yemen: Sanaa is held by the Houthis and the recognised government sits in Aden, so
# neither stands for "the government of Yemen".
CAPITALS = {
    "AFG": ["Kabul"],
    "AGO": ["Luanda"],
    "ALB": ["Tirana"],
    "AND": ["Andorra la Vella"],
    "ARE": ["Abu Dhabi"],
    "ARG": ["Buenos Aires", "Casa Rosada"],
    "ARM": ["Yerevan"],
    "ATG": [],
    "AUS": ["Canberra"],
    "AUT": ["Vienna"],
    "AZE": ["Baku"],
    "BDI": ["Gitega"],
    "BEL": [],
    "BEN": ["Porto-Novo", "Cotonou"],
    "BFA": ["Ouagadougou"],
    "BGD": ["Dhaka"],
    "BGR": ["Sofia"],
    "BHR": ["Manama"],
    "BHS": ["Nassau"],
    "BIH": ["Sarajevo"],
    "BLR": ["Minsk"],
    "BLZ": ["Belmopan"],
    "BOL": ["La Paz"],
    "BRA": ["Brasília", "Planalto"],
    "BRB": ["Bridgetown"],
    "BRN": ["Bandar Seri Begawan"],
    "BTN": ["Thimphu"],
    "BWA": ["Gaborone"],
    "CAF": ["Bangui"],
    "CAN": ["Ottawa"],
    "CHE": ["Bern", "Berne"],
    "CHL": ["Santiago"],
    "CHN": ["Beijing", "Zhongnanhai"],
    "CIV": ["Yamoussoukro", "Abidjan"],
    "CMR": ["Yaoundé"],
    "COD": ["Kinshasa"],
    "COG": ["Brazzaville"],
    "COL": ["Bogotá"],
    "COM": ["Moroni"],
    "CPV": ["Praia"],
    "CRI": [],
    "CUB": ["Havana"],
    "CYP": ["Nicosia"],
    "CZE": ["Prague"],
    "DEU": ["Berlin"],
    "DJI": [],
    "DMA": ["Roseau"],
    "DNK": ["Copenhagen"],
    "DOM": ["Santo Domingo"],
    "DZA": ["Algiers"],
    "ECU": ["Quito"],
    "EGY": ["Cairo"],
    "ERI": ["Asmara"],
    "ESP": ["Madrid", "Moncloa"],
    "EST": ["Tallinn"],
    "ETH": ["Addis Ababa"],
    "FIN": ["Helsinki"],
    "FJI": ["Suva"],
    "FRA": ["Paris", "Élysée", "Élysée Palace", "Quai d'Orsay"],
    "FSM": ["Palikir"],
    "GAB": ["Libreville"],
    "GBR": ["London", "Downing Street", "Number 10", "Whitehall"],
    "GEO": ["Tbilisi"],
    "GHA": ["Accra"],
    "GIN": ["Conakry"],
    "GMB": ["Banjul"],
    "GNB": ["Bissau"],
    "GNQ": ["Malabo"],
    "GRC": ["Athens"],
    "GRD": [],
    "GTM": ["Guatemala City"],
    "GUY": [],
    "HND": ["Tegucigalpa"],
    "HRV": ["Zagreb"],
    "HTI": ["Port-au-Prince"],
    "HUN": ["Budapest"],
    "IDN": ["Jakarta"],
    "IND": ["New Delhi", "Delhi"],
    "IRL": ["Dublin"],
    "IRN": ["Tehran", "Teheran"],
    "IRQ": ["Baghdad"],
    "ISL": ["Reykjavík"],
    "ISR": ["Jerusalem"],
    "ITA": ["Rome", "Palazzo Chigi"],
    "JAM": [],
    "JOR": ["Amman"],
    "JPN": ["Tokyo"],
    "KAZ": ["Astana", "Nur-Sultan"],
    "KEN": ["Nairobi"],
    "KGZ": ["Bishkek"],
    "KHM": ["Phnom Penh"],
    "KIR": ["Tarawa"],
    "KNA": ["Basseterre"],
    "KOR": ["Seoul"],
    "KWT": ["Kuwait City"],
    "LAO": ["Vientiane"],
    "LBN": ["Beirut"],
    "LBR": ["Monrovia"],
    "LBY": ["Tripoli"],
    "LCA": ["Castries"],
    "LIE": ["Vaduz"],
    "LKA": ["Colombo"],
    "LSO": ["Maseru"],
    "LTU": ["Vilnius"],
    "LUX": [],
    "LVA": ["Riga"],
    "MAR": ["Rabat"],
    "MCO": [],
    "MDA": ["Chișinău"],
    "MDG": ["Antananarivo"],
    "MDV": [],
    "MEX": ["Mexico City"],
    "MHL": ["Majuro"],
    "MKD": ["Skopje"],
    "MLI": ["Bamako"],
    "MLT": ["Valletta"],
    "MMR": ["Naypyidaw", "Nay Pyi Taw"],
    "MNE": ["Podgorica"],
    "MNG": ["Ulaanbaatar", "Ulan Bator"],
    "MOZ": ["Maputo"],
    "MRT": ["Nouakchott"],
    "MUS": ["Port Louis"],
    "MWI": ["Lilongwe"],
    "MYS": ["Kuala Lumpur", "Putrajaya"],
    "NAM": ["Windhoek"],
    "NER": ["Niamey"],
    "NGA": ["Abuja"],
    "NIC": ["Managua"],
    "NLD": ["Amsterdam"],
    "NOR": ["Oslo"],
    "NPL": ["Kathmandu"],
    "NRU": [],
    "NZL": ["Wellington"],
    "OMN": ["Muscat"],
    "PAK": ["Islamabad"],
    "PAN": ["Panama City"],
    "PER": ["Lima"],
    "PHL": ["Manila", "Malacañang"],
    "PLW": ["Ngerulmud"],
    "PNG": ["Port Moresby"],
    "POL": ["Warsaw"],
    "PRK": ["Pyongyang"],
    "PRT": ["Lisbon"],
    "PRY": ["Asunción"],
    "PSE": ["Ramallah"],
    "QAT": ["Doha"],
    "ROU": ["Bucharest"],
    "RUS": ["Moscow", "the Kremlin", "Kremlin"],
    "RWA": ["Kigali"],
    "SAU": ["Riyadh"],
    "SDN": ["Khartoum", "Port Sudan"],
    "SEN": ["Dakar"],
    "SGP": [],
    "SLB": ["Honiara"],
    "SLE": ["Freetown"],
    "SLV": ["San Salvador"],
    "SMR": [],
    "SOM": ["Mogadishu"],
    "SRB": ["Belgrade"],
    "SSD": ["Juba"],
    "STP": ["São Tomé"],
    "SUR": ["Paramaribo"],
    "SVK": ["Bratislava"],
    "SVN": ["Ljubljana"],
    "SWE": ["Stockholm"],
    "SWZ": ["Mbabane"],
    "SYC": [],
    "SYR": ["Damascus"],
    "TCD": ["N'Djamena"],
    "TGO": ["Lomé"],
    "THA": ["Bangkok"],
    "TJK": ["Dushanbe"],
    "TKM": ["Ashgabat", "Ashkhabad"],
    "TLS": ["Dili"],
    "TON": ["Nuku'alofa"],
    "TTO": ["Port of Spain"],
    "TUN": ["Tunis"],
    "TUR": ["Ankara"],
    "TUV": ["Funafuti"],
    "TWN": ["Taipei"],
    "TZA": ["Dodoma"],
    "UGA": ["Kampala"],
    "UKR": ["Kyiv", "Kiev"],
    "URY": ["Montevideo"],
    "USA": ["Washington", "Washington, D.C.", "the White House", "White House"],
    "UZB": ["Tashkent"],
    "VAT": [],
    "VCT": ["Kingstown"],
    "VEN": ["Caracas", "Miraflores"],
    "VNM": ["Hanoi"],
    "VUT": ["Port Vila"],
    "WSM": ["Apia"],
    "YEM": [],
    "ZAF": ["Pretoria"],
    "ZMB": ["Lusaka"],
    "ZWE": ["Harare"],
}

# "Congo, The Democratic Republic of the" / "Korea, Republic of": ISO's inverted forms.
INVERTED_OF = re.compile(r"^(?P<head>[^,]+), (?P<tail>(?:the |The )?[^,]*\bof(?: the)?)$")
# "Virgin Islands, British": a qualifier after the comma.
INVERTED_QUALIFIER = re.compile(r"^(?P<head>[^,]+), (?P<tail>[A-Z][\w.]*)$")
PARENS = re.compile(r"\s*\([^)]*\)")


def fold(s: str) -> str:
    """A close copy of the engine's name folding, enough to spot duplicate aliases."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower()
    s = re.sub(r"['\u2019\u2018`\u00b4]", "", s)
    s = re.sub(r"[\W_]+", " ", s)
    return " ".join(s.split())


def is_acronym(a: str) -> bool:
    return sum(c.isupper() for c in a) >= 2 and all(c.isupper() or c.isdigit() or c in "-.&/" for c in a)


def key(a: str) -> str:
    return a if is_acronym(a) else fold(a)


def uninvert(name: str) -> str | None:
    """ISO's "X, Y of" form as running text ("Y of X"), or None when not inverted."""
    m = INVERTED_OF.match(name)
    if m and " and " not in m["tail"]:
        tail = m["tail"]
        if tail.lower().startswith("the "):
            tail = tail[4:]
        tail = tail[0].upper() + tail[1:]
        return f"{tail} {m['head']}"
    m = INVERTED_QUALIFIER.match(name)
    if m:
        return f"{m['tail']} {m['head']}"
    return None


def canonical(c: dict) -> str:
    a3 = c["alpha_3"]
    if a3 in NAME_OVERRIDES:
        return NAME_OVERRIDES[a3]
    if c.get("common_name"):
        return c["common_name"]
    name = c["name"]
    if INVERTED_OF.match(name) and " and " not in name.split(", ", 1)[1]:
        return name.split(", ", 1)[0]
    if (u := uninvert(name)) is not None:
        return u
    return PARENS.sub("", name).strip()


def clean_iso_name(s: str) -> str | None:
    """An ISO name as a surface form: inverted forms turned round, a leading "the" and
    parenthesised notes dropped."""
    if not s:
        return None
    if (u := uninvert(s)) is not None:
        s = u
    if s.startswith("the "):
        s = s[4:]
    if "(" in s:
        s = PARENS.sub("", s).strip()
    return s or None


def read_demonyms(path: str) -> tuple[dict[str, list[str]], set[str]]:
    short: dict[str, list[str]] = {}
    adjectives: set[str] = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            a3 = cols[0].strip()
            for d in cols[1].split("|"):
                d = d.strip()
                if d and d != "-":
                    adjectives.add(key(d))
            short[a3] = [s.strip() for s in cols[2].split("|") if s.strip() and s.strip() != "-"]
    return short, adjectives


def build(iso_path: str, demonyms_path: str) -> list[str]:
    with open(iso_path, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    short, adjectives = read_demonyms(demonyms_path)
    unknown = (set(CAPITALS) | set(EXTRA_ALIASES) | set(NAME_OVERRIDES) | set(short)) - {
        c["alpha_3"] for c in countries
    }
    if unknown:
        sys.exit(f"tables name codes that ISO 3166-1 lacks: {sorted(unknown)}")
    rows = []
    for c in sorted(countries, key=lambda c: c["alpha_3"]):
        a3 = c["alpha_3"]
        name = canonical(c)
        seen = {key(name)}
        drop = {key(d) for d in DROP_ALIASES.get(a3, [])}
        explicit = {key(s) for s in short.get(a3, []) + EXTRA_ALIASES.get(a3, [])}
        aliases: list[str] = []

        def add(a: str | None, out: list[str]) -> None:
            if not a:
                return
            k = key(a)
            if not k or k in seen or k in drop:
                return
            # A bare demonym ("Afghan") is not a name of the state; demonyms.tsv lists
            # a few forms that are both ("U.S.", "UK"): those stay when listed as names.
            if k in adjectives and k not in explicit:
                return
            seen.add(k)
            out.append(a)

        for raw in (c.get("name"), c.get("official_name"), c.get("common_name")):
            if raw in DROP_ALIASES.get(a3, []):
                continue
            add(clean_iso_name(raw) if raw else None, aliases)
        for s in short.get(a3, []):
            add(s, aliases)
        for s in EXTRA_ALIASES.get(a3, []):
            add(s, aliases)
        # "Saint Lucia" is often written "St. Lucia" (and "St Lucia").
        if name.startswith("Saint "):
            add("St. " + name[6:], aliases)
        metonyms: list[str] = []
        for m in CAPITALS.get(a3, []):
            add(m, metonyms)
        rows.append("\t".join([
            a3.lower(), "state", name, a3, "", a3,
            "|".join(aliases), "|".join(metonyms), "",
        ]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iso", default=ISO_3166_1, help="iso_3166-1.json from Debian's iso-codes")
    ap.add_argument("--demonyms", default=DEMONYMS)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    rows = build(args.iso, args.demonyms)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# States: one entry per ISO 3166-1 country or territory. GENERATED by "
                "scripts/build-states.py\n")
        f.write("# from Debian iso-codes (iso_3166-1.json) and data/demonyms.tsv, plus the "
                "script's hand-written tables\n")
        f.write("# (canonical names, extra aliases, capitals and seats). Do not edit by hand: "
                "change the script and rerun it.\n")
        f.write(HEADER + "\n")
        f.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} states to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
