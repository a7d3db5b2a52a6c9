/* notes_view.c — every annotation in one list: where it is, its colour, its
 * quote and note; filtered as you type, sorted four ways; Enter reads the
 * passage, with the annotation current. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notes/annexport.h"
#include "text/textwrap.h"
#include "ui/annotate.h"
#include "ui/app.h"
#include "ui/move.h"
#include "ui/views.h"

enum { DATE_COLS = 10, DETAIL_ROWS = 6 };

struct notes_view {
	struct ann_cite *v;
	size_t n, sel, top;
	enum ann_sort sort;
	char *filter;          /* NULL: every annotation */
	bool shown;
};

static const char *const sort_names[] = {
	[ANN_SORT_DOCUMENT] = "place", [ANN_SORT_CREATED] = "creation",
	[ANN_SORT_UPDATED] = "last change", [ANN_SORT_COLOR] = "colour",
};

/* The list again, the same annotation selected when it is still there. */
static void reload(struct notes_view *nv, struct app *app)
{
	struct ann_filter f = { .text = nv->filter };
	char keep[ANN_ID_LEN + 1] = "";

	if (nv->sel < nv->n)
		memcpy(keep, nv->v[nv->sel].ann->id, sizeof(keep));
	free(nv->v);
	nv->v = NULL;
	nv->n = ann_cite_all(app->notes, &f, nv->sort, app->corpus, &app->diags, &nv->v);
	nv->sel = 0;
	for (size_t i = 0; keep[0] && i < nv->n; i++)
		if (!strcmp(nv->v[i].ann->id, keep))
			nv->sel = i;
}

static bool notes_open(struct view *v, struct app *app)
{
	struct notes_view *nv = v->priv;

	nv->sel = nv->top = 0;
	nv->shown = true;
	/* Another tipr may have changed the file since (the reload lists). */
	app_notes_reload(app);
	if (!nv->n && !nv->filter)
		app_message(app, false, "No annotations yet: in the text, %s selects a passage to highlight",
			    keys_label(ACT_VISUAL, CTX_READER));
	return true;
}

static void forget(struct notes_view *nv)
{
	free(nv->v);
	free(nv->filter);
	nv->v = NULL;
	nv->filter = NULL;
	nv->n = nv->sel = nv->top = 0;
	nv->shown = false;
}

static void notes_close(struct view *v, struct app *app)
{
	if (app->prompt.owner == v)
		prompt_close(app);
	forget(v->priv);
}

static void notes_done(struct view *v)
{
	forget(v->priv);
}

/* The colour of an annotation: a swatch, or its name without colour. */
static int draw_swatch(const struct screen *scr, int y, int x, enum ann_color c)
{
	attr_t a = draw_attr(scr, draw_note_role(c));

	if (scr->color)
		return draw_str(scr, y, x, 2, "  ", a);
	return draw_text(scr, y, x, 3, ann_color_name(c), 3, a);
}

/* An annotation in two lines: when, its colour and where; then its quote
 * and note, as much as fits (the whole of the selected one shows below). */
static void draw_row(struct app *app, const struct ann_cite *c, int y, int x0, int w, bool selected)
{
	const struct screen *scr = &app->scr;
	attr_t base = selected ? draw_attr(scr, ROLE_TREE_SELECTED) : A_NORMAL;
	struct strbuf place = {0}, text = {0};
	char yb[12];
	int x = x0 + 1;

	if (selected) {
		draw_fill(y, x0, w, base);
		draw_fill(y + 1, x0, w, base);
	}
	x += draw_text(scr, y, x, w - 1, c->ann->created, DATE_COLS, base | draw_attr(scr, ROLE_HINT)) + 1;
	x += draw_swatch(scr, y, x, c->ann->color) + 1;
	/* An orphan says so first, where clipping cannot hide it. */
	if (c->anchor.kind == ANN_ANCHOR_ORPHAN)
		sb_adds(&place, "orphaned: ");
	sb_addf(&place, "%s %s%s%s", tree_country_name(app->tree, c->ann->country), year_label(c->ann->year, yb),
		draw_glyph(scr, GLYPH_SEP), c->section_title);
	draw_text_clipped(scr, y, x, x0 + w - x - 1, place.buf, place.len,
			  base | draw_attr(scr, c->anchor.kind == ANN_ANCHOR_ORPHAN ? ROLE_ERROR : ROLE_META));
	sb_addf(&text, "\xe2\x80\x9c%s\xe2\x80\x9d", c->ann->quote); /* “…” */
	x = x0 + 3;
	if (c->ann->note && *c->ann->note) {
		int qw = (int)text_width(text.buf, text.len), room = (w - 4) * 3 / 5;

		qw = qw < room ? qw : room;
		x += draw_text_clipped(scr, y + 1, x, qw, text.buf, text.len, base) + 2;
		x += draw_str(scr, y + 1, x, 2, draw_glyph(scr, GLYPH_NOTE), base | draw_attr(scr, ROLE_NOTE_MARKER)) + 1;
		draw_text_clipped(scr, y + 1, x, x0 + w - x - 1, c->ann->note, strlen(c->ann->note), base);
	} else {
		draw_text_clipped(scr, y + 1, x, x0 + w - x - 1, text.buf, text.len, base);
	}
	sb_free(&place);
	sb_free(&text);
}

/* The selected annotation whole: its quote and note wrapped. */
static void draw_detail(struct app *app, const struct ann_cite *c, struct rect r)
{
	const struct screen *scr = &app->scr;
	struct strbuf text = {0};
	struct wrap_line *lines;
	size_t n;

	/* The note first: the quote is in the text, the note only here. */
	if (c->ann->note && *c->ann->note)
		sb_addf(&text, "%s %s  ", draw_glyph(scr, GLYPH_NOTE), c->ann->note);
	sb_addf(&text, "\xe2\x80\x9c%s\xe2\x80\x9d", c->ann->quote); /* “…” */
	n = wrap_text(text.buf, text.len, (size_t)(r.w > 4 ? r.w - 3 : 1), &lines);
	for (int x = 0; x < r.w; x++)
		draw_str(scr, r.y, r.x + x, 1, draw_glyph(scr, GLYPH_HBAR), draw_attr(scr, ROLE_BORDER));
	for (size_t i = 0; i < n && (int)i + 1 < r.h; i++)
		draw_text(scr, r.y + 1 + (int)i, r.x + 2, r.w - 3, text.buf + lines[i].start,
			  lines[i].end - lines[i].start, A_NORMAL);
	free(lines);
	sb_free(&text);
}

static void notes_draw(struct view *v, struct app *app, struct rect r)
{
	struct notes_view *nv = v->priv;
	const struct screen *scr = &app->scr;
	struct strbuf head = {0};
	int rows, detail = r.h >= 14 ? DETAIL_ROWS : 0;
	size_t orphans = 0;

	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, A_NORMAL);
	for (size_t i = 0; i < nv->n; i++)
		orphans += nv->v[i].anchor.kind == ANN_ANCHOR_ORPHAN;
	sb_addf(&head, "Annotations: %zu", nv->n);
	if (orphans)
		sb_addf(&head, " (%zu orphaned)", orphans);
	sb_addf(&head, ", by %s", sort_names[nv->sort]);
	if (nv->filter)
		sb_addf(&head, ", matching \"%s\"", nv->filter);
	draw_text(scr, r.y, r.x + 1, r.w - 1, head.buf, head.len, draw_attr(scr, ROLE_HEADING));
	sb_free(&head);
	rows = (r.h - 1 - detail) / 2; /* two lines an annotation */
	if (nv->sel < nv->top)
		nv->top = nv->sel;
	if (rows > 0 && nv->sel >= nv->top + (size_t)rows)
		nv->top = nv->sel - (size_t)rows + 1;
	for (int i = 0; i < rows && nv->top + (size_t)i < nv->n; i++) {
		size_t k = nv->top + (size_t)i;

		draw_row(app, &nv->v[k], r.y + 1 + 2 * i, r.x, r.w, k == nv->sel && prompt_kind(app) == PROMPT_NONE);
	}
	if (detail && nv->sel < nv->n)
		draw_detail(app, &nv->v[nv->sel], (struct rect){ r.y + r.h - detail, r.x, detail, r.w });
}

/* Opens the selected annotation's document with the annotation current. */
static void jump(struct notes_view *nv, struct app *app)
{
	const struct ann_cite *c = nv->sel < nv->n ? &nv->v[nv->sel] : NULL;
	struct collection *coll;
	struct corpus_doc *e;
	char id[ANN_ID_LEN + 1];
	int section;

	if (!c)
		return;
	coll = corpus_collection_by_name(app->corpus, c->ann->collection);
	e = coll ? collection_find(coll, c->ann->country, c->ann->year) : NULL;
	if (!e) {
		char yb[12];

		app_message(app, true, "%s %s is no longer in the content", tree_country_name(app->tree, c->ann->country),
			    year_label(c->ann->year, yb));
		return;
	}
	memcpy(id, c->ann->id, sizeof(id));
	section = c->anchor.section;
	if (tree_collection(app->tree) != coll)
		tree_set_collection(app->tree, coll);
	app_close_pane(app);
	if (!app_open(app, e, section))
		return;
	if (marks_set_current(&app->marks, id))
		reading_show_line(&app->reading, marks_line_of(&app->marks, &app->reading, app->marks.current));
	else
		app_message(app, true, "This passage is no longer in the text (orphaned); %s lists it",
			    keys_label(ACT_NOTES, CTX_READER));
	tree_reveal(app->tree, e->slug, e->year, reading_section_at_top(&app->reading), &app->diags);
}

static bool notes_action(struct view *v, struct app *app, enum action act, int key)
{
	struct notes_view *nv = v->priv;
	const char *id = nv->sel < nv->n ? nv->v[nv->sel].ann->id : NULL;
	enum ann_color color;

	if (view_move(&nv->sel, nv->n ? nv->n - 1 : 0, v->area.h / 2, act))
		return true;
	switch (act) {
	case ACT_DETAIL:
		jump(nv, app);
		return true;
	case ACT_FILTER:
		prompt_open(app, v, PROMPT_NOTES_FILTER, nv->filter);
		return true;
	case ACT_SORT:
		nv->sort = (nv->sort + 1) % ARRAY_SIZE(sort_names);
		reload(nv, app);
		app_message(app, false, "Sorted by %s", sort_names[nv->sort]);
		return true;
	case ACT_EDIT_NOTE:
		if (id)
			annotate_prompt(app, v, id);
		return true;
	case ACT_COLOR:
		if (id && annotate_key_color(key, &color))
			annotate_recolor(app, id, color);
		return true;
	case ACT_DELETE_NOTE:
		if (id)
			annotate_delete(app, id);
		return true;
	case ACT_CLOSE:
		app_close_pane(app);
		return true;
	default:
		return false;
	}
}

static bool notes_prompt_event(struct view *v, struct app *app, int kind, enum prompt_event ev, int key)
{
	struct notes_view *nv = v->priv;
	const char *text = prompt_text(app);

	(void)key;
	if (kind == PROMPT_NOTE) {
		if (ev == PROMPT_DONE)
			annotate_prompt_done(app, NULL);
		return ev != PROMPT_KEY;
	}
	switch (ev) {
	case PROMPT_CHANGED:
		free(nv->filter);
		nv->filter = *text ? xstrdup(text) : NULL;
		reload(nv, app);
		if (*text && !nv->n)
			app_message(app, true, "No annotation matches \"%s\"", text);
		return true;
	case PROMPT_CANCEL:
		free(nv->filter);
		nv->filter = NULL;
		reload(nv, app);
		return true;
	case PROMPT_DONE:
		return true;
	default:
		return false;
	}
}

static void notes_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	struct notes_view *nv = v->priv;

	(void)app;
	(void)w;
	sb_adds(left, "annotations");
	sb_addf(right, "%zu of %zu ", nv->n ? nv->sel + 1 : 0, nv->n);
}

static void notes_refresh(struct view *v, struct app *app, enum refresh why)
{
	struct notes_view *nv = v->priv;

	if (why == REFRESH_NOTES && nv->shown)
		reload(nv, app);
}

const struct view_ops notes_view = {
	.name = "notes",
	.keys = CTX_NOTES,
	.priv_size = sizeof(struct notes_view),
	.wide = true,
	.open = notes_open,
	.close = notes_close,
	.done = notes_done,
	.draw = notes_draw,
	.action = notes_action,
	.status = notes_status,
	.changed = notes_refresh,
	.prompt = notes_prompt_event,
};
