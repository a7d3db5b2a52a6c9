/* prompt.c — the prompt: a table of kinds, one line editor, events to the
 * view that opened it. */
#include "config.h"

#include "ui/prompt.h"

#include <string.h>

#include "text/textwrap.h"
#include "ui/app.h"

enum prompt_accepts { ACCEPT_TEXT, ACCEPT_DIGITS };

static const struct {
	const char *label;
	size_t max;                 /* bytes */
	enum prompt_accepts accepts;
} kinds[PROMPT__COUNT] = {
	[PROMPT_SEARCH] = { "/", 200, ACCEPT_TEXT },
	[PROMPT_SEARCH_BACK] = { "?", 200, ACCEPT_TEXT },
	[PROMPT_FILTER] = { "filter: ", 200, ACCEPT_TEXT },
	[PROMPT_COMPARE] = { "compare with the edition of year (Enter: the one before): ", 4, ACCEPT_DIGITS },
	[PROMPT_SEARCH_ALL] = { "search everything (^T scope, Up/Down earlier, Enter list, Esc close): ", 200,
				ACCEPT_TEXT },
	[PROMPT_NOTE] = { "note (Enter saves, Esc cancels): ", 4000, ACCEPT_TEXT },
	[PROMPT_NOTES_FILTER] = { "filter annotations: ", 200, ACCEPT_TEXT },
	[PROMPT_HELP] = { "find in the help: ", 200, ACCEPT_TEXT },
};

/* The line editor's keys, as readline has them. */
static const struct {
	bool fkey;
	int code;
	enum line_edit_op op;
} edits[] = {
	{ true, KEY_BACKSPACE, LE_BACKSPACE }, { false, 127, LE_BACKSPACE },	{ false, 8, LE_BACKSPACE },
	{ true, KEY_DC, LE_DELETE },	       { false, 'd' & 0x1f, LE_DELETE }, { true, KEY_LEFT, LE_LEFT },
	{ false, 'b' & 0x1f, LE_LEFT },	       { true, KEY_RIGHT, LE_RIGHT },	 { false, 'f' & 0x1f, LE_RIGHT },
	{ true, KEY_HOME, LE_HOME },	       { false, 'a' & 0x1f, LE_HOME },	 { true, KEY_END, LE_END },
	{ false, 'e' & 0x1f, LE_END },	       { false, 'u' & 0x1f, LE_KILL_START },
	{ false, 'k' & 0x1f, LE_KILL_END },    { false, 'w' & 0x1f, LE_KILL_WORD },
};

void prompt_open(struct app *app, struct view *owner, enum prompt_kind kind, const char *initial)
{
	struct prompt *p = &app->prompt;

	p->kind = kind;
	p->owner = owner;
	line_edit_reset(&p->edit, initial, kinds[kind].max);
	app_clear_message(app);
}

void prompt_close(struct app *app)
{
	app->prompt.kind = PROMPT_NONE;
	app->prompt.owner = NULL;
}

enum prompt_kind prompt_kind(const struct app *app)
{
	return app->prompt.kind;
}

const char *prompt_text(const struct app *app)
{
	return line_edit_text(&app->prompt.edit);
}

void prompt_set_text(struct app *app, const char *text)
{
	line_edit_reset(&app->prompt.edit, text, kinds[app->prompt.kind].max);
}

/* Tells the owner; a prompt closed by Enter or Esc is closed first, so the
 * owner may open another. */
static bool tell(struct app *app, enum prompt_event ev, int key)
{
	struct view *owner = app->prompt.owner;
	enum prompt_kind kind = app->prompt.kind;

	if (ev == PROMPT_DONE || ev == PROMPT_CANCEL)
		prompt_close(app);
	return owner && owner->ops->prompt && owner->ops->prompt(owner, app, (int)kind, ev, key);
}

void prompt_key(struct app *app, bool fkey, int code)
{
	struct prompt *p = &app->prompt;

	if (!fkey && (code == '\n' || code == '\r')) {
		tell(app, PROMPT_DONE, code);
		return;
	}
	if (!fkey && code == 27) {
		app_clear_message(app);
		tell(app, PROMPT_CANCEL, code);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(edits); i++)
		if (edits[i].fkey == fkey && edits[i].code == code) {
			if (line_edit_apply(&p->edit, edits[i].op)) {
				app_clear_message(app);
				tell(app, PROMPT_CHANGED, code);
			}
			return;
		}
	if (!fkey && code >= 0x20 && (kinds[p->kind].accepts != ACCEPT_DIGITS || (code >= '0' && code <= '9'))) {
		if (line_edit_insert(&p->edit, code)) {
			app_clear_message(app);
			tell(app, PROMPT_CHANGED, code);
		}
		return;
	}
	tell(app, PROMPT_KEY, code);
}

void prompt_draw(struct app *app, int y, int w)
{
	const struct screen *scr = &app->scr;
	const char *label = kinds[app->prompt.kind].label, *s = prompt_text(app);
	size_t len = app->prompt.edit.text.len, c = app->prompt.edit.cursor, from = 0, k;
	int x = draw_str(scr, y, 0, w, label, draw_attr(scr, ROLE_PROMPT)), at;

	w -= x;
	if (w < 2)
		return;
	/* Scrolled so that the cursor shows. */
	while (text_width(s + from, c - from) > (size_t)w - 1)
		from += (k = text_fit(s + from, c - from, 1, NULL)) ? k : 1;
	at = draw_text(scr, y, x, w - 1, s + from, c - from, A_NORMAL);
	k = c < len ? text_fit(s + c, len - c, 1, NULL) : 0;
	if (!k && c < len)
		k = 1;
	/* The cursor where the next character goes, on the character under it. */
	at += draw_text(scr, y, x + at, w - at, k ? s + c : " ", k ? k : 1, A_REVERSE);
	if (c + k < len)
		draw_text(scr, y, x + at, w - at, s + c + k, len - c - k, A_NORMAL);
}

void prompt_free(struct prompt *p)
{
	line_edit_free(&p->edit);
	p->kind = PROMPT_NONE;
}
