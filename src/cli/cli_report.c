/* cli_report.c: stats and changes (check is in cli_check.c). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/report.h"
#include "lib/date.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_stats[] = {
	{ "as-of", true, "date" },
	{ "recorded-at", true, "as the registry said at this time" },
	{ "division", true, "division code or name" },
	{ "by", true, "town or village" },
	{ "xlsx", true, "write the table to this Excel file" },
	{ NULL, false, NULL },
};
const struct opt opts_changes[] = {
	{ "from", true, "first date" },
	{ "to", true, "last date" },
	{ "recorded", false, "select by recording date" },
	{ "batch", true, "batch" },
	{ "recorded-at", true, "as known at this time" },
	{ "division", true, "division code or name" },
	{ "xlsx", true, "write the report to this Excel file" },
	{ NULL, false, NULL },
};
static int
division_opt(struct args *a, struct store *st, int64_t *code, struct arena *ar)
{
	*code = 0;
	if (!arg(a, "division"))
		return 0;
	struct errinfo e;
	struct division d;
	errinfo_clear(&e);
	if (division_resolve(st, arg(a, "division"), &d, ar, &e) != ERR_OK)
		return cli_fail(&e);
	*code = d.code;
	return 0;
}

int
cmd_stats(struct args *a)
{
	static const char *const formats[] = { "table", "json", "csv" };
	const char *format = cli_format(a, formats, 3);
	if (!format)
		return 2;
	struct stats_query q = { 0 };
	if (!cli_date(a, "as-of", &q.as_of) || !cli_stamp(a, "recorded-at", true, &q.recorded_at))
		return 2;
	const char *by = arg(a, "by");
	if (by && strcmp(by, "town") == 0)
		q.by = BY_TOWN;
	else if (by && strcmp(by, "village") == 0)
		q.by = BY_VILLAGE;
	else if (by && strcmp(by, "cause") == 0)
		q.by = BY_CAUSE;
	else if (by && strcmp(by, "attribute") == 0)
		q.by = BY_ATTRIBUTE;
	else if (by)
		return cli_usage(EN ? "--by must be town, village, cause or attribute" : "--by 只能是 town、village、cause 或 attribute");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	if ((rc = division_opt(a, st, &q.division, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct stats_result r;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = stats_compute(st, &q, &r, &ar, &e);
	if (err == ERR_OK && arg(a, "xlsx")) {
		if ((err = view_stats_sheet(&r, arg(a, "xlsx"), SHEET_XLSX, &e)) == ERR_OK)
			printf(EN ? "wrote %s\n" : "已写出 %s\n", arg(a, "xlsx"));
	} else if (err == ERR_OK) {
		struct buf b;
		buf_init(&b);
		if (strcmp(format, "json") == 0) {
			/* written straight, not through a jansson tree: the province by village is 24,960 rows */
			view_stats_write(&b, &r, 2);
			buf_putc(&b, '\n');
		} else if (strcmp(format, "csv") == 0)
			view_stats_csv(&r, &b);
		else
			view_stats_table(&r, &b);
		cli_print(&b);
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

int
cmd_changes(struct args *a)
{
	static const char *const formats[] = { "table", "json", "csv" };
	const char *format = cli_format(a, formats, 3);
	if (!format)
		return 2;
	struct changes_query q = { 0 };
	if (!cli_date(a, "from", &q.from) || !cli_date(a, "to", &q.to) ||
	    !cli_stamp(a, "recorded-at", true, &q.recorded_at))
		return 2;
	q.batch = arg(a, "batch");
	if (q.batch) {
		q.mode = CHANGES_BATCH;
		if (q.from || q.to || flag(a, "recorded"))
			return cli_usage(EN ? "--batch cannot be combined with --from, --to or --recorded"
					    : "--batch 不能与 --from、--to、--recorded 同时使用");
	} else {
		if (!q.from || !q.to)
			return cli_usage(EN ? "give --from and --to, or --batch" : "请给出 --from 和 --to，或 --batch");
		if (q.from > q.to)
			return cli_usage(EN ? "--from is after --to" : "--from 晚于 --to");
		q.mode = flag(a, "recorded") ? CHANGES_RECORDED : CHANGES_EFFECTIVE;
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	if ((rc = division_opt(a, st, &q.division, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct changes_result r;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = changes_compute(st, &q, &r, &ar, &e);
	if (err == ERR_OK && arg(a, "xlsx")) {
		if ((err = view_changes_sheet(&r, arg(a, "xlsx"), SHEET_XLSX, &e)) == ERR_OK)
			printf(EN ? "wrote %s\n" : "已写出 %s\n", arg(a, "xlsx"));
	} else if (err == ERR_OK) {
		if (strcmp(format, "json") == 0) {
			json_t *j = view_changes_json(&r);
			cli_print_json(j);
			json_decref(j);
		} else {
			struct buf b;
			buf_init(&b);
			if (strcmp(format, "csv") == 0)
				view_changes_csv(&r, &b);
			else
				view_changes_table(&r, &b);
			cli_print(&b);
			buf_free(&b);
		}
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}
