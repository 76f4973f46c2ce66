#!/usr/bin/env python3
"""Compare rankings of the same corpus: speed, memory, precision, NDCG.

Each tool is given as NAME=RANKING.csv:TIME.txt, where RANKING.csv has at
least `candidate_id,posting_id,rank` and TIME.txt is the output of
`/usr/bin/time -v` for the run that wrote it; NAME=-:TIME.txt is a step
that ranks nothing (building an index), shown with its time and memory
only. Rows keep the order given. The last row compares the first tool
with a ranking to the last one (first / last).

Precision@k by family: gen_corpus ids end in the role family
(`p000042-backend`, `r0007-data`); for each candidate, the share of its top k
postings whose family is the candidate's, counted over k (a candidate with
fewer than k rows, or none, loses the missing places); the mean over every
candidate of the candidates CSV.

Against the generator's ground truth (--qrels, the `qrels.csv` gen_corpus
writes: `candidate_id,posting_id,grade` for every relevant pair, grade 1
or 2, every other pair 0):

* precision@k: the share of the top k with grade 1 or more, over k;
* NDCG@k: DCG = sum over ranks i of (2^grade - 1) / log2(i + 1), divided by
  the DCG of the candidate's k best-graded postings in the qrels. A
  candidate with no relevant posting has no NDCG and is left out of that
  mean (the count is printed).

Agreement: how many postings the top-k lists of the first and last tool
share, on average.

Prints Markdown to stdout: the comparison table, the agreement, then the
measures by candidate family and, with --truth (gen_corpus's `truth.csv`),
by résumé layout (full résumés, noisy skills lists). A ranking identical to
an earlier one is not repeated in those tables. Apart from the timing and
memory columns, the output depends only on the rankings and the truth.
"""

import argparse
import csv
import math
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


def read_qrels(path):
    """candidate id -> {posting id: grade}, grades above 0 only."""
    qrels = defaultdict(dict)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            grade = int(row["grade"])
            if grade > 0:
                qrels[row["candidate_id"]][row["posting_id"]] = grade
    return qrels


def read_layouts(path):
    """résumé id -> layout, from gen_corpus's truth.csv."""
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"]: row["layout"] for row in csv.DictReader(f) if row["kind"] == "resume"}


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


def family_precision(top, candidate, k):
    fam = family(candidate)
    return sum(1 for p in top if family(p) == fam) / k


def truth_precision(top, relevant, k):
    return sum(1 for p in top if relevant.get(p, 0) > 0) / k


def ndcg(top, relevant, k):
    """NDCG@k with gains 2^grade - 1; None when nothing is relevant."""
    ideal = sorted(relevant.values(), reverse=True)[:k]
    if not ideal:
        return None
    dcg = sum((2 ** relevant.get(p, 0) - 1) / math.log2(i + 2) for i, p in enumerate(top[:k]))
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else float("nan")


def measures(ranking, candidates, qrels, k):
    """Per candidate: (family precision, truth precision, NDCG or None)."""
    out = {}
    for c in candidates:
        top = ranking.get(c, [])
        relevant = qrels.get(c, {}) if qrels is not None else None
        out[c] = (
            family_precision(top, c, k),
            truth_precision(top, relevant, k) if relevant is not None else None,
            ndcg(top, relevant, k) if relevant is not None else None,
        )
    return out


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "—"


def fmt(x):
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidates", required=True, help="the candidates CSV the tools ranked")
    ap.add_argument("--qrels", help="gen_corpus's qrels.csv: the graded relevant pairs")
    ap.add_argument("--truth", help="gen_corpus's truth.csv: for measures by résumé layout")
    ap.add_argument("-k", type=int, default=10, help="cut-off (default 10)")
    ap.add_argument("tools", nargs="+", metavar="NAME=RANKING.csv:TIME.txt")
    args = ap.parse_args()
    k = args.k

    candidates = read_ids(args.candidates)
    if not candidates:
        sys.exit(f"{args.candidates}: no candidates")
    qrels = read_qrels(args.qrels) if args.qrels else None
    layouts = read_layouts(args.truth) if args.truth else None

    rows = []
    for spec in args.tools:
        m = re.fullmatch(r"([^=]+)=(.+):([^:]+)", spec)
        if not m:
            sys.exit(f"expected NAME=RANKING.csv:TIME.txt, got {spec!r}")
        name, ranking_path, time_path = m.groups()
        wall, cpu, rss, status = read_time(time_path)
        if status != 0:
            sys.exit(f"{name} exited with status {status} ({time_path})")
        row = dict(name=name, wall=wall, cpu=cpu, rss=rss, ranking=None)
        if ranking_path != "-":
            ranking = read_ranking(ranking_path, k)
            per = measures(ranking, candidates, qrels, k)
            row.update(
                ranking=ranking,
                per=per,
                short=sum(1 for c in candidates if len(ranking.get(c, [])) < k),
                rate=len(candidates) / wall if wall else float("inf"),
                p_family=mean(v[0] for v in per.values()),
                p_truth=mean(v[1] for v in per.values()),
                ndcg=mean(v[2] for v in per.values()),
            )
        rows.append(row)
    ranked = [r for r in rows if r["ranking"] is not None]
    if len(ranked) < 2:
        sys.exit("need at least two tools with a ranking")

    print(f"| tool | wall s | CPU s | peak RSS MB | candidates/s | precision@{k} by family "
          f"| precision@{k} | NDCG@{k} |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        if r["ranking"] is None:
            print(f"| {r['name']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} | — | — | — | — |")
        else:
            print(f"| {r['name']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} "
                  f"| {r['rate']:.1f} | {fmt(r['p_family'])} | {fmt(r['p_truth'])} | {fmt(r['ndcg'])} |")
    a, b = ranked[0], ranked[-1]
    truth_ratios = (f"| {ratio(a['p_truth'], b['p_truth'])} | {ratio(a['ndcg'], b['ndcg'])} |"
                    if qrels is not None else "| — | — |")
    print(f"| {a['name']} / {b['name']} | {ratio(a['wall'], b['wall'])} "
          f"| {ratio(a['cpu'], b['cpu'])} | {ratio(a['rss'], b['rss'])} "
          f"| {ratio(a['rate'], b['rate'])} | {ratio(a['p_family'], b['p_family'])} {truth_ratios}")

    if qrels is not None:
        counts = [len(qrels.get(c, {})) for c in candidates]
        strong = [sum(1 for g in qrels.get(c, {}).values() if g == 2) for c in candidates]
        none = sum(1 for n in counts if n == 0)
        print(f"\nGround truth: {sorted(counts)[len(counts) // 2]} relevant postings per candidate "
              f"(median; {sorted(strong)[len(strong) // 2]} of grade 2), "
              f"{min(counts)} at least; {none} of {len(candidates)} candidates have none "
              f"(left out of NDCG, counted as 0 in precision).")
    both = [len(set(a["ranking"].get(c, [])) & set(b["ranking"].get(c, []))) for c in candidates]
    print(f"\nAgreement ({a['name']}, {b['name']}): on average {sum(both) / len(candidates):.2f} "
          f"of each candidate's top {k} postings are in both lists; "
          f"{sum(1 for n in both if n == 0)} of {len(candidates)} candidates have none in common.")
    shown = []
    for r in ranked:
        same = next((s for s in shown if s["ranking"] == r["ranking"]), None)
        if same is not None:
            print(f"\n{r['name']}: the same top {k} as {same['name']} for every candidate.")
            continue
        shown.append(r)
        if r["short"]:
            print(f"\n{r['name']}: {r['short']} of {len(candidates)} candidates "
                  f"have fewer than {k} postings ranked (missing places count as misses)")

    def breakdown(title, key_of):
        groups = defaultdict(list)
        for c in candidates:
            groups[key_of(c)].append(c)
        cols = ["family"] + (["P", "NDCG"] if qrels is not None else [])
        print(f"\n| {title} | candidates | "
              + " | ".join(f"{r['name']} {col}" for r in shown for col in cols) + " |")
        print("|---|---:|" + "---:|" * (len(shown) * len(cols)))
        for key in sorted(groups):
            cells = []
            for r in shown:
                vals = [r["per"][c] for c in groups[key]]
                cells.append(fmt(mean(v[0] for v in vals)))
                if qrels is not None:
                    cells.append(fmt(mean(v[1] for v in vals)))
                    cells.append(fmt(mean(v[2] for v in vals)))
            print(f"| {key} | {len(groups[key])} | " + " | ".join(cells) + " |")

    print(f"\nBy candidate family (family: precision@{k} by family; P, NDCG: against the truth):")
    breakdown("candidate family", family)
    if layouts is not None:
        print("\nBy résumé layout (full: summary, skills, dated roles; noisy: a skills list, "
              "some misspelt, no dates):")
        breakdown("résumé layout", lambda c: layouts.get(c, "?"))


if __name__ == "__main__":
    main()
