/* tiers.h — tier placements across editions: the numeric scale, the change
 * from one edition to the next, the sentence of the narrative that gives the
 * placement, a country's history and an edition's placements.
 *
 * The scale (documented in tipr.1): Tier 1 = 1, Tier 2 = 2, Tier 2 Watch
 * List = 2.5, Tier 3 = 3; Special Case is not on it, so a move to or from
 * Special Case is "changed", neither up nor down.  "Up" is a better tier (a
 * lower number).  Editions are the years of one collection; a change compares
 * an edition with the latest earlier edition that gives the country a tier.
 * Model code (no curses): reason.c finds the sentences, tiers.c the rest. */
#ifndef TIPR_TIERS_H
#define TIPR_TIERS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "content/corpus.h"

/* The tier's value on the scale in *value; false for Special Case and none. */
bool tier_scale(enum tier t, double *value);

enum tier_change {
	TC_FIRST,   /* no earlier edition gives the country a tier */
	TC_UP,      /* a better tier than before */
	TC_DOWN,    /* a worse tier than before */
	TC_SAME,
	TC_CHANGED, /* to or from Special Case: off the scale */
	TC_ABSENT,  /* not in the report that year */
	TC_EXCERPT, /* an excerpt that gives no tier */
	TC_UNKNOWN, /* a narrative that gives no tier (or could not be read) */
	TC__COUNT
};
/* A token for CSV and JSON: "first", "up", "down", "same", "changed",
 * "absent", "excerpt", "unknown". */
const char *tier_change_name(enum tier_change c);
/* Words for people: "first seen", "up", ..., "not in the report",
 * "excerpt, no tier", "no tier given". */
const char *tier_change_text(enum tier_change c);
/* The change from before (TIER_NONE: no earlier tier) to after (a tier). */
enum tier_change tier_change_of(enum tier before, enum tier after);

/* What a placement sentence says happened. */
enum tier_move {
	MOVE_NONE,
	MOVE_SAME,   /* "remained on", "remains a Special Case" */
	MOVE_UP,     /* "was upgraded to" */
	MOVE_DOWN,   /* "was downgraded to" */
	MOVE_PLACED, /* "is placed on", "categorized in": no comparison made */
	MOVE__COUNT
};
/* "", "remained", "upgraded", "downgraded", "placed". */
const char *tier_move_name(enum tier_move m);

/* The sentence of a narrative that places the country, and where it is. */
struct tier_reason {
	char *sentence;     /* owned; NULL when the narrative has none */
	int section;        /* index in the document's sections */
	char *section_id;   /* owned copies of its id and title (the title may be NULL) */
	char *section_title;
	size_t para;        /* paragraph index in that section */
	enum tier_move move;
	enum tier tier;     /* the tier the sentence names */
};

/* Finds, in text[0..len) (a paragraph: a line break ends a sentence, as
 * for ICU), the first sentence that places a country on a
 * tier ("...therefore the DPRK remained on Tier 3.", "Therefore South Korea
 * was downgraded to Tier 2.", "Libya remains a Special Case..."): a tier
 * named right after a placing verb, the last such in the sentence (so that
 * "...a waiver from an otherwise required downgrade to Tier 3 and remained
 * on Tier 2 Watch List" gives Tier 2 Watch List).  Returns false when there
 * is none; else the sentence's byte range, what it says and the tier. */
bool tier_reason_in(const char *text, size_t len, size_t *start, size_t *end, enum tier_move *move,
		    enum tier *tier);
/* The first placing sentence of doc's paragraphs, in document order; false
 * (out->sentence NULL) when there is none.  Release with tier_reason_done. */
bool tier_reason_find(const struct document *doc, struct tier_reason *out);
void tier_reason_done(struct tier_reason *r);

enum tier_flag {
	TF_NONE,
	TF_UNEXPLAINED, /* a change (up, down, changed) whose narrative has no placing sentence */
	TF_DISAGREES,   /* the sentence names another tier, or another move from the year before */
	TF__COUNT
};
/* "", "unexplained", "disagrees". */
const char *tier_flag_name(enum tier_flag f);

/* A country in one edition. */
struct tier_year {
	int year;
	struct corpus_doc *entry; /* NULL: not in the report that year */
	enum tier tier;
	bool excerpt;             /* the document is an excerpt (complete: false) */
	enum tier_change change;
	enum tier before;         /* the tier compared with (TIER_NONE: none) */
	int since;                /* its edition (0: none); a gap when not the edition before */
	struct tier_reason reason;
	enum tier_flag flag;
};

/* A country's tier in every edition of a collection. */
struct tier_history {
	const char *slug;              /* owned */
	const struct country *country; /* NULL when the countries table lacks it */
	struct tier_year *years;       /* one per edition, ascending */
	size_t n;
	size_t present;                /* editions with a narrative of the country */
};

/* The history of slug in coll (of corpus c, for its countries).  With
 * reasons, every narrative is loaded to find its placing sentence and flags
 * (problems go to d; each is given back afterwards unless it was loaded
 * before); without, tiers and changes come from the documents' headers
 * alone (cheap: for a strip), with no reason and no flag.  Free with
 * tiers_history_free. */
struct tier_history *tiers_history(struct corpus *c, struct collection *coll, const char *slug,
				   bool reasons, struct diags *d);
void tiers_history_free(struct tier_history *h);

/* A country in an edition's placements. */
struct tier_place {
	const char *slug;              /* owned by the collection */
	const struct country *country; /* NULL when the countries table lacks it */
	struct tier_year y;
};

/* An edition: its placements and every change from the edition before. */
struct tier_edition {
	int year;
	int previous;                /* the edition before in the collection; 0: none */
	size_t counts[TIER__COUNT];  /* narratives per tier; [TIER_NONE]: those that give none */
	struct tier_place *places;   /* the edition's countries in name order, then those of
	                              * the edition before that it lacks (TC_ABSENT) */
	size_t n_places;
	size_t n_present;            /* places[0..n_present) are in the edition */
};

/* The placements of year in coll; with reasons, every narrative's reason
 * and flag too (as tiers_history finds them: each narrative of the edition
 * is loaded).  NULL when coll has no document of year.  Free with
 * tiers_edition_free. */
struct tier_edition *tiers_edition(struct corpus *c, struct collection *coll, int year, bool reasons,
				   struct diags *d);
void tiers_edition_free(struct tier_edition *e);

/* Narratives per tier in one edition. */
struct tier_counts {
	int year;
	size_t n[TIER__COUNT]; /* [TIER_NONE]: narratives that give no tier */
	size_t total;
};

/* The counts of every edition of coll, ascending, from the documents'
 * headers; the caller frees *out.  Returns the number of editions. */
size_t tiers_counts(struct collection *coll, struct tier_counts **out);

#endif
