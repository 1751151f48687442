/* arena.c: region allocator in blocks of at least 64 KiB. */
#include "arena.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *next;
	size_t size;
	_Alignas(16) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

/* A few standard blocks kept per thread: a server allocates and frees an arena for every request, and
 * handing 64 KiB back to malloc each time makes it grow and trim its heap over and over. */
#define SPARE_MAX 4
static _Thread_local struct arena_block *spare;
static _Thread_local int n_spare;
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

/* When a thread ends (a server's worker threads do), its spare blocks go back to malloc. */
static void
spare_drop(void *unused)
{
	(void)unused;
	while (spare) {
		struct arena_block *b = spare;
		spare = b->next;
		free(b);
	}
	n_spare = 0;
}

static void
spare_key_make(void)
{
	pthread_key_create(&spare_key, spare_drop);
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *next;
	for (; b; b = next) {
		next = b->next;
		if (b->size == ARENA_BLOCK && n_spare < SPARE_MAX) {
			if (n_spare == 0) {
				/* a non-NULL value, so that spare_drop runs at thread exit */
				pthread_once(&spare_once, spare_key_make);
				pthread_setspecific(spare_key, &spare);
			}
			b->next = spare;
			spare = b;
			n_spare++;
		} else
			free(b);
	}
	arena_init(a);
}

static struct arena_block *
block_new(size_t size)
{
	if (size == ARENA_BLOCK && spare) {
		struct arena_block *b = spare;
		spare = b->next;
		n_spare--;
		return b;
	}
	struct arena_block *b = xmalloc(sizeof(*b) + size);
	b->size = size;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need == 0)
		need = ARENA_ALIGN;
	if (!a->head || a->used + need > a->head->size) {
		size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
		struct arena_block *b = block_new(size);
		if (a->head && need > ARENA_BLOCK) {
			/* A big allocation gets its own block behind the head so the head's free room stays usable. */
			b->next = a->head->next;
			a->head->next = b;
			a->total += need;
			memset(b->data, 0, need);
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	void *p = a->head->data + a->used;
	a->used += need;
	a->total += need;
	memset(p, 0, need);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}
