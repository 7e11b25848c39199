#!/usr/bin/env python3
"""Measures learnsite against Hugo, cmark-gfm, DuckDB and Miller, side by side, and prints the issue's ratios.

Called by scripts/bench.sh once the tools are installed, learnsite is built in release mode and the corpora are
generated; see `scripts/bench.sh --help`. Each group runs its tools in alternation (the order rotates every round),
after one untimed warm-up run of each that also checks the command works. Wall time is taken by this runner around
`/usr/bin/time -f '%e %M'` (which adds about a millisecond); peak memory is GNU time's maximum resident set size.
Every command has a time limit, so a run always ends. Results go to stdout and to RESULTS (Markdown) and RESULTS
with .json.
"""
import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GNU_TIME = "/usr/bin/time"
HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_counters():
    """Seconds of busy CPU (all cores, without steal) and of steal time, from /proc/stat; zeros where it is missing."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    fields += [0] * (8 - len(fields))
    user, nice, system, idle, iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq) / HZ, steal / HZ


class Tool:
    """One measured command: how to prepare for it (untimed), the command, and its samples."""

    def __init__(self, key, label, cmd, prepare=None, env=None, stdout=None, check=None):
        self.key, self.label, self.cmd, self.prepare, self.env = key, label, cmd, prepare, env
        self.stdout = stdout  # a file to send standard output to; None: /dev/null
        self.check = check    # called with the warm-up's standard output; returns a note or raises
        self.times, self.peaks, self.cpus, self.noise = [], [], [], []
        self.failed = None
        self.note = None

    def shown(self):
        env = "".join(f"{k}={shlex.quote(v)} " for k, v in (self.env or {}).items() if k == "PATH")
        out = f" > {self.stdout}" if self.stdout else " > /dev/null"
        return env + " ".join(shlex.quote(str(c)) for c in self.cmd) + out


class Runner:
    def __init__(self, timeout, log):
        self.timeout = timeout
        self.log = log
        self.failures = []

    def run_once(self, tool, timed=True):
        if tool.prepare:
            tool.prepare()
        with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
            argv = [GNU_TIME, "-f", "%e %M %U %S", "-o", timing.name] + [str(c) for c in tool.cmd]
            env = dict(os.environ, **(tool.env or {}))
            out = open(tool.stdout, "wb") if tool.stdout else subprocess.DEVNULL
            busy_before, steal_before = cpu_counters()
            started = time.perf_counter()
            try:
                done = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, env=env, timeout=self.timeout)
            except subprocess.TimeoutExpired:
                tool.failed = f"timed out after {self.timeout} s"
                return None
            finally:
                if tool.stdout:
                    out.close()
            wall = time.perf_counter() - started
            busy_after, steal_after = cpu_counters()
            lines = [l for l in Path(timing.name).read_text().splitlines() if l.strip()]
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-6:]
            tool.failed = f"exit status {done.returncode}: " + " | ".join(tail)
            return None
        try:
            _, peak_kb, user, system = lines[-1].split()
            peak = int(peak_kb) * 1024 / 1e6
            cpu = float(user) + float(system)
        except (IndexError, ValueError):
            tool.failed = f"could not read GNU time's output: {lines!r}"
            return None
        if timed:
            tool.times.append(wall)
            tool.peaks.append(peak)
            tool.cpus.append(cpu)
            # Other processes' CPU and the hypervisor's steal during the run, in cores: what disturbed it.
            other = max(0.0, (busy_after - busy_before) - cpu) + (steal_after - steal_before)
            tool.noise.append(other / wall if wall > 0 else 0.0)
        return wall, peak, done.stderr.decode("utf-8", "replace")

    def group(self, name, tools, runs):
        """Warm-up, then `runs` rounds over the tools, rotating the order each round."""
        self.log(f"\n== {name}: {len(tools)} tools x {runs} runs, alternating")
        live = []
        for tool in tools:
            result = self.run_once(tool, timed=False)
            if result is None:
                self.log(f"   {tool.label}: FAILED in the warm-up run ({tool.failed})")
                self.failures.append(f"{name} / {tool.label}: {tool.failed}")
                continue
            if tool.check:
                try:
                    tool.note = tool.check(result)
                except Exception as error:  # a wrong result is reported, not hidden
                    tool.note = f"CHECK FAILED: {error}"
                    self.failures.append(f"{name} / {tool.label}: {tool.note}")
            self.log(f"   warm-up {tool.label}: {result[0]:.3f} s, {result[1]:.0f} MB" + (f" ({tool.note})" if tool.note else ""))
            live.append(tool)
        for round_number in range(runs):
            order = live[round_number % len(live):] + live[:round_number % len(live)] if live else []
            figures = []
            for tool in order:
                if tool.failed:
                    continue
                result = self.run_once(tool)
                if result is None:
                    self.log(f"   {tool.label}: FAILED ({tool.failed})")
                    self.failures.append(f"{name} / {tool.label}: {tool.failed}")
                    continue
                figures.append(f"{tool.key} {result[0]:.3f}s/{result[1]:.0f}MB")
            self.log(f"   round {round_number + 1}/{runs}: " + ", ".join(figures))


def med(values):
    return statistics.median(values) if values else None


def fmt_s(value):
    if value is None:
        return "n/a"
    return f"{value:.3f}" if value < 10 else f"{value:.2f}"


def fmt_mb(value):
    return "n/a" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def tool_version(argv):
    try:
        done = subprocess.run(argv, capture_output=True, timeout=60)
        text = (done.stdout or done.stderr).decode("utf-8", "replace").strip().splitlines()
        return text[0] if text else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def machine_line():
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return f"{os.cpu_count()} cores ({model}), {mem_kb / 1048576:.0f} GiB memory, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description="learnsite benchmark runner (see scripts/bench.sh)")
    parser.add_argument("--mode", choices=["quick", "full"], required=True)
    parser.add_argument("--learnsite", required=True)
    parser.add_argument("--site", required=True, help="corpus folder with content/, hugo-site/, all.md")
    parser.add_argument("--registers", required=True, help="folder of the larger register set")
    parser.add_argument("--registers-small", required=True, help="folder of the smaller register set (memory growth)")
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--mlr", default="mlr")
    parser.add_argument("--cmark", default="cmark-gfm")
    parser.add_argument("--duckdb", default="", help="DuckDB CLI binary; empty: the duckdb Python package")
    parser.add_argument("--only", default="site,disk,incremental,attendance")
    parser.add_argument("--search-row", action="store_true", help="also time learnsite with its Pagefind index")
    parser.add_argument("--keep", action="store_true", help="keep the outputs on /dev/shm")
    args = parser.parse_args()

    started = time.time()
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    site = Path(args.site).resolve()
    content, hugo_site, all_md = site / "content", site / "hugo-site", site / "all.md"
    regs, regs_small = Path(args.registers).resolve(), Path(args.registers_small).resolve()
    site_manifest = json.loads((site / "manifest.json").read_text())
    regs_manifest = json.loads((regs / "manifest.json").read_text())
    small_manifest = json.loads((regs_small / "manifest.json").read_text())
    learnsite = str(Path(args.learnsite).resolve())
    only = set(args.only.split(","))
    requested = set(only)  # `only` loses a group whose set-up fails; its targets still read MISS
    lines_out = []

    def log(text=""):
        print(text, flush=True)

    shm_root = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None
    if shm_root is None:
        log("warning: /dev/shm is not writable; the 'tmpfs' figures are written under the work folder instead")
    shm = Path(tempfile.mkdtemp(prefix="learnsite-bench-", dir=str(shm_root or work)))
    disk = work / "disk-out"
    runner = Runner(args.timeout, log)

    def rm(path):
        def go():
            shutil.rmtree(path, ignore_errors=True)
        return go

    def rm_sync(path):
        def go():
            shutil.rmtree(path, ignore_errors=True)
            os.sync()  # earlier runs' writes are flushed before the clock starts, not charged to this run
        return go

    # How to keep Pagefind out of the comparison: learnsite's own flag when it has one.
    build_help = subprocess.run([learnsite, "build", "--help"], capture_output=True, text=True, timeout=60).stdout
    no_search, search_env, search_note = [], None, ""
    if "--no-search" in build_help:
        no_search = ["--no-search"]
        search_note = "learnsite runs with `--no-search` (its Pagefind search index is not made) unless a row says otherwise."
    else:
        empty_bin = work / "empty-bin"
        empty_bin.mkdir(exist_ok=True)
        search_env = {"PATH": str(empty_bin)}
        search_note = ("learnsite has no `--no-search`: it runs with PATH set to an empty folder, so it finds neither "
                       "`pagefind` nor `python3 -c 'import pagefind_bin'` and builds without the search index.")

    built_line = re.compile(r"Built (\d+) pages.*?(\d+) errors?, (\d+) warnings?")

    def learnsite_stdout_check(path):
        def check(result):
            text = Path(path).read_text(errors="replace")
            found = built_line.search(text)
            if not found:
                raise ValueError(f"unexpected output: {text.strip()[:200]}")
            pages, errors, warnings = found.groups()
            note = f"{pages} pages, {errors} errors, {warnings} warnings"
            if int(warnings) or int(errors):
                first = [l for l in result[2].splitlines() if l.strip()][:3]
                note += " (first: " + " | ".join(first) + ")"
            return note
        return check

    def count_html(folder):
        def check(result):
            return f"{sum(1 for _ in Path(folder).rglob('*.html'))} HTML files"
        return check

    groups = []  # (title, [tools])
    samples_note = []
    # Upstream cmark-gfm takes `--footnotes`; Debian's 0.29.0.gfm.6 lists footnotes as an extension instead.
    probe = subprocess.run([args.cmark, "--footnotes"], input=b"a[^1]\n\n[^1]: b\n", capture_output=True, timeout=60)
    footnotes = ["--footnotes"] if probe.returncode == 0 else ["-e", "footnotes"]
    cmark_cmd = [args.cmark, "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist",
                 *footnotes, str(all_md)]

    # --- 1. Full build of the site, output on tmpfs -----------------------------------------------------------------
    if "site" in only:
        tools = [
            Tool("learnsite", "learnsite build --clean (tmpfs)",
                 [learnsite, "build", "--content", content, "--output", shm / "ls", "--clean"] + no_search,
                 prepare=rm(shm / "ls"), env=search_env, stdout=work / "learnsite-build.out",
                 check=learnsite_stdout_check(work / "learnsite-build.out")),
            Tool("hugo", "hugo (tmpfs)", [args.hugo, "--quiet", "-s", hugo_site, "-d", shm / "hugo"],
                 prepare=rm(shm / "hugo"), check=count_html(shm / "hugo")),
            Tool("cmark", "cmark-gfm all.md (1 process)", cmark_cmd),
        ]
        if args.search_row:
            tools.append(Tool("learnsite+search", "learnsite build --clean, with its Pagefind index (tmpfs; peak = the larger of the two processes)",
                              [learnsite, "build", "--content", content, "--output", shm / "lss", "--clean"],
                              prepare=rm(shm / "lss"), stdout=work / "learnsite-search.out",
                              check=learnsite_stdout_check(work / "learnsite-search.out")))
        runner.group("Full build, output on tmpfs", tools, args.runs)
        groups.append(("Full build of the site, output on tmpfs (/dev/shm)", tools))

    def setup(what, cmd, env=None):
        """An untimed step a group needs; on failure the group is skipped and the failure reported."""
        try:
            done = subprocess.run([str(c) for c in cmd], capture_output=True, timeout=args.timeout,
                                  env=dict(os.environ, **(env or {})))
        except subprocess.TimeoutExpired:
            runner.failures.append(f"{what}: timed out after {args.timeout} s")
            log(f"   {what}: timed out after {args.timeout} s")
            return False
        if done.returncode != 0:
            tail = " | ".join(done.stderr.decode("utf-8", "replace").strip().splitlines()[-4:])
            runner.failures.append(f"{what}: exit status {done.returncode}: {tail}")
            log(f"   {what}: FAILED, exit status {done.returncode}: {tail}")
            return False
        return True

    # --- 2. The same build written to disk, beside the time to copy the output tree ----------------------------------
    if "disk" in only:
        hugo_ref, ls_ref = shm / "hugo-ref", shm / "ls-ref"
        for path in (hugo_ref, ls_ref):
            shutil.rmtree(path, ignore_errors=True)
        if not (setup("disk group: Hugo's output to copy", [args.hugo, "--quiet", "-s", hugo_site, "-d", hugo_ref])
                and setup("disk group: learnsite's output to copy",
                          [learnsite, "build", "--content", content, "--output", ls_ref, "--clean"] + no_search, search_env)):
            only.discard("disk")
    if "disk" in only:
        disk.mkdir(parents=True, exist_ok=True)
        tools = [
            Tool("learnsite", "learnsite build --clean (disk)",
                 [learnsite, "build", "--content", content, "--output", disk / "ls", "--clean"] + no_search,
                 prepare=rm_sync(disk / "ls"), env=search_env, stdout=work / "learnsite-disk.out",
                 check=learnsite_stdout_check(work / "learnsite-disk.out")),
            Tool("hugo", "hugo (disk)", [args.hugo, "--quiet", "-s", hugo_site, "-d", disk / "hugo"],
                 prepare=rm_sync(disk / "hugo")),
            Tool("cp-hugo", "cp -r of Hugo's output (write floor)", ["cp", "-r", hugo_ref, disk / "cp-hugo"],
                 prepare=rm_sync(disk / "cp-hugo")),
            Tool("cp-learnsite", "cp -r of learnsite's output (site + handouts)", ["cp", "-r", ls_ref, disk / "cp-ls"],
                 prepare=rm_sync(disk / "cp-ls")),
        ]
        runner.group("Full build, output on disk", tools, args.runs)
        groups.append((f"Full build of the site, output on disk ({disk})", tools))

    # --- 3. Rebuild after editing one page -----------------------------------------------------------------------------
    identical = None
    if "incremental" in only:
        incr_content = work / "incremental-content"
        shutil.rmtree(incr_content, ignore_errors=True)
        shutil.copytree(content, incr_content)
        victim = sorted((incr_content / "bulletins").glob("*.md"))[len(list((incr_content / "bulletins").glob("*.md"))) // 2]
        original = victim.read_text(encoding="utf-8")
        out_dir = shm / "incremental"
        if not setup("incremental group: first build", [learnsite, "build", "--content", incr_content, "--output", out_dir]
                     + no_search, search_env):
            only.discard("incremental")
    if "incremental" in only:
        edits = [0]

        def edit():  # before each run of "edited", untimed: a new paragraph at the end of one page's body
            edits[0] += 1
            victim.write_text(original + f"\nEdited for benchmark run {edits[0]}: the MASH now has a new number.\n",
                              encoding="utf-8")

        base = [learnsite, "build", "--content", incr_content, "--output", out_dir] + no_search
        tools = [
            Tool("edited", f"learnsite build after editing one page ({victim.parent.name}/{victim.name})", base,
                 prepare=edit, env=search_env, stdout=work / "learnsite-incremental.out",
                 check=learnsite_stdout_check(work / "learnsite-incremental.out")),
            Tool("unchanged", "learnsite build, nothing changed", base, env=search_env,
                 stdout=work / "learnsite-unchanged.out", check=learnsite_stdout_check(work / "learnsite-unchanged.out")),
        ]
        runner.group("Rebuild after editing one page (incremental cache warm)", tools, args.runs)
        # Output identical to a clean build of the same (edited) content?
        clean_dir = shm / "incremental-clean"
        if setup("incremental group: clean build to compare with",
                 [learnsite, "build", "--content", incr_content, "--output", clean_dir, "--clean"] + no_search, search_env):
            diff = subprocess.run(["diff", "-rq", "--exclude=.learnsite-cache", str(out_dir), str(clean_dir)],
                                  capture_output=True, text=True, timeout=args.timeout)
            identical = diff.returncode == 0
            if not identical:
                samples_note.append("incremental output differs from a clean build: " + " | ".join(diff.stdout.splitlines()[:5]))
        victim.write_text(original, encoding="utf-8")
        groups.append(("Rebuild after editing one page (no `--clean`, into the previous build's output, tmpfs)", tools))

    # --- 4. Attendance report ------------------------------------------------------------------------------------------
    if "attendance" in only:
        def report(folder):
            return [learnsite, "attendance", "report", "--format", "json", "--content", folder / "content",
                    "--registers", folder / "messy", "--agencies", folder / "content" / "agencies.yml", "--year", "2024-25"]

        def json_check(path, manifest):
            def check(result):
                data = json.loads(Path(path).read_text())
                read, rejected = data.get("rows_read"), data.get("rows_rejected")
                note = f"rows_read {read} (generated {manifest['rows']}), rejected {rejected} (generated {manifest['bad_rows']} bad), " \
                       f"duplicates {data.get('duplicates')}"
                if read != manifest["rows"]:
                    raise ValueError(note)
                return note
            return check

        clean_csv = regs / "clean.csv"
        query = f"SELECT agency, status, count(*) FROM read_csv_auto('{clean_csv}') GROUP BY ALL"
        if args.duckdb:
            duck_cmd = [args.duckdb, "-csv", "-c", query]
            duck_label = "DuckDB CLI group-by (clean file)"
        else:
            duck_cmd = [sys.executable, "-c", f"import duckdb; print(duckdb.sql({query!r}).fetchall())"]
            duck_label = "DuckDB (Python package: no CLI) group-by (clean file)"

        def duck_check(result):
            rows = [l for l in Path(work / "duckdb.out").read_text().splitlines()[1:] if l.strip()]
            total = sum(int(l.rsplit(",", 1)[1]) for l in rows) if args.duckdb else None
            return f"{len(rows)} groups, {total} rows" if total is not None else None

        big, small = f"{regs_manifest['rows']:,}", f"{small_manifest['rows']:,}"
        tools = [
            Tool("learnsite", f"learnsite attendance report, {big} messy rows", report(regs),
                 stdout=work / "attendance.json", check=json_check(work / "attendance.json", regs_manifest)),
            Tool("learnsite-small", f"learnsite attendance report, {small} messy rows", report(regs_small),
                 stdout=work / "attendance-small.json", check=json_check(work / "attendance-small.json", small_manifest)),
            Tool("duckdb", f"{duck_label}, {regs_manifest['clean_rows']:,} rows", duck_cmd, stdout=work / "duckdb.out", check=duck_check),
            Tool("miller", f"Miller count -g agency,status (clean file), {regs_manifest['clean_rows']:,} rows",
                 [args.mlr, "--icsv", "--ojson", "count", "-g", "agency,status", clean_csv], stdout=work / "miller.out"),
        ]
        runner.group("Attendance report", tools, args.runs)
        groups.append(("Attendance: report over messy registers vs group-by on one clean file", tools))

    # --- Results -------------------------------------------------------------------------------------------------------
    def get(tools_title, key):
        for title, tools in groups:
            if title.startswith(tools_title):
                for tool in tools:
                    if tool.key == key and tool.times:
                        return tool
        return None

    md = []
    md.append(f"# learnsite benchmark ({args.mode} mode)")
    md.append("")
    md.append(f"- date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; machine: {machine_line()}")
    md.append(f"- site corpus: {site_manifest['pages']:,} pages, {site_manifest['markdown_bytes'] / 1e6:.1f} MB of Markdown "
              f"({site_manifest['page_bytes_min']:,}-{site_manifest['page_bytes_max']:,} B a page), "
              f"{site_manifest['glossary_terms']} glossary terms, {site_manifest['references']} references; "
              f"all.md {site_manifest['body_bytes'] / 1e6:.1f} MB")
    md.append(f"- registers: {regs_manifest['rows']:,} rows in {regs_manifest['files']} messy files "
              f"({regs_manifest['messy_bytes'] / 1e6:.0f} MB), clean file {regs_manifest['clean_rows']:,} rows "
              f"({regs_manifest.get('clean_bytes', 0) / 1e6:.0f} MB); smaller set {small_manifest['rows']:,} rows")
    md.append(f"- {args.runs} timed runs per figure after one warm-up, tools alternating (order rotated every round); "
              "times are wall seconds, memory is peak RSS (GNU time %M) in MB")
    md.append(f"- {search_note}")
    md.append("")
    md.append("- CPU s is user + system time (median); CPU s / wall s above 1 means more than one core worked; "
              "noise is the median CPU used meanwhile by other processes plus the hypervisor's steal time, in cores "
              "(from /proc/stat; 10 ms ticks, so rough for short runs): well above 0 means the figure was disturbed")
    md.append("- learnsite's build writes the whole site (a page per document, an index per kind, theme pages, glossary, "
              "references, feed, sitemap) and an A4 handout per document; Hugo writes a page per document, a page per "
              "section and the home page")
    md.append("")
    md.append("| measurement | runs | median s | min-max s | CPU s | noise | peak MB (median) | min-max MB | note |")
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for title, tools in groups:
        md.append(f"| **{title}** | | | | | | | | |")
        for tool in tools:
            if tool.times:
                md.append(f"| {tool.label} | {len(tool.times)} | {fmt_s(med(tool.times))} | "
                          f"{fmt_s(min(tool.times))}-{fmt_s(max(tool.times))} | {fmt_s(med(tool.cpus))} | "
                          f"{med(tool.noise):.2f} | {fmt_mb(med(tool.peaks))} | "
                          f"{fmt_mb(min(tool.peaks))}-{fmt_mb(max(tool.peaks))} | {tool.note or ''} |")
            else:
                md.append(f"| {tool.label} | 0 | FAILED | | | | | | {tool.failed or 'not run'} |")
    md.append("")

    ratios = []

    def ratio(name, top, bottom, target, value_of=lambda t: med(t.times), group=None):
        if group not in requested:
            return
        if top is None or bottom is None:
            ratios.append((name, None, target))
            return
        ratios.append((name, value_of(top) / value_of(bottom), target))

    site_title = "Full build of the site, output on tmpfs"
    ratio("full build, tmpfs: learnsite / Hugo (time)", get(site_title, "learnsite"), get(site_title, "hugo"), 0.33, group="site")
    ratio("full build, tmpfs: learnsite / one cmark-gfm process (time)", get(site_title, "learnsite"), get(site_title, "cmark"), 0.75,
          group="site")
    ratio("full build, tmpfs: learnsite / Hugo (peak memory)", get(site_title, "learnsite"), get(site_title, "hugo"), 0.25,
          value_of=lambda t: med(t.peaks), group="site")
    disk_title = "Full build of the site, output on disk"
    ratio("full build, disk: learnsite / Hugo (time; no target)", get(disk_title, "learnsite"), get(disk_title, "hugo"), None,
          group="disk")
    ratio("full build, disk: learnsite / cp -r of its own output (time; no target)", get(disk_title, "learnsite"),
          get(disk_title, "cp-learnsite"), None, group="disk")
    att_title = "Attendance"
    ratio("attendance: learnsite / DuckDB CLI (time)", get(att_title, "learnsite"), get(att_title, "duckdb"), 1.0, group="attendance")
    ratio("attendance: learnsite / Miller (time)", get(att_title, "learnsite"), get(att_title, "miller"), 0.25, group="attendance")
    ratio("attendance: learnsite / Miller (peak memory; no target)", get(att_title, "learnsite"), get(att_title, "miller"), None,
          value_of=lambda t: med(t.peaks), group="attendance")

    md.append("| ratio or figure | measured | target | result |")
    md.append("| --- | ---: | ---: | --- |")
    verdicts = []
    for name, value, target in ratios:
        if value is None:
            md.append(f"| {name} | n/a | {'<= %.2f' % target if target else '-'} | {'MISS (not measured)' if target else '-'} |")
            continue
        verdict = ("PASS" if value <= target else "MISS") if target is not None else "-"
        if target is not None:
            verdicts.append(verdict)
        md.append(f"| {name} | {value:.2f}x | {'<= %.2fx' % target if target is not None else '-'} | {verdict} |")
    incr = get("Rebuild after editing one page", "edited")
    if "incremental" in requested:
        value = med(incr.times) if incr else None
        verdict = "PASS" if value is not None and value < 0.2 else "MISS"
        verdicts.append(verdict)
        md.append(f"| rebuild after editing one page (median wall time) | {fmt_s(value)} s | < 0.2 s | {verdict} |")
        verdict = "PASS" if identical else "MISS"
        verdicts.append(verdict)
        md.append(f"| rebuild output identical to a clean build (`diff -r`) | {'yes' if identical else 'no'} | identical | {verdict} |")
    big_tool, small_tool = get(att_title, "learnsite"), get(att_title, "learnsite-small")
    if big_tool and small_tool:
        big_peak, small_peak = med(big_tool.peaks), med(small_tool.peaks)
        verdict = "PASS" if big_peak < 100 and small_peak < 100 else "MISS"
        verdicts.append(verdict)
        md.append(f"| attendance peak memory at {small_manifest['rows']:,} / {regs_manifest['rows']:,} rows | "
                  f"{fmt_mb(small_peak)} / {fmt_mb(big_peak)} MB | < 100 MB | {verdict} |")
        growth = big_peak / small_peak
        verdict = "PASS" if growth <= 1.5 else "MISS"
        verdicts.append(verdict)
        md.append(f"| attendance memory flat: peak at {regs_manifest['rows'] // max(1, small_manifest['rows'])}x the rows / peak | "
                  f"{growth:.2f}x | <= 1.50x | {verdict} |")
    elif "attendance" in requested:
        verdicts.append("MISS")
        md.append("| attendance peak memory | n/a | < 100 MB | MISS (not measured) |")
    md.append("")
    md.append("Commands (each run as `/usr/bin/time -f '%e %M %U %S' COMMAND`; an output folder is removed before each run, "
              "and on disk `sync` runs before each run, both untimed; the rebuild rows write into the same folder each time, "
              "the edited row after appending a line to the page named):")
    md.append("")
    for title, tools in groups:
        for tool in tools:
            md.append(f"- {tool.label}: `{tool.shown()}`")
    md.append("")
    for note in samples_note:
        md.append(f"- note: {note}")
    if runner.failures:
        md.append("Failures:")
        md.extend(f"- {failure}" for failure in runner.failures)
        md.append("")
    elapsed = time.time() - started
    md.append(f"Measurement time: {elapsed:.0f} s. {verdicts.count('PASS')} targets PASS, {verdicts.count('MISS')} MISS.")

    text = "\n".join(md) + "\n"
    log("")
    log(text)
    results = work / "results.md"
    results.write_text(text)
    (work / "results.json").write_text(json.dumps({
        "mode": args.mode, "runs": args.runs,
        "groups": {title: {t.key: {"label": t.label, "times": t.times, "peaks_mb": t.peaks, "cpu": t.cpus, "noise_cores": t.noise, "failed": t.failed,
                                   "command": t.shown(), "note": t.note} for t in tools} for title, tools in groups},
        "ratios": {name: value for name, value, _ in ratios}, "incremental_identical": identical,
    }, indent=2) + "\n")
    log(f"results written to {results} and {work / 'results.json'}")
    if not args.keep:
        shutil.rmtree(shm, ignore_errors=True)
    sys.exit(1 if runner.failures else 0)


if __name__ == "__main__":
    main()
