/* compare.h — one edition of a narrative against another: sections with
 * their counterparts, sentences aligned, changed sentences paired by word
 * similarity and diffed word by word, moved sentences found, and how similar
 * each section and the whole are.  Model code; tipr diff and the compare
 * view draw its rows.
 *
 * Bounded cost: exact matches anchor the alignment (patience style), only
 * the stretches between anchors are paired by similarity (windowed when
 * large), and word diffs run inside paired sentences only.
 *
 * Symmetric by construction: the older edition is always aligned against
 * the newer, and the result mirrored when the caller gave them the other
 * way round, so swapping the sides changes no pairing and no figure.  White
 * space (sentence_space) is never a change; text absent from an excerpt
 * (complete: false) is CMP_NOT_IN_EXCERPT, never removed or added. */
#ifndef TIPR_COMPARE_H
#define TIPR_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "content/document.h"
#include "text/sentence.h"
#include "text/wdiff.h"

enum cmp_kind {
	CMP_SAME,      /* the same sentence in both */
	CMP_CHANGED,   /* a sentence reworded: see words */
	CMP_REMOVED,   /* only in a */
	CMP_ADDED,     /* only in b */
	CMP_MOVED_OUT, /* in a here, in b elsewhere (peer); words when reworded */
	CMP_MOVED_IN,  /* in b here, from a elsewhere (peer); words when reworded */
	CMP_NOT_IN_EXCERPT, /* only on one side, the other being an excerpt that lacks it */
};

/* "same", "changed", "added", "removed", "moved" (both halves of a move),
 * "not in this excerpt". */
const char *cmp_kind_name(enum cmp_kind k);

/* A word-level edit inside a changed pair: byte ranges in the a and b
 * sentence texts (a for deletions, b for insertions, both when the same). */
struct cmp_word {
	enum wdiff_op op;
	struct span a, b;
};

struct cmp_row {
	enum cmp_kind kind;
	const char *a, *b;      /* the sentence in a and in b, or NULL */
	size_t a_len, b_len;
	size_t a_count, b_count;/* sentences on each side: 1, or 2 for a sentence split
	                         * in two or two merged into one (0 when absent) */
	size_t a_block, b_block;/* paragraph (or n_paras + item) index; SIZE_MAX when absent */
	bool item;              /* a recommendation rather than a sentence of prose */
	size_t a_words, b_words;/* words in each sentence */
	struct cmp_word *words; /* CMP_CHANGED, and moved ones reworded: each half
	                         * holds the pair's whole diff (spans into its own
	                         * text and its peer's) */
	size_t n_words;
	size_t common;          /* words the two sentences share (SAME, CHANGED, moved) */
	double similarity;      /* CMP_CHANGED, moved: of the two sentences, 0..1 */
	size_t peer_section, peer_row; /* moved: where the other half is */
};

struct cmp_section {
	const char *id, *title;
	int a_index, b_index;   /* in each document; -1 when the section is missing */
	bool not_in_excerpt;    /* missing from a side that is an excerpt: its
	                         * similarity says nothing (1.0) */
	struct cmp_row *rows;
	size_t n_rows;
	size_t n_same, n_changed, n_added, n_removed;
	size_t n_moved;         /* moves with a half here (one within the section counts once) */
	size_t n_not_in_excerpt;
	/* Words of each side and shared, text absent from an excerpt left out;
	 * a move between sections gives half its shared words to each. */
	double a_words, b_words, common_words;
	double similarity;      /* 0..1: 2 x common words / all words */
};

struct comparison {
	const struct document *a, *b;
	struct cmp_section *secs;
	size_t n_secs;
	double a_words, b_words, common_words;
	double similarity;
	size_t n_changes;       /* rows that are changes (cmp_row_is_change) */
};

/* Compares two documents (which must outlive the result); free it with
 * comparison_free(). */
struct comparison *compare_documents(const struct document *a, const struct document *b);
void comparison_free(struct comparison *c);

/* Word similarity of two texts, 0..1: the Dice coefficient of their
 * content words (case- and accent-folded, common function words left out). */
double text_similarity(const char *a, size_t alen, const char *b, size_t blen);

/* Fills row as a changed pair of two texts, with its word diff; free
 * row->words when done. */
void compare_pair(struct cmp_row *row, const char *a, size_t alen, const char *b, size_t blen);

/* True when the row is a change to show: neither CMP_SAME nor
 * CMP_NOT_IN_EXCERPT. */
bool cmp_row_is_change(const struct cmp_row *row);


#endif
