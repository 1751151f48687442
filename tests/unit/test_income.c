/* test_income.c: income arithmetic in fen. */
#include <stdio.h>

#include "test.h"

#include "domain/income.h"
#include "lib/util.h"

static void
net_per_capita_rounds_to_the_fen(void **state)
{
	struct income in = { .wage = 600000, .business = 300000, .property = 12345, .transfer = 80000,
		.business_cost = 120000, .net_pc = -1 };
	bool complete;
	assert_int_equal(income_total(&in, &complete), 992345);
	assert_true(complete);
	assert_int_equal(income_net(&in, &complete), 872345);
	int64_t pc;
	assert_true(income_net_pc(&in, 3, &pc));
	assert_int_equal(pc, 290782);          /* 872345 / 3 = 290781.67 -> 290782 fen = 2907.82 元 */
	assert_true(income_net_pc(&in, 4, &pc));
	assert_int_equal(pc, 218086);          /* 218086.25 */
	assert_false(income_net_pc(&in, 0, &pc));
}

static void
unknown_components_count_as_zero_and_say_so(void **state)
{
	struct income in = { .wage = 500000, .business = -1, .property = -1, .transfer = 20000, .business_cost = -1 };
	bool complete = true;
	assert_int_equal(income_net(&in, &complete), 520000);
	assert_false(complete);
}

static void
losses_round_away_from_zero(void **state)
{
	assert_int_equal(div_round(-5, 2), -3);
	assert_int_equal(div_round(5, 2), 3);
	assert_int_equal(div_round(4, 3), 1);
	struct income in = { .wage = 0, .business = 100000, .property = 0, .transfer = 0, .business_cost = 250000 };
	int64_t pc;
	assert_true(income_net_pc(&in, 4, &pc));
	assert_int_equal(pc, -37500);
}

/* a report's percentage is 四舍五入: 5/32 = 15.625 % is 15.63 (printf's %.2f gave 15.62, the half to the even
 * digit), 1/32 = 3.125 % 3.13; a half a binary fraction holds a hair below (1.005) is still a half */
static void
percentages_round_half_up(void **state)
{
	char b[32];
	snprintf(b, sizeof(b), "%.2f", round_half_up(5.0 / 32 * 100, 2));
	assert_string_equal(b, "15.63");
	snprintf(b, sizeof(b), "%.2f", round_half_up(1.0 / 32 * 100, 2));
	assert_string_equal(b, "3.13");
	snprintf(b, sizeof(b), "%.2f", round_half_up(1.005, 2));
	assert_string_equal(b, "1.01");
	snprintf(b, sizeof(b), "%.2f", round_half_up(-2.345, 2));
	assert_string_equal(b, "-2.35");
	snprintf(b, sizeof(b), "%.0f", round_half_up(2.5, 0));
	assert_string_equal(b, "3");
	snprintf(b, sizeof(b), "%.2f", round_half_up(1.0 / 3 * 100, 2));
	assert_string_equal(b, "33.33");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(net_per_capita_rounds_to_the_fen),
		cmocka_unit_test(unknown_components_count_as_zero_and_say_so),
		cmocka_unit_test(losses_round_away_from_zero),
		cmocka_unit_test(percentages_round_half_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
