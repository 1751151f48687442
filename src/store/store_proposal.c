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

static int
col_tri(struct store *st, struct stmt *q, int i)
{
	return OPS->col_null(q, i) ? -1 : (int)OPS->col_int(q, i);
}

/* ---- workflows ---- */

static void
read_workflow(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct workflow_row *w = row;
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
	struct stmt *q = STMT_BOUND(st, STMT_WORKFLOW_INSERT, e, SQL_TEXT(w->code), SQL_TEXT(w->name),
	    SQL_TEXT(w->definition), SQL_INT(w->loaded_at), SQL_TEXT(w->loaded_by));
	if (!q)
		return ERR_DB;
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
	return stmt_row(st, STMT_BOUND(st, STMT_WORKFLOW_GET, e, SQL_INT(id)), read_workflow, w, a, e);
}

enum err
store_workflow_list(struct store *st, struct workflow_row **out, size_t *n, struct arena *a, struct errinfo *e)
{
	return stmt_rows(st, OPS->prepare(st, STMT_WORKFLOW_LIST, e), sizeof(**out), read_workflow, out, n, a, e);
}

/* ---- proposals ---- */

static const char *const state_codes[] = { "open", "approved", "rejected" };

static void
read_proposal(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct proposal *p = row;
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
	p->version = 1;
	return stmt_insert(st,
	    STMT_BOUND(st, STMT_PROPOSAL_INSERT, e, SQL_TEXT(p->type), sql_opt_int(p->household_id), SQL_INT(p->village),
		SQL_INT(p->workflow_id), SQL_TEXT(state_codes[p->state]), SQL_INT(p->step_no), SQL_INT(p->step_since),
		SQL_INT(p->effective), sql_opt_text(p->reason), sql_opt_text(p->channel), sql_opt_text(p->batch),
		sql_opt_text(p->override), sql_opt_text(p->check_result), sql_opt_text(p->payload),
		sql_opt_int(p->event_id), SQL_INT(p->opened), SQL_TEXT(p->created_by), SQL_INT(p->created_at)),
	    &p->id, e);
}

enum err
store_proposal_get(struct store *st, int64_t id, struct proposal *p, struct arena *a, struct errinfo *e)
{
	enum err rc = stmt_row(st,
	    STMT_BOUND(st, STMT_PROPOSAL_GET, e, SQL_INT(id), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)), read_proposal,
	    p, a, e);
	if (rc == ERR_NOTFOUND) {
		char s[24];
		snprintf(s, sizeof(s), "%lld", (long long)id);
		return errinfo_set(e, ERR_NOTFOUND, "id", MSG_PROPOSAL_NOT_FOUND, s);
	}
	return rc;
}

enum err
store_proposal_update(struct store *st, struct proposal *p, int64_t expected, struct errinfo *e)
{
	/* $10: a new household's id, once created */
	struct stmt *q = STMT_BOUND(st, STMT_PROPOSAL_UPDATE, e, SQL_INT(p->id), SQL_INT(expected),
	    SQL_TEXT(state_codes[p->state]), SQL_INT(p->step_no), SQL_INT(p->step_since), sql_opt_text(p->override),
	    sql_opt_text(p->check_result), sql_opt_int(p->event_id), SQL_INT(p->updated_at), sql_opt_int(p->household_id));
	if (!q)
		return ERR_DB;
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
	enum err rc = stmt_int(st, STMT_BOUND(st, household_id ? STMT_PROPOSAL_OPEN_HH : STMT_PROPOSAL_OPEN_VILLAGE, e,
	    SQL_INT(household_id ? household_id : village)), id, e);
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
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
	struct stmt *q = STMT_BOUND(st, STMT_PROPOSAL_LIST, e, SQL_INT(lo), SQL_INT(hi), sql_opt_text(f->state),
	    sql_opt_text(f->type), sql_opt_text(f->batch), SQL_INT(f->household_id),
	    SQL_INT(f->limit > 0 ? f->limit : 1000000), SQL_INT(f->offset));
	return stmt_rows(st, q, sizeof(**out), read_proposal, out, n, a, e);
}

static void
read_act(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct proposal_act *x = row;
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

enum err
store_proposal_acts(struct store *st, int64_t proposal_id, struct proposal_act **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_PROPOSAL_ACTS, e, SQL_INT(proposal_id)), sizeof(**out), read_act, out, n,
	    a, e);
}


enum err
store_proposal_act_insert(struct store *st, struct proposal_act *x, struct errinfo *e)
{
	return stmt_insert(st,
	    STMT_BOUND(st, STMT_PROPOSAL_ACT_INSERT, e, SQL_INT(x->proposal_id), SQL_INT(x->seq), SQL_TEXT(x->step),
		SQL_TEXT(x->decision), SQL_INT(x->day), SQL_TEXT(x->actor), sql_opt_text(x->note), sql_tri(x->votes_for),
		sql_tri(x->votes_against), sql_tri(x->votes_abstain), sql_opt_text(x->override), SQL_INT(x->recorded_at)),
	    &x->id, e);
}

/* ---- assessments ---- */

enum err
store_assessment_insert(struct store *st, struct assessment *x, struct errinfo *e)
{
	return stmt_insert(st,
	    STMT_BOUND(st, STMT_ASSESSMENT_INSERT, e, SQL_INT(x->household_id), SQL_INT(x->day), SQL_TEXT(x->assessor),
		sql_tri(x->food), sql_tri(x->clothing), sql_tri(x->education), sql_tri(x->medical),
		sql_opt_text(x->housing), sql_tri(x->water), sql_opt_text(x->notes), SQL_TEXT(x->recorded_by),
		SQL_INT(x->recorded_at)),
	    &x->id, e);
}

static void
read_assessment(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct assessment *x = row;
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

enum err
store_assessments(struct store *st, int64_t household_id, struct assessment **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_ASSESSMENTS, e, SQL_INT(household_id)), sizeof(**out), read_assessment,
	    out, n, a, e);
}
