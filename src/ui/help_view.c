/* help_view.c — every key, printed from the table the dispatcher uses,
 * grouped by where it works; / finds a key or a word in it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/fold.h"
#include "ui/app.h"
#include "ui/move.h"
#include "ui/views.h"

enum { KEY_COLS = 18 };

struct help_view {
	size_t top;
	char *query;     /* what / looks for, folded; NULL when none */
	size_t match;    /* the line found */
	size_t origin;   /* the top when / was pressed */
};

/* What the tree's marks mean, after the keys. */
static const struct {
	const char *mark, *meaning;
} legend[] = {
	{ "1 2 2WL 3 SC", "the edition's tier: 1, 2, 2 Watch List, 3, Special Case" },
	{ "*", "an excerpt: the edition's text is not whole" },
};

/* The help screen's lines: a group's title (keys NULL), then its keys
 * ("keys  what they do"), then a blank line; last, the tree's marks.
 * False past the end. */
static bool help_line(size_t i, char *keys, size_t n, const char **text)
{
	size_t at = 0;

	for (int g = 0; g < CTX__COUNT; g++) {
		if (at++ == i) {
			*keys = '\0';
			*text = keys_context_title((enum key_context)g);
			return true;
		}
		for (size_t b = 0; b < key_bindings_count; b++) {
			if (key_bindings[b].context != (enum key_context)g || at++ != i)
				continue;
			keys_binding_names(&key_bindings[b], keys, n);
			*text = key_bindings[b].help;
			return true;
		}
		if (at++ == i) {
			*keys = '\0';
			*text = "";
			return true;
		}
	}
	if (at++ == i) {
		*keys = '\0';
		*text = "Marks in the tree";
		return true;
	}
	for (size_t k = 0; k < ARRAY_SIZE(legend); k++)
		if (at++ == i) {
			snprintf(keys, n, "%s", legend[k].mark);
			*text = legend[k].meaning;
			return true;
		}
	return false;
}

static size_t help_count(void)
{
	char keys[64];
	const char *t;
	size_t n = 0;

	while (help_line(n, keys, sizeof(keys), &t))
		n++;
	return n;
}

static bool help_open(struct view *v, struct app *app)
{
	struct help_view *hv = v->priv;

	(void)app;
	hv->top = 0;
	return true;
}

static void help_draw(struct view *v, struct app *app, struct rect r)
{
	struct help_view *hv = v->priv;
	const struct screen *scr = &app->scr;
	size_t n = help_count();
	char title[128], keys[64];

	if (hv->top + (size_t)(r.h - 1) > n)
		hv->top = n > (size_t)(r.h - 1) ? n - (size_t)(r.h - 1) : 0;
	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, A_NORMAL);
	snprintf(title, sizeof(title), "tipr: keys (%s closes; %s finds a key or a word; %s/%s scroll)",
		 keys_label(ACT_CLOSE, CTX_HELP), keys_label(ACT_SEARCH, CTX_HELP), keys_label(ACT_DOWN, CTX_HELP),
		 keys_label(ACT_UP, CTX_HELP));
	draw_str(scr, r.y, r.x + 1, r.w - 1, title, draw_attr(scr, ROLE_TITLE));
	for (int i = 1; i < r.h; i++) {
		size_t line = hv->top + (size_t)i - 1;
		const char *text;
		attr_t hit = hv->query && line == hv->match ? draw_attr(scr, ROLE_MATCH_CURRENT) : 0;

		if (!help_line(line, keys, sizeof(keys), &text))
			break;
		if (!*keys) {
			draw_str(scr, r.y + i, r.x + 1, r.w - 1, text, draw_attr(scr, ROLE_HEADING));
			continue;
		}
		draw_str(scr, r.y + i, r.x + 3, KEY_COLS - 2, keys, hit ? hit : draw_attr(scr, ROLE_HELP_KEY));
		if (r.w > KEY_COLS + 3)
			draw_str(scr, r.y + i, r.x + KEY_COLS + 2, r.w - KEY_COLS - 3, text,
				 hit ? hit : draw_attr(scr, ROLE_TEXT));
	}
}

/* The next line (dir 1) or the one before (-1), from line `from` on, whose
 * keys or text hold the query; wraps around.  False when none does. */
static bool find(struct help_view *hv, size_t from, int dir, size_t *out)
{
	size_t n = help_count();
	char keys[64];
	const char *text;

	for (size_t k = 0; k < n; k++) {
		size_t line = (from + n + (size_t)dir * k) % n;
		char *both, *folded;
		bool found;

		if (!help_line(line, keys, sizeof(keys), &text) || !*keys)
			continue;
		both = xasprintf("%s  %s", keys, text);
		folded = fold_dup(both);
		found = strstr(folded, hv->query) != NULL;
		free(both);
		free(folded);
		if (found) {
			*out = line;
			return true;
		}
	}
	return false;
}

/* Finds the query from line `from` on and shows the line found. */
static void seek(struct help_view *hv, struct app *app, size_t from, int dir, int rows)
{
	size_t line;

	if (!hv->query || !*hv->query)
		return;
	if (!find(hv, from, dir, &line)) {
		app_message(app, true, "Nothing in the help matches \"%s\"", prompt_text(app));
		return;
	}
	hv->match = line;
	if (line < hv->top || line >= hv->top + (size_t)(rows > 2 ? rows - 2 : 1))
		hv->top = line > 2 ? line - 2 : 0;
}

static bool help_action(struct view *v, struct app *app, enum action act, int key)
{
	struct help_view *hv = v->priv;

	(void)key;
	if (view_move(&hv->top, help_count(), v->area.h, act))
		return true;
	switch (act) {
	case ACT_SEARCH:
		hv->origin = hv->top;
		prompt_open(app, v, PROMPT_HELP, NULL);
		return true;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!hv->query)
			app_message(app, false, "Nothing to find: %s finds a key or a word", keys_label(ACT_SEARCH, CTX_HELP));
		seek(hv, app, hv->match + (act == ACT_NEXT_MATCH ? 1 : help_count() - 1), act == ACT_NEXT_MATCH ? 1 : -1,
		     v->area.h);
		return true;
	default:
		/* Any other key closes the help. */
		free(hv->query);
		hv->query = NULL;
		app->overlay = NULL;
		return true;
	}
}

static bool help_prompt(struct view *v, struct app *app, int kind, enum prompt_event ev, int key)
{
	struct help_view *hv = v->priv;

	(void)kind;
	(void)key;
	switch (ev) {
	case PROMPT_CHANGED:
		free(hv->query);
		hv->query = *prompt_text(app) ? fold_dup(prompt_text(app)) : NULL;
		hv->top = hv->origin;
		seek(hv, app, 0, 1, v->area.h);
		return true;
	case PROMPT_CANCEL:
		free(hv->query);
		hv->query = NULL;
		hv->top = hv->origin;
		return true;
	case PROMPT_DONE:
		return true;
	default:
		return false;
	}
}

static void help_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	(void)v;
	(void)app;
	(void)right;
	(void)w;
	sb_adds(left, "help");
}

static void help_done(struct view *v)
{
	struct help_view *hv = v->priv;

	free(hv->query);
}

const struct view_ops help_view = {
	.name = "help",
	.keys = CTX_HELP,
	.priv_size = sizeof(struct help_view),
	.open = help_open,
	.done = help_done,
	.draw = help_draw,
	.action = help_action,
	.status = help_status,
	.prompt = help_prompt,
};
