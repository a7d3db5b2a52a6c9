/* cmd_tiers.c — tipr tiers: a country's tier in every edition, an edition's
 * placements and tile map, and the share of each tier per edition. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/json.h"
#include "base/textsafe.h"
#include "cli/commands.h"
#include "style/styled.h"
#include "text/textwrap.h"
#include "tiers/tierpic.h"

enum { OPT_YEAR = OPT_FIRST_COMMAND_OPTION, OPT_MAP, OPT_FORMAT, OPT_WIDTH };

static const struct cli_option tiers_options[] = {
	{ "year", "YEAR", OPT_YEAR,
	  "an edition's placements" },
	{ "map", NULL, OPT_MAP,
	  "with --year: the tile map (text only)" },
	{ "format", "F", OPT_FORMAT,
	  "text (default), csv (one row per country and edition: country,iso3,year,tier,scale,change,previous_tier, previous_year,excerpt,reason,section,paragraph,flag; without COUNTRY or --year: year and counts per tier), json" },
	{ "width", "N", OPT_WIDTH,
	  "the width of the pictures and wrapped text (default: the terminal's)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_tiers_spec = {
	"tipr tiers COUNTRY [--format text|csv|json]\n"
	"tipr tiers --year YEAR [--map] [--format text|csv|json]\n"
	"tipr tiers [--format text|csv|json]",
	"Tier placements in the annual reports of the content.  With COUNTRY: its\n"
	"tier in every edition, as a strip (one cell per edition) and a row per\n"
	"edition: the tier, its value on the scale (Tier 1 = 1, Tier 2 = 2, Tier 2\n"
	"Watch List = 2.5, Tier 3 = 3; Special Case is not on it), the change from\n"
	"the latest earlier edition that gives a tier (first seen, up, down, same,\n"
	"changed to or from Special Case, not in the report, excerpt), and the\n"
	"narrative's sentence that gives the placement (\"...remained on Tier 3\").\n"
	"A change whose narrative gives no such sentence is flagged \"unexplained\";\n"
	"a sentence that names another tier, or another move from the year before,\n"
	"\"disagrees\".  With --year: that edition's counts per tier, the countries\n"
	"of each tier and every change from the edition before, with reasons; --map\n"
	"draws the edition instead as a tile map, a tile per country (its ISO code\n"
	"and tier) by region, with a legend.  With neither: the share of each tier\n"
	"in every edition.  Pictures use colour and Unicode blocks; without colour\n"
	"(--color never, NO_COLOR) tiers are letters 1, 2, W, 3, S (? no tier, \xc2\xb7 not\n"
	"in the report); outside a UTF-8 locale, ASCII.\n",
	tiers_options,
};

enum format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };

struct out {
	const struct countries *cs;
	const struct palette *pal; /* NULL: no colour */
	size_t width;
};

/* Every CSV cell goes through the shared writer (base/csv.h: quoting, inert
 * text, no formulas). */
static void csv_cell(const char *s, bool last)
{
	csv_field(stdout, s);
	putchar(last ? '\n' : ',');
}

static const char *name_of(const struct country *c, const char *slug)
{
	return c ? country_display_name(c) : slug;
}

static const char *iso3_of(const struct country *c)
{
	return c && c->iso3 ? c->iso3 : "";
}

static void print_picture(const struct out *o, const struct picture *p)
{
	pic_print(p, o->pal, stdout);
}

/* A title line: name in the title's style, then rest (takes and frees it),
 * both made inert (they hold names from the content). */
static void put_title(const struct out *o, const char *name, char *rest)
{
	fputs(sgr(o->pal, ROLE_TITLE), stdout);
	textsafe_fputs(name, stdout);
	fputs(sgr_reset(o->pal), stdout);
	fputs(sgr(o->pal, ROLE_META), stdout);
	textsafe_fputs(rest, stdout);
	fputs(sgr_reset(o->pal), stdout);
	putchar('\n');
	free(rest);
}

/* --- text ------------------------------------------------------------------ */

/* The change of y in words: "down from Tier 1", with the year compared with
 * when that was not the edition just before (prev, 0 for none). */
static char *change_words(const struct tier_year *y, int prev)
{
	struct strbuf sb = {0};

	switch (y->change) {
	case TC_UP:
	case TC_DOWN:
	case TC_CHANGED:
		sb_addf(&sb, "%s from %s", tier_change_text(y->change), tier_label(y->before));
		break;
	default:
		sb_adds(&sb, tier_change_text(y->change));
		break;
	}
	if (y->since && y->since != prev &&
	    (y->change == TC_UP || y->change == TC_DOWN || y->change == TC_CHANGED || y->change == TC_SAME))
		sb_addf(&sb, " %s %d", y->change == TC_SAME ? "as in" : "in", y->since);
	if (y->excerpt && y->change != TC_EXCERPT)
		sb_adds(&sb, " (excerpt)");
	return sb_detach(&sb);
}

/* Writes st wrapped at width, every line indented. */
static void put_wrapped(const struct styled *st, size_t indent, size_t width, const struct palette *pal)
{
	struct wrap_line *lines;
	size_t n = wrap_text(st->text.buf, st->text.len, width > indent + 20 ? width - indent : 20, &lines);

	for (size_t i = 0; i < n; i++) {
		printf("%*s", (int)indent, "");
		styled_print(st, lines[i].start, lines[i].end, pal, 0, stdout);
		putchar('\n');
	}
	free(lines);
}

/* The reason of y ("Overview, para. 1: "...""), and its flag, indented. */
static void put_reason(const struct out *o, const struct tier_year *y, size_t indent)
{
	/* How the sentence put it: "remained on Tier 3", "remained a Special Case". */
	static const char *const says[MOVE__COUNT] = {
		"", "remained on", "upgraded to", "downgraded to", "placed on",
	}, *const says_special[MOVE__COUNT] = {
		"", "remained a", "upgraded to", "downgraded to", "placed as a",
	};
	const struct tier_reason *r = &y->reason;
	struct styled st = {0};

	if (r->sentence) {
		const char *where = r->section_title ? r->section_title : r->section_id;
		char *para = xasprintf(", para. %zu: \xe2\x80\x9c", r->para + 1);

		styled_add(&st, where, strlen(where), ROLE_META);
		styled_adds(&st, para, ROLE_META);
		styled_add(&st, r->sentence, strlen(r->sentence), ROLE_TEXT);
		styled_adds(&st, "\xe2\x80\x9d", ROLE_META);
		put_wrapped(&st, indent, o->width, o->pal);
		free(para);
	}
	styled_reset(&st);
	if (y->flag == TF_UNEXPLAINED) {
		styled_adds(&st, "! unexplained: the narrative gives no sentence placing the country",
			    ROLE_NOTICE);
	} else if (y->flag == TF_DISAGREES) {
		char *msg = xasprintf("! disagrees: the narrative says %s %s",
				      (r->tier == TIER_SPECIAL ? says_special : says)[r->move], tier_label(r->tier));

		styled_adds(&st, msg, ROLE_NOTICE);
		free(msg);
	}
	if (st.text.len)
		put_wrapped(&st, indent, o->width, o->pal);
	styled_free(&st);
}

static void text_history(const struct out *o, const struct tier_history *h, const char *title)
{
	char *name = xasprintf("%s (%s)", name_of(h->country, h->slug), iso3_of(h->country));
	struct picture p;

	put_title(o, name, xasprintf(": %s, %d-%d", title, h->years[0].year, h->years[h->n - 1].year));
	free(name);
	pic_init(&p, cli_utf8(), o->pal && o->pal->colours);
	pic_printf(&p, ROLE_TEXT, "%d ", h->years[0].year);
	tierpic_strip(&p, h);
	pic_printf(&p, ROLE_TEXT, " %d", h->years[h->n - 1].year);
	tierpic_legend(&p, NULL, o->width);
	print_picture(o, &p);
	pic_free(&p);
	for (size_t i = 0; i < h->n; i++) {
		const struct tier_year *y = &h->years[i];
		char *change = change_words(y, i ? h->years[i - 1].year : 0);
		const char *label = y->tier ? tier_label(y->tier) : "-";
		double v;
		char scale[16] = "-";

		if (tier_scale(y->tier, &v))
			snprintf(scale, sizeof(scale), "%g", v);
		printf("%s%d  %s%-17s%s  %-3s  %s\n", i ? "" : "\n", y->year, sgr_tier(o->pal, y->tier), label,
		       y->tier ? sgr_reset(o->pal) : "", scale, change);
		free(change);
		put_reason(o, y, 6);
	}
}

/* "Trafficking in Persons Report 2022: 190 narratives", and ", changes
 * from 2021" when they follow. */
static void put_edition_title(const struct out *o, const struct tier_edition *e, const char *title,
			      bool changes)
{
	char *name = xasprintf("%s %d", title, e->year);

	put_title(o, name, changes && e->previous ? xasprintf(": %zu narrative%s, changes from %d", e->n_present,
						   e->n_present == 1 ? "" : "s", e->previous)
				       : xasprintf(": %zu narrative%s", e->n_present, e->n_present == 1 ? "" : "s"));
	free(name);
}

static void text_edition(const struct out *o, const struct tier_edition *e, const char *title)
{
	static const enum tier tiers[] = { TIER_1, TIER_2, TIER_2WL, TIER_3, TIER_SPECIAL, TIER_NONE };
	struct pic_bar bars[ARRAY_SIZE(tiers)];
	struct picture p;
	size_t changes = 0, listed = 0;

	put_edition_title(o, e, title, true);
	putchar('\n');
	for (size_t k = 0; k < ARRAY_SIZE(tiers); k++)
		bars[k] = (struct pic_bar){ tiers[k] ? tier_label(tiers[k]) : "no tier", e->counts[tiers[k]], 0,
					    theme_tier_role(tiers[k]), (int)k };
	pic_init(&p, cli_utf8(), o->pal && o->pal->colours);
	pic_bars(&p, bars, ARRAY_SIZE(bars), o->width);
	print_picture(o, &p);
	pic_free(&p);
	for (size_t k = 0; k < ARRAY_SIZE(tiers); k++) {
		struct styled st = {0};
		bool any = false;

		if (!e->counts[tiers[k]])
			continue;
		if (!listed++)
			putchar('\n');
		styled_adds(&st, bars[k].label, ROLE_HEADING);
		for (size_t i = 0; i < e->n_present; i++) {
			const struct tier_place *pl = &e->places[i];
			const char *nm = name_of(pl->country, pl->slug);

			if (pl->y.tier != tiers[k])
				continue;
			styled_adds(&st, any ? ", " : ": ", ROLE_TEXT);
			styled_add(&st, nm, strlen(nm), ROLE_TEXT);
			if (pl->y.excerpt)
				styled_adds(&st, " (excerpt)", ROLE_META);
			any = true;
		}
		put_wrapped(&st, 0, o->width, o->pal);
		styled_free(&st);
	}
	/* The first edition has nothing to change from. */
	for (size_t i = 0; e->previous && i < e->n_places; i++) {
		const struct tier_place *pl = &e->places[i];
		char *change;

		if (pl->y.change == TC_SAME && !pl->y.flag)
			continue;
		if (!changes++)
			printf("\n%sChanges from %d%s\n", sgr(o->pal, ROLE_HEADING), e->previous,
			       sgr_reset(o->pal));
		change = change_words(&pl->y, e->previous);
		printf("  ");
		textsafe_fputs(name_of(pl->country, pl->slug), stdout);
		printf(": %s%s%s", sgr_tier(o->pal, pl->y.tier), pl->y.tier ? tier_label(pl->y.tier) : "",
		       pl->y.tier ? sgr_reset(o->pal) : "");
		if (pl->y.change == TC_ABSENT)
			printf("%s (was %s in %d)\n", change, tier_label(pl->y.before), pl->y.since);
		else
			printf("%s%s\n", pl->y.tier ? ", " : "", change);
		free(change);
		put_reason(o, &pl->y, 4);
	}
	if (e->previous && !changes)
		printf("\nNo changes from %d.\n", e->previous);
}

static void text_map(const struct out *o, const struct tier_edition *e, const char *title)
{
	struct picture p;

	put_edition_title(o, e, title, false);
	pic_init(&p, cli_utf8(), o->pal && o->pal->colours);
	tierpic_map(&p, e, o->cs, o->width);
	pic_newline(&p);
	tierpic_legend(&p, e->counts, o->width);
	print_picture(o, &p);
	pic_free(&p);
}

static void text_shares(const struct out *o, const struct tier_counts *v, size_t n, const char *title)
{
	struct picture p;

	put_title(o, title, xasprintf(": tier placements by edition, %d-%d", v[0].year, v[n - 1].year));
	pic_init(&p, cli_utf8(), o->pal && o->pal->colours);
	tierpic_shares(&p, v, n, o->width);
	pic_newline(&p);
	tierpic_legend(&p, NULL, o->width);
	print_picture(o, &p);
	pic_free(&p);
}

/* --- CSV and JSON ---------------------------------------------------------- */

static void csv_header(void)
{
	fputs("country,iso3,year,tier,scale,change,previous_tier,previous_year,excerpt,reason,section,"
	      "paragraph,flag\n", stdout);
}

static void tier_csv_row(const struct country *c, const char *slug, const struct tier_year *y)
{
	char year[16], scale[16] = "", since[16] = "", para[24] = "";
	double v;

	snprintf(year, sizeof(year), "%d", y->year);
	if (tier_scale(y->tier, &v))
		snprintf(scale, sizeof(scale), "%g", v);
	if (y->since)
		snprintf(since, sizeof(since), "%d", y->since);
	if (y->reason.sentence)
		snprintf(para, sizeof(para), "%zu", y->reason.para + 1);
	csv_cell(name_of(c, slug), false);
	csv_cell(iso3_of(c), false);
	csv_cell(year, false);
	csv_cell(tier_value(y->tier), false);
	csv_cell(scale, false);
	csv_cell(tier_change_name(y->change), false);
	csv_cell(tier_value(y->before), false);
	csv_cell(since, false);
	csv_cell(!y->entry || y->entry->failed ? "" : y->excerpt ? "true" : "false", false);
	csv_cell(y->reason.sentence ? y->reason.sentence : "", false);
	csv_cell(y->reason.sentence ? y->reason.section_id : "", false);
	csv_cell(para, false);
	csv_cell(tier_flag_name(y->flag), true);
}

/* A JSON string, or null for "". */
static void json_or_null(const char *s)
{
	if (*s)
		json_string(stdout, s);
	else
		fputs("null", stdout);
}

/* The members of a row object (without braces). */
static void json_row(const struct tier_year *y)
{
	double v;

	printf("\"year\":%d,\"tier\":", y->year);
	json_or_null(tier_value(y->tier));
	if (tier_scale(y->tier, &v))
		printf(",\"scale\":%g", v);
	else
		printf(",\"scale\":null");
	printf(",\"change\":\"%s\",\"previous\":", tier_change_name(y->change));
	if (y->since) {
		printf("{\"tier\":");
		json_string(stdout, tier_value(y->before));
		printf(",\"year\":%d}", y->since);
	} else {
		printf("null");
	}
	printf(",\"excerpt\":%s,\"reason\":", !y->entry || y->entry->failed ? "null" : y->excerpt ? "true" : "false");
	if (y->reason.sentence) {
		printf("{\"sentence\":");
		json_string(stdout, y->reason.sentence);
		printf(",\"section\":");
		json_string(stdout, y->reason.section_id);
		printf(",\"paragraph\":%zu,\"says\":\"%s\",\"tier\":", y->reason.para + 1,
		       tier_move_name(y->reason.move));
		json_or_null(tier_value(y->reason.tier));
		putchar('}');
	} else {
		printf("null");
	}
	printf(",\"flag\":");
	json_or_null(tier_flag_name(y->flag));
}

static void json_country(const struct country *c, const char *slug)
{
	printf("\"country\":");
	json_string(stdout, slug);
	printf(",\"name\":");
	json_string(stdout, name_of(c, slug));
	printf(",\"iso3\":");
	json_or_null(iso3_of(c));
	putchar(',');
}

static void json_counts(const size_t *counts)
{
	printf("{\"1\":%zu,\"2\":%zu,\"2 Watch List\":%zu,\"3\":%zu,\"Special Case\":%zu,\"none\":%zu}",
	       counts[TIER_1], counts[TIER_2], counts[TIER_2WL], counts[TIER_3], counts[TIER_SPECIAL],
	       counts[TIER_NONE]);
}

/* --- the command ----------------------------------------------------------- */

static int country_tiers(struct cli *cli, const struct out *o, struct collection *coll, const char *arg,
			 enum format format)
{
	const struct country *c = cli_country(cli, arg);
	struct tier_history *h;

	if (!c)
		return EXIT_NOTFOUND;
	h = tiers_history(cli->corpus, coll, c->slug, true, &cli->diags);
	cli_flush_diags(cli);
	if (!h->present) {
		cli_error("no narrative for %s in the content", country_display_name(c));
		tiers_history_free(h);
		return EXIT_NOTFOUND;
	}
	if (format == FORMAT_CSV) {
		csv_header();
		for (size_t i = 0; i < h->n; i++)
			tier_csv_row(c, c->slug, &h->years[i]);
	} else if (format == FORMAT_JSON) {
		putchar('{');
		json_country(c, c->slug);
		printf("\"editions\":[");
		for (size_t i = 0; i < h->n; i++) {
			printf("%s\n{", i ? "," : "");
			json_row(&h->years[i]);
			putchar('}');
		}
		printf("\n]}\n");
	} else {
		text_history(o, h, coll->title ? coll->title : coll->name);
	}
	tiers_history_free(h);
	return EXIT_OK;
}

static int edition_tiers(struct cli *cli, const struct out *o, struct collection *coll, int year,
			 bool map, enum format format)
{
	/* The map shows no reasons: it reads only the documents' headers. */
	struct tier_edition *e = tiers_edition(cli->corpus, coll, year, !map, &cli->diags);
	const char *title = coll->title ? coll->title : coll->name;

	cli_flush_diags(cli);
	if (!e) {
		int *years;
		size_t n = collection_years(coll, &years);
		struct strbuf sb = {0};

		for (size_t i = 0; i < n; i++)
			if (years[i])
				sb_addf(&sb, "%s%d", sb.len ? ", " : "", years[i]);
		cli_error("no %d edition in the content; editions: %s", year, sb_str(&sb));
		sb_free(&sb);
		free(years);
		return EXIT_NOTFOUND;
	}
	if (format == FORMAT_CSV) {
		csv_header();
		for (size_t i = 0; i < e->n_places; i++)
			tier_csv_row(e->places[i].country, e->places[i].slug, &e->places[i].y);
	} else if (format == FORMAT_JSON) {
		printf("{\"collection\":");
		json_string(stdout, coll->name);
		printf(",\"year\":%d,\"previous\":", e->year);
		if (e->previous)
			printf("%d", e->previous);
		else
			printf("null");
		printf(",\"counts\":");
		json_counts(e->counts);
		printf(",\"countries\":[");
		for (size_t i = 0; i < e->n_places; i++) {
			printf("%s\n{", i ? "," : "");
			json_country(e->places[i].country, e->places[i].slug);
			json_row(&e->places[i].y);
			putchar('}');
		}
		printf("\n]}\n");
	} else if (map) {
		text_map(o, e, title);
	} else {
		text_edition(o, e, title);
	}
	tiers_edition_free(e);
	return EXIT_OK;
}

static int all_tiers(struct collection *coll, const struct out *o, enum format format)
{
	struct tier_counts *v;
	size_t n = tiers_counts(coll, &v);

	if (!n) {
		cli_error("no edition in the content");
		free(v);
		return EXIT_NOTFOUND;
	}
	if (format == FORMAT_CSV) {
		fputs("year,tier_1,tier_2,tier_2_watch_list,tier_3,special_case,no_tier,total\n", stdout);
		for (size_t i = 0; i < n; i++)
			printf("%d,%zu,%zu,%zu,%zu,%zu,%zu,%zu\n", v[i].year, v[i].n[TIER_1], v[i].n[TIER_2],
			       v[i].n[TIER_2WL], v[i].n[TIER_3], v[i].n[TIER_SPECIAL], v[i].n[TIER_NONE], v[i].total);
	} else if (format == FORMAT_JSON) {
		printf("{\"collection\":");
		json_string(stdout, coll->name);
		printf(",\"editions\":[");
		for (size_t i = 0; i < n; i++) {
			printf("%s\n{\"year\":%d,\"counts\":", i ? "," : "", v[i].year);
			json_counts(v[i].n);
			printf(",\"total\":%zu}", v[i].total);
		}
		printf("\n]}\n");
	} else {
		text_shares(o, v, n, coll->title ? coll->title : coll->name);
	}
	free(v);
	return EXIT_OK;
}

int cmd_tiers(struct cli *cli, int argc, char **argv)
{
	enum format format = FORMAT_TEXT;
	struct out o = {0};
	struct collection *coll;
	bool map = false;
	int opt, status, r, year = 0;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_tiers_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		switch (opt) {
		case OPT_YEAR:
			if (!cli_year(cli, optarg, &year))
				return EXIT_USAGE;
			continue;
		case OPT_MAP:
			map = true;
			continue;
		case OPT_FORMAT:
			if (!strcmp(optarg, "text"))
				format = FORMAT_TEXT;
			else if (!strcmp(optarg, "csv"))
				format = FORMAT_CSV;
			else if (!strcmp(optarg, "json"))
				format = FORMAT_JSON;
			else
				return cli_usage_error(cli, "--format must be text, csv or json, not '%s'", optarg);
			continue;
		case OPT_WIDTH:
			if (!(o.width = cli_parse_width(cli, optarg)))
				return EXIT_USAGE;
			continue;
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind + 1]);
	if (year && optind < argc)
		return cli_usage_error(cli, "give COUNTRY or --year, not both");
	if (map && !year)
		return cli_usage_error(cli, "--map draws an edition: give --year YEAR");
	if (map && format != FORMAT_TEXT)
		return cli_usage_error(cli, "--map is a picture: text only");
	if (!cli_open_corpus(cli))
		return EXIT_NOTFOUND;
	if (!(coll = corpus_default_collection(cli->corpus)) || coll->kind != COLLECTION_ANNUAL) {
		cli_error("no annual report in the content");
		return EXIT_NOTFOUND;
	}
	o.cs = corpus_countries(cli->corpus);
	o.pal = cli_palette(cli, stdout);
	if (!o.width)
		o.width = cli_width(stdout);
	if (optind < argc)
		r = country_tiers(cli, &o, coll, argv[optind], format);
	else if (year)
		r = edition_tiers(cli, &o, coll, year, map, format);
	else
		r = all_tiers(coll, &o, format);
	return r;
}
