/* test_util.c — strbuf, files, paths, the arena and diagnostics. */
#include "config.h"

#include <errno.h>
#include <limits.h>
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
#include "base/bytes8.h"
#include "base/csv.h"
#include "base/diag.h"
#include "base/icu.h"
#include "base/json.h"
#include "base/utf8.h"
#include "base/util.h"

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

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

static void check_number(const char *s, long long min, long long max, enum num_status want,
			 long long value, const char *problem)
{
	long long v = -424242;
	enum num_status st = num_parse(s, min, max, &v);
	char *why;

	if (st != want)
		fail_msg("num_parse('%s') = %d, not %d", s, st, want);
	if (st == NUM_OK) {
		assert_int_equal(v, value);
		return;
	}
	assert_int_equal(v, -424242); /* untouched on failure */
	why = num_problem(st, s, min, max);
	assert_string_equal(why, problem);
	free(why);
}

/* The one number parser: whole decimal numbers in a range, nothing else. */
static void test_numbers(void **state)
{
	(void)state;
	check_number("200", 1, 100000, NUM_OK, 200, NULL);
	check_number("0", 0, 9, NUM_OK, 0, NULL);
	check_number("007", 0, 9, NUM_OK, 7, NULL);
	check_number("-5", -10, 10, NUM_OK, -5, NULL);
	check_number("9223372036854775807", 0, LLONG_MAX, NUM_OK, LLONG_MAX, NULL);
	check_number("-9223372036854775808", LLONG_MIN, 0, NUM_OK, LLONG_MIN, NULL);
	check_number("1e3", 1, 100000, NUM_NOT_A_NUMBER, 0, "'1e3' is not a whole number");
	check_number("-1", 1, 100000, NUM_TOO_SMALL, 0, "-1 is less than 1");
	check_number("100001", 1, 100000, NUM_TOO_LARGE, 0, "100001 is more than 100000");
	check_number("99999999999999999999", 1, 100, NUM_TOO_LARGE, 0,
		     "99999999999999999999 is more than 100");
	check_number("-99999999999999999999", 1, 100, NUM_TOO_SMALL, 0,
		     "-99999999999999999999 is less than 1");
	check_number("99999999999999999999x", 1, 100, NUM_NOT_A_NUMBER, 0,
		     "'99999999999999999999x' is not a whole number");
	check_number("", 1, 100, NUM_NOT_A_NUMBER, 0, "'' is not a whole number");
	check_number("-", 1, 100, NUM_NOT_A_NUMBER, 0, "'-' is not a whole number");
	check_number("+5", 1, 100, NUM_NOT_A_NUMBER, 0, "'+5' is not a whole number");
	check_number(" 5", 1, 100, NUM_NOT_A_NUMBER, 0, "' 5' is not a whole number");
	check_number("5 ", 1, 100, NUM_NOT_A_NUMBER, 0, "'5 ' is not a whole number");
	check_number("0x10", 1, 100, NUM_NOT_A_NUMBER, 0, "'0x10' is not a whole number");
	check_number("2.5", 1, 100, NUM_NOT_A_NUMBER, 0, "'2.5' is not a whole number");
}

static void test_utf8_check_and_file_errors(void **state)
{
	static const char nul[] = "one\ntwo \0 three";
	struct diags d = {0};

	(void)state;
	assert_true(diags_check_utf8("f", "caf\xc3\xa9\n", 6, &d));
	assert_false(diags_check_utf8("f", nul, sizeof(nul) - 1, &d));
	assert_string_equal(d.v[0].msg, "a NUL byte: this is not text");
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 5);
	/* The first problem wins, whichever it is. */
	assert_false(diags_check_utf8("f", "\xc3(\0", 3, &d));
	assert_string_equal(d.v[1].msg, "invalid UTF-8 (byte 0xC3)");
	diags_clear(&d);
	diags_file_error(&d, "a.yaml", E_NOT_REGULAR, 100);
	diags_file_error(&d, "b.yaml", EFBIG, 100);
	diags_file_error(&d, "c.yaml", ENOENT, 100);
	assert_string_equal(d.v[0].msg, "not a regular file");
	assert_string_equal(d.v[1].msg, "file too large (the limit is 100 bytes)");
	assert_string_equal(d.v[2].msg, "cannot read: No such file or directory");
	assert_int_equal(d.n_errors, 3);
	assert_string_equal(file_error(EFBIG), strerror(EFBIG));
	diags_free(&d);
}

static void test_path_dir(void **state)
{
	static const char *const cases[][2] = {
		{ "/a/b/c.yaml", "/a/b" }, { "c.yaml", "." }, { "/c.yaml", "/" }, { "a/b", "a" },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *d = path_dir(cases[i][0]);

		assert_string_equal(d, cases[i][1]);
		free(d);
	}
}

/* What a CSV writer puts out, byte for byte. */
static char *csv_of(const char *const *cells, size_t n)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	csv_row(f, cells, n);
	assert_int_equal(fclose(f), 0);
	return out;
}

/* Cells a spreadsheet would run as formulas get a leading apostrophe;
 * quoting and inert text as before. */
static void test_csv(void **state)
{
	static const struct {
		const char *cell, *want;
	} cases[] = {
		{ "plain", "plain\n" },
		{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n" },
		{ "=1+2", "'=1+2\n" },
		{ "+1", "'+1\n" },
		{ "-1", "'-1\n" },
		{ "@SUM(A1)", "'@SUM(A1)\n" },
		{ "\tTAB", "'\tTAB\n" },
		{ "\rCR", "'^MCR\n" },
		{ "a=1", "a=1\n" },
		{ " =1", " =1\n" },
		{ "", "\n" },
		{ "two, cells", "\"two, cells\"\n" },
		{ "line\nbreak", "\"line\nbreak\"\n" },
		{ "esc \x1b[2J bidi \xe2\x80\xae zw \xe2\x80\x8b", "esc ^[[2J bidi <U+202E> zw <U+200B>\n" },
	};
	static const char *const row[] = { "id", "=cmd", "2022" };
	char *out;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		out = csv_of(&cases[i].cell, 1);
		if (strcmp(out, cases[i].want))
			fail_msg("cell '%s' written as '%s', not '%s'", cases[i].cell, out, cases[i].want);
		free(out);
	}
	out = csv_of(row, ARRAY_SIZE(row));
	assert_string_equal(out, "id,'=cmd,2022\n");
	free(out);
}

/* JSON escapes what textsafe marks, astral characters as surrogate pairs. */
/* The eight-byte tests agree with a byte at a time on words of letters,
 * digits, punctuation and bytes of 0x80 and up in every position. */
static void test_bytes8(void **state)
{
	static const char pick[] = "aZqm@[`{09 -.\x80\xc3\xff\x01A";
	unsigned seed = 7;

	(void)state;
	for (int t = 0; t < 20000; t++) {
		char s[8];
		unsigned letters = 0, in = 0;

		for (int i = 0; i < 8; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = pick[(seed >> 16) % (sizeof(pick) - 1)];
		}
		while (letters < 8 && ((s[letters] >= 'a' && s[letters] <= 'z') || (s[letters] >= 'A' && s[letters] <= 'Z')))
			letters++;
		assert_int_equal(bytes8_letters(bytes8_load(s)), letters);
		for (int i = 0; i < 8; i++)
			in += (unsigned char)s[i] >= '0' && (unsigned char)s[i] <= '9';
		assert_int_equal(__builtin_popcountll(bytes8_in(bytes8_load(s) & BYTES8(0x7F), '0', '9') &
						      ~bytes8_load(s)),
				 in);
	}
	assert_int_equal(bytes8_same(bytes8_load("\3\3\3\5\3\3\3\3"), 3), 3);
	assert_int_equal(bytes8_same(bytes8_load("\3\3\3\3\3\3\3\3"), 3), 8);
	assert_int_equal(bytes8_same(bytes8_load("\4\3\3\3\3\3\3\3"), 3), 0);
	assert_int_equal(bytes8_letters(bytes8_load("Trafficking")), 8);
	assert_int_equal(bytes8_letters(bytes8_load("camps, in")), 5);
}

static void test_json(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	assert_non_null(f);
	json_string(f, "a\"b\\c\n\x1b \xe2\x80\x8b \xf3\xa0\x81\xa7 \xf0\x9f\x98\x80 \xff");
	assert_int_equal(fclose(f), 0);
	assert_string_equal(out, "\"a\\\"b\\\\c\\n\\u001b \\u200b \\udb40\\udc67 \xf0\x9f\x98\x80 \\ufffd\"");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_files_and_paths),
		cmocka_unit_test(test_only_regular_files),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_diags),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_utf8_check_and_file_errors),
		cmocka_unit_test(test_path_dir),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_bytes8),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
