/* agg.c: household contributions to the stat_delta aggregates. */
#include "domain/agg.h"

#include <stdbool.h>
#include <stdlib.h>

#include "lib/date.h"
#include "lib/util.h"

static void
push(struct agg_delta **out, size_t *n, size_t *cap, int64_t village, int status, int day, int64_t dh, int64_t dp)
{
	agg_reserve(out, n, cap, 1);
	(*out)[(*n)++] = (struct agg_delta){ village, status, day, dh, dp };
}

void
agg_household(int64_t village, const struct span *st, size_t nst, const struct span *ms, size_t nms, int sign,
    struct agg_delta **out, size_t *n, size_t *cap)
{
	for (size_t i = 0; i < nst; i++) {
		const struct span *s = &st[i];
		if (s->valid_from >= s->valid_to)
			continue;
		push(out, n, cap, village, (int)s->value, s->valid_from, sign, 0);
		if (s->valid_to != DATE_INF)
			push(out, n, cap, village, (int)s->value, s->valid_to, -sign, 0);
		for (size_t j = 0; j < nms; j++) {
			int from = ms[j].valid_from > s->valid_from ? ms[j].valid_from : s->valid_from;
			int to = ms[j].valid_to < s->valid_to ? ms[j].valid_to : s->valid_to;
			if (from >= to)
				continue;
			push(out, n, cap, village, (int)s->value, from, 0, sign);
			if (to != DATE_INF)
				push(out, n, cap, village, (int)s->value, to, 0, -sign);
		}
	}
}

static int
cmp(const void *a, const void *b)
{
	const struct agg_delta *x = a, *y = b;
	if (x->village != y->village)
		return x->village < y->village ? -1 : 1;
	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return 0;
}

size_t
agg_compact(struct agg_delta *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k > 0 && cmp(&v[k - 1], &v[i]) == 0) {
			v[k - 1].dh += v[i].dh;
			v[k - 1].dp += v[i].dp;
		} else
			v[k++] = v[i];
	}
	size_t j = 0;
	for (size_t i = 0; i < k; i++)
		if (v[i].dh != 0 || v[i].dp != 0)
			v[j++] = v[i];
	return j;
}

void
agg_reserve(struct agg_delta **out, size_t *n, size_t *cap, size_t extra)
{
	if (*n + extra <= *cap)
		return;
	bool compacted = false;
	if (*n >= 4096) {
		*n = agg_compact(*out, *n);
		compacted = true;
	}
	/* after a compaction half the room stays free, so the next one is as far away as this one was */
	size_t want = compacted ? 2 * (*n + extra) : *n + extra;
	if (want <= *cap)
		return;
	while (*cap < want)
		*cap = *cap ? 2 * *cap : 64;
	*out = xrealloc(*out, *cap * sizeof(**out));
}
