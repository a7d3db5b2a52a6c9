/* app.h — what the views of the reader truly share, and the services they
 * call: messages, opening a document or a view, the geometry of the frame,
 * the annotations of the open document.  Each view's own state lives in its
 * own file (view.h); the core never names a view. */
#ifndef TIPR_UI_APP_H
#define TIPR_UI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "cli/cli.h"
#include "notes/annotations.h"
#include "notes/marks.h"
#include "reader/reading.h"
#include "reader/session.h"
#include "reader/tree.h"
#include "style/theme.h"
#include "ui/draw.h"
#include "ui/prompt.h"
#include "ui/view.h"

enum focus { FOCUS_TREE, FOCUS_PANE };

/* The message line, until the next key. */
struct message {
	char *text;
	bool error;
};

/* The frame: the user's tree settings, and the geometry they give on this
 * terminal (set by app_layout). */
struct frame {
	bool tree_hidden;   /* by the user (t) */
	bool tree_aside;    /* by a view that needs the width (the comparison) */
	int tree_width;     /* the user's width */
	int tree_cols;      /* columns the tree takes now; 0 when not shown */
	int pane_x;         /* where the main pane starts */
	int pane_rows;      /* rows of the panes (the screen less status and hints) */
	bool again;         /* a view asks for another frame at once */
	/* The first frame is out.  Until then views leave out what would
	 * cost a file each to show (a tier kept from the last run is checked
	 * against its file first) and ask for another frame at once. */
	bool first_out;
};

/* Annotation commands' state: the colour of the next highlight, the one
 * whose note is being edited, the last one deleted (for U). */
struct note_state {
	enum ann_color color;
	char editing[ANN_ID_LEN + 1]; /* "" for a new note */
	struct annotation undo;       /* id "" when none */
};

struct app {
	struct cli *cli;
	struct corpus *corpus;
	struct tree *tree;
	struct reading reading;      /* the open document, laid out */
	struct corpus_doc *open;     /* the document in the reader, or NULL */
	struct ann_store *notes;
	struct marks marks;          /* the open document's annotations */
	struct note_state note;
	struct diags diags;          /* problems to show, then print after exit */
	struct message msg;
	struct prompt prompt;
	struct screen scr;
	struct theme theme;
	struct frame frame;
	enum focus focus;
	struct view_set views;
	struct view *pane;           /* the main pane: the reader, or a view over it */
	struct view *overlay;        /* the help, over everything; NULL when closed */
	struct session_saver saver;  /* the reading place, saved as you go */
	bool quit;
};

/* The collection of the document being read, else the tree's: the tree
 * may be showing another (c) while a document of the first is open. */
struct collection *app_collection(const struct app *app);

void app_message(struct app *app, bool error, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* The error "<e's file> has errors", then what follows. */
void app_doc_errors(struct app *app, const struct corpus_doc *e, const char *then);
void app_clear_message(struct app *app);
/* Shows the first problem added to app->diags since index from, as
 * FILE:LINE:COL, followed by consequence; all are printed after exit. */
void app_first_problem(struct app *app, size_t from, const char *consequence);

/* Works out the frame's geometry for the screen's size (tree, panes). */
void app_layout(struct app *app);
/* The text area of the main pane: columns and rows. */
void app_text_size(const struct app *app, size_t *width, size_t *height);
/* Tells every view what changed (their refresh operation). */
void app_notify(struct app *app, enum refresh why);

/* Opens document e in the reader at section (-1: the top), unless the view
 * in the main pane takes it (view_ops.offer); false when it cannot be read
 * (the message says why). */
bool app_open(struct app *app, struct corpus_doc *e, int section);
/* Opens the same country's next (dir > 0) or previous edition, keeping the
 * section. */
void app_switch_year(struct app *app, int dir);

/* Asks view v to open (view_ops.open) and shows it when it does. */
bool app_open_view(struct app *app, struct view *v);
/* Shows v in the main pane (the one there before closed), focused. */
void app_show(struct app *app, struct view *v);
/* Closes the view over the reader (back to reading). */
void app_close_pane(struct app *app);
/* The key context of the view that keys go to now. */
enum key_context app_context(struct app *app);
/* The view that keys go to now: the help, the tree or the main pane. */
struct view *app_focused(struct app *app);

/* A step of every view's long work (view_ops.tick); true while some
 * remains (the caller comes back without waiting for a key). */
bool app_tick(struct app *app);
/* Offers the place being read to the saver (session.h); returns the
 * milliseconds until a pending save is due (-1: none). */
int app_save_place(struct app *app);

/* Reads the annotations file again (another tipr may have changed it),
 * lays the open document's annotations over it and tells the views. */
void app_notes_reload(struct app *app);
/* Lays the annotations over the open document again and tells the views
 * (after a change made here). */
void app_notes_refresh(struct app *app);
/* Moves the annotation store's problems to the reader's, the last one on
 * the message line followed by consequence. */
void app_notes_problems(struct app *app, const char *consequence);

#endif
