/* yamltree.h — untrusted YAML into a small tree, safely.
 *
 * libyaml 0.2.5 has no nesting limit and leaves aliases to the consumer, so
 * this loader drives its event parser itself: it validates UTF-8 first,
 * refuses anchors, aliases, tags and multiple documents, and stops with
 * FILE:LINE:COL as soon as a size, depth, node-count or scalar-length cap is
 * reached.  Every node lives in the caller's arena. */
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
	const char *str;      /* scalar text, NUL-terminated (may contain NUL: use len) */
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
/* Reads and parses a file; I/O errors and the size cap are reported to d. */
struct ynode *yaml_load_file(const char *path, const struct yaml_limits *lim,
			     struct arena *a, struct diags *d);

/* Value for key in a mapping, or NULL.  Keys are compared as scalars. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
/* True for a plain scalar "", "~" or "null". */
bool ynode_is_null(const struct ynode *n);
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
