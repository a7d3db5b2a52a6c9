/* lineedit.c — a prompt's text and cursor (see lineedit.h). */
#include "config.h"

#include "reader/lineedit.h"

#include <string.h>

#include "base/utf8.h"

/* The start of the code point before byte i. */
static size_t prev_char(const struct line_edit *e, size_t i)
{
	while (i > 0 && ((unsigned char)e->text.buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

/* The start of the code point after the one at byte i. */
static size_t next_char(const struct line_edit *e, size_t i)
{
	int32_t cp;

	if (i >= e->text.len)
		return e->text.len;
	return i + utf8_next(e->text.buf + i, e->text.len - i, &cp);
}

/* Deletes bytes [a, b) and puts the cursor at a; true when anything went. */
static bool delete_range(struct line_edit *e, size_t a, size_t b)
{
	if (b > e->text.len)
		b = e->text.len;
	if (a >= b)
		return false;
	memmove(e->text.buf + a, e->text.buf + b, e->text.len - b + 1);
	e->text.len -= b - a;
	e->cursor = a;
	return true;
}

static bool insertable(int32_t cp)
{
	return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && cp <= 0x10FFFF &&
	       !(cp >= 0xD800 && cp <= 0xDFFF);
}

void line_edit_reset(struct line_edit *e, const char *initial, size_t max)
{
	size_t len = initial ? strlen(initial) : 0;

	sb_reset(&e->text);
	e->cursor = 0;
	e->max = max;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t k = utf8_next(initial + i, len - i, &cp);

		i += k;
		if (cp < 0)
			cp = 0xFFFD;
		if (insertable(cp) && !line_edit_insert(e, cp))
			break; /* full */
	}
	e->cursor = e->text.len;
}

bool line_edit_insert(struct line_edit *e, int32_t cp)
{
	char buf[4];
	size_t n;

	if (!insertable(cp))
		return false;
	n = utf8_encode(cp, buf);
	if (e->text.len + n > e->max)
		return false;
	sb_add(&e->text, buf, n); /* room, and the terminating NUL */
	memmove(e->text.buf + e->cursor + n, e->text.buf + e->cursor, e->text.len - n - e->cursor);
	memcpy(e->text.buf + e->cursor, buf, n);
	e->cursor += n;
	return true;
}

bool line_edit_apply(struct line_edit *e, enum line_edit_op op)
{
	size_t c = e->cursor, k;

	switch (op) {
	case LE_LEFT:
		e->cursor = prev_char(e, c);
		return false;
	case LE_RIGHT:
		e->cursor = next_char(e, c);
		return false;
	case LE_HOME:
		e->cursor = 0;
		return false;
	case LE_END:
		e->cursor = e->text.len;
		return false;
	case LE_BACKSPACE:
		return delete_range(e, prev_char(e, c), c);
	case LE_DELETE:
		return delete_range(e, c, next_char(e, c));
	case LE_KILL_START:
		return delete_range(e, 0, c);
	case LE_KILL_END:
		return delete_range(e, c, e->text.len);
	case LE_KILL_WORD:
		k = c;
		while (k > 0 && e->text.buf[k - 1] == ' ')
			k--;
		while (k > 0 && e->text.buf[k - 1] != ' ')
			k = prev_char(e, k);
		return delete_range(e, k, c);
	}
	return false;
}

const char *line_edit_text(const struct line_edit *e)
{
	return sb_str(&e->text);
}

void line_edit_free(struct line_edit *e)
{
	sb_free(&e->text);
	e->cursor = 0;
}
