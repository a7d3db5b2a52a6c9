#!/bin/sh
# Files that are missing, unreadable or cannot be written, and files that
# are not files (FIFOs, devices): a clear message, the rest keeps working,
# nothing crashes and nothing hangs (every run that could block has a
# timeout, so a regression fails instead of hanging the suite).
set -u
tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" | head -10; }
expect() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
echo "1..23"

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

# A FIFO named like a narrative (tar archives carry them): skipped with a
# warning, never opened; list, check, search and the reader go on.
mkfifo "$tmp/c/tip/2022/korea-south.yaml.fifo" && mv "$tmp/c/tip/2022/korea-south.yaml.fifo" "$tmp/c/tip/2022/korea-south.yaml"
printf 'q\n' >"$tmp/keys"
# bounded DESC STATUS ARGS...: tipr exits STATUS within 10 s, naming the FIFO.
bounded() {
	desc=$1 want=$2
	shift 2
	XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" timeout 10 "$TIPR" "$@" >"$tmp/out" 2>&1
	got=$?
	if [ $got -eq "$want" ] && grep -q 'korea-south.yaml: warning: ignored: not a regular file' "$tmp/out"; then
		ok "$desc"
	else
		echo "# exit $got (124: timed out)"; not_ok "$desc"
	fi
}
bounded "a FIFO narrative: list skips it" 0 list --content "$tmp/c"
bounded "a FIFO narrative: check reports it" 0 check "$tmp/c"
bounded "a FIFO narrative: search goes on" 0 search 'prosecution*' --content "$tmp/c"
bounded "a FIFO narrative: the reader opens" 0 --script "$tmp/keys" --content "$tmp/c" korea-north 2022
bounded "a FIFO narrative: list --format csv" 0 list --format csv --content "$tmp/c"
rm -f "$tmp/c/tip/2022/korea-south.yaml"

# FIFOs where the reader keeps its place and settings, and as its theme and
# script: each refused with its name, the reader goes on.
mkdir -p "$tmp/st/tipr" "$tmp/cf/tipr"
mkfifo "$tmp/st/tipr/state.yaml" "$tmp/cf/tipr/config.yaml" "$tmp/theme.yaml" "$tmp/keys.fifo"
XDG_STATE_HOME="$tmp/st" XDG_CONFIG_HOME="$tmp/cf" timeout 10 "$TIPR" --script "$tmp/keys" --content "$tmp/c" \
	>"$tmp/out" 2>&1
status=$?
if [ $status -eq 0 ] && grep -q 'state.yaml: error: not a regular file' "$tmp/out" &&
	grep -q 'config.yaml: error: not a regular file' "$tmp/out" &&
	[ -p "$tmp/st/tipr/state.yaml" ] && [ -p "$tmp/cf/tipr/config.yaml" ]; then
	ok "FIFO state.yaml and config.yaml: refused by name, never waited on or replaced"
else
	echo "# exit $status"; not_ok "FIFO state.yaml and config.yaml: refused by name, never waited on or replaced"
fi
XDG_STATE_HOME="$tmp/st" timeout 10 "$TIPR" --script "$tmp/keys" --content "$tmp/c" korea-north 2022 >"$tmp/out" 2>&1
expect "...and a place saved there: refused by name, never replaced" sh -c \
	"[ $? -eq 0 ] && grep -q \"state.yaml: warning: cannot save the reader's place: not a regular file\" '$tmp/out' && [ -p '$tmp/st/tipr/state.yaml' ]"
XDG_STATE_HOME="$tmp/state" timeout 10 "$TIPR" --theme "$tmp/theme.yaml" --script "$tmp/keys" --content "$tmp/c" \
	korea-north 2022 >"$tmp/out" 2>&1
expect "a FIFO theme: refused by name, the default theme used" sh -c "[ $? -eq 0 ] && grep -q 'theme.yaml: error: not a regular file' '$tmp/out'"
XDG_STATE_HOME="$tmp/state" timeout 10 "$TIPR" --script "$tmp/keys.fifo" --content "$tmp/c" >"$tmp/out" 2>&1
expect "a FIFO script: refused by name" sh -c "[ $? -eq 1 ] && grep -q 'keys.fifo: not a regular file' '$tmp/out'"

# A symlinked state file is written through; a link to a device is left alone.
mkdir -p "$tmp/ln/tipr" "$tmp/dot"
ln -s "$tmp/dot/state.yaml" "$tmp/ln/tipr/state.yaml"
XDG_STATE_HOME="$tmp/ln" timeout 10 "$TIPR" --script "$tmp/keys" --content "$tmp/c" korea-north 2022 >"$tmp/out" 2>&1
expect "a symlinked state.yaml: the target saved, the link kept" \
	sh -c "[ -L '$tmp/ln/tipr/state.yaml' ] && grep -q 'country: \"korea-north\"' '$tmp/dot/state.yaml'"
rm "$tmp/ln/tipr/state.yaml"
ln -s /dev/null "$tmp/ln/tipr/state.yaml"
XDG_STATE_HOME="$tmp/ln" timeout 10 "$TIPR" --script "$tmp/keys" --content "$tmp/c" korea-north 2022 >"$tmp/out" 2>&1
expect "a state.yaml linked to /dev/null: refused, never replaced" \
	sh -c "[ $? -eq 0 ] && [ -L '$tmp/ln/tipr/state.yaml' ] && [ -c /dev/null ] && grep -q 'not a regular file' '$tmp/out'"

# import: what is not a regular file, or not text, is refused at once.
timeout 10 "$TIPR" import --dry-run /dev/zero >"$tmp/out" 2>&1
expect "import of an endless device: refused at once" sh -c "[ $? -eq 1 ] && grep -q '/dev/zero: error: not a regular file' '$tmp/out'"
timeout 10 "$TIPR" import --dry-run "$tmp/keys.fifo" >"$tmp/out" 2>&1
expect "import of a FIFO: refused at once" sh -c "[ $? -eq 1 ] && grep -q 'keys.fifo: error: not a regular file' '$tmp/out'"
# 40 MB, binary from its first bytes: refused after one megabyte, not 40.
{ printf 'KENYA: TIER 2\n\377\376'; head -c 40000000 /dev/zero; } >"$tmp/binary.txt"
timeout 10 "$TIPR" import --dry-run "$tmp/binary.txt" >"$tmp/out" 2>&1
expect "import of binary data: refused with the position, nothing imported" sh -c \
	"[ $? -eq 1 ] && grep -q 'binary.txt:2:1: error: invalid UTF-8 (byte 0xFF)' '$tmp/out' && grep -q 'binary.txt: error: not UTF-8 text, a web page or a PDF; nothing imported' '$tmp/out'"
rm -f "$tmp/binary.txt"
printf 'KENYA: TIER 2\nThe Government of Kenya does not\0 fully meet\n' >"$tmp/nul.txt"
"$TIPR" import --dry-run "$tmp/nul.txt" >"$tmp/out" 2>&1
expect "import of text with a NUL byte: refused with the position" sh -c "[ $? -eq 1 ] && grep -q 'nul.txt:2:33: error: a NUL byte' '$tmp/out'"

# --content '' says what is wrong with the argument.
"$TIPR" list --content '' >"$tmp/out" 2>&1
expect "--content '': a usage error saying the name is empty" sh -c "[ $? -eq 2 ] && grep -q -- '--content needs a directory; it was given an empty name' '$tmp/out'"
"$TIPR" --content '' >"$tmp/out" 2>&1
expect "...and for the reader too" sh -c "[ $? -eq 2 ] && grep -q -- 'empty name' '$tmp/out'"
