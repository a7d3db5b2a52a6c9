/* status.c — the status line (where am I) and the hint line (keys, the
 * prompt being typed, or a message). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"
#include "ui/ui.h"

/* The right of the status line for a document: tier, excerpt, position. */
static void doc_position(const struct app *app, struct strbuf *sb, bool compact)
{
	const struct document *doc = app->reading.doc;

	if (doc->tier)
		sb_addf(sb, "%s%s  ", compact && doc->tier != TIER_SPECIAL ? "Tier " : "",
			compact ? tier_badge(doc->tier) : tier_label(doc->tier));
	if (!doc->complete)
		sb_adds(sb, "excerpt  ");
	sb_addf(sb, "%3d%% ", reading_percent(&app->reading));
}

void status_draw(struct app *app, int y, int w)
{
	attr_t a = draw_attr(app, ROLE_STATUS);
	struct strbuf left = {0}, right = {0};
	const char *sep = app->ascii_only ? " > " : " \xe2\x80\xba "; /* › */
	struct collection *coll = tree_collection(app->tree);
	int rw;

	draw_fill(y, 0, w, a);
	sb_adds(&left, coll->title);
	if (app->pane == PANE_COMPARE && app->cmp) {
		const struct cmp_layout *lo = &app->cmp_lo;
		const struct cmp_section *cs = lo->n ? &app->cmp->secs[lo->v[app->cmp_top < lo->n ? app->cmp_top : 0].sec] : NULL;

		sb_addf(&left, "%s%d \xe2\x86\x92 %d%s", sep, app->cmp_a->year, app->cmp_b->year, sep); /* → */
		sb_adds(&left, tree_country_name(app->tree, app->cmp_a->slug));
		if (cs) {
			sb_adds(&left, sep);
			sb_adds(&left, cs->title ? cs->title : cs->id);
			sb_addf(&right, "section %.0f%%  whole %.0f%% similar ", cs->similarity * 100,
				app->cmp->similarity * 100);
			/* Narrow: the section's figure alone, whole rather than cut. */
			if (right.len + 24 > (size_t)w) {
				sb_reset(&right);
				sb_addf(&right, "%.0f%% similar ", cs->similarity * 100);
			}
		}
	} else if (app->pane == PANE_NOTES) {
		sb_adds(&left, sep);
		sb_adds(&left, "annotations");
		sb_addf(&right, "%zu of %zu ", app->nl_n ? app->nl_sel + 1 : 0, app->nl_n);
	} else if (app->pane == PANE_RESULTS) {
		sb_adds(&left, sep);
		sb_adds(&left, "search");
		sb_addf(&right, "%zu matches ", app->sres.total);
	} else if (app->pane == PANE_TRACKER && app->trk) {
		sb_adds(&left, sep);
		sb_adds(&left, tree_country_name(app->tree, app->open->slug));
		sb_adds(&left, sep);
		sb_adds(&left, "recommendations across editions");
		sb_addf(&right, "%zu recommendations ", app->trk->n_threads);
	} else if (app->open) {
		const struct document *doc = app->reading.doc;
		int s = reading_section_at_top(&app->reading);

		bool narrow;

		sb_adds(&left, sep);
		if (app->open->year)
			sb_addf(&left, "%d", app->open->year);
		else
			sb_adds(&left, "undated");
		sb_adds(&left, sep);
		sb_adds(&left, tree_country_name(app->tree, app->open->slug));
		if (s >= 0) {
			sb_adds(&left, sep);
			sb_adds(&left, doc->sections[s].title);
		}
		doc_position(app, &right, false);
		/* A narrow terminal gets the short tier ("Tier 2WL") and loses the
		 * collection's title before it loses the country or section. */
		narrow = text_width(left.buf, left.len) + right.len + 3 > (size_t)w;
		if (narrow) {
			sb_reset(&right);
			doc_position(app, &right, true);
			size_t skip = strlen(coll->title) + strlen(sep);

			memmove(left.buf, left.buf + skip, left.len - skip + 1);
			left.len -= skip;
		}
	}
	/* Tier and position stay whole (ASCII: bytes are columns); the place
	 * gives way, visibly clipped. */
	rw = (int)(right.len < (size_t)(w > 24 ? w - 24 : 0) ? right.len : (size_t)(w > 24 ? w - 24 : 0));
	draw_text_clipped(app, y, 1, w - rw - 2, left.len ? left.buf : "", left.len, a);
	if (rw)
		draw_text(app, y, w - rw, rw, right.buf, right.len, a);
	sb_free(&left);
	sb_free(&right);
}

/* Draws as many hints as fit, whole and in order, and always "F1 help". */
static void draw_hints(struct app *app, int y, int w, const char *const *hints)
{
	static const char help[] = "F1 help";
	attr_t a = draw_attr(app, ROLE_HINT);
	int x = 0, room = w - (int)sizeof(help) + 1;

	for (; *hints; hints++) {
		int len = (int)strlen(*hints); /* ASCII: bytes are columns */

		if (x + len + 2 > room)
			break;
		x += draw_text(app, y, x, len, *hints, (size_t)len, a) + 2;
	}
	draw_text(app, y, x, w - x, help, sizeof(help) - 1, a);
}

/* The prompt's text with the cursor, scrolled so the cursor shows. */
static void draw_input(struct app *app, int y, int x, int w)
{
	const char *s = line_edit_text(&app->input);
	size_t len = app->input.text.len, c = app->input.cursor, from = 0, k;
	int at;

	if (w < 2)
		return;
	while (text_width(s + from, c - from) > (size_t)w - 1)
		from += (k = text_fit(s + from, c - from, 1, NULL)) ? k : 1;
	at = draw_text(app, y, x, w - 1, s + from, c - from, A_NORMAL);
	k = c < len ? text_fit(s + c, len - c, 1, NULL) : 0;
	if (!k && c < len)
		k = 1;
	/* The cursor where the next character goes, on the character under it. */
	at += draw_text(app, y, x + at, w - at, k ? s + c : " ", k ? k : 1, A_REVERSE);
	if (c + k < len)
		draw_text(app, y, x + at, w - at, s + c + k, len - c - k, A_NORMAL);
}

void hint_draw(struct app *app, int y, int w)
{
	/* Most useful first: a narrow terminal drops hints from the end. */
	static const char *const hints[] = { "q quit", "Tab pane", "/ search", "S search all", "D compare",
					     "R recs", "v select", "L notes", "[ ] section", "< > year",
					     "n/N match", "m by year", "t tree", NULL };
	static const char *const results_hints[] = { "j/k match", "Enter open it", "o scope",
						     "/ change the query", "q back to reading", NULL };
	static const char *const compare_hints[] = { "n/N change", "s swap", "i inline", "z fold",
						     "< > year", "q back to reading", NULL };
	static const char *const tracker_hints[] = { "j/k recommendation", "h/l year", "Enter text or diff",
						     "q back to reading", NULL };
	static const char *const visual_hints[] = { "w/b word", ")/( sentence", "} paragraph", "j/k line",
						    "Enter highlight", "1-7 colour", "a note", "Esc cancel", NULL };
	static const char *const notes_hints[] = { "Enter read it", "/ filter", "s sort", "e note",
						   "1-7 colour", "x delete", "U undo", "q back", NULL };
	static const char *const prompts[] = {
		[PROMPT_SEARCH] = "/", [PROMPT_SEARCH_BACK] = "?", [PROMPT_FILTER] = "filter: ",
		[PROMPT_COMPARE] = "compare with the edition of year (Enter: the one before): ",
		[PROMPT_SEARCH_ALL] = "search everything (^T scope, Enter list, Esc close): ",
		[PROMPT_NOTE] = "note (Enter saves, Esc cancels): ",
		[PROMPT_NOTES_FILTER] = "filter annotations: ",
	};
	char *note;

	draw_fill(y, 0, w, A_NORMAL);
	if (app->prompt != PROMPT_NONE) {
		int used = draw_text(app, y, 0, w, prompts[app->prompt], strlen(prompts[app->prompt]),
				     draw_attr(app, ROLE_PROMPT));

		draw_input(app, y, used, w - used);
		return;
	}
	if (app->message) {
		draw_text(app, y, 0, w, app->message, strlen(app->message),
			  draw_attr(app, app->message_is_error ? ROLE_ERROR : ROLE_MESSAGE));
		return;
	}
	/* On an annotation: its note. */
	if (app->pane == PANE_READER && !app->sel.active && (note = notes_current_text(app))) {
		int used = draw_text(app, y, 0, w, app->ascii_only ? "* " : "\xe2\x9c\x8e ", /* ✎ */
				     app->ascii_only ? 2 : 4, draw_attr(app, ROLE_NOTE_MARKER));

		draw_text_clipped(app, y, used, w - used, note, strlen(note), draw_attr(app, ROLE_MESSAGE));
		free(note);
		return;
	}
	draw_hints(app, y, w, app->pane == PANE_COMPARE   ? compare_hints
			      : app->pane == PANE_RESULTS ? results_hints
			      : app->pane == PANE_TRACKER ? tracker_hints
			      : app->pane == PANE_NOTES   ? notes_hints
			      : app->sel.active	  ? visual_hints
							  : hints);
}
