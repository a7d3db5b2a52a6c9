/* tiers_view.c — T: the open country's tier in every edition, one cell per
 * edition, each edition's change and the sentence that gives its reason;
 * m turns to the map of the selected edition, a tile per country by
 * region; Enter reads the narrative of the cell or tile. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"
#include "tiers/tierpic.h"
#include "ui/app.h"
#include "ui/move.h"
#include "ui/views.h"

enum { DETAIL_ROWS = 6, YEAR_COLS = 6, TIER_COLS = 19 };

enum page { PAGE_HISTORY, PAGE_MAP };

struct tiers_view {
	enum page page;
	struct tier_history *hist;  /* the country's, with reasons */
	size_t sel;                 /* the selected edition: an index in hist->years */
	size_t top;                 /* first row (history) or line (map) shown */
	struct tier_edition *ed;    /* the map's edition (NULL until m) */
	int tile;                   /* the selected tile: an index in ed->places */
	struct picture strip, legend, map;
	int width;                  /* the pictures were made for */
};

static void discard(struct tiers_view *tv)
{
	tiers_history_free(tv->hist);
	tiers_edition_free(tv->ed);
	tv->hist = NULL;
	tv->ed = NULL;
	pic_free(&tv->strip);
	pic_free(&tv->legend);
	pic_free(&tv->map);
	tv->width = 0;
}

/* The pictures, made again for another width or edition. */
static void make_pictures(struct tiers_view *tv, struct app *app, int w)
{
	bool utf8 = !app->scr.ascii_only, color = app->scr.color;

	pic_free(&tv->strip);
	pic_free(&tv->legend);
	pic_free(&tv->map);
	pic_init(&tv->strip, utf8, color);
	pic_init(&tv->legend, utf8, color);
	pic_init(&tv->map, utf8, color);
	pic_printf(&tv->strip, ROLE_META, "%d ", tv->hist->years[0].year);
	tierpic_strip(&tv->strip, tv->hist);
	pic_printf(&tv->strip, ROLE_META, " %d", tv->hist->years[tv->hist->n - 1].year);
	if (tv->ed) {
		tierpic_map(&tv->map, tv->ed, corpus_countries(app->corpus), (size_t)w);
		tierpic_legend(&tv->legend, tv->ed->counts, (size_t)w);
	} else {
		tierpic_legend(&tv->legend, NULL, (size_t)w);
	}
	tv->width = w;
}

/* The map of the selected edition, on the selected country's tile. */
static bool open_map(struct tiers_view *tv, struct app *app)
{
	const struct tier_year *y = &tv->hist->years[tv->sel];

	tiers_edition_free(tv->ed);
	tv->ed = tiers_edition(app->corpus, app_collection(app), y->year, false, &app->diags);
	if (!tv->ed) {
		app_message(app, true, "No map of %d: its narratives cannot be read", y->year);
		return false;
	}
	tv->tile = 0;
	for (size_t i = 0; i < tv->ed->n_places; i++)
		if (!strcmp(tv->ed->places[i].slug, tv->hist->slug))
			tv->tile = (int)i;
	tv->page = PAGE_MAP;
	tv->top = 0;
	tv->width = 0;
	return true;
}

/* The history of slug, with year selected (0: the latest). */
static bool open_history(struct tiers_view *tv, struct app *app, const char *slug, int year)
{
	struct tier_history *h = tiers_history(app->corpus, app_collection(app), slug, true, &app->diags);

	if (!h || !h->n) {
		tiers_history_free(h);
		app_message(app, true, "No tiers for %s in %s", tree_country_name(app->tree, slug),
			    app_collection(app)->title);
		return false;
	}
	tiers_history_free(tv->hist);
	tv->hist = h;
	tv->sel = h->n - 1;
	for (size_t i = 0; i < h->n; i++)
		if (h->years[i].year == year)
			tv->sel = i;
	tiers_edition_free(tv->ed);
	tv->ed = NULL;
	tv->page = PAGE_HISTORY;
	tv->top = 0;
	tv->width = 0;
	return true;
}

static bool tiers_open(struct view *v, struct app *app)
{
	if (!app->open) {
		app_message(app, false, "Open a document first: %s shows its country's tiers",
			    keys_label(ACT_TIERS, CTX_ANY));
		return false;
	}
	return open_history(v->priv, app, app->open->slug, app->open->year);
}

static void tiers_close(struct view *v, struct app *app)
{
	(void)app;
	discard(v->priv);
}

static void tiers_done(struct view *v)
{
	discard(v->priv);
}

/* A row of the history: year, tier, change, and what is odd about it. */
static void draw_row(struct tiers_view *tv, struct app *app, size_t i, int y, int x, int w)
{
	const struct screen *scr = &app->scr;
	const struct tier_year *ty = &tv->hist->years[i];
	attr_t base = i == tv->sel ? draw_attr(scr, ROLE_TREE_SELECTED) : A_NORMAL;
	struct strbuf change = {0};
	char year[12];

	draw_fill(y, x, w, base);
	draw_str(scr, y, x + 1, YEAR_COLS, year_label(ty->year, year), base | draw_attr(scr, ROLE_META));
	if (!ty->entry)
		draw_str(scr, y, x + 1 + YEAR_COLS, w - 1 - YEAR_COLS, "not in the report", base | draw_attr(scr, ROLE_HINT));
	else
		draw_str(scr, y, x + 1 + YEAR_COLS, TIER_COLS, ty->tier ? tier_label(ty->tier) : "no tier",
			 base | draw_attr(scr, theme_tier_role(ty->tier)));
	if (ty->entry) {
		sb_adds(&change, tier_change_text(ty->change));
		if (ty->since && ty->change != TC_FIRST && i && tv->hist->years[i - 1].year != ty->since)
			sb_addf(&change, " (since %d)", ty->since);
		if (ty->excerpt)
			sb_adds(&change, ", excerpt");
		if (ty->flag == TF_UNEXPLAINED)
			sb_adds(&change, "  ! no sentence gives the reason");
		else if (ty->flag == TF_DISAGREES)
			sb_adds(&change, "  ! the sentence says otherwise");
		draw_text_clipped(scr, y, x + 1 + YEAR_COLS + TIER_COLS, w - 2 - YEAR_COLS - TIER_COLS, change.buf,
				  change.len, base | draw_attr(scr, ty->flag ? ROLE_ERROR : ROLE_TEXT));
	}
	sb_free(&change);
}

/* The selected edition's reason, wrapped below the rows. */
static void draw_reason(struct tiers_view *tv, struct app *app, struct rect r)
{
	const struct screen *scr = &app->scr;
	const struct tier_year *ty = &tv->hist->years[tv->sel];
	struct strbuf text = {0};
	struct wrap_line *lines;
	size_t n;

	for (int x = 0; x < r.w; x++)
		draw_str(scr, r.y, r.x + x, 1, draw_glyph(scr, GLYPH_HBAR), draw_attr(scr, ROLE_BORDER));
	if (!ty->entry)
		sb_addf(&text, "%s is not in the %d report.", tree_country_name(app->tree, tv->hist->slug), ty->year);
	else if (!ty->reason.sentence)
		sb_adds(&text, "No sentence of this narrative gives its tier.");
	else
		sb_addf(&text, "%s, para. %zu: \xe2\x80\x9c%s\xe2\x80\x9d",
			ty->reason.section_title ? ty->reason.section_title : ty->reason.section_id, ty->reason.para + 1,
			ty->reason.sentence);
	n = wrap_text(text.buf, text.len, (size_t)(r.w > 4 ? r.w - 3 : 1), &lines);
	for (size_t i = 0; i < n && (int)i + 1 < r.h; i++)
		draw_text(scr, r.y + 1 + (int)i, r.x + 2, r.w - 3, text.buf + lines[i].start,
			  lines[i].end - lines[i].start, draw_attr(scr, ROLE_TEXT));
	free(lines);
	sb_free(&text);
}

static void draw_history(struct tiers_view *tv, struct app *app, struct rect r)
{
	const struct screen *scr = &app->scr;
	int y = r.y, detail = r.h >= 16 ? DETAIL_ROWS : 0, rows;
	char head[160];

	snprintf(head, sizeof(head), "Tiers of %s, %d-%d", tree_country_name(app->tree, tv->hist->slug),
		 tv->hist->years[0].year, tv->hist->years[tv->hist->n - 1].year);
	draw_str(scr, y++, r.x + 1, r.w - 1, head, draw_attr(scr, ROLE_HEADING));
	y += draw_picture(scr, y, r.x + 1, 1, r.w - 1, &tv->strip, 0, (int)tv->sel);
	y += draw_picture(scr, y, r.x + 1, r.h - (y - r.y) - detail - 1, r.w - 1, &tv->legend, 0, -1) + 1;
	rows = r.y + r.h - detail - y;
	if (tv->sel < tv->top)
		tv->top = tv->sel;
	if (rows > 0 && tv->sel >= tv->top + (size_t)rows)
		tv->top = tv->sel - (size_t)rows + 1;
	for (int i = 0; i < rows && tv->top + (size_t)i < tv->hist->n; i++)
		draw_row(tv, app, tv->top + (size_t)i, y + i, r.x, r.w);
	if (detail)
		draw_reason(tv, app, (struct rect){ r.y + r.h - detail, r.x, detail, r.w });
}

static void draw_map(struct tiers_view *tv, struct app *app, struct rect r)
{
	const struct screen *scr = &app->scr;
	int rows = r.h - 1 - (int)tv->legend.n_lines, y = r.y;
	size_t line, col;
	char head[160];

	snprintf(head, sizeof(head), "%s %d: %zu narrative%s, a tile per country", app_collection(app)->title,
		 tv->ed->year, tv->ed->n_present, tv->ed->n_present == 1 ? "" : "s");
	draw_str(scr, y++, r.x + 1, r.w - 1, head, draw_attr(scr, ROLE_HEADING));
	/* The selected tile stays in sight. */
	if (rows > 0 && pic_find_tag(&tv->map, tv->tile, &line, &col)) {
		if (line < tv->top)
			tv->top = line;
		else if (line >= tv->top + (size_t)rows)
			tv->top = line - (size_t)rows + 1;
	}
	draw_picture(scr, y, r.x + 1, rows, r.w - 1, &tv->map, tv->top, tv->tile);
	draw_picture(scr, r.y + r.h - (int)tv->legend.n_lines, r.x + 1, (int)tv->legend.n_lines, r.w - 1, &tv->legend,
		     0, -1);
}

static void tiers_draw(struct view *v, struct app *app, struct rect r)
{
	struct tiers_view *tv = v->priv;

	for (int i = 0; i < r.h; i++)
		draw_fill(r.y + i, r.x, r.w, A_NORMAL);
	if (!tv->hist)
		return;
	if (tv->width != r.w - 1)
		make_pictures(tv, app, r.w - 1);
	if (tv->page == PAGE_MAP && tv->ed)
		draw_map(tv, app, r);
	else
		draw_history(tv, app, r);
}

/* Reads the narrative under the cursor. */
static void read_selected(struct tiers_view *tv, struct app *app)
{
	struct collection *coll = app_collection(app);
	struct corpus_doc *e;
	int year;
	const char *slug;

	if (tv->page == PAGE_MAP) {
		if (tv->tile < 0 || (size_t)tv->tile >= tv->ed->n_present) {
			app_message(app, false, "Not in the %d report", tv->ed->year);
			return;
		}
		slug = tv->ed->places[tv->tile].slug;
		year = tv->ed->year;
	} else {
		slug = tv->hist->slug;
		year = tv->hist->years[tv->sel].year;
	}
	if (!(e = collection_find(coll, slug, year))) {
		app_message(app, false, "%s is not in the %d report", tree_country_name(app->tree, slug), year);
		return;
	}
	if (app_open(app, e, -1))
		tree_reveal(app->tree, e->slug, e->year, -1, &app->diags);
}

static bool map_action(struct tiers_view *tv, struct app *app, enum action act, int rows)
{
	switch (act) {
	case ACT_LEFT:
	case ACT_RIGHT:
		tv->tile = pic_next_tag(&tv->map, tv->tile, act == ACT_RIGHT ? 1 : -1, 0);
		return true;
	case ACT_UP:
	case ACT_DOWN:
		tv->tile = pic_next_tag(&tv->map, tv->tile, 0, act == ACT_DOWN ? 1 : -1);
		return true;
	case ACT_MAP:
		/* Back to the tiers of the country on the tile. */
		if (tv->tile >= 0 && (size_t)tv->tile < tv->ed->n_places)
			return open_history(tv, app, tv->ed->places[tv->tile].slug, tv->ed->year);
		tv->page = PAGE_HISTORY;
		return true;
	default:
		return view_move(&tv->top, tv->map.n_lines ? tv->map.n_lines - 1 : 0, rows, act);
	}
}

static bool tiers_action(struct view *v, struct app *app, enum action act, int key)
{
	struct tiers_view *tv = v->priv;

	(void)key;
	if (!tv->hist)
		return false;
	switch (act) {
	case ACT_DETAIL:
		read_selected(tv, app);
		return true;
	case ACT_CLOSE:
		app_close_pane(app);
		return true;
	default:
		break;
	}
	if (tv->page == PAGE_MAP && tv->ed)
		return map_action(tv, app, act, v->area.h);
	if (act == ACT_MAP)
		return open_map(tv, app);
	if (act == ACT_LEFT || act == ACT_RIGHT)
		act = act == ACT_LEFT ? ACT_UP : ACT_DOWN;
	return view_move(&tv->sel, tv->hist->n - 1, v->area.h, act);
}

static bool tiers_mouse(struct view *v, struct app *app, enum mouse_event ev, int y, int x)
{
	struct tiers_view *tv = v->priv;
	int tag;

	if (!tv->hist || ev == MOUSE_RELEASE)
		return false;
	/* The strip's line (1), or a tile of the map (from line 1 on). */
	if (tv->page == PAGE_HISTORY && y == 1 && (tag = pic_tag_at(&tv->strip, 0, (size_t)(x > 1 ? x - 1 : 0))) >= 0)
		tv->sel = (size_t)tag;
	else if (tv->page == PAGE_MAP && y >= 1 &&
		 (tag = pic_tag_at(&tv->map, tv->top + (size_t)y - 1, (size_t)(x > 1 ? x - 1 : 0))) >= 0)
		tv->tile = tag;
	else
		return false;
	if (ev == MOUSE_CLICK)
		read_selected(tv, app);
	return true;
}

static void tiers_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	struct tiers_view *tv = v->priv;
	const struct tier_place *pl;

	(void)w;
	if (!tv->hist)
		return;
	if (tv->page == PAGE_HISTORY || !tv->ed) {
		sb_adds(left, tree_country_name(app->tree, tv->hist->slug));
		sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
		sb_adds(left, "tiers");
		sb_addf(right, "%zu of %zu editions ", tv->hist->present, tv->hist->n);
		return;
	}
	sb_addf(left, "%d", tv->ed->year);
	sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
	sb_adds(left, "map of tiers");
	if (tv->tile >= 0 && (size_t)tv->tile < tv->ed->n_places) {
		pl = &tv->ed->places[tv->tile];
		sb_addf(right, "%s: %s ", tree_country_name(app->tree, pl->slug),
			(size_t)tv->tile >= tv->ed->n_present ? "not in the report"
			: pl->y.tier			      ? tier_label(pl->y.tier)
							      : "no tier");
	}
}

static void tiers_changed(struct view *v, struct app *app, enum refresh why)
{
	struct tiers_view *tv = v->priv;

	(void)app;
	if (why == REFRESH_SIZE)
		tv->width = 0; /* the pictures are made again at the next frame */
}

const struct view_ops tiers_view = {
	.name = "tiers",
	.keys = CTX_TIERS,
	.priv_size = sizeof(struct tiers_view),
	.wide = true,
	.open = tiers_open,
	.close = tiers_close,
	.done = tiers_done,
	.draw = tiers_draw,
	.action = tiers_action,
	.status = tiers_status,
	.changed = tiers_changed,
	.mouse = tiers_mouse,
};
