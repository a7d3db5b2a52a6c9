# tmux-lib.sh — sourced by the end-to-end tests that drive the real reader
# in tmux.  Before sourcing, set plan (the number of checks) and name (for
# the tmux socket).  It prints the plan, skips every check when tmux is
# missing, and gives:
#   tm ARGS        tmux on this test's own server
#   start W H CMD  a fresh server and session t of WxH running CMD (with the
#                  user's directories under $tmp and TERM=screen-256color)
#   screen         the captured screen; wait_for TEXT polls it for 10 s
#   wait_until COND  polls the shell condition COND for 10 s
#   settle         waits until the screen has stopped changing
#   ok / not_ok / check NAME TEXT   TAP results (not_ok shows the screen)
#   keys KEYS      send-keys to the session
#   quit [KEYS]    sends KEYS and q, and waits until the reader has exited
#                  (so its files are written before the next start)
set -u
n=0
echo "1..$plan"
if [ -z "${TMUX_BIN:-}" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	# Installed but not found by configure is a broken set-up, not a skip.
	if command -v tmux >/dev/null 2>&1; then
		while [ $n -lt $plan ]; do
			n=$((n + 1))
			echo "not ok $n - tmux is installed ($(command -v tmux)) but configure did not find it (TIPR_TMUX='${TMUX_BIN:-}')"
		done
		exit 0
	fi
	while [ $n -lt $plan ]; do n=$((n + 1)); echo "ok $n # SKIP tmux not installed"; done
	exit 0
fi
tmp=$(mktemp -d) || exit 1
runs=0
sock="tipr-$name-$$-0"
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT
unset TMUX

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; tm capture-pane -p -t t 2>/dev/null | sed 's/^/# /'; }
screen() { tm capture-pane -p -t t; }
wait_until() {
	i=0
	while [ $i -lt 100 ]; do
		if eval "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
wait_for() {
	wanted=$1
	wait_until 'screen 2>/dev/null | grep -qF -- "$wanted"'
}
# Keys already sent may not be drawn yet (a sanitizer build on a busy
# machine is slow): a screen unchanged over half a second is taken as done.
settle() {
	last=$(screen) same=0 i=0
	while [ $same -lt 5 ] && [ $i -lt 100 ]; do
		sleep 0.1
		now=$(screen)
		if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0 last=$now; fi
		i=$((i + 1))
	done
}
check() { if wait_for "$2"; then ok "$1"; else not_ok "$1 (waiting for '$2')"; fi; }
keys() { tm send-keys -t t "$@"; }
quit() {
	keys "$@" q
	wait_until '[ "$(tm display-message -p -t t "#{pane_current_command}")" = sleep ]'
}

# A fresh server each time: reusing a socket races with the old one's exit.
start() {
	tm kill-server >/dev/null 2>&1
	runs=$((runs + 1))
	sock="tipr-$name-$$-$runs"
	tm new-session -d -s t -x "$1" -y "$2" \
		"env XDG_STATE_HOME='$tmp/state' XDG_CONFIG_HOME='$tmp/config' XDG_DATA_HOME='$tmp/data' \
		 XDG_CACHE_HOME='$tmp/cache' TIPR_DATADIR='$TIPR_DATADIR' TERM=screen-256color LANG=C.UTF-8 \
		 $3; sleep 30"
}
