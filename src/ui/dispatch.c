/* dispatch.c — keys and the mouse (see dispatch.h). */
#include "config.h"

#include "ui/dispatch.h"

#include <string.h>

#include "ui/annotate.h"

enum { WHEEL_LINES = 3, TREE_STEP = 4, MIN_TREE_WIDTH = 16 };

static void cycle_collection(struct app *app)
{
	size_t n = corpus_n_collections(app->corpus), i;

	if (n < 2) {
		app_message(app, false, "Only one collection");
		return;
	}
	for (i = 0; i < n; i++)
		if (corpus_collection(app->corpus, i) == tree_collection(app->tree))
			break;
	tree_set_collection(app->tree, corpus_collection(app->corpus, (i + 1) % n));
	app_notify(app, REFRESH_DOCUMENT);
	app_message(app, false, "Collection: %s", tree_collection(app->tree)->title);
}

/* The frame's actions: focus, the tree shown, its width, its grouping. */
static bool frame_action(struct app *app, enum action act)
{
	struct frame *f = &app->frame;
	bool reading = app->open || app->pane != app->views.reader;

	switch (act) {
	case ACT_SWITCH_PANE:
		app->focus = app->focus == FOCUS_TREE && reading ? FOCUS_PANE : FOCUS_TREE;
		if (app->focus == FOCUS_TREE)
			f->tree_hidden = false;
		return true;
	case ACT_FOCUS_TREE:
		app->focus = FOCUS_TREE;
		f->tree_hidden = false;
		return true;
	case ACT_TOGGLE_TREE:
		if (!reading) {
			app_message(app, false, "The tree is where you choose a document to read");
			return true;
		}
		/* While a view has put it aside, t brings it back. */
		if (f->tree_cols) {
			f->tree_hidden = true;
		} else if (f->tree_hidden || f->tree_aside) {
			f->tree_hidden = false;
		} else {
			app_message(app, false, "The tree needs a wider terminal");
			return true;
		}
		f->tree_aside = false;
		if (f->tree_hidden && app->focus == FOCUS_TREE)
			app->focus = FOCUS_PANE;
		return true;
	case ACT_TREE_WIDER:
	case ACT_TREE_NARROWER:
		f->tree_width = (f->tree_cols ? f->tree_cols : f->tree_width) +
				(act == ACT_TREE_WIDER ? TREE_STEP : -TREE_STEP);
		if (f->tree_width > app->scr.cols / 2)
			f->tree_width = app->scr.cols / 2;
		if (f->tree_width < MIN_TREE_WIDTH)
			f->tree_width = MIN_TREE_WIDTH;
		return true;
	case ACT_MODE:
		tree_set_mode(app->tree, tree_mode(app->tree) == TREE_BY_COUNTRY ? TREE_BY_YEAR : TREE_BY_COUNTRY);
		app_message(app, false, "Tree by %s", tree_mode(app->tree) == TREE_BY_YEAR ? "year" : "country");
		return true;
	case ACT_COLLECTION:
		cycle_collection(app);
		return true;
	default:
		return false;
	}
}

/* Actions that are the application's, not one view's. */
static bool app_action(struct app *app, enum action act)
{
	switch (act) {
	case ACT_QUIT:
		app->quit = true;
		return true;
	case ACT_HELP:
		if (!app->views.help->ops->open || app->views.help->ops->open(app->views.help, app))
			app->overlay = app->views.help;
		return true;
	case ACT_NEXT_YEAR:
	case ACT_PREV_YEAR:
		app_switch_year(app, act == ACT_NEXT_YEAR ? 1 : -1);
		return true;
	case ACT_UNDO:
		annotate_undo(app);
		return true;
	case ACT_CANCEL:
		reading_search(&app->reading, "", 0);
		if (*tree_filter(app->tree))
			tree_set_filter(app->tree, "");
		return true;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return true;
	case ACT_SEARCH:
		app_message(app, false, "Open a document to search it (%s searches every narrative)",
			    keys_label(ACT_SEARCH_ALL, CTX_ANY));
		return true;
	default:
		return frame_action(app, act);
	}
}

static void take_action(struct app *app, enum action act, int key)
{
	struct view *v = app_focused(app), *opener;

	if (v->ops->action && v->ops->action(v, app, act, key))
		return;
	if (app_action(app, act))
		return;
	if ((opener = view_set_opener(&app->views, act)))
		app_open_view(app, opener);
}

void dispatch_key(struct app *app, struct input in)
{
	size_t w0, h0, w1, h1;
	enum action act;

	if (in.fkey && in.code == KEY_RESIZE) {
		getmaxyx(stdscr, app->scr.rows, app->scr.cols);
		app_notify(app, REFRESH_SIZE);
		return;
	}
	if (in.fkey && in.code == KEY_MOUSE) {
		MEVENT ev;

		if (getmouse(&ev) == OK)
			dispatch_mouse(app, ev.y, ev.x, ev.bstate);
		return;
	}
	app_text_size(app, &w0, &h0);
	if (prompt_kind(app) != PROMPT_NONE) {
		prompt_key(app, in.fkey, in.code);
	} else {
		app_clear_message(app);
		act = keys_lookup(in.code, app_context(app));
		if (act != ACT_NONE)
			take_action(app, act, in.fkey ? 0 : in.code);
	}
	/* What changed the frame (the tree shown or hidden, a view that puts
	 * it aside) changes the text's width: the views lay out again. */
	app_layout(app);
	app_text_size(app, &w1, &h1);
	if (w0 != w1 || h0 != h1)
		app_notify(app, REFRESH_SIZE);
}

void dispatch_mouse(struct app *app, int y, int x, mmask_t bstate)
{
	struct view *v;

	if (y < 0 || y >= app->frame.pane_rows || x < 0 || x >= app->scr.cols)
		return;
	app_clear_message(app);
	if (app->overlay)
		v = app->overlay;
	else if (app->frame.tree_cols && x < app->frame.tree_cols)
		v = app->views.tree;
	else if (x >= app->frame.pane_x)
		v = app->pane;
	else
		return; /* the border */
	if (bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		for (int i = 0; i < WHEEL_LINES && v->ops->action; i++)
			v->ops->action(v, app, bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN, 0);
		return;
	}
	if (!v->ops->mouse)
		return;
	if (bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED) && !app->overlay)
		app->focus = v == app->views.tree || (!app->open && v == app->views.reader) ? FOCUS_TREE : FOCUS_PANE;
	v->ops->mouse(v, app, bstate & BUTTON1_RELEASED ? MOUSE_RELEASE : bstate & BUTTON1_PRESSED ? MOUSE_PRESS
												    : MOUSE_CLICK,
		      y - v->area.y, x - v->area.x);
}
