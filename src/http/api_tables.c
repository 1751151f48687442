/* api_tables.c: GET /api/reports (the standard tables) and GET /api/reports/{table} (one of them as JSON, or
 * ?format=csv|xlsx as a file), calling the same table_compute and view_table_* as `tuopin report`. */
#include <string.h>
#include <unistd.h>

#include "domain/export.h"
#include "domain/tables.h"
#include "http/api.h"
#include "lib/date.h"
#include "view/view_table.h"

void
api_reports(struct req *r)
{
	reply_json(r, 200, view_table_list_json());
}

/* GET /api/reports/roster?format=xlsx|csv: the person list, masked, streamed to a file then sent. */
static void
api_roster(struct req *r)
{
	enum q_form form;
	if (!q_format(r, FORM_XLSX, false, &form))
		return;
	struct roster_opts o = { .universe = -1, .actor = req_actor(r), .ip = r->ip };
	o.kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	if (!q_date(r, "as_of", &o.as_of) || !q_division(r, &o.division))
		return;
	const char *g = req_query(r, "group");
	if (g && *g) {
		o.universe = -2;
		if (strcmp(g, "all") == 0)
			o.universe = G__MAX;
		for (int k = 0; k < G__MAX; k++)
			if (strcmp(group_key((enum group)k), g) == 0)
				o.universe = k;
		if (o.universe == -2) {
			reply_fail(r, ERR_INVALID, "group", MSG_BAD_PARAM, "group", g);
			return;
		}
	}
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	o.path = path;
	struct roster_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (roster_export(r->st, &o, &res, &r->a, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char d[11];
	reply_sheet(r, path, o.kind, export_file_name(r->st, msg_lang() == LANG_EN ? "roster" : "人员名单", res.div.code,
	    date_format(res.as_of, d), o.kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}

void
api_report(struct req *r)
{
	if (strcmp(r->params[0], "roster") == 0) {
		api_roster(r);
		return;
	}
	const struct table_def *def = table_def_find(r->params[0]);
	if (!def) {
		reply_fail(r, ERR_NOTFOUND, "table", MSG_TABLE_UNKNOWN, r->params[0]);
		return;
	}
	enum q_form form;
	if (!q_format(r, FORM_JSON, true, &form))
		return;
	struct table_query q = { .universe = -1 };
	if (!q_date(r, "as_of", &q.as_of) || !q_stamp(r, "recorded_at", &q.recorded_at) || !q_date(r, "from", &q.from) ||
	    !q_date(r, "to", &q.to) || !q_division(r, &q.division) || !q_int(r, "year", 1990, 2100, 0, &q.income_year))
		return;
	const char *by = req_query(r, "by");
	if (by && strcmp(by, "town") == 0)
		q.by = BY_TOWN;
	else if (by && strcmp(by, "village") == 0)
		q.by = BY_VILLAGE;
	else if (by && *by) {
		reply_fail(r, ERR_INVALID, "by", MSG_BAD_PARAM, "by", by);
		return;
	}
	const char *g = req_query(r, "group");
	if (g && *g) {
		q.universe = -2;
		if (strcmp(g, "all") == 0)
			q.universe = G__MAX;
		for (int k = 0; k < G__MAX; k++)
			if (strcmp(group_key((enum group)k), g) == 0)
				q.universe = k;
		if (q.universe == -2) {
			reply_fail(r, ERR_INVALID, "group", MSG_BAD_PARAM, "group", g);
			return;
		}
	}
	struct table_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (table_compute(r->st, def, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	if (form == FORM_JSON) {
		reply_json(r, 200, view_table_json(&res));
		return;
	}
	enum sheet_kind kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	if (view_table_sheet(&res, path, kind, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char d[11];
	reply_sheet(r, path, kind, export_file_name(r->st, arena_printf(&r->a, "%s%s", def->code, table_title(def)),
	    res.div.code, date_format(res.as_of, d), kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}
