#!/usr/bin/env bash
# Write what the user-facing commands print on a fixed set of inputs into
# one folder, so two builds can be compared byte for byte:
#
#   scripts/snapshot_outputs.sh OLD_BINARY before/
#   scripts/snapshot_outputs.sh target/release/skillmatch after/
#   diff -r before/ after/
#
# Inputs: the examples, 10,000 generated postings and 200 generated résumés
# (examples/gen_corpus.rs, seed 7, built first with
# `cargo build --release --example gen_corpus`), and, when ../shared is
# there, the seed postings and the development corpora. A refactoring that
# must not change behaviour leaves `diff -r` empty.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 BINARY OUT_DIR" >&2
  exit 2
fi
BIN=$(realpath "$1")
OUT=$(realpath -m "$2")
cd "$(dirname "$0")/.."
ROOT=$PWD
GEN_BIN=${GEN_BIN:-$ROOT/target/release/examples/gen_corpus}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() { # name, then the command's arguments: stdout to OUT/name, exit code kept
  local name=$1
  shift
  local rc=0
  "$BIN" --quiet "$@" >"$OUT/$name" 2>"$OUT/$name.err" || rc=$?
  echo "$rc" >"$OUT/$name.rc"
}

# The examples.
run ex-extract-postings.json extract --format json examples/postings
run ex-extract-resumes.json extract --format json examples/resumes
for per in candidate posting; do
  run "ex-rank-$per.csv" rank --candidates examples/candidates.csv --postings examples/postings --per "$per"
  run "ex-rank-$per-all.csv" rank --candidates examples/candidates.csv --postings examples/postings --per "$per" --top 0
done
for r in examples/resumes/*; do
  b=$(basename "$r")
  run "ex-score-$b.json" score "$r" --postings examples/postings --format json
  run "ex-score-$b.txt" score "$r" --postings examples/postings --top 0 --explain
  run "ex-score-$b.md" score "$r" --postings examples/postings --format markdown
  run "ex-score-$b.csv" score "$r" --postings examples/postings.csv --format csv
  for p in examples/postings/*; do
    for f in json text markdown html; do
      run "ex-explain-$b-$(basename "$p").$f" explain "$r" "$p" --format "$f"
    done
  done
done
run taxonomy-stats.json taxonomy stats --format json
run taxonomy-stats.txt taxonomy stats
run taxonomy-lookup.json taxonomy lookup kubernets --format json
run taxonomy-lookup.txt taxonomy lookup postgres
run taxonomy-lint.txt taxonomy lint

# 10,000 generated postings, 200 résumés.
if [ -x "$GEN_BIN" ]; then
  # Run from the work folder with relative paths, so the sources the
  # outputs name do not depend on where the temporary folder is.
  pushd "$WORK" >/dev/null
  "$GEN_BIN" --postings 10000 --resumes 200 --seed 7 gen >/dev/null 2>&1
  for per in candidate posting; do
    run "gen-rank-$per.csv" rank --candidates gen/candidates.csv --postings gen/postings.csv --per "$per"
  done
  run gen-extract-postings.json extract --format json gen/postings.csv
  for r in $(ls gen/resumes | head -3); do
    run "gen-score-$r.json" score "gen/resumes/$r" --postings gen/postings.csv --format json
  done
  "$BIN" --quiet index build --postings gen/postings.csv -o gen.idx
  run gen-index-info.txt index info gen.idx
  run gen-score-index.json score "gen/resumes/$(ls gen/resumes | head -1)" --index gen.idx --format json
  popd >/dev/null
else
  echo "skipped the generated corpus: build it with cargo build --release --example gen_corpus" >&2
fi

# The seeds and the development corpora.
SHARED=$ROOT/../shared
if [ -d "$SHARED/seeds" ]; then
  run seeds-extract.json extract --format json --as posting "$SHARED/seeds"
  C=$SHARED/data/corpus
  run dev-extract-postings.json extract --format json --as posting "$C/postings-dev"
  run hahu-extract-postings.json extract --format json --as posting "$C/postings-hahu-dev"
  run dev-extract-resumes.json extract --format json --as resume "$C/resumes-dev"
  for per in candidate posting; do
    run "dev-rank-$per.csv" rank --candidates "$C/resumes-dev" --postings "$C/postings-dev" --per "$per"
    run "hahu-rank-$per.csv" rank --candidates "$C/resumes-dev" --postings "$C/postings-hahu-dev" --per "$per"
    run "seeds-rank-$per.csv" rank --candidates examples/resumes --postings "$SHARED/seeds" --per "$per" --top 0
  done
  for n in 0001 0042 0150; do
    run "dev-score-$n.json" score "$C/resumes-dev/dotin-train-$n.txt" --postings "$C/postings-dev" --format json
    run "hahu-score-$n.json" score "$C/resumes-dev/dotin-train-$n.txt" --postings "$C/postings-hahu-dev" --format json --top 0
  done
  for r in examples/resumes/*; do
    for p in "$SHARED"/seeds/*; do
      run "seeds-explain-$(basename "$r")-$(basename "$p").json" explain "$r" "$p" --format json
    done
  done
else
  echo "skipped the seeds and corpora: ../shared is not there" >&2
fi
echo "wrote $(ls "$OUT" | wc -l) files to $OUT"
