/* tree_view.c — the navigation tree pane. */
#include "config.h"

#include <string.h>

#include "ui/ui.h"

/* Keeps the selected row inside the h visible rows. */
static void follow_selection(struct app *app, int h)
{
	size_t sel = tree_selected(app->tree);

	if (h <= 0)
		return;
	if (sel < app->tree_top)
		app->tree_top = sel;
	else if (sel >= app->tree_top + (size_t)h)
		app->tree_top = sel - (size_t)h + 1;
	if (app->tree_top + (size_t)h > tree_n_rows(app->tree))
		app->tree_top = tree_n_rows(app->tree) > (size_t)h ? tree_n_rows(app->tree) - (size_t)h : 0;
}

/* The tier badge and excerpt mark of a document row, right-aligned. */
static int draw_badges(struct app *app, int y, int right, struct corpus_doc *e, attr_t base)
{
	const char *badge;
	int x = right;

	/* The first frame goes out without the badges still unread (each is a
	 * file to open); the next one, at once, has them. */
	if (app->badges_later && !e->have_header && !e->doc) {
		app->badges_pending = true;
		return x;
	}
	if (!corpus_doc_header(e))
		return x;
	if (!e->complete) {
		x -= 2;
		draw_text(app, y, x, 2, " *", 2, base | draw_attr(app, ROLE_EXCERPT));
	}
	badge = tier_badge(e->tier);
	if (*badge) {
		int w = (int)strlen(badge);

		x -= w + 1;
		draw_text(app, y, x, w + 1, " ", 1, base);
		draw_text(app, y, x + 1, w, badge, (size_t)w, draw_attr(app, draw_tier_role(e->tier)));
	}
	return x;
}

static void tree_draw(struct app *app, int y0, int x0, int h, int w)
{
	struct tree *t = app->tree;
	int section = app->open ? reading_section_at_top(&app->reading) : -1;
	const char *filter = tree_filter(t);

	if (*filter && h > 1) {
		/* The filter being typed, above the rows it narrows. */
		int used = draw_text(app, y0, x0, w, "filter: ", 8, draw_attr(app, ROLE_PROMPT));

		draw_fill(y0, x0 + used, w - used, A_NORMAL);
		draw_text(app, y0, x0 + used, w - used, filter, strlen(filter), draw_attr(app, ROLE_MESSAGE));
		y0++;
		h--;
	}
	follow_selection(app, h);
	for (int r = 0; r < h; r++) {
		size_t i = app->tree_top + (size_t)r;
		const struct tree_row *row = tree_row(t, i);
		bool selected = i == tree_selected(t);
		bool current = row && row->doc && row->doc == app->open &&
			       (row->kind == ROW_DOC || row->section == section);
		attr_t base = selected ? draw_attr(app, app->focus == FOCUS_TREE ? ROLE_TREE_SELECTED
										: ROLE_TREE_CURRENT)
				       : A_NORMAL;
		attr_t text = base;
		const char *mark;
		int x = x0 + 1 + (row ? row->depth * 2 : 0), right = x0 + w;

		draw_fill(y0 + r, x0, w, base);
		if (!row)
			continue;
		if (!selected)
			text = draw_attr(app, current ? ROLE_TREE_CURRENT
						      : row->kind == ROW_GROUP ? ROLE_TREE_GROUP : ROLE_TREE);
		if (row->kind == ROW_DOC)
			right = draw_badges(app, y0 + r, right, row->doc, base);
		mark = row->kind == ROW_SECTION ? " "
		       : row->expanded	     ? (app->ascii_only ? "-" : "\xe2\x96\xbe")  /* ▾ */
					     : (app->ascii_only ? "+" : "\xe2\x96\xb8"); /* ▸ */
		if (x + 2 < right)
			x += draw_text(app, y0 + r, x, 2, mark, strlen(mark), text) + 1;
		if (x < right)
			draw_text_clipped(app, y0 + r, x, right - x, row->label, strlen(row->label), text);
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
		struct corpus_doc *e = row->doc;

		if (app_open(app, e, -1))
			tree_expand(app->tree, i, true, &app->diags);
	} else if (app_open(app, row->doc, row->section)) {
		app->focus = FOCUS_READER;
	}
}

static bool tree_action(struct app *app, enum action act)
{
	struct tree *t = app->tree;
	size_t sel = tree_selected(t);
	long page = app->pane_rows > 2 ? app->pane_rows - 1 : 1;

	switch (act) {
	case ACT_DOWN:
		tree_move(t, 1);
		break;
	case ACT_UP:
		tree_move(t, -1);
		break;
	case ACT_PAGE_DOWN:
		tree_move(t, page);
		break;
	case ACT_PAGE_UP:
		tree_move(t, -page);
		break;
	case ACT_HALF_DOWN:
		tree_move(t, page / 2);
		break;
	case ACT_HALF_UP:
		tree_move(t, -page / 2);
		break;
	case ACT_TOP:
		tree_select(t, 0);
		break;
	case ACT_BOTTOM:
		tree_select(t, tree_n_rows(t) ? tree_n_rows(t) - 1 : 0);
		break;
	case ACT_OPEN:
		open_row(app, sel);
		break;
	case ACT_TOGGLE:
		if (tree_row(t, sel) && !tree_expand(t, sel, !tree_row(t, sel)->expanded, &app->diags) &&
		    tree_row(t, sel)->kind == ROW_SECTION)
			open_row(app, sel);
		break;
	case ACT_COLLAPSE:
		if (!tree_row(t, sel) || !tree_expand(t, sel, false, &app->diags))
			tree_select(t, tree_parent(t, sel));
		break;
	default:
		return false;
	}
	return true;
}

void tree_view_click(struct app *app, int r)
{
	size_t i = app->tree_top + (size_t)r - (*tree_filter(app->tree) ? 1 : 0);

	if (r < 0 || (*tree_filter(app->tree) && r == 0) || i >= tree_n_rows(app->tree))
		return;
	tree_select(app->tree, i);
	open_row(app, i);
}

const struct view_ops tree_view = { "tree", tree_draw, tree_action };
