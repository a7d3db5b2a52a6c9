#!/bin/sh
# The batch command line: help, version, usage errors and exit statuses,
# list in three formats, show, check on good and broken content, NO_COLOR.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out" | head -10; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
status() { "$@" >"$tmp/out" 2>&1; echo $?; }

echo "1..16"
expect "--help: usage and every command, exit 0" sh -c "[ $(status "$TIPR" --help) -eq 0 ] && grep -q '^Usage: tipr' '$tmp/out' && grep -q '^  search' '$tmp/out'"
expect "--version" sh -c "[ $(status "$TIPR" --version) -eq 0 ] && grep -q '^tipr [0-9]' '$tmp/out'"
all=0
for c in list show diff recs search import check; do
	[ "$(status "$TIPR" $c --help)" -eq 0 ] && grep -q "^Usage: tipr $c" "$tmp/out" || all=1
done
expect "every command answers --help" [ $all -eq 0 ]
expect "an unknown option: exit 2 with a hint" sh -c "[ $(status "$TIPR" list --bogus) -eq 2 ] && grep -q \"unknown option '--bogus'\" '$tmp/out' && grep -q 'tipr list --help' '$tmp/out'"
expect "missing arguments: exit 2" [ "$(status "$TIPR" show)" -eq 2 ]
expect "an unknown country: exit 1" sh -c "[ $(status "$TIPR" show atlantis 2022) -eq 1 ] && grep -q 'atlantis' '$tmp/out'"
expect "an ambiguous country lists the candidates" sh -c "[ $(status "$TIPR" show korea 2022) -eq 1 ] && grep -q 'North Korea' '$tmp/out' && grep -q 'South Korea' '$tmp/out'"
"$TIPR" list --color never >"$tmp/out" 2>&1
expect "list: collections, countries, years, tiers" sh -c "grep -q 'North Korea  PRK  2021 (3) 2022 (3) 2023 (3, excerpt)' '$tmp/out'"
"$TIPR" list --format csv >"$tmp/out" 2>&1
expect "list --format csv: country,iso3,year,tier" sh -c "head -1 '$tmp/out' | grep -qx 'country,iso3,year,tier' && grep -q '^North Korea,PRK,2022,3' '$tmp/out'"
"$TIPR" list --format json >"$tmp/out" 2>&1
expect "list --format json" sh -c "grep -q '\"slug\":\"korea-north\"' '$tmp/out' || grep -q '\"korea-north\"' '$tmp/out'"
"$TIPR" show dprk 2022 recommendations --width 50 --color never >"$tmp/out" 2>&1
expect "show: a section, numbered, within the width" sh -c "grep -q '^11. Accede to the 2000 UN TIP Protocol.' '$tmp/out' && [ \$(awk '{ if (length(\$0) > m) m = length(\$0) } END { print m }' '$tmp/out') -le 52 ]"
expect "show: bad width: exit 2" [ "$(status "$TIPR" show dprk 2022 --width 3)" -eq 2 ]
NO_COLOR=1 "$TIPR" show dprk 2022 --color auto >"$tmp/out" 2>&1
expect "NO_COLOR: no escape bytes" sh -c "! grep -q \"\$(printf '\\033')\" '$tmp/out'"
expect "check: the bundled content is valid" sh -c "[ $(status "$TIPR" check) -eq 0 ] && grep -q '0 errors' '$tmp/out'"
mkdir -p "$tmp/c/tip/2022"
printf 'title: T\nkind: annual-report\n' >"$tmp/c/tip/collection.yaml"
printf 'country: kenya\nyear: 2022\nsections:\n  - id: a\n    text: [x\n' >"$tmp/c/tip/2022/kenya.yaml"
printf 'country: korea-north\nyear: 2022\ntier: &t "3"\nsections:\n  - id: a\n    text: x\n' >"$tmp/c/tip/2022/korea-north.yaml"
printf 'country: korea-south\nyear: 2022\nsections:\n  - id: a\n    text: "\377"\n' >"$tmp/c/tip/2022/korea-south.yaml"
"$TIPR" check "$tmp/c" >"$tmp/out" 2>&1
st=$?
expect "check: exit 1 and every error as FILE:LINE:COL" sh -c "[ $st -eq 1 ] && grep -q 'kenya.yaml:[0-9]*:[0-9]*: error' '$tmp/out' && grep -q 'korea-north.yaml:3:[0-9]*: error: .*anchors' '$tmp/out' && grep -q 'korea-south.yaml:5:[0-9]*: error: invalid UTF-8' '$tmp/out' && grep -q '3 errors' '$tmp/out'"
expect "list still works on the rest" [ "$(status "$TIPR" list --content "$tmp/c")" -eq 0 ]
