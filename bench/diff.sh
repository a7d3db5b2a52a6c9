#!/bin/sh
# tipr diff against git diff --word-diff and wdiff on the same pair of
# narratives (North Korea 2021 -> 2022), then on synthetic 50,000-word pairs,
# similar and unrelated: time and peak memory.
#   bench/diff.sh TIPR SRCDIR
set -eu
tipr=$1 srcdir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TIPR_DATADIR="$srcdir" LANG=C.UTF-8 LC_ALL=C.UTF-8
"$tipr" show korea-north 2021 --width 100 --color never >"$tmp/a.txt"
"$tipr" show korea-north 2022 --width 100 --color never >"$tmp/b.txt"

echo "Diff benchmark: North Korea 2021 -> 2022 ($(wc -w <"$tmp/a.txt") and $(wc -w <"$tmp/b.txt") words)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
if command -v hyperfine >/dev/null 2>&1; then
	set -- "$tipr diff korea-north 2021 2022 --color never --width 160"
	command -v git >/dev/null && set -- "$@" "git diff --no-index --word-diff $tmp/a.txt $tmp/b.txt"
	command -v wdiff >/dev/null && set -- "$@" "wdiff $tmp/a.txt $tmp/b.txt"
	hyperfine -N --warmup 3 --runs "${BENCH_RUNS:-30}" -i --style basic "$@" 2>&1 | grep -v '^ *$'
else
	echo "(hyperfine not installed: apt-get install hyperfine)"
fi
echo
echo "Synthetic pairs (bench/gen-diff-pair.sh), whole process:"
for kind in similar unrelated; do
	"$srcdir/bench/gen-diff-pair.sh" "$srcdir" "$tmp/$kind" 50000 "$kind"
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$tipr" diff kenya 2001 2002 --content "$tmp/$kind" --stat >"$tmp/stat"
	printf '  %-9s 2 x 50,000 words: %6.0f ms, peak %s KB, similarity %s\n' "$kind" \
		"$(awk '{ print $1 * 1000 }' "$tmp/time")" "$(awk '{ print $2 }' "$tmp/time")" \
		"$(awk '/^whole/ { print $3 }' "$tmp/stat")"
done
"$srcdir/bench/gen-diff-pair.sh" "$srcdir" "$tmp/big" 100000 similar
/usr/bin/time -f "%e %M" -o "$tmp/time" "$tipr" diff kenya 2001 2002 --content "$tmp/big" --stat >/dev/null
printf '  %-9s 2 x 100,000 words: %5.0f ms, peak %s KB (memory linear in input)\n' similar \
	"$(awk '{ print $1 * 1000 }' "$tmp/time")" "$(awk '{ print $2 }' "$tmp/time")"
