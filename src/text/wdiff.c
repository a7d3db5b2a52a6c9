/* wdiff.c — LCS diff of token sequences, with prefix/suffix trimming. */
#include "config.h"

#include "text/wdiff.h"

#include <stdlib.h>

#include "base/util.h"

struct edits {
	struct wdiff_edit *v;
	size_t n, cap;
};

/* Appends an edit, merging it into the previous one of the same kind. */
static void add(struct edits *e, enum wdiff_op op, size_t a0, size_t a1, size_t b0, size_t b1)
{
	struct wdiff_edit *last = e->n ? &e->v[e->n - 1] : NULL;

	if (a0 == a1 && b0 == b1)
		return;
	if (last && last->op == op && last->a_end == a0 && last->b_end == b0) {
		last->a_end = a1;
		last->b_end = b1;
		return;
	}
	GROW(e->v, e->cap, e->n + 1);
	e->v[e->n++] = (struct wdiff_edit){ op, a0, a1, b0, b1 };
}

size_t wdiff(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t max_cells,
	     struct wdiff_edit **out)
{
	struct edits e = {0};
	size_t pre = 0, suf = 0, n, m;

	while (pre < na && pre < nb && a[pre] == b[pre])
		pre++;
	while (suf < na - pre && suf < nb - pre && a[na - 1 - suf] == b[nb - 1 - suf])
		suf++;
	add(&e, WD_SAME, 0, pre, 0, pre);
	n = na - pre - suf;
	m = nb - pre - suf;
	if (n && m && (n + 1) * (m + 1) <= max_cells) {
		/* lcs[i][j]: LCS length of a[pre+i..] and b[pre+j..]. */
		uint32_t *lcs = xcalloc((n + 1) * (m + 1), sizeof(*lcs));
		size_t i = 0, j = 0;

#define L(i, j) lcs[(i) * (m + 1) + (j)]
		for (size_t x = n; x-- > 0;)
			for (size_t y = m; y-- > 0;)
				L(x, y) = a[pre + x] == b[pre + y] ? L(x + 1, y + 1) + 1
				       : L(x + 1, y) >= L(x, y + 1) ? L(x + 1, y) : L(x, y + 1);
		while (i < n || j < m) {
			if (i < n && j < m && a[pre + i] == b[pre + j]) {
				add(&e, WD_SAME, pre + i, pre + i + 1, pre + j, pre + j + 1);
				i++;
				j++;
			} else if (i < n && (j == m || L(i + 1, j) >= L(i, j + 1))) {
				add(&e, WD_DEL, pre + i, pre + i + 1, pre + j, pre + j);
				i++;
			} else {
				add(&e, WD_INS, pre + i, pre + i, pre + j, pre + j + 1);
				j++;
			}
		}
#undef L
		free(lcs);
	} else {
		add(&e, WD_DEL, pre, pre + n, pre, pre);
		add(&e, WD_INS, pre + n, pre + n, pre, pre + m);
	}
	add(&e, WD_SAME, na - suf, na, nb - suf, nb);
	*out = e.v;
	return e.n;
}
