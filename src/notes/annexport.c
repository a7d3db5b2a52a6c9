/* annexport.c — citing and exporting annotations. */
#include "config.h"

#include "notes/annexport.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/json.h"
#include "base/textsafe.h"
#include "base/util.h"

bool ann_format_parse(const char *s, enum ann_format *out)
{
	static const struct {
		const char *name;
		enum ann_format fmt;
	} names[] = {
		{ "text", ANN_FORMAT_TEXT }, { "md", ANN_FORMAT_MD }, { "markdown", ANN_FORMAT_MD },
		{ "json", ANN_FORMAT_JSON }, { "csv", ANN_FORMAT_CSV },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strcmp(s, names[i].name)) {
			*out = names[i].fmt;
			return true;
		}
	}
	return false;
}

static void cite(struct ann_cite *c, const struct annotation *a, struct corpus *corpus,
		 struct diags *d)
{
	struct collection *coll = corpus_collection_by_name(corpus, a->collection);
	struct corpus_doc *e = coll ? collection_find(coll, a->country, a->year) : NULL;
	const struct document *doc = e ? corpus_doc_load(e, d) : NULL;
	const struct countries *cs = corpus_countries(corpus);
	const struct country *country = countries_by_slug(cs, a->country);

	memset(c, 0, sizeof(*c));
	c->ann = a;
	c->anchor.kind = ANN_ANCHOR_ORPHAN;
	c->anchor.section = -1;
	if (doc) {
		ann_resolve(a, doc, &c->anchor);
		/* A passage no longer found is cited by its section alone. */
		if (c->anchor.section >= 0)
			cite_block(&c->cite, coll, cs, doc, c->anchor.section, ann_anchor_block(doc, &c->anchor));
		else
			cite_block(&c->cite, coll, cs, doc, document_section_index(doc, a->section), SIZE_MAX);
	} else {
		c->cite.report = coll && coll->title ? coll->title : a->collection;
		c->cite.country = country ? country->name : a->country;
		c->cite.year = a->year;
	}
	if (!c->cite.section)
		c->cite.section = a->section;
	c->section_title = c->cite.section;
}

size_t ann_cite_all(const struct ann_store *st, const struct ann_filter *filter, enum ann_sort sort,
		    struct corpus *corpus, struct diags *d, struct ann_cite **out)
{
	const struct annotation **list;
	size_t n = ann_list(st, filter, sort, &list);
	struct ann_cite *v = xcalloc(n + 1, sizeof(*v));

	for (size_t i = 0; i < n; i++)
		cite(&v[i], list[i], corpus, d);
	free(list);
	*out = v;
	return n;
}

static bool orphan(const struct ann_cite *c)
{
	return c->anchor.kind == ANN_ANCHOR_ORPHAN;
}

/* Writes s inertly with every line after the first starting with lead. */
static void put_lines(const char *s, const char *lead, FILE *out)
{
	char *safe = textsafe_dup(s, strlen(s));

	for (const char *p = safe; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fputs(lead, out);
	}
	free(safe);
}

static void export_text(const struct ann_cite *v, size_t n, FILE *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct annotation *a = v[i].ann;

		fprintf(out, "%s  ", a->id);
		put_lines(a->country, "", out);
		fprintf(out, " %d ", a->year);
		put_lines(a->section, "", out);
		fprintf(out, "  %s%s\n    \"", ann_color_name(a->color),
			orphan(&v[i]) ? "  (orphaned)" : "");
		put_lines(a->quote, "     ", out);
		fputs("\"\n", out);
		if (a->note[0]) {
			fputs("    note: ", out);
			put_lines(a->note, "          ", out);
			fputc('\n', out);
		}
	}
}

/* One quote with its citation and note, as a Markdown block. */
static void md_entry(const struct ann_cite *c, FILE *out)
{
	const struct annotation *a = c->ann;
	struct strbuf sb = {0};

	fputs("> ", out);
	put_lines(a->quote, "> ", out);
	fputs("\n\n— ", out);
	cite_format(&c->cite, true, &sb);
	fputs(sb_str(&sb), out);
	sb_free(&sb);
	fprintf(out, " [%s, %s]\n\n", ann_color_name(a->color), a->id);
	if (a->note[0]) {
		fputs("Note: ", out);
		put_lines(a->note, "", out);
		fputs("\n\n", out);
	}
}

static void export_md(const struct ann_cite *v, size_t n, FILE *out)
{
	const struct ann_cite *prev = NULL;
	size_t orphans = 0;

	fputs("# Annotations\n\n", out);
	for (size_t i = 0; i < n; i++) {
		const struct annotation *a = v[i].ann;

		if (orphan(&v[i])) {
			orphans++;
			continue;
		}
		if (!prev || strcmp(prev->ann->country, a->country) || prev->ann->year != a->year ||
		    strcmp(prev->ann->collection, a->collection)) {
			fputs("## ", out);
			put_lines(v[i].cite.country, "", out);
			fprintf(out, ", %d\n\n", a->year);
		}
		prev = &v[i];
		md_entry(&v[i], out);
	}
	if (!orphans)
		return;
	fputs("## Orphaned annotations\n\n"
	      "These passages are no longer found in the current text.\n\n", out);
	for (size_t i = 0; i < n; i++)
		if (orphan(&v[i]))
			md_entry(&v[i], out);
}

/* A member of an object: value as a string, null for NULL. */
static void json_pair(FILE *out, const char *key, const char *value, bool last)
{
	fprintf(out, "    \"%s\": ", key);
	if (value)
		json_string(out, value);
	else
		fputs("null", out);
	fputs(last ? "\n" : ",\n", out);
}

/* A member that is a number from 1, or null for 0 (not known). */
static void json_number(FILE *out, const char *key, size_t n)
{
	if (n)
		fprintf(out, "    \"%s\": %zu,\n", key, n);
	else
		fprintf(out, "    \"%s\": null,\n", key);
}

static void export_json(const struct ann_cite *v, size_t n, FILE *out)
{
	fputs("[", out);
	for (size_t i = 0; i < n; i++) {
		const struct annotation *a = v[i].ann;

		fputs(i ? ",\n  {\n" : "\n  {\n", out);
		json_pair(out, "id", a->id, false);
		json_pair(out, "collection", a->collection, false);
		json_pair(out, "country", a->country, false);
		json_pair(out, "country_name", v[i].cite.country, false);
		fprintf(out, "    \"year\": %d,\n", a->year);
		json_pair(out, "report", v[i].cite.report, false);
		json_pair(out, "section", a->section, false);
		json_pair(out, "section_title", v[i].section_title, false);
		json_number(out, "paragraph", v[i].cite.item ? 0 : v[i].cite.number);
		json_number(out, "item", v[i].cite.item ? v[i].cite.number : 0);
		json_pair(out, "pages", v[i].cite.pages, false);
		json_pair(out, "url", v[i].cite.url, false);
		json_pair(out, "quote", a->quote, false);
		json_pair(out, "note", a->note, false);
		json_pair(out, "color", ann_color_name(a->color), false);
		json_pair(out, "status", ann_anchor_name(v[i].anchor.kind), false);
		json_pair(out, "created", a->created, false);
		json_pair(out, "updated", a->updated, true);
		fputs("  }", out);
	}
	fputs(n ? "\n]\n" : "]\n", out);
}

static void export_csv(const struct ann_cite *v, size_t n, FILE *out)
{
	fputs("id,collection,country,country_name,year,report,section,section_title,quote,note,"
	      "color,status,created,updated,paragraph,item,pages,url\n", out);
	for (size_t i = 0; i < n; i++) {
		const struct annotation *a = v[i].ann;
		const struct citation *c = &v[i].cite;
		char year[16], para[24] = "", item[24] = "";
		const char *fields[] = {
			a->id, a->collection, a->country, c->country, year, c->report,
			a->section, v[i].section_title, a->quote, a->note, ann_color_name(a->color),
			ann_anchor_name(v[i].anchor.kind), a->created, a->updated, para, item,
			c->pages ? c->pages : "", c->url ? c->url : "",
		};

		snprintf(year, sizeof(year), "%d", a->year);
		if (c->number)
			snprintf(c->item ? item : para, sizeof(para), "%zu", c->number);
		for (size_t k = 0; k < ARRAY_SIZE(fields); k++) {
			if (k)
				fputc(',', out);
			csv_field(out, fields[k]);
		}
		fputc('\n', out);
	}
}

void ann_export(const struct ann_cite *v, size_t n, enum ann_format fmt, FILE *out)
{
	switch (fmt) {
	case ANN_FORMAT_TEXT:
		export_text(v, n, out);
		break;
	case ANN_FORMAT_MD:
		export_md(v, n, out);
		break;
	case ANN_FORMAT_JSON:
		export_json(v, n, out);
		break;
	case ANN_FORMAT_CSV:
		export_csv(v, n, out);
		break;
	}
}
