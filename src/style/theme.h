/* theme.h — colour themes: roles of the interface mapped to colours and
 * attributes, read from themes/NAME.yaml.
 *
 *   name: default
 *   roles:
 *     heading: { fg: cyan, attrs: [bold] }
 *     status:  { fg: black, bg: "#a0a0a0" }
 *
 * Colours are names (default, black, red, green, yellow, blue, magenta,
 * cyan, white, and bright- forms), 256-colour numbers or #rrggbb; the UI
 * reduces them to what the terminal has.  Model code: no curses here. */
#ifndef TIPR_THEME_H
#define TIPR_THEME_H

#include <stdbool.h>

#include "base/diag.h"
#include "content/document.h"

#define THEME_ROLES(X)                                              \
	X(TEXT, "text")                                             \
	X(TITLE, "title")                                           \
	X(META, "meta")                                             \
	X(NOTICE, "notice")                                         \
	X(HEADING, "heading")                                       \
	X(REC_NUMBER, "rec-number")                                 \
	X(REC_TEXT, "rec-text")                                     \
	X(TIER1, "tier-1")                                          \
	X(TIER2, "tier-2")                                          \
	X(TIER2WL, "tier-2wl")                                      \
	X(TIER3, "tier-3")                                          \
	X(SPECIAL, "tier-special")                                  \
	X(EXCERPT, "excerpt")                                       \
	X(TREE, "tree")                                             \
	X(TREE_GROUP, "tree-group")                                 \
	X(TREE_SELECTED, "tree-selected")                           \
	X(TREE_CURRENT, "tree-current")                             \
	X(BORDER, "border")                                         \
	X(STATUS, "status")                                         \
	X(HINT, "hint")                                             \
	X(MESSAGE, "message")                                       \
	X(ERROR, "error")                                           \
	X(MATCH, "match")                                           \
	X(MATCH_CURRENT, "match-current")                           \
	X(PROMPT, "prompt")                                         \
	X(HELP_KEY, "help-key")                                     \
	X(INSERT, "insert")                                         \
	X(DELETE, "delete")                                         \
	X(MOVED, "moved")                                           \
	X(SELECTION, "selection")                                   \
	X(NOTE_YELLOW, "note-yellow")                               \
	X(NOTE_GREEN, "note-green")                                 \
	X(NOTE_BLUE, "note-blue")                                   \
	X(NOTE_PINK, "note-pink")                                   \
	X(NOTE_RED, "note-red")                                     \
	X(NOTE_PURPLE, "note-purple")                               \
	X(NOTE_ORANGE, "note-orange")                               \
	X(NOTE_MARKER, "note-marker")

enum theme_role {
#define THEME_ROLE_ENUM(id, name) ROLE_##id,
	THEME_ROLES(THEME_ROLE_ENUM)
#undef THEME_ROLE_ENUM
	ROLE__COUNT
};

enum { THEME_BOLD = 1, THEME_UNDERLINE = 2, THEME_REVERSE = 4, THEME_DIM = 8, THEME_ITALIC = 16 };
#define THEME_DEFAULT_COLOR (-1)

struct theme_style {
	int fg, bg;         /* 0..255, or THEME_DEFAULT_COLOR */
	unsigned attrs;     /* THEME_BOLD | ... */
};

struct theme {
	char *name;
	bool monochrome;    /* attributes only, never colour (high contrast) */
	struct theme_style roles[ROLE__COUNT];
};

const char *theme_role_name(enum theme_role r);
/* The built-in default (dark) theme, used when a file is missing or broken. */
void theme_builtin(struct theme *t);
/* Loads a theme file over the built-in default.  Returns false with every
 * problem in d (as FILE:LINE:COL) and t left as the built-in default. */
bool theme_load(struct theme *t, const char *path, struct diags *d);
void theme_free(struct theme *t);
/* Loads the theme called name over t (built-in first): a bundled theme's
 * name (themes/NAME.yaml) or a file's path (with a '/' or ending in
 * .yaml); NULL and "default" are the built-in theme.  False with the
 * problems in d, t the built-in theme, when it cannot be read. */
bool theme_load_named(struct theme *t, const char *name, struct diags *d);
/* The role of a tier's badge, cell or label (TIER_NONE: an unknown tier,
 * shown as the excerpt role). */
enum theme_role theme_tier_role(enum tier t);
/* The nearest of the 8 basic colours to a 256-colour index. */
int theme_color8(int color);

#endif
