#!/bin/sh
# Scale: a synthetic corpus of 25 editions x 190 countries (bench/gen-corpus.sh),
# start-up against the bundled corpus, tipr search against grep -ri, peak
# memory, and search-as-you-type in the reader.
#   bench/search.sh TIPR PTYTIME SRCDIR BUILDDIR
set -eu
tipr=$1 ptytime=$2 srcdir=$3 build=$4
corpus=$build/bench/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/none" # an empty key script: start, then stop
export TIPR_DATADIR="$srcdir" XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" LANG=C.UTF-8 LC_ALL=C.UTF-8
if [ ! -f "$corpus/tip/2025/zimbabwe.yaml" ]; then
	echo "Generating the synthetic corpus in $corpus ..."
	/usr/bin/time -f "  generated in %e s" "$srcdir/bench/gen-corpus.sh" "$srcdir" "$corpus" 25
fi
docs=$(find "$corpus" -name '*.yaml' ! -name countries.yaml ! -name collection.yaml | wc -l)
echo "Scale benchmark: $docs documents, $(du -sh "$corpus" | cut -f1) of content"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
ms() { awk '{ printf "%.1f", $1 * 1000 }' "$1"; }

echo
echo "Start-up, first frame of the reader (120x40 pty, median of 20):"
big=$("$ptytime" -r 20 -q q "Trafficking in Persons Report" "$tipr" --content "$corpus" korea-north 2022)
small=$("$ptytime" -r 20 -q q "Trafficking in Persons Report" "$tipr" korea-north 2022)
echo "  bundled corpus   ${small% *} ms"
echo "  synthetic corpus ${big% *} ms   ratio $(awk -v a="${big% *}" -v b="${small% *}" 'BEGIN { printf "%.2f", a / b }')x"
/usr/bin/time -f "%M" -o "$tmp/m1" "$tipr" --script "$tmp/none" --content "$corpus" >/dev/null 2>&1 || true
/usr/bin/time -f "%M" -o "$tmp/m2" "$tipr" --script "$tmp/none" >/dev/null 2>&1 || true
echo "  peak memory at start-up: bundled $(cat "$tmp/m2") KB, synthetic $(cat "$tmp/m1") KB"

echo
echo "tipr search '\"forced labor\"' over the whole corpus, whole process:"
# Every contender reads the files from the page cache: grep once to warm it.
grep -ri "forced labor" "$corpus" >/dev/null
/usr/bin/time -f "%e %M" -o "$tmp/t0" grep -ri "forced labor" "$corpus" >/dev/null
/usr/bin/time -f "%e %M" -o "$tmp/t1" "$tipr" search '"forced labor"' --content "$corpus" >/dev/null 2>"$tmp/progress"
/usr/bin/time -f "%e %M" -o "$tmp/t2" "$tipr" search '"forced labor"' --content "$corpus" >/dev/null
/usr/bin/time -f "%e %M" -o "$tmp/t3" "$tipr" search '"forced labor"' --content "$corpus" >/dev/null
g=$(ms "$tmp/t0") first=$(ms "$tmp/t1") cached=$(ms "$tmp/t3")
echo "  grep -ri                        $g ms"
echo "  first search (builds the cache) $first ms ($(awk -v a="$first" -v b="$g" 'BEGIN { printf "%.0f", a / b }')x grep), peak $(awk '{ print $2 }' "$tmp/t1") KB"
echo "  with the cache                  $cached ms ($(awk -v a="$cached" -v b="$g" 'BEGIN { printf "%.1f", a / b }')x grep), peak $(awk '{ print $2 }' "$tmp/t3") KB"
echo "  cache: $(du -h "$tmp"/cache/tipr/search-*.bin | cut -f1); corpus text: $(du -sh "$corpus" | cut -f1)"

echo
echo "Search as you type in the reader (script mode, per key, including the redraw):"
printf 'S\n:bench 1 "forced labor"\n:bench 1 <BS><BS><BS><BS><BS><BS>\n:bench 1 zzq\n' >"$tmp/keys"
"$tipr" --script "$tmp/keys" --size 120x40 --content "$corpus"
