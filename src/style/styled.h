/* styled.h — text with a role per byte, for batch output that is wrapped
 * by display width and then coloured (or marked) run by run.  Everything
 * added is made inert first (textsafe). */
#ifndef TIPR_STYLED_H
#define TIPR_STYLED_H

#include <stdbool.h>
#include <stdio.h>

#include "style/ansi.h"
#include "base/util.h"

struct styled {
	struct strbuf text;
	unsigned char *roles;  /* enum theme_role of each byte of text */
	size_t cap;
};

/* Appends s[0..len) in role (control and bidi characters as placeholders). */
void styled_add(struct styled *st, const char *s, size_t len, enum theme_role role);
/* Appends a literal that needs no cleaning (marks such as "[-"). */
void styled_adds(struct styled *st, const char *lit, enum theme_role role);
void styled_reset(struct styled *st);
void styled_free(struct styled *st);
/* Writes bytes [start, end) in the styles of pal (NULL: none) changing at
 * role boundaries, padding with spaces to pad columns of display width. */
void styled_print(const struct styled *st, size_t start, size_t end, const struct palette *pal, size_t pad,
		  FILE *out);

#endif
