/* ptytime.c — runs a command on a pseudo-terminal and reports how long it
 * took until its output first showed a given text (the first frame), then
 * sends it keys to quit.  For comparing readers fairly: same pty, same size.
 *
 *   ptytime [-r RUNS] [-s COLSxROWS] [-q QUITKEYS] MARKER COMMAND [ARG]...
 *           [::: PEER [ARG]...]
 * Prints the median and minimum, in milliseconds.  With a peer after
 * ":::", the two run in turn (one, then the other, RUNS times) so that
 * both meet the same moments of a machine whose speed drifts; it prints
 * the median and minimum of each, then the median of the ratios of each
 * pair of runs (command / peer). */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

/* One run: the time until marker appeared, or a negative number. */
static double run_once(char **argv, const char *marker, const char *quit, int cols, int rows)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	static char buf[1 << 20];
	size_t len = 0;
	double t0 = now_ms(), found = -1;
	int fd, status;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0) {
		perror("forkpty");
		exit(1);
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (found < 0 && now_ms() - t0 < 10000) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&p, 1, 100) <= 0)
			continue;
		n = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		if (strstr(buf, marker))
			found = now_ms() - t0;
		if (len > sizeof(buf) / 2) {
			/* Keep the tail: the marker may straddle reads. */
			memmove(buf, buf + len - 4096, 4096);
			len = 4096;
		}
	}
	if (write(fd, quit, strlen(quit)) < 0)
		kill(pid, SIGTERM);
	/* Drain until the child exits, so it is never blocked on output. */
	for (double t1 = now_ms(); now_ms() - t1 < 3000;) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		if (poll(&p, 1, 50) > 0 && read(fd, buf, sizeof(buf)) <= 0)
			break;
	}
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	close(fd);
	return found;
}

/* Sorts the runs times and prints their median and minimum. */
static void print_times(double *t, int runs, const char *end)
{
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	printf("%.2f %.2f%s", t[runs / 2], t[0], end);
}

static void usage(void)
{
	fprintf(stderr, "usage: ptytime [-r RUNS] [-s COLSxROWS] [-q KEYS] MARKER COMMAND... [::: PEER...]\n");
}

int main(int argc, char **argv)
{
	int runs = 20, cols = 120, rows = 40, opt;
	const char *quit = "q";
	char **peer = NULL;
	double *t, *u, *ratio;

	while ((opt = getopt(argc, argv, "+r:s:q:")) != -1) {
		if (opt == 'r')
			runs = atoi(optarg);
		else if (opt == 's' && sscanf(optarg, "%dx%d", &cols, &rows) == 2)
			continue;
		else if (opt == 'q')
			quit = optarg;
		else {
			usage();
			return 2;
		}
	}
	for (int i = optind + 1; i < argc; i++)
		if (!strcmp(argv[i], ":::")) {
			argv[i] = NULL;
			peer = argv + i + 1;
			break;
		}
	if (argc - optind < 2 || runs < 1 || (peer && !*peer)) {
		usage();
		return 2;
	}
	t = calloc((size_t)runs, sizeof(*t));
	u = calloc((size_t)runs, sizeof(*u));
	ratio = calloc((size_t)runs, sizeof(*ratio));
	if (!t || !u || !ratio)
		return 1;
	for (int i = 0; i < runs; i++) {
		t[i] = run_once(argv + optind + 1, argv[optind], quit, cols, rows);
		u[i] = peer && t[i] >= 0 ? run_once(peer, argv[optind], quit, cols, rows) : 1;
		if (t[i] < 0 || u[i] < 0) {
			fprintf(stderr, "ptytime: '%s' never appeared\n", argv[optind]);
			return 1;
		}
		ratio[i] = t[i] / u[i];
	}
	print_times(t, runs, peer ? " " : "\n");
	if (peer) {
		print_times(u, runs, " ");
		qsort(ratio, (size_t)runs, sizeof(*ratio), cmp_double);
		printf("%.2f\n", ratio[runs / 2]);
	}
	free(ratio);
	free(u);
	free(t);
	return 0;
}
