/* ansi.h — SGR colour sequences for batch output (the reader uses themes). */
#ifndef TIPR_ANSI_H
#define TIPR_ANSI_H

#include <stdbool.h>
#include <stdio.h>

#include "content/document.h"
#include "style/theme.h"

enum ansi_role {
	ANSI_RESET,
	ANSI_TITLE,
	ANSI_META,
	ANSI_HEADING,
	ANSI_NOTICE,
	ANSI_REC_NUMBER,
	ANSI_INSERT,
	ANSI_DELETE,
	ANSI_MOVED,
	ANSI_MATCH,
	ANSI_DIM,
	ANSI__COUNT
};

/* The SGR sequence for a role; "" when color is false. */
const char *ansi(bool color, enum ansi_role role);
/* The SGR sequence for a tier badge. */
const char *ansi_tier(bool color, enum tier t);

/* Room for the longest sequence ansi_style writes, with its NUL. */
#define ANSI_STYLE_MAX 48
/* Writes into out the SGR sequence of a theme style (its attributes, then
 * the 8-, 16- or 256-colour forms of its colours), "" when it has none: how
 * batch output shows a picture in the reader's colours. */
void ansi_style(const struct theme_style *st, char out[ANSI_STYLE_MAX]);

#endif
