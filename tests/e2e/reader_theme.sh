#!/bin/sh
# The reader's own files: a broken theme file (from --theme or from the
# config file) or state file is named as FILE:LINE:COL on the message line
# and again on stderr after exit, and the reader carries on (with the
# default theme, at the start).
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME="$tmp/cache" TIPR_CONTENT=
mkdir -p "$tmp/config/tipr"
printf ':dump\n' >"$tmp/dump.keys"
printf 'name: broken\nroles:\n  text: { fg: cyan }\n  heading: { fg: nosuchcolour }\n' >"$tmp/bad.yaml"
n=0
check() { # description, then a shell condition
	n=$((n + 1))
	if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err"; fi
}
read_at() { # the reader in script mode with extra options; screen to out, stderr to err
	"$TIPR" "$@" --script "$tmp/dump.keys" --size 100x8 kenya >"$tmp/out" 2>"$tmp/err"
	status=$?
}
echo "1..9"
read_at --theme "$tmp/bad.yaml"
check "a broken --theme file still opens the reader" '[ $status -eq 0 ] && grep -q "Kenya" "$tmp/out"'
check "the message line names FILE:LINE:COL" \
	'tail -1 "$tmp/out" | grep -q "^$tmp/bad.yaml:4:18: error: .*colour"'
check "stderr repeats it after exit" 'grep -q "^$tmp/bad.yaml:4:18: error:" "$tmp/err"'
read_at --theme nosuch
check "an unknown theme name says which file it looked for" \
	'tail -1 "$tmp/out" | grep -q "themes/nosuch.yaml: error: cannot read"'
printf 'theme: %s\n' "$tmp/bad.yaml" >"$tmp/config/tipr/config.yaml"
read_at
check "a broken theme named by config.yaml is reported the same way" \
	'tail -1 "$tmp/out" | grep -q "^$tmp/bad.yaml:4:18: error:"'
printf 'theme: [light]\n' >"$tmp/config/tipr/config.yaml"
read_at
check "a config.yaml whose theme is not a name is reported" \
	'grep -q "config.yaml:1:8: error: '"'"'theme'"'"' must be text, not a list" "$tmp/err"'
printf 'theme: light\n' >"$tmp/config/tipr/config.yaml"
read_at
check "theme: light in config.yaml loads without a word" '[ $status -eq 0 ] && [ ! -s "$tmp/err" ]'
mkdir -p "$tmp/state/tipr"
printf 'collection: tip\ncountry: [korea-north\n' >"$tmp/state/tipr/state.yaml"
"$TIPR" --script "$tmp/dump.keys" --size 100x8 >"$tmp/out" 2>"$tmp/err"
status=$?
check "a broken state.yaml is named on the message line, and the reader opens" \
	'[ $status -eq 0 ] && tail -1 "$tmp/out" | grep -q "^$tmp/state/tipr/state.yaml:3:1: error: "'
check "and on stderr after exit" 'grep -q "^$tmp/state/tipr/state.yaml:3:1: error:" "$tmp/err"'
