/* pg_store.c: the PostgreSQL backend against a real server (the cluster named by PGHOST; skipped with 77
 * without one): every statement prepares on both backends, values of every kind come back unchanged through
 * COPY and through INSERT, ids from two connections never collide, an upsert waits for the COPY rows it
 * refers to, and every failure (refused connection, constraint, lost server) is a clear ERR_DB. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/util.h"
#include "store/store.h"
#include "store/stmt.h"
#include "store/store_impl.h"

static char db_name[64], pg_uri[128], sqlite_path[128];

static struct store *
open_pg(void)
{
	struct store *st;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_open(pg_uri, &st, &e) != ERR_OK)
		fail_msg("open %s: %s", pg_uri, e.message);
	return st;
}

static void
add_village(struct store *st)
{
	struct errinfo e;
	struct division d = { 371399100201LL, "东岭村", 5, 371399100000LL, true, 2017, 1200 };
	assert_int_equal(store_division_upsert(st, &d, NULL, &e), ERR_OK);
}

static struct household
household(const char *no)
{
	return (struct household){ .hh_no = (char *)no, .village = 371399100201LL, .status = ST_POOR,
		.attribute = "1", .code_version = 2014, .created_at = 20140105100000LL, .updated_at = 20140105100000LL };
}

static void
every_statement_prepares_on_both_backends(void **state)
{
	const char *uris[2] = { pg_uri, sqlite_path };
	for (int b = 0; b < 2; b++) {
		struct store *st;
		struct errinfo e;
		errinfo_clear(&e);
		assert_int_equal(store_open(uris[b], &st, &e), ERR_OK);
		int failed = 0;
		for (int id = 0; id < STMT__MAX; id++) {
			/* the session database's statements run on the second file on SQLite; on PostgreSQL only the
			 * login counters and the import's presence are asked (the rest has no need there) */
			struct store *on = st;
			bool aux = id >= STMT_AUX_SESSION_GET && id <= STMT_ACTIVITY_DELETE;
			if (aux && b == 1)
				assert_non_null(on = aux_store(st, true, &e));
			else if (aux && b == 0 && id != STMT_LOGIN_FAILURE_GET && id != STMT_LOGIN_FAILURE_SET)
				continue;
			if (!stmt_texts[id].sqlite) {
				/* built per call (the standard tables' facts): every column and join, then the fewest */
				for (int k = 0; k < 8; k++) {
					struct buf sql;
					buf_init(&sql);
					stmt_facts_sql(&sql, k % 4 < 2 ? FF_ALL : 0, k % 2, b == 0, k >= 4);
					if (!on->ops->prepare_text(on, (enum stmt_id)id, sql.p, &e)) {
						print_error("%s: statement %d (%s): %s\n", st->ops->name, id, sql.p, e.message);
						failed++;
					}
					buf_free(&sql);
				}
				continue;
			}
			if (!on->ops->prepare(on, (enum stmt_id)id, &e)) {
				print_error("%s: statement %d (%.60s...): %s\n", st->ops->name, id,
				    stmt_texts[id].pg && b == 0 ? stmt_texts[id].pg : stmt_texts[id].sqlite, e.message);
				failed++;
				/* a failed prepare does not break the connection: go on and list them all */
			}
		}
		store_close(st);
		assert_int_equal(failed, 0);
	}
}

/* Text with every character COPY's text format escapes, NULLs, and large and negative integers. */
static void
values_come_back_unchanged_through_copy_and_insert(void **state)
{
	static const char *const names[] = { "王\t五", "line1\nline2\r\n", "back\\slash \\N", "\\", "引号\"'，",
		"" };
	struct store *st = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	add_village(st);
	struct household h = household("HH-VALUES");
	h.phone = "139\t0539";
	assert_int_equal(store_household_insert(st, &h, &e), ERR_OK);
	int64_t ids[2][NELEM(names)];
	for (int bulk = 0; bulk < 2; bulk++) {
		if (bulk)
			assert_int_equal(store_bulk_begin(st, &e), ERR_OK);
		for (size_t i = 0; i < NELEM(names); i++) {
			struct member m = { .household_id = h.id, .id_no = "371399196003121036", .id_kind = 1,
				.name = (char *)names[i], .sex = "1", .birth = 19600312, .relation = "01",
				.ethnicity = NULL, .work_months = -1, .ins_medical = 1, .ins_serious = 0, .ins_pension = -1,
				.dibao = -1, .tekun = -1, .info_date = 20140101 };
			assert_int_equal(store_member_insert(st, &m, &e), ERR_OK);
			ids[bulk][i] = m.id;
		}
		if (bulk)
			assert_int_equal(store_bulk_end(st, &e), ERR_OK);
	}
	assert_int_equal(store_commit(st, &e), ERR_OK);
	struct arena a;
	arena_init(&a);
	struct household g;
	assert_int_equal(store_household_by_no(st, "HH-VALUES", &g, &a, &e), ERR_OK);
	assert_string_equal(g.phone, "139\t0539");
	assert_null(g.cause_main);
	assert_int_equal(g.created_at, 20140105100000LL);
	for (int bulk = 0; bulk < 2; bulk++)
		for (size_t i = 0; i < NELEM(names); i++) {
			struct member m;
			assert_int_equal(store_member_by_id(st, ids[bulk][i], &m, &a, &e), ERR_OK);
			assert_string_equal(m.name, names[i]);
			assert_null(m.ethnicity);
			assert_int_equal(m.work_months, -1);
			assert_int_equal(m.ins_medical, 1);
			assert_int_equal(m.ins_serious, 0);
			assert_int_equal(m.ins_pension, -1);
			assert_int_equal(m.birth, 19600312);
		}
	arena_free(&a);
	store_close(st);
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static void
ids_from_two_connections_never_collide(void **state)
{
	enum { N = 1500 };   /* several blocks of 512 each */
	struct store *s1 = open_pg(), *s2 = open_pg();
	struct errinfo e;
	int64_t *all = calloc(2 * N, sizeof(*all));
	int64_t last1 = 0, last2 = 0;
	for (int i = 0; i < N; i++) {
		assert_int_equal(s1->ops->next_id(s1, T_EVENT, &all[2 * i], &e), ERR_OK);
		assert_int_equal(s2->ops->next_id(s2, T_EVENT, &all[2 * i + 1], &e), ERR_OK);
		assert_true(all[2 * i] > last1);
		assert_true(all[2 * i + 1] > last2);
		last1 = all[2 * i];
		last2 = all[2 * i + 1];
	}
	qsort(all, 2 * N, sizeof(*all), cmp_i64);
	for (int i = 1; i < 2 * N; i++)
		assert_true(all[i] != all[i - 1]);
	free(all);
	store_close(s1);
	store_close(s2);
}

/* As on SQLite, ids grow in the order transactions commit, whichever connection writes: the history of a
 * household is listed by event id. */
static void
ids_grow_in_commit_order_across_connections(void **state)
{
	struct store *s[2] = { open_pg(), open_pg() };
	struct errinfo e;
	int64_t last = 0;
	for (int i = 0; i < 40; i++) {
		struct store *st = s[i % 2];
		assert_int_equal(store_begin(st, &e), ERR_OK);
		for (int k = 0; k < 1 + i % 3; k++) {
			int64_t id;
			assert_int_equal(st->ops->next_id(st, T_EVENT, &id, &e), ERR_OK);
			assert_true(id > last);
			last = id;
		}
		assert_int_equal(store_commit(st, &e), ERR_OK);
	}
	store_close(s[0]);
	store_close(s[1]);
}

/* income_year refers to household: in bulk mode its upsert must wait until the household's COPY is sent. */
static void
an_upsert_waits_for_the_copy_rows_it_refers_to(void **state)
{
	struct store *st = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	add_village(st);
	assert_int_equal(store_bulk_begin(st, &e), ERR_OK);
	struct household h = household("HH-INCOME");
	assert_int_equal(store_household_insert(st, &h, &e), ERR_OK);
	struct income in = { h.id, 2014, 100, -1, -1, -1, -1, 221000, 3 };
	assert_int_equal(store_income_put(st, &in, &e), ERR_OK);
	in.net_pc = 231000;   /* the second upsert of the same year wins, as on SQLite */
	assert_int_equal(store_income_put(st, &in, &e), ERR_OK);
	assert_int_equal(store_bulk_end(st, &e), ERR_OK);
	assert_int_equal(store_commit(st, &e), ERR_OK);
	struct arena a;
	arena_init(&a);
	struct income *v;
	size_t n;
	assert_int_equal(store_income_of_household(st, h.id, &v, &n, &a, &e), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].net_pc, 231000);
	assert_int_equal(v[0].business, -1);
	arena_free(&a);
	store_close(st);
}

/* Held-back upserts go in pipelines of a few hundred: more than one batch, then one that fails. */
static void
held_back_upserts_run_in_batches_and_report_failures(void **state)
{
	enum { N = 1300 };
	struct store *st = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	msg_set_lang(LANG_EN);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	add_village(st);
	assert_int_equal(store_bulk_begin(st, &e), ERR_OK);
	int64_t last = 0;
	for (int i = 0; i < N; i++) {
		char no[32];
		snprintf(no, sizeof(no), "HH-BATCH-%04d", i);
		struct household h = household(no);
		assert_int_equal(store_household_insert(st, &h, &e), ERR_OK);
		struct income in = { h.id, 2015, -1, -1, -1, -1, -1, 100000 + i, 2 };
		assert_int_equal(store_income_put(st, &in, &e), ERR_OK);
		last = h.id;
	}
	assert_int_equal(store_bulk_end(st, &e), ERR_OK);
	assert_int_equal(store_commit(st, &e), ERR_OK);
	struct arena a;
	arena_init(&a);
	struct income *v;
	size_t n;
	assert_int_equal(store_income_of_household(st, last, &v, &n, &a, &e), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].net_pc, 100000 + N - 1);
	arena_free(&a);

	assert_int_equal(store_begin(st, &e), ERR_OK);
	assert_int_equal(store_bulk_begin(st, &e), ERR_OK);
	struct household h = household("HH-ORPHAN-INCOME");
	assert_int_equal(store_household_insert(st, &h, &e), ERR_OK);
	struct income bad = { 987654321, 2015, -1, -1, -1, -1, -1, 1, 1 };   /* no such household */
	assert_int_equal(store_income_put(st, &bad, &e), ERR_OK);            /* held back */
	assert_int_equal(store_bulk_end(st, &e), ERR_DB);
	assert_non_null(strstr(e.message, "violates foreign key constraint"));
	store_rollback(st);
	bool exists = true;
	assert_int_equal(store_household_no_exists(st, "HH-ORPHAN-INCOME", &exists, &e), ERR_OK);
	assert_false(exists);
	msg_set_lang(LANG_ZH);
	store_close(st);
}

static void
a_refused_connection_is_a_clear_error_without_the_password(void **state)
{
	struct store *st = NULL;
	struct errinfo e;
	errinfo_clear(&e);
	msg_set_lang(LANG_EN);
	assert_int_equal(store_open("postgresql://tuopin:s3cret@127.0.0.1:1/x?connect_timeout=3", &st, &e), ERR_DB);
	assert_null(st);
	assert_int_equal(err_exit_code(e.err), 5);
	assert_non_null(strstr(e.message, "cannot open database postgresql://tuopin:***@127.0.0.1:1/x"));
	assert_non_null(strstr(e.message, "Connection refused"));
	assert_null(strstr(e.message, "s3cret"));
	assert_null(strchr(e.message, '\n'));
	errinfo_clear(&e);
	assert_int_equal(store_open("postgresql:host=/nonexistent password=s3cret dbname=x", &st, &e), ERR_DB);
	assert_non_null(strstr(e.message, "password=***"));
	assert_null(strstr(e.message, "s3cret"));
	msg_set_lang(LANG_ZH);
}

/* A duplicate in a COPY shows at bulk_end; after it nothing commits, and the rows are gone. */
static void
a_constraint_violation_in_copy_fails_the_transaction(void **state)
{
	struct store *st = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	msg_set_lang(LANG_EN);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	add_village(st);
	assert_int_equal(store_bulk_begin(st, &e), ERR_OK);
	struct household h1 = household("HH-DUP"), h2 = household("HH-DUP");
	assert_int_equal(store_household_insert(st, &h1, &e), ERR_OK);
	assert_int_equal(store_household_insert(st, &h2, &e), ERR_OK);
	assert_int_equal(store_bulk_end(st, &e), ERR_DB);
	assert_non_null(strstr(e.message, "database error: duplicate key value violates unique constraint"));
	assert_non_null(strstr(e.message, "(hh_no)=(HH-DUP)"));
	errinfo_clear(&e);
	assert_int_equal(store_commit(st, &e), ERR_DB);
	bool exists = true;
	assert_int_equal(store_household_no_exists(st, "HH-DUP", &exists, &e), ERR_OK);
	assert_false(exists);
	msg_set_lang(LANG_ZH);
	store_close(st);
}

/* Writers take turns, as on SQLite: the second waits for the first, gives up after 10 s with "busy", and
 * its connection is usable again at once. */
static void
a_second_writer_waits_and_then_is_told_busy(void **state)
{
	struct store *s1 = open_pg(), *s2 = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	assert_int_equal(store_begin(s1, &e), ERR_OK);
	time_t t0 = time(NULL);
	assert_int_equal(store_begin(s2, &e), ERR_BUSY);
	assert_true(time(NULL) - t0 >= 9);
	assert_string_equal(e.code, "db_busy");
	store_rollback(s1);
	assert_int_equal(store_begin(s2, &e), ERR_OK);
	int64_t n;
	assert_int_equal(store_household_count(s2, &n, &e), ERR_OK);
	assert_int_equal(store_commit(s2, &e), ERR_OK);
	/* readers never wait for the writer */
	assert_int_equal(store_begin(s1, &e), ERR_OK);
	assert_int_equal(store_household_count(s2, &n, &e), ERR_OK);
	store_rollback(s1);
	store_close(s1);
	store_close(s2);
}

/* The server goes away (its backend is terminated): the next statement is ERR_DB with libpq's reason. */
static void
a_lost_server_is_a_clear_error(void **state)
{
	struct store *st = open_pg(), *killer = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	msg_set_lang(LANG_EN);
	int64_t n;
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);
	/* Ends every other session of this database, as an administrator or a crash would. */
	assert_int_equal(killer->ops->exec(killer, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
	    "WHERE datname = current_database() AND pid <> pg_backend_pid()", &e), ERR_OK);
	store_close(killer);
	assert_int_equal(store_household_count(st, &n, &e), ERR_DB);
	assert_non_null(strstr(e.message, "database error: "));
	assert_non_null(strstr(e.message, "terminat"));
	errinfo_clear(&e);
	assert_int_equal(store_begin(st, &e), ERR_DB);
	assert_true(e.message[0] != '\0');
	msg_set_lang(LANG_ZH);
	store_close(st);
}

/* A read's statements run together in one pipeline, behind its BEGIN: each keeps its own rows, and all of
 * them and the reads after them see the one snapshot the first statement took (a household another connection
 * commits meanwhile is not seen until the read ends). */
static void
statements_run_together_in_one_snapshot(void **state)
{
	struct store *st = open_pg(), *other = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	add_village(st);
	struct household h = household("HH-TOGETHER");
	assert_int_equal(store_household_insert(st, &h, &e), ERR_OK);
	struct income in = { h.id, 2015, 100, -1, -1, -1, -1, 321000, 2 };
	assert_int_equal(store_income_put(st, &in, &e), ERR_OK);
	assert_int_equal(store_commit(st, &e), ERR_OK);
	int64_t before;
	assert_int_equal(store_household_count(st, &before, &e), ERR_OK);

	assert_true(store_read_begin(st, &e));
	struct stmt *q[3] = {
		STMT_BOUND(st, STMT_HH_BY_NO, &e, SQL_TEXT("HH-TOGETHER"), SQL_INT(0), SQL_INT(999999999999LL)),
		STMT_BOUND(st, STMT_INCOME_OF_HH, &e, SQL_INT(h.id)),
		STMT_BOUND(st, STMT_HH_COUNT, &e, SQL_INT(0), SQL_INT(999999999999LL)),
	};
	assert_int_equal(stmt_run_together(st, q, 3, &e), ERR_OK);
	/* another connection commits a household after the snapshot was taken */
	assert_int_equal(store_begin(other, &e), ERR_OK);
	struct household h2 = household("HH-LATER");
	assert_int_equal(store_household_insert(other, &h2, &e), ERR_OK);
	assert_int_equal(store_commit(other, &e), ERR_OK);
	/* read in another order than sent */
	int64_t n;
	assert_int_equal(stmt_int(st, q[2], &n, &e), ERR_OK);
	assert_int_equal(n, before);
	assert_int_equal(st->ops->step(q[1], &e), 1);
	assert_int_equal(st->ops->col_int(q[1], 1), 2015);
	assert_int_equal(st->ops->col_int(q[1], 7), 321000);
	assert_int_equal(st->ops->step(q[1], &e), 0);
	st->ops->reset(q[1]);
	assert_int_equal(st->ops->step(q[0], &e), 1);
	assert_string_equal(st->ops->col_text(q[0], 1), "HH-TOGETHER");
	st->ops->reset(q[0]);
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);
	assert_int_equal(n, before);
	store_read_end(st, true);
	/* the read's COMMIT was not waited for: the next command reads its answer first, and sees the new one */
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);
	assert_int_equal(n, before + 1);
	/* a write transaction right after a read */
	assert_true(store_read_begin(st, &e));
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);
	store_read_end(st, true);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);
	assert_int_equal(n, before + 1);
	assert_int_equal(store_commit(st, &e), ERR_OK);
	/* a read that runs no statement begins and ends nothing */
	assert_true(store_read_begin(st, &e));
	store_read_end(st, true);
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);

	/* the household page's reads, keyed by the number, on both sides of the scope */
	struct arena a;
	arena_init(&a);
	struct household_rows o;
	assert_true(store_read_begin(st, &e));
	assert_int_equal(store_household_rows(st, "HH-TOGETHER", 20161231, &o, &a, &e), ERR_OK);
	assert_int_equal(o.h->id, h.id);
	assert_int_equal(o.n_incomes, 1);
	assert_int_equal(o.incomes[0].net_pc, 321000);
	assert_int_equal(o.n_members, 0);
	assert_int_equal(o.n_events, 0);
	assert_int_equal(store_household_rows(st, "HH-NONE", 20161231, &o, &a, &e), ERR_NOTFOUND);
	assert_string_equal(e.field, "hh_no");
	store_read_end(st, true);
	store_set_scope(st, 371399200000LL);   /* another town */
	errinfo_clear(&e);
	assert_true(store_read_begin(st, &e));
	assert_int_equal(store_household_rows(st, "HH-TOGETHER", 20161231, &o, &a, &e), ERR_NOTFOUND);
	store_read_end(st, true);
	store_set_scope(st, 0);
	arena_free(&a);
	store_close(st);
	store_close(other);
}

/* A statement that fails in a batch fails the batch with its reason, none of the batch keeps rows, and the
 * connection answers the next read. */
static void
a_failing_statement_fails_its_batch(void **state)
{
	struct store *st = open_pg();
	struct errinfo e;
	errinfo_clear(&e);
	msg_set_lang(LANG_EN);
	assert_true(store_read_begin(st, &e));
	struct stmt *q[3] = {
		STMT_BOUND(st, STMT_HH_COUNT, &e, SQL_INT(0), SQL_INT(999999999999LL)),
		STMT_BOUND(st, STMT_HH_BY_ID, &e, SQL_TEXT("not-a-number"), SQL_INT(0), SQL_INT(999999999999LL)),
		STMT_BOUND(st, STMT_HH_BY_NO, &e, SQL_TEXT("HH-TOGETHER"), SQL_INT(0), SQL_INT(999999999999LL)),
	};
	assert_int_equal(stmt_run_together(st, q, 3, &e), ERR_DB);
	assert_non_null(strstr(e.message, "invalid input syntax for type bigint"));
	/* reset: stepped again, it runs again, in the transaction the failure ended */
	errinfo_clear(&e);
	assert_int_equal(st->ops->step(q[0], &e), -1);
	assert_non_null(strstr(e.message, "current transaction is aborted"));
	st->ops->reset(q[0]);
	store_read_end(st, true);
	errinfo_clear(&e);
	int64_t n;
	assert_int_equal(store_household_count(st, &n, &e), ERR_OK);
	assert_true(n > 0);
	msg_set_lang(LANG_ZH);
	store_close(st);
}

int
main(void)
{
	if (!getenv("PGHOST") || !*getenv("PGHOST")) {
		printf("skipped: PGHOST is not set (scripts/test.sh starts a throwaway cluster)\n");
		return 77;
	}
	char cmd[256];
	snprintf(db_name, sizeof(db_name), "tuopin_unit_%d", (int)getpid());
	snprintf(cmd, sizeof(cmd), "createdb %s", db_name);
	if (system(cmd) != 0)
		return 1;
	snprintf(pg_uri, sizeof(pg_uri), "postgresql:///%s", db_name);
	char tmpl[] = "/tmp/tuopin-pgunit.XXXXXX";
	if (!mkdtemp(tmpl))
		return 1;
	snprintf(sqlite_path, sizeof(sqlite_path), "sqlite:%s/t.db", tmpl);
	const char *uris[2] = { pg_uri, sqlite_path };
	for (int b = 0; b < 2; b++) {
		struct store *st;
		struct errinfo e;
		int applied;
		if (store_open(uris[b], &st, &e) != ERR_OK || store_migrate(st, &applied, &e) != ERR_OK) {
			fprintf(stderr, "%s: %s\n", uris[b], e.message);
			return 1;
		}
		store_close(st);
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_statement_prepares_on_both_backends),
		cmocka_unit_test(values_come_back_unchanged_through_copy_and_insert),
		cmocka_unit_test(ids_from_two_connections_never_collide),
		cmocka_unit_test(ids_grow_in_commit_order_across_connections),
		cmocka_unit_test(an_upsert_waits_for_the_copy_rows_it_refers_to),
		cmocka_unit_test(held_back_upserts_run_in_batches_and_report_failures),
		cmocka_unit_test(a_refused_connection_is_a_clear_error_without_the_password),
		cmocka_unit_test(a_constraint_violation_in_copy_fails_the_transaction),
		cmocka_unit_test(a_second_writer_waits_and_then_is_told_busy),
		cmocka_unit_test(a_lost_server_is_a_clear_error),
		cmocka_unit_test(statements_run_together_in_one_snapshot),
		cmocka_unit_test(a_failing_statement_fails_its_batch),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "dropdb --if-exists %s; rm -rf %s", db_name, tmpl);
	if (system(cmd) != 0)
		rc = rc ? rc : 1;
	return rc;
}
