/* styled.c — role-tagged text for batch output. */
#include "config.h"

#include "style/styled.h"

#include <stdlib.h>
#include <string.h>

#include "base/bytes8.h"
#include "base/textsafe.h"
#include "text/textwrap.h"

static void tag(struct styled *st, size_t from, enum theme_role role)
{
	if (st->text.len == from)
		return;
	if (st->text.len > st->cap) {
		st->cap = st->text.len * 2;
		st->roles = xrealloc(st->roles, st->cap);
	}
	memset(st->roles + from, role, st->text.len - from);
}

void styled_add(struct styled *st, const char *s, size_t len, enum theme_role role)
{
	size_t from = st->text.len;

	textsafe_append(&st->text, s, len);
	tag(st, from, role);
}

void styled_adds(struct styled *st, const char *lit, enum theme_role role)
{
	size_t from = st->text.len;

	sb_adds(&st->text, lit);
	tag(st, from, role);
}

void styled_reset(struct styled *st)
{
	sb_reset(&st->text);
}

void styled_free(struct styled *st)
{
	sb_free(&st->text);
	free(st->roles);
	memset(st, 0, sizeof(*st));
}

void styled_print(const struct styled *st, size_t start, size_t end, const struct palette *pal, size_t pad,
		  FILE *out)
{
	static const char spaces[] = "                                ";
	const char *cur = "";
	size_t width = pad && end > start ? text_width(st->text.buf + start, end - start) : 0;

	for (size_t i = start; i < end;) {
		size_t j = i;
		const char *seq = sgr(pal, (enum theme_role)st->roles[i]);

		/* The run of one role, eight bytes at a time. */
		for (unsigned got = 8; got == 8 && j + 8 <= end; j += got)
			got = bytes8_same(bytes8_load((const char *)st->roles + j), st->roles[i]);
		while (j < end && st->roles[j] == st->roles[i])
			j++;
		if (strcmp(seq, cur)) {
			if (*cur)
				fputs(sgr_reset(pal), out);
			fputs(seq, out);
			cur = seq;
		}
		fwrite(st->text.buf + i, 1, j - i, out);
		i = j;
	}
	if (*cur)
		fputs(sgr_reset(pal), out);
	for (size_t n; width < pad; width += n) {
		n = pad - width < sizeof(spaces) - 1 ? pad - width : sizeof(spaces) - 1;
		fwrite(spaces, 1, n, out);
	}
}
