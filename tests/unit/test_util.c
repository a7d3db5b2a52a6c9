/* test_util.c — strbuf, files, paths, the arena and diagnostics. */
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

#include "base/arena.h"
#include "base/diag.h"
#include "base/util.h"

static void test_strbuf(void **state)
{
	struct strbuf sb = {0};
	char *s;

	(void)state;
	assert_string_equal(sb_str(&sb), "");
	sb_adds(&sb, "tier");
	sb_addc(&sb, ' ');
	sb_addf(&sb, "%d of %s", 3, "4");
	sb_add(&sb, "xyz", 1);
	assert_int_equal(sb.len, 12);
	assert_string_equal(sb_str(&sb), "tier 3 of 4x");
	for (int i = 0; i < 1000; i++)
		sb_adds(&sb, "0123456789");
	assert_int_equal(sb.len, 10012);
	sb_reset(&sb);
	assert_string_equal(sb_str(&sb), "");
	sb_adds(&sb, "kept");
	s = sb_detach(&sb);
	assert_string_equal(s, "kept");
	assert_null(sb.buf);
	free(s);
	s = xasprintf("%s-%03d", "a", 7);
	assert_string_equal(s, "a-007");
	free(s);
	s = xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
}

static void test_files_and_paths(void **state)
{
	char dir[] = "/tmp/tipr-util-XXXXXX", *path, *buf;
	size_t len;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = path_join(dir, "f.txt");
	assert_string_equal(path + strlen(dir), "/f.txt");
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("hello\nworld", f);
	fclose(f);
	buf = read_file(path, 100, &len);
	assert_non_null(buf);
	assert_int_equal(len, 11);
	assert_string_equal(buf, "hello\nworld");
	free(buf);
	/* Over the size cap: refused, errno says why. */
	errno = 0;
	assert_null(read_file(path, 5, &len));
	assert_int_equal(errno, EFBIG);
	unlink(path);
	errno = 0;
	assert_null(read_file(path, 100, &len));
	assert_int_equal(errno, ENOENT);
	free(path);
	path = path_join("dir/", "name");
	assert_string_equal(path, "dir/name");
	free(path);
	{
		static const char *const cases[][2] = {
			{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
			{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
		};

		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			char *b = base64_encode(cases[i][0], strlen(cases[i][0]));

			assert_string_equal(b, cases[i][1]);
			free(b);
		}
	}
	assert_true(str_has_suffix("kenya.yaml", ".yaml"));
	assert_false(str_has_suffix("yaml", ".yaml"));
	assert_false(str_has_suffix("kenya.yml", ".yaml"));
	{
		const char *t = "a \xe2\x80\xa2 b \xe2\x80\xa2 c";

		assert_ptr_equal(str_find(t, "\xe2\x80\xa2"), t + 2);
		assert_ptr_equal(str_find(t + 3, "\xe2\x80\xa2"), t + 8);
		assert_null(str_find(t + 9, "\xe2\x80\xa2"));
		assert_string_equal(str_find("aab", "ab"), "ab");
		assert_null(str_find("a", "ab"));
		assert_ptr_equal(str_find(t, ""), t);
	}
	rmdir(dir);
}

/* What is not a regular file is refused at once: a FIFO with no writer
 * would block a plain open() forever. */
static void test_only_regular_files(void **state)
{
	char dir[] = "/tmp/tipr-reg-XXXXXX", *fifo, *file, *link;
	struct stat st;
	size_t len;
	char *buf;
	FILE *f;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fifo = path_join(dir, "fifo");
	file = path_join(dir, "file");
	link = path_join(dir, "link");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	errno = 0;
	assert_null(read_file(fifo, 100, &len));
	assert_int_equal(errno, E_NOT_REGULAR);
	assert_string_equal(file_error(errno), "not a regular file");
	errno = 0;
	assert_int_equal(file_open_regular(dir, NULL), -1);
	assert_int_equal(errno, E_NOT_REGULAR);
	errno = 0;
	assert_null(read_file("/dev/null", 100, &len));
	assert_int_equal(errno, E_NOT_REGULAR);
	/* A symlink to a regular file is followed. */
	f = fopen(file, "w");
	assert_non_null(f);
	fputs("text", f);
	fclose(f);
	assert_int_equal(symlink(file, link), 0);
	fd = file_open_regular(link, &st);
	assert_true(fd >= 0);
	assert_int_equal(st.st_size, 4);
	close(fd);
	buf = read_file(link, 100, &len);
	assert_string_equal(buf, "text");
	free(buf);
	/* ...and a symlink to a FIFO is not. */
	unlink(link);
	assert_int_equal(symlink(fifo, link), 0);
	assert_null(read_file(link, 100, &len));
	assert_int_equal(errno, E_NOT_REGULAR);
	unlink(link);
	unlink(file);
	unlink(fifo);
	rmdir(dir);
	free(fifo);
	free(file);
	free(link);
}

static void test_arena(void **state)
{
	struct arena *a = arena_new();
	char *big, *s;
	int *v;

	(void)state;
	s = arena_strdup(a, "Côte d'Ivoire");
	assert_string_equal(s, "Côte d'Ivoire");
	assert_string_equal(arena_strndup(a, "abcdef", 2), "ab");
	v = arena_array(a, 1000, sizeof(int));
	for (int i = 0; i < 1000; i++)
		v[i] = i;
	/* A request bigger than a block gets its own, and nothing moves. */
	big = arena_alloc(a, 1 << 20);
	memset(big, 'x', 1 << 20);
	assert_string_equal(s, "Côte d'Ivoire");
	assert_int_equal(v[999], 999);
	assert_true(arena_used(a) >= (1 << 20) + 4000);
	assert_int_equal((uintptr_t)arena_alloc(a, 3) % sizeof(void *), 0);
	arena_free(a);
	arena_free(NULL);
}

static void test_diags(void **state)
{
	struct diags d = {0}, more = {0};
	char *s;

	(void)state;
	diags_add(&d, DIAG_ERROR, "content/tip/2022/kenya.yaml", 12, 5, "unknown key '%s'", "tierr");
	diags_add(&d, DIAG_WARNING, "x.yaml", 3, 0, "line only");
	diags_add(&d, DIAG_ERROR, NULL, 0, 0, "no file");
	assert_int_equal(d.n, 3);
	assert_int_equal(d.n_errors, 2);
	s = diag_format(&d.v[0]);
	assert_string_equal(s, "content/tip/2022/kenya.yaml:12:5: error: unknown key 'tierr'");
	free(s);
	s = diag_format(&d.v[1]);
	assert_string_equal(s, "x.yaml:3: warning: line only");
	free(s);
	s = diag_format(&d.v[2]);
	assert_string_equal(s, "error: no file");
	free(s);
	/* Messages from files are made inert too. */
	diags_add(&more, DIAG_ERROR, "evil\x1b[2J.yaml", 1, 1, "bad \x1b]0;x\x07 title");
	s = diag_format(&more.v[0]);
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "^["));
	free(s);
	diags_take(&d, &more);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.n_errors, 3);
	assert_int_equal(more.n, 0);
	diags_clear(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
	diags_free(&more);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_files_and_paths),
		cmocka_unit_test(test_only_regular_files),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_diags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
