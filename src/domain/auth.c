/* auth.c: accounts, passwords, sessions, tokens. */
#include "domain/auth.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <jansson.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "domain/audit.h"
#include "lib/date.h"
#include "lib/util.h"

const struct role roles_table[] = {
	{ "county_admin", "县扶贫办", "county office", CAP_READ | CAP_WRITE | CAP_IMPORT | CAP_EXPORT | CAP_FULL_ID | CAP_SELF |
		CAP_COMPARE, true },
	{ "town_operator", "乡镇经办", "town operator", CAP_READ | CAP_WRITE | CAP_IMPORT | CAP_EXPORT | CAP_FULL_ID | CAP_SELF,
		true },
	{ "village_operator", "村级录入", "village clerk", CAP_READ | CAP_WRITE | CAP_FULL_ID | CAP_SELF, true },
	{ "cadre", "帮扶责任人", "helper cadre", CAP_READ | CAP_SELF, true },
	{ "supervisor", "督查审计", "supervisor", CAP_READ | CAP_EXPORT | CAP_FULL_ID | CAP_SELF | CAP_COMPARE, true },
	{ "sys_admin", "系统管理员", "system administrator", CAP_USERS | CAP_SELF, false },
	{ "sec_admin", "安全管理员", "security administrator", CAP_ROLES | CAP_SELF, false },
	{ "audit_admin", "审计管理员", "audit administrator", CAP_AUDIT | CAP_SELF, false },
};
const size_t n_roles = NELEM(roles_table);

struct auth_policy auth_policy = {
	.idle_seconds = 30 * 60,
	.max_seconds = 12 * 3600,
	.max_failed = 5,
	.lockout_seconds = 15 * 60,
	.min_password = 10,
	.token_days = 90,
};

const struct role *
role_find(const char *code)
{
	for (size_t i = 0; code && i < n_roles; i++)
		if (strcmp(roles_table[i].code, code) == 0)
			return &roles_table[i];
	return NULL;
}

int64_t
auth_epoch(void)
{
	return (int64_t)time(NULL);
}

static int64_t
stamp_of(const struct actor_ctx *by)
{
	return by && by->now ? by->now : stamp_now();
}

void
auth_digest(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static char *
random_token(struct arena *a)
{
	unsigned char raw[32];
	char out[64];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, sizeof(out), raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_strdup(a, out);
}

/* ---- passwords ---- */

static sem_t hash_slots;
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;
/* A real hash of a random password: logins with unknown names verify against it, taking the same time. */
static char dummy_hash[crypto_pwhash_STRBYTES];

static void
hash_init(void)
{
	if (sodium_init() < 0)
		die(5, "libsodium failed to initialise");
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	sem_init(&hash_slots, 0, (unsigned)(n > 0 ? n : 1));
	char pw[32];
	randombytes_buf(pw, sizeof(pw) - 1);
	for (size_t i = 0; i < sizeof(pw) - 1; i++)
		pw[i] = (char)('a' + (unsigned char)pw[i] % 26);
	pw[sizeof(pw) - 1] = '\0';
	if (crypto_pwhash_str(dummy_hash, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		die(5, "out of memory hashing a password");
}

bool
password_ok(const char *pw, const char *user, struct errinfo *e)
{
	size_t n = strlen(pw);
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++)
		if ((*p & 0xC0) != 0x80)
			chars++;
	if (chars < (size_t)auth_policy.min_password) {
		errinfo_set(e, ERR_INVALID, "password", MSG_PW_SHORT, auth_policy.min_password);
		return false;
	}
	int upper = 0, lower = 0, digit = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)pw[i];
		if (isupper(c))
			upper = 1;
		else if (islower(c))
			lower = 1;
		else if (isdigit(c))
			digit = 1;
		else
			other = 1;
	}
	if (upper + lower + digit + other < 3) {
		errinfo_set(e, ERR_INVALID, "password", MSG_PW_CLASSES);
		return false;
	}
	if (user && *user && strcasestr(pw, user)) {
		errinfo_set(e, ERR_INVALID, "password", MSG_PW_NAME);
		return false;
	}
	return true;
}

enum err
password_hash(const char *pw, char *out, size_t size, struct errinfo *e)
{
	pthread_once(&hash_once, hash_init);
	if (size < crypto_pwhash_STRBYTES)
		return errinfo_set(e, ERR_INVALID, "", MSG_INTERNAL, "hash buffer");
	sem_wait(&hash_slots);
	int rc = crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	sem_post(&hash_slots);
	if (rc != 0)
		return errinfo_set(e, ERR_DB, "", MSG_INTERNAL, "out of memory hashing a password");
	return ERR_OK;
}

bool
password_verify(const char *hash, const char *pw)
{
	pthread_once(&hash_once, hash_init);
	sem_wait(&hash_slots);
	bool ok = crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
	sem_post(&hash_slots);
	return ok;
}

/* ---- accounts ---- */

static bool
name_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return false;
	return true;
}

static enum err
role_check(struct store *st, const char *role, int64_t division, struct errinfo *e)
{
	const struct role *r = role_find(role);
	if (!r) {
		char list[256] = "";
		for (size_t i = 0; i < n_roles; i++) {
			size_t k = strlen(list);
			snprintf(list + k, sizeof(list) - k, "%s%s", i ? ", " : "", roles_table[i].code);
		}
		return errinfo_set(e, ERR_INVALID, "role", MSG_ROLE_UNKNOWN, role ? role : "", list);
	}
	if (r->needs_division) {
		if (!division)
			return errinfo_set(e, ERR_INVALID, "division", MSG_ROLE_DIVISION);
		struct arena a;
		struct division d;
		arena_init(&a);
		enum err rc = store_division_get(st, division, &d, &a, e);
		arena_free(&a);
		if (rc == ERR_NOTFOUND) {
			char code[16];
			snprintf(code, sizeof(code), "%012lld", (long long)division);
			return errinfo_set(e, ERR_INVALID, "division", MSG_DIV_UNKNOWN, code);
		}
		return rc;
	}
	return ERR_OK;
}

static char *
user_json(const struct user *u)
{
	json_t *j = json_pack("{s:s, s:s, s:s, s:I, s:b, s:b}", "name", u->name, "display_name", u->display_name,
	    "role", u->role, "division", (json_int_t)u->division, "locked", u->locked, "must_change", u->must_change);
	char *s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return s;
}

static enum err
audit_user(struct store *st, const struct actor_ctx *by, const char *action, const char *name, const struct user *before,
    const struct user *after, struct errinfo *e)
{
	char *b = before ? user_json(before) : NULL, *a = after ? user_json(after) : NULL;
	json_t *j = json_object();
	if (b)
		json_object_set_new(j, "before", json_loads(b, 0, NULL));
	if (a)
		json_object_set_new(j, "after", json_loads(a, 0, NULL));
	char *d = json_dumps(j, JSON_COMPACT);
	enum err rc = audit_append(st, stamp_of(by), by && by->name ? by->name : "system", action, name, d,
	    by ? by->ip : NULL, e);
	free(b);
	free(a);
	free(d);
	json_decref(j);
	return rc;
}

enum err
user_create(struct store *st, const struct actor_ctx *by, const char *name, const char *display, const char *role,
    int64_t division, const char *password, bool must_change, struct user *out, struct errinfo *e)
{
	if (!name || !name_ok(name))
		return errinfo_set(e, ERR_INVALID, "name", MSG_USER_NAME);
	if (!password_ok(password ? password : "", name, e))
		return ERR_INVALID;
	char hash[crypto_pwhash_STRBYTES];
	enum err rc = password_hash(password, hash, sizeof(hash), e);
	if (rc != ERR_OK)
		return rc;
	if ((rc = store_begin(st, e)) != ERR_OK)
		return rc;
	if ((rc = role_check(st, role, division, e)) != ERR_OK)
		goto fail;
	struct arena a;
	struct user u;
	arena_init(&a);
	rc = store_user_by_name(st, name, &u, &a, e);
	arena_free(&a);
	if (rc == ERR_OK) {
		rc = errinfo_set(e, ERR_CONFLICT, "name", MSG_USER_EXISTS, name);
		goto fail;
	}
	if (rc != ERR_NOTFOUND)
		goto fail;
	memset(&u, 0, sizeof(u));
	u.name = (char *)name;
	u.display_name = (char *)(display && *display ? display : name);
	u.role = (char *)role;
	u.division = role_find(role)->needs_division ? division : 0;
	u.pw_hash = hash;
	u.must_change = must_change;
	u.created_at = u.updated_at = stamp_of(by);
	if ((rc = store_user_insert(st, &u, e)) != ERR_OK)
		goto fail;
	if ((rc = audit_user(st, by, "user.create", name, NULL, &u, e)) != ERR_OK)
		goto fail;
	if ((rc = store_commit(st, e)) != ERR_OK)
		return rc;
	if (out)
		*out = u;
	if (out)
		out->pw_hash = NULL;
	return ERR_OK;
fail:
	store_rollback(st);
	return rc;
}

enum err
user_change(struct store *st, const struct actor_ctx *by, const char *name, const struct user_change *c,
    struct user *out, struct errinfo *e)
{
	char hash[crypto_pwhash_STRBYTES];
	enum err rc;
	if (c->password) {
		if (!password_ok(c->password, name, e))
			return ERR_INVALID;
		if ((rc = password_hash(c->password, hash, sizeof(hash), e)) != ERR_OK)
			return rc;
	}
	if ((rc = store_begin(st, e)) != ERR_OK)
		return rc;
	struct arena a;
	arena_init(&a);
	struct user before, u;
	rc = store_user_by_name(st, name, &before, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, name);
	if (rc != ERR_OK)
		goto fail;
	u = before;
	if (c->display_name)
		u.display_name = (char *)c->display_name;
	if (c->role || c->division) {
		const char *role = c->role ? c->role : u.role;
		int64_t div = c->division ? *c->division : u.division;
		if ((rc = role_check(st, role, div, e)) != ERR_OK)
			goto fail;
		u.role = (char *)role;
		u.division = role_find(role)->needs_division ? div : 0;
	}
	if (c->password) {
		u.pw_hash = hash;
		u.must_change = true;
		u.failed = 0;
		u.locked_until = 0;
	}
	if (c->locked) {
		u.locked = *c->locked;
		if (!u.locked) {
			u.failed = 0;
			u.locked_until = 0;
		}
	}
	u.updated_at = stamp_of(by);
	if ((rc = store_user_update(st, &u, e)) != ERR_OK)
		goto fail;
	/* A lock, a new role or scope, or a password reset ends the user's sessions. */
	if ((c->locked && *c->locked) || c->role || c->division || c->password)
		if ((rc = store_session_delete_user(st, u.id, e)) != ERR_OK)
			goto fail;
	const char *action = c->password ? "user.password_reset" : c->locked ? (*c->locked ? "user.lock" : "user.unlock")
	    : (c->role || c->division) ? "user.role" : "user.update";
	if ((rc = audit_user(st, by, action, name, &before, &u, e)) != ERR_OK)
		goto fail;
	if ((rc = store_commit(st, e)) != ERR_OK) {
		arena_free(&a);
		return rc;
	}
	if (out) {
		*out = u;
		out->name = out->display_name = out->role = out->pw_hash = NULL;
	}
	arena_free(&a);
	return ERR_OK;
fail:
	store_rollback(st);
	arena_free(&a);
	return rc;
}

enum err
user_change_password(struct store *st, const struct actor_ctx *by, const char *name, const char *old,
    const char *new_password, struct errinfo *e)
{
	struct arena a;
	struct user u;
	arena_init(&a);
	enum err rc = store_user_by_name(st, name, &u, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, name);
	if (rc == ERR_OK && !password_verify(u.pw_hash, old ? old : ""))
		rc = errinfo_set(e, ERR_INVALID, "old_password", MSG_PW_OLD);
	if (rc == ERR_OK && !password_ok(new_password ? new_password : "", name, e))
		rc = ERR_INVALID;
	char hash[crypto_pwhash_STRBYTES];
	if (rc == ERR_OK)
		rc = password_hash(new_password, hash, sizeof(hash), e);
	if (rc == ERR_OK)
		rc = store_begin(st, e);
	if (rc == ERR_OK) {
		u.pw_hash = hash;
		u.must_change = false;
		u.updated_at = stamp_of(by);
		rc = store_user_update(st, &u, e);
		if (rc == ERR_OK)
			rc = audit_append(st, stamp_of(by), name, "user.password", name, NULL, by ? by->ip : NULL, e);
		if (rc == ERR_OK)
			rc = store_commit(st, e);
		else
			store_rollback(st);
	}
	arena_free(&a);
	return rc;
}

/* ---- sessions ---- */

enum err
auth_login(struct store *st, const char *name, const char *password, const char *ip, char **token, char **csrf,
    struct user *u, struct arena *a, struct errinfo *e)
{
	int64_t now = auth_epoch();
	enum err rc = store_user_by_name(st, name ? name : "", u, a, e);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	bool known = rc == ERR_OK;
	/* Verify even for an unknown name, so timing does not tell which names exist. */
	pthread_once(&hash_once, hash_init);
	bool good = password_verify(known ? u->pw_hash : dummy_hash, password ? password : "") && known;
	if ((rc = store_begin(st, e)) != ERR_OK)
		return rc;
	if (known) {
		/* reload inside the transaction: another login may have counted a failure meanwhile */
		if ((rc = store_user_by_name(st, name, u, a, e)) != ERR_OK)
			goto fail;
	}
	enum err result = ERR_OK;
	if (known && u->locked) {
		result = errinfo_set(e, ERR_AUTH, "name", MSG_AUTH_DISABLED);
	} else if (known && u->locked_until > now) {
		char until[20];
		stamp_format(stamp_from_epoch(u->locked_until), until);
		until[16] = '\0';   /* to the minute, in the office's zone */
		result = errinfo_set(e, ERR_AUTH, "name", MSG_AUTH_LOCKED, until);
	} else if (!good) {
		result = errinfo_set(e, ERR_AUTH, "password", MSG_AUTH_FAILED);
		if (known) {
			u->failed++;
			if (u->failed >= auth_policy.max_failed) {
				u->locked_until = now + auth_policy.lockout_seconds;
				u->failed = 0;
			}
			if ((rc = store_user_update(st, u, e)) != ERR_OK)
				goto fail;
		}
	}
	if (result != ERR_OK) {
		char detail[160];
		snprintf(detail, sizeof(detail), "{\"reason\":\"%s\"}", e ? e->code : "");
		struct errinfo keep;
		if (e)
			keep = *e;
		if ((rc = audit_append(st, stamp_now(), name && name_ok(name) ? name : "?", "login.failed",
		    name && name_ok(name) ? name : NULL, detail, ip, e)) != ERR_OK)
			goto fail;
		if ((rc = store_commit(st, e)) != ERR_OK)
			return rc;
		if (e)
			*e = keep;
		return result;
	}
	*token = random_token(a);
	*csrf = random_token(a);
	char digest[65];
	auth_digest(*token, digest);
	if (u->failed) {
		u->failed = 0;
		if ((rc = store_user_update(st, u, e)) != ERR_OK)
			goto fail;
	}
	if ((rc = store_session_purge(st, now - auth_policy.idle_seconds, now - auth_policy.max_seconds, e)) != ERR_OK)
		goto fail;
	if ((rc = store_session_insert(st, digest, u->id, *csrf, now, ip, e)) != ERR_OK)
		goto fail;
	if ((rc = audit_append(st, stamp_now(), u->name, "login", u->name, NULL, ip, e)) != ERR_OK)
		goto fail;
	return store_commit(st, e);
fail:
	store_rollback(st);
	return rc;
}

enum err
auth_session(struct store *st, const char *token, struct user *u, char **csrf, struct arena *a, struct errinfo *e)
{
	if (!token || !*token)
		return errinfo_set(e, ERR_AUTH, "", MSG_AUTH_REQUIRED);
	char digest[65];
	struct session_row s;
	auth_digest(token, digest);
	enum err rc = store_session_get(st, digest, &s, u, a, e);
	if (rc == ERR_NOTFOUND)
		return errinfo_set(e, ERR_AUTH, "", MSG_SESSION_EXPIRED);
	if (rc != ERR_OK)
		return rc;
	int64_t now = auth_epoch();
	if (now - s.seen_at > auth_policy.idle_seconds || now - s.created_at > auth_policy.max_seconds) {
		store_session_delete(st, digest, NULL);
		return errinfo_set(e, ERR_AUTH, "", MSG_SESSION_EXPIRED);
	}
	if (u->locked)
		return errinfo_set(e, ERR_AUTH, "", MSG_AUTH_DISABLED);
	/* Touch at most once a minute (or half the idle limit): every request would otherwise be a write. */
	int every = auth_policy.idle_seconds / 2 < 60 ? auth_policy.idle_seconds / 2 : 60;
	if (now - s.seen_at >= every && (rc = store_session_touch(st, s.id, now, e)) != ERR_OK)
		return rc;
	if (csrf)
		*csrf = s.csrf;
	return ERR_OK;
}

enum err
auth_logout(struct store *st, const char *token, const char *actor, const char *ip, struct errinfo *e)
{
	char digest[65];
	auth_digest(token ? token : "", digest);
	enum err rc = store_begin(st, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_session_delete(st, digest, e);
	if (rc == ERR_OK)
		rc = audit_append(st, stamp_now(), actor ? actor : "?", "logout", actor, NULL, ip, e);
	if (rc == ERR_OK)
		return store_commit(st, e);
	store_rollback(st);
	return rc;
}

enum err
auth_token_create(struct store *st, const struct actor_ctx *by, const struct user *u, const char *name, int days,
    char **token, int64_t *id, struct arena *a, struct errinfo *e)
{
	if (days <= 0)
		days = auth_policy.token_days;
	*token = arena_printf(a, "tp_%s", random_token(a));
	char digest[65];
	auth_digest(*token, digest);
	int64_t now = auth_epoch();
	enum err rc = store_begin(st, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_token_insert(st, digest, u->id, name && *name ? name : "api", now, now + (int64_t)days * 86400, e);
	struct token_row *v;
	size_t n;
	if (rc == ERR_OK)
		rc = store_token_list(st, u->id, &v, &n, a, e);
	if (rc == ERR_OK) {
		*id = n ? v[n - 1].id : 0;
		char detail[128];
		snprintf(detail, sizeof(detail), "{\"token\":%lld,\"days\":%d}", (long long)*id, days);
		rc = audit_append(st, stamp_of(by), by && by->name ? by->name : u->name, "token.create", u->name, detail,
		    by ? by->ip : NULL, e);
	}
	if (rc == ERR_OK)
		return store_commit(st, e);
	store_rollback(st);
	return rc;
}

enum err
auth_token_revoke(struct store *st, const struct actor_ctx *by, const struct user *u, int64_t id, struct errinfo *e)
{
	bool done = false;
	enum err rc = store_begin(st, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_token_revoke(st, id, u->id, &done, e);
	if (rc == ERR_OK && !done)
		rc = errinfo_set(e, ERR_NOTFOUND, "id", MSG_TOKEN_NOT_FOUND, (long long)id);
	if (rc == ERR_OK) {
		char detail[64];
		snprintf(detail, sizeof(detail), "{\"token\":%lld}", (long long)id);
		rc = audit_append(st, stamp_of(by), by && by->name ? by->name : u->name, "token.revoke", u->name, detail,
		    by ? by->ip : NULL, e);
	}
	if (rc == ERR_OK)
		return store_commit(st, e);
	store_rollback(st);
	return rc;
}

enum err
auth_token(struct store *st, const char *token, struct user *u, struct arena *a, struct errinfo *e)
{
	char digest[65];
	struct token_row t;
	auth_digest(token, digest);
	enum err rc = store_token_get(st, digest, &t, u, a, e);
	if (rc == ERR_NOTFOUND)
		return errinfo_set(e, ERR_AUTH, "", MSG_TOKEN_BAD);
	if (rc != ERR_OK)
		return rc;
	int64_t now = auth_epoch();
	if (t.revoked || t.expires_at < now)
		return errinfo_set(e, ERR_AUTH, "", MSG_TOKEN_BAD);
	if (u->locked)
		return errinfo_set(e, ERR_AUTH, "", MSG_AUTH_DISABLED);
	return ERR_OK;
}
