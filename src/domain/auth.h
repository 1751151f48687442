/* auth.h: accounts, roles and what they may do (ARCHITECTURE.md §1, 三员分立), passwords (argon2id with a
 * cap on concurrent hashing), the password policy, lockout after repeated failures, sessions with idle and
 * absolute timeouts, and API tokens. Tokens and session ids are random 256-bit values; only their BLAKE2b
 * digests are stored. Every change and every login attempt is audited. No HTTP here. */
#ifndef TUOPIN_AUTH_H
#define TUOPIN_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum cap {
	CAP_READ = 1 << 0,      /* households, stats and reports in scope (masked) */
	CAP_WRITE = 1 << 1,     /* households, members and events in scope */
	CAP_IMPORT = 1 << 2,
	CAP_EXPORT = 1 << 3,
	CAP_FULL_ID = 1 << 4,   /* may ask for unmasked ID numbers and phones (audited) */
	CAP_USERS = 1 << 5,     /* system administrator: accounts */
	CAP_ROLES = 1 << 6,     /* security administrator: roles, scopes and policies */
	CAP_AUDIT = 1 << 7,     /* audit administrator: the audit log */
	CAP_SELF = 1 << 8,      /* any logged-in user: own password, own tokens */
	CAP_COMPARE = 1 << 9,   /* other departments' lists (数据比对): import, read, delete (audited) */
};

struct role {
	const char *code, *zh, *en;
	unsigned caps;
	bool needs_division;   /* data roles are bound to a division subtree */
};
extern const struct role roles_table[];
extern const size_t n_roles;
const struct role *role_find(const char *code);

struct auth_policy {
	int idle_seconds;        /* a session unused this long ends */
	int max_seconds;         /* and any session ends after this long */
	int max_failed;          /* failed logins before a lockout */
	int lockout_seconds;
	int min_password;        /* characters */
	int token_days;          /* default validity of API tokens */
};
extern struct auth_policy auth_policy;

/* Does the password meet the policy? On false, e explains (field "password"). */
bool password_ok(const char *password, const char *user_name, struct errinfo *e);
/* argon2id hash into out (crypto_pwhash_STRBYTES); at most as many at once as there are cores. */
enum err password_hash(const char *password, char *out, size_t size, struct errinfo *e);
bool password_verify(const char *hash, const char *password);

struct actor_ctx {
	const char *name;   /* who acts, for the audit log */
	const char *ip;
	int64_t now;        /* stamp; 0 = the clock */
};

/* Create an account (audited). The password must meet the policy; data roles need a division that exists. */
enum err user_create(struct store *st, const struct actor_ctx *by, const char *name, const char *display,
    const char *role, int64_t division, const char *password, bool must_change, struct user *out,
    struct errinfo *e);
/* Changes by an administrator (audited). Any of the pointers may be NULL to leave that field. */
struct user_change {
	const char *display_name;
	const char *role;
	const int64_t *division;
	const char *password;    /* a reset: the user must change it at the next login */
	const bool *locked;
};
enum err user_change(struct store *st, const struct actor_ctx *by, const char *name, const struct user_change *c,
    struct user *out, struct errinfo *e);
/* A user changes their own password (audited); old must match. */
enum err user_change_password(struct store *st, const struct actor_ctx *by, const char *name, const char *old,
    const char *new_password, struct errinfo *e);

/* Log in: on success a new session token (43 characters, base64url) and its CSRF token (both owned by a) and
 * the user. Failures are ERR_AUTH with one message for "no such user" and "wrong password"; a locked account
 * says so. Audited either way. */
enum err auth_login(struct store *st, const char *name, const char *password, const char *ip, char **token,
    char **csrf, struct user *u, struct arena *a, struct errinfo *e);
/* The user of a session token, if the session is alive (touching it); ERR_AUTH otherwise. */
enum err auth_session(struct store *st, const char *token, struct user *u, char **csrf, struct arena *a,
    struct errinfo *e);
enum err auth_logout(struct store *st, const char *token, const char *actor, const char *ip, struct errinfo *e);
/* Create an API token for user u (returned once, owned by a); expires after days (0: the policy's default). */
enum err auth_token_create(struct store *st, const struct actor_ctx *by, const struct user *u, const char *name,
    int days, char **token, int64_t *id, struct arena *a, struct errinfo *e);
/* Revoke token id of user u (audited); ERR_NOTFOUND if u has no such token. */
enum err auth_token_revoke(struct store *st, const struct actor_ctx *by, const struct user *u, int64_t id,
    struct errinfo *e);
/* The user of an API token; ERR_AUTH if unknown, revoked, expired, or the user is locked. */
enum err auth_token(struct store *st, const char *token, struct user *u, struct arena *a, struct errinfo *e);

/* The digest stored for a token (hex, 65 bytes). */
void auth_digest(const char *token, char out[65]);
int64_t auth_epoch(void);

#endif
