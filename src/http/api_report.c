/* api_report.c: stats and changes, with the same JSON as the CLI's --format json (check: api_check.c). */
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "domain/check.h"
#include "domain/export.h"
#include "lib/date.h"
#include "domain/report.h"
#include "http/api.h"
#include "view/view.h"

/* ?format=xlsx or csv: the report as a file to download; none or json: JSON. Checked before computing
 * (q_format), then read again by want_sheet once the report is computed. */
static bool
want_sheet(struct req *r, enum sheet_kind *kind)
{
	enum q_form form;
	if (!q_format(r, FORM_JSON, true, &form))   /* not reached: format_ok answered first */
		return false;
	*kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	return form != FORM_JSON;
}

static bool
format_ok(struct req *r)
{
	enum q_form form;
	return q_format(r, FORM_JSON, true, &form);
}

void
api_stats(struct req *r)
{
	struct stats_query q = { 0 };
	if (!format_ok(r) || !q_date(r, "as_of", &q.as_of) || !q_stamp(r, "recorded_at", &q.recorded_at) || !q_division(r, &q.division))
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
	enum sheet_kind kind;
	bool sheet = want_sheet(r, &kind);
	/* The JSON answer comes from the page cache (page_cache.h) when the same question was answered in the same
	 * scope under the registry's current generation: dashboards ask the same figures again and again, and a
	 * province's figures cost 10 ms of summing every time. Everything the answer depends on is in the key:
	 * the question with its day resolved (today moves at midnight), the asker's scope. */
	struct cached c = { 0 };
	if (!sheet && strcmp(r->method, "GET") == 0 &&
	    cached_answer(r, &c,
		arena_printf(&r->a, "stats|%d|%d|%lld|%lld|%d|%lld-%lld", (int)msg_lang(), q.as_of ? q.as_of : date_today(),
		    (long long)q.recorded_at, (long long)q.division, (int)q.by, (long long)r->st->scope_lo,
		    (long long)r->st->scope_hi),
		200))
		return;
	struct stats_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (stats_compute(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	if (!sheet) {
		struct buf *out = reply_json_begin(r, 200);
		size_t start = out->n;
		view_stats_write(out, &res, 0);
		/* under the first village of the scope, which the key's scope always holds */
		cached_keep(r, &c, r->st->scope_lo, out, start);
		reply_json_end(r);
		return;
	}
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	if (view_stats_sheet(&res, path, kind, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char d[11];
	reply_sheet(r, path, kind, export_file_name(r->st, "户数人数", res.div.code, date_format(res.as_of, d),
	    kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}

/* A change report's scope from the address: ?from=&to=[&recorded=1] or ?batch=, &division=, &recorded_at=. */
static bool
changes_params(struct req *r, struct changes_query *q)
{
	memset(q, 0, sizeof(*q));
	if (!q_date(r, "from", &q->from) || !q_date(r, "to", &q->to) || !q_stamp(r, "recorded_at", &q->recorded_at) ||
	    !q_division(r, &q->division))
		return false;
	q->batch = req_query(r, "batch");
	if (q->batch && *q->batch)
		q->mode = CHANGES_BATCH;
	else {
		q->batch = NULL;
		bool en = msg_lang() == LANG_EN;
		if (!q->from || !q->to) {
			reply_fail(r, ERR_INVALID, q->from ? "to" : "from", MSG_PARAM_NEEDED, q->from ? "to" : "from",
			    en ? "a period from and to, or a batch" : "统计期间 from 和 to，或批次 batch");
			return false;
		}
		if (q->from > q->to) {
			char a[11], b[11];
			reply_fail(r, ERR_INVALID, "from", MSG_PERIOD_REVERSED, date_format(q->from, a), date_format(q->to, b));
			return false;
		}
		q->mode = q_bool(r, "recorded") ? CHANGES_RECORDED : CHANGES_EFFECTIVE;
	}
	return true;
}

void
api_changes_households(struct req *r)
{
	struct changes_query q;
	int page, per;
	if (!changes_params(r, &q) || !q_int(r, "page", 1, 1000000, 1, &page) || !q_int(r, "per_page", 1, 200, 50, &per))
		return;
	const char *ty = req_query(r, "type");
	enum evtype type;
	if (!ty || !*ty || !evtype_from_code(ty, &type)) {
		reply_fail(r, ERR_INVALID, "type", MSG_BAD_PARAM, "type", ty ? ty : "");
		return;
	}
	struct changes_hh_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (changes_households(r->st, &q, type, page, per, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *j = view_changes_households_json(&res);
	/* each household with the names of its village and town (looked up once per village of the page) */
	json_t *rows = json_object_get(j, "rows"), *names = json_object();
	for (size_t i = 0; i < res.n_rows; i++) {
		json_t *x = json_array_get(rows, i);
		const char *key = json_string_value(json_object_get(x, "village"));
		json_t *known = json_object_get(names, key);
		if (!known) {
			struct division vd, td;
			known = json_object();
			if (store_division_get(r->st, res.rows[i].village, &vd, &r->a, &e) == ERR_OK) {
				json_object_set_new(known, "village_name", json_string(vd.name));
				if (vd.parent && store_division_get(r->st, vd.parent, &td, &r->a, &e) == ERR_OK)
					json_object_set_new(known, "town_name", json_string(td.name));
			}
			json_object_set_new(names, key, known);
		}
		json_object_update(x, known);
	}
	json_decref(names);
	reply_json(r, 200, j);
}

void
api_changes_batches(struct req *r)
{
	int64_t div;
	if (!q_division(r, &div))
		return;
	struct batches_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (changes_batches(r->st, div, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, view_batches_json(&res));
}

void
api_changes(struct req *r)
{
	struct changes_query q;
	if (!format_ok(r) || !changes_params(r, &q))
		return;
	struct changes_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (changes_compute(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	enum sheet_kind kind;
	if (!want_sheet(r, &kind)) {
		reply_json(r, 200, view_changes_json(&res));
		return;
	}
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	if (view_changes_sheet(&res, path, kind, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	/* 变动情况-临港区-2018-01-01至2018-12-31.xlsx, or 变动情况-临港区-批次2018-05.xlsx */
	char a[11], b[11];
	const char *when = res.mode == CHANGES_BATCH ? arena_printf(&r->a, "批次%s", res.batch) :
	    arena_printf(&r->a, "%s至%s", date_format(res.from, a), date_format(res.to, b));
	reply_sheet(r, path, kind, export_file_name(r->st, "变动情况", res.div.code, when,
	    kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}
