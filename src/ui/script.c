/* script.c — script mode (see script.h). */
#include "config.h"

#include "ui/script.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "base/utf8.h"
#include "ui/dispatch.h"
#include "ui/frame.h"

static const struct {
	const char *name;
	bool fkey;
	int code;
} key_names[] = {
	{ "Enter", false, '\n' }, { "Esc", false, 27 }, { "Tab", false, '\t' }, { "Space", false, ' ' },
	{ "BS", true, KEY_BACKSPACE }, { "Up", true, KEY_UP }, { "Down", true, KEY_DOWN },
	{ "Left", true, KEY_LEFT }, { "Right", true, KEY_RIGHT }, { "PgUp", true, KEY_PPAGE },
	{ "PgDn", true, KEY_NPAGE }, { "Home", true, KEY_HOME }, { "End", true, KEY_END },
	{ "F1", true, KEY_F(1) }, { "lt", false, '<' }, { "Del", true, KEY_DC },
};

/* The keys of a script line: characters, and names in angle brackets. */
static size_t parse_keys(const char *s, struct input *out, size_t max)
{
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len && n < max;) {
		int32_t cp;
		size_t k;

		if (s[i] == '<' && strchr(s + i, '>')) {
			size_t m = (size_t)(strchr(s + i, '>') - (s + i)) - 1;
			size_t j;

			for (j = 0; j < ARRAY_SIZE(key_names); j++)
				if (strlen(key_names[j].name) == m && !strncmp(s + i + 1, key_names[j].name, m))
					break;
			if (j < ARRAY_SIZE(key_names)) {
				out[n++] = (struct input){ key_names[j].fkey, key_names[j].code };
				i += m + 2;
				continue;
			}
			if (m == 3 && s[i + 1] == 'C' && s[i + 2] == '-') {
				out[n++] = (struct input){ false, s[i + 3] & 0x1f };
				i += m + 2;
				continue;
			}
		}
		k = utf8_next(s + i, len - i, &cp);
		out[n++] = (struct input){ false, cp < 0 ? '?' : cp };
		i += k ? k : 1;
	}
	return n;
}

static void dump_screen(FILE *out)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		struct strbuf line = {0};

		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = { 0 };
			attr_t attrs;
			short pair;

			if (mvwin_wch(stdscr, y, x, &cc) == ERR || getcchar(&cc, wc, &attrs, &pair, NULL) == ERR)
				continue;
			for (size_t k = 0; k < CCHARW_MAX && wc[k]; k++) {
				char buf[4];

				sb_add(&line, buf, utf8_encode((int32_t)wc[k], buf));
			}
			if (wc[0] && wcwidth(wc[0]) == 2)
				x++;
		}
		while (line.len && line.buf[line.len - 1] == ' ')
			line.len--;
		fprintf(out, "%.*s\n", (int)line.len, line.len ? line.buf : "");
		sb_free(&line);
	}
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* The next word of *p, ended in place; NULL when there is none. */
static char *next_word(char **p)
{
	char *w = *p + strspn(*p, " \t"), *end;

	if (!*w)
		return NULL;
	end = w + strcspn(w, " \t");
	*p = *end ? end + 1 : end;
	*end = '\0';
	return w;
}

/* A whole number in [min, max] (num_parse: no sign tricks, no overflow). */
static bool number(const char *s, long long min, long long max, int *out)
{
	long long v;

	if (!s || num_parse(s, min, max, &v) != NUM_OK)
		return false;
	*out = (int)v;
	return true;
}

/* ":mouse click|press|release|wheel-up|wheel-down X Y" (0-based cells) as
 * if from the terminal; false when the line is not one. */
static bool script_mouse(struct app *app, char *args)
{
	static const struct {
		const char *name;
		mmask_t bstate;
	} events[] = {
		{ "click", BUTTON1_CLICKED }, { "press", BUTTON1_PRESSED }, { "release", BUTTON1_RELEASED },
		{ "wheel-up", BUTTON4_PRESSED }, { "wheel-down", BUTTON5_PRESSED },
	};
	const char *what = next_word(&args);
	int x, y;

	if (!what || !number(next_word(&args), -100000, 100000, &x) || !number(next_word(&args), -100000, 100000, &y) ||
	    next_word(&args))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(events); i++)
		if (!strcmp(what, events[i].name)) {
			dispatch_mouse(app, y, x, events[i].bstate);
			frame_draw(app);
			return true;
		}
	return false;
}

/* ":resize WxH", each 1 to 1000. */
static bool script_resize(struct app *app, char *args)
{
	char *size = next_word(&args), *x = size ? strchr(size, 'x') : NULL;
	int w, h;

	if (!x || next_word(&args))
		return false;
	*x = '\0';
	if (!number(size, 1, 1000, &w) || !number(x + 1, 1, 1000, &h))
		return false;
	resizeterm(h, w);
	dispatch_key(app, (struct input){ true, KEY_RESIZE });
	frame_draw(app);
	return true;
}

/* Each key dispatched and drawn, as in a terminal; what a key starts is
 * let run to its end first, so the screens are the same every time. */
static void press(struct app *app, const struct input *keys, size_t n)
{
	for (size_t k = 0; k < n && !app->quit; k++) {
		dispatch_key(app, keys[k]);
		while (app_tick(app))
			;
		frame_draw(app);
	}
}

/* ":bench N KEYS": N rounds of the keys, each dispatched and drawn, timed. */
static bool script_bench(struct app *app, char *args)
{
	struct input keys[1024];
	int rounds;
	size_t n;
	double t0, t;

	if (!number(next_word(&args), 1, 1000000, &rounds))
		return false;
	n = parse_keys(args, keys, ARRAY_SIZE(keys));
	t0 = now_us();
	for (int r = 0; r < rounds; r++)
		press(app, keys, n);
	t = now_us() - t0;
	printf("bench: %zu keys in %.1f ms: %.2f us per key (dispatch, draw, update)\n", (size_t)rounds * n, t / 1e3,
	       t / ((double)rounds * (double)(n ? n : 1)));
	return true;
}

/* ":dump [FILE]": the screen as text, to FILE or standard output. */
static bool script_dump(char *args)
{
	const char *file = next_word(&args);
	FILE *out = file ? fopen(file, "w") : stdout;

	if (!out)
		return false;
	dump_screen(out);
	return out == stdout || fclose(out) == 0;
}

int script_run(struct app *app, FILE *f, const char *path)
{
	static const struct {
		const char *name;
		bool (*run)(struct app *app, char *args);
	} commands[] = { { ":mouse", script_mouse }, { ":resize", script_resize }, { ":bench", script_bench } };
	char line[4096];
	struct input keys[1024];
	unsigned lineno = 0;

	frame_draw(app);
	while (!app->quit && fgets(line, sizeof(line), f)) {
		char *rest = line, *word;
		bool done = false, ok = true;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		/* A command, or keys (a line of keys may begin with ':'). */
		if (line[0] == ':' && (word = next_word(&rest))) {
			if (!strcmp(word, ":dump")) {
				done = true;
				ok = script_dump(rest);
			}
			for (size_t i = 0; i < ARRAY_SIZE(commands) && !done; i++)
				if (!strcmp(word, commands[i].name)) {
					done = true;
					ok = commands[i].run(app, rest);
				}
			if (!done) /* keys after all: put the word back */
				word[strlen(word)] = rest > word + strlen(word) ? ' ' : '\0';
		}
		if (!ok) {
			cli_error("%s:%u: bad script line '%s'", path, lineno, line);
			return EXIT_USAGE;
		}
		if (!done)
			press(app, keys, parse_keys(line, keys, ARRAY_SIZE(keys)));
		app_save_place(app);
	}
	return EXIT_OK;
}
