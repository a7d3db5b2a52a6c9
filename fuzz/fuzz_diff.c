/* fuzz_diff.c — the comparison engine on arbitrary text: the input is split
 * in two at its first NUL (or middle) and each half made a one-section
 * document; the comparison must finish, every row must point into the
 * texts it compares, a move's halves must point at each other, and the
 * comparison the other way round must give the same figures. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "content/document.h"
#include "compare/recs.h"
#include "base/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct document *doc_of(const char *text, size_t len, int year)
{
	struct document *doc = document_new();
	struct section *s;
	size_t start = 0;

	document_set(doc, "kenya", year, TIER_2, "Kenya", NULL, true);
	s = document_add_section(doc, "overview", "Overview");
	/* Lines become paragraphs; lines starting with '*' recommendations. */
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if (i > start && text[start] == '*') {
			struct section *r = document_section_index(doc, "recommendations") < 0
						    ? document_add_section(doc, "recommendations", "Recommendations")
						    : &doc->sections[document_section_index(doc, "recommendations")];

			section_add_item(doc, r, text + start + 1, i - start - 1);
			s = &doc->sections[0];
		} else if (i > start) {
			section_add_para(doc, s, text + start, i - start);
		}
		start = i + 1;
	}
	return doc;
}

static void check(const struct comparison *c)
{
	for (size_t s = 0; s < c->n_secs; s++)
		for (size_t r = 0; r < c->secs[s].n_rows; r++) {
			const struct cmp_row *row = &c->secs[s].rows[r], *peer = row;
			bool moved = row->kind == CMP_MOVED_OUT || row->kind == CMP_MOVED_IN;

			if (moved) {
				if (row->peer_section >= c->n_secs || row->peer_row >= c->secs[row->peer_section].n_rows)
					abort();
				peer = &c->secs[row->peer_section].rows[row->peer_row];
				if (peer->peer_section != s || peer->peer_row != r || peer->kind == row->kind)
					abort();
			}
			/* A half of a move has its peer's text for the other side. */
			for (size_t w = 0; w < row->n_words; w++)
				if (row->words[w].a.end > (row->a ? row->a_len : peer->a_len) ||
				    row->words[w].b.end > (row->b ? row->b_len : peer->b_len))
					abort();
		}
	if (c->similarity < 0 || c->similarity > 1)
		abort();
}

/* b against a: the same sections, counts and figures, sides swapped. */
static void check_mirror(const struct comparison *x, const struct comparison *y)
{
	if (x->similarity != y->similarity || x->n_changes != y->n_changes || x->n_secs != y->n_secs)
		abort();
	for (size_t s = 0; s < x->n_secs; s++)
		if (x->secs[s].similarity != y->secs[s].similarity || x->secs[s].n_added != y->secs[s].n_removed ||
		    x->secs[s].n_changed != y->secs[s].n_changed || x->secs[s].n_moved != y->secs[s].n_moved)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul = memchr(text, 0, size);
	size_t cut = nul ? (size_t)(nul - text) : size / 2, bad;
	struct document *a, *b;
	struct comparison *c;
	const struct document *docs[2];
	struct rec_tracker *t;

	/* Documents hold valid UTF-8 (the loader refuses the rest). */
	if (!utf8_valid(text, size, &bad) && (!nul || bad != cut))
		return 0;
	a = doc_of(text, cut, 2021);
	b = doc_of(text + cut + (nul ? 1 : 0), size - cut - (nul ? 1 : 0), 2022);
	c = compare_documents(a, b);
	check(c);
	{
		struct comparison *m = compare_documents(b, a);

		check(m);
		check_mirror(c, m);
		comparison_free(m);
	}
	comparison_free(c);
	docs[0] = a;
	docs[1] = b;
	t = recs_track(docs, 2);
	recs_free(t);
	document_free(a);
	document_free(b);
	return 0;
}
