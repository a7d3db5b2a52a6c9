/* textsafe.c — placeholders for control, bidi and invalid code points. */
#include "config.h"

#include "base/textsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "base/utf8.h"

size_t textsafe_placeholder(int32_t cp, char out[16])
{
	if (cp < 0)
		return (size_t)snprintf(out, 16, "\xEF\xBF\xBD");
	if (cp == '\n' || cp == '\t')
		return 0;
	if (cp < 0x20)
		return (size_t)snprintf(out, 16, "^%c", (char)(cp + '@'));
	if (cp == 0x7F)
		return (size_t)snprintf(out, 16, "^?");
	if (cp < 0x80)
		return 0;
	if (cp < 0xA0 || u_hasBinaryProperty(cp, UCHAR_BIDI_CONTROL))
		return (size_t)snprintf(out, 16, "<U+%04X>", (unsigned)cp);
	return 0;
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
			i++;
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
