/* fuzz_replay.c — replays every input kept under tests/data/fuzz/TARGET/
 * (crashes the fuzzers found, and seeds) through that target's harness, so a
 * fixed bug stays fixed.  Linked with one fuzz/fuzz_TARGET.c. */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/icu.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void replay_all(void **state)
{
	char *dir = xasprintf("%s/tests/data/fuzz/%s", TIPR_SRCDIR, FUZZ_TARGET);
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		char *path;
		char *buf;
		size_t len;

		if (e->d_name[0] == '.')
			continue;
		path = path_join(dir, e->d_name);
		buf = read_file(path, 1 << 24, &len);
		assert_non_null(buf);
		print_message("# replay %s\n", e->d_name);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
		free(buf);
		free(path);
		n++;
	}
	closedir(d);
	free(dir);
	assert_true(n > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(replay_all) };
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	icu_cleanup();
	return r;
}
