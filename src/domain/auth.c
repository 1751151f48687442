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
#include "domain/txn.h"
#include "store/embedded.h"
#include "lib/date.h"
#include "lib/util.h"

const struct role roles_table[] = {
	/* an office of a county, or of a city or province above it */
	{ "county_admin", "县扶贫办", "county office", CAP_READ | CAP_WRITE | CAP_IMPORT | CAP_EXPORT | CAP_FULL_ID | CAP_SELF |
		CAP_ASSIST | CAP_SUPERVISE | CAP_COMPARE, true, 1, 3 },
	{ "town_operator", "乡镇经办", "town operator", CAP_READ | CAP_WRITE | CAP_IMPORT | CAP_EXPORT | CAP_FULL_ID | CAP_SELF |
		CAP_ASSIST, true, 4, 4 },
	{ "village_operator", "村级录入", "village clerk", CAP_READ | CAP_WRITE | CAP_FULL_ID | CAP_SELF | CAP_ASSIST, true, 5, 5 },
	/* a cadre helps households of a village, of several in a town, or across a county (a county office's cadre) */
	{ "cadre", "帮扶责任人", "helper cadre", CAP_READ | CAP_SELF | CAP_ASSIST, true, 3, 5 },
	{ "supervisor", "督查审计", "supervisor", CAP_READ | CAP_EXPORT | CAP_FULL_ID | CAP_SELF | CAP_SUPERVISE | CAP_COMPARE, true,
		0, 0 },
	{ "sys_admin", "系统管理员", "system administrator", CAP_USERS | CAP_SELF, false, 0, 0 },
	{ "sec_admin", "安全管理员", "security administrator", CAP_ROLES | CAP_SELF, false, 0, 0 },
	{ "audit_admin", "审计管理员", "audit administrator", CAP_AUDIT | CAP_SELF, false, 0, 0 },
	/* an account the system administrator made, waiting for the security administrator's role */
	{ "none", "未分配角色", "no role yet", CAP_SELF, false, 0, 0 },
};
const size_t n_roles = NELEM(roles_table);

struct auth_policy auth_policy = {
	.idle_seconds = 30 * 60,
	.max_seconds = 12 * 3600,
	.min_password = 12,
	.token_max_days = 90,
	.account_free = 3,
	.account_cap = 60,
	.address_free = 10,
	.address_cap = 15 * 60,
	.code_hours = 72,
};

bool
role_is_admin(const char *role)
{
	return role && (strcmp(role, "sys_admin") == 0 || strcmp(role, "sec_admin") == 0 || strcmp(role, "audit_admin") == 0);
}

bool
auth_is_county_office(struct store *st, const struct user *u)
{
	if (!u->role || strcmp(u->role, "county_admin") != 0)
		return false;
	if (!u->division)
		return true;
	struct arena a;
	struct division d;
	arena_init(&a);
	bool wide = store_division_get(st, u->division, &d, &a, NULL) == ERR_OK && d.level <= LV_COUNTY;
	arena_free(&a);
	return wide;
}

const char *
role_levels_text(const struct role *r, char *out, size_t size)
{
	static const char *const zh[] = { "", "省", "市", "县", "乡镇", "村" },
			       *const en[] = { "", "province", "city", "county", "town", "village" };
	bool EN = msg_lang() == LANG_EN;
	if (!r->level_min || r->level_min < 1 || r->level_max > 5) {
		out[0] = '\0';
		return NULL;
	}
	if (r->level_min == r->level_max)
		snprintf(out, size, "%s", EN ? en[r->level_max] : zh[r->level_max]);
	else
		snprintf(out, size, EN ? "%s to %s" : "%s至%s", EN ? en[r->level_min] : zh[r->level_min],
		    EN ? en[r->level_max] : zh[r->level_max]);
	return out;
}

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

/* ---- the password policy ---- */

extern const struct embedded_file common_passwords[];

/* Is s (lower case, letters and digits only) on the shipped list? The list is read once into a sorted array. */
static const char **common;
static size_t n_common;
static pthread_once_t common_once = PTHREAD_ONCE_INIT;

static void
common_init(void)
{
	const char *text = (const char *)common_passwords[0].data;
	size_t len = common_passwords[0].len, cap = 512;
	common = xmalloc(cap * sizeof(*common));
	for (const char *p = text; p < text + len;) {
		const char *nl = memchr(p, '\n', (size_t)(text + len - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(text + len - p);
		if (n && *p != '#') {
			if (n_common == cap)
				common = xrealloc(common, (cap *= 2) * sizeof(*common));
			char *w = xmalloc(n + 1);
			memcpy(w, p, n);
			w[n] = '\0';
			common[n_common++] = w;
		}
		p += n + 1;
	}
	qsort(common, n_common, sizeof(*common), str_ptr_cmp);
}

static bool
is_common(const char *s)
{
	pthread_once(&common_once, common_init);
	return *s && bsearch(&s, common, n_common, sizeof(*common), str_ptr_cmp) != NULL;
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
	if (n > 256) {
		errinfo_set(e, ERR_INVALID, "password", MSG_PW_LONG);
		return false;
	}
	if (user && strlen(user) >= 3 && strcasestr(pw, user)) {
		errinfo_set(e, ERR_INVALID, "password", MSG_PW_NAME);
		return false;
	}
	/* what guessers try first: the folded password, its letters, its digits (with hardly a letter), digits
	 * only, and a handful of characters repeated */
	char folded[260], letters[260], digits[260];
	size_t nf = 0, nl = 0, nd = 0, distinct = 0;
	bool seen[256] = { false };
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)pw[i];
		if (!seen[c])
			seen[c] = true, distinct++;
		if (isalpha(c))
			folded[nf++] = letters[nl++] = (char)tolower(c);
		else if (isdigit(c))
			folded[nf++] = digits[nd++] = (char)c;
	}
	folded[nf] = letters[nl] = digits[nd] = '\0';
	bool only_ascii_words = nf == n || nf + 6 >= n;   /* a phrase in Chinese is not a stem with digits */
	if (distinct < 5 || (nd == n) || is_common(folded) || (only_ascii_words && is_common(letters)) ||
	    (nl < 4 && is_common(digits))) {
		errinfo_set(e, ERR_INVALID, "password", MSG_PW_COMMON);
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

/* ---- login throttling (in memory, per process) ---- */

/* One slot per account name or client address that failed lately. The delay grows with failures in a row
 * (2, 4, 8 ... seconds after the free ones, up to the cap); a success clears the account's count (not the
 * address's, which only time clears: an hour without failures). Unknown names are counted like known ones,
 * so the answers cannot tell them apart. An outsider can slow an account to one attempt per account_cap
 * seconds, never lock it. */
#define THROTTLE_SLOTS 4096
#define THROTTLE_PROBE 8
struct throttle_slot {
	char key[80];          /* "u:NAME" or "a:ADDRESS"; "" when free */
	int failures;
	int64_t last_ms;       /* the last failure */
	int64_t until_ms;      /* no attempt before */
	bool logged;           /* the current wait was audited */
};
static struct throttle_slot slots[THROTTLE_SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

static int64_t
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The slot of key (found or taken); with slots_lock held. NULL only when create is false and there is none. */
static struct throttle_slot *
slot_of(const char *key, bool create, int64_t now)
{
	unsigned h = 2166136261u;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	struct throttle_slot *victim = NULL;
	for (int i = 0; i < THROTTLE_PROBE; i++) {
		struct throttle_slot *s = &slots[(h + (unsigned)i) % THROTTLE_SLOTS];
		if (strcmp(s->key, key) == 0)
			return s;
		/* a free or forgotten slot first, else the one whose last failure is oldest */
		bool stale = !s->key[0] || now - s->last_ms > 3600 * 1000;
		if (!victim || (stale && !(!victim->key[0] || now - victim->last_ms > 3600 * 1000)) ||
		    (!stale && s->last_ms < victim->last_ms && victim->key[0] && now - victim->last_ms <= 3600 * 1000))
			victim = s;
	}
	if (!create)
		return NULL;
	memset(victim, 0, sizeof(*victim));
	snprintf(victim->key, sizeof(victim->key), "%s", key);
	return victim;
}

static void
throttle_key(char *out, size_t size, char kind, const char *v)
{
	snprintf(out, size, "%c:%s", kind, v ? v : "");
}

int
auth_throttle_wait(const char *name, const char *ip)
{
	int64_t now = now_ms(), until = 0;
	char k[80];
	pthread_mutex_lock(&slots_lock);
	for (int i = 0; i < 2; i++) {
		const char *v = i ? ip : name;
		if (!v || !*v)
			continue;
		throttle_key(k, sizeof(k), i ? 'a' : 'u', v);
		struct throttle_slot *s = slot_of(k, false, now);
		if (s && s->until_ms > until)
			until = s->until_ms;
	}
	pthread_mutex_unlock(&slots_lock);
	return until > now ? (int)((until - now + 999) / 1000) : 0;
}

/* Should this wait be audited (the first refusal of each wait)? */
static bool
throttle_first_refusal(const char *name, const char *ip)
{
	int64_t now = now_ms();
	char k[80];
	bool first = false;
	pthread_mutex_lock(&slots_lock);
	for (int i = 0; i < 2; i++) {
		const char *v = i ? ip : name;
		if (!v || !*v)
			continue;
		throttle_key(k, sizeof(k), i ? 'a' : 'u', v);
		struct throttle_slot *s = slot_of(k, false, now);
		if (s && s->until_ms > now && !s->logged)
			s->logged = first = true;
	}
	pthread_mutex_unlock(&slots_lock);
	return first;
}

static void
throttle_result(const char *name, const char *ip, bool ok)
{
	int64_t now = now_ms();
	char k[80];
	pthread_mutex_lock(&slots_lock);
	for (int i = 0; i < 2; i++) {
		const char *v = i ? ip : name;
		if (!v || !*v)
			continue;
		throttle_key(k, sizeof(k), i ? 'a' : 'u', v);
		struct throttle_slot *s = slot_of(k, !ok, now);
		if (!s)
			continue;
		if (ok) {
			if (!i)
				memset(s, 0, sizeof(*s));   /* the account's count; the address keeps its own */
			continue;
		}
		int free_ = i ? auth_policy.address_free : auth_policy.account_free;
		int cap = i ? auth_policy.address_cap : auth_policy.account_cap;
		s->failures++;
		s->last_ms = now;
		if (s->failures > free_) {
			int k2 = s->failures - free_;
			int64_t d = k2 >= 20 ? cap : (int64_t)1 << k2;
			if (d > cap)
				d = cap;
			s->until_ms = now + d * 1000;
			s->logged = false;
		}
	}
	pthread_mutex_unlock(&slots_lock);
}

void
auth_throttle_reset(void)
{
	pthread_mutex_lock(&slots_lock);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&slots_lock);
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
		char code[16];
		snprintf(code, sizeof(code), "%012lld", (long long)division);
		if (rc == ERR_NOTFOUND)
			rc = errinfo_set(e, ERR_INVALID, "division", MSG_DIV_UNKNOWN, code);
		else if (rc == ERR_OK && r->level_min && (d.level < r->level_min || d.level > r->level_max)) {
			/* a county office bound to a village, a village clerk to a county: the role's rights over the
			 * wrong span of households */
			static const char *const zh[] = { "", "省", "市", "县", "乡镇", "村" },
					       *const en[] = { "", "province", "city", "county", "town", "village" };
			bool EN = msg_lang() == LANG_EN;
			char want[64];
			role_levels_text(r, want, sizeof(want));
			int lv = d.level >= 1 && d.level <= 5 ? d.level : 0;
			rc = errinfo_set(e, ERR_INVALID, "division", MSG_ROLE_LEVEL, EN ? r->en : r->zh, want, code, d.name,
			    EN ? en[lv] : zh[lv]);
		}
		arena_free(&a);
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
	char unknown[48];
	if (!password) {
		/* nobody knows it: the account is activated with a one-time code */
		unsigned char raw[32];
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(unknown, sizeof(unknown), raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		password = unknown;
		must_change = true;
	} else if (!password_ok(password, name, e))
		return ERR_INVALID;
	char hash[crypto_pwhash_STRBYTES];
	enum err rc = password_hash(password, hash, sizeof(hash), e);
	if (rc != ERR_OK)
		return rc;
	if ((rc = txn_store_begin(st, true, e)) != ERR_OK)
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
	/* an empty change wrote an audit row of a change that was none */
	if (!c->display_name && !c->role && !c->division && !c->password && !c->locked)
		return errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_CHANGE);
	if (c->password) {
		if (!password_ok(c->password, name, e))
			return ERR_INVALID;
		if ((rc = password_hash(c->password, hash, sizeof(hash), e)) != ERR_OK)
			return rc;
	}
	if ((rc = txn_store_begin(st, true, e)) != ERR_OK)
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
		u.reset_sys = u.reset_sec = NULL;
		u.reset_until = 0;
	}
	if (c->locked) {
		u.locked = *c->locked;
		if (!u.locked) {
			u.failed = 0;
			u.locked_until = 0;
		}
	}
	/* a change that changes nothing (a role dialog saved as it was) wrote an audit row of a change that was none,
	 * and ended the user's sessions */
	if (!c->password && strcmp(u.role, before.role) == 0 && u.division == before.division &&
	    strcmp(u.display_name ? u.display_name : "", before.display_name ? before.display_name : "") == 0 &&
	    u.locked == before.locked && u.failed == before.failed && u.locked_until == before.locked_until) {
		rc = errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_CHANGE);
		goto fail;
	}
	u.updated_at = stamp_of(by);
	if ((rc = store_user_update(st, &u, e)) != ERR_OK)
		goto fail;
	/* A lock, a new role or scope, or a password reset ends the user's sessions. */
	if ((c->locked && *c->locked) || c->role || c->division || c->password)
		if ((rc = store_session_delete_user(st, u.id, e)) != ERR_OK)
			goto fail;
	/* a reset revokes the API tokens too: whoever held the account before holds nothing now */
	if (c->password && (rc = store_token_revoke_user(st, u.id, e)) != ERR_OK)
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

/* Is code the account's complete, live one-time code (both halves issued, not expired)? */
static bool
code_matches(const struct user *u, const char *code)
{
	if (!u->reset_sys || !u->reset_sec || u->reset_until <= auth_epoch() || !code)
		return false;
	char c[20];
	size_t k = 0;
	for (const char *p = code; *p && k < sizeof(c) - 1; p++)
		if (*p != '-' && *p != ' ')
			c[k++] = (char)toupper((unsigned char)*p);
	c[k] = '\0';
	if (k != 16 || strlen(code) > 24)
		return false;
	char a[9], b[9];
	memcpy(a, c, 8), a[8] = '\0';
	memcpy(b, c + 8, 8), b[8] = '\0';
	bool ok1 = password_verify(u->reset_sys, a);
	bool ok2 = password_verify(u->reset_sec, b);
	return ok1 && ok2;
}

enum err
user_code_issue(struct store *st, const struct actor_ctx *by, const char *name, int part, char out[16], int64_t *until,
    struct errinfo *e)
{
	static const char set[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";   /* 32: no 0/O, 1/I */
	unsigned char raw[8];
	char half[9];
	randombytes_buf(raw, sizeof(raw));
	for (int i = 0; i < 8; i++)
		half[i] = set[raw[i] % 32];
	half[8] = '\0';
	char hash[crypto_pwhash_STRBYTES];
	enum err rc = password_hash(half, hash, sizeof(hash), e);
	if (rc != ERR_OK)
		return rc;
	if ((rc = txn_store_begin(st, true, e)) != ERR_OK)
		return rc;
	struct arena a;
	struct user u;
	arena_init(&a);
	rc = store_user_by_name(st, name, &u, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, name);
	if (rc == ERR_OK) {
		int64_t now = auth_epoch();
		if (u.reset_until <= now)
			u.reset_sys = u.reset_sec = NULL;   /* a new code: an expired half is no half */
		if (part == 1)
			u.reset_sys = hash;
		else
			u.reset_sec = hash;
		u.reset_until = now + (int64_t)auth_policy.code_hours * 3600;
		u.updated_at = stamp_of(by);
		rc = store_user_update(st, &u, e);
		*until = u.reset_until;
	}
	if (rc == ERR_OK) {
		char detail[64];
		snprintf(detail, sizeof(detail), "{\"part\":%d,\"complete\":%s}", part, u.reset_sys && u.reset_sec ? "true" : "false");
		rc = audit_append(st, stamp_of(by), by && by->name ? by->name : "system", "user.code", name, detail,
		    by ? by->ip : NULL, e);
	}
	arena_free(&a);
	if (rc != ERR_OK) {
		store_rollback(st);
		return rc;
	}
	if ((rc = store_commit(st, e)) != ERR_OK)
		return rc;
	snprintf(out, 16, "%.4s-%.4s", half, half + 4);
	sodium_memzero(half, sizeof(half));
	return ERR_OK;
}

enum err
user_change_password(struct store *st, const struct actor_ctx *by, const char *name, const char *old,
    const char *new_password, const char *keep_session, struct errinfo *e)
{
	const char *ip = by ? by->ip : NULL;
	if (auth_throttle_wait(name, ip) > 0)
		return errinfo_set(e, ERR_THROTTLED, "old_password", MSG_THROTTLED, auth_throttle_wait(name, ip));
	struct arena a;
	struct user u;
	arena_init(&a);
	enum err rc = store_user_by_name(st, name, &u, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, name);
	bool by_code = false;
	if (rc == ERR_OK && !password_verify(u.pw_hash, old ? old : "")) {
		by_code = code_matches(&u, old);
		if (!by_code) {
			throttle_result(name, ip, false);
			rc = errinfo_set(e, ERR_INVALID, "old_password", MSG_PW_OLD);
		}
	}
	if (rc == ERR_OK)
		throttle_result(name, ip, true);
	if (rc == ERR_OK && old && new_password && strcmp(old, new_password) == 0)
		rc = errinfo_set(e, ERR_INVALID, "new_password", MSG_PW_SAME);
	if (rc == ERR_OK && !password_ok(new_password ? new_password : "", name, e))
		rc = ERR_INVALID;
	char hash[crypto_pwhash_STRBYTES];
	if (rc == ERR_OK)
		rc = password_hash(new_password, hash, sizeof(hash), e);
	if (rc == ERR_OK)
		rc = txn_store_begin(st, true, e);
	if (rc == ERR_OK) {
		u.pw_hash = hash;
		u.must_change = false;
		u.reset_sys = u.reset_sec = NULL;
		u.reset_until = 0;
		u.updated_at = stamp_of(by);
		rc = store_user_update(st, &u, e);
		/* a new password ends what the old one made: the user's API tokens, and its other sessions (one
		 * opened elsewhere with the old password, by whoever knew it, read and wrote on) */
		if (rc == ERR_OK)
			rc = store_token_revoke_user(st, u.id, e);
		if (rc == ERR_OK) {
			char keep[65] = "";
			if (keep_session)
				auth_digest(keep_session, keep);
			rc = store_session_delete_user_but(st, u.id, keep, e);
		}
		if (rc == ERR_OK)
			rc = audit_append(st, stamp_of(by), name, "user.password", name, by_code ? "{\"by\":\"code\"}" : NULL, ip, e);
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
    struct user *u, int *wait, struct arena *a, struct errinfo *e)
{
	int64_t now = auth_epoch();
	const char *shown = name && name_ok(name) ? name : NULL;
	/* the throttle's account key: the name as given (up to its slot's size), whether it exists or not */
	char key[64];
	snprintf(key, sizeof(key), "%s", name ? name : "");
	*wait = auth_throttle_wait(key, ip);
	if (*wait > 0) {
		/* refused before the password is looked at; audited once per wait, not once per attempt */
		errinfo_set(e, ERR_THROTTLED, "", MSG_THROTTLED, *wait);
		if (throttle_first_refusal(key, ip)) {
			struct errinfo keep = *e, ae;
			char detail[64];
			snprintf(detail, sizeof(detail), "{\"wait\":%d}", *wait);
			/* through the session database like every login's row: never waits for an import */
			if (store_auth_begin(st, &ae) == ERR_OK) {
				if (audit_append_auth(st, stamp_now(), shown ? shown : "?", "login.throttled", shown, detail, ip, &ae) ==
				        ERR_OK &&
				    store_auth_commit(st, &ae) == ERR_OK)
					audit_outbox_flush(st, false, NULL);
				else
					store_auth_rollback(st);
			}
			*e = keep;
		}
		return ERR_THROTTLED;
	}
	enum err rc = store_user_by_name(st, name ? name : "", u, a, e);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	bool known = rc == ERR_OK;
	/* Verify even for an unknown name, so timing does not tell which names exist. */
	pthread_once(&hash_once, hash_init);
	bool good = password_verify(known ? u->pw_hash : dummy_hash, password ? password : "") && known;
	bool by_code = !good && known && code_matches(u, password);
	/* Everything a login writes (counters, the session, its audit row) goes to the session database on SQLite
	 * and skips the writers' lock on PostgreSQL: a login never waits for a registry import. */
	if ((rc = store_auth_begin(st, e)) != ERR_OK)
		return rc;
	if (known) {
		/* reload inside the transaction: another login may have counted a failure meanwhile */
		if ((rc = store_user_by_name(st, name, u, a, e)) != ERR_OK)
			goto fail;
	}
	/* One answer for an unknown name, a wrong password and a locked account: the audit log has the truth. */
	const char *reason = !known ? "unknown_user" : u->locked ? "disabled" : (good || by_code) ? NULL : "bad_password";
	if (reason) {
		errinfo_set(e, ERR_AUTH, "password", MSG_AUTH_FAILED);
		throttle_result(key, ip, false);
		if (known) {
			u->failed++;
			if ((rc = store_login_failures_set(st, u->id, u->failed, u->locked_until, e)) != ERR_OK)
				goto fail;
		}
		char detail[160];
		snprintf(detail, sizeof(detail), "{\"reason\":\"%s\",\"failed\":%d}", reason, known ? u->failed : 0);
		struct errinfo keep = *e;
		if ((rc = audit_append_auth(st, stamp_now(), shown ? shown : "?", "login.failed", shown, detail, ip, e)) !=
		    ERR_OK)
			goto fail;
		if ((rc = store_auth_commit(st, e)) != ERR_OK)
			return rc;
		audit_outbox_flush(st, false, NULL);
		*e = keep;
		return ERR_AUTH;
	}
	throttle_result(key, ip, true);
	now = auth_epoch();   /* the session starts now, not before the password was hashed */
	*token = random_token(a);
	*csrf = random_token(a);
	char digest[65];
	auth_digest(*token, digest);
	if (u->failed && (rc = store_login_failures_set(st, u->id, 0, u->locked_until, e)) != ERR_OK)
		goto fail;
	u->failed = 0;
	if (by_code) {
		/* the code opens the password form and nothing else (a write of the account itself: on SQLite it
		 * goes to the main file, and waits for an import like any write; rare) */
		u->must_change = true;
		if ((rc = store_user_update(st, u, e)) != ERR_OK)
			goto fail;
	}
	if ((rc = store_session_purge(st, now - auth_policy.idle_seconds, now - auth_policy.max_seconds, e)) != ERR_OK)
		goto fail;
	if ((rc = store_session_insert(st, digest, u->id, *csrf, now, ip, e)) != ERR_OK)
		goto fail;
	if ((rc = audit_append_auth(st, stamp_now(), u->name, "login", u->name, by_code ? "{\"by\":\"code\"}" : NULL, ip,
	    e)) != ERR_OK)
		goto fail;
	if ((rc = store_auth_commit(st, e)) != ERR_OK)
		return rc;
	/* the login's audit row into the chain now, unless an import holds the lock */
	audit_outbox_flush(st, false, NULL);
	return ERR_OK;
fail:
	store_auth_rollback(st);
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
	/* Touch at most once a minute (or half the idle limit): every request would otherwise be a write. A touch
	 * that cannot be written (a full disk, a read-only file) does not end the request: the idle clock then
	 * counts from the last touch written, which can only end the session sooner; a full disk stopped every read
	 * (the writes and the audited views still say why they cannot be done). */
	int every = auth_policy.idle_seconds / 2 < 60 ? auth_policy.idle_seconds / 2 : 60;
	if (now - s.seen_at >= every && store_session_touch(st, s.id, now, e) != ERR_OK)
		errinfo_clear(e);
	if (csrf)
		*csrf = s.csrf;
	return ERR_OK;
}

enum err
auth_logout(struct store *st, const char *token, const char *actor, const char *ip, struct errinfo *e)
{
	char digest[65];
	auth_digest(token ? token : "", digest);
	enum err rc = store_auth_begin(st, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_session_delete(st, digest, e);
	if (rc == ERR_OK)
		rc = audit_append_auth(st, stamp_now(), actor ? actor : "?", "logout", actor, NULL, ip, e);
	if (rc == ERR_OK) {
		if ((rc = store_auth_commit(st, e)) == ERR_OK)
			audit_outbox_flush(st, false, NULL);
		return rc;
	}
	store_auth_rollback(st);
	return rc;
}

enum err
auth_token_create(struct store *st, const struct actor_ctx *by, const struct user *u, const char *name, int days,
    char **token, int64_t *id, struct arena *a, struct errinfo *e)
{
	if (days <= 0)
		days = auth_policy.token_max_days;
	if (days > auth_policy.token_max_days)
		return errinfo_set(e, ERR_INVALID, "days", MSG_BAD_RANGE, "days", 1, auth_policy.token_max_days);
	/* an account still on its initial password: a token would be refused until the change, which revokes it */
	if (u->must_change)
		return errinfo_set(e, ERR_CONFLICT, "", MSG_TOKEN_MUST_CHANGE, u->name);
	*token = arena_printf(a, "tp_%s", random_token(a));
	char digest[65];
	auth_digest(*token, digest);
	int64_t now = auth_epoch();
	enum err rc = txn_store_begin(st, true, e);
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
	enum err rc = txn_store_begin(st, true, e);
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
	/* the maximum holds for tokens made before it was lowered too */
	if (t.revoked || t.expires_at < now || now - t.created_at > (int64_t)auth_policy.token_max_days * 86400)
		return errinfo_set(e, ERR_AUTH, "", MSG_TOKEN_BAD);
	if (u->locked)
		return errinfo_set(e, ERR_AUTH, "", MSG_AUTH_DISABLED);
	return ERR_OK;
}

enum err
auth_token_revoke_of(struct store *st, const struct actor_ctx *by, const char *name, int64_t id, struct errinfo *e)
{
	struct arena a;
	struct user u;
	arena_init(&a);
	enum err rc = store_user_by_name(st, name, &u, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_USER_NOT_FOUND, name);
	if (rc == ERR_OK)
		rc = auth_token_revoke(st, by, &u, id, e);
	arena_free(&a);
	return rc;
}

/* ---- 三员分立 ---- */

enum err
auth_admin_may(const struct user *actor, enum admin_act act, const struct user *target, const char *new_role,
    struct errinfo *e)
{
	const char *me = actor->role;
	bool sys = strcmp(me, "sys_admin") == 0, sec = strcmp(me, "sec_admin") == 0;
	bool self = target && strcmp(target->name, actor->name) == 0;
	const char *role = target ? target->role : NULL;
	switch (act) {
	case ADMIN_CREATE:
		return sys ? ERR_OK : errinfo_set(e, ERR_FORBIDDEN, "", MSG_SOD_ROLE);
	case ADMIN_ACCOUNT:
		if (!sys)
			return errinfo_set(e, ERR_FORBIDDEN, "", MSG_SOD_ROLE);
		if (self)
			return errinfo_set(e, ERR_FORBIDDEN, "name", MSG_SOD_SELF);
		/* one administrator does not disable the one who watches it */
		if (role_is_admin(role) && strcmp(role, me) != 0)
			return errinfo_set(e, ERR_FORBIDDEN, "name", MSG_SOD_ADMIN_TARGET);
		return ERR_OK;
	case ADMIN_ROLE:
		if (!sec)
			return errinfo_set(e, ERR_FORBIDDEN, "role", MSG_SOD_ROLE);
		if (self)
			return errinfo_set(e, ERR_FORBIDDEN, "name", MSG_SOD_SELF);
		if (role_is_admin(role) || role_is_admin(new_role))
			return errinfo_set(e, ERR_FORBIDDEN, "role", MSG_SOD_ADMIN_ROLE);
		return ERR_OK;
	case ADMIN_CODE:
		if (!sys && !sec)
			return errinfo_set(e, ERR_FORBIDDEN, "", MSG_SOD_ROLE);
		if (self)
			return errinfo_set(e, ERR_FORBIDDEN, "name", MSG_SOD_SELF);
		if (role_is_admin(role))
			return errinfo_set(e, ERR_FORBIDDEN, "name", MSG_SOD_CODE_ADMIN);
		return ERR_OK;
	case ADMIN_TOKENS:
		return sec ? ERR_OK : errinfo_set(e, ERR_FORBIDDEN, "", MSG_SOD_ROLE);
	}
	return errinfo_set(e, ERR_FORBIDDEN, "", MSG_SOD_ROLE);
}

