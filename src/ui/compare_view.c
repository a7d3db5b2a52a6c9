/* compare_view.c — two editions side by side, scrolled together. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui.h"

/* Below this width the comparison is one column. */
enum { SIDE_BY_SIDE_MIN = 90 };

static bool is_inline(const struct app *app, size_t width)
{
	return app->cmp_inline || width < SIDE_BY_SIDE_MIN;
}

void compare_relayout(struct app *app)
{
	size_t w, h, keep_s = 0, keep_r = 0;
	bool had = app->cmp_lo.n > 0;

	if (!app->cmp)
		return;
	if (had && app->cmp_top < app->cmp_lo.n) {
		keep_s = app->cmp_lo.v[app->cmp_top].sec;
		keep_r = app->cmp_lo.v[app->cmp_top].row;
	}
	app_text_size(app, &w, &h);
	cmp_layout_free(&app->cmp_lo);
	cmp_layout_build(&app->cmp_lo, app->cmp, w, is_inline(app, w), !app->cmp_unfolded);
	compare_mark_notes(app);
	/* The same sentence stays at the top. */
	app->cmp_top = had ? cmp_layout_find(&app->cmp_lo, keep_s, keep_r) : 0;
}

void compare_mark_notes(struct app *app)
{
	const char *coll = tree_collection(app->tree)->name;

	if (!app->cmp || !app->notes)
		return;
	for (int right = 0; right < 2; right++) {
		struct ann_highlight *v;
		const struct document *doc = right ? app->cmp_b->doc : app->cmp_a->doc;
		size_t n = ann_resolve_document(app->notes, coll, doc, &v, NULL);

		for (size_t k = 0; k < n; k++) {
			const struct ann_anchor *a = &v[k].anchor;

			cmp_layout_mark(&app->cmp_lo, right, a->section, ann_anchor_block(doc, a), a->start, a->end,
					(unsigned char)(v[k].ann->color + 1));
		}
		free(v);
	}
}

static void build(struct app *app)
{
	comparison_free(app->cmp);
	cmp_layout_free(&app->cmp_lo);
	app->cmp = compare_documents(app->cmp_a->doc, app->cmp_b->doc);
	app->cmp_top = 0;
	compare_relayout(app);
}

bool compare_open(struct app *app, int year)
{
	struct collection *coll = tree_collection(app->tree);
	struct corpus_doc *other = NULL, *cur = app->open;
	const char *id;
	size_t first, n;

	if (!cur) {
		app_message(app, false, "Open a document first");
		return false;
	}
	n = collection_country_docs(coll, cur->slug, &first);
	if (year) {
		other = collection_find(coll, cur->slug, year);
	} else if (n > 1) {
		size_t at = (size_t)(cur - coll->docs);

		other = &coll->docs[at > first ? at - 1 : at + 1];
	}
	if (!other || other == cur) {
		if (year)
			app_message(app, true, "No %d edition for %s", year, tree_country_name(app->tree, cur->slug));
		else
			app_message(app, true, "%s has only one edition", tree_country_name(app->tree, cur->slug));
		return false;
	}
	if (!corpus_doc_load(other, &app->diags)) {
		app_message(app, true, "%s has errors (listed after you quit)", other->path);
		return false;
	}
	/* The older edition on the left. */
	app->cmp_a = other->year < cur->year ? other : cur;
	app->cmp_b = other->year < cur->year ? cur : other;
	build(app);
	/* It opens at the section being read. */
	id = app->pane == PANE_READER ? reading_section_id_at_top(&app->reading) : NULL;
	for (size_t s = 0; id && s < app->cmp->n_secs; s++)
		if (!strcmp(app->cmp->secs[s].id, id))
			app->cmp_top = cmp_layout_section(&app->cmp_lo, s);
	app->pane = PANE_COMPARE;
	app->focus = FOCUS_READER;
	app_message(app, false, "%d and %d: %.0f%% similar; n/N next change, s swap, i inline, z fold, q back",
		    app->cmp_a->year, app->cmp_b->year, app->cmp->similarity * 100);
	return true;
}

void compare_close(struct app *app)
{
	comparison_free(app->cmp);
	cmp_layout_free(&app->cmp_lo);
	app->cmp = NULL;
	app->pane = PANE_READER;
}

static void compare_draw(struct app *app, int y0, int x0, int h, int w)
{
	const struct cmp_layout *lo = &app->cmp_lo;
	int col = (int)cmp_layout_column(lo);

	if (app->cmp_top + (size_t)h > lo->n)
		app->cmp_top = lo->n > (size_t)h ? lo->n - (size_t)h : 0;
	for (int r = 0; r < h; r++) {
		size_t i = app->cmp_top + (size_t)r;
		const struct cmp_line *l = i < lo->n ? &lo->v[i] : NULL;
		int x = x0 + 1;

		draw_fill(y0 + r, x0, w, A_NORMAL);
		if (!l)
			continue;
		if (l->kind == CL_FOLD) {
			char note[96];
			int n = snprintf(note, sizeof(note), "\xe2\x8b\xaf %zu unchanged sentence%s (z unfolds) \xe2\x8b\xaf",
					 l->folded, l->folded == 1 ? "" : "s");

			draw_text(app, y0 + r, x, w - 1, note, (size_t)n, draw_attr(app, ROLE_HINT));
			continue;
		}
		if (l->kind == CL_HEADING || lo->inline_mode) {
			draw_styled(app, y0 + r, x, w - 1, &lo->left, lo->l_marks, l->l_start, l->l_end);
			continue;
		}
		draw_styled(app, y0 + r, x, col, &lo->left, lo->l_marks, l->l_start, l->l_end);
		if (l->kind == CL_ROW || l->kind == CL_BLANK)
			draw_text(app, y0 + r, x + col + 1, 1, "\xe2\x94\x82", 3, draw_attr(app, ROLE_BORDER));
		draw_styled(app, y0 + r, x + col + 3, w - col - 4, &lo->right, lo->r_marks, l->r_start, l->r_end);
	}
}

static void scroll_to(struct app *app, long top)
{
	long max = (long)app->cmp_lo.n - (long)(app->pane_rows > 0 ? app->pane_rows : 1);

	if (top > max)
		top = max;
	app->cmp_top = top < 0 ? 0 : (size_t)top;
}

static bool compare_action(struct app *app, enum action act)
{
	long page = app->pane_rows > 2 ? app->pane_rows - 2 : 1;
	size_t line;

	switch (act) {
	case ACT_DOWN:
	case ACT_UP:
		scroll_to(app, (long)app->cmp_top + (act == ACT_DOWN ? 1 : -1));
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		scroll_to(app, (long)app->cmp_top + (act == ACT_PAGE_DOWN ? page : -page));
		break;
	case ACT_HALF_DOWN:
	case ACT_HALF_UP:
		scroll_to(app, (long)app->cmp_top + (act == ACT_HALF_DOWN ? page / 2 : -page / 2));
		break;
	case ACT_TOP:
		app->cmp_top = 0;
		break;
	case ACT_BOTTOM:
		scroll_to(app, (long)app->cmp_lo.n);
		break;
	case ACT_NEXT_CHANGE:
	case ACT_PREV_CHANGE:
		if (cmp_layout_next_change(&app->cmp_lo, app->cmp_top, act == ACT_NEXT_CHANGE ? 1 : -1, &line))
			scroll_to(app, (long)line);
		else
			app_message(app, false, act == ACT_NEXT_CHANGE ? "No more changes" : "No earlier change");
		break;
	case ACT_SWAP: {
		struct corpus_doc *t = app->cmp_a;

		app->cmp_a = app->cmp_b;
		app->cmp_b = t;
		build(app);
		app_message(app, false, "%d on the left, %d on the right", app->cmp_a->year, app->cmp_b->year);
		break;
	}
	case ACT_INLINE:
		app->cmp_inline = !app->cmp_inline;
		compare_relayout(app);
		break;
	case ACT_FOLD:
		app->cmp_unfolded = !app->cmp_unfolded;
		compare_relayout(app);
		break;
	case ACT_CLOSE:
		compare_close(app);
		break;
	default:
		return false;
	}
	return true;
}

const struct view_ops compare_view = { "compare", compare_draw, compare_action };
