/* store_rows.c: running one statement, shared by the store's capability files: prepare with its values bound,
 * run once, read the one row or every row into an arena array. Each capability file keeps only its SQL's
 * columns (its readers) and its statement ids. */
#include <string.h>

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
	*v = 0;
	if (!q)
		return ERR_DB;
	int r = OPS->step(q, e);
	if (r == 1)
		*v = OPS->col_int(q, 0);
	OPS->reset(q);
	return r < 0 ? ERR_DB : r == 1 ? ERR_OK : ERR_NOTFOUND;
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
	return r < 0 ? ERR_DB : ERR_OK;
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
