/* session.c — the reader's last place, as a small YAML file. */
#include "config.h"

#include "reader/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/paths.h"
#include "base/util.h"
#include "base/yamlout.h"
#include "base/yamltree.h"

char *session_path(void)
{
	char *dir = paths_state_home(), *path = path_join(dir, "state.yaml");

	free(dir);
	return path;
}

void session_free(struct session *s)
{
	free(s->collection);
	free(s->country);
	memset(s, 0, sizeof(*s));
}

/* A field of the state; a bad value is reported and the default used. */
static long number(const struct ynode *root, const char *key, long min, long max, long def,
		   const char *path, struct diags *d)
{
	long long v;

	return ynode_number(root, key, YNODE_OPTIONAL, min, max, &v, path, d) ? (long)v : def;
}

static char *string(const struct ynode *root, const char *key, const char *path, struct diags *d)
{
	const char *s = ynode_text(root, key, YNODE_OPTIONAL, path, d);

	return s && *s ? xstrdup(s) : NULL;
}

bool session_load(struct session *s, const char *path, struct diags *d)
{
	struct arena *a;
	const struct ynode *root;

	memset(s, 0, sizeof(*s));
	if (access(path, F_OK) != 0)
		return false;
	a = arena_new();
	root = yaml_load_file(path, &yaml_content_limits, a, d);
	if (root && ynode_expect(root, YNODE_MAP, "the reader's state", path, d)) {
		s->collection = string(root, "collection", path, d);
		s->country = string(root, "country", path, d);
		s->year = (int)number(root, "year", 0, 9999, 0, path, d);
		s->anchor.section = (int)number(root, "section", -1, 100000, -1, path, d);
		s->anchor.block = (size_t)number(root, "block", 0, 10000000, 0, path, d);
		s->anchor.offset = (size_t)number(root, "offset", 0, 1L << 30, 0, path, d);
		s->tree_by_year = number(root, "tree-by-year", 0, 1, 0, path, d);
		s->tree_hidden = number(root, "tree-hidden", 0, 1, 0, path, d);
		s->tree_width = (int)number(root, "tree-width", 0, 1000, 0, path, d);
	}
	arena_free(a);
	if (!s->collection || !s->country) {
		session_free(s);
		return false;
	}
	return true;
}

static bool write_state(FILE *f, void *arg)
{
	const struct session *s = arg;
	struct strbuf sb = {0};

	sb_adds(&sb, "# tipr reader state: where to reopen.\ncollection: ");
	yamlout_quoted(&sb, s->collection ? s->collection : "");
	sb_adds(&sb, "\ncountry: ");
	yamlout_quoted(&sb, s->country ? s->country : "");
	sb_addf(&sb, "\nyear: %d\nsection: %d\nblock: %zu\noffset: %zu\n", s->year, s->anchor.section,
		s->anchor.block, s->anchor.offset);
	sb_addf(&sb, "tree-by-year: %d\ntree-hidden: %d\ntree-width: %d\n", s->tree_by_year,
		s->tree_hidden, s->tree_width);
	fwrite(sb.buf, 1, sb.len, f);
	sb_free(&sb);
	return !ferror(f);
}

bool session_save(const struct session *s, const char *path)
{
	return paths_write_atomic(path, PATHS_DURABLE, write_state, (void *)s);
}
