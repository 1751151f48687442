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
	void (*bind)(struct stmt *q, int i, struct sqlval v);     /* i is 1-based ($1) */
	int (*step)(struct stmt *q, struct errinfo *e);           /* 1 row, 0 done, -1 error (e filled) */
	int64_t (*col_int)(struct stmt *q, int i);                /* 0-based; NULL reads as 0 */
	const char *(*col_text)(struct stmt *q, int i);           /* NULL for SQL NULL; valid until next step */
	bool (*col_null)(struct stmt *q, int i);
	void (*reset)(struct stmt *q);
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
};

struct store {
	const struct store_ops *ops;
	void *impl;
	char *uri;
	int64_t scope_lo, scope_hi;   /* division codes in scope: [lo, hi] */
	bool in_tx, bulk, aborted;
	bool reading;   /* in_tx is a read snapshot (store_read_begin), not a write transaction */
	/* The audit chain's head while a write transaction appends to it: read (and locked) once, written back
	 * once at commit, so a transaction of many audited acts does not update one row over and over. */
	bool audit_cached, audit_dirty;
	/* The division tree, cached per connection (reference data, read by every report and request). */
	struct division *divs;
	size_t n_divs;
	char *divs_gen;
	uint64_t divs_checked, tx_serial;   /* checked in transaction number divs_checked */
	struct arena *divs_arenas;          /* every generation loaded, freed at close */
	size_t n_divs_arenas;
	int64_t audit_last_id;
	char audit_last_hash[65];
	int tx_depth;
	/* store_snapshot_epoch: the process's epoch when the snapshot began, and the data version this
	 * connection saw the last time it was asked */
	uint64_t snap_epoch;
	uint32_t last_dv;
	bool have_dv, snap_checked, snap_ok;
};

/* ---- opening ---- */

/* Open "sqlite:PATH", a bare path, or "postgresql://..." / "postgres://..." (NULL: $TUOPIN_DB, then
 * sqlite:./tuopin.db). Does not migrate. The scope starts as everything. */
/* The URI as it may be shown in a message: a password (user:secret@ or password=secret) becomes ***. */
void store_uri_shown(const char *uri, char *out, size_t size);
enum err store_open(const char *uri, struct store **out, struct errinfo *e);
void store_close(struct store *st);
/* Apply the embedded migrations not yet applied, each in its own transaction. *applied counts them. */
enum err store_migrate(struct store *st, int *applied, struct errinfo *e);
/* ERR_OK if the schema is exactly what this binary expects; otherwise a clear error. */
enum err store_check_schema(struct store *st, struct errinfo *e);
int store_schema_version_expected(void);

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
/* Divisions named name (exactly), any level. */
enum err store_division_by_name(struct store *st, const char *name, struct division **out, size_t *n,
    struct arena *a, struct errinfo *e);
enum err store_division_count(struct store *st, int64_t *n, struct errinfo *e);

/* ---- households and members ---- */
enum err store_household_by_no(struct store *st, const char *hh_no, struct household *h, struct arena *a,
    struct errinfo *e);
enum err store_household_by_id(struct store *st, int64_t id, struct household *h, struct arena *a, struct errinfo *e);
/* Whether any household (in scope or not) has this number. */
enum err store_household_no_exists(struct store *st, const char *hh_no, bool *exists, struct errinfo *e);
/* The same for n numbers at once (a few statements per thousand): exists[i] for nos[i]. */
enum err store_household_nos_exist(struct store *st, const char *const *nos, size_t n, bool *exists,
    struct errinfo *e);
/* Insert h (h->id is assigned). */
enum err store_household_insert(struct store *st, struct household *h, struct errinfo *e);
enum err store_household_set_status(struct store *st, int64_t id, enum status s, bool monitored, int64_t now,
    struct errinfo *e);
enum err store_household_update(struct store *st, const struct household *h, struct errinfo *e);
enum err store_household_count(struct store *st, int64_t *n, struct errinfo *e);

enum err store_member_insert(struct store *st, struct member *m, struct errinfo *e);
enum err store_member_update(struct store *st, const struct member *m, struct errinfo *e);
enum err store_member_by_id(struct store *st, int64_t id, struct member *m, struct arena *a, struct errinfo *e);
/* The member of household hh with this ID number (present or not), ERR_NOTFOUND if none. */
enum err store_member_in_household(struct store *st, int64_t hh, const char *id_no, struct member *m,
    struct arena *a, struct errinfo *e);
/* Members of hh whose membership (as now known) holds on date day; day = DATE_INF-1 for "now". */
enum err store_members_at(struct store *st, int64_t hh, int day, struct member **out, size_t *n, struct arena *a,
    struct errinfo *e);
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
/* Events of household hh (as source or target), in recording order; superseded[i] tells whether event i is
 * superseded as now known. If members is not NULL, members[i] is the member event i names (id, name and
 * id_no; id 0 if none or out of scope) and others[i] the 户编号 of the household on the other side of a
 * split or merge (NULL if none or out of scope). One statement. */
enum err store_events_of_household(struct store *st, int64_t hh, struct event **out, bool **superseded,
    struct member **members, char ***others, size_t *n, struct arena *a, struct errinfo *e);
/* The largest recorded_at of any event (0 if none). */
enum err store_last_stamp(struct store *st, int64_t *stamp, struct errinfo *e);

/* ---- maintained aggregates ---- */
enum err store_agg_add(struct store *st, int64_t village, enum status s, int day, int64_t dh, int64_t dp,
    struct errinfo *e);

/* ---- reports ---- */
struct stat_cell {
	int64_t village;
	enum status status;
	int64_t households, persons;
};
/* Counts by village and status on date day, as now known (recorded_at == 0, from the maintained aggregates)
 * or as recorded at stamp recorded_at (from the spans). Villages in [lo, hi] and in scope. */
enum err store_stats(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e);
/* Counts as now known from the roll-up of the aggregates to level (LV_PROVINCE .. LV_TOWN): cells by the
 * division codes of that level (in the village field) within [lo, hi] and the scope. */
enum err store_stats_level(struct store *st, int level, int day, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e);
/* The same counts always computed from the spans (the aggregates' check). */
enum err store_stats_scan(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e);

enum changes_mode { CHANGES_EFFECTIVE, CHANGES_RECORDED, CHANGES_BATCH };
struct change_cell {
	enum evtype type;
	int64_t households, persons;
};
/* Events by type. EFFECTIVE: effective date in [from, to]; RECORDED: recording date in [from, to]; BATCH:
 * the batch. As known at recorded_at (0 = now): recorded by then; superseded events are left out except in
 * BATCH mode, which lists every event of the batch. See docs/ARCHITECTURE.md for 户 and 人. */
enum err store_changes(struct store *st, enum changes_mode mode, int from, int to, const char *batch,
    int64_t recorded_at, int64_t lo, int64_t hi, struct change_cell **out, size_t *n, struct arena *a,
    struct errinfo *e);

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
};
enum err store_flows(struct store *st, int from, int to, int64_t lo, int64_t hi, struct flow_event **out,
    size_t *n, struct arena *a, struct errinfo *e);

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
};
enum err store_campaign_insert(struct store *st, struct campaign_row *c, struct errinfo *e);
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
enum err store_token_list(struct store *st, int64_t user_id, struct token_row **out, size_t *n, struct arena *a,
    struct errinfo *e);

/* ---- audit (append-only, hash-chained; see domain/audit.c) ---- */
struct audit_row {
	int64_t id, at;
	char *actor, *action, *object, *detail, *ip, *prev_hash, *hash;
};
/* The chain's head; in a write transaction, and locked for it on PostgreSQL. */
enum err store_audit_head(struct store *st, int64_t *last_id, char **last_hash, struct arena *a, struct errinfo *e);
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
};
struct hh_summary {
	struct household h;
	char *head_name;         /* current head, or NULL */
	int64_t size;            /* current members */
};
enum err store_household_list(struct store *st, const struct hh_filter *f, struct hh_summary **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e);
enum err store_household_size(struct store *st, int64_t hh, int day, int64_t *n, struct errinfo *e);

/* Backend constructors (sqlite.c, pg.c). */
enum err store_sqlite_open(const char *path, struct store **out, struct errinfo *e);
enum err store_pg_open(const char *conninfo, struct store **out, struct errinfo *e);

#endif
