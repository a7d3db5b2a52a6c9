/* annotate.c — the reader's annotation commands (see annotate.h). */
#include "config.h"

#include "ui/annotate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Says how a change went; true when it was saved. */
static bool changed(struct app *app, enum ann_status res, const char *done)
{
	app_notes_refresh(app);
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
	case ANN_CORRUPT:
		/* The unreadable file was moved aside first; the change is saved. */
		app_notes_problems(app, "; the change is saved in a new file");
		return true;
	default:
		app_notes_problems(app, " (not saved yet: kept, and saved with the next change)");
		return false;
	}
}

bool annotate_key_color(int key, enum ann_color *out)
{
	if (key < '1' || key >= '1' + ANN__COLOR_COUNT)
		return false;
	*out = (enum ann_color)(key - '1');
	return true;
}

bool annotate_highlight(struct app *app, struct selection *sel, enum ann_color color, const char *note)
{
	const struct annotation *added = NULL;
	const struct document *doc = app->reading.doc;
	const struct section *sec;
	size_t start, end, index;
	enum ann_status res;
	bool item;
	char done[160], adds[48] = "", id[ANN_ID_LEN + 1] = "";

	if (!sel || !sel->active || !doc)
		return false;
	sec = &doc->sections[sel->section];
	item = sel->block >= sec->n_paras;
	index = item ? sel->block - sec->n_paras : sel->block;
	selection_range(sel, &app->reading, &start, &end);
	res = ann_add(app->notes, app_collection(app)->name, doc, sel->section, item, index, start, end,
		      color, note ? note : "", &added);
	app->note.color = color;
	if (!note || !*note)
		snprintf(adds, sizeof(adds), " (%s adds a note)", keys_label(ACT_EDIT_NOTE, CTX_READER));
	snprintf(done, sizeof(done), "%s in %s%s: %s and %s move between annotations, %s lists them",
		 note && *note ? "Note saved" : "Highlighted", ann_color_name(color), adds,
		 keys_label(ACT_NEXT_NOTE, CTX_READER), keys_label(ACT_PREV_NOTE, CTX_READER),
		 keys_label(ACT_NOTES, CTX_READER));
	/* The id now: the entry moves when the highlights are laid out again. */
	if (added)
		memcpy(id, added->id, sizeof(id));
	selection_clear(sel);
	if (!changed(app, res, done))
		return false;
	marks_set_current(&app->marks, id);
	return true;
}

void annotate_prompt(struct app *app, struct view *owner, const char *id)
{
	const struct annotation *a = id ? ann_store_find(app->notes, id) : NULL;

	app->note.editing[0] = '\0';
	if (a)
		memcpy(app->note.editing, a->id, sizeof(app->note.editing));
	prompt_open(app, owner, PROMPT_NOTE, a ? a->note : NULL);
}

void annotate_prompt_done(struct app *app, struct selection *sel)
{
	const char *text = prompt_text(app);

	if (!app->note.editing[0]) {
		annotate_highlight(app, sel, app->note.color, text);
		return;
	}
	changed(app, ann_update(app->notes, app->note.editing, text, NULL),
		*text ? "Note saved" : "Note removed (the highlight stays)");
}

bool annotate_recolor(struct app *app, const char *id, enum ann_color color)
{
	char done[64];

	snprintf(done, sizeof(done), "Now %s", ann_color_name(color));
	app->note.color = color;
	return changed(app, ann_update(app->notes, id, NULL, &color), done);
}

bool annotate_delete(struct app *app, const char *id)
{
	char done[64];

	snprintf(done, sizeof(done), "Annotation deleted: %s brings it back", keys_label(ACT_UNDO, CTX_ANY));
	ann_done(&app->note.undo);
	return changed(app, ann_delete(app->notes, id, &app->note.undo), done);
}

bool annotate_undo(struct app *app)
{
	char id[ANN_ID_LEN + 1];
	bool ok;

	if (!app->note.undo.id[0]) {
		app_message(app, false, "No deleted annotation to bring back");
		return false;
	}
	memcpy(id, app->note.undo.id, sizeof(id));
	ok = changed(app, ann_restore(app->notes, &app->note.undo), "Annotation restored");
	if (ok) {
		ann_done(&app->note.undo);
		marks_set_current(&app->marks, id);
	}
	return ok;
}

char *annotate_current_text(const struct app *app)
{
	const struct annotation *a = marks_current(&app->marks);

	if (!a)
		return NULL;
	if (a->note && *a->note)
		return xasprintf("%s  (%s edit, %s colour, %s delete)", a->note, keys_label(ACT_EDIT_NOTE, CTX_READER),
				 keys_names(ACT_COLOR, CTX_READER), keys_label(ACT_DELETE_NOTE, CTX_READER));
	return xasprintf("Highlighted in %s on %.10s  (%s adds a note, %s colour, %s delete)",
			 ann_color_name(a->color), a->created, keys_label(ACT_EDIT_NOTE, CTX_READER),
			 keys_names(ACT_COLOR, CTX_READER), keys_label(ACT_DELETE_NOTE, CTX_READER));
}
