/* store_check.c: data quality in the store: the set-based rules (one statement each, streamed to a callback),
 * the runs of `tuopin check`, the findings they keep and their history, and campaigns. Every read of
 * findings is limited to the scope by the finding's village; rules read only households in the scope. */
#include <stdio.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS st->ops

/* ---- set-based rules ---- */

static const enum stmt_id rule_stmt[SQLR__MAX] = {
	[SQLR_MEMBERS_NONE] = STMT_RULE_MEMBERS_NONE,
	[SQLR_EXIT_YEAR] = STMT_RULE_EXIT_YEAR,
	[SQLR_INCOME_LATEST] = STMT_RULE_INCOME_LATEST,
	[SQLR_INCOME_ITEMS] = STMT_RULE_INCOME_ITEMS,
};

/* The columns every rule statement and the not-on-roll statements give (stmt.c: RULE_HH ...). */
void
read_rule_row(struct store *st, struct stmt *q, struct rule_row *r)
{
	memset(r, 0, sizeof(*r));
	r->household_id = OPS->col_int(q, 0);
	r->hh_no = OPS->col_text(q, 1);
	r->village = OPS->col_int(q, 2);
	r->status = ST_NONE;
	status_from_code(OPS->col_text(q, 3), &r->status);
	r->monitored = OPS->col_int(q, 4) != 0;
	r->member_id = OPS->col_int(q, 5);
	r->name = OPS->col_text(q, 6);
	r->id_no = OPS->col_text(q, 7);
	r->sex = OPS->col_text(q, 8);
	for (int i = 0; i < 8; i++) {
		r->null[i] = OPS->col_null(q, 9 + i);
		r->v[i] = OPS->col_int(q, 9 + i);
	}
	r->t = OPS->col_text(q, 17);
}

/* each_rule_row's callback and its context, for stmt_each */
struct rule_each {
	rule_row_fn fn;
	void *ctx;
};

static int
rule_row_each(struct store *st, struct stmt *q, void *ctx)
{
	/* PostgreSQL hands out text that lives with the result; SQLite's until the next step: the callback
	 * copies what it keeps. */
	struct rule_each *x = ctx;
	struct rule_row row;
	read_rule_row(st, q, &row);
	return x->fn(x->ctx, &row);
}

enum err
each_rule_row(struct store *st, struct stmt *q, rule_row_fn fn, void *ctx, struct errinfo *e)
{
	struct rule_each x = { fn, ctx };
	return stmt_each(st, q, rule_row_each, &x, e);
}

enum err
store_rule_rows(struct store *st, enum sql_rule which, int day, int year, int64_t lo, int64_t hi, rule_row_fn fn,
    void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, rule_stmt[which], e);
	if (!q)
		return ERR_DB;
	int k = 1;
	OPS->bind(q, k++, SQL_INT(day));
	if (which == SQLR_INCOME_LATEST || which == SQLR_INCOME_ITEMS)
		OPS->bind(q, k++, SQL_INT(year));
	OPS->bind(q, k++, SQL_INT(lo));
	OPS->bind(q, k++, SQL_INT(hi));
	return each_rule_row(st, q, fn, ctx, e);
}

enum err
store_household_village_span(struct store *st, int64_t lo, int64_t hi, int64_t *min, int64_t *max, struct errinfo *e)
{
	*min = *max = 0;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	int64_t v[2];
	enum err rc = stmt_ints(st, STMT_BOUND(st, STMT_HH_VILLAGE_SPAN, e, SQL_INT(lo), SQL_INT(hi)), v, 2, e);
	*min = v[0];
	*max = v[1];
	return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
store_member_present(struct store *st, int64_t member_id, int day, bool *present, struct errinfo *e)
{
	return stmt_exists(st, STMT_BOUND(st, STMT_MEMBER_PRESENT, e, SQL_INT(member_id), SQL_INT(day)), present, e);
}

/* ---- runs ---- */

enum err
store_run_insert(struct store *st, struct check_run_row *r, struct errinfo *e)
{
	return stmt_insert(st, STMT_BOUND(st, STMT_RUN_INSERT, e, SQL_INT(r->as_of), SQL_INT(r->division),
	    SQL_TEXT(r->rules), SQL_TEXT(r->actor), SQL_INT(r->started_at)), &r->id, e);
}

enum err
store_run_finish(struct store *st, const struct check_run_row *r, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_RUN_FINISH, e, SQL_INT(r->id), SQL_INT(r->finished_at),
	    SQL_INT(r->households), SQL_INT(r->members), SQL_INT(r->opened), SQL_INT(r->reopened), SQL_INT(r->closed),
	    SQL_INT(r->still_open)), e);
}

static void
read_run(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct check_run_row *r = row;
	r->id = OPS->col_int(q, 0);
	r->as_of = (int)OPS->col_int(q, 1);
	r->division = OPS->col_int(q, 2);
	r->rules = col_str(st, q, 3, a);
	r->actor = col_str(st, q, 4, a);
	r->started_at = OPS->col_int(q, 5);
	r->finished_at = OPS->col_int(q, 6);
	r->households = OPS->col_int(q, 7);
	r->members = OPS->col_int(q, 8);
	r->opened = OPS->col_int(q, 9);
	r->reopened = OPS->col_int(q, 10);
	r->closed = OPS->col_int(q, 11);
	r->still_open = OPS->col_int(q, 12);
}

enum err
store_run_latest(struct store *st, int64_t lo, int64_t hi, struct check_run_row *r, struct arena *a,
    struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_NOTFOUND;
	return stmt_row(st, STMT_BOUND(st, STMT_RUN_LATEST, e, SQL_INT(lo), SQL_INT(hi)), read_run, r, a, e);
}

/* ---- findings ---- */

static const char *const state_codes[FS__MAX] = { [FS_OPEN] = "open", [FS_FIXED] = "fixed", [FS_WAIVED] = "waived" };

const char *
finding_state_code(enum finding_state s)
{
	return s < FS__MAX ? state_codes[s] : "";
}

bool
finding_state_from_code(const char *s, enum finding_state *out)
{
	for (int i = 0; s && i < FS__MAX; i++)
		if (strcmp(s, state_codes[i]) == 0) {
			*out = (enum finding_state)i;
			return true;
		}
	return false;
}

/* stmt.c's F_COLS */
static void
read_finding(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct finding_row *f = row;
	memset(f, 0, sizeof(*f));
	f->id = OPS->col_int(q, 0);
	f->rule = col_str(st, q, 1, a);
	f->subject = col_str(st, q, 2, a);
	f->household_id = OPS->col_int(q, 3);
	f->member_id = OPS->col_int(q, 4);
	f->village = OPS->col_int(q, 5);
	f->source = col_str(st, q, 6, a);
	f->list_id = OPS->col_int(q, 7);
	f->message_zh = col_str(st, q, 8, a);
	f->message_en = col_str(st, q, 9, a);
	f->evidence = col_str(st, q, 10, a);
	f->fact = col_str(st, q, 11, a);
	f->state = FS_OPEN;
	finding_state_from_code(OPS->col_text(q, 12), &f->state);
	f->waiver_pending = OPS->col_int(q, 13) != 0;
	f->waiver_reason = col_str(st, q, 14, a);
	f->waiver_by = col_str(st, q, 15, a);
	f->waiver_at = OPS->col_int(q, 16);
	f->first_run = OPS->col_int(q, 17);
	f->last_run = OPS->col_int(q, 18);
	f->opened_at = OPS->col_int(q, 19);
	f->closed_at = OPS->col_int(q, 20);
	f->fix_kind = col_str(st, q, 21, a);
	f->fix_ref = OPS->col_int(q, 22);
	f->updated_at = OPS->col_int(q, 23);
	f->hh_no = col_str(st, q, 24, a);
	f->member_name = col_str(st, q, 25, a);
	f->member_id_no = col_str(st, q, 26, a);
	f->list_deleted = OPS->col_int(q, 27) != 0;
}

enum err
store_findings_each(struct store *st, int64_t lo, int64_t hi, finding_row_fn fn, void *ctx, struct errinfo *e)
{
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_FINDINGS_EACH, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_INT(lo));
	OPS->bind(q, 2, SQL_INT(hi));
	struct arena a;
	arena_init(&a);
	int r, stop = 0;
	while (!stop && (r = OPS->step(q, e)) == 1) {
		struct finding_row f;
		read_finding(st, q, &f, &a);
		stop = fn(ctx, &f);
		if (a.total > (1u << 20))
			arena_free(&a);
	}
	OPS->reset(q);
	arena_free(&a);
	return !stop && r < 0 ? ERR_DB : ERR_OK;
}

enum err
store_findings_close(struct store *st, const struct finding_close *c, int64_t *closed, struct errinfo *e)
{
	static const enum stmt_id ids[] = { STMT_FINDINGS_CLOSE_COUNT, STMT_FINDINGS_CLOSE_EVENTS, STMT_FINDINGS_CLOSE };
	static const int nparams[] = { 7, 9, 8 };
	*closed = 0;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct stmt *q = OPS->prepare(st, ids[i], e);
		if (!q)
			return ERR_DB;
		struct sqlval v[9] = { SQL_INT(c->lo), SQL_INT(c->hi), SQL_INT(c->root), SQL_INT(c->run), SQL_TEXT(c->rules_json),
			SQL_TEXT(c->history_json), SQL_INT(c->day), SQL_INT(c->at), SQL_TEXT(c->actor) };
		for (int k = 0; k < nparams[i]; k++)
			OPS->bind(q, k + 1, v[k]);
		if (i == 0) {
			int r = OPS->step(q, e);
			if (r == 1)
				*closed = OPS->col_int(q, 0);
			OPS->reset(q);
			if (r < 0)
				return ERR_DB;
			if (*closed == 0)
				return ERR_OK;
		} else if (stmt_exec(st, q, e) != ERR_OK)
			return ERR_DB;
	}
	return ERR_OK;
}

enum err
store_finding_insert(struct store *st, struct finding_row *f, struct errinfo *e)
{
	return stmt_insert(st, STMT_BOUND(st, STMT_FINDING_INSERT, e, SQL_TEXT(f->rule), SQL_TEXT(f->subject),
	    sql_opt_int(f->household_id), sql_opt_int(f->member_id), SQL_INT(f->village), SQL_TEXT(f->source),
	    sql_opt_int(f->list_id), SQL_TEXT(f->message_zh), SQL_TEXT(f->message_en), sql_opt_text(f->evidence),
	    SQL_TEXT(f->fact), SQL_TEXT(finding_state_code(f->state)), SQL_INT(f->waiver_pending),
	    sql_opt_text(f->waiver_reason), sql_opt_text(f->waiver_by), sql_opt_int(f->waiver_at),
	    SQL_INT(f->first_run), SQL_INT(f->last_run), SQL_INT(f->opened_at), sql_opt_int(f->closed_at),
	    sql_opt_text(f->fix_kind), sql_opt_int(f->fix_ref), SQL_INT(f->updated_at)), &f->id, e);
}

enum err
store_finding_update(struct store *st, const struct finding_row *f, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_FINDING_UPDATE, e, SQL_INT(f->id), sql_opt_int(f->household_id),
	    sql_opt_int(f->member_id), SQL_INT(f->village), sql_opt_int(f->list_id), SQL_TEXT(f->message_zh),
	    SQL_TEXT(f->message_en), sql_opt_text(f->evidence), SQL_TEXT(f->fact),
	    SQL_TEXT(finding_state_code(f->state)), SQL_INT(f->waiver_pending), sql_opt_text(f->waiver_reason),
	    sql_opt_text(f->waiver_by), sql_opt_int(f->waiver_at), SQL_INT(f->last_run), sql_opt_int(f->closed_at),
	    sql_opt_text(f->fix_kind), sql_opt_int(f->fix_ref), SQL_INT(f->updated_at)), e);
}

enum err
store_finding_get(struct store *st, int64_t id, struct finding_row *f, struct arena *a, struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_FINDING_GET, e, SQL_INT(id), SQL_INT(st->scope_lo), SQL_INT(st->scope_hi)),
	    read_finding, f, a, e);
}

enum err
store_finding_by_subject(struct store *st, const char *rule, const char *subject, struct finding_row *f,
    struct arena *a, struct errinfo *e)
{
	return stmt_row(st, STMT_BOUND(st, STMT_FINDING_BY_SUBJECT, e, SQL_TEXT(rule), SQL_TEXT(subject)), read_finding, f,
	    a, e);
}

enum err
store_finding_event_add(struct store *st, const struct finding_event_row *ev, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_FINDING_EVENT_ADD, e, SQL_INT(ev->finding_id), SQL_INT(ev->at),
	    SQL_TEXT(ev->actor), SQL_TEXT(ev->action), sql_opt_text(ev->note), sql_opt_int(ev->run_id),
	    sql_opt_text(ev->ref_kind), sql_opt_int(ev->ref_id)), e);
}

static void
read_event(struct store *st, struct stmt *q, void *row, struct arena *a)
{
	struct finding_event_row *ev = row;
	ev->id = OPS->col_int(q, 0);
	ev->finding_id = OPS->col_int(q, 1);
	ev->at = OPS->col_int(q, 2);
	ev->actor = col_str(st, q, 3, a);
	ev->action = col_str(st, q, 4, a);
	ev->note = col_str(st, q, 5, a);
	ev->run_id = OPS->col_int(q, 6);
	ev->ref_kind = col_str(st, q, 7, a);
	ev->ref_id = OPS->col_int(q, 8);
}

enum err
store_finding_events(struct store *st, int64_t finding_id, struct finding_event_row **out, size_t *n,
    struct arena *a, struct errinfo *e)
{
	return stmt_rows(st, STMT_BOUND(st, STMT_FINDING_EVENTS, e, SQL_INT(finding_id)), sizeof(**out), read_event, out,
	    n, a, e);
}

/* Bind F_WHERE's $1..$8 from f (already clipped to the scope). */
static void
bind_filter(struct store *st, struct stmt *q, const struct finding_filter *f, int64_t lo, int64_t hi)
{
	OPS->bind(q, 1, SQL_INT(lo));
	OPS->bind(q, 2, SQL_INT(hi));
	OPS->bind(q, 3, f->state >= 0 ? SQL_TEXT(finding_state_code((enum finding_state)f->state)) : SQL_NULL);
	OPS->bind(q, 4, SQL_INT(f->pending));
	OPS->bind(q, 5, SQL_TEXT(f->rules_json));
	OPS->bind(q, 6, SQL_INT(f->household_id));
	OPS->bind(q, 7, SQL_INT(f->closed_since));
	OPS->bind(q, 8, SQL_INT(f->opened_before));
}

enum err
store_finding_list(struct store *st, const struct finding_filter *f, struct finding_row **out, size_t *n,
    int64_t *total, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	int64_t lo = f->lo, hi = f->hi;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	bool began = read_begin(st, e);
	enum err rc = ERR_OK;
	struct stmt *q = OPS->prepare(st, STMT_FINDING_LIST_COUNT, e);
	if (!q)
		rc = ERR_DB;
	if (rc == ERR_OK) {
		bind_filter(st, q, f, lo, hi);
		int r = OPS->step(q, e);
		if (r == 1)
			*total = OPS->col_int(q, 0);
		OPS->reset(q);
		if (r < 0)
			rc = ERR_DB;
	}
	if (rc == ERR_OK && !(q = OPS->prepare(st, STMT_FINDING_LIST, e)))
		rc = ERR_DB;
	if (rc == ERR_OK) {
		bind_filter(st, q, f, lo, hi);
		OPS->bind(q, 9, SQL_INT(f->limit > 0 ? f->limit : 1000000000));
		OPS->bind(q, 10, SQL_INT(f->offset));
		rc = stmt_rows(st, q, sizeof(**out), read_finding, out, n, a, e);
	}
	read_end(st, began);
	return rc;
}

enum err
store_finding_counts(struct store *st, const struct finding_filter *f, bool by_rule, struct finding_count **out,
    size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	int64_t lo = f->lo, hi = f->hi;
	if (!scope_clip(st, &lo, &hi))
		return ERR_OK;
	struct stmt *q = OPS->prepare(st, by_rule ? STMT_FINDING_COUNTS_RULE : STMT_FINDING_COUNTS_VILLAGE, e);
	if (!q)
		return ERR_DB;
	bind_filter(st, q, f, lo, hi);
	size_t cap = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		*out = arena_grow(a, *out, &cap, *n, sizeof(**out));
		struct finding_count *c = &(*out)[(*n)++];
		memset(c, 0, sizeof(*c));
		if (by_rule)
			c->rule = col_str(st, q, 0, a);
		else
			c->village = OPS->col_int(q, 0);
		finding_state_from_code(OPS->col_text(q, 1), &c->state);
		c->pending = OPS->col_int(q, 2) != 0;
		c->n = OPS->col_int(q, 3);
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

/* ---- campaigns ---- */

static void
read_campaign(struct store *st, struct stmt *q, struct campaign_row *c, struct arena *a)
{
	c->id = OPS->col_int(q, 0);
	c->name = col_str(st, q, 1, a);
	c->rules = col_str(st, q, 2, a);
	c->division = OPS->col_int(q, 3);
	c->start = (int)OPS->col_int(q, 4);
	c->deadline = col_int_or(st, q, 5, 0);
	c->created_by = col_str(st, q, 6, a);
	c->created_at = OPS->col_int(q, 7);
	c->closed_at = OPS->col_null(q, 8) ? 0 : OPS->col_int(q, 8);
	c->closed_by = col_str(st, q, 9, a);
	c->closed_note = col_str(st, q, 10, a);
	c->closed_counts = col_str(st, q, 11, a);
}

/* A campaign is seen by those whose scope lies within its divisions or takes them in. */
static bool
campaign_in_scope(const struct store *st, int64_t division)
{
	int64_t lo, hi;
	division_range(division, &lo, &hi);
	return lo <= st->scope_hi && hi >= st->scope_lo;
}

enum err
store_campaign_insert(struct store *st, struct campaign_row *c, struct errinfo *e)
{
	return stmt_insert(st, STMT_BOUND(st, STMT_CAMPAIGN_INSERT, e, SQL_TEXT(c->name), SQL_TEXT(c->rules),
	    SQL_INT(c->division), SQL_INT(c->start), sql_opt_int(c->deadline), SQL_TEXT(c->created_by),
	    SQL_INT(c->created_at)), &c->id, e);
}

enum err
store_campaign_close(struct store *st, const struct campaign_row *c, struct errinfo *e)
{
	return stmt_exec(st, STMT_BOUND(st, STMT_CAMPAIGN_CLOSE, e, SQL_INT(c->id), SQL_INT(c->closed_at),
	    SQL_TEXT(c->closed_by), sql_opt_text(c->closed_note), SQL_TEXT(c->closed_counts)), e);
}

enum err
store_campaign_by_name(struct store *st, const char *name, bool scoped, struct campaign_row *c,
    struct arena *a, struct errinfo *e)
{
	struct stmt *q = OPS->prepare(st, STMT_CAMPAIGN_BY_NAME, e);
	if (!q)
		return ERR_DB;
	OPS->bind(q, 1, SQL_TEXT(name));
	int r = OPS->step(q, e);
	if (r == 1)
		read_campaign(st, q, c, a);
	OPS->reset(q);
	if (r < 0)
		return ERR_DB;
	return r == 1 && (!scoped || campaign_in_scope(st, c->division)) ? ERR_OK : ERR_NOTFOUND;
}

enum err
store_campaign_list(struct store *st, struct campaign_row **out, size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	struct stmt *q = OPS->prepare(st, STMT_CAMPAIGN_LIST, e);
	if (!q)
		return ERR_DB;
	size_t cap = 0;
	int r;
	while ((r = OPS->step(q, e)) == 1) {
		struct campaign_row c;
		read_campaign(st, q, &c, a);
		if (!campaign_in_scope(st, c.division))
			continue;
		*out = arena_grow(a, *out, &cap, *n, sizeof(**out));
		(*out)[(*n)++] = c;
	}
	OPS->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}
