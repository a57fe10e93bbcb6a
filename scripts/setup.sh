#!/usr/bin/env bash
# Installs everything planc needs on a fresh Debian 12 machine (run as root, or with sudo).
# Idempotent: packages already present are skipped quickly by apt-get.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm
  libpugixml-dev libyaml-cpp-dev nlohmann-json3-dev
  libboost-filesystem-dev libboost-dev
  catch2
  # A faster malloc for the planc program (see CMakeLists.txt).
  libmimalloc-dev
  # The leaflet PDF (optional for planc itself: without it, leaflets are HTML only).
  weasyprint fonts-dejavu-core
)

missing=()
for p in "${PACKAGES[@]}" "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
