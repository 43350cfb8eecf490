#!/usr/bin/env python3
"""Where the PolNeAR cue gap is (docs/EVAL.md, 2026-11-28). Standard library only.

    cargo build --release
    python3 scripts/experiments/attribution-gaps.py [--bin target/release/spillover]

1. Runs `spillover extract --jsonl` on the PolNeAR dev file and, matching relations as the
   scorer does (cue overlap, else content overlap), prints how much of the gold cue tokens
   matched relations cover and how long the cues of matched and unmatched relations are.
2. Trains a throwaway cue-head classifier (averaged perceptron; word, neighbours, suffixes,
   lexicon membership, inside-a-quote) on the documents whose text hash falls in 70 % and
   prints its head-detection scores on the rest, next to the cue lexicon alone, and its
   recall of heads outside the lexicon. Deterministic (fixed shuffles).
"""
import argparse
import collections
import hashlib
import json
import random
import re
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/spillover")
ap.add_argument("--gold", default="../shared/gold/attribution-polnear-dev.jsonl")
ap.add_argument("--cues", default="data/claims/cues.tsv")
args = ap.parse_args()

docs = [json.loads(line) for line in open(args.gold, encoding="utf-8")]


def overlaps(a, b):
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def tokens(b, spans):
    out = set()
    for s, e in spans:
        for m in re.finditer(rb"\w+", b[s:e]):
            out.add((s + m.start(), s + m.end()))
    return out


# 1. cue coverage
inp = "\n".join(json.dumps({"id": d["id"], "text": d["text"], "published": d["date"]}) for d in docs)
out = subprocess.run([args.bin, "extract", "--jsonl", "-"], input=inp, capture_output=True,
                     text=True, check=True).stdout
preds = [json.loads(line) for line in out.splitlines() if line.strip()]
n_m = n_u = gold_m = gold_u = tp = pred_m = 0
for d, p in zip(docs, preds):
    b = d["text"].encode()
    for g in d["attributions"]:
        G = tokens(b, g["cue"])
        m = [c for c in p["claims"]
             if (overlaps(g["cue"], c["cue_spans"]) if g["cue"] and c["cue_spans"]
                 else overlaps(g["content"], c["content_spans"]))]
        if m:
            P = tokens(b, m[0]["cue_spans"])
            n_m += 1; gold_m += len(G); tp += len(G & P); pred_m += len(P)
        else:
            n_u += 1; gold_u += len(G)
print(f"matched relations {n_m}: gold cue tokens {gold_m}, covered {tp} "
      f"({tp / gold_m:.2f}); predicted {pred_m}, right {tp}; {gold_m / n_m:.2f} tokens per cue")
print(f"unmatched gold relations {n_u}: {gold_u / n_u:.2f} tokens per cue")

# 2. throwaway cue-head classifier
lex = set()
for line in open(args.cues, encoding="utf-8"):
    if line.startswith("#") or line.startswith("forms"):
        continue
    for f in line.split("\t")[0].split():
        lex.add(f.split("_")[0])
AUX = {"has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "did", "does",
       "do", "will", "would", "could", "should", "can", "may", "might", "must", "not", "n't",
       "never", "also", "just", "already", "still", "repeatedly", "again", "even"}
TOK = re.compile(r"\w+(?:[’']\w+)*|[^\w\s]")


def toks(text):
    out = []
    for m in TOK.finditer(text):
        s = len(text[:m.start()].encode())
        out.append((s, s + len(m.group().encode()), m.group()))
    return out


data = []
for d in docs:
    T = toks(d["text"])
    heads = set()
    for a in d["attributions"]:
        cs = [t for t in range(len(T)) if any(T[t][0] < e and s < T[t][1] for s, e in a["cue"])]
        if cs:
            heads.add(next((t for t in cs if T[t][2].lower() not in AUX
                            and not T[t][2].lower().endswith("ly")), cs[0]))
    inq, q = [], False
    for t in T:
        if t[2] == "“":
            q = True
        inq.append(q)
        if t[2] == "”":
            q = False
    train = int(hashlib.md5(d["text"].encode()).hexdigest(), 16) % 100 < 70
    data.append((train, T, heads, inq))


def feats(T, i, inq):
    w = lambda k: T[k][2].lower() if 0 <= k < len(T) else "<s>"
    x = T[i][2]; lw = x.lower()
    f = ["b", "w=" + lw, "p=" + w(i - 1), "n=" + w(i + 1), "n2=" + w(i + 2), "s3=" + lw[-3:],
         "s2=" + lw[-2:], "pw=" + w(i - 1) + "_" + lw, "wn=" + lw + "_" + w(i + 1),
         "cap=" + str(x[:1].isupper()), "lex=" + str(lw in lex), "inq=" + str(inq[i]),
         "pp=" + w(i - 2), "lexn=" + str(lw in lex) + w(i + 1)]
    if i > 0 and T[i - 1][2][:1].isupper():
        f.append("pcap")
    return f


W = collections.defaultdict(float); A = collections.defaultdict(float); c = 1
train = [x for x in data if x[0]]; test = [x for x in data if not x[0]]
for ep in range(8):
    random.seed(ep); random.shuffle(train)
    for _, T, heads, inq in train:
        for i in range(len(T)):
            if not T[i][2][0].isalpha():
                continue
            f = feats(T, i, inq); y = 1 if i in heads else -1
            if y * sum(W[k] for k in f) <= 0:
                for k in f:
                    W[k] += y; A[k] += y * c
            c += 1
avg = {k: W[k] - A[k] / c for k in W}


def prf(tp, fp, fn):
    p = tp / max(1, tp + fp); r = tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


model = [0, 0, 0]; lexicon = [0, 0, 0]; outside = [0, 0, 0]
for _, T, heads, inq in test:
    for i in range(len(T)):
        if not T[i][2][0].isalpha():
            continue
        g = i in heads
        p = sum(avg.get(k, 0) for k in feats(T, i, inq)) > -2
        in_lex = T[i][2].lower() in lex
        for acc, pred in ((model, p), (lexicon, in_lex)):
            acc[0] += pred and g; acc[1] += pred and not g; acc[2] += g and not pred
        if not in_lex:
            outside[0] += p and g; outside[1] += p and not g; outside[2] += g and not p
print(f"held-out documents {len(test)} (trained on {len(train)})")
print("cue heads, classifier: P %.2f R %.2f F1 %.2f" % prf(*model))
print("cue heads, lexicon:    P %.2f R %.2f F1 %.2f" % prf(*lexicon))
print("heads outside the lexicon, classifier: P %.2f R %.2f" % prf(*outside)[:2])
