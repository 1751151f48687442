/* sqlite_ceiling.c: the ceiling of the SQLite import benchmark (bench/sqlite_import.sh). Reads every row that
 * `tuopin import registry` wrote into SRC (households, members, spans, events, income, aggregates) into
 * memory, then inserts them into DST (a fresh database with the same schema, its divisions copied) with one
 * prepared INSERT per table, binding each value, in one transaction, with the pragmas Tuopin itself uses.
 * Only the insert phase is timed: it is the least any importer of these rows into these tables and indexes
 * must spend. Prints "ROWS SECONDS CPU_SECONDS" (wall and CPU time of the inserts).
 *   sqlite_ceiling SRC.db DST.db [TABLE[:WHERE] ...]
 * With tables named, only those, and of each only the rows WHERE selects (bench/income_import.sh: the rows one
 * year's income survey wrote, inserted into a copy of the database as it was before the import). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const default_tables[] = { "household", "member", "household_status_span", "membership_span",
	"change_event", "income_year", "stat_delta", "stat_rollup", "stat_rollup_month", "stat_recorded" };

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
load(sqlite3 *db, const char *table, const char *where, struct table_rows *t)
{
	char sql[1024];
	snprintf(sql, sizeof(sql), "SELECT * FROM %s%s%s", table, where ? " WHERE " : "", where ? where : "");
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
	if (argc < 3) {
		fprintf(stderr, "usage: sqlite_ceiling SRC.db DST.db [TABLE[:WHERE] ...]\n");
		return 2;
	}
	sqlite3 *src, *dst;
	if (sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(src, argv[1]);
	if (sqlite3_open(argv[2], &dst) != SQLITE_OK)
		die(dst, argv[2]);
	size_t nt = argc > 3 ? (size_t)argc - 3 : sizeof(default_tables) / sizeof(default_tables[0]);
	char **tables = calloc(nt, sizeof(*tables));
	struct table_rows *rows = calloc(nt, sizeof(*rows));
	for (size_t i = 0; i < nt; i++) {
		tables[i] = strdup(argc > 3 ? argv[3 + i] : default_tables[i]);
		char *where = strchr(tables[i], ':');
		if (where)
			*where++ = 0;
		load(src, tables[i], where, &rows[i]);
	}
	/* src/store/sqlite.c's pragmas, with the import's larger cache (sq_bulk_begin); temp_store matters: the
	 * name-gram trigger's recursive CTE builds a temporary table per member inserted */
	exec(dst, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
		  "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -262144");
	struct timespec t0, t1, c0, c1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
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
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	printf("%zu %.3f %.3f\n", total, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9);
	sqlite3_close(src);
	sqlite3_close(dst);
	return 0;
}
