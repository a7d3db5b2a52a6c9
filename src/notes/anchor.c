/* anchor.c — finding an annotated passage again in text that may have changed.
 *
 * A section's paragraphs and items are joined with newlines and folded
 * (fold.h: case, accents, quote and dash style, whitespace runs), so the
 * quote is found however the text was re-imported, and the context around
 * it is compared across paragraph boundaries (a paragraph split in two keeps
 * its context).  Matches may not span two paragraphs or items. */
#include "config.h"

#include "notes/annotations.h"

#include <stdlib.h>
#include <string.h>

#include "text/fold.h"
#include "base/utf8.h"
#include "base/util.h"

/* A section as one text: block k is bytes [bstart[k], bstart[k+1] - 1) of s
 * (each block is followed by a newline). */
struct sectext {
	int section;
	struct strbuf s;
	size_t *bstart;
	size_t n_blocks, n_paras;
	struct folded f;
};

static const char *block_text(const struct section *sec, bool item, size_t index)
{
	if (item)
		return index < sec->n_items ? sec->items[index] : NULL;
	return index < sec->n_paras ? sec->paras[index] : NULL;
}

static void sectext_init(struct sectext *t, const struct document *doc, int section, bool fold)
{
	const struct section *sec = &doc->sections[section];

	memset(t, 0, sizeof(*t));
	t->section = section;
	t->n_paras = sec->n_paras;
	t->n_blocks = sec->n_paras + sec->n_items;
	t->bstart = xcalloc(t->n_blocks + 1, sizeof(*t->bstart));
	for (size_t k = 0; k < t->n_blocks; k++) {
		t->bstart[k] = t->s.len;
		sb_adds(&t->s, k < sec->n_paras ? sec->paras[k] : sec->items[k - sec->n_paras]);
		sb_addc(&t->s, '\n');
	}
	t->bstart[t->n_blocks] = t->s.len;
	if (fold)
		fold_text(sb_str(&t->s), t->s.len, true, &t->f);
}

static void sectext_done(struct sectext *t)
{
	sb_free(&t->s);
	free(t->bstart);
	if (t->f.s)
		folded_free(&t->f);
}

/* The block holding byte off of the joined text. */
static size_t sectext_block(const struct sectext *t, size_t off)
{
	size_t k = 0;

	while (k + 1 < t->n_blocks && t->bstart[k + 1] <= off)
		k++;
	return k;
}

/* Converts a joined-text range into an anchor; false if it spans blocks. */
static bool sectext_anchor(const struct sectext *t, size_t start, size_t end, struct ann_anchor *out)
{
	size_t k = sectext_block(t, start);

	if (end > t->bstart[k + 1] - 1 || end <= start)
		return false;
	out->section = t->section;
	out->item = k >= t->n_paras;
	out->index = out->item ? k - t->n_paras : k;
	out->start = start - t->bstart[k];
	out->end = end - t->bstart[k];
	return true;
}

/* Up to ANN_CONTEXT code points of s before (back) or from off. */
static char *context(const char *s, size_t len, size_t off, bool back)
{
	size_t a = off, n = 0;

	if (back) {
		while (a > 0 && n < ANN_CONTEXT) {
			a--;
			if (((unsigned char)s[a] & 0xC0) != 0x80)
				n++;
		}
		return xstrndup(s + a, off - a);
	}
	while (a < len && n < ANN_CONTEXT) {
		int32_t cp;

		a += utf8_next(s + a, len - a, &cp);
		n++;
	}
	return xstrndup(s + off, a - off);
}

void ann_context(const struct document *doc, int section, bool item, size_t index, size_t start,
		 size_t end, char **prefix, char **suffix)
{
	struct sectext t;
	size_t base;

	sectext_init(&t, doc, section, false);
	base = t.bstart[item ? t.n_paras + index : index];
	*prefix = context(t.s.buf, t.s.len, base + start, true);
	/* The newline after the last block is ours, not the document's. */
	*suffix = context(t.s.buf, t.s.len - 1, base + end, false);
	sectext_done(&t);
}

static size_t common_suffix(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = 0;

	while (n < an && n < bn && a[an - 1 - n] == b[bn - 1 - n])
		n++;
	return n;
}

static size_t common_prefix(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = 0;

	while (n < an && n < bn && a[n] == b[n])
		n++;
	return n;
}

/* What a passage is compared with: folded quote and context. */
struct probe {
	struct folded q, p, s;
};

struct cand {
	struct ann_anchor at;
	double score;
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static void cands_add(struct cands *c, const struct ann_anchor *at, double score)
{
	GROW(c->v, c->cap, c->n + 1);
	c->v[c->n].at = *at;
	c->v[c->n].score = score;
	c->n++;
}

/* How well the context around folded bytes [i, j) of t agrees with the
 * probe's, from 0 to 1.  An empty stored context means the passage started
 * (or ended) the section, which the candidate must do as well. */
static double context_score(const struct sectext *t, const struct probe *pr, size_t i, size_t j)
{
	const char *f = t->f.s;
	size_t bi = i, aj = j, ps, ss, pmax, smax;

	while (bi > 0 && f[bi - 1] == ' ')
		bi--;
	while (aj < t->f.len && f[aj] == ' ')
		aj++;
	if (pr->p.len) {
		pmax = pr->p.len;
		ps = common_suffix(pr->p.s, pr->p.len, f, bi);
	} else {
		pmax = 1;
		ps = bi == 0;
	}
	if (pr->s.len) {
		smax = pr->s.len;
		ss = common_prefix(pr->s.s, pr->s.len, f + aj, t->f.len - aj);
	} else {
		smax = 1;
		ss = aj == t->f.len;
	}
	return (double)(ps + ss) / (double)(pmax + smax);
}

/* Folded range [i, j) as a range of the original, if it starts and ends on
 * whole characters of the original. */
static bool folded_range(const struct sectext *t, size_t i, size_t j, size_t *start, size_t *end)
{
	const size_t *m = t->f.map;

	if ((i > 0 && m[i - 1] == m[i]) || m[j - 1] == m[j])
		return false;
	*start = m[i];
	*end = m[j];
	return true;
}

/* Every place in t where the folded quote occurs, scored by context. */
static void find_exact(const struct sectext *t, const struct probe *pr, struct cands *out)
{
	const char *f = t->f.s, *hit;
	size_t from = 0, start, end;
	struct ann_anchor at;

	if (!pr->q.len)
		return;
	while (from + pr->q.len <= t->f.len &&
	       (hit = memmem(f + from, t->f.len - from, pr->q.s, pr->q.len))) {
		size_t i = (size_t)(hit - f);

		if (folded_range(t, i, i + pr->q.len, &start, &end) && sectext_anchor(t, start, end, &at))
			cands_add(out, &at, context_score(t, pr, i, i + pr->q.len));
		from = i + 1;
	}
}

/* Levenshtein distance in bytes (two rows). */
static size_t edit_distance(const char *a, size_t an, const char *b, size_t bn)
{
	size_t *row = xcalloc(bn + 1, sizeof(*row)), d;

	for (size_t j = 0; j <= bn; j++)
		row[j] = j;
	for (size_t i = 1; i <= an; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= bn; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	d = row[bn];
	free(row);
	return d;
}

/* Reworded passages: text between the stored context's nearest 16 bytes on
 * each side that is at least FUZZY_MIN similar to the quote. */
#define FUZZY_MIN 0.85
#define FUZZY_ANCHOR 16
#define FUZZY_MAX_QUOTE 4000
static void find_fuzzy(const struct sectext *t, const struct probe *pr, struct cands *out)
{
	const char *f = t->f.s, *hit;
	size_t pl = pr->p.len < FUZZY_ANCHOR ? pr->p.len : FUZZY_ANCHOR;
	size_t sl = pr->s.len < FUZZY_ANCHOR ? pr->s.len : FUZZY_ANCHOR;
	size_t from = 0, window = pr->q.len + pr->q.len / 4 + 8;

	if (pl < 8 || sl < 8 || !pr->q.len || pr->q.len > FUZZY_MAX_QUOTE)
		return;
	while ((hit = memmem(f + from, t->f.len - from, pr->p.s + pr->p.len - pl, pl))) {
		size_t i = (size_t)(hit - f) + pl, j, start, end;
		const char *tail;
		struct ann_anchor at;

		from = (size_t)(hit - f) + 1;
		if (i < t->f.len && f[i] == ' ')
			i++;
		if (i >= t->f.len)
			break;
		tail = memmem(f + i, t->f.len - i < window ? t->f.len - i : window, pr->s.s, sl);
		if (!tail)
			continue;
		j = (size_t)(tail - f);
		while (j > i && f[j - 1] == ' ')
			j--;
		if (j <= i || !folded_range(t, i, j, &start, &end) || !sectext_anchor(t, start, end, &at))
			continue;
		{
			size_t d = edit_distance(pr->q.s, pr->q.len, f + i, j - i);
			size_t m = pr->q.len > j - i ? pr->q.len : j - i;
			double sim = 1.0 - (double)d / (double)m;

			if (sim >= FUZZY_MIN)
				cands_add(out, &at, sim);
		}
	}
}

/* The single best candidate, if it agrees well enough and no other agrees
 * as well.  min_score is the context agreement an exact quote needs unless
 * it is long and occurs only once. */
static const struct cand *pick(const struct cands *c, size_t quote_len, double min_score)
{
	const struct cand *best = NULL;
	double second = -1;

	for (size_t i = 0; i < c->n; i++) {
		if (!best || c->v[i].score > best->score) {
			if (best)
				second = best->score;
			best = &c->v[i];
		} else if (c->v[i].score > second) {
			second = c->v[i].score;
		}
	}
	if (!best || second >= best->score)
		return NULL;
	if (best->score >= min_score || (c->n == 1 && quote_len >= 20))
		return best;
	return NULL;
}

typedef void finder(const struct sectext *, const struct probe *, struct cands *);

/* Runs find over the section first, then (if it found nothing there) over
 * every other section.  Returns the chosen candidate in *out. */
static bool search(const struct document *doc, int home, const struct probe *pr, finder *find,
		   double min_score, struct ann_anchor *out)
{
	struct cands c = {0};
	const struct cand *best;
	bool found = false;

	for (int pass = 0; pass < 2 && !c.n; pass++) {
		for (size_t s = 0; s < doc->n_sections; s++) {
			struct sectext t;

			if ((pass == 0) != ((int)s == home))
				continue;
			sectext_init(&t, doc, (int)s, true);
			find(&t, pr, &c);
			sectext_done(&t);
		}
	}
	if ((best = pick(&c, pr->q.len, min_score))) {
		*out = best->at;
		found = true;
	}
	free(c.v);
	return found;
}

void ann_resolve(const struct annotation *a, const struct document *doc, struct ann_anchor *out)
{
	int home = document_section_index(doc, a->section);
	struct probe pr;
	const char *text;

	memset(out, 0, sizeof(*out));
	out->section = -1;
	out->kind = ANN_ANCHOR_ORPHAN;
	if (home >= 0 && (text = block_text(&doc->sections[home], a->item, a->index)) &&
	    a->start < a->end && a->end <= strlen(text) && a->end - a->start == strlen(a->quote) &&
	    !memcmp(text + a->start, a->quote, a->end - a->start)) {
		out->kind = ANN_ANCHOR_EXACT;
		out->section = home;
		out->item = a->item;
		out->index = a->index;
		out->start = a->start;
		out->end = a->end;
		return;
	}
	fold_text(a->quote, strlen(a->quote), false, &pr.q);
	fold_text(a->prefix, strlen(a->prefix), false, &pr.p);
	fold_text(a->suffix, strlen(a->suffix), false, &pr.s);
	if (search(doc, home, &pr, find_exact, 0.5, out))
		out->kind = ANN_ANCHOR_MOVED;
	else if (search(doc, home, &pr, find_fuzzy, FUZZY_MIN, out))
		out->kind = ANN_ANCHOR_FUZZY;
	else
		out->section = -1;
	folded_free(&pr.q);
	folded_free(&pr.p);
	folded_free(&pr.s);
}

size_t ann_find_quote(const struct document *doc, int section, const char *quote,
		      struct ann_anchor *where)
{
	struct probe pr = {0};
	struct cands c = {0};
	struct sectext t;
	size_t n;

	fold_text(quote, strlen(quote), false, &pr.q);
	sectext_init(&t, doc, section, true);
	find_exact(&t, &pr, &c);
	sectext_done(&t);
	if (c.n) {
		*where = c.v[0].at;
		where->kind = ANN_ANCHOR_EXACT;
	}
	n = c.n;
	free(c.v);
	folded_free(&pr.q);
	return n;
}

size_t ann_anchor_block(const struct document *doc, const struct ann_anchor *a)
{
	return a->item ? doc->sections[a->section].n_paras + a->index : a->index;
}

const char *ann_anchor_name(enum ann_anchor_kind k)
{
	static const char *const names[] = { "exact", "moved", "fuzzy", "orphaned" };

	return names[k];
}
