/* jw.c: JSON writer. */
#include "jw.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void
jw_init(struct jw *w, struct buf *b)
{
	w->b = b;
	w->depth = 0;
	w->used = 0;
	w->after_key = false;
	w->indent = 0;
}

void
jw_init_indent(struct jw *w, struct buf *b, int n)
{
	jw_init(w, b);
	w->indent = n;
}

/* A new line indented for depth. */
static void
newline(struct jw *w, int depth)
{
	buf_putc(w->b, '\n');
	for (int i = depth * w->indent; i > 0; i--)
		buf_putc(w->b, ' ');
}

/* Before a value: the comma after the previous member, unless a key has just been written. */
static void
value_begin(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	uint64_t bit = (uint64_t)1 << (w->depth & 63);
	if (w->used & bit)
		buf_putc(w->b, ',');
	w->used |= bit;
	if (w->indent && w->depth > 0)
		newline(w, w->depth);
}

static void
container_open(struct jw *w, char c)
{
	assert(w->depth < 63);   /* one bit of used per level */
	value_begin(w);
	buf_putc(w->b, c);
	w->depth++;
	w->used &= ~((uint64_t)1 << (w->depth & 63));
}

static void
container_close(struct jw *w, char c)
{
	bool any = w->used & ((uint64_t)1 << (w->depth & 63));
	w->depth--;
	if (w->indent && any)
		newline(w, w->depth);
	buf_putc(w->b, c);
}

void
jw_obj(struct jw *w)
{
	container_open(w, '{');
}

void
jw_obj_end(struct jw *w)
{
	container_close(w, '}');
}

void
jw_arr(struct jw *w)
{
	container_open(w, '[');
}

void
jw_arr_end(struct jw *w)
{
	container_close(w, ']');
}

static void
put_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	buf_putc(b, '"');
	size_t i = 0, start = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		size_t skip = 1;
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c < 0x20) {
			switch (c) {
			case '\b': esc = "\\b"; break;
			case '\f': esc = "\\f"; break;
			case '\n': esc = "\\n"; break;
			case '\r': esc = "\\r"; break;
			case '\t': esc = "\\t"; break;
			default:
				memcpy(u, "\\u00", 4);
				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				u[6] = '\0';
				esc = u;
			}
		} else if (c >= 0x80) {
			/* a whole UTF-8 sequence passes as it is; a broken one becomes U+FFFD */
			size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (len > 1 && i + len <= n && utf8_valid(s + i, len, false, NULL)) {
				i += len;
				continue;
			}
			esc = "\\ufffd";
		}
		if (!esc) {
			i++;
			continue;
		}
		buf_append(b, s + start, i - start);
		buf_puts(b, esc);
		i += skip;
		start = i;
	}
	buf_append(b, s + start, n - start);
	buf_putc(b, '"');
}

void
jw_key(struct jw *w, const char *key)
{
	value_begin(w);
	put_string(w->b, key, strlen(key));
	buf_putc(w->b, ':');
	if (w->indent)
		buf_putc(w->b, ' ');
	w->after_key = true;
}

void
jw_str(struct jw *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	value_begin(w);
	put_string(w->b, s, strlen(s));
}

void
jw_int(struct jw *w, int64_t v)
{
	/* the digits from the end (snprintf was a twentieth of a household page's JSON) */
	char t[24], *e = t + sizeof(t), *d = e;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--d = '-';
	value_begin(w);
	buf_append(w->b, d, (size_t)(e - d));
}

void
jw_bool(struct jw *w, bool v)
{
	value_begin(w);
	buf_puts(w->b, v ? "true" : "false");
}

void
jw_null(struct jw *w)
{
	value_begin(w);
	buf_puts(w->b, "null");
}

void
jw_raw(struct jw *w, const char *json)
{
	value_begin(w);
	buf_puts(w->b, json);
}

void
jw_kstr(struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, s);
}

void
jw_kint(struct jw *w, const char *key, int64_t v)
{
	jw_key(w, key);
	jw_int(w, v);
}

void
jw_kbool(struct jw *w, const char *key, bool v)
{
	jw_key(w, key);
	jw_bool(w, v);
}

void
jw_knull(struct jw *w, const char *key)
{
	jw_key(w, key);
	jw_null(w);
}
