/* tracker_view.c — a country's recommendations across editions: one row per
 * recommendation, one column per year; Enter shows a cell's text or diff. */
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

enum { CELL_COLS = 10, NUM_COLS = 5, DETAIL_ROWS = 7 };

struct tracker_view {
	struct rec_tracker *trk;
	size_t row, col, top;
	bool detail;
};

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
	docs = xcalloc(n + 1, sizeof(*docs));
	for (size_t i = 0; i < n; i++) {
		const struct document *d = corpus_doc_load(&coll->docs[first + i], &app->diags);

		if (d)
			docs[k++] = d;
	}
	recs_free(tv->trk);
	tv->trk = recs_track(docs, k);
	free(docs);
	tv->row = tv->top = 0;
	tv->col = k ? k - 1 : 0;
	tv->detail = true;
	if (!tv->trk->n_threads)
		app_message(app, false, "No recommendations for %s", tree_country_name(app->tree, app->open->slug));
	return true;
}

static void tracker_close(struct view *v, struct app *app)
{
	struct tracker_view *tv = v->priv;

	(void)app;
	recs_free(tv->trk);
	tv->trk = NULL;
}

static void tracker_done(struct view *v)
{
	tracker_close(v, NULL);
}

static enum theme_role state_role(enum rec_state s)
{
	switch (s) {
	case REC_NEW:
		return ROLE_INSERT;
	case REC_REWORDED:
		return ROLE_MOVED;
	case REC_DROPPED:
		return ROLE_DELETE;
	case REC_ABSENT:
		return ROLE_HINT;
	default:
		return ROLE_TEXT;
	}
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
	draw_str(scr, r.y, r.x + 1, r.w - 1, head, draw_attr(scr, state_role(c->state)));
	if (c->state == REC_REWORDED)
		cmp_render_inline(&c->diff, false, &st);
	else if (c->text)
		styled_add(&st, c->text, strlen(c->text), ANSI_RESET);
	else
		styled_adds(&st, "Not in this edition.", ANSI_DIM);
	n = wrap_text(st.text.buf, st.text.len, (size_t)(r.w > 4 ? r.w - 3 : 1), &lines);
	for (size_t i = 0; i < n && (int)i + 1 < r.h; i++)
		draw_styled(scr, r.y + 1 + (int)i, r.x + 2, r.w - 3, &st, NULL, lines[i].start, lines[i].end);
	free(lines);
	styled_free(&st);
}

static void tracker_draw(struct view *v, struct app *app, struct rect r)
{
	struct tracker_view *tv = v->priv;
	const struct screen *scr = &app->scr;
	const struct rec_tracker *t = tv->trk;
	int table = tv->detail && r.h > DETAIL_ROWS + 4 ? r.h - DETAIL_ROWS : r.h;
	int rows = table - 1, label = r.w - NUM_COLS - CELL_COLS * (int)t->n_years - 2;
	char buf[32];

	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, A_NORMAL);
	draw_str(scr, r.y, r.x + 1, NUM_COLS, "#", draw_attr(scr, ROLE_HEADING));
	for (size_t y = 0; y < t->n_years; y++) {
		snprintf(buf, sizeof(buf), "%d", t->docs[y]->year);
		draw_str(scr, r.y, r.x + 1 + NUM_COLS + (int)y * CELL_COLS, CELL_COLS, buf, draw_attr(scr, ROLE_HEADING));
	}
	if (label > 10)
		draw_str(scr, r.y, r.x + 1 + NUM_COLS + (int)t->n_years * CELL_COLS, label,
			 "recommendation (latest wording)", draw_attr(scr, ROLE_HEADING));
	if (tv->row < tv->top)
		tv->top = tv->row;
	if (rows > 0 && tv->row >= tv->top + (size_t)rows)
		tv->top = tv->row - (size_t)rows + 1;
	for (int i = 0; i < rows; i++) {
		size_t th = tv->top + (size_t)i;
		const char *text;
		int x = r.x + 1;

		if (th >= t->n_threads)
			break;
		snprintf(buf, sizeof(buf), "%zu", th + 1);
		draw_str(scr, r.y + 1 + i, x, NUM_COLS, buf, draw_attr(scr, ROLE_REC_NUMBER));
		x += NUM_COLS;
		for (size_t y = 0; y < t->n_years; y++, x += CELL_COLS) {
			enum rec_state s = t->threads[th].cells[y].state;
			const char *name = s == REC_ABSENT ? "-" : rec_state_name(s);
			attr_t a = draw_attr(scr, state_role(s));

			if (th == tv->row && y == tv->col)
				a = draw_attr(scr, ROLE_TREE_SELECTED);
			draw_str(scr, r.y + 1 + i, x, CELL_COLS - 1, name, a);
		}
		text = rec_thread_text(t, th);
		if (label > 10)
			draw_str(scr, r.y + 1 + i, x, label, text, draw_attr(scr, th == tv->row ? ROLE_TITLE : ROLE_TEXT));
	}
	if (table < r.h && t->n_threads)
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

static enum key_context tracker_context(struct view *v, struct app *app)
{
	(void)v;
	(void)app;
	return CTX_TRACKER;
}

const struct view_ops tracker_view = {
	.name = "tracker",
	.priv_size = sizeof(struct tracker_view),
	.open = tracker_open,
	.close = tracker_close,
	.done = tracker_done,
	.draw = tracker_draw,
	.action = tracker_action,
	.status = tracker_status,
	.context = tracker_context,
};
