#!/usr/bin/env bash
# skillmatch rank beside a TF-IDF cosine baseline (scikit-learn) on the same
# generated corpus, in the same run; prints one Markdown table.
#
#   benches/peers/run.sh [POSTINGS [RESUMES [OUT]]]    (defaults 10000 200 /tmp/peers-corpus)
#
# OUT receives the corpus (examples/gen_corpus, seed 7; made again only when
# OUT has no corpus of these sizes), both rankings and both `time -v` reports.
# SKILLMATCH overrides the binary (default target/release/skillmatch, built
# beforehand with `cargo build --release`). The baseline's packages go to
# benches/peers/.venv, created on first use from requirements.txt.
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
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

stamp="$out/peers-corpus.txt"
want="postings=$postings resumes=$resumes seed=$seed"
if [[ ! -f $stamp || $(cat "$stamp") != "$want" || ! -f $out/postings.csv || ! -f $out/candidates.csv ]]; then
  if [[ ! -x $gen ]]; then
    (cd "$root" && cargo build --release --example gen_corpus)
  fi
  mkdir -p "$out"
  "$gen" --postings "$postings" --resumes "$resumes" --seed "$seed" --force "$out" >&2
  echo "$want" > "$stamp"
fi

# Other work on the machine shows in the times: note how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "run.sh: skillmatch rank, $postings postings × $resumes résumés" >&2
/usr/bin/time -v -o "$out/skillmatch.time" \
  "$skillmatch" rank --candidates "$out/candidates.csv" --postings "$out/postings.csv" \
  --top "$top" --as-of "$as_of" -q -o "$out/skillmatch.csv"

echo "run.sh: TF-IDF baseline" >&2
/usr/bin/time -v -o "$out/tfidf.time" \
  "$venv/bin/python" "$here/tfidf_rank.py" --candidates "$out/candidates.csv" \
  --postings "$out/postings.csv" --top "$top" -o "$out/tfidf.csv" 2> "$out/tfidf.log"

versions=$("$venv/bin/python" -c 'import numpy, scipy, sklearn; print(f"scikit-learn {sklearn.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__}")')
echo "$postings postings × $resumes résumés (gen_corpus seed $seed), top $top; $("$skillmatch" --version); $versions"
echo
"$venv/bin/python" "$here/compare.py" --candidates "$out/candidates.csv" -k "$top" \
  "skillmatch=$out/skillmatch.csv:$out/skillmatch.time" \
  "TF-IDF=$out/tfidf.csv:$out/tfidf.time"
echo
echo "TF-IDF phases: $(tail -n 1 "$out/tfidf.log")"
echo "Machine: $(nproc) CPUs; load average (1, 5, 15 min) before the runs: $load_before"
