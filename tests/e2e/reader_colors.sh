#!/bin/sh
# The reader's colours in a real terminal (tmux capture-pane -e keeps the
# SGR codes): the default theme in 256 colours; bright colours reduced on an
# 8-colour terminal; none at all under NO_COLOR, --color never and the mono
# theme, which keep the status bar and hints apart by attributes instead.
plan=5
name=colors
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"
esc=$(printf '\033')
# SGR codes that set a colour (30-37, 40-47, 90-97, 100-107, 38;5;N, 48;5;N),
# not the defaults 39 and 49.
colour="$esc\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m"
bright="$esc\\[([0-9;]*;)?(9[0-7]|10[0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m"
reverse="$esc\\[([0-9;]*;)?7(;[0-9;]*)?m"

# Runs the reader on North Korea 2022 with the given environment and
# options; the screen with its SGR codes ends up in $tmp/screen.
run() {
	start 100 20 "NO_COLOR= $1 '$TIPR' $2 korea-north 2022"
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -e -p -t t >"$tmp/screen" 2>/dev/null
		grep -q "F1 help" "$tmp/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check() { # description, shell condition
	n=$((n + 1))
	if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; sed 's/^/# /' "$tmp/screen" | cat -v; fi
}
has() { grep -qE -- "$1" "$tmp/screen"; }

run "TERM=screen-256color" ""
check "the default theme colours tier, headings and hints" 'has "$colour"'
run "TERM=screen" ""
check "an 8-colour terminal gets only the 8 basic colours" 'has "$colour" && ! has "$bright"'
run "TERM=screen-256color NO_COLOR=1" ""
check "NO_COLOR: no colour, the status bar in reverse video" '! has "$colour" && has "$reverse"'
run "TERM=screen-256color" "--color never"
check "--color never: no colour" '! has "$colour" && has "$reverse"'
run "TERM=screen-256color" "--theme mono"
check "the mono theme: attributes only" '! has "$colour" && has "$reverse"'
