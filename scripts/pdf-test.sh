#!/usr/bin/env bash
# Checks the PDF handouts of the sample content with poppler: A4 pages, the running footer, the
# bulletin's contents, the trainer pack's cover and contents, and stable page counts.
# Usage: scripts/pdf-test.sh path/to/learnsite
set -uo pipefail
learnsite="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

for run in first second; do
  "$learnsite" build --content Content --output "$work/$run" --pdf > "$work/$run.log" 2>&1
  check "build --pdf ($run) succeeds" $?
done
handouts="$work/first/handouts"
pdfs=$(find "$handouts" -name '*.pdf' | sort)
[ -n "$pdfs" ]; check "PDFs were made" $?
for pdf in $pdfs; do
  pdfinfo "$pdf" | grep -Eq '^Page size: +595(\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)'; check "A4 pages: ${pdf#$handouts/}" $?
  html="${pdf%.pdf}.html"; [ -f "$html" ]; check "HTML beside ${pdf#$handouts/}" $?
  pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
  [ "$(pages "$pdf")" = "$(pages "$work/second/handouts/${pdf#$handouts/}")" ]; check "stable page count: ${pdf#$handouts/}" $?
done

bulletin="$(pdftotext -layout "$handouts/bulletins/cse-learning-bulletin.pdf" -)"
grep -q "Safeguarding is Everybody's Business" <<< "$bulletin"; check "bulletin PDF has its title" $?
grep -q "01908 253169" <<< "$bulletin"; check "bulletin PDF has the MASH number" $?
grep -q "Page 1 of" <<< "$bulletin"; check "bulletin PDF has page X of Y" $?
grep -q "https://www.mkscb.org/bulletins/cse-learning-bulletin/" <<< "$bulletin"; check "bulletin PDF says where it is online" $?

pack="$(pdftotext -layout "$handouts/packs/cse-trainer-pack.pdf" -)"
first_page="$(pdftotext -l 1 "$handouts/packs/cse-trainer-pack.pdf" -)"
grep -q "Trainer pack: child sexual" <<< "$first_page" && grep -q "Course: Child sexual exploitation awareness" <<< "$first_page"
check "trainer pack starts with a cover" $?
grep -Eq "^Contents" <<< "$pack"; check "trainer pack has a contents page" $?
for title in "Safeguarding is Everybody's Business" "Learning from case reviews: child sexual exploitation" "Child sexual exploitation: key references"; do
  [ "$(grep -c "$title" <<< "$pack")" -ge 2 ]; check "pack lists and includes: $title" $?
done
grep -Eq "key references \.+ +[0-9]+" <<< "$pack"; check "contents give page numbers" $?

# A second build with unchanged inputs reuses every PDF.
"$learnsite" build --content Content --output "$work/first" --pdf > "$work/third.log" 2>&1
grep -q " 0 PDFs made" "$work/third.log"; check "unchanged handouts are not rendered again" $?

echo "pdf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
