/* query.c — parsing a search, and testing and marking a block. */
#include "config.h"

#include "search/query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "search/words.h"

/* ---- parsing ---- */

/* A first slot's key as the raw search looks for it: lower-case ASCII,
 * and whether it is a word's start only. */
struct term_anchor {
	unsigned char pat[WORDS_MAX_KEY];
	size_t m;
	bool prefix;
};

static bool ascii_key(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return n > 0;
}

static void add_key(struct search_slot *s, const char *key, bool prefix)
{
	for (size_t i = 0; i < s->n_keys; i++)
		if (!strcmp(s->keys[i].key, key) && s->keys[i].prefix == prefix)
			return;
	s->keys = xreallocarray(s->keys, s->n_keys + 1, sizeof(*s->keys));
	s->keys[s->n_keys++] = (struct search_key){ xstrdup(key), strlen(key), prefix };
}

/* A prefix also finds the other spelling of each word it starts. */
static void add_spelled(const char *word, const char *other, void *arg)
{
	struct search_slot *s = arg;

	(void)word;
	if (strncmp(other, s->keys[0].key, s->keys[0].len))
		add_key(s, other, false);
}

/* Fills a slot for the word key: it, its other spellings, or (prefix) the
 * words that start with it and their other spellings. */
static void fill_slot(struct search_slot *s, const char *key, bool prefix)
{
	add_key(s, key, prefix);
	if (prefix) {
		words_variants_prefixed(key, add_spelled, s);
	} else {
		const char *const *v;
		size_t n;

		words_variants(key, &v, &n);
		for (size_t i = 0; i < n; i++)
			add_key(s, v[i], false);
	}
}

static void make_anchors(struct search_term *t)
{
	const struct search_slot *s = &t->slots[0];

	for (size_t k = 0; k < s->n_keys; k++) {
		struct term_anchor *a;

		if (!ascii_key(s->keys[k].key, s->keys[k].len))
			continue;
		t->anchors = xreallocarray(t->anchors, t->n_anchors + 1, sizeof(*t->anchors));
		a = &t->anchors[t->n_anchors++];
		a->m = s->keys[k].len;
		a->prefix = s->keys[k].prefix;
		memcpy(a->pat, s->keys[k].key, a->m);
	}
}

/* The term for the typed text[0..n) (prefix: its last word is a start),
 * or false when it holds no word. */
static bool make_term(struct search_term *t, const char *text, size_t n, bool prefix)
{
	struct words w;
	struct word wd;

	memset(t, 0, sizeof(*t));
	words_init(&w, text, n, 0);
	while (words_next(&w, &wd)) {
		t->slots = xreallocarray(t->slots, t->n_slots + 1, sizeof(*t->slots));
		memset(&t->slots[t->n_slots], 0, sizeof(t->slots[0]));
		/* Whether it is the last word is known only at the end. */
		fill_slot(&t->slots[t->n_slots++], wd.key, false);
	}
	words_done(&w);
	if (!t->n_slots)
		return false;
	if (prefix) {
		struct search_slot *last = &t->slots[t->n_slots - 1];
		char *key = xstrdup(last->keys[0].key);

		for (size_t i = 0; i < last->n_keys; i++)
			free(last->keys[i].key);
		last->n_keys = 0;
		fill_slot(last, key, true);
		free(key);
	}
	t->text = xstrndup(text, n);
	make_anchors(t);
	return true;
}

static void term_free(struct search_term *t)
{
	for (size_t i = 0; i < t->n_slots; i++) {
		for (size_t k = 0; k < t->slots[i].n_keys; k++)
			free(t->slots[i].keys[k].key);
		free(t->slots[i].keys);
	}
	free(t->slots);
	free(t->text);
	free(t->anchors);
}

static struct search_clause *new_clause(struct search_query *q, bool negated)
{
	struct search_clause *c;

	q->clauses = xreallocarray(q->clauses, q->n_clauses + 1, sizeof(*q->clauses));
	c = &q->clauses[q->n_clauses++];
	memset(c, 0, sizeof(*c));
	c->negated = negated;
	return c;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool search_query_parse(const char *text, struct search_query *q, const char **err)
{
	const char *p = text;
	struct search_clause *last = NULL; /* the clause an OR would add to */
	bool pending_or = false, any = false, after_term = false;

	memset(q, 0, sizeof(*q));
	while (*p) {
		const char *start;
		struct search_term t;
		bool neg = false, prefix = false, quoted = false, or_word;
		size_t n;

		if (space(*p)) {
			p++;
			continue;
		}
		if (*p == '-' && p[1] && !space(p[1])) {
			neg = true;
			p++;
		}
		if (*p == '"') {
			const char *end = strchr(p + 1, '"');

			quoted = true;
			start = p + 1;
			n = end ? (size_t)(end - start) : strlen(start);
			p = start + n + (end != NULL);
		} else {
			start = p;
			for (n = 0; start[n] && !space(start[n]) && start[n] != '"'; n++)
				;
			p = start + n;
		}
		/* OR after a term is the operator (it joins two words to be
		 * found; after an excluded one it means nothing); first, it is
		 * the word. */
		or_word = !neg && !quoted && n == 2 && !memcmp(start, "OR", 2);
		if (or_word && after_term) {
			pending_or = last != NULL;
			continue;
		}
		while (n && start[n - 1] == '*') {
			prefix = true;
			n--;
		}
		if (!make_term(&t, start, n, prefix))
			continue;
		after_term = true;
		if (neg) {
			last = NULL;
			pending_or = false;
			new_clause(q, true);
		} else {
			if (!pending_or || !last)
				last = new_clause(q, false);
			pending_or = false;
			any = true;
		}
		{
			struct search_clause *c = neg ? &q->clauses[q->n_clauses - 1] : last;

			c->terms = xreallocarray(c->terms, c->n_terms + 1, sizeof(*c->terms));
			c->terms[c->n_terms++] = t;
		}
		/* The clause may have moved with the array. */
		if (!neg)
			last = &q->clauses[q->n_clauses - 1];
	}
	if (!any) {
		*err = q->n_clauses ? "only excluded words: give a word to search for" : "nothing to search for: give a word";
		search_query_free(q);
		return false;
	}
	return true;
}

void search_query_free(struct search_query *q)
{
	for (size_t i = 0; i < q->n_clauses; i++) {
		for (size_t k = 0; k < q->clauses[i].n_terms; k++)
			term_free(&q->clauses[i].terms[k]);
		free(q->clauses[i].terms);
	}
	free(q->clauses);
	memset(q, 0, sizeof(*q));
}

bool search_slot_accepts(const struct search_slot *s, const char *key, size_t len)
{
	for (size_t i = 0; i < s->n_keys; i++) {
		const struct search_key *k = &s->keys[i];

		if (k->prefix ? len >= k->len && !memcmp(key, k->key, k->len)
			      : len == k->len && !memcmp(key, k->key, len))
			return true;
	}
	return false;
}

/* ---- a term in a block ---- */

struct word_list {
	struct word *v;
	size_t n, cap;
};

/* The words of text from the boundary from: those that start before until,
 * and extra more after them. */
static void collect(struct word_list *l, const char *text, size_t len, size_t from, size_t until, size_t extra)
{
	struct words w;
	struct word wd;

	l->n = 0;
	words_init(&w, text, len, from);
	while (words_next(&w, &wd)) {
		if (wd.start >= until && !extra--)
			break;
		GROW(l->v, l->cap, l->n + 1);
		l->v[l->n++] = wd;
	}
	words_done(&w);
}

/* Whether term t starts at word i of l. */
static bool phrase_at(const struct search_term *t, const struct word_list *l, size_t i)
{
	if (i + t->n_slots > l->n)
		return false;
	for (size_t k = 0; k < t->n_slots; k++)
		if (!search_slot_accepts(&t->slots[k], l->v[i + k].key, l->v[i + k].len))
			return false;
	return true;
}

/* Whether t starts at a word that begins in text[from..until), from being
 * a word boundary. */
static bool term_in_stretch(const struct search_term *t, struct word_list *l, const char *text, size_t len,
			    size_t from, size_t until)
{
	collect(l, text, len, from, until, t->n_slots - 1);
	for (size_t i = 0; i < l->n && l->v[i].start < until; i++)
		if (phrase_at(t, l, i))
			return true;
	return false;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whether a's letters stand at t[i], in any case. */
static bool at_anchor(const struct term_anchor *a, const unsigned char *t, size_t i)
{
	for (size_t j = 0; j < a->m; j++)
		if (lower(t[i + j]) != a->pat[j])
			return false;
	return true;
}

/* Sixteen bytes at a time (GCC's vector types: SSE2 on x86-64, NEON on
 * ARM, plain code elsewhere). */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* The next place at or after from where a's letters stand in text, in any
 * case; len when there is none.  Sixteen places are tried at once on their
 * first and last letters (with the case bit set, which makes upper case
 * lower and only lets others through that the full test rejects). */
static size_t find(const struct term_anchor *a, const char *text, size_t len, size_t from)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t m = a->m, i = from;
	bytes16 first, last, case_bit;

	memset(&first, a->pat[0], sizeof(first));
	memset(&last, a->pat[m - 1], sizeof(last));
	memset(&case_bit, 0x20, sizeof(case_bit));
	for (; i + m - 1 + 16 <= len; i += 16) {
		bytes16 x, y, hit;
		uint64_t half[2];

		memcpy(&x, t + i, 16);
		memcpy(&y, t + i + m - 1, 16);
		hit = (bytes16)((x | case_bit) == first) & (bytes16)((y | case_bit) == last);
		memcpy(half, &hit, 16);
		if (!(half[0] | half[1]))
			continue;
		for (size_t k = 0; k < 16; k++)
			if (hit[k] && at_anchor(a, t, i + k))
				return i + k;
	}
	for (; i + m <= len; i++)
		if (at_anchor(a, t, i))
			return i;
	return len;
}

/* Whether term t is in the block text[0..len).  A word of the term's first
 * slot stands either in a stretch of nothing but ASCII letters and digits,
 * whose bytes are its letters (found by the raw search), or in a stretch
 * holding an apostrophe or more than ASCII (found by reading those). */
static bool term_in(const struct search_term *t, struct word_list *l, const char *text, size_t len)
{
	size_t from, until;

	for (size_t k = 0; k < t->n_anchors; k++) {
		const struct term_anchor *a = &t->anchors[k];

		for (size_t at = find(a, text, len, 0); at < len; at = find(a, text, len, at + 1)) {
			/* The letters must start a word, and end it unless they are
			 * its start only. */
			if (!words_boundary(text, len, at) ||
			    (!a->prefix && at + a->m < len && words_ascii_alnum((unsigned char)text[at + a->m])))
				continue;
			if (term_in_stretch(t, l, text, len, at, at + 1))
				return true;
		}
	}
	for (size_t at = 0; words_next_special(text, len, at, &from, &until); at = until)
		if (term_in_stretch(t, l, text, len, from, until))
			return true;
	return false;
}

bool search_query_matches(const struct search_query *q, const char *text, size_t len)
{
	struct word_list l = {0};
	bool ok = true;

	/* Clauses to be found first: an excluded one matters only then. */
	for (int pass = 0; pass < 2 && ok; pass++)
		for (size_t c = 0; c < q->n_clauses && ok; c++) {
			const struct search_clause *cl = &q->clauses[c];
			bool found = false;

			if (cl->negated != (pass == 1))
				continue;
			for (size_t k = 0; k < cl->n_terms && !found; k++)
				found = term_in(&cl->terms[k], &l, text, len);
			ok = found != cl->negated;
		}
	free(l.v);
	return ok;
}

static int cmp_range(const void *a, const void *b)
{
	const struct search_range *x = a, *y = b;

	return x->start != y->start ? (x->start > y->start) - (x->start < y->start)
				    : (x->end > y->end) - (x->end < y->end);
}

size_t search_query_marks(const struct search_query *q, const char *text, size_t len, struct search_range **out)
{
	struct word_list l = {0};
	struct search_range *v = NULL;
	size_t n = 0, cap = 0, k = 0;

	collect(&l, text, len, 0, len, 0);
	for (size_t c = 0; c < q->n_clauses; c++) {
		if (q->clauses[c].negated)
			continue;
		for (size_t t = 0; t < q->clauses[c].n_terms; t++) {
			const struct search_term *term = &q->clauses[c].terms[t];

			for (size_t i = 0; i < l.n; i++)
				if (phrase_at(term, &l, i)) {
					GROW(v, cap, n + 1);
					v[n++] = (struct search_range){ l.v[i].start, l.v[i + term->n_slots - 1].end };
				}
		}
	}
	free(l.v);
	if (n)
		qsort(v, n, sizeof(*v), cmp_range);
	/* Overlapping and touching ranges are one mark. */
	for (size_t i = 0; i < n; i++) {
		if (k && v[i].start <= v[k - 1].end) {
			if (v[i].end > v[k - 1].end)
				v[k - 1].end = v[i].end;
			continue;
		}
		v[k++] = v[i];
	}
	*out = v;
	return k;
}
