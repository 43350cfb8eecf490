#!/usr/bin/env python3
"""Sorts the value errors of the time stage on a TimeML gold file (docs/EVAL.md,
2026-11-28). Standard library only.

    cargo build --release
    python3 scripts/experiments/time-value-errors.py [--gold ../shared/gold/time-aquaint.jsonl] [--list]

A gold timex counts when a predicted one overlaps it (the scorer's relaxed match, first
overlapping prediction); its value is wrong when the strings differ. Each error is put in
the first class it fits:
- year-unknown-parts: gold `1949-XX` / `1994-XX-XX`, predicted `1949` (the same year);
- decade-x: gold `198X`, predicted `198` (TimeML's decade);
- week-padding: gold `2000-W7`, predicted `2000-W07` (the same ISO week);
- part-of-day: gold a day, predicted that day with `TMO`/`TAF`/`TEV`/`TNI`, or the reverse;
- other.
"""
import argparse
import collections
import json
import re
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/spillover")
ap.add_argument("--gold", default="../shared/gold/time-aquaint.jsonl")
ap.add_argument("--list", action="store_true", help="print every error")
args = ap.parse_args()

docs = [json.loads(line) for line in open(args.gold, encoding="utf-8")]
inp = "\n".join(json.dumps({"id": d["id"], "text": d["text"], "published": d["date"]}) for d in docs)
out = subprocess.run([args.bin, "extract", "--jsonl", "-"], input=inp, capture_output=True,
                     text=True, check=True).stdout
preds = [json.loads(line) for line in out.splitlines() if line.strip()]


def kind(g: str, p: str) -> str:
    if re.fullmatch(r"\d{4}(-XX)+", g) and p == g[:4]:
        return "year-unknown-parts"
    if re.fullmatch(r"\d{3}X", g) and p == g[:3]:
        return "decade-x"
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})", g)
    if m and p == f"{m.group(1)}-W{int(m.group(2)):02d}" and p != g:
        return "week-padding"
    day = re.compile(r"\d{4}-\d{2}-\d{2}")
    if (day.fullmatch(g) and re.fullmatch(re.escape(g) + r"T(MO|AF|EV|NI)", p)) or \
       (day.fullmatch(p) and re.fullmatch(re.escape(p) + r"T(MO|AF|EV|NI)", g)):
        return "part-of-day"
    return "other"


counts = collections.Counter()
matched = 0
for d, p in zip(docs, preds):
    text = d["text"].encode()
    for g in d["timexes"]:
        over = [x for x in p["dates"] if x["start"] < g["end"] and g["start"] < x["end"]]
        if not over:
            continue
        matched += 1
        x = over[0]
        value = x.get("key") or x.get("value") or ""
        if value != g["value"]:
            k = kind(g["value"], value)
            counts[k] += 1
            if args.list:
                print(f"{k:20} {d['id']} {text[g['start']:g['end']].decode()!r}: "
                      f"gold {g['value']} predicted {value}")
print(f"relaxed matches {matched}, value errors {sum(counts.values())}")
for k, n in counts.most_common():
    print(f"  {k:20} {n}")
