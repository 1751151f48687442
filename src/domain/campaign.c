/* campaign.c: creating campaigns and their boards. A campaign's findings are those of its rules in its
 * divisions that were open at some time since its start: still open, or closed (fixed or waived) since. */
#include "domain/campaign.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/import.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

enum err
campaign_create(struct store *st, const struct finding_actor *by, const struct campaign_req *q,
    struct campaign_row *out, struct arena *a, struct errinfo *e)
{
	if (by->level && by->level > LV_TOWN)
		return errinfo_set(e, ERR_FORBIDDEN, "", MSG_FORBIDDEN, msg_lang() == LANG_EN ? "village" : "村级");
	struct str name = str_trim(str_from(q->name ? q->name : ""));
	if (name.n == 0)
		return errinfo_set(e, ERR_INVALID, "name", MSG_REQUIRED);
	if (utf8_len(name.p, name.n) > 60)
		return errinfo_set(e, ERR_INVALID, "name", MSG_TOO_LONG, 60);
	for (size_t i = 0; i < name.n; i++) {
		if ((unsigned char)name.p[i] < 0x20)
			return errinfo_set(e, ERR_INVALID, "name", MSG_CONTROL_CHAR);
		/* the name is the campaign's address (/api/campaigns/NAME): a slash made one no page could open */
		if (name.p[i] == '/' || name.p[i] == '\\')
			return errinfo_set(e, ERR_INVALID, "name", MSG_NAME_SLASH);
	}
	int rl[R__MAX];
	size_t n;
	enum err rc = check_parse_rules(q->rules, rl, &n, e);
	if (rc != ERR_OK)
		return rc;
	if (n == 0)
		return errinfo_set(e, ERR_INVALID, "rules", MSG_CAMPAIGN_RULES);
	int start = q->start ? q->start : date_today();
	char d1[11], d2[11];
	if (q->deadline && q->deadline < start)
		return errinfo_set(e, ERR_INVALID, "deadline", MSG_CAMPAIGN_DEADLINE, date_format(q->deadline, d1),
		    date_format(start, d2));
	struct txn t;
	if ((rc = txn_begin(&t, st, by->now, by->name, e)) != ERR_OK)
		return rc;
	t.ip = by->ip;
	struct campaign_row c = { 0 }, old;
	c.name = arena_strndup(a, name.p, name.n);
	rc = store_campaign_by_name(st, c.name, false, &old, a, e);
	if (rc == ERR_OK) {
		/* one outside the user's divisions is not named as existing (a campaign there is "not found" to a
		 * read): the name is not available here, and the attempt is recorded, as a 户编号 held elsewhere */
		struct campaign_row mine;
		enum err sc = store_campaign_by_name(st, c.name, true, &mine, a, e);
		if (sc == ERR_OK)
			rc = errinfo_set(e, ERR_CONFLICT, "name", MSG_CAMPAIGN_EXISTS, c.name);
		else if (sc == ERR_NOTFOUND) {
			rc = errinfo_set(e, ERR_CONFLICT, "name", MSG_CAMPAIGN_NOT_AVAILABLE, c.name);
			txn_rollback(&t);
			struct errinfo ae;
			audit_view(st, by->name, by->ip, "write.out_of_scope", "campaigns", "{\"column\":\"name\"}", &ae);
			return rc;
		} else
			rc = sc;
	} else if (rc == ERR_NOTFOUND)
		rc = ERR_OK;
	if (rc != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "," : "", rules[rl[i]].code);
	c.rules = arena_strdup(a, b.p);
	buf_free(&b);
	c.division = check_division(st, q->division);
	c.start = start;
	c.deadline = q->deadline;
	c.created_by = (char *)t.actor;
	c.created_at = t.now;
	rc = store_campaign_insert(st, &c, e);
	if (rc == ERR_OK) {
		json_t *j = json_pack("{s:s, s:s, s:I, s:s, s:s?}", "name", c.name, "rules", c.rules, "division",
		    (json_int_t)c.division, "start", date_format(c.start, d1), "deadline",
		    c.deadline ? date_format(c.deadline, d2) : NULL);
		char *detail = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		char obj[32];
		snprintf(obj, sizeof(obj), "campaign:%lld", (long long)c.id);
		rc = txn_audit(&t, "campaign.create", obj, detail, e);
		free(detail);
	}
	if (rc != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	if (out)
		*out = c;
	return ERR_OK;
}

/* The findings filter of a campaign, in the reader's scope. */
static void
filter_of(const struct campaign_board *b, struct finding_filter *f, struct arena *a)
{
	memset(f, 0, sizeof(*f));
	division_range(b->c.division, &f->lo, &f->hi);
	f->state = -1;
	json_t *arr = json_array();
	for (size_t i = 0; i < b->n_rules; i++)
		json_array_append_new(arr, json_string(rules[b->rules[i]].code));
	char *s = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	f->rules_json = arena_strdup(a, s);
	free(s);
	f->closed_since = stamp_day_start(b->c.start);
	f->opened_before = b->c.closed_at;
}

/* The rules of b's campaign (a rule that no longer exists counts for nothing). */
static void
board_rules(struct campaign_board *b)
{
	struct errinfo ee;
	int rl[R__MAX];
	size_t n = 0;
	if (check_parse_rules(b->c.rules, rl, &n, &ee) != ERR_OK)
		n = 0;
	memcpy(b->rules, rl, n * sizeof(*rl));
	b->n_rules = n;
}

/* A closed campaign's counts as kept (0027_campaign_close.sql), those of villages in the reader's scope. */
static void
kept_counts(struct store *st, const char *json, struct finding_count **out, size_t *n, struct arena *a)
{
	*out = NULL;
	*n = 0;
	json_t *j = json ? json_loads(json, 0, NULL) : NULL;
	size_t i;
	json_t *x;
	*out = arena_alloc(a, (json_array_size(j) + 1) * sizeof(**out));
	json_array_foreach(j, i, x) {
		struct finding_count c = { .village = json_integer_value(json_array_get(x, 0)),
			.pending = json_integer_value(json_array_get(x, 2)) != 0,
			.n = json_integer_value(json_array_get(x, 3)) };
		if (!finding_state_from_code(json_string_value(json_array_get(x, 1)), &c.state) ||
		    !store_in_scope(st, c.village))
			continue;
		(*out)[(*n)++] = c;
	}
	json_decref(j);
}

enum err
campaign_batch_open(struct store *st, const char *batch, struct errinfo *e)
{
	if (!batch || !*batch)
		return ERR_OK;
	struct arena a;
	arena_init(&a);
	struct campaign_row c;
	struct errinfo e2;
	errinfo_clear(&e2);
	enum err rc = store_campaign_by_name(st, batch, false, &c, &a, &e2);
	char d[11];
	if (rc == ERR_NOTFOUND || (rc == ERR_OK && !c.closed_at))
		rc = ERR_OK;   /* a batch of no campaign, or of an open one */
	else if (rc == ERR_OK)
		rc = errinfo_set(e, ERR_CONFLICT, "batch", MSG_CAMPAIGN_BATCH_CLOSED, c.name,
		    date_format(stamp_date(c.closed_at), d));
	else if (e)
		*e = e2;
	arena_free(&a);
	return rc;
}

enum err
campaign_close(struct store *st, const struct finding_actor *by, const char *name, const char *note,
    struct errinfo *e)
{
	if (by->level && by->level > LV_TOWN)
		return errinfo_set(e, ERR_FORBIDDEN, "", MSG_FORBIDDEN, msg_lang() == LANG_EN ? "village" : "村级");
	struct str nt = str_trim(str_from(note ? note : ""));
	if (utf8_len(nt.p, nt.n) > 200)
		return errinfo_set(e, ERR_INVALID, "note", MSG_TOO_LONG, 200);
	for (size_t i = 0; i < nt.n; i++)
		if ((unsigned char)nt.p[i] < 0x20)
			return errinfo_set(e, ERR_INVALID, "note", MSG_CONTROL_CHAR);
	struct arena a;
	arena_init(&a);
	struct txn t;
	enum err rc = txn_begin(&t, st, by->now, by->name, e);
	if (rc != ERR_OK) {
		arena_free(&a);
		return rc;
	}
	t.ip = by->ip;
	struct campaign_board b = { 0 };
	rc = store_campaign_by_name(st, name ? name : "", true, &b.c, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_CAMPAIGN_NOT_FOUND, name ? name : "");
	char d[11];
	int64_t lo, hi;
	division_range(b.c.division, &lo, &hi);
	if (rc == ERR_OK && b.c.closed_at)
		rc = errinfo_set(e, ERR_CONFLICT, "name", MSG_CAMPAIGN_CLOSED, b.c.name, date_format(stamp_date(b.c.closed_at), d));
	else if (rc == ERR_OK && !(store_in_scope(st, lo) && store_in_scope(st, hi)))
		rc = errinfo_set(e, ERR_FORBIDDEN, "name", MSG_CAMPAIGN_NOT_YOURS, b.c.name);
	/* the board as it stands: every finding of the campaign (the closer's divisions hold them all) */
	struct finding_count *cv = NULL;
	size_t nc = 0;
	if (rc == ERR_OK) {
		board_rules(&b);
		struct finding_filter f;
		filter_of(&b, &f, &a);
		if (b.n_rules)
			rc = store_finding_counts(st, &f, false, &cv, &nc, &a, e);
	}
	if (rc == ERR_OK) {
		json_t *counts = json_array();
		json_int_t open = 0, fixed = 0, waived = 0;
		for (size_t i = 0; i < nc; i++) {
			json_array_append_new(counts, json_pack("[I, s, i, I]", (json_int_t)cv[i].village,
			    finding_state_code(cv[i].state), cv[i].pending ? 1 : 0, (json_int_t)cv[i].n));
			*(cv[i].state == FS_OPEN ? &open : cv[i].state == FS_FIXED ? &fixed : &waived) += cv[i].n;
		}
		char *cj = json_dumps(counts, JSON_COMPACT);
		json_decref(counts);
		b.c.closed_at = t.now;
		b.c.closed_by = (char *)t.actor;
		b.c.closed_note = nt.n ? arena_strndup(&a, nt.p, nt.n) : NULL;
		b.c.closed_counts = cj;
		rc = store_campaign_close(st, &b.c, e);
		free(cj);
		if (rc == ERR_OK) {
			json_t *j = json_pack("{s:s, s:s?, s:I, s:I, s:I}", "name", b.c.name, "note", b.c.closed_note, "open",
			    open, "fixed", fixed, "waived", waived);
			char *detail = json_dumps(j, JSON_COMPACT);
			json_decref(j);
			char obj[32];
			snprintf(obj, sizeof(obj), "campaign:%lld", (long long)b.c.id);
			rc = txn_audit(&t, "campaign.close", obj, detail, e);
			free(detail);
		}
	}
	if (rc == ERR_OK)
		rc = txn_commit(&t, e);
	else
		txn_rollback(&t);
	arena_free(&a);
	return rc;
}

static void
tally(struct campaign_cell *x, const struct finding_count *c, bool late)
{
	if (c->state == FS_OPEN) {
		x->open += c->n;
		if (c->pending)
			x->pending += c->n;
		if (late)
			x->overdue += c->n;
	} else if (c->state == FS_FIXED)
		x->fixed += c->n;
	else
		x->waived += c->n;
}

/* The row of v[0..n) (sorted by code) with code; NULL if none. */
static struct campaign_cell *
row_find(struct campaign_cell *v, size_t n, int64_t code)
{
	size_t i = lower_bound_i64(v, n, sizeof(*v), offsetof(struct campaign_cell, code), code);
	return i < n && v[i].code == code ? &v[i] : NULL;
}

/* The board of b's campaign: its findings now, or as kept when it closed (overdue: open past the deadline,
 * today or on the day it closed). */
static enum err
board(struct store *st, struct campaign_board *b, bool rows, struct arena *a, struct errinfo *e)
{
	board_rules(b);
	size_t n = b->n_rules;
	b->today = date_today();
	int day = b->c.closed_at ? stamp_date(b->c.closed_at) : b->today;
	b->past_deadline = b->c.deadline && day > b->c.deadline;
	struct finding_filter f;
	filter_of(b, &f, a);
	struct finding_count *cv = NULL;
	size_t nc = 0;
	enum err rc = ERR_OK;
	if (b->c.closed_at)
		kept_counts(st, b->c.closed_counts, &cv, &nc, a);
	else if (n)
		rc = store_finding_counts(st, &f, false, &cv, &nc, a, e);
	if (rc != ERR_OK)
		return rc;
	memset(&b->total, 0, sizeof(b->total));
	for (size_t i = 0; i < nc; i++)
		tally(&b->total, &cv[i], b->past_deadline);
	if (!rows)
		return ERR_OK;
	/* one row per town (or village) of the campaign's divisions in the reader's scope, with the findings of
	 * its villages; findings assigned above the level (a whole county's) count only in the totals */
	int64_t lo, hi;
	division_range(b->c.division, &lo, &hi);
	if (lo < st->scope_lo)
		lo = st->scope_lo;
	if (hi > st->scope_hi)
		hi = st->scope_hi;
	struct division *dv;
	size_t nd;
	if (lo <= hi && (rc = store_division_range(st, lo, hi, &dv, &nd, a, e)) != ERR_OK)
		return rc;
	if (lo > hi)
		nd = 0;
	/* a campaign of one village is shown by that village itself; a board within one town (a town's campaign,
	 * a town user's board) by its villages: one row of the town would repeat the totals */
	int level = division_level_of(b->c.division);
	if (b->c.division && level > b->by)
		b->by = level;
	if (b->by == LV_TOWN && lo <= hi && lo / 1000 == hi / 1000)
		b->by = LV_VILLAGE;
	b->rows = arena_alloc(a, (nd + 1) * sizeof(*b->rows));
	b->n_rows = 0;
	for (size_t i = 0; i < nd; i++)
		if (dv[i].level == b->by) {
			struct campaign_cell *x = &b->rows[b->n_rows++];
			memset(x, 0, sizeof(*x));
			x->code = dv[i].code;
			x->name = dv[i].name;
		}
	/* the rows are by code (the store's order), each code once: a bisection finds a count's row (a scan
	 * of the rows per count was (village, state) counts × 24,960 villages over a province) */
	int64_t unit = b->by == LV_TOWN ? 1000 : 1;
	for (size_t i = 0; i < nc; i++) {
		if (cv[i].village % 1000 == 0)
			continue;
		struct campaign_cell *x = row_find(b->rows, b->n_rows, cv[i].village / unit * unit);
		if (x)
			tally(x, &cv[i], b->past_deadline);
	}
	return ERR_OK;
}

enum err
campaign_show(struct store *st, const char *name, int by, struct campaign_board *b, struct arena *a,
    struct errinfo *e)
{
	memset(b, 0, sizeof(*b));
	b->by = by == LV_VILLAGE ? LV_VILLAGE : LV_TOWN;
	bool began = store_read_begin(st, e);
	enum err rc = store_campaign_by_name(st, name, true, &b->c, a, e);
	if (rc == ERR_NOTFOUND)
		rc = errinfo_set(e, ERR_NOTFOUND, "name", MSG_CAMPAIGN_NOT_FOUND, name);
	if (rc == ERR_OK)
		rc = board(st, b, true, a, e);
	if (rc == ERR_OK) {
		int64_t lo, hi;
		division_range(b->c.division, &lo, &hi);
		/* a closed campaign's report is its batch as recorded when it closed (a change recorded later in its
		 * name moved a report the board beside it had frozen: found by a review) */
		struct changes_query cq = { .mode = CHANGES_BATCH, .batch = b->c.name, .recorded_at = b->c.closed_at,
			.division = lo >= st->scope_lo && hi <= st->scope_hi ? b->c.division : 0 };
		rc = changes_compute(st, &cq, &b->changes, a, e);
	}
	store_read_end(st, began);
	return rc;
}

enum err
campaign_list(struct store *st, struct campaign_board **out, size_t *n, struct arena *a, struct errinfo *e)
{
	*out = NULL;
	*n = 0;
	struct campaign_row *cv;
	size_t nc;
	bool began = store_read_begin(st, e);
	enum err rc = store_campaign_list(st, &cv, &nc, a, e);
	if (rc == ERR_OK && nc) {
		*out = arena_alloc(a, nc * sizeof(**out));
		for (size_t i = 0; i < nc && rc == ERR_OK; i++) {
			struct campaign_board *b = &(*out)[i];
			memset(b, 0, sizeof(*b));
			b->c = cv[i];
			b->by = LV_TOWN;
			rc = board(st, b, false, a, e);
		}
		*n = nc;
	}
	store_read_end(st, began);
	return rc;
}
