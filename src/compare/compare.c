/* compare.c — alignment of two editions, sentence by sentence. */
#include "config.h"

#include "compare/compare.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Runs for every word of both editions: lengths are known up front and
 * anything longer than the longest function word is rejected at once. */
static bool is_stopword(const char *w, size_t n)
{
#define STOP(word) { word, sizeof(word) - 1 }
	static const struct {
		const char *s;
		size_t n;
	} stop[] = {
		STOP("a"), STOP("an"), STOP("and"), STOP("are"), STOP("as"), STOP("at"),
		STOP("be"), STOP("been"), STOP("by"), STOP("for"), STOP("from"), STOP("had"),
		STOP("has"), STOP("have"), STOP("in"), STOP("into"), STOP("is"), STOP("it"),
		STOP("its"), STOP("of"), STOP("on"), STOP("or"), STOP("that"), STOP("the"),
		STOP("their"), STOP("them"), STOP("these"), STOP("this"), STOP("those"),
		STOP("to"), STOP("was"), STOP("were"), STOP("which"), STOP("who"), STOP("with"),
	};
#undef STOP

	if (n > 5)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(stop); i++)
		if (stop[i].n == n && !memcmp(stop[i].s, w, n))
			return true;
	return false;
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

/* Bytes of a word character at s (letters and digits, any script; not the
 * typographic punctuation of U+2000..U+206F), or 0. */
static size_t word_char(const char *s, size_t len)
{
	int32_t cp;
	size_t n;

	if (!((unsigned char)*s & 0x80))
		return isalnum((unsigned char)*s) ? 1 : 0;
	n = utf8_next(s, len, &cp);
	if (cp < 0 || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	    (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F))
		return 0;
	return n ? n : 1;
}

/* The sorted content words of a text, lower-cased (ASCII; other letters as
 * they are) and without function words; *all gets the count of all words.
 * A plain scanner rather than ICU: this runs on every sentence of both
 * editions, and "state-sponsored" or "People's" must stay one word. */
static size_t content_words(const char *text, size_t len, uint64_t **out, size_t *all)
{
	size_t k = 0, cap = 0, i = 0, n;
	char buf[64];

	*out = NULL;
	*all = 0;
	while (i < len) {
		size_t start = i, bl = 0;

		if (!(n = word_char(text + i, len - i))) {
			i++;
			continue;
		}
		/* A word: word characters, joined by single hyphens or apostrophes. */
		while (i < len) {
			if ((n = word_char(text + i, len - i))) {
				i += n;
			} else if ((text[i] == '-' || text[i] == '\'') && i + 1 < len &&
				   word_char(text + i + 1, len - i - 1)) {
				i++;
			} else if (i + 3 < len && !memcmp(text + i, "\xe2\x80\x99", 3) &&
				   word_char(text + i + 3, len - i - 3)) {
				i += 3;
			} else {
				break;
			}
		}
		(*all)++;
		for (size_t j = start; j < i && bl < sizeof(buf); j++)
			buf[bl++] = (char)tolower((unsigned char)text[j]);
		if (is_stopword(buf, bl))
			continue;
		GROW(*out, cap, k + 1);
		(*out)[k++] = hash_add(HASH_INIT, buf, bl);
	}
	if (!*out)
		*out = xcalloc(1, sizeof(**out));
	qsort(*out, k, sizeof(**out), cmp_u64);
	return k;
}

static double dice(const struct unit *a, const struct unit *b)
{
	size_t i = 0, j = 0, common = 0;

	if (!a->n_words || !b->n_words)
		return a->key == b->key ? 1.0 : 0.0;
	while (i < a->n_words && j < b->n_words) {
		if (a->words[i] == b->words[j]) {
			common++;
			i++;
			j++;
		} else if (a->words[i] < b->words[j]) {
			i++;
		} else {
			j++;
		}
	}
	return 2.0 * (double)common / (double)(a->n_words + b->n_words);
}

static void add_unit(struct side *s, const char *text, size_t len, size_t block, bool item)
{
	struct unit *u;
	uint64_t h = HASH_INIT;
	bool space = false;

	GROW(s->v, s->cap, s->n + 1);
	u = &s->v[s->n++];
	memset(u, 0, sizeof(*u));
	u->text = text;
	u->len = len;
	u->block = block;
	u->item = item;
	/* The exact text, whitespace runs counted as one space (layout is not change). */
	for (size_t i = 0; i < len; i++) {
		if (isspace((unsigned char)text[i])) {
			space = true;
			continue;
		}
		if (space) {
			h = hash_add(h, " ", 1);
			space = false;
		}
		h = hash_add(h, text + i, 1);
	}
	u->key = h;
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
	row->a_block = a ? a->block : SIZE_MAX;
	row->b_block = b ? b->block : SIZE_MAX;
	row->a_words = a ? a->all_words : 0;
	row->b_words = b ? b->all_words : 0;
	row->item = (a && a->item) || (b && b->item);
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

/* A stretch with no exact anchors: changed sentences are paired by word
 * similarity, in order; the rest are removed or added. */
static void pair_gap(const struct side *A, size_t a0, size_t a1, const struct side *B, size_t b0,
		     size_t b1, struct rows *out)
{
	size_t na = a1 - a0, nb = b1 - b0;
	long *match = xcalloc(na + 1, sizeof(*match));
	double *sim = xcalloc(na + 1, sizeof(*sim));
	size_t j;

	for (size_t i = 0; i < na; i++)
		match[i] = -1;
	if (na && nb && na * nb <= GAP_CELLS) {
		/* Best total similarity over monotone pairings (like an LCS). */
		double *score = xcalloc((na + 1) * (nb + 1), sizeof(*score));
		double *s = xcalloc(na * nb + 1, sizeof(*s));

#define S(i, k) score[(i) * (nb + 1) + (k)]
		for (size_t i = 0; i < na; i++)
			for (size_t k = 0; k < nb; k++)
				s[i * nb + k] = dice(&A->v[a0 + i], &B->v[b0 + k]);
		for (size_t i = na; i-- > 0;)
			for (size_t k = nb; k-- > 0;) {
				double best = S(i + 1, k) > S(i, k + 1) ? S(i + 1, k) : S(i, k + 1);
				double p = s[i * nb + k];

				if (p >= PAIR_THRESHOLD && S(i + 1, k + 1) + p > best)
					best = S(i + 1, k + 1) + p;
				S(i, k) = best;
			}
		for (size_t i = 0, k = 0; i < na && k < nb;) {
			double p = s[i * nb + k];

			if (p >= PAIR_THRESHOLD && S(i, k) == S(i + 1, k + 1) + p) {
				match[i] = (long)k;
				sim[i] = p;
				i++;
				k++;
			} else if (S(i, k) == S(i + 1, k)) {
				i++;
			} else {
				k++;
			}
		}
#undef S
		free(score);
		free(s);
	} else if (na && nb) {
		/* Large: look for each sentence's partner near its proportional place. */
		size_t next = 0;

		for (size_t i = 0; i < na && next < nb; i++) {
			size_t center = i * nb / na, lo = center > GAP_WINDOW ? center - GAP_WINDOW : 0;
			size_t hi = center + GAP_WINDOW < nb ? center + GAP_WINDOW : nb, best_k = SIZE_MAX;
			double best = PAIR_THRESHOLD;

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
	}
	/* Rows in reading order: what was removed, what was added, then the pair. */
	j = 0;
	for (size_t i = 0; i < na; i++) {
		if (match[i] < 0) {
			push_row(out, CMP_REMOVED, &A->v[a0 + i], NULL);
			continue;
		}
		for (; j < (size_t)match[i]; j++)
			push_row(out, CMP_ADDED, NULL, &B->v[b0 + j]);
		push_row(out, CMP_CHANGED, &A->v[a0 + i], &B->v[b0 + j])->similarity = sim[i];
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

static size_t words_in(const char *text, const struct span *tok, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		n += has_alnum(text + tok[i].start, tok[i].end - tok[i].start);
	return n;
}

/* The word diff of a changed pair; returns how many words they share. */
static size_t diff_words(struct cmp_row *row)
{
	struct span *ta, *tb;
	size_t na = sentence_tokens(row->a, row->a_len, &ta), nb = sentence_tokens(row->b, row->b_len, &tb);
	uint64_t *ha = xcalloc(na + 1, sizeof(*ha)), *hb = xcalloc(nb + 1, sizeof(*hb));
	struct wdiff_edit *e;
	size_t n, common = 0;

	for (size_t i = 0; i < na; i++)
		ha[i] = hash_add(HASH_INIT, row->a + ta[i].start, ta[i].end - ta[i].start);
	for (size_t i = 0; i < nb; i++)
		hb[i] = hash_add(HASH_INIT, row->b + tb[i].start, tb[i].end - tb[i].start);
	n = wdiff(ha, na, hb, nb, 1 << 20, &e);
	row->words = xcalloc(n + 1, sizeof(*row->words));
	for (size_t k = 0; k < n; k++) {
		struct cmp_word *w = &row->words[row->n_words++];

		w->op = e[k].op;
		w->a = e[k].a_end > e[k].a_start ? (struct span){ ta[e[k].a_start].start, ta[e[k].a_end - 1].end }
						 : (struct span){ 0, 0 };
		w->b = e[k].b_end > e[k].b_start ? (struct span){ tb[e[k].b_start].start, tb[e[k].b_end - 1].end }
						 : (struct span){ 0, 0 };
		if (e[k].op == WD_SAME)
			common += words_in(row->a, ta, e[k].a_start, e[k].a_end);
	}
	free(e);
	free(ha);
	free(hb);
	free(ta);
	free(tb);
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
	row->a_block = row->b_block = 0;
	row->similarity = text_similarity(a, alen, b, blen);
	diff_words(row);
}

/* --- documents ------------------------------------------------------------ */

static void compare_section(struct cmp_section *cs, const struct section *sa,
			    const struct section *sb)
{
	struct side A = {0}, B = {0};
	struct rows rows = {0};

	section_units(sa, &A);
	section_units(sb, &B);
	align(&A, 0, A.n, &B, 0, B.n, &rows, 0);
	for (size_t i = 0; i < A.n; i++)
		cs->a_words += A.v[i].all_words;
	for (size_t i = 0; i < B.n; i++)
		cs->b_words += B.v[i].all_words;
	for (size_t r = 0; r < rows.n; r++) {
		struct cmp_row *row = &rows.v[r];

		if (row->kind == CMP_SAME) {
			cs->common_words += row->a_words;
		} else if (row->kind == CMP_CHANGED) {
			cs->common_words += diff_words(row);
		}
	}
	cs->rows = rows.v;
	cs->n_rows = rows.n;
	side_free(&A);
	side_free(&B);
}

/* Removed and added sentences that are the same (or nearly) elsewhere in the
 * document were moved. */
static void find_moves(struct comparison *c)
{
	struct keyed *out = NULL, *in = NULL;
	struct side uo = {0}, ui = {0};
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
	if (n_in * n_out > 250000)
		n_out = 0;
	for (size_t i = 0; i < n_out; i++) {
		const struct cmp_row *row = &c->secs[out[i].key].rows[out[i].index];

		add_unit(&uo, row->a, row->a_len, 0, false);
	}
	for (size_t k = 0; k < n_in && n_out; k++) {
		const struct cmp_row *row = &c->secs[in[k].key].rows[in[k].index];

		add_unit(&ui, row->b, row->b_len, 0, false);
	}
	used = xcalloc(n_in + 1, sizeof(bool));
	for (size_t i = 0; i < n_out; i++) {
		double best = MOVED_THRESHOLD;
		size_t best_k = SIZE_MAX;

		for (size_t k = 0; k < n_in; k++) {
			double d;

			if (used[k])
				continue;
			d = uo.v[i].key == ui.v[k].key ? 1.0 : dice(&uo.v[i], &ui.v[k]);
			if (d >= best) {
				best = d;
				best_k = k;
				if (d == 1.0)
					break;
			}
		}
		if (best_k != SIZE_MAX) {
			struct cmp_row *ro = &c->secs[out[i].key].rows[out[i].index];
			struct cmp_row *ri = &c->secs[in[best_k].key].rows[in[best_k].index];

			used[best_k] = true;
			ro->kind = CMP_MOVED_OUT;
			ri->kind = CMP_MOVED_IN;
			ro->similarity = ri->similarity = best;
			ro->peer_section = in[best_k].key;
			ro->peer_row = in[best_k].index;
			ri->peer_section = out[i].key;
			ri->peer_row = out[i].index;
		}
	}
	free(used);
	side_free(&uo);
	side_free(&ui);
	free(out);
	free(in);
}

static void count_rows(struct cmp_section *cs)
{
	for (size_t r = 0; r < cs->n_rows; r++) {
		const struct cmp_row *row = &cs->rows[r];

		switch (row->kind) {
		case CMP_SAME:
			cs->n_same++;
			break;
		case CMP_CHANGED:
			cs->n_changed++;
			break;
		case CMP_REMOVED:
			cs->n_removed++;
			break;
		case CMP_ADDED:
			cs->n_added++;
			break;
		case CMP_MOVED_OUT:
			cs->n_moved++;
			cs->common_words += row->a_words;
			break;
		case CMP_MOVED_IN:
			break;
		}
	}
	cs->similarity = cs->a_words + cs->b_words
				 ? 2.0 * (double)cs->common_words / (double)(cs->a_words + cs->b_words)
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

struct comparison *compare_documents(const struct document *a, const struct document *b)
{
	struct comparison *c = xcalloc(1, sizeof(*c));
	size_t cap = 0;
	bool *done = xcalloc(a->n_sections + 1, sizeof(bool));

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
				cs->b_index >= 0 ? &b->sections[cs->b_index] : NULL);
	}
	find_moves(c);
	for (size_t s = 0; s < c->n_secs; s++) {
		count_rows(&c->secs[s]);
		c->a_words += c->secs[s].a_words;
		c->b_words += c->secs[s].b_words;
		c->common_words += c->secs[s].common_words;
	}
	c->similarity = c->a_words + c->b_words
				? 2.0 * (double)c->common_words / (double)(c->a_words + c->b_words)
				: 1.0;
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

bool comparison_next_change(const struct comparison *c, size_t *s, size_t *row, int dir)
{
	size_t si = *s, ri = *row;

	for (;;) {
		if (dir > 0) {
			if (si >= c->n_secs)
				return false;
			if (++ri >= c->secs[si].n_rows) {
				if (++si >= c->n_secs)
					return false;
				ri = 0;
				if (!c->secs[si].n_rows)
					continue;
			}
		} else {
			while (ri == 0) {
				if (si == 0)
					return false;
				si--;
				ri = c->secs[si].n_rows;
			}
			ri--;
		}
		if (si < c->n_secs && ri < c->secs[si].n_rows && c->secs[si].rows[ri].kind != CMP_SAME) {
			*s = si;
			*row = ri;
			return true;
		}
	}
}
