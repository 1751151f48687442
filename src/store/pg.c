/* pg.c: the PostgreSQL backend of store_ops (libpq), with the semantics of sqlite.c. One connection per store
 * (a store belongs to one thread); statements prepared by id once per connection, parameters sent as text;
 * ids drawn in blocks from each table's sequence; in bulk mode household, member, span and event rows are
 * streamed with COPY. No domain knowledge. Statement texts live in stmt.c; only transaction control and the
 * COPY template (built from stmt.c's table lists) are written here. Never prints: errors go to errinfo. */
#include <libpq-fe.h>
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/util.h"
#include "store/store.h"

#define MAX_PARAMS 40
/* Bulk rows are sent when the buffers of all tables together hold this much: large enough that COPY's
 * per-statement cost vanishes, small enough to keep a million-person import's memory flat. */
#define COPY_FLUSH_BYTES (8u << 20)
#define COPY_CHUNK (1u << 20)
/* Held-back upserts per pipeline round trip: their results (a few dozen bytes each) stay well inside the
 * socket buffers, so neither side waits on the other. */
#define PIPELINE_BATCH 512
/* Held-back upserts that make a flush by themselves (a bulk load of income rows alone). */
#define PENDING_FLUSH 16384
/* Ids drawn from a sequence per round trip: the first block of a transaction, and the largest. */
#define ID_BLOCK_MIN 8
#define ID_BLOCK_MAX 4096

/* Every write transaction takes this advisory lock first, so writers run one at a time as they do on SQLite
 * (BEGIN IMMEDIATE). The domain reads spans and then rewrites them: two concurrent writers on one household
 * under READ COMMITTED could both close the same open span. lock_timeout plays SQLite's busy timeout: a
 * writer that waits longer gets MSG_DB_BUSY. The key is "tuopin" in ASCII (0x74756f70696e). */
static const char *const begin_write =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '%dms'; "
    "SELECT pg_advisory_xact_lock(128047729633646)";
/* store_begin_county: the writers' lock shared, so that county writers run side by side while a writer of
 * begin_write waits for them all and runs alone; each then locks its counties (pg_lock). */
static const char *const begin_county =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '%dms'; "
    "SELECT pg_advisory_xact_lock_shared(128047729633646)";
/* Reads that span several statements see one snapshot, as they do inside SQLite's deferred BEGIN. */
static const char *const begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ";

struct stmt {
	struct store *st;
	char name[16];
	int nparams;
	char *vals[MAX_PARAMS];   /* $n as text, NULL for SQL NULL; owned */
	PGresult *res;
	int row, nrows;           /* row is the current row, -1 before the first */
	bool ran;
	int id;                   /* its stmt_id */
	bool stream;              /* pg_stream: read the rows through a cursor, stream_batch() at a time */
	bool cursor;              /* a cursor of this statement is open (named cur, in transaction cur_tx) */
	char cur[32];
	uint64_t cur_tx;
	char *sql;                /* the text of a statement built per call (pg_prepare_text); NULL otherwise */
};

/* An upsert held back in bulk mode until the COPY rows it refers to (its household) are flushed. */
struct pending {
	enum table t;
	char *vals[MAX_PARAMS];
};

struct pg {
	PGconn *db;
	int fetch_rows;           /* rows per FETCH of a streamed statement (stream_batch) */
	struct stmt *stmts[STMT__MAX];
	int64_t *ids[T__MAX];     /* drawn from the table's sequence, handed out in order */
	size_t n_ids[T__MAX], next[T__MAX], block[T__MAX];
	bool bulk;
	struct buf copy[T__MAX];  /* COPY text-format rows not sent yet */
	size_t copy_bytes;
	struct pending *pend;
	size_t n_pend, cap_pend;
	long long written;        /* rows this write transaction inserted, updated or deleted (ANALYZE_AFTER) */
	/* A read's BEGIN, not sent yet: it goes with the transaction's first statement, in one round trip (a
	 * REPEATABLE READ snapshot is taken by the first statement anyway, not by BEGIN); a read that runs no
	 * statement sends neither BEGIN nor COMMIT. */
	const char *begin_pending;
	bool reading;             /* the transaction is a read (pg_begin(false)) */
	/* A read's COMMIT was sent and its answer not read yet: a read-only transaction's COMMIT cannot fail, so
	 * the request does not wait for it; the next command reads it first (conn). */
	bool commit_unread;
};

/* The connection, ready for the next command: the answer to a read's COMMIT read first if it waits. */
static PGconn *
conn(struct pg *p)
{
	if (p->commit_unread) {
		p->commit_unread = false;
		for (PGresult *r; (r = PQgetResult(p->db));)
			PQclear(r);
	}
	return p->db;
}

/* A transaction that wrote this many rows (a first import, the demo, migrate-data, a large import of events
 * or incomes) is followed by ANALYZE: until autovacuum comes round the planner would plan the next reports on
 * the empty tables' statistics, and a check of the demo district takes 100 s instead of 2. */
#define ANALYZE_AFTER 10000

/* ---- errors ---- */

/* libpq's messages span lines ("server closed the connection unexpectedly\n\tThis probably means ...");
 * a CLI error is one line. */
static void
one_line(char *out, size_t size, const char *msg)
{
	size_t k = 0;
	bool space = false;
	for (const char *s = msg ? msg : ""; *s && k + 1 < size; s++) {
		if (*s == '\n' || *s == '\t' || *s == '\r' || *s == ' ') {
			space = k > 0;
			continue;
		}
		if (space && k + 2 < size)
			out[k++] = ' ';
		space = false;
		out[k++] = *s;
	}
	out[k] = '\0';
}

static enum err
pg_fail(struct store *st, const PGresult *res, struct errinfo *e)
{
	struct pg *p = st->impl;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	/* serialization failure, deadlock, lock timeout: what SQLite calls busy */
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0))
		return errinfo_set(e, ERR_BUSY, "", MSG_DB_BUSY);
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	/* plain faults in plain words: a read-only session or standby, a full disk */
	if (state && strcmp(state, "25006") == 0)
		return errinfo_set(e, ERR_DB, "", MSG_DB_READONLY, primary ? primary : "read-only transaction");
	if (state && strcmp(state, "53100") == 0)
		return errinfo_set(e, ERR_DB, "", MSG_DISK_FULL, primary ? primary : "disk full");
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	char raw[480], msg[480];
	if (primary && detail)
		snprintf(raw, sizeof(raw), "%s (%s)", primary, detail);
	else if (primary)
		snprintf(raw, sizeof(raw), "%s", primary);
	else if (res && *PQresultErrorMessage(res))
		snprintf(raw, sizeof(raw), "%s", PQresultErrorMessage(res));
	else
		snprintf(raw, sizeof(raw), "%s", PQerrorMessage(p->db));
	one_line(msg, sizeof(msg), raw);
	if (!msg[0])
		snprintf(msg, sizeof(msg), "%s", PQstatus(p->db) == CONNECTION_BAD ? "no connection to the server" :
		    "unknown error");
	return errinfo_set(e, ERR_DB, "", MSG_DB, msg);
}

static void
quiet(void *arg, const char *message)
{
	/* NOTICEs ("relation ... already exists, skipping") are not for users; errors come as results. */
	(void)arg;
	(void)message;
}

/* ---- statements ---- */

static void
free_vals(char **vals, int n)
{
	for (int i = 0; i < n; i++) {
		free(vals[i]);
		vals[i] = NULL;
	}
}

/* Rows fetched at a time from a streamed statement's cursor: its memory is that many rows, whatever the
 * registry's size. TUOPIN_PG_FETCH_ROWS (1 to 1,000,000) sets it: the PostgreSQL tests fetch 3 at a time, so
 * every streamed statement of every test crosses many batches. */
static int
stream_batch(void)
{
	const char *v = getenv("TUOPIN_PG_FETCH_ROWS");
	long k = v ? strtol(v, NULL, 10) : 0;
	return k >= 1 && k <= 1000000 ? (int)k : 10000;
}

/* Close the statement's cursor if its transaction is still the connection's (a cursor ends with its
 * transaction; closing one that is gone would fail, and abort, the transaction now open). */
static void
close_cursor(struct stmt *s)
{
	if (!s->cursor)
		return;
	s->cursor = false;
	struct pg *p = s->st->impl;
	if (s->st->in_tx && s->st->tx_serial == s->cur_tx && PQtransactionStatus(p->db) == PQTRANS_INTRANS) {
		char sql[48];
		snprintf(sql, sizeof(sql), "CLOSE %s", s->cur);
		PQclear(PQexec(conn(p), sql));
	}
}

static void
pg_reset(struct stmt *s)
{
	close_cursor(s);
	PQclear(s->res);
	s->res = NULL;
	s->ran = false;
	s->stream = false;
	s->row = -1;
	s->nrows = 0;
}

static void
pg_stream(struct stmt *s)
{
	s->stream = true;
}

static struct stmt *
prepare_with(struct store *st, enum stmt_id id, const char *sql, struct errinfo *e)
{
	static _Atomic unsigned serial;
	struct pg *p = st->impl;
	struct stmt *s = xcalloc(1, sizeof(*s));
	s->st = st;
	s->row = -1;
	/* a text built per call gets a name of its own each time it is prepared again */
	if (stmt_texts[id].sqlite)
		snprintf(s->name, sizeof(s->name), "t%d", (int)id);
	else
		snprintf(s->name, sizeof(s->name), "t%d_%u", (int)id, ++serial);
	s->id = (int)id;
	PGresult *r = PQprepare(conn(p), s->name, sql, 0, NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_fail(st, r, e);
		PQclear(r);
		free(s);
		return NULL;
	}
	PQclear(r);
	/* How many $n the server saw: bind ignores the others, as sqlite.c's parameter map does. */
	r = PQdescribePrepared(conn(p), s->name);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_fail(st, r, e);
		PQclear(r);
		free(s);
		return NULL;
	}
	s->nparams = PQnparams(r);
	PQclear(r);
	assert(s->nparams <= MAX_PARAMS);
	p->stmts[id] = s;
	return s;
}

static struct stmt *
pg_prepare(struct store *st, enum stmt_id id, struct errinfo *e)
{
	struct pg *p = st->impl;
	struct stmt *s = p->stmts[id];
	if (s) {
		pg_reset(s);
		free_vals(s->vals, s->nparams);
		return s;
	}
	if (!stmt_texts[id].sqlite) {   /* built per call: pg_prepare_text */
		errinfo_set(e, ERR_DB, "", MSG_DB, "statement built per call");
		return NULL;
	}
	return prepare_with(st, id, stmt_texts[id].pg ? stmt_texts[id].pg : stmt_texts[id].sqlite, e);
}

static void
free_stmt(struct stmt *s)
{
	pg_reset(s);
	free_vals(s->vals, s->nparams);
	free(s->sql);
	free(s);
}

static struct stmt *
pg_prepare_text(struct store *st, enum stmt_id id, const char *sql, struct errinfo *e)
{
	struct pg *p = st->impl;
	struct stmt *s = p->stmts[id];
	if (s && s->sql && strcmp(s->sql, sql) == 0) {
		pg_reset(s);
		free_vals(s->vals, s->nparams);
		return s;
	}
	if (s) {
		/* the server's statement of the old text goes too (a failed transaction refuses it: it is then left
		 * to the end of the connection; the new one has another name) */
		char dealloc[48];
		snprintf(dealloc, sizeof(dealloc), "DEALLOCATE %s", s->name);
		PQclear(PQexec(conn(p), dealloc));
		free_stmt(s);
		p->stmts[id] = NULL;
	}
	if (!(s = prepare_with(st, id, sql, e)))
		return NULL;
	s->sql = xstrdup(sql);
	return s;
}

/* Decimal text of v into out (at least 21 bytes); returns its length. Hot in bulk loads, so no printf. */
static size_t
i64_text(int64_t v, char *out)
{
	char tmp[24];
	size_t n = 0, k = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		out[k++] = '-';
	while (n)
		out[k++] = tmp[--n];
	out[k] = '\0';
	return k;
}

static char *
val_text(struct sqlval v)
{
	char tmp[24];
	switch (v.t) {
	case SV_INT:
		i64_text(v.i, tmp);
		return xstrdup(tmp);
	case SV_TEXT:
		return xstrdup(v.s);
	case SV_NULL:
		break;
	}
	return NULL;
}

static void
pg_bind(struct stmt *s, int i, struct sqlval v)
{
	if (i < 1 || i > s->nparams)
		return;
	free(s->vals[i - 1]);
	s->vals[i - 1] = val_text(v);
}

/* Send a read's waiting BEGIN alone, for a path that does not go through run_pipelined (a cursor, a script). */
static enum err
begin_now(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	const char *sql = p->begin_pending;
	if (!sql)
		return ERR_OK;
	p->begin_pending = NULL;
	PGresult *r = PQexec(conn(p), sql);
	enum err rc = PQresultStatus(r) == PGRES_COMMAND_OK ? ERR_OK : pg_fail(st, r, e);
	PQclear(r);
	return rc;
}

/* A statement's result as s's rows to step through; false (e filled, s reset) if it failed. */
static bool
take_result(struct stmt *s, PGresult *res, struct errinfo *e)
{
	struct pg *p = s->st->impl;
	PQclear(s->res);
	s->res = res;
	ExecStatusType rs = PQresultStatus(res);
	if (rs == PGRES_TUPLES_OK)
		s->nrows = PQntuples(res);
	else if (rs == PGRES_COMMAND_OK) {
		s->nrows = 0;
		p->written += atoll(PQcmdTuples(res));
	} else {
		pg_fail(s->st, res, e);
		pg_reset(s);
		return false;
	}
	s->ran = true;
	s->row = -1;
	return true;
}

/* Run the prepared statements q[0..n-1], their values bound, in one pipeline, behind the read's waiting BEGIN
 * if there is one: one round trip for them all. Each keeps its result for pg_step to hand out. On an error
 * (the first one is reported; the statements after it are aborted with the transaction) none keeps one. */
static enum err
run_pipelined(struct store *st, struct stmt **q, size_t n, struct errinfo *e)
{
	struct pg *p = st->impl;
	if (PQenterPipelineMode(conn(p)) != 1)
		return pg_fail(st, NULL, e);   /* (the BEGIN still waits) */
	const char *begin = p->begin_pending;
	p->begin_pending = NULL;
	size_t want = n + (begin ? 1 : 0), sent = 0;
	bool ok = !begin || PQsendQueryParams(p->db, begin, 0, NULL, NULL, NULL, NULL, 0) == 1;
	for (size_t i = 0; ok && i < n; i++)
		ok = PQsendQueryPrepared(p->db, q[i]->name, q[i]->nparams, (const char *const *)q[i]->vals, NULL, NULL,
		    0) == 1;
	sent = ok ? want : 0;
	enum err rc = ok && PQpipelineSync(p->db) == 1 ? ERR_OK : pg_fail(st, NULL, e);
	/* each statement's result, then the NULL that ends it; then the sync's. A lost connection answers NULL
	 * where a result should be. */
	for (size_t k = 0; k < sent; k++) {
		PGresult *r = PQgetResult(p->db);
		if (!r) {
			if (rc == ERR_OK)
				rc = pg_fail(st, NULL, e);
			break;
		}
		for (PGresult *x; (x = PQgetResult(p->db));)   /* (one result per statement: nothing here) */
			PQclear(x);
		struct stmt *s = begin && k == 0 ? NULL : q[k - (begin ? 1 : 0)];
		if (rc != ERR_OK || PQresultStatus(r) == PGRES_PIPELINE_ABORTED)
			PQclear(r);
		else if (!s) {
			if (PQresultStatus(r) != PGRES_COMMAND_OK)
				rc = pg_fail(st, r, e);
			PQclear(r);
		} else if (!take_result(s, r, e))
			rc = ERR_DB;
	}
	if (sent) {
		PGresult *r = PQgetResult(p->db);
		if (r && PQresultStatus(r) != PGRES_PIPELINE_SYNC && rc == ERR_OK)
			rc = pg_fail(st, r, e);
		PQclear(r);
	}
	if (PQexitPipelineMode(p->db) != 1 && rc == ERR_OK)
		rc = pg_fail(st, NULL, e);
	if (rc != ERR_OK)
		for (size_t i = 0; i < n; i++)
			pg_reset(q[i]);
	return rc;
}

/* store_ops.run_together: the statements at once, in one round trip (with the read's BEGIN if it waits). */
static enum err
pg_run_together(struct store *st, struct stmt **q, size_t n, struct errinfo *e)
{
	for (size_t i = 0; i < n; i++)
		pg_reset(q[i]);
	return n ? run_pipelined(st, q, n, e) : ERR_OK;
}

/* The next batch of a streamed statement's rows into s->res (0 rows: the cursor is done and closed). */
static bool
fetch_batch(struct stmt *s, struct errinfo *e)
{
	struct pg *p = s->st->impl;
	char sql[64];
	snprintf(sql, sizeof(sql), "FETCH %d FROM %s", p->fetch_rows, s->cur);
	PQclear(s->res);
	s->res = PQexec(conn(p), sql);
	if (PQresultStatus(s->res) != PGRES_TUPLES_OK) {
		pg_fail(s->st, s->res, e);
		s->cursor = false;   /* the transaction has failed: nothing to close */
		return false;
	}
	s->nrows = PQntuples(s->res);
	s->row = -1;
	if (s->nrows < p->fetch_rows)
		close_cursor(s);
	return true;
}

/* DECLARE a cursor for a streamed statement (in a transaction only: a cursor lives in one) and fetch its
 * first batch. False if it could not be declared (e filled). */
static bool
open_cursor(struct stmt *s, struct errinfo *e)
{
	static _Atomic uint64_t serial;   /* the server's threads and a table's second reader */
	struct pg *p = s->st->impl;
	if (begin_now(s->st, e) != ERR_OK)
		return false;
	snprintf(s->cur, sizeof(s->cur), "tpc%d_%llu", s->id, (unsigned long long)++serial);
	const char *q = s->sql ? s->sql : stmt_texts[s->id].pg ? stmt_texts[s->id].pg : stmt_texts[s->id].sqlite;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "DECLARE %s NO SCROLL CURSOR FOR %s", s->cur, q);
	PGresult *r = PQexecParams(conn(p), b.p, s->nparams, NULL, (const char *const *)s->vals, NULL, NULL, 0);
	buf_free(&b);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_fail(s->st, r, e);
		PQclear(r);
		return false;
	}
	PQclear(r);
	s->cursor = true;
	s->cur_tx = s->st->tx_serial;
	return fetch_batch(s, e);
}

static int
pg_step(struct stmt *s, struct errinfo *e)
{
	struct pg *p = s->st->impl;
	if (!s->ran && s->stream && s->st->in_tx &&
	    (p->begin_pending || PQtransactionStatus(p->db) == PQTRANS_INTRANS)) {
		if (!open_cursor(s, e)) {
			pg_reset(s);
			return -1;
		}
		s->ran = true;
	}
	if (s->ran && s->cursor && s->row + 1 >= s->nrows) {
		if (!fetch_batch(s, e)) {
			pg_reset(s);
			return -1;
		}
	}
	if (!s->ran) {
		if (p->begin_pending) {
			if (run_pipelined(s->st, &s, 1, e) != ERR_OK)
				return -1;
		} else if (!take_result(s, PQexecPrepared(conn(p), s->name, s->nparams, (const char *const *)s->vals, NULL,
		    NULL, 0), e))
			return -1;
	}
	if (s->row + 1 < s->nrows) {
		s->row++;
		return 1;
	}
	s->row = s->nrows;
	return 0;
}

static bool
has_value(struct stmt *s, int i)
{
	return s->res && s->row >= 0 && s->row < s->nrows && i >= 0 && i < PQnfields(s->res) &&
	    !PQgetisnull(s->res, s->row, i);
}

static int64_t
pg_col_int(struct stmt *s, int i)
{
	return has_value(s, i) ? strtoll(PQgetvalue(s->res, s->row, i), NULL, 10) : 0;
}

static const char *
pg_col_text(struct stmt *s, int i)
{
	return has_value(s, i) ? PQgetvalue(s->res, s->row, i) : NULL;
}

static bool
pg_col_null(struct stmt *s, int i)
{
	return !has_value(s, i);
}

/* ---- connection and transactions ---- */

static void
discard_bulk(struct pg *p)
{
	for (int t = 0; t < T__MAX; t++)
		buf_reset(&p->copy[t]);
	p->copy_bytes = 0;
	for (size_t i = 0; i < p->n_pend; i++)
		free_vals(p->pend[i].vals, table_ncols[p->pend[i].t]);
	p->n_pend = 0;
	p->bulk = false;
}

static void
pg_close(struct store *st)
{
	struct pg *p = st->impl;
	discard_bulk(p);
	for (int i = 0; i < STMT__MAX; i++)
		if (p->stmts[i])
			free_stmt(p->stmts[i]);
	for (int t = 0; t < T__MAX; t++) {
		free(p->ids[t]);
		buf_free(&p->copy[t]);
	}
	free(p->pend);
	PQfinish(p->db);
	free(p);
}

static enum err
pg_exec(struct store *st, const char *sql, struct errinfo *e)
{
	struct pg *p = st->impl;
	if (begin_now(st, e) != ERR_OK)
		return ERR_DB;
	PGresult *r = PQexec(conn(p), sql);
	ExecStatusType rs = PQresultStatus(r);
	enum err rc = ERR_OK;
	if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK)
		rc = pg_fail(st, r, e);
	PQclear(r);
	return rc;
}

static enum err
pg_begin(struct store *st, bool write, struct errinfo *e)
{
	struct pg *p = st->impl;
	discard_bulk(p);
	p->written = 0;
	p->reading = !write;
	if (!write) {
		p->begin_pending = begin_read;   /* sent with the first statement */
		return ERR_OK;
	}
	p->begin_pending = NULL;
	char sql[256];
	snprintf(sql, sizeof(sql), st->county_tx ? begin_county : begin_write, store_lock_wait_ms());
	enum err rc = pg_exec(st, sql, e);
	if (rc != ERR_OK) {
		/* BEGIN ran but the lock wait timed out: end the failed transaction, or every later statement on
		 * this connection would be refused */
		PQclear(PQexec(conn(p), "ROLLBACK"));
		return rc;
	}
	/* Ids must grow in commit order, as on SQLite (events of a household are listed by id): a block drawn
	 * by this connection in an earlier transaction may lie below ids that other connections have committed
	 * since. Writers hold the lock in turn, so a block drawn now is above all of them (a county writer draws
	 * after it locked its county: above every id of that county's households). */
	for (int t = 0; t < T__MAX; t++)
		p->n_ids[t] = p->next[t] = p->block[t] = 0;
	return ERR_OK;
}

static enum err flush(struct store *st, struct errinfo *e);

static enum err
pg_commit(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	if (p->begin_pending) {   /* a read that ran no statement: nothing was begun */
		p->begin_pending = NULL;
		return ERR_OK;
	}
	if (p->reading && !p->copy_bytes && !p->n_pend && PQtransactionStatus(conn(p)) == PQTRANS_INTRANS &&
	    PQsendQuery(p->db, "COMMIT") == 1) {
		/* a read's: sent, its answer read by the next command (a read that failed is INERROR, and its
		 * ROLLBACK-answering COMMIT is waited for below, as before) */
		p->reading = false;
		p->commit_unread = true;
		return ERR_OK;
	}
	p->reading = false;
	if (p->copy_bytes || p->n_pend) {
		/* bulk_end was skipped: the rows are still part of this transaction */
		enum err rc = flush(st, e);
		if (rc != ERR_OK)
			return rc;
	}
	PGresult *r = PQexec(conn(p), "COMMIT");
	enum err rc = ERR_OK;
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = pg_fail(st, r, e);
	else if (strcmp(PQcmdStatus(r), "ROLLBACK") == 0)
		/* COMMIT of a transaction that already failed answers ROLLBACK, not an error */
		rc = errinfo_set(e, ERR_DB, "", MSG_DB, "transaction rolled back");
	PQclear(r);
	if (rc == ERR_OK && p->written >= ANALYZE_AFTER)
		/* the rows are committed: a failed ANALYZE only leaves the statistics to autovacuum */
		PQclear(PQexec(conn(p), "ANALYZE"));
	p->written = 0;
	return rc;
}

static void
pg_rollback(struct store *st)
{
	struct pg *p = st->impl;
	discard_bulk(p);
	p->reading = false;
	if (p->begin_pending) {
		p->begin_pending = NULL;
		return;
	}
	PQclear(PQexec(conn(p), "ROLLBACK"));
}

/* ---- rows, bulk mode and ids ---- */

static enum err
run_insert(struct store *st, enum table t, char *const *vals, struct errinfo *e)
{
	struct stmt *s = pg_prepare(st, stmt_insert_of[t], e);
	if (!s)
		return ERR_DB;
	for (int i = 0; i < s->nparams && i < table_ncols[t]; i++)
		s->vals[i] = vals[i] ? xstrdup(vals[i]) : NULL;
	int r = pg_step(s, e);
	pg_reset(s);
	return r < 0 ? ERR_DB : ERR_OK;
}

/* Append one row in COPY's text format: tab-separated, \N for NULL, and backslash, tab, newline and
 * carriage return escaped inside values (nothing else needs escaping in UTF-8 text). */
static void
copy_row(struct buf *b, const struct sqlval *v, int n)
{
	char tmp[24];
	for (int i = 0; i < n; i++) {
		if (i)
			buf_append(b, "\t", 1);
		if (v[i].t == SV_NULL) {
			buf_append(b, "\\N", 2);
		} else if (v[i].t == SV_INT) {
			buf_append(b, tmp, i64_text(v[i].i, tmp));
		} else {
			const char *s = v[i].s, *run = s;
			for (; *s; s++) {
				const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" :
				    *s == '\r' ? "\\r" : NULL;
				if (!esc)
					continue;
				buf_append(b, run, (size_t)(s - run));
				buf_append(b, esc, 2);
				run = s + 1;
			}
			buf_append(b, run, (size_t)(s - run));
		}
	}
	buf_append(b, "\n", 1);
}

static enum err
copy_table(struct store *st, enum table t, struct errinfo *e)
{
	struct pg *p = st->impl;
	char sql[1024];
	snprintf(sql, sizeof(sql), "COPY %s (%s) FROM STDIN", table_names[t], table_columns[t]);
	PGresult *r = PQexec(conn(p), sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		enum err rc = pg_fail(st, r, e);
		PQclear(r);
		return rc;
	}
	PQclear(r);
	const struct buf *b = &p->copy[t];
	bool sent = true;
	for (size_t off = 0; off < b->n && sent; off += COPY_CHUNK) {
		size_t n = b->n - off < COPY_CHUNK ? b->n - off : COPY_CHUNK;
		sent = PQputCopyData(p->db, b->p + off, (int)n) == 1;
	}
	bool ended = PQputCopyEnd(p->db, sent ? NULL : "tuopin: sending rows failed") == 1;
	enum err rc = ERR_OK;
	/* The COPY's outcome (constraint violations show here); a lost connection ends the loop with NULL. */
	while ((r = PQgetResult(p->db)) != NULL) {
		ExecStatusType rs = PQresultStatus(r);
		if (rs != PGRES_COMMAND_OK && rc == ERR_OK)
			rc = pg_fail(st, r, e);
		PQclear(r);
		if (rs == PGRES_COPY_IN || rs == PGRES_COPY_OUT || PQstatus(p->db) == CONNECTION_BAD)
			break;
	}
	if (rc == ERR_OK && (!sent || !ended))
		rc = pg_fail(st, NULL, e);
	return rc;
}

/* Run pend[from, to) in one pipeline: every statement is sent, then every result read, so the batch costs one
 * round trip instead of one per row. An error aborts the rest of the batch (and the transaction). */
static enum err
run_pipeline(struct store *st, size_t from, size_t to, struct errinfo *e)
{
	struct pg *p = st->impl;
	enum err rc = ERR_OK;
	for (size_t i = from; i < to; i++)   /* PQprepare is not allowed inside the pipeline */
		if (!pg_prepare(st, stmt_insert_of[p->pend[i].t], e))
			return ERR_DB;
	if (PQenterPipelineMode(conn(p)) != 1)
		return pg_fail(st, NULL, e);
	size_t sent = 0;
	for (size_t i = from; i < to; i++, sent++) {
		const struct stmt *s = p->stmts[stmt_insert_of[p->pend[i].t]];
		if (PQsendQueryPrepared(p->db, s->name, s->nparams, (const char *const *)p->pend[i].vals, NULL, NULL,
		    0) != 1)
			break;
	}
	if (sent < to - from || PQpipelineSync(p->db) != 1)
		rc = pg_fail(st, NULL, e);
	/* Each statement's results end with NULL; the sync's result ends the batch. A lost connection answers
	 * NULL forever, hence the count. */
	size_t nulls = 0;
	for (bool synced = sent < to - from; !synced;) {
		PGresult *r = PQgetResult(p->db);
		if (!r) {
			if (++nulls > sent || PQstatus(p->db) == CONNECTION_BAD) {
				if (rc == ERR_OK)
					rc = pg_fail(st, NULL, e);
				break;
			}
			continue;
		}
		ExecStatusType rs = PQresultStatus(r);
		if (rs == PGRES_PIPELINE_SYNC)
			synced = true;
		else if (rs != PGRES_COMMAND_OK && rs != PGRES_PIPELINE_ABORTED && rc == ERR_OK)
			rc = pg_fail(st, r, e);
		PQclear(r);
	}
	if (PQexitPipelineMode(p->db) != 1 && rc == ERR_OK)
		rc = pg_fail(st, NULL, e);
	return rc;
}

/* Send every buffered COPY row, parents before children (household, member, spans, events: the order of
 * enum table), then the upserts that waited for them. */
static enum err
flush(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	enum err rc = ERR_OK;
	for (int t = 0; t < T__MAX && rc == ERR_OK; t++)
		if (p->copy[t].n)
			rc = copy_table(st, (enum table)t, e);
	for (int t = 0; t < T__MAX; t++)
		buf_reset(&p->copy[t]);
	p->copy_bytes = 0;
	for (size_t i = 0; i < p->n_pend && rc == ERR_OK; i += PIPELINE_BATCH)
		rc = run_pipeline(st, i, i + PIPELINE_BATCH < p->n_pend ? i + PIPELINE_BATCH : p->n_pend, e);
	for (size_t i = 0; i < p->n_pend; i++)
		free_vals(p->pend[i].vals, table_ncols[p->pend[i].t]);
	p->n_pend = 0;
	return rc;
}

static enum err
pg_insert_row(struct store *st, enum table t, const struct sqlval *v, struct errinfo *e)
{
	struct pg *p = st->impl;
	int n = table_ncols[t];
	assert(n <= MAX_PARAMS);
	p->written += p->bulk;   /* (a row inserted alone is counted by pg_step) */
	if (p->bulk && t != T_INCOME) {
		size_t before = p->copy[t].n;
		copy_row(&p->copy[t], v, n);
		p->copy_bytes += p->copy[t].n - before;
		return p->copy_bytes >= COPY_FLUSH_BYTES ? flush(st, e) : ERR_OK;
	}
	if (p->bulk) {
		/* income is an upsert, which COPY cannot do, and its household may still be in a COPY buffer: held
		 * back until the buffers are sent, then run in pipelines */
		if (p->n_pend == p->cap_pend) {
			p->cap_pend = p->cap_pend ? 2 * p->cap_pend : 256;
			p->pend = xrealloc(p->pend, p->cap_pend * sizeof(*p->pend));
		}
		struct pending *q = &p->pend[p->n_pend++];
		q->t = t;
		for (int i = 0; i < n; i++)
			q->vals[i] = val_text(v[i]);
		return p->n_pend >= PENDING_FLUSH ? flush(st, e) : ERR_OK;
	}
	char *vals[MAX_PARAMS] = { 0 };
	for (int i = 0; i < n; i++)
		vals[i] = val_text(v[i]);
	enum err rc = run_insert(st, t, vals, e);
	free_vals(vals, n);
	return rc;
}

static enum err
pg_bulk_begin(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	p->bulk = true;
	return ERR_OK;
}

static enum err
pg_bulk_end(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	enum err rc = flush(st, e);
	p->bulk = false;
	return rc;
}

static enum err
pg_next_id(struct store *st, enum table t, int64_t *id, struct errinfo *e)
{
	struct pg *p = st->impl;
	if (p->next[t] >= p->n_ids[t]) {
		/* A block of sequence values per round trip, small for the few rows of an everyday write and
		 * doubling up to 4096 for an import. Sequences ignore rollback: no two connections ever get the
		 * same id. */
		p->block[t] = p->block[t] ? (p->block[t] < ID_BLOCK_MAX ? 2 * p->block[t] : ID_BLOCK_MAX) : ID_BLOCK_MIN;
		struct stmt *s = pg_prepare(st, stmt_nextid_of[t], e);
		if (!s)
			return ERR_DB;
		pg_bind(s, 1, SQL_INT((int64_t)p->block[t]));
		int r = pg_step(s, e);
		if (r < 0)
			return ERR_DB;
		p->ids[t] = xrealloc(p->ids[t], (size_t)(s->nrows > 0 ? s->nrows : 1) * sizeof(int64_t));
		size_t k = 0;
		for (; r == 1; r = pg_step(s, e))
			p->ids[t][k++] = pg_col_int(s, 0);
		pg_reset(s);
		if (r < 0)
			return ERR_DB;
		if (k == 0)
			return errinfo_set(e, ERR_DB, "", MSG_DB, "the id sequence returned no value");
		p->n_ids[t] = k;
		p->next[t] = 0;
	}
	*id = p->ids[t][p->next[t]++];
	return ERR_OK;
}

static enum err
pg_begin_auth(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	discard_bulk(p);
	p->begin_pending = NULL;
	p->reading = false;
	enum err rc = pg_exec(st, "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '10s'", e);
	if (rc != ERR_OK)
		PQclear(PQexec(conn(p), "ROLLBACK"));
	return rc;
}

static enum err
pg_lock(struct store *st, int32_t space, int32_t key, struct errinfo *e)
{
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT pg_advisory_xact_lock(%d, %d)", (int)space, (int)key);
	return pg_exec(st, sql, e);
}

static bool
pg_lost(struct store *st)
{
	PGconn *db = ((struct pg *)st->impl)->db;
	if (PQstatus(db) == CONNECTION_BAD)
		return true;
	/* A server killed at once (pg_ctl -m immediate, a crash) can fail a statement with "server closed the
	 * connection unexpectedly" and leave the status OK until the next call: read what the socket holds (it is
	 * non-blocking in libpq), which finds the end of the stream and marks the connection bad. */
	if (PQtransactionStatus(db) == PQTRANS_IDLE && !PQconsumeInput(db))
		return PQstatus(db) == CONNECTION_BAD;
	return false;
}

/* A new connection in place of a lost one (PQreset: the same parameters). The statements prepared on the old
 * one are gone with it; they are prepared again on first use. */
static enum err
pg_reconnect(struct store *st, struct errinfo *e)
{
	struct pg *p = st->impl;
	discard_bulk(p);
	p->begin_pending = NULL;
	p->commit_unread = p->reading = false;
	for (int i = 0; i < STMT__MAX; i++)
		if (p->stmts[i]) {
			free_stmt(p->stmts[i]);
			p->stmts[i] = NULL;
		}
	for (int t = 0; t < T__MAX; t++)
		p->n_ids[t] = p->next[t] = p->block[t] = 0;
	PQreset(p->db);
	if (PQstatus(p->db) != CONNECTION_OK) {
		char msg[400];
		one_line(msg, sizeof(msg), PQerrorMessage(p->db));
		return errinfo_set(e, ERR_DB, "", MSG_DB, msg);
	}
	return ERR_OK;
}

/* A hot standby, or a session read-only by default (a reporting role): reads and masked exports go on, told
 * apart as SQLite's read-only file is. PostgreSQL 14 on reports both parameters at connection and again when
 * they change (a promotion), so this costs no round trip. */
static bool
pg_readonly(const struct store *st)
{
	PGconn *db = ((const struct pg *)st->impl)->db;
	const char *standby = PQparameterStatus(db, "in_hot_standby"), *ro = PQparameterStatus(db,
	    "default_transaction_read_only");
	return (standby && strcmp(standby, "on") == 0) || (ro && strcmp(ro, "on") == 0);
}

static const struct store_ops pg_ops = {
	.name = "postgresql",
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.prepare = pg_prepare,
	.prepare_text = pg_prepare_text,
	.bind = pg_bind,
	.step = pg_step,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_null = pg_col_null,
	.reset = pg_reset,
	.stream = pg_stream,
	.run_together = pg_run_together,
	.insert_row = pg_insert_row,
	.bulk_begin = pg_bulk_begin,
	.bulk_end = pg_bulk_end,
	.next_id = pg_next_id,
	.begin_auth = pg_begin_auth,
	.lost = pg_lost,
	.reconnect = pg_reconnect,
	.lock = pg_lock,
	.readonly = pg_readonly,
};

enum err
store_pg_open(const char *uri, struct store **out, struct errinfo *e)
{
	/* "postgresql://..." and "postgres://..." are libpq URIs; "postgresql:host=... dbname=..." carries
	 * libpq's keyword=value form after the scheme. */
	const char *conninfo = uri;
	if (strncmp(uri, "postgresql:", 11) == 0 && strncmp(uri + 11, "//", 2) != 0)
		conninfo = uri + 11;
	/* Later keywords override earlier ones: the URI may set its own connect_timeout, but the client
	 * encoding is always UTF-8 because every string Tuopin handles is. */
	const char *const keys[] = { "connect_timeout", "dbname", "client_encoding", "fallback_application_name",
		NULL };
	const char *const vals[] = { "10", conninfo, "UTF8", "tuopin", NULL };
	PGconn *db = PQconnectdbParams(keys, vals, 1);
	if (!db || PQstatus(db) != CONNECTION_OK) {
		char shown[256], msg[400];
		store_uri_shown(uri, shown, sizeof(shown));
		one_line(msg, sizeof(msg), db ? PQerrorMessage(db) : "out of memory");
		errinfo_set(e, ERR_DB, "", MSG_DB_OPEN, shown, msg);
		PQfinish(db);
		return ERR_DB;
	}
	PQsetNoticeProcessor(db, quiet, NULL);
	struct pg *p = xcalloc(1, sizeof(*p));
	p->fetch_rows = stream_batch();
	p->db = db;
	for (int t = 0; t < T__MAX; t++)
		buf_init(&p->copy[t]);
	struct store *st = xcalloc(1, sizeof(*st));
	st->ops = &pg_ops;
	st->impl = p;
	*out = st;
	return ERR_OK;
}
