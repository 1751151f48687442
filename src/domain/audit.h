/* audit.h: the append-only audit log, chained twice. Every write appends a row in the same transaction as the
 * act it records; every full view of personal data and every login, in a transaction committed before it is
 * answered (on SQLite the server's wait in the session database's outbox until they are moved into the chain).
 *   - The hash chain (BLAKE2b-256): each row's hash covers the previous row's hash and all of its own fields,
 *     so anyone who can read the database finds a row changed, deleted or inserted — unless the forger also
 *     recomputed the chain, which needs no secret.
 *   - The keyed chain (HMAC-SHA-256): each row's mac covers the previous mac and the row's hash, under a key
 *     kept in a file outside the database (audit_key_path). Whoever can write the database but not read the
 *     key cannot recompute it: a rewritten row breaks it where it was changed.
 *   - Anchors: the head (last row and its mac) appended now and then to a file beside the key, and shown to the
 *     audit administrator, who may keep it. A tail cut leaves a valid chain, but shorter than an anchor.
 * audit_verify names the check that failed and the row. No SQL here. */
#ifndef TUOPIN_AUDIT_H
#define TUOPIN_AUDIT_H

#include <stdbool.h>

#include "store/store.h"

#define AUDIT_ZERO "0000000000000000000000000000000000000000000000000000000000000000"

/* Append a row at stamp at, inside the caller's write transaction. detail is JSON text or NULL. Needs the
 * key (created, 0600, on the first append if there is none yet); ERR_IO if it cannot be read. */
enum err audit_append(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e);
/* The hash of row r after prev (both hex, 64 characters + NUL in out). */
void audit_hash(const char *prev_hex, const struct audit_row *r, char out[65]);

/* Record that actor read personal data in full (an unmasked view, a search by 证件号码, an export): in the
 * caller's write transaction if it is in one; otherwise in a transaction of its own, shared with the other
 * views waiting at the same time for the same database (group commit), and ending the caller's read snapshot.
 * ERR_OK: the row is committed. */
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
/* Before the log is read or verified: the outbox's rows enter the chain, waiting for the write lock unless an
 * import holds it (then they stay, as they would for a login, and the log shows them after the import). */
void audit_outbox_catch_up(struct store *st);
/* Views (audit_view outside a write of the caller's) are written as logins' rows are (audit_append_auth), so
 * that none waits for an import: on PostgreSQL into the chain without the writers' lock; on SQLite, once this is
 * set (by the server), into the session database's outbox instead of each being a write of the main file (a
 * SQLite reader drops its page cache and its memory map whenever the main file changed since its last read).
 * The server moves them into the chain every second (cli_serve.c) and when it stops; the log's readers move them
 * first (audit_outbox_catch_up). A process that sets nothing (the CLI) writes them into the main file's chain. */
void audit_views_deferred(bool on);


/* Where the key of the database at uri lives: $TUOPIN_AUDIT_KEY (set by --audit-key too), else for SQLite
 * the database's path plus ".audit-key", else "tuopin-audit.key" in the working directory. The anchors go to
 * $TUOPIN_AUDIT_ANCHORS, else for SQLite the database's path plus ".audit-anchors", else the key's path plus
 * ".DBNAME.audit-anchors" (one file per database). */
void audit_key_path(const char *uri, char *out, size_t size);
void audit_anchor_path(const char *uri, char *out, size_t size);
/* The key goes with the log: after a copy (migrate-data), the target's key is the source's (written, 0600, if
 * the target has none; ERR_CONFLICT if it has another). */
enum err audit_key_copy(const char *from, const char *to, struct errinfo *e);
/* Make sure the key exists (create it, 0600, if not); for `tuopin init`. */
enum err audit_key_ensure(struct store *st, struct errinfo *e);
/* Whether this process appended audit rows (the CLI anchors the head before it exits if so). */
bool audit_appended(void);

/* Append an anchor of the committed head to the anchor file if it moved since the last one; *wrote says if it
 * did. Outside any transaction. */
enum err audit_anchor(struct store *st, bool *wrote, struct errinfo *e);

enum audit_failure {
	AUDIT_OK = 0,
	AUDIT_CHAIN,     /* the hash chain: a row missing, relinked or changed */
	AUDIT_MAC,       /* the keyed chain: a row rewritten (chain recomputed) or written without the key */
	AUDIT_HEAD,      /* the head does not name the last row */
	AUDIT_ANCHOR,    /* an anchor names a row the log no longer has, or has otherwise */
	AUDIT_KEY,       /* the key is not readable: the keyed chain and the anchors cannot be checked */
};

struct audit_check {
	int64_t rows;         /* rows checked */
	int64_t bad_id;       /* first broken row, 0 if everything holds */
	enum audit_failure failed;
	const char *check;    /* "chain", "mac", "head", "anchor", "key", or NULL */
	char why[240];        /* what is wrong, in the current language */
	int64_t keyed_from;   /* the first row with a mac (0: none yet) */
	int anchors;          /* anchors checked */
	int64_t head_id;      /* the head: last row and its mac (or hash before the key) */
	char head_mac[65];
};
/* Verify the log: the hash chain, the keyed chain, the head, the anchor file, and extra (an anchor an audit
 * administrator kept: "ID:MAC", or NULL). Never creates the key. */
enum err audit_verify(struct store *st, const char *extra, struct audit_check *c, struct errinfo *e);
/* The same with the key of another database (a backup is checked with the key of the database it copies; its
 * own anchors, none, are st's). */
enum err audit_verify_keyed(struct store *st, const char *key_uri, const char *extra, struct audit_check *c,
    struct errinfo *e);

#endif
