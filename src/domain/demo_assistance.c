/* demo_assistance.c: the demo's assistance and supervision records (see demo_assistance.h). The article's
 * figures fix how many records of each kind are active in 2018 and what they paid; names, dates, villages and
 * the persons chosen are drawn from the seed. Rows go through arec_insert_row (the records' own checks, in
 * bulk), never as totals. */
#include "domain/demo_assistance.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/assist.h"
#include "domain/codes.h"
#include "lib/date.h"
#include "lib/util.h"

/* ---- the article's figures (SCENARIO.md, 2018-01-01 .. 2018-10-08) ---- */
enum {
	INDUSTRY = 50,            /* 特色农业产业扶贫项目 */
	WORKSHOPS = 37,           /* 扶贫就业车间 */
	HELPED = 1661,            /* persons helped by them through employment or dividends, each once */
	WORKSHOP_PERSONS = 620,   /* of them employed in workshops */
	BOTH = 140,               /* ... and also helped by an industry project */
	FAIR_JOBS_1 = 126, FAIR_JOBS_2 = 88,   /* 2 job fairs, 214 jobs ("210余个") */
	PRODUCTION_PERSONS = 199, /* 富民生产贷 helps 199 poor persons */
	CHECKUPS = 6200,
	PREMIUM = 18000,          /* fen: the 180 元 the finance bureau pays for each */
	YULU = 24, YULU_AMOUNT = 300000,
	CARDS_200 = 530, CARDS_100 = 660,      /* 172,000 元 for 1,190 households */
	CHARITY_VISITS = 2000,
	CASES = 18,
};
/* 富民生产贷 of 2018 to enterprises and cooperatives: 9,950,000 元 */
static const int64_t production_loans[] = { 150000000, 120000000, 100000000, 100000000, 90000000, 80000000, 80000000,
	70000000, 60000000, 50000000, 50000000, 45000000 };
/* supervision 2018 by category: cases and persons held accountable, 18 and 28 */
static const struct {
	const char *category;
	int cases, persons;
} case_plan[] = {
	{ "funds", 4, 7 }, { "identification", 4, 6 }, { "false_claim", 2, 4 }, { "project", 2, 3 },
	{ "policy", 2, 3 }, { "formalism", 2, 3 }, { "dereliction", 1, 1 }, { "bribery", 1, 1 },
};

#define DAY 20181008
#define STAMP 20181008170000LL      /* recorded on the article's day, in the office's zone */
#define PAIRED_FROM 20140301        /* cadres were assigned after the identification */
#define CHANGED_ON 20170301         /* some cadres changed (the history is kept) */

/* ---- generator (xoshiro256**, seeded by splitmix64; independent of demo.c's draws) ---- */
struct rng {
	uint64_t s[4];
};

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
next(struct rng *r)
{
	uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

static int
rint_(struct rng *r, int lo, int hi)
{
	return lo + (int)((next(r) >> 11) % (uint64_t)(hi - lo + 1));
}

static bool
pct(struct rng *r, int p)
{
	return rint_(r, 0, 99) < p;
}

#define PICK(r, a) ((a)[rint_((r), 0, (int)NELEM(a) - 1)])

static void
shuffle(struct rng *r, int *v, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = rint_(r, 0, i), t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
}

/* ---- names ---- */
static const char *const surnames[] = { "王", "张", "刘", "李", "孙", "杨", "陈", "赵", "徐", "高", "朱", "宋", "于",
	"姜", "庄", "杜", "韩", "董", "郭", "马", "吴", "周", "丁", "胡", "薛", "颜", "魏", "曹", "田", "崔", "吕", "郑" };
static const char *const given_m[] = { "建国", "志强", "红军", "立新", "海涛", "晓东", "长春", "宝山", "德胜", "振华",
	"庆伟", "传军", "洪波", "金明", "文华", "家兴", "明亮", "守成", "广田", "学军", "克勤", "树林", "鹏", "磊", "超",
	"刚", "勇", "斌", "涛", "军" };
static const char *const given_f[] = { "秀英", "丽华", "红梅", "玉兰", "春燕", "海燕", "晓霞", "美玲", "爱华", "彩云",
	"桂芳", "金凤", "静", "敏", "娟", "芳", "霞", "艳" };
static const char *const county_units[] = { "临港区扶贫开发办公室", "临港区财政局", "临港区教育和体育局",
	"临港区卫生健康局", "临港区农业农村局", "临港区人力资源和社会保障局", "临港区民政局", "临港区住房和城乡建设局",
	"临港区交通运输局", "临港区水利局", "临港区自然资源局", "临港区市场监督管理局", "临港区税务局",
	"国网临港供电公司", "临港农商银行", "临港区委组织部", "临港区委宣传部", "临港区应急管理局" };
static const char *const city_units[] = { "临沂市扶贫开发办公室", "临沂市农业农村局", "临沂市财政局",
	"临沂市交通运输局", "临沂市卫生健康委员会" };
static const char *const province_units[] = { "山东省农业农村厅", "山东省扶贫开发办公室", "山东省财政厅" };
static const char *const posts_town[] = { "副镇长", "党委委员", "扶贫办主任", "农业站站长", "经管站会计", "民政办干事" };
static const char *const posts_county[] = { "科长", "副科长", "科员", "副局长", "主任科员", "办公室主任" };

struct dg {
	struct store *st;
	struct txn t;
	struct actx c;
	struct arena scratch;
	int used;
	struct rng r;
	struct demo_household *hh;
	int n_hh;
	const struct demo_village *v;
	int n_v;
	struct demo_assist_result *res;
	int64_t *cadre_of;          /* per household: its cadre on the article's day */
	int *by_village_first, *by_village_n, *order;   /* households by village */
};

static char *
person_name(struct dg *g, bool male)
{
	return arena_printf(&g->scratch, "%s%s", PICK(&g->r, surnames), male ? PICK(&g->r, given_m) : PICK(&g->r, given_f));
}

static char *
phone(struct dg *g)
{
	return arena_printf(&g->scratch, "1%c%d%08d", "358"[rint_(&g->r, 0, 2)], rint_(&g->r, 0, 9),
	    rint_(&g->r, 0, 99999999));
}

static struct arec *
rec(struct dg *g, enum akind k)
{
	if (g->used >= 5000) {
		arena_free(&g->scratch);
		arena_init(&g->scratch);
		g->used = 0;
	}
	g->used++;
	struct arec *r = arena_alloc(&g->scratch, sizeof(*r));
	arec_init(r, k, &g->scratch);
	return r;
}

static enum err
put(struct dg *g, struct arec *r, int64_t *id, struct errinfo *e)
{
	enum err rc = arec_insert_row(&g->c, r, e);
	if (rc == ERR_OK) {
		g->res->records++;
		if (id)
			*id = r->r.v[0].i;
	}
	return rc;
}

static const struct demo_village *
village(struct dg *g, int64_t code)
{
	for (int i = 0; i < g->n_v; i++)
		if (g->v[i].code == code)
			return &g->v[i];
	return NULL;
}

static bool
registered(const struct demo_household *d)
{
	return d->group != DG_REMOVE;
}

/* poor or with policy on the article's day */
static bool
policy(const struct demo_household *d)
{
	return d->group == DG_POOR || d->group == DG_RESUME || d->group == DG_ADD || d->group == DG_SUP ||
	    d->group == DG_MISSED;
}

/* insured for 2018: with policy when the premiums were paid (January) or when the campaign included it */
static bool
insured_2018(const struct demo_household *d)
{
	return policy(d) || d->group == DG_END;
}

static int
age(const struct member *m)
{
	return m->birth ? date_age(m->birth, DAY) : 40;
}

static bool
worker(const struct member *m)
{
	int a = age(m);
	return m->labor && (strcmp(m->labor, LABOR_NORMAL) == 0 || strcmp(m->labor, LABOR_SKILLED) == 0) && a >= 18 &&
	    a <= 62;
}

/* The day a household entered the registry as now known (the campaign's, for those it included). */
static int
since(const struct demo_household *d)
{
	return d->group == DG_MISSED ? d->campaign_day : PAIRED_FROM;
}

/* ---- cadres, pairings, work teams ---- */

static enum err
cadre(struct dg *g, int64_t division, const char *affiliation, const char *unit, const char *post, int64_t *id,
    struct errinfo *e)
{
	struct arec *r = rec(g, AK_CADRE);
	bool male = pct(&g->r, 75);
	arec_set_int(r, "division", division);
	arec_set_text(r, "name", person_name(g, male));
	arec_set_text(r, "sex", male ? SEX_MALE : SEX_FEMALE);
	arec_set_text(r, "unit", unit);
	arec_set_text(r, "affiliation", affiliation);
	arec_set_text(r, "post", post);
	arec_set_text(r, "phone", phone(g));
	g->res->cadres++;
	return put(g, r, id, e);
}

static enum err
pairing(struct dg *g, int64_t cadre_id, const struct demo_household *d, int from, int to, struct errinfo *e)
{
	struct arec *r = rec(g, AK_PAIRING);
	arec_set_int(r, "cadre_id", cadre_id);
	arec_set_int(r, "household_id", d->id);
	arec_set_int(r, "village", d->village);
	arec_set_int(r, "start_date", from);
	if (to)
		arec_set_int(r, "end_date", to);
	g->res->pairings++;
	return put(g, r, NULL, e);
}

/* A unit and post for a cadre of the given affiliation in a village. */
static void
unit_of(struct dg *g, const char *aff, const struct demo_village *v, const char **unit, const char **post)
{
	if (strcmp(aff, "village") == 0) {
		*unit = arena_printf(&g->scratch, "%s村民委员会", v->name);
		*post = pct(&g->r, 50) ? "村党支部书记" : "村委会委员";
	} else if (strcmp(aff, "town") == 0) {
		*unit = arena_printf(&g->scratch, "%s人民政府", v->town_name);
		*post = PICK(&g->r, posts_town);
	} else if (strcmp(aff, "county") == 0) {
		*unit = PICK(&g->r, county_units);
		*post = PICK(&g->r, posts_county);
	} else if (strcmp(aff, "city") == 0) {
		*unit = PICK(&g->r, city_units);
		*post = PICK(&g->r, posts_county);
	} else {
		*unit = PICK(&g->r, province_units);
		*post = "处长";
	}
}

/* Each village's registered households, in number order, go to cadres in groups of 10 to 28 (a few cadres
 * help more than the limit of 30); the first group has a village cadre, the others town and county cadres.
 * About one group in twenty changed its cadre on 2017-03-01. */
static enum err
write_cadres(struct dg *g, struct errinfo *e)
{
	enum err rc = ERR_OK;
	for (int vi = 0; vi < g->n_v && rc == ERR_OK; vi++) {
		const struct demo_village *v = &g->v[vi];
		int first = g->by_village_first[vi], n = g->by_village_n[vi];
		int k = 0, group = 0;
		while (k < n && rc == ERR_OK) {
			int size = pct(&g->r, 3) ? rint_(&g->r, 31, 35) : rint_(&g->r, 10, 28);
			if (k + size > n || n - (k + size) < 5)
				size = n - k;
			static const char *const affs[] = { "town", "county", "county", "county", "city" };
			const char *aff = group == 0 ? "village" : (v->poor && pct(&g->r, 10)) ? "province" : PICK(&g->r, affs);
			const char *unit, *post;
			unit_of(g, aff, v, &unit, &post);
			int64_t c1, c2 = 0;
			rc = cadre(g, v->code, aff, unit, post, &c1, e);
			bool changed = rc == ERR_OK && pct(&g->r, 5);
			if (changed) {
				unit_of(g, aff, v, &unit, &post);
				rc = cadre(g, v->code, aff, unit, post, &c2, e);
			}
			for (int j = k; j < k + size && rc == ERR_OK; j++) {
				struct demo_household *d = &g->hh[g->order[first + j]];
				int from = since(d);
				if (changed && from < CHANGED_ON) {
					rc = pairing(g, c1, d, from, date_add_days(CHANGED_ON, -1), e);
					if (rc == ERR_OK)
						rc = pairing(g, c2, d, CHANGED_ON, 0, e);
					g->cadre_of[g->order[first + j]] = c2;
				} else {
					rc = pairing(g, changed ? c2 : c1, d, from, 0, e);
					g->cadre_of[g->order[first + j]] = changed ? c2 : c1;
				}
			}
			k += size;
			group++;
		}
	}
	/* 第一书记 and 驻村工作队 of the 50 poor villages: a first term from 2015-08, a second from 2017-08 */
	for (int vi = 0; vi < g->n_v && rc == ERR_OK; vi++) {
		const struct demo_village *v = &g->v[vi];
		if (!v->poor)
			continue;
		static const struct {
			const char *role;
			int from, to;
		} terms[] = { { "first_secretary", 20150801, 20170731 }, { "first_secretary", 20170801, 0 },
			{ "member", 20170801, 0 }, { "member", 20170801, 0 } };
		for (size_t t = 0; t < NELEM(terms) && rc == ERR_OK; t++) {
			static const char *const affs[] = { "province", "city", "county", "county" };
			const char *aff = strcmp(terms[t].role, "member") == 0 ? "county" : PICK(&g->r, affs), *unit, *post;
			unit_of(g, aff, v, &unit, &post);
			int64_t id;
			if ((rc = cadre(g, v->code, aff, unit, post, &id, e)) != ERR_OK)
				break;
			struct arec *r = rec(g, AK_WORK_TEAM);
			arec_set_int(r, "cadre_id", id);
			arec_set_int(r, "village", v->code);
			arec_set_text(r, "role", terms[t].role);
			arec_set_int(r, "start_date", terms[t].from);
			if (terms[t].to)
				arec_set_int(r, "end_date", terms[t].to);
			g->res->work_team++;
			rc = put(g, r, NULL, e);
		}
	}
	return rc;
}

/* ---- visits ---- */

static const char *const purposes[] = { "春节走访慰问", "政策宣传", "了解家庭收入情况", "两不愁三保障核查",
	"帮扶措施落实回访", "遍访贫困户", "健康帮扶政策落实回访", "产业项目收益核对" };
static const char *const dones[] = { "宣讲健康扶贫、教育扶贫政策", "核对扶贫手册收入台账", "协调落实公益岗位",
	"帮助联系扶贫车间务工", "送去米面油等慰问品", "协助办理医保报销手续", "讲解富民农户贷申请流程",
	"核实住房安全情况", "帮助销售农产品" };

static enum err
visit(struct dg *g, int i, int day, struct errinfo *e)
{
	struct demo_household *d = &g->hh[i];
	struct arec *r = rec(g, AK_VISIT);
	arec_set_int(r, "household_id", d->id);
	arec_set_int(r, "village", d->village);
	arec_set_int(r, "cadre_id", g->cadre_of[i]);
	arec_set_int(r, "visit_date", day);
	arec_set_text(r, "mode", pct(&g->r, 85) ? "home" : "phone");
	arec_set_text(r, "purpose", PICK(&g->r, purposes));
	arec_set_text(r, "done", PICK(&g->r, dones));
	bool ill = false;
	for (int k = 0; k < d->n; k++)
		ill |= d->m[k].health && strcmp(d->m[k].health, "03") == 0;
	static const char *const items[] = { "food", "clothing", "education", "medical", "housing", "water" };
	for (size_t k = 0; k < NELEM(items); k++)
		arec_set_int(r, items[k], 1);
	if (ill && pct(&g->r, 20)) {
		arec_set_int(r, "medical", 0);
		arec_set_text(r, "found", "家中有大病患者，医疗费用负担较重");
	}
	g->res->visits++;
	return put(g, r, NULL, e);
}

/* Every household with policy on the article's day is visited about once a quarter in 2018, the last time
 * after mid-July; a few were not visited since the spring, so the overdue flag shows. Households whose policy
 * ended in the campaign were visited once before it. */
static enum err
write_visits(struct dg *g, struct errinfo *e)
{
	enum err rc = ERR_OK;
	int candidates = 0;
	for (int i = 0; i < g->n_hh; i++)
		candidates += policy(&g->hh[i]);
	int every = candidates / 23;   /* about 23 households are overdue */
	int seen = 0;
	for (int i = 0; i < g->n_hh && rc == ERR_OK; i++) {
		struct demo_household *d = &g->hh[i];
		if (d->group == DG_END) {
			rc = visit(g, i, date_add_days(20180115, rint_(&g->r, 0, 60)), e);
			continue;
		}
		if (!policy(d))
			continue;
		bool overdue = ++seen % every == 0;
		/* the last visit after mid-July; the overdue ones missed it, and the one before was in the spring */
		int last = date_add_days(20180715, overdue ? rint_(&g->r, 0, 15) : rint_(&g->r, 0, 80)), days[6], n = 0;
		for (int day = last; day >= 20180105 && n < 6; day = date_add_days(day, -rint_(&g->r, 70, 88)))
			days[n++] = day;
		if (d->group == DG_MISSED)   /* known since the campaign */
			while (n && days[n - 1] < d->campaign_day)
				n--;
		else if (n < 6)   /* and the last visit of 2017, so that January's is on time */
			days[n] = date_add_days(days[n - 1], -rint_(&g->r, 60, 85)), n++;
		int skip = overdue ? 1 : 0;
		if (overdue)
			g->res->overdue++;
		for (int k = n - 1; k >= skip && rc == ERR_OK; k--)
			rc = visit(g, i, days[k], e);
	}
	return rc;
}

/* ---- measures ---- */

static enum err
measure(struct dg *g, struct demo_household *d, int64_t member, const char *cat, const char *item, int64_t amount,
    const char *source, const char *unit, int day, const char *content, struct errinfo *e)
{
	struct arec *r = rec(g, AK_MEASURE);
	arec_set_int(r, "household_id", d->id);
	arec_set_int(r, "village", d->village);
	if (member)
		arec_set_int(r, "member_id", member);
	arec_set_int(r, "year", day / 10000);
	arec_set_text(r, "category", cat);
	arec_set_text(r, "item", item);
	if (amount >= 0)
		arec_set_int(r, "amount", amount);
	if (source)
		arec_set_text(r, "source", source);
	arec_set_text(r, "unit", unit);
	arec_set_int(r, "measure_date", day);
	arec_set_text(r, "content", content);
	arec_set_int(r, "signed", 1);
	g->res->measures++;
	return put(g, r, NULL, e);
}

/* What each household with policy received besides the specialised records: industry support for those who
 * can work, the allowance for 低保 households, family doctors for the ill, houses renovated, toilets. */
static enum err
write_measures(struct dg *g, struct errinfo *e)
{
	enum err rc = ERR_OK;
	for (int i = 0; i < g->n_hh && rc == ERR_OK; i++) {
		struct demo_household *d = &g->hh[i];
		if (!policy(d))
			continue;
		const struct demo_village *v = village(g, d->village);
		const char *town_gov = arena_printf(&g->scratch, "%s人民政府", v ? v->town_name : "");
		bool workers = false, ill = false, old = true;
		int64_t worker_id = 0, ill_id = 0;
		for (int k = 0; k < d->n_own; k++) {
			if (worker(&d->m[k]) && !worker_id)
				workers = true, worker_id = d->m[k].id;
			if (d->m[k].health && (strcmp(d->m[k].health, "02") == 0 || strcmp(d->m[k].health, "03") == 0) && !ill_id)
				ill = true, ill_id = d->m[k].id;
			old &= age(&d->m[k]) >= 60;
		}
		/* this year's (after the campaign for the households it brought in), and often one of an earlier year */
		int day = 20180000 + rint_(&g->r, 3, 9) * 100 + rint_(&g->r, 1, 28);
		if (d->group == DG_MISSED && day < d->campaign_day)
			day = date_add_days(d->campaign_day, rint_(&g->r, 1, 30));
		if (d->group != DG_MISSED && pct(&g->r, 50)) {
			int before = rint_(&g->r, 2015, 2017) * 10000 + rint_(&g->r, 3, 10) * 100 + rint_(&g->r, 1, 28);
			rc = measure(g, d, 0, "industry", "industry_other", rint_(&g->r, 2, 10) * 10000, "special", town_gov,
			    before, "发放产业扶持资金", e);
			if (rc != ERR_OK)
				break;
		}
		if (workers) {
			static const char *const items[] = { "planting", "breeding", "cooperative" };
			const char *item = PICK(&g->r, items);
			rc = measure(g, d, worker_id, "industry", item, rint_(&g->r, 5, 30) * 10000, "special", town_gov, day,
			    strcmp(item, "planting") == 0 ? "发放大棚蔬菜种苗和肥料" : strcmp(item, "breeding") == 0 ?
			    "扶持养殖黑山羊 3 只" : "加入专业合作社，年底分红", e);
		} else if (d->attribute && (strcmp(d->attribute, "2") == 0 || strcmp(d->attribute, "4") == 0))
			rc = measure(g, d, 0, "security", "dibao", -1, NULL, "临港区民政局", day, "纳入农村最低生活保障", e);
		else if (old)
			rc = measure(g, d, 0, "security", "pension", -1, NULL, "临港区人力资源和社会保障局", day,
			    "城乡居民基本养老保险按月领取", e);
		else
			rc = measure(g, d, 0, "living", "drinking_water", 80000, "integrated", town_gov, day, "户户通自来水改造", e);
		if (rc == ERR_OK && ill)
			rc = measure(g, d, ill_id, "health", "family_doctor", -1, NULL, arena_printf(&g->scratch, "%s卫生院",
			    v ? v->town_name : ""), date_add_days(20180301, rint_(&g->r, 0, 120)), "家庭医生签约服务，定期随访", e);
		if (rc == ERR_OK && pct(&g->r, 6))
			rc = measure(g, d, 0, "housing", "renovation", rint_(&g->r, 15, 20) * 100000, "special",
			    "临港区住房和城乡建设局", date_add_days(20160401, rint_(&g->r, 0, 850)), "C 级危房维修加固", e);
		if (rc == ERR_OK && pct(&g->r, 30))
			rc = measure(g, d, 0, "living", "toilet", 100000, "integrated", town_gov,
			    date_add_days(20180315, rint_(&g->r, 0, 150)), "农村改厕，建设卫生厕所", e);
	}
	return rc;
}

/* ---- projects, beneficiaries, payments ---- */

static const char *const products[] = { "大棚蔬菜", "食用菌", "黄桃", "茶叶", "中药材", "黑山羊", "生猪", "肉鸡",
	"蓝莓", "花生深加工", "小米", "西红柿", "金银花", "草莓" };
static const char *const works[] = { "服装加工", "柳编", "电子元件组装", "假发加工", "工艺品", "食品包装", "玩具加工",
	"鞋帽加工", "编织" };
static const char *const funds[] = { "special", "special", "integrated", "east_west", "paired" };

struct person {
	int hh, m;
};

static enum err
project(struct dg *g, const char *kind, const struct demo_village *v, const char *name, int64_t budget, int start,
    int completed, int closed, const char *op, int64_t *id, struct errinfo *e)
{
	struct arec *r = rec(g, AK_PROJECT);
	arec_set_text(r, "kind", kind);
	arec_set_text(r, "name", name);
	arec_set_int(r, "village", v->code);
	arec_set_int(r, "budget", budget);
	arec_set_text(r, "fund_source", PICK(&g->r, funds));
	arec_set_int(r, "start_date", start);
	arec_set_int(r, "completed", completed);
	if (closed)
		arec_set_int(r, "closed", closed);
	arec_set_text(r, "operator", op);
	g->res->projects++;
	return put(g, r, id, e);
}

static enum err
beneficiary(struct dg *g, enum akind k, int64_t ref, struct person p, const char *mode, int from, int to,
    int64_t *id, struct errinfo *e)
{
	struct demo_household *d = &g->hh[p.hh];
	struct arec *r = rec(g, k);
	arec_set_int(r, "ref_id", ref);
	arec_set_int(r, "household_id", d->id);
	arec_set_int(r, "member_id", d->m[p.m].id);
	arec_set_int(r, "village", d->village);
	if (mode)
		arec_set_text(r, "mode", mode);
	arec_set_int(r, "start_date", from);
	if (to)
		arec_set_int(r, "end_date", to);
	g->res->beneficiaries++;
	return put(g, r, id, e);
}

static enum err
payment(struct dg *g, enum akind k, int64_t ref, const struct demo_household *d, int64_t member, int period, int day,
    int64_t amount, struct errinfo *e)
{
	struct arec *r = rec(g, k);
	arec_set_int(r, "ref_id", ref);
	if (d)
		arec_set_int(r, "household_id", d->id);
	if (member)
		arec_set_int(r, "member_id", member);
	arec_set_int(r, "village", d ? d->village : 0);
	arec_set_int(r, "period", period);
	arec_set_int(r, "paid_on", day);
	arec_set_int(r, "amount", amount);
	g->res->payments++;
	return put(g, r, NULL, e);
}

/* Persons of the registered households, each at most once: those who can work first where asked. */
struct pool {
	struct person *v;
	int n, next;
};

static void
pool_make(struct dg *g, struct pool *p, bool workers_only, bool (*hh_ok)(const struct demo_household *))
{
	p->n = p->next = 0;
	p->v = xmalloc(40000 * sizeof(*p->v));
	for (int i = 0; i < g->n_hh; i++) {
		struct demo_household *d = &g->hh[i];
		if (!hh_ok(d))
			continue;
		for (int k = 0; k < d->n_own && p->n < 40000; k++)
			if (!workers_only || worker(&d->m[k]))
				p->v[p->n++] = (struct person){ i, k };
	}
	int *idx = xmalloc((size_t)(p->n ? p->n : 1) * sizeof(int));
	for (int i = 0; i < p->n; i++)
		idx[i] = i;
	shuffle(&g->r, idx, p->n);
	struct person *w = xmalloc((size_t)(p->n ? p->n : 1) * sizeof(*w));
	for (int i = 0; i < p->n; i++)
		w[i] = p->v[idx[i]];
	free(p->v);
	free(idx);
	p->v = w;
}

/* Take the next person not taken yet (taken marks persons by household and member). */
static bool
pool_take(struct pool *p, unsigned char *taken, const struct dg *g, struct person *out)
{
	while (p->next < p->n) {
		struct person x = p->v[p->next++];
		int key = x.hh * 16 + x.m;
		(void)g;
		if (taken && taken[key])
			continue;
		if (taken)
			taken[key] = 1;
		*out = x;
		return true;
	}
	return false;
}

static const struct demo_village *
pick_village(struct dg *g, bool poor)
{
	for (;;) {
		const struct demo_village *v = &g->v[rint_(&g->r, 0, g->n_v - 1)];
		if (!poor || v->poor)
			return v;
	}
}

static enum err
write_projects(struct dg *g, struct errinfo *e)
{
	enum err rc = ERR_OK;
	unsigned char *taken = xcalloc((size_t)g->n_hh * 16, 1);
	struct pool workers, anyone;
	pool_make(g, &workers, true, registered);
	pool_make(g, &anyone, false, registered);
	int64_t industry[INDUSTRY + 3], workshops[WORKSHOPS + 2];
	int istart[INDUSTRY + 3], wstart[WORKSHOPS + 2];
	/* one industry project in each poor village, and three more that closed in 2017 */
	int pv = 0;
	for (int vi = 0; vi < g->n_v && rc == ERR_OK; vi++) {
		const struct demo_village *v = &g->v[vi];
		if (!v->poor)
			continue;
		const char *prod = PICK(&g->r, products);
		int start = date_add_days(20160301, rint_(&g->r, 0, 780)), done = date_add_days(start, rint_(&g->r, 60, 150));
		if (done > 20180930)
			done = 20180930;
		istart[pv] = start;
		rc = project(g, "industry", v, arena_printf(&g->scratch, "%s%s产业扶贫基地", v->name, prod),
		    rint_(&g->r, 30, 150) * 1000000LL, start, done, 0, arena_printf(&g->scratch, "临港区%s%s专业合作社",
		    v->name, prod), &industry[pv], e);
		pv++;
	}
	assert(rc != ERR_OK || pv == INDUSTRY);
	for (int k = 0; k < 3 && rc == ERR_OK; k++, pv++) {
		const struct demo_village *v = pick_village(g, false);
		istart[pv] = 20160401 + k * 100;
		rc = project(g, "industry", v, arena_printf(&g->scratch, "%s%s种植项目", v->name, PICK(&g->r, products)),
		    rint_(&g->r, 20, 60) * 1000000LL, istart[pv], istart[pv] + 200, 20171130,
		    arena_printf(&g->scratch, "%s村股份经济合作社", v->name), &industry[pv], e);
	}
	/* 37 workshops (and two that closed in 2017), in as many villages */
	for (int k = 0; k < WORKSHOPS + 2 && rc == ERR_OK; k++) {
		const struct demo_village *v = &g->v[(k * 7 + 3) % g->n_v];
		const char *work = PICK(&g->r, works);
		wstart[k] = date_add_days(20160601, rint_(&g->r, 0, 640));
		rc = project(g, "workshop", v, arena_printf(&g->scratch, "%s扶贫车间（%s）", v->name, work),
		    rint_(&g->r, 20, 80) * 1000000LL, wstart[k], date_add_days(wstart[k], rint_(&g->r, 30, 90)),
		    k >= WORKSHOPS ? 20171231 : 0, arena_printf(&g->scratch, "临沂%s%s有限公司", v->town_name, work),
		    &workshops[k], e);
	}
	/* photovoltaic stations in twelve poor villages: dividends to households, not counted above */
	int64_t pvs[12];
	for (int k = 0; k < 12 && rc == ERR_OK; k++) {
		const struct demo_village *v = pick_village(g, true);
		int start = date_add_days(20160501, rint_(&g->r, 0, 400));
		rc = project(g, "pv", v, arena_printf(&g->scratch, "%s村级光伏扶贫电站（100千瓦）", v->name),
		    800000000LL / 10, start, date_add_days(start, 60), 0, arena_printf(&g->scratch, "%s村民委员会", v->name),
		    &pvs[k], e);
	}
	/* 620 persons employed in the active workshops, 140 of them also helped by an industry project; 1,041 more
	 * helped by the industry projects only: 1,661 persons */
	struct person both[BOTH];
	int nboth = 0;
	for (int k = 0; k < WORKSHOP_PERSONS && rc == ERR_OK; k++) {
		struct person p;
		if (!pool_take(&workers, taken, g, &p)) {
			rc = errinfo_raw(e, ERR_INVALID, "", "demo", "not enough workers for the workshops");
			break;
		}
		int w = k % WORKSHOPS, from = date_add_days(wstart[w], rint_(&g->r, 60, 200));
		if (from > 20180901)
			from = 20180901;
		int64_t id;
		rc = beneficiary(g, AK_PROJECT_BENEFICIARY, workshops[w], p, "employment", from, 0, &id, e);
		/* wages by quarter */
		static const int quarters[] = { 20170330, 20170629, 20170928, 20171228, 20180329, 20180628, 20180927 };
		for (size_t q = 0; q < NELEM(quarters) && rc == ERR_OK; q++)
			if (quarters[q] > from)
				rc = payment(g, AK_PROJECT_PAYMENT, id, &g->hh[p.hh], g->hh[p.hh].m[p.m].id, quarters[q] / 100,
				    quarters[q], rint_(&g->r, 18, 30) * 10000, e);
		if (nboth < BOTH)
			both[nboth++] = p;
	}
	for (int k = 0; k < HELPED - WORKSHOP_PERSONS + BOTH && rc == ERR_OK; k++) {
		struct person p;
		if (k < BOTH)
			p = both[k];
		else if (!pool_take(&anyone, taken, g, &p)) {
			rc = errinfo_raw(e, ERR_INVALID, "", "demo", "not enough persons for the projects");
			break;
		}
		int i = k % INDUSTRY, from = date_add_days(istart[i], rint_(&g->r, 90, 240));
		if (from > 20180901)
			from = 20180901;
		int64_t id;
		rc = beneficiary(g, AK_PROJECT_BENEFICIARY, industry[i], p, pct(&g->r, 70) ? "dividend" : "employment", from,
		    0, &id, e);
		if (rc == ERR_OK && from < 20170601)
			rc = payment(g, AK_PROJECT_PAYMENT, id, &g->hh[p.hh], g->hh[p.hh].m[p.m].id, 201706, 20170628,
			    rint_(&g->r, 30, 80) * 1000, e);
		if (rc == ERR_OK && from < 20180601)
			rc = payment(g, AK_PROJECT_PAYMENT, id, &g->hh[p.hh], g->hh[p.hh].m[p.m].id, 201806, 20180628,
			    rint_(&g->r, 30, 80) * 1000, e);
	}
	/* persons helped before 2018 only: by the projects that closed, and those who left in 2017 */
	for (int k = 0; k < 90 && rc == ERR_OK; k++) {
		struct person p;
		if (!pool_take(&workers, taken, g, &p))
			break;
		bool closed_workshop = k < 30;
		int64_t ref = closed_workshop ? workshops[WORKSHOPS + k % 2] : k < 60 ? industry[INDUSTRY + k % 3] :
		    workshops[k % WORKSHOPS];
		/* the first of a month from October 2016 to March 2017 (20161001 + k % 6 * 100 made months 13 to 15) */
		int mon = 10 + k % 6, from = mon <= 12 ? 20160001 + mon * 100 : 20170001 + (mon - 12) * 100,
		    to = closed_workshop || k < 60 ? 20171130 : 20170930;
		rc = beneficiary(g, AK_PROJECT_BENEFICIARY, ref, p, "employment", from, to, NULL, e);
	}
	/* the photovoltaic stations' dividends go to households with policy */
	struct pool pol;
	pool_make(g, &pol, false, policy);
	for (int k = 0; k < 360 && rc == ERR_OK; k++) {
		struct person p;
		if (!pool_take(&pol, NULL, g, &p))
			break;
		if (p.m != 0)
			continue;   /* one line per household: its head */
		int64_t id;
		rc = beneficiary(g, AK_PROJECT_BENEFICIARY, pvs[k % 12], p, "dividend", 20170101, 0, &id, e);
		if (rc == ERR_OK)
			rc = payment(g, AK_PROJECT_PAYMENT, id, &g->hh[p.hh], g->hh[p.hh].m[p.m].id, 201806, 20180630, 100000, e);
	}
	free(pol.v);
	free(workers.v);
	free(anyone.v);
	free(taken);
	return rc;
}

/* ---- public posts: 108,000 元 in 2018 up to the article's day ---- */

static enum err
post(struct dg *g, struct person p, const char *kind, const char *title, int64_t monthly, int from, int to,
    int64_t *id, struct errinfo *e)
{
	struct demo_household *d = &g->hh[p.hh];
	struct arec *r = rec(g, AK_PUBLIC_POST);
	arec_set_text(r, "post_kind", kind);
	arec_set_text(r, "title", title);
	arec_set_int(r, "village", d->village);
	arec_set_int(r, "household_id", d->id);
	arec_set_int(r, "member_id", d->m[p.m].id);
	arec_set_int(r, "monthly", monthly);
	arec_set_int(r, "start_date", from);
	if (to)
		arec_set_int(r, "end_date", to);
	g->res->posts++;
	return put(g, r, id, e);
}

static enum err
pay_months(struct dg *g, int64_t post_id, struct person p, int64_t monthly, int from_ym, int to_ym, struct errinfo *e)
{
	enum err rc = ERR_OK;
	for (int ym = from_ym; ym <= to_ym && rc == ERR_OK; ym = ym % 100 == 12 ? ym + 89 : ym + 1)
		rc = payment(g, AK_POST_PAYMENT, post_id, &g->hh[p.hh], g->hh[p.hh].m[p.m].id, ym, ym * 100 + 25, monthly, e);
	return rc;
}

static enum err
write_posts(struct dg *g, int li, struct errinfo *e)
{
	struct pool pol;
	pool_make(g, &pol, true, policy);
	unsigned char *taken = xcalloc((size_t)g->n_hh * 16, 1);
	for (int k = 0; k < g->hh[li].n_own; k++)   /* the village's cleaning post is his household's only one */
		taken[li * 16 + k] = 1;
	static const struct {
		const char *kind, *title;
	} kinds[] = { { "cleaning", "村保洁员" }, { "cleaning", "村保洁员" }, { "road", "护路员" }, { "forest", "护林员" },
		{ "water", "护水员" }, { "security", "治安协管员" }, { "care", "敬老院护理员" } };
	enum err rc = ERR_OK;
	int64_t id;
	/* 李从山 of 北泉子二村 (颈椎病): the village's cleaning post, 1,000 元 a month from January 2018 */
	struct person li_p = { li, 0 };
	rc = post(g, li_p, "cleaning", "北泉子二村保洁员", 100000, 20180101, 0, &id, e);
	if (rc == ERR_OK)
		rc = pay_months(g, id, li_p, 100000, 201801, 201809, e);
	/* twenty posts since 2017 at 500 元, three more from April 2018, two that ended with 2017 */
	for (int k = 0; k < 25 && rc == ERR_OK; k++) {
		struct person p;
		if (!pool_take(&pol, taken, g, &p))
			break;
		int from = k < 20 || k >= 23 ? 20170101 : 20180401, to = k >= 23 ? 20171231 : 0;
		rc = post(g, p, kinds[k % NELEM(kinds)].kind, kinds[k % NELEM(kinds)].title, 50000, from, to, &id, e);
		if (rc == ERR_OK && from < 20180101)
			rc = pay_months(g, id, p, 50000, 201701, 201712, e);
		if (rc == ERR_OK && !to)
			rc = pay_months(g, id, p, 50000, from < 20180101 ? 201801 : 201804, 201809, e);
	}
	free(pol.v);
	free(taken);
	return rc;
}

/* ---- job fairs and loans ---- */

static enum err
write_fairs(struct dg *g, struct errinfo *e)
{
	static const struct {
		int day, jobs, employers, hired;
		const char *name;
		int town;
	} fairs[] = {
		{ 20171115, 95, 21, 12, "2017年秋季精准扶贫就业招聘会", -1 },
		{ 20180226, FAIR_JOBS_1, 32, 23, "2018年“春风行动”精准扶贫专场招聘会", -1 },
		{ 20180920, FAIR_JOBS_2, 18, 17, "团林镇精准扶贫招聘会", 1 },
	};
	struct pool w;
	pool_make(g, &w, true, registered);
	enum err rc = ERR_OK;
	for (size_t f = 0; f < NELEM(fairs) && rc == ERR_OK; f++) {
		int64_t div = 371373000000LL, id;
		if (fairs[f].town >= 0)
			div = 371373100000LL + 1000LL * fairs[f].town;
		struct arec *r = rec(g, AK_JOB_FAIR);
		arec_set_int(r, "fair_date", fairs[f].day);
		arec_set_text(r, "name", fairs[f].name);
		arec_set_int(r, "division", div);
		arec_set_text(r, "place", fairs[f].town >= 0 ? "团林镇政府广场" : "临港区人力资源市场");
		arec_set_text(r, "organizer", "临港区人力资源和社会保障局");
		arec_set_int(r, "employers", fairs[f].employers);
		arec_set_int(r, "jobs", fairs[f].jobs);
		g->res->fairs++;
		if ((rc = put(g, r, &id, e)) != ERR_OK)
			break;
		for (int k = 0; k < fairs[f].hired && rc == ERR_OK; k++) {
			struct person p;
			if (!pool_take(&w, NULL, g, &p))
				break;
			rc = beneficiary(g, AK_FAIR_HIRE, id, p, "employment", fairs[f].day, fairs[f].day, NULL, e);
		}
	}
	free(w.v);
	return rc;
}

static enum err
loan(struct dg *g, const char *product, const char *borrower, const struct demo_household *d, int64_t village,
    int64_t amount, int from, int to, int rate, int64_t *id, struct errinfo *e)
{
	struct arec *r = rec(g, AK_LOAN);
	arec_set_text(r, "product", product);
	arec_set_text(r, "borrower", borrower);
	if (d)
		arec_set_int(r, "household_id", d->id);
	arec_set_int(r, "village", village);
	arec_set_text(r, "lender", "临港农商银行");
	arec_set_int(r, "amount", amount);
	arec_set_int(r, "start_date", from);
	arec_set_int(r, "end_date", to);
	arec_set_int(r, "rate", rate);
	arec_set_int(r, "subsidy", amount * rate / 10000 * (to / 10000 - from / 10000 ? to / 10000 - from / 10000 : 1));
	arec_set_text(r, "purpose", d ? "发展种养殖" : "扩大生产，吸纳贫困人口就业");
	g->res->loans++;
	return put(g, r, id, e);
}

static enum err
write_loans(struct dg *g, struct errinfo *e)
{
	static const char *const firms[] = { "临沂鑫农果蔬专业合作社", "临港区绿源食用菌有限公司", "山东蒙龙柳编工艺品有限公司",
		"临沂宏达服装有限公司", "临港区金穗农机专业合作社", "临沂华盛电子有限公司", "临港区丰收种植专业合作社",
		"临沂沂蒙黑山羊养殖有限公司", "临港区惠民粮食加工厂", "临沂嘉禾农业科技有限公司", "临港区福源茶叶专业合作社",
		"临沂汇丰工艺品有限公司" };
	_Static_assert(NELEM(firms) == NELEM(production_loans), "one firm per loan");
	struct pool pol;
	pool_make(g, &pol, true, policy);
	unsigned char *taken = xcalloc((size_t)g->n_hh * 16, 1);
	enum err rc = ERR_OK;
	int64_t total = 0;
	for (size_t i = 0; i < NELEM(production_loans); i++)
		total += production_loans[i];
	assert(total == 995000000LL);
	/* 富民生产贷 of 2018: the persons each loan helps, in proportion to its amount, 199 in all */
	int given = 0;
	for (size_t i = 0; i < NELEM(production_loans) && rc == ERR_OK; i++) {
		const struct demo_village *v = pick_village(g, false);
		/* a fortnight apart from 2018-03-10 (all before the article's day), for one or two years: real dates
		 * (20180310 + i * 50 made days such as the 57th of March) */
		int from = date_add_days(20180310, (int)i * 15), to = from + 10000 * (1 + (int)(i % 2));
		int64_t id;
		rc = loan(g, "fumin_production", firms[i], NULL, v->code, production_loans[i], from, to, 435, &id, e);
		int persons = i + 1 == NELEM(production_loans) ? PRODUCTION_PERSONS - given :
		    (int)(production_loans[i] * PRODUCTION_PERSONS / total);
		given += persons;
		for (int k = 0; k < persons && rc == ERR_OK; k++) {
			struct person p;
			if (!pool_take(&pol, taken, g, &p)) {
				rc = errinfo_raw(e, ERR_INVALID, "", "demo", "not enough persons for the loans");
				break;
			}
			rc = beneficiary(g, AK_LOAN_BENEFICIARY, id, p, NULL, from, to, NULL, e);
		}
	}
	/* 富民农户贷 to households: 15 of 2015 (due in 2018; 3 not repaid), 25 of 2016-2017, 8 of 2018 */
	for (int k = 0; k < 48 && rc == ERR_OK;) {
		struct person p;
		if (!pool_take(&pol, taken, g, &p))
			break;
		if (p.m != 0)
			continue;   /* one loan per household, to its head */
		struct demo_household *d = &g->hh[p.hh];
		int from = k < 15 ? 20150410 + (k % 5) * 100 : k < 40 ? (2016 + k % 2) * 10000 + (3 + k % 8) * 100 + 15 :
		    20180320 + (k % 5) * 100;
		int to = from + 30000;   /* three years */
		int64_t amount = rint_(&g->r, 3, 5) * 1000000LL, id;
		rc = loan(g, "fumin_household", d->m[0].name, d, d->village, amount, from, to, 435, &id, e);
		if (rc == ERR_OK)
			rc = beneficiary(g, AK_LOAN_BENEFICIARY, id, (struct person){ p.hh, 0 }, NULL, from, to, NULL, e);
		if (rc == ERR_OK && k < 12) {
			/* repaid at term */
			struct arec *r = rec(g, AK_LOAN_REPAYMENT);
			arec_set_int(r, "ref_id", id);
			arec_set_int(r, "village", d->village);
			arec_set_int(r, "period", to);
			arec_set_int(r, "paid_on", to);
			arec_set_int(r, "amount", amount);
			g->res->payments++;
			rc = put(g, r, NULL, e);
		}
		k++;
	}
	free(pol.v);
	free(taken);
	return rc;
}

/* ---- health, insurance, education, charity ---- */

static enum err
aid(struct dg *g, enum akind k, const struct demo_household *d, int64_t member, int year, int day, int64_t amount,
    const char *paid_by, const char *provider, struct errinfo *e)
{
	struct arec *r = rec(g, k);
	arec_set_int(r, "household_id", d->id);
	if (member)
		arec_set_int(r, "member_id", member);
	arec_set_int(r, "village", d->village);
	if (year)
		arec_set_int(r, "year", year);
	arec_set_int(r, "aid_date", day);
	if (amount >= 0)
		arec_set_int(r, "amount", amount);
	if (paid_by)
		arec_set_text(r, "paid_by", paid_by);
	if (provider)
		arec_set_text(r, "provider", provider);
	g->res->aid++;
	return put(g, r, NULL, e);
}

static enum err
write_aid(struct dg *g, struct errinfo *e)
{
	enum err rc = ERR_OK;
	/* residents' medical insurance (the 180 元 paid by the finance bureau) and serious illness insurance for
	 * every person with policy in 2018: in January, or on the campaign's day for those it brought in */
	int insured = 0;
	for (int i = 0; i < g->n_hh && rc == ERR_OK; i++) {
		struct demo_household *d = &g->hh[i];
		if (!insured_2018(d))
			continue;
		for (int k = 0; k < d->n && rc == ERR_OK; k++) {
			bool late = d->group == DG_RESUME || d->group == DG_MISSED || k >= d->n_own;
			int day = late ? d->campaign_day : 20180120;
			rc = aid(g, AK_MEDICAL_INSURANCE, d, d->m[k].id, 2018, day, PREMIUM, "finance", "临港区医疗保障局", e);
			if (rc == ERR_OK)
				rc = aid(g, AK_SERIOUS_INSURANCE, d, d->m[k].id, 2018, day, -1, "fund", "临港区医疗保障局", e);
			insured++;
		}
	}
	/* 6,200 free examinations, among the insured */
	struct person *ins = xmalloc((size_t)(insured ? insured : 1) * sizeof(*ins));
	int *order = xmalloc((size_t)(insured ? insured : 1) * sizeof(int)), ni = 0;
	for (int i = 0; i < g->n_hh; i++)
		if (insured_2018(&g->hh[i]))
			for (int k = 0; k < g->hh[i].n && ni < insured; k++)
				ins[ni++] = (struct person){ i, k };
	for (int i = 0; i < ni; i++)
		order[i] = i;
	shuffle(&g->r, order, ni);
	for (int k = 0; k < CHECKUPS && k < ni && rc == ERR_OK; k++) {
		struct demo_household *d = &g->hh[ins[order[k]].hh];
		const struct demo_village *v = village(g, d->village);
		rc = aid(g, AK_HEALTH_CHECKUP, d, d->m[ins[order[k]].m].id, 0, date_add_days(20180301, rint_(&g->r, 0, 210)),
		    -1, NULL, arena_printf(&g->scratch, "%s卫生院", v ? v->town_name : ""), e);
	}
	free(ins);
	free(order);
	/* 雨露计划: 24 students aged 16 to 21, 3,000 元 each */
	static const char *const schools[] = { "临沂市高级技工学校", "临沂职业学院", "临沂科技职业学院", "山东医药技师学院",
		"临沂市理工学校" };
	int students = 0, *hs = xmalloc((size_t)g->n_hh * sizeof(int));
	for (int i = 0; i < g->n_hh; i++)
		hs[i] = i;
	shuffle(&g->r, hs, g->n_hh);
	for (int j = 0; j < g->n_hh && rc == ERR_OK && students < YULU; j++) {
		struct demo_household *d = &g->hh[hs[j]];
		if (!policy(d))
			continue;
		for (int k = 0; k < d->n_own && students < YULU; k++)
			if (age(&d->m[k]) >= 16 && age(&d->m[k]) <= 21) {
				rc = aid(g, AK_YULU, d, d->m[k].id, 2018, 20180915, YULU_AMOUNT, NULL, PICK(&g->r, schools), e);
				students++;
				break;
			}
	}
	free(hs);
	if (rc == ERR_OK && students < YULU)
		return errinfo_raw(e, ERR_INVALID, "", "demo", "not enough students for 雨露计划");
	/* charity cards before the Spring Festival: 530 of 200 元 and 660 of 100 元; the Tzu Chi visits */
	int *idx = xmalloc((size_t)g->n_hh * sizeof(int)), n = 0;
	for (int i = 0; i < g->n_hh; i++)
		if (policy(&g->hh[i]) || g->hh[i].group == DG_END)
			idx[n++] = i;
	shuffle(&g->r, idx, n);
	for (int k = 0; k < CARDS_200 + CARDS_100 && k < n && rc == ERR_OK; k++)
		rc = aid(g, AK_CHARITY_CARD, &g->hh[idx[k]], 0, 0, 20180125, k < CARDS_200 ? 20000 : 10000, NULL,
		    "临港区慈善总会", e);
	shuffle(&g->r, idx, n);
	for (int k = 0; k < CHARITY_VISITS && k < n && rc == ERR_OK; k++)
		rc = aid(g, AK_CHARITY_VISIT, &g->hh[idx[k]], 0, 0, date_add_days(20180128, rint_(&g->r, 0, 12)), -1, NULL,
		    "台湾慈济慈善事业基金会", e);
	free(idx);
	return rc;
}

/* ---- project assets ---- */

static enum err
write_assets(struct dg *g, struct errinfo *e)
{
	/* every project that was built became an asset of its village collective (the closed ones disposed of);
	 * roads and water works are public assets; livestock and greenhouses given to households are theirs */
	struct arow_filter f = { 0 };
	struct arec *v;
	size_t n;
	enum err rc = arec_list(g->st, AK_PROJECT, &f, &v, &n, NULL, &g->scratch, e);
	struct { int64_t id, village, budget; int completed, closed; char *name; } *p = xmalloc((n ? n : 1) * sizeof(*p));
	for (size_t i = 0; i < n; i++) {
		p[i].id = v[i].r.v[0].i;
		p[i].village = arec_int(&v[i], "village");
		p[i].budget = arec_int(&v[i], "budget");
		p[i].completed = (int)arec_int(&v[i], "completed");
		p[i].closed = (int)arec_int(&v[i], "closed");
		p[i].name = xstrdup(arec_text(&v[i], "name"));
	}
	for (size_t i = 0; i < n && rc == ERR_OK; i++) {
		struct arec *r = rec(g, AK_ASSET);
		arec_set_int(r, "project_id", p[i].id);
		arec_set_text(r, "name", p[i].name);
		arec_set_text(r, "class", "operating");
		arec_set_int(r, "village", p[i].village);
		arec_set_int(r, "value", p[i].budget);
		arec_set_text(r, "fund_source", "special");
		arec_set_text(r, "owner_level", "village");
		arec_set_text(r, "operator", "村股份经济合作社");
		arec_set_int(r, "formed_on", p[i].completed);
		arec_set_int(r, "confirmed_on", date_add_days(p[i].completed, 30));
		if (p[i].closed) {
			arec_set_int(r, "disposed_on", date_add_days(p[i].closed, 20));
			arec_set_text(r, "disposal", "经营不善停产，经村民代表会议决定公开拍卖，收益用于村内扶贫");
		}
		g->res->assets++;
		int64_t id;
		rc = put(g, r, &id, e);
		/* the collective's share of 2018's income */
		if (rc == ERR_OK && !p[i].closed) {
			struct arec *y = rec(g, AK_ASSET_INCOME);
			arec_set_int(y, "ref_id", id);
			arec_set_int(y, "village", p[i].village);
			arec_set_int(y, "period", 2018);
			arec_set_int(y, "paid_on", 20180715);
			arec_set_int(y, "amount", p[i].budget / 20);
			g->res->payments++;
			rc = put(g, y, NULL, e);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(p[i].name);
	free(p);
	static const char *const public_assets[] = { "村内道路硬化", "安全饮水工程", "村卫生室", "文化广场", "桥涵",
		"灌溉机井" };
	for (int k = 0; k < 40 && rc == ERR_OK; k++) {
		const struct demo_village *vv = pick_village(g, k < 30);
		struct arec *r = rec(g, AK_ASSET);
		arec_set_text(r, "name", arena_printf(&g->scratch, "%s%s", vv->name, PICK(&g->r, public_assets)));
		arec_set_text(r, "class", "public");
		arec_set_int(r, "village", vv->code);
		arec_set_int(r, "value", rint_(&g->r, 10, 120) * 1000000LL);
		arec_set_text(r, "fund_source", PICK(&g->r, funds));
		arec_set_text(r, "owner_level", k % 4 ? "village" : "town");
		arec_set_text(r, "operator", arena_printf(&g->scratch, "%s村民委员会", vv->name));
		arec_set_int(r, "formed_on", date_add_days(20160601, rint_(&g->r, 0, 700)));
		g->res->assets++;
		rc = put(g, r, NULL, e);
	}
	struct pool pol;
	pool_make(g, &pol, false, policy);
	for (int k = 0; k < 60 && rc == ERR_OK; k++) {
		struct person x;
		if (!pool_take(&pol, NULL, g, &x))
			break;
		struct demo_household *d = &g->hh[x.hh];
		struct arec *r = rec(g, AK_ASSET);
		bool sheep = k % 2;
		arec_set_text(r, "name", sheep ? "扶贫黑山羊（5只）" : "冬暖式蔬菜大棚");
		arec_set_text(r, "class", "household");
		arec_set_int(r, "village", d->village);
		arec_set_int(r, "value", sheep ? 600000 : 3500000);
		arec_set_text(r, "fund_source", "special");
		arec_set_text(r, "owner_level", "household");
		arec_set_int(r, "owner_household_id", d->id);
		arec_set_text(r, "operator", d->m[0].name);
		arec_set_int(r, "formed_on", date_add_days(20170301, rint_(&g->r, 0, 400)));
		g->res->assets++;
		rc = put(g, r, NULL, e);
	}
	free(pol.v);
	return rc;
}

/* ---- supervision ---- */

static const char *const problems_of[][2] = {
	{ "funds", "村干部虚列支出套取扶贫项目资金" }, { "funds", "扶贫资金拨付滞后、闲置" },
	{ "identification", "优亲厚友，将不符合条件的亲属纳入建档立卡" }, { "identification", "贫困户识别不精准，漏评"
	"符合条件的农户" }, { "false_claim", "虚报冒领公益岗位补贴" }, { "false_claim", "冒领贫困户危房改造补助" },
	{ "project", "扶贫项目建设质量不达标" }, { "policy", "健康扶贫政策落实不到位" }, { "formalism", "走访流于形式，"
	"扶贫手册填写与实际不符" }, { "dereliction", "帮扶责任人履职不力" }, { "bribery", "村干部向贫困户索要好处费" },
};
static const char *const measures_taken[] = { "admonition", "party", "party", "government", "criticism",
	"organizational" };

static const char *
problem_text(struct dg *g, const char *cat)
{
	const char *c[8];
	int n = 0;
	for (size_t i = 0; i < NELEM(problems_of) && n < 8; i++)
		if (strcmp(problems_of[i][0], cat) == 0)
			c[n++] = problems_of[i][1];
	return n ? c[rint_(&g->r, 0, n - 1)] : "其他扶贫领域问题";
}

static enum err
supervision_case(struct dg *g, const char *cat, int found, int persons, struct errinfo *e)
{
	static const char *const sources[] = { "12317", "audit", "inspection", "unannounced", "petition", "media" };
	const struct demo_village *v = pick_village(g, pct(&g->r, 60));
	struct arec *r = rec(g, AK_CASE);
	arec_set_int(r, "found_on", found);
	arec_set_text(r, "source", PICK(&g->r, sources));
	arec_set_text(r, "category", cat);
	arec_set_int(r, "division", v->code);
	arec_set_text(r, "problem", problem_text(g, cat));
	arec_set_text(r, "transferred_to", "临港区纪委监委");
	arec_set_int(r, "transferred_on", date_add_days(found, 5));
	arec_set_int(r, "deadline", date_add_days(found, 60));
	int fixed = date_add_days(found, rint_(&g->r, 20, 55));
	if (fixed <= DAY)
		arec_set_int(r, "rectified_on", fixed);
	arec_set_text(r, "result", "已整改，违规资金已追缴");
	g->res->cases++;
	int64_t id;
	enum err rc = put(g, r, &id, e);
	for (int k = 0; k < persons && rc == ERR_OK; k++) {
		struct arec *x = rec(g, AK_CASE_PERSON);
		arec_set_int(x, "case_id", id);
		arec_set_int(x, "division", v->code);
		arec_set_text(x, "name", person_name(g, pct(&g->r, 85)));
		arec_set_text(x, "unit", k == 0 ? arena_printf(&g->scratch, "%s村民委员会", v->name) :
		    arena_printf(&g->scratch, "%s人民政府", v->town_name));
		arec_set_text(x, "post", k == 0 ? "村党支部书记" : "包村干部");
		arec_set_text(x, "measure", PICK(&g->r, measures_taken));
		/* the article counts the persons held accountable by its day: a case found within the weeks before it
		 * was decided by then */
		int decided = date_add_days(found, rint_(&g->r, 15, 40));
		arec_set_int(x, "decided_on", found <= DAY && decided > DAY ? DAY : decided);
		rc = put(g, x, NULL, e);
	}
	/* the households an identification or false-claim case is about */
	if (rc == ERR_OK && (strcmp(cat, "identification") == 0 || strcmp(cat, "false_claim") == 0)) {
		int vi = (int)(v - g->v), first = g->by_village_first[vi], n = g->by_village_n[vi];
		for (int k = 0; k < 2 && k < n && rc == ERR_OK; k++) {
			struct demo_household *d = &g->hh[g->order[first + rint_(&g->r, 0, n - 1)]];
			struct arec *x = rec(g, AK_CASE_HOUSEHOLD);
			arec_set_int(x, "case_id", id);
			arec_set_int(x, "household_id", d->id);
			arec_set_int(x, "village", d->village);
			rc = put(g, x, NULL, e);
		}
	}
	return rc;
}

static enum err
write_supervision(struct dg *g, struct errinfo *e)
{
	enum err rc = ERR_OK;
	int total = 0;
	for (size_t i = 0; i < NELEM(case_plan) && rc == ERR_OK; i++)
		for (int k = 0; k < case_plan[i].cases && rc == ERR_OK; k++) {
			/* the persons of a category, spread over its cases */
			int persons = case_plan[i].persons / case_plan[i].cases + (k < case_plan[i].persons % case_plan[i].cases);
			rc = supervision_case(g, case_plan[i].category, date_add_days(20180110, rint_(&g->r, 0, 250)), persons, e);
			total++;
		}
	assert(rc != ERR_OK || total == CASES);
	/* 2017's cases */
	for (int k = 0; k < 4 && rc == ERR_OK; k++)
		rc = supervision_case(g, case_plan[k].category, date_add_days(20170301, rint_(&g->r, 0, 250)), 1 + k % 2, e);
	/* 12317 complaints: 2017's all answered; 2018's answered but three, one of them past its deadline */
	static const char *const contents[] = { "反映本村贫困户识别不公", "反映公益岗位人员不在岗", "反映危房改造补助未发放",
		"咨询医疗费用报销政策", "反映帮扶干部很少入户", "反映扶贫车间拖欠工资", "咨询富民农户贷申请条件",
		"反映低保评定不公" };
	static const char *const cats[] = { "identification", "false_claim", "funds", "policy", "formalism", "policy",
		"policy", "identification" };
	for (int k = 0; k < 36 && rc == ERR_OK; k++) {
		bool y2017 = k < 10;
		int received = y2017 ? date_add_days(20170210, k * 30) : date_add_days(20180108, (k - 10) * 10);
		struct arec *r = rec(g, AK_COMPLAINT);
		int c = rint_(&g->r, 0, (int)NELEM(contents) - 1);
		const struct demo_village *v = pick_village(g, false);
		arec_set_text(r, "channel", pct(&g->r, 70) ? "12317" : "petition");
		arec_set_int(r, "received_on", received);
		arec_set_int(r, "division", v->code);
		arec_set_text(r, "complainant", person_name(g, pct(&g->r, 60)));
		arec_set_text(r, "phone", phone(g));
		arec_set_text(r, "category", cats[c]);
		arec_set_text(r, "content", contents[c]);
		arec_set_text(r, "assigned_to", arena_printf(&g->scratch, "%s人民政府", v->town_name));
		bool open = k >= 33;
		arec_set_int(r, "deadline", k == 33 ? 20180930 : open ? 20181020 : date_add_days(received, 15));
		if (!open) {
			arec_set_int(r, "answered_on", date_add_days(received, rint_(&g->r, 3, 14)));
			arec_set_text(r, "answer", "经核实已处理，并向反映人反馈");
		}
		g->res->complaints++;
		rc = put(g, r, NULL, e);
	}
	return rc;
}

/* ---- the whole ---- */

enum err
demo_assistance_build(struct store *st, uint64_t seed, const char *actor, struct demo_household *hh, int n_hh,
    const struct demo_village *v, int n_v, int li, struct demo_assist_result *res, struct errinfo *e)
{
	memset(res, 0, sizeof(*res));
	struct dg *g = xcalloc(1, sizeof(*g));
	uint64_t s = seed ^ 0x5a17a5c0ffeeULL;
	for (int i = 0; i < 4; i++)
		g->r.s[i] = splitmix(&s);
	g->st = st;
	g->hh = hh;
	g->n_hh = n_hh;
	g->v = v;
	g->n_v = n_v;
	g->res = res;
	arena_init(&g->scratch);
	g->cadre_of = xcalloc((size_t)n_hh, sizeof(int64_t));
	g->by_village_first = xcalloc((size_t)n_v, sizeof(int));
	g->by_village_n = xcalloc((size_t)n_v, sizeof(int));
	g->order = xmalloc((size_t)n_hh * sizeof(int));
	/* registered households by village, in number order (the generator numbered them so) */
	int k = 0;
	for (int vi = 0; vi < n_v; vi++) {
		g->by_village_first[vi] = k;
		for (int i = 0; i < n_hh; i++)
			if (hh[i].village_index == vi && registered(&hh[i]))
				g->order[k++] = i;
		g->by_village_n[vi] = k - g->by_village_first[vi];
	}
	for (int a = 1; a < k; a++)
		for (int b = a; b > 0 && strcmp(hh[g->order[b - 1]].hh_no, hh[g->order[b]].hh_no) > 0 &&
		    hh[g->order[b - 1]].village_index == hh[g->order[b]].village_index; b--) {
			int t = g->order[b];
			g->order[b] = g->order[b - 1];
			g->order[b - 1] = t;
		}
	enum err rc = txn_begin(&g->t, st, stamp_from_local(STAMP), actor, e);
	if (rc == ERR_OK) {
		g->t.quiet_audit = true;
		g->c = (struct actx){ .t = &g->t, .st = st, .a = &g->scratch, .trusted = true };
		/* the members the campaign added have ids now: read them before the rows go in bulk */
		for (int i = 0; i < n_hh && rc == ERR_OK; i++)
			for (int m = hh[i].n_own; m < hh[i].n && rc == ERR_OK; m++) {
				struct member x;
				rc = store_member_in_household(st, hh[i].id, hh[i].m[m].id_no, &x, &g->scratch, e);
				hh[i].m[m].id = x.id;
			}
		if (rc == ERR_OK)
			rc = store_bulk_begin(st, e);
		if (rc == ERR_OK)
			rc = write_cadres(g, e);
		if (rc == ERR_OK)
			rc = write_visits(g, e);
		if (rc == ERR_OK)
			rc = write_measures(g, e);
		if (rc == ERR_OK)
			rc = write_projects(g, e);
		if (rc == ERR_OK)
			rc = write_posts(g, li, e);
		if (rc == ERR_OK)
			rc = write_fairs(g, e);
		if (rc == ERR_OK)
			rc = write_loans(g, e);
		if (rc == ERR_OK)
			rc = write_aid(g, e);
		if (rc == ERR_OK)
			rc = store_bulk_end(st, e);   /* the assets read the projects back */
		if (rc == ERR_OK)
			rc = write_assets(g, e);
		if (rc == ERR_OK)
			rc = write_supervision(g, e);
		if (rc == ERR_OK)
			rc = txn_commit(&g->t, e);
		else
			txn_rollback(&g->t);
	}
	arena_free(&g->scratch);
	free(g->cadre_of);
	free(g->by_village_first);
	free(g->by_village_n);
	free(g->order);
	free(g);
	return rc;
}
