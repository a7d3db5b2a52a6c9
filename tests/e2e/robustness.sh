#!/bin/sh
# The reader in a real terminal (tmux) when things go wrong (issue 13):
# errors found before the first frame stay on the screen after exit; a
# SIGTERM or ^C gives the terminal back (modes and screen) with the place
# saved; after a SIGKILL the reader reopens at the section it was reading,
# because the place is saved as the user reads.
plan=10
name=robust
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"

state=$tmp/state/tipr/state.yaml
pane_pid() { tm display-message -p -t t '#{pane_pid}'; }
# The reader's process: the child of the pane's shell.
reader_pid() { pgrep -P "$(pane_pid)" -f tipr | head -n 1; }

start 100 20 "'$TIPR' narnia; echo exit=\$?"
check "an unknown country is said after exit" "no country matches 'narnia'"
check "...with exit status 1" "exit=1"
start 100 20 "'$TIPR' lsit; echo exit=\$?"
check "a mistyped command is named" "did you mean 'tipr list'?"
start 100 20 "'$TIPR' dprk 1999; echo exit=\$?"
check "a missing year names the editions there are" "editions: 2021, 2022, 2023"

# Read to Prosecution and scroll a little; the place is saved as we go.
start 100 20 "'$TIPR' dprk 2022; stty -a | grep -o -e '-icanon' -e ' icanon' | head -n 1"
wait_for "2022 › North Korea"
keys ']' ']' ']'
check "reading North Korea 2022, Prosecution" "2022 › North Korea › Prosecution"
if wait_until "grep -q '^section: 2' '$state' 2>/dev/null"; then
	ok "the section is saved as soon as it is reached"
else
	not_ok "the section is saved as soon as it is reached ($(cat "$state" 2>&1 | tr '\n' ' '))"
fi
kill -KILL "$(reader_pid)"
wait_until '[ -z "$(reader_pid)" ]'
start 100 20 "'$TIPR'"
check "after a SIGKILL the reader reopens at that section" "2022 › North Korea › Prosecution"
# SIGTERM: the terminal's modes come back (icanon, which curses had
# turned off) and the reader's screen is gone.
kill -TERM "$(reader_pid)"
if wait_until '[ -z "$(reader_pid)" ]' && wait_until "! screen | grep -qF 'North Korea'"; then
	ok "SIGTERM ends the reader and leaves its screen"
else
	not_ok "SIGTERM ends the reader and leaves its screen"
fi
start 100 20 "'$TIPR' dprk 2021; stty -a | grep -o -e '-icanon' -e ' icanon' | head -n 1"
wait_for "2021 › North Korea"
kill -TERM "$(reader_pid)"
check "SIGTERM gives the terminal its modes back" " icanon"
# (A shell that catches SIGINT, as an interactive one does, says how the
# reader ended.)
printf 'trap : INT\n"$@"\necho status=$?\n' >"$tmp/shell.sh"
start 100 20 "sh '$tmp/shell.sh' '$TIPR' dprk 2021 protection"
wait_for "2021 › North Korea › Protection"
keys C-c
check "^C ends the reader as SIGINT would, the terminal given back" "status=130"
