#!/usr/bin/env bash
# README command 2: installs what the tests need, builds everything, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-tests.sh
cmake -S . -B build-tests -DCMAKE_BUILD_TYPE=Debug -DPLANC_BUILD_TESTS=ON >/dev/null
cmake --build build-tests -j"$(nproc)"
cd build-tests && ctest --output-on-failure -j"$(nproc)"
