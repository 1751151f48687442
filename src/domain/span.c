/* span.c: rewriting a history of intervals from a day onward. Pure. */
#include "domain/span.h"

#include <string.h>

#include "lib/date.h"

void
span_plan_rewrite(const struct span *cur, size_t n, int E, bool set, int64_t value, int64_t owner, int64_t T,
    int64_t event_id, struct span_plan *p, struct arena *a)
{
	p->close = arena_alloc(a, (n + 1) * sizeof(int64_t));
	p->insert = arena_alloc(a, (n + 2) * sizeof(struct span));
	p->n_close = p->n_insert = 0;
	for (size_t i = 0; i < n; i++) {
		const struct span *s = &cur[i];
		if (s->valid_to <= E)
			continue;   /* ends before the change: untouched */
		p->close[p->n_close++] = s->id;
		if (s->valid_from < E) {
			struct span *k = &p->insert[p->n_insert++];
			*k = *s;
			k->id = 0;
			k->valid_to = E;
			k->rec_from = T;
			k->rec_to = STAMP_INF;
			/* the kept part still comes from the event that made it */
		}
	}
	if (set) {
		struct span *k = &p->insert[p->n_insert++];
		memset(k, 0, sizeof(*k));
		k->owner = owner;
		k->value = value;
		k->valid_from = E;
		k->valid_to = DATE_INF;
		k->rec_from = T;
		k->rec_to = STAMP_INF;
		k->event_id = event_id;
	}
}

bool
span_value_at(const struct span *cur, size_t n, int d, int64_t *value)
{
	for (size_t i = 0; i < n; i++)
		if (cur[i].valid_from <= d && d < cur[i].valid_to) {
			*value = cur[i].value;
			return true;
		}
	return false;
}

struct span *
span_apply(const struct span *cur, size_t n, const struct span_plan *p, size_t *n_out, struct arena *a)
{
	struct span *out = arena_alloc(a, (n + p->n_insert + 1) * sizeof(*out));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool closed = false;
		for (size_t j = 0; j < p->n_close; j++)
			if (p->close[j] == cur[i].id)
				closed = true;
		if (!closed)
			out[k++] = cur[i];
	}
	for (size_t j = 0; j < p->n_insert; j++)
		out[k++] = p->insert[j];
	/* keep them ordered by valid_from */
	for (size_t i = 1; i < k; i++)
		for (size_t j = i; j > 0 && out[j - 1].valid_from > out[j].valid_from; j--) {
			struct span t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	*n_out = k;
	return out;
}
