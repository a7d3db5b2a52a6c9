/* yamltree.h — untrusted YAML into a small tree, safely.
 *
 * libyaml 0.2.5 has no nesting limit and leaves aliases to the consumer, so
 * this loader drives its event parser itself: it validates UTF-8 first,
 * refuses anchors, aliases, tags, multiple documents and NUL characters in
 * text (which C strings would cut silently), and stops with FILE:LINE:COL as
 * soon as a size, depth, node-count or scalar-length cap is reached.  Every
 * node lives in the caller's arena. */
#ifndef TIPR_YAMLTREE_H
#define TIPR_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
	enum ynode_kind kind;
	unsigned line, col;   /* 1-based start of the node in its file */
	const char *str;      /* scalar text, NUL-terminated (never contains a NUL) */
	size_t len;
	bool plain;           /* scalar written without quotes or block style */
	size_t n;             /* sequence: item count; mapping: pair count */
	struct ynode **items; /* sequence items; mapping keys at [2i], values at [2i+1] */
};

struct yaml_limits {
	size_t max_file_size; /* bytes */
	size_t max_depth;     /* nested collections */
	size_t max_scalar;    /* bytes in one scalar */
	size_t max_nodes;     /* nodes in the file */
};

/* Limits for content documents, countries.yaml, themes and collection files. */
extern const struct yaml_limits yaml_content_limits;

/* Parses buf[0..len) (named name in diagnostics).  Returns the root node, or
 * NULL after adding at least one error to d.  Nodes are owned by a. */
struct ynode *yaml_parse(const char *name, const char *buf, size_t len,
			 const struct yaml_limits *lim, struct arena *a, struct diags *d);
/* yaml_parse's fast path, for YAML written the way tipr writes it (block
 * collections, plain and double-quoted text on one line, literal blocks;
 * see yamltree.c): the same tree libyaml's events give, or NULL when buf
 * (valid UTF-8) holds anything else or a cap is reached; nothing is
 * reported.  Nodes are owned by a (also those of an attempt given up). */
struct ynode *yaml_parse_plain(const char *buf, size_t len, const struct yaml_limits *lim,
			       struct arena *a);
/* Reads and parses a file; I/O errors and the size cap are reported to d. */
struct ynode *yaml_load_file(const char *path, const struct yaml_limits *lim,
			     struct arena *a, struct diags *d);

/* Value for key in a mapping, or NULL.  Keys are compared as scalars. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
/* True for a plain scalar "", "~" or "null". */
bool ynode_is_null(const struct ynode *n);

/* How the value getters treat their key. */
enum ynode_want {
	YNODE_OPTIONAL = 0,
	YNODE_REQUIRED = 1, /* a missing key is an error */
	YNODE_NONEMPTY = 2, /* an empty text is an error */
};
/* The text of map's value for key (want: YNODE_* flags).  NULL when the key
 * is missing, or when its value is not text or is empty against want: each
 * reported to d against file with its position.  The text lives in the
 * tree. */
const char *ynode_text(const struct ynode *map, const char *key, unsigned want, const char *file,
		       struct diags *d);
/* map's value for key as a whole number in [min, max] (num_parse, so "1e3"
 * and " 7" are refused) into *out.  False when the key is missing or null
 * (an error if YNODE_REQUIRED) or the value is not such a number (an error
 * saying what is wrong with it). */
bool ynode_number(const struct ynode *map, const char *key, unsigned want, long long min,
		  long long max, long long *out, const char *file, struct diags *d);
/* Warns about every scalar (keys too) holding characters that are drawn as
 * placeholders (textsafe.h: control, bidi, invisible format), naming the
 * first of each and its placeholder; at most ten per file, then a count. */
void ynode_report_unsafe(const struct ynode *root, const char *file, struct diags *d);
const char *ynode_kind_name(enum ynode_kind kind);

/* Schema checking for a mapping: every key must be a scalar named in
 * known[] (a NULL-terminated list); unknown and duplicate keys are reported
 * against file.  Returns false if any problem was found. */
bool ynode_check_keys(const struct ynode *map, const char *const known[],
		      const char *file, struct diags *d);
/* Reports "what: expected K, found K'" unless n has the expected kind. */
bool ynode_expect(const struct ynode *n, enum ynode_kind kind, const char *what,
		  const char *file, struct diags *d);

#endif
