#!/usr/bin/env bash
# README command 2: installs what the tests need, builds everything, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-tests.sh
cmake -S . -B build-tests -DCMAKE_BUILD_TYPE=Debug -DPLANC_BUILD_TESTS=ON >/dev/null
cmake --build build-tests -j"$(nproc)"
(cd build-tests && ctest --output-on-failure -j"$(nproc)")

# The unit and golden tests again with AddressSanitizer + UndefinedBehaviorSanitizer:
# any memory error, leak or undefined behaviour fails the run. The browser gates are not
# run here (they test the published site, not memory; they are registered only with
# ctest, and this runs the test binary directly). Adds about 3 minutes on 2 cores
# (build 2 min 10 s from scratch, tests 30-45 s).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPLANC_BUILD_TESTS=ON -DPLANC_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)" --target planc planc_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/planc_tests

# The tests of what runs on several threads (parallel render and checks, the one-pass
# build, the live preview's server and watcher, publishing) with ThreadSanitizer: a data
# race fails the run. About 2.5 minutes on 2 cores (build 2 min 20 s, tests 6 s).
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DPLANC_BUILD_TESTS=ON -DPLANC_SANITIZE_THREAD=ON >/dev/null
cmake --build build-tsan -j"$(nproc)" --target planc planc_tests
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  build-tsan/planc_tests "[parallel],[streaming],[serve],[publish]"
