/* tierstrip.c — the tier strip of the reader's title line. */
#include "config.h"

#include "ui/tierstrip.h"

#include <stdio.h>

#include "tiers/tierpic.h"

/* Whether every edition of the open country has its header at hand. */
static bool headers_known(struct app *app)
{
	const struct collection *coll = app_collection(app);
	size_t first, n = collection_country_docs(coll, app->open->slug, &first);

	for (size_t i = first; i < first + n; i++)
		if (!coll->docs[i].have_header && !coll->docs[i].doc)
			return false;
	return true;
}

void tier_strip_make(struct tier_strip *s, struct app *app)
{
	struct tier_history *h;

	pic_free(&s->pic);
	s->sel = -1;
	s->pending = false;
	if (!app->open || !app->open->year)
		return;
	if (!app->frame.first_out && !headers_known(app)) {
		s->pending = app->frame.again = true;
		return;
	}
	h = tiers_history(app->corpus, app_collection(app), app->open->slug, false, &app->diags);
	if (h && h->present > 1) {
		pic_init(&s->pic, !app->scr.ascii_only, app->scr.color);
		tierpic_strip(&s->pic, h);
		s->years[0] = h->years[0].year;
		s->years[1] = h->years[h->n - 1].year;
		for (size_t i = 0; i < h->n; i++)
			if (h->years[i].year == app->open->year)
				s->sel = (int)i;
	}
	tiers_history_free(h);
}

bool tier_strip_draw(struct tier_strip *s, struct app *app, int y, int right, int room)
{
	const struct screen *scr = &app->scr;
	int cells;
	char year[16];

	if (s->pending)
		tier_strip_make(s, app);
	cells = s->pic.n_lines ? (int)s->pic.lines[0].width : 0;
	if (!cells || cells + 2 > room)
		return false;
	if (cells + 12 <= room) {
		snprintf(year, sizeof(year), " %d", s->years[1]);
		right -= draw_str(scr, y, right - 5, 5, year, draw_attr(scr, ROLE_META));
		snprintf(year, sizeof(year), "%d ", s->years[0]);
		draw_str(scr, y, right - cells - 5, 5, year, draw_attr(scr, ROLE_META));
	}
	draw_picture(scr, y, right - cells, 1, cells, &s->pic, 0, s->sel);
	return true;
}

void tier_strip_free(struct tier_strip *s)
{
	pic_free(&s->pic);
}
