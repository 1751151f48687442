/* agg.h: the maintained aggregates behind fast stats. A household contributes, per status it held, +1
 * household on the day it entered and -1 on the day it left, and the same for each member-day interval that
 * overlaps. Stats as of D sum the contributions up to D. Pure, plus an accumulator for bulk loads. */
#ifndef TUOPIN_AGG_H
#define TUOPIN_AGG_H

#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"
#include "lib/arena.h"

struct agg_delta {
	int64_t village;
	int status;
	int day;
	int64_t dh, dp;
};

/* Contributions of one household (status spans st, membership spans ms whose value is this household) with
 * sign (+1 or -1), appended to *out. */
void agg_household(int64_t village, const struct span *st, size_t nst, const struct span *ms, size_t nms, int sign,
    struct agg_delta **out, size_t *n, size_t *cap);

/* Sort by (village, status, day), merge equal keys and drop zeros. Returns the new count. */
size_t agg_compact(struct agg_delta *v, size_t n);

/* Room for extra more deltas in *out. A full array of 4,096 or more is first compacted in place, and grows only
 * if that leaves it more than half full: a transaction's deltas take the room of their distinct (village,
 * status, day) keys, not one entry per household written (an import of 10^7 persons held 3.3 million). */
void agg_reserve(struct agg_delta **out, size_t *n, size_t *cap, size_t extra);

#endif
