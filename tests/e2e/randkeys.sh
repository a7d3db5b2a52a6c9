#!/bin/sh
# Random key sessions (tests/tools/randkeys) through the reader's script
# mode: keys bound and unbound, text typed into every prompt, resizes from
# 1x1 to 250x80 and mouse events, in every view, from several starting
# places; half of them unloading every document not shown (TIPR_DOCS_KEPT=0).  A session passes when the reader exits 0 within the time limit
# with no sanitizer report.  First every session kept in tests/data/randkeys
# (each one failed once) is replayed, then RANDKEYS_SESSIONS new ones
# (default 200) from seed RANDKEYS_SEED (default 1), RANDKEYS_JOBS at a time.
# A failure prints its seed and keeps its keys in randkeys-failures/ beside
# tipr; copy it to tests/data/randkeys/ to replay it forever.
#   RANDKEYS_SESSIONS=20000 RANDKEYS_SEED=1000 make check TESTS=tests/e2e/randkeys.sh
# (make fuzz-keys does that.)
set -u
sessions=${RANDKEYS_SESSIONS:-200}
first=${RANDKEYS_SEED:-1}
steps=${RANDKEYS_STEPS:-120}
jobs=${RANDKEYS_JOBS:-2}
builddir=$(cd "$(dirname "$TIPR")" && pwd)
gen=$builddir/tests/tools/randkeys
kept_dir=$TIPR_SRCDIR/tests/data/randkeys
failures=$builddir/randkeys-failures
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Runs one session; prints nothing when it passes, else why.
run_session() {
	keys=$1
	size=$(sed -n 's/^# size //p' "$keys")
	args=$(sed -n 's/^# args //p' "$keys")
	home=$(mktemp -d "$tmp/home.XXXXXX")
	# Half the sessions keep no document loaded but those shown: a view
	# that points into one it did not pin fails under the sanitizers.
	kept=$(($(cksum <"$keys" | cut -d' ' -f1) % 2 ? 0 : 32))
	(
		cd "$TIPR_SRCDIR" &&
		XDG_STATE_HOME=$home/state XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
		XDG_CACHE_HOME=$home/cache TIPR_CONTENT= TIPR_DOCS_KEPT=$kept \
			timeout 120 "$TIPR" --script "$keys" --size "${size:-80x24}" $args >/dev/null 2>"$home/err"
	)
	status=$?
	if [ $status -ne 0 ] || grep -q -E 'Sanitizer|runtime error|Segmentation|Aborted' "$home/err"; then
		echo "exit $status: $(grep -m1 -E 'ERROR|runtime error|Sanitizer' "$home/err" || head -c 300 "$home/err")"
		cp "$home/err" "$keys.err" 2>/dev/null
	fi
	rm -rf "$home"
}

kept=$(ls "$kept_dir"/*.keys 2>/dev/null)
echo "1..$(($(echo "$kept" | grep -c .) + 1))"
n=0
for keys in $kept; do
	n=$((n + 1))
	why=$(run_session "$keys")
	if [ -z "$why" ]; then
		echo "ok $n - replay $(basename "$keys")"
	else
		echo "not ok $n - replay $(basename "$keys"): $why"
	fi
done

if [ ! -x "$gen" ]; then
	echo "not ok $((n + 1)) - $gen is not built (make check builds it)"
	exit 0
fi
# The sessions, RANDKEYS_JOBS at a time (each child reads run_session from
# lib.sh); each failure is a line in $tmp/failed.
sed -n '/^run_session()/,/^}/p' "$0" >"$tmp/lib.sh"
export TIPR TIPR_SRCDIR tmp gen steps
start=$(date +%s)
last=$((first + sessions - 1))
seq "$first" "$last" | xargs -P "$jobs" -n 1 sh -c '
	seed=$1
	keys=$tmp/seed-$seed.keys
	"$gen" "$seed" "$steps" >"$keys"
	. "$0"
	why=$(run_session "$keys")
	if [ -n "$why" ]; then
		echo "seed $seed: $why" >>"$tmp/failed"
	else
		rm -f "$keys"
	fi
' "$tmp/lib.sh"
took=$(($(date +%s) - start))
n=$((n + 1))
if [ ! -s "$tmp/failed" ]; then
	echo "ok $n - $sessions random sessions clean (seeds $first-$last, $steps steps each, ${took}s)"
	exit 0
fi
mkdir -p "$failures"
for seed in $(sed 's/^seed \([0-9]*\):.*/\1/' "$tmp/failed"); do
	cp "$tmp/seed-$seed.keys" "$failures/"
	[ -f "$tmp/seed-$seed.keys.err" ] && cp "$tmp/seed-$seed.keys.err" "$failures/"
done
echo "not ok $n - $(wc -l <"$tmp/failed") of $sessions random sessions failed (seeds $first-$last, ${took}s); keys kept in $failures"
sed 's/^/# /' "$tmp/failed"
exit 0
