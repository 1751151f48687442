/* assist_report.c: the assistance figures (the rows of `tuopin assistance`, coverage, measures by category,
 * loans, money paid), the asset ledgers and one household's assistance, each gathered from the store's counts
 * of the records. */
#include "domain/assist_report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"

static const struct {
	const char *code, *zh, *en;
} rows[AR__MAX] = {
	[AR_INDUSTRY_PROJECT] = { "industry_project", "特色产业扶贫项目", "industry projects" },
	[AR_WORKSHOP] = { "workshop", "扶贫就业车间", "poverty-alleviation workshops" },
	[AR_PROJECT_BENEFICIARIES] = { "project_beneficiaries", "项目和车间带动贫困人口", "persons helped by projects and workshops" },
	[AR_PUBLIC_POST] = { "public_post", "公益性岗位", "public-welfare posts" },
	[AR_JOB_FAIR] = { "job_fair", "招聘会", "job fairs" },
	[AR_LOAN_FUMIN_PRODUCTION] = { "loan_fumin_production", "富民生产贷", "Fumin production loans" },
	[AR_HEALTH_CHECKUP] = { "health_checkup", "免费查体", "free health examinations" },
	[AR_MEDICAL_INSURANCE] = { "medical_insurance", "居民医疗保险", "resident medical insurance" },
	[AR_SERIOUS_INSURANCE] = { "serious_illness_insurance", "大病保险", "serious illness insurance" },
	[AR_YULU] = { "yulu", "雨露计划", "Yulu plan" },
	[AR_CHARITY_CARD] = { "charity_card", "慈善扶贫救助卡", "charity cards" },
	[AR_CHARITY_VISIT] = { "charity_visit", "慈善慰问", "charity visits" },
	[AR_PV_STATION] = { "pv_station", "光伏扶贫电站", "photovoltaic stations" },
	[AR_LOAN_FUMIN_HOUSEHOLD] = { "loan_fumin_household", "富民农户贷", "Fumin household loans" },
};

const char *
arow_code(enum arow_code c)
{
	return rows[c].code;
}

const char *
arow_label(enum arow_code c)
{
	return msg_lang() == LANG_EN ? rows[c].en : rows[c].zh;
}

double
assist_share(int64_t part, int64_t whole)
{
	if (whole <= 0)
		return 1.0;
	return round((double)part * 10000.0 / (double)whole) / 10000.0;
}

/* The period and the division of a query: to defaults to today, from to the first of January of to's year. */
static enum err
resolve(struct store *st, const struct assist_query *q, int *from, int *to, struct division *div, int64_t *lo,
    int64_t *hi, struct arena *a, struct errinfo *e)
{
	*to = q->to ? q->to : date_today();
	*from = q->from ? q->from : (*to / 10000) * 10000 + 101;
	enum err rc;
	if (q->division)
		rc = store_division_get(st, q->division, div, a, e);
	else
		rc = division_top(st, div, a, e);
	if (rc != ERR_OK)
		return rc;
	if (div->code)
		division_range(div->code, lo, hi);
	else {
		*lo = st->scope_lo;
		*hi = st->scope_hi;
	}
	return ERR_OK;
}

enum err
assist_report(struct store *st, const struct assist_query *q, struct assist_result *r, struct arena *a,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	int64_t lo, hi;
	bool began = store_read_begin(st, e);
	enum err rc = resolve(st, q, &r->from, &r->to, &r->div, &lo, &hi, a, e);
	struct assist_settings s = { 90, 30 };
	if (rc == ERR_OK)
		rc = assist_settings_get(st, &s, e);
	r->visit_days = s.visit_days;
	static const struct {
		enum arow_code row;
		enum assist_src src;
		const char *x, *y;
	} plan[] = {
		{ AR_INDUSTRY_PROJECT, AS_PROJECTS, "industry", NULL },
		{ AR_WORKSHOP, AS_PROJECTS, "workshop", NULL },
		{ AR_PROJECT_BENEFICIARIES, AS_PROJECTS, "industry", "workshop" },
		{ AR_PUBLIC_POST, AS_POSTS, NULL, NULL },
		{ AR_JOB_FAIR, AS_FAIRS, NULL, NULL },
		{ AR_LOAN_FUMIN_PRODUCTION, AS_LOANS, "fumin_production", NULL },
		{ AR_HEALTH_CHECKUP, AS_AID, "health_checkup", NULL },
		{ AR_MEDICAL_INSURANCE, AS_AID, "medical_insurance", NULL },
		{ AR_SERIOUS_INSURANCE, AS_AID, "serious_illness_insurance", NULL },
		{ AR_YULU, AS_AID, "yulu", NULL },
		{ AR_CHARITY_CARD, AS_AID, "charity_card", NULL },
		{ AR_CHARITY_VISIT, AS_AID, "charity_visit", NULL },
		{ AR_PV_STATION, AS_PROJECTS, "pv", NULL },
		{ AR_LOAN_FUMIN_HOUSEHOLD, AS_LOANS, "fumin_household", NULL },
	};
	for (size_t i = 0; i < NELEM(plan) && rc == ERR_OK; i++)
		rc = store_assist_cell(st, plan[i].src, plan[i].x, plan[i].y, r->from, r->to, lo, hi, &r->rows[plan[i].row], e);
	/* the project beneficiaries' row counts the persons; its records are the projects and workshops together */
	if (rc == ERR_OK)
		rc = store_assist_coverage(st, r->to, date_add_days(r->to, -s.visit_days), lo, hi, &r->cov, e);
	struct measure_cell *m = NULL;
	size_t nm = 0;
	if (rc == ERR_OK)
		rc = store_measures_by_category(st, r->from, r->to, lo, hi, &m, &nm, a, e);
	if (rc == ERR_OK) {
		const struct acode_list *cl = alist(AL_CATEGORY);
		r->measures = arena_alloc(a, cl->n * sizeof(*r->measures));
		r->n_measures = cl->n;
		for (size_t i = 0; i < cl->n; i++) {
			r->measures[i].category = (char *)cl->v[i].code;
			for (size_t k = 0; k < nm; k++)
				if (m[k].category && strcmp(m[k].category, cl->v[i].code) == 0) {
					r->measures[i] = m[k];
					r->measures[i].category = (char *)cl->v[i].code;
				}
		}
	}
	if (rc == ERR_OK)
		rc = store_loans_by_product(st, r->from, r->to, lo, hi, &r->loans, &r->n_loans, a, e);
	if (rc == ERR_OK)
		rc = store_paid_by_kind(st, r->from, r->to, lo, hi, &r->paid, &r->n_paid, a, e);
	store_read_end(st, began);
	return rc;
}

enum err
supervision_report(struct store *st, const struct assist_query *q, struct supervision_result *r, struct arena *a,
    struct errinfo *e)
{
	memset(r, 0, sizeof(*r));
	int64_t lo, hi;
	bool began = store_read_begin(st, e);
	enum err rc = resolve(st, q, &r->from, &r->to, &r->div, &lo, &hi, a, e);
	struct case_cell *c = NULL;
	size_t n = 0;
	if (rc == ERR_OK)
		rc = store_cases_by_category(st, r->from, r->to, lo, hi, &c, &n, a, e);
	if (rc == ERR_OK) {
		const struct acode_list *cl = alist(AL_CASE_CATEGORY);
		r->rows = arena_alloc(a, cl->n * sizeof(*r->rows));
		r->n_rows = cl->n;
		for (size_t i = 0; i < cl->n; i++) {
			r->rows[i].category = (char *)cl->v[i].code;
			for (size_t k = 0; k < n; k++)
				if (c[k].category && strcmp(c[k].category, cl->v[i].code) == 0) {
					r->rows[i].cases = c[k].cases;
					r->rows[i].persons = c[k].persons;
				}
			r->cases += r->rows[i].cases;
			r->persons += r->rows[i].persons;
		}
	}
	if (rc == ERR_OK)
		rc = store_complaint_counts(st, r->from, r->to, lo, hi, &r->complaints, e);
	store_read_end(st, began);
	return rc;
}

enum err
asset_ledger_load(struct store *st, int day, int year, int64_t division, struct asset_ledger *l, struct arena *a,
    struct errinfo *e)
{
	memset(l, 0, sizeof(*l));
	l->day = day ? day : date_today();
	int y = year ? year : l->day / 10000;
	l->from = y * 10000 + 101;
	l->to = y * 10000 + 1231;
	struct assist_query q = { l->from, l->day, division };
	int64_t lo, hi;
	int f, t;
	bool began = store_read_begin(st, e);
	enum err rc = resolve(st, &q, &f, &t, &l->div, &lo, &hi, a, e);
	if (rc == ERR_OK)
		rc = store_asset_ledger(st, false, l->day, l->from, l->to, lo, hi, &l->by_class, &l->n_class, a, e);
	if (rc == ERR_OK)
		rc = store_asset_ledger(st, true, l->day, l->from, l->to, lo, hi, &l->by_village, &l->n_village, a, e);
	for (size_t i = 0; rc == ERR_OK && i < l->n_class; i++) {
		l->assets += l->by_class[i].assets;
		l->value += l->by_class[i].value;
		l->income += l->by_class[i].income;
	}
	/* a village's ledger lists its assets one by one, for public notice */
	if (rc == ERR_OK && l->div.level == LV_VILLAGE) {
		struct arow_filter af = { .lo = lo, .hi = hi, .from = l->day, .to = l->day };
		rc = arec_list(st, AK_ASSET, &af, &l->items, &l->n_items, NULL, a, e);
	}
	store_read_end(st, began);
	return rc;
}

/* Append the rows of kind k of household hh to (*v, *n). */
static enum err
gather(struct store *st, enum akind k, int64_t hh, struct arec **v, size_t *n, struct arena *a, struct errinfo *e)
{
	struct arow_filter f = { .household_id = hh };
	struct arec *x;
	size_t m;
	enum err rc = arec_list(st, k, &f, &x, &m, NULL, a, e);
	if (rc != ERR_OK || m == 0)
		return rc;
	struct arec *w = arena_alloc(a, (*n + m) * sizeof(*w));
	if (*n)
		memcpy(w, *v, *n * sizeof(*w));
	memcpy(w + *n, x, m * sizeof(*w));
	*v = w;
	*n += m;
	return ERR_OK;
}

static int
by_day_asc(const void *pa, const void *pb)
{
	const struct arec *x = pa, *y = pb;
	int64_t a = arec_int(x, "visit_date"), b = arec_int(y, "visit_date");
	return a < b ? -1 : a > b ? 1 : (x->r.v[0].i < y->r.v[0].i ? -1 : 1);
}

enum err
assist_household_load(struct store *st, const char *hh_no, int day, struct assist_household *o, struct arena *a,
    struct errinfo *e)
{
	memset(o, 0, sizeof(*o));
	o->day = day ? day : date_today();
	struct household *h = arena_alloc(a, sizeof(*h));
	bool began = store_read_begin(st, e);
	enum err rc = store_household_by_no(st, hh_no, h, a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "hh_no", MSG_HH_NOT_FOUND, hh_no);
	o->h = h;
	struct assist_settings s = { 90, 30 };
	if (rc == ERR_OK)
		rc = assist_settings_get(st, &s, e);
	o->visit_days = s.visit_days;
	if (rc == ERR_OK) {
		struct assist_hh_view *v;
		size_t n;
		rc = assist_households(st, o->day, h->village, 0, HH_ALL, &v, &n, a, e);
		for (size_t i = 0; rc == ERR_OK && i < n; i++)
			if (v[i].h.id == h->id) {
				o->now = v[i];
				o->needs_visits = true;
			}
	}
	if (rc == ERR_OK)
		rc = gather(st, AK_PAIRING, h->id, &o->pairings, &o->n_pairings, a, e);
	if (rc == ERR_OK)
		rc = gather(st, AK_VISIT, h->id, &o->visits, &o->n_visits, a, e);
	if (rc == ERR_OK)
		rc = gather(st, AK_MEASURE, h->id, &o->measures, &o->n_measures, a, e);
	if (rc == ERR_OK)
		rc = gather(st, AK_PUBLIC_POST, h->id, &o->posts, &o->n_posts, a, e);
	static const enum akind benefits[] = { AK_PROJECT_BENEFICIARY, AK_LOAN_BENEFICIARY, AK_FAIR_HIRE };
	for (size_t i = 0; rc == ERR_OK && i < NELEM(benefits); i++)
		rc = gather(st, benefits[i], h->id, &o->benefits, &o->n_benefits, a, e);
	if (rc == ERR_OK)
		rc = gather(st, AK_LOAN, h->id, &o->loans, &o->n_loans, a, e);
	static const enum akind aids[] = { AK_MEDICAL_INSURANCE, AK_SERIOUS_INSURANCE, AK_HEALTH_CHECKUP, AK_YULU,
		AK_CHARITY_CARD, AK_CHARITY_VISIT };
	for (size_t i = 0; rc == ERR_OK && i < NELEM(aids); i++)
		rc = gather(st, aids[i], h->id, &o->aid, &o->n_aid, a, e);
	static const enum akind pays[] = { AK_POST_PAYMENT, AK_PROJECT_PAYMENT, AK_ASSET_INCOME };
	for (size_t i = 0; rc == ERR_OK && i < NELEM(pays); i++)
		rc = gather(st, pays[i], h->id, &o->payments, &o->n_payments, a, e);
	/* what each benefit counts as: a workshop's employment, a project's industry, a loan's finance */
	if (rc == ERR_OK && o->n_benefits) {
		o->benefit_category = arena_alloc(a, o->n_benefits * sizeof(char *));
		int64_t lo = st->scope_lo, hi = st->scope_hi;
		store_set_scope(st, 0);   /* a project elsewhere helps this household: its kind is no secret */
		for (size_t i = 0; rc == ERR_OK && i < o->n_benefits; i++) {
			const struct arec *b = &o->benefits[i];
			o->benefit_category[i] = b->d->k == AK_LOAN_BENEFICIARY ? "finance" : b->d->k == AK_FAIR_HIRE ?
			    "employment" : "industry";
			struct arec p;
			if (b->d->k == AK_PROJECT_BENEFICIARY) {
				enum err r2 = arec_get(st, AK_PROJECT, arec_int(b, "ref_id"), &p, a, e);
				if (r2 == ERR_OK && arec_text(&p, "kind") && strcmp(arec_text(&p, "kind"), "workshop") == 0)
					o->benefit_category[i] = "employment";
				else if (r2 != ERR_OK && r2 != ERR_NOTFOUND)
					rc = r2;
			}
		}
		st->scope_lo = lo, st->scope_hi = hi;
	}
	/* the cadre on day, and which visits came late: each against the one before it (or the pairing) */
	for (size_t i = 0; rc == ERR_OK && i < o->n_pairings; i++) {
		struct arec *p = &o->pairings[i];
		int end = arec_null(p, "end_date") ? DATE_INF : (int)arec_int(p, "end_date");
		if (arec_int(p, "start_date") <= o->day && o->day <= end) {
			o->cadre_since = (int)arec_int(p, "start_date");
			o->cadre = arena_alloc(a, sizeof(*o->cadre));
			int64_t lo = st->scope_lo, hi = st->scope_hi;
			store_set_scope(st, 0);   /* a cadre of a county unit helps a village's household */
			rc = arec_get(st, AK_CADRE, arec_int(p, "cadre_id"), o->cadre, a, e);
			st->scope_lo = lo, st->scope_hi = hi;
			if (rc == ERR_NOTFOUND) {
				o->cadre = NULL;
				rc = ERR_OK;
			}
		}
	}
	if (rc == ERR_OK && o->n_visits) {
		qsort(o->visits, o->n_visits, sizeof(*o->visits), by_day_asc);
		o->late = arena_alloc(a, o->n_visits * sizeof(bool));
		for (size_t i = 0; i < o->n_visits; i++) {
			int d = (int)arec_int(&o->visits[i], "visit_date"), prev = 0;
			if (i)
				prev = (int)arec_int(&o->visits[i - 1], "visit_date");
			/* the pairing that covered the visit began a period */
			for (size_t k = 0; k < o->n_pairings; k++) {
				int ps = (int)arec_int(&o->pairings[k], "start_date");
				if (ps <= d && ps > prev)
					prev = ps;
			}
			o->late[i] = visit_late(d, prev, o->visit_days);
			if (d <= o->day)
				o->last_visit = d;
		}
	}
	store_read_end(st, began);
	return rc;
}
