/* test_yamltree.c — the capped, alias-free YAML loader: what it accepts,
 * and every refusal with its FILE:LINE:COL. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/yamltree.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
