/* buf.c: growable buffer and slices. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct str
str_from(const char *s)
{
	return (struct str){ s, s ? strlen(s) : 0 };
}

bool
str_eq(struct str a, const char *b)
{
	size_t n = strlen(b);
	return a.n == n && memcmp(a.p, b, n) == 0;
}

struct str
str_trim(struct str s)
{
	for (;;) {
		if (s.n >= 1 && (s.p[0] == ' ' || s.p[0] == '\t' || s.p[0] == '\r' || s.p[0] == '\n')) {
			s.p++, s.n--;
		} else if (s.n >= 3 && memcmp(s.p, "\xE3\x80\x80", 3) == 0) {
			s.p += 3, s.n -= 3;
		} else if (s.n >= 2 && memcmp(s.p, "\xC2\xA0", 2) == 0) {
			s.p += 2, s.n -= 2;
		} else if (s.n >= 3 && memcmp(s.p, "\xEF\xBB\xBF", 3) == 0) {
			s.p += 3, s.n -= 3;   /* a byte-order mark left inside a cell (files pasted together) */
		} else
			break;
	}
	for (;;) {
		if (s.n >= 1 && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t' || s.p[s.n - 1] == '\r' ||
		    s.p[s.n - 1] == '\n')) {
			s.n--;
		} else if (s.n >= 3 && memcmp(s.p + s.n - 3, "\xE3\x80\x80", 3) == 0) {
			s.n -= 3;
		} else if (s.n >= 2 && memcmp(s.p + s.n - 2, "\xC2\xA0", 2) == 0) {
			s.n -= 2;
		} else if (s.n >= 3 && memcmp(s.p + s.n - 3, "\xEF\xBB\xBF", 3) == 0) {
			s.n -= 3;
		} else
			break;
	}
	return s;
}

void
buf_init(struct buf *b)
{
	b->p = NULL;
	b->n = 0;
	b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t extra)
{
	if (b->n + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->n + extra + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_append_grow(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(b, (size_t)n);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	b->n += (size_t)n;
}

char *
buf_detach(struct buf *b)
{
	char *p = b->p;
	if (!p)
		p = xstrdup("");
	buf_init(b);
	return p;
}
