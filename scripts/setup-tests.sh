#!/usr/bin/env bash
# Installs what the whole-site quality gates (tests/browser/) need on a fresh Debian 12
# machine: Debian's Chromium, poppler-utils (pdfinfo, pdftotext), WeasyPrint (the leaflet
# PDF), a Java runtime (the Nu Html Checker) and the pinned npm packages in
# tests/browser/package-lock.json (axe-core, vnu-jar, playwright-core).
# Idempotent: nothing is fetched when everything is already there. Run as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

PACKAGES=(chromium poppler-utils weasyprint fonts-dejavu-core)
command -v java >/dev/null 2>&1 || PACKAGES+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup-tests: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages. No package may download anything beyond the registry's tarballs:
# playwright-core never fetches a browser (we use /usr/bin/chromium), and install scripts
# are skipped because vnu-jar's would try to download a Java runtime when none is found.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd tests/browser
stamp=node_modules/.planc-installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
  exit 0
fi
if [ -f package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
else
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error
fi
touch "$stamp"
