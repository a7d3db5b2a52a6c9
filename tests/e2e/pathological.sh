#!/bin/sh
# Pathological input finishes in bounded time or is refused with a message
# naming the file: 100,000 nested brackets (libyaml alone would take ~18 s),
# 100 MB of one paragraph in content and in raw text, 3 MB paragraphs (of
# words, and of one word) that are allowed (shown, read to the end in the
# reader), a million bullets and 40 MB of one unbroken paragraph for the
# importer; forty editions read one after another (the reader keeps 32
# documents loaded besides those shown: the oldest are unloaded and fold in
# the tree, and what is shown stays right).  Each run has a generous time limit (sanitizer builds are
# slower); the times are printed.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" TIPR_CONTENT=
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" | cut -c1-200 | head -5; }
ms() { date +%s%N | cut -c1-13; }
# bounded SECONDS DESC CHECK CMD...: runs CMD (output in $tmp/out) within
# SECONDS, then evaluates CHECK (a shell condition; $status is the exit).
bounded() {
	limit=$1 desc=$2 check=$3
	shift 3
	t0=$(ms)
	timeout "$limit" "$@" >"$tmp/out" 2>&1
	status=$?
	took=$(($(ms) - t0))
	if [ "$status" -ne 124 ] && eval "$check"; then
		ok "$desc ($took ms)"
	else
		not_ok "$desc (exit $status, $took ms)"
	fi
}
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }

echo "1..11"
c=$tmp/c
mkdir -p "$c/tip/2022"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$c/tip/"
{
	printf 'country: kenya\nyear: 2022\nsections: '
	repeat '[' 100000
	repeat ']' 100000
	printf '\n'
} >"$c/tip/2022/kenya.yaml"
bounded 60 "100,000 nested brackets: refused early, with the position" \
	'[ $status -eq 1 ] && grep -q "kenya.yaml:3:[0-9]*: error: .*nested too deeply" "$tmp/out"' \
	"$TIPR" check "$c"

{
	printf 'country: kenya\nyear: 2022\nsections:\n  - id: overview\n    text: "'
	repeat a 100000000
	printf '"\n'
} >"$c/tip/2022/kenya.yaml"
bounded 60 "100 MB of one paragraph in content: refused as too large" \
	'[ $status -eq 1 ] && grep -q "kenya.yaml: error: file too large" "$tmp/out"' \
	"$TIPR" check "$c"

# A 3 MB paragraph of words, then one 3 MB word (a "huge line": wrapping
# measured the rest of the word again for every line, 35 s, before).
for kind in words word; do
	what="of words"
	[ $kind = word ] && what="that is one word"
	{
		printf 'country: kenya\nyear: 2022\ntier: "2"\nsections:\n  - id: overview\n    title: Overview\n    text: "'
		if [ $kind = words ]; then repeat '@' 3000000 | sed 's/@@@@@/word /g'; else repeat 'w' 3000000; fi
		printf ' end."\n'
	} >"$c/tip/2022/kenya.yaml"
	bounded 60 "a 3 MB paragraph $what (within the limits): shown whole" \
		'[ $status -eq 0 ] && [ "$(wc -c <"$tmp/out")" -gt 3000000 ] && grep -q "end\\." "$tmp/out"' \
		"$TIPR" --content "$c" show kenya 2022
	printf 'G\n:dump\n' >"$tmp/keys"
	bounded 60 "...and read to its end in the reader" \
		'[ $status -eq 0 ] && grep -q "end\\." "$tmp/out" && grep -q "100%" "$tmp/out"' \
		"$TIPR" --content "$c" --script "$tmp/keys" --size 100x30 kenya 2022
done

repeat a 100000000 >"$tmp/huge.txt"
bounded 60 "import: 100 MB of raw text refused, named" \
	'[ $status -ne 0 ] && grep -q "huge.txt: error: larger than 64 MiB" "$tmp/out"' \
	"$TIPR" import --dry-run --country kenya --year 2022 "$tmp/huge.txt"

{
	printf 'KENYA: TIER 2\nPRIORITIZED RECOMMENDATIONS:\n'
	i=0
	while [ $i -lt 10 ]; do repeat '@' 100000 | sed 's/@/\xe2\x80\xa2 Act. /g'; i=$((i + 1)); done
	printf '\n'
} >"$tmp/bullets.txt"
bounded 120 "import: a million bullets, in bounded time" '[ $status -eq 0 ]' \
	"$TIPR" import --dry-run --year 2022 "$tmp/bullets.txt"

{
	printf 'KENYA: TIER 2\nPROSECUTION\n'
	repeat 'x' 40000000
	printf '\n'
} >"$tmp/para.txt"
bounded 120 "import: 40 MB of one unbroken paragraph, in bounded time" '[ $status -eq 0 ]' \
	"$TIPR" import --dry-run --year 2022 "$tmp/para.txt"

# Forty editions read one after another, the section kept: the 32 read last
# stay loaded, the eight before unload and fold in the tree (their sections
# listed from the loaded text); the open one, the comparison's and the
# tracker's stay right.
"$TIPR_SRCDIR/bench/gen-corpus.sh" "$TIPR_SRCDIR" "$tmp/many" 40 2 >/dev/null 2>&1
{
	i=0
	while [ $i -lt 39 ]; do echo .; i=$((i + 1)); done
	printf '<Tab>g\n:dump %s\nR\nq\nD2001\n<Enter>\n:dump %s\n' "$tmp/tree" "$tmp/cmp"
} >"$tmp/keys"
bounded 120 "forty editions read in turn: the eight read first unload and fold in the tree" \
	'[ $status -eq 0 ] && grep -q "^ *▸ 2008 " "$tmp/tree" && grep -q "^ *▾ 2009 " "$tmp/tree" &&
	 grep -q "2040 › Afghanistan › Prosecution" "$tmp/tree"' \
	"$TIPR" --content "$tmp/many" --script "$tmp/keys" --size 100x30 afghanistan 2001 prosecution
if grep -q "2001 · Tier 2 .*│ 2040 · Tier 2" "$tmp/cmp" && grep -q "2001 → 2040 › Afghanistan › Prosecution" "$tmp/cmp"; then
	ok "...then compared with the 2001 edition, loaded again"
else
	cp "$tmp/cmp" "$tmp/out" 2>/dev/null
	not_ok "...then compared with the 2001 edition, loaded again"
fi
