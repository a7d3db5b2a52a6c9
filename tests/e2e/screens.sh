#!/bin/sh
# Exact screens: each tests/data/screens/NAME.keys is run through the reader's
# script mode (keys from a file, curses drawing to /dev/null, the screen read
# back) and every :dump compared with NAME.screen.  No terminal, no timing.
# TIPR_UPDATE_SCREENS=1 rewrites the expected screens (check them by eye).
set -u
dir=$TIPR_SRCDIR/tests/data/screens
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
count=$(ls "$dir"/*.keys | wc -l)
echo "1..$count"
for keys in "$dir"/*.keys; do
	name=$(basename "$keys" .keys)
	size=$(sed -n 's/^# size \([0-9]*x[0-9]*\)$/\1/p' "$keys")
	n=$((n + 1))
	rm -rf "$tmp/home" && mkdir -p "$tmp/home"
	XDG_STATE_HOME=$tmp/home/state XDG_CONFIG_HOME=$tmp/home/config XDG_DATA_HOME=$tmp/home/data \
	XDG_CACHE_HOME=$tmp/home/cache TIPR_CONTENT= NO_COLOR= \
		"$TIPR" --script "$keys" --size "${size:-80x24}" >"$tmp/$name.out" 2>"$tmp/$name.err"
	status=$?
	if [ "${TIPR_UPDATE_SCREENS:-}" = 1 ]; then
		cp "$tmp/$name.out" "$dir/$name.screen"
	fi
	if [ $status -eq 0 ] && [ ! -s "$tmp/$name.err" ] && diff -u "$dir/$name.screen" "$tmp/$name.out" >"$tmp/$name.diff"; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name (exit $status)"
		sed 's/^/# /' "$tmp/$name.err" "$tmp/$name.diff"
	fi
done
