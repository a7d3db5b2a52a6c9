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

echo "1..14"
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
expect "colour: deletions and insertions coloured, no marks" sh -c "grep -q \"\$(printf '\\033')\\[31m\" '$tmp/out' && ! grep -qF '[-' '$tmp/out'"
"$TIPR" recs dprk --color never >"$tmp/out" 2>&1
expect "recs: kept, reworded, dropped across 2021-2023" sh -c "grep -q 'new  *kept  *kept  *Eliminate coercion tactics' '$tmp/out' && grep -q 'new  *kept  *dropped  *End the practice of summary' '$tmp/out'"
"$TIPR" recs dprk --format json >"$tmp/json" 2>&1 && "$TIPR" recs dprk --format csv >"$tmp/csv" 2>&1
expect "recs: json and csv" sh -c "grep -q '\"state\":\"reworded\"' '$tmp/json' && grep -q '^3,2023,kept,Eliminate coercion' '$tmp/csv'"
