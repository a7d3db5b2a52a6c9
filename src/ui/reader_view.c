/* reader_view.c — the reading pane: the laid-out narrative, headings,
 * numbered recommendations, and search matches. */
#include "config.h"

#include <stdio.h>
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

/* Draws a line's text with the search matches on it highlighted. */
static void draw_line_text(struct app *app, size_t i, int y, int x, int w)
{
	const struct layout_line *l = &app->reading.lo.v[i];
	size_t starts[MAX_LINE_MATCHES], ends[MAX_LINE_MATCHES], at = 0;
	bool current[MAX_LINE_MATCHES];
	size_t n = reading_line_matches(&app->reading, i, starts, ends, current, MAX_LINE_MATCHES);
	attr_t text = draw_attr(app, line_role(l));
	int used = 0;

	for (size_t m = 0; m <= n && used < w; m++) {
		size_t a = m < n ? starts[m] : l->len;

		if (a > at)
			used += draw_text(app, y, x + used, w - used, l->text + at, a - at, text);
		if (m < n && used < w) {
			used += draw_text(app, y, x + used, w - used, l->text + a, ends[m] - a,
					  draw_attr(app, current[m] ? ROLE_MATCH_CURRENT : ROLE_MATCH));
			at = ends[m];
		}
	}
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
			x += 1 + (int)l->indent;
		} else {
			x += (int)l->indent;
		}
		if (x < x0 + w)
			draw_line_text(app, i, y0 + row, x, x0 + w - x);
	}
}

static bool reader_action(struct app *app, enum action act)
{
	struct reading *r = &app->reading;
	long page = r->height > 2 ? (long)r->height - 2 : 1;
	bool wrapped;

	if (!r->doc)
		return false;
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
	return true;
}

const struct view_ops reader_view = { "reader", reader_draw, reader_action };
