/* ui.h — the reader's terminal interface: the application state the views
 * share, the views' table of operations, and the drawing helpers.
 *
 * The state that matters (tree, reading position, search) lives in model
 * code (tree.h, reading.h); the views only draw it and turn keys into calls. */
#ifndef TIPR_UI_H
#define TIPR_UI_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "notes/annexport.h"
#include "notes/annotations.h"
#include "cli/cli.h"
#include "compare/cmplayout.h"
#include "notes/marks.h"
#include "reader/lineedit.h"
#include "reader/reading.h"
#include "reader/session.h"
#include "compare/recs.h"
#include "search/search.h"
#include "notes/selection.h"
#include "style/theme.h"
#include "reader/tree.h"
#include "ui/keys.h"

enum focus { FOCUS_TREE, FOCUS_READER };
/* What the right-hand pane shows. */
enum pane { PANE_READER, PANE_COMPARE, PANE_TRACKER, PANE_RESULTS, PANE_NOTES };
enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_SEARCH_BACK, PROMPT_FILTER, PROMPT_COMPARE,
		   PROMPT_SEARCH_ALL, PROMPT_NOTE, PROMPT_NOTES_FILTER };
enum search_scope_kind { SCOPE_ALL, SCOPE_COUNTRY, SCOPE_YEAR };
/* Bytes a prompt may hold: a note, anything else. */
enum { PROMPT_NOTE_MAX = 4000, PROMPT_MAX = 200 };

struct app {
	struct cli *cli;
	struct corpus *corpus;
	struct tree *tree;
	struct reading reading;
	struct corpus_doc *open;     /* the document in the reading pane */
	struct theme theme;
	struct diags diags;          /* problems to show, then print at exit */
	enum focus focus;
	bool tree_hidden;            /* by the user */
	int tree_width;
	bool help;                   /* the help screen is up */
	size_t help_top;
	enum prompt_kind prompt;
	struct line_edit input;      /* the prompt's text and cursor */
	int key;                     /* the key being handled (1-7 pick a colour) */
	size_t search_origin;        /* top line when the search prompt opened */
	char *message;               /* status message, until the next key */
	bool message_is_error;
	bool quit;
	struct session_saver saver;  /* the reading place, saved as you go */
	int rows, cols;
	bool ascii_only;             /* the locale cannot show UTF-8 */
	bool color;
	enum pane pane;
	/* The comparison: a is the older edition unless swapped. */
	struct corpus_doc *cmp_a, *cmp_b;
	struct comparison *cmp;
	struct cmp_layout cmp_lo;
	size_t cmp_top;
	bool cmp_inline, cmp_unfolded;
	/* The recommendation tracker of the open document's country. */
	struct rec_tracker *trk;
	size_t trk_row, trk_col, trk_top;
	bool trk_detail;
	/* Corpus-wide search: the index (built on first use), the results. */
	struct search_index *six;
	struct search_results sres;
	struct search_typing typing; /* the queries typed on the way to sres's */
	enum search_scope_kind s_scope;
	size_t s_sel, s_top;
	/* Annotations: the store, those of the open document, the selection. */
	struct ann_store *notes;
	struct marks marks;
	struct selection sel;
	enum ann_color note_color;   /* of the next highlight: the last one used */
	struct annotation undo;      /* the last one deleted (id "" when none) */
	char note_id[ANN_ID_LEN + 1];/* whose note PROMPT_NOTE edits; "" for a new one */
	/* The list of annotations. */
	struct ann_cite *nl;
	size_t nl_n, nl_sel, nl_top;
	enum ann_sort nl_sort;
	char *nl_filter;             /* NULL: every annotation */
	/* A mouse press in the text, for a drag to select. */
	bool pressed;
	size_t press_line, press_col;
	/* The first frame skips tier badges not yet read; pending: some were. */
	bool badges_later, badges_pending;
	/* Geometry of the last frame (for the mouse). */
	int tree_cols;               /* 0 when the tree is not shown */
	int pane_rows;
	size_t tree_top;             /* first tree row shown */
};

/* A view: one pane of the screen, drawn into a rectangle. */
struct view_ops {
	const char *name;
	void (*draw)(struct app *app, int y, int x, int h, int w);
	/* Handles an action; false if the view has nothing to do with it. */
	bool (*action)(struct app *app, enum action act);
};

extern const struct view_ops tree_view;
extern const struct view_ops reader_view;
extern const struct view_ops help_view;
extern const struct view_ops compare_view;
extern const struct view_ops tracker_view;
extern const struct view_ops visual_view;
extern const struct view_ops notes_view;

/* tree_view.c: selects and opens the row under a click at pane row r. */
void tree_view_click(struct app *app, int r);

/* status.c: the status line, the key hint or prompt line. */
void status_draw(struct app *app, int y, int w);
void hint_draw(struct app *app, int y, int w);

/* draw.c: colours from the theme and inert text output. */
void draw_init_colors(struct app *app);
attr_t draw_attr(const struct app *app, enum theme_role role);
/* Draws s[0..len) at (y, x), no wider than maxw columns, with control and
 * bidi characters shown as placeholders; returns the columns used. */
int draw_text(const struct app *app, int y, int x, int maxw, const char *s, size_t len, attr_t attr);
/* Like draw_text, but text cut short ends in an ellipsis, so a clipped
 * name never passes for a whole one. */
int draw_text_clipped(const struct app *app, int y, int x, int maxw, const char *s, size_t len,
		      attr_t attr);
/* Fills from (y, x) to x + w - 1 with spaces in attr. */
void draw_fill(int y, int x, int w, attr_t attr);
/* The role for a tier badge. */
enum theme_role draw_tier_role(enum tier t);

/* reader_main.c: app operations shared by the views. */
void app_message(struct app *app, bool error, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Draws the whole screen at once: between keys, as while a long build runs. */
void app_redraw(struct app *app);
/* Moves *sel in a list of count rows for a movement action (down, up, page,
 * half page, top, bottom; page is the pane's height); false for others. */
bool ui_list_move(size_t *sel, size_t count, int page, enum action act);
/* Closes the comparison, tracker, results or list for the reading pane,
 * and ends a selection. */
void app_close_pane(struct app *app);
/* Opens document e in the reading pane at section (-1: the top). */
bool app_open(struct app *app, struct corpus_doc *e, int section);
/* Opens the same country's next (dir > 0) or previous edition, keeping the section. */
void app_switch_year(struct app *app, int dir);
/* The text area's size for the current terminal and tree. */
void app_text_size(const struct app *app, size_t *width, size_t *height);
/* Draws bytes [start, end) of st at (y, x), run by run in theme roles;
 * marks (may be NULL) lays annotation colours (colour + 1 per byte) over it. */
int draw_styled(const struct app *app, int y, int x, int maxw, const struct styled *st,
		const unsigned char *marks, size_t start, size_t end);
/* The theme role of an annotation colour. */
enum theme_role draw_note_role(enum ann_color c);

/* compare_view.c: opens the comparison of the open document with year
 * (0: the edition before it, else the one after); closes it. */
bool compare_open(struct app *app, int year);
void compare_close(struct app *app);
/* Lays the comparison out again for the pane's width. */
void compare_relayout(struct app *app);
/* search_view.c: opens the results pane and its prompt; runs the query
 * typed so far; closes the pane. */
void results_open(struct app *app);
void results_update(struct app *app);
void results_close(struct app *app);
extern const struct view_ops results_view;
/* reader_view.c: the reading line and text column under screen cell
 * (y, x) of the pane at x0; false outside the text. */
bool reader_view_cell(const struct app *app, int y, int x, int x0, size_t *line, size_t *col);

/* annotate.c: the reader's annotation commands, each saved at once, with
 * their messages.  notes_open_store() loads the store at start-up. */
void notes_open_store(struct app *app);
/* Lays the annotations over the open document (and the comparison) again. */
void notes_refresh(struct app *app);
/* Reads the file again first (another tipr may have changed it). */
void notes_reload(struct app *app);
/* Highlights the selection in color, with a note (NULL: none); ends it. */
bool notes_highlight(struct app *app, enum ann_color color, const char *note);
/* Opens the note prompt: for the selection (id NULL) or to edit id's note. */
void notes_prompt(struct app *app, const char *id);
/* The note prompt's Enter. */
void notes_prompt_done(struct app *app);
bool notes_recolor(struct app *app, const char *id, enum ann_color color);
bool notes_delete(struct app *app, const char *id);
bool notes_undo(struct app *app);
/* The current annotation's note or description for the hint line (the
 * caller frees it), or NULL when there is no current one. */
char *notes_current_text(const struct app *app);
/* The colour a digit key 1-7 names; false for other keys. */
bool notes_key_color(int key, enum ann_color *out);
/* notes_view.c: the list of every annotation. */
void notes_list_open(struct app *app);
void notes_list_reload(struct app *app);
void notes_list_close(struct app *app);
/* compare_view.c: lays the two editions' annotations over the comparison. */
void compare_mark_notes(struct app *app);
/* tracker_view.c */
bool tracker_open(struct app *app);
void tracker_close(struct app *app);

#endif
