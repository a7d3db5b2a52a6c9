#!/bin/sh
# Exact screens: each tests/data/screens/NAME.keys is run through the reader's
# script mode (keys from a file, curses drawing to /dev/null, the screen read
# back) and every :dump compared with NAME.screen.  No terminal, no timing.
# A keys file may say "# size COLSxROWS", "# content DIR" (a fixture corpus)
# and "# args ARGS" (where the reader opens: COUNTRY YEAR SECTION);
# NAME.stderr, if present, is the expected stderr.  Script lines are keys
# (characters, <Enter> <Esc> <Tab> <BS> <Up> <PgDn> <Home> <F1> <lt> <C-x>
# ...) or commands: ":dump [FILE]", ":resize COLSxROWS",
# ":mouse click|press|release|wheel-up|wheel-down X Y" (0-based cells),
# ":bench N KEYS".
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
	# "# content DIR": a fixture corpus under the source tree instead of the bundled one.
	content=$(sed -n 's/^# content \(.*\)$/\1/p' "$keys")
	args=$(sed -n 's/^# args \(.*\)$/\1/p' "$keys")
	n=$((n + 1))
	rm -rf "$tmp/home" && mkdir -p "$tmp/home"
	XDG_STATE_HOME=$tmp/home/state XDG_CONFIG_HOME=$tmp/home/config XDG_DATA_HOME=$tmp/home/data \
	XDG_CACHE_HOME=$tmp/home/cache TIPR_CONTENT= NO_COLOR= \
		"$TIPR" ${content:+--content "$TIPR_SRCDIR/$content"} --script "$keys" --size "${size:-80x24}" $args \
		>"$tmp/$name.raw" 2>"$tmp/$name.err"
	status=$?
	# Annotations are stamped with today's date: any date reads the same.
	sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/g' "$tmp/$name.raw" >"$tmp/$name.out"
	if [ "${TIPR_UPDATE_SCREENS:-}" = 1 ]; then
		cp "$tmp/$name.out" "$dir/$name.screen"
	fi
	# Warnings are expected only where NAME.stderr says so (the source
	# directory written as SRCDIR).
	sed "s|$TIPR_SRCDIR|SRCDIR|g" "$tmp/$name.err" >"$tmp/$name.stderr"
	if [ -f "$dir/$name.stderr" ]; then
		cmp -s "$dir/$name.stderr" "$tmp/$name.stderr"
	else
		[ ! -s "$tmp/$name.err" ]
	fi
	stderr_ok=$?
	if [ $status -eq 0 ] && [ $stderr_ok -eq 0 ] && diff -u "$dir/$name.screen" "$tmp/$name.out" >"$tmp/$name.diff"; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name (exit $status)"
		sed 's/^/# /' "$tmp/$name.err" "$tmp/$name.diff"
	fi
done
