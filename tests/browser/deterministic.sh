#!/usr/bin/env bash
# Determinism gate: builds the site twice, into two fresh folders, a second apart and in
# another time zone and locale, and requires the two trees to be identical byte for byte.
#
#   deterministic.sh PLANC PROJECT_DIR WORK_DIR
# Each build may take PLANC_BUILD_TIMEOUT seconds (default 90).
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: deterministic.sh PLANC PROJECT_DIR WORK_DIR" >&2
  exit 2
fi
planc=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
start=$(date +%s%N)

build() { # build NAME [ENV...]
  local name=$1
  shift
  local status=0
  env "$@" timeout -k 5 "${PLANC_BUILD_TIMEOUT:-90}" "$planc" build "$project" --out "$work/$name" \
    >"$work/$name.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    [ "$status" -eq 124 ] && echo "FAIL  planc build took over ${PLANC_BUILD_TIMEOUT:-90} s"
    echo "FAIL  planc build --out $work/$name exited $status:"
    tail -n 40 "$work/$name.log" | sed 's/^/        /'
    echo "deterministic: 0 passed, 1 failed"
    exit 1
  fi
}
build first TZ=UTC LC_ALL=C
sleep 1.1
build second TZ=Pacific/Chatham LC_ALL=C.UTF-8

(cd "$work/first" && find . -type f | sort) >"$work/first.files"
(cd "$work/second" && find . -type f | sort) >"$work/second.files"
passed=0 failed=0
if ! diff -u "$work/first.files" "$work/second.files" >"$work/files.diff"; then
  echo "FAIL  the two builds wrote different files:"
  sed -n '3,$p' "$work/files.diff" | grep '^[-+]' | sed 's/^/        /'
  failed=$((failed + 1))
fi
while IFS= read -r f; do
  [ -f "$work/second/$f" ] || continue
  if cmp -s "$work/first/$f" "$work/second/$f"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL  ${f#./} differs: $(cmp "$work/first/$f" "$work/second/$f" 2>&1 | sed 's|.*differ: ||')"
    if grep -Iq . "$work/first/$f"; then # text: show where
      diff -u "$work/first/$f" "$work/second/$f" | sed -n '3,14p' | sed 's/^/        /'
    else # binary: the printable bytes around the first difference
      at=$(cmp "$work/first/$f" "$work/second/$f" 2>/dev/null | sed -n 's/.*differ: byte \([0-9]*\).*/\1/p')
      from=$((${at:-1} > 40 ? ${at:-1} - 40 : 0))
      for run in first second; do
        echo "        $run: $(dd if="$work/$run/$f" bs=1 skip="$from" count=100 2>/dev/null | tr -c '[:print:]' '.')"
      done
    fi
  fi
done <"$work/first.files"

count=$(wc -l <"$work/first.files")
if [ "$count" -eq 0 ]; then
  echo "FAIL  the build wrote no file"
  failed=$((failed + 1))
fi
echo "deterministic: built twice, compared $count files in $((($(date +%s%N) - start) / 1000000)) ms"
echo "deterministic: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
