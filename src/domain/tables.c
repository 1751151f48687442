/* tables.c: the engine of the standard tables: one pass over the facts of the day (store_each_fact), each
 * household's rows evaluated against every column's filters, counts kept per village (or per band), then rolled
 * up to the rows and the total, and the formulas worked out last. Knows no particular table (table_defs.c). */
#include "domain/tables.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

const char *table_title(const struct table_def *d) { return EN ? d->title_en : d->title_zh; }
const char *table_group(const struct table_def *d) { return EN ? d->group_en : d->group_zh; }
const char *tcol_label(const struct tcol *c) { return EN ? c->en : c->zh; }
const char *tcol_group(const struct tcol *c) { return EN ? c->group_en : c->group_zh; }

const char *
tunit_label(enum tunit u)
{
	static const char *const zh[] = { "户", "人", "元", "%", "个", "" };
	static const char *const en[] = { "households", "persons", "yuan", "%", "villages", "" };
	return EN ? en[u] : zh[u];
}

const struct table_def *
table_def_find(const char *code)
{
	size_t n;
	const struct table_def *d = table_defs(&n);
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(d[i].code, code) == 0)
			return &d[i];
	return NULL;
}

bool
table_universe_has(int u, enum status s)
{
	switch (u) {
	case G_REGISTERED: return status_registered(s);
	case G_CURRENT_POOR: return status_current_poor(s);
	case G_POOR: return s == ST_POOR;
	case G_RETURNED: return s == ST_RETURNED;
	case G_EXITED: return s == ST_EXITED_SUPPORTED || s == ST_EXITED_UNSUPPORTED;
	case G_EXITED_SUPPORTED: return s == ST_EXITED_SUPPORTED;
	case G_EXITED_UNSUPPORTED: return s == ST_EXITED_UNSUPPORTED;
	case G_REMOVED: return s == ST_REMOVED;
	case G_CANCELLED: return s == ST_CANCELLED;
	default: return s != ST_NONE;
	}
}

struct engine {
	const struct table_def *def;
	int universe, as_of;
	struct division *villages;   /* in range and scope, by code */
	size_t n_villages;
	size_t n_buckets;            /* villages, or bands + 1 (the last is the total) */
	int64_t *acc;                /* n_buckets × n_cols */
	struct fact *hh;             /* the current household's rows */
	size_t n_hh, cap_hh;
	int n_members;
	struct hh_extra *ext[3];     /* by enum hh_extra_kind, ordered by household (NULL: not read) */
	size_t n_ext[3];
	const struct hh_extra *cur[3];   /* the current household's */
	size_t n_cur[3];
	struct cadre_seen { size_t bucket; int64_t cadre; char code[16]; } *seen;   /* TK_CADRES */
	size_t n_seen, cap_seen;
};

static bool
person_field(enum tfield f)
{
	return f >= TF_SEX && f <= TF_RELATION;
}

static const char *
field_text(const struct fact *x, enum tfield f)
{
	switch (f) {
	case TF_SEX: return x->sex;
	case TF_ETHNICITY: return x->ethnicity;
	case TF_EDUCATION: return x->education;
	case TF_SCHOOLING: return x->schooling;
	case TF_HEALTH: return x->health;
	case TF_LABOR: return x->labor;
	case TF_WORK: return x->work;
	case TF_RELATION: return x->relation;
	case TF_ATTRIBUTE: return x->attribute;
	case TF_CAUSE_MAIN: return x->cause_main;
	case TF_CAUSE_OTHER: return x->cause_other;
	default: return NULL;
	}
}

static int64_t
money(int64_t v)
{
	return v == FACT_UNKNOWN ? 0 : v;
}

/* A numeric field; FACT_UNKNOWN when not known. */
static int64_t
field_num(const struct engine *g, const struct fact *x, enum tfield f)
{
	switch (f) {
	case TF_WORK_MONTHS: return x->work_months < 0 ? FACT_UNKNOWN : x->work_months;
	/* from the birth month (date_age_by_month): a table of one person asked day by day must not tell the day */
	case TF_AGE: return x->birth > 0 && x->birth / 100 <= g->as_of / 100 ? date_age_by_month(x->birth, g->as_of) : FACT_UNKNOWN;
	case TF_INS_MEDICAL: return x->ins_medical < 0 ? FACT_UNKNOWN : x->ins_medical;
	case TF_INS_SERIOUS: return x->ins_serious < 0 ? FACT_UNKNOWN : x->ins_serious;
	case TF_INS_PENSION: return x->ins_pension < 0 ? FACT_UNKNOWN : x->ins_pension;
	case TF_DIBAO: return x->dibao < 0 ? FACT_UNKNOWN : x->dibao;
	case TF_TEKUN: return x->tekun < 0 ? FACT_UNKNOWN : x->tekun;
	case TF_ID_KIND: return x->id_kind;
	case TF_SIZE: return g->n_members;
	case TF_INCOME_KNOWN: return x->income;
	case TF_WAGE: return x->income ? x->wage : FACT_UNKNOWN;
	case TF_BUSINESS: return x->income ? x->business : FACT_UNKNOWN;
	case TF_PROPERTY: return x->income ? x->property : FACT_UNKNOWN;
	case TF_TRANSFER: return x->income ? x->transfer : FACT_UNKNOWN;
	case TF_COST: return x->income ? x->cost : FACT_UNKNOWN;
	case TF_TOTAL_INCOME:
		return x->income ? money(x->wage) + money(x->business) + money(x->property) + money(x->transfer)
				 : FACT_UNKNOWN;
	case TF_NET:
		if (!x->income)
			return FACT_UNKNOWN;
		/* a survey without items (the 人均纯收入 imported with the registry): 人均纯收入 × its household size */
		if (x->wage == FACT_UNKNOWN && x->business == FACT_UNKNOWN && x->property == FACT_UNKNOWN &&
		    x->transfer == FACT_UNKNOWN && x->cost == FACT_UNKNOWN)
			return x->net_pc == FACT_UNKNOWN ? FACT_UNKNOWN : x->net_pc * (x->size > 0 ? x->size : g->n_members);
		return money(x->wage) + money(x->business) + money(x->property) + money(x->transfer) - money(x->cost);
	case TF_NET_PC: return x->income ? x->net_pc : FACT_UNKNOWN;
	case TF_PAIRED: return g->n_cur[HX_PAIRING] > 0;
	case TF_ASSESSED: return g->n_cur[HX_ASSESSMENT] > 0;
	case TF_WATER: return g->n_cur[HX_ASSESSMENT] && g->cur[HX_ASSESSMENT]->flag >= 0 ? g->cur[HX_ASSESSMENT]->flag : FACT_UNKNOWN;
	case TF_POOR_VILLAGE: {
		const struct division *v = division_find(g->villages, g->n_villages, x->village);
		return v && v->poor_village;
	}
	default: return FACT_UNKNOWN;
	}
}

static bool
has_code(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = list; p && *p;) {
		const char *end = strchr(p, ',');
		size_t k = end ? (size_t)(end - p) : strlen(p);
		if (k == n && memcmp(p, code, n) == 0)
			return true;
		p = end ? end + 1 : p + k;
	}
	return false;
}

static bool
match(const struct engine *g, const struct fact *x, const struct tfilter *w)
{
	if (!w || w->f == TF_NONE || w->op == TOP_ALL)
		return true;
	if (person_field(w->f) && !x->member)
		return false;
	if (w->f == TF_GROUP)
		return table_universe_has((int)w->lo, x->status);
	if (w->f == TF_CADRE_AFF || w->f == TF_HOUSING || w->f == TF_MEASURE) {
		int k = w->f == TF_CADRE_AFF ? HX_PAIRING : w->f == TF_HOUSING ? HX_ASSESSMENT : HX_MEASURE;
		if (w->op == TOP_EMPTY)
			return g->n_cur[k] == 0;
		for (size_t i = 0; i < g->n_cur[k]; i++)
			if (g->cur[k][i].code[0] && has_code(w->code, g->cur[k][i].code) == (w->op != TOP_NE))
				return true;
		return false;
	}
	const char *t = field_text(x, w->f);
	if (w->op == TOP_EMPTY_OR_EQ)
		return !t || !*t || strcmp(t, w->code) == 0;
	if (t || w->f == TF_SEX) {
		switch (w->op) {
		case TOP_EQ: return t && strcmp(t, w->code) == 0;
		case TOP_NE: return t && *t && strcmp(t, w->code) != 0;
		case TOP_EMPTY: return !t || !*t;
		case TOP_HAS: return t && has_code(t, w->code);
		case TOP_IN: return t && *t && has_code(w->code, t);
		default: return false;
		}
	}
	int64_t v = field_num(g, x, w->f);
	switch (w->op) {
	case TOP_EQ: return v != FACT_UNKNOWN && v == w->lo;
	case TOP_EMPTY: return v == FACT_UNKNOWN;
	case TOP_RANGE: return v != FACT_UNKNOWN && v >= w->lo && (w->hi == T_NOLIMIT || v < w->hi);
	default: return false;
	}
}

static bool
match_col(const struct engine *g, const struct fact *x, const struct tcol *c, const struct tfilter *band)
{
	return match(g, x, band) && match(g, x, &c->where[0]) && match(g, x, &c->where[1]);
}

static void
add_household(struct engine *g, size_t bucket, const struct tfilter *band)
{
	const struct table_def *d = g->def;
	int64_t *acc = g->acc + bucket * d->n_cols;
	for (size_t c = 0; c < d->n_cols; c++) {
		const struct tcol *col = &d->cols[c];
		switch (col->kind) {
		case TK_HOUSEHOLDS:
		case TK_SUM: {
			size_t i = 0;
			while (i < g->n_hh && !match_col(g, &g->hh[i], col, band))
				i++;
			if (i == g->n_hh)
				break;
			if (col->kind == TK_HOUSEHOLDS)
				acc[c]++;
			else {
				int64_t v = field_num(g, &g->hh[i], col->sum);
				if (v != FACT_UNKNOWN)
					acc[c] += v;
			}
			break;
		}
		case TK_PERSONS:
			for (size_t i = 0; i < g->n_hh; i++)
				if (g->hh[i].member && match_col(g, &g->hh[i], col, band))
					acc[c]++;
			break;
		default:
			break;
		}
	}
}

static size_t
village_index(const struct engine *g, int64_t code)
{
	const struct division *v = division_find(g->villages, g->n_villages, code);
	return v ? (size_t)(v - g->villages) : SIZE_MAX;
}

static void
flush_household(struct engine *g)
{
	if (!g->n_hh || !table_universe_has(g->universe, g->hh[0].status)) {
		g->n_hh = 0;
		return;
	}
	g->n_members = 0;
	for (size_t i = 0; i < g->n_hh; i++)
		g->n_members += g->hh[i].member != 0;
	for (int k = 0; k < 3; k++) {
		/* the household's extras: a binary search for the first of them */
		int64_t id = g->hh[0].household;
		size_t lo = lower_bound_i64(g->ext[k], g->n_ext[k], sizeof(*g->ext[k]), offsetof(struct hh_extra, household),
		    id);
		size_t end = lo;
		while (end < g->n_ext[k] && g->ext[k][end].household == id)
			end++;
		g->cur[k] = g->ext[k] ? g->ext[k] + lo : NULL;
		g->n_cur[k] = end - lo;
	}
	const struct table_def *d = g->def;
	if (d->bands) {
		for (size_t b = 0; b < d->n_bands; b++) {
			/* a band none of the household's rows falls in adds nothing (most bands, most households) */
			size_t i = 0;
			while (i < g->n_hh && !match(g, &g->hh[i], &d->bands[b].where))
				i++;
			if (i < g->n_hh)
				add_household(g, b, &d->bands[b].where);
		}
		add_household(g, d->n_bands, NULL);
	} else {
		size_t v = village_index(g, g->hh[0].village);
		if (v != SIZE_MAX)
			add_household(g, v, NULL);
		for (size_t i = 0; v != SIZE_MAX && g->ext[HX_PAIRING] && i < g->n_cur[HX_PAIRING]; i++) {
			if (g->n_seen == g->cap_seen) {
				g->cap_seen = g->cap_seen ? 2 * g->cap_seen : 64;
				g->seen = xrealloc(g->seen, g->cap_seen * sizeof(*g->seen));
			}
			struct cadre_seen *c = &g->seen[g->n_seen++];
			c->bucket = v;
			c->cadre = g->cur[HX_PAIRING][i].id;
			memcpy(c->code, g->cur[HX_PAIRING][i].code, sizeof(c->code));
		}
	}
	g->n_hh = 0;
}

static int
on_fact(void *ctx, const struct fact *f)
{
	struct engine *g = ctx;
	if (g->n_hh && g->hh[0].household != f->household)
		flush_household(g);
	if (g->n_hh == g->cap_hh) {
		g->cap_hh = g->cap_hh ? 2 * g->cap_hh : 16;
		g->hh = xrealloc(g->hh, g->cap_hh * sizeof(*g->hh));
	}
	g->hh[g->n_hh++] = *f;
	return 0;
}

static int
cmp_division(const void *a, const void *b)
{
	const struct division *x = a, *y = b;
	return x->code < y->code ? -1 : x->code > y->code;
}

static void
new_values(struct table_row *row, size_t n, struct arena *a)
{
	row->v = arena_alloc(a, (n ? n : 1) * sizeof(*row->v));
	row->null = arena_alloc(a, (n ? n : 1) * sizeof(*row->null));
	memset(row->v, 0, n * sizeof(*row->v));
	memset(row->null, 0, n * sizeof(*row->null));
}

/* Village-level columns of village v into its bucket (division rows only). */
static void
village_columns(struct engine *g, size_t v)
{
	const struct table_def *d = g->def;
	int64_t *acc = g->acc + v * d->n_cols;
	const struct division *dv = &g->villages[v];
	for (size_t c = 0; c < d->n_cols; c++) {
		const struct tcol *col = &d->cols[c];
		if (col->kind == TK_VILLAGES) {
			bool ok = true;
			for (int k = 0; k < 2; k++)
				if (col->where[k].f == TF_POOR_VILLAGE)
					ok &= (col->where[k].op == TOP_EQ) == ((int64_t)dv->poor_village == col->where[k].lo);
			acc[c] = ok;
		} else if (col->kind == TK_RURAL_POP)
			acc[c] = dv->rural_pop > 0 ? dv->rural_pop : 0;
	}
	for (size_t c = 0; c < d->n_cols; c++)
		if (d->cols[c].kind == TK_VILLAGES_WITH)
			acc[c] = acc[d->cols[c].a] > 0;
}

/* Formulas, in column order (a formula may use an earlier one). */
static void
formulas(const struct table_def *d, struct table_row *row)
{
	for (size_t c = 0; c < d->n_cols; c++) {
		const struct tcol *col = &d->cols[c];
		if (col->kind == TK_FLOW_TOTAL || col->kind == TK_BALANCE) {
			double v = 0;
			for (size_t k = 0; k < d->n_cols; k++) {
				const struct tcol *x = &d->cols[k];
				if (x->unit != col->unit)
					continue;
				if (col->kind == TK_FLOW_TOTAL)
					v += x->kind == TK_FLOW && x->sign == col->sign ? row->v[k] : 0;
				else if (x->kind == TK_STOCK_START)
					v += row->v[k];
				else if (x->kind == TK_STOCK_END)
					v -= row->v[k];
				else if (x->kind == TK_FLOW)
					v += x->sign * row->v[k];
			}
			row->v[c] = v;
		} else if (col->kind == TK_RATIO) {
			double den = row->v[col->b];
			row->null[c] = den == 0 || row->null[col->a] || row->null[col->b];
			row->v[c] = row->null[c] ? 0 : row->v[col->a] / den * col->scale;
		} else if (col->kind == TK_DIFF) {
			row->v[c] = row->v[col->a] - row->v[col->b];
			row->null[c] = row->null[col->a] || row->null[col->b];
		}
	}
}

/* ---- reading the facts: in two halves on two connections at once when the range is large ---- */

/* The columns of the facts a field needs (enum fact_field bits): none for what every row has (status, village,
 * member, size, the extras); every column for a field this list does not know, so a new field is read whole
 * until it is given its own. */
static unsigned
fields_of(enum tfield f)
{
	switch (f) {
	case TF_NONE: case TF_SIZE: case TF_POOR_VILLAGE: case TF_PAIRED: case TF_CADRE_AFF: case TF_HOUSING:
	case TF_WATER: case TF_MEASURE: case TF_ASSESSED: case TF_GROUP:
		return 0;
	case TF_SEX: return 1u << FF_SEX;
	case TF_ETHNICITY: return 1u << FF_ETHNICITY;
	case TF_EDUCATION: return 1u << FF_EDUCATION;
	case TF_SCHOOLING: return 1u << FF_SCHOOLING;
	case TF_HEALTH: return 1u << FF_HEALTH;
	case TF_LABOR: return 1u << FF_LABOR;
	case TF_WORK: return 1u << FF_WORK;
	case TF_WORK_MONTHS: return 1u << FF_WORK_MONTHS;
	case TF_AGE: return 1u << FF_BIRTH;
	case TF_INS_MEDICAL: return 1u << FF_INS_MEDICAL;
	case TF_INS_SERIOUS: return 1u << FF_INS_SERIOUS;
	case TF_INS_PENSION: return 1u << FF_INS_PENSION;
	case TF_DIBAO: return 1u << FF_DIBAO;
	case TF_TEKUN: return 1u << FF_TEKUN;
	case TF_ID_KIND: return 1u << FF_ID_KIND;
	case TF_RELATION: return 1u << FF_RELATION;
	case TF_ATTRIBUTE: return 1u << FF_ATTRIBUTE;
	case TF_CAUSE_MAIN: return 1u << FF_CAUSE_MAIN;
	case TF_CAUSE_OTHER: return 1u << FF_CAUSE_OTHER;
	case TF_INCOME_KNOWN: case TF_WAGE: case TF_BUSINESS: case TF_PROPERTY: case TF_TRANSFER: case TF_COST:
	case TF_TOTAL_INCOME: case TF_NET: case TF_NET_PC:
		return FF_INCOME;
	default:
		return FF_ALL;
	}
}

/* Every column of the facts def reads: its columns' filters and sums, its bands' filters. */
unsigned
table_fields(const struct table_def *d)
{
	unsigned m = 0;
	for (size_t c = 0; c < d->n_cols; c++) {
		for (int k = 0; k < 2; k++)
			m |= fields_of(d->cols[c].where[k].f);
		if (d->cols[c].kind == TK_SUM)
			m |= fields_of(d->cols[c].sum);
	}
	for (size_t b = 0; d->bands && b < d->n_bands; b++)
		m |= fields_of(d->bands[b].where.f);
	return m;
}

/* The persons under which one connection reads the facts alone (TUOPIN_TABLE_PARALLEL_MIN overrides it: the
 * tests set 0 to take the two-reader path on small fixtures). A million persons take about 1.3 s on one core. */
#define PARALLEL_MIN 50000

struct reader {
	struct engine g;
	struct store *st;
	struct fact_query fq;
	uint64_t gen;
	enum err rc;
	struct errinfo e;
};

static void
run_reader(struct reader *rd)
{
	rd->rc = store_each_fact(rd->st, &rd->fq, on_fact, &rd->g, &rd->gen, &rd->e);
	if (rd->rc == ERR_OK)
		flush_household(&rd->g);
}

static void *
reader_thread(void *arg)
{
	run_reader(arg);
	return NULL;
}

/* The first village of the upper half (an index into g->villages), so that both halves hold about as many
 * persons as the maintained counts tell; 0 to read in one pass (a small range, or the counts unknown). */
static size_t
split_point(struct store *st, const struct engine *g, int64_t lo, int64_t hi, struct arena *a)
{
	const char *env = getenv("TUOPIN_TABLE_PARALLEL_MIN");
	int64_t min = env && *env ? strtoll(env, NULL, 10) : PARALLEL_MIN;
	if (g->n_villages < 2)
		return 0;
	struct stat_cell *cells;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_stats(st, g->as_of, 0, lo, hi, &cells, &n, a, &e) != ERR_OK)
		return 0;
	int64_t *persons = xcalloc(g->n_villages, sizeof(*persons)), total = 0;
	for (size_t i = 0; i < n; i++) {
		size_t v = village_index(g, cells[i].village);
		if (v != SIZE_MAX) {
			persons[v] += cells[i].persons;
			total += cells[i].persons;
		}
	}
	size_t k = 0;
	if (total >= min && total > 0) {
		int64_t run = 0;
		while (k < g->n_villages - 1 && 2 * (run + persons[k]) <= total)
			run += persons[k++];
		if (k == 0)
			k = 1;
	}
	free(persons);
	return k;
}

/* Every fact of [lo, hi] into g: one reader, or two at once (this connection the lower villages, a second
 * connection the upper ones, their counts added up) when the range is large. The two halves count only if
 * both snapshots saw the same registry generation; otherwise (a write came between their starts) the whole
 * range is read again here, in one snapshot. */
static enum err
read_facts(struct store *st, struct engine *g, struct table_result *r, int64_t recorded_at, int64_t lo, int64_t hi,
    struct arena *a, struct errinfo *e)
{
	struct fact_query fq = { .day = r->as_of, .income_year = r->income_year, .recorded_at = recorded_at, .lo = lo,
		.hi = hi, .fields = table_fields(g->def) };
	for (enum status s = ST_NONE + 1; s < ST__MAX; s++)
		if (table_universe_has(g->universe, s))
			fq.statuses |= 1u << s;
	size_t k = split_point(st, g, lo, hi, a);
	struct store *st2 = NULL;
	struct errinfo e2;
	errinfo_clear(&e2);
	if (k && store_clone(st, &st2, &e2) == ERR_OK) {
		size_t cells = g->n_buckets * g->def->n_cols;
		struct reader hi_half = { .g = *g, .st = st2, .fq = fq };
		hi_half.fq.lo = g->villages[k].code;
		hi_half.g.acc = xcalloc(cells ? cells : 1, sizeof(*hi_half.g.acc));
		hi_half.g.hh = NULL;
		hi_half.g.n_hh = hi_half.g.cap_hh = 0;
		hi_half.g.seen = NULL;
		hi_half.g.n_seen = hi_half.g.cap_seen = 0;
		errinfo_clear(&hi_half.e);
		struct reader lo_half = { .g = *g, .st = st, .fq = fq };
		lo_half.fq.hi = g->villages[k].code - 1;
		errinfo_clear(&lo_half.e);
		pthread_t t;
		bool threaded = pthread_create(&t, NULL, reader_thread, &hi_half) == 0;
		if (!threaded)
			run_reader(&hi_half);
		run_reader(&lo_half);
		if (threaded)
			pthread_join(t, NULL);
		store_close(st2);
		*g = lo_half.g;
		bool same = lo_half.rc == ERR_OK && hi_half.rc == ERR_OK && lo_half.gen && lo_half.gen == hi_half.gen;
		if (same) {
			for (size_t i = 0; i < cells; i++)
				g->acc[i] += hi_half.g.acc[i];
			for (size_t i = 0; i < hi_half.g.n_seen; i++) {
				if (g->n_seen == g->cap_seen) {
					g->cap_seen = g->cap_seen ? 2 * g->cap_seen : 64;
					g->seen = xrealloc(g->seen, g->cap_seen * sizeof(*g->seen));
				}
				g->seen[g->n_seen++] = hi_half.g.seen[i];
			}
		}
		free(hi_half.g.acc);
		free(hi_half.g.hh);
		free(hi_half.g.seen);
		if (same || lo_half.rc != ERR_OK) {
			/* merged; or this connection failed, whose error is the one to tell (on PostgreSQL its
			 * transaction is aborted: reading again on it would only say so) */
			free(g->hh);
			g->hh = NULL;
			r->read = TR_HALVES;
			if (lo_half.rc != ERR_OK)
				*e = lo_half.e;
			return lo_half.rc;
		}
		memset(g->acc, 0, cells * sizeof(*g->acc));   /* start again, in one snapshot */
		g->n_seen = g->n_hh = 0;
		r->read = TR_HALVES_AGAIN;
	}
	enum err rc = store_each_fact(st, &fq, on_fact, g, NULL, e);
	if (rc == ERR_OK)
		flush_household(g);
	free(g->hh);
	g->hh = NULL;
	return rc;
}

/* Which records besides the registry def reads (1 << enum hh_extra_kind). */
static unsigned
extras_of(const struct table_def *d)
{
	unsigned m = 0;
	for (size_t c = 0; c < d->n_cols; c++) {
		const struct tcol *col = &d->cols[c];
		if (col->kind == TK_CADRES)
			m |= 1u << HX_PAIRING;
		for (int k = 0; k < 2; k++) {
			enum tfield f = col->where[k].f;
			if (f == TF_PAIRED || f == TF_CADRE_AFF)
				m |= 1u << HX_PAIRING;
			else if (f == TF_HOUSING || f == TF_WATER || f == TF_ASSESSED)
				m |= 1u << HX_ASSESSMENT;
			else if (f == TF_MEASURE)
				m |= 1u << HX_MEASURE;
		}
	}
	return m;
}

static int
cmp_i64pair(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* The row of a village's bucket at the rows' level: its index, or -1 (the total alone). */
static int64_t
row_index(const struct table_result *r, int64_t village, int level)
{
	int64_t key = division_at(village, level);
	size_t l = lower_bound_i64(r->rows, r->n_rows, sizeof(*r->rows), offsetof(struct table_row, code), key);
	return l < r->n_rows && r->rows[l].code == key ? (int64_t)l : -1;
}

/* TK_CADRES: each cadre once per row and once in the total, however many of its households. */
static void
count_cadres(const struct engine *g, struct table_result *r, int level)
{
	const struct table_def *d = g->def;
	int64_t *pairs = xcalloc(g->n_seen ? 2 * g->n_seen : 1, sizeof(*pairs));
	for (size_t c = 0; c < d->n_cols; c++) {
		const struct tcol *col = &d->cols[c];
		if (col->kind != TK_CADRES)
			continue;
		const struct tfilter *w = &col->where[0];
		bool aff = w->f == TF_CADRE_AFF && w->code;
		for (int pass = 0; pass < 2; pass++) {   /* 0: by row, 1: the total */
			size_t n = 0;
			for (size_t i = 0; i < g->n_seen; i++) {
				const struct cadre_seen *s = &g->seen[i];
				if (aff && !has_code(w->code, s->code))
					continue;
				int64_t row = pass ? 0 : row_index(r, g->villages[s->bucket].code, level);
				if (row < 0)
					continue;
				pairs[2 * n] = row;
				pairs[2 * n + 1] = s->cadre;
				n++;
			}
			qsort(pairs, n, 2 * sizeof(*pairs), cmp_i64pair);
			if (pass)
				r->total.v[c] = 0;
			else
				for (size_t i = 0; i < r->n_rows; i++)
					r->rows[i].v[c] = 0;
			for (size_t i = 0; i < n; i++) {
				if (i && pairs[2 * i] == pairs[2 * i - 2] && pairs[2 * i + 1] == pairs[2 * i - 1])
					continue;
				if (pass)
					r->total.v[c]++;
				else
					r->rows[pairs[2 * i]].v[c]++;
			}
		}
	}
	free(pairs);
}

/* ---- the change table: stocks at both ends of the period and the movements between them ---- */

/* The flow column of an event type, sign and unit: the one naming the type, else the catch-all. */
static size_t
flow_column(const struct table_def *d, enum evtype t, int sign, enum tunit u)
{
	size_t other = SIZE_MAX;
	for (size_t c = 0; c < d->n_cols; c++) {
		const struct tcol *col = &d->cols[c];
		if (col->kind != TK_FLOW || col->sign != sign || col->unit != u)
			continue;
		if (col->events & (1u << t))
			return c;
		if (!col->events && other == SIZE_MAX)
			other = c;
	}
	return other;
}

static void
add_flow(struct engine *g, int64_t village, enum evtype t, int64_t dh, int64_t dp)
{
	size_t v = village_index(g, village);
	if (v == SIZE_MAX)
		return;
	const struct table_def *d = g->def;
	int64_t *acc = g->acc + v * d->n_cols;
	size_t c;
	if (dh && (c = flow_column(d, t, dh > 0 ? 1 : -1, TU_HOUSEHOLDS)) != SIZE_MAX)
		acc[c] += dh > 0 ? dh : -dh;
	if (dp && (c = flow_column(d, t, dp > 0 ? 1 : -1, TU_PERSONS)) != SIZE_MAX)
		acc[c] += dp > 0 ? dp : -dp;
}

static enum err
stocks(struct store *st, struct engine *g, int day, enum tkind kind, int64_t lo, int64_t hi, struct arena *a,
    struct errinfo *e)
{
	struct stat_cell *cells;
	size_t n;
	enum err rc = store_stats(st, day, 0, lo, hi, &cells, &n, a, e);
	if (rc != ERR_OK)
		return rc;
	const struct table_def *d = g->def;
	for (size_t i = 0; i < n; i++) {
		size_t v = village_index(g, cells[i].village);
		if (v == SIZE_MAX || !table_universe_has(g->universe, cells[i].status))
			continue;
		for (size_t c = 0; c < d->n_cols; c++)
			if (d->cols[c].kind == kind)
				g->acc[v * d->n_cols + c] += d->cols[c].unit == TU_HOUSEHOLDS ? cells[i].households : cells[i].persons;
	}
	return ERR_OK;
}

/* Each event in force effective in the period moves a household (with its members on the effective date) from
 * its from status to its to status, in or out of the universe; a member event moves one person if the household
 * was in the universe the day before (a split or a merge: out of the source, into the target, each in its own
 * village). The rule of `tuopin check`'s BALANCE, per village. */
static void
on_flow(void *ctx, const struct flow_event *x)
{
	struct engine *g = ctx;
	int u = g->universe;
	if (x->member_id == 0 && (x->from_status != ST_NONE || x->to_status != ST_NONE)) {
		int d = (int)table_universe_has(u, x->to_status) - (int)table_universe_has(u, x->from_status);
		if (d)
			add_flow(g, x->village, x->type, d, d * x->members_at);
	} else if (x->member_id) {
		if (x->type == EV_MEMBER_ADD)
			add_flow(g, x->village, x->type, 0, table_universe_has(u, x->before_src));
		else if (x->type == EV_MEMBER_REMOVE)
			add_flow(g, x->village, x->type, 0, -(int64_t)table_universe_has(u, x->before_src));
		else if (x->type == EV_SPLIT || x->type == EV_MERGE) {
			add_flow(g, x->target_village, x->type, 0, table_universe_has(u, x->before_tgt));
			add_flow(g, x->village, x->type, 0, -(int64_t)table_universe_has(u, x->before_src));
		}
	}
}

enum err
table_compute(struct store *st, const struct table_def *def, const struct table_query *q, struct table_result *r,
    struct arena *a, struct errinfo *e)
{
	enum err rc;
	memset(r, 0, sizeof(*r));
	r->def = def;
	r->as_of = q->as_of ? q->as_of : date_today();
	r->from = q->from;
	r->to = q->to;
	r->recorded_at = q->recorded_at;
	r->by = q->by;
	r->universe = q->universe >= 0 ? (enum group)q->universe : (enum group)def->universe;
	r->income_year = def->income ? (q->income_year ? q->income_year : r->as_of / 10000 - 1) : 0;
	if (def->changes) {
		if (q->recorded_at)
			return errinfo_set(e, ERR_INVALID, "recorded_at", MSG_TABLE_RECORDED_AT, def->code);
		if (q->to)
			r->as_of = q->to;
		r->to = r->as_of;
		r->from = q->from ? q->from : r->as_of / 10000 * 10000 + 101;
		if (r->from > r->to)
			return errinfo_set(e, ERR_INVALID, "from", MSG_TABLE_PERIOD);
	}
	if (q->division) {
		if ((rc = store_division_get(st, q->division, &r->div, a, e)) != ERR_OK)
			return rc;
	} else if ((rc = division_top(st, &r->div, a, e)) != ERR_OK)
		return rc;
	int64_t lo, hi;
	if (r->div.code)
		division_range(r->div.code, &lo, &hi);
	else {
		lo = st->scope_lo;
		hi = st->scope_hi;
	}
	struct division *dv;
	size_t nd;
	if ((rc = store_division_range(st, lo, hi, &dv, &nd, a, e)) != ERR_OK)
		return rc;

	struct engine g = { .def = def, .universe = (int)r->universe, .as_of = r->as_of };
	g.villages = arena_alloc(a, (nd ? nd : 1) * sizeof(*g.villages));
	for (size_t i = 0; i < nd; i++)
		if (dv[i].level == LV_VILLAGE && store_in_scope(st, dv[i].code))
			g.villages[g.n_villages++] = dv[i];
	qsort(g.villages, g.n_villages, sizeof(*g.villages), cmp_division);

	/* rows */
	int level = 0;
	if (def->bands) {
		r->rows = arena_alloc(a, def->n_bands * sizeof(*r->rows));
		for (size_t b = 0; b < def->n_bands; b++) {
			struct table_row *row = &r->rows[r->n_rows++];
			memset(row, 0, sizeof(*row));
			row->key = def->bands[b].key;
			row->name = EN ? def->bands[b].en : def->bands[b].zh;
			new_values(row, def->n_cols, a);
		}
		g.n_buckets = def->n_bands + 1;
	} else {
		level = q->by == BY_TOWN ? LV_TOWN : q->by == BY_VILLAGE ? LV_VILLAGE : r->div.level + 1;
		if (level > LV_VILLAGE)
			level = LV_VILLAGE;
		/* rows by town of a town or a village would be none, not the table asked for */
		if ((q->by == BY_TOWN || q->by == BY_VILLAGE) && r->div.level >= level) {
			static const char *const zh[] = { "", "省", "市", "县", "乡镇", "村" }, *const en[] = { "", "province",
				"city", "county", "town", "village" };
			int dl = r->div.level >= LV_PROVINCE && r->div.level <= LV_VILLAGE ? r->div.level : LV_VILLAGE;
			return errinfo_set(e, ERR_INVALID, "by", MSG_TABLE_BY, r->div.name, EN ? en[dl] : zh[dl],
			    EN ? en[level] : zh[level]);
		}
		struct division *rows = arena_alloc(a, (nd ? nd : 1) * sizeof(*rows));
		size_t n = 0;
		for (size_t i = 0; i < nd; i++) {
			int64_t l2, h2;
			division_range(dv[i].code, &l2, &h2);
			if (dv[i].level != level || dv[i].code == r->div.code)
				continue;
			if (!store_in_scope(st, dv[i].code) && !(l2 <= st->scope_lo && st->scope_hi <= h2))
				continue;
			rows[n++] = dv[i];
		}
		qsort(rows, n, sizeof(*rows), cmp_division);
		r->rows = arena_alloc(a, (n ? n : 1) * sizeof(*r->rows));
		for (size_t i = 0; i < n; i++) {
			struct table_row *row = &r->rows[r->n_rows++];
			memset(row, 0, sizeof(*row));
			row->code = rows[i].code;
			row->name = rows[i].name;
			row->level = rows[i].level;
			new_values(row, def->n_cols, a);
		}
		g.n_buckets = g.n_villages;
	}
	g.acc = xcalloc(g.n_buckets ? g.n_buckets * def->n_cols : 1, sizeof(*g.acc));
	if (def->changes) {
		rc = stocks(st, &g, date_add_days(r->from, -1), TK_STOCK_START, lo, hi, a, e);
		if (rc == ERR_OK)
			rc = stocks(st, &g, r->to, TK_STOCK_END, lo, hi, a, e);
		if (rc == ERR_OK)
			rc = store_each_flow_village(st, r->from, r->to, lo, hi, on_flow, &g, e);
	} else {
		unsigned need = extras_of(def);
		for (int k = 0; rc == ERR_OK && k < 3; k++)
			if (need & (1u << k))
				rc = store_hh_extras(st, (enum hh_extra_kind)k, k == HX_MEASURE ? r->as_of / 10000 : r->as_of, lo, hi,
				    &g.ext[k], &g.n_ext[k], e);
		if (rc == ERR_OK)
			rc = read_facts(st, &g, r, q->recorded_at, lo, hi, a, e);
		for (int k = 0; k < 3; k++)
			free(g.ext[k]);
	}
	if (rc != ERR_OK) {
		free(g.acc);
		free(g.seen);
		return rc;
	}

	r->total.code = r->div.code;
	r->total.name = EN ? "total" : "合计";
	r->total.level = r->div.level;
	new_values(&r->total, def->n_cols, a);
	if (def->bands) {
		for (size_t b = 0; b <= def->n_bands; b++) {
			struct table_row *row = b < def->n_bands ? &r->rows[b] : &r->total;
			for (size_t c = 0; c < def->n_cols; c++)
				row->v[c] = (double)g.acc[b * def->n_cols + c];
		}
	} else {
		for (size_t v = 0; v < g.n_villages; v++) {
			village_columns(&g, v);
			int64_t k = row_index(r, g.villages[v].code, level);
			struct table_row *row = k >= 0 ? &r->rows[k] : NULL;
			for (size_t c = 0; c < def->n_cols; c++) {
				double x = (double)g.acc[v * def->n_cols + c];
				r->total.v[c] += x;
				if (row)
					row->v[c] += x;
			}
		}
	}
	free(g.acc);
	if (!def->bands)
		count_cadres(&g, r, level);
	free(g.seen);
	for (size_t i = 0; i < r->n_rows; i++)
		formulas(def, &r->rows[i]);
	formulas(def, &r->total);
	if (def->changes) {
		/* the balance identity, checked on every row and the total */
		r->balanced = true;
		for (size_t i = 0; i <= r->n_rows; i++) {
			const struct table_row *row = i < r->n_rows ? &r->rows[i] : &r->total;
			for (size_t c = 0; c < def->n_cols; c++)
				if (def->cols[c].kind == TK_BALANCE && row->v[c] != 0)
					r->balanced = false;
		}
	}
	return ERR_OK;
}
