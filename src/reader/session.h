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

#endif
