/* buf.h: a growable byte buffer (always NUL-terminated) and string slices.
 * Used for building output, SQL-free text and messages. Knows no application type. */
#ifndef TUOPIN_BUF_H
#define TUOPIN_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct str {
	const char *p;
	size_t n;
};

#define STR_LIT(s) ((struct str){ (s), sizeof(s) - 1 })

struct str str_from(const char *s);
bool str_eq(struct str a, const char *b);
/* Trim ASCII whitespace, U+3000 (ideographic space) and U+00A0 from both ends. */
struct str str_trim(struct str s);

struct buf {
	char *p;
	size_t n;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
/* buf_append and buf_putc are inline while the bytes fit (the JSON writers call them for every key, comma and
 * quote: a call each was a tenth of a household page's time); buf_append_grow grows the buffer first. */
void buf_append_grow(struct buf *b, const void *p, size_t n);
static inline void
buf_append(struct buf *b, const void *p, size_t n)
{
	if (b->n + n >= b->cap) {
		buf_append_grow(b, p, n);
		return;
	}
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}
static inline void
buf_putc(struct buf *b, char c)
{
	if (b->n + 1 >= b->cap) {
		buf_append_grow(b, &c, 1);
		return;
	}
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
}
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Take the contents (caller frees); the buffer is left empty. */
char *buf_detach(struct buf *b);

#endif
