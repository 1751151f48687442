/* store_supervision.c: the counts of supervision cases and complaints (the rows themselves are read and
 * written by store_assistance.c like every other record). Scoped by each case's or complaint's division. */
#include <string.h>

#include "store/store.h"
#include "store/store_impl.h"

#define OPS (st->ops)

enum err
store_cases_by_category(struct store *st, int from, int to, int64_t lo, int64_t hi, struct case_cell **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = STMT_BOUND(st, STMT_SV_CASES, e, SQL_INT(from), SQL_INT(to), SQL_INT(lo), SQL_INT(hi));
	if (!q)
		return ERR_DB;
	struct case_cell tmp[64];
	size_t k = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1)
		if (k < sizeof(tmp) / sizeof(tmp[0])) {
			tmp[k].category = col_str(st, q, 0, a);
			tmp[k].cases = OPS->col_int(q, 1);
			tmp[k].persons = OPS->col_int(q, 2);
			k++;
		}
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	*out = arena_alloc(a, (k ? k : 1) * sizeof(**out));
	memcpy(*out, tmp, k * sizeof(**out));
	*n = k;
	return ERR_OK;
}

enum err
store_complaint_counts(struct store *st, int from, int to, int64_t lo, int64_t hi, struct complaint_counts *c,
    struct errinfo *e)
{
	memset(c, 0, sizeof(*c));
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	int64_t v[4];
	enum err rc = stmt_ints(st, STMT_BOUND(st, STMT_SV_COMPLAINTS, e, SQL_INT(from), SQL_INT(to), SQL_INT(lo),
	    SQL_INT(hi)), v, 4, e);
	c->received = v[0];
	c->answered = v[1];
	c->open = v[2];
	c->overdue = v[3];
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}
