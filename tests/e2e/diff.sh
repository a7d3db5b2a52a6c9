#!/bin/sh
# tipr diff and tipr recs on the bundled North Korea narratives.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out" | head -20; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
has() { grep -qF -- "$1" "$tmp/out"; }

echo "1..24"
"$TIPR" diff dprk 2021 2022 --width 120 --color never >"$tmp/out" 2>&1
expect "side by side: exit 0 although the texts differ" [ $? -eq 0 ]
expect "a renaming is a word change inside the sentence" has "therefore [-North Korea-]"
expect "both columns fit the width" [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$tmp/out")" -le 130 ]
expect "section headings carry their similarity" grep -q "^Prioritized Recommendations [0-9]*% similar" "$tmp/out"
"$TIPR" diff dprk 2021 2022 --inline --width 80 --color never >"$tmp/out" 2>&1
expect "--inline: marks in place" has "[-China-] {+the PRC+}"
expect "--inline: the new 2020 law is inserted" has "{+In addition, following the enactment in December 2020"
"$TIPR" diff dprk 2021 2022 --stat >"$tmp/out" 2>&1
expect "--stat: per-section counts and the whole" sh -c "grep -q '^recommendations .* 3 ' '$tmp/out' && grep -q '^whole narrative' '$tmp/out'"
"$TIPR" diff dprk 2021 2022 --section prosecution --color never >"$tmp/out" 2>&1
expect "--section: only that section" sh -c "grep -q '^Prosecution' '$tmp/out' && ! grep -q '^Protection' '$tmp/out'"
"$TIPR" diff dprk 2021 1999 >"$tmp/out" 2>&1
expect "a missing edition: exit 1 with the years there are" [ $? -eq 1 ]
"$TIPR" diff dprk 2021 >"$tmp/out" 2>&1
expect "too few arguments: exit 2" [ $? -eq 2 ]
NO_COLOR=1 "$TIPR" diff dprk 2021 2022 --color auto >"$tmp/out" 2>&1
expect "no colour: no escape bytes" sh -c "! grep -q \"\$(printf '\\033')\" '$tmp/out'"
"$TIPR" diff dprk 2021 2022 --color always >"$tmp/out" 2>&1
expect "colour: deletions and insertions in the theme's colours, no marks" sh -c "grep -q \"\$(printf '\\033')\\[30;41m\" '$tmp/out' && grep -q \"\$(printf '\\033')\\[30;42m\" '$tmp/out' && ! grep -qF '[-' '$tmp/out'"
COLUMNS=80 "$TIPR" recs dprk --color never >"$tmp/out" 2>&1
expect "recs: the first edition is first seen, kept across 2021-2023" sh -c "grep -A1 '^   3  1st seen    kept        kept\$' '$tmp/out' | grep -q '^      Eliminate coercion tactics'"
expect "recs: what the 2023 excerpt lacks is not in this excerpt, never dropped" sh -c "grep -q '2023 is an excerpt' '$tmp/out' && grep -q '^   2  1st seen    kept        (excerpt)\$' '$tmp/out' && ! grep -q dropped '$tmp/out'"
expect "recs: each recommendation whole, wrapped within 80 columns" sh -c "grep -q '^      countries\.\$' '$tmp/out' && [ \$(awk '/^      / { if (length(\$0) > m) m = length(\$0) } END { print m }' '$tmp/out') -le 80 ]"
"$TIPR" recs dprk --format json >"$tmp/json" 2>&1 && "$TIPR" recs dprk --format csv >"$tmp/csv" 2>&1
expect "recs: json and csv" sh -c "grep -q '\"state\":\"reworded\"' '$tmp/json' && grep -q '^3,2023,kept,Eliminate coercion' '$tmp/csv' && grep -q '^2,2023,not in this excerpt,' '$tmp/csv'"
"$TIPR" recs dprk --format md >"$tmp/out" 2>&1
expect "recs --format md: a table, and rewordings struck and bold" sh -c "grep -q '^| 2 | first seen | kept | not in this excerpt | End the practice of summary' '$tmp/out' && grep -q '^- \*\*5, 2022\*\* (89% similar): .* ~~North Korean~~ victims' '$tmp/out'"
mkdir -p "$tmp/none/tip/2021" "$tmp/none/tip/2022"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$tmp/none/tip/"
for y in 2021 2022; do
	printf 'country: kenya\nyear: %s\ntier: "2"\ntitle: Kenya\ncomplete: true\nsections:\n  - id: overview\n    title: Overview\n    text: |\n      The government made efforts.\n' $y >"$tmp/none/tip/$y/kenya.yaml"
done
"$TIPR" recs kenya --content "$tmp/none" --color never >"$tmp/out" 2>&1
expect "recs: a country without recommendations says so" grep -q '^Kenya: no prioritized recommendations in any edition, 2021-2022' "$tmp/out"
"$TIPR" diff dprk 2021 2022 --format json >"$tmp/json" 2>&1
"$TIPR" diff dprk 2022 2021 --format json >"$tmp/json2" 2>&1
expect "--format json: the moved and reworded overview sentence is moved, with its word changes" sh -c "jq -e '[.sections[0].pairs[] | select(.kind == \"moved\" and (.a | test(\"forced labor in mass mobilizations\")) and (.b | test(\"human trafficking in prison camps\")))] | length == 1 and (.[0].words | map(select(.op == \"insert\" and .text == \"human trafficking\")) | length) == 1' '$tmp/json' >/dev/null"
expect "--format json: the same figures whichever year is on the left" sh -c "[ \"\$(jq -c '[.similarity, (.sections[] | [.id, .similarity, .counts.changed, .counts.moved, .counts.added + .counts.removed])]' '$tmp/json')\" = \"\$(jq -c '[.similarity, (.sections[] | [.id, .similarity, .counts.changed, .counts.moved, .counts.added + .counts.removed])]' '$tmp/json2')\" ]"
"$TIPR" diff dprk 2022 2023 --stat >"$tmp/out" 2>&1
expect "--stat: the excerpt said, its missing sections not in it, none removed" sh -c "grep -q '^2023 is an excerpt' '$tmp/out' && grep -q '^prosecution  *-  *0  *0  *0  *0  *0  *4\$' '$tmp/out' && grep -q '^overview  *95%  *2  *2  *0  *0  *0  *0\$' '$tmp/out'"
"$TIPR" diff dprk 2022 2023 --inline --color never >"$tmp/out" 2>&1
expect "no-break spaces between sentences are no change" sh -c "grep -q '^Overview 95% similar: 2 changed' '$tmp/out' && ! grep -qF '{+ ' '$tmp/out'"
"$TIPR" diff dprk 2022 2023 --width 80 --color never >"$tmp/out" 2>&1
expect "side by side at 80 columns, each column headed by its edition" sh -c "grep -q '^2022 · Tier 3  *│ 2023 · Tier 3 · excerpt\$' '$tmp/out' && grep -q '^Prosecution (not in the 2023 excerpt) 4 not in this excerpt' '$tmp/out'"
"$TIPR" diff dprk 2021 2022 --format yaml >"$tmp/out" 2>&1
expect "--format: an unknown format is a usage error" [ $? -eq 2 ]
