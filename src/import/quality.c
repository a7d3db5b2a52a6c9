/* quality.c — what looks wrong in an imported narrative. */
#include "config.h"

#include "import/quality.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "import/textrepair.h"

static void add(struct quality_report *q, enum quality_kind kind, const struct section *s,
		size_t index, char *msg)
{
	struct quality_finding *f;

	GROW(q->v, q->cap, q->n + 1);
	f = &q->v[q->n++];
	f->kind = kind;
	f->section = s->id;
	f->index = index;
	f->line = s->line;
	f->msg = msg;
}

/* The first words of a text, for a message: up to 50 bytes, whole
 * characters. */
static int quote_len(const char *text)
{
	size_t n = strlen(text);

	if (n <= 50)
		return (int)n;
	n = 50;
	while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* The last words of a text, for a message: its last 50 bytes or fewer,
 * from a character's start. */
static const char *tail(const char *text)
{
	size_t n = strlen(text), start = n > 50 ? n - 50 : 0;

	while (start < n && ((unsigned char)text[start] & 0xC0) == 0x80)
		start++;
	return text + start;
}

static bool starts_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	return !strncmp(s, word, n) && !isalpha((unsigned char)s[n]);
}

/* An item that tells what happened instead of what to do: it opens with
 * the subject of a report's sentence, or says what someone reported. */
static bool reported_speech(const char *item)
{
	static const char *const subjects[] = {
		"The government", "The Government", "Authorities", "Officials", "Observers", "NGOs",
		"According to", "During the reporting period", "In 19", "In 20", "There were", "There was",
		NULL,
	};

	for (const char *const *w = subjects; *w; w++)
		if (starts_word(item, *w) || (!strncmp(*w, "In ", 3) && !strncmp(item, *w, strlen(*w))))
			return true;
	return str_find(item, " reported that ") || str_find(item, " said that ");
}

/* A page's furniture inside a paragraph: the report's running heads, or a
 * page number standing between two sentences ("... efforts. 57 The ..."). */
static bool layout_debris(const char *p)
{
	if (str_find(p, "TRAFFICKING IN PERSONS REPORT") || str_find(p, "COUNTRY NARRATIVES"))
		return true;
	for (const char *q = p; (q = strchr(q, ' ')); q++) {
		size_t digits = 0;

		while (isdigit((unsigned char)q[1 + digits]))
			digits++;
		if (digits && digits <= 4 && q[1 + digits] == ' ' && q > p && q[-1] == '.' &&
		    isupper((unsigned char)q[2 + digits]))
			return true;
	}
	for (; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != ' ')
			return false;
	return true;
}

void quality_check(const struct document *doc, struct quality_report *q)
{
	const struct section *last = NULL;

	memset(q, 0, sizeof(*q));
	q->n_sections = doc->n_sections;
	for (size_t s = 0; s < doc->n_sections; s++)
		if (doc->sections[s].n_paras)
			last = &doc->sections[s];
	for (size_t s = 0; s < doc->n_sections; s++) {
		const struct section *sec = &doc->sections[s];

		q->n_paras += sec->n_paras;
		q->n_items += sec->n_items;
		for (size_t k = 0; k < sec->n_items; k++)
			if (reported_speech(sec->items[k]))
				add(q, QUALITY_REPORTED_SPEECH, sec, k,
				    xasprintf("recommendation %zu reads as reported speech, not a "
					      "recommendation: \"%.*s\"", k + 1,
					      quote_len(sec->items[k]), sec->items[k]));
		for (size_t k = 0; k < sec->n_paras; k++) {
			const char *p = sec->paras[k];
			bool excerpt_end = !doc->complete && sec == last && k + 1 == sec->n_paras;

			if (!excerpt_end && !text_ends_sentence(p, strlen(p)))
				add(q, QUALITY_MID_SENTENCE, sec, k,
				    xasprintf("paragraph %zu of %s ends mid-sentence: \"...%s\"", k + 1, sec->id,
					      tail(p)));
			if (layout_debris(p))
				add(q, QUALITY_LAYOUT_DEBRIS, sec, k,
				    xasprintf("paragraph %zu of %s holds a running head or page number: "
					      "\"%.*s\"", k + 1, sec->id, quote_len(p), p));
		}
	}
}

void quality_report_free(struct quality_report *q)
{
	for (size_t i = 0; i < q->n; i++)
		free(q->v[i].msg);
	free(q->v);
	memset(q, 0, sizeof(*q));
}
