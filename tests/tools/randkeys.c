/* randkeys.c — writes a random session for the reader's script mode:
 *
 *   randkeys SEED [STEPS]
 *
 * The same seed writes the same session on every machine (its own PRNG).
 * The first lines are "# size WxH" and "# args ..." (where the reader
 * starts); then keys the reader binds, keys it does not, text typed into
 * prompts (words, wide and combining characters, controls, bidi
 * overrides, invalid UTF-8), resizes from 1x1 to 250x80 and mouse events
 * anywhere, some of them off the screen.  tests/e2e/randkeys.sh runs them. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static uint64_t next(void)
{
	/* xorshift64* */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1DULL;
}

static unsigned below(unsigned n)
{
	return (unsigned)(next() % n);
}

#define PICK(a) (a[below(sizeof(a) / sizeof(a[0]))])

/* Where a session starts: the command line after the options. */
static const char *const starts[] = {
	"",
	"dprk",
	"dprk 2022",
	"dprk 2021 prosecution",
	"dprk 2023",
	"kenya 2022",
	"korea-south 2022 recommendations",
	"--content tests/data/ui-corpus curacao",
	"--content tests/data/ui-corpus cote-divoire 2023",
};

/* Keys that open something, so every view and prompt is reached often. */
static const char *const openers[] = {
	"S", "/", "?", "D", "D<Enter>", "D2021<Enter>", "D2023<Enter>", "R", "L", "<F1>", "v", "V",
	"va", "<Tab>", "h", "f", "<Enter>", "H", "<lt>", ">", "m", "c", "t", "T",
};

/* Keys the reader binds somewhere, and some it does not. */
static const char *const keys[] = {
	"j", "k", "<Down>", "<Up>", "<PgDn>", "<PgUp>", " ", "b", "d", "u", "g", "G", "<Home>", "<End>",
	"<C-d>", "<C-u>", "<C-f>", "<C-b>", "<C-n>", "<C-p>", "<C-e>", "<C-y>", "<C-l>", "<C-t>",
	"<C-w>", "<C-k>", "<C-a>", "<C-c>", "<C-z>", "<Enter>", "<Esc>", "<Tab>", "<BS>", "<Del>",
	"<Left>", "<Right>", "l", "h", "]", "[", "}", "{", "(", ")", "n", "N", "w", "o", "s", "i", "z",
	"x", "U", "e", "a", "A", "y", "1", "2", "3", "4", "5", "6", "7", "8", "0", "+", "-", "=", "_",
	".", ",", "<lt>", ">", "m", "c", "t", "f", "/", "?", "S", "D", "R", "L", "v", "V", "H", "T",
	"Y", "Z", "#", "!", "~", "\\", "|", ";", ":", "\"", "'", "@", "$", "%", "^", "&", "*",
};

/* Text typed into a prompt. */
static const char *const words[] = {
	"forced", "prison camps", "2021", "2022", "1999", "labor", "\"fair trials\"", "korea", "ke",
	"caf\xc3\xa9", "co\xcc\x82te", "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80", "a\xe2\x80\xae" "b",
	"\x01\x02", "\xff\xfe", "zzzz", "OR", "-word", "pre*", " ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	"\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a", "e\xcc\x81\xcc\x81\xcc\x81",
};

static const char *const mouse_events[] = { "click", "press", "release", "wheel-up", "wheel-down" };

static void resize(void)
{
	unsigned w, h;

	switch (below(4)) {
	case 0: /* tiny */
		w = 1 + below(40);
		h = 1 + below(12);
		break;
	case 1: /* the sizes people use */
		w = below(2) ? 80 : 120;
		h = w == 80 ? 24 : 40;
		break;
	default:
		w = 1 + below(250);
		h = 1 + below(80);
		break;
	}
	printf(":resize %ux%u\n", w, h);
}

int main(int argc, char **argv)
{
	unsigned long long seed;
	unsigned steps;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: randkeys SEED [STEPS]\n");
		return 2;
	}
	seed = strtoull(argv[1], NULL, 10);
	steps = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 120;
	state = seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
	if (!state)
		state = 1;
	printf("# randkeys %llu %u\n", seed, steps);
	printf("# size %ux%u\n", below(3) ? 80 : 40 + below(200), below(3) ? 24 : 5 + below(70));
	printf("# args %s\n", PICK(starts));
	for (unsigned i = 0; i < steps; i++) {
		unsigned r = below(100);

		if (r < 4) {
			resize();
		} else if (r < 9) {
			printf(":mouse %s %d %d\n", PICK(mouse_events), (int)below(270) - 5, (int)below(90) - 5);
		} else if (r < 24) {
			printf("%s\n", PICK(openers));
		} else if (r < 38) {
			printf("%s\n", PICK(words));
		} else if (r < 39) {
			printf(":dump /dev/null\n");
		} else if (r < 40 && below(4) == 0) {
			printf("q\n"); /* a session may end early, as users do */
		} else {
			for (unsigned k = 1 + below(5); k; k--)
				fputs(PICK(keys), stdout);
			putchar('\n');
		}
	}
	return 0;
}
