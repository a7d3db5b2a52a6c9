#!/bin/sh
# A synthetic corpus at the real report's scale, in the real content layout:
# YEARS editions x the countries of countries.yaml, narratives of 1,500 to
# 12,000 words built from the bundled narratives' sentences, changing edition
# to edition the way real narratives do (sentences reworded, numbers changed,
# some dropped, some added).  Deterministic.
#   bench/gen-corpus.sh SRCDIR OUTDIR [YEARS [COUNTRIES]]
set -eu
srcdir=$1 out=$2 years=${3:-25} max_countries=${4:-1000}
mkdir -p "$out/tip"
cp "$srcdir/content/countries.yaml" "$out/"
cp "$srcdir/content/tip/collection.yaml" "$out/tip/"
y=0
while [ $y -lt "$years" ]; do mkdir -p "$out/tip/$((2001 + y))"; y=$((y + 1)); done
{
	grep '^  - slug: ' "$srcdir/content/countries.yaml" | sed 's/.*slug: /SLUG /' | head -n "$max_countries"
	cat "$srcdir"/content/tip/*/*.yaml | grep '^    [A-Z]' | sed 's/^    /TEXT /'
} | awk -v out="$out" -v years="$years" '
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
function pick() { return pool[int(rnd() * np) + 1] }
function mutate(s,    m, ws, k, t, j) {
	m = split(s, ws, " "); k = int(rnd() * m) + 1
	if (ws[k] ~ /^[0-9]+$/) ws[k] = int(rnd() * 500); else ws[k] = words[int(rnd() * nw) + 1]
	t = ws[1]; for (j = 2; j <= m; j++) t = t " " ws[j]; return t
}
function emit(slug, year, n,    file, i, sec, ids, titles) {
	split("overview recommendations prosecution protection prevention profile", ids, " ")
	split("Overview|Prioritized Recommendations|Prosecution|Protection|Prevention|Trafficking Profile", titles, "|")
	file = out "/tip/" year "/" slug ".yaml"
	print "country: " slug "\nyear: " year "\ntier: \"2\"\ntitle: \"" slug "\"\ncomplete: true\nsections:" > file
	for (sec = 1; sec <= 6; sec++) {
		print "  - id: " ids[sec] "\n    title: " titles[sec] > file
		print (sec == 2 ? "    items:" : "    text: |") > file
		for (i = 1; i <= n; i++) {
			if (i % 6 + 1 != sec) continue
			if (sec == 2) { print "      - \"" cur[i] "\"" > file; continue }
			print "      " cur[i] > file
			if (i % 5 == 0) print "" > file
		}
	}
	close(file)
}
$1 == "SLUG" { slugs[++ns] = $2; next }
$1 == "TEXT" {
	sub(/^TEXT /, "")
	gsub(/"/, "")
	n = split($0, parts, /\. /)
	for (i = 1; i <= n; i++) if (length(parts[i]) > 20) pool[++np] = parts[i] (parts[i] ~ /\.$/ ? "" : ".")
	m = split($0, ws, " ")
	for (i = 1; i <= m; i++) if (ws[i] ~ /^[a-z]+$/) words[++nw] = ws[i]
}
END {
	seed = 7
	for (c = 1; c <= ns; c++) {
		target = 1500 + int(rnd() * 10500); n = 0; total = 0
		while (total < target) { s = pick(); cur[++n] = s; total += split(s, tmp, " ") }
		for (y = 0; y < years; y++) {
			if (y > 0) {
				m = 0
				for (i = 1; i <= n; i++) {
					r = rnd()
					if (r < 0.04) continue
					nxt[++m] = r < 0.12 ? mutate(cur[i]) : cur[i]
					if (rnd() < 0.04) nxt[++m] = pick()
				}
				n = m; for (i = 1; i <= n; i++) cur[i] = nxt[i]
			}
			emit(slugs[c], 2001 + y, n)
		}
	}
}'
# The real narratives stand in their own editions, as in the real corpus (and
# the start-up benchmark opens the same document in both corpora).
for f in "$srcdir"/content/tip/20*/*.yaml; do
	year=$(basename "$(dirname "$f")")
	[ -d "$out/tip/$year" ] && cp "$f" "$out/tip/$year/"
done
true
