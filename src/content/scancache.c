/* scancache.c — directory listings kept between runs.
 *
 * The file is text: a header line, then for each directory a line
 * "DIR<tab>DEV<tab>INO<tab>SEC<tab>NSEC<tab>COUNT" followed by COUNT lines,
 * one entry name each. */
#include "config.h"

#include "content/scancache.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/paths.h"
#include "base/util.h"

#define HEADER "tipr scan cache 1\n"
/* Listings younger than this are not kept (see scancache.h). */
#define SETTLE_SECONDS 2

struct listing {
	const char *dir;
	uintmax_t dev, ino;
	long long sec;
	long nsec;
	const char **names;
	size_t n;
	bool used;       /* looked up or stored in this run: worth keeping */
};

struct scan_cache {
	char *path;
	char *buf;       /* the file as read; loaded strings point into it */
	struct arena *arena;
	struct listing *v;
	size_t n, cap;
	bool dirty;
};

/* The next line of *p (NUL-terminated in place), or NULL at the end. */
static char *next_line(char **p, char *end)
{
	char *line = *p, *nl;

	if (line >= end || !(nl = memchr(line, '\n', (size_t)(end - line))))
		return NULL;
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/* Parses the file; false (and nothing kept) if it is not one of ours. */
static bool parse(struct scan_cache *sc, size_t len)
{
	char *p = sc->buf + strlen(HEADER), *end = sc->buf + len, *line;

	if (len < strlen(HEADER) || memcmp(sc->buf, HEADER, strlen(HEADER)))
		return false;
	while ((line = next_line(&p, end))) {
		struct listing l = {0};
		char *tab = strchr(line, '\t');
		size_t n;

		if (!tab)
			return false;
		*tab = '\0';
		if (sscanf(tab + 1, "%" SCNuMAX "\t%" SCNuMAX "\t%lld\t%ld\t%zu", &l.dev, &l.ino, &l.sec, &l.nsec,
			   &n) != 5 || n > len)
			return false;
		l.dir = line;
		l.names = arena_array(sc->arena, n + 1, sizeof(*l.names));
		for (l.n = 0; l.n < n; l.n++)
			if (!(l.names[l.n] = next_line(&p, end)))
				return false;
		GROW(sc->v, sc->cap, sc->n + 1);
		sc->v[sc->n++] = l;
	}
	return true;
}

struct scan_cache *scan_cache_open(const char *path)
{
	struct scan_cache *sc = xcalloc(1, sizeof(*sc));
	size_t len;

	sc->path = xstrdup(path);
	sc->arena = arena_new();
	sc->buf = read_file(path, 64u << 20, &len);
	if (sc->buf && !parse(sc, len)) {
		sc->n = 0;
		sc->dirty = true;
	}
	return sc;
}

void scan_cache_free(struct scan_cache *sc)
{
	if (!sc)
		return;
	free(sc->path);
	free(sc->buf);
	free(sc->v);
	arena_free(sc->arena);
	free(sc);
}

static bool same(const struct listing *l, const struct stat *st)
{
	return l->dev == (uintmax_t)st->st_dev && l->ino == (uintmax_t)st->st_ino &&
	       l->sec == (long long)st->st_mtim.tv_sec && l->nsec == st->st_mtim.tv_nsec;
}

bool scan_cache_lookup(struct scan_cache *sc, const char *dir, const struct stat *st,
		       const char *const **names, size_t *n)
{
	for (size_t i = 0; i < sc->n; i++) {
		struct listing *l = &sc->v[i];

		if (strcmp(l->dir, dir))
			continue;
		if (!same(l, st))
			return false;
		l->used = true;
		*names = l->names;
		*n = l->n;
		return true;
	}
	return false;
}

/* Names that would break the line format are not cached. */
static bool storable(const char *s)
{
	return !strpbrk(s, "\t\n");
}

void scan_cache_store(struct scan_cache *sc, const char *dir, const struct stat *st,
		      const char *const *names, size_t n)
{
	struct listing *l = NULL;

	if (time(NULL) - st->st_mtim.tv_sec < SETTLE_SECONDS || !storable(dir))
		return;
	for (size_t i = 0; i < n; i++)
		if (!storable(names[i]))
			return;
	for (size_t i = 0; i < sc->n && !l; i++)
		if (!strcmp(sc->v[i].dir, dir))
			l = &sc->v[i];
	if (!l) {
		GROW(sc->v, sc->cap, sc->n + 1);
		l = &sc->v[sc->n++];
	}
	l->dir = arena_strdup(sc->arena, dir);
	l->dev = (uintmax_t)st->st_dev;
	l->ino = (uintmax_t)st->st_ino;
	l->sec = (long long)st->st_mtim.tv_sec;
	l->nsec = st->st_mtim.tv_nsec;
	l->names = arena_array(sc->arena, n + 1, sizeof(*l->names));
	for (l->n = 0; l->n < n; l->n++)
		l->names[l->n] = arena_strdup(sc->arena, names[l->n]);
	l->used = true;
	sc->dirty = true;
}

static bool write_cache(FILE *f, void *arg)
{
	const struct scan_cache *sc = arg;

	fputs(HEADER, f);
	for (size_t i = 0; i < sc->n; i++) {
		const struct listing *l = &sc->v[i];

		if (!l->used)
			continue;
		fprintf(f, "%s\t%ju\t%ju\t%lld\t%ld\t%zu\n", l->dir, l->dev, l->ino, l->sec, l->nsec, l->n);
		for (size_t k = 0; k < l->n; k++)
			fprintf(f, "%s\n", l->names[k]);
	}
	return !ferror(f);
}

bool scan_cache_save(struct scan_cache *sc)
{
	/* Listings not used in this run are of directories gone: dropped. */
	for (size_t i = 0; i < sc->n && !sc->dirty; i++)
		sc->dirty = !sc->v[i].used;
	if (!sc->dirty)
		return true;
	sc->dirty = false;
	return paths_write_atomic(sc->path, 0, write_cache, sc);
}
