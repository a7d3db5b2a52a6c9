/* paths.c — bundled data and XDG user directories. */
#include "config.h"

#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

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

bool paths_write_atomic(const char *path, bool (*fill)(FILE *f, void *arg), void *arg)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *tmp;
	FILE *f;
	bool ok;
	int saved;

	if (slash)
		*slash = '\0';
	ok = !slash || slash == dir || paths_mkdirs(dir);
	free(dir);
	if (!ok)
		return false;
	tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
	errno = 0;
	ok = (f = fopen(tmp, "w")) != NULL && fill(f, arg) && !ferror(f);
	if (f && fclose(f) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	saved = errno;
	if (!ok)
		unlink(tmp);
	free(tmp);
	errno = saved ? saved : ok ? 0 : EIO;
	return ok;
}
