#!/bin/sh
# Searching everything in the real reader (tmux): results as you type on a
# generated corpus whose index does not exist yet (the narratives are read
# while it is built), the index there afterwards; earlier queries recalled
# with Up and Down in the S prompt.
plan=6
name=searchtui
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"

corpus=$tmp/corpus
"$TIPR_SRCDIR/bench/gen-corpus.sh" "$TIPR_SRCDIR" "$corpus" 3 60 >/dev/null 2>&1 || echo "Bail out! gen-corpus.sh failed"
start 120 30 "'$TIPR' --content '$corpus'"
wait_for "Trafficking in Persons Report"
keys S '"prison camps"'
check "the first search answers as the index is being built" "matches in"
if wait_until 'ls "$tmp"/cache/tipr/search-*.bin >/dev/null 2>&1'; then
	ok "the index is built and kept in the cache"
else
	not_ok "the index is built and kept in the cache ($(ls -R "$tmp/cache" 2>&1 | tr '\n' ' '))"
fi
keys Enter Escape
quit
start 120 30 "'$TIPR'"
wait_for "Trafficking in Persons Report"
keys S "forced begging" Enter
check "a search" "matches in"
keys Escape S
check "S again: an empty prompt" "search everything ("
keys Up
check "Up recalls the query before" "Esc close): forced begging"
keys Down
if wait_until '! screen | grep -qF "Esc close): forced begging"'; then
	ok "Down comes back to what was typed (nothing)"
else
	not_ok "Down comes back to what was typed (nothing)"
fi
