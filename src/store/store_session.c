/* store_session.c: the session database. Logins and the bookkeeping of sessions must never wait for a
 * registry import, and on SQLite an import's write transaction holds the one write lock of the whole main file
 * for as long as it writes (a million persons: a quarter of a minute). So on SQLite they live in a second file
 * beside the main one, PATH-sessions, with its own lock: the sessions, the failed-login counters, the audit
 * rows of logins and logouts waiting to enter the main file's hash chain (the outbox, moved into the chain by
 * domain/audit.c as soon as the main file's lock is free), and which import holds the main file's lock. On
 * PostgreSQL, whose locks are per row, they stay in the main database and their transactions skip the
 * writers' advisory lock. The session database holds nothing a backup needs: losing it logs everyone out
 * (and loses the audit rows still waiting, see docs/ARCHITECTURE.md). No domain knowledge here. */
#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

/* The session database's tables (made when the file is; forward-only like the migrations: a later version
 * adds statements here under a higher user_version). */
static const char *const aux_schema =
    "CREATE TABLE IF NOT EXISTS session (id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, "
    "user_id INTEGER NOT NULL, csrf TEXT NOT NULL, created_at INTEGER NOT NULL, seen_at INTEGER NOT NULL, ip TEXT);"
    "CREATE INDEX IF NOT EXISTS session_user ON session (user_id);"
    "CREATE TABLE IF NOT EXISTS login_failure (user_id INTEGER PRIMARY KEY, failed INTEGER NOT NULL, "
    "locked_until INTEGER NOT NULL);"
    /* AUTOINCREMENT: an id is never used twice, so the main file's mark of what entered the chain holds */
    "CREATE TABLE IF NOT EXISTS audit_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, "
    "actor TEXT, action TEXT NOT NULL, object TEXT, detail TEXT, ip TEXT);"
    "CREATE TABLE IF NOT EXISTS activity (id INTEGER PRIMARY KEY, what TEXT NOT NULL, pid INTEGER NOT NULL, "
    "host TEXT NOT NULL, started INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS aux_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "PRAGMA user_version = 1;";

bool
aux_separate(const struct store *st)
{
	return st->ops->file != NULL;
}

struct store *
aux_store(struct store *st, bool create, struct errinfo *e)
{
	if (!aux_separate(st))
		return st;
	if (st->aux)
		return st->aux;
	const char *file = st->ops->file(st);
	char path[4096];
	snprintf(path, sizeof(path), "%s-sessions", file);
	struct errinfo e2;
	errinfo_clear(&e2);
	struct store *aux;
	if (store_sqlite_open(path, create, &aux, &e2) != ERR_OK) {
		if (!create && e2.code[0] && strcmp(e2.code, "db_missing") == 0)
			return NULL;   /* no session database yet: no sessions either */
		if (e)
			*e = e2;
		return NULL;
	}
	/* A new file: its tables and its generation (ids of the outbox start again in a new file) */
	struct stmt *q = aux->ops->prepare(aux, STMT_AUX_META_GET, &e2);
	bool have = false;
	if (q) {
		aux->ops->bind(q, 1, SQL_TEXT("generation"));
		have = aux->ops->step(q, &e2) == 1;
		aux->ops->reset(q);
	}
	if (!have) {
		unsigned char r[8];
		char gen[17], sql[256];
		randombytes_buf(r, sizeof(r));
		sodium_bin2hex(gen, sizeof(gen), r, sizeof(r));
		snprintf(sql, sizeof(sql), "INSERT OR IGNORE INTO aux_meta (key, value) VALUES ('generation', '%s');", gen);
		enum err rc = aux->ops->begin(aux, true, e);
		if (rc == ERR_OK)
			rc = aux->ops->exec(aux, aux_schema, e);
		if (rc == ERR_OK)
			rc = aux->ops->exec(aux, sql, e);
		if (rc == ERR_OK)
			rc = aux->ops->commit(aux, e);
		if (rc != ERR_OK) {
			aux->ops->rollback(aux);
			store_close(aux);
			return NULL;
		}
	}
	st->aux = aux;
	return aux;
}

enum err
store_sessions_ready(struct store *st, struct errinfo *e)
{
	if (!aux_separate(st))
		return ERR_OK;
	struct errinfo e2;
	errinfo_clear(&e2);
	if (aux_store(st, true, &e2))
		return ERR_OK;
	char path[4096];
	snprintf(path, sizeof(path), "%s-sessions", st->ops->file(st));
	return errinfo_set(e, ERR_DB, "", MSG_SESSIONS_FILE, path, e2.message[0] ? e2.message : "?");
}

/* ---- sessions (the rest of them run store_auth.c's statements on aux_store) ---- */

void
read_session(struct store *st, struct stmt *q, int c, struct session_row *s, struct arena *a)
{
	s->id = st->ops->col_int(q, c + 0);
	s->user_id = st->ops->col_int(q, c + 1);
	s->csrf = col_str(st, q, c + 2, a);
	s->created_at = st->ops->col_int(q, c + 3);
	s->seen_at = st->ops->col_int(q, c + 4);
}

static void
read_session_row(struct store *x, struct stmt *q, void *row, struct arena *a)
{
	read_session(x, q, 0, row, a);
}

enum err
aux_session_get(struct store *st, const char *token_hash, struct session_row *s, struct arena *a, struct errinfo *e)
{
	struct store *x = aux_store(st, false, e);
	if (!x)
		return e && e->err ? ERR_DB : ERR_NOTFOUND;
	return stmt_row(x, STMT_BOUND(x, STMT_AUX_SESSION_GET, e, SQL_TEXT(token_hash)), read_session_row, s, a, e);
}

/* ---- failed logins ---- */

void
login_overlay(struct store *st, struct user *u)
{
	if (!aux_separate(st))
		return;   /* the columns of app_user are the counters */
	struct store *x = aux_store(st, false, NULL);
	if (!x)
		return;
	int64_t v[2];
	if (stmt_ints(x, STMT_BOUND(x, STMT_LOGIN_FAILURE_GET, NULL, SQL_INT(u->id)), v, 2, NULL) == ERR_OK) {
		u->failed = (int)v[0];
		u->locked_until = v[1];
	}
}

enum err
store_login_failures_set(struct store *st, int64_t user_id, int failed, int64_t locked_until, struct errinfo *e)
{
	struct store *x = aux_store(st, true, e);
	if (!x)
		return ERR_DB;
	return stmt_exec(x, STMT_BOUND(x, STMT_LOGIN_FAILURE_SET, e, SQL_INT(user_id), SQL_INT(failed),
	    SQL_INT(locked_until)), e);
}

void
login_write_through(struct store *st, const struct user *u)
{
	if (aux_separate(st) && aux_store(st, false, NULL))
		store_login_failures_set(st, u->id, u->failed, u->locked_until, NULL);
}

/* ---- transactions ---- */

enum err
store_auth_begin(struct store *st, struct errinfo *e)
{
	if (!aux_separate(st)) {
		/* PostgreSQL: as store_begin, without the advisory lock */
		if (st->reading) {
			st->ops->commit(st, NULL);
			st->in_tx = st->reading = false;
		}
		if (st->tx_depth++ > 0)
			return ERR_OK;
		st->tx_serial++;
		enum err rc = st->ops->begin_auth(st, e);
		if (rc != ERR_OK) {
			st->tx_depth = 0;
			return rc;
		}
		st->in_tx = true;
		st->aborted = false;
		st->wrote = true;
		return ERR_OK;
	}
	struct store *x = aux_store(st, true, e);
	if (!x)
		return ERR_DB;
	return store_begin(x, e);
}

enum err
store_auth_commit(struct store *st, struct errinfo *e)
{
	return store_commit(aux_separate(st) ? st->aux : st, e);
}

void
store_auth_rollback(struct store *st)
{
	struct store *x = aux_separate(st) ? st->aux : st;
	if (x)
		store_rollback(x);
}

/* ---- the audit outbox ---- */

bool
store_audit_outbox_used(struct store *st)
{
	return aux_separate(st);
}

enum err
store_audit_outbox_add(struct store *st, const struct audit_row *r, struct errinfo *e)
{
	struct store *x = aux_store(st, true, e);
	if (!x)
		return ERR_DB;
	return stmt_exec(x, STMT_BOUND(x, STMT_OUTBOX_ADD, e, SQL_INT(r->at), SQL_TEXT(r->actor), SQL_TEXT(r->action),
	    SQL_TEXT(r->object), SQL_TEXT(r->detail), SQL_TEXT(r->ip)), e);
}

/* a row of the outbox: the audit row's own columns (its chain's hashes are made when it enters the chain) */
static void
read_outbox_row(struct store *x, struct stmt *q, void *row, struct arena *a)
{
	struct audit_row *o = row;
	memset(o, 0, sizeof(*o));
	read_audit_event(x, q, o, a);
}

enum err
store_audit_outbox_list(struct store *st, int64_t after, struct audit_row **out, size_t *n, char **generation,
    struct arena *a, struct errinfo *e)
{
	*n = 0;
	*out = NULL;
	*generation = NULL;
	struct store *x = aux_separate(st) ? aux_store(st, false, e) : NULL;
	if (!x)
		return e && e->err ? ERR_DB : ERR_OK;
	struct stmt *q = x->ops->prepare(x, STMT_AUX_META_GET, e);
	if (!q)
		return ERR_DB;
	x->ops->bind(q, 1, SQL_TEXT("generation"));
	if (x->ops->step(q, e) == 1)
		*generation = col_str(x, q, 0, a);
	x->ops->reset(q);
	struct audit_row *v;
	enum err rc = stmt_rows(x, STMT_BOUND(x, STMT_OUTBOX_LIST, e, SQL_INT(after)), sizeof(*v), read_outbox_row, &v, n,
	    a, e);
	if (rc == ERR_OK)
		*out = v;
	return rc;
}

enum err
store_audit_outbox_forget(struct store *st, int64_t upto, struct errinfo *e)
{
	struct store *x = aux_separate(st) ? aux_store(st, false, e) : NULL;
	if (!x)
		return ERR_OK;
	struct stmt *q = x->ops->prepare(x, STMT_OUTBOX_DELETE, e);
	if (!q)
		return ERR_DB;
	x->ops->bind(q, 1, SQL_INT(upto));
	int r = x->ops->step(q, e);
	x->ops->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

/* ---- which import holds the write lock ---- */

void
store_activity_begin(struct store *st, const char *what, int64_t *id)
{
	*id = 0;
	if (!aux_separate(st)) {
		/* PostgreSQL: the connection's name says it (pg_stat_activity) */
		st->ops->exec(st, "SET application_name = 'tuopin import'", NULL);
		*id = 1;
		return;
	}
	struct store *x = aux_store(st, true, NULL);
	if (!x)
		return;
	char host[256] = "";
	gethostname(host, sizeof(host) - 1);
	struct stmt *q = x->ops->prepare(x, STMT_ACTIVITY_ADD, NULL);
	if (!q)
		return;
	x->ops->bind(q, 1, SQL_TEXT(what));
	x->ops->bind(q, 2, SQL_INT((int64_t)getpid()));
	x->ops->bind(q, 3, SQL_TEXT(host));
	x->ops->bind(q, 4, SQL_INT((int64_t)time(NULL)));
	if (x->ops->step(q, NULL) >= 0) {
		x->ops->reset(q);
		/* the row just inserted: the largest id of this process's rows */
		q = x->ops->prepare(x, STMT_ACTIVITY_LIST, NULL);
		while (q && x->ops->step(q, NULL) == 1)
			if (x->ops->col_int(q, 2) == (int64_t)getpid())
				*id = x->ops->col_int(q, 0);
	}
	if (q)
		x->ops->reset(q);
}

void
store_activity_end(struct store *st, int64_t id)
{
	if (!id)
		return;
	if (!aux_separate(st)) {
		st->ops->exec(st, "SET application_name = 'tuopin'", NULL);
		return;
	}
	struct store *x = aux_store(st, false, NULL);
	struct stmt *q = x ? x->ops->prepare(x, STMT_ACTIVITY_DELETE, NULL) : NULL;
	if (!q)
		return;
	x->ops->bind(q, 1, SQL_INT(id));
	x->ops->step(q, NULL);
	x->ops->reset(q);
}

bool
store_activity_running(struct store *st)
{
	if (!aux_separate(st)) {
		struct stmt *q = st->ops->prepare(st, STMT_ACTIVITY_PG, NULL);
		bool running = q && st->ops->step(q, NULL) == 1 && st->ops->col_int(q, 0) > 0;
		if (q)
			st->ops->reset(q);
		return running;
	}
	struct store *x = aux_store(st, false, NULL);
	struct stmt *q = x ? x->ops->prepare(x, STMT_ACTIVITY_LIST, NULL) : NULL;
	if (!q)
		return false;
	char host[256] = "";
	gethostname(host, sizeof(host) - 1);
	bool running = false;
	int64_t dead = 0;
	while (x->ops->step(q, NULL) == 1) {
		pid_t pid = (pid_t)x->ops->col_int(q, 2);
		const char *h = x->ops->col_text(q, 3);
		/* an importer on this machine that is gone (killed) left its row: forget it */
		if (h && strcmp(h, host) == 0 && kill(pid, 0) != 0 && errno == ESRCH)
			dead = x->ops->col_int(q, 0);
		else
			running = true;
	}
	x->ops->reset(q);
	if (dead && (q = x->ops->prepare(x, STMT_ACTIVITY_DELETE, NULL))) {
		x->ops->bind(q, 1, SQL_INT(dead));
		x->ops->step(q, NULL);
		x->ops->reset(q);
	}
	return running;
}
