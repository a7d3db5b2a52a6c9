#!/bin/sh
# tipr import on the report as people get it: generated editions in the
# three layouts (PDF), a country's PDF, saved web pages with their site
# (HTML), and the command's promises: no silent replacement, one narrative a
# country and year per run, honest errors, progress on a terminal only.
# Every fixture is made here from the bundled narratives (tests/gen).
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
gen=$TIPR_SRCDIR/tests/gen
mkpdf=$(dirname "$TIPR")/tests/gen/mkpdf
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out" | head -20; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }

# The tier of every narrative written, as "slug<TAB>Tier N" (edition.sh's form).
tiers_of() {
	for f in "$1"/*.yaml; do
		t=$(sed -n 's/^tier: "\(.*\)"$/\1/p' "$f")
		case $t in [123]) t="Tier $t" ;; "2 Watch List") t="Tier 2 Watch List" ;; esac
		printf '%s\t%s\n' "$(basename "$f" .yaml)" "$t"
	done | sort
}

# Every paragraph and item written lies within one paragraph of the markup
# (letters and digits compared, so hyphenation choices do not count): none
# runs across two paragraphs, two columns or a page's furniture.
within_markup() { # MARKUP DIR
	awk '
	function norm(s) { s = tolower(s); gsub(/[^a-z0-9]/, "", s); return s }
	FNR == NR { if ($0 ~ /^\.(p|item) /) { sub(/^\.[a-z]+ /, ""); all = all "|" norm($0) } next }
	/^    / || /^  - / { t = $0; sub(/^ +(- )?/, "", t); gsub(/^"|"$/, "", t)
		if (length(norm(t)) && !index(all, norm(t))) { print FILENAME ": " substr(t, 1, 80); bad++ } }
	END { exit bad > 0 }' "$1" "$2"/*.yaml >"$tmp/out"
}

# Draws a PDF fixture; a generator that fails (or leaks, under the
# sanitizers) stops the test rather than passing unseen.
draw() { # MARKUP PDF
	"$mkpdf" "$2" <"$1" || { echo "Bail out! mkpdf failed on $1"; exit 1; }
}

no_debris() { # DIR PATTERN...
	dir=$1
	shift
	! grep -rn "$@" "$dir" >"$tmp/out"
}

echo "1..39"

# --- an edition, 2017 on: two columns, "NAME: TIER 2", bullets, captions ---
"$gen/edition.sh" "$TIPR_SRCDIR" modern 2022 24 3 "$tmp/modern.tsv" >"$tmp/modern.mk"
draw "$tmp/modern.mk" "$tmp/modern.pdf"
"$TIPR" import --out "$tmp/c" "$tmp/modern.pdf" >"$tmp/out" 2>"$tmp/err"
status=$?
cat "$tmp/err" >>"$tmp/out"
expect "an edition's PDF: exit 0, no error" sh -c "[ $status -eq 0 ] && ! grep -q 'error:' '$tmp/err'"
tiers_of "$tmp/c/tip/2022" >"$tmp/got"
sort "$tmp/modern.tsv" >"$tmp/want"
expect "every narrative of the edition, each with its tier" cmp -s "$tmp/want" "$tmp/got"
expect "the summary checks the tier placement list: every country, every tier agrees" \
	grep -q "the tier placement list names $(wc -l <"$tmp/want" | tr -d ' ') countries; $(wc -l <"$tmp/want" | tr -d ' ') of them imported; every tier agrees" "$tmp/err"
expect "the introduction is no country's narrative" sh -c "[ \$(ls '$tmp/c/tip/2022' | wc -l) -eq $(wc -l <"$tmp/want") ]"
expect "no running head, page number or caption in any narrative" \
	no_debris "$tmp/c/tip/2022" -e "TRAFFICKING IN PERSONS REPORT" -e "COUNTRY NARRATIVES" \
	-e "Survivors of forced labor attend" -e "^    [0-9]*$"
expect "no paragraph mixes two columns, two paragraphs or a page's furniture" within_markup "$tmp/modern.mk" "$tmp/c/tip/2022"
expect "words hyphenated at column ends are whole again" no_debris "$tmp/c/tip/2022" -E "[a-z]- [a-z]"
expect "a heading set on two lines: North Korea" grep -q '^tier:' "$tmp/c/tip/2022/korea-north.yaml"
expect "a dagger territory: CURAÇAO†" test -f "$tmp/c/tip/2022/curacao.yaml"
expect "the Democratic Republic of the Congo is never the Republic of the Congo" \
	sh -c "test -f '$tmp/c/tip/2022/congo-drc.yaml' && ! test -f '$tmp/c/tip/2022/congo-republic.yaml'"
expect "Special Cases: their tier, their government efforts, complete" \
	sh -c "grep -q 'tier: \"Special Case\"' '$tmp/c/tip/2022/libya.yaml' && grep -q 'id: government-efforts' '$tmp/c/tip/2022/libya.yaml' && grep -q 'complete: true' '$tmp/c/tip/2022/libya.yaml'"
expect "recommendations: eleven items under their bold heading" \
	sh -c "[ \$(awk '/id: recommendations/ { r = 1; next } /^- id/ { r = 0 } r && /^  - /' '$tmp/c/tip/2022/afghanistan.yaml' | wc -l) -eq 11 ]"
expect "each narrative names its pages in the PDF" \
	sh -c "! grep -L '^source_pages: \"[0-9][0-9]*-[0-9][0-9]*\"' '$tmp/c/tip/2022/'*.yaml | grep -q ."
expect "the files validate" sh -c "'$TIPR' check '$tmp/c' >'$tmp/out' 2>&1"

# An edition in STYLE, imported into DIR: its expected tiers in $tmp/want,
# the imported ones in $tmp/got.
edition() { # STYLE YEAR COUNT INTRO_PAGES DIR
	"$gen/edition.sh" "$TIPR_SRCDIR" "$1" "$2" "$3" "$4" "$tmp/$1.tsv" >"$tmp/$1.mk"
	draw "$tmp/$1.mk" "$tmp/$1.pdf"
	"$TIPR" import --out "$tmp/$5" "$tmp/$1.pdf" >"$tmp/out" 2>&1
	tiers_of "$tmp/$5/tip/$2" >"$tmp/got"
	sort "$tmp/$1.tsv" >"$tmp/want"
}

# --- 2008-2016: "NAME (Tier 2)", "Recommendations for X:" inline ---
edition middle 2012 8 1 m
expect "2008-2016 layout: every narrative and tier" cmp -s "$tmp/want" "$tmp/got"
expect "2008-2016 layout: the inline recommendations split into items" \
	sh -c "[ \$(awk '/id: recommendations/ { r = 1; next } /^- id/ { r = 0 } r && /^  - /' '$tmp/m/tip/2012/afghanistan.yaml' | wc -l) -eq 11 ]"

# --- 2001-2007: one column, the name then the tier, no recommendations ---
edition early 2005 8 1 e
expect "2001-2007 layout: every narrative and tier" cmp -s "$tmp/want" "$tmp/got"
expect "2001-2007 layout: no recommendations invented, a whole narrative is complete" \
	sh -c "! grep -q 'id: recommendations' '$tmp/e/tip/2005/afghanistan.yaml' && grep -q 'complete: true' '$tmp/e/tip/2005/afghanistan.yaml'"

# --- a country's PDF: one narrative that starts mid-page ---
awk '/^\.country KOREA/ { on = 1 } on && /^\.country / && !/KOREA/ { exit } on' "$tmp/modern.mk" |
	sed '1i .running on\n.layout 2\n.p TRAFFICKING IN PERSONS REPORT 2022' >"$tmp/country.mk"
draw "$tmp/country.mk" "$tmp/country.pdf"
"$TIPR" import --out "$tmp/k" "$tmp/country.pdf" >"$tmp/out" 2>&1
expect "a country's PDF: its one narrative" sh -c "[ \$(ls '$tmp/k/tip/2022') = korea-north.yaml ]"

# --- saved web pages ---
for style in state legacy aggregator; do
	"$gen/mkhtml.sh" "$TIPR_SRCDIR" $style "$TIPR_SRCDIR/content/tip/2022/korea-north.yaml" "North Korea" \
		"KOREA, DEMOCRATIC PEOPLE’S REPUBLIC OF: Tier 3" 2022 >"$tmp/$style.html"
	"$TIPR" import --out "$tmp/h-$style" "$tmp/$style.html" >"$tmp/out" 2>&1
	f=$tmp/h-$style/tip/2022/korea-north.yaml
	expect "web page ($style): the narrative, its tier and eleven recommendations" \
		sh -c "grep -q 'tier: \"3\"' '$f' && [ \$(awk '/id: recommendations/ { r = 1; next } /^- id/ { r = 0 } r && /^  - /' '$f' | wc -l) -eq 11 ]"
	expect "web page ($style): the text as the bundled narrative has it (charset, entities)" \
		sh -c "awk -f '$gen/narrative.awk' '$f' | grep -v '^S' >'$tmp/a' && awk -f '$gen/narrative.awk' '$TIPR_SRCDIR/content/tip/2022/korea-north.yaml' | grep -v '^S' >'$tmp/b' && cmp -s '$tmp/a' '$tmp/b'"
done
expect "web pages: no site chrome in the text" no_debris "$tmp"/h-*/tip/2022 -i -e "skip to content" -e "official website" \
	-e "share on" -e "privacy policy" -e "document #" -e "dokument" -e "publisher" -e "disclaimer" -e "related articles"
expect "web pages: the page's address (canonical link, saved-from comment, og:url)" sh -c "
	grep -q 'source_url: \"https://www.state.gov/reports/2022-trafficking-in-persons-report/north-korea/\"' '$tmp/h-state/tip/2022/korea-north.yaml' &&
	grep -q 'source_url: \"http://www.state.gov/g/tip/rls/tiprpt/2022/north-korea.htm\"' '$tmp/h-legacy/tip/2022/korea-north.yaml' &&
	grep -q 'source_url: \"https://www.example.org/en/document/2074156.html\"' '$tmp/h-aggregator/tip/2022/korea-north.yaml'"

# --- never a silent replacement ---
"$TIPR" import --out "$tmp/r" "$TIPR_SRCDIR/seeds/tip-2021-dprk.txt" >/dev/null 2>&1
cp "$tmp/r/tip/2021/korea-north.yaml" "$tmp/before"
"$TIPR" import --out "$tmp/r" --year 2021 "$TIPR_SRCDIR/seeds/tip-2023-dprk-excerpt.txt" >"$tmp/out" 2>&1
status=$?
expect "an import that would replace a narrative refuses: exit 1, the file kept" \
	sh -c "[ $status -eq 1 ] && cmp -s '$tmp/before' '$tmp/r/tip/2021/korea-north.yaml'"
expect "... naming the file and what each version holds (words, sections, excerpt or not)" \
	sh -c "grep -q 'korea-north.yaml: error: exists and holds [0-9]* words, 6 sections.*complete; this import (.*tip-2023-dprk-excerpt.txt) holds [0-9]* words, 2 sections.*excerpt; not replaced' '$tmp/out'"
"$TIPR" import --out "$tmp/r" "$TIPR_SRCDIR/seeds/tip-2021-dprk.txt" >"$tmp/out" 2>&1
expect "the same narrative again: unchanged, exit 0" sh -c "[ $? -eq 0 ] && grep -q '^unchanged ' '$tmp/out'"
"$TIPR" import --out "$tmp/r" --force --year 2021 "$TIPR_SRCDIR/seeds/tip-2023-dprk-excerpt.txt" >"$tmp/out" 2>&1
expect "--force replaces it" sh -c "[ $? -eq 0 ] && grep -q '^replaced ' '$tmp/out' && grep -q 'complete: false' '$tmp/r/tip/2021/korea-north.yaml'"

# --- one run, one narrative a country and year ---
"$TIPR" import --out "$tmp/d" "$tmp/state.html" "$tmp/legacy.html" >"$tmp/out" 2>&1
status=$?
expect "the same country and year twice in one run: the second is an error naming both" \
	sh -c "[ $status -eq 1 ] && grep -q 'legacy.html:[0-9]*:1: error: korea-north 2022 found again (.*legacy.html:[0-9]*): already imported in this run from .*state.html:[0-9]*; not written' '$tmp/out' && grep -q 'source_url: \"https://www.state.gov' '$tmp/d/tip/2022/korea-north.yaml'"

# --- a Windows editor's plain text (Windows-1252) ---
printf 'GUYANA: TIER 1\r\n\r\nThe Government of Guyana fully meets the minimum standards for the elimination of trafficking. The government\222s efforts were serious.\r\n' >"$tmp/guyana-2021.txt"
"$TIPR" import --out "$tmp/w" "$tmp/guyana-2021.txt" >"$tmp/out" 2>&1
status=$?
expect "a Windows-1252 text copy: imported, said, its apostrophe right" \
	sh -c "[ $status -eq 0 ] && grep -q 'guyana-2021.txt: warning: not UTF-8: read as Windows-1252' '$tmp/out' && grep -q 'government’s efforts' '$tmp/w/tip/2021/guyana.yaml'"

# --- honest errors ---
head -c 300000 "$TIPR" >"$tmp/binary.txt"
"$TIPR" import --out "$tmp/x" "$tmp/binary.txt" >"$tmp/out" 2>&1
expect "a file that is not text, a web page or a PDF: an error, exit 1, nothing written" \
	sh -c "[ $? -eq 1 ] && grep -q 'binary.txt:[0-9]*:[0-9]*: error: \(invalid UTF-8\|a NUL byte\)' '$tmp/out' && grep -q 'binary.txt: error: not UTF-8 text, a web page or a PDF' '$tmp/out' && ! test -e '$tmp/x'"
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$tmp/broken.pdf"
"$TIPR" import --out "$tmp/x" "$tmp/broken.pdf" >"$tmp/out" 2>&1
expect "a broken PDF: an error naming the file, exit 1, no crash" \
	sh -c "[ $? -eq 1 ] && grep -q 'broken.pdf: error: ' '$tmp/out'"
"$TIPR" import --dry-run "$tmp/country.pdf" >"$tmp/out" 2>"$tmp/err"
expect "no progress line when stderr is not a terminal" sh -c "! grep -q 'page [0-9]* of' '$tmp/err'"
script -qec "'$TIPR' import --dry-run '$tmp/modern.pdf'" /dev/null >"$tmp/out" 2>&1
expect "a progress line on a terminal: pages, countries found" grep -q "page [0-9]* of [0-9]*, [0-9]* countries found" "$tmp/out"

# --- a whole edition at full size: more than 600 pages ---
"$gen/edition.sh" "$TIPR_SRCDIR" modern 2023 400 40 "$tmp/full.tsv" >"$tmp/full.mk"
draw "$tmp/full.mk" "$tmp/full.pdf"
"$TIPR" import --out "$tmp/f" "$tmp/full.pdf" >"$tmp/out" 2>"$tmp/err"
status=$?
tiers_of "$tmp/f/tip/2023" >"$tmp/got"
sort "$tmp/full.tsv" >"$tmp/want"
count=$(wc -l <"$tmp/want" | tr -d ' ')
expect "a full edition (over 600 pages): every narrative with its tier" \
	sh -c "[ $status -eq 0 ] && cmp -s '$tmp/want' '$tmp/got' && grep -q '([6-9][0-9][0-9] PDF pages)' '$tmp/err'"
expect "... and its tiers agree with its placement list" \
	grep -q "names $count countries; $count of them imported; every tier agrees" "$tmp/err"
[ $fails -eq 0 ]
exit 0
