/* results_view.c — search every narrative: results as you type, shown as
 * they come while the narratives are read (the first search of a corpus
 * reads them while its index is built on a thread), earlier queries
 * recalled with Up and Down; Enter opens the document at the match with
 * it highlighted. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/history.h"
#include "search/search.h"
#include "tiers/byyear.h"
#include "ui/app.h"
#include "ui/frame.h"
#include "ui/move.h"
#include "ui/views.h"

enum scope { SCOPE_ALL, SCOPE_COUNTRY, SCOPE_YEAR, SCOPE__COUNT };

/* Documents read between two looks at the keyboard. */
enum { STEP_DOCS = 64 };

struct results_view {
	struct search_index *six;     /* opened on first use */
	struct search_build *build;   /* its index being built, or NULL */
	struct search_run *run;       /* a search still reading the corpus, or NULL */
	struct search_history *history;
	struct search_results res;
	struct search_typing typing;  /* the queries typed on the way to res's */
	struct search_scope scope;    /* of the search under way (its strings live on) */
	enum scope kind;
	size_t sel, top;
	char *query;                  /* as typed, for changing it */
	struct picture spark;         /* matching narratives per edition */
	int spark_years[2];           /* its first and last editions */
};

/* How many narratives of each edition match, as a sparkline; none for
 * fewer than two editions. */
static void make_sparkline(struct results_view *rv, struct app *app, const struct search_scope *scope)
{
	struct byyear *v;
	size_t n = byyear_count(rv->six, &rv->res, app_collection(app), scope, &v), *counts;

	if (n > 1 && rv->res.total) {
		counts = xcalloc(n, sizeof(*counts));
		for (size_t i = 0; i < n; i++)
			counts[i] = v[i].matching;
		pic_init(&rv->spark, !app->scr.ascii_only, app->scr.color);
		pic_sparkline(&rv->spark, counts, n, ROLE_MATCH);
		rv->spark_years[0] = v[0].year;
		rv->spark_years[1] = v[n - 1].year;
		free(counts);
	}
	free(v);
}

/* The results shown: those of the search under way, as far as it got. */
static const struct search_results *shown(const struct results_view *rv)
{
	return rv->run ? search_run_results(rv->run) : &rv->res;
}

/* The search is over: its figures. */
static void finished(struct results_view *rv, struct app *app)
{
	make_sparkline(rv, app, &rv->scope);
	if (!rv->res.total)
		app_message(app, true, "No match for \"%s\"", rv->query);
	else
		app_message(app, false, "%zu%s matches in %zu%s documents", rv->res.total, rv->res.incomplete ? "+" : "",
			    rv->res.n_docs, rv->res.incomplete ? "+" : "");
}

/* Drops a search not finished (a key came first). */
static void stop(struct results_view *rv)
{
	if (rv->run)
		search_finish(rv->run, NULL);
	rv->run = NULL;
}

static void update(struct results_view *rv, struct app *app)
{
	const char *err, *text = prompt_text(app);
	size_t w, h;

	stop(rv);
	rv->sel = rv->top = 0;
	free(rv->query);
	rv->query = xstrdup(text);
	rv->scope = (struct search_scope){ .first_only = true };
	if (app->open && rv->kind == SCOPE_COUNTRY)
		rv->scope.country = app->open->slug;
	if (app->open && rv->kind == SCOPE_YEAR)
		rv->scope.year = app->open->year;
	app_text_size(app, &w, &h);
	pic_free(&rv->spark);
	if (!search_typing_begin(&rv->typing, rv->six, text, &rv->scope, 500, w > 30 ? w - 24 : 20, &rv->res,
				 &rv->run, &err))
		return;
	if (!rv->run)
		finished(rv, app);
}

/* A step of the search under way, and a look at the index being built;
 * true while either goes on. */
static bool results_tick(struct view *v, struct app *app)
{
	struct results_view *rv = v->priv;
	size_t done, total;

	if (rv->run) {
		if (search_step(rv->run, STEP_DOCS, &app->diags)) {
			search_typing_end(&rv->typing, rv->run, &rv->res);
			rv->run = NULL;
			finished(rv, app);
		} else {
			search_run_progress(rv->run, &done, &total);
			app_message(app, false, "Searching: %zu of %zu documents read", done, total);
		}
	}
	/* Once the index is built, searches use it (the same answers, faster). */
	if (rv->build && search_build_wait(rv->build, rv->run ? 0 : 20)) {
		search_build_finish(rv->build, &app->diags);
		rv->build = NULL;
		search_typing_reset(&rv->typing);
	}
	return rv->run || rv->build;
}

static bool results_open(struct view *v, struct app *app)
{
	struct results_view *rv = v->priv;

	if (!rv->six) {
		char *cache = search_cache_path(app->corpus);

		rv->six = search_index_new(app->corpus);
		if (!search_index_load(rv->six, cache))
			rv->build = search_build_start(rv->six, cache);
		free(cache);
	}
	if (!rv->history)
		rv->history = search_history_open(NULL);
	stop(rv);
	search_results_free(&rv->res);
	search_typing_reset(&rv->typing);
	prompt_open(app, v, PROMPT_SEARCH_ALL, NULL);
	return true;
}

static void results_close(struct view *v, struct app *app)
{
	struct results_view *rv = v->priv;

	stop(rv);
	search_results_free(&rv->res);
	search_typing_reset(&rv->typing);
	free(rv->query);
	rv->query = NULL;
	pic_free(&rv->spark);
	if (app->prompt.owner == v)
		prompt_close(app);
}

static void results_done(struct view *v)
{
	struct results_view *rv = v->priv;

	stop(rv);
	search_results_free(&rv->res);
	search_typing_reset(&rv->typing);
	/* A build cut short leaves no temporary file. */
	if (rv->build)
		search_build_cancel(rv->build);
	search_index_free(rv->six);
	search_history_free(rv->history);
	free(rv->query);
	pic_free(&rv->spark);
}

static const char *scope_name(const struct results_view *rv, const struct app *app, char *buf, size_t n)
{
	if (rv->kind == SCOPE_COUNTRY && app->open)
		return tree_country_name(app->tree, app->open->slug);
	if (rv->kind == SCOPE_YEAR && app->open)
		return n >= 12 ? year_label(app->open->year, buf) : "this year";
	return "everything";
}

static void results_draw(struct view *v, struct app *app, struct rect r)
{
	struct results_view *rv = v->priv;
	const struct screen *scr = &app->scr;
	const struct search_results *res = shown(rv);
	char head[160], yb[16];
	int rows = r.h - 1, used;

	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, A_NORMAL);
	snprintf(head, sizeof(head), "Search %s: %zu%s matches in %zu%s documents", scope_name(rv, app, yb, sizeof(yb)),
		 res->total, res->incomplete ? "+" : "", res->n_docs, res->incomplete ? "+" : "");
	used = draw_str(scr, r.y, r.x + 1, r.w - 1, head, draw_attr(scr, ROLE_HEADING)) + 1;
	/* By edition, at the right: "2001 ▁▃█ 2023". */
	if (rv->spark.n_lines) {
		int cells = (int)rv->spark.lines[0].width, x = r.x + r.w - cells - 11;
		char years[16];

		if (x > r.x + used + 2) {
			snprintf(years, sizeof(years), "%d ", rv->spark_years[0]);
			draw_str(scr, r.y, x, 5, years, draw_attr(scr, ROLE_META));
			draw_picture(scr, r.y, x + 5, 1, cells, &rv->spark, 0, -1);
			snprintf(years, sizeof(years), " %d", rv->spark_years[1]);
			draw_str(scr, r.y, x + 5 + cells, 5, years, draw_attr(scr, ROLE_META));
		}
	}
	if (rv->sel < rv->top)
		rv->top = rv->sel;
	if (rows > 0 && rv->sel >= rv->top + (size_t)rows)
		rv->top = rv->sel - (size_t)rows + 1;
	for (int i = 0; i < rows; i++) {
		size_t k = rv->top + (size_t)i;
		const struct search_hit *hit;
		char where[96];
		int x = r.x + 1, y = r.y + 1 + i;
		attr_t base;

		if (k >= res->n_hits)
			break;
		hit = &res->hits[k];
		base = k == rv->sel && app->focus == FOCUS_PANE && prompt_kind(app) == PROMPT_NONE
			       ? draw_attr(scr, ROLE_TREE_SELECTED)
			       : A_NORMAL;
		if (base != A_NORMAL)
			draw_fill(y, r.x, r.w, base);
		snprintf(where, sizeof(where), "%s %s%s%s: ", tree_country_name(app->tree, hit->doc->slug),
			 year_label(hit->doc->year, yb), draw_glyph(scr, GLYPH_SEP),
			 hit->section_title);
		used = draw_str(scr, y, x, r.w - 2, where, base | draw_attr(scr, ROLE_META));
		used += draw_text(scr, y, x + used, r.w - 2 - used, hit->snippet, hit->snip_start,
				  base | draw_attr(scr, ROLE_TEXT));
		used += draw_text(scr, y, x + used, r.w - 2 - used, hit->snippet + hit->snip_start,
				  hit->snip_end - hit->snip_start, draw_attr(scr, ROLE_MATCH));
		draw_str(scr, y, x + used, r.w - 2 - used, hit->snippet + hit->snip_end, base | draw_attr(scr, ROLE_TEXT));
	}
}

/* Opens the selected hit's document with the match found and shown. */
static void open_hit(struct results_view *rv, struct app *app)
{
	struct search_hit hit;
	const char *text;
	char *match;

	if (rv->sel >= shown(rv)->n_hits)
		return;
	/* Closing the results frees them: keep what is needed. */
	hit = shown(rv)->hits[rv->sel];
	if (!corpus_doc_load(hit.doc, &app->diags))
		return;
	text = layout_block_text(hit.doc->doc, hit.section, hit.block);
	match = xstrndup(text + hit.start, hit.end - hit.start);
	if (tree_collection(app->tree) != hit.doc->coll)
		tree_set_collection(app->tree, hit.doc->coll);
	app_close_pane(app);
	if (app_open(app, hit.doc, -1)) {
		reading_goto_ref(&app->reading, (struct line_ref){ hit.section, hit.block, hit.start });
		reading_search(&app->reading, match, app->reading.top);
		reading_show_current(&app->reading);
		tree_reveal(app->tree, hit.doc->slug, hit.doc->year, hit.section, &app->diags);
	}
	free(match);
}

static void next_scope(struct results_view *rv, struct app *app)
{
	rv->kind = (rv->kind + 1) % SCOPE__COUNT;
	search_typing_reset(&rv->typing); /* another scope: search again */
	update(rv, app);
}

static bool results_action(struct view *v, struct app *app, enum action act, int key)
{
	struct results_view *rv = v->priv;

	(void)key;
	if (view_move(&rv->sel, shown(rv)->n_hits ? shown(rv)->n_hits - 1 : 0, v->area.h - 1, act))
		return true;
	switch (act) {
	case ACT_DETAIL:
		open_hit(rv, app);
		return true;
	case ACT_SCOPE:
		next_scope(rv, app);
		return true;
	case ACT_EDIT_QUERY:
	case ACT_SEARCH_ALL:
		prompt_open(app, v, PROMPT_SEARCH_ALL, rv->query);
		return true;
	case ACT_CLOSE:
		app_close_pane(app);
		return true;
	default:
		return false;
	}
}

static bool results_prompt(struct view *v, struct app *app, int kind, enum prompt_event ev, int key)
{
	struct results_view *rv = v->priv;

	const char *recalled;

	(void)kind;
	switch (ev) {
	case PROMPT_CHANGED:
		search_history_reset(rv->history);
		update(rv, app);
		return true;
	case PROMPT_CANCEL:
		app_close_pane(app);
		return true;
	case PROMPT_DONE:
		search_history_add(rv->history, prompt_text(app));
		return true;
	default:
		break;
	}
	if (key == ('t' & 0x1f)) {
		next_scope(rv, app);
		return true;
	}
	if (key != KEY_UP && key != KEY_DOWN)
		return false;
	/* Earlier queries (the history keeps what was typed to come back to). */
	recalled = key == KEY_UP ? search_history_older(rv->history, prompt_text(app))
				 : search_history_newer(rv->history);
	if (recalled) {
		prompt_set_text(app, recalled);
		update(rv, app);
	}
	return true;
}

static void results_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	struct results_view *rv = v->priv;

	(void)app;
	(void)w;
	sb_adds(left, "search");
	sb_addf(right, "%zu matches ", shown(rv)->total);
}

const struct view_ops results_view = {
	.name = "results",
	.keys = CTX_RESULTS,
	.priv_size = sizeof(struct results_view),
	.open = results_open,
	.close = results_close,
	.done = results_done,
	.draw = results_draw,
	.action = results_action,
	.status = results_status,
	.prompt = results_prompt,
	.tick = results_tick,
};
