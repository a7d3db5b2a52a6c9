/* scancache.h — the listings of content directories, remembered between
 * runs.  Reading the 25 year directories of a full report (thousands of
 * files) costs more than all the rest of start-up; a directory whose stamp
 * (device, inode, size, mtime and ctime: cachefile.h) is unchanged has the
 * same entries, so its listing is taken from here instead.  Adding,
 * removing or renaming a file changes its directory's times; a listing of
 * a directory changed within the last two seconds is not kept, so a change
 * in the same clock tick cannot hide.  The file is only a cache: a
 * missing, stale or damaged one (checksummed) is ignored and rewritten.
 * Model code. */
#ifndef TIPR_SCANCACHE_H
#define TIPR_SCANCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

struct scan_cache;

/* Reads the cache at path (missing or unreadable: empty). */
struct scan_cache *scan_cache_open(const char *path);
/* Writes it back if anything was stored since; false if that failed. */
bool scan_cache_save(struct scan_cache *sc);
void scan_cache_free(struct scan_cache *sc);

/* The entries of dir as last listed, when st (dir's stat) shows it has not
 * changed since: *names (valid until the cache is freed) and *n.  False
 * when there is no such listing. */
bool scan_cache_lookup(struct scan_cache *sc, const char *dir, const struct stat *st,
		       const char *const **names, size_t *n);
/* Remembers the entries of dir, listed now with stat st. */
void scan_cache_store(struct scan_cache *sc, const char *dir, const struct stat *st,
		      const char *const *names, size_t n);

#endif
