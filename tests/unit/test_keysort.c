/* test_keysort.c: the keys that occur more than once, found by sorted runs spilled to a temporary file and
 * merged, are exactly those a count in memory finds, whatever the size of the runs. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/keysort.h"

struct got {
	char (*v)[KEYSORT_MAX];
	size_t n;
};

static void
collect(const char *key, void *arg)
{
	struct got *g = arg;
	snprintf(g->v[g->n++], KEYSORT_MAX, "%s", key);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* n keys drawn from a pool of `pool` 18-character numbers with a fixed seed; the duplicates through runs of
 * `run` keys against the duplicates of the keys sorted in memory. */
static void
same_as_in_memory(size_t n, size_t pool, size_t run, size_t want_runs)
{
	char (*all)[KEYSORT_MAX] = calloc(n, KEYSORT_MAX);
	struct keysort *k = keysort_new(run);
	unsigned long long x = 88172645463325252ULL;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		snprintf(all[i], KEYSORT_MAX, "3713991960%08llu", x % pool);
		assert_true(keysort_add(k, all[i]));
	}
	struct got g = { calloc(n + 1, KEYSORT_MAX), 0 };
	assert_true(keysort_dups(k, collect, &g));
	assert_int_equal(keysort_runs(k), want_runs);
	keysort_free(k);
	qsort(all, n, KEYSORT_MAX, cmp);
	size_t m = 0;
	for (size_t i = 1; i < n; i++)
		if (strcmp(all[i], all[i - 1]) == 0 && (i < 2 || strcmp(all[i - 1], all[i - 2]) != 0)) {
			if (m >= g.n || strcmp(g.v[m], all[i]) != 0)
				fail_msg("duplicate %zu: %s expected, %s found", m, all[i], m < g.n ? g.v[m] : "nothing");
			m++;
		}
	assert_int_equal(g.n, m);
	assert_true(m > 0);
	free(all);
	free(g.v);
}

static void
in_memory(void **state)
{
	(void)state;
	same_as_in_memory(5000, 20000, 10000, 0);
}

static void
spilled_runs(void **state)
{
	(void)state;
	same_as_in_memory(5000, 20000, 7, 715);       /* 714 full runs and the rest */
	same_as_in_memory(100000, 60000, 4096, 25);   /* merged through several chunks a run */
	same_as_in_memory(9, 3, 2, 5);
}

static void
none_or_all(void **state)
{
	(void)state;
	struct keysort *k = keysort_new(3);
	const char *keys[] = { "b", "a", "c", "d", "e", "f", "g" };
	for (size_t i = 0; i < 7; i++)
		assert_true(keysort_add(k, keys[i]));
	struct got g = { calloc(8, KEYSORT_MAX), 0 };
	assert_true(keysort_dups(k, collect, &g));
	assert_int_equal(g.n, 0);
	keysort_free(k);
	k = keysort_new(2);
	for (size_t i = 0; i < 7; i++)
		assert_true(keysort_add(k, "same"));
	assert_true(keysort_dups(k, collect, &g));
	assert_int_equal(g.n, 1);
	assert_string_equal(g.v[0], "same");
	keysort_free(k);
	free(g.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(in_memory),
		cmocka_unit_test(spilled_runs),
		cmocka_unit_test(none_or_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
