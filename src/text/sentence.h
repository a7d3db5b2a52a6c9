/* sentence.h — sentences and word tokens of a text (ICU), the units the
 * comparison aligns and diffs. */
#ifndef TIPR_SENTENCE_H
#define TIPR_SENTENCE_H

#include <stddef.h>

/* A byte range of a text. */
struct span {
	size_t start, end;
};

/* Where sentences end by the Unicode sentence boundary rules (UAX #29, on
 * ICU's Sentence_Break property; the same as ICU's sentence iterator, at a
 * tenth of its cost): the byte offset after each sentence, white space
 * after it included, the last one len.  Returns the count; the caller frees
 * *out. */
size_t sentence_boundaries(const char *text, size_t len, size_t **out);

/* Splits text into sentences (sentence_boundaries, without breaking after
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
