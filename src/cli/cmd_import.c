/* cmd_import.c — tipr import: the report as people get it (an edition's PDF,
 * a country's PDF, a saved web page, a text copy) to content YAML. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/paths.h"
#include "base/utf8.h"
#include "cli/commands.h"
#include "import/import.h"
#include "import/textrepair.h"

enum {
	OPT_YEAR = OPT_FIRST_COMMAND_OPTION, OPT_COLLECTION, OPT_KIND, OPT_OUT, OPT_COUNTRY,
	OPT_SECTION, OPT_TITLE, OPT_SOURCE, OPT_DRY_RUN, OPT_FORCE,
};

static const struct cli_option import_options[] = {
	{ "year", "Y", OPT_YEAR,
	  "the edition (default: a title or heading; else the file name, not a date in it; "
	  "else a saved page's address; else the one edition the text names)" },
	{ "collection", "NAME", OPT_COLLECTION,
	  "collection to write into (default: tip)" },
	{ "kind", "KIND", OPT_KIND,
	  "annual-report or commentary, for a new collection (default: annual-report for tip, else commentary)" },
	{ "out", "DIR", OPT_OUT,
	  "content directory to write (default: ./content)" },
	{ "country", "C", OPT_COUNTRY,
	  "the country of text that has no country heading" },
	{ "section", "ID", OPT_SECTION,
	  "the section of text before the first section heading" },
	{ "title", "TEXT", OPT_TITLE,
	  "the document title (default: the country's name)" },
	{ "source", "TEXT", OPT_SOURCE,
	  "where the text comes from (default: the report edition)" },
	{ "dry-run", NULL, OPT_DRY_RUN,
	  "print what was found; write nothing" },
	{ "force", NULL, OPT_FORCE,
	  "replace narratives that exist in DIR with other text" },
	{ "content", "DIR", OPT_CONTENT, "also look up countries in DIR/countries.yaml" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_import_spec = {
	"tipr import FILE... [--year Y] [--collection NAME] [--out DIR] [--dry-run] [--force]",
	"Turn the report as people get it into content YAML: an edition's PDF (every\n"
	"country narrative in it), a country's PDF or a page printed to PDF, a\n"
	"narrative page saved from a browser (HTML, in the charset the page declares),\n"
	"or a text copy (PDF extracts, web and email copies, CSV exports, notes in\n"
	"Markdown, Org, reStructuredText or wiki markup; UTF-8 once misread as\n"
	"Windows-1252 is repaired; text saved as Windows-1252 or UTF-16 is read as\n"
	"such and said).  The format comes from the file's bytes.  One\n"
	"document per narrative found is written to\n"
	"DIR/NAME/YEAR/COUNTRY.yaml (DIR/NAME/undated/ for undated commentary), with\n"
	"DIR/NAME/collection.yaml created when missing.  Country and section headings,\n"
	"paragraphs, words split at line ends, recommendations, and layout debris\n"
	"(running heads, page numbers, captions, site chrome) are recognised; a\n"
	"narrative that stops early is marked complete: false; the PDF pages of a\n"
	"narrative and the address of a saved page are kept as source_pages and\n"
	"source_url.  An edition's tier placement list is checked against the tiers\n"
	"of its narratives, in the summary.  A narrative that exists with other text\n"
	"is never replaced without --force: the import says what each version holds.\n"
	"One run never writes the same country and year twice.  On a terminal, a PDF\n"
	"shows its progress (pages, countries found) on stderr.\n",
	import_options,
};

/* Inputs are refused past these sizes; what is not text (a NUL byte outside
 * UTF-16), a web page or a PDF is refused within its first megabyte. */
#define SNIFF_SIZE ((size_t)1 << 20)
#define MAX_TEXT ((size_t)64 << 20)
#define MAX_PDF ((size_t)512 << 20)

/* A narrative written (or found) in this run, to refuse a second one. */
struct seen {
	char *key;   /* collection/year/slug */
	char *where; /* FILE:LINE or FILE, page N */
};

struct import_cmd {
	struct import_options opt;
	const char *collection, *kind, *out;
	bool dry_run, force;
	struct countries *countries;
	const char *file;       /* the input under way, for the progress line */
	struct seen *seen;
	size_t n_seen, cap_seen;
	size_t n_written, n_unchanged, n_refused, n_docs, n_files;
	unsigned n_pages;
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

/* --- reading an input --------------------------------------------------- */

static bool read_upto(int fd, struct strbuf *sb, size_t limit, bool *more)
{
	char chunk[65536];

	*more = false;
	while (sb->len < limit) {
		size_t want = limit - sb->len < sizeof(chunk) ? limit - sb->len : sizeof(chunk);
		ssize_t n = read(fd, chunk, want);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		if (n == 0)
			return true;
		sb_add(sb, chunk, (size_t)n);
	}
	/* At the limit: is there more? */
	for (;;) {
		char c;
		ssize_t n = read(fd, &c, 1);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		*more = n > 0;
		return true;
	}
}

/* Reads file whole, refusing early what cannot be imported.  NULL (the
 * reason said in d) on failure; the caller frees the result. */
static char *read_input(const char *file, size_t *len, struct diags *d)
{
	struct strbuf sb = {0};
	int fd = file_open_regular(file, NULL);
	bool more, ok;
	size_t check, limit;
	enum import_format fmt;

	if (fd < 0) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "%s", file_error(errno));
		return NULL;
	}
	ok = read_upto(fd, &sb, SNIFF_SIZE, &more);
	fmt = ok ? import_detect(sb.buf ? sb.buf : "", sb.len) : IMPORT_TEXT;
	/* The sniffed part may end inside a character. */
	check = sb.len;
	if (more)
		while (check && sb.len - check < 3 && ((unsigned char)sb.buf[check - 1] & 0xC0) == 0x80)
			check--;
	if (more && check && (unsigned char)sb.buf[check - 1] >= 0xC0)
		check--;
	/* utf8_check: invalid UTF-8 or a NUL byte, with its position; text in
	 * a legacy encoding (Windows-1252, UTF-16) is decoded by the import. */
	if (ok && fmt == IMPORT_TEXT && !legacy_text(sb.buf ? sb.buf : "", check) &&
	    !diags_check_utf8(file, sb.buf ? sb.buf : "", check, d)) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "not UTF-8 text, a web page or a PDF; nothing imported");
		close(fd);
		sb_free(&sb);
		return NULL;
	}
	limit = fmt == IMPORT_PDF ? MAX_PDF : MAX_TEXT;
	if (ok && more) {
		sb_addc(&sb, '\0');
		sb.len--;
		ok = read_upto(fd, &sb, limit, &more);
		if (ok && more) {
			diags_add(d, DIAG_ERROR, file, 0, 0, "larger than %zu MiB: a %s this large is not "
				  "a copy of the report", limit >> 20, import_format_name(fmt));
			close(fd);
			sb_free(&sb);
			return NULL;
		}
	}
	if (!ok)
		diags_add(d, DIAG_ERROR, file, 0, 0, "%s", strerror(errno));
	close(fd);
	if (!ok) {
		sb_free(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb_detach(&sb);
}

/* --- what a document holds ---------------------------------------------- */

static size_t count_items(const struct document *doc)
{
	size_t n = 0;

	for (size_t s = 0; s < doc->n_sections; s++)
		n += doc->sections[s].n_items;
	return n;
}

/* "2,408 words, 6 sections (overview, ...), 11 recommendations, Tier 3, complete" */
static char *holds(const struct document *doc)
{
	struct strbuf sb = {0};

	sb_addf(&sb, "%zu words, %zu section%s (", document_word_count(doc), doc->n_sections,
		doc->n_sections == 1 ? "" : "s");
	for (size_t s = 0; s < doc->n_sections; s++)
		sb_addf(&sb, "%s%s", s ? ", " : "", doc->sections[s].id);
	sb_addf(&sb, "), %zu recommendation%s, %s, %s", count_items(doc), count_items(doc) == 1 ? "" : "s",
		doc->tier ? tier_label(doc->tier) : "no tier", doc->complete ? "complete" : "excerpt");
	return sb_detach(&sb);
}

static void describe(const struct import_doc *id, FILE *out)
{
	const struct document *doc = id->doc;
	char year[16];

	snprintf(year, sizeof(year), "%d", doc->year);
	fprintf(out, "  %-14s %-7s %-18s %-8s %5zu words", doc->country,
		doc->year ? year : "undated",
		doc->tier ? tier_label(doc->tier) : "(no tier)", doc->complete ? "complete" : "excerpt",
		document_word_count(doc));
	if (doc->source_pages)
		fprintf(out, "  pages %s", doc->source_pages);
	fputs("\n    ", out);
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
	if (doc->source_url)
		fprintf(out, "    from %s\n", doc->source_url);
}

/* --- writing -------------------------------------------------------------- */

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

/* The document as it would be written. */
static char *render(const struct document *doc, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f)
		die("out of memory");
	if (!document_write(doc, f))
		die("cannot render a document");
	if (fclose(f) != 0)
		die("out of memory");
	return buf;
}

enum existing { NEW_FILE, SAME_TEXT, OTHER_TEXT };

/* Whether path already holds this document, another, or nothing; *old
 * describes what it holds. */
static enum existing compare_existing(const char *path, const struct document *doc, char **old)
{
	size_t len, new_len;
	char *buf, *rendered;
	struct diags d = {0};
	struct document *prev;
	enum existing e;

	*old = NULL;
	if (access(path, F_OK) != 0)
		return NEW_FILE;
	if (!(buf = read_file(path, MAX_TEXT, &len))) {
		*old = xasprintf("a file that cannot be read (%s)", file_error(errno));
		return OTHER_TEXT;
	}
	rendered = render(doc, &new_len);
	e = len == new_len && !memcmp(buf, rendered, len) ? SAME_TEXT : OTHER_TEXT;
	if (e == OTHER_TEXT) {
		prev = document_parse(path, buf, len, &d);
		*old = prev ? holds(prev) : xstrdup("a file that is not a valid narrative");
		document_free(prev);
	}
	diags_free(&d);
	free(rendered);
	free(buf);
	return e;
}

static char *where(const char *file, const struct import_doc *id)
{
	if (id->page)
		return xasprintf("%s, page %u", file, id->page);
	if (id->line)
		return xasprintf("%s:%u", file, id->line);
	return xstrdup(file);
}

/* A second narrative of the same country and year in one run: an error
 * naming both.  Otherwise remembered. */
static bool first_of_its_key(struct cli *cli, struct import_cmd *ic, const char *file,
			     const struct import_doc *id)
{
	char *key = xasprintf("%s/%d/%s", ic->collection, id->doc->year, id->doc->country);
	char *here = where(file, id);

	for (size_t i = 0; i < ic->n_seen; i++)
		if (!strcmp(ic->seen[i].key, key)) {
			diags_add(&cli->diags, DIAG_ERROR, file, id->line, id->line ? 1 : 0,
				  "%s %d found again (%s): already imported in this run from %s; "
				  "not written", id->doc->country, id->doc->year, here, ic->seen[i].where);
			free(key);
			free(here);
			return false;
		}
	GROW(ic->seen, ic->cap_seen, ic->n_seen + 1);
	ic->seen[ic->n_seen].key = key;
	ic->seen[ic->n_seen].where = here;
	ic->n_seen++;
	return true;
}

static bool write_doc(struct cli *cli, struct import_cmd *ic, const char *file,
		      const struct import_doc *id)
{
	const struct document *doc = id->doc;
	char *coll = path_join(ic->out, ic->collection), *dir, *name, *path, *old = NULL, *now;
	bool ok = true;

	dir = doc->year ? xasprintf("%s/%d", coll, doc->year) : path_join(coll, "undated");
	name = xasprintf("%s.yaml", doc->country);
	path = path_join(dir, name);
	switch (compare_existing(path, doc, &old)) {
	case SAME_TEXT:
		printf("unchanged %s\n", path);
		ic->n_unchanged++;
		break;
	case OTHER_TEXT:
		if (!ic->force) {
			now = holds(doc);
			diags_add(&cli->diags, DIAG_ERROR, path, 0, 0,
				  "exists and holds %s; this import (%s) holds %s; not replaced "
				  "(--force replaces it)", old, file, now);
			free(now);
			ic->n_refused++;
			ok = false;
			break;
		}
		/* fall through */
	case NEW_FILE:
		errno = 0;
		ok = paths_mkdirs(dir) && ensure_collection(ic, coll) && write_atomically(path, doc, NULL);
		if (!ok && errno)
			cli_error("cannot create %s: %s", dir, strerror(errno));
		if (ok) {
			printf("%s %s (%zu section%s, %zu recommendation%s, %zu words%s)\n",
			       old ? "replaced" : "wrote", path, doc->n_sections,
			       doc->n_sections == 1 ? "" : "s", count_items(doc),
			       count_items(doc) == 1 ? "" : "s", document_word_count(doc),
			       doc->complete ? "" : ", excerpt");
			ic->n_written++;
		}
		break;
	}
	free(old);
	free(coll);
	free(dir);
	free(name);
	free(path);
	return ok;
}

/* --- the placement list and the summary ----------------------------------- */

/* The edition's tier placement list against the narratives imported. */
static void cross_check(const char *file, const struct import_result *res)
{
	size_t found = 0, disagree = 0;

	if (!res->n_placements)
		return;
	for (size_t p = 0; p < res->n_placements; p++) {
		const struct import_placement *pl = &res->placements[p];
		const struct document *doc = NULL;

		for (size_t i = 0; i < res->n_docs && !doc; i++)
			if (!strcmp(res->docs[i].doc->country, pl->country->slug))
				doc = res->docs[i].doc;
		if (!doc) {
			fprintf(stderr, "tipr import: %s: %s is in the tier placement list (%s) but no "
				"narrative of it was found\n", file, pl->country->slug, tier_label(pl->tier));
			continue;
		}
		found++;
		if (doc->tier != pl->tier) {
			disagree++;
			fprintf(stderr, "tipr import: %s: %s: %s in the tier placement list, %s in its "
				"narrative\n", file, pl->country->slug, tier_label(pl->tier),
				doc->tier ? tier_label(doc->tier) : "no tier");
		}
	}
	fprintf(stderr, "tipr import: %s: the tier placement list names %zu countr%s; %zu of them "
		"imported; %s\n", file, res->n_placements, res->n_placements == 1 ? "y" : "ies", found,
		disagree ? "tiers disagree as above" : "every tier agrees");
}

static void progress(void *arg, unsigned page, unsigned pages, unsigned countries)
{
	const struct import_cmd *ic = arg;

	/* A line a few times a second is enough, and the last page always. */
	if (page % 8 && page != pages)
		return;
	fprintf(stderr, "\rtipr import: %s: page %u of %u, %u countr%s found", ic->file, page, pages,
		countries, countries == 1 ? "y" : "ies");
	if (page == pages)
		fputc('\n', stderr);
}

static bool import_file(struct cli *cli, struct import_cmd *ic, const char *file)
{
	struct import_result res = {0};
	size_t len;
	char *buf = read_input(file, &len, &cli->diags);
	bool ok;

	ic->n_files++;
	if (!buf) {
		cli_flush_diags(cli);
		return false;
	}
	ic->file = file;
	ok = import_buffer(file, buf, len, ic->countries, &ic->opt, &res, &cli->diags);
	free(buf);
	cli_flush_diags(cli);
	ic->n_pages += res.n_pages;
	ic->n_docs += res.n_docs;
	if (ic->dry_run && res.n_docs) {
		printf("%s: %zu narrative%s, %zu debris line%s dropped", file, res.n_docs,
		       res.n_docs == 1 ? "" : "s", res.n_debris, res.n_debris == 1 ? "" : "s");
		if (res.n_outside)
			printf(", %zu line%s outside the narratives", res.n_outside,
			       res.n_outside == 1 ? "" : "s");
		if (res.n_pages)
			printf(", %u page%s", res.n_pages, res.n_pages == 1 ? "" : "s");
		putchar('\n');
		for (size_t i = 0; i < res.n_docs; i++)
			describe(&res.docs[i], stdout);
	}
	for (size_t i = 0; i < res.n_docs; i++) {
		if (!first_of_its_key(cli, ic, file, &res.docs[i]))
			ok = false;
		else if (!ic->dry_run)
			ok = write_doc(cli, ic, file, &res.docs[i]) && ok;
		cli_flush_diags(cli);
	}
	cross_check(file, &res);
	import_result_free(&res);
	return ok;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	struct import_cmd ic = { .collection = "tip", .out = "content" };
	const char *country = NULL;
	int opt, status = EXIT_OK;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_import_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		switch (opt) {
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
		case OPT_FORCE:
			ic.force = true;
			continue;
		}
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
	if (isatty(STDERR_FILENO)) {
		ic.opt.progress = progress;
		ic.opt.progress_arg = &ic;
	}
	for (int i = optind; i < argc; i++)
		if (!import_file(cli, &ic, argv[i]))
			status = EXIT_NOTFOUND;
	/* The run in one line, when there was more than one thing to say. */
	if (ic.n_files > 1 || ic.n_docs > 1 || ic.n_pages) {
		fprintf(stderr, "tipr import: %zu narrative%s found in %zu file%s", ic.n_docs,
			ic.n_docs == 1 ? "" : "s", ic.n_files, ic.n_files == 1 ? "" : "s");
		if (ic.n_pages)
			fprintf(stderr, " (%u PDF page%s)", ic.n_pages, ic.n_pages == 1 ? "" : "s");
		if (ic.dry_run)
			fprintf(stderr, "; nothing written (dry run)\n");
		else
			fprintf(stderr, ": %zu written, %zu unchanged, %zu refused\n", ic.n_written,
				ic.n_unchanged, ic.n_refused);
	}
	for (size_t i = 0; i < ic.n_seen; i++) {
		free(ic.seen[i].key);
		free(ic.seen[i].where);
	}
	free(ic.seen);
	countries_free(ic.countries);
	return status;
}
