/* txn.c: write contexts. */
#include "domain/txn.h"

#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "lib/date.h"
#include "lib/util.h"

enum err
txn_store_begin(struct store *st, bool wait, struct errinfo *e)
{
	enum err rc = wait ? store_begin(st, e) : store_begin_nowait(st, e);
	/* the write lock was not free in time: say so plainly when an import holds it */
	if (rc == ERR_BUSY && store_activity_running(st))
		errinfo_set(e, ERR_BUSY, "", MSG_IMPORT_BUSY);
	return rc;
}

/* t->now: the instant asked for, refused if before the latest recorded one (MSG_NOW_BEFORE); or the clock, kept
 * from going back behind it (nor behind t->now, when stamped again). */
static enum err
stamp(struct txn *t, struct errinfo *e)
{
	int64_t last;
	enum err rc = store_last_stamp(t->st, &last, e);
	if (rc != ERR_OK)
		return rc;
	if (t->now_given) {
		if (t->now < last) {
			char a[20], b[20];
			return errinfo_set(e, ERR_INVALID, "now", MSG_NOW_BEFORE, stamp_format(t->now, a),
			    stamp_format(last, b));
		}
	} else {
		int64_t now = stamp_now();
		if (now < last)
			now = last;
		if (now > t->now)
			t->now = now;
	}
	t->today = stamp_date(t->now);
	return ERR_OK;
}

static enum err
txn_begin_as(struct txn *t, struct store *st, int64_t now, const char *actor, bool county, struct errinfo *e)
{
	memset(t, 0, sizeof(*t));
	t->st = st;
	t->actor = actor ? actor : "system";
	enum err rc = county ? store_begin_county(st, e) : store_begin(st, e);
	if (rc == ERR_BUSY && store_activity_running(st))
		errinfo_set(e, ERR_BUSY, "", MSG_IMPORT_BUSY);
	if (rc != ERR_OK)
		return rc;
	t->county = county;
	t->now_given = now != 0;
	t->now = now;
	if ((rc = stamp(t, e)) != ERR_OK)
		store_rollback(st);
	return rc;
}

enum err
txn_stamp_again(struct txn *t, struct errinfo *e)
{
	return t->county ? stamp(t, e) : ERR_OK;
}

enum err
txn_begin(struct txn *t, struct store *st, int64_t now, const char *actor, struct errinfo *e)
{
	return txn_begin_as(t, st, now, actor, false, e);
}

enum err
txn_begin_county(struct txn *t, struct store *st, int64_t now, const char *actor, struct errinfo *e)
{
	return txn_begin_as(t, st, now, actor, true, e);
}

enum err
txn_check_now(struct store *st, int64_t now, struct errinfo *e)
{
	int64_t last;
	if (!now)
		return ERR_OK;
	enum err rc = store_last_stamp(st, &last, e);
	if (rc != ERR_OK)
		return rc;
	if (now < last) {
		char a[20], b[20];
		return errinfo_set(e, ERR_INVALID, "now", MSG_NOW_BEFORE, stamp_format(now, a), stamp_format(last, b));
	}
	return ERR_OK;
}

enum err
txn_agg_flush(struct txn *t, struct errinfo *e)
{
	size_t n = agg_compact(t->agg, t->n_agg);
	struct agg_row *v = n ? xcalloc(n, sizeof(*v)) : NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = (struct agg_row){ t->agg[i].village, (enum status)t->agg[i].status, t->agg[i].day, t->agg[i].dh,
			t->agg[i].dp };
	enum err rc = store_agg_add_many(t->st, v, n, t->now, e);
	free(v);
	if (rc == ERR_OK)
		t->n_agg = 0;
	return rc;
}

struct txn_audit_row {
	char *action, *object, *detail;
};

static void
txn_free(struct txn *t)
{
	free(t->agg);
	t->agg = NULL;
	t->n_agg = t->cap_agg = 0;
	for (size_t i = 0; i < t->n_audits; i++) {
		free(t->audits[i].action);
		free(t->audits[i].object);
		free(t->audits[i].detail);
	}
	free(t->audits);
	t->audits = NULL;
	t->n_audits = 0;
}

enum err
txn_commit(struct txn *t, struct errinfo *e)
{
	enum err rc = txn_agg_flush(t, e);
	for (size_t i = 0; rc == ERR_OK && i < t->n_audits; i++)
		rc = audit_append(t->st, t->now, t->actor, t->audits[i].action, t->audits[i].object, t->audits[i].detail,
		    t->ip, e);
	if (rc == ERR_OK)
		rc = store_commit(t->st, e);
	else
		store_rollback(t->st);
	txn_free(t);
	return rc;
}

void
txn_rollback(struct txn *t)
{
	store_rollback(t->st);
	txn_free(t);
}

enum err
txn_agg_household(struct txn *t, int64_t hh, int64_t village, int sign, struct errinfo *e)
{
	struct arena a;
	struct span *st, *ms;
	size_t nst, nms;
	arena_init(&a);
	enum err rc = store_spans(t->st, SPAN_STATUS, hh, &st, &nst, &a, e);
	if (rc == ERR_OK)
		rc = store_member_spans_of_household(t->st, hh, &ms, &nms, &a, e);
	if (rc == ERR_OK)
		txn_agg_spans(t, village, st, nst, ms, nms, sign);
	arena_free(&a);
	return rc;
}

void
txn_agg_spans(struct txn *t, int64_t village, const struct span *st, size_t nst, const struct span *ms, size_t nms,
    int sign)
{
	agg_household(village, st, nst, ms, nms, sign, &t->agg, &t->n_agg, &t->cap_agg);
}

enum err
txn_audit(struct txn *t, const char *action, const char *object, const char *detail, struct errinfo *e)
{
	if (!t->county)
		return audit_append(t->st, t->now, t->actor, action, object, detail, t->ip, e);
	t->audits = xrealloc(t->audits, (t->n_audits + 1) * sizeof(*t->audits));
	t->audits[t->n_audits++] = (struct txn_audit_row){ xstrdup(action), object ? xstrdup(object) : NULL,
		detail ? xstrdup(detail) : NULL };
	return ERR_OK;
}
