/* tierstrip.c — the tier strip of the reader's title line. */
#include "config.h"

#include "ui/tierstrip.h"

#include <stdio.h>

#include "tiers/tierpic.h"

void tier_strip_make(struct tier_strip *s, struct app *app)
{
	struct tier_history *h;

	pic_free(&s->pic);
	s->sel = -1;
	if (!app->open || !app->open->year)
		return;
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

bool tier_strip_draw(const struct tier_strip *s, struct app *app, int y, int right, int room)
{
	const struct screen *scr = &app->scr;
	int cells = s->pic.n_lines ? (int)s->pic.lines[0].width : 0;
	char year[16];

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
