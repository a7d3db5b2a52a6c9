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

echo "1..10"
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
"$TIPR" check --quality "$TIPR_SRCDIR/content" >"$tmp/q" 2>&1
if [ $? -eq 0 ] && [ "$(grep -c ', 0 findings$' "$tmp/q")" -eq 7 ] &&
	grep -q 'korea-north.yaml: 6 sections (overview, recommendations, prosecution, protection, prevention, profile), 11 paragraphs, 11 recommendations, complete, 0 findings' "$tmp/q"; then
	ok "check --quality: each bundled narrative, what it holds, nothing wrong"
else
	not_ok "check --quality: each bundled narrative, what it holds, nothing wrong"
	sed 's/^/# /' "$tmp/q"
fi
mkdir -p "$tmp/bad/tip/2022"
printf 'title: T\nkind: annual-report\n' >"$tmp/bad/tip/collection.yaml"
cat >"$tmp/bad/tip/2022/kenya.yaml" <<'EOF'
country: kenya
year: 2022
tier: "2"
complete: true
sections:
- id: overview
  title: Overview
  text: |
    The government made efforts. 57 The government also
- id: recommendations
  title: Prioritized Recommendations
  items:
  - Train officials.
  - The government maintained law enforcement efforts.
EOF
"$TIPR" check --quality "$tmp/bad" >"$tmp/q" 2>&1
status=$?
if [ $status -eq 0 ] && grep -q 'kenya.yaml:6:1: warning: paragraph 1 of overview ends mid-sentence' "$tmp/q" &&
	grep -q 'kenya.yaml:6:1: warning: paragraph 1 of overview holds a running head or page number' "$tmp/q" &&
	grep -q 'kenya.yaml:10:1: warning: recommendation 2 reads as reported speech' "$tmp/q" &&
	grep -q '2 sections (overview, recommendations), 1 paragraph, 2 recommendations, complete, 3 findings' "$tmp/q"; then
	ok "check --quality: what looks wrong, as FILE:LINE:COL warnings (exit 0)"
else
	not_ok "check --quality: what looks wrong, as FILE:LINE:COL warnings (exit 0)"
	sed 's/^/# /' "$tmp/q"
fi
"$TIPR" check "$tmp/bad" >"$tmp/q" 2>&1
if grep -q '0 errors, 0 warnings' "$tmp/q"; then
	ok "check without --quality says nothing of import quality"
else
	not_ok "check without --quality says nothing of import quality"
fi
exit 0
