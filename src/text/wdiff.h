/* wdiff.h — a diff of two token sequences (longest common subsequence),
 * bounded: beyond a cost cap the middle is given as one replacement. */
#ifndef TIPR_WDIFF_H
#define TIPR_WDIFF_H

#include <stddef.h>
#include <stdint.h>

enum wdiff_op { WD_SAME, WD_DEL, WD_INS };

/* A run of tokens: [a_start, a_end) of a and/or [b_start, b_end) of b. */
struct wdiff_edit {
	enum wdiff_op op;
	size_t a_start, a_end, b_start, b_end;
};

/* Diffs a[0..na) against b[0..nb) (tokens compared by their hashes).  When
 * the table the diff needs would exceed max_cells, the part between the
 * common prefix and suffix is reported as deleted and inserted whole.
 * Returns the number of edits; the caller frees *out. */
size_t wdiff(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t max_cells,
	     struct wdiff_edit **out);

#endif
