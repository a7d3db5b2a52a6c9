/* fuzz_theme.c — the theme loader on arbitrary bytes: a theme or the
 * default, and every problem reported, never a crash. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "style/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct theme t;
	struct diags d = {0};
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof(path), "/tmp/tipr-fuzz-theme-%ld.yaml", (long)getpid());
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	if (!theme_load(&t, path, &d) && !d.n_errors)
		abort(); /* a refusal always says why */
	unlink(path);
	theme_free(&t);
	diags_free(&d);
	return 0;
}
