#!/bin/sh
# tipr notes: add, list, export, rm, and what happens with a bad quote or a
# corrupt annotations file.  Everything is written under a temporary
# XDG_DATA_HOME.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME
unset TIPR_CONTENT NO_COLOR
store=$XDG_DATA_HOME/tipr/annotations.yaml
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" 2>/dev/null; }
# run STATUS DESC ARGS...: runs tipr, expecting exit STATUS.
run() {
	want=$1 desc=$2
	shift 2
	"$TIPR" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc"; else echo "# exit $got, wanted $want"; not_ok "$desc"; fi
}
# has DESC PATTERN FILE: the file contains the fixed string.
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else not_ok "$1"; fi; }

echo "1..63"
run 0 "notes --help" notes --help
has "  ...shows the usage" "tipr notes add COUNTRY YEAR SECTION --quote TEXT" "$tmp/out"
run 2 "notes list --format csv is a usage error" notes list --format csv
run 0 "notes list --color never (the output option)" notes list --color never
run 0 "notes list with no file" notes list
if [ -s "$tmp/out" ]; then not_ok "  ...prints nothing"; else ok "  ...prints nothing"; fi
if [ -e "$XDG_DATA_HOME" ]; then not_ok "  ...and creates nothing"; else ok "  ...and creates nothing"; fi

run 0 "add with straight quote matching curly text" notes add dprk 2022 overview \
	--quote "Democratic People's Republic of Korea (DPRK)" --note 'a "quoted" note
on two lines' --color green
id1=$(cat "$tmp/out")
run 0 "add a recommendation item" notes add korea-north 2022 recommendations \
	--quote "criminalize sex trafficking and labor trafficking."
id2=$(cat "$tmp/out")
printf 'bidi \342\200\256 and escape \033[31m' >"$tmp/evil"
run 0 "add with control characters in the note" notes add PRK 2022 prosecution \
	--quote "Fair trials did not occur in the DPRK" --note "$(cat "$tmp/evil")"
id3=$(cat "$tmp/out")
if [ ${#id1} -eq 12 ] && [ ${#id2} -eq 12 ] && [ "$id1" != "$id2" ]; then ok "ids are 12 hex digits"; else not_ok "ids are 12 hex digits"; fi
run 1 "quote not in the section: exit 1" notes add dprk 2022 prosecution --quote "no such passage"
has "  ...says so" "quote is not in" "$tmp/err"
run 1 "ambiguous quote: exit 1" notes add dprk 2022 prosecution --quote "did not"
run 2 "add without --quote: exit 2" notes add dprk 2022 prosecution
run 2 "unknown colour: exit 2" notes add dprk 2022 prosecution --quote "did not report" --color mauve
run 2 "unknown subcommand: exit 2" notes frobnicate

run 0 "notes list" notes list
has "  ...shows the quote" "Democratic People’s Republic of Korea (DPRK)" "$tmp/out"
has "  ...shows the note" 'a "quoted" note' "$tmp/out"
if grep -q "$(printf '\033')" "$tmp/out" || grep -q "$(printf '\342\200\256')" "$tmp/out"; then
	not_ok "  ...with control and bidi characters made inert"
else
	ok "  ...with control and bidi characters made inert"
fi
run 0 "notes list --format json" notes list --format json
has "  ...json has the id" "\"id\": \"$id1\"" "$tmp/out"
run 0 "notes export (Markdown)" notes export --format md
has "  ...grouped by country and year" "## Korea, Democratic People's Republic of, 2022" "$tmp/out"
has "  ...quote with its citation" "— *2022 Trafficking in Persons Report*, Korea, Democratic People's Republic of (2022), Prioritized Recommendations" "$tmp/out"
run 0 "notes export --format csv" notes export --format csv
if [ "$(head -1 "$tmp/out" | cut -d, -f1-5)" = "id,collection,country,country_name,year" ] &&
	grep -q "^$id2,tip,korea-north," "$tmp/out"; then ok "  ...header and rows"; else not_ok "  ...header and rows"; fi

# An annotation whose passage no longer exists is listed as orphaned.
sed "s/quote: \"Criminalize sex trafficking and labor trafficking.\"/quote: \"Abolish all the camps.\"/" \
	"$store" >"$tmp/edited" && cp "$tmp/edited" "$store"
run 0 "export with an orphaned annotation" notes export
has "  ...under its own heading" "## Orphaned annotations" "$tmp/out"

run 0 "notes rm" notes rm "$id1"
run 1 "notes rm of a deleted id: exit 1" notes rm "$id1"
"$TIPR" notes list >"$tmp/out" 2>&1
if grep -q "$id1" "$tmp/out" || ! grep -q "$id3" "$tmp/out"; then not_ok "rm removed only that one"; else ok "rm removed only that one"; fi

printf 'version: 1\nannotations:\n- id: [unclosed\n' >"$store"
cp "$store" "$tmp/corrupt"
run 1 "corrupt file: exit 1" notes list
has "  ...message names FILE:LINE:COL" "annotations.yaml:4:1: error:" "$tmp/err"
if cmp -s "$store" "$tmp/corrupt" && [ "$(ls "$XDG_DATA_HOME/tipr")" = "annotations.yaml
annotations.yaml.lock" ]; then
	ok "  ...notes list (read-only) renames and creates nothing"
else
	not_ok "  ...notes list (read-only) renames and creates nothing"; ls -l "$XDG_DATA_HOME/tipr" | sed 's/^/# /'
fi
run 0 "the next change saves" notes add korea-north 2022 prosecution \
	--quote "Fair trials did not occur in the DPRK" --note "after the corrupt file"
if ls "$store".corrupt-* >/dev/null 2>&1 && cmp -s "$store".corrupt-* "$tmp/corrupt" &&
	grep -q "after the corrupt file" "$store"; then
	ok "  ...having kept the corrupt file aside intact"
else
	not_ok "  ...having kept the corrupt file aside intact"
fi
has "  ...and said so" "moved aside to $store.corrupt-" "$tmp/err"
# The reader (script mode): a highlight over a corrupt file says it was set
# aside and that the highlight is saved, not that it is waiting.
rm -f "$store" "$store".corrupt-*
printf 'version: 1\nannotations:\n- id: [unclosed\n' >"$store"
printf '/fair trials<Enter>\nv2\n:dump\n' >"$tmp/keys"
XDG_STATE_HOME=$tmp/state "$TIPR" --script "$tmp/keys" --size 400x12 korea-north 2022 prosecution >"$tmp/out" 2>"$tmp/err"
has "the reader: the first highlight sets a corrupt file aside and is saved" \
	"could not be read; moved aside to $store.corrupt-" "$tmp/out"
has "  ...the message says it is saved" "(nothing in it is lost); the change is saved in a new file" "$tmp/out"

# A full disk while saving (a file size limit: writes fail with EFBIG as a
# full disk's fail with ENOSPC): exit 1, the reason, the file as it was.
rm -f "$store" "$store".corrupt-*
run 0 "an annotation saved before the disk fills" notes add korea-north 2022 prosecution \
	--quote "Fair trials did not occur in the DPRK" --note "kept"
cp "$store" "$tmp/before"
case $TIPR in
*-valgrind)
	# valgrind dies of SIGXFSZ even when the program ignores it
	# (plain and sanitizer builds run this).
	skip "full disk: valgrind dies of SIGXFSZ"
	skip "full disk: the reason"
	;;
*)
	(
		ulimit -f 1
		"$TIPR" notes add korea-north 2022 protection \
			--quote "The government did not report any protection efforts." --note "$(printf '%0600d' 0)"
	) >"$tmp/out" 2>"$tmp/err"
	if [ $? -eq 1 ]; then ok "  ...full disk: exit 1"; else not_ok "  ...full disk: exit 1"; fi
	has "  ...the reason, naming the file" "annotations.yaml: error: cannot save: File too large" "$tmp/err"
	;;
esac
if cmp -s "$store" "$tmp/before" && [ ! -e "$store.tmp" ]; then
	ok "  ...the file unchanged, no temporary left"
else
	not_ok "  ...the file unchanged, no temporary left"
fi

# CSV cells that a spreadsheet would run are written as text: byte by byte.
rm -f "$store" "$store".corrupt-*
run 0 "a note that is a formula" notes add korea-north 2022 prosecution \
	--quote "Fair trials did not occur in the DPRK" --note '=HYPERLINK("http://evil.example","x")'
run 0 "...exported as CSV" notes export --format csv
# The row from its second cell to the colour and status, byte for byte (the
# id, the times and the citation's cells after them left out).
row() { sed -n 2p "$1" | sed 's/^[0-9a-f]*,//; s/,[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:.]*Z,.*$//'; }
fixed="tip,korea-north,\"Korea, Democratic People's Republic of\",2022,2022 Trafficking in Persons Report,prosecution,Prosecution,Fair trials did not occur in the DPRK"
row "$tmp/out" >"$tmp/cell"
printf '%s,"\047=HYPERLINK(""http://evil.example"",""x"")",yellow,exact\n' "$fixed" >"$tmp/want"
if cmp -s "$tmp/cell" "$tmp/want"; then
	ok "  ...with a leading apostrophe, quoted, quotes doubled"
else
	not_ok "  ...with a leading apostrophe, quoted, quotes doubled"; diff "$tmp/want" "$tmp/cell" | sed 's/^/# /'
fi
for note in '+1' '-1' '@SUM(A1)'; do
	rm -f "$store"
	"$TIPR" notes add korea-north 2022 prosecution --quote "Fair trials did not occur in the DPRK" \
		--note "$note" >/dev/null 2>&1
	"$TIPR" notes export --format csv >"$tmp/out"
	row "$tmp/out" >"$tmp/cell"
	printf "%s,\047%s,yellow,exact\n" "$fixed" "$note" >"$tmp/want"
	if cmp -s "$tmp/cell" "$tmp/want"; then ok "  ...a note '$note' too"; else not_ok "  ...a note '$note' too"; diff "$tmp/want" "$tmp/cell" | sed 's/^/# /'; fi
done

# A symlinked annotations file (a dotfiles repository): followed, written
# and locked beside its target, the link kept.
rm -rf "$XDG_DATA_HOME/tipr" "$tmp/dotfiles"
mkdir -p "$XDG_DATA_HOME/tipr" "$tmp/dotfiles"
ln -s "$tmp/dotfiles/annotations.yaml" "$store"
run 0 "through a symlink: add" notes add korea-north 2022 prosecution \
	--quote "Fair trials did not occur in the DPRK" --note "in my dotfiles"
if [ -L "$store" ] && grep -q "in my dotfiles" "$tmp/dotfiles/annotations.yaml" &&
	[ -e "$tmp/dotfiles/annotations.yaml.lock" ] && [ "$(ls "$XDG_DATA_HOME/tipr")" = annotations.yaml ]; then
	ok "  ...the target written and locked beside it, the link kept"
else
	not_ok "  ...the target written and locked beside it, the link kept"; ls -la "$XDG_DATA_HOME/tipr" "$tmp/dotfiles" | sed 's/^/# /'
fi
run 0 "  ...and listed through it" notes list
has "  ...with the note" "in my dotfiles" "$tmp/out"

# A link to a device node, a device node, a FIFO: refused, never renamed,
# locked or written; nothing waits on the FIFO (timeout: a hang fails).
odd() {
	rm -rf "$XDG_DATA_HOME/tipr" "$tmp/odd"
	mkdir -p "$XDG_DATA_HOME/tipr" "$tmp/odd"
	case $1 in
	device) mknod "$tmp/odd/dev" c 1 3 2>/dev/null || ln -s /dev/null "$tmp/odd/dev"; ln -s "$tmp/odd/dev" "$store" ;;
	fifo) mkfifo "$store" ;;
	esac
	ls -li "$tmp/odd" "$XDG_DATA_HOME/tipr" >"$tmp/before-odd"
}
# refused KIND DESC ARGS...: tipr exits 1 saying why, and nothing changed.
refused() {
	kind=$1 desc=$2
	shift 2
	timeout 10 "$TIPR" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	ls -li "$tmp/odd" "$XDG_DATA_HOME/tipr" >"$tmp/after-odd"
	if [ $status -eq 1 ] && grep -q "not a regular file" "$tmp/err" && cmp -s "$tmp/before-odd" "$tmp/after-odd"; then
		ok "$kind: $desc refuses it, changes nothing"
	else
		echo "# exit $status"; not_ok "$kind: $desc refuses it, changes nothing"
		diff "$tmp/before-odd" "$tmp/after-odd" | sed 's/^/# /'
	fi
}
for kind in device fifo; do
	odd $kind
	refused $kind "notes list" notes list
	refused $kind "notes export" notes export --format csv
	refused $kind "notes rm" notes rm 0123
	refused $kind "notes add" notes add korea-north 2022 prosecution --quote "Fair trials did not occur in the DPRK"
done
exit 0
