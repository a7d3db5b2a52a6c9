/* keys.c — the key table, and the names, help and hints made from it. */
#include "config.h"

#include "ui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

const struct key_binding key_bindings[] = {
	/* Everywhere */
	{ ACT_HELP, CTX_ANY, { KEY_F(1), 'H' }, "show this help (? in the tree)", NULL, 0 },
	{ ACT_QUIT, CTX_ANY, { 'q', 'Q' }, "quit (tipr reopens where you were)", "quit", 10 },
	{ ACT_SWITCH_PANE, CTX_ANY, { '\t' }, "move between the tree and the text", "pane", 20 },
	{ ACT_SEARCH_ALL, CTX_ANY, { 'S' }, "search every narrative, results as you type", "search all", 40 },
	{ ACT_COMPARE, CTX_ANY, { 'D' }, "compare the narrative with another edition (asks which)", "compare",
	  50 },
	{ ACT_TRACKER, CTX_ANY, { 'R' }, "the country's recommendations across editions", "recs", 60 },
	{ ACT_TIERS, CTX_ANY, { 'T' }, "the country's tier in every edition, and the edition's map", "tiers", 65 },
	{ ACT_NOTES, CTX_ANY, { 'L' }, "list every annotation", "notes", 80 },
	{ ACT_PREV_YEAR, CTX_ANY, { '<', ',' }, "previous edition of this country, same section", "year", 100 },
	{ ACT_NEXT_YEAR, CTX_ANY, { '>', '.' }, "next edition, same section", NULL, 0 },
	{ ACT_MODE, CTX_ANY, { 'm' }, "group the tree by country or by year", "by year", 120 },
	{ ACT_TOGGLE_TREE, CTX_ANY, { 't' }, "hide or show the tree", "tree", 130 },
	{ ACT_TREE_WIDER, CTX_ANY, { '+', '=' }, "widen the tree", NULL, 0 },
	{ ACT_TREE_NARROWER, CTX_ANY, { '-', '_' }, "narrow the tree", NULL, 0 },
	{ ACT_COLLECTION, CTX_ANY, { 'c' }, "next collection (report, commentary)", NULL, 0 },
	{ ACT_DOWN, CTX_ANY, { 'j', KEY_DOWN, CTRL('n'), CTRL('e') }, "down one line (row)", NULL, 0 },
	{ ACT_UP, CTX_ANY, { 'k', KEY_UP, CTRL('p'), CTRL('y') }, "up one line (row)", NULL, 0 },
	{ ACT_PAGE_DOWN, CTX_ANY, { KEY_NPAGE, ' ', CTRL('f') }, "down one page", NULL, 0 },
	{ ACT_PAGE_UP, CTX_ANY, { KEY_PPAGE, 'b', CTRL('b') }, "up one page", NULL, 0 },
	{ ACT_HALF_DOWN, CTX_ANY, { 'd', CTRL('d') }, "down half a page", NULL, 0 },
	{ ACT_HALF_UP, CTX_ANY, { 'u', CTRL('u') }, "up half a page", NULL, 0 },
	{ ACT_TOP, CTX_ANY, { 'g', KEY_HOME }, "to the top", NULL, 0 },
	{ ACT_BOTTOM, CTX_ANY, { 'G', KEY_END }, "to the bottom", NULL, 0 },
	{ ACT_CANCEL, CTX_ANY, { ESC }, "clear the search, filter or message", NULL, 0 },
	{ ACT_UNDO, CTX_ANY, { 'U' }, "undo the last delete of an annotation", NULL, 0 },
	{ ACT_REDRAW, CTX_ANY, { CTRL('l') }, "redraw the screen", NULL, 0 },
	/* The tree */
	{ ACT_HELP, CTX_TREE, { '?' }, "show this help", NULL, 0 },
	{ ACT_OPEN, CTX_TREE, { '\n', '\r', KEY_ENTER, 'l', KEY_RIGHT }, "open the document or section; expand",
	  "open", 15 },
	{ ACT_COLLAPSE, CTX_TREE, { 'h', KEY_LEFT }, "collapse, or go to the parent", NULL, 0 },
	{ ACT_TOGGLE, CTX_TREE, { ' ' }, "expand or collapse", NULL, 0 },
	{ ACT_FILTER, CTX_TREE, { '/', 'f' }, "filter countries as you type (Esc clears)", "filter", 30 },
	/* The text */
	{ ACT_SEARCH, CTX_READER, { '/' }, "search forward as you type", "search", 30 },
	{ ACT_SEARCH_BACK, CTX_READER, { '?' }, "search backward as you type", NULL, 0 },
	{ ACT_NEXT_MATCH, CTX_READER, { 'n' }, "next match", "match", 110 },
	{ ACT_PREV_MATCH, CTX_READER, { 'N' }, "previous match", NULL, 0 },
	{ ACT_PREV_SECTION, CTX_READER, { '[', '{' }, "previous section (or its start)", "section", 90 },
	{ ACT_NEXT_SECTION, CTX_READER, { ']', '}' }, "next section", NULL, 0 },
	{ ACT_FOCUS_TREE, CTX_READER, { 'h', KEY_LEFT }, "go to the tree", NULL, 0 },
	{ ACT_VISUAL, CTX_READER, { 'v' }, "select a passage from the match or the top line", "select", 70 },
	{ ACT_VISUAL_BLOCK, CTX_READER, { 'V' }, "select a whole paragraph or recommendation", NULL, 0 },
	{ ACT_NEXT_NOTE, CTX_READER, { 'a' }, "next annotation (its note shows below)", NULL, 0 },
	{ ACT_PREV_NOTE, CTX_READER, { 'A' }, "previous annotation", NULL, 0 },
	{ ACT_EDIT_NOTE, CTX_READER, { 'e' }, "edit the annotation's note", NULL, 0 },
	{ ACT_COLOR, CTX_READER, { '1', '2', '3', '4', '5', '6', '7' },
	  "recolour it: yellow green blue pink red purple orange", NULL, 0 },
	{ ACT_DELETE_NOTE, CTX_READER, { 'x' }, "delete the annotation", NULL, 0 },
	/* Selecting */
	{ ACT_SEL_WORD_NEXT, CTX_VISUAL, { 'w', 'l', KEY_RIGHT }, "extend by a word", "word", 1 },
	{ ACT_SEL_WORD_PREV, CTX_VISUAL, { 'b', 'h', KEY_LEFT }, "back by a word", NULL, 0 },
	{ ACT_SEL_SENTENCE_NEXT, CTX_VISUAL, { ')' }, "to the end of the sentence, or the next", "sentence", 2 },
	{ ACT_SEL_SENTENCE_PREV, CTX_VISUAL, { '(' }, "to the start of the sentence, or the one before", NULL,
	  0 },
	{ ACT_SEL_PARA_NEXT, CTX_VISUAL, { '}', ']' }, "to the end of the paragraph", "paragraph", 3 },
	{ ACT_SEL_PARA_PREV, CTX_VISUAL, { '{', '[' }, "to the start of the paragraph", NULL, 0 },
	{ ACT_DOWN, CTX_VISUAL, { 'j', KEY_DOWN }, "a line down (another paragraph starts again)", "line", 4 },
	{ ACT_UP, CTX_VISUAL, { 'k', KEY_UP }, "a line up", NULL, 0 },
	{ ACT_SWAP, CTX_VISUAL, { 'o' }, "move the other end", NULL, 0 },
	{ ACT_HIGHLIGHT, CTX_VISUAL, { '\n', '\r', KEY_ENTER }, "highlight it (in the last colour)", "highlight",
	  5 },
	{ ACT_COPY, CTX_VISUAL, { 'y' }, "copy it with its citation (edition, section, paragraph, page)", "copy",
	  6 },
	{ ACT_COLOR, CTX_VISUAL, { '1', '2', '3', '4', '5', '6', '7' }, "highlight it in that colour", "colour",
	  7 },
	{ ACT_NOTE, CTX_VISUAL, { 'a', 'n' }, "highlight it with a note (typed below)", "note", 8 },
	{ ACT_CLOSE, CTX_VISUAL, { ESC, 'v', 'q' }, "end the selection", "cancel", 9 },
	/* The list of annotations */
	{ ACT_DETAIL, CTX_NOTES, { '\n', '\r', KEY_ENTER }, "read the passage", "read it", 1 },
	{ ACT_FILTER, CTX_NOTES, { '/', 'f' }, "filter by words, note, country, section, year", "filter", 2 },
	{ ACT_SORT, CTX_NOTES, { 's' }, "sort by place, creation, last change or colour", "sort", 3 },
	{ ACT_EDIT_NOTE, CTX_NOTES, { 'e' }, "edit the note", "note", 4 },
	{ ACT_COLOR, CTX_NOTES, { '1', '2', '3', '4', '5', '6', '7' }, "recolour", "colour", 5 },
	{ ACT_DELETE_NOTE, CTX_NOTES, { 'x' }, "delete", "delete", 6 },
	{ ACT_UNDO, CTX_NOTES, { 'U' }, "bring back the last one deleted", "undo", 7 },
	{ ACT_CLOSE, CTX_NOTES, { 'q', ESC }, "back to reading", "back", 8 },
	/* Comparing */
	{ ACT_NEXT_CHANGE, CTX_COMPARE, { 'n', ']' }, "next change", "change", 1 },
	{ ACT_PREV_CHANGE, CTX_COMPARE, { 'N', '[' }, "previous change", NULL, 0 },
	{ ACT_SWAP, CTX_COMPARE, { 's' }, "swap the two sides", "swap", 2 },
	{ ACT_INLINE, CTX_COMPARE, { 'i' }, "one column or two", "columns", 3 },
	{ ACT_FOLD, CTX_COMPARE, { 'z' }, "fold or unfold unchanged stretches", "fold", 4 },
	{ ACT_CLOSE, CTX_COMPARE, { 'q', ESC }, "back to reading", "back", 6 },
	/* The recommendation tracker */
	{ ACT_DOWN, CTX_TRACKER, { 'j', KEY_DOWN }, "the next recommendation", "recommendation", 1 },
	{ ACT_UP, CTX_TRACKER, { 'k', KEY_UP }, "the previous one", NULL, 0 },
	{ ACT_LEFT, CTX_TRACKER, { 'h', KEY_LEFT }, "the year before", "year", 2 },
	{ ACT_RIGHT, CTX_TRACKER, { 'l', KEY_RIGHT }, "the year after", NULL, 0 },
	{ ACT_DETAIL, CTX_TRACKER, { '\n', '\r', KEY_ENTER }, "show the text, or the rewording's diff",
	  "text or diff", 3 },
	{ ACT_CLOSE, CTX_TRACKER, { 'q', ESC }, "back to reading", "back", 4 },
	/* Tiers */
	{ ACT_LEFT, CTX_TIERS, { 'h', KEY_LEFT }, "the edition before (the tile before, on the map)", "move", 1 },
	{ ACT_RIGHT, CTX_TIERS, { 'l', KEY_RIGHT }, "the edition after (the next tile)", NULL, 0 },
	{ ACT_DOWN, CTX_TIERS, { 'j', KEY_DOWN }, "the edition after (the tile below)", NULL, 0 },
	{ ACT_UP, CTX_TIERS, { 'k', KEY_UP }, "the edition before (the tile above)", NULL, 0 },
	{ ACT_DETAIL, CTX_TIERS, { '\n', '\r', KEY_ENTER }, "read that narrative", "read it", 2 },
	{ ACT_MAP, CTX_TIERS, { 'm' }, "the edition's map of tiers, or back to the country's tiers", "map", 3 },
	{ ACT_CLOSE, CTX_TIERS, { 'q', ESC }, "back to reading", "back", 4 },
	/* Search results */
	{ ACT_DOWN, CTX_RESULTS, { 'j', KEY_DOWN }, "the next match", "match", 1 },
	{ ACT_UP, CTX_RESULTS, { 'k', KEY_UP }, "the previous match", NULL, 0 },
	{ ACT_DETAIL, CTX_RESULTS, { '\n', '\r', KEY_ENTER }, "open the document at the match", "open it", 2 },
	{ ACT_SCOPE, CTX_RESULTS, { 'o', '\t', CTRL('t') }, "everything, this country, or this year", "scope",
	  3 },
	{ ACT_EDIT_QUERY, CTX_RESULTS, { '/', 'S' }, "change the query", "change the query", 4 },
	{ ACT_CLOSE, CTX_RESULTS, { 'q', ESC }, "back to reading", "back", 5 },
	/* The help */
	{ ACT_SEARCH, CTX_HELP, { '/' }, "find a key or a word in the help", "find", 1 },
	{ ACT_NEXT_MATCH, CTX_HELP, { 'n' }, "the next line that matches", "match", 2 },
	{ ACT_PREV_MATCH, CTX_HELP, { 'N' }, "the previous one", NULL, 0 },
	{ ACT_DOWN, CTX_HELP, { 'j', KEY_DOWN }, "scroll down", "scroll", 3 },
	{ ACT_UP, CTX_HELP, { 'k', KEY_UP }, "scroll up", NULL, 0 },
	{ ACT_CLOSE, CTX_HELP, { 'q', ESC, KEY_F(1) }, "close the help", "close", 4 },
};
const size_t key_bindings_count = ARRAY_SIZE(key_bindings);

/* Bindings shown as one hint, the first one's keys before the second's:
 * "n/N match", "[/] section". */
static const enum action hint_pairs[][2] = {
	{ ACT_NEXT_MATCH, ACT_PREV_MATCH }, { ACT_PREV_SECTION, ACT_NEXT_SECTION },
	{ ACT_PREV_YEAR, ACT_NEXT_YEAR },   { ACT_NEXT_CHANGE, ACT_PREV_CHANGE },
	{ ACT_DOWN, ACT_UP },		    { ACT_LEFT, ACT_RIGHT },
	{ ACT_SEL_WORD_NEXT, ACT_SEL_WORD_PREV }, { ACT_SEL_SENTENCE_NEXT, ACT_SEL_SENTENCE_PREV },
	{ ACT_SEL_PARA_NEXT, ACT_SEL_PARA_PREV }, { ACT_NEXT_NOTE, ACT_PREV_NOTE },
};

static const char *const context_titles[CTX__COUNT] = {
	[CTX_ANY] = "Everywhere",
	[CTX_TREE] = "In the tree",
	[CTX_READER] = "In the text",
	[CTX_VISUAL] = "Selecting a passage (after v or V)",
	[CTX_COMPARE] = "Comparing two editions",
	[CTX_TRACKER] = "In the recommendation tracker",
	[CTX_TIERS] = "In the tiers",
	[CTX_RESULTS] = "In the search results",
	[CTX_NOTES] = "In the list of annotations",
	[CTX_HELP] = "In this help",
};

const char *keys_context_title(enum key_context context)
{
	return context < CTX__COUNT ? context_titles[context] : "";
}

static bool binds(const struct key_binding *b, int key)
{
	for (size_t k = 0; k < ARRAY_SIZE(b->keys) && b->keys[k]; k++)
		if (b->keys[k] == key)
			return true;
	return false;
}

enum action keys_lookup(int key, enum key_context context)
{
	enum action any = ACT_NONE;

	for (size_t i = 0; i < key_bindings_count; i++) {
		const struct key_binding *b = &key_bindings[i];

		if (!binds(b, key))
			continue;
		if (b->context == context)
			return b->action;
		if (b->context == CTX_ANY && any == ACT_NONE)
			any = b->action;
	}
	return any;
}

const char *keys_name(int code, char buf[16])
{
	static const struct {
		int code;
		const char *name;
	} names[] = {
		{ '\n', "Enter" },	  { '\r', "Enter" },	  { KEY_ENTER, "Enter" }, { '\t', "Tab" },
		{ ESC, "Esc" },		  { ' ', "Space" },	  { 127, "BS" },	  { KEY_BACKSPACE, "BS" },
		{ KEY_DC, "Del" },	  { KEY_UP, "Up" },	  { KEY_DOWN, "Down" },   { KEY_LEFT, "Left" },
		{ KEY_RIGHT, "Right" }, { KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" },  { KEY_HOME, "Home" },
		{ KEY_END, "End" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].code == code)
			return names[i].name;
	if (code >= KEY_F(1) && code <= KEY_F(12))
		snprintf(buf, 16, "F%d", code - KEY_F(0));
	else if (code > 0 && code < 0x20)
		snprintf(buf, 16, "^%c", code + '@');
	else if (code > 0x20 && code < 0x7f)
		snprintf(buf, 16, "%c", code);
	else
		snprintf(buf, 16, "#%d", code);
	return buf;
}

void keys_binding_names(const struct key_binding *b, char *out, size_t n)
{
	size_t len = 0;
	const char *last = "";

	out[0] = '\0';
	for (size_t k = 0; k < ARRAY_SIZE(b->keys) && b->keys[k]; k++) {
		char buf[16];
		const char *name;
		size_t run = 1;

		/* A run of consecutive printable keys: "1-7". */
		while (k + run < ARRAY_SIZE(b->keys) && b->keys[k + run] == b->keys[k] + (int)run &&
		       b->keys[k] > 0x20 && b->keys[k + run] < 0x7f)
			run++;
		if (run >= 3) {
			snprintf(buf, sizeof(buf), "%c-%c", b->keys[k], b->keys[k] + (int)run - 1);
			name = buf;
			k += run - 1;
		} else {
			name = keys_name(b->keys[k], buf);
		}
		if (!strcmp(name, last)) /* \n and \r are both Enter */
			continue;
		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? " " : "", name);
		last = name == buf ? "" : name;
		if (len >= n)
			break;
	}
}

static const struct key_binding *binding_of(enum action act, enum key_context context)
{
	const struct key_binding *any = NULL;

	for (size_t i = 0; i < key_bindings_count; i++) {
		if (key_bindings[i].action != act)
			continue;
		if (key_bindings[i].context == context)
			return &key_bindings[i];
		if (key_bindings[i].context == CTX_ANY && !any)
			any = &key_bindings[i];
	}
	return any;
}

const char *keys_label(enum action act, enum key_context context)
{
	/* One name per binding, made once: messages keep the pointer. */
	static char names[ARRAY_SIZE(key_bindings)][16];
	const struct key_binding *b = binding_of(act, context);
	if (!b)
		return "?";
	return keys_name(b->keys[0], names[b - key_bindings]);
}

const char *keys_names(enum action act, enum key_context context)
{
	static char names[ARRAY_SIZE(key_bindings)][48];
	const struct key_binding *b = binding_of(act, context);

	if (!b)
		return "?";
	keys_binding_names(b, names[b - key_bindings], sizeof(names[0]));
	return names[b - key_bindings];
}

/* Whether an everywhere-binding is hidden in context by one of its own. */
static bool shadowed(const struct key_binding *b, enum key_context context)
{
	for (size_t i = 0; i < key_bindings_count; i++) {
		if (key_bindings[i].context != context)
			continue;
		if (key_bindings[i].action == b->action)
			return true;
		for (size_t k = 0; k < ARRAY_SIZE(b->keys) && b->keys[k]; k++)
			if (binds(&key_bindings[i], b->keys[k]))
				return true;
	}
	return false;
}

static int cmp_rank(const void *a, const void *b)
{
	const struct key_binding *x = *(const struct key_binding *const *)a;
	const struct key_binding *y = *(const struct key_binding *const *)b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

size_t keys_hints(enum key_context context, char (*out)[64], size_t max)
{
	const struct key_binding *v[ARRAY_SIZE(key_bindings)];
	/* The help and a selection have keys of their own only: the others
	 * close the help, or are not what a selection is for. */
	bool with_any = context != CTX_HELP && context != CTX_VISUAL;
	size_t n = 0, count = 0;

	for (size_t i = 0; i < key_bindings_count; i++) {
		const struct key_binding *b = &key_bindings[i];

		if (b->hint && (b->context == context || (with_any && b->context == CTX_ANY && !shadowed(b, context))))
			v[n++] = b;
	}
	qsort(v, n, sizeof(*v), cmp_rank);
	for (size_t i = 0; i < n && count < max; i++) {
		char a[16], b[16];
		const char *second = NULL;

		for (size_t p = 0; p < ARRAY_SIZE(hint_pairs); p++)
			if (hint_pairs[p][0] == v[i]->action) {
				const struct key_binding *pb = binding_of(hint_pairs[p][1], context);

				second = pb ? keys_name(pb->keys[0], b) : NULL;
			}
		/* The first key, or the range the keys make ("1-7"). */
		keys_binding_names(v[i], a, sizeof(a));
		a[strcspn(a, " ")] = '\0';
		snprintf(out[count++], 64, "%s%s%s %s", a, second ? "/" : "", second ? second : "", v[i]->hint);
	}
	return count;
}
