#!/bin/sh
# tipr import on a whole generated edition (over 600 two-column letter pages,
# tests/gen) against pdftotext (poppler-utils) on the same file: time and
# peak memory, median of BENCH_RUNS runs (default 5), each tool in turn.
#   bench/import.sh TIPR MKPDF SRCDIR
set -eu
tipr=$1 mkpdf=$2 srcdir=$3
runs=${BENCH_RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for tool in pdftotext pdfinfo /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench/import.sh: $tool is missing: apt-get install poppler-utils time" >&2
		exit 1
	}
done

"$srcdir/tests/gen/edition.sh" "$srcdir" modern 2022 400 40 "$tmp/expected.tsv" >"$tmp/edition.mk"
"$mkpdf" "$tmp/edition.pdf" <"$tmp/edition.mk"
pages=$(pdfinfo "$tmp/edition.pdf" | sed -n 's/^Pages: *//p')
echo "Import benchmark: a generated edition, $pages pages, $(wc -l <"$tmp/expected.tsv" | tr -d ' ') narratives, $(($(wc -c <"$tmp/edition.pdf") / 1024)) KiB"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); median of $runs runs"
echo

# One run: "seconds peak-KiB" of the command, its output thrown away.
run() {
	/usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
	cat "$tmp/t"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$tmp/a"
: >"$tmp/b"
: >"$tmp/c"
i=0
while [ $i -lt "$runs" ]; do
	run pdftotext "$tmp/edition.pdf" "$tmp/out.txt" >>"$tmp/a"
	run "$tipr" import --dry-run "$tmp/edition.pdf" >>"$tmp/b"
	rm -rf "$tmp/content"
	run "$tipr" import --out "$tmp/content" "$tmp/edition.pdf" >>"$tmp/c"
	i=$((i + 1))
done
t_a=$(cut -d' ' -f1 <"$tmp/a" | median) m_a=$(cut -d' ' -f2 <"$tmp/a" | median)
t_b=$(cut -d' ' -f1 <"$tmp/b" | median) m_b=$(cut -d' ' -f2 <"$tmp/b" | median)
t_c=$(cut -d' ' -f1 <"$tmp/c" | median) m_c=$(cut -d' ' -f2 <"$tmp/c" | median)
printf '%-52s %8s %10s\n' "" "seconds" "peak MiB"
printf '%-52s %8s %10s\n' "pdftotext FILE OUT.txt" "$t_a" "$(awk -v k="$m_a" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-52s %8s %10s\n' "tipr import --dry-run FILE (read, build, no writes)" "$t_b" "$(awk -v k="$m_b" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-52s %8s %10s\n' "tipr import --out DIR FILE (every narrative written)" "$t_c" "$(awk -v k="$m_c" 'BEGIN { printf "%.1f", k / 1024 }')"
echo
awk -v a="$t_a" -v b="$t_b" -v c="$t_c" 'BEGIN {
	printf "tipr import / pdftotext: %.2fx (dry run), %.2fx (writing)   goals: under 10 s, within 2x, under 200 MB\n", b / a, c / a }'
