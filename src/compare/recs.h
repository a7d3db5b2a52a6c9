/* recs.h — the recommendation tracker: every recommendation a country
 * received, followed across editions.  A thread is one recommendation over
 * the years; each year it is first seen (no complete edition before to
 * compare with), new, kept, reworded (with its word diff against its last
 * wording), dropped, not in this excerpt (the edition is an excerpt that
 * lacks it: never "dropped"), or absent.  Each cell holds the
 * recommendation's whole text. */
#ifndef TIPR_RECS_H
#define TIPR_RECS_H

#include <stddef.h>

#include "compare/compare.h"
#include "content/document.h"
#include "style/theme.h"

enum rec_state {
	REC_ABSENT, REC_NEW, REC_KEPT, REC_REWORDED, REC_DROPPED, REC_FIRST_SEEN, REC_NOT_IN_EXCERPT,
};

struct rec_cell {
	enum rec_state state;
	const char *text;       /* the item's whole text this year (NULL when not there) */
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
/* "new", "kept", "reworded", "dropped", "absent", "first seen" or "not in
 * this excerpt". */
const char *rec_state_name(enum rec_state s);
/* The same in at most 9 columns, for a table's cells: "-" for absent,
 * "1st seen", "(excerpt)" for not in this excerpt, the name otherwise. */
const char *rec_state_short(enum rec_state s);
/* The theme role a state is drawn in, in the reader and in batch output. */
enum theme_role rec_state_role(enum rec_state s);
/* The thread's latest whole text. */
const char *rec_thread_text(const struct rec_tracker *t, size_t thread);

#endif
