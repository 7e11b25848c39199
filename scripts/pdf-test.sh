#!/usr/bin/env bash
# Checks the PDF handouts of the sample content with poppler: A4 pages, the running footer, the
# bulletin's contents, the trainer pack's cover and contents, a sign-in sheet, stable page counts, and
# certificates of attendance made from the fictional sample registers.
# Usage: scripts/pdf-test.sh path/to/learnsite
set -uo pipefail
learnsite="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

# The sample content, with a fictional session far ahead so there is always an upcoming sign-in sheet.
content="$work/content"
cp -r Content "$content"
printf 'safeguarding-foundation,2099-01-15,09:30,16:30,Fictional Hall,8,,Trainer Zed\n' >> "$content/training/sessions.csv"
for run in first second; do
  "$learnsite" build --content "$content" --output "$work/$run" --pdf > "$work/$run.log" 2>&1
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

# A sign-in sheet: one A4 page with the session and a ruled row per place.
sheet="$handouts/sign-in/2099-01-15-safeguarding-foundation.pdf"
[ "$(pdfinfo "$sheet" | awk '/^Pages:/ {print $2}')" = 1 ]; check "sign-in sheet is one page" $?
sign_in="$(pdftotext -layout "$sheet" -)"
for fact in "SIGN-IN SHEET" "Safeguarding children foundation" "15 January 2099, 09:30 to 16:30" "Fictional Hall" "Trainer Zed" "Name" "Agency" "Signature"; do
  grep -q "$fact" <<< "$sign_in"; check "sign-in sheet says: $fact" $?
done
grep -Eq "^ *8 *$" <<< "$sign_in" && ! grep -Eq "^ *9 *$" <<< "$sign_in"; check "sign-in sheet has a row per place" $?

# Certificates from the fictional sample registers, into a private temporary folder.
"$learnsite" attendance certificates --content "$content" --year 2024-25 --course cse-awareness --output "$work/reports/certificates" > "$work/certificates.log" 2>&1
check "certificates are made" $?
head -1 "$work/certificates.log" | grep -q "^PERSONAL DATA"; check "certificates begin with the personal-data notice" $?
certificate="$work/reports/certificates/2024-05-14-cse-awareness-sample-person-9.pdf"
pdfinfo "$certificate" | grep -Eq '^Page size: +595(\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)'; check "certificate is A4" $?
[ "$(pdfinfo "$certificate" | awk '/^Pages:/ {print $2}')" = 1 ]; check "certificate is one page" $?
award="$(pdftotext -layout "$certificate" -)"
for fact in "Milton Keynes Safeguarding Children Board" "Certificate of attendance" "Sample Person 9" "Child sexual exploitation awareness" "14 May 2024" "3 hours" "Level 2"; do
  grep -q "$fact" <<< "$award"; check "certificate says: $fact" $?
done
[ -z "$(find "$work/reports" -name '*.html')" ]; check "no certificate HTML is left behind" $?

# A second build with unchanged inputs reuses every PDF.
"$learnsite" build --content "$content" --output "$work/first" --pdf > "$work/third.log" 2>&1
grep -q " 0 PDFs made" "$work/third.log"; check "unchanged handouts are not rendered again" $?

echo "pdf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
