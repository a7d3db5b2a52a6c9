/* settings.h — the user's settings, $XDG_CONFIG_HOME/tipr/config.yaml:
 *
 *   theme: light        # a bundled theme's name, or a theme file's path
 *
 * A missing or empty file is no settings.  Model code, no curses. */
#ifndef TIPR_SETTINGS_H
#define TIPR_SETTINGS_H

#include <stdbool.h>

#include "base/diag.h"

struct settings {
	char *theme;  /* NULL: not set */
};

/* Reads the settings at path into s (emptied first); false, with every
 * problem in d as FILE:LINE:COL, when the file is there but unusable. */
bool settings_load(struct settings *s, const char *path, struct diags *d);
void settings_free(struct settings *s);
/* $XDG_CONFIG_HOME/tipr/config.yaml; the caller frees it. */
char *settings_path(void);

#endif
