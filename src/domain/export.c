/* export.c: registry export. */
#include "domain/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/codes.h"
#include "domain/fields.h"
#include "domain/idno.h"
#include "domain/report.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/util.h"

char *
phone_mask(const char *phone, char *out, size_t size)
{
	size_t n = phone ? strlen(phone) : 0;
	if (n < 7) {
		snprintf(out, size, "%s", n ? "****" : "");
		return out;
	}
	snprintf(out, size, "%.3s****%s", phone, phone + n - 4);
	return out;
}

char *
account_mask(const char *account, char *out, size_t size)
{
	size_t n = account ? strlen(account) : 0;
	if (n < 8)
		snprintf(out, size, "%s", n ? "****" : "");
	else if (n <= 12)
		snprintf(out, size, "****%s", account + n - 4);
	else
		snprintf(out, size, "%.4s****%s", account, account + n - 4);
	return out;
}

static const enum col export_cols[] = {
	C_VILLAGE_CODE, C_HH_NO, C_NAME, C_ID_NO, C_RELATION, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING, C_HEALTH,
	C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN,
	C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD, C_STATUS, C_IDENTIFIED_YM, C_EXIT_YEAR, C_PHONE,
	C_BANK, C_BANK_ACCOUNT,
};

struct ctx {
	const struct export_opts *o;
	bool searched;         /* only a search's households: */
	const int64_t *only;   /* their sorted ids (n_only of them, maybe none) */
	size_t n_only;
	struct sheet_writer *w;
	struct export_result *r;
	struct errinfo *e;
	enum err rc;
	int64_t last_hh;
};

static const char *
yesno(int v)
{
	return v == 1 ? "是" : v == 0 ? "否" : "";
}

static int
cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

/* The households a search finds in lo..hi on day (the household list's own lookup), sorted by id. */
static enum err
search_ids(struct store *st, const char *q, int64_t lo, int64_t hi, int day, int64_t **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	struct hh_filter f = { .lo = lo, .hi = hi, .q = q, .sort = HH_SORT_NO, .limit = 1000,
		.day = day < date_today() ? day : 0 };
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	for (;;) {
		struct hh_summary *v;
		size_t k;
		int64_t total;
		enum err rc = store_household_list(st, &f, &v, &k, &total, a, e);
		if (rc != ERR_OK)
			return rc;
		if (*n + k > cap) {
			cap = (*n + k) * 2;
			int64_t *g = arena_alloc(a, cap * sizeof(int64_t));
			if (*n)
				memcpy(g, *out, *n * sizeof(int64_t));
			*out = g;
		}
		for (size_t i = 0; i < k; i++)
			(*out)[(*n)++] = v[i].h.id;
		if (k < (size_t)f.limit)
			break;
		f.offset += f.limit;
	}
	if (*n)
		qsort(*out, *n, sizeof(int64_t), cmp_id);
	return ERR_OK;
}

/* The search text as the audit log keeps it: a name or a 户编号 as given, an ID number masked, a tail as
 * "****" (the log names no number). JSON-escaped, allocated in a. */
static const char *
audit_search_text(const char *q, struct arena *a)
{
	if (!q)
		return "null";
	char id[32];
	const char *shown = q, *norm;
	int kind = 0;
	/* what the search takes for an ID number (hh_search_text), not any long run of digits: a 户编号 of 16
	 * digits was masked as one, and the auditor could not tell which household was exported */
	if (hh_search_text(q, &norm, &kind, a, NULL) == ERR_OK && kind == 1)
		shown = idno_mask(norm, id, sizeof(id));
	else if (kind == 2)
		shown = "****";
	struct buf b;
	buf_init(&b);
	buf_putc(&b, '"');
	for (const char *p = shown; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(&b, '\\');
		if ((unsigned char)*p >= 0x20)
			buf_putc(&b, *p);
	}
	buf_putc(&b, '"');
	char *s = arena_strndup(a, b.p, b.n);
	buf_free(&b);
	return s;
}

static int
row_cb(void *p, const struct member_row *row)
{
	struct ctx *c = p;
	if ((c->o->attribute && !(row->h.attribute && strcmp(row->h.attribute, c->o->attribute) == 0)) ||
	    (c->o->cause && !(row->h.cause_main && strcmp(row->h.cause_main, c->o->cause) == 0)) ||
	    (c->searched && (!c->n_only || !bsearch(&row->h.id, c->only, c->n_only, sizeof(int64_t), cmp_id))))
		return 0;   /* not asked for */
	char village[16], id[32], phone[32], account[40], ym[8], ey[8], wm[8], causes[64] = "";
	const char *cells[NELEM(export_cols)];
	const struct household *h = &row->h;
	const struct member *m = &row->m;
	snprintf(village, sizeof(village), "%012lld", (long long)h->village);
	if (c->o->full)
		snprintf(id, sizeof(id), "%s", m->id_no);
	else
		idno_mask(m->id_no, id, sizeof(id));
	if (c->o->full)
		snprintf(phone, sizeof(phone), "%s", h->phone ? h->phone : "");
	else
		phone_mask(h->phone, phone, sizeof(phone));
	if (c->o->full)
		snprintf(account, sizeof(account), "%s", h->bank_account ? h->bank_account : "");
	else
		account_mask(h->bank_account, account, sizeof(account));
	snprintf(ym, sizeof(ym), "%d", h->identified_ym);
	snprintf(ey, sizeof(ey), "%d", h->exit_year);
	snprintf(wm, sizeof(wm), "%d", m->work_months);
	if (h->cause_other) {
		/* "01,07" -> "因病、缺技术" */
		char tmp[64];
		snprintf(tmp, sizeof(tmp), "%s", h->cause_other);
		for (char *tok = strtok(tmp, ","); tok; tok = strtok(NULL, ",")) {
			size_t k = strlen(causes);
			snprintf(causes + k, sizeof(causes) - k, "%s%s", k ? "、" : "", code_by_code(CL_CAUSE, tok) ?
			    code_by_code(CL_CAUSE, tok)->label : tok);
		}
	}
	for (size_t i = 0; i < NELEM(export_cols); i++) {
		switch (export_cols[i]) {
		case C_VILLAGE_CODE: cells[i] = village; break;
		case C_HH_NO: cells[i] = h->hh_no; break;
		case C_NAME: cells[i] = m->name; break;
		case C_ID_NO: cells[i] = id; break;
		case C_RELATION: cells[i] = code_zh(CL_RELATION, m->relation); break;
		case C_SEX: cells[i] = code_zh(CL_SEX, m->sex); break;
		case C_ETHNICITY: cells[i] = code_zh(CL_ETHNICITY, m->ethnicity); break;
		case C_EDUCATION: cells[i] = code_zh(CL_EDUCATION, m->education); break;
		case C_SCHOOLING: cells[i] = code_zh(CL_SCHOOLING, m->schooling); break;
		case C_HEALTH: cells[i] = health_cell(m->health, c->o->full, true); break;
		case C_LABOR: cells[i] = code_zh(CL_LABOR, m->labor); break;
		case C_WORK_STATUS: cells[i] = code_zh(CL_WORK, m->work_status); break;
		case C_WORK_MONTHS: cells[i] = m->work_months >= 0 ? wm : ""; break;
		case C_INS_MEDICAL: cells[i] = yesno(m->ins_medical); break;
		case C_INS_SERIOUS: cells[i] = yesno(m->ins_serious); break;
		case C_INS_PENSION: cells[i] = yesno(m->ins_pension); break;
		case C_DIBAO: cells[i] = yesno(m->dibao); break;
		case C_TEKUN: cells[i] = yesno(m->tekun); break;
		case C_ATTRIBUTE: cells[i] = code_zh(CL_ATTRIBUTE, h->attribute); break;
		case C_CAUSE_MAIN: cells[i] = code_zh(CL_CAUSE, h->cause_main); break;
		case C_CAUSE_OTHER: cells[i] = causes; break;
		case C_ID_STANDARD: cells[i] = code_zh(CL_STANDARD, h->id_standard); break;
		case C_STATUS: cells[i] = code_zh(CL_STATUS, status_code(row->status_at)); break;
		case C_IDENTIFIED_YM: cells[i] = h->identified_ym ? ym : ""; break;
		case C_EXIT_YEAR: cells[i] = h->exit_year ? ey : ""; break;
		case C_PHONE: cells[i] = phone; break;
		case C_BANK: cells[i] = h->bank ? h->bank : ""; break;
		case C_BANK_ACCOUNT: cells[i] = account; break;
		default: cells[i] = ""; break;
		}
	}
	c->rc = sheet_writer_row(c->w, cells, NELEM(export_cols), c->e);
	if (c->rc != ERR_OK)
		return 1;
	if (h->id != c->last_hh) {
		c->r->households++;
		c->last_hh = h->id;
	}
	c->r->members++;
	return 0;
}

static const char *
division_name(struct store *st, int64_t division, int64_t *code, struct arena *a)
{
	struct division d = { 0 };
	struct errinfo e;
	errinfo_clear(&e);
	if (division ? store_division_get(st, division, &d, a, &e) : division_top(st, &d, a, &e)) {
		*code = division;
		return "全部";
	}
	*code = d.code;
	return d.name && *d.name ? d.name : "全部";
}

const char *
export_file_name(struct store *st, const char *what, int64_t division, const char *when, const char *ext,
    struct arena *a)
{
	int64_t code;
	char *s = arena_printf(a, "%s-%s-%s.%s", what, division_name(st, division, &code, a), when, ext);
	for (char *p = s; *p; p++)
		if (strchr("/\\:*?\"<>|", *p) || (unsigned char)*p < 0x20)
			*p = '_';
	return s;
}

const char *
export_title_place(struct store *st, int64_t division, int day, struct arena *a)
{
	int64_t code;
	char d[11];
	const char *name = division_name(st, division, &code, a);
	if (code)
		return arena_printf(a, "%s（%lld） 截至 %s", name, (long long)code, date_format(day, d));
	return arena_printf(a, "%s 截至 %s", name, date_format(day, d));
}

enum err
export_registry(struct store *st, const struct export_opts *o, struct export_result *r, struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	int day = o->as_of ? o->as_of : date_today();
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (o->division)
		division_range(o->division, &lo, &hi);
	/* An export with full ID numbers is recorded before it is written: none from a database that cannot
	 * record it. */
	if (o->full && store_readonly(st))
		return errinfo_set(e, ERR_DB, "", MSG_DB_READONLY,
		    msg_lang() == LANG_EN ? "an export with full ID numbers must be recorded in the audit log"
					  : "含完整证件号码的导出须记入审计日志");
	if (o->full) {
		char detail[512];
		struct arena qa;
		arena_init(&qa);
		snprintf(detail, sizeof(detail), "{\"division\":%lld,\"as_of\":%d,\"format\":\"%s\",\"status\":\"%s\","
		    "\"attribute\":\"%s\",\"cause\":\"%s\",\"q\":%s}", (long long)o->division, day, o->kind == SHEET_XLSX ? "xlsx" : "csv",
		    status_code(o->status), o->attribute ? o->attribute : "", o->cause ? o->cause : "", audit_search_text(o->q, &qa));
		arena_free(&qa);
		enum err arc = audit_view(st, o->actor, o->ip, "export.full_id", "registry", detail, e);
		if (arc != ERR_OK)
			return arc;
	}
	struct sheet_writer *w = sheet_writer_open(o->path, o->kind, o->gb18030, "建档立卡", e);
	if (!w)
		return e ? e->err : ERR_IO;
	/* XLSX: a title row over the header (the import skips it); ID and account numbers are text cells */
	struct arena ar;
	arena_init(&ar);
	enum err rc = sheet_writer_title(w, arena_printf(&ar, "建档立卡人口名册　%s%s",
	    export_title_place(st, o->division, day, &ar), o->full ? "" : EXPORT_MASKED(false)), NELEM(export_cols), e);
	const char *head[NELEM(export_cols)];
	for (size_t i = 0; i < NELEM(export_cols); i++)
		head[i] = fields[export_cols[i]].label;
	if (rc == ERR_OK)
		rc = sheet_writer_header(w, head, NELEM(export_cols), e);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		arena_free(&ar);
		return rc;
	}
	struct ctx c = { o, false, NULL, 0, w, r, e, ERR_OK, 0 };
	int64_t *only = NULL;
	size_t n_only = 0;
	if (o->q && (rc = search_ids(st, o->q, lo, hi, day, &only, &n_only, &ar, e)) != ERR_OK) {
		sheet_writer_abort(w);
		arena_free(&ar);
		return rc;
	}
	if (o->q) {
		c.searched = true;
		c.only = only;
		c.n_only = n_only;
	}
	unsigned mask = o->status != ST_NONE ? 1u << o->status : o->all ? 0 : (1u << ST_POOR | 1u << ST_RETURNED |
	    1u << ST_EXITED_SUPPORTED | 1u << ST_EXITED_UNSUPPORTED);
	rc = store_each_member(st, day, lo, hi, mask, row_cb, &c, e);
	if (rc == ERR_OK)
		rc = c.rc;
	/* A masked export is still a list of names: who took which one, and how big, is recorded too. */
	char detail[640];
	snprintf(detail, sizeof(detail), "{\"division\":%lld,\"as_of\":%d,\"format\":\"%s\",\"status\":\"%s\","
	    "\"attribute\":\"%s\",\"cause\":\"%s\",\"q\":%s,\"all\":%s,\"full\":%s,\"households\":%d,\"members\":%d}",
	    (long long)(o->division ? o->division : lo), day, o->kind == SHEET_XLSX ? "xlsx" : "csv",
	    status_code(o->status), o->attribute ? o->attribute : "", o->cause ? o->cause : "",
	    audit_search_text(o->q, &ar), o->all ? "true" : "false", o->full ? "true" : "false", r->households, r->members);
	arena_free(&ar);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	if ((rc = sheet_writer_close(w, e)) != ERR_OK)
		return rc;
	if (store_readonly(st)) {
		/* a read-only file (an archived copy) may still be read and exported masked; the caller says that
		 * this one is not in the audit log */
		r->unaudited = true;
		return ERR_OK;
	}
	/* a list of names the log does not hold is not left behind (a hot standby, read-only yet not known as such,
	 * refused the audit row after the file was written) */
	if ((rc = audit_view(st, o->actor, o->ip, "export.registry", "registry", detail, e)) != ERR_OK)
		remove(o->path);
	return rc;
}
