#!/usr/bin/env bash
# Speed and memory benchmarks of learnsite against Hugo, cmark-gfm, DuckDB and Miller (issue 8).
#
# Usage: scripts/bench.sh [--quick] [--runs N] [--only site,disk,incremental,attendance] [--no-search-row]
#                         [--no-install] [--keep] [--timeout SECONDS]
#   (default)  10,000 pages (~53 MB of Markdown), 1,000,000 register rows (and 100,000 for the memory growth), 5 runs
#   --quick    1,000 pages, 100,000 rows (and 10,000), 3 runs: a few minutes on two cores
#
# It installs what is missing (Debian: hugo, miller, cmark-gfm, time; PyPI: duckdb-cli), builds learnsite in release
# mode into .build-bench/ (so other builds are not disturbed), generates the corpora deterministically into
# bench-work/ (kept between runs and made again only when a generator changes), then runs
# scripts/bench/run.py: every figure's median and min-max over alternating runs, peak memory, the issue's ratios
# with PASS/MISS, written to stdout and to bench-work/results.md (and results.json).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)

mode=full runs="" only="site,disk,incremental,attendance" install=1 keep="" search_row=1 timeout=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --runs) runs="$2"; shift ;;
    --only) only="$2"; shift ;;
    --no-install) install=0 ;;
    --keep) keep=--keep ;;
    --no-search-row) search_row=0 ;;
    --timeout) timeout="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$mode" = quick ]; then
  pages=1000 rows=100000 small_rows=10000 runs=${runs:-3} timeout=${timeout:-300}
else
  pages=10000 rows=1000000 small_rows=100000 runs=${runs:-5} timeout=${timeout:-900}
fi
case "$runs" in ''|*[!0-9]*) echo "bench.sh: --runs needs a number" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "bench.sh: --runs must be at least 1" >&2; exit 2; }
invocation=scripts/bench.sh; [ "$mode" = quick ] && invocation+=" --quick"
work="$root/bench-work"
mkdir -p "$work"
say() { printf '\n### %s\n' "$*"; }

# --- 1. Tools -------------------------------------------------------------------------------------------------------
say "Tools"
declare -A debian=([hugo]=/usr/bin/hugo [miller]=/usr/bin/mlr [cmark-gfm]=/usr/bin/cmark-gfm [time]=/usr/bin/time)
missing=()
for package in hugo miller cmark-gfm time; do
  [ -x "${debian[$package]}" ] || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$install" = 1 ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 && sudo=sudo || { echo "bench.sh: needs ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2; exit 1; }
    fi
    echo "Installing from Debian: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  for package in "${missing[@]}"; do
    [ -x "${debian[$package]}" ] || { echo "bench.sh: ${debian[$package]} is missing (Debian package $package); install it and run again" >&2; exit 1; }
  done
fi

# DuckDB's CLI comes from PyPI's duckdb-cli, whose wheel carries the real binary (run directly, not through a
# Python or pyenv wrapper). Without it, the duckdb Python package stands in, and the table says so.
duck_binary() {
  python3 -c 'import duckdb_cli, pathlib; p = pathlib.Path(duckdb_cli.__file__).with_name("duckdb"); print(p if p.is_file() else "")' 2>/dev/null || true
}
duckdb_cli=$(duck_binary)
if [ -z "$duckdb_cli" ] && [ "$install" = 1 ]; then
  echo "Installing from PyPI: duckdb-cli"
  python3 -m pip install --quiet --disable-pip-version-check "duckdb-cli==1.5.6" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check duckdb-cli || true
  duckdb_cli=$(duck_binary)
fi
if [ -z "$duckdb_cli" ] && command -v duckdb >/dev/null 2>&1 && file -L "$(command -v duckdb)" 2>/dev/null | grep -q ELF; then
  duckdb_cli=$(command -v duckdb)
fi
if [ -z "$duckdb_cli" ]; then
  if ! python3 -c 'import duckdb' 2>/dev/null; then
    [ "$install" = 1 ] && python3 -m pip install --quiet --disable-pip-version-check duckdb || true
  fi
  python3 -c 'import duckdb' 2>/dev/null || { echo "bench.sh: neither the DuckDB CLI (pip install duckdb-cli) nor the duckdb Python package is installed" >&2; exit 1; }
  echo "note: no DuckDB CLI binary could be installed; the Python package duckdb stands in (python3 -c), its start-up included"
fi
for tool in hugo mlr cmark-gfm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench.sh: $tool is not on PATH after installing it" >&2; exit 1; }
done
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null || { echo "bench.sh: /usr/bin/time is not GNU time (Debian package time)" >&2; exit 1; }
has_pagefind=0
python3 -c 'import pagefind_bin' >/dev/null 2>&1 || command -v pagefind >/dev/null 2>&1 && has_pagefind=1 || true

# --- 2. learnsite, release mode -------------------------------------------------------------------------------------
# With the Swift runtime and Foundation linked in, as a release is shipped: the process starts in 6 ms
# instead of 13 (no dynamic linking of Foundation and ICU), a share of every rebuild and report.
say "Building learnsite (release, static Swift runtime, .build-bench)"
swift build -c release --static-swift-stdlib --product learnsite --scratch-path .build-bench 2>&1 | tail -n 3
learnsite="$(swift build -c release --static-swift-stdlib --scratch-path .build-bench --show-bin-path)/learnsite"
[ -x "$learnsite" ] || { echo "bench.sh: the release build did not produce $learnsite" >&2; exit 1; }

# --- 3. Corpora (deterministic; made again only when a generator or its size changes) -------------------------------
say "Corpora"
stamp_of() { cat scripts/bench/corpus_data.py "$@" | sha256sum | cut -c1-16; }
site_stamp="$(stamp_of scripts/bench/gen_site.py $(find scripts/bench/hugo -type f | sort))-$pages"
regs_stamp="$(stamp_of scripts/bench/gen_registers.py)"
site_dir="$work/site-$pages"
if [ "$(cat "$site_dir/.stamp" 2>/dev/null)" != "$site_stamp" ]; then
  python3 scripts/bench/gen_site.py --pages "$pages" --out "$site_dir"
  echo "$site_stamp" > "$site_dir/.stamp"
else
  echo "site corpus up to date: $site_dir ($(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(f\"{m['pages']} pages, {m['markdown_bytes']/1e6:.1f} MB\")" "$site_dir/manifest.json"))"
fi
for n in "$rows" "$small_rows"; do
  dir="$work/registers-$n"
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$regs_stamp-$n" ]; then
    python3 scripts/bench/gen_registers.py --rows "$n" --out "$dir"
    echo "$regs_stamp-$n" > "$dir/.stamp"
  else
    echo "registers up to date: $dir"
  fi
done

# --- 4. Versions ----------------------------------------------------------------------------------------------------
say "Versions"
{
  echo "- learnsite: $learnsite (release build, $(stat -c %y "$learnsite" | cut -d. -f1))"
  echo "- swift: $(swift --version 2>&1 | head -n 1)"
  echo "- hugo: $(hugo version | head -n 1)"
  echo "- cmark-gfm: $(cmark-gfm --version | head -n 1)"
  echo "- miller: $(mlr --version | head -n 1)"
  if [ -n "$duckdb_cli" ]; then echo "- duckdb: $("$duckdb_cli" --version | head -n 1) (CLI: $duckdb_cli)"
  else echo "- duckdb: Python package $(python3 -c 'import duckdb; print(duckdb.__version__)') (no CLI)"; fi
  echo "- GNU time: $(dpkg-query -W -f='${Version}' time 2>/dev/null || /usr/bin/time --version 2>&1 | head -n 1)"
  echo "- python: $(python3 --version 2>&1)"
  if [ "$has_pagefind" = 1 ]; then echo "- pagefind: $(python3 -c 'import pagefind_bin, subprocess; print(subprocess.run([pagefind_bin.get_executable(), "--version"], capture_output=True, text=True).stdout.strip())' 2>/dev/null || pagefind --version)"
  else echo "- pagefind: not installed (no 'with Pagefind' row)"; fi
} | tee "$work/versions.md"

# --- 5. Measure -----------------------------------------------------------------------------------------------------
say "Measuring ($mode mode, $runs runs)"
extra=()
[ "$search_row" = 1 ] && [ "$has_pagefind" = 1 ] && extra+=(--search-row)
[ -n "$keep" ] && extra+=("$keep")
status=0
python3 scripts/bench/run.py --mode "$mode" --learnsite "$learnsite" --site "$site_dir" \
  --registers "$work/registers-$rows" --registers-small "$work/registers-$small_rows" --work "$work" \
  --runs "$runs" --timeout "$timeout" --only "$only" --duckdb "$duckdb_cli" \
  --hugo "$(command -v hugo)" --mlr "$(command -v mlr)" --cmark "$(command -v cmark-gfm)" "${extra[@]}" || status=$?

# The versions and the total time belong with the table.
{ echo; echo "Tool versions:"; echo; cat "$work/versions.md"; echo
  echo "Total wall time of \`$invocation\` (tool check, release build, corpora, measurements): $(( $(date +%s) - started )) s."
} | tee -a "$work/results.md"
exit $status
