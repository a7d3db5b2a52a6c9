#!/bin/sh
# The comparison in a real terminal (tmux, capture-pane -e keeps the SGR
# codes), at 120x40 and 80x24: tipr compare dprk 2021 2022 shows two
# columns headed by their editions; the sentence that moved and was
# reworded (forced labor in mass mobilizations -> human trafficking in
# prison camps) is marked as moved AND shows its changed words on each side;
# s swaps the sides with the same figures; an excerpt's column says so.
plan=11
name=cmptui
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"
esc=$(printf '\033')
# The default theme: deleted words on red (41), inserted on green (42).
deleted="$esc\\[[0-9;]*41m[^$esc]*forced"
inserted="$esc\\[[0-9;]*42m[^$esc]*human"

colours() { tm capture-pane -e -p -t t; }
for size in "120 40" "80 24"; do
	set -- $size
	start "$1" "$2" "'$TIPR' compare dprk 2021 2022"
	check "$1x$2: two columns headed by their editions" "2021 · Tier 3"
	if screen | grep -qF "2022 · Tier 3" && screen | grep -qF "│"; then
		ok "$1x$2: ...2021 on the left, 2022 on the right"
	else
		not_ok "$1x$2: ...2021 on the left, 2022 on the right"
	fi
	# Its two halves: moved away (2021) at the top, moved here (2022) a
	# change or two on (n).
	found_deleted=no found_inserted=no
	for step in 1 2 3 4 5 6; do
		settle
		colours | grep -qE "$deleted" && found_deleted=yes
		colours | grep -qE "$inserted" && screen | grep -qF "(moved here)" && found_inserted=yes
		[ $found_deleted = yes ] && [ $found_inserted = yes ] && break
		keys n
	done
	if [ $found_deleted = yes ] && [ $found_inserted = yes ]; then
		ok "$1x$2: the moved sentence shows its deleted and inserted words"
	else
		not_ok "$1x$2: the moved sentence shows its deleted and inserted words"
	fi
	before=$(screen | grep -o "whole [0-9]*% similar")
	keys s
	wait_for "2022 on the left, 2021 on the right"
	after=$(screen | grep -o "whole [0-9]*% similar")
	if [ -n "$before" ] && [ "$before" = "$after" ]; then
		ok "$1x$2: s swaps the sides, the same figures ($before)"
	else
		not_ok "$1x$2: s swaps the sides, the same figures ($before / $after)"
	fi
	quit
done
start 80 24 "'$TIPR' compare dprk 2022 2023"
check "an excerpt's column says it is one" "2023 · Tier 3 · excerpt"
start 80 24 "'$TIPR' compare dprk 2022 2022; echo status=\$?"
check "the same edition twice is said, the terminal kept" "are the same edition"
check "...as a usage error" "status=2"
