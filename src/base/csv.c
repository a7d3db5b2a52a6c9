/* csv.c — CSV cells: quoting, inert text, no formulas. */
#include "config.h"

#include "base/csv.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/textsafe.h"

void csv_field(FILE *f, const char *s)
{
	/* Judged on the text as given: a tab or CR is made visible below, but
	 * a cell that began with one is still marked as text. */
	bool formula = s[0] && strchr("=+-@\t\r", s[0]);
	char *safe = textsafe_dup(s, strlen(s));
	bool quote = strpbrk(safe, ",\"\n\r") != NULL;

	if (quote)
		fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (const char *p = safe; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
	free(safe);
}

void csv_row(FILE *f, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		csv_field(f, cells[i]);
	}
	fputc('\n', f);
}
