#!/usr/bin/env bash
# skillmatch rank beside a TF-IDF cosine baseline (scikit-learn) on the same
# generated corpus, in the same run, judged against the generator's ground
# truth; then skillmatch's extraction beside an exact-dictionary extractor
# (flashtext) on one core. Prints one Markdown table and an extraction line.
#
#   benches/peers/run.sh [POSTINGS [RESUMES [OUT]]]    (defaults 10000 200 /tmp/peers-corpus)
#
# OUT receives the corpus (examples/gen_corpus, seed 7, with truth.csv and
# qrels.csv; made again only when OUT has no corpus of these sizes and this
# layout), the rankings, the index and every `time` report. SKILLMATCH
# overrides the binary (default target/release/skillmatch, built beforehand
# with `cargo build --release`). The peers' packages go to
# benches/peers/.venv, created on first use from requirements.txt (Python
# 3.11 or later: flashtext_extract.py reads the taxonomy with tomllib).
set -euo pipefail

postings=${1:-10000}
resumes=${2:-200}
out=${3:-/tmp/peers-corpus}
seed=7
top=10
# A fixed day for "Present" in résumé dates, so the ranking does not depend
# on the day of the run.
as_of=2026-11-01

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
skillmatch=${SKILLMATCH:-$root/target/release/skillmatch}
gen=$root/target/release/examples/gen_corpus
venv=$here/.venv

for n in "$postings" "$resumes"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: sizes must be positive integers, got '$n'" >&2; exit 2; }
done
[[ -x $skillmatch ]] || { echo "run.sh: $skillmatch missing; run cargo build --release" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time (GNU time) is needed for wall time and peak RSS" >&2; exit 2; }

if [[ ! -x $venv/bin/python ]]; then
  echo "run.sh: creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import flashtext, sklearn, tomllib' 2>/dev/null; then
  echo "run.sh: installing requirements.txt into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

if [[ ! -x $gen ]]; then
  (cd "$root" && cargo build --release --example gen_corpus)
fi
# The stamp names the generator binary's checksum: a changed generator
# makes the corpus again.
stamp="$out/peers-corpus.txt"
want="postings=$postings resumes=$resumes seed=$seed gen_corpus=$(sha256sum "$gen" | cut -c1-16)"
if [[ ! -f $stamp || $(cat "$stamp") != "$want" || ! -f $out/postings.csv || ! -f $out/candidates.csv || ! -f $out/qrels.csv || ! -f $out/truth.csv ]]; then
  mkdir -p "$out"
  "$gen" --postings "$postings" --resumes "$resumes" --seed "$seed" --force "$out" >&2
  echo "$want" > "$stamp"
fi

# Other work on the machine shows in the times: note how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "run.sh: skillmatch rank --postings, $postings postings × $resumes résumés" >&2
/usr/bin/time -v -o "$out/skillmatch.time" \
  "$skillmatch" rank --candidates "$out/candidates.csv" --postings "$out/postings.csv" \
  --top "$top" --as-of "$as_of" -q -o "$out/skillmatch.csv"

echo "run.sh: skillmatch index build, then rank --index" >&2
/usr/bin/time -v -o "$out/index-build.time" \
  "$skillmatch" -q index build --postings "$out/postings.csv" -o "$out/postings.idx"
/usr/bin/time -v -o "$out/skillmatch-index.time" \
  "$skillmatch" rank --candidates "$out/candidates.csv" --index "$out/postings.idx" \
  --top "$top" --as-of "$as_of" -q -o "$out/skillmatch-index.csv"

echo "run.sh: TF-IDF baseline" >&2
/usr/bin/time -v -o "$out/tfidf.time" \
  "$venv/bin/python" "$here/tfidf_rank.py" --candidates "$out/candidates.csv" \
  --postings "$out/postings.csv" --top "$top" -o "$out/tfidf.csv" 2> "$out/tfidf.log"

# Extraction on one core: skillmatch's whole index build (reading the CSV,
# extracting every posting, writing the index) on one rayon thread, and
# flashtext's extraction loop alone, over the same posting texts.
echo "run.sh: extraction on one core, skillmatch then flashtext" >&2
RAYON_NUM_THREADS=1 /usr/bin/time -f "%e %U %S %M" -o "$out/extract-1thread.time" \
  "$skillmatch" -q index build --postings "$out/postings.csv" -o "$out/extract-1thread.idx"
"$venv/bin/python" "$here/flashtext_extract.py" --postings "$out/postings.csv" > "$out/flashtext.json"

versions=$("$venv/bin/python" -c 'from importlib.metadata import version as v; print(", ".join(f"{p} {v(p)}" for p in ("scikit-learn", "numpy", "scipy", "flashtext")))')
echo "$postings postings × $resumes résumés (gen_corpus seed $seed), top $top; $("$skillmatch" --version); $versions"
echo
"$venv/bin/python" "$here/compare.py" --candidates "$out/candidates.csv" -k "$top" \
  --qrels "$out/qrels.csv" --truth "$out/truth.csv" \
  "skillmatch rank --postings=$out/skillmatch.csv:$out/skillmatch.time" \
  "skillmatch index build=-:$out/index-build.time" \
  "skillmatch rank --index=$out/skillmatch-index.csv:$out/skillmatch-index.time" \
  "TF-IDF=$out/tfidf.csv:$out/tfidf.time"
echo
echo "TF-IDF phases: $(tail -n 1 "$out/tfidf.log")"
echo
"$venv/bin/python" - "$out/extract-1thread.time" "$out/flashtext.json" <<'PY'
import json, sys
wall, user, sys_s, rss_kb = open(sys.argv[1]).read().split()[-4:]
ft = json.load(open(sys.argv[2]))
mb = ft["text_bytes"] / 1e6
sm_cpu = float(user) + float(sys_s)
sm, fl = mb / sm_cpu, ft["mb_per_cpu_s"]
print(f"Extraction, one core, {mb:.1f} MB of posting text: skillmatch {sm:.2f} MB/s per core "
      f"(index build on 1 thread, {sm_cpu:.2f} CPU s, {float(wall):.2f} s wall, "
      f"{int(rss_kb) / 1024:.0f} MB peak RSS; includes reading the CSV and writing the index), "
      f"flashtext {fl:.2f} MB/s per core (extraction loop only, {ft['cpu_s']:.2f} CPU s, "
      f"{ft['forms']} forms, {ft['mentions']} mentions); skillmatch / flashtext {sm / fl:.2f}×")
PY
echo "Machine: $(nproc) CPUs; load average (1, 5, 15 min) before the runs: $load_before"
