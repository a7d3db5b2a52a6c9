/* keys.h — every key of the reader in one table.  The dispatcher looks keys
 * up in it; the help screen, the hint line (a label and a rank per binding)
 * and every key named in a message are made from it, so none of them can
 * drift from what the keys do. */
#ifndef TIPR_UI_KEYS_H
#define TIPR_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum action {
	ACT_NONE,
	ACT_QUIT,
	ACT_HELP,
	ACT_SWITCH_PANE,
	ACT_FOCUS_TREE,
	ACT_TOGGLE_TREE,
	ACT_TREE_WIDER,
	ACT_TREE_NARROWER,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_NEXT_YEAR,
	ACT_PREV_YEAR,
	ACT_SEARCH,
	ACT_SEARCH_BACK,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_OPEN,
	ACT_COLLAPSE,
	ACT_TOGGLE,
	ACT_FILTER,
	ACT_MODE,
	ACT_COLLECTION,
	ACT_CANCEL,
	ACT_REDRAW,
	ACT_COMPARE,
	ACT_TRACKER,
	ACT_CLOSE,
	ACT_NEXT_CHANGE,
	ACT_PREV_CHANGE,
	ACT_SWAP,
	ACT_INLINE,
	ACT_FOLD,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_DETAIL,
	ACT_SEARCH_ALL,
	ACT_SCOPE,
	ACT_EDIT_QUERY,
	/* Annotations */
	ACT_VISUAL,
	ACT_VISUAL_BLOCK,
	ACT_SEL_WORD_NEXT,
	ACT_SEL_WORD_PREV,
	ACT_SEL_SENTENCE_NEXT,
	ACT_SEL_SENTENCE_PREV,
	ACT_SEL_PARA_NEXT,
	ACT_SEL_PARA_PREV,
	ACT_HIGHLIGHT,
	ACT_COLOR,
	ACT_NOTE,
	ACT_NEXT_NOTE,
	ACT_PREV_NOTE,
	ACT_EDIT_NOTE,
	ACT_DELETE_NOTE,
	ACT_UNDO,
	ACT_NOTES,
	ACT_SORT,
	ACT_COPY,
	/* Tiers */
	ACT_TIERS,
	ACT_MAP,
};

/* Where a binding applies; CTX_ANY bindings apply wherever the context has
 * no binding of its own for the key. */
enum key_context { CTX_ANY, CTX_TREE, CTX_READER, CTX_VISUAL, CTX_COMPARE, CTX_TRACKER, CTX_TIERS,
		   CTX_RESULTS, CTX_NOTES, CTX_HELP, CTX__COUNT };

struct key_binding {
	enum action action;
	enum key_context context;
	int keys[8];          /* curses key codes; 0 ends the list */
	const char *help;     /* what it does, on the help screen */
	const char *hint;     /* its label on the hint line, or NULL */
	unsigned char rank;   /* its place on the hint line: lower first */
};

extern const struct key_binding key_bindings[];
extern const size_t key_bindings_count;

/* The action bound to key in context (bindings of the context win over
 * those for anywhere); ACT_NONE if unbound. */
enum action keys_lookup(int key, enum key_context context);
/* The name of a key code: "j", "Enter", "PgDn", "^F", "F1", "Space". */
const char *keys_name(int code, char buf[16]);
/* Every key of a binding as the help shows them ("j Down ^N ^E"; runs of
 * three or more, as "1-7"), written into out (n bytes). */
void keys_binding_names(const struct key_binding *b, char *out, size_t n);
/* The first key that does act in context (or anywhere), for messages:
 * "D", "Enter"; "?" when none does. */
const char *keys_label(enum action act, enum key_context context);
/* Every key that does act in context, as the help shows them ("1-7"). */
const char *keys_names(enum action act, enum key_context context);
/* The hint line of a context: up to max entries ("n/N change",
 * "q back"), most useful first, written into out[i] (64 bytes each).
 * Returns how many. */
size_t keys_hints(enum key_context context, char (*out)[64], size_t max);
/* The help screen's title of a context's group ("In the tree"). */
const char *keys_context_title(enum key_context context);

#endif
