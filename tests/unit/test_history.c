/* test_history.c — earlier searches: kept in order, a query used again
 * moved to the end, bounded, saved at once and merged with another
 * reader's, lines that are not text skipped; recall with Up and Down. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/util.h"
#include "tmpdir_fixture.h"
#include "search/history.h"


static void test_keep(void **state)
{
	char *path = xasprintf("%s/state/search-history", tmpdir), *text;
	struct search_history *h = search_history_open(path), *other;
	struct stat st;
	size_t len;

	(void)state;
	assert_int_equal(search_history_count(h), 0);
	assert_true(search_history_add(h, "forced labor"));
	assert_true(search_history_add(h, "  \"prison camps\"  "));
	assert_true(search_history_add(h, "   "));
	assert_true(search_history_add(h, "bad\x1b[31m"));
	assert_true(search_history_add(h, "forced labor"));
	assert_int_equal(search_history_count(h), 2);
	assert_string_equal(search_history_at(h, 0), "\"prison camps\"");
	assert_string_equal(search_history_at(h, 1), "forced labor");
	/* Saved at once, privately, one query a line. */
	text = read_file(path, 1 << 20, &len);
	assert_string_equal(text, "\"prison camps\"\nforced labor\n");
	free(text);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* Another reader's searches are kept when this one saves. */
	other = search_history_open(path);
	assert_true(search_history_add(other, "kenya"));
	assert_true(search_history_add(h, "dprk"));
	search_history_free(h);
	h = search_history_open(path);
	assert_int_equal(search_history_count(h), 4);
	assert_string_equal(search_history_at(h, 2), "kenya");
	assert_string_equal(search_history_at(h, 3), "dprk");
	search_history_free(other);
	/* Bounded: the oldest go. */
	for (int i = 0; i < SEARCH_HISTORY_MAX + 10; i++) {
		char q[32];

		snprintf(q, sizeof(q), "query %d", i);
		assert_true(search_history_add(h, q));
	}
	assert_int_equal(search_history_count(h), SEARCH_HISTORY_MAX);
	assert_string_equal(search_history_at(h, 0), "query 10");
	search_history_free(h);
	free(path);
}

static void test_bad_files(void **state)
{
	char *path = xasprintf("%s/hostile", tmpdir), *long_line = xmalloc(SEARCH_HISTORY_LINE + 2);
	struct search_history *h;
	FILE *f = fopen(path, "w");

	(void)state;
	assert_non_null(f);
	memset(long_line, 'x', SEARCH_HISTORY_LINE + 1);
	long_line[SEARCH_HISTORY_LINE + 1] = '\0';
	fprintf(f, "good one\n\x1b]2;title\x07\nbad \xff utf-8\n%s\n\nsecond\n\xc2\x9b" "31m\nlast without newline",
		long_line);
	fclose(f);
	h = search_history_open(path);
	assert_int_equal(search_history_count(h), 3);
	assert_string_equal(search_history_at(h, 0), "good one");
	assert_string_equal(search_history_at(h, 1), "second");
	assert_string_equal(search_history_at(h, 2), "last without newline");
	search_history_free(h);
	/* Not a regular file: not read (and not waited on). */
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	h = search_history_open(path);
	assert_int_equal(search_history_count(h), 0);
	search_history_free(h);
	/* Where nothing can be written: false, kept in memory all the same. */
	h = search_history_open("/dev/null/tipr/search-history");
	errno = 0;
	assert_false(search_history_add(h, "kept"));
	assert_int_not_equal(errno, 0);
	assert_int_equal(search_history_count(h), 1);
	search_history_free(h);
	free(long_line);
	free(path);
}

static void test_recall(void **state)
{
	char *path = xasprintf("%s/recall", tmpdir);
	struct search_history *h = search_history_open(path);

	(void)state;
	assert_null(search_history_newer(h));
	assert_null(search_history_older(h, ""));
	search_history_reset(h);
	assert_true(search_history_add(h, "forced labor"));
	assert_true(search_history_add(h, "kenya"));
	assert_true(search_history_add(h, "forced begging"));
	/* Up from an empty prompt: newest first, then older, then no more. */
	assert_string_equal(search_history_older(h, ""), "forced begging");
	assert_string_equal(search_history_older(h, "forced begging"), "kenya");
	assert_string_equal(search_history_older(h, "kenya"), "forced labor");
	assert_null(search_history_older(h, "forced labor"));
	/* Down: forward again, then what was typed. */
	assert_string_equal(search_history_newer(h), "kenya");
	assert_string_equal(search_history_newer(h), "forced begging");
	assert_string_equal(search_history_newer(h), "");
	assert_string_equal(search_history_newer(h), "");
	search_history_reset(h);
	/* What is typed narrows the recall to what starts so. */
	assert_string_equal(search_history_older(h, "for"), "forced begging");
	assert_string_equal(search_history_older(h, "x"), "forced labor");
	assert_null(search_history_older(h, "x"));
	assert_string_equal(search_history_newer(h), "forced begging");
	assert_string_equal(search_history_newer(h), "for");
	/* Running a search ends the recall. */
	assert_true(search_history_add(h, "forced labor"));
	assert_null(search_history_newer(h));
	assert_string_equal(search_history_older(h, "forced b"), "forced begging");
	search_history_free(h);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_recall),
	};

	return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
