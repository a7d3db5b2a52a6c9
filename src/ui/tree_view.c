/* tree_view.c — the navigation tree: countries, their editions and
 * sections (or editions, then countries), with tier badges; / filters. */
#include "config.h"

#include <string.h>

#include "ui/app.h"
#include "ui/move.h"
#include "ui/views.h"

struct tree_view {
	size_t top; /* first row shown */
};

/* Keeps the selected row inside the h visible rows. */
static void follow_selection(struct tree_view *tv, const struct tree *t, int h)
{
	size_t sel = tree_selected(t), n = tree_n_rows(t);

	if (h <= 0)
		return;
	if (sel < tv->top)
		tv->top = sel;
	else if (sel >= tv->top + (size_t)h)
		tv->top = sel - (size_t)h + 1;
	if (tv->top + (size_t)h > n)
		tv->top = n > (size_t)h ? n - (size_t)h : 0;
}

/* The tier badge and excerpt mark of a document row, right-aligned; the
 * first frame goes out without the badges still unread or unchecked (each
 * is a file to open or stat), and the next one, at once, has them. */
static int draw_badges(struct app *app, int y, int right, struct corpus_doc *e, attr_t base)
{
	const struct screen *scr = &app->scr;
	const char *badge;
	int x = right;

	if (!app->frame.first_out && !e->have_header && !e->doc) {
		app->frame.again = true;
		return x;
	}
	if (!corpus_doc_header(e))
		return x;
	if (!e->complete) {
		x -= 2;
		draw_str(scr, y, x, 2, " *", base | draw_attr(scr, ROLE_EXCERPT));
	}
	badge = tier_badge(e->tier);
	if (*badge) {
		int w = (int)strlen(badge);

		x -= w + 1;
		draw_str(scr, y, x, 1, " ", base);
		draw_str(scr, y, x + 1, w, badge, draw_attr(scr, theme_tier_role(e->tier)));
	}
	return x;
}

static void tree_draw(struct view *v, struct app *app, struct rect r)
{
	struct tree_view *tv = v->priv;
	const struct screen *scr = &app->scr;
	struct tree *t = app->tree;
	int section = app->open ? reading_section_at_top(&app->reading) : -1;
	const char *filter = tree_filter(t);

	if (*filter && r.h > 1) {
		/* The filter being typed, above the rows it narrows. */
		int used = draw_str(scr, r.y, r.x, r.w, "filter: ", draw_attr(scr, ROLE_PROMPT));

		draw_fill(r.y, r.x + used, r.w - used, A_NORMAL);
		draw_str(scr, r.y, r.x + used, r.w - used, filter, draw_attr(scr, ROLE_MESSAGE));
		r.y++;
		r.h--;
	}
	follow_selection(tv, t, r.h);
	for (int i = 0; i < r.h; i++) {
		size_t k = tv->top + (size_t)i;
		const struct tree_row *row = tree_row(t, k);
		bool selected = k == tree_selected(t);
		bool current = row && row->doc && row->doc == app->open &&
			       (row->kind == ROW_DOC || row->section == section);
		attr_t base = selected ? draw_attr(scr, app->focus == FOCUS_TREE ? ROLE_TREE_SELECTED : ROLE_TREE_CURRENT)
				       : A_NORMAL;
		attr_t text = base;
		const char *mark;
		int x = r.x + 1 + (row ? row->depth * 2 : 0), right = r.x + r.w;

		draw_fill(r.y + i, r.x, r.w, base);
		if (!row)
			continue;
		if (!selected)
			text = draw_attr(scr, current ? ROLE_TREE_CURRENT
					      : row->kind == ROW_GROUP ? ROLE_TREE_GROUP : ROLE_TREE);
		if (row->kind == ROW_DOC)
			right = draw_badges(app, r.y + i, right, row->doc, base);
		mark = row->kind == ROW_SECTION ? " " : draw_glyph(scr, row->expanded ? GLYPH_OPEN : GLYPH_CLOSED);
		if (x + 2 < right) {
			int used = draw_str(scr, r.y + i, x, 2, mark, text);

			/* The space after the mark as the label is drawn: a
			 * change of attributes fewer for the terminal each row. */
			x += used + draw_str(scr, r.y + i, x + used, 1, " ", text);
		}
		if (x < right)
			draw_text_clipped(scr, r.y + i, x, right - x, row->label, strlen(row->label), text);
	}
}

static void open_row(struct app *app, size_t i)
{
	const struct tree_row *row = tree_row(app->tree, i);

	if (!row)
		return;
	if (row->kind == ROW_GROUP) {
		tree_expand(app->tree, i, !row->expanded, &app->diags);
	} else if (row->kind == ROW_DOC) {
		if (app_open(app, row->doc, -1))
			tree_expand(app->tree, i, true, &app->diags);
	} else if (app_open(app, row->doc, row->section)) {
		app->focus = FOCUS_PANE;
	}
}

static bool tree_action(struct view *v, struct app *app, enum action act, int key)
{
	struct tree *t = app->tree;
	size_t sel = tree_selected(t), n = tree_n_rows(t);

	(void)key;
	if (view_move(&sel, n ? n - 1 : 0, v->area.h, act)) {
		tree_select(t, sel);
		return true;
	}
	switch (act) {
	case ACT_OPEN:
		open_row(app, sel);
		return true;
	case ACT_TOGGLE:
		if (tree_row(t, sel) && !tree_expand(t, sel, !tree_row(t, sel)->expanded, &app->diags) &&
		    tree_row(t, sel)->kind == ROW_SECTION)
			open_row(app, sel);
		return true;
	case ACT_COLLAPSE:
		if (!tree_row(t, sel) || !tree_expand(t, sel, false, &app->diags))
			tree_select(t, tree_parent(t, sel));
		return true;
	case ACT_FILTER:
		prompt_open(app, v, PROMPT_FILTER, tree_filter(t));
		return true;
	default:
		return false;
	}
}

static bool tree_prompt(struct view *v, struct app *app, int kind, enum prompt_event ev, int key)
{
	const char *text = prompt_text(app);

	(void)v;
	(void)kind;
	(void)key;
	switch (ev) {
	case PROMPT_CHANGED:
		tree_set_filter(app->tree, text);
		if (*text && !tree_n_rows(app->tree))
			app_message(app, true, "No country matches \"%s\"", text);
		return true;
	case PROMPT_CANCEL:
		tree_set_filter(app->tree, "");
		return true;
	default:
		return false;
	}
}

static bool tree_mouse(struct view *v, struct app *app, enum mouse_event ev, int y, int x)
{
	struct tree_view *tv = v->priv;
	bool filtered = *tree_filter(app->tree) != '\0';
	size_t i = tv->top + (size_t)y - (filtered ? 1 : 0);

	(void)x;
	if (ev == MOUSE_RELEASE || y < 0 || (filtered && y == 0) || i >= tree_n_rows(app->tree))
		return false;
	tree_select(app->tree, i);
	open_row(app, i);
	return true;
}

const struct view_ops tree_view = {
	.name = "tree",
	.keys = CTX_TREE,
	.priv_size = sizeof(struct tree_view),
	.draw = tree_draw,
	.action = tree_action,
	.prompt = tree_prompt,
	.mouse = tree_mouse,
};
