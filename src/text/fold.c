/* fold.c — ICU folding and collation. */
#include "config.h"

#include "text/fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include "base/icu.h"
#include "base/utf8.h"
#include "base/util.h"

static const UNormalizer2 *norm;
static UCollator *coll;

const char *collate_version(void)
{
	static char version[U_MAX_VERSION_STRING_LENGTH];
	UVersionInfo v;

	if (!*version) {
		u_getVersion(v);
		u_versionToString(v, version);
	}
	return version;
}

static void fold_release(void);

static const UNormalizer2 *nfkd(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (!norm) {
		icu_on_cleanup(fold_release);
		norm = unorm2_getNFKDInstance(&err);
		if (U_FAILURE(err))
			die("ICU normalisation data unavailable: %s", u_errorName(err));
	}
	return norm;
}

/* Typographic variants users cannot type easily fold to their ASCII form. */
static int32_t fold_punct(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		return '-';
	default:
		return cp;
	}
}

struct fold_out {
	struct folded *f;
	size_t cap;
	bool want_map;
	bool last_space;
};

/* Room for n more bytes (and the NUL) in s and, in step, in map. */
static void reserve(struct fold_out *o, size_t n)
{
	struct folded *f = o->f;

	if (f->len + n + 1 > o->cap) {
		GROW(f->s, o->cap, f->len + n + 1);
		if (o->want_map)
			f->map = xreallocarray(f->map, o->cap, sizeof(*f->map));
	}
}

static void put_byte(struct fold_out *o, char c, size_t src)
{
	struct folded *f = o->f;

	reserve(o, 1);
	f->s[f->len] = c;
	if (o->want_map)
		f->map[f->len] = src;
	f->len++;
}

static bool ascii_space(unsigned char b)
{
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
}

/* A run of ASCII, the bulk of any report: lower-cased and its whitespace
 * collapsed in one pass, with room made once for the whole run. */
static size_t put_ascii_run(struct fold_out *o, const char *s, size_t i, size_t len)
{
	struct folded *f = o->f;
	size_t end = i;

	while (end < len && !((unsigned char)s[end] & 0x80))
		end++;
	reserve(o, end - i);
	for (; i < end; i++) {
		unsigned char b = (unsigned char)s[i];

		if (ascii_space(b)) {
			if (o->last_space || f->len == 0)
				continue;
			o->last_space = true;
			b = ' ';
		} else {
			o->last_space = false;
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
		}
		f->s[f->len] = (char)b;
		if (o->want_map)
			f->map[f->len] = i;
		f->len++;
	}
	return end;
}

static void put_cp(struct fold_out *o, int32_t cp, size_t src)
{
	char buf[4];
	size_t n;

	if (u_isUWhiteSpace(cp) || cp == '\t' || cp == '\n' || cp == '\r') {
		if (o->last_space || o->f->len == 0)
			return;
		o->last_space = true;
		put_byte(o, ' ', src);
		return;
	}
	o->last_space = false;
	n = utf8_encode(cp, buf);
	for (size_t i = 0; i < n; i++)
		put_byte(o, buf[i], src);
}

/* Case-folds one (already decomposed, mark-free) code point. */
static void put_folded(struct fold_out *o, int32_t cp, size_t src)
{
	UChar in[2], out[8];
	int32_t in_len = 0, out_len;
	UErrorCode err = U_ZERO_ERROR;

	U16_APPEND_UNSAFE(in, in_len, cp);
	out_len = u_strFoldCase(out, (int32_t)ARRAY_SIZE(out), in, in_len, U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err)) {
		put_cp(o, cp, src);
		return;
	}
	for (int32_t i = 0; i < out_len;) {
		UChar32 c;

		U16_NEXT(out, i, out_len, c);
		put_cp(o, fold_punct(c), src);
	}
}

void fold_text(const char *s, size_t len, bool want_map, struct folded *out)
{
	struct fold_out o = { .f = out, .want_map = want_map };
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		int32_t cp;
		size_t n;

		if (b < 0x80) {
			/* No decomposition, simple case folding. */
			i = put_ascii_run(&o, s, i, len);
			continue;
		}
		n = utf8_next(s + i, len - i, &cp);
		if (cp < 0) {
			put_cp(&o, 0xFFFD, i);
		} else {
			UChar dec[32];
			UErrorCode err = U_ZERO_ERROR;
			int32_t dlen = unorm2_getDecomposition(nfkd(), cp, dec, (int32_t)ARRAY_SIZE(dec), &err);

			if (dlen < 0 || U_FAILURE(err)) {
				if (u_charType(cp) != U_NON_SPACING_MARK)
					put_folded(&o, fold_punct(cp), i);
			} else {
				for (int32_t k = 0; k < dlen;) {
					UChar32 c;

					U16_NEXT(dec, k, dlen, c);
					if (u_charType(c) != U_NON_SPACING_MARK)
						put_folded(&o, fold_punct(c), i);
				}
			}
		}
		i += n;
	}
	/* Trailing whitespace never matters for matching. */
	if (out->len && o.last_space)
		out->len--;
	reserve(&o, 0);
	out->s[out->len] = '\0';
	if (want_map)
		out->map[out->len] = len;
}

void folded_free(struct folded *f)
{
	free(f->s);
	free(f->map);
	memset(f, 0, sizeof(*f));
}

char *fold_dup(const char *s)
{
	struct folded f;

	fold_text(s, strlen(s), false, &f);
	return f.s;
}

static UCollator *collator(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (!coll) {
		icu_on_cleanup(fold_release);
		coll = ucol_open("", &err);
		if (U_FAILURE(err))
			die("ICU collation data unavailable: %s", u_errorName(err));
	}
	return coll;
}

int collate_cmp(const char *a, const char *b)
{
	UErrorCode err = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8(collator(), a, -1, b, -1, &err);

	if (U_FAILURE(err))
		return strcmp(a, b);
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

char *collate_key(const char *s)
{
	UChar *u;
	int32_t ulen = 0, klen;
	UErrorCode err = U_ZERO_ERROR;
	uint8_t *key;

	u_strFromUTF8(NULL, 0, &ulen, s, -1, &err);
	err = U_ZERO_ERROR;
	u = xmalloc(((size_t)ulen + 1) * sizeof(*u));
	u_strFromUTF8Lenient(u, ulen + 1, &ulen, s, -1, &err);
	if (U_FAILURE(err)) {
		free(u);
		return xstrdup(s);
	}
	klen = ucol_getSortKey(collator(), u, ulen, NULL, 0);
	key = xmalloc((size_t)klen + 1);
	ucol_getSortKey(collator(), u, ulen, key, klen + 1);
	free(u);
	return (char *)key;
}

static void fold_release(void)
{
	if (coll)
		ucol_close(coll);
	coll = NULL;
	norm = NULL; /* owned by ICU, released by u_cleanup() */
}
