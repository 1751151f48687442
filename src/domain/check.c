/* check.c: the rules of `tuopin check`. */
#include "domain/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

#include "domain/codes.h"
#include "domain/idno.h"
#include "domain/member.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

const struct rule_info rules[R__MAX] = {
	[R_ID_LENGTH] = { "ID_LENGTH", "1_01_002", "证件号码位数不是 18 位（或 20/22 位残疾人证号）",
		"ID number not 18 characters (or a 20/22-digit disability card)" },
	[R_ID_CHARS] = { "ID_CHARS", "1_01_002", "证件号码含非数字字符", "ID number holds non-digits" },
	[R_ID_CHECKSUM] = { "ID_CHECKSUM", "1_01_003", "证件号码校验位错误", "wrong ID check digit" },
	[R_ID_DATE] = { "ID_DATE", "", "证件号码中的出生日期不存在", "impossible birth date in the ID number" },
	[R_ID_PROVINCE] = { "ID_PROVINCE", "", "证件号码省级代码无效", "invalid province prefix in the ID number" },
	[R_ID_PLACEHOLDER] = { "ID_PLACEHOLDER", "4_01_003", "占位证件号码（999999 开头）",
		"placeholder ID number (999999...)" },
	[R_ID_SEX] = { "ID_SEX", "", "性别与证件号码第 17 位不符", "sex differs from the ID number's 17th digit" },
	[R_ID_DUPLICATE] = { "ID_DUPLICATE", "1_01_001", "证件号码在建档立卡人口中重复", "duplicate ID number in the registry" },
	[R_HEAD_NONE] = { "HEAD_NONE", "3_02_012", "户内没有户主", "household without a head" },
	[R_HEAD_SEVERAL] = { "HEAD_SEVERAL", "3_02_011", "户内有多个户主", "household with several heads" },
	[R_RELATION_SEX] = { "RELATION_SEX", "2_01_004", "与户主关系与性别矛盾", "relation contradicts sex" },
	[R_SPOUSE_SEX] = { "SPOUSE_SEX", "2_02_001", "户主与配偶性别相同", "head and spouse of the same sex" },
	[R_CHILD_LABOR] = { "CHILD_LABOR", "2_01_011", "未满 16 周岁但劳动技能不是无劳动力",
		"under 16 but not recorded as without labour capacity" },
	[R_OLD_LABOR] = { "OLD_LABOR", "2_12_005", "60 周岁及以上但为普通或技能劳动力",
		"60 or older but recorded as ordinary or skilled labour" },
	[R_BALANCE] = { "BALANCE", "§6.2", "年度平衡：年末 = 年初 + 增加 − 减少", "yearly balance: end = start + in - out" },
	[R_AGGREGATE] = { "AGGREGATE", "", "统计汇总与明细记录一致", "maintained totals equal the detailed records" },
};

int
rule_find(const char *s)
{
	for (int i = 0; i < (int)R__MAX; i++)
		if (strcasecmp(s, rules[i].code) == 0 || (rules[i].ref[0] && strcmp(s, rules[i].ref) == 0))
			return i;
	return -1;
}

static void
add(struct check_result *r, struct arena *a, enum rule rule, const char *hh_no, const struct member *m,
    const char *fmt, ...)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64;
		struct finding *w = arena_alloc(a, cap * sizeof(*w));
		if (r->n)
			memcpy(w, r->v, r->n * sizeof(*w));
		r->v = w;
		r->cap = cap;
	}
	struct finding *f = &r->v[r->n++];
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	f->rule = rule;
	f->hh_no = hh_no ? arena_strdup(a, hh_no) : NULL;
	if (m) {
		char mask[32];
		idno_mask(m->id_no, mask, sizeof(mask));
		f->member = arena_printf(a, "%s %s", m->name ? m->name : "", mask);
	} else
		f->member = NULL;
	f->message = arena_strdup(a, buf);
}

#define WANT(rl) (q->only < 0 || q->only == (int)(rl))
#define EN (msg_lang() == LANG_EN)

struct walk {
	const struct check_query *q;
	struct check_result *r;
	struct arena *a;
	int day;
	struct arena hh_arena;
	struct member *mv;
	size_t n, cap;
	char *hh_no;
};

static void
member_rules(struct walk *w, const struct member *m)
{
	const struct check_query *q = w->q;
	struct idno id;
	enum msg rc = idno_validate(str_from(m->id_no), 99991231, &id);
	static const struct {
		enum msg m;
		enum rule r;
	} idmap[] = {
		{ MSG_ID_LENGTH, R_ID_LENGTH }, { MSG_ID_CHARS, R_ID_CHARS }, { MSG_ID_CHECKSUM, R_ID_CHECKSUM },
		{ MSG_ID_DATE, R_ID_DATE }, { MSG_ID_PROVINCE, R_ID_PROVINCE }, { MSG_ID_PLACEHOLDER, R_ID_PLACEHOLDER },
	};
	for (size_t i = 0; i < NELEM(idmap); i++)
		if (rc == idmap[i].m && WANT(idmap[i].r)) {
			if (rc == MSG_ID_CHECKSUM)
				add(w->r, w->a, idmap[i].r, w->hh_no, m, msg_text(rc), id.expected);
			else if (rc == MSG_ID_LENGTH)
				add(w->r, w->a, idmap[i].r, w->hh_no, m, msg_text(rc), (int)utf8_len(m->id_no, strlen(m->id_no)));
			else if (rc == MSG_ID_DATE)
				add(w->r, w->a, idmap[i].r, w->hh_no, m, msg_text(rc), id.birth_text);
			else if (rc == MSG_ID_PROVINCE)
				add(w->r, w->a, idmap[i].r, w->hh_no, m, msg_text(rc), id.province);
			else
				add(w->r, w->a, idmap[i].r, w->hh_no, m, "%s", msg_text(rc));
		}
	if ((rc == MSG_OK || rc == MSG_ID_CHECKSUM) && id.sex && m->sex && WANT(R_ID_SEX) &&
	    ((id.sex == 1 && strcmp(m->sex, "1") != 0 && strcmp(m->sex, "9") != 0) ||
		(id.sex == 2 && strcmp(m->sex, "2") != 0 && strcmp(m->sex, "9") != 0)))
		add(w->r, w->a, R_ID_SEX, w->hh_no, m, msg_text(MSG_ID_SEX), code_label(CL_SEX, m->sex),
		    id.sex == 1 ? (EN ? "odd: male" : "奇数，男") : (EN ? "even: female" : "偶数，女"));
	if (m->relation && m->sex && WANT(R_RELATION_SEX)) {
		int need = relation_required_sex(m->relation);
		if ((need == 1 && strcmp(m->sex, "1") != 0) || (need == 2 && strcmp(m->sex, "2") != 0))
			add(w->r, w->a, R_RELATION_SEX, w->hh_no, m, msg_text(MSG_REL_SEX), code_label(CL_RELATION, m->relation),
			    code_label(CL_SEX, need == 1 ? "1" : "2"));
	}
	/* Age rules use the age on the date the member's data was stated. */
	int at = m->info_date ? m->info_date : w->day;
	if (m->birth && m->labor) {
		int age = date_age(m->birth, at);
		char d[11];
		date_format(at, d);
		if (age < 16 && strcmp(m->labor, LABOR_NONE) != 0 && WANT(R_CHILD_LABOR))
			add(w->r, w->a, R_CHILD_LABOR, w->hh_no, m,
			    EN ? "aged %d on %s but recorded as \"%s\"" : "%2$s 时 %1$d 岁，劳动技能却为“%3$s”", age, d,
			    code_label(CL_LABOR, m->labor));
		if (age >= 60 && (strcmp(m->labor, LABOR_NORMAL) == 0 || strcmp(m->labor, LABOR_SKILLED) == 0) &&
		    WANT(R_OLD_LABOR))
			add(w->r, w->a, R_OLD_LABOR, w->hh_no, m,
			    EN ? "aged %d on %s but recorded as \"%s\"" : "%2$s 时 %1$d 岁，劳动技能却为“%3$s”", age, d,
			    code_label(CL_LABOR, m->labor));
	}
}

static void
household_rules(struct walk *w)
{
	const struct check_query *q = w->q;
	if (!w->hh_no)
		return;
	size_t heads = 0;
	const struct member *head = NULL;
	for (size_t i = 0; i < w->n; i++)
		if (w->mv[i].relation && strcmp(w->mv[i].relation, REL_HEAD) == 0) {
			heads++;
			if (!head)
				head = &w->mv[i];
		}
	if (heads == 0 && w->n > 0 && WANT(R_HEAD_NONE))
		add(w->r, w->a, R_HEAD_NONE, w->hh_no, NULL, "%s", msg_text(MSG_HEAD_NONE));
	if (heads > 1 && WANT(R_HEAD_SEVERAL))
		add(w->r, w->a, R_HEAD_SEVERAL, w->hh_no, NULL, msg_text(MSG_HEAD_MULTI), (int)heads);
	if (head && head->sex && WANT(R_SPOUSE_SEX))
		for (size_t i = 0; i < w->n; i++)
			if (w->mv[i].relation && strcmp(w->mv[i].relation, REL_SPOUSE) == 0 && w->mv[i].sex &&
			    strcmp(w->mv[i].sex, head->sex) == 0 && strcmp(head->sex, "9") != 0)
				add(w->r, w->a, R_SPOUSE_SEX, w->hh_no, &w->mv[i], "%s", msg_text(MSG_SPOUSE_SEX));
	for (size_t i = 0; i < w->n; i++)
		member_rules(w, &w->mv[i]);
	w->r->households++;
	w->r->members += w->n;
}

static int
walk_row(void *ctx, const struct member_row *row)
{
	struct walk *w = ctx;
	if (!w->hh_no || strcmp(w->hh_no, row->h.hh_no) != 0) {
		household_rules(w);
		arena_free(&w->hh_arena);
		w->n = 0;
		w->hh_no = arena_strdup(&w->hh_arena, row->h.hh_no);
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->mv = xrealloc(w->mv, w->cap * sizeof(*w->mv));
	}
	/* the store frees its row strings as it goes: keep copies for the household's rules */
	member_copy(&w->mv[w->n++], &row->m, &w->hh_arena);
	return 0;
}

static void
balance(struct store *st, const struct check_query *q, struct check_result *r, struct arena *a, int64_t lo, int64_t hi,
    enum err *rc, struct errinfo *e)
{
	/* The years that have events: from the first effective date to the as-of date. */
	struct flow_event *all;
	size_t nall;
	*rc = store_flows(st, 19000101, r->as_of, lo, hi, &all, &nall, a, e);
	if (*rc != ERR_OK || nall == 0)
		return;
	int first = all[0].effective / 10000;
	for (size_t i = 0; i < nall; i++)
		if (all[i].effective / 10000 < first)
			first = all[i].effective / 10000;
	static const enum group sets[] = { G_CURRENT_POOR, G_REGISTERED };
	for (int y = first; y <= r->as_of / 10000; y++) {
		int start = (y - 1) * 10000 + 1231, end = y * 10000 + 1231;
		struct stat_cell *c0, *c1;
		size_t n0, n1;
		if ((*rc = store_stats_scan(st, start, 0, lo, hi, &c0, &n0, a, e)) != ERR_OK)
			return;
		if ((*rc = store_stats_scan(st, end, 0, lo, hi, &c1, &n1, a, e)) != ERR_OK)
			return;
		for (size_t k = 0; k < NELEM(sets); k++) {
			enum group g = sets[k];
			bool (*in)(enum status) = g == G_CURRENT_POOR ? status_current_poor : status_registered;
			int64_t h0 = 0, p0 = 0, h1 = 0, p1 = 0, dh = 0, dp = 0;
			for (size_t i = 0; i < n0; i++)
				if (in(c0[i].status))
					h0 += c0[i].households, p0 += c0[i].persons;
			for (size_t i = 0; i < n1; i++)
				if (in(c1[i].status))
					h1 += c1[i].households, p1 += c1[i].persons;
			for (size_t i = 0; i < nall; i++) {
				const struct flow_event *f = &all[i];
				if (f->effective / 10000 != y)
					continue;
				if (f->member_id == 0 && (f->from_status != ST_NONE || f->to_status != ST_NONE)) {
					int d = (int)in(f->to_status) - (int)in(f->from_status);
					dh += d;
					dp += d * f->members_at;
				} else if (f->member_id) {
					if (f->type == EV_MEMBER_ADD)
						dp += in(f->before_src);
					else if (f->type == EV_MEMBER_REMOVE)
						dp -= in(f->before_src);
					else if (f->type == EV_SPLIT || f->type == EV_MERGE)
						dp += (int)in(f->before_tgt) - (int)in(f->before_src);
				}
			}
			if (h0 + dh != h1 || p0 + dp != p1)
				add(r, a, R_BALANCE, NULL, NULL,
				    EN ? "%d, %s: start %lld/%lld + changes %lld/%lld != end %lld/%lld (households/persons)"
				       : "%d 年%s：年初 %lld户%lld人 + 变动 %lld户%lld人 ≠ 年末 %lld户%lld人",
				    y, group_label(g), (long long)h0, (long long)p0, (long long)dh, (long long)dp, (long long)h1,
				    (long long)p1);
		}
	}
}

/* Order of cells by division then status. */
static int
cell_cmp(const void *p, const void *q)
{
	const struct stat_cell *x = p, *y = q;
	if (x->village != y->village)
		return x->village < y->village ? -1 : 1;
	return (int)x->status - (int)y->status;
}

/* Sort cells and sum those of one (division, status) into one; returns the new count. Cells with nothing
 * left (0 households, 0 persons) are dropped, so both sides of a comparison agree on absent cells. */
static size_t
cells_sum(struct stat_cell *c, size_t n)
{
	if (n == 0)
		return 0;   /* c may be NULL: qsort wants an array */
	qsort(c, n, sizeof(*c), cell_cmp);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && cell_cmp(&c[m - 1], &c[i]) == 0) {
			c[m - 1].households += c[i].households;
			c[m - 1].persons += c[i].persons;
		} else
			c[m++] = c[i];
	}
	size_t kept = 0;
	for (size_t i = 0; i < m; i++)
		if (c[i].households || c[i].persons)
			c[kept++] = c[i];
	m = kept;
	return m;
}

static void
aggregates(struct store *st, struct check_result *r, struct arena *a, int64_t lo, int64_t hi, int day, enum err *rc,
    struct errinfo *e)
{
	struct stat_cell *x, *y;
	size_t nx, ny;
	if ((*rc = store_stats(st, day, 0, lo, hi, &x, &nx, a, e)) != ERR_OK)
		return;
	if ((*rc = store_stats_scan(st, day, 0, lo, hi, &y, &ny, a, e)) != ERR_OK)
		return;
	struct counts cx, cy;
	memset(&cx, 0, sizeof(cx));
	memset(&cy, 0, sizeof(cy));
	int64_t hx[ST__MAX] = { 0 }, px[ST__MAX] = { 0 }, hy[ST__MAX] = { 0 }, py[ST__MAX] = { 0 };
	for (size_t i = 0; i < nx; i++)
		hx[x[i].status] += x[i].households, px[x[i].status] += x[i].persons;
	for (size_t i = 0; i < ny; i++)
		hy[y[i].status] += y[i].households, py[y[i].status] += y[i].persons;
	/* the roll-ups to towns, counties, cities and provinces against the records of their villages (one
	 * finding per level at most): both sides summed by (division, status), sorted, then merged. Only the
	 * divisions wholly inside [lo, hi]: a town's check says nothing of its county's other towns. */
	static const int64_t unit[] = { 0, 10000000000LL, 100000000LL, 1000000LL, 1000LL };
	for (int level = LV_TOWN; level >= LV_PROVINCE; level--) {
		struct stat_cell *z;
		size_t nz;
		if ((*rc = store_stats_level(st, level, day, lo, hi, &z, &nz, a, e)) != ERR_OK)
			return;
		struct stat_cell *v = arena_alloc(a, (ny + 1) * sizeof(*v));
		size_t nv0 = 0, nz0 = 0;
		for (size_t i = 0; i < ny; i++) {
			int64_t d = y[i].village / unit[level] * unit[level];
			if (d >= lo && d + unit[level] - 1 <= hi) {
				v[nv0] = y[i];
				v[nv0++].village = d;
			}
		}
		for (size_t i = 0; i < nz; i++)
			if (z[i].village >= lo && z[i].village + unit[level] - 1 <= hi)
				z[nz0++] = z[i];
		size_t nv = cells_sum(v, nv0), nzz = cells_sum(z, nz0);
		size_t i = 0, k = 0;
		while (i < nv || k < nzz) {
			int c = i == nv ? 1 : k == nzz ? -1 : cell_cmp(&v[i], &z[k]);
			struct stat_cell none = { 0 }, *pv = c <= 0 ? &v[i] : &none, *pz = c >= 0 ? &z[k] : &none;
			if (pv->households != pz->households || pv->persons != pz->persons) {
				char d[11];
				const struct stat_cell *id = c <= 0 ? pv : pz;
				add(r, a, R_AGGREGATE, NULL, NULL,
				    EN ? "%012lld %s on %s: the roll-up says %lld/%lld, the records %lld/%lld"
				       : "%012lld %s %s：汇总为 %lld户%lld人，明细为 %lld户%lld人",
				    (long long)id->village, status_label(id->status), date_format(day, d),
				    (long long)pz->households, (long long)pz->persons, (long long)pv->households,
				    (long long)pv->persons);
				break;
			}
			i += c <= 0;
			k += c >= 0;
		}
	}
	for (int s = ST_POOR; s < ST__MAX; s++)
		if (hx[s] != hy[s] || px[s] != py[s]) {
			char d[11];
			add(r, a, R_AGGREGATE, NULL, NULL,
			    EN ? "%s on %s: totals say %lld/%lld, records say %lld/%lld"
			       : "%s %s：汇总为 %lld户%lld人，明细为 %lld户%lld人",
			    status_label((enum status)s), date_format(day, d), (long long)hx[s], (long long)px[s],
			    (long long)hy[s], (long long)py[s]);
		}
}

enum err
check_run(struct store *st, const struct check_query *q, struct check_result *r, struct arena *a, struct errinfo *e)
{
	enum err rc = ERR_OK;
	memset(r, 0, sizeof(*r));
	r->as_of = q->as_of ? q->as_of : date_today();
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (q->division)
		division_range(q->division, &lo, &hi);

	struct walk w = { q, r, a, r->as_of, { 0 }, NULL, 0, 0, NULL };
	arena_init(&w.hh_arena);
	unsigned registered = 1u << ST_POOR | 1u << ST_RETURNED | 1u << ST_EXITED_SUPPORTED | 1u << ST_EXITED_UNSUPPORTED;
	rc = store_each_member(st, r->as_of, lo, hi, registered, walk_row, &w, e);
	if (rc == ERR_OK)
		household_rules(&w);
	arena_free(&w.hh_arena);
	free(w.mv);
	if (rc != ERR_OK)
		return rc;

	if (q->only < 0 || q->only == R_ID_DUPLICATE) {
		struct store_scope_save {
			int64_t lo, hi;
		} save = { st->scope_lo, st->scope_hi };
		if (q->division) {
			st->scope_lo = lo > st->scope_lo ? lo : st->scope_lo;
			st->scope_hi = hi < st->scope_hi ? hi : st->scope_hi;
		}
		struct dup_id *d;
		size_t nd;
		rc = store_duplicate_ids(st, r->as_of, &d, &nd, a, e);
		st->scope_lo = save.lo;
		st->scope_hi = save.hi;
		if (rc != ERR_OK)
			return rc;
		for (size_t i = 0; i < nd; i++) {
			char mask[32], **hv;
			size_t nh;
			if ((rc = store_idno_households(st, d[i].id_no, r->as_of, &hv, &nh, a, e)) != ERR_OK)
				return rc;
			struct buf hb;
			buf_init(&hb);
			for (size_t k = 0; k < nh; k++)
				buf_printf(&hb, "%s%s", k ? (EN ? ", " : "、") : "", hv[k]);
			add(r, a, R_ID_DUPLICATE, nh ? hv[0] : NULL, NULL,
			    EN ? "ID number %s is held by %d registered persons (households %s)"
			       : "证件号码 %s 在 %d 名建档立卡人员中重复（户 %s）",
			    idno_mask(d[i].id_no, mask, sizeof(mask)), d[i].count, hb.p ? hb.p : "");
			buf_free(&hb);
		}
	}
	if (q->only < 0 || q->only == R_BALANCE) {
		balance(st, q, r, a, lo, hi, &rc, e);
		if (rc != ERR_OK)
			return rc;
	}
	if (q->only < 0 || q->only == R_AGGREGATE) {
		aggregates(st, r, a, lo, hi, r->as_of, &rc, e);
		if (rc != ERR_OK)
			return rc;
	}
	return ERR_OK;
}
