/* monitor_warn.c: the early warnings of 防返贫动态监测 (monitor.h): computed from the data as of a day in a few
 * scans over the scope (incomes, health events, cases, open proposals, dismissals), joined here by household;
 * only dismissals are stored. No SQL here. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/codes.h"
#include "domain/external.h"
#include "domain/income.h"
#include "domain/monitor.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"

const char *const warning_rules[WR__MAX] = { "low_income", "income_fall", "health", "medical_cost", "disaster",
	"labour_death" };
/* the external kind each list rule reads */
static const char *const list_kinds[WR__MAX] = { [WR_MEDICAL_COST] = "medical_cost", [WR_DISASTER] = "disaster",
	[WR_LABOUR_DEATH] = "death" };

static int
cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

/* pairs (household, proposal) sorted by household */
static int
cmp_pair(const void *x, const void *y)
{
	return cmp_i64(x, y);
}

static int
cmp_dismissal(const void *x, const void *y)
{
	const struct warning_dismissal *a = x, *b = y;
	if (a->household_id != b->household_id)
		return a->household_id < b->household_id ? -1 : 1;
	int c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	return a->basis < b->basis ? -1 : a->basis > b->basis;
}

static int
cmp_warning(const void *x, const void *y)
{
	const struct monitor_warning *a = x, *b = y;
	if (a->village != b->village)
		return a->village < b->village ? -1 : 1;
	int c = strcmp(a->hh_no, b->hh_no);
	if (c)
		return c;
	if (a->rule != b->rule)
		return a->rule - b->rule;
	return a->basis < b->basis ? -1 : a->basis > b->basis;
}

struct acc {
	struct monitor_warning *v;
	size_t n, cap;
	struct arena *a;
};

static struct monitor_warning *
add(struct acc *c)
{
	if (c->n == c->cap) {
		size_t ncap = c->cap ? 2 * c->cap : 16;
		struct monitor_warning *w = arena_alloc(c->a, ncap * sizeof(*w));
		if (c->n)
			memcpy(w, c->v, c->n * sizeof(*w));
		c->v = w;
		c->cap = ncap;
	}
	struct monitor_warning *w = &c->v[c->n++];
	memset(w, 0, sizeof(*w));
	return w;
}

int
settings_warning_fall(struct store *st)
{
	struct arena a;
	arena_init(&a);
	char *v = NULL;
	int t = 3000;
	int64_t fen;
	if (store_meta_get(st, "warning_income_fall", &v, &a, NULL) == ERR_OK && v &&
	    parse_money_fen(v, strlen(v), &fen) && fen > 0 && fen < 10000)
		t = (int)fen;
	arena_free(&a);
	return t;
}

int64_t
settings_warning_medical_cost(struct store *st)
{
	struct arena a;
	arena_init(&a);
	char *v = NULL;
	int64_t t = MEDICAL_COST_WARN, fen;
	if (store_meta_get(st, "warning_medical_cost", &v, &a, NULL) == ERR_OK && v &&
	    parse_money_fen(v, strlen(v), &fen) && fen > 0)
		t = fen;
	arena_free(&a);
	return t;
}

/* The monitoring line of year in the village's province (cached per year and province; 0 when none is set for
 * it or before). */
struct lines {
	int year[64];
	int prov[64];
	int64_t amount[64];
	int found[64];
	int n;
};

static enum err
line_of(struct store *st, struct lines *l, int year, int64_t village, int64_t *amount, int *found, struct errinfo *e)
{
	int pv = (int)((village / 10000000000LL) % 100);
	for (int i = 0; i < l->n; i++)
		if (l->year[i] == year && l->prov[i] == pv) {
			*amount = l->amount[i];
			*found = l->found[i];
			return ERR_OK;
		}
	bool prov;
	*amount = 0;
	*found = 0;
	enum err rc = income_line(st, year, village, "monitoring", amount, found, &prov, e);
	if (rc == ERR_NOTFOUND) {
		*amount = 0;
		*found = 0;
		rc = ERR_OK;
	}
	if (rc == ERR_OK && l->n < 64) {
		l->year[l->n] = year;
		l->prov[l->n] = pv;
		l->amount[l->n] = *amount;
		l->found[l->n++] = *found;
	}
	return rc;
}

static bool
serious(const char *h)
{
	return h && (strcmp(h, "03") == 0 || strcmp(h, "04") == 0);
}

/* A row of an external list held by a member (store_warn_external: of the twelve months up to the day, of a
 * 脱贫户 or 一般农户): a warning if the household is not monitored on the day and, for medical costs, the amount is
 * at least the setting, for deaths, the member had labour capacity. */
struct xw {
	struct acc *acc;
	int rule, day;
	int64_t medical_cost;
	const struct warning_query *q;
	const int64_t *mon;
	size_t nm;
	struct arena *a;
};

static bool
labourer(const char *labor)
{
	return labor && (strcmp(labor, "01") == 0 || strcmp(labor, "02") == 0);
}

static int
list_row(void *p, const struct external_match *m)
{
	struct xw *x = p;
	if (!m->household_id || (x->q->household_id && m->household_id != x->q->household_id))
		return 0;
	if (m->status != ST_EXITED_SUPPORTED && m->status != ST_EXITED_UNSUPPORTED && m->status != ST_ORDINARY)
		return 0;
	if (x->nm && bsearch(&m->household_id, x->mon, x->nm, sizeof(*x->mon), cmp_i64))
		return 0;
	int when = m->day ? m->day : m->list_date;
	if (when > x->day || when <= x->day - 10000)
		return 0;
	int64_t fen = 0;
	if (x->rule == WR_MEDICAL_COST) {
		const char *v = m->value ? m->value : "";
		if (!parse_money_fen(v, strlen(v), &fen) || fen < x->medical_cost)
			return 0;
	}
	if (x->rule == WR_LABOUR_DEATH && !labourer(m->labor))
		return 0;
	int64_t basis = m->list_id * 1000000 + m->row_no;
	/* a row once (a member of two households on the row's date: the rows come by list row, the later
	 * membership first) */
	if (x->acc->n && x->acc->v[x->acc->n - 1].rule == x->rule && x->acc->v[x->acc->n - 1].basis == basis)
		return 0;
	struct monitor_warning *w = add(x->acc);
	w->rule = x->rule;
	w->basis = basis;
	w->household_id = m->household_id;
	w->hh_no = arena_strdup(x->a, m->hh_no);
	w->village = m->village;
	w->status = m->status;
	w->day = when;
	w->member_name = arena_strdup(x->a, m->name ? m->name : "");
	w->source = arena_strdup(x->a, m->source ? m->source : "");
	w->value = arena_strdup(x->a, m->value ? m->value : "");
	w->labor = m->labor ? arena_strdup(x->a, m->labor) : NULL;
	w->amount = fen;
	return 0;
}

enum err
monitor_warnings(struct store *st, const struct warning_query *q, struct warning_list *out, struct arena *a,
    struct errinfo *e)
{
	memset(out, 0, sizeof(*out));
	int day = q->day ? q->day : date_today();
	out->day = day;
	out->fall_share = settings_warning_fall(st);
	out->medical_cost = settings_warning_medical_cost(st);
	enum err rc;
	if (q->division) {
		if ((rc = store_division_get(st, q->division, &out->div, a, e)) != ERR_OK)
			return rc;
	} else if ((rc = division_top(st, &out->div, a, e)) != ERR_OK)
		return rc;
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (out->div.code)
		division_range(out->div.code, &lo, &hi);

	/* households monitored on the day */
	struct monitor_case *cs;
	size_t nc;
	if ((rc = store_cases_in(st, day, lo, hi, &cs, &nc, a, e)) != ERR_OK)
		return rc;
	int64_t *mon = arena_alloc(a, (nc + 1) * sizeof(*mon));
	size_t nm = 0;
	for (size_t i = 0; i < nc; i++) {
		while (i + 1 < nc && cs[i + 1].household_id == cs[i].household_id)
			i++;
		if (!cs[i].eliminated || cs[i].eliminated > day)
			mon[nm++] = cs[i].household_id;
	}
	if (nm)
		qsort(mon, nm, sizeof(*mon), cmp_i64);
#define MONITORED(h) (nm && bsearch(&(h), mon, nm, sizeof(*mon), cmp_i64))

	struct acc acc = { .a = a };
	/* income rules: the rows come by household, latest year first */
	struct warn_income *in;
	size_t ni;
	if ((rc = store_warn_incomes(st, day, day / 10000, lo, hi, &in, &ni, a, e)) != ERR_OK)
		return rc;
	struct lines lines = { .n = 0 };
	for (size_t i = 0; i < ni; i++) {
		const struct warn_income *cur = &in[i], *prev = NULL;
		if (i + 1 < ni && in[i + 1].household_id == cur->household_id)
			prev = &in[i + 1];
		while (i + 1 < ni && in[i + 1].household_id == cur->household_id)
			i++;
		if ((q->household_id && cur->household_id != q->household_id) || MONITORED(cur->household_id))
			continue;
		int64_t line;
		int found;
		if ((rc = line_of(st, &lines, cur->year, cur->village, &line, &found, e)) != ERR_OK)
			return rc;
		if (found && cur->net_pc < line) {
			struct monitor_warning *w = add(&acc);
			w->rule = WR_LOW_INCOME;
			w->basis = cur->year;
			w->household_id = cur->household_id;
			w->hh_no = cur->hh_no;
			w->village = cur->village;
			w->status = cur->status;
			w->year = cur->year;
			w->net_pc = cur->net_pc;
			w->line = line;
			w->line_year = found;
		}
		if (prev && prev->year == cur->year - 1 && prev->net_pc > 0 && cur->net_pc < prev->net_pc &&
		    (prev->net_pc - cur->net_pc) * 10000 >= (int64_t)out->fall_share * prev->net_pc) {
			struct monitor_warning *w = add(&acc);
			w->rule = WR_INCOME_FALL;
			w->basis = cur->year;
			w->household_id = cur->household_id;
			w->hh_no = cur->hh_no;
			w->village = cur->village;
			w->status = cur->status;
			w->year = cur->year;
			w->net_pc = cur->net_pc;
			w->prev_year = prev->year;
			w->prev_net_pc = prev->net_pc;
			w->fall = (int)div_round((prev->net_pc - cur->net_pc) * 10000, prev->net_pc);
		}
	}
	/* health: events of the twelve months up to the day */
	struct warn_health *hs;
	size_t nh;
	if ((rc = store_warn_health(st, day, day - 10000, lo, hi, &hs, &nh, a, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < nh; i++) {
		const struct warn_health *h = &hs[i];
		if ((q->household_id && h->household_id != q->household_id) || MONITORED(h->household_id))
			continue;
		const char *now = h->health;
		if (strcmp(h->type, "data_fix") == 0) {
			json_t *d = json_loads(h->detail ? h->detail : "{}", 0, NULL);
			json_t *p = json_object_get(d, "health");
			const char *before = json_string_value(json_array_get(p, 0));
			const char *after = json_string_value(json_array_get(p, 1));
			now = serious(after) && strcmp(before ? before : "", after) != 0 ? arena_strdup(a, after) : NULL;
			json_decref(d);
		}
		if (!serious(now))
			continue;
		/* one warning per event: the first member it names */
		if (acc.n && acc.v[acc.n - 1].rule == WR_HEALTH && acc.v[acc.n - 1].event_id == h->event_id)
			continue;
		struct monitor_warning *w = add(&acc);
		w->rule = WR_HEALTH;
		w->basis = h->event_id;
		w->household_id = h->household_id;
		w->hh_no = h->hh_no;
		w->village = h->village;
		w->status = h->status;
		w->event_id = h->event_id;
		w->day = h->effective;
		w->member_name = h->name;
		w->health = (char *)now;
	}
#undef MONITORED
	/* other departments' lists: rows of the twelve months up to the day */
	struct xw x = { .acc = &acc, .day = day, .medical_cost = out->medical_cost, .q = q, .mon = mon, .nm = nm, .a = a };
	for (int r = WR_MEDICAL_COST; r <= WR_LABOUR_DEATH; r++) {
		bool exists;
		x.rule = r;
		if (q->rule && *q->rule && strcmp(q->rule, warning_rules[r]) != 0)
			continue;
		if ((rc = store_external_kind_exists(st, list_kinds[r], day, &exists, e)) != ERR_OK)
			return rc;
		if (exists && (rc = store_warn_external(st, list_kinds[r], day, day - 10000, lo, hi, list_row, &x,
		    e)) != ERR_OK)
			return rc;
	}

	/* dismissals and open proposals as recorded on the day: a dismissal made later, or a proposal opened later
	 * or already decided then, does not change the list of that day */
	struct warning_dismissal *ds;
	size_t nd;
	if ((rc = store_warn_dismissals(st, lo, hi, day, &ds, &nd, a, e)) != ERR_OK)
		return rc;
	if (nd)
		qsort(ds, nd, sizeof(*ds), cmp_dismissal);
	int64_t *ps;
	size_t np;
	if ((rc = store_warn_proposals(st, lo, hi, day, &ps, &np, a, e)) != ERR_OK)
		return rc;
	if (np)
		qsort(ps, np, 2 * sizeof(*ps), cmp_pair);
	size_t k = 0;
	for (size_t i = 0; i < acc.n; i++) {
		struct monitor_warning *w = &acc.v[i];
		if (q->rule && *q->rule && strcmp(q->rule, warning_rules[w->rule]) != 0)
			continue;
		struct warning_dismissal key = { .household_id = w->household_id, .rule = (char *)warning_rules[w->rule],
			.basis = w->basis };
		w->dismissed = nd ? bsearch(&key, ds, nd, sizeof(*ds), cmp_dismissal) : NULL;
		if (w->dismissed && !q->all)
			continue;
		const int64_t *p = np ? bsearch(&w->household_id, ps, np, 2 * sizeof(*ps), cmp_pair) : NULL;
		w->proposal_id = p ? p[1] : 0;
		snprintf(w->key, sizeof(w->key), "%s:%s:%lld", warning_rules[w->rule], w->hh_no, (long long)w->basis);
		if (k != i)
			acc.v[k] = *w;
		k++;
	}
	if (k)
		qsort(acc.v, k, sizeof(*acc.v), cmp_warning);
	/* the households' persons, heads and places */
	int64_t last_village = -1, last_hh = 0;
	const char *vname = NULL, *tname = NULL;
	for (size_t i = 0; i < k; i++) {
		struct monitor_warning *w = &acc.v[i];
		if (w->household_id != last_hh) {
			out->households++;
			if ((rc = store_warn_household(st, w->household_id, day, &w->persons, &w->head_name, a, e)) != ERR_OK)
				return rc;
			last_hh = w->household_id;
		} else {
			w->persons = acc.v[i - 1].persons;
			w->head_name = acc.v[i - 1].head_name;
		}
		if (w->village != last_village) {
			struct division d;
			vname = store_division_get(st, w->village, &d, a, NULL) == ERR_OK ? d.name : NULL;
			tname = store_division_get(st, w->village / 1000 * 1000, &d, a, NULL) == ERR_OK ? d.name : NULL;
			last_village = w->village;
		}
		w->village_name = (char *)vname;
		w->town_name = (char *)tname;
	}
	out->rows = acc.v;
	out->n = k;
	return ERR_OK;
}

enum err
monitor_warning_dismiss(struct txn *t, const char *key, const char *reason, int day, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	enum err rc;
	char rule[32], hh_no[40];
	long long basis;
	char tail;
	if (!key || sscanf(key, "%31[a-z_]:%39[^:]:%lld%c", rule, hh_no, &basis, &tail) != 3) {
		rc = errinfo_set(e, ERR_NOTFOUND, "key", MSG_WARNING_NOT_FOUND, key ? key : "");
		goto out;
	}
	if (!reason || str_trim(str_from(reason)).n == 0) {
		rc = errinfo_set(e, ERR_INVALID, "reason", MSG_WARNING_REASON);
		goto out;
	}
	struct household h;
	if ((rc = store_household_by_no(t->st, hh_no, &h, &a, e)) != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			rc = errinfo_set(e, ERR_NOTFOUND, "key", MSG_WARNING_NOT_FOUND, key);
		goto out;
	}
	char d1[11];
	if (day > t->today || (day && day < DATE_RECORDS_FROM)) {
		/* dismissed on a day to come, it showed open until then and could be dismissed by nobody before */
		rc = errinfo_set(e, ERR_INVALID, "date", day > t->today ? MSG_AS_DATE_FUTURE : MSG_DATE_TOO_EARLY,
		    date_format(day, d1));
		goto out;
	}
	struct warning_query q = { .day = day ? day : t->today, .division = h.village, .rule = rule, .all = true,
		.household_id = h.id };
	struct warning_list l;
	if ((rc = monitor_warnings(t->st, &q, &l, &a, e)) != ERR_OK)
		goto out;
	const struct monitor_warning *w = NULL;
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.rows[i].key, key) == 0)
			w = &l.rows[i];
	if (!w) {
		rc = errinfo_set(e, ERR_NOTFOUND, "key", MSG_WARNING_NOT_FOUND, key);
		goto out;
	}
	const struct warning_dismissal *done = w->dismissed;
	if (!done) {
		/* dismissed already on a later day than the one asked: the same warning (rule, household, basis) is
		 * dismissed once, whatever the day */
		struct warning_dismissal *v;
		size_t n;
		if ((rc = store_warn_dismissals(t->st, h.village, h.village, 99991231, &v, &n, &a, e)) != ERR_OK)
			goto out;
		for (size_t i = 0; i < n && !done; i++)
			if (v[i].household_id == h.id && v[i].basis == w->basis && !strcmp(v[i].rule, warning_rules[w->rule]))
				done = &v[i];
	}
	if (done) {
		rc = errinfo_set(e, ERR_CONFLICT, "key", MSG_WARNING_DISMISSED, key, date_format(done->day, d1), done->actor,
		    done->reason);
		goto out;
	}
	struct warning_dismissal d = { .household_id = h.id, .rule = (char *)warning_rules[w->rule], .basis = w->basis,
		.reason = (char *)reason, .day = q.day, .actor = (char *)t->actor, .recorded_at = t->now };
	if ((rc = store_warn_dismiss(t->st, &d, e)) != ERR_OK)
		goto out;
	json_t *j = json_pack("{s:s, s:s, s:s}", "warning", key, "day", date_format(q.day, d1), "reason", reason);
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	rc = txn_audit(t, "monitor.dismiss", h.hh_no, detail, e);
	free(detail);
out:
	arena_free(&a);
	return rc;
}
