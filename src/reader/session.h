/* session.h — where the reader was: reopened at the same document, section
 * and position ($XDG_STATE_HOME/tipr/state.yaml). */
#ifndef TIPR_SESSION_H
#define TIPR_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "content/layout.h"

struct session {
	char *collection;    /* NULL when nothing was saved */
	char *country;
	int year;
	struct line_ref anchor;  /* what the top line showed */
	bool tree_by_year;
	bool tree_hidden;
	int tree_width;      /* 0: default */
};

/* Reads the state file at path; false (session empty) if missing or broken,
 * with problems other than a missing file in d (a bad field is reported and
 * left at its default; a FIFO or device there is refused, never waited on). */
bool session_load(struct session *s, const char *path, struct diags *d);
/* Writes it atomically (temporary file and rename), creating the directory;
 * a symbolic link is written through (paths_write_atomic), what is not a
 * regular file is left alone (false, errno E_NOT_REGULAR). */
bool session_save(const struct session *s, const char *path);
void session_free(struct session *s);
/* $XDG_STATE_HOME/tipr/state.yaml; the caller frees it. */
char *session_path(void);

/* Saving the place as the user reads, so that a killed reader reopens where
 * it was: at once when the document, the section or the tree's settings
 * change, at most once every SESSION_THROTTLE seconds while only the
 * position within a section moves (a pending save is then due later). */
#define SESSION_THROTTLE 2.0
struct session_saver {
	char *path;
	struct session last;  /* as last written */
	bool have_last;
	bool pending;         /* a change not written yet */
	bool failed;          /* a write failed (said once) */
	struct session next;  /* that change */
	double last_time;     /* when last written (seconds, monotonic) */
};
/* Starts saving to path (copied). */
void session_saver_init(struct session_saver *sv, const char *path);
/* Offers the current place cur (copied) at time now; writes it when due.
 * Returns the milliseconds until a pending save is due, or -1 when none is
 * pending.  A failed write is added to d once. */
int session_saver_offer(struct session_saver *sv, const struct session *cur, double now, struct diags *d);
/* Writes a pending change now (at exit); false if that failed (said in d). */
bool session_saver_flush(struct session_saver *sv, struct diags *d);
void session_saver_free(struct session_saver *sv);

#endif
