/* reason.c — the sentence of a narrative that places the country on a tier.
 *
 * The report states each placement in one sentence of its own words: "...is
 * not making significant efforts to do so; therefore the DPRK remained on
 * Tier 3.", "Therefore South Korea was downgraded to Tier 2.", "Libya
 * remains a Special Case for the ninth consecutive year."  A sentence places
 * when a tier is named right after a placing verb; tiers named otherwise
 * ("an otherwise required downgrade to Tier 3", "from Tier 2") do not count.
 * Matching is on folded text (case, accents, typographic quotes). */
#include "config.h"

#include "tiers/tiers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

#include "base/utf8.h"
#include "base/util.h"
#include "text/fold.h"
#include "text/sentence.h"

const char *tier_move_name(enum tier_move m)
{
	static const char *const names[MOVE__COUNT] = { "", "remained", "upgraded", "downgraded", "placed" };

	return m < MOVE__COUNT ? names[m] : "";
}

/* Placing verbs as folded text, and what each says.  "remains" alone
 * serves "remains a Special Case"; "is" serves "is a Special Case". */
static const struct {
	const char *words;
	enum tier_move move;
} cues[] = {
	{ "remained on", MOVE_SAME },      { "remains on", MOVE_SAME },
	{ "remain on", MOVE_SAME },        { "remained at", MOVE_SAME },
	{ "remains at", MOVE_SAME },       { "remained", MOVE_SAME },
	{ "remains", MOVE_SAME },          { "stayed on", MOVE_SAME },
	{ "downgraded to", MOVE_DOWN },    { "upgraded to", MOVE_UP },
	{ "placed on", MOVE_PLACED },      { "placed in", MOVE_PLACED },
	{ "moved to", MOVE_PLACED },       { "categorized in", MOVE_PLACED },
	{ "categorized as", MOVE_PLACED }, { "ranked", MOVE_PLACED },
	{ "ranked on", MOVE_PLACED },      { "is", MOVE_PLACED },
};

static bool word_char(char c)
{
	return isalnum((unsigned char)c);
}

/* The tier named at s[i] of folded text ("tier 2 watch list", "tier three",
 * "special case"), with its length; TIER_NONE when none starts there. */
static enum tier tier_named(const char *s, size_t i, size_t *len)
{
	static const struct {
		const char *words;
		enum tier tier;
	} names[] = {
		/* Longest first: "tier 2 watch list" before "tier 2". */
		{ "tier 2 watch list", TIER_2WL }, { "tier two watch list", TIER_2WL },
		{ "tier 2 watch-list", TIER_2WL }, { "tier 1", TIER_1 },
		{ "tier one", TIER_1 },            { "tier 2", TIER_2 },
		{ "tier two", TIER_2 },            { "tier 3", TIER_3 },
		{ "tier three", TIER_3 },          { "special case", TIER_SPECIAL },
	};

	if (i > 0 && word_char(s[i - 1]))
		return TIER_NONE;
	for (size_t k = 0; k < ARRAY_SIZE(names); k++) {
		size_t n = strlen(names[k].words);

		if (!strncmp(s + i, names[k].words, n) && !word_char(s[i + n])) {
			*len = n;
			return names[k].tier;
		}
	}
	return TIER_NONE;
}

/* Whether s[0..end) ends with the words w at a word boundary. */
static bool ends_with_words(const char *s, size_t end, const char *w)
{
	size_t n = strlen(w);

	return end >= n && !strncmp(s + end - n, w, n) && (end == n || !word_char(s[end - n - 1]));
}

/* The placing verb that ends s[0..end) (an article "a", "an" or "the" may
 * follow it), or MOVE_NONE.  "downgraded from Tier 2 to" counts as
 * "downgraded to". */
static enum tier_move cue_before(const char *s, size_t end)
{
	static const char *const articles[] = { "a", "an", "the" };

	while (end > 0 && s[end - 1] == ' ')
		end--;
	for (size_t k = 0; k < ARRAY_SIZE(articles); k++) {
		if (ends_with_words(s, end, articles[k])) {
			end -= strlen(articles[k]);
			while (end > 0 && s[end - 1] == ' ')
				end--;
			break;
		}
	}
	for (size_t k = 0; k < ARRAY_SIZE(cues); k++)
		if (ends_with_words(s, end, cues[k].words))
			return cues[k].move;
	if (ends_with_words(s, end, "to")) {
		size_t to = end - 2, len;

		/* "...graded from <tier> to": the tier must be all that lies between. */
		while (to > 0 && s[to - 1] == ' ')
			to--;
		for (size_t i = 0; i < to; i++) {
			size_t from = i;

			if (tier_named(s, i, &len) == TIER_NONE || i + len != to)
				continue;
			while (from > 0 && s[from - 1] == ' ')
				from--;
			if (ends_with_words(s, from, "downgraded from"))
				return MOVE_DOWN;
			if (ends_with_words(s, from, "upgraded from"))
				return MOVE_UP;
		}
	}
	return MOVE_NONE;
}

/* The last placement in folded sentence s: its move and tier. */
static bool placement(const char *s, enum tier_move *move, enum tier *tier)
{
	bool found = false;

	for (size_t i = 0; s[i]; i++) {
		size_t len;
		enum tier t = tier_named(s, i, &len);
		enum tier_move m;

		if (t == TIER_NONE || (m = cue_before(s, i)) == MOVE_NONE)
			continue;
		*move = m;
		*tier = t;
		found = true;
		i += len - 1;
	}
	return found;
}

/* The end of text[start, end) without its trailing white space: ICU keeps
 * spaces after a full stop in the sentence when they are not plain ones
 * ("Tier 3.\u00a0\u00a0The"). */
static size_t trim_end(const char *text, size_t start, size_t end)
{
	size_t last = start;

	for (size_t i = start; i < end;) {
		int32_t cp;

		i += utf8_next(text + i, end - i, &cp);
		if (cp < 0 || !u_isUWhiteSpace(cp))
			last = i;
	}
	return last;
}

/* A cheap test before splitting sentences: most paragraphs name no tier. */
static bool may_name_tier(const char *text, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i++) {
		char c = (char)tolower((unsigned char)text[i]);

		if ((c == 't' && !strncasecmp(text + i, "tier", 4)) ||
		    (c == 's' && i + 12 <= len && !strncasecmp(text + i, "special case", 12)))
			return true;
	}
	return false;
}

bool tier_reason_in(const char *text, size_t len, size_t *start, size_t *end, enum tier_move *move,
		    enum tier *tier)
{
	struct span *v;
	size_t n;
	bool found = false;

	if (!may_name_tier(text, len))
		return false;
	n = sentence_split(text, len, &v);
	for (size_t i = 0; i < n && !found; i++) {
		struct folded f;

		if (!may_name_tier(text + v[i].start, v[i].end - v[i].start))
			continue;
		fold_text(text + v[i].start, v[i].end - v[i].start, false, &f);
		if ((found = placement(f.s, move, tier))) {
			*start = v[i].start;
			*end = trim_end(text, v[i].start, v[i].end);
		}
		folded_free(&f);
	}
	free(v);
	return found;
}

bool tier_reason_find(const struct document *doc, struct tier_reason *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t s = 0; s < doc->n_sections; s++) {
		const struct section *sec = &doc->sections[s];

		for (size_t p = 0; p < sec->n_paras; p++) {
			size_t a, b;

			if (!tier_reason_in(sec->paras[p], strlen(sec->paras[p]), &a, &b, &out->move, &out->tier))
				continue;
			out->sentence = xstrndup(sec->paras[p] + a, b - a);
			out->section = (int)s;
			out->section_id = xstrdup(sec->id);
			out->section_title = sec->title ? xstrdup(sec->title) : NULL;
			out->para = p;
			return true;
		}
	}
	return false;
}

void tier_reason_done(struct tier_reason *r)
{
	free(r->sentence);
	free(r->section_id);
	free(r->section_title);
	memset(r, 0, sizeof(*r));
}
