/* tracker_view.c — a country's recommendations across editions: one row per
 * recommendation, one column per year; Enter shows a cell's text or diff. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/cmprender.h"
#include "text/textwrap.h"
#include "ui/ui.h"

enum { CELL_COLS = 10, NUM_COLS = 5, DETAIL_ROWS = 7 };

bool tracker_open(struct app *app)
{
	struct collection *coll = tree_collection(app->tree);
	const struct document **docs;
	size_t first, n, k = 0;

	if (!app->open) {
		app_message(app, false, "Open a document first");
		return false;
	}
	app_close_pane(app);
	n = collection_country_docs(coll, app->open->slug, &first);
	docs = xcalloc(n + 1, sizeof(*docs));
	for (size_t i = 0; i < n; i++) {
		const struct document *d = corpus_doc_load(&coll->docs[first + i], &app->diags);

		if (d)
			docs[k++] = d;
	}
	recs_free(app->trk);
	app->trk = recs_track(docs, k);
	free(docs);
	app->trk_row = app->trk_top = 0;
	app->trk_col = k ? k - 1 : 0;
	app->trk_detail = true;
	app->pane = PANE_TRACKER;
	app->focus = FOCUS_READER;
	if (!app->trk->n_threads)
		app_message(app, false, "No recommendations for %s", tree_country_name(app->tree, app->open->slug));
	return true;
}

void tracker_close(struct app *app)
{
	recs_free(app->trk);
	app->trk = NULL;
	app->pane = PANE_READER;
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
static void draw_detail(struct app *app, int y0, int x0, int h, int w)
{
	const struct rec_cell *c = &app->trk->threads[app->trk_row].cells[app->trk_col];
	struct styled st = {0};
	struct wrap_line *lines;
	char head[96];
	size_t n;

	snprintf(head, sizeof(head), "%d: %s", app->trk->docs[app->trk_col]->year, rec_state_name(c->state));
	draw_text(app, y0, x0 + 1, w - 1, head, strlen(head), draw_attr(app, state_role(c->state)));
	if (c->state == REC_REWORDED)
		cmp_render_inline(&c->diff, false, &st);
	else if (c->text)
		styled_add(&st, c->text, strlen(c->text), ANSI_RESET);
	else
		styled_adds(&st, "Not in this edition.", ANSI_DIM);
	n = wrap_text(st.text.buf, st.text.len, (size_t)(w > 4 ? w - 3 : 1), &lines);
	for (size_t i = 0; i < n && (int)i + 1 < h; i++)
		draw_styled(app, y0 + 1 + (int)i, x0 + 2, w - 3, &st, NULL, lines[i].start, lines[i].end);
	free(lines);
	styled_free(&st);
}

static void tracker_draw(struct app *app, int y0, int x0, int h, int w)
{
	const struct rec_tracker *t = app->trk;
	int table = app->trk_detail && h > DETAIL_ROWS + 4 ? h - DETAIL_ROWS : h;
	int rows = table - 1, label = w - NUM_COLS - CELL_COLS * (int)t->n_years - 2;
	char buf[32];

	for (int r = 0; r < h; r++)
		draw_fill(y0 + r, x0, w, A_NORMAL);
	draw_text(app, y0, x0 + 1, NUM_COLS, "#", 1, draw_attr(app, ROLE_HEADING));
	for (size_t y = 0; y < t->n_years; y++) {
		snprintf(buf, sizeof(buf), "%d", t->docs[y]->year);
		draw_text(app, y0, x0 + 1 + NUM_COLS + (int)y * CELL_COLS, CELL_COLS, buf, strlen(buf),
			  draw_attr(app, ROLE_HEADING));
	}
	if (label > 10)
		draw_text(app, y0, x0 + 1 + NUM_COLS + (int)t->n_years * CELL_COLS, label,
			  "recommendation (latest wording)", 31, draw_attr(app, ROLE_HEADING));
	if (app->trk_row < app->trk_top)
		app->trk_top = app->trk_row;
	if (rows > 0 && app->trk_row >= app->trk_top + (size_t)rows)
		app->trk_top = app->trk_row - (size_t)rows + 1;
	for (int r = 0; r < rows; r++) {
		size_t th = app->trk_top + (size_t)r;
		const char *text;
		int x = x0 + 1;

		if (th >= t->n_threads)
			break;
		snprintf(buf, sizeof(buf), "%zu", th + 1);
		draw_text(app, y0 + 1 + r, x, NUM_COLS, buf, strlen(buf), draw_attr(app, ROLE_REC_NUMBER));
		x += NUM_COLS;
		for (size_t y = 0; y < t->n_years; y++, x += CELL_COLS) {
			enum rec_state s = t->threads[th].cells[y].state;
			const char *name = rec_state_short(s);
			attr_t a = draw_attr(app, state_role(s));

			if (th == app->trk_row && y == app->trk_col)
				a = draw_attr(app, ROLE_TREE_SELECTED);
			draw_text(app, y0 + 1 + r, x, CELL_COLS - 1, name, strlen(name), a);
		}
		text = rec_thread_text(t, th);
		if (label > 10)
			draw_text(app, y0 + 1 + r, x, label, text, strlen(text),
				  draw_attr(app, th == app->trk_row ? ROLE_TITLE : ROLE_TEXT));
	}
	if (table < h && t->n_threads)
		draw_detail(app, y0 + table, x0, h - table, w);
}

static bool tracker_action(struct app *app, enum action act)
{
	const struct rec_tracker *t = app->trk;

	if (ui_list_move(&app->trk_row, t->n_threads, app->pane_rows, act))
		return true;
	switch (act) {
	case ACT_LEFT:
		if (app->trk_col)
			app->trk_col--;
		break;
	case ACT_RIGHT:
		if (app->trk_col + 1 < t->n_years)
			app->trk_col++;
		break;
	case ACT_DETAIL:
		app->trk_detail = !app->trk_detail;
		break;
	case ACT_CLOSE:
		tracker_close(app);
		break;
	default:
		return false;
	}
	return true;
}

const struct view_ops tracker_view = { "tracker", tracker_draw, tracker_action };
