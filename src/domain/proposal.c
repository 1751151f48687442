/* proposal.c: the proposal engine (see proposal.h): the table of types with their hooks, opening, acting,
 * loading and listing, and the printable notice. Every check comes before the first write. */
#include "domain/proposal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/auth.h"
#include "domain/codes.h"
#include "domain/fields.h"
#include "domain/income.h"
#include "domain/monitor.h"
#include "domain/registry.h"
#include "domain/status.h"
#include "lib/date.h"
#include "lib/util.h"
#include "lib/utf8.h"

/* ---- types ---- */

/* What a hook sees: the proposal and its subject (household or village), in the txn's store. */
struct pctx {
	struct store *st;
	struct txn *t;          /* NULL for a read (a check shown, not acted on) */
	struct arena *a;
	struct proposal *p;
	struct household h;     /* household types */
	struct division v;      /* the village */
	const struct proposal_new *req;   /* at opening: the request (its monitoring fields) */
};

struct proposal_type {
	const char *code;
	enum evtype event;      /* the event of the last step; EV__MAX for none */
	bool village;           /* the subject is a village */
	const char *zh, *en;
	enum err (*fits)(struct pctx *c, struct errinfo *e);
	enum err (*check)(struct pctx *c, int date, struct checklist *r, struct errinfo *e);
	enum err (*effect)(struct pctx *c, int date, struct errinfo *e);
};

static enum err fits_household(struct pctx *c, struct errinfo *e);
static enum err fits_new_household(struct pctx *c, struct errinfo *e);
static enum err fits_village(struct pctx *c, struct errinfo *e);
static enum err check_exit(struct pctx *c, int date, struct checklist *r, struct errinfo *e);
static enum err check_village(struct pctx *c, int date, struct checklist *r, struct errinfo *e);
static enum err effect_event(struct pctx *c, int date, struct errinfo *e);
static enum err effect_new_household(struct pctx *c, int date, struct errinfo *e);
static enum err effect_village_exit(struct pctx *c, int date, struct errinfo *e);
static enum err fits_monitor_in(struct pctx *c, struct errinfo *e);
static enum err fits_eliminate(struct pctx *c, struct errinfo *e);
static enum err check_eliminate(struct pctx *c, int date, struct checklist *r, struct errinfo *e);
static enum err effect_monitor_in(struct pctx *c, int date, struct errinfo *e);
static enum err effect_eliminate(struct pctx *c, int date, struct errinfo *e);

/* The monitoring types (monitor.h) follow the built-in "monitoring" workflow (workflow.c: 村内公示 5 天,
 * limit_days 15, no 公告: the case opens or closes at 县级审定) unless a loaded one serves them. */
#define PROPOSAL_NOTE_MAX 500   /* a step's opinion (意见), characters */

static const struct proposal_type types[] = {
	{ "identify", EV_IDENTIFY, false, "新识别", "identification", fits_new_household, NULL, effect_new_household },
	{ "include_missed", EV_INCLUDE_MISSED, false, "应纳未纳", "missed inclusion", fits_new_household, NULL,
		effect_new_household },
	{ "exit", EV_EXIT, false, "脱贫", "exit", fits_household, check_exit, effect_event },
	{ "return", EV_RETURN, false, "返贫", "return to poverty", fits_household, NULL, effect_event },
	{ "remove", EV_REMOVE, false, "识别不准剔除", "removal", fits_household, NULL, effect_event },
	{ "clear", EV_CLEAR, false, "清退", "clearance", fits_household, NULL, effect_event },
	{ "village_exit", EV__MAX, true, "贫困村出列", "village exit", fits_village, check_village, effect_village_exit },
	{ "monitor_in", EV_MONITOR_IN, false, "纳入监测", "monitoring", fits_monitor_in, NULL, effect_monitor_in },
	{ "risk_eliminate", EV_RISK_ELIMINATE, false, "风险消除", "risk elimination", fits_eliminate, check_eliminate,
		effect_eliminate },
};


static const struct proposal_type *
type_find(const char *code)
{
	for (size_t i = 0; code && i < NELEM(types); i++)
		if (strcmp(types[i].code, code) == 0)
			return &types[i];
	return NULL;
}

bool
proposal_type_known(const char *code)
{
	return type_find(code) != NULL;
}

bool
proposal_type_village(const char *code)
{
	const struct proposal_type *t = type_find(code);
	return t && t->village;
}

const char *
proposal_type_label(const char *code)
{
	const struct proposal_type *t = type_find(code);
	if (!t)
		return code ? code : "";
	return msg_lang() == LANG_EN ? t->en : t->zh;
}

static const struct {
	const char *code, *zh, *en;
} channels[] = {
	{ "apply", "农户申请", "household's application" },
	{ "screening", "干部排查", "cadres' screening" },
	{ "comparison", "部门比对", "departments' data comparison" },
	{ "feedback", "上级反馈", "feedback from above" },
};

bool
proposal_channel_known(const char *code)
{
	for (size_t i = 0; code && i < NELEM(channels); i++)
		if (strcmp(channels[i].code, code) == 0 || strcmp(channels[i].zh, code) == 0)
			return true;
	return false;
}

const char *
proposal_channel_label(const char *code)
{
	for (size_t i = 0; code && i < NELEM(channels); i++)
		if (strcmp(channels[i].code, code) == 0)
			return msg_lang() == LANG_EN ? channels[i].en : channels[i].zh;
	/* the monitoring types' discovery channels */
	return code_label(CL_MON_CHANNEL, code);
}

static const char *
channel_code(const char *s)
{
	for (size_t i = 0; s && i < NELEM(channels); i++)
		if (strcmp(channels[i].code, s) == 0 || strcmp(channels[i].zh, s) == 0)
			return channels[i].code;
	return NULL;
}

const char *
proposal_state_code(enum proposal_state s)
{
	static const char *const c[] = { "open", "approved", "rejected" };
	return c[s];
}

const char *
proposal_state_label(enum proposal_state s)
{
	static const char *const zh[] = { "办理中", "已通过", "未通过" }, *const en[] = { "open", "approved", "rejected" };
	return msg_lang() == LANG_EN ? en[s] : zh[s];
}

static const char *
role_label(const char *code)
{
	const struct role *r = role_find(code);
	if (!r)
		return code ? code : "";
	return msg_lang() == LANG_EN ? r->en : r->zh;
}

/* ---- hooks ---- */

static enum err
fits_household(struct pctx *c, struct errinfo *e)
{
	const struct proposal_type *ty = type_find(c->p->type);
	if (!status_allows(ty->event, c->h.status, NULL))
		return errinfo_set(e, ERR_CONFLICT, "type", MSG_PROPOSAL_STATE, c->h.hh_no, status_label(c->h.status),
		    proposal_type_label(ty->code));
	/* its event, recorded at 公告, could not be dated before the household's latest change (that takes a
	 * correction, which a proposal is not): said now, not after every step has been walked */
	int latest = 0;
	enum err rc = c->p->effective ? store_household_latest_change(c->t->st, c->h.id, &latest, e) : ERR_OK;
	if (rc != ERR_OK)
		return rc;
	if (c->p->effective && c->p->effective < latest) {
		char d[11], l[11];
		return errinfo_set(e, ERR_CONFLICT, "effective", MSG_PROPOSAL_EFFECTIVE_EARLY, date_format(c->p->effective, d),
		    c->h.hh_no, date_format(latest, l));
	}
	return ERR_OK;
}

/* 新识别 / 应纳未纳: the household the proposal carries passes the registry's checks as created on the
 * effective date (else the day the proposal is opened); nothing is written. */
static enum err
fits_new_household(struct pctx *c, struct errinfo *e)
{
	const struct proposal_type *ty = type_find(c->p->type);
	int as_of = c->p->effective ? c->p->effective : c->p->opened;
	return newhh_import(c->t, c->p->payload, ty->event, as_of, c->p->batch, c->p->reason, false, NULL, NULL,
	    c->req ? c->req->problems : NULL, e);
}

/* The last step: the household and its members are created (the identify / include_missed event), checked once
 * more against the registry as it is now. */
static enum err
effect_new_household(struct pctx *c, int date, struct errinfo *e)
{
	const struct proposal_type *ty = type_find(c->p->type);
	int64_t hh = 0, ev = 0;
	enum err rc = newhh_import(c->t, c->p->payload, ty->event, c->p->effective ? c->p->effective : date, c->p->batch,
	    c->p->reason ? c->p->reason : NULL, true, &hh, &ev, NULL, e);
	if (rc != ERR_OK)
		return rc;
	c->p->household_id = hh;
	c->p->event_id = ev;
	return store_household_by_id(c->st, hh, &c->h, c->a, e);
}

/* The 户编号 and the head's name of a proposal's new household (before it is created). */
static void
newhh_names(struct proposal *p, struct arena *a)
{
	if (p->hh_no || !p->payload || (strcmp(p->type, "identify") != 0 && strcmp(p->type, "include_missed") != 0))
		return;
	json_t *j = json_loads(p->payload, 0, NULL);
	const char *no = json_string_value(json_object_get(j, "hh_no"));
	if (no)
		p->hh_no = arena_strdup(a, no);
	json_t *ms = json_object_get(j, "members");
	for (size_t i = 0; i < json_array_size(ms) && !p->head_name; i++) {
		json_t *m = json_array_get(ms, i);
		const char *rel = json_string_value(json_object_get(m, "relation"));
		const struct code *rc = rel ? code_find(CL_RELATION, str_from(rel)) : NULL;
		if (rc && strcmp(rc->code, REL_HEAD) == 0 && json_string_value(json_object_get(m, "name")))
			p->head_name = arena_strdup(a, json_string_value(json_object_get(m, "name")));
	}
	json_decref(j);
}

enum err
proposal_hh_nos_open(struct store *st, int64_t village, const char ***out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	struct proposal *ps[2];
	size_t np[2];
	static const char *const kinds[2] = { "identify", "include_missed" };   /* the ones carrying a household */
	for (int k = 0; k < 2; k++) {
		struct proposal_filter f = { .lo = village, .hi = village ? village : INT64_MAX, .state = "open",
			.type = kinds[k] };
		enum err rc = store_proposal_list(st, &f, &ps[k], &np[k], a, e);
		if (rc != ERR_OK)
			return rc;
	}
	*out = arena_alloc(a, (np[0] + np[1] + 1) * sizeof(**out));
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < np[k]; i++) {
			newhh_names(&ps[k][i], a);
			if (!ps[k][i].household_id && ps[k][i].hh_no)
				(*out)[(*n)++] = ps[k][i].hh_no;
		}
	qsort(*out, *n, sizeof(**out), str_ptr_cmp);
	return ERR_OK;
}

static enum err
fits_village(struct pctx *c, struct errinfo *e)
{
	if (!c->v.poor_village)
		return errinfo_set(e, ERR_CONFLICT, "village", MSG_VILLAGE_NOT_POOR, c->v.name);
	if (c->v.exit_year)
		return errinfo_set(e, ERR_CONFLICT, "village", MSG_VILLAGE_EXITED, c->v.name, c->v.exit_year);
	return ERR_OK;
}

static enum err
check_exit(struct pctx *c, int date, struct checklist *r, struct errinfo *e)
{
	int year = (c->p->effective ? c->p->effective : date) / 10000;
	return exit_check(c->st, &c->h, date, year, r, c->a, e);
}

static enum err
check_village(struct pctx *c, int date, struct checklist *r, struct errinfo *e)
{
	return village_check(c->st, c->v.code, date, r, c->a, e);
}

static enum err
effect_event(struct pctx *c, int date, struct errinfo *e)
{
	const struct proposal_type *ty = type_find(c->p->type);
	struct event_req q = {
		.type = ty->event,
		.hh_no = c->h.hh_no,
		.effective = c->p->effective ? c->p->effective : date,
		.reason = c->p->reason,
		.batch = c->p->batch,
	};
	struct event ev;
	enum err rc = event_record(c->t, &q, &ev, e);
	if (rc == ERR_OK)
		c->p->event_id = ev.id;
	return rc;
}

static enum err
effect_village_exit(struct pctx *c, int date, struct errinfo *e)
{
	struct division d = c->v;
	bool inserted;
	d.exit_year = (c->p->effective ? c->p->effective : date) / 10000;
	enum err rc = store_division_upsert(c->st, &d, &inserted, e);
	if (rc != ERR_OK)
		return rc;
	char code[16], detail[96];
	snprintf(code, sizeof(code), "%lld", (long long)d.code);
	snprintf(detail, sizeof(detail), "{\"exit_year\":%d,\"proposal\":%lld}", d.exit_year, (long long)c->p->id);
	return txn_audit(c->t, "village.exit", code, detail, e);
}

static enum err
fits_monitor_in(struct pctx *c, struct errinfo *e)
{
	char *payload;
	enum err rc = monitor_in_validate(&c->h, c->req ? c->req->monitor_type : NULL, c->req ? c->req->risks : NULL,
	    &payload, e);
	if (rc == ERR_OK) {
		c->p->payload = arena_strdup(c->a, payload);
		free(payload);
	}
	return rc;
}

static enum err
fits_eliminate(struct pctx *c, struct errinfo *e)
{
	char *payload;
	enum err rc = monitor_eliminate_validate(&c->h, c->req ? c->req->way : NULL, &payload, e);
	if (rc == ERR_OK) {
		c->p->payload = arena_strdup(c->a, payload);
		free(payload);
	}
	return rc;
}

static enum err
check_eliminate(struct pctx *c, int date, struct checklist *r, struct errinfo *e)
{
	return eliminate_check(c->st, &c->h, date, r, c->a, e);
}

static enum err
effect_monitor_in(struct pctx *c, int date, struct errinfo *e)
{
	return monitor_effect_in(c->t, &c->h, c->p, c->p->effective ? c->p->effective : date, &c->p->event_id, e);
}

static enum err
effect_eliminate(struct pctx *c, int date, struct errinfo *e)
{
	return monitor_effect_eliminate(c->t, &c->h, c->p, c->p->effective ? c->p->effective : date, &c->p->event_id, e);
}

/* ---- loading the subject ---- */

static enum err
load_subject(struct pctx *c, struct errinfo *e)
{
	enum err rc;
	int64_t village = c->p->village;
	if (c->p->household_id) {
		if ((rc = store_household_by_id(c->st, c->p->household_id, &c->h, c->a, e)) != ERR_OK)
			return rc;
		village = c->h.village;
	}
	rc = store_division_get(c->st, village, &c->v, c->a, e);
	if (rc == ERR_NOTFOUND) {
		char s[16];
		snprintf(s, sizeof(s), "%lld", (long long)village);
		return errinfo_set(e, ERR_NOTFOUND, "village", MSG_DIV_UNKNOWN, s);
	}
	return rc;
}

enum err
proposal_check_as_of(struct store *st, const struct proposal_view *v, int day, struct checklist *c, bool *has,
    struct arena *a, struct errinfo *e)
{
	const struct proposal_type *ty = type_find(v->p.type);
	*has = ty && ty->check;
	if (!*has)
		return ERR_OK;
	struct proposal p = v->p;
	struct pctx x = { .st = st, .a = a, .p = &p };
	enum err rc = load_subject(&x, e);
	return rc == ERR_OK ? ty->check(&x, day, c, e) : rc;
}

static void
fill_view(struct store *st, struct proposal_view *v, struct arena *a)
{
	struct division d;
	newhh_names(&v->p, a);
	v->village_name = v->town_name = NULL;
	if (store_division_get(st, v->p.village, &d, a, NULL) == ERR_OK) {
		v->village_name = d.name;
		struct division t;
		if (d.parent && store_division_get(st, d.parent, &t, a, NULL) == ERR_OK)
			v->town_name = t.name;
	}
	v->step = v->p.state == PS_OPEN && v->p.step_no < (int)v->wf.n_steps ? &v->wf.steps[v->p.step_no] : NULL;
	v->notice_end = v->step && v->step->days > 0 ? date_add_days(v->p.step_since, v->step->days) : 0;
	v->deadline = v->wf.limit_days ? date_add_days(v->p.opened, v->wf.limit_days) : 0;
	v->overdue = v->p.state == PS_OPEN && v->deadline && date_today() > v->deadline;
}

enum err
proposal_load(struct store *st, int64_t id, struct proposal_view *v, struct arena *a, struct errinfo *e)
{
	memset(v, 0, sizeof(*v));
	enum err rc = store_proposal_get(st, id, &v->p, a, e);
	if (rc == ERR_OK)
		rc = workflow_get(st, v->p.workflow_id, &v->wf, a, e);
	if (rc == ERR_OK)
		rc = store_proposal_acts(st, id, &v->acts, &v->n_acts, a, e);
	if (rc == ERR_OK)
		fill_view(st, v, a);
	return rc;
}

bool
proposal_may_act(const struct proposal_view *v, const struct proposal_user *u)
{
	return v->step && workflow_role_may(v->step, u ? u->role : NULL);
}

/* ---- opening ---- */

enum err
proposal_open(struct txn *t, const struct proposal_user *u, const struct proposal_new *r, int64_t *id,
    struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	enum err rc;
	char d1[11], list[400];
	const struct proposal_type *ty = type_find(r->type);
	struct proposal p;
	memset(&p, 0, sizeof(p));
	struct pctx c = { .st = t->st, .t = t, .a = &a, .p = &p };
	if (!ty) {
		/* named in the user's language: the labels in Chinese (with the codes the CLI takes, when one was typed) */
		bool en = msg_lang() == LANG_EN, blank = !r->type || !*r->type;
		size_t k = 0;
		for (size_t i = 0; i < n_proposal_types && k < sizeof(list); i++) {
			const char *code = proposal_type_codes[i];
			if (en)
				k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%s", i ? ", " : "", code);
			else if (blank)
				k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%s", i ? "、" : "", proposal_type_label(code));
			else
				k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%s %s", i ? "、" : "", proposal_type_label(code),
				    code);
		}
		rc = blank ? errinfo_set(e, ERR_INVALID, "type", MSG_PROPOSAL_TYPE_REQUIRED, list)
			   : errinfo_set(e, ERR_INVALID, "type", MSG_PROPOSAL_TYPE, r->type, list);
		goto out;
	}
	p.type = (char *)ty->code;
	int date = r->date ? r->date : t->today;
	if ((rc = record_day(date, t->today, "date", MSG_ACT_FUTURE, e)) != ERR_OK)
		goto out;
	if (r->effective && !date_valid(r->effective)) {
		rc = errinfo_set(e, ERR_INVALID, "effective", MSG_REQUIRED);
		goto out;
	}
	if (r->effective && (rc = record_day(r->effective, 0, "effective", MSG_DATE_TOO_EARLY, e)) != ERR_OK)
		goto out;
	/* the reason becomes the event's at 公告: its limit (fields.c 变动原因) said now */
	if (r->reason && utf8_len(r->reason, strlen(r->reason)) > (size_t)fields[C_REASON].max) {
		rc = errinfo_set(e, ERR_INVALID, "reason", MSG_TOO_LONG, fields[C_REASON].max);
		goto out;
	}
	const char *channel = NULL;
	bool monitoring = ty->event == EV_MONITOR_IN || ty->event == EV_RISK_ELIMINATE;
	if (monitoring) {
		/* each monitoring type's own fields: the way a risk was eliminated is not a case's, nor its type and
		 * risks an elimination's */
		const char *other = ty->event == EV_MONITOR_IN ? (r->way && *r->way ? "way" : NULL)
		    : r->monitor_type && *r->monitor_type ? "monitor_type" : r->risks && *r->risks ? "risks" : NULL;
		if (other) {
			rc = errinfo_set(e, ERR_INVALID, other, MSG_MON_FIELD_OTHER, other, proposal_type_label(ty->code));
			goto out;
		}
		/* the discovery channels of 防返贫监测 (CL_MON_CHANNEL); required to open a case */
		char chl[400];
		size_t k = 0;
		const struct code_list *l = codes_list(CL_MON_CHANNEL);
		chl[0] = '\0';
		for (size_t i = 0; i < l->n; i++)
			k += (size_t)snprintf(chl + k, sizeof(chl) - k, "%s%s %s", i ? "、" : "", l->codes[i].code,
			    code_label(CL_MON_CHANNEL, l->codes[i].code));
		if (r->channel && *r->channel && !(channel = monitor_channel_code(r->channel))) {
			rc = errinfo_set(e, ERR_INVALID, "channel", MSG_MON_CHANNEL, r->channel, chl);
			goto out;
		}
		if (!channel && ty->event == EV_MONITOR_IN) {
			rc = errinfo_set(e, ERR_INVALID, "channel", MSG_MON_CHANNEL_REQUIRED, chl);
			goto out;
		}
	} else {
		if (r->channel && *r->channel && !(channel = channel_code(r->channel))) {
			rc = errinfo_set(e, ERR_INVALID, "channel", MSG_BAD_PARAM, "channel", r->channel);
			goto out;
		}
		const char *extra = r->monitor_type && *r->monitor_type ? "monitor_type" : r->risks && *r->risks ? "risks"
		    : r->way && *r->way ? "way" : NULL;
		if (extra) {
			rc = errinfo_set(e, ERR_INVALID, extra, MSG_MON_NOT_FOR_TYPE, extra);
			goto out;
		}
	}
	if (r->new_household && *r->new_household && ty->event != EV_IDENTIFY && ty->event != EV_INCLUDE_MISSED) {
		rc = errinfo_set(e, ERR_INVALID, "new_household", MSG_NEWHH_NOT_FOR_TYPE);
		goto out;
	}
	c.req = r;
	if (ty->village) {
		if (!r->village) {
			rc = errinfo_set(e, ERR_INVALID, "village", MSG_VILLAGE_REQUIRED);
			goto out;
		}
		char s[16];
		snprintf(s, sizeof(s), "%lld", (long long)r->village);
		if (!store_in_scope(t->st, r->village) || store_division_get(t->st, r->village, &c.v, &a, NULL) != ERR_OK) {
			rc = errinfo_set(e, ERR_NOTFOUND, "village", MSG_DIV_UNKNOWN, s);
			goto out;
		}
		if (c.v.level != LV_VILLAGE) {
			rc = errinfo_set(e, ERR_INVALID, "village", MSG_DIV_NOT_VILLAGE, c.v.name);
			goto out;
		}
		p.village = c.v.code;
	} else {
		if (!r->hh_no || !*r->hh_no) {
			rc = errinfo_set(e, ERR_INVALID, "household", MSG_HOUSEHOLD_REQUIRED);
			goto out;
		}
		if (ty->event == EV_IDENTIFY || ty->event == EV_INCLUDE_MISSED) {
			/* the household is not in the registry yet: it comes with the proposal, in a village of the
			 * user's divisions */
			if (!r->new_household || !*r->new_household) {
				rc = errinfo_set(e, ERR_INVALID, "new_household", MSG_NEWHH_REQUIRED);
				goto out;
			}
			char *payload;
			int64_t vcode;
			if ((rc = newhh_parse(r->new_household, r->hh_no, &payload, &vcode, e)) != ERR_OK)
				goto out;
			p.payload = arena_strdup(&a, payload);
			free(payload);
			char s[16];
			snprintf(s, sizeof(s), "%012lld", (long long)vcode);
			if (!store_in_scope(t->st, vcode) || store_division_get(t->st, vcode, &c.v, &a, NULL) != ERR_OK) {
				rc = errinfo_set(e, ERR_NOTFOUND, "new_household.village_code", MSG_DIV_UNKNOWN, s);
				goto out;
			}
			if (c.v.level != LV_VILLAGE) {
				rc = errinfo_set(e, ERR_INVALID, "new_household.village_code", MSG_DIV_NOT_VILLAGE, c.v.name);
				goto out;
			}
			p.village = vcode;
			c.h.hh_no = (char *)r->hh_no;
			/* a second open proposal for the same new household */
			struct proposal_filter f = { .lo = vcode, .hi = vcode, .state = "open" };
			struct proposal *ps;
			size_t np;
			if ((rc = store_proposal_list(t->st, &f, &ps, &np, &a, e)) != ERR_OK)
				goto out;
			for (size_t i = 0; i < np; i++) {
				newhh_names(&ps[i], &a);
				if (!ps[i].household_id && ps[i].hh_no && strcmp(ps[i].hh_no, r->hh_no) == 0) {
					rc = errinfo_set(e, ERR_CONFLICT, "household", MSG_PROPOSAL_OPEN, r->hh_no, (long long)ps[i].id);
					goto out;
				}
			}
		} else if ((rc = store_household_by_no(t->st, r->hh_no, &c.h, &a, e)) != ERR_OK)
			goto out;
		else {
			p.household_id = c.h.id;
			p.village = c.h.village;
			if ((rc = store_division_get(t->st, c.h.village, &c.v, &a, e)) != ERR_OK)
				goto out;
		}
	}
	int64_t other = 0;
	if (p.household_id || ty->village)
		if ((rc = store_proposal_open_for(t->st, p.household_id, p.village, &other, e)) != ERR_OK)
			goto out;
	if (other) {
		rc = errinfo_set(e, ERR_CONFLICT, ty->village ? "village" : "household", MSG_PROPOSAL_OPEN,
		    ty->village ? c.v.name : c.h.hh_no, (long long)other);
		goto out;
	}
	p.opened = date;
	p.effective = r->effective;
	p.reason = (char *)r->reason;
	p.batch = (char *)r->batch;
	if ((rc = ty->fits(&c, e)) != ERR_OK)
		goto out;
	struct workflow wf;
	if ((rc = workflow_for_type(t->st, t, ty->code, &wf, &a, e)) != ERR_OK)
		goto out;
	p.workflow_id = wf.id;
	p.state = PS_OPEN;
	p.step_no = 0;
	p.step_since = p.opened = date;
	p.effective = r->effective;
	p.reason = (char *)r->reason;
	p.channel = (char *)channel;
	p.batch = (char *)r->batch;
	p.created_by = (char *)(u && u->name ? u->name : t->actor);
	p.created_at = p.updated_at = t->now;
	if ((rc = store_proposal_insert(t->st, &p, e)) != ERR_OK)
		goto out;
	json_t *j = json_pack("{s:I, s:s, s:s, s:i, s:s}", "id", (json_int_t)p.id, "type", p.type, "workflow", wf.code,
	    "version", wf.version, "date", date_format(date, d1));
	if (p.batch)
		json_object_set_new(j, "batch", json_string(p.batch));
	if (p.reason)
		json_object_set_new(j, "reason", json_string(p.reason));
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	char obj[32];
	snprintf(obj, sizeof(obj), "%s", ty->village ? "" : c.h.hh_no);
	if (ty->village)
		snprintf(obj, sizeof(obj), "%lld", (long long)p.village);
	rc = txn_audit(t, "proposal.open", obj, detail, e);
	free(detail);
	if (rc == ERR_OK && id)
		*id = p.id;
out:
	arena_free(&a);
	return rc;
}

/* ---- acting ---- */

static bool
parse_votes(const char *s, int v[3])
{
	int k = 0;
	const char *p = s;
	while (k < 3) {
		if (*p < '0' || *p > '9')
			return false;
		long n = 0;
		while (*p >= '0' && *p <= '9') {
			n = n * 10 + (*p++ - '0');
			if (n > 100000)
				return false;
		}
		v[k++] = (int)n;
		if (k < 3 && *p++ != '/')
			return false;
	}
	return *p == '\0';
}

static bool
assessed_item(const char *code)
{
	static const char *const items[] = { "food_clothing", "education", "medical", "housing", "water" };
	for (size_t i = 0; i < NELEM(items); i++)
		if (strcmp(items[i], code) == 0)
			return true;
	return false;
}

static char *
failing_reasons(const struct checklist *r, struct arena *a)
{
	struct buf b;
	buf_init(&b);
	bool en = msg_lang() == LANG_EN;
	bool done[NELEM(r->lines)] = { false };
	for (size_t i = 0; i < r->n; i++) {
		if (r->lines[i].pass || done[i])
			continue;
		const char *why = en ? r->lines[i].reason_en : r->lines[i].reason;
		if (b.n)
			buf_puts(&b, en ? "; " : "；");
		/* the home visit's items are named (their reasons do not say which), and the lines failing for the same
		 * reason (no home visit at all) are given once with all their items */
		if (assessed_item(r->lines[i].code)) {
			buf_puts(&b, check_line_label(r->lines[i].code));
			for (size_t j = i + 1; j < r->n; j++)
				if (!r->lines[j].pass && assessed_item(r->lines[j].code) &&
				    strcmp(en ? r->lines[j].reason_en : r->lines[j].reason, why) == 0) {
					buf_puts(&b, en ? ", " : "、");
					buf_puts(&b, check_line_label(r->lines[j].code));
					done[j] = true;
				}
			buf_puts(&b, en ? ": " : "：");
		}
		buf_puts(&b, why);
	}
	char *s = arena_strndup(a, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}

enum err
proposal_act(struct txn *t, const struct proposal_user *u, const struct proposal_action *r, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	enum err rc;
	char d1[11], d2[11], sid[24];
	struct proposal_view v;
	snprintf(sid, sizeof(sid), "%lld", (long long)r->id);
	if ((rc = proposal_load(t->st, r->id, &v, &a, e)) != ERR_OK)
		goto out;
	struct proposal *p = &v.p;
	const struct proposal_type *ty = type_find(p->type);
	if (!ty) {
		rc = errinfo_set(e, ERR_INVALID, "type", MSG_PROPOSAL_TYPE, p->type, "");
		goto out;
	}
	const char *action = r->action ? r->action : "";
	bool approve = strcmp(action, "approve") == 0, reject = strcmp(action, "reject") == 0,
	     object = strcmp(action, "object") == 0;
	if (!approve && !reject && !object) {
		rc = errinfo_set(e, ERR_INVALID, "action", MSG_PROPOSAL_ACTION, action);
		goto out;
	}
	if (p->state != PS_OPEN || !v.step) {
		rc = errinfo_set(e, ERR_CONFLICT, "action", MSG_PROPOSAL_CLOSED, sid, proposal_state_label(p->state));
		goto out;
	}
	const struct wf_step *cur = v.step;
	if (r->step && *r->step && strcmp(r->step, cur->code) != 0) {
		int k = workflow_step_index(&v.wf, r->step);
		rc = errinfo_set(e, ERR_CONFLICT, "step", MSG_PROPOSAL_WRONG_STEP, sid, workflow_step_label(cur),
		    k >= 0 ? workflow_step_label(&v.wf.steps[k]) : r->step);
		goto out;
	}
	if (!workflow_role_may(cur, u ? u->role : NULL)) {
		char roles[160];
		size_t k = 0;
		roles[0] = '\0';
		for (size_t i = 0; i < cur->n_roles; i++)
			k += (size_t)snprintf(roles + k, sizeof(roles) - k, "%s%s", i ? "、" : "", role_label(cur->roles[i]));
		rc = errinfo_set(e, ERR_FORBIDDEN, "step", MSG_PROPOSAL_ROLE, workflow_step_label(cur), roles,
		    role_label(u->role));
		goto out;
	}
	int date = r->date ? r->date : t->today;
	if (date > t->today) {
		rc = errinfo_set(e, ERR_INVALID, "date", MSG_ACT_FUTURE, date_format(date, d1));
		goto out;
	}
	int last = v.n_acts ? v.acts[v.n_acts - 1].day : p->opened;
	if (date < last) {
		rc = errinfo_set(e, ERR_INVALID, "date", MSG_PROPOSAL_DATE_BEFORE, date_format(date, d1),
		    date_format(last, d2));
		goto out;
	}
	int votes[3] = { -1, -1, -1 };
	bool has_override = r->override && *r->override;
	int64_t expected = p->version;
	struct pctx c = { .st = t->st, .t = t, .a = &a, .p = p };
	if ((rc = load_subject(&c, e)) != ERR_OK)
		goto out;
	const char *decision = action;
	if (r->note && utf8_len(r->note, strlen(r->note)) > PROPOSAL_NOTE_MAX) {
		rc = errinfo_set(e, ERR_INVALID, "note", MSG_TOO_LONG, PROPOSAL_NOTE_MAX);
		goto out;
	}
	if (object) {
		if (cur->days <= 0) {
			rc = errinfo_set(e, ERR_CONFLICT, "action", MSG_OBJECT_NOT_NOTICE, workflow_step_label(cur));
			goto out;
		}
		if (!r->note || str_trim(str_from(r->note)).n == 0) {
			rc = errinfo_set(e, ERR_INVALID, "note", MSG_OBJECTION_NOTE);
			goto out;
		}
		if (has_override) {
			rc = errinfo_set(e, ERR_INVALID, "override", MSG_OVERRIDE_NOT_NEEDED);
			goto out;
		}
		p->step_no = cur->back_to;
		p->step_since = date;
	} else if (reject) {
		if (has_override) {
			rc = errinfo_set(e, ERR_INVALID, "override", MSG_OVERRIDE_NOT_NEEDED);
			goto out;
		}
		p->state = PS_REJECTED;
	} else {
		if (cur->days > 0 && date < v.notice_end) {
			char d3[11];
			rc = errinfo_set(e, ERR_CONFLICT, "date", MSG_NOTICE_NOT_OVER, date_format(p->step_since, d1), cur->days,
			    date_format(v.notice_end, d3));
			goto out;
		}
		if (cur->votes) {
			if (!r->votes || !*r->votes) {
				rc = errinfo_set(e, ERR_INVALID, "votes", MSG_VOTES_REQUIRED);
				goto out;
			}
			if (!parse_votes(r->votes, votes)) {
				rc = errinfo_set(e, ERR_INVALID, "votes", MSG_BAD_VOTES, r->votes);
				goto out;
			}
			/* approved by the review only if more than half of those voting were for it; none cast (0/0/0, the
			 * boxes left empty) is no votes given */
			int cast = votes[0] + votes[1] + votes[2];
			if (cast == 0) {
				rc = errinfo_set(e, ERR_INVALID, "votes", MSG_VOTES_REQUIRED);
				goto out;
			}
			if (votes[0] * 2 <= cast) {
				rc = errinfo_set(e, ERR_CONFLICT, "votes", MSG_VOTES_NOT_CARRIED, votes[0], cast);
				goto out;
			}
		}
		if (cur->check && ty->check) {
			struct checklist cr;
			if ((rc = ty->check(&c, date, &cr, e)) != ERR_OK)
				goto out;
			for (size_t i = 0; i < cr.n; i++)
				if (!cr.lines[i].pass && cr.lines[i].hard) {
					struct checklist hard = { .n = 1 };
					hard.lines[0] = cr.lines[i];
					rc = errinfo_set(e, ERR_CONFLICT, cr.lines[i].code, MSG_CHECK_REFUSED, failing_reasons(&hard, &a));
					goto out;
				}
			if (!cr.pass && !has_override) {
				rc = errinfo_set(e, ERR_CONFLICT, "override", MSG_CHECK_FAILED, failing_reasons(&cr, &a));
				goto out;
			}
			if (cr.pass && has_override) {
				rc = errinfo_set(e, ERR_INVALID, "override", MSG_OVERRIDE_NOT_NEEDED);
				goto out;
			}
			char *json = checklist_json(&cr);
			p->check_result = arena_strdup(&a, json);
			free(json);
			p->override = has_override ? (char *)r->override : NULL;
		} else if (has_override) {
			rc = errinfo_set(e, ERR_INVALID, "override", MSG_OVERRIDE_NOT_NEEDED);
			goto out;
		}
		p->step_no++;
		p->step_since = date;
		if (p->step_no >= (int)v.wf.n_steps) {
			p->state = PS_APPROVED;
			if (ty->effect && (rc = ty->effect(&c, date, e)) != ERR_OK)
				goto out;
		}
	}
	p->updated_at = t->now;
	if ((rc = store_proposal_update(t->st, p, expected, e)) != ERR_OK)
		goto out;
	struct proposal_act x = {
		.proposal_id = p->id,
		.seq = (int)v.n_acts + 1,
		.step = cur->code,
		.decision = (char *)decision,
		.day = date,
		.actor = (char *)(u && u->name ? u->name : t->actor),
		.note = (char *)r->note,
		.override = has_override ? (char *)r->override : NULL,
		.votes_for = votes[0],
		.votes_against = votes[1],
		.votes_abstain = votes[2],
		.recorded_at = t->now,
	};
	if ((rc = store_proposal_act_insert(t->st, &x, e)) != ERR_OK)
		goto out;
	json_t *j = json_pack("{s:I, s:s, s:s, s:s}", "proposal", (json_int_t)p->id, "step", cur->code, "decision",
	    decision, "date", date_format(date, d1));
	if (r->note && *r->note)
		json_object_set_new(j, "note", json_string(r->note));
	if (has_override)
		json_object_set_new(j, "override", json_string(r->override));
	if (p->event_id && p->state == PS_APPROVED)
		json_object_set_new(j, "event", json_integer(p->event_id));
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	char obj[32];
	if (p->household_id)
		snprintf(obj, sizeof(obj), "%s", c.h.hh_no);
	else
		snprintf(obj, sizeof(obj), "%lld", (long long)p->village);
	rc = txn_audit(t, has_override ? "proposal.override" : "proposal.act", obj, detail, e);
	free(detail);
out:
	arena_free(&a);
	return rc;
}

/* ---- listing ---- */

/* Whose inbox a step is in: the first of its roles that an account (not locked) holds over the proposal's
 * village. A village's steps wait for its village clerk, or for the town where the village has no clerk's
 * account, or for the county; the roles after it may still act (a stand-in) and find the proposal among the
 * open ones. Where no account holds any of them, every role that may act has it. */
static bool
step_waits_for(const struct wf_step *s, int64_t village, const char *role, const struct user *us, size_t nu)
{
	for (size_t r = 0; r < s->n_roles; r++)
		for (size_t i = 0; i < nu; i++) {
			int64_t lo, hi;
			division_range(us[i].division, &lo, &hi);
			if (!us[i].locked && us[i].role && strcmp(us[i].role, s->roles[r]) == 0 && us[i].division &&
			    lo <= village && village <= hi)
				return strcmp(s->roles[r], role) == 0;
		}
	return workflow_role_may(s, role);
}

enum err
proposal_list(struct store *st, const struct proposal_query *q, struct proposal_view **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	struct proposal_filter f = { 0 };
	f.lo = 0;
	f.hi = 999999999999LL;
	if (q->division)
		division_range(q->division, &f.lo, &f.hi);
	f.state = q->inbox ? "open" : q->state;
	f.type = q->type;
	f.batch = q->batch;
	*out = NULL;
	*n = 0;
	enum err rc;
	/* a state or a type no proposal has is a mistake to say, not an empty list */
	if (f.state && *f.state && strcmp(f.state, "open") != 0 && strcmp(f.state, "approved") != 0 &&
	    strcmp(f.state, "rejected") != 0)
		return errinfo_set(e, ERR_INVALID, "state", MSG_BAD_PARAM, "state", f.state);
	if (f.type && *f.type && !proposal_type_known(f.type))
		return errinfo_set(e, ERR_INVALID, "type", MSG_BAD_PARAM, "type", f.type);
	if (q->hh_no && *q->hh_no) {
		struct household h;
		rc = store_household_by_no(st, q->hh_no, &h, a, e);
		if (rc == ERR_NOTFOUND)
			return ERR_OK;
		if (rc != ERR_OK)
			return rc;
		f.household_id = h.id;
	}
	struct proposal *ps;
	size_t np;
	if ((rc = store_proposal_list(st, &f, &ps, &np, a, e)) != ERR_OK)
		return rc;
	struct user *us = NULL;
	size_t nu = 0;
	if (q->inbox && np && (rc = store_user_list(st, &us, &nu, a, e)) != ERR_OK)
		return rc;
	struct proposal_view *v = arena_alloc(a, (np + 1) * sizeof(*v));
	/* workflows by id, read once each */
	struct workflow *wfs = arena_alloc(a, (np + 1) * sizeof(*wfs));
	size_t nw = 0, k = 0;
	for (size_t i = 0; i < np; i++) {
		const struct workflow *wf = NULL;
		for (size_t w = 0; w < nw && !wf; w++)
			if (wfs[w].id == ps[i].workflow_id)
				wf = &wfs[w];
		if (!wf) {
			if ((rc = workflow_get(st, ps[i].workflow_id, &wfs[nw], a, e)) != ERR_OK)
				return rc;
			wf = &wfs[nw++];
		}
		struct proposal_view *x = &v[k];
		memset(x, 0, sizeof(*x));
		x->p = ps[i];
		x->wf = *wf;
		fill_view(st, x, a);
		if (q->step && *q->step && (!x->step || strcmp(x->step->code, q->step) != 0))
			continue;
		if (q->inbox && (!x->step || !step_waits_for(x->step, x->p.village, q->inbox_role, us, nu)))
			continue;
		k++;
	}
	*out = v;
	*n = k;
	return ERR_OK;
}

/* ---- the printable notice ---- */

struct notice_row {
	struct proposal_view v;
	int64_t size;
};

static int
notice_row_cmp(const void *pa, const void *pb)
{
	const struct proposal *x = &((const struct notice_row *)pa)->v.p, *y = &((const struct notice_row *)pb)->v.p;
	if (x->village != y->village)
		return x->village < y->village ? -1 : 1;
	int c = strcmp(x->hh_no ? x->hh_no : "", y->hh_no ? y->hh_no : "");
	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

enum err
proposal_notice(struct store *st, int64_t id, struct notice *nt, struct arena *a, struct errinfo *e)
{
	memset(nt, 0, sizeof(*nt));
	struct proposal_view v;
	enum err rc = proposal_load(st, id, &v, a, e);
	if (rc != ERR_OK)
		return rc;
	int idx = -1, start = 0;
	if (v.step && v.step->print) {
		idx = v.p.step_no;
		start = v.p.step_since;
	} else {
		/* the last printable step it passed; a notice starts the day the step became current */
		for (size_t i = 0; i < v.n_acts; i++) {
			int k = workflow_step_index(&v.wf, v.acts[i].step);
			if (k >= 0 && v.wf.steps[k].print && strcmp(v.acts[i].decision, "approve") == 0) {
				idx = k;
				start = strcmp(v.wf.steps[k].print, "announce") == 0 ? v.acts[i].day
				    : i ? v.acts[i - 1].day : v.p.opened;
			}
		}
	}
	if (idx < 0) {
		char s[24];
		snprintf(s, sizeof(s), "%lld", (long long)id);
		return errinfo_set(e, ERR_NOTFOUND, "id", MSG_NOTICE_NONE, s);
	}
	const struct wf_step *s = &v.wf.steps[idx];
	nt->kind = s->print;
	nt->step = s;
	nt->start = start;
	nt->days = s->days;
	nt->end = s->days ? date_add_days(start, s->days) : start;
	nt->village = v.p.village;
	nt->village_name = v.village_name;
	nt->town_name = v.town_name;
	struct division d;
	if (store_division_get(st, v.p.village, &d, a, NULL) == ERR_OK && d.parent) {
		struct division town;
		if (store_division_get(st, d.parent, &town, a, NULL) == ERR_OK && town.parent) {
			struct division county;
			if (store_division_get(st, town.parent, &county, a, NULL) == ERR_OK)
				nt->county_name = county.name;
		}
	}
	/* the list: the village's proposals at the same notice (公示), or the batch's announced together (公告) */
	bool announce = strcmp(s->print, "announce") == 0;
	struct proposal_query q = { 0 };
	q.division = announce && v.p.batch ? 0 : v.p.village;
	q.batch = announce ? v.p.batch : NULL;
	struct proposal_view *all;
	size_t na;
	if ((rc = proposal_list(st, &q, &all, &na, a, e)) != ERR_OK)
		return rc;
	nt->rows = arena_alloc(a, (na + 1) * sizeof(*nt->rows));
	nt->sizes = arena_alloc(a, (na + 1) * sizeof(int64_t));
	for (size_t i = 0; i < na; i++) {
		struct proposal_view *x = &all[i];
		bool same;
		if (x->p.id == v.p.id)
			same = true;
		else if (x->wf.id != v.wf.id)
			same = false;
		else if (v.p.state == PS_OPEN)
			/* the notice as posted now: the others at this step since the same day */
			same = x->step && x->p.step_no == idx && x->p.step_since == start;
		else if (announce)
			same = x->p.state == PS_APPROVED && !x->step && x->p.step_since == start && (v.p.batch != NULL);
		else
			same = false;
		if (!same)
			continue;
		nt->rows[nt->n_rows] = *x;
		int64_t size = 0;
		if (x->p.household_id)
			store_household_size(st, x->p.household_id, start, &size, NULL);
		else if (x->p.payload && !proposal_type_village(x->p.type)) {
			/* a household proposed, not registered yet: its members as proposed */
			json_t *j = json_loads(x->p.payload, 0, NULL);
			size = (int64_t)json_array_size(json_object_get(j, "members"));
			json_decref(j);
		}
		nt->sizes[nt->n_rows++] = size;
	}
	/* posted in village and 户编号 order whatever the list's (decided proposals come latest first there: a
	 * 公告 ran from the last 户编号 to the first) */
	struct notice_row *nr = arena_alloc(a, (nt->n_rows + 1) * sizeof(*nr));
	for (size_t i = 0; i < nt->n_rows; i++)
		nr[i] = (struct notice_row){ nt->rows[i], nt->sizes[i] };
	qsort(nr, nt->n_rows, sizeof(*nr), notice_row_cmp);
	for (size_t i = 0; i < nt->n_rows; i++) {
		nt->rows[i] = nr[i].v;
		nt->sizes[i] = nr[i].size;
	}
	return ERR_OK;
}

/* ---- the exit analysis sheet ---- */

enum err
proposal_exit_sheet(struct store *st, int64_t id, struct exit_sheet *s, struct arena *a, struct errinfo *e)
{
	memset(s, 0, sizeof(*s));
	enum err rc = proposal_load(st, id, &s->v, a, e);
	if (rc != ERR_OK)
		return rc;
	if (strcmp(s->v.p.type, "exit") != 0 || !s->v.p.household_id) {
		char sid[24];
		snprintf(sid, sizeof(sid), "%lld", (long long)id);
		return errinfo_set(e, ERR_NOTFOUND, "id", MSG_PROPOSAL_NOT_FOUND, sid);
	}
	int date = date_today();
	if (s->v.p.check_result) {
		json_t *j = json_loads(s->v.p.check_result, 0, NULL);
		const char *d = json_string_value(json_object_get(j, "date"));
		int x;
		if (d && date_parse(str_from(d), &x))
			date = x;
		json_decref(j);
	}
	struct household h;
	if ((rc = store_household_by_id(st, s->v.p.household_id, &h, a, e)) != ERR_OK)
		return rc;
	struct proposal p = s->v.p;
	struct pctx c = { .st = st, .a = a, .p = &p, .h = h };
	if ((rc = check_exit(&c, date, &s->check, e)) != ERR_OK)
		return rc;
	if ((rc = store_members_at(st, h.id, date, &s->members, &s->n_members, a, e)) != ERR_OK)
		return rc;
	struct assessment *as;
	size_t na;
	if ((rc = store_assessments(st, h.id, &as, &na, a, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < na && !s->assessment; i++)
		if (as[i].day <= date)
			s->assessment = &as[i];
	return ERR_OK;
}

/* ---- the villages' exit ---- */

static int
cmp_cell_village(const void *a, const void *b)
{
	const struct stat_cell *x = a, *y = b;
	return x->village < y->village ? -1 : x->village > y->village;
}

/* The first of cells (sorted by village) of village, or cells + n. */
static const struct stat_cell *
cells_of(const struct stat_cell *cells, size_t n, int64_t village)
{
	return cells + lower_bound_i64(cells, n, sizeof(*cells), offsetof(struct stat_cell, village), village);
}

enum err
village_exit_list(struct store *st, int64_t division, int day, struct village_row **out, size_t *n, int *threshold,
    struct arena *a, struct errinfo *e)
{
	int64_t lo = 0, hi = 999999999999LL;
	if (division)
		division_range(division, &lo, &hi);
	*threshold = settings_village_threshold(st);
	struct division *ds;
	size_t nd;
	enum err rc = store_division_range(st, lo, hi, &ds, &nd, a, e);
	if (rc != ERR_OK)
		return rc;
	struct stat_cell *cells;
	size_t nc;
	if ((rc = store_stats(st, day, 0, lo, hi, &cells, &nc, a, e)) != ERR_OK)
		return rc;
	qsort(cells, nc, sizeof(*cells), cmp_cell_village);
	struct proposal_query q = { .division = division, .state = "open", .type = "village_exit" };
	struct proposal_view *ps;
	size_t np;
	if ((rc = proposal_list(st, &q, &ps, &np, a, e)) != ERR_OK)
		return rc;
	struct village_row *v = arena_alloc(a, (nd + 1) * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < nd; i++) {
		if (ds[i].level != LV_VILLAGE || !ds[i].poor_village || !store_in_scope(st, ds[i].code))
			continue;
		struct village_row *r = &v[k++];
		memset(r, 0, sizeof(*r));
		r->v = ds[i];
		const struct division *town = division_find(ds, nd, ds[i].parent);
		if (town)
			r->town_name = town->name;
		for (const struct stat_cell *c = cells_of(cells, nc, ds[i].code); c < cells + nc && c->village == ds[i].code; c++)
			if (status_current_poor(c->status))
				r->poor_persons += c->persons;
		r->incidence = ds[i].rural_pop > 0 ? div_round(r->poor_persons * 10000, ds[i].rural_pop) : -1;
		r->below = ds[i].rural_pop > 0 && r->poor_persons * 10000 < (int64_t)*threshold * ds[i].rural_pop;
		for (size_t j = 0; j < np; j++)
			if (ps[j].p.village == ds[i].code) {
				r->proposal = ps[j].p.id;
				r->step = ps[j].step ? ps[j].step->code : NULL;
			}
	}
	*out = v;
	*n = k;
	return ERR_OK;
}
