/* keys.h — every key of the reader, in one table: the dispatcher looks keys
 * up in it and the help screen is printed from it, so the two cannot drift. */
#ifndef TIPR_UI_KEYS_H
#define TIPR_UI_KEYS_H

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
};

enum key_context { CTX_ANY, CTX_TREE, CTX_READER, CTX_VISUAL, CTX_COMPARE, CTX_TRACKER, CTX_RESULTS,
		   CTX_NOTES };

struct key_binding {
	enum action action;
	enum key_context context;
	int keys[8];          /* curses key codes; 0 ends the list */
	const char *names;    /* as the help screen shows them */
	const char *help;
};

extern const struct key_binding key_bindings[];
extern const size_t key_bindings_count;

/* The action bound to key in context (bindings of the context win over
 * those for anywhere); ACT_NONE if unbound. */
enum action keys_lookup(int key, enum key_context context);

#endif
