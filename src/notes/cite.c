/* cite.c — citing a passage of a document. */
#include "config.h"

#include "notes/cite.h"

#include <stdlib.h>
#include <string.h>

#include "base/textsafe.h"

void cite_block(struct citation *c, const struct collection *coll, const struct countries *cs,
		const struct document *doc, int section, size_t block)
{
	const struct country *country = cs ? countries_by_slug(cs, doc->country) : NULL;

	memset(c, 0, sizeof(*c));
	c->report = doc->source ? doc->source : coll && coll->title ? coll->title : coll ? coll->name : NULL;
	c->country = country ? country->name : doc->country;
	c->year = doc->year;
	c->pages = doc->source_pages;
	c->url = doc->source_url;
	if (section < 0 || (size_t)section >= doc->n_sections)
		return;
	c->section = doc->sections[section].title ? doc->sections[section].title : doc->sections[section].id;
	if (block < doc->sections[section].n_paras) {
		c->number = block + 1;
	} else if (block - doc->sections[section].n_paras < doc->sections[section].n_items) {
		c->number = block - doc->sections[section].n_paras + 1;
		c->item = true;
	}
}

void cite_format(const struct citation *c, bool markdown, struct strbuf *out)
{
	size_t start = out->len;

	if (c->report) {
		sb_adds(out, markdown ? "*" : "");
		textsafe_append(out, c->report, strlen(c->report));
		sb_adds(out, markdown ? "*" : "");
	}
	if (c->country) {
		sb_adds(out, out->len > start ? ", " : "");
		textsafe_append(out, c->country, strlen(c->country));
	}
	if (c->year)
		sb_addf(out, " (%d)", c->year);
	if (c->section) {
		sb_adds(out, out->len > start ? ", " : "");
		textsafe_append(out, c->section, strlen(c->section));
	}
	if (c->number)
		sb_addf(out, ", %s %zu", c->item ? "item" : "para.", c->number);
	if (c->pages) {
		/* "p. 245" for one page, "pp. 245-248" for a range. */
		sb_adds(out, strspn(c->pages, "0123456789") == strlen(c->pages) ? ", p. " : ", pp. ");
		textsafe_append(out, c->pages, strlen(c->pages));
	}
	if (c->url) {
		sb_adds(out, markdown ? ", <" : ", ");
		textsafe_append(out, c->url, strlen(c->url));
		sb_adds(out, markdown ? ">" : "");
	}
}

char *cite_passage(const struct citation *c, const char *text, size_t len)
{
	struct strbuf sb = {0};

	sb_adds(&sb, "\xe2\x80\x9c");
	textsafe_append(&sb, text, len);
	sb_adds(&sb, "\xe2\x80\x9d\n\xe2\x80\x94 ");
	cite_format(c, false, &sb);
	sb_addc(&sb, '\n');
	return sb_detach(&sb);
}
