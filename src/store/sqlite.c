/* sqlite.c: the SQLite backend of store_ops. WAL, synchronous=NORMAL, foreign keys on, a busy timeout,
 * statements prepared once per connection. A connection belongs to one thread. No domain knowledge. */
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/util.h"
#include "store/store.h"

#define MAX_PARAMS 40

struct stmt {
	sqlite3_stmt *s;
	struct store *st;
	int map[MAX_PARAMS + 1];   /* $n -> SQLite parameter index (0: not in this statement) */
	char *sql;                 /* the text of a statement built per call (sq_prepare_text); NULL otherwise */
};

struct sq {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *schema_version;   /* for sq_data_version: reading it starts the snapshot */
	sqlite3_stmt *tx[3];            /* BEGIN, BEGIN IMMEDIATE, COMMIT: prepared once, not parsed per request */
	struct stmt *stmts[STMT__MAX];
	int64_t next[T__MAX];
	bool loaded[T__MAX];
	struct writers *writers;        /* the queue of this file's writers in this process (NULL: none) */
	bool queued;                    /* this connection holds writers->m */
};

/* The writers of one database file in this process wait for each other on a mutex before BEGIN IMMEDIATE,
 * so a writer is woken the moment the one before it ends. Waiting in SQLite's busy handler instead means
 * sleeping 1, 2, 5, 10 ms and more between tries while the lock is free again after a tenth of a millisecond:
 * the server's writes (an audited search by 证件号码, a recorded event) answered at the pace of the sleeps
 * and their p99 was the sleeps' sum. Only an optimisation: SQLite's lock still decides, and writers of other
 * processes (the CLI, an import) still meet in the busy handler. Files are told apart by device and inode. */
struct writers {
	dev_t dev;
	ino_t ino;
	pthread_mutex_t m;
	/* its checkpoints, when they are run behind the writers (store_checkpoints_behind) */
	char *path;
	pthread_mutex_t ck_m;
	pthread_cond_t ck_c;
	bool ck_want, ck_stop, ck_running;
	pthread_t ck_thread;
};
#define MAX_WRITER_FILES 64
static struct writers writer_files[MAX_WRITER_FILES];
static int n_writer_files;
static pthread_mutex_t writer_files_m = PTHREAD_MUTEX_INITIALIZER;

static struct writers *
writers_of(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return NULL;
	struct writers *w = NULL;
	pthread_mutex_lock(&writer_files_m);
	for (int i = 0; i < n_writer_files && !w; i++)
		if (writer_files[i].dev == sb.st_dev && writer_files[i].ino == sb.st_ino)
			w = &writer_files[i];
	if (!w && n_writer_files < MAX_WRITER_FILES) {
		w = &writer_files[n_writer_files++];
		w->dev = sb.st_dev;
		w->ino = sb.st_ino;
		w->path = xstrdup(path);
		pthread_mutex_init(&w->m, NULL);
		pthread_mutex_init(&w->ck_m, NULL);
		pthread_cond_init(&w->ck_c, NULL);
	}
	pthread_mutex_unlock(&writer_files_m);
	return w;
}

/* Wait for this file's other writers in this process, at most the lock wait (then SQLite's lock answers). */
static bool
writers_enter(struct sq *q)
{
	if (!q->writers || q->queued)
		return false;
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	int ms = store_lock_wait_ms();
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	q->queued = pthread_mutex_clocklock(&q->writers->m, CLOCK_MONOTONIC, &until) == 0;
	return q->queued;
}

/* Let the next writer in once the connection's transaction has ended. */
static void
writers_leave(struct sq *q)
{
	if (q->queued && sqlite3_get_autocommit(q->db)) {
		q->queued = false;
		pthread_mutex_unlock(&q->writers->m);
	}
}

/* ---- checkpoints behind the writers ----
 * SQLite copies the WAL back into the database (a checkpoint) in the connection whose commit took the WAL past
 * 1,000 pages, before that commit returns: in the server, the request that happened to commit then waited for
 * it (4-9 ms of copying and syncing: the one-connection p99 of audited writes was that). A process that asks
 * for it (the server: store_checkpoints_behind) turns that off in its connections and has a thread per file
 * run the checkpoint on a connection of its own, woken by the commit that passes the mark. The checkpoint is
 * SQLite's PASSIVE one, as the automatic one is: it copies what no reader still needs and never waits. */
#define CHECKPOINT_PAGES 1000
static atomic_bool checkpoints_behind;

static void *
checkpointer(void *arg)
{
	struct writers *w = arg;
	sqlite3 *db = NULL;
	/* (a connection that has not read the file yet does not know it is in WAL mode: its checkpoints would do
	 * nothing) */
	if (sqlite3_open_v2(w->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		db = NULL;   /* nothing to run them with: the WAL waits for the last connection's close */
	} else
		sqlite3_busy_timeout(db, 100);   /* (the restarting checkpoint's wait for readers) */
	pthread_mutex_lock(&w->ck_m);
	for (;;) {
		while (!w->ck_want && !w->ck_stop)
			pthread_cond_wait(&w->ck_c, &w->ck_m);
		if (w->ck_stop)
			break;
		w->ck_want = false;
		pthread_mutex_unlock(&w->ck_m);
		int log = 0;
		if (db && sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, &log, NULL) == SQLITE_OK &&
		    log >= 2 * CHECKPOINT_PAGES) {
			/* Writers one after another can keep a passive checkpoint from ever being through (the WAL
			 * starts again from its beginning only when it is), and the WAL would grow with them: past twice
			 * the mark, this process's writers are held back for one checkpoint that waits for the readers
			 * (a tenth of a second at most) and has the next writer start the WAL again. */
			pthread_mutex_lock(&w->m);
			sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_RESTART, NULL, NULL);
			pthread_mutex_unlock(&w->m);
		}
		pthread_mutex_lock(&w->ck_m);
	}
	pthread_mutex_unlock(&w->ck_m);
	sqlite3_close(db);   /* the last connection to close checkpoints what is left and removes the WAL */
	return NULL;
}

/* sqlite3_wal_hook: after each commit, with the WAL's length in pages. */
static int
wal_committed(void *arg, sqlite3 *db, const char *name, int pages)
{
	(void)db;
	(void)name;
	struct writers *w = arg;
	if (pages < CHECKPOINT_PAGES)
		return SQLITE_OK;
	pthread_mutex_lock(&w->ck_m);
	if (!w->ck_running && !w->ck_stop)
		w->ck_running = pthread_create(&w->ck_thread, NULL, checkpointer, w) == 0;
	w->ck_want = true;
	pthread_cond_signal(&w->ck_c);
	pthread_mutex_unlock(&w->ck_m);
	return SQLITE_OK;
}

void
store_checkpoints_behind(bool on)
{
	atomic_store(&checkpoints_behind, on);
	if (on)
		return;
	/* stop: each file's thread finishes the checkpoint it is running and closes its connection */
	pthread_mutex_lock(&writer_files_m);
	int n = n_writer_files;
	pthread_mutex_unlock(&writer_files_m);
	for (int i = 0; i < n; i++) {
		struct writers *w = &writer_files[i];
		pthread_mutex_lock(&w->ck_m);
		bool running = w->ck_running;
		w->ck_stop = true;
		pthread_cond_signal(&w->ck_c);
		pthread_mutex_unlock(&w->ck_m);
		if (running)
			pthread_join(w->ck_thread, NULL);
		pthread_mutex_lock(&w->ck_m);
		w->ck_running = w->ck_want = w->ck_stop = false;
		pthread_mutex_unlock(&w->ck_m);
	}
}

/* The error of the last call, in plain words where it is a plain fault: the write lock not free in time
 * (ERR_BUSY: try again), a file that may only be read, a full disk. */
static enum err
sq_error(struct store *st, struct errinfo *e)
{
	struct sq *q = st->impl;
	int code = sqlite3_errcode(q->db);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return errinfo_set(e, ERR_BUSY, "", MSG_DB_BUSY);
	if (code == SQLITE_READONLY)
		return errinfo_set(e, ERR_DB, "", MSG_DB_READONLY, q->path);
	if (code == SQLITE_FULL || (code == SQLITE_IOERR && sqlite3_system_errno(q->db) == ENOSPC))
		return errinfo_set(e, ERR_DB, "", MSG_DISK_FULL, q->path);
	return errinfo_set(e, ERR_DB, "", MSG_DB, sqlite3_errmsg(q->db));
}

static void
sq_close(struct store *st)
{
	struct sq *q = st->impl;
	if (q->queued) {
		q->queued = false;
		pthread_mutex_unlock(&q->writers->m);
	}
	sqlite3_finalize(q->schema_version);
	for (int i = 0; i < 3; i++)
		sqlite3_finalize(q->tx[i]);
	for (int i = 0; i < STMT__MAX; i++)
		if (q->stmts[i]) {
			sqlite3_finalize(q->stmts[i]->s);
			free(q->stmts[i]->sql);
			free(q->stmts[i]);
		}
	sqlite3_close(q->db);
	free(q->path);
	free(q);
}

static enum err
sq_exec(struct store *st, const char *sql, struct errinfo *e)
{
	struct sq *q = st->impl;
	char *msg = NULL;
	if (sqlite3_exec(q->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = sqlite3_errcode(q->db);
		enum err rc = code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_READONLY ||
		    code == SQLITE_FULL || (code == SQLITE_IOERR && sqlite3_system_errno(q->db) == ENOSPC) ?
		    sq_error(st, e) : errinfo_set(e, ERR_DB, "", MSG_DB, msg ? msg : sqlite3_errmsg(q->db));
		sqlite3_free(msg);
		return rc;
	}
	return ERR_OK;
}

/* Run one of the prepared transaction statements. */
static enum err
sq_tx(struct store *st, int which, struct errinfo *e)
{
	static const char *const sql[] = { "BEGIN", "BEGIN IMMEDIATE", "COMMIT" };
	struct sq *q = st->impl;
	if (!q->tx[which] && sqlite3_prepare_v2(q->db, sql[which], -1, &q->tx[which], NULL) != SQLITE_OK)
		return sq_error(st, e);
	int rc = sqlite3_step(q->tx[which]);
	enum err out = rc == SQLITE_DONE ? ERR_OK : sq_error(st, e);
	sqlite3_reset(q->tx[which]);
	return out;
}

static enum err
sq_begin(struct store *st, bool write, struct errinfo *e)
{
	struct sq *q = st->impl;
	for (int t = 0; t < T__MAX; t++)
		q->loaded[t] = false;
	/* a writer that must not wait skips the queue: SQLite's lock answers it at once */
	bool queued = write && !st->nowait && writers_enter(q);
	if (!st->nowait && (queued || !write || !q->writers)) {
		enum err rc = sq_tx(st, write ? 1 : 0, e);
		writers_leave(q);
		return rc;
	}
	/* nowait, or the queue not free within the lock wait: SQLite's lock answers at once */
	sqlite3_busy_timeout(q->db, 0);
	enum err rc = sq_tx(st, write ? 1 : 0, e);
	sqlite3_busy_timeout(q->db, store_lock_wait_ms());
	return rc;
}

static enum err
sq_commit(struct store *st, struct errinfo *e)
{
	enum err rc = sq_tx(st, 2, e);
	writers_leave(st->impl);
	return rc;
}

static void
sq_rollback(struct store *st)
{
	struct sq *q = st->impl;
	sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	for (int t = 0; t < T__MAX; t++)
		q->loaded[t] = false;
	writers_leave(q);
}

static struct stmt *
prepare_with(struct store *st, enum stmt_id id, const char *sql, struct errinfo *e)
{
	struct sq *q = st->impl;
	struct stmt *s = xcalloc(1, sizeof(*s));
	s->st = st;
	if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->s, NULL) != SQLITE_OK) {
		sq_error(st, e);
		free(s);
		return NULL;
	}
	for (int n = 1; n <= MAX_PARAMS; n++) {
		char name[8];
		snprintf(name, sizeof(name), "$%d", n);
		s->map[n] = sqlite3_bind_parameter_index(s->s, name);
	}
	q->stmts[id] = s;
	return s;
}

static struct stmt *
sq_prepare(struct store *st, enum stmt_id id, struct errinfo *e)
{
	struct sq *q = st->impl;
	if (q->stmts[id]) {
		sqlite3_reset(q->stmts[id]->s);
		sqlite3_clear_bindings(q->stmts[id]->s);
		return q->stmts[id];
	}
	if (!stmt_texts[id].sqlite) {   /* built per call: sq_prepare_text */
		errinfo_set(e, ERR_DB, "", MSG_DB, "statement built per call");
		return NULL;
	}
	return prepare_with(st, id, stmt_texts[id].sqlite, e);
}

static struct stmt *
sq_prepare_text(struct store *st, enum stmt_id id, const char *sql, struct errinfo *e)
{
	struct sq *q = st->impl;
	struct stmt *s = q->stmts[id];
	if (s && s->sql && strcmp(s->sql, sql) == 0) {
		sqlite3_reset(s->s);
		sqlite3_clear_bindings(s->s);
		return s;
	}
	if (s) {
		sqlite3_finalize(s->s);
		free(s->sql);
		free(s);
		q->stmts[id] = NULL;
	}
	if (!(s = prepare_with(st, id, sql, e)))
		return NULL;
	s->sql = xstrdup(sql);
	return s;
}

static void
sq_bind(struct stmt *s, int i, struct sqlval v)
{
	if (i < 1 || i > MAX_PARAMS || s->map[i] == 0)
		return;
	int k = s->map[i];
	switch (v.t) {
	case SV_NULL: sqlite3_bind_null(s->s, k); break;
	case SV_INT: sqlite3_bind_int64(s->s, k, v.i); break;
	case SV_TEXT: sqlite3_bind_text(s->s, k, v.s, -1, SQLITE_TRANSIENT); break;
	}
}

static int
sq_step(struct stmt *s, struct errinfo *e)
{
	int rc = sqlite3_step(s->s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sq_error(s->st, e);
	sqlite3_reset(s->s);
	return -1;
}

static int64_t
sq_col_int(struct stmt *s, int i)
{
	return sqlite3_column_int64(s->s, i);
}

static const char *
sq_col_text(struct stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s->s, i);
}

static bool
sq_col_null(struct stmt *s, int i)
{
	return sqlite3_column_type(s->s, i) == SQLITE_NULL;
}

static void
sq_reset(struct stmt *s)
{
	sqlite3_reset(s->s);
}

static enum err
sq_insert_row(struct store *st, enum table t, const struct sqlval *v, struct errinfo *e)
{
	struct stmt *s = sq_prepare(st, stmt_insert_of[t], e);
	if (!s)
		return ERR_DB;
	for (int i = 0; i < table_ncols[t]; i++)
		sq_bind(s, i + 1, v[i]);
	int rc = sq_step(s, e);
	sqlite3_reset(s->s);
	return rc < 0 ? ERR_DB : ERR_OK;
}

static enum err
sq_bulk_begin(struct store *st, struct errinfo *e)
{
	/* A larger page cache keeps index maintenance in memory during a big import (STACK.md §8). */
	return sq_exec(st, "PRAGMA cache_size = -262144", e);
}

static enum err
sq_bulk_end(struct store *st, struct errinfo *e)
{
	return sq_exec(st, "PRAGMA cache_size = -65536", e);
}

static enum err
sq_next_id(struct store *st, enum table t, int64_t *id, struct errinfo *e)
{
	struct sq *q = st->impl;
	if (!q->loaded[t]) {
		/* Safe because the caller holds SQLite's single write lock (BEGIN IMMEDIATE) until commit. */
		struct stmt *s = sq_prepare(st, stmt_nextid_of[t], e);
		if (!s)
			return ERR_DB;
		int rc = sq_step(s, e);
		if (rc < 0)
			return ERR_DB;
		q->next[t] = sqlite3_column_int64(s->s, 0) + 1;
		sqlite3_reset(s->s);
		q->loaded[t] = true;
	}
	*id = q->next[t]++;
	return ERR_OK;
}

/* SQLite's data version of the main database (SQLITE_FCNTL_DATA_VERSION: it counts this connection's
 * commits and every change by others that a snapshot of this connection has noticed). A deferred BEGIN has
 * not read yet: reading the schema version starts the snapshot first. A snapshot that has written (a session
 * touched inside a GET) no longer shows committed data only: ERR_DB. */
static enum err
sq_data_version(struct store *st, uint32_t *v)
{
	struct sq *q = st->impl;
	int state = sqlite3_txn_state(q->db, "main");
	if (state == SQLITE_TXN_WRITE || sqlite3_get_autocommit(q->db))
		return ERR_DB;
	if (state == SQLITE_TXN_NONE) {
		if (!q->schema_version &&
		    sqlite3_prepare_v2(q->db, "PRAGMA schema_version", -1, &q->schema_version, NULL) != SQLITE_OK)
			return ERR_DB;
		int rc = sqlite3_step(q->schema_version);
		sqlite3_reset(q->schema_version);
		if (rc != SQLITE_ROW)
			return ERR_DB;
	}
	unsigned int dv = 0;
	if (sqlite3_file_control(q->db, "main", SQLITE_FCNTL_DATA_VERSION, &dv) != SQLITE_OK)
		return ERR_DB;
	*v = dv;
	return ERR_OK;
}

static const char *
sq_file(struct store *st)
{
	return ((struct sq *)st->impl)->path;
}

/* The online backup API copies every page in one read transaction of this connection (step -1): a snapshot
 * as of its start, while other connections go on writing to the WAL. The copy is committed (and synced) by
 * SQLite before sqlite3_backup_finish returns. */
static enum err
sq_backup(struct store *st, const char *path, struct errinfo *e)
{
	struct sq *q = st->impl;
	sqlite3 *dst = NULL;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return ERR_IO;
	}
	sqlite3_busy_timeout(dst, store_lock_wait_ms());
	sqlite3_exec(dst, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", q->db, "main");
	if (!b) {
		errinfo_set(e, ERR_DB, "", MSG_DB, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return ERR_DB;
	}
	int rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	enum err out = ERR_OK;
	if (rc != SQLITE_DONE) {
		int code = sqlite3_errcode(dst);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			out = errinfo_set(e, ERR_BUSY, "", MSG_DB_BUSY);
		else if (rc == SQLITE_FULL || code == SQLITE_FULL || sqlite3_system_errno(dst) == ENOSPC)
			out = errinfo_set(e, ERR_IO, "", MSG_DISK_FULL, path);
		else
			out = errinfo_set(e, ERR_DB, "", MSG_DB, sqlite3_errstr(rc));
	}
	if (sqlite3_close(dst) != SQLITE_OK && out == ERR_OK)
		out = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, "close");
	return out;
}

static enum err
sq_integrity(struct store *st, char *out, size_t size, struct errinfo *e)
{
	struct sq *q = st->impl;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(q->db, "PRAGMA integrity_check(1)", -1, &s, NULL) != SQLITE_OK)
		return sq_error(st, e);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? ERR_OK : sq_error(st, e);
}

static const struct store_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.exec = sq_exec,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.prepare = sq_prepare,
	.prepare_text = sq_prepare_text,
	.bind = sq_bind,
	.step = sq_step,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_null = sq_col_null,
	.reset = sq_reset,
	.insert_row = sq_insert_row,
	.bulk_begin = sq_bulk_begin,
	.bulk_end = sq_bulk_end,
	.next_id = sq_next_id,
	.data_version = sq_data_version,
	.file = sq_file,
	.backup = sq_backup,
	.integrity = sq_integrity,
};

/* SQLite's global memory statistics take a process-wide mutex on every allocation: with one connection per
 * server thread that mutex is the contended lock. Tuopin never reads the statistics. */
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void
configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Whether a read works on this connection (a WAL database opened read-only needs its -shm). */
static bool
sq_readable(struct sq *q)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(q->db, "PRAGMA schema_version", -1, &s, NULL) != SQLITE_OK)
		return false;
	bool ok = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return ok;
}

/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it. Caller frees. */
static char *
immutable_uri(const char *path)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, (char)*p);
	buf_puts(&b, "?immutable=1");
	return b.p;
}

/* The first statements on a newly opened file failed: e says why, as the open's message unless the disk is full
 * (which says so itself); the store is closed. */
static enum err
open_failed(struct store *st, const char *path, struct errinfo *e)
{
	if (!e || strcmp(e->code, "disk_full") != 0) {
		char msg[512];
		snprintf(msg, sizeof(msg), "%s", e ? e->message : "");
		errinfo_set(e, ERR_DB, "", MSG_DB_OPEN, path, msg);
	}
	sq_close(st);
	free(st);
	return ERR_DB;
}

enum err
store_sqlite_open(const char *path, bool create, struct store **out, struct errinfo *e)
{
	pthread_once(&config_once, configure);
	struct stat sb;
	if (!create && strcmp(path, ":memory:") != 0 && stat(path, &sb) != 0 && errno == ENOENT)
		return errinfo_set(e, ERR_DB, "", MSG_DB_MISSING, path);
	struct sq *q = xcalloc(1, sizeof(*q));
	q->path = xstrdup(path);
	/* A file the process may only read opens read-only (SQLite falls back by itself): reports and exports
	 * work, and a write says the database is read-only. */
	int rc = sqlite3_open_v2(path, &q->db, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		errinfo_set(e, ERR_DB, "", MSG_DB_OPEN, path, q->db ? sqlite3_errmsg(q->db) : "out of memory");
		sqlite3_close(q->db);
		free(q->path);
		free(q);
		return ERR_DB;
	}
	sqlite3_busy_timeout(q->db, store_lock_wait_ms());
	struct store *st = xcalloc(1, sizeof(*st));
	st->ops = &sqlite_ops;
	st->impl = q;
	if (strcmp(path, ":memory:") != 0)
		q->writers = writers_of(path);
	static const char *const pragmas =
	    "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
	    "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;";
	bool readonly = sqlite3_db_readonly(q->db, "main") == 1;
	st->readonly = readonly;
	if (readonly && !sq_readable(q)) {
		/* A read-only file in a folder where SQLite cannot make the WAL's index (-shm): nothing can be
		 * writing it, so it is read as it is on disk. */
		char *uri = immutable_uri(path);
		sqlite3_close(q->db);
		q->db = NULL;
		rc = sqlite3_open_v2(uri, &q->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
		sqlite3_busy_timeout(q->db, store_lock_wait_ms());
		if (rc != SQLITE_OK) {
			errinfo_set(e, ERR_DB, "", MSG_DB_OPEN, path, q->db ? sqlite3_errmsg(q->db) : "out of memory");
			sq_close(st);
			free(st);
			return ERR_DB;
		}
	}
	/* A file that is not a database says so at its first statement. */
	if ((!readonly && sq_exec(st, "PRAGMA journal_mode = WAL", e) != ERR_OK) || sq_exec(st, pragmas, e) != ERR_OK)
		return open_failed(st, path, e);
	if (!readonly && q->writers && atomic_load(&checkpoints_behind))
		sqlite3_wal_hook(q->db, wal_committed, q->writers);   /* (instead of the automatic checkpoint) */
	*out = st;
	return ERR_OK;
}
