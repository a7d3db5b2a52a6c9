#!/bin/sh
# Terminals and locales: TERM=dumb, TERM=vt100, a non-UTF-8 locale, LANG
# unset, a 1x1 terminal, a storm of resizes.  Never a crash; a clear message
# or a graceful fallback.
plan=7
name=terms
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"
# The settings given win over start's defaults (env takes the last).
run() { start 80 24 "$1 '$TIPR' korea-north 2022; echo EXIT=\$?"; }

run "TERM=dumb LANG=C.UTF-8"
check "TERM=dumb: a clear message, exit 1" "cannot place the cursor"
wait_for "EXIT=1" >/dev/null

run "TERM=vt100 LANG=C.UTF-8"
check "TERM=vt100 works" "Tier 3"
run "TERM=screen LANG=C LC_ALL=C"
check "a non-UTF-8 locale falls back to ASCII" "Democratic People?s"
run "TERM=screen LANG= LC_ALL= LC_CTYPE="
check "LANG unset: the same fallback" "+ Kenya"
run "TERM=screen-256color LANG=C.UTF-8"
wait_for "Tier 3" >/dev/null
tm resize-window -t t -x 1 -y 1
sleep 0.3
tm resize-window -t t -x 80 -y 24
check "1x1 and back: it recovers" "Tier 3"
i=0
while [ $i -lt 30 ]; do
	tm resize-window -t t -x $((20 + i * 7 % 100)) -y $((5 + i * 3 % 40))
	i=$((i + 1))
done
tm resize-window -t t -x 100 -y 30
check "a storm of 30 resizes: still drawing" "Tier 3"
keys q
check "and quits cleanly" "EXIT=0"
