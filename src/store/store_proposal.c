/* store_proposal.c: workflows, proposals, their acts and household assessments (the statements are in stmt.c).
 * Proposals are scoped by their village like households: out of scope is ERR_NOTFOUND. The rules (which step,
 * which role, which date) are domain/proposal.c's; here only the guard that makes two acts on one version of a
 * proposal end with exactly one written. */
#include <stdio.h>
#include <string.h>

#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS (st->ops)

static struct sqlval
opt_text(const char *s)
{
	return s && *s ? SQL_TEXT(s) : SQL_NULL;
}

static struct sqlval
opt_int(int64_t v)
{
	return v ? SQL_INT(v) : SQL_NULL;
}

static struct sqlval
tri(int v)
{
	return v < 0 ? SQL_NULL : SQL_INT(v);
}

static int
col_tri(struct store *st, struct stmt *q, int i)
{
	return OPS->col_null(q, i) ? -1 : (int)OPS->col_int(q, i);
}

/* Grow an arena array by doubling. */
static void *
grow(struct arena *a, void *v, size_t *cap, size_t k, size_t size)
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

/* ---- workflows ---- */

static void
read_workflow(struct store *st, struct stmt *q, struct workflow_row *w, struct arena *a)
{
	w->id = OPS->col_int(q, 0);
	w->code = col_str(st, q, 1, a);
	w->version = (int)OPS->col_int(q, 2);
	w->name = col_str(st, q, 3, a);
	w->definition = col_str(st, q, 4, a);
	w->loaded_at = OPS->col_int(q, 5);
	w->loaded_by = col_str(st, q, 6, a);
}

enum err
store_workflow_insert(struct store *st, struct workflow_row *w, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_WORKFLOW_INSERT, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(w->code));
	OPS->bind(q, 2, SQL_TEXT(w->name));
	OPS->bind(q, 3, SQL_TEXT(w->definition));
	OPS->bind(q, 4, SQL_INT(w->loaded_at));
	OPS->bind(q, 5, SQL_TEXT(w->loaded_by));
	int r = OPS->step(q, e);
	if (r == 1) {
		w->id = OPS->col_int(q, 0);
		w->version = (int)OPS->col_int(q, 1);
	}
	OPS->reset(q);
	return r == 1 ? ERR_OK : ERR_DB;
}

enum err
store_workflow_get(struct store *st, int64_t id, struct workflow_row *w, struct arena *a, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_WORKFLOW_GET, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(id));
	int r = OPS->step(q, e);
	if (r == 1)
		read_workflow(st, q, w, a);
	OPS->reset(q);
	return r < 0 ? ERR_DB : r ? ERR_OK : ERR_NOTFOUND;
}

enum err
store_workflow_list(struct store *st, struct workflow_row **out, size_t *n, struct arena *a, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_WORKFLOW_LIST, e);
	if (!q)
		return ERR_DB;
	size_t cap = 0, k = 0;
	struct workflow_row *v = NULL;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		v = grow(a, v, &cap, k, sizeof(*v));
		read_workflow(st, q, &v[k++], a);
	}
	OPS->reset(q);
	*out = v;
	*n = k;
	return r < 0 ? ERR_DB : ERR_OK;
}

/* ---- proposals ---- */

static const char *const state_codes[] = { "open", "approved", "rejected" };

static void
read_proposal(struct store *st, struct stmt *q, struct proposal *p, struct arena *a)
{
	memset(p, 0, sizeof(*p));
	p->id = OPS->col_int(q, 0);
	p->type = col_str(st, q, 1, a);
	p->household_id = OPS->col_int(q, 2);
	p->village = OPS->col_int(q, 3);
	p->workflow_id = OPS->col_int(q, 4);
	const char *s = OPS->col_text(q, 5);
	p->state = PS_OPEN;
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, state_codes[i]) == 0)
			p->state = (enum proposal_state)i;
	p->step_no = (int)OPS->col_int(q, 6);
	p->step_since = (int)OPS->col_int(q, 7);
	p->effective = (int)OPS->col_int(q, 8);
	p->reason = col_str(st, q, 9, a);
	p->channel = col_str(st, q, 10, a);
	p->batch = col_str(st, q, 11, a);
	p->override = col_str(st, q, 12, a);
	p->check_result = col_str(st, q, 13, a);
	p->payload = col_str(st, q, 14, a);
	p->event_id = OPS->col_int(q, 15);
	p->opened = (int)OPS->col_int(q, 16);
	p->created_by = col_str(st, q, 17, a);
	p->created_at = OPS->col_int(q, 18);
	p->updated_at = OPS->col_int(q, 19);
	p->version = OPS->col_int(q, 20);
	p->hh_no = col_str(st, q, 21, a);
	p->head_name = col_str(st, q, 22, a);
}

enum err
store_proposal_insert(struct store *st, struct proposal *p, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_PROPOSAL_INSERT, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(p->type));
	OPS->bind(q, 2, opt_int(p->household_id));
	OPS->bind(q, 3, SQL_INT(p->village));
	OPS->bind(q, 4, SQL_INT(p->workflow_id));
	OPS->bind(q, 5, SQL_TEXT(state_codes[p->state]));
	OPS->bind(q, 6, SQL_INT(p->step_no));
	OPS->bind(q, 7, SQL_INT(p->step_since));
	OPS->bind(q, 8, SQL_INT(p->effective));
	OPS->bind(q, 9, opt_text(p->reason));
	OPS->bind(q, 10, opt_text(p->channel));
	OPS->bind(q, 11, opt_text(p->batch));
	OPS->bind(q, 12, opt_text(p->override));
	OPS->bind(q, 13, opt_text(p->check_result));
	OPS->bind(q, 14, opt_text(p->payload));
	OPS->bind(q, 15, opt_int(p->event_id));
	OPS->bind(q, 16, SQL_INT(p->opened));
	OPS->bind(q, 17, SQL_TEXT(p->created_by));
	OPS->bind(q, 18, SQL_INT(p->created_at));
	int r = OPS->step(q, e);
	if (r == 1)
		p->id = OPS->col_int(q, 0);
	OPS->reset(q);
	p->version = 1;
	return r == 1 ? ERR_OK : ERR_DB;
}

enum err
store_proposal_get(struct store *st, int64_t id, struct proposal *p, struct arena *a, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_PROPOSAL_GET, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(id));
	OPS->bind(q, 2, SQL_INT(st->scope_lo));
	OPS->bind(q, 3, SQL_INT(st->scope_hi));
	int r = OPS->step(q, e);
	if (r == 1)
		read_proposal(st, q, p, a);
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	if (r == 0) {
		char s[24];
		snprintf(s, sizeof(s), "%lld", (long long)id);
		return errinfo_set(e, ERR_NOTFOUND, "id", MSG_PROPOSAL_NOT_FOUND, s);
	}
	return ERR_OK;
}

enum err
store_proposal_update(struct store *st, struct proposal *p, int64_t expected, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_PROPOSAL_UPDATE, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(p->id));
	OPS->bind(q, 2, SQL_INT(expected));
	OPS->bind(q, 3, SQL_TEXT(state_codes[p->state]));
	OPS->bind(q, 4, SQL_INT(p->step_no));
	OPS->bind(q, 5, SQL_INT(p->step_since));
	OPS->bind(q, 6, opt_text(p->override));
	OPS->bind(q, 7, opt_text(p->check_result));
	OPS->bind(q, 8, opt_int(p->event_id));
	OPS->bind(q, 9, SQL_INT(p->updated_at));
	OPS->bind(q, 10, opt_int(p->household_id));   /* a new household's, once created */
	int r = OPS->step(q, e);
	if (r == 1)
		p->version = OPS->col_int(q, 0);
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	if (r == 0) {
		char s[24];
		snprintf(s, sizeof(s), "%lld", (long long)p->id);
		return errinfo_set(e, ERR_CONFLICT, "step", MSG_PROPOSAL_MOVED, s);
	}
	return ERR_OK;
}

enum err
store_proposal_open_for(struct store *st, int64_t household_id, int64_t village, int64_t *id, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, household_id ? STMT_PROPOSAL_OPEN_HH : STMT_PROPOSAL_OPEN_VILLAGE, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(household_id ? household_id : village));
	int r = OPS->step(q, e);
	*id = r == 1 ? OPS->col_int(q, 0) : 0;
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_proposal_list(struct store *st, const struct proposal_filter *f, struct proposal **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	int64_t lo = f->lo, hi = f->hi;
	*out = NULL;
	*n = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_PROPOSAL_LIST, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(lo));
	OPS->bind(q, 2, SQL_INT(hi));
	OPS->bind(q, 3, opt_text(f->state));
	OPS->bind(q, 4, opt_text(f->type));
	OPS->bind(q, 5, opt_text(f->batch));
	OPS->bind(q, 6, SQL_INT(f->household_id));
	OPS->bind(q, 7, SQL_INT(f->limit > 0 ? f->limit : 1000000));
	OPS->bind(q, 8, SQL_INT(f->offset));
	size_t cap = 0, k = 0;
	struct proposal *v = NULL;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		v = grow(a, v, &cap, k, sizeof(*v));
		read_proposal(st, q, &v[k++], a);
	}
	OPS->reset(q);
	*out = v;
	*n = k;
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_proposal_acts(struct store *st, int64_t proposal_id, struct proposal_act **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_PROPOSAL_ACTS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(proposal_id));
	size_t cap = 0, k = 0;
	struct proposal_act *v = NULL;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		v = grow(a, v, &cap, k, sizeof(*v));
		struct proposal_act *x = &v[k++];
		x->id = OPS->col_int(q, 0);
		x->proposal_id = OPS->col_int(q, 1);
		x->seq = (int)OPS->col_int(q, 2);
		x->step = col_str(st, q, 3, a);
		x->decision = col_str(st, q, 4, a);
		x->day = (int)OPS->col_int(q, 5);
		x->actor = col_str(st, q, 6, a);
		x->note = col_str(st, q, 7, a);
		x->votes_for = col_tri(st, q, 8);
		x->votes_against = col_tri(st, q, 9);
		x->votes_abstain = col_tri(st, q, 10);
		x->override = col_str(st, q, 11, a);
		x->recorded_at = OPS->col_int(q, 12);
	}
	OPS->reset(q);
	*out = v;
	*n = k;
	return r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_proposal_act_insert(struct store *st, struct proposal_act *x, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_PROPOSAL_ACT_INSERT, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(x->proposal_id));
	OPS->bind(q, 2, SQL_INT(x->seq));
	OPS->bind(q, 3, SQL_TEXT(x->step));
	OPS->bind(q, 4, SQL_TEXT(x->decision));
	OPS->bind(q, 5, SQL_INT(x->day));
	OPS->bind(q, 6, SQL_TEXT(x->actor));
	OPS->bind(q, 7, opt_text(x->note));
	OPS->bind(q, 8, tri(x->votes_for));
	OPS->bind(q, 9, tri(x->votes_against));
	OPS->bind(q, 10, tri(x->votes_abstain));
	OPS->bind(q, 11, opt_text(x->override));
	OPS->bind(q, 12, SQL_INT(x->recorded_at));
	int r = OPS->step(q, e);
	if (r == 1)
		x->id = OPS->col_int(q, 0);
	OPS->reset(q);
	return r == 1 ? ERR_OK : ERR_DB;
}

/* ---- assessments ---- */

enum err
store_assessment_insert(struct store *st, struct assessment *x, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_ASSESSMENT_INSERT, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(x->household_id));
	OPS->bind(q, 2, SQL_INT(x->day));
	OPS->bind(q, 3, SQL_TEXT(x->assessor));
	OPS->bind(q, 4, tri(x->food));
	OPS->bind(q, 5, tri(x->clothing));
	OPS->bind(q, 6, tri(x->education));
	OPS->bind(q, 7, tri(x->medical));
	OPS->bind(q, 8, opt_text(x->housing));
	OPS->bind(q, 9, tri(x->water));
	OPS->bind(q, 10, opt_text(x->notes));
	OPS->bind(q, 11, SQL_TEXT(x->recorded_by));
	OPS->bind(q, 12, SQL_INT(x->recorded_at));
	int r = OPS->step(q, e);
	if (r == 1)
		x->id = OPS->col_int(q, 0);
	OPS->reset(q);
	return r == 1 ? ERR_OK : ERR_DB;
}

enum err
store_assessments(struct store *st, int64_t household_id, struct assessment **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_ASSESSMENTS, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(household_id));
	size_t cap = 0, k = 0;
	struct assessment *v = NULL;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		v = grow(a, v, &cap, k, sizeof(*v));
		struct assessment *x = &v[k++];
		x->id = OPS->col_int(q, 0);
		x->household_id = OPS->col_int(q, 1);
		x->day = (int)OPS->col_int(q, 2);
		x->assessor = col_str(st, q, 3, a);
		x->food = col_tri(st, q, 4);
		x->clothing = col_tri(st, q, 5);
		x->education = col_tri(st, q, 6);
		x->medical = col_tri(st, q, 7);
		x->housing = col_str(st, q, 8, a);
		x->water = col_tri(st, q, 9);
		x->notes = col_str(st, q, 10, a);
		x->recorded_by = col_str(st, q, 11, a);
		x->recorded_at = OPS->col_int(q, 12);
	}
	OPS->reset(q);
	*out = v;
	*n = k;
	return r < 0 ? ERR_DB : ERR_OK;
}
