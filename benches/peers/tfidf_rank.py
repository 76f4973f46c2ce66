#!/usr/bin/env python3
"""TF-IDF cosine baseline: the top postings for every candidate.

The approach most résumé matchers take: one bag-of-words vector per document,
weighted by TF-IDF, compared by cosine similarity. The vocabulary and the IDF
weights are fitted on the postings only (the collection being searched); the
résumés are transformed with them. Settings, chosen as a fair, common baseline:

    lowercase=True, stop_words="english", sublinear_tf=True (1 + log tf),
    ngram_range=(1, 2), min_df=2, norm="l2", dtype=float32

With L2-normalised rows, cosine similarity is the dot product
(sklearn.metrics.pairwise.linear_kernel). Candidates are scored in chunks so
that memory holds the postings matrix and one dense chunk × postings block,
never every pair.

Output: CSV `candidate_id,posting_id,rank,score`, sorted by candidate id, then
rank. Ties break on the posting id, so the file is byte-identical run to run.
Timings (seconds) and peak RSS go to stderr as one JSON line.

Reads `id,title,company,location,text` postings and `id,name,text` candidates
(the CSVs that examples/gen_corpus writes); only `id` and `text` are used.
"""

import argparse
import csv
import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

# Candidates per scoring block: the dense block is CHUNK × postings float32
# (128 × 100,000 × 4 bytes ≈ 51 MB).
DEFAULT_CHUNK = 128


def read_csv(path):
    """Return (ids, texts) from a CSV with `id` and `text` columns."""
    csv.field_size_limit(sys.maxsize)
    ids, texts = [], []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        for col in ("id", "text"):
            if col not in (reader.fieldnames or []):
                sys.exit(f"{path}: no `{col}` column (found {reader.fieldnames})")
        for row in reader:
            ids.append(row["id"])
            texts.append(row["text"] or "")
    return ids, texts


def top_k(block, k, tie_rank):
    """Indices of the k best columns of each row: score descending, then
    posting id ascending (tie_rank is each column's place in id order)."""
    k = min(k, block.shape[1])
    out = []
    # argpartition finds the k-th best score; every column at least that good
    # is a contender, so ties at the boundary are settled by id, not by
    # wherever the partition happened to leave them.
    kth = np.argpartition(-block, k - 1, axis=1)[:, k - 1]
    for row, pivot in zip(block, kth):
        contenders = np.flatnonzero(row >= row[pivot])
        order = np.lexsort((tie_rank[contenders], -row[contenders]))
        out.append(contenders[order[:k]])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidates", required=True, help="CSV id,name,text")
    ap.add_argument("--postings", required=True, help="CSV id,title,company,location,text")
    ap.add_argument("--top", type=int, default=10, help="postings kept per candidate (default 10)")
    ap.add_argument("--chunk", type=int, default=DEFAULT_CHUNK,
                    help=f"candidates scored per block (default {DEFAULT_CHUNK})")
    ap.add_argument("-o", "--output", required=True, help="CSV to write")
    args = ap.parse_args()
    if args.top < 1 or args.chunk < 1:
        sys.exit("--top and --chunk must be at least 1")

    t0 = time.perf_counter()
    p_ids, p_texts = read_csv(args.postings)
    c_ids, c_texts = read_csv(args.candidates)
    if not p_ids or not c_ids:
        sys.exit("no postings or no candidates")
    t_load = time.perf_counter()

    vectorizer = TfidfVectorizer(
        lowercase=True,
        stop_words="english",
        sublinear_tf=True,
        ngram_range=(1, 2),
        min_df=2,
        norm="l2",
        dtype=np.float32,
    )
    postings = vectorizer.fit_transform(p_texts)
    del p_texts
    t_fit = time.perf_counter()

    resumes = vectorizer.transform(c_texts)
    del c_texts
    t_transform = time.perf_counter()

    # Place of each posting in id order, for tie-breaking.
    tie_rank = np.empty(len(p_ids), dtype=np.int64)
    tie_rank[np.argsort(np.array(p_ids, dtype=object), kind="stable")] = np.arange(len(p_ids))
    rows = []
    for start in range(0, len(c_ids), args.chunk):
        chunk = resumes[start:start + args.chunk]
        block = linear_kernel(chunk, postings, dense_output=True)
        for offset, best in enumerate(top_k(block, args.top, tie_rank)):
            c = start + offset
            for rank, p in enumerate(best, 1):
                rows.append((c_ids[c], rank, p_ids[p], float(block[offset, p])))
    t_score = time.perf_counter()

    rows.sort(key=lambda r: (r[0], r[1]))
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["candidate_id", "posting_id", "rank", "score"])
        for cand, rank, post, score in rows:
            w.writerow([cand, post, rank, f"{score:.4f}"])
    t_end = time.perf_counter()

    print(json.dumps({
        "tool": "tfidf",
        "sklearn": sklearn.__version__,
        "postings": len(p_ids),
        "candidates": len(c_ids),
        "vocabulary": len(vectorizer.vocabulary_),
        "load_s": round(t_load - t0, 3),
        "fit_s": round(t_fit - t_load, 3),
        "transform_s": round(t_transform - t_fit, 3),
        "score_topk_s": round(t_score - t_transform, 3),
        "write_s": round(t_end - t_score, 3),
        "total_s": round(t_end - t0, 3),
        # ru_maxrss is in KiB on Linux.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }), file=sys.stderr)


if __name__ == "__main__":
    main()
