#!/bin/sh
# Numbers on the command line go through one strict parser: a whole decimal
# number in the option's range, or a usage error (exit 2) that says what is
# wrong with it; "1e3" is never 1 and "-1" never "unlimited".  And --theme
# styles the batch commands' colours as the reader's: the same roles.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/err"; }
# refused MESSAGE ARGS...: exit 2, MESSAGE (a fixed string) on stderr, no output.
refused() {
	want=$1
	shift
	"$TIPR" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ $status -eq 2 ] && grep -qF -- "$want" "$tmp/err" && [ ! -s "$tmp/out" ]; then
		ok "tipr $*: $want"
	else
		echo "# exit $status"; not_ok "tipr $*: $want"
	fi
}

echo "1..21"
refused "tipr search: --limit: '1e3' is not a whole number" search labor --limit 1e3
refused "tipr search: --limit: -1 is less than 1" search labor --limit -1
refused "tipr search: --limit: 0 is less than 1" search labor --limit 0
refused "tipr search: --limit: 1000001 is more than 1000000" search labor --limit 1000001
refused "tipr search: --limit: '+5' is not a whole number" search labor --limit +5
refused "tipr search: --limit: ' 5' is not a whole number" search labor --limit " 5"
refused "tipr show: --width: 10 is less than 20" show dprk 2022 --width 10
refused "tipr show: --width: '8e1' is not a whole number" show dprk 2022 --width 8e1
refused "tipr diff: --width: '80px' is not a whole number" diff dprk 2021 2022 --width 80px
refused "tipr show: year: '2022.5' is not a whole number" show dprk 2022.5
refused "tipr show: year: 1850 is less than 1900" show dprk 1850
refused "tipr diff: year: '0x7e6' is not a whole number" diff dprk 0x7e6 2022
refused "tipr search: year: '2e3' is not a whole number" search labor --year 2e3
refused "tipr notes: year: 99999 is more than 2200" notes add dprk 99999 prosecution --quote x
refused "tipr import: year: -2022 is less than 1900" import --year -2022 --dry-run x.txt
refused "tipr: --size (columns): '8e1' is not a whole number" --script /dev/null --size 8e1x24
refused "tipr: --size (rows): '24.0' is not a whole number" --script /dev/null --size 80x24.0
esc=$(printf '\033')
"$TIPR" list --theme light --color always >"$tmp/out" 2>"$tmp/err"
if head -1 "$tmp/out" | grep -q "^$esc\[1;30mTrafficking in Persons Report"; then
	ok "tipr list --theme light: the light theme's title style (bold black)"
else
	not_ok "tipr list --theme light: the light theme's title style (bold black)"
fi
"$TIPR" show dprk 2022 --theme=mono --color always >"$tmp/out" 2>"$tmp/err"
if grep -q "$esc\[1m" "$tmp/out" && ! grep -qE "$esc\[([0-9;]*;)?([34][0-9]|38;5)" "$tmp/out"; then
	ok "tipr show --theme=mono: attributes, no colour"
else
	not_ok "tipr show --theme=mono: attributes, no colour"
fi

# A limit is a limit: 1 means one match, whatever the rest.
"$TIPR" search labor --limit 1 >"$tmp/out" 2>"$tmp/err"
if [ "$(grep -c '»' "$tmp/out")" -eq 1 ] && grep -q "more matches; narrow the search or raise --limit" "$tmp/out"; then
	ok "--limit 1: one match shown, the rest counted"
else
	not_ok "--limit 1: one match shown, the rest counted"; sed 's/^/# /' "$tmp/out"
fi
# A COLUMNS that is not a number is ignored (80 columns), not read as 1.
COLUMNS=1e3 "$TIPR" show dprk 2022 prosecution >"$tmp/out" 2>"$tmp/err"
width=$(awk '{ if (length($0) > w) w = length($0) } END { print w }' "$tmp/out")
if [ "$width" -le 80 ] && [ "$width" -gt 60 ]; then ok "COLUMNS=1e3 is ignored: $width columns"; else not_ok "COLUMNS=1e3 is ignored: $width columns"; fi
