/* sqlite_ceiling.c: the ceiling of the SQLite import benchmark (bench/sqlite_import.sh). Reads every row that
 * `tuopin import registry` wrote into SRC (households, members, spans, events, income, aggregates) into
 * memory, then inserts them into DST (a fresh database with the same schema, its divisions copied) with one
 * prepared INSERT per table, binding each value, in one transaction, with the pragmas Tuopin itself uses.
 * Only the insert phase is timed: it is the least any importer of these rows into these tables and indexes
 * must spend. Prints "ROWS SECONDS".
 *   sqlite_ceiling SRC.db DST.db */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const tables[] = { "household", "member", "household_status_span", "membership_span",
	"change_event", "income_year", "stat_delta", "stat_rollup" };

struct table_rows {
	int n_cols;
	size_t n_rows;
	sqlite3_value **v;   /* n_rows * n_cols */
};

static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "sqlite_ceiling: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(1);
}

static void
load(sqlite3 *db, const char *table, struct table_rows *t)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT * FROM %s", table);
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		die(db, sql);
	t->n_cols = sqlite3_column_count(q);
	size_t cap = 1024;
	t->n_rows = 0;
	t->v = malloc(cap * (size_t)t->n_cols * sizeof(*t->v));
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (t->n_rows == cap) {
			cap *= 2;
			t->v = realloc(t->v, cap * (size_t)t->n_cols * sizeof(*t->v));
		}
		for (int i = 0; i < t->n_cols; i++)
			t->v[t->n_rows * (size_t)t->n_cols + (size_t)i] = sqlite3_value_dup(sqlite3_column_value(q, i));
		t->n_rows++;
	}
	sqlite3_finalize(q);
}

static void
exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(db, sql);
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: sqlite_ceiling SRC.db DST.db\n");
		return 2;
	}
	sqlite3 *src, *dst;
	if (sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(src, argv[1]);
	if (sqlite3_open(argv[2], &dst) != SQLITE_OK)
		die(dst, argv[2]);
	size_t nt = sizeof(tables) / sizeof(tables[0]);
	struct table_rows rows[sizeof(tables) / sizeof(tables[0])];
	for (size_t i = 0; i < nt; i++)
		load(src, tables[i], &rows[i]);
	exec(dst, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
		  "PRAGMA cache_size = -65536");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	exec(dst, "BEGIN");
	size_t total = 0;
	for (size_t i = 0; i < nt; i++) {
		struct table_rows *t = &rows[i];
		char sql[1024];
		int k = snprintf(sql, sizeof(sql), "INSERT INTO %s VALUES (", tables[i]);
		for (int c = 0; c < t->n_cols; c++)
			k += snprintf(sql + k, sizeof(sql) - (size_t)k, c ? ", ?" : "?");
		snprintf(sql + k, sizeof(sql) - (size_t)k, ")");
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(dst, sql, -1, &q, NULL) != SQLITE_OK)
			die(dst, sql);
		for (size_t r = 0; r < t->n_rows; r++) {
			for (int c = 0; c < t->n_cols; c++)
				sqlite3_bind_value(q, c + 1, t->v[r * (size_t)t->n_cols + (size_t)c]);
			if (sqlite3_step(q) != SQLITE_DONE)
				die(dst, tables[i]);
			sqlite3_reset(q);
		}
		sqlite3_finalize(q);
		total += t->n_rows;
	}
	exec(dst, "COMMIT");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu %.3f\n", total, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	sqlite3_close(src);
	sqlite3_close(dst);
	return 0;
}
