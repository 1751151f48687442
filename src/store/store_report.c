/* store_report.c: the report queries: counts by village and status, change counts, balance flows, member
 * iteration for exports and checks, duplicate ID numbers. Always limited to the scope. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "lib/util.h"
#include "store/stmt.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS st->ops


/* Cells by (village, status), found again through an open-addressing index of their positions: a statement's
 * rows come grouped, but a second statement (the persons after the households) adds to the first one's cells. */
struct cells {
	struct stat_cell *v;
	size_t n, cap;
	uint32_t *slot;      /* cap * 2 entries: position + 1, 0 when empty */
};

static size_t
cell_hash(int64_t village, enum status s, size_t mask)
{
	uint64_t h = (uint64_t)village * 0x9e3779b97f4a7c15ULL ^ (uint64_t)s * 0xff51afd7ed558ccdULL;
	return (size_t)(h ^ h >> 29) & mask;
}

static struct stat_cell *
cell_for(struct cells *c, int64_t village, enum status s, struct arena *a)
{
	if (c->n && c->v[c->n - 1].village == village && c->v[c->n - 1].status == s)
		return &c->v[c->n - 1];
	size_t mask = 2 * c->cap - 1, k = c->cap ? cell_hash(village, s, mask) : 0;
	for (; c->cap && c->slot[k]; k = (k + 1) & mask) {
		struct stat_cell *x = &c->v[c->slot[k] - 1];
		if (x->village == village && x->status == s)
			return x;
	}
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct stat_cell *w = arena_alloc(a, cap * sizeof(*w));
		if (c->n)
			memcpy(w, c->v, c->n * sizeof(*w));
		c->v = w;
		c->cap = cap;
		c->slot = arena_alloc(a, 2 * cap * sizeof(*c->slot));
		memset(c->slot, 0, 2 * cap * sizeof(*c->slot));
		mask = 2 * cap - 1;
		for (size_t i = 0; i < c->n; i++) {
			size_t j = cell_hash(c->v[i].village, c->v[i].status, mask);
			while (c->slot[j])
				j = (j + 1) & mask;
			c->slot[j] = (uint32_t)i + 1;
		}
		for (k = cell_hash(village, s, mask); c->slot[k]; k = (k + 1) & mask)
			;
	}
	c->slot[k] = (uint32_t)c->n + 1;
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
	if (!q)
		return ERR_DB;
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

static enum err
stats_scan(struct store *st, int passes, int day, int64_t recorded_at, int64_t lo, int64_t hi, struct stat_cell **out,
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
	for (int pass = 0; pass < passes && rc == ERR_OK; pass++) {
		rc = collect(st, STMT_BOUND(st, pass == 0 ? STMT_STATS_SCAN_H : STMT_STATS_SCAN_P, e, SQL_INT(day), SQL_INT(t),
		    SQL_INT(lo), SQL_INT(hi)), &c, pass == 1, false, a, e);
	}
	read_end(st, began);
	*out = c.v;
	*n = c.n;
	return rc;
}

enum err
store_stats_scan(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	return stats_scan(st, 2, day, recorded_at, lo, hi, out, n, a, e);
}

enum err
store_stats_scan_households(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi,
    struct stat_cell **out, size_t *n, struct arena *a, struct errinfo *e)
{
	return stats_scan(st, 1, day, recorded_at, lo, hi, out, n, a, e);
}

/* The cells collected (rc: how the collecting went) without those that sum to nothing (every entry was
 * matched by a leave). */
static enum err
nonzero_cells(struct cells *c, enum err rc, struct stat_cell **out, size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].households != 0 || c->v[i].persons != 0)
			c->v[k++] = c->v[i];
	*out = c->v;
	*n = k;
	return rc;
}

enum err
store_stats(struct store *st, int day, int64_t recorded_at, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	struct cells c = { 0 };
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	/* as recorded: the rows recorded up to that instant, never a scan of the spans */
	struct stmt *q = recorded_at ? STMT_BOUND(st, STMT_STATS_RECORDED, e, SQL_INT(day), SQL_INT(recorded_at),
	    SQL_INT(lo), SQL_INT(hi)) : STMT_BOUND(st, STMT_STATS_AGG, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi));
	return nonzero_cells(&c, collect(st, q, &c, false, true, a, e), out, n);
}

static enum err
stats_rollup(struct store *st, enum stmt_id id, int level, int day, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	struct cells c = { 0 };
	*out = NULL;
	*n = 0;
	/* only divisions wholly inside the scope: a town's figures include all its villages */
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return nonzero_cells(&c, collect(st, STMT_BOUND(st, id, e, SQL_INT(level), SQL_INT(day), SQL_INT(lo),
	    SQL_INT(hi)), &c, false, true, a, e), out, n);
}

enum err
store_stats_level(struct store *st, int level, int day, int64_t lo, int64_t hi, struct stat_cell **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	return stats_rollup(st, STMT_STATS_ROLLUP, level, day, lo, hi, out, n, a, e);
}

enum err
store_stats_level_days(struct store *st, int level, int day, int64_t lo, int64_t hi, struct stat_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	return stats_rollup(st, STMT_STATS_ROLLUP_DAYS, level, day, lo, hi, out, n, a, e);
}

/* The ids already counted for one type of change: a bitmap over the ids (dense integers: ten million
 * persons are 1.25 MB), so that a year's million rows are counted once each without a sort or a search. */
struct idbits {
	uint64_t *w;
	size_t n;              /* words */
};

/* true the first time an id is seen */
static bool
idbits_first(struct idbits *b, int64_t id)
{
	size_t i = (size_t)id / 64;
	if (i >= b->n) {
		size_t n = b->n ? b->n : 1024;
		while (n <= i)
			n *= 2;
		b->w = xrealloc(b->w, n * sizeof(*b->w));
		memset(b->w + b->n, 0, (n - b->n) * sizeof(*b->w));
		b->n = n;
	}
	uint64_t bit = (uint64_t)1 << ((uint64_t)id % 64);
	if (b->w[i] & bit)
		return false;
	b->w[i] |= bit;
	return true;
}

/* The member-level types are counted by the members the events name (CHANGES_M), the others by their
 * households' members (CHANGES_H). */
static bool
member_level(enum evtype type)
{
	return type == EV_MEMBER_ADD || type == EV_MEMBER_REMOVE || type == EV_MERGE || type == EV_DATA_FIX;
}

static bool
idbits_has(const struct idbits *b, int64_t id)
{
	size_t i = (size_t)id / 64;
	return i < b->n && (b->w[i] >> ((uint64_t)id % 64) & 1);
}

/* One of the change report's statements bound: by date (from, to as given) or by batch; returns the next
 * parameter's position. */
static int
changes_bind(struct store *st, struct stmt *q, enum changes_mode mode, int from, int to, const char *batch,
    int64_t t, int64_t lo, int64_t hi, int only)
{
	int i = 1;
	if (mode == CHANGES_BATCH) {
		OPS->bind(q, i++, SQL_TEXT(batch));
	} else {
		int64_t f = from, u = to;
		if (mode == CHANGES_RECORDED) {
			/* the office's days, as UTC stamps */
			f = stamp_day_start(from);
			u = stamp_day_end(to);
		}
		OPS->bind(q, i++, SQL_INT(f));
		OPS->bind(q, i++, SQL_INT(u));
	}
	OPS->bind(q, i++, SQL_INT(t));
	OPS->bind(q, i++, SQL_INT(lo));
	OPS->bind(q, i++, SQL_INT(hi));
	OPS->bind(q, i++, only >= 0 ? SQL_TEXT(evtype_code((enum evtype)only)) : SQL_NULL);
	return i;
}

/* The counting of one type of change: its cell (-1: none yet), the households and persons counted, and, for the
 * events that keep their persons, the households met twice. */
struct changes_count {
	int cell[EV__MAX];
	struct idbits hh[EV__MAX], person[EV__MAX], twice[EV__MAX];
	bool slow[EV__MAX];      /* a type with an event whose persons are read one by one */
};

static void
changes_row(struct changes_count *c, struct change_cell *v, size_t *k, enum evtype ty, int64_t h, int64_t m)
{
	if (c->cell[ty] < 0) {
		c->cell[ty] = (int)*k;
		v[(*k)++] = (struct change_cell){ ty, 0, 0 };
	}
	if (idbits_first(&c->hh[ty], h))
		v[c->cell[ty]].households++;
	if (m > 0 && idbits_first(&c->person[ty], m))
		v[c->cell[ty]].persons++;
}

/* The household-level lines as now known, from the persons each event keeps (schema 0028): the first pass
 * counts the households and, where every event of a type keeps its number and no household has two of them,
 * its persons too; a second pass, only for the other types, adds the kept numbers of the households met once
 * and reads the members of the rest one by one (their persons may be counted in two events). Kept numbers and
 * members read never name the same person: a kept number is of persons who were in no other household, in a
 * household with one event of the type. */
static enum err
changes_kept(struct store *st, struct changes_count *c, struct change_cell *v, size_t *k, enum changes_mode mode,
    int from, int to, const char *batch, int64_t lo, int64_t hi, int only, struct errinfo *e)
{
	static const enum stmt_id ids[3] = {
		[CHANGES_EFFECTIVE] = STMT_CHANGES_H_KEPT_EFF,
		[CHANGES_RECORDED] = STMT_CHANGES_H_KEPT_REC,
		[CHANGES_BATCH] = STMT_CHANGES_H_KEPT_BATCH,
	};
	int64_t kept[EV__MAX] = { 0 };
	bool need = false;
	for (int pass = 0; pass < 2; pass++) {
		struct stmt *q = OPS->prepare(st, ids[mode], e);
		if (!q)
			return ERR_DB;
		changes_bind(st, q, mode, from, to, batch, NOW_KNOWN, lo, hi, only);
		if (OPS->stream)
			OPS->stream(q);
		int r;
		while ((r = OPS->step(q, e)) == 1) {
			enum evtype ty;
			if (!evtype_from_code(OPS->col_text(q, 0), &ty))
				continue;
			int64_t h = OPS->col_int(q, 1);
			bool has = !OPS->col_null(q, 2);
			int64_t p = has ? OPS->col_int(q, 2) : 0;
			if (pass == 0) {
				if (!idbits_first(&c->hh[ty], h)) {
					idbits_first(&c->twice[ty], h);
					c->slow[ty] = true;
				} else {
					if (c->cell[ty] < 0) {
						c->cell[ty] = (int)*k;
						v[(*k)++] = (struct change_cell){ ty, 0, 0 };
					}
					v[c->cell[ty]].households++;
				}
				if (!has)
					c->slow[ty] = true;
				kept[ty] += p;
				continue;
			}
			if (!c->slow[ty])
				continue;
			if (has && !idbits_has(&c->twice[ty], h)) {
				v[c->cell[ty]].persons += p;
				continue;
			}
			/* its members one by one */
			struct stmt *m = STMT_BOUND(st, STMT_CHANGES_PERSONS, e, SQL_INT(h),
			    SQL_INT(OPS->col_int(q, 3)));
			if (!m) {
				OPS->reset(q);
				return ERR_DB;
			}
			int rm;
			while ((rm = OPS->step(m, e)) == 1)
				if (idbits_first(&c->person[ty], OPS->col_int(m, 0)))
					v[c->cell[ty]].persons++;
			OPS->reset(m);
			if (rm < 0) {
				OPS->reset(q);
				return ERR_DB;
			}
		}
		OPS->reset(q);
		if (r < 0)
			return ERR_DB;
		if (pass == 0) {
			for (int i = 0; i < EV__MAX; i++) {
				if (c->cell[i] >= 0 && !c->slow[i])
					v[c->cell[i]].persons = kept[i];
				need |= c->slow[i];
			}
			if (!need)
				break;
		}
	}
	return ERR_OK;
}

enum err
store_changes(struct store *st, enum changes_mode mode, int from, int to, const char *batch, int64_t recorded_at,
    int64_t lo, int64_t hi, int only, struct change_cell **out, size_t *n, struct arena *a, struct errinfo *e)
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
	/* per type (the two statements' types are disjoint): its cell in v and the households and persons counted */
	struct changes_count *c = xcalloc(1, sizeof(*c));
	for (int i = 0; i < EV__MAX; i++)
		c->cell[i] = -1;
	for (int pass = 0; pass < 2 && rc == ERR_OK; pass++) {
		if (only >= 0 && pass != member_level((enum evtype)only))
			continue;   /* one line: the other statement has none of its type */
		if (pass == 0 && !recorded_at) {
			/* as now known: the persons the events keep */
			rc = changes_kept(st, c, v, &k, mode, from, to, batch, lo, hi, only, e);
			continue;
		}
		struct stmt *q = OPS->prepare(st, ids[mode][pass], e);
		if (!q) {
			rc = ERR_DB;
			break;
		}
		changes_bind(st, q, mode, from, to, batch, t, lo, hi, only);
		/* PostgreSQL reads the rows through a cursor (in read_begin's snapshot): an identification year is a
		 * row for each of the registry's persons */
		if (OPS->stream)
			OPS->stream(q);
		int r;
		while ((r = OPS->step(q, e)) == 1) {
			enum evtype ty;
			if (evtype_from_code(OPS->col_text(q, 0), &ty))
				changes_row(c, v, &k, ty, OPS->col_int(q, 1), OPS->col_int(q, 2));
		}
		OPS->reset(q);
		if (r < 0)
			rc = ERR_DB;
	}
	for (int i = 0; i < EV__MAX; i++) {
		free(c->hh[i].w);
		free(c->person[i].w);
		free(c->twice[i].w);
	}
	free(c);
	read_end(st, began);
	*n = k;
	return rc;
}

enum err
store_changes_households(struct store *st, enum changes_mode mode, int from, int to, const char *batch,
    int64_t recorded_at, int64_t lo, int64_t hi, enum evtype type, int limit, int offset, struct change_hh **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	static const enum stmt_id ids[3][2] = {
		[CHANGES_EFFECTIVE] = { STMT_CHANGES_HH_H_EFF, STMT_CHANGES_HH_M_EFF },
		[CHANGES_RECORDED] = { STMT_CHANGES_HH_H_REC, STMT_CHANGES_HH_M_REC },
		[CHANGES_BATCH] = { STMT_CHANGES_HH_H_BATCH, STMT_CHANGES_HH_M_BATCH },
	};
	*out = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof(**out));
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool member = member_level(type);
	int64_t t = recorded_at ? recorded_at : NOW_KNOWN;
	struct stmt *q = OPS->prepare(st, ids[mode][member], e);
	if (!q)
		return ERR_DB;
	int k = changes_bind(st, q, mode, from, to, batch, t, lo, hi, (int)type);
	OPS->bind(q, k++, SQL_INT(limit));
	OPS->bind(q, k++, SQL_INT(offset));
	int r;
	size_t m = 0;
	while ((r = OPS->step(q, e)) == 1 && m < (size_t)limit) {
		struct change_hh *c = &(*out)[m++];
		c->hh_no = arena_strdup(a, OPS->col_text(q, 0));
		c->village = OPS->col_int(q, 1);
		c->head_name = OPS->col_null(q, 2) ? NULL : arena_strdup(a, OPS->col_text(q, 2));
		c->persons = OPS->col_int(q, 3);
		c->effective = (int)OPS->col_int(q, 4);
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*n = m;
	return ERR_OK;
}

static void
read_batch(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct batch_row *b = row;
	b->batch = col_str(st, q, 0, a);
	b->events = OPS->col_int(q, 1);
	b->households = OPS->col_int(q, 2);
	b->first = (int)OPS->col_int(q, 3);
	b->last = (int)OPS->col_int(q, 4);
}

enum err
store_changes_batches(struct store *st, int64_t lo, int64_t hi, struct batch_row **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, STMT_BOUND(st, STMT_CHANGES_BATCHES, e, SQL_INT(lo), SQL_INT(hi)), sizeof(**out), read_batch,
	    out, n, a, e);
}

static void
read_flow(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	(void)a;
	struct flow_event *f = row;
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
	f->village = f->target_village = 0;
}

/* STMT_FLOWS_VILLAGES: the same columns, then the household's village and the target's */
static void
read_flow_village(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct flow_event *f = row;
	read_flow(st, q, f, a);
	f->village = OPS->col_int(q, 10);
	f->target_village = OPS->col_null(q, 11) ? 0 : OPS->col_int(q, 11);
}

enum err
store_flows(struct store *st, int from, int to, int64_t lo, int64_t hi, struct flow_event **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, STMT_BOUND(st, STMT_FLOWS, e, SQL_INT(from), SQL_INT(to), SQL_INT(lo), SQL_INT(hi)),
	    sizeof(**out), read_flow, out, n, a, e);
}

enum err
store_each_flow_village(struct store *st, int from, int to, int64_t lo, int64_t hi, flow_fn fn, void *ctx,
    struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);   /* one snapshot: PostgreSQL streams the events through a cursor */
	struct stmt *q = STMT_BOUND(st, STMT_FLOWS_VILLAGES, e, SQL_INT(from), SQL_INT(to), SQL_INT(lo), SQL_INT(hi));
	if (!q) {
		read_end(st, began);
		return ERR_DB;
	}
	if (OPS->stream)
		OPS->stream(q);
	int r;
	struct flow_event f;
	while ((r = OPS->step(q, e)) == 1) {
		read_flow_village(st, q, &f, NULL);
		fn(ctx, &f);
	}
	OPS->reset(q);
	read_end(st, began);
	return r < 0 ? ERR_DB : ERR_OK;
}

static void
read_breakdown(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct breakdown_cell *c = row;
	c->code = col_str(st, q, 0, a);
	c->status = ST_NONE;
	status_from_code(OPS->col_text(q, 1), &c->status);
	c->households = OPS->col_int(q, 2);
	c->persons = OPS->col_int(q, 3);
}

enum err
store_breakdown(struct store *st, bool by_cause, int day, int64_t lo, int64_t hi, struct breakdown_cell **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return stmt_rows(st, STMT_BOUND(st, by_cause ? STMT_BREAKDOWN_CAUSE : STMT_BREAKDOWN_ATTRIBUTE, e, SQL_INT(day),
	    SQL_INT(lo), SQL_INT(hi)), sizeof(**out), read_breakdown, out, n, a, e);
}

static enum err
each_member(struct store *st, enum stmt_id id, int day, int64_t lo, int64_t hi, unsigned mask, member_row_fn fn,
    void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	/* in one snapshot, which PostgreSQL's cursor needs to hand the rows out a batch at a time */
	bool began = read_begin(st, e);
	struct stmt *q = STMT_BOUND(st, id, e, SQL_INT(day), SQL_INT(lo), SQL_INT(hi));
	if (!q) {
		read_end(st, began);
		return ERR_DB;
	}
	if (OPS->stream)
		OPS->stream(q);
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
	read_end(st, began);
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

static void
read_dup_id(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct dup_id *d = row;
	d->id_no = col_str(st, q, 0, a);
	d->count = (int)OPS->col_int(q, 1);
}

enum err
store_duplicate_ids(struct store *st, int day, struct dup_id **out, size_t *n, struct arena *a, struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_DUP_IDS, e, SQL_INT(day), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)),
	    sizeof(**out), read_dup_id, out, n, a, e);
}

enum err
store_first_day(struct store *st, int64_t lo, int64_t hi, int *day, struct errinfo *e)
{
	*day = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	/* a range that is one whole town, county, city or province reads its roll-up (a few thousand rows at
	 * most), not every village's aggregates */
	int level = LV_TOWN;
	while (level >= LV_PROVINCE && !(lo % level_unit(level) == 0 && hi == lo + level_unit(level) - 1))
		level--;
	struct stmt *q = level >= LV_PROVINCE ? STMT_BOUND(st, STMT_FIRST_DAY_ROLLUP, e, SQL_INT(level), SQL_INT(lo))
					      : STMT_BOUND(st, STMT_FIRST_DAY, e, SQL_INT(lo), SQL_INT(hi));
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r == 1 && !OPS->col_null(q, 0))
		*day = (int)OPS->col_int(q, 0);
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

static void
copy_code(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = 0;
}

static int64_t
col_money(struct store *st, struct stmt *q, int i)
{
	return OPS->col_null(q, i) ? FACT_UNKNOWN : OPS->col_int(q, i);
}

/* Where the column of each enum fact_field (column 4 + its number) lands in struct fact: a code, a number that
 * reads 0 when not given, or one that reads -1 (unknown) */
#define FACT_COL(member, kind, hh) { offsetof(struct fact, member), sizeof(((struct fact *)0)->member), kind, hh }
static const struct fact_col {
	size_t off, size;
	char kind;        /* 'c' code, 'z' number or 0, 'o' number or -1 */
	bool household;   /* the same on every row of a household */
} fact_cols[FF__COUNT] = {
	[FF_ATTRIBUTE] = FACT_COL(attribute, 'c', true),
	[FF_CAUSE_MAIN] = FACT_COL(cause_main, 'c', true),
	[FF_CAUSE_OTHER] = FACT_COL(cause_other, 'c', true),
	[FF_SEX] = FACT_COL(sex, 'c', false),
	[FF_ETHNICITY] = FACT_COL(ethnicity, 'c', false),
	[FF_EDUCATION] = FACT_COL(education, 'c', false),
	[FF_SCHOOLING] = FACT_COL(schooling, 'c', false),
	[FF_HEALTH] = FACT_COL(health, 'c', false),
	[FF_LABOR] = FACT_COL(labor, 'c', false),
	[FF_WORK] = FACT_COL(work, 'c', false),
	[FF_RELATION] = FACT_COL(relation, 'c', false),
	[FF_BIRTH] = FACT_COL(birth, 'z', false),
	[FF_WORK_MONTHS] = FACT_COL(work_months, 'o', false),
	[FF_ID_KIND] = FACT_COL(id_kind, 'z', false),
	[FF_INS_MEDICAL] = FACT_COL(ins_medical, 'o', false),
	[FF_INS_SERIOUS] = FACT_COL(ins_serious, 'o', false),
	[FF_INS_PENSION] = FACT_COL(ins_pension, 'o', false),
	[FF_DIBAO] = FACT_COL(dibao, 'o', false),
	[FF_TEKUN] = FACT_COL(tekun, 'o', false),
};

static void
read_fact_col(struct store *st, struct stmt *q, int i, struct fact *f)
{
	const struct fact_col *c = &fact_cols[i];
	char *dst = (char *)f + c->off;
	if (c->kind == 'c')
		copy_code(dst, c->size, OPS->col_text(q, 4 + i));
	else
		*(int *)dst = OPS->col_null(q, 4 + i) ? (c->kind == 'o' ? -1 : 0) : (int)OPS->col_int(q, 4 + i);
}

enum err
store_each_fact(struct store *st, const struct fact_query *fq, fact_fn fn, void *ctx, uint64_t *gen,
    struct errinfo *e)
{
	if (gen)
		*gen = 0;
	int64_t lo = fq->lo, hi = fq->hi;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);   /* one snapshot: PostgreSQL streams the facts through a cursor */
	/* the generation only in the snapshot the facts are read in (not read at all when not asked: a failed
	 * read would abort PostgreSQL's transaction under the facts) */
	if (gen && st->in_tx && !store_registry_generation(st, gen))
		*gen = 0;
	struct buf sql;
	buf_init(&sql);
	/* a range of less than a quarter of the database's villages is read through the village index (a half of a
	 * table's range read by its second reader is not: the index's lookups cost about twice a scan's rows) */
	bool narrow = 4 * villages_between(st, lo, hi) < villages_between(st, 0, INT64_MAX);
	stmt_facts_sql(&sql, fq->fields, fq->recorded_at != 0, strcmp(OPS->name, "postgresql") == 0, narrow);
	struct stmt *q = OPS->prepare_text(st, fq->recorded_at ? STMT_TABLE_FACTS_AT : STMT_TABLE_FACTS, sql.p, e);
	buf_free(&sql);
	if (!q) {
		read_end(st, began);
		return ERR_DB;
	}
	OPS->bind(q, 1, SQL_INT(fq->day));
	OPS->bind(q, 2, SQL_INT(fq->recorded_at ? fq->recorded_at : NOW_KNOWN));
	OPS->bind(q, 3, SQL_INT(lo));
	OPS->bind(q, 4, SQL_INT(hi));
	OPS->bind(q, 5, SQL_INT(fq->income_year));
	/* $6..$12: the statuses asked for, the slots left over bound to "" (no status) */
	_Static_assert(ST__MAX - 1 <= 7, "a status more than the facts' statement has slots for ($6..$12)");
	int slot = 6;
	for (enum status s = ST_NONE + 1; s < ST__MAX && slot <= 12; s++)
		if (fq->statuses & (1u << s))
			OPS->bind(q, slot++, SQL_TEXT(status_code(s)));
	while (slot <= 12)
		OPS->bind(q, slot++, SQL_TEXT(""));
	if (OPS->stream)
		OPS->stream(q);
	/* the columns asked for, the household's (read on its first row only: they repeat on its members' rows)
	 * and the member's; the others keep their zero */
	int hh_cols[FF__COUNT], m_cols[FF__COUNT], n_hh = 0, n_m = 0;
	for (int i = 0; i < FF__COUNT; i++)
		if (fq->fields & (1u << i)) {
			if (fact_cols[i].household)
				hh_cols[n_hh++] = i;
			else
				m_cols[n_m++] = i;
		}
	bool income = fq->fields & FF_INCOME;
	int r = 0, stop = 0;
	struct fact f;
	memset(&f, 0, sizeof(f));
	f.work_months = f.ins_medical = f.ins_serious = f.ins_pension = f.dibao = f.tekun = -1;
	f.wage = f.business = f.property = f.transfer = f.cost = f.net_pc = FACT_UNKNOWN;
	while (!stop && (r = OPS->step(q, e)) == 1) {
		int64_t hh = OPS->col_int(q, 0);
		if (hh != f.household) {
			f.household = hh;
			f.village = OPS->col_int(q, 2);
			f.status = ST_NONE;
			status_from_code(OPS->col_text(q, 3), &f.status);
			for (int k = 0; k < n_hh; k++)
				read_fact_col(st, q, hh_cols[k], &f);
			if (income) {
				f.wage = col_money(st, q, 23);
				f.business = col_money(st, q, 24);
				f.property = col_money(st, q, 25);
				f.transfer = col_money(st, q, 26);
				f.cost = col_money(st, q, 27);
				f.net_pc = col_money(st, q, 28);
				f.size = (int)(OPS->col_null(q, 29) ? 0 : OPS->col_int(q, 29));
				f.income = !OPS->col_null(q, 30);
			}
		}
		f.member = OPS->col_null(q, 1) ? 0 : OPS->col_int(q, 1);
		for (int k = 0; k < n_m; k++)
			read_fact_col(st, q, m_cols[k], &f);
		stop = fn(ctx, &f);
	}
	OPS->reset(q);
	read_end(st, began);
	return !stop && r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_hh_extras(struct store *st, enum hh_extra_kind kind, int day, int64_t lo, int64_t hi, struct hh_extra **out,
    size_t *n, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	static const enum stmt_id ids[] = { STMT_TABLE_PAIRINGS, STMT_TABLE_ASSESSMENTS, STMT_TABLE_MEASURES };
	struct stmt *q = OPS->prepare(st, ids[kind], e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(day));
	OPS->bind(q, 2, SQL_INT(lo));
	OPS->bind(q, 3, SQL_INT(hi));
	size_t cap = 0, k = 0;
	struct hh_extra *v = NULL;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		if (k == cap) {
			cap = cap ? 2 * cap : 256;
			v = xrealloc(v, cap * sizeof(*v));
		}
		struct hh_extra *x = &v[k++];
		x->household = OPS->col_int(q, 0);
		x->id = OPS->col_int(q, 1);
		copy_code(x->code, sizeof(x->code), OPS->col_null(q, 2) ? NULL : OPS->col_text(q, 2));
		x->flag = OPS->col_null(q, 3) ? -1 : (int)OPS->col_int(q, 3);
	}
	OPS->reset(q);
	if (r < 0) {
		free(v);
		return ERR_DB;
	}
	*out = v;
	*n = k;
	return ERR_OK;
}
