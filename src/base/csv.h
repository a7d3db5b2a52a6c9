/* csv.h — the one CSV writer every CSV output goes through.
 *
 * RFC 4180 quoting; unsafe characters made visible (textsafe.h); and a cell
 * that a spreadsheet would run as a formula — one starting with '=', '+',
 * '-', '@', a tab or a carriage return — is written with a leading
 * apostrophe, which spreadsheets take as "this is text" (OWASP's advice
 * against CSV injection). */
#ifndef TIPR_CSV_H
#define TIPR_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Writes s as one CSV cell (no separator). */
void csv_field(FILE *f, const char *s);
/* Writes cells[0..n) as one row: cells separated by commas, then "\n". */
void csv_row(FILE *f, const char *const *cells, size_t n);

#endif
