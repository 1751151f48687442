/* api_proposal.c: the proposal routes (ARCHITECTURE.md §10): open, list (and the inbox), show, act, the
 * printable notice and exit analysis sheet; assessments of a household; workflows; settings; the villages'
 * exit. Same domain calls as cli_proposal.c; the store is scoped to the user's divisions (out of scope: 404). */
#include <string.h>

#include "domain/audit.h"
#include "domain/monitor.h"
#include "domain/proposal.h"
#include "http/api.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view_proposal.h"

static struct proposal_user
user_of(struct req *r)
{
	struct proposal_user u = { r->user.name, r->user.role };
	return u;
}

static bool
body_date(struct req *r, json_t *j, const char *key, int *out)
{
	const char *s = json_string_value(json_object_get(j, key));
	*out = 0;
	if (!s || !*s)
		return true;
	if (!date_parse(str_from(s), out)) {
		reply_fail(r, ERR_INVALID, key, MSG_BAD_DATE, s);
		return false;
	}
	return true;
}

static void
reply_proposal(struct req *r, int64_t id, int status)
{
	struct proposal_view v;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_load(r->st, id, &v, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct proposal_user u = user_of(r);
	reply_json(r, status, view_proposal_json(&v, &u, true));
}

static bool
path_id(struct req *r, int64_t *id)
{
	if (!parse_i64(r->params[0], strlen(r->params[0]), id) || *id <= 0) {
		reply_fail(r, ERR_NOTFOUND, "id", MSG_PROPOSAL_NOT_FOUND, r->params[0]);
		return false;
	}
	return true;
}

void
api_proposal_create(struct req *r)
{
	json_t *j = req_json(r, "type:s household:s? village:s? effective:s? reason:s? batch:s? channel:s? date:s? "
	    "monitor_type:s? risks:a? way:s? new_household:o?");
	if (!j)
		return;
	struct proposal_new q = { 0 };
	q.type = json_string_value(json_object_get(j, "type"));
	q.hh_no = json_string_value(json_object_get(j, "household"));
	const char *v = json_string_value(json_object_get(j, "village"));
	if (v && *v && (!parse_i64(v, strlen(v), &q.village) || q.village < 100000000000LL || q.village > 999999999999LL)) {
		reply_fail(r, ERR_INVALID, "village", MSG_DIV_CODE, v);
		json_decref(j);
		return;
	}
	if (!body_date(r, j, "effective", &q.effective) || !body_date(r, j, "date", &q.date)) {
		json_decref(j);
		return;
	}
	q.reason = json_string_value(json_object_get(j, "reason"));
	q.batch = json_string_value(json_object_get(j, "batch"));
	q.channel = json_string_value(json_object_get(j, "channel"));
	q.monitor_type = json_string_value(json_object_get(j, "monitor_type"));
	q.way = json_string_value(json_object_get(j, "way"));
	/* identify, include_missed: the household and its members, checked by the domain as the registry would */
	json_t *nh = json_object_get(j, "new_household");
	char *nh_text = nh ? json_dumps(nh, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	if (nh_text) {
		q.new_household = arena_strdup(&r->a, nh_text);
		free(nh_text);
	}
	/* risks: an array of codes or labels, passed on comma-separated */
	struct buf risks;
	buf_init(&risks);
	json_t *ra = json_object_get(j, "risks");
	for (size_t i = 0; i < json_array_size(ra); i++) {
		const char *x = json_string_value(json_array_get(ra, i));
		if (!x) {
			reply_fail(r, ERR_INVALID, "risks", MSG_BAD_TYPE, "risks", msg_lang() == LANG_EN ? "an array of strings"
			    : "字符串数组");
			buf_free(&risks);
			json_decref(j);
			return;
		}
		struct errinfo e;
		errinfo_clear(&e);
		if (*x && q.type && strcmp(q.type, "monitor_in") == 0 && monitor_risk_item(x, &e) != ERR_OK) {
			reply_error(r, &e);
			buf_free(&risks);
			json_decref(j);
			return;
		}
		if (i)
			buf_puts(&risks, ",");
		buf_puts(&risks, *x ? x : "\"\"");
	}
	buf_putc(&risks, '\0');
	q.risks = ra ? risks.p : NULL;
	if (q.batch && !*q.batch)
		q.batch = NULL;
	struct proposal_user u = user_of(r);
	struct problems probs;   /* a new household's: every one, so the form marks them all at once */
	problems_init(&probs, &r->a);
	q.problems = &probs;
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	int64_t id = 0;
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = proposal_open(&t, &u, &q, &id, &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	buf_free(&risks);
	json_decref(j);
	if (rc != ERR_OK && strcmp(e.code, "not_available") == 0) {
		/* a new household's 户编号 or ID number held outside the user's divisions: refused without naming it,
		 * a conflict with what is stored, and the attempt recorded for the office above, as the registry's
		 * own writes do (api_registry.c) */
		e.err = ERR_CONFLICT;
		json_t *d = json_pack("{s:s, s:s}", "column", e.field, "message", e.message);
		char *detail = json_dumps(d, JSON_COMPACT);
		json_decref(d);
		struct errinfo ae;
		audit_view(r->st, req_actor(r), r->ip, "write.out_of_scope", "proposals", detail, &ae);
		free(detail);
	}
	if (rc == ERR_INVALID && probs.n_errors > 0) {
		json_t *a = json_array();
		for (size_t i = 0; i < probs.n; i++)
			json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "field", probs.v[i].column, "code",
			    probs.v[i].code, "message", probs.v[i].message));
		reply_error_data(r, &e, json_pack("{s:o}", "problems", a));
		return;
	}
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_proposal(r, id, 201);
}

void
api_proposals(struct req *r)
{
	struct proposal_query q = { 0 };
	if (!q_division(r, &q.division) || !q_text(r, "state", 16, &q.state) || !q_text(r, "step", 32, &q.step) ||
	    !q_text(r, "batch", 100, &q.batch) || !q_text(r, "type", 32, &q.type) || !q_text(r, "household", 40, &q.hh_no))
		return;
	q.inbox = q_bool(r, "inbox");
	q.inbox_role = r->user.role;
	struct proposal_view *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_list(r->st, &q, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	/* the inbox count for the navigation, whatever the filters */
	struct proposal_query iq = { .inbox = true, .inbox_role = r->user.role };
	struct proposal_view *iv;
	size_t in = 0;
	if (!q.inbox && proposal_list(r->st, &iq, &iv, &in, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct proposal_user u = user_of(r);
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, view_proposal_json(&v[i], &u, false));
	reply_json(r, 200, json_pack("{s:o, s:I, s:I}", "rows", rows, "total", (json_int_t)n, "inbox",
	    (json_int_t)(q.inbox ? n : in)));
}

void
api_proposal(struct req *r)
{
	int64_t id;
	if (path_id(r, &id))
		reply_proposal(r, id, 200);
}

void
api_proposal_act(struct req *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return;
	json_t *j = req_json(r, "action:s step:s? date:s? note:s? votes:o? override:s?");
	if (!j)
		return;
	struct proposal_action q = { 0 };
	q.id = id;
	q.action = json_string_value(json_object_get(j, "action"));
	q.step = json_string_value(json_object_get(j, "step"));
	q.note = json_string_value(json_object_get(j, "note"));
	q.override = json_string_value(json_object_get(j, "override"));
	if (!body_date(r, j, "date", &q.date)) {
		json_decref(j);
		return;
	}
	json_t *votes = json_object_get(j, "votes");
	if (votes) {
		json_t *f = json_object_get(votes, "for"), *a = json_object_get(votes, "against"),
		       *b = json_object_get(votes, "abstain");
		if (!json_is_integer(f) || !json_is_integer(a) || !json_is_integer(b) || json_object_size(votes) != 3) {
			reply_fail(r, ERR_INVALID, "votes", MSG_BAD_VOTES, "votes");
			json_decref(j);
			return;
		}
		q.votes = arena_printf(&r->a, "%lld/%lld/%lld", (long long)json_integer_value(f),
		    (long long)json_integer_value(a), (long long)json_integer_value(b));
	}
	struct proposal_user u = user_of(r);
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = proposal_act(&t, &u, &q, &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_proposal(r, id, 200);
}

static void
reply_html(struct req *r, struct buf *b)
{
	r->status = 200;
	buf_reset(&r->out);
	buf_append(&r->out, b->p, b->n);
	r->ctype = "text/html; charset=utf-8";
	/* a page to print: its own style sheet inline, no script at all */
	r->csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; "
		 "base-uri 'none'; form-action 'none'";
}

void
api_proposal_notice(struct req *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return;
	struct notice n;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_notice(r->st, id, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	const char *format = req_query(r, "format");
	if (format && strcmp(format, "json") == 0) {
		reply_json(r, 200, view_notice_json(&n));
		return;
	}
	struct buf b;
	buf_init(&b);
	view_notice_html(&b, &n);
	reply_html(r, &b);
	buf_free(&b);
}

void
api_proposal_sheet(struct req *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return;
	struct exit_sheet s;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_exit_sheet(r->st, id, &s, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_exit_sheet_html(&b, &s.v, s.members, s.n_members, s.assessment, &s.check);
	reply_html(r, &b);
	buf_free(&b);
}

void
api_proposal_check(struct req *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	struct proposal_view v;
	if (proposal_load(r->st, id, &v, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	int day;
	if (!q_date(r, "date", &day))
		return;
	if (!day)
		day = date_today();
	struct checklist c;
	bool has;
	if (proposal_check_as_of(r->st, &v, day, &c, &has, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	if (!has) {
		reply_json(r, 200, json_null());
		return;
	}
	reply_json(r, 200, view_checklist_json(&c));
}

void
api_assessments(struct req *r)
{
	struct assessment *x;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (assessment_list(r->st, r->params[0], &x, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, view_assessment_json(&x[i]));
	reply_json(r, 200, json_pack("{s:o}", "rows", rows));
}

static bool
tri_of(struct req *r, json_t *j, const char *key, int *out)
{
	json_t *v = json_object_get(j, key);
	*out = -1;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_boolean(v)) {
		reply_fail(r, ERR_INVALID, key, MSG_BAD_TYPE, key, msg_lang() == LANG_EN ? "true or false" : "true 或 false");
		return false;
	}
	*out = json_is_true(v) ? 1 : 0;
	return true;
}

void
api_assessment_create(struct req *r)
{
	json_t *j = req_json(r, "date:s? assessor:s food:b? clothing:b? education:b? medical:b? housing:s? water:b? "
				"notes:o?");
	if (!j)
		return;
	struct assessment x = { 0 };
	if (!body_date(r, j, "date", &x.day) || !tri_of(r, j, "food", &x.food) || !tri_of(r, j, "clothing", &x.clothing) ||
	    !tri_of(r, j, "education", &x.education) || !tri_of(r, j, "medical", &x.medical) ||
	    !tri_of(r, j, "water", &x.water)) {
		json_decref(j);
		return;
	}
	x.assessor = (char *)json_string_value(json_object_get(j, "assessor"));
	const char *hs = json_string_value(json_object_get(j, "housing"));
	x.housing = hs && *hs ? (char *)hs : NULL;
	json_t *notes = json_object_get(j, "notes");   /* checked by assessment_record */
	char *nt = notes ? json_dumps(notes, JSON_COMPACT) : NULL;
	x.notes = nt ? arena_strdup(&r->a, nt) : NULL;
	free(nt);
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = assessment_record(&t, r->params[0], &x, &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	if (rc != ERR_OK) {
		json_decref(j);
		reply_error(r, &e);
		return;
	}
	json_t *out = view_assessment_json(&x);
	json_decref(j);
	reply_json(r, 201, out);
}

void
api_workflows(struct req *r)
{
	struct workflow *w;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (workflow_list(r->st, &w, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, view_workflow_json(&w[i]));
	if (n == 0) {
		/* the built-in default, used (and stored) by the first proposal */
		struct workflow d;
		if (workflow_parse(workflow_default_json, &d, &r->a, &e) == ERR_OK)
			json_array_append_new(rows, view_workflow_json(&d));
	}
	reply_json(r, 200, json_pack("{s:o}", "rows", rows));
}

/* The office's procedure (whether status changes go through review, the workflows, the thresholds) is the
 * county office's to set (req_county_office), as its assistance settings and lines are: the system
 * administrator, who may set nothing but accounts (docs/SECURITY.md §2), could switch review off or load a
 * one-step workflow, and a village clerk alone then changed a household's status. */

void
api_workflow_load(struct req *r)
{
	if (!req_county_office(r))
		return;
	json_t *j = req_body(r);
	if (!j)
		return;
	json_decref(j);
	char *text = arena_strndup(&r->a, r->body.p, r->body.n);
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	struct workflow w;
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = workflow_load(&t, text, &w, &r->a, &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 201, view_workflow_json(&w));
}

void
api_settings(struct req *r)
{
	json_t *o = json_object();
	for (size_t i = 0; i < n_settings_keys; i++) {
		char *v;
		if (settings_get(r->st, settings_keys[i], &v, &r->a, NULL) == ERR_OK)
			json_object_set_new(o, settings_keys[i], json_string(v));
	}
	reply_json(r, 200, o);
}

void
api_setting_set(struct req *r)
{
	if (!req_county_office(r))
		return;
	json_t *j = req_json(r, "value:s");
	if (!j)
		return;
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = settings_set(&t, r->params[0], json_string_value(json_object_get(j, "value")), &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	api_settings(r);
}

void
api_village_exit(struct req *r)
{
	int day;
	int64_t division;
	if (!q_date(r, "as_of", &day) || !q_division(r, &division))
		return;
	if (!day)
		day = date_today();
	struct village_row *v;
	size_t n;
	int thr;
	struct errinfo e;
	errinfo_clear(&e);
	if (village_exit_list(r->st, division, day, &v, &n, &thr, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_village_exit_json(v, n, day, thr));
}
