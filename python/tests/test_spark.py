"""The Spark job (examples/spark_rank.py) on local[2]: its Parquet output
must be the rows of one `skillmatch rank` run, cell for cell, in both
directions, sorted as the job sorts them. Skips, saying why, without
PySpark or Java."""

import csv
import importlib.util
import io
import os
import shutil
import sys

import pytest

from conftest import AS_OF, ROOT, cli

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark)")
if shutil.which("java") is None:
    pytest.skip("no Java on PATH (Debian's openjdk-17-jre-headless)", allow_module_level=True)


def _job():
    spec = importlib.util.spec_from_file_location("spark_rank", ROOT / "examples" / "spark_rank.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this interpreter, which has the package.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("skillmatch-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "7")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.parametrize("partitions", [2, 3])
def test_the_spark_job_equals_one_run_in_both_directions(spark, binary, corpus, index, tmp_path, partitions):
    import pandas as pd

    frame = pd.read_csv(corpus / "candidates.csv", dtype=str, keep_default_na=False)
    parquet = tmp_path / "candidates.parquet"
    frame.to_parquet(parquet, index=False)

    job = _job()
    out = tmp_path / "out"
    argv = ["--candidates", str(parquet), "--index", str(index), "--out", str(out),
            "--per", "both", "--top", "4", "--as-of", AS_OF, "--partitions", str(partitions)]
    # The job's own entry point, on this session (getOrCreate reuses it).
    args_stop = spark.stop
    spark.stop = lambda: None  # keep the session for the other tests
    try:
        assert job.main(argv) == 0
    finally:
        spark.stop = args_stop

    for per in ["candidate", "posting"]:
        expected = cli(binary, "rank", "--candidates", str(corpus / "candidates.csv"),
                       "--index", str(index), "--per", per, "--top", "4").decode("utf-8")
        got = spark.read.parquet(str(out / f"per_{per}")).toPandas()
        key = ["candidate_position", "rank"] if per == "candidate" else ["posting_position", "rank"]
        got = got.sort_values(key, key=lambda c: c.astype(int)).reset_index(drop=True)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(got.columns)
        writer.writerows(got.itertuples(index=False))
        assert buffer.getvalue() == expected, f"per {per}, {partitions} partitions"


def test_a_failing_task_fails_the_job_and_leaves_no_output(spark, corpus, index, tmp_path):
    import pandas as pd

    # A damaged index: every task fails loading it.
    damaged = tmp_path / "damaged.idx"
    damaged.write_bytes(index.read_bytes()[:4096])
    frame = pd.read_csv(corpus / "candidates.csv", dtype=str, keep_default_na=False)
    parquet = tmp_path / "candidates.parquet"
    frame.to_parquet(parquet, index=False)
    out = tmp_path / "out"
    job = _job()
    frames = job.rank_frames(spark, spark.read.parquet(str(parquet)), str(damaged),
                             "candidate", 4, AS_OF, 2, 1)
    with pytest.raises(Exception, match="damaged.idx"):
        frames["candidate"].write.mode("overwrite").parquet(str(out / "per_candidate"))
    assert not (out / "per_candidate" / "_SUCCESS").exists()
