#!/bin/sh
# The reader's start-up and redraw cost, against less and vim on the same
# narrative as plain text, and the comparison's against vimdiff on the two
# editions' text, on the same pseudo-terminal (120x40).
#   bench/reader.sh TIPR PTYTIME SRCDIR
set -eu
tipr=$1 ptytime=$2 srcdir=$3
runs=${BENCH_RUNS:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" TIPR_DATADIR="$srcdir"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# The longest bundled narrative, as the other tools will read it.
"$tipr" show korea-north 2021 --width 118 --color never >"$tmp/nk2021.txt"
marker="The Government of the Democratic"

echo "Reader benchmark: North Korea 2021 ($(wc -w <"$tmp/nk2021.txt") words), 120x40 pty, median of $runs runs"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo
t_tipr=$("$ptytime" -r "$runs" -q q "$marker" "$tipr" korea-north 2021)
t_less=$(command -v less >/dev/null && "$ptytime" -r "$runs" -q q "$marker" less "$tmp/nk2021.txt" || echo "- -")
t_vim=$(command -v vim >/dev/null && "$ptytime" -r "$runs" -q ':qa!
' "$marker" vim -u NONE -N "$tmp/nk2021.txt" || echo "- -")
# The comparison's first frame against vimdiff on the two editions' text.
"$tipr" show korea-north 2022 --width 118 --color never >"$tmp/nk2022.txt"
t_cmp=$("$ptytime" -r "$runs" -q q "$marker" "$tipr" compare korea-north 2021 2022)
t_vimdiff=$(command -v vim >/dev/null && "$ptytime" -r "$runs" -q ':qa!
' "$marker" vim -u NONE -N -d "$tmp/nk2021.txt" "$tmp/nk2022.txt" || echo "- -")
# The floors under tipr's first frame, measured apart.
start=$("$ptytime" -r "$runs" -q "" "tipr 0" "$tipr" --version)
show=$("$ptytime" -r "$runs" -q "" "$marker" "$tipr" show korea-north 2021 --width 118)

printf '%-44s %9s %9s\n' "time to first frame (ms)" median min
printf '%-44s %9s %9s\n' "tipr korea-north 2021 (first frame)" $t_tipr
printf '%-44s %9s %9s\n' "less FILE" $t_less
printf '%-44s %9s %9s\n' "vim -u NONE FILE" $t_vim
printf '%-44s %9s %9s\n' "tipr compare korea-north 2021 2022" $t_cmp
printf '%-44s %9s %9s\n' "vim -u NONE -d FILE2021 FILE2022 (vimdiff)" $t_vimdiff
printf '%-44s %9s %9s\n' "  floor: tipr --version (process start)" $start
printf '%-44s %9s %9s\n' "  floor: tipr show (ICU, load, wrap; no curses)" $show
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
echo
echo "tipr / less: $(ratio "${t_tipr%% *}" "${t_less%% *}")   tipr / vim: $(ratio "${t_tipr%% *}" "${t_vim%% *}")   compare / vimdiff: $(ratio "${t_cmp%% *}" "${t_vimdiff%% *}")"
echo
echo "Redraw after a keypress, measured inside the process (script mode):"
printf 'korea-north 2021\n:bench 1000 j\n:bench 500 <PgDn><PgUp>\n' >"$tmp/bench.keys"
sed -i '1d' "$tmp/bench.keys"
"$tipr" --script "$tmp/bench.keys" --size 120x40 korea-north 2021
