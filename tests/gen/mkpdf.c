/* mkpdf.c — lays out report pages as the State Department's PDF sets them,
 * with cairo's PDF surface, from a small markup read on stdin.  Test and
 * benchmark fixtures only: nothing downloaded, every page made from the seed
 * texts.
 *
 * Usage: mkpdf OUT.pdf < MARKUP
 *
 * One directive a line (text is UTF-8, the rest of the line):
 *   .layout 1|2       start a new page with one or two columns
 *   .running on|off   running heads and page numbers (narrative pages)
 *   .title TEXT       a chapter title, 20 pt bold, across a new page
 *   .country TEXT     a country heading: 15 pt bold, blue, in the column
 *   .tierline TEXT    the tier under a one-column heading, 11 pt bold
 *   .section TEXT     a section heading, bold capitals
 *   .p TEXT           a paragraph (hyphenated at column ends)
 *   .item TEXT        a bulleted list item
 *   .caption TEXT     a grey photo box with an italic caption under it
 *   .line TEXT        one unwrapped line (placement lists)
 *   .page             a page break
 *   # ...             a comment
 * The running heads are "TRAFFICKING IN PERSONS REPORT" (even pages) and the
 * name of the narrative running at the top of the page (odd pages); the
 * foot carries the page number and "COUNTRY NARRATIVES". */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 612.0
#define PAGE_H 792.0
#define MARGIN 54.0
#define GUTTER 18.0
#define TOP (MARGIN + 14.0)
#define BOTTOM (PAGE_H - MARGIN - 10.0)
#define BODY 9.0
#define LEAD 11.5

struct layout {
	cairo_surface_t *surface;
	cairo_t *cr;
	int columns, column, page;
	double y;
	double col_top;        /* where the columns start: under a title, else TOP */
	int running;
	char country[128];     /* the narrative under way, for the running head */
	char page_country[128];/* ... as it was when the page started */
	int page_dirty;
};

static void die(const char *what)
{
	fprintf(stderr, "mkpdf: %s\n", what);
	exit(1);
}

static double col_width(const struct layout *lo)
{
	return lo->columns == 1 ? PAGE_W - 2 * MARGIN : (PAGE_W - 2 * MARGIN - GUTTER) / 2;
}

static double col_x(const struct layout *lo)
{
	return MARGIN + lo->column * (col_width(lo) + GUTTER);
}

static void font(struct layout *lo, const char *family, int italic, int bold, double size)
{
	cairo_select_font_face(lo->cr, family, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(lo->cr, size);
}

static double width_of(struct layout *lo, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(lo->cr, s, &e);
	return e.x_advance;
}

static void show_at(struct layout *lo, double x, double y, const char *s)
{
	cairo_move_to(lo->cr, x, y);
	cairo_show_text(lo->cr, s);
}

static void furniture(struct layout *lo)
{
	char num[16];

	if (!lo->running)
		return;
	cairo_set_source_rgb(lo->cr, 0.35, 0.35, 0.35);
	font(lo, "DejaVu Sans", 0, 1, 7.5);
	if (lo->page % 2 == 0 || !lo->page_country[0])
		show_at(lo, MARGIN, MARGIN - 8, "TRAFFICKING IN PERSONS REPORT");
	else
		show_at(lo, PAGE_W - MARGIN - width_of(lo, lo->page_country), MARGIN - 8,
			lo->page_country);
	snprintf(num, sizeof(num), "%d", lo->page);
	font(lo, "DejaVu Sans", 0, 0, 8);
	if (lo->page % 2 == 0)
		show_at(lo, MARGIN, PAGE_H - MARGIN + 16, num);
	else
		show_at(lo, PAGE_W - MARGIN - width_of(lo, num), PAGE_H - MARGIN + 16, num);
	if (lo->page_country[0] && lo->page % 2 == 0)
		show_at(lo, MARGIN + 24, PAGE_H - MARGIN + 16, "COUNTRY NARRATIVES");
	else if (lo->page_country[0])
		show_at(lo, PAGE_W - MARGIN - 24 - width_of(lo, "COUNTRY NARRATIVES"),
			PAGE_H - MARGIN + 16, "COUNTRY NARRATIVES");
	cairo_set_source_rgb(lo->cr, 0, 0, 0);
}

static void new_page(struct layout *lo)
{
	if (lo->page_dirty) {
		furniture(lo);
		cairo_show_page(lo->cr);
		lo->page++;
	}
	lo->page_dirty = 0;
	lo->column = 0;
	lo->y = lo->col_top = TOP;
	strcpy(lo->page_country, lo->country);
}

/* Room for h more points in the column, else the next column or page. */
static void need(struct layout *lo, double h)
{
	if (lo->y + h <= BOTTOM)
		return;
	if (lo->column + 1 < lo->columns) {
		lo->column++;
		lo->y = lo->col_top;
		return;
	}
	new_page(lo);
}

/* A line at indent points into the column it lands in. */
static void line_out(struct layout *lo, double indent, const char *s, double lead)
{
	need(lo, lead);
	lo->y += lead;
	show_at(lo, col_x(lo) + indent, lo->y, s);
	lo->page_dirty = 1;
}

/* Where to split a word that does not fit in room points: after a hyphen
 * the word has, else between two letters with three on each side. */
static size_t split_point(struct layout *lo, const char *w, double room)
{
	size_t n = strlen(w), best = 0;
	char buf[256];

	if (n >= sizeof(buf) || n < 7)
		return 0;
	for (size_t k = 3; k + 3 <= n; k++) {
		int after_hyphen = w[k - 1] == '-';

		if (!after_hyphen && (!isalpha((unsigned char)w[k - 1]) || !isalpha((unsigned char)w[k])))
			continue;
		memcpy(buf, w, k);
		buf[k] = '\0';
		if (!after_hyphen)
			strcat(buf, "-");
		if (width_of(lo, buf) > room)
			break;
		best = k;
	}
	return best;
}

/* Fills lines of the column with the words of text, hyphenating a long word
 * at a column end. */
static void wrap(struct layout *lo, const char *text, double indent, const char *first_prefix)
{
	char *copy = strdup(text), *save = NULL, *w;
	char line[2048] = "";
	double width = col_width(lo) - indent, space = width_of(lo, " ");
	int first = 1;

	if (!copy)
		die("out of memory");
	if (first_prefix)
		strcpy(line, first_prefix);
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char word[512];

		snprintf(word, sizeof(word), "%s", w);
		for (;;) {
			double used = line[0] ? width_of(lo, line) + space : 0;
			size_t k;

			if (used + width_of(lo, word) <= width) {
				if (line[0])
					strcat(line, " ");
				strcat(line, word);
				break;
			}
			if (line[0] && width - used > width * 0.15 &&
			    (k = split_point(lo, word, width - used))) {
				strcat(line, " ");
				strncat(line, word, k);
				if (word[k - 1] != '-')
					strcat(line, "-");
				memmove(word, word + k, strlen(word + k) + 1);
			}
			if (!line[0])
				die("a word wider than the column");
			line_out(lo, first && first_prefix ? 0 : indent, line, LEAD);
			first = 0;
			line[0] = '\0';
		}
		if (strlen(line) > sizeof(line) - 600)
			die("line too long");
	}
	if (line[0])
		line_out(lo, first && first_prefix ? 0 : indent, line, LEAD);
	free(copy);
}

static void heading(struct layout *lo, const char *text, double size, int blue, int keep)
{
	need(lo, size * 1.3 + keep * LEAD);
	font(lo, "DejaVu Sans", 0, 1, size);
	if (blue)
		cairo_set_source_rgb(lo->cr, 0.05, 0.25, 0.55);
	lo->y += size * 0.4;
	{
		/* Long names wrap: "KOREA, DEMOCRATIC" / "PEOPLE'S REPUBLIC OF: TIER 3". */
		double save_lead = size * 1.2;
		char *copy = strdup(text), *save = NULL, *w;
		char line[512] = "";

		if (!copy)
			die("out of memory");
		for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
			char trial[512];

			snprintf(trial, sizeof(trial), "%s%s%s", line, line[0] ? " " : "", w);
			if (line[0] && width_of(lo, trial) > col_width(lo)) {
				line_out(lo, 0, line, save_lead);
				snprintf(line, sizeof(line), "%s", w);
			} else {
				snprintf(line, sizeof(line), "%s", trial);
			}
		}
		if (line[0])
			line_out(lo, 0, line, save_lead);
		free(copy);
	}
	cairo_set_source_rgb(lo->cr, 0, 0, 0);
	lo->y += size * 0.3;
}

static void directive(struct layout *lo, const char *cmd, const char *arg)
{
	if (!strcmp(cmd, "layout")) {
		lo->columns = atoi(arg) == 1 ? 1 : 2;
		new_page(lo);
	} else if (!strcmp(cmd, "running")) {
		lo->running = !strcmp(arg, "on");
	} else if (!strcmp(cmd, "page")) {
		new_page(lo);
	} else if (!strcmp(cmd, "title")) {
		int cols = lo->columns;

		new_page(lo);
		lo->columns = 1;
		heading(lo, arg, 20, 1, 0);
		lo->y += 12;
		lo->columns = cols;
		/* The columns start under the title. */
		lo->col_top = lo->y;
	} else if (!strcmp(cmd, "country")) {
		char *colon;

		snprintf(lo->country, sizeof(lo->country), "%s", arg);
		if ((colon = strchr(lo->country, ':')) || (colon = strstr(lo->country, " (")))
			*colon = '\0';
		if (!lo->page_country[0] || lo->y == TOP)
			strcpy(lo->page_country, lo->country);
		lo->y += LEAD;
		heading(lo, arg, lo->columns == 1 ? 13 : 15, 1, 4);
	} else if (!strcmp(cmd, "tierline")) {
		heading(lo, arg, 11, 0, 3);
	} else if (!strcmp(cmd, "section")) {
		lo->y += 4;
		need(lo, 4 * LEAD);
		font(lo, "DejaVu Sans", 0, 1, 9.5);
		line_out(lo, 0, arg, LEAD + 2);
		lo->y += 2;
	} else if (!strcmp(cmd, "p")) {
		font(lo, "DejaVu Serif", 0, 0, BODY);
		wrap(lo, arg, 0, NULL);
		lo->y += 5;
	} else if (!strcmp(cmd, "item")) {
		font(lo, "DejaVu Serif", 0, 0, BODY);
		wrap(lo, arg, 10, "\xe2\x80\xa2 ");
		lo->y += 2;
	} else if (!strcmp(cmd, "caption")) {
		need(lo, 90 + 3 * LEAD);
		cairo_set_source_rgb(lo->cr, 0.8, 0.8, 0.8);
		cairo_rectangle(lo->cr, col_x(lo), lo->y + 4, col_width(lo), 80);
		cairo_fill(lo->cr);
		cairo_set_source_rgb(lo->cr, 0.2, 0.2, 0.2);
		lo->y += 86;
		font(lo, "DejaVu Sans", 1, 0, 8);
		wrap(lo, arg, 0, NULL);
		cairo_set_source_rgb(lo->cr, 0, 0, 0);
		lo->y += 8;
	} else if (!strcmp(cmd, "line")) {
		font(lo, "DejaVu Sans", 0, 0, BODY);
		line_out(lo, 0, arg, LEAD);
	} else {
		die("unknown directive");
	}
}

int main(int argc, char **argv)
{
	struct layout lo = { .columns = 2, .page = 1, .y = TOP, .running = 1 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (argc != 2) {
		fprintf(stderr, "usage: mkpdf OUT.pdf < MARKUP\n");
		return 2;
	}
	lo.surface = cairo_pdf_surface_create(argv[1], PAGE_W, PAGE_H);
	if (cairo_surface_status(lo.surface) != CAIRO_STATUS_SUCCESS)
		die("cannot create the PDF");
	lo.cr = cairo_create(lo.surface);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		char *arg;

		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!n || line[0] == '#')
			continue;
		if (line[0] != '.')
			die("a line that is not a directive");
		arg = line + 1 + strcspn(line + 1, " ");
		if (*arg)
			*arg++ = '\0';
		directive(&lo, line + 1, arg);
	}
	free(line);
	if (lo.page_dirty) {
		furniture(&lo);
		cairo_show_page(lo.cr);
	}
	cairo_destroy(lo.cr);
	cairo_surface_finish(lo.surface);
	if (cairo_surface_status(lo.surface) != CAIRO_STATUS_SUCCESS)
		die("cannot write the PDF");
	cairo_surface_destroy(lo.surface);
	/* cairo and fontconfig keep their fonts until told; a leak checker
	 * would count them. */
	cairo_debug_reset_static_data();
	FcFini();
	return 0;
}
