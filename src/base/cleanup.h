/* cleanup.h — what must happen however the process ends: temporary files
 * removed, the terminal given back.
 *
 * One handler serves SIGINT, SIGTERM, SIGHUP and SIGQUIT for the whole
 * process.  In batch commands it removes the registered temporary files and
 * lets the signal end the process as it would have.  The reader asks to be
 * told instead (cleanup_defer): the first signal is only recorded, for its
 * loop (and long work, which polls cleanup_pending) to end cleanly, saving
 * the reading place; a second one ends the process at once, after removing
 * the files and restoring the terminal's modes from the handler itself. */
#ifndef TIPR_CLEANUP_H
#define TIPR_CLEANUP_H

#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

/* Installs the handler (once; later calls do nothing). */
void cleanup_install(void);
/* A temporary file to remove if the process is killed by one of those
 * signals before it is renamed or removed; path is copied.  False when the
 * table is full (the file is then only removed by the next run's sweep). */
bool cleanup_add_file(const char *path);
/* Forgets path (renamed into place, or removed by the caller). */
void cleanup_remove_file(const char *path);
/* true: the first signal is recorded rather than acted on (the reader). */
void cleanup_defer(bool defer);
/* The signal recorded under cleanup_defer, or 0. */
int cleanup_pending(void);
/* The terminal to give back if the process is ended by a signal while the
 * reader runs: its file descriptor, the modes it had before curses (copied)
 * and the bytes that leave the alternate screen and show the cursor
 * (copied, at most 255).  fd < 0 forgets it. */
void cleanup_set_terminal(int fd, const struct termios *modes, const char *reset, size_t len);
/* Ends the process as the recorded signal would have, after the caller's
 * own cleaning: removes the temporary files, restores the default action
 * and raises it again. */
void cleanup_reraise(int sig);

#endif
