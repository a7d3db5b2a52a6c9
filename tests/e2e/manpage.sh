#!/bin/sh
# The man page says what --help and the reader's key table say: every long
# option of every command must be in tipr.1, and its keys section is the key
# table's.
set -u
man=$TIPR_SRCDIR/tipr.1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# roff escapes hyphens; compare with them removed.
sed 's/\\-/-/g; s/\\(lq/"/g; s/\\(rq/"/g' "$man" >"$tmp/man"
echo "1..4"

# The commands are the ones --help lists, so a new command cannot be forgotten.
commands=$("$TIPR" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1; next } on { exit }')
[ -n "$commands" ] || { echo "Bail out! no commands found in tipr --help"; exit 1; }

missing=""
for cmd in "" $commands; do
	# shellcheck disable=SC2086
	"$TIPR" $cmd --help | grep -o -e '--[a-z][a-z-]*' | sort -u >"$tmp/opts"
	while read -r opt; do
		grep -qF -- "$opt" "$tmp/man" || missing="$missing ${cmd:-tipr}:$opt"
	done <"$tmp/opts"
done
if [ -z "$missing" ]; then echo "ok 1 - every option of --help is in tipr.1"; else echo "not ok 1 - missing from tipr.1:$missing"; fi

missing=""
for cmd in $commands; do
	grep -q "^\.SS \"tipr $cmd\"" "$man" || missing="$missing $cmd(man)"
done
if [ -z "$missing" ]; then echo "ok 2 - every command is in --help and has its section in tipr.1"; else echo "not ok 2 - missing:$missing"; fi

# The keys section is made from the key table (scripts/man-keys): it must be
# what the table says now.
sed -n '/^\.\\" Made from the key table/,/^\.\\" End of the keys/p' "$man" | sed '1d;$d' >"$tmp/man-keys"
"$TIPR_SRCDIR/scripts/man-keys" "$TIPR" >"$tmp/table-keys"
count=$(grep -c '^\.B ' "$tmp/table-keys")
if [ "$count" -gt 30 ] && cmp -s "$tmp/man-keys" "$tmp/table-keys"; then
	echo "ok 3 - the $count keys of tipr.1 are the key table's (scripts/man-keys)"
else
	echo "not ok 3 - tipr.1's keys are not the key table's ($count keys): run make man-keys"
	diff "$tmp/man-keys" "$tmp/table-keys" | sed 's/^/# /' | head -20
fi

if command -v groff >/dev/null 2>&1; then
	if groff -man -Tutf8 -ww -z "$man" 2>"$tmp/warn" && [ ! -s "$tmp/warn" ]; then
		echo "ok 4 - groff renders tipr.1 without warnings"
	else
		echo "not ok 4 - groff warns about tipr.1"; sed 's/^/# /' "$tmp/warn"
	fi
else
	echo "ok 4 # SKIP groff is not installed"
fi
