/* session.c — the reader's last place, as a small YAML file. */
#include "config.h"

#include "reader/session.h"

#include <errno.h>
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

static void session_copy(struct session *dst, const struct session *src)
{
	session_free(dst);
	*dst = *src;
	dst->collection = src->collection ? xstrdup(src->collection) : NULL;
	dst->country = src->country ? xstrdup(src->country) : NULL;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether b is a step away from a that must be written at once. */
static bool moved_far(const struct session *a, const struct session *b)
{
	return !same_str(a->collection, b->collection) || !same_str(a->country, b->country) ||
	       a->year != b->year || a->anchor.section != b->anchor.section ||
	       a->tree_by_year != b->tree_by_year || a->tree_hidden != b->tree_hidden ||
	       a->tree_width != b->tree_width;
}

static bool same_place(const struct session *a, const struct session *b)
{
	return !moved_far(a, b) && a->anchor.block == b->anchor.block && a->anchor.offset == b->anchor.offset;
}

void session_saver_init(struct session_saver *sv, const char *path)
{
	memset(sv, 0, sizeof(*sv));
	sv->path = xstrdup(path);
}

static bool write_now(struct session_saver *sv, const struct session *s, double now, struct diags *d)
{
	bool ok;

	errno = 0;
	ok = session_save(s, sv->path);
	/* Said once: a reader that cannot save should not say so every key. */
	if (!ok && !sv->failed)
		diags_add(d, DIAG_WARNING, sv->path, 0, 0, "cannot save the reader's place: %s",
			  file_error(errno ? errno : EIO));
	sv->failed |= !ok;
	session_copy(&sv->last, s);
	sv->have_last = true;
	sv->pending = false;
	sv->last_time = now;
	return ok;
}

int session_saver_offer(struct session_saver *sv, const struct session *cur, double now, struct diags *d)
{
	double due;

	if (!cur->collection || (sv->have_last && same_place(&sv->last, cur))) {
		sv->pending = false;
		return -1;
	}
	if (!sv->have_last || moved_far(&sv->last, cur) || now - sv->last_time >= SESSION_THROTTLE) {
		write_now(sv, cur, now, d);
		return -1;
	}
	session_copy(&sv->next, cur);
	sv->pending = true;
	due = sv->last_time + SESSION_THROTTLE - now;
	return due > 0 ? (int)(due * 1000) + 1 : 0;
}

bool session_saver_flush(struct session_saver *sv, struct diags *d)
{
	return !sv->pending || write_now(sv, &sv->next, sv->last_time, d);
}

void session_saver_free(struct session_saver *sv)
{
	free(sv->path);
	session_free(&sv->last);
	session_free(&sv->next);
	memset(sv, 0, sizeof(*sv));
}
