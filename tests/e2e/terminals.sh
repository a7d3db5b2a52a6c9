#!/bin/sh
# Terminals and locales: TERM=dumb, TERM=vt100, a non-UTF-8 locale, LANG
# unset, a 1x1 terminal, a storm of resizes.  Never a crash; a clear message
# or a graceful fallback.
set -u
n=0
plan=7
echo "1..$plan"
if [ -z "${TMUX_BIN:-}" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	while [ $n -lt $plan ]; do n=$((n + 1)); echo "ok $n # SKIP tmux not installed"; done
	exit 0
fi
tmp=$(mktemp -d) || exit 1
runs=0
sock="tipr-terms-$$-0"
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
unset TMUX
screen() { tm capture-pane -p -t t; }
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		screen 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; screen 2>/dev/null | sed 's/^/# /'; }
check() { if wait_for "$2"; then ok "$1"; else not_ok "$1 (waiting for '$2')"; fi; }
run() {
	tm kill-server >/dev/null 2>&1
	runs=$((runs + 1))
	sock="tipr-terms-$$-$runs"
	tm new-session -d -s t -x 80 -y 24 "env XDG_STATE_HOME='$tmp/s' XDG_CACHE_HOME='$tmp/c' TIPR_DATADIR='$TIPR_DATADIR' $1 '$TIPR' korea-north 2022; echo EXIT=\$?; sleep 30"
}

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
tm send-keys -t t q
check "and quits cleanly" "EXIT=0"
