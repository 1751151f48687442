/* store_auth.c: accounts, sessions, API tokens, the audit log and the household list, over store_ops.
 * Accounts and audit are system tables (not scoped); the household list is scoped. */
#include <stdio.h>
#include <string.h>

#include "lib/utf8.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS st->ops

/* ---- users ---- */

#define U_NCOLS 15   /* stmt.c's U_COLS, first in every statement read_user reads */

static void
read_user(struct store *st, struct stmt *q, struct user *u, struct arena *a)
{
	u->id = OPS->col_int(q, 0);
	u->name = col_str(st, q, 1, a);
	u->display_name = col_str(st, q, 2, a);
	u->role = col_str(st, q, 3, a);
	u->division = OPS->col_int(q, 4);
	u->pw_hash = col_str(st, q, 5, a);
	u->locked = OPS->col_int(q, 6) != 0;
	u->failed = (int)OPS->col_int(q, 7);
	u->locked_until = OPS->col_int(q, 8);
	u->must_change = OPS->col_int(q, 9) != 0;
	u->created_at = OPS->col_int(q, 10);
	u->updated_at = OPS->col_int(q, 11);
	u->reset_sys = col_str(st, q, 12, a);
	u->reset_sec = col_str(st, q, 13, a);
	u->reset_until = OPS->col_int(q, 14);
}

static void
read_user_row(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	read_user(st, q, row, a);
}

static enum err
user_get(struct store *st, enum stmt_id id, struct sqlval key, struct user *u, struct arena *a, struct errinfo *e)
{
	enum err rc = stmt_row(st, STMT_BOUND(st, id, e, key), read_user_row, u, a, e);
	if (rc == ERR_OK)
		login_overlay(st, u);
	return rc;
}

enum err
store_user_by_name(struct store *st, const char *name, struct user *u, struct arena *a, struct errinfo *e)
{
	return user_get(st, STMT_USER_BY_NAME, SQL_TEXT(name), u, a, e);
}

enum err
store_user_by_id(struct store *st, int64_t id, struct user *u, struct arena *a, struct errinfo *e)
{
	return user_get(st, STMT_USER_BY_ID, SQL_INT(id), u, a, e);
}

enum err
store_user_insert(struct store *st, struct user *u, struct errinfo *e)
{
	enum err rc = stmt_exec(st, STMT_BOUND(st, STMT_USER_INSERT, e, SQL_TEXT(u->name), SQL_TEXT(u->display_name),
	    SQL_TEXT(u->role), SQL_INT(u->division), SQL_TEXT(u->pw_hash), SQL_INT(u->locked), SQL_INT(u->failed),
	    SQL_INT(u->locked_until), SQL_INT(u->must_change), SQL_INT(u->created_at)), e);
	if (rc != ERR_OK)
		return rc;
	struct arena a;
	struct user back;
	arena_init(&a);
	rc = store_user_by_name(st, u->name, &back, &a, e);
	if (rc == ERR_OK)
		u->id = back.id;
	arena_free(&a);
	return rc;
}

enum err
store_user_update(struct store *st, const struct user *u, struct errinfo *e)
{
	enum err rc = stmt_exec(st, STMT_BOUND(st, STMT_USER_UPDATE, e, SQL_INT(u->id), SQL_TEXT(u->display_name),
	    SQL_TEXT(u->role), SQL_INT(u->division), SQL_TEXT(u->pw_hash), SQL_INT(u->locked), SQL_INT(u->failed),
	    SQL_INT(u->locked_until), SQL_INT(u->must_change), SQL_INT(u->updated_at), sql_text_or_null(u->reset_sys),
	    sql_text_or_null(u->reset_sec), SQL_INT(u->reset_until)), e);
	if (rc == ERR_OK)
		login_write_through(st, u);
	return rc;
}

enum err
store_user_list(struct store *st, struct user **out, size_t *n, struct arena *a, struct errinfo *e)
{
	enum err rc = stmt_rows(st, OPS->prepare(st, STMT_USER_LIST, e), sizeof(**out), read_user_row, out, n, a, e);
	for (size_t i = 0; rc == ERR_OK && i < *n; i++)
		login_overlay(st, &(*out)[i]);
	return rc;
}

/* ---- sessions ---- */

enum err
store_session_insert(struct store *st, const char *token_hash, int64_t user_id, const char *csrf, int64_t now,
    const char *ip, struct errinfo *e)
{
	if (!(st = aux_store(st, true, e)))
		return ERR_DB;
	return stmt_exec(st, STMT_BOUND(st, STMT_SESSION_INSERT, e, SQL_TEXT(token_hash), SQL_INT(user_id),
	    SQL_TEXT(csrf), SQL_INT(now), sql_text_or_null(ip)), e);
}

enum err
store_session_get(struct store *st, const char *token_hash, struct session_row *s, struct user *u, struct arena *a,
    struct errinfo *e)
{
	if (aux_separate(st)) {
		enum err rc = aux_session_get(st, token_hash, s, a, e);
		return rc == ERR_OK ? store_user_by_id(st, s->user_id, u, a, e) : rc;
	}
	struct stmt *q = STMT_BOUND(st, STMT_SESSION_GET, e, SQL_TEXT(token_hash));
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r < 0)
		return ERR_DB;
	if (r) {
		read_user(st, q, u, a);
		read_session(st, q, U_NCOLS, s, a);
	}
	OPS->reset(q);
	return r ? ERR_OK : ERR_NOTFOUND;
}

static enum err
two_ints(struct store *st, enum stmt_id id, int64_t a1, int64_t a2, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, id, e, SQL_INT(a1), SQL_INT(a2)), e);
}

enum err
store_session_touch(struct store *st, int64_t id, int64_t now, struct errinfo *e)
{
	if (!(st = aux_store(st, false, e)))
		return ERR_OK;
	return two_ints(st, STMT_SESSION_TOUCH, id, now, e);
}

enum err
store_session_delete(struct store *st, const char *token_hash, struct errinfo *e)
{
	if (!(st = aux_store(st, false, e)))
		return e && e->err ? ERR_DB : ERR_OK;
	return stmt_exec(st, STMT_BOUND(st, STMT_SESSION_DELETE, e, SQL_TEXT(token_hash)), e);
}

enum err
store_session_delete_user(struct store *st, int64_t user_id, struct errinfo *e)
{
	if (!(st = aux_store(st, false, e)))
		return e && e->err ? ERR_DB : ERR_OK;
	return stmt_exec(st, STMT_BOUND(st, STMT_SESSION_DELETE_USER, e, SQL_INT(user_id)), e);
}

enum err
store_session_delete_user_but(struct store *st, int64_t user_id, const char *keep_hash, struct errinfo *e)
{
	if (!(st = aux_store(st, false, e)))
		return e && e->err ? ERR_DB : ERR_OK;
	return stmt_exec(st, STMT_BOUND(st, STMT_SESSION_DELETE_USER_BUT, e, SQL_INT(user_id), SQL_TEXT(keep_hash)), e);
}

enum err
store_session_purge(struct store *st, int64_t idle_before, int64_t created_before, struct errinfo *e)
{
	if (!(st = aux_store(st, true, e)))
		return ERR_DB;
	return two_ints(st, STMT_SESSION_PURGE, idle_before, created_before, e);
}

/* ---- tokens ---- */

enum err
store_token_insert(struct store *st, const char *token_hash, int64_t user_id, const char *name, int64_t now,
    int64_t expires, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_TOKEN_INSERT, e, SQL_TEXT(token_hash), SQL_INT(user_id),
	    SQL_TEXT(name), SQL_INT(now), SQL_INT(expires)), e);
}

enum err
store_token_get(struct store *st, const char *token_hash, struct token_row *t, struct user *u, struct arena *a,
    struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_TOKEN_GET, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(token_hash));
	int r = OPS->step(q, e);
	if (r < 0)
		return ERR_DB;
	if (r) {
		read_user(st, q, u, a);
		memset(t, 0, sizeof(*t));
		t->id = OPS->col_int(q, U_NCOLS + 0);
		t->user_id = OPS->col_int(q, U_NCOLS + 1);
		t->expires_at = OPS->col_int(q, U_NCOLS + 2);
		t->revoked = OPS->col_int(q, U_NCOLS + 3) != 0;
		t->created_at = OPS->col_int(q, U_NCOLS + 4);
	}
	OPS->reset(q);
	return r ? ERR_OK : ERR_NOTFOUND;
}

enum err
store_token_touch(struct store *st, int64_t id, int64_t now, struct errinfo *e)
{
	return two_ints(st, STMT_TOKEN_TOUCH, id, now, e);
}

enum err
store_token_revoke(struct store *st, int64_t id, int64_t user_id, bool *done, struct errinfo *e)
{
	/* Revoking is idempotent; done tells whether the token exists for this user. */
	struct arena a;
	struct token_row *v;
	size_t n;
	arena_init(&a);
	enum err rc = store_token_list(st, user_id, &v, &n, &a, e);
	*done = false;
	for (size_t i = 0; rc == ERR_OK && i < n; i++)
		if (v[i].id == id)
			*done = true;
	arena_free(&a);
	if (rc != ERR_OK || !*done)
		return rc;
	return two_ints(st, STMT_TOKEN_REVOKE, id, user_id, e);
}

enum err
store_token_revoke_user(struct store *st, int64_t user_id, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_TOKEN_REVOKE_USER, e, SQL_INT(user_id)), e);
}

static void
read_token(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct token_row *t = row;
	t->id = OPS->col_int(q, 0);
	t->name = col_str(st, q, 1, a);
	t->created_at = OPS->col_int(q, 2);
	t->expires_at = OPS->col_int(q, 3);
	t->last_used = OPS->col_null(q, 4) ? 0 : OPS->col_int(q, 4);
	t->revoked = OPS->col_int(q, 5) != 0;
}

enum err
store_token_list(struct store *st, int64_t user_id, struct token_row **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_TOKEN_LIST, e, SQL_INT(user_id)), sizeof(**out), read_token, out, n,
	    a, e);
	for (size_t i = 0; rc == ERR_OK && i < *n; i++)
		(*out)[i].user_id = user_id;
	return rc;
}

/* ---- audit ---- */

enum err
store_audit_head(struct store *st, int64_t *last_id, char **last_hash, char **last_mac, struct arena *a,
    struct errinfo *e)
{
	if (st->audit_cached && st->tx_depth > 0) {
		*last_id = st->audit_last_id;
		*last_hash = arena_strdup(a, st->audit_last_hash);
		*last_mac = st->audit_last_mac[0] ? arena_strdup(a, st->audit_last_mac) : NULL;
		return ERR_OK;
	}
	struct stmt *q = OPS->prepare(st, STMT_AUDIT_HEAD, e);
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r < 0)
		return ERR_DB;
	if (r) {
		*last_id = OPS->col_int(q, 0);
		*last_hash = col_str(st, q, 1, a);
		*last_mac = col_str(st, q, 2, a);
	}
	OPS->reset(q);
	if (!r)
		return errinfo_set(e, ERR_DB, "", MSG_DB, "audit head missing");
	if (st->tx_depth > 0 && !st->reading) {
		st->audit_cached = true;
		st->audit_dirty = false;
		st->audit_last_id = *last_id;
		snprintf(st->audit_last_hash, sizeof(st->audit_last_hash), "%s", *last_hash);
		snprintf(st->audit_last_mac, sizeof(st->audit_last_mac), "%s", *last_mac ? *last_mac : "");
	}
	return ERR_OK;
}

enum err
store_audit_insert(struct store *st, const struct audit_row *r, struct errinfo *e)
{
	enum err rc = stmt_exec(st, STMT_BOUND(st, STMT_AUDIT_INSERT, e, SQL_INT(r->id), SQL_INT(r->at),
	    SQL_TEXT(r->actor), SQL_TEXT(r->action), sql_text_or_null(r->object), sql_text_or_null(r->detail), sql_text_or_null(r->ip),
	    SQL_TEXT(r->prev_hash), SQL_TEXT(r->hash), sql_text_or_null(r->mac)), e);
	if (rc != ERR_OK)
		return rc;
	if (st->audit_cached && st->tx_depth > 0) {
		/* the head moves at commit (audit_flush, store.c) */
		st->audit_last_id = r->id;
		snprintf(st->audit_last_hash, sizeof(st->audit_last_hash), "%s", r->hash);
		snprintf(st->audit_last_mac, sizeof(st->audit_last_mac), "%s", r->mac ? r->mac : "");
		st->audit_dirty = true;
		return ERR_OK;
	}
	return stmt_exec(st, STMT_BOUND(st, STMT_AUDIT_HEAD_SET, e, SQL_INT(r->id), SQL_TEXT(r->hash), sql_text_or_null(r->mac)), e);
}

static void
read_audit(struct store *st, struct stmt *q, struct audit_row *r, struct arena *a)
{
	read_audit_event(st, q, r, a);
	r->prev_hash = col_str(st, q, 7, a);
	r->hash = col_str(st, q, 8, a);
	r->mac = col_str(st, q, 9, a);
}

enum err
store_audit_each(struct store *st, int64_t from, audit_row_fn fn, void *ctx, struct errinfo *e)
{
	struct stmt *q = STMT_BOUND(st, STMT_AUDIT_FROM, e, SQL_INT(from));
	if (!q)
		return ERR_DB;
	struct arena a;
	arena_init(&a);
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		struct audit_row row;
		read_audit(st, q, &row, &a);
		int stop = fn(ctx, &row);
		if (a.total > (1u << 20))
			arena_free(&a);
		if (stop)
			break;
	}
	OPS->reset(q);
	arena_free(&a);
	return r < 0 ? ERR_DB : ERR_OK;
}

static void
bind_audit_filter(struct store *st, struct stmt *q, const struct audit_filter *f)
{
	OPS->bind(q, 1, SQL_INT(f->from));
	OPS->bind(q, 2, SQL_INT(f->to));
	OPS->bind(q, 3, sql_text_or_null(f->actor));
	OPS->bind(q, 4, sql_text_or_null(f->action));
	OPS->bind(q, 5, sql_text_or_null(f->object));
}

enum err
store_audit_page(struct store *st, const struct audit_filter *f, int limit, int offset, struct audit_row **out,
    size_t *n, int64_t *total, struct arena *a, struct errinfo *e)
{
	/* the statements that name only the given filters (stmt.c: AUDIT_PAGE_W), by the set given */
	static const enum stmt_id pages[8] = { STMT_AUDIT_PAGE, STMT_AUDIT_PAGE_ACTOR, STMT_AUDIT_PAGE_ACTION,
		STMT_AUDIT_PAGE_ACTOR_ACTION, STMT_AUDIT_PAGE_OBJECT, STMT_AUDIT_PAGE_ACTOR_OBJECT,
		STMT_AUDIT_PAGE_ACTION_OBJECT, STMT_AUDIT_PAGE_ALL };
	static const enum stmt_id counts[8] = { STMT_AUDIT_COUNT, STMT_AUDIT_COUNT_ACTOR, STMT_AUDIT_COUNT_ACTION,
		STMT_AUDIT_COUNT_ACTOR_ACTION, STMT_AUDIT_COUNT_OBJECT, STMT_AUDIT_COUNT_ACTOR_OBJECT,
		STMT_AUDIT_COUNT_ACTION_OBJECT, STMT_AUDIT_COUNT_ALL };
	int given = (f->actor ? 1 : 0) | (f->action ? 2 : 0) | (f->object ? 4 : 0);
	enum stmt_id count = counts[given], page = pages[given];
	bool undated = !given && f->from <= 0 && f->to >= 99991231235959LL;
	if (undated) {
		page = STMT_AUDIT_PAGE_UNDATED;
		count = STMT_AUDIT_COUNT_UNDATED;
	}
	struct stmt *q = OPS->prepare(st, count, e);
	if (!q)
		return ERR_DB;
	if (!undated)
		bind_audit_filter(st, q, f);
	int r = OPS->step(q, e);
	if (r < 0)
		return ERR_DB;
	*total = OPS->col_int(q, 0);
	OPS->reset(q);
	q = OPS->prepare(st, page, e);
	if (!q)
		return ERR_DB;
	bind_audit_filter(st, q, f);
	OPS->bind(q, 6, SQL_INT(limit));
	OPS->bind(q, 7, SQL_INT(offset));
	struct audit_row *v = arena_alloc(a, ((size_t)limit + 1) * sizeof(*v));
	size_t k = 0;
	while ((r = OPS->step(q, e)) == 1 && k < (size_t)limit)
		read_audit(st, q, &v[k++], a);
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = v;
	*n = k;
	return ERR_OK;
}

/* ---- household list ---- */

static void
bind_filter(struct store *st, struct stmt *q, const struct hh_filter *f, int64_t lo, int64_t hi)
{
	OPS->bind(q, 1, SQL_INT(lo));
	OPS->bind(q, 2, SQL_INT(hi));
	OPS->bind(q, 3, sql_text_or_null(f->status));
	OPS->bind(q, 4, sql_text_or_null(f->attribute));
	OPS->bind(q, 5, sql_text_or_null(f->cause));
	OPS->bind(q, 6, sql_text_or_null(f->q));
	/* digits (and an X) are a number, never part of a name. Two characters or more are looked up in the name
	 * index at any scope ($8, schema 0016); one character is a scan: of each household's members in a town or
	 * a village ($7), of every name once over a county or more ($8) */
	bool number = f->q && f->q[strspn(f->q, "0123456789Xx")] == '\0';
	bool wide = hi - lo >= 999999 || (f->q && utf8_len(f->q, strlen(f->q)) >= 2);
	OPS->bind(q, 7, number || wide ? SQL_NULL : sql_text_or_null(f->q));
	OPS->bind(q, 8, number || !wide ? SQL_NULL : sql_text_or_null(f->q));
}

/* Whether the list is searched from the households the text finds (STMT_HH_FIND_*): any search but a
 * one-character name within a town or a village ($7 above), which walks the few households in range. */
static bool
search_from_hits(const struct hh_filter *f, int64_t lo, int64_t hi)
{
	if (!f->q)
		return false;
	bool number = f->q[strspn(f->q, "0123456789Xx")] == '\0';
	bool wide = hi - lo >= 999999 || utf8_len(f->q, strlen(f->q)) >= 2;
	return number || wide;
}

/* The list's total, and its counts by status when the caller wants them (f->by_status). */
static enum err
list_counts(struct store *st, const struct hh_filter *f, int64_t lo, int64_t hi, int64_t *total, struct errinfo *e)
{
	if (f->day || f->by_status) {
		/* the as-of count: the households registered on the day, summed over their statuses then (and any
		 * count the caller wants by status) */
		int64_t by[ST__MAX], *b = f->by_status ? f->by_status : by;
		enum err rc = store_household_list_by_status(st, f, b, e);
		for (int i = 0; rc == ERR_OK && i < ST__MAX; i++)
			*total += b[i];
		return rc;
	}
	struct stmt *q = OPS->prepare(st, search_from_hits(f, lo, hi) ? STMT_HH_FIND_COUNT : STMT_HH_LIST_COUNT, e);
	if (!q)
		return ERR_DB;
	bind_filter(st, q, f, lo, hi);
	int r = OPS->step(q, e);
	if (r < 0)
		return ERR_DB;
	*total = OPS->col_int(q, 0);
	OPS->reset(q);
	return ERR_OK;
}

enum err
store_household_list(struct store *st, const struct hh_filter *f, struct hh_summary **out, size_t *n, int64_t *total,
    struct arena *a, struct errinfo *e)
{
	int64_t lo = f->lo, hi = f->hi;
	*out = NULL;
	*n = 0;
	*total = 0;
	for (int i = 0; f->by_status && i < ST__MAX; i++)
		f->by_status[i] = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = ERR_OK;
	struct stmt *q;
	int r;
	bool found = search_from_hits(f, lo, hi);
	/* a search as the registry stands: the counts come with the page's rows (HH_FOUND), the matches found once */
	bool counted_on_page = found && !f->day && f->limit > 0;
	if (!counted_on_page && (rc = list_counts(st, f, lo, hi, total, e)) != ERR_OK)
		goto out;
	static const enum stmt_id by_sort[HH_SORT__N] = {
		[HH_SORT_NO] = STMT_HH_LIST, [HH_SORT_VILLAGE] = STMT_HH_LIST_VILLAGE, [HH_SORT_NO_DESC] = STMT_HH_LIST_DESC,
		[HH_SORT_VILLAGE_DESC] = STMT_HH_LIST_VILLAGE_DESC, [HH_SORT_STATUS] = STMT_HH_LIST_STATUS,
		[HH_SORT_ATTRIBUTE] = STMT_HH_LIST_ATTRIBUTE, [HH_SORT_CAUSE] = STMT_HH_LIST_CAUSE,
	};
	static const enum stmt_id by_sort_at[HH_SORT__N] = {
		[HH_SORT_NO] = STMT_HH_LIST_ASOF, [HH_SORT_VILLAGE] = STMT_HH_LIST_ASOF_VILLAGE,
		[HH_SORT_NO_DESC] = STMT_HH_LIST_ASOF_DESC, [HH_SORT_VILLAGE_DESC] = STMT_HH_LIST_ASOF_VILLAGE_DESC,
		[HH_SORT_STATUS] = STMT_HH_LIST_ASOF_STATUS, [HH_SORT_ATTRIBUTE] = STMT_HH_LIST_ASOF_ATTRIBUTE,
		[HH_SORT_CAUSE] = STMT_HH_LIST_ASOF_CAUSE,
	};
	static const enum stmt_id found_by_sort[HH_SORT__N] = {
		[HH_SORT_NO] = STMT_HH_FIND, [HH_SORT_VILLAGE] = STMT_HH_FIND_VILLAGE, [HH_SORT_NO_DESC] = STMT_HH_FIND_DESC,
		[HH_SORT_VILLAGE_DESC] = STMT_HH_FIND_VILLAGE_DESC, [HH_SORT_STATUS] = STMT_HH_FIND_STATUS,
		[HH_SORT_ATTRIBUTE] = STMT_HH_FIND_ATTRIBUTE, [HH_SORT_CAUSE] = STMT_HH_FIND_CAUSE,
	};
	static const enum stmt_id found_by_sort_at[HH_SORT__N] = {
		[HH_SORT_NO] = STMT_HH_FIND_ASOF, [HH_SORT_VILLAGE] = STMT_HH_FIND_ASOF_VILLAGE,
		[HH_SORT_NO_DESC] = STMT_HH_FIND_ASOF_DESC, [HH_SORT_VILLAGE_DESC] = STMT_HH_FIND_ASOF_VILLAGE_DESC,
		[HH_SORT_STATUS] = STMT_HH_FIND_ASOF_STATUS, [HH_SORT_ATTRIBUTE] = STMT_HH_FIND_ASOF_ATTRIBUTE,
		[HH_SORT_CAUSE] = STMT_HH_FIND_ASOF_CAUSE,
	};
	enum hh_sort sort = f->sort < HH_SORT__N ? f->sort : HH_SORT_VILLAGE;
	enum stmt_id id = f->day ? (found ? found_by_sort_at : by_sort_at)[sort] : (found ? found_by_sort : by_sort)[sort];
	/* by 户编号 over at most half of the database's villages: through the village index, then sorted */
	if (!found && (sort == HH_SORT_NO || sort == HH_SORT_NO_DESC) &&
	    2 * villages_between(st, lo, hi) <= villages_between(st, 0, INT64_MAX)) {
		static const enum stmt_id narrow[2][2] = { { STMT_HH_LIST_NARROW, STMT_HH_LIST_NARROW_DESC },
			{ STMT_HH_LIST_ASOF_NARROW, STMT_HH_LIST_ASOF_NARROW_DESC } };
		id = narrow[f->day != 0][sort == HH_SORT_NO_DESC];
	}
	q = OPS->prepare(st, id, e);
	if (!q) {
		rc = ERR_DB;
		goto out;
	}
	bind_filter(st, q, f, lo, hi);
	OPS->bind(q, 9, SQL_INT(f->limit));
	OPS->bind(q, 10, SQL_INT(f->offset));
	if (f->day)
		OPS->bind(q, 11, SQL_INT(f->day));
	struct hh_summary *v = arena_alloc(a, ((size_t)f->limit + 1) * sizeof(*v));
	size_t k = 0;
	while ((r = OPS->step(q, e)) == 1 && k < (size_t)f->limit) {
		if (counted_on_page && k == 0)
			for (int i = ST_POOR; i < ST__MAX; i++) {
				int64_t c = OPS->col_int(q, HH_NCOLS + 1 + i);
				*total += c;
				if (f->by_status)
					f->by_status[i] = c;
			}
		read_household(st, q, 0, &v[k].h, a);
		v[k].head_name = col_str(st, q, HH_NCOLS, a);
		v[k].size = OPS->col_int(q, HH_NCOLS + 1);
		v[k].status_at = v[k].h.status;
		if (f->day) {
			const char *sa = OPS->col_text(q, HH_NCOLS + 2);
			if (!sa || !status_from_code(sa, &v[k].status_at))
				v[k].status_at = ST_NONE;
		}
		k++;
	}
	OPS->reset(q);
	if (r < 0)
		rc = ERR_DB;
	/* a page past the last match carries no counts: they are counted on their own */
	else if (counted_on_page && k == 0 && f->offset > 0)
		rc = list_counts(st, f, lo, hi, total, e);
	*out = v;
	*n = k;
out:
	read_end(st, began);
	return rc;
}

enum err
store_household_list_by_status(struct store *st, const struct hh_filter *f, int64_t *by, struct errinfo *e)
{
	int64_t lo = f->lo, hi = f->hi;
	for (int i = 0; i < ST__MAX; i++)
		by[i] = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool found = search_from_hits(f, lo, hi);
	struct stmt *q = OPS->prepare(st, f->day ? (found ? STMT_HH_FIND_ASOF_BY_STATUS : STMT_HH_LIST_ASOF_BY_STATUS) :
	    (found ? STMT_HH_FIND_BY_STATUS : STMT_HH_LIST_BY_STATUS), e);
	if (!q)
		return ERR_DB;
	bind_filter(st, q, f, lo, hi);
	if (f->day)
		OPS->bind(q, 9, SQL_INT(f->day));
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		enum status s;
		if (status_from_code(OPS->col_text(q, 0), &s))
			by[s] += OPS->col_int(q, 1);
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_household_size(struct store *st, int64_t hh, int day, int64_t *n, struct errinfo *e)
{
	enum err rc = stmt_int(st, STMT_BOUND(st, STMT_HH_MEMBER_COUNT, e, SQL_INT(hh), SQL_INT(day)), n, e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}
