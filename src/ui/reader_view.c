/* reader_view.c — the reading pane: the laid-out narrative, headings,
 * numbered recommendations, search matches and annotations; and selecting
 * a passage in it (v, V, a drag), which grows by word, sentence and
 * paragraph and becomes a highlight, with or without a note. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"
#include "notes/cite.h"
#include "ui/annotate.h"
#include "ui/clipboard.h"
#include "ui/app.h"
#include "ui/move.h"
#include "ui/tierstrip.h"
#include "ui/views.h"

enum { MAX_LINE_MATCHES = 16 };

struct reader_view {
	struct tier_strip strip;     /* right of the title */
	struct selection sel;
	size_t search_origin;        /* the top line when the search prompt opened */
	bool pressed;                /* a mouse press in the text, for a drag */
	size_t press_line, press_col;
};

static enum theme_role line_role(const struct layout_line *l)
{
	switch (l->kind) {
	case LINE_TITLE:
		return ROLE_TITLE;
	case LINE_META:
		return l->tier ? theme_tier_role((enum tier)l->tier) : ROLE_META;
	case LINE_NOTICE:
		return ROLE_NOTICE;
	case LINE_HEADING:
		return ROLE_HEADING;
	case LINE_ITEM:
		return ROLE_REC_TEXT;
	default:
		return ROLE_TEXT;
	}
}

/* Lays attr over bytes [a, b) of a line's attributes. */
static void paint(attr_t *attrs, size_t a, size_t b, attr_t attr)
{
	for (size_t k = a; k < b; k++)
		attrs[k] = attr;
}

/* Draws a line's text in layers: its role, annotations in their colours,
 * search matches, then the selection. */
static void draw_line_text(struct reader_view *rv, struct app *app, size_t i, int y, int x, int w)
{
	const struct screen *scr = &app->scr;
	const struct layout_line *l = &app->reading.lo.v[i];
	size_t starts[MAX_LINE_MATCHES], ends[MAX_LINE_MATCHES], a, b;
	struct mark_span spans[MAX_LINE_MATCHES];
	bool current[MAX_LINE_MATCHES];
	size_t n = reading_line_matches(&app->reading, i, starts, ends, current, MAX_LINE_MATCHES);
	size_t nm = marks_line(&app->marks, &app->reading, i, spans, MAX_LINE_MATCHES);
	attr_t *attrs = xcalloc(l->len + 1, sizeof(*attrs));
	int used = 0;

	paint(attrs, 0, l->len, draw_attr(scr, line_role(l)));
	for (size_t m = 0; m < nm; m++)
		paint(attrs, spans[m].start, spans[m].end,
		      draw_attr(scr, draw_note_role(spans[m].color)) | (spans[m].current ? A_BOLD | A_UNDERLINE : 0));
	for (size_t m = 0; m < n; m++)
		paint(attrs, starts[m], ends[m], draw_attr(scr, current[m] ? ROLE_MATCH_CURRENT : ROLE_MATCH));
	if (selection_line_range(&rv->sel, &app->reading, i, &a, &b))
		paint(attrs, a, b, draw_attr(scr, ROLE_SELECTION));
	for (size_t k = 0; k < l->len && used < w;) {
		size_t e = k;

		while (e < l->len && attrs[e] == attrs[k])
			e++;
		used += draw_text(scr, y, x + used, w - used, l->text + k, e - k, attrs[k]);
		k = e;
	}
	free(attrs);
}

/* Where line l's text starts, columns from the pane's left edge. */
static int text_column(const struct layout_line *l)
{
	return 1 + (l->kind == LINE_ITEM ? 1 : 0) + (int)l->indent;
}

/* The reading line and text column under cell (y, x) of the pane; false
 * outside the text. */
static bool cell_at(const struct app *app, int y, int x, size_t *line, size_t *col)
{
	const struct reading *r = &app->reading;
	size_t i = r->top + (size_t)(y < 0 ? 0 : y);
	int c;

	if (!r->doc || y < 0 || i >= r->lo.n)
		return false;
	c = x - text_column(&r->lo.v[i]);
	*line = i;
	*col = c > 0 ? (size_t)c : 0;
	return true;
}

static void reader_draw(struct view *v, struct app *app, struct rect rc)
{
	struct reader_view *rv = v->priv;
	const struct screen *scr = &app->scr;
	struct reading *r = &app->reading;
	bool strip_drawn = false;

	for (int row = 0; row < rc.h; row++)
		draw_fill(rc.y + row, rc.x, rc.w, A_NORMAL);
	if (!r->doc) {
		char hint[96];
		struct wrap_line *lines;
		size_t n;

		snprintf(hint, sizeof(hint), "Choose a country and a year in the tree, then press %s.",
			 keys_label(ACT_OPEN, CTX_TREE));
		n = wrap_text(hint, strlen(hint), rc.w > 4 ? (size_t)rc.w - 4 : 1, &lines);
		for (size_t i = 0; i < n && (int)i < rc.h; i++)
			draw_text(scr, rc.y + rc.h / 2 + (int)i, rc.x + 2, rc.w - 2, hint + lines[i].start,
				  lines[i].end - lines[i].start, draw_attr(scr, ROLE_HINT));
		free(lines);
		return;
	}
	for (int row = 0; row < rc.h; row++) {
		size_t i = r->top + (size_t)row;
		const struct layout_line *l;
		int x = rc.x + 1;

		if (i >= r->lo.n)
			break;
		l = &r->lo.v[i];
		if (l->kind == LINE_BLANK)
			continue;
		/* A note ends on this line: its marker in the margin. */
		if (marks_note_ends_on(&app->marks, r, i))
			draw_str(scr, rc.y + row, rc.x, 1, draw_glyph(scr, GLYPH_NOTE), draw_attr(scr, ROLE_NOTE_MARKER));
		if (l->kind == LINE_ITEM) {
			/* The list stands apart: a bar, then the number or its indent. */
			char num[16];

			draw_str(scr, rc.y + row, x, 1, draw_glyph(scr, GLYPH_REC_BAR), draw_attr(scr, ROLE_REC_NUMBER));
			if (l->number)
				snprintf(num, sizeof(num), "%*d.", (int)r->lo.number_width - 1, l->number);
			else
				snprintf(num, sizeof(num), "%*s", (int)r->lo.number_width, "");
			draw_str(scr, rc.y + row, x + 1, rc.w - 2, num, draw_attr(scr, ROLE_REC_NUMBER));
		}
		x = rc.x + text_column(l);
		if (x < rc.x + rc.w)
			draw_line_text(rv, app, i, rc.y + row, x, rc.x + rc.w - x);
		/* The tier strip at the right of the title, or of the line under it. */
		if (i < 2 && !strip_drawn)
			strip_drawn = tier_strip_draw(&rv->strip, app, rc.y + row, rc.x + rc.w - 1,
						 rc.w - 1 - text_column(l) - (int)text_width(l->text, l->len));
	}
}

/* The annotation actions of the reading pane. */
static bool note_action(struct view *v, struct app *app, enum action act, int key)
{
	struct reader_view *rv = v->priv;
	const struct annotation *cur = marks_current(&app->marks);
	enum ann_color color;

	switch (act) {
	case ACT_VISUAL:
	case ACT_VISUAL_BLOCK:
		if (!(act == ACT_VISUAL ? selection_start(&rv->sel, &app->reading)
					: selection_start_block(&rv->sel, &app->reading)))
			app_message(app, false, "No text on screen to select");
		return true;
	case ACT_NEXT_NOTE:
	case ACT_PREV_NOTE:
		if (!marks_next(&app->marks, &app->reading, act == ACT_NEXT_NOTE ? 1 : -1))
			app_message(app, false, app->marks.n ? "No annotation %s" : "No annotations in this document%s",
				    app->marks.n ? (act == ACT_NEXT_NOTE ? "after this one" : "before this one") : "");
		return true;
	case ACT_EDIT_NOTE:
	case ACT_COLOR:
	case ACT_DELETE_NOTE:
		break;
	default:
		return false;
	}
	if (!cur) {
		app_message(app, false, "Move onto an annotation first (%s, %s, or click it)",
			    keys_label(ACT_NEXT_NOTE, CTX_READER), keys_label(ACT_PREV_NOTE, CTX_READER));
		return true;
	}
	if (act == ACT_EDIT_NOTE)
		annotate_prompt(app, v, cur->id);
	else if (act == ACT_DELETE_NOTE)
		annotate_delete(app, cur->id);
	else if (annotate_key_color(key, &color))
		annotate_recolor(app, cur->id, color);
	return true;
}

static void say_match(struct app *app, bool wrapped)
{
	const struct reading *r = &app->reading;

	app_message(app, false, "Match %zu of %zu%s", r->current + 1, r->n_matches, wrapped ? " (wrapped)" : "");
}

static bool text_action(struct view *v, struct app *app, enum action act)
{
	struct reader_view *rv = v->priv;
	struct reading *r = &app->reading;
	size_t top = r->top;
	bool wrapped;

	if (view_move(&top, reading_max_top(r), (int)r->height, act)) {
		reading_set_top(r, top);
		return true;
	}
	switch (act) {
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
		if (!reading_next_section(r, act == ACT_NEXT_SECTION ? 1 : -1))
			app_message(app, false, act == ACT_NEXT_SECTION ? "No section after this one" : "At the top");
		return true;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!r->query)
			app_message(app, false, "No search: press %s to search", keys_label(ACT_SEARCH, CTX_READER));
		else if (!reading_search_next(r, act == ACT_NEXT_MATCH ? 1 : -1, &wrapped))
			app_message(app, true, "No match for \"%s\"", r->query);
		else
			say_match(app, wrapped);
		return true;
	case ACT_SEARCH:
	case ACT_SEARCH_BACK:
		rv->search_origin = r->top;
		prompt_open(app, v, act == ACT_SEARCH ? PROMPT_SEARCH : PROMPT_SEARCH_BACK, NULL);
		return true;
	default:
		return false;
	}
}

/* The selected passage in quotation marks with its citation (edition,
 * country, section, paragraph, pages and address when known). */
static void copy_selection(struct selection *sel, struct app *app)
{
	struct collection *coll = app_collection(app);
	struct citation c;
	char *quote = selection_text(sel, &app->reading), *text;

	cite_block(&c, coll, corpus_countries(app->corpus), app->reading.doc, sel->section, sel->block);
	text = cite_passage(&c, quote, strlen(quote));
	clipboard_copy(app, text, "Copied the passage with its citation");
	free(text);
	free(quote);
	selection_clear(sel);
}

/* Keeps the moving end of the selection on screen. */
static void follow(struct reader_view *rv, struct app *app)
{
	reading_show_line(&app->reading, selection_cursor_line(&rv->sel, &app->reading));
}

static bool visual_action(struct view *v, struct app *app, enum action act, int key)
{
	static const struct {
		enum action act;
		enum selection_unit unit;
		int dir;
	} moves[] = {
		{ ACT_SEL_WORD_NEXT, SEL_WORD, 1 },	     { ACT_SEL_WORD_PREV, SEL_WORD, -1 },
		{ ACT_SEL_SENTENCE_NEXT, SEL_SENTENCE, 1 }, { ACT_SEL_SENTENCE_PREV, SEL_SENTENCE, -1 },
		{ ACT_SEL_PARA_NEXT, SEL_PARAGRAPH, 1 },    { ACT_SEL_PARA_PREV, SEL_PARAGRAPH, -1 },
	};
	struct reader_view *rv = v->priv;
	struct selection *sel = &rv->sel;
	enum ann_color color;

	for (size_t i = 0; i < ARRAY_SIZE(moves); i++)
		if (moves[i].act == act) {
			if (!selection_move(sel, &app->reading, moves[i].unit, moves[i].dir) &&
			    moves[i].unit == SEL_PARAGRAPH)
				app_message(app, false, "A highlight stays within one paragraph or recommendation");
			follow(rv, app);
			return true;
		}
	switch (act) {
	case ACT_DOWN:
	case ACT_UP:
		selection_line(sel, &app->reading, act == ACT_DOWN ? 1 : -1);
		follow(rv, app);
		return true;
	case ACT_SWAP:
		selection_swap(sel);
		follow(rv, app);
		return true;
	case ACT_HIGHLIGHT:
		annotate_highlight(app, sel, app->note.color, NULL);
		return true;
	case ACT_COPY:
		copy_selection(sel, app);
		return true;
	case ACT_COLOR:
		if (annotate_key_color(key, &color))
			annotate_highlight(app, sel, color, NULL);
		return true;
	case ACT_NOTE:
		annotate_prompt(app, v, NULL);
		return true;
	case ACT_CLOSE:
		selection_clear(sel);
		return true;
	default:
		return text_action(v, app, act);
	}
}

static bool reader_action(struct view *v, struct app *app, enum action act, int key)
{
	struct reader_view *rv = v->priv;

	if (!app->reading.doc)
		return false;
	if (rv->sel.active)
		return visual_action(v, app, act, key);
	if (note_action(v, app, act, key))
		return true;
	if (!text_action(v, app, act))
		return false;
	marks_follow_view(&app->marks, &app->reading);
	return true;
}

static bool reader_prompt(struct view *v, struct app *app, int kind, enum prompt_event ev, int key)
{
	struct reader_view *rv = v->priv;
	struct reading *r = &app->reading;
	const char *text = prompt_text(app);

	(void)key;
	if (kind == PROMPT_NOTE) {
		if (ev == PROMPT_DONE)
			annotate_prompt_done(app, &rv->sel);
		return ev != PROMPT_KEY;
	}
	switch (ev) {
	case PROMPT_DONE: /* the match found stays */
		return true;
	case PROMPT_CANCEL:
		reading_search(r, "", 0);
		reading_set_top(r, rv->search_origin);
		return true;
	case PROMPT_CHANGED:
		break;
	default:
		return false;
	}
	reading_set_top(r, rv->search_origin);
	if (!reading_search(r, text, rv->search_origin)) {
		if (*text)
			app_message(app, true, "No match for \"%s\"", text);
		return true;
	}
	if (kind == PROMPT_SEARCH_BACK && reading_match_line(r, r->current) >= rv->search_origin)
		r->current = (r->current + r->n_matches - 1) % r->n_matches;
	reading_show_current(r);
	say_match(app, false);
	return true;
}

/* A release in the text after a press elsewhere in it selects what lies
 * between (a drag); one at the same place is a click, which makes the
 * annotation under it current. */
static bool reader_mouse(struct view *v, struct app *app, enum mouse_event ev, int y, int x)
{
	struct reader_view *rv = v->priv;
	size_t line, col;

	if (ev != MOUSE_RELEASE) {
		rv->pressed = cell_at(app, y, x, &rv->press_line, &rv->press_col);
		return rv->pressed;
	}
	if (!rv->pressed || !cell_at(app, y, x, &line, &col))
		return false;
	rv->pressed = false;
	if (line == rv->press_line && col == rv->press_col) {
		if (!rv->sel.active)
			marks_at(&app->marks, &app->reading, line, col);
		return true;
	}
	if (selection_start_at(&rv->sel, &app->reading, rv->press_line, rv->press_col)) {
		selection_extend_to(&rv->sel, &app->reading, line, col);
		app_message(app, false, "Selected: %s highlights, %s in a colour, %s adds a note, %s cancels",
			    keys_label(ACT_HIGHLIGHT, CTX_VISUAL), keys_names(ACT_COLOR, CTX_VISUAL),
			    keys_label(ACT_NOTE, CTX_VISUAL), keys_label(ACT_CLOSE, CTX_VISUAL));
	}
	return true;
}

/* The right of the status line: tier, excerpt, position. */
static void doc_position(const struct app *app, struct strbuf *sb, bool compact)
{
	const struct document *doc = app->reading.doc;

	if (doc->tier)
		sb_addf(sb, "%s%s  ", compact && doc->tier != TIER_SPECIAL ? "Tier " : "",
			compact ? tier_badge(doc->tier) : tier_label(doc->tier));
	if (!doc->complete)
		sb_adds(sb, "excerpt  ");
	sb_addf(sb, "%3d%% ", reading_percent(&app->reading));
}

static void reader_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	const struct document *doc = app->reading.doc;
	char yb[12];
	int s;

	(void)v;
	if (!app->open || !doc)
		return;
	sb_adds(left, year_label(app->open->year, yb));
	sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
	sb_adds(left, tree_country_name(app->tree, app->open->slug));
	if ((s = reading_section_at_top(&app->reading)) >= 0) {
		sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
		sb_adds(left, doc->sections[s].title);
	}
	doc_position(app, right, false);
	/* A narrow line gets the short tier ("Tier 2WL"). */
	if (left->len + right->len + 4 > (size_t)w) {
		sb_reset(right);
		doc_position(app, right, true);
	}
}

static char *reader_hints(struct view *v, struct app *app)
{
	struct reader_view *rv = v->priv;

	return rv->sel.active ? NULL : annotate_current_text(app);
}

static enum key_context reader_context(struct view *v, struct app *app)
{
	struct reader_view *rv = v->priv;

	(void)app;
	return rv->sel.active ? CTX_VISUAL : CTX_READER;
}

/* The open country's tier in every edition (headers only: no narrative is
 * read), its open edition's cell marked; none for one edition alone. */
static void reader_refresh(struct view *v, struct app *app, enum refresh why)
{
	struct reader_view *rv = v->priv;

	if (why == REFRESH_DOCUMENT) {
		selection_clear(&rv->sel);
		tier_strip_make(&rv->strip, app);
	}
}

static void reader_done(struct view *v)
{
	struct reader_view *rv = v->priv;

	tier_strip_free(&rv->strip);
}

const struct view_ops reader_view = {
	.name = "reader",
	.keys = CTX_READER,
	.priv_size = sizeof(struct reader_view),
	.done = reader_done,
	.draw = reader_draw,
	.action = reader_action,
	.status = reader_status,
	.hints = reader_hints,
	.context = reader_context,
	.changed = reader_refresh,
	.prompt = reader_prompt,
	.mouse = reader_mouse,
};
