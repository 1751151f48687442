/* store_monitor.c: monitoring cases and programme memberships (防返贫动态监测, schema 0013; the statements are in
 * stmt.c). Scoped like households: a case or a membership is read only through a household in scope. The rules
 * (which type fits, when a case closes) are domain/monitor.c's. */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS (st->ops)

static void
read_case(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct monitor_case *c = row;
	memset(c, 0, sizeof(*c));
	c->id = OPS->col_int(q, 0);
	c->household_id = OPS->col_int(q, 1);
	c->seq = (int)OPS->col_int(q, 2);
	c->type = col_str(st, q, 3, a);
	c->risks = col_str(st, q, 4, a);
	c->channel = col_str(st, q, 5, a);
	c->identified = (int)OPS->col_int(q, 6);
	c->discovered = (int)OPS->col_int(q, 7);
	c->open_event_id = OPS->col_int(q, 8);
	c->open_proposal_id = OPS->col_int(q, 9);
	c->eliminated = (int)OPS->col_int(q, 10);
	c->way = col_str(st, q, 11, a);
	c->close_event_id = OPS->col_int(q, 12);
	c->close_proposal_id = OPS->col_int(q, 13);
	c->security_day = (int)OPS->col_int(q, 14);
	c->security = col_str(st, q, 15, a);
	c->recorded_at = OPS->col_int(q, 16);
	c->updated_at = OPS->col_int(q, 17);
}

enum err
store_case_insert(struct store *st, struct monitor_case *c, struct errinfo *e)
{
	struct stmt *q = STMT_BOUND(st, STMT_CASE_INSERT, e, SQL_INT(c->household_id), sql_opt_text(c->type),
	    sql_opt_text(c->risks), sql_opt_text(c->channel), SQL_INT(c->identified), sql_opt_int(c->discovered),
	    sql_opt_int(c->open_event_id), sql_opt_int(c->open_proposal_id), SQL_INT(c->recorded_at));
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r == 1) {
		c->id = OPS->col_int(q, 0);
		c->seq = (int)OPS->col_int(q, 1);
	}
	OPS->reset(q);
	return r == 1 ? ERR_OK : ERR_DB;
}

enum err
store_case_open(struct store *st, int64_t hh, struct monitor_case *c, struct arena *a, struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_CASE_OPEN, e, SQL_INT(hh)), read_case, c, a, e);
}

enum err
store_case_close(struct store *st, int64_t id, int day, const char *way, int64_t event_id, int64_t proposal_id,
    int64_t now, struct errinfo *e)
{
	return stmt_exec(st,
	    STMT_BOUND(st, STMT_CASE_CLOSE, e, SQL_INT(id), SQL_INT(day), sql_opt_text(way), sql_opt_int(event_id),
		sql_opt_int(proposal_id), SQL_INT(now)),
	    e);
}

enum err
store_case_security(struct store *st, int64_t id, int day, const char *security, int64_t now, struct errinfo *e)
{
	return stmt_exec(st,
	    STMT_BOUND(st, STMT_CASE_SECURITY, e, SQL_INT(id), SQL_INT(day), sql_opt_text(security), SQL_INT(now)), e);
}

enum err
store_cases_of_household(struct store *st, int64_t hh, struct monitor_case **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_CASES_OF_HH, e, SQL_INT(hh)), sizeof(**out), read_case, out, n, a, e);
}

/* read_case's columns, then the household's */
static void
read_case_in(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct monitor_case *c = row;
	read_case(st, q, c, a);
	c->hh_no = col_str(st, q, 18, a);
	c->village = OPS->col_int(q, 19);
	const char *s = OPS->col_text(q, 20);
	c->status = ST_NONE;
	status_from_code(s, &c->status);
	c->persons = OPS->col_int(q, 21);
	c->head_name = col_str(st, q, 22, a);
}

enum err
store_cases_in(struct store *st, int day, int64_t lo, int64_t hi, struct monitor_case **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_CASES_IN, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi)),
	    sizeof(**out), read_case_in, out, n, a, e);
	read_end(st, began);
	return rc;
}

static void
read_programme(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct programme *p = row;
	p->id = OPS->col_int(q, 0);
	p->household_id = OPS->col_int(q, 1);
	p->kind = col_str(st, q, 2, a);
	p->valid_from = (int)OPS->col_int(q, 3);
	p->valid_to = (int)OPS->col_int(q, 4);
	p->source = col_str(st, q, 5, a);
	p->recorded_at = OPS->col_int(q, 6);
	p->actor = col_str(st, q, 7, a);
}

enum err
store_programme_insert(struct store *st, struct programme *p, struct errinfo *e)
{
	return stmt_insert(st,
	    STMT_BOUND(st, STMT_PROGRAMME_INSERT, e, SQL_INT(p->household_id), SQL_TEXT(p->kind), SQL_INT(p->valid_from),
		SQL_INT(p->valid_to), SQL_TEXT(p->source), SQL_INT(p->recorded_at), SQL_TEXT(p->actor)),
	    &p->id, e);
}

enum err
store_programmes_of_household(struct store *st, int64_t hh, struct programme **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_PROGRAMMES_OF_HH, e, SQL_INT(hh)), sizeof(**out), read_programme, out, n,
	    a, e);
}

enum err
store_programmes_in(struct store *st, int day, int64_t lo, int64_t hi, struct programme **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_PROGRAMMES_IN, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi)),
	    sizeof(**out), read_programme, out, n, a, e);
	read_end(st, began);
	return rc;
}

/* ---- early warnings (schema 0014) ---- */

struct wi_hh {
	int64_t id, village;
	char *hh_no;
	enum status status;
	int year[2];            /* the latest two years with an income, 0 none */
	int64_t net_pc[2];
};

static int
cmp_wi_hh(const void *x, const void *y)
{
	const struct wi_hh *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void
read_wi_hh(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct wi_hh *h = row;
	memset(h, 0, sizeof(*h));
	h->id = OPS->col_int(q, 0);
	h->hh_no = col_str(st, q, 1, a);
	h->village = OPS->col_int(q, 2);
	h->status = ST_NONE;
	status_from_code(OPS->col_text(q, 3), &h->status);
}

/* Two scans, joined here: the households (status on day, in the villages) sorted by id, then every income row
 * of the table in its own order, each kept when it is one of its household's latest two years. A join in SQL
 * reads the incomes household by household through the index (random reads, then a sort of a million rows);
 * this reads the table once, in order. */
enum err
store_warn_incomes(struct store *st, int day, int last_year, int64_t lo, int64_t hi, struct warn_income **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	struct wi_hh *hv;
	size_t nh;
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_WARN_INCOMES, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi)),
	    sizeof(*hv), read_wi_hh, &hv, &nh, a, e);
	if (rc != ERR_OK || nh == 0) {
		read_end(st, began);
		return rc;
	}
	qsort(hv, nh, sizeof(*hv), cmp_wi_hh);
	struct stmt *q = STMT_BOUND(st, STMT_WARN_INCOME_ROWS, e, SQL_INT(last_year));
	if (!q) {
		read_end(st, began);
		return ERR_DB;
	}
	/* ids are dense (a county's households numbered from 1): a direct table from id to household, else a
	 * binary search */
	int64_t lo_id = hv[0].id, span = hv[nh - 1].id - lo_id + 1;
	int32_t *at = span <= 4 * (int64_t)nh + 1024 ? arena_alloc(a, (size_t)span * sizeof(*at)) : NULL;
	if (at) {
		memset(at, 0xff, (size_t)span * sizeof(*at));
		for (size_t i = 0; i < nh; i++)
			at[hv[i].id - lo_id] = (int32_t)i;
	}
	size_t with = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		int64_t id = OPS->col_int(q, 0);
		struct wi_hh *h;
		if (at)
			h = id >= lo_id && id - lo_id < span && at[id - lo_id] >= 0 ? &hv[at[id - lo_id]] : NULL;
		else {
			struct wi_hh key = { .id = id };
			h = bsearch(&key, hv, nh, sizeof(*hv), cmp_wi_hh);
		}
		if (!h)
			continue;
		int y = (int)OPS->col_int(q, 1);
		int64_t pc = OPS->col_int(q, 2);
		if (!h->year[0])
			with++;
		if (y > h->year[0]) {
			h->year[1] = h->year[0];
			h->net_pc[1] = h->net_pc[0];
			h->year[0] = y;
			h->net_pc[0] = pc;
		} else if (y > h->year[1] && y != h->year[0]) {
			h->year[1] = y;
			h->net_pc[1] = pc;
		}
	}
	OPS->reset(q);
	read_end(st, began);
	if (r < 0)
		return ERR_DB;
	/* by household, latest year first: the latest two */
	struct warn_income *v = arena_alloc(a, (2 * with + 1) * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < nh; i++)
		for (int j = 0; j < 2 && hv[i].year[j]; j++)
			v[k++] = (struct warn_income){ .household_id = hv[i].id, .hh_no = hv[i].hh_no, .village = hv[i].village,
				.status = hv[i].status, .year = hv[i].year[j], .net_pc = hv[i].net_pc[j] };
	*out = v;
	*n = k;
	return ERR_OK;
}

enum err
store_warn_external(struct store *st, const char *kind, int day, int after, int64_t lo, int64_t hi,
    external_match_fn fn, void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	struct stmt *q = STMT_BOUND(st, STMT_WARN_EXTERNAL, e, SQL_TEXT(kind), SQL_INT(day), SQL_INT(lo), SQL_INT(hi),
	    SQL_INT(after));
	if (!q) {
		read_end(st, began);
		return ERR_DB;
	}
	int r, stop = 0;
	while (!stop && (r = OPS->step(q, e)) == 1) {
		struct external_match m;
		read_match_head(st, q, &m);
		m.dibao = m.tekun = m.ins_medical = m.ins_pension = m.work_months = -1;
		m.labor = OPS->col_text(q, MATCH_HEAD_NCOLS);
		stop = fn(ctx, &m);
	}
	OPS->reset(q);
	read_end(st, began);
	return !stop && r < 0 ? ERR_DB : ERR_OK;
}

static void
read_warn_health(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct warn_health *w = row;
	w->household_id = OPS->col_int(q, 0);
	w->event_id = OPS->col_int(q, 1);
	w->type = col_str(st, q, 2, a);
	w->effective = (int)OPS->col_int(q, 3);
	w->detail = col_str(st, q, 4, a);
	w->name = col_str(st, q, 5, a);
	w->health = col_str(st, q, 6, a);
	w->hh_no = col_str(st, q, 7, a);
	w->village = OPS->col_int(q, 8);
	w->status = ST_NONE;
	status_from_code(OPS->col_text(q, 9), &w->status);
}

enum err
store_warn_health(struct store *st, int day, int after, int64_t lo, int64_t hi, struct warn_health **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_WARN_HEALTH, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi),
	    SQL_INT(after)), sizeof(**out), read_warn_health, out, n, a, e);
	read_end(st, began);
	return rc;
}

/* where store_warn_household puts its row's columns */
struct warn_hh {
	int *persons;
	char **head;
};

static void
read_warn_hh(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct warn_hh *w = row;
	*w->persons = (int)OPS->col_int(q, 0);
	*w->head = col_str(st, q, 1, a);
}

enum err
store_warn_household(struct store *st, int64_t hh, int day, int *persons, char **head, struct arena *a,
    struct errinfo *e)
{
	*persons = 0;
	*head = NULL;
	struct warn_hh w = { persons, head };
	enum err rc = stmt_row(st, STMT_BOUND(st, STMT_WARN_HOUSEHOLD, e, SQL_INT(hh), SQL_INT(day)), read_warn_hh, &w, a,
	    e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

/* a pair of int columns: an element of store_warn_proposals' array of pairs */
static void
read_int_pair(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	(void)a;
	int64_t *v = row;
	v[0] = OPS->col_int(q, 0);
	v[1] = OPS->col_int(q, 1);
}

enum err
store_warn_proposals(struct store *st, int64_t lo, int64_t hi, int day, int64_t **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_WARN_PROPOSALS, e, SQL_INT(lo), SQL_INT(hi), SQL_INT(day)),
	    2 * sizeof(**out), read_int_pair, out, n, a, e);
	read_end(st, began);
	return rc;
}

static void
read_dismissal(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct warning_dismissal *d = row;
	d->id = 0;
	d->household_id = OPS->col_int(q, 0);
	d->rule = col_str(st, q, 1, a);
	d->basis = OPS->col_int(q, 2);
	d->reason = col_str(st, q, 3, a);
	d->day = (int)OPS->col_int(q, 4);
	d->actor = col_str(st, q, 5, a);
	d->recorded_at = OPS->col_int(q, 6);
}

enum err
store_warn_dismissals(struct store *st, int64_t lo, int64_t hi, int day, struct warning_dismissal **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = stmt_rows(st, STMT_BOUND(st, STMT_WARN_DISMISSALS, e, SQL_INT(lo), SQL_INT(hi), SQL_INT(day)),
	    sizeof(**out), read_dismissal, out, n, a, e);
	read_end(st, began);
	return rc;
}

enum err
store_warn_dismiss(struct store *st, struct warning_dismissal *d, struct errinfo *e)
{
	return stmt_insert(st,
	    STMT_BOUND(st, STMT_WARN_DISMISS, e, SQL_INT(d->household_id), SQL_TEXT(d->rule), SQL_INT(d->basis),
		SQL_TEXT(d->reason), SQL_INT(d->day), SQL_TEXT(d->actor), SQL_INT(d->recorded_at)),
	    &d->id, e);
}
