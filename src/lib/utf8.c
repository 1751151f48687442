/* utf8.c: byte-level UTF-8 helpers. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

static size_t
seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Whether b may follow the lead byte c (the ranges of RFC 3629 that exclude overlongs, surrogates and
 * code points above U+10FFFF), so an incomplete sequence at the end of a chunk is judged as early as a
 * complete one. */
static bool
second_ok(unsigned char c, unsigned char b)
{
	if ((b & 0xC0) != 0x80)
		return false;
	if (c == 0xE0)
		return b >= 0xA0;
	if (c == 0xED)
		return b <= 0x9F;
	if (c == 0xF0)
		return b >= 0x90;
	if (c == 0xF4)
		return b <= 0x8F;
	return true;
}

static uint32_t
decode(const unsigned char *p, size_t len)
{
	switch (len) {
	case 1: return p[0];
	case 2: return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	case 3: return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	default:
		return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
		    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
	}
}

size_t
utf8_valid_prefix(const char *s, size_t n, bool partial_tail, size_t *tail)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	if (tail)
		*tail = 0;
	while (i < n) {
		/* ASCII runs are most of a registry file: skip them eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = seq_len(p[i]);
		if (len == 0)
			return i;
		if (i + len > n) {
			for (size_t k = i + 1; k < n; k++)
				if ((p[k] & 0xC0) != 0x80)
					return i;
			/* an incomplete sequence at the end: valid so far only if its second byte is allowed */
			if (n - i >= 2 && !second_ok(p[i], p[i + 1]))
				return i;
			if (partial_tail) {
				if (tail)
					*tail = n - i;
				return n;
			}
			return i;
		}
		for (size_t k = 1; k < len; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
		uint32_t c = decode(p + i, len);
		if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		    (c >= 0xD800 && c <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

bool
utf8_valid(const char *s, size_t n, bool partial_tail, size_t *tail)
{
	return utf8_valid_prefix(s, n, partial_tail, tail) == n;
}

static bool
wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
	    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t
utf8_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0, i = 0;
	while (i < n) {
		size_t len = seq_len(p[i]);
		if (len == 0 || i + len > n) {
			i++;
			w++;
			continue;
		}
		w += wide(decode(p + i, len)) ? 2 : 1;
		i += len;
	}
	return w;
}

size_t
utf8_len(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

size_t
utf8_fold_to(struct str s, char *out, size_t cap)
{
	s = str_trim(s);
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, k = 0;
	while (i < s.n) {
		size_t len = seq_len(p[i]);
		char c = 0;
		if (len == 3 && i + 3 <= s.n) {
			uint32_t u = decode(p + i, 3);
			if (u >= 0xFF01 && u <= 0xFF5E)
				c = (char)(u - 0xFF01 + 0x21);
			else if (u == 0x3000)
				c = ' ';
		}
		if (c) {
			if (k + 1 >= cap)
				return (size_t)-1;
			out[k++] = c;
			i += 3;
			continue;
		}
		if (len == 0 || i + len > s.n)
			len = 1;
		if (k + len >= cap)
			return (size_t)-1;
		memcpy(out + k, p + i, len);
		k += len;
		i += len;
	}
	out[k] = '\0';
	return k;
}

void
utf8_fold(struct str s, struct buf *out)
{
	s = str_trim(s);
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;
	while (i < s.n) {
		size_t len = seq_len(p[i]);
		if (len == 3 && i + 3 <= s.n) {
			uint32_t c = decode(p + i, 3);
			if (c >= 0xFF01 && c <= 0xFF5E) {
				buf_putc(out, (char)(c - 0xFF01 + 0x21));
				i += 3;
				continue;
			}
			if (c == 0x3000) {
				buf_putc(out, ' ');
				i += 3;
				continue;
			}
		}
		if (len == 0 || i + len > s.n)
			len = 1;
		buf_append(out, p + i, len);
		i += len;
	}
}

unsigned
utf8_bad_char(const char *s, size_t n, bool lines, size_t *at)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	*at = 0;
	while (p < end) {
		unsigned c = *p;
		size_t k = 1;
		if (c >= 0xC0 && c < 0xE0 && end - p >= 2)
			c = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), k = 2;
		else if (c >= 0xE0 && c < 0xF0 && end - p >= 3)
			c = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), k = 3;
		else if (c >= 0xF0 && end - p >= 4)
			k = 4;
		++*at;
		if ((c < 0x20 && !(lines && (c == '\t' || c == '\n' || c == '\r'))) || (c >= 0x7F && c < 0xA0) ||
		    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
		    c == 0x061C || c == 0x2028 || c == 0x2029)
			return c;
		p += k;
	}
	return 0;
}
