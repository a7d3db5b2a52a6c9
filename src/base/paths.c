/* paths.c — bundled data and XDG user directories. */
#include "config.h"

#include "base/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

static bool same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

const char *paths_datadir(void)
{
	static char *dir;
	const char *env = getenv("TIPR_DATADIR");

	if (env && *env)
		return env;
	if (!dir) {
		char *exe = exe_dir();

		/* A binary in the build tree reads the source tree's data, so a
		 * fresh build runs before (and without) make install. */
		if (exe && same_dir(exe, TIPR_BUILDDIR))
			dir = xstrdup(TIPR_SRCDIR);
		else
			dir = xstrdup(TIPR_PKGDATADIR);
		free(exe);
	}
	return dir;
}

char *paths_bundled(const char *name)
{
	return path_join(paths_datadir(), name);
}

static char *home(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h && *h)
		return xstrdup(h);
	pw = getpwuid(getuid());
	return xstrdup(pw && pw->pw_dir ? pw->pw_dir : "/");
}

static char *xdg(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	char *base, *dir;

	/* The spec says relative paths are invalid and must be ignored. */
	if (v && v[0] == '/')
		return path_join(v, "tipr");
	base = home();
	dir = xasprintf("%s/%s/tipr", base, fallback);
	free(base);
	return dir;
}

char *paths_data_home(void)
{
	return xdg("XDG_DATA_HOME", ".local/share");
}

char *paths_config_home(void)
{
	return xdg("XDG_CONFIG_HOME", ".config");
}

char *paths_state_home(void)
{
	return xdg("XDG_STATE_HOME", ".local/state");
}

char *paths_cache_home(void)
{
	return xdg("XDG_CACHE_HOME", ".cache");
}

bool paths_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			int e = errno;

			free(p);
			errno = e;
			return false;
		}
		*s = '/';
	}
	if (mkdir(p, 0700) < 0 && errno != EEXIST) {
		int e = errno;

		free(p);
		errno = e;
		return false;
	}
	free(p);
	return true;
}

char *paths_cache_file(const char *cache_dir, const char *prefix, const char *const *keys, size_t n,
		       const char *suffix)
{
	char *home = cache_dir ? NULL : paths_cache_home(), *path;
	uint64_t h = HASH_INIT;

	for (size_t i = 0; i < n; i++) {
		char *real = realpath(keys[i], NULL);
		const char *s = real ? real : keys[i];

		h = hash_add(h, s, strlen(s) + 1);
		free(real);
	}
	path = xasprintf("%s/%s-%016llx.%s", cache_dir ? cache_dir : home, prefix, (unsigned long long)h, suffix);
	free(home);
	return path;
}

char *paths_resolve(const char *path)
{
	char *p = xstrdup(path);

	/* The kernel's own limit on links followed in one lookup. */
	for (int hops = 0; hops < 40; hops++) {
		char target[PATH_MAX], *slash, *next;
		struct stat st;
		ssize_t n;

		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
			return p;
		if ((n = readlink(p, target, sizeof(target) - 1)) < 0) {
			int e = errno;

			free(p);
			errno = e;
			return NULL;
		}
		target[n] = '\0';
		slash = strrchr(p, '/');
		if (target[0] == '/' || !slash)
			next = xstrdup(target);
		else
			next = xasprintf("%.*s/%s", (int)(slash - p), p, target);
		free(p);
		p = next;
	}
	free(p);
	errno = ELOOP;
	return NULL;
}

bool paths_may_replace(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	if (S_ISREG(st.st_mode))
		return true;
	errno = E_NOT_REGULAR;
	return false;
}

/* Makes the rename of a file in dir durable. */
static bool sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return false;
	ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

enum { WRITE_BUFFER = 1 << 16 };

bool paths_write_atomic(const char *path, unsigned flags, bool (*fill)(FILE *f, void *arg),
			void *arg)
{
	char *target = paths_resolve(path), *dir, *tmp, *buf;
	FILE *f = NULL;
	bool ok = true;
	int fd, saved;

	if (!target)
		return false;
	if (!paths_may_replace(target)) {
		saved = errno;
		free(target);
		errno = saved;
		return false;
	}
	dir = path_dir(target);
	if (!paths_mkdirs(dir)) {
		saved = errno;
		free(dir);
		free(target);
		errno = saved;
		return false;
	}
	tmp = flags & PATHS_LOCKED ? xasprintf("%s.tmp", target)
				   : xasprintf("%s.tmp%ld", target, (long)getpid());
	/* Whatever a killed writer left under the name goes first (even a
	 * FIFO, which an open for writing would wait on); the file is then
	 * made new, never opened through a link. */
	if (unlink(tmp) != 0 && errno != ENOENT) {
		saved = errno;
		free(tmp);
		free(dir);
		free(target);
		errno = saved;
		return false;
	}
	buf = xmalloc(WRITE_BUFFER);
	errno = 0;
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
		  flags & PATHS_PRIVATE ? 0600 : 0666);
	if (fd >= 0 && !(f = fdopen(fd, "w")))
		close(fd);
	/* Megabytes go out in fewer, larger writes (glibc sizes a buffer it
	 * allocates itself by the block size, 4 KiB). */
	if (f && setvbuf(f, buf, _IOFBF, WRITE_BUFFER) != 0)
		ok = false;
	ok = ok && f && fill(f, arg) && fflush(f) == 0 && !ferror(f) &&
	     (!(flags & PATHS_DURABLE) || fsync(fileno(f)) == 0);
	if (f && fclose(f) != 0)
		ok = false;
	free(buf);
	/* Checked again at the last moment: what became a device or FIFO
	 * meanwhile is not replaced either. */
	ok = ok && paths_may_replace(target) && rename(tmp, target) == 0;
	saved = errno;
	if (!ok && fd >= 0)
		unlink(tmp);
	if (ok && (flags & PATHS_DURABLE) && !sync_dir(dir)) {
		ok = false;
		saved = errno;
	}
	free(tmp);
	free(dir);
	free(target);
	errno = saved ? saved : ok ? 0 : EIO;
	return ok;
}
