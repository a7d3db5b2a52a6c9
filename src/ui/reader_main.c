/* reader_main.c — the reader: options, start-up, the frame, key dispatch,
 * and the script mode that drives it without a terminal for tests. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "base/arena.h"
#include "cli/commands.h"
#include "base/paths.h"
#include "reader/session.h"
#include "text/textwrap.h"
#include "ui/ui.h"
#include "base/utf8.h"
#include "base/yamltree.h"

enum { MIN_COLS = 30, MIN_ROWS = 6, MIN_TEXT_COLS = 30, MIN_TREE_COLS = 16, DEFAULT_TREE_COLS = 28,
       WHEEL_LINES = 3 };

/* A key: a curses function key (KEY_*) or a character. */
struct input {
	bool fkey;
	int code;
};

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	free(app->message);
	va_start(ap, fmt);
	app->message = xvasprintf(fmt, ap);
	va_end(ap);
	app->message_is_error = error;
}

bool ui_list_move(size_t *sel, size_t count, int page, enum action act)
{
	size_t last = count ? count - 1 : 0, step = page > 3 ? (size_t)page - 2 : 1;

	switch (act) {
	case ACT_DOWN:
		*sel = *sel < last ? *sel + 1 : last;
		return true;
	case ACT_UP:
		*sel = *sel ? *sel - 1 : 0;
		return true;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		step = act == ACT_HALF_DOWN ? step / 2 + 1 : step;
		*sel = *sel + step < last ? *sel + step : last;
		return true;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		step = act == ACT_HALF_UP ? step / 2 + 1 : step;
		*sel = *sel > step ? *sel - step : 0;
		return true;
	case ACT_TOP:
		*sel = 0;
		return true;
	case ACT_BOTTOM:
		*sel = last;
		return true;
	default:
		return false;
	}
}

/* The tree's width on this terminal: the user's, narrowed to leave the text
 * room on small screens; 0 when hidden or when there is no room. */
static int tree_cols(const struct app *app)
{
	int w = app->tree_width < app->cols * 2 / 5 ? app->tree_width : app->cols * 2 / 5;

	if (w < MIN_TREE_COLS)
		w = MIN_TREE_COLS;
	return !app->tree_hidden && app->cols - w - 1 >= MIN_TEXT_COLS ? w : 0;
}

static bool tree_shown(const struct app *app)
{
	return tree_cols(app) > 0;
}

void app_text_size(const struct app *app, size_t *width, size_t *height)
{
	int w = app->cols - (tree_shown(app) ? tree_cols(app) + 1 : 0) - 2;
	int h = app->rows - 2;

	*width = w > 20 ? (size_t)w : 20;
	*height = h > 1 ? (size_t)h : 1;
}

static void refit(struct app *app)
{
	size_t w, h;

	app_text_size(app, &w, &h);
	reading_resize(&app->reading, w, h);
	compare_relayout(app);
}

/* Shows the first problem added to app->diags since index from, as
 * FILE:LINE:COL, on the status line; all of them are printed after exit. */
static void first_problem_message(struct app *app, size_t from, const char *consequence)
{
	char *text = diag_format(&app->diags.v[from]);

	app_message(app, true, "%s %s", text, consequence);
	free(text);
}

void app_close_pane(struct app *app)
{
	switch (app->pane) {
	case PANE_COMPARE:
		compare_close(app);
		break;
	case PANE_TRACKER:
		tracker_close(app);
		break;
	case PANE_RESULTS:
		results_close(app);
		break;
	case PANE_NOTES:
		notes_list_close(app);
		break;
	case PANE_READER:
		break;
	}
	selection_clear(&app->sel);
}

bool app_open(struct app *app, struct corpus_doc *e, int section)
{
	size_t before = app->diags.n;
	const struct document *doc = corpus_doc_load(e, &app->diags);
	char *query;
	size_t w, h;

	if (!doc) {
		/* The first problem as FILE:LINE:COL; all of them after exit. */
		if (app->diags.n > before)
			first_problem_message(app, before, "(all problems are listed when you quit)");
		else
			app_message(app, true, "%s has errors: see them after you quit (tipr check lists them)",
				    e->path);
		return false;
	}
	/* While comparing, another edition of the country from the tree becomes
	 * the other side; anything else ends the comparison or the tracker. */
	if (app->pane == PANE_COMPARE && !strcmp(e->slug, app->cmp_a->slug) && e != app->cmp_a &&
	    e != app->cmp_b) {
		compare_open(app, e->year);
		return true;
	}
	app_close_pane(app);
	query = app->reading.query ? xstrdup(app->reading.query) : NULL;
	app_text_size(app, &w, &h);
	reading_open(&app->reading, doc, tree_country_name(app->tree, e->slug), w, h);
	app->open = e;
	app->marks.current = MARKS_NONE;
	notes_reload(app);
	if (app->marks.orphans && !app->message)
		app_message(app, false, "%zu annotation%s of this narrative no longer match%s its text: L lists %s",
			    app->marks.orphans, app->marks.orphans == 1 ? "" : "s",
			    app->marks.orphans == 1 ? "es" : "", app->marks.orphans == 1 ? "it" : "them");
	if (section >= 0)
		reading_goto_section(&app->reading, section);
	/* A search goes on in the next document. */
	if (query)
		reading_search(&app->reading, query, app->reading.top);
	free(query);
	return true;
}

void app_switch_year(struct app *app, int dir)
{
	struct corpus_doc *next;
	char *id;

	if (!app->open) {
		app_message(app, false, "Open a document first");
		return;
	}
	if (!(next = tree_adjacent_edition(app->tree, app->open, dir))) {
		app_message(app, false, "No %s edition for %s", dir > 0 ? "later" : "earlier",
			    tree_country_name(app->tree, app->open->slug));
		return;
	}
	/* The section is kept by its id: editions number their sections differently. */
	id = reading_section_id_at_top(&app->reading) ? xstrdup(reading_section_id_at_top(&app->reading))
						       : NULL;
	if (app_open(app, next, -1)) {
		if (id && !reading_goto_section_id(&app->reading, id))
			app_message(app, false, "No %s section in this edition", id);
		tree_reveal(app->tree, next->slug, next->year, reading_section_at_top(&app->reading),
			    &app->diags);
	}
	free(id);
}

/* --- the frame ------------------------------------------------------------ */

static void draw_too_small(struct app *app)
{
	char msg[96];
	int n = snprintf(msg, sizeof(msg), "Enlarge the terminal: at least %dx%d (now %dx%d)", MIN_COLS,
			 MIN_ROWS, app->cols, app->rows);
	struct wrap_line *lines;
	size_t count;

	erase();
	/* In one column the only cell of the last line is the lower-right
	 * corner, and ncurses, writing that cell, reads the one before it. */
	if (app->cols < 2)
		return;
	count = wrap_text(msg, (size_t)n, (size_t)app->cols, &lines);
	for (size_t i = 0; i < count && (int)i < app->rows; i++)
		draw_text(app, (int)i, 0, app->cols, msg + lines[i].start, lines[i].end - lines[i].start, A_BOLD);
	free(lines);
}

/* The view in the right-hand pane. */
static const struct view_ops *pane_view(const struct app *app)
{
	switch (app->pane) {
	case PANE_COMPARE:
		return &compare_view;
	case PANE_TRACKER:
		return &tracker_view;
	case PANE_RESULTS:
		return &results_view;
	case PANE_NOTES:
		return &notes_view;
	default:
		return app->sel.active ? &visual_view : &reader_view;
	}
}

void app_redraw(struct app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	if (app->cols < MIN_COLS || app->rows < MIN_ROWS) {
		draw_too_small(app);
	} else {
		app->pane_rows = app->rows - 2;
		app->tree_cols = 0;
		if (app->help) {
			help_view.draw(app, 0, 0, app->pane_rows, app->cols);
		} else {
			int x = 0;

			if (tree_shown(app)) {
				app->tree_cols = tree_cols(app);
				tree_view.draw(app, 0, 0, app->pane_rows, app->tree_cols);
				for (int y = 0; y < app->pane_rows; y++)
					draw_text(app, y, app->tree_cols, 1, app->ascii_only ? "|" : "\xe2\x94\x82",
						  app->ascii_only ? 1 : 3, draw_attr(app, ROLE_BORDER)); /* │ */
				x = app->tree_cols + 1;
			}
			pane_view(app)->draw(app, 0, x, app->pane_rows, app->cols - x);
		}
		status_draw(app, app->rows - 2, app->cols);
		hint_draw(app, app->rows - 1, app->cols);
	}
	wnoutrefresh(stdscr);
	doupdate();
	if (app->badges_later) {
		app->badges_later = false;
		if (app->badges_pending)
			app_redraw(app);
	}
}

/* --- the prompt ----------------------------------------------------------- */

static void prompt_changed(struct app *app)
{
	const char *text = app->input.len ? app->input.buf : "";
	struct reading *r = &app->reading;

	switch (app->prompt) {
	case PROMPT_COMPARE:
	case PROMPT_NOTE:
		return;
	case PROMPT_SEARCH_ALL:
		results_update(app);
		return;
	case PROMPT_NOTES_FILTER:
		free(app->nl_filter);
		app->nl_filter = *text ? xstrdup(text) : NULL;
		notes_list_reload(app);
		if (*text && !app->nl_n)
			app_message(app, true, "No annotation matches \"%s\"", text);
		return;
	case PROMPT_FILTER:
		tree_set_filter(app->tree, text);
		if (*text && !tree_n_rows(app->tree))
			app_message(app, true, "No country matches \"%s\"", text);
		return;
	default:
		break;
	}
	reading_set_top(r, app->search_origin);
	if (!reading_search(r, text, app->search_origin)) {
		if (*text)
			app_message(app, true, "No match for \"%s\"", text);
		return;
	}
	if (app->prompt == PROMPT_SEARCH_BACK && reading_match_line(r, r->current) >= app->search_origin)
		r->current = (r->current + r->n_matches - 1) % r->n_matches;
	reading_show_current(r);
	app_message(app, false, "Match %zu of %zu", r->current + 1, r->n_matches);
}

static void start_prompt(struct app *app, enum prompt_kind kind)
{
	app->prompt = kind;
	sb_reset(&app->input);
	if (kind == PROMPT_FILTER) {
		sb_adds(&app->input, tree_filter(app->tree));
		if (!app->input.len)
			sb_reset(&app->input);
	}
	app->input_cursor = app->input.len;
	app->search_origin = app->reading.top;
}

/* Esc: back where the search started, the whole tree or list, or back to
 * the selection the note was for. */
static void prompt_cancel(struct app *app)
{
	switch (app->prompt) {
	case PROMPT_SEARCH_ALL:
		results_close(app);
		break;
	case PROMPT_FILTER:
		tree_set_filter(app->tree, "");
		break;
	case PROMPT_NOTES_FILTER:
		free(app->nl_filter);
		app->nl_filter = NULL;
		notes_list_reload(app);
		break;
	case PROMPT_COMPARE:
	case PROMPT_NOTE:
		break;
	default:
		reading_search(&app->reading, "", 0);
		reading_set_top(&app->reading, app->search_origin);
		break;
	}
	app->prompt = PROMPT_NONE;
	free(app->message);
	app->message = NULL;
}

/* The start of the code point before byte i of the input. */
static size_t input_prev(const struct app *app, size_t i)
{
	while (i > 0 && ((unsigned char)app->input.buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t input_next(const struct app *app, size_t i)
{
	int32_t cp;
	size_t k;

	if (i >= app->input.len)
		return app->input.len;
	k = utf8_next(app->input.buf + i, app->input.len - i, &cp);
	return i + (k ? k : 1);
}

/* Deletes bytes [a, b) of the input and puts the cursor at a. */
static void input_delete(struct app *app, size_t a, size_t b)
{
	if (b <= a)
		return;
	memmove(app->input.buf + a, app->input.buf + b, app->input.len - b + 1);
	app->input.len -= b - a;
	app->input_cursor = a;
}

/* Editing keys of the prompt line (as readline has them); true when the
 * text changed (not when only the cursor moved). */
static bool prompt_edit(struct app *app, struct input in)
{
	size_t c = app->input_cursor, k;
	int code = in.code;

	if (in.fkey) {
		switch (code) {
		case KEY_BACKSPACE:
			input_delete(app, input_prev(app, c), c);
			return c > 0;
		case KEY_DC:
			input_delete(app, c, input_next(app, c));
			return c < app->input.len;
		case KEY_LEFT:
			app->input_cursor = input_prev(app, c);
			break;
		case KEY_RIGHT:
			app->input_cursor = input_next(app, c);
			break;
		case KEY_HOME:
			app->input_cursor = 0;
			break;
		case KEY_END:
			app->input_cursor = app->input.len;
			break;
		default:
			return false;
		}
		return false;
	}
	switch (code) {
	case 127:
	case 8:
		input_delete(app, input_prev(app, c), c);
		return c > 0;
	case 'a' & 0x1f:
		app->input_cursor = 0;
		return false;
	case 'e' & 0x1f:
		app->input_cursor = app->input.len;
		return false;
	case 'b' & 0x1f:
		app->input_cursor = input_prev(app, c);
		return false;
	case 'f' & 0x1f:
		app->input_cursor = input_next(app, c);
		return false;
	case 'd' & 0x1f:
		input_delete(app, c, input_next(app, c));
		return c < app->input.len;
	case 'u' & 0x1f:
		input_delete(app, 0, c);
		return c > 0;
	case 'k' & 0x1f:
		k = app->input.len;
		input_delete(app, c, k);
		return c < k;
	case 'w' & 0x1f:
		/* The word before the cursor, and the spaces after it. */
		k = c;
		while (k > 0 && app->input.buf[k - 1] == ' ')
			k--;
		while (k > 0 && app->input.buf[k - 1] != ' ')
			k = input_prev(app, k);
		input_delete(app, k, c);
		return k < c;
	default:
		break;
	}
	if (code >= 0x20 && code != 0x7F && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF) &&
	    app->input.len < (app->prompt == PROMPT_NOTE ? 4000 : 200) &&
	    (app->prompt != PROMPT_COMPARE || (code >= '0' && code <= '9'))) {
		char buf[4];
		size_t n = utf8_encode(code, buf);

		sb_add(&app->input, buf, n); /* room, and the terminating NUL */
		memmove(app->input.buf + c + n, app->input.buf + c, app->input.len - n - c);
		memcpy(app->input.buf + c, buf, n);
		app->input_cursor = c + n;
		return true;
	}
	return false;
}

static void prompt_key(struct app *app, struct input in)
{
	if (!in.fkey && (in.code == '\n' || in.code == '\r')) {
		enum prompt_kind kind = app->prompt;

		app->prompt = PROMPT_NONE;
		if (kind == PROMPT_COMPARE)
			compare_open(app, app->input.len ? atoi(app->input.buf) : 0);
		else if (kind == PROMPT_NOTE)
			notes_prompt_done(app);
		return;
	}
	if (!in.fkey && in.code == 27) {
		prompt_cancel(app);
		return;
	}
	if (!in.fkey && in.code == ('t' & 0x1f) && app->prompt == PROMPT_SEARCH_ALL) {
		app->s_scope = (app->s_scope + 1) % 3;
		search_typing_reset(&app->typing); /* another scope: search again */
	} else if (!prompt_edit(app, in)) {
		return;
	}
	free(app->message);
	app->message = NULL;
	prompt_changed(app);
}

/* --- keys ----------------------------------------------------------------- */

static void cycle_collection(struct app *app)
{
	size_t n = corpus_n_collections(app->corpus), i;

	for (i = 0; i < n; i++)
		if (corpus_collection(app->corpus, i) == tree_collection(app->tree))
			break;
	if (n < 2) {
		app_message(app, false, "Only one collection");
		return;
	}
	tree_set_collection(app->tree, corpus_collection(app->corpus, (i + 1) % n));
	app->tree_top = 0;
	app_message(app, false, "Collection: %s", tree_collection(app->tree)->title);
}

/* Actions that are the application's, not one pane's. */
static bool app_action(struct app *app, enum action act)
{
	switch (act) {
	case ACT_QUIT:
		app->quit = true;
		return true;
	case ACT_HELP:
		app->help = true;
		app->help_top = 0;
		return true;
	case ACT_SWITCH_PANE:
		app->focus = app->focus == FOCUS_TREE && app->open ? FOCUS_READER : FOCUS_TREE;
		if (app->focus == FOCUS_TREE && !tree_shown(app))
			app->tree_hidden = false;
		refit(app);
		return true;
	case ACT_FOCUS_TREE:
		app->focus = FOCUS_TREE;
		app->tree_hidden = false;
		refit(app);
		return true;
	case ACT_TOGGLE_TREE:
		app->tree_hidden = !app->tree_hidden;
		if (app->tree_hidden && app->open)
			app->focus = FOCUS_READER;
		refit(app);
		return true;
	case ACT_TREE_WIDER:
	case ACT_TREE_NARROWER:
		app->tree_width += act == ACT_TREE_WIDER ? 4 : -4;
		if (app->tree_width < MIN_TREE_COLS)
			app->tree_width = MIN_TREE_COLS;
		if (app->tree_width > app->cols - MIN_TEXT_COLS - 1)
			app->tree_width = app->cols - MIN_TEXT_COLS - 1 > MIN_TREE_COLS ? app->cols - MIN_TEXT_COLS - 1
										       : MIN_TREE_COLS;
		refit(app);
		return true;
	case ACT_MODE:
		tree_set_mode(app->tree, tree_mode(app->tree) == TREE_BY_COUNTRY ? TREE_BY_YEAR
										 : TREE_BY_COUNTRY);
		app_message(app, false, "Tree by %s", tree_mode(app->tree) == TREE_BY_YEAR ? "year" : "country");
		return true;
	case ACT_COLLECTION:
		cycle_collection(app);
		return true;
	case ACT_NEXT_YEAR:
	case ACT_PREV_YEAR:
		app_switch_year(app, act == ACT_NEXT_YEAR ? 1 : -1);
		return true;
	case ACT_SEARCH:
	case ACT_SEARCH_BACK:
		if (!app->open)
			return false;
		start_prompt(app, act == ACT_SEARCH ? PROMPT_SEARCH : PROMPT_SEARCH_BACK);
		return true;
	case ACT_FILTER:
		start_prompt(app, PROMPT_FILTER);
		return true;
	case ACT_COMPARE:
		if (!app->open)
			return false;
		start_prompt(app, PROMPT_COMPARE);
		return true;
	case ACT_TRACKER:
		return tracker_open(app);
	case ACT_NOTES:
		notes_list_open(app);
		return true;
	case ACT_UNDO:
		notes_undo(app);
		return true;
	case ACT_SEARCH_ALL:
		app_close_pane(app);
		sb_reset(&app->input);
		results_open(app);
		return true;
	case ACT_CANCEL:
		reading_search(&app->reading, "", 0);
		if (*tree_filter(app->tree))
			tree_set_filter(app->tree, "");
		return true;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return true;
	default:
		return false;
	}
}

/* A release in the text after a press elsewhere in it selects what lies
 * between (a drag); one at the same place is a click, which makes the
 * annotation under it current. */
static void mouse_release(struct app *app, int y, int x)
{
	size_t line, col;
	int x0 = app->tree_cols ? app->tree_cols + 1 : 0;

	if (!app->pressed || app->pane != PANE_READER || !reader_view_cell(app, y, x, x0, &line, &col))
		return;
	app->pressed = false;
	if (line == app->press_line && col == app->press_col) {
		if (!app->sel.active)
			marks_at(&app->marks, &app->reading, line, col);
		return;
	}
	if (selection_start_at(&app->sel, &app->reading, app->press_line, app->press_col)) {
		selection_extend_to(&app->sel, &app->reading, line, col);
		app_message(app, false, "Selected: Enter highlights, 1-7 in a colour, a adds a note, Esc cancels");
	}
}

/* A mouse event at screen cell (y, x): the wheel scrolls the pane under the
 * pointer (or the help), a click in the tree selects and opens that row, a
 * click in the text focuses it, and a drag in the text selects. */
static void mouse_at(struct app *app, int y, int x, mmask_t bstate)
{
	bool in_tree = app->tree_cols && x < app->tree_cols && !app->help;

	if (y < 0 || y >= app->pane_rows)
		return;
	free(app->message);
	app->message = NULL;
	if (bstate & BUTTON1_RELEASED) {
		mouse_release(app, y, x);
		return;
	}
	if (bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum action act = bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN;
		const struct view_ops *view = app->help ? &help_view : in_tree ? &tree_view : pane_view(app);

		for (int i = 0; i < WHEEL_LINES; i++)
			view->action(app, act);
	} else if (bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED) && !app->help) {
		app->focus = in_tree || !app->open ? FOCUS_TREE : FOCUS_READER;
		if (in_tree)
			tree_view_click(app, y);
		else
			app->pressed = reader_view_cell(app, y, x, app->tree_cols ? app->tree_cols + 1 : 0,
							&app->press_line, &app->press_col);
	}
}

static void mouse_event(struct app *app)
{
	MEVENT ev;

	if (getmouse(&ev) == OK)
		mouse_at(app, ev.y, ev.x, ev.bstate);
}

static void handle_key(struct app *app, struct input in)
{
	const struct view_ops *view = app->focus == FOCUS_TREE ? &tree_view : &reader_view;
	enum action act;

	if (in.fkey && in.code == KEY_RESIZE) {
		getmaxyx(stdscr, app->rows, app->cols);
		refit(app);
		return;
	}
	if (in.fkey && in.code == KEY_MOUSE) {
		mouse_event(app);
		return;
	}
	if (app->prompt != PROMPT_NONE) {
		prompt_key(app, in);
		return;
	}
	free(app->message);
	app->message = NULL;
	app->key = in.fkey ? 0 : in.code;
	if (app->help) {
		help_view.action(app, keys_lookup(in.code, CTX_ANY));
		return;
	}
	if (app->focus == FOCUS_READER)
		view = pane_view(app);
	act = keys_lookup(in.code, app->focus == FOCUS_TREE	 ? CTX_TREE
				   : app->pane == PANE_COMPARE ? CTX_COMPARE
				   : app->pane == PANE_TRACKER ? CTX_TRACKER
				   : app->pane == PANE_RESULTS ? CTX_RESULTS
				   : app->pane == PANE_NOTES   ? CTX_NOTES
				   : app->sel.active	       ? CTX_VISUAL
							       : CTX_READER);
	if (app->focus == FOCUS_READER && !app->open && app->pane != PANE_RESULTS && app->pane != PANE_NOTES)
		view = &tree_view;
	if (act == ACT_NONE) {
		/* Type-to-filter: a letter nothing is bound to starts the filter. */
		if (app->focus == FOCUS_TREE && !in.fkey && in.code < 0x110000 &&
		    ((in.code >= 'a' && in.code <= 'z') || (in.code >= 'A' && in.code <= 'Z') || in.code >= 0x80)) {
			start_prompt(app, PROMPT_FILTER);
			prompt_key(app, in);
		}
		return;
	}
	if (!view->action(app, act) && !app_action(app, act) && act == ACT_SEARCH)
		app_message(app, false, "Open a document to search it");
}

/* --- start-up ------------------------------------------------------------- */

static char *config_theme(struct app *app)
{
	char *dir = paths_config_home(), *path = path_join(dir, "config.yaml"), *name = NULL;
	struct arena *a;
	const struct ynode *root, *n;
	struct stat st;

	free(dir);
	/* No file, or an empty one, means no settings. */
	if (stat(path, &st) == 0 && st.st_size > 0) {
		a = arena_new();
		root = yaml_load_file(path, &yaml_content_limits, a, &app->diags);
		if (root && !ynode_is_null(root) &&
		    ynode_expect(root, YNODE_MAP, "the settings", path, &app->diags) &&
		    (n = ynode_get(root, "theme")) &&
		    ynode_expect(n, YNODE_SCALAR, "theme", path, &app->diags))
			name = xstrdup(n->str);
		arena_free(a);
	}
	free(path);
	return name;
}


/* --theme NAME (a bundled theme) or PATH (a file), else the config file's. */
static void load_theme(struct app *app)
{
	size_t before = app->diags.n;
	char *name = app->cli->theme ? xstrdup(app->cli->theme) : config_theme(app), *path;

	theme_builtin(&app->theme);
	if (app->diags.n > before)
		first_problem_message(app, before, "(config ignored)");
	if (!name || !strcmp(name, "default")) {
		free(name);
		return;
	}
	if (strchr(name, '/') || str_has_suffix(name, ".yaml")) {
		path = xstrdup(name);
	} else {
		char *file = xasprintf("themes/%s.yaml", name);

		path = paths_bundled(file);
		free(file);
	}
	theme_free(&app->theme);
	before = app->diags.n;
	if (!theme_load(&app->theme, path, &app->diags))
		first_problem_message(app, before, "(using the default theme)");
	free(path);
	free(name);
}

/* Opens at COUNTRY [YEAR [SECTION]] from the command line, or where the last
 * session left off. */
static int open_start(struct app *app, char **args, int n, struct session *sess)
{
	struct collection *coll = tree_collection(app->tree);

	if (n > 0) {
		const struct country *c = cli_country(app->cli, args[0]);
		size_t first, count;
		int year = 0, s = -1;
		struct corpus_doc *e;

		if (!c)
			return EXIT_NOTFOUND;
		if (n > 1 && !cli_year(app->cli, args[1], &year))
			return EXIT_USAGE;
		count = collection_country_docs(coll, c->slug, &first);
		if (!count) {
			cli_error("no narrative for %s in %s", country_display_name(c), coll->title);
			return EXIT_NOTFOUND;
		}
		e = year ? collection_find(coll, c->slug, year) : &coll->docs[first + count - 1];
		if (!e) {
			cli_error("no %d narrative for %s", year, country_display_name(c));
			return EXIT_NOTFOUND;
		}
		if (!corpus_doc_load(e, &app->diags)) {
			diags_print(&app->diags, stderr);
			return EXIT_NOTFOUND;
		}
		if (n > 2 && (s = cli_section(app->cli, e->doc, args[2])) < 0)
			return EXIT_NOTFOUND;
		tree_reveal(app->tree, e->slug, e->year, s, &app->diags);
		app_open(app, e, s);
		app->focus = FOCUS_READER;
		return EXIT_OK;
	}
	if (sess->collection) {
		struct collection *sc = corpus_collection_by_name(app->corpus, sess->collection);
		struct corpus_doc *e;

		if (sc && sc != coll)
			tree_set_collection(app->tree, sc);
		tree_set_mode(app->tree, sess->tree_by_year ? TREE_BY_YEAR : TREE_BY_COUNTRY);
		e = sc ? collection_find(sc, sess->country, sess->year) : NULL;
		if (e && corpus_doc_load(e, &app->diags) && app_open(app, e, -1)) {
			if (sess->anchor.section < (int)e->doc->n_sections)
				reading_goto_ref(&app->reading, sess->anchor);
			tree_reveal(app->tree, e->slug, e->year, -1, &app->diags);
			app->focus = FOCUS_READER;
		}
	}
	return EXIT_OK;
}

static void save_session(struct app *app)
{
	struct session s = {0};
	char *path = session_path();

	s.tree_by_year = tree_mode(app->tree) == TREE_BY_YEAR;
	s.tree_hidden = app->tree_hidden;
	s.tree_width = app->tree_width;
	if (app->open) {
		s.collection = (char *)tree_collection(app->tree)->name;
		s.country = (char *)app->open->slug;
		s.year = app->open->year;
		s.anchor = app->reading.anchor;
		if (s.anchor.block == SIZE_MAX)
			s.anchor.block = s.anchor.offset = 0;
		if (!session_save(&s, path))
			diags_add(&app->diags, DIAG_WARNING, path, 0, 0, "cannot save the reader's place: %s",
				  file_error(errno ? errno : EIO));
	}
	free(path);
}

/* --- script mode: keys from a file, the screen written out ------------------ */

static const struct {
	const char *name;
	bool fkey;
	int code;
} key_names[] = {
	{ "Enter", false, '\n' }, { "Esc", false, 27 }, { "Tab", false, '\t' }, { "Space", false, ' ' },
	{ "BS", true, KEY_BACKSPACE }, { "Up", true, KEY_UP }, { "Down", true, KEY_DOWN },
	{ "Left", true, KEY_LEFT }, { "Right", true, KEY_RIGHT }, { "PgUp", true, KEY_PPAGE },
	{ "PgDn", true, KEY_NPAGE }, { "Home", true, KEY_HOME }, { "End", true, KEY_END },
	{ "F1", true, KEY_F(1) }, { "lt", false, '<' },
};

/* The keys of a script line: characters, and names in angle brackets. */
static size_t parse_keys(const char *s, struct input *out, size_t max)
{
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len && n < max;) {
		int32_t cp;
		size_t k;

		if (s[i] == '<' && strchr(s + i, '>')) {
			size_t m = (size_t)(strchr(s + i, '>') - (s + i)) - 1;
			size_t j;

			for (j = 0; j < ARRAY_SIZE(key_names); j++)
				if (strlen(key_names[j].name) == m && !strncmp(s + i + 1, key_names[j].name, m))
					break;
			if (j < ARRAY_SIZE(key_names)) {
				out[n++] = (struct input){ key_names[j].fkey, key_names[j].code };
				i += m + 2;
				continue;
			}
			if (m == 3 && s[i + 1] == 'C' && s[i + 2] == '-') {
				out[n++] = (struct input){ false, s[i + 3] & 0x1f };
				i += m + 2;
				continue;
			}
		}
		k = utf8_next(s + i, len - i, &cp);
		out[n++] = (struct input){ false, cp < 0 ? '?' : cp };
		i += k ? k : 1;
	}
	return n;
}

static void dump_screen(FILE *out)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		struct strbuf line = {0};

		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = { 0 };
			attr_t attrs;
			short pair;

			if (mvwin_wch(stdscr, y, x, &cc) == ERR || getcchar(&cc, wc, &attrs, &pair, NULL) == ERR)
				continue;
			for (size_t k = 0; k < CCHARW_MAX && wc[k]; k++) {
				char buf[4];

				sb_add(&line, buf, utf8_encode((int32_t)wc[k], buf));
			}
			if (wc[0] && wcwidth(wc[0]) == 2)
				x++;
		}
		while (line.len && line.buf[line.len - 1] == ' ')
			line.len--;
		fprintf(out, "%.*s\n", (int)line.len, line.len ? line.buf : "");
		sb_free(&line);
	}
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* ":mouse click|press|release|wheel-up|wheel-down X Y" (0-based cells) as if from the
 * terminal; false when the line is not one. */
static bool script_mouse(struct app *app, const char *args)
{
	static const struct {
		const char *name;
		mmask_t bstate;
	} events[] = {
		{ "click", BUTTON1_CLICKED }, { "press", BUTTON1_PRESSED }, { "release", BUTTON1_RELEASED },
		{ "wheel-up", BUTTON4_PRESSED }, { "wheel-down", BUTTON5_PRESSED },
	};
	char what[16];
	int x, y;

	if (sscanf(args, "%15s %d %d", what, &x, &y) != 3)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(events); i++)
		if (!strcmp(what, events[i].name)) {
			mouse_at(app, y, x, events[i].bstate);
			return true;
		}
	return false;
}

/* Runs a script: lines of keys, or commands ":dump [FILE]", ":resize WxH",
 * ":mouse EVENT X Y", ":bench N KEYS" (time N rounds of the keys, each drawn). */
static int run_script(struct app *app, const char *path)
{
	FILE *f = !strcmp(path, "-") ? stdin : fopen_regular(path);
	char line[4096];
	struct input keys[1024];
	int status = EXIT_OK;

	if (!f) {
		cli_error("%s: %s", path, file_error(errno));
		return EXIT_NOTFOUND;
	}
	app_redraw(app);
	while (!app->quit && fgets(line, sizeof(line), f)) {
		size_t n;
		int w, h, rounds;
		char file[1024];

		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (!strncmp(line, ":dump", 5)) {
			FILE *out = sscanf(line + 5, " %1023s", file) == 1 ? fopen(file, "w") : stdout;

			if (!out) {
				status = EXIT_NOTFOUND;
				break;
			}
			dump_screen(out);
			if (out != stdout)
				fclose(out);
		} else if (!strncmp(line, ":mouse ", 7)) {
			if (!script_mouse(app, line + 7)) {
				cli_error("%s: bad mouse command '%s'", path, line);
				status = EXIT_USAGE;
				break;
			}
			app_redraw(app);
		} else if (sscanf(line, ":resize %dx%d", &w, &h) == 2) {
			resizeterm(h, w);
			handle_key(app, (struct input){ true, KEY_RESIZE });
			app_redraw(app);
		} else if (sscanf(line, ":bench %d %n", &rounds, &w) == 1 && rounds > 0) {
			double t0;

			n = parse_keys(line + w, keys, ARRAY_SIZE(keys));
			t0 = now_us();
			for (int r = 0; r < rounds; r++)
				for (size_t k = 0; k < n; k++) {
					handle_key(app, keys[k]);
					app_redraw(app);
				}
			printf("bench: %zu keys in %.1f ms: %.2f us per key (dispatch, draw, update)\n",
			       (size_t)rounds * n, (now_us() - t0) / 1e3, (now_us() - t0) / ((double)rounds * (double)n));
		} else {
			n = parse_keys(line, keys, ARRAY_SIZE(keys));
			for (size_t k = 0; k < n && !app->quit; k++) {
				handle_key(app, keys[k]);
				app_redraw(app);
			}
		}
	}
	if (f != stdin)
		fclose(f);
	return status;
}

/* --- the command ---------------------------------------------------------- */

static void run_terminal(struct app *app)
{
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		  NULL);
	mouseinterval(0);
	while (!app->quit) {
		wint_t ch;
		int r;

		app_redraw(app);
		r = get_wch(&ch);
		if (r == ERR)
			continue;
		handle_key(app, (struct input){ r == KEY_CODE_YES, (int)ch });
	}
}

static int reader(struct app *app, char **args, int n, const char *script, int sw, int sh)
{
	struct session sess = {0};
	char *state = session_path();
	SCREEN *screen;
	FILE *out = NULL, *in = NULL;
	int status;

	size_t before = app->diags.n;

	app->tree = tree_new(app->corpus, corpus_default_collection(app->corpus));
	if (!n && session_load(&sess, state, &app->diags)) {
		app->tree_hidden = sess.tree_hidden;
		if (sess.tree_width >= 16)
			app->tree_width = sess.tree_width;
	} else if (app->diags.n > before) {
		first_problem_message(app, before, "(the last place is forgotten)");
	}
	free(state);
	if (script) {
		/* Drawing goes nowhere; the frame is read back from stdscr. */
		out = fopen("/dev/null", "w");
		in = fopen("/dev/null", "r");
		screen = out && in ? newterm("xterm-256color", out, in) : NULL;
	} else {
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen) {
		const char *term = getenv("TERM");

		cli_error("cannot use the terminal '%s' for the reader; try 'tipr show' to print a narrative",
			  term && *term ? term : "(TERM is not set)");
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		session_free(&sess);
		return EXIT_NOTFOUND;
	}
	/* A terminal that cannot place the cursor (TERM=dumb) cannot show panes. */
	if (!script) {
		const char *cup = tigetstr("cup");

		if (!cup || cup == (char *)-1) {
			const char *term = getenv("TERM");

			endwin();
			delscreen(screen);
			cli_error("the terminal '%s' cannot place the cursor, which the reader needs; "
				  "set TERM (e.g. xterm), or use 'tipr show' to print a narrative",
				  term && *term ? term : "(unset)");
			session_free(&sess);
			return EXIT_NOTFOUND;
		}
	}
	if (script)
		resizeterm(sh, sw);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	draw_init_colors(app);
	getmaxyx(stdscr, app->rows, app->cols);
	status = open_start(app, args, n, &sess);
	session_free(&sess);
	if (status == EXIT_OK) {
		if (script)
			status = run_script(app, script);
		else
			run_terminal(app);
		save_session(app);
	}
	endwin();
	delscreen(screen);
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	return status;
}

int cmd_read(struct cli *cli, int argc, char **argv)
{
	enum { OPT_SCRIPT = OPT_FIRST_COMMAND_OPTION, OPT_SIZE };
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "theme", required_argument, NULL, OPT_THEME },
		{ "script", required_argument, NULL, OPT_SCRIPT },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ NULL, 0, NULL, 0 },
	};
	struct app app = { .cli = cli, .tree_width = DEFAULT_TREE_COLS, .badges_later = true };
	const char *script = NULL;
	int opt, r, sw = 80, sh = 24, status;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == OPT_SCRIPT) {
			script = optarg;
			continue;
		}
		if (opt == OPT_SIZE) {
			if (!cli_size(cli, optarg, &sw, &sh))
				return EXIT_USAGE;
			continue;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
	}
	if (argc - optind > 3)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind + 3]);
	if (!script && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		cli_error("the reader needs a terminal; 'tipr show COUNTRY YEAR' prints a narrative");
		return EXIT_USAGE;
	}
	if (!cli_open_corpus(cli))
		return EXIT_NOTFOUND;
	app.corpus = cli->corpus;
	if (!corpus_default_collection(app.corpus)) {
		cli_error("no collections in the content");
		return EXIT_NOTFOUND;
	}
	app.ascii_only = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	app.color = cli->color != COLOR_NEVER && (cli->color == COLOR_ALWAYS || !getenv("NO_COLOR") ||
						   !*getenv("NO_COLOR"));
	load_theme(&app);
	reading_init(&app.reading);
	marks_init(&app.marks);
	notes_open_store(&app);
	status = reader(&app, argv + optind, argc - optind, script, sw, sh);
	/* Problems found while reading, where the user can read them. */
	diags_print(&app.diags, stderr);
	diags_free(&app.diags);
	compare_close(&app);
	tracker_close(&app);
	results_close(&app);
	notes_list_close(&app);
	marks_free(&app.marks);
	annotation_done(&app.undo);
	ann_store_free(app.notes);
	search_index_free(app.six);
	reading_close(&app.reading);
	tree_free(app.tree);
	theme_free(&app.theme);
	sb_free(&app.input);
	free(app.message);
	return status;
}
