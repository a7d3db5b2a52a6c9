/* visual_view.c — selecting a passage in the reading pane: the selection
 * grows by word, sentence and paragraph, and becomes a highlight, with or
 * without a note.  It draws as the reading pane does (with the selection);
 * keys it does not know scroll the text as usual. */
#include "config.h"

#include "ui/ui.h"

/* Keeps the moving end of the selection on screen. */
static void follow(struct app *app)
{
	reading_show_line(&app->reading, selection_cursor_line(&app->sel, &app->reading));
}

static bool visual_action(struct app *app, enum action act)
{
	static const struct {
		enum action act;
		enum selection_unit unit;
		int dir;
	} moves[] = {
		{ ACT_SEL_WORD_NEXT, SEL_WORD, 1 },	     { ACT_SEL_WORD_PREV, SEL_WORD, -1 },
		{ ACT_SEL_SENTENCE_NEXT, SEL_SENTENCE, 1 }, { ACT_SEL_SENTENCE_PREV, SEL_SENTENCE, -1 },
		{ ACT_SEL_PARA_NEXT, SEL_PARAGRAPH, 1 },    { ACT_SEL_PARA_PREV, SEL_PARAGRAPH, -1 },
	};
	struct selection *sel = &app->sel;
	enum ann_color color;

	for (size_t i = 0; i < ARRAY_SIZE(moves); i++)
		if (moves[i].act == act) {
			if (!selection_move(sel, &app->reading, moves[i].unit, moves[i].dir) &&
			    moves[i].unit == SEL_PARAGRAPH)
				app_message(app, false, "A highlight stays within one paragraph or recommendation");
			follow(app);
			return true;
		}
	switch (act) {
	case ACT_DOWN:
	case ACT_UP:
		selection_line(sel, &app->reading, act == ACT_DOWN ? 1 : -1);
		follow(app);
		return true;
	case ACT_SWAP:
		selection_swap(sel);
		follow(app);
		return true;
	case ACT_HIGHLIGHT:
		notes_highlight(app, app->note_color, NULL);
		return true;
	case ACT_COLOR:
		if (notes_key_color(app->key, &color))
			notes_highlight(app, color, NULL);
		return true;
	case ACT_NOTE:
		notes_prompt(app, NULL);
		return true;
	case ACT_CLOSE:
		selection_clear(sel);
		return true;
	default:
		return reader_view.action(app, act);
	}
}

static void visual_draw(struct app *app, int y, int x, int h, int w)
{
	reader_view.draw(app, y, x, h, w);
}

const struct view_ops visual_view = { "visual", visual_draw, visual_action };
