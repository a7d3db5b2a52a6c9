/* ansi.c — fixed SGR styles for batch output. */
#include "config.h"

#include "style/ansi.h"

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
