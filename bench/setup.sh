#!/usr/bin/env bash
# Installs the tools only the benchmark needs (never CI: scripts/setup.sh installs what
# planc itself needs). Safe to run again: packages already installed are skipped.
#   hugo       the reference static site generator (Debian package)
#   cmark-gfm  the Markdown floor (the same parser planc links against)
#   time       GNU time, for peak RSS (/usr/bin/time -f %M)
#   hyperfine  optional, for ad-hoc comparisons by hand
#   linux-perf profiling (perf record/report); valgrind as a fallback
set -euo pipefail

packages=(hugo cmark-gfm time hyperfine linux-perf valgrind python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "bench/setup.sh: all bench tools already installed"
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "bench/setup.sh: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
