/* store_copy.c: copy a whole database between any two backends (tuopin migrate-data), written once over
 * store_ops like the rest of the store. One table list in foreign-key order drives the copy, the emptiness
 * check and the verification, so adding a table is one line here (plus its statements in stmt.c).
 * Knows no domain rule, never writes to the source, and never commits: the caller owns both transactions. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/date.h"
#include "lib/util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define OPS(st) ((st)->ops)
#define PAGE 5000              /* rows per SELECT: flat memory on a source of any size */
#define NO_TABLE (-1)
#define NO_SEQ (-1)
#define MAX_KEYS 4
#define MAX_COLS 40

struct copy_table {
	const char *name;
	int ncols;
	const char *keys;        /* types of the leading SELECT columns that order the table: i integer, t text;
	                          * "" for a table derived by the target's triggers, which is counted, not copied */
	enum stmt_id select, count, insert;
	int bulk;                /* enum table loaded through insert_row (COPY on PostgreSQL), or NO_TABLE */
	int seq;                 /* statement moving dst's id sequence past the copied ids, or NO_SEQ */
	bool seeded;             /* the migrations insert rows here, so a fresh target is not empty */
};

/* Parents before children. Inserts of tables that are not bulk-loaded are upserts where the store has one
 * (division, meta, stat_delta, income_year, poverty_line): on the empty target they insert, and on the seeded
 * poverty lines they make the target's rows the source's. */
static const struct copy_table tables[] = {
	{ "meta", 2, "t", STMT_COPY_META, STMT_COUNT_META, STMT_META_SET, NO_TABLE, NO_SEQ, true },
	{ "division", 7, "i", STMT_COPY_DIVISION, STMT_COUNT_DIVISION, STMT_DIV_UPSERT, NO_TABLE, NO_SEQ, false },
	{ "household", HH_NCOLS, "i", STMT_COPY_HOUSEHOLD, STMT_COUNT_HOUSEHOLD, STMT_INSERT_HOUSEHOLD, T_HOUSEHOLD,
		STMT_SEQ_HOUSEHOLD, false },
	{ "member", M_NCOLS, "i", STMT_COPY_MEMBER, STMT_COUNT_MEMBER, STMT_INSERT_MEMBER, T_MEMBER, STMT_SEQ_MEMBER, false },
	/* derived (no keys): the target's triggers make its rows from the members; counted and verified only */
	{ "member_name_gram", 3, "", STMT_COUNT_NAME_GRAM, STMT_COUNT_NAME_GRAM, STMT_COUNT_NAME_GRAM, NO_TABLE, NO_SEQ,
		false },
	{ "household_status_span", 8, "i", STMT_COPY_STATUS_SPAN, STMT_COUNT_STATUS_SPAN, STMT_INSERT_STATUS_SPAN,
		T_STATUS_SPAN, STMT_SEQ_STATUS_SPAN, false },
	{ "membership_span", 8, "i", STMT_COPY_MEMBER_SPAN, STMT_COUNT_MEMBER_SPAN, STMT_INSERT_MEMBER_SPAN,
		T_MEMBER_SPAN, STMT_SEQ_MEMBER_SPAN, false },
	{ "change_event", 19, "i", STMT_COPY_EVENT, STMT_COUNT_EVENT, STMT_INSERT_EVENT, T_EVENT, STMT_SEQ_EVENT, false },
	{ "event_supersession", 3, "ii", STMT_COPY_SUPERSESSION, STMT_COUNT_SUPERSESSION, STMT_INSERT_SUPERSESSION,
		NO_TABLE, NO_SEQ, false },
	{ "stat_delta", 5, "iti", STMT_COPY_STAT_DELTA, STMT_COUNT_STAT_DELTA, STMT_AGG_ADD, NO_TABLE, NO_SEQ, false },
	{ "stat_rollup", 6, "iiti", STMT_COPY_STAT_ROLLUP, STMT_COUNT_STAT_ROLLUP, STMT_ROLLUP_ADD, NO_TABLE, NO_SEQ,
		false },
	{ "stat_rollup_month", 6, "iiti", STMT_COPY_STAT_ROLLUP_MONTH, STMT_COUNT_STAT_ROLLUP_MONTH,
		STMT_ROLLUP_MONTH_ADD, NO_TABLE, NO_SEQ, false },
	{ "stat_recorded", 6, "itii", STMT_COPY_STAT_RECORDED, STMT_COUNT_STAT_RECORDED, STMT_RECORDED_ADD, NO_TABLE,
		NO_SEQ, false },
	{ "income_year", 9, "ii", STMT_COPY_INCOME, STMT_COUNT_INCOME, STMT_INSERT_INCOME, T_INCOME, NO_SEQ, false },
	{ "income_revision", 14, "i", STMT_COPY_INCOME_REV, STMT_COUNT_INCOME_REV, STMT_COPY_INSERT_INCOME_REV, NO_TABLE,
		STMT_SEQ_INCOME_REV, false },
	{ "poverty_line", 5, "iti", STMT_COPY_LINE, STMT_COUNT_LINE, STMT_LINE_SET, NO_TABLE, NO_SEQ, true },
	{ "external_list", 12, "i", STMT_COPY_EXT_LIST, STMT_COUNT_EXT_LIST, STMT_COPY_INSERT_EXT_LIST, NO_TABLE,
		STMT_SEQ_EXT_LIST, false },
	{ "external_entry", 8, "ii", STMT_COPY_EXT_ENTRY, STMT_COUNT_EXT_ENTRY, STMT_INSERT_EXTERNAL_ENTRY,
		T_EXTERNAL_ENTRY, NO_SEQ, false },
	{ "check_run", 13, "i", STMT_COPY_RUN, STMT_COUNT_RUN, STMT_COPY_INSERT_RUN, NO_TABLE, STMT_SEQ_RUN, false },
	{ "finding", 24, "i", STMT_COPY_FINDING, STMT_COUNT_FINDING, STMT_COPY_INSERT_FINDING, NO_TABLE, STMT_SEQ_FINDING,
		false },
	{ "finding_event", 9, "i", STMT_COPY_FINDING_EVENT, STMT_COUNT_FINDING_EVENT, STMT_COPY_INSERT_FINDING_EVENT,
		NO_TABLE, STMT_SEQ_FINDING_EVENT, false },
	{ "campaign", 8, "i", STMT_COPY_CAMPAIGN, STMT_COUNT_CAMPAIGN, STMT_COPY_INSERT_CAMPAIGN, NO_TABLE,
		STMT_SEQ_CAMPAIGN, false },
	{ "campaign_close", 5, "i", STMT_COPY_CAMPAIGN_CLOSE, STMT_COUNT_CAMPAIGN_CLOSE, STMT_COPY_INSERT_CAMPAIGN_CLOSE,
		NO_TABLE, NO_SEQ, false },
	{ "app_user", 15, "i", STMT_COPY_USER, STMT_COUNT_USER, STMT_COPY_INSERT_USER, NO_TABLE, STMT_SEQ_USER, false },
	{ "session", 7, "i", STMT_COPY_SESSION, STMT_COUNT_SESSION, STMT_COPY_INSERT_SESSION, NO_TABLE, STMT_SEQ_SESSION,
		false },
	{ "api_token", 8, "i", STMT_COPY_TOKEN, STMT_COUNT_TOKEN, STMT_COPY_INSERT_TOKEN, NO_TABLE, STMT_SEQ_TOKEN,
		false },
	{ "workflow", 7, "i", STMT_COPY_WORKFLOW, STMT_COUNT_WORKFLOW, STMT_COPY_INSERT_WORKFLOW, NO_TABLE,
		STMT_SEQ_WORKFLOW, false },
	{ "proposal", 21, "i", STMT_COPY_PROPOSAL, STMT_COUNT_PROPOSAL, STMT_COPY_INSERT_PROPOSAL, NO_TABLE,
		STMT_SEQ_PROPOSAL, false },
	{ "proposal_step", 13, "i", STMT_COPY_PROPOSAL_STEP, STMT_COUNT_PROPOSAL_STEP, STMT_COPY_INSERT_PROPOSAL_STEP,
		NO_TABLE, STMT_SEQ_PROPOSAL_STEP, false },
	{ "assessment", 13, "i", STMT_COPY_ASSESSMENT, STMT_COUNT_ASSESSMENT, STMT_COPY_INSERT_ASSESSMENT, NO_TABLE,
		STMT_SEQ_ASSESSMENT, false },
	/* assistance and supervision, parents first */
	{ "cadre", 13, "i", STMT_COPY_CADRE, STMT_COUNT_CADRE, STMT_INSERT_CADRE, T_CADRE, STMT_SEQ_CADRE, false },
	{ "project", 14, "i", STMT_COPY_PROJECT, STMT_COUNT_PROJECT, STMT_INSERT_PROJECT, T_PROJECT, STMT_SEQ_PROJECT, false },
	{ "loan", 14, "i", STMT_COPY_LOAN, STMT_COUNT_LOAN, STMT_INSERT_LOAN, T_LOAN, STMT_SEQ_LOAN, false },
	{ "job_fair", 11, "i", STMT_COPY_JOB_FAIR, STMT_COUNT_JOB_FAIR, STMT_INSERT_JOB_FAIR, T_JOB_FAIR, STMT_SEQ_JOB_FAIR, false },
	{ "supervision_case", 13, "i", STMT_COPY_SUPERVISION_CASE, STMT_COUNT_SUPERVISION_CASE, STMT_INSERT_SUPERVISION_CASE, T_SUPERVISION_CASE, STMT_SEQ_SUPERVISION_CASE, false },
	{ "public_post", 12, "i", STMT_COPY_PUBLIC_POST, STMT_COUNT_PUBLIC_POST, STMT_INSERT_PUBLIC_POST, T_PUBLIC_POST, STMT_SEQ_PUBLIC_POST, false },
	{ "pairing", 9, "i", STMT_COPY_PAIRING, STMT_COUNT_PAIRING, STMT_INSERT_PAIRING, T_PAIRING, STMT_SEQ_PAIRING, false },
	{ "work_team", 9, "i", STMT_COPY_WORK_TEAM, STMT_COUNT_WORK_TEAM, STMT_INSERT_WORK_TEAM, T_WORK_TEAM, STMT_SEQ_WORK_TEAM, false },
	{ "visit", 17, "i", STMT_COPY_VISIT, STMT_COUNT_VISIT, STMT_INSERT_VISIT, T_VISIT, STMT_SEQ_VISIT, false },
	{ "measure", 15, "i", STMT_COPY_MEASURE, STMT_COUNT_MEASURE, STMT_INSERT_MEASURE, T_MEASURE, STMT_SEQ_MEASURE, false },
	{ "beneficiary", 11, "i", STMT_COPY_BENEFICIARY, STMT_COUNT_BENEFICIARY, STMT_INSERT_BENEFICIARY, T_BENEFICIARY, STMT_SEQ_BENEFICIARY, false },
	{ "payment", 12, "i", STMT_COPY_PAYMENT, STMT_COUNT_PAYMENT, STMT_INSERT_PAYMENT, T_PAYMENT, STMT_SEQ_PAYMENT, false },
	{ "aid", 13, "i", STMT_COPY_AID, STMT_COUNT_AID, STMT_INSERT_AID, T_AID, STMT_SEQ_AID, false },
	{ "asset", 17, "i", STMT_COPY_ASSET, STMT_COUNT_ASSET, STMT_INSERT_ASSET, T_ASSET, STMT_SEQ_ASSET, false },
	{ "case_household", 6, "i", STMT_COPY_CASE_HOUSEHOLD, STMT_COUNT_CASE_HOUSEHOLD, STMT_INSERT_CASE_HOUSEHOLD, T_CASE_HOUSEHOLD, STMT_SEQ_CASE_HOUSEHOLD, false },
	{ "case_person", 10, "i", STMT_COPY_CASE_PERSON, STMT_COUNT_CASE_PERSON, STMT_INSERT_CASE_PERSON, T_CASE_PERSON, STMT_SEQ_CASE_PERSON, false },
	{ "complaint", 16, "i", STMT_COPY_COMPLAINT, STMT_COUNT_COMPLAINT, STMT_INSERT_COMPLAINT, T_COMPLAINT, STMT_SEQ_COMPLAINT, false },
	{ "monitor_case", 18, "i", STMT_COPY_MONITOR_CASE, STMT_COUNT_MONITOR_CASE, STMT_COPY_INSERT_MONITOR_CASE,
		NO_TABLE, STMT_SEQ_MONITOR_CASE, false },
	{ "programme", 8, "i", STMT_COPY_PROGRAMME, STMT_COUNT_PROGRAMME, STMT_COPY_INSERT_PROGRAMME, NO_TABLE,
		STMT_SEQ_PROGRAMME, false },
	{ "warning_dismissal", 8, "i", STMT_COPY_WARNING_DISMISSAL, STMT_COUNT_WARNING_DISMISSAL,
		STMT_COPY_INSERT_WARNING_DISMISSAL, NO_TABLE, STMT_SEQ_WARNING_DISMISSAL, false },
	/* the hash chain is copied row for row, so `tuopin audit verify` holds on the target */
	{ "audit", 10, "i", STMT_COPY_AUDIT, STMT_COUNT_AUDIT, STMT_AUDIT_INSERT, NO_TABLE, NO_SEQ, false },
	{ "audit_head", 4, "i", STMT_COPY_AUDIT_HEAD, STMT_COUNT_AUDIT_HEAD, STMT_COPY_INSERT_AUDIT_HEAD, NO_TABLE,
		NO_SEQ, true },
};
/* Tables the copy leaves alone: the target's migrations make their rows (the registry's generation, schema
 * 0017: the target's own, moved by its triggers as the rows arrive; its notes of the transactions that move
 * it, 0021, last only as long as their transaction). */
static const char *const not_copied[] = { "schema_migrations", "registry_generation", "registry_generation_due" };

static bool
english(void)
{
	return msg_lang() == LANG_EN;
}

static enum err
count_rows(struct store *st, enum stmt_id id, int64_t *n, struct errinfo *e)
{
	struct stmt *q = OPS(st)->prepare(st, id, e);
	if (!q)
		return ERR_DB;
	int r = OPS(st)->step(q, e);
	*n = r == 1 ? OPS(st)->col_int(q, 0) : 0;
	OPS(st)->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

static enum err
insert_one(struct store *dst, const struct copy_table *t, const struct sqlval *v, struct errinfo *e)
{
	if (t->bulk != NO_TABLE)
		return OPS(dst)->insert_row(dst, (enum table)t->bulk, v, e);
	struct stmt *q = OPS(dst)->prepare(dst, t->insert, e);
	if (!q)
		return ERR_DB;
	for (int i = 0; i < t->ncols; i++)
		OPS(dst)->bind(q, i + 1, v[i]);
	int r = OPS(dst)->step(q, e);
	OPS(dst)->reset(q);
	return r < 0 ? ERR_DB : ERR_OK;
}

/* Copy table t a page at a time: each page starts after the key of the last row of the one before. Values
 * travel as text: PostgreSQL parses them by column type, and SQLite's column affinity stores integers as
 * integers, so nothing changes type on the way. */
static enum err
copy_table(struct store *src, struct store *dst, const struct copy_table *t, int64_t *rows, struct errinfo *e)
{
	int nk = (int)strlen(t->keys);
	int64_t key_i[MAX_KEYS];
	struct buf key_t[MAX_KEYS];
	struct sqlval v[MAX_COLS];
	enum err rc = ERR_OK;
	for (int k = 0; k < nk; k++) {
		key_i[k] = INT32_MIN;   /* below every key, and within PostgreSQL's INTEGER (year) */
		buf_init(&key_t[k]);
		buf_puts(&key_t[k], "");
	}
	*rows = 0;
	if (nk == 0)
		return count_rows(dst, t->count, rows, e);
	if (t->bulk != NO_TABLE && (rc = store_bulk_begin(dst, e)) != ERR_OK)
		return rc;
	for (;;) {
		struct stmt *q = OPS(src)->prepare(src, t->select, e);
		if (!q) {
			rc = ERR_DB;
			break;
		}
		for (int k = 0; k < nk; k++)
			OPS(src)->bind(q, k + 1, t->keys[k] == 'i' ? SQL_INT(key_i[k]) : SQL_TEXT(key_t[k].p));
		OPS(src)->bind(q, nk + 1, SQL_INT(PAGE));
		int r, got = 0;
		while ((r = OPS(src)->step(q, e)) == 1) {
			for (int i = 0; i < t->ncols; i++)
				v[i] = OPS(src)->col_null(q, i) ? SQL_NULL : SQL_TEXT(OPS(src)->col_text(q, i));
			if ((rc = insert_one(dst, t, v, e)) != ERR_OK)
				break;
			for (int k = 0; k < nk; k++) {
				if (t->keys[k] == 'i')
					key_i[k] = OPS(src)->col_int(q, k);
				else {
					buf_reset(&key_t[k]);
					buf_puts(&key_t[k], v[k].s ? v[k].s : "");
				}
			}
			got++;
		}
		OPS(src)->reset(q);
		if (rc == ERR_OK && r < 0)
			rc = ERR_DB;
		*rows += got;
		if (rc != ERR_OK || got < PAGE)
			break;
	}
	if (t->bulk != NO_TABLE) {
		/* The rows must be in dst before children refer to them and before anything counts them. */
		enum err rc2 = store_bulk_end(dst, e);
		if (rc == ERR_OK)
			rc = rc2;
	}
	for (int k = 0; k < nk; k++)
		buf_free(&key_t[k]);
	return rc;
}

/* Every table of src must be one the copy knows: a table added by a migration but not to tables[] would
 * otherwise be left behind without a word. */
static enum err
all_tables_known(struct store *src, struct errinfo *e)
{
	struct stmt *q = OPS(src)->prepare(src, STMT_TABLE_NAMES, e);
	if (!q)
		return ERR_DB;
	int r;
	enum err rc = ERR_OK;
	while (rc == ERR_OK && (r = OPS(src)->step(q, e)) == 1) {
		const char *name = OPS(src)->col_text(q, 0);
		bool known = false;
		for (size_t i = 0; i < NELEM(tables) && !known; i++)
			known = strcmp(tables[i].name, name) == 0;
		for (size_t i = 0; i < NELEM(not_copied) && !known; i++)
			known = strcmp(not_copied[i], name) == 0;
		if (!known) {
			char msg[256];
			snprintf(msg, sizeof(msg), english() ?
			    "the source has a table migrate-data does not know (%s): nothing was copied" :
			    "源数据库有迁移程序不认识的表（%s），未复制任何数据", name);
			rc = errinfo_raw(e, ERR_CONFLICT, "from", "table_unknown", msg);
		}
	}
	OPS(src)->reset(q);
	return rc == ERR_OK && r < 0 ? ERR_DB : rc;
}

enum err
store_copy(struct store *src, struct store *dst, struct copy_result *r, struct arena *a, struct errinfo *e)
{
	enum err rc;
	if ((rc = all_tables_known(src, e)) != ERR_OK)
		return rc;
	r->n_tables = NELEM(tables);
	r->tables = arena_alloc(a, NELEM(tables) * sizeof(*r->tables));
	r->n_days = 0;
	for (size_t i = 0; i < NELEM(tables); i++) {
		const struct copy_table *t = &tables[i];
		assert(t->bulk == NO_TABLE || table_ncols[t->bulk] == t->ncols);
		assert(t->ncols <= MAX_COLS && strlen(t->keys) <= MAX_KEYS);
		r->tables[i].table = t->name;
		if (t->seeded)
			continue;
		int64_t n;
		if ((rc = count_rows(dst, t->count, &n, e)) != ERR_OK)
			return rc;
		if (n > 0) {
			char msg[256];
			snprintf(msg, sizeof(msg), english() ?
			    "the target database is not empty (table %s has %lld rows): migrate into a freshly "
			    "initialised database" : "目标数据库不是空的（%s 表已有 %lld 行），请迁移到新初始化的数据库",
			    t->name, (long long)n);
			return errinfo_raw(e, ERR_CONFLICT, "to", "target_not_empty", msg);
		}
	}
	for (size_t i = 0; i < NELEM(tables); i++)
		if ((rc = copy_table(src, dst, &tables[i], &r->tables[i].rows, e)) != ERR_OK)
			return rc;
	for (size_t i = 0; i < NELEM(tables); i++) {
		if (tables[i].seq == NO_SEQ)
			continue;
		struct stmt *q = OPS(dst)->prepare(dst, (enum stmt_id)tables[i].seq, e);
		if (!q)
			return ERR_DB;
		int s = OPS(dst)->step(q, e);
		OPS(dst)->reset(q);
		if (s < 0)
			return ERR_DB;
	}
	return ERR_OK;
}

/* ---- verification ---- */

static int
cell_cmp(const void *pa, const void *pb)
{
	const struct stat_cell *x = pa, *y = pb;
	if (x->village != y->village)
		return x->village < y->village ? -1 : 1;
	return (int)x->status - (int)y->status;
}

static enum err
mismatch(struct errinfo *e, const char *what_zh, const char *what_en, const char *detail)
{
	char msg[400];
	snprintf(msg, sizeof(msg), english() ? "verification failed: %s differ (%s); nothing was committed" :
	    "核对失败：%s不一致（%s），未提交任何数据", english() ? what_en : what_zh, detail);
	return errinfo_raw(e, ERR_DB, "", "verify_failed", msg);
}

/* The cells of both stores for day, from the aggregates (scan = false) or the spans, must be equal. */
static enum err
same_stats(struct store *src, struct store *dst, int day, bool scan, struct arena *a, struct errinfo *e)
{
	struct stat_cell *c[2];
	size_t n[2];
	struct store *st[2] = { src, dst };
	for (int k = 0; k < 2; k++) {
		enum err rc = scan ? store_stats_scan(st[k], day, 0, 0, 999999999999LL, &c[k], &n[k], a, e) :
			store_stats(st[k], day, 0, 0, 999999999999LL, &c[k], &n[k], a, e);
		if (rc != ERR_OK)
			return rc;
		if (n[k])
			qsort(c[k], n[k], sizeof(*c[k]), cell_cmp);
	}
	char d[11], detail[200];
	date_format(day, d);
	if (n[0] != n[1]) {
		snprintf(detail, sizeof(detail), "%s: %zu / %zu", d, n[0], n[1]);
		return mismatch(e, "统计", "stats", detail);
	}
	for (size_t i = 0; i < n[0]; i++) {
		const struct stat_cell *x = &c[0][i], *y = &c[1][i];
		if (cell_cmp(x, y) != 0 || x->households != y->households || x->persons != y->persons) {
			snprintf(detail, sizeof(detail), "%s %012lld %s: %lld/%lld, %lld/%lld", d, (long long)x->village,
			    status_code(x->status), (long long)x->households, (long long)y->households,
			    (long long)x->persons, (long long)y->persons);
			return mismatch(e, "统计", "stats", detail);
		}
	}
	return ERR_OK;
}

enum err
store_copy_verify(struct store *src, struct store *dst, const int *days, size_t n_days, struct copy_result *r,
    struct arena *a, struct errinfo *e)
{
	enum err rc;
	for (size_t i = 0; i < NELEM(tables); i++) {
		int64_t ns, nd;
		if ((rc = count_rows(src, tables[i].count, &ns, e)) != ERR_OK ||
		    (rc = count_rows(dst, tables[i].count, &nd, e)) != ERR_OK)
			return rc;
		r->tables[i].rows = ns;
		r->tables[i].rows_target = nd;
		if (ns != nd) {
			char detail[200];
			snprintf(detail, sizeof(detail), "%s: %lld / %lld", tables[i].name, (long long)ns, (long long)nd);
			return mismatch(e, "行数", "row counts", detail);
		}
	}
	/* The aggregates on every day; recomputing from the spans (a scan of the registry) on the first and the
	 * last, since the spans were checked row for row already. */
	for (size_t i = 0; i < n_days; i++)
		for (int scan = 0; scan < 1 + (i == 0 || i + 1 == n_days); scan++)
			if ((rc = same_stats(src, dst, days[i], scan, a, e)) != ERR_OK)
				return rc;
	r->n_days = n_days;
	return ERR_OK;
}
