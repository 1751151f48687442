/* api_monitor.c: 防返贫动态监测 over HTTP: the monitoring list and figures (the same JSON as `tuopin monitor
 * list|stats`), the monitoring line, a household's cases and programme memberships. Cases are opened and closed
 * through POST /api/proposals (monitor_in, risk_eliminate). Everything is scoped by the store. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "domain/codes.h"
#include "domain/export.h"
#include "domain/monitor.h"
#include "http/api.h"
#include "http/http.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view_monitor.h"

static bool
q_code(struct req *r, const char *name, enum codelist cl, const char **out)
{
	const char *s;
	if (!q_text(r, name, 32, &s))
		return false;
	*out = NULL;
	if (!s)
		return true;
	const struct code *c = code_find(cl, str_from(s));
	if (!c) {
		reply_fail(r, ERR_INVALID, name, MSG_BAD_PARAM, name, s);
		return false;
	}
	*out = c->code;
	return true;
}

void
api_monitor_stats(struct req *r)
{
	int day = 0;
	int64_t division = 0;
	if (!q_date(r, "as_of", &day) || !q_division(r, &division))
		return;
	const char *by = req_query(r, "by");
	int level = 0;
	if (by && strcmp(by, "town") == 0)
		level = LV_TOWN;
	else if (by && strcmp(by, "village") == 0)
		level = LV_VILLAGE;
	else if (by && *by) {
		reply_fail(r, ERR_INVALID, "by", MSG_BAD_PARAM, "by", by);
		return;
	}
	struct monitor_stats res;
	struct errinfo e;
	errinfo_clear(&e);
	if (monitor_stats(r->st, day, division, level, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_monitor_stats_json(&res));
}

void
api_monitor_list(struct req *r)
{
	struct monitor_query q = { 0 };
	if (!q_date(r, "as_of", &q.day) || !q_division(r, &q.division) || !q_code(r, "type", CL_MON_TYPE, &q.type) ||
	    !q_code(r, "programme", CL_PROGRAMME, &q.programme) || !q_code(r, "risk", CL_MON_RISK, &q.risk) || !q_text(r, "state", 16, &q.state))
		return;
	if (q.state && strcmp(q.state, "monitored") != 0 && strcmp(q.state, "eliminated") != 0) {
		reply_fail(r, ERR_INVALID, "state", MSG_BAD_PARAM, "state", q.state);
		return;
	}
	if (!q.day)
		q.day = date_today();
	struct monitor_row *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (monitor_list(r->st, &q, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_monitor_list_json(v, n, q.day));
}

/* PUT /api/monitor/lines/:year {"amount":"6500.00","region":"CN","note":...}: the county office only. */
void
api_monitor_line_set(struct req *r)
{
	int64_t year;
	if (!parse_i64(r->params[0], strlen(r->params[0]), &year) || year < 2000 || year > 2100) {
		reply_fail(r, ERR_INVALID, "year", MSG_BAD_YEAR, r->params[0]);
		return;
	}
	if (!req_county_office(r))
		return;
	json_t *j = req_json(r, "amount:s region:s? note:s?");
	if (!j)
		return;
	const char *s = json_string_value(json_object_get(j, "amount"));
	int64_t amount;
	if (!parse_money_fen(s, strlen(s), &amount) || amount <= 0) {
		reply_fail(r, ERR_INVALID, "amount", MSG_BAD_MONEY, s);
		json_decref(j);
		return;
	}
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = monitor_line_set(&t, (int)year, json_string_value(json_object_get(j, "region")), amount,
		    json_string_value(json_object_get(j, "note")), &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	char yuan[32];
	json_t *out = rc == ERR_OK ? json_pack("{s:I, s:s, s:s}", "year", (json_int_t)year, "region",
	    json_string_value(json_object_get(j, "region")) ? json_string_value(json_object_get(j, "region")) : "CN",
	    "amount", format_fen(amount, yuan, sizeof(yuan))) : NULL;
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, out);
}

/* GET /api/households/:no/monitoring: every case and programme membership of the household. */
static void
reply_monitoring(struct req *r, int status)
{
	struct monitor_case *c;
	size_t n, np = 0;
	struct programme *p;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = monitor_cases(r->st, r->params[0], &c, &n, &r->a, &e);
	if (rc == ERR_OK)
		rc = programme_list(r->st, r->params[0], &p, &np, &r->a, &e);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *cs = json_array(), *ps = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(cs, view_monitor_case_json(&c[i]));
	for (size_t i = 0; i < np; i++)
		json_array_append_new(ps, view_programme_json(&p[i]));
	reply_json(r, status, json_pack("{s:s, s:o, s:o}", "household", r->params[0], "cases", cs, "programmes", ps));
}

void
api_household_monitoring(struct req *r)
{
	reply_monitoring(r, 200);
}

/* POST /api/households/:no/programmes {"programme":"dibao","from":"2021-01-01","to":null,"source":"..."} */
void
api_programme_add(struct req *r)
{
	json_t *j = req_json(r, "programme:s from:s to:n? source:s?");
	if (!j)
		return;
	struct programme_req q = { 0 };
	q.hh_no = r->params[0];
	q.kind = json_string_value(json_object_get(j, "programme"));
	q.source = json_string_value(json_object_get(j, "source"));
	static const char *const keys[] = { "from", "to" };
	int *dst[] = { &q.from, &q.to };
	for (int i = 0; i < 2; i++) {
		const char *s = json_string_value(json_object_get(j, keys[i]));
		if (s && *s && !date_parse(str_from(s), dst[i])) {
			reply_fail(r, ERR_INVALID, keys[i], MSG_BAD_DATE, s);
			json_decref(j);
			return;
		}
	}
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = programme_add(&t, &q, &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_monitoring(r, 201);
}

/* GET /api/monitor/warnings?as_of=&division=&rule=&all=1: the same JSON as `tuopin monitor warnings`. */
void
api_monitor_warnings(struct req *r)
{
	struct warning_query q = { 0 };
	if (!q_date(r, "as_of", &q.day) || !q_division(r, &q.division) || !q_text(r, "rule", 16, &q.rule))
		return;
	if (q.rule) {
		bool ok = false;
		for (int i = 0; i < WR__MAX; i++)
			ok |= strcmp(q.rule, warning_rules[i]) == 0;
		if (!ok) {
			reply_fail(r, ERR_INVALID, "rule", MSG_BAD_PARAM, "rule", q.rule);
			return;
		}
	}
	q.all = q_bool(r, "all");
	struct warning_list l;
	struct errinfo e;
	errinfo_clear(&e);
	if (monitor_warnings(r->st, &q, &l, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_warnings_json(&l));
}

/* POST /api/monitor/dismissals {"key":"low_income:HH_NO:2023","reason":"...","date":"2024-07-01"} */
void
api_monitor_dismiss(struct req *r)
{
	json_t *j = req_json(r, "key:s reason:s? date:s?");
	if (!j)
		return;
	int day = 0;
	const char *d = json_string_value(json_object_get(j, "date"));
	if (d && *d && !date_parse(str_from(d), &day)) {
		reply_fail(r, ERR_INVALID, "date", MSG_BAD_DATE, d);
		json_decref(j);
		return;
	}
	const char *key = json_string_value(json_object_get(j, "key"));
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = monitor_warning_dismiss(&t, key, json_string_value(json_object_get(j, "reason")), day, &e);
		rc = rc == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), rc);
	}
	json_t *out = rc == ERR_OK ? json_pack("{s:s, s:b}", "key", key, "dismissed", 1) : NULL;
	/* the web's words: no pointer to the CLI's warnings command */
	if (rc == ERR_NOTFOUND && strcmp(e.code, "warning_not_found") == 0)
		errinfo_set(&e, ERR_NOTFOUND, "key", MSG_WARNING_NOT_FOUND_WEB, key);
	json_decref(j);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 201, out);
}

/* GET /api/exports/monitoring?list=objects|marginal|exited&as_of=&division=&format=csv|xlsx&full=1: the
 * monitoring-era lists of DOMAIN.md §9.3 (export_monitoring, the same as `tuopin export monitoring`). */
void
api_export_monitoring(struct req *r)
{
	struct export_opts o = { 0 };
	int64_t div;
	if (!q_date(r, "as_of", &o.as_of) || !q_division(r, &div))
		return;
	o.division = div;
	const char *list = req_query(r, "list");
	if (list && *list && !export_monitor_list_known(list)) {
		reply_fail(r, ERR_INVALID, "list", MSG_BAD_PARAM, "list", list);
		return;
	}
	if (!list || !*list)
		list = "objects";
	enum q_form form;
	if (!q_format(r, FORM_XLSX, false, &form))
		return;
	o.kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	o.gb18030 = q_bool(r, "gb18030");
	o.full = want_full(r);
	o.actor = req_actor(r);
	o.ip = r->ip;
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	o.path = path;
	struct export_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (export_monitoring(r->st, &o, list, &res, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char d[11];
	reply_sheet(r, path, o.kind, export_file_name(r->st, export_monitor_list_label(list), o.division,
	    date_format(o.as_of ? o.as_of : date_today(), d), o.kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}
