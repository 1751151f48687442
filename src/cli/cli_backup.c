/* cli_backup.c: `tuopin backup FILE` and `tuopin restore FILE` (domain/backup.h). Scriptable: --format json
 * prints one object, and the exit code says what happened (0 done, 1 the file or the place is not usable,
 * 2 PostgreSQL: use its own tools, 5 the database or the check failed). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/backup.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_backup[] = { { NULL, false, NULL } };

static json_t *
summary_json(const char *from, const char *file, const struct backup_summary *s)
{
	json_t *j = json_object();
	json_object_set_new(j, "ok", json_true());
	if (from)
		json_object_set_new(j, "from", json_string(from));
	json_object_set_new(j, "file", json_string(file));
	json_object_set_new(j, "backend", json_string("sqlite"));
	json_object_set_new(j, "bytes", json_integer(s->bytes));
	json_object_set_new(j, "schema", json_integer(s->schema));
	json_object_set_new(j, "households", json_integer(s->counts.households));
	json_object_set_new(j, "members", json_integer(s->counts.members));
	json_object_set_new(j, "events", json_integer(s->counts.events));
	json_object_set_new(j, "audit_rows", json_integer(s->counts.audit));
	json_object_set_new(j, "integrity", json_string(s->integrity));
	json_object_set_new(j, "audit_intact", json_boolean(s->audit_intact));
	json_object_set_new(j, "seconds", json_real((double)(int64_t)(s->seconds * 100 + 0.5) / 100));
	return j;
}

/* An error: as one JSON object on stdout with --format json (a script reads one place), else on stderr. */
static int
fail(bool json, const struct errinfo *e)
{
	if (json) {
		json_t *j = json_pack("{s:b, s:{s:s, s:s}}", "ok", 0, "error", "code", e->code, "message", e->message);
		cli_print_json(j);
		json_decref(j);
		return err_exit_code(e->err);
	}
	return cli_fail(e);
}

static void
print_summary(const char *from, const char *file, const struct backup_summary *s)
{
	if (from)
		printf(EN ? "restored %s to %s: " : "已将 %s 恢复到 %s：", from, file);
	else
		printf(EN ? "backup written to %s: " : "备份已写入 %s：", file);
	/* rows of the tables, to tell a copy is whole: not the figures of stats (removed households, members who
	 * left, ordinary rural households are rows too) */
	printf(EN ? "%lld household rows, %lld member rows (removed and departed ones included), %lld events, %lld audit "
		    "rows (hash chain intact), integrity check ok, %.1f MB, %.1f s\n"
		  : "户表 %lld 行、成员表 %lld 行（含已销户、已迁出的，不是统计数），变动记录 %lld 条，审计日志 %lld 行（哈希链完整），"
		    "完整性检查通过，%.1f MB，用时 %.1f 秒\n",
	    (long long)s->counts.households, (long long)s->counts.members, (long long)s->counts.events,
	    (long long)s->counts.audit, (double)s->bytes / 1e6, s->seconds);
}

int
cmd_backup(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	bool json = strcmp(format, "json") == 0;
	/* any schema this binary knows or older: an upgrade backs the old database up before it migrates */
	struct store *st;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_open_mode(a->db, false, &st, &e) != ERR_OK)
		return fail(json, &e);
	struct backup_summary s;
	enum err err = backup_make(st, a->pos[0], &s, &e);
	store_close(st);
	if (err != ERR_OK)
		return fail(json, &e);
	if (json) {
		json_t *j = summary_json(NULL, a->pos[0], &s);
		cli_print_json(j);
		json_decref(j);
	} else
		print_summary(NULL, a->pos[0], &s);
	return 0;
}

int
cmd_restore(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	bool json = strcmp(format, "json") == 0;
	struct errinfo e;
	errinfo_clear(&e);
	struct backup_summary s;
	char to[1024];
	cli_db_shown(a, to, sizeof(to));
	if (backup_restore(a->pos[0], a->db, &s, &e) != ERR_OK)
		return fail(json, &e);
	const char *shown = strncmp(to, "sqlite:", 7) == 0 ? to + 7 : to;
	if (json) {
		json_t *j = summary_json(a->pos[0], shown, &s);
		cli_print_json(j);
		json_decref(j);
	} else
		print_summary(a->pos[0], shown, &s);
	return 0;
}
