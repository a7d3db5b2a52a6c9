/* annotations.h — the user's highlights and notes, and the file that keeps them.
 *
 * The store lives in $XDG_DATA_HOME/tipr/annotations.yaml.  Every change is
 * saved at once and crash-safely (temporary file, fsync, rename, fsync of the
 * directory) under flock() on annotations.yaml.lock; before writing, the file
 * is re-read and merged by id (the later change wins) unless it is still the
 * file this store last read or wrote (device, inode, size, mtime, ctime), and
 * deletions are kept as tombstones so that a second running reader cannot
 * resurrect them.  Ids are hashed: loading, merging and finding cost linear
 * time however many annotations there are.
 *
 * Reading creates, locks and moves nothing.  A file that cannot be parsed is
 * moved aside (annotations.yaml.corrupt-<time>, beside it) by the next change,
 * never overwritten.  A symbolic link is followed: the lock, the temporary
 * file and the file set aside sit beside its target, which the save replaces
 * (the link stays).  What is not a regular file (a FIFO, device, socket or
 * directory, or a link to one) is refused: never read, renamed, locked or
 * written.  Model code: no curses. */
#ifndef TIPR_ANNOTATIONS_H
#define TIPR_ANNOTATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "content/document.h"

enum ann_color { ANN_YELLOW, ANN_GREEN, ANN_BLUE, ANN_PINK, ANN_RED, ANN_PURPLE, ANN_ORANGE,
		 ANN__COLOR_COUNT };

/* "yellow", "green", ...: the names the file and the command line use. */
const char *ann_color_name(enum ann_color c);
/* Parses a colour name, case-insensitively; false if unknown. */
bool ann_color_parse(const char *s, enum ann_color *out);

#define ANN_ID_LEN 12
#define ANN_STAMP_LEN 24 /* "2026-11-24T10:29:50.123Z" */

/* One annotation.  Every string is owned by the annotation (ann_done). */
struct annotation {
	char id[ANN_ID_LEN + 1];     /* 12 lowercase hex digits, stable forever */
	char *collection;            /* "tip" */
	char *country;               /* slug */
	int year;
	char *section;               /* section id */
	bool item;                   /* anchored in the section's items, not its paragraphs */
	size_t index;                /* paragraph or item index in the section */
	size_t start, end;           /* byte offsets of the quote in that paragraph/item */
	char *quote;                 /* the highlighted text as it read when annotated */
	char *prefix, *suffix;       /* up to ANN_CONTEXT code points around it */
	enum ann_color color;
	char *note;                  /* "" when only highlighted */
	char created[ANN_STAMP_LEN + 1], updated[ANN_STAMP_LEN + 1];
	char deleted[ANN_STAMP_LEN + 1]; /* "" unless this is a tombstone */
};

#define ANN_CONTEXT 32

/* Deep copy of src into dst; release dst with ann_done(). */
void ann_copy(struct annotation *dst, const struct annotation *src);
void ann_done(struct annotation *a);

enum ann_status {
	ANN_OK,
	ANN_NOTFOUND,   /* no live annotation with that id / quote not in the section */
	ANN_INVALID,    /* bad arguments (offsets outside the text, invalid UTF-8) */
	ANN_CORRUPT,    /* the file was unreadable (see diags): left as it is by a load,
	                 * moved aside by a change, which was then saved */
	ANN_IOERR,      /* the file could not be read or written, or is not a regular
	                 * file (see diags) */
};

struct ann_store;

/* A store for the file at path (NULL: the default under $XDG_DATA_HOME).
 * Nothing is read yet.  Free with ann_store_free(). */
struct ann_store *ann_store_new(const char *path);
void ann_store_free(struct ann_store *st);
const char *ann_store_path(const struct ann_store *st);
/* Reads the file and merges it into memory (the later change of each id
 * wins), without a lock (saves replace the file whole) and without creating
 * or moving anything.  A missing file is an empty store.  ANN_CORRUPT: the
 * file is left as it is (the next change moves it aside), the store keeps
 * what it had; details in ann_store_diags(). */
enum ann_status ann_store_load(struct ann_store *st);
/* Problems met so far (corrupt file, I/O errors) as FILE:LINE:COL messages. */
struct diags *ann_store_diags(struct ann_store *st);

/* Every entry, tombstones included (for tests and merging tools). */
size_t ann_store_count(const struct ann_store *st);
const struct annotation *ann_store_at(const struct ann_store *st, size_t i);
/* The live annotation with this id, or NULL.  Valid until the next change. */
const struct annotation *ann_store_find(const struct ann_store *st, const char *id);

enum ann_sort { ANN_SORT_DOCUMENT, ANN_SORT_CREATED, ANN_SORT_UPDATED, ANN_SORT_COLOR };

/* Which live annotations ann_list returns; NULL/0 fields match everything. */
struct ann_filter {
	const char *collection;
	const char *country;
	int year;
	const char *text; /* in quote, note, country slug, section id or year, case- and
	                   * accent-insensitively; or a colour's name */
};

/* Live annotations matching filter (NULL: all), sorted.  *out is an array the
 * caller frees (the entries stay owned by the store, valid until its next
 * change).  Returns the count. */
size_t ann_list(const struct ann_store *st, const struct ann_filter *filter, enum ann_sort sort,
		const struct annotation ***out);

/* Annotates doc (of collection) at section, paragraph or item index, bytes
 * [start, end) of that block: quote and context come from the text.  Saved
 * at once.  *added (may be NULL) points to the store's entry. */
enum ann_status ann_add(struct ann_store *st, const char *collection, const struct document *doc,
			int section, bool item, size_t index, size_t start, size_t end,
			enum ann_color color, const char *note, const struct annotation **added);
/* Changes the note (NULL: keep) and/or colour (NULL: keep) of a live
 * annotation and saves.  ANN_NOTFOUND if it no longer exists (another reader
 * may have deleted it). */
enum ann_status ann_update(struct ann_store *st, const char *id, const char *note,
			   const enum ann_color *color);
/* Deletes (tombstones) an annotation and saves.  When removed is non-NULL it
 * receives a copy of the live entry for undo with ann_restore() (zeroed when
 * there was none; the caller always releases it with ann_done()).
 * For every change: on ANN_IOERR the change stays in memory and is saved
 * with the next one; the reason is in ann_store_diags(). */
enum ann_status ann_delete(struct ann_store *st, const char *id, struct annotation *removed);
/* Puts a (deleted) annotation back with its id, as undo; saves. */
enum ann_status ann_restore(struct ann_store *st, const struct annotation *a);

/* Where an annotation sits in a document as it reads now. */
enum ann_anchor_kind {
	ANN_ANCHOR_EXACT,  /* the stored offsets still hold the quote */
	ANN_ANCHOR_MOVED,  /* the same text (up to whitespace, case, accents, quote and dash
	                    * style) at other offsets, chosen by its context */
	ANN_ANCHOR_FUZZY,  /* slightly reworded text between matching context */
	ANN_ANCHOR_ORPHAN, /* no longer found, or not unambiguously: kept, not shown */
};
struct ann_anchor {
	enum ann_anchor_kind kind;
	int section;        /* index in doc->sections; -1 for orphans */
	bool item;
	size_t index;       /* paragraph or item */
	size_t start, end;  /* byte range in that paragraph or item */
};
/* The anchor's block as layouts number them: paragraphs, then items. */
size_t ann_anchor_block(const struct document *doc, const struct ann_anchor *a);
/* "exact", "moved", "fuzzy", "orphaned". */
const char *ann_anchor_name(enum ann_anchor_kind k);

/* Finds a's passage in doc (the document it names).  Prefers an orphan to a
 * doubtful match: text that reads differently is accepted only when quote
 * and context agree well and no second place agrees as well. */
void ann_resolve(const struct annotation *a, const struct document *doc, struct ann_anchor *out);

/* A range to highlight in one document. */
struct ann_highlight {
	const struct annotation *ann; /* owned by the store */
	struct ann_anchor anchor;
};
/* Resolves every live annotation of doc (in collection); *out (caller frees
 * the array) gets the anchored ones in document order, and *orphans (may be
 * NULL) how many could not be placed.  Returns the count in *out. */
size_t ann_resolve_document(const struct ann_store *st, const char *collection,
			    const struct document *doc, struct ann_highlight **out, size_t *orphans);

/* The context around bytes [start, end) of a paragraph or item: up to
 * ANN_CONTEXT code points each side, across paragraph boundaries within the
 * section.  The caller frees *prefix and *suffix. */
void ann_context(const struct document *doc, int section, bool item, size_t index, size_t start,
		 size_t end, char **prefix, char **suffix);

/* Finds quote (matched exactly, else ignoring whitespace, case, accents and
 * quote/dash style) in one section.  Returns how many places match; the
 * first is stored in *where.  Used to annotate from the command line. */
size_t ann_find_quote(const struct document *doc, int section, const char *quote,
		      struct ann_anchor *where);

#endif
