#!/bin/sh
# Writes a content directory with two synthetic editions of one narrative,
# built from the bundled narratives' sentences: WORDS words each, either
# similar (the second edition rewords, drops and adds some sentences, as real
# editions do) or unrelated (sentences drawn independently).  Deterministic.
#   bench/gen-diff-pair.sh SRCDIR OUTDIR WORDS similar|unrelated
set -eu
srcdir=$1 out=$2 words=$3 kind=$4
mkdir -p "$out/tip/2001" "$out/tip/2002"
cp "$srcdir/content/tip/collection.yaml" "$out/tip/"
cat "$srcdir"/content/tip/*/*.yaml | grep '^    [A-Z]' | sed 's/^    //' |
awk -v words="$words" -v kind="$kind" -v out="$out" '
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
function emit(file, year, n, s,    i, w, para) {
	print "country: kenya\nyear: " year "\ntier: \"2\"\ntitle: Kenya\ncomplete: true\nsections:\n  - id: overview\n    title: Overview\n    text: |" > file
	w = 0; para = "      "
	for (i = 1; i <= n; i++) {
		para = para s[i] " "
		if (i % 8 == 0) { print para > file; print "" > file; para = "      " }
	}
	if (para != "      ") print para > file
	close(file)
}
{
	n = split($0, parts, /\. /)
	for (i = 1; i <= n; i++) if (length(parts[i]) > 20) pool[++np] = parts[i] (parts[i] ~ /\.$/ ? "" : ".")
}
END {
	seed = 42
	total = 0; na = 0
	while (total < words) { s = pool[int(rnd() * np) + 1]; a[++na] = s; total += split(s, tmp, " ") }
	if (kind == "similar") {
		nb = 0
		for (i = 1; i <= na; i++) {
			r = rnd()
			if (r < 0.05) continue                       # dropped
			if (r < 0.15) {                              # reworded: a word or two replaced
				m = split(a[i], ws, " "); k = int(rnd() * m) + 1; ws[k] = "DPRK"
				t = ws[1]; for (j = 2; j <= m; j++) t = t " " ws[j]; b[++nb] = t
			} else b[++nb] = a[i]
			if (rnd() < 0.05) b[++nb] = pool[int(rnd() * np) + 1]   # added
		}
	} else {
		seed = 4242; nb = 0; total = 0
		while (total < words) {
			m = split(pool[int(rnd() * np) + 1], ws, " ")
			t = ""; for (j = 1; j <= m; j++) t = t (j > 1 ? " " : "") ws[int(rnd() * m) + 1]
			b[++nb] = t; total += m
		}
	}
	emit(out "/tip/2001/kenya.yaml", 2001, na, a)
	emit(out "/tip/2002/kenya.yaml", 2002, nb, b)
}'
