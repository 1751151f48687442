/* api_report.c: stats and changes, with the same JSON as the CLI's --format json (check: api_check.c). */
#include <string.h>

#include "domain/report.h"
#include "http/api.h"
#include "view/view.h"

void
api_stats(struct req *r)
{
	struct stats_query q = { 0 };
	if (!q_date(r, "as_of", &q.as_of) || !q_stamp(r, "recorded_at", &q.recorded_at) || !q_division(r, &q.division))
		return;
	const char *by = req_query(r, "by");
	if (by && strcmp(by, "town") == 0)
		q.by = BY_TOWN;
	else if (by && strcmp(by, "village") == 0)
		q.by = BY_VILLAGE;
	else if (by && strcmp(by, "cause") == 0)
		q.by = BY_CAUSE;
	else if (by && strcmp(by, "attribute") == 0)
		q.by = BY_ATTRIBUTE;
	else if (by && *by) {
		reply_fail(r, ERR_INVALID, "by", MSG_BAD_PARAM, "by", by);
		return;
	}
	struct stats_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (stats_compute(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_stats_json(&res));
}

void
api_changes(struct req *r)
{
	struct changes_query q = { 0 };
	if (!q_date(r, "from", &q.from) || !q_date(r, "to", &q.to) || !q_stamp(r, "recorded_at", &q.recorded_at) ||
	    !q_division(r, &q.division))
		return;
	q.batch = req_query(r, "batch");
	if (q.batch && *q.batch)
		q.mode = CHANGES_BATCH;
	else {
		q.batch = NULL;
		if (!q.from || !q.to || q.from > q.to) {
			reply_fail(r, ERR_INVALID, q.from ? "to" : "from", MSG_BAD_PARAM, q.from ? "to" : "from",
			    req_query(r, q.from ? "to" : "from") ? req_query(r, q.from ? "to" : "from") : "");
			return;
		}
		q.mode = q_bool(r, "recorded") ? CHANGES_RECORDED : CHANGES_EFFECTIVE;
	}
	struct changes_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (changes_compute(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_changes_json(&res));
}
