#!/bin/sh
# tipr diff against git diff --no-index --word-diff (and wdiff) on the same
# texts, as ratios of medians taken in one run: North Korea 2021 -> 2022,
# then synthetic 50,000-word pairs, similar and unrelated
# (bench/gen-diff-pair.sh); peak memory; then the held-out set of known edits
# scored for tipr and for git (tests/e2e/diff_eval.sh).
#   bench/diff.sh TIPR SRCDIR
# Needs hyperfine and jq (Debian packages hyperfine, jq); wdiff if installed.
set -eu
tipr=$1 srcdir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TIPR_DATADIR="$srcdir" LANG=C.UTF-8 LC_ALL=C.UTF-8
for tool in hyperfine jq git; do
	command -v $tool >/dev/null 2>&1 || { echo "bench/diff.sh: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
if ldd "$tipr" | grep -q libicuuc; then
	echo "tipr: ICU linked dynamically ($(du -k "$tipr" | cut -f1) KB)"
else
	echo "tipr: ICU linked statically, --enable-static-icu ($(du -k "$tipr" | cut -f1) KB)"
fi

# Each command against git: ROUNDS rounds of RUNS runs each, the commands
# in turn within a round, the ratio of medians taken per round and its median
# given (a shared machine's speed drifts; rounds keep the pairs close).
compare() { # LABEL TIPR_COMMAND A.txt B.txt
	label=$1 cmd=$2 a=$3 b=$4
	set -- "$cmd" "git diff --no-index --word-diff $a $b"
	command -v wdiff >/dev/null && set -- "$@" "wdiff $a $b"
	: >"$tmp/rounds"
	for round in $(seq "${BENCH_ROUNDS:-5}"); do
		hyperfine -N -i --warmup 2 --runs "${BENCH_RUNS:-10}" --style none --export-json "$tmp/h.json" "$@" \
			>/dev/null 2>&1
		jq -c '[.results[].median]' "$tmp/h.json" >>"$tmp/rounds"
	done
	jq -rs --arg name "$label" --argjson n $# '
		def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
		def r2: . * 100 | round / 100;
		"\($name):",
		(range($n) as $i | [.[][$i]] as $t | [.[] | .[$i] / .[1]] as $x |
		 "  \(["tipr diff", "git diff", "wdiff"][$i])\t\($t | median * 1000 | r2) ms\t\($x | median | r2)x git (rounds \($x | min | r2)-\($x | max | r2))")
	' "$tmp/rounds"
}

"$tipr" show korea-north 2021 --width 100 --color never >"$tmp/a.txt"
"$tipr" show korea-north 2022 --width 100 --color never >"$tmp/b.txt"
compare "North Korea 2021 -> 2022 ($(cat "$tmp/a.txt" "$tmp/b.txt" | wc -w) words)" \
	"$tipr diff korea-north 2021 2022 --color never --width 160" "$tmp/a.txt" "$tmp/b.txt"
for kind in similar unrelated; do
	"$srcdir/bench/gen-diff-pair.sh" "$srcdir" "$tmp/$kind" 50000 "$kind"
	"$tipr" show kenya 2001 --content "$tmp/$kind" --width 100 --color never >"$tmp/$kind-a.txt"
	"$tipr" show kenya 2002 --content "$tmp/$kind" --width 100 --color never >"$tmp/$kind-b.txt"
	compare "synthetic $kind pair, 2 x 50,000 words" \
		"$tipr diff kenya 2001 2002 --content $tmp/$kind --color never --width 160" \
		"$tmp/$kind-a.txt" "$tmp/$kind-b.txt"
	/usr/bin/time -f "%M" -o "$tmp/time" "$tipr" diff kenya 2001 2002 --content "$tmp/$kind" --stat >"$tmp/stat"
	echo "  tipr peak $(cat "$tmp/time") KB, similarity $(awk '/^whole/ { print $3 }' "$tmp/stat")"
done
"$srcdir/bench/gen-diff-pair.sh" "$srcdir" "$tmp/big" 100000 similar
/usr/bin/time -f "%e %M" -o "$tmp/time" "$tipr" diff kenya 2001 2002 --content "$tmp/big" --stat >/dev/null
printf 'synthetic similar pair, 2 x 100,000 words: %.0f ms, peak %s KB (linear in input)\n' \
	"$(awk '{ print $1 * 1000 }' "$tmp/time")" "$(awk '{ print $2 }' "$tmp/time")"
echo
echo "Known edits (tests/e2e/diff_eval.sh, $(grep -c '^===' "$srcdir/tests/e2e/diff-eval.cases") cases):"
TIPR=$tipr TIPR_SRCDIR=$srcdir sh "$srcdir/tests/e2e/diff_eval.sh" --score | sed 's/^/  /'
