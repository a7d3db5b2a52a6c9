#!/bin/sh
# Annotations in the real reader (tmux): search a phrase, select it and
# extend it to the sentence's end, highlight it; select a paragraph and add a
# note; the list shows both, filters and jumps back; delete and undo; a
# second tipr adding an annotation meanwhile is seen, not lost; the
# comparison shows the highlight on its side; y copies a selected passage
# with its citation, to the terminal's clipboard (OSC 52, kept by tmux as a
# buffer) and to a file; a corrupt annotations file is left as it is until
# the first change sets it aside.  The screen, the colours (capture-pane -e)
# and the annotations file are checked.
plan=32
name=notes
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"
store=$tmp/data/tipr/annotations.yaml
esc=$(printf '\033')
# Background 107, the default theme's note-green.
green_bg="$esc\\[([0-9;]*;)?48;5;107(;[0-9;]*)?m"
# "in the file": the store holds the fixed string.
in_file() { if grep -qF -- "$2" "$store" 2>/dev/null; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "$store" 2>/dev/null; fi; }
live_count() {
	XDG_DATA_HOME=$tmp/data TIPR_DATADIR=$TIPR_DATADIR "$TIPR" notes list --format json | grep -c '"id"'
}

start 120 40 "'$TIPR' korea-north 2022 prosecution"
check "opens North Korea 2022 at Prosecution" "2022 › North Korea › Prosecution"
keys / "fair trials" Enter v ')'
check "v selects from the match; the hint line says how to go on" "Enter highlight"
keys 2
check "2 highlights it in green" "Highlighted in green"
in_file "...saved at once, extended to the sentence's end" \
	'quote: "Fair trials did not occur in the DPRK, and the government did not explain what provisions of law, if any, it used to prosecute trafficking crimes, if it did so."'
if tm capture-pane -e -p -t t | grep -qE -- "$green_bg"; then ok "...and drawn in green"; else not_ok "...and drawn in green"; fi

keys Escape j V a "For my article on fair trials"
check "V a opens the note prompt with the text typed" "note (Enter saves, Esc cancels): For my article on fair trials"
keys Enter
check "Enter saves the note" "Note saved"
in_file "...in the file, UTF-8 and all" 'note: "For my article on fair trials"'
if screen | grep -q "✎"; then ok "a marker in the margin where the note ends"; else not_ok "a marker in the margin where the note ends"; fi

keys L
check "L lists every annotation" "Annotations: 2, by place"
keys / article Enter
check "the list filters as you type" 'Annotations: 1, by place, matching "article"'
keys Enter
check "Enter jumps to the passage, its note on the hint line" "✎ For my article on fair trials"

keys x
check "x deletes it" "Annotation deleted: U brings it back"
if [ "$(live_count)" = 1 ]; then ok "...the file has one left (tipr notes list)"; else not_ok "...the file has one left"; fi
keys U
check "U brings it back" "Annotation restored"

# A second tipr adds one while the reader runs: the reader keeps it.
XDG_DATA_HOME=$tmp/data TIPR_DATADIR=$TIPR_DATADIR "$TIPR" notes add korea-north 2022 protection \
	--quote "The government did not report any protection efforts." --note "from the shell" >/dev/null
keys L
check "an annotation added by another tipr meanwhile is listed" "Annotations: 3, by place"
keys x
wait_for "Annotations: 2" >/dev/null
if [ "$(live_count)" = 2 ] && grep -qF "from the shell" "$store"; then
	ok "deleting in the reader kept the other process's annotation"
else
	not_ok "deleting in the reader kept the other process's annotation"
fi

keys q t D Enter
check "the comparison opens side by side at Prosecution" "2021 → 2022 › North Korea › Prosecution"
if tm capture-pane -e -p -t t | grep -qE -- "$green_bg"; then
	ok "...with the 2022 highlight on its side"
else
	not_ok "...with the 2022 highlight on its side"
fi

# Notes are shown inert: an escape sequence in one cannot retitle the terminal.
XDG_DATA_HOME=$tmp/data TIPR_DATADIR=$TIPR_DATADIR "$TIPR" notes add korea-north 2022 prevention \
	--quote "The government did not report any efforts to prevent trafficking." \
	--note "$(printf 'evil \033]2;pwned\007 note')" >/dev/null
start 120 40 "'$TIPR' korea-north 2022 prevention"
keys L
check "a note with an escape sequence is listed, the escape shown as a placeholder" "evil"
if tm display-message -p -t t '#{pane_title}' | grep -q pwned; then
	not_ok "...and the terminal title is unchanged"
else
	ok "...and the terminal title is unchanged"
fi

# A corrupt file: said on the message line, left as it is until a change
# moves it aside (notes.sh and the unit tests follow it there), never
# overwritten.
quit q
printf 'annotations: [unclosed\n' >"$store"
start 120 40 "'$TIPR' korea-north 2022"
check "a corrupt annotations file is named on the message line" "could not be read; left as it is"
in_file "...and opening the reader changes nothing in it" "annotations: [unclosed"
keys / "fair trials" Enter v 2
check "the first highlight moves it aside, and says so" "could not be read; moved aside to"
if grep -qF "annotations: [unclosed" "$store".corrupt-* 2>/dev/null && grep -q "quote: " "$store"; then
	ok "...the corrupt file kept aside whole, the highlight in the new file"
else
	not_ok "...the corrupt file kept aside whole, the highlight in the new file"; ls "$tmp/data/tipr" | sed 's/^/# /'
fi

# An annotation whose passage is gone: said on opening, listed as orphaned, kept.
quit
cat >"$store" <<'EOF2'
version: 1
annotations:
- id: 0123456789ab
  collection: "tip"
  country: "korea-north"
  year: 2022
  section: "prosecution"
  block: paragraph
  index: 0
  start: 0
  end: 20
  quote: "A sentence the narrative never had"
  prefix: ""
  suffix: ""
  color: red
  note: "lost"
  created: 2026-01-01T00:00:00.000Z
  updated: 2026-01-01T00:00:00.000Z
EOF2
start 120 40 "'$TIPR' korea-north 2022"
check "an annotation that no longer matches is announced on opening" "1 annotation of this narrative no longer matches its text"
keys L
check "...listed as orphaned" "orphaned: North Korea 2022"
keys Enter
check "...and Enter says its passage is gone" "This passage is no longer in the text (orphaned)"

# y: the passage and its citation to the terminal's clipboard (tmux keeps an
# OSC 52 copy as a paste buffer with set-clipboard on) and to a file.
start 120 40 "'$TIPR' korea-north 2022 prosecution"
tm set -g set-clipboard on
wait_for "2022 › North Korea › Prosecution"
keys / "Fair trials" Enter v ')' y
check "y says where the passage went" "Copied the passage with its citation (to the terminal's clipboard; also in"
if wait_until 'tm show-buffer 2>/dev/null | grep -qF "Fair trials did not occur in the DPRK"'; then
	ok "the terminal's clipboard has the passage"
else
	not_ok "the terminal's clipboard has the passage ($(tm show-buffer 2>&1 | head -3))"
fi
if tm show-buffer | grep -qF "Korea, Democratic People's Republic of (2022), Prosecution, para. 1"; then
	ok "...with its citation (edition, country, section, paragraph)"
else
	not_ok "...with its citation ($(tm show-buffer 2>&1 | tr '\n' ' '))"
fi
if grep -qF "Fair trials did not occur" "$tmp/state/tipr/copied.txt" 2>/dev/null; then
	ok "...and the file named has it too"
else
	not_ok "...and the file named has it too"
fi
