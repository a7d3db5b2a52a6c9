/* terminal.h — curses for the reader: the terminal taken (or, for a
 * script, a screen drawn nowhere), the loop of keys, and the terminal
 * given back however the reader ends (q, a signal, a fatal error). */
#ifndef TIPR_UI_TERMINAL_H
#define TIPR_UI_TERMINAL_H

#include <stdbool.h>
#include <stdio.h>

#include <curses.h>

#include "ui/app.h"

struct terminal {
	SCREEN *screen;
	FILE *out, *in;   /* /dev/null, for a script */
	bool real;        /* a terminal, not a script */
};

/* Takes the terminal (script: a sw x sh screen drawn nowhere) and sets the
 * screen's colours from app->theme; false after saying why it cannot. */
bool terminal_start(struct terminal *t, struct app *app, bool script, int sw, int sh);
/* Reads and dispatches keys, drawing after each, until q or a signal;
 * saves the reading place as it goes. */
void terminal_run(struct app *app);
/* Gives the terminal back. */
void terminal_stop(struct terminal *t);

#endif
