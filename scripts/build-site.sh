#!/usr/bin/env bash
# README command 1: installs what planc needs, builds it, and compiles content/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPLANC_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target planc
./build/planc build . --out site
