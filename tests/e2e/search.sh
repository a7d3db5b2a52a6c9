#!/bin/sh
# tipr search on the bundled content: text and json, filters, no match,
# accent-insensitivity, the cache, and escape sequences kept inert.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out" | head -20; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
has() { grep -qF -- "$1" "$tmp/out"; }

echo "1..10"
"$TIPR" search '"law enforcement efforts"' --color never >"$tmp/out" 2>&1
expect "a phrase: exit 0" [ $? -eq 0 ]
expect "grouped by document, the match marked" sh -c "grep -q '^North Korea 2022 (Trafficking in Persons Report)' '$tmp/out' && grep -qF '»law enforcement efforts«' '$tmp/out'"
expect "the first search built the cache" sh -c "ls '$tmp'/cache/tipr/search-*.bin >/dev/null"
"$TIPR" search '"LAW ENFORCEMENT efforts"' --country dprk --year 2021 --section prosecution --color never >"$tmp/out" 2>&1
expect "filters by country, year and section; case-insensitive" sh -c "[ \$(grep -c '»' '$tmp/out') -eq 1 ] && grep -q '^North Korea 2021' '$tmp/out'"
"$TIPR" search "people's republic" --format json >"$tmp/out" 2>&1
expect "json, and curly apostrophes match straight ones" sh -c "grep -q '\"matches\":[1-9]' '$tmp/out' && grep -q '\"country\":\"korea-north\"' '$tmp/out'"
"$TIPR" search zzyzx >"$tmp/out" 2>&1
expect "no match: exit 1" [ $? -eq 1 ]
"$TIPR" search >"$tmp/out" 2>&1
expect "no query: exit 2" [ $? -eq 2 ]
# A corpus with a narrative full of escapes and an accented country.
mkdir -p "$tmp/c/tip/2021"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$tmp/c/tip/"
printf 'country: cote-divoire\nyear: 2021\ntier: "2"\ntitle: "C\303\264te"\ncomplete: true\nsections:\n  - id: overview\n    title: Overview\n    text: "C\303\264te d\342\200\231Ivoire \\e]2;pwned\\a and cocoa \\e[31mred\\e[0m."\n' >"$tmp/c/tip/2021/cote-divoire.yaml"
"$TIPR" search cote --content "$tmp/c" --color never >"$tmp/out" 2>&1
expect "cote finds Côte" has "»Côte«"
"$TIPR" search cocoa --content "$tmp/c" --color always >"$tmp/out" 2>&1
expect "escape sequences in content stay inert, only tipr's SGR" sh -c "! LC_ALL=C sed 's/\x1b\[[0-9;]*m//g' '$tmp/out' | od -An -tx1 | grep -q ' 1b'"
touch "$tmp/c/tip/2021/cote-divoire.yaml"
printf 'country: cote-divoire\nyear: 2021\ntier: "2"\ntitle: "C"\ncomplete: true\nsections:\n  - id: overview\n    title: Overview\n    text: "Now about vanilla."\n' >"$tmp/c/tip/2021/cote-divoire.yaml"
"$TIPR" search vanilla --content "$tmp/c" >"$tmp/out" 2>&1
expect "an edited file is noticed: the cache is rebuilt" [ $? -eq 0 ]
