/* scancache.c — directory listings kept between runs.
 *
 * One cache file (cachefile.h): the number of listings, then for each the
 * directory's path and stamp, the number of entries and their names. */
#include "config.h"

#include "content/scancache.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/cachefile.h"
#include "base/util.h"

#define MAGIC "TIPRSCAN"
#define CACHE_VERSION 2u

struct listing {
	const char *dir;
	struct cache_stamp stamp;
	const char **names;
	size_t n;
	bool used;       /* looked up or stored in this run: worth keeping */
};

struct scan_cache {
	char *path;
	struct arena *arena;
	struct listing *v;
	size_t n, cap;
	bool dirty;
};

/* Reads the listings of buf; false (and nothing kept) if it is damaged. */
static bool parse(struct scan_cache *sc, const char *buf, size_t len)
{
	struct cache_in in;
	uint64_t n;

	cache_in_init(&in, buf, len);
	n = cache_get_u64(&in);
	for (uint64_t i = 0; i < n && in.ok; i++) {
		struct listing l = {0};
		uint64_t k;

		l.dir = cache_get_copy(&in, sc->arena, true);
		cache_get(&in, &l.stamp, sizeof(l.stamp));
		k = cache_get_u64(&in);
		if (!in.ok || k > len)
			break;
		l.names = arena_array(sc->arena, k + 1, sizeof(*l.names));
		for (l.n = 0; l.n < k && in.ok; l.n++)
			l.names[l.n] = cache_get_copy(&in, sc->arena, true);
		GROW(sc->v, sc->cap, sc->n + 1);
		sc->v[sc->n++] = l;
	}
	return in.ok && in.p == in.end;
}

struct scan_cache *scan_cache_open(const char *path)
{
	struct scan_cache *sc = xcalloc(1, sizeof(*sc));
	size_t len;
	char *buf;

	sc->path = xstrdup(path);
	sc->arena = arena_new();
	buf = cachefile_load(path, MAGIC, CACHE_VERSION, 64u << 20, &len);
	if (buf && !parse(sc, buf, len)) {
		sc->n = 0;
		sc->dirty = true;
	}
	free(buf);
	return sc;
}

void scan_cache_free(struct scan_cache *sc)
{
	if (!sc)
		return;
	free(sc->path);
	free(sc->v);
	arena_free(sc->arena);
	free(sc);
}

bool scan_cache_lookup(struct scan_cache *sc, const char *dir, const struct stat *st,
		       const char *const **names, size_t *n)
{
	struct cache_stamp now;

	cache_stamp_of(st, &now);
	for (size_t i = 0; i < sc->n; i++) {
		struct listing *l = &sc->v[i];

		if (strcmp(l->dir, dir))
			continue;
		if (!cache_stamp_equal(&l->stamp, &now))
			return false;
		l->used = true;
		*names = l->names;
		*n = l->n;
		return true;
	}
	return false;
}

void scan_cache_store(struct scan_cache *sc, const char *dir, const struct stat *st,
		      const char *const *names, size_t n)
{
	struct listing *l = NULL;
	struct cache_stamp stamp;

	cache_stamp_of(st, &stamp);
	if (!cache_stamp_settled(&stamp, time(NULL)))
		return;
	for (size_t i = 0; i < sc->n && !l; i++)
		if (!strcmp(sc->v[i].dir, dir))
			l = &sc->v[i];
	if (!l) {
		GROW(sc->v, sc->cap, sc->n + 1);
		l = &sc->v[sc->n++];
	}
	l->dir = arena_strdup(sc->arena, dir);
	l->stamp = stamp;
	l->names = arena_array(sc->arena, n + 1, sizeof(*l->names));
	for (l->n = 0; l->n < n; l->n++)
		l->names[l->n] = arena_strdup(sc->arena, names[l->n]);
	l->used = true;
	sc->dirty = true;
}

bool scan_cache_save(struct scan_cache *sc)
{
	struct cachefile_writer *w;
	size_t kept = 0;
	bool ok;

	/* Listings not used in this run are of directories gone: dropped. */
	for (size_t i = 0; i < sc->n; i++)
		kept += sc->v[i].used;
	if (!sc->dirty && kept == sc->n)
		return true;
	sc->dirty = false;
	if (!(w = cachefile_create(sc->path, MAGIC, CACHE_VERSION, 1)))
		return false;
	ok = cachefile_put_u64(w, kept);
	for (size_t i = 0; ok && i < sc->n; i++) {
		const struct listing *l = &sc->v[i];

		if (!l->used)
			continue;
		ok = cachefile_put_str(w, l->dir) && cachefile_write(w, &l->stamp, sizeof(l->stamp)) &&
		     cachefile_put_u64(w, l->n);
		for (size_t k = 0; ok && k < l->n; k++)
			ok = cachefile_put_str(w, l->names[k]);
	}
	if (!ok) {
		cachefile_abort(w);
		return false;
	}
	return cachefile_commit(w);
}
