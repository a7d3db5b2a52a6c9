/* reader_view.c — the reading pane: the laid-out narrative, headings,
 * numbered recommendations, and search matches. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui.h"

enum { MAX_LINE_MATCHES = 16 };

static enum theme_role line_role(const struct layout_line *l)
{
	switch (l->kind) {
	case LINE_TITLE:
		return ROLE_TITLE;
	case LINE_META:
		return l->tier ? draw_tier_role((enum tier)l->tier) : ROLE_META;
	case LINE_NOTICE:
		return ROLE_NOTICE;
	case LINE_HEADING:
		return ROLE_HEADING;
	case LINE_ITEM:
		return ROLE_REC_TEXT;
	default:
		return ROLE_TEXT;
	}
}

/* Lays attr over bytes [a, b) of a line's attributes. */
static void paint(attr_t *attrs, size_t a, size_t b, attr_t attr)
{
	for (size_t k = a; k < b; k++)
		attrs[k] = attr;
}

/* Draws a line's text in layers: its role, annotations in their colours,
 * search matches, then the selection. */
static void draw_line_text(struct app *app, size_t i, int y, int x, int w)
{
	const struct layout_line *l = &app->reading.lo.v[i];
	size_t starts[MAX_LINE_MATCHES], ends[MAX_LINE_MATCHES], a, b;
	struct mark_span spans[MAX_LINE_MATCHES];
	bool current[MAX_LINE_MATCHES];
	size_t n = reading_line_matches(&app->reading, i, starts, ends, current, MAX_LINE_MATCHES);
	size_t nm = marks_line(&app->marks, &app->reading, i, spans, MAX_LINE_MATCHES);
	attr_t *attrs = xcalloc(l->len + 1, sizeof(*attrs));
	int used = 0;

	paint(attrs, 0, l->len, draw_attr(app, line_role(l)));
	for (size_t m = 0; m < nm; m++)
		paint(attrs, spans[m].start, spans[m].end,
		      draw_attr(app, draw_note_role(spans[m].color)) |
			      (spans[m].current ? A_BOLD | A_UNDERLINE : 0));
	for (size_t m = 0; m < n; m++)
		paint(attrs, starts[m], ends[m], draw_attr(app, current[m] ? ROLE_MATCH_CURRENT : ROLE_MATCH));
	if (selection_line_range(&app->sel, &app->reading, i, &a, &b))
		paint(attrs, a, b, draw_attr(app, ROLE_SELECTION));
	for (size_t k = 0; k < l->len && used < w;) {
		size_t e = k;

		while (e < l->len && attrs[e] == attrs[k])
			e++;
		used += draw_text(app, y, x + used, w - used, l->text + k, e - k, attrs[k]);
		k = e;
	}
	free(attrs);
}

/* Where line l's text starts, columns from the pane's left edge. */
static int text_column(const struct layout_line *l)
{
	return 1 + (l->kind == LINE_ITEM ? 1 : 0) + (int)l->indent;
}

bool reader_view_cell(const struct app *app, int y, int x, int x0, size_t *line, size_t *col)
{
	const struct reading *r = &app->reading;
	size_t i = r->top + (size_t)(y < 0 ? 0 : y);
	int c;

	if (!r->doc || y < 0 || i >= r->lo.n)
		return false;
	c = x - x0 - text_column(&r->lo.v[i]);
	*line = i;
	*col = c > 0 ? (size_t)c : 0;
	return true;
}

static void reader_draw(struct app *app, int y0, int x0, int h, int w)
{
	struct reading *r = &app->reading;

	for (int row = 0; row < h; row++)
		draw_fill(y0 + row, x0, w, A_NORMAL);
	if (!r->doc) {
		static const char hint[] = "Choose a country and a year in the tree, then press Enter.";

		draw_text(app, y0 + h / 2, x0 + 2, w - 2, hint, sizeof(hint) - 1, draw_attr(app, ROLE_HINT));
		return;
	}
	for (int row = 0; row < h; row++) {
		size_t i = r->top + (size_t)row;
		const struct layout_line *l;
		int x = x0 + 1;

		if (i >= r->lo.n)
			break;
		l = &r->lo.v[i];
		if (l->kind == LINE_BLANK)
			continue;
		/* A note ends on this line: its marker in the margin. */
		if (marks_note_ends_on(&app->marks, r, i))
			draw_text(app, y0 + row, x0, 1, app->ascii_only ? "*" : "\xe2\x9c\x8e", /* ✎ */
				  app->ascii_only ? 1 : 3, draw_attr(app, ROLE_NOTE_MARKER));
		if (l->kind == LINE_ITEM) {
			/* The list stands apart: a bar, then the number or its indent. */
			const char *bar = app->ascii_only ? "|" : "\xe2\x96\x8e"; /* ▎ */
			char num[16];

			draw_text(app, y0 + row, x, 1, bar, strlen(bar), draw_attr(app, ROLE_REC_NUMBER));
			if (l->number)
				snprintf(num, sizeof(num), "%*d.", (int)r->lo.number_width - 1, l->number);
			else
				snprintf(num, sizeof(num), "%*s", (int)r->lo.number_width, "");
			draw_text(app, y0 + row, x + 1, w - 2, num, strlen(num), draw_attr(app, ROLE_REC_NUMBER));
		}
		x = x0 + text_column(l);
		if (x < x0 + w)
			draw_line_text(app, i, y0 + row, x, x0 + w - x);
	}
}

/* The annotation actions of the reading pane. */
static bool note_action(struct app *app, enum action act)
{
	const struct annotation *cur = marks_current(&app->marks);
	enum ann_color color;

	switch (act) {
	case ACT_VISUAL:
	case ACT_VISUAL_BLOCK:
		if (!(act == ACT_VISUAL ? selection_start(&app->sel, &app->reading)
					: selection_start_block(&app->sel, &app->reading)))
			app_message(app, false, "No text on screen to select");
		return true;
	case ACT_NEXT_NOTE:
	case ACT_PREV_NOTE:
		if (!marks_next(&app->marks, &app->reading, act == ACT_NEXT_NOTE ? 1 : -1))
			app_message(app, false, app->marks.n ? "No annotation %s" : "No annotations in this document%s",
				    app->marks.n ? (act == ACT_NEXT_NOTE ? "after this one" : "before this one") : "");
		return true;
	default:
		break;
	}
	if (act != ACT_EDIT_NOTE && act != ACT_COLOR && act != ACT_DELETE_NOTE)
		return false;
	if (!cur) {
		app_message(app, false, "Move onto an annotation first (a, A, or click it)");
		return true;
	}
	if (act == ACT_EDIT_NOTE)
		notes_prompt(app, cur->id);
	else if (act == ACT_DELETE_NOTE)
		notes_delete(app, cur->id);
	else if (notes_key_color(app->key, &color))
		notes_recolor(app, cur->id, color);
	return true;
}

static bool reader_action(struct app *app, enum action act)
{
	struct reading *r = &app->reading;
	long page = r->height > 2 ? (long)r->height - 2 : 1;
	bool wrapped;

	if (!r->doc)
		return false;
	if (note_action(app, act))
		return true;
	switch (act) {
	case ACT_DOWN:
		reading_scroll(r, 1);
		break;
	case ACT_UP:
		reading_scroll(r, -1);
		break;
	case ACT_PAGE_DOWN:
		reading_scroll(r, page);
		break;
	case ACT_PAGE_UP:
		reading_scroll(r, -page);
		break;
	case ACT_HALF_DOWN:
		reading_scroll(r, (long)r->height / 2);
		break;
	case ACT_HALF_UP:
		reading_scroll(r, -(long)r->height / 2);
		break;
	case ACT_TOP:
		reading_set_top(r, 0);
		break;
	case ACT_BOTTOM:
		reading_set_top(r, reading_max_top(r));
		break;
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
		if (!reading_next_section(r, act == ACT_NEXT_SECTION ? 1 : -1))
			app_message(app, false, act == ACT_NEXT_SECTION ? "No section after this one"
									 : "At the top");
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!r->query)
			app_message(app, false, "No search: press / to search");
		else if (!reading_search_next(r, act == ACT_NEXT_MATCH ? 1 : -1, &wrapped))
			app_message(app, true, "No match for \"%s\"", r->query);
		else
			app_message(app, false, "Match %zu of %zu%s", r->current + 1, r->n_matches,
				    wrapped ? " (wrapped)" : "");
		break;
	default:
		return false;
	}
	marks_follow_view(&app->marks, r);
	return true;
}

const struct view_ops reader_view = { "reader", reader_draw, reader_action };
