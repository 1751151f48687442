/* util.c: allocation helpers and number parsing. No application knowledge. */
#include "util.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(size_t n)
{
	fprintf(stderr, "tuopin: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
die(int code, const char *fmt, ...)
{
	va_list ap;
	fputs("tuopin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

bool
parse_i64(const char *s, size_t n, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0;
	size_t i = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == n)
		return false;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (v > (UINT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > (uint64_t)INT64_MAX)
		return false;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return true;
}

bool
parse_money_fen(const char *s, size_t n, int64_t *out)
{
	bool neg = false, dot = false, any = false;
	int decimals = 0;
	int64_t v = 0;
	size_t i = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	for (; i < n; i++) {
		char c = s[i];
		if (c == ',' && !dot && any)
			continue;
		if (c == '.' && !dot) {
			dot = true;
			continue;
		}
		if (c < '0' || c > '9')
			return false;
		if (dot && ++decimals > 2)
			return false;
		if (v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (c - '0');
		any = true;
	}
	if (!any)
		return false;
	for (; decimals < 2; decimals++) {
		if (v > INT64_MAX / 10)
			return false;
		v *= 10;
	}
	*out = neg ? -v : v;
	return true;
}

char *
format_fen(int64_t fen, char *out, size_t size)
{
	uint64_t a = fen < 0 ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
	snprintf(out, size, "%s%llu.%02llu", fen < 0 ? "-" : "", (unsigned long long)(a / 100),
	    (unsigned long long)(a % 100));
	return out;
}

const char *
tmp_dir(void)
{
	const char *d = getenv("TMPDIR");
	return d && *d ? d : "/tmp";
}

int
tmp_file(const char *name)
{
	const char *dir = tmp_dir();
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
		return fd;
	char path[4096];
	snprintf(path, sizeof(path), "%s/tuopin-%s-XXXXXX", dir, name);
	fd = mkostemp(path, O_CLOEXEC);
	if (fd >= 0)
		unlink(path);
	return fd;
}

size_t
lower_bound_i64(const void *base, size_t n, size_t size, size_t offset, int64_t key)
{
	const char *p = base;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k;
		memcpy(&k, p + mid * size + offset, sizeof(k));
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

double
round_half_up(double v, int decimals)
{
	double scale = 1;
	for (int k = 0; k < decimals; k++)
		scale *= 10;
	double r = floor(fabs(v) * scale + 0.5 + 1e-9) / scale;
	return v < 0 ? -r : r;
}
