/* json.c — JSON string literals. */
#include "config.h"

#include "base/json.h"

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

		if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0)
			fputs("\\ufffd", f);
		else if (!textsafe_kind(cp))
			fwrite(s + i, 1, n, f);
		else if (cp > 0xFFFF)
			/* JSON spells a code point beyond the BMP as a surrogate pair. */
			fprintf(f, "\\u%04x\\u%04x", (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
				(unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
		else
			fprintf(f, "\\u%04x", (unsigned)cp);
		i += n;
	}
	fputc('"', f);
}
