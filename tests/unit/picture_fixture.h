/* picture_fixture.h — for tests of pictures: what pic_print writes, whole
 * or one line.  Included by one test program each (the definitions are its
 * own); the includer includes cmocka. */
#ifndef TIPR_TEST_PICTURE_FIXTURE_H
#define TIPR_TEST_PICTURE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/picture.h"

/* Lines [first, first + n) of p as pic_print writes them, in the built-in
 * theme's colours when colored; the caller frees the result. */
static inline char *fixture_printed(const struct picture *p, size_t first, size_t n, bool colored)
{
	struct picture part = *p;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct theme th;
	struct palette pal;

	assert_non_null(f);
	assert_true(first + n <= p->n_lines);
	part.lines = p->lines + first;
	part.n_lines = n;
	theme_builtin(&th);
	palette_init(&pal, &th);
	pic_print(&part, colored ? &pal : NULL, f);
	theme_free(&th);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* The picture is exactly want (all its lines). */
static inline void expect_printed(const struct picture *p, bool colored, const char *want)
{
	char *got = fixture_printed(p, 0, p->n_lines, colored);

	assert_string_equal(got, want);
	free(got);
}

/* Line i of the picture, without colour, is exactly want (no newline). */
static inline void expect_line(const struct picture *p, size_t i, const char *want)
{
	char *got = fixture_printed(p, i, 1, false);

	got[strlen(got) - 1] = '\0';
	assert_string_equal(got, want);
	free(got);
}

#endif
