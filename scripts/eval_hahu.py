#!/usr/bin/env python3
"""Measure skillmatch on real flattened postings (postings-hahu-dev).

    eval_hahu.py BINARY [--shared DIR] [--json OUT]
    eval_hahu.py --self-test

BINARY is a release build of skillmatch; DIR defaults to <repo>/../shared.
Prints four groups of figures as markdown and exits 0 (2 on a missing file,
a failing command or an output it cannot read). Standard library only;
deterministic (the binary runs with a fixed --as-of date, ties are broken by
id, and the random baseline is an exact expectation, not a sample).

The data: ../shared/data/corpus/postings-hahu-dev (232 real postings, each a
title, a blank line and one flattened paragraph, labelled with the ISCO-08
unit group of the occupation it is for and the board's sector) and
../shared/data/corpus/resumes-dev (310 résumés of many professions with gold
spans, among them `Designation`). The labelled files are copied into a
temporary folder before the binary reads them: the postings folder also holds
a README.md, which skillmatch would read as a 233rd posting.

(a) Assessable requirements, from `extract --format json --as posting`: a
    requirement counts when it is a `skill` with a non-empty `any_of`, an
    `experience` with `min_years` or `max_years`, or an `education` with a
    non-null `education`; every such requirement counts (no de-duplication).
    Reported: the share of postings with at least 3, overall and per sector,
    because a posting that yields fewer cannot tell candidates apart.

(b) Occupation accuracy: when the extract JSON gives each posting an
    `occupations` list (ranked, each with an `isco` unit group; empty =
    unresolved), top-1 and top-3 accuracy against the label's `isco4` and
    the share unresolved; "not available" when no posting has the field.

(c) Résumé role titles, from `extract --format json --as resume`, against
    the gold `Designation` spans. A span's line is 1 + the number of line
    breaks before its byte offset. A span and a role match when the role's
    `line` is the span's line and one normalized text contains the other as
    whole words (normalized: casefolded, every run of characters other than
    letters, digits, "+" and "#" made one space). Recall = gold spans some
    role matches / gold spans; precision = titled roles that match some span
    / titled roles (roles without a title are counted apart).

(d) Ranking. Each résumé is labelled with the occupation of its first
    `Designation` span (the headline or the most recent role). The span is
    mapped to an ISCO-08 unit group without skillmatch: first by normalized
    exact match against the preferred, alternative and hidden labels of
    ESCO's occupations (../shared/data/occupations/esco_occupations_en.csv);
    a preferred label beats an alternative one, which beats a hidden one, and
    when the best labels belong to different unit groups the match is
    ambiguous. Designations still unmapped are looked up in a reviewed manual
    table, scripts/eval_data/designation_isco.tsv (designation, isco4,
    reason); a few rows of that table override a unique but wrong ESCO match
    (bare "teacher" is an ESCO label of "politics lecturer"), and rows with
    isco4 "-" record designations reviewed and left unmapped (names, degrees,
    certifications). Résumés left unmapped are excluded and counted.

    Relevance of a posting to a résumé: gain 2 when their ISCO unit groups (4
    digits) are equal, 1 when only the minor group (first 3 digits) is, else
    0: the same occupation is what a job seeker wants, a neighbouring one is
    still worth showing, anything else is noise. Per résumé: NDCG@10 with
    these gains (DCG = sum of gain / log2(rank + 1); the ideal DCG is that of
    all 232 postings' gains sorted) and P@10 (the share of the 10 shown with
    gain > 0; a list shorter than 10 counts the missing places as 0).
    Averaged over the labelled résumés that have at least one relevant
    posting (the others are skipped and counted).

    Systems: skillmatch (`rank --candidates R --postings P --top 10`, the
    CSV's candidate_id/posting_id/rank columns; ids are file stems), TF-IDF
    cosine over the raw text fitted on postings and résumés together
    (lowercased tokens of 2+ word characters, idf = ln((1 + N) / (1 + df)) +
    1, L2-normalized; raw tf and sublinear tf 1 + ln tf; ties by posting id),
    and a uniformly random order, whose expected NDCG@10 is mean gain ×
    sum(1 / log2(i + 1), i = 1..10) / ideal DCG and expected P@10 the share
    of relevant postings.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from itertools import permutations
from pathlib import Path

K = 10
# "Present" in résumé dates is resolved against this day, so that years of
# experience, and with them the scores, do not change from one day to the next.
AS_OF = "2024-01-01"
POSTINGS_DIR = Path("data/corpus/postings-hahu-dev")
RESUMES_DIR = Path("data/corpus/resumes-dev")
ESCO_OCCUPATIONS = Path("data/occupations/esco_occupations_en.csv")
MANUAL_TABLE = Path(__file__).resolve().parent / "eval_data" / "designation_isco.tsv"
# Label kinds of an ESCO occupation, best first.
LABEL_KINDS = ("preferredLabel", "altLabels", "hiddenLabels")
TOKEN = re.compile(r"\b\w\w+\b")
NOT_LABEL_CHAR = re.compile(r"[^\w+#]+|_+")


class EvalError(Exception):
    """A missing file, failing command or unreadable output (exit 2)."""


# ---------------------------------------------------------------- text


def normalize(text: str) -> str:
    """Casefold, turn every run of characters other than letters, digits, '+'
    and '#' into one space, trim."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(NOT_LABEL_CHAR.sub(" ", text).split())


def contains_words(a: str, b: str) -> bool:
    """Whether normalized `a` occurs in normalized `b` as whole words, or the
    other way round; empty texts match nothing."""
    if not a or not b:
        return False
    pa, pb = f" {a} ", f" {b} "
    return pa in pb or pb in pa


def line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


# ---------------------------------------------------------------- metrics


def gain(a: str, b: str) -> int:
    """2 for the same ISCO unit group, 1 for the same minor group, else 0."""
    if a == b:
        return 2
    if a[:3] == b[:3]:
        return 1
    return 0


def dcg(gains: list[float], k: int = K) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains[:k]))


def ndcg(ranked_gains: list[float], all_gains: list[float], k: int = K) -> float | None:
    """NDCG@k of a ranked list; the ideal DCG comes from all candidates'
    gains. None when nothing is relevant."""
    ideal = dcg(sorted(all_gains, reverse=True), k)
    if ideal == 0:
        return None
    return dcg(ranked_gains, k) / ideal


def precision_at(ranked_gains: list[float], k: int = K) -> float:
    """Share of the k places holding a relevant item (missing places count 0)."""
    return sum(1 for g in ranked_gains[:k] if g > 0) / k


def random_expectation(all_gains: list[float], k: int = K) -> tuple[float | None, float]:
    """Expected NDCG@k and P@k of a uniformly random order: every place holds
    each item with the same probability, so its expected gain is the mean."""
    n = len(all_gains)
    mean = sum(all_gains) / n
    places = min(k, n)
    expected_dcg = mean * sum(1 / math.log2(i + 2) for i in range(places))
    ideal = dcg(sorted(all_gains, reverse=True), k)
    relevant = sum(1 for g in all_gains if g > 0) / n
    return (expected_dcg / ideal if ideal else None), relevant * places / k


def tfidf_vectors(texts: list[str], sublinear: bool) -> list[dict[str, float]]:
    """L2-normalized TF-IDF vectors, idf = ln((1 + N) / (1 + df)) + 1."""
    counts = [Counter(TOKEN.findall(t.lower())) for t in texts]
    df = Counter(term for c in counts for term in c)
    n = len(texts)
    idf = {term: math.log((1 + n) / (1 + d)) + 1 for term, d in df.items()}
    vectors = []
    for c in counts:
        v = {t: ((1 + math.log(tf)) if sublinear else tf) * idf[t] for t, tf in c.items()}
        norm = math.sqrt(math.fsum(x * x for x in v.values()))
        vectors.append({t: x / norm for t, x in v.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two L2-normalized sparse vectors. fsum is exact, so the
    result does not depend on the (hash-seeded) order of the shared terms."""
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


# ---------------------------------------------------------------- occupations


def esco_label_index(rows) -> dict[str, dict[int, set[str]]]:
    """normalized label -> label kind rank (0 preferred, 1 alternative,
    2 hidden) -> ISCO unit groups."""
    index: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        group = (row.get("iscoGroup") or "").strip()
        if not re.fullmatch(r"\d{4}", group):
            continue
        for rank, kind in enumerate(LABEL_KINDS):
            for label in (row.get(kind) or "").split("\n"):
                key = normalize(label)
                if key:
                    index[key][rank].add(group)
    return index


def esco_lookup(index, designation: str) -> tuple[str | None, str]:
    """(unit group, how): how is 'esco' for a unique match at the best label
    kind, 'ambiguous' when that kind names several groups, 'none' otherwise."""
    kinds = index.get(designation)
    if not kinds:
        return None, "none"
    groups = kinds[min(kinds)]
    if len(groups) == 1:
        return next(iter(groups)), "esco"
    return None, "ambiguous"


def read_manual_table(path: Path) -> dict[str, tuple[str | None, str]]:
    table: dict[str, tuple[str | None, str]] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if parts[:2] == ["designation", "isco4"]:
                continue
            if len(parts) != 3 or not (re.fullmatch(r"\d{4}", parts[1]) or parts[1] == "-"):
                raise EvalError(f"{path.name}:{n}: expected designation<TAB>isco4 (4 digits or -)<TAB>reason")
            key = normalize(parts[0])
            if key != parts[0]:
                raise EvalError(f"{path.name}:{n}: designation is not normalized (would be {key!r})")
            if key in table:
                raise EvalError(f"{path.name}:{n}: {key!r} listed twice")
            table[key] = (None if parts[1] == "-" else parts[1], parts[2])
    return table


def map_designation(index, table, designation: str) -> tuple[str | None, str]:
    """(unit group or None, source): source is esco, table, override,
    reviewed-unmapped or unmapped."""
    group, how = esco_lookup(index, designation)
    row = table.get(designation)
    if how == "esco":
        if row and row[0] != group:
            return row[0], "override"
        return group, "esco"
    if row:
        return (row[0], "table") if row[0] else (None, "reviewed-unmapped")
    return None, "unmapped"


# ---------------------------------------------------------------- data and runs


def read_jsonl(path: Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise EvalError(f"{path}: {e}") from e


def run(cmd: list[str]) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except OSError as e:
        raise EvalError(f"{cmd[0]}: {e.strerror}") from e
    if done.returncode != 0:
        raise EvalError(f"{' '.join(cmd[:3])} ... exited {done.returncode}: {done.stderr.strip()[:500]}")
    return done.stdout


def extract_json(binary: str, kind: str, folder: Path) -> dict:
    out = run([binary, "--quiet", "extract", "--format", "json", "--as", kind, "--as-of", AS_OF, str(folder)])
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:
        raise EvalError(f"extract --as {kind}: output is not JSON ({e})") from e


def stage(files: list[Path], folder: Path) -> None:
    folder.mkdir()
    for f in files:
        shutil.copyfile(f, folder / f.name)


# ---------------------------------------------------------------- (a) requirements


def assessable(req: dict) -> bool:
    kind = req.get("kind")
    if kind == "skill":
        return bool(req.get("any_of"))
    if kind == "experience":
        return req.get("min_years") is not None or req.get("max_years") is not None
    if kind == "education":
        return req.get("education") is not None
    return False


def measure_requirements(postings: dict[str, dict], labels: dict[str, dict]) -> dict:
    per_sector: dict[str, list[int]] = defaultdict(list)
    counts = {}
    kinds = Counter()
    for pid, label in labels.items():
        reqs = postings[pid].get("requirements") or []
        n = sum(1 for r in reqs if assessable(r))
        counts[pid] = n
        per_sector[label["general_classification"]].append(n)
        kinds.update(r.get("kind") for r in reqs if assessable(r))

    def summary(ns: list[int]) -> dict:
        return {
            "postings": len(ns),
            "at_least_3": sum(1 for n in ns if n >= 3),
            "share_at_least_3": sum(1 for n in ns if n >= 3) / len(ns),
            "none": sum(1 for n in ns if n == 0),
            "mean": sum(ns) / len(ns),
            "median": sorted(ns)[len(ns) // 2],
        }

    zero_total = [pid for pid in labels if not postings[pid].get("requirements")]
    return {
        "all": summary(list(counts.values())),
        "per_sector": {s: summary(ns) for s, ns in sorted(per_sector.items())},
        "assessable_by_kind": dict(sorted(kinds.items())),
        "postings_with_no_requirement_at_all": sorted(zero_total),
        "postings_with_no_assessable_requirement": sorted(p for p, n in counts.items() if n == 0),
        "assessable_per_posting": counts,
    }


# ---------------------------------------------------------------- (b) occupations


def group_accuracy(ranked: dict[str, list[dict] | None], truth: dict[str, str]) -> dict:
    """Top-1, top-3 and top-1 minor-group accuracy of ranked lists of
    `{"isco": ...}` items against the unit group in `truth`, over every id
    of `truth`, and the share with an empty or absent list (unresolved)."""
    top1 = top3 = minor1 = unresolved = 0
    for key, group in truth.items():
        groups = [str(o.get("isco") or "") for o in ranked.get(key) or []]
        if not groups:
            unresolved += 1
            continue
        top1 += groups[0] == group
        minor1 += groups[0][:3] == group[:3]
        top3 += group in groups[:3]
    n = len(truth) or 1
    return {"top1": top1 / n, "top3": top3 / n, "top1_minor_group": minor1 / n, "unresolved": unresolved / n}


def measure_occupations(postings: dict[str, dict], labels: dict[str, dict], field: str = "occupations") -> dict | None:
    """(b): the ranked list `field` of each posting against its label; None
    when no posting has the field. Measured for `occupations` (what the
    title names) and, nested under "profile", for `profile` (the unit
    groups the posting reads as, title and words)."""
    if not any(field in postings[pid] for pid in labels):
        return None
    ranked = {pid: postings[pid].get(field) for pid in labels}
    out = {
        "postings": len(labels),
        **group_accuracy(ranked, {pid: label["isco4"] for pid, label in labels.items()}),
        "postings_without_the_field": sum(1 for v in ranked.values() if v is None),
    }
    if field == "occupations":
        out["profile"] = measure_occupations(postings, labels, "profile")
    return out


def measure_resume_profiles(candidates: dict[str, dict], resume_groups: dict[str, str]) -> dict | None:
    """The unit group a résumé's `profile` puts first against the group
    of its first Designation: the same measure as (b), for résumés."""
    if not any("profile" in candidates.get(c, {}) for c in resume_groups):
        return None
    ranked = {cid: candidates.get(cid, {}).get("profile") for cid in resume_groups}
    return {"resumes": len(resume_groups), **group_accuracy(ranked, resume_groups)}


# ---------------------------------------------------------------- (c) roles


def measure_roles(candidates: dict[str, dict], gold: dict[str, dict], texts: dict[str, bytes]) -> dict:
    spans = matched_spans = 0
    first_spans = first_matched = 0
    roles = titled = matched_roles = 0
    for cid, g in gold.items():
        data = texts[cid]
        desig = [
            (line_of(data, s["start"]), normalize(s["text"]))
            for s in sorted(g["spans"], key=lambda s: (s["start"], s["end"]))
            if s["type"] == "Designation"
        ]
        cand_roles = (candidates.get(cid) or {}).get("roles") or []
        role_keys = [(r.get("line"), normalize(r.get("title") or "")) for r in cand_roles]
        for i, (line, text) in enumerate(desig):
            hit = any(rl == line and contains_words(text, rt) for rl, rt in role_keys)
            spans += 1
            matched_spans += hit
            if i == 0:
                first_spans += 1
                first_matched += hit
        for rl, rt in role_keys:
            roles += 1
            if not rt:
                continue
            titled += 1
            matched_roles += any(rl == line and contains_words(text, rt) for line, text in desig)
    return {
        "designation_spans": spans,
        "recall": matched_spans / spans if spans else None,
        "first_designation_recall": first_matched / first_spans if first_spans else None,
        "roles": roles,
        "roles_with_title": titled,
        "roles_without_title": roles - titled,
        "precision": matched_roles / titled if titled else None,
    }


# ---------------------------------------------------------------- (d) ranking


def read_rank_csv(path: Path) -> dict[str, list[tuple[int, str, float]]]:
    lists: dict[str, list[tuple[int, str, float]]] = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        need = {"candidate_id", "posting_id", "rank", "score"}
        if not reader.fieldnames or not need <= set(reader.fieldnames):
            raise EvalError(f"rank CSV: expected columns {sorted(need)}, got {reader.fieldnames}")
        for row in reader:
            lists[row["candidate_id"]].append((int(row["rank"]), row["posting_id"], float(row["score"])))
    for rows in lists.values():
        rows.sort()
    return lists


def evaluate_lists(ranked: dict[str, list[str]], resume_groups: dict[str, str], posting_groups: dict[str, str]) -> dict:
    """Mean NDCG@10 and P@10 over the résumés with a relevant posting."""
    ndcgs, precisions = [], []
    for cid, group in resume_groups.items():
        all_gains = [gain(group, pg) for pg in posting_groups.values()]
        shown = [gain(group, posting_groups[p]) for p in ranked.get(cid, [])[:K] if p in posting_groups]
        value = ndcg(shown, all_gains)
        if value is None:
            continue
        ndcgs.append(value)
        precisions.append(precision_at(shown))
    return {
        "resumes": len(ndcgs),
        "ndcg10": sum(ndcgs) / len(ndcgs) if ndcgs else None,
        "p10": sum(precisions) / len(precisions) if precisions else None,
    }


def evaluate_random(resume_groups: dict[str, str], posting_groups: dict[str, str]) -> dict:
    ndcgs, precisions = [], []
    for group in resume_groups.values():
        e_ndcg, e_p = random_expectation([gain(group, pg) for pg in posting_groups.values()])
        if e_ndcg is None:
            continue
        ndcgs.append(e_ndcg)
        precisions.append(e_p)
    return {
        "resumes": len(ndcgs),
        "ndcg10": sum(ndcgs) / len(ndcgs) if ndcgs else None,
        "p10": sum(precisions) / len(precisions) if precisions else None,
    }


def tfidf_rankings(resume_texts: dict[str, str], posting_texts: dict[str, str], sublinear: bool) -> dict[str, list[str]]:
    pids = sorted(posting_texts)
    cids = sorted(resume_texts)
    vectors = tfidf_vectors([posting_texts[p] for p in pids] + [resume_texts[c] for c in cids], sublinear)
    pvec = dict(zip(pids, vectors[: len(pids)]))
    out = {}
    for cid, cvec in zip(cids, vectors[len(pids):]):
        scored = sorted(((-cosine(cvec, pvec[p]), p) for p in pids))
        out[cid] = [p for _, p in scored[:K]]
    return out


def hub_postings(ranked: dict[str, list[str]], cids: list[str], titles: dict[str, str]) -> dict:
    """How concentrated the top-10 lists are: distinct postings shown, and
    the postings shown to the most résumés."""
    shown = Counter(p for c in cids for p in ranked.get(c, [])[:K])
    return {
        "distinct_postings_in_top10": len(shown),
        "most_shown": [
            {"posting": p, "title": titles.get(p, ""), "resumes": n, "share": n / len(cids)}
            for p, n in sorted(shown.items(), key=lambda x: (-x[1], x[0]))[:5]
        ],
    }


def measure_ranking(binary, work, posting_dir, resume_dir, labels, gold, texts_r, texts_p, index, table,
                    candidates=None) -> dict:
    posting_groups = {pid: lab["isco4"] for pid, lab in sorted(labels.items())}
    titles = {pid: lab.get("title", "") for pid, lab in labels.items()}

    sources = Counter()
    resume_groups: dict[str, str] = {}
    mapping_rows = []
    for cid, g in sorted(gold.items()):
        desig = [s for s in sorted(g["spans"], key=lambda s: (s["start"], s["end"])) if s["type"] == "Designation"]
        if not desig:
            sources["no-designation"] += 1
            continue
        key = normalize(desig[0]["text"])
        group, source = map_designation(index, table, key)
        sources[source] += 1
        mapping_rows.append({"resume": cid, "designation": key, "isco4": group, "source": source})
        if group:
            resume_groups[cid] = group
    without_relevant = sorted(
        c for c, grp in resume_groups.items() if not any(gain(grp, pg) for pg in posting_groups.values())
    )

    csv_path = work / "rank.csv"
    run([binary, "--quiet", "rank", "--candidates", str(resume_dir), "--postings", str(posting_dir),
         "--top", str(K), "--as-of", AS_OF, "-o", str(csv_path)])
    rank_rows = read_rank_csv(csv_path)
    unknown = sorted({p for rows in rank_rows.values() for _, p, _ in rows} - set(posting_groups))
    if unknown:
        raise EvalError(f"rank CSV: posting ids not in labels.jsonl: {unknown[:5]}")
    sm_lists = {c: [p for _, p, _ in rows] for c, rows in rank_rows.items()}
    evaluated = [c for c in resume_groups if c not in without_relevant]
    top_scores = [s for c in evaluated for _, _, s in rank_rows.get(c, [])[:K]]

    tf_raw = tfidf_rankings({c: texts_r[c].decode("utf-8", "replace") for c in texts_r}, texts_p, sublinear=False)
    tf_sub = tfidf_rankings({c: texts_r[c].decode("utf-8", "replace") for c in texts_r}, texts_p, sublinear=True)

    systems = {
        "skillmatch rank": evaluate_lists(sm_lists, resume_groups, posting_groups),
        "TF-IDF cosine (raw tf)": evaluate_lists(tf_raw, resume_groups, posting_groups),
        "TF-IDF cosine (sublinear tf)": evaluate_lists(tf_sub, resume_groups, posting_groups),
        "random order (expected)": evaluate_random(resume_groups, posting_groups),
    }

    by_group: dict[str, dict] = {}
    major_label = {"1": "managers", "2": "professionals", "3": "technicians and associate professionals",
                   "4": "clerical support", "5": "service and sales", "7": "craft and trades"}
    for major in sorted({g[0] for g in resume_groups.values()}):
        sub = {c: g for c, g in resume_groups.items() if g[0] == major}
        row = {"resumes_labelled": len(sub)}
        for name, lists in (("skillmatch rank", sm_lists), ("TF-IDF cosine (raw tf)", tf_raw)):
            row[name] = evaluate_lists(lists, sub, posting_groups)
        row["random order (expected)"] = evaluate_random(sub, posting_groups)
        by_group[f"{major} {major_label.get(major, '')}".strip()] = row

    return {
        "resumes": len(gold),
        "mapping": {
            "no_designation": sources["no-designation"],
            "esco_exact": sources["esco"],
            "manual_table": sources["table"],
            "manual_override_of_esco": sources["override"],
            "reviewed_unmapped": sources["reviewed-unmapped"],
            "unmapped": sources["unmapped"],
            "labelled": len(resume_groups),
            "excluded": len(gold) - len(resume_groups),
        },
        "without_relevant_posting": without_relevant,
        "evaluated": len(evaluated),
        "resume_profile": measure_resume_profiles(candidates or {}, resume_groups),
        "systems": systems,
        "by_isco_major_group": by_group,
        "skillmatch_diagnostics": {
            "resumes_with_fewer_than_10_postings": sum(1 for c in evaluated if len(sm_lists.get(c, [])) < K),
            "share_of_top10_scores_100": (sum(1 for s in top_scores if s >= 100.0) / len(top_scores)) if top_scores else None,
            **hub_postings(sm_lists, evaluated, titles),
        },
        "tfidf_diagnostics": hub_postings(tf_raw, evaluated, titles),
        "designation_mapping": mapping_rows,
    }


# ---------------------------------------------------------------- report


def fmt(x, digits=3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def render(fig: dict) -> str:
    out = []
    a, b, c, d = fig["a"], fig["b"], fig["c"], fig["d"]
    out.append(f"## postings-hahu-dev with {fig['binary_version']} (as of {AS_OF})\n")
    out.append("### (a) Postings with at least 3 assessable requirements\n")
    out.append("| sector | postings | ≥ 3 assessable | share | none | mean | median |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for name, s in list(a["per_sector"].items()) + [("**all**", a["all"])]:
        out.append(f"| {name} | {s['postings']} | {s['at_least_3']} | {fmt(s['share_at_least_3'])} | "
                   f"{s['none']} | {s['mean']:.1f} | {s['median']} |")
    kinds = ", ".join(f"{k} {n}" for k, n in a["assessable_by_kind"].items())
    out.append(f"\nAssessable requirements by kind: {kinds}. Postings with no requirement at all: "
               f"{len(a['postings_with_no_requirement_at_all'])}; with none assessable: "
               f"{len(a['postings_with_no_assessable_requirement'])}.\n")
    out.append("### (b) Occupation of the posting (ISCO-08 unit group)\n")
    if b is None:
        out.append("not available (the extract JSON has no `occupations` field)\n")
    else:
        out.append("| postings | read from | top-1 | top-3 | top-1 minor group | unresolved |")
        out.append("|---:|---|---:|---:|---:|---:|")
        rows = [("the title (`occupations`)", b)]
        if b.get("profile"):
            rows.append(("title and words (`profile`)", b["profile"]))
        for name, r in rows:
            out.append(f"| {r['postings']} | {name} | {fmt(r['top1'])} | {fmt(r['top3'])} | "
                       f"{fmt(r['top1_minor_group'])} | {fmt(r['unresolved'])} |")
        out.append("")
    out.append("### (c) Résumé role titles against gold `Designation` spans\n")
    out.append("| Designation spans | recall | recall, first span | roles | with a title | precision (titled) |")
    out.append("|---:|---:|---:|---:|---:|---:|")
    out.append(f"| {c['designation_spans']} | {fmt(c['recall'])} | {fmt(c['first_designation_recall'])} | "
               f"{c['roles']} | {c['roles_with_title']} | {fmt(c['precision'])} |\n")
    m = d["mapping"]
    out.append("### (d) Ranking the 232 postings for each résumé\n")
    out.append(f"Résumés: {d['resumes']}; labelled {m['labelled']} (ESCO exact {m['esco_exact']}, manual table "
               f"{m['manual_table']}, manual override of ESCO {m['manual_override_of_esco']}); excluded "
               f"{m['excluded']} (no Designation {m['no_designation']}, reviewed and left unmapped "
               f"{m['reviewed_unmapped']}, not in the table {m['unmapped']}); without any relevant posting "
               f"{len(d['without_relevant_posting'])}; evaluated {d['evaluated']}.\n")
    rp = d.get("resume_profile")
    if rp:
        out.append(f"Résumé occupation (`profile`, first group) against the labelled group: top-1 "
                   f"{fmt(rp['top1'])}, top-3 {fmt(rp['top3'])}, top-1 minor group "
                   f"{fmt(rp['top1_minor_group'])}, unresolved {fmt(rp['unresolved'])} "
                   f"({rp['resumes']} labelled résumés).\n")
    out.append("| system | résumés | NDCG@10 | P@10 |")
    out.append("|---|---:|---:|---:|")
    for name, s in d["systems"].items():
        out.append(f"| {name} | {s['resumes']} | {fmt(s['ndcg10'])} | {fmt(s['p10'])} |")
    out.append("\nBy ISCO major group of the résumé (NDCG@10 / P@10):\n")
    out.append("| résumé group | labelled | evaluated | skillmatch | TF-IDF (raw tf) | random (expected) |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for name, row in d["by_isco_major_group"].items():
        sm, tf, rnd = row["skillmatch rank"], row["TF-IDF cosine (raw tf)"], row["random order (expected)"]
        out.append(f"| {name} | {row['resumes_labelled']} | {sm['resumes']} | {fmt(sm['ndcg10'])} / {fmt(sm['p10'])} | "
                   f"{fmt(tf['ndcg10'])} / {fmt(tf['p10'])} | {fmt(rnd['ndcg10'])} / {fmt(rnd['p10'])} |")
    sd, td = d["skillmatch_diagnostics"], d["tfidf_diagnostics"]
    hubs = "; ".join(f"{h['posting']} \"{h['title']}\" {h['resumes']}" for h in sd["most_shown"])
    out.append(f"\nskillmatch top-10 lists: {sd['distinct_postings_in_top10']} distinct postings shown "
               f"(TF-IDF: {td['distinct_postings_in_top10']}); share of shown scores at 100: "
               f"{fmt(sd['share_of_top10_scores_100'])}; résumés with fewer than 10 postings: "
               f"{sd['resumes_with_fewer_than_10_postings']}. Shown most often (résumés): {hubs}.")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- main


def evaluate(binary: str, shared: Path) -> dict:
    posting_root = shared / POSTINGS_DIR
    resume_root = shared / RESUMES_DIR
    labels = {Path(r["file"]).stem: r for r in read_jsonl(posting_root / "labels.jsonl")}
    gold = {Path(r["file"]).stem: r for r in read_jsonl(resume_root / "gold.jsonl")}
    try:
        with open(shared / ESCO_OCCUPATIONS, encoding="utf-8", newline="") as f:
            index = esco_label_index(csv.DictReader(f))
        table = read_manual_table(MANUAL_TABLE)
        texts_p = {pid: (posting_root / f"{pid}.txt").read_text(encoding="utf-8") for pid in labels}
        texts_r = {cid: (resume_root / f"{cid}.txt").read_bytes() for cid in gold}
    except OSError as e:
        raise EvalError(f"{e.filename}: {e.strerror}") from e
    version = run([binary, "--version"]).strip()

    with tempfile.TemporaryDirectory(prefix="eval_hahu_") as tmp:
        work = Path(tmp)
        posting_dir, resume_dir = work / "postings", work / "resumes"
        stage([posting_root / f"{pid}.txt" for pid in sorted(labels)], posting_dir)
        stage([resume_root / f"{cid}.txt" for cid in sorted(gold)], resume_dir)

        extracted = extract_json(binary, "posting", posting_dir)
        postings = {p["id"]: p for p in extracted.get("postings", [])}
        missing = sorted(set(labels) - set(postings))
        if missing:
            raise EvalError(f"extract --as posting: no output for {missing[:5]}")
        extracted_r = extract_json(binary, "resume", resume_dir)
        candidates = {c["id"]: c for c in extracted_r.get("candidates", [])}

        fig = {
            "binary_version": version,
            "as_of": AS_OF,
            "a": measure_requirements(postings, labels),
            "b": measure_occupations(postings, labels),
            "c": measure_roles(candidates, gold, texts_r),
            "d": measure_ranking(binary, work, posting_dir, resume_dir, labels, gold, texts_r, texts_p, index, table,
                                 candidates),
        }
    return fig


def self_test() -> int:
    checks = 0

    def close(got, want, what):
        nonlocal checks
        if got is None or abs(got - want) > 1e-6:
            raise AssertionError(f"{what}: got {got}, want {want}")
        checks += 1

    def equal(got, want, what):
        nonlocal checks
        if got != want:
            raise AssertionError(f"{what}: got {got!r}, want {want!r}")
        checks += 1

    # Gains 2, 0, 1 shown; all gains 2, 1, 0, 0. DCG = 2/1 + 0/log2(3) + 1/2 = 2.5;
    # ideal = 2/1 + 1/log2(3) = 2.6309298; NDCG = 2.5 / 2.6309298 = 0.9502344.
    close(ndcg([2, 0, 1], [2, 1, 0, 0]), 0.9502344, "NDCG@10")
    close(ndcg([1, 2], [2, 1, 0]), (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3)), "NDCG swapped pair")
    equal(ndcg([0, 0], [0, 0, 0]), None, "NDCG without relevant items")
    close(ndcg([2] * 12, [2] * 12), 1.0, "NDCG cut at 10")
    close(precision_at([2, 0, 1]), 0.2, "P@10 of a 3-item list")
    close(precision_at([1] * 10 + [0] * 5), 1.0, "P@10 full")
    equal([gain("2512", "2512"), gain("2512", "2513"), gain("2512", "2522")], [2, 1, 0], "gains")

    # TF-IDF on "apple banana", "apple cherry", "banana banana" (N = 3):
    # idf(apple) = idf(banana) = ln(4/3) + 1 = 1.2876821, idf(cherry) = ln 2 + 1 = 1.6931472.
    # d1 = (1, 1, 0)/sqrt2; d2 = (1.2876821, 0, 1.6931472)/2.1271737; d3 = (0, 1, 0).
    # cos(d1, d2) = 1.2876821 / (sqrt2 × 2.1271737) = 0.4280460; cos(d1, d3) = 0.7071068.
    v = tfidf_vectors(["apple banana", "Apple cherry", "banana banana"], sublinear=False)
    close(v[1]["cherry"], 1.6931472 / 2.1271737, "TF-IDF weight")
    close(cosine(v[0], v[1]), 0.4280460, "cosine d1 d2")
    close(cosine(v[0], v[2]), 0.7071068, "cosine d1 d3")
    close(cosine(v[1], v[2]), 0.0, "cosine d2 d3")
    # Sublinear tf: "banana banana" weighs 1 + ln 2 per banana; alone in d3, so
    # its direction and every cosine stay the same.
    s = tfidf_vectors(["apple banana", "apple cherry", "banana banana"], sublinear=True)
    close(cosine(s[0], s[1]), 0.4280460, "sublinear cosine d1 d2")
    close(cosine(s[0], s[2]), 0.7071068, "sublinear cosine d1 d3")

    # The random expectation equals the average over every order of 5 items.
    items = [2, 1, 0, 0, 1]
    e_ndcg, e_p = random_expectation(items, k=3)
    orders = list(permutations(items))
    close(e_ndcg, sum(ndcg(list(o), items, k=3) for o in orders) / len(orders), "expected NDCG@3")
    close(e_p, sum(precision_at(list(o), k=3) for o in orders) / len(orders), "expected P@3")
    # With fewer items than places, the empty places count as 0 in P@k.
    close(random_expectation([1, 0], k=10)[1], 0.1, "expected P@10 of 2 items")

    equal(normalize("Sr. Java/J2EE  Developer"), "sr java j2ee developer", "normalize")
    equal(normalize("C# & C++ dev_ops"), "c# c++ dev ops", "normalize keeps + and #")
    equal(contains_words("software engineer", "senior software engineer"), True, "contained")
    equal(contains_words("senior software engineer", "software engineer"), True, "contains")
    equal(contains_words("engineer", "engineering lead"), False, "whole words only")
    equal(contains_words("", "engineer"), False, "empty text")
    equal([line_of(b"ab\ncd\n", 0), line_of(b"ab\ncd\n", 3), line_of(b"ab\n\ncd", 4)], [1, 2, 3], "line of offset")

    rows = [
        {"iscoGroup": "2512", "preferredLabel": "software developer", "altLabels": "programmer\nsoftware engineer", "hiddenLabels": ""},
        {"iscoGroup": "2514", "preferredLabel": "application developer", "altLabels": "Programmer", "hiddenLabels": ""},
        {"iscoGroup": "3343", "preferredLabel": "education administrator", "altLabels": "", "hiddenLabels": ""},
        {"iscoGroup": "2351", "preferredLabel": "curriculum administrator", "altLabels": "education administrator", "hiddenLabels": ""},
    ]
    index = esco_label_index(rows)
    equal(esco_lookup(index, "software engineer"), ("2512", "esco"), "unique alternative label")
    equal(esco_lookup(index, "programmer"), (None, "ambiguous"), "same label in two groups")
    equal(esco_lookup(index, "education administrator"), ("3343", "esco"), "preferred beats alternative")
    equal(esco_lookup(index, "chef"), (None, "none"), "no label")
    table = {"programmer": ("2512", "r"), "education administrator": ("1345", "r"), "name": (None, "r")}
    equal(map_designation(index, table, "programmer"), ("2512", "table"), "table after ambiguity")
    equal(map_designation(index, table, "education administrator"), ("1345", "override"), "override")
    equal(map_designation(index, table, "software engineer"), ("2512", "esco"), "ESCO first")
    equal(map_designation(index, table, "name"), (None, "reviewed-unmapped"), "reviewed unmapped")
    equal(map_designation(index, table, "chef"), (None, "unmapped"), "unmapped")

    equal(assessable({"kind": "skill", "any_of": [{"id": "x"}]}), True, "skill with any_of")
    equal(assessable({"kind": "skill", "any_of": []}), False, "skill without any_of")
    equal(assessable({"kind": "experience", "min_years": None, "max_years": 2.0}), True, "experience with a max")
    equal(assessable({"kind": "education", "education": None}), False, "education without a level")

    labels = {"p1": {"isco4": "2512"}, "p2": {"isco4": "5223"}, "p3": {"isco4": "3333"}}
    equal(measure_occupations({p: {} for p in labels}, labels), None, "occupations absent")
    occ = measure_occupations({
        "p1": {"occupations": [{"isco": "2512"}, {"isco": "2511"}]},
        "p2": {"occupations": []},
        "p3": {"occupations": [{"isco": "1111"}, {"isco": "2222"}, {"isco": "3333"}]},
    }, labels)
    equal([occ["top1"], occ["top3"], occ["unresolved"]], [1 / 3, 2 / 3, 1 / 3], "occupation accuracy")
    cands = {"a": {"profile": [{"isco": "2413"}, {"isco": "2411"}]}, "b": {"profile": []}}
    got = measure_resume_profiles(cands, {"a": "2411", "b": "2221"})
    equal([got["top1"], got["top3"], got["top1_minor_group"], got["unresolved"]], [0.0, 0.5, 0.5, 0.5],
          "résumé profile accuracy")

    text = b"Jane Roe\nSenior Java Developer\nAcme - 2019 to 2021\n"
    gold = {"r": {"spans": [{"start": 9, "end": 30, "text": "Senior Java Developer", "type": "Designation"},
                            {"start": 31, "end": 35, "text": "Acme", "type": "Companies worked at"}]}}
    roles = {"r": {"roles": [{"title": "Java Developer", "line": 2}, {"title": "Acme", "line": 3},
                             {"title": None, "line": 3}]}}
    got = measure_roles(roles, gold, {"r": text})
    equal([got["recall"], got["precision"], got["roles_without_title"]], [1.0, 0.5, 1], "role matching")

    print(f"self-test: {checks} checks passed")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", help="the skillmatch binary to measure")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared",
                        help="the shared folder holding data/ (default: <repo>/../shared)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON to OUT")
    parser.add_argument("--self-test", action="store_true", help="check the metric functions on toy examples")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.binary:
        parser.error("BINARY is required (or --self-test)")
    binary = args.binary if os.sep in args.binary else (shutil.which(args.binary) or args.binary)
    try:
        fig = evaluate(os.path.abspath(binary) if os.path.exists(binary) else binary, args.shared)
    except EvalError as e:
        print(f"eval_hahu: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(render(fig))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(fig, f, indent=1, ensure_ascii=False, sort_keys=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
