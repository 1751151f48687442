/* cli_migrate.c: `tuopin migrate-data --from URI --to URI`: copy a whole database into a freshly initialised
 * one on any backend (SQLite <-> PostgreSQL), check the copy, and say what was copied. The copying and the
 * checks are the store's (store_copy.c); this file opens, orders the transactions and prints. It never
 * writes to the source. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/audit.h"
#include "lib/date.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_migrate[] = {
	{ "from", true, "the database to copy" },
	{ "to", true, "a new (or freshly initialised) database to copy into" },
	{ NULL, false, NULL },
};

/* Where the stats are compared: the start of the 2014 identification, every year end since, and today. */
static size_t
check_days(int *days, size_t cap)
{
	int today = date_today();
	size_t n = 0;
	days[n++] = 20140101;
	for (int y = 2014; y <= today / 10000 && n + 1 < cap; y++)
		if (y * 10000 + 1231 < today)
			days[n++] = y * 10000 + 1231;
	days[n++] = today;
	return n;
}

int
cmd_migrate(struct args *a)
{
	const char *from = arg(a, "from"), *to = arg(a, "to");
	if (!from || !to)
		return cli_usage(EN ? "usage: tuopin migrate-data --from URI --to URI"
				    : "用法：tuopin migrate-data --from 源数据库 --to 目标数据库");
	if (strcmp(from, to) == 0)
		return cli_usage(EN ? "--from and --to name the same database" : "--from 与 --to 是同一个数据库");
	struct errinfo e;
	errinfo_clear(&e);
	struct store *src = NULL, *dst = NULL;
	struct arena ar;
	arena_init(&ar);
	struct copy_result r = { 0 };
	int days[64];
	size_t n_days = check_days(days, NELEM(days));
	int applied;
	enum err rc = store_open_mode(from, false, &src, &e);
	if (rc == ERR_OK)
		rc = store_check_schema(src, &e);
	if (rc == ERR_OK)
		rc = store_open(to, &dst, &e);
	/* The target gets this binary's schema (a no-op when `tuopin init` ran on it). */
	if (rc == ERR_OK)
		rc = store_migrate(dst, &applied, &e);
	/* The source's write lock: nothing changes there while it is copied and compared. */
	/* the audit log's key goes with it, or the target could not verify (or extend) its keyed chain */
	if (rc == ERR_OK)
		rc = audit_key_copy(src->uri, dst->uri, &e);
	/* the source's log with its own key: a copy is held to verify only as well as its source does (a log broken
	 * before is copied as it is, and said so) */
	bool src_verified = false;
	if (rc == ERR_OK) {
		struct audit_check sc;
		struct errinfo se;
		errinfo_clear(&se);
		src_verified = audit_verify(src, NULL, &sc, &se) == ERR_OK && !sc.failed;
		if (!src_verified)
			fprintf(stderr, EN ? "tuopin: the source's audit log does not verify (%s: %s); it is copied as it is\n"
					   : "tuopin: 源数据库的审计日志未通过核验（%s：%s），照原样复制\n",
			    se.message[0] ? "error" : sc.check ? sc.check : "?", se.message[0] ? se.message : sc.why);
	}
	if (rc == ERR_OK)
		rc = store_begin(src, &e);
	if (rc == ERR_OK && (rc = store_begin(dst, &e)) != ERR_OK)
		store_rollback(src);
	if (rc == ERR_OK) {
		rc = store_copy(src, dst, &r, &ar, &e);
		if (rc == ERR_OK)
			rc = store_copy_verify(src, dst, days, n_days, &r, &ar, &e);
		if (rc == ERR_OK && src_verified) {
			/* the copied log checks with the target's key before anything is committed: a key left behind
			 * made a copy whose log could never be verified, reported as a success */
			struct audit_check ac;
			rc = audit_verify(dst, NULL, &ac, &e);
			if (rc == ERR_OK && ac.failed)
				rc = errinfo_set(&e, ERR_CONFLICT, "", MSG_MIGRATE_AUDIT, ac.check, ac.why);
		}
		if (rc == ERR_OK)
			rc = store_commit(dst, &e);
		else
			store_rollback(dst);
		store_rollback(src);
	}
	if (rc == ERR_OK) {
		printf(EN ? "copied %s (%s) to %s (%s):\n" : "已复制 %s（%s）到 %s（%s）：\n", src->uri, src->ops->name,
		    dst->uri, dst->ops->name);
		/* padded by hand: printf counts bytes, and a Chinese character is 3 bytes but 2 columns wide */
		puts(EN ? "  table                            rows" : "  表                               行数");
		for (size_t i = 0; i < r.n_tables; i++)
			printf("  %-24s %12lld\n", r.tables[i].table, (long long)r.tables[i].rows);
		char first[11], last[11];
		date_format(days[0], first);
		date_format(days[n_days - 1], last);
		printf(EN ? "checked: the row counts of all %zu tables are equal, and so are the stats by village and "
			    "status on %zu dates from %s to %s (recomputed from the spans too on the first and the last)\n"
			  : "核对通过：%zu 张表的行数一致；%zu 个日期（%s 至 %s）按村和状态的统计一致（首尾两日另按时段重算）\n",
		    r.n_tables, r.n_days, first, last);
	}
	store_close(src);
	store_close(dst);
	arena_free(&ar);
	return rc == ERR_OK ? 0 : cli_fail(&e);
}
