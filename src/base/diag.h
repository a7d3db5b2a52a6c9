/* diag.h — diagnostics that name FILE:LINE:COL, collected rather than printed,
 * so one bad file is reported and the caller decides what to skip. */
#ifndef TIPR_DIAG_H
#define TIPR_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/util.h"

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	char *file;        /* may be NULL for messages about no file */
	unsigned line, col; /* 1-based; 0 when unknown */
	char *msg;
};

/* A list of diagnostics; zero-initialised is empty.  Owns its strings. */
struct diags {
	struct diag *v;
	size_t n, cap;
	size_t n_errors;
};

void diags_add(struct diags *d, enum diag_level level, const char *file,
	       unsigned line, unsigned col, const char *fmt, ...) PRINTF_LIKE(6, 7);
void diags_vadd(struct diags *d, enum diag_level level, const char *file,
		unsigned line, unsigned col, const char *fmt, va_list ap) PRINTF_LIKE(6, 0);
/* Moves every entry of src to the end of dst; src is left empty. */
void diags_take(struct diags *dst, struct diags *src);
void diags_clear(struct diags *d);
void diags_free(struct diags *d);

/* Why path could not be read (errno e, as read_file leaves it), as an error
 * against path: "not a regular file", "file too large (the limit is N
 * bytes)" or "cannot read: REASON". */
void diags_file_error(struct diags *d, const char *path, int e, size_t max_size);

/* One line "FILE:LINE:COL: error: message" (fields that are unknown are left
 * out); control characters in the message are made visible.  The caller frees it. */
char *diag_format(const struct diag *dg);
/* The one check that input is text: valid UTF-8 without NUL bytes.  The
 * first problem is reported to d as NAME:LINE:COL (false then). */
bool diags_check_utf8(const char *name, const char *buf, size_t len, struct diags *d);
/* Prints every diagnostic, one per line. */
void diags_print(const struct diags *d, FILE *out);

#endif
