/* settings.c — config.yaml (see settings.h). */
#include "config.h"

#include "reader/settings.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/paths.h"
#include "base/util.h"
#include "base/yamltree.h"

char *settings_path(void)
{
	char *dir = paths_config_home(), *path = path_join(dir, "config.yaml");

	free(dir);
	return path;
}

void settings_free(struct settings *s)
{
	free(s->theme);
	s->theme = NULL;
}

bool settings_load(struct settings *s, const char *path, struct diags *d)
{
	static const char *const keys[] = { "theme", NULL };
	struct arena *a;
	const struct ynode *root;
	const char *theme;
	struct stat st;
	size_t before = d->n_errors;

	settings_free(s);
	/* No file, or an empty one, means no settings. */
	if (stat(path, &st) != 0 || (S_ISREG(st.st_mode) && st.st_size == 0))
		return true;
	a = arena_new();
	root = yaml_load_file(path, &yaml_content_limits, a, d);
	if (root && !ynode_is_null(root) && ynode_expect(root, YNODE_MAP, "the settings", path, d)) {
		ynode_check_keys(root, keys, path, d);
		if ((theme = ynode_text(root, "theme", YNODE_OPTIONAL, path, d)))
			s->theme = xstrdup(theme);
	}
	arena_free(a);
	return d->n_errors == before;
}
