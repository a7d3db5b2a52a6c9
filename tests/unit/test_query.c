/* test_query.c — the query language (words, phrases, OR, -word, prefix*,
 * spellings), the block test against reading every word (on thousands of
 * mixed texts and on the real narratives), and the marks. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/icu.h"
#include "base/util.h"
#include "content/docscan.h"
#include "search/query.h"
#include "search/words.h"

/* The query's shape: clauses separated by " & ", terms by " | ", a
 * negated clause with "!", slots by " ", the keys of a slot by "/" (a
 * prefix ending in "*"). */
static char *shape(const struct search_query *q)
{
	struct strbuf sb = {0};

	for (size_t c = 0; c < q->n_clauses; c++) {
		const struct search_clause *cl = &q->clauses[c];

		sb_adds(&sb, c ? " & " : "");
		sb_adds(&sb, cl->negated ? "!" : "");
		for (size_t t = 0; t < cl->n_terms; t++) {
			sb_adds(&sb, t ? " | " : "");
			for (size_t s = 0; s < cl->terms[t].n_slots; s++) {
				const struct search_slot *sl = &cl->terms[t].slots[s];

				sb_adds(&sb, s ? " " : "");
				for (size_t k = 0; k < sl->n_keys; k++)
					sb_addf(&sb, "%s%s%s", k ? "/" : "", sl->keys[k].key, sl->keys[k].prefix ? "*" : "");
			}
		}
	}
	return sb_detach(&sb);
}

static void parses(const char *text, const char *want)
{
	struct search_query q;
	const char *err;
	char *got;

	if (!search_query_parse(text, &q, &err))
		fail_msg("%s: %s", text, err);
	got = shape(&q);
	assert_string_equal(got, want);
	free(got);
	search_query_free(&q);
}

static void test_parse(void **state)
{
	struct search_query q;
	const char *err;

	(void)state;
	parses("fair trials", "fair & trials");
	parses("  Fair  \"TRIALS did\" c\xc3\xb4te ", "fair & trials did & cote");
	parses("\"forced labour\" OR bonded -children", "forced labour/labor | bonded & !children");
	parses("a OR b OR c d", "a | b | c & d");
	parses("OR", "or");
	parses("a OR", "a");
	parses("a -\"b c\" OR d", "a & !b c & d");
	parses("state-sponsored People's", "state sponsored & peoples");
	/* A prefix finds the other spelling of the words it starts, unless
	 * that starts so too. */
	parses("organis* \"forced lab*\"", "organis*/organizable/organization/organizations/organize/organized/"
					"organizer/organizers/organizes/organizing & forced lab*");
	parses("\"unclosed phrase", "unclosed phrase");
	assert_false(search_query_parse("-", &q, &err));
	assert_false(search_query_parse("   \"\"  ", &q, &err));
	assert_string_equal(err, "nothing to search for: give a word");
	assert_false(search_query_parse("-children -\"forced labor\"", &q, &err));
	assert_non_null(strstr(err, "only excluded"));
	assert_false(search_query_parse("-- * ''", &q, &err));
}

/* The definition: every word read, each term tried at each of them. */
static bool reference(const struct search_query *q, const char *text)
{
	struct word *v = NULL;
	size_t n = 0, cap = 0;
	struct words w;
	struct word wd;
	bool ok = true;

	words_init(&w, text, strlen(text), 0);
	while (words_next(&w, &wd)) {
		GROW(v, cap, n + 1);
		v[n++] = wd;
	}
	words_done(&w);
	for (size_t c = 0; c < q->n_clauses && ok; c++) {
		bool found = false;

		for (size_t t = 0; t < q->clauses[c].n_terms && !found; t++) {
			const struct search_term *term = &q->clauses[c].terms[t];

			for (size_t i = 0; i + term->n_slots <= n && !found; i++) {
				size_t k = 0;

				while (k < term->n_slots && search_slot_accepts(&term->slots[k], v[i + k].key, v[i + k].len))
					k++;
				found = k == term->n_slots;
			}
		}
		ok = found != q->clauses[c].negated;
	}
	free(v);
	return ok;
}

static const char *const queries[] = {
	"labor", "labour", "forced labor", "\"forced labor\"", "peoples", "people", "\"people s\"", "cote",
	"lab*", "peo*", "\"forced lab*\"", "camps OR cote", "prison -camps", "\"prison camps\" -forced",
	"x", "\xe4\xb8\xad", "fi", "final", "2022", "strasse", "forced OR labour -x", "s",
};

/* Texts from pieces that matter, the fast test against the definition. */
static void test_fast_is_exact(void **state)
{
	static const char *const pieces[] = {
		"labour", "labor", "Labor", "LABOURERS", "People", "peoples", "'", "\xe2\x80\x99", "s", " ", "-", ".",
		"forced", "FORCED", "prison", "camps", "c\xc3\xb4te", "COTE", "x", "\xe4\xb8\xad", "\xef\xac\x81nal",
		"\xc2\xa0", "\xe2\x80\x9c", "\xe2\x80\x94", "2022", "stra\xc3\x9f" "e", "e\xcc\x81", "lab",
	};
	struct search_query q[ARRAY_SIZE(queries)];
	unsigned long seed = 7;
	size_t hits = 0;
	const char *err;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(queries); i++)
		assert_true(search_query_parse(queries[i], &q[i], &err));
	for (int round = 0; round < 20000; round++) {
		struct strbuf sb = {0};
		int n = 1 + round % 14;

		for (int k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			sb_adds(&sb, pieces[(seed >> 33) % ARRAY_SIZE(pieces)]);
		}
		for (size_t i = 0; i < ARRAY_SIZE(queries); i++) {
			bool fast = search_query_matches(&q[i], sb.buf, sb.len), want = reference(&q[i], sb.buf);

			if (fast != want)
				fail_msg("%s in \"%s\": %d, reading every word: %d", queries[i], sb.buf, fast, want);
			hits += want;
		}
		sb_free(&sb);
	}
	for (size_t i = 0; i < ARRAY_SIZE(queries); i++)
		search_query_free(&q[i]);
	assert_true(hits > 10000);
}

/* Every block of the bundled narratives, with the words they hold. */
static void test_narratives(void **state)
{
	static const char *const files[] = { "content/tip/2021/korea-north.yaml", "content/tip/2022/korea-north.yaml",
					     "content/tip/2022/kenya.yaml", "content/tip/2022/korea-south.yaml" };
	static const char *const more[] = { "government", "\"forced labor\"", "fair trials", "\"fair trials\"",
					    "peoples", "people's -republic", "dprk OR kenya", "traffick*",
					    "labour -\"forced labour\"", "covid-19" };
	size_t blocks = 0, matched = 0;

	(void)state;
	for (size_t f = 0; f < ARRAY_SIZE(files); f++) {
		char *path = path_join(TIPR_SRCDIR, files[f]), *buf;
		struct docscan ds = {0};
		struct diags d = {0};
		size_t len;

		buf = read_file(path, 1 << 24, &len);
		assert_non_null(buf);
		assert_true(docscan_read(&ds, path, buf, len, &d));
		for (size_t b = 0; b < ds.n_blocks; b++) {
			char *text = xstrndup(ds.blocks[b].text, ds.blocks[b].len);

			for (size_t i = 0; i < ARRAY_SIZE(queries) + ARRAY_SIZE(more); i++) {
				const char *s = i < ARRAY_SIZE(queries) ? queries[i] : more[i - ARRAY_SIZE(queries)];
				struct search_query q;
				const char *err;
				bool want;

				assert_true(search_query_parse(s, &q, &err));
				want = reference(&q, text);
				if (search_query_matches(&q, text, strlen(text)) != want)
					fail_msg("%s in %s block %zu", s, files[f], b);
				matched += want;
				search_query_free(&q);
			}
			blocks++;
			free(text);
		}
		docscan_done(&ds);
		diags_free(&d);
		free(buf);
		free(path);
	}
	assert_true(blocks > 40 && matched > 100);
}

static void test_marks(void **state)
{
	const char *text = "Fair trials did not occur; fair trials, the DPRK\xe2\x80\x99s labour camps.";
	struct search_range *r;
	struct search_query q;
	const char *err;
	size_t n;

	(void)state;
	/* Each word of a two-word search is marked, every time. */
	assert_true(search_query_parse("fair trials", &q, &err));
	n = search_query_marks(&q, text, strlen(text), &r);
	assert_int_equal(n, 4);
	assert_memory_equal(text + r[0].start, "Fair", 4);
	assert_int_equal(r[0].end - r[0].start, 4);
	assert_memory_equal(text + r[1].start, "trials", 6);
	assert_memory_equal(text + r[2].start, "fair", 4);
	free(r);
	search_query_free(&q);
	/* A phrase is one mark; excluded words are not marked. */
	assert_true(search_query_parse("\"fair trials\" -occur dprks OR labor", &q, &err));
	n = search_query_marks(&q, text, strlen(text), &r);
	assert_int_equal(n, 4);
	assert_int_equal(r[0].start, 0);
	assert_int_equal(r[0].end, 11);
	assert_memory_equal(text + r[2].start, "DPRK\xe2\x80\x99s", r[2].end - r[2].start);
	assert_memory_equal(text + r[3].start, "labour", r[3].end - r[3].start);
	free(r);
	assert_false(search_query_matches(&q, text, strlen(text)));
	search_query_free(&q);
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
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_fast_is_exact),
		cmocka_unit_test(test_narratives),
		cmocka_unit_test(test_marks),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
