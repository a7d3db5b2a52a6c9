/* view.h — a view: one pane of the reader, as a table of operations (as tig
 * has them).  The core allocates each view's private state (priv_size
 * bytes, zeroed) and asks views everything through these operations, never
 * by name; the views are listed once, where the reader starts
 * (reader_cmd.c).  Every operation but draw may be NULL. */
#ifndef TIPR_UI_VIEW_H
#define TIPR_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/util.h"
#include "ui/keys.h"

struct app;
struct corpus_doc;
struct view;

/* A rectangle of the screen. */
struct rect {
	int y, x, h, w;
};

/* What changed, for refresh. */
enum refresh {
	REFRESH_NOTES,    /* the annotations (added, changed, deleted, reloaded) */
	REFRESH_SIZE,     /* the terminal or the pane was resized */
	REFRESH_DOCUMENT, /* another document was opened in the reader */
};

/* What happened to a prompt the view opened (prompt.h). */
enum prompt_event {
	PROMPT_CHANGED, /* its text changed */
	PROMPT_DONE,    /* Enter */
	PROMPT_CANCEL,  /* Esc */
	PROMPT_KEY,     /* a key the line editor does not use (Up, Down, ^T...) */
};

/* A mouse event in the view's rectangle (y, x relative to it). */
enum mouse_event { MOUSE_PRESS, MOUSE_RELEASE, MOUSE_CLICK };

struct view_ops {
	const char *name;
	size_t priv_size;
	bool wide;  /* needs the width: the tree steps aside while it is shown */
	enum key_context keys; /* its key context (unless context() says) */
	/* Shows the view in the main pane; false if it cannot (a message says
	 * why) or will show itself later (after a prompt). */
	bool (*open)(struct view *v, struct app *app);
	/* Leaves the main pane (another view takes it, or q). */
	void (*close)(struct view *v, struct app *app);
	/* Frees what priv holds, at exit. */
	void (*done)(struct view *v);
	void (*draw)(struct view *v, struct app *app, struct rect r);
	/* Handles an action (key is the key pressed: 1-7 pick a colour);
	 * false when the view has nothing to do with it. */
	bool (*action)(struct view *v, struct app *app, enum action act, int key);
	/* The status line: the place after the collection's title, and what
	 * goes on the right (position, counts), for a line w columns wide. */
	void (*status)(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w);
	/* Text for the hint line instead of the keys (a note), or NULL; the
	 * caller frees it. */
	char *(*hints)(struct view *v, struct app *app);
	/* The key context now, when it changes (the reader is CTX_VISUAL
	 * while selecting). */
	enum key_context (*context)(struct view *v, struct app *app);
	/* Something the view may show changed (named changed, not refresh,
	 * which curses takes). */
	void (*changed)(struct view *v, struct app *app, enum refresh why);
	/* An event of a prompt of kind the view opened (for Enter and Esc, the
	 * prompt is closed first); PROMPT_KEY: true when the key was used. */
	bool (*prompt)(struct view *v, struct app *app, int kind, enum prompt_event ev, int key);
	bool (*mouse)(struct view *v, struct app *app, enum mouse_event ev, int y, int x);
	/* Offered a document chosen elsewhere (the tree, a year key) before the
	 * reader opens it; true when the view took it (the comparison makes it
	 * its other side). */
	bool (*offer)(struct view *v, struct app *app, struct corpus_doc *doc);
	/* Does a step of long work (a search reading the corpus) between keys;
	 * true while more remains. */
	bool (*tick)(struct view *v, struct app *app);
};

struct view {
	const struct view_ops *ops;
	void *priv;
	struct rect area;  /* where it was last drawn */
};

/* Every view of the reader, and which action opens which. */
struct view_opener {
	enum action act;
	const struct view_ops *ops;
};
struct view_set {
	struct view *v;
	size_t n;
	struct view *tree, *reader, *help; /* the fixed ones */
	const struct view_opener *openers;
	size_t n_openers;
};

/* Makes the views of ops[0..n) (each one's private state allocated and
 * zeroed); tree, reader and help name the fixed ones among them. */
void view_set_init(struct view_set *set, const struct view_ops *const *ops, size_t n,
		   const struct view_ops *tree, const struct view_ops *reader, const struct view_ops *help,
		   const struct view_opener *openers, size_t n_openers);
void view_set_free(struct view_set *set);
/* The view made of ops, or NULL. */
struct view *view_set_find(const struct view_set *set, const struct view_ops *ops);
/* The view an action opens, or NULL. */
struct view *view_set_opener(const struct view_set *set, enum action act);

#endif
