/* history.h — earlier searches, recalled in the search prompt (Up, Down).
 *
 * Kept in $XDG_STATE_HOME/tipr/search-history: one query a line, oldest
 * first, at most SEARCH_HISTORY_MAX of at most SEARCH_HISTORY_LINE bytes; a
 * query used again moves to the end.  Each addition is saved at once,
 * crash-safely (paths_write_atomic, mode 0600), over what the file holds
 * by then, so two readers open at once keep each other's searches.  A line
 * that is not plain text (control characters, invalid UTF-8, too long) is
 * skipped; what is not a regular file is never read.  Model code. */
#ifndef TIPR_HISTORY_H
#define TIPR_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#define SEARCH_HISTORY_MAX 200
#define SEARCH_HISTORY_LINE 1000

struct search_history;

/* The history in path (NULL: the default file); a missing or unreadable
 * file is an empty history.  Free with search_history_free. */
struct search_history *search_history_open(const char *path);
void search_history_free(struct search_history *h);

/* Entries, oldest first (valid until the history changes). */
size_t search_history_count(const struct search_history *h);
const char *search_history_at(const struct search_history *h, size_t i);

/* Adds query (surrounding spaces dropped; nothing when it is empty or not
 * plain text) and saves; false with errno set when it could not be saved
 * (the history in memory has it all the same).  Ends any recall. */
bool search_history_add(struct search_history *h, const char *query);

/* Recall, as a prompt's Up and Down do.  The first step back remembers
 * typed (what the prompt holds) and goes through the entries that start
 * with it, newest first, each once.  older: the next one back, or NULL
 * when there is none (the prompt keeps what it shows).  newer: the next
 * one forward, and at the end typed again; NULL when not recalling. */
const char *search_history_older(struct search_history *h, const char *typed);
const char *search_history_newer(struct search_history *h);
/* Ends a recall (the prompt was edited, closed or run). */
void search_history_reset(struct search_history *h);

#endif
