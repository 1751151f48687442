/* api_assistance.c: the 帮扶 and 督查 records and figures over HTTP: the report of `tuopin assistance` (JSON,
 * CSV, XLSX), the records of every kind (list, one, create, change), the kinds for the UI's forms, the
 * households that need a cadre or a visit (a cadre user's own), cadres with too many households, the asset
 * ledgers, a household's cards, handbook and measure card, and the settings. The same domain functions and
 * the same JSON as the CLI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/assist.h"
#include "domain/assist_report.h"
#include "domain/audit.h"
#include "domain/export.h"
#include "domain/import.h"
#include "domain/report.h"
#include "http/api.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"
#include "view/view_assist.h"

#define EN (msg_lang() == LANG_EN)

/* The cadre record of a cadre user (0 for the other roles); a cadre user without one is refused. */
static bool
own_cadre(struct req *r, int64_t *cadre)
{
	*cadre = 0;
	if (strcmp(r->user.role, "cadre") != 0)
		return true;
	struct errinfo e;
	errinfo_clear(&e);
	if (assist_cadre_of_user(r->st, r->user.name, cadre, &e) != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	if (!*cadre) {
		reply_fail(r, ERR_FORBIDDEN, "", MSG_AS_NOT_CADRE_USER);
		return false;
	}
	return true;
}

static void
reply_buf(struct req *r, const struct buf *b)
{
	struct buf *out = reply_json_begin(r, 200);
	buf_append(out, b->p ? b->p : "null", b->p ? b->n : 4);
	reply_json_end(r);
}

/* Send a sheet written by fn as a download named as the others (export_file_name: WHAT-DIVISION-DAY). */
static void
reply_assist_sheet(struct req *r, enum sheet_kind kind, const char *what, int64_t division, int day,
    enum err (*fn)(void *, struct sheet_writer *, struct errinfo *), void *ctx)
{
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	struct sheet_writer *w = sheet_writer_open(path, kind, false, what, &e);
	enum err rc = w ? fn(ctx, w, &e) : e.err;
	if (w)
		rc = rc == ERR_OK ? sheet_writer_close(w, &e) : (sheet_writer_abort(w), rc);
	if (rc != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char d[11];
	reply_sheet(r, path, kind, export_file_name(r->st, what, division, date_format(day, d),
	    kind == SHEET_XLSX ? "xlsx" : "csv", &r->a));
}

static enum err
assist_sheet(void *ctx, struct sheet_writer *w, struct errinfo *e)
{
	return view_assist_sheet(ctx, w, e);
}

static enum err
supervision_sheet(void *ctx, struct sheet_writer *w, struct errinfo *e)
{
	return view_supervision_sheet(ctx, w, e);
}

static bool
query_period(struct req *r, struct assist_query *q, enum sheet_kind *kind, bool *file)
{
	memset(q, 0, sizeof(*q));
	*file = false;
	if (!q_date(r, "from", &q->from) || !q_date(r, "to", &q->to) || !q_division(r, &q->division))
		return false;
	if (q->from && q->to && q->from > q->to) {
		char a[11], b[11];
		reply_fail(r, ERR_INVALID, "from", MSG_PERIOD_REVERSED, date_format(q->from, a), date_format(q->to, b));
		return false;
	}
	enum q_form form;
	if (!q_format(r, FORM_JSON, true, &form))
		return false;
	if (form != FORM_JSON) {
		*kind = form == FORM_CSV ? SHEET_CSV : SHEET_XLSX;
		*file = true;
	}
	return true;
}

void
api_assistance_report(struct req *r)
{
	struct assist_query q;
	enum sheet_kind kind = SHEET_CSV;
	bool file;
	if (!query_period(r, &q, &kind, &file))
		return;
	struct assist_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (assist_report(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	if (file) {
		reply_assist_sheet(r, kind, msg_lang() == LANG_EN ? "assistance" : "帮扶工作", res.div.code, res.to, assist_sheet,
		    &res);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_assist_write(&b, &res);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_supervision_report(struct req *r)
{
	struct assist_query q;
	enum sheet_kind kind = SHEET_CSV;
	bool file;
	if (!query_period(r, &q, &kind, &file))
		return;
	struct supervision_result res;
	struct errinfo e;
	errinfo_clear(&e);
	if (supervision_report(r->st, &q, &res, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	if (file) {
		reply_assist_sheet(r, kind, msg_lang() == LANG_EN ? "supervision" : "督查问责", res.div.code, res.to,
		    supervision_sheet, &res);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_supervision_write(&b, &res);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_assistance_kinds(struct req *r)
{
	struct buf b;
	buf_init(&b);
	view_akinds_write(&b, r->user.role);
	reply_buf(r, &b);
	buf_free(&b);
}

/* The kind of a path; a kind the role may not read is forbidden (the kinds exist for everyone). */
static const struct akind_desc *
path_kind(struct req *r, bool write)
{
	const struct akind_desc *d = akind_find(r->params[0]);
	if (!d) {
		struct buf b;
		buf_init(&b);
		for (int k = 0; k < AK__MAX; k++) {
			if (b.n)
				buf_puts(&b, ", ");
			buf_puts(&b, akinds[k].code);
		}
		reply_fail(r, ERR_NOTFOUND, "kind", MSG_AS_KIND_UNKNOWN, r->params[0], b.p);
		buf_free(&b);
		return NULL;
	}
	if (!(write ? akind_writable(d, r->user.role) : akind_readable(d, r->user.role))) {
		const struct role *ro = r->role;
		reply_fail(r, ERR_FORBIDDEN, "", MSG_AS_NOT_ALLOWED, ro ? (EN ? ro->en : ro->zh) : "?", EN ? d->en : d->zh);
		return NULL;
	}
	return d;
}

static bool
q_id(struct req *r, const char *name, const char *v, int64_t *out)
{
	*out = 0;
	if (!v || !*v)
		return true;
	if (!parse_i64(v, strlen(v), out) || *out <= 0) {
		reply_fail(r, ERR_INVALID, name, MSG_BAD_PARAM, name, v);
		return false;
	}
	return true;
}

/* A full view on record: object the kind (or kind:id), detail what a list held (NULL for one record). */
static bool
audit_full(struct req *r, const char *object, const char *detail)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (audit_view(r->st, req_actor(r), r->ip, "view.full_id", object, detail, &e) != ERR_OK) {
		reply_error(r, &e);
		return false;
	}
	return true;
}

/* A record list as a download (format=csv or xlsx, the list's filters; export roles): every record of the
 * filter, a page of the store at a time, named KIND-DIVISION-DAY as the other exports; audited. */
static void
records_sheet(struct req *r, const struct akind_desc *d, struct arow_filter *f, const char *hh, int64_t div,
    enum sheet_kind kind, bool full)
{
	if (!req_can(r, CAP_EXPORT)) {
		reply_fail(r, ERR_FORBIDDEN, "", MSG_FORBIDDEN, r->role ? (msg_lang() == LANG_EN ? r->role->en : r->role->zh) : "?");
		return;
	}
	char path[64];
	if (!tmp_sheet_path(r, path, sizeof(path)))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	const char *title = msg_lang() == LANG_EN ? d->en : d->zh;
	struct sheet_writer *w = sheet_writer_open(path, kind, false, title, &e);
	enum err rc = w ? ERR_OK : e.err;
	int64_t rows = 0, total = 1;
	f->limit = 1000;
	for (f->offset = 0; rc == ERR_OK && f->offset < total; f->offset += f->limit) {
		struct arena a;
		arena_init(&a);
		struct arec *v;
		size_t n;
		rc = arec_list(r->st, d->k, f, &v, &n, &total, &a, &e);
		if (rc == ERR_OK)
			rc = view_arecs_sheet(w, d, v, n, f->offset == 0, full, &e);
		rows += (int64_t)n;
		arena_free(&a);
		if (n == 0)
			break;
	}
	if (w)
		rc = rc == ERR_OK ? sheet_writer_close(w, &e) : (sheet_writer_abort(w), rc);
	const char *ext = kind == SHEET_XLSX ? "xlsx" : "csv";
	if (rc == ERR_OK)
		rc = arec_export_audit(r->st, d, f, hh, div, ext, rows, full, req_actor(r), r->ip, &e);
	if (rc != ERR_OK) {
		unlink(path);
		reply_error(r, &e);
		return;
	}
	char day[11];
	reply_sheet(r, path, kind, export_file_name(r->st, title, div, date_format(date_today(), day), ext, &r->a));
}

void
api_records(struct req *r)
{
	const struct akind_desc *d = path_kind(r, false);
	if (!d)
		return;
	struct arow_filter f = { 0 };
	int limit, offset;
	int64_t div;
	if (!q_date(r, "from", &f.from) || !q_date(r, "to", &f.to) || !q_division(r, &div) ||
	    !q_int(r, "limit", 1, 1000, 50, &limit) || !q_int(r, "offset", 0, 100000000, 0, &offset) ||
	    !q_id(r, "ref", req_query(r, "ref"), &f.ref_id))
		return;
	f.limit = limit;
	f.offset = offset;
	if (div)
		division_range(div, &f.lo, &f.hi);
	struct errinfo e;
	errinfo_clear(&e);
	const char *hh = req_query(r, "household");
	if (hh && *hh) {
		struct household h;
		if (store_household_by_no(r->st, hh, &h, &r->a, &e) != ERR_OK) {
			reply_fail(r, ERR_NOTFOUND, "household", MSG_HH_NOT_FOUND, hh);
			return;
		}
		f.household_id = h.id;
	}
	bool full = want_full(r);
	enum q_form form;
	if (!q_format(r, FORM_JSON, true, &form))
		return;
	if (form != FORM_JSON) {
		records_sheet(r, d, &f, hh, div, form == FORM_CSV ? SHEET_CSV : SHEET_XLSX, full);
		return;
	}
	struct arec *v;
	size_t n;
	int64_t total;
	if (arec_list(r->st, d->k, &f, &v, &n, &total, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	if (full && arec_list_audit_full(r->st, d, &f, hh, div, n, total, req_actor(r), r->ip, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_arecs_write(&b, d, v, n, total, full);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_record(struct req *r)
{
	const struct akind_desc *d = path_kind(r, false);
	int64_t id;
	if (!d || !q_id(r, "id", r->params[1], &id))
		return;
	struct arec rec;
	struct errinfo e;
	errinfo_clear(&e);
	enum err rc = arec_get(r->st, d->k, id, &rec, &r->a, &e);
	if (rc == ERR_NOTFOUND) {
		reply_fail(r, ERR_NOTFOUND, "id", MSG_AS_RECORD_NOT_FOUND, r->params[1], EN ? d->en : d->zh);
		return;
	}
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	bool full = want_full(r);
	if (full && !audit_full(r, arena_printf(&r->a, "%s:%lld", d->code, (long long)id), NULL))
		return;
	struct buf b;
	struct jw w;
	buf_init(&b);
	jw_init(&w, &b);
	view_arec_write(&w, &rec, full);
	reply_buf(r, &b);
	buf_free(&b);
}

/* The request's JSON object as key/value texts: strings as they are, numbers in decimal, booleans 是/否, arrays
 * joined by 、, null as empty (which clears a mutable field). */
static bool
body_pairs(struct req *r, struct akv **out, size_t *n)
{
	*n = 0;
	json_t *j = req_body(r);
	if (!j)
		return false;
	*out = arena_alloc(&r->a, (json_object_size(j) + 1) * sizeof(**out));
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		const char *s = "";
		if (json_is_string(v))
			s = arena_strdup(&r->a, json_string_value(v));
		else if (json_is_integer(v))
			s = arena_printf(&r->a, "%lld", (long long)json_integer_value(v));
		else if (json_is_real(v))
			s = arena_printf(&r->a, "%.15g", json_real_value(v));   /* 0.005 is refused, not rounded */
		else if (json_is_boolean(v))
			s = json_is_true(v) ? "是" : "否";
		else if (json_is_array(v)) {
			struct buf b;
			buf_init(&b);
			size_t i;
			json_t *x;
			json_array_foreach(v, i, x) {
				if (!json_is_string(x) && !json_is_integer(x)) {
					buf_free(&b);
					json_decref(j);
					reply_fail(r, ERR_INVALID, key, MSG_BAD_TYPE, key, EN ? "a list of texts" : "文本列表");
					return false;
				}
				if (i)
					buf_puts(&b, "、");
				if (json_is_string(x))
					buf_puts(&b, json_string_value(x));
				else
					buf_printf(&b, "%lld", (long long)json_integer_value(x));
			}
			s = arena_strdup(&r->a, b.p ? b.p : "");
			buf_free(&b);
		} else if (!json_is_null(v)) {
			json_decref(j);
			reply_fail(r, ERR_INVALID, key, MSG_BAD_TYPE, key, EN ? "text, a number or true/false" : "文本、数字或是否");
			return false;
		}
		(*out)[(*n)++] = (struct akv){ arena_strdup(&r->a, key), str_from(s), NULL };
	}
	json_decref(j);
	return true;
}

static void
write_record(struct req *r, int64_t id)
{
	const struct akind_desc *d = path_kind(r, true);
	if (!d)
		return;
	int64_t cadre;
	if (!own_cadre(r, &cadre))
		return;
	struct akv *kv;
	size_t n;
	if (!body_pairs(r, &kv, &n))
		return;
	struct errinfo e;
	errinfo_clear(&e);
	struct problems p;
	problems_init(&p, &r->a);
	struct txn t;
	enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
	struct arec rec;
	struct actx c = { .t = &t, .st = r->st, .a = &r->a, .role = r->user.role, .own_cadre = cadre };
	if (rc == ERR_OK) {
		t.ip = r->ip;
		rc = id ? arec_update(&c, d->k, id, kv, n, &rec, &p, &e) : arec_create(&c, d->k, kv, n, &rec, &p, 0, &e);
		if (rc == ERR_OK)
			rc = txn_commit(&t, &e);
		else
			txn_rollback(&t);
	}
	/* a person named by a number registered outside the user's divisions: refused as nobody's number (the
	 * domain), and the attempt recorded once the write is rolled back, as the registry's writes are */
	if (c.probed)
		assist_audit_probe(r->st, req_actor(r), r->ip, d->code, c.probed, 0);
	if (rc == ERR_INVALID) {
		json_t *a = json_array();
		for (size_t i = 0; i < p.n; i++)
			json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "field", p.v[i].column, "code", p.v[i].code,
			    "message", p.v[i].message));
		reply_error_data(r, &e, json_pack("{s:o}", "problems", a));
		return;
	}
	if (rc != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	/* the record as stored, with the names joined */
	if (arec_get(r->st, d->k, rec.r.v[0].i, &rec, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf *out = reply_json_begin(r, id ? 200 : 201);
	struct jw w;
	jw_init(&w, out);
	view_arec_write(&w, &rec, false);
	reply_json_end(r);
}

void
api_record_create(struct req *r)
{
	write_record(r, 0);
}

void
api_record_update(struct req *r)
{
	int64_t id;
	if (!q_id(r, "id", r->params[1], &id))
		return;
	write_record(r, id);
}

/* ---- households that need a cadre or a visit ---- */

static void
households(struct req *r, bool mine)
{
	int day, limit, offset;
	int64_t div = 0, cadre = 0;
	if (!q_date(r, "as_of", &day) || !q_int(r, "limit", 1, 5000, 200, &limit) ||
	    !q_int(r, "offset", 0, 100000000, 0, &offset))
		return;
	if (!mine && (!q_division(r, &div) || !q_id(r, "cadre", req_query(r, "cadre"), &cadre)))
		return;
	if (mine) {
		struct errinfo e;
		errinfo_clear(&e);
		if (assist_cadre_of_user(r->st, r->user.name, &cadre, &e) != ERR_OK) {
			reply_error(r, &e);
			return;
		}
		if (!cadre) {
			reply_fail(r, ERR_NOTFOUND, "", MSG_AS_NOT_CADRE_USER);
			return;
		}
	}
	day = day ? day : date_today();
	const char *which = req_query(r, "which");
	enum hh_which w = HH_ALL;
	if (which && strcmp(which, "unassigned") == 0)
		w = HH_UNASSIGNED;
	else if (which && strcmp(which, "overdue") == 0)
		w = HH_OVERDUE;
	else if (which && *which && strcmp(which, "all") != 0) {
		reply_fail(r, ERR_INVALID, "which", MSG_BAD_PARAM, "which", which);
		return;
	}
	struct assist_hh_view *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (assist_households(r->st, day, div, cadre, w, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	size_t from = (size_t)offset < n ? (size_t)offset : n, k = n - from < (size_t)limit ? n - from : (size_t)limit;
	struct buf b;
	buf_init(&b);
	view_assist_hh_write(&b, v + from, k, day, (int64_t)n);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_assistance_households(struct req *r)
{
	households(r, false);
}

void
api_assistance_mine(struct req *r)
{
	households(r, true);
}

void
api_cadre_loads(struct req *r)
{
	int day;
	int64_t div;
	if (!q_date(r, "as_of", &day) || !q_division(r, &div))
		return;
	day = day ? day : date_today();
	int64_t lo = 0, hi = 999999999999LL;
	if (div)
		division_range(div, &lo, &hi);
	struct errinfo e;
	errinfo_clear(&e);
	struct assist_settings s;
	struct cadre_load *v = NULL;
	size_t n = 0;
	if (assist_settings_get(r->st, &s, &e) != ERR_OK ||
	    store_cadre_loads(r->st, day, lo, hi, s.cadre_limit, &v, &n, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_cadre_loads_write(&b, v, n, s.cadre_limit);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_asset_ledger(struct req *r)
{
	int day, year;
	int64_t div;
	if (!q_date(r, "as_of", &day) || !q_int(r, "year", 1980, 2100, 0, &year) || !q_division(r, &div))
		return;
	struct asset_ledger l;
	struct errinfo e;
	errinfo_clear(&e);
	if (asset_ledger_load(r->st, day, year, div, &l, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_ledger_write(&b, &l);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_assistance_settings(struct req *r)
{
	struct errinfo e;
	errinfo_clear(&e);
	if (strcmp(r->method, "PUT") == 0) {
		/* the county's settings: only the county office changes them */
		if (!req_county_office(r))
			return;
		struct akv *kv;
		size_t n;
		if (!body_pairs(r, &kv, &n))
			return;
		struct txn t;
		enum err rc = txn_begin(&t, r->st, 0, req_actor(r), &e);
		if (rc == ERR_OK)
			t.ip = r->ip;
		for (size_t i = 0; rc == ERR_OK && i < n; i++) {
			char *v = arena_strndup(&r->a, kv[i].val.p, kv[i].val.n);
			rc = assist_settings_set(&t, kv[i].key, v, &e);
		}
		if (rc == ERR_OK)
			rc = txn_commit(&t, &e);
		else if (t.st)
			txn_rollback(&t);
		if (rc != ERR_OK) {
			reply_error(r, &e);
			return;
		}
	}
	struct assist_settings s;
	if (assist_settings_get(r->st, &s, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	reply_json(r, 200, json_pack("{s:i, s:i}", "visit_days", s.visit_days, "cadre_limit", s.cadre_limit));
}

/* ---- one household ---- */

void
api_household_assistance(struct req *r)
{
	int day;
	if (!q_date(r, "as_of", &day))
		return;
	struct assist_household h;
	struct errinfo e;
	errinfo_clear(&e);
	if (assist_household_load(r->st, r->params[0], day, &h, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	bool full = want_full(r);
	if (full && !audit_full(r, r->params[0], "{\"page\":\"assistance\"}"))
		return;
	struct buf b;
	buf_init(&b);
	view_assist_household_write(&b, &h, full);
	reply_buf(r, &b);
	buf_free(&b);
}

void
api_household_handbook(struct req *r)
{
	int day;
	if (!q_date(r, "as_of", &day))
		return;
	day = day ? day : date_today();
	bool full = want_full(r), card = q_bool(r, "card");
	struct household_view hv;
	struct assist_household h;
	struct errinfo e;
	errinfo_clear(&e);
	if (household_view_load(r->st, r->params[0], day, full, req_actor(r), r->ip, &hv, &r->a, &e) != ERR_OK ||
	    assist_household_load(r->st, r->params[0], day, &h, &r->a, &e) != ERR_OK) {
		reply_error(r, &e);
		return;
	}
	struct buf b;
	buf_init(&b);
	view_handbook_write(&b, &hv, &h, card, full);
	reply_buf(r, &b);
	buf_free(&b);
}

/* ---- imports ---- */

void
api_import_assist(struct req *r, const char *kind)
{
	const struct akind_desc *d = assist_import_kind(kind);
	if (!akind_writable(d, r->user.role) || (strcmp(kind, "insurance") == 0 &&
	    !akind_writable(&akinds[AK_SERIOUS_INSURANCE], r->user.role))) {
		reply_fail(r, ERR_FORBIDDEN, "", MSG_AS_NOT_ALLOWED, r->role ? (EN ? r->role->en : r->role->zh) : "?",
		    EN ? d->en : d->zh);
		return;
	}
	if (r->upload_fd < 0 || r->upload_n == 0) {
		reply_fail(r, ERR_INVALID, "", MSG_EMPTY_FILE);
		return;
	}
	struct import_opts o = { 0 };
	if (!q_file_name(r, &o.file_name))
		return;
	o.dry_run = q_bool(r, "dry_run");
	o.actor = req_actor(r);
	o.ip = r->ip;
	o.path = r->upload_path;
	struct import_result res;
	struct errinfo e;
	memset(&res, 0, sizeof(res));
	errinfo_clear(&e);
	problems_init(&res.problems, &r->a);
	enum err rc = assist_import(r->st, kind, &o, &res, &r->a, &e);
	if (rc == ERR_OK)
		reply_json(r, 200, view_import_json(&res, kind));
	else if (rc == ERR_INVALID) {
		errinfo_raw(&e, ERR_INVALID, "file", "invalid_file", EN ? "the file has problems; nothing was written" :
		    "文件中有问题，未写入任何数据");
		reply_error_data(r, &e, view_import_json(&res, kind));
	} else
		reply_error(r, &e);
}
