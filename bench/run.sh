#!/usr/bin/env bash
# The planc benchmark: planc against reference tools on the same machine, in the same run.
# Not a test; never run by CI. Tools: bench/setup.sh (hugo, cmark-gfm, GNU time, perf).
#
#   bench/run.sh [SIZES...] [--runs K] [--runs-large K] [--no-profile] [--profile-size N]
#
#   SIZES          corpus sizes in plans (default: 100 1000 5000)
#   --runs K       timed runs per tool and size (default 5); the median is reported
#   --runs-large K timed runs at 5,000 plans and above (default: min(K, 3))
#   --pdf-runs K   runs of the complete build with leaflet PDFs (weasyprint) (default 1)
#   --pdf-max-size N  largest corpus built with PDFs (default 100: they cost ~1 s per plan)
#   --results FILE where to write the report (default bench/RESULTS.md)
#   --no-profile   skip the perf profile of planc build
#   --profile-size N  the corpus to profile (default 1000 if measured, else the first size)
#
# Builds planc Release into build-bench/, generates bench/corpus/N/ when missing
# (bench/generate_corpus.py, seed 2009), runs cmark-gfm, hugo, planc build and planc check
# side by side (bench/bench.py), profiles planc build with perf (bench/profile.py), and
# writes bench/RESULTS.md. Scratch output goes to bench/out/ (git-ignored); built sites over
# 100 plans are deleted after counting. To rewrite RESULTS.md from the last measurements
# (bench/out/results.json) without measuring again:
#   python3 bench/bench.py --planc build-bench/planc --report-only --profile bench/out/profile-1000.md
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=()
runs=5
runs_large=""
profile=1
pdf_runs=1
pdf_max=100
results=bench/RESULTS.md
profile_size=""
command="bench/run.sh $*"
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs-large) runs_large="$2"; shift 2 ;;
    --no-profile) profile=0; shift ;;
    --pdf-runs) pdf_runs="$2"; shift 2 ;;
    --pdf-max-size) pdf_max="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --profile-size) profile_size="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
((${#sizes[@]})) || sizes=(100 1000 5000)
[[ -n "$runs_large" ]] || runs_large=$((runs < 3 ? runs : 3))
if [[ -z "$profile_size" ]]; then
  profile_size="${sizes[0]}"
  for s in "${sizes[@]}"; do [[ "$s" == 1000 ]] && profile_size=1000; done
fi

for tool in hugo cmark-gfm /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing: run bench/setup.sh" >&2; exit 2; }
done

echo "== building planc (Release, build-bench/)"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPLANC_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target planc
planc=build-bench/planc

for n in "${sizes[@]}"; do
  if [[ ! -f "bench/corpus/$n/planc.yml" ]]; then
    echo "== generating bench/corpus/$n"
    python3 bench/generate_corpus.py --plans "$n" --seed 2009
  fi
done

mkdir -p bench/out
profile_md=""
if ((profile)); then
  if perf stat -e instructions true >/dev/null 2>&1; then
    [[ -f "bench/corpus/$profile_size/planc.yml" ]] ||
      python3 bench/generate_corpus.py --plans "$profile_size" --seed 2009
    echo "== profiling planc build on $profile_size plans (perf)"
    profile_md="bench/out/profile-$profile_size.md"
    python3 bench/profile.py --planc "$planc" --size "$profile_size" --out "$profile_md" ||
      { echo "bench/run.sh: profiling failed; continuing without it" >&2; profile_md=""; }
  else
    echo "== perf cannot count here; profile by hand: valgrind --tool=callgrind $planc build bench/corpus/100" >&2
  fi
fi

python3 bench/bench.py --planc "$planc" --runs "$runs" --runs-large "$runs_large" \
  --pdf-runs "$pdf_runs" --pdf-max-size "$pdf_max" --results "$results" \
  ${profile_md:+--profile "$profile_md"} --command "${command% }" "${sizes[@]}"
