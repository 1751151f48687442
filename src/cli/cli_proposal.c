/* cli_proposal.c: `tuopin proposal new|act|show|list|sheet`, `tuopin notice`, `tuopin workflow load|list`,
 * `tuopin assessment add|list`, `tuopin config get|set` and `tuopin village-exit` (ARCHITECTURE.md §10).
 * Without --user the command line acts as the office (every step, the whole database); with --user NAME it
 * acts with that account's role and divisions, as the API would. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/auth.h"
#include "domain/proposal.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"
#include "view/view_proposal.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_proposal[] = {
	{ "village", true, "village code (village_exit)" },
	{ "effective", true, "effective date of the event" },
	{ "reason", true, "reason" },
	{ "batch", true, "campaign" },
	{ "channel", true, "apply|screening|comparison|feedback; monitor_in: self|screening|department|supervision|platform" },
	{ "monitor-type", true, "monitor_in: unstable|marginal|sudden" },
	{ "risks", true, "monitor_in: 1 to 5 risk types, comma-separated (illness,school,...)" },
	{ "way", true, "risk_eliminate: help|natural" },
	{ "new-household", true, "identify, include_missed: JSON file of the household and its members" },
	{ "date", true, "the day it happened" },
	{ "note", true, "note" },
	{ "votes", true, "FOR/AGAINST/ABSTAIN" },
	{ "override", true, "why a failing check is overridden" },
	{ "step", true, "the step acted on / listed" },
	{ "user", true, "act as this account" },
	{ "state", true, "open|approved|rejected" },
	{ "division", true, "division code" },
	{ "type", true, "proposal type" },
	{ "household", true, "household number" },
	{ "inbox", false, "waiting for a step the user may do" },
	{ NULL, false, NULL },
};
const struct opt opts_notice[] = { { "user", true, "as this account" }, { NULL, false, NULL } };
const struct opt opts_assessment[] = {
	{ "date", true, "day of the visit" },
	{ "assessor", true, "who assessed" },
	{ "food", true, "yes|no" },
	{ "clothing", true, "yes|no" },
	{ "education", true, "yes|no" },
	{ "medical", true, "yes|no" },
	{ "housing", true, "A|B|C|D|relocated" },
	{ "water", true, "yes|no" },
	{ "note", true, "note" },
	{ "user", true, "as this account" },
	{ NULL, false, NULL },
};
const struct opt opts_village_exit[] = {
	{ "as-of", true, "date" },
	{ "division", true, "division code" },
	{ "user", true, "as this account" },
	{ NULL, false, NULL },
};

/* --user NAME: the account's role and scope; without it the office (role NULL, everything). */
static int
as_user(const struct args *a, struct store *st, struct proposal_user *u, struct arena *ar)
{
	const char *name = arg(a, "user");
	u->name = NULL;
	u->role = NULL;
	if (!name)
		return 0;
	struct user x;
	struct errinfo e;
	errinfo_clear(&e);
	if (store_user_by_name(st, name, &x, ar, &e) != ERR_OK) {
		errinfo_set(&e, ERR_NOTFOUND, "user", MSG_USAGE, EN ? "no such user" : "没有该用户");
		return cli_fail(&e);
	}
	const struct role *r = role_find(x.role);
	if (!r || !(r->caps & CAP_READ)) {
		errinfo_set(&e, ERR_FORBIDDEN, "user", MSG_OUT_OF_SCOPE);
		return cli_fail(&e);
	}
	u->name = x.name;
	u->role = x.role;
	store_set_scope(st, x.division);
	return 0;
}

static bool
parse_code_opt(const struct args *a, const char *name, int64_t *out)
{
	const char *s = arg(a, name);
	*out = 0;
	if (!s)
		return true;
	if (!parse_i64(s, strlen(s), out) || *out < 100000000000LL || *out > 999999999999LL) {
		cli_usage(msg_text(MSG_DIV_CODE), s);
		return false;
	}
	return true;
}

static void
print_show(const struct proposal_view *v)
{
	char d1[11], d2[11];
	printf(EN ? "proposal %lld  %s  " : "申请 %lld  %s  ", (long long)v->p.id, proposal_type_label(v->p.type));
	if (v->p.hh_no)
		printf(EN ? "household %s (%s)  " : "户编号 %s（户主 %s）  ", v->p.hh_no, v->p.head_name ? v->p.head_name : "-");
	printf("%s%s\n", v->town_name ? v->town_name : "", v->village_name ? v->village_name : "");
	printf(EN ? "state: %s" : "状态：%s", proposal_state_label(v->p.state));
	if (v->step) {
		printf(EN ? "  step: %s since %s" : "  当前步骤：%s（%s 起）", workflow_step_label(v->step),
		    date_format(v->p.step_since, d1));
		if (v->notice_end)
			printf(EN ? ", %d days, closable from %s" : "，公示 %d 天，%s 起可结束", v->step->days,
			    date_format(v->notice_end, d2));
	}
	if (v->p.event_id)
		printf(EN ? "  event %lld" : "  变动记录 %lld", (long long)v->p.event_id);
	putchar('\n');
	if (v->p.override)
		printf(EN ? "check overridden: %s\n" : "核查例外理由：%s\n", v->p.override);
	struct text_table t;
	table_init(&t, 5);
	const char *hz[] = { "步骤", "意见", "日期", "办理人", "说明" }, *he[] = { "step", "decision", "date", "by", "note" };
	table_row(&t, EN ? he : hz);
	for (size_t i = 0; i < v->n_acts; i++) {
		const struct proposal_act *x = &v->acts[i];
		int k = workflow_step_index(&v->wf, x->step);
		char note[400];
		snprintf(note, sizeof(note), "%s", x->note ? x->note : "");
		if (x->votes_for >= 0) {
			size_t n = strlen(note);
			snprintf(note + n, sizeof(note) - n, EN ? "%s%d for, %d against, %d abstaining" : "%s赞成 %d、反对 %d、弃权 %d",
			    n ? "; " : "", x->votes_for, x->votes_against, x->votes_abstain);
		}
		const char *row[] = { k >= 0 ? workflow_step_label(&v->wf.steps[k]) : x->step, x->decision,
			date_format(x->day, d1), x->actor, note };
		table_row(&t, row);
	}
	struct buf b;
	buf_init(&b);
	table_render(&t, &b);
	table_free(&t);
	cli_print(&b);
	buf_free(&b);
}

static int
show_json(struct store *st, int64_t id, const struct proposal_user *u, bool table, struct arena *ar)
{
	struct proposal_view v;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_load(st, id, &v, ar, &e) != ERR_OK)
		return cli_fail(&e);
	if (table)
		print_show(&v);
	else {
		json_t *j = view_proposal_json(&v, u, true);
		cli_print_json(j);
		json_decref(j);
	}
	return 0;
}

static bool
parse_id(const char *s, int64_t *id)
{
	if (!parse_i64(s, strlen(s), id) || *id <= 0) {
		cli_usage(msg_text(MSG_BAD_INT), s);
		return false;
	}
	return true;
}

/* A small text file read whole (arena); NULL with e set if it cannot be read. */
static char *
slurp(const char *path, struct arena *ar, struct errinfo *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		errinfo_set(e, ERR_IO, "file", MSG_IO_READ, path, "");
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.n < (1 << 20))
		buf_append(&b, chunk, n);
	fclose(f);
	char *s = arena_strndup(ar, b.p ? b.p : "", b.n);
	buf_free(&b);
	return s;
}

static int
proposal_new_cmd(struct args *a, struct store *st, const struct proposal_user *u, bool table, struct arena *ar)
{
	struct proposal_new r = { 0 };
	r.type = a->pos[1];
	if (a->n_pos > 3)
		return cli_usage(EN ? "usage: tuopin proposal new TYPE (HH_NO | --village CODE)" : "用法：tuopin proposal new 类型 (户编号 | --village 村代码)");
	r.hh_no = a->n_pos == 3 ? a->pos[2] : NULL;
	if (!parse_code_opt(a, "village", &r.village) || !cli_date(a, "effective", &r.effective) || !cli_date(a, "date", &r.date))
		return 2;
	r.reason = arg(a, "reason");
	r.batch = arg(a, "batch");
	r.channel = arg(a, "channel");
	r.monitor_type = arg(a, "monitor-type");
	r.risks = arg(a, "risks");
	r.way = arg(a, "way");
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	if (arg(a, "new-household") && !(r.new_household = slurp(arg(a, "new-household"), ar, &e)))
		return cli_fail(&e);
	struct problems probs;   /* a new household's, every one */
	problems_init(&probs, ar);
	r.problems = &probs;
	int64_t id = 0;
	enum err err = txn_begin(&t, st, a->now, u->name ? u->name : cli_actor(), &e);
	if (err == ERR_OK) {
		err = proposal_open(&t, u, &r, &id, &e);
		if (err == ERR_OK)
			err = txn_commit(&t, &e);
		else
			txn_rollback(&t);
	}
	if (err != ERR_OK) {
		if (probs.n_errors > 1) {
			struct buf b;
			buf_init(&b);
			view_problems_table(&probs, &b);
			fwrite(b.p, 1, b.n, stderr);
			buf_free(&b);
		}
		return cli_fail(&e);
	}
	return show_json(st, id, u, table, ar);
}

static int
proposal_act_cmd(struct args *a, struct store *st, const struct proposal_user *u, bool table, struct arena *ar)
{
	if (a->n_pos != 3)
		return cli_usage(EN ? "usage: tuopin proposal act ID approve|reject|object" : "用法：tuopin proposal act 编号 approve|reject|object");
	struct proposal_action r = { 0 };
	if (!parse_id(a->pos[1], &r.id) || !cli_date(a, "date", &r.date))
		return 2;
	r.action = a->pos[2];
	r.step = arg(a, "step");
	r.note = arg(a, "note");
	r.votes = arg(a, "votes");
	r.override = arg(a, "override");
	struct txn t;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = txn_begin(&t, st, a->now, u->name ? u->name : cli_actor(), &e);
	if (err == ERR_OK) {
		err = proposal_act(&t, u, &r, &e);
		if (err == ERR_OK)
			err = txn_commit(&t, &e);
		else
			txn_rollback(&t);
	}
	if (err != ERR_OK)
		return cli_fail(&e);
	return show_json(st, r.id, u, table, ar);
}

static int
proposal_list_cmd(struct args *a, struct store *st, const struct proposal_user *u, bool table, struct arena *ar)
{
	struct proposal_query q = { 0 };
	if (!parse_code_opt(a, "division", &q.division))
		return 2;
	q.state = arg(a, "state");
	q.step = arg(a, "step");
	q.batch = arg(a, "batch");
	q.type = arg(a, "type");
	q.hh_no = arg(a, "household");
	q.inbox = flag(a, "inbox");
	q.inbox_role = u->role;
	struct proposal_view *v;
	size_t n;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_list(st, &q, &v, &n, ar, &e) != ERR_OK)
		return cli_fail(&e);
	if (!table) {
		json_t *rows = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(rows, view_proposal_json(&v[i], u, false));
		json_t *j = json_pack("{s:o, s:I}", "rows", rows, "total", (json_int_t)n);
		cli_print_json(j);
		json_decref(j);
		return 0;
	}
	struct text_table t;
	table_init(&t, 8);
	const char *hz[] = { "编号", "类型", "户编号", "户主", "村", "状态", "当前步骤", "步骤起始" },
		   *he[] = { "id", "type", "household", "head", "village", "state", "step", "since" };
	table_row(&t, EN ? he : hz);
	for (size_t i = 0; i < n; i++) {
		char id[24], d[11];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].p.id);
		const char *row[] = { id, proposal_type_label(v[i].p.type), v[i].p.hh_no ? v[i].p.hh_no : "-",
			v[i].p.head_name ? v[i].p.head_name : "-", v[i].village_name ? v[i].village_name : "",
			proposal_state_label(v[i].p.state), v[i].step ? workflow_step_label(v[i].step) : "-",
			date_format(v[i].p.step_since, d) };
		table_row(&t, row);
	}
	struct buf b;
	buf_init(&b);
	table_render(&t, &b);
	table_free(&t);
	cli_print(&b);
	buf_free(&b);
	return 0;
}

static int
proposal_sheet_cmd(struct args *a, struct store *st, struct arena *ar)
{
	int64_t id;
	if (a->n_pos != 2 || !parse_id(a->pos[1], &id))
		return 2;
	struct exit_sheet s;
	struct errinfo e;
	errinfo_clear(&e);
	if (proposal_exit_sheet(st, id, &s, ar, &e) != ERR_OK)
		return cli_fail(&e);
	struct buf b;
	buf_init(&b);
	view_exit_sheet_html(&b, &s.v, s.members, s.n_members, s.assessment, &s.check);
	cli_print(&b);
	buf_free(&b);
	return 0;
}

int
cmd_proposal(struct args *a)
{
	const char *sub = a->pos[0];
	bool is_new = strcmp(sub, "new") == 0, is_act = strcmp(sub, "act") == 0;
	/* new and act print the proposal as JSON unless a table is asked for; show and list print tables */
	static const char *const json_first[] = { "json", "table" }, *const table_first[] = { "table", "json" };
	const char *format = cli_format(a, is_new || is_act ? json_first : table_first, 2);
	if (!format)
		return 2;
	bool table = strcmp(format, "table") == 0;
	if (is_new && a->n_pos < 2)
		return cli_usage(EN ? "usage: tuopin proposal new TYPE (HH_NO | --village CODE)" : "用法：tuopin proposal new 类型 (户编号 | --village 村代码)");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct proposal_user u;
	if ((rc = as_user(a, st, &u, &ar)) != 0)
		goto out;
	if (is_new)
		rc = proposal_new_cmd(a, st, &u, table, &ar);
	else if (is_act)
		rc = proposal_act_cmd(a, st, &u, table, &ar);
	else if (strcmp(sub, "show") == 0) {
		int64_t id;
		rc = a->n_pos == 2 && parse_id(a->pos[1], &id) ? show_json(st, id, &u, table, &ar) : 2;
	} else if (strcmp(sub, "list") == 0)
		rc = proposal_list_cmd(a, st, &u, table, &ar);
	else if (strcmp(sub, "sheet") == 0)
		rc = proposal_sheet_cmd(a, st, &ar);
	else
		rc = cli_usage(EN ? "usage: tuopin proposal new|act|show|list|sheet ..." : "用法：tuopin proposal new|act|show|list|sheet …");
out:
	arena_free(&ar);
	store_close(st);
	return rc;
}

int
cmd_notice(struct args *a)
{
	static const char *const formats[] = { "table", "html", "json" };
	const char *format = cli_format(a, formats, 3);
	if (!format)
		return 2;
	int64_t id;
	if (!parse_id(a->pos[0], &id))
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct proposal_user u;
	struct notice n;
	struct errinfo e;
	errinfo_clear(&e);
	if ((rc = as_user(a, st, &u, &ar)) == 0) {
		if (proposal_notice(st, id, &n, &ar, &e) != ERR_OK)
			rc = cli_fail(&e);
		else if (strcmp(format, "json") == 0) {
			json_t *j = view_notice_json(&n);
			cli_print_json(j);
			json_decref(j);
		} else {
			struct buf b;
			buf_init(&b);
			if (strcmp(format, "html") == 0)
				view_notice_html(&b, &n);
			else
				view_notice_text(&b, &n);
			cli_print(&b);
			buf_free(&b);
		}
	}
	arena_free(&ar);
	store_close(st);
	return rc;
}

int
cmd_workflow(struct args *a)
{
	const char *sub = a->pos[0];
	bool load = strcmp(sub, "load") == 0, list = strcmp(sub, "list") == 0;
	if (!(load && a->n_pos == 2) && !(list && a->n_pos == 1))
		return cli_usage(EN ? "usage: tuopin workflow load FILE | workflow list" : "用法：tuopin workflow load 文件 | workflow list");
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	char *text = NULL;
	struct errinfo e;
	errinfo_clear(&e);
	if (load) {
		FILE *f = fopen(a->pos[1], "rb");
		if (!f) {
			errinfo_set(&e, ERR_IO, "file", MSG_IO_READ, a->pos[1], "");
			return cli_fail(&e);
		}
		struct buf b;
		buf_init(&b);
		char chunk[4096];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.n < (1 << 20))
			buf_append(&b, chunk, n);
		fclose(f);
		buf_putc(&b, '\0');
		text = buf_detach(&b);
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc) {
		free(text);
		return rc;
	}
	struct arena ar;
	arena_init(&ar);
	enum err err = ERR_OK;
	if (load) {
		struct txn t;
		struct workflow w;
		err = txn_begin(&t, st, a->now, cli_actor(), &e);
		if (err == ERR_OK) {
			err = workflow_load(&t, text, &w, &ar, &e);
			if (err == ERR_OK)
				err = txn_commit(&t, &e);
			else
				txn_rollback(&t);
		}
		if (err == ERR_OK) {
			if (strcmp(format, "json") == 0) {
				json_t *j = view_workflow_json(&w);
				cli_print_json(j);
				json_decref(j);
			} else
				printf(EN ? "workflow %s version %d loaded (%zu steps)\n" : "已载入流程 %s 第 %d 版（%zu 个步骤）\n",
				    w.code, w.version, w.n_steps);
		}
	} else {
		struct workflow *ws;
		size_t n;
		err = workflow_list(st, &ws, &n, &ar, &e);
		if (err == ERR_OK && strcmp(format, "json") == 0) {
			json_t *rows = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(rows, view_workflow_json(&ws[i]));
			json_t *j = json_pack("{s:o}", "rows", rows);
			cli_print_json(j);
			json_decref(j);
		} else if (err == ERR_OK) {
			for (size_t i = 0; i < n; i++) {
				printf("%s v%d  %s:", ws[i].code, ws[i].version, ws[i].name);
				for (size_t k = 0; k < ws[i].n_steps; k++) {
					printf(" %s%s", k ? "→ " : "", workflow_step_label(&ws[i].steps[k]));
					if (ws[i].steps[k].days)
						printf(EN ? " (%d days)" : "（%d 天）", ws[i].steps[k].days);
				}
				putchar('\n');
			}
		}
	}
	free(text);
	arena_free(&ar);
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

static bool
yes_no(const struct args *a, const char *name, int *out)
{
	const char *s = arg(a, name);
	*out = -1;
	if (!s)
		return true;
	if (strcmp(s, "yes") == 0 || strcmp(s, "是") == 0 || strcmp(s, "1") == 0)
		*out = 1;
	else if (strcmp(s, "no") == 0 || strcmp(s, "否") == 0 || strcmp(s, "0") == 0)
		*out = 0;
	else {
		cli_usage(msg_text(MSG_BAD_BOOL), s);
		return false;
	}
	return true;
}

int
cmd_assessment(struct args *a)
{
	const char *sub = a->pos[0];
	bool add = strcmp(sub, "add") == 0, list = strcmp(sub, "list") == 0;
	if (!(add || list) || a->n_pos != 2)
		return cli_usage(EN ? "usage: tuopin assessment add HH_NO --assessor A [--food yes|no] ... | assessment list HH_NO"
				    : "用法：tuopin assessment add 户编号 --assessor 核实人 [--food yes|no] … | assessment list 户编号");
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	struct assessment x = { 0 };
	if (add) {
		if (!cli_date(a, "date", &x.day) || !yes_no(a, "food", &x.food) || !yes_no(a, "clothing", &x.clothing) ||
		    !yes_no(a, "education", &x.education) || !yes_no(a, "medical", &x.medical) ||
		    !yes_no(a, "water", &x.water))
			return 2;
		x.assessor = (char *)arg(a, "assessor");
		x.housing = (char *)arg(a, "housing");
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	struct proposal_user u;
	enum err err = ERR_OK;
	if ((rc = as_user(a, st, &u, &ar)) != 0)
		goto out;
	if (add) {
		json_t *notes = json_object();
		if (arg(a, "note"))
			json_object_set_new(notes, "note", json_string(arg(a, "note")));
		char *nt = json_dumps(notes, JSON_COMPACT);
		json_decref(notes);
		x.notes = arena_strdup(&ar, nt);
		free(nt);
		struct txn t;
		err = txn_begin(&t, st, a->now, u.name ? u.name : cli_actor(), &e);
		if (err == ERR_OK) {
			err = assessment_record(&t, a->pos[1], &x, &e);
			if (err == ERR_OK)
				err = txn_commit(&t, &e);
			else
				txn_rollback(&t);
		}
		if (err == ERR_OK) {
			json_t *j = view_assessment_json(&x);
			cli_print_json(j);
			json_decref(j);
		}
	} else {
		struct assessment *xs;
		size_t n;
		err = assessment_list(st, a->pos[1], &xs, &n, &ar, &e);
		if (err == ERR_OK) {
			json_t *rows = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(rows, view_assessment_json(&xs[i]));
			json_t *j = json_pack("{s:o}", "rows", rows);
			cli_print_json(j);
			json_decref(j);
		}
	}
	if (err != ERR_OK)
		rc = cli_fail(&e);
out:
	arena_free(&ar);
	store_close(st);
	return rc;
}

int
cmd_config(struct args *a)
{
	const char *sub = a->pos[0];
	bool get = strcmp(sub, "get") == 0, set = strcmp(sub, "set") == 0;
	if (!(get && a->n_pos <= 2) && !(set && a->n_pos == 3))
		return cli_usage(EN ? "usage: tuopin config get [KEY] | config set KEY VALUE" : "用法：tuopin config get [配置项] | config set 配置项 值");
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	enum err err = ERR_OK;
	if (set) {
		struct txn t;
		err = txn_begin(&t, st, a->now, cli_actor(), &e);
		if (err == ERR_OK) {
			err = settings_set(&t, a->pos[1], a->pos[2], &e);
			if (err == ERR_OK)
				err = txn_commit(&t, &e);
			else
				txn_rollback(&t);
		}
	}
	for (size_t i = 0; err == ERR_OK && i < n_settings_keys; i++) {
		const char *key = a->n_pos >= 2 ? a->pos[1] : settings_keys[i];
		char *v;
		if ((err = settings_get(st, key, &v, &ar, &e)) != ERR_OK)
			break;
		if (a->n_pos >= 2) {
			printf("%s\n", v);
			break;
		}
		printf("%s = %s\n", key, v);
	}
	arena_free(&ar);
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}

int
cmd_village_exit(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	int day;
	int64_t division;
	if (!cli_date(a, "as-of", &day) || !parse_code_opt(a, "division", &division))
		return 2;
	if (!day)
		day = date_today();
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct errinfo e;
	errinfo_clear(&e);
	struct proposal_user u;
	struct village_row *v;
	size_t n;
	int thr;
	if ((rc = as_user(a, st, &u, &ar)) != 0)
		goto out;
	if (village_exit_list(st, division, day, &v, &n, &thr, &ar, &e) != ERR_OK) {
		rc = cli_fail(&e);
		goto out;
	}
	if (strcmp(format, "json") == 0) {
		json_t *j = view_village_exit_json(v, n, day, thr);
		cli_print_json(j);
		json_decref(j);
		goto out;
	}
	struct text_table t;
	table_init(&t, 7);
	const char *hz[] = { "村", "乡镇", "乡村人口", "现有贫困人口", "贫困发生率", "出列年度", "出列申请" },
		   *he[] = { "village", "town", "rural pop.", "poor persons", "incidence", "exit year", "proposal" };
	table_row(&t, EN ? he : hz);
	for (size_t i = 0; i < n; i++) {
		char pop[24], poor[24], inc[24], year[16], prop[48];
		snprintf(pop, sizeof(pop), "%lld", (long long)v[i].v.rural_pop);
		snprintf(poor, sizeof(poor), "%lld", (long long)v[i].poor_persons);
		if (v[i].incidence >= 0)
			snprintf(inc, sizeof(inc), "%lld.%02lld%%", (long long)(v[i].incidence / 100), (long long)(v[i].incidence % 100));
		else
			snprintf(inc, sizeof(inc), "-");
		snprintf(year, sizeof(year), "%d", v[i].v.exit_year);
		snprintf(prop, sizeof(prop), "%lld %s", (long long)v[i].proposal, v[i].step ? v[i].step : "");
		const char *row[] = { v[i].v.name, v[i].town_name ? v[i].town_name : "", v[i].v.rural_pop > 0 ? pop : "-", poor,
			inc, v[i].v.exit_year ? year : "-", v[i].proposal ? prop : "-" };
		table_row(&t, row);
	}
	struct buf b;
	buf_init(&b);
	table_render(&t, &b);
	table_free(&t);
	cli_print(&b);
	buf_free(&b);
out:
	arena_free(&ar);
	store_close(st);
	return rc;
}
