/* compare_view.c — two editions side by side, scrolled together, each
 * column headed by its edition: D asks which edition to compare the open
 * one with; n/N go from change to change ("change 3 of 12"), s swaps the
 * sides, i turns to one column and back, < and > move both sides an edition. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/cmplayout.h"
#include "ui/app.h"
#include "ui/move.h"
#include "ui/views.h"

/* Lines kept in sight above a change landed on. */
enum { CHANGE_CONTEXT = 2 };

struct compare_view {
	struct corpus_doc *a, *b;  /* a is the older edition unless swapped */
	struct corpus_doc *held[2]; /* the pinned editions cmp points into */
	struct comparison *cmp;
	struct cmp_layout lo;
	size_t top;
	bool inline_mode, unfolded; /* the user's choices */
};

/* Two columns wherever each gets its 30 text columns (80 columns do, with
 * the tree put aside), unless the user asked for one. */
static bool is_inline(const struct compare_view *cv, size_t width)
{
	return cv->inline_mode || !cmp_layout_fits(width);
}

/* Lays the two editions' annotations over the comparison. */
static void mark_notes(struct compare_view *cv, struct app *app)
{
	const char *coll = app_collection(app)->name;

	for (int right = 0; right < 2; right++) {
		struct ann_highlight *v;
		const struct document *doc = right ? cv->b->doc : cv->a->doc;
		size_t n = ann_resolve_document(app->notes, coll, doc, &v, NULL);

		for (size_t k = 0; k < n; k++) {
			const struct ann_anchor *a = &v[k].anchor;

			cmp_layout_mark(&cv->lo, right, a->section, ann_anchor_block(doc, a), a->start, a->end,
					(unsigned char)(v[k].ann->color + 1));
		}
		free(v);
	}
}

/* Lays the comparison out for the pane's width, the same sentence on top. */
static void relayout(struct compare_view *cv, struct app *app)
{
	size_t w, h, keep_s = 0, keep_r = 0;
	bool had = cv->lo.n > 0;

	if (!cv->cmp)
		return;
	if (had && cv->top < cv->lo.n) {
		keep_s = cv->lo.v[cv->top].sec;
		keep_r = cv->lo.v[cv->top].row;
	}
	app_text_size(app, &w, &h);
	cmp_layout_free(&cv->lo);
	cmp_layout_build(&cv->lo, cv->cmp, w, is_inline(cv, w), !cv->unfolded);
	mark_notes(cv, app);
	cv->top = had ? cmp_layout_find(&cv->lo, keep_s, keep_r) : 0;
}

/* The comparison points into both editions: they stay loaded while it lives. */
static void hold(struct compare_view *cv, struct corpus_doc *a, struct corpus_doc *b)
{
	if (a)
		corpus_doc_pin(a);
	if (b)
		corpus_doc_pin(b);
	for (int i = 0; i < 2; i++)
		if (cv->held[i])
			corpus_doc_unpin(cv->held[i]);
	cv->held[0] = a;
	cv->held[1] = b;
}

static void build(struct compare_view *cv, struct app *app)
{
	hold(cv, cv->a, cv->b);
	comparison_free(cv->cmp);
	cmp_layout_free(&cv->lo);
	cv->cmp = compare_documents(cv->a->doc, cv->b->doc);
	cv->top = 0;
	relayout(cv, app);
}

static void discard(struct compare_view *cv)
{
	comparison_free(cv->cmp);
	cmp_layout_free(&cv->lo);
	cv->cmp = NULL;
	hold(cv, NULL, NULL);
}

bool compare_view_start(struct view *v, struct app *app, struct corpus_doc *a, struct corpus_doc *b,
			const char *section)
{
	struct compare_view *cv = v->priv;

	cv->a = a;
	cv->b = b;
	app_show(app, v);
	build(cv, app);
	for (size_t s = 0; section && s < cv->cmp->n_secs; s++)
		if (!strcmp(cv->cmp->secs[s].id, section))
			cv->top = cmp_layout_section(&cv->lo, s);
	app_message(app, false, "%d and %d: %.0f%% similar; %s/%s next change, %s swap, %s columns, %s fold, %s back",
		    cv->a->year, cv->b->year, cv->cmp->similarity * 100, keys_label(ACT_NEXT_CHANGE, CTX_COMPARE),
		    keys_label(ACT_PREV_CHANGE, CTX_COMPARE), keys_label(ACT_SWAP, CTX_COMPARE),
		    keys_label(ACT_INLINE, CTX_COMPARE), keys_label(ACT_FOLD, CTX_COMPARE),
		    keys_label(ACT_CLOSE, CTX_COMPARE));
	return true;
}

/* The editions of the open document's country, for a message. */
static void editions(struct app *app, struct strbuf *sb)
{
	struct collection *coll = app_collection(app);
	size_t first, n = collection_country_docs(coll, app->open->slug, &first);
	char yb[12];

	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", year_label(coll->docs[first + i].year, yb));
}

/* Compares the open document with the country's edition of year (0: the
 * one before it, else the one after), the older on the left. */
static bool start(struct view *v, struct app *app, int year)
{
	struct collection *coll = app_collection(app);
	struct corpus_doc *other = NULL, *cur = app->open;
	const char *id = app->pane == app->views.reader ? reading_section_id_at_top(&app->reading) : NULL;
	struct strbuf years = {0};
	size_t first, n;

	n = collection_country_docs(coll, cur->slug, &first);
	if (year) {
		other = collection_find(coll, cur->slug, year);
	} else if (n > 1) {
		size_t at = (size_t)(cur - coll->docs);

		other = &coll->docs[at > first ? at - 1 : at + 1];
	}
	if (!other || other == cur) {
		editions(app, &years);
		if (other == cur)
			app_message(app, true, "That is the edition you are reading: compare it with another (%s)",
				    years.buf);
		else if (year)
			app_message(app, true, "No %d edition for %s (editions: %s)", year,
				    tree_country_name(app->tree, cur->slug), years.buf);
		else
			app_message(app, true, "%s has only one edition", tree_country_name(app->tree, cur->slug));
		sb_free(&years);
		return false;
	}
	if (!corpus_doc_load(other, &app->diags)) {
		app_doc_errors(app, other, " (listed after you quit)");
		return false;
	}
	return other->year < cur->year ? compare_view_start(v, app, other, cur, id)
				       : compare_view_start(v, app, cur, other, id);
}

static bool compare_open(struct view *v, struct app *app)
{
	if (!app->open) {
		app_message(app, false, "Open a document first");
		return false;
	}
	prompt_open(app, v, PROMPT_COMPARE, NULL);
	return false; /* shown once the year is given */
}

static bool compare_prompt(struct view *v, struct app *app, int kind, enum prompt_event ev, int key)
{
	(void)kind;
	(void)key;
	long long year = 0;

	/* Four digits at most (the prompt's kind says so); none: the one before. */
	if (ev == PROMPT_DONE && app->open &&
	    (!*prompt_text(app) || num_parse(prompt_text(app), 0, YEAR_MAX, &year) == NUM_OK))
		start(v, app, (int)year);
	return ev != PROMPT_KEY;
}

static void compare_close(struct view *v, struct app *app)
{
	(void)app;
	discard(v->priv);
}

static void compare_done(struct view *v)
{
	discard(v->priv);
}

/* The editions over their columns: "2021 · Tier 3" | "2022 · Tier 3 ·
 * excerpt"; one column says which is which. */
static void draw_headings(struct compare_view *cv, struct app *app, struct rect r)
{
	const struct screen *scr = &app->scr;
	const struct cmp_layout *lo = &cv->lo;
	attr_t a = draw_attr(scr, ROLE_TITLE);
	int col = (int)cmp_layout_column(lo);
	char both[160];

	draw_fill(r.y, r.x, r.w, A_NORMAL);
	if (lo->inline_mode) {
		snprintf(both, sizeof(both), "%s %s %s", lo->a_label,
			 draw_glyph(scr, GLYPH_ARROW), lo->b_label);
		draw_text_clipped(scr, r.y, r.x + 1, r.w - 1, both, strlen(both), a);
		return;
	}
	draw_text_clipped(scr, r.y, r.x + 1, col, lo->a_label, strlen(lo->a_label), a);
	draw_str(scr, r.y, r.x + 1 + col + 1, 1, draw_glyph(scr, GLYPH_VBAR), draw_attr(scr, ROLE_BORDER));
	draw_text_clipped(scr, r.y, r.x + 1 + col + 3, r.w - col - 4, lo->b_label, strlen(lo->b_label), a);
}

static void compare_draw(struct view *v, struct app *app, struct rect r)
{
	struct compare_view *cv = v->priv;
	const struct screen *scr = &app->scr;
	const struct cmp_layout *lo = &cv->lo;
	int col = (int)cmp_layout_column(lo), rows = r.h - 1;

	if (!cv->cmp)
		return;
	draw_headings(cv, app, r);
	if (cv->top + (size_t)rows > lo->n)
		cv->top = lo->n > (size_t)rows ? lo->n - (size_t)rows : 0;
	for (int i = 0; i < rows; i++) {
		size_t k = cv->top + (size_t)i;
		const struct cmp_line *l = k < lo->n ? &lo->v[k] : NULL;
		int x = r.x + 1, y = r.y + 1 + i;

		draw_fill(y, r.x, r.w, A_NORMAL);
		if (!l)
			continue;
		if (l->kind == CL_FOLD) {
			char note[96];

			snprintf(note, sizeof(note), "\xe2\x8b\xaf %zu unchanged sentence%s (%s unfolds) \xe2\x8b\xaf",
				 l->folded, l->folded == 1 ? "" : "s", keys_label(ACT_FOLD, CTX_COMPARE));
			draw_str(scr, y, x, r.w - 1, note, draw_attr(scr, ROLE_HINT));
			continue;
		}
		if (l->kind == CL_HEADING || lo->inline_mode) {
			draw_styled(scr, y, x, r.w - 1, &lo->left, lo->l_marks, l->l_start, l->l_end);
			continue;
		}
		draw_styled(scr, y, x, col, &lo->left, lo->l_marks, l->l_start, l->l_end);
		if (l->kind == CL_ROW || l->kind == CL_BLANK)
			draw_str(scr, y, x + col + 1, 1, draw_glyph(scr, GLYPH_VBAR), draw_attr(scr, ROLE_BORDER));
		draw_styled(scr, y, x + col + 3, r.w - col - 4, &lo->right, lo->r_marks, l->r_start, l->r_end);
	}
}

/* The sentence at the top, to find again after the layout changes. */
static void remember_top(const struct compare_view *cv, size_t *sec, size_t *row)
{
	*sec = *row = 0;
	if (cv->top < cv->lo.n) {
		*sec = cv->lo.v[cv->top].sec;
		*row = cv->lo.v[cv->top].row;
	}
}

/* Moves both sides an edition on (dir > 0) or back, as long as both have one. */
static void shift_editions(struct compare_view *cv, struct app *app, int dir)
{
	struct corpus_doc *a = collection_adjacent(cv->a, dir), *b = collection_adjacent(cv->b, dir);
	size_t sec, row;

	if (!a || !b || a == b) {
		app_message(app, false, "No %s edition of %s: comparing %d and %d", dir > 0 ? "later" : "earlier",
			    tree_country_name(app->tree, cv->a->slug), cv->a->year, cv->b->year);
		return;
	}
	if (!corpus_doc_load(a, &app->diags) || !corpus_doc_load(b, &app->diags)) {
		app_doc_errors(app, a->doc ? b : a, " (listed after you quit)");
		return;
	}
	remember_top(cv, &sec, &row);
	cv->a = a;
	cv->b = b;
	build(cv, app);
	cv->top = cmp_layout_find(&cv->lo, sec < cv->cmp->n_secs ? sec : 0, row);
	app_message(app, false, "Comparing %d and %d: %.0f%% similar", cv->a->year, cv->b->year,
		    cv->cmp->similarity * 100);
}

/* Lands on the next change (dir > 0) or the one before, a line or two of
 * context above it, and says which it is. */
static void go_change(struct compare_view *cv, struct app *app, int dir, size_t last)
{
	size_t line, from = cv->top + (cv->top + CHANGE_CONTEXT < cv->lo.n ? CHANGE_CONTEXT : 0);

	if (!cv->cmp->n_changes) {
		app_message(app, false, "No changes between %d and %d", cv->a->year, cv->b->year);
		return;
	}
	if (!cmp_layout_next_change(&cv->lo, from, dir, &line)) {
		app_message(app, false, "%s (%zu changes)", dir > 0 ? "No more changes" : "No earlier change",
			    cv->cmp->n_changes);
		return;
	}
	cv->top = line > CHANGE_CONTEXT ? line - CHANGE_CONTEXT : 0;
	if (cv->top > last)
		cv->top = last;
	app_message(app, false, "Change %zu of %zu", cmp_layout_change_number(&cv->lo, line), cv->cmp->n_changes);
}

static bool compare_action(struct view *v, struct app *app, enum action act, int key)
{
	struct compare_view *cv = v->priv;
	size_t rows = v->area.h > 1 ? (size_t)v->area.h - 1 : 1, last = cv->lo.n > rows ? cv->lo.n - rows : 0;
	size_t sec, row;

	(void)key;
	if (!cv->cmp)
		return false;
	if (view_move(&cv->top, last, (int)rows, act))
		return true;
	switch (act) {
	case ACT_NEXT_CHANGE:
	case ACT_PREV_CHANGE:
		go_change(cv, app, act == ACT_NEXT_CHANGE ? 1 : -1, last);
		return true;
	case ACT_NEXT_YEAR:
	case ACT_PREV_YEAR:
		shift_editions(cv, app, act == ACT_NEXT_YEAR ? 1 : -1);
		return true;
	case ACT_SWAP: {
		struct corpus_doc *t = cv->a;

		/* The same figures either way round; the same sentence stays on top. */
		remember_top(cv, &sec, &row);
		cv->a = cv->b;
		cv->b = t;
		build(cv, app);
		cv->top = cmp_layout_find(&cv->lo, sec, row);
		app_message(app, false, "%d on the left, %d on the right", cv->a->year, cv->b->year);
		return true;
	}
	case ACT_INLINE:
		cv->inline_mode = !cv->inline_mode;
		relayout(cv, app);
		app_message(app, false, cv->lo.inline_mode ? "One column (%s: two)" : "Two columns (%s: one)",
			    keys_label(ACT_INLINE, CTX_COMPARE));
		if (!cv->inline_mode && cv->lo.inline_mode)
			app_message(app, false, "Two columns need 63 text columns: one column here");
		return true;
	case ACT_FOLD:
		cv->unfolded = !cv->unfolded;
		relayout(cv, app);
		return true;
	case ACT_CLOSE:
		app_close_pane(app);
		return true;
	default:
		return false;
	}
}

static void compare_status(struct view *v, struct app *app, struct strbuf *left, struct strbuf *right, int w)
{
	struct compare_view *cv = v->priv;
	const struct cmp_layout *lo = &cv->lo;
	const struct cmp_section *cs;

	if (!cv->cmp)
		return;
	cs = lo->n ? &cv->cmp->secs[lo->v[cv->top < lo->n ? cv->top : 0].sec] : NULL;
	sb_addf(left, "%d %s %d", cv->a->year, draw_glyph(&app->scr, GLYPH_ARROW), cv->b->year);
	sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
	sb_adds(left, tree_country_name(app->tree, cv->a->slug));
	if (!cs)
		return;
	sb_adds(left, draw_glyph(&app->scr, GLYPH_SEP));
	sb_adds(left, cs->title ? cs->title : cs->id);
	if (cs->not_in_excerpt) {
		char note[64];

		sb_addf(right, "%s ", cmp_section_note(cv->cmp, cs, note, sizeof(note)));
		return;
	}
	sb_addf(right, "section %.0f%%  whole %.0f%% similar ", cs->similarity * 100, cv->cmp->similarity * 100);
	/* Narrow: the section's figure alone, whole rather than cut. */
	if (right->len + 24 > (size_t)w) {
		sb_reset(right);
		sb_addf(right, "%.0f%% similar ", cs->similarity * 100);
	}
}

static void compare_refresh(struct view *v, struct app *app, enum refresh why)
{
	if (why == REFRESH_SIZE || why == REFRESH_NOTES)
		relayout(v->priv, app);
}

/* Another edition of the country, chosen in the tree or with a year key,
 * becomes the other side. */
static bool compare_offer(struct view *v, struct app *app, struct corpus_doc *doc)
{
	struct compare_view *cv = v->priv;

	if (!cv->cmp || strcmp(doc->slug, cv->a->slug) || doc == cv->a || doc == cv->b)
		return false;
	return start(v, app, doc->year);
}

const struct view_ops compare_view = {
	.name = "compare",
	.keys = CTX_COMPARE,
	.priv_size = sizeof(struct compare_view),
	.wide = true,
	.open = compare_open,
	.close = compare_close,
	.done = compare_done,
	.draw = compare_draw,
	.action = compare_action,
	.status = compare_status,
	.changed = compare_refresh,
	.prompt = compare_prompt,
	.offer = compare_offer,
};
