/* cli.h — what every batch command shares: options, the corpus, country and
 * year arguments, colour, and exit statuses. */
#ifndef TIPR_CLI_H
#define TIPR_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "content/corpus.h"
#include "base/diag.h"
#include "style/ansi.h"
#include "style/theme.h"

enum { EXIT_OK = 0, EXIT_NOTFOUND = 1, EXIT_USAGE = 2 };

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct cli {
	char **content;       /* --content directories (owned) */
	size_t n_content;
	enum color_mode color;
	char *theme;          /* --theme (owned) */
	struct palette *palette; /* batch output's styles, made once (owned) */
	struct corpus *corpus;
	struct diags diags;   /* problems found while loading content */
	const char *command;  /* for messages: "show", "diff", ... */
};

/* The options every command takes (content, theme, color and its colour
 * alias, help), numbered before the commands' own. */
enum {
	OPT_CONTENT = 0x100,
	OPT_COLOR,
	OPT_THEME,
	OPT_HELP,
	OPT_FIRST_COMMAND_OPTION, /* commands number their options from here */
};

/* An option of a command: what getopt takes and what --help says, from
 * one table.  A command's option named as a common one replaces it (tipr
 * notes' --color names a highlight's colour); one with a common id keeps
 * the common handling with the command's own help line. */
struct cli_option {
	const char *name;   /* the long name, without "--"; NULL ends a table */
	const char *value;  /* the value's name in --help ("N"), NULL for a flag */
	int id;             /* what cli_getopt returns for it */
	const char *help;   /* its description, wrapped by --help */
};

/* A command's --help: "Usage: " and the usage lines, what it does, then
 * its options and the common ones. */
struct cli_spec {
	const char *usage;                /* lines, without "Usage: " */
	const char *about;                /* paragraphs, lines ended by \n */
	const struct cli_option *options; /* the command's own */
};

enum { CLI_END = -1, CLI_STOP = -2 };
/* The next option of argv for spec's command (getopt_long: optind set to
 * 1 before the first call, the value in optarg): its id; CLI_END after the
 * last (the arguments are argv[optind..]).  The common options are handled
 * here; --help prints the help, and a bad option is said as a usage error:
 * both return CLI_STOP, with the exit status in *status. */
int cli_getopt(struct cli *cli, const struct cli_spec *spec, int argc, char **argv, int *status);
/* Whether the option named name[0..len) (its getopt abbreviations too) of
 * spec's command takes a value. */
bool cli_takes_value(const struct cli_spec *spec, const char *name, size_t len);
/* Prints spec's help to out: its usage and about, then its options. */
void cli_print_help(const struct cli_spec *spec, FILE *out);
/* The two halves of it: "Usage: ..." and what it does; the options (the
 * command's, then the common ones it does not replace). */
void cli_print_usage(const struct cli_spec *spec, FILE *out);
void cli_print_options(const struct cli_spec *spec, FILE *out);

/* Handles a common option.  Returns 0 when handled, -1 when opt is not
 * common, or an exit status (usage error) after printing the problem. */
int cli_common_option(struct cli *cli, int opt, const char *arg);
void cli_free(struct cli *cli);

/* Prints "tipr CMD: message" and "Try 'tipr CMD --help'." to stderr and
 * returns EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Prints "tipr: message" to stderr (text made inert). */
void cli_error(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Opens the corpus (--content, else TIPR_CONTENT, else the bundled
 * content), reporting what failed to load on stderr; false if none loaded. */
bool cli_open_corpus(struct cli *cli);
/* Prints and clears the collected load diagnostics. */
void cli_flush_diags(struct cli *cli);

/* Resolves a country argument, printing "no country matches" or the
 * candidates of an ambiguous prefix; NULL then. */
const struct country *cli_country(struct cli *cli, const char *arg);
/* Parses arg, the value of what ("--limit", "year"), as a whole number in
 * [min, max] with the one strict parser (num_parse); false after a usage
 * error saying what is wrong with it ("--limit: '1e3' is not a whole
 * number", "--limit: -1 is less than 1"). */
bool cli_number(const struct cli *cli, const char *what, const char *arg, long long min,
		long long max, long long *out);
/* Parses "COLSxROWS" (--size of script mode), each 1 to 1000; false after a
 * usage error saying what is wrong. */
bool cli_size(const struct cli *cli, const char *arg, int *cols, int *rows);
/* Parses a year argument (YEAR_MIN to YEAR_MAX); false (message printed) if
 * it is not one. */
bool cli_year(struct cli *cli, const char *arg, int *year);
/* The document of a country and year in the default collection, loaded;
 * NULL after printing why (exit status EXIT_NOTFOUND). */
const struct document *cli_document(struct cli *cli, const struct country *c, int year);
/* A section of doc by id, title or unambiguous prefix of either; NULL after
 * printing the sections there are. */
int cli_section(struct cli *cli, const struct document *doc, const char *arg);

/* Whether output to f is coloured (--color, isatty, NO_COLOR). */
bool cli_color(const struct cli *cli, FILE *f);
/* The theme --theme names, else config.yaml's, loaded into t; false with
 * the problems in d (a config.yaml that cannot be read is ignored, a theme
 * that cannot be read leaves t the built-in one). */
bool cli_load_theme(const struct cli *cli, struct theme *t, struct diags *d);
/* The styles of output to f: NULL when it is not coloured (cli_color),
 * else the theme's (cli_load_theme; a problem with it said on stderr once). */
const struct palette *cli_palette(struct cli *cli, FILE *f);
/* Whether the locale's character set is UTF-8: pictures then use Unicode
 * blocks, else ASCII. */
bool cli_utf8(void);
/* Terminal width for wrapping when --width is not given: $COLUMNS, the
 * terminal's width, else 80. */
size_t cli_width(FILE *f);
/* Parses --width; 0 (message printed) when invalid. */
size_t cli_parse_width(const struct cli *cli, const char *arg);

#endif
