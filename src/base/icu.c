/* icu.c — cleanup registry for cached ICU objects. */
#include "config.h"

#include "base/icu.h"

#include <unicode/uclean.h>

#include "base/util.h"

static void (*fns[16])(void);
static size_t n_fns;

void icu_on_cleanup(void (*fn)(void))
{
	for (size_t i = 0; i < n_fns; i++)
		if (fns[i] == fn)
			return;
	if (n_fns == ARRAY_SIZE(fns))
		die("internal error: too many ICU cleanup functions");
	fns[n_fns++] = fn;
}

void icu_cleanup(void)
{
	for (size_t i = n_fns; i-- > 0;)
		fns[i]();
	n_fns = 0;
	u_cleanup();
}
