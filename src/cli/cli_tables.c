/* cli_tables.c: `tuopin report list` and `tuopin report TABLE …`, the standard tables (domain/tables.h),
 * printed as a table, JSON or CSV, or written to a file (--out; XLSX by default for a file). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "domain/export.h"
#include "domain/tables.h"
#include "lib/date.h"
#include "view/view_table.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_report[] = {
	{ "as-of", true, "date" },
	{ "recorded-at", true, "as the registry said at this time" },
	{ "from", true, "first day of the period" },
	{ "to", true, "last day of the period" },
	{ "division", true, "division code or name" },
	{ "by", true, "town or village" },
	{ "group", true, "whose households count: registered, current_poor, exited, ..." },
	{ "year", true, "income year (default: the year before --as-of)" },
	{ "out", true, "write the table to this file" },
	{ "full-id", false, "roster: unmasked ID and phone numbers (audited)" },
	{ NULL, false, NULL },
};

/* A status group by its key (registered, current_poor, …) or "all"; -2 if unknown. */
static int
universe_from(const char *s)
{
	if (strcmp(s, "all") == 0)
		return G__MAX;
	for (int g = 0; g < G__MAX; g++)
		if (strcmp(group_key((enum group)g), s) == 0)
			return g;
	return -2;
}

/* Copy a file to standard output. */
static void
cat_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n;
	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	if (f)
		fclose(f);
}

/* `tuopin report roster`: the person list, streamed to --out (XLSX unless --format csv) or as CSV to standard
 * output. */
static int
roster(struct args *a, const char *format)
{
	if (strcmp(format, "json") == 0)
		return cli_usage(EN ? "the roster is written as CSV or XLSX (--format csv|xlsx)" :
				      "名单只能导出为 CSV 或 Excel（--format csv|xlsx）");
	if (strcmp(format, "xlsx") == 0 && !arg(a, "out"))
		return cli_usage(EN ? "--format xlsx needs --out FILE" : "--format xlsx 需要 --out 文件名");
	struct roster_opts o = { .universe = -1, .full = flag(a, "full-id"), .actor = cli_actor() };
	if (!cli_date(a, "as-of", &o.as_of))
		return 2;
	if (arg(a, "group") && (o.universe = universe_from(arg(a, "group"))) == -2)
		return cli_usage(EN ? "--group must be all or a status group such as registered, current_poor, exited" :
				      "--group 只能是 all 或 registered、current_poor、exited 等状态组");
	o.kind = arg(a, "out") && strcmp(format, "csv") != 0 ? SHEET_XLSX : SHEET_CSV;
	char tmp[] = "/tmp/tuopin-roster-XXXXXX";
	if (arg(a, "out"))
		o.path = arg(a, "out");
	else {
		int fd = mkstemp(tmp);
		if (fd < 0)
			return cli_usage("mkstemp: %s", tmp);
		close(fd);
		o.path = tmp;
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc) {
		if (!arg(a, "out"))
			unlink(tmp);
		return rc;
	}
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	if (arg(a, "division")) {
		struct division d;
		if ((err = division_resolve(st, arg(a, "division"), &d, &ar, &e)) == ERR_OK)
			o.division = d.code;
	}
	struct roster_result r;
	if (err == ERR_OK)
		err = roster_export(st, &o, &r, &ar, &e);
	if (err == ERR_OK && arg(a, "out"))
		printf(EN ? "wrote %s: %lld households, %lld persons\n" : "已写出 %s：%lld户%lld人\n", o.path,
		    (long long)r.households, (long long)r.persons);
	else if (err == ERR_OK)
		cat_file(tmp);
	if (err == ERR_OK && r.unaudited)
		fprintf(stderr, EN ? "tuopin: the database is read-only: this export is not in its audit log\n"
				   : "tuopin: 数据库为只读：本次导出未能记入审计日志\n");
	if (!arg(a, "out"))
		unlink(tmp);
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

int
cmd_report(struct args *a)
{
	static const char *const formats[] = { "table", "json", "csv", "xlsx" };
	const char *format = cli_format(a, formats, 4);
	if (!format)
		return 2;
	const char *what = a->pos[0];
	if (strcmp(what, "list") == 0) {
		if (strcmp(format, "json") == 0) {
			json_t *j = view_table_list_json();
			cli_print_json(j);
			json_decref(j);
		} else {
			struct buf b;
			buf_init(&b);
			view_table_list_text(&b);
			cli_print(&b);
			buf_free(&b);
		}
		return 0;
	}
	if (strcmp(what, "roster") == 0)
		return roster(a, format);
	const struct table_def *def = table_def_find(what);
	if (!def) {
		fprintf(stderr, EN ? "tuopin: no table %s; `tuopin report list` lists them\n" :
		    "tuopin: 没有报表 %s；`tuopin report list` 列出全部报表\n", what);
		return 3;
	}
	struct table_query q = { .universe = -1 };
	if (!cli_date(a, "as-of", &q.as_of) || !cli_stamp(a, "recorded-at", true, &q.recorded_at) ||
	    !cli_date(a, "from", &q.from) || !cli_date(a, "to", &q.to))
		return 2;
	if ((q.from || q.to) && (!q.from || !q.to || q.from > q.to))
		return cli_usage(EN ? "give --from and --to, --from not after --to" : "请同时给出 --from 和 --to，且 --from 不晚于 --to");
	const char *by = arg(a, "by");
	if (by && strcmp(by, "town") == 0)
		q.by = BY_TOWN;
	else if (by && strcmp(by, "village") == 0)
		q.by = BY_VILLAGE;
	else if (by)
		return cli_usage(EN ? "--by must be town or village" : "--by 只能是 town 或 village");
	if (arg(a, "group") && (q.universe = universe_from(arg(a, "group"))) == -2)
		return cli_usage(EN ? "--group must be all, registered, current_poor, poor, returned, exited, exited_supported, "
				      "exited_unsupported, removed or cancelled" :
				      "--group 只能是 all、registered、current_poor、poor、returned、exited、exited_supported、"
				      "exited_unsupported、removed 或 cancelled");
	if (arg(a, "year")) {
		char *end;
		long y = strtol(arg(a, "year"), &end, 10);
		if (*end || y < 1990 || y > 2100)
			return cli_usage(EN ? "--year must be a year such as 2017" : "--year 应为年份，如 2017");
		q.income_year = (int)y;
	}
	if (strcmp(format, "xlsx") == 0 && !arg(a, "out"))
		return cli_usage(EN ? "--format xlsx needs --out FILE" : "--format xlsx 需要 --out 文件名");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	if (arg(a, "division")) {
		struct division d;
		if ((err = division_resolve(st, arg(a, "division"), &d, &ar, &e)) == ERR_OK)
			q.division = d.code;
	}
	struct table_result r;
	if (err == ERR_OK)
		err = table_compute(st, def, &q, &r, &ar, &e);
	if (err == ERR_OK && arg(a, "out")) {
		/* a file: XLSX unless --format csv; a folder: the file the web's download makes, named there
		 * (表号表名-区划-日期.xlsx) */
		enum sheet_kind kind = strcmp(format, "csv") == 0 ? SHEET_CSV : SHEET_XLSX;
		const char *out = arg(a, "out");
		struct stat sb;
		if (stat(out, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			char d[11];
			int day = r.as_of ? r.as_of : r.to ? r.to : date_today();
			size_t n = strlen(out);
			out = arena_printf(&ar, "%.*s/%s", (int)(n > 1 && out[n - 1] == '/' ? n - 1 : n), out,
			    export_file_name(st, arena_printf(&ar, "%s%s", def->code, table_title(def)), r.div.code,
				date_format(day, d), kind == SHEET_XLSX ? "xlsx" : "csv", &ar));
		}
		if ((err = view_table_sheet(&r, out, kind, &e)) == ERR_OK)
			printf(EN ? "wrote %s\n" : "已写出 %s\n", out);
	} else if (err == ERR_OK && strcmp(format, "json") == 0) {
		json_t *j = view_table_json(&r);
		cli_print_json(j);
		json_decref(j);
	} else if (err == ERR_OK && strcmp(format, "csv") == 0) {
		/* CSV to standard output: the sheet writer writes files, so go through a temporary one */
		char path[] = "/tmp/tuopin-report-XXXXXX";
		int fd = mkstemp(path);
		if (fd < 0)
			err = errinfo_set(&e, ERR_IO, "", MSG_IO_WRITE, path, "mkstemp");
		else {
			close(fd);
			if ((err = view_table_sheet(&r, path, SHEET_CSV, &e)) == ERR_OK) {
				FILE *f = fopen(path, "rb");
				char buf[8192];
				size_t n;
				while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
					fwrite(buf, 1, n, stdout);
				if (f)
					fclose(f);
			}
			unlink(path);
		}
	} else if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		view_table_text(&r, &b);
		cli_print(&b);
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}
