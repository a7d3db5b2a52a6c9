/* test_cachefile.c — the cache format: the checksum, stamps, writing and
 * reading parts, every damaged byte refused, files cut short or not
 * regular, and temporary files removed on signals (through cleanup.h) and
 * after SIGKILL. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/cachefile.h"
#include "base/util.h"
#include "tmpdir_fixture.h"


/* Files in dir whose name contains ".tmp". */
static size_t temp_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strstr(e->d_name, ".tmp") != NULL;
	closedir(d);
	return n;
}

static void test_checksum(void **state)
{
	unsigned char buf[200];
	uint64_t whole;

	(void)state;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 37 + 11);
	whole = cache_checksum(buf, sizeof(buf));
	/* Any split into pieces gives the same sum. */
	for (size_t step = 1; step < 70; step += 3) {
		struct cache_sum s;

		cache_sum_init(&s);
		for (size_t i = 0; i < sizeof(buf); i += step)
			cache_sum_add(&s, buf + i, i + step <= sizeof(buf) ? step : sizeof(buf) - i);
		assert_true(cache_sum_final(&s) == whole);
	}
	/* Every single flipped bit, and every length, changes it. */
	for (size_t i = 0; i < sizeof(buf); i++)
		for (int bit = 0; bit < 8; bit++) {
			buf[i] ^= (unsigned char)(1u << bit);
			assert_true(cache_checksum(buf, sizeof(buf)) != whole);
			buf[i] ^= (unsigned char)(1u << bit);
		}
	for (size_t n = 0; n < sizeof(buf); n++)
		assert_true(cache_checksum(buf, n) != whole);
}

/* Waits until the file system's clock has moved past stamp's ctime, so
 * that a change now gets another ctime (timestamps move by clock ticks). */
static void wait_for_tick(const struct cache_stamp *stamp)
{
	char *probe = xasprintf("%s/probe", tmpdir);
	struct cache_stamp p;

	do {
		struct timespec ms = { 0, 1000000 };

		close(open(probe, O_CREAT | O_WRONLY | O_TRUNC, 0600));
		assert_true(cache_stamp_path(probe, &p));
		nanosleep(&ms, NULL);
	} while (p.ctime_sec == stamp->ctime_sec && p.ctime_nsec == stamp->ctime_nsec);
	unlink(probe);
	free(probe);
}

static void test_stamps(void **state)
{
	char *path = xasprintf("%s/stamped", tmpdir);
	struct cache_stamp a, b;
	struct timespec times[2];
	FILE *f = fopen(path, "w");
	int64_t last;

	(void)state;
	assert_non_null(f);
	fputs("same size", f);
	assert_int_equal(fclose(f), 0);
	assert_true(cache_stamp_path(path, &a));
	assert_true(cache_stamp_path(path, &b));
	assert_true(cache_stamp_equal(&a, &b));
	/* Settled two seconds after its last change, measured from the stamp
	 * itself: a file's time stamp can be a second ahead of time(), which
	 * reads the kernel's coarse clock. */
	last = a.mtime_sec > a.ctime_sec ? a.mtime_sec : a.ctime_sec;
	assert_false(cache_stamp_settled(&a, (time_t)last));
	assert_false(cache_stamp_settled(&a, (time_t)last + 1));
	assert_true(cache_stamp_settled(&a, (time_t)last + 2));
	/* The same size, the mtime put back as it was (touch -d, cp -p):
	 * only the ctime tells. */
	wait_for_tick(&a);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("SAME SIZE", f);
	assert_int_equal(fclose(f), 0);
	times[0] = times[1] = (struct timespec){ (time_t)a.mtime_sec, (long)a.mtime_nsec };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	assert_true(cache_stamp_path(path, &b));
	assert_int_equal(b.size, a.size);
	assert_true(b.mtime_sec == a.mtime_sec && b.mtime_nsec == a.mtime_nsec);
	assert_false(cache_stamp_equal(&a, &b));
	assert_false(cache_stamp_path("/nonexistent/tipr", &b));
	free(path);
}

/* A source read now is young: its bytes decide, even when an edit keeps
 * the size and every time stamp (the same clock tick). */
static void test_sources(void **state)
{
	char *path = xasprintf("%s/source", tmpdir), *buf;
	struct cache_source src;
	struct timespec times[2];
	size_t len;
	FILE *f = fopen(path, "w");

	(void)state;
	assert_non_null(f);
	fputs("twelve bytes", f);
	assert_int_equal(fclose(f), 0);
	buf = cache_read_source(path, 100, &len, &src);
	assert_non_null(buf);
	assert_string_equal(buf, "twelve bytes");
	free(buf);
	assert_int_equal(src.settled, 0);
	assert_true(cache_source_current(path, NULL, &src));
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("TWELVE BYTES", f);
	assert_int_equal(fclose(f), 0);
	times[0] = times[1] = (struct timespec){ (time_t)src.stamp.mtime_sec, (long)src.stamp.mtime_nsec };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	assert_false(cache_source_current(path, NULL, &src));
	/* Settled, the stamp alone decides: the file is not read. */
	buf = cache_read_source(path, 100, &len, &src);
	free(buf);
	src.settled = 1;
	src.sum = 0;
	assert_true(cache_source_current(path, NULL, &src));
	assert_null(cache_read_source(path, 5, &len, &src));
	assert_int_equal(errno, EFBIG);
	unlink(path);
	assert_false(cache_source_current(path, NULL, &src));
	free(path);
}

static const char MAGIC[8] = "TIPRTEST";

/* A cache of three parts: "alpha", 5,000 numbered bytes, and nothing. */
static void write_sample(const char *path)
{
	struct cachefile_writer *w = cachefile_create(path, MAGIC, 7, 3);
	unsigned char big[5000];

	assert_non_null(w);
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (unsigned char)i;
	assert_true(cachefile_write(w, "al", 2));
	assert_true(cachefile_write(w, "pha", 3));
	cachefile_next_part(w);
	assert_true(cachefile_write(w, big, sizeof(big)));
	assert_true(cachefile_commit(w));
}

/* Reads every part back; false as soon as anything is refused. */
static bool read_sample(const char *path)
{
	struct cachefile *cf = cachefile_open(path, MAGIC, 7, 3);
	unsigned char some[100];
	char *p;
	size_t len;
	bool ok;

	if (!cf)
		return false;
	p = cachefile_read_part(cf, 0, 1000, &len);
	ok = p && len == 5 && !strcmp(p, "alpha");
	free(p);
	p = ok ? cachefile_read_part(cf, 1, 10000, &len) : NULL;
	ok = p && len == 5000;
	for (size_t i = 0; ok && i < len; i++)
		ok = (unsigned char)p[i] == (unsigned char)i;
	free(p);
	p = ok ? cachefile_read_part(cf, 2, 10, &len) : NULL;
	ok = p && len == 0;
	free(p);
	if (ok) {
		/* A range, with and without a checksum to hold it to. */
		unsigned char want[100];
		uint64_t sum;

		for (size_t i = 0; i < sizeof(want); i++)
			want[i] = (unsigned char)(i + 300);
		sum = cache_checksum(want, sizeof(want));
		ok = cachefile_read(cf, 1, 300, some, sizeof(some), &sum) && !memcmp(some, want, sizeof(want));
	}
	cachefile_close(cf);
	return ok;
}

static void test_write_read(void **state)
{
	char *path = xasprintf("%s/sub/dir/sample.bin", tmpdir), *dir = xasprintf("%s/sub/dir", tmpdir);
	struct cachefile *cf;
	unsigned char some[16];
	uint64_t wrong = 0;
	size_t len;

	(void)state;
	write_sample(path);
	assert_int_equal(temp_files(dir), 0);
	assert_true(read_sample(path));
	cf = cachefile_open(path, MAGIC, 7, 3);
	assert_non_null(cf);
	assert_int_equal(cachefile_part_len(cf, 1), 5000);
	assert_false(cachefile_read(cf, 1, 4990, some, sizeof(some), NULL)); /* past the part */
	assert_false(cachefile_read(cf, 3, 0, some, 1, NULL));               /* no such part */
	assert_false(cachefile_read(cf, 1, 0, some, sizeof(some), &wrong));  /* not these bytes */
	assert_null(cachefile_read_part(cf, 1, 4999, &len));                /* over the cap */
	cachefile_close(cf);
	/* Another magic, version or shape is not this cache. */
	assert_null(cachefile_open(path, "TIPROTHR", 7, 3));
	assert_int_equal(errno, EINVAL);
	assert_null(cachefile_open(path, MAGIC, 8, 3));
	assert_null(cachefile_open(path, MAGIC, 7, 2));
	assert_null(cachefile_load(path, MAGIC, 7, 100, &len));
	errno = 0;
	assert_null(cachefile_open("/nonexistent/tipr.bin", MAGIC, 7, 3));
	assert_int_equal(errno, ENOENT);
	/* A single-part cache, in one call each way. */
	{
		char *one = xasprintf("%s/one.bin", tmpdir), *got;
		struct cachefile_writer *w = cachefile_create(one, MAGIC, 1, 1);

		assert_non_null(w);
		assert_true(cachefile_write(w, "whole", 5));
		assert_true(cachefile_commit(w));
		got = cachefile_load(one, MAGIC, 1, 100, &len);
		assert_non_null(got);
		assert_string_equal(got, "whole");
		free(got);
		free(one);
	}
	/* Abandoned: nothing is left. */
	{
		char *gone = xasprintf("%s/gone.bin", tmpdir);
		struct cachefile_writer *w = cachefile_create(gone, MAGIC, 1, 1);

		assert_non_null(w);
		assert_int_equal(temp_files(tmpdir), 1);
		cachefile_abort(w);
		assert_int_equal(temp_files(tmpdir), 0);
		assert_int_equal(access(gone, F_OK), -1);
		free(gone);
	}
	/* Where nothing can be created. */
	assert_null(cachefile_create("/dev/null/tipr/x.bin", MAGIC, 1, 1));
	free(dir);
	free(path);
}

/* Every byte of the file flipped in turn: the cache is refused, never read
 * as something else; and every length it could be cut to. */
static void test_damage(void **state)
{
	char *path = xasprintf("%s/damaged.bin", tmpdir);
	size_t len;
	char *orig;
	struct cachefile *cf;
	unsigned char some[10];

	(void)state;
	write_sample(path);
	orig = read_file(path, 1 << 20, &len);
	assert_non_null(orig);
	for (size_t i = 0; i < len; i++) {
		FILE *f = fopen(path, "r+b");

		assert_non_null(f);
		fseek(f, (long)i, SEEK_SET);
		fputc(orig[i] ^ 0x20, f);
		assert_int_equal(fclose(f), 0);
		if (read_sample(path))
			fail_msg("a flipped byte at %zu of %zu passed", i, len);
		f = fopen(path, "r+b");
		fseek(f, (long)i, SEEK_SET);
		fputc(orig[i], f);
		assert_int_equal(fclose(f), 0);
	}
	assert_true(read_sample(path));
	for (size_t n = 0; n < len; n += 97) {
		assert_int_equal(truncate(path, (off_t)n), 0);
		assert_false(read_sample(path));
	}
	/* Cut short underneath an open reader: a failed read, not a crash. */
	write_sample(path);
	cf = cachefile_open(path, MAGIC, 7, 3);
	assert_non_null(cf);
	assert_int_equal(truncate(path, 100), 0);
	assert_false(cachefile_read(cf, 1, 4000, some, sizeof(some), NULL));
	cachefile_close(cf);
	free(orig);
	free(path);
}

static void test_not_regular(void **state)
{
	char *fifo = xasprintf("%s/fifo.bin", tmpdir);
	size_t len;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* Opened without blocking, and refused. */
	assert_null(cachefile_open(fifo, MAGIC, 7, 3));
	assert_int_equal(errno, E_NOT_REGULAR);
	assert_null(cachefile_load(tmpdir, MAGIC, 7, 10, &len));
	unlink(fifo);
	free(fifo);
}

/* A child that starts writing a cache in dir and then gets sig. */
static int child_interrupted(const char *dir, int sig)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		char *path = path_join(dir, "interrupted.bin");
		struct cachefile_writer *w;

		w = cachefile_create(path, MAGIC, 1, 1);
		if (!w || !cachefile_write(w, "partial", 7))
			_exit(3);
		if (sig == SIGKILL)
			kill(getpid(), SIGKILL);
		raise(sig);
		_exit(4); /* not reached: the signal ends the process */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_signals(void **state)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	char *dir = xasprintf("%s/signals", tmpdir), *live, *path;
	struct cachefile_writer *w;
	int status;

	(void)state;
	assert_int_equal(mkdir(dir, 0700), 0);
	for (size_t i = 0; i < ARRAY_SIZE(sigs); i++) {
		status = child_interrupted(dir, sigs[i]);
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sigs[i]);
		assert_int_equal(temp_files(dir), 0);
	}
	/* SIGKILL cannot be caught: the file stays until the next writer in
	 * the directory sees that its process is gone.  A live process's file
	 * (pid 1's) is left alone. */
	status = child_interrupted(dir, SIGKILL);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(temp_files(dir), 1);
	live = xasprintf("%s/other.bin.tmp1.0", dir);
	close(open(live, O_CREAT | O_WRONLY, 0600));
	assert_int_equal(temp_files(dir), 2);
	path = path_join(dir, "next.bin");
	w = cachefile_create(path, MAGIC, 1, 1);
	assert_non_null(w);
	cachefile_abort(w);
	assert_int_equal(temp_files(dir), 1);
	assert_int_equal(access(live, F_OK), 0);
	free(path);
	free(live);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checksum),    cmocka_unit_test(test_stamps),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_write_read),  cmocka_unit_test(test_damage),
		cmocka_unit_test(test_not_regular), cmocka_unit_test(test_signals),
	};

	return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
