/* session.c — the reader's last place, as a small YAML file. */
#include "config.h"

#include "reader/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/json.h"
#include "base/paths.h"
#include "base/util.h"
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

static long number(const struct ynode *root, const char *key, long min, long max, long def)
{
	const struct ynode *n = ynode_get(root, key);
	char *end;
	long v;

	if (!n || n->kind != YNODE_SCALAR)
		return def;
	v = strtol(n->str, &end, 10);
	return *n->str && !*end && v >= min && v <= max ? v : def;
}

static char *string(const struct ynode *root, const char *key)
{
	const struct ynode *n = ynode_get(root, key);

	return n && n->kind == YNODE_SCALAR && n->len && !memchr(n->str, '\0', n->len) ? xstrdup(n->str)
										     : NULL;
}

bool session_load(struct session *s, const char *path, struct diags *d)
{
	struct arena *a;
	const struct ynode *root;
	struct diags local = {0};

	memset(s, 0, sizeof(*s));
	if (access(path, F_OK) != 0)
		return false;
	a = arena_new();
	root = yaml_load_file(path, &yaml_content_limits, a, &local);
	if (root && root->kind == YNODE_MAP) {
		s->collection = string(root, "collection");
		s->country = string(root, "country");
		s->year = (int)number(root, "year", 0, 9999, 0);
		s->anchor.section = (int)number(root, "section", -1, 100000, -1);
		s->anchor.block = (size_t)number(root, "block", 0, 10000000, 0);
		s->anchor.offset = (size_t)number(root, "offset", 0, 1L << 30, 0);
		s->tree_by_year = number(root, "tree-by-year", 0, 1, 0);
		s->tree_hidden = number(root, "tree-hidden", 0, 1, 0);
		s->tree_width = (int)number(root, "tree-width", 0, 1000, 0);
	}
	diags_take(d, &local);
	diags_free(&local);
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

	/* JSON strings are YAML double-quoted scalars. */
	fputs("# tipr reader state: where to reopen.\ncollection: ", f);
	json_string(f, s->collection ? s->collection : "");
	fputs("\ncountry: ", f);
	json_string(f, s->country ? s->country : "");
	fprintf(f, "\nyear: %d\nsection: %d\nblock: %zu\noffset: %zu\n", s->year, s->anchor.section,
		s->anchor.block, s->anchor.offset);
	fprintf(f, "tree-by-year: %d\ntree-hidden: %d\ntree-width: %d\n", s->tree_by_year, s->tree_hidden,
		s->tree_width);
	return true;
}

bool session_save(const struct session *s, const char *path)
{
	return paths_write_atomic(path, PATHS_DURABLE, write_state, (void *)s);
}
