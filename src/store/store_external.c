/* store_external.c: other departments' lists (数据比对): the lists and their rows, and the comparisons of their
 * ID numbers with the registry's members. A list is seen by those whose scope meets the divisions it was
 * imported for; comparisons read members of households in the scope only. The rows themselves are written
 * through insert_row (T_EXTERNAL_ENTRY: COPY on PostgreSQL). */
#include <string.h>

#include "lib/date.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS st->ops

static void
read_list(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct external_list_row *l = row;
	l->id = OPS->col_int(q, 0);
	l->kind = col_str(st, q, 1, a);
	l->source = col_str(st, q, 2, a);
	l->list_date = (int)OPS->col_int(q, 3);
	l->division = OPS->col_int(q, 4);
	l->division_hi = OPS->col_int(q, 5);
	l->file = col_str(st, q, 6, a);
	l->rows = OPS->col_int(q, 7);
	l->imported_at = OPS->col_int(q, 8);
	l->imported_by = col_str(st, q, 9, a);
	l->deleted_at = OPS->col_int(q, 10);
	l->deleted_by = col_str(st, q, 11, a);
}

enum err
store_external_list_insert(struct store *st, struct external_list_row *l, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_EXT_LIST_INSERT, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(l->kind));
	OPS->bind(q, 2, SQL_TEXT(l->source));
	OPS->bind(q, 3, SQL_INT(l->list_date));
	OPS->bind(q, 4, SQL_INT(l->division));
	OPS->bind(q, 5, SQL_INT(l->division_hi));
	OPS->bind(q, 6, SQL_TEXT(l->file));
	OPS->bind(q, 7, SQL_INT(l->imported_at));
	OPS->bind(q, 8, SQL_TEXT(l->imported_by));
	int r = OPS->step(q, e);
	if (r == 1)
		l->id = OPS->col_int(q, 0);
	while (r == 1)
		r = OPS->step(q, e);
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_external_list_rows(struct store *st, int64_t id, int64_t rows, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_EXT_LIST_ROWS, e, SQL_INT(id), SQL_INT(rows)), e);
}

enum err
store_external_lists(struct store *st, bool deleted, struct external_list_row **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_EXT_LISTS, e, SQL_INT(deleted), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi)), sizeof(**out), read_list, out, n, a, e);
}

enum err
store_external_list_get(struct store *st, int64_t id, struct external_list_row *l, struct arena *a,
    struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_EXT_LIST_GET, e, SQL_INT(id), SQL_INT(st->scope_lo),
	    SQL_INT(st->scope_hi)), read_list, l, a, e);
}

enum err
store_external_list_delete(struct store *st, int64_t id, int64_t at, const char *by, struct errinfo *e)
{
	enum err rc = stmt_exec(st, STMT_BOUND(st, STMT_EXT_ENTRIES_DELETE, e, SQL_INT(id)), e);
	if (rc != ERR_OK)
		return rc;
	return stmt_exec(st, STMT_BOUND(st, STMT_EXT_LIST_DELETE, e, SQL_INT(id), SQL_INT(at), SQL_TEXT(by)), e);
}

enum err
store_external_kind_exists(struct store *st, const char *kind, int day, bool *exists, struct errinfo *e)
{
	return stmt_exists(st, STMT_BOUND(st, STMT_EXT_KIND_EXISTS, e, SQL_TEXT(kind), SQL_INT(day)), exists, e);
}

/* stmt.c's EXT_ROW and the member's columns after it. */
void
read_match_head(struct store *st, struct stmt *q, struct external_match *m)
{
	memset(m, 0, sizeof(*m));
	m->list_id = OPS->col_int(q, 0);
	m->list_date = (int)OPS->col_int(q, 1);
	m->source = OPS->col_text(q, 2);
	m->row_no = (int)OPS->col_int(q, 3);
	m->entry_name = OPS->col_text(q, 4);
	m->entry_id_no = OPS->col_text(q, 5);
	m->value = OPS->col_text(q, 6);
	m->data = OPS->col_text(q, 7);
	m->day = (int)OPS->col_int(q, 8);
	m->entry_village = OPS->col_int(q, 9);
	m->member_id = OPS->col_int(q, 10);
	m->household_id = OPS->col_int(q, 11);
	m->village = OPS->col_int(q, 12);
	m->hh_no = OPS->col_text(q, 13);
	m->name = OPS->col_text(q, 14);
	m->id_no = OPS->col_text(q, 15);
	m->status = ST_NONE;
	if (!OPS->col_null(q, 16))
		status_from_code(OPS->col_text(q, 16), &m->status);
	m->monitored = OPS->col_int(q, 17) != 0;
}

static void
read_match(struct store *st, struct stmt *q, struct external_match *m)
{
	read_match_head(st, q, m);
	m->since = (int)OPS->col_int(q, MATCH_HEAD_NCOLS);
	m->dibao = OPS->col_null(q, 19) ? -1 : (int)OPS->col_int(q, 19);
	m->tekun = OPS->col_null(q, 20) ? -1 : (int)OPS->col_int(q, 20);
	m->ins_medical = OPS->col_null(q, 21) ? -1 : (int)OPS->col_int(q, 21);
	m->ins_pension = OPS->col_null(q, 22) ? -1 : (int)OPS->col_int(q, 22);
	m->work_months = OPS->col_null(q, 23) ? -1 : (int)OPS->col_int(q, 23);
	m->health = OPS->col_text(q, 24);
	m->work_status = OPS->col_text(q, 25);
}

/* each_match's callback and its context, for stmt_each */
struct match_each {
	external_match_fn fn;
	void *ctx;
};

static int
match_each(struct store *st, struct stmt *q, void *ctx)
{
	struct match_each *x = ctx;
	struct external_match m;
	read_match(st, q, &m);
	return x->fn(x->ctx, &m);
}

static enum err
each_match(struct store *st, struct stmt *q, external_match_fn fn, void *ctx, struct errinfo *e)
{
	struct match_each x = { fn, ctx };
	return stmt_each(st, q, match_each, &x, e);
}

enum err
store_external_matches(struct store *st, const char *kind, bool latest, int day, int64_t lo, int64_t hi,
    external_match_fn fn, void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return each_match(st, STMT_BOUND(st, STMT_EXT_MATCHES, e, SQL_TEXT(kind), SQL_INT(day), SQL_INT(lo), SQL_INT(hi),
	    SQL_INT(latest)), fn, ctx, e);
}

enum err
store_external_missed(struct store *st, const char *kind, int day, int64_t lo, int64_t hi, external_match_fn fn,
    void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	return each_match(st, STMT_BOUND(st, STMT_EXT_MISSED, e, SQL_TEXT(kind), SQL_INT(day), SQL_INT(lo), SQL_INT(hi)),
	    fn, ctx, e);
}

enum err
store_external_not_on_roll(struct store *st, const char *kind, int day, int64_t lo, int64_t hi, rule_row_fn fn,
    void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	enum stmt_id id;
	if (strcmp(kind, "dibao") == 0)
		id = STMT_EXT_NOT_ON_ROLL_DIBAO;
	else if (strcmp(kind, "tekun") == 0)
		id = STMT_EXT_NOT_ON_ROLL_TEKUN;
	else
		return ERR_OK;
	return each_rule_row(st, STMT_BOUND(st, id, e, SQL_TEXT(kind), SQL_INT(day), SQL_INT(lo), SQL_INT(hi)), fn, ctx,
	    e);
}

enum err
store_external_match_counts(struct store *st, int64_t id, int day, int64_t *matched, int64_t *other_name,
    struct errinfo *e)
{
	int64_t v[2];
	enum err rc = stmt_ints(st, STMT_BOUND(st, STMT_EXT_MATCH_COUNTS, e, SQL_INT(id), SQL_INT(day),
	    SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)), v, 2, e);
	*matched = v[0];
	*other_name = v[1];
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}
