#!/usr/bin/env bash
# Installs the system packages learnsite needs, when they are missing.
# Usage: scripts/install-deps.sh [site|test]
# On Debian/Ubuntu it uses apt-get (as root, or through sudo); elsewhere it says what to install.
set -euo pipefail
purpose="${1:-site}"

# Debian package names, checked by the file each one installs.
declare -A needs=(
  [libcmark-gfm-dev]=/usr/include/cmark-gfm.h
  [libcmark-gfm-extensions-dev]=/usr/include/cmark-gfm-core-extensions.h
  [pkg-config]=/usr/bin/pkg-config
  [weasyprint]=/usr/bin/weasyprint          # PDF handouts (learnsite build --pdf)
)
# On Linux learnsite is linked with mimalloc in place of the C library's allocator (see Package.swift).
[ "$(uname -s)" = Linux ] && needs[libmimalloc-dev]=/usr/include/mimalloc.h
# The PDF checks of `make test` read PDFs with poppler's pdfinfo and pdftotext.
[ "$purpose" = test ] && needs[poppler-utils]=/usr/bin/pdfinfo

# Site search: Pagefind's binary ships in the PyPI package pagefind-bin. Without it the site builds without search.
if ! python3 -c "import pagefind_bin" >/dev/null 2>&1; then
  if python3 -m pip --version >/dev/null 2>&1; then
    echo "Installing for $purpose: pagefind-bin (site search)"
    python3 -m pip install --quiet --disable-pip-version-check "pagefind-bin==1.5.2" || echo "pagefind-bin could not be installed; the site will build without search" >&2
  else
    echo "pip is missing, so the site will build without search (install pagefind-bin for it)" >&2
  fi
fi

missing=()
for package in $(printf '%s\n' "${!needs[@]}" | sort); do
  [ -e "${needs[$package]}" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "learnsite needs: ${missing[*]}. Run as root: apt-get install ${missing[*]}" >&2; exit 1
    fi
  fi
  echo "Installing for $purpose: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "learnsite needs cmark-gfm with its extensions, pkg-config, WeasyPrint and on Linux mimalloc (Debian: ${missing[*]};" >&2
  echo "Homebrew: brew install cmark-gfm pkg-config weasyprint). Install them, then run make again." >&2
  exit 1
fi
