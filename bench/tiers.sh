#!/bin/sh
# tipr tiers and tipr search --by-year on the synthetic corpus (25 editions
# x 190 countries, bench/gen-corpus.sh, shared with bench/search.sh), each
# against the grep pipeline that gives the same counts from the files
# (hyperfine, whole process, page cache warm for both).
#   bench/tiers.sh TIPR SRCDIR BUILDDIR
set -eu
tipr=$1 srcdir=$2 build=$3
corpus=$build/bench/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TIPR_DATADIR="$srcdir" XDG_CACHE_HOME="$tmp/cache" LANG=C.UTF-8 LC_ALL=C.UTF-8
if [ ! -f "$corpus/tip/2025/zimbabwe.yaml" ]; then
	echo "Generating the synthetic corpus in $corpus ..."
	"$srcdir/bench/gen-corpus.sh" "$srcdir" "$corpus" 25
fi
echo "Tiers benchmark: $(find "$corpus/tip" -name '*.yaml' ! -name collection.yaml | wc -l) documents, $(du -sh "$corpus" | cut -f1)"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
if ! command -v hyperfine >/dev/null 2>&1; then
	echo "(hyperfine not installed: apt-get install hyperfine)"
	exit 0
fi
t="$tipr --content $corpus"
# The search cache is built once, outside the timings.
$t search '"forced labor"' >/dev/null
grep -rc '^tier:' "$corpus/tip" >/dev/null
bench() {
	echo
	echo "$1"
	shift
	hyperfine --warmup 2 --runs "${BENCH_RUNS:-20}" -i --style basic "$@" 2>&1 | grep -v '^ *$'
}
bench "A country's tiers, 25 editions (tipr reads every narrative for its reasons):" \
	"$t tiers korea-north --format csv" \
	"grep -H '^tier:' $corpus/tip/*/korea-north.yaml"
bench "An edition's placements, 190 narratives (tipr reads each for its reason):" \
	"$t tiers --year 2013 --format csv" \
	"sh -c \"grep -h '^tier:' $corpus/tip/2013/*.yaml | sort | uniq -c\""
bench "An edition's tile map (headers only):" \
	"$t tiers --year 2013 --map --color always" \
	"sh -c \"grep -h '^tier:' $corpus/tip/2013/*.yaml | sort | uniq -c\""
bench "The share of each tier in every edition, 4,775 headers:" \
	"$t tiers --format csv" \
	"sh -c \"grep -r '^tier:' $corpus/tip | sed 's|.*/tip/\\([0-9]*\\)/[^:]*:tier: |\\1 |' | sort | uniq -c\""
bench "Narratives matching a phrase per edition (tipr with its search cache):" \
	"$t search '\"forced labor\"' --by-year --format json" \
	"sh -c \"grep -rli 'forced labor' $corpus/tip | sed 's|.*/tip/\\([0-9]*\\)/.*|\\1|' | sort | uniq -c\""
