/* audit.c: hash chain over audit rows (BLAKE2b-256, libsodium). The hashed message is every field
 * length-prefixed, so no field can be shifted into another. */
#include "domain/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/msg.h"

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

enum err
audit_append(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e)
{
	struct arena a;
	int64_t last;
	char *prev;
	arena_init(&a);
	enum err rc = store_audit_head(st, &last, &prev, &a, e);
	if (rc == ERR_OK) {
		struct audit_row r = { last + 1, at, (char *)actor, (char *)action, (char *)object, (char *)detail,
			(char *)ip, prev, NULL };
		char hash[65];
		audit_hash(prev, &r, hash);
		r.hash = hash;
		rc = store_audit_insert(st, &r, e);
	}
	arena_free(&a);
	return rc;
}

enum err
audit_view(struct store *st, const char *actor, const char *ip, const char *action, const char *object,
    const char *detail, struct errinfo *e)
{
	enum err rc = store_begin(st, e);
	if (rc != ERR_OK)
		return rc;
	rc = audit_append(st, stamp_now(), actor ? actor : "?", action, object, detail, ip, e);
	if (rc == ERR_OK)
		return store_commit(st, e);
	store_rollback(st);
	return rc;
}

struct walk {
	struct audit_check *c;
	char prev[65];
	int64_t next_id;
};

static int
walk_row(void *ctx, const struct audit_row *r)
{
	struct walk *w = ctx;
	bool en = msg_lang() == LANG_EN;
	char want[65];
	w->c->rows++;
	if (r->id != w->next_id) {
		w->c->bad_id = r->id;
		snprintf(w->c->why, sizeof(w->c->why), en ? "row %lld is missing before it" : "其前的第 %lld 行缺失",
		    (long long)w->next_id);
		return 1;
	}
	if (strcmp(r->prev_hash, w->prev) != 0) {
		w->c->bad_id = r->id;
		snprintf(w->c->why, sizeof(w->c->why), "%s", en ? "its link to the previous row is wrong" : "与前一行的链接不符");
		return 1;
	}
	audit_hash(w->prev, r, want);
	if (strcmp(want, r->hash) != 0) {
		w->c->bad_id = r->id;
		snprintf(w->c->why, sizeof(w->c->why), "%s", en ? "its content does not match its hash" : "内容与其哈希值不符");
		return 1;
	}
	snprintf(w->prev, sizeof(w->prev), "%s", r->hash);
	w->next_id = r->id + 1;
	return 0;
}

enum err
audit_verify(struct store *st, struct audit_check *c, struct errinfo *e)
{
	memset(c, 0, sizeof(*c));
	struct walk w = { c, AUDIT_ZERO, 1 };
	enum err rc = store_audit_each(st, 1, walk_row, &w, e);
	if (rc != ERR_OK || c->bad_id)
		return rc;
	/* Rows cut from the end leave the head pointing past the last row. */
	struct arena a;
	int64_t last;
	char *hash;
	arena_init(&a);
	rc = store_audit_head(st, &last, &hash, &a, e);
	if (rc == ERR_OK && (last != w.next_id - 1 || strcmp(hash, w.prev) != 0)) {
		c->bad_id = w.next_id;
		snprintf(c->why, sizeof(c->why), msg_lang() == LANG_EN ? "rows %lld to %lld are missing"
								     : "第 %lld 至 %lld 行缺失",
		    (long long)w.next_id, (long long)last);
	}
	arena_free(&a);
	return rc;
}

enum err
audit_append_auth(struct store *st, int64_t at, const char *actor, const char *action, const char *object,
    const char *detail, const char *ip, struct errinfo *e)
{
	if (!store_audit_outbox_used(st))
		return audit_append(st, at, actor, action, object, detail, ip, e);
	struct audit_row r = { 0, at, (char *)actor, (char *)action, (char *)object, (char *)detail, (char *)ip, NULL,
		NULL };
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
		rc = wait ? store_begin(st, e) : store_begin_nowait(st, e);
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
