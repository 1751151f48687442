/* store_rows.c: running one statement, shared by the store's capability files: prepare with its values bound,
 * run once, read the one row or every row into an arena array; and the readers of the columns that several
 * capability files' statements share (a text or an int column, the household and member rows of stmt.c's
 * HH_COLS and M_COLS). Each capability file keeps only its own SQL's columns and its statement ids. */
#include <string.h>

#include "domain/model.h"
#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS (st->ops)

struct stmt *
stmt_bound(struct store *st, enum stmt_id id, const struct sqlval *v, int n, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, id, e);
	if (!q)
		return NULL;
	for (int i = 0; i < n; i++)
		OPS->bind(q, i + 1, v[i]);
	return q;
}

enum err
stmt_run_together(struct store *st, struct stmt **q, size_t n, struct errinfo *e)
{
	enum err rc = ERR_OK;
	for (size_t i = 0; i < n; i++)
		if (!q[i])
			rc = ERR_DB;
	if (rc == ERR_OK && OPS->run_together)
		rc = OPS->run_together(st, q, n, e);
	if (rc != ERR_OK)
		for (size_t i = 0; i < n; i++)
			if (q[i])
				OPS->reset(q[i]);
	return rc;
}

enum err
stmt_exec(struct store *st, struct stmt *q, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	int r;
	while ((r = OPS->step(q, e)) == 1)
		;
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
stmt_int(struct store *st, struct stmt *q, int64_t *v, struct errinfo *e)
{
	return stmt_ints(st, q, v, 1, e);
}

enum err
stmt_ints(struct store *st, struct stmt *q, int64_t *v, int n, struct errinfo *e)
{
	for (int i = 0; i < n; i++)
		v[i] = 0;
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	for (int i = 0; r == 1 && i < n; i++)
		v[i] = OPS->col_int(q, i);
	OPS->reset(q);
	return r < 0 ? ERR_DB : r == 1 ? ERR_OK : ERR_NOTFOUND;
}

enum err
stmt_exists(struct store *st, struct stmt *q, bool *yes, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	*yes = r == 1;
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
stmt_insert(struct store *st, struct stmt *q, int64_t *id, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r == 1 && id)
		*id = OPS->col_int(q, 0);
	OPS->reset(q);
	return r == 1 ? ERR_OK : ERR_DB;
}

enum err
stmt_row(struct store *st, struct stmt *q, row_reader read, void *row, struct arena *a, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r == 1)
		read(st, q, row, a);
	OPS->reset(q);
	return r < 0 ? ERR_DB : r == 1 ? ERR_OK : ERR_NOTFOUND;
}

enum err
stmt_rows(struct store *st, struct stmt *q, size_t size, row_reader read, void *out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	void **v = out;
	*v = NULL;
	*n = 0;
	if (!q)
		return ERR_DB;
	size_t cap = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		*v = arena_grow(a, *v, &cap, *n, size);
		read(st, q, (char *)*v + (*n)++ * size, a);
	}
	OPS->reset(q);
	if (!*v)   /* an empty array, never NULL: callers may pass it to qsort or memcpy */
		*v = arena_grow(a, NULL, &cap, 0, size);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
stmt_each(struct store *st, struct stmt *q, row_each each, void *ctx, struct errinfo *e)
{
	if (!q)
		return ERR_DB;
	int r, stop = 0;
	if (OPS->stream)
		OPS->stream(q);
	while (!stop && (r = OPS->step(q, e)) == 1)
		stop = each(st, q, ctx);
	OPS->reset(q);
	return !stop && r < 0 ? ERR_DB : ERR_OK;
}

void *
arena_grow(struct arena *a, void *v, size_t *cap, size_t k, size_t size)
{
	if (k < *cap)
		return v;
	size_t ncap = *cap ? 2 * *cap : 8;
	void *w = arena_alloc(a, ncap * size);
	if (k)
		memcpy(w, v, k * size);
	*cap = ncap;
	return w;
}

/* ---- column and row readers ---- */

char *
col_str(struct store *st, struct stmt *q, int i, struct arena *a)
{
	const char *t = st->ops->col_text(q, i);
	return t ? arena_strdup(a, t) : NULL;
}

int
col_int_or(struct store *st, struct stmt *q, int i, int dflt)
{
	return st->ops->col_null(q, i) ? dflt : (int)st->ops->col_int(q, i);
}

void
read_household(struct store *st, struct stmt *q, int c, struct household *h, struct arena *a)
{
	h->id = OPS->col_int(q, c + 0);
	h->hh_no = col_str(st, q, c + 1, a);
	h->village = OPS->col_int(q, c + 2);
	const char *s = OPS->col_text(q, c + 3);
	if (!s || !status_from_code(s, &h->status))
		h->status = ST_NONE;
	h->monitored = OPS->col_int(q, c + 4) != 0;
	h->attribute = col_str(st, q, c + 5, a);
	h->cause_main = col_str(st, q, c + 6, a);
	h->cause_other = col_str(st, q, c + 7, a);
	h->id_standard = col_str(st, q, c + 8, a);
	h->identified_ym = col_int_or(st, q, c + 9, 0);
	h->exit_year = col_int_or(st, q, c + 10, 0);
	h->phone = col_str(st, q, c + 11, a);
	h->code_version = (int)OPS->col_int(q, c + 12);
	h->created_at = OPS->col_int(q, c + 13);
	h->updated_at = OPS->col_int(q, c + 14);
	h->bank = col_str(st, q, c + 15, a);
	h->bank_account = col_str(st, q, c + 16, a);
}

void
read_member(struct store *st, struct stmt *q, int c, struct member *m, struct arena *a)
{
	m->id = OPS->col_int(q, c + 0);
	m->household_id = OPS->col_int(q, c + 1);
	m->id_no = col_str(st, q, c + 2, a);
	m->id_kind = (int)OPS->col_int(q, c + 3);
	m->name = col_str(st, q, c + 4, a);
	m->sex = col_str(st, q, c + 5, a);
	m->birth = col_int_or(st, q, c + 6, 0);
	m->relation = col_str(st, q, c + 7, a);
	m->ethnicity = col_str(st, q, c + 8, a);
	m->education = col_str(st, q, c + 9, a);
	m->schooling = col_str(st, q, c + 10, a);
	m->health = col_str(st, q, c + 11, a);
	m->labor = col_str(st, q, c + 12, a);
	m->work_status = col_str(st, q, c + 13, a);
	m->work_months = col_int_or(st, q, c + 14, -1);
	m->ins_medical = col_int_or(st, q, c + 15, -1);
	m->ins_serious = col_int_or(st, q, c + 16, -1);
	m->ins_pension = col_int_or(st, q, c + 17, -1);
	m->dibao = col_int_or(st, q, c + 18, -1);
	m->tekun = col_int_or(st, q, c + 19, -1);
	m->phone = col_str(st, q, c + 20, a);
	m->info_date = col_int_or(st, q, c + 21, 0);
}

void
read_audit_event(struct store *st, struct stmt *q, struct audit_row *r, struct arena *a)
{
	r->id = OPS->col_int(q, 0);
	r->at = OPS->col_int(q, 1);
	r->actor = col_str(st, q, 2, a);
	r->action = col_str(st, q, 3, a);
	r->object = col_str(st, q, 4, a);
	r->detail = col_str(st, q, 5, a);
	r->ip = col_str(st, q, 6, a);
}
