/* cmd_import.c — tipr import: raw report text to content YAML. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "import/import.h"
#include "base/paths.h"
#include "base/utf8.h"

const char cmd_import_help[] =
	"Usage: tipr import FILE... [--year Y] [--collection NAME] [--out DIR] [--dry-run]\n"
	"\n"
	"Turn raw narrative text (PDF extracts, web copies) into content YAML: one\n"
	"document per country narrative found, written to\n"
	"DIR/NAME/YEAR/COUNTRY.yaml (DIR/NAME/undated/ for undated commentary), with\n"
	"DIR/NAME/collection.yaml created when missing.  Country headings, section\n"
	"headings, hard-wrapped paragraphs, words split at line ends, recommendations\n"
	"and layout debris are recognised; a narrative that stops early is marked\n"
	"complete: false.\n"
	"\n"
	"  --year Y          the edition (default: from the text, else the file name)\n"
	"  --collection NAME collection to write into (default: tip)\n"
	"  --kind KIND       annual-report or commentary, for a new collection\n"
	"                    (default: annual-report for tip, else commentary)\n"
	"  --out DIR         content directory to write (default: ./content)\n"
	"  --country C       the country of text that has no country heading\n"
	"  --section ID      the section of text before the first section heading\n"
	"  --title TEXT      the document title (default: the country's name)\n"
	"  --source TEXT     where the text comes from (default: the report edition)\n"
	"  --dry-run         print what was found; write nothing\n"
	"  --content DIR     also look up countries in DIR/countries.yaml\n";

struct import_cmd {
	struct import_options opt;
	const char *collection, *kind, *out;
	bool dry_run;
	struct countries *countries;
};

static bool parse_kind(const char *s)
{
	return !strcmp(s, "annual-report") || !strcmp(s, "commentary");
}

/* The bundled country table, with the output directory's own entries first. */
static struct countries *load_countries(struct cli *cli, const char *out)
{
	char *bundled = paths_bundled("content/countries.yaml");
	struct countries *cs = countries_load(bundled, &cli->diags), *own;
	char *path;

	free(bundled);
	for (size_t i = 0; cs && i <= cli->n_content; i++) {
		path = path_join(i < cli->n_content ? cli->content[i] : out, "countries.yaml");
		if (access(path, F_OK) == 0 && (own = countries_load(path, &cli->diags))) {
			countries_merge(own, cs);
			countries_free(cs);
			cs = own;
		}
		free(path);
	}
	cli_flush_diags(cli);
	return cs;
}

/* What looks_like_text reports against. */
struct import_input {
	const char *file;
	struct diags *d;
};

struct output {
	const struct document *doc;
	const char *text;
};

static bool fill_output(FILE *f, void *arg)
{
	const struct output *o = arg;

	return o->doc ? document_write(o->doc, f) : fputs(o->text, f) >= 0;
}

static bool write_atomically(const char *path, const struct document *doc, const char *text)
{
	struct output o = { doc, text };

	if (paths_write_atomic(path, PATHS_DURABLE, fill_output, &o))
		return true;
	cli_error("cannot write %s: %s", path, strerror(errno));
	return false;
}

static bool ensure_collection(struct import_cmd *ic, const char *dir)
{
	char *path = path_join(dir, "collection.yaml"), *text;
	bool ok = true, annual = ic->kind ? !strcmp(ic->kind, "annual-report")
					  : !strcmp(ic->collection, "tip");

	if (access(path, F_OK) != 0) {
		if (annual)
			text = xasprintf("title: \"Trafficking in Persons Report\"\n"
					 "kind: annual-report\n"
					 "publisher: \"U.S. Department of State\"\n");
		else
			text = xasprintf("title: \"%c%s\"\nkind: %s\n", ic->collection[0] & ~0x20,
					 ic->collection + 1, annual ? "annual-report" : "commentary");
		ok = write_atomically(path, NULL, text);
		free(text);
	}
	free(path);
	return ok;
}

static size_t count_items(const struct document *doc)
{
	size_t n = 0;

	for (size_t s = 0; s < doc->n_sections; s++)
		n += doc->sections[s].n_items;
	return n;
}

static void describe(const struct document *doc, FILE *out)
{
	char year[16];

	snprintf(year, sizeof(year), "%d", doc->year);
	fprintf(out, "  %-14s %-7s %-18s %-8s %5zu words\n    ", doc->country,
		doc->year ? year : "undated",
		doc->tier ? tier_label(doc->tier) : "(no tier)", doc->complete ? "complete" : "excerpt",
		document_word_count(doc));
	for (size_t s = 0; s < doc->n_sections; s++) {
		const struct section *sec = &doc->sections[s];

		if (sec->n_items)
			fprintf(out, "%s%s: %zu item%s", s ? ", " : "", sec->id, sec->n_items,
				sec->n_items == 1 ? "" : "s");
		else
			fprintf(out, "%s%s: %zu para%s", s ? ", " : "", sec->id, sec->n_paras,
				sec->n_paras == 1 ? "" : "s");
	}
	fputc('\n', out);
}

static bool write_doc(struct import_cmd *ic, const struct document *doc)
{
	char *coll = path_join(ic->out, ic->collection), *dir, *name, *path;
	bool ok;

	dir = doc->year ? xasprintf("%s/%d", coll, doc->year) : path_join(coll, "undated");
	name = xasprintf("%s.yaml", doc->country);
	path = path_join(dir, name);
	ok = paths_mkdirs(dir) && ensure_collection(ic, coll) && write_atomically(path, doc, NULL);
	if (!ok && errno)
		cli_error("cannot create %s: %s", dir, strerror(errno));
	if (ok)
		printf("wrote %s (%zu section%s, %zu recommendation%s, %zu words%s)\n", path,
		       doc->n_sections, doc->n_sections == 1 ? "" : "s", count_items(doc),
		       count_items(doc) == 1 ? "" : "s", document_word_count(doc),
		       doc->complete ? "" : ", excerpt");
	free(coll);
	free(dir);
	free(name);
	free(path);
	return ok;
}

/* The first megabyte of an input decides whether it is text at all, before
 * up to 64 MiB are read. */
static bool looks_like_text(const char *buf, size_t n, void *arg)
{
	const struct import_input *in = arg;

	return utf8_check(in->file, buf, n, in->d);
}

static bool import_file(struct cli *cli, struct import_cmd *ic, const char *file)
{
	struct import_result res = {0};
	struct import_input in = { file, &cli->diags };
	size_t len;
	char *buf = read_file_checked(file, 64u << 20, 1u << 20, looks_like_text, &in, &len);
	bool ok;

	if (!buf) {
		int e = errno;

		cli_flush_diags(cli);
		if (e == EILSEQ)
			cli_error("%s: not a text file; nothing imported", file);
		else
			cli_error("%s: %s", file, e == EFBIG ? "larger than 64 MiB" : file_error(e));
		return false;
	}
	ok = import_text(file, buf, len, ic->countries, &ic->opt, &res, &cli->diags);
	free(buf);
	cli_flush_diags(cli);
	if (ic->dry_run && res.n_docs) {
		printf("%s: %zu narrative%s, %zu debris line%s dropped\n", file, res.n_docs,
		       res.n_docs == 1 ? "" : "s", res.n_debris, res.n_debris == 1 ? "" : "s");
		for (size_t i = 0; i < res.n_docs; i++)
			describe(res.docs[i], stdout);
	}
	for (size_t i = 0; !ic->dry_run && i < res.n_docs; i++)
		ok = write_doc(ic, res.docs[i]) && ok;
	import_result_free(&res);
	return ok;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	enum {
		OPT_YEAR = OPT_FIRST_COMMAND_OPTION, OPT_COLLECTION, OPT_KIND, OPT_OUT, OPT_COUNTRY,
		OPT_SECTION, OPT_TITLE, OPT_SOURCE, OPT_DRY_RUN,
	};
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "collection", required_argument, NULL, OPT_COLLECTION },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "out", required_argument, NULL, OPT_OUT },
		{ "country", required_argument, NULL, OPT_COUNTRY },
		{ "section", required_argument, NULL, OPT_SECTION },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ NULL, 0, NULL, 0 },
	};
	struct import_cmd ic = { .collection = "tip", .out = "content" };
	const char *country = NULL;
	int opt, r, status = EXIT_OK;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_HELP:
			command_print_help(cmd_import_help);
			return EXIT_OK;
		case OPT_YEAR:
			if (!cli_year(cli, optarg, &ic.opt.year))
				return EXIT_USAGE;
			continue;
		case OPT_COLLECTION:
			if (!slug_valid(optarg))
				return cli_usage_error(cli, "collection name '%s' must be like 'tip' "
						       "(lower case letters, digits, '-')", optarg);
			ic.collection = optarg;
			continue;
		case OPT_KIND:
			if (!parse_kind(optarg))
				return cli_usage_error(cli, "--kind must be annual-report or commentary");
			ic.kind = optarg;
			continue;
		case OPT_OUT:
			ic.out = optarg;
			continue;
		case OPT_COUNTRY:
			country = optarg;
			continue;
		case OPT_SECTION:
			if (!slug_valid(optarg))
				return cli_usage_error(cli, "section id '%s' must be like 'profile'", optarg);
			ic.opt.section = optarg;
			continue;
		case OPT_TITLE:
			ic.opt.title = optarg;
			continue;
		case OPT_SOURCE:
			ic.opt.source = optarg;
			continue;
		case OPT_DRY_RUN:
			ic.dry_run = true;
			continue;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
	}
	if (optind == argc)
		return cli_usage_error(cli, "expected one or more FILEs");
	if (!(ic.countries = load_countries(cli, ic.out)))
		return EXIT_NOTFOUND;
	if (country) {
		const struct country *c;
		enum lookup_result lr = countries_lookup(ic.countries, country, &c, NULL, 0, NULL);

		if (lr != LOOKUP_FOUND) {
			countries_free(ic.countries);
			return cli_usage_error(cli, "%s country '%s'",
					       lr == LOOKUP_AMBIGUOUS ? "ambiguous" : "unknown", country);
		}
		ic.opt.country = c->slug;
	}
	ic.opt.commentary = ic.kind ? !strcmp(ic.kind, "commentary") : strcmp(ic.collection, "tip") != 0;
	for (int i = optind; i < argc; i++)
		if (!import_file(cli, &ic, argv[i]))
			status = EXIT_NOTFOUND;
	countries_free(ic.countries);
	return status;
}
