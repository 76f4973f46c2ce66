"""The Python package against the command line: the same JSON bytes and
the same rank rows for the same inputs, from lists of dicts, pandas and
Arrow; errors as exceptions naming the file and the row."""

import csv
import io
import threading
import time

import pytest

import skillmatch
from conftest import AS_OF, ROOT, cli

EXAMPLES = ROOT / "examples"


def test_score_and_explain_are_the_command_lines_json(binary):
    sm = skillmatch.Skillmatch(postings=EXAMPLES / "postings", as_of=AS_OF)
    assert sm.posting_count == 5
    resume = EXAMPLES / "resumes" / "java-backend.txt"
    postings = str(EXAMPLES / "postings")
    for top, suggest in [(10, 5), (2, 0), (0, 20)]:
        expected = cli(binary, "score", resume.name, "--postings", postings, "--format", "json",
                       "--top", str(top), "--suggest", str(suggest), cwd=resume.parent)
        assert sm.score_json(resume, top=top, suggest=suggest).encode() == expected
    for posting in sm.postings():
        expected = cli(binary, "explain", resume.name, postings, "--posting", posting["id"],
                       "--format", "json", cwd=resume.parent)
        assert sm.explain_json(resume, posting["id"]).encode() == expected
    parsed = sm.score(resume.read_text(encoding="utf-8"), filename="java-backend.txt", top=1)
    assert parsed["candidate"]["name"] == "Maria Keller"
    assert len(parsed["results"]) == 1


def test_extract_reads_a_posting_and_a_resume():
    sm = skillmatch.Skillmatch(postings=EXAMPLES / "postings", as_of=AS_OF)
    posting = sm.extract("Backend Engineer\nRequirements\n- 3+ years of Go\n- Kubernetes\n")
    skills = [a["id"] for r in posting["postings"][0]["requirements"] for a in r["any_of"]]
    assert skills == ["go", "kubernetes"]
    resume = sm.extract("Jane Roe\nSkills\nPython, SQL\n", kind="resume", id="jane")
    assert {s["id"] for s in resume["candidates"][0]["skills"]} >= {"python", "sql"}
    with pytest.raises(skillmatch.SkillmatchError):
        sm.extract("x", kind="letter")


@pytest.mark.parametrize("per", ["candidate", "posting"])
def test_rank_gives_the_command_lines_rows_from_lists_pandas_and_arrow(binary, corpus, index, per):
    import pandas as pd
    import pyarrow as pa

    expected_bytes = cli(binary, "rank", "--candidates", str(corpus / "candidates.csv"),
                         "--index", str(index), "--per", per, "--top", "5")
    expected = list(csv.DictReader(io.StringIO(expected_bytes.decode("utf-8"))))
    assert tuple(expected[0].keys()) == skillmatch.RANK_COLUMNS
    sm = skillmatch.Skillmatch(index=index, as_of=AS_OF, threads=2)
    with open(corpus / "candidates.csv", newline="", encoding="utf-8") as f:
        records = list(csv.DictReader(f))
    assert sm.rank(records, per=per, top=5) == expected

    frame = pd.DataFrame(records)
    got = sm.rank(frame, per=per, top=5)
    assert isinstance(got, pd.DataFrame)
    assert got.to_dict("records") == expected

    table = pa.Table.from_pandas(frame)
    got = sm.rank(table, per=per, top=5)
    assert isinstance(got, pa.Table)
    assert got.to_pylist() == expected

    # Shuffled, with positions: the same rows.
    shuffled = frame.assign(position=range(len(frame))).sample(frac=1, random_state=3)
    got = sm.rank(shuffled, per=per, top=5, position_column="position")
    assert got.to_dict("records") == expected


def test_bad_input_raises_with_the_file_and_row(tmp_path):
    bad = tmp_path / "postings.csv"
    bad.write_text("id,title,text\np1,Engineer,\n", encoding="utf-8")
    with pytest.raises(skillmatch.SkillmatchError) as raised:
        skillmatch.Skillmatch(postings=bad)
    assert "postings.csv" in str(raised.value) and "row" in str(raised.value)
    assert raised.value.file.endswith("postings.csv")
    with pytest.raises(skillmatch.SkillmatchError, match="give the postings once"):
        skillmatch.Skillmatch()
    with pytest.raises(skillmatch.SkillmatchError, match="as_of"):
        skillmatch.Skillmatch(postings=EXAMPLES / "postings", as_of="yesterday")
    sm = skillmatch.Skillmatch(postings=EXAMPLES / "postings", as_of=AS_OF)
    with pytest.raises(skillmatch.SkillmatchError, match="no posting with the id"):
        sm.explain("Skills: Go", "no-such-posting")
    with pytest.raises(skillmatch.SkillmatchError, match="empty"):
        sm.score(b"")


def test_posting_records_load_like_a_csv(binary, corpus):
    import pandas as pd

    frame = pd.read_csv(corpus / "postings.csv", dtype=str, keep_default_na=False)
    from_records = skillmatch.Skillmatch(posting_records=frame, as_of=AS_OF)
    from_file = skillmatch.Skillmatch(postings=corpus / "postings.csv", as_of=AS_OF)
    assert from_records.postings() == from_file.postings()
    resume = next((corpus / "resumes").iterdir())
    a = from_records.score(resume, top=5, suggest=0)
    b = from_file.score(resume, top=5, suggest=0)
    assert [r["posting"]["id"] for r in a["results"]] == [r["posting"]["id"] for r in b["results"]]


def test_work_runs_without_the_gil(corpus, index):
    """Two Python threads ranking at once finish sooner than one after the
    other would if the GIL were held: the second starts while the first
    works, which a held GIL would not allow."""
    sm = skillmatch.Skillmatch(index=index, as_of=AS_OF, threads=1)
    with open(corpus / "candidates.csv", newline="", encoding="utf-8") as f:
        records = list(csv.DictReader(f)) * 10
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    started = time.perf_counter()
    sm.rank(records, per="posting", top=5)
    took = time.perf_counter() - started
    stop.set()
    t.join()
    during = [x for x in ticks if started < x < started + took]
    # The ticker ran all along: at least a tick per 20 ms of work.
    assert took > 0.05, f"too fast to tell ({took:.3f} s)"
    assert len(during) >= took / 0.02, (len(during), took)
