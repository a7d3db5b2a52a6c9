/* test_cleanup.c — temporary files go when a signal ends the process; a
 * deferred first signal is only recorded, a second one ends it. */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/cleanup.h"
#include "base/util.h"

static char *make_file(const char *dir, const char *name)
{
	char *path = path_join(dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fclose(f);
	return path;
}

/* Runs body in a child; returns its wait status. */
static int in_child(void (*body)(const char *dir), const char *dir)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		body(dir);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void killed_with_files(const char *dir)
{
	char *kept = make_file(dir, "kept"), *temp = make_file(dir, "temp.tmp");

	cleanup_install();
	cleanup_add_file(kept);
	cleanup_add_file(temp);
	cleanup_remove_file(kept); /* renamed into place: not ours to remove */
	raise(SIGTERM);
	_exit(3);
}

static void deferred_then_twice(const char *dir)
{
	char *temp = make_file(dir, "deferred.tmp");

	cleanup_install();
	cleanup_add_file(temp);
	cleanup_defer(true);
	raise(SIGINT);
	if (cleanup_pending() != SIGINT || access(temp, F_OK) != 0)
		_exit(4);
	raise(SIGHUP); /* the second: at once */
	_exit(5);
}

static void test_signals(void **state)
{
	char dir[] = "/tmp/tipr-cleanup-XXXXXX";
	char *path;
	int status;

	(void)state;
	assert_non_null(mkdtemp(dir));
	status = in_child(killed_with_files, dir);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	path = path_join(dir, "temp.tmp");
	assert_int_not_equal(access(path, F_OK), 0);
	free(path);
	path = path_join(dir, "kept");
	assert_int_equal(access(path, F_OK), 0);
	unlink(path);
	free(path);

	status = in_child(deferred_then_twice, dir);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGHUP);
	path = path_join(dir, "deferred.tmp");
	assert_int_not_equal(access(path, F_OK), 0);
	free(path);
	assert_int_equal(rmdir(dir), 0);
}

static void test_table(void **state)
{
	char name[32];

	(void)state;
	/* A full table says so; removing what was never added is harmless. */
	for (int i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), "/nonexistent/%d", i);
		assert_true(cleanup_add_file(name));
	}
	assert_false(cleanup_add_file("/nonexistent/17"));
	cleanup_remove_file("/nonexistent/never");
	for (int i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), "/nonexistent/%d", i);
		cleanup_remove_file(name);
	}
	assert_true(cleanup_add_file("/nonexistent/again"));
	cleanup_remove_file("/nonexistent/again");
	assert_int_equal(cleanup_pending(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
