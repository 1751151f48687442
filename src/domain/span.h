/* span.h: how one event rewrites a bitemporal history (ARCHITECTURE.md §3), as a pure plan over the spans
 * known now, so the rule can be tested without a database. Spans are never deleted: a span that no longer
 * holds is closed at the recording instant T and what remains of it is inserted again, recorded from T. */
#ifndef TUOPIN_SPAN_H
#define TUOPIN_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"
#include "lib/arena.h"

struct span_plan {
	int64_t *close;       /* ids of spans to close at T */
	size_t n_close;
	struct span *insert;  /* spans to insert (ids unset), recorded [T, open) */
	size_t n_insert;
};

/* Rewrite the history cur (the n spans of one owner as now known) from day E onward: every span reaching
 * past E is closed and its part before E re-inserted; then, if set, [E, open) = value is inserted.
 * A forward change and a correction are the same operation: a correction just closes more spans.
 * Allocates in a. */
void span_plan_rewrite(const struct span *cur, size_t n, int E, bool set, int64_t value, int64_t owner,
    int64_t T, int64_t event_id, struct span_plan *plan, struct arena *a);

/* The value on day d, or false if no span covers it. */
bool span_value_at(const struct span *cur, size_t n, int d, int64_t *value);

/* Apply a plan to an in-memory history (for tests and for computing aggregates before writing): returns the
 * new list of spans as now known. */
struct span *span_apply(const struct span *cur, size_t n, const struct span_plan *p, size_t *n_out,
    struct arena *a);

#endif
