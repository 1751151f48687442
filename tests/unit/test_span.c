/* test_span.c: how forward events and corrections rewrite a bitemporal history, and the aggregates it
 * contributes. Spans are never deleted: closed at T, with the remainder re-inserted. */
#include "test.h"

#include "domain/agg.h"
#include "domain/span.h"
#include "lib/date.h"
#include <stdlib.h>

static struct span
sp(int64_t id, int64_t value, int from, int to)
{
	return (struct span){ id, 7, value, from, to, 20140105100000LL, STAMP_INF, 1 };
}

static void
a_forward_event_closes_the_open_span_and_splits_it(void **state)
{
	struct arena a;
	arena_init(&a);
	struct span cur[] = { sp(1, ST_POOR, 20140101, DATE_INF) };
	struct span_plan p;
	span_plan_rewrite(cur, 1, 20141231, true, ST_EXITED_SUPPORTED, 7, 20150110100000LL, 42, &p, &a);
	assert_int_equal(p.n_close, 1);
	assert_int_equal(p.close[0], 1);
	assert_int_equal(p.n_insert, 2);
	assert_int_equal(p.insert[0].value, ST_POOR);
	assert_int_equal(p.insert[0].valid_from, 20140101);
	assert_int_equal(p.insert[0].valid_to, 20141231);
	assert_int_equal(p.insert[0].rec_from, 20150110100000LL);
	assert_int_equal(p.insert[0].event_id, 1);   /* the kept part still comes from the identification */
	assert_int_equal(p.insert[1].value, ST_EXITED_SUPPORTED);
	assert_int_equal(p.insert[1].valid_from, 20141231);
	assert_int_equal(p.insert[1].valid_to, DATE_INF);
	assert_int_equal(p.insert[1].event_id, 42);
	arena_free(&a);
}

static void
a_same_day_change_leaves_no_empty_span(void **state)
{
	struct arena a;
	arena_init(&a);
	struct span cur[] = { sp(1, ST_POOR, 20140101, 20141231), sp(2, ST_EXITED_SUPPORTED, 20141231, DATE_INF) };
	struct span_plan p;
	span_plan_rewrite(cur, 2, 20141231, true, ST_EXITED_UNSUPPORTED, 7, 20150110100000LL, 43, &p, &a);
	assert_int_equal(p.n_close, 1);
	assert_int_equal(p.close[0], 2);
	assert_int_equal(p.n_insert, 1);
	assert_int_equal(p.insert[0].value, ST_EXITED_UNSUPPORTED);
	assert_int_equal(p.insert[0].valid_from, 20141231);
	arena_free(&a);
}

static void
a_correction_rewrites_everything_from_its_date(void **state)
{
	struct arena a;
	arena_init(&a);
	/* poor 2014, exited end of 2014, policy ended end of 2015; then removed retroactively from 2014-01-01 */
	struct span cur[] = { sp(1, ST_POOR, 20140101, 20141231), sp(2, ST_EXITED_SUPPORTED, 20141231, 20151231),
		sp(3, ST_EXITED_UNSUPPORTED, 20151231, DATE_INF) };
	struct span_plan p;
	span_plan_rewrite(cur, 3, 20140101, true, ST_REMOVED, 7, 20180420100000LL, 50, &p, &a);
	assert_int_equal(p.n_close, 3);
	assert_int_equal(p.n_insert, 1);
	assert_int_equal(p.insert[0].value, ST_REMOVED);
	assert_int_equal(p.insert[0].valid_from, 20140101);
	size_t n;
	struct span *after = span_apply(cur, 3, &p, &n, &a);
	assert_int_equal(n, 1);
	int64_t v;
	assert_true(span_value_at(after, n, 20140101, &v));
	assert_int_equal(v, ST_REMOVED);
	assert_false(span_value_at(after, n, 20131231, &v));

	/* a correction in the middle keeps what came before it */
	span_plan_rewrite(cur, 3, 20150630, true, ST_RETURNED, 7, 20180420100000LL, 51, &p, &a);
	assert_int_equal(p.n_close, 2);   /* spans 2 and 3 reach past 2015-06-30 */
	assert_int_equal(p.n_insert, 2);
	assert_int_equal(p.insert[0].value, ST_EXITED_SUPPORTED);
	assert_int_equal(p.insert[0].valid_from, 20141231);
	assert_int_equal(p.insert[0].valid_to, 20150630);
	after = span_apply(cur, 3, &p, &n, &a);
	assert_int_equal(n, 3);
	assert_true(span_value_at(after, n, 20140601, &v));
	assert_int_equal(v, ST_POOR);
	assert_true(span_value_at(after, n, 20150629, &v));
	assert_int_equal(v, ST_EXITED_SUPPORTED);
	assert_true(span_value_at(after, n, 20150630, &v));
	assert_int_equal(v, ST_RETURNED);
	assert_true(span_value_at(after, n, 20990101, &v));
	assert_int_equal(v, ST_RETURNED);
	arena_free(&a);
}

static void
a_membership_ends_without_a_new_span(void **state)
{
	struct arena a;
	arena_init(&a);
	struct span cur[] = { sp(9, 1001, 20140101, DATE_INF) };
	struct span_plan p;
	span_plan_rewrite(cur, 1, 20140915, false, 0, 7, 20150110100000LL, 60, &p, &a);
	assert_int_equal(p.n_close, 1);
	assert_int_equal(p.n_insert, 1);
	assert_int_equal(p.insert[0].valid_from, 20140101);
	assert_int_equal(p.insert[0].valid_to, 20140915);
	/* and a removal corrected to an earlier date */
	struct span later[] = { sp(10, 1001, 20140101, 20140915) };
	span_plan_rewrite(later, 1, 20140301, false, 0, 7, 20180420100000LL, 61, &p, &a);
	assert_int_equal(p.n_close, 1);
	assert_int_equal(p.insert[0].valid_to, 20140301);
	/* a removal after the span ended changes nothing */
	span_plan_rewrite(later, 1, 20150101, false, 0, 7, 20180420100000LL, 62, &p, &a);
	assert_int_equal(p.n_close, 0);
	assert_int_equal(p.n_insert, 0);
	arena_free(&a);
}

static void
aggregates_count_households_and_member_days(void **state)
{
	/* poor from 2014-01-01, exited 2014-12-31; members: two for the whole time, one born 2014-06-01,
	 * one who died 2014-09-15 */
	struct span st[] = { sp(1, ST_POOR, 20140101, 20141231), sp(2, ST_EXITED_SUPPORTED, 20141231, DATE_INF) };
	struct span ms[] = { sp(3, 7, 20140101, DATE_INF), sp(4, 7, 20140101, DATE_INF), sp(5, 7, 20140601, DATE_INF),
		sp(6, 7, 20140101, 20140915) };
	struct agg_delta *v = NULL;
	size_t n = 0, cap = 0;
	agg_household(371399100201LL, st, 2, ms, 4, +1, &v, &n, &cap);
	n = agg_compact(v, n);
	/* poor: +1h +3p on 2014-01-01, +1p on 06-01, -1p on 09-15, -1h -3p on 12-31; exited: +1h +3p on 12-31 */
	struct agg_delta want[] = {
		{ 371399100201LL, ST_POOR, 20140101, 1, 3 },
		{ 371399100201LL, ST_POOR, 20140601, 0, 1 },
		{ 371399100201LL, ST_POOR, 20140915, 0, -1 },
		{ 371399100201LL, ST_POOR, 20141231, -1, -3 },
		{ 371399100201LL, ST_EXITED_SUPPORTED, 20141231, 1, 3 },
	};
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].status, want[i].status);
		assert_int_equal(v[i].day, want[i].day);
		assert_int_equal(v[i].dh, want[i].dh);
		assert_int_equal(v[i].dp, want[i].dp);
	}
	/* subtracting the same history leaves nothing */
	agg_household(371399100201LL, st, 2, ms, 4, -1, &v, &n, &cap);
	assert_int_equal(agg_compact(v, n), 0);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_forward_event_closes_the_open_span_and_splits_it),
		cmocka_unit_test(a_same_day_change_leaves_no_empty_span),
		cmocka_unit_test(a_correction_rewrites_everything_from_its_date),
		cmocka_unit_test(a_membership_ends_without_a_new_span),
		cmocka_unit_test(aggregates_count_households_and_member_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
