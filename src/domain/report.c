/* report.c: stats and changes, assembled from the store's counts by village. */
#include "domain/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/codes.h"
#include "domain/fields.h"
#include "domain/idno.h"
#include "domain/import.h"
#include "lib/date.h"
#include "lib/util.h"

static const struct {
	const char *key, *zh, *en;
} groups[G__MAX] = {
	[G_REGISTERED] = { "registered", "建档立卡", "registered" },
	[G_CURRENT_POOR] = { "current_poor", "现有贫困", "currently poor" },
	[G_POOR] = { "poor", "未脱贫", "not exited" },
	[G_RETURNED] = { "returned", "返贫", "returned" },
	[G_EXITED] = { "exited", "已脱贫", "exited" },
	[G_EXITED_SUPPORTED] = { "exited_supported", "已脱贫享受政策", "exited, policy continues" },
	[G_EXITED_UNSUPPORTED] = { "exited_unsupported", "已脱贫不享受政策", "exited, policy ended" },
	[G_REMOVED] = { "removed", "已剔除", "removed" },
	[G_CANCELLED] = { "cancelled", "已销户", "cancelled" },
};

const char *
group_key(enum group g)
{
	return groups[g].key;
}

const char *
group_label(enum group g)
{
	return msg_lang() == LANG_EN ? groups[g].en : groups[g].zh;
}

static void
count_add(struct counts *c, enum status s, int64_t h, int64_t p)
{
	static const enum group direct[ST__MAX] = {
		[ST_POOR] = G_POOR,
		[ST_RETURNED] = G_RETURNED,
		[ST_EXITED_SUPPORTED] = G_EXITED_SUPPORTED,
		[ST_EXITED_UNSUPPORTED] = G_EXITED_UNSUPPORTED,
		[ST_REMOVED] = G_REMOVED,
		[ST_CANCELLED] = G_CANCELLED,
	};
	/* an ordinary household (一般农户) is in no registry figure: its figures are the monitoring reports' */
	if (s == ST_NONE || s == ST_ORDINARY || s >= ST__MAX)
		return;
	c->h[direct[s]] += h;
	c->p[direct[s]] += p;
	if (status_registered(s)) {
		c->h[G_REGISTERED] += h;
		c->p[G_REGISTERED] += p;
	}
	if (status_current_poor(s)) {
		c->h[G_CURRENT_POOR] += h;
		c->p[G_CURRENT_POOR] += p;
	}
	if (s == ST_EXITED_SUPPORTED || s == ST_EXITED_UNSUPPORTED) {
		c->h[G_EXITED] += h;
		c->p[G_EXITED] += p;
	}
}

enum err
division_resolve(struct store *st, const char *text, struct division *d, struct arena *a, struct errinfo *e)
{
	int64_t code;
	struct str s = str_trim(str_from(text));
	if (s.n && s.p[0] >= '1' && s.p[0] <= '9' && parse_divcode(s, &code, NULL, 0, NULL)) {
		/* Only divisions inside the scope exist for the user. */
		enum err rc = store_division_get(st, code, d, a, e);
		if (rc == ERR_NOTFOUND || (rc == ERR_OK && !store_in_scope(st, code)))
			return errinfo_set(e, ERR_NOTFOUND, "division", MSG_DIV_UNKNOWN, text);
		return rc;
	}
	struct division *v;
	size_t n, hits = 0;
	char *name = arena_strndup(a, s.p, s.n);
	enum err rc = store_division_by_name(st, name, &v, &n, a, e);
	if (rc != ERR_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (store_in_scope(st, v[i].code)) {
			if (hits++ == 0)
				*d = v[i];
		}
	if (hits == 0)
		return errinfo_set(e, ERR_NOTFOUND, "division", MSG_DIV_UNKNOWN, text);
	if (hits > 1)
		return errinfo_set(e, ERR_INVALID, "division", MSG_DIV_AMBIGUOUS, text);
	return ERR_OK;
}

/* One of the list's place parameters: resolved in the scope, the error naming the parameter. */
static enum err
place_one(struct store *st, const char *field, const char *text, int level, struct division *d, struct arena *a,
    struct errinfo *e)
{
	enum err rc = division_resolve(st, text, d, a, e);
	if (rc != ERR_OK) {
		if (e)
			snprintf(e->field, sizeof(e->field), "%s", field);
		return rc;
	}
	if (level == LV_TOWN && d->level != LV_TOWN)
		return errinfo_set(e, ERR_INVALID, field, MSG_DIV_NOT_TOWN, text);
	if (level == LV_VILLAGE && d->level != LV_VILLAGE)
		return errinfo_set(e, ERR_INVALID, field, MSG_DIV_NOT_VILLAGE, text);
	return ERR_OK;
}

/* Is division code c inside division outer (a prefix of its code, as division_range reads it)? */
static bool
place_inside(int64_t c, int64_t outer)
{
	int64_t lo, hi;
	division_range(outer, &lo, &hi);
	return c >= lo && c <= hi;
}

enum err
list_place_resolve(struct store *st, const char *division, const char *town, const char *village, int64_t *code,
    struct arena *a, struct errinfo *e)
{
	struct division dd = { 0 }, td = { 0 }, vd = { 0 };
	enum err rc;
	*code = 0;
	if (division && *division && (rc = place_one(st, "division", division, 0, &dd, a, e)) != ERR_OK)
		return rc;
	if (town && *town && (rc = place_one(st, "town", town, LV_TOWN, &td, a, e)) != ERR_OK)
		return rc;
	if (village && *village && (rc = place_one(st, "village", village, LV_VILLAGE, &vd, a, e)) != ERR_OK)
		return rc;
	if (td.code && dd.code && !place_inside(td.code, dd.code) && !place_inside(dd.code, td.code))
		return errinfo_set(e, ERR_INVALID, "town", MSG_PLACE_MISMATCH, td.name, dd.name);
	if (vd.code && td.code && vd.parent != td.code)
		return errinfo_set(e, ERR_INVALID, "village", MSG_PLACE_MISMATCH, vd.name, td.name);
	if (vd.code && dd.code && !place_inside(vd.code, dd.code))
		return errinfo_set(e, ERR_INVALID, "village", MSG_PLACE_MISMATCH, vd.name, dd.name);
	/* the narrowest: a village, else a town (or a division below it), else the division */
	if (vd.code)
		*code = vd.code;
	else if (td.code)
		*code = dd.code && place_inside(dd.code, td.code) ? dd.code : td.code;
	else
		*code = dd.code;
	return ERR_OK;
}

enum err
hh_search_text(const char *in, const char **out, int *kind, struct arena *a, struct errinfo *e)
{
	struct str t = str_trim(str_from(in ? in : ""));
	*out = NULL;
	*kind = 0;
	if (t.n > 64)
		return errinfo_set(e, ERR_INVALID, "q", MSG_TOO_LONG, 64);
	/* spaces inside a name ("张 三", full-width too) are not part of it */
	char *q = arena_alloc(a, t.n + 1);
	size_t k = 0;
	for (size_t i = 0; i < t.n; i++) {
		if (t.p[i] == ' ')
			continue;
		if (i + 2 < t.n && (unsigned char)t.p[i] == 0xE3 && (unsigned char)t.p[i + 1] == 0x80 &&
		    (unsigned char)t.p[i + 2] == 0x80) {
			i += 2;
			continue;
		}
		q[k++] = t.p[i];
	}
	q[k] = '\0';
	/* an ID number is searched as written, with x upper-cased */
	if (k >= 18)
		for (char *p = q; *p; p++)
			if (*p == 'x')
				*p = 'X';
	/* a whole number: 15 digits, 18 characters (whatever its check character: a number stored with a wrong one is
	 * someone's too), or a disability card's 20 or 22 digits; a 户编号 (16 digits) is not one */
	size_t d = strspn(q, "0123456789");
	if ((k == 15 && d == 15) || (k == 18 && (d == 18 || (d == 17 && q[17] == 'X'))) || ((k == 20 || k == 22) && d == k))
		*kind = 1;
	else if (k == 4 && strspn(q, "0123456789Xx") == 4)
		*kind = 2;
	*out = k ? q : NULL;
	return ERR_OK;
}

enum err
division_top(struct store *st, struct division *d, struct arena *a, struct errinfo *e)
{
	(void)a;
	const struct division *v;
	size_t n;
	enum err rc = store_division_span(st, st->scope_lo, st->scope_hi, &v, &n, e);
	if (rc != ERR_OK)
		return rc;
	int best = 9;
	size_t hits = 0;
	int64_t l0 = 0, h0 = -1;
	if (n)
		division_range(v[0].code, &l0, &h0);
	if (n && l0 <= st->scope_lo && st->scope_hi <= h0) {
		/* the first of the span (in code order) covers the scope: every other one is below it */
		best = v[0].level;
		hits = 1;
		*d = v[0];
	} else
		for (size_t i = 0; i < n; i++)
			if (v[i].level < best) {
				best = v[i].level;
				hits = 1;
				*d = v[i];
			} else if (v[i].level == best)
				hits++;
	if (hits == 1) {
		/* A county office keeps its province and city rows too: start at the county when the tree above it
		 * has a single branch. */
		while (d->level < LV_COUNTY) {
			size_t kids = 0;
			const struct division *only = NULL;
			for (size_t i = 0; i < n && kids < 2; i++)
				if (v[i].parent == d->code) {
					kids++;
					only = &v[i];
				}
			if (kids != 1)
				break;
			*d = *only;
		}
		return ERR_OK;
	}
	memset(d, 0, sizeof(*d));
	d->name = msg_lang() == LANG_EN ? "all" : "全部";
	d->level = best == 9 ? 0 : best - 1;
	d->rural_pop = -1;
	return ERR_OK;
}

static void
village_add(struct village_counts *v, const struct division *d, int year)
{
	v->total++;
	if (d->poor_village) {
		v->poor++;
		if (d->exit_year && d->exit_year <= year)
			v->exited++;
	}
}

static int
cmp_row(const void *a, const void *b)
{
	const struct stats_row *x = a, *y = b;
	return x->d.code < y->d.code ? -1 : x->d.code > y->d.code;
}

/* Rows by main cause or attribute, in code-list order, with a last row for households without one. */
static enum err
breakdown(struct store *st, const struct stats_query *q, struct stats_result *r, int64_t lo, int64_t hi,
    struct arena *a, struct errinfo *e)
{
	enum codelist cl = q->by == BY_CAUSE ? CL_CAUSE : CL_ATTRIBUTE;
	const struct code_list *l = codes_list(cl);
	struct breakdown_cell *cells;
	size_t n;
	enum err rc = store_breakdown(st, q->by == BY_CAUSE, r->as_of, lo, hi, &cells, &n, a, e);
	if (rc != ERR_OK)
		return rc;
	r->rows = arena_alloc(a, (l->n + 1) * sizeof(*r->rows));
	for (size_t i = 0; i <= l->n; i++) {
		struct stats_row *row = &r->rows[i];
		memset(row, 0, sizeof(*row));
		row->key = i < l->n ? l->codes[i].code : "";
		row->d.name = (char *)(i < l->n ? code_label(cl, l->codes[i].code) : (msg_lang() == LANG_EN ? "not given"
												    : "未填写"));
		row->d.rural_pop = -1;
	}
	r->n_rows = l->n + 1;
	for (size_t k = 0; k < n; k++) {
		size_t i = l->n;
		for (size_t j = 0; cells[k].code && j < l->n; j++)
			if (strcmp(l->codes[j].code, cells[k].code) == 0)
				i = j;
		count_add(&r->rows[i].c, cells[k].status, cells[k].households, cells[k].persons);
		count_add(&r->totals, cells[k].status, cells[k].households, cells[k].persons);
	}
	/* keep the rows that have any household */
	size_t m = 0;
	for (size_t i = 0; i < r->n_rows; i++) {
		bool any = false;
		for (int g = 0; g < G__MAX; g++)
			any |= r->rows[i].c.h[g] != 0;
		if (any)
			r->rows[m++] = r->rows[i];
	}
	r->n_rows = m;
	return ERR_OK;
}

enum err
stats_compute(struct store *st, const struct stats_query *q, struct stats_result *r, struct arena *a,
    struct errinfo *e)
{
	enum err rc;
	memset(r, 0, sizeof(*r));
	r->by = q->by;
	r->as_of = q->as_of ? q->as_of : date_today();
	r->recorded_at = q->recorded_at;
	if (q->division) {
		rc = store_division_get(st, q->division, &r->div, a, e);
		if (rc != ERR_OK)
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
	if ((rc = store_first_day(st, lo, hi, &r->registry_from, e)) != ERR_OK)
		return rc;
	if (q->by == BY_CAUSE || q->by == BY_ATTRIBUTE)
		return breakdown(st, q, r, lo, hi, a, e);
	/* rows: the divisions at the wanted level under the division */
	int level = q->by == BY_TOWN ? LV_TOWN : q->by == BY_VILLAGE ? LV_VILLAGE : r->div.level + 1;
	if (level > LV_VILLAGE)
		level = LV_VILLAGE;
	const struct division *dv;
	size_t nd;
	if ((rc = store_division_span(st, lo, hi, &dv, &nd, e)) != ERR_OK)
		return rc;
	/* the rows and the villages in one walk of the span (a province's is some 26,000 divisions, on every
	 * request): the span is in code order and a division's code comes before its descendants', so the rows
	 * come sorted, and a village's row, if it has one, is the last row taken before it */
	size_t cap = 16;
	r->rows = arena_alloc(a, cap * sizeof(*r->rows));
	int year = r->as_of / 10000;
	for (size_t i = 0; i < nd; i++) {
		const struct division *d = &dv[i];
		if (d->level == level && d->code != r->div.code) {
			int64_t l2, h2;
			division_range(d->code, &l2, &h2);
			if (store_in_scope(st, d->code) || (l2 <= st->scope_lo && st->scope_hi <= h2)) {
				if (r->n_rows == cap) {
					struct stats_row *more = arena_alloc(a, 2 * cap * sizeof(*more));
					memcpy(more, r->rows, cap * sizeof(*more));
					r->rows = more;
					cap *= 2;
				}
				memset(&r->rows[r->n_rows], 0, sizeof(r->rows[r->n_rows]));
				r->rows[r->n_rows++].d = *d;
			}
		}
		if (d->level != LV_VILLAGE || !store_in_scope(st, d->code))
			continue;
		village_add(&r->villages, d, year);
		if (r->n_rows && r->rows[r->n_rows - 1].d.code == division_at(d->code, level))
			village_add(&r->rows[r->n_rows - 1].v, d, year);
	}

	struct stat_cell *cells;
	size_t nc;
	/* Rows of towns or wider come from the roll-up (a few rows), villages from the village aggregates; as
	 * recorded at an earlier time, everything is counted from the spans. */
	if (!q->recorded_at && level < LV_VILLAGE && r->div.code)
		rc = store_stats_level(st, level, r->as_of, lo, hi, &cells, &nc, a, e);
	else
		rc = store_stats(st, r->as_of, q->recorded_at, lo, hi, &cells, &nc, a, e);
	if (rc != ERR_OK)
		return rc;
	for (size_t i = 0; i < nc; i++) {
		count_add(&r->totals, cells[i].status, cells[i].households, cells[i].persons);
		struct stats_row key;
		key.d.code = division_at(cells[i].village, level);
		struct stats_row *row = bsearch(&key, r->rows, r->n_rows, sizeof(*r->rows), cmp_row);
		if (row)
			count_add(&row->c, cells[i].status, cells[i].households, cells[i].persons);
	}
	return ERR_OK;
}

enum err
changes_compute(struct store *st, const struct changes_query *q, struct changes_result *r, struct arena *a,
    struct errinfo *e)
{
	enum err rc;
	memset(r, 0, sizeof(*r));
	r->mode = q->mode;
	r->from = q->from;
	r->to = q->to;
	r->batch = q->batch;
	r->recorded_at = q->recorded_at;
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
	struct change_cell *cells;
	size_t n;
	if ((rc = store_changes(st, q->mode, q->from, q->to, q->batch, q->recorded_at, lo, hi, q->one_type ? (int)q->type : -1,
	    &cells, &n, a, e)))
		return rc;
	r->rows = arena_alloc(a, (EV__MAX + 1) * sizeof(*r->rows));
	for (int t = 0; t < EV__MAX; t++) {
		struct change_cell c = { (enum evtype)t, 0, 0 };
		bool any = false;
		for (size_t i = 0; i < n; i++)
			if (cells[i].type == (enum evtype)t) {
				/* one cell a type (store_changes counts each household and person of a type once) */
				c.households += cells[i].households;
				c.persons += cells[i].persons;
				any = true;
			}
		if (any)
			r->rows[r->n_rows++] = c;
	}
	return ERR_OK;
}

enum err
changes_households(struct store *st, const struct changes_query *q, enum evtype type, int page, int per_page,
    struct changes_hh_result *r, struct arena *a, struct errinfo *e)
{
	enum err rc;
	memset(r, 0, sizeof(*r));
	r->type = type;
	r->page = page;
	r->per_page = per_page;
	/* the line's totals: its type's events alone, not the whole report's */
	struct changes_query line = *q;
	line.one_type = true;
	line.type = type;
	if ((rc = changes_compute(st, &line, &r->report, a, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < r->report.n_rows; i++)
		if (r->report.rows[i].type == type) {
			r->households = r->report.rows[i].households;
			r->persons = r->report.rows[i].persons;
		}
	int64_t lo, hi;
	if (r->report.div.code)
		division_range(r->report.div.code, &lo, &hi);
	else {
		lo = st->scope_lo;
		hi = st->scope_hi;
	}
	return store_changes_households(st, q->mode, q->from, q->to, q->batch, q->recorded_at, lo, hi, type, per_page,
	    (page - 1) * per_page, &r->rows, &r->n_rows, a, e);
}

enum err
changes_batches(struct store *st, int64_t division, struct batches_result *r, struct arena *a, struct errinfo *e)
{
	enum err rc;
	memset(r, 0, sizeof(*r));
	if (division) {
		if ((rc = store_division_get(st, division, &r->div, a, e)) != ERR_OK)
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
	return store_changes_batches(st, lo, hi, &r->rows, &r->n_rows, a, e);
}

enum err
household_view_load(struct store *st, const char *hh_no, int day, bool full, const char *actor, const char *ip,
    struct household_view *v, struct arena *a, struct errinfo *e)
{
	memset(v, 0, sizeof(*v));
	struct household_rows o;
	enum err rc = store_household_rows(st, hh_no, day, &o, a, e);
	if (rc != ERR_OK)
		return rc;
	const struct household *h = o.h;
	struct event *ev = o.events;
	struct income_revision *revs = o.revisions;
	struct span *sp = o.spans;
	size_t nsp = o.n_spans;
	v->h = h;
	v->as_of = day;
	v->members = o.members;
	v->n_members = o.n_members;
	v->events = ev;
	v->superseded = o.superseded;
	v->n_events = o.n_events;
	v->incomes = o.incomes;
	v->n_incomes = o.n_incomes;
	v->income_revisions = revs;
	v->n_income_revisions = o.n_revisions;
	v->full = full;
	v->status_at = ST_NONE;
	for (size_t i = 0; i < nsp; i++)
		if (sp[i].valid_from <= day && day < sp[i].valid_to)
			v->status_at = (enum status)sp[i].value;
	struct division *village = arena_alloc(a, sizeof(*village)), *town = arena_alloc(a, sizeof(*town));
	struct errinfo ignore;
	errinfo_clear(&ignore);
	if (store_division_get(st, h->village, village, a, &ignore) == ERR_OK) {
		v->village = village;
		if (village->parent && store_division_get(st, village->parent, town, a, &ignore) == ERR_OK)
			v->town = town;
	}
	/* who recorded what, in words: each distinct actor looked up once */
	const char **labels = arena_alloc(a, (v->n_events + 1) * sizeof(*labels));
	struct { const char *actor, *label; } seen[16];
	size_t n_seen = 0;
	for (size_t i = 0; i < v->n_events + v->n_income_revisions; i++) {
		const char *who = i < v->n_events ? ev[i].actor : revs[i - v->n_events].actor;
		const char *label = NULL;
		for (size_t k = 0; k < n_seen && !label; k++)
			if (strcmp(seen[k].actor, who ? who : "") == 0)
				label = seen[k].label;
		if (!label) {
			label = actor_display(st, who, a);
			if (n_seen < NELEM(seen))
				seen[n_seen++] = (typeof(seen[0])){ who ? who : "", label };
		}
		if (i < v->n_events)
			labels[i] = label;
		else
			revs[i - v->n_events].actor_label = (char *)label;
	}
	v->event_actor_labels = labels;
	v->event_members = o.event_members;
	v->event_targets = (const char *const *)o.event_targets;
	if (full)
		return audit_view(st, actor, ip, "view.full_id", h->hh_no, NULL, e);
	return ERR_OK;
}

const char *
actor_display(struct store *st, const char *actor, struct arena *a)
{
	bool en = msg_lang() == LANG_EN;
	if (!actor || !*actor)
		return en ? "imported with the registry" : "随名单导入";
	if (strncmp(actor, "cli:", 4) == 0)
		return en ? "command line (system)" : "命令行（系统）";
	struct user u;
	struct errinfo ignore;
	errinfo_clear(&ignore);
	if (store_user_by_name(st, actor, &u, a, &ignore) != ERR_OK)
		return actor;
	const char *name = u.display_name && *u.display_name ? u.display_name : u.name;
	struct division d;
	if (u.division && store_division_get(st, u.division, &d, a, &ignore) == ERR_OK)
		return arena_printf(a, en ? "%s (%s)" : "%s（%s）", name, d.name);
	return arena_strdup(a, name);
}
