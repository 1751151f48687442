/* test_clock.c: the office's time zone: UTC stamps read and shown in the office's zone, office days as UTC
 * ranges, unknown zones refused. */
#include "test.h"

#include <stdlib.h>

#include "lib/date.h"

static void
shanghai_is_the_default_and_eight_hours_ahead(void **state)
{
	assert_true(tz_set(TZ_DEFAULT));
	assert_string_equal(tz_name(), "Asia/Shanghai");
	int64_t st;
	assert_true(stamp_parse(S("2026-12-05 04:00:00"), false, &st));
	assert_int_equal(st, 20261204200000LL);
	char b[26];
	assert_string_equal(stamp_format(20261204200000LL, b), "2026-12-05 04:00:00");
	assert_string_equal(stamp_format_iso(20261204200000LL, b), "2026-12-05T04:00:00+08:00");
	assert_int_equal(stamp_date(20261231155959LL), 20261231);
	assert_int_equal(stamp_date(20261231160000LL), 20270101);
	assert_int_equal(stamp_day_start(20270101), 20261231160000LL);
	assert_int_equal(stamp_day_end(20261231), 20261231155959LL);
	/* a bare date as the end of its day, in the office's zone */
	assert_true(stamp_parse(S("2018-03-31"), true, &st));
	assert_int_equal(st, 20180331155959LL);
	assert_int_equal(tz_offset(20261204200000LL), 8 * 3600);
}

static void
a_later_change_of_zone_shows_the_same_instant_differently(void **state)
{
	char b[26];
	assert_true(tz_set("UTC"));
	assert_string_equal(stamp_format(20261204200000LL, b), "2026-12-04 20:00:00");
	assert_string_equal(stamp_format_iso(20261204200000LL, b), "2026-12-04T20:00:00+00:00");
	assert_true(tz_set("America/Los_Angeles"));
	assert_string_equal(stamp_format_iso(20261204200000LL, b), "2026-12-04T12:00:00-08:00");
	assert_string_equal(stamp_format_iso(20260704200000LL, b), "2026-07-04T13:00:00-07:00");
	assert_int_equal(stamp_date(20261205070000LL), 20261204);
	/* 02:30 on 2026-03-08 does not exist in Los Angeles: mktime moves it to 03:30 PDT (10:30 UTC) */
	int64_t st;
	assert_true(stamp_parse(S("2026-03-08 02:30:00"), false, &st));
	assert_int_equal(st, 20260308103000LL);
	assert_true(tz_set(TZ_DEFAULT));
}

static void
unknown_zones_are_refused_and_change_nothing(void **state)
{
	assert_true(tz_set("Asia/Shanghai"));
	assert_false(tz_set("Mars/Base"));
	assert_false(tz_set("../../etc/passwd"));
	assert_false(tz_set("/etc/localtime"));
	assert_false(tz_set(""));
	assert_false(tz_set(NULL));
	assert_string_equal(tz_name(), "Asia/Shanghai");
	char b[26];
	assert_string_equal(stamp_format(20261204200000LL, b), "2026-12-05 04:00:00");
}

static void
zones_work_without_the_zone_database(void **state)
{
	/* a machine without tzdata still knows China's zone and UTC */
	setenv("TZDIR", "/nonexistent", 1);
	assert_true(tz_set("Asia/Shanghai"));
	char b[26];
	assert_string_equal(stamp_format_iso(20261204200000LL, b), "2026-12-05T04:00:00+08:00");
	assert_false(tz_set("Europe/Paris"));
	unsetenv("TZDIR");
	assert_true(tz_set("Europe/Paris"));
	assert_true(tz_set(TZ_DEFAULT));
}

static void
epochs_and_stamps_round_trip(void **state)
{
	assert_int_equal(stamp_to_epoch(19700101000000LL), 0);
	assert_int_equal(stamp_from_epoch(1796414400), 20261204200000LL);
	assert_int_equal(stamp_to_epoch(20261204200000LL), 1796414400);
	assert_int_equal(stamp_from_epoch(-1), 19691231235959LL);
}

/* The age shown where the birth day is not: a year more from the month after the birth month, whatever the day
 * asked; 0 for one born in the month asked (it was -1). */
static void
ages_by_month_never_tell_the_day(void **state)
{
	(void)state;
	assert_int_equal(date_age_by_month(19571227, 20251201), 67);
	assert_int_equal(date_age_by_month(19571227, 20251226), 67);
	assert_int_equal(date_age_by_month(19571227, 20251227), 67);
	assert_int_equal(date_age_by_month(19571227, 20251231), 67);
	assert_int_equal(date_age_by_month(19571227, 20260101), 68);
	assert_int_equal(date_age_by_month(19570101, 20250101), 67);
	assert_int_equal(date_age_by_month(19570101, 20250201), 68);
	assert_int_equal(date_age_by_month(20261203, 20261207), 0);
	assert_int_equal(date_age_by_month(20261203, 20261231), 0);
	assert_int_equal(date_age_by_month(20261203, 20270101), 0);
	assert_int_equal(date_age_by_month(20261203, 20271231), 0);
	assert_int_equal(date_age_by_month(20261203, 20280101), 1);
	/* the exact age, for comparison: it moves on the day */
	assert_int_equal(date_age(19571227, 20251226), 67);
	assert_int_equal(date_age(19571227, 20251227), 68);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shanghai_is_the_default_and_eight_hours_ahead),
		cmocka_unit_test(a_later_change_of_zone_shows_the_same_instant_differently),
		cmocka_unit_test(unknown_zones_are_refused_and_change_nothing),
		cmocka_unit_test(zones_work_without_the_zone_database),
		cmocka_unit_test(epochs_and_stamps_round_trip),
		cmocka_unit_test(ages_by_month_never_tell_the_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
