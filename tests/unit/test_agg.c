/* test_agg.c: a transaction's aggregate deltas stay as many as their distinct (village, status, day) keys, however
 * many households it writes, and compacting them on the way changes no sum. */
#include "test.h"

#include <stdlib.h>

#include "domain/agg.h"

static void
many_households_few_keys(void **state)
{
	(void)state;
	struct agg_delta *v = NULL;
	size_t n = 0, cap = 0;
	/* 1,000,000 households entering one of 10 villages in one of 2 statuses on one of 3 days, 1 to 4 persons */
	int64_t want_h[10][2][3] = { { { 0 } } }, want_p[10][2][3] = { { { 0 } } };
	for (int i = 0; i < 1000000; i++) {
		int vi = i % 10, s = i / 10 % 2, d = i / 20 % 3, p = 1 + i % 4;
		agg_reserve(&v, &n, &cap, 1);
		v[n++] = (struct agg_delta){ 371399100201LL + vi, 1 + s, 20140101 + d, 1, p };
		want_h[vi][s][d]++;
		want_p[vi][s][d] += p;
	}
	if (cap > 16384)
		fail_msg("1,000,000 deltas of 60 keys took room for %zu", cap);
	n = agg_compact(v, n);
	assert_int_equal(n, 60);
	for (size_t i = 0; i < n; i++) {
		int vi = (int)(v[i].village - 371399100201LL), s = v[i].status - 1, d = v[i].day - 20140101;
		assert_true(v[i].dh == want_h[vi][s][d] && v[i].dp == want_p[vi][s][d]);
	}
	free(v);
}

static void
entries_and_leaves_cancel(void **state)
{
	(void)state;
	struct agg_delta *v = NULL;
	size_t n = 0, cap = 0;
	/* each household enters and leaves the same day: nothing is left, and the room stays small */
	for (int i = 0; i < 100000; i++) {
		agg_reserve(&v, &n, &cap, 2);
		v[n++] = (struct agg_delta){ 371399100201LL, 1, 20140101, 1, 3 };
		v[n++] = (struct agg_delta){ 371399100201LL, 1, 20140101, -1, -3 };
	}
	assert_true(cap <= 8192);
	assert_int_equal(agg_compact(v, n), 0);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(many_households_few_keys),
		cmocka_unit_test(entries_and_leaves_cancel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
