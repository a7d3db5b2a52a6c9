/* cli.h — what every batch command shares: options, the corpus, country and
 * year arguments, colour, and exit statuses. */
#ifndef TIPR_CLI_H
#define TIPR_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "content/corpus.h"
#include "base/diag.h"

enum { EXIT_OK = 0, EXIT_NOTFOUND = 1, EXIT_USAGE = 2 };

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct cli {
	char **content;       /* --content directories (owned) */
	size_t n_content;
	enum color_mode color;
	char *theme;          /* --theme (owned) */
	struct corpus *corpus;
	struct diags diags;   /* problems found while loading content */
	const char *command;  /* for messages: "show", "diff", ... */
};

/* Long options every command accepts; commands append their own. */
enum {
	OPT_CONTENT = 0x100,
	OPT_COLOR,
	OPT_THEME,
	OPT_HELP,
	OPT_FIRST_COMMAND_OPTION, /* commands number their options from here */
};
#define CLI_COMMON_OPTIONS                                        \
	{ "content", required_argument, NULL, OPT_CONTENT },      \
	{ "color", required_argument, NULL, OPT_COLOR },          \
	{ "colour", required_argument, NULL, OPT_COLOR },         \
	{ "help", no_argument, NULL, OPT_HELP }

/* Handles a common option.  Returns 0 when handled, -1 when opt is not
 * common, or an exit status (usage error) after printing the problem. */
int cli_common_option(struct cli *cli, int opt, const char *arg);
/* The end of every command's option loop: -1 when opt was a common option
 * (handled: go on), else the exit status to return (an unknown option is a
 * usage error, reported). */
int cli_unhandled_option(struct cli *cli, int opt, const char *arg, char *const *argv);
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
/* Whether the locale's character set is UTF-8: pictures then use Unicode
 * blocks, else ASCII. */
bool cli_utf8(void);
/* Terminal width for wrapping when --width is not given: $COLUMNS, the
 * terminal's width, else 80. */
size_t cli_width(FILE *f);
/* Parses --width; 0 (message printed) when invalid. */
size_t cli_parse_width(const struct cli *cli, const char *arg);

#endif
