/* paths.h — where tipr finds its bundled data and keeps the user's files. */
#ifndef TIPR_PATHS_H
#define TIPR_PATHS_H

#include <stdbool.h>
#include <stdio.h>

/* The bundled data directory holding content/ and themes/: the source tree
 * when running the binary from its build tree, else $(pkgdatadir).  The
 * TIPR_DATADIR environment variable overrides both (tests use it). */
const char *paths_datadir(void);
/* paths_datadir()/name; the caller frees it. */
char *paths_bundled(const char *name);

/* $XDG_DATA_HOME/tipr, $XDG_CONFIG_HOME/tipr, $XDG_STATE_HOME/tipr and
 * $XDG_CACHE_HOME/tipr with the XDG defaults under $HOME.  The caller frees
 * the result.  The directories are not created. */
char *paths_data_home(void);
char *paths_config_home(void);
char *paths_state_home(void);
char *paths_cache_home(void);
/* CACHE_DIR/PREFIX-HASH.SUFFIX (CACHE_DIR NULL: $XDG_CACHE_HOME/tipr),
 * HASH standing for the real paths of keys[0..n): one cache file per set of
 * content directories or per source file.  The caller frees it. */
char *paths_cache_file(const char *cache_dir, const char *prefix, const char *const *keys, size_t n,
		       const char *suffix);
/* The file that path names: path itself, or the end of its chain of
 * symbolic links (relative links read from their own directory), which need
 * not exist yet.  Replacing that file by rename keeps the links: a file kept
 * in a dotfiles repository stays there.  NULL with errno ELOOP when the
 * chain does not end.  The caller frees the result. */
char *paths_resolve(const char *path);
/* True when path (resolved: not a link) is a regular file or does not
 * exist, so that it may be written; false with errno E_NOT_REGULAR for a
 * FIFO, device, socket or directory, which tipr never renames or writes. */
bool paths_may_replace(const char *path);
/* Creates dir and its missing parents with mode 0700; false with errno set. */
bool paths_mkdirs(const char *dir);
/* How paths_write_atomic writes. */
enum paths_write_flags {
	PATHS_DURABLE = 1, /* fsync the file before and the directory after the rename, so
	                    * that a crash or power loss leaves the old or the new file */
	PATHS_LOCKED = 2,  /* the caller holds a lock on path: one fixed temporary name,
	                    * which also clears what a killed writer left behind */
	PATHS_PRIVATE = 4, /* mode 0600 rather than 0666 less the umask */
};
/* Writes path all at once: fill() writes a temporary file beside it, which
 * then replaces it (rename), so a reader never sees half a file; missing
 * directories are created.  A symbolic link is followed (paths_resolve): its
 * target is replaced, the link stays.  What is not a regular file is never
 * replaced (errno E_NOT_REGULAR).  False with errno set, path untouched. */
bool paths_write_atomic(const char *path, unsigned flags, bool (*fill)(FILE *f, void *arg),
			void *arg);

#endif
