/* store_report.c: the report queries: counts by village and status, change counts, balance flows, member
 * iteration for exports and checks, duplicate ID numbers. Always limited to the scope. */
#include <string.h>

#include "lib/date.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS st->ops


struct cells {
	struct stat_cell *v;
	size_t n, cap;
};

static struct stat_cell *
cell_for(struct cells *c, int64_t village, enum status s, struct arena *a)
{
	for (size_t i = c->n; i-- > 0;)
		if (c->v[i].village == village && c->v[i].status == s)
			return &c->v[i];
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct stat_cell *w = arena_alloc(a, cap * sizeof(*w));
		if (c->n)
			memcpy(w, c->v, c->n * sizeof(*w));
		c->v = w;
		c->cap = cap;
	}
	struct stat_cell *x = &c->v[c->n++];
	x->village = village;
	x->status = s;
	x->households = x->persons = 0;
	return x;
}

static enum err
collect(struct store *st, struct stmt *q, struct cells *c, bool persons_only, bool both, struct arena *a,
    struct errinfo *e)
{
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		enum status s;
		if (!status_from_code(OPS->col_text(q, 1), &s))
			continue;
		struct stat_cell *x = cell_for(c, OPS->col_int(q, 0), s, a);
		if (both) {
			x->households += OPS->col_int(q, 2);
			x->persons += OPS->col_int(q, 3);
		} else if (persons_only)
			x->persons += OPS->col_int(q, 2);
		else
			x->households += OPS->col_int(q, 2);
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_stats_scan(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	struct cells c = { 0 };
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	int64_t t = recorded_at ? recorded_at : NOW_KNOWN;
	bool began = read_begin(st, e);
	enum err rc = ERR_OK;
	for (int pass = 0; pass < 2 && rc == ERR_OK; pass++) {
		struct stmt *q = OPS->prepare(st, pass == 0 ? STMT_STATS_SCAN_H : STMT_STATS_SCAN_P, e);
		if (!q) {
			rc = ERR_DB;
			break;
		}
		OPS->bind(q, 1, SQL_INT(day));
		OPS->bind(q, 2, SQL_INT(t));
		OPS->bind(q, 3, SQL_INT(lo));
		OPS->bind(q, 4, SQL_INT(hi));
		rc = collect(st, q, &c, pass == 1, false, a, e);
	}
	read_end(st, began);
	*out = c.v;
	*n = c.n;
	return rc;
}

enum err
store_stats(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	if (recorded_at)
		return store_stats_scan(st, day, recorded_at, lo, hi, out, n, a, e);
	struct cells c = { 0 };
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_STATS_AGG, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(day));
	OPS->bind(q, 2, SQL_INT(lo));
	OPS->bind(q, 3, SQL_INT(hi));
	enum err rc = collect(st, q, &c, false, true, a, e);
	/* Drop cells that sum to nothing (every entry was matched by a leave). */
	size_t k = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.v[i].households != 0 || c.v[i].persons != 0)
			c.v[k++] = c.v[i];
	*out = c.v;
	*n = k;
	return rc;
}

enum err
store_stats_level(struct store *st, int level, int day, int64_t lo, int64_t hi, struct stat_cell **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	struct cells c = { 0 };
	*out = NULL;
	*n = 0;
	/* only divisions wholly inside the scope: a town's figures include all its villages */
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_STATS_ROLLUP, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(level));
	OPS->bind(q, 2, SQL_INT(day));
	OPS->bind(q, 3, SQL_INT(lo));
	OPS->bind(q, 4, SQL_INT(hi));
	enum err rc = collect(st, q, &c, false, true, a, e);
	size_t k = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.v[i].households != 0 || c.v[i].persons != 0)
			c.v[k++] = c.v[i];
	*out = c.v;
	*n = k;
	return rc;
}

enum err
store_changes(struct store *st, enum changes_mode mode, int from, int to, const char *batch, int64_t recorded_at,
    int64_t lo, int64_t hi, struct change_cell **out, size_t *n, struct arena *a, struct errinfo *e)
{
	static const enum stmt_id ids[3][2] = {
		[CHANGES_EFFECTIVE] = { STMT_CHANGES_H_EFF, STMT_CHANGES_M_EFF },
		[CHANGES_RECORDED] = { STMT_CHANGES_H_REC, STMT_CHANGES_M_REC },
		[CHANGES_BATCH] = { STMT_CHANGES_H_BATCH, STMT_CHANGES_M_BATCH },
	};
	struct change_cell *v = arena_alloc(a, 2 * EV__MAX * sizeof(*v));
	size_t k = 0;
	*out = v;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	int64_t t = recorded_at ? recorded_at : NOW_KNOWN;
	bool began = read_begin(st, e);
	enum err rc = ERR_OK;
	for (int pass = 0; pass < 2 && rc == ERR_OK; pass++) {
		struct stmt *q = OPS->prepare(st, ids[mode][pass], e);
		if (!q) {
			rc = ERR_DB;
			break;
		}
		if (mode == CHANGES_BATCH) {
			OPS->bind(q, 1, SQL_TEXT(batch));
			OPS->bind(q, 2, SQL_INT(t));
			OPS->bind(q, 3, SQL_INT(lo));
			OPS->bind(q, 4, SQL_INT(hi));
		} else {
			int64_t f = from, u = to;
			if (mode == CHANGES_RECORDED) {
				/* the office's days, as UTC stamps */
				f = stamp_day_start(from);
				u = stamp_day_end(to);
			}
			OPS->bind(q, 1, SQL_INT(f));
			OPS->bind(q, 2, SQL_INT(u));
			OPS->bind(q, 3, SQL_INT(t));
			OPS->bind(q, 4, SQL_INT(lo));
			OPS->bind(q, 5, SQL_INT(hi));
		}
		int r;
		while ((r = OPS->step(q, e)) == 1) {
			enum evtype ty;
			if (!evtype_from_code(OPS->col_text(q, 0), &ty))
				continue;
			v[k].type = ty;
			v[k].households = OPS->col_int(q, 1);
			v[k].persons = OPS->col_int(q, 2);
			k++;
		}
		OPS->reset(q);
		if (r < 0)
			rc = ERR_DB;
	}
	read_end(st, began);
	*n = k;
	return rc;
}

enum err
store_flows(struct store *st, int from, int to, int64_t lo, int64_t hi, struct flow_event **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_FLOWS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(from));
	OPS->bind(q, 2, SQL_INT(to));
	OPS->bind(q, 3, SQL_INT(lo));
	OPS->bind(q, 4, SQL_INT(hi));
	size_t cap = 256, k = 0;
	struct flow_event *v = arena_alloc(a, cap * sizeof(*v));
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		if (k == cap) {
			struct flow_event *w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		struct flow_event *f = &v[k++];
		f->household_id = OPS->col_int(q, 0);
		f->member_id = OPS->col_int(q, 1);
		f->target_id = OPS->col_int(q, 2);
		if (!evtype_from_code(OPS->col_text(q, 3), &f->type))
			f->type = EV_DATA_FIX;
		f->from_status = f->to_status = f->before_src = f->before_tgt = ST_NONE;
		if (!OPS->col_null(q, 4))
			status_from_code(OPS->col_text(q, 4), &f->from_status);
		if (!OPS->col_null(q, 5))
			status_from_code(OPS->col_text(q, 5), &f->to_status);
		f->effective = (int)OPS->col_int(q, 6);
		f->members_at = OPS->col_int(q, 7);
		if (!OPS->col_null(q, 8))
			status_from_code(OPS->col_text(q, 8), &f->before_src);
		if (!OPS->col_null(q, 9))
			status_from_code(OPS->col_text(q, 9), &f->before_tgt);
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = v;
	*n = k;
	return ERR_OK;
}

enum err
store_breakdown(struct store *st, bool by_cause, int day, int64_t lo, int64_t hi, struct breakdown_cell **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, by_cause ? STMT_BREAKDOWN_CAUSE : STMT_BREAKDOWN_ATTRIBUTE, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(day));
	OPS->bind(q, 2, SQL_INT(lo));
	OPS->bind(q, 3, SQL_INT(hi));
	size_t cap = 32, k = 0;
	struct breakdown_cell *v = arena_alloc(a, cap * sizeof(*v));
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		if (k == cap) {
			struct breakdown_cell *w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		v[k].code = col_str(st, q, 0, a);
		v[k].status = ST_NONE;
		status_from_code(OPS->col_text(q, 1), &v[k].status);
		v[k].households = OPS->col_int(q, 2);
		v[k].persons = OPS->col_int(q, 3);
		k++;
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = v;
	*n = k;
	return ERR_OK;
}

static enum err
each_member(struct store *st, enum stmt_id id, int day, int64_t lo, int64_t hi, unsigned mask, member_row_fn fn,
    void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, id, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(day));
	OPS->bind(q, 2, SQL_INT(lo));
	OPS->bind(q, 3, SQL_INT(hi));
	struct arena a;
	arena_init(&a);
	int r, stop = 0;
	struct member_row row;
	memset(&row, 0, sizeof(row));
	while ((r = OPS->step(q, e)) == 1) {
		/* a household's columns are read on its first row only; its strings stay until the next household */
		int64_t hh = OPS->col_int(q, 0);
		row.head_row = hh != row.h.id;
		if (row.head_row) {
			if (a.total > (1u << 20))
				arena_free(&a);
			read_household(st, q, 0, &row.h, &a);
			row.status_at = ST_NONE;
			status_from_code(OPS->col_text(q, HH_NCOLS + M_NCOLS), &row.status_at);
		}
		read_member(st, q, HH_NCOLS, &row.m, &a);
		if (!mask || (mask & (1u << row.status_at)))
			stop = fn(ctx, &row);
		if (stop)
			break;
	}
	OPS->reset(q);
	arena_free(&a);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_each_member(struct store *st, int day, int64_t lo, int64_t hi, unsigned mask, member_row_fn fn, void *ctx,
    struct errinfo *e)
{
	return each_member(st, STMT_EACH_MEMBER, day, lo, hi, mask, fn, ctx, e);
}

enum err
store_each_member_grouped(struct store *st, int day, int64_t lo, int64_t hi, unsigned mask, member_row_fn fn,
    void *ctx, struct errinfo *e)
{
	return each_member(st, STMT_EACH_MEMBER_GROUPED, day, lo, hi, mask, fn, ctx, e);
}

enum err
store_duplicate_ids(struct store *st, int day, struct dup_id **out, size_t *n, struct arena *a, struct errinfo *e)
{
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	struct stmt *q = OPS->prepare(st, STMT_DUP_IDS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(day));
	OPS->bind(q, 2, SQL_INT(lo));
	OPS->bind(q, 3, SQL_INT(hi));
	size_t cap = 16, k = 0;
	struct dup_id *v = arena_alloc(a, cap * sizeof(*v));
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		if (k == cap) {
			struct dup_id *w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		v[k].id_no = col_str(st, q, 0, a);
		v[k].count = (int)OPS->col_int(q, 1);
		k++;
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = v;
	*n = k;
	return ERR_OK;
}
