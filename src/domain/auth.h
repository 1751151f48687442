/* auth.h: accounts, roles and what they may do (ARCHITECTURE.md §1, 三员分立: docs/SECURITY.md), passwords
 * (argon2id with a cap on concurrent hashing), the password policy (length, not composition; common passwords
 * refused), login throttling with growing delays per account and per address (no lockout an outsider could
 * cause), one-time codes in two halves for new accounts and password resets, sessions with idle and absolute
 * timeouts, and API tokens. Tokens and session ids are random 256-bit values; only their BLAKE2b digests are
 * stored. Every change and every login attempt is audited. No HTTP here. */
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
	CAP_ASSIST = 1 << 9,    /* record 帮扶 (cadres, pairings, visits, measures, ...); a cadre: its own households */
	CAP_SUPERVISE = 1 << 10,/* 督查: supervision cases and complaints, and their figures */
	CAP_COMPARE = 1 << 11,  /* other departments' lists (数据比对): import, read, delete (audited) */
};

struct role {
	const char *code, *zh, *en;
	unsigned caps;
	bool needs_division;   /* data roles are bound to a division subtree */
	int level_min, level_max;   /* the division's level it may be bound to (1 省 … 5 村; 0 0: any) */
};
extern const struct role roles_table[];
extern const size_t n_roles;
const struct role *role_find(const char *code);
/* The levels of division a data role is bound to, in the current language ("省至县", "村"; "county to province"
 * reads "province to county"), in out; NULL (out empty) when any level will do. */
const char *role_levels_text(const struct role *r, char *out, size_t size);

struct auth_policy {
	int idle_seconds;        /* a session unused this long ends */
	int max_seconds;         /* and any session ends after this long */
	int min_password;        /* characters */
	int token_max_days;      /* the longest an API token lives (and its default) */
	/* Login throttling: after free failures in a row, each further attempt waits 2^(failures - free)
	 * seconds, up to the cap. Per account (any address) and per address (any account). */
	int account_free, account_cap;
	int address_free, address_cap;
	int code_hours;          /* a one-time code (new account, reset) is void after this long */
};
extern struct auth_policy auth_policy;

/* Does the password meet the policy (docs/SECURITY.md: at least min_password characters, at most 256 bytes,
 * not digits only, at least five different characters, not the user name, not a common password or a common
 * stem with digits)? On false, e explains (field "password"). */
bool password_ok(const char *password, const char *user_name, struct errinfo *e);
/* argon2id hash into out (crypto_pwhash_STRBYTES); at most as many at once as there are cores. */
enum err password_hash(const char *password, char *out, size_t size, struct errinfo *e);
bool password_verify(const char *hash, const char *password);

struct actor_ctx {
	const char *name;   /* who acts, for the audit log */
	const char *ip;
	int64_t now;        /* stamp; 0 = the clock */
};

/* Create an account (audited). The password must meet the policy (NULL: none that anyone knows; the account
 * is activated with a one-time code); data roles need a division that exists. */
enum err user_create(struct store *st, const struct actor_ctx *by, const char *name, const char *display,
    const char *role, int64_t division, const char *password, bool must_change, struct user *out,
    struct errinfo *e);
/* Changes by an administrator (audited). Any of the pointers may be NULL to leave that field. */
struct user_change {
	const char *display_name;
	const char *role;
	const int64_t *division;
	const char *password;    /* a reset (the CLI's): the user must change it at the next login */
	const bool *locked;
};

/* 三员分立 (docs/SECURITY.md): what an administrator may do to an account through the API. The command line
 * is the host operator's, who holds the database, and is not bound by these. */
enum admin_act {
	ADMIN_CREATE,      /* the system administrator creates accounts, without a role */
	ADMIN_ACCOUNT,     /* and locks, unlocks and renames them */
	ADMIN_ROLE,        /* the security administrator assigns data roles and divisions */
	ADMIN_CODE,        /* either issues its half of a one-time code (new account, password reset) */
	ADMIN_TOKENS,      /* the security administrator lists and revokes anyone's API tokens */
};
/* May actor (a logged-in administrator) do act to target (NULL for ADMIN_CREATE)? new_role: the role given
 * (ADMIN_ROLE). ERR_FORBIDDEN with the reason in e if not. */
enum err auth_admin_may(const struct user *actor, enum admin_act act, const struct user *target, const char *new_role,
    struct errinfo *e);
bool role_is_admin(const char *role);
/* Whether u is the county office itself: the county office's role over a county (or wider) division. The county's
 * own settings (the monitoring line, the assistance settings) are its alone. */
bool auth_is_county_office(struct store *st, const struct user *u);

/* Issue the half of a one-time code that belongs to actor's kind of administrator (part 1: sys_admin, 2:
 * sec_admin) for the account name: 8 characters, shown once, kept as an argon2id hash. The user logs in with
 * both halves (16 characters, in order, dashes and spaces ignored) and must then choose a password; the code
 * is void after code_hours, and issuing a half again replaces only that half. Audited. out gets "ABCD-EFGH". */
enum err user_code_issue(struct store *st, const struct actor_ctx *by, const char *name, int part, char out[16],
    int64_t *until, struct errinfo *e);
enum err user_change(struct store *st, const struct actor_ctx *by, const char *name, const struct user_change *c,
    struct user *out, struct errinfo *e);
/* A user changes their own password (audited); old must match the password or the complete one-time code,
 * and is throttled like a login (by->ip); the new one must differ from it and meet the policy. The user's
 * API tokens are revoked, and its sessions but keep_session (the session token it is changed in; NULL: every
 * one). ERR_THROTTLED while the account or address must wait. */
enum err user_change_password(struct store *st, const struct actor_ctx *by, const char *name, const char *old,
    const char *new_password, const char *keep_session, struct errinfo *e);

/* Log in: on success a new session token (43 characters, base64url) and its CSRF token (both owned by a) and
 * the user. Failures are ERR_AUTH with one message for an unknown name, a wrong password and a locked account
 * alike; ERR_THROTTLED (and *wait seconds) while the account or the address must wait, without looking at
 * the password. Audited either way (the throttle once per wait). */
enum err auth_login(struct store *st, const char *name, const char *password, const char *ip, char **token,
    char **csrf, struct user *u, int *wait, struct arena *a, struct errinfo *e);
/* Seconds the account name (or NULL) and the address ip (or NULL) must still wait before the next attempt. */
int auth_throttle_wait(const char *name, const char *ip);
/* Forget every throttle (tests). */
void auth_throttle_reset(void);
/* The user of a session token, if the session is alive (touching it); ERR_AUTH otherwise. */
enum err auth_session(struct store *st, const char *token, struct user *u, char **csrf, struct arena *a,
    struct errinfo *e);
enum err auth_logout(struct store *st, const char *token, const char *actor, const char *ip, struct errinfo *e);
/* Create an API token for user u (returned once, owned by a); expires after days (0: the policy's maximum;
 * more than the maximum is ERR_INVALID on "days"). */
enum err auth_token_create(struct store *st, const struct actor_ctx *by, const struct user *u, const char *name,
    int days, char **token, int64_t *id, struct arena *a, struct errinfo *e);
/* Revoke token id of user u (audited); ERR_NOTFOUND if u has no such token. */
enum err auth_token_revoke(struct store *st, const struct actor_ctx *by, const struct user *u, int64_t id,
    struct errinfo *e);
/* Revoke token id of the user named name, by the security administrator (audited); ERR_NOTFOUND if none. */
enum err auth_token_revoke_of(struct store *st, const struct actor_ctx *by, const char *name, int64_t id,
    struct errinfo *e);
/* The user of an API token; ERR_AUTH if unknown, revoked, expired (or older than the policy's maximum now),
 * or the user is locked. */
enum err auth_token(struct store *st, const char *token, struct user *u, struct arena *a, struct errinfo *e);

/* The digest stored for a token (hex, 65 bytes). */
void auth_digest(const char *token, char out[65]);
int64_t auth_epoch(void);

#endif
