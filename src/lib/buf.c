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

/* Characters that show nothing, taken off a text's ends (so a text of them alone is blank): ASCII spaces and
 * control characters, the ideographic space (U+3000), the no-break space, a byte-order mark left inside a cell
 * (files pasted together), and the zero-width space, joiners and word joiner (U+200B-U+200D, U+2060). */
static const char *const invisible[] = { "\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xE2\x80\x8C",
	"\xE2\x80\x8D", "\xE2\x81\xA0" };

static size_t
invisible_at(const char *p, size_t n)
{
	if (n >= 1 && ((unsigned char)p[0] <= ' ' || p[0] == 0x7f))
		return 1;
	for (size_t i = 0; i < sizeof(invisible) / sizeof(invisible[0]); i++) {
		size_t k = strlen(invisible[i]);
		if (n >= k && memcmp(p, invisible[i], k) == 0)
			return k;
	}
	return 0;
}

static size_t
invisible_before(const char *p, size_t n)
{
	if (n >= 1 && ((unsigned char)p[n - 1] <= ' ' || p[n - 1] == 0x7f))
		return 1;
	for (size_t i = 0; i < sizeof(invisible) / sizeof(invisible[0]); i++) {
		size_t k = strlen(invisible[i]);
		if (n >= k && memcmp(p + n - k, invisible[i], k) == 0)
			return k;
	}
	return 0;
}

struct str
str_trim(struct str s)
{
	size_t k;
	while ((k = invisible_at(s.p, s.n)) > 0)
		s.p += k, s.n -= k;
	while ((k = invisible_before(s.p, s.n)) > 0)
		s.n -= k;
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
