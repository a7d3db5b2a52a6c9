/* source.c — the importer's one intermediate, and its plain-text front end. */
#include "config.h"

#include "import/source.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

struct src_line *import_source_add(struct import_source *src, const char *text, size_t len)
{
	struct src_line *l;

	if (!src->arena)
		src->arena = arena_new();
	GROW(src->lines, src->cap, src->n + 1);
	l = &src->lines[src->n++];
	memset(l, 0, sizeof(*l));
	l->s = arena_strndup(src->arena, text, len);
	l->len = len;
	return l;
}

void import_source_free(struct import_source *src)
{
	if (src->arena)
		arena_free(src->arena);
	free(src->lines);
	free(src->url);
	memset(src, 0, sizeof(*src));
}

void import_source_text(struct import_source *src, const char *buf, size_t len)
{
	unsigned no = 0;

	for (size_t start = 0; start < len || (start == len && !no);) {
		const char *nl = memchr(buf + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - buf) : len;
		struct src_line *l = import_source_add(src, buf + start, end - start);

		/* A form feed is a page break: the same as a blank line here. */
		for (char *p = l->s; *p; p++)
			if (*p == '\f' || *p == '\r')
				*p = ' ';
		l->no = ++no;
		if (!nl)
			break;
		start = end + 1;
	}
}
