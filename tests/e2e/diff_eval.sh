#!/bin/sh
# The held-out set of known edits (diff-eval.cases beside this script): each
# case becomes two editions of one narrative, `tipr diff --format json` must
# report every edit as what it is, and `git diff --no-index --word-diff` is
# scored on the same pairs for comparison (bench/README).
#   diff_eval.sh            TAP, one line per case (TIPR, TIPR_SRCDIR set)
#   diff_eval.sh --score    only the two scores (for make bench)
# Needs jq.  KEEP=1 leaves the case folders (under TMPDIR) to look at.
set -u
src=${TIPR_SRCDIR:-$(dirname "$0")/../..}
cases="$src/tests/e2e/diff-eval.cases"
score_only=false
[ "${1:-}" = --score ] && score_only=true
tmp=$(mktemp -d) || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
if ! command -v jq >/dev/null 2>&1; then
	echo "1..1"
	echo "not ok 1 - jq is needed (Debian package jq; ./bootstrap installs it)"
	exit 1
fi
if [ ! -r "$cases" ]; then
	echo "1..1"
	echo "not ok 1 - the case file $cases cannot be read"
	exit 1
fi

# Splits the case file into one folder per case: name, a.txt, b.txt,
# b.excerpt, expect.
awk -v dir="$tmp" '
/^#/ && !n { next }
/^=== / { n++; d = sprintf("%s/c%03d", dir, n); system("mkdir -p " d); name = substr($0, 5)
	print name > (d "/name"); close(d "/name"); part = ""; next }
/^--- a$/ { part = "a.txt"; next }
/^--- b/ { part = "b.txt"; if ($0 ~ /excerpt/) print "" > (d "/b.excerpt"); next }
/^--- expect$/ { part = "expect"; next }
part != "" { print > (d "/" part) }
' "$cases"

# One edition as content YAML: paragraphs of the overview (a line ending in
# "\" continues on the next), "## ID" sections, "* " recommendations.
to_yaml() { # TEXT YEAR COMPLETE
	awk -v year="$2" -v complete="$3" '
	function section(id) {
		printf "  - id: %s\n    title: %s\n", id, toupper(substr(id, 1, 1)) substr(id, 2)
		open = 0
	}
	BEGIN {
		printf "country: kenya\nyear: %s\ntier: \"2\"\ntitle: Kenya\ncomplete: %s\nsections:\n", year, complete
		section("overview")
	}
	/^## / { section(substr($0, 4)); next }
	/^\* / {
		if (open != 2) { print "    items:"; open = 2 }
		printf "      - |-\n        %s\n", substr($0, 3); next
	}
	{
		if (open != 1) { print "    text: |"; open = 1 }
		else if (!cont) print ""
		cont = sub(/ \\$/, "")
		printf "      %s\n", $0
	}' "$1"
}

# The same text as a plain file for git: a line per paragraph (or per line
# of a re-wrapped one), blank lines between.
to_text() {
	awk '/^## / { print toupper(substr($0, 4)); print ""; next }
	/^\* / { print "- " substr($0, 3); next }
	{ c = sub(/ \\$/, ""); print; if (!c) print "" }' "$1"
}

# What tipr found, one line a pair that is not the same: its kind, then the
# words only one side has (-old +new, sorted), or "punct" when the pair
# differs in punctuation alone; "similarity 1" when nothing differs.
tipr_lines() {
	jq -r '
	def words: [scan("[\\p{L}\\p{N}]+")];
	[.sections[].pairs[] | select(.kind != "same")] as $p |
	if ($p | length) == 0 then "similarity \(.similarity)" else
	$p[] |
	(if .kind == "changed" then
		(if (.b_sentences // 1) > 1 then "split" elif (.a_sentences // 1) > 1 then "merged" else "changed" end)
	 else .kind end) as $k |
	([.words[]? | select(.op == "delete") | .text | words[] | "-" + .] +
	 [.words[]? | select(.op == "insert") | .text | words[] | "+" + .]) as $t |
	if ([.words[]? | select(.op != "same")] | length) > 0 and ($t | length) == 0 then "\($k) punct"
	else ([$k] + ($t | sort)) | join(" ") end end' "$1" | sed 's/^similarity 1\.0*$/similarity 1/'
}

# A line with its -/+ words sorted, so that expectations need no order.
norm() {
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		kind=$(printf '%s\n' "$line" | tr ' ' '\n' | grep -v '^[-+]' | tr '\n' ' ')
		words=$(printf '%s\n' "$line" | tr ' ' '\n' | grep '^[-+]' | LC_ALL=C sort | tr '\n' ' ')
		printf '%s%s\n' "$kind" "$words" | sed 's/ *$//'
	done | LC_ALL=C sort
}

# The words a correct word diff marks, from tipr's (checked) pairs: a
# replacement's words less those on both sides of it (a diff that marks
# "camps," against "camps." is not wrong about the word), whole sentences
# removed or added; a move's own rewording only, and nothing for text an
# excerpt lacks: neither is a deletion.  Then "change" or "none".
JQ_CANCEL='
def words: [scan("[\\p{L}\\p{N}]+")];
def cancel: reduce (.del[]) as $w ({del: [], ins: .ins};
	(.ins | map(. == $w) | index(true)) as $i |
	if $i == null then .del += [$w] else .ins |= del(.[$i]) end);
def tokens: map(cancel | (.del | map("-" + .)) + (.ins | map("+" + .))) | add // [] | sort;
'
truth_words() {
	jq -r "$JQ_CANCEL"'
	[.sections[].pairs[] | select(.kind != "same" and .kind != "not in this excerpt") |
	 if .kind == "removed" then [{del: (.a | words), ins: []}]
	 elif .kind == "added" then [{del: [], ins: (.b | words)}]
	 else (reduce (.words[]? | select(.op != "same")) as $w ([];
		if $w.op == "insert" and length > 0 and (.[-1].ins | length) == 0
		then .[-1].ins = ($w.text | words)
		elif $w.op == "delete" then . + [{del: ($w.text | words), ins: []}]
		else . + [{del: [], ins: ($w.text | words)}] end)) end] |
	(if length > 0 then "change" else "none" end), (add // [] | tokens | join(" "))' "$1"
}

# The same read off git's porcelain word diff: each deleted run and the
# inserted run right after it are one replacement.
git_words() {
	jq -Rrn "$JQ_CANCEL"'
	[inputs] | (map(startswith("@@")) | index(true)) as $h |
	if $h == null then "none", "" else
	(reduce (.[$h:][] | select(startswith("@@") | not)) as $l ({g: [], prev: ""};
		if ($l | startswith("-")) then
			(if .prev == "-" then .g[-1].del += ($l[1:] | words) else .g += [{del: ($l[1:] | words), ins: []}] end) | .prev = "-"
		elif ($l | startswith("+")) then
			(if .prev == "-" or .prev == "+" then .g[-1].ins += ($l[1:] | words) else .g += [{del: [], ins: ($l[1:] | words)}] end) | .prev = "+"
		else .prev = "" end) | .g) |
	(if length > 0 then "change" else "none" end), (tokens | join(" ")) end' "$1"
}

total=$(ls -d "$tmp"/c* | wc -l)
$score_only || echo "1..$total"
n=0 right=0 git_right=0
for d in "$tmp"/c*; do
	n=$((n + 1))
	name=$(cat "$d/name")
	mkdir -p "$d/content/tip/2021" "$d/content/tip/2022"
	cp "$src/content/tip/collection.yaml" "$d/content/tip/"
	to_yaml "$d/a.txt" 2021 true >"$d/content/tip/2021/kenya.yaml"
	to_yaml "$d/b.txt" 2022 "$([ -f "$d/b.excerpt" ] && echo false || echo true)" >"$d/content/tip/2022/kenya.yaml"
	"$TIPR" diff kenya 2021 2022 --content "$d/content" --format json >"$d/json" 2>"$d/err"
	tipr_lines "$d/json" | norm >"$d/got"
	norm <"$d/expect" >"$d/want"
	if cmp -s "$d/got" "$d/want"; then
		right=$((right + 1))
		$score_only || echo "ok $n - $name"
	elif ! $score_only; then
		echo "not ok $n - $name"
		sed 's/^/#   want: /' "$d/want"
		sed 's/^/#   got:  /' "$d/got"
		sed 's/^/#   /' "$d/err"
	fi
	to_text "$d/a.txt" >"$d/a.plain"
	to_text "$d/b.txt" >"$d/b.plain"
	git diff --no-index --word-diff=porcelain "$d/a.plain" "$d/b.plain" >"$d/git"
	git_words "$d/git" >"$d/git.words"
	truth_words "$d/json" >"$d/truth.words"
	cmp -s "$d/git.words" "$d/truth.words" && git_right=$((git_right + 1))
done
if $score_only; then
	echo "tipr diff: $right of $total right"
	echo "git diff --word-diff: $git_right of $total right"
else
	echo "# tipr diff $right of $total right; git diff --no-index --word-diff $git_right of $total right"
fi
[ "$right" -eq "$total" ]
