#!/bin/sh
# Scale: a synthetic corpus of 25 editions x 190 countries (bench/gen-corpus.sh),
# start-up against the bundled corpus, tipr search against grep -ri in the
# same run (first search and with the index), the index's size, build time
# and memory, and search as you type in the reader.
#   bench/search.sh TIPR PTYTIME SRCDIR BUILDDIR
# BENCH_RUNS sets the runs of each measurement (default 15).
set -eu
tipr=$1 ptytime=$2 srcdir=$3 build=$4
runs=${BENCH_RUNS:-15}
corpus=$build/bench/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/none" # an empty key script: start, then stop
export TIPR_DATADIR="$srcdir" XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8 LC_ALL=C.UTF-8
if [ ! -f "$corpus/tip/2025/zimbabwe.yaml" ]; then
	echo "Generating the synthetic corpus in $corpus ..."
	/usr/bin/time -f "  generated in %e s" "$srcdir/bench/gen-corpus.sh" "$srcdir" "$corpus" 25
fi
# Caches keep only what changed over two seconds ago: a corpus just made is
# not cached yet.  Wait for that, as a user's corpus would be.
while [ -n "$(find "$corpus/" -newermt '-3 seconds' -print -quit)" ]; do sleep 0.2; done
docs=$(find "$corpus/" -name '*.yaml' ! -name countries.yaml ! -name collection.yaml | wc -l)
echo "Scale benchmark: $docs documents, $(du -sh "$corpus/" | cut -f1) of content"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s%N; }
# MEDIAN MIN MAX (ms) of the numbers (ns) in a file, one a line.
stats() { sort -n "$1" | awk '{ v[NR] = $1 / 1e6 } END { printf "%.1f %.1f %.1f", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
# Times a shell command line, runs times: median, min and max in ms.
time_sh() {
	: >"$tmp/times"
	i=0
	while [ $i -lt "$runs" ]; do
		t=$(now)
		sh -c "$1"
		echo $(($(now) - t)) >>"$tmp/times"
		i=$((i + 1))
	done
	stats "$tmp/times"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "Start-up with the caches warm (records, listings, countries), median and min of 40,"
echo "the two corpora in turn (ptytime's peer), with the median of the 40 pairs' ratios:"
"$tipr" list --content "$corpus" >/dev/null
"$tipr" list >/dev/null
set -- $("$ptytime" -r 40 -q q "Trafficking in Persons Report" "$tipr" --content "$corpus" korea-north 2022 \
	::: "$tipr" korea-north 2022)
echo "  first frame, bundled corpus     $3 ms (min $4)"
echo "  first frame, synthetic corpus   $1 ms (min $2)   $5x (pairs' median), $(ratio "$1" "$3")x (medians), min $(ratio "$2" "$4")x"
set -- $(time_sh "exec '$tipr' list --content '$corpus' >/dev/null") ; lbig=$1 lbigmin=$2
set -- $(time_sh "exec '$tipr' list >/dev/null") ; lsmall=$1 lsmallmin=$2
echo "  tipr list, bundled corpus       $lsmall ms (min $lsmallmin)"
echo "  tipr list, synthetic corpus     $lbig ms (min $lbigmin)   $(ratio "$lbig" "$lsmall")x, min $(ratio "$lbigmin" "$lsmallmin")x"
/usr/bin/time -f "%M" -o "$tmp/m1" "$tipr" --script "$tmp/none" --content "$corpus" >/dev/null 2>&1 || true
/usr/bin/time -f "%M" -o "$tmp/m2" "$tipr" --script "$tmp/none" >/dev/null 2>&1 || true
echo "  peak memory at start-up: bundled $(cat "$tmp/m2") KB, synthetic $(cat "$tmp/m1") KB"

for query in '"forced labor"' 'prison camps'; do
	echo
	echo "tipr search '$query' against grep -ri over the whole corpus (page cache warm;"
	echo "median, min and max of $runs runs, ms; every command's output read through a pipe):"
	pattern=$(printf '%s' "$query" | tr -d '"')
	grep -ri "$pattern" "$corpus" >/dev/null
	# GNU grep stops reading a file at its first match when its output is
	# /dev/null: that is not the full result, shown for comparison only.
	set -- $(time_sh "grep -ri '$pattern' '$corpus' >/dev/null"); gnull=$1
	set -- $(time_sh "grep -ri '$pattern' '$corpus' | cat >/dev/null"); g=$1 gmin=$2 gmax=$3
	echo "  grep -ri | cat (the full result)        $g ($gmin-$gmax)"
	echo "  grep -ri >/dev/null (stops at a file's first match)  $gnull"
	# The first search: the corpus read while the index is built.  Its
	# results are complete when its output ends (the index is built after).
	: >"$tmp/eof"
	: >"$tmp/exit"
	i=0
	while [ $i -lt "$runs" ]; do
		rm -f "$XDG_CACHE_HOME"/tipr/search-*
		t=$(now)
		"$tipr" search "$query" --content "$corpus" 2>/dev/null | { cat >/dev/null; echo $(($(now) - t)) >>"$tmp/eof"; }
		echo $(($(now) - t)) >>"$tmp/exit"
		i=$((i + 1))
	done
	set -- $(stats "$tmp/eof"); first=$1 fmin=$2 fmax=$3
	set -- $(stats "$tmp/exit"); whole=$1
	echo "  first search, to its full result        $first ($fmin-$fmax)   $(ratio "$first" "$g")x grep (goal: 3x)"
	echo "  first search, to the index built        $whole"
	set -- $(time_sh "exec '$tipr' search '$query' --content '$corpus' | cat >/dev/null"); cached=$1 cmin=$2 cmax=$3
	echo "  with the index                          $cached ($cmin-$cmax)   $(ratio "$g" "$cached")x faster than grep (goal: 10x)"
	rm -f "$XDG_CACHE_HOME"/tipr/search-*
	/usr/bin/time -f "%M" -o "$tmp/m1" "$tipr" search "$query" --content "$corpus" >/dev/null 2>&1
	/usr/bin/time -f "%M" -o "$tmp/m2" "$tipr" search "$query" --content "$corpus" >/dev/null 2>&1
	echo "  peak memory: first search $(cat "$tmp/m1") KB, with the index $(cat "$tmp/m2") KB"
	"$tipr" search "$query" --content "$corpus" --format json 2>/dev/null | tail -1 | sed 's/^\],/  /; s/}$//'
done
echo
echo "  index: $(du -h "$XDG_CACHE_HOME"/tipr/search-*.bin | cut -f1) for $(du -sh "$corpus/" | cut -f1) of content"

echo
echo "Search as you type in the reader (script mode, per key, including the redraw):"
printf 'S\n:bench 1 "forced labor"\n:bench 1 <BS><BS><BS><BS><BS><BS>\n:bench 1 zzq\n' >"$tmp/keys"
"$tipr" --script "$tmp/keys" --size 120x40 --content "$corpus"
