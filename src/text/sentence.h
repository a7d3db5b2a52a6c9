/* sentence.h — sentences and word tokens of a text (ICU), the units the
 * comparison aligns and diffs. */
#ifndef TIPR_SENTENCE_H
#define TIPR_SENTENCE_H

#include <stddef.h>

/* A byte range of a text. */
struct span {
	size_t start, end;
};

/* Splits text into sentences (ICU sentence breaks, without breaking after
 * abbreviations such as "U.S.", "Art." or "No.").  Ranges exclude the
 * spaces between sentences.  Returns the count; the caller frees *out. */
size_t sentence_split(const char *text, size_t len, struct span **out);

/* Splits text into tokens for a word diff: words (ICU word breaks) and
 * single punctuation marks; spaces are not tokens.  Returns the count; the
 * caller frees *out. */
size_t sentence_tokens(const char *text, size_t len, struct span **out);

#endif
