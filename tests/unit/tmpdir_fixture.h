/* tmpdir_fixture.h — a test program's temporary directory: made in setup,
 * removed with what is under it in teardown.  Included by one test
 * program each (the definitions are its own). */
#ifndef TIPR_TEST_TMPDIR_FIXTURE_H
#define TIPR_TEST_TMPDIR_FIXTURE_H

#include <stdlib.h>

#include "base/util.h"

static char tmpdir[] = "/tmp/tipr-test-XXXXXX";

/* Removes dir and everything under it; 0 when that worked. */
static inline int remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int status = system(cmd);

	free(cmd);
	return status == 0 ? 0 : -1;
}

static inline int tmpdir_setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static inline int tmpdir_teardown(void **state)
{
	(void)state;
	return remove_tree(tmpdir);
}

#endif
