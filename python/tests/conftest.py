"""Fixtures of the Python package's tests: the command-line binary, a
small generated corpus, and its postings index.

The binary comes from the release build (``cargo build --release``), the
corpus generator from it or from the debug build (``cargo build --example
gen_corpus``, quick after ``cargo test``), or both from ``SKILLMATCH_BIN``
and ``SKILLMATCH_GEN_CORPUS``.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
AS_OF = "2026-11-01"


def _program(env, *defaults):
    """The program `env` names, else the first of `defaults` built."""
    if env in os.environ:
        return Path(os.environ[env])
    for path in defaults:
        if path.is_file():
            return path
    pytest.skip(f"{defaults[0]} is missing: run cargo build --release --bins --example gen_corpus")


@pytest.fixture(scope="session")
def binary():
    return _program("SKILLMATCH_BIN", TARGET / "release" / "skillmatch")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """300 postings and 60 résumés, generated (seed 11), with an index."""
    gen = _program("SKILLMATCH_GEN_CORPUS", TARGET / "release" / "examples" / "gen_corpus",
                   TARGET / "debug" / "examples" / "gen_corpus")
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([str(gen), "--postings", "300", "--resumes", "60", "--seed", "11", str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def index(binary, corpus):
    path = corpus / "postings.idx"
    subprocess.run([str(binary), "-q", "index", "build", "--postings",
                    str(corpus / "postings.csv"), "-o", str(path)], check=True)
    return path


def cli(binary, *args, cwd=None):
    """What the command line prints (exit 0), as bytes."""
    done = subprocess.run([str(binary), "-q", *args, "--as-of", AS_OF], cwd=cwd,
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout
