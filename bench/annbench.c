/* annbench.c — the annotation store's calls as the reader makes them, timed
 * inside the process: opening the store (ann_store_load), and a highlight
 * (ann_add, then ann_resolve_document for the marks of the narrative shown,
 * as the reader's annotate_highlight and marks_load do), each round a new
 * passage of the narrative.
 *
 *   annbench ANNOTATIONS DOCUMENT ROUNDS
 * Prints the load time and the highlights' median and maximum, in ms. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/icu.h"
#include "content/document.h"
#include "notes/annotations.h"
#include "bench.h"

int main(int argc, char **argv)
{
	struct diags d = {0};
	struct document *doc;
	struct ann_store *st;
	struct ann_highlight *marks;
	const struct section *sec;
	double t0, load, *ms;
	size_t n_marks = 0;
	int rounds, section;

	if (argc != 4 || (rounds = atoi(argv[3])) < 1) {
		fprintf(stderr, "usage: annbench ANNOTATIONS DOCUMENT ROUNDS\n");
		return 2;
	}
	doc = document_load(argv[2], &d);
	if (!doc || (section = document_section_index(doc, "prosecution")) < 0) {
		diags_print(&d, stderr);
		return 1;
	}
	sec = &doc->sections[section];
	ms = calloc((size_t)rounds, sizeof(*ms));
	if (!ms)
		return 1;
	st = ann_store_new(argv[1]);
	t0 = now_ms();
	if (ann_store_load(st) != ANN_OK) {
		diags_print(ann_store_diags(st), stderr);
		return 1;
	}
	load = now_ms() - t0;
	for (int i = 0; i < rounds; i++) {
		/* A word-sized passage further along the paragraph each round. */
		size_t start = ((size_t)i * 7) % (strlen(sec->paras[0]) - 8);

		while (start && (sec->paras[0][start] & 0xC0) == 0x80)
			start--;
		t0 = now_ms();
		if (ann_add(st, "tip", doc, section, false, 0, start, start + 4, ANN_GREEN, "", NULL) != ANN_OK) {
			diags_print(ann_store_diags(st), stderr);
			return 1;
		}
		n_marks = ann_resolve_document(st, "tip", doc, &marks, NULL);
		free(marks);
		ms[i] = now_ms() - t0;
	}
	qsort(ms, (size_t)rounds, sizeof(*ms), cmp_double);
	printf("%zu annotations: load %.1f ms; highlight (save and resolve %zu marks) "
	       "median %.1f ms, max %.1f ms\n",
	       ann_store_count(st), load, n_marks, ms[rounds / 2], ms[rounds - 1]);
	ann_store_free(st);
	document_free(doc);
	diags_free(&d);
	free(ms);
	icu_cleanup();
	return 0;
}
