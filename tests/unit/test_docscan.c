/* test_docscan.c — documents read fast give what document_parse gives:
 * the bundled content and a synthetic corpus (all read fast), each YAML
 * style at the edge of the fast path, and thousands of mutations of real
 * narratives (whatever the fast path takes, document_parse agrees with). */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/icu.h"
#include "base/util.h"
#include "tmpdir_fixture.h"
#include "content/docscan.h"
#include "content/layout.h"

/* Reads buf both ways and checks that they agree; returns whether the
 * fast path took it, and in *valid whether it is a document at all. */
static bool both_ways(const char *buf, size_t len, bool *valid)
{
	struct docscan ds = {0};
	struct diags d1 = {0}, d2 = {0};
	struct document *doc = document_parse("t.yaml", buf, len, &d1);
	bool ok = docscan_read(&ds, "t.yaml", buf, len, &d2), fast = ds.fast;
	size_t b = 0;

	if (ok != (doc != NULL))
		fail_msg("docscan says %s, document_parse %s:\n%.*s", ok ? "valid" : "invalid",
			 doc ? "valid" : "invalid", (int)len, buf);
	/* Refusals are document_parse's own, word for word. */
	assert_int_equal(d1.n, d2.n);
	for (size_t i = 0; i < d1.n; i++)
		assert_string_equal(d1.v[i].msg, d2.v[i].msg);
	if (doc) {
		assert_int_equal(ds.n_sections, doc->n_sections);
		for (size_t s = 0; s < doc->n_sections; s++) {
			const struct section *sec = &doc->sections[s];

			assert_string_equal(ds.sections[s].id, sec->id);
			assert_string_equal(ds.sections[s].title, sec->title);
			assert_int_equal(ds.sections[s].n_paras, sec->n_paras);
			assert_int_equal(ds.sections[s].n_items, sec->n_items);
			for (size_t k = 0; k < sec->n_paras + sec->n_items; k++, b++) {
				const char *want = layout_block_text(doc, (int)s, k);

				assert_true(b < ds.n_blocks);
				assert_int_equal(ds.blocks[b].section, s);
				assert_int_equal(ds.blocks[b].index, k);
				if (ds.blocks[b].len != strlen(want) || memcmp(ds.blocks[b].text, want, ds.blocks[b].len))
					fail_msg("block %zu.%zu: \"%.*s\", not \"%s\"", s, k, (int)ds.blocks[b].len,
						 ds.blocks[b].text, want);
			}
		}
		assert_int_equal(ds.n_blocks, b);
	}
	document_free(doc);
	docscan_done(&ds);
	diags_free(&d1);
	diags_free(&d2);
	*valid = ok;
	return fast;
}

/* Every document file under dir/<collection>/<year>/, read both ways, each
 * expected to be read fast; how many there were. */
static size_t each_file(const char *dir)
{
	char *cmd = xasprintf("find '%s' -mindepth 3 -name '*.yaml'", dir);
	FILE *p = popen(cmd, "r");
	char line[4096];
	size_t n = 0;

	assert_non_null(p);
	while (fgets(line, sizeof(line), p)) {
		size_t len;
		char *buf;
		bool valid;

		line[strcspn(line, "\n")] = '\0';
		buf = read_file(line, 1 << 24, &len);
		assert_non_null(buf);
		if (!both_ways(buf, len, &valid))
			fail_msg("%s was not read fast", line);
		assert_true(valid);
		free(buf);
		n++;
	}
	assert_int_equal(pclose(p), 0);
	free(cmd);
	return n;
}

static void test_bundled(void **state)
{
	char *dir = path_join(TIPR_SRCDIR, "content");

	(void)state;
	assert_true(each_file(dir) >= 7);
	free(dir);
}

/* The synthetic corpus of the benchmarks: another indentation, quoted items. */
static void test_synthetic(void **state)
{
	char tmp[] = "/tmp/tipr-docscan-XXXXXX", *cmd;

	(void)state;
	assert_non_null(mkdtemp(tmp));
	cmd = xasprintf("'%s/bench/gen-corpus.sh' '%s' '%s' 2 6 >/dev/null", TIPR_SRCDIR, TIPR_SRCDIR, tmp);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_true(each_file(tmp) >= 12);
	assert_int_equal(remove_tree(tmp), 0);
}

#define HEAD "country: kenya\nyear: 2022\ntier: \"2\"\ntitle: Kenya\ncomplete: true\nsections:\n"

static void test_styles(void **state)
{
	static const struct {
		const char *yaml;
		bool fast, valid;
	} cases[] = {
		/* Read fast. */
		{ HEAD "- id: overview\n  title: Overview\n  text: |\n    One.\n\n    Two\n    lines.\n", true, true },
		{ HEAD "  - id: overview\n    text: |-\n      One.   \n  - id: recommendations\n    items:\n"
		       "      - \"Quoted, with: colon\"\n      - 'It''s'\n      -   plain item\n", true, true },
		{ HEAD "- id: recommendations\n  items:\n  - a\n  - b\n  title: Later\n- id: overview\n  text: |+\n"
		       "    x\n\n\n", true, true },
		{ HEAD "- items:\n  - first\n  id: profile\n  text: |\n    Paragraph # not a comment: kept.\n", true, true },
		{ "sections:\n- id: text\n  text: |\n    C\xc3\xb4te d\xe2\x80\x99Ivoire \xe4\xb8\xad\n"
		  "country: cote-divoire\nsource: \"x\"\nsource_url: 'http://a.b/c'\n", true, true },
		/* Left to document_parse, which takes them. */
		{ HEAD "# a comment\n- id: overview\n  text: |\n    One.\n", false, true },
		{ HEAD "- id: overview\n  text: >\n    Folded\n    text.\n", false, true },
		{ HEAD "- id: overview\n  text: \"Escaped \\u00e9\"\n", false, true },
		{ HEAD "- id: overview\n  text: |\n\n    Leading blank.\n", false, true },
		{ HEAD "- id: overview\n  text: |2\n    Indicated.\n", false, true },
		{ HEAD "- id: overview\n  items:\n  - plain item\n    continued\n", false, true },
		{ HEAD "- id: overview\n  items: [a, b]\n", false, true },
		{ HEAD "- {id: overview, text: x}\n", false, true },
		{ HEAD "- id: overview\n  text: |\n    Tab\there.\n", false, true },
		{ HEAD "- id: overview\n  text: |\r\n    CRLF.\r\n", false, true },
		{ "country: kenya\nyear: \"2022\"\ntier: Tier 2 Watch List\nsections:\n- id: x\n  text: |\n    t\n", true, true },
		{ "country: kenya\nyear: ~\nsections:\n- id: x\n  text: |\n    t\n", false, true },
		{ "country: kenya\ntitle: >-\n  long\n  title\nsections:\n- id: x\n  text: |\n    t\n", false, true },
		{ "---\ncountry: kenya\nsections:\n- id: x\n  text: |\n    t\n", false, true },
		/* Refused, as document_parse refuses them. */
		{ HEAD "- id: overview\n  text: |\n    One.\n- id: overview\n  text: |\n    Two.\n", false, false },
		{ HEAD "- id: Overview\n  text: |\n    One.\n", false, false },
		{ HEAD "- id: overview\n  text: |\n\n", false, false },
		{ HEAD "- id: overview\n  title: x\n", false, false },
		{ HEAD "- title: x\n  text: |\n    t\n", false, false },
		{ HEAD "- id: overview\n  text: |\n    t\n  colour: red\n", false, false },
		{ "country: kenya\nyear: 1800\nsections:\n- id: x\n  text: |\n    t\n", false, false },
		{ "country: kenya\ntier: 4\nsections:\n- id: x\n  text: |\n    t\n", false, false },
		{ "country: kenya\ncomplete: yes\nsections:\n- id: x\n  text: |\n    t\n", false, false },
		{ "country: Kenya\nsections:\n- id: x\n  text: |\n    t\n", false, false },
		{ "country: kenya\ncountry: kenya\nsections:\n- id: x\n  text: |\n    t\n", false, false },
		{ "country: kenya\nsections:\n", false, false },
		{ "year: 2022\nsections:\n- id: x\n  text: |\n    t\n", false, false },
		{ HEAD "- id: overview\n  items:\n  - ''\n", false, false },
		{ HEAD "- id: overview\n  text: |\n    bad \x01 control\n", false, false },
		{ HEAD "- id: overview\n  text: |\n    bad \xc3 byte\n", false, false },
		{ "", false, false },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		bool valid, fast = both_ways(cases[i].yaml, strlen(cases[i].yaml), &valid);

		if (fast != cases[i].fast || valid != cases[i].valid)
			fail_msg("case %zu: fast %d valid %d:\n%s", i, fast, valid, cases[i].yaml);
	}
}

/* A byte libyaml does not take as text, anywhere in a long line: never
 * read fast (the fast path checks many bytes at a time). */
static void test_bytes(void **state)
{
	static const unsigned char bad[] = { 0x01, 0x09, 0x0B, 0x0D, 0x1F, 0x7F, 0x80, 0xC0, 0xFF };
	const char *head = HEAD "- id: overview\n  text: |\n    ";
	char buf[512];
	size_t h = strlen(head);

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		for (size_t at = 0; at < 70; at++) {
			bool valid;

			memcpy(buf, head, h);
			memset(buf + h, 'a', 80);
			buf[h + at] = (char)bad[i];
			memcpy(buf + h + 80, "\n", 2);
			if (both_ways(buf, h + 81, &valid))
				fail_msg("byte 0x%02X at %zu read fast", bad[i], at);
		}
}

/* Thousands of small changes to real narratives: a byte that matters to
 * YAML put in place of another or inserted, a byte removed, or a line
 * repeated.  Whatever the fast
 * path reads, document_parse reads the same. */
static void test_mutations(void **state)
{
	static const char *const files[] = { "content/tip/2022/kenya.yaml", "content/tip/2023/korea-north.yaml" };
	static const char bytes[] = " \n:-#\"'|>\\{[&*!%@`?,\t\r~0a";
	unsigned long seed = 12345;
	size_t fast = 0, total = 0;

	(void)state;
	for (size_t f = 0; f < ARRAY_SIZE(files); f++) {
		char *path = path_join(TIPR_SRCDIR, files[f]), *orig;
		size_t len;

		orig = read_file(path, 1 << 24, &len);
		assert_non_null(orig);
		for (int round = 0; round < 1500; round++) {
			char *buf = xmalloc(2 * len + 2);
			size_t n = len, at;
			bool valid;

			memcpy(buf, orig, len);
			for (int k = 0; k < 1 + round % 3; k++) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				at = (size_t)(seed >> 33) % n;
				switch ((seed >> 20) % 4) {
				case 0:
					buf[at] = bytes[(seed >> 40) % (sizeof(bytes) - 1)];
					break;
				case 1:
					memmove(buf + at + 1, buf + at, n - at);
					buf[at] = bytes[(seed >> 40) % (sizeof(bytes) - 1)];
					n++;
					break;
				case 2:
					memmove(buf + at, buf + at + 1, n - at - 1);
					n--;
					break;
				default: {
					const char *nl = memchr(buf + at, '\n', n - at);
					size_t l = nl ? (size_t)(nl - buf - at) + 1 : 0;

					if (l && n + l <= 2 * len) {
						memmove(buf + at + l, buf + at, n - at);
						n += l;
					}
				}
				}
			}
			fast += both_ways(buf, n, &valid);
			total++;
			free(buf);
		}
		free(orig);
		free(path);
	}
	/* Most small changes leave a document the fast path still reads. */
	print_message("# %zu of %zu mutations read fast\n", fast, total);
	assert_true(fast > total / 4);
}

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled),
		cmocka_unit_test(test_synthetic),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
