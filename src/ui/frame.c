/* frame.c — the screen, drawn through the views' operations (see frame.h). */
#include "config.h"

#include "ui/frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"

static void draw_too_small(struct app *app)
{
	const struct screen *scr = &app->scr;
	char msg[96];
	int n = snprintf(msg, sizeof(msg), "Enlarge the terminal: at least %dx%d (now %dx%d)", FRAME_MIN_COLS,
			 FRAME_MIN_ROWS, scr->cols, scr->rows);
	struct wrap_line *lines;
	size_t count;

	erase();
	/* In one column the only cell of the last line is the lower-right
	 * corner, and ncurses, writing that cell, reads the one before it. */
	if (scr->cols < 2)
		return;
	count = wrap_text(msg, (size_t)n, (size_t)scr->cols, &lines);
	for (size_t i = 0; i < count && (int)i < scr->rows; i++)
		draw_text(scr, (int)i, 0, scr->cols, msg + lines[i].start, lines[i].end - lines[i].start, A_BOLD);
	free(lines);
}

static void draw_view(struct app *app, struct view *v, struct rect r)
{
	v->area = r;
	v->ops->draw(v, app, r);
}

/* The place (collection › what the view says) on the left, the view's
 * figures on the right; a narrow line loses the collection's title first,
 * then the place is clipped, visibly. */
static void status_line(struct app *app, int y, int w)
{
	const struct screen *scr = &app->scr;
	attr_t a = draw_attr(scr, ROLE_STATUS);
	struct strbuf place = {0}, right = {0}, left = {0};
	const char *title = app_collection(app)->title;
	struct view *v = app->overlay ? app->overlay : app->pane;
	int rw;

	draw_fill(y, 0, w, a);
	if (v->ops->status)
		v->ops->status(v, app, &place, &right, w);
	sb_adds(&left, title);
	if (place.len) {
		sb_adds(&left, draw_glyph(scr, GLYPH_SEP));
		sb_add(&left, place.buf, place.len);
	}
	if (place.len && text_width(left.buf, left.len) + text_width(sb_str(&right), right.len) + 3 > (size_t)w) {
		sb_reset(&left);
		sb_add(&left, place.buf, place.len);
	}
	/* The figures stay whole; the place gives way. */
	rw = (int)text_width(sb_str(&right), right.len);
	if (rw > w - 24)
		rw = w > 24 ? w - 24 : 0;
	draw_text_clipped(scr, y, 1, w - rw - 2, sb_str(&left), left.len, a);
	if (rw)
		draw_text(scr, y, w - rw, rw, sb_str(&right), right.len, a);
	sb_free(&place);
	sb_free(&right);
	sb_free(&left);
}

/* As many hints as fit, whole and in rank order, and always the help's. */
static void draw_hints(struct app *app, int y, int w)
{
	const struct screen *scr = &app->scr;
	char hints[24][64], help[32];
	size_t n = keys_hints(app_context(app), hints, ARRAY_SIZE(hints));
	attr_t a = draw_attr(scr, ROLE_HINT);
	int x = 0, room;

	snprintf(help, sizeof(help), "%s help", keys_label(ACT_HELP, CTX_ANY));
	room = w - (int)strlen(help);
	for (size_t i = 0; i < n; i++) {
		int len = (int)strlen(hints[i]); /* ASCII: bytes are columns */

		if (x + len + 2 > room)
			break;
		x += draw_str(scr, y, x, len, hints[i], a) + 2;
	}
	draw_str(scr, y, x, w - x, help, a);
}

static void hint_line(struct app *app, int y, int w)
{
	const struct screen *scr = &app->scr;
	struct view *v = app_focused(app);
	char *note;

	draw_fill(y, 0, w, A_NORMAL);
	if (prompt_kind(app) != PROMPT_NONE) {
		prompt_draw(app, y, w);
		return;
	}
	if (app->msg.text) {
		draw_str(scr, y, 0, w, app->msg.text, draw_attr(scr, app->msg.error ? ROLE_ERROR : ROLE_MESSAGE));
		return;
	}
	if (v->ops->hints && (note = v->ops->hints(v, app))) {
		int used = draw_str(scr, y, 0, w, draw_glyph(scr, GLYPH_NOTE), draw_attr(scr, ROLE_NOTE_MARKER));

		used += draw_str(scr, y, used, w - used, " ", A_NORMAL);
		draw_text_clipped(scr, y, used, w - used, note, strlen(note), draw_attr(scr, ROLE_MESSAGE));
		free(note);
		return;
	}
	draw_hints(app, y, w);
}

void frame_draw(struct app *app)
{
	struct screen *scr = &app->scr;
	struct frame *f = &app->frame;

	getmaxyx(stdscr, scr->rows, scr->cols);
	if (scr->cols < FRAME_MIN_COLS || scr->rows < FRAME_MIN_ROWS) {
		draw_too_small(app);
	} else {
		app_layout(app);
		if (app->overlay) {
			draw_view(app, app->overlay, (struct rect){ 0, 0, f->pane_rows, scr->cols });
		} else {
			if (f->tree_cols) {
				draw_view(app, app->views.tree, (struct rect){ 0, 0, f->pane_rows, f->tree_cols });
				for (int y = 0; y < f->pane_rows; y++)
					draw_str(scr, y, f->tree_cols, 1, draw_glyph(scr, GLYPH_VBAR),
						 draw_attr(scr, ROLE_BORDER));
			}
			draw_view(app, app->pane, (struct rect){ 0, f->pane_x, f->pane_rows, scr->cols - f->pane_x });
		}
		status_line(app, scr->rows - 2, scr->cols);
		hint_line(app, scr->rows - 1, scr->cols);
	}
	wnoutrefresh(stdscr);
	doupdate();
	f->first_out = true;
	if (f->again) {
		f->again = false;
		frame_draw(app);
	}
}
