#!/bin/sh
# The annotation store at scale: 20,000 annotations (bench/gen-annotations.sh,
# 8 MB), `tipr notes add` and `tipr notes list` as whole processes (hyperfine),
# against writing the same file crash-safely with dd (conv=fsync: the floor
# of any save that rewrites it) and against the same commands with 20
# annotations; then the reader's own calls inside the process (annbench):
# loading the store and a highlight (save, then resolve the narrative's
# marks).  Targets (issue 15): add under 0.3 s, list under 1 s, a highlight
# under 50 ms.
#   bench/notes.sh TIPR ANNBENCH SRCDIR
set -eu
tipr=$1 annbench=$2 srcdir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TIPR_DATADIR="$srcdir" LANG=C.UTF-8 LC_ALL=C.UTF-8
echo "Annotation store: 20,000 annotations, machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
"$srcdir/bench/gen-annotations.sh" "$tipr" 20000 "$tmp/big/tipr/annotations.yaml"
"$srcdir/bench/gen-annotations.sh" "$tipr" 20 "$tmp/small/tipr/annotations.yaml"
echo "  file: $(du -h "$tmp/big/tipr/annotations.yaml" | cut -f1)"
add='notes add korea-north 2022 prosecution --quote "Fair trials did not occur in the DPRK" --note bench'
hyperfine -N --warmup 2 --runs 20 --export-csv "$tmp/h.csv" \
	-n "notes add (20000)" "env XDG_DATA_HOME=$tmp/big $tipr $add" \
	-n "notes add (20)" "env XDG_DATA_HOME=$tmp/small $tipr $add" \
	-n "dd conv=fsync of the same file" "dd if=$tmp/big/tipr/annotations.yaml of=$tmp/copy.yaml bs=1M conv=fsync status=none" \
	-n "notes list (20000)" "env XDG_DATA_HOME=$tmp/big $tipr notes list" \
	-n "notes list (20)" "env XDG_DATA_HOME=$tmp/small $tipr notes list" >/dev/null 2>&1
# Medians (ms) and the ratios that matter, from hyperfine's CSV
# (command,mean,stddev,median,user,system,min,max).
awk -F, 'NR > 1 { med[NR - 1] = $4 * 1000; min[NR - 1] = $7 * 1000; max[NR - 1] = $8 * 1000; name[NR - 1] = $1 }
	END {
		for (i = 1; i <= 5; i++)
			printf "  %-32s median %7.1f ms  (%.1f-%.1f)\n", name[i], med[i], min[i], max[i]
		printf "  notes add, 20,000 / 20 annotations:  %.0fx;  / dd conv=fsync: %.1fx\n", med[1] / med[2], med[1] / med[3]
		printf "  notes list, 20,000 / 20 annotations: %.0fx\n", med[4] / med[5]
	}' "$tmp/h.csv"
echo
echo "Inside the process (the reader's calls), 50 highlights on korea-north 2022:"
cp "$tmp/big/tipr/annotations.yaml" "$tmp/inproc.yaml"
"$annbench" "$tmp/inproc.yaml" "$srcdir/content/tip/2022/korea-north.yaml" 50
cp "$tmp/small/tipr/annotations.yaml" "$tmp/inproc-small.yaml"
"$annbench" "$tmp/inproc-small.yaml" "$srcdir/content/tip/2022/korea-north.yaml" 50
