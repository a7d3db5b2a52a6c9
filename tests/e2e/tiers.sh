#!/bin/sh
# tipr tiers and tipr search --by-year on tests/data/tiers, a corpus with
# known tiers: every tier, change and reason in text, CSV and JSON, checked
# fact by fact and against golden files; the strip, the tile map, the shares
# and the by-year chart exactly at 80 and 120 columns, in colour and
# without, in UTF-8 and ASCII; usage errors, a broken file, hostile text.
# TIPR_UPDATE_GOLDEN=1 rewrites the golden files (tests/data/tiers-golden)
# from this build: review the diff before committing it.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
unset NO_COLOR TIPR_CONTENT COLUMNS
corpus=$TIPR_SRCDIR/tests/data/tiers
gold=$TIPR_SRCDIR/tests/data/tiers-golden
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/err" 2>/dev/null | head -5; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; sed 's/^/# /' "$tmp/out" | head -20; fi; }
# run LOCALE ARGS...: tipr on the known corpus, output in out and err, status in st.
# cols, when set, is the terminal's width (COLUMNS) for tipr search.
run() { loc=$1; shift; LC_ALL=$loc COLUMNS=${cols:-} "$TIPR" "$@" >"$tmp/out" 2>"$tmp/err"; st=$?; }
# golden NAME LOCALE ARGS...: the output is exactly tests/data/tiers-golden/NAME.
golden() {
	name=$1; shift
	run "$@"
	[ -n "${TIPR_UPDATE_GOLDEN:-}" ] && cp "$tmp/out" "$gold/$name"
	if [ $st -eq 0 ] && [ ! -s "$tmp/err" ] && cmp -s "$tmp/out" "$gold/$name"; then
		ok "golden $name"
	else
		not_ok "golden $name (exit $st)"
		diff "$gold/$name" "$tmp/out" | head -20 | sed 's/^/# /'
	fi
}
# line TEXT: the output has this exact line.
line() { grep -qxF -- "$1" "$tmp/out"; }
has() { grep -qF -- "$1" "$tmp/out"; }
U=C.UTF-8


# --- every tier, change and reason: CSV, fact by fact -----------------------
run $U tiers --content "$corpus" kenya --format csv
expect "csv: header" line "country,iso3,year,tier,scale,change,previous_tier,previous_year,excerpt,reason,section,paragraph,flag"
expect "csv: Kenya 2019 first seen, with its sentence" line "Kenya,KEN,2019,2,2,first,,,false,The Government of Kenya does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so; therefore Kenya remained on Tier 2.,overview,1,"
expect "csv: Kenya 2020 down to the Watch List, no sentence: unexplained" line "Kenya,KEN,2020,2 Watch List,2.5,down,2,2019,false,,,,unexplained"
expect "csv: Kenya 2021 not in the report" line "Kenya,KEN,2021,,,absent,2 Watch List,2020,,,,,"
expect "csv: Kenya 2022 an excerpt without a tier" line "Kenya,KEN,2022,,,excerpt,2 Watch List,2020,true,,,,"
expect "csv: Kenya 2023 up from the Watch List of 2020" line "Kenya,KEN,2023,2,2,up,2 Watch List,2020,false,The Government of Kenya does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so; therefore Kenya was upgraded to Tier 2.,overview,1,"
run $U tiers --content "$corpus" "south korea" --format csv
expect "csv: South Korea 2022 down, an excerpt, its sentence" line "South Korea,KOR,2022,2,2,down,1,2021,true,Therefore South Korea was downgraded to Tier 2.,overview,1,"
expect "csv: South Korea 2023 up" line "South Korea,KOR,2023,1,1,up,2,2022,false,Therefore South Korea was upgraded to Tier 1.,overview,1,"
run $U tiers --content "$corpus" SOM --format csv
expect "csv: Somalia Special Case, off the scale" line "Somalia,SOM,2019,Special Case,,first,,,false,Somalia remains a Special Case for the ninth consecutive year.,overview,1,"
expect "csv: Somalia 2021 changed from Special Case to Tier 3" sh -c "grep -q '^Somalia,SOM,2021,3,3,changed,Special Case,2020,false,\"The Government of Somalia .*therefore Somalia was placed on Tier 3\.\",overview,1,\$' '$tmp/out'"
expect "csv: Somalia 2023 changed back" line "Somalia,SOM,2023,Special Case,,changed,3,2022,false,Somalia is a Special Case.,overview,1,"
run $U tiers --content "$corpus" palau --format csv
expect "csv: Palau absent before 2021" line "Palau,PLW,2019,,,absent,,,,,,,"
expect "csv: Palau 2022, the sentence disagrees" line "Palau,PLW,2022,2,2,same,2,2021,false,Therefore Palau was downgraded to Tier 2 Watch List.,overview,1,disagrees"
run $U tiers --content "$corpus" dprk --format csv
expect "csv: North Korea: Tier 3 in five editions, the last an excerpt" sh -c "[ \$(grep -c '^North Korea,PRK,20[12][0-9],3,3,' '$tmp/out') -eq 5 ] && grep -q '^North Korea,PRK,2023,3,3,same,3,2022,true,\".*remained on Tier 3\.\",overview,1,\$' '$tmp/out'"

# --- JSON --------------------------------------------------------------------
run $U tiers --content "$corpus" kenya --format json
expect "json: the Watch List year, its scale, change and flag" has '{"year":2020,"tier":"2 Watch List","scale":2.5,"change":"down","previous":{"tier":"2","year":2019},"excerpt":false,"reason":null,"flag":"unexplained"}'
expect "json: an absent year" has '{"year":2021,"tier":null,"scale":null,"change":"absent","previous":{"tier":"2 Watch List","year":2020},"excerpt":null,"reason":null,"flag":null}'
run $U tiers --content "$corpus" palau --format json
expect "json: the sentence, where, what it says" has '"reason":{"sentence":"Therefore Palau was downgraded to Tier 2 Watch List.","section":"overview","paragraph":1,"says":"downgraded","tier":"2 Watch List"},"flag":"disagrees"}'
run $U tiers --content "$corpus" --year 2021 --format json
expect "json: an edition's counts" has '"counts":{"1":1,"2":1,"2 Watch List":0,"3":2,"Special Case":0,"none":0}'
expect "json: the country the edition lost" has '{"country":"kenya","name":"Kenya","iso3":"KEN","year":2021,"tier":null,"scale":null,"change":"absent","previous":{"tier":"2 Watch List","year":2020}'
run $U tiers --content "$corpus" --format json
expect "json: counts of every edition" has '{"year":2022,"counts":{"1":0,"2":2,"2 Watch List":0,"3":2,"Special Case":0,"none":1},"total":5}'

# --- text --------------------------------------------------------------------
run $U tiers --content "$corpus" kenya --width 80 --color never
expect "text: the flag of a change without a reason" sh -c "grep -A1 '^2020  Tier 2 Watch List  2.5  down from Tier 2\$' '$tmp/out' | grep -qx '      ! unexplained: the narrative gives no sentence placing the country'"
expect "text: a change across a missing year names the year" line "2023  Tier 2             2    up from Tier 2 Watch List in 2020"
run $U tiers --content "$corpus" --year 2022 --width 80 --color never
expect "text: an edition's tiers and their countries" sh -c "grep -qx 'Tier 2: Palau, South Korea (excerpt)' '$tmp/out' && grep -qx 'no tier: Kenya (excerpt)' '$tmp/out'"
expect "text: a flagged country is listed among the changes" sh -c "grep -A2 '^  Palau: Tier 2, same\$' '$tmp/out' | grep -q '! disagrees: the narrative says downgraded to Tier 2 Watch List'"

# --- golden files: the text, CSV and JSON of every country and edition --------
for f in text csv json; do
	: >"$tmp/all"
	for c in korea-north korea-south kenya somalia palau; do
		LC_ALL=$U "$TIPR" tiers --content "$corpus" "$c" --format $f --width 80 --color never >>"$tmp/all" 2>&1
	done
	for y in 2019 2020 2021 2022 2023; do
		LC_ALL=$U "$TIPR" tiers --content "$corpus" --year $y --format $f --width 80 --color never >>"$tmp/all" 2>&1
	done
	LC_ALL=$U "$TIPR" tiers --content "$corpus" --format $f --width 80 --color never >>"$tmp/all" 2>&1
	[ -n "${TIPR_UPDATE_GOLDEN:-}" ] && cp "$tmp/all" "$gold/all.$f"
	if cmp -s "$tmp/all" "$gold/all.$f"; then ok "golden all.$f: every country, every edition, the shares"; else
		not_ok "golden all.$f"; diff "$gold/all.$f" "$tmp/all" | head -20 | sed 's/^/# /'; fi
done

# --- pictures, exactly: strip, map, shares, by year ---------------------------
for w in 80 120; do
	golden strip-$w.txt $U tiers --content "$corpus" kenya --width $w --color never
	golden strip-$w-color.txt $U tiers --content "$corpus" kenya --width $w --color always
	golden map-$w.txt $U tiers --content "$corpus" --year 2023 --map --width $w --color never
	golden map-$w-color.txt $U tiers --content "$corpus" --year 2023 --map --width $w --color always
	golden shares-$w.txt $U tiers --content "$corpus" --width $w --color never
	golden shares-$w-color.txt $U tiers --content "$corpus" --width $w --color always
	cols=$w
	golden byyear-$w.txt $U search --content "$corpus" '"remained on"' --by-year --color never
	golden byyear-$w-color.txt $U search --content "$corpus" '"remained on"' --by-year --color always
	cols=
done
golden strip-ascii.txt C tiers --content "$corpus" kenya --width 80 --color never
golden strip-ascii-color.txt C tiers --content "$corpus" kenya --width 80 --color always
golden map-ascii.txt C tiers --content "$corpus" --year 2023 --map --width 80 --color never
golden shares-ascii-color.txt C tiers --content "$corpus" --width 80 --color always
cols=80
golden byyear-ascii.txt C search --content "$corpus" '"remained on"' --by-year --color never
cols=

run $U tiers --content "$corpus" --year 2023 --map --width 80 --color never
# widest FILE: the widest line's display width.
widest() { LC_ALL=$U wc -L <"$1"; }
expect "map: every line within 80 columns" [ "$(widest "$tmp/out")" -le 80 ]
expect "map: a tile per country, the known ones marked" sh -c "grep -q 'KOR1' '$tmp/out' && grep -q 'KEN2' '$tmp/out' && grep -q 'PLWW' '$tmp/out' && grep -q 'PRK3' '$tmp/out' && grep -q 'SOMS' '$tmp/out' && [ \$(LC_ALL=$U grep -o '[A-Z][A-Z][A-Z][123WS?·]' '$tmp/out' | wc -l) -eq \$(grep -c '^  - slug:' '$TIPR_SRCDIR/content/countries.yaml') ]"
NO_COLOR=1 LC_ALL=$U "$TIPR" tiers --content "$corpus" --year 2023 --map --width 80 >"$tmp/out" 2>&1
expect "NO_COLOR: no escape bytes" sh -c "! grep -q \"\$(printf '\\033')\" '$tmp/out'"
run $U tiers --content "$corpus" kenya --color never
expect "without --width: 80 columns when not a terminal" sh -c "[ $(widest "$tmp/out") -le 80 ] && grep -qx '· not in the report' '$tmp/out'"

# --- search --by-year ---------------------------------------------------------
run $U search --content "$corpus" '"remained on"' --by-year --format json
expect "by year, json" sh -c "grep -qF '{\"year\":2019,\"narratives\":4,\"matching\":3}' '$tmp/out' && grep -qF '{\"year\":2023,\"narratives\":5,\"matching\":1}' '$tmp/out'"
run $U search --content "$corpus" '"remained on"' --by-year --country kenya --format json
expect "by year within a country" sh -c "grep -qF '{\"year\":2019,\"narratives\":1,\"matching\":1}' '$tmp/out' && grep -qF '{\"year\":2021,\"narratives\":0,\"matching\":0}' '$tmp/out'"
run $U search --content "$corpus" zzyzx --by-year
expect "by year, no match: exit 1, said" sh -c "[ $st -eq 1 ] && grep -q 'no match' '$tmp/err'"

# --- what goes wrong ----------------------------------------------------------
run $U tiers --help
expect "--help" sh -c "[ $st -eq 0 ] && grep -q '^Usage: tipr tiers COUNTRY' '$tmp/out'"
for args in "kenya --year 2021" "--map" "--year 2021 --map --format csv" "--format xml" "kenya palau" "--year soon" "--width 5" "--bogus"; do
	# shellcheck disable=SC2086
	run $U tiers --content "$corpus" $args
	expect "usage error: tiers $args: exit 2" sh -c "[ $st -eq 2 ] && grep -q 'tipr tiers' '$tmp/err'"
done
run $U tiers --content "$corpus" atlantis
expect "an unknown country: exit 1" sh -c "[ $st -eq 1 ] && grep -q \"no country matches 'atlantis'\" '$tmp/err'"
run $U tiers --content "$corpus" japan
expect "a country without narratives: exit 1" sh -c "[ $st -eq 1 ] && grep -q 'no narrative for Japan' '$tmp/err'"
run $U tiers --content "$corpus" --year 2018
expect "an edition not in the content: exit 1, the editions there are" sh -c "[ $st -eq 1 ] && grep -q 'no 2018 edition in the content; editions: 2019, 2020, 2021, 2022, 2023' '$tmp/err'"
mkdir -p "$tmp/comm" && cp -R "$TIPR_SRCDIR/content/commentary" "$tmp/comm/"
run $U tiers --content "$tmp/comm"
expect "no annual report: exit 1" sh -c "[ $st -eq 1 ] && grep -q 'no annual report' '$tmp/err'"

# A broken narrative is reported as FILE:LINE:COL; the rest still counts.
cp -R "$corpus" "$tmp/c" && chmod -R u+w "$tmp/c" # a distributed tree is read-only
printf 'country: palau\nyear: 2022\ntier: [2\n' >"$tmp/c/tip/2022/palau.yaml"
run $U tiers --content "$tmp/c" palau --format csv
expect "a broken file: FILE:LINE:COL, the year unknown, the rest right" sh -c "[ $st -eq 0 ] && grep -q 'palau.yaml:[0-9]*:[0-9]*: error' '$tmp/err' && grep -qx 'Palau,PLW,2022,,,unknown,2,2021,,,,,' '$tmp/out' && grep -q '^Palau,PLW,2023,2 Watch List,2.5,down,2,2021,' '$tmp/out'"
run $U tiers --content "$tmp/c" --year 2022 --format csv
expect "  ...and in the edition's placements" sh -c "[ $st -eq 0 ] && grep -q 'palau.yaml:[0-9]*:[0-9]*: error' '$tmp/err' && grep -q '^South Korea,KOR,2022,2,' '$tmp/out'"

# Hostile text in the sentence and the collection's title: inert in text,
# escaped in JSON.
printf 'title: "Report \\e]0;title\\a"\nkind: annual-report\n' >"$tmp/c/tip/collection.yaml"
printf 'country: palau\nyear: 2022\ntier: "2"\ncomplete: true\nsections:\n  - id: overview\n    text: "Therefore \\e]0;pwned\\a Palau \\u202e remained on Tier 2."\n' >"$tmp/c/tip/2022/palau.yaml"
run $U tiers --content "$tmp/c" palau --color always
expect "hostile text: only tipr's SGR, the controls shown" sh -c "! LC_ALL=C sed 's/\x1b\[[0-9;]*m//g' '$tmp/out' | od -An -tx1 | grep -q ' 1b' && grep -qF '^[]0;pwned^G Palau <U+202E> remained on Tier' '$tmp/out' && grep -qF 'Report ^[]0;title^G, 2019-2023' '$tmp/out'"
run $U tiers --content "$tmp/c" palau --format json
expect "  ...escaped in JSON" has '"sentence":"Therefore \u001b]0;pwned\u0007 Palau \u202e remained on Tier 2."'
echo "1..$n"
exit 0
