#!/usr/bin/env bash
# Self-test of a gate: runs it on planted faults and passes only when the gate fails
# (exit status 1, not a crash) and its output names every fault given, so that a gate
# that stopped seeing anything cannot pass quietly.
#
#   expect-failure.sh 'FAULT' ['FAULT'...] -- COMMAND [ARG...]
set -uo pipefail

expected=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  expected+=("$1")
  shift
done
if [ $# -lt 2 ] || [ ${#expected[@]} -eq 0 ]; then
  echo "usage: expect-failure.sh 'FAULT' ['FAULT'...] -- COMMAND [ARG...]" >&2
  exit 2
fi
shift

output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output" | sed 's/^/  | /'

passed=0 failed=0
if [ "$status" -eq 1 ]; then
  echo "ok    the gate failed, as it must (exit 1)"
  passed=$((passed + 1))
else
  echo "FAIL  the gate exited $status; expected 1 (failed on the planted faults)"
  failed=$((failed + 1))
fi
# A plain substring test, not `printf | grep -q`: under pipefail, grep -q leaving at the
# first match can kill printf with SIGPIPE before it writes the rest, and the pipeline
# then fails although the fault was reported (seen in CI, at random).
for fault in "${expected[@]}"; do
  if [[ "$output" == *"$fault"* ]]; then
    echo "ok    reported: $fault"
    passed=$((passed + 1))
  else
    echo "FAIL  not reported: $fault"
    failed=$((failed + 1))
  fi
done
echo "self-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
