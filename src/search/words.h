/* words.h — the words of a text, as search sees them.
 *
 * A word is a run of letters and digits of the folded text (fold.h: case,
 * accents, width and typographic quotes do not count): "Côte" is "cote",
 * "ＣＯＣＯＡ" is "cocoa".  An apostrophe between two letters joins them and
 * is dropped, so "People's", "People’s" and "peoples" are one word;
 * anything else separates words ("state-sponsored" is two, "COVID-19" is
 * "covid" and "19").  A word's key is cut at WORDS_MAX_KEY bytes.
 *
 * Plain ASCII, nearly all of a report, is read directly; a stretch holding
 * other characters is folded with ICU, the same rules either way.  The
 * tokens of a text do not depend on where reading starts, as long as it
 * starts at a word boundary (words_boundary).
 *
 * Spelling variants are not merged in the keys; words_variants gives the
 * other spellings of a word (British "labour", American "labor"), which a
 * search looks for as well.  Model code. */
#ifndef TIPR_WORDS_H
#define TIPR_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/fold.h"

#define WORDS_MAX_KEY 64

struct word {
	size_t start, end;               /* bytes of the original text */
	char key[WORDS_MAX_KEY + 1];     /* folded, NUL-terminated */
	size_t len;                      /* of key */
	uint64_t hash;                   /* hash_add of key, made as it is read */
};

/* An iterator over the words of text[0..len); zero-initialised fields are
 * set by words_init. */
struct words {
	const char *text;
	size_t len, pos;
	/* The stretch being read: [chunk, chunk_end), folded when slow. */
	size_t chunk, chunk_end;
	bool slow;
	struct folded folded;
	size_t fpos;
};

/* Starts reading text[from..len); from must be a word boundary. */
void words_init(struct words *w, const char *text, size_t len, size_t from);
/* The next word; false at the end. */
bool words_next(struct words *w, struct word *out);
void words_done(struct words *w);

/* Whether a word can start at text[at] (at is past any word before it). */
bool words_boundary(const char *text, size_t len, size_t at);
/* The next stretch between separators, at or after from, that holds an
 * apostrophe or a character beyond ASCII (its words are not plain runs of
 * ASCII letters): [*start, *end).  False when there is none. */
bool words_next_special(const char *text, size_t len, size_t from, size_t *start, size_t *end);

/* Whether an ASCII byte is a letter or digit (a word's byte). */
static inline bool words_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The other spellings of the folded word key (British and American:
 * labour/labor, organisation/organization, defence/defense, programme/
 * program, travelled/traveled, judgement/judgment, ...): *out points to a
 * static list, *n its length (0 when there are none). */
void words_variants(const char *key, const char *const **out, size_t *n);
/* Calls fn for each spelled word (either spelling) that starts with
 * prefix, with its other spelling. */
void words_variants_prefixed(const char *prefix, void (*fn)(const char *word, const char *other, void *arg),
			     void *arg);

#endif
