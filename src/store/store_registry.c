/* store_registry.c: households, members, spans, events, aggregates, income and lines over store_ops.
 * Household lookups and writes are limited to the scope; span and event helpers take ids of households the
 * caller has already loaded in scope. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS st->ops

static struct sqlval
opt_int(int64_t v, int64_t none)
{
	return v == none ? SQL_NULL : SQL_INT(v);
}

/* ---- households ---- */

static void
read_household_row(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	read_household(st, q, 0, row, a);
}

static enum err
household_get(struct store *st, enum stmt_id id, struct sqlval key, struct household *h, struct arena *a,
    struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, id, e, key, SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)), read_household_row,
	    h, a, e);
}

enum err
store_household_by_no(struct store *st, const char *hh_no, struct household *h, struct arena *a, struct errinfo *e)
{
	enum err rc = household_get(st, STMT_HH_BY_NO, SQL_TEXT(hh_no), h, a, e);
	if (rc == ERR_NOTFOUND)
		errinfo_set(e, ERR_NOTFOUND, "hh_no", MSG_HH_NOT_FOUND, hh_no);
	return rc;
}

enum err
store_household_by_id(struct store *st, int64_t id, struct household *h, struct arena *a, struct errinfo *e)
{
	enum err rc = household_get(st, STMT_HH_BY_ID, SQL_INT(id), h, a, e);
	if (rc == ERR_NOTFOUND) {
		char tmp[32];
		snprintf(tmp, sizeof(tmp), "#%lld", (long long)id);
		errinfo_set(e, ERR_NOTFOUND, "id", MSG_HH_NOT_FOUND, tmp);
	}
	return rc;
}

enum err
store_household_no_exists(struct store *st, const char *hh_no, bool *exists, struct errinfo *e)
{
	/* a county writer's new household (a split's): the number stays free or taken until this transaction ends */
	enum err rc = store_lock_key(st, LOCK_HH_NO, hh_no, e);
	if (rc != ERR_OK)
		return rc;
	return stmt_exists(st, STMT_BOUND(st, STMT_HH_NO_EXISTS, e, SQL_TEXT(hh_no)), exists, e);
}

/* one text column: a list of 户编号 */
static void
read_text0(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	*(char **)row = col_str(st, q, 0, a);
}

enum err
store_hh_nos_between(struct store *st, const char *lo, const char *hi, char ***out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_HH_NOS_BETWEEN, e, SQL_TEXT(lo), SQL_TEXT(hi)), sizeof(char *), read_text0,
	    out, n, a, e);
}

/* Keys looked up per statement by the batch look-ups. */
#define BATCH 1000

/* A JSON array of the strings keys[0..n) into b (reset first). */
static void
json_keys(struct buf *b, const char *const *keys, size_t n)
{
	b->n = 0;
	buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		buf_putc(b, '"');
		for (const unsigned char *c = (const unsigned char *)keys[i]; *c; c++) {
			if (*c == '"' || *c == '\\')
				buf_printf(b, "\\%c", *c);
			else if (*c < 0x20)
				buf_printf(b, "\\u%04x", *c);
			else
				buf_putc(b, (char)*c);
		}
		buf_putc(b, '"');
	}
	buf_putc(b, ']');
	buf_putc(b, '\0');
}

/* Positions 0..n of keys sorted by key, to find a returned key's position by binary search. */
static int
key_cmp(const void *x, const void *y, void *keys)
{
	const char *const *k = keys;
	return strcmp(k[*(const size_t *)x], k[*(const size_t *)y]);
}

static size_t *
keys_sorted(const char *const *keys, size_t n)
{
	size_t *ix = xmalloc((n ? n : 1) * sizeof(*ix));
	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	qsort_r(ix, n, sizeof(*ix), key_cmp, (void *)keys);
	return ix;
}

/* Every position of key in keys (through the sorted index ix): [*lo, *hi). */
static void
keys_find(const char *const *keys, const size_t *ix, size_t n, const char *key, size_t *lo, size_t *hi)
{
	size_t l = 0, h = n;
	while (l < h) {
		size_t m = l + (h - l) / 2;
		if (strcmp(keys[ix[m]], key) < 0)
			l = m + 1;
		else
			h = m;
	}
	*lo = l;
	while (l < n && strcmp(keys[ix[l]], key) == 0)
		l++;
	*hi = l;
}

/* Run statement id for keys[0..n) a thousand at a time ($1 the JSON array of keys, $2 day if day >= 0);
 * each row whose first column is a key calls hit(ctx, q, position of that key) for every position it holds. */
static enum err
keyed_batches(struct store *st, enum stmt_id id, const char *const *keys, size_t n, int day,
    void (*hit)(void *ctx, struct stmt *q, size_t pos), void *ctx, struct errinfo *e)
{
	struct buf b;
	buf_init(&b);
	enum err rc = ERR_OK;
	for (size_t at = 0; at < n && rc == ERR_OK; at += BATCH) {
		size_t k = n - at < BATCH ? n - at : BATCH;
		json_keys(&b, keys + at, k);
		size_t *ix = keys_sorted(keys + at, k);
		struct stmt *q = OPS->prepare(st, id, e);
		if (!q)
			rc = ERR_DB;
		else {
			OPS->bind(q, 1, SQL_TEXT(b.p));
			if (day >= 0)
				OPS->bind(q, 2, SQL_INT(day));
			int r;
			while ((r = OPS->step(q, e)) == 1) {
				size_t lo, hi;
				keys_find(keys + at, ix, k, OPS->col_text(q, 0), &lo, &hi);
				for (size_t j = lo; j < hi; j++)
					hit(ctx, q, at + ix[j]);
			}
			OPS->reset(q);
			if (r < 0)
				rc = ERR_DB;
		}
		free(ix);
	}
	buf_free(&b);
	return rc;
}

static void
hit_exists(void *ctx, struct stmt *q, size_t pos)
{
	(void)q;
	((bool *)ctx)[pos] = true;
}

enum err
store_household_nos_exist(struct store *st, const char *const *nos, size_t n, bool *exists, struct errinfo *e)
{
	for (size_t i = 0; i < n; i++)
		exists[i] = false;
	return keyed_batches(st, STMT_HH_NOS_EXIST, nos, n, -1, hit_exists, exists, e);
}

struct where_ctx {
	struct store *st;
	char **where;
	struct arena *a;
};

static void
hit_where(void *ctx, struct stmt *q, size_t pos)
{
	struct where_ctx *c = ctx;
	if (!c->where[pos])   /* the first by member id, as the single look-up */
		c->where[pos] = col_str(c->st, q, 1, c->a);
}

enum err
store_idnos_current_household(struct store *st, const char *const *ids, size_t n, int day, char **where,
    struct arena *a, struct errinfo *e)
{
	for (size_t i = 0; i < n; i++)
		where[i] = NULL;
	struct where_ctx c = { st, where, a };
	return keyed_batches(st, STMT_IDNOS_CURRENT, ids, n, day, hit_where, &c, e);
}

enum err
store_household_insert(struct store *st, struct household *h, struct errinfo *e)
{
	if (!store_in_scope(st, h->village)) {
		char code[16];
		snprintf(code, sizeof(code), "%012lld", (long long)h->village);
		return errinfo_set(e, ERR_NOTFOUND, "village", MSG_DIV_UNKNOWN, code);
	}
	enum err rc = OPS->next_id(st, T_HOUSEHOLD, &h->id, e);
	if (rc != ERR_OK)
		return rc;
	struct sqlval v[18] = {
		SQL_INT(h->id), SQL_TEXT(h->hh_no), SQL_INT(h->village), SQL_TEXT(status_code(h->status)),
		SQL_INT(h->monitored), sql_opt_text(h->attribute), sql_opt_text(h->cause_main), sql_opt_text(h->cause_other),
		sql_opt_text(h->id_standard), opt_int(h->identified_ym, 0), opt_int(h->exit_year, 0), sql_opt_text(h->phone),
		SQL_INT(h->code_version), SQL_INT(h->created_at), SQL_INT(h->updated_at), sql_opt_text(h->bank),
		sql_opt_text(h->bank_account),
	};
	return OPS->insert_row(st, T_HOUSEHOLD, v, e);
}

enum err
store_household_set_status(struct store *st, int64_t id, enum status s, bool monitored, int exit_year, int64_t now,
    struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_HH_SET_STATUS, e, SQL_INT(id), SQL_TEXT(status_code(s)),
	    SQL_INT(monitored), SQL_INT(now), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi), opt_int(exit_year, 0)), e);
}

enum err
store_household_update(struct store *st, const struct household *h, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_HH_UPDATE, e, SQL_INT(h->id), sql_opt_text(h->attribute),
	    sql_opt_text(h->cause_main), sql_opt_text(h->cause_other), sql_opt_text(h->id_standard), opt_int(h->identified_ym, 0),
	    opt_int(h->exit_year, 0), sql_opt_text(h->phone), SQL_INT(h->updated_at), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi), sql_opt_text(h->bank), sql_opt_text(h->bank_account)), e);
}

enum err
store_household_count(struct store *st, int64_t *n, struct errinfo *e)
{
	enum err rc = stmt_int(st, STMT_BOUND(st, STMT_HH_COUNT, e, SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)), n, e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

/* ---- members ---- */

enum err
store_member_insert(struct store *st, struct member *m, struct errinfo *e)
{
	enum err rc = OPS->next_id(st, T_MEMBER, &m->id, e);
	if (rc != ERR_OK)
		return rc;
	struct sqlval v[22] = {
		SQL_INT(m->id), SQL_INT(m->household_id), SQL_TEXT(m->id_no), SQL_INT(m->id_kind), SQL_TEXT(m->name),
		SQL_TEXT(m->sex), opt_int(m->birth, 0), SQL_TEXT(m->relation), sql_opt_text(m->ethnicity),
		sql_opt_text(m->education), sql_opt_text(m->schooling), sql_opt_text(m->health), sql_opt_text(m->labor),
		sql_opt_text(m->work_status), opt_int(m->work_months, -1), opt_int(m->ins_medical, -1),
		opt_int(m->ins_serious, -1), opt_int(m->ins_pension, -1), opt_int(m->dibao, -1), opt_int(m->tekun, -1),
		sql_opt_text(m->phone), SQL_INT(m->info_date),
	};
	return OPS->insert_row(st, T_MEMBER, v, e);
}

enum err
store_member_update(struct store *st, const struct member *m, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_MEMBER_UPDATE, e, SQL_INT(m->id), SQL_TEXT(m->name), SQL_TEXT(m->sex),
	    SQL_TEXT(m->relation), sql_opt_text(m->ethnicity), sql_opt_text(m->education), sql_opt_text(m->schooling),
	    sql_opt_text(m->health), sql_opt_text(m->labor), sql_opt_text(m->work_status), opt_int(m->work_months, -1),
	    opt_int(m->ins_medical, -1), opt_int(m->ins_serious, -1), opt_int(m->ins_pension, -1),
	    opt_int(m->dibao, -1), opt_int(m->tekun, -1), sql_opt_text(m->phone), SQL_INT(m->info_date),
	    SQL_INT(m->household_id), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)), e);
}

enum err
store_member_set_identity(struct store *st, const struct member *m, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_MEMBER_SET_IDENTITY, e, SQL_INT(m->id), SQL_TEXT(m->id_no),
	    SQL_INT(m->id_kind), opt_int(m->birth, 0), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)), e);
}

static void
read_member_row(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	read_member(st, q, 0, row, a);
}

static enum err
member_list(struct store *st, struct stmt *q, struct member **out, size_t *n, struct arena *a, struct errinfo *e)
{
	return stmt_rows(st, q, sizeof(**out), read_member_row, out, n, a, e);
}

enum err
store_member_by_id(struct store *st, int64_t id, struct member *m, struct arena *a, struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_MEMBER_BY_ID, e, SQL_INT(id), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)),
	    read_member_row, m, a, e);
}

enum err
store_member_in_household(struct store *st, int64_t hh, const char *id_no, struct member *m, struct arena *a,
    struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_MEMBER_IN_HH, e, SQL_INT(hh), SQL_TEXT(id_no), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi)), read_member_row, m, a, e);
}

enum err
store_members_at(struct store *st, int64_t hh, int day, struct member **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return member_list(st, STMT_BOUND(st, STMT_MEMBERS_AT, e, SQL_INT(hh), SQL_INT(day), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi)), out, n, a, e);
}

enum err
store_members_count_at(struct store *st, int64_t hh, int day, int64_t *n, struct errinfo *e)
{
	enum err rc = stmt_int(st, STMT_BOUND(st, STMT_MEMBERS_COUNT_AT, e, SQL_INT(hh), SQL_INT(day), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi)), n, e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
store_members_named_at(struct store *st, const int64_t *hh, size_t n, int day, const char *q, char **name,
    char **relation, struct arena *a, struct errinfo *e)
{
	for (size_t i = 0; i < n; i++)
		name[i] = relation[i] = NULL;
	if (n == 0)
		return ERR_OK;
	struct buf ids;
	buf_init(&ids);
	buf_putc(&ids, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", (long long)hh[i]);
	buf_putc(&ids, ']');
	buf_putc(&ids, '\0');
	struct stmt *st_q = OPS->prepare(st, STMT_MEMBERS_NAMED_AT, e);
	if (!st_q) {
		buf_free(&ids);
		return ERR_DB;
	}
	OPS->bind(st_q, 1, SQL_TEXT(ids.p));
	OPS->bind(st_q, 2, SQL_INT(day));
	OPS->bind(st_q, 3, SQL_TEXT(q));
	OPS->bind(st_q, 4, SQL_INT(st->scope_lo));
	OPS->bind(st_q, 5, SQL_INT(st->scope_hi));
	int r;
	int64_t last = 0;
	bool any = false;
	while ((r = OPS->step(st_q, e)) == 1) {
		int64_t h = OPS->col_int(st_q, 0);
		if (any && h == last)
			continue;   /* the household's first member found is the one it was found by */
		any = true;
		last = h;
		const char *rel = OPS->col_text(st_q, 2);
		if (rel && strcmp(rel, "01") == 0)
			continue;   /* the head: the row names it already */
		for (size_t i = 0; i < n; i++)
			if (hh[i] == h) {
				name[i] = col_str(st, st_q, 1, a);
				relation[i] = col_str(st, st_q, 2, a);
			}
	}
	OPS->reset(st_q);
	buf_free(&ids);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_members_all(struct store *st, int64_t hh, struct member **out, size_t *n, struct arena *a, struct errinfo *e)
{
	return member_list(st, STMT_BOUND(st, STMT_MEMBERS_ALL, e, SQL_INT(hh), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi)), out, n, a, e);
}

/* where store_idno_current_household puts its row's columns (member_id may be NULL) */
struct idno_hit {
	char **hh_no;
	int64_t *member_id;
};

static void
read_idno_hit(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct idno_hit *h = row;
	*h->hh_no = col_str(st, q, 0, a);
	if (h->member_id)
		*h->member_id = OPS->col_int(q, 1);
}

enum err
store_idno_current_household(struct store *st, const char *id_no, int day, char **hh_no, int64_t *member_id,
    struct arena *a, struct errinfo *e)
{
	struct idno_hit hit = { hh_no, member_id };
	/* who holds the number is then the answer until this transaction ends (a county writer) */
	enum err rc = store_lock_key(st, LOCK_IDNO, id_no, e);
	if (rc != ERR_OK)
		return rc;
	return stmt_row(st, STMT_BOUND(st, STMT_IDNO_CURRENT, e, SQL_TEXT(id_no), SQL_INT(day)), read_idno_hit, &hit, a,
	    e);
}

enum err
store_idno_households(struct store *st, const char *id_no, int day, char ***hh_nos, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_IDNO_CURRENT, e, SQL_TEXT(id_no), SQL_INT(day)), sizeof(char *),
	    read_text0, hh_nos, n, a, e);
}

/* ---- spans ---- */

/* the columns of a status span (value: the status) or a membership span (value: the household) */
static void
read_span(struct store *st, struct stmt *q, struct span *s, bool status)
{
	s->id = OPS->col_int(q, 0);
	s->owner = OPS->col_int(q, 1);
	if (status) {
		enum status stt = ST_NONE;
		status_from_code(OPS->col_text(q, 2), &stt);
		s->value = stt;
	} else
		s->value = OPS->col_int(q, 2);
	s->valid_from = (int)OPS->col_int(q, 3);
	s->valid_to = (int)OPS->col_int(q, 4);
	s->rec_from = OPS->col_int(q, 5);
	s->rec_to = OPS->col_int(q, 6);
	s->event_id = OPS->col_int(q, 7);
}

static void
read_status_span(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	(void)a;
	read_span(st, q, row, true);
}

static void
read_member_span(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	(void)a;
	read_span(st, q, row, false);
}

static enum err
span_list(struct store *st, enum stmt_id id, int64_t key, bool status, struct span **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, id, e, SQL_INT(key)), sizeof(**out), status ? read_status_span : read_member_span,
	    out, n, a, e);
}

enum err
store_spans(struct store *st, enum span_kind k, int64_t owner, struct span **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return span_list(st, k == SPAN_STATUS ? STMT_SPANS_STATUS : STMT_SPANS_MEMBER, owner, k == SPAN_STATUS, out, n,
	    a, e);
}

enum err
store_member_spans_of_household(struct store *st, int64_t hh, struct span **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return span_list(st, STMT_SPANS_MEMBER_OF_HH, hh, false, out, n, a, e);
}

/* The persons kept by household-level events (schema 0028) follow every write of a membership and every new
 * event, here where all of them pass: the events of each household the member has been in are counted again
 * (a few events a household), and a new event alone is counted. In bulk mode the rows may not be written yet (PostgreSQL's COPY): only new
 * households are written then (household_create), whose events come with their number, and no membership of
 * another household is written. */
static enum err
event_persons(struct store *st, enum stmt_id id, int64_t key, struct errinfo *e)
{
	if (st->bulk)
		return ERR_OK;
	return stmt_exec(st, STMT_BOUND(st, id, e, SQL_INT(key)), e);
}

enum err
store_span_close(struct store *st, enum span_kind k, int64_t span_id, int64_t stamp, struct errinfo *e)
{
	enum err rc = stmt_exec(st, STMT_BOUND(st, k == SPAN_STATUS ? STMT_SPAN_CLOSE_STATUS : STMT_SPAN_CLOSE_MEMBER,
	    e, SQL_INT(span_id), SQL_INT(stamp)), e);
	if (rc == ERR_OK && k == SPAN_MEMBER)
		rc = event_persons(st, STMT_EVENT_PERSONS_SPAN, span_id, e);
	return rc;
}

enum err
store_span_insert(struct store *st, enum span_kind k, struct span *s, struct errinfo *e)
{
	enum table t = k == SPAN_STATUS ? T_STATUS_SPAN : T_MEMBER_SPAN;
	enum err rc = OPS->next_id(st, t, &s->id, e);
	if (rc != ERR_OK)
		return rc;
	struct sqlval v[8];
	v[0] = SQL_INT(s->id);
	v[1] = SQL_INT(s->owner);
	if (k == SPAN_STATUS) {
		v[2] = SQL_TEXT(status_code((enum status)s->value));
	} else {
		/* membership_span: (id, member_id, household_id, ...) */
		v[2] = SQL_INT(s->value);
	}
	v[3] = SQL_INT(s->valid_from);
	v[4] = SQL_INT(s->valid_to);
	v[5] = SQL_INT(s->rec_from);
	v[6] = SQL_INT(s->rec_to);
	v[7] = SQL_INT(s->event_id);
	rc = OPS->insert_row(st, t, v, e);
	if (rc == ERR_OK && k == SPAN_MEMBER)
		rc = event_persons(st, STMT_EVENT_PERSONS_MEMBER, s->owner, e);
	return rc;
}

/* ---- events ---- */

enum err
store_event_insert(struct store *st, struct event *ev, struct errinfo *e)
{
	enum err rc = OPS->next_id(st, T_EVENT, &ev->id, e);
	if (rc != ERR_OK)
		return rc;
	/* a household-level event keeps its persons (schema 0028): the number given, or counted once it is in */
	bool kept = ev->member_id == 0 && ev->type != EV_MERGE && ev->type != EV_DATA_FIX;
	struct sqlval v[19] = {
		SQL_INT(ev->id), SQL_INT(ev->household_id), opt_int(ev->member_id, 0), opt_int(ev->target_household_id, 0),
		SQL_TEXT(evtype_code(ev->type)), sql_opt_text(ev->reason), SQL_INT(ev->effective), sql_opt_text(ev->batch),
		SQL_INT(ev->correction), SQL_INT(ev->chain), SQL_INT(ev->chain_id),
		ev->from_status == ST_NONE ? SQL_NULL : SQL_TEXT(status_code(ev->from_status)),
		ev->to_status == ST_NONE ? SQL_NULL : SQL_TEXT(status_code(ev->to_status)),
		SQL_TEXT(ev->actor), SQL_INT(ev->recorded_at), SQL_NULL, sql_opt_text(ev->detail), SQL_INT(ev->village),
		kept && ev->new_persons > 0 ? SQL_INT(ev->new_persons) : SQL_NULL,
	};
	rc = OPS->insert_row(st, T_EVENT, v, e);
	if (rc == ERR_OK && kept && ev->new_persons <= 0)
		rc = event_persons(st, STMT_EVENT_PERSONS_EVENT, ev->id, e);   /* (the others' are unchanged) */
	return rc;
}

enum err
store_event_supersede(struct store *st, enum chain chain, int64_t chain_id, int from, int64_t by, int64_t stamp,
    struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_EVENT_SUPERSEDE, e, SQL_INT(chain), SQL_INT(chain_id), SQL_INT(from),
	    SQL_INT(by), SQL_INT(stamp)), e);
}

enum err
store_household_latest_change(struct store *st, int64_t hh, int *day, struct errinfo *e)
{
	int64_t v;
	enum err rc = stmt_int(st, STMT_BOUND(st, STMT_HH_LATEST_CHANGE, e, SQL_INT(hh)), &v, e);
	*day = (int)v;
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

void
read_event(struct store *st, struct stmt *q, int c, struct event *ev, struct arena *a)
{
	ev->id = OPS->col_int(q, c + 0);
	ev->household_id = OPS->col_int(q, c + 1);
	ev->member_id = OPS->col_int(q, c + 2);
	ev->target_household_id = OPS->col_int(q, c + 3);
	if (!evtype_from_code(OPS->col_text(q, c + 4), &ev->type))
		ev->type = EV_DATA_FIX;
	ev->reason = col_str(st, q, c + 5, a);
	ev->effective = (int)OPS->col_int(q, c + 6);
	ev->batch = col_str(st, q, c + 7, a);
	ev->correction = OPS->col_int(q, c + 8) != 0;
	ev->chain = (enum chain)OPS->col_int(q, c + 9);
	ev->chain_id = OPS->col_int(q, c + 10);
	ev->from_status = ST_NONE;
	ev->to_status = ST_NONE;
	if (!OPS->col_null(q, c + 11))
		status_from_code(OPS->col_text(q, c + 11), &ev->from_status);
	if (!OPS->col_null(q, c + 12))
		status_from_code(OPS->col_text(q, c + 12), &ev->to_status);
	ev->actor = col_str(st, q, c + 13, a);
	ev->recorded_at = OPS->col_int(q, c + 14);
	ev->detail = col_str(st, q, c + 15, a);
}

/* The rows of STMT_EVENTS_OF_HH(_NO), bound (and perhaps run) by the caller (store_household_rows). */
static enum err
events_read(struct store *st, struct stmt *q, struct event **out, bool **superseded, struct member **members,
    char ***others, size_t *n, struct arena *a, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	/* four parallel arrays, each with its own capacity (they grow together); room for row k is made before
	 * the step, so that no rows still gives arrays */
	size_t cap[4] = { 0 }, k = 0;
	struct event *v = NULL;
	bool *sup = NULL;
	struct member *mv = NULL;
	char **ov = NULL;
	int r;
	for (;;) {
		v = arena_grow(a, v, &cap[0], k, sizeof(*v));
		sup = arena_grow(a, sup, &cap[1], k, sizeof(*sup));
		mv = arena_grow(a, mv, &cap[2], k, sizeof(*mv));
		ov = arena_grow(a, ov, &cap[3], k, sizeof(*ov));
		if ((r = OPS->step(q, e)) != 1)
			break;
		read_event(st, q, 0, &v[k], a);
		sup[k] = OPS->col_int(q, 16) > 0;
		memset(&mv[k], 0, sizeof(mv[k]));
		ov[k] = NULL;
		if (!OPS->col_null(q, 17) && store_in_scope(st, OPS->col_int(q, 20))) {
			mv[k].id = OPS->col_int(q, 17);
			mv[k].name = col_str(st, q, 18, a);
			mv[k].id_no = col_str(st, q, 19, a);
		}
		if (!OPS->col_null(q, 21) && store_in_scope(st, OPS->col_int(q, 22)))
			ov[k] = col_str(st, q, 21, a);
		k++;
	}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = v;
	if (superseded)
		*superseded = sup;
	if (members)
		*members = mv;
	if (others)
		*others = ov;
	*n = k;
	return ERR_OK;
}

enum err
store_last_stamp(struct store *st, int64_t *stamp, struct errinfo *e)
{
	enum err rc = stmt_int(st, OPS->prepare(st, STMT_LAST_STAMP, e), stamp, e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

/* ---- aggregates ---- */

enum err
store_agg_add_many(struct store *st, const struct agg_row *v, size_t n, int64_t recorded, struct errinfo *e)
{
	enum err rc = ERR_OK;
	/* in chunks, so that a statement's text stays small whatever the transaction wrote */
	size_t nchunks = (n + 511) / 512;
	struct buf *chunk = xcalloc(nchunks ? nchunks : 1, sizeof(*chunk));
	for (size_t c = 0; c < nchunks; c++) {
		buf_putc(&chunk[c], '[');
		for (size_t k = c * 512; k < n && k < (c + 1) * 512; k++)
			buf_printf(&chunk[c], "%s[%lld,\"%s\",%d,%lld,%lld]", k > c * 512 ? "," : "", (long long)v[k].village,
			    status_code(v[k].status), v[k].day, (long long)v[k].households, (long long)v[k].persons);
		buf_putc(&chunk[c], ']');
	}
	for (size_t c = 0; rc == ERR_OK && c < nchunks; c++) {
		rc = stmt_exec(st, STMT_BOUND(st, STMT_AGG_ADD_MANY, e, SQL_TEXT(chunk[c].p)), e);
		if (rc == ERR_OK)
			rc = stmt_exec(st, STMT_BOUND(st, STMT_RECORDED_ADD_MANY, e, SQL_TEXT(chunk[c].p), SQL_INT(recorded)),
			    e);
		if (rc == ERR_OK)
			rc = stmt_exec(st, STMT_BOUND(st, STMT_ROLLUP_ADD_MANY, e, SQL_TEXT(chunk[c].p)), e);
	}
	/* the months' rows after every day's row: a writer holding a month's row (shared by every writer of that
	 * month on PostgreSQL) waits for no day's row any more */
	for (size_t c = 0; rc == ERR_OK && c < nchunks; c++)
		rc = stmt_exec(st, STMT_BOUND(st, STMT_ROLLUP_MONTH_ADD_MANY, e, SQL_TEXT(chunk[c].p)), e);
	for (size_t c = 0; c < nchunks; c++)
		buf_free(&chunk[c]);
	free(chunk);
	return rc;
}

/* ---- lines and income ---- */

enum err
store_poverty_line(struct store *st, int year, const char *region, const char *kind, int64_t *amount,
    struct errinfo *e)
{
	int64_t v;
	enum err rc = stmt_int(st, STMT_BOUND(st, STMT_LINE_GET, e, SQL_INT(year), SQL_TEXT(region), SQL_TEXT(kind)), &v, e);
	if (rc == ERR_OK)
		*amount = v;
	return rc;
}

enum err
store_poverty_line_set(struct store *st, int year, const char *region, const char *kind, int64_t amount,
    const char *note, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_LINE_SET, e, SQL_INT(year), SQL_TEXT(region), SQL_TEXT(kind),
	    SQL_INT(amount), sql_opt_text(note)), e);
}

enum err
store_income_put(struct store *st, const struct income *in, struct errinfo *e)
{
	struct sqlval v[9] = {
		SQL_INT(in->household_id), SQL_INT(in->year), opt_int(in->wage, -1), opt_int(in->business, -1),
		opt_int(in->property, -1), opt_int(in->transfer, -1), opt_int(in->business_cost, -1),
		opt_int(in->net_pc, -1), opt_int(in->size, 0),
	};
	return OPS->insert_row(st, T_INCOME, v, e);
}

static void
read_income(struct store *st, struct stmt *q, int c, struct income *x)
{
	x->household_id = OPS->col_int(q, c + 0);
	x->year = (int)OPS->col_int(q, c + 1);
	x->wage = OPS->col_null(q, c + 2) ? -1 : OPS->col_int(q, c + 2);
	x->business = OPS->col_null(q, c + 3) ? -1 : OPS->col_int(q, c + 3);
	x->property = OPS->col_null(q, c + 4) ? -1 : OPS->col_int(q, c + 4);
	x->transfer = OPS->col_null(q, c + 5) ? -1 : OPS->col_int(q, c + 5);
	x->business_cost = OPS->col_null(q, c + 6) ? -1 : OPS->col_int(q, c + 6);
	x->net_pc = OPS->col_null(q, c + 7) ? -1 : OPS->col_int(q, c + 7);
	x->size = col_int_or(st, q, c + 8, 0);
}

static void
read_income_row(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	(void)a;
	read_income(st, q, 0, row);
}

enum err
store_income_of_household(struct store *st, int64_t hh, struct income **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_INCOME_OF_HH, e, SQL_INT(hh)), sizeof(**out), read_income_row, out, n, a, e);
}

/* ---- the income survey's history ---- */


enum err
store_income_get(struct store *st, int64_t hh, int year, struct income *out, struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_INCOME_GET, e, SQL_INT(hh), SQL_INT(year)), read_income_row, out, NULL, e);
}

enum err
store_income_revision_add(struct store *st, const struct income_revision *r, struct errinfo *e)
{
	const struct income *in = &r->in;
	return stmt_exec(st, STMT_BOUND(st, STMT_INCOME_REV_INSERT, e, SQL_INT(in->household_id), SQL_INT(in->year),
	    opt_int(in->wage, -1), opt_int(in->business, -1), opt_int(in->property, -1), opt_int(in->transfer, -1),
	    opt_int(in->business_cost, -1), opt_int(in->net_pc, -1), opt_int(in->size, 0), SQL_INT(r->recorded_at),
	    SQL_TEXT(r->actor ? r->actor : ""), sql_opt_text(r->reason), SQL_TEXT(r->source ? r->source : "form")), e);
}

enum err
store_income_revision_count(struct store *st, int64_t hh, int year, int64_t *n, struct errinfo *e)
{
	enum err rc = stmt_int(st, STMT_BOUND(st, STMT_INCOME_REV_COUNT, e, SQL_INT(hh), SQL_INT(year)), n, e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

static void
read_income_revision(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct income_revision *x = row;
	read_income(st, q, 0, &x->in);
	x->recorded_at = OPS->col_int(q, 9);
	x->actor = col_str(st, q, 10, a);
	x->reason = col_str(st, q, 11, a);
	x->source = col_str(st, q, 12, a);
}

/* ---- the household page ---- */

enum err
store_household_rows(struct store *st, const char *hh_no, int day, struct household_rows *o, struct arena *a,
    struct errinfo *e)
{
	memset(o, 0, sizeof(*o));
	o->h = arena_alloc(a, sizeof(*o->h));
	/* Where each statement is a round trip (PostgreSQL), the reads are keyed by the 户编号 too, so that none
	 * waits for another's answer and all go at once; where none is (SQLite), the household first and the rest
	 * by its id (one lookup of the number, not one in each). */
	bool together = OPS->run_together != NULL;
	struct stmt *hh = STMT_BOUND(st, STMT_HH_BY_NO, e, SQL_TEXT(hh_no), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi));
	enum err rc = together ? ERR_OK : stmt_row(st, hh, read_household_row, o->h, a, e);
	if (rc != ERR_OK)
		return rc == ERR_NOTFOUND ? errinfo_set(e, ERR_NOTFOUND, "hh_no", MSG_HH_NOT_FOUND, hh_no) : rc;
	struct sqlval key = together ? SQL_TEXT(hh_no) : SQL_INT(o->h->id);
	struct stmt *mem = STMT_BOUND(st, together ? STMT_MEMBERS_AT_NO : STMT_MEMBERS_AT, e, key, SQL_INT(day),
	    SQL_INT(st->scope_lo), SQL_INT(st->scope_hi));
	struct stmt *ev = STMT_BOUND(st, together ? STMT_EVENTS_OF_HH_NO : STMT_EVENTS_OF_HH, e, key);
	struct stmt *inc = STMT_BOUND(st, together ? STMT_INCOME_OF_HH_NO : STMT_INCOME_OF_HH, e, key);
	struct stmt *sp = STMT_BOUND(st, together ? STMT_SPANS_STATUS_NO : STMT_SPANS_STATUS, e, key);
	struct stmt *rev = STMT_BOUND(st, together ? STMT_INCOME_REVS_OF_HH_NO : STMT_INCOME_REVS_OF_HH, e, key);
	/* and the division tree's generation, if this snapshot has not looked at it yet */
	bool gen = !divs_checked(st);
	struct stmt *q[7] = { mem, ev, inc, sp, rev };
	size_t n = 5;
	if (gen)
		q[n++] = OPS->prepare(st, STMT_DIV_GEN, e);
	if (together)
		q[n++] = hh;
	rc = stmt_run_together(st, q, n, e);
	if (rc == ERR_OK && together && (rc = stmt_row(st, hh, read_household_row, o->h, a, e)) == ERR_NOTFOUND)
		errinfo_set(e, ERR_NOTFOUND, "hh_no", MSG_HH_NOT_FOUND, hh_no);
	if (rc == ERR_OK)
		rc = member_list(st, mem, &o->members, &o->n_members, a, e);
	if (rc == ERR_OK)
		rc = events_read(st, ev, &o->events, &o->superseded, &o->event_members, &o->event_targets, &o->n_events, a,
		    e);
	if (rc == ERR_OK)
		rc = stmt_rows(st, inc, sizeof(*o->incomes), read_income_row, &o->incomes, &o->n_incomes, a, e);
	if (rc == ERR_OK)
		rc = stmt_rows(st, sp, sizeof(*o->spans), read_status_span, &o->spans, &o->n_spans, a, e);
	if (rc == ERR_OK)
		rc = stmt_rows(st, rev, sizeof(*o->revisions), read_income_revision, &o->revisions, &o->n_revisions, a, e);
	if (rc == ERR_OK && gen)
		rc = divs_ensure_with(st, q[5], e);
	if (rc != ERR_OK)   /* (the statements not read yet keep no result) */
		for (size_t i = 0; i < n; i++)
			if (q[i])
				OPS->reset(q[i]);
	return rc;
}
