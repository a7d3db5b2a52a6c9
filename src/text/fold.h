/* fold.h — case-, accent- and width-insensitive text keys (ICU), and collation.
 *
 * Folding decomposes each code point (NFKD: "ｆ" -> "f", "ﬁ" -> "fi"), drops
 * nonspacing marks ("ô" -> "o"), applies full case folding ("ß" -> "ss"),
 * unifies typographic quotes and dashes, and collapses whitespace runs to one
 * space.  The map lets a match in folded text be shown in the original. */
#ifndef TIPR_FOLD_H
#define TIPR_FOLD_H

#include <stdbool.h>
#include <stddef.h>

struct folded {
	char *s;     /* folded UTF-8, NUL-terminated */
	size_t len;
	size_t *map; /* map[i]: byte offset in the original where folded byte i came
	              * from; map[len] = the original length.  NULL if not asked for. */
};

/* Folds s[0..len) into out (with the offset map when want_map).  Free with folded_free(). */
void fold_text(const char *s, size_t len, bool want_map, struct folded *out);
void folded_free(struct folded *f);
/* The folded form of a NUL-terminated string, without a map; the caller frees it. */
char *fold_dup(const char *s);

/* Compares two UTF-8 strings by the root ICU collation (for sorting names:
 * "Côte d'Ivoire" sorts among the C's, "Åland" among the A's). */
int collate_cmp(const char *a, const char *b);
/* A sort key for s, comparable with strcmp; the caller frees it. */
char *collate_key(const char *s);
/* The ICU version the collation comes from ("72.1"), under which an order
 * worked out once may be kept: its rules change with ICU's. */
const char *collate_version(void);

#endif
