/* annotate.c — the reader's annotation commands: each change goes to the
 * store (which saves it at once), then the highlights are laid out again
 * and the result is said on the message line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/ui.h"

/* Moves the store's problems to the reader's (printed at exit, with the
 * parser's FILE:LINE:COL) and shows the last, which says what came of them
 * (a file moved aside, a save that failed), on the message line. */
static void take_problems(struct app *app, const char *consequence)
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

void notes_open_store(struct app *app)
{
	app->notes = ann_store_new(NULL);
	ann_store_load(app->notes);
	take_problems(app, "");
}

void notes_reload(struct app *app)
{
	ann_store_load(app->notes);
	take_problems(app, "");
	notes_refresh(app);
}

void notes_refresh(struct app *app)
{
	marks_load(&app->marks, app->notes, tree_collection(app->tree)->name, &app->reading);
	if (app->pane == PANE_COMPARE)
		compare_relayout(app);
	if (app->pane == PANE_NOTES)
		notes_list_reload(app);
}

/* Says how a change went; true when it was saved. */
static bool changed(struct app *app, enum ann_status res, const char *done)
{
	notes_refresh(app);
	switch (res) {
	case ANN_OK:
		app_message(app, false, "%s", done);
		return true;
	case ANN_NOTFOUND:
		app_message(app, true, "That annotation is gone (deleted by another tipr?)");
		return false;
	case ANN_INVALID:
		app_message(app, true, "The text is not valid UTF-8; nothing was changed");
		return false;
	default:
		take_problems(app, " (not saved yet: kept, and saved with the next change)");
		return false;
	}
}

bool notes_key_color(int key, enum ann_color *out)
{
	if (key < '1' || key >= '1' + ANN__COLOR_COUNT)
		return false;
	*out = (enum ann_color)(key - '1');
	return true;
}

bool notes_highlight(struct app *app, enum ann_color color, const char *note)
{
	const struct annotation *added = NULL;
	const struct document *doc = app->reading.doc;
	const struct section *sec;
	size_t start, end, index;
	enum ann_status res;
	bool item;
	char done[96], id[ANN_ID_LEN + 1] = "";

	if (!app->sel.active || !doc)
		return false;
	sec = &doc->sections[app->sel.section];
	item = app->sel.block >= sec->n_paras;
	index = item ? app->sel.block - sec->n_paras : app->sel.block;
	selection_range(&app->sel, &app->reading, &start, &end);
	res = ann_add(app->notes, tree_collection(app->tree)->name, doc, app->sel.section, item, index,
		      start, end, color, note ? note : "", &added);
	app->note_color = color;
	snprintf(done, sizeof(done), "%s in %s%s: a and A move between annotations, L lists them",
		 note && *note ? "Note saved" : "Highlighted", ann_color_name(color),
		 note && *note ? "" : " (e adds a note)");
	/* The id now: the entry moves when the highlights are laid out again. */
	if (added)
		memcpy(id, added->id, sizeof(id));
	selection_clear(&app->sel);
	if (!changed(app, res, done))
		return false;
	marks_set_current(&app->marks, id);
	return true;
}

void notes_prompt(struct app *app, const char *id)
{
	const struct annotation *a = id ? ann_store_find(app->notes, id) : NULL;

	app->prompt = PROMPT_NOTE;
	app->note_id[0] = '\0';
	if (a)
		memcpy(app->note_id, a->id, sizeof(app->note_id));
	line_edit_reset(&app->input, a ? a->note : NULL, PROMPT_NOTE_MAX);
}

void notes_prompt_done(struct app *app)
{
	const char *text = line_edit_text(&app->input);

	if (!app->note_id[0]) {
		notes_highlight(app, app->note_color, text);
		return;
	}
	changed(app, ann_update(app->notes, app->note_id, text, NULL),
		*text ? "Note saved" : "Note removed (the highlight stays; x deletes it)");
}

bool notes_recolor(struct app *app, const char *id, enum ann_color color)
{
	char done[64];

	snprintf(done, sizeof(done), "Now %s", ann_color_name(color));
	app->note_color = color;
	return changed(app, ann_update(app->notes, id, NULL, &color), done);
}

bool notes_delete(struct app *app, const char *id)
{
	annotation_done(&app->undo);
	return changed(app, ann_delete(app->notes, id, &app->undo), "Annotation deleted: U brings it back");
}

bool notes_undo(struct app *app)
{
	char id[ANN_ID_LEN + 1];
	bool ok;

	if (!app->undo.id[0]) {
		app_message(app, false, "No deleted annotation to bring back");
		return false;
	}
	memcpy(id, app->undo.id, sizeof(id));
	ok = changed(app, ann_restore(app->notes, &app->undo), "Annotation restored");
	if (ok) {
		annotation_done(&app->undo);
		marks_set_current(&app->marks, id);
	}
	return ok;
}

char *notes_current_text(const struct app *app)
{
	const struct annotation *a = marks_current(&app->marks);

	if (!a)
		return NULL;
	if (a->note && *a->note)
		return xasprintf("%s  (e edit, 1-7 colour, x delete)", a->note);
	return xasprintf("Highlighted in %s on %.10s  (e adds a note, 1-7 colour, x delete)",
			 ann_color_name(a->color), a->created);
}
