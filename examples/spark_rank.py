#!/usr/bin/env python3
"""Rank candidates against postings on Spark with the skillmatch package.

    spark-submit examples/spark_rank.py \\
        --candidates candidates.parquet --index postings.idx --out OUT \\
        [--per candidate|posting|both] [--top 10] [--as-of YYYY-MM-DD] \\
        [--partitions N] [--threads 1]

Reads the candidates from Parquet (columns ``id``, ``text``, and ``name``
when there is one), ships the postings index (``skillmatch index build``)
to every executor once (``SparkFiles``), ranks each partition with
``mapInPandas`` calling the ``skillmatch`` package, and writes Parquet
under OUT: ``per_candidate/`` (each candidate's best ``--top`` postings)
and ``per_posting/`` (each posting's best ``--top`` candidates), every
column text, as in ``skillmatch rank``'s CSV.

The result equals one ``skillmatch rank --index postings.idx --as-of
DATE`` run over the same candidates in Parquet order, row for row:

- each candidate's place in the input (``candidate_position``) is taken
  before anything is repartitioned, and equal fits are ordered by it, as
  in one run;
- ``per_posting`` is merged in Spark: every partition keeps each posting's
  best ``--top`` among its own candidates, then a window over each posting
  orders them all by the unrounded fit (``fit_exact``) and the position
  and keeps the first ``--top``;
- "Present" in résumés is pinned to one date for the whole job (``--as-of``,
  default: the driver's today), so tasks and retries never disagree;
- output is written with ``mode("overwrite")``: a retried or rerun job
  replaces, never appends, and a failing task fails the job.

Rows come out sorted: per candidate by (candidate_position, rank), per
posting by (posting_position, rank).
"""

import argparse
import datetime
import os
import sys

#: Engines already loaded in this Python worker, by (index, as_of, threads):
#: a worker that runs several tasks loads the index once.
_ENGINES = {}


def _engine(index_name, as_of, threads):
    from pyspark import SparkFiles

    import skillmatch

    key = (index_name, as_of, threads)
    if key not in _ENGINES:
        _ENGINES[key] = skillmatch.Skillmatch(
            index=SparkFiles.get(index_name), as_of=as_of, threads=threads
        )
    return _ENGINES[key]


def rank_frames(spark, candidates, index, per, top, as_of, partitions=None, threads=1):
    """The ranking DataFrames: {"candidate": …, "posting": …} as asked.

    ``candidates`` is a DataFrame with ``id``, ``text`` and maybe ``name``;
    ``index`` a local path to the postings index, shipped to the executors
    here."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    import skillmatch

    spark.sparkContext.addFile(index)
    index_name = os.path.basename(index)
    columns = list(skillmatch.RANK_COLUMNS)
    schema = StructType([StructField(c, StringType(), True) for c in columns])

    # Each candidate's place in the input, before any shuffle.
    fields = candidates.schema.fields + [StructField("position", LongType(), False)]
    positioned = candidates.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1]))
    positioned = spark.createDataFrame(positioned, StructType(fields))
    if "name" not in positioned.columns:
        positioned = positioned.withColumn("name", F.lit(None).cast(StringType()))
    positioned = positioned.select("id", "name", "text", "position")
    if partitions:
        positioned = positioned.repartition(partitions)
    if per == "both":
        # Both directions read it: computed once.
        positioned = positioned.cache()

    def ranker(mode):
        def rank(frames):
            engine = _engine(index_name, as_of, threads)
            for frame in frames:
                yield engine.rank(frame, per=mode, top=top, position_column="position")

        return rank

    # The ranked rows are kept once made: sorting samples its input first,
    # which would otherwise rank every candidate twice.
    keep = StorageLevel.MEMORY_AND_DISK
    out = {}
    if per in ("candidate", "both"):
        rows = positioned.mapInPandas(ranker("candidate"), schema).persist(keep)
        out["candidate"] = rows.orderBy(
            F.col("candidate_position").cast("long"), F.col("rank").cast("long")
        )
    if per in ("posting", "both"):
        rows = positioned.mapInPandas(ranker("posting"), schema).persist(keep)
        order = Window.partitionBy("posting_position").orderBy(
            F.col("fit_exact").cast("double").desc(), F.col("candidate_position").cast("long")
        )
        ranked = rows.withColumn("_place", F.row_number().over(order))
        if top:
            ranked = ranked.filter(F.col("_place") <= top)
        ranked = ranked.withColumn("rank", F.col("_place").cast("string")).select(*columns)
        out["posting"] = ranked.orderBy(
            F.col("posting_position").cast("long"), F.col("rank").cast("long")
        )
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidates", required=True, help="Parquet with id, text and maybe name")
    ap.add_argument("--index", required=True, help="a postings index (skillmatch index build)")
    ap.add_argument("--out", required=True, help="output folder (per_candidate/, per_posting/)")
    ap.add_argument("--per", choices=["candidate", "posting", "both"], default="both")
    ap.add_argument("--top", type=int, default=10, help="rows kept per candidate or posting (0: all)")
    ap.add_argument("--as-of", default=datetime.date.today().isoformat(),
                    help="what 'Present' means in résumés, for the whole job (default: today)")
    ap.add_argument("--partitions", type=int, help="repartition the candidates into N")
    ap.add_argument("--threads", type=int, default=1, help="threads per task (default 1)")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("skillmatch-rank").getOrCreate()
    candidates = spark.read.parquet(args.candidates)
    frames = rank_frames(spark, candidates, os.path.abspath(args.index), args.per, args.top,
                         args.as_of, args.partitions, args.threads)
    for per, frame in frames.items():
        frame.write.mode("overwrite").parquet(os.path.join(args.out, f"per_{per}"))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
