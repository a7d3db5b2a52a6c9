#!/bin/sh
# Files that are missing, unreadable or cannot be written: a clear message,
# the rest keeps working, nothing crashes.
set -u
tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" | head -10; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
echo "1..6"

"$TIPR" list --content "$tmp/nonexistent" >"$tmp/out" 2>&1
expect "a missing content directory: exit 1, named" sh -c "[ $? -eq 1 ] && grep -q 'nonexistent: error: cannot open content directory' '$tmp/out'"

mkdir -p "$tmp/c/tip/2022"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$tmp/c/tip/"
cp "$TIPR_SRCDIR/content/tip/2022/kenya.yaml" "$TIPR_SRCDIR/content/tip/2022/korea-north.yaml" "$tmp/c/tip/2022/"
printf 'country: korea-south\nyear: [2022\n' >"$tmp/c/tip/2022/korea-south.yaml"
"$TIPR" show dprk 2022 --content "$tmp/c" --width 80 >"$tmp/out" 2>&1
expect "a broken file does not stop the others" sh -c "[ $? -eq 0 ] && grep -q 'Prosecution' '$tmp/out'"
"$TIPR" check "$tmp/c" >"$tmp/out" 2>&1
expect "and check names it with its position" sh -c "[ $? -eq 1 ] && grep -q 'korea-south.yaml:[0-9]*:[0-9]*: error' '$tmp/out'"

if [ "$(id -u)" -ne 0 ]; then
	chmod 000 "$tmp/c/tip/2022/kenya.yaml"
	"$TIPR" check "$tmp/c" >"$tmp/out" 2>&1
	expect "an unreadable file is reported" grep -q 'kenya.yaml.*Permission denied' "$tmp/out"
	chmod 644 "$tmp/c/tip/2022/kenya.yaml"
else
	ok "an unreadable file is reported # SKIP running as root, which reads anything"
fi

# Where the state and cache directories should be, files: nothing can be saved.
: >"$tmp/state-file"
: >"$tmp/cache-file"
printf 'q\n' >"$tmp/keys"
XDG_STATE_HOME="$tmp/state-file" "$TIPR" --script "$tmp/keys" --content "$tmp/c" korea-north 2022 >"$tmp/out" 2>&1
expect "the reader's place cannot be saved: a warning, exit 0" sh -c "[ $? -eq 0 ] && grep -q \"cannot save the reader's place\" '$tmp/out'"
XDG_CACHE_HOME="$tmp/cache-file" "$TIPR" search 'prosecution*' --content "$tmp/c" >"$tmp/out" 2>&1
expect "the search cache cannot be saved: results all the same" sh -c "[ $? -eq 0 ] && grep -q 'cannot save the search cache' '$tmp/out' && grep -q '»' '$tmp/out'"
