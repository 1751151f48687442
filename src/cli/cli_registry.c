/* cli_registry.c: init, import, export, show and line. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "domain/assist.h"
#include "domain/audit.h"
#include "domain/codes.h"
#include "domain/export.h"
#include "domain/idno.h"
#include "domain/import.h"
#include "domain/monitor.h"
#include "domain/registry.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

const struct opt opts_none[] = { { NULL, false, NULL } };
const struct opt opts_init[] = { { NULL, false, NULL } };
const struct opt opts_import[] = {
	{ "as-of", true, "date the statuses held (registry)" },
	{ "event", true, "identify or include_missed (registry)" },
	{ "batch", true, "batch name" },
	{ "reason", true, "reason recorded with the events" },
	{ "dry-run", false, "validate only" },
	{ "update", false, "registry: apply the sheet's changed fields to existing households (信息更正)" },
	{ "lenient", false, "data-quality problems warn instead of refusing" },
	{ "year", true, "income: the survey year of rows without 收入年度" },
	{ "kind", true, "external: the kind of list (death, vehicle, ...)" },
	{ "date", true, "external: the day the list speaks of" },
	{ "source", true, "external: the department that sent it" },
	{ NULL, false, NULL },
};
const struct opt opts_export[] = {
	{ "as-of", true, "date" },
	{ "division", true, "division code or name" },
	{ "gb18030", false, "CSV in GB18030" },
	{ "full-id", false, "unmasked ID, phone and bank account numbers and health" },
	{ "all", false, "include removed and cancelled households" },
	{ "status", true, "only households with this status on the date (label or code)" },
	{ "attribute", true, "only households of this 贫困户属性 (label or code)" },
	{ "cause", true, "only households of this 主要致贫原因 (label or code)" },
	{ "list", true, "monitoring: objects (监测对象名单, default), marginal (边缘易致贫人口名单), exited (脱贫人口名单)" },
	{ "town", true, "only households of this town (乡镇: code or name)" },
	{ "village", true, "only households of this village (村: code or name)" },
	{ "search", true, "only the households a search finds (户编号, name, ID number or its last four)" },
	{ NULL, false, NULL },
};
const struct opt opts_show[] = {
	{ "as-of", true, "date" },
	{ "full-id", false, "unmasked ID, phone and bank account numbers and health" },
	{ NULL, false, NULL },
};
const struct opt opts_line[] = { { "note", true, "note" }, { NULL, false, NULL } };

int
cmd_version(struct args *a)
{
	(void)a;
	printf(msg_lang() == LANG_EN ? "tuopin %s (database schema %d: %s)\n" : "tuopin %s（数据库结构第 %d 版：%s）\n",
	    TUOPIN_VERSION_STRING, store_schema_version_expected(), store_schema_newest_name());
	return 0;
}

int
cmd_init(struct args *a)
{
	struct store *st;
	int rc = cli_open(a, &st, true);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	int applied;
	if (store_migrate(st, &applied, &e) != ERR_OK || audit_key_ensure(st, &e) != ERR_OK) {
		store_close(st);
		return cli_fail(&e);
	}
	printf(EN ? "database ready: %s (%s, schema version %d; %d migrations applied now)\n"
		  : "数据库已就绪：%s（%s，结构版本 %d；本次应用 %d 个迁移）\n",
	    st->uri, st->ops->name, store_schema_version_expected(), applied);
	store_close(st);
	return 0;
}

int
cmd_import(struct args *a)
{
	return cli_import_file(a, a->pos[0], a->pos[1]);
}

/* A registry import's progress on a terminal: one line, rewritten as the passes go (a province's file is read
 * three times in a quarter of an hour), cleared before the summary. */
static void
import_progress(void *arg, enum import_step step, size_t slice, size_t n_slices, long long rows, bool done)
{
	static const char *const zh[] = { [IMPORT_STEP_KEYS] = "核对编号", [IMPORT_STEP_COUNT] = "统计各户行数",
		[IMPORT_STEP_CHECK] = "检查", [IMPORT_STEP_KEYS_AGAIN] = "重新核对编号", [IMPORT_STEP_WRITE] = "写入" };
	static const char *const en[] = { [IMPORT_STEP_KEYS] = "looking up the keys",
		[IMPORT_STEP_COUNT] = "counting each household's rows", [IMPORT_STEP_CHECK] = "checking",
		[IMPORT_STEP_KEYS_AGAIN] = "looking up the keys again", [IMPORT_STEP_WRITE] = "writing" };
	*(bool *)arg = true;
	char part[48] = "";
	if (n_slices > 1 && (step == IMPORT_STEP_CHECK || step == IMPORT_STEP_WRITE))
		snprintf(part, sizeof(part), EN ? " (part %zu of %zu)" : "（第 %zu/%zu 部分）", slice + 1, n_slices);
	fprintf(stderr, EN ? "\r%s%s: %lld rows%s\033[K" : "\r%s%s：%lld 行%s\033[K", EN ? en[step] : zh[step], part, rows,
	    done ? (EN ? ", done" : "，完成") : "");
	fflush(stderr);
}

int
cli_import_file(struct args *a, const char *what, const char *path)
{
	enum err (*fn)(struct store *, const struct import_opts *, struct import_result *, struct arena *,
	    struct errinfo *);
	if (strcmp(what, "divisions") == 0)
		fn = import_divisions;
	else if (strcmp(what, "registry") == 0 && flag(a, "update")) {
		fn = import_registry_update;
		what = "update";   /* printed and audited as what it records: 信息更正 events */
	} else if (strcmp(what, "registry") == 0)
		fn = import_registry;
	else if (strcmp(what, "events") == 0)
		fn = import_events;
	else if (strcmp(what, "income") == 0)
		fn = import_income;
	else if (strcmp(what, "external") == 0)
		return cmd_import_external(a);
	else if (assist_import_known(what))
		return cli_import_assist(a, what, a->pos[1]);
	else
		return cli_usage(EN ? "usage: tuopin import divisions|registry|events|income|external|cadres|pairings|measures|"
				      "post_payments|loans|insurance FILE"
				    : "用法：tuopin import divisions|registry|events|income|external|cadres|pairings|measures|"
				      "post_payments|loans|insurance 文件");
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	struct import_opts o = { .path = path, .batch = arg(a, "batch"), .reason = arg(a, "reason"),
		.dry_run = flag(a, "dry-run"), .lenient = flag(a, "lenient"), .now = a->now, .actor = cli_actor() };
	if (!cli_date(a, "as-of", &o.as_of))
		return 2;
	if (arg(a, "year")) {
		int64_t y;
		if (!parse_i64(arg(a, "year"), strlen(arg(a, "year")), &y) || y < 1000 || y > 9999)
			return cli_usage(msg_text(MSG_BAD_YEAR), arg(a, "year"));
		o.year = (int)y;
	}
	o.event = EV_IDENTIFY;
	if (arg(a, "event")) {
		const struct code *c = code_find(CL_EVENT, str_from(arg(a, "event")));
		if (!c || (strcmp(c->code, "identify") != 0 && strcmp(c->code, "include_missed") != 0))
			return cli_usage(EN ? "--event must be identify or include_missed" : "--event 只能是 identify 或 include_missed");
		evtype_from_code(c->code, &o.event);
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct arena ar;
	arena_init(&ar);
	struct import_result r;
	memset(&r, 0, sizeof(r));
	problems_init(&r.problems, &ar);
	struct errinfo e;
	errinfo_clear(&e);
	bool shown = false;
	if (fn == import_registry && isatty(STDERR_FILENO)) {
		o.progress = import_progress;
		o.progress_arg = &shown;
	}
	enum err err = fn(st, &o, &r, &ar, &e);
	if (shown)
		fputs("\r\033[K", stderr);   /* the progress line gives way to the summary */
	if (o.dry_run || err != ERR_OK) {
		struct errinfo ae;
		errinfo_clear(&ae);
		import_audit_unwritten(st, what, &o, &r, err, &ae);
	}
	if (err != ERR_OK && err != ERR_INVALID) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	if (strcmp(format, "json") == 0) {
		json_t *j = view_import_json(&r, what);
		cli_print_json(j);
		json_decref(j);
	} else {
		struct buf b;
		buf_init(&b);
		view_import_summary(&r, what, &b);
		if (err == ERR_INVALID)
			fwrite(b.p, 1, b.n, stderr);
		else
			cli_print(&b);
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return err == ERR_INVALID ? 1 : 0;
}

static bool
ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcasecmp(s + n - k, suf) == 0;
}

int
cmd_export(struct args *a)
{
	bool monitoring = strcmp(a->pos[0], "monitoring") == 0;
	if (strcmp(a->pos[0], "registry") != 0 && !monitoring)
		return cli_usage(EN ? "usage: tuopin export registry|monitoring FILE" : "用法：tuopin export registry|monitoring 文件");
	const char *list = arg(a, "list");
	if (list && (!monitoring || !export_monitor_list_known(list)))
		return cli_usage(msg_text(MSG_BAD_PARAM), "--list", list);
	struct export_opts o = { .path = a->pos[1], .gb18030 = flag(a, "gb18030"), .full = flag(a, "full-id"),
		.all = flag(a, "all"), .actor = cli_actor() };
	const char *f = a->format ? a->format : (ends_with(o.path, ".xlsx") ? "xlsx" : "csv");
	if (strcmp(f, "csv") == 0)
		o.kind = SHEET_CSV;
	else if (strcmp(f, "xlsx") == 0)
		o.kind = SHEET_XLSX;
	else
		return cli_usage(msg_text(MSG_BAD_FORMAT_OPT), f);
	if (!cli_date(a, "as-of", &o.as_of))
		return 2;
	const struct code *c;
	if (arg(a, "status") && (!(c = code_find(CL_STATUS, str_from(arg(a, "status")))) ||
	    !status_from_code(c->code, &o.status)))
		return cli_usage(msg_text(MSG_BAD_PARAM), "--status", arg(a, "status"));
	if (arg(a, "attribute")) {
		if (!(c = code_find(CL_ATTRIBUTE, str_from(arg(a, "attribute")))))
			return cli_usage(msg_text(MSG_BAD_PARAM), "--attribute", arg(a, "attribute"));
		o.attribute = c->code;
	}
	if (arg(a, "cause")) {
		if (!(c = code_find(CL_CAUSE, str_from(arg(a, "cause")))))
			return cli_usage(msg_text(MSG_BAD_PARAM), "--cause", arg(a, "cause"));
		o.cause = c->code;
	}
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	struct arena ar;
	arena_init(&ar);
	int kind;
	if (list_place_resolve(st, arg(a, "division"), arg(a, "town"), arg(a, "village"), &o.division, &ar, &e) != ERR_OK ||
	    (arg(a, "search") && hh_search_text(arg(a, "search"), &o.q, &kind, &ar, &e) != ERR_OK)) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	/* a directory: the file gets its standard name there, 建档立卡-临港区-2014-04-30.xlsx */
	struct stat sb;
	if (stat(o.path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		char d[11];
		if (!a->format)
			o.kind = SHEET_XLSX;
		o.path = arena_printf(&ar, "%s/%s", o.path, export_file_name(st, monitoring ? export_monitor_list_label(list ? list
		    : "objects") : "建档立卡", o.division,
		    date_format(o.as_of ? o.as_of : date_today(), d), o.kind == SHEET_XLSX ? "xlsx" : "csv", &ar));
	}
	struct export_result r;
	enum err err = monitoring ? export_monitoring(st, &o, list, &r, &e) : export_registry(st, &o, &r, &e);
	store_close(st);
	if (err != ERR_OK) {
		arena_free(&ar);
		return cli_fail(&e);
	}
	printf(EN ? "wrote %s: %d households, %d persons%s\n" : "已写出 %s：%d 户 %d 人%s\n", o.path, r.households,
	    r.members, o.full ? (EN ? " (full ID numbers)" : "（含完整证件号码）") : EXPORT_MASKED(EN));
	if (r.unaudited)
		fprintf(stderr, EN ? "tuopin: the database is read-only: this export is not in its audit log\n"
				   : "tuopin: 数据库为只读：本次导出未能记入审计日志\n");
	arena_free(&ar);
	return 0;
}

/* The 户编号 proposed for a new household of a village: the same domain function as GET
 * /api/divisions/{village}/next-hh-no, and its JSON. */
int
cmd_next_hh_no(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	struct arena ar;
	arena_init(&ar);
	struct hh_no_proposal p;
	if (hh_no_next(st, a->pos[0], &p, &ar, &e) != ERR_OK) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	char code[16];
	view_code(p.village.code, code, sizeof(code));
	if (strcmp(format, "json") == 0) {
		json_t *j = json_pack("{s:{s:s, s:s}, s:s, s:s?, s:i}", "village", "code", code, "name", p.village.name,
		    "hh_no", p.hh_no, "last", p.last, "count", p.count);
		cli_print_json(j);
		json_decref(j);
	} else if (p.last)
		printf(EN ? "%s (%s): next 户编号 %s (%d numbered so, the last %s)\n" : "%s（%s）下一个户编号：%s（该村已有 %d 户按此编号，最后一户 %s）\n",
		    p.village.name, code, p.hh_no, p.count, p.last);
	else
		printf(EN ? "%s (%s): next 户编号 %s (the first numbered so)\n" : "%s（%s）下一个户编号：%s（该村第一户按此编号）\n",
		    p.village.name, code, p.hh_no);
	store_close(st);
	arena_free(&ar);
	return 0;
}

static const char *
yes_no(int v)
{
	return v == 1 ? (EN ? "yes" : "是") : v == 0 ? (EN ? "no" : "否") : "";
}

/* A history line's member and, for a 信息更正, what changed ("周敏：与户主关系 之女 → 户主；"), from the page's JSON
 * item (numbers masked as the page masks them; codes named). */
static const char *
history_what(json_t *item, struct arena *a)
{
	struct buf b;
	buf_init(&b);
	const char *name = json_string_value(json_object_get(json_object_get(item, "member"), "name"));
	json_t *detail = json_object_get(item, "detail");
	if (name)
		buf_printf(&b, "%s%s", name, json_object_size(detail) ? (EN ? ": " : "：") : " ");
	const char *key;
	json_t *pair;
	size_t k = 0;
	json_object_foreach(detail, key, pair) {
		const struct field *f = NULL;
		for (int c = 0; c < C__MAX && !f; c++)
			if (strcmp(fields[c].key, key) == 0)
				f = &fields[c];
		const char *v[2];
		for (int j = 0; j < 2; j++) {
			json_t *x = json_array_get(pair, (size_t)j);
			v[j] = json_is_string(x) ? json_string_value(x) : "—";
			if (json_is_integer(x))
				v[j] = arena_printf(a, "%lld", (long long)json_integer_value(x));
			if (f && f->type == F_CODE && json_is_string(x))
				v[j] = code_label(f->cl, v[j]);
		}
		buf_printf(&b, "%s%s %s → %s", k++ ? (EN ? "; " : "；") : "", f && !EN ? f->label : key, v[0], v[1]);
	}
	if (k)
		buf_puts(&b, EN ? ". " : "。");
	const char *out = arena_strdup(a, b.n ? b.p : "");
	buf_free(&b);
	return out;
}

int
cmd_show(struct args *a)
{
	static const char *const formats[] = { "table", "json" };
	const char *format = cli_format(a, formats, 2);
	if (!format)
		return 2;
	int as_of;
	if (!cli_date(a, "as-of", &as_of))
		return 2;
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	bool full = flag(a, "full-id");
	struct errinfo e;
	errinfo_clear(&e);
	struct arena ar;
	arena_init(&ar);
	int day = as_of ? as_of : date_today();
	/* the household page: the same gathering (and audit of a full view) and JSON as the API's */
	struct household_view v;
	enum err err = household_view_load(st, a->pos[0], day, full, cli_actor(), NULL, &v, &ar, &e);
	if (err != ERR_OK) {
		store_close(st);
		arena_free(&ar);
		return cli_fail(&e);
	}
	const struct household h = *v.h;
	const struct member *mv = v.members;
	const struct event *ev = v.events;
	const bool *sup = v.superseded;
	size_t nm = v.n_members, ne = v.n_events;
	enum status at = v.status_at;
	char d[11], code[16];
	view_code(h.village, code, sizeof(code));
	if (strcmp(format, "json") == 0) {
		json_t *j = view_household_json(&v);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf(EN ? "household %s  village %s  on %s: %s\n" : "户编号 %s  行政区划 %s  %s：%s\n", h.hh_no, code,
		    date_format(day, d), status_label(at));
		struct text_table tb;
		table_init(&tb, 6);
		const char *head[6] = { EN ? "name" : "姓名", EN ? "ID number" : "证件号码", EN ? "relation" : "与户主关系",
			EN ? "sex" : "性别", EN ? "health" : "健康状况", EN ? "medical insurance" : "医保" };
		table_row(&tb, head);
		for (size_t i = 0; i < nm; i++) {
			char id[32];
			if (full)
				snprintf(id, sizeof(id), "%s", mv[i].id_no);
			else
				idno_mask(mv[i].id_no, id, sizeof(id));
			const char *row[6] = { mv[i].name, id, code_label(CL_RELATION, mv[i].relation),
				code_label(CL_SEX, mv[i].sex), health_cell(mv[i].health, full, false),
				yes_no(mv[i].ins_medical) };
			table_row(&tb, row);
		}
		struct buf b;
		buf_init(&b);
		table_render(&tb, &b);
		table_free(&tb);
		buf_puts(&b, EN ? "history (by effective date, then recording time):\n" : "变动历史（按生效日期排列，同日按记录时间）：\n");
		/* the member an event is about and what a 信息更正 changed, as the page shows them (numbers masked as
		 * there): from the page's own JSON, in the same order as the events */
		json_t *page = view_household_json(&v);
		json_t *hist = json_object_get(page, "history");
		table_init(&tb, 5);
		const char *hh[5] = { EN ? "effective" : "生效日期", EN ? "change" : "变动", EN ? "status" : "状态",
			EN ? "recorded" : "记录时间", EN ? "note" : "说明" };
		table_row(&tb, hh);
		for (size_t i = 0; i < ne; i++) {
			char dd[11], tt[20], st_s[128], note[1024];
			snprintf(st_s, sizeof(st_s), "%s", "");
			if (ev[i].from_status != ST_NONE || ev[i].to_status != ST_NONE)
				snprintf(st_s, sizeof(st_s), "%s → %s", status_label(ev[i].from_status),
				    status_label(ev[i].to_status));
			json_t *item = json_array_get(hist, i);
			int k = snprintf(note, sizeof(note), "%s%s%s%s", ev[i].correction ? (EN ? "[correction] " : "［更正］") : "",
			    sup[i] ? (EN ? "[superseded] " : "［已被更正取代］") : "", history_what(item, &ar),
			    ev[i].reason ? event_reason_label(&ev[i]) : "");
			/* the batch after a space only when something comes before it (a row without a reason began with
			 * one, and the column looked shifted) */
			if (ev[i].batch && k >= 0 && (size_t)k < sizeof(note))
				snprintf(note + k, sizeof(note) - (size_t)k, "%s%s%s", k ? " " : "", EN ? "batch " : "批次 ",
				    ev[i].batch);
			const char *row[5] = { date_format(ev[i].effective, dd), evtype_label(ev[i].type), st_s,
				stamp_format(ev[i].recorded_at, tt), note };
			table_row(&tb, row);
		}
		table_render(&tb, &b);
		table_free(&tb);
		json_decref(page);
		cli_print(&b);
		buf_free(&b);
	}
	store_close(st);
	arena_free(&ar);
	return 0;
}

int
cmd_line(struct args *a)
{
	bool set = strcmp(a->pos[0], "set") == 0, get = strcmp(a->pos[0], "get") == 0;
	if (!(set && a->n_pos == 5) && !(get && a->n_pos == 4))
		return cli_usage(EN ? "usage: tuopin line set YEAR REGION KIND AMOUNT | line get YEAR REGION KIND"
				    : "用法：tuopin line set 年度 地区 类别 金额 | line get 年度 地区 类别");
	int64_t year, amount = 0;
	if (!parse_i64(a->pos[1], strlen(a->pos[1]), &year) || year < 1980 || year > 2100)
		return cli_usage(msg_text(MSG_BAD_YEAR), a->pos[1]);
	if (set && (!parse_money_fen(a->pos[4], strlen(a->pos[4]), &amount) || amount <= 0))
		return cli_usage(msg_text(MSG_BAD_MONEY), a->pos[4]);
	struct store *st;
	int rc = cli_open(a, &st, false);
	if (rc)
		return rc;
	struct errinfo e;
	errinfo_clear(&e);
	enum err err;
	char yuan[32];
	if (set) {
		/* through the domain, in a transaction with its audit row (the line decides who may exit) */
		struct txn t;
		err = txn_begin(&t, st, a->now, cli_actor(), &e);
		if (err == ERR_OK) {
			err = poverty_line_set(&t, (int)year, a->pos[2], a->pos[3], amount, arg(a, "note"), &e);
			err = err == ERR_OK ? txn_commit(&t, &e) : (txn_rollback(&t), err);
		}
		if (err == ERR_OK)
			printf(EN ? "the %lld %s (%s) set to %s yuan\n" : "已设置 %lld 年%s（%s）为 %s 元\n", (long long)year,
			    line_kind_label(a->pos[3]), a->pos[2], format_fen(amount, yuan, sizeof(yuan)));
	} else {
		err = store_poverty_line(st, (int)year, a->pos[2], a->pos[3], &amount, &e);
		if (err == ERR_OK)
			printf("%s\n", format_fen(amount, yuan, sizeof(yuan)));
		else if (err == ERR_NOTFOUND)
			errinfo_set(&e, ERR_NOTFOUND, "", MSG_USAGE, EN ? "no such line" : "没有该标准线");
	}
	store_close(st);
	return err == ERR_OK ? 0 : cli_fail(&e);
}
