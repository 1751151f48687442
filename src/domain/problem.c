/* problem.c: collecting problems. */
#include "domain/problem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

void
problems_init(struct problems *p, struct arena *a)
{
	memset(p, 0, sizeof(*p));
	p->a = a;
}

/* A cell's text as a problem keeps it: at most PROBLEM_VALUE_MAX bytes, cut before a character, with an
 * ellipsis when cut (a 10 MB cell is not repeated in every problem, or in a 10 MB answer). */
#define PROBLEM_VALUE_MAX 200

static char *
value_copy(struct arena *a, struct str v)
{
	if (!v.p)
		return NULL;
	if (v.n <= PROBLEM_VALUE_MAX)
		return arena_strndup(a, v.p, v.n);
	size_t n = PROBLEM_VALUE_MAX;
	while (n > 0 && ((unsigned char)v.p[n] & 0xC0) == 0x80)
		n--;
	char *out = arena_alloc(a, n + 4);
	memcpy(out, v.p, n);
	memcpy(out + n, "\xE2\x80\xA6", 4);   /* … and the terminating NUL */
	return out;
}

static struct problem *
slot(struct problems *p, bool warning)
{
	if (warning)
		p->n_warnings++;
	else
		p->n_errors++;
	size_t limit = p->limit ? p->limit : 10000;
	if (p->n >= limit) {
		p->dropped++;
		return NULL;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 32;
		struct problem *v = arena_alloc(p->a, cap * sizeof(*v));
		if (p->n)
			memcpy(v, p->v, p->n * sizeof(*v));
		p->v = v;
		p->cap = cap;
	}
	return &p->v[p->n++];
}

enum err
problem_add(struct problems *p, bool warning, int row, const char *column, struct str value, enum msg id, ...)
{
	struct problem *x = slot(p, warning);
	if (x) {
		char buf[512];
		va_list ap;
		va_start(ap, id);
		vsnprintf(buf, sizeof(buf), msg_text(id), ap);
		va_end(ap);
		x->row = row;
		x->column = column ? column : "";
		x->value = value_copy(p->a, value);
		x->code = msg_code(id);
		x->message = arena_strdup(p->a, buf);
		x->warning = warning;
		x->conflict = false;
	}
	return ERR_INVALID;
}

void
problem_from_err(struct problems *p, bool warning, int row, const char *column, struct str value,
    const struct errinfo *e)
{
	struct problem *x = slot(p, warning);
	if (!x)
		return;
	x->row = row;
	x->column = column ? column : (e->field[0] ? arena_strdup(p->a, e->field) : "");
	x->value = value_copy(p->a, value);
	x->code = arena_strdup(p->a, e->code);
	x->message = arena_strdup(p->a, e->message);
	x->warning = warning;
	x->conflict = e->err == ERR_CONFLICT;
}

void
problems_drop(struct problems *p, size_t from, int row, const char *column)
{
	size_t k = from;
	for (size_t i = from; i < p->n; i++) {
		struct problem *x = &p->v[i];
		if (x->row == row && x->column && column && strcmp(x->column, column) == 0) {
			if (x->warning)
				p->n_warnings--;
			else
				p->n_errors--;
			continue;
		}
		p->v[k++] = *x;
	}
	p->n = k;
}

void
problems_sort(struct problems *p)
{
	/* Stable (the problems of one row keep the order in which they were found), and a merge sort: a file read
	 * in slices of households finds its problems in one run of rows a slice, over which an insertion sort
	 * would take quadratic time. */
	if (p->n < 2)
		return;
	struct problem *tmp = xmalloc(p->n * sizeof(*tmp));
	for (size_t w = 1; w < p->n; w *= 2) {
		for (size_t lo = 0; lo < p->n; lo += 2 * w) {
			size_t mid = lo + w < p->n ? lo + w : p->n, hi = lo + 2 * w < p->n ? lo + 2 * w : p->n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = p->v[j].row < p->v[i].row ? p->v[j++] : p->v[i++];
			while (i < mid)
				tmp[k++] = p->v[i++];
			while (j < hi)
				tmp[k++] = p->v[j++];
		}
		memcpy(p->v, tmp, p->n * sizeof(*tmp));
	}
	free(tmp);
}
