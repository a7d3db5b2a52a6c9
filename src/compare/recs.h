/* recs.h — the recommendation tracker: every recommendation a country
 * received, followed across editions.  A thread is one recommendation over
 * the years; each year it is new, kept, reworded (with its word diff against
 * the year before), dropped, or absent. */
#ifndef TIPR_RECS_H
#define TIPR_RECS_H

#include <stddef.h>

#include "compare/compare.h"
#include "content/document.h"

enum rec_state { REC_ABSENT, REC_NEW, REC_KEPT, REC_REWORDED, REC_DROPPED };

struct rec_cell {
	enum rec_state state;
	const char *text;       /* the item this year (NULL when absent or dropped) */
	size_t item;            /* its index in the year's recommendations */
	struct cmp_row diff;    /* REC_REWORDED: against the thread's previous text */
};

struct rec_thread {
	struct rec_cell *cells; /* one per year of the tracker */
};

struct rec_tracker {
	const struct document **docs; /* the editions, oldest first (not owned) */
	size_t n_years;
	struct rec_thread *threads;
	size_t n_threads, cap_threads;
};

/* Follows the recommendations of docs[0..n) (one country's editions, oldest
 * first).  Free with recs_free(). */
struct rec_tracker *recs_track(const struct document *const *docs, size_t n);
void recs_free(struct rec_tracker *t);
/* "new", "kept", "reworded", "dropped" or "absent". */
const char *rec_state_name(enum rec_state s);
/* The thread's latest text (for labels). */
const char *rec_thread_text(const struct rec_tracker *t, size_t thread);

#endif
