/* json.c — JSON string literals and CSV fields. */
#include "config.h"

#include "base/json.h"

#include <stdlib.h>
#include <string.h>

#include "base/textsafe.h"
#include "base/utf8.h"

void json_string(FILE *f, const char *s)
{
	size_t len = strlen(s), i = 0;

	fputc('"', f);
	while (i < len) {
		int32_t cp;
		size_t n = utf8_next(s + i, len - i, &cp);
		char ph[16];

		if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0)
			fputs("\\ufffd", f);
		else if (textsafe_placeholder(cp, ph))
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, n, f);
		i += n;
	}
	fputc('"', f);
}

void csv_field(FILE *f, const char *s)
{
	char *safe = textsafe_dup(s, strlen(s));

	if (strpbrk(safe, ",\"\n\r")) {
		fputc('"', f);
		for (const char *p = safe; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else {
		fputs(safe, f);
	}
	free(safe);
}
