/* store.c: opening, migrations, scope, transactions, meta and divisions, written once over store_ops.
 * The registry's reads and writes are in store_registry.c, the reports in store_report.c. */
#include "store/store.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "lib/util.h"
#include "store/embedded.h"
#include "store/store_impl.h"

/* ---- closing ---- */

void
store_close(struct store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		st->ops->rollback(st);
	if (st->aux)
		store_close(st->aux);
	store_divs_free(st);
	st->ops->close(st);
	free(st->uri);
	free(st->open_uri);
	free(st);
}

static const struct embedded_file *
migrations(const struct store *st, size_t *n)
{
	if (strcmp(st->ops->name, "sqlite") == 0) {
		*n = sql_sqlite_count;
		return sql_sqlite;
	}
	*n = sql_pg_count;
	return sql_pg;
}

int
store_schema_version_expected(void)
{
	/* Both backends carry the same numbered migrations (a test checks it). */
	return (int)sql_sqlite_count;
}

const char *
store_schema_newest_name(void)
{
	/* The version counts the migrations, and their files are numbered with a gap (no 0008): an administrator
	 * who compares "schema 25" with the newest file 0026 is told which file that is. */
	static char name[64];
	if (!name[0] && sql_sqlite_count > 0) {
		const char *n = sql_sqlite[sql_sqlite_count - 1].name, *slash = strrchr(n, '/');
		snprintf(name, sizeof(name), "%s", slash ? slash + 1 : n);
		char *dot = strrchr(name, '.');
		if (dot)
			*dot = '\0';
	}
	return name;
}

/* The schema version: 0 for a database without the migrations table. Only reads, so a read-only connection
 * (a PostgreSQL replica, a SQLite file opened read-only) can check it; create makes the table first. */
static enum err
schema_version(struct store *st, bool create, int *version, struct errinfo *e)
{
	*version = 0;
	if (create) {
		enum err rc = st->ops->exec(st, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
		    "PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", e);
		if (rc != ERR_OK)
			return rc;
	}
	struct stmt *q = st->ops->prepare(st, STMT_MIG_TABLE, e);
	if (!q)
		return ERR_DB;
	int r = st->ops->step(q, e);
	if (r < 0)
		return ERR_DB;
	bool exists = r == 1 && st->ops->col_int(q, 0) > 0;
	st->ops->reset(q);
	if (!exists)
		return ERR_OK;
	q = st->ops->prepare(st, STMT_MIG_VERSION, e);
	if (!q)
		return ERR_DB;
	if (st->ops->step(q, e) < 0)
		return ERR_DB;
	*version = (int)st->ops->col_int(q, 0);
	st->ops->reset(q);
	return ERR_OK;
}

enum err
store_migrate(struct store *st, int *applied, struct errinfo *e)
{
	size_t n;
	const struct embedded_file *m = migrations(st, &n);
	int version;
	enum err rc;

	*applied = 0;
	if ((rc = schema_version(st, true, &version, e)) != ERR_OK)
		return rc;
	if (version > (int)n)
		return errinfo_set(e, ERR_DB, "", MSG_DB_SCHEMA_NEW, version, (int)n);
	for (size_t i = (size_t)version; i < n; i++) {
		char *sql = xstrndup((const char *)m[i].data, m[i].len);
		char when[26];
		stamp_format_iso(stamp_now(), when);
		rc = st->ops->begin(st, true, e);
		if (rc == ERR_OK)
			rc = st->ops->exec(st, sql, e);
		free(sql);
		if (rc == ERR_OK) {
			struct stmt *q = st->ops->prepare(st, STMT_MIG_RECORD, e);
			if (!q)
				rc = ERR_DB;
			else {
				st->ops->bind(q, 1, SQL_INT((int64_t)i + 1));
				st->ops->bind(q, 2, SQL_TEXT(m[i].name));
				st->ops->bind(q, 3, SQL_TEXT(when));
				if (st->ops->step(q, e) < 0)
					rc = ERR_DB;
				st->ops->reset(q);
			}
		}
		if (rc == ERR_OK)
			rc = st->ops->commit(st, e);
		if (rc != ERR_OK) {
			st->ops->rollback(st);
			return rc;
		}
		(*applied)++;
	}
	return ERR_OK;
}

enum err
store_schema_version(struct store *st, int *version, struct errinfo *e)
{
	return schema_version(st, false, version, e);
}

enum err
store_check_schema(struct store *st, struct errinfo *e)
{
	int version;
	enum err rc = schema_version(st, false, &version, e);
	if (rc != ERR_OK)
		return rc;
	int want = store_schema_version_expected();
	if (version < want)
		return errinfo_set(e, ERR_DB, "", MSG_DB_SCHEMA_OLD, version, want);
	if (version > want)
		return errinfo_set(e, ERR_DB, "", MSG_DB_SCHEMA_NEW, version, want);
	return ERR_OK;
}

/* ---- scope ---- */

void
division_range(int64_t code, int64_t *lo, int64_t *hi)
{
	if (code <= 0) {
		*lo = 0;
		*hi = 999999999999LL;
		return;
	}
	/* Trailing zeros by level: province 10 digits, city 8, county 6, town 3, village 0. */
	static const int64_t units[] = { 10000000000LL, 100000000LL, 1000000LL, 1000LL };
	for (size_t i = 0; i < NELEM(units); i++)
		if (code % units[i] == 0) {
			*lo = code;
			*hi = code + units[i] - 1;
			return;
		}
	*lo = *hi = code;
}

void
store_set_scope(struct store *st, int64_t code)
{
	division_range(code, &st->scope_lo, &st->scope_hi);
}

bool
store_in_scope(const struct store *st, int64_t village)
{
	return village >= st->scope_lo && village <= st->scope_hi;
}

/* Intersect [lo, hi] with the scope; false if empty. */
bool
scope_clip(const struct store *st, int64_t *lo, int64_t *hi)
{
	if (*lo < st->scope_lo)
		*lo = st->scope_lo;
	if (*hi > st->scope_hi)
		*hi = st->scope_hi;
	return *lo <= *hi;
}

/* ---- transactions ---- */

enum err
store_begin(struct store *st, struct errinfo *e)
{
	if (st->reading) {
		/* a write inside a read snapshot: the snapshot ends, the write transaction starts fresh */
		st->ops->commit(st, NULL);
		st->in_tx = st->reading = false;
	}
	if (st->tx_depth++ > 0)
		return ERR_OK;
	st->tx_serial++;
	enum err rc = st->ops->begin(st, true, e);
	if (rc != ERR_OK) {
		st->tx_depth = 0;
		return rc;
	}
	st->in_tx = true;
	st->aborted = false;
	st->wrote = true;
	return ERR_OK;
}

enum err
store_begin_nowait(struct store *st, struct errinfo *e)
{
	st->nowait = true;
	enum err rc = store_begin(st, e);
	st->nowait = false;
	return rc;
}

enum err
store_begin_county(struct store *st, struct errinfo *e)
{
	bool outer = st->tx_depth == 0 && st->ops->lock;
	if (outer) {
		st->county_tx = true;
		st->county_locked = -1;
	}
	enum err rc = store_begin(st, e);
	if (rc != ERR_OK && outer)
		st->county_tx = false;
	return rc;
}

/* The lock space of store_lock_county ("tu" and a number, as store_lock_key's, store_impl.h), apart from the
 * writers' lock (a single 64-bit key, pg.c), which lives in PostgreSQL's other key space. */
#define LOCK_COUNTY 0x74750001

enum err
store_lock_county(struct store *st, int64_t county, bool *locked, struct errinfo *e)
{
	if (locked)
		*locked = false;
	if (!st->county_tx || !st->in_tx || county == st->county_locked)
		return ERR_OK;
	enum err rc = st->ops->lock(st, LOCK_COUNTY, (int32_t)county, e);
	if (rc == ERR_OK) {
		st->county_locked = county;
		if (locked)
			*locked = true;
	}
	return rc;
}

enum err
store_lock_key(struct store *st, enum lock_space space, const char *key, struct errinfo *e)
{
	if (!st->county_tx || !st->in_tx)
		return ERR_OK;
	uint32_t h = 2166136261u;   /* FNV-1a: two keys that share a hash only wait for each other */
	for (const unsigned char *c = (const unsigned char *)key; *c; c++)
		h = (h ^ *c) * 16777619u;
	return st->ops->lock(st, (int32_t)space, (int32_t)h, e);
}

bool
store_reconnect_if_lost(struct store *st, struct errinfo *e)
{
	if (!st->ops->lost || !st->ops->lost(st))
		return false;
	/* whatever was open died with the connection */
	st->in_tx = st->reading = st->bulk = st->aborted = st->county_tx = false;
	st->tx_depth = 0;
	st->audit_cached = st->audit_dirty = false;
	st->divs_checked = 0;
	st->ops->reconnect(st, e);
	return true;
}

bool
store_in_write(const struct store *st)
{
	return st->tx_depth > 0;
}

bool
store_wrote(const struct store *st)
{
	return st->wrote;
}

void
store_clear_wrote(struct store *st)
{
	st->wrote = false;
}

/* The audit chain's head, held by the transaction (store_audit_insert, store_auth.c), written once before the
 * commit. */
static enum err
audit_flush(struct store *st, struct errinfo *e)
{
	if (!st->audit_cached || !st->audit_dirty) {
		st->audit_cached = st->audit_dirty = false;
		return ERR_OK;
	}
	struct stmt *q = STMT_BOUND(st, STMT_AUDIT_HEAD_SET, e, SQL_INT(st->audit_last_id), SQL_TEXT(st->audit_last_hash),
	    st->audit_last_mac[0] ? SQL_TEXT(st->audit_last_mac) : SQL_NULL);
	if (!q)
		return ERR_DB;
	st->audit_cached = st->audit_dirty = false;
	return stmt_exec(st, q, e);
}

enum err
store_commit(struct store *st, struct errinfo *e)
{
	if (st->aborted) {
		if (st->tx_depth > 0)
			st->tx_depth--;
		if (st->tx_depth == 0)
			st->county_tx = false;
		return errinfo_set(e, ERR_DB, "", MSG_DB, "transaction rolled back");
	}
	if (st->tx_depth == 0)
		return ERR_OK;
	if (--st->tx_depth > 0)
		return ERR_OK;
	enum err rc = audit_flush(st, e);
	if (rc != ERR_OK) {
		st->ops->rollback(st);
		st->in_tx = st->county_tx = false;
		return rc;
	}
	rc = st->ops->commit(st, e);
	if (rc != ERR_OK)
		st->ops->rollback(st);
	st->in_tx = st->county_tx = false;
	return rc;
}

void
store_rollback(struct store *st)
{
	st->audit_cached = st->audit_dirty = false;
	if (st->in_tx)
		st->ops->rollback(st);
	st->in_tx = false;
	if (st->tx_depth > 1)
		st->aborted = true;
	if (st->tx_depth > 0)
		st->tx_depth--;
	if (st->tx_depth == 0)
		st->aborted = st->county_tx = false;
	st->bulk = false;
}


enum err
store_bulk_begin(struct store *st, struct errinfo *e)
{
	enum err rc = st->ops->bulk_begin(st, e);
	if (rc == ERR_OK)
		st->bulk = true;
	return rc;
}

enum err
store_bulk_end(struct store *st, struct errinfo *e)
{
	st->bulk = false;
	return st->ops->bulk_end(st, e);
}

/* The epoch of store_snapshot_epoch, for the whole process. Why the scheme is sound: a snapshot S that
 * answers true read the epoch before it began and sees what the last snapshot asked on its connection saw.
 * Take a commit W that one of two such snapshots sees and the other does not. The one that does not began
 * (and read the epoch) before W committed. On the connection of the one that does, the first snapshot asked
 * after W found the data version changed and moved the epoch on, before the later snapshot read it. So
 * their epochs differ. */
static _Atomic uint64_t data_epoch = 1;

/* Run reads in one snapshot when no transaction is open. */
bool
read_begin(struct store *st, struct errinfo *e)
{
	if (st->in_tx)
		return false;
	st->snap_epoch = atomic_load(&data_epoch);   /* before the snapshot begins, as the proof above needs */
	st->snap_checked = false;
	if (st->ops->begin(st, false, e) != ERR_OK)
		return false;
	st->tx_serial++;
	st->in_tx = st->reading = true;
	return true;
}

void
read_end(struct store *st, bool began)
{
	if (!began || !st->reading)
		return;
	st->ops->commit(st, NULL);
	st->in_tx = st->reading = false;
}

bool
store_read_begin(struct store *st, struct errinfo *e)
{
	return read_begin(st, e);
}

void
store_read_end(struct store *st, bool began)
{
	read_end(st, began);
}

bool
store_snapshot_epoch(struct store *st, uint64_t *epoch)
{
	if (!st->reading || !st->ops->data_version)
		return false;
	uint32_t v = 0;
	bool ok = st->ops->data_version(st, &v) == ERR_OK;
	if (!st->snap_checked) {
		/* the first question in this snapshot: does it see what the connection's last one asked saw? */
		st->snap_checked = true;
		st->snap_ok = ok && st->have_dv && v == st->last_dv;
		if (!st->snap_ok)
			atomic_fetch_add(&data_epoch, 1);
		st->have_dv = ok;
		st->last_dv = v;
	} else if (!ok || v != st->last_dv)
		st->snap_ok = false;   /* written to since: no longer the snapshot the epoch stands for */
	*epoch = st->snap_epoch;
	return st->snap_ok;
}

bool
store_registry_generation(struct store *st, uint64_t *gen)
{
	struct errinfo e;
	errinfo_clear(&e);
	struct stmt *q = st->ops->prepare(st, STMT_REGISTRY_GEN, &e);
	if (!q)
		return false;
	bool ok = st->ops->step(q, &e) == 1;
	if (ok)
		*gen = (uint64_t)st->ops->col_int(q, 0);
	st->ops->reset(q);
	return ok;
}

/* ---- meta ---- */

enum err
store_meta_get(struct store *st, const char *key, char **value, struct arena *a, struct errinfo *e)
{
	struct stmt *q = st->ops->prepare(st, STMT_META_GET, e);
	if (!q)
		return ERR_DB;
	st->ops->bind(q, 1, SQL_TEXT(key));
	int r = st->ops->step(q, e);
	if (r < 0)
		return ERR_DB;
	*value = r ? col_str(st, q, 0, a) : NULL;
	st->ops->reset(q);
	return r ? ERR_OK : ERR_NOTFOUND;
}

enum err
store_meta_set(struct store *st, const char *key, const char *value, struct errinfo *e)
{
	struct stmt *q = st->ops->prepare(st, STMT_META_SET, e);
	if (!q)
		return ERR_DB;
	st->ops->bind(q, 1, SQL_TEXT(key));
	st->ops->bind(q, 2, SQL_TEXT(value));
	int r = st->ops->step(q, e);
	st->ops->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

/* ---- divisions ---- */

static void
read_division(struct store *st, struct stmt *q, struct division *d, struct arena *a)
{
	d->code = st->ops->col_int(q, 0);
	d->name = col_str(st, q, 1, a);
	d->level = (int)st->ops->col_int(q, 2);
	d->parent = st->ops->col_null(q, 3) ? 0 : st->ops->col_int(q, 3);
	d->poor_village = st->ops->col_int(q, 4) != 0;
	d->exit_year = col_int_or(st, q, 5, 0);
	d->rural_pop = st->ops->col_null(q, 6) ? -1 : st->ops->col_int(q, 6);
}

/* Load the division tree into the connection's cache unless the cached generation is current. The check
 * runs once per transaction or snapshot (and on every call outside one). Older generations stay allocated
 * until the connection closes, so divisions handed out earlier stay valid. */
bool
divs_checked(const struct store *st)
{
	return st->divs && st->in_tx && st->divs_checked == st->tx_serial;
}

/* divs_ensure with the generation's statement q (STMT_DIV_GEN) already prepared, and perhaps already run with
 * other statements (stmt_run_together). */
enum err
divs_ensure_with(struct store *st, struct stmt *q, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	int r = st->ops->step(q, e);
	if (r < 0)
		return ERR_DB;
	char gen[32] = "0";
	if (r)
		snprintf(gen, sizeof(gen), "%s", st->ops->col_text(q, 0));
	st->ops->reset(q);
	if (st->divs && st->divs_gen && strcmp(st->divs_gen, gen) == 0) {
		st->divs_checked = st->tx_serial;
		return ERR_OK;
	}
	st->divs_arenas = xrealloc(st->divs_arenas, (st->n_divs_arenas + 1) * sizeof(struct arena));
	struct arena *a = &st->divs_arenas[st->n_divs_arenas++];
	arena_init(a);
	q = st->ops->prepare(st, STMT_DIV_RANGE, e);
	if (!q)
		return ERR_DB;
	st->ops->bind(q, 1, SQL_INT(0));
	st->ops->bind(q, 2, SQL_INT(999999999999LL));
	size_t cap = 256, k = 0;
	struct division *v = xmalloc(cap * sizeof(*v));
	while ((r = st->ops->step(q, e)) == 1) {
		if (k == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof(*v));
		}
		read_division(st, q, &v[k++], a);
	}
	st->ops->reset(q);
	if (r < 0) {
		free(v);
		return ERR_DB;
	}
	struct division *copy = arena_alloc(a, (k ? k : 1) * sizeof(*copy));
	memcpy(copy, v, k * sizeof(*copy));
	free(v);
	/* villages_before[i]: the villages among the first i divisions (villages_between counts by two bisections) */
	size_t *before = arena_alloc(a, (k + 1) * sizeof(*before));
	before[0] = 0;
	for (size_t i = 0; i < k; i++)
		before[i + 1] = before[i] + (copy[i].level == LV_VILLAGE);
	st->divs = copy;
	st->n_divs = k;
	st->villages_before = before;
	st->divs_gen = arena_strdup(a, gen);
	st->divs_checked = st->tx_serial;
	return ERR_OK;
}

static enum err
divs_ensure(struct store *st, struct errinfo *e)
{
	return divs_checked(st) ? ERR_OK : divs_ensure_with(st, st->ops->prepare(st, STMT_DIV_GEN, e), e);
}

void
store_divs_free(struct store *st)
{
	for (size_t i = 0; i < st->n_divs_arenas; i++)
		arena_free(&st->divs_arenas[i]);
	free(st->divs_arenas);
	st->divs_arenas = NULL;
	st->n_divs_arenas = 0;
	st->divs = NULL;
}

/* The first cached division with code >= code. */
static size_t
divs_lower(const struct store *st, int64_t code)
{
	return lower_bound_i64(st->divs, st->n_divs, sizeof(*st->divs), offsetof(struct division, code), code);
}

enum err
store_division_get(struct store *st, int64_t code, struct division *d, struct arena *a, struct errinfo *e)
{
	(void)a;
	enum err rc = divs_ensure(st, e);
	if (rc != ERR_OK)
		return rc;
	size_t i = divs_lower(st, code);
	if (i == st->n_divs || st->divs[i].code != code)
		return ERR_NOTFOUND;
	*d = st->divs[i];
	return ERR_OK;
}

enum err
store_division_upsert(struct store *st, const struct division *d, bool *inserted, struct errinfo *e)
{
	struct stmt *q = st->ops->prepare(st, STMT_DIV_EXISTS, e);
	if (!q)
		return ERR_DB;
	st->ops->bind(q, 1, SQL_INT(d->code));
	int r = st->ops->step(q, e);
	st->ops->reset(q);
	if (r < 0)
		return ERR_DB;
	if (inserted)
		*inserted = r == 0;
	q = st->ops->prepare(st, STMT_DIV_UPSERT, e);
	if (!q)
		return ERR_DB;
	st->ops->bind(q, 1, SQL_INT(d->code));
	st->ops->bind(q, 2, SQL_TEXT(d->name));
	st->ops->bind(q, 3, SQL_INT(d->level));
	st->ops->bind(q, 4, d->parent ? SQL_INT(d->parent) : SQL_NULL);
	st->ops->bind(q, 5, SQL_INT(d->poor_village ? 1 : 0));
	st->ops->bind(q, 6, d->exit_year ? SQL_INT(d->exit_year) : SQL_NULL);
	st->ops->bind(q, 7, d->rural_pop >= 0 ? SQL_INT(d->rural_pop) : SQL_NULL);
	r = st->ops->step(q, e);
	st->ops->reset(q);
	if (r < 0)
		return ERR_DB;
	q = st->ops->prepare(st, STMT_DIV_GEN_BUMP, e);
	if (!q)
		return ERR_DB;
	r = st->ops->step(q, e);
	st->ops->reset(q);
	st->divs_checked = 0;   /* this connection reloads at its next look */
	if (st->divs)
		st->divs_gen = "";
	return r < 0 ? ERR_DB : ERR_OK;
}

static struct division *
copy_out(struct arena *a, size_t n)
{
	return arena_alloc(a, (n ? n : 1) * sizeof(struct division));
}

enum err
store_division_span(struct store *st, int64_t lo, int64_t hi, const struct division **out, size_t *n,
    struct errinfo *e)
{
	enum err rc = divs_ensure(st, e);
	if (rc != ERR_OK)
		return rc;
	size_t i = divs_lower(st, lo), j = hi == INT64_MAX ? st->n_divs : divs_lower(st, hi + 1);
	if (j < i)
		j = i;
	*out = st->divs + i;
	*n = j - i;
	return ERR_OK;
}

enum err
store_division_range(struct store *st, int64_t lo, int64_t hi, struct division **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	const struct division *v;
	enum err rc = store_division_span(st, lo, hi, &v, n, e);
	if (rc != ERR_OK)
		return rc;
	*out = copy_out(a, *n);
	memcpy(*out, v, *n * sizeof(struct division));
	return ERR_OK;
}

size_t
villages_between(struct store *st, int64_t lo, int64_t hi)
{
	if (divs_ensure(st, NULL) != ERR_OK)
		return 0;
	size_t i = divs_lower(st, lo), j = hi == INT64_MAX ? st->n_divs : divs_lower(st, hi + 1);
	return j > i ? st->villages_before[j] - st->villages_before[i] : 0;
}

enum err
store_division_by_name(struct store *st, const char *name, struct division **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	enum err rc = divs_ensure(st, e);
	if (rc != ERR_OK)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < st->n_divs; i++)
		if (strcmp(st->divs[i].name, name) == 0)
			k++;
	*out = copy_out(a, k);
	*n = 0;
	for (size_t i = 0; i < st->n_divs; i++)
		if (strcmp(st->divs[i].name, name) == 0)
			(*out)[(*n)++] = st->divs[i];
	return ERR_OK;
}

enum err
store_division_count(struct store *st, int64_t *n, struct errinfo *e)
{
	enum err rc = divs_ensure(st, e);
	if (rc == ERR_OK)
		*n = (int64_t)st->n_divs;
	return rc;
}

/* ---- backups ---- */

bool
store_readonly(const struct store *st)
{
	return st->ops->readonly ? st->ops->readonly(st) : st->readonly;
}

bool
store_can_backup(const struct store *st)
{
	return st->ops->backup != NULL;
}

enum err
store_backup(struct store *st, const char *path, struct errinfo *e)
{
	return st->ops->backup(st, path, e);
}

enum err
store_integrity(struct store *st, char *out, size_t size, struct errinfo *e)
{
	return st->ops->integrity(st, out, size, e);
}

enum err
store_counts(struct store *st, struct store_counts *c, struct errinfo *e)
{
	static const enum stmt_id ids[] = { STMT_COUNT_HOUSEHOLD, STMT_COUNT_MEMBER, STMT_COUNT_EVENT, STMT_COUNT_AUDIT };
	int64_t *out[] = { &c->households, &c->members, &c->events, &c->audit };
	for (size_t i = 0; i < NELEM(ids); i++) {
		struct stmt *q = st->ops->prepare(st, ids[i], e);
		if (!q)
			return ERR_DB;
		int r = st->ops->step(q, e);
		*out[i] = r == 1 ? st->ops->col_int(q, 0) : 0;
		st->ops->reset(q);
		if (r < 0)
			return ERR_DB;
	}
	return ERR_OK;
}
