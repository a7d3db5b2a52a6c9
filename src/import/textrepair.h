/* textrepair.h — mending words that page layout broke, from the evidence of
 * the text itself.
 *
 * A PDF or web copy splits words at line ends ("pandemic-" / "related",
 * "gov-" / "ernment"), loses hyphens ("COVID19" beside "COVID-19") and loses
 * spaces after full stops ("houses.Women").  Whether a line-end hyphen is part
 * of the word is decided from how the same words are written elsewhere in the
 * text, then from a short list of English compound prefixes and suffixes, and
 * only then by joining. */
#ifndef TIPR_TEXTREPAIR_H
#define TIPR_TEXTREPAIR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/util.h"

/* Counts of every word and every hyphenated compound in a text, ASCII
 * case-folded.  Build with word_stats_new, feed text, free with
 * word_stats_free. */
struct word_stats;

struct word_stats *word_stats_new(void);
void word_stats_free(struct word_stats *ws);
/* Counts the words of one line.  A trailing "word-" (a line-end split) is not
 * counted, and neither is the first word when skip_first is set (the second
 * half of a split), so a split never counts as evidence for itself. */
void word_stats_add_line(struct word_stats *ws, const char *s, size_t len, bool skip_first);
/* How often word (case-insensitive) appears standalone / as a compound. */
size_t word_stats_word(const struct word_stats *ws, const char *word, size_t len);
size_t word_stats_compound(const struct word_stats *ws, const char *word, size_t len);

/* Whether "head-" at a line end followed by "tail" keeps its hyphen. */
bool hyphen_keep(const struct word_stats *ws, const char *head, size_t head_len,
		 const char *tail, size_t tail_len);

/* The length of s[0..len) without any of the NULL-terminated list of
 * suffixes at its end, removed as long as one is there. */
size_t strip_suffixes(const char *s, size_t len, const char *const *suffixes);

/* Whether s[0..len) ends a sentence (or a heading's colon): a full stop,
 * "!", "?" or ":", maybe followed by closing quotes and brackets. */
bool text_ends_sentence(const char *s, size_t len);

/* Appends text to sb with its layout damage repaired: hyphens lost inside
 * words restored where the text writes the compound with one ("COVID19" ->
 * "COVID-19"), stray "word- word" gaps closed by hyphen_keep, and a space
 * put back after a full stop that runs into the next sentence. */
void text_repair(const struct word_stats *ws, const char *s, size_t len, struct strbuf *sb);

/* s[0..len) (valid UTF-8) with the characters of UTF-8 that a copy read as
 * Windows-1252 ("â€™", "Ã©") decoded back ("’", "é"), in a string the caller
 * frees (its length in *out_len); NULL when the copy shows fewer than three. */
char *mojibake_repair(const char *s, size_t len, size_t *out_len);

/* Whether s[0..len) is text in a legacy encoding: UTF-16 with its byte
 * order mark, or bytes that are not UTF-8 and hold no NUL (a Windows
 * editor's "plain text", Windows-1252). */
bool legacy_text(const char *s, size_t len);
/* Such text as UTF-8, in a string the caller frees (its length in
 * *out_len, the encoding read in *encoding); NULL when s is not. */
char *legacy_decode(const char *s, size_t len, size_t *out_len, const char **encoding);

#endif
