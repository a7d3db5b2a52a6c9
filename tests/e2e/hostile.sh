#!/bin/sh
# Hostile text in content (escape sequences, C1 controls, bidi overrides, bells)
# reaches batch output only as visible, inert placeholders: the raw bytes
# written are checked.  With --color always, tipr's own SGR sequences are the
# only escapes.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }

mkdir -p "$tmp/c/tip/2022"
cp "$TIPR_SRCDIR/content/tip/collection.yaml" "$tmp/c/tip/"
cat >"$tmp/c/tip/2022/kenya.yaml" <<'YAML'
country: kenya
year: 2022
tier: "2"
title: "Kenya \e]0;pwned\a title"
source: "2022 \u202E evil"
complete: true
sections:
  - id: overview
    title: "Overview \e[2J"
    text: "Plain \e[31mred\e[0m text, C1 \u009b[2J, bidi \u202Eevil\u202C, a \x07 bell and \eP DCS \e\\."
  - id: recommendations
    title: Prioritized Recommendations
    items:
      - "Item with \e[1mbold\e[0m escape."
YAML
printf 'KENYA: TIER 2\nThe Government of Kenya \033]2;title\007 does not fully meet the minimum standards \342\200\256 reversed.\n' >"$tmp/raw.txt"

# No ESC (0x1b), no C1 CSI (0xc2 0x9b), no raw U+202E (0xe2 0x80 0xae), no BEL.
raw_clean() {
	! od -An -tx1 -v "$1" | tr -s ' \n' ' ' | grep -q -e ' 1b' -e ' c2 9b' -e ' e2 80 ae' -e ' 07'
}
# Every ESC starts an SGR sequence: ESC [ digits/semicolons m.
only_sgr() {
	LC_ALL=C sed 's/\x1b\[[0-9;]*m//g' "$1" >"$1.stripped"
	raw_clean "$1.stripped"
}

echo "1..17"
"$TIPR" show kenya 2022 --content "$tmp/c" --width 80 >"$tmp/show" 2>"$tmp/show.err"
if raw_clean "$tmp/show" && grep -q '\^\[\[31m' "$tmp/show" && grep -q '<U+202E>' "$tmp/show"; then
	ok "show: escapes and bidi overrides become visible placeholders"
else
	not_ok "show: escapes and bidi overrides become visible placeholders"; od -c "$tmp/show" | sed 's/^/# /' | head -20
fi
if raw_clean "$tmp/show.err" && grep -q 'control character' "$tmp/show.err"; then
	ok "show: the warnings on stderr name the problem and are inert too"
else
	not_ok "show: the warnings on stderr name the problem and are inert too"
fi
"$TIPR" show kenya 2022 --content "$tmp/c" --width 80 --color always >"$tmp/color" 2>/dev/null
if grep -q "$(printf '\033')\[" "$tmp/color" && only_sgr "$tmp/color"; then
	ok "show --color always: only tipr's own SGR sequences"
else
	not_ok "show --color always: only tipr's own SGR sequences"
fi
"$TIPR" list --content "$tmp/c" >"$tmp/list" 2>&1
"$TIPR" list --content "$tmp/c" --format json >"$tmp/json" 2>&1
"$TIPR" list --content "$tmp/c" --format csv >"$tmp/csv" 2>&1
if raw_clean "$tmp/list" && raw_clean "$tmp/json" && raw_clean "$tmp/csv"; then
	ok "list in text, json and csv: inert"
else
	not_ok "list in text, json and csv: inert"
fi
"$TIPR" check "$tmp/c" >"$tmp/check" 2>&1
if raw_clean "$tmp/check"; then ok "check: inert"; else not_ok "check: inert"; fi
"$TIPR" import --dry-run --year 2022 "$tmp/raw.txt" >"$tmp/dry" 2>&1
if raw_clean "$tmp/dry" && grep -q "control character 0x1B removed" "$tmp/dry"; then
	ok "import: control characters removed and reported"
else
	not_ok "import: control characters removed and reported"; sed 's/^/# /' "$tmp/dry"
fi
"$TIPR" import --out "$tmp/imp" --year 2022 "$tmp/raw.txt" >/dev/null 2>&1
"$TIPR" show kenya 2022 --content "$tmp/imp" --width 200 >"$tmp/imp.show" 2>&1
if raw_clean "$tmp/imp.show" && grep -q '<U+202E> reversed' "$tmp/imp.show"; then
	ok "imported text keeps the bidi override as data and shows it inert"
else
	not_ok "imported text keeps the bidi override as data and shows it inert"; sed 's/^/# /' "$tmp/imp.show"
fi
# Search: hostile content in the snippets, a hostile query echoed back.
XDG_CACHE_HOME=$tmp/cache "$TIPR" --content "$tmp/c" search plain >"$tmp/s1" 2>&1
XDG_CACHE_HOME=$tmp/cache "$TIPR" --content "$tmp/c" search --format json plain >>"$tmp/s1" 2>&1
XDG_CACHE_HOME=$tmp/cache "$TIPR" --content "$tmp/c" search "$(printf 'zz\033]2;pwned\007\342\200\256')" >>"$tmp/s1" 2>&1
if raw_clean "$tmp/s1" && grep -q "Plain" "$tmp/s1"; then
	ok "search: snippets and the query are inert, in text and json"
else
	not_ok "search: snippets and the query are inert, in text and json"; od -c "$tmp/s1" | sed 's/^/# /' | head -20
fi

# Notes: a quote of hostile content and a hostile note, in every output.
export XDG_DATA_HOME="$tmp/data"
"$TIPR" --content "$tmp/c" notes add kenya 2022 overview --quote "Plain" \
	--note "$(printf 'note \033]2;pwned\007 \302\233[2J \342\200\256evil')" >"$tmp/n0" 2>&1
"$TIPR" --content "$tmp/c" notes add kenya 2022 recommendations --quote "Item with" >>"$tmp/n0" 2>&1
: >"$tmp/n1"
for fmt in "list" "list --format json" "export" "export --format json" "export --format csv"; do
	# shellcheck disable=SC2086
	"$TIPR" --content "$tmp/c" notes $fmt >>"$tmp/n1" 2>&1
done
if raw_clean "$tmp/n0" && raw_clean "$tmp/n1" && grep -q "note" "$tmp/n1" && grep -q "Item with" "$tmp/n1"; then
	ok "notes list and export (md, json, csv): notes and quotes inert"
else
	not_ok "notes list and export (md, json, csv): notes and quotes inert"; od -c "$tmp/n1" | sed 's/^/# /' | head -30
fi

# Diff and the tracker over two hostile editions.
mkdir -p "$tmp/c/tip/2021"
sed 's/year: 2022/year: 2021/; s/red/blue/' "$tmp/c/tip/2022/kenya.yaml" >"$tmp/c/tip/2021/kenya.yaml"
{
	"$TIPR" --content "$tmp/c" diff kenya 2021 2022
	"$TIPR" --content "$tmp/c" diff --inline kenya 2021 2022
	"$TIPR" --content "$tmp/c" recs kenya
	"$TIPR" --content "$tmp/c" recs --format csv kenya
} >"$tmp/d1" 2>&1
if raw_clean "$tmp/d1" && grep -q "Plain" "$tmp/d1"; then
	ok "diff (two columns, inline) and recs: inert"
else
	not_ok "diff (two columns, inline) and recs: inert"; od -c "$tmp/d1" | sed 's/^/# /' | head -20
fi
"$TIPR" --content "$tmp/c" diff --color always kenya 2021 2022 >"$tmp/d2" 2>&1
if only_sgr "$tmp/d2" && grep -q "$(printf '\033')" "$tmp/d2"; then
	ok "diff --color always: only tipr's own SGR sequences"
else
	not_ok "diff --color always: only tipr's own SGR sequences"; od -c "$tmp/d2" | sed 's/^/# /' | head -20
fi

printf 'country: kenya\nyear: 2022\ntitle: "bad \377 byte"\nsections: []\n' >"$tmp/c/tip/2022/korea-north.yaml"
"$TIPR" check "$tmp/c" >"$tmp/check2" 2>&1
if raw_clean "$tmp/check2" && grep -q 'korea-north.yaml:3:[0-9]*: error: .*UTF-8' "$tmp/check2"; then
	ok "invalid UTF-8 is refused with its position"
else
	not_ok "invalid UTF-8 is refused with its position"; sed 's/^/# /' "$tmp/check2"
fi

# Invisible format characters (zero-width space and joiners, line and
# paragraph separators, the byte-order mark, tag characters): check names
# them; every output shows them as <U+XXXX>, never the raw bytes.
mkdir -p "$tmp/f/tip/2022"
printf 'title: "TIP\\u200B Report"\nkind: annual-report\n' >"$tmp/f/tip/collection.yaml"
cat >"$tmp/f/tip/2022/kenya.yaml" <<'YAML'
country: kenya
year: 2022
tier: "2"
title: "Ke\u200Dnya\U000E0041"
complete: true
sections:
  - id: overview
    title: Overview
    text: "Zero\u200Bwidth, line\u2028separator, para\u2029graph, bom\uFEFF and tag\U000E007F end."
YAML
# No raw U+200B-U+200D, U+2028, U+2029, U+FEFF or tag character (f3 a0 8x xx).
format_clean() {
	! od -An -tx1 -v "$1" | tr -s ' \n' ' ' | grep -q -e ' e2 80 8b' -e ' e2 80 8c' -e ' e2 80 8d' \
		-e ' e2 80 a8' -e ' e2 80 a9' -e ' ef bb bf' -e ' f3 a0 8[01]'
}
"$TIPR" check "$tmp/f" >"$tmp/fcheck" 2>&1
if grep -q 'collection.yaml:1:8: warning: text contains invisible format character U+200B' "$tmp/fcheck" &&
	grep -q 'kenya.yaml:4:8: warning: text contains invisible format character U+200D' "$tmp/fcheck" &&
	grep -q 'kenya.yaml:9:11: warning: text contains invisible format character U+200B' "$tmp/fcheck" &&
	format_clean "$tmp/fcheck"; then
	ok "check names invisible format characters in text and titles, with FILE:LINE:COL"
else
	not_ok "check names invisible format characters in text and titles, with FILE:LINE:COL"; sed 's/^/# /' "$tmp/fcheck"
fi
{
	"$TIPR" show kenya 2022 --content "$tmp/f" --width 200
	"$TIPR" list --content "$tmp/f"
	"$TIPR" list --content "$tmp/f" --format csv
	XDG_CACHE_HOME=$tmp/cache "$TIPR" --content "$tmp/f" search zero
} >"$tmp/fout" 2>&1
if format_clean "$tmp/fout" && grep -q 'Zero<U+200B>width' "$tmp/fout" && grep -q 'bom<U+FEFF> and tag<U+E007F> end' "$tmp/fout" &&
	grep -q 'TIP<U+200B> Report' "$tmp/fout" && grep -q 'Ke<U+200D>nya<U+E0041>' "$tmp/fout"; then
	ok "show, list (text, csv) and search show them as <U+XXXX>"
else
	not_ok "show, list (text, csv) and search show them as <U+XXXX>"; sed 's/^/# /' "$tmp/fout" | head -20
fi
"$TIPR" list --content "$tmp/f" --format json >"$tmp/fjson" 2>/dev/null
XDG_CACHE_HOME=$tmp/cache "$TIPR" --content "$tmp/f" search --format json tag >>"$tmp/fjson" 2>/dev/null
XDG_DATA_HOME=$tmp/fdata "$TIPR" --content "$tmp/f" notes add kenya 2022 overview --quote "Zero" \
	--note "$(printf 'flag\363\240\201\247 zw\342\200\213')" >/dev/null 2>&1
XDG_DATA_HOME=$tmp/fdata "$TIPR" --content "$tmp/f" notes list --format json >>"$tmp/fjson" 2>/dev/null
if format_clean "$tmp/fjson" && grep -qF 'TIP\u200b Report' "$tmp/fjson" && grep -qF 'tag<U+E007F> end' "$tmp/fjson" &&
	grep -qF '"flag\udb40\udc67 zw\u200b"' "$tmp/fjson"; then
	ok "JSON escapes them (astral ones as surrogate pairs)"
else
	not_ok "JSON escapes them (astral ones as surrogate pairs)"; sed 's/^/# /' "$tmp/fjson"
fi
printf ':dump\nq\n' >"$tmp/fkeys"
XDG_STATE_HOME=$tmp/state "$TIPR" --script "$tmp/fkeys" --size 200x20 --content "$tmp/f" kenya 2022 overview >"$tmp/fscreen" 2>/dev/null
if format_clean "$tmp/fscreen" && grep -q 'Zero<U+200B>width' "$tmp/fscreen"; then
	ok "the reader draws them as <U+XXXX>"
else
	not_ok "the reader draws them as <U+XXXX>"; sed 's/^/# /' "$tmp/fscreen"
fi

# A NUL in a collection title (or any text) is reported, not cut silently.
printf 'title: "Trafficking\\0 in Persons"\nkind: annual-report\n' >"$tmp/f/tip/collection.yaml"
"$TIPR" check "$tmp/f" >"$tmp/fnul" 2>&1
if [ $? -eq 1 ] && grep -q 'collection.yaml:1:8: error: text contains a NUL character' "$tmp/fnul"; then
	ok "check reports a NUL in a collection title, with its position"
else
	not_ok "check reports a NUL in a collection title, with its position"; sed 's/^/# /' "$tmp/fnul"
fi
