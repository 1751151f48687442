/* store.h: the storage interface. Two layers:
 *  - struct store_ops: what a backend implements (sqlite.c, pg.c), like SQLite's VFS method table: open,
 *    transactions, prepared statements by id (texts in stmt.c), row access, id sequences and bulk loading.
 *  - store_* functions: every read and write the domain needs, written once on top of the ops, so both
 *    backends run the same statements in the same order. All SQL of Tuopin is in stmt.c and sql/.
 * Every household-touching read and write is limited to the store's scope (a division subtree): a record out
 * of scope answers ERR_NOTFOUND, never ERR_FORBIDDEN, so its existence does not leak. */
#ifndef TUOPIN_STORE_H
#define TUOPIN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"
#include "lib/arena.h"
#include "lib/err.h"
#include "store/stmt.h"

struct store;
struct stmt;

enum sv_type { SV_NULL = 0, SV_INT, SV_TEXT };
struct sqlval {
	enum sv_type t;
	int64_t i;
	const char *s;
};
#define SQL_INT(v) ((struct sqlval){ SV_INT, (v), NULL })
#define SQL_NULL ((struct sqlval){ SV_NULL, 0, NULL })
/* Text, or NULL for SQL NULL. */
static inline struct sqlval
SQL_TEXT(const char *s)
{
	return (struct sqlval){ s ? SV_TEXT : SV_NULL, 0, s };
}

/* Tables that are loaded through insert_row (so PostgreSQL can COPY them in bulk mode). */
enum table {
	T_HOUSEHOLD,
	T_MEMBER,
	T_STATUS_SPAN,
	T_MEMBER_SPAN,
	T_EVENT,
	T_INCOME,
	/* assistance and supervision (store_assistance.c), parents before children: PostgreSQL sends its COPY
	 * buffers in this order */
	T_CADRE,
	T_PROJECT,
	T_LOAN,
	T_JOB_FAIR,
	T_SUPERVISION_CASE,
	T_PUBLIC_POST,
	T_PAIRING,
	T_WORK_TEAM,
	T_VISIT,
	T_MEASURE,
	T_BENEFICIARY,
	T_PAYMENT,
	T_AID,
	T_ASSET,
	T_CASE_HOUSEHOLD,
	T_CASE_PERSON,
	T_COMPLAINT,
	T_EXTERNAL_ENTRY,
	T__MAX
};

struct store_ops {
	const char *name;   /* "sqlite" or "postgresql" */
	void (*close)(struct store *st);
	/* Run a script of statements without parameters (migrations). */
	enum err (*exec)(struct store *st, const char *sql, struct errinfo *e);
	/* write=true takes the write lock at once (SQLite BEGIN IMMEDIATE). */
	enum err (*begin)(struct store *st, bool write, struct errinfo *e);
	enum err (*commit)(struct store *st, struct errinfo *e);
	void (*rollback)(struct store *st);
	/* The prepared statement for id, prepared once per connection and reset for reuse. */
	struct stmt *(*prepare)(struct store *st, enum stmt_id id, struct errinfo *e);
	/* The same for an id whose text is built per call (stmt_facts_sql): prepared again when sql differs from
	 * the text it was last prepared with on this connection. */
	struct stmt *(*prepare_text)(struct store *st, enum stmt_id id, const char *sql, struct errinfo *e);
	void (*bind)(struct stmt *q, int i, struct sqlval v);     /* i is 1-based ($1) */
	int (*step)(struct stmt *q, struct errinfo *e);           /* 1 row, 0 done, -1 error (e filled) */
	int64_t (*col_int)(struct stmt *q, int i);                /* 0-based; NULL reads as 0 */
	const char *(*col_text)(struct stmt *q, int i);           /* NULL for SQL NULL; valid until next step */
	bool (*col_null)(struct stmt *q, int i);
	void (*reset)(struct stmt *q);
	/* Before the first step of a statement whose rows grow with the registry (the walks of every member, the
	 * rules' rows): hand them out in batches instead of holding them all. PostgreSQL reads them through a
	 * cursor when the connection is in a transaction (libpq otherwise keeps a whole result in memory); NULL on
	 * SQLite, which steps through its rows anyway. */
	void (*stream)(struct stmt *q);
	/* Run the statements q[0..n-1] (prepared, values bound, not stepped yet) now and at once: PostgreSQL sends
	 * them in one pipeline, one round trip for all (its reads are independent of each other, so a page's
	 * several reads need not wait for each other's answers); each is then stepped through its own rows as
	 * usual. NULL on SQLite, where a statement runs at its first step and costs no round trip. */
	enum err (*run_together)(struct store *st, struct stmt **q, size_t n, struct errinfo *e);
	/* Insert one row of table t (columns as in stmt.c's insert statement). In bulk mode a backend may
	 * defer the row (PostgreSQL COPY) until bulk_end: reads must not rely on deferred rows. */
	enum err (*insert_row)(struct store *st, enum table t, const struct sqlval *v, struct errinfo *e);
	enum err (*bulk_begin)(struct store *st, struct errinfo *e);
	enum err (*bulk_end)(struct store *st, struct errinfo *e);
	/* A fresh id for table t (ids are assigned by the store, never by the database, so rows can be
	 * bulk-loaded and referenced before they are flushed). */
	enum err (*next_id)(struct store *st, enum table t, int64_t *id, struct errinfo *e);
	/* Inside a read snapshot: a number that changes whenever the database this connection sees changes,
	 * by this connection or any other, in any process (SQLite's data version). NULL if the backend has
	 * none: store_snapshot_epoch then always answers false. */
	enum err (*data_version)(struct store *st, uint32_t *v);
	/* SQLite: the database file's path (the session database lies beside it). NULL on PostgreSQL. */
	const char *(*file)(struct store *st);
	/* PostgreSQL: a write transaction that does not take the writers' advisory lock, for the bookkeeping
	 * of logins and sessions (rows no registry write touches). NULL on SQLite (its session database has
	 * its own lock). */
	enum err (*begin_auth)(struct store *st, struct errinfo *e);
	/* PostgreSQL: whether the connection was lost (the server restarted or went away), and a new one in
	 * its place (its prepared statements are prepared again on first use). NULL on SQLite. */
	bool (*lost)(struct store *st);
	enum err (*reconnect)(struct store *st, struct errinfo *e);
	/* PostgreSQL: take the transaction-scoped lock (space, key) of store_begin_county's writers, waiting up to
	 * the lock wait. NULL on SQLite, whose writers run one at a time anyway (store_begin_county is then
	 * store_begin). */
	enum err (*lock)(struct store *st, int32_t space, int32_t key, struct errinfo *e);
	/* PostgreSQL: whether the connection's server is read-only now (a hot standby, or read-only sessions): what
	 * the server reported last, so a promotion or a reconnection to another server is seen at once, with no
	 * round trip. NULL on SQLite (st->readonly, set at open). */
	bool (*readonly)(const struct store *st);
	/* SQLite: a consistent copy of the whole database into the new file path (the online backup API, all pages
	 * in one read transaction, so writers go on meanwhile), and a full integrity check of this database
	 * ("ok", or the first problem SQLite reports, in out). NULL on PostgreSQL (pg_dump and PITR). */
	enum err (*backup)(struct store *st, const char *path, struct errinfo *e);
	enum err (*integrity)(struct store *st, char *out, size_t size, struct errinfo *e);
};

struct store {
	const struct store_ops *ops;
	void *impl;
	char *uri;
	char *open_uri;   /* the URI as given, password and all: only to open a second connection (store_clone) */
	int64_t scope_lo, scope_hi;   /* division codes in scope: [lo, hi] */
	bool in_tx, bulk, aborted;
	bool reading;   /* in_tx is a read snapshot (store_read_begin), not a write transaction */
	bool readonly;  /* SQLite: the file could be opened for reading only (store_readonly) */
	/* The audit chain's head while a write transaction appends to it: read (and locked) once, written back
	 * once at commit, so a transaction of many audited acts does not update one row over and over. */
	bool audit_cached, audit_dirty;
	/* The division tree, cached per connection (reference data, read by every report and request). */
	struct division *divs;
	size_t n_divs;
	size_t *villages_before;            /* n_divs + 1: the villages among the first i divisions */
	char *divs_gen;
	uint64_t divs_checked, tx_serial;   /* checked in transaction number divs_checked */
	struct arena *divs_arenas;          /* every generation loaded, freed at close */
	size_t n_divs_arenas;
	int64_t audit_last_id;
	char audit_last_hash[65];
	char audit_last_mac[65];
	int tx_depth;
	/* store_snapshot_epoch: the process's epoch when the snapshot began, and the data version this
	 * connection saw the last time it was asked */
	uint64_t snap_epoch;
	uint32_t last_dv;
	bool have_dv, snap_checked, snap_ok;
	/* SQLite: the session database beside the main file (store_session.c), opened on first use */
	struct store *aux;
	bool nowait;    /* the next begin does not wait for the write lock (store_begin_nowait) */
	/* The write transaction was begun by store_begin_county (PostgreSQL): it shares the writers' lock with
	 * other county writers, and locks each county before it reads what it will write there. county_locked is
	 * the last county locked (a repeat is skipped). */
	bool county_tx;
	int64_t county_locked;
	bool wrote;     /* a write transaction began since store_clear_wrote: a lost connection may have taken it */
};

/* ---- opening ---- */

/* Open "sqlite:PATH", a bare path, or "postgresql://..." / "postgres://..." (NULL: $TUOPIN_DB, then
 * sqlite:./tuopin.db). Does not migrate. The scope starts as everything. */
/* The URI as it may be shown in a message: a password (user:secret@ or password=secret) becomes ***. */
void store_uri_shown(const char *uri, char *out, size_t size);
enum err store_open(const char *uri, struct store **out, struct errinfo *e);
/* store_open, creating a SQLite file that does not exist only when create is true (init, demo, the target of
 * migrate-data); otherwise a missing file is ERR_DB with MSG_DB_MISSING, and nothing is created. */
enum err store_open_mode(const char *uri, bool create, struct store **out, struct errinfo *e);
void store_close(struct store *st);
/* A second connection to st's database with st's scope, for reads run beside st in another thread (the
 * standard tables' facts, tables.c). It is outside st's transaction or snapshot: what it reads may differ from
 * what st sees, which the caller checks (store_each_fact's generation). */
enum err store_clone(struct store *st, struct store **out, struct errinfo *e);
/* Apply the embedded migrations not yet applied, each in its own transaction. *applied counts them. */
enum err store_migrate(struct store *st, int *applied, struct errinfo *e);
/* ERR_OK if the schema is exactly what this binary expects; otherwise a clear error. */
enum err store_check_schema(struct store *st, struct errinfo *e);
/* The session database (SQLite: PATH-sessions beside the file) opened, made if missing: a server checks it
 * before it listens, since without it nobody can log in. ERR_OK on PostgreSQL (the sessions are in the
 * database). */
enum err store_sessions_ready(struct store *st, struct errinfo *e);
int store_schema_version_expected(void);
/* The file name of the newest migration, without ".sql" (0026_audit_filters): the version counts migrations. */
const char *store_schema_newest_name(void);
/* The schema version the database is at (0: none yet), whatever this binary expects. */
enum err store_schema_version(struct store *st, int *version, struct errinfo *e);

/* Limit every household read and write to the subtree of division code (0 = everything). */
void store_set_scope(struct store *st, int64_t code);
bool store_in_scope(const struct store *st, int64_t village);
/* [lo, hi] of the division codes under code (a province 37 -> 370000000000..379999999999). */
void division_range(int64_t code, int64_t *lo, int64_t *hi);

/* Transactions nest: only the outermost begin/commit reach the database; a rollback at any depth rolls the
 * whole transaction back and later commits of outer levels fail with ERR_DB. */
enum err store_begin(struct store *st, struct errinfo *e);
enum err store_commit(struct store *st, struct errinfo *e);
void store_rollback(struct store *st);
/* A read snapshot for several reads (one HTTP request, say); a store_begin inside it ends the snapshot and
 * starts the write transaction. Returns true if it began one (pass that to store_read_end). */
bool store_read_begin(struct store *st, struct errinfo *e);
void store_read_end(struct store *st, bool began);
/* Whether what this read snapshot shows may be cached, and under which epoch (*epoch). The process keeps one
 * epoch counter. Two snapshots that answer true with the same epoch see the same data, whichever
 * connections they ran on and whoever (this process or another) wrote in between; a snapshot that does not
 * see the same data as the last one asked on its connection answers false and moves the epoch on, which
 * makes everything cached under older epochs stale. False outside a read snapshot (after a write in it, for
 * one) and on a backend without a data version (PostgreSQL). */
bool store_snapshot_epoch(struct store *st, uint64_t *epoch);
/* The registry's generation (schema 0018): a value that every committed write to the registry (the tables the
 * household page shows: divisions, households, members, spans, events, incomes) replaces with a new random
 * one, through triggers on those tables, whoever writes (this process, the CLI, migrate-data, a sqlite3
 * shell, a restore); logins, sessions, tokens and audit rows leave it alone. One value means one state of the
 * registry, so what was read under it may be kept and served while a read finds it again. False if it could
 * not be read. */
bool store_registry_generation(struct store *st, uint64_t *gen);
enum err store_bulk_begin(struct store *st, struct errinfo *e);
enum err store_bulk_end(struct store *st, struct errinfo *e);

/* ---- meta ---- */
enum err store_meta_get(struct store *st, const char *key, char **value, struct arena *a, struct errinfo *e);
enum err store_meta_set(struct store *st, const char *key, const char *value, struct errinfo *e);

/* ---- divisions (reference data: not scoped) ---- */
enum err store_division_get(struct store *st, int64_t code, struct division *d, struct arena *a, struct errinfo *e);
enum err store_division_upsert(struct store *st, const struct division *d, bool *inserted, struct errinfo *e);
/* Every division with code in [lo, hi], ordered by code. */
enum err store_division_range(struct store *st, int64_t lo, int64_t hi, struct division **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* The same divisions without a copy: the store's own, read-only, valid as long as the store is open (its
 * reports' hot path: a province holds 26,000 divisions). */
enum err store_division_span(struct store *st, int64_t lo, int64_t hi, const struct division **out, size_t *n,
    struct errinfo *e);
/* Divisions named name (exactly), any level. */
enum err store_division_by_name(struct store *st, const char *name, struct division **out, size_t *n,
    struct arena *a, struct errinfo *e);
enum err store_division_count(struct store *st, int64_t *n, struct errinfo *e);

/* ---- households and members ---- */
enum err store_household_by_no(struct store *st, const char *hh_no, struct household *h, struct arena *a,
    struct errinfo *e);
enum err store_household_by_id(struct store *st, int64_t id, struct household *h, struct arena *a, struct errinfo *e);
/* Whether any household (in scope or not) has this number. */
/* Every 户编号 in [lo, hi) as text (whatever the scope: a number is unique in the whole registry), in order.
 * Allocated in a. */
enum err store_hh_nos_between(struct store *st, const char *lo, const char *hi, char ***out, size_t *n,
    struct arena *a, struct errinfo *e);
enum err store_household_no_exists(struct store *st, const char *hh_no, bool *exists, struct errinfo *e);
/* The same for n numbers at once (a few statements per thousand): exists[i] for nos[i]. */
enum err store_household_nos_exist(struct store *st, const char *const *nos, size_t n, bool *exists,
    struct errinfo *e);
/* Insert h (h->id is assigned). */
enum err store_household_insert(struct store *st, struct household *h, struct errinfo *e);
/* The household's status, its being monitored, and its 脱贫年度 unless exit_year is 0. */
enum err store_household_set_status(struct store *st, int64_t id, enum status s, bool monitored, int exit_year,
    int64_t now, struct errinfo *e);
enum err store_household_update(struct store *st, const struct household *h, struct errinfo *e);
enum err store_household_count(struct store *st, int64_t *n, struct errinfo *e);

enum err store_member_insert(struct store *st, struct member *m, struct errinfo *e);
enum err store_member_update(struct store *st, const struct member *m, struct errinfo *e);
/* Change member m->id's 证件号码, its kind and birth date to m's (a data_fix of the member's identity). */
enum err store_member_set_identity(struct store *st, const struct member *m, struct errinfo *e);
enum err store_member_by_id(struct store *st, int64_t id, struct member *m, struct arena *a, struct errinfo *e);
/* The member of household hh with this ID number (present or not), ERR_NOTFOUND if none. */
enum err store_member_in_household(struct store *st, int64_t hh, const char *id_no, struct member *m,
    struct arena *a, struct errinfo *e);
/* Members of hh whose membership (as now known) holds on date day; day = DATE_INF-1 for "now". */
enum err store_members_at(struct store *st, int64_t hh, int day, struct member **out, size_t *n, struct arena *a,
    struct errinfo *e);
/* How many members store_members_at lists (without reading them). */
enum err store_members_count_at(struct store *st, int64_t hh, int day, int64_t *n, struct errinfo *e);
/* The member each of the households hh[0..n) (a list's page) was found by for the name part q: the first member
 * present on day (the head first, then by id) whose name without spaces holds q, in one statement; name[i] and
 * relation[i] (arena) are NULL where that member is the head or there is none. */
enum err store_members_named_at(struct store *st, const int64_t *hh, size_t n, int day, const char *q, char **name,
    char **relation, struct arena *a, struct errinfo *e);
/* Every member row whose household is hh (present or not). */
enum err store_members_all(struct store *st, int64_t hh, struct member **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* Where a person with this ID number currently belongs (open membership, as now known), across all scopes.
 * Fills hh_no (arena) and returns ERR_NOTFOUND if nowhere. Used to refuse double registration. */
enum err store_idno_current_household(struct store *st, const char *id_no, int day, char **hh_no,
    int64_t *member_id, struct arena *a, struct errinfo *e);

/* The same for n ID numbers at once: where[i] is the 户编号 for ids[i] (arena) or NULL if nowhere. */
enum err store_idnos_current_household(struct store *st, const char *const *ids, size_t n, int day, char **where,
    struct arena *a, struct errinfo *e);

/* Every household (by number) where a person with this ID number is a member on day of a registered
 * household, in scope or not (for duplicate findings). */
enum err store_idno_households(struct store *st, const char *id_no, int day, char ***hh_nos, size_t *n,
    struct arena *a, struct errinfo *e);

/* ---- spans ---- */
enum span_kind { SPAN_STATUS, SPAN_MEMBER };
/* Spans as now known (recorded_to open): status spans of household owner, or membership spans of member
 * owner. Ordered by valid_from. */
enum err store_spans(struct store *st, enum span_kind k, int64_t owner, struct span **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* Membership spans as now known whose household is hh. */
enum err store_member_spans_of_household(struct store *st, int64_t hh, struct span **out, size_t *n,
    struct arena *a, struct errinfo *e);
enum err store_span_close(struct store *st, enum span_kind k, int64_t span_id, int64_t stamp, struct errinfo *e);
enum err store_span_insert(struct store *st, enum span_kind k, struct span *s, struct errinfo *e);

/* ---- events ---- */
enum err store_event_insert(struct store *st, struct event *ev, struct errinfo *e);
/* Record that correction by supersedes every event of (chain, chain_id) with effective >= from that is not
 * superseded yet. */
enum err store_event_supersede(struct store *st, enum chain chain, int64_t chain_id, int from, int64_t by,
    int64_t stamp, struct errinfo *e);
/* The latest effective date among the household's events that are still in force (0 if none). */
enum err store_household_latest_change(struct store *st, int64_t hh, int *day, struct errinfo *e);
/* What the household page reads of household hh_no in one snapshot: the household, its members on day (in
 * the store's scope), its events (as source or target: by effective date, then recording instant, then id,
 * the order they were written in; whether each is superseded as now known, the member it names — id 0 if none
 * or out of scope — and the 户编号 of the other household of a split or merge, NULL if none or out of scope),
 * its incomes and their every version (by year, then in recording order), its status spans as now known; and the division tree's generation checked, so the village and town
 * come from the cache. The reads are keyed by the 户编号 and run together (stmt_run_together: one round trip
 * on PostgreSQL, the read's BEGIN with them). Not found or out of scope: ERR_NOTFOUND. */
struct household_rows {
	struct household *h;
	struct member *members;
	size_t n_members;
	struct event *events;
	bool *superseded;
	struct member *event_members;
	char **event_targets;
	size_t n_events;
	struct income *incomes;
	size_t n_incomes;
	struct span *spans;
	size_t n_spans;
	struct income_revision *revisions;
	size_t n_revisions;
};
enum err store_household_rows(struct store *st, const char *hh_no, int day, struct household_rows *o,
    struct arena *a, struct errinfo *e);
/* The largest recorded_at of any event (0 if none). */
enum err store_last_stamp(struct store *st, int64_t *stamp, struct errinfo *e);

/* ---- maintained aggregates ---- */
/* Adds each delta's households and persons of its status to its village from its day on, as now known
 * (stat_delta and its roll-ups to the town, county, city and province) and as recorded at recorded
 * (stat_recorded): the compacted deltas of a write transaction, at most one per (village, status, day), at its
 * instant. Three statements whatever n (six a delta before: round trips on PostgreSQL, which a county writer
 * makes while it holds the roll-ups' rows); the roll-up rows are written in key order, so that two writers
 * never lock two of them in opposite orders. */
struct agg_row {
	int64_t village;
	enum status status;
	int day;
	int64_t households, persons;
};
enum err store_agg_add_many(struct store *st, const struct agg_row *v, size_t n, int64_t recorded, struct errinfo *e);

/* ---- reports ---- */
struct stat_cell {
	int64_t village;
	enum status status;
	int64_t households, persons;
};
/* Counts by village and status on date day, as now known (recorded_at == 0, from the maintained aggregates)
 * or as recorded at stamp recorded_at (from the aggregates as recorded). Villages in [lo, hi] and in scope. */
enum err store_stats(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e);
/* The first day on which any household of villages [lo, hi] (in scope) is in the registry, as now known;
 * 0 when none ever is. */
enum err store_first_day(struct store *st, int64_t lo, int64_t hi, int *day, struct errinfo *e);
/* Counts as now known from the roll-up of the aggregates to level (LV_PROVINCE .. LV_TOWN): cells by the
 * division codes of that level (in the village field) within [lo, hi] and the scope. */
enum err store_stats_level(struct store *st, int level, int day, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* The same summed from the roll-up's days alone, without its months (schema 0025): what the months must add up
 * to (the aggregates' check). */
enum err store_stats_level_days(struct store *st, int level, int day, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e);
/* The same counts always computed from the spans (the aggregates' check). */
enum err store_stats_scan(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e);
/* Its households only (persons 0): for a caller that counts the persons on its own walk of the members. */
enum err store_stats_scan_households(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e);

enum changes_mode { CHANGES_EFFECTIVE, CHANGES_RECORDED, CHANGES_BATCH };
struct change_cell {
	enum evtype type;
	int64_t households, persons;
};
/* Events by type. EFFECTIVE: effective date in [from, to]; RECORDED: recording date in [from, to]; BATCH:
 * the batch. As known at recorded_at (0 = now): recorded by then; superseded events are left out except in
 * BATCH mode, which lists every event of the batch. See docs/ARCHITECTURE.md for 户 and 人. only: one type's
 * line (an enum evtype), -1 for every line. */
enum err store_changes(struct store *st, enum changes_mode mode, int from, int to, const char *batch,
    int64_t recorded_at, int64_t lo, int64_t hi, int only, struct change_cell **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* The households behind one line (type) of store_changes, same mode and arguments: a page of them in village
 * and 户编号 order, each with its current head's name, the line's persons in it and its first effective date. */
struct change_hh {
	char *hh_no;
	int64_t village;
	char *head_name;      /* NULL when the household has no head now */
	int64_t persons;
	int effective;
};
enum err store_changes_households(struct store *st, enum changes_mode mode, int from, int to, const char *batch,
    int64_t recorded_at, int64_t lo, int64_t hi, enum evtype type, int limit, int offset, struct change_hh **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* The batches named by events of households in [lo, hi], the latest first. */
struct batch_row {
	char *batch;
	int64_t events, households;
	int first, last;      /* effective dates */
};
enum err store_changes_batches(struct store *st, int64_t lo, int64_t hi, struct batch_row **out, size_t *n,
    struct arena *a, struct errinfo *e);

/* Events in force (as now known) with effective date in [from, to] of households in [lo, hi], with what
 * the balance identity needs (check.c): the household's members on the effective date, and the statuses of
 * the household and of the target household on the day before. */
struct flow_event {
	int64_t household_id, member_id, target_id;
	enum evtype type;
	enum status from_status, to_status;
	int effective;
	int64_t members_at;
	enum status before_src, before_tgt;
	int64_t village, target_village;   /* store_each_flow_village only (0: no target) */
};
enum err store_flows(struct store *st, int from, int to, int64_t lo, int64_t hi, struct flow_event **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* The same with both households' villages, for events of households of [lo, hi] or moving members into or out
 * of them (the change table, tables.c), handed to fn one at a time in no particular order: memory does not grow
 * with the number of events. Here members_at is counted for a household's event only (0 for a member's) and
 * before_src for a member's event only (ST_NONE for a household's). */
typedef void (*flow_fn)(void *ctx, const struct flow_event *f);
enum err store_each_flow_village(struct store *st, int from, int to, int64_t lo, int64_t hi, flow_fn fn, void *ctx,
    struct errinfo *e);

/* Households and persons on day by a household field (attribute or main cause) and status. */
struct breakdown_cell {
	char *code;          /* NULL when the field is empty */
	enum status status;
	int64_t households, persons;
};
enum err store_breakdown(struct store *st, bool by_cause, int day, int64_t lo, int64_t hi, struct breakdown_cell **out,
    size_t *n, struct arena *a, struct errinfo *e);

/* ---- iteration for export and checks ---- */
struct member_row {
	struct household h;
	struct member m;
	enum status status_at;   /* the household's status on the date asked */
	bool head_row;
};
typedef int (*member_row_fn)(void *ctx, const struct member_row *r);
/* Every member present on day (as now known) of every household in [lo, hi] and scope, ordered by
 * household number then relation; the callback returns non-zero to stop. statuses_mask selects household
 * statuses on day (bit 1 << status); 0 means all. */
enum err store_each_member(struct store *st, int day, int64_t lo, int64_t hi, unsigned statuses_mask,
    member_row_fn fn, void *ctx, struct errinfo *e);
/* The same, households in the order of village then 户编号 (an index's: nothing is sorted but each household's
 * few members), for `tuopin check`. */
enum err store_each_member_grouped(struct store *st, int day, int64_t lo, int64_t hi, unsigned statuses_mask,
    member_row_fn fn, void *ctx, struct errinfo *e);

/* One row of the standard tables (src/domain/tables.c): a person present on a day in a household whose status
 * covers that day, or the household alone when nobody is in it then (member 0). Codes are copied (a longer
 * one is cut); numbers unknown are -1; money in fen, FACT_UNKNOWN when not given. */
#define FACT_UNKNOWN INT64_MIN
struct fact {
	int64_t household, member, village;
	enum status status;
	char attribute[8], cause_main[8], cause_other[24];
	char sex[4], ethnicity[4], education[4], schooling[4], health[4], labor[4], work[4], relation[4];
	int birth, work_months, id_kind;
	int ins_medical, ins_serious, ins_pension, dibao, tekun;   /* 1, 0, -1 unknown */
	bool income;   /* the household has a survey of the year asked */
	int64_t wage, business, property, transfer, cost, net_pc;
	int size;
};
typedef int (*fact_fn)(void *ctx, const struct fact *f);
/* A household's record besides the registry that a standard table reads, ordered by household: a pairing in
 * force on a day (id: the cadre, code: its 单位隶属关系), its latest assessment on or before a day (code: 住房
 *安全 A-D or relocated, flag: 安全饮水 1/0, -1 not assessed), or a category of its measures of a year (code). */
enum hh_extra_kind { HX_PAIRING, HX_ASSESSMENT, HX_MEASURE };
struct hh_extra {
	int64_t household, id;
	char code[16];
	int flag;
};
/* day: a date (HX_PAIRING, HX_ASSESSMENT) or a year (HX_MEASURE); households of villages [lo, hi] in scope. The
 * array is allocated with malloc (free it): it can be as long as the registry. */
enum err store_hh_extras(struct store *st, enum hh_extra_kind kind, int day, int64_t lo, int64_t hi,
    struct hh_extra **out, size_t *n, struct errinfo *e);
/* Which facts store_each_fact reads: the households of villages [lo, hi] and scope whose status span covers day
 * as known at recorded_at (0: now) and whose status on it is in statuses (a bit per enum status), with each of
 * their members on day, and their income of income_year as known then. */
struct fact_query {
	int day, income_year;
	int64_t recorded_at, lo, hi;
	unsigned statuses;
	unsigned fields;   /* the columns read (1 << enum fact_field, FF_INCOME); the others read as unknown */
};
/* The columns of the facts, a bit each: the household's codes, the member's fields, and FF_INCOME the income of
 * income_year. */
enum fact_field {
	FF_ATTRIBUTE, FF_CAUSE_MAIN, FF_CAUSE_OTHER, FF_SEX, FF_ETHNICITY, FF_EDUCATION, FF_SCHOOLING, FF_HEALTH,
	FF_LABOR, FF_WORK, FF_RELATION, FF_BIRTH, FF_WORK_MONTHS, FF_ID_KIND, FF_INS_MEDICAL, FF_INS_SERIOUS,
	FF_INS_PENSION, FF_DIBAO, FF_TEKUN, FF__COUNT
};
#define FF_INCOME (1u << FF__COUNT)
#define FF_ALL ((1u << (FF__COUNT + 1)) - 1)
/* Every fact of fq, ordered by household. fn returns non-zero to stop. Streams: memory does not grow with the
 * number of rows. *gen (if not NULL) gets the registry's generation the read's snapshot saw (0 if unknown): two
 * reads on two connections that answer the same generation read the same registry. */
enum err store_each_fact(struct store *st, const struct fact_query *fq, fact_fn fn, void *ctx, uint64_t *gen,
    struct errinfo *e);

/* ID numbers held by more than one member present on day in registered households. */
struct dup_id {
	char *id_no;
	int count;
};
enum err store_duplicate_ids(struct store *st, int day, struct dup_id **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* Poverty lines. */
enum err store_poverty_line(struct store *st, int year, const char *region, const char *kind, int64_t *amount,
    struct errinfo *e);
enum err store_poverty_line_set(struct store *st, int year, const char *region, const char *kind, int64_t amount,
    const char *note, struct errinfo *e);

/* Income. */
struct income {
	int64_t household_id;
	int year;
	int64_t wage, business, property, transfer, business_cost;   /* fen, -1 unknown */
	int64_t net_pc;      /* 人均纯收入 in fen as reported or computed, -1 unknown */
	int size;            /* household size used, 0 unknown */
};
enum err store_income_put(struct store *st, const struct income *in, struct errinfo *e);
enum err store_income_of_household(struct store *st, int64_t hh, struct income **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* One recorded version of a year's income survey (income_revision, append-only). */
struct income_revision {
	struct income in;
	int64_t recorded_at;   /* stamp, 0 unknown (values that came with the registry) */
	char *actor, *reason, *source;
	char *actor_label;     /* filled by the domain (actor_display), NULL from the store */
};
/* The income of household hh in year (ERR_NOTFOUND if none). */
enum err store_income_get(struct store *st, int64_t hh, int year, struct income *out, struct errinfo *e);
/* Append a version of r->in's year to the history. */
enum err store_income_revision_add(struct store *st, const struct income_revision *r, struct errinfo *e);
/* How many versions the history holds for hh's year. */
enum err store_income_revision_count(struct store *st, int64_t hh, int year, int64_t *n, struct errinfo *e);

/* ---- data quality: set-based rules, findings, runs, campaigns (store_check.c) ---- */

/* A row of a set-based rule (rules.h): the household and member it is about, and the numbers and text the
 * rule reports (v[] and t, as each statement says in store_check.c). Strings are valid during the callback. */
struct rule_row {
	int64_t household_id, member_id, village;
	const char *hh_no;
	const char *name, *id_no, *sex;   /* the member, or NULL */
	enum status status;               /* the household's status on the day checked */
	bool monitored;
	int64_t v[8];
	bool null[8];                     /* v[i] was NULL */
	const char *t;
};
typedef int (*rule_row_fn)(void *ctx, const struct rule_row *r);

enum sql_rule {
	SQLR_MEMBERS_NONE,     /* registered households with no member on day */
	SQLR_EXIT_YEAR,        /* exited households with an exit year: v[0] exit_year, v[1] the latest exit event's
	                        * effective date in force (NULL if none) */
	SQLR_INCOME_LATEST,    /* registered households with their latest income up to year v: v[0] year, v[1] net_pc,
	                        * v[2] the exit year, v[3] the identification month (NULL if none); v[0] NULL when
	                        * there is no income */
	SQLR_INCOME_ITEMS,     /* income rows with every item known: v[0] year, v[1] wage, v[2] business,
	                        * v[3] property, v[4] transfer, v[5] business_cost, v[6] net_pc, v[7] size */
	SQLR__MAX
};
/* Run a set-based rule over households registered on day in [lo, hi] and the scope. year is the last income
 * year that counts (SQLR_INCOME_*). */
enum err store_rule_rows(struct store *st, enum sql_rule which, int day, int year, int64_t lo, int64_t hi,
    rule_row_fn fn, void *ctx, struct errinfo *e);
/* The lowest and highest village codes of all households in [lo, hi] and the scope (0, 0 if none). */
enum err store_household_village_span(struct store *st, int64_t lo, int64_t hi, int64_t *min, int64_t *max,
    struct errinfo *e);
/* Is member id present on day in a household registered then (as now known)? */
enum err store_member_present(struct store *st, int64_t member_id, int day, bool *present, struct errinfo *e);

struct check_run_row {
	int64_t id;
	int as_of;
	int64_t division;
	char *rules;
	char *actor;
	int64_t started_at, finished_at;
	int64_t households, members, opened, reopened, closed, still_open;
};
enum err store_run_insert(struct store *st, struct check_run_row *r, struct errinfo *e);   /* r->id set */
enum err store_run_finish(struct store *st, const struct check_run_row *r, struct errinfo *e);
enum err store_run_latest(struct store *st, int64_t lo, int64_t hi, struct check_run_row *r, struct arena *a,
    struct errinfo *e);   /* the latest run whose division lies in [lo, hi]; ERR_NOTFOUND if none */

enum finding_state { FS_OPEN, FS_FIXED, FS_WAIVED, FS__MAX };
const char *finding_state_code(enum finding_state s);
bool finding_state_from_code(const char *s, enum finding_state *out);

struct finding_row {
	int64_t id;
	char *rule, *subject;
	int64_t household_id, member_id, village;   /* 0: none */
	char *source;
	int64_t list_id;
	char *message_zh, *message_en, *evidence, *fact;
	enum finding_state state;
	bool waiver_pending;
	char *waiver_reason, *waiver_by;
	int64_t waiver_at;
	int64_t first_run, last_run, opened_at, closed_at;   /* closed_at 0: never */
	char *fix_kind;
	int64_t fix_ref, updated_at;
	/* read with the finding, for showing it */
	char *hh_no, *member_name, *member_id_no;
	bool list_deleted;
};
/* Every finding whose village is in [lo, hi] and the scope (for a run's reconciliation). */
typedef int (*finding_row_fn)(void *ctx, const struct finding_row *f);
enum err store_findings_each(struct store *st, int64_t lo, int64_t hi, finding_row_fn fn, void *ctx,
    struct errinfo *e);
/* Close as fixed the open findings a run did not see (stmt.c's CLOSE_COND), with a row of history each. */
struct finding_close {
	int64_t lo, hi, root, run, at;
	const char *actor;
	int day;
	const char *rules_json, *history_json;
};
enum err store_findings_close(struct store *st, const struct finding_close *c, int64_t *closed, struct errinfo *e);
enum err store_finding_insert(struct store *st, struct finding_row *f, struct errinfo *e);   /* f->id set */
/* Write back the fields that change: village, message_*, evidence, fact, state, waiver_*, last_run,
 * closed_at, fix_*, updated_at, list_id, household_id, member_id. */
enum err store_finding_update(struct store *st, const struct finding_row *f, struct errinfo *e);
enum err store_finding_get(struct store *st, int64_t id, struct finding_row *f, struct arena *a, struct errinfo *e);
/* The finding of rule about subject, wherever it is assigned (for a run's reconciliation only). */
enum err store_finding_by_subject(struct store *st, const char *rule, const char *subject, struct finding_row *f,
    struct arena *a, struct errinfo *e);

struct finding_event_row {
	int64_t id, finding_id, at;
	char *actor, *action, *note;
	int64_t run_id;
	char *ref_kind;
	int64_t ref_id;
};
enum err store_finding_event_add(struct store *st, const struct finding_event_row *ev, struct errinfo *e);
enum err store_finding_events(struct store *st, int64_t finding_id, struct finding_event_row **out, size_t *n,
    struct arena *a, struct errinfo *e);

struct finding_filter {
	int64_t lo, hi;                 /* division range (clipped to the scope) */
	int state;                      /* enum finding_state, or -1 */
	bool pending;                   /* only waivers waiting for confirmation */
	const char *rules_json;         /* a JSON array of rule codes, or NULL for all */
	int64_t household_id;           /* 0: any */
	int64_t closed_since;           /* > 0: open ones, or closed at or after this stamp (campaigns) */
	int64_t opened_before;          /* > 0: opened at or before this stamp (a closed campaign's) */
	int limit, offset;              /* limit 0: all */
};
enum err store_finding_list(struct store *st, const struct finding_filter *f, struct finding_row **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e);
/* Counts of the findings f selects (limit and offset aside) by village (or by rule when by_rule) and state. */
struct finding_count {
	int64_t village;
	char *rule;
	enum finding_state state;
	bool pending;
	int64_t n;
};
enum err store_finding_counts(struct store *st, const struct finding_filter *f, bool by_rule,
    struct finding_count **out, size_t *n, struct arena *a, struct errinfo *e);

struct campaign_row {
	int64_t id;
	char *name, *rules;
	int64_t division;
	int start, deadline;            /* deadline 0: none */
	char *created_by;
	int64_t created_at;
	int64_t closed_at;              /* 0: open (schema 0027) */
	char *closed_by, *closed_note;
	char *closed_counts;            /* JSON: the board's counts when it closed (see 0027_campaign_close.sql) */
};
enum err store_campaign_insert(struct store *st, struct campaign_row *c, struct errinfo *e);
/* Record c's close (closed_at, closed_by, closed_note, closed_counts). */
enum err store_campaign_close(struct store *st, const struct campaign_row *c, struct errinfo *e);
/* By name, in scope (its division within the scope, or covering it; any when !scoped); ERR_NOTFOUND otherwise. */
enum err store_campaign_by_name(struct store *st, const char *name, bool scoped, struct campaign_row *c,
    struct arena *a, struct errinfo *e);
enum err store_campaign_list(struct store *st, struct campaign_row **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* ---- other departments' lists (store_external.c) ---- */

struct external_list_row {
	int64_t id;
	char *kind, *source;
	int list_date;
	int64_t division, division_hi;
	char *file;
	int64_t rows;
	int64_t imported_at;
	char *imported_by;
	int64_t deleted_at;
	char *deleted_by;
};
enum err store_external_list_insert(struct store *st, struct external_list_row *l, struct errinfo *e);
enum err store_external_list_rows(struct store *st, int64_t id, int64_t rows, struct errinfo *e);
/* Lists whose divisions meet the scope, newest first (deleted ones too when asked). */
enum err store_external_lists(struct store *st, bool deleted, struct external_list_row **out, size_t *n,
    struct arena *a, struct errinfo *e);
enum err store_external_list_get(struct store *st, int64_t id, struct external_list_row *l, struct arena *a,
    struct errinfo *e);
/* Delete the rows of list id and mark it deleted. */
enum err store_external_list_delete(struct store *st, int64_t id, int64_t at, const char *by, struct errinfo *e);
/* Whether a live list of kind dated on or before day exists. */
enum err store_external_kind_exists(struct store *st, const char *kind, int day, bool *exists, struct errinfo *e);

/* A list row and, where its number is a member's, the member (present on day in a household registered then,
 * in [lo, hi] and the scope). */
struct external_match {
	int64_t list_id;
	int list_date;
	const char *source;
	int row_no;
	const char *entry_name, *entry_id_no, *value, *data;
	int day;                        /* the row's date, 0 if none */
	int64_t entry_village;          /* 0 if none */
	int64_t member_id, household_id, village;   /* 0 when nobody holds the number */
	const char *hh_no, *name, *id_no;
	enum status status;
	bool monitored;
	int since;                      /* the first day of the member's membership */
	int dibao, tekun, ins_medical, ins_pension, work_months;   /* -1 unknown */
	const char *health, *work_status;
	const char *labor;              /* store_warn_external only: the member's 劳动技能 */
};
typedef int (*external_match_fn)(void *ctx, const struct external_match *m);
/* Rows of live lists of kind dated on or before day whose numbers are members' (latest: only rows of the
 * latest list that applies to the member's village). */
enum err store_external_matches(struct store *st, const char *kind, bool latest, int day, int64_t lo, int64_t hi,
    external_match_fn fn, void *ctx, struct errinfo *e);
/* Rows of the latest list of kind that applies to their village (in [lo, hi] and the scope) whose numbers no
 * member of a household registered on day holds (anywhere). */
enum err store_external_missed(struct store *st, const char *kind, int day, int64_t lo, int64_t hi,
    external_match_fn fn, void *ctx, struct errinfo *e);
/* Members present on day in registered households in [lo, hi] with flag (dibao or tekun) = 1 whose village
 * has a live list of kind that does not hold their number (rule_row: v[0] that list's id, v[1] its date). */
enum err store_external_not_on_roll(struct store *st, const char *kind, int day, int64_t lo, int64_t hi,
    rule_row_fn fn, void *ctx, struct errinfo *e);
/* Of list id's rows: how many are held by members present today in registered households in the scope, and
 * how many of those under another name (names compared as stored). */
enum err store_external_match_counts(struct store *st, int64_t id, int day, int64_t *matched, int64_t *other_name,
    struct errinfo *e);

/* ---- whole-database copy (store_copy.c), for `tuopin migrate-data` ---- */
struct copy_count {
	const char *table;
	int64_t rows, rows_target;   /* in the source; in the target (after store_copy_verify) */
};
struct copy_result {
	struct copy_count *tables;   /* every copied table, in copy (foreign-key) order */
	size_t n_tables;
	size_t n_days;               /* dates whose stats were compared */
};
/* Copy every row of every table of src into dst, keeping ids, in foreign-key order, then move dst's id
 * sequences past the copied ids. Both stores must be inside a transaction (store_begin) and dst must be
 * empty except for the rows its migrations seed (ERR_CONFLICT otherwise: nothing is written). Reads src a
 * page at a time in key order, so memory stays flat; loads dst in bulk mode (COPY on PostgreSQL).
 * r->tables is allocated in a. */
enum err store_copy(struct store *src, struct store *dst, struct copy_result *r, struct arena *a,
    struct errinfo *e);
/* Compare src and dst after store_copy, inside the same transactions: the row count of every table, and the
 * stats by village and status on each of days[] (from the maintained aggregates; recomputed from the spans
 * as well on the first and the last day). Any difference is ERR_DB with the first mismatch in e. */
enum err store_copy_verify(struct store *src, struct store *dst, const int *days, size_t n_days,
    struct copy_result *r, struct arena *a, struct errinfo *e);


/* ---- accounts, sessions, tokens ---- */
struct user {
	int64_t id;
	char *name, *display_name, *role;
	int64_t division;       /* scope root; 0 for system administrators */
	char *pw_hash;
	bool locked;
	int failed;
	int64_t locked_until;   /* epoch seconds */
	bool must_change;
	int64_t created_at, updated_at;   /* stamps */
	char *reset_sys, *reset_sec;      /* argon2id of the halves of a pending one-time code, or NULL */
	int64_t reset_until;              /* epoch seconds: the code is void after */
};
enum err store_user_by_name(struct store *st, const char *name, struct user *u, struct arena *a, struct errinfo *e);
enum err store_user_by_id(struct store *st, int64_t id, struct user *u, struct arena *a, struct errinfo *e);
enum err store_user_insert(struct store *st, struct user *u, struct errinfo *e);
enum err store_user_update(struct store *st, const struct user *u, struct errinfo *e);
enum err store_user_list(struct store *st, struct user **out, size_t *n, struct arena *a, struct errinfo *e);

struct session_row {
	int64_t id, user_id, created_at, seen_at;   /* epoch seconds */
	char *csrf;
};
enum err store_session_insert(struct store *st, const char *token_hash, int64_t user_id, const char *csrf,
    int64_t now, const char *ip, struct errinfo *e);
/* The session of a token digest and its user (ERR_NOTFOUND if either is missing). */
enum err store_session_get(struct store *st, const char *token_hash, struct session_row *s, struct user *u,
    struct arena *a, struct errinfo *e);
enum err store_session_touch(struct store *st, int64_t id, int64_t now, struct errinfo *e);
enum err store_session_delete(struct store *st, const char *token_hash, struct errinfo *e);
enum err store_session_delete_user(struct store *st, int64_t user_id, struct errinfo *e);
/* The same but the session whose token digest is keep_hash ("" : none kept). */
enum err store_session_delete_user_but(struct store *st, int64_t user_id, const char *keep_hash, struct errinfo *e);
/* Delete sessions idle since before idle_before or created before created_before (epoch seconds). */
enum err store_session_purge(struct store *st, int64_t idle_before, int64_t created_before, struct errinfo *e);

struct token_row {
	int64_t id, user_id, created_at, expires_at, last_used;
	bool revoked;
	char *name;
};
enum err store_token_insert(struct store *st, const char *token_hash, int64_t user_id, const char *name,
    int64_t now, int64_t expires, struct errinfo *e);
/* The API token of a digest and its user (ERR_NOTFOUND if either is missing). */
enum err store_token_get(struct store *st, const char *token_hash, struct token_row *t, struct user *u,
    struct arena *a, struct errinfo *e);
enum err store_token_touch(struct store *st, int64_t id, int64_t now, struct errinfo *e);
enum err store_token_revoke(struct store *st, int64_t id, int64_t user_id, bool *done, struct errinfo *e);
/* Revoke every live token of a user (a password change or reset). */
enum err store_token_revoke_user(struct store *st, int64_t user_id, struct errinfo *e);
enum err store_token_list(struct store *st, int64_t user_id, struct token_row **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* ---- audit (append-only, hash-chained; see domain/audit.c) ---- */
struct audit_row {
	int64_t id, at;
	char *actor, *action, *object, *detail, *ip, *prev_hash, *hash;
	char *mac;    /* the keyed chain (NULL on rows older than the key) */
};
/* The chain's head; in a write transaction, and locked for it on PostgreSQL. */
enum err store_audit_head(struct store *st, int64_t *last_id, char **last_hash, char **last_mac, struct arena *a,
    struct errinfo *e);
/* Insert r and move the head to it. */
enum err store_audit_insert(struct store *st, const struct audit_row *r, struct errinfo *e);
typedef int (*audit_row_fn)(void *ctx, const struct audit_row *r);
/* Every row from id from on, in id order. */
enum err store_audit_each(struct store *st, int64_t from, audit_row_fn fn, void *ctx, struct errinfo *e);
/* Which audit rows: recorded in [from, to] (stamps); by this actor, of this action, on this object (each
 * exact, NULL for any). */
struct audit_filter {
	int64_t from, to;
	const char *actor, *action, *object;
};
/* A page of the rows f selects, newest first, and how many it selects in all. */
enum err store_audit_page(struct store *st, const struct audit_filter *f, int limit, int offset,
    struct audit_row **out, size_t *n, int64_t *total, struct arena *a, struct errinfo *e);

/* ---- household list ---- */
/* Orders of the household list; each has its own statement (and, for the first two, an index). Ties go by
 * 户编号; empty attributes and causes come last. */
enum hh_sort {
	HH_SORT_NO,              /* 户编号 */
	HH_SORT_VILLAGE,         /* village code, then 户编号 */
	HH_SORT_NO_DESC,         /* 户编号 descending */
	HH_SORT_VILLAGE_DESC,    /* village code descending, then 户编号 */
	HH_SORT_STATUS,          /* current status, in the code list's order (poor first, cancelled last) */
	HH_SORT_ATTRIBUTE,       /* 贫困户属性 code */
	HH_SORT_CAUSE,           /* 主要致贫原因 code */
	HH_SORT__N
};
struct hh_filter {
	int64_t lo, hi;          /* division range (clipped to the scope) */
	const char *status;      /* status code or NULL */
	const char *attribute;   /* CL_ATTRIBUTE code or NULL */
	const char *cause;       /* CL_CAUSE code or NULL */
	const char *q;           /* 户编号, 证件号码 or name (exact), or part of a name */
	enum hh_sort sort;       /* the order of the list (HH_SORT_VILLAGE by default: an index's) */
	int limit, offset;
	int day;                 /* 0: as the registry stands (current status); a date: the list as of that day —
	                          * status, head and size then, and only households registered by then */
	int64_t *by_status;      /* store_household_list: when not NULL (ST__MAX counts), filled as
	                          * store_household_list_by_status does, and the total is their sum (one statement
	                          * for both) */
};
struct hh_summary {
	struct household h;
	char *head_name;         /* head (on f->day when given, else now), or NULL */
	int64_t size;            /* members (on f->day when given, else now) */
	enum status status_at;   /* the status on f->day (h.status, the current one, when no day is given) */
};
/* The list's page and its total; by_status (when not NULL, ST__MAX counts) how many of the households it
 * selects have each status (on f->day when given), so a total can say removed and cancelled apart. */
enum err store_household_list(struct store *st, const struct hh_filter *f, struct hh_summary **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e);
enum err store_household_list_by_status(struct store *st, const struct hh_filter *f, int64_t *by_status,
    struct errinfo *e);
enum err store_household_size(struct store *st, int64_t hh, int day, int64_t *n, struct errinfo *e);

/* ---- proposals, workflows and assessments (store_proposal.c; domain/proposal.c has the rules) ---- */
struct workflow_row {
	int64_t id;
	char *code, *name, *definition;   /* definition: JSON text (domain/workflow.c reads it) */
	int version;
	int64_t loaded_at;
	char *loaded_by;
};
/* Insert w as the next version of w->code (w->id and w->version are assigned). */
enum err store_workflow_insert(struct store *st, struct workflow_row *w, struct errinfo *e);
enum err store_workflow_get(struct store *st, int64_t id, struct workflow_row *w, struct arena *a, struct errinfo *e);
/* Every version of every workflow, by code then version. */
enum err store_workflow_list(struct store *st, struct workflow_row **out, size_t *n, struct arena *a,
    struct errinfo *e);

enum proposal_state { PS_OPEN, PS_APPROVED, PS_REJECTED };
struct proposal {
	int64_t id;
	char *type;
	int64_t household_id;    /* 0 for a village's proposal */
	int64_t village;
	int64_t workflow_id;
	enum proposal_state state;
	int step_no;             /* index of the current step; the workflow's length once decided */
	int step_since;          /* the day the current step became current */
	int effective;           /* 0: the announce date */
	char *reason, *channel, *batch, *override, *check_result, *payload;
	int64_t event_id;        /* 0 if none */
	int opened;
	char *created_by;
	int64_t created_at, updated_at;
	int64_t version;
	/* joined on reads */
	char *hh_no;             /* the household's 户编号, NULL for a village */
	char *head_name;         /* the household's current head, NULL if none */
};
struct proposal_act {
	int64_t id, proposal_id;
	int seq;
	char *step, *decision;
	int day;
	char *actor, *note, *override;
	int votes_for, votes_against, votes_abstain;   /* -1 when not given */
	int64_t recorded_at;
};
/* p->id is assigned. A second open proposal for the same household (or village) is ERR_CONFLICT. */
enum err store_proposal_insert(struct store *st, struct proposal *p, struct errinfo *e);
/* A proposal in scope (ERR_NOTFOUND otherwise, also when out of scope). */
enum err store_proposal_get(struct store *st, int64_t id, struct proposal *p, struct arena *a, struct errinfo *e);
/* Write p's moving fields (state, step_no, step_since, override, check_result, event_id, updated_at) if
 * the stored version is still expected; then p->version = expected + 1. ERR_CONFLICT if another act came
 * first. */
enum err store_proposal_update(struct store *st, struct proposal *p, int64_t expected, struct errinfo *e);
/* The open proposal of a household (household_id != 0) or of a village (household_id == 0): its id, or 0. */
enum err store_proposal_open_for(struct store *st, int64_t household_id, int64_t village, int64_t *id,
    struct errinfo *e);
struct proposal_filter {
	int64_t lo, hi;          /* villages (clipped to the scope) */
	const char *state;       /* NULL: any */
	const char *type;
	const char *batch;
	int64_t household_id;    /* 0: any */
	int limit, offset;
};
/* Proposals of f, oldest first (by the day their step became current, then id). */
enum err store_proposal_list(struct store *st, const struct proposal_filter *f, struct proposal **out, size_t *n,
    struct arena *a, struct errinfo *e);
enum err store_proposal_acts(struct store *st, int64_t proposal_id, struct proposal_act **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* a->id is assigned; a->seq must be the next one (UNIQUE: a doubled act is ERR_CONFLICT). */
enum err store_proposal_act_insert(struct store *st, struct proposal_act *x, struct errinfo *e);

struct assessment {
	int64_t id, household_id;
	int day;
	char *assessor;
	int food, clothing, education, medical, water;   /* 1 yes, 0 no, -1 not assessed */
	char *housing;           /* "A", "B", "C", "D", "relocated" or NULL */
	char *notes;             /* JSON object of notes per item, or NULL */
	char *recorded_by;
	int64_t recorded_at;
};
enum err store_assessment_insert(struct store *st, struct assessment *x, struct errinfo *e);
/* A household's assessments, newest day first. */
enum err store_assessments(struct store *st, int64_t household_id, struct assessment **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* ---- the session database (store_session.c) ----
 * Logins and the bookkeeping of sessions never wait for a registry import. On SQLite, whose write lock covers
 * the whole file for as long as an import writes, they live in a second file beside the main one
 * (PATH-sessions: sessions, failed-login counters, the audit rows of logins waiting to enter the main file's
 * chain, and which import holds the main file's lock); on PostgreSQL they stay in the main database and their
 * transactions skip the writers' advisory lock. The store_session_* functions above use it. */

/* A transaction for login bookkeeping: on the session database (SQLite) or without the writers' lock
 * (PostgreSQL). Session, login-failure and audit-outbox writes go inside it. */
enum err store_auth_begin(struct store *st, struct errinfo *e);
enum err store_auth_commit(struct store *st, struct errinfo *e);
void store_auth_rollback(struct store *st);
/* Failed logins of a user and until when (epoch seconds) the account is locked out after them. */
enum err store_login_failures_set(struct store *st, int64_t user_id, int failed, int64_t locked_until,
    struct errinfo *e);
/* Whether the audit rows of logins wait in an outbox (SQLite: the main file's chain may be locked by an
 * import) rather than enter the chain in the login's own transaction (PostgreSQL). */
bool store_audit_outbox_used(struct store *st);
/* Add r (its id and hashes unused) to the outbox, inside store_auth_begin's transaction. */
enum err store_audit_outbox_add(struct store *st, const struct audit_row *r, struct errinfo *e);
/* The outbox's rows after id after, oldest first (at most 1000), and the outbox's generation (a random
 * name given when the session database was made: a new file starts its ids again). */
enum err store_audit_outbox_list(struct store *st, int64_t after, struct audit_row **out, size_t *n,
    char **generation, struct arena *a, struct errinfo *e);
/* Forget the outbox's rows up to id upto (they are in the chain). */
enum err store_audit_outbox_forget(struct store *st, int64_t upto, struct errinfo *e);
/* A long write that holds the write lock (an import) says so while it runs, so that writers who wait for it
 * in vain are told why ("正在导入"). *id for store_activity_end. Failures are ignored: it only informs. */
void store_activity_begin(struct store *st, const char *what, int64_t *id);
void store_activity_end(struct store *st, int64_t id);
/* Whether such a write is running now (in this process or another; one that died is forgotten). */
bool store_activity_running(struct store *st);
/* store_begin that does not wait for the write lock: ERR_BUSY at once if another writer holds it. */
enum err store_begin_nowait(struct store *st, struct errinfo *e);
/* A write transaction that writes the households of one county (or a few), beside other such transactions in
 * other counties (PostgreSQL; on SQLite it is store_begin). It takes the writers' lock shared: a writer that
 * began with store_begin (an import, the administration of divisions, users, proposals) still runs alone. The
 * caller locks every county with store_lock_county before it reads the state of a household there that it
 * will write; store_idno_current_household and store_household_no_exists lock the number they ask about (a person
 * cannot be entered in two counties at once, nor one new 户编号 made twice). Inside another transaction it is that transaction. */
enum err store_begin_county(struct store *st, struct errinfo *e);
/* Inside a store_begin_county transaction: wait for (and hold until the end) the lock of county (the
 * six-digit code, village / 1000000), which every other writer of that county takes too; *locked (if not
 * NULL) says whether it was taken now, so that what was read of the county before must be read again. A
 * no-op in any other transaction, which holds the writers' lock alone. Two counties locked in opposite orders by two transactions
 * are a deadlock, which PostgreSQL breaks by failing one of them (ERR_BUSY, MSG_DB_BUSY: sent again, it goes
 * through). */
enum err store_lock_county(struct store *st, int64_t county, bool *locked, struct errinfo *e);
/* The connection was lost (PostgreSQL restarted): a new one is made in its place; true if it was lost.
 * Whether the request had begun a write before (and so cannot simply be run again): store_wrote. */
bool store_reconnect_if_lost(struct store *st, struct errinfo *e);
bool store_wrote(const struct store *st);
/* Whether st is inside a write transaction (store_begin), not only a read snapshot. */
bool store_in_write(const struct store *st);
void store_clear_wrote(struct store *st);
/* Whether the database file could only be opened for reading (SQLite; a read-only PostgreSQL session is known
 * at its first write only). */
bool store_readonly(const struct store *st);

/* ---- backups (SQLite; store_ops.backup) ---- */
/* Whether the backend backs up by itself (SQLite) rather than with its own tools (PostgreSQL). */
bool store_can_backup(const struct store *st);
/* A consistent copy of the whole database into path, which must not exist. */
enum err store_backup(struct store *st, const char *path, struct errinfo *e);
/* SQLite's integrity check: "ok" in out, or its first problem. */
enum err store_integrity(struct store *st, char *out, size_t size, struct errinfo *e);
/* Rows of the registry's main tables, for a backup's summary. */
struct store_counts {
	int64_t households, members, events, audit;
};
enum err store_counts(struct store *st, struct store_counts *c, struct errinfo *e);

/* How long a writer waits for the write lock before ERR_BUSY, in milliseconds: TUOPIN_LOCK_WAIT seconds
 * (10 by default). */
int store_lock_wait_ms(void);
/* SQLite: checkpoints of the WAL run by a thread per database file on its own connection, not by the commit
 * that passes the mark (so no request waits for one): on for the connections opened after store_checkpoints_
 * behind(true) (the server, at start); false stops the threads, each closing its connection (the server, once
 * its own connections are closed). A no-op on PostgreSQL. */
void store_checkpoints_behind(bool on);

/* ---- assistance and supervision records (store_assistance.c; the rules are domain/assistance.c's) ----
 * Every kind of record is a row of one table (several kinds share a table, told apart by its kind column). A
 * row is read as its columns in the table's order (table_columns[] of stmt.c) followed by AROW_SHOW names
 * joined for display. Reads are limited to the scope by the row's own division column. */
enum akind {
	AK_CADRE,
	AK_PAIRING,
	AK_WORK_TEAM,
	AK_VISIT,
	AK_MEASURE,
	AK_PROJECT,
	AK_PROJECT_BENEFICIARY,
	AK_PROJECT_PAYMENT,
	AK_PUBLIC_POST,
	AK_POST_PAYMENT,
	AK_LOAN,
	AK_LOAN_BENEFICIARY,
	AK_LOAN_REPAYMENT,
	AK_JOB_FAIR,
	AK_FAIR_HIRE,
	AK_HEALTH_CHECKUP,
	AK_MEDICAL_INSURANCE,
	AK_SERIOUS_INSURANCE,
	AK_YULU,
	AK_CHARITY_CARD,
	AK_CHARITY_VISIT,
	AK_ASSET,
	AK_ASSET_INCOME,
	AK_CASE,
	AK_CASE_HOUSEHOLD,
	AK_CASE_PERSON,
	AK_COMPLAINT,
	AK__MAX
};

/* The names joined to a row: the household's 户编号 and current head, the member's name and ID number, the
 * cadre's name, the parent record's name, the division's name. NULL where they do not apply. */
enum { SHOW_HH_NO, SHOW_HEAD, SHOW_MEMBER, SHOW_MEMBER_ID, SHOW_CADRE, SHOW_REF, SHOW_DIVISION, AROW_SHOW };
struct arow {
	struct sqlval *v;          /* table_ncols[t] values (texts in the arena) */
	char *show[AROW_SHOW];
};
struct arow_filter {
	int64_t lo, hi;            /* divisions of the row (clipped to the scope); 0, 0: the whole scope */
	int64_t id;                /* 0: any */
	int64_t household_id;      /* 0: any */
	int64_t ref_id;            /* 0: any; the parent: project, loan, fair, post, asset, case, or the cadre */
	int from, to;              /* the row's date in [from, to]; a row with an end date: active in it */
	int limit, offset;         /* limit 0: no limit */
};
/* The table that holds kind k, and the index of a column of table t by name (-1 if none). */
enum table akind_table(enum akind k);
int table_column(enum table t, const char *name);
/* Insert a row of table t; v[0] (the id) is assigned when it is NULL. In bulk mode the row may be deferred
 * (PostgreSQL COPY). */
enum err store_arow_insert(struct store *st, enum table t, struct sqlval *v, struct errinfo *e);
/* Write every column of the row v[0] names except the id and the recording columns. */
enum err store_arow_update(struct store *st, enum table t, const struct sqlval *v, struct errinfo *e);
/* Rows of kind k by f, newest first; *total counts them all (before limit and offset). */
enum err store_arow_list(struct store *st, enum akind k, const struct arow_filter *f, struct arow **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e);
/* One row of kind k in scope; ERR_NOTFOUND otherwise. */
enum err store_arow_get(struct store *st, enum akind k, int64_t id, struct arow *out, struct arena *a,
    struct errinfo *e);

/* Cadres found by 证件号码, by exact name, or by the account they log in with, in any scope (a cadre of a county
 * unit helps households of one village). */
enum cadre_by { CADRE_BY_IDNO, CADRE_BY_NAME, CADRE_BY_USER };
enum err store_cadre_find(struct store *st, enum cadre_by by, const char *key, int64_t **ids, size_t *n,
    struct arena *a, struct errinfo *e);

/* The households that need a responsible cadre and visits on day: in [lo, hi] and scope, poor, returned or
 * exited with policy on day, or monitored; with the pairing that covers day (if any) and the last visit up to
 * day. cadre != 0: only the households that cadre helps on day. */
struct assist_hh {
	int64_t id, village;
	char *hh_no, *head, *village_name;
	enum status status;
	bool monitored;
	int64_t cadre_id;          /* 0: nobody */
	char *cadre_name;
	int pairing_start;         /* of the pairing that covers day */
	int last_visit;            /* 0: none up to day */
	int64_t persons;           /* members on day */
};
enum err store_assist_households(struct store *st, int day, int64_t lo, int64_t hi, int64_t cadre,
    struct assist_hh **out, size_t *n, struct arena *a, struct errinfo *e);
/* Cadres helping more than limit households on day (pairings in [lo, hi] and scope), most first. */
struct cadre_load {
	int64_t id, households;
	char *name, *unit, *affiliation;
};
enum err store_cadre_loads(struct store *st, int day, int64_t lo, int64_t hi, int64_t limit, struct cadre_load **out,
    size_t *n, struct arena *a, struct errinfo *e);

/* ---- assistance figures (store_assistance.c): each over [from, to] and the divisions [lo, hi] in scope ---- */
struct assist_cell {
	int64_t records, households, persons, amount, jobs;   /* amount in fen */
};
enum assist_src {
	AS_PROJECTS,       /* a, b: project kinds (the same twice for one kind) */
	AS_POSTS,
	AS_FAIRS,
	AS_LOANS,          /* a: product */
	AS_AID,            /* a: aid kind; insurance kinds count by year, the finance bureau's premiums */
	AS__MAX
};
enum err store_assist_cell(struct store *st, enum assist_src src, const char *a, const char *b, int from, int to,
    int64_t lo, int64_t hi, struct assist_cell *c, struct errinfo *e);
/* The coverage on day: households and persons poor, returned or exited with policy; of them those with a cadre,
 * those visited since since_day (or paired since then), and the persons insured (medical, serious illness) for
 * the year of day. */
struct assist_coverage {
	int64_t households, persons, with_cadre, visited, insured_medical, insured_serious;
};
enum err store_assist_coverage(struct store *st, int day, int since_day, int64_t lo, int64_t hi,
    struct assist_coverage *c, struct errinfo *e);
/* Measures by category in [from, to]: the measure records, and the specialised records as the category they
 * belong to (projects, posts, loans, fairs, aid). */
struct measure_cell {
	char *category;
	int64_t records, households, persons, amount;
};
enum err store_measures_by_category(struct store *st, int from, int to, int64_t lo, int64_t hi,
    struct measure_cell **out, size_t *n, struct arena *a, struct errinfo *e);
/* Loans by product: granted in [from, to] (count, amount), and outstanding and overdue on to (count, balance). */
struct loan_cell {
	char *product;
	int64_t granted, granted_amount, outstanding, balance, overdue, overdue_balance;
};
enum err store_loans_by_product(struct store *st, int from, int to, int64_t lo, int64_t hi, struct loan_cell **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* Money paid in [from, to] by payment kind and aid kind ("post", "benefit", "asset", "aid:yulu", ...). */
struct paid_cell {
	char *kind;
	int64_t records, households, amount;
};
enum err store_paid_by_kind(struct store *st, int from, int to, int64_t lo, int64_t hi, struct paid_cell **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* Assets held on day (formed by then, not disposed), by class and owner level, or by village; and the income
 * they distributed in [from, to]. */
struct asset_cell {
	char *class_, *owner_level;
	int64_t village;
	char *village_name;
	int64_t assets, value, income;
};
enum err store_asset_ledger(struct store *st, bool by_village, int day, int from, int to, int64_t lo, int64_t hi,
    struct asset_cell **out, size_t *n, struct arena *a, struct errinfo *e);

/* ---- supervision figures (store_supervision.c) ---- */
struct case_cell {
	char *category;
	int64_t cases, persons;
};
/* Cases found in [from, to] by category, with the persons held accountable in them. */
enum err store_cases_by_category(struct store *st, int from, int to, int64_t lo, int64_t hi, struct case_cell **out,
    size_t *n, struct arena *a, struct errinfo *e);
struct complaint_counts {
	int64_t received, answered, open, overdue;   /* overdue: open after the deadline on to */
};
enum err store_complaint_counts(struct store *st, int from, int to, int64_t lo, int64_t hi,
    struct complaint_counts *c, struct errinfo *e);

/* ---- 防返贫动态监测 (store_monitor.c) ---- */
/* One monitoring case of a household (schema 0013). Days are YYYYMMDD, 0 for none. */
struct monitor_case {
	int64_t id, household_id;
	int seq;
	char *type, *risks, *channel;    /* codes; risks comma-separated; NULL unknown */
	int identified, discovered;
	int64_t open_event_id, open_proposal_id;
	int eliminated;
	char *way;
	int64_t close_event_id, close_proposal_id;
	int security_day;
	char *security;
	int64_t recorded_at, updated_at;
	/* joined on reads of store_cases_in */
	char *hh_no, *head_name;
	int64_t village;
	enum status status;              /* the household's current status */
	int64_t persons;                 /* members on the day asked */
};
/* c->id and c->seq (the household's next) are assigned. */
enum err store_case_insert(struct store *st, struct monitor_case *c, struct errinfo *e);
/* The household's case still open (not eliminated), ERR_NOTFOUND if none. */
enum err store_case_open(struct store *st, int64_t hh, struct monitor_case *c, struct arena *a, struct errinfo *e);
/* Close case id: eliminated on day by way, with the event and proposal (0: none). */
enum err store_case_close(struct store *st, int64_t id, int day, const char *way, int64_t event_id,
    int64_t proposal_id, int64_t now, struct errinfo *e);
/* Record on case id that elimination was held back on day (no labour capacity), with the security in place. */
enum err store_case_security(struct store *st, int64_t id, int day, const char *security, int64_t now,
    struct errinfo *e);
/* Every case of a household, oldest first. */
enum err store_cases_of_household(struct store *st, int64_t hh, struct monitor_case **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* Every case identified on or before day of the households in villages [lo, hi] (within the scope), with the
 * household's number, village, status, head and its members on day; by village, household, seq. */
enum err store_cases_in(struct store *st, int day, int64_t lo, int64_t hi, struct monitor_case **out, size_t *n,
    struct arena *a, struct errinfo *e);

/* A programme membership (低保, 低保边缘, 特困): [valid_from, valid_to) days, valid_to 99991231 open. */
struct programme {
	int64_t id, household_id;
	char *kind;
	int valid_from, valid_to;
	char *source, *actor;
	int64_t recorded_at;
};
enum err store_programme_insert(struct store *st, struct programme *p, struct errinfo *e);
enum err store_programmes_of_household(struct store *st, int64_t hh, struct programme **out, size_t *n,
    struct arena *a, struct errinfo *e);
/* Memberships in force on day of the households in villages [lo, hi] (within the scope). */
enum err store_programmes_in(struct store *st, int day, int64_t lo, int64_t hi, struct programme **out, size_t *n,
    struct arena *a, struct errinfo *e);

/* ---- early warnings (monitor_warn.c, schema 0014) ---- */
struct warn_income {
	int64_t household_id;
	char *hh_no;
	int64_t village;
	enum status status;
	int year;
	int64_t net_pc;
};
/* The latest two incomes (years <= last_year, 人均纯收入 known) of each 脱贫户 and 一般农户 on day in villages
 * [lo, hi] and scope, by household id, latest year first. */
enum err store_warn_incomes(struct store *st, int day, int last_year, int64_t lo, int64_t hi, struct warn_income **out,
    size_t *n, struct arena *a, struct errinfo *e);
struct warn_health {
	int64_t household_id, event_id;
	char *type;          /* data_fix, member_add, enrol */
	int effective;
	char *detail;        /* data_fix: the event's detail (JSON); else NULL */
	char *name, *health; /* the member's name and health now */
	char *hh_no;
	int64_t village;
	enum status status;
};
/* Health recorded by events effective in (after, day] in villages [lo, hi] and scope: data_fix events touching
 * health, members added or enrolled with a serious illness or a disability; of 脱贫户 and 一般农户 on day. */
enum err store_warn_health(struct store *st, int day, int after, int64_t lo, int64_t hi, struct warn_health **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* Rows of the live lists of kind known on day and dated in (after, day] (the row's date, else the list's), held by a
 * member of a household in villages [lo, hi] and scope that is a 脱贫户 or an 一般农户 on day, the member taken as
 * a member of the household on the row's date (its last day included); fills the list's and member's columns
 * of external_match (not since, dibao, ...) and labor. */
enum err store_warn_external(struct store *st, const char *kind, int day, int after, int64_t lo, int64_t hi,
    external_match_fn fn, void *ctx, struct errinfo *e);
/* A household's persons and its head's name on day. */
enum err store_warn_household(struct store *st, int64_t hh, int day, int *persons, char **head, struct arena *a,
    struct errinfo *e);
/* monitor_in proposals of the households in villages [lo, hi] and scope open on day (opened by then, not decided
 * by then): pairs (household id, proposal id). */
enum err store_warn_proposals(struct store *st, int64_t lo, int64_t hi, int day, int64_t **out, size_t *n,
    struct arena *a, struct errinfo *e);
struct warning_dismissal {
	int64_t id, household_id;
	char *rule;
	int64_t basis;
	char *reason;
	int day;
	char *actor;
	int64_t recorded_at;
};
enum err store_warn_dismissals(struct store *st, int64_t lo, int64_t hi, int day, struct warning_dismissal **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* Insert d (d->id set); ERR_CONFLICT if that warning was dismissed already. */
enum err store_warn_dismiss(struct store *st, struct warning_dismissal *d, struct errinfo *e);

/* Backend constructors (sqlite.c, pg.c). */
enum err store_sqlite_open(const char *path, bool create, struct store **out, struct errinfo *e);
enum err store_pg_open(const char *conninfo, struct store **out, struct errinfo *e);

#endif
