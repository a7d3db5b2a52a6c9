/* diag.c — collected diagnostics. */
#include "config.h"

#include "base/diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/textsafe.h"
#include "base/utf8.h"

void diags_vadd(struct diags *d, enum diag_level level, const char *file,
		unsigned line, unsigned col, const char *fmt, va_list ap)
{
	struct diag *dg;

	GROW(d->v, d->cap, d->n + 1);
	dg = &d->v[d->n++];
	dg->level = level;
	dg->file = file ? xstrdup(file) : NULL;
	dg->line = line;
	dg->col = col;
	dg->msg = xvasprintf(fmt, ap);
	if (level == DIAG_ERROR)
		d->n_errors++;
}

void diags_add(struct diags *d, enum diag_level level, const char *file,
	       unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diags_vadd(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

void diags_file_error(struct diags *d, const char *path, int e, size_t max_size)
{
	if (e == E_NOT_REGULAR)
		diags_add(d, DIAG_ERROR, path, 0, 0, "%s", file_error(e));
	else if (e == EFBIG)
		diags_add(d, DIAG_ERROR, path, 0, 0, "file too large (the limit is %zu bytes)", max_size);
	else
		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", file_error(e));
}

void diags_take(struct diags *dst, struct diags *src)
{
	GROW(dst->v, dst->cap, dst->n + src->n);
	if (src->n)
		memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
	dst->n += src->n;
	dst->n_errors += src->n_errors;
	free(src->v);
	memset(src, 0, sizeof(*src));
}

void diags_clear(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	d->n = 0;
	d->n_errors = 0;
}

void diags_free(struct diags *d)
{
	diags_clear(d);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

char *diag_format(const struct diag *dg)
{
	struct strbuf sb = {0};

	if (dg->file) {
		textsafe_append(&sb, dg->file, strlen(dg->file));
		if (dg->line) {
			sb_addf(&sb, ":%u", dg->line);
			if (dg->col)
				sb_addf(&sb, ":%u", dg->col);
		}
		sb_adds(&sb, ": ");
	}
	sb_adds(&sb, dg->level == DIAG_ERROR ? "error: " : "warning: ");
	textsafe_append(&sb, dg->msg, strlen(dg->msg));
	return sb_detach(&sb);
}

void diags_print(const struct diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		char *line = diag_format(&d->v[i]);

		fprintf(out, "%s\n", line);
		free(line);
	}
}

bool diags_check_utf8(const char *name, const char *buf, size_t len, struct diags *d)
{
	const char *nul = memchr(buf, '\0', len);
	size_t bad, at;
	unsigned line, col;

	/* Only the part before a NUL needs decoding: the first problem wins. */
	if (utf8_valid(buf, nul ? (size_t)(nul - buf) : len, &bad))
		at = nul ? (size_t)(nul - buf) : len;
	else
		at = bad;
	if (at == len)
		return true;
	utf8_position(buf, at, &line, &col);
	if (buf[at])
		diags_add(d, DIAG_ERROR, name, line, col, "invalid UTF-8 (byte 0x%02X)",
			  (unsigned char)buf[at]);
	else
		diags_add(d, DIAG_ERROR, name, line, col, "a NUL byte: this is not text");
	return false;
}
