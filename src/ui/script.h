/* script.h — the reader driven without a terminal: keys from a file, the
 * screen written out as text (tests, outside checks, benchmarks). */
#ifndef TIPR_UI_SCRIPT_H
#define TIPR_UI_SCRIPT_H

#include <stdio.h>

#include "ui/app.h"

/* Runs the script f (named path, for messages): lines of keys (characters
 * and names such as <Enter> <C-x>), or ":dump [FILE]", ":resize WxH",
 * ":mouse EVENT X Y", ":bench N KEYS".  Returns the exit status. */
int script_run(struct app *app, FILE *f, const char *path);

#endif
