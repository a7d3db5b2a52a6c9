/* theme.c — the built-in theme and theme files. */
#include "config.h"

#include "style/theme.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/paths.h"
#include "base/util.h"
#include "base/yamltree.h"

static const char *const role_names[] = {
#define THEME_ROLE_NAME(id, name) name,
	THEME_ROLES(THEME_ROLE_NAME)
#undef THEME_ROLE_NAME
};

const char *theme_role_name(enum theme_role r)
{
	return r < ROLE__COUNT ? role_names[r] : "";
}

enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, GREY, BRIGHT_RED, BRIGHT_GREEN,
       BRIGHT_YELLOW, BRIGHT_BLUE, BRIGHT_MAGENTA, BRIGHT_CYAN, BRIGHT_WHITE };
#define D THEME_DEFAULT_COLOR

void theme_builtin(struct theme *t)
{
	static const struct theme_style dark[ROLE__COUNT] = {
		[ROLE_TEXT] = { D, D, 0 },
		[ROLE_TITLE] = { BRIGHT_WHITE, D, THEME_BOLD },
		[ROLE_META] = { CYAN, D, 0 },
		[ROLE_NOTICE] = { YELLOW, D, 0 },
		[ROLE_HEADING] = { BRIGHT_CYAN, D, THEME_BOLD },
		[ROLE_REC_NUMBER] = { YELLOW, D, THEME_BOLD },
		[ROLE_REC_TEXT] = { BRIGHT_WHITE, D, 0 },
		[ROLE_TIER1] = { GREEN, D, THEME_BOLD },
		[ROLE_TIER2] = { BLUE, D, THEME_BOLD },
		[ROLE_TIER2WL] = { YELLOW, D, THEME_BOLD },
		[ROLE_TIER3] = { RED, D, THEME_BOLD },
		[ROLE_SPECIAL] = { MAGENTA, D, THEME_BOLD },
		[ROLE_EXCERPT] = { YELLOW, D, 0 },
		[ROLE_TREE] = { D, D, 0 },
		[ROLE_TREE_GROUP] = { D, D, THEME_BOLD },
		[ROLE_TREE_SELECTED] = { BLACK, CYAN, 0 },
		[ROLE_TREE_CURRENT] = { BRIGHT_CYAN, D, THEME_BOLD },
		[ROLE_BORDER] = { GREY, D, 0 },
		[ROLE_STATUS] = { BLACK, WHITE, 0 },
		[ROLE_HINT] = { GREY, D, 0 },
		[ROLE_MESSAGE] = { YELLOW, D, THEME_BOLD },
		[ROLE_ERROR] = { BRIGHT_RED, D, THEME_BOLD },
		[ROLE_MATCH] = { BLACK, YELLOW, 0 },
		[ROLE_MATCH_CURRENT] = { BLACK, BRIGHT_YELLOW, THEME_BOLD | THEME_UNDERLINE },
		[ROLE_PROMPT] = { D, D, THEME_BOLD },
		[ROLE_HELP_KEY] = { BRIGHT_CYAN, D, THEME_BOLD },
		[ROLE_INSERT] = { BLACK, GREEN, 0 },
		[ROLE_DELETE] = { BLACK, RED, 0 },
		[ROLE_MOVED] = { BLACK, MAGENTA, 0 },
		[ROLE_SELECTION] = { D, D, THEME_REVERSE },
		/* Highlighter colours (the order of enum ann_color), dark text on them. */
		[ROLE_NOTE_YELLOW] = { BLACK, 178, 0 },
		[ROLE_NOTE_GREEN] = { BLACK, 107, 0 },
		[ROLE_NOTE_BLUE] = { BLACK, 68, 0 },
		[ROLE_NOTE_PINK] = { BLACK, 211, 0 },
		[ROLE_NOTE_RED] = { BLACK, 167, 0 },
		[ROLE_NOTE_PURPLE] = { BLACK, 140, 0 },
		[ROLE_NOTE_ORANGE] = { BLACK, 208, 0 },
		[ROLE_NOTE_MARKER] = { BRIGHT_YELLOW, D, THEME_BOLD },
	};

	memset(t, 0, sizeof(*t));
	t->name = xstrdup("default");
	memcpy(t->roles, dark, sizeof(dark));
}

void theme_free(struct theme *t)
{
	free(t->name);
	t->name = NULL;
}

/* The xterm 256-colour palette's RGB, for reducing colours. */
static void rgb_of(int c, int rgb[3])
{
	static const int basic[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 }, { 0, 0, 238 }, { 205, 0, 205 },
		{ 0, 205, 205 }, { 229, 229, 229 }, { 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 },
		{ 255, 255, 0 }, { 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };

	if (c < 16) {
		memcpy(rgb, basic[c], sizeof(basic[c]));
	} else if (c < 232) {
		rgb[0] = level[(c - 16) / 36];
		rgb[1] = level[(c - 16) / 6 % 6];
		rgb[2] = level[(c - 16) % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + (c - 232) * 10;
	}
}

static int nearest(const int rgb[3], int from, int to)
{
	int best = from;
	long best_d = -1;

	for (int c = from; c < to; c++) {
		int x[3];
		long dist = 0;

		rgb_of(c, x);
		for (int k = 0; k < 3; k++)
			dist += (long)(x[k] - rgb[k]) * (x[k] - rgb[k]);
		if (best_d < 0 || dist < best_d) {
			best_d = dist;
			best = c;
		}
	}
	return best;
}

int theme_color8(int color)
{
	int rgb[3];

	if (color < 0)
		return color;
	if (color < 16)
		return color % 8;
	rgb_of(color, rgb);
	return nearest(rgb, 0, 8);
}

static int parse_color(const char *s)
{
	static const char *const names[] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	};
	long long n;

	if (!strcasecmp(s, "default") || !strcasecmp(s, "none"))
		return THEME_DEFAULT_COLOR;
	if (!strcasecmp(s, "grey") || !strcasecmp(s, "gray") || !strcasecmp(s, "bright-black"))
		return GREY;
	for (int i = 0; i < 8; i++) {
		if (!strcasecmp(s, names[i]))
			return i;
		if (!strncasecmp(s, "bright-", 7) && !strcasecmp(s + 7, names[i]))
			return i + 8;
	}
	if (s[0] == '#' && strlen(s) == 7) {
		int rgb[3];

		for (int k = 0; k < 3; k++) {
			char hex[3] = { s[1 + 2 * k], s[2 + 2 * k], 0 };

			if (!isxdigit((unsigned char)hex[0]) || !isxdigit((unsigned char)hex[1]))
				return -2;
			rgb[k] = (int)strtol(hex, NULL, 16);
		}
		return nearest(rgb, 16, 256);
	}
	return num_parse(s, 0, 255, &n) == NUM_OK ? (int)n : -2;
}

static bool parse_attrs(const struct ynode *n, unsigned *attrs, const char *path, struct diags *d)
{
	static const struct {
		const char *name;
		unsigned bit;
	} known[] = {
		{ "bold", THEME_BOLD }, { "underline", THEME_UNDERLINE }, { "reverse", THEME_REVERSE },
		{ "dim", THEME_DIM }, { "italic", THEME_ITALIC },
	};
	bool ok = true;

	if (!ynode_expect(n, YNODE_SEQ, "attrs", path, d))
		return false;
	*attrs = 0;
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *a = n->items[i];
		size_t k;

		for (k = 0; k < ARRAY_SIZE(known); k++)
			if (a->kind == YNODE_SCALAR && !strcmp(a->str, known[k].name))
				break;
		if (k == ARRAY_SIZE(known)) {
			diags_add(d, DIAG_ERROR, path, a->line, a->col,
				  "unknown attribute (expected bold, underline, reverse, dim or italic)");
			ok = false;
		} else {
			*attrs |= known[k].bit;
		}
	}
	return ok;
}

static bool parse_style(const struct ynode *n, struct theme_style *st, const char *path,
			struct diags *d)
{
	static const char *const keys[] = { "fg", "bg", "attrs", NULL };
	static const char *const colors[] = { "fg", "bg" };
	bool ok;

	if (!ynode_expect(n, YNODE_MAP, "role", path, d))
		return false;
	ok = ynode_check_keys(n, keys, path, d);
	for (size_t k = 0; k < 2; k++) {
		const struct ynode *c = ynode_get(n, colors[k]);
		int v;

		if (!c)
			continue;
		if (c->kind != YNODE_SCALAR || (v = parse_color(c->str)) == -2) {
			diags_add(d, DIAG_ERROR, path, c->line, c->col,
				  "%s: expected a colour name, 0-255 or #rrggbb", colors[k]);
			ok = false;
		} else if (k == 0) {
			st->fg = v;
		} else {
			st->bg = v;
		}
	}
	if (ynode_get(n, "attrs"))
		ok = parse_attrs(ynode_get(n, "attrs"), &st->attrs, path, d) && ok;
	return ok;
}

bool theme_load(struct theme *t, const char *path, struct diags *d)
{
	static const char *const keys[] = { "name", "description", "monochrome", "roles", NULL };
	struct arena *a = arena_new();
	const struct ynode *root = yaml_load_file(path, &yaml_content_limits, a, d), *roles;
	bool ok = root && ynode_expect(root, YNODE_MAP, "theme", path, d);
	size_t before = d->n_errors;
	const char *s;

	theme_builtin(t);
	if (ok)
		ok = ynode_check_keys(root, keys, path, d);
	if (ok && (s = ynode_text(root, "name", YNODE_OPTIONAL, path, d))) {
		free(t->name);
		t->name = xstrdup(s);
	}
	if (ok && (s = ynode_text(root, "monochrome", YNODE_OPTIONAL, path, d)))
		t->monochrome = !strcmp(s, "true");
	ok = ok && d->n_errors == before;
	roles = ok ? ynode_get(root, "roles") : NULL;
	if (roles && !ynode_expect(roles, YNODE_MAP, "roles", path, d)) {
		ok = false;
		roles = NULL;
	}
	for (size_t i = 0; roles && i < roles->n; i++) {
		const struct ynode *key = roles->items[2 * i];
		size_t r;

		for (r = 0; r < ROLE__COUNT; r++)
			if (key->kind == YNODE_SCALAR && !strcmp(key->str, role_names[r]))
				break;
		if (r == ROLE__COUNT) {
			diags_add(d, DIAG_ERROR, path, key->line, key->col, "unknown role '%s'",
				  key->kind == YNODE_SCALAR ? key->str : "?");
			ok = false;
			continue;
		}
		if (!parse_style(roles->items[2 * i + 1], &t->roles[r], path, d))
			ok = false;
	}
	arena_free(a);
	if (!ok) {
		theme_free(t);
		theme_builtin(t);
	}
	return ok;
}

enum theme_role theme_tier_role(enum tier t)
{
	static const enum theme_role roles[TIER__COUNT] = {
		[TIER_NONE] = ROLE_EXCERPT, [TIER_1] = ROLE_TIER1, [TIER_2] = ROLE_TIER2,
		[TIER_2WL] = ROLE_TIER2WL,  [TIER_3] = ROLE_TIER3, [TIER_SPECIAL] = ROLE_SPECIAL,
	};

	return t < TIER__COUNT ? roles[t] : ROLE_EXCERPT;
}

bool theme_load_named(struct theme *t, const char *name, struct diags *d)
{
	char *path;
	bool ok;

	theme_builtin(t);
	if (!name || !strcmp(name, "default"))
		return true;
	if (strchr(name, '/') || str_has_suffix(name, ".yaml")) {
		path = xstrdup(name);
	} else {
		char *file = xasprintf("themes/%s.yaml", name);

		path = paths_bundled(file);
		free(file);
	}
	theme_free(t);
	ok = theme_load(t, path, d);
	free(path);
	return ok;
}
