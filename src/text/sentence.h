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
 * white space (sentence_space) between sentences.  Returns the count; the caller frees *out. */
size_t sentence_split(const char *text, size_t len, struct span **out);

/* Splits text into tokens for a word diff: words (ICU word breaks) and
 * single punctuation marks; white space (sentence_space) is not a token.  Returns the count; the
 * caller frees *out. */
size_t sentence_tokens(const char *text, size_t len, struct span **out);

/* Bytes of the white space character at s (len >= 1): ASCII spaces, tabs and
 * line breaks, no-break and other Unicode spaces, zero-width space, line and
 * paragraph separators; 0 for anything else.  Layout, never content: the
 * comparison treats any run of these as one space. */
size_t sentence_space(const char *s, size_t len);
/* Bytes of the white space character that ends at text + end and starts at
 * or after text + start; 0 when there is none. */
size_t sentence_space_before(const char *text, size_t start, size_t end);

#endif
