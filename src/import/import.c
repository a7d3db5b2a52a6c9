/* import.c — the narrative builder: a front end's lines (source.h) to
 * documents, and the choice of front end by the file's bytes.
 *
 * Passes over the lines: split lines a copy flattened; classify each line
 * (text, blank, layout debris, country heading, section heading, chapter),
 * the layout's evidence first (a PDF's type, an HTML element), the words
 * after; gather word statistics from the text lines (the evidence for
 * hyphens, and for columns copied across line by line); then walk the
 * lines, joining text into paragraphs under the current country and
 * section, and reading the edition's tier placement list.  A last pass per
 * document settles what the text left implicit: unlabelled sections,
 * recommendations without a heading, items, the tier, and whether it is
 * complete. */
#include "config.h"

#include "import/import.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/fold.h"
#include "import/html.h"
#include "import/source.h"
#include "import/textrepair.h"
#include "base/utf8.h"

/* L_CHAPTER: a title in the largest type that names no country (the
 * introduction, "TIER PLACEMENTS", annexes): it ends the narrative before it,
 * and what follows is no narrative's text until the next country heading. */
enum line_kind { L_BLANK, L_TEXT, L_DEBRIS, L_COUNTRY, L_SECTION, L_CHAPTER };

struct line {
	char *s;             /* trimmed, NUL-terminated, inside the source's text */
	size_t len;
	unsigned no;         /* 1-based line number; 0 when the input has none (PDF) */
	unsigned col;        /* column where s starts */
	unsigned page;       /* PDF page, 0 otherwise */
	enum src_role role;  /* the layout's evidence (source.h) */
	enum src_break brk;
	unsigned char level;
	enum line_kind kind;
	/* L_COUNTRY */
	const struct country *country;
	char *unknown_name;  /* heading of a country countries.yaml lacks (owned) */
	enum tier tier;
	int year;            /* from a title line "2021 Trafficking in Persons Report: ..." */
	/* L_SECTION */
	const char *section;
	/* L_CHAPTER: the edition's list of tier placements */
	bool placements;
	/* L_COUNTRY, L_SECTION: text after the heading on the same line */
	const char *rest;
};

struct para {
	char *text;          /* owned */
	unsigned line;
	unsigned lines;      /* of the copy it was joined from */
};

struct section_b {
	const char *id;      /* NULL until known: text before any section heading */
	struct para *v;
	size_t n, cap;
	unsigned line;
};

struct doc_b {
	const struct country *country;
	char *slug, *name;   /* owned */
	enum tier tier;
	int year;
	unsigned line;
	unsigned first_page, last_page; /* of its text in a PDF; 0 otherwise */
	bool fragment;       /* starts mid-narrative */
	struct section_b *secs;
	size_t n, cap;
};

struct importer {
	const char *name;
	const struct countries *cs;
	const struct import_options *opt;
	struct diags *d;
	struct line *lines;
	size_t n_lines;
	size_t width;        /* typical width of a hard-wrapped line, in characters */
	bool unwrapped;      /* one paragraph per line */
	bool double_spaced;  /* a blank line after every line */
	struct word_stats *ws;
	int text_year;       /* edition named in a title or heading, 0 if none */
	int prose_year;      /* the one edition running text names, 0 if none or several */
	struct doc_b *docs;
	size_t n_docs, cap_docs;
	struct strbuf para;
	unsigned para_line;
	unsigned para_lines; /* lines joined into para so far */
	size_t n_debris;
	bool warned_columns;
	bool warned_year;
	bool outside;        /* in a chapter that is no narrative */
	size_t n_outside;    /* lines dropped there */
	bool in_placements;  /* ... the edition's tier placement list */
	enum tier placement_tier;
	struct import_result *res;
	const char *url;     /* where the copy came from, or NULL */
	const char *title;   /* a web page's title, or NULL */
};

/* --- small text predicates ------------------------------------------------ */

static size_t char_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static bool has_lower(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (islower((unsigned char)s[i]))
			return true;
	return false;
}

static bool has_alpha(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (isalpha((unsigned char)s[i]))
			return true;
	return false;
}

static bool starts_with_ci(const char *s, const char *prefix)
{
	return !strncasecmp(s, prefix, strlen(prefix));
}

static bool contains_ci(const char *s, const char *needle)
{
	size_t n = strlen(needle);
	int first = tolower((unsigned char)*needle);

	/* The first letter is compared alone: most positions fail there. */
	for (; *s; s++)
		if (tolower((unsigned char)*s) == first && !strncasecmp(s, needle, n))
			return true;
	return false;
}

/* A line that continues a sentence: starts with a lower-case letter or with
 * punctuation that cannot open one. */
static bool starts_continuation(const char *s)
{
	return islower((unsigned char)*s) || *s == ',' || *s == ';' || *s == ')';
}

#define BULLET "\xe2\x80\xa2" /* • */

static bool starts_bullet(const char *s)
{
	return !strncmp(s, BULLET, 3);
}

/* The length of a list marker that opens a line, with the spaces after it:
 * "1.", "1)", "(1)", "-", an en dash, "*", or the "o", "\xc2\xa7", "\xc3\x98" and
 * "\xc2\xb7" (Symbol's bullet in Windows-1252) that word processors export for
 * their bullets, before an item's capital (in a
 * list, a number also before a lower-case word: the report's one-sentence
 * list "amend ...; provide ..." that a reader numbered); 0 if none.  Numbers
 * stop at two digits: "2019." is a year that wrapped. */
static size_t list_marker(const char *s, bool in_list)
{
	size_t n = 0, d;
	bool paren = *s == '(', number = false;

	if (*s == '-' || *s == '*' || *s == 'o') {
		n = 1;
	} else if (!strncmp(s, "\xe2\x80\x93", 3)) {
		n = 3;
	} else if (!strncmp(s, "\xc2\xa7", 2) || !strncmp(s, "\xc3\x98", 2) || !strncmp(s, "\xc2\xb7", 2)) {
		n = 2;
	} else if ((d = strspn(s + paren, "0123456789")) >= 1 && d <= 2) {
		n = paren + d;
		if (s[n] != ')' && (paren || s[n] != '.'))
			return 0;
		n++;
		number = true;
	}
	if (!n || s[n] != ' ')
		return 0;
	n += strspn(s + n, " ");
	return isupper((unsigned char)s[n]) || (number && in_list && islower((unsigned char)s[n])) ? n : 0;
}

/* The words recommendations open with: a verb in the imperative, or an
 * adverb before one ("Vigorously investigate ..."). */
static bool imperative(const char *p)
{
	static const char *const words[] = {
		"Accede", "Adopt", "Allocate", "Allow", "Amend", "Approve", "Cease", "Collect",
		"Conduct", "Consider", "Continue", "Convict", "Coordinate", "Create", "Criminalize",
		"Designate", "Develop", "Draft", "Eliminate", "Enact", "End", "Enforce", "Ensure",
		"Establish", "Expand", "Extend", "Finalize", "Forge", "Formalize", "Fully", "Fund",
		"Hold", "Identify", "Implement", "Improve", "Increase", "Institute", "Investigate",
		"Issue", "Launch", "Make", "Monitor", "Pass", "Proactively", "Prohibit", "Prosecute",
		"Protect", "Provide", "Publish", "Raise", "Reduce", "Regulate", "Revise", "Screen",
		"Seek", "Share", "Significantly", "Strengthen", "Support", "Systematically", "Take",
		"Train", "Update", "Vigorously", NULL,
	};

	p += strspn(p, " ");
	if (starts_bullet(p))
		p += 3 + strspn(p + 3, " ");
	for (const char *const *w = words; *w; w++) {
		size_t n = strlen(*w);

		if (!strncmp(p, *w, n) && (p[n] == ' ' || p[n] == ','))
			return true;
	}
	return false;
}

/* The other glyphs PDF extraction and word processors make of a list
 * bullet: ● ▪ ■ ◦ ‣, the Symbol font's U+F0B7 and Wingdings' U+F0A7 and
 * U+F0D8.  All are three bytes, like •, so they are replaced in place. */
static bool other_bullet(const char *s)
{
	if ((unsigned char)*s != 0xE2 && (unsigned char)*s != 0xEF)
		return false;
	static const char *const glyphs[] = {
		"\xe2\x97\x8f", "\xe2\x96\xaa", "\xe2\x96\xa0", "\xe2\x97\xa6", "\xe2\x80\xa3",
		"\xef\x82\xb7", "\xef\x82\xa7", "\xef\x83\x98", NULL,
	};

	for (const char *const *g = glyphs; *g; g++)
		if (!strncmp(s, *g, 3))
			return true;
	return false;
}

/* --- lines ---------------------------------------------------------------- */

/* The length of a Unicode space at s (no-break, figure, thin, narrow
 * no-break, ideographic ...), as web pages and document exports scatter
 * them between words; 0 if none. */
static size_t unicode_space(const char *s, size_t left)
{
	const unsigned char *u = (const unsigned char *)s;

	if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (left < 3)
		return 0;
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF))
		return 3;
	if ((u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) || (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80))
		return 3;
	return 0;
}

static bool is_space_at(const char *s, size_t i, size_t len, size_t *n)
{
	if (s[i] == ' ' || s[i] == '\t') {
		*n = 1;
		return true;
	}
	return (*n = unicode_space(s + i, len - i)) > 0;
}

/* "T r a i n": a word letter-spaced by a copy, four letters or more, made
 * whole again in place; returns the new length. */
static size_t join_spaced_letters(char *s, size_t len)
{
	size_t o = 0, i = 0;

	while (i < len) {
		size_t k = i, letters = 0;

		/* At a word's start: single letters, each followed by one space. */
		if (i == 0 || s[i - 1] == ' ')
			while (k < len && isalpha((unsigned char)s[k]) && (k + 1 == len || s[k + 1] == ' ')) {
				letters++;
				k += 2;
			}
		if (letters >= 4) {
			for (size_t j = 0; j < letters; j++)
				s[o++] = s[i + 2 * j];
			i += 2 * letters - 1;
			continue;
		}
		s[o++] = s[i++];
	}
	s[o] = '\0';
	return o;
}

/* "[ Human Trafficking, Country-by-Country ] NIGER (Tier 2 Watch List)": a
 * site's breadcrumb in brackets before the text of the line. */
static void strip_breadcrumb(struct line *l)
{
	const char *close;
	size_t skip;

	if (l->s[0] != '[' || !(close = memchr(l->s, ']', l->len < 100 ? l->len : 100)) || !close[1])
		return;
	skip = (size_t)(close + 1 - l->s);
	skip += strspn(l->s + skip, " ");
	l->s += skip;
	l->len -= skip;
	l->col += (unsigned)skip;
}

/* Trims spaces and a copying site's trailing "|", turns tabs and Unicode
 * spaces into spaces (so that "Tier\u00a02" is a tier wherever one is
 * looked for), dropping a Unicode space that stands beside an ordinary
 * one, and removes control characters (reported once). */
static void normalise_line(struct importer *im, struct line *l, char *s, size_t len, bool *warned)
{
	size_t i = 0, o = 0, n;

	while (i < len && is_space_at(s, i, len, &n)) {
		i += n;
		l->col++;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((n = unicode_space(s + i, len - i))) {
			i += n - 1;
			if (!(o && s[o - 1] == ' ') && !(i + 1 < len && s[i + 1] == ' '))
				s[o++] = ' ';
			continue;
		}
		if (c == '\t')
			c = ' ';
		/* A PDF's ligatures (U+FB00..U+FB06) as their letters: "traf\xef\xac\x83cking" must
		 * be found as "trafficking".  None is longer than its three bytes. */
		if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xAC &&
		    (unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x86) {
			static const char *const letters[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };
			const char *t = letters[(unsigned char)s[i + 2] - 0x80];

			memcpy(s + o, t, strlen(t));
			o += strlen(t);
			i += 2;
			continue;
		}
		if (i + 2 < len && other_bullet(s + i)) {
			memcpy(s + o, BULLET, 3);
			o += 3;
			i += 2;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			if (!*warned)
				diags_add(im->d, DIAG_WARNING, im->name, l->no, (unsigned)(i + 1),
					  "control character 0x%02X removed", c);
			*warned = true;
			continue;
		}
		s[o++] = (char)c;
	}
	while (o && (s[o - 1] == ' ' || s[o - 1] == '|'))
		o--;
	s[o] = '\0';
	o = join_spaced_letters(s, o);
	l->s = s;
	l->len = o;
	l->col++;
	strip_breadcrumb(l);
}

/* --- pages a copy flattened into long lines ---------------------------------- */

static const char *const inline_headings[] = {
	"PRIORITIZED RECOMMENDATIONS:", "PROSECUTION", "PROTECTION", "PREVENTION",
	"TRAFFICKING PROFILE", "GOVERNMENT EFFORTS", NULL,
};

/* A capital letter then a small one: a sentence's first word ("The",
 * "Zambia"), not a heading's ("WATCH"). */
static bool sentence_start(const char *p)
{
	return isupper((unsigned char)p[0]) && islower((unsigned char)p[1]);
}

/* Where a heading in capitals starts inside line s, after a sentence's
 * end and before one's start ("... remained on Tier 2. PROSECUTION The
 * government ..."); NULL if none.  A heading at the line's start counts
 * too: then the split is where its text starts. */
static char *inline_heading(char *s)
{
	for (const char *const *hd = inline_headings; *hd; hd++) {
		size_t n = strlen(*hd);

		if (!strncmp(s, *hd, n) && s[n] == ' ' && (*hd)[n - 1] != ':' && sentence_start(s + n + 1))
			return s + n + 1;
	}
	for (char *p = strchr(s, ' '); p; p = strchr(p + 1, ' ')) {
		char *h = p + 1;

		if (!text_ends_sentence(s, (size_t)(p - s)))
			continue;
		for (const char *const *hd = inline_headings; *hd; hd++) {
			size_t n = strlen(*hd);

			if (!strncmp(h, *hd, n) && h[n] == ' ' && (h[n - 1] == ':' || sentence_start(h + n + 1)))
				return h;
		}
		/* The older narratives run "Recommendations for Kenya: amend ..."
		 * on in their overview's paragraph. */
		if ((!strncmp(h, "RECOMMENDATIONS FOR ", 20) || !strncmp(h, "Recommendations for ", 20)) &&
		    memchr(h, ':', strnlen(h, 80)))
			return h;
	}
	return NULL;
}

/* Where the text after a country heading at a line's start begins:
 * "ZAMBIA: TIER 2 The Government of Zambia ..."; NULL if none. */
static char *after_heading(char *s)
{
	static const char *const tiers[] = {
		": TIER 2 WATCH LIST", ": TIER 1", ": TIER 2", ": TIER 3", ": SPECIAL CASE", NULL,
	};
	char *colon = strchr(s, ':');

	if (!colon || colon - s > 60 || has_lower(s, (size_t)(colon - s)))
		return NULL;
	for (const char *const *t = tiers; *t; t++) {
		char *rest = colon + strlen(*t);

		if (strncasecmp(colon, *t, strlen(*t)))
			continue;
		/* The first match is the longest: "Tier 2 Watch List" is never
		 * "Tier 2" then "Watch List". */
		rest += strspn(rest, " ");
		return rest > colon + strlen(*t) - 1 && rest[-1] == ' ' && sentence_start(rest) ? rest : NULL;
	}
	return NULL;
}

/* Lines a copy ran together (a flattened page): split again where a
 * heading stands inside them. */
static void unflatten(struct import_source *src)
{
	struct src_line *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < src->n; i++) {
		struct src_line l = src->lines[i];
		char *cut;

		while (l.role == SRC_TEXT && !l.page && ((cut = after_heading(l.s)) || (cut = inline_heading(l.s)))) {
			GROW(v, cap, n + 1);
			v[n] = l;
			cut[-1] = '\0';
			v[n++].len = (size_t)(cut - 1 - l.s);
			l.col += (unsigned)(cut - l.s);
			l.len -= (size_t)(cut - l.s);
			l.s = cut;
		}
		GROW(v, cap, n + 1);
		v[n++] = l;
	}
	free(src->lines);
	src->lines = v;
	src->n = src->cap = n;
}

/* The front end's lines, normalised; what the layout set apart as furniture
 * or captions is debris from the start. */
static void take_lines(struct importer *im, struct import_source *src)
{
	bool warned = false;

	im->lines = xcalloc(src->n + 1, sizeof(*im->lines));
	for (size_t i = 0; i < src->n; i++) {
		const struct src_line *sl = &src->lines[i];
		struct line *l = &im->lines[im->n_lines++];

		l->no = sl->no;
		l->col = sl->col;
		l->page = sl->page;
		l->role = sl->role;
		l->brk = sl->brk;
		l->level = sl->level;
		normalise_line(im, l, sl->s, sl->len, &warned);
		l->kind = !l->len ? L_BLANK
			  : sl->role == SRC_CAPTION || sl->role == SRC_FURNITURE ? L_DEBRIS : L_TEXT;
	}
}

/* --- debris --------------------------------------------------------------- */

/* The tier named at the start of s, in figures or words ("Tier 3", "Tier
 * Three", "Tier Two Watch List"), and its length; TIER_NONE if none. */
static enum tier tier_at(const char *s, size_t *len)
{
	static const struct {
		const char *text;
		enum tier tier;
	} names[] = {
		{ "Tier 2 Watch List", TIER_2WL }, { "Tier Two Watch List", TIER_2WL },
		{ "Special Case", TIER_SPECIAL }, { "Tier 1", TIER_1 }, { "Tier One", TIER_1 },
		{ "Tier 2", TIER_2 }, { "Tier Two", TIER_2 }, { "Tier 3", TIER_3 },
		{ "Tier Three", TIER_3 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		size_t n = strlen(names[i].text);

		if (starts_with_ci(s, names[i].text) && !isalnum((unsigned char)s[n])) {
			*len = n;
			return names[i].tier;
		}
	}
	return TIER_NONE;
}

/* s is a tier and nothing else, in figures or words. */
static bool tier_named(const char *s, enum tier *tier)
{
	size_t n;
	enum tier t = tier_at(s, &n);

	if (tier_parse(s, tier))
		return true;
	if (!t || s[n + strspn(s + n, " ")])
		return false;
	*tier = t;
	return true;
}

/* A tier on a line of its own ("TIER 3") under the country's name. */
static bool tier_only(const char *s, enum tier *tier)
{
	return (starts_with_ci(s, "tier") || starts_with_ci(s, "special")) && tier_named(s, tier);
}


static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return len > 0;
}

/* Lines made only of numbers and tier marks: a chart's axis. */
static bool chart_axis(const char *s)
{
	bool digit = false;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digit = true;
		else if (*s != ' ' && *s != 'W' && *s != 'L')
			return false;
	}
	return digit;
}

/* A chart's row of years ("2014   2015   2016 ..."), however wide. */
static bool year_row(const char *s)
{
	size_t years = 0;

	for (s += strspn(s, " "); *s; s += strspn(s, " ")) {
		if (strspn(s, "0123456789") != 4 || (s[4] && s[4] != ' ') || atoi(s) < 1990 || atoi(s) > 2100)
			return false;
		years++;
		s += 4;
	}
	return years >= 3;
}

/* A running head: capitals with a page number at one end. */
static bool running_head(const char *s, size_t len)
{
	size_t a = 0, b = len;

	if (has_lower(s, len) || !has_alpha(s, len))
		return false;
	while (a < len && isdigit((unsigned char)s[a]))
		a++;
	while (b > a && isdigit((unsigned char)s[b - 1]))
		b--;
	return (a > 0 && a <= 4 && s[a] == ' ') || (b < len && len - b <= 4 && s[b - 1] == ' ');
}

static const char *const metadata_keys[] = {
	"publisher", "author", "published", "publication date", "date", "country", "topics",
	"document type", "document id", "source", "title", "original link", "keywords",
	"last updated", "language", "cite as", "permalink", "dokument", "autor", "herausgeber",
	"quelle", NULL,
};

static bool metadata_row(const char *s)
{
	const char *bar = strchr(s, '|');
	size_t n;

	if (!bar)
		return false;
	n = (size_t)(bar - s);
	while (n && s[n - 1] == ' ')
		n--;
	for (const char *const *k = metadata_keys; *k; k++)
		if (strlen(*k) == n && !strncasecmp(*k, s, n))
			return true;
	return false;
}

static size_t count_str(const char *s, const char *needle)
{
	size_t n = 0;

	for (const char *p = s; (p = str_find(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* A forwarded email's header line ("From: Linh Tran <...>"): capitalised,
 * as a wrapped line of prose that starts "to: ..." is not. */
static bool email_header(const char *s, size_t len)
{
	static const char *const keys[] = { "From: ", "Sent: ", "Date: ", "To: ", "Cc: ", "Subject: ", NULL };

	for (const char *const *k = keys; *k && len < 100; k++)
		if (!strncmp(s, *k, strlen(*k)))
			return true;
	return false;
}

/* A separator: a rule of one character ("-----", "*****"), or a reader's
 * labelled one ("--- pasted text ends ---"). */
static bool rule_line(const char *s)
{
	size_t len = strlen(s), n = 0;

	if (s[0] && strchr("-_=*~#", s[0]))
		while (s[n] == s[0])
			n++;
	if (n >= 3 && n == len)
		return true;
	return len > 8 && !strncmp(s, "---", 3) && !strcmp(s + len - 3, "---");
}

/* A mark of text left out of a quote: "[\xe2\x80\xa6]", "[...]", "(\xe2\x80\xa6)". */
static bool elision(const char *s)
{
	static const char *const marks[] = { "[\xe2\x80\xa6]", "[...]", "(\xe2\x80\xa6)", "(...)", "\xe2\x80\xa6",
					     "...", NULL };

	for (const char *const *m = marks; *m; m++)
		if (!strcmp(s, *m))
			return true;
	return false;
}

static bool starts_url(const char *s)
{
	return starts_with_ci(s, "http://") || starts_with_ci(s, "https://") || starts_with_ci(s, "www.");
}

/* A line that is one web address ("https://...", "www..."), maybe a
 * footnote's ("[2] https://..."): a page's own, no text of the report. */
static bool url_line(const char *s)
{
	if (s[0] == '[' && isdigit((unsigned char)s[1])) {
		s += 1 + strspn(s + 1, "0123456789");
		if (strncmp(s, "] ", 2))
			return false;
		s += 2;
	}
	return starts_url(s) && !strchr(s, ' ');
}

/* "6/24/2010   Oman" over a printed page, "http://...htm   1/3" under it:
 * the browser's header (the date, the page's title) and footer (the
 * address, the page's number of the pages). */
static bool print_margin(const char *s, size_t len)
{
	const char *gap = strstr(s, "  ");
	int m, d, y, n;

	if (!gap || len > 160)
		return false;
	if (sscanf(s, "%d/%d/%d%n", &m, &d, &y, &n) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
	    (s[n] == ' ' || s[n] == ','))
		return true;
	if (!starts_url(s) || (size_t)(gap - s) != strcspn(s, " "))
		return false;
	gap += strspn(gap, " ");
	return sscanf(gap, "%d/%d%n", &m, &d, &n) == 2 && !gap[n];
}

/* A forum's line over a post: "someone \xc2\xb7 14 points", "OP \xc2\xb7 9 points". */
static bool forum_byline(const char *s, size_t len)
{
	const char *dot = strstr(s, "\xc2\xb7 ");
	char *end;

	if (!dot || len > 80)
		return false;
	strtol(dot + 3, &end, 10);
	return end > dot + 3 && (!strcmp(end, " points") || !strcmp(end, " point"));
}

/* Layout and site debris, from the line alone. */
static bool debris_text(const char *s, size_t len)
{
	enum tier t;

	static const char *const openers[] = {
		"an official website of the united states government", "here's how you know",
		"here\xe2\x80\x99s how you know", "dokument #", "cite as", "v. country narratives",
		"read a related", "read more", "see also", "share this", "print this", "back to top",
		"click here", "disclaimer", "photo:", "photo credit", "last updated", "you are here",
		"home >", "home \xc2\xbb", "extracted in part", "document #", "tags:", "email this",
		"share on", "follow us", "skip to", "print friendly", "\xc2\xa9", "copyright \xc2\xa9",
		"scroll to top", "this site uses cookies", "this website uses cookies", "we use cookies",
		"---------- forwarded message", "-----original message", "begin forwarded message",
		"source: u.s. department of state", NULL,
	};
	/* A footer's links and a cookie banner's buttons, one a line; whole
	 * lines only, as prose can wrap before "archives" or "accept". */
	static const char *const footer[] = {
		"archive", "archives", "privacy policy", "privacy notice", "copyright information",
		"accessibility statement", "accept", "accept all", "accept cookies", "accept all cookies",
		"reject all", "cookie settings", "cookie preferences", "manage cookies", "facebook", "x",
		"twitter", "linkedin", "whatsapp", "email", "print", "reddit", "telegram", "reply",
		"advertisement", "sponsored", NULL,
	};

	if (all_digits(s, len) && len <= 4)
		return true;
	if (!has_lower(s, len) && has_alpha(s, len) &&
	    (strstr(s, "TRAFFICKING IN PERSONS REPORT") || strstr(s, "COUNTRY NARRATIVES") ||
	     strstr(s, "TIER RANKING BY YEAR")))
		return true;
	/* The tier chart's title, in whatever case a copy gives it. */
	if (len < 60 && contains_ci(s, "tier ranking by year"))
		return true;
	/* "TIER 1" is a tier (under a name, in the placement list), not a
	 * running head with its page number. */
	if ((running_head(s, len) && !tier_only(s, &t)) || (len <= 40 && chart_axis(s)) || year_row(s))
		return true;
	if (s[0] == '[' && s[len - 1] == ']')
		return true;
	/* A territory's dagger note ("\xe2\x80\xa0 Sint Maarten is a semi-autonomous
	 * entity ..."), a footnote of the page. */
	if (!strncmp(s, "\xe2\x80\xa0 ", 4) && len > 40)
		return true;
	if (elision(s) || url_line(s) || print_margin(s, len) || forum_byline(s, len))
		return true;
	/* Breadcrumbs, and a footer's links ("About state.gov | Privacy Notice | FOIA"). */
	if (metadata_row(s) || count_str(s, " > ") >= 2 || count_str(s, " \xc2\xbb ") >= 2 ||
	    count_str(s, " | ") >= 2 || rule_line(s))
		return true;
	if ((len < 120 && (str_has_suffix(s, "(Author)") || str_has_suffix(s, "(Autor)"))) ||
	    email_header(s, len))
		return true;
	for (const char *const *f = footer; *f; f++)
		if (!strcasecmp(s, *f))
			return true;
	/* Site furniture is a short line; a sentence of the report is not. */
	for (const char *const *o = openers; *o && (len < 100 || starts_with_ci(s, "disclaimer")); o++)
		if (starts_with_ci(s, *o))
			return true;
	/* An aggregator's pointer to the page it cut from, however long. */
	return contains_ci(s, "does not necessarily reflect") || contains_ci(s, "not a UNHCR publication") ||
	       starts_with_ci(s, "read the full ");
}

/* A site's list of other pages after the narrative: its text ends there.
 * The 2023 site puts its "TAGS" (bureau, country, office) before it. */
static bool page_end(const char *s)
{
	static const char *const ends[] = {
		"related articles", "related content", "related material", "related posts", "related links",
		"tags", "footer navigation", "leave a comment", "leave a reply", "back to top",
		"search refworld", "related", "related stories", "related documents", "comments",
		/* An email's end: its sign-off, its signature's mark. */
		"--", "best,", "best regards,", "kind regards,", "regards,", "warm regards,", "thanks,",
		"thank you,", "many thanks,", "cheers,", "sincerely,", "confidentiality notice", NULL,
	};

	for (const char *const *e = ends; *e; e++)
		if (!strcasecmp(s, *e))
			return true;
	/* A reader's own mark where the copied text stops; a legal notice; a
	 * news site's count of comments ("2 Comments"). */
	return (rule_line(s) && contains_ci(s, " end")) || starts_with_ci(s, "confidentiality notice:") ||
	       (isdigit((unsigned char)s[0]) && (!strcasecmp(s + strspn(s, "0123456789"), " comments") ||
						 !strcasecmp(s + strspn(s, "0123456789"), " comment")));
}

/* --- headings ------------------------------------------------------------- */

static const struct {
	const char *text, *id;
} section_headings[] = {
	{ "prioritized recommendations", "recommendations" },
	{ "recommendations", "recommendations" },
	{ "prosecution", "prosecution" },
	{ "protection", "protection" },
	{ "prevention", "prevention" },
	{ "trafficking profile", "profile" },
	{ "government efforts", "government-efforts" },
};

/* The section a heading line opens, and where text after it on the same line
 * starts (NULL if none).  "Recommendations for Iceland: amend ..." counts. */
static const char *section_heading(const char *s, const char **rest)
{
	for (size_t i = 0; i < ARRAY_SIZE(section_headings); i++) {
		size_t n = strlen(section_headings[i].text);
		const char *p = s + n;

		if (strncasecmp(s, section_headings[i].text, n) || isalpha((unsigned char)*p))
			continue;
		if (!strcmp(section_headings[i].id, "recommendations") && starts_with_ci(p, " for ")) {
			const char *colon = strchr(p, ':');

			/* "RECOMMENDATIONS FOR LUXEMBOURG", no colon: a line of its own
			 * in capitals. */
			if (!colon && strlen(p) <= 60 && !has_lower(p, strlen(p))) {
				*rest = NULL;
				return section_headings[i].id;
			}
			if (!colon || colon - p > 60)
				continue;
			p = colon;
		}
		while (*p == ' ')
			p++;
		if (*p == ':') {
			p++;
			while (*p == ' ')
				p++;
		} else if (*p) {
			continue;
		}
		*rest = *p ? p : NULL;
		return section_headings[i].id;
	}
	return NULL;
}

/* "Special Case" alone: a heading that puts it before the name. */
static bool special_case_words(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	return n == 12 && !strncasecmp(s, "special case", 12);
}

/* "SLOVENIA (Tier 2)", "AFGHANISTAN: TIER 2", "Somalia: Special Case",
 * "SPECIAL CASE: LIBYA", "Special Case (Yemen)": the name and tier, with
 * anything after a parenthesised tier in *rest. */
static bool tier_heading(const char *s, size_t len, char **name, enum tier *tier, const char **rest)
{
	const char *open = memchr(s, '(', len), *colon = NULL;
	char buf[64];

	*rest = NULL;
	if (open && special_case_words(s, (size_t)(open - s))) {
		const char *close = strchr(open, ')');

		if (close && close - open - 1 > 0 && close - open < 64) {
			*name = xstrndup(open + 1, (size_t)(close - open - 1));
			*tier = TIER_SPECIAL;
			for (close++; *close == ' '; close++)
				;
			*rest = *close ? close : NULL;
			return true;
		}
	}
	if (open) {
		const char *close = strchr(open, ')');
		size_t n = close ? (size_t)(close - open - 1) : 0;

		if (close && n < sizeof(buf) && open > s) {
			memcpy(buf, open + 1, n);
			buf[n] = '\0';
			if ((starts_with_ci(buf, "tier") || starts_with_ci(buf, "special")) &&
			    tier_named(buf, tier)) {
				size_t k = (size_t)(open - s);

				while (k && s[k - 1] == ' ')
					k--;
				*name = xstrndup(s, k);
				for (close++; *close == ' '; close++)
					;
				*rest = *close ? close : NULL;
				return true;
			}
		}
	}
	for (const char *p = s; (p = strchr(p, ':')); p++)
		colon = p;
	if (colon && special_case_words(s, (size_t)(colon - s)) && colon[1]) {
		const char *t = colon + 1 + strspn(colon + 1, " ");

		if (*t && strlen(t) < 64) {
			*name = xstrdup(t);
			*tier = TIER_SPECIAL;
			return true;
		}
	}
	if (colon && colon > s) {
		const char *t = colon + 1;

		while (*t == ' ')
			t++;
		if ((starts_with_ci(t, "tier") || starts_with_ci(t, "special")) && tier_named(t, tier)) {
			*name = xstrndup(s, (size_t)(colon - s));
			return true;
		}
	}
	return false;
}

/* "2021 Trafficking in Persons Report: North Korea" */
static bool title_line(const char *s, int *year, const char **name)
{
	static const char marker[] = " Trafficking in Persons Report:";

	if (!(isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	      isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])) ||
	    strncasecmp(s + 4, marker, sizeof(marker) - 1))
		return false;
	*year = atoi(s);
	for (*name = s + 4 + sizeof(marker) - 1; **name == ' '; (*name)++)
		;
	return **name != '\0';
}

/* A name as headings write it: "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF". */
/* Strips the marks a heading may put after a name: a territory's dagger
 * ("CURA\xc3\x87AO\xe2\x80\xa0"), a double dagger, an asterisk, superscript footnote digits. */
static size_t without_marks(const char *s, size_t n)
{
	static const char *const marks[] = {
		"\xe2\x80\xa0", "\xe2\x80\xa1", "*", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", " ", NULL,
	};

	return strip_suffixes(s, n, marks);
}

static const struct country *match_heading_name(const struct importer *im, const char *name)
{
	size_t n = without_marks(name, strlen(name));
	char *bare;
	const struct country *c;

	if (!n)
		return NULL;
	bare = xstrndup(name, n);
	c = countries_match_name(im->cs, bare);
	free(bare);
	return c;
}

static bool plausible_heading_name(const char *name)
{
	size_t n = strlen(name), words = 1;

	for (const char *p = name; *p; p++)
		words += *p == ' ';
	return n && n <= 60 && words <= 8 && !has_lower(name, n) && has_alpha(name, n) &&
	       !text_ends_sentence(name, n);
}

/* The text line before line i (or, with headings, a country heading),
 * looking past one blank line; NULL if none. */
static struct line *line_before(struct importer *im, size_t i, bool headings)
{
	for (size_t k = i, blanks = 0; k-- > 0;) {
		if (im->lines[k].kind == L_TEXT || (headings && im->lines[k].kind == L_COUNTRY))
			return &im->lines[k];
		if (im->lines[k].kind != L_BLANK || ++blanks > 1)
			return NULL;
	}
	return NULL;
}

/* Resolves a heading's name, taking in the line before when the name was
 * split over two ("KOREA, DEMOCRATIC" / "PEOPLE'S REPUBLIC OF: TIER 3").
 * *name may be replaced by the joined name. */
static const struct country *resolve_heading(struct importer *im, size_t i, char **name)
{
	const struct country *c = match_heading_name(im, *name), *whole;
	struct line *prev = line_before(im, i, false);
	char *joined;

	if (!prev || text_ends_sentence(prev->s, prev->len) || !plausible_heading_name(prev->s))
		return c;
	/* "DEMOCRATIC" / "REPUBLIC OF THE CONGO (Tier 3)": the two lines name
	 * another country than the second alone. */
	joined = xasprintf("%s %s", prev->s, *name);
	if (c) {
		if ((whole = match_heading_name(im, joined))) {
			prev->kind = L_DEBRIS;
			free(*name);
			*name = joined;
			return whole;
		}
		free(joined);
		return c;
	}
	if ((c = match_heading_name(im, joined)) || plausible_heading_name(joined)) {
		prev->kind = L_DEBRIS;
		free(*name);
		*name = joined;
	} else {
		free(joined);
	}
	return c;
}

/* Whether line i is a country heading: "NAME: TIER 3", "NAME (Tier 3)", a
 * title line, or a name line followed by a line with the tier alone. */
static bool classify_country(struct importer *im, size_t i)
{
	struct line *l = &im->lines[i], *prev;
	char *name = NULL;
	const char *title_name;
	enum tier tier = TIER_NONE;
	int year;

	if (title_line(l->s, &year, &title_name)) {
		name = xstrndup(title_name, strcspn(title_name, "|"));
		/* "... : Kenya - United States Department of State" */
		for (char *dash = name; (dash = strstr(dash, " ")); dash++)
			if (!strncmp(dash, " - ", 3) || !strncmp(dash, " \xe2\x80\x93 ", 5)) {
				*dash = '\0';
				break;
			}
		l->country = match_heading_name(im, name);
		free(name);
		if (!l->country)
			return false;
		l->kind = L_COUNTRY;
		l->year = year;
		return true;
	}
	/* "KENYA" or "KENYA:" then "Tier 2" (the 2001-2007 layout). */
	if (tier_only(l->s, &tier) && (prev = line_before(im, i, true)) && prev->len &&
	    (prev->kind == L_TEXT || prev->kind == L_COUNTRY) &&
	    (prev->s[prev->len - 1] == ':' || (plausible_heading_name(prev->s) &&
					      match_heading_name(im, prev->s)))) {
		size_t k = (size_t)(prev - im->lines);

		if (prev->kind == L_COUNTRY) {
			/* A heading seen as such by its type, its tier below it. */
			if (prev->tier)
				return false;
			prev->tier = tier;
			l->kind = L_DEBRIS;
			return true;
		}
		name = xstrndup(prev->s, prev->len - (prev->s[prev->len - 1] == ':'));
		if (!(l->country = resolve_heading(im, k, &name))) {
			free(name);
			return false;
		}
		free(name);
		prev->kind = L_DEBRIS;
		l->kind = L_COUNTRY;
		l->tier = tier;
		return true;
	}
	if (!tier_heading(l->s, l->len, &name, &tier, &l->rest))
		return false;
	if (!(l->country = resolve_heading(im, i, &name))) {
		/* A heading in the report's shape naming a country we do not know:
		 * keep the narrative under a slug made from the name. */
		if (!plausible_heading_name(name)) {
			free(name);
			l->rest = NULL;
			return false;
		}
		diags_add(im->d, DIAG_WARNING, im->name, l->no, l->col,
			  "country '%s' is not in countries.yaml; imported under its own slug", name);
		l->unknown_name = name;
		name = NULL;
	}
	free(name);
	l->kind = L_COUNTRY;
	l->tier = tier;
	return true;
}

static bool placements_title(const char *s)
{
	return !strcasecmp(s, "tier placements") || !strcasecmp(s, "tier placements:");
}

/* A heading by its type or element that is a country's name alone ("Kenya"
 * as a page's h2, "KENYA" over its tier in the early editions). */
static bool name_heading(struct importer *im, struct line *l)
{
	if (l->len > 60 || !(l->country = match_heading_name(im, l->s)))
		return false;
	l->kind = L_COUNTRY;
	return true;
}

/* A line the layout set apart as a heading. */
static void classify_heading(struct importer *im, size_t i)
{
	struct line *l = &im->lines[i];

	if (placements_title(l->s)) {
		l->kind = L_CHAPTER;
		l->placements = true;
	} else if (im->opt->commentary) {
		return;
	} else if (classify_country(im, i) || name_heading(im, l)) {
		if (l->rest && debris_text(l->rest, strlen(l->rest)))
			l->rest = NULL;
	} else if ((l->section = section_heading(l->s, &l->rest))) {
		l->kind = L_SECTION;
	} else if (debris_text(l->s, l->len)) {
		l->kind = L_DEBRIS;
	} else if (l->level == 1) {
		l->kind = L_CHAPTER;
	}
	/* Any other heading stays text: a paragraph of its own. */
}

static void classify_line(struct importer *im, size_t i)
{
	struct line *l = &im->lines[i];

	if (l->role == SRC_HEADING) {
		classify_heading(im, i);
		return;
	}
	if (!im->opt->commentary && classify_country(im, i)) {
		if (l->rest && debris_text(l->rest, strlen(l->rest)))
			l->rest = NULL;
		return;
	}
	if (placements_title(l->s)) {
		l->kind = L_CHAPTER;
		l->placements = true;
		return;
	}
	/* "ANNEX B \xe2\x80\x93 ISRAEL (2015 ...)": a part of the document the
	 * narratives were put in; the narrative has its own heading. */
	if (l->len <= 150 && (starts_with_ci(l->s, "annex ") || starts_with_ci(l->s, "appendix "))) {
		l->kind = L_CHAPTER;
		return;
	}
	if (debris_text(l->s, l->len)) {
		l->kind = L_DEBRIS;
		return;
	}
	if (im->opt->commentary)
		return;
	if ((l->section = section_heading(l->s, &l->rest))) {
		const struct line *prev = NULL;

		for (size_t k = i; k-- > 0;)
			if (im->lines[k].kind == L_TEXT) {
				prev = &im->lines[k];
				break;
			}
		/* A heading word in running prose ("... of their / protection"). */
		if (has_lower(l->s, l->len) && !l->rest && prev && prev->kind == L_TEXT &&
		    !text_ends_sentence(prev->s, prev->len) && i > 0 && im->lines[i - 1].kind == L_TEXT)
			l->section = NULL;
		else
			l->kind = L_SECTION;
	}
}

/* The number "N. " a reader put before each paragraph of a copy, or 0. */
static unsigned para_number(const struct line *l, size_t *skip)
{
	size_t d = strspn(l->s, "0123456789");

	if (l->kind != L_TEXT || !d || d > 2 || l->s[d] != '.' || l->s[d + 1] != ' ')
		return 0;
	*skip = d + 1 + strspn(l->s + d + 1, " ");
	return (unsigned)atoi(l->s);
}

/* Paragraphs numbered 1, 2, 3 ... across the section headings of a copy
 * are a reader's numbering, not the report's: a numbered list stays in
 * one section.  The numbers go, so that "2. Increase ...; train ..." is
 * split as the report's paragraph would be. */
static void drop_para_numbers(struct importer *im)
{
	unsigned next = 1, headings = 0, pending = 0;
	size_t skip;
	const char *rest;

	for (size_t i = 0; i < im->n_lines; i++) {
		unsigned n = para_number(&im->lines[i], &skip);

		if (n && n != next++)
			return;
		if (n) {
			headings += pending;
			pending = 0;
		} else if (next > 1 && im->lines[i].kind == L_TEXT && section_heading(im->lines[i].s, &rest)) {
			pending++;
		}
	}
	if (next < 4 || headings < 2)
		return;
	for (size_t i = 0; i < im->n_lines; i++) {
		struct line *l = &im->lines[i];

		if (!para_number(l, &skip))
			continue;
		l->s += skip;
		l->len -= skip;
		l->col += (unsigned)skip;
		/* "3. Changes in the 2016 edition": a numbered title is the
		 * heading of the document the narratives were put in. */
		if (l->len <= 60 && !text_ends_sentence(l->s, l->len) && !section_heading(l->s, &rest)) {
			l->role = SRC_HEADING;
			l->level = 1;
		}
	}
}

/* "Full narrative:" over the address it names: a label of debris; a name
 * over an email's signature mark ("Laura", then "--"), and the title line
 * over that ("Helen Marsh" / "Senior Research Officer | Policy Unit"): its
 * sender's. */
static void drop_labels_and_signatures(struct importer *im)
{
	for (size_t i = 0, j; i < im->n_lines; i++) {
		struct line *l = &im->lines[i];
		bool label;

		if (l->kind != L_TEXT || l->len > 40)
			continue;
		label = l->s[l->len - 1] == ':';
		for (j = i + 1; j < im->n_lines && im->lines[j].kind == L_BLANK; j++)
			;
		if (j == im->n_lines || im->lines[j].kind != L_DEBRIS)
			continue;
		if (label) {
			if (url_line(im->lines[j].s))
				l->kind = L_DEBRIS;
			continue;
		}
		if (strcmp(im->lines[j].s, "--") || text_ends_sentence(l->s, l->len))
			continue;
		l->kind = L_DEBRIS;
		for (size_t k = i, up = 0; k-- > 0 && up < 2; up++) {
			struct line *m = &im->lines[k];

			if (m->kind != L_TEXT || m->len > 60 || text_ends_sentence(m->s, m->len))
				break;
			m->kind = L_DEBRIS;
		}
	}
}

/* A paragraph of one line wholly in brackets ("(Prosecution / ... sections
 * not copied \xe2\x80\x93 see link above.)"): a reader's or an editor's note; the
 * report writes no such paragraph (a wrapped line may be one, inside a
 * paragraph). */
static void drop_bracket_notes(struct importer *im)
{
	for (size_t i = 0; i < im->n_lines; i++) {
		struct line *l = &im->lines[i];

		if (l->kind == L_TEXT && l->len > 30 && l->s[0] == '(' &&
		    (l->s[l->len - 1] == ')' || str_has_suffix(l->s, ").")) && !strchr(l->s + 1, '(') &&
		    (!i || im->lines[i - 1].kind != L_TEXT) && (i + 1 == im->n_lines || im->lines[i + 1].kind != L_TEXT))
			l->kind = L_DEBRIS;
	}
}

/* Kinds of the lines; after a narrative, from a site's list of related
 * pages ("Related Articles") on, all is the site's, not the narrative's,
 * until a heading with a tier. */
static void classify_lines(struct importer *im)
{
	bool chrome = false, narrative = false;

	for (size_t i = 0; i < im->n_lines; i++) {
		struct line *l = &im->lines[i];

		if (l->kind != L_TEXT)
			continue;
		classify_line(im, i);
		/* A page's end comes after a narrative: the same words in the
		 * header above one ("Search Refworld") are only a line. */
		if (page_end(l->s)) {
			chrome = narrative;
			l->kind = L_DEBRIS;
		} else if (l->kind == L_COUNTRY) {
			narrative = true;
			if (l->tier)
				chrome = false;
		}
		if (chrome)
			l->kind = L_DEBRIS;
	}
	drop_labels_and_signatures(im);
	drop_bracket_notes(im);
	for (size_t i = 0; i < im->n_lines; i++)
		im->n_debris += im->lines[i].kind == L_DEBRIS;
}

static int year_at(const char *p)
{
	int y;

	if (!(isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) || isdigit((unsigned char)p[4]))
		return 0;
	y = atoi(p);
	return y >= 2000 && y <= 2100 ? y : 0;
}

/* "2023 TIP Report", "Trafficking in Persons Report 2008", "TRAFFICKING IN
 * PERSONS REPORT JUNE 2006": the first edition s names, or 0; *end (if not
 * NULL) gets where the naming ends, to look for another after it. */
static int edition_named_at(const char *s, const char **end)
{
	static const char *const markers[] = { "Trafficking in Persons Report", "TIP Report", NULL };

	for (const char *p = s; *p; p++)
		for (const char *const *m = markers; *m; m++) {
			size_t n = strlen(*m);
			const char *q = p + n;

			if (strncasecmp(p, *m, n))
				continue;
			if (end)
				*end = q;
			if (p - s >= 5 && p[-1] == ' ' && (p - s == 5 || !isdigit((unsigned char)p[-6])) &&
			    year_at(p - 5))
				return year_at(p - 5);
			q += strspn(q, " ,:\xe2\x80\x93-");
			if (starts_with_ci(q, "June "))
				q += 5;
			if (year_at(q))
				return year_at(q);
		}
	return 0;
}

static int edition_named(const char *s)
{
	return edition_named_at(s, NULL);
}

/* The edition line i names as a title does ("2008 Trafficking in Persons
 * Report \xe2\x80\x93 Lebanon"): short, no sentence, a line of its own. */
static int title_edition(const struct importer *im, size_t i)
{
	const struct line *l = &im->lines[i];

	if (l->len > 80 || text_ends_sentence(l->s, l->len) || (i && im->lines[i - 1].kind == L_TEXT) ||
	    (i + 1 < im->n_lines && im->lines[i + 1].kind == L_TEXT))
		return 0;
	return edition_named(l->s);
}

/* The edition named where a line of prose wraps ("the State Department's
 * 2016" / "Trafficking in Persons Report"); both markers end in "Report",
 * so a wrap that splits one leaves the word on one of the lines. */
static int edition_across(const struct line *l, const struct line *next)
{
	size_t tail = l->len < 40 ? l->len : 40, head = next->len < 60 ? next->len : 60;
	char *joined;
	int y;

	if (!contains_ci(l->s, "report") && !contains_ci(next->s, "report"))
		return 0;
	joined = xasprintf("%.*s %.*s", (int)tail, l->s + l->len - tail, (int)head, next->s);
	y = edition_named(joined);
	free(joined);
	return y;
}

/* The edition named in the headings, banners, running heads or a title;
 * else the one running text names, if it names no other. */
static void find_text_year(struct importer *im)
{
	bool several = false;

	for (size_t i = 0; i < im->n_lines && !im->text_year; i++) {
		const struct line *l = &im->lines[i];

		if (l->kind == L_COUNTRY && l->year)
			im->text_year = l->year;
		else if (l->kind != L_TEXT || i < 3)
			im->text_year = edition_named(l->s);
		else
			im->text_year = title_edition(im, i);
	}
	if (!im->text_year && im->title)
		im->text_year = edition_named(im->title);
	for (size_t i = 0; i < im->n_lines && !im->text_year && !several; i++) {
		const struct line *l = &im->lines[i];
		int y;

		if (l->kind != L_TEXT)
			continue;
		for (const char *p = l->s, *end; !several && (y = edition_named_at(p, &end)); p = end) {
			several = im->prose_year && y != im->prose_year;
			im->prose_year = y;
		}
		if (i + 1 < im->n_lines && im->lines[i + 1].kind == L_TEXT && (y = edition_across(l, &im->lines[i + 1]))) {
			several = several || (im->prose_year && y != im->prose_year);
			im->prose_year = y;
		}
	}
	if (several)
		im->prose_year = 0;
}

/* --- measuring the page --------------------------------------------------- */

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Wider than any hard-wrapped line: a paragraph a line. */
#define UNWRAPPED_WIDTH 250

static void measure(struct importer *im)
{
	size_t *w = xcalloc(im->n_lines + 1, sizeof(*w)), n = 0, pairs = 0, single_gaps = 0;
	size_t sentence_ends = 0;
	size_t last_text = SIZE_MAX;

	for (size_t i = 0; i < im->n_lines; i++) {
		const struct line *l = &im->lines[i];

		if (l->kind != L_TEXT)
			continue;
		w[n++] = char_count(l->s, l->len);
		sentence_ends += text_ends_sentence(l->s, l->len);
		if (last_text != SIZE_MAX) {
			pairs++;
			single_gaps += i - last_text == 2 && im->lines[i - 1].kind == L_BLANK;
		}
		last_text = i;
	}
	if (n) {
		qsort(w, n, sizeof(*w), cmp_size);
		im->width = w[n * 4 / 5];
	}
	im->unwrapped = im->width > UNWRAPPED_WIDTH;
	/* A blank line after every line, in text wrapped mid-sentence (when the
	 * lines nearly all end a sentence, the blanks separate paragraphs). */
	im->double_spaced = !im->unwrapped && pairs >= 4 && single_gaps * 10 > pairs * 6 &&
			    sentence_ends * 2 < n;
	free(w);

	im->ws = word_stats_new();
	for (size_t i = 0, prev_split = 0; i < im->n_lines; i++) {
		const struct line *l = &im->lines[i];

		if (l->kind != L_TEXT)
			continue;
		word_stats_add_line(im->ws, l->s, l->len, prev_split);
		prev_split = l->len && l->s[l->len - 1] == '-';
	}
}

/* --- building documents --------------------------------------------------- */

static struct doc_b *cur_doc(struct importer *im)
{
	return im->n_docs ? &im->docs[im->n_docs - 1] : NULL;
}

static struct doc_b *new_doc(struct importer *im, unsigned line)
{
	struct doc_b *db;

	GROW(im->docs, im->cap_docs, im->n_docs + 1);
	db = &im->docs[im->n_docs++];
	memset(db, 0, sizeof(*db));
	db->line = line;
	return db;
}

static struct section_b *open_section(struct doc_b *db, const char *id, unsigned line)
{
	struct section_b *s;

	/* A repeated heading (a running head, columns run together) goes on
	 * with the section it repeats: ids stay unique within a document. */
	for (size_t i = 0; id && i < db->n; i++)
		if (db->secs[i].id && !strcmp(db->secs[i].id, id)) {
			if (i + 1 < db->n) {
				struct section_b keep = db->secs[i];

				memmove(db->secs + i, db->secs + i + 1, (db->n - i - 1) * sizeof(*db->secs));
				db->secs[db->n - 1] = keep;
			}
			return &db->secs[db->n - 1];
		}
	if (db->n && !db->secs[db->n - 1].id && !id && !db->secs[db->n - 1].n)
		return &db->secs[db->n - 1];
	GROW(db->secs, db->cap, db->n + 1);
	s = &db->secs[db->n++];
	memset(s, 0, sizeof(*s));
	s->id = id;
	s->line = line;
	return s;
}

static void flush_para(struct importer *im)
{
	struct doc_b *db;
	struct section_b *s;
	struct strbuf out = {0};

	if (!im->para.len)
		return;
	if (!(db = cur_doc(im))) {
		db = new_doc(im, im->para_line);
		db->fragment = true;
	}
	if (!db->n)
		open_section(db, NULL, im->para_line);
	s = &db->secs[db->n - 1];
	/* A justified line's extra spaces (pdftotext -layout) are one space. */
	for (char *p = im->para.buf; (p = strstr(p, "  "));) {
		size_t run = strspn(p, " ");

		memmove(p + 1, p + run, im->para.len - (size_t)(p + run - im->para.buf) + 1);
		im->para.len -= run - 1;
	}
	text_repair(im->ws, im->para.buf, im->para.len, &out);
	GROW(s->v, s->cap, s->n + 1);
	s->v[s->n].text = sb_detach(&out);
	s->v[s->n].line = im->para_line;
	s->v[s->n].lines = im->para_lines;
	s->n++;
	sb_reset(&im->para);
	im->para_lines = 0;
}

/* The word that ends s before its hyphen, and the word that starts t. */
static size_t trailing_word(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && isalpha((unsigned char)s[len - 1 - n]))
		n++;
	return n;
}

static size_t leading_word(const char *s)
{
	size_t n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	return n;
}

/* Appends a wrapped line to the paragraph, mending a line-end hyphen. */
static void join_line(struct importer *im, const char *s, size_t len)
{
	struct strbuf *p = &im->para;

	if (p->len) {
		size_t head = p->buf[p->len - 1] == '-' ? trailing_word(p->buf, p->len - 1) : 0;
		size_t tail = leading_word(s);

		if (head && tail) {
			if (!hyphen_keep(im->ws, p->buf + p->len - 1 - head, head, s, tail))
				p->len--;
		} else if (p->buf[p->len - 1] != '/' && !str_has_suffix(p->buf, "\xe2\x80\x94") &&
			   !(p->buf[p->len - 1] == '-' && p->len >= 2 && isdigit((unsigned char)p->buf[p->len - 2]) &&
			     isdigit((unsigned char)*s))) {
			sb_addc(p, ' ');
		}
		p->buf[p->len] = '\0';
	}
	sb_add(p, s, len);
}

static bool in_recommendations(const struct importer *im)
{
	const struct doc_b *db = im->n_docs ? &im->docs[im->n_docs - 1] : NULL;

	return db && db->n && db->secs[db->n - 1].id && !strcmp(db->secs[db->n - 1].id, "recommendations");
}

static bool verdict_words(const char *s)
{
	return strstr(s, "fully meet") || strstr(s, "fully compl");
}

/* Whom a verdict is on: "The Government of X", "The Taiwan authorities"
 * (the report's words for Taiwan), "The U.S. government". */
static bool verdict_subject(const char *s)
{
	const char *a;

	if (!strncmp(s, "The Government of ", 18) || !strncmp(s, "The U.S. government ", 20))
		return true;
	/* "The Macau Special Administrative Region (MSAR) of the People's
	 * Republic of China does not fully meet ..." */
	if (!strncmp(s, "The ", 4) && (a = strstr(s, " Special Administrative Region")) && a - s <= 20)
		return true;
	return !strncmp(s, "The ", 4) && (a = strstr(s, " authorities ")) && a - s <= 40 &&
	       !memchr(s, '.', (size_t)(a - s));
}

/* "The Government of Lithuania fully complies with ...": the tier's verdict
 * that opens the overview, whatever stands before it; on line l, or on l
 * and the next when a narrow copy wrapped the sentence before "fully". */
static bool verdict_line(const struct importer *im, const struct line *l)
{
	const char *f;

	if (!verdict_subject(l->s))
		return false;
	if (verdict_words(l->s))
		return true;
	if (l + 1 >= im->lines + im->n_lines || !l[1].s || !(f = strstr(l[1].s, "fully ")) || f - l[1].s > 40)
		return false;
	return verdict_words(f);
}

/* Whether the text line `next` starts a new paragraph after `prev`, with
 * `blanks` blank lines between them. */
static bool paragraph_break(const struct importer *im, const struct line *prev,
			    const struct line *next, size_t blanks)
{
	bool ends = text_ends_sentence(prev->s, prev->len), cont = starts_continuation(next->s);
	size_t gap = im->double_spaced && blanks ? blanks - 1 : blanks;

	if (starts_bullet(next->s) || next->brk == SRC_BREAK_NEW)
		return true;
	if (next->brk == SRC_BREAK_JOIN)
		return false;
	/* Recommendations one per line, without bullets (web copies); the
	 * overview after the profile with no blank line between them. */
	if (ends && !cont && (in_recommendations(im) || verdict_line(im, next)))
		return true;
	/* Items that lost their bullets and full stops, a blank line apart. */
	if (gap && in_recommendations(im) && imperative(next->s))
		return true;
	/* A line that long is a paragraph, however short the site's lines
	 * around it. */
	if (im->unwrapped || char_count(prev->s, prev->len) > UNWRAPPED_WIDTH)
		return ends || !cont;
	if (gap)
		return ends && !cont;
	/* No blank line: only a sentence that stops well short of the margin. */
	return ends && !cont && char_count(prev->s, prev->len) * 100 < im->width * 85;
}

static bool has_sentence(const struct doc_b *db)
{
	for (size_t s = 0; s < db->n; s++)
		for (size_t k = 0; k < db->secs[s].n; k++)
			if (text_ends_sentence(db->secs[s].v[k].text, strlen(db->secs[s].v[k].text)))
				return true;
	return false;
}

static void clear_sections(struct doc_b *db)
{
	for (size_t s = 0; s < db->n; s++) {
		for (size_t k = 0; k < db->secs[s].n; k++)
			free(db->secs[s].v[k].text);
		free(db->secs[s].v);
	}
	db->n = 0;
}

static void start_country(struct importer *im, const struct line *l)
{
	struct doc_b *db = cur_doc(im);
	const char *slug = l->country ? l->country->slug : NULL;

	flush_para(im);
	/* A title line and the heading under it name one narrative; what lies
	 * between them without a sentence (a page's byline) is no text of it. */
	if (db && !db->fragment && !db->tier && !has_sentence(db) &&
	    ((slug && db->slug && !strcmp(db->slug, slug)))) {
		clear_sections(db);
		if (l->tier)
			db->tier = l->tier;
		if (l->year)
			db->year = l->year;
		return;
	}
	db = new_doc(im, l->no);
	db->country = l->country;
	if (l->country) {
		db->slug = xstrdup(l->country->slug);
		db->name = xstrdup(l->country->name);
	} else {
		struct strbuf sb = {0};
		char *f = fold_dup(l->unknown_name);

		for (const char *p = f; *p; p++)
			if (isalnum((unsigned char)*p))
				sb_addc(&sb, *p);
			else if (sb.len && sb.buf[sb.len - 1] != '-')
				sb_addc(&sb, '-');
		while (sb.len && sb.buf[sb.len - 1] == '-')
			sb.len--;
		sb_addc(&sb, '\0');
		db->slug = sb_detach(&sb);
		db->name = xstrdup(l->unknown_name);
		free(f);
	}
	db->tier = l->tier;
	db->year = l->year;
}

/* --- two columns flattened line by line ------------------------------------ */

/* Whether the text makes "head" + "tail" a word it uses elsewhere, whole
 * or hyphenated. */
static bool known_join(const struct word_stats *ws, const char *head, size_t hn, const char *tail)
{
	struct strbuf sb = {0};
	size_t tn = 0;
	bool known;

	while (isalpha((unsigned char)tail[tn]))
		tn++;
	if (!tn)
		return false;
	sb_add(&sb, head, hn);
	sb_add(&sb, tail, tn);
	known = word_stats_word(ws, sb.buf, sb.len) > 0;
	sb_reset(&sb);
	sb_add(&sb, head, hn);
	sb_addc(&sb, '-');
	sb_add(&sb, tail, tn);
	known = known || word_stats_compound(ws, sb.buf, sb.len) > 0;
	sb_free(&sb);
	return known;
}

/* A run of lines [a, b) whose words split at a line end are made whole by
 * the line after next, not by the next: the lines of two columns taken in
 * turn, as a copy across a two-column page gives them. */
static bool interleaved(const struct importer *im, size_t a, size_t b)
{
	size_t skip = 0, next = 0;

	for (size_t i = a; i + 2 < b; i++) {
		const struct line *l = &im->lines[i];
		size_t hn;
		bool by_next, by_after;

		if (!l->len || l->s[l->len - 1] != '-' || !(hn = trailing_word(l->s, l->len - 1)))
			continue;
		by_next = known_join(im->ws, l->s + l->len - 1 - hn, hn, im->lines[i + 1].s);
		by_after = known_join(im->ws, l->s + l->len - 1 - hn, hn, im->lines[i + 2].s);

		next += by_next && !by_after;
		skip += by_after && !by_next;
	}
	return skip >= 2 && skip > 2 * next;
}

/* Puts the lines of interleaved runs back in column order: every other
 * line (the left column), then the rest (the right one). */
static void deinterleave(struct importer *im)
{
	for (size_t a = 0; a < im->n_lines;) {
		size_t b = a;
		struct line *tmp;

		while (b < im->n_lines && im->lines[b].kind != L_BLANK && !im->lines[b].page &&
		       im->lines[b].role == SRC_TEXT)
			b++;
		if (b - a >= 6 && interleaved(im, a, b)) {
			tmp = xmalloc((b - a) * sizeof(*tmp));
			for (size_t i = a, o = 0; o < b - a; i += 2, o++) {
				if (i >= b)
					i = a + 1;
				tmp[o] = im->lines[i];
			}
			memcpy(im->lines + a, tmp, (b - a) * sizeof(*tmp));
			free(tmp);
			diags_add(im->d, DIAG_WARNING, im->name, im->lines[a].no, 1,
				  "lines %u-%u alternate between two columns (a page copied across its "
				  "columns): read as one column, then the other; check this narrative",
				  im->lines[a].no, im->lines[b - 1].no);
		}
		a = b + 1;
	}
}

static void add_placement(struct importer *im, const struct country *c, const struct line *l)
{
	struct import_result *res = im->res;

	GROW(res->placements, res->cap_placements, res->n_placements + 1);
	res->placements[res->n_placements].country = c;
	res->placements[res->n_placements].tier = im->placement_tier;
	res->placements[res->n_placements].line = l->no;
	res->placements[res->n_placements].page = l->page;
	res->n_placements++;
}

/* A line of the tier placement list: a tier ("TIER 2 WATCH LIST", "SPECIAL
 * CASES") for the names under it, or names, one a line or set in columns. */
static void take_placement(struct importer *im, const struct line *l)
{
	const struct country *c;
	enum tier t;

	if (starts_with_ci(l->s, "special case")) {
		im->placement_tier = TIER_SPECIAL;
	} else if (tier_only(l->s, &t)) {
		im->placement_tier = t;
	} else if (!im->placement_tier) {
		return;
	} else if ((c = match_heading_name(im, l->s))) {
		add_placement(im, c, l);
	} else {
		/* Columns of names, as a plain extraction lays them out. */
		for (const char *p = l->s; *p;) {
			size_t n = 0;
			char *name;

			while (p[n] && !(p[n] == ' ' && p[n + 1] == ' '))
				n++;
			name = xstrndup(p, n);
			if ((c = match_heading_name(im, name)))
				add_placement(im, c, l);
			free(name);
			p += n;
			p += strspn(p, " ");
		}
	}
}

/* The pages a narrative's text is on. */
static void note_page(struct importer *im, const struct line *l)
{
	struct doc_b *db = cur_doc(im);

	if (!db || !l->page)
		return;
	if (!db->first_page)
		db->first_page = l->page;
	db->last_page = l->page;
}

/* A PDF's running head inside a narrative: its country's name alone on a
 * line, in capitals ("MICRONESIA" over the report's title and page). */
static bool country_running_head(const struct importer *im, const struct line *l)
{
	const struct doc_b *db = im->n_docs ? &im->docs[im->n_docs - 1] : NULL;

	return db && db->country && !has_lower(l->s, l->len) && l->len <= 60 &&
	       match_heading_name(im, l->s) == db->country;
}

static void build(struct importer *im)
{
	const struct line *prev = NULL;
	size_t blanks = 0, marker;

	if (im->opt->commentary) {
		struct doc_b *db = new_doc(im, 1);

		open_section(db, "text", 1);
	}
	for (size_t i = 0; i < im->n_lines; i++) {
		const struct line *l = &im->lines[i];

		switch (l->kind) {
		case L_BLANK:
			blanks++;
			continue;
		case L_DEBRIS:
			/* A quote's "[\xe2\x80\xa6]": what follows a recommendation list
			 * elided is no more of its items. */
			if (elision(l->s) && in_recommendations(im) && !im->outside) {
				flush_para(im);
				open_section(cur_doc(im), "profile", l->no);
				prev = NULL;
			}
			continue;
		case L_CHAPTER:
			flush_para(im);
			im->outside = true;
			im->in_placements = l->placements;
			im->placement_tier = TIER_NONE;
			prev = NULL;
			continue;
		case L_COUNTRY:
			im->outside = im->in_placements = false;
			start_country(im, l);
			note_page(im, l);
			prev = NULL;
			break;
		case L_SECTION:
		case L_TEXT:
			if (!im->outside)
				break;
			if (im->in_placements)
				take_placement(im, l);
			im->n_outside++;
			continue;
		}
		switch (l->kind) {
		case L_SECTION:
			flush_para(im);
			if (!cur_doc(im))
				new_doc(im, l->no)->fragment = true;
			open_section(cur_doc(im), l->section, l->no);
			prev = NULL;
			break;
		case L_TEXT:
			if (country_running_head(im, l)) {
				im->n_debris++;
				continue;
			}
			/* A numbered or dashed item is an item at a bullet: in the
			 * recommendations, or opening in the imperative where a
			 * copy lost their heading. */
			marker = list_marker(l->s, in_recommendations(im));
			if (marker && !in_recommendations(im) && !imperative(l->s + marker))
				marker = 0;
			if (marker || (prev && paragraph_break(im, prev, l, blanks)))
				flush_para(im);
			/* A section that opens mid-sentence: its first words are
			 * elsewhere, as when a PDF's two columns run together. */
			if (!prev && cur_doc(im) && starts_continuation(l->s) && !im->warned_columns) {
				diags_add(im->d, DIAG_WARNING, im->name, l->no, l->col,
					  "text under a heading starts mid-sentence; the page's "
					  "columns may be interleaved: check this narrative");
				im->warned_columns = true;
			}
			if (!im->para.len)
				im->para_line = l->no;
			if (marker)
				join_line(im, BULLET, 3);
			join_line(im, l->s + marker, l->len - marker);
			im->para_lines++;
			note_page(im, l);
			prev = l;
			break;
		default:
			break;
		}
		blanks = 0;
		if (l->rest) {
			/* Text on the heading's own line opens a paragraph. */
			im->para_line = l->no;
			join_line(im, l->rest, strlen(l->rest));
			prev = l;
		}
	}
	flush_para(im);
}

/* --- settling each document ----------------------------------------------- */

/* "The Government of Palau does not fully meet ...": the country named at the
 * start of a narrative without a heading. */
static const struct country *government_of(const struct importer *im, const char *text)
{
	static const char opener[] = "The Government of ";
	const struct country *best = NULL;
	const char *p;
	char *words;
	size_t n = 0;

	if (strncmp(text, opener, sizeof(opener) - 1))
		return NULL;
	p = text + sizeof(opener) - 1;
	words = xstrndup(p, strcspn(p, "(,;.") );
	/* The longest run of words that names a country. */
	for (char *q = words; *q && n < 8; n++) {
		char save;

		q += strcspn(q, " ");
		save = *q;
		*q = '\0';
		if (countries_match_name(im->cs, words))
			best = countries_match_name(im->cs, words);
		*q = save;
		q += strspn(q, " ");
	}
	free(words);
	return best;
}

/* Old narratives open with the country's profile: "Iceland is a destination
 * country for ...". */
static bool profile_opening(const char *text)
{
	return strstr(text, " is a source") || strstr(text, " is a destination") ||
	       strstr(text, " is a transit") || strstr(text, " is primarily a") ||
	       strstr(text, " is a country of");
}

static bool narrative_opening(const char *text)
{
	return verdict_subject(text) && (verdict_words(text) || strstr(text, "minimum standards"));
}

/* The country a text names most, counting demonyms made by adding "n"
 * ("Kenya" / "Kenyans"); NULL unless it clearly leads. */
static const struct country *most_named(const struct importer *im, const struct doc_b *db,
					size_t *mentions)
{
	struct strbuf all = {0};
	const struct country *best = NULL;
	size_t best_n = 0, second = 0;
	char *text;

	/* The opening 64 KiB tell as well as the whole, at bounded cost. */
	for (size_t s = 0; s < db->n && all.len < 65536; s++)
		for (size_t k = 0; k < db->secs[s].n && all.len < 65536; k++) {
			sb_adds(&all, db->secs[s].v[k].text);
			sb_addc(&all, ' ');
		}
	text = fold_dup(all.len ? all.buf : "");
	sb_free(&all);
	for (size_t i = 0; i < countries_count(im->cs); i++) {
		const struct country *c = countries_at(im->cs, i);
		size_t count = 0;

		for (size_t k = 0; k < c->n_aliases + 2; k++) {
			const char *key = k == 0 ? c->name : k == 1 ? c->short_name : c->aliases[k - 2];
			char *f;
			size_t n;

			if (!key || strlen(key) < 4)
				continue;
			f = fold_dup(key);
			n = strlen(f);
			for (const char *p = text; (p = str_find(p, f)); p += n) {
				const char *e = p + n;

				if (p > text && isalnum((unsigned char)p[-1]))
					continue;
				if (f[n - 1] == 'a' && *e == 'n')
					e += e[1] == 's' ? 2 : 1;
				if (!isalnum((unsigned char)*e))
					count++;
			}
			free(f);
		}
		if (count > best_n) {
			second = best_n;
			best_n = count;
			best = c;
		} else if (count > second) {
			second = count;
		}
	}
	free(text);
	*mentions = best_n;
	return best_n >= 2 && best_n * 2 > second * 3 ? best : NULL;
}

/* "...therefore Kenya remained on Tier 2": the tier a paragraph says. */
static enum tier tier_said(const char *text)
{
	static const char *const verbs[] = {
		"remained on ", "remains on ", "remain on ", "placed on ", "downgraded to ",
		"upgraded to ", "was on ", "is on ", "moved to ", "remained a ", "remains a ", NULL,
	};
	enum tier t = TIER_NONE;
	size_t n;

	for (const char *p = text; *p && !t; p++)
		for (const char *const *v = verbs; *v && !t; v++)
			if (!strncmp(p, *v, strlen(*v)))
				t = tier_at(p + strlen(*v), &n);
	return t;
}

/* The tier the overview says; where headings were lost, the sentence may
 * have landed in any section but the recommendations. */
static enum tier tier_from_text(const struct doc_b *db)
{
	enum tier t = TIER_NONE;

	for (int pass = 0; pass < 2 && !t; pass++)
		for (size_t s = 0; s < db->n && !t; s++) {
			const char *id = db->secs[s].id;

			if (!id || !strcmp(id, "recommendations") || !strcmp(id, "overview") != (pass == 1))
				continue;
			for (size_t k = 0; k < db->secs[s].n && !t; k++)
				t = tier_said(db->secs[s].v[k].text);
		}
	return t;
}

static void set_country(struct doc_b *db, const struct country *c)
{
	db->country = c;
	free(db->slug);
	free(db->name);
	db->slug = xstrdup(c->slug);
	db->name = xstrdup(c->name);
}

/* Whether a narrative after db in this copy has c's heading. */
static struct doc_b *headed_elsewhere(struct importer *im, struct doc_b *db, const struct country *c)
{
	for (struct doc_b *o = db + 1; o < im->docs + im->n_docs; o++)
		if (o->country == c)
			return o;
	return NULL;
}

static bool has_titled_section(const struct doc_b *db)
{
	for (size_t s = 0; s < db->n; s++)
		if (db->secs[s].id && db->secs[s].n)
			return true;
	return false;
}

static bool section_names(const struct section_b *sec, const struct country *c)
{
	for (size_t k = 0; k < sec->n; k++)
		if (strstr(sec->v[k].text, c->name) || (c->short_name && strstr(sec->v[k].text, c->short_name)))
			return true;
	return false;
}

/* Sections of a narrative that a PDF's text flow put before its heading
 * (a column's top read first): those that name its country go to the
 * narrative under it, where it lacks them.  Returns how many moved. */
static size_t move_sections(struct doc_b *from, struct doc_b *to)
{
	size_t moved = 0;

	for (size_t s = 0; s < from->n; s++) {
		struct section_b *sec = &from->secs[s];
		bool have = false;

		if (!sec->id || !sec->n || !section_names(sec, to->country))
			continue;
		for (size_t k = 0; k < to->n; k++)
			have = have || (to->secs[k].id && !strcmp(to->secs[k].id, sec->id));
		if (have)
			continue;
		GROW(to->secs, to->cap, to->n + 1);
		to->secs[to->n++] = *sec;
		memset(sec, 0, sizeof(*sec));
		moved++;
	}
	return moved;
}

/* Text before any heading: whose narrative is it? */
static size_t doc_words(const struct doc_b *db)
{
	size_t n = 0;

	for (size_t s = 0; s < db->n; s++)
		for (size_t k = 0; k < db->secs[s].n; k++)
			for (const char *p = db->secs[s].v[k].text; *p; p++)
				n += *p != ' ' && (p[1] == ' ' || !p[1]);
	return n;
}

/* Text before any heading: whose narrative is it?  Before a file's first
 * country heading it may be no narrative at all (a page header, a site's
 * lines): then it is left out with a warning, never made a narrative of its
 * own or an error. */
static bool settle_country(struct importer *im, struct doc_b *db)
{
	const struct country *c;
	const char *first;
	size_t mentions = 0;
	bool headed_later = db == im->docs && im->n_docs > 1;
	struct doc_b *later;

	if (db->slug)
		return true;
	first = db->n && db->secs[0].n ? db->secs[0].v[0].text : "";
	if (im->opt->country) {
		if (!(c = countries_by_slug(im->cs, im->opt->country))) {
			diags_add(im->d, DIAG_ERROR, im->name, 0, 0, "unknown country '%s'", im->opt->country);
			return false;
		}
	} else if ((c = government_of(im, first))) {
		db->fragment = false;
	} else if (headed_later && doc_words(db) >= 60 && (c = most_named(im, db, &mentions)) &&
		   (later = headed_elsewhere(im, db, c)) && has_titled_section(db) &&
		   move_sections(db, later)) {
		diags_add(im->d, DIAG_WARNING, im->name, db->line, 1,
			  "sections of %s before its heading (a PDF's columns read out of order) moved "
			  "under it: check this narrative", c->name);
		return false;
	} else if (headed_later && (doc_words(db) < 60 || !(c = most_named(im, db, &mentions)) ||
				    headed_elsewhere(im, db, c) || tier_from_text(db) == TIER_NONE)) {
		/* A site's banner and menus, a republisher's introduction, a
		 * reader's notes, the end of the narrative before (no heading of
		 * its own, and no tier to be read): text about no country, or
		 * about the one whose narrative follows under its heading, is not
		 * a narrative of its own. */
		diags_add(im->d, DIAG_WARNING, im->name, db->line, 1,
			  "%zu word%s before the first country heading left out: a page's or a note's "
			  "text, or the end of another narrative (give --country if %s one)", doc_words(db),
			  doc_words(db) == 1 ? "" : "s", doc_words(db) == 1 ? "it is" : "they are");
		return false;
	} else if ((c = most_named(im, db, &mentions))) {
		diags_add(im->d, DIAG_WARNING, im->name, db->line, 1,
			  "no country heading: the text names %s most (%zu times); "
			  "use --country to choose another", c->name, mentions);
	} else {
		diags_add(im->d, DIAG_ERROR, im->name, db->line, 1,
			  "cannot tell which country this text is about; use --country");
		return false;
	}
	if (narrative_opening(first) || profile_opening(first) || im->opt->commentary)
		db->fragment = false;
	set_country(db, c);
	return true;
}

/* The section of a paragraph in a narrative whose headings are missing. */
static const char *guess_section(const char *text)
{
	size_t first = strcspn(text, ".;");
	char *opening;
	const char *id = "profile";

	if (starts_with_ci(text, "The government") || starts_with_ci(text, "Authorities")) {
		if (strstr(text, "law enforcement") || strstr(text, "prosecut"))
			return "prosecution";
		if (strstr(text, "protection") || strstr(text, "identif"))
			return "protection";
		if (strstr(text, "prevent") || strstr(text, "awareness"))
			return "prevention";
		return id;
	}
	/* An early edition names the country: "Pakistan increased its
	 * prevention efforts." */
	if (first > 120)
		return id;
	opening = xstrndup(text, first);
	if (strstr(opening, "efforts")) {
		if (strstr(opening, "law enforcement") || strstr(opening, "prosecut"))
			id = "prosecution";
		else if (strstr(opening, "protection") || strstr(opening, "protect "))
			id = "protection";
		else if (strstr(opening, "prevent"))
			id = "prevention";
	}
	free(opening);
	return id;
}

/* Moves paragraphs [at, n) of section idx into a new section tail_id
 * inserted after it. */
static void split_section(struct doc_b *db, size_t idx, size_t at, const char *tail_id)
{
	struct section_b *head, *tail;
	size_t moved;

	GROW(db->secs, db->cap, db->n + 1);
	memmove(db->secs + idx + 2, db->secs + idx + 1, (db->n - idx - 1) * sizeof(*db->secs));
	db->n++;
	head = &db->secs[idx];
	tail = &db->secs[idx + 1];
	moved = head->n - at;
	memset(tail, 0, sizeof(*tail));
	tail->id = tail_id;
	tail->line = head->v[at].line;
	tail->v = xmalloc(moved * sizeof(struct para));
	memcpy(tail->v, head->v + at, moved * sizeof(struct para));
	tail->n = tail->cap = moved;
	head->n = at;
}

/* Gives the unlabelled first section its id: the tail of a narrative cut
 * from the file's start, or the profile paragraphs and tier justification
 * that open a narrative. */
static void settle_untitled(struct importer *im, struct doc_b *db)
{
	struct section_b *s;
	size_t split = 0;

	if (!db->n || db->secs[0].id)
		return;
	s = &db->secs[0];
	if (db->fragment) {
		s->id = im->opt->section ? im->opt->section : guess_section(s->n ? s->v[0].text : "");
		return;
	}
	while (split < s->n && !narrative_opening(s->v[split].text))
		split++;
	if (split == s->n || split == 0) {
		s->id = split == 0 || !profile_opening(s->v[0].text) ? "overview" : "profile";
		return;
	}
	s->id = "profile";
	split_section(db, 0, split, "overview");
}

/* The end of the sentence that starts at p, in a paragraph of
 * recommendations that lost its bullets: a full stop after a lower-case word
 * of three letters or more (not "U.S.", "No."), then a capital. */
static const char *sentence_end(const char *p)
{
	for (const char *q = p; *q; q++) {
		if (*q != '.' || q[1] != ' ' || !isupper((unsigned char)q[2]) || q - p < 3)
			continue;
		if (islower((unsigned char)q[-1]) && islower((unsigned char)q[-2]) &&
		    isalpha((unsigned char)q[-3]))
			return q + 1;
	}
	return p + strlen(p);
}

static size_t count_sentences(const char *p)
{
	size_t n = 0;

	for (; *p; n++) {
		p = sentence_end(p);
		p += strspn(p, " ");
	}
	return n;
}

enum item_split { SPLIT_NONE, SPLIT_BULLETS, SPLIT_SEMICOLONS, SPLIT_SENTENCES };

/* Where the item starting at p ends, and where the next one starts. */
static const char *item_end(enum item_split how, const char *p, const char **next)
{
	const char *end = NULL;

	switch (how) {
	case SPLIT_BULLETS:
		if ((end = str_find(p, BULLET)))
			*next = end + 3;
		break;
	case SPLIT_SEMICOLONS:
		if ((end = strchr(p, ';')))
			*next = end + 1;
		break;
	case SPLIT_SENTENCES:
		end = sentence_end(p);
		*next = end;
		break;
	case SPLIT_NONE:
		break;
	}
	if (!end)
		*next = end = p + strlen(p);
	return end;
}

/* An item's length without trailing spaces and the list's joining "; and"
 * or ";": the report's items end with a period or nothing, and items split
 * at semicolons lose theirs, so bulleted ones should too. */
static size_t item_length(const char *p, size_t n)
{
	while (n && p[n - 1] == ' ')
		n--;
	if (n >= 5 && !strncmp(p + n - 5, "; and", 5))
		n -= 5;
	else if (n && p[n - 1] == ';')
		n--;
	while (n && p[n - 1] == ' ')
		n--;
	return n;
}

/* Splits a recommendations section into items: at bullets wherever they
 * stand; else one item per paragraph; else, for one paragraph, at its
 * sentences (bullets lost in extraction) or, in the older one-sentence style
 * ("amend ...; provide ...; and conduct ..."), at semicolons. */
static void split_items(const struct section_b *s, struct document *doc, struct section *out)
{
	bool joined = false; /* the item before ended with the list's ";" */
	enum item_split how = SPLIT_NONE;

	for (size_t k = 0; k < s->n; k++)
		if (strstr(s->v[k].text, BULLET))
			how = SPLIT_BULLETS;
	if (!how && s->n == 1 && count_sentences(s->v[0].text) >= 3)
		how = SPLIT_SENTENCES;
	else if (!how && s->n == 1 && (count_str(s->v[0].text, "; ") >= 2 ||
				       (count_str(s->v[0].text, "; ") == 1 && str_find(s->v[0].text, "; and "))))
		how = SPLIT_SEMICOLONS;
	for (size_t k = 0; k < s->n; k++) {
		const char *p = s->v[k].text, *next;

		while (*p) {
			const char *end = item_end(how, p, &next);
			size_t n, raw;

			p += strspn(p, " ");
			if ((how == SPLIT_SEMICOLONS || joined) && !strncmp(p, "and ", 4))
				p += 4;
			raw = end > p ? (size_t)(end - p) : 0;
			n = item_length(p, raw);
			if (n) {
				section_add_item(doc, out, p, n);
				joined = n < raw && memchr(p + n, ';', raw - n);
			}
			p = next;
		}
	}
}

/* Narratives that stop before their last section, or mid-sentence. */
static bool doc_complete(const struct importer *im, const struct doc_b *db, int year)
{
	bool has[8] = { false };
	const struct section_b *last = NULL;

	if (db->fragment)
		return false;
	for (size_t s = 0; s < db->n; s++) {
		for (size_t k = 0; k < section_kinds_count && k < ARRAY_SIZE(has); k++)
			if (!strcmp(db->secs[s].id, section_kinds[k].id))
				has[k] = true;
		if (db->secs[s].n)
			last = &db->secs[s];
	}
	if (!last || !text_ends_sentence(last->v[last->n - 1].text, strlen(last->v[last->n - 1].text)))
		return false;
	/* A heading with nothing under it at the end: the copy stops there. */
	if (db->n && !db->secs[db->n - 1].n)
		return false;
	if (im->opt->commentary)
		return true;
	/* overview, then prosecution/protection/prevention or government efforts */
	if (has[0] && ((has[2] && has[3] && has[4]) || has[5]))
		return true;
	/* The first editions (2001-2003) have no headings after the overview,
	 * and the Special Cases of the 2000s are a paragraph or two: whole when
	 * they end with a sentence. */
	return !has[1] && !has[2] && !has[3] && !has[4] && !has[5] &&
	       (year <= 2003 || (year <= 2007 && db->tier == TIER_SPECIAL));
}

/* The edition in a saved page's address: a path segment that is a year
 * (".../tiprpt/2006/65990.htm") or starts one ("/2022-trafficking-in-..."). */
static int url_year(const char *url)
{
	const char *path = strstr(url, "://");

	/* The path's, not the host's ("2009-2017.state.gov" is an archive). */
	path = path ? strchr(path + 3, '/') : strchr(url, '/');
	for (const char *p = path; p; p = strchr(p + 1, '/')) {
		int y = year_at(p + 1);

		if (y && (p[5] == '/' || p[5] == '-'))
			return y;
	}
	return 0;
}

static struct document *finish_doc(struct importer *im, struct doc_b *db)
{
	struct document *doc;
	char *source;
	int year = im->opt->year ? im->opt->year : db->year ? db->year : im->text_year;

	if (!year)
		year = import_year_from_name(im->name);
	if (!year && im->url)
		year = url_year(im->url);
	if (!year)
		year = im->prose_year;
	if (!year && !im->opt->commentary) {
		if (!im->warned_year)
			diags_add(im->d, DIAG_ERROR, im->name, db->line, 1,
				  "cannot tell which edition this is: give --year");
		im->warned_year = true;
		return NULL;
	}
	if (!db->tier && !im->opt->commentary)
		db->tier = tier_from_text(db);
	doc = document_new();
	if (im->opt->source)
		source = xstrdup(im->opt->source);
	else if (im->opt->commentary)
		source = xstrdup(im->name);
	else
		source = xasprintf("%d Trafficking in Persons Report", year);
	document_set(doc, db->slug, year, db->tier, im->opt->title ? im->opt->title : db->name,
		     source, doc_complete(im, db, year));
	free(source);
	if (db->first_page) {
		char pages[32];

		if (db->first_page == db->last_page)
			snprintf(pages, sizeof(pages), "%u", db->first_page);
		else
			snprintf(pages, sizeof(pages), "%u-%u", db->first_page, db->last_page);
		document_set_source_ref(doc, im->url, pages);
	} else if (im->url) {
		document_set_source_ref(doc, im->url, NULL);
	}
	for (size_t s = 0; s < db->n; s++) {
		const struct section_b *sb = &db->secs[s];
		struct section *out;

		if (!sb->n)
			continue;
		/* Guessed sections may repeat one seen before: ids stay unique. */
		if (document_section_index(doc, sb->id) >= 0) {
			out = &doc->sections[document_section_index(doc, sb->id)];
		} else {
			/* Before 2017 the report titled the list "Recommendations
			 * for Iceland". */
			const char *name = db->country && db->country->short_name ? db->country->short_name : db->name;
			char *title = !strcmp(sb->id, "recommendations") && year < 2017 && name
					      ? xasprintf("Recommendations for %s", name)
					      : NULL;

			out = document_add_section(doc, sb->id, title ? title : section_default_title(sb->id));
			out->line = sb->line;
			free(title);
		}
		if (!strcmp(sb->id, "recommendations"))
			split_items(sb, doc, out);
		else
			for (size_t k = 0; k < sb->n; k++)
				section_add_para(doc, out, sb->v[k].text, strlen(sb->v[k].text));
	}
	return doc;
}

/* Narratives whose P headings are all missing: start each P where its
 * paragraph opens ("The government maintained law enforcement efforts"),
 * in report order. */
static void settle_missing_headings(struct doc_b *db)
{
	size_t last = db->n - 1;

	for (size_t s = 0; s < db->n; s++)
		if (!strcmp(db->secs[s].id, "prosecution") || !strcmp(db->secs[s].id, "protection") ||
		    !strcmp(db->secs[s].id, "prevention") || !strcmp(db->secs[s].id, "government-efforts"))
			return;
	if (!db->n || strcmp(db->secs[last].id, "overview") || db->secs[last].n < 3)
		return;
	for (size_t k = 1; k < db->secs[last].n; k++) {
		const char *g = guess_section(db->secs[last].v[k].text);

		if (strcmp(g, "profile") && strcmp(g, db->secs[last].id)) {
			split_section(db, last, k, g);
			last++;
			k = 0;
		}
	}
}

/* A paragraph that is a list of recommendations: its items (at bullets,
 * at " * ", else at sentences) all open in the imperative. */
static bool recommendation_para(const char *text)
{
	const char *sep = str_find(text, BULLET) ? BULLET : str_find(text, " * ") ? " * " : NULL;
	size_t items = 0;

	for (const char *p = text; *p;) {
		const char *end = sep ? str_find(p, sep) : sentence_end(p);

		p += strspn(p, " ");
		if (!end)
			end = p + strlen(p);
		if (end > p) {
			if (!imperative(p))
				return false;
			items++;
		}
		p = sep && *end ? end + strlen(sep) : end;
	}
	return items > 0;
}

/* Splits section idx where its paragraphs turn to another of the report's
 * sections by their opening words ("The government maintained law
 * enforcement efforts" starts Prosecution). */
static void split_by_guess(struct doc_b *db, size_t idx, size_t from)
{
	for (size_t k = from; k < db->secs[idx].n; k++) {
		const char *g = guess_section(db->secs[idx].v[k].text);

		if (strcmp(g, "profile") && strcmp(g, db->secs[idx].id)) {
			split_section(db, idx, k, g);
			idx++;
			k = 0;
		}
	}
}

static int section_at(const struct doc_b *db, const char *id)
{
	for (size_t s = 0; s < db->n; s++)
		if (db->secs[s].id && !strcmp(db->secs[s].id, id))
			return (int)s;
	return -1;
}

/* Items run together at " * " are items at bullets. */
static void stars_to_bullets(char **text)
{
	struct strbuf sb = {0};
	const char *p = *text, *star;

	if (!str_find(p, " * "))
		return;
	while ((star = str_find(p, " * "))) {
		sb_add(&sb, p, (size_t)(star - p));
		sb_adds(&sb, " " BULLET " ");
		p = star + 3;
	}
	sb_adds(&sb, p);
	free(*text);
	*text = sb_detach(&sb);
}

/* Recommendations a copy left without their heading: imperative items right
 * after the overview's first paragraph (one a line, or run together at
 * bullets or " * ").  And a list whose next heading a site stripped: the
 * prose after it ("The government maintained ...") is not an item. */
static void settle_recommendations(struct doc_b *db)
{
	int o = section_at(db, "overview"), r = section_at(db, "recommendations");
	struct section_b *sec;
	size_t k, m;

	if (r < 0 && o >= 0) {
		sec = &db->secs[o];
		for (k = 1; k < sec->n && !recommendation_para(sec->v[k].text); k++)
			;
		for (m = k; m < sec->n && recommendation_para(sec->v[m].text); m++)
			stars_to_bullets(&sec->v[m].text);
		if (k == sec->n)
			return;
		split_section(db, (size_t)o, k, "recommendations");
		r = o + 1;
		if (m - k < db->secs[r].n)
			split_section(db, (size_t)r, m - k, guess_section(db->secs[r].v[m - k].text));
		split_by_guess(db, (size_t)r + 1 < db->n ? (size_t)r + 1 : (size_t)r, 1);
		return;
	}
	if (r < 0 || db->secs[r].n < 2)
		return;
	sec = &db->secs[r];
	for (k = sec->n; k > 0 && !str_find(sec->v[k - 1].text, BULLET); k--)
		;
	if (k) {
		/* A bulleted list: prose after its last bullet is no item (a
		 * reader's own note, the next section's text), unless it is one
		 * that lost its bullet (an item's continuation past a page
		 * break was joined to it when the lines were read). */
		while (k < sec->n && imperative(sec->v[k].text))
			k++;
		if (k < sec->n)
			split_section(db, (size_t)r, k, guess_section(sec->v[k].text));
		return;
	}
	for (k = 1; k < sec->n && imperative(sec->v[k].text); k++)
		;
	/* After the report's one-sentence list ("amend ...; provide ...; and
	 * ..."), any prose that is no item ends it ("Rest of it tomorrow."). */
	if (k < sec->n && (starts_with_ci(sec->v[k].text, "The ") ||
			   starts_with_ci(sec->v[k].text, "Authorities") ||
			   starts_with_ci(sec->v[k].text, "Officials") || count_str(sec->v[0].text, "; ") >= 2)) {
		split_section(db, (size_t)r, k, guess_section(sec->v[k].text));
		split_by_guess(db, (size_t)r + 1, 1);
	}
}

/* A site's menu left after the narrative ("About Us", "Releases", "Get
 * Involved", one a line): last paragraphs that make no sentence, three or
 * more short lines together (one paragraph, or one a line where a copy
 * writes a paragraph a line).  Dropped, so that a whole narrative is not
 * taken for one cut short; returns how many lines went. */
static size_t drop_trailing_menu(struct doc_b *db)
{
	struct section_b *last = db->n ? &db->secs[db->n - 1] : NULL;
	size_t from, lines = 0, chars = 0;

	/* Short items without a full stop are a list, not a menu. */
	if (!last || !last->id || !strcmp(last->id, "recommendations"))
		return 0;
	for (from = last->n; from > 0; from--) {
		const struct para *p = &last->v[from - 1];
		size_t len = strlen(p->text);

		if (text_ends_sentence(p->text, len) || len > 60 * (size_t)(p->lines ? p->lines : 1))
			break;
		lines += p->lines ? p->lines : 1;
		chars += len;
	}
	if (lines < 3 || chars > 24 * lines)
		return 0;
	for (size_t k = from; k < last->n; k++)
		free(last->v[k].text);
	last->n = from;
	return lines;
}

static void doc_b_free(struct doc_b *db)
{
	clear_sections(db);
	free(db->secs);
	free(db->slug);
	free(db->name);
}

static void importer_free(struct importer *im)
{
	for (size_t i = 0; i < im->n_docs; i++)
		doc_b_free(&im->docs[i]);
	free(im->docs);
	for (size_t i = 0; i < im->n_lines; i++)
		free(im->lines[i].unknown_name);
	free(im->lines);
	word_stats_free(im->ws);
	sb_free(&im->para);
}

bool import_source(struct import_source *src, const struct countries *cs,
		   const struct import_options *opt, struct import_result *res, struct diags *d)
{
	struct importer im = { .name = src->name, .cs = cs, .opt = opt, .d = d, .res = res,
			       .url = src->url, .title = src->title };
	size_t before = res->n_docs;

	if (src->side_by_side)
		diags_add(d, DIAG_WARNING, im.name, 0, 0,
			  "%u page%s written as two columns side by side (as pdftotext -layout writes "
			  "them) read one column after the other: check these narratives",
			  src->side_by_side, src->side_by_side == 1 ? "" : "s");
	unflatten(src);
	take_lines(&im, src);
	drop_para_numbers(&im);
	classify_lines(&im);
	find_text_year(&im);
	measure(&im);
	deinterleave(&im);
	build(&im);
	for (size_t i = 0; i < im.n_docs; i++) {
		struct doc_b *db = &im.docs[i];
		struct document *doc;

		if (!db->n || !settle_country(&im, db))
			continue;
		settle_untitled(&im, db);
		settle_recommendations(db);
		settle_missing_headings(db);
		im.n_debris += drop_trailing_menu(db);
		if (!(doc = finish_doc(&im, db)))
			continue;
		if (!doc->n_sections) {
			diags_add(d, DIAG_WARNING, im.name, db->line, 1, "no text under the heading for %s",
				  db->slug);
			document_free(doc);
			continue;
		}
		GROW(res->docs, res->cap_docs, res->n_docs + 1);
		res->docs[res->n_docs].doc = doc;
		res->docs[res->n_docs].line = db->line;
		res->docs[res->n_docs].page = db->first_page;
		res->n_docs++;
	}
	res->n_debris += im.n_debris;
	res->n_outside += im.n_outside;
	res->n_pages += src->n_pages;
	if (res->n_docs == before && !d->n_errors)
		diags_add(d, DIAG_ERROR, im.name, 0, 0, "no narrative found");
	importer_free(&im);
	return res->n_docs > before;
}

bool import_text(const char *name, const char *buf, size_t len, const struct countries *cs,
		 const struct import_options *opt, struct import_result *res, struct diags *d)
{
	struct import_source src = { .name = name };
	char *repaired, *decoded;
	const char *encoding;
	bool ok;

	/* Word's "plain text" and Notepad's "Unicode" are not UTF-8. */
	if ((decoded = legacy_decode(buf, len, &len, &encoding))) {
		diags_add(d, DIAG_WARNING, name, 0, 0, "not UTF-8: read as %s", encoding);
		buf = decoded;
	}
	if (!diags_check_utf8(name, buf, len, d)) {
		free(decoded);
		return false;
	}
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
	}
	if ((repaired = mojibake_repair(buf, len, &len)))
		buf = repaired;
	import_source_text(&src, buf, len);
	ok = import_source(&src, cs, opt, res, d);
	import_source_free(&src);
	free(repaired);
	free(decoded);
	return ok;
}

enum import_format import_detect(const char *buf, size_t len)
{
	if (pdf_sniff(buf, len))
		return IMPORT_PDF;
	return html_sniff(buf, len) ? IMPORT_HTML : IMPORT_TEXT;
}

const char *import_format_name(enum import_format f)
{
	return f == IMPORT_PDF ? "PDF" : f == IMPORT_HTML ? "HTML" : "text";
}

bool import_buffer(const char *name, const char *buf, size_t len, const struct countries *cs,
		   const struct import_options *opt, struct import_result *res, struct diags *d)
{
	struct import_source src = { .name = name };
	bool ok;

	switch (import_detect(buf, len)) {
	case IMPORT_PDF:
		ok = import_source_pdf(&src, buf, len, d, opt->progress, opt->progress_arg);
		break;
	case IMPORT_HTML:
		ok = import_source_html(&src, buf, len, d);
		break;
	default:
		return import_text(name, buf, len, cs, opt, res, d);
	}
	ok = ok && import_source(&src, cs, opt, res, d);
	import_source_free(&src);
	return ok;
}

void import_result_free(struct import_result *res)
{
	for (size_t i = 0; i < res->n_docs; i++)
		document_free(res->docs[i].doc);
	free(res->docs);
	free(res->placements);
	memset(res, 0, sizeof(*res));
}

/* "2017-03-14", "2017_03_14", "2017.03": the year of a date (a file saved
 * or sent that day), not an edition. */
static bool date_after_year(const char *p)
{
	return (p[4] == '-' || p[4] == '_' || p[4] == '.') && isdigit((unsigned char)p[5]) &&
	       isdigit((unsigned char)p[6]) && !isdigit((unsigned char)p[7]) && atoi(p + 5) >= 1 &&
	       atoi(p + 5) <= 12;
}

int import_year_from_name(const char *path)
{
	const char *base = strrchr(path, '/');

	for (const char *p = base ? base + 1 : path; *p; p++) {
		if (p > path && isdigit((unsigned char)p[-1]))
			continue;
		if ((p[0] == '1' || p[0] == '2') && isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]) && !date_after_year(p)) {
			int y = atoi(p);

			if (y >= 1990 && y <= 2100)
				return y;
		}
	}
	return 0;
}
