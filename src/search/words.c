/* words.c — words of a text (a fast path for ASCII, ICU for the rest) and
 * British and American spellings. */
#include "config.h"

#include "search/words.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "base/utf8.h"
#include "base/util.h"

/* ---- what separates words ----
 *
 * The text is read in stretches between separators: an ASCII character
 * other than a letter, digit or apostrophe, or one of the common typographic
 * separators below.  None of them folds into a letter, digit or apostrophe,
 * so a stretch folds the same alone as within the whole text.  A stretch of
 * ASCII letters, digits and apostrophes (straight or curly) is read as it
 * is; any other character makes it slow: folded with ICU. */

enum byte_kind { SEP, WORD, APOS, OTHER };

/* The kind of the character at text[i]; *n its length in bytes. */
static enum byte_kind kind_at(const char *text, size_t len, size_t i, size_t *n)
{
	unsigned char b = (unsigned char)text[i];
	int32_t cp;

	*n = 1;
	if (b < 0x80)
		return words_ascii_alnum(b) ? WORD : b == '\'' ? APOS : SEP;
	*n = utf8_next(text + i, len - i, &cp);
	switch (cp) {
	case 0x2018: case 0x2019:                 /* ‘ ’ */
		return APOS;
	case 0x00A0:                              /* no-break space */
	case 0x201C: case 0x201D:                 /* “ ” */
	case 0x2013: case 0x2014:                 /* – — */
	case 0x2026:                              /* … */
		return SEP;
	default:
		return OTHER;
	}
}

bool words_boundary(const char *text, size_t len, size_t at)
{
	size_t start, n;

	if (at == 0 || at >= len)
		return true;
	/* The character before at: back over continuation bytes. */
	for (start = at - 1; start > 0 && at - start < 4 && ((unsigned char)text[start] & 0xC0) == 0x80; start--)
		;
	return kind_at(text, len, start, &n) == SEP && start + n == at;
}

/* Sixteen bytes at a time (GCC's vector types). */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* Whether one of 16 bytes is special: 0x80 and above, or an apostrophe. */
static bool maybe_special(const char *p)
{
	bytes16 x, high, apos, hit;
	uint64_t half[2];

	memcpy(&x, p, 16);
	memset(&high, 0x80, sizeof(high));
	memset(&apos, '\'', sizeof(apos));
	hit = (bytes16)(x >= high) | (bytes16)(x == apos);
	memcpy(half, &hit, 16);
	return half[0] | half[1];
}

bool words_next_special(const char *text, size_t len, size_t from, size_t *start, size_t *end)
{
	size_t i = from, n;

	while (i < len) {
		enum byte_kind k;

		if (i + 16 <= len && !maybe_special(text + i)) {
			i += 16;
			continue;
		}
		k = kind_at(text, len, i, &n);
		if (k == APOS || k == OTHER) {
			size_t a = i, b = i + n, m;

			while (a > 0 && !words_boundary(text, len, a))
				a--;
			while (b < len && kind_at(text, len, b, &m) != SEP)
				b += m;
			*start = a;
			*end = b;
			return true;
		}
		i += n;
	}
	return false;
}

void words_init(struct words *w, const char *text, size_t len, size_t from)
{
	memset(w, 0, sizeof(*w));
	w->text = text;
	w->len = len;
	w->pos = from;
	w->chunk_end = from;
}

void words_done(struct words *w)
{
	folded_free(&w->folded);
}

/* Appends bytes to the key, as long as whole characters fit. */
static void key_add(struct word *out, const char *s, size_t n)
{
	if (out->len + n > WORDS_MAX_KEY)
		return;
	memcpy(out->key + out->len, s, n);
	out->len += n;
	out->key[out->len] = '\0';
	out->hash = hash_add(out->hash, s, n);
}

/* The next word of a fast stretch, from w->pos. */
static bool next_fast(struct words *w, struct word *out)
{
	const char *t = w->text;
	size_t i = w->pos, n;
	bool in = false;

	while (i < w->chunk_end) {
		enum byte_kind k = kind_at(t, w->len, i, &n);

		if (k == WORD) {
			char c = t[i];

			if (!in) {
				out->start = i;
				out->len = 0;
				out->hash = HASH_INIT;
				in = true;
			}
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			key_add(out, &c, 1);
			out->end = ++i;
			continue;
		}
		/* Otherwise an apostrophe: it joins two letters and is dropped. */
		if (in && i + n < w->chunk_end && words_ascii_alnum((unsigned char)t[i + n])) {
			i += n;
			continue;
		}
		i += n;
		if (in)
			break;
	}
	w->pos = i;
	return in;
}

/* Whether a code point of folded text belongs to a word. */
static bool word_cp(int32_t cp)
{
	if (cp < 0x80)
		return words_ascii_alnum((unsigned char)cp);
	return u_hasBinaryProperty(cp, UCHAR_ALPHABETIC) || u_charType(cp) == U_DECIMAL_DIGIT_NUMBER;
}

/* The next word of a slow stretch, read in its folded form.  A word spans
 * the original characters its first and last letters came from. */
static bool next_slow(struct words *w, struct word *out)
{
	const struct folded *f = &w->folded;
	size_t i = w->fpos, first = 0, last = 0, n;
	bool in = false;

	while (i < f->len) {
		int32_t cp;

		n = utf8_next(f->s + i, f->len - i, &cp);
		if (word_cp(cp)) {
			if (!in) {
				first = i;
				out->len = 0;
				out->hash = HASH_INIT;
				in = true;
			}
			key_add(out, f->s + i, n);
			last = i;
			i += n;
			continue;
		}
		if (in && cp == '\'' && i + 1 < f->len) {
			int32_t next;

			utf8_next(f->s + i + 1, f->len - i - 1, &next);
			if (word_cp(next)) {
				i++;
				continue;
			}
		}
		i += n;
		if (in)
			break;
	}
	w->fpos = i;
	if (in) {
		size_t end = w->chunk + f->map[last];

		out->start = w->chunk + f->map[first];
		kind_at(w->text, w->len, end, &n);
		out->end = end + n;
	}
	return in;
}

/* Each ASCII byte as a word's letter (lower case), or 0 for any other
 * (and for every byte beyond ASCII, left at 0). */
static const unsigned char letters[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
};

static inline unsigned char letter(unsigned char c)
{
	return letters[c];
}

/* A run of ASCII letters and digits standing between separators is a
 * word by itself: nearly every word of a report, read in one pass.  False
 * (nothing consumed) when the run goes on into an apostrophe or beyond
 * ASCII. */
static bool next_plain(struct words *w, struct word *out)
{
	const unsigned char *t = (const unsigned char *)w->text;
	size_t i = w->pos, j = i, n;
	uint64_t h = HASH_INIT;
	unsigned char c;

	out->len = 0;
	while (j < w->len && (c = letter(t[j]))) {
		if (out->len < WORDS_MAX_KEY) {
			out->key[out->len++] = (char)c;
			h = hash_add(h, &c, 1);
		}
		j++;
	}
	if (j == i || (j < w->len && (t[j] == '\'' || (t[j] >= 0x80 && kind_at(w->text, w->len, j, &n) != SEP))))
		return false;
	out->key[out->len] = '\0';
	out->hash = h;
	out->start = i;
	out->end = j;
	w->pos = w->chunk = w->chunk_end = j;
	return true;
}

bool words_next(struct words *w, struct word *out)
{
	for (;;) {
		const unsigned char *t = (const unsigned char *)w->text;
		size_t n;

		if (w->pos < w->chunk_end) {
			if (w->slow ? next_slow(w, out) : next_fast(w, out))
				return true;
			w->pos = w->chunk_end;
			continue;
		}
		/* The next stretch: past separators, up to the next one. */
		while (w->pos < w->len) {
			if (t[w->pos] < 0x80) {
				if (letter(t[w->pos]) || t[w->pos] == '\'')
					break;
				w->pos++;
			} else if (kind_at(w->text, w->len, w->pos, &n) == SEP) {
				w->pos += n;
			} else {
				break;
			}
		}
		if (w->pos >= w->len)
			return false;
		if (next_plain(w, out))
			return true;
		w->chunk = w->pos;
		w->slow = false;
		for (w->chunk_end = w->pos; w->chunk_end < w->len;) {
			enum byte_kind k = kind_at(w->text, w->len, w->chunk_end, &n);

			if (k == SEP)
				break;
			w->slow |= k == OTHER;
			w->chunk_end += n;
		}
		if (w->slow) {
			folded_free(&w->folded);
			fold_text(w->text + w->pos, w->chunk_end - w->pos, true, &w->folded);
			w->fpos = 0;
		}
	}
}

/* ---- spellings ---- */

/* Endings that British and American stems both take. */
static const char *const our_endings[] = { "", "s", "ed", "ing", "er", "ers", "able", "ably", "ite", "ites",
					   "ful", "hood", "hoods", "al", "ally", "less", NULL };
static const char *const ise_endings[] = { "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "able", NULL };
static const char *const ce_endings[] = { "", "s", "less", NULL };
static const char *const plural[] = { "", "s", NULL };
static const char *const whole[] = { "", NULL };

#define OUR(base) { base "our", base "or", our_endings }
#define ISE(base) { base "is", base "iz", ise_endings }
#define RE(base) { base "re", base "er", plural }
#define CE(base) { base "ce", base "se", ce_endings }
#define ONE(uk, us) { uk, us, whole }

/* The words a report uses in both spellings, as stems and endings. */
static const struct {
	const char *uk, *us;
	const char *const *endings;
} spellings[] = {
	OUR("lab"), OUR("behavi"), OUR("fav"), OUR("hon"), OUR("harb"), OUR("neighb"), OUR("endeav"),
	OUR("col"), OUR("rum"), OUR("vig"), OUR("hum"), OUR("flav"), OUR("demean"), OUR("arm"),
	ISE("organ"), ISE("recogn"), ISE("criminal"), ISE("decriminal"), ISE("priorit"), ISE("author"),
	ISE("legal"), ISE("penal"), ISE("final"), ISE("institutional"), ISE("harmon"), ISE("standard"),
	ISE("mobil"), ISE("demobil"), ISE("util"), ISE("real"), ISE("character"), ISE("emphas"), ISE("apolog"),
	ISE("minim"), ISE("maxim"), ISE("summar"), ISE("sensit"), ISE("desensit"), ISE("categor"),
	ISE("stigmat"), ISE("victim"), ISE("revictim"), ISE("traumat"), ISE("retraumat"), ISE("capital"),
	ISE("central"), ISE("decentral"), ISE("normal"), ISE("operational"), ISE("formal"), ISE("special"),
	ISE("international"), ISE("global"), ISE("jeopard"), ISE("scrutin"), ISE("public"), ISE("hospital"),
	ISE("familiar"), ISE("memor"), ISE("modern"), ISE("social"), ISE("subsid"), ISE("synchron"),
	ISE("terror"), ISE("equal"), ISE("incentiv"), ISE("optim"), ISE("patron"), ISE("popular"),
	ISE("professional"), ISE("rational"), ISE("regular"), ISE("sanit"), ISE("critic"), ISE("computer"),
	ISE("digital"), ISE("energ"), ISE("civil"), ISE("colon"), ISE("democrat"), ISE("immun"),
	ISE("industrial"), ISE("liberal"), ISE("marginal"), ISE("militar"), ISE("demilitar"), ISE("monopol"),
	ISE("neutral"), ISE("privat"), ISE("sympath"), ISE("urban"), ISE("commercial"), ISE("personal"),
	ISE("polar"), ISE("fertil"), ISE("visual"), ISE("symbol"), ISE("agon"),
	{ "analys", "analyz", ise_endings }, { "paralys", "paralyz", ise_endings },
	RE("cent"), RE("theat"), RE("met"), RE("fib"), RE("lit"), RE("calib"), RE("spect"), RE("meag"),
	RE("somb"),
	CE("defen"), CE("offen"), CE("licen"), CE("preten"),
	ONE("programme", "program"), ONE("programmes", "programs"), ONE("travelled", "traveled"),
	ONE("travelling", "traveling"), ONE("traveller", "traveler"), ONE("travellers", "travelers"),
	ONE("counselling", "counseling"), ONE("counsellor", "counselor"), ONE("counsellors", "counselors"),
	ONE("counselled", "counseled"), ONE("labelled", "labeled"), ONE("labelling", "labeling"),
	ONE("modelling", "modeling"), ONE("modelled", "modeled"), ONE("cancelled", "canceled"),
	ONE("cancelling", "canceling"), ONE("signalled", "signaled"), ONE("signalling", "signaling"),
	ONE("channelled", "channeled"), ONE("channelling", "channeling"), ONE("fuelled", "fueled"),
	ONE("fuelling", "fueling"), ONE("levelled", "leveled"), ONE("totalled", "totaled"),
	ONE("enrolment", "enrollment"), ONE("enrolments", "enrollments"), ONE("fulfil", "fulfill"),
	ONE("fulfils", "fulfills"), ONE("fulfilment", "fulfillment"), ONE("instil", "instill"),
	ONE("instils", "instills"), ONE("skilful", "skillful"), ONE("wilful", "willful"),
	ONE("judgement", "judgment"), ONE("judgements", "judgments"), ONE("acknowledgement", "acknowledgment"),
	ONE("acknowledgements", "acknowledgments"), ONE("ageing", "aging"), ONE("grey", "gray"),
	ONE("practise", "practice"), ONE("practised", "practiced"), ONE("practises", "practices"),
	ONE("practising", "practicing"), ONE("enquiry", "inquiry"), ONE("enquiries", "inquiries"),
	ONE("enquire", "inquire"), ONE("enquired", "inquired"), ONE("centred", "centered"),
	ONE("centring", "centering"), ONE("manoeuvre", "maneuver"), ONE("manoeuvres", "maneuvers"),
	ONE("foetus", "fetus"), ONE("paediatric", "pediatric"), ONE("gaol", "jail"), ONE("gaols", "jails"),
	ONE("catalogue", "catalog"), ONE("catalogues", "catalogs"),
};

/* Every spelled word with its other spellings, sorted by word; the words
 * are kept in one block for the life of the process. */
struct variant {
	const char *word;
	const char *others[3];
	size_t n;
};

static struct variant *variants;
static size_t n_variants;
static char *spelled;
static pthread_once_t variants_once = PTHREAD_ONCE_INIT;

static int cmp_variant(const void *a, const void *b)
{
	return strcmp(((const struct variant *)a)->word, ((const struct variant *)b)->word);
}

/* Expands the stems into words, pairs them both ways, and merges the
 * entries of a word that two families spell. */
static void build_variants(void)
{
	size_t size = 0, used = 0, k = 0;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ARRAY_SIZE(spellings); i++)
			for (const char *const *e = spellings[i].endings; *e; e++) {
				size_t nu = strlen(spellings[i].uk) + strlen(*e) + 1;
				size_t nus = strlen(spellings[i].us) + strlen(*e) + 1;
				char *uk, *us;

				if (!pass) {
					size += nu + nus;
					n_variants += 2;
					continue;
				}
				uk = spelled + used;
				used += nu;
				us = spelled + used;
				used += nus;
				snprintf(uk, nu, "%s%s", spellings[i].uk, *e);
				snprintf(us, nus, "%s%s", spellings[i].us, *e);
				variants[k++] = (struct variant){ uk, { us }, 1 };
				variants[k++] = (struct variant){ us, { uk }, 1 };
			}
		if (!pass) {
			spelled = xmalloc(size);
			variants = xcalloc(n_variants, sizeof(*variants));
		}
	}
	qsort(variants, n_variants, sizeof(*variants), cmp_variant);
	k = 0;
	for (size_t i = 0; i < n_variants; i++) {
		struct variant *into = k ? &variants[k - 1] : NULL;
		bool known = false;

		if (!into || strcmp(into->word, variants[i].word)) {
			variants[k++] = variants[i];
			continue;
		}
		for (size_t j = 0; j < into->n; j++)
			known |= !strcmp(into->others[j], variants[i].others[0]);
		if (!known && into->n < ARRAY_SIZE(into->others))
			into->others[into->n++] = variants[i].others[0];
	}
	n_variants = k;
}

/* The first entry not below key. */
static size_t lower_bound(const char *key)
{
	size_t lo = 0, hi = n_variants;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(variants[mid].word, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void words_variants(const char *key, const char *const **out, size_t *n)
{
	size_t i;

	pthread_once(&variants_once, build_variants);
	i = lower_bound(key);
	if (i < n_variants && !strcmp(variants[i].word, key)) {
		*out = variants[i].others;
		*n = variants[i].n;
	} else {
		*out = NULL;
		*n = 0;
	}
}

void words_variants_prefixed(const char *prefix, void (*fn)(const char *word, const char *other, void *arg),
			     void *arg)
{
	size_t len = strlen(prefix);

	pthread_once(&variants_once, build_variants);
	for (size_t i = lower_bound(prefix); i < n_variants && !strncmp(variants[i].word, prefix, len); i++)
		for (size_t j = 0; j < variants[i].n; j++)
			fn(variants[i].word, variants[i].others[j], arg);
}
