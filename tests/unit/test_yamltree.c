/* test_yamltree.c — the capped, alias-free YAML loader: what it accepts,
 * and every refusal with its FILE:LINE:COL. */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/icu.h"
#include "base/utf8.h"
#include "base/util.h"
#include "base/yamltree.h"

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

static const struct ynode *parse(const char *text, struct arena *a, struct diags *d)
{
	return yaml_parse("t.yaml", text, strlen(text), &yaml_content_limits, a, d);
}

/* Parses text expecting a refusal whose message contains needle at line:col. */
static void refused(const char *text, const char *needle, unsigned line, unsigned col)
{
	struct arena *a = arena_new();
	struct diags d = {0};

	assert_null(yaml_parse("t.yaml", text, strlen(text), &yaml_content_limits, a, &d));
	assert_true(d.n_errors >= 1);
	if (!strstr(d.v[0].msg, needle))
		fail_msg("'%s' not in '%s'", needle, d.v[0].msg);
	assert_string_equal(d.v[0].file, "t.yaml");
	if (line)
		assert_int_equal(d.v[0].line, line);
	if (col)
		assert_int_equal(d.v[0].col, col);
	diags_free(&d);
	arena_free(a);
}

static void test_accepts(void **state)
{
	struct arena *a = arena_new();
	struct diags d = {0};
	const struct ynode *root = parse("country: kenya\nyear: 2022\nitems:\n  - one\n  - \"t\\u00e9\"\n"
					 "text: |\n  line one\n  line two\nempty:\n", a, &d);
	static const char *const keys[] = { "country", "year", "items", "text", "empty", NULL };
	static const char *const fewer[] = { "country", NULL };

	(void)state;
	assert_non_null(root);
	assert_int_equal(d.n, 0);
	assert_int_equal(root->kind, YNODE_MAP);
	assert_string_equal(ynode_get(root, "country")->str, "kenya");
	assert_int_equal(ynode_get(root, "country")->line, 1);
	assert_int_equal(ynode_get(root, "year")->col, 7);
	assert_int_equal(ynode_get(root, "items")->n, 2);
	assert_string_equal(ynode_get(root, "items")->items[1]->str, "t\xc3\xa9");
	assert_string_equal(ynode_get(root, "text")->str, "line one\nline two\n");
	assert_true(ynode_is_null(ynode_get(root, "empty")));
	assert_null(ynode_get(root, "missing"));
	assert_true(ynode_check_keys(root, keys, "t.yaml", &d));
	assert_false(ynode_check_keys(root, fewer, "t.yaml", &d));
	assert_int_equal(d.n_errors, 4);
	assert_non_null(strstr(d.v[0].msg, "unknown key 'year'"));
	assert_int_equal(d.v[0].line, 2);
	assert_false(ynode_expect(ynode_get(root, "items"), YNODE_MAP, "items", "t.yaml", &d));
	diags_free(&d);
	arena_free(a);
}

static void test_refusals(void **state)
{
	char *deep;
	size_t n = 100;

	(void)state;
	refused("a: &x 1\nb: *x\n", "anchors", 1, 4);
	refused("a: !!binary 123\n", "tags", 1, 4);
	refused("a: 1\n---\nb: 2\n", "only one YAML document", 2, 1);
	refused("a: 1\nb: [1, 2\n", "", 3, 0);
	refused("a: 1\n\tb: 2\n", "", 2, 0);
	refused("title: \"ok\"\nname: \"bad \xff byte\"\n", "invalid UTF-8", 2, 12);
	refused("", "empty", 1, 1);
	/* Nesting beyond the limit stops early, without a deep recursion. */
	deep = malloc(n * 2 + 1);
	assert_non_null(deep);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	refused(deep, "nested too deeply", 1, 0);
	free(deep);
	/* So many nodes that a small file would expand without bound. */
	{
		struct arena *a = arena_new();
		struct diags d = {0};
		struct yaml_limits tiny = yaml_content_limits;
		static const char list[] = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]";

		tiny.max_nodes = 5;
		assert_null(yaml_parse("t.yaml", list, strlen(list), &tiny, a, &d));
		assert_non_null(strstr(d.v[0].msg, "too many"));
		diags_free(&d);
		tiny = yaml_content_limits;
		tiny.max_file_size = 10;
		assert_null(yaml_parse("t.yaml", list, strlen(list), &tiny, a, &d));
		assert_non_null(strstr(d.v[0].msg, "too large"));
		diags_free(&d);
		assert_null(yaml_load_file("/nonexistent/x.yaml", &yaml_content_limits, a, &d));
		assert_non_null(strstr(d.v[0].msg, "cannot read"));
		diags_free(&d);
		arena_free(a);
	}
}

/* A NUL in any text, however it is spelled, is refused where it is: C
 * strings would cut the text there without a word. */
static void test_nul_refused(void **state)
{
	(void)state;
	refused("title: \"Trafficking\\0 Report\"\n", "NUL", 1, 8);
	refused("a: 1\ntitle: \"x\\x00y\"\n", "NUL", 2, 8);
	refused("list:\n  - \"\\u0000\"\n", "NUL", 2, 5);
	refused("\"k\\0\": 1\n", "NUL", 1, 1);
	/* A raw NUL byte is not text at all. */
	{
		static const char raw[] = "a: 1\nb: x\0y\n";
		struct arena *a = arena_new();
		struct diags d = {0};

		assert_null(yaml_parse("t.yaml", raw, sizeof(raw) - 1, &yaml_content_limits, a, &d));
		assert_string_equal(d.v[0].msg, "a NUL byte: this is not text");
		assert_int_equal(d.v[0].line, 2);
		assert_int_equal(d.v[0].col, 5);
		diags_free(&d);
		arena_free(a);
	}
}

static void test_getters(void **state)
{
	struct arena *a = arena_new();
	struct diags d = {0};
	const struct ynode *root = parse("name: Kenya\nempty: \"\"\nlist: [1]\nyear: 2022\nexp: 1e3\n"
					 "neg: -1\nspaced: \" 7\"\nnull:\nbig: 99999999999999999999\n", a, &d);
	long long v = 0;

	(void)state;
	assert_non_null(root);
	assert_string_equal(ynode_text(root, "name", YNODE_REQUIRED, "t.yaml", &d), "Kenya");
	assert_string_equal(ynode_text(root, "empty", YNODE_OPTIONAL, "t.yaml", &d), "");
	assert_null(ynode_text(root, "absent", YNODE_OPTIONAL, "t.yaml", &d));
	assert_int_equal(d.n, 0);
	assert_null(ynode_text(root, "absent", YNODE_REQUIRED, "t.yaml", &d));
	assert_string_equal(d.v[0].msg, "missing required key 'absent'");
	assert_int_equal(d.v[0].line, 1);
	assert_null(ynode_text(root, "empty", YNODE_NONEMPTY, "t.yaml", &d));
	assert_string_equal(d.v[1].msg, "'empty' must not be empty");
	assert_int_equal(d.v[1].line, 2);
	assert_null(ynode_text(root, "list", YNODE_OPTIONAL, "t.yaml", &d));
	assert_string_equal(d.v[2].msg, "'list' must be text, not a list");
	diags_clear(&d);

	assert_true(ynode_number(root, "year", YNODE_REQUIRED, 1900, 2200, &v, "t.yaml", &d));
	assert_int_equal(v, 2022);
	assert_false(ynode_number(root, "absent", YNODE_OPTIONAL, 0, 9, &v, "t.yaml", &d));
	assert_false(ynode_number(root, "null", YNODE_OPTIONAL, 0, 9, &v, "t.yaml", &d));
	assert_int_equal(d.n, 0);
	assert_false(ynode_number(root, "exp", YNODE_OPTIONAL, 0, 10000, &v, "t.yaml", &d));
	assert_string_equal(d.v[0].msg, "'exp': '1e3' is not a whole number");
	assert_int_equal(d.v[0].line, 5);
	assert_int_equal(d.v[0].col, 6);
	assert_false(ynode_number(root, "neg", YNODE_OPTIONAL, 0, 10000, &v, "t.yaml", &d));
	assert_string_equal(d.v[1].msg, "'neg': -1 is less than 0");
	assert_false(ynode_number(root, "spaced", YNODE_OPTIONAL, 0, 10000, &v, "t.yaml", &d));
	assert_string_equal(d.v[2].msg, "'spaced': ' 7' is not a whole number");
	assert_false(ynode_number(root, "big", YNODE_OPTIONAL, 0, 10000, &v, "t.yaml", &d));
	assert_string_equal(d.v[3].msg, "'big': 99999999999999999999 is more than 10000");
	assert_false(ynode_number(root, "list", YNODE_OPTIONAL, 0, 10000, &v, "t.yaml", &d));
	assert_string_equal(d.v[4].msg, "'list' must be a number, not a list");
	assert_false(ynode_number(root, "absent", YNODE_REQUIRED, 0, 10000, &v, "t.yaml", &d));
	assert_string_equal(d.v[5].msg, "missing required key 'absent'");
	assert_int_equal(v, 2022);
	diags_free(&d);
	arena_free(a);
}

/* Text that would reach the screen as placeholders is reported, once per
 * scalar, keys included, at most ten a file. */
static void test_unsafe_text_reported(void **state)
{
	struct arena *a = arena_new();
	struct diags d = {0};
	const struct ynode *root = parse("title: \"x \\e[2J\"\nplain: fine \u00e9\n"
					 "zw: \"a\\u200Bb\"\nls: \"line\\u2028sep\"\n"
					 "\"k\\u202Ee\": 1\ntag: \"flag\\U000E0067\"\nbom: \"\\uFEFF\"\n", a, &d);
	struct strbuf many = {0};

	(void)state;
	assert_non_null(root);
	ynode_report_unsafe(root, "t.yaml", &d);
	assert_int_equal(d.n, 6);
	assert_int_equal(d.n_errors, 0);
	assert_string_equal(d.v[0].msg, "text contains control character U+001B (shown as ^[)");
	assert_int_equal(d.v[0].line, 1);
	assert_int_equal(d.v[0].col, 8);
	assert_string_equal(d.v[1].msg,
			    "text contains invisible format character U+200B (shown as <U+200B>)");
	assert_int_equal(d.v[1].line, 3);
	assert_string_equal(d.v[2].msg,
			    "text contains invisible format character U+2028 (shown as <U+2028>)");
	assert_string_equal(d.v[3].msg, "text contains bidi control U+202E (shown as <U+202E>)");
	assert_int_equal(d.v[3].line, 5);
	assert_int_equal(d.v[3].col, 1);
	assert_string_equal(d.v[4].msg,
			    "text contains invisible format character U+E0067 (shown as <U+E0067>)");
	assert_string_equal(d.v[5].msg,
			    "text contains invisible format character U+FEFF (shown as <U+FEFF>)");
	diags_clear(&d);
	for (int i = 0; i < 30; i++)
		sb_addf(&many, "k%d: \"\\a\"\n", i);
	root = parse(many.buf, a, &d);
	ynode_report_unsafe(root, "t.yaml", &d);
	assert_int_equal(d.n, 11);
	assert_string_equal(d.v[10].msg, "20 more texts with such characters");
	sb_free(&many);
	diags_free(&d);
	arena_free(a);
}

/* yaml_parse's fast path takes YAML as tipr writes it, and nothing else;
 * fuzz/fuzz_yamlplain.c (replayed in the suite) holds its trees to be
 * libyaml's. */
static void test_fast_path(void **state)
{
	static const char *const taken[] = {
		"version: 1\nannotations:\n- id: 0123456789ab\n  quote: \"The \\\"camps\\\"\"\n  start: 12\n",
		"annotations: []\n",
		"a:\n  b:\n    c: x:y\n  d:\n  - e\n  - \"\"\nf: 2026-01-01T10:00:00.000Z\n",
		"- one\n- k: v\n  l: \"\\u00e9\\U0001F600\\x41\\t\\n\\/\"\n",
	};
	static const char *const left_to_libyaml[] = {
		"a: 1 # comment\n", "a: 1\n\nb: 2\n", "a: 1\r\n", "a:\tb\n", "a: >\n  text\n",
		"a: 'single'\n", "a: {b: 1}\n", "a: [1]\n", "a: &x 1\n", "a: \"\\0\"\n", "a: \"\\q\"\n",
		"a: \"\\uD800\"\n", "a: \"x\xe2\x80\xa8y\"\n", "a: \"\xc2\x85\"\n", "a: 1 \n", "a: b:\n",
		"a: two\n  lines\n", "\"a\": 1\n", "---\na: 1\n", "a: 1", "a: \"open\n", "a: \"x\" y\n",
		"a: -1\n", "- - x\n", "a:\nb: 1\n", "a: 1\n b: 2\n", "  a: 1\n", "just text\n",
		"a: \"\\\n", "a: \"\xef\xbb\xbf\"\n", "a: \"\x7f\"\n",
	};
	struct yaml_limits tiny = yaml_content_limits;
	struct arena *a = arena_new();
	const struct ynode *root;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(taken); i++)
		if (!yaml_parse_plain(taken[i], strlen(taken[i]), &yaml_content_limits, a))
			fail_msg("not taken: %s", taken[i]);
	for (size_t i = 0; i < ARRAY_SIZE(left_to_libyaml); i++)
		if (yaml_parse_plain(left_to_libyaml[i], strlen(left_to_libyaml[i]), &yaml_content_limits, a))
			fail_msg("taken: %s", left_to_libyaml[i]);
	root = yaml_parse_plain(taken[0], strlen(taken[0]), &yaml_content_limits, a);
	assert_string_equal(ynode_get(ynode_get(root, "annotations")->items[0], "quote")->str,
			    "The \"camps\"");
	assert_int_equal(ynode_get(ynode_get(root, "annotations")->items[0], "quote")->col, 10);
	assert_int_equal(ynode_get(root, "annotations")->items[0]->line, 3);
	assert_int_equal(ynode_get(root, "annotations")->items[0]->col, 3);
	/* Caps are libyaml's business: the fast path leaves them to it. */
	tiny.max_nodes = 3;
	assert_null(yaml_parse_plain(taken[0], strlen(taken[0]), &tiny, a));
	tiny = yaml_content_limits;
	tiny.max_depth = 1;
	assert_null(yaml_parse_plain(taken[2], strlen(taken[2]), &tiny, a));
	tiny = yaml_content_limits;
	tiny.max_scalar = 3;
	assert_null(yaml_parse_plain(taken[0], strlen(taken[0]), &tiny, a));
	arena_free(a);
}

/* Both trees the same, node for node: kind, position, text, style. */
static void same_tree(const struct ynode *fast, const struct ynode *slow, const char *what)
{
	if (fast->kind != slow->kind || fast->line != slow->line || fast->col != slow->col)
		fail_msg("%s: a %s at %u:%u against libyaml's %s at %u:%u", what, ynode_kind_name(fast->kind),
			 fast->line, fast->col, ynode_kind_name(slow->kind), slow->line, slow->col);
	if (fast->kind == YNODE_SCALAR) {
		if (fast->len != slow->len || memcmp(fast->str, slow->str, fast->len) || fast->str[fast->len] ||
		    fast->plain != slow->plain)
			fail_msg("%s: at %u:%u \"%s\" against libyaml's \"%s\"", what, fast->line, fast->col,
				 fast->str, slow->str);
		return;
	}
	if (fast->n != slow->n)
		fail_msg("%s: %zu against libyaml's %zu at %u:%u", what, fast->n, slow->n, fast->line, fast->col);
	for (size_t i = 0; i < (fast->kind == YNODE_MAP ? 2 * fast->n : fast->n); i++)
		same_tree(fast->items[i], slow->items[i], what);
}

/* Whether the fast path takes buf[0..len); if it does, its tree must be
 * the one libyaml builds (had by ending the text with a comment, which the
 * fast path never takes: the same trick as fuzz/fuzz_yamlplain.c). */
static bool fast_as_libyaml(const char *buf, size_t len, const char *what)
{
	static const char comment[] = "# libyaml\n";
	struct arena *a = arena_new();
	const struct ynode *fast = yaml_parse_plain(buf, len, &yaml_content_limits, a);

	if (fast) {
		char *slow_text = xmalloc(len + sizeof(comment));
		struct diags d = {0};
		const struct ynode *slow;

		memcpy(slow_text, buf, len);
		memcpy(slow_text + len, comment, sizeof(comment));
		slow = yaml_parse(what, slow_text, len + sizeof(comment) - 1, &yaml_content_limits, a, &d);
		if (!slow)
			fail_msg("%s: libyaml refuses what the fast path takes: %s", what, d.n ? d.v[0].msg : "?");
		same_tree(fast, slow, what);
		diags_free(&d);
		free(slow_text);
	}
	arena_free(a);
	return fast != NULL;
}

/* Literal blocks as the content files have them, and their corners: what
 * the fast path takes is libyaml's tree; what it is unsure of it leaves. */
static void test_fast_path_blocks(void **state)
{
	static const char *const taken[] = {
		"a: |\n  one\n\n  two\n",                        /* a blank line inside */
		"a: |\n  one\n\n\nb: 1\n",                       /* trailing blank lines, then a key */
		"a: |\n  one\n    deeper\n  back\n",             /* a line indented further */
		"a: |\n  caf\xc3\xa9 \xe2\x80\x99q\xe2\x80\x99 \xe2\x80\x94 \xf0\x9f\x98\x80 \xc2\xa0\n",
		"a: |\n  last in the file\n",
		"a: |\n  last, then blank lines\n\n\n",
		"a: |\n  x\n \n  y\n  \n",                       /* blank lines of spaces, up to the indent */
		"a: |\n  trailing spaces  \n  \ttab inside\tx\n",
		"a: |\n      six deep\n",
		"a: |-\n  stripped\n\n",
		"a: |\n  not: a key # nor a comment\n  - nor an item\n  ---\n",
		"s:\n  - t: |\n      x\n\n      y\n  - u\nb: 2\n", /* a block, then less indented lines */
		"s:\n- |\n  x\n- |-\n  y\n- z\nb: |\n  w\n",    /* items of a sequence at its key's column */
		"- |\n  one\n- k: |\n    two\n  l: v\n",
		"- End the use of forced labor, including abroad.\n- Accede to the 2000 UN TIP Protocol.\n",
		"a: x:y z\nb: a#b c\nc: caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d\nd: \xc3\xa9t\xc3\xa9\ne: 1, 2 [3] {4} - 5?\n",
	};
	static const char *const left_to_libyaml[] = {
		"a: |\n\n  x\n",                  /* a leading blank line sets the indentation */
		"a: |\n    \n  x\n",
		"a: |\n  x\n     \n  y\n",        /* whitespace-only, longer than the indentation */
		"a: |\n  x\n  \t\n",
		"a: |\n \tx\n", "a: |\n  \tx\n",  /* a tab where indentation is expected */
		"a: |\n  x\n \ty\n",
		"a: |2\n  x\n", "a: |+\n  x\n", "a: |-2\n  x\n", "a: >\n  x\n", "a: >-\n  x\n",
		"a: | # c\n  x\n", "a: | \n  x\n", "a: |\n", "a: |\nb: 1\n", "a: |\n  x",
		"a: |\n  x\xc2\x85y\n", "a: |\n  x\xe2\x80\xa8y\n", "a: |\n  x\xe2\x80\xa9y\n",
		"a: |\n  \xef\xbb\xbfx\n", "a: |\n  x\xef\xbf\xbe\n", "a: |\n  x\x7f\n", "a: |\n  x\r\n",
		"a: |\n  x\x01\n", "a: |\n  x\xc2\x9f\n",
		"a: |\n  x\n # comment\n", "a: |\n    x\n  b: 1\n", "b:\n  a: |\n  x\n",
		"- |\nx\n", "a: b: c\n", "a: b #c\n", "a: x \n", "a: x\ty\n", "a: 'q'\n", "a: *x\n",
		"a: !t y\n", "a: (1) x\n", "a: ? x\n", "a: x\xc2\x85\n", "- a\n  b\n", "a: b\n  c\n",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(taken); i++)
		if (!fast_as_libyaml(taken[i], strlen(taken[i]), taken[i]))
			fail_msg("not taken: %s", taken[i]);
	for (size_t i = 0; i < ARRAY_SIZE(left_to_libyaml); i++) {
		struct arena *a = arena_new();

		if (yaml_parse_plain(left_to_libyaml[i], strlen(left_to_libyaml[i]), &yaml_content_limits, a))
			fail_msg("taken: %s", left_to_libyaml[i]);
		arena_free(a);
	}
}

/* Every YAML file under dir (and below): the fast path's tree is libyaml's
 * wherever it takes one; *taken counts those, *files all. */
static void walk_files(const char *dir, size_t *files, size_t *taken)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d))) {
		char *path;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		path = path_join(dir, e->d_name);
		assert_int_equal(stat(path, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			walk_files(path, files, taken);
		} else if (strstr(e->d_name, ".yaml") || strstr(e->d_name, ".yml")) {
			size_t len;
			char *buf = read_file(path, yaml_content_limits.max_file_size, &len);

			if (buf && utf8_valid(buf, len, NULL)) {
				(*files)++;
				*taken += fast_as_libyaml(buf, len, path);
			}
			free(buf);
		}
		free(path);
	}
	closedir(d);
}

/* The bundled content and every YAML file the tests keep: the same trees
 * both ways, and the narratives (literal blocks, recommendations in plain
 * text) on the fast path. */
static void test_fast_path_files(void **state)
{
	static const char *const narratives[] = { "2021/korea-north.yaml", "2022/kenya.yaml",
						  "2022/korea-north.yaml", "2022/korea-south.yaml",
						  "2023/korea-north.yaml" };
	size_t files = 0, taken = 0;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		char *dir = xasprintf("%s/%s", TIPR_SRCDIR, i ? "tests/data" : "content");

		walk_files(dir, &files, &taken);
		free(dir);
	}
	print_message("# %zu of %zu YAML files on the fast path\n", taken, files);
	assert_true(files > 50);
	for (size_t i = 0; i < ARRAY_SIZE(narratives); i++) {
		char *path = xasprintf("%s/content/tip/%s", TIPR_SRCDIR, narratives[i]);
		size_t len;
		char *buf = read_file(path, yaml_content_limits.max_file_size, &len);

		assert_non_null(buf);
		if (!fast_as_libyaml(buf, len, path))
			fail_msg("the fast path does not take %s", path);
		free(buf);
		free(path);
	}
}

/* The fast path's seeds are inputs it takes, so that their replay against
 * libyaml compares trees rather than nothing. */
static void test_fast_path_seeds(void **state)
{
	static const char *const seeds[] = { "annotations.yaml", "shapes.yaml", "state.yaml",
					     "blocks.yaml" };
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(seeds); i++) {
		char *path = xasprintf("%s/tests/data/fuzz/yamlplain/%s", TIPR_SRCDIR, seeds[i]);
		size_t len;
		char *buf = read_file(path, 1 << 20, &len);

		assert_non_null(buf);
		if (!yaml_parse_plain(buf, len, &yaml_content_limits, a))
			fail_msg("the fast path does not take %s", path);
		free(buf);
		free(path);
	}
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_nul_refused),
		cmocka_unit_test(test_getters),
		cmocka_unit_test(test_unsafe_text_reported),
		cmocka_unit_test(test_fast_path),
		cmocka_unit_test(test_fast_path_seeds),
		cmocka_unit_test(test_fast_path_blocks),
		cmocka_unit_test(test_fast_path_files),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
