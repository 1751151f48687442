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
read_list(struct store *st, struct stmt *q, struct external_list_row *l, struct arena *a)
{
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
	*out = NULL;
	*n = 0;
	struct stmt *q = OPS->prepare(st, STMT_EXT_LISTS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(deleted));
	OPS->bind(q, 2, SQL_INT(st->scope_lo));
	OPS->bind(q, 3, SQL_INT(st->scope_hi));
	size_t cap = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			struct external_list_row *w = arena_alloc(a, cap * sizeof(*w));
			if (*n)
				memcpy(w, *out, *n * sizeof(*w));
			*out = w;
		}
		read_list(st, q, &(*out)[(*n)++], a);
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_external_list_get(struct store *st, int64_t id, struct external_list_row *l, struct arena *a,
    struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_EXT_LIST_GET, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(id));
	OPS->bind(q, 2, SQL_INT(st->scope_lo));
	OPS->bind(q, 3, SQL_INT(st->scope_hi));
	int r = OPS->step(q, e);
	if (r == 1)
		read_list(st, q, l, a);
	OPS->reset(q);
	return r < 0 ? ERR_DB : r == 1 ? ERR_OK : ERR_NOTFOUND;
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
	struct stmt *q = OPS->prepare(st, STMT_EXT_KIND_EXISTS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(kind));
	OPS->bind(q, 2, SQL_INT(day));
	int r = OPS->step(q, e);
	*exists = r == 1;
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
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

static enum err
each_match(struct store *st, struct stmt *q, external_match_fn fn, void *ctx, struct errinfo *e)
{
	int r, stop = 0;
	if (OPS->stream)
		OPS->stream(q);
	while (!stop && (r = OPS->step(q, e)) == 1) {
		struct external_match m;
		read_match(st, q, &m);
		stop = fn(ctx, &m);
	}
	OPS->reset(q);
	return !stop && r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_external_matches(struct store *st, const char *kind, bool latest, int day, int64_t lo, int64_t hi,
    external_match_fn fn, void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_EXT_MATCHES, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(kind));
	OPS->bind(q, 2, SQL_INT(day));
	OPS->bind(q, 3, SQL_INT(lo));
	OPS->bind(q, 4, SQL_INT(hi));
	OPS->bind(q, 5, SQL_INT(latest));
	return each_match(st, q, fn, ctx, e);
}

enum err
store_external_missed(struct store *st, const char *kind, int day, int64_t lo, int64_t hi, external_match_fn fn,
    void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_EXT_MISSED, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(kind));
	OPS->bind(q, 2, SQL_INT(day));
	OPS->bind(q, 3, SQL_INT(lo));
	OPS->bind(q, 4, SQL_INT(hi));
	return each_match(st, q, fn, ctx, e);
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
	struct stmt *q = OPS->prepare(st, id, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(kind));
	OPS->bind(q, 2, SQL_INT(day));
	OPS->bind(q, 3, SQL_INT(lo));
	OPS->bind(q, 4, SQL_INT(hi));
	return each_rule_row(st, q, fn, ctx, e);
}

enum err
store_external_match_counts(struct store *st, int64_t id, int day, int64_t *matched, int64_t *other_name,
    struct errinfo *e)
{
	*matched = *other_name = 0;
	struct stmt *q = OPS->prepare(st, STMT_EXT_MATCH_COUNTS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(id));
	OPS->bind(q, 2, SQL_INT(day));
	OPS->bind(q, 3, SQL_INT(st->scope_lo));
	OPS->bind(q, 4, SQL_INT(st->scope_hi));
	int r = OPS->step(q, e);
	if (r == 1) {
		*matched = OPS->col_int(q, 0);
		*other_name = OPS->col_int(q, 1);
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}
