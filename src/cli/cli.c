/* cli.c — shared plumbing of the batch commands. */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "text/fold.h"
#include "base/paths.h"
#include "base/textsafe.h"
#include "content/document.h"
#include "reader/settings.h"

int cli_common_option(struct cli *cli, int opt, const char *arg)
{
	switch (opt) {
	case OPT_CONTENT:
		if (!*arg)
			return cli_usage_error(cli, "--content needs a directory; it was given an empty name");
		cli->content = xreallocarray(cli->content, cli->n_content + 1, sizeof(*cli->content));
		cli->content[cli->n_content++] = xstrdup(arg);
		return 0;
	case OPT_COLOR:
		if (!strcmp(arg, "auto"))
			cli->color = COLOR_AUTO;
		else if (!strcmp(arg, "always"))
			cli->color = COLOR_ALWAYS;
		else if (!strcmp(arg, "never"))
			cli->color = COLOR_NEVER;
		else
			return cli_usage_error(cli, "--color must be auto, always or never, not '%s'", arg);
		return 0;
	case OPT_THEME:
		free(cli->theme);
		cli->theme = xstrdup(arg);
		return 0;
	default:
		return -1;
	}
}

void cli_free(struct cli *cli)
{
	for (size_t i = 0; i < cli->n_content; i++)
		free(cli->content[i]);
	free(cli->content);
	free(cli->theme);
	free(cli->palette);
	corpus_free(cli->corpus);
	diags_free(&cli->diags);
	memset(cli, 0, sizeof(*cli));
}

static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);

	fputs(prefix, stderr);
	textsafe_fputs(msg, stderr);
	fputc('\n', stderr);
	free(msg);
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	char *prefix = cli->command ? xasprintf("tipr %s: ", cli->command) : xstrdup("tipr: ");

	va_start(ap, fmt);
	vmessage(prefix, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'tipr%s%s --help'.\n", cli->command ? " " : "",
		cli->command ? cli->command : "");
	free(prefix);
	return EXIT_USAGE;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("tipr: ", fmt, ap);
	va_end(ap);
}

void cli_flush_diags(struct cli *cli)
{
	diags_print(&cli->diags, stderr);
	diags_clear(&cli->diags);
}

static const struct cli_option common_options[] = {
	{ "content", "DIR", OPT_CONTENT, "read the content in DIR (repeatable; default: the bundled content, "
					 "or the colon-separated TIPR_CONTENT)" },
	{ "theme", "NAME", OPT_THEME, "the colour theme: default, light, mono, or a theme file (default: "
				      "config.yaml's theme)" },
	{ "color", "WHEN", OPT_COLOR, "colour: auto (default: on a terminal, unless NO_COLOR is set), always "
				      "or never" },
	{ "colour", "WHEN", OPT_COLOR, NULL }, /* the same, not listed */
	{ "help", NULL, OPT_HELP, "show this help" },
	{ NULL, NULL, 0, NULL },
};

static const struct cli_option *find_option(const struct cli_option *table, const char *name, size_t len)
{
	for (; table && table->name; table++)
		if (strlen(table->name) == len && !strncmp(table->name, name, len))
			return table;
	return NULL;
}

bool cli_takes_value(const struct cli_spec *spec, const char *name, size_t len)
{
	const struct cli_option *found = NULL;

	for (int t = 0; t < 2; t++)
		for (const struct cli_option *o = t ? common_options : spec->options; o && o->name; o++)
			if (!strncmp(o->name, name, len) && (!found || strlen(o->name) == len))
				found = o;
	return found && found->value;
}

/* The command's options, then the common ones it does not replace. */
static size_t long_options(const struct cli_spec *spec, struct option *out, size_t max)
{
	size_t n = 0;

	for (const struct cli_option *o = spec->options; o && o->name && n + 1 < max; o++)
		out[n++] = (struct option){ o->name, o->value ? required_argument : no_argument, NULL, o->id };
	for (const struct cli_option *o = common_options; o->name && n + 1 < max; o++)
		if (!find_option(spec->options, o->name, strlen(o->name)))
			out[n++] = (struct option){ o->name, o->value ? required_argument : no_argument, NULL, o->id };
	out[n] = (struct option){ NULL, 0, NULL, 0 };
	return n;
}

int cli_getopt(struct cli *cli, const struct cli_spec *spec, int argc, char **argv, int *status)
{
	struct option opts[48];
	int opt, r;

	long_options(spec, opts, sizeof(opts) / sizeof(opts[0]));
	opterr = 0;
	for (;;) {
		opt = getopt_long(argc, argv, "", opts, NULL);
		if (opt == -1)
			return CLI_END;
		if (opt == '?') {
			/* Unknown, or known and missing its value. */
			const char *bad = argv[optind - 1], *name = bad + 2;
			size_t len = strcspn(name, "=");
			bool known = bad[0] == '-' && bad[1] == '-' &&
				     (find_option(spec->options, name, len) || find_option(common_options, name, len));

			*status = known ? cli_usage_error(cli, "%s needs a value", bad)
					: cli_usage_error(cli, "unknown option '%s'", bad);
			return CLI_STOP;
		}
		if (opt == OPT_HELP) {
			cli_print_help(spec, stdout);
			*status = EXIT_OK;
			return CLI_STOP;
		}
		/* The command's own (a common name it took has its own id). */
		if (opt >= OPT_FIRST_COMMAND_OPTION || (r = cli_common_option(cli, opt, optarg)) < 0)
			return opt;
		if (r > 0) {
			*status = r;
			return CLI_STOP;
		}
	}
}

/* Writes text from column `at` wrapped within 79 columns, continuation
 * lines starting at column indent. */
static void wrap_help(const char *text, size_t at, size_t indent, FILE *out)
{
	while (*text) {
		size_t room = at < 79 ? 79 - at : 20, len = strlen(text), cut = len;

		if (len > room) {
			cut = room;
			while (cut > 0 && text[cut] != ' ')
				cut--;
			if (!cut)
				cut = strcspn(text, " ");
		}
		fprintf(out, "%.*s\n", (int)cut, text);
		text += cut;
		text += strspn(text, " ");
		if (*text)
			fprintf(out, "%*s", (int)indent, "");
		at = indent;
	}
}

static void option_lines(const struct cli_option *o, FILE *out)
{
	char head[48];
	int n;

	if (!o->help)
		return;
	n = snprintf(head, sizeof(head), "  --%s%s%s", o->name, o->value ? " " : "", o->value ? o->value : "");
	if (n < 18)
		fprintf(out, "%-18s", head);
	else
		fprintf(out, "%s\n%18s", head, "");
	wrap_help(o->help, 18, 18, out);
}

void cli_print_usage(const struct cli_spec *spec, FILE *out)
{
	const char *u = spec->usage;

	fputs("Usage: ", out);
	while (*u) {
		size_t len = strcspn(u, "\n");

		fprintf(out, "%.*s\n", (int)len, u);
		u += len;
		if (*u == '\n' && *++u)
			fputs("       ", out);
	}
	fprintf(out, "\n%s", spec->about);
}

void cli_print_options(const struct cli_spec *spec, FILE *out)
{
	for (const struct cli_option *o = spec->options; o && o->name; o++)
		option_lines(o, out);
	for (const struct cli_option *o = common_options; o->name; o++)
		if (!find_option(spec->options, o->name, strlen(o->name)))
			option_lines(o, out);
}

void cli_print_help(const struct cli_spec *spec, FILE *out)
{
	cli_print_usage(spec, out);
	fputc('\n', out);
	cli_print_options(spec, out);
}

bool cli_open_corpus(struct cli *cli)
{
	char **dirs = cli->content;
	size_t n = cli->n_content;
	char *env_copy = NULL, *bundled = NULL, *fallback, *cache;
	const char *env = getenv("TIPR_CONTENT");

	if (cli->corpus)
		return true;
	if (!n && env && *env) {
		env_copy = xstrdup(env);
		dirs = NULL;
		for (char *tok = strtok(env_copy, ":"); tok; tok = strtok(NULL, ":")) {
			dirs = xreallocarray(dirs, n + 1, sizeof(*dirs));
			dirs[n++] = tok;
		}
	}
	if (!n) {
		bundled = paths_bundled("content");
		dirs = &bundled;
		n = 1;
	}
	fallback = paths_bundled("content/countries.yaml");
	cache = paths_cache_home();
	cli->corpus = corpus_open_cached((const char *const *)dirs, n, fallback, cache, &cli->diags);
	free(cache);
	free(fallback);
	if (dirs != cli->content && dirs != &bundled)
		free(dirs);
	free(env_copy);
	free(bundled);
	cli_flush_diags(cli);
	if (!cli->corpus)
		return false;
	if (!corpus_n_collections(cli->corpus)) {
		cli_error("no collections found in the content directories");
		return false;
	}
	return true;
}

const struct country *cli_country(struct cli *cli, const char *arg)
{
	const struct country *c, *cands[8];
	size_t n;
	struct strbuf sb = {0};

	switch (countries_lookup(corpus_countries(cli->corpus), arg, &c, cands, ARRAY_SIZE(cands), &n)) {
	case LOOKUP_FOUND:
		return c;
	case LOOKUP_NONE:
		cli_error("no country matches '%s' (try 'tipr list')", arg);
		return NULL;
	case LOOKUP_AMBIGUOUS:
		for (size_t i = 0; i < n && i < ARRAY_SIZE(cands); i++)
			sb_addf(&sb, "%s%s (%s)", i ? ", " : "", country_display_name(cands[i]),
				cands[i]->slug);
		if (n > ARRAY_SIZE(cands))
			sb_addf(&sb, " and %zu more", n - ARRAY_SIZE(cands));
		cli_error("'%s' matches several countries: %s", arg, sb_str(&sb));
		sb_free(&sb);
		return NULL;
	}
	return NULL;
}

bool cli_number(const struct cli *cli, const char *what, const char *arg, long long min,
		long long max, long long *out)
{
	enum num_status st = num_parse(arg, min, max, out);
	char *why;

	if (st == NUM_OK)
		return true;
	why = num_problem(st, arg, min, max);
	cli_usage_error(cli, "%s: %s", what, why);
	free(why);
	return false;
}

bool cli_size(const struct cli *cli, const char *arg, int *cols, int *rows)
{
	const char *x = strchr(arg, 'x');
	char *w = x ? xstrndup(arg, (size_t)(x - arg)) : NULL;
	long long c, r;
	bool ok = x && cli_number(cli, "--size (columns)", w, 1, 1000, &c) &&
		  cli_number(cli, "--size (rows)", x + 1, 1, 1000, &r);

	free(w);
	if (!x)
		cli_usage_error(cli, "--size expects COLSxROWS, e.g. 80x24, not '%s'", arg);
	if (ok) {
		*cols = (int)c;
		*rows = (int)r;
	}
	return ok;
}

bool cli_year(struct cli *cli, const char *arg, int *year)
{
	long long y;

	if (!cli_number(cli, "year", arg, YEAR_MIN, YEAR_MAX, &y))
		return false;
	*year = (int)y;
	return true;
}

const struct document *cli_document(struct cli *cli, const struct country *c, int year)
{
	struct collection *coll = corpus_default_collection(cli->corpus);
	struct corpus_doc *e = coll ? collection_find(coll, c->slug, year) : NULL;
	const struct document *doc;

	if (!e) {
		size_t first, n = coll ? collection_country_docs(coll, c->slug, &first) : 0;
		struct strbuf sb = {0};

		for (size_t i = 0; i < n; i++)
			sb_addf(&sb, "%s%d", i ? ", " : "", coll->docs[first + i].year);
		if (n)
			cli_error("no %d narrative for %s; years available: %s", year,
				  country_display_name(c), sb_str(&sb));
		else
			cli_error("no narrative for %s in the content", country_display_name(c));
		sb_free(&sb);
		return NULL;
	}
	doc = corpus_doc_load(e, &cli->diags);
	cli_flush_diags(cli);
	return doc;
}

int cli_section(struct cli *cli, const struct document *doc, const char *arg)
{
	char *q = fold_dup(arg);
	size_t qn = strlen(q);
	int hit = -1, hits = 0;
	struct strbuf sb = {0};

	for (size_t i = 0; i < doc->n_sections; i++) {
		char *t = fold_dup(doc->sections[i].title);

		if (!strcmp(doc->sections[i].id, q) || !strcmp(t, q)) {
			free(t);
			hit = (int)i;
			hits = 1;
			break;
		}
		if (!strncmp(doc->sections[i].id, q, qn) || !strncmp(t, q, qn)) {
			hit = (int)i;
			hits++;
		}
		free(t);
	}
	free(q);
	if (hits == 1)
		return hit;
	for (size_t i = 0; i < doc->n_sections; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", doc->sections[i].id);
	cli_error("%s section '%s'; this document has: %s", hits ? "ambiguous" : "no", arg,
		  sb_str(&sb));
	sb_free(&sb);
	(void)cli;
	return -1;
}

bool cli_color(const struct cli *cli, FILE *f)
{
	const char *no = getenv("NO_COLOR");

	if (cli->color != COLOR_AUTO)
		return cli->color == COLOR_ALWAYS;
	if (no && *no)
		return false;
	return isatty(fileno(f));
}

bool cli_load_theme(const struct cli *cli, struct theme *t, struct diags *d)
{
	struct settings settings = {0};
	char *path;
	bool ok = true;

	if (!cli->theme) {
		path = settings_path();
		/* A config that cannot be read is ignored, theme and all. */
		if (!(ok = settings_load(&settings, path, d)))
			settings_free(&settings);
		free(path);
	}
	if (!theme_load_named(t, cli->theme ? cli->theme : settings.theme, d))
		ok = false;
	settings_free(&settings);
	return ok;
}

const struct palette *cli_palette(struct cli *cli, FILE *f)
{
	struct theme t = {0};
	struct diags d = {0};

	if (!cli_color(cli, f))
		return NULL;
	if (!cli->palette) {
		if (!cli_load_theme(cli, &t, &d))
			diags_print(&d, stderr);
		cli->palette = xmalloc(sizeof(*cli->palette));
		palette_init(cli->palette, &t);
		theme_free(&t);
		diags_free(&d);
	}
	return cli->palette;
}

bool cli_utf8(void)
{
	return !strcmp(nl_langinfo(CODESET), "UTF-8");
}

size_t cli_width(FILE *f)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	long long n;

	if (cols && num_parse(cols, 1, 10000, &n) == NUM_OK)
		return (size_t)n;
	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

size_t cli_parse_width(const struct cli *cli, const char *arg)
{
	long long w;

	return cli_number(cli, "--width", arg, 20, 1000, &w) ? (size_t)w : 0;
}
