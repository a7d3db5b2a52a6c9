/* textrepair.c — word statistics and the repairs they justify. */
#include "config.h"

#include "import/textrepair.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/util.h"

struct stat_entry {
	char *key;       /* ASCII-lowercased word, or compound without its hyphens */
	char *compound;  /* for the dehyphenated table: the compound as first seen */
	size_t count;
};

struct table {
	struct stat_entry *v;
	size_t cap, n;
};

struct word_stats {
	struct table words, compounds, dehyphenated;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = HASH_INIT;

	for (size_t i = 0; i < len; i++) {
		unsigned char lower = (unsigned char)tolower((unsigned char)s[i]);

		h = hash_add(h, &lower, 1);
	}
	return h;
}

static bool key_equal(const char *key, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (key[i] != (char)tolower((unsigned char)s[i]))
			return false;
	return key[len] == '\0';
}

static struct stat_entry *table_slot(const struct table *t, const char *s, size_t len)
{
	size_t i = hash_bytes(s, len) & (t->cap - 1);

	while (t->v[i].key && !key_equal(t->v[i].key, s, len))
		i = (i + 1) & (t->cap - 1);
	return &t->v[i];
}

static void table_grow(struct table *t)
{
	struct table bigger = { xcalloc(t->cap ? t->cap * 2 : 256, sizeof(*t->v)),
				t->cap ? t->cap * 2 : 256, t->n };

	for (size_t i = 0; i < t->cap; i++)
		if (t->v[i].key)
			*table_slot(&bigger, t->v[i].key, strlen(t->v[i].key)) = t->v[i];
	free(t->v);
	*t = bigger;
}

/* The entry for s, created (count 0) when missing. */
static struct stat_entry *table_get(struct table *t, const char *s, size_t len)
{
	struct stat_entry *e;

	if ((t->n + 1) * 2 > t->cap)
		table_grow(t);
	e = table_slot(t, s, len);
	if (!e->key) {
		e->key = xstrndup(s, len);
		for (char *p = e->key; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		t->n++;
	}
	return e;
}

static size_t table_count(const struct table *t, const char *s, size_t len)
{
	const struct stat_entry *e;

	if (!t->cap)
		return 0;
	e = table_slot(t, s, len);
	return e->key ? e->count : 0;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->cap; i++) {
		free(t->v[i].key);
		free(t->v[i].compound);
	}
	free(t->v);
}

struct word_stats *word_stats_new(void)
{
	return xcalloc(1, sizeof(struct word_stats));
}

void word_stats_free(struct word_stats *ws)
{
	if (!ws)
		return;
	table_free(&ws->words);
	table_free(&ws->compounds);
	table_free(&ws->dehyphenated);
	free(ws);
}

/* Letters and digits, including non-ASCII letters; not the typographic
 * punctuation of U+2000..U+206F (curly quotes, dashes, bullets) nor Latin-1
 * symbols and spaces. */
static size_t word_char(const char *s, size_t len)
{
	int32_t cp;
	size_t n;

	if (!len)
		return 0;
	if (!((unsigned char)*s & 0x80))
		return isalnum((unsigned char)*s) ? 1 : 0;
	n = utf8_next(s, len, &cp);
	if (cp < 0 || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	    (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF)
		return 0;
	return n;
}

/* Length of the token at s: word characters joined by single inner hyphens.
 * A hyphen at the very end is included (a line-end split). */
static size_t token_len(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		if ((n = word_char(s + i, len - i))) {
			i += n;
		} else if (s[i] == '-' && i > 0 && (i + 1 == len || word_char(s + i + 1, len - i - 1))) {
			i++;
		} else {
			break;
		}
	}
	return i;
}

static void count_token(struct word_stats *ws, const char *t, size_t n)
{
	struct stat_entry *e;
	char *bare;
	size_t k = 0;

	if (!memchr(t, '-', n)) {
		table_get(&ws->words, t, n)->count++;
		return;
	}
	table_get(&ws->compounds, t, n)->count++;
	bare = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		if (t[i] != '-')
			bare[k++] = t[i];
	e = table_get(&ws->dehyphenated, bare, k);
	if (!e->compound)
		e->compound = xstrndup(t, n);
	e->count++;
	free(bare);
}

void word_stats_add_line(struct word_stats *ws, const char *s, size_t len, bool skip_first)
{
	size_t i = 0, n;
	bool first = true;

	while (i < len) {
		if (!(n = token_len(s + i, len - i))) {
			i++;
			continue;
		}
		if (!(first && skip_first) && !(i + n == len && s[i + n - 1] == '-'))
			count_token(ws, s + i, n);
		first = false;
		i += n;
	}
}

size_t word_stats_word(const struct word_stats *ws, const char *word, size_t len)
{
	return table_count(&ws->words, word, len);
}

size_t word_stats_compound(const struct word_stats *ws, const char *word, size_t len)
{
	return table_count(&ws->compounds, word, len);
}

static bool in_list(const char *const *list, const char *s, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && !strncasecmp(*list, s, len))
			return true;
	return false;
}

/* First and second halves that form hyphenated compounds far more often than
 * they split a single word at a line end. */
static const char *const compound_heads[] = {
	"anti", "non", "self", "cross", "counter", "ex", "post", "pre", "pro", "semi", "quasi",
	"well", "low", "high", "full", "part", "long", "short", "state", "sub", "mid", "multi",
	"co", "government", "victim", "child", "gender", "community", "court", "law", "job",
	"trauma", "debt", "forced", "labor", "sex", "human", "so", "would", "intra", NULL,
};
static const char *const compound_tails[] = {
	"related", "based", "led", "run", "owned", "flagged", "funded", "sponsored", "affected",
	"oriented", "centered", "centred", "informed", "specific", "level", "wide", "term", "year",
	"old", "month", "day", "week", "free", "like", "scale", "up", "ups", "called", "sensitive",
	"friendly", "appropriate", "trafficking", "border", "seekers", "style", "bound", "prone",
	"making", "building", "owned", "operated", "controlled", "managed", "linked", NULL,
};

static bool has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (isdigit((unsigned char)s[i]))
			return true;
	return false;
}

bool hyphen_keep(const struct word_stats *ws, const char *head, size_t head_len,
		 const char *tail, size_t tail_len)
{
	struct strbuf sb = {0};
	size_t hyphenated, joined;

	sb_add(&sb, head, head_len);
	sb_addc(&sb, '-');
	sb_add(&sb, tail, tail_len);
	hyphenated = word_stats_compound(ws, sb.buf, sb.len);
	sb_reset(&sb);
	sb_add(&sb, head, head_len);
	sb_add(&sb, tail, tail_len);
	joined = word_stats_word(ws, sb.buf, sb.len);
	sb_free(&sb);
	if (hyphenated != joined)
		return hyphenated > joined;
	if (!head_len || !tail_len || has_digit(head, head_len) || has_digit(tail, tail_len))
		return true;
	/* "anti-" / "Trafficking", "Korean-" / "flagged": a proper word on either side. */
	if (isupper((unsigned char)tail[0]))
		return true;
	if (isupper((unsigned char)head[0]) && word_stats_word(ws, head, head_len))
		return true;
	if (in_list(compound_heads, head, head_len) || in_list(compound_tails, tail, tail_len))
		return true;
	/* "re-" / "education", "co-" / "operation": a short prefix whose vowel
	 * the next word repeats keeps its hyphen. */
	if (head_len <= 4 && strchr("aeiou", tolower((unsigned char)head[head_len - 1])) &&
	    tolower((unsigned char)head[head_len - 1]) == tolower((unsigned char)tail[0]))
		return true;
	return head_len >= 3 && tail_len >= 3 && word_stats_word(ws, head, head_len) &&
	       word_stats_word(ws, tail, tail_len);
}

/* The compound the text writes for this hyphen-less token, when the text
 * writes it hyphenated at least as often as it writes it joined. */
static const char *lost_hyphen(const struct word_stats *ws, const char *t, size_t n)
{
	const struct stat_entry *e;

	if (!ws->dehyphenated.cap)
		return NULL;
	e = table_slot(&ws->dehyphenated, t, n);
	if (!e->key || e->count < word_stats_word(ws, t, n))
		return NULL;
	return e->compound;
}

/* Copies token t into sb with the hyphens of compound put back at the same
 * places, keeping t's own letters (and case). */
static void add_with_hyphens(struct strbuf *sb, const char *t, size_t n, const char *compound)
{
	size_t k = 0;

	for (const char *c = compound; *c && k < n; c++) {
		if (*c == '-')
			sb_addc(sb, '-');
		else
			sb_addc(sb, t[k++]);
	}
	sb_add(sb, t + k, n - k);
}

static bool is_lower_word(const char *s, size_t n)
{
	return n && islower((unsigned char)s[0]);
}

static const char *const conjunctions[] = { "and", "or", "nor", "to", "as", NULL };

void text_repair(const struct word_stats *ws, const char *s, size_t len, struct strbuf *sb)
{
	size_t i = 0, n;

	while (i < len) {
		const char *compound;

		if (!(n = token_len(s + i, len - i))) {
			/* "houses.Women": a sentence end with its space lost. */
			if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i >= 2 &&
			    islower((unsigned char)s[i - 1]) && islower((unsigned char)s[i - 2]) &&
			    i + 2 < len && isupper((unsigned char)s[i + 1]) &&
			    islower((unsigned char)s[i + 2])) {
				sb_addc(sb, s[i]);
				sb_addc(sb, ' ');
			} else {
				sb_addc(sb, s[i]);
			}
			i++;
			continue;
		}
		/* "government- imposed": a line-end split whose line break became a space. */
		if (i + n + 2 < len && s[i + n] == '-' && s[i + n + 1] == ' ') {
			const char *t = s + i + n + 2;
			size_t m = token_len(t, len - i - n - 2);

			if (m && is_lower_word(t, m) && !memchr(t, '-', m) && !in_list(conjunctions, t, m)) {
				sb_add(sb, s + i, n);
				if (hyphen_keep(ws, s + i, n, t, m))
					sb_addc(sb, '-');
				sb_add(sb, t, m);
				i += n + 2 + m;
				continue;
			}
		}
		if (!memchr(s + i, '-', n) && (compound = lost_hyphen(ws, s + i, n)))
			add_with_hyphens(sb, s + i, n, compound);
		else
			sb_add(sb, s + i, n);
		i += n;
	}
}

size_t strip_suffixes(const char *s, size_t len, const char *const *suffixes)
{
	bool again = true;

	while (again && len) {
		again = false;
		for (const char *const *x = suffixes; *x; x++) {
			size_t n = strlen(*x);

			if (len >= n && !memcmp(s + len - n, *x, n)) {
				len -= n;
				again = true;
			}
		}
	}
	return len;
}

bool text_ends_sentence(const char *s, size_t len)
{
	/* Closing quotes and brackets may follow a sentence's full stop. */
	static const char *const closers[] = { "\xe2\x80\x9d", "\xe2\x80\x99", "\"", "'", ")", "]", NULL };

	len = strip_suffixes(s, len, closers);
	return len && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?' ||
		       s[len - 1] == ':');
}

/* --- UTF-8 read as Windows-1252 ------------------------------------------ */

/* What Windows-1252 makes of the bytes 0x80-0x9F; the five it leaves
 * undefined read as the C1 controls. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
};

/* The Windows-1252 byte a code point is the reading of, or -1. */
static int cp1252_byte(int32_t c)
{
	if (c >= 0 && c < 0x100 && (c < 0x80 || c >= 0xa0))
		return c;
	for (int i = 0; i < 32; i++)
		if (cp1252_high[i] == c)
			return 0x80 + i;
	return -1;
}

/* The length in s of a character of UTF-8 written as the Windows-1252
 * reading of its bytes ("â€™" for "’"), its bytes in out; 0 if none. */
static size_t mojibake_at(const char *s, size_t len, char out[4], size_t *n_out)
{
	size_t at = 0, n = 0, want = 0;
	int32_t c;

	do {
		int b;

		at += utf8_next(s + at, len - at, &c);
		if ((b = cp1252_byte(c)) < 0 || (n && (b & 0xc0) != 0x80))
			return 0;
		if (!n)
			want = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
		out[n++] = (char)b;
	} while (want && n < want && at < len);
	if (!want || n < want || !utf8_valid(out, n, NULL))
		return 0;
	*n_out = n;
	return at;
}

/* How many such characters s holds, and, with sb, s with them repaired. */
static size_t mojibake_pass(const char *s, size_t len, struct strbuf *sb)
{
	size_t found = 0, n_out;
	char out[4];

	for (size_t i = 0; i < len;) {
		size_t k = (unsigned char)s[i] >= 0xc2 ? mojibake_at(s + i, len - i, out, &n_out) : 0;

		if (k) {
			found++;
			if (sb)
				sb_add(sb, out, n_out);
			i += k;
			continue;
		}
		if (sb)
			sb_add(sb, s + i, 1);
		i++;
	}
	return found;
}

char *mojibake_repair(const char *s, size_t len, size_t *out_len)
{
	struct strbuf sb = {0};

	/* One "Ã©" may be a word of the text; several are the copy's damage. */
	if (mojibake_pass(s, len, NULL) < 3)
		return NULL;
	mojibake_pass(s, len, &sb);
	*out_len = sb.len;
	return sb_detach(&sb);
}

/* --- text saved in a legacy encoding ------------------------------------- */

static void add_cp(struct strbuf *sb, int32_t cp)
{
	char u[4];

	sb_add(sb, u, utf8_encode(cp, u));
}

/* UTF-16 (after its byte order mark) as UTF-8; a lone surrogate is U+FFFD. */
static void from_utf16(const unsigned char *p, size_t n, bool big, struct strbuf *sb)
{
	for (size_t i = 0; i + 1 < n; i += 2) {
		int32_t c = big ? p[i] << 8 | p[i + 1] : p[i + 1] << 8 | p[i];

		if (c >= 0xD800 && c < 0xDC00 && i + 3 < n) {
			int32_t lo = big ? p[i + 2] << 8 | p[i + 3] : p[i + 3] << 8 | p[i + 2];

			if (lo >= 0xDC00 && lo < 0xE000) {
				c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		add_cp(sb, c >= 0xD800 && c < 0xE000 ? 0xFFFD : c);
	}
}

bool legacy_text(const char *s, size_t len)
{
	return (len >= 2 && ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)) ||
	       (len >= 2 && ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)) ||
	       (!memchr(s, '\0', len) && !utf8_valid(s, len, NULL));
}

char *legacy_decode(const char *s, size_t len, size_t *out_len, const char **encoding)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb = {0};

	if (!legacy_text(s, len))
		return NULL;
	if (len >= 2 && (p[0] == 0xFF || p[0] == 0xFE) && (p[1] == 0xFE || p[1] == 0xFF) && p[0] != p[1]) {
		*encoding = p[0] == 0xFE ? "UTF-16BE" : "UTF-16LE";
		from_utf16(p + 2, len - 2, p[0] == 0xFE, &sb);
	} else {
		*encoding = "Windows-1252";
		for (size_t i = 0; i < len; i++) {
			int32_t c = p[i] < 0x80 || p[i] >= 0xA0 ? p[i] : cp1252_high[p[i] - 0x80];

			/* The five bytes Windows-1252 leaves undefined. */
			add_cp(&sb, c >= 0x80 && c < 0xA0 ? 0xFFFD : c);
		}
	}
	sb_addc(&sb, '\0');
	*out_len = sb.len - 1;
	return sb_detach(&sb);
}
