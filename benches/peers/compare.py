#!/usr/bin/env python3
"""Compare two rankings of the same corpus: speed, memory, family precision.

Each tool is given as NAME=RANKING.csv:TIME.txt, where RANKING.csv has at
least `candidate_id,posting_id,rank` and TIME.txt is the output of
`/usr/bin/time -v` for the run that wrote it. The first tool is the one the
ratios are about (first / second).

Precision@k by family: gen_corpus ids end in the role family
(`p000042-backend`, `r0007-data`); for each candidate, the share of its top k
postings whose family is the candidate's, counted over k (a candidate with
fewer than k rows, or none, loses the missing places); the mean over every
candidate of the candidates CSV.

Agreement: how many postings the two top-k lists of a candidate share, on
average.

Prints Markdown to stdout: the comparison table, the agreement, then
precision by candidate family.
Apart from the timing and memory columns, the output depends only on the
rankings.
"""

import argparse
import csv
import re
import sys
from collections import defaultdict


def family(doc_id):
    """`p000042-backend` -> `backend` (everything after the first hyphen)."""
    _, sep, fam = doc_id.partition("-")
    if not sep or not fam:
        sys.exit(f"id without a family suffix: {doc_id!r}")
    return fam


def read_ids(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [row["id"] for row in csv.DictReader(f)]


def read_ranking(path, k):
    """candidate id -> posting ids of rank 1..k, in rank order."""
    top = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rank = int(row["rank"])
            if rank <= k:
                top[row["candidate_id"]].append((rank, row["posting_id"]))
    return {c: [p for _, p in sorted(rows)] for c, rows in top.items()}


def read_time(path):
    """wall s, cpu s (user + system), peak RSS MB and exit status from `time -v`."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.strip().rpartition(": ")
            if sep:
                fields[key] = value
    try:
        wall = 0.0
        for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
            wall = wall * 60 + float(part)
        cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
        rss_mb = int(fields["Maximum resident set size (kbytes)"]) / 1024
        status = int(fields.get("Exit status", "0"))
    except (KeyError, ValueError) as e:
        sys.exit(f"{path}: not the output of /usr/bin/time -v ({e})")
    return wall, cpu, rss_mb, status


def precision(ranking, candidates, k):
    """Mean precision@k by family over candidates, and per candidate family."""
    per_family = defaultdict(list)
    for c in candidates:
        fam = family(c)
        hits = sum(1 for p in ranking.get(c, []) if family(p) == fam)
        per_family[fam].append(hits / k)
    overall = sum(sum(v) for v in per_family.values()) / len(candidates)
    return overall, {f: sum(v) / len(v) for f, v in per_family.items()}


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "—"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidates", required=True, help="the candidates CSV both tools ranked")
    ap.add_argument("-k", type=int, default=10, help="precision cut-off (default 10)")
    ap.add_argument("tools", nargs=2, metavar="NAME=RANKING.csv:TIME.txt")
    args = ap.parse_args()

    candidates = read_ids(args.candidates)
    if not candidates:
        sys.exit(f"{args.candidates}: no candidates")
    results = []
    for spec in args.tools:
        m = re.fullmatch(r"([^=]+)=(.+):([^:]+)", spec)
        if not m:
            sys.exit(f"expected NAME=RANKING.csv:TIME.txt, got {spec!r}")
        name, ranking_path, time_path = m.groups()
        wall, cpu, rss, status = read_time(time_path)
        if status != 0:
            sys.exit(f"{name} exited with status {status} ({time_path})")
        ranking = read_ranking(ranking_path, args.k)
        short = sum(1 for c in candidates if len(ranking.get(c, [])) < args.k)
        p, by_family = precision(ranking, candidates, args.k)
        results.append(dict(name=name, wall=wall, cpu=cpu, rss=rss,
                            rate=len(candidates) / wall if wall else float("inf"),
                            p=p, by_family=by_family, short=short, ranking=ranking))

    k = args.k
    print(f"| tool | wall s | CPU s | peak RSS MB | candidates/s | precision@{k} by family |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['name']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} "
              f"| {r['rate']:.1f} | {r['p']:.3f} |")
    a, b = results
    print(f"| {a['name']} / {b['name']} | {ratio(a['wall'], b['wall'])} "
          f"| {ratio(a['cpu'], b['cpu'])} | {ratio(a['rss'], b['rss'])} "
          f"| {ratio(a['rate'], b['rate'])} | {ratio(a['p'], b['p'])} |")
    both = [len(set(a["ranking"].get(c, [])) & set(b["ranking"].get(c, []))) for c in candidates]
    print(f"\nAgreement: on average {sum(both) / len(candidates):.2f} of each candidate's top {k} "
          f"postings are in both lists; {sum(1 for n in both if n == 0)} of {len(candidates)} "
          f"candidates have none in common.")
    for r in results:
        if r["short"]:
            print(f"\n{r['name']}: {r['short']} of {len(candidates)} candidates "
                  f"have fewer than {k} postings ranked (missing places count as misses)")

    print(f"\n| candidate family | candidates | {a['name']} | {b['name']} |")
    print("|---|---:|---:|---:|")
    counts = defaultdict(int)
    for c in candidates:
        counts[family(c)] += 1
    for fam in sorted(counts):
        print(f"| {fam} | {counts[fam]} | {a['by_family'][fam]:.3f} | {b['by_family'][fam]:.3f} |")


if __name__ == "__main__":
    main()
