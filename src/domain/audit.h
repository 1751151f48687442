/* audit.h: the append-only, hash-chained audit log. Every write and every full view of personal data appends
 * a row in the same transaction as the act it records. Each row's hash covers the previous row's hash and all
 * of its own fields, so changing, deleting or inserting a row breaks the chain where it happened;
 * audit_verify names the first broken row. No SQL here. */
#ifndef TUOPIN_AUDIT_H
#define TUOPIN_AUDIT_H

#include "store/store.h"

#define AUDIT_ZERO "0000000000000000000000000000000000000000000000000000000000000000"

/* Append a row at stamp at, inside the caller's write transaction. detail is JSON text or NULL. */
enum err audit_append(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e);
/* The hash of row r after prev (both hex, 64 characters + NUL in out). */
void audit_hash(const char *prev_hex, const struct audit_row *r, char out[65]);

/* Record, in its own transaction, that actor read personal data in full (an unmasked view or export). */
enum err audit_view(struct store *st, const char *actor, const char *ip, const char *action, const char *object,
    const char *detail, struct errinfo *e);

/* The audit row of a login, a failed login or a logout, inside store_auth_begin's transaction. On PostgreSQL
 * it enters the chain there and then; on SQLite, where the chain's file may be locked for a while by an import
 * that logins must not wait for, it waits in the session database's outbox until audit_outbox_flush moves it
 * into the chain (with its own time, so the chain's times may step back there). */
enum err audit_append_auth(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e);
/* Move the outbox's rows into the chain, oldest first, in write transactions of the main database, exactly
 * once even if the process dies between the two databases (the main database keeps a mark of the last row it
 * took). wait: whether to wait for the write lock; if not and it is taken, the rows stay for the next time
 * (after the next login or import). A no-op on PostgreSQL. */
enum err audit_outbox_flush(struct store *st, bool wait, struct errinfo *e);

struct audit_check {
	int64_t rows;        /* rows checked */
	int64_t bad_id;      /* first broken row, 0 if the chain holds */
	char why[160];       /* what is wrong with it, in the current language */
};
enum err audit_verify(struct store *st, struct audit_check *c, struct errinfo *e);

#endif
