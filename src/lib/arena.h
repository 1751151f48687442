/* arena.h: a region allocator. One arena per CLI run and per HTTP request; everything allocated
 * in it is freed at once by arena_free. Never frees single objects. Knows no application type. */
#ifndef TUOPIN_ARENA_H
#define TUOPIN_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;    /* bytes used in head */
	size_t total;   /* bytes handed out, for tests and limits */
};

void arena_init(struct arena *a);
/* Free every block. The arena can be used again afterwards. */
void arena_free(struct arena *a);
/* n bytes aligned for any type; never NULL. Zeroed. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
