#!/usr/bin/env python3
"""Refresh the command outputs shown in README.md.

Every indented block in README.md that starts with `    $ skillmatch score`,
`explain` or `rank` is re-run with the release binary (build it first: `cargo build --release`) and
its output replaced. A block whose command ends in `# first N, then from
WORD` keeps the first N lines and the lines from the first one starting with
WORD, with a `…` line between: long reports stay readable and real.

Usage: scripts/readme_outputs.py [--check]
  --check   exit 1 when README.md is out of date instead of rewriting it
"""

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(__import__("os").environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "skillmatch"
TRIM = re.compile(r"\s+# first (\d+), then from (\S+)$")


def run(command: str) -> str:
    trim = TRIM.search(command)
    argv = shlex.split(TRIM.sub("", command))
    assert argv[0] == "skillmatch", command
    done = subprocess.run(
        [str(BINARY), *argv[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        sys.exit(f"{command}: exit {done.returncode}\n{done.stderr}")
    lines = done.stdout.rstrip("\n").split("\n")
    if trim:
        head, word = int(trim.group(1)), trim.group(2)
        tail = next((i for i, l in enumerate(lines) if l.startswith(word)), len(lines))
        lines = lines[:head] + ["  …"] + lines[tail:]
    return "\n".join(lines)


def refresh(text: str) -> str:
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"    \$ skillmatch (score|explain|rank) ", line):
            command = line[len("    $ "):]
            out.append(line)
            i += 1
            # Skip the old output: indented lines and blank lines inside the block.
            while i < len(lines) and (
                lines[i].startswith("    ")
                and not lines[i].startswith("    $ ")
                or (lines[i] == "" and i + 1 < len(lines) and lines[i + 1].startswith("    ")
                    and not lines[i + 1].startswith("    $ "))
            ):
                i += 1
            for o in run(command).split("\n"):
                out.append(f"    {o}" if o else "")
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def main() -> None:
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    new = refresh(old)
    if "--check" in sys.argv[1:]:
        if new != old:
            sys.exit("README.md outputs are out of date: run scripts/readme_outputs.py")
        return
    readme.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
