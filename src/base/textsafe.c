/* textsafe.c — placeholders for control, bidi, invisible and invalid code points. */
#include "config.h"

#include "base/textsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "base/utf8.h"

/* Characters that draw as nothing yet change what a reader or a program
 * takes the text to say. */
static bool invisible_format(int32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	       (cp >= 0xE0000 && cp <= 0xE007F);
}

const char *textsafe_kind(int32_t cp)
{
	if (cp < 0)
		return "invalid UTF-8";
	if (cp == '\n' || cp == '\t' || (cp >= 0x20 && cp < 0x7F))
		return NULL;
	if (cp < 0xA0)
		return "control character";
	if (u_hasBinaryProperty(cp, UCHAR_BIDI_CONTROL))
		return "bidi control";
	if (invisible_format(cp))
		return "invisible format character";
	return NULL;
}

size_t textsafe_placeholder(int32_t cp, char out[16])
{
	if (!textsafe_kind(cp))
		return 0;
	if (cp < 0)
		return (size_t)snprintf(out, 16, "\xEF\xBF\xBD");
	if (cp < 0x20)
		return (size_t)snprintf(out, 16, "^%c", (char)(cp + '@'));
	if (cp == 0x7F)
		return (size_t)snprintf(out, 16, "^?");
	return (size_t)snprintf(out, 16, "<U+%04X>", (unsigned)cp);
}

void textsafe_append(struct strbuf *sb, const char *s, size_t len)
{
	size_t i = 0, clean = 0;
	char ph[16];

	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		int32_t cp;
		size_t n, m;

		if (b >= 0x20 && b < 0x7F) {
			i += utf8_printable_run(s + i, len - i);
			continue;
		}
		n = b < 0x80 ? (cp = b, 1) : utf8_next(s + i, len - i, &cp);
		m = textsafe_placeholder(cp, ph);
		if (m) {
			sb_add(sb, s + clean, i - clean);
			sb_add(sb, ph, m);
			clean = i + n;
		}
		i += n;
	}
	sb_add(sb, s + clean, len - clean);
}

char *textsafe_dup(const char *s, size_t len)
{
	struct strbuf sb = {0};

	textsafe_append(&sb, s, len);
	return sb_detach(&sb);
}

void textsafe_fputs(const char *s, FILE *f)
{
	char *safe = textsafe_dup(s, strlen(s));

	fputs(safe, f);
	free(safe);
}
