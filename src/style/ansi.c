/* ansi.c — SGR sequences of a theme's roles (see ansi.h). */
#include "config.h"

#include "style/ansi.h"

#include <stdio.h>
#include <string.h>

/* Appends ";" and the SGR parameter of colour c (base 30 for the
 * foreground, 40 for the background). */
static size_t color_param(char *out, size_t at, int c, int base)
{
	if (c < 8)
		return at + (size_t)sprintf(out + at, ";%d", base + c);
	if (c < 16)
		return at + (size_t)sprintf(out + at, ";%d", base + 60 + c - 8);
	return at + (size_t)sprintf(out + at, ";%d;5;%d", base + 8, c);
}

static void style_sgr(const struct theme_style *st, bool colour, char out[ANSI_STYLE_MAX])
{
	static const struct {
		unsigned attr;
		int param;
	} attrs[] = {
		{ THEME_BOLD, 1 }, { THEME_DIM, 2 }, { THEME_ITALIC, 3 }, { THEME_UNDERLINE, 4 },
		{ THEME_REVERSE, 7 },
	};
	size_t at = 1;

	/* Built with a leading ';' after the ESC, replaced by '[' at the end. */
	out[0] = '\033';
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (st->attrs & attrs[i].attr)
			at += (size_t)sprintf(out + at, ";%d", attrs[i].param);
	if (colour && st->fg >= 0 && st->fg < 256)
		at = color_param(out, at, st->fg, 30);
	if (colour && st->bg >= 0 && st->bg < 256)
		at = color_param(out, at, st->bg, 40);
	if (at == 1) {
		out[0] = '\0';
		return;
	}
	out[1] = '[';
	out[at++] = 'm';
	out[at] = '\0';
}

void palette_init(struct palette *p, const struct theme *t)
{
	for (int r = 0; r < ROLE__COUNT; r++)
		style_sgr(&t->roles[r], !t->monochrome, p->seq[r]);
	p->colours = !t->monochrome;
}

const char *sgr(const struct palette *p, enum theme_role r)
{
	return p && r < ROLE__COUNT ? p->seq[r] : "";
}

const char *sgr_tier(const struct palette *p, enum tier t)
{
	return t == TIER_NONE ? "" : sgr(p, theme_tier_role(t));
}

const char *sgr_reset(const struct palette *p)
{
	return p ? "\033[0m" : "";
}
