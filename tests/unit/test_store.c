/* test_store.c: counting through the domain on a real SQLite database: households and persons by status
 * on a date, as now known and as recorded, from the maintained aggregates and from the spans alike. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/registry.h"
#include "domain/report.h"
#include "domain/tables.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/util.h"
#include "store/store_impl.h"
#include "view/view.h"

static char dbpath[64];

static struct store *
fresh(void)
{
	snprintf(dbpath, sizeof(dbpath), "/tmp/tuopin-unit-%d.db", (int)getpid());
	unlink(dbpath);
	struct store *st;
	struct errinfo e;
	int applied;
	assert_int_equal(store_open(dbpath, &st, &e), ERR_OK);
	assert_int_equal(store_migrate(st, &applied, &e), ERR_OK);
	struct division d[] = {
		{ 371399000000LL, "示例县", LV_COUNTY, 0, false, 0, -1 },
		{ 371399100000LL, "东岭镇", LV_TOWN, 371399000000LL, false, 0, -1 },
		{ 371399100201LL, "东岭村", LV_VILLAGE, 371399100000LL, true, 2017, 1320 },
	};
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(store_division_upsert(st, &d[i], NULL, &e), ERR_OK);
	return st;
}

static struct member
person(const char *id, const char *name, const char *rel, const char *sex)
{
	struct member m = { 0 };
	m.id_no = (char *)id;
	m.name = (char *)name;
	m.relation = (char *)rel;
	m.sex = (char *)sex;
	m.work_months = m.ins_medical = m.ins_serious = m.ins_pension = m.dibao = m.tekun = -1;
	return m;
}

static void
totals(struct store *st, int day, int64_t rec, enum group g, int64_t h, int64_t p)
{
	struct arena a;
	struct errinfo e;
	struct stats_result r;
	arena_init(&a);
	struct stats_query q = { day, rec, 0, BY_CHILDREN };
	assert_int_equal(stats_compute(st, &q, &r, &a, &e), ERR_OK);
	if (r.totals.h[g] != h || r.totals.p[g] != p)
		fail_msg("%s on %d: %lld/%lld, expected %lld/%lld", group_key(g), day, (long long)r.totals.h[g],
		    (long long)r.totals.p[g], (long long)h, (long long)p);
	arena_free(&a);
}

static void
counting_follows_history(void **state)
{
	struct store *st = fresh();
	struct errinfo e;
	struct txn t;
	assert_int_equal(txn_begin(&t, st, 20140105100000LL, "test", &e), ERR_OK);
	struct household h = { 0 };
	h.hh_no = "A1";
	h.village = 371399100201LL;
	h.status = ST_POOR;
	h.code_version = 2014;
	struct member m[] = { person("371399196203040011", "张建国", "01", "1"),
		person("371399196408110028", "李秀英", "02", "2") };
	assert_int_equal(household_create(&t, &h, m, 2, EV_IDENTIFY, 20140101, NULL, NULL, NULL, NULL, &e), ERR_OK);
	assert_int_equal(txn_commit(&t, &e), ERR_OK);

	assert_int_equal(txn_begin(&t, st, 20150110100000LL, "test", &e), ERR_OK);
	struct event_req r = { .type = EV_EXIT, .hh_no = "A1", .effective = 20141231 };
	assert_int_equal(event_record(&t, &r, NULL, &e), ERR_OK);
	struct member baby = person("371399201406010019", "张小宝", "07", "1");
	struct event_req add = { .type = EV_MEMBER_ADD, .hh_no = "A1", .effective = 20140601, .reason = "新生儿",
		.member = &baby };
	/* before the exit of 2014-12-31, so it must be a correction */
	assert_int_equal(event_record(&t, &add, NULL, &e), ERR_CONFLICT);
	assert_string_equal(e.code, "correction_required");
	add.correction = true;
	assert_int_equal(event_record(&t, &add, NULL, &e), ERR_OK);
	assert_int_equal(txn_commit(&t, &e), ERR_OK);

	totals(st, 20131231, 0, G_REGISTERED, 0, 0);
	totals(st, 20140101, 0, G_POOR, 1, 2);
	totals(st, 20140601, 0, G_POOR, 1, 3);
	totals(st, 20141230, 0, G_POOR, 1, 3);
	totals(st, 20141231, 0, G_POOR, 0, 0);
	totals(st, 20141231, 0, G_EXITED_SUPPORTED, 1, 3);
	totals(st, 20141231, 0, G_REGISTERED, 1, 3);
	/* as recorded before the 2015 recording: still poor with two persons */
	totals(st, 20141231, 20141231235959LL, G_POOR, 1, 2);
	totals(st, 20141231, 20141231235959LL, G_EXITED, 0, 0);

	/* aggregates and spans agree at every day */
	struct arena a;
	arena_init(&a);
	int days[] = { 20140101, 20140531, 20140601, 20141231, 20200101 };
	for (size_t i = 0; i < 5; i++) {
		struct stat_cell *x, *y;
		size_t nx, ny;
		assert_int_equal(store_stats(st, days[i], 0, 0, 999999999999LL, &x, &nx, &a, &e), ERR_OK);
		assert_int_equal(store_stats_scan(st, days[i], 0, 0, 999999999999LL, &y, &ny, &a, &e), ERR_OK);
		assert_int_equal(nx, ny);
		for (size_t k = 0; k < nx; k++) {
			bool found = false;
			for (size_t j = 0; j < ny; j++)
				if (y[j].village == x[k].village && y[j].status == x[k].status) {
					assert_int_equal(y[j].households, x[k].households);
					assert_int_equal(y[j].persons, x[k].persons);
					found = true;
				}
			assert_true(found);
		}
	}
	arena_free(&a);

	/* the clock cannot go backwards */
	assert_int_equal(txn_begin(&t, st, 20150101000000LL, "test", &e), ERR_INVALID);
	assert_string_equal(e.code, "clock_backwards");
	store_close(st);
	unlink(dbpath);
}

static void
out_of_scope_is_not_found(void **state)
{
	struct store *st = fresh();
	struct errinfo e;
	struct txn t;
	assert_int_equal(txn_begin(&t, st, 20140105100000LL, "test", &e), ERR_OK);
	struct household h = { 0 };
	h.hh_no = "A1";
	h.village = 371399100201LL;
	h.status = ST_POOR;
	struct member m[] = { person("371399196203040011", "张建国", "01", "1") };
	assert_int_equal(household_create(&t, &h, m, 1, EV_IDENTIFY, 20140101, NULL, NULL, NULL, NULL, &e), ERR_OK);
	assert_int_equal(txn_commit(&t, &e), ERR_OK);
	struct arena a;
	arena_init(&a);
	struct household got;
	store_set_scope(st, 371399100000LL);
	assert_int_equal(store_household_by_no(st, "A1", &got, &a, &e), ERR_OK);
	store_set_scope(st, 371399200000LL);
	assert_int_equal(store_household_by_no(st, "A1", &got, &a, &e), ERR_NOTFOUND);
	struct stat_cell *c;
	size_t n;
	assert_int_equal(store_stats(st, 20150101, 0, 0, 999999999999LL, &c, &n, &a, &e), ERR_OK);
	assert_int_equal(n, 0);
	arena_free(&a);
	store_close(st);
	unlink(dbpath);
}

/* store_snapshot_epoch on two connections to one file: a snapshot that sees what the last one asked on its
 * connection saw keeps the epoch read when it began; one that sees a change, made here or on the other
 * connection, answers false and moves the epoch on; a snapshot that writes stops answering true. */
static void
snapshot_epoch_follows_changes(void **state)
{
	(void)state;
	struct store *st = fresh(), *other;
	struct errinfo e;
	uint64_t e1, e2, x;
	assert_int_equal(store_open(dbpath, &other, &e), ERR_OK);
	/* outside a snapshot: no */
	assert_false(store_snapshot_epoch(st, &x));
	/* the first question on a connection: no (nothing to compare with) */
	assert_true(store_read_begin(st, &e));
	assert_false(store_snapshot_epoch(st, &x));
	store_read_end(st, true);
	/* nothing changed since: yes, twice in the same snapshot, with the same epoch */
	assert_true(store_read_begin(st, &e));
	assert_true(store_snapshot_epoch(st, &e1));
	assert_true(store_snapshot_epoch(st, &x));
	assert_int_equal(x, e1);
	/* the other connection commits a change while this snapshot is open: it still answers for what it
	 * sees, under its epoch */
	assert_int_equal(store_begin(other, &e), ERR_OK);
	assert_int_equal(store_meta_set(other, "probe", "1", &e), ERR_OK);
	assert_int_equal(store_commit(other, &e), ERR_OK);
	assert_true(store_snapshot_epoch(st, &x));
	assert_int_equal(x, e1);
	store_read_end(st, true);
	/* the next snapshot sees the change: no, and the epoch moves on; the one after: yes, later epoch */
	assert_true(store_read_begin(st, &e));
	assert_false(store_snapshot_epoch(st, &x));
	store_read_end(st, true);
	assert_true(store_read_begin(st, &e));
	assert_true(store_snapshot_epoch(st, &e2));
	assert_true(e2 > e1);
	store_read_end(st, true);
	/* a change made on this very connection counts too */
	assert_int_equal(store_begin(st, &e), ERR_OK);
	assert_int_equal(store_meta_set(st, "probe", "2", &e), ERR_OK);
	assert_int_equal(store_commit(st, &e), ERR_OK);
	assert_true(store_read_begin(st, &e));
	assert_false(store_snapshot_epoch(st, &x));
	store_read_end(st, true);
	assert_true(store_read_begin(st, &e));
	assert_true(store_snapshot_epoch(st, &e1));
	assert_true(e1 > e2);
	/* a write inside the snapshot (a session touched by a GET): no longer */
	assert_int_equal(store_meta_set(st, "probe", "3", &e), ERR_OK);
	assert_false(store_snapshot_epoch(st, &x));
	store_read_end(st, true);
	store_close(other);
	store_close(st);
	unlink(dbpath);
}

/* Table 0's registered households and persons for the county, through the engine; how it read them. */
static enum table_read
table0(struct store *st, double *h, double *p)
{
	struct arena a;
	struct errinfo e;
	struct table_result r;
	arena_init(&a);
	struct table_query q = { .as_of = 20141231, .by = BY_VILLAGE, .universe = -1 };
	assert_int_equal(table_compute(st, table_def_find("0"), &q, &r, &a, &e), ERR_OK);
	*h = r.total.v[0];
	*p = r.total.v[1];
	arena_free(&a);
	return r.read;
}

static void
add_household(struct store *st, int64_t now, const char *no, int64_t village, const char *id1, const char *id2,
    bool commit, struct txn *t)
{
	struct errinfo e;
	assert_int_equal(txn_begin(t, st, now, "test", &e), ERR_OK);
	struct household h = { 0 };
	h.hh_no = (char *)no;
	h.village = village;
	h.status = ST_POOR;
	h.code_version = 2014;
	struct member m[] = { person(id1, "甲", "01", "1"), person(id2, "乙", "02", "2") };
	assert_int_equal(household_create(t, &h, m, id2 ? 2 : 1, EV_IDENTIFY, 20140101, NULL, NULL, NULL, NULL, &e),
	    ERR_OK);
	if (commit)
		assert_int_equal(txn_commit(t, &e), ERR_OK);
}

/* A large range is read in two halves on two connections at once (TUOPIN_TABLE_PARALLEL_MIN=0 takes that path
 * here); the halves count only if both saw the same registry. Inside a write transaction the second connection
 * does not see the uncommitted household: the engine must notice and read the whole range again here. */
static void
tables_read_in_two_halves(void **state)
{
	struct store *st = fresh();
	struct errinfo e;
	struct division d = { 371399100202LL, "西岭村", LV_VILLAGE, 371399100000LL, false, 0, 980 };
	assert_int_equal(store_division_upsert(st, &d, NULL, &e), ERR_OK);
	struct txn t;
	add_household(st, 20140105100000LL, "A1", 371399100201LL, "371399196203040011", "371399196408110028", true, &t);
	add_household(st, 20140105100001LL, "B1", 371399100202LL, "371399197001010019", "371399197202020026", true, &t);
	/* committed: 2 households, 4 persons, in one pass (a small range) and in two halves */
	double h, p;
	unsetenv("TUOPIN_TABLE_PARALLEL_MIN");
	assert_int_equal(table0(st, &h, &p), TR_ONE_PASS);
	assert_true(h == 2 && p == 4);
	setenv("TUOPIN_TABLE_PARALLEL_MIN", "0", 1);
	assert_int_equal(table0(st, &h, &p), TR_HALVES);
	assert_true(h == 2 && p == 4);
	/* B2 is written but not committed: this connection counts it, the second one cannot see it */
	add_household(st, 20140106100000LL, "B2", 371399100202LL, "371399198003030017", NULL, false, &t);
	assert_int_equal(table0(st, &h, &p), TR_HALVES_AGAIN);
	if (h != 3 || p != 5)
		fail_msg("inside the transaction: %g households, %g persons, expected 3 and 5", h, p);
	txn_rollback(&t);
	/* a read snapshot (an API request's) that another connection's commit has overtaken: the table says what the
	 * snapshot sees, read again in it */
	struct store *other;
	assert_int_equal(store_open(dbpath, &other, &e), ERR_OK);
	assert_true(store_read_begin(st, &e));
	assert_int_equal(table0(st, &h, &p), TR_HALVES);
	add_household(other, 20140107100000LL, "B3", 371399100202LL, "371399198504040015", NULL, true, &t);
	assert_int_equal(table0(st, &h, &p), TR_HALVES_AGAIN);
	if (h != 2 || p != 4)
		fail_msg("in the older snapshot: %g households, %g persons, expected 2 and 4", h, p);
	store_read_end(st, true);
	assert_int_equal(table0(st, &h, &p), TR_HALVES);
	assert_true(h == 3 && p == 5);
	store_close(other);
	unsetenv("TUOPIN_TABLE_PARALLEL_MIN");
	store_close(st);
	unlink(dbpath);
}

/* view_stats_write gives JSON that jansson reads and writes back compact to the same bytes, for every way of
 * cutting the stats, as now known and as recorded, with a missed day and a name to escape; the name and the
 * counts read back are the ones counted. */
static void
stats_written_as_jansson_writes_them(void **state)
{
	(void)state;
	struct store *st = fresh();
	struct errinfo e;
	struct division d = { 371399100202LL, "西岭村 \"新\"\\二组", LV_VILLAGE, 371399100000LL, false, 0, -1 };
	assert_int_equal(store_division_upsert(st, &d, NULL, &e), ERR_OK);
	struct txn t;
	add_household(st, 20140105100000LL, "A1", 371399100201LL, "371399196203040011", "371399196408110028", true, &t);
	add_household(st, 20140105100001LL, "B1", 371399100202LL, "371399197001010019", NULL, true, &t);
	static const enum by bys[] = { BY_CHILDREN, BY_TOWN, BY_VILLAGE, BY_CAUSE, BY_ATTRIBUTE };
	static const int days[] = { 20131231, 20140105, 20181008 };
	int escaped = 0;   /* answers holding the name to escape */
	for (size_t b = 0; b < NELEM(bys); b++)
		for (size_t k = 0; k < NELEM(days); k++)
			for (int rec = 0; rec < 2; rec++) {
				struct arena a;
				arena_init(&a);
				struct stats_query q = { days[k], rec ? 20140105100000LL : 0, 0, bys[b] };
				struct stats_result r;
				assert_int_equal(stats_compute(st, &q, &r, &a, &e), ERR_OK);
				struct buf got;
				buf_init(&got);
				view_stats_write(&got, &r, 0);
				json_t *j = json_loadb(got.p, got.n, 0, NULL);
				assert_non_null(j);
				char *again = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
				buf_putc(&got, '\0');
				if (strcmp(got.p, again) != 0)
					fail_msg("by %d on %d%s:\n%s\n%s", (int)bys[b], days[k], rec ? " as recorded" : "", got.p, again);
				json_t *totals = json_object_get(j, "totals"), *rows = json_object_get(j, "rows");
				for (int g = 0; g < G__MAX; g++) {
					json_t *c = json_object_get(totals, group_key((enum group)g));
					assert_int_equal(json_integer_value(json_object_get(c, "households")), r.totals.h[g]);
					assert_int_equal(json_integer_value(json_object_get(c, "persons")), r.totals.p[g]);
				}
				assert_int_equal(json_array_size(rows), r.n_rows);
				for (size_t i = 0; i < r.n_rows; i++)
					assert_string_equal(json_string_value(json_object_get(json_array_get(rows, i), "name")),
					    r.rows[i].d.name ? r.rows[i].d.name : "");
				escaped += bys[b] == BY_VILLAGE && r.n_rows == 2 && strcmp(r.rows[1].d.name, d.name) == 0;
				/* indented, the CLI's: as jansson indents the same tree */
				struct buf pretty;
				buf_init(&pretty);
				view_stats_write(&pretty, &r, 2);
				buf_putc(&pretty, '\0');
				char *want = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
				assert_string_equal(pretty.p, want);
				free(want);
				buf_free(&pretty);
				json_decref(j);
				buf_free(&got);
				free(again);
				arena_free(&a);
			}
	assert_true(escaped > 0);
	store_close(st);
	unlink(dbpath);
}

/* villages_between (which picks a list's plan) counts the villages of a range by bisection: the same counts as a
 * walk of the tree, and again after the tree changes */
static void
villages_counted_by_range(void **state)
{
	(void)state;
	struct store *st = fresh();
	struct errinfo e;
	struct division d[] = {
		{ 371399100202LL, "西岭村", LV_VILLAGE, 371399100000LL, false, 0, -1 },
		{ 371399200000LL, "南山镇", LV_TOWN, 371399000000LL, false, 0, -1 },
		{ 371399200201LL, "南山村", LV_VILLAGE, 371399200000LL, false, 0, -1 },
	};
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(store_division_upsert(st, &d[i], NULL, &e), ERR_OK);
	assert_int_equal(villages_between(st, 0, INT64_MAX), 3);
	assert_int_equal(villages_between(st, 371399000000LL, 371399999999LL), 3);
	assert_int_equal(villages_between(st, 371399100000LL, 371399199999LL), 2);
	assert_int_equal(villages_between(st, 371399100202LL, 371399100202LL), 1);
	assert_int_equal(villages_between(st, 371399200000LL, 371399299999LL), 1);
	assert_int_equal(villages_between(st, 371399300000LL, 371399399999LL), 0);
	assert_int_equal(villages_between(st, 371399199999LL, 371399100000LL), 0);
	assert_int_equal(villages_between(st, 0, 371399000000LL), 0);
	struct division more = { 371399200202LL, "北山村", LV_VILLAGE, 371399200000LL, false, 0, -1 };
	assert_int_equal(store_division_upsert(st, &more, NULL, &e), ERR_OK);
	assert_int_equal(villages_between(st, 0, INT64_MAX), 4);
	assert_int_equal(villages_between(st, 371399200000LL, 371399299999LL), 2);
	store_close(st);
	unlink(dbpath);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counting_follows_history),
		cmocka_unit_test(out_of_scope_is_not_found),
		cmocka_unit_test(snapshot_epoch_follows_changes),
		cmocka_unit_test(tables_read_in_two_halves),
		cmocka_unit_test(stats_written_as_jansson_writes_them),
		cmocka_unit_test(villages_counted_by_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
