/* cli_check.c: data quality on the command line: `check` (runs the rules and keeps the findings), `findings`
 * (list, show, waive, export, check again), `campaign` (new, show, list), `external` (the lists of other
 * departments: list, show, delete, kinds) and `import external`. The command line acts for the office (the
 * county's scope and rights): its waivers need no confirmation. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/campaign.h"
#include "domain/check.h"
#include "domain/external.h"
#include "domain/finding.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_check[] = {
	{ "rule", true, "one rule, or several separated by commas" },
	{ "rules", false, "list the rules" },
	{ "as-of", true, "date" },
	{ "division", true, "division code or name" },
	{ "dry-run", false, "do not keep the findings" },
	{ NULL, false, NULL },
};
const struct opt opts_findings[] = {
	{ "state", true, "open, fixed or waived" },
	{ "pending", false, "only waivers waiting for confirmation" },
	{ "rule", true, "rule code" },
	{ "category", true, "identification, exit, information or records" },
	{ "division", true, "division code or name" },
	{ "household", true, "户编号" },
	{ "reason", true, "why the finding is waived" },
	{ "note", true, "why a waiver is refused" },
	{ "limit", true, "rows" },
	{ NULL, false, NULL },
};
const struct opt opts_campaign[] = {
	{ "rules", true, "rule codes, comma-separated" },
	{ "start", true, "first day (default today)" },
	{ "deadline", true, "last day" },
	{ "division", true, "division code or name" },
	{ "by", true, "town or village" },
	{ "note", true, "the acceptance's words (close)" },
	{ NULL, false, NULL },
};
const struct opt opts_external[] = {
	{ "deleted", false, "deleted lists too" },
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

static void
print_json(json_t *j)
{
	cli_print_json(j);
	json_decref(j);
}

static void
print_buf(struct buf *b)
{
	cli_print(b);
	buf_free(b);
}

/* ---- check ---- */

int
cmd_check(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	if (flag(a, "rules")) {
		if (strcmp(format, "json") == 0)
			print_json(view_rules_json());
		else {
			struct buf b;
			buf_init(&b);
			view_rules_table(&b);
			print_buf(&b);
		}
		return 0;
	}
	struct check_query q = { .only = -1, .keep = !flag(a, "dry-run"), .actor = cli_actor(), .now = a->now };
	if (!cli_date(a, "as-of", &q.as_of))
		return 2;
	int sel[R__MAX];
	if (arg(a, "rule")) {
		struct errinfo e;
		errinfo_clear(&e);
		if (check_parse_rules(arg(a, "rule"), sel, &q.n_rules, &e) != ERR_OK || q.n_rules == 0) {
			fprintf(stderr, EN ? "tuopin: unknown rule %s; the rules are:\n" : "tuopin: 没有规则 %s；规则有：\n",
			    arg(a, "rule"));
			for (int i = 0; i < R__MAX; i++)
				fprintf(stderr, "  %-24s %-9s %s\n", rules[i].code, rules[i].ref, rule_label((enum rule)i));
			return 2;
		}
		q.rules = sel;
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
	struct check_result r;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = check_run(st, &q, &r, &ar, &e);
	size_t open = 0;
	if (err == ERR_OK) {
		open = r.open;
		if (strcmp(format, "json") == 0)
			print_json(view_check_json(&r));
		else {
			struct buf b;
			buf_init(&b);
			view_check_table(&r, &b);
			print_buf(&b);
		}
	}
	store_close(st);
	arena_free(&ar);
	if (err != ERR_OK)
		return cli_fail(&e);
	return open ? 1 : 0;
}

/* ---- findings ---- */

static bool
parse_id(const char *s, int64_t *id)
{
	return s && parse_i64(s, strlen(s), id) && *id > 0;
}

static int
findings_query(struct args *a, struct store *st, struct finding_query *q, struct arena *ar)
{
	memset(q, 0, sizeof(*q));
	q->state = q->rule = q->category = -1;
	const char *v;
	if ((v = arg(a, "state"))) {
		enum finding_state s;
		if (!finding_state_from_code(v, &s))
			return cli_usage(EN ? "--state must be open, fixed or waived" : "--state 只能是 open、fixed 或 waived");
		q->state = (int)s;
	}
	q->pending = flag(a, "pending");
	if ((v = arg(a, "rule")) && (q->rule = rule_find(v)) < 0)
		return cli_usage(msg_text(MSG_RULE_UNKNOWN), v);
	if ((v = arg(a, "category"))) {
		enum category c;
		if (!category_from_code(v, &c))
			return cli_usage(EN ? "--category must be identification, exit, information or records"
					    : "--category 只能是 identification、exit、information 或 records");
		q->category = (int)c;
	}
	q->hh_no = arg(a, "household");
	if ((v = arg(a, "limit"))) {
		int64_t n;
		if (!parse_i64(v, strlen(v), &n) || n < 1 || n > 1000000)
			return cli_usage(msg_text(MSG_BAD_PARAM), "limit", v);
		q->limit = (int)n;
	}
	return division_opt(a, st, &q->division, ar);
}

int
cmd_findings(struct args *a)
{
	static const char *const formats[] = { "table", "json", "csv" };
	const char *format = cli_format(a, formats, 3);
	if (!format)
		return 2;
	const char *sub = a->n_pos ? a->pos[0] : "list";
	int64_t id = 0;
	bool needs_id = !strcmp(sub, "show") || !strcmp(sub, "waive") || !strcmp(sub, "confirm") ||
	    !strcmp(sub, "refuse") || !strcmp(sub, "recheck");
	if (needs_id && (a->n_pos != 2 || !parse_id(a->pos[1], &id)))
		return cli_usage(EN ? "usage: tuopin findings %s ID" : "用法：tuopin findings %s 编号", sub);
	if (!needs_id && strcmp(sub, "list") != 0 && strcmp(sub, "export") != 0)
		return cli_usage(EN ? "usage: tuopin findings [list|show ID|waive ID --reason R|confirm ID|refuse ID --note N|"
				      "recheck ID|export FILE]"
				    : "用法：tuopin findings [list|show 编号|waive 编号 --reason 原因|confirm 编号|refuse 编号 --note 说明|"
				      "recheck 编号|export 文件]");
	if (!strcmp(sub, "export") && a->n_pos != 2)
		return cli_usage(EN ? "usage: tuopin findings export FILE [--division C]" : "用法：tuopin findings export 文件 [--division 区划]");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	struct finding_actor by = { .name = cli_actor(), .level = 0, .now = a->now };
	if (!strcmp(sub, "list") || !strcmp(sub, "export")) {
		struct finding_query q;
		if ((rc = findings_query(a, st, &q, &ar)))
			goto out;
		if (!strcmp(sub, "export")) {
			const char *path = a->pos[1];
			size_t n = strlen(path);
			enum sheet_kind kind = n > 4 && strcasecmp(path + n - 4, ".csv") == 0 ? SHEET_CSV : SHEET_XLSX;
			if (q.state < 0 && !q.pending)
				q.state = FS_OPEN;
			int rows;
			if ((err = finding_export(st, &by, &q, path, kind, &rows, &e)) == ERR_OK)
				printf(EN ? "%d findings written to %s\n" : "已将 %d 个问题写入 %s\n", rows, path);
		} else {
			struct finding_row *v;
			size_t n;
			int64_t total;
			if ((err = finding_list(st, &q, &v, &n, &total, &ar, &e)) == ERR_OK) {
				if (!strcmp(format, "json"))
					print_json(view_findings_json(v, n, total, &ar));
				else {
					struct buf b;
					buf_init(&b);
					if (!strcmp(format, "csv"))
						view_findings_csv(v, n, &b, &ar);
					else
						view_findings_table(v, n, total, &b, &ar);
					print_buf(&b);
				}
			}
		}
	} else {
		if (!strcmp(sub, "waive"))
			err = finding_waive(st, &by, id, arg(a, "reason"), NULL, &ar, &e);
		else if (!strcmp(sub, "confirm"))
			err = finding_decide(st, &by, id, true, arg(a, "note"), NULL, &ar, &e);
		else if (!strcmp(sub, "refuse"))
			err = finding_decide(st, &by, id, false, arg(a, "note"), NULL, &ar, &e);
		else if (!strcmp(sub, "recheck"))
			err = finding_recheck(st, id, &by, NULL, &ar, &e);
		struct finding_view v;
		if (err == ERR_OK && (err = finding_get(st, id, &v, &ar, &e)) == ERR_OK) {
			if (!strcmp(format, "json"))
				print_json(view_finding_json(&v, &ar));
			else {
				struct buf b;
				buf_init(&b);
				view_finding_table(&v, &b, &ar);
				print_buf(&b);
			}
		}
	}
	if (err != ERR_OK)
		rc = cli_fail(&e);
out:
	store_close(st);
	arena_free(&ar);
	return rc;
}

/* ---- campaigns ---- */

int
cmd_campaign(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	const char *sub = a->pos[0];
	bool named = !strcmp(sub, "new") || !strcmp(sub, "show") || !strcmp(sub, "close");
	if (named ? a->n_pos != 2 : (strcmp(sub, "list") != 0 || a->n_pos != 1))
		return cli_usage(EN ? "usage: tuopin campaign new NAME --rules R,... [--start D] [--deadline D] [--division C] | "
				      "show NAME [--by town|village] | close NAME [--note N] | list"
				    : "用法：tuopin campaign new 名称 --rules 规则,… [--start 日期] [--deadline 日期] [--division 区划] | "
				      "show 名称 [--by town|village] | close 名称 [--note 验收意见] | list");
	struct campaign_req q = { .name = a->n_pos > 1 ? a->pos[1] : NULL, .rules = arg(a, "rules") };
	if (!cli_date(a, "start", &q.start) || !cli_date(a, "deadline", &q.deadline))
		return 2;
	const char *by = arg(a, "by");
	if (by && strcmp(by, "town") != 0 && strcmp(by, "village") != 0)
		return cli_usage(EN ? "--by must be town or village" : "--by 只能是 town 或 village");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	if ((rc = division_opt(a, st, &q.division, &ar)))
		goto out;
	const char *name = q.name;
	if (!strcmp(sub, "new")) {
		struct finding_actor who = { .name = cli_actor(), .now = a->now };
		struct campaign_row c;
		err = campaign_create(st, &who, &q, &c, &ar, &e);
		if (err == ERR_OK)
			name = c.name;
	} else if (!strcmp(sub, "close")) {
		struct finding_actor who = { .name = cli_actor(), .now = a->now };
		err = campaign_close(st, &who, name, arg(a, "note"), &e);
	}
	if (err == ERR_OK && strcmp(sub, "list") != 0) {
		struct campaign_board b;
		if ((err = campaign_show(st, name, by && !strcmp(by, "village") ? LV_VILLAGE : LV_TOWN, &b, &ar, &e)) == ERR_OK) {
			if (!strcmp(format, "json"))
				print_json(view_campaign_json(&b));
			else {
				struct buf buf;
				buf_init(&buf);
				view_campaign_table(&b, &buf);
				print_buf(&buf);
			}
		}
	} else if (err == ERR_OK) {
		struct campaign_board *v;
		size_t n;
		if ((err = campaign_list(st, &v, &n, &ar, &e)) == ERR_OK) {
			if (!strcmp(format, "json"))
				print_json(view_campaigns_json(v, n));
			else {
				struct buf buf;
				buf_init(&buf);
				view_campaigns_table(v, n, &buf);
				print_buf(&buf);
			}
		}
	}
	if (err != ERR_OK)
		rc = cli_fail(&e);
out:
	store_close(st);
	arena_free(&ar);
	return rc;
}

/* ---- other departments' lists ---- */

int
cmd_import_external(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	if (!arg(a, "kind"))
		return cli_usage(EN ? "import external needs --kind (%s)" : "导入比对名单须指定 --kind（%s）", ext_kind_codes());
	struct external_opts o = { .path = a->pos[1], .kind = arg(a, "kind"), .source = arg(a, "source"),
		.dry_run = flag(a, "dry-run"), .lenient = flag(a, "lenient"), .now = a->now, .actor = cli_actor() };
	if (!cli_date(a, "date", &o.date))
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct external_result r;
	memset(&r, 0, sizeof(r));
	problems_init(&r.problems, &ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = external_import(st, &o, &r, &ar, &e);
	if (err != ERR_OK && err != ERR_INVALID) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	if (err == ERR_INVALID && e.field[0] && r.problems.n == 0) {
		/* the kind or the date, not the file */
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	if (!strcmp(format, "json"))
		print_json(view_external_import_json(&r));
	else {
		struct buf b;
		buf_init(&b);
		view_external_import_summary(&r, &b);
		print_buf(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_OK ? 0 : 1;
}

int
cmd_external(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	const char *sub = a->pos[0];
	int64_t id = 0;
	bool with_id = !strcmp(sub, "show") || !strcmp(sub, "delete");
	if ((with_id && (a->n_pos != 2 || !parse_id(a->pos[1], &id))) ||
	    (!with_id && ((strcmp(sub, "list") != 0 && strcmp(sub, "kinds") != 0) || a->n_pos != 1)))
		return cli_usage(EN ? "usage: tuopin external list [--deleted] | show ID | delete ID | kinds"
				    : "用法：tuopin external list [--deleted] | show 编号 | delete 编号 | kinds");
	if (!strcmp(sub, "kinds")) {
		json_t *j = view_external_kinds_json();
		if (!strcmp(format, "json"))
			print_json(j);
		else {
			size_t i;
			json_t *k;
			json_array_foreach(json_object_get(j, "kinds"), i, k)
				printf("%-12s %s（%s）\n", json_string_value(json_object_get(k, "code")),
				    json_string_value(json_object_get(k, "label")), json_string_value(json_object_get(k, "source")));
			json_decref(j);
		}
		return 0;
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err;
	if (!strcmp(sub, "list")) {
		struct external_list_row *v;
		size_t n;
		if ((err = external_lists(st, flag(a, "deleted"), &v, &n, &ar, &e)) == ERR_OK) {
			if (!strcmp(format, "json"))
				print_json(view_external_lists_json(v, n));
			else {
				struct buf b;
				buf_init(&b);
				view_external_lists_table(v, n, &b);
				print_buf(&b);
			}
		}
	} else if (!strcmp(sub, "delete")) {
		if ((err = external_delete(st, id, cli_actor(), NULL, a->now, &e)) == ERR_OK)
			printf(EN ? "list %lld deleted (its rows are gone; the findings keep their evidence)\n"
				  : "名单 %lld 已删除（名单数据已清除，问题保留其依据）\n", (long long)id);
	} else {
		struct external_summary s;
		if ((err = external_show(st, id, cli_actor(), NULL, &s, &ar, &e)) == ERR_OK) {
			json_t *j = view_external_list_json(&s.list);
			json_object_set_new(j, "matched", json_integer(s.matched));
			json_object_set_new(j, "other_name", json_integer(s.other_name));
			if (!strcmp(format, "json"))
				print_json(j);
			else {
				char d[11];
				printf(EN ? "list %lld: %s from %s dated %s, %lld rows; %lld held by members in scope (%lld under "
					    "another name)%s\n"
					  : "名单 %lld：%s（%s，%s），%lld 行；其中 %lld 行为建档立卡人员（%lld 行姓名不符）%s\n",
				    (long long)id, json_string_value(json_object_get(j, "kind_label")), s.list.source ? s.list.source : "",
				    date_format(s.list.list_date, d), (long long)s.list.rows, (long long)s.matched,
				    (long long)s.other_name, s.list.deleted_at ? (EN ? " (deleted)" : "（已删除）") : "");
				json_decref(j);
			}
		}
	}
	if (err != ERR_OK)
		rc = cli_fail(&e);
	store_close(st);
	arena_free(&ar);
	return rc;
}
