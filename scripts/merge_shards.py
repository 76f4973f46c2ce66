#!/usr/bin/env python3
"""Merge the CSVs of `skillmatch rank --shard K/N` runs into one.

    merge_shards.py [--per candidate|posting] [--top N] SHARD.csv... > all.csv

--per candidate (the default): each candidate is in exactly one shard, so
the shards' rows are concatenated under one header, candidate blocks intact.

--per posting: each shard kept its best candidates per posting among its own
candidates; the merge keeps the best --top (default 10) over all shards for
each posting, by score, then candidate id, and renumbers the rank column.
Postings come out in the order they first appear. A single run breaks equal
scores by the candidates' input order instead, which the shard files no
longer carry: only the order among tied candidates can differ.

Standard library only; exit 2 with the file name on a bad input.
"""

import argparse
import csv
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per", choices=["candidate", "posting"], default="candidate")
    parser.add_argument("--top", type=int, default=10, help="rows kept per posting (--per posting); 0 keeps all")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    header = None
    rows = []
    for name in args.files:
        try:
            with open(name, newline="", encoding="utf-8") as f:
                reader = csv.reader(f)
                h = next(reader, None)
                if h is None:
                    print(f"{name}: empty file", file=sys.stderr)
                    return 2
                if header is None:
                    header = h
                elif h != header:
                    print(f"{name}:1: header differs from {args.files[0]}", file=sys.stderr)
                    return 2
                rows.extend(reader)
        except OSError as e:
            print(f"{name}: {e.strerror}", file=sys.stderr)
            return 2
    try:
        cand, post, rank, score = (header.index(c) for c in ("candidate_id", "posting_id", "rank", "score"))
    except ValueError:
        print(f"{args.files[0]}:1: not a skillmatch rank CSV (candidate_id, posting_id, rank, score)", file=sys.stderr)
        return 2

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    if args.per == "candidate":
        out.writerows(rows)
        return 0

    by_posting: dict[str, list[list[str]]] = {}
    for row in rows:
        by_posting.setdefault(row[post], []).append(row)
    for posting_rows in by_posting.values():
        posting_rows.sort(key=lambda r: (-float(r[score]), r[cand]))
        keep = posting_rows if args.top == 0 else posting_rows[: args.top]
        for i, row in enumerate(keep, start=1):
            row[rank] = str(i)
            out.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
