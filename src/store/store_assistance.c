/* store_assistance.c: the rows of the assistance and supervision tables (one generic reader and writer over
 * the statements of stmt.c, one list statement per kind of record), the lookups the rules need, and the
 * assistance figures. Knows no rule: which kind may be written by whom, and what a record must satisfy, are
 * domain/assistance.c's. Reads are limited to the store's scope by each row's own division. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS (st->ops)

static const struct {
	enum table t;
	enum stmt_id list;
} kinds[AK__MAX] = {
	[AK_CADRE] = { T_CADRE, STMT_LIST_CADRE },
	[AK_PAIRING] = { T_PAIRING, STMT_LIST_PAIRING },
	[AK_WORK_TEAM] = { T_WORK_TEAM, STMT_LIST_WORK_TEAM },
	[AK_VISIT] = { T_VISIT, STMT_LIST_VISIT },
	[AK_MEASURE] = { T_MEASURE, STMT_LIST_MEASURE },
	[AK_PROJECT] = { T_PROJECT, STMT_LIST_PROJECT },
	[AK_PROJECT_BENEFICIARY] = { T_BENEFICIARY, STMT_LIST_PROJECT_BENEFICIARY },
	[AK_PROJECT_PAYMENT] = { T_PAYMENT, STMT_LIST_PROJECT_PAYMENT },
	[AK_PUBLIC_POST] = { T_PUBLIC_POST, STMT_LIST_PUBLIC_POST },
	[AK_POST_PAYMENT] = { T_PAYMENT, STMT_LIST_POST_PAYMENT },
	[AK_LOAN] = { T_LOAN, STMT_LIST_LOAN },
	[AK_LOAN_BENEFICIARY] = { T_BENEFICIARY, STMT_LIST_LOAN_BENEFICIARY },
	[AK_LOAN_REPAYMENT] = { T_PAYMENT, STMT_LIST_LOAN_REPAYMENT },
	[AK_JOB_FAIR] = { T_JOB_FAIR, STMT_LIST_JOB_FAIR },
	[AK_FAIR_HIRE] = { T_BENEFICIARY, STMT_LIST_FAIR_HIRE },
	[AK_HEALTH_CHECKUP] = { T_AID, STMT_LIST_HEALTH_CHECKUP },
	[AK_MEDICAL_INSURANCE] = { T_AID, STMT_LIST_MEDICAL_INSURANCE },
	[AK_SERIOUS_INSURANCE] = { T_AID, STMT_LIST_SERIOUS_INSURANCE },
	[AK_YULU] = { T_AID, STMT_LIST_YULU },
	[AK_CHARITY_CARD] = { T_AID, STMT_LIST_CHARITY_CARD },
	[AK_CHARITY_VISIT] = { T_AID, STMT_LIST_CHARITY_VISIT },
	[AK_ASSET] = { T_ASSET, STMT_LIST_ASSET },
	[AK_ASSET_INCOME] = { T_PAYMENT, STMT_LIST_ASSET_INCOME },
	[AK_CASE] = { T_SUPERVISION_CASE, STMT_LIST_CASE },
	[AK_CASE_HOUSEHOLD] = { T_CASE_HOUSEHOLD, STMT_LIST_CASE_HOUSEHOLD },
	[AK_CASE_PERSON] = { T_CASE_PERSON, STMT_LIST_CASE_PERSON },
	[AK_COMPLAINT] = { T_COMPLAINT, STMT_LIST_COMPLAINT },
};

static const enum stmt_id updates[T__MAX] = {
	[T_CADRE] = STMT_UPDATE_CADRE,
	[T_PROJECT] = STMT_UPDATE_PROJECT,
	[T_LOAN] = STMT_UPDATE_LOAN,
	[T_JOB_FAIR] = STMT_UPDATE_JOB_FAIR,
	[T_SUPERVISION_CASE] = STMT_UPDATE_SUPERVISION_CASE,
	[T_PUBLIC_POST] = STMT_UPDATE_PUBLIC_POST,
	[T_PAIRING] = STMT_UPDATE_PAIRING,
	[T_WORK_TEAM] = STMT_UPDATE_WORK_TEAM,
	[T_VISIT] = STMT_UPDATE_VISIT,
	[T_MEASURE] = STMT_UPDATE_MEASURE,
	[T_BENEFICIARY] = STMT_UPDATE_BENEFICIARY,
	[T_PAYMENT] = STMT_UPDATE_PAYMENT,
	[T_AID] = STMT_UPDATE_AID,
	[T_ASSET] = STMT_UPDATE_ASSET,
	[T_CASE_HOUSEHOLD] = STMT_UPDATE_CASE_HOUSEHOLD,
	[T_CASE_PERSON] = STMT_UPDATE_CASE_PERSON,
	[T_COMPLAINT] = STMT_UPDATE_COMPLAINT,
};

enum table
akind_table(enum akind k)
{
	return kinds[k].t;
}

/* The column names of every table, split once from stmt.c's lists. */
#define MAX_TABLE_COLS 24
static char colnames[T__MAX][MAX_TABLE_COLS][24];
static pthread_once_t colnames_once = PTHREAD_ONCE_INIT;

static void
colnames_build(void)
{
	for (int t = 0; t < T__MAX; t++) {
		const char *p = table_columns[t];
		for (int i = 0; i < table_ncols[t] && i < MAX_TABLE_COLS; i++) {
			while (*p == ' ' || *p == ',')
				p++;
			size_t n = strcspn(p, ",");
			snprintf(colnames[t][i], sizeof(colnames[t][i]), "%.*s", (int)n, p);
			p += n;
		}
	}
}

int
table_column(enum table t, const char *name)
{
	pthread_once(&colnames_once, colnames_build);
	for (int i = 0; i < table_ncols[t] && i < MAX_TABLE_COLS; i++)
		if (strcmp(colnames[t][i], name) == 0)
			return i;
	return -1;
}

enum err
store_arow_insert(struct store *st, enum table t, struct sqlval *v, struct errinfo *e)
{
	if (v[0].t == SV_NULL) {
		int64_t id;
		enum err rc = OPS->next_id(st, t, &id, e);
		if (rc != ERR_OK)
			return rc;
		v[0] = SQL_INT(id);
	}
	return OPS->insert_row(st, t, v, e);
}

enum err
store_arow_update(struct store *st, enum table t, const struct sqlval *v, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, updates[t], e);
	if (!q)
		return ERR_DB;
	for (int i = 0; i < table_ncols[t]; i++)
		OPS->bind(q, i + 1, v[i]);
	int r = OPS->step(q, e);
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

static void
read_arow(struct store *st, struct stmt *q, enum table t, struct arow *r, struct arena *a)
{
	int n = table_ncols[t];
	r->v = arena_alloc(a, (size_t)n * sizeof(*r->v));
	for (int i = 0; i < n; i++) {
		if (OPS->col_null(q, i))
			r->v[i] = SQL_NULL;
		else {
			/* integers stay integers; every column that holds text is read as text */
			const char *s = OPS->col_text(q, i);
			bool num = s && *s && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'));
			for (const char *c = s + (s && s[0] == '-'); num && *c; c++)
				num = *c >= '0' && *c <= '9';
			r->v[i] = num && strlen(s) < 19 ? SQL_INT(OPS->col_int(q, i)) : SQL_TEXT(arena_strdup(a, s));
			if (r->v[i].t == SV_INT)
				r->v[i].s = arena_strdup(a, s);   /* the text too: a code may be written in digits */
		}
	}
	for (int i = 0; i < AROW_SHOW; i++)
		r->show[i] = col_str(st, q, n + i, a);
}

enum err
store_arow_list(struct store *st, enum akind k, const struct arow_filter *f, struct arow **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (total)
		*total = 0;
	int64_t lo = f->lo, hi = f->hi;
	if (!lo && !hi)
		lo = st->scope_lo, hi = st->scope_hi;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, kinds[k].list, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(lo));
	OPS->bind(q, 2, SQL_INT(hi));
	OPS->bind(q, 3, SQL_INT(f->id));
	OPS->bind(q, 4, SQL_INT(f->household_id));
	OPS->bind(q, 5, SQL_INT(f->ref_id));
	OPS->bind(q, 6, SQL_INT(f->from));
	OPS->bind(q, 7, SQL_INT(f->to ? f->to : 99991231));
	OPS->bind(q, 8, SQL_INT(f->limit > 0 ? f->limit : 1000000000));
	OPS->bind(q, 9, SQL_INT(f->offset));
	enum table t = kinds[k].t;
	size_t cap = 0;
	struct arow *v = NULL;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		v = arena_grow(a, v, &cap, *n, sizeof(*v));
		read_arow(st, q, t, &v[*n], a);
		if (total)
			*total = OPS->col_int(q, table_ncols[t] + AROW_SHOW);
		(*n)++;
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	if (total && *n == 0)
		*total = f->offset > 0 ? f->offset : 0;
	*out = v;
	return ERR_OK;
}

enum err
store_arow_get(struct store *st, enum akind k, int64_t id, struct arow *out, struct arena *a, struct errinfo *e)
{
	struct arow_filter f = { .id = id };
	struct arow *v;
	size_t n;
	enum err rc = store_arow_list(st, k, &f, &v, &n, NULL, a, e);
	if (rc != ERR_OK)
		return rc;
	if (n == 0)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

enum err
store_cadre_find(struct store *st, enum cadre_by by, const char *key, int64_t **ids, size_t *n, struct arena *a,
    struct errinfo *e)
{
	static const enum stmt_id q_of[] = { STMT_CADRE_BY_IDNO, STMT_CADRE_BY_NAME, STMT_CADRE_BY_USER };
	struct stmt *q = OPS->prepare(st, q_of[by], e);
	*ids = NULL;
	*n = 0;
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(key));
	int64_t tmp[64];
	size_t k = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1)
		if (k < NELEM(tmp))
			tmp[k++] = OPS->col_int(q, 0);
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*ids = arena_alloc(a, (k ? k : 1) * sizeof(int64_t));
	memcpy(*ids, tmp, k * sizeof(int64_t));
	*n = k;
	return ERR_OK;
}


static void
read_assist_hh(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct assist_hh *h = row;
	h->id = OPS->col_int(q, 0);
	h->village = OPS->col_int(q, 1);
	h->hh_no = col_str(st, q, 2, a);
	h->head = col_str(st, q, 3, a);
	h->village_name = col_str(st, q, 4, a);
	h->status = ST_NONE;
	status_from_code(OPS->col_text(q, 5), &h->status);
	h->monitored = OPS->col_int(q, 6) != 0;
	h->cadre_id = OPS->col_int(q, 7);
	h->cadre_name = col_str(st, q, 8, a);
	h->pairing_start = (int)OPS->col_int(q, 9);
	h->last_visit = (int)OPS->col_int(q, 10);
	h->persons = OPS->col_int(q, 11);
}

enum err
store_assist_households(struct store *st, int day, int64_t lo, int64_t hi, int64_t cadre, struct assist_hh **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, STMT_BOUND(st, STMT_ASSIST_HOUSEHOLDS, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi),
	    SQL_INT(cadre)), sizeof(**out), read_assist_hh, out, n, a, e);
}

static void
read_cadre_load(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct cadre_load *c = row;
	c->id = OPS->col_int(q, 0);
	c->name = col_str(st, q, 1, a);
	c->unit = col_str(st, q, 2, a);
	c->affiliation = col_str(st, q, 3, a);
	c->households = OPS->col_int(q, 4);
}

enum err
store_cadre_loads(struct store *st, int day, int64_t lo, int64_t hi, int64_t limit, struct cadre_load **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, STMT_BOUND(st, STMT_CADRE_LOADS, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi),
	    SQL_INT(limit)), sizeof(**out), read_cadre_load, out, n, a, e);
}

/* ---- figures ---- */

enum err
store_assist_cell(struct store *st, enum assist_src src, const char *x, const char *y, int from, int to, int64_t lo,
    int64_t hi, struct assist_cell *c, struct errinfo *e)
{
	memset(c, 0, sizeof(*c));
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	enum stmt_id id;
	bool insurance = src == AS_AID && (strcmp(x, "medical_insurance") == 0 ||
	    strcmp(x, "serious_illness_insurance") == 0);
	switch (src) {
	case AS_PROJECTS: id = STMT_AS_PROJECTS; break;
	case AS_POSTS: id = STMT_AS_POSTS; break;
	case AS_FAIRS: id = STMT_AS_FAIRS; break;
	case AS_LOANS: id = STMT_AS_LOANS; break;
	default: id = insurance ? STMT_AS_INSURANCE : STMT_AS_AID; break;
	}
	struct stmt *q = OPS->prepare(st, id, e);
	if (!q)
		return ERR_DB;
	int k = 1;
	if (src == AS_PROJECTS) {
		OPS->bind(q, k++, SQL_TEXT(x));
		OPS->bind(q, k++, SQL_TEXT(y ? y : x));
	} else if (src == AS_LOANS || src == AS_AID)
		OPS->bind(q, k++, SQL_TEXT(x));
	OPS->bind(q, k++, SQL_INT(from));
	OPS->bind(q, k++, SQL_INT(to));
	OPS->bind(q, k++, SQL_INT(lo));
	OPS->bind(q, k++, SQL_INT(hi));
	if (insurance) {
		OPS->bind(q, k++, SQL_INT(from / 10000));
		OPS->bind(q, k++, SQL_INT(to / 10000));
	}
	int r = OPS->step(q, e);
	if (r == 1) {
		c->records = OPS->col_int(q, 0);
		c->households = OPS->col_int(q, 1);
		c->persons = OPS->col_int(q, 2);
		c->amount = OPS->col_int(q, 3);
		c->jobs = OPS->col_int(q, 4);
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_assist_coverage(struct store *st, int day, int since_day, int64_t lo, int64_t hi, struct assist_coverage *c,
    struct errinfo *e)
{
	memset(c, 0, sizeof(*c));
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	int64_t v[6];
	enum err rc = stmt_ints(st, STMT_BOUND(st, STMT_AS_COVERAGE, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi),
	    SQL_INT(since_day), SQL_INT(day / 10000)), v, 6, e);
	c->households = v[0];
	c->persons = v[1];
	c->with_cadre = v[2];
	c->visited = v[3];
	c->insured_medical = v[4];
	c->insured_serious = v[5];
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

/* Bind the period and the divisions ($1 $2 $3 $4) of a figure statement. */
static struct stmt *
period_stmt(struct store *st, enum stmt_id id, int from, int to, int64_t lo, int64_t hi, struct errinfo *e)
{
	return STMT_BOUND(st, id, e, SQL_INT(from), SQL_INT(to), SQL_INT(lo), SQL_INT(hi));
}

static void
read_measure_cell(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct measure_cell *c = row;
	c->category = col_str(st, q, 0, a);
	c->records = OPS->col_int(q, 1);
	c->households = OPS->col_int(q, 2);
	c->amount = OPS->col_int(q, 3);
	c->persons = 0;   /* from the second statement */
}

enum err
store_measures_by_category(struct store *st, int from, int to, int64_t lo, int64_t hi, struct measure_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct measure_cell *v;
	enum err rc = stmt_rows(st, period_stmt(st, STMT_AS_MEASURES, from, to, lo, hi, e), sizeof(*v), read_measure_cell,
	    &v, n, a, e);
	if (rc != ERR_OK)
		return rc;
	struct stmt *q = period_stmt(st, STMT_AS_MEASURE_PERSONS, from, to, lo, hi, e);
	if (!q)
		return ERR_DB;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		const char *cat = OPS->col_text(q, 0);
		for (size_t i = 0; i < *n; i++)
			if (v[i].category && cat && strcmp(v[i].category, cat) == 0)
				v[i].persons = OPS->col_int(q, 1);
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = v;
	return ERR_OK;
}

static void
read_loan_cell(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct loan_cell *c = row;
	c->product = col_str(st, q, 0, a);
	c->granted = OPS->col_int(q, 1);
	c->granted_amount = OPS->col_int(q, 2);
	c->outstanding = OPS->col_int(q, 3);
	c->balance = OPS->col_int(q, 4);
	c->overdue = OPS->col_int(q, 5);
	c->overdue_balance = OPS->col_int(q, 6);
}

enum err
store_loans_by_product(struct store *st, int from, int to, int64_t lo, int64_t hi, struct loan_cell **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, period_stmt(st, STMT_AS_LOANS_BY_PRODUCT, from, to, lo, hi, e), sizeof(**out),
	    read_loan_cell, out, n, a, e);
}

static void
read_paid_cell(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct paid_cell *c = row;
	c->kind = col_str(st, q, 0, a);
	c->records = OPS->col_int(q, 1);
	c->households = OPS->col_int(q, 2);
	c->amount = OPS->col_int(q, 3);
}

enum err
store_paid_by_kind(struct store *st, int from, int to, int64_t lo, int64_t hi, struct paid_cell **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, period_stmt(st, STMT_AS_PAID, from, to, lo, hi, e), sizeof(**out), read_paid_cell, out, n,
	    a, e);
}

static void
read_asset_cell(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct asset_cell *c = row;
	c->class_ = col_str(st, q, 0, a);
	c->owner_level = col_str(st, q, 1, a);
	c->village = OPS->col_int(q, 2);
	c->village_name = col_str(st, q, 3, a);
	c->assets = OPS->col_int(q, 4);
	c->value = OPS->col_int(q, 5);
	c->income = OPS->col_int(q, 6);
}

enum err
store_asset_ledger(struct store *st, bool by_village, int day, int from, int to, int64_t lo, int64_t hi,
    struct asset_cell **out, size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, STMT_BOUND(st, by_village ? STMT_AS_ASSETS_BY_VILLAGE : STMT_AS_ASSETS_BY_CLASS, e,
	    SQL_INT(day), SQL_INT(from), SQL_INT(to), SQL_INT(lo), SQL_INT(hi)), sizeof(**out), read_asset_cell, out, n, a,
	    e);
}
