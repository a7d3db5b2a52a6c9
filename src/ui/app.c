/* app.c — the services the views share (see app.h). */
#include "config.h"

#include "ui/app.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MIN_TEXT_COLS = 30, MIN_TREE_COLS = 12, DEFAULT_TREE_COLS = 28 };

/* Documents kept loaded besides those shown: going back and forth between
 * a few narratives costs no reload, browsing thousands stays bounded.
 * TIPR_DOCS_KEPT lowers it (the random-key tester unloads everything it
 * can, to catch a view pointing into a document it did not pin). */
enum { DOCS_KEPT = 32 };

static size_t docs_kept(void)
{
	static long long kept = -1;
	const char *env;

	if (kept < 0)
		kept = (env = getenv("TIPR_DOCS_KEPT")) && num_parse(env, 0, DOCS_KEPT, &kept) == NUM_OK ? kept
													: DOCS_KEPT;
	return (size_t)kept;
}

struct collection *app_collection(const struct app *app)
{
	return app->open ? app->open->coll : tree_collection(app->tree);
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	free(app->msg.text);
	va_start(ap, fmt);
	app->msg.text = xvasprintf(fmt, ap);
	va_end(ap);
	app->msg.error = error;
}

void app_doc_errors(struct app *app, const struct corpus_doc *e, const char *then)
{
	char *path = corpus_doc_path(e);

	app_message(app, true, "%s has errors%s", path, then);
	free(path);
}

void app_clear_message(struct app *app)
{
	free(app->msg.text);
	app->msg.text = NULL;
}

void app_first_problem(struct app *app, size_t from, const char *consequence)
{
	char *text = diag_format(&app->diags.v[from]);

	app_message(app, true, "%s %s", text, consequence);
	free(text);
}

void app_layout(struct app *app)
{
	struct frame *f = &app->frame;
	int cols = app->scr.cols, w;

	/* A third of the width at most (the default 28 columns fit 84), half
	 * when the user has widened it. */
	w = f->tree_width > DEFAULT_TREE_COLS ? cols / 2 : cols / 3;
	w = f->tree_width < w ? f->tree_width : w;
	f->tree_cols = 0;
	if ((!f->tree_hidden && !f->tree_aside) || app->focus == FOCUS_TREE)
		if (w >= MIN_TREE_COLS && cols - w - 1 >= MIN_TEXT_COLS)
			f->tree_cols = w;
	f->pane_x = f->tree_cols ? f->tree_cols + 1 : 0;
	f->pane_rows = app->scr.rows > 2 ? app->scr.rows - 2 : 1;
}

void app_text_size(const struct app *app, size_t *width, size_t *height)
{
	int w = app->scr.cols - app->frame.pane_x - 2;

	*width = w > 20 ? (size_t)w : 20;
	*height = (size_t)app->frame.pane_rows;
}

void app_notify(struct app *app, enum refresh why)
{
	if (why == REFRESH_SIZE) {
		size_t w, h;

		app_layout(app);
		app_text_size(app, &w, &h);
		reading_resize(&app->reading, w, h);
	}
	for (size_t i = 0; i < app->views.n; i++) {
		struct view *v = &app->views.v[i];

		if (v->ops->changed)
			v->ops->changed(v, app, why);
	}
}

bool app_tick(struct app *app)
{
	bool more = false;

	for (size_t i = 0; i < app->views.n; i++) {
		struct view *v = &app->views.v[i];

		if (v->ops->tick && v->ops->tick(v, app))
			more = true;
	}
	return more;
}

void app_show(struct app *app, struct view *v)
{
	struct view *old = app->pane;

	if (old != v && old != app->views.reader && old->ops->close)
		old->ops->close(old, app);
	app->pane = v;
	/* A wide view puts the tree aside (t brings it back) until it closes. */
	app->frame.tree_aside = v->ops->wide;
	/* A view opened over the reader takes the keys; back to the reader,
	 * they stay where they were (the tree, when a document is opened
	 * from it). */
	if (v != app->views.reader)
		app->focus = FOCUS_PANE;
	app_layout(app);
}

bool app_open_view(struct app *app, struct view *v)
{
	if (v->ops->open && !v->ops->open(v, app))
		return false;
	app_show(app, v);
	return true;
}

void app_close_pane(struct app *app)
{
	app_show(app, app->views.reader);
}

struct view *app_focused(struct app *app)
{
	if (app->overlay)
		return app->overlay;
	return app->focus == FOCUS_TREE ? app->views.tree : app->pane;
}

enum key_context app_context(struct app *app)
{
	struct view *v = app_focused(app);

	return v->ops->context ? v->ops->context(v, app) : v->ops->keys;
}

void app_notes_problems(struct app *app, const char *consequence)
{
	struct diags *d = ann_store_diags(app->notes);
	char *text;

	if (!d->n)
		return;
	text = diag_format(&d->v[d->n - 1]);
	app_message(app, true, "%s%s", text, consequence);
	free(text);
	diags_take(&app->diags, d);
}

void app_notes_refresh(struct app *app)
{
	marks_load(&app->marks, app->notes, app_collection(app)->name, &app->reading);
	app_notify(app, REFRESH_NOTES);
}

void app_notes_reload(struct app *app)
{
	ann_store_load(app->notes);
	app_notes_problems(app, "");
	app_notes_refresh(app);
}

bool app_open(struct app *app, struct corpus_doc *e, int section)
{
	size_t before = app->diags.n, w, h;
	const struct document *doc = corpus_doc_load(e, &app->diags);
	char *query;

	if (!doc) {
		if (app->diags.n > before)
			app_first_problem(app, before, "(all problems are listed when you quit)");
		else
			app_doc_errors(app, e, ": see them after you quit (tipr check lists them)");
		return false;
	}
	if (app->pane->ops->offer && app->pane->ops->offer(app->pane, app, e))
		return true;
	app_close_pane(app);
	query = app->reading.query ? xstrdup(app->reading.query) : NULL;
	app_text_size(app, &w, &h);
	reading_open(&app->reading, doc, tree_country_name(app->tree, e->slug), w, h);
	corpus_doc_pin(e);
	if (app->open)
		corpus_doc_unpin(app->open);
	app->open = e;
	/* Only what is shown stays loaded, and the last few read. */
	if (corpus_trim(app->corpus, docs_kept()))
		tree_refresh(app->tree);
	app->marks.current = MARKS_NONE;
	app_notes_reload(app);
	if (app->marks.orphans && !app->msg.text)
		app_message(app, false, "%zu annotation%s of this narrative no longer match%s its text: %s lists %s",
			    app->marks.orphans, app->marks.orphans == 1 ? "" : "s",
			    app->marks.orphans == 1 ? "es" : "", keys_label(ACT_NOTES, CTX_READER),
			    app->marks.orphans == 1 ? "it" : "them");
	if (section >= 0)
		reading_goto_section(&app->reading, section);
	/* A search goes on in the next document. */
	if (query)
		reading_search(&app->reading, query, app->reading.top);
	free(query);
	app_notify(app, REFRESH_DOCUMENT);
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
	if (!(next = collection_adjacent(app->open, dir))) {
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

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The place to reopen at, read from a const app: saving changes nothing. */
static struct session place_of(const struct app *app)
{
	struct session s = {0};

	s.tree_by_year = tree_mode(app->tree) == TREE_BY_YEAR;
	s.tree_hidden = app->frame.tree_hidden;
	s.tree_width = app->frame.tree_width;
	if (app->open) {
		s.collection = (char *)app_collection(app)->name;
		s.country = (char *)app->open->slug;
		s.year = app->open->year;
		s.anchor = app->reading.anchor;
		if (s.anchor.block == SIZE_MAX)
			s.anchor.block = s.anchor.offset = 0;
	}
	return s;
}

int app_save_place(struct app *app)
{
	struct session s = place_of(app);

	return session_saver_offer(&app->saver, &s, now_seconds(), &app->diags);
}
