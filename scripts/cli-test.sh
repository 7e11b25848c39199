#!/usr/bin/env bash
# End-to-end checks of the `learnsite` command itself: exit codes and messages a user sees.
# Usage: scripts/cli-test.sh path/to/learnsite
set -uo pipefail
learnsite="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

check() { # description, command status (0 = ok)
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}

# The bundled content builds, from another directory, with the built-in templates.
"$learnsite" build --content "$PWD/Content" --output "$work/out" > "$work/log" 2>&1
check "sample content builds" $?
grep -q "^Built [0-9]* pages" "$work/log"; check "build prints a one-line summary" $?
[ -f "$work/out/site/index.html" ]; check "site written to OUTPUT/site" $?

# Bad input: non-zero exit, file:line: error: message, and the previous site left in place.
mkdir -p "$work/bad/Content/bulletins"
printf 'name: Test board\n' > "$work/bad/Content/site.yml"
printf -- '---\ntitle: Fine\ndate: 2024-05-14\n---\nText\n' > "$work/bad/Content/bulletins/fine.md"
(cd "$work/bad" && "$learnsite" build > /dev/null 2>&1); check "good content builds with default paths" $?
printf -- '---\ntitle: Broken\ndate: 14th May\n---\n' > "$work/bad/Content/bulletins/broken.md"
(cd "$work/bad" && "$learnsite" build > "$work/log" 2>&1)
[ $? -eq 1 ]; check "bad content exits with status 1" $?
grep -q "^Content/bulletins/broken.md:3: error: .*year-month-day" "$work/log"; check "error names file, line and the fix" $?
[ -f "$work/bad/Output/site/bulletins/fine/index.html" ]; check "failed build keeps the previous site" $?
"$learnsite" build --content "$work/nowhere" > "$work/log" 2>&1
[ $? -eq 1 ] && grep -q "content folder was not found" "$work/log"; check "missing content folder is explained" $?

# --pdf without WeasyPrint: a clear message, status 1, and the HTML handouts are still written.
PATH=/nonexistent "$learnsite" build --content "$PWD/Content" --output "$work/nopdf" --pdf > "$work/log" 2>&1
[ $? -eq 1 ] && grep -q "apt-get install weasyprint" "$work/log"; check "--pdf without WeasyPrint says how to install it" $?
[ -f "$work/nopdf/handouts/bulletins/cse-learning-bulletin.html" ]; check "HTML handouts still build without WeasyPrint" $?

# check: the sample content has warnings and notes but no errors; a broken link is an error (status 1).
"$learnsite" check > "$work/check" 2>&1
check "check passes on the sample content" $?
grep -Eq "^[0-9]+ errors?, [0-9]+ warnings?, [0-9]+ notes?\.$" "$work/check"; check "check ends with a count" $?
mkdir -p "$work/bad/Content/lessons"
printf -- '---\ntitle: Linked\ndate: 2024-05-14\nsummary: x\n---\n[gone](../../lessons/missing/)\n' > "$work/bad/Content/lessons/linked.md"
rm -f "$work/bad/Content/bulletins/broken.md"
(cd "$work/bad" && "$learnsite" check > "$work/check" 2>&1)
[ $? -eq 1 ] && grep -q "^Content/lessons/linked.md:6: error: the link" "$work/check"; check "check reports a broken link at file:line and exits 1" $?
(cd "$work/bad" && "$learnsite" check --format json > "$work/check.json")
python3 -c "import json,sys; assert any(f['level']=='error' and f['line']==6 for f in json.load(open(sys.argv[1])))" "$work/check.json"
check "check --format json lists findings" $?

# new: creates the file with its front matter, and never overwrites.
(cd "$work/bad" && "$learnsite" new briefing "Seven-minute briefing: neglect" > /dev/null 2>&1)
grep -q '^title: "Seven-minute briefing: neglect"$' "$work/bad/Content/briefings/seven-minute-briefing-neglect.md"; check "new writes the document" $?
(cd "$work/bad" && "$learnsite" new briefing "Seven-minute briefing: neglect" > /dev/null 2>&1)
[ $? -eq 1 ]; check "new refuses to overwrite" $?

# Attendance: the report on the (fictional) sample registers, in every format, written only to private places.
"$learnsite" attendance report --year 2024-25 > "$work/table" 2>&1
check "attendance report prints a table" $?
grep -q "^Total " "$work/table"; check "the table has a totals row" $?
"$learnsite" attendance report --year 2024-25 --format json --output "$work/report.json" > /dev/null 2>&1
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert (r['period']['from'], r['period']['to'])==('2024-04-01','2025-03-31'); assert r['rows_read']>0" "$work/report.json"
check "attendance JSON has the contract's period and counts" $?
"$learnsite" attendance report --year 2024-25 --format html --output Output/site/report.html > "$work/log" 2>&1
[ $? -ne 0 ] && [ ! -f Output/site/report.html ]; check "attendance reports are refused inside Output/site" $?

# The manager reports: each runs on the sample registers, begins with its notice and has its key line.
"$learnsite" attendance charges --year 2024-25 > "$work/charges" 2>&1; check "attendance charges runs" $?
head -1 "$work/charges" | grep -q "^PERSONAL DATA: "; check "charges begin with the personal-data notice" $?
grep -Eq "^Total +[0-9]+ .* £[0-9,]+\.[0-9]{2}$" "$work/charges"; check "charges end with the total amount due" $?
"$learnsite" attendance charges --year 2024-25 --format csv --output "$work/charges.csv" > /dev/null 2>&1
sed -n 2p "$work/charges.csv" | grep -q "^agency,places_not_used,did_not_attend,cancelled_late,covered_by_colleague,amount_due"
check "charges CSV has its header after the notice" $?
"$learnsite" attendance due --as-of 2027-06-01 > "$work/due" 2>&1; check "attendance due runs" $?
grep -q "^Training due, as of 1 June 2027" "$work/due" && grep -q "never (required for " "$work/due"; check "due lists refreshers and required courses" $?
"$learnsite" attendance impact --year 2024-25 > "$work/impact" 2>&1; check "attendance impact runs" $?
grep -Eq "^All courses +[0-9]+" "$work/impact"; check "impact has a row for all courses" $?
"$learnsite" attendance impact --year 2024-25 --format html --output "$work/impact.html" > /dev/null 2>&1
grep -q "<svg " "$work/impact.html"; check "impact HTML has its charts" $?
"$learnsite" attendance dna --year 2024-25 > "$work/dna" 2>&1; check "attendance dna runs" $?
grep -q "no-show" "$work/dna" && head -1 "$work/dna" | grep -q "^PERSONAL DATA"; check "dna names the no-shows, privately" $?
"$learnsite" attendance dna --year 2024-25 --suppress-below 5 > "$work/dna-published" 2>&1
head -1 "$work/dna-published" | grep -q "^FOR PUBLICATION" && ! grep -q "@example.org" "$work/dna-published"
check "dna --suppress-below names no one" $?
"$learnsite" attendance report --year 2024-25 --suppress-below 5 > "$work/published" 2>&1
grep -q "fewer than 5" "$work/published"; check "report --suppress-below hides small counts" $?
"$learnsite" attendance charges --year 2024-25 --format html --output Output/site/charges.html > /dev/null 2>&1
[ $? -ne 0 ] && [ ! -f Output/site/charges.html ]; check "manager reports are refused inside Output/site" $?
PATH=/nonexistent "$learnsite" attendance certificates --year 2024-25 --output "$work/certificates" > "$work/log" 2>&1
[ $? -eq 1 ] && grep -q "WeasyPrint is not installed, so no certificates were made" "$work/log"; check "certificates without WeasyPrint say so" $?

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
