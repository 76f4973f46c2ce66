#!/usr/bin/env python3
"""Exact-dictionary skill extraction with flashtext, timed per core.

The peer for skillmatch's extraction speed: the same surface forms, found
the simplest fast way. Every skill of the taxonomy's TOML files
(skillmatch's embedded default is `taxonomy/*.toml`) gives its label and
aliases to one `flashtext.KeywordProcessor`, mapped to the skill id, in
the order skillmatch compiles them: files by name, skills in file order,
the label before the aliases; when two skills write the same form, the
first keeps it, and an alias of punctuation only is skipped.

What flashtext does not do and skillmatch does: Unicode normalisation
beyond lowercasing, plurals, evidence for ambiguous forms ("Go", "R"),
exact-case forms ("AI" but not "ai"), typo matching, and everything after
the mentions (sections, requirements, years, dates). So it finds more
false mentions and misses misspelt and plural ones; the figure is a floor
on what a dictionary lookup costs, not an equivalent result.

Timing: time.process_time (CPU seconds of this process, one thread)
around the extraction loop only; reading the taxonomy, building the
keyword processor and reading the CSV are excluded. Throughput is the
UTF-8 bytes of the postings' text column over those seconds.

Prints one JSON line to stdout.
"""

import argparse
import csv
import json
import sys
import time
import tomllib
from importlib.metadata import version
from pathlib import Path

import flashtext

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[2] / "taxonomy"


def load_forms(folder):
    """(form, skill id) pairs in skillmatch's compile order; skills counted."""
    pairs = []
    skills = 0
    for path in sorted(folder.glob("*.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for skill in data.get("skill", []):
            skills += 1
            forms = [skill["label"]] + list(skill.get("aliases", []))
            for i, form in enumerate(forms):
                form = " ".join(form.split())
                if not form or (i > 0 and not any(c.isalnum() for c in form)):
                    continue
                pairs.append((form, skill["id"]))
    return pairs, skills


def read_texts(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if "text" not in (reader.fieldnames or []):
            sys.exit(f"{path}: no `text` column (found {reader.fieldnames})")
        return [row["text"] or "" for row in reader]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--postings", required=True, help="CSV with a `text` column")
    ap.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY,
                    help="folder of taxonomy TOML files (default: the repository's taxonomy/)")
    ap.add_argument("-o", "--output", help="also write `posting,skill` rows, one per mention found")
    args = ap.parse_args()

    pairs, skills = load_forms(args.taxonomy)
    processor = flashtext.KeywordProcessor(case_sensitive=False)
    claimed = set()
    for form, skill_id in pairs:
        key = form.lower()
        if key in claimed:
            continue
        claimed.add(key)
        processor.add_keyword(form, skill_id)
    texts = read_texts(args.postings)
    size = sum(len(t.encode("utf-8")) for t in texts)

    cpu0, wall0 = time.process_time(), time.perf_counter()
    found = [processor.extract_keywords(t) for t in texts]
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0

    if args.output:
        with open(args.output, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["posting", "skill"])
            for i, skills_found in enumerate(found):
                for s in skills_found:
                    w.writerow([i, s])

    print(json.dumps({
        "tool": "flashtext",
        "flashtext": version("flashtext"),
        "skills": skills,
        "forms": len(claimed),
        "postings": len(texts),
        "text_bytes": size,
        "mentions": sum(len(f) for f in found),
        "cpu_s": round(cpu, 3),
        "wall_s": round(wall, 3),
        "mb_per_cpu_s": round(size / 1e6 / cpu, 2) if cpu else None,
    }))


if __name__ == "__main__":
    main()
