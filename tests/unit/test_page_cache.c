/* test_page_cache.c: the server's cache of rendered household pages: a hit needs the same key and epoch and a
 * village in the asker's scope; an older epoch's entry is dropped, a newer one is not replaced by an older
 * render; the least recently used entries go first when the budget is full; a budget of 0 keeps nothing. */
#include "test.h"

#include <string.h>

#include "http/page_cache.h"

static struct store county, town;   /* only the scope is read */

static bool
get(const char *key, uint64_t epoch, const struct store *st, const char *want)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, ">");
	bool hit = page_cache_get(key, epoch, st, &b);
	if (hit && want)
		assert_string_equal(b.p + 1, want);
	if (!hit)
		assert_string_equal(b.p, ">");   /* a miss leaves the output alone */
	buf_free(&b);
	return hit;
}

static void
hits_need_key_generation_and_scope(void **state)
{
	(void)state;
	store_set_scope(&county, 371399000000LL);
	store_set_scope(&town, 371399100000LL);
	page_cache_init(1 << 20);
	page_cache_put("0|20261129|A1", 7, 371399100201LL, "{\"hh_no\":\"A1\"}", 14);
	page_cache_put("0|20261129|B1", 7, 371399200301LL, "{\"hh_no\":\"B1\"}", 14);
	assert_true(get("0|20261129|A1", 7, &county, "{\"hh_no\":\"A1\"}"));
	assert_true(get("0|20261129|A1", 7, &town, "{\"hh_no\":\"A1\"}"));
	/* B1's village is outside the town: not from the cache (the page itself then answers 404) */
	assert_true(get("0|20261129|B1", 7, &county, "{\"hh_no\":\"B1\"}"));
	assert_false(get("0|20261129|B1", 7, &town, NULL));
	/* another language, date or household is another key */
	assert_false(get("1|20261129|A1", 7, &county, NULL));
	assert_false(get("0|20261128|A1", 7, &county, NULL));
	assert_false(get("0|20261129|A", 7, &county, NULL));
	/* generations (the registry's, schema 0017) have no order, only equality: a request under another one
	 * misses and drops the entry (stale for one of the two), and the last page rendered replaces what was
	 * kept */
	assert_false(get("0|20261129|A1", 6, &county, NULL));
	assert_false(get("0|20261129|A1", 7, &county, NULL));
	page_cache_put("0|20261129|A1", 6, 371399100201LL, "{\"old\":1}", 9);
	assert_true(get("0|20261129|A1", 6, &county, "{\"old\":1}"));
	page_cache_put("0|20261129|A1", 8, 371399100201LL, "{\"hh_no\":\"A1\"}", 14);
	assert_false(get("0|20261129|A1", 6, &county, NULL));
	assert_false(get("0|20261129|A1", 8, &county, NULL));
	struct page_cache_stats s;
	page_cache_stats(&s);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.hits, 4);
	assert_int_equal(s.misses, 8);
	page_cache_clear();
	page_cache_stats(&s);
	assert_int_equal(s.entries, 0);
	assert_int_equal(s.bytes, 0);
}

static void
least_recently_used_go_first(void **state)
{
	(void)state;
	store_set_scope(&county, 371399000000LL);
	char page[1000];
	memset(page, 'x', sizeof(page));
	page_cache_init(3500);   /* room for three entries of about 1,100 bytes */
	page_cache_put("k1", 1, 371399100201LL, page, sizeof(page));
	page_cache_put("k2", 1, 371399100201LL, page, sizeof(page));
	page_cache_put("k3", 1, 371399100201LL, page, sizeof(page));
	assert_true(get("k1", 1, &county, NULL));   /* k1 is now the most recently used */
	page_cache_put("k4", 1, 371399100201LL, page, sizeof(page));
	assert_false(get("k2", 1, &county, NULL));
	assert_true(get("k1", 1, &county, NULL));
	assert_true(get("k3", 1, &county, NULL));
	assert_true(get("k4", 1, &county, NULL));
	struct page_cache_stats s;
	page_cache_stats(&s);
	assert_int_equal(s.entries, 3);
	assert_true(s.bytes <= 3500);
	/* a page larger than the whole budget is not kept */
	char big[4000];
	memset(big, 'y', sizeof(big));
	page_cache_put("big", 1, 371399100201LL, big, sizeof(big));
	assert_false(get("big", 1, &county, NULL));
	assert_true(get("k4", 1, &county, NULL));
	/* off */
	page_cache_init(0);
	page_cache_put("k1", 1, 371399100201LL, page, sizeof(page));
	assert_false(get("k1", 1, &county, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hits_need_key_generation_and_scope),
		cmocka_unit_test(least_recently_used_go_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
