/* cleanup.c — temporary files and the terminal, whatever ends the process
 * (see cleanup.h).  The handler calls only async-signal-safe functions:
 * unlink, tcsetattr, write, sigaction, raise. */
#include "config.h"

#include "base/cleanup.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"

enum { MAX_FILES = 16, RESET_MAX = 255 };

static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* The files: slots set and cleared with the signals blocked, and under the
 * lock (a thread may write a cache while another writes a file). */
static char *files[MAX_FILES];
static pthread_mutex_t files_lock = PTHREAD_MUTEX_INITIALIZER;
static bool installed;
static volatile sig_atomic_t deferred, pending;
static int term_fd = -1;
static struct termios term_modes;
static char term_reset[RESET_MAX];
static size_t term_reset_len;

static void block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < ARRAY_SIZE(signals); i++)
		sigaddset(&set, signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
	pthread_mutex_lock(&files_lock);
}

static void unblock(const sigset_t *old)
{
	pthread_mutex_unlock(&files_lock);
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

static void remove_files(void)
{
	for (size_t i = 0; i < MAX_FILES; i++)
		if (files[i])
			unlink(files[i]);
}

static void restore_terminal(void)
{
	if (term_fd < 0)
		return;
	tcsetattr(term_fd, TCSADRAIN, &term_modes);
	if (term_reset_len && write(term_fd, term_reset, term_reset_len) < 0)
		return;
}

void cleanup_reraise(int sig)
{
	struct sigaction sa;
	sigset_t set;

	remove_files();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	/* Within the handler the signal is blocked: let it through. */
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

static void handler(int sig)
{
	if (deferred && !pending) {
		pending = sig;
		return;
	}
	restore_terminal();
	cleanup_reraise(sig);
}

void cleanup_install(void)
{
	struct sigaction sa;

	if (installed)
		return;
	installed = true;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(signals); i++)
		sigaddset(&sa.sa_mask, signals[i]);
	/* No SA_RESTART: a read waiting for a key returns, so the reader's
	 * loop sees a deferred signal at once. */
	for (size_t i = 0; i < ARRAY_SIZE(signals); i++) {
		struct sigaction old;

		/* A signal ignored by whoever started us (nohup) stays ignored. */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
}

bool cleanup_add_file(const char *path)
{
	sigset_t old;
	bool ok = false;
	char *copy = xstrdup(path);

	block(&old);
	for (size_t i = 0; i < MAX_FILES && !ok; i++)
		if (!files[i]) {
			files[i] = copy;
			ok = true;
		}
	unblock(&old);
	if (!ok)
		free(copy);
	return ok;
}

void cleanup_remove_file(const char *path)
{
	sigset_t old;
	char *gone = NULL;

	block(&old);
	for (size_t i = 0; i < MAX_FILES && !gone; i++)
		if (files[i] && !strcmp(files[i], path)) {
			gone = files[i];
			files[i] = NULL;
		}
	unblock(&old);
	free(gone);
}

void cleanup_defer(bool defer)
{
	deferred = defer;
	if (!defer)
		pending = 0;
}

int cleanup_pending(void)
{
	return pending;
}

void cleanup_set_terminal(int fd, const struct termios *modes, const char *reset, size_t len)
{
	sigset_t old;

	block(&old);
	term_fd = fd;
	if (fd >= 0) {
		term_modes = *modes;
		term_reset_len = len < RESET_MAX ? len : RESET_MAX;
		if (term_reset_len)
			memcpy(term_reset, reset, term_reset_len);
	}
	unblock(&old);
}
