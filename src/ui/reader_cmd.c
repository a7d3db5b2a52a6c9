/* reader_cmd.c — tipr [COUNTRY [YEAR [SECTION]]]: the reader's command.
 * Its options, where it opens (found before the terminal is taken, so an
 * error stays on the screen), its settings, and the one list of its views. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/cleanup.h"
#include "base/paths.h"
#include "cli/commands.h"
#include "ui/app.h"
#include "ui/script.h"
#include "ui/terminal.h"
#include "ui/views.h"

enum { DEFAULT_TREE_COLS = 28, MIN_TREE_COLS = 16 };

/* The views, and the actions that open them. */
static const struct view_ops *const all_views[] = {
	&tree_view, &reader_view, &compare_view, &tracker_view, &tiers_view, &results_view, &notes_view, &help_view,
};
static const struct view_opener openers[] = {
	{ ACT_COMPARE, &compare_view },
	{ ACT_TRACKER, &tracker_view },
	{ ACT_TIERS, &tiers_view },
	{ ACT_SEARCH_ALL, &results_view },
	{ ACT_NOTES, &notes_view },
};

/* The distance between two short words: edits, a swap of neighbours
 * counting as one ("lsit" is one from "list"). */
static size_t word_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), d[16][16];

	if (na > 14 || nb > 14)
		return SIZE_MAX;
	for (size_t i = 0; i <= na; i++)
		for (size_t j = 0; j <= nb; j++) {
			size_t best;

			if (!i || !j) {
				d[i][j] = i + j;
				continue;
			}
			best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			best = d[i - 1][j] + 1 < best ? d[i - 1][j] + 1 : best;
			best = d[i][j - 1] + 1 < best ? d[i][j - 1] + 1 : best;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[na][nb];
}

/* "tipr lsit": a command mistyped is read as a country; say which command. */
static void suggest_command(const char *arg)
{
#define COMMAND_NAME(name, summary) #name,
	static const char *const names[] = { COMMANDS(COMMAND_NAME) };
#undef COMMAND_NAME

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (word_distance(arg, names[i]) <= (strlen(names[i]) > 4 ? 2u : 1u)) {
			cli_error("'%s' is not a command either: did you mean 'tipr %s'?", arg, names[i]);
			return;
		}
}

/* Where the reader opens. */
struct start {
	struct corpus_doc *doc;   /* NULL: where the last session left off */
	int section;              /* -1: the top */
	struct corpus_doc *other; /* tipr compare: the right side (doc is the left) */
};

/* The country's edition of year (0: the latest), loaded; NULL after
 * saying why. */
static struct corpus_doc *edition(struct app *app, const struct country *c, int year)
{
	struct collection *coll = tree_collection(app->tree);
	size_t first, count = collection_country_docs(coll, c->slug, &first);
	struct corpus_doc *e;

	if (!count) {
		cli_error("no narrative for %s in %s", country_display_name(c), coll->title);
		return NULL;
	}
	e = year ? collection_find(coll, c->slug, year) : &coll->docs[first + count - 1];
	if (!e) {
		struct strbuf years = {0};

		for (size_t i = 0; i < count; i++)
			sb_addf(&years, "%s%d", i ? ", " : "", coll->docs[first + i].year);
		cli_error("no %d narrative for %s (%s: %s)", year, country_display_name(c),
			  count == 1 ? "the edition there is" : "editions", years.buf);
		sb_free(&years);
		return NULL;
	}
	if (!corpus_doc_load(e, &app->diags)) {
		diags_print(&app->diags, stderr);
		diags_free(&app->diags);
		return NULL;
	}
	return e;
}

/* Resolves COUNTRY [YEAR [SECTION]] from the command line, or for tipr
 * compare COUNTRY YEAR_A YEAR_B [SECTION]. */
static int resolve_start(struct app *app, char **args, int n, bool compare, struct start *st)
{
	const struct country *c;
	int year = 0, other = 0, at = compare ? 3 : 2;

	memset(st, 0, sizeof(*st));
	st->section = -1;
	if (n == 0)
		return EXIT_OK;
	if (!(c = cli_country(app->cli, args[0]))) {
		if (n == 1)
			suggest_command(args[0]);
		return EXIT_NOTFOUND;
	}
	if ((n > 1 && !cli_year(app->cli, args[1], &year)) || (compare && !cli_year(app->cli, args[2], &other)))
		return EXIT_USAGE;
	if (compare && year == other) {
		cli_usage_error(app->cli, "%d and %d are the same edition: compare two", year, other);
		return EXIT_USAGE;
	}
	if (!(st->doc = edition(app, c, year)) || (compare && !(st->other = edition(app, c, other))))
		return EXIT_NOTFOUND;
	if (n > at && (st->section = cli_section(app->cli, st->doc->doc, args[at])) < 0)
		return EXIT_NOTFOUND;
	return EXIT_OK;
}

/* Opens at the resolved start, or where the last session left off. */
static void open_start(struct app *app, const struct start *st, const struct session *sess)
{
	struct collection *sc;
	struct corpus_doc *e;

	if (st->doc) {
		tree_reveal(app->tree, st->doc->slug, st->doc->year, st->section, &app->diags);
		app_open(app, st->doc, st->section);
		app->focus = FOCUS_PANE;
		if (st->other)
			compare_view_start(view_set_find(&app->views, &compare_view), app, st->doc, st->other,
					   st->section >= 0 ? st->doc->doc->sections[st->section].id : NULL);
		return;
	}
	if (!sess->collection)
		return;
	sc = corpus_collection_by_name(app->corpus, sess->collection);
	if (sc && sc != tree_collection(app->tree))
		tree_set_collection(app->tree, sc);
	tree_set_mode(app->tree, sess->tree_by_year ? TREE_BY_YEAR : TREE_BY_COUNTRY);
	e = sc ? collection_find(sc, sess->country, sess->year) : NULL;
	if (e && corpus_doc_load(e, &app->diags) && app_open(app, e, -1)) {
		if (sess->anchor.section < (int)e->doc->n_sections)
			reading_goto_ref(&app->reading, sess->anchor);
		tree_reveal(app->tree, e->slug, e->year, -1, &app->diags);
		app->focus = FOCUS_PANE;
	}
}

/* --theme NAME (a bundled theme) or PATH (a file), else the config file's;
 * the first problem on the message line (all of them after exit). */
static void load_theme(struct app *app)
{
	size_t before = app->diags.n;

	if (!cli_load_theme(app->cli, &app->theme, &app->diags))
		app_first_problem(app, before, "(using what could be read, else the default theme)");
}

/* The user's place and tree settings from the last session. */
static void load_session(struct app *app, struct session *sess, bool want_place)
{
	char *state = session_path();
	size_t before = app->diags.n;

	session_saver_init(&app->saver, state);
	if (session_load(sess, state, &app->diags)) {
		app->frame.tree_hidden = sess->tree_hidden;
		if (sess->tree_width >= MIN_TREE_COLS)
			app->frame.tree_width = sess->tree_width;
		if (!want_place)
			session_free(sess);
	} else if (app->diags.n > before) {
		app_first_problem(app, before, "(the last place is forgotten)");
	}
	free(state);
}

static int reader(struct app *app, char **args, int n, bool compare, const char *script_path, int sw, int sh)
{
	struct session sess = {0};
	struct start start;
	struct terminal term;
	FILE *script = NULL;
	int status, sig;

	app->tree = tree_new(app->corpus, corpus_default_collection(app->corpus));
	view_set_init(&app->views, all_views, ARRAY_SIZE(all_views), &tree_view, &reader_view, &help_view, openers,
		      ARRAY_SIZE(openers));
	app->pane = app->views.reader;
	/* Everything that can fail is said before the terminal is taken. */
	if ((status = resolve_start(app, args, n, compare, &start)) != EXIT_OK)
		return status;
	if (script_path && !(script = !strcmp(script_path, "-") ? stdin : fopen_regular(script_path))) {
		cli_error("%s: %s", script_path, file_error(errno));
		return EXIT_NOTFOUND;
	}
	load_session(app, &sess, n == 0);
	if (!terminal_start(&term, app, script != NULL, sw, sh)) {
		status = EXIT_NOTFOUND;
	} else {
		open_start(app, &start, &sess);
		if (script)
			status = script_run(app, script, script_path);
		else
			terminal_run(app);
		app_save_place(app);
		session_saver_flush(&app->saver, &app->diags);
		terminal_stop(&term);
	}
	session_free(&sess);
	if (script && script != stdin)
		fclose(script);
	/* A signal ends the reader as it would have, once the place is saved
	 * and the terminal given back; what went wrong is said first. */
	if ((sig = cleanup_pending())) {
		diags_print(&app->diags, stderr);
		cleanup_reraise(sig);
	}
	cleanup_defer(false);
	return status;
}

static void app_free(struct app *app)
{
	view_set_free(&app->views);
	diags_free(&app->diags);
	marks_free(&app->marks);
	ann_done(&app->note.undo);
	ann_store_free(app->notes);
	session_saver_free(&app->saver);
	reading_close(&app->reading);
	tree_free(app->tree);
	theme_free(&app->theme);
	prompt_free(&app->prompt);
	app_clear_message(app);
}

enum { OPT_SCRIPT = OPT_FIRST_COMMAND_OPTION, OPT_SIZE };

/* Script mode (a contract: tests and outside checks drive the reader so). */
static const struct cli_option reader_options[] = {
	{ "script", "FILE", OPT_SCRIPT,
	  "replay the keys in FILE without a terminal and print the screens it asks for (script mode: see "
	  "tipr(1))" },
	{ "size", "WxH", OPT_SIZE, "the screen of script mode, columns by rows (default 80x24)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_read_spec = {
	"tipr [OPTION]... [COUNTRY [YEAR [SECTION]]]\n"
	"tipr COMMAND [OPTION]... [ARGUMENT]...",
	"A terminal reader for the U.S. State Department's Trafficking in Persons Report\n"
	"and other annual country reports.  Without a command, tipr opens the reader, at\n"
	"COUNTRY, YEAR and SECTION when given (COUNTRY: a slug such as korea-north, an\n"
	"ISO code such as PRK, an alias such as dprk, or an unambiguous name prefix),\n"
	"else where the last session left off.\n",
	reader_options,
};

const struct cli_spec cmd_compare_spec = {
	"tipr compare COUNTRY YEAR_A YEAR_B [SECTION]",
	"Open the reader on the YEAR_A and YEAR_B narratives of COUNTRY side by side\n"
	"(YEAR_A on the left), at SECTION when given, as vimdiff opens two files: the\n"
	"sentences aligned and scrolled together, changed words marked, moves shown,\n"
	"each column headed by its edition.  q goes back to reading YEAR_A.\n"
	"'tipr diff' prints the same comparison.\n",
	reader_options,
};

/* The reader's command line: tipr [COUNTRY [YEAR [SECTION]]], and
 * (compare) tipr compare COUNTRY YEAR_A YEAR_B [SECTION]. */
static int run(struct cli *cli, int argc, char **argv, bool compare)
{
	struct app app = { .cli = cli, .frame.tree_width = DEFAULT_TREE_COLS };
	const char *script = NULL;
	int opt, sw = 80, sh = 24, status, n;

	optind = 1;
	while ((opt = cli_getopt(cli, compare ? &cmd_compare_spec : &cmd_read_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		if (opt == OPT_SCRIPT) {
			script = optarg;
			continue;
		}
		if (opt == OPT_SIZE) {
			if (!cli_size(cli, optarg, &sw, &sh))
				return EXIT_USAGE;
			continue;
		}
	}
	/* tipr --script F --size WxH compare ...: the command after the options. */
	if (!compare && optind < argc && !strcmp(argv[optind], "compare")) {
		compare = true;
		cli->command = "compare";
		optind++;
	}
	n = argc - optind;
	if (compare && n < 3)
		return cli_usage_error(cli, "expected COUNTRY YEAR_A YEAR_B [SECTION]");
	if (n > (compare ? 4 : 3))
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind + (compare ? 4 : 3)]);
	if (!script && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		cli_error("the reader needs a terminal; '%s' prints %s", compare ? "tipr diff COUNTRY YEAR_A YEAR_B"
												 : "tipr show COUNTRY YEAR",
			  compare ? "the comparison" : "a narrative");
		return EXIT_USAGE;
	}
	if (!cli_open_corpus(cli))
		return EXIT_NOTFOUND;
	app.corpus = cli->corpus;
	if (!corpus_default_collection(app.corpus)) {
		cli_error("no collections in the content");
		return EXIT_NOTFOUND;
	}
	app.scr.color = cli->color != COLOR_NEVER &&
			(cli->color == COLOR_ALWAYS || !getenv("NO_COLOR") || !*getenv("NO_COLOR"));
	load_theme(&app);
	reading_init(&app.reading);
	marks_init(&app.marks);
	app.notes = ann_store_new(NULL);
	ann_store_load(app.notes);
	app_notes_problems(&app, "");
	status = reader(&app, argv + optind, n, compare, script, sw, sh);
	/* Problems found while reading, where the user can read them. */
	diags_print(&app.diags, stderr);
	app_free(&app);
	return status;
}

int cmd_read(struct cli *cli, int argc, char **argv)
{
	return run(cli, argc, argv, false);
}

int cmd_compare(struct cli *cli, int argc, char **argv)
{
	return run(cli, argc, argv, true);
}
