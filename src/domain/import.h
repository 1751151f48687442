/* import.h: all-or-nothing imports of the divisions, registry and events sheets (ARCHITECTURE.md §4).
 * Every problem of a file is found and reported at once (row, column, value, reason); nothing is written
 * unless the file is clean (warnings from --lenient aside); a file is written in one transaction. */
#ifndef TUOPIN_IMPORT_H
#define TUOPIN_IMPORT_H

#include <stdbool.h>

#include "domain/model.h"
#include "domain/problem.h"
#include "io/sheet.h"
#include "store/store.h"

struct relation_change;   /* domain/member.h */

struct txn;

/* The passes of a registry import over its file, for a progress report (import_opts.progress). */
enum import_step {
	IMPORT_STEP_KEYS,      /* the first pass: the keys looked up, whether households are contiguous */
	IMPORT_STEP_COUNT,     /* a file whose households lie apart: each household's rows counted */
	IMPORT_STEP_CHECK,     /* every row and household checked, nothing written */
	IMPORT_STEP_KEYS_AGAIN, /* under the write lock, the database having changed: the keys looked up again */
	IMPORT_STEP_WRITE,     /* under the write lock: checked again and written */
};

struct import_opts {
	const char *path;
	const char *file_name; /* the name the user knows the file by, for the audit log (NULL: path's last part) */
	struct sheet *sheet;  /* rows given already (sheet_open_memory); the importer closes it. path is NULL. */
	int as_of;            /* registry: the date the statuses held, and the creation date (0: today) */
	const char *as_of_field; /* how the caller names as_of in a refusal (NULL: "--as-of", the CLI's option) */
	enum evtype event;    /* registry: EV_IDENTIFY (default) or EV_INCLUDE_MISSED */
	const char *batch;    /* default batch for every row */
	const char *reason;   /* registry: reason recorded with the creation events */
	bool dry_run;         /* validate only */
	bool proposal;        /* an open proposal's own household (its 户编号 is held by the proposal itself) */
	bool lenient;         /* data-quality rules warn instead of refusing */
	int64_t now;          /* recording instant (0: the clock) */
	const char *actor;
	/* events: the user's role, whose rows are held to settings_event_direct (require_review: a data role's
	 * status events go through proposals); NULL: the county office's direct route (the CLI) */
	const char *role;
	const char *ip;       /* the client's address, for the audit log */
	const struct sheet_limits *limits;
	int year;             /* income: the survey year of rows without 收入年度 (0: every row says its year) */
	/* events: a finding the change fixes (finding.h), linked to it in the same transaction as kind
	 * ("edit" or "event"); 0: none */
	int64_t finding;
	const char *finding_kind;
	/* events, one data_fix row making a member the head (the API's member correction): the other members'
	 * relations to the new head, given with the former head's (registry.h event_req.others) */
	const struct relation_change *others;
	size_t n_others;
	/* registry, rows given (sheet): check and write within this transaction of the caller's (which commits
	 * or rolls back) instead of one of the import's own; NULL: the import's own */
	struct txn *txn;
	bool update;          /* set by import_registry_update */
	/* registry, a file: called as each pass begins (rows 0), every IMPORT_PROGRESS_ROWS rows and as it ends
	 * (done), with the slice of households it reads (0 of 1 unless the file is read in slices); NULL: none */
	void (*progress)(void *arg, enum import_step step, size_t slice, size_t n_slices, long long rows, bool done);
	void *progress_arg;
};

#define IMPORT_PROGRESS_ROWS 100000

struct import_result {
	enum sheet_kind kind;
	enum sheet_encoding encoding;
	int rows;             /* data rows read */
	int households, members, events;
	int divisions_added, divisions_updated;
	int unchanged;        /* income: rows equal to what is stored (nothing written for them) */
	int records;          /* assistance and supervision records (domain/assist_import.c) */
	bool written;
	int64_t last_event;   /* events: the id of the last event recorded; registry: the last creation event */
	int64_t last_household;   /* events: its household; registry: the last household created */
	struct problems problems;
};

/* Each returns ERR_OK when the file was imported (or, with dry_run, would be), ERR_INVALID when it has
 * errors (listed in r->problems; nothing written), or another error for a failure of the file or database
 * (in e). r->problems must be initialised by the caller with problems_init. */
enum err import_divisions(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e);
enum err import_registry(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e);
/* A registry sheet (one row per person, as exported) applied to existing households: each row's member (by
 * 证件号码, or by name when the number is masked) and household take the row's values that differ, each as
 * one 信息更正 (data_fix) with before and after, effective as_of (default today), reason o->reason; empty and
 * masked cells (stars) are left as stored. All or nothing; problems name the row, the column and the reason. */
enum err import_registry_update(struct store *st, const struct import_opts *o, struct import_result *r,
    struct arena *a, struct errinfo *e);
enum err import_events(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e);
/* The income survey sheet (收入调查表): one row per household and year — 户编号, 收入年度 (or o->year), 工资性收入,
 * 生产经营性收入, 财产性收入, 转移性收入, 生产经营性支出 (元), 家庭人口 and 人均纯收入 optional (income_set's
 * rules). r->households counts the households whose survey was recorded, r->unchanged the rows already so. */
enum err import_income(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e);

/* Record in the audit log, in its own transaction, an import that wrote nothing: a dry run (whatever it
 * found) or a file refused (outcome ERR_INVALID) or failed: what, the file's name, its rows and counts. */
enum err import_audit_unwritten(struct store *st, const char *what, const struct import_opts *o,
    const struct import_result *r, enum err outcome, struct errinfo *e);

/* Level from a 12-digit code: 1 province .. 5 village. */
int division_level_of(int64_t code);

#endif
