/* json.h — writing JSON safely (control, bidi and invisible characters escaped). */
#ifndef TIPR_JSON_H
#define TIPR_JSON_H

#include <stdio.h>

/* Writes s as a JSON string literal: quotes, backslashes, C0/C1 controls,
 * DEL, bidi controls and invisible format characters (textsafe.h) as \uXXXX;
 * invalid UTF-8 as U+FFFD. */
void json_string(FILE *f, const char *s);

#endif
