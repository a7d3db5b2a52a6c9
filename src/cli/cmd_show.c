/* cmd_show.c — tipr show: a narrative or one section, wrapped. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "style/ansi.h"
#include "cli/commands.h"
#include "content/layout.h"
#include "base/textsafe.h"

const char cmd_show_help[] =
	"Usage: tipr show COUNTRY YEAR [SECTION] [--width N]\n"
	"\n"
	"Print the narrative of COUNTRY in the YEAR edition, or only SECTION (an id\n"
	"such as prosecution, a title, or a prefix of either), wrapped to the terminal\n"
	"or to N columns by display width.  Recommendations are numbered.\n"
	"\n"
	"  --width N       wrap to N columns (20-1000; default: the terminal, or 80)\n"
	"  --content DIR   read the content in DIR (repeatable)\n"
	"  --color WHEN    auto, always or never\n";

static enum ansi_role line_role(enum line_kind k)
{
	switch (k) {
	case LINE_TITLE:
		return ANSI_TITLE;
	case LINE_META:
		return ANSI_META;
	case LINE_NOTICE:
		return ANSI_NOTICE;
	case LINE_HEADING:
		return ANSI_HEADING;
	default:
		return ANSI_RESET;
	}
}

static void show_layout(const struct layout *lo, bool color, FILE *out)
{
	struct strbuf sb = {0};

	for (size_t i = 0; i < lo->n; i++) {
		const struct layout_line *l = &lo->v[i];
		enum ansi_role role = line_role(l->kind);

		sb_reset(&sb);
		if (l->kind == LINE_ITEM && l->number)
			sb_addf(&sb, "%s%*d.%s ", ansi(color, ANSI_REC_NUMBER), (int)lo->number_width - 1,
				l->number, ansi(color, ANSI_RESET));
		else if (l->indent)
			sb_addf(&sb, "%*s", (int)l->indent, "");
		if (l->kind == LINE_META && l->tier)
			sb_adds(&sb, ansi_tier(color, (enum tier)l->tier));
		else if (role != ANSI_RESET)
			sb_adds(&sb, ansi(color, role));
		textsafe_append(&sb, l->text, l->len);
		if (role != ANSI_RESET || (l->kind == LINE_META && l->tier))
			sb_adds(&sb, ansi(color, ANSI_RESET));
		fprintf(out, "%s\n", sb_str(&sb));
	}
	sb_free(&sb);
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	enum { OPT_WIDTH = OPT_FIRST_COMMAND_OPTION };
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ NULL, 0, NULL, 0 },
	};
	const struct country *country;
	const struct document *doc;
	struct layout lo;
	size_t width = 0;
	int opt, r, year, section = -1;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == OPT_HELP) {
			command_print_help(cmd_show_help);
			return EXIT_OK;
		}
		if (opt == OPT_WIDTH) {
			if (!(width = cli_parse_width(cli, optarg)))
				return EXIT_USAGE;
			continue;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
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
	show_layout(&lo, cli_color(cli, stdout), stdout);
	layout_free(&lo);
	return EXIT_OK;
}
