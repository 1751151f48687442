/* cli_income.c: the yearly income survey (收入调查): `tuopin income set HH_NO YEAR [items]`, `income show
 * HH_NO` (every year as now known, and each year's recorded versions), `income import FILE [--year Y]`
 * (the same as `tuopin import income`). Calls domain/income.c and the importer; prints with src/view/. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/import.h"
#include "domain/income.h"
#include "domain/report.h"
#include "domain/txn.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_income[] = {
	{ "wage", true, "工资性收入 (yuan)" },
	{ "business", true, "生产经营性收入 (yuan)" },
	{ "property", true, "财产性收入 (yuan)" },
	{ "transfer", true, "转移性收入 (yuan)" },
	{ "cost", true, "生产经营性支出 (yuan)" },
	{ "size", true, "家庭人口 (default: the members at the end of the year)" },
	{ "net-pc", true, "人均纯收入 as reported (yuan), checked against the items" },
	{ "reason", true, "why (a correction of a surveyed year)" },
	{ "year", true, "income import: the year of rows without 收入年度" },
	{ "dry-run", false, "income import: validate only" },
	{ NULL, false, NULL },
};

static bool
money_opt(const struct args *a, const char *name, int64_t *out)
{
	const char *v = arg(a, name);
	*out = -1;
	if (!v)
		return true;
	if (!parse_money_fen(v, strlen(v), out) || *out < 0) {
		cli_usage(msg_text(MSG_BAD_MONEY), v);
		return false;
	}
	return true;
}

static int
income_set_cmd(struct args *a)
{
	int64_t year;
	if (a->n_pos != 3)
		return cli_usage(EN ? "usage: tuopin income set HH_NO YEAR [--wage Y] [--business Y] [--property Y] "
				      "[--transfer Y] [--cost Y] [--size N] [--net-pc Y] [--reason R]"
				    : "用法：tuopin income set 户编号 年度 [--wage 元] [--business 元] [--property 元] "
				      "[--transfer 元] [--cost 元] [--size 人数] [--net-pc 元] [--reason 原因]");
	if (!parse_i64(a->pos[2], strlen(a->pos[2]), &year) || year < 1000 || year > 9999)
		return cli_usage(msg_text(MSG_BAD_YEAR), a->pos[2]);
	struct income_req q = { .hh_no = a->pos[1], .reason = arg(a, "reason"), .source = "form" };
	q.in.year = (int)year;
	if (!money_opt(a, "wage", &q.in.wage) || !money_opt(a, "business", &q.in.business) ||
	    !money_opt(a, "property", &q.in.property) || !money_opt(a, "transfer", &q.in.transfer) ||
	    !money_opt(a, "cost", &q.in.business_cost) || !money_opt(a, "net-pc", &q.in.net_pc))
		return 2;
	if (arg(a, "size")) {
		int64_t n;
		if (!parse_i64(arg(a, "size"), strlen(arg(a, "size")), &n) || n < 1 || n > 30)
			return cli_usage(msg_text(MSG_BAD_PARAM), "--size", arg(a, "size"));
		q.in.size = (int)n;
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	struct txn t;
	struct income out;
	bool changed = false;
	enum err err = txn_begin(&t, st, a->now, cli_actor(), &e);
	if (err == ERR_OK) {
		err = income_set(&t, &q, &out, &changed, &e);
		if (err == ERR_OK)
			err = txn_commit(&t, &e);
		else
			txn_rollback(&t);
	}
	store_close(st);
	if (err != ERR_OK)
		return cli_fail(&e);
	char pc[32];
	format_fen(out.net_pc, pc, sizeof(pc));
	if (!changed)
		printf(EN ? "%s %d: unchanged (per-capita net income %s yuan, %d persons)\n"
			  : "%s %d 年收入与已有记录相同，未修改（人均纯收入 %s 元，%d 人）\n", q.hh_no, q.in.year, pc, out.size);
	else
		printf(EN ? "%s %d: income recorded; per-capita net income %s yuan (%d persons)\n"
			  : "已记录 %s %d 年收入：人均纯收入 %s 元（%d 人）\n", q.hh_no, q.in.year, pc, out.size);
	return 0;
}

static int
income_show_cmd(struct args *a)
{
	if (a->n_pos != 2)
		return cli_usage(EN ? "usage: tuopin income show HH_NO" : "用法：tuopin income show 户编号");
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	struct household_view v;
	enum err err = household_view_load(st, a->pos[1], date_today(), false, cli_actor(), NULL, &v, &ar, &e);
	if (err != ERR_OK) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	json_t *j = view_income_json(&v);
	if (strcmp(format, "json") == 0)
		cli_print_json(j);
	else {
		struct buf b;
		buf_init(&b);
		view_income_table(&v, &b);
		cli_print(&b);
		buf_free(&b);
	}
	json_decref(j);
	store_close(st);
	arena_free(&ar);
	return 0;
}

int
cmd_income(struct args *a)
{
	const char *what = a->pos[0];
	if (strcmp(what, "set") == 0)
		return income_set_cmd(a);
	if (strcmp(what, "show") == 0)
		return income_show_cmd(a);
	if (strcmp(what, "import") == 0 && a->n_pos == 2)
		return cli_import_file(a, "income", a->pos[1]);
	return cli_usage(EN ? "usage: tuopin income set|show|import ..." : "用法：tuopin income set|show|import …");
}
