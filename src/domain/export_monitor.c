/* export_monitor.c: the monitoring-era lists of DOMAIN.md §9.3 — 监测对象名单 (objects: every household with a
 * monitoring case identified by the day, eliminated or not), 边缘易致贫人口名单 (marginal: those of type 边缘易致贫户)
 * and 脱贫人口名单 (exited: the 脱贫户 on the day) — one row per member present on the day, with the national
 * export's columns, as CSV or XLSX like the registry export. 证件号码 and phone numbers are masked unless full
 * (audited first); every export is audited. No SQL here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/codes.h"
#include "domain/export.h"
#include "domain/idno.h"
#include "domain/income.h"
#include "domain/monitor.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"

static const char *const mon_cols[] = {
	"县", "乡", "行政村", "自然村", "户编号", "人编号", "姓名", "证件号码", "人数", "与户主关系", "民族", "文化程度",
	"在校生状况", "健康状况", "劳动技能", "务工时间（月）", "是否参加大病保险", "致贫原因1", "危房户",
	"是否解决安全饮用水", "人均纯收入", "户联系电话", "人联系电话", "首次识别时间", "人员识别时间", "户类型",
	"监测对象类型", "风险是否消除", "风险识别时间", "风险消除时间",
};
enum { N_MON_COLS = sizeof(mon_cols) / sizeof(mon_cols[0]) };

bool
export_monitor_list_known(const char *list)
{
	return list && (strcmp(list, "objects") == 0 || strcmp(list, "marginal") == 0 || strcmp(list, "exited") == 0);
}

static const char *
list_title(const char *list)
{
	if (strcmp(list, "exited") == 0)
		return "脱贫人口名单";
	if (strcmp(list, "marginal") == 0)
		return "边缘易致贫人口名单";
	return "监测对象名单";
}

const char *
export_monitor_list_label(const char *list)
{
	return list_title(list);
}

/* A member row kept until the rows are written (the household's figures are read once the members are in). */
struct mrow {
	int64_t hh_id, member_id, village;
	char *hh_no, *name, *id_no, *relation, *ethnicity, *education, *schooling, *health, *labor, *cause_main,
	    *phone, *mphone;
	int work_months, ins_serious, identified_ym, info_date;
	enum status status;
};

struct collect {
	struct mrow *v;
	size_t n, cap;
	struct arena *a;
	const char *list;
	const struct monitor_row *rows;   /* the households' cases (by village and 户编号) */
	size_t n_rows;
	const struct monitor_row **by_hh;   /* the same, by household id (then place in rows) */
};

static int
cmp_by_hh(const void *x, const void *y)
{
	const struct monitor_row *a = *(const struct monitor_row *const *)x, *b = *(const struct monitor_row *const *)y;
	if (a->c.household_id != b->c.household_id)
		return a->c.household_id < b->c.household_id ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Index the cases by household: every member of the range asks for its household's, so a scan of the cases
 * each time was members × monitored households (some 10^7 × 10^5 over a province). */
static void
index_cases(struct collect *c)
{
	c->by_hh = arena_alloc(c->a, (c->n_rows + 1) * sizeof(*c->by_hh));
	for (size_t i = 0; i < c->n_rows; i++)
		c->by_hh[i] = &c->rows[i];
	if (c->n_rows)
		qsort(c->by_hh, c->n_rows, sizeof(*c->by_hh), cmp_by_hh);
}

/* The first case row of household hh (in the rows' order), or NULL. */
static const struct monitor_row *
case_of(const struct collect *c, int64_t hh)
{
	size_t lo = 0, hi = c->n_rows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->by_hh[mid]->c.household_id < hh)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n_rows && c->by_hh[lo]->c.household_id == hh ? c->by_hh[lo] : NULL;
}

static char *
dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static int
collect_cb(void *p, const struct member_row *r)
{
	struct collect *c = p;
	const struct monitor_row *mr = case_of(c, r->h.id);
	bool exited = r->status_at == ST_EXITED_SUPPORTED || r->status_at == ST_EXITED_UNSUPPORTED;
	if (strcmp(c->list, "exited") == 0 ? !exited
	    : strcmp(c->list, "marginal") == 0 ? !(mr && mr->c.type && strcmp(mr->c.type, "marginal") == 0) : !mr)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct mrow *v = arena_alloc(c->a, cap * sizeof(*v));
		if (c->n)
			memcpy(v, c->v, c->n * sizeof(*v));
		c->v = v;
		c->cap = cap;
	}
	struct mrow *x = &c->v[c->n++];
	const struct household *h = &r->h;
	const struct member *m = &r->m;
	*x = (struct mrow){
		.hh_id = h->id, .member_id = m->id, .village = h->village, .hh_no = dup(c->a, h->hh_no),
		.name = dup(c->a, m->name), .id_no = dup(c->a, m->id_no), .relation = dup(c->a, m->relation),
		.ethnicity = dup(c->a, m->ethnicity), .education = dup(c->a, m->education),
		.schooling = dup(c->a, m->schooling), .health = dup(c->a, m->health), .labor = dup(c->a, m->labor),
		.cause_main = dup(c->a, h->cause_main), .phone = dup(c->a, h->phone), .mphone = dup(c->a, m->phone),
		.work_months = m->work_months, .ins_serious = m->ins_serious, .identified_ym = h->identified_ym,
		.info_date = m->info_date, .status = r->status_at,
	};
	return 0;
}


enum err
export_monitoring(struct store *st, const struct export_opts *o, const char *list, struct export_result *r,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	if (!list || !*list)
		list = "objects";
	if (!export_monitor_list_known(list))
		return errinfo_set(e, ERR_INVALID, "list", MSG_BAD_PARAM, "list", list);
	int day = o->as_of ? o->as_of : date_today();
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (o->division)
		division_range(o->division, &lo, &hi);
	if (o->full && store_readonly(st))
		return errinfo_set(e, ERR_DB, "", MSG_DB_READONLY,
		    msg_lang() == LANG_EN ? "an export with full ID numbers must be recorded in the audit log"
					  : "含完整证件号码的导出须记入审计日志");
	char detail[384];
	if (o->full) {
		snprintf(detail, sizeof(detail), "{\"list\":\"%s\",\"division\":%lld,\"as_of\":%d,\"format\":\"%s\"}", list,
		    (long long)o->division, day, o->kind == SHEET_XLSX ? "xlsx" : "csv");
		enum err arc = audit_view(st, o->actor, o->ip, "export.full_id", "monitoring", detail, e);
		if (arc != ERR_OK)
			return arc;
	}
	struct arena a;
	arena_init(&a);
	enum err rc;
	struct sheet_writer *w = NULL;
	/* the households' cases on the day, then the members (read whole before any other query) */
	struct monitor_query q = { .day = day, .division = o->division };
	struct collect c = { .a = &a, .list = list };
	struct monitor_row *rows;
	if ((rc = monitor_list(st, &q, &rows, &c.n_rows, &a, e)) != ERR_OK)
		goto out;
	c.rows = rows;
	index_cases(&c);
	unsigned mask = strcmp(list, "exited") == 0 ? (1u << ST_EXITED_SUPPORTED | 1u << ST_EXITED_UNSUPPORTED) : 0;
	if ((rc = store_each_member(st, day, lo, hi, mask, collect_cb, &c, e)) != ERR_OK)
		goto out;
	if (!(w = sheet_writer_open(o->path, o->kind, o->gb18030, list_title(list), e))) {
		rc = e ? e->err : ERR_IO;
		goto out;
	}
	rc = sheet_writer_title(w, arena_printf(&a, "%s　%s%s", list_title(list), export_title_place(st, o->division, day, &a),
	    o->full ? "" : EXPORT_MASKED(false)), N_MON_COLS, e);
	if (rc == ERR_OK)
		rc = sheet_writer_header(w, mon_cols, N_MON_COLS, e);
	/* per household: its size, latest income, latest assessment and names of its divisions */
	struct division dv = { 0 }, dt = { 0 }, dc = { 0 };
	int64_t last_hh = -1;
	int size = 0;
	char pc[32] = "", danger[8] = "", water[8] = "";
	for (size_t i = 0; i < c.n && rc == ERR_OK; i++) {
		const struct mrow *x = &c.v[i];
		if (x->hh_id != last_hh) {
			last_hh = x->hh_id;
			r->households++;
			size = 0;
			for (size_t k = i; k < c.n && c.v[k].hh_id == x->hh_id; k++)
				size++;
			if (dv.code != x->village) {
				memset(&dv, 0, sizeof(dv));
				memset(&dt, 0, sizeof(dt));
				memset(&dc, 0, sizeof(dc));
				if (store_division_get(st, x->village, &dv, &a, NULL) == ERR_OK && dv.parent &&
				    store_division_get(st, dv.parent, &dt, &a, NULL) == ERR_OK && dt.parent)
					store_division_get(st, dt.parent, &dc, &a, NULL);
				dv.code = x->village;
			}
			/* 人均纯收入: the latest surveyed year up to the day's */
			struct income *incs;
			size_t ni;
			pc[0] = '\0';
			if ((rc = store_income_of_household(st, x->hh_id, &incs, &ni, &a, e)) != ERR_OK)
				break;
			const struct income *in = NULL;
			for (size_t k = 0; k < ni; k++)
				if (incs[k].year <= day / 10000 && (!in || incs[k].year > in->year))
					in = &incs[k];
			int64_t v;
			if (in && (in->net_pc >= 0 ? (v = in->net_pc, true) : income_net_pc(in, in->size > 0 ? in->size : size, &v)))
				snprintf(pc, sizeof(pc), "%lld.%02lld", (long long)(v / 100), (long long)(v < 0 ? -v % 100 : v % 100));
			/* 危房户 and 安全饮用水: the latest assessment on or before the day */
			struct assessment *as;
			size_t na;
			danger[0] = water[0] = '\0';
			if ((rc = store_assessments(st, x->hh_id, &as, &na, &a, e)) != ERR_OK)
				break;
			const struct assessment *ax = NULL;
			for (size_t k = 0; k < na; k++)
				if (as[k].day <= day && (!ax || as[k].day > ax->day))
					ax = &as[k];
			if (ax && ax->housing)
				snprintf(danger, sizeof(danger), "%s", strcmp(ax->housing, "C") == 0 || strcmp(ax->housing, "D") == 0
				    ? "是" : "否");
			if (ax && ax->water >= 0)
				snprintf(water, sizeof(water), "%s", ax->water ? "是" : "否");
		}
		const struct monitor_row *mr = case_of(&c, x->hh_id);
		char id[32], ph[32], mph[32], pno[24], sz[16], wm[16], ym[16], pym[16], rid[16], rel[16];
		if (o->full) {
			snprintf(id, sizeof(id), "%s", x->id_no ? x->id_no : "");
			snprintf(ph, sizeof(ph), "%s", x->phone ? x->phone : "");
			snprintf(mph, sizeof(mph), "%s", x->mphone ? x->mphone : "");
		} else {
			idno_mask(x->id_no, id, sizeof(id));
			phone_mask(x->phone, ph, sizeof(ph));
			phone_mask(x->mphone, mph, sizeof(mph));
		}
		snprintf(pno, sizeof(pno), "%lld", (long long)x->member_id);
		snprintf(sz, sizeof(sz), "%d", size);
		snprintf(wm, sizeof(wm), "%d", x->work_months);
		snprintf(ym, sizeof(ym), "%d", x->identified_ym);
		snprintf(pym, sizeof(pym), "%d", x->info_date / 100);
		rid[0] = rel[0] = '\0';
		if (mr && mr->c.identified)
			snprintf(rid, sizeof(rid), "%d", mr->c.identified / 100);
		if (mr && mr->c.eliminated && mr->c.eliminated <= day)
			snprintf(rel, sizeof(rel), "%d", mr->c.eliminated / 100);
		const char *hh_type = x->status == ST_EXITED_SUPPORTED || x->status == ST_EXITED_UNSUPPORTED ? "脱贫户"
		    : x->status == ST_ORDINARY ? "一般农户" : x->status == ST_POOR || x->status == ST_RETURNED ? "贫困户" : "";
		const char *cells[N_MON_COLS] = {
			dc.name ? dc.name : "", dt.name ? dt.name : "", dv.name ? dv.name : "", "", x->hh_no, pno, x->name, id, sz,
			code_zh(CL_RELATION, x->relation), code_zh(CL_ETHNICITY, x->ethnicity), code_zh(CL_EDUCATION, x->education),
			code_zh(CL_SCHOOLING, x->schooling), health_cell(x->health, o->full, true), code_zh(CL_LABOR, x->labor),
			x->work_months >= 0 ? wm : "", x->ins_serious < 0 ? "" : x->ins_serious ? "是" : "否",
			code_zh(CL_CAUSE, x->cause_main), danger, water, pc, ph, mph, x->identified_ym ? ym : "",
			x->info_date ? pym : "", hh_type, mr && mr->c.type ? code_label(CL_MON_TYPE, mr->c.type) : "",
			mr ? (mr->monitored ? "否" : "是") : "", rid, rel,
		};
		rc = sheet_writer_row(w, cells, N_MON_COLS, e);
		r->members++;
	}
	if (rc != ERR_OK) {
		if (w)
			sheet_writer_abort(w);
		goto out;
	}
	if ((rc = sheet_writer_close(w, e)) != ERR_OK)
		goto out;
	snprintf(detail, sizeof(detail), "{\"list\":\"%s\",\"division\":%lld,\"as_of\":%d,\"format\":\"%s\",\"full\":%s,"
	    "\"households\":%d,\"members\":%d}", list, (long long)(o->division ? o->division : lo), day,
	    o->kind == SHEET_XLSX ? "xlsx" : "csv", o->full ? "true" : "false", r->households, r->members);
	if (store_readonly(st))
		r->unaudited = true;
	else if ((rc = audit_view(st, o->actor, o->ip, "export.monitoring", "monitoring", detail, e)) != ERR_OK)
		remove(o->path);   /* a list of names the log does not hold is not left behind (as export.c) */
out:
	arena_free(&a);
	return rc;
}
