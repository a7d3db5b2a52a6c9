/* search_view.c — corpus-wide search: results as you type, Enter opens the
 * document at the match with it highlighted. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/ui.h"

/* The first search of a corpus builds its cache (seconds for thousands of
 * documents): the message line counts the documents as they go. */
static void build_progress(size_t done, size_t total, void *arg)
{
	struct app *app = arg;

	app_message(app, false, "Building the search cache: %zu of %zu documents", done, total);
	app_redraw(app);
}

void results_open(struct app *app)
{
	if (!app->six) {
		char *cache = search_cache_path(app->corpus);
		bool rebuilt;

		app->six = search_index_open(app->corpus, cache, build_progress, app, &rebuilt, &app->diags);
		if (rebuilt) { /* the count has done its work */
			free(app->message);
			app->message = NULL;
		}
		free(cache);
	}
	app->pane = PANE_RESULTS;
	app->focus = FOCUS_READER;
	app->prompt = PROMPT_SEARCH_ALL;
	app->search_origin = app->reading.top;
}

void results_close(struct app *app)
{
	search_results_free(&app->sres);
	search_typing_reset(&app->typing);
	app->pane = PANE_READER;
	if (app->prompt == PROMPT_SEARCH_ALL)
		app->prompt = PROMPT_NONE;
}

void results_update(struct app *app)
{
	struct search_scope scope = { .first_only = true };
	const char *err, *text = app->input.len ? app->input.buf : "";
	size_t w, h;

	app->s_sel = app->s_top = 0;
	if (app->open && app->s_scope == SCOPE_COUNTRY)
		scope.country = app->open->slug;
	if (app->open && app->s_scope == SCOPE_YEAR)
		scope.year = app->open->year;
	app_text_size(app, &w, &h);
	if (!search_typing_update(&app->typing, app->six, text, &scope, 500, w > 30 ? w - 24 : 20, &app->sres,
				  &err, &app->diags))
		return;
	if (!app->sres.total)
		app_message(app, true, "No match for \"%s\"", text);
	else
		app_message(app, false, "%zu%s matches in %zu%s documents", app->sres.total,
			    app->sres.incomplete ? "+" : "", app->sres.n_docs, app->sres.incomplete ? "+" : "");
}

static const char *scope_name(const struct app *app, char *buf, size_t n)
{
	if (app->s_scope == SCOPE_COUNTRY && app->open)
		return tree_country_name(app->tree, app->open->slug);
	if (app->s_scope == SCOPE_YEAR && app->open) {
		snprintf(buf, n, "%d", app->open->year);
		return buf;
	}
	return "everything";
}

static void results_draw(struct app *app, int y0, int x0, int h, int w)
{
	const struct search_results *r = &app->sres;
	char head[160], yb[16];
	int rows = h - 1;

	for (int i = 0; i < h; i++)
		draw_fill(y0 + i, x0, w, A_NORMAL);
	snprintf(head, sizeof(head), "Search %s: %zu%s matches in %zu%s documents",
		 scope_name(app, yb, sizeof(yb)), r->total, r->incomplete ? "+" : "", r->n_docs,
		 r->incomplete ? "+" : "");
	draw_text(app, y0, x0 + 1, w - 1, head, strlen(head), draw_attr(app, ROLE_HEADING));
	if (app->s_sel < app->s_top)
		app->s_top = app->s_sel;
	if (rows > 0 && app->s_sel >= app->s_top + (size_t)rows)
		app->s_top = app->s_sel - (size_t)rows + 1;
	for (int i = 0; i < rows; i++) {
		size_t k = app->s_top + (size_t)i;
		const struct search_hit *hit;
		char where[96];
		int x = x0 + 1, used;
		attr_t base;

		if (k >= r->n_hits)
			break;
		hit = &r->hits[k];
		base = k == app->s_sel && app->focus == FOCUS_READER && app->prompt == PROMPT_NONE
			       ? draw_attr(app, ROLE_TREE_SELECTED)
			       : A_NORMAL;
		if (base != A_NORMAL)
			draw_fill(y0 + 1 + i, x0, w, base);
		snprintf(where, sizeof(where), "%s %d \xe2\x80\xba %s: ", tree_country_name(app->tree, hit->doc->slug),
			 hit->doc->year, hit->section_title);
		used = draw_text(app, y0 + 1 + i, x, w - 2, where, strlen(where), base | draw_attr(app, ROLE_META));
		used += draw_text(app, y0 + 1 + i, x + used, w - 2 - used, hit->snippet, hit->snip_start,
				  base | draw_attr(app, ROLE_TEXT));
		used += draw_text(app, y0 + 1 + i, x + used, w - 2 - used, hit->snippet + hit->snip_start,
				  hit->snip_end - hit->snip_start, draw_attr(app, ROLE_MATCH));
		draw_text(app, y0 + 1 + i, x + used, w - 2 - used, hit->snippet + hit->snip_end,
			  strlen(hit->snippet + hit->snip_end), base | draw_attr(app, ROLE_TEXT));
	}
}

/* Opens the selected hit's document with the match found and shown. */
static void open_hit(struct app *app)
{
	struct search_hit hit;
	const char *text;
	char *match;

	if (app->s_sel >= app->sres.n_hits)
		return;
	/* Closing the results frees them: keep what is needed. */
	hit = app->sres.hits[app->s_sel];
	if (!corpus_doc_load(hit.doc, &app->diags))
		return;
	text = layout_block_text(hit.doc->doc, hit.section, hit.block);
	match = xstrndup(text + hit.start, hit.end - hit.start);
	if (tree_collection(app->tree) != hit.doc->coll)
		tree_set_collection(app->tree, hit.doc->coll);
	results_close(app);
	if (app_open(app, hit.doc, -1)) {
		reading_goto_ref(&app->reading, (struct line_ref){ hit.section, hit.block, hit.start });
		reading_search(&app->reading, match, app->reading.top);
		reading_show_current(&app->reading);
		tree_reveal(app->tree, hit.doc->slug, hit.doc->year, hit.section, &app->diags);
	}
	free(match);
}

static bool results_action(struct app *app, enum action act)
{
	if (ui_list_move(&app->s_sel, app->sres.n_hits, app->pane_rows, act))
		return true;
	switch (act) {
	case ACT_DETAIL:
		open_hit(app);
		break;
	case ACT_SCOPE:
		app->s_scope = (app->s_scope + 1) % 3;
		search_typing_reset(&app->typing); /* another scope: search again */
		results_update(app);
		break;
	case ACT_EDIT_QUERY:
		app->prompt = PROMPT_SEARCH_ALL;
		break;
	case ACT_CLOSE:
		results_close(app);
		break;
	default:
		return false;
	}
	return true;
}

const struct view_ops results_view = { "results", results_draw, results_action };
