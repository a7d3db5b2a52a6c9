#!/bin/sh
# The man page, the --help texts, what each command's option parser takes
# and the reader's key table must agree: every long option of every --help
# is in tipr.1, in the command's own section or among the options every
# command takes; every option tipr.1 gives a command is in its --help and is
# taken by it; every option tipr.1 says every command takes is taken by
# every command (and the reader), and the reader's own options by the
# reader and the commands whose section gives them; the keys section is the
# key table's.
set -u
man=$TIPR_SRCDIR/tipr.1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# roff escapes hyphens; compare with them removed.
sed 's/\\-/-/g; s/\\(lq/"/g; s/\\(rq/"/g' "$man" >"$tmp/man"
echo "1..7"

# The commands are the ones --help lists, so a new command cannot be forgotten.
commands=$("$TIPR" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1; next } on { exit }')
[ -n "$commands" ] || { echo "Bail out! no commands found in tipr --help"; exit 1; }

# Long options in the item tags (the line after .TP) of a part of tipr.1:
# from the line matching $1 to the next .SH or .SS (or .PP, when $2 is "pp").
man_options() {
	awk -v start="$1" -v pp="${2:-}" '
		index($0, start) == 1 { on = 1; next }
		on && (/^\.S[HS]/ || (pp && /^\.PP/)) { exit }
		on && tag { print }
		{ tag = /^\.TP/ }' "$tmp/man" | grep -o -e '--[a-z][a-z-]*' | sort -u
}
help_options() {
	# shellcheck disable=SC2086
	"$TIPR" $1 --help | grep -o -e '--[a-z][a-z-]*' | sort -u
}
man_options ".SH OPTIONS" pp >"$tmp/common"
man_options "The reader's own options" pp >"$tmp/reader"
[ -s "$tmp/common" ] && [ -s "$tmp/reader" ] || { echo "Bail out! no option lists found in tipr.1"; exit 1; }

missing=""
for cmd in "" $commands; do
	help_options "$cmd" >"$tmp/opts"
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

# takes CMD OPT: the option parser of CMD ("" for the reader) knows OPT.  A
# made-up option follows it, so that a known one never runs anything: the
# run ends in a usage error either way, naming the first unknown option.
takes() {
	# shellcheck disable=SC2086
	"$TIPR" $1 "$2" x --no-such-option-zz >/dev/null 2>"$tmp/err"
	! grep -q -e "unknown option '$2" -e "$2 is the reader's option" "$tmp/err"
}

# Each command's section and its --help give the same options (those every
# command takes aside), and the command takes each.
drift=""
for cmd in $commands; do
	man_options ".SS \"tipr $cmd\"" >"$tmp/man-all-$cmd"
	grep -vxF -f "$tmp/common" "$tmp/man-all-$cmd" >"$tmp/man-$cmd"
	help_options "$cmd" | grep -vxF -f "$tmp/common" >"$tmp/help-$cmd"
	for opt in $(comm -23 "$tmp/man-$cmd" "$tmp/help-$cmd"); do drift="$drift $cmd:$opt(not in --help)"; done
	for opt in $(comm -13 "$tmp/man-$cmd" "$tmp/help-$cmd"); do drift="$drift $cmd:$opt(not in its section)"; done
	while read -r opt; do takes "$cmd" "$opt" || drift="$drift $cmd:$opt(refused)"; done <"$tmp/man-all-$cmd"
done
if [ -z "$drift" ]; then
	echo "ok 3 - each command's section of tipr.1, its --help and its parser give the same options"
else
	echo "not ok 3 - drift:$drift"
fi

refused=""
for cmd in "" $commands; do
	while read -r opt; do takes "$cmd" "$opt" || refused="$refused ${cmd:-tipr}:$opt"; done <"$tmp/common"
done
if [ -z "$refused" ]; then
	echo "ok 4 - the options tipr.1 gives every command ($(tr '\n' ' ' <"$tmp/common")) are taken by every command"
else
	echo "not ok 4 - refused:$refused"
fi

# The reader's own options: taken by the reader, and by a command only when
# its own section gives them (tipr compare opens the reader).
wrong=""
while read -r opt; do
	takes "" "$opt" || wrong="$wrong tipr:$opt(refused)"
	for cmd in $commands; do
		grep -qxF -- "$opt" "$tmp/man-all-$cmd" && continue
		takes "$cmd" "$opt" && wrong="$wrong $cmd:$opt(taken)"
	done
done <"$tmp/reader"
if [ -z "$wrong" ]; then
	echo "ok 5 - the reader's own options ($(tr '\n' ' ' <"$tmp/reader")) are taken by the reader and where tipr.1 says"
else
	echo "not ok 5 -$wrong"
fi

# The keys section is made from the key table (scripts/man-keys): it must be
# what the table says now.
sed -n '/^\.\\" Made from the key table/,/^\.\\" End of the keys/p' "$man" | sed '1d;$d' >"$tmp/man-keys"
"$TIPR_SRCDIR/scripts/man-keys" "$TIPR" >"$tmp/table-keys"
count=$(grep -c '^\.B ' "$tmp/table-keys")
if [ "$count" -gt 30 ] && cmp -s "$tmp/man-keys" "$tmp/table-keys"; then
	echo "ok 6 - the $count keys of tipr.1 are the key table's (scripts/man-keys)"
else
	echo "not ok 6 - tipr.1's keys are not the key table's ($count keys): run make man-keys"
	diff "$tmp/man-keys" "$tmp/table-keys" | sed 's/^/# /' | head -20
fi

if command -v groff >/dev/null 2>&1; then
	if groff -man -Tutf8 -ww -z "$man" 2>"$tmp/warn" && [ ! -s "$tmp/warn" ]; then
		echo "ok 7 - groff renders tipr.1 without warnings"
	else
		echo "not ok 7 - groff warns about tipr.1"; sed 's/^/# /' "$tmp/warn"
	fi
else
	echo "ok 7 # SKIP groff is not installed"
fi
