/* test_status.c: the state machine, every (event, status) pair: allowed ones and their result, refused ones. */
#include "test.h"

#include "domain/status.h"

#define N ST_NONE
#define P ST_POOR
#define R ST_RETURNED
#define S_ ST_EXITED_SUPPORTED
#define U ST_EXITED_UNSUPPORTED
#define X ST_REMOVED
#define C ST_CANCELLED
#define O ST_ORDINARY
#define NO (-1)

/* expected[event][status at E] = the status after, or NO if refused */
static const int expected[EV__MAX][ST__MAX] = {
	/*                     NONE  POOR  RET   EXS   EXU   REM   CAN   ORD */
	[EV_IDENTIFY] =       { P,    NO,   NO,   NO,   NO,   NO,   NO,   NO },
	[EV_INCLUDE_MISSED] = { P,    NO,   NO,   NO,   NO,   NO,   NO,   NO },
	[EV_EXIT] =           { NO,   S_,   S_,   NO,   NO,   NO,   NO,   NO },
	[EV_POLICY_END] =     { NO,   NO,   NO,   U,    NO,   NO,   NO,   NO },
	[EV_POLICY_RESUME] =  { NO,   NO,   NO,   NO,   S_,   NO,   NO,   NO },
	[EV_RETURN] =         { NO,   NO,   NO,   R,    R,    NO,   NO,   NO },
	[EV_REMOVE] =         { NO,   X,    X,    X,    X,    NO,   NO,   NO },
	[EV_CLEAR] =          { NO,   X,    X,    X,    X,    NO,   NO,   NO },
	[EV_CANCEL] =         { NO,   C,    C,    C,    C,    NO,   NO,   NO },
	[EV_MEMBER_ADD] =     { NO,   P,    R,    S_,   U,    NO,   NO,   O  },
	[EV_MEMBER_REMOVE] =  { NO,   P,    R,    S_,   U,    NO,   NO,   O  },
	[EV_SPLIT] =          { NO,   P,    R,    S_,   U,    NO,   NO,   NO },
	[EV_MERGE] =          { NO,   P,    R,    S_,   U,    NO,   NO,   NO },
	[EV_MONITOR_IN] =     { NO,   P,    R,    S_,   U,    NO,   NO,   O  },
	[EV_RISK_ELIMINATE] = { NO,   P,    R,    S_,   U,    NO,   NO,   O  },
	[EV_ENROL] =          { O,    NO,   NO,   NO,   NO,   NO,   NO,   NO },
	[EV_DATA_FIX] =       { NO,   P,    R,    S_,   U,    X,    C,   O  },
};

static void
every_transition(void **state)
{
	int allowed = 0, refused = 0;
	for (int t = 0; t < EV__MAX; t++)
		for (int s = 0; s < ST__MAX; s++) {
			enum status to = ST__MAX;
			bool ok = status_allows((enum evtype)t, (enum status)s, &to);
			if (expected[t][s] == NO) {
				if (ok)
					fail_msg("%s from %s should be refused", evtype_code(t), status_code(s));
				refused++;
			} else {
				if (!ok)
					fail_msg("%s from %s should be allowed", evtype_code(t), status_code(s));
				assert_int_equal(to, expected[t][s]);
				allowed++;
			}
		}
	assert_int_equal(allowed, 56);
	assert_int_equal(refused, 80);
}

static void
initial_statuses_of_an_import(void **state)
{
	assert_true(status_initial_ok(EV_IDENTIFY, ST_POOR));
	assert_true(status_initial_ok(EV_IDENTIFY, ST_EXITED_UNSUPPORTED));
	assert_false(status_initial_ok(EV_IDENTIFY, ST_REMOVED));
	assert_false(status_initial_ok(EV_IDENTIFY, ST_CANCELLED));
	assert_true(status_initial_ok(EV_INCLUDE_MISSED, ST_POOR));
	assert_false(status_initial_ok(EV_INCLUDE_MISSED, ST_RETURNED));
	assert_false(status_initial_ok(EV_EXIT, ST_POOR));
	/* an ordinary household (一般农户) in a registry sheet is entered as such */
	assert_true(status_initial_ok(EV_IDENTIFY, ST_ORDINARY));
	assert_false(status_initial_ok(EV_INCLUDE_MISSED, ST_ORDINARY));
}

static void
groups_of_statuses(void **state)
{
	assert_true(status_current_poor(ST_POOR));
	assert_true(status_current_poor(ST_RETURNED));
	assert_false(status_current_poor(ST_EXITED_SUPPORTED));
	assert_true(status_registered(ST_EXITED_UNSUPPORTED));
	assert_false(status_registered(ST_REMOVED));
	assert_false(status_registered(ST_NONE));
	assert_false(status_registered(ST_ORDINARY));
	assert_true(status_live(ST_ORDINARY));
	assert_false(status_current_poor(ST_ORDINARY));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_transition),
		cmocka_unit_test(initial_statuses_of_an_import),
		cmocka_unit_test(groups_of_statuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
