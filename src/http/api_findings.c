/* api_findings.c: findings (list with filters, counts by rule and village, one with its history, waive,
 * confirm or refuse a waiver, check again, export a village's for paper) and campaigns (list, create, board).
 * Everything is read in the user's scope; a finding out of scope is not found. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/campaign.h"
#include "domain/export.h"
#include "domain/finding.h"
#include "domain/import.h"
#include "http/api.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

static struct finding_actor
actor(struct req *r)
{
	return (struct finding_actor){ .name = req_actor(r), .ip = r->ip,
		.level = r->user.division ? division_level_of(r->user.division) : 0 };
}

/* The filters of GET /api/findings (and its summary and export); false after answering. */
static bool
query(struct req *r, struct finding_query *q)
{
	memset(q, 0, sizeof(*q));
	q->state = q->rule = q->category = -1;
	if (!q_division(r, &q->division))
		return false;
	const char *v;
	if ((v = req_query(r, "state")) && *v) {
		enum finding_state s;
		if (!finding_state_from_code(v, &s)) {
			reply_fail(r, ERR_INVALID, "state", MSG_BAD_PARAM, "state", v);
			return false;
		}
		q->state = (int)s;
	}
	q->pending = q_bool(r, "pending");
	if ((v = req_query(r, "rule")) && *v && (q->rule = rule_find(v)) < 0) {
		reply_fail(r, ERR_INVALID, "rule", MSG_RULE_UNKNOWN, v);
		return false;
	}
	if ((v = req_query(r, "category")) && *v) {
		enum category c;
		if (!category_from_code(v, &c)) {
			reply_fail(r, ERR_INVALID, "category", MSG_BAD_PARAM, "category", v);
			return false;
		}
		q->category = (int)c;
	}
	if (!q_text(r, "household", 32, &q->hh_no) || !q_text(r, "campaign", 200, &q->campaign))
		return false;
	return true;
}

void
api_findings(struct req *r)
{
	struct finding_query q;
	int page, per;
	if (!query(r, &q) || !q_int(r, "page", 1, 1000000, 1, &page) || !q_int(r, "per_page", 1, 500, 50, &per))
		return;
	q.limit = per;
	q.offset = (page - 1) * per;
	struct finding_row *v;
	size_t n;
	int64_t total;
	struct errinfo e;
	errinfo_clear(&e);
	if (finding_list(r->st, &q, &v, &n, &total, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *j = view_findings_json(v, n, total, &r->a);
	/* each finding with the names of its village and town */
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(j, "rows"), i, x) {
		struct division vd, td;
		if (store_division_get(r->st, v[i].village, &vd, &r->a, &e) == ERR_OK) {
			json_object_set_new(x, "village_name", json_string(vd.name));
			if (vd.level == LV_VILLAGE && store_division_get(r->st, vd.parent, &td, &r->a, &e) == ERR_OK)
				json_object_set_new(x, "town_name", json_string(td.name));
		}
	}
	json_object_set_new(j, "page", json_integer(page));
	json_object_set_new(j, "per_page", json_integer(per));
	reply_json(r, 200, j);
}

void
api_findings_summary(struct req *r)
{
	struct finding_query q;
	if (!query(r, &q))
		return;
	struct finding_count *br, *bv;
	size_t nr, nv;
	struct errinfo e;
	errinfo_clear(&e);
	if (finding_counts(r->st, &q, true, &br, &nr, &r->a, &e) != ERR_OK ||
	    finding_counts(r->st, &q, false, &bv, &nv, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	/* the villages' divisions, each once and by code (the counts come by village) */
	struct division *dv = arena_alloc(&r->a, (nv + 1) * sizeof(*dv));
	size_t nd = 0;
	for (size_t i = 0; i < nv; i++)
		if ((i == 0 || bv[i].village != bv[i - 1].village) &&
		    store_division_get(r->st, bv[i].village, &dv[nd], &r->a, &e) == ERR_OK)
			nd++;
	reply_json(r, 200, view_finding_counts_json(br, nr, bv, nv, dv, nd));
}

static bool
finding_id(struct req *r, int64_t *id)
{
	if (!parse_i64(r->params[0], strlen(r->params[0]), id) || *id < 1) {
		reply_fail(r, ERR_NOTFOUND, "id", MSG_FINDING_NOT_FOUND, r->params[0]);
		return false;
	}
	return true;
}

static void
reply_finding(struct req *r, int64_t id, int status)
{
	struct finding_view v;
	struct errinfo e;
	errinfo_clear(&e);
	if (finding_get(r->st, id, &v, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, status, view_finding_json(&v, &r->a));
}

void
api_finding(struct req *r)
{
	int64_t id;
	if (finding_id(r, &id))
		reply_finding(r, id, 200);
}

void
api_finding_waive(struct req *r)
{
	int64_t id;
	if (!finding_id(r, &id))
		return;
	json_t *j = req_json(r, "reason:s");
	if (!j)
		return;
	struct finding_actor by = actor(r);
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = finding_waive(r->st, &by, id, json_string_value(json_object_get(j, "reason")), NULL, &r->a, &e);
	json_decref(j);
	if (rc != ERR_OK)
		reply_error(r, &e);
	else
		reply_finding(r, id, 200);
}

void
api_finding_waiver(struct req *r)
{
	int64_t id;
	if (!finding_id(r, &id))
		return;
	json_t *j = req_json(r, "decision:s note:s?");
	if (!j)
		return;
	const char *d = json_string_value(json_object_get(j, "decision"));
	if (strcmp(d, "confirm") != 0 && strcmp(d, "refuse") != 0) {
		reply_fail(r, ERR_INVALID, "decision", MSG_BAD_PARAM, "decision", d);
		json_decref(j);
		return;
	}
	struct finding_actor by = actor(r);
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = finding_decide(r->st, &by, id, strcmp(d, "confirm") == 0,
	    json_string_value(json_object_get(j, "note")), NULL, &r->a, &e);
	json_decref(j);
	if (rc != ERR_OK)
		reply_error(r, &e);
	else
		reply_finding(r, id, 200);
}

void
api_finding_recheck(struct req *r)
{
	int64_t id;
	if (!finding_id(r, &id))
		return;
	struct finding_actor by = actor(r);
	struct errinfo e;
	errinfo_clear(&e);
	if (finding_recheck(r->st, id, &by, NULL, &r->a, &e) != ERR_OK)
		reply_error(r, &e);
	else
		reply_finding(r, id, 200);
}

void
api_findings_export(struct req *r)
{
	struct finding_query q;
	if (!query(r, &q))
		return;
	if (q.state < 0 && !q.pending)
		q.state = FS_OPEN;
	enum q_form form;
	if (!q_format(r, FORM_XLSX, false, &form))
		return;
	enum sheet_kind kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	int rows;
	struct finding_actor by = actor(r);
	if (finding_export(r->st, &by, &q, path, kind, &rows, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	/* 问题清单-DIVISION-DATE, the division asked or the top of the user's scope, as the other downloads */
	char d[11];
	reply_sheet(r, path, kind, export_file_name(r->st, msg_lang() == LANG_EN ? "findings" : "问题清单", q.division,
	    date_format(date_today(), d), kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}

/* ---- campaigns ---- */

void
api_campaigns(struct req *r)
{
	struct campaign_board *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (campaign_list(r->st, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_campaigns_json(v, n));
}

static void
reply_campaign(struct req *r, const char *name, int status)
{
	const char *by = req_query(r, "by");
	if (by && *by && strcmp(by, "town") != 0 && strcmp(by, "village") != 0) {
		reply_fail(r, ERR_INVALID, "by", MSG_BAD_PARAM, "by", by);
		return;
	}
	struct campaign_board b;
	struct errinfo e;
	errinfo_clear(&e);
	if (campaign_show(r->st, name, by && strcmp(by, "village") == 0 ? LV_VILLAGE : LV_TOWN, &b, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, status, view_campaign_json(&b));
}

void
api_campaign(struct req *r)
{
	reply_campaign(r, r->params[0], 200);
}

void
api_campaign_close(struct req *r)
{
	json_t *j = req_json(r, "note:s?");
	if (!j)
		return;
	struct finding_actor by = actor(r);
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = campaign_close(r->st, &by, r->params[0], json_string_value(json_object_get(j, "note")), &e);
	json_decref(j);
	if (rc != ERR_OK)
		reply_error(r, &e);
	else
		reply_campaign(r, r->params[0], 200);
}

void
api_campaign_create(struct req *r)
{
	json_t *j = req_json(r, "name:s rules:s start:s? deadline:s? division:s?");
	if (!j)
		return;
	struct campaign_req q = { .name = json_string_value(json_object_get(j, "name")),
		.rules = json_string_value(json_object_get(j, "rules")) };
	static const char *const dates[] = { "start", "deadline" };
	int *slot[] = { &q.start, &q.deadline };
	for (size_t i = 0; i < NELEM(dates); i++) {
		const char *v = json_string_value(json_object_get(j, dates[i]));
		if (v && *v && !date_parse(str_from(v), slot[i])) {
			reply_fail(r, ERR_INVALID, dates[i], MSG_BAD_DATE, v);
			json_decref(j);
			return;
		}
	}
	const char *div = json_string_value(json_object_get(j, "division"));
	struct errinfo e;
	errinfo_clear(&e);
	if (div && *div) {
		struct division d;
		if (division_resolve(r->st, div, &d, &r->a, &e) != ERR_OK) {
			snprintf(e.field, sizeof(e.field), "division");
			reply_error(r, &e);
			json_decref(j);
			return;
		}
		q.division = d.code;
	}
	struct finding_actor by = actor(r);
	struct campaign_row c;
	enum err rc = campaign_create(r->st, &by, &q, &c, &r->a, &e);
	json_decref(j);
	if (rc != ERR_OK)
		reply_error(r, &e);
	else
		reply_campaign(r, c.name, 201);
}
