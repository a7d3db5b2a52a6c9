/* test_paths.c — XDG directories and the atomic writer every saved file uses. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/paths.h"
#include "base/util.h"
#include "tmpdir_fixture.h"

static char *slurp(const char *path)
{
	size_t len;

	return read_file(path, 1 << 20, &len);
}

static bool fill_text(FILE *f, void *arg)
{
	return fputs(arg, f) >= 0;
}

/* A writer that fails half way: the old file must survive whole. */
static bool fill_then_fail(FILE *f, void *arg)
{
	fputs(arg, f);
	return false;
}

static void assert_file_reads(const char *path, const char *want)
{
	char *s = slurp(path);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static size_t count_entries(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	unsigned long n = 0;

	free(cmd);
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%lu", &n), 1);
	pclose(p);
	return n;
}

static void test_xdg_homes(void **state)
{
	char *s;

	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	setenv("XDG_STATE_HOME", "/x/state", 1);
	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	setenv("XDG_CONFIG_HOME", "/x/config", 1);
	assert_string_equal(s = paths_data_home(), "/x/data/tipr");
	free(s);
	assert_string_equal(s = paths_state_home(), "/x/state/tipr");
	free(s);
	assert_string_equal(s = paths_cache_home(), "/x/cache/tipr");
	free(s);
	assert_string_equal(s = paths_config_home(), "/x/config/tipr");
	free(s);
	/* Unset or relative (the spec says to ignore those): the defaults under HOME. */
	unsetenv("XDG_DATA_HOME");
	setenv("XDG_STATE_HOME", "relative", 1);
	setenv("HOME", "/home/reader", 1);
	assert_string_equal(s = paths_data_home(), "/home/reader/.local/share/tipr");
	free(s);
	assert_string_equal(s = paths_state_home(), "/home/reader/.local/state/tipr");
	free(s);
}

static void test_mkdirs(void **state)
{
	char dir[] = "/tmp/tipr-paths-XXXXXX", *deep, *file;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	deep = xasprintf("%s/a/b/c", dir);
	assert_true(paths_mkdirs(deep));
	assert_int_equal(stat(deep, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_true(paths_mkdirs(deep)); /* existing: fine */
	/* A file in the way: false, errno set. */
	file = xasprintf("%s/file", dir);
	assert_true(paths_write_atomic(file, 0, fill_text, "x"));
	free(deep);
	deep = xasprintf("%s/file/sub", dir);
	errno = 0;
	assert_false(paths_mkdirs(deep));
	assert_int_equal(errno, ENOTDIR);
	free(deep);
	free(file);
	assert_int_equal(remove_tree(dir), 0);
}

static void test_write_atomic(void **state)
{
	char dir[] = "/tmp/tipr-paths-XXXXXX", *path, *s, *leftover;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/new/dir/notes.yaml", dir);
	/* Missing directories are made; the file holds exactly what was written. */
	assert_true(paths_write_atomic(path, PATHS_DURABLE, fill_text, "first\n"));
	assert_file_reads(path, "first\n");
	/* A failing writer leaves the old file whole and no temporary behind. */
	assert_false(paths_write_atomic(path, PATHS_DURABLE, fill_then_fail, "second\n"));
	assert_file_reads(path, "first\n");
	s = xasprintf("%s/new/dir", dir);
	assert_int_equal(count_entries(s), 1);
	/* Private files are 0600 whatever the umask. */
	assert_true(paths_write_atomic(path, PATHS_PRIVATE, fill_text, "third\n"));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* Under a lock the temporary name is fixed: what a killed writer left is
	 * reused, not accumulated. */
	leftover = xasprintf("%s.tmp", path);
	assert_true(paths_write_atomic(leftover, 0, fill_text, "half a fi"));
	assert_true(paths_write_atomic(path, PATHS_LOCKED | PATHS_DURABLE, fill_text, "fourth\n"));
	assert_int_equal(count_entries(s), 1);
	assert_file_reads(path, "fourth\n");
	/* An unwritable directory: false with errno, the file untouched.  (Root
	 * writes anywhere, so only check when not root.) */
	if (geteuid() != 0) {
		assert_int_equal(chmod(s, 0500), 0);
		errno = 0;
		assert_false(paths_write_atomic(path, 0, fill_text, "fifth\n"));
		assert_int_equal(errno, EACCES);
		assert_int_equal(chmod(s, 0700), 0);
		assert_file_reads(path, "fourth\n");
	}
	free(leftover);
	free(s);
	free(path);
	assert_int_equal(remove_tree(dir), 0);
}

static void assert_resolves(const char *path, const char *want)
{
	char *got = paths_resolve(path);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Makes a device node at path: a real one (mknod, which needs root), else a
 * link to /dev/null, which is refused the same way.  Says which. */
static void make_device(const char *path)
{
	if (mknod(path, S_IFCHR | 0600, makedev(1, 3)) == 0) {
		print_message("# device node made with mknod\n");
		return;
	}
	print_message("# mknod refused (%s): a link to /dev/null instead\n", strerror(errno));
	assert_int_equal(symlink("/dev/null", path), 0);
}

/* A symbolic link is written through: its target is replaced, the link
 * stays; what is not a regular file is never replaced, read or waited on. */
static void test_links_and_non_regular(void **state)
{
	char dir[] = "/tmp/tipr-links-XXXXXX", *p[8], *s;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	p[0] = xasprintf("%s/dotfiles/notes.yaml", dir);  /* the target */
	p[1] = xasprintf("%s/link.yaml", dir);            /* relative link to it */
	p[2] = xasprintf("%s/chain.yaml", dir);           /* absolute link to the link */
	p[3] = xasprintf("%s/fifo", dir);
	p[4] = xasprintf("%s/device", dir);
	p[5] = xasprintf("%s/to-fifo.yaml", dir);
	p[6] = xasprintf("%s/loop.yaml", dir);
	p[7] = xasprintf("%s/dangling.yaml", dir);
	assert_true(paths_write_atomic(p[0], 0, fill_text, "target\n"));
	assert_int_equal(symlink("dotfiles/notes.yaml", p[1]), 0);
	assert_int_equal(symlink(p[1], p[2]), 0);
	assert_int_equal(mkfifo(p[3], 0600), 0);
	make_device(p[4]);
	assert_int_equal(symlink("fifo", p[5]), 0);
	assert_int_equal(symlink("loop.yaml", p[6]), 0);
	assert_int_equal(symlink("dotfiles/new.yaml", p[7]), 0);

	assert_resolves(p[0], p[0]);
	assert_resolves(p[2], p[0]);
	s = xasprintf("%s/dotfiles/new.yaml", dir);
	assert_resolves(p[7], s);
	errno = 0;
	assert_null(paths_resolve(p[6]));
	assert_int_equal(errno, ELOOP);

	/* Through two links: the target changes, both links stay links. */
	assert_true(paths_write_atomic(p[2], PATHS_DURABLE, fill_text, "through the links\n"));
	assert_file_reads(p[0], "through the links\n");
	assert_int_equal(lstat(p[1], &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(p[2], &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	/* A dangling link: its target is created, beside the other. */
	assert_true(paths_write_atomic(p[7], 0, fill_text, "new\n"));
	assert_file_reads(s, "new\n");
	assert_int_equal(lstat(p[7], &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	free(s);

	/* A FIFO, a device, a link to a FIFO, a directory: refused, untouched. */
	for (int i = 3; i <= 5; i++) {
		errno = 0;
		assert_false(paths_may_replace(i == 5 ? p[3] : p[i]));
		errno = 0;
		assert_false(paths_write_atomic(p[i], 0, fill_text, "never\n"));
		assert_int_equal(errno, E_NOT_REGULAR);
	}
	assert_int_equal(lstat(p[3], &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(stat(p[4], &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_false(paths_write_atomic(dir, 0, fill_text, "never\n"));
	assert_int_equal(errno, E_NOT_REGULAR);
	errno = 0;
	assert_false(paths_write_atomic(p[6], 0, fill_text, "never\n"));
	assert_int_equal(errno, ELOOP);
	/* Nothing was left beside them. */
	assert_int_equal(count_entries(dir), 8);

	/* A FIFO where the temporary file goes (a killed writer's name) is
	 * removed, not opened: opening it for writing would wait forever. */
	s = xasprintf("%s.tmp", p[0]);
	assert_int_equal(mkfifo(s, 0600), 0);
	assert_true(paths_write_atomic(p[0], PATHS_LOCKED, fill_text, "no hang\n"));
	assert_file_reads(p[0], "no hang\n");
	assert_int_equal(access(s, F_OK), -1);
	free(s);
	s = xasprintf("%s/dotfiles", dir);
	assert_int_equal(count_entries(s), 2); /* notes.yaml and new.yaml, no leftovers */
	free(s);
	for (size_t i = 0; i < ARRAY_SIZE(p); i++)
		free(p[i]);
	assert_int_equal(remove_tree(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xdg_homes),
		cmocka_unit_test(test_mkdirs),
		cmocka_unit_test(test_write_atomic),
		cmocka_unit_test(test_links_and_non_regular),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
