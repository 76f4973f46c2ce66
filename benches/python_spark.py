#!/usr/bin/env python3
"""Rows per second of the Python package against the command line, and
the Spark job's wall time, on one batch.

    python benches/python_spark.py --corpus DIR [--per candidate|posting]
        [--limit N] [--partitions 2,4] [--skip-cli] [--skip-python] [--skip-spark]

DIR is a `gen_corpus` folder with `postings.idx` (`skillmatch index build
--postings DIR/postings.csv -o DIR/postings.idx`) and `candidates.csv`.
Every run ranks the first --limit candidates (default: all), top 10, with
--as-of 2026-11-01, and reports wall seconds and candidates per second; the
load of the index (CLI: part of the run; Python and Spark: timed apart) is
separated where it can be. Run with the Python that has `skillmatch`,
`pandas`, `pyarrow` and `pyspark` installed; Spark runs in local mode on
every core (`local[*]`), with the partitions given.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-01"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--per", choices=["candidate", "posting"], default="candidate")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--partitions", default="2,4")
    ap.add_argument("--binary", default=str(ROOT / "target/release/skillmatch"))
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--skip-python", action="store_true")
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args()

    index = args.corpus / "postings.idx"
    with open(args.corpus / "candidates.csv", newline="", encoding="utf-8") as f:
        records = list(csv.DictReader(f))
    if args.limit:
        records = records[: args.limit]
    n = len(records)
    tmp = Path(tempfile.mkdtemp(prefix="skillmatch-bench-"))
    batch = tmp / "candidates.csv"
    with open(batch, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(records[0].keys()))
        w.writeheader()
        w.writerows(records)
    print(f"{n} candidates, index {index} ({index.stat().st_size / 1e6:.0f} MB), --per {args.per}, "
          f"top 10, {os.cpu_count()} cores")
    print()
    print("| run | setup s | ranking s | total s | candidates/s | rows |")
    print("|---|---:|---:|---:|---:|---:|")

    if not args.skip_cli:
        out = tmp / "cli.csv"
        started = time.perf_counter()
        subprocess.run([args.binary, "-q", "rank", "--candidates", str(batch), "--index", str(index),
                        "--per", args.per, "--as-of", AS_OF, "-o", str(out)], check=True)
        took = time.perf_counter() - started
        rows = sum(1 for _ in open(out, encoding="utf-8")) - 1
        print(f"| CLI `rank --index` (load included) | — | — | {took:.1f} | {n / took:.0f} | {rows} |")

    if not args.skip_python:
        import skillmatch

        started = time.perf_counter()
        sm = skillmatch.Skillmatch(index=index, as_of=AS_OF)
        setup = time.perf_counter() - started
        started = time.perf_counter()
        got = sm.rank(records, per=args.per, top=10)
        took = time.perf_counter() - started
        print(f"| Python `Skillmatch.rank` (list of dicts) | {setup:.1f} | {took:.1f} | {setup + took:.1f} "
              f"| {n / took:.0f} | {len(got)} |")

    if not args.skip_spark:
        import pandas as pd
        from pyspark.sql import SparkSession

        sys.path.insert(0, str(ROOT / "examples"))
        import spark_rank

        os.environ["PYSPARK_PYTHON"] = sys.executable
        parquet = tmp / "candidates.parquet"
        pd.DataFrame(records).to_parquet(parquet, index=False)
        for partitions in [int(p) for p in args.partitions.split(",")]:
            started = time.perf_counter()
            spark = (SparkSession.builder.master("local[*]").appName("skillmatch-bench")
                     .config("spark.ui.enabled", "false")
                     .config("spark.driver.memory", "8g")
                     .config("spark.sql.shuffle.partitions", str(partitions))
                     .getOrCreate())
            # Setup: the session, and every worker loading the index once
            # (a trivial job on as many partitions).
            index_name = index.name
            spark.sparkContext.addFile(str(index))
            # The workers import the job's module as the driver does.
            spark.sparkContext.addPyFile(str(ROOT / "examples" / "spark_rank.py"))

            def load(_):
                spark_rank._engine(index_name, AS_OF, 1)
                yield 0

            spark.sparkContext.parallelize(range(partitions), partitions).mapPartitions(load).collect()
            setup = time.perf_counter() - started
            started = time.perf_counter()
            frames = spark_rank.rank_frames(spark, spark.read.parquet(str(parquet)), str(index),
                                            args.per, 10, AS_OF, partitions, 1)
            out = tmp / f"spark-{partitions}"
            frames[args.per].write.mode("overwrite").parquet(str(out))
            took = time.perf_counter() - started
            rows = spark.read.parquet(str(out)).count()
            spark.stop()
            print(f"| Spark `local[*]`, {partitions} partitions | {setup:.1f} | {took:.1f} | "
                  f"{setup + took:.1f} | {n / took:.0f} | {rows} |")


if __name__ == "__main__":
    main()
