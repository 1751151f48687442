/* roster.c: person lists (名单, DOMAIN.md §9.3) with the national export's columns that the registry holds,
 * streamed: store_each_member_grouped hands the rows in village and 户编号 order, one household is held (for its
 * 人数) and written, then forgotten; the division names are looked up once per village. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/codes.h"
#include "domain/export.h"
#include "domain/idno.h"
#include "domain/tables.h"
#include "lib/date.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

enum rcol {
	R_COUNTY, R_TOWN, R_VILLAGE, R_HH_NO, R_NAME, R_ID_NO, R_SIZE, R_RELATION, R_SEX, R_ETHNICITY, R_EDUCATION,
	R_SCHOOLING, R_HEALTH, R_LABOR, R_WORK_MONTHS, R_INS_SERIOUS, R_CAUSE, R_PHONE_HH, R_PHONE, R_IDENTIFIED,
	R_ATTRIBUTE, R_STATUS, R_MONITORED, R__MAX
};
static const char *const head_zh[R__MAX] = { "县", "乡（镇）", "行政村", "户编号", "姓名", "证件号码", "人数", "与户主关系",
	"性别", "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工时间（月）", "是否参加大病保险", "致贫原因1",
	"户联系电话", "人联系电话", "首次识别时间", "户类型", "户状态", "是否监测对象" };
static const char *const head_en[R__MAX] = { "county", "town", "village", "household no.", "name", "ID number",
	"household size", "relation to head", "sex", "ethnicity", "education", "schooling", "health", "labour",
	"months worked", "serious-illness insurance", "cause 1", "household phone", "phone", "identified",
	"household type", "status", "monitored" };

/* One member of the household being held, its strings copied into the household's arena. */
struct held {
	struct household h;
	struct member m;
	enum status status_at;
};

struct rctx {
	const struct roster_opts *o;
	struct store *st;
	struct sheet_writer *w;
	struct roster_result *r;
	struct errinfo *e;
	enum err rc;
	struct held *rows;
	size_t n, cap;
	struct arena ha;           /* the held household's strings */
	int64_t names_of;          /* the village whose names are below */
	char *county, *town, *village;
	struct arena na;
};

static char *
dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static const char *
yesno(int v)
{
	return v == 1 ? (EN ? "yes" : "是") : v == 0 ? (EN ? "no" : "否") : "";
}

static void
division_names(struct rctx *c, int64_t village)
{
	if (c->names_of == village)
		return;
	arena_free(&c->na);
	arena_init(&c->na);
	c->names_of = village;
	static const int64_t unit[] = { 1000000LL, 1000LL, 1 };   /* county, town, village */
	char **out[] = { &c->county, &c->town, &c->village };
	for (int k = 0; k < 3; k++) {
		struct division d;
		struct errinfo e;
		errinfo_clear(&e);
		*out[k] = "";
		if (store_division_get(c->st, village / unit[k] * unit[k], &d, &c->na, &e) == ERR_OK && d.name)
			*out[k] = d.name;
	}
}

static void
write_household(struct rctx *c)
{
	if (!c->n || c->rc != ERR_OK)
		return;
	division_names(c, c->rows[0].h.village);
	char size[16];
	snprintf(size, sizeof(size), "%zu", c->n);
	for (size_t i = 0; i < c->n && c->rc == ERR_OK; i++) {
		const struct household *h = &c->rows[i].h;
		const struct member *m = &c->rows[i].m;
		char id[40], phh[32], pm[32], ym[24], wm[16];
		if (c->o->full) {
			snprintf(id, sizeof(id), "%s", m->id_no ? m->id_no : "");
			snprintf(phh, sizeof(phh), "%s", h->phone ? h->phone : "");
			snprintf(pm, sizeof(pm), "%s", m->phone ? m->phone : "");
		} else {
			idno_mask(m->id_no ? m->id_no : "", id, sizeof(id));
			phone_mask(h->phone, phh, sizeof(phh));
			phone_mask(m->phone, pm, sizeof(pm));
		}
		if (h->identified_ym)
			snprintf(ym, sizeof(ym), "%04d-%02d", h->identified_ym / 100, h->identified_ym % 100);
		else
			ym[0] = 0;
		if (m->work_months >= 0)
			snprintf(wm, sizeof(wm), "%d", m->work_months);
		else
			wm[0] = 0;
		const char *cells[R__MAX] = {
			[R_COUNTY] = c->county, [R_TOWN] = c->town, [R_VILLAGE] = c->village, [R_HH_NO] = h->hh_no,
			[R_NAME] = m->name, [R_ID_NO] = id, [R_SIZE] = size, [R_RELATION] = code_zh(CL_RELATION, m->relation),
			[R_SEX] = code_zh(CL_SEX, m->sex), [R_ETHNICITY] = code_zh(CL_ETHNICITY, m->ethnicity),
			[R_EDUCATION] = code_zh(CL_EDUCATION, m->education), [R_SCHOOLING] = code_zh(CL_SCHOOLING, m->schooling),
			[R_HEALTH] = health_cell(m->health, c->o->full, true), [R_LABOR] = code_zh(CL_LABOR, m->labor), [R_WORK_MONTHS] = wm,
			[R_INS_SERIOUS] = yesno(m->ins_serious), [R_CAUSE] = code_zh(CL_CAUSE, h->cause_main), [R_PHONE_HH] = phh,
			[R_PHONE] = pm, [R_IDENTIFIED] = ym, [R_ATTRIBUTE] = code_zh(CL_ATTRIBUTE, h->attribute),
			[R_STATUS] = code_zh(CL_STATUS, status_code(c->rows[i].status_at)), [R_MONITORED] = yesno(h->monitored),
		};
		c->rc = sheet_writer_row(c->w, cells, R__MAX, c->e);
	}
	c->r->households++;
	c->r->persons += (int64_t)c->n;
	c->n = 0;
	arena_free(&c->ha);
	arena_init(&c->ha);
}

static int
on_member(void *p, const struct member_row *row)
{
	struct rctx *c = p;
	if (!table_universe_has(c->r->universe, row->status_at))
		return 0;
	if (c->n && c->rows[0].h.id != row->h.id)
		write_household(c);
	if (c->rc != ERR_OK)
		return 1;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->rows = xrealloc(c->rows, c->cap * sizeof(*c->rows));
	}
	struct held *x = &c->rows[c->n++];
	struct arena *a = &c->ha;
	x->status_at = row->status_at;
	x->h = row->h;
	x->h.hh_no = dup(a, row->h.hh_no);
	x->h.attribute = dup(a, row->h.attribute);
	x->h.cause_main = dup(a, row->h.cause_main);
	x->h.phone = dup(a, row->h.phone);
	x->m = row->m;
	x->m.name = dup(a, row->m.name);
	x->m.id_no = dup(a, row->m.id_no);
	x->m.relation = dup(a, row->m.relation);
	x->m.sex = dup(a, row->m.sex);
	x->m.ethnicity = dup(a, row->m.ethnicity);
	x->m.education = dup(a, row->m.education);
	x->m.schooling = dup(a, row->m.schooling);
	x->m.health = dup(a, row->m.health);
	x->m.labor = dup(a, row->m.labor);
	x->m.phone = dup(a, row->m.phone);
	return 0;
}

enum err
roster_export(struct store *st, const struct roster_opts *o, struct roster_result *r, struct arena *a,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	r->as_of = o->as_of ? o->as_of : date_today();
	r->universe = o->universe >= 0 ? (enum group)o->universe : G_REGISTERED;
	enum err rc;
	if (o->division) {
		if ((rc = store_division_get(st, o->division, &r->div, a, e)) != ERR_OK)
			return rc;
	} else if ((rc = division_top(st, &r->div, a, e)) != ERR_OK)
		return rc;
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (r->div.code)
		division_range(r->div.code, &lo, &hi);
	if (o->full && store_readonly(st))
		return errinfo_set(e, ERR_DB, "", MSG_DB_READONLY,
		    EN ? "an export with full ID numbers must be recorded in the audit log" : "含完整证件号码的导出须记入审计日志");
	const char *gkey = (int)r->universe >= G__MAX ? "all" : group_key(r->universe);
	char detail[256];
	snprintf(detail, sizeof(detail), "{\"division\":%lld,\"as_of\":%d,\"group\":\"%s\",\"format\":\"%s\"}",
	    (long long)r->div.code, r->as_of, gkey, o->kind == SHEET_XLSX ? "xlsx" : "csv");
	if (o->full && (rc = audit_view(st, o->actor, o->ip, "export.full_id", "roster", detail, e)) != ERR_OK)
		return rc;
	struct sheet_writer *w = sheet_writer_open(o->path, o->kind, false, EN ? "roster" : "名单", e);
	if (!w)
		return e ? e->err : ERR_IO;
	const char *glabel = (int)r->universe >= G__MAX ? (EN ? "all statuses" : "全部状态") : group_label(r->universe);
	char d[11];
	rc = sheet_writer_title(w, arena_printf(a, EN ? "Roster (%s)    %s, as of %s%s" : "人员名单（%s）　%s　截至 %s%s",
	    glabel, r->div.name ? r->div.name : "", date_format(r->as_of, d),
	    o->full ? "" : EXPORT_MASKED(EN)), R__MAX, e);
	if (rc == ERR_OK)
		rc = sheet_writer_header(w, EN ? head_en : head_zh, R__MAX, e);
	struct rctx c = { .o = o, .st = st, .w = w, .r = r, .e = e, .rc = ERR_OK, .names_of = -1 };
	arena_init(&c.ha);
	arena_init(&c.na);
	if (rc == ERR_OK)
		rc = store_each_member_grouped(st, r->as_of, lo, hi, 0, on_member, &c, e);
	if (rc == ERR_OK) {
		write_household(&c);
		rc = c.rc;
	}
	free(c.rows);
	arena_free(&c.ha);
	arena_free(&c.na);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	if ((rc = sheet_writer_close(w, e)) != ERR_OK)
		return rc;
	if (store_readonly(st)) {
		r->unaudited = true;
		return ERR_OK;
	}
	snprintf(detail, sizeof(detail), "{\"division\":%lld,\"as_of\":%d,\"group\":\"%s\",\"full\":%s,\"households\":%lld,"
	    "\"persons\":%lld}", (long long)r->div.code, r->as_of, gkey, o->full ? "true" : "false",
	    (long long)r->households, (long long)r->persons);
	/* not left behind when the log refuses its row (as the registry's export) */
	if ((rc = audit_view(st, o->actor, o->ip, "export.roster", "roster", detail, e)) != ERR_OK)
		remove(o->path);
	return rc;
}
