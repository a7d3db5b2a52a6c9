#!/bin/sh
# mkhtml.sh — a narrative page as a browser saves it, with the site around
# it, made from a bundled narrative (test fixtures: nothing downloaded).
#
# Usage: mkhtml.sh SRCDIR STYLE DOC.yaml NAME "HEADING" YEAR > PAGE.html
#   STYLE  state       today's State Department page: .gov banner, skip link,
#                      menus, breadcrumbs, share buttons, footer, scripts; the
#                      narrative in an article, headings h2/h3, a list of
#                      recommendations; UTF-8, entities, a canonical link
#          legacy      a 2000s page in windows-1252 (declared by http-equiv),
#                      tables for layout, the heading in bold, the browser's
#                      "saved from url" comment
#          aggregator  a document site: author line, "Document #", metadata
#                      rows, a German "Dokument #" line, no country heading
#                      (the first sentence names it), og:url, ISO-8859-1
#   NAME    the country as the site names it ("North Korea")
#   HEADING the narrative's heading as the page writes it ("KENYA (Tier 2)")
set -eu
src=$1 style=$2 doc=$3 name=$4 heading=$5 year=$6
slug=$(printf '%s' "$name" | tr 'A-Z ' 'a-z-')

# Characters a page writes as entities.
entities() {
	sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/’/\&rsquo;/g; s/“/\&ldquo;/g; s/”/\&rdquo;/g; s/—/\&mdash;/g'
}

# The narrative's blocks as HTML: $1 heading tag for sections, $2 list or paras.
article() {
	awk -f "$src/tests/gen/narrative.awk" "$doc" | entities | awk -F '\t' -v h="$1" -v lists="$2" '
	function close_list() { if (in_list) print "</ul>"; in_list = 0 }
	$1 == "S" { close_list(); if ($2 != "overview") print "<" h ">" toupper($3) (lists == "list" && $2 == "recommendations" ? ":" : "") "</" h ">"; next }
	$1 == "I" { if (lists == "list") { if (!in_list) print "<ul class=\"recommendations\">"; in_list = 1
			print "  <li>" $2 "</li>" } else print "<p>" $2 "</p>"; next }
	$1 == "P" { close_list(); print "<p>" $2 "</p>"; next }
	END { close_list() }'
}

case $style in
state)
	cat <<EOF
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>$heading - United States Department of State</title>
<link rel="canonical" href="https://www.state.gov/reports/$year-trafficking-in-persons-report/$slug/">
<meta property="og:url" content="https://www.state.gov/og-fallback/">
<style>body { font-family: sans-serif; } .usa-banner { background: #f0f0f0; }</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<section class="usa-banner" aria-label="Official government website">
  <p>An official website of the United States government</p>
  <button>Here&rsquo;s how you know</button>
</section>
<header class="site-header">
  <div class="site-title">U.S. Department of State</div>
  <nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/policy">Policy Issues</a></li>
  <li><a href="/countries">Countries &amp; Areas</a></li><li><a href="/reports">Bureaus &amp; Offices</a></li></ul></nav>
</header>
<main id="main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> &gt; <a href="/reports">Reports</a> &gt; $year Trafficking in Persons Report &gt; $name</nav>
<article class="report">
<header class="article-header"><h1>$year Trafficking in Persons Report: $name</h1></header>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this page</a></div>
<h2>$heading</h2>
EOF
	article h3 list
	cat <<EOF
</article>
<aside class="related"><h2>Related Articles</h2><p>June 24, 2022 Trafficking in Persons Report</p></aside>
</main>
<footer class="site-footer"><p>U.S. Department of State</p><ul><li>Privacy Policy</li><li>Accessibility Statement</li></ul></footer>
<script src="/analytics.js"></script>
</body>
</html>
EOF
	;;
legacy)
	{
		cat <<EOF
<!-- saved from url=(0057)http://www.state.gov/g/tip/rls/tiprpt/$year/$slug.htm -->
<HTML><HEAD>
<META http-equiv="Content-Type" content="text/html; charset=windows-1252">
<TITLE>$name</TITLE></HEAD>
<BODY bgColor=#ffffff>
<TABLE width="100%"><TR><TD class="nav"><A href="/">Home</A> | <A href="/g/tip">Office to Monitor and Combat Trafficking in Persons</A></TD></TR></TABLE>
<TABLE width="100%"><TR><TD>
<P><B>$heading</B></P>
EOF
		article p paras | sed 's/<p>/<P>/; s/<\/p>/<\/P>/'
		cat <<EOF
</TD></TR></TABLE>
<TABLE><TR><TD class="footer">This site is managed by the Bureau of Public Affairs, U.S. Department of State. External links to other Internet sites should not be construed as an endorsement of the views contained therein.</TD></TR></TABLE>
</BODY></HTML>
EOF
	} | sed 's/&rsquo;/’/g; s/&ldquo;/“/g; s/&rdquo;/”/g; s/&mdash;/—/g' | iconv -f UTF-8 -t WINDOWS-1252
	;;
aggregator)
	{
		cat <<EOF
<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<meta property="og:url" content="https://www.example.org/en/document/2074156.html">
<title>USDOS - US Department of State: "$year Trafficking in Persons Report: $name", Document #2074156</title>
</head><body>
<div id="header"><div class="menu"><a href="/">Start</a> <a href="/en/countries">Countries</a></div></div>
<div id="content">
<p class="author">USDOS &ndash; US Department of State (Author)</p>
<p>Document #2074156</p>
<p>Dokument #2074156</p>
<h1>$year Trafficking in Persons Report: $name</h1>
<table class="metadata">
<tr><th>Publisher</th><td>USDOS &ndash; US Department of State</td></tr>
<tr><th>Published</th><td>19 July $year</td></tr>
<tr><th>Country</th><td>$name</td></tr>
</table>
EOF
		article p paras | sed 's/&rsquo;/\&#8217;/g'
		cat <<EOF
<p class="disclaimer">Disclaimer: This is not a UNHCR publication. UNHCR is not responsible for, nor does it necessarily endorse, its content.</p>
</div>
<div id="footer"><a href="/en/about">About</a> | <a href="/en/contact">Contact</a> | Cite as | permalink</div>
</body></html>
EOF
	} | iconv -f UTF-8 -t ISO-8859-1
	;;
*)
	echo "mkhtml.sh: unknown style $style" >&2
	exit 2
	;;
esac
