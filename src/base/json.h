/* json.h — writing JSON and CSV safely (control and bidi characters escaped). */
#ifndef TIPR_JSON_H
#define TIPR_JSON_H

#include <stdio.h>

/* Writes s as a JSON string literal: quotes, backslashes, C0/C1 controls,
 * DEL and bidi controls as \uXXXX; invalid UTF-8 as U+FFFD. */
void json_string(FILE *f, const char *s);
/* Writes s as one CSV field (RFC 4180 quoting; unsafe characters made
 * visible as in textsafe.h). */
void csv_field(FILE *f, const char *s);

#endif
