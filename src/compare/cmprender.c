/* cmprender.c — comparison rows to styled text. */
#include "config.h"

#include "compare/cmprender.h"

#include <string.h>

#include "text/sentence.h"

static void marked(struct styled *st, const char *s, size_t len, enum theme_role role, bool marks)
{
	static const char *const open[] = { [ROLE_DELETE] = "[-", [ROLE_INSERT] = "{+", [ROLE_MOVED] = "[moved: " };
	static const char *const close[] = { [ROLE_DELETE] = "-]", [ROLE_INSERT] = "+}", [ROLE_MOVED] = "]" };

	if (marks && role < ARRAY_SIZE(open) && open[role])
		styled_adds(st, open[role], role);
	styled_add(st, s, len, role);
	if (marks && role < ARRAY_SIZE(close) && close[role])
		styled_adds(st, close[role], role);
}

/* One side of a row's word diff: shared words in role base, this side's
 * own words marked as deleted (left) or inserted (right). */
static void render_words(const struct cmp_row *row, bool right, bool marks, enum theme_role base,
			 struct styled *st)
{
	const char *text = right ? row->b : row->a;
	size_t len = right ? row->b_len : row->a_len, at = 0;

	for (size_t k = 0; k < row->n_words; k++) {
		const struct cmp_word *w = &row->words[k];
		struct span sp = right ? w->b : w->a;

		if ((right && w->op == WD_DEL) || (!right && w->op == WD_INS))
			continue;
		styled_add(st, text + at, sp.start - at, base);
		if (w->op == WD_SAME)
			styled_add(st, text + sp.start, sp.end - sp.start, base);
		else
			marked(st, text + sp.start, sp.end - sp.start, right ? ROLE_INSERT : ROLE_DELETE, marks);
		at = sp.end;
	}
	styled_add(st, text + at, len - at, base);
}

void cmp_render_side(const struct cmp_row *row, bool right, bool marks, struct styled *st)
{
	const char *text = right ? row->b : row->a;
	size_t len = right ? row->b_len : row->a_len;

	if (!text)
		return;
	switch (row->kind) {
	case CMP_SAME:
		styled_add(st, text, len, ROLE_TEXT);
		return;
	case CMP_REMOVED:
	case CMP_ADDED:
		marked(st, text, len, right ? ROLE_INSERT : ROLE_DELETE, marks);
		return;
	case CMP_NOT_IN_EXCERPT:
		styled_add(st, text, len, ROLE_HINT);
		return;
	case CMP_MOVED_OUT:
	case CMP_MOVED_IN:
		if (!row->n_words) {
			marked(st, text, len, ROLE_MOVED, marks);
			return;
		}
		/* Moved and reworded: the move around it, its word changes inside. */
		if (marks)
			styled_adds(st, "[moved: ", ROLE_MOVED);
		render_words(row, right, marks, ROLE_MOVED, st);
		if (marks)
			styled_adds(st, "]", ROLE_MOVED);
		return;
	case CMP_CHANGED:
		render_words(row, right, marks, ROLE_TEXT, st);
		return;
	}
}

void cmp_render_inline(const struct cmp_row *row, bool marks, struct styled *st)
{
	size_t at = 0;

	if (row->kind != CMP_CHANGED) {
		cmp_render_side(row, row->a == NULL, marks, st);
		return;
	}
	/* The new sentence's own spacing, with the deleted words put back where
	 * they were: after a space when they followed one in the old sentence. */
	for (size_t k = 0; k < row->n_words; k++) {
		const struct cmp_word *w = &row->words[k];

		if (w->op == WD_DEL) {
			if (sentence_space_before(row->a, 0, w->a.start) && st->text.len &&
			    !sentence_space_before(st->text.buf, 0, st->text.len))
				styled_adds(st, " ", ROLE_TEXT);
			marked(st, row->a + w->a.start, w->a.end - w->a.start, ROLE_DELETE, marks);
			continue;
		}
		styled_add(st, row->b + at, w->b.start - at, ROLE_TEXT);
		if (w->op == WD_SAME)
			styled_add(st, row->b + w->b.start, w->b.end - w->b.start, ROLE_TEXT);
		else
			marked(st, row->b + w->b.start, w->b.end - w->b.start, ROLE_INSERT, marks);
		at = w->b.end;
	}
	styled_add(st, row->b + at, row->b_len - at, ROLE_TEXT);
}
