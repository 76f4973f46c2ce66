#!/usr/bin/env python3
"""Merge the CSVs of `skillmatch rank --shard K/N` runs into one.

    merge_shards.py [--per candidate|posting] [--top N] SHARD.csv... > all.csv

--per candidate (the default): each candidate is in exactly one shard; the
rows are put back in the candidates' input order (`candidate_position`),
each candidate's block in rank order.

--per posting: each shard kept its best candidates per posting among its own
candidates; the merge keeps the best --top (default 10) over all shards for
each posting, by the unrounded fit (`fit_exact`), then the candidate's input
position, as one run ranks them, renumbers the rank column, and writes the
postings in input order (`posting_position`).

Either way the output is byte for byte what one run over all candidates
writes, provided every shard ran with the same postings, options and
--as-of.

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
    needed = ("rank", "fit_exact", "candidate_position", "posting_position")
    missing = [c for c in needed if c not in header]
    if missing:
        print(
            f"{args.files[0]}:1: no {', '.join(missing)} column: not the CSV of a skillmatch rank "
            "that carries positions (rerun the shards with this version)",
            file=sys.stderr,
        )
        return 2
    rank, fit, cand, post = (header.index(c) for c in needed)

    def number(row, column, cast=int):
        try:
            return cast(row[column])
        except (ValueError, IndexError):
            sys.exit(f"merge_shards: a row has no number in {header[column]}: {row}")

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    if args.per == "candidate":
        rows.sort(key=lambda r: (number(r, cand), number(r, rank)))
        out.writerows(rows)
        return 0

    by_posting: dict[int, list[list[str]]] = {}
    for row in rows:
        by_posting.setdefault(number(row, post), []).append(row)
    for posting in sorted(by_posting):
        posting_rows = by_posting[posting]
        posting_rows.sort(key=lambda r: (-number(r, fit, float), number(r, cand)))
        keep = posting_rows if args.top == 0 else posting_rows[: args.top]
        for i, row in enumerate(keep, start=1):
            row[rank] = str(i)
            out.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
