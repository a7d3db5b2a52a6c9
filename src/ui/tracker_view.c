/* tracker_view.c — a country's recommendations across editions: one row per
 * recommendation, one column per year, each recommendation's whole text
 * wrapped beside its cells (below them when the years take the width);
 * Enter shows the selected cell's text, or its rewording's diff. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/cmprender.h"
#include "compare/recs.h"
#include "text/textwrap.h"
#include "ui/app.h"
#include "ui/move.h"
#include "ui/views.h"

enum { CELL_COLS = 10, NUM_COLS = 5, DETAIL_ROWS = 7, TEXT_MIN = 30 };

struct tracker_view {
	struct rec_tracker *trk;
	struct corpus_doc **held; /* the pinned editions trk points into */
	size_t n_held;
	size_t row, col, top;
	bool detail;
};

static void release(struct tracker_view *tv)
{
	recs_free(tv->trk);
	tv->trk = NULL;
	for (size_t i = 0; i < tv->n_held; i++)
		corpus_doc_unpin(tv->held[i]);
	free(tv->held);
	tv->held = NULL;
	tv->n_held = 0;
}

static bool tracker_open(struct view *v, struct app *app)
{
	struct tracker_view *tv = v->priv;
	struct collection *coll = app_collection(app);
	const struct document **docs;
	size_t first, n, k = 0;

	if (!app->open) {
		app_message(app, false, "Open a document first");
		return false;
	}
	n = collection_country_docs(coll, app->open->slug, &first);
	release(tv);
	docs = xcalloc(n + 1, sizeof(*docs));
	tv->held = xcalloc(n + 1, sizeof(*tv->held));
	for (size_t i = 0; i < n; i++) {
		const struct document *d = corpus_doc_load(&coll->docs[first + i], &app->diags);

		if (d) {
			corpus_doc_pin(&coll->docs[first + i]);
			tv->held[k] = &coll->docs[first + i];
			docs[k++] = d;
		}
	}
	tv->n_held = k;
	tv->trk = recs_track(docs, k);
	free(docs);
	tv->row = tv->top = 0;
	tv->col = k ? k - 1 : 0;
	tv->detail = true;
	if (!tv->trk->n_threads)
		app_message(app, false, "No edition of %s has recommendations", tree_country_name(app->tree, app->open->slug));
	return true;
}

static void tracker_close(struct view *v, struct app *app)
{
	(void)app;
	release(v->priv);
}

static void tracker_done(struct view *v)
{
	tracker_close(v, NULL);
}

/* The selected cell's text, or for a rewording its diff, wrapped below the table. */
static void draw_detail(struct tracker_view *tv, struct app *app, struct rect r)
{
	const struct screen *scr = &app->scr;
	const struct rec_cell *c = &tv->trk->threads[tv->row].cells[tv->col];
	struct styled st = {0};
	struct wrap_line *lines;
	char head[96];
	size_t n;

	snprintf(head, sizeof(head), "%d: %s", tv->trk->docs[tv->col]->year, rec_state_name(c->state));
	draw_str(scr, r.y, r.x + 1, r.w - 1, head, draw_attr(scr, rec_state_role(c->state)));
	if (c->state == REC_REWORDED)
		cmp_render_inline(&c->diff, false, &st);
	else if (c->text)
		styled_add(&st, c->text, strlen(c->text), ROLE_TEXT);
	else
		styled_adds(&st, "Not in this edition.", ROLE_HINT);
	n = wrap_text(st.text.buf, st.text.len, (size_t)(r.w > 4 ? r.w - 3 : 1), &lines);
	for (size_t i = 0; i < n && (int)i + 1 < r.h; i++)
		draw_styled(scr, r.y + 1 + (int)i, r.x + 2, r.w - 3, &st, NULL, lines[i].start, lines[i].end);
	free(lines);
	styled_free(&st);
}

/* The table's shape at a width: which editions show (a window around the
 * selected one when they do not all fit), and where the text goes. */
struct shape {
	size_t first, n;  /* editions shown */
	int text_x, text_w; /* the text's column and width (beside or below the cells) */
	bool below;
};

static struct shape shape_at(const struct tracker_view *tv, int w)
{
	size_t years = tv->trk->n_years;
	int cells = w - 1 - NUM_COLS;
	struct shape sh = { 0, years, 0, 0, false };

	if ((int)years * CELL_COLS + TEXT_MIN <= cells) {
		sh.text_x = 1 + NUM_COLS + (int)years * CELL_COLS;
		sh.text_w = w - sh.text_x - 1;
		return sh;
	}
	sh.below = true;
	sh.text_x = 1 + NUM_COLS;
	sh.text_w = w - sh.text_x - 1;
	sh.n = cells / CELL_COLS > 0 ? (size_t)(cells / CELL_COLS) : 1;
	if (sh.n > years)
		sh.n = years;
	if (tv->col >= sh.n)
		sh.first = tv->col - sh.n + 1;
	return sh;
}

/* The lines of recommendation th's text at the shape's width. */
static size_t text_lines(const struct tracker_view *tv, size_t th, const struct shape *sh, struct wrap_line **lines)
{
	const char *text = rec_thread_text(tv->trk, th);

	return wrap_text(text, strlen(text), sh->text_w > 4 ? (size_t)sh->text_w : 4, lines);
}

/* Rows a recommendation takes. */
static int row_height(const struct tracker_view *tv, size_t th, const struct shape *sh)
{
	struct wrap_line *lines;
	size_t n = text_lines(tv, th, sh, &lines);

	free(lines);
	if (!n)
		n = 1;
	return (int)n + (sh->below ? 1 : 0);
}

static void draw_thread(struct tracker_view *tv, struct app *app, size_t th, const struct shape *sh, int y, int x,
			int h)
{
	const struct screen *scr = &app->scr;
	const struct rec_tracker *t = tv->trk;
	const char *text = rec_thread_text(t, th);
	attr_t ta = draw_attr(scr, th == tv->row ? ROLE_TITLE : ROLE_TEXT);
	struct wrap_line *lines;
	size_t n = text_lines(tv, th, sh, &lines);
	char buf[32];
	int cx = x + 1 + NUM_COLS;

	snprintf(buf, sizeof(buf), "%zu", th + 1);
	draw_str(scr, y, x + 1, NUM_COLS, buf, draw_attr(scr, ROLE_REC_NUMBER));
	for (size_t k = sh->first; k < sh->first + sh->n; k++, cx += CELL_COLS) {
		enum rec_state st = t->threads[th].cells[k].state;
		attr_t a = th == tv->row && k == tv->col ? draw_attr(scr, ROLE_TREE_SELECTED) : draw_attr(scr, rec_state_role(st));

		draw_str(scr, y, cx, CELL_COLS - 1, st == REC_ABSENT ? "-" : rec_state_short(st), a);
	}
	for (size_t i = 0; i < n && (int)i + (sh->below ? 1 : 0) < h; i++)
		draw_text(scr, y + (int)i + (sh->below ? 1 : 0), x + sh->text_x, sh->text_w, text + lines[i].start,
			  lines[i].end - lines[i].start, ta);
	free(lines);
}

static void tracker_draw(struct view *v, struct app *app, struct rect r)
{
	struct tracker_view *tv = v->priv;
	const struct screen *scr = &app->scr;
	const struct rec_tracker *t = tv->trk;
	struct shape sh;
	int table, y, used;
	char buf[32];

	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, A_NORMAL);
	if (!t->n_threads) {
		draw_str(scr, r.y + 1, r.x + 2, r.w - 2, "No edition of this country has recommendations.",
			 draw_attr(scr, ROLE_HINT));
		return;
	}
	sh = shape_at(tv, r.w);
	table = tv->detail && r.h > DETAIL_ROWS + 6 ? r.h - DETAIL_ROWS : r.h;
	draw_str(scr, r.y, r.x + 1, NUM_COLS, "#", draw_attr(scr, ROLE_HEADING));
	for (size_t k = sh.first; k < sh.first + sh.n; k++) {
		snprintf(buf, sizeof(buf), "%d", t->docs[k]->year);
		draw_str(scr, r.y, r.x + 1 + NUM_COLS + (int)(k - sh.first) * CELL_COLS, CELL_COLS, buf,
			 draw_attr(scr, ROLE_HEADING));
	}
	if (!sh.below)
		draw_str(scr, r.y, r.x + sh.text_x, sh.text_w, "recommendation (latest wording)", draw_attr(scr, ROLE_HEADING));
	/* The selected recommendation whole on screen, when it fits. */
	if (tv->row < tv->top)
		tv->top = tv->row;
	for (;;) {
		used = 0;
		for (size_t th = tv->top; th <= tv->row; th++)
			used += row_height(tv, th, &sh);
		if (used <= table - 1 || tv->top == tv->row)
			break;
		tv->top++;
	}
	for (size_t th = tv->top, y0 = 0; th < t->n_threads; th++) {
		int hgt = row_height(tv, th, &sh);

		y = r.y + 1 + (int)y0;
		if (y >= r.y + table)
			break;
		draw_thread(tv, app, th, &sh, y, r.x, r.y + table - y);
		y0 += (size_t)hgt;
	}
	if (table < r.h)
		draw_detail(tv, app, (struct rect){ r.y + table, r.x, r.h - table, r.w });
}

static bool tracker_action(struct view *v, struct app *app, enum action act, int key)
{
	struct tracker_view *tv = v->priv;
	const struct rec_tracker *t = tv->trk;

	(void)key;
	if (view_move(&tv->row, t->n_threads ? t->n_threads - 1 : 0, v->area.h, act))
		return true;
	switch (act) {
	case ACT_LEFT:
		if (tv->col)
			tv->col--;
		return true;
	case ACT_RIGHT:
		if (tv->col + 1 < t->n_years)
			tv->col++;
		return true;
	case ACT_DETAIL:
		tv->detail = !tv->detail;
		return true;
	case ACT_CLOSE:
		app_close_pane(app);
		return true;
	default:
		return false;
	}
}

static void tracker_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	struct tracker_view *tv = v->priv;

	(void)w;
	sb_adds(left, tree_country_name(app->tree, app->open->slug));
	sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
	sb_adds(left, "recommendations across editions");
	sb_addf(right, "%zu recommendations ", tv->trk->n_threads);
}

const struct view_ops tracker_view = {
	.name = "tracker",
	.keys = CTX_TRACKER,
	.priv_size = sizeof(struct tracker_view),
	.wide = true,
	.open = tracker_open,
	.close = tracker_close,
	.done = tracker_done,
	.draw = tracker_draw,
	.action = tracker_action,
	.status = tracker_status,
};
