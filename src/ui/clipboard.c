/* clipboard.c — copying to the terminal and to a file (see clipboard.h). */
#include "config.h"

#include "ui/clipboard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/paths.h"

/* What OSC 52 may carry: terminals cap it (xterm at about 100 KB). */
enum { OSC52_MAX = 74994 };

/* Terminals known to take OSC 52 (tmux passes it on, or keeps it as a
 * buffer with set-clipboard on); others may print it, so they get none. */
static bool takes_osc52(void)
{
	static const char *const terms[] = { "xterm", "tmux", "screen", "alacritty", "kitty", "foot", "wezterm",
					     "st-", "rxvt", "contour", "ghostty" };
	const char *term = getenv("TERM");

	if (!term || !isatty(STDOUT_FILENO))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(terms); i++)
		if (!strncmp(term, terms[i], strlen(terms[i])))
			return true;
	return false;
}

static bool write_text(FILE *f, void *arg)
{
	fputs(arg, f);
	return !ferror(f);
}

void clipboard_copy(struct app *app, const char *text, const char *what)
{
	char *dir = paths_state_home(), *path = path_join(dir, "copied.txt");
	size_t len = strlen(text);
	bool saved = paths_write_atomic(path, PATHS_PRIVATE, write_text, (void *)text);
	bool sent = false;

	if (takes_osc52() && len <= OSC52_MAX) {
		char *b64 = base64_encode(text, len);

		/* Beside curses' output: the sequence moves no cursor. */
		sent = printf("\x1b]52;c;%s\x07", b64) > 0 && fflush(stdout) == 0;
		free(b64);
	}
	if (sent && saved)
		app_message(app, false, "%s (to the terminal's clipboard; also in %s)", what, path);
	else if (saved)
		app_message(app, false, "%s to %s", what, path);
	else if (sent)
		app_message(app, false, "%s (to the terminal's clipboard; %s could not be written: %s)", what, path,
			    file_error(errno ? errno : EIO));
	else
		app_message(app, true, "Could not copy: %s: %s", path, file_error(errno ? errno : EIO));
	free(path);
	free(dir);
}
