#!/bin/sh
# The content changes under a running reader (tmux): a document not yet
# opened is corrupted, another deleted, then the whole content directory
# removed.  Each is said on the message line when reached; the reader goes on
# working, quits cleanly, and lists the problems (FILE:LINE:COL) after exit.
plan=7
name=changes
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"
cp -R "$TIPR_SRCDIR/content" "$tmp/c"
start 120 30 "'$TIPR' --content '$tmp/c' 2>'$tmp/err'; echo EXIT=\$?"
check "opens on a copy of the content" "North Korea"

# North Korea's years are listed; then 2023 turns to garbage and 2021 goes.
keys j Enter
check "the years are listed" "2023"
printf 'country: korea-north\nyear: [2023\n' >"$tmp/c/tip/2023/korea-north.yaml"
rm "$tmp/c/tip/2021/korea-north.yaml"
keys j j j Enter
check "a document corrupted since start-up: said on the message line, with line and column" "2023/korea-north.yaml:3:1: error: did not find expected"
keys k Enter
check "the reader goes on: 2022 opens" "2022 › North Korea"
keys '<'
check "a document deleted since start-up (the edition before): said, no crash" "2021/korea-north.yaml: error: cannot read"

# The whole content gone: the open narrative stays readable, quitting works.
rm -rf "$tmp/c"
keys j Enter q
check "the content directory removed: quits cleanly" "EXIT=0"
if grep -q "tip/2023/korea-north.yaml:3:1: error: did not find expected" "$tmp/err" &&
	grep -q "tip/2021/korea-north.yaml: error: cannot read" "$tmp/err"; then
	ok "...and the problems are listed after exit, with FILE:LINE:COL"
else
	not_ok "...and the problems are listed after exit, with FILE:LINE:COL"
	sed 's/^/# /' "$tmp/err"
fi
