/* recs.c — matching recommendations from one edition to the next. */
#include "config.h"

#include "compare/recs.h"

#include <stdlib.h>
#include <string.h>

#include "text/fold.h"
#include "base/util.h"

/* Word similarity that makes a recommendation the same one reworded. */
#define REWORDED_THRESHOLD 0.5

const char *rec_state_name(enum rec_state s)
{
	static const char *const names[] = { "absent", "new", "kept", "reworded", "dropped", "first seen",
					     "not in this excerpt" };

	return s < ARRAY_SIZE(names) ? names[s] : "";
}

const char *rec_state_short(enum rec_state s)
{
	return s == REC_ABSENT ? "-" : s == REC_NOT_IN_EXCERPT ? "(excerpt)" : s == REC_FIRST_SEEN ? "1st seen"
											: rec_state_name(s);
}

enum theme_role rec_state_role(enum rec_state s)
{
	switch (s) {
	case REC_NEW:
		return ROLE_INSERT;
	case REC_REWORDED:
		return ROLE_MOVED;
	case REC_DROPPED:
		return ROLE_DELETE;
	case REC_ABSENT:
	case REC_NOT_IN_EXCERPT:
		return ROLE_HINT;
	case REC_FIRST_SEEN: /* not news: it was there before the first edition read */
		return ROLE_META;
	default:
		return ROLE_TEXT;
	}
}

static const struct section *recs_of(const struct document *doc)
{
	return document_section(doc, "recommendations");
}

static size_t new_thread(struct rec_tracker *t)
{
	GROW(t->threads, t->cap_threads, t->n_threads + 1);
	t->threads[t->n_threads].cells = xcalloc(t->n_years + 1, sizeof(struct rec_cell));
	return t->n_threads++;
}

/* The thread's last text before year y, and the year it had it. */
static const char *last_text(const struct rec_tracker *t, size_t thread, size_t y, size_t *at)
{
	for (size_t k = y; k-- > 0;)
		if (t->threads[thread].cells[k].text) {
			*at = k;
			return t->threads[thread].cells[k].text;
		}
	return NULL;
}

static bool same_text(const char *a, const char *b)
{
	char *fa = fold_dup(a), *fb = fold_dup(b);
	bool same = !strcmp(fa, fb);

	free(fa);
	free(fb);
	return same;
}

struct candidate {
	size_t thread, item;
	double sim;
};

static int by_similarity(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	return x->sim < y->sim ? 1 : x->sim > y->sim ? -1 : 0;
}

/* Whether a complete edition comes before year y: without one, nothing is
 * known to be new. */
static bool complete_before(const struct rec_tracker *t, size_t y)
{
	for (size_t k = 0; k < y; k++)
		if (t->docs[k]->complete)
			return true;
	return false;
}

/* Whether the thread stood in the last edition before y, or in the last
 * complete one with only excerpts lacking it since. */
static bool alive(const struct rec_tracker *t, size_t thread, size_t y)
{
	const struct rec_cell *prev = y ? &t->threads[thread].cells[y - 1] : NULL;

	return prev && (prev->text || prev->state == REC_NOT_IN_EXCERPT);
}

/* Year y: each item continues the thread it matches best (exactly, then by
 * similarity, live threads first, then older ones); the rest start threads,
 * "first seen" while no complete edition came before; live threads left
 * unmatched are dropped, or not in this excerpt when the edition is one. */
static void track_year(struct rec_tracker *t, size_t y)
{
	const struct section *sec = recs_of(t->docs[y]);
	size_t n_items = sec ? sec->n_items : 0, n_threads = t->n_threads;
	bool *taken = xcalloc(n_items + 1, sizeof(bool)), *matched = xcalloc(n_threads + 1, sizeof(bool));
	struct candidate *cand = NULL;
	size_t n_cand = 0, cap_cand = 0;

	for (int pass = 0; pass < 2; pass++) {
		/* Pass 0: exact text; pass 1: similar text. */
		n_cand = 0;
		for (size_t th = 0; th < n_threads; th++) {
			size_t at;
			const char *prev = last_text(t, th, y, &at);

			if (matched[th] || !prev)
				continue;
			for (size_t i = 0; i < n_items; i++) {
				double sim;

				if (taken[i])
					continue;
				sim = pass == 0 ? (same_text(prev, sec->items[i]) ? 1.0 : 0.0)
						: text_similarity(prev, strlen(prev), sec->items[i], strlen(sec->items[i]));
				/* A thread quiet for a while needs stronger evidence. */
				if (sim < (pass == 0 ? 1.0 : alive(t, th, y) ? REWORDED_THRESHOLD : 0.6))
					continue;
				GROW(cand, cap_cand, n_cand + 1);
				cand[n_cand++] = (struct candidate){ th, i, sim };
			}
		}
		if (n_cand)
			qsort(cand, n_cand, sizeof(*cand), by_similarity);
		for (size_t k = 0; k < n_cand; k++) {
			struct rec_cell *cell;
			size_t at;
			const char *prev;

			if (matched[cand[k].thread] || taken[cand[k].item])
				continue;
			matched[cand[k].thread] = taken[cand[k].item] = true;
			cell = &t->threads[cand[k].thread].cells[y];
			prev = last_text(t, cand[k].thread, y, &at);
			cell->text = sec->items[cand[k].item];
			cell->item = cand[k].item;
			if (pass == 0) {
				cell->state = REC_KEPT;
			} else {
				cell->state = REC_REWORDED;
				compare_pair(&cell->diff, prev, strlen(prev), cell->text, strlen(cell->text));
			}
		}
	}
	for (size_t th = 0; th < n_threads; th++)
		if (!matched[th] && alive(t, th, y))
			t->threads[th].cells[y].state = t->docs[y]->complete ? REC_DROPPED : REC_NOT_IN_EXCERPT;
	for (size_t i = 0; i < n_items; i++) {
		size_t th;

		if (taken[i])
			continue;
		th = new_thread(t);
		t->threads[th].cells[y] = (struct rec_cell){
			.state = complete_before(t, y) ? REC_NEW : REC_FIRST_SEEN, .text = sec->items[i], .item = i
		};
	}
	free(cand);
	free(taken);
	free(matched);
}

static int by_first_appearance(const void *a, const void *b, void *arg)
{
	const struct rec_thread *x = a, *y = b;
	size_t n = *(const size_t *)arg;

	for (size_t k = 0; k < n; k++) {
		bool hx = x->cells[k].text != NULL, hy = y->cells[k].text != NULL;

		if (hx != hy)
			return hx ? -1 : 1;
		if (hx)
			return x->cells[k].item < y->cells[k].item ? -1 : x->cells[k].item > y->cells[k].item;
	}
	return 0;
}

struct rec_tracker *recs_track(const struct document *const *docs, size_t n)
{
	struct rec_tracker *t = xcalloc(1, sizeof(*t));

	t->docs = xcalloc(n + 1, sizeof(*t->docs));
	memcpy(t->docs, docs, n * sizeof(*docs));
	t->n_years = n;
	for (size_t y = 0; y < n; y++)
		track_year(t, y);
	/* Threads in the order the reports first list them. */
	if (t->n_threads)
		qsort_r(t->threads, t->n_threads, sizeof(*t->threads), by_first_appearance, &t->n_years);
	return t;
}

void recs_free(struct rec_tracker *t)
{
	if (!t)
		return;
	for (size_t th = 0; th < t->n_threads; th++) {
		for (size_t y = 0; y < t->n_years; y++)
			free(t->threads[th].cells[y].diff.words);
		free(t->threads[th].cells);
	}
	free(t->threads);
	free(t->docs);
	free(t);
}

const char *rec_thread_text(const struct rec_tracker *t, size_t thread)
{
	for (size_t y = t->n_years; y-- > 0;)
		if (t->threads[thread].cells[y].text)
			return t->threads[thread].cells[y].text;
	return "";
}
