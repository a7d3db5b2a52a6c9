#!/bin/sh
# tipr search on the bundled content: one result per place, the query
# language (phrases, OR, -word, prefix*), spellings and apostrophes, text
# and json, filters, snippets, escape sequences kept inert; the caches
# (search index, records, listings, countries): edits that keep the size
# and put the time back are seen, damaged bytes are caught and the cache
# made again, a FIFO in a cache's place is passed over; temporary files
# go with SIGINT and those of a killed search are cleaned up next time.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; [ -f "$tmp/out" ] && sed 's/^/# /' "$tmp/out" | head -20; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
has() { grep -qF -- "$1" "$tmp/out"; }
# The number of places (json "matches") for a query.
places() { "$TIPR" search --format json "$@" 2>/dev/null | sed -n 's/.*"matches":\([0-9]*\).*/\1/p'; }
# Waits (10 s at most) until the condition holds.
wait_until() { i=0; while ! eval "$1"; do i=$((i + 1)); [ $i -gt 200 ] && return 1; sleep 0.05; done; }
temps() { find "$XDG_CACHE_HOME" -name '*.tmp*' 2>/dev/null | wc -l; }
flip() { # FILE OFFSET: one byte changed in place
	b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
	printf "$(printf '\\%03o' $(( (b + 1) % 256 )))" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
inode() { ls -i "$1" | cut -d' ' -f1; }

echo "1..29"
"$TIPR" search '"law enforcement efforts"' --color never >"$tmp/out" 2>&1
expect "a phrase: exit 0" [ $? -eq 0 ]
expect "grouped by document, the match marked" sh -c "grep -q '^North Korea 2022 (Trafficking in Persons Report)' '$tmp/out' && grep -qF '»law enforcement efforts«' '$tmp/out'"
expect "the first search indexed the corpus" sh -c "ls '$tmp'/cache/tipr/search-*.bin >/dev/null"
"$TIPR" search 'fair trials' --color never >"$tmp/out" 2>&1
expect "two words: each place once, both words marked" sh -c "[ \$(grep -c 'Fair« »trials«' '$tmp/out') -eq 2 ] && [ \$(grep -c '»' '$tmp/out') -eq 2 ]"
"$TIPR" search '"LAW ENFORCEMENT efforts"' --country dprk --year 2021 --section prosecution --color never >"$tmp/out" 2>&1
expect "filters by country, year and section; case-insensitive" sh -c "[ \$(grep -c '»' '$tmp/out') -eq 1 ] && grep -q '^North Korea 2021' '$tmp/out'"
a=$(places kenya) b=$(places dprk) ab=$(places kenya OR dprk)
expect "OR: either word ($a + $b -> $ab)" [ "$ab" -ge "$a" -a "$ab" -ge "$b" -a "$ab" -le $((a + b)) ]
a=$(places '"forced labor"') b=$(places '"forced labor"' -prison) c=$(places '"forced labor"' prison)
expect "-word leaves places out ($a = $b + $c)" [ "$a" -eq $((b + c)) -a "$b" -lt "$a" ]
expect "prefix*: more than the word alone" [ "$(places 'traffick*')" -gt "$(places trafficking)" ]
expect "labour finds labor, and the other way" [ "$(places labour)" -eq "$(places labor)" -a "$(places labor)" -gt 0 ]
expect "apostrophes: People's, People’s and peoples are one word" [ "$(places "people's")" -eq "$(places peoples)" -a "$(places 'people’s')" -eq "$(places peoples)" -a "$(places peoples)" -gt 0 ]
"$TIPR" search government --color never --limit 500 >"$tmp/out" 2>&1
expect "snippets are cut at word boundaries, with an ellipsis" sh -c "grep -q '…' '$tmp/out' && ! grep -q ' …\$\|: … ' '$tmp/out'"
"$TIPR" search "people's republic" --format json >"$tmp/out" 2>&1
expect "json: results, marks, then the counts" sh -c "grep -q '^{\"results\":\[' '$tmp/out' && grep -q '\"marks\":\[\[[0-9]*,[0-9]*\]' '$tmp/out' && grep -q '\"country\":\"korea-north\"' '$tmp/out' && grep -q '^\],\"documents\":[1-9][0-9]*,\"matches\":[1-9][0-9]*}\$' '$tmp/out'"
"$TIPR" search zzyzx >"$tmp/out" 2>&1
expect "no match: exit 1" [ $? -eq 1 ]
"$TIPR" search >"$tmp/out" 2>&1
expect "no query: exit 2" [ $? -eq 2 ]
"$TIPR" search -children >"$tmp/out" 2>&1
expect "only excluded words: exit 2, said" sh -c "[ $? -eq 2 ] && grep -q 'only excluded' '$tmp/out'"
"$TIPR" search --help >"$tmp/out" 2>&1
expect "--help tells the language, spellings and apostrophes" sh -c "grep -q 'a OR b' '$tmp/out' && grep -q -- '-word' '$tmp/out' && grep -q 'prefix\*' '$tmp/out' && grep -q 'labour' '$tmp/out' && grep -q \"People's\" '$tmp/out'"

# A corpus with a narrative full of escapes and an accented country.
mkdir -p "$tmp/c/tip/2021"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$tmp/c/tip/"
printf 'country: cote-divoire\nyear: 2021\ntier: "2"\ntitle: "C\303\264te"\ncomplete: true\nsections:\n  - id: overview\n    title: Overview\n    text: "C\303\264te d\342\200\231Ivoire \\e]2;pwned\\a and cocoa \\e[31mred\\e[0m."\n' >"$tmp/c/tip/2021/cote-divoire.yaml"
"$TIPR" search cote --content "$tmp/c" --color never >"$tmp/out" 2>&1
expect "cote finds Côte" has "»Côte«"
"$TIPR" search cocoa --content "$tmp/c" --color always >"$tmp/out" 2>&1
expect "escape sequences in content stay inert, only tipr's SGR" sh -c "! LC_ALL=C sed 's/\x1b\[[0-9;]*m//g' '$tmp/out' | od -An -tx1 | grep -q ' 1b'"

# A FIFO named like a narrative: reported, never waited on (the first
# search reads the files, and so does the index built after it).
mkfifo "$tmp/c/tip/2021/kenya.yaml"
timeout 20 "$TIPR" search cocoa --content "$tmp/c" --color never >"$tmp/out" 2>&1
expect "a FIFO among the narratives: said, the others searched" sh -c "[ $? -eq 0 ] && grep -q 'kenya.yaml.*not a regular file' '$tmp/out' && grep -q '»cocoa«' '$tmp/out'"
rm -f "$tmp/c/tip/2021/kenya.yaml"

# An edit of the same size, the time put back as it was (touch -d): seen.
f="$tmp/c/tip/2021/cote-divoire.yaml"
"$TIPR" search cocoa --content "$tmp/c" >/dev/null 2>&1
stamp=$(stat -c %y "$f")
sed -i 's/cocoa/vanil/' "$f"
touch -d "$stamp" "$f"
"$TIPR" search vanil --content "$tmp/c" >"$tmp/out" 2>&1
expect "an edit that keeps the size and the time is seen" [ $? -eq 0 ]

# Each cache, a byte flipped: caught, the cache made again, the answers
# right.  The bundled corpus's caches: the index (its head and the
# documents it covers are checked on opening; every part as it is read),
# the records, the listings, the countries table.
rm -rf "$XDG_CACHE_HOME"
"$TIPR" search 'fair trials' >/dev/null 2>&1
"$TIPR" search 'fair trials' --color never >"$tmp/want" 2>&1
index=$(ls "$XDG_CACHE_HOME"/tipr/search-*.bin)
for cache in search corpus countries scan; do
	# The listings are read only when the records are not current.
	[ $cache = scan ] && rm -f "$XDG_CACHE_HOME"/tipr/corpus-*.bin
	file=$(ls "$XDG_CACHE_HOME"/tipr/$cache-*.bin 2>/dev/null | head -1)
	if [ -z "$file" ]; then
		not_ok "a byte flipped in the $cache cache: caught (there is no $cache cache)"
		continue
	fi
	size=$(stat -c %s "$file")
	was=$(inode "$file")
	if [ $cache = search ]; then at=70; else at=$((size / 2)); fi
	flip "$file" $at
	"$TIPR" search 'fair trials' --color never >"$tmp/out" 2>&1
	expect "a byte flipped in the $cache cache: caught and made again" sh -c "cmp -s '$tmp/want' '$tmp/out' && [ '$was' != \$(ls -i '$file' | cut -d' ' -f1) ]"
done

# A FIFO where the index goes: passed over, never waited on.
rm -f "$index"
mkfifo "$index"
timeout 20 "$TIPR" search 'fair trials' --color never >"$tmp/out" 2>&1
expect "a FIFO in the index's place: the search runs all the same" sh -c "[ $? -eq 0 ] && grep -q 'Fair« »trials«' '$tmp/out'"
rm -f "$XDG_CACHE_HOME"/tipr/search-*

# SIGINT while the first search indexes: no temporary file left.  SIGKILL:
# it is left, and the next search takes it away.
"$TIPR_SRCDIR/bench/gen-corpus.sh" "$TIPR_SRCDIR" "$tmp/big" 6 >/dev/null 2>&1
# (A command started with & ignores SIGINT unless told otherwise.)
env --default-signal=INT "$TIPR" search zzyzx --content "$tmp/big" >/dev/null 2>&1 &
pid=$!
wait_until '[ $(temps) -gt 0 ] || ! kill -0 $pid 2>/dev/null'
caught=$(temps)
kill -INT $pid 2>/dev/null
wait $pid
status=$?
expect "SIGINT during the first search: interrupted ($caught temporary file, status $status)" [ "$caught" -eq 1 -a $status -eq 130 ]
expect "SIGINT during the first search: no temporary file left" [ "$(temps)" -eq 0 ]
rm -f "$XDG_CACHE_HOME"/tipr/search-*
"$TIPR" search zzyzx --content "$tmp/big" >/dev/null 2>&1 &
pid=$!
wait_until '[ $(temps) -gt 0 ] || ! kill -0 $pid 2>/dev/null'
kill -KILL $pid 2>/dev/null
wait $pid
expect "SIGKILL: the temporary file stays" [ "$(temps)" -eq 1 ]
"$TIPR" search cocoa --content "$tmp/c" >/dev/null 2>&1
expect "and the next search takes it away" [ "$(temps)" -eq 0 ]
