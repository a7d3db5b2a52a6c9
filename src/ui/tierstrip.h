/* tierstrip.h — the open country's tier in every edition, a cell each, at
 * the right of the narrative's title: where the narrative stands in its
 * history at a glance. */
#ifndef TIPR_UI_TIERSTRIP_H
#define TIPR_UI_TIERSTRIP_H

#include <stdbool.h>

#include "style/picture.h"
#include "ui/app.h"

struct tier_strip {
	bool pending; /* left for the frame after the first (app.h) */
	struct picture pic;
	int sel;      /* the open edition's cell, or -1 */
	int years[2]; /* the first and last editions */
};

/* Builds the strip of the open document's country (none when it has fewer
 * than two placed editions, or nothing is open).  Before the first frame
 * is out, a strip that needs any edition's header read or checked is left
 * pending, and another frame asked for; tier_strip_draw makes it then. */
void tier_strip_make(struct tier_strip *s, struct app *app);
/* Draws it on row y ending at column right, within room columns less a
 * gap: with its first and last years when they fit, else the cells alone;
 * false when not even they fit (or there is none). */
bool tier_strip_draw(struct tier_strip *s, struct app *app, int y, int right, int room);
void tier_strip_free(struct tier_strip *s);

#endif
