/* quality.h — how well a narrative came through its import: what it holds
 * (sections, paragraphs, recommendation items, excerpt or not) and what
 * looks wrong in it: a recommendation that reads as reported speech, a
 * paragraph that stops mid-sentence, a running head or page number left in
 * the text.  Read by `tipr check --quality`; model code, no output. */
#ifndef TIPR_QUALITY_H
#define TIPR_QUALITY_H

#include <stddef.h>

#include "content/document.h"

enum quality_kind {
	QUALITY_REPORTED_SPEECH, /* an item that says what happened, not what to do */
	QUALITY_MID_SENTENCE,    /* a paragraph that ends mid-sentence */
	QUALITY_LAYOUT_DEBRIS,   /* a running head or page number in the text */
};

struct quality_finding {
	enum quality_kind kind;
	const char *section;     /* the section's id (in the document) */
	size_t index;            /* 0-based paragraph, or item for QUALITY_REPORTED_SPEECH */
	unsigned line;           /* the section's line in its file, 0 if unknown */
	char *msg;               /* one sentence quoting the text (owned) */
};

/* Zero-initialised is empty; quality_report_free releases the findings. */
struct quality_report {
	size_t n_sections, n_paras, n_items;
	struct quality_finding *v;
	size_t n, cap;
};

/* Fills q with what doc holds and what looks wrong in it.  The last
 * paragraph of an excerpt (complete: false) may stop anywhere. */
void quality_check(const struct document *doc, struct quality_report *q);
void quality_report_free(struct quality_report *q);

#endif
