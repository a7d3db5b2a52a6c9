/* keys.c — the key table. */
#include "config.h"

#include "ui/keys.h"

#include <curses.h>

#include "base/util.h"

#define CTRL(c) ((c) & 0x1f)

const struct key_binding key_bindings[] = {
	{ ACT_HELP, CTX_ANY, { KEY_F(1), 'H' }, "F1 H", "show this help (? in the tree)" },
	{ ACT_HELP, CTX_TREE, { '?' }, "?", "show this help" },
	{ ACT_QUIT, CTX_ANY, { 'q', 'Q' }, "q", "quit (tipr reopens where you were)" },
	{ ACT_SWITCH_PANE, CTX_ANY, { '\t' }, "Tab", "move between the tree and the text" },
	{ ACT_TOGGLE_TREE, CTX_ANY, { 't' }, "t", "hide or show the tree" },
	{ ACT_TREE_WIDER, CTX_ANY, { '+', '=' }, "+", "widen the tree" },
	{ ACT_TREE_NARROWER, CTX_ANY, { '-', '_' }, "-", "narrow the tree" },
	{ ACT_MODE, CTX_ANY, { 'm' }, "m", "group the tree by country or by year" },
	{ ACT_COLLECTION, CTX_ANY, { 'c' }, "c", "next collection (report, commentary)" },
	{ ACT_NEXT_YEAR, CTX_ANY, { '>', '.' }, "> .", "next edition of this country, same section" },
	{ ACT_PREV_YEAR, CTX_ANY, { '<', ',' }, "< ,", "previous edition, same section" },
	{ ACT_DOWN, CTX_ANY, { 'j', KEY_DOWN, CTRL('n'), CTRL('e') }, "j Down", "down one line (row)" },
	{ ACT_UP, CTX_ANY, { 'k', KEY_UP, CTRL('p'), CTRL('y') }, "k Up", "up one line (row)" },
	{ ACT_PAGE_DOWN, CTX_ANY, { KEY_NPAGE, ' ', CTRL('f') }, "PgDn Space ^F", "down one page" },
	{ ACT_PAGE_UP, CTX_ANY, { KEY_PPAGE, 'b', CTRL('b') }, "PgUp b ^B", "up one page" },
	{ ACT_HALF_DOWN, CTX_ANY, { 'd', CTRL('d') }, "d ^D", "down half a page" },
	{ ACT_HALF_UP, CTX_ANY, { 'u', CTRL('u') }, "u ^U", "up half a page" },
	{ ACT_TOP, CTX_ANY, { 'g', KEY_HOME }, "g Home", "to the top" },
	{ ACT_BOTTOM, CTX_ANY, { 'G', KEY_END }, "G End", "to the bottom" },
	{ ACT_CANCEL, CTX_ANY, { 27 }, "Esc", "clear the search, filter or message" },
	{ ACT_SEARCH_ALL, CTX_ANY, { 'S' }, "S", "search every narrative, results as you type" },
	{ ACT_REDRAW, CTX_ANY, { CTRL('l') }, "^L", "redraw the screen" },
	{ ACT_OPEN, CTX_TREE, { '\n', '\r', KEY_ENTER, 'l', KEY_RIGHT }, "Enter l Right",
	  "open the document or section; expand" },
	{ ACT_COLLAPSE, CTX_TREE, { 'h', KEY_LEFT }, "h Left", "collapse, or go to the parent" },
	{ ACT_TOGGLE, CTX_TREE, { ' ' }, "Space", "expand or collapse" },
	{ ACT_FILTER, CTX_TREE, { '/', 'f' }, "/ f", "filter countries as you type (Esc clears)" },
	{ ACT_NEXT_SECTION, CTX_READER, { ']', '}' }, "] }", "next section" },
	{ ACT_PREV_SECTION, CTX_READER, { '[', '{' }, "[ {", "previous section (or its start)" },
	{ ACT_SEARCH, CTX_READER, { '/' }, "/", "search forward as you type" },
	{ ACT_SEARCH_BACK, CTX_READER, { '?' }, "?", "search backward as you type" },
	{ ACT_NEXT_MATCH, CTX_READER, { 'n' }, "n", "next match" },
	{ ACT_PREV_MATCH, CTX_READER, { 'N' }, "N", "previous match" },
	{ ACT_FOCUS_TREE, CTX_READER, { 'h', KEY_LEFT }, "h Left", "go to the tree" },
	{ ACT_COMPARE, CTX_READER, { 'D', '=' }, "D =", "compare with another edition (asks which)" },
	{ ACT_TRACKER, CTX_READER, { 'R' }, "R", "the country's recommendations across editions" },
	{ ACT_VISUAL, CTX_READER, { 'v' }, "v", "select a passage from the match or the top line" },
	{ ACT_VISUAL_BLOCK, CTX_READER, { 'V' }, "V", "select a whole paragraph or recommendation" },
	{ ACT_NEXT_NOTE, CTX_READER, { 'a' }, "a", "next annotation (its note shows below)" },
	{ ACT_PREV_NOTE, CTX_READER, { 'A' }, "A", "previous annotation" },
	{ ACT_EDIT_NOTE, CTX_READER, { 'e' }, "e", "edit the annotation's note" },
	{ ACT_COLOR, CTX_READER, { '1', '2', '3', '4', '5', '6', '7' }, "1-7",
	  "recolour it: yellow green blue pink red purple orange" },
	{ ACT_DELETE_NOTE, CTX_READER, { 'x' }, "x", "delete the annotation" },
	{ ACT_UNDO, CTX_ANY, { 'U' }, "U", "undo the last delete of an annotation" },
	{ ACT_NOTES, CTX_ANY, { 'L' }, "L", "list every annotation" },
	{ ACT_SEL_WORD_NEXT, CTX_VISUAL, { 'w', 'l', KEY_RIGHT }, "w l Right", "extend by a word" },
	{ ACT_SEL_WORD_PREV, CTX_VISUAL, { 'b', 'h', KEY_LEFT }, "b h Left", "back by a word" },
	{ ACT_SEL_SENTENCE_NEXT, CTX_VISUAL, { ')' }, ")", "to the end of the sentence, or the next" },
	{ ACT_SEL_SENTENCE_PREV, CTX_VISUAL, { '(' }, "(", "to the start of the sentence, or the one before" },
	{ ACT_SEL_PARA_NEXT, CTX_VISUAL, { '}', ']' }, "} ]", "to the end of the paragraph" },
	{ ACT_SEL_PARA_PREV, CTX_VISUAL, { '{', '[' }, "{ [", "to the start of the paragraph" },
	{ ACT_DOWN, CTX_VISUAL, { 'j', KEY_DOWN }, "j Down", "a line down (another paragraph starts again)" },
	{ ACT_UP, CTX_VISUAL, { 'k', KEY_UP }, "k Up", "a line up" },
	{ ACT_SWAP, CTX_VISUAL, { 'o' }, "o", "move the other end" },
	{ ACT_HIGHLIGHT, CTX_VISUAL, { '\n', '\r', KEY_ENTER, 'y' }, "Enter y", "highlight it (in the last colour)" },
	{ ACT_COLOR, CTX_VISUAL, { '1', '2', '3', '4', '5', '6', '7' }, "1-7", "highlight it in that colour" },
	{ ACT_NOTE, CTX_VISUAL, { 'a', 'n' }, "a n", "highlight it with a note (typed below)" },
	{ ACT_CLOSE, CTX_VISUAL, { 27, 'v', 'q' }, "Esc v q", "end the selection" },
	{ ACT_DETAIL, CTX_NOTES, { '\n', '\r', KEY_ENTER }, "Enter", "read the passage" },
	{ ACT_FILTER, CTX_NOTES, { '/', 'f' }, "/ f", "filter by words, note, country, section, year" },
	{ ACT_SORT, CTX_NOTES, { 's' }, "s", "sort by place, creation, last change or colour" },
	{ ACT_EDIT_NOTE, CTX_NOTES, { 'e' }, "e", "edit the note" },
	{ ACT_COLOR, CTX_NOTES, { '1', '2', '3', '4', '5', '6', '7' }, "1-7", "recolour" },
	{ ACT_DELETE_NOTE, CTX_NOTES, { 'x' }, "x", "delete (U undoes)" },
	{ ACT_CLOSE, CTX_NOTES, { 'q', 27 }, "q Esc", "back to reading" },
	{ ACT_NEXT_CHANGE, CTX_COMPARE, { 'n', ']' }, "n ]", "next change" },
	{ ACT_PREV_CHANGE, CTX_COMPARE, { 'N', '[' }, "N [", "previous change" },
	{ ACT_SWAP, CTX_COMPARE, { 's' }, "s", "swap the two sides" },
	{ ACT_INLINE, CTX_COMPARE, { 'i' }, "i", "one column or two (one when narrow)" },
	{ ACT_FOLD, CTX_COMPARE, { 'z' }, "z", "fold or unfold unchanged stretches" },
	{ ACT_CLOSE, CTX_COMPARE, { 'q', 27 }, "q Esc", "back to reading" },
	{ ACT_LEFT, CTX_TRACKER, { 'h', KEY_LEFT }, "h Left", "the year before" },
	{ ACT_RIGHT, CTX_TRACKER, { 'l', KEY_RIGHT }, "l Right", "the year after" },
	{ ACT_DETAIL, CTX_TRACKER, { '\n', '\r', KEY_ENTER }, "Enter", "show the text, or the rewording's diff" },
	{ ACT_CLOSE, CTX_TRACKER, { 'q', 27 }, "q Esc", "back to reading" },
	{ ACT_DETAIL, CTX_RESULTS, { '\n', '\r', KEY_ENTER }, "Enter", "open the document at the match" },
	{ ACT_SCOPE, CTX_RESULTS, { 'o', '\t' }, "o", "everything, this country, or this year (^T as you type)" },
	{ ACT_EDIT_QUERY, CTX_RESULTS, { '/', 'S' }, "/ S", "change the query" },
	{ ACT_CLOSE, CTX_RESULTS, { 'q', 27 }, "q Esc", "back to reading" },
};
const size_t key_bindings_count = ARRAY_SIZE(key_bindings);

enum action keys_lookup(int key, enum key_context context)
{
	enum action any = ACT_NONE;

	for (size_t i = 0; i < key_bindings_count; i++) {
		const struct key_binding *b = &key_bindings[i];

		for (size_t k = 0; k < ARRAY_SIZE(b->keys) && b->keys[k]; k++) {
			if (b->keys[k] != key)
				continue;
			if (b->context == context)
				return b->action;
			if (b->context == CTX_ANY && any == ACT_NONE)
				any = b->action;
		}
	}
	return any;
}
