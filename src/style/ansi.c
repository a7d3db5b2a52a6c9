/* ansi.c — fixed SGR styles for batch output. */
#include "config.h"

#include "style/ansi.h"

#include <stdio.h>
#include <string.h>

static const char *const sgr[ANSI__COUNT] = {
	[ANSI_RESET] = "\033[0m",
	[ANSI_TITLE] = "\033[1;4m",
	[ANSI_META] = "\033[2m",
	[ANSI_HEADING] = "\033[1;34m",
	[ANSI_NOTICE] = "\033[33m",
	[ANSI_REC_NUMBER] = "\033[1;36m",
	[ANSI_INSERT] = "\033[32m",
	[ANSI_DELETE] = "\033[31m",
	[ANSI_MOVED] = "\033[36m",
	[ANSI_MATCH] = "\033[1;7m",
	[ANSI_DIM] = "\033[2m",
};

static const char *const tier_sgr[TIER__COUNT] = {
	[TIER_NONE] = "",
	[TIER_1] = "\033[1;32m",
	[TIER_2] = "\033[1;34m",
	[TIER_2WL] = "\033[1;33m",
	[TIER_3] = "\033[1;31m",
	[TIER_SPECIAL] = "\033[1;35m",
};

const char *ansi(bool color, enum ansi_role role)
{
	return color && role < ANSI__COUNT ? sgr[role] : "";
}

const char *ansi_tier(bool color, enum tier t)
{
	return color && t < TIER__COUNT ? tier_sgr[t] : "";
}

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

void ansi_style(const struct theme_style *st, char out[ANSI_STYLE_MAX])
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
	if (st->fg >= 0 && st->fg < 256)
		at = color_param(out, at, st->fg, 30);
	if (st->bg >= 0 && st->bg < 256)
		at = color_param(out, at, st->bg, 40);
	if (at == 1) {
		out[0] = '\0';
		return;
	}
	out[1] = '[';
	out[at++] = 'm';
	out[at] = '\0';
}
