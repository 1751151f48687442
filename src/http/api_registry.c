/* api_registry.c: divisions, households, members, events, imports and exports. Requests that create or
 * change registry data become rows of the same sheets the importers read (a memory sheet), so the API and a
 * file go through one set of rules and give the same errors; field errors name the JSON field. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/assist.h"
#include "domain/audit.h"
#include "domain/idno.h"
#include "domain/export.h"
#include "domain/fields.h"
#include "domain/finding.h"
#include "domain/import.h"
#include "domain/member.h"
#include "domain/report.h"
#include "domain/proposal.h"
#include "domain/registry.h"
#include "http/api.h"
#include "view/view_assist.h"
#include "lib/date.h"
#include "lib/jw.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "view/view.h"

/* ---- code lists ---- */

void
api_codes(struct req *r)
{
	static const struct {
		const char *key;
		enum codelist cl;
	} lists[] = {
		{ "sex", CL_SEX }, { "relation", CL_RELATION }, { "ethnicity", CL_ETHNICITY }, { "education", CL_EDUCATION },
		{ "schooling", CL_SCHOOLING }, { "health", CL_HEALTH }, { "labor", CL_LABOR }, { "work_status", CL_WORK },
		{ "attribute", CL_ATTRIBUTE }, { "cause", CL_CAUSE }, { "id_standard", CL_STANDARD },
		{ "status", CL_STATUS }, { "event", CL_EVENT }, { "reason_add", CL_REASON_ADD },
		{ "reason_remove", CL_REASON_REMOVE },
	};
	json_t *j = json_object();
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		const struct code_list *l = codes_list(lists[i].cl);
		json_t *a = json_array();
		for (size_t k = 0; k < l->n; k++)
			json_array_append_new(a, json_pack("{s:s, s:s}", "code", l->codes[k].code, "label",
			    code_label(lists[i].cl, l->codes[k].code)));
		json_object_set_new(j, lists[i].key, a);
	}
	reply_json(r, 200, j);
}

/* ---- divisions ---- */

static void
division_page(struct req *r, int64_t code)
{
	struct stats_query q = { 0 };
	struct stats_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (!q_date(r, "as_of", &q.as_of))
		return;
	q.division = code;
	if (stats_compute(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *j = view_stats_json(&res);
	/* the way up, as far as the user's scope reaches */
	json_t *path = json_array();
	int64_t up = res.div.parent;
	while (up) {
		struct division d;
		if (!store_in_scope(r->st, up) || store_division_get(r->st, up, &d, &r->a, &e) != ERR_OK)
			break;
		json_array_insert_new(path, 0, view_division_json(&d));
		up = d.parent;
	}
	json_object_set_new(j, "path", path);
	reply_json(r, 200, j);
}

void
api_divisions(struct req *r)
{
	int64_t code;
	if (!q_division(r, &code))
		return;
	division_page(r, code);
}

void
api_division(struct req *r)
{
	struct division d;
	struct errinfo e;
	errinfo_clear(&e);
	if (division_resolve(r->st, r->params[0], &d, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	division_page(r, d.code);
}

/* The 户编号 proposed for a new household of a village: {"village":{"code","name"},"hh_no","last","count"}. */
void
api_next_hh_no(struct req *r)
{
	struct hh_no_proposal p;
	struct errinfo e;
	errinfo_clear(&e);
	if (hh_no_next(r->st, r->params[0], &p, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	char code[16];
	view_code(p.village.code, code, sizeof(code));
	reply_json(r, 200, json_pack("{s:{s:s, s:s}, s:s, s:s?, s:i}", "village", "code", code, "name", p.village.name,
	    "hh_no", p.hh_no, "last", p.last, "count", p.count));
}

/* ---- households ---- */

/* The list's place: division, town and village (codes or names; the narrowest applies). */
static bool
q_place(struct req *r, int64_t *code)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (list_place_resolve(r->st, req_query(r, "division"), req_query(r, "town"), req_query(r, "village"), code,
	    &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	return true;
}

/* The list's search text (q), as the list and its export look it up. A role that may not see full numbers
 * may not test them either, whole or by the last four: one search per candidate would undo the mask
 * (docs/SECURITY.md); it finds households by 户编号 and name. A search by a number is on record like a full
 * view. */
static bool
q_search(struct req *r, const char **q)
{
	const char *v = req_query(r, "q");
	*q = NULL;
	if (!v || !*v)
		return true;
	struct errinfo e;
	errinfo_clear(&e);
	int kind;
	if (hh_search_text(v, q, &kind, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	if (kind) {
		if (!req_can(r, CAP_FULL_ID)) {
			reply_fail(r, ERR_FORBIDDEN, "q", MSG_FULL_ID_SEARCH);
			return false;
		}
		/* no answer without its record: a search that cannot be put on record (the write lock not free in
		 * time, a full disk) is refused with the reason */
		struct errinfo ae;
		errinfo_clear(&ae);
		if (audit_view(r->st, req_actor(r), r->ip, "search.id_no", NULL,
			kind == 2 ? "{\"by\":\"tail\"}" : "{\"by\":\"whole\"}", &ae) != ERR_OK) {
			reply_error(r, &ae);
			return false;
		}
	}
	return true;
}

void
api_households(struct req *r)
{
	struct hh_filter f = { .sort = HH_SORT_VILLAGE };   /* by village, then 户编号: the order of an index */
	int64_t div;
	int page, per;
	if (!q_place(r, &div) || !q_int(r, "page", 1, 1000000, 1, &page) || !q_int(r, "per_page", 1, 200, 20, &per))
		return;
	division_range(div, &f.lo, &f.hi);
	const char *v;
	const struct code *c;
	if ((v = req_query(r, "status")) && *v) {
		if (!(c = code_find(CL_STATUS, str_from(v)))) {
			reply_fail(r, ERR_INVALID, "status", MSG_BAD_PARAM, "status", v);
			return;
		}
		f.status = c->code;
	}
	if ((v = req_query(r, "attribute")) && *v) {
		if (!(c = code_find(CL_ATTRIBUTE, str_from(v)))) {
			reply_fail(r, ERR_INVALID, "attribute", MSG_BAD_PARAM, "attribute", v);
			return;
		}
		f.attribute = c->code;
	}
	if ((v = req_query(r, "cause")) && *v) {
		if (!(c = code_find(CL_CAUSE, str_from(v)))) {
			reply_fail(r, ERR_INVALID, "cause", MSG_BAD_PARAM, "cause", v);
			return;
		}
		f.cause = c->code;
	}
	int as_of;
	if (!q_date(r, "as_of", &as_of))
		return;
	/* a past day: the list as of then; today (or none): as the registry stands, from the current columns */
	if (as_of && as_of < date_today())
		f.day = as_of;
	if (!q_search(r, &f.q))
		return;
	if ((v = req_query(r, "sort")) && *v) {
		static const char *const sorts[HH_SORT__N] = { [HH_SORT_NO] = "hh_no", [HH_SORT_VILLAGE] = "village",
			[HH_SORT_NO_DESC] = "-hh_no", [HH_SORT_VILLAGE_DESC] = "-village", [HH_SORT_STATUS] = "status",
			[HH_SORT_ATTRIBUTE] = "attribute", [HH_SORT_CAUSE] = "cause" };
		int k = 0;
		while (k < HH_SORT__N && strcmp(v, sorts[k]) != 0)
			k++;
		if (k == HH_SORT__N) {
			reply_fail(r, ERR_INVALID, "sort", MSG_BAD_PARAM, "sort", v);
			return;
		}
		f.sort = (enum hh_sort)k;
	}
	f.limit = per;
	f.offset = (page - 1) * per;
	/* what the total holds: by status, so that removed and cancelled households can be told apart (counted
	 * with the total, in one statement) */
	int64_t by[ST__MAX];
	f.by_status = by;
	/* From the page cache, as the stats are (a clerk pages through a village again and again): everything the
	 * answer depends on is in the key, the question as parsed (q last: it is free text), the language, today
	 * (the default date) and the asker's scope. A search by a number was put on record above, hit or not. */
	struct cached kept = { 0 };
	if (strcmp(r->method, "GET") == 0 &&
	    cached_answer(r, &kept,
		arena_printf(&r->a, "list|%d|%d|%d|%lld-%lld|%s|%s|%s|%d|%d|%d|%lld-%lld|%s", (int)msg_lang(), date_today(),
		    f.day, (long long)f.lo, (long long)f.hi, f.status ? f.status : "", f.attribute ? f.attribute : "",
		    f.cause ? f.cause : "", (int)f.sort, f.limit, f.offset, (long long)r->st->scope_lo,
		    (long long)r->st->scope_hi, f.q ? f.q : ""),
		200))
		return;
	struct hh_summary *items;
	size_t n;
	int64_t total;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_household_list(r->st, &f, &items, &n, &total, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	/* a name that is not the head's: the member it found, named (on the list's date), for the whole page in one
	 * statement */
	bool name_search = f.q && f.q[strspn(f.q, "0123456789Xx")] != '\0';
	char **mname = NULL, **mrel = NULL;
	if (name_search && n > 0) {
		int64_t *ids = arena_alloc(&r->a, n * sizeof(*ids));
		mname = arena_alloc(&r->a, n * sizeof(*mname));
		mrel = arena_alloc(&r->a, n * sizeof(*mrel));
		for (size_t i = 0; i < n; i++)
			ids[i] = items[i].h.id;
		if (store_members_named_at(r->st, ids, n, f.day ? f.day : date_today(), f.q, mname, mrel, &r->a, &e) !=
		    ERR_OK)
			mname = NULL;
	}
	/* written straight to text (the list is asked for all day long; a jansson tree cost a third of it) */
	char d[11];
	struct buf *out = reply_json_begin(r, 200);
	size_t start = out->n;
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kint(&w, "total", total);
	jw_kint(&w, "page", page);
	jw_kint(&w, "per_page", per);
	jw_kstr(&w, "as_of", date_format(f.day ? f.day : date_today(), d));
	jw_key(&w, "by_status");
	jw_obj(&w);
	for (int s = 1; s < ST__MAX; s++)
		if (by[s])
			jw_kint(&w, status_code((enum status)s), by[s]);
	jw_obj_end(&w);
	jw_key(&w, "items");
	jw_arr(&w);
	/* each household with the names of its village and town (looked up once per village of the page) */
	struct place {
		int64_t village;
		const char *village_name, *town_name;
	} *places = arena_alloc(&r->a, (n + 1) * sizeof(*places));
	size_t n_places = 0;
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		view_household_summary_write(&w, &items[i], false);
		size_t k = 0;
		while (k < n_places && places[k].village != items[i].h.village)
			k++;
		if (k == n_places) {
			struct division vd, td;
			places[k] = (struct place){ .village = items[i].h.village };
			if (store_division_get(r->st, items[i].h.village, &vd, &r->a, &e) == ERR_OK) {
				places[k].village_name = vd.name;
				if (vd.parent && store_division_get(r->st, vd.parent, &td, &r->a, &e) == ERR_OK)
					places[k].town_name = td.name;
			}
			n_places++;
		}
		if (places[k].village_name)
			jw_kstr(&w, "village_name", places[k].village_name);
		if (places[k].town_name)
			jw_kstr(&w, "town_name", places[k].town_name);
		if (mname && mname[i]) {
			jw_key(&w, "match");
			jw_obj(&w);
			jw_kstr(&w, "name", mname[i]);
			jw_key(&w, "relation");
			if (mrel[i] && *mrel[i]) {
				jw_obj(&w);
				jw_kstr(&w, "code", mrel[i]);
				jw_kstr(&w, "label", code_label(CL_RELATION, mrel[i]));
				jw_obj_end(&w);
			} else
				jw_null(&w);
			jw_obj_end(&w);
		}
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	/* under the first village of the scope, which the key's scope always holds */
	cached_keep(r, &kept, r->st->scope_lo, out, start);
	reply_json_end(r);
}

/* The household page, as of a date (default today): the same gathering and JSON as `tuopin show`. A masked
 * page answered with 200 comes from the page cache when this snapshot may use it (page_cache.h). */
static void
household_detail(struct req *r, const char *hh_no, int status)
{
	int as_of;
	if (!q_date(r, "as_of", &as_of))
		return;
	if (!as_of)
		as_of = date_today();
	bool full = want_full(r);
	struct cached c = { 0 };
	/* Everything that changes the rendering is in the key: the language, the date, the asker's scope (an
	 * event's member or the other household of a split outside it is hidden, so a page rendered for a county
	 * is not a town's page) and whether the role may see full numbers. */
	if (!full && status == 200 && strcmp(r->method, "GET") == 0 &&
	    cached_answer(r, &c,
		arena_printf(&r->a, "%d|%d|%lld-%lld|%d|%s", (int)msg_lang(), as_of, (long long)r->st->scope_lo,
		    (long long)r->st->scope_hi, req_can(r, CAP_FULL_ID) ? 1 : 0, hh_no),
		status))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	struct household_view v;
	/* the answer to a write is read in one snapshot too, as a GET is (dispatch_db): one page of one registry,
	 * whatever another writer commits meanwhile (and one look at the divisions' generation, not one a query) */
	bool snapshot = strcmp(r->method, "GET") != 0 && store_read_begin(r->st, NULL);
	enum err rc = household_view_load(r->st, hh_no, as_of, full, req_actor(r), r->ip, &v, &r->a, &e);
	store_read_end(r->st, snapshot);
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf *out = reply_json_begin(r, status);
	size_t start = out->n;
	view_household_write(out, &v);
	cached_keep(r, &c, v.h->village, out, start);
	reply_json_end(r);
}

void
api_household(struct req *r)
{
	household_detail(r, r->params[0], 200);
}

void
api_events(struct req *r)
{
	household_detail(r, r->params[0], 200);
	/* the history alone */
	if (r->status == 200) {
		json_t *j = json_loadb(r->out.p, r->out.n, 0, NULL);
		json_t *hist = json_incref(json_object_get(json_object_get(j, "data"), "history"));
		json_decref(j);
		reply_json(r, 200, hist);
	}
}

/* ---- writes: JSON -> a memory sheet -> the importers ---- */

/* Cell text of a JSON value (fields.h) in the request's arena. */
static const char *
cell_text(struct req *r, json_t *v)
{
	return field_json_text(v, &r->a);
}

static bool
member_col(enum col c)
{
	return c >= C_NAME && c <= C_MEMBER_PHONE;
}

/* Problems of a request-made sheet as field errors: row 2.. is members[0..] for member columns. */
static json_t *
field_problems(const struct problems *p, bool members)
{
	json_t *a = json_array();
	for (size_t i = 0; i < p->n; i++) {
		const struct problem *x = &p->v[i];
		const char *field = x->column;
		char path[96];
		for (int c = 0; c < C__MAX; c++)
			if (x->column && (strcmp(x->column, fields[c].key) == 0 || strcmp(x->column, fields[c].label) == 0)) {
				field = fields[c].key;
				if (members && member_col((enum col)c) && x->row >= 2) {
					snprintf(path, sizeof(path), "members[%d].%s", x->row - 2, fields[c].key);
					field = path;
				}
				break;
			}
		/* an ID number, phone or account quoted back masked: the request may have named the member by its
		 * number (member_id) and the answer would show one the user never typed, unaudited */
		char m[48];
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s?, s:b}", "field", field ? field : "", "code", x->code,
		    "message", x->message, "value", view_masked_value(x->value, x->column, m, sizeof(m)), "warning", x->warning));
	}
	return a;
}

static void
reply_problems(struct req *r, const struct import_result *res, bool members)
{
	struct errinfo e;
	errinfo_clear(&e);
	const struct problem *first = NULL;
	for (size_t i = 0; i < res->problems.n && !first; i++)
		if (!res->problems.v[i].warning)
			first = &res->problems.v[i];
	json_t *fp = field_problems(&res->problems, members);
	const char *field = "";
	json_t *f0 = NULL;
	for (size_t i = 0; i < json_array_size(fp); i++)
		if (!json_is_true(json_object_get(json_array_get(fp, i), "warning"))) {
			f0 = json_array_get(fp, i);
			break;
		}
	if (f0)
		field = json_string_value(json_object_get(f0, "field"));
	errinfo_raw(&e, ERR_INVALID, field, first ? first->code : "invalid", first ? first->message : "");
	/* a refused state change is a conflict with what is stored, not a malformed request: as the domain said
	 * (a refusal it made), or for the codes a sheet's own checks give (a row against the registry) */
	if (first && (first->conflict || strcmp(first->code, "transition_refused") == 0 ||
	    strcmp(first->code, "household_exists") == 0 ||
	    strcmp(first->code, "correction_required") == 0 || strcmp(first->code, "member_present") == 0 ||
	    strcmp(first->code, "head_exists") == 0 || strcmp(first->code, "spouse_exists") == 0 ||
	    strcmp(first->code, "household_proposed") == 0 ||
	    strcmp(first->code, "duplicate_id") == 0 ||
	    strcmp(first->code, "monitored") == 0 || strcmp(first->code, "not_monitored") == 0 ||
	    strcmp(first->code, "not_registered") == 0 || strcmp(first->code, "not_available") == 0))
		e.err = ERR_CONFLICT;
	/* A write that ran into a record outside the user's divisions was refused without naming it; the
	 * attempt is recorded, so the office above sees who probed for what. */
	for (size_t i = 0; i < res->problems.n; i++)
		if (strcmp(res->problems.v[i].code, "not_available") == 0) {
			const struct problem *q = &res->problems.v[i];
			json_t *d = json_pack("{s:s, s:s, s:s?}", "column", q->column ? q->column : "", "message", q->message,
			    "value", q->value);
			char *detail = json_dumps(d, JSON_COMPACT);
			json_decref(d);
			struct errinfo ae;
			audit_view(r->st, req_actor(r), r->ip, "write.out_of_scope", r->params[0] ? r->params[0] : "households",
			    detail, &ae);
			free(detail);
		}
	if (first && (strcmp(first->code, "household_not_found") == 0 || strcmp(first->code, "member_not_found") == 0))
		e.err = ERR_NOTFOUND;
	reply_error_data(r, &e, json_pack("{s:o}", "problems", fp));
}

/* Run rows (header + data rows) through an importer. Returns true when written. */
static bool
run_rows(struct req *r, enum err (*fn)(struct store *, const struct import_opts *, struct import_result *,
    struct arena *, struct errinfo *), struct import_opts *o, const char **cells, size_t cols, size_t rows,
    bool members)
{
	struct import_result res;
	struct errinfo e;
	memset(&res, 0, sizeof(res));
	errinfo_clear(&e);
	problems_init(&res.problems, &r->a);
	o->sheet = sheet_open_memory(cells, cols, rows);
	o->actor = req_actor(r);
	o->ip = r->ip;
	enum err rc = fn(r->st, o, &res, &r->a, &e);
	if (rc == ERR_INVALID) {
		reply_problems(r, &res, members);
		return false;
	}
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	return true;
}

/* Object keys -> header columns, checked against the fields the route accepts. */
static bool
allowed_key(const char *key, const enum col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[cols[i]].key, key) == 0)
			return true;
	return false;
}

static const enum col hh_cols[] = { C_VILLAGE_CODE, C_HH_NO, C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD,
	C_STATUS, C_IDENTIFIED_YM, C_EXIT_YEAR, C_PHONE, C_BANK, C_BANK_ACCOUNT, C_NET_INCOME_PC, C_INCOME_YEAR };
static const enum col member_cols[] = { C_NAME, C_ID_NO, C_RELATION, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING,
	C_HEALTH, C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN,
	C_MEMBER_PHONE };

/* Check an object's keys and value types (strings, numbers, booleans, arrays of strings only). */
static bool
check_object(struct req *r, json_t *o, const enum col *cols, size_t n, const char *const *extra, size_t n_extra,
    const char *prefix)
{
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		bool ok = allowed_key(key, cols, n), is_extra = false;
		for (size_t i = 0; i < n_extra && !ok; i++)
			ok = is_extra = strcmp(extra[i], key) == 0;
		char path[96];
		snprintf(path, sizeof(path), "%s%s", prefix, key);
		if (!ok) {
			reply_fail(r, ERR_INVALID, path, MSG_UNKNOWN_FIELD, path);
			return false;
		}
		if (is_extra)
			continue;   /* typed by the route's req_json spec */
		bool scalar = json_is_string(v) || json_is_number(v) || json_is_boolean(v) || json_is_null(v);
		if (!scalar && !(json_is_array(v) && strcmp(key, "cause_other") == 0)) {
			reply_fail(r, ERR_INVALID, path, MSG_BAD_TYPE, path, msg_lang() == LANG_EN ? "a string" : "字符串");
			return false;
		}
	}
	return true;
}

/* settings_event_direct: an event of this type may be recorded directly by this user, or it goes through a
 * proposal (api_proposal.c). True after answering 403. */
static bool
review_required(struct req *r, const char *type)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (settings_event_direct(r->st, r->user.role, type, &e) == ERR_OK)
		return false;
	reply_error(r, &e);
	return true;
}

void
api_household_create(struct req *r)
{
	json_t *j = req_json(r, "hh_no:s village_code:s members:a effective:s? event:s? batch:s? reason:s? status:s? "
				"attribute:s? cause_main:s? cause_other:a? id_standard:s? identified_ym:s? exit_year:i? "
				"phone:s? bank:s? bank_account:s? net_income_pc:s? income_year:i?");
	if (!j)
		return;
	static const char *const extra[] = { "members", "effective", "event", "batch", "reason" };
	json_t *members = json_object_get(j, "members");
	const char *evc = json_string_value(json_object_get(j, "event"));
	if (review_required(r, evc ? evc : "identify")) {
		json_decref(j);
		return;
	}
	if (!check_object(r, j, hh_cols, NELEM(hh_cols), extra, NELEM(extra), "")) {
		json_decref(j);
		return;
	}
	size_t nm = json_array_size(members);
	if (nm == 0 || nm > 30) {
		reply_fail(r, ERR_INVALID, "members", MSG_BAD_RANGE, "members", 1, 30);
		json_decref(j);
		return;
	}
	for (size_t i = 0; i < nm; i++) {
		char prefix[32];
		snprintf(prefix, sizeof(prefix), "members[%zu].", i);
		json_t *m = json_array_get(members, i);
		if (!json_is_object(m)) {
			reply_fail(r, ERR_INVALID, "members", MSG_BAD_TYPE, "members", msg_lang() == LANG_EN ? "objects" : "对象");
			json_decref(j);
			return;
		}
		if (!check_object(r, m, member_cols, NELEM(member_cols), NULL, 0, prefix)) {
			json_decref(j);
			return;
		}
	}
	/* one row per member; the household's columns on every row */
	size_t cols = NELEM(hh_cols) + NELEM(member_cols);
	const char **cells = arena_alloc(&r->a, cols * (nm + 1) * sizeof(char *));
	for (size_t c = 0; c < NELEM(hh_cols); c++)
		cells[c] = fields[hh_cols[c]].key;
	for (size_t c = 0; c < NELEM(member_cols); c++)
		cells[NELEM(hh_cols) + c] = fields[member_cols[c]].key;
	for (size_t i = 0; i < nm; i++) {
		const char **row = cells + (i + 1) * cols;
		for (size_t c = 0; c < NELEM(hh_cols); c++) {
			row[c] = cell_text(r, json_object_get(j, fields[hh_cols[c]].key));
			if (hh_cols[c] == C_STATUS && !*row[c])
				row[c] = "poor";   /* a newly identified household is poor unless said otherwise */
		}
		json_t *m = json_array_get(members, i);
		for (size_t c = 0; c < NELEM(member_cols); c++)
			row[NELEM(hh_cols) + c] = cell_text(r, json_object_get(m, fields[member_cols[c]].key));
	}
	struct import_opts o = { .as_of_field = "effective" };
	const char *eff = json_string_value(json_object_get(j, "effective"));
	if (eff && !date_parse(str_from(eff), &o.as_of)) {
		reply_fail(r, ERR_INVALID, "effective", MSG_BAD_DATE, eff);
		json_decref(j);
		return;
	}
	const char *ev = json_string_value(json_object_get(j, "event"));
	o.event = EV_IDENTIFY;
	if (ev) {
		const struct code *c = code_find(CL_EVENT, str_from(ev));
		if (!c || (strcmp(c->code, "identify") != 0 && strcmp(c->code, "include_missed") != 0)) {
			reply_fail(r, ERR_INVALID, "event", MSG_BAD_PARAM, "event", ev);
			json_decref(j);
			return;
		}
		evtype_from_code(c->code, &o.event);
	}
	o.batch = json_string_value(json_object_get(j, "batch"));
	o.reason = json_string_value(json_object_get(j, "reason"));
	const char *hh_no = arena_strdup(&r->a, json_string_value(json_object_get(j, "hh_no")));
	bool ok = run_rows(r, import_registry, &o, cells, cols, nm + 1, true);
	json_decref(j);
	if (ok)
		household_detail(r, hh_no, 201);
}

/* "other_relations" of a member's correction making it the head: [{"member_id": n, "relation": code or label}]
 * into *out (none: NULL, 0). False after answering 400. */
static bool
other_relations(struct req *r, json_t *body, const struct relation_change **out, size_t *n)
{
	json_t *a = json_object_get(body, "other_relations");
	*out = NULL;
	*n = 0;
	if (!a)
		return true;
	const char *want = msg_lang() == LANG_EN ? "a list of {member_id, relation}" : "列表，每项为 {member_id, relation}";
	if (!json_is_array(a) || json_array_size(a) > 200) {
		reply_fail(r, ERR_INVALID, "other_relations", MSG_BAD_TYPE, "other_relations", want);
		return false;
	}
	struct relation_change *v = arena_alloc(&r->a, (json_array_size(a) + 1) * sizeof(*v));
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x) {
		json_t *id = json_object_get(x, "member_id"), *rel = json_object_get(x, "relation");
		char path[64];
		snprintf(path, sizeof(path), "other_relations[%zu]", i);
		if (!json_is_object(x) || json_object_size(x) != 2 || !json_is_integer(id) || json_integer_value(id) < 1 ||
		    !json_is_string(rel)) {
			reply_fail(r, ERR_INVALID, path, MSG_BAD_TYPE, path,
			    msg_lang() == LANG_EN ? "{member_id, relation}" : "{member_id, relation}（成员编号，与户主关系）");
			return false;
		}
		const struct code *c = code_find(CL_RELATION, str_from(json_string_value(rel)));
		if (!c) {
			snprintf(path, sizeof(path), "other_relations[%zu].relation", i);
			reply_fail(r, ERR_INVALID, path, MSG_UNKNOWN_CODE, json_string_value(rel), codes_list_name(CL_RELATION));
			return false;
		}
		v[i] = (struct relation_change){ json_integer_value(id), c->code };
	}
	*out = v;
	*n = json_array_size(a);
	return true;
}

/* One events row: fixed columns, then the given member or household fields. */
static void
event_row(struct req *r, const char *hh_no, const char *type, json_t *body, json_t *member, const enum col *allowed,
    size_t n_allowed, const char *fix_kind)
{
	static const enum col event_cols[] = { C_HH_NO, C_EVENT_TYPE, C_EFFECTIVE, C_BATCH, C_REASON, C_CORRECTION,
		C_ID_NO, C_TARGET_HH_NO, C_RELATION, C_NEW_HEAD, C_FORMER_HEAD };
	/* the fixed columns, then the allowed ones not among them */
	enum col *extra = arena_alloc(&r->a, (n_allowed + 1) * sizeof(*extra));
	size_t n_extra = 0;
	for (size_t c = 0; c < n_allowed; c++) {
		bool fixed = false;
		for (size_t k = 0; k < NELEM(event_cols); k++)
			fixed |= allowed[c] == event_cols[k];
		if (!fixed)
			extra[n_extra++] = allowed[c];
	}
	allowed = extra;
	n_allowed = n_extra;
	size_t cols = NELEM(event_cols) + n_allowed;
	const char **cells = arena_alloc(&r->a, 2 * cols * sizeof(char *));
	for (size_t c = 0; c < NELEM(event_cols); c++)
		cells[c] = fields[event_cols[c]].key;
	for (size_t c = 0; c < n_allowed; c++)
		cells[NELEM(event_cols) + c] = fields[allowed[c]].key;
	const char **row = cells + cols;
	row[0] = hh_no;
	row[1] = type;
	const char *eff = cell_text(r, json_object_get(body, "effective"));
	row[2] = *eff ? eff : arena_printf(&r->a, "%s", "");
	if (!*eff) {
		char d[11];
		row[2] = arena_strdup(&r->a, date_format(date_today(), d));
	}
	row[3] = cell_text(r, json_object_get(body, "batch"));
	row[4] = cell_text(r, json_object_get(body, "reason"));
	row[5] = cell_text(r, json_object_get(body, "correction"));
	row[6] = cell_text(r, json_object_get(body, "id_no"));
	row[7] = cell_text(r, json_object_get(body, "target_hh_no"));
	row[8] = cell_text(r, json_object_get(body, "relation"));
	row[9] = cell_text(r, json_object_get(body, "new_head"));
	row[10] = cell_text(r, json_object_get(body, "former_head_relation"));
	for (size_t c = 0; c < n_allowed; c++)
		row[NELEM(event_cols) + c] = cell_text(r, member ? json_object_get(member, fields[allowed[c]].key) : NULL);
	/* a member's own ID number and relation come from the member object */
	if (member && json_object_get(member, "id_no"))
		row[6] = cell_text(r, json_object_get(member, "id_no"));
	if (member && json_object_get(member, "relation"))
		row[8] = cell_text(r, json_object_get(member, "relation"));
	struct import_opts o = { 0 };
	if (!other_relations(r, body, &o.others, &o.n_others))
		return;
	/* "finding": the finding this change fixes, linked to it in the same transaction, then checked again */
	json_t *fid = json_object_get(body, "finding");
	if (fid) {
		if (!json_is_integer(fid) || json_integer_value(fid) < 1) {
			reply_fail(r, ERR_INVALID, "finding", MSG_BAD_TYPE, "finding", msg_lang() == LANG_EN ? "an id" : "编号");
			return;
		}
		o.finding = json_integer_value(fid);
		o.finding_kind = fix_kind;
	}
	if (!run_rows(r, import_events, &o, cells, cols, 2, false))
		return;
	if (o.finding) {
		struct finding_actor by = { .name = req_actor(r), .ip = r->ip,
			.level = r->user.division ? division_level_of(r->user.division) : 0 };
		struct errinfo e;
		errinfo_clear(&e);
		if (finding_recheck(r->st, o.finding, &by, NULL, &r->a, &e) != ERR_OK) {
			reply_error(r, &e);
			return;
		}
	}
	household_detail(r, hh_no, 200);
}

static const enum col member_fix_cols[] = { C_NAME, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING, C_HEALTH, C_LABOR,
	C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN, C_MEMBER_PHONE,
	C_NEW_ID_NO, C_BIRTH };

/* Member id of household h, now or at any time in its history, into *m; ERR_NOTFOUND otherwise (also for
 * a member of another household, whose ID number must not be told). */
static enum err
member_of(struct req *r, const struct household *h, int64_t id, struct member *m, struct errinfo *e)
{
	enum err rc = store_member_by_id(r->st, id, m, &r->a, e);
	if (rc == ERR_OK && m->household_id != h->id) {
		struct member x;
		rc = store_member_in_household(r->st, h->id, m->id_no, &x, &r->a, e);
		if (rc == ERR_OK && x.id != m->id)
			rc = ERR_NOTFOUND;
	}
	return rc;
}

void
api_event_record(struct req *r)
{
	json_t *j = req_json(r, "type:s effective:s? reason:s? batch:s? correction:b? id_no:s? member_id:i? "
				"target_hh_no:s? relation:s? member:o? finding:i? new_head:s? new_head_id:i? former_head_relation:s? "
				"other_relations:a?");
	if (!j)
		return;
	if (review_required(r, json_string_value(json_object_get(j, "type")))) {
		json_decref(j);
		return;
	}
	/* a member of this household named by id (the UI never holds full ID numbers): its 证件号码 */
	json_t *mid = json_object_get(j, "member_id");
	if (mid) {
		struct household h;
		struct member mm;
		struct errinfo e;
		errinfo_clear(&e);
		if (json_object_get(j, "id_no")) {
			json_decref(j);
			reply_fail(r, ERR_INVALID, "member_id", MSG_UNKNOWN_FIELD, "id_no");
			return;
		}
		enum err rc = store_household_by_no(r->st, r->params[0], &h, &r->a, &e);
		if (rc == ERR_OK) {
			rc = member_of(r, &h, json_integer_value(mid), &mm, &e);
			if (rc == ERR_NOTFOUND) {
				char id[24];
				snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(mid));
				rc = errinfo_set(&e, ERR_NOTFOUND, "member_id", MSG_MEMBER_ID_NOT_FOUND, h.hh_no, id);
			}
		}
		if (rc != ERR_OK) {
			json_decref(j);
			reply_error(r, &e);
			return;
		}
		json_object_set_new(j, "id_no", json_string(mm.id_no));
	}
	/* the new head of a removal of the head, named by member id (the UI) or by ID number */
	json_t *nid = json_object_get(j, "new_head_id");
	if (nid) {
		struct household h;
		struct member mm;
		struct errinfo e;
		errinfo_clear(&e);
		if (json_object_get(j, "new_head")) {
			json_decref(j);
			reply_fail(r, ERR_INVALID, "new_head_id", MSG_UNKNOWN_FIELD, "new_head");
			return;
		}
		enum err rc = store_household_by_no(r->st, r->params[0], &h, &r->a, &e);
		if (rc == ERR_OK) {
			rc = member_of(r, &h, json_integer_value(nid), &mm, &e);
			if (rc == ERR_NOTFOUND) {
				char id[24];
				snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(nid));
				rc = errinfo_set(&e, ERR_NOTFOUND, "new_head_id", MSG_MEMBER_ID_NOT_FOUND, h.hh_no, id);
			}
		}
		if (rc != ERR_OK) {
			json_decref(j);
			reply_error(r, &e);
			return;
		}
		json_object_set_new(j, "new_head", json_string(mm.id_no));
	}
	json_t *m = json_object_get(j, "member");
	if (m && !check_object(r, m, member_cols, NELEM(member_cols), NULL, 0, "member.")) {
		json_decref(j);
		return;
	}
	static const enum col add_cols[] = { C_NAME, C_ID_NO, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING, C_HEALTH,
		C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN,
		C_MEMBER_PHONE };
	event_row(r, r->params[0], json_string_value(json_object_get(j, "type")), j, m, add_cols, NELEM(add_cols), "event");
	json_decref(j);
	if (r->status == 200)
		r->status = 201;
}

void
api_member_add(struct req *r)
{
	json_t *j = req_json(r, "member:o effective:s? reason:s correction:b? batch:s? finding:i?");
	if (!j)
		return;
	json_t *m = json_object_get(j, "member");
	if (!check_object(r, m, member_cols, NELEM(member_cols), NULL, 0, "member.")) {
		json_decref(j);
		return;
	}
	static const enum col add_cols[] = { C_NAME, C_ID_NO, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING, C_HEALTH,
		C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN,
		C_MEMBER_PHONE };
	event_row(r, r->params[0], "member_add", j, m, add_cols, NELEM(add_cols), "event");
	json_decref(j);
	if (r->status == 200)
		r->status = 201;
}

/* The household and member the address names (/api/households/:no/members/:id). False after answering 404 (a
 * member of another household is not found here, and its ID number is not told). */
static bool
member_addressed(struct req *r, struct household *h, struct member *m)
{
	int64_t id;
	struct errinfo e;
	errinfo_clear(&e);
	if (parse_i64(r->params[1], strlen(r->params[1]), &id) &&
	    store_household_by_no(r->st, r->params[0], h, &r->a, &e) == ERR_OK && member_of(r, h, id, m, &e) == ERR_OK)
		return true;
	if (!e.err || e.err == ERR_NOTFOUND)
		errinfo_set(&e, ERR_NOTFOUND, "id", MSG_MEMBER_ID_NOT_FOUND, r->params[0], r->params[1]);
	reply_error(r, &e);
	return false;
}

void
api_member_update(struct req *r)
{
	struct member m;
	struct household h;
	if (!member_addressed(r, &h, &m))
		return;
	json_t *j = req_body(r);
	if (!j)
		return;
	/* the member's own number, corrected: "id_no" in the body is the new number (the member is the one the
	 * address names) */
	json_t *nid = json_object_get(j, "id_no");
	if (nid) {
		if (json_object_get(j, "new_id_no")) {
			json_decref(j);
			reply_fail(r, ERR_INVALID, "id_no", MSG_UNKNOWN_FIELD, "id_no");
			return;
		}
		json_object_set(j, "new_id_no", nid);
		json_object_del(j, "id_no");
		r->field_as[0].from = "new_id_no";
		r->field_as[0].to = "id_no";
	}
	r->field_as[1].from = "hh_no";   /* in the address, not the body: nothing to fix is about the body */
	r->field_as[1].to = "";
	r->field_as[1].code = "nothing_to_fix";
	static const char *const extra[] = { "effective", "correction", "reason", "batch", "relation",
		"former_head_relation", "other_relations", "finding" };
	if (!check_object(r, j, member_fix_cols, NELEM(member_fix_cols), extra, NELEM(extra), "")) {
		json_decref(j);
		return;
	}
	json_t *fh = json_object_get(j, "former_head_relation");
	if (fh && !json_is_string(fh)) {   /* a code or a label: 17 is not 之祖父, null is not "none" */
		json_decref(j);
		reply_fail(r, ERR_INVALID, "former_head_relation", MSG_BAD_TYPE, "former_head_relation",
		    msg_lang() == LANG_EN ? "a string" : "字符串");
		return;
	}
	json_object_set_new(j, "id_no", json_string(m.id_no));
	event_row(r, h.hh_no, "data_fix", j, j, member_fix_cols, NELEM(member_fix_cols), "edit");
	json_decref(j);
}

/* 户主变更 planned: the other members of the household today, each with the relation to the member the
 * address names that making it the head most likely gives (the member form's suggestions). */
void
api_member_head_change(struct req *r)
{
	struct member m;
	struct household h;
	if (!member_addressed(r, &h, &m))
		return;
	struct head_change_row *rows;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (head_change_plan(r->st, h.hh_no, m.id, date_today(), &rows, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s?, s:s?, s:s?, s:b, s:s?}", "id", (json_int_t)rows[i].m.id,
		    "name", rows[i].m.name, "sex", rows[i].m.sex, "relation", rows[i].m.relation, "former_head",
		    rows[i].former_head, "suggested", rows[i].suggested));
	reply_json(r, 200, json_pack("{s:I, s:s?, s:o}", "id", (json_int_t)m.id, "name", m.name, "members", a));
}

void
api_household_update(struct req *r)
{
	json_t *j = req_body(r);
	if (!j)
		return;
	static const enum col fix[] = { C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD, C_PHONE, C_BANK,
		C_BANK_ACCOUNT, C_IDENTIFIED_YM, C_EXIT_YEAR };
	static const char *const extra[] = { "effective", "correction", "reason", "batch", "finding" };
	if (!check_object(r, j, fix, NELEM(fix), extra, NELEM(extra), "")) {
		json_decref(j);
		return;
	}
	r->field_as[0].from = "hh_no";   /* in the address, not the body: nothing to fix is about the body */
	r->field_as[0].to = "";
	r->field_as[0].code = "nothing_to_fix";
	event_row(r, r->params[0], "data_fix", j, j, fix, NELEM(fix), "edit");
	json_decref(j);
}

/* ---- files ---- */

/* Is the user's scope a county or wider (who may import the divisions)? */
static bool
county_wide(struct req *r)
{
	if (!r->user.division)
		return true;
	struct division d;
	struct errinfo e;
	return !(store_division_get(r->st, r->user.division, &d, &r->a, &e) == ERR_OK && d.level > LV_COUNTY);
}

void
api_imports(struct req *r)
{
	/* the registry's sheets, then the records of assistance the user may write (a web user could load them
	 * only through the command line on the server) */
	json_t *j = view_import_kinds_json(county_wide(r));
	view_assist_import_kinds(json_object_get(j, "kinds"), r->user.role);
	reply_json(r, 200, j);
}

void
api_import_template(struct req *r)
{
	const struct sheet_spec *sp = sheet_spec_find(r->params[0]);
	bool records = !sp && assist_import_known(r->params[0]);
	if ((!sp && !records) || (sp && sp->county_only && !county_wide(r))) {
		reply_fail(r, ERR_NOTFOUND, "kind", MSG_NO_ROUTE, r->path);
		return;
	}
	enum q_form form;
	if (!q_format(r, FORM_XLSX, false, &form))
		return;
	enum sheet_kind kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	const char *label = sp ? sp->label : NULL;
	if ((records ? view_assist_template(r->params[0], r->user.role, path, kind, &label, &e) :
	    view_sheet_template(sp, path, kind, &e)) != ERR_OK) {
		unlink(path);
		if (e.err == ERR_NOTFOUND)
			reply_fail(r, ERR_NOTFOUND, "kind", MSG_NO_ROUTE, r->path);
		else
			reply_error(r, &e);
		return;
	}
	reply_sheet(r, path, kind, arena_printf(&r->a, "导入模板-%s.%s", label, kind == SHEET_XLSX ? "xlsx" : "csv"));
}

void
api_import(struct req *r)
{
	const char *kind = r->params[0];
	enum err (*fn)(struct store *, const struct import_opts *, struct import_result *, struct arena *,
	    struct errinfo *);
	if (strcmp(kind, "divisions") == 0)
		fn = import_divisions;
	else if (strcmp(kind, "registry") == 0 && q_bool(r, "update")) {
		/* a registry sheet applied to existing households: 信息更正 events */
		fn = import_registry_update;
		kind = "update";
	} else if (strcmp(kind, "registry") == 0)
		fn = import_registry;
	else if (strcmp(kind, "events") == 0)
		fn = import_events;
	else if (strcmp(kind, "income") == 0)
		fn = import_income;
	else if (assist_import_known(kind)) {
		api_import_assist(r, kind);
		return;
	} else {
		reply_fail(r, ERR_NOTFOUND, "kind", MSG_NO_ROUTE, r->path);
		return;
	}
	if (strcmp(kind, "divisions") == 0 && !county_wide(r)) {
		/* divisions are reference data: only an office whose scope is a county or wider replaces them */
		reply_fail(r, ERR_FORBIDDEN, "", MSG_FORBIDDEN, msg_lang() == LANG_EN ? r->role->en : r->role->zh);
		return;
	}
	struct import_opts o = { .as_of_field = "as_of" };
	if (!q_date(r, "as_of", &o.as_of))
		return;
	const char *ev = req_query(r, "event");
	o.event = EV_IDENTIFY;
	if (ev && *ev) {
		const struct code *c = code_find(CL_EVENT, str_from(ev));
		if (!c || (strcmp(c->code, "identify") != 0 && strcmp(c->code, "include_missed") != 0)) {
			reply_fail(r, ERR_INVALID, "event", MSG_BAD_PARAM, "event", ev);
			return;
		}
		evtype_from_code(c->code, &o.event);
	}
	/* require_review: a data role's new households (新识别, 应纳未纳) go through proposals, as one added by
	 * hand does; its change sheet's status rows are refused row by row (import_events) */
	if (fn == import_registry && review_required(r, o.event == EV_INCLUDE_MISSED ? "include_missed" : "identify"))
		return;
	o.role = r->user.role;
	o.batch = req_query(r, "batch");
	/* the name of the user's file, for the audit row (the body is a temporary upload whose name says nothing) */
	if (!q_file_name(r, &o.file_name))
		return;
	o.reason = req_query(r, "reason");
	int year;
	if (!q_int(r, "year", 2000, 9999, 0, &year))
		return;
	o.year = year;
	o.dry_run = q_bool(r, "dry_run");
	o.lenient = q_bool(r, "lenient");
	o.actor = req_actor(r);
	o.ip = r->ip;
	o.path = r->upload_path;
	const char *reason = req_query(r, "reason");
	if (reason && *reason) {
		if (strlen(reason) > 200) {
			reply_fail(r, ERR_INVALID, "reason", MSG_TOO_LONG, 200);
			return;
		}
		o.reason = reason;
	}
	if (r->upload_fd < 0 || r->upload_n == 0) {
		reply_fail(r, ERR_INVALID, "", MSG_EMPTY_FILE);
		return;
	}
	struct import_result res;
	struct errinfo e;
	memset(&res, 0, sizeof(res));
	errinfo_clear(&e);
	problems_init(&res.problems, &r->a);
	enum err rc = fn(r->st, &o, &res, &r->a, &e);
	if (o.dry_run || rc != ERR_OK) {
		struct errinfo ae;
		errinfo_clear(&ae);
		import_audit_unwritten(r->st, kind, &o, &res, rc, &ae);
	}
	if (rc == ERR_OK)
		reply_json(r, 200, view_import_json(&res, kind));
	else if (rc == ERR_INVALID) {
		errinfo_raw(&e, ERR_INVALID, "file", "invalid_file",
		    msg_lang() == LANG_EN ? "the file has problems; nothing was written" : "文件中有问题，未写入任何数据");
		reply_error_data(r, &e, view_import_json(&res, kind));
	} else
		reply_error(r, &e);
}

void
api_export(struct req *r)
{
	struct export_opts o = { 0 };
	int64_t div;
	/* the household list's place and search: export what is on screen */
	if (!q_date(r, "as_of", &o.as_of) || !q_place(r, &div) || !q_search(r, &o.q))
		return;
	o.division = div;
	enum q_form form;
	if (!q_format(r, FORM_XLSX, false, &form))
		return;
	o.kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
	o.gb18030 = q_bool(r, "gb18030");
	o.full = want_full(r);
	o.all = q_bool(r, "all");
	/* the household list's filters: export what is on screen */
	const char *v;
	const struct code *c;
	if ((v = req_query(r, "status")) && *v) {
		if (!(c = code_find(CL_STATUS, str_from(v))) || !status_from_code(c->code, &o.status)) {
			reply_fail(r, ERR_INVALID, "status", MSG_BAD_PARAM, "status", v);
			return;
		}
	}
	if ((v = req_query(r, "attribute")) && *v) {
		if (!(c = code_find(CL_ATTRIBUTE, str_from(v)))) {
			reply_fail(r, ERR_INVALID, "attribute", MSG_BAD_PARAM, "attribute", v);
			return;
		}
		o.attribute = c->code;
	}
	if ((v = req_query(r, "cause")) && *v) {
		if (!(c = code_find(CL_CAUSE, str_from(v)))) {
			reply_fail(r, ERR_INVALID, "cause", MSG_BAD_PARAM, "cause", v);
			return;
		}
		o.cause = c->code;
	}
	o.actor = req_actor(r);
	o.ip = r->ip;
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	o.path = path;
	struct export_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (export_registry(r->st, &o, &res, &e) != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char d[11];
	reply_sheet(r, path, o.kind, export_file_name(r->st, "建档立卡", o.division,
	    date_format(o.as_of ? o.as_of : date_today(), d), o.kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}
