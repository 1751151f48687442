/* audit.c: the two chains over audit rows — BLAKE2b-256 hashes anyone can recompute, and HMAC-SHA-256 macs
 * under a key kept outside the database — and the anchors of the head in a file beside the key. The hashed
 * message is every field length-prefixed, so no field can be shifted into another. */
#include "domain/audit.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/txn.h"
#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/msg.h"
#include "lib/util.h"

static void
field(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	buf_printf(b, "%zu:", s ? n : (size_t)-1);
	if (s)
		buf_append(b, s, n);
}

void
audit_hash(const char *prev_hex, const struct audit_row *r, char out[65])
{
	struct buf b;
	unsigned char h[32];
	buf_init(&b);
	field(&b, prev_hex);
	buf_printf(&b, "%lld:%lld:", (long long)r->id, (long long)r->at);
	field(&b, r->actor);
	field(&b, r->action);
	field(&b, r->object);
	field(&b, r->detail);
	field(&b, r->ip);
	crypto_generichash(h, sizeof(h), (const unsigned char *)b.p, b.n, NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
	buf_free(&b);
}

/* ---- the key ---- */

void
audit_key_path(const char *uri, char *out, size_t size)
{
	const char *env = getenv("TUOPIN_AUDIT_KEY");
	if (env && *env) {
		snprintf(out, size, "%s", env);
		return;
	}
	if (!uri)
		uri = getenv("TUOPIN_DB") && *getenv("TUOPIN_DB") ? getenv("TUOPIN_DB") : "sqlite:tuopin.db";
	if (strncmp(uri, "postgres", 8) == 0) {
		snprintf(out, size, "tuopin-audit.key");
		return;
	}
	snprintf(out, size, "%s.audit-key", strncmp(uri, "sqlite:", 7) == 0 ? uri + 7 : uri);
}

void
audit_anchor_path(const char *uri, char *out, size_t size)
{
	const char *env = getenv("TUOPIN_AUDIT_ANCHORS");
	if (env && *env) {
		snprintf(out, size, "%s", env);
		return;
	}
	if (!uri)
		uri = getenv("TUOPIN_DB") && *getenv("TUOPIN_DB") ? getenv("TUOPIN_DB") : "sqlite:tuopin.db";
	if (strncmp(uri, "postgres", 8) != 0) {
		snprintf(out, size, "%s.audit-anchors", strncmp(uri, "sqlite:", 7) == 0 ? uri + 7 : uri);
		return;
	}
	/* PostgreSQL: one file per database, beside the key (which several databases may share); the name from
	 * the URI's path, or from libpq's key=value form (postgresql:host=db dbname=tuopin) */
	const char *p = strstr(uri, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	char name[128] = "postgres";
	if (p && p[1] && p[1] != '?')
		snprintf(name, sizeof(name), "%.*s", (int)strcspn(p + 1, "?/"), p + 1);
	else if (!strstr(uri, "://")) {
		const char *d = strstr(uri, "dbname=");
		if (d && (d == uri || d[-1] == ' ' || d[-1] == ':'))
			snprintf(name, sizeof(name), "%.*s", (int)strcspn(d + 7, " "), d + 7);
	}
	for (char *c = name; *c; c++)
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') && !(*c >= '0' && *c <= '9') && *c != '_' && *c != '-')
			*c = '_';
	char key[1024];
	audit_key_path(uri, key, sizeof(key));
	snprintf(out, size, "%s.%s.audit-anchors", key, name);
}

static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;
static char key_file[1024];
static unsigned char key_bytes[32];
static bool key_loaded;
static atomic_bool appended;

bool
audit_appended(void)
{
	return atomic_load(&appended);
}

static enum err
key_read(const char *path, unsigned char key[32], struct errinfo *e)
{
	char hex[80];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errinfo_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, "", MSG_AUDIT_KEY, path, msg_errno(errno));
	ssize_t n = read(fd, hex, sizeof(hex) - 1);
	close(fd);
	hex[n > 0 ? n : 0] = '\0';
	size_t got = 0;
	if (n < 64 || sodium_hex2bin(key, 32, hex, 64, NULL, &got, NULL) != 0 || got != 32)
		return errinfo_set(e, ERR_IO, "", MSG_AUDIT_KEY, path, msg_lang() == LANG_EN ? "not a key" : "不是密钥");
	return ERR_OK;
}

/* The key of uri into key (cached); created when create and there is none, unless the log is keyed already
 * (keyed: its first keyed row, 0 if none): a new key would make every row after it fail its check for good. */
static enum err
key_get(const char *uri, bool create, int64_t keyed, unsigned char key[32], struct errinfo *e)
{
	char path[1024];
	audit_key_path(uri, path, sizeof(path));
	pthread_mutex_lock(&key_lock);
	enum err rc = ERR_OK;
	if (!key_loaded || strcmp(path, key_file) != 0) {
		key_loaded = false;
		rc = key_read(path, key_bytes, e);
		if (rc == ERR_NOTFOUND && create && keyed)
			rc = errinfo_set(e, ERR_IO, "", MSG_AUDIT_KEY_MISSING, path, (long long)keyed);
		else if (rc == ERR_NOTFOUND && create) {
			/* the first writer makes it: 32 random bytes in hex, the service user's only */
			int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
			if (fd >= 0) {
				unsigned char raw[32];
				char hex[66];
				randombytes_buf(raw, sizeof(raw));
				sodium_bin2hex(hex, 65, raw, sizeof(raw));
				hex[64] = '\n';
				bool ok = write(fd, hex, 65) == 65 && fsync(fd) == 0;
				close(fd);
				rc = ok ? ERR_OK : errinfo_set(e, ERR_IO, "", MSG_AUDIT_KEY, path, msg_errno(errno));
			} else if (errno != EEXIST)
				rc = errinfo_set(e, ERR_IO, "", MSG_AUDIT_KEY, path, msg_errno(errno));
			if (rc == ERR_OK || errno == EEXIST)
				rc = key_read(path, key_bytes, e);
		}
		if (rc == ERR_OK) {
			snprintf(key_file, sizeof(key_file), "%s", path);
			key_loaded = true;
		}
	}
	if (rc == ERR_OK)
		memcpy(key, key_bytes, 32);
	pthread_mutex_unlock(&key_lock);
	return rc;
}

enum err
audit_key_copy(const char *from, const char *to, struct errinfo *e)
{
	char src[1024], dst[1024];
	audit_key_path(from, src, sizeof(src));
	audit_key_path(to, dst, sizeof(dst));
	/* a SQLite source's own key beside its file, even when TUOPIN_AUDIT_KEY names the target's (DEPLOY.md §1
	 * sets it for PostgreSQL): taken for the source's, that path made both one key and copied nothing */
	if (strncmp(from, "sqlite:", 7) == 0 && access(src, F_OK) != 0) {
		/* only when the key named is not there yet (the target's, to be written): a key named that exists is
		 * the source's own, whatever lies beside the file (a stale one of an init run without the variable) */
		char beside[1024];
		snprintf(beside, sizeof(beside), "%s.audit-key", from + 7);
		if (access(beside, F_OK) == 0)
			snprintf(src, sizeof(src), "%s", beside);
	}
	unsigned char k[32], have[32];
	enum err rc = key_read(src, k, e);
	if (rc == ERR_NOTFOUND || strcmp(src, dst) == 0)
		return ERR_OK;   /* nothing keyed yet, or one key for both */
	if (rc != ERR_OK)
		return rc;
	struct errinfo ignore;
	if (key_read(dst, have, &ignore) == ERR_OK) {
		bool same = sodium_memcmp(k, have, 32) == 0;
		sodium_memzero(k, sizeof(k));
		return same ? ERR_OK : errinfo_set(e, ERR_CONFLICT, "", MSG_AUDIT_KEY_OTHER, dst);
	}
	int fd = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	char hex[66];
	sodium_bin2hex(hex, 65, k, 32);
	hex[64] = '\n';
	sodium_memzero(k, sizeof(k));
	if (fd < 0 || write(fd, hex, 65) != 65 || fsync(fd) != 0)
		rc = errinfo_set(e, ERR_IO, "", MSG_AUDIT_KEY, dst, msg_errno(errno));
	if (fd >= 0)
		close(fd);
	sodium_memzero(hex, sizeof(hex));
	return rc;
}

/* The log's head (last row, its hash and mac, in a) and the key of st, made if the log has no keyed row yet
 * (its head unkeyed, or no row): never for a signed log (key_get). */
static enum err
head_and_key(struct store *st, int64_t *last, char **hash, char **mac, unsigned char key[32], struct arena *a,
    struct errinfo *e)
{
	enum err rc = store_audit_head(st, last, hash, mac, a, e);
	if (rc == ERR_OK)
		rc = key_get(st->uri, true, *mac && **mac ? *last : 0, key, e);
	return rc;
}

enum err
audit_key_ensure(struct store *st, struct errinfo *e)
{
	unsigned char k[32];
	struct arena a;
	int64_t last;
	char *hash, *mac;
	arena_init(&a);
	enum err rc = head_and_key(st, &last, &hash, &mac, k, &a, e);
	arena_free(&a);
	sodium_memzero(k, sizeof(k));
	return rc;
}

/* mac = HMAC-SHA-256(key, "tuopin-audit-mac-v1" LF prev_mac LF hash); prev_mac "" on the first keyed row,
 * whose hash seals every unkeyed row before it. */
static void
audit_mac(const unsigned char key[32], const char *prev_mac, const char *hash, char out[65])
{
	crypto_auth_hmacsha256_state s;
	unsigned char m[crypto_auth_hmacsha256_BYTES];
	static const char tag[] = "tuopin-audit-mac-v1\n";
	crypto_auth_hmacsha256_init(&s, key, 32);
	crypto_auth_hmacsha256_update(&s, (const unsigned char *)tag, sizeof(tag) - 1);
	crypto_auth_hmacsha256_update(&s, (const unsigned char *)(prev_mac ? prev_mac : ""), prev_mac ? strlen(prev_mac) : 0);
	crypto_auth_hmacsha256_update(&s, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&s, (const unsigned char *)hash, strlen(hash));
	crypto_auth_hmacsha256_final(&s, m);
	sodium_bin2hex(out, 65, m, sizeof(m));
}

/* ---- appending ---- */

enum err
audit_append(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e)
{
	unsigned char key[32];
	struct arena a;
	int64_t last;
	char *prev, *prev_mac;
	arena_init(&a);
	enum err rc = head_and_key(st, &last, &prev, &prev_mac, key, &a, e);
	if (rc == ERR_OK) {
		struct audit_row r = { last + 1, at, (char *)actor, (char *)action, (char *)object, (char *)detail,
			(char *)ip, prev, NULL, NULL };
		char hash[65], mac[65];
		audit_hash(prev, &r, hash);
		audit_mac(key, prev_mac, hash, mac);
		r.hash = hash;
		r.mac = mac;
		rc = store_audit_insert(st, &r, e);
		if (rc == ERR_OK)
			atomic_store(&appended, true);
	}
	sodium_memzero(key, sizeof(key));
	arena_free(&a);
	return rc;
}

/* ---- views on record, committed together ----
 * A view that must be on record before it is answered (a search by 证件号码, a number shown in full, an export)
 * is a row in a write transaction of its own. Written one by one, the views that arrive together queue for the
 * write lock and pay a commit each; instead the first of them to find no one writing writes its own row and
 * every other one waiting for the same database, in one transaction (group commit), and each waiter is
 * answered with that transaction's outcome: on record when it returns ERR_OK, as before. */
struct view_row {
	const char *uri;
	enum lang lang;      /* the request's: a batch's refusal is worded in it */
	int64_t at;
	const char *actor, *action, *object, *detail, *ip;
	bool done;
	enum err rc;
	struct errinfo e;
	struct view_row *next;
};
static pthread_mutex_t views_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t views_written = PTHREAD_COND_INITIALIZER;
static struct view_row *views;   /* waiting, oldest first */
static bool views_writing;

static atomic_bool views_deferred;

void
audit_views_deferred(bool on)
{
	atomic_store(&views_deferred, on);
}

/* The rows of batch (in order) in one transaction on st; ERR_OK when all are committed. Outside a write of the
 * caller's they are written as logins' rows are (store_auth_begin, audit_append_auth): on PostgreSQL into the
 * chain without the writers' lock (an import holds it for as long as it writes); on SQLite, in the server, into
 * the session database's outbox. */
static enum err
views_write(struct store *st, struct view_row *batch, struct errinfo *e)
{
	bool as_login = !store_in_write(st) && (!store_audit_outbox_used(st) || atomic_load(&views_deferred));
	enum err rc = as_login ? store_auth_begin(st, e) : txn_store_begin(st, true, e);
	if (rc != ERR_OK)
		return rc;
	for (struct view_row *v = batch; v && rc == ERR_OK; v = v->next)
		rc = (as_login ? audit_append_auth : audit_append)(st, v->at, v->actor, v->action, v->object, v->detail,
		    v->ip, e);
	if (rc == ERR_OK)
		return as_login ? store_auth_commit(st, e) : store_commit(st, e);
	if (as_login)
		store_auth_rollback(st);
	else
		store_rollback(st);
	return rc;
}

enum err
audit_view(struct store *st, const char *actor, const char *ip, const char *action, const char *object,
    const char *detail, struct errinfo *e)
{
	struct view_row me = { .uri = st->uri, .lang = msg_lang(), .at = stamp_now(), .actor = actor ? actor : "?",
		.action = action, .object = object, .detail = detail, .ip = ip };
	if (store_in_write(st))   /* part of the caller's write: committed with it */
		return views_write(st, &me, e);
	/* a write ends the caller's read snapshot, whichever thread writes the row */
	store_read_end(st, true);
	errinfo_clear(&me.e);
	pthread_mutex_lock(&views_lock);
	struct view_row **tail = &views;
	while (*tail)
		tail = &(*tail)->next;
	*tail = &me;
	while (!me.done) {
		if (views_writing) {
			pthread_cond_wait(&views_written, &views_lock);
			continue;
		}
		/* this thread writes: its own row and every waiting row of its database, oldest first, of requests in
		 * its language (a refusal is answered in the words of the thread that wrote; the others wait for one
		 * of their own) */
		views_writing = true;
		struct view_row *batch = NULL, **bt = &batch;
		for (struct view_row **v = &views; *v;)
			if (strcmp((*v)->uri, st->uri) == 0 && (*v)->lang == me.lang) {
				*bt = *v;
				*v = (*v)->next;
				bt = &(*bt)->next;
				*bt = NULL;
			} else
				v = &(*v)->next;
		pthread_mutex_unlock(&views_lock);
		struct errinfo we;
		errinfo_clear(&we);
		enum err rc = views_write(st, batch, &we);
		pthread_mutex_lock(&views_lock);
		for (struct view_row *v = batch, *next; v; v = next) {
			next = v->next;
			v->rc = rc;
			v->e = we;
			v->done = true;
		}
		views_writing = false;
		pthread_cond_broadcast(&views_written);
	}
	pthread_mutex_unlock(&views_lock);
	if (me.rc != ERR_OK && e)
		*e = me.e;
	return me.rc;
}

/* ---- anchors ---- */

/* "row=ID mac=HEX": what an anchor vouches for; its signature is HMAC(key, "tuopin-audit-anchor-v1" LF that). */
static void
anchor_sig(const unsigned char key[32], int64_t id, const char *mac, char out[65])
{
	char body[128];
	unsigned char m[crypto_auth_hmacsha256_BYTES];
	int n = snprintf(body, sizeof(body), "tuopin-audit-anchor-v1\nrow=%lld mac=%s", (long long)id, mac);
	crypto_auth_hmacsha256(m, (const unsigned char *)body, (unsigned long long)n, key);
	sodium_bin2hex(out, 65, m, sizeof(m));
}

struct anchor {
	int64_t id;
	char mac[65], sig[65], at[40];
	int line;
};

/* Parse "anchor v1 AT row=ID mac=HEX sig=HEX". */
static bool
anchor_parse(const char *s, struct anchor *x)
{
	long long id;
	if (sscanf(s, "anchor v1 %39s row=%lld mac=%64[0-9a-f] sig=%64[0-9a-f]", x->at, &id, x->mac, x->sig) != 4)
		return false;
	x->id = id;
	return strlen(x->mac) == 64 && strlen(x->sig) == 64;
}

enum err
audit_anchor(struct store *st, bool *wrote, struct errinfo *e)
{
	*wrote = false;
	unsigned char key[32];
	struct arena a;
	int64_t last;
	char *hash, *mac;
	arena_init(&a);
	enum err rc = head_and_key(st, &last, &hash, &mac, key, &a, e);
	char path[1024];
	audit_anchor_path(st->uri, path, sizeof(path));
	if (rc == ERR_OK && last > 0) {
		const char *vouch = mac ? mac : hash;
		/* the last line: is the head there already? */
		int fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0)
			rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, msg_errno(errno));
		else {
			char tail[512];
			off_t end = lseek(fd, 0, SEEK_END);
			off_t from = end > (off_t)sizeof(tail) - 1 ? end - (off_t)sizeof(tail) + 1 : 0;
			ssize_t n = pread(fd, tail, sizeof(tail) - 1, from);
			tail[n > 0 ? n : 0] = '\0';
			char *nl = n > 1 ? memrchr(tail, '\n', (size_t)n - 1) : NULL;
			struct anchor x;
			bool same = anchor_parse(nl ? nl + 1 : tail, &x) && x.id == last && strcmp(x.mac, vouch) == 0;
			if (!same) {
				char sig[65], t[32], line[256];
				anchor_sig(key, last, vouch, sig);
				int k = snprintf(line, sizeof(line), "anchor v1 %s row=%lld mac=%s sig=%s\n",
				    stamp_format_iso(stamp_now(), t), (long long)last, vouch, sig);
				if (write(fd, line, (size_t)k) != k || fsync(fd) != 0)
					rc = errinfo_set(e, ERR_IO, "", MSG_IO_WRITE, path, msg_errno(errno));
				else
					*wrote = true;
			}
			close(fd);
		}
	}
	sodium_memzero(key, sizeof(key));
	arena_free(&a);
	return rc;
}

/* ---- verifying ---- */

struct walk {
	struct audit_check *c;
	const unsigned char *key;    /* NULL: the keyed chain is not checked */
	char prev[65], prev_mac[65];
	bool keyed;
	int64_t next_id;
	struct anchor *anchors;
	size_t n_anchors;
};

static int
fail(struct audit_check *c, enum audit_failure f, int64_t id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static const char *const check_names[] = { NULL, "chain", "mac", "head", "anchor", "key" };

static int
fail(struct audit_check *c, enum audit_failure f, int64_t id, const char *fmt, ...)
{
	va_list ap;
	c->failed = f;
	c->check = check_names[f];
	c->bad_id = id;
	va_start(ap, fmt);
	vsnprintf(c->why, sizeof(c->why), fmt, ap);
	va_end(ap);
	return 1;
}

static int
walk_row(void *ctx, const struct audit_row *r)
{
	struct walk *w = ctx;
	struct audit_check *c = w->c;
	bool en = msg_lang() == LANG_EN;
	char want[65];
	c->rows++;
	if (r->id != w->next_id)
		return fail(c, AUDIT_CHAIN, r->id, en ? "row %lld is missing before it" : "其前的第 %lld 行缺失",
		    (long long)w->next_id);
	if (strcmp(r->prev_hash, w->prev) != 0)
		return fail(c, AUDIT_CHAIN, r->id, "%s", en ? "its link to the previous row is wrong" : "与前一行的链接不符");
	audit_hash(w->prev, r, want);
	if (strcmp(want, r->hash) != 0)
		return fail(c, AUDIT_CHAIN, r->id, "%s", en ? "its content does not match its hash" : "内容与其哈希值不符");
	if (r->mac) {
		if (!w->keyed) {
			w->keyed = true;
			c->keyed_from = r->id;
			w->prev_mac[0] = '\0';
		}
		if (w->key) {
			audit_mac(w->key, w->prev_mac, r->hash, want);
			if (strcmp(want, r->mac) != 0)
				return fail(c, AUDIT_MAC, r->id, "%s", en ? "its keyed mac is wrong: the row was rewritten (or the "
				    "chain recomputed) by someone without the key" : "带密钥的校验码不符：该行被不持有密钥者改写（或重算了哈希链）");
		}
		snprintf(w->prev_mac, sizeof(w->prev_mac), "%s", r->mac);
	} else if (w->keyed)
		return fail(c, AUDIT_MAC, r->id, "%s", en ? "it has no keyed mac although the rows before it have: written "
		    "without the key" : "前面的行都有带密钥的校验码，该行却没有：不是用密钥写入的");
	for (size_t i = 0; i < w->n_anchors; i++)
		if (w->anchors[i].id == r->id && strcmp(w->anchors[i].mac, r->mac ? r->mac : r->hash) != 0)
			return fail(c, AUDIT_ANCHOR, r->id, en ? "an anchor (%s, line %d) vouched for another row %lld"
			    : "锚点（%s，第 %d 行）所记的第 %lld 行与现在不同", w->anchors[i].line ? w->anchors[i].at : "-",
			    w->anchors[i].line, (long long)r->id);
	snprintf(w->prev, sizeof(w->prev), "%s", r->hash);
	w->next_id = r->id + 1;
	return 0;
}

enum err
audit_verify(struct store *st, const char *extra, struct audit_check *c, struct errinfo *e)
{
	return audit_verify_keyed(st, st->uri, extra, c, e);
}

enum err
audit_verify_keyed(struct store *st, const char *key_uri, const char *extra, struct audit_check *c, struct errinfo *e)
{
	bool en = msg_lang() == LANG_EN;
	memset(c, 0, sizeof(*c));
	unsigned char key[32];
	struct errinfo ke;
	errinfo_clear(&ke);
	bool have_key = key_get(key_uri, false, 0, key, &ke) == ERR_OK;

	/* the anchors: the file's, then the one given */
	size_t cap = 64, n = 0;
	struct anchor *v = xmalloc(cap * sizeof(*v));
	char path[1024];
	audit_anchor_path(st->uri, path, sizeof(path));
	FILE *f = fopen(path, "r");
	int line = 0;
	char buf[512];
	while (f && fgets(buf, sizeof(buf), f)) {
		line++;
		if (n == cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		if (!anchor_parse(buf, &v[n])) {
			if (en)
				fail(c, AUDIT_ANCHOR, 0, "line %d of %s is not an anchor", line, path);
			else
				fail(c, AUDIT_ANCHOR, 0, "%s 第 %d 行不是锚点", path, line);
			break;
		}
		v[n].line = line;
		n++;
	}
	if (f)
		fclose(f);
	if (!c->failed && extra) {
		long long id;
		char mac[65];
		if (n == cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		if (sscanf(extra, "%lld:%64[0-9a-f]", &id, mac) != 2 || strlen(mac) != 64) {
			free(v);
			return errinfo_set(e, ERR_INVALID, "anchor", MSG_AUDIT_ANCHOR_BAD, extra);
		}
		memset(&v[n], 0, sizeof(v[n]));
		v[n].id = id;
		snprintf(v[n].mac, sizeof(v[n].mac), "%s", mac);
		n++;
	}
	if (c->failed)
		goto done;
	c->anchors = (int)n;
	if ((n || line) && !have_key) {
		fail(c, AUDIT_KEY, 0, "%s", ke.message);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		char sig[65];
		anchor_sig(key, v[i].id, v[i].mac, sig);
		if (v[i].line && strcmp(sig, v[i].sig) != 0) {
			fail(c, AUDIT_ANCHOR, v[i].id, en ? "the anchor on line %d is not signed with the key: forged"
			    : "第 %d 行锚点的签名与密钥不符：系伪造", v[i].line);
			goto done;
		}
	}

	struct walk w = { c, have_key ? key : NULL, AUDIT_ZERO, "", false, 1, v, n };
	enum err rc = store_audit_each(st, 1, walk_row, &w, e);
	if (rc != ERR_OK) {
		free(v);
		sodium_memzero(key, sizeof(key));
		return rc;
	}
	if (c->failed)
		goto done;
	if (c->keyed_from && !have_key) {
		fail(c, AUDIT_KEY, c->keyed_from, "%s", ke.message);
		goto done;
	}
	/* Rows cut from the end: the head points past the last row, or an anchor does. */
	struct arena a;
	int64_t last;
	char *hash, *mac;
	arena_init(&a);
	rc = store_audit_head(st, &last, &hash, &mac, &a, e);
	if (rc == ERR_OK) {
		c->head_id = last;
		snprintf(c->head_mac, sizeof(c->head_mac), "%s", mac ? mac : hash);
		if (last != w.next_id - 1 || strcmp(hash, w.prev) != 0 || (w.keyed && (!mac || strcmp(mac, w.prev_mac) != 0)))
			fail(c, AUDIT_HEAD, w.next_id, en ? "the head names row %lld but the log ends at row %lld: rows are "
			    "missing" : "链头指向第 %lld 行，日志却止于第 %lld 行：有行缺失", (long long)last, (long long)(w.next_id - 1));
		for (size_t i = 0; !c->failed && i < n; i++)
			if (v[i].id >= w.next_id) {
				char who[80];
				if (v[i].line)
					snprintf(who, sizeof(who), en ? "the anchor of %s" : "%s 的锚点", v[i].at);
				else
					snprintf(who, sizeof(who), "%s", en ? "the anchor given" : "所给锚点");
				fail(c, AUDIT_ANCHOR, w.next_id, en ? "%s vouched for row %lld, but the log ends at row %lld: rows %lld "
				    "to %lld were cut" : "%s记有第 %lld 行，日志却止于第 %lld 行：第 %lld 至 %lld 行被截去", who,
				    (long long)v[i].id, (long long)(w.next_id - 1), (long long)w.next_id, (long long)v[i].id);
			}
	}
	arena_free(&a);
	if (rc != ERR_OK) {
		free(v);
		sodium_memzero(key, sizeof(key));
		return rc;
	}
done:
	free(v);
	sodium_memzero(key, sizeof(key));
	return ERR_OK;
}

enum err
audit_append_auth(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e)
{
	if (!store_audit_outbox_used(st))
		return audit_append(st, at, actor, action, object, detail, ip, e);
	struct audit_row r = { 0, at, (char *)actor, (char *)action, (char *)object, (char *)detail, (char *)ip, NULL,
		NULL, NULL };
	return store_audit_outbox_add(st, &r, e);
}

enum err
audit_outbox_flush(struct store *st, bool wait, struct errinfo *e)
{
	if (!store_audit_outbox_used(st))
		return ERR_OK;
	enum err rc = ERR_OK;
	for (;;) {
		struct arena a;
		struct audit_row *v;
		size_t n;
		char *gen;
		arena_init(&a);
		rc = store_audit_outbox_list(st, 0, &v, &n, &gen, &a, e);
		if (rc != ERR_OK || n == 0) {
			arena_free(&a);
			break;
		}
		rc = txn_store_begin(st, wait, e);
		if (rc != ERR_OK) {
			arena_free(&a);
			if (!wait && rc == ERR_BUSY)
				rc = ERR_OK;   /* an import writes: the rows wait for the next time */
			break;
		}
		/* "GENERATION:ID": the last outbox row of that session database that entered the chain */
		char *mark = NULL;
		int64_t done = 0;
		if (store_meta_get(st, "audit_outbox", &mark, &a, NULL) == ERR_OK && mark && gen) {
			size_t gl = strlen(gen);
			if (strncmp(mark, gen, gl) == 0 && mark[gl] == ':')
				done = strtoll(mark + gl + 1, NULL, 10);
		}
		for (size_t i = 0; i < n && rc == ERR_OK; i++)
			if (v[i].id > done)
				rc = audit_append(st, v[i].at, v[i].actor, v[i].action, v[i].object, v[i].detail, v[i].ip, e);
		int64_t last = v[n - 1].id;
		if (rc == ERR_OK && last > done)
			rc = store_meta_set(st, "audit_outbox", arena_printf(&a, "%s:%lld", gen ? gen : "", (long long)last), e);
		if (rc != ERR_OK) {
			store_rollback(st);
			arena_free(&a);
			break;
		}
		if ((rc = store_commit(st, e)) != ERR_OK) {
			arena_free(&a);
			break;
		}
		/* in the chain now; if this is lost, the mark keeps them from entering it twice */
		store_audit_outbox_forget(st, last, NULL);
		arena_free(&a);
		if (n < 1000)
			break;
	}
	return rc;
}

void
audit_outbox_catch_up(struct store *st)
{
	if (store_audit_outbox_used(st))
		audit_outbox_flush(st, !store_activity_running(st), NULL);
}
