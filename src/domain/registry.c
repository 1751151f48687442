/* registry.c: household creation and change events (see registry.h). Every check comes before the first
 * write, so a refused event leaves nothing behind even inside a larger transaction. */
#include "domain/registry.h"
#include "domain/idno.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/campaign.h"
#include "domain/codes.h"
#include "domain/fields.h"
#include "domain/idno.h"
#include "domain/member.h"
#include "domain/proposal.h"
#include "domain/report.h"
#include "domain/span.h"
#include "domain/status.h"
#include "lib/date.h"
#include "lib/util.h"
#include "lib/utf8.h"

/* ---- creation ---- */

enum err
household_create(struct txn *t, struct household *h, struct member *m, size_t n, enum evtype ev, int E,
    const char *batch, const char *reason, const struct income *inc, int64_t *event_id, struct errinfo *e)
{
	struct store *st = t->st;
	enum err rc;
	/* an ordinary household (一般农户) is entered, not identified: its event is enrol, never counted as 新识别 */
	if (h->status == ST_ORDINARY)
		ev = EV_ENROL;
	h->created_at = h->updated_at = t->now;
	if ((rc = store_household_insert(st, h, e)) != ERR_OK)
		return rc;
	struct event evt = {
		.household_id = h->id,
		.village = h->village,
		.type = ev,
		.reason = (char *)reason,
		.effective = E,
		.batch = (char *)batch,
		.correction = ev == EV_INCLUDE_MISSED,
		.chain = CHAIN_STATUS,
		.chain_id = h->id,
		.from_status = ST_NONE,
		.to_status = h->status,
		.actor = (char *)t->actor,
		.recorded_at = t->now,
		.new_persons = (int)n,   /* new member rows, in this household only */
	};
	if ((rc = store_event_insert(st, &evt, e)) != ERR_OK)
		return rc;
	if (event_id)
		*event_id = evt.id;
	struct span s = { 0, h->id, h->status, E, DATE_INF, t->now, STAMP_INF, evt.id };
	if ((rc = store_span_insert(st, SPAN_STATUS, &s, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		m[i].household_id = h->id;
		if (!m[i].info_date)
			m[i].info_date = E;
		if ((rc = store_member_insert(st, &m[i], e)) != ERR_OK)
			return rc;
		struct span ms = { 0, m[i].id, h->id, E, DATE_INF, t->now, STAMP_INF, evt.id };
		if ((rc = store_span_insert(st, SPAN_MEMBER, &ms, e)) != ERR_OK)
			return rc;
	}
	if (inc && inc->year) {
		struct income x = *inc;
		x.household_id = h->id;
		if ((rc = store_income_put(st, &x, e)) != ERR_OK)
			return rc;
	}
	/* The household enters its status on E with its n members. */
	agg_reserve(&t->agg, &t->n_agg, &t->cap_agg, 1);
	t->agg[t->n_agg++] = (struct agg_delta){ h->village, h->status, E, 1, (int64_t)n };
	if (!t->quiet_audit) {
		char d[11];
		json_t *j = json_pack("{s:s, s:I, s:s, s:s, s:i}", "event", evtype_code(ev), "village",
		    (json_int_t)h->village, "status", status_code(h->status), "effective", date_format(E, d), "members",
		    (int)n);
		char *detail = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		rc = txn_audit(t, "household.create", h->hh_no, detail, e);
		free(detail);
		if (rc != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* ---- events ---- */

struct ctx {
	struct txn *t;
	struct arena a;
	const struct event_req *r;
	struct household h;
	struct span *sst;     /* status spans of h */
	size_t nst;
	enum status at;       /* status of h on E as known before the event */
	int latest;           /* latest effective change of h */
	json_t *follows;      /* the corrections recorded with the event (relation_follows), for its audit row */
};

static enum status
status_on(const struct span *s, size_t n, int day)
{
	int64_t v;
	return span_value_at(s, n, day, &v) ? (enum status)v : ST_NONE;
}

static enum err
refuse_transition(struct ctx *c, struct errinfo *e)
{
	char d[11];
	date_format(c->r->effective, d);
	if (c->at == ST_NONE)
		return errinfo_set(e, ERR_CONFLICT, "type", MSG_NOT_REGISTERED, d, status_label(ST_NONE));
	return errinfo_set(e, ERR_CONFLICT, "type", MSG_TRANSITION, d, status_label(c->at), evtype_label(c->r->type));
}

/* The household's contributions to the aggregates, with sign: from the status spans event_record read (a
 * member's event does not change them) and the membership spans as they stand. */
static enum err
agg_members(struct ctx *c, int sign, struct errinfo *e)
{
	struct span *ms;
	size_t nms;
	enum err rc = store_member_spans_of_household(c->t->st, c->h.id, &ms, &nms, &c->a, e);
	if (rc == ERR_OK)
		txn_agg_spans(c->t, c->h.village, c->sst, c->nst, ms, nms, sign);
	return rc;
}

/* Rewrite the spans of owner from E, closing at the txn's instant: cur holds its n spans as now known (read by
 * the caller); if after, the spans as now known once rewritten go there (no second read). */
static enum err
rewrite_spans(struct txn *t, enum span_kind k, int64_t owner, const struct span *cur, size_t n, int E, bool set,
    int64_t value, int64_t event_id, struct span **after, size_t *n_after, struct arena *a, struct errinfo *e)
{
	struct span_plan p;
	enum err rc = ERR_OK;
	span_plan_rewrite(cur, n, E, set, value, owner, t->now, event_id, &p, a);
	for (size_t i = 0; i < p.n_close; i++)
		if ((rc = store_span_close(t->st, k, p.close[i], t->now, e)) != ERR_OK)
			return rc;
	for (size_t i = 0; i < p.n_insert; i++)
		if ((rc = store_span_insert(t->st, k, &p.insert[i], e)) != ERR_OK)
			return rc;
	if (after)
		*after = span_apply(cur, n, &p, n_after, a);
	return ERR_OK;
}

/* The same, reading the spans first. */
static enum err
rewrite(struct txn *t, enum span_kind k, int64_t owner, int E, bool set, int64_t value, int64_t event_id,
    struct arena *a, struct errinfo *e)
{
	struct span *cur;
	size_t n;
	enum err rc = store_spans(t->st, k, owner, &cur, &n, a, e);
	if (rc != ERR_OK)
		return rc;
	return rewrite_spans(t, k, owner, cur, n, E, set, value, event_id, NULL, NULL, a, e);
}

static enum err
new_event(struct ctx *c, enum evtype type, const struct household *hh, int64_t member, int64_t target, enum chain chain,
    int64_t chain_id, enum status from, enum status to, const char *reason, const char *detail, struct event *ev,
    struct errinfo *e)
{
	memset(ev, 0, sizeof(*ev));
	ev->household_id = hh->id;
	ev->village = hh->village;
	ev->member_id = member;
	ev->target_household_id = target;
	ev->type = type;
	ev->reason = (char *)reason;
	ev->effective = c->r->effective;
	ev->batch = (char *)c->r->batch;
	ev->correction = c->r->correction;
	ev->chain = chain;
	ev->chain_id = chain_id;
	ev->from_status = from;
	ev->to_status = to;
	ev->actor = (char *)c->t->actor;
	ev->recorded_at = c->t->now;
	ev->detail = (char *)detail;
	enum err rc = store_event_insert(c->t->st, ev, e);
	if (rc == ERR_OK && c->r->correction && chain != CHAIN_NONE)
		rc = store_event_supersede(c->t->st, chain, chain_id, c->r->effective, ev->id, c->t->now, e);
	return rc;
}

static enum err
status_event(struct ctx *c, struct event *out, struct errinfo *e)
{
	const struct event_req *r = c->r;
	struct txn *t = c->t;
	enum status to;
	enum err rc;
	if (!status_allows(r->type, c->at, &to))
		return refuse_transition(c, e);
	/* A correction rewrites from E: what it follows is the status the day before, once the events it
	 * supersedes are gone. A forward event follows the status on E (same-day events included). */
	enum status from = r->correction ? status_on(c->sst, c->nst, date_add_days(r->effective, -1)) : c->at;
	struct event ev;
	/* the aggregates before and after, from the status spans event_record read (the household is locked) and
	 * from the rewrite's own result: the membership spans do not change */
	struct span *ms, *after;
	size_t nms, nafter;
	if ((rc = store_member_spans_of_household(t->st, c->h.id, &ms, &nms, &c->a, e)) != ERR_OK)
		return rc;
	txn_agg_spans(t, c->h.village, c->sst, c->nst, ms, nms, -1);
	if ((rc = new_event(c, r->type, &c->h, 0, 0, CHAIN_STATUS, c->h.id, from, to, r->reason, NULL, &ev, e)))
		return rc;
	if ((rc = rewrite_spans(t, SPAN_STATUS, c->h.id, c->sst, c->nst, r->effective, true, to, ev.id, &after, &nafter,
	    &c->a, e)) != ERR_OK)
		return rc;
	/* 脱贫年度 is the year of the exit in force (a correction of the exit moves it) */
	if ((rc = store_household_set_status(t->st, c->h.id, to, c->h.monitored,
	    r->type == EV_EXIT ? r->effective / 10000 : 0, t->now, e)) != ERR_OK)
		return rc;
	txn_agg_spans(t, c->h.village, after, nafter, ms, nms, +1);
	if (out)
		*out = ev;
	return ERR_OK;
}

static const char *
member_reason(enum evtype type, const char *reason, struct errinfo *e, enum err *rc)
{
	enum codelist cl = type == EV_MEMBER_ADD ? CL_REASON_ADD : CL_REASON_REMOVE;
	*rc = ERR_OK;
	if (!reason || !*reason) {
		*rc = errinfo_set(e, ERR_INVALID, "reason", MSG_REASON_NEEDED);
		return NULL;
	}
	const struct code *c = code_find(cl, str_from(reason));
	if (!c) {
		const struct code_list *l = codes_list(cl);
		char opts[128] = "";
		for (size_t i = 0; i < l->n; i++) {
			size_t k = strlen(opts);
			snprintf(opts + k, sizeof(opts) - k, "%s%s", i ? "、" : "", l->codes[i].label);
		}
		*rc = errinfo_set(e, ERR_INVALID, "reason", MSG_MEMBER_REASON, reason, evtype_label(type), opts);
		return NULL;
	}
	return c->code;
}

/* The member of hh on day, other than skip, whose relation is rel (a head, a spouse), or NULL. */
static enum err
member_as(struct txn *t, int64_t hh, int day, int64_t skip, const char *rel, const struct member **out,
    struct arena *a, struct errinfo *e)
{
	struct member *mv;
	size_t n;
	enum err rc = store_members_at(t->st, hh, day, &mv, &n, a, e);
	*out = NULL;
	if (rc != ERR_OK)
		return rc;
	for (size_t i = 0; i < n && !*out; i++)
		if (mv[i].id != skip && mv[i].relation && strcmp(mv[i].relation, rel) == 0)
			*out = &mv[i];
	return ERR_OK;
}

/* Is there a head among the members of hh on day, other than skip? */
static enum err
has_head(struct txn *t, int64_t hh, int day, int64_t skip, bool *yes, const char **head_sex, struct arena *a,
    struct errinfo *e)
{
	const struct member *m;
	enum err rc = member_as(t, hh, day, skip, REL_HEAD, &m, a, e);
	*yes = m != NULL;
	if (head_sex && m)
		*head_sex = m->sex;
	return rc;
}

/* A member becoming the head of hh from day on (added or moved in) while another member is the head on day or
 * today (self, a former member coming back, aside): refused (a lenient import lets it through; check's
 * HEAD_SEVERAL finds it). Today too: a head added back in time, before a head who came later and is still
 * there, would be a second head from then on. */
static enum err
head_free(struct txn *t, int64_t hh, int day, int64_t self, const char *relation, struct arena *a,
    struct errinfo *e)
{
	if (t->lenient || !relation || strcmp(relation, REL_HEAD) != 0)
		return ERR_OK;
	int days[2] = { day, t->today };
	for (int k = 0; k < (day < t->today ? 2 : 1); k++) {
		bool head;
		enum err rc = has_head(t, hh, days[k], self, &head, NULL, a, e);
		if (rc != ERR_OK)
			return rc;
		if (head)
			return errinfo_set(e, ERR_CONFLICT, "relation", MSG_HEAD_EXISTS);
	}
	return ERR_OK;
}

/* A member taking a relation only one member holds (配偶, 之父, 之母, ...: relation_once) in hh from day on
 * (added, moved in: self 0; or self corrected) while another member holds it on day or today: refused (a
 * lenient import lets it through; check's SPOUSE_SEVERAL and RELATION_SEVERAL find it). A corrected member not
 * in the household that day is not judged against it (a former wife's relation corrected after a remarriage),
 * nor is the head taking it (the first half of a swap of head and spouse, the other half making the spouse
 * the head). */
static enum err
relation_free(struct txn *t, int64_t hh, int day, int64_t self, const char *relation, struct arena *a,
    struct errinfo *e)
{
	if (t->lenient || !relation_once(relation))
		return ERR_OK;
	int days[2] = { day, t->today };
	for (int k = 0; k < (day < t->today ? 2 : 1); k++) {
		struct member *mv;
		size_t n;
		enum err rc = store_members_at(t->st, hh, days[k], &mv, &n, a, e);
		if (rc != ERR_OK)
			return rc;
		const struct member *me = NULL, *other = NULL;
		for (size_t i = 0; i < n; i++) {
			if (mv[i].id == self)
				me = &mv[i];
			else if (mv[i].relation && strcmp(mv[i].relation, relation) == 0)
				other = &mv[i];
		}
		if (self && (!me || (me->relation && strcmp(me->relation, REL_HEAD) == 0)))
			continue;
		if (!other)
			continue;
		const char *name = other->name ? other->name : "";
		return strcmp(relation, REL_SPOUSE) == 0 ? errinfo_set(e, ERR_CONFLICT, "relation", MSG_SPOUSE_EXISTS, name)
			: errinfo_set(e, ERR_CONFLICT, "relation", MSG_REL_EXISTS, code_label(CL_RELATION, relation), name);
	}
	return ERR_OK;
}

static enum err
member_add(struct ctx *c, struct event *out, struct errinfo *e)
{
	const struct event_req *r = c->r;
	struct txn *t = c->t;
	const struct member *in = r->member;
	enum err rc;
	char d[11];
	date_format(r->effective, d);
	if (!in || !in->id_no)
		return errinfo_set(e, ERR_INVALID, "id_no", MSG_REQUIRED);
	if (in->birth > r->effective) {
		char b[11];
		/* named by the ID number the birth comes from (the form's field: a "birth" had no field to show under) */
		return errinfo_set(e, ERR_INVALID, "id_no", MSG_BIRTH_AFTER_EFFECTIVE, date_format(in->birth, b), d);
	}
	if (!status_allows(EV_MEMBER_ADD, c->at, NULL))
		return refuse_transition(c, e);
	const char *reason = member_reason(EV_MEMBER_ADD, r->reason, e, &rc);
	if (!reason)
		return rc;
	/* a newborn is counted from (about) its birth: one a year old or more is someone else (an adult came in as
	 * 新生儿, found by a walk) */
	if (strcmp(reason, "newborn") == 0 && in->birth && r->effective >= in->birth + 10000 && !t->lenient) {
		char b[11];
		return errinfo_set(e, ERR_INVALID, "reason", MSG_NEWBORN_NOT_NEW, date_format(in->birth, b), d);
	}

	struct member old;
	bool reuse = false;
	rc = store_member_in_household(t->st, c->h.id, in->id_no, &old, &c->a, e);
	if (rc == ERR_OK) {
		struct span *ms;
		size_t nms;
		int64_t v;
		if ((rc = store_spans(t->st, SPAN_MEMBER, old.id, &ms, &nms, &c->a, e)) != ERR_OK)
			return rc;
		if (span_value_at(ms, nms, r->effective, &v) && v == c->h.id)
			return errinfo_set(e, ERR_CONFLICT, "id_no", MSG_MEMBER_PRESENT, d, c->h.hh_no);
		reuse = true;
	} else if (rc != ERR_NOTFOUND)
		return rc;
	if (!t->lenient) {
		char *where;
		rc = store_idno_current_household(t->st, in->id_no, r->effective, &where, NULL, &c->a, e);
		if (rc == ERR_OK && !registry_hh_visible(t->st, where, &c->a)) {
			/* registered outside the user's divisions: refused without naming where (docs/SECURITY.md) */
			char id[32];
			return errinfo_set(e, ERR_CONFLICT, "id_no", MSG_ID_NOT_AVAILABLE, idno_mask(in->id_no, id, sizeof(id)));
		}
		if (rc == ERR_OK)
			return errinfo_set(e, ERR_CONFLICT, "id_no", MSG_ID_DUP_DB, where);
		if (rc != ERR_NOTFOUND)
			return rc;
	}
	if ((rc = head_free(t, c->h.id, r->effective, reuse ? old.id : 0, in->relation, &c->a, e)) != ERR_OK)
		return rc;
	if ((rc = relation_free(t, c->h.id, r->effective, 0, in->relation, &c->a, e)) != ERR_OK)
		return rc;
	if (in->relation && strcmp(in->relation, REL_SPOUSE) == 0 && in->sex && !t->lenient) {
		bool head;
		const char *hs = NULL;
		if ((rc = has_head(t, c->h.id, r->effective, 0, &head, &hs, &c->a, e)) != ERR_OK)
			return rc;
		if (head && hs && strcmp(hs, in->sex) == 0 && strcmp(in->sex, "9") != 0)
			return errinfo_set(e, ERR_CONFLICT, "relation", MSG_SPOUSE_SEX);
	}

	/* writes */
	struct member m = *in;
	m.household_id = c->h.id;
	if (!m.info_date)
		m.info_date = r->effective;
	if ((rc = agg_members(c, -1, e)) != ERR_OK)
		return rc;
	if (reuse) {
		m.id = old.id;
		if ((rc = store_member_update(t->st, &m, e)) != ERR_OK)
			return rc;
	} else if ((rc = store_member_insert(t->st, &m, e)) != ERR_OK)
		return rc;
	struct event ev;
	if ((rc = new_event(c, EV_MEMBER_ADD, &c->h, m.id, 0, CHAIN_MEMBER, m.id, ST_NONE, ST_NONE, reason, NULL,
	    &ev, e)))
		return rc;
	if ((rc = rewrite(t, SPAN_MEMBER, m.id, r->effective, true, c->h.id, ev.id, &c->a, e)) != ERR_OK)
		return rc;
	if ((rc = store_household_set_status(t->st, c->h.id, c->h.status, c->h.monitored, 0, t->now, e)) != ERR_OK)
		return rc;
	if ((rc = agg_members(c, +1, e)) != ERR_OK)
		return rc;
	if (out)
		*out = ev;
	return ERR_OK;
}

/* Find member id_no of household h present on E; errors name the request's field. */
static enum err
present_member(struct ctx *c, const char *id_no, struct member *m, struct errinfo *e)
{
	char d[11];
	date_format(c->r->effective, d);
	if (!id_no || !*id_no)
		return errinfo_set(e, ERR_INVALID, "id_no", MSG_REQUIRED);
	enum err rc = store_member_in_household(c->t->st, c->h.id, id_no, m, &c->a, e);
	if (rc == ERR_NOTFOUND)
		return errinfo_set(e, ERR_NOTFOUND, "id_no", MSG_MEMBER_NOT_FOUND, c->h.hh_no, id_no);
	if (rc != ERR_OK)
		return rc;
	struct span *ms;
	size_t nms;
	int64_t v;
	if ((rc = store_spans(c->t->st, SPAN_MEMBER, m->id, &ms, &nms, &c->a, e)) != ERR_OK)
		return rc;
	if (!span_value_at(ms, nms, c->r->effective, &v) || v != c->h.id)
		return errinfo_set(e, ERR_CONFLICT, "id_no", MSG_MEMBER_ABSENT, d, c->h.hh_no);
	return ERR_OK;
}

static void diff_text(json_t *d, const char *key, const char *before, const char *after);

/* A member's relation changed because of another change recorded with it (the new head of a removal, the head
 * there was of a 户主变更): a 信息更正 of that member, effective the same day. */
static enum err
relation_follows(struct ctx *c, const struct member *who, const char *relation, const char *reason, struct errinfo *e)
{
	json_t *d = json_object();
	diff_text(d, fields[C_RELATION].key, who->relation, relation);
	char *detail = json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(d);
	struct member u = *who;
	u.relation = (char *)relation;
	u.info_date = c->r->effective;
	struct event fe;
	enum err rc = store_member_update(c->t->st, &u, e);
	if (rc == ERR_OK)
		rc = new_event(c, EV_DATA_FIX, &c->h, who->id, 0, CHAIN_NONE, 0, ST_NONE, ST_NONE, reason,
		    arena_strdup(&c->a, detail), &fe, e);
	if (rc == ERR_OK) {
		if (!c->follows)
			c->follows = json_array();
		json_array_append_new(c->follows, json_pack("{s:I, s:I, s:o}", "event", (json_int_t)fe.id, "member",
		    (json_int_t)who->id, "changes", json_loads(detail, 0, NULL)));
	}
	free(detail);
	return rc;
}

/* The members of a change of head named in r->others (among members[0..n)) take their relations, each a
 * 信息更正 of its own; one whose relation stays as it was has none. */
static enum err
others_follow(struct ctx *c, const struct member *members, size_t n, const char *reason, struct errinfo *e)
{
	enum err rc = ERR_OK;
	for (size_t k = 0; k < c->r->n_others && rc == ERR_OK; k++)
		for (size_t i = 0; i < n && rc == ERR_OK; i++)
			if (members[i].id == c->r->others[k].member_id &&
			    !(members[i].relation && strcmp(members[i].relation, c->r->others[k].relation) == 0))
				rc = relation_follows(c, &members[i], c->r->others[k].relation, reason, e);
	return rc;
}

/* Each member named in r->others is among members[0..n), those of the household on day: else 409, naming the
 * member number and the day. */
static enum err
others_present(struct ctx *c, const struct member *members, size_t n, int day, struct errinfo *e)
{
	char d[11];
	for (size_t j = 0; j < c->r->n_others; j++) {
		bool present = false;
		for (size_t i = 0; i < n; i++)
			present |= members[i].id == c->r->others[j].member_id;
		if (!present)
			return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_OTHERS_ABSENT_ON,
			    (long long)c->r->others[j].member_id, date_format(day, d), c->h.hh_no);
	}
	return ERR_OK;
}

/* Member m (as corrected; was: its relation before) made the head while former is (NULL: none is). Refused: m
 * not a member today or on the day the change is dated (a former member made the head would leave the household
 * without one), nor one of the members named in r->others that day; another head and no former_head_relation;
 * former_head_relation with no head to change; and what head_change_check refuses of the household today and,
 * back in time, on that day (a member named who has left since is judged on that day only). */
static enum err
made_head_check(struct ctx *c, const struct member *m, const char *was, const struct member *former,
    struct errinfo *e)
{
	const struct event_req *r = c->r;
	struct member *mv[2];
	size_t n[2];
	int days[2] = { c->t->today, r->effective };
	int n_days = r->effective < c->t->today ? 2 : 1;
	char d[11];
	for (int k = 0; k < n_days; k++) {
		enum err rc = store_members_at(c->t->st, c->h.id, days[k], &mv[k], &n[k], &c->a, e);
		if (rc != ERR_OK)
			return rc;
		bool present = false;
		for (size_t i = 0; i < n[k]; i++)
			present |= mv[k][i].id == m->id;
		if (!present)
			return errinfo_set(e, ERR_CONFLICT, "relation", MSG_MEMBER_ABSENT, date_format(days[k], d), c->h.hh_no);
	}
	if (former && !r->former_head_relation && !c->t->lenient)
		return errinfo_set(e, ERR_CONFLICT, "relation", MSG_HEAD_EXISTS_FIX, former->name ? former->name : "");
	if (!former && r->former_head_relation)
		return errinfo_set(e, ERR_INVALID, "former_head_relation", MSG_FORMER_HEAD_UNUSED);
	enum err rc = others_present(c, mv[n_days - 1], n[n_days - 1], days[n_days - 1], e);
	for (int k = n_days - 1; k >= 0 && rc == ERR_OK; k--) {
		/* today: the members named who are still here */
		struct relation_change *o = arena_alloc(&c->a, (r->n_others + 1) * sizeof(*o));
		size_t no = 0;
		for (size_t j = 0; j < r->n_others; j++)
			for (size_t i = 0; i < n[k]; i++)
				if (mv[k][i].id == r->others[j].member_id) {
					o[no++] = r->others[j];
					break;
				}
		rc = head_change_check(mv[k], n[k], m, was, former, r->former_head_relation, o, no, c->t->lenient, e);
	}
	return rc;
}

static enum err
member_remove(struct ctx *c, struct event *out, struct errinfo *e)
{
	const struct event_req *r = c->r;
	struct txn *t = c->t;
	enum err rc;
	if (!status_allows(EV_MEMBER_REMOVE, c->at, NULL))
		return refuse_transition(c, e);
	struct member m;
	if ((rc = present_member(c, r->id_no, &m, e)) != ERR_OK)
		return rc;
	const char *reason = member_reason(EV_MEMBER_REMOVE, r->reason, e, &rc);
	if (!reason)
		return rc;
	/* The head leaves while others stay: one of them is named the new head (never a household without
	 * one). Someone else leaves: no new head. */
	bool is_head = m.relation && strcmp(m.relation, REL_HEAD) == 0;
	struct member nh = { 0 };
	if (r->new_head && *r->new_head) {
		if (!is_head)
			return errinfo_set(e, ERR_INVALID, "new_head", MSG_NEW_HEAD_NOT_HEAD, m.name);
		if (strcmp(r->new_head, m.id_no) == 0)
			return errinfo_set(e, ERR_INVALID, "new_head", MSG_NEW_HEAD_SELF);
		if ((rc = present_member(c, r->new_head, &nh, e)) != ERR_OK) {
			snprintf(e->field, sizeof(e->field), "%s", "new_head");
			return rc;
		}
	} else if (is_head && !t->lenient) {
		struct member *mv;
		size_t nm;
		if ((rc = store_members_at(t->st, c->h.id, r->effective, &mv, &nm, &c->a, e)) != ERR_OK)
			return rc;
		int stay = 0;
		for (size_t i = 0; i < nm; i++)
			stay += mv[i].id != m.id;
		if (stay > 0)
			return errinfo_set(e, ERR_INVALID, "new_head", MSG_NEW_HEAD_NEEDED, m.name, stay);
	}
	/* with the new head, the others' relations to it (other_relations): the household checked whole as at a
	 * 户主变更, the head who leaves in the former head's place with no relation (never named, never a spouse) */
	struct member *stay = NULL;
	size_t n_stay = 0;
	if (r->n_others && !nh.id)
		return errinfo_set(e, ERR_INVALID, "other_relations", MSG_OTHERS_UNUSED);
	if (nh.id) {
		if ((rc = store_members_at(t->st, c->h.id, r->effective, &stay, &n_stay, &c->a, e)) != ERR_OK ||
		    (rc = others_present(c, stay, n_stay, r->effective, e)) != ERR_OK ||
		    (rc = head_change_check(stay, n_stay, &nh, nh.relation, &m, NULL, r->others, r->n_others, t->lenient,
		    e)) != ERR_OK)
			return rc;
	}
	if ((rc = agg_members(c, -1, e)) != ERR_OK)
		return rc;
	struct event ev;
	if ((rc = new_event(c, EV_MEMBER_REMOVE, &c->h, m.id, 0, CHAIN_MEMBER, m.id, ST_NONE, ST_NONE, reason, NULL,
	    &ev, e)))
		return rc;
	if ((rc = rewrite(t, SPAN_MEMBER, m.id, r->effective, false, 0, ev.id, &c->a, e)) != ERR_OK)
		return rc;
	/* the new head: a 信息更正 of its relation, recorded with the removal (the reason is stored, so in the
	 * registry's language whatever the request's) */
	if (nh.id &&
	    (rc = relation_follows(c, &nh, REL_HEAD, msg_text_in(MSG_HEAD_CHANGE_REASON, LANG_ZH), e)) != ERR_OK)
		return rc;
	if ((rc = others_follow(c, stay, n_stay, msg_text_in(MSG_HEAD_CHANGE_REASON, LANG_ZH), e)) != ERR_OK)
		return rc;
	if ((rc = store_household_set_status(t->st, c->h.id, c->h.status, c->h.monitored, 0, t->now, e)) != ERR_OK)
		return rc;
	if ((rc = agg_members(c, +1, e)) != ERR_OK)
		return rc;
	if (out)
		*out = ev;
	return ERR_OK;
}

enum err
hh_no_next(struct store *st, const char *village, struct hh_no_proposal *r, struct arena *a, struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	if (!village || !*village)
		return errinfo_set(e, ERR_INVALID, "village", MSG_REQUIRED);
	enum err rc = division_resolve(st, village, &r->village, a, e);
	if (rc != ERR_OK) {
		if (e)
			snprintf(e->field, sizeof(e->field), "%s", "village");
		return rc;
	}
	if (r->village.level != LV_VILLAGE)
		return errinfo_set(e, ERR_INVALID, "village", MSG_DIV_NOT_VILLAGE, village);
	char lo[24], hi[24];
	snprintf(lo, sizeof(lo), "%012lld", (long long)r->village.code);
	snprintf(hi, sizeof(hi), "%012lld", (long long)r->village.code + 1);
	char **v;
	size_t n;
	if ((rc = store_hh_nos_between(st, lo, hi, &v, &n, a, e)) != ERR_OK)
		return rc;
	/* and those of the village's open 新识别 proposals (not registered yet, but taken) */
	const char **pv;
	size_t np;
	if ((rc = proposal_hh_nos_open(st, r->village.code, &pv, &np, a, e)) != ERR_OK)
		return rc;
	long best = 0;
	for (size_t i = 0; i < n + np; i++) {
		const char *no = i < n ? v[i] : pv[i - n];
		if (strncmp(no, lo, 12) != 0)
			continue;
		const char *tail = no + 12;
		size_t k = strlen(tail);
		if (k < 4 || k > 5 || strspn(tail, "0123456789") != k)
			continue;   /* not the convention's: not counted */
		long x = strtol(tail, NULL, 10);
		if (i < n)
			r->count++;
		if (x > best || (x == best && i < n)) {
			best = x;
			if (i < n)
				r->last = v[i];
		}
	}
	r->hh_no = arena_printf(a, "%s%04ld", lo, best + 1);
	return ERR_OK;
}

bool
registry_hh_visible(struct store *st, const char *hh_no, struct arena *a)
{
	struct household h;
	struct errinfo ignore;
	return hh_no && store_household_by_no(st, hh_no, &h, a, &ignore) == ERR_OK;
}

/* Does a new 户编号 made by a split agree with its village (the source's)? A 户编号 that opens with twelve
 * digits reads as a division code: it must be the village's, or the number would claim another village
 * (perhaps one outside the user's divisions). And where the source follows the national convention (its
 * 户编号 opens with its village's code), the new one must too. */
static enum err
hh_no_fits_village(const char *hh_no, const struct household *src, struct errinfo *e)
{
	char code[16];
	snprintf(code, sizeof(code), "%012lld", (long long)src->village);
	size_t digits = 0;
	while (hh_no[digits] >= '0' && hh_no[digits] <= '9')
		digits++;
	bool src_prefixed = src->hh_no && strncmp(src->hh_no, code, 12) == 0;
	if ((digits >= 12 || src_prefixed) && strncmp(hh_no, code, 12) != 0)
		return errinfo_set(e, ERR_INVALID, "target_hh_no", MSG_HH_NO_VILLAGE, hh_no, code);
	return ERR_OK;
}

/* Household hh_no into *h, its county locked for this transaction (a county writer's, store_begin_county; in any
 * other the writers' lock is held already). A household's number and village never change; the rest of it is
 * read again once the county is locked now: another writer of the county may have changed it in between, and
 * none can from here on. So is the recording instant: that writer's may be later. */
static enum err
household_locked(struct txn *t, const char *hh_no, struct household *h, struct arena *a, struct errinfo *e)
{
	bool locked;
	enum err rc = store_household_by_no(t->st, hh_no, h, a, e);
	if (rc == ERR_OK && (rc = store_lock_county(t->st, h->village / 1000000, &locked, e)) == ERR_OK && locked &&
	    (rc = txn_stamp_again(t, e)) == ERR_OK)
		rc = store_household_by_no(t->st, hh_no, h, a, e);
	return rc;
}

/* split (target created when missing) and merge (source cancelled when emptied). */
static enum err
move_member(struct ctx *c, struct event *out, struct errinfo *e)
{
	const struct event_req *r = c->r;
	struct txn *t = c->t;
	bool split = r->type == EV_SPLIT;
	enum err rc;
	char d[11];
	date_format(r->effective, d);
	if (!r->target_hh_no || !*r->target_hh_no)
		return errinfo_set(e, ERR_INVALID, "target_hh_no", MSG_TARGET_NEEDED);
	if (strcmp(r->target_hh_no, c->h.hh_no) == 0)
		return errinfo_set(e, ERR_INVALID, "target_hh_no", MSG_TARGET_SELF);
	if (!status_allows(r->type, c->at, NULL))
		return refuse_transition(c, e);
	if (!r->relation)
		return errinfo_set(e, ERR_INVALID, "relation", MSG_REQUIRED);
	struct member m;
	if ((rc = present_member(c, r->id_no, &m, e)) != ERR_OK)
		return rc;

	struct household b;
	bool b_exists = false;
	rc = household_locked(t, r->target_hh_no, &b, &c->a, e);
	if (rc == ERR_OK)
		b_exists = true;
	else if (rc != ERR_NOTFOUND)
		return rc;
	if (!b_exists) {
		bool anywhere;
		if ((rc = store_household_no_exists(t->st, r->target_hh_no, &anywhere, e)) != ERR_OK)
			return rc;
		if (anywhere || !split)   /* out of scope, or merge into nothing */
			return errinfo_set(e, ERR_NOTFOUND, "target_hh_no", MSG_HH_NOT_FOUND, r->target_hh_no);
		if ((rc = hh_no_fits_village(r->target_hh_no, &c->h, e)) != ERR_OK)
			return rc;
	} else {
		struct span *bs;
		size_t nbs;
		int latest;
		if ((rc = store_spans(t->st, SPAN_STATUS, b.id, &bs, &nbs, &c->a, e)) != ERR_OK)
			return rc;
		enum status bat = status_on(bs, nbs, r->effective);
		if (!status_registered(bat)) {
			c->at = bat;
			return refuse_transition(c, e);
		}
		if ((rc = store_household_latest_change(t->st, b.id, &latest, e)) != ERR_OK)
			return rc;
		if (r->effective < latest && !r->correction) {
			char l[11];
			return errinfo_set(e, ERR_CONFLICT, "effective", MSG_CORRECTION_NEEDED, d, date_format(latest, l));
		}
	}
	if (b_exists && (rc = head_free(t, b.id, r->effective, 0, r->relation, &c->a, e)) != ERR_OK)
		return rc;
	if (b_exists && (rc = relation_free(t, b.id, r->effective, 0, r->relation, &c->a, e)) != ERR_OK)
		return rc;

	/* writes */
	if ((rc = txn_agg_household(t, c->h.id, c->h.village, -1, e)) != ERR_OK)
		return rc;
	if (b_exists) {
		if ((rc = txn_agg_household(t, b.id, b.village, -1, e)) != ERR_OK)
			return rc;
	} else {
		b = c->h;
		b.id = 0;
		b.hh_no = (char *)r->target_hh_no;
		b.status = c->at;
		b.monitored = false;
		/* the source's 财政一卡通 account is not the new household's: it gets its own by a correction */
		b.bank = b.bank_account = NULL;
		b.created_at = b.updated_at = t->now;
		if ((rc = store_household_insert(t->st, &b, e)) != ERR_OK)
			return rc;
		struct event cev;
		if ((rc = new_event(c, EV_SPLIT, &b, 0, 0, CHAIN_STATUS, b.id, ST_NONE, c->at, r->reason, NULL, &cev, e)))
			return rc;
		struct span s = { 0, b.id, c->at, r->effective, DATE_INF, t->now, STAMP_INF, cev.id };
		if ((rc = store_span_insert(t->st, SPAN_STATUS, &s, e)) != ERR_OK)
			return rc;
	}
	struct event ev;
	if ((rc = new_event(c, r->type, &c->h, m.id, b.id, CHAIN_MEMBER, m.id, ST_NONE, ST_NONE, r->reason, NULL, &ev,
	    e)))
		return rc;
	if ((rc = rewrite(t, SPAN_MEMBER, m.id, r->effective, true, b.id, ev.id, &c->a, e)) != ERR_OK)
		return rc;
	m.household_id = b.id;
	m.relation = (char *)r->relation;
	if ((rc = store_member_update(t->st, &m, e)) != ERR_OK)
		return rc;
	enum status a_now = c->h.status;
	if (!split) {
		struct member *left;
		size_t nleft;
		if ((rc = store_members_at(t->st, c->h.id, r->effective, &left, &nleft, &c->a, e)) != ERR_OK)
			return rc;
		if (nleft == 0) {
			struct event dev;
			if ((rc = new_event(c, EV_MERGE, &c->h, 0, b.id, CHAIN_STATUS, c->h.id, c->at, ST_CANCELLED,
			    r->reason, NULL, &dev, e)))
				return rc;
			if ((rc = rewrite(t, SPAN_STATUS, c->h.id, r->effective, true, ST_CANCELLED, dev.id, &c->a, e)))
				return rc;
			a_now = ST_CANCELLED;
		}
	}
	if ((rc = store_household_set_status(t->st, c->h.id, a_now, c->h.monitored, 0, t->now, e)) != ERR_OK)
		return rc;
	if ((rc = store_household_set_status(t->st, b.id, b.status, b.monitored, 0, t->now, e)) != ERR_OK)
		return rc;
	if ((rc = txn_agg_household(t, c->h.id, c->h.village, +1, e)) != ERR_OK)
		return rc;
	if ((rc = txn_agg_household(t, b.id, b.village, +1, e)) != ERR_OK)
		return rc;
	if (out)
		*out = ev;
	return ERR_OK;
}

static enum err
monitor_event(struct ctx *c, struct event *out, struct errinfo *e)
{
	const struct event_req *r = c->r;
	if (!status_allows(r->type, c->at, NULL))
		return refuse_transition(c, e);
	bool in = r->type == EV_MONITOR_IN;
	if (in && c->h.monitored)
		return errinfo_set(e, ERR_CONFLICT, "type", MSG_MONITORED);
	if (!in && !c->h.monitored)
		return errinfo_set(e, ERR_CONFLICT, "type", MSG_NOT_MONITORED);
	struct event ev;
	enum err rc = new_event(c, r->type, &c->h, 0, 0, CHAIN_MONITOR, c->h.id, ST_NONE, ST_NONE, r->reason, NULL,
	    &ev, e);
	if (rc == ERR_OK)
		rc = store_household_set_status(c->t->st, c->h.id, c->h.status, in, 0, c->t->now, e);
	/* the case (monitor.h): opened by monitor_in, closed by risk_eliminate; a new risk later opens a new one */
	if (rc == ERR_OK && in) {
		struct monitor_case mc = { 0 };
		if (r->mcase)
			mc = *r->mcase;
		mc.household_id = c->h.id;
		mc.identified = r->effective;
		mc.open_event_id = ev.id;
		mc.recorded_at = c->t->now;
		rc = store_case_insert(c->t->st, &mc, e);
	} else if (rc == ERR_OK) {
		struct monitor_case mc;
		rc = store_case_open(c->t->st, c->h.id, &mc, &c->a, e);
		if (rc == ERR_OK)
			rc = store_case_close(c->t->st, mc.id, r->effective, r->mcase ? r->mcase->way : NULL, ev.id,
			    r->mcase ? r->mcase->close_proposal_id : 0, c->t->now, e);
		else if (rc == ERR_NOTFOUND) {
			/* monitored before cases were kept (schema 0013): nothing to close */
			errinfo_clear(e);
			rc = ERR_OK;
		}
	}
	if (rc == ERR_OK && out)
		*out = ev;
	return rc;
}

/* data_fix: the fields named by fix_mask take the new values; the event's detail keeps before and after. */
static void
diff_text(json_t *d, const char *key, const char *before, const char *after)
{
	if (strcmp(before ? before : "", after ? after : "") == 0)
		return;
	json_object_set_new(d, key, json_pack("[s?s?]", before, after));
}

static void
diff_int(json_t *d, const char *key, int before, int after)
{
	if (before != after)
		json_object_set_new(d, key, json_pack("[ii]", before, after));
}

#define FIX(c) (r->fix_mask & ((uint64_t)1 << (c)))
_Static_assert(C__MAX <= 64, "fix_mask holds one bit per column");

/* Whether id_no may become member self's: no other member of the household holds it (now or in its past),
 * and no registered household holds it now (uniqueness in the registry, across every scope). */
static enum err
idno_free(struct ctx *c, int64_t self, const char *id_no, struct errinfo *e)
{
	struct member other;
	enum err rc = store_member_in_household(c->t->st, c->h.id, id_no, &other, &c->a, e);
	if (rc == ERR_OK && other.id != self)
		return errinfo_set(e, ERR_CONFLICT, "new_id_no", MSG_ID_DUP_DB, c->h.hh_no);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	char *where;
	int64_t mid = 0;
	rc = store_idno_current_household(c->t->st, id_no, c->t->today, &where, &mid, &c->a, e);
	if (rc == ERR_OK && mid != self && !registry_hh_visible(c->t->st, where, &c->a)) {
		/* held outside the user's divisions: refused without naming where (docs/SECURITY.md) */
		char masked[32];
		return errinfo_set(e, ERR_CONFLICT, "new_id_no", MSG_ID_NOT_AVAILABLE, idno_mask(id_no, masked, sizeof(masked)));
	}
	if (rc == ERR_OK && mid != self)
		return errinfo_set(e, ERR_CONFLICT, "new_id_no", MSG_ID_DUP_DB, where);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	errinfo_clear(e);
	return ERR_OK;
}

/* An 18-character number holds the birth date (digits 7-14) and the sex (the 17th digit, odd male): a
 * member's fixed record must agree with it. birth_given: the fix named the birth date itself. */
static enum err
identity_agrees(const struct member *n, bool birth_given, struct errinfo *e)
{
	struct idno id;
	if (!n->id_no || idno_validate(str_from(n->id_no), DATE_INF - 1, &id) != MSG_OK || !id.birth)
		return ERR_OK;
	if (n->birth && n->birth != id.birth) {
		char b[11], ib[11];
		return errinfo_set(e, ERR_INVALID, birth_given ? "birth" : "new_id_no", MSG_BIRTH_ID, date_format(n->birth, b),
		    date_format(id.birth, ib));
	}
	if (n->sex && strcmp(n->sex, "9") != 0 && id.sex && ((id.sex == 1) != (strcmp(n->sex, "1") == 0))) {
		const char *digit = id.sex == 1 ? (msg_lang() == LANG_EN ? "odd: male" : "奇数，男")
						: (msg_lang() == LANG_EN ? "even: female" : "偶数，女");
		return errinfo_set(e, ERR_INVALID, "sex", MSG_ID_SEX_FIX, code_label(CL_SEX, n->sex), digit);
	}
	return ERR_OK;
}

static enum err
data_fix(struct ctx *c, struct event *out, struct errinfo *e)
{
	const struct event_req *r = c->r;
	struct txn *t = c->t;
	enum err rc;
	json_t *d = json_object();
	struct event ev;
	int64_t member_id = 0;
	const struct member *head_was = NULL;   /* 户主变更: the head there was, and the name of the new one */
	const char *head_now = NULL;
	if (r->id_no && *r->id_no) {
		struct member m;
		rc = store_member_in_household(t->st, c->h.id, r->id_no, &m, &c->a, e);
		if (rc == ERR_NOTFOUND)
			rc = errinfo_set(e, ERR_NOTFOUND, "id_no", MSG_MEMBER_NOT_FOUND, c->h.hh_no, r->id_no);
		if (rc != ERR_OK)
			goto out;
		struct member n = m;
		const struct member *in = r->member;
		if (!in) {
			rc = errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_FIX);
			goto out;
		}
#define TXT(col, f) \
	if (FIX(col)) { diff_text(d, fields[col].key, m.f, in->f); n.f = in->f; }
#define NUM(col, f) \
	if (FIX(col)) { diff_int(d, fields[col].key, m.f, in->f); n.f = in->f; }
		TXT(C_NAME, name) TXT(C_RELATION, relation) TXT(C_SEX, sex) TXT(C_ETHNICITY, ethnicity)
		TXT(C_EDUCATION, education) TXT(C_SCHOOLING, schooling) TXT(C_HEALTH, health) TXT(C_LABOR, labor)
		TXT(C_WORK_STATUS, work_status) NUM(C_WORK_MONTHS, work_months) NUM(C_INS_MEDICAL, ins_medical)
		NUM(C_INS_SERIOUS, ins_serious) NUM(C_INS_PENSION, ins_pension) NUM(C_DIBAO, dibao)
		NUM(C_TEKUN, tekun) TXT(C_MEMBER_PHONE, phone)
#undef TXT
#undef NUM
		/* the member's identity: 证件号码 (with the birth date and kind it carries) and 出生日期 */
		bool identity = false;
		if (FIX(C_NEW_ID_NO) && in->id_no && strcmp(in->id_no, m.id_no ? m.id_no : "") != 0) {
			if ((rc = idno_free(c, m.id, in->id_no, e)) != ERR_OK)
				goto out;
			diff_text(d, "id_no", m.id_no, in->id_no);
			n.id_no = in->id_no;
			n.id_kind = in->id_kind;
			if (in->birth && !FIX(C_BIRTH)) {
				char b0[11] = "", b1[11];
				if (m.birth)
					date_format(m.birth, b0);
				diff_text(d, "birth", m.birth ? b0 : NULL, date_format(in->birth, b1));
				n.birth = in->birth;
			}
			identity = true;
		}
		if (FIX(C_BIRTH) && in->birth != m.birth) {
			char b0[11] = "", b1[11] = "";
			if (m.birth)
				date_format(m.birth, b0);
			if (in->birth)
				date_format(in->birth, b1);
			diff_text(d, "birth", m.birth ? b0 : NULL, in->birth ? b1 : NULL);
			n.birth = in->birth;
			identity = true;
		}
		if (r->former_head_relation && !(FIX(C_RELATION) && n.relation && strcmp(n.relation, REL_HEAD) == 0)) {
			rc = errinfo_set(e, ERR_INVALID, "former_head_relation", MSG_FORMER_HEAD_UNUSED);
			goto out;
		}
		if (json_object_size(d) == 0) {
			rc = errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_FIX);
			goto out;
		}
		/* the number says the birth date and the sex: a fix that leaves them disagreeing is refused, naming
		 * what else to correct */
		if ((identity || FIX(C_SEX)) && !t->lenient && (rc = identity_agrees(&n, FIX(C_BIRTH), e)) != ERR_OK)
			goto out;
		/* a corrected birth after the day the person was first counted (a newborn's number mistyped at its
		 * 人员增加, corrected to a later day) would count the person before being born; a correction that
		 * does not move the birth later leaves older data (a lenient import's) as it was */
		if (identity && !t->lenient && n.birth && n.birth > m.birth) {
			struct span *ms;
			size_t nms;
			int first = 0;
			if ((rc = store_spans(t->st, SPAN_MEMBER, m.id, &ms, &nms, &c->a, e)) != ERR_OK)
				goto out;
			for (size_t i = 0; i < nms; i++)
				if (ms[i].value && (!first || ms[i].valid_from < first))
					first = ms[i].valid_from;
			if (first && n.birth > first) {
				char b[11], f[11];
				rc = errinfo_set(e, ERR_INVALID, FIX(C_BIRTH) ? "birth" : "new_id_no", MSG_BIRTH_AFTER_EFFECTIVE,
				    date_format(n.birth, b), date_format(first, f));
				goto out;
			}
		}
		/* made the head: a member today (and on the day it is dated); while another member is the head, refused
		 * or (former_head_relation) that head takes the relation given, recorded with it (户主变更 in one step),
		 * the household's end state checked whole */
		const struct member *former = NULL;
		if (FIX(C_RELATION) && n.relation && strcmp(n.relation, REL_HEAD) == 0 &&
		    !(m.relation && strcmp(m.relation, REL_HEAD) == 0)) {
			if ((rc = member_as(t, c->h.id, t->today, m.id, REL_HEAD, &former, &c->a, e)) != ERR_OK ||
			    (rc = made_head_check(c, &n, m.relation, former, e)) != ERR_OK)
				goto out;
		} else if (r->former_head_relation || r->n_others) {
			rc = errinfo_set(e, ERR_INVALID, r->former_head_relation ? "former_head_relation" : "other_relations",
			    r->former_head_relation ? MSG_FORMER_HEAD_UNUSED : MSG_OTHERS_UNUSED);
			goto out;
		}
		head_was = former;
		head_now = n.name;
		if (FIX(C_RELATION) && (rc = relation_free(t, c->h.id, t->today, m.id, n.relation, &c->a, e)) != ERR_OK)
			goto out;
		const char *need = t->lenient ? NULL : relation_sex_unfit(n.relation, n.sex);
		if (need) {
			rc = errinfo_set(e, ERR_INVALID, "relation", MSG_REL_SEX, code_label(CL_RELATION, n.relation),
			    code_label(CL_SEX, need));
			goto out;
		}
		n.info_date = r->effective;
		if ((rc = store_member_update(t->st, &n, e)) != ERR_OK)
			goto out;
		if (identity && (rc = store_member_set_identity(t->st, &n, e)) != ERR_OK)
			goto out;
		member_id = m.id;
	} else {
		struct household n = c->h;
		const struct household *in = r->hh;
		if (r->former_head_relation || r->n_others) {
			rc = errinfo_set(e, ERR_INVALID, r->former_head_relation ? "former_head_relation" : "other_relations",
			    r->former_head_relation ? MSG_FORMER_HEAD_UNUSED : MSG_OTHERS_UNUSED);
			goto out;
		}
		if (!in) {
			rc = errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_FIX);
			goto out;
		}
#define TXT(col, f) \
	if (FIX(col)) { diff_text(d, fields[col].key, c->h.f, in->f); n.f = in->f; }
#define NUM(col, f) \
	if (FIX(col)) { diff_int(d, fields[col].key, c->h.f, in->f); n.f = in->f; }
		TXT(C_ATTRIBUTE, attribute) TXT(C_CAUSE_MAIN, cause_main) TXT(C_CAUSE_OTHER, cause_other)
		TXT(C_ID_STANDARD, id_standard) TXT(C_PHONE, phone) TXT(C_BANK, bank) TXT(C_BANK_ACCOUNT, bank_account)
		NUM(C_IDENTIFIED_YM, identified_ym)
		NUM(C_EXIT_YEAR, exit_year)
#undef TXT
#undef NUM
		if (json_object_size(d) == 0) {
			rc = errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_FIX);
			goto out;
		}
		n.updated_at = t->now;
		if ((rc = store_household_update(t->st, &n, e)) != ERR_OK)
			goto out;
	}
	char *detail = json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
	rc = new_event(c, EV_DATA_FIX, &c->h, member_id, 0, CHAIN_NONE, 0, ST_NONE, ST_NONE, r->reason,
	    arena_strdup(&c->a, detail), &ev, e);
	free(detail);
	/* 户主变更: the head there was and the other members named follow, each a 信息更正 of its own (one whose
	 * relation stays as it was has none) */
	const char *why = arena_printf(&c->a, msg_text_in(MSG_FORMER_HEAD_REASON, LANG_ZH), head_now ? head_now : "");
	if (rc == ERR_OK && head_was && r->former_head_relation)
		rc = relation_follows(c, head_was, r->former_head_relation, why, e);
	if (rc == ERR_OK && r->n_others) {   /* only with a member made the head (made_head_check) */
		struct member *o;
		size_t no;
		if ((rc = store_members_at(t->st, c->h.id, t->today, &o, &no, &c->a, e)) == ERR_OK)
			rc = others_follow(c, o, no, why, e);
	}
	if (rc == ERR_OK && out)
		*out = ev;
out:
	json_decref(d);
	return rc;
}

enum err
event_record(struct txn *t, const struct event_req *r, struct event *result, struct errinfo *e)
{
	struct event local;
	struct event *out = result ? result : &local;
	struct ctx c;
	enum err rc;
	char d[11], l[11];
	memset(&c, 0, sizeof(c));
	c.t = t;
	c.r = r;
	arena_init(&c.a);

	if (r->type == EV_IDENTIFY || r->type == EV_INCLUDE_MISSED || r->type == EV_ENROL) {
		rc = errinfo_set(e, ERR_INVALID, "type", MSG_EVENT_VIA_REGISTRY, evtype_label(r->type));
		goto out;
	}
	/* the other members' relations go with a change of head: a correction making a member the head, or the
	 * head's removal naming the new one */
	if (r->n_others && r->type != EV_DATA_FIX && r->type != EV_MEMBER_REMOVE) {
		rc = errinfo_set(e, ERR_INVALID, "other_relations", MSG_OTHERS_UNUSED);
		goto out;
	}
	/* the same limit as a sheet's 变动原因 column (import.c), whichever way the event comes */
	if (r->reason && utf8_len(r->reason, strlen(r->reason)) > (size_t)fields[C_REASON].max) {
		rc = errinfo_set(e, ERR_INVALID, "reason", MSG_TOO_LONG, fields[C_REASON].max);
		goto out;
	}
	if (!date_valid(r->effective)) {
		rc = errinfo_set(e, ERR_INVALID, "effective", MSG_REQUIRED);
		goto out;
	}
	if ((rc = record_day(r->effective, t->today, "effective", MSG_FUTURE_DATE, e)) != ERR_OK)
		goto out;
	if ((rc = household_locked(t, r->hh_no, &c.h, &c.a, e)) != ERR_OK)
		goto out;
	if ((rc = store_household_latest_change(t->st, c.h.id, &c.latest, e)) != ERR_OK)
		goto out;
	if (r->effective < c.latest && !r->correction) {
		rc = errinfo_set(e, ERR_CONFLICT, "effective", MSG_CORRECTION_NEEDED, date_format(r->effective, d),
		    date_format(c.latest, l));
		goto out;
	}
	if (r->correction && (!r->reason || str_trim(str_from(r->reason)).n == 0)) {
		rc = errinfo_set(e, ERR_INVALID, "reason", MSG_REASON_NEEDED);
		goto out;
	}
	if ((rc = campaign_batch_open(t->st, r->batch, e)) != ERR_OK)
		goto out;
	if ((rc = store_spans(t->st, SPAN_STATUS, c.h.id, &c.sst, &c.nst, &c.a, e)) != ERR_OK)
		goto out;
	c.at = status_on(c.sst, c.nst, r->effective);

	switch (r->type) {
	case EV_EXIT:
	case EV_POLICY_END:
	case EV_POLICY_RESUME:
	case EV_RETURN:
	case EV_REMOVE:
	case EV_CLEAR:
	case EV_CANCEL:
		rc = status_event(&c, out, e);
		break;
	case EV_MEMBER_ADD:
		rc = member_add(&c, out, e);
		break;
	case EV_MEMBER_REMOVE:
		rc = member_remove(&c, out, e);
		break;
	case EV_SPLIT:
	case EV_MERGE:
		rc = move_member(&c, out, e);
		break;
	case EV_MONITOR_IN:
	case EV_RISK_ELIMINATE:
		rc = monitor_event(&c, out, e);
		break;
	case EV_DATA_FIX:
		rc = data_fix(&c, out, e);
		break;
	default:
		rc = errinfo_set(e, ERR_INVALID, "type", MSG_UNKNOWN_CODE, evtype_code(r->type), codes_list_name(CL_EVENT));
	}
	if (rc == ERR_OK && !t->quiet_audit) {
		char day[11];
		json_t *j = json_pack("{s:s, s:s, s:b}", "type", evtype_code(r->type), "effective",
		    date_format(r->effective, day), "correction", r->correction);
		if (r->batch)
			json_object_set_new(j, "batch", json_string(r->batch));
		if (r->reason)
			json_object_set_new(j, "reason", json_string(r->reason));
		if (r->target_hh_no)
			json_object_set_new(j, "target", json_string(r->target_hh_no));
		if (out) {
			json_object_set_new(j, "event", json_integer(out->id));
			if (out->from_status != ST_NONE || out->to_status != ST_NONE)
				json_object_set_new(j, "status", json_pack("[ss]", status_code(out->from_status),
				    status_code(out->to_status)));
			if (out->member_id)
				json_object_set_new(j, "member", json_integer(out->member_id));
			if (out->detail)
				json_object_set_new(j, "changes", json_loads(out->detail, 0, NULL));
		}
		if (c.follows)   /* the new head's, the former head's and the other members' corrections with it */
			json_object_set(j, "follows", c.follows);
		char *detail = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		rc = txn_audit(t, "event.record", r->hh_no, detail, e);
		free(detail);
	}
out:
	/* out's strings may point into the arena: keep only scalar results. */
	if (out && rc == ERR_OK) {
		out->reason = out->batch = out->actor = out->detail = NULL;
	}
	json_decref(c.follows);
	arena_free(&c.a);
	return rc;
}

/* ---- 户主变更 planned ---- */

enum err
head_change_plan(struct store *st, const char *hh_no, int64_t member_id, int day, struct head_change_row **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	struct household h;
	struct member *mv;
	size_t nm;
	enum err rc = store_household_by_no(st, hh_no, &h, a, e);
	if (rc == ERR_OK)
		rc = store_members_at(st, h.id, day, &mv, &nm, a, e);
	if (rc != ERR_OK)
		return rc;
	const struct member *nh = NULL, *head = NULL;
	for (size_t i = 0; i < nm; i++) {
		if (mv[i].id == member_id)
			nh = &mv[i];
		else if (!head && mv[i].relation && strcmp(mv[i].relation, REL_HEAD) == 0)
			head = &mv[i];   /* the first, as member_as finds it (two heads: an older lenient import's) */
	}
	if (!nh) {
		char d[11];
		return errinfo_set(e, ERR_CONFLICT, "id", MSG_MEMBER_ABSENT, date_format(day, d), h.hh_no);
	}
	if (nh->relation && strcmp(nh->relation, REL_HEAD) == 0)
		return errinfo_set(e, ERR_INVALID, "id", MSG_ALREADY_HEAD, nh->name ? nh->name : "");
	/* the rules weigh who else is there (one son or two, a son-in-law, ...), in the code list in force that day */
	struct head_change_ctx k = { .nh_rel = nh->relation, .nh_sex = nh->sex, .head_sex = head ? head->sex : NULL,
		.version = code_version_for_date(day) };
	head_change_count(&k, mv, nm);
	struct head_change_row *rows = arena_alloc(a, (nm ? nm : 1) * sizeof(*rows));
	size_t n_rows = 0;
	for (size_t i = 0; i < nm; i++) {
		if (&mv[i] == nh)
			continue;
		bool former = &mv[i] == head;
		const char *s = head ? relation_to_new_head(&k, former ? NULL : mv[i].relation, mv[i].sex) : NULL;
		rows[n_rows++] = (struct head_change_row){ mv[i], former, s };
	}
	*out = rows;
	*n = n_rows;
	return ERR_OK;
}
