/* history.c — earlier searches, kept and recalled. */
#include "config.h"

#include "search/history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/paths.h"
#include "base/utf8.h"
#include "base/util.h"

struct search_history {
	char *path;
	char **v;          /* oldest first */
	size_t n, cap;
	/* Recall: the draft typed, and the entry shown (n: the draft). */
	char *typed;
	size_t at;
	bool recalling;
};

/* Whether s[0..n) can be an entry: printable text on one line. */
static bool plain(const char *s, size_t n)
{
	size_t i = 0;

	if (!n || n > SEARCH_HISTORY_LINE)
		return false;
	while (i < n) {
		int32_t cp;

		i += utf8_next(s + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return false;
	}
	return true;
}

static void drop(struct search_history *h, size_t i)
{
	free(h->v[i]);
	memmove(h->v + i, h->v + i + 1, (h->n - i - 1) * sizeof(*h->v));
	h->n--;
}

/* Appends s (moving an equal entry to the end), keeping the newest
 * SEARCH_HISTORY_MAX. */
static void push(struct search_history *h, const char *s, size_t n)
{
	for (size_t i = 0; i < h->n; i++)
		if (strlen(h->v[i]) == n && !memcmp(h->v[i], s, n)) {
			drop(h, i);
			break;
		}
	GROW(h->v, h->cap, h->n + 1);
	h->v[h->n++] = xstrndup(s, n);
	while (h->n > SEARCH_HISTORY_MAX)
		drop(h, 0);
}

static void clear(struct search_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	h->n = 0;
}

/* Reads the file into h (what was there before is dropped). */
static void load(struct search_history *h)
{
	size_t len;
	char *buf = read_file(h->path, 1u << 20, &len), *p, *end;

	clear(h);
	if (!buf)
		return;
	for (p = buf, end = buf + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (plain(p, n))
			push(h, p, n);
		p += n + 1;
	}
	free(buf);
}

struct search_history *search_history_open(const char *path)
{
	struct search_history *h = xcalloc(1, sizeof(*h));

	if (path) {
		h->path = xstrdup(path);
	} else {
		char *dir = paths_state_home();

		h->path = path_join(dir, "search-history");
		free(dir);
	}
	load(h);
	return h;
}

void search_history_free(struct search_history *h)
{
	if (!h)
		return;
	clear(h);
	free(h->v);
	free(h->typed);
	free(h->path);
	free(h);
}

size_t search_history_count(const struct search_history *h)
{
	return h->n;
}

const char *search_history_at(const struct search_history *h, size_t i)
{
	return i < h->n ? h->v[i] : NULL;
}

static bool write_lines(FILE *f, void *arg)
{
	const struct search_history *h = arg;

	for (size_t i = 0; i < h->n; i++)
		if (fprintf(f, "%s\n", h->v[i]) < 0)
			return false;
	return true;
}

bool search_history_add(struct search_history *h, const char *query)
{
	const char *s = query, *e = query + strlen(query);

	search_history_reset(h);
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (!plain(s, (size_t)(e - s)))
		return true;
	/* What another reader saved meanwhile is kept: read again first. */
	{
		char *copy = xstrndup(s, (size_t)(e - s));

		load(h);
		push(h, copy, strlen(copy));
		free(copy);
	}
	return paths_write_atomic(h->path, PATHS_PRIVATE, write_lines, h);
}

/* Whether entry i is shown by a recall of typed: it starts so, and is not
 * just the same (entries are unique, so each is shown once). */
static bool shown(const struct search_history *h, size_t i)
{
	return !strncmp(h->v[i], h->typed, strlen(h->typed)) && strcmp(h->v[i], h->typed);
}

const char *search_history_older(struct search_history *h, const char *typed)
{
	size_t i;

	if (!h->recalling) {
		free(h->typed);
		h->typed = xstrdup(typed);
		h->at = h->n;
		h->recalling = true;
	}
	for (i = h->at; i-- > 0;)
		if (shown(h, i)) {
			h->at = i;
			return h->v[i];
		}
	return NULL;
}

const char *search_history_newer(struct search_history *h)
{
	if (!h->recalling)
		return NULL;
	for (size_t i = h->at + 1; i < h->n; i++)
		if (shown(h, i)) {
			h->at = i;
			return h->v[i];
		}
	h->at = h->n;
	return h->typed;
}

void search_history_reset(struct search_history *h)
{
	free(h->typed);
	h->typed = NULL;
	h->recalling = false;
}
