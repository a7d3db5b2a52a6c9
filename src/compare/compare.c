/* compare.c — alignment of two editions, sentence by sentence. */
#include "config.h"

#include "compare/compare.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/bytes8.h"
#include "base/utf8.h"
#include "base/util.h"

/* Pairs need this much word similarity to count as one sentence reworded. */
#define PAIR_THRESHOLD 0.5
/* A removed and an added sentence this similar, elsewhere, count as moved. */
#define MOVED_THRESHOLD 0.8
/* Gaps larger than this (sentences x sentences) are paired in a window. */
#define GAP_CELLS 40000
#define GAP_WINDOW 40

/* A unit of comparison: a sentence of prose or a whole recommendation. */
struct unit {
	const char *text;
	size_t len;
	size_t block;
	bool item;
	uint64_t key;       /* hash of the text, spaces collapsed */
	uint64_t *words;    /* content-word hashes, sorted */
	size_t n_words;
	size_t all_words;   /* words of any kind, for similarity figures */
};

struct side {
	struct unit *v;
	size_t n, cap;
};

struct rows {
	struct cmp_row *v;
	size_t n, cap;
};

/* Runs for every word of both editions: the word, at most five bytes, comes
 * packed into one number (first byte lowest, as the word's key packs it)
 * and is looked up in a table of the function words by a multiplicative
 * hash without collisions (the compiler's -Woverride-init would name one).
 * A switch was a tree of comparisons, a misprediction for most words. */
#define W2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 8)
#define W3(a, b, c) (W2(a, b) | (uint64_t)(c) << 16)
#define W4(a, b, c, d) (W3(a, b, c) | (uint64_t)(d) << 24)
#define W5(a, b, c, d, e) (W4(a, b, c, d) | (uint64_t)(e) << 32)
#define STOP_SLOT(k) ((uint64_t)(k) * 0x6940e747a3bf2421ULL >> 58)
#define STOP(k) [STOP_SLOT(k)] = (k)
static const uint64_t stopwords[64] = {
	STOP('a'),
	STOP(W2('a', 'n')), STOP(W2('a', 's')), STOP(W2('a', 't')), STOP(W2('b', 'e')), STOP(W2('b', 'y')),
	STOP(W2('i', 'n')), STOP(W2('i', 's')), STOP(W2('i', 't')), STOP(W2('o', 'f')), STOP(W2('o', 'n')),
	STOP(W2('o', 'r')), STOP(W2('t', 'o')),
	STOP(W3('a', 'n', 'd')), STOP(W3('a', 'r', 'e')), STOP(W3('f', 'o', 'r')), STOP(W3('h', 'a', 'd')),
	STOP(W3('h', 'a', 's')), STOP(W3('i', 't', 's')), STOP(W3('t', 'h', 'e')), STOP(W3('w', 'a', 's')),
	STOP(W3('w', 'h', 'o')),
	STOP(W4('b', 'e', 'e', 'n')), STOP(W4('f', 'r', 'o', 'm')), STOP(W4('h', 'a', 'v', 'e')),
	STOP(W4('i', 'n', 't', 'o')), STOP(W4('t', 'h', 'a', 't')), STOP(W4('t', 'h', 'e', 'm')),
	STOP(W4('t', 'h', 'i', 's')), STOP(W4('w', 'e', 'r', 'e')), STOP(W4('w', 'i', 't', 'h')),
	STOP(W5('t', 'h', 'e', 'i', 'r')), STOP(W5('t', 'h', 'e', 's', 'e')), STOP(W5('t', 'h', 'o', 's', 'e')),
	STOP(W5('w', 'h', 'i', 'c', 'h')),
};
#undef STOP
#undef W2
#undef W3
#undef W4
#undef W5

/* Whether the word of n bytes packed in k is a function word. */
static bool is_stopword(uint64_t k, size_t n)
{
	return (n < 6) & (stopwords[STOP_SLOT(k)] == k);
}

static bool has_alnum(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts a unit's word hashes: a sentence has a few dozen, where an
 * insertion sort beats qsort's calls through a comparator. */
static void sort_u64(uint64_t *v, size_t n)
{
	if (n > 64) {
		qsort(v, n, sizeof(*v), cmp_u64);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* ASCII letters and digits as words are hashed (lower-cased); 0 for every
 * other byte. */
#define LOWER(c) [c] = c, [c - 0x20] = c
static const unsigned char ascii_word[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
	['7'] = '7', ['8'] = '8', ['9'] = '9',
	LOWER('a'), LOWER('b'), LOWER('c'), LOWER('d'), LOWER('e'), LOWER('f'), LOWER('g'), LOWER('h'),
	LOWER('i'), LOWER('j'), LOWER('k'), LOWER('l'), LOWER('m'), LOWER('n'), LOWER('o'), LOWER('p'),
	LOWER('q'), LOWER('r'), LOWER('s'), LOWER('t'), LOWER('u'), LOWER('v'), LOWER('w'), LOWER('x'),
	LOWER('y'), LOWER('z'),
};
#undef LOWER

/* Bytes of a word character at s (letters and digits, any script; not the
 * typographic punctuation of U+2000..U+206F), or 0. */
static size_t word_char(const char *s, size_t len)
{
	int32_t cp;
	size_t n;

	if (!((unsigned char)*s & 0x80))
		return ascii_word[(unsigned char)*s] != 0;
	n = utf8_next(s, len, &cp);
	if (cp < 0 || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	    (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F))
		return 0;
	return n ? n : 1;
}

/* ---- keys: hashes that live only in memory ----
 *
 * A sentence's key and its words' hashes are never written anywhere, so
 * they need not be hash_add's (a multiply a byte): the bytes as a key reads
 * them are packed eight to a word, little-endian, and mixed a word at a
 * time; most words are taken straight from the text. */

/* FNV-1a's multiply on a word, and a shift that brings the high bits down
 * so the next word's low bits meet them. */
static uint64_t key_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 1099511628211ULL;
	return h ^ (h >> 31);
}

struct key_stream {
	uint64_t h, word; /* the hash of the words so far, the one being filled */
	unsigned n;       /* bytes in word */
};

/* Adds the cnt (1..8) low bytes of v (the others zero) to the stream. */
static void key_feed(struct key_stream *k, uint64_t v, unsigned cnt)
{
	k->word |= v << (8 * k->n);
	if (k->n + cnt < 8) {
		k->n += cnt;
		return;
	}
	k->h = key_mix(k->h, k->word);
	k->word = k->n ? v >> (8 * (8 - k->n)) : 0;
	k->n = k->n + cnt - 8;
}

static void key_byte(struct key_stream *k, unsigned char c)
{
	key_feed(k, c, 1);
}

/* The stream's hash, with the length of its last word (so that "ab" and
 * "ab\0" differ). */
static uint64_t key_end(const struct key_stream *k)
{
	return key_mix(k->h, k->word ^ (uint64_t)k->n << 61);
}

/* How many of the eight bytes of w (from the lowest) are ASCII letters or
 * digits; *lower gets them lower-cased (c | 0x20 leaves digits as they are),
 * the bytes after them zero. */
static unsigned ascii_word_run(uint64_t w, uint64_t *lower)
{
	uint64_t low = w | BYTES8(0x20);
	unsigned n = bytes8_alnum(w);

	*lower = n == 8 ? low : low & ((1ULL << (8 * n)) - 1);
	return n;
}

/* The sorted content words of a text as hashes, lower-cased (ASCII; other
 * letters as they are) and without function words; *all gets the count of
 * all words.  A plain scanner rather than ICU: this runs on every sentence
 * of both editions, and "state-sponsored" or "People's" must stay one word. */
static size_t content_words(const char *text, size_t len, uint64_t **out, size_t *all)
{
	size_t k = 0, cap = len / 4 + 1, i = 0, n;

	*out = xmalloc(cap * sizeof(**out));
	*all = 0;
	while (i < len) {
		size_t start = i;
		struct key_stream w = { HASH_INIT, 0, 0 };

		if ((unsigned char)text[i] < 0x80 ? !ascii_word[(unsigned char)text[i]]
						  : !word_char(text + i, len - i)) {
			i++;
			continue;
		}
		/* A word: word characters, joined by single hyphens or apostrophes;
		 * hashed lower-cased as it is read. */
		while (i < len) {
			unsigned char c = (unsigned char)text[i];

			if (ascii_word[c]) {
				/* A run of ASCII letters and digits, the most of every
				 * word: eight bytes at a time while eight are left. */
				uint64_t lower;
				unsigned got = 8;

				for (; got == 8 && i + 8 <= len; i += got)
					if ((got = ascii_word_run(bytes8_load(text + i), &lower)))
						key_feed(&w, lower, got);
				for (; got == 8 && i < len && (c = ascii_word[(unsigned char)text[i]]); i++)
					key_byte(&w, c);
			} else if (c >= 0x80 && (n = word_char(text + i, len - i))) {
				for (size_t end = i + n; i < end; i++)
					key_byte(&w, (unsigned char)text[i]);
			} else if ((c == '-' || c == '\'') && i + 1 < len && word_char(text + i + 1, len - i - 1)) {
				key_byte(&w, c);
				i++;
			} else if (c == 0xE2 && i + 3 < len && !memcmp(text + i, "\xe2\x80\x99", 3) &&
				   word_char(text + i + 3, len - i - 3)) {
				for (size_t end = i + 3; i < end; i++)
					key_byte(&w, (unsigned char)text[i]);
			} else {
				break;
			}
		}
		(*all)++;
		/* A function word is short: all its bytes are still in w.word.
		 * Written in any case and kept or not, without a branch. */
		GROW(*out, cap, k + 1);
		(*out)[k] = key_end(&w);
		k += !is_stopword(w.word, i - start);
	}
	sort_u64(*out, k);
	return k;
}

/* Content words the two units share (as multisets).  Branch-free: which
 * side steps is a coin toss the processor would mispredict half the time,
 * and this runs for every pair of sentences a gap compares. */
static size_t shared(const struct unit *a, const struct unit *b)
{
	size_t i = 0, j = 0, common = 0;

	while (i < a->n_words && j < b->n_words) {
		uint64_t p = a->words[i], q = b->words[j];
		size_t le = p <= q, ge = p >= q;

		common += le & ge;
		i += le;
		j += ge;
	}
	return common;
}

/* The similarity of two units that share `common` content words. */
static double dice_of(const struct unit *a, const struct unit *b, size_t common)
{
	if (!a->n_words || !b->n_words)
		return a->key == b->key ? 1.0 : 0.0;
	return 2.0 * (double)common / (double)(a->n_words + b->n_words);
}

static double dice(const struct unit *a, const struct unit *b)
{
	return dice_of(a, b, shared(a, b));
}

/* Top bit set in each byte of w that is a space (exact: no borrows). */
static uint64_t spaces_of(uint64_t w)
{
	uint64_t x = w ^ 0x2020202020202020u;

	return ~(((x & 0x7F7F7F7F7F7F7F7Fu) + 0x7F7F7F7F7F7F7F7Fu) | x | 0x7F7F7F7F7F7F7F7Fu);
}

/* Whether the eight bytes at text + i read the same with white space runs
 * made one space: printable ASCII, no two spaces together, and a space last
 * only before a word.  (A space first is one: white space before it would
 * have been read a byte at a time, or ended the word before.) */
static bool key_plain_word(const char *text, size_t len, size_t i, uint64_t *w)
{
	uint64_t sp;

	if (!bytes8_printable(text + i))
		return false;
	*w = bytes8_load(text + i);
	sp = spaces_of(*w);
	if (sp & sp >> 8)
		return false;
	return !(sp >> 63) || (i + 8 < len && (unsigned char)text[i + 8] > ' ' && (unsigned char)text[i + 8] < 0x7F);
}

/* A hash of the exact text, white space runs counted as one space (layout
 * is not change).  Keys live only in memory, so this is not hash_add: the
 * text as read (white space made one space, the last dropped) is mixed
 * eight bytes at a time, taken as whole words from the text where it is
 * already so, most of the time. */
static uint64_t unit_key(const char *text, size_t len)
{
	struct key_stream k = { HASH_INIT, 0, 0 };
	bool space = false;
	uint64_t w;

	for (size_t i = 0, n; i < len;) {
		unsigned char c = (unsigned char)text[i];

		if (!k.n && !space && i + 8 <= len && key_plain_word(text, len, i, &w)) {
			k.h = key_mix(k.h, w);
			i += 8;
			continue;
		}
		if ((n = c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') : sentence_space(text + i, len - i))) {
			space = true;
			i += n;
			continue;
		}
		if (space)
			key_byte(&k, ' ');
		space = false;
		key_byte(&k, c);
		i++;
	}
	return key_end(&k);
}

static struct unit *new_unit(struct side *s, const char *text, size_t len, size_t block, bool item)
{
	struct unit *u;

	GROW(s->v, s->cap, s->n + 1);
	u = &s->v[s->n++];
	memset(u, 0, sizeof(*u));
	u->text = text;
	u->len = len;
	u->block = block;
	u->item = item;
	return u;
}

static void add_unit(struct side *s, const char *text, size_t len, size_t block, bool item)
{
	struct unit *u = new_unit(s, text, len, block, item);

	u->key = unit_key(text, len);
	u->n_words = content_words(text, len, &u->words, &u->all_words);
}

static void section_units(const struct section *sec, struct side *s)
{
	for (size_t p = 0; sec && p < sec->n_paras; p++) {
		struct span *sent;
		size_t n = sentence_split(sec->paras[p], strlen(sec->paras[p]), &sent);

		for (size_t i = 0; i < n; i++)
			add_unit(s, sec->paras[p] + sent[i].start, sent[i].end - sent[i].start, p, false);
		free(sent);
	}
	for (size_t i = 0; sec && i < sec->n_items; i++)
		add_unit(s, sec->items[i], strlen(sec->items[i]), sec->n_paras + i, true);
}

static void side_free(struct side *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].words);
	free(s->v);
}

double text_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	struct side x = {0}, y = {0};
	double d;

	add_unit(&x, a, alen, 0, false);
	add_unit(&y, b, blen, 0, false);
	d = dice(&x.v[0], &y.v[0]);
	side_free(&x);
	side_free(&y);
	return d;
}

/* --- rows ----------------------------------------------------------------- */

static struct cmp_row *push_row(struct rows *r, enum cmp_kind kind, const struct unit *a,
				const struct unit *b)
{
	struct cmp_row *row;

	GROW(r->v, r->cap, r->n + 1);
	row = &r->v[r->n++];
	memset(row, 0, sizeof(*row));
	row->kind = kind;
	row->a = a ? a->text : NULL;
	row->a_len = a ? a->len : 0;
	row->b = b ? b->text : NULL;
	row->b_len = b ? b->len : 0;
	row->a_count = a ? 1 : 0;
	row->b_count = b ? 1 : 0;
	row->a_block = a ? a->block : SIZE_MAX;
	row->b_block = b ? b->block : SIZE_MAX;
	row->a_words = a ? a->all_words : 0;
	row->b_words = b ? b->all_words : 0;
	row->item = (a && a->item) || (b && b->item);
	return row;
}

/* Two units found to be one sentence: the same text, or reworded. */
static struct cmp_row *pair_row(struct rows *r, const struct unit *a, const struct unit *b, double sim)
{
	struct cmp_row *row = push_row(r, a->key == b->key ? CMP_SAME : CMP_CHANGED, a, b);

	row->similarity = sim;
	return row;
}

/* --- alignment ------------------------------------------------------------ */

struct keyed {
	uint64_t key;
	size_t index;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Sentences whose text occurs exactly once on each side, as (a, b) index
 * pairs in a order, reduced to their longest increasing run in b: the
 * anchors of a patience diff. */
static size_t unique_anchors(const struct side *A, size_t a0, size_t a1, const struct side *B,
			     size_t b0, size_t b1, size_t **aa, size_t **bb)
{
	size_t na = a1 - a0, nb = b1 - b0, n = 0, i = 0, j = 0;
	struct keyed *ka = xcalloc(na + 1, sizeof(*ka)), *kb = xcalloc(nb + 1, sizeof(*kb));
	size_t *ca = xcalloc(na + 1, sizeof(*ca)), *cb = xcalloc(na + 1, sizeof(*cb));
	size_t *tail, *prev, *tail_idx, len = 0;

	for (size_t k = 0; k < na; k++)
		ka[k] = (struct keyed){ A->v[a0 + k].key, a0 + k };
	for (size_t k = 0; k < nb; k++)
		kb[k] = (struct keyed){ B->v[b0 + k].key, b0 + k };
	qsort(ka, na, sizeof(*ka), cmp_keyed);
	qsort(kb, nb, sizeof(*kb), cmp_keyed);
	while (i < na && j < nb) {
		size_t ie = i, je = j;

		if (ka[i].key < kb[j].key) {
			i++;
			continue;
		}
		if (ka[i].key > kb[j].key) {
			j++;
			continue;
		}
		while (ie < na && ka[ie].key == ka[i].key)
			ie++;
		while (je < nb && kb[je].key == kb[j].key)
			je++;
		if (ie - i == 1 && je - j == 1) {
			ca[n] = ka[i].index;
			cb[n] = kb[j].index;
			n++;
		}
		i = ie;
		j = je;
	}
	free(ka);
	free(kb);
	/* Order by a, then the longest increasing subsequence in b. */
	{
		struct keyed *order = xcalloc(n + 1, sizeof(*order));
		size_t *sa = xcalloc(n + 1, sizeof(*sa)), *sb = xcalloc(n + 1, sizeof(*sb));

		for (size_t k = 0; k < n; k++)
			order[k] = (struct keyed){ ca[k], k };
		qsort(order, n, sizeof(*order), cmp_keyed);
		for (size_t k = 0; k < n; k++) {
			sa[k] = ca[order[k].index];
			sb[k] = cb[order[k].index];
		}
		memcpy(ca, sa, n * sizeof(*ca));
		memcpy(cb, sb, n * sizeof(*cb));
		free(order);
		free(sa);
		free(sb);
	}
	tail = xcalloc(n + 1, sizeof(*tail));
	tail_idx = xcalloc(n + 1, sizeof(*tail_idx));
	prev = xcalloc(n + 1, sizeof(*prev));
	for (size_t k = 0; k < n; k++) {
		size_t lo = 0, hi = len;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (tail[mid] < cb[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		tail[lo] = cb[k];
		tail_idx[lo] = k;
		prev[k] = lo ? tail_idx[lo - 1] : SIZE_MAX;
		if (lo == len)
			len++;
	}
	*aa = xcalloc(len + 1, sizeof(**aa));
	*bb = xcalloc(len + 1, sizeof(**bb));
	for (size_t k = len ? tail_idx[len - 1] : SIZE_MAX, at = len; at > 0; k = prev[k]) {
		at--;
		(*aa)[at] = ca[k];
		(*bb)[at] = cb[k];
	}
	free(tail);
	free(tail_idx);
	free(prev);
	free(ca);
	free(cb);
	return len;
}

/* Each unit of S[from, to) joined with the next one when the two are
 * sentences of one paragraph (a candidate for a split or a merge); an empty
 * unit where they are not. */
static void join_side(const struct side *S, size_t from, size_t to, struct side *J)
{
	for (size_t k = from; k < to; k++) {
		const struct unit *u = &S->v[k], *v = k + 1 < to ? &S->v[k + 1] : NULL;
		bool ok = v && !u->item && !v->item && u->block == v->block;
		struct unit *j = new_unit(J, u->text, ok ? (size_t)(v->text + v->len - u->text) : 0, u->block, false);
		size_t a = 0, b = 0;

		j->words = xcalloc(ok ? u->n_words + v->n_words + 1 : 1, sizeof(*j->words));
		if (!ok)
			continue;
		/* Only white space lies between the two: their words, merged.
		 * The key waits until the pair is chosen (join_key): most are not. */
		j->all_words = u->all_words + v->all_words;
		while (a < u->n_words || b < v->n_words)
			j->words[j->n_words++] = b == v->n_words || (a < u->n_words && u->words[a] <= v->words[b])
							 ? u->words[a++]
							 : v->words[b++];
	}
}

/* A unit of join_side's, chosen as one side of a pair: its key. */
static struct unit *join_key(struct unit *j)
{
	j->key = unit_key(j->text, j->len);
	return j;
}

/* How like `one` the two units h1 and h2 are when read as one (join): a
 * split or merge when the joined text is more like it than either half and
 * each half is mostly made of its words; 0 otherwise.  s1 and s2 are the
 * words `one` shares with each half, which the table has counted: the
 * halves' test comes first, as it needs no count of its own. */
static double joined_pair(const struct unit *one, const struct unit *join, const struct unit *h1,
			  const struct unit *h2, size_t s1, size_t s2)
{
	double d;

	if (!join->len || !one->n_words || !h1->n_words || !h2->n_words)
		return 0;
	if (2 * s1 < h1->n_words || 2 * s2 < h2->n_words)
		return 0;
	d = dice(one, join);
	if (d < PAIR_THRESHOLD || d <= dice_of(one, h1, s1) || d <= dice_of(one, h2, s2))
		return 0;
	return d;
}

enum step { STEP_SKIP_A, STEP_SKIP_B, STEP_PAIR, STEP_SPLIT, STEP_MERGE };

/* A gap small enough for a table: the best total similarity over monotone
 * pairings (like an LCS), where a sentence may also pair with two adjacent
 * sentences of the other side read as one (a split or a merge). */
static void pair_table(const struct side *A, size_t a0, size_t a1, const struct side *B, size_t b0,
		       size_t b1, struct rows *out)
{
	size_t na = a1 - a0, nb = b1 - b0, w = nb + 1;
	double *score = xcalloc((na + 1) * w, sizeof(*score));
	unsigned char *how = xcalloc((na + 1) * w, 1);
	double *sim = xcalloc(na * nb + 1, sizeof(*sim)), *joined = xcalloc(na * w + 1, sizeof(*joined));
	size_t *common = xcalloc(na * nb + 1, sizeof(*common));
	struct side JA = {0}, JB = {0};

	join_side(A, a0, a1, &JA);
	join_side(B, b0, b1, &JB);
	for (size_t i = 0; i < na; i++)
		for (size_t k = 0; k < nb; k++) {
			common[i * nb + k] = shared(&A->v[a0 + i], &B->v[b0 + k]);
			sim[i * nb + k] = dice_of(&A->v[a0 + i], &B->v[b0 + k], common[i * nb + k]);
		}
	for (size_t i = na; i-- > 0;)
		for (size_t k = nb; k-- > 0;) {
			double best = score[(i + 1) * w + k], p = sim[i * nb + k];
			enum step st = STEP_SKIP_A;

			if (score[i * w + k + 1] > best) {
				best = score[i * w + k + 1];
				st = STEP_SKIP_B;
			}
			if (p >= PAIR_THRESHOLD && score[(i + 1) * w + k + 1] + p > best) {
				best = score[(i + 1) * w + k + 1] + p;
				st = STEP_PAIR;
			}
			/* A split or merge needs words shared with both halves. */
			if (k + 1 < nb && sim[i * nb + k] > 0 && sim[i * nb + k + 1] > 0 &&
			    (p = joined_pair(&A->v[a0 + i], &JB.v[k], &B->v[b0 + k], &B->v[b0 + k + 1],
					     common[i * nb + k], common[i * nb + k + 1])) > 0 &&
			    score[(i + 1) * w + k + 2] + p > best) {
				best = score[(i + 1) * w + k + 2] + p;
				st = STEP_SPLIT;
				joined[i * w + k] = p;
			}
			if (i + 1 < na && sim[i * nb + k] > 0 && sim[(i + 1) * nb + k] > 0 &&
			    (p = joined_pair(&B->v[b0 + k], &JA.v[i], &A->v[a0 + i], &A->v[a0 + i + 1],
					     common[i * nb + k], common[(i + 1) * nb + k])) > 0 &&
			    score[(i + 2) * w + k + 1] + p > best) {
				best = score[(i + 2) * w + k + 1] + p;
				st = STEP_MERGE;
				joined[i * w + k] = p;
			}
			score[i * w + k] = best;
			how[i * w + k] = (unsigned char)st;
		}
	/* Rows in reading order; on a tie what was removed comes before what was added. */
	for (size_t i = 0, k = 0; i < na || k < nb;) {
		enum step st = i == na ? STEP_SKIP_B : k == nb ? STEP_SKIP_A : (enum step)how[i * w + k];

		switch (st) {
		case STEP_SKIP_A:
			push_row(out, CMP_REMOVED, &A->v[a0 + i++], NULL);
			break;
		case STEP_SKIP_B:
			push_row(out, CMP_ADDED, NULL, &B->v[b0 + k++]);
			break;
		case STEP_PAIR:
			pair_row(out, &A->v[a0 + i], &B->v[b0 + k], sim[i * nb + k]);
			i++;
			k++;
			break;
		case STEP_SPLIT:
			pair_row(out, &A->v[a0 + i], join_key(&JB.v[k]), joined[i * w + k])->b_count = 2;
			i++;
			k += 2;
			break;
		case STEP_MERGE:
			pair_row(out, join_key(&JA.v[i]), &B->v[b0 + k], joined[i * w + k])->a_count = 2;
			i += 2;
			k++;
			break;
		}
	}
	side_free(&JA);
	side_free(&JB);
	free(score);
	free(how);
	free(sim);
	free(common);
	free(joined);
}

/* A stretch with no exact anchors: changed sentences are paired by word
 * similarity, in order; the rest are removed or added.  Large stretches look
 * for each sentence's partner near its proportional place. */
static void pair_gap(const struct side *A, size_t a0, size_t a1, const struct side *B, size_t b0,
		     size_t b1, struct rows *out)
{
	size_t na = a1 - a0, nb = b1 - b0, next = 0, j = 0;
	long *match;
	double *sim;

	if (na * nb <= GAP_CELLS) {
		pair_table(A, a0, a1, B, b0, b1, out);
		return;
	}
	match = xcalloc(na + 1, sizeof(*match));
	sim = xcalloc(na + 1, sizeof(*sim));
	for (size_t i = 0; i < na; i++) {
		size_t center = i * nb / na, lo = center > GAP_WINDOW ? center - GAP_WINDOW : 0;
		size_t hi = center + GAP_WINDOW < nb ? center + GAP_WINDOW : nb, best_k = SIZE_MAX;
		double best = PAIR_THRESHOLD;

		match[i] = -1;
		if (lo < next)
			lo = next;
		for (size_t k = lo; k < hi; k++) {
			double p = dice(&A->v[a0 + i], &B->v[b0 + k]);

			if (p >= best) {
				best = p;
				best_k = k;
			}
		}
		if (best_k != SIZE_MAX) {
			match[i] = (long)best_k;
			sim[i] = best;
			next = best_k + 1;
		}
	}
	for (size_t i = 0; i < na; i++) {
		if (match[i] < 0) {
			push_row(out, CMP_REMOVED, &A->v[a0 + i], NULL);
			continue;
		}
		for (; j < (size_t)match[i]; j++)
			push_row(out, CMP_ADDED, NULL, &B->v[b0 + j]);
		pair_row(out, &A->v[a0 + i], &B->v[b0 + j], sim[i]);
		j++;
	}
	for (; j < nb; j++)
		push_row(out, CMP_ADDED, NULL, &B->v[b0 + j]);
	free(match);
	free(sim);
}

/* Patience alignment: equal ends, then sentences unique on both sides as
 * anchors, recursively; what lies between anchors is paired by similarity.
 * Depth is capped so pathological input degrades to pairing, not recursion. */
static void align(const struct side *A, size_t a0, size_t a1, const struct side *B, size_t b0,
		  size_t b1, struct rows *out, int depth)
{
	size_t pre = 0, suf = 0, *aa = NULL, *bb = NULL, n = 0;

	while (a0 + pre < a1 && b0 + pre < b1 && A->v[a0 + pre].key == B->v[b0 + pre].key)
		pre++;
	for (size_t k = 0; k < pre; k++)
		push_row(out, CMP_SAME, &A->v[a0 + k], &B->v[b0 + k]);
	a0 += pre;
	b0 += pre;
	while (a1 - suf > a0 && b1 - suf > b0 && A->v[a1 - 1 - suf].key == B->v[b1 - 1 - suf].key)
		suf++;
	a1 -= suf;
	b1 -= suf;
	if (a0 < a1 && b0 < b1 && depth < 64)
		n = unique_anchors(A, a0, a1, B, b0, b1, &aa, &bb);
	if (n) {
		size_t pa = a0, pb = b0;

		for (size_t k = 0; k < n; k++) {
			align(A, pa, aa[k], B, pb, bb[k], out, depth + 1);
			push_row(out, CMP_SAME, &A->v[aa[k]], &B->v[bb[k]]);
			pa = aa[k] + 1;
			pb = bb[k] + 1;
		}
		align(A, pa, a1, B, pb, b1, out, depth + 1);
	} else {
		pair_gap(A, a0, a1, B, b0, b1, out);
	}
	free(aa);
	free(bb);
	for (size_t k = 0; k < suf; k++)
		push_row(out, CMP_SAME, &A->v[a1 + k], &B->v[b1 + k]);
}

/* --- words ---------------------------------------------------------------- */

struct words {
	struct cmp_word *v;
	size_t n, cap;
};

static void add_word(struct words *w, enum wdiff_op op, struct span a, struct span b)
{
	GROW(w->v, w->cap, w->n + 1);
	w->v[w->n++] = (struct cmp_word){ op, a, b };
}

static size_t words_in(const char *text, const struct span *tok, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		n += has_alnum(text + tok[i].start, tok[i].end - tok[i].start);
	return n;
}

/* The characters of text[span] that are not white space, one span each,
 * with their code points as hashes. */
static size_t char_units(const char *text, struct span sp, struct span **units, uint64_t **hash)
{
	size_t n = 0, cap = 0;

	*units = NULL;
	*hash = NULL;
	for (size_t i = sp.start, k; i < sp.end; i += k) {
		int32_t cp;

		if ((k = sentence_space(text + i, sp.end - i)))
			continue;
		k = utf8_next(text + i, sp.end - i, &cp);
		if (n == cap) {
			GROW(*units, cap, n + 1);
			*hash = xrealloc(*hash, cap * sizeof(**hash));
		}
		(*units)[n] = (struct span){ i, i + k };
		(*hash)[n++] = (uint64_t)(uint32_t)cp;
	}
	return n;
}

/* True when two runs of text have the same letters and digits, in order, so
 * that only punctuation tells them apart (People’s / People's). */
static bool punctuation_only(const char *a, struct span sa, const char *b, struct span sb)
{
	size_t i = sa.start, j = sb.start;

	for (;;) {
		size_t n = 0, m = 0;

		while (i < sa.end && !(n = word_char(a + i, sa.end - i)))
			i++;
		while (j < sb.end && !(m = word_char(b + j, sb.end - j)))
			j++;
		if (i == sa.end || j == sb.end)
			return i == sa.end && j == sb.end;
		if (n != m || memcmp(a + i, b + j, n))
			return false;
		i += n;
		j += m;
	}
}

/* A replacement that changed punctuation only, diffed character by
 * character so the marks fall on the punctuation alone. */
static void diff_chars(const char *a, struct span sa, const char *b, struct span sb, struct words *w)
{
	struct span *ua, *ub;
	uint64_t *ha, *hb;
	size_t na = char_units(a, sa, &ua, &ha), nb = char_units(b, sb, &ub, &hb);
	struct wdiff_edit *e;
	size_t n = wdiff(ha, na, hb, nb, 1 << 20, &e);

	for (size_t k = 0; k < n; k++)
		add_word(w, e[k].op,
			 e[k].a_end > e[k].a_start ? (struct span){ ua[e[k].a_start].start, ua[e[k].a_end - 1].end }
						   : (struct span){ 0, 0 },
			 e[k].b_end > e[k].b_start ? (struct span){ ub[e[k].b_start].start, ub[e[k].b_end - 1].end }
						   : (struct span){ 0, 0 });
	free(e);
	free(ua);
	free(ub);
	free(ha);
	free(hb);
}

/* The word diff of a against b into *words (the caller frees it); returns
 * how many words the two share.  Spaces are not tokens, so white space never
 * shows as a change; a replaced run that differs in punctuation only is
 * diffed again by character, its words counted as shared. */
static size_t word_diff(const char *a, size_t alen, const char *b, size_t blen, struct cmp_word **words,
			size_t *n_words)
{
	struct span *ta, *tb;
	size_t na = sentence_tokens(a, alen, &ta), nb = sentence_tokens(b, blen, &tb);
	uint64_t *ha = xcalloc(na + 1, sizeof(*ha)), *hb = xcalloc(nb + 1, sizeof(*hb));
	struct wdiff_edit *e;
	struct words w = {0};
	size_t n, common = 0;

	for (size_t i = 0; i < na; i++)
		ha[i] = hash_add(HASH_INIT, a + ta[i].start, ta[i].end - ta[i].start);
	for (size_t i = 0; i < nb; i++)
		hb[i] = hash_add(HASH_INIT, b + tb[i].start, tb[i].end - tb[i].start);
	n = wdiff(ha, na, hb, nb, 1 << 20, &e);
	for (size_t k = 0; k < n; k++) {
		const struct wdiff_edit *x = &e[k], *y = k + 1 < n ? &e[k + 1] : NULL;
		struct span sa = { x->a_end > x->a_start ? ta[x->a_start].start : 0,
				   x->a_end > x->a_start ? ta[x->a_end - 1].end : 0 };
		struct span sb = { x->b_end > x->b_start ? tb[x->b_start].start : 0,
				   x->b_end > x->b_start ? tb[x->b_end - 1].end : 0 };

		if (x->op == WD_SAME)
			common += words_in(a, ta, x->a_start, x->a_end);
		/* A deletion next to an insertion is a replacement. */
		if (y && x->op != WD_SAME && y->op != WD_SAME && y->op != x->op) {
			const struct wdiff_edit *d = x->op == WD_DEL ? x : y, *i = x->op == WD_INS ? x : y;
			struct span ra = { ta[d->a_start].start, ta[d->a_end - 1].end };
			struct span rb = { tb[i->b_start].start, tb[i->b_end - 1].end };

			if (punctuation_only(a, ra, b, rb)) {
				diff_chars(a, ra, b, rb, &w);
				common += words_in(a, ta, d->a_start, d->a_end);
				k++;
				continue;
			}
		}
		add_word(&w, x->op, sa, sb);
	}
	free(e);
	free(ha);
	free(hb);
	free(ta);
	free(tb);
	*words = w.v ? w.v : xcalloc(1, sizeof(*w.v));
	*n_words = w.n;
	return common;
}

void compare_pair(struct cmp_row *row, const char *a, size_t alen, const char *b, size_t blen)
{
	memset(row, 0, sizeof(*row));
	row->kind = CMP_CHANGED;
	row->a = a;
	row->a_len = alen;
	row->b = b;
	row->b_len = blen;
	row->a_count = row->b_count = 1;
	row->a_block = row->b_block = 0;
	row->similarity = text_similarity(a, alen, b, blen);
	row->common = word_diff(a, alen, b, blen, &row->words, &row->n_words);
}

/* --- documents ------------------------------------------------------------ */

/* The unit of S from `from` on whose text is row_text: the rows come in
 * the units' order, so the search is short; S->n when there is none. */
static size_t unit_of(const struct side *S, size_t from, const char *row_text)
{
	while (from < S->n && S->v[from].text != row_text)
		from++;
	return from;
}

/* Adds the unit for a row only one side has to `to`: the section's own,
 * taken over with its words, or made again where it is not found. */
static void take_unit(struct side *S, size_t *at, const char *text, size_t len, struct side *to)
{
	size_t k = unit_of(S, *at, text);

	if (to && k < S->n && S->v[k].len == len) {
		GROW(to->v, to->cap, to->n + 1);
		to->v[to->n++] = S->v[k];
		S->v[k].words = NULL;
	} else if (to) {
		add_unit(to, text, len, 0, false);
	}
	if (k < S->n)
		*at = k + 1;
}

/* Compares two sections into cs; the units of its removed and added rows
 * join *removed and *added, in row order, for the search for moves. */
static void compare_section(struct cmp_section *cs, const struct section *sa, const struct section *sb,
			    struct side *removed, struct side *added)
{
	struct side A = {0}, B = {0};
	struct rows rows = {0};
	size_t at_a = 0, at_b = 0;

	section_units(sa, &A);
	section_units(sb, &B);
	align(&A, 0, A.n, &B, 0, B.n, &rows, 0);
	for (size_t i = 0; i < A.n; i++)
		cs->a_words += (double)A.v[i].all_words;
	for (size_t i = 0; i < B.n; i++)
		cs->b_words += (double)B.v[i].all_words;
	for (size_t r = 0; r < rows.n; r++) {
		struct cmp_row *row = &rows.v[r];

		if (row->kind == CMP_SAME)
			row->common = row->a_words;
		else if (row->kind == CMP_CHANGED)
			row->common = word_diff(row->a, row->a_len, row->b, row->b_len, &row->words,
						&row->n_words);
		if (row->a)
			take_unit(&A, &at_a, row->a, row->a_len, row->kind == CMP_REMOVED ? removed : NULL);
		if (row->b)
			take_unit(&B, &at_b, row->b, row->b_len, row->kind == CMP_ADDED ? added : NULL);
	}
	cs->rows = rows.v;
	cs->n_rows = rows.n;
	side_free(&A);
	side_free(&B);
}

/* Makes rows ro (removed) and ri (added) the two halves of a move, with the
 * word diff of the pair when it was reworded on the way. */
static void make_move(struct comparison *c, struct keyed out, struct keyed in, double sim, bool exact)
{
	struct cmp_row *ro = &c->secs[out.key].rows[out.index], *ri = &c->secs[in.key].rows[in.index];

	ro->kind = CMP_MOVED_OUT;
	ri->kind = CMP_MOVED_IN;
	ro->similarity = ri->similarity = sim;
	ro->peer_section = in.key;
	ro->peer_row = in.index;
	ri->peer_section = out.key;
	ri->peer_row = out.index;
	if (exact) {
		ro->common = ri->common = ro->a_words;
		return;
	}
	ro->common = ri->common = word_diff(ro->a, ro->a_len, ri->b, ri->b_len, &ro->words, &ro->n_words);
	ri->n_words = ro->n_words;
	ri->words = xcalloc(ro->n_words + 1, sizeof(*ri->words));
	memcpy(ri->words, ro->words, ro->n_words * sizeof(*ri->words));
}

/* Removed and added sentences that are the same (or nearly) elsewhere in the
 * document were moved. */
/* Whether two units are certainly less alike than best: sharing at most
 * the fewer of their words, their similarity is at most this bound. */
static bool below_best(const struct unit *a, const struct unit *b, double best)
{
	size_t fewer = a->n_words < b->n_words ? a->n_words : b->n_words;

	return fewer && a->key != b->key &&
	       2.0 * (double)fewer / (double)(a->n_words + b->n_words) < best;
}

/* uo and ui: the units of the removed and added rows, in row order (from
 * compare_section). */
static void find_moves(struct comparison *c, const struct side *uo, const struct side *ui)
{
	struct keyed *out = NULL, *in = NULL;
	size_t n_out = 0, n_in = 0, cap_out = 0, cap_in = 0;
	bool *used;

	for (size_t s = 0; s < c->n_secs; s++)
		for (size_t r = 0; r < c->secs[s].n_rows; r++) {
			const struct cmp_row *row = &c->secs[s].rows[r];

			if (row->kind == CMP_REMOVED) {
				GROW(out, cap_out, n_out + 1);
				out[n_out++] = (struct keyed){ s, r };
			} else if (row->kind == CMP_ADDED) {
				GROW(in, cap_in, n_in + 1);
				in[n_in++] = (struct keyed){ s, r };
			}
		}
	/* Beyond this the texts are unrelated and a search would cost too much. */
	if (n_in * n_out > 250000 || n_out != uo->n || n_in != ui->n)
		n_out = 0;
	used = xcalloc(n_in + 1, sizeof(bool));
	for (size_t i = 0; i < n_out; i++) {
		double best = MOVED_THRESHOLD;
		size_t best_k = SIZE_MAX;

		for (size_t k = 0; k < n_in; k++) {
			double d;

			if (used[k] || below_best(&uo->v[i], &ui->v[k], best))
				continue;
			d = uo->v[i].key == ui->v[k].key ? 1.0 : dice(&uo->v[i], &ui->v[k]);
			if (d >= best) {
				best = d;
				best_k = k;
				if (d == 1.0)
					break;
			}
		}
		if (best_k != SIZE_MAX) {
			used[best_k] = true;
			make_move(c, out[i], in[best_k], best, uo->v[i].key == ui->v[best_k].key);
		}
	}
	free(used);
	free(out);
	free(in);
}

/* What one side lacks because it is an excerpt is not in the excerpt, not
 * removed or added. */
static void mark_excerpts(struct comparison *c)
{
	for (size_t s = 0; s < c->n_secs; s++) {
		struct cmp_section *cs = &c->secs[s];

		cs->not_in_excerpt = (cs->a_index < 0 && !c->a->complete) || (cs->b_index < 0 && !c->b->complete);
		for (size_t r = 0; r < cs->n_rows; r++) {
			struct cmp_row *row = &cs->rows[r];

			if ((row->kind == CMP_ADDED && !c->a->complete) ||
			    (row->kind == CMP_REMOVED && !c->b->complete))
				row->kind = CMP_NOT_IN_EXCERPT;
		}
	}
}

#define SWAP(type, x, y)          \
	do {                      \
		type swap_ = (x); \
		(x) = (y);        \
		(y) = swap_;      \
	} while (0)

static void mirror_row(struct cmp_row *row)
{
	static const enum cmp_kind mirror[] = {
		[CMP_SAME] = CMP_SAME,           [CMP_CHANGED] = CMP_CHANGED,
		[CMP_REMOVED] = CMP_ADDED,       [CMP_ADDED] = CMP_REMOVED,
		[CMP_MOVED_OUT] = CMP_MOVED_IN,  [CMP_MOVED_IN] = CMP_MOVED_OUT,
		[CMP_NOT_IN_EXCERPT] = CMP_NOT_IN_EXCERPT,
	};

	row->kind = mirror[row->kind];
	SWAP(const char *, row->a, row->b);
	SWAP(size_t, row->a_len, row->b_len);
	SWAP(size_t, row->a_count, row->b_count);
	SWAP(size_t, row->a_block, row->b_block);
	SWAP(size_t, row->a_words, row->b_words);
	for (size_t k = 0; k < row->n_words; k++) {
		struct cmp_word *w = &row->words[k];

		w->op = w->op == WD_DEL ? WD_INS : w->op == WD_INS ? WD_DEL : WD_SAME;
		SWAP(struct span, w->a, w->b);
	}
	/* A replacement reads deletion first, as the diff gives it. */
	for (size_t k = 0; k + 1 < row->n_words; k++)
		if (row->words[k].op == WD_INS && row->words[k + 1].op == WD_DEL) {
			SWAP(struct cmp_word, row->words[k], row->words[k + 1]);
			k++;
		}
}

/* The comparison of b against a, from that of a against b. */
static void mirror(struct comparison *c)
{
	SWAP(const struct document *, c->a, c->b);
	for (size_t s = 0; s < c->n_secs; s++) {
		struct cmp_section *cs = &c->secs[s];

		SWAP(int, cs->a_index, cs->b_index);
		SWAP(double, cs->a_words, cs->b_words);
		for (size_t r = 0; r < cs->n_rows; r++)
			mirror_row(&cs->rows[r]);
	}
}

static bool one_sided(const struct cmp_row *row)
{
	return !row->a != !row->b;
}

/* One-sided rows between two pairs read the left side first: what a had,
 * then what b has (a mirrored comparison has them the other way round). */
static void order_one_sided(struct comparison *c)
{
	size_t **map = xcalloc(c->n_secs + 1, sizeof(*map));

	for (size_t s = 0; s < c->n_secs; s++) {
		struct cmp_section *cs = &c->secs[s];
		struct cmp_row *v = xcalloc(cs->n_rows + 1, sizeof(*v));
		size_t n = 0;

		map[s] = xcalloc(cs->n_rows + 1, sizeof(**map));
		for (size_t r = 0, e; r < cs->n_rows; r = e) {
			for (e = r; e < cs->n_rows && one_sided(&cs->rows[e]); e++)
				;
			if (e == r)
				e++;
			for (size_t k = r; k < e; k++)
				if (cs->rows[k].a) {
					map[s][k] = n;
					v[n++] = cs->rows[k];
				}
			for (size_t k = r; k < e; k++)
				if (!cs->rows[k].a) {
					map[s][k] = n;
					v[n++] = cs->rows[k];
				}
		}
		free(cs->rows);
		cs->rows = v;
	}
	for (size_t s = 0; s < c->n_secs; s++)
		for (size_t r = 0; r < c->secs[s].n_rows; r++) {
			struct cmp_row *row = &c->secs[s].rows[r];

			if (row->kind == CMP_MOVED_OUT || row->kind == CMP_MOVED_IN)
				row->peer_row = map[row->peer_section][row->peer_row];
		}
	for (size_t s = 0; s < c->n_secs; s++)
		free(map[s]);
	free(map);
}

static void count_rows(struct cmp_section *cs, size_t s)
{
	for (size_t r = 0; r < cs->n_rows; r++) {
		const struct cmp_row *row = &cs->rows[r];

		switch (row->kind) {
		case CMP_SAME:
			cs->n_same++;
			cs->common_words += (double)row->common;
			break;
		case CMP_CHANGED:
			cs->n_changed++;
			cs->common_words += (double)row->common;
			break;
		case CMP_REMOVED:
			cs->n_removed++;
			break;
		case CMP_ADDED:
			cs->n_added++;
			break;
		case CMP_MOVED_OUT:
		case CMP_MOVED_IN:
			/* Each half holds half the pair's shared words, so a move
			 * between sections weighs the same on both. */
			cs->common_words += (double)row->common / 2;
			if (row->kind == CMP_MOVED_OUT || row->peer_section != s)
				cs->n_moved++;
			break;
		case CMP_NOT_IN_EXCERPT:
			cs->n_not_in_excerpt++;
			if (row->a)
				cs->a_words -= (double)row->a_words;
			else
				cs->b_words -= (double)row->b_words;
			break;
		}
	}
	cs->similarity = cs->a_words + cs->b_words > 0 ? 2.0 * cs->common_words / (cs->a_words + cs->b_words)
							 : 1.0;
	if (cs->similarity > 1.0)
		cs->similarity = 1.0;
}

static struct cmp_section *add_section(struct comparison *c, size_t *cap, const struct section *s,
				       int ai, int bi)
{
	struct cmp_section *cs;

	GROW(c->secs, *cap, c->n_secs + 1);
	cs = &c->secs[c->n_secs++];
	memset(cs, 0, sizeof(*cs));
	cs->id = s->id;
	cs->title = s->title;
	cs->a_index = ai;
	cs->b_index = bi;
	return cs;
}

/* A hash of everything a document says, to order two editions of one year. */
static uint64_t fingerprint(const struct document *d)
{
	uint64_t h = HASH_INIT;

	for (size_t s = 0; s < d->n_sections; s++) {
		const struct section *sec = &d->sections[s];

		h = hash_add(h, sec->id, strlen(sec->id) + 1);
		for (size_t p = 0; p < sec->n_paras; p++)
			h = hash_add(h, sec->paras[p], strlen(sec->paras[p]) + 1);
		for (size_t i = 0; i < sec->n_items; i++)
			h = hash_add(h, sec->items[i], strlen(sec->items[i]) + 1);
	}
	return h;
}

/* The comparison of a against b, a being the older edition. */
static struct comparison *compare_ordered(const struct document *a, const struct document *b)
{
	struct comparison *c = xcalloc(1, sizeof(*c));
	size_t cap = 0;
	bool *done = xcalloc(a->n_sections + 1, sizeof(bool));
	struct side removed = {0}, added = {0};

	c->a = a;
	c->b = b;
	/* b's sections in order; a section only in a goes before the next
	 * section that both have, as it stood in a. */
	for (size_t j = 0; j <= b->n_sections; j++) {
		int ai = j < b->n_sections ? document_section_index(a, b->sections[j].id) : (int)a->n_sections;

		for (int i = 0; i < ai; i++)
			if (!done[i] && document_section_index(b, a->sections[i].id) < 0) {
				add_section(c, &cap, &a->sections[i], i, -1);
				done[i] = true;
			}
		if (j == b->n_sections)
			break;
		add_section(c, &cap, &b->sections[j], ai, (int)j);
		if (ai >= 0)
			done[ai] = true;
	}
	free(done);
	for (size_t s = 0; s < c->n_secs; s++) {
		struct cmp_section *cs = &c->secs[s];

		compare_section(cs, cs->a_index >= 0 ? &a->sections[cs->a_index] : NULL,
				cs->b_index >= 0 ? &b->sections[cs->b_index] : NULL, &removed, &added);
	}
	find_moves(c, &removed, &added);
	side_free(&removed);
	side_free(&added);
	mark_excerpts(c);
	return c;
}

struct comparison *compare_documents(const struct document *a, const struct document *b)
{
	bool swapped = a->year != b->year ? a->year > b->year : fingerprint(a) > fingerprint(b);
	struct comparison *c = swapped ? compare_ordered(b, a) : compare_ordered(a, b);

	if (swapped)
		mirror(c);
	order_one_sided(c);
	for (size_t s = 0; s < c->n_secs; s++) {
		count_rows(&c->secs[s], s);
		c->a_words += c->secs[s].a_words;
		c->b_words += c->secs[s].b_words;
		c->common_words += c->secs[s].common_words;
		for (size_t r = 0; r < c->secs[s].n_rows; r++)
			c->n_changes += cmp_row_is_change(&c->secs[s].rows[r]);
	}
	c->similarity = c->a_words + c->b_words > 0 ? 2.0 * c->common_words / (c->a_words + c->b_words) : 1.0;
	if (c->similarity > 1.0)
		c->similarity = 1.0;
	return c;
}

void comparison_free(struct comparison *c)
{
	if (!c)
		return;
	for (size_t s = 0; s < c->n_secs; s++) {
		for (size_t r = 0; r < c->secs[s].n_rows; r++)
			free(c->secs[s].rows[r].words);
		free(c->secs[s].rows);
	}
	free(c->secs);
	free(c);
}

const char *cmp_kind_name(enum cmp_kind k)
{
	static const char *const names[] = {
		[CMP_SAME] = "same",      [CMP_CHANGED] = "changed",      [CMP_REMOVED] = "removed",
		[CMP_ADDED] = "added",    [CMP_MOVED_OUT] = "moved",      [CMP_MOVED_IN] = "moved",
		[CMP_NOT_IN_EXCERPT] = "not in this excerpt",
	};

	return k < ARRAY_SIZE(names) ? names[k] : "";
}

bool cmp_row_is_change(const struct cmp_row *row)
{
	return row->kind != CMP_SAME && row->kind != CMP_NOT_IN_EXCERPT;
}

