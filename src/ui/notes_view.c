/* notes_view.c — every annotation in one list: where it is, its colour, its
 * quote and note; filtered as you type, sorted four ways; Enter reads the
 * passage, with the annotation current. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"
#include "ui/ui.h"

enum { DATE_COLS = 10, DETAIL_ROWS = 6 };

static const char *const sort_names[] = {
	[ANN_SORT_DOCUMENT] = "place", [ANN_SORT_CREATED] = "creation",
	[ANN_SORT_UPDATED] = "last change", [ANN_SORT_COLOR] = "colour",
};

void notes_list_reload(struct app *app)
{
	struct ann_filter f = { .text = app->nl_filter };
	char keep[ANN_ID_LEN + 1] = "";

	if (app->nl_sel < app->nl_n)
		memcpy(keep, app->nl[app->nl_sel].ann->id, sizeof(keep));
	free(app->nl);
	app->nl = NULL;
	app->nl_n = ann_cite_all(app->notes, &f, app->nl_sort, app->corpus, &app->diags, &app->nl);
	app->nl_sel = 0;
	for (size_t i = 0; keep[0] && i < app->nl_n; i++)
		if (!strcmp(app->nl[i].ann->id, keep))
			app->nl_sel = i;
}

void notes_list_open(struct app *app)
{
	app_close_pane(app);
	app->pane = PANE_NOTES;
	app->focus = FOCUS_READER;
	app->nl_sel = app->nl_top = 0;
	/* Another tipr may have changed the file since. */
	notes_reload(app);
	if (!app->nl_n && !app->nl_filter)
		app_message(app, false, "No annotations yet: in the text, v selects a passage to highlight");
}

void notes_list_close(struct app *app)
{
	free(app->nl);
	free(app->nl_filter);
	app->nl = NULL;
	app->nl_filter = NULL;
	app->nl_n = app->nl_sel = app->nl_top = 0;
	app->pane = PANE_READER;
	if (app->prompt == PROMPT_NOTES_FILTER)
		app->prompt = PROMPT_NONE;
}

/* The colour of an annotation: a swatch, or its name without colour. */
static int draw_swatch(struct app *app, int y, int x, enum ann_color c)
{
	attr_t a = draw_attr(app, draw_note_role(c));

	if (app->color)
		return draw_text(app, y, x, 2, "  ", 2, a);
	return draw_text(app, y, x, 3, ann_color_name(c), 3, a);
}

static void draw_row(struct app *app, const struct ann_cite *c, int y, int x0, int w, bool selected)
{
	attr_t base = selected ? draw_attr(app, ROLE_TREE_SELECTED) : A_NORMAL;
	struct strbuf place = {0};
	int x = x0 + 1, room, pw;

	if (selected)
		draw_fill(y, x0, w, base);
	x += draw_text(app, y, x, w - 1, c->ann->created, DATE_COLS, base | draw_attr(app, ROLE_HINT)) + 1;
	x += draw_swatch(app, y, x, c->ann->color) + 1;
	/* An orphan says so first, where clipping cannot hide it. */
	if (c->anchor.kind == ANN_ANCHOR_ORPHAN)
		sb_adds(&place, "orphaned: ");
	sb_addf(&place, "%s %d \xe2\x80\xba %s", tree_country_name(app->tree, c->ann->country), c->ann->year,
		c->section_title); /* › */
	room = x0 + w - x - 1;
	/* The place whole when it can be, leaving the quote at least half. */
	pw = (int)text_width(place.buf, place.len);
	pw = pw < room / 2 ? pw : room / 2;
	draw_text_clipped(app, y, x, pw, place.buf, place.len,
			  base | draw_attr(app, c->anchor.kind == ANN_ANCHOR_ORPHAN ? ROLE_ERROR : ROLE_META));
	x += pw + 1;
	room = x0 + w - x - 1;
	if (c->ann->note && *c->ann->note) {
		int qw = room / 2;

		draw_text_clipped(app, y, x, qw - 1, c->ann->quote, strlen(c->ann->quote), base);
		x += qw;
		x += draw_text(app, y, x, 2, app->ascii_only ? "*" : "\xe2\x9c\x8e", /* ✎ */
			       app->ascii_only ? 1 : 3, base | draw_attr(app, ROLE_NOTE_MARKER)) + 1;
		draw_text_clipped(app, y, x, x0 + w - x - 1, c->ann->note, strlen(c->ann->note), base);
	} else {
		draw_text_clipped(app, y, x, room, c->ann->quote, strlen(c->ann->quote), base);
	}
	sb_free(&place);
}

/* The selected annotation whole: its quote and note wrapped. */
static void draw_detail(struct app *app, const struct ann_cite *c, int y0, int x0, int h, int w)
{
	struct strbuf text = {0};
	struct wrap_line *lines;
	size_t n;

	sb_addf(&text, "\xe2\x80\x9c%s\xe2\x80\x9d", c->ann->quote); /* “…” */
	if (c->ann->note && *c->ann->note)
		sb_addf(&text, "  \xe2\x80\x94 %s", c->ann->note); /* — */
	n = wrap_text(text.buf, text.len, (size_t)(w > 4 ? w - 3 : 1), &lines);
	for (int x = 0; x < w; x++)
		draw_text(app, y0, x0 + x, 1, app->ascii_only ? "-" : "\xe2\x94\x80", app->ascii_only ? 1 : 3, /* ─ */
			  draw_attr(app, ROLE_BORDER));
	for (size_t i = 0; i < n && (int)i + 1 < h; i++)
		draw_text(app, y0 + 1 + (int)i, x0 + 2, w - 3, text.buf + lines[i].start,
			  lines[i].end - lines[i].start, A_NORMAL);
	free(lines);
	sb_free(&text);
}

static void notes_draw(struct app *app, int y0, int x0, int h, int w)
{
	struct strbuf head = {0};
	int rows, detail = h >= 14 ? DETAIL_ROWS : 0;
	size_t orphans = 0;

	for (int i = 0; i < h; i++)
		draw_fill(y0 + i, x0, w, A_NORMAL);
	for (size_t i = 0; i < app->nl_n; i++)
		orphans += app->nl[i].anchor.kind == ANN_ANCHOR_ORPHAN;
	sb_addf(&head, "Annotations: %zu", app->nl_n);
	if (orphans)
		sb_addf(&head, " (%zu orphaned)", orphans);
	sb_addf(&head, ", by %s", sort_names[app->nl_sort]);
	if (app->nl_filter)
		sb_addf(&head, ", matching \"%s\"", app->nl_filter);
	draw_text(app, y0, x0 + 1, w - 1, head.buf, head.len, draw_attr(app, ROLE_HEADING));
	sb_free(&head);
	rows = h - 1 - detail;
	if (app->nl_sel < app->nl_top)
		app->nl_top = app->nl_sel;
	if (rows > 0 && app->nl_sel >= app->nl_top + (size_t)rows)
		app->nl_top = app->nl_sel - (size_t)rows + 1;
	for (int i = 0; i < rows && app->nl_top + (size_t)i < app->nl_n; i++) {
		size_t k = app->nl_top + (size_t)i;

		draw_row(app, &app->nl[k], y0 + 1 + i, x0, w, k == app->nl_sel && app->prompt == PROMPT_NONE);
	}
	if (detail && app->nl_sel < app->nl_n)
		draw_detail(app, &app->nl[app->nl_sel], y0 + h - detail, x0, detail, w);
}

/* Opens the selected annotation's document with the annotation current. */
static void jump(struct app *app)
{
	const struct ann_cite *c = app->nl_sel < app->nl_n ? &app->nl[app->nl_sel] : NULL;
	struct collection *coll;
	struct corpus_doc *e;
	char id[ANN_ID_LEN + 1];
	int section;

	if (!c)
		return;
	coll = corpus_collection_by_name(app->corpus, c->ann->collection);
	e = coll ? collection_find(coll, c->ann->country, c->ann->year) : NULL;
	if (!e) {
		app_message(app, true, "%s %d is no longer in the content",
			    tree_country_name(app->tree, c->ann->country), c->ann->year);
		return;
	}
	memcpy(id, c->ann->id, sizeof(id));
	section = c->anchor.section;
	if (tree_collection(app->tree) != coll)
		tree_set_collection(app->tree, coll);
	notes_list_close(app);
	if (!app_open(app, e, section))
		return;
	if (marks_set_current(&app->marks, id))
		reading_show_line(&app->reading, marks_line_of(&app->marks, &app->reading, app->marks.current));
	else
		app_message(app, true, "This passage is no longer in the text (orphaned); L lists it");
	tree_reveal(app->tree, e->slug, e->year, reading_section_at_top(&app->reading), &app->diags);
}

static bool notes_action(struct app *app, enum action act)
{
	const char *id = app->nl_sel < app->nl_n ? app->nl[app->nl_sel].ann->id : NULL;
	enum ann_color color;

	if (ui_list_move(&app->nl_sel, app->nl_n, app->pane_rows, act))
		return true;
	switch (act) {
	case ACT_DETAIL:
		jump(app);
		break;
	case ACT_FILTER:
		app->prompt = PROMPT_NOTES_FILTER;
		line_edit_reset(&app->input, app->nl_filter, PROMPT_MAX);
		break;
	case ACT_SORT:
		app->nl_sort = (app->nl_sort + 1) % ARRAY_SIZE(sort_names);
		notes_list_reload(app);
		app_message(app, false, "Sorted by %s", sort_names[app->nl_sort]);
		break;
	case ACT_EDIT_NOTE:
		if (id)
			notes_prompt(app, id);
		break;
	case ACT_COLOR:
		if (id && notes_key_color(app->key, &color))
			notes_recolor(app, id, color);
		break;
	case ACT_DELETE_NOTE:
		if (id)
			notes_delete(app, id);
		break;
	case ACT_CLOSE:
		notes_list_close(app);
		break;
	default:
		return false;
	}
	return true;
}

const struct view_ops notes_view = { "notes", notes_draw, notes_action };
