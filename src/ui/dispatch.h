/* dispatch.h — keys and mouse events to actions, and actions to the view
 * that has the focus, then to the application, then to the view the action
 * opens. */
#ifndef TIPR_UI_DISPATCH_H
#define TIPR_UI_DISPATCH_H

#include <stdbool.h>

#include <curses.h>

#include "ui/app.h"

/* A key: a curses function key (KEY_*) or a character. */
struct input {
	bool fkey;
	int code;
};

void dispatch_key(struct app *app, struct input in);
/* A mouse event at screen cell (y, x). */
void dispatch_mouse(struct app *app, int y, int x, mmask_t bstate);

#endif
