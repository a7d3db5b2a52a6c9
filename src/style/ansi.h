/* ansi.h — the SGR back end of the theme's roles, for batch output in a
 * theme's colours and attributes (src/ui/draw.c is the curses back end of
 * the same roles, so the reader and the batch commands share one theme). */
#ifndef TIPR_ANSI_H
#define TIPR_ANSI_H

#include <stdbool.h>

#include "style/theme.h"

/* Room for the longest sequence of a style, with its NUL. */
#define ANSI_STYLE_MAX 48

/* The sequence of each role of a theme. */
struct palette {
	char seq[ROLE__COUNT][ANSI_STYLE_MAX];
	bool colours;  /* the theme has colours (not monochrome): pictures may count on them */
};

/* The sequences of theme t's roles: attributes, then the 8-, 16- or
 * 256-colour forms of its colours (a monochrome theme: attributes only). */
void palette_init(struct palette *p, const struct theme *t);
/* The sequence that starts role r: "" when p is NULL (no colour) or the
 * role has no style. */
const char *sgr(const struct palette *p, enum theme_role r);
/* The sequence of tier t's role; "" for no tier (nothing to end). */
const char *sgr_tier(const struct palette *p, enum tier t);
/* The sequence that ends any style: "" when p is NULL. */
const char *sgr_reset(const struct palette *p);

#endif
