#!/usr/bin/env python3
"""A bounded local load test of `skillmatch serve`'s `POST /api/score`.

Generates a corpus (`gen_corpus`), indexes its postings, starts the
server on a free loopback port with `--index`, and drives it with `wrk`
(Debian's package) at each concurrency for a fixed time: every request
posts one of the corpus's résumés, in turn, with `suggest=0` (or as
given). Prints one Markdown row per concurrency: requests/s, p50 and p99
latency as wrk measures them, and any answer that was not 200. Everything
stops by itself; nothing leaves the machine.

Usage: scripts/load_test.py [--binary PATH] [--gen-corpus PATH]
                            [--postings N] [--resumes N] [--seconds S]
                            [--concurrency 1,8,64] [--suggest N] [--top N]
                            [--resume-dir DIR]

Needs `cargo build --release --bins --examples` first (for the binary and
gen_corpus) and `wrk` on PATH.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LUA = """
local bodies = {}
for line in io.lines(os.getenv("SKILLMATCH_LOAD_LIST")) do
  local f = assert(io.open(line, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", os.getenv("SKILLMATCH_LOAD_PATH"),
    {["Content-Type"] = "text/plain"}, bodies[i])
end
"""


def parse_wrk(out):
    """Requests/s, p50 and p99 (ms), requests, and non-2xx answers."""

    def ms(value):
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return rps, p50, p99, total, int(bad.group(1)) if bad else 0, errors.group(1) if errors else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=str(ROOT / "target/release/skillmatch"))
    ap.add_argument("--gen-corpus", default=str(ROOT / "target/release/examples/gen_corpus"))
    ap.add_argument("--postings", type=int, default=10_000)
    ap.add_argument("--resumes", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--concurrency", default="1,8,64")
    ap.add_argument("--suggest", type=int, default=0)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--resume-dir", help="post the *.txt résumés of DIR instead of the generated ones")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("load_test: needs wrk on PATH (Debian's package `wrk`)")

    with tempfile.TemporaryDirectory(prefix="skillmatch-load-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        subprocess.run(
            [args.gen_corpus, "--postings", str(args.postings), "--resumes",
             str(args.resumes), "--seed", "7", str(corpus)],
            check=True, stdout=subprocess.DEVNULL)
        index = tmp / "postings.idx"
        subprocess.run(
            [args.binary, "--quiet", "index", "build", "--postings",
             str(corpus / "postings.csv"), "-o", str(index)], check=True)
        resume_dir = Path(args.resume_dir) if args.resume_dir else corpus / "resumes"
        resumes = sorted(resume_dir.glob("*.txt"))
        listing = tmp / "resumes.list"
        listing.write_text("".join(f"{p}\n" for p in resumes))
        script = tmp / "post.lua"
        script.write_text(LUA)
        sizes = [p.stat().st_size for p in resumes]

        server = subprocess.Popen(
            [args.binary, "--quiet", "serve", "--index", str(index), "--port", "0"],
            stdout=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().strip()
            if not url.startswith("http://127.0.0.1:"):
                sys.exit(f"load_test: the server did not start: {url!r}")
            path = f"/api/score?filename=resume.txt&top={args.top}&suggest={args.suggest}"
            env = dict(os.environ, SKILLMATCH_LOAD_LIST=str(listing), SKILLMATCH_LOAD_PATH=path)
            print(f"{args.postings} postings (index), {len(resumes)} résumés "
                  f"({min(sizes)}–{max(sizes)} bytes) in turn, POST {path}, "
                  f"{args.seconds} s per level, {os.cpu_count()} cores shared with wrk")
            print()
            print("| concurrency | requests/s | p50 ms | p99 ms | requests | not 200 |")
            print("|---:|---:|---:|---:|---:|---:|")
            for c in [int(x) for x in args.concurrency.split(",")]:
                threads = min(c, 2)
                out = subprocess.run(
                    ["wrk", f"-t{threads}", f"-c{c}", f"-d{args.seconds}s", "--latency",
                     "--timeout", "10s", "-s", str(script), url.rstrip("/")],
                    env=env, check=True, capture_output=True, text=True).stdout
                rps, p50, p99, total, bad, errors = parse_wrk(out)
                note = f" ({errors})" if errors else ""
                print(f"| {c} | {rps:.0f} | {p50:.1f} | {p99:.1f} | {total} | {bad}{note} |")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
