/* arena.h — bump allocation for objects that live and die together
 * (everything belonging to one loaded document or YAML tree). */
#ifndef TIPR_ARENA_H
#define TIPR_ARENA_H

#include <stddef.h>

struct arena;

/* A new empty arena; release it and everything allocated in it with arena_free(). */
struct arena *arena_new(void);
void arena_free(struct arena *a);

/* Zeroed, suitably aligned memory owned by the arena; never NULL. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_array(struct arena *a, size_t n, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Total bytes handed out, for tests and memory accounting. */
size_t arena_used(const struct arena *a);

#endif
