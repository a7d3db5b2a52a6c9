/* terminal.c — taking and giving back the terminal (see terminal.h). */
#include "config.h"

#include "ui/terminal.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "base/cleanup.h"
#include "ui/dispatch.h"
#include "ui/frame.h"

/* die() (out of memory) gives the terminal back through this. */
static void restore_terminal(void)
{
	endwin();
}

/* What the signal handler (cleanup.h) writes to leave the reader's screen:
 * the terminal's own sequences for resetting attributes, showing the
 * cursor and leaving the alternate screen. */
static void register_terminal(const struct termios *modes)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmcup" };
	struct strbuf reset = {0};

	for (size_t i = 0; i < ARRAY_SIZE(caps); i++) {
		const char *seq = tigetstr(caps[i]);

		if (seq && seq != (char *)-1)
			sb_adds(&reset, seq);
	}
	sb_adds(&reset, "\r\n");
	cleanup_set_terminal(STDOUT_FILENO, modes, reset.buf, reset.len);
	sb_free(&reset);
	die_set_cleanup(restore_terminal);
}

static bool open_screen(struct terminal *t, bool script)
{
	const char *term = getenv("TERM"), *cup;

	if (script) {
		/* Drawing goes nowhere; the frame is read back from stdscr. */
		t->out = fopen("/dev/null", "w");
		t->in = fopen("/dev/null", "r");
		t->screen = t->out && t->in ? newterm("xterm-256color", t->out, t->in) : NULL;
	} else {
		t->screen = newterm(NULL, stdout, stdin);
	}
	if (!t->screen) {
		cli_error("cannot use the terminal '%s' for the reader; try 'tipr show' to print a narrative",
			  term && *term ? term : "(TERM is not set)");
		return false;
	}
	/* A terminal that cannot place the cursor (TERM=dumb) cannot show panes. */
	cup = tigetstr("cup");
	if (!script && (!cup || cup == (char *)-1)) {
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
		cli_error("the terminal '%s' cannot place the cursor, which the reader needs; "
			  "set TERM (e.g. xterm), or use 'tipr show' to print a narrative",
			  term && *term ? term : "(unset)");
		return false;
	}
	return true;
}

bool terminal_start(struct terminal *t, struct app *app, bool script, int sw, int sh)
{
	struct termios modes;
	bool have_modes = !script && tcgetattr(STDOUT_FILENO, &modes) == 0;

	memset(t, 0, sizeof(*t));
	t->real = !script;
	if (!open_screen(t, script)) {
		terminal_stop(t);
		return false;
	}
	if (t->real) {
		if (have_modes)
			register_terminal(&modes);
		cleanup_defer(true);
	} else {
		resizeterm(sh, sw);
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	app->scr.ascii_only = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
	draw_init(&app->scr, &app->theme, app->scr.color);
	getmaxyx(stdscr, app->scr.rows, app->scr.cols);
	app_layout(app);
	return true;
}

void terminal_run(struct app *app)
{
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	/* A signal (cleanup.h) is recorded and ends the loop, which saves the
	 * place as q would. */
	while (!app->quit && !cleanup_pending()) {
		wint_t ch;
		int r, wait;

		frame_draw(app);
		r = get_wch(&ch);
		if (r != ERR)
			dispatch_key(app, (struct input){ r == KEY_CODE_YES, (int)ch });
		/* Long work goes on between keys (a key that comes first is read
		 * first); a pending save is written when due, even with no key. */
		wait = app_save_place(app);
		timeout(app_tick(app) ? 0 : wait);
	}
}

void terminal_stop(struct terminal *t)
{
	if (t->screen) {
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
	}
	if (t->real) {
		die_set_cleanup(NULL);
		cleanup_set_terminal(-1, NULL, NULL, 0);
	}
	if (t->out)
		fclose(t->out);
	if (t->in)
		fclose(t->in);
	t->out = t->in = NULL;
}
