/* txn.h: the context of one write: the store, the recording instant, who acts, and the aggregate deltas
 * that wait for the commit (added up there, so a bulk load writes each village-day once). Every domain write takes one; txn_commit makes it durable at once
 * (one database transaction), txn_rollback leaves nothing behind. */
#ifndef TUOPIN_TXN_H
#define TUOPIN_TXN_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/agg.h"
#include "lib/err.h"
#include "store/store.h"

struct txn {
	struct store *st;
	int64_t now;          /* recording instant of every row written */
	int today;            /* the date of now */
	const char *actor;    /* "cli:root", a user name */
	bool lenient;         /* data-quality rules warn instead of refusing (import --lenient) */
	bool quiet_audit;     /* a bulk operation audits itself once instead of once per event */
	const char *ip;       /* the client's address, for the audit log (NULL for the CLI) */
	struct agg_delta *agg;
	size_t n_agg, cap_agg;
	/* A county writer's audit rows (txn_begin_county), appended at commit after everything else it writes:
	 * the audit chain's head is locked from the first row to the commit, and all writers share it. */
	bool county;
	bool now_given;       /* now was asked for, not read from the clock */
	struct txn_audit_row *audits;
	size_t n_audits;
};

/* Start a write transaction. now is the recording instant (0: the clock). A requested instant before the
 * latest one in the database is refused (MSG_NOW_BEFORE); the clock is kept monotonic instead. */
enum err txn_begin(struct txn *t, struct store *st, int64_t now, const char *actor, struct errinfo *e);
/* txn_begin for the events of one household (an API request): on PostgreSQL other counties' writers go on
 * meanwhile (store_begin_county). Whatever it records locks its household's county first (event_record). */
enum err txn_begin_county(struct txn *t, struct store *st, int64_t now, const char *actor, struct errinfo *e);
/* A county writer that has just locked a county (store_lock_county's locked), before it writes: the recording
 * instant again, now that the county's writers before it have committed (their instants may be later than the
 * one read at the begin, and a span they opened must not be closed before it was opened). */
enum err txn_stamp_again(struct txn *t, struct errinfo *e);
/* store_begin (wait false: store_begin_nowait) for the writes that are not a txn (users, sessions, the audit
 * chain, the demo): when the write lock was busy because an import holds it, the error says so
 * (MSG_IMPORT_BUSY, answered 503 import_running). */
enum err txn_store_begin(struct store *st, bool wait, struct errinfo *e);
/* Without a transaction: ERR_INVALID (MSG_NOW_BEFORE) if a requested recording instant now (0: the clock) lies
 * before the latest one in the database, as txn_begin would refuse it; for checks made before the lock. */
enum err txn_check_now(struct store *st, int64_t now, struct errinfo *e);
/* Flush deferred aggregates and commit. On failure everything is rolled back. */
enum err txn_commit(struct txn *t, struct errinfo *e);
void txn_rollback(struct txn *t);

/* Append an audit row for this transaction's actor at its instant (see audit.h); a county writer's at its
 * commit. */
enum err txn_audit(struct txn *t, const char *action, const char *object, const char *detail, struct errinfo *e);

/* Contributions of household hh (village v) as stored now, with sign, into the txn's pending list. */
enum err txn_agg_household(struct txn *t, int64_t hh, int64_t village, int sign, struct errinfo *e);
/* The same from spans the caller holds: the household's status spans and membership spans as now known. */
void txn_agg_spans(struct txn *t, int64_t village, const struct span *st, size_t nst, const struct span *ms,
    size_t nms, int sign);
/* Write the pending deltas (compacted) to the store. */
enum err txn_agg_flush(struct txn *t, struct errinfo *e);

#endif
