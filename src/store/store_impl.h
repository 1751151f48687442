/* store_impl.h: helpers shared by the store's own files (not for other layers). */
#ifndef TUOPIN_STORE_IMPL_H
#define TUOPIN_STORE_IMPL_H

#include "store/store.h"

/* "As now known": the stamp just before the open end, so recorded_from <= T < recorded_to selects the
 * spans that are not closed. */
#define NOW_KNOWN (99991231235959LL - 1)

bool scope_clip(const struct store *st, int64_t *lo, int64_t *hi);
/* Inside a store_begin_county transaction: the lock of a key of space (an ID number, a 户编号), held to the end
 * (store.c), so that a number one county writer finds free stays free until it has taken it; a no-op in any
 * other transaction. */
enum lock_space { LOCK_IDNO = 0x74750002, LOCK_HH_NO = 0x74750003 };
enum err store_lock_key(struct store *st, enum lock_space space, const char *key, struct errinfo *e);
bool read_begin(struct store *st, struct errinfo *e);
void read_end(struct store *st, bool began);
void store_divs_free(struct store *st);
/* Whether this transaction has checked the division tree's generation already; if not, divs_ensure_with
 * checks it with STMT_DIV_GEN prepared by the caller (run together with the caller's own reads), reloading the
 * tree if it changed. */
bool divs_checked(const struct store *st);
enum err divs_ensure_with(struct store *st, struct stmt *gen, struct errinfo *e);
/* How many villages the division tree has with codes in [lo, hi] (0 if the tree cannot be read). */
size_t villages_between(struct store *st, int64_t lo, int64_t hi);
/* Columns of stmt.c's HH_COLS and M_COLS, read by read_household and read_member. */
#define HH_NCOLS 17
#define M_NCOLS 22
void read_household(struct store *st, struct stmt *q, int c, struct household *h, struct arena *a);
void read_member(struct store *st, struct stmt *q, int c, struct member *m, struct arena *a);
char *col_str(struct store *st, struct stmt *q, int i, struct arena *a);
/* store_external.c: the first MATCH_HEAD_NCOLS columns every statement matching a list row to a member gives
 * (the row, the member, the household's status and monitoring); the rest of m cleared. */
#define MATCH_HEAD_NCOLS 18
void read_match_head(struct store *st, struct stmt *q, struct external_match *m);

/* store_session.c: the store that keeps sessions and login counters: st itself on PostgreSQL, the session
 * database beside the main file on SQLite (aux_separate), opened on first use. create: make the file if there
 * is none; otherwise NULL (and e untouched) means there is none yet, so no session either. */
bool aux_separate(const struct store *st);
struct store *aux_store(struct store *st, bool create, struct errinfo *e);
/* store_session.c: a session's columns (id, user_id, csrf, created_at, seen_at) from column c on, as both the
 * main file's and the session database's statements give them. */
void read_session(struct store *st, struct stmt *q, int c, struct session_row *s, struct arena *a);
/* store_session_get on SQLite: the session from the session database (its user is the main file's). */
enum err aux_session_get(struct store *st, const char *token_hash, struct session_row *s, struct arena *a,
    struct errinfo *e);
/* SQLite: the failed-login counters of u from the session database (app_user's columns stay as they were);
 * and written there when an administrator changes them. No-ops on PostgreSQL. */
void login_overlay(struct store *st, struct user *u);
void login_write_through(struct store *st, const struct user *u);
int col_int_or(struct store *st, struct stmt *q, int i, int dflt);
/* store_rows.c: an audit row's first seven columns (id, at, actor, action, object, detail, ip), which the
 * audit log's statements and the session database's outbox both give; the chain's hashes are not touched. */
void read_audit_event(struct store *st, struct stmt *q, struct audit_row *r, struct arena *a);
/* The columns of a rule statement (stmt.c's RULE_HH ...) into r; every row of q to fn (store_check.c). */
void read_rule_row(struct store *st, struct stmt *q, struct rule_row *r);
enum err each_rule_row(struct store *st, struct stmt *q, rule_row_fn fn, void *ctx, struct errinfo *e);

/* store_rows.c: one statement run. stmt_bound prepares id with v[0..n-1] bound to $1..$n (NULL, e set, if it
 * cannot be prepared); STMT_BOUND(st, id, e, v1, v2, ...) counts the values. The runners take that NULL too
 * (ERR_DB) and reset the statement: stmt_exec steps to the end; stmt_insert wants a row back (INSERT ... RETURNING)
 * and reads its column 0 into *id (id may be NULL); stmt_row reads the one row with read (ERR_NOTFOUND, e
 * untouched, when there is none); stmt_rows reads every row into a new arena array of elements of size bytes
 * (out is the address of the array's pointer). */
typedef void (*row_reader)(struct store *st, struct stmt *q, void *row, struct arena *a);
struct stmt *stmt_bound(struct store *st, enum stmt_id id, const struct sqlval *v, int n, struct errinfo *e);
#define STMT_BOUND(st, id, e, ...)                                                                                 \
	stmt_bound((st), (id), (const struct sqlval[]){ __VA_ARGS__ },                                             \
	    (int)(sizeof((const struct sqlval[]){ __VA_ARGS__ }) / sizeof(struct sqlval)), (e))
/* Run q[0..n-1] (bound, not stepped) at once where the backend can (store_ops.run_together: one round trip
 * on PostgreSQL); each is then read with the runners below. ERR_DB, every one reset, if one is NULL or fails. */
enum err stmt_run_together(struct store *st, struct stmt **q, size_t n, struct errinfo *e);
enum err stmt_exec(struct store *st, struct stmt *q, struct errinfo *e);
/* Step q once: *v is its first column (a count, a maximum, an amount), ERR_NOTFOUND with *v 0 if it gave no row. */
enum err stmt_int(struct store *st, struct stmt *q, int64_t *v, struct errinfo *e);
/* The same for the first n columns, v[0..n-1] (counts read together: all 0 with ERR_NOTFOUND if no row). */
enum err stmt_ints(struct store *st, struct stmt *q, int64_t *v, int n, struct errinfo *e);
/* Step q once: *yes whether it gave a row. */
enum err stmt_exists(struct store *st, struct stmt *q, bool *yes, struct errinfo *e);
enum err stmt_insert(struct store *st, struct stmt *q, int64_t *id, struct errinfo *e);
enum err stmt_row(struct store *st, struct stmt *q, row_reader read, void *row, struct arena *a, struct errinfo *e);
enum err stmt_rows(struct store *st, struct stmt *q, size_t size, row_reader read, void *out, size_t *n,
    struct arena *a, struct errinfo *e);
/* Every row of q to each(st, q, ctx) until it returns nonzero, streamed where the backend can (PostgreSQL: a
 * cursor hands the rows out a batch at a time, in the read snapshot the caller began); ERR_DB if q is NULL or a
 * step fails before each stopped. The row's texts live until the next step: each copies what it keeps. */
typedef int (*row_each)(struct store *st, struct stmt *q, void *ctx);
enum err stmt_each(struct store *st, struct stmt *q, row_each each, void *ctx, struct errinfo *e);
/* An arena array of k elements grown by doubling to hold one more (*cap its capacity). */
void *arena_grow(struct arena *a, void *v, size_t *cap, size_t k, size_t size);
/* Values that are NULL when empty: no text or "", 0, and -1 for an unknown yes/no. */
static inline struct sqlval
sql_opt_text(const char *s)
{
	return s && *s ? SQL_TEXT(s) : SQL_NULL;
}
/* NULL only for no text: "" is kept (the audit log's hashed fields, the sessions' addresses) */
static inline struct sqlval
sql_text_or_null(const char *s)
{
	return s ? SQL_TEXT(s) : SQL_NULL;
}
static inline struct sqlval
sql_opt_int(int64_t v)
{
	return v ? SQL_INT(v) : SQL_NULL;
}
static inline struct sqlval
sql_tri(int v)
{
	return v < 0 ? SQL_NULL : SQL_INT(v);
}

#endif
