/* pdf.c — the PDF front end: MuPDF's structured text, put in reading order
 * and tagged with what the page shows.
 *
 * Two passes: every page's lines are read first (text, box, baseline, size,
 * weight, slant), so that the body type and its leading are known from the
 * whole file; then each page is ordered (lines across the page, then the
 * left column, then the right one, band by band) and every line gets its
 * role and whether a paragraph starts there. */
#include "config.h"

#include "import/pdf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include "base/util.h"

struct pline {
	float x0, y0, x1, y1; /* box on the page, y down */
	float base;           /* baseline */
	float size;           /* type size of most of its characters */
	bool bold, italic;    /* every letter of it */
	bool vertical;        /* not written left to right */
	unsigned page;
	char *text;           /* in the arena */
	size_t len;
};

struct pdoc {
	struct pline *v;
	size_t n, cap;
	struct arena *arena;
	float *page_w, *page_h; /* by page index */
	unsigned pages;
	float body, leading;    /* the body type's size and line spacing */
	size_t sizes[400];      /* letters per type size, in half points, so far */
	unsigned headings;      /* country headings seen so far, for progress */
};

bool pdf_sniff(const char *buf, size_t len)
{
	/* Readers accept the header anywhere in the first kilobyte. */
	size_t n = len < 1024 ? len : 1024;

	for (size_t i = 0; i + 5 <= n; i++)
		if (!memcmp(buf + i, "%PDF-", 5))
			return true;
	return false;
}

static bool font_named(fz_context *ctx, fz_font *font, const char *const *marks)
{
	const char *name = fz_font_name(ctx, font);

	for (; name && *marks; marks++)
		if (strstr(name, *marks))
			return true;
	return false;
}

static bool is_bold(fz_context *ctx, fz_font *font)
{
	static const char *const marks[] = { "Bold", "Black", "Heavy", "Semibold", NULL };

	return fz_font_is_bold(ctx, font) || font_named(ctx, font, marks);
}

static bool is_italic(fz_context *ctx, fz_font *font)
{
	static const char *const marks[] = { "Italic", "Oblique", NULL };

	return fz_font_is_italic(ctx, font) || font_named(ctx, font, marks);
}

/* The weight and slant of the font last asked about: a line's characters
 * nearly always share one, and asking by name costs string searches. */
struct font_look {
	fz_font *font;
	bool bold, italic;
};

static void look_of(fz_context *ctx, fz_font *font, struct font_look *fl)
{
	if (font == fl->font)
		return;
	fl->font = font;
	fl->bold = is_bold(ctx, font);
	fl->italic = is_italic(ctx, font);
}

/* One line of structured text into pd, trimmed; blank lines are skipped. */
static void take_line(fz_context *ctx, struct pdoc *pd, fz_stext_line *sl, unsigned page,
		      struct strbuf *sb)
{
	struct pline *pl;
	size_t letters = 0, bold = 0, italic = 0;
	float size = 0;
	struct font_look fl = { NULL, false, false };

	sb_reset(sb);
	for (fz_stext_char *c = sl->first_char; c; c = c->next) {
		char utf[FZ_UTFMAX];
		int c_ = c->c;

		/* Controls and unpaired surrogates never reach the text. */
		if (c_ < 0x20 || c_ == 0x7F || (c_ >= 0xD800 && c_ <= 0xDFFF) || c_ > 0x10FFFF)
			c_ = ' ';
		sb_add(sb, utf, (size_t)fz_runetochar(utf, c_));
		if (c_ == ' ')
			continue;
		letters++;
		look_of(ctx, c->font, &fl);
		bold += fl.bold;
		italic += fl.italic;
		if (c->size > size)
			size = c->size;
	}
	while (sb->len && sb->buf[sb->len - 1] == ' ')
		sb->len--;
	if (!letters)
		return;
	GROW(pd->v, pd->cap, pd->n + 1);
	pl = &pd->v[pd->n++];
	pl->x0 = sl->bbox.x0;
	pl->y0 = sl->bbox.y0;
	pl->x1 = sl->bbox.x1;
	pl->y1 = sl->bbox.y1;
	pl->base = sl->first_char->origin.y;
	pl->size = size;
	pl->bold = bold == letters;
	pl->italic = italic == letters;
	pl->vertical = fabsf(sl->dir.y) > 0.1f || sl->dir.x < 0;
	pl->page = page;
	pl->text = arena_strndup(pd->arena, sb->buf, sb->len);
	pl->len = sb->len;
	if (lroundf(size * 2) > 0 && lroundf(size * 2) < (long)ARRAY_SIZE(pd->sizes))
		pd->sizes[lroundf(size * 2)] += letters;
}

/* Country headings on the page just read, by the body size seen so far:
 * large type with a tier in it ("AFGHANISTAN: TIER 2", "(Tier 2)",
 * "SPECIAL CASE").  Only for the progress line: the builder decides. */
static void count_headings(struct pdoc *pd, size_t from)
{
	size_t body = 0;

	for (size_t k = 1; k < ARRAY_SIZE(pd->sizes); k++)
		if (pd->sizes[k] > pd->sizes[body])
			body = k;
	for (size_t i = from; i < pd->n; i++)
		if (pd->v[i].size * 2 >= body * 1.3f &&
		    (strstr(pd->v[i].text, "TIER") || strstr(pd->v[i].text, "Tier") ||
		     strstr(pd->v[i].text, "SPECIAL CASE") || strstr(pd->v[i].text, "Special Case")))
			pd->headings++;
}

static void read_page(fz_context *ctx, fz_document *doc, struct pdoc *pd, unsigned i,
		      struct strbuf *sb)
{
	fz_page *page = NULL;
	fz_stext_page *text = NULL;
	fz_stext_options opts;

	memset(&opts, 0, sizeof(opts));
	opts.flags = FZ_STEXT_MEDIABOX_CLIP;
	fz_var(page);
	fz_var(text);
	fz_try(ctx) {
		fz_rect r;

		page = fz_load_page(ctx, doc, (int)i);
		r = fz_bound_page(ctx, page);
		pd->page_w[i] = r.x1 - r.x0;
		pd->page_h[i] = r.y1 - r.y0;
		text = fz_new_stext_page_from_page(ctx, page, &opts);
		for (fz_stext_block *b = text->first_block; b; b = b->next)
			if (b->type == FZ_STEXT_BLOCK_TEXT)
				for (fz_stext_line *l = b->u.t.first_line; l; l = l->next)
					if (l->first_char)
						take_line(ctx, pd, l, i + 1, sb);
	}
	fz_always(ctx) {
		fz_drop_stext_page(ctx, text);
		fz_drop_page(ctx, page);
	}
	fz_catch(ctx) {
		fz_rethrow(ctx);
	}
}

/* --- what the whole file says ------------------------------------------- */

/* The most common value of v[i] weighted by w[i], in steps of half a point. */
static float weighted_mode(const float *v, const size_t *w, size_t n)
{
	size_t counts[400] = { 0 }, best = 0;

	for (size_t i = 0; i < n; i++) {
		long k = lroundf(v[i] * 2);

		if (k > 0 && k < (long)ARRAY_SIZE(counts))
			counts[k] += w[i];
	}
	for (size_t k = 1; k < ARRAY_SIZE(counts); k++)
		if (counts[k] > counts[best])
			best = k;
	return best / 2.0f;
}

static void measure_type(struct pdoc *pd)
{
	float *v = xcalloc(pd->n + 1, sizeof(*v));
	size_t *w = xcalloc(pd->n + 1, sizeof(*w)), m = 0;

	for (size_t i = 0; i < pd->n; i++) {
		v[i] = pd->v[i].size;
		w[i] = pd->v[i].len;
	}
	pd->body = weighted_mode(v, w, pd->n);
	/* The leading: the usual step between body lines that follow each
	 * other on the page. */
	for (size_t i = 1; i < pd->n; i++) {
		const struct pline *a = &pd->v[i - 1], *b = &pd->v[i];
		float dy = b->base - a->base;

		if (a->page == b->page && fabsf(a->size - pd->body) < 0.5f &&
		    fabsf(b->size - pd->body) < 0.5f && fabsf(a->x0 - b->x0) < pd->body * 3 &&
		    dy > 0 && dy < pd->body * 3) {
			v[m] = dy;
			w[m++] = 1;
		}
	}
	pd->leading = m ? weighted_mode(v, w, m) : pd->body * 1.2f;
	free(v);
	free(w);
}

/* --- one page ------------------------------------------------------------ */

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return len > 0;
}

/* Running heads, page numbers and the like: body-sized type at the page's
 * top or bottom edge, a number alone in body type, text turned on its side. */
static bool furniture(const struct pdoc *pd, const struct pline *pl)
{
	float w = pd->page_w[pl->page - 1], h = pd->page_h[pl->page - 1];
	bool edge = pl->y1 < h * 0.075f || pl->y0 > h * 0.925f;

	return pl->vertical || pl->x1 < 0 || pl->x0 > w ||
	       (pl->size <= pd->body * 1.15f &&
		(edge || (all_digits(pl->text, pl->len) && pl->len <= 4)));
}

static enum src_role role_of(const struct pdoc *pd, const struct pline *pl, unsigned char *level)
{
	*level = 0;
	if (furniture(pd, pl))
		return SRC_FURNITURE;
	if (pl->size >= pd->body * 1.3f) {
		*level = 1;
		return SRC_HEADING;
	}
	if (pl->bold && pl->size >= pd->body * 0.95f) {
		*level = 2;
		return SRC_HEADING;
	}
	if (pl->italic && pl->size <= pd->body * 1.05f)
		return SRC_CAPTION;
	return SRC_TEXT;
}

/* Where a line sits: across the page, the left column or the right one. */
enum place { ACROSS, LEFT, RIGHT };

static enum place place_of(const struct pdoc *pd, const struct pline *pl)
{
	float mid = pd->page_w[pl->page - 1] / 2, slack = pd->body * 0.5f;

	if (pl->x1 <= mid + slack)
		return LEFT;
	if (pl->x0 >= mid - slack)
		return RIGHT;
	return ACROSS;
}

static int cmp_base(const void *a, const void *b)
{
	const struct pline *x = *(const struct pline *const *)a, *y = *(const struct pline *const *)b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

struct emitter {
	struct import_source *src;
	const struct pdoc *pd;
	const struct pline *prev; /* the line emitted last, in the same flow */
	enum place prev_place;
	size_t prev_out;          /* its index in src->lines, or SIZE_MAX */
};

static void emit(struct emitter *em, const struct pline *pl, enum place place)
{
	unsigned char level;
	enum src_role role = role_of(em->pd, pl, &level);
	const struct pline *prev = em->prev;
	struct src_line *out, *last = em->prev_out < em->src->n ? &em->src->lines[em->prev_out] : NULL;

	/* A heading set on two lines ("KOREA, DEMOCRATIC" / "PEOPLE'S
	 * REPUBLIC OF: TIER 3") is one heading. */
	if (role == SRC_HEADING && last && last->role == SRC_HEADING && last->level == level &&
	    prev && prev->page == pl->page &&
	    fabsf(pl->x0 - prev->x0) < pl->size && pl->base - prev->base > 0 &&
	    pl->base - prev->base < pl->size * 1.6f) {
		char *joined = arena_alloc(em->src->arena, last->len + pl->len + 2);

		memcpy(joined, last->s, last->len);
		joined[last->len] = ' ';
		memcpy(joined + last->len + 1, pl->text, pl->len + 1);
		last->s = joined;
		last->len += pl->len + 1;
		em->prev = pl;
		return;
	}
	out = import_source_add(em->src, pl->text, pl->len);
	/* Adding may have moved the lines. */
	last = last ? &em->src->lines[em->prev_out] : NULL;
	out->page = pl->page;
	out->role = role;
	out->level = level;
	if (role == SRC_FURNITURE || role == SRC_CAPTION)
		return;
	if (role == SRC_HEADING || (last && last->role == SRC_HEADING)) {
		out->brk = SRC_BREAK_NEW;
	} else if (prev && prev->page == pl->page && place == em->prev_place) {
		float dy = pl->base - prev->base;

		out->brk = dy > 0 && dy < em->pd->leading * 1.3f ? SRC_BREAK_JOIN : SRC_BREAK_NEW;
	}
	em->prev = pl;
	em->prev_place = place;
	em->prev_out = em->src->n - 1;
}

/* Emits the band's left column, then its right one. */
static void flush_band(struct emitter *em, const struct pline **band, size_t n)
{
	for (int side = LEFT; side <= RIGHT; side++)
		for (size_t i = 0; i < n; i++)
			if (place_of(em->pd, band[i]) == (enum place)side)
				emit(em, band[i], (enum place)side);
}

static void order_page(struct emitter *em, const struct pline **v, size_t n)
{
	size_t start = 0;

	qsort(v, n, sizeof(*v), cmp_base);
	for (size_t i = 0; i < n; i++) {
		/* Furniture across the page (a running head) does not cut the
		 * columns into bands. */
		if (place_of(em->pd, v[i]) != ACROSS || furniture(em->pd, v[i]))
			continue;
		flush_band(em, v + start, i - start);
		emit(em, v[i], ACROSS);
		start = i + 1;
	}
	flush_band(em, v + start, n - start);
	for (size_t i = 0; i < n; i++)
		if (place_of(em->pd, v[i]) == ACROSS && furniture(em->pd, v[i]))
			emit(em, v[i], ACROSS);
}

static void order_pages(struct pdoc *pd, struct import_source *src)
{
	struct emitter em = { .src = src, .pd = pd, .prev_out = SIZE_MAX };
	const struct pline **v = xcalloc(pd->n + 1, sizeof(*v));

	for (size_t i = 0; i < pd->n;) {
		size_t j = i;

		while (j < pd->n && pd->v[j].page == pd->v[i].page)
			j++;
		for (size_t k = i; k < j; k++)
			v[k - i] = &pd->v[k];
		order_page(&em, v, j - i);
		i = j;
	}
	free(v);
}

/* --- the file --------------------------------------------------------- */

static void quiet(void *user, const char *message)
{
	(void)user;
	(void)message;
}

bool import_source_pdf(struct import_source *src, const char *buf, size_t len, struct diags *d,
		       import_page_fn *progress, void *arg)
{
	fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	fz_stream *stm = NULL;
	pdf_document *pdf = NULL;
	struct pdoc pd = { .arena = arena_new() };
	struct strbuf sb = {0};
	bool ok = true;

	if (!ctx)
		die("cannot start MuPDF: out of memory");
	/* MuPDF's own messages would go to stderr; a bad file is said once, here. */
	fz_set_warning_callback(ctx, quiet, NULL);
	fz_set_error_callback(ctx, quiet, NULL);
	fz_var(stm);
	fz_var(pdf);
	fz_var(ok);
	fz_try(ctx) {
		int n;

		stm = fz_open_memory(ctx, (const unsigned char *)buf, len);
		pdf = pdf_open_document_with_stream(ctx, stm);
		n = fz_count_pages(ctx, &pdf->super);
		pd.pages = n > 0 ? (unsigned)n : 0;
		pd.page_w = xcalloc(pd.pages + 1, sizeof(float));
		pd.page_h = xcalloc(pd.pages + 1, sizeof(float));
		for (unsigned i = 0; i < pd.pages; i++) {
			size_t from = pd.n;

			read_page(ctx, &pdf->super, &pd, i, &sb);
			count_headings(&pd, from);
			if (progress)
				progress(arg, i + 1, pd.pages, pd.headings);
		}
	}
	fz_always(ctx) {
		fz_drop_document(ctx, pdf ? &pdf->super : NULL);
		fz_drop_stream(ctx, stm);
	}
	fz_catch(ctx) {
		diags_add(d, DIAG_ERROR, src->name, 0, 0, "cannot read this PDF: %s",
			  fz_caught_message(ctx));
		ok = false;
	}
	fz_drop_context(ctx);
	sb_free(&sb);
	if (ok && !pd.pages) {
		diags_add(d, DIAG_ERROR, src->name, 0, 0, "cannot read this PDF: it has no pages");
		ok = false;
	} else if (ok && !pd.n) {
		diags_add(d, DIAG_ERROR, src->name, 0, 0,
			  "no text in this PDF's %u page%s (scanned pages need OCR first)", pd.pages,
			  pd.pages == 1 ? "" : "s");
		ok = false;
	}
	if (ok) {
		measure_type(&pd);
		if (!src->arena)
			src->arena = arena_new();
		order_pages(&pd, src);
		src->n_pages = pd.pages;
	}
	free(pd.v);
	free(pd.page_w);
	free(pd.page_h);
	arena_free(pd.arena);
	return ok;
}
