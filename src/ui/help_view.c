/* help_view.c — every key, printed from the table the dispatcher uses. */
#include "config.h"

#include <string.h>

#include "ui/ui.h"

static const struct {
	enum key_context context;
	const char *title;
} help_groups[] = {
	{ CTX_ANY, "Everywhere" },
	{ CTX_TREE, "In the tree" },
	{ CTX_READER, "In the text" },
	{ CTX_VISUAL, "Selecting a passage (after v or V)" },
	{ CTX_NOTES, "In the list of annotations" },
	{ CTX_COMPARE, "Comparing two editions" },
	{ CTX_TRACKER, "In the recommendation tracker" },
	{ CTX_RESULTS, "In the search results" },
};

/* The help screen's lines: group titles, then "keys  what they do". */
static size_t help_line(size_t i, const char **keys, const char **text)
{
	size_t n = 0;

	for (size_t g = 0; g < ARRAY_SIZE(help_groups); g++) {
		if (n++ == i) {
			*keys = NULL;
			*text = help_groups[g].title;
			return n;
		}
		for (size_t b = 0; b < key_bindings_count; b++) {
			if (key_bindings[b].context != help_groups[g].context)
				continue;
			if (n++ == i) {
				*keys = key_bindings[b].names;
				*text = key_bindings[b].help;
				return n;
			}
		}
		if (n++ == i) {
			*keys = NULL;
			*text = "";
			return n;
		}
	}
	return 0;
}

static size_t help_count(void)
{
	const char *k, *t;
	size_t n = 0;

	while (help_line(n, &k, &t))
		n++;
	return n;
}

static void help_draw(struct app *app, int y0, int x0, int h, int w)
{
	static const char title[] = "tipr: keys (Esc or q closes; j/k scroll)";
	size_t n = help_count();

	if (app->help_top + (size_t)(h - 1) > n)
		app->help_top = n > (size_t)(h - 1) ? n - (size_t)(h - 1) : 0;
	for (int r = 0; r < h; r++)
		draw_fill(y0 + r, x0, w, A_NORMAL);
	draw_text(app, y0, x0 + 1, w - 1, title, sizeof(title) - 1, draw_attr(app, ROLE_TITLE));
	for (int r = 1; r < h; r++) {
		const char *keys, *text;

		if (!help_line(app->help_top + (size_t)r - 1, &keys, &text))
			break;
		if (!keys) {
			draw_text(app, y0 + r, x0 + 1, w - 1, text, strlen(text), draw_attr(app, ROLE_HEADING));
			continue;
		}
		draw_text(app, y0 + r, x0 + 3, 16, keys, strlen(keys), draw_attr(app, ROLE_HELP_KEY));
		if (w > 21)
			draw_text(app, y0 + r, x0 + 20, w - 21, text, strlen(text), draw_attr(app, ROLE_TEXT));
	}
}

static bool help_action(struct app *app, enum action act)
{
	size_t step = act == ACT_DOWN || act == ACT_UP ? 1 : (size_t)(app->rows / 2);

	switch (act) {
	case ACT_DOWN:
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		app->help_top += step;
		return true;
	case ACT_UP:
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		app->help_top = app->help_top > step ? app->help_top - step : 0;
		return true;
	case ACT_TOP:
		app->help_top = 0;
		return true;
	default:
		/* Any other key closes the help. */
		app->help = false;
		return true;
	}
}

const struct view_ops help_view = { "help", help_draw, help_action };
