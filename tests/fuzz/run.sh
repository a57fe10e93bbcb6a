#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan+UBSan) in build-fuzz/ and runs each for
# SECONDS, one after the other, one job each.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]     TARGET: fuzz_document, fuzz_target_grammar
#
# The corpus grows in build-fuzz/corpus/TARGET (kept between runs), seeded from
# content/, tests/bad-input/, tests/xss/, tests/fuzz/regressions/ and the test fixtures.
# A crash stops the run: the input is saved as build-fuzz/artifacts/TARGET-crash-*; copy
# it to tests/fuzz/regressions/ (tests/unit/fuzz_regressions_test.cpp replays them).
# Logs: build-fuzz/TARGET.log; the last line of stats is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
((${#targets[@]})) || targets=(fuzz_document fuzz_target_grammar)

command -v clang++-14 >/dev/null 2>&1 && [ -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ] ||
  bash scripts/setup.sh clang-14 libfuzzer-14-dev
bash scripts/setup.sh >/dev/null

build=build-fuzz
cmake -S . -B "$build" -DPLANC_FUZZ=ON -DPLANC_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}"

# Seeds: whole documents for the pipeline, single lines for the grammar.
seed_document() {
  local dir=$1
  mkdir -p "$dir"
  for f in content/*/*.md tests/bad-input/* tests/xss/* tests/fuzz/regressions/fuzz_document-* \
           tests/browser/fixtures/*/content/*/*.md; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le 262144 ] || continue
    cp -f "$f" "$dir/seed-$(echo "$f" | tr '/ ' '__')"
  done
}
seed_grammar() {
  local dir=$1 n=0
  mkdir -p "$dir"
  # Every line of the plans that mentions a year or a number: targets, cells, dates.
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" >"$dir/seed-line-$n"
  done < <(cat content/*/*.md | grep -E '[0-9]' | sed -e 's/^[0-9]*\. //' -e 's/^[-*] //' | sort -u | head -n 2000)
  for f in tests/fuzz/regressions/fuzz_target_grammar-*; do
    [ -f "$f" ] && cp -f "$f" "$dir/"
  done
  return 0
}

status=0
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  seeds=$build/seeds/$t
  rm -rf "$seeds"
  if [ "$t" = fuzz_document ]; then seed_document "$seeds"; else seed_grammar "$seeds"; fi
  mkdir -p "$corpus" "$build/artifacts"
  dict=tests/fuzz/dict/${t#fuzz_}.dict
  dict_arg=()
  [ -f "$dict" ] && dict_arg=(-dict="$dict")
  echo "== $t for ${seconds}s (log: $build/$t.log)"
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/$t" "$corpus" "$seeds" "${dict_arg[@]}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" >"$build/$t.log" 2>&1
  rc=$?
  set -e
  grep -E '^#[0-9]+' "$build/$t.log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$build/$t.log" || true
  if [ $rc -ne 0 ]; then
    echo "!! $t failed (exit $rc): see $build/$t.log and $build/artifacts/"
    grep -E 'ERROR|SUMMARY|invariant|unsafe markup|Test unit written' "$build/$t.log" | head -n 5 || true
    status=1
  fi
done
exit $status
