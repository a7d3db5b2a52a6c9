/* clipboard.h — a copied passage given to the user: to the terminal's
 * clipboard (OSC 52) where the terminal takes it, and always to a file in
 * the state directory, whose name the message gives. */
#ifndef TIPR_UI_CLIPBOARD_H
#define TIPR_UI_CLIPBOARD_H

#include <stdbool.h>

#include "ui/app.h"

/* Copies text, and says where it went on the message line (what names
 * what was copied, "Copied the passage with its citation"). */
void clipboard_copy(struct app *app, const char *text, const char *what);

#endif
