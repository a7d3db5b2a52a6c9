#!/bin/sh
# The real reader in a real terminal (tmux): open, navigate the tree to
# North Korea 2022 > Prosecution, scroll, search, switch years, resize
# 120x40 -> 60x20 -> 120x40, help, a tiny terminal, quit and reopen where
# it left off, and content full of escape sequences that must stay inert.
# Assertions are on the captured screen text; waits poll, never sleep blind.
plan=28
name=tui
. "$TIPR_SRCDIR/tests/e2e/tmux-lib.sh"

start 120 40 "'$TIPR'"
check "opens on the bundled content" "North Korea"
keys j Enter
check "expands a country into its years" "2022"
keys j j Enter j j j Enter
check "opens North Korea 2022 at Prosecution" "2022 › North Korea › Prosecution"
if screen | grep -q "The government did not report any law enforcement efforts"; then
	ok "the Prosecution text is on screen"
else
	not_ok "the Prosecution text is on screen"
fi
keys PageDown
check "scrolls a page" "Trafficking Profile"
keys g / "forced labor" Enter
check "searches as you type" "Match 1 of"
keys n
check "n goes to the next match" "Match 2 of"
keys g ']' ']' ']' '<'
check "the previous year keeps the section" "2021 › North Korea › Prosecution"
keys '>'
check "and back to 2022" "2022 › North Korea › Prosecution"
# The first words of the text pane's first line.
first_words() { screen | sed -n 1p | awk -F'│' '{print $2}' | awk '{print $1, $2, $3}'; }
top=$(first_words)
keys j j j
wait_until '[ "$(first_words)" != "$top" ]'
settle
before=$(first_words)
tm resize-window -t t -x 60 -y 20
if wait_until '[ "$(screen | wc -L)" -le 60 ] && screen | grep -qF "Tier 3" &&
	screen | sed -n 1p | grep -qF -- "$(echo "$before" | awk "{print \$1}")"'; then
	ok "resized to 60x20: reflowed, first visible text kept ($before)"
else
	not_ok "resized to 60x20: reflowed, first visible text kept ($before)"
fi
tm resize-window -t t -x 120 -y 40
if wait_until '[ "$(first_words)" = "$before" ]'; then
	ok "resized back to 120x40: the same first line"
else
	not_ok "resized back to 120x40: the same first line"
fi

keys F1
check "F1 shows the help screen from the key table" "tipr: keys"
keys q
check "q closes the help" "2022 › North Korea › Prosecution"

tm resize-window -t t -x 20 -y 5
check "a tiny terminal says to enlarge it" "Enlarge the"
tm resize-window -t t -x 120 -y 40
check "and recovers when enlarged" "› Prosecution"

keys D Enter
check "D compares with the edition before, side by side, at the section read" "2021 → 2022 › North Korea › Prosecution"
keys N
check "N goes back to the change before (in the section before)" "North Korea › Prioritized Recommendations"
keys q R
check "R opens the recommendation tracker" "recommendations across editions"
if screen | grep -q "1st seen  *kept  *(excerpt)  *End the practice of summary"; then
	ok "the tracker shows the executions recommendation not in the 2023 excerpt"
else
	not_ok "the tracker shows the executions recommendation not in the 2023 excerpt"
fi
keys q
check "q goes back to reading" "2022 › North Korea › Prosecution"

keys S '"forced begging"'
check "S searches everything as you type" "2 matches in 1 documents"
keys Enter Enter
check "Enter opens the document at the match" "2022 › Kenya › Trafficking Profile"
quit '<'
start 120 40 "'$TIPR' korea-north 2022"
# The first frame leaves out tiers kept from the last run until their files
# are checked; the next one, at once, has them.
if wait_until 'screen | sed -n 1p | grep -q "2021 .* 2023" && screen | grep -q "2022  *3│"'; then
	ok "opened on a narrative: the tier strip and the tree's badges are there at once"
else
	not_ok "opened on a narrative: the tier strip and the tree's badges are there at once"
fi
keys t
quit
start 120 40 "'$TIPR' korea-north 2022"
if wait_until 'screen | sed -n 1p | grep -q "2021 .* 2023"' && ! screen | grep -q "▸ 2022"; then
	ok "and with the tree hidden (no badges to ask for a frame), the strip alone"
else
	not_ok "and with the tree hidden (no badges to ask for a frame), the strip alone"
fi
keys t
quit
start 120 40 "'$TIPR' korea-north 2022 prosecution"
wait_for "Prosecution" >/dev/null
quit
start 120 40 "'$TIPR'"
if wait_for "North Korea › Prosecution"; then
	ok "quit, and reopening returns to the same document and section"
else
	not_ok "quit, and reopening returns to the same document and section"
fi

# Content that tries to drive the terminal: a title change, a screen clear,
# colours, a bidi override.  All must show as inert placeholders.
mkdir -p "$tmp/hc/tip/2022"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$tmp/hc/tip/"
cat >"$tmp/hc/tip/2022/kenya.yaml" <<'YAML'
country: kenya
year: 2022
tier: "2"
title: "Kenya \e]2;pwned\a"
complete: true
sections:
  - id: overview
    title: "Overview \e[2J\e[H"
    text: "Plain \e[31mred\e[0m text, C1 \u009b[2J, bidi \u202Eevil\u202C end."
YAML
quit
start 100 20 "'$TIPR' --content '$tmp/hc' kenya 2022"
check "escape sequences in content are drawn as placeholders" "^[[31mred^[[0m"
if screen | grep -qF "<U+202E>evil<U+202C>" && screen | grep -qF "Plain "; then
	ok "bidi overrides shown as <U+202E>, and the screen was not cleared"
else
	not_ok "bidi overrides shown as <U+202E>, and the screen was not cleared"
fi
if tm display-message -p -t t '#{pane_title}' | grep -q pwned; then
	not_ok "the terminal title is unchanged"
else
	ok "the terminal title is unchanged"
fi
exit 0
