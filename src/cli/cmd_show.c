/* cmd_show.c — tipr show: a narrative or one section, wrapped. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "style/ansi.h"
#include "cli/commands.h"
#include "content/layout.h"
#include "base/textsafe.h"

enum { OPT_WIDTH = OPT_FIRST_COMMAND_OPTION };

static const struct cli_option show_options[] = {
	{ "width", "N", OPT_WIDTH,
	  "wrap to N columns (20-1000; default: the terminal, or 80)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_show_spec = {
	"tipr show COUNTRY YEAR [SECTION] [--width N]",
	"Print the narrative of COUNTRY in the YEAR edition, or only SECTION (an id\n"
	"such as prosecution, a title, or a prefix of either), wrapped to the terminal\n"
	"or to N columns by display width.  Recommendations are numbered.\n",
	show_options,
};

static enum theme_role line_role(enum line_kind k)
{
	switch (k) {
	case LINE_TITLE:
		return ROLE_TITLE;
	case LINE_META:
		return ROLE_META;
	case LINE_NOTICE:
		return ROLE_NOTICE;
	case LINE_HEADING:
		return ROLE_HEADING;
	default:
		return ROLE_TEXT;
	}
}

static void show_layout(const struct layout *lo, const struct palette *pal, FILE *out)
{
	struct strbuf sb = {0};

	for (size_t i = 0; i < lo->n; i++) {
		const struct layout_line *l = &lo->v[i];
		enum theme_role role = line_role(l->kind);

		sb_reset(&sb);
		if (l->kind == LINE_ITEM && l->number)
			sb_addf(&sb, "%s%*d.%s ", sgr(pal, ROLE_REC_NUMBER), (int)lo->number_width - 1,
				l->number, sgr_reset(pal));
		else if (l->indent)
			sb_addf(&sb, "%*s", (int)l->indent, "");
		if (l->kind == LINE_META && l->tier)
			sb_adds(&sb, sgr_tier(pal, (enum tier)l->tier));
		else if (role != ROLE_TEXT)
			sb_adds(&sb, sgr(pal, role));
		textsafe_append(&sb, l->text, l->len);
		if (role != ROLE_TEXT || (l->kind == LINE_META && l->tier))
			sb_adds(&sb, sgr_reset(pal));
		fprintf(out, "%s\n", sb_str(&sb));
	}
	sb_free(&sb);
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	const struct country *country;
	const struct document *doc;
	struct layout lo;
	size_t width = 0;
	int opt, status, year, section = -1;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_show_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		if (opt == OPT_WIDTH) {
			if (!(width = cli_parse_width(cli, optarg)))
				return EXIT_USAGE;
			continue;
		}
	}
	if (argc - optind < 2)
		return cli_usage_error(cli, "expected COUNTRY and YEAR");
	if (argc - optind > 3)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind + 3]);
	if (!cli_year(cli, argv[optind + 1], &year))
		return EXIT_USAGE;
	if (!cli_open_corpus(cli))
		return EXIT_NOTFOUND;
	if (!(country = cli_country(cli, argv[optind])))
		return EXIT_NOTFOUND;
	if (!(doc = cli_document(cli, country, year)))
		return EXIT_NOTFOUND;
	if (argc - optind == 3 && (section = cli_section(cli, doc, argv[optind + 2])) < 0)
		return EXIT_NOTFOUND;
	layout_document(&lo, doc, country_display_name(country), section,
			width ? width : cli_width(stdout));
	show_layout(&lo, cli_palette(cli, stdout), stdout);
	layout_free(&lo);
	return EXIT_OK;
}
