#!/bin/sh
# The bundled narratives are exactly what `tipr import` makes of the seeds,
# and they validate.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { desc=$1; shift; if "$@" >"$tmp/out" 2>&1; then ok "$desc"; else not_ok "$desc"; sed 's/^/# /' "$tmp/out"; fi; }

echo "1..7"
check "scripts/import-content regenerates the corpus" \
	"$TIPR_SRCDIR/scripts/import-content" "$TIPR" "$TIPR_SRCDIR/seeds" "$tmp/content"
check "regenerated tip collection is byte-identical to content/tip" \
	diff -r "$TIPR_SRCDIR/content/tip" "$tmp/content/tip"
check "regenerated commentary is byte-identical to content/commentary" \
	diff -r "$TIPR_SRCDIR/content/commentary" "$tmp/content/commentary"
check "tipr check: bundled content is clean" "$TIPR" check "$TIPR_SRCDIR/content"
if "$TIPR" check "$TIPR_SRCDIR/content" 2>&1 | grep -q "0 errors, 0 warnings"; then
	ok "no warnings either"
else
	not_ok "no warnings either"
fi
if grep -rq "TIER RANKING\|COUNTRY NARRATIVES\|Extracted in part" "$TIPR_SRCDIR/content/tip"; then
	not_ok "no layout debris in the bundled narratives"
else
	ok "no layout debris in the bundled narratives"
fi
"$TIPR" import --dry-run --country kenya "$TIPR_SRCDIR/seeds/tip-2022-pdf-extract-kenya-dprk-rok.txt" >"$tmp/dry" 2>&1
if grep -q "3 narratives" "$tmp/dry" && grep -q "recommendations: 11 items" "$tmp/dry" &&
	[ ! -e content ] || [ "$(pwd)" = "$TIPR_SRCDIR" ]; then
	ok "--dry-run reports what it found and writes nothing"
else
	not_ok "--dry-run reports what it found and writes nothing"
	sed 's/^/# /' "$tmp/dry"
fi
exit 0
