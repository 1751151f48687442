/* cli_monitor.c: `tuopin monitor line set|list|stats|cases|warnings|dismiss` and `tuopin programme add|list` (防返贫动态监测,
 * ARCHITECTURE.md §10). Cases are opened and closed through `tuopin proposal new monitor_in|risk_eliminate`. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/codes.h"
#include "domain/monitor.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view_monitor.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_monitor[] = {
	{ "as-of", true, "date" },
	{ "division", true, "division code or name" },
	{ "by", true, "town|village" },
	{ "state", true, "monitored|eliminated" },
	{ "type", true, "unstable|marginal|sudden" },
	{ "programme", true, "dibao|dibao_edge|tekun" },
	{ "risk", true, "illness|school|disability|disaster|accident|industry|employment|labour|housing|water|other (list)" },
	{ "region", true, "CN or a 2-digit province code (line set)" },
	{ "note", true, "note (line set)" },
	{ "rule", true, "low_income|income_fall|health (warnings)" },
	{ "all", false, "dismissed warnings too (warnings)" },
	{ "reason", true, "why the warning is dismissed (dismiss)" },
	{ "date", true, "the day of the dismissal (dismiss; default today)" },
	{ NULL, false, NULL },
};

const struct opt opts_programme[] = {
	{ "id-no", true, "a member's ID number instead of HH_NO" },
	{ "programme", true, "dibao|dibao_edge|tekun (低保, 低保边缘, 特困)" },
	{ "from", true, "first day" },
	{ "to", true, "day it ended (exclusive; default open)" },
	{ "source", true, "where it comes from (default form)" },
	{ NULL, false, NULL },
};

static int
division_of(struct args *a, struct store *st, int64_t *code, struct arena *ar)
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

static int
line_set(struct args *a)
{
	if (a->n_pos != 4 || strcmp(a->pos[1], "set") != 0)
		return cli_usage(EN ? "usage: tuopin monitor line set YEAR AMOUNT [--region R] [--note N]"
				    : "用法：tuopin monitor line set 年度 金额 [--region 地区] [--note 说明]");
	int64_t year, amount;
	if (!parse_i64(a->pos[2], strlen(a->pos[2]), &year) || year < 2000 || year > 2100)
		return cli_usage(msg_text(MSG_BAD_YEAR), a->pos[2]);
	if (!parse_money_fen(a->pos[3], strlen(a->pos[3]), &amount) || amount <= 0)
		return cli_usage(msg_text(MSG_BAD_MONEY), a->pos[3]);
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = txn_begin(&t, st, a->now, cli_actor(), &e);
	if (err == ERR_OK) {
		err = monitor_line_set(&t, (int)year, arg(a, "region"), amount, arg(a, "note"), &e);
		err = err == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), err);
	}
	if (err == ERR_OK) {
		char yuan[32];
		/* a province's line says whose it is (the nation's, CN, is the default) */
		const char *rg = arg(a, "region") && *arg(a, "region") && strcmp(arg(a, "region"), "CN") != 0 ? arg(a, "region") : NULL;
		char who[40] = "";
		if (rg)
			snprintf(who, sizeof(who), EN ? " (region %s)" : "（%s）", rg);
		printf(EN ? "monitoring line of %lld%s set to %s yuan\n" : "已设置 %lld 年监测标准%s为 %s 元\n", (long long)year, who,
		    format_fen(amount, yuan, sizeof(yuan)));
	}
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
list_or_stats(struct args *a, bool stats)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	int day = 0;
	if (!cli_date(a, "as-of", &day))
		return 2;
	int by = 0;
	const char *b = arg(a, "by");
	if (b && strcmp(b, "town") == 0)
		by = LV_TOWN;
	else if (b && strcmp(b, "village") == 0)
		by = LV_VILLAGE;
	else if (b)
		return cli_usage(EN ? "--by must be town or village" : "--by 只能是 town 或 village");
	const char *state = arg(a, "state");
	if (state && strcmp(state, "monitored") != 0 && strcmp(state, "eliminated") != 0)
		return cli_usage(EN ? "--state must be monitored or eliminated" : "--state 只能是 monitored 或 eliminated");
	const char *type = NULL, *prog = NULL, *risk = NULL;
	if (arg(a, "type")) {
		const struct code *c = code_find(CL_MON_TYPE, str_from(arg(a, "type")));
		if (!c)
			return cli_usage(msg_text(MSG_MON_TYPE), arg(a, "type"), "unstable, marginal, sudden");
		type = c->code;
	}
	if (arg(a, "programme")) {
		const struct code *c = code_find(CL_PROGRAMME, str_from(arg(a, "programme")));
		if (!c)
			return cli_usage(msg_text(MSG_PROGRAMME_KIND), arg(a, "programme"), "dibao, dibao_edge, tekun");
		prog = c->code;
	}
	if (arg(a, "risk")) {
		const struct code *c = code_find(CL_MON_RISK, str_from(arg(a, "risk")));
		if (!c)
			return cli_usage(msg_text(MSG_MON_RISK), arg(a, "risk"),
			    "illness, school, disability, disaster, accident, industry, employment, labour, housing, water, other");
		risk = c->code;
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	int64_t division;
	if ((rc = division_of(a, st, &division, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct errinfo e;
	errinfo_clear(&e);
	enum err err;
	struct buf out;
	buf_init(&out);
	json_t *j = NULL;
	if (stats) {
		struct monitor_stats r;
		err = monitor_stats(st, day, division, by, &r, &ar, &e);
		if (err == ERR_OK && strcmp(format, "json") == 0)
			j = view_monitor_stats_json(&r);
		else if (err == ERR_OK)
			view_monitor_stats_table(&r, &out);
	} else {
		struct monitor_query q = { .day = day ? day : date_today(), .division = division, .state = state, .type = type,
			.programme = prog, .risk = risk };
		struct monitor_row *v;
		size_t n;
		err = monitor_list(st, &q, &v, &n, &ar, &e);
		if (err == ERR_OK && strcmp(format, "json") == 0)
			j = view_monitor_list_json(v, n, q.day);
		else if (err == ERR_OK)
			view_monitor_list_table(v, n, &out);
	}
	if (j) {
		cli_print_json(j);
		json_decref(j);
	} else if (err == ERR_OK)
		cli_print(&out);
	buf_free(&out);
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
cases(struct args *a)
{
	if (a->n_pos != 2)
		return cli_usage(EN ? "usage: tuopin monitor cases HH_NO [--format table|json]"
				    : "用法：tuopin monitor cases 户编号 [--format table|json]");
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
	struct monitor_case *c;
	size_t n;
	struct programme *p;
	size_t np = 0;
	enum err err = monitor_cases(st, a->pos[1], &c, &n, &ar, &e);
	if (err == ERR_OK)
		err = programme_list(st, a->pos[1], &p, &np, &ar, &e);
	if (err == ERR_OK && strcmp(format, "table") == 0) {
		struct buf out;
		buf_init(&out);
		view_monitor_cases_table(c, n, p, np, &out);
		cli_print(&out);
		buf_free(&out);
	} else if (err == ERR_OK) {
		json_t *cs = json_array(), *ps = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(cs, view_monitor_case_json(&c[i]));
		for (size_t i = 0; i < np; i++)
			json_array_append_new(ps, view_programme_json(&p[i]));
		json_t *j = json_pack("{s:s, s:o, s:o}", "household", a->pos[1], "cases", cs, "programmes", ps);
		cli_print_json(j);
		json_decref(j);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
warnings(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	int day = 0;
	if (!cli_date(a, "as-of", &day))
		return 2;
	const char *rule = arg(a, "rule");
	if (rule) {
		bool ok = false;
		for (int i = 0; i < WR__MAX; i++)
			ok |= strcmp(rule, warning_rules[i]) == 0;
		if (!ok)
			return cli_usage(EN ? "--rule must be low_income, income_fall or health"
					    : "--rule 只能是 low_income、income_fall 或 health");
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct warning_query q = { .day = day, .rule = rule, .all = flag(a, "all") };
	if ((rc = division_of(a, st, &q.division, &ar))) {
		store_close(st);
		arena_free(&ar);
		return rc;
	}
	struct errinfo e;
	errinfo_clear(&e);
	struct warning_list l;
	enum err err = monitor_warnings(st, &q, &l, &ar, &e);
	if (err == ERR_OK && strcmp(format, "json") == 0) {
		json_t *j = view_warnings_json(&l);
		cli_print_json(j);
		json_decref(j);
	} else if (err == ERR_OK) {
		struct buf out;
		buf_init(&out);
		view_warnings_table(&l, &out);
		cli_print(&out);
		buf_free(&out);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static int
dismiss(struct args *a)
{
	if (a->n_pos != 2)
		return cli_usage(EN ? "usage: tuopin monitor dismiss RULE:HH_NO:BASIS --reason R [--date D]"
				    : "用法：tuopin monitor dismiss 规则:户编号:依据 --reason 理由 [--date 日期]");
	int day = 0;
	if (!cli_date(a, "date", &day))
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = txn_begin(&t, st, a->now, cli_actor(), &e);
	if (err == ERR_OK) {
		err = monitor_warning_dismiss(&t, a->pos[1], arg(a, "reason"), day, &e);
		err = err == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), err);
	}
	if (err == ERR_OK)
		printf(EN ? "warning %s dismissed\n" : "已排除预警 %s\n", a->pos[1]);
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

int
cmd_monitor(struct args *a)
{
	const char *what = a->pos[0];
	if (strcmp(what, "line") == 0)
		return line_set(a);
	if (strcmp(what, "list") == 0 && a->n_pos == 1)
		return list_or_stats(a, false);
	if (strcmp(what, "stats") == 0 && a->n_pos == 1)
		return list_or_stats(a, true);
	if (strcmp(what, "cases") == 0)
		return cases(a);
	if (strcmp(what, "warnings") == 0 && a->n_pos == 1)
		return warnings(a);
	if (strcmp(what, "dismiss") == 0)
		return dismiss(a);
	return cli_usage(EN ? "usage: tuopin monitor line set YEAR AMOUNT | list | stats | cases HH_NO | warnings | "
			      "dismiss RULE:HH_NO:BASIS --reason R"
			    : "用法：tuopin monitor line set 年度 金额 | list | stats | cases 户编号 | warnings | "
			      "dismiss 规则:户编号:依据 --reason 理由");
}

int
cmd_programme(struct args *a)
{
	if (strcmp(a->pos[0], "list") == 0 && a->n_pos == 2) {
		struct store *st;
		int rc = cli_open(a, &st, false);
		if (rc)
			return rc;
		struct arena ar;
		arena_init(&ar);
		struct errinfo e;
		errinfo_clear(&e);
		struct programme *p;
		size_t n;
		enum err err = programme_list(st, a->pos[1], &p, &n, &ar, &e);
		if (err == ERR_OK) {
			json_t *rows = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(rows, view_programme_json(&p[i]));
			json_t *j = json_pack("{s:s, s:o}", "household", a->pos[1], "rows", rows);
			cli_print_json(j);
			json_decref(j);
		}
		store_close(st);
		arena_free(&ar);
		return err == ERR_OK ? 0 : cli_fail(&e);
	}
	if (strcmp(a->pos[0], "add") != 0 || a->n_pos > 2)
		return cli_usage(EN ? "usage: tuopin programme add (HH_NO | --id-no ID) --programme P --from D [--to D] "
				      "[--source S] | programme list HH_NO"
				    : "用法：tuopin programme add (户编号 | --id-no 证件号码) --programme 项目 --from 日期 [--to 日期] "
				      "[--source 来源] | programme list 户编号");
	struct programme_req r = { 0 };
	r.hh_no = a->n_pos == 2 ? a->pos[1] : NULL;
	r.id_no = arg(a, "id-no");
	r.kind = arg(a, "programme");
	r.source = arg(a, "source");
	if (!cli_date(a, "from", &r.from) || !cli_date(a, "to", &r.to))
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = txn_begin(&t, st, a->now, cli_actor(), &e);
	if (err == ERR_OK) {
		err = programme_add(&t, &r, &e);
		err = err == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), err);
	}
	if (err == ERR_OK)
		printf(EN ? "programme recorded\n" : "已登记帮扶救助项目\n");
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}
