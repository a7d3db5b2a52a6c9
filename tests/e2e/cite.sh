#!/bin/sh
# Citations in every export of a note (Markdown, JSON, CSV): edition,
# country, section, paragraph or item number, and the pages and address of
# the text when the document has them (tests/data/tiers: North Korea 2022
# has both, 2021 neither); an orphan is cited by its section alone.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME
unset TIPR_CONTENT NO_COLOR
store=$XDG_DATA_HOME/tipr/annotations.yaml
corpus=$TIPR_SRCDIR/tests/data/tiers
url=https://www.state.gov/reports/2022-trafficking-in-persons-report/north-korea/
dprk="Korea, Democratic People's Republic of"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" 2>/dev/null | head -20; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
tipr() { "$TIPR" "$@" --content "$corpus" >"$tmp/out" 2>"$tmp/err"; }
line() { grep -qxF -- "$1" "$tmp/out"; }
has() { grep -qF -- "$1" "$tmp/out"; }

tipr notes add korea-north 2022 recommendations --quote "Eliminate coercion tactics used to monitor"
expect "a recommendation annotated" [ $? -eq 0 ]
item=$(cat "$tmp/out")
tipr notes add korea-north 2022 profile --quote "The DPRK holds an estimated 80,000 to 120,000 persons" --color green
expect "a paragraph annotated" [ $? -eq 0 ]
para=$(cat "$tmp/out")
tipr notes add korea-north 2021 overview --quote "did not demonstrate any efforts to address human trafficking"
expect "a passage of a narrative without pages or address" [ $? -eq 0 ]
bare=$(cat "$tmp/out")

tipr notes export --format md
expect "md: a recommendation is cited by its item, pages and address" line "— *2022 Trafficking in Persons Report*, $dprk (2022), Prioritized Recommendations, item 3, pp. 245-248, <$url> [yellow, $item]"
expect "md: a paragraph by its number" line "— *2022 Trafficking in Persons Report*, $dprk (2022), Trafficking Profile, para. 2, pp. 245-248, <$url> [green, $para]"
expect "md: what the document does not record is left out" line "— *2021 Trafficking in Persons Report*, $dprk (2021), Overview, para. 1 [yellow, $bare]"

tipr notes export --format json
expect "json: item, no paragraph, pages and url" sh -c "grep -A5 '\"section_title\": \"Prioritized Recommendations\"' '$tmp/out' | tr -d '\n' | grep -qF '\"paragraph\": null,    \"item\": 3,    \"pages\": \"245-248\",    \"url\": \"$url\",'"
expect "json: paragraph 2 of the profile" sh -c "grep -A2 '\"section_title\": \"Trafficking Profile\"' '$tmp/out' | tr -d '\n' | grep -qF '\"paragraph\": 2,    \"item\": null,'"
expect "json: null pages and url when not known" sh -c "grep -A4 '\"section_title\": \"Overview\"' '$tmp/out' | tr -d '\n' | grep -qF '\"paragraph\": 1,    \"item\": null,    \"pages\": null,    \"url\": null,'"

tipr notes export --format csv
expect "csv: the citation columns" sh -c "head -1 '$tmp/out' | grep -q ',created,updated,paragraph,item,pages,url\$'"
expect "csv: the item's row" sh -c "grep '^$item,' '$tmp/out' | grep -q ',,3,245-248,$url\$'"
expect "csv: the paragraph's row" sh -c "grep '^$para,' '$tmp/out' | grep -q ',2,,245-248,$url\$'"
expect "csv: the row without pages" sh -c "grep '^$bare,' '$tmp/out' | grep -q ',1,,,\$'"

# The profile's passage no longer reads so: orphaned, cited by its section.
sed 's/quote: "The DPRK holds an estimated 80,000 to 120,000 persons"/quote: "Nowhere to be found in this text"/' \
	"$store" >"$tmp/edited" && cp "$tmp/edited" "$store"
tipr notes export --format md
sed -n '/^## Orphaned annotations/,$p' "$tmp/out" >"$tmp/orphans" && cp "$tmp/orphans" "$tmp/out"
expect "an orphan: the section, pages and address, no paragraph" line "— *2022 Trafficking in Persons Report*, $dprk (2022), Trafficking Profile, pp. 245-248, <$url> [green, $para]"
echo "1..$n"
exit 0
