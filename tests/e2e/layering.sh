#!/bin/sh
# Model code never sees curses: no curses header outside src/ui/, and no
# curses symbol in libtipr.a (the model and batch commands).
set -u
echo "1..2"
hits=$(grep -l -E '#[[:space:]]*include[[:space:]]*[<"](n?curses(w)?/)?(n?curses|term|panel|menu|form)\.h[>"]' \
	$(find "$TIPR_SRCDIR"/src -path "$TIPR_SRCDIR/src/ui" -prune -o -name '*.[ch]' -print) 2>/dev/null)
if [ -z "$hits" ]; then
	echo "ok 1 - no curses include in the model ($(find "$TIPR_SRCDIR"/src -path "$TIPR_SRCDIR/src/ui" -prune -o -name '*.c' -print | wc -l) files)"
else
	echo "not ok 1 - curses included by model code: $hits"
fi
lib=${TIPR%/*}/libtipr.a
if [ ! -f "$lib" ]; then
	echo "ok 2 # SKIP libtipr.a not found next to $TIPR"
elif nm -u "$lib" 2>/dev/null | grep -q -E ' (initscr|newterm|wrefresh|doupdate|waddnstr|mvaddnstr|getch|wget_wch|endwin|setcchar|init_pair)$'; then
	echo "not ok 2 - libtipr.a calls curses: $(nm -u "$lib" | grep -E ' (initscr|newterm|wrefresh|doupdate|endwin)$' | head -3 | tr '\n' ' ')"
else
	echo "ok 2 - libtipr.a calls no curses function"
fi
