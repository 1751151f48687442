/* view_check.c: JSON, tables and CSV of data quality, shared by the CLI and the API: a run's findings, the
 * rule table, kept findings and their history, campaign boards, and other departments' lists. Member
 * numbers are always masked here. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "domain/codes.h"
#include "domain/external.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

static const char *
kind_code(enum rule_kind k)
{
	static const char *const names[] = { "member", "household", "sql", "external", "history" };
	return names[k];
}

static const char *
state_label(enum finding_state s, bool pending)
{
	if (s == FS_OPEN && pending)
		return EN ? "waiver pending" : "待确认豁免";
	static const char *const zh[FS__MAX] = { "待整改", "已整改", "已豁免" };
	static const char *const en[FS__MAX] = { "open", "fixed", "waived" };
	return s < FS__MAX ? (EN ? en[s] : zh[s]) : "";
}

static json_t *
stamp_json(int64_t s)
{
	char t[20];
	return s ? json_string(stamp_format(s, t)) : json_null();
}

static json_t *
rule_json(enum rule r)
{
	const struct rule_info *x = &rules[r];
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s?}", "code", x->code, "category",
	    category_code(x->category), "severity", severity_code(x->severity), "label", rule_label(r), "ref", x->ref,
	    "category_label", category_label(x->category), "severity_label", severity_label(x->severity), "fix",
	    rule_fix(r), "kind", kind_code(x->kind), "list", x->list);
}

/* ---- a run ---- */

json_t *
view_check_json(const struct check_result *r)
{
	char d[11];
	json_t *j = json_object();
	json_object_set_new(j, "as_of", json_string(date_format(r->as_of, d)));
	json_object_set_new(j, "households", json_integer((json_int_t)r->households));
	json_object_set_new(j, "members", json_integer((json_int_t)r->members));
	json_t *v = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct finding *f = &r->v[i];
		json_t *x = json_pack("{s:s, s:s, s:s?, s:s?, s:s, s:s, s:s, s:s}", "rule", rules[f->rule].code, "ref",
		    rules[f->rule].ref, "hh_no", f->hh_no, "member", f->member, "message", f->message, "category",
		    category_code(rules[f->rule].category), "severity", severity_code(rules[f->rule].severity), "source",
		    f->source);
		if (r->kept) {
			json_object_set_new(x, "id", json_integer(f->id));
			json_object_set_new(x, "state", json_string(finding_state_code(f->state)));
			json_object_set_new(x, "new", json_boolean(f->is_new));
		}
		json_array_append_new(v, x);
	}
	json_object_set_new(j, "findings", v);
	/* all of them counted; the first CHECK_SHOWN listed */
	json_object_set_new(j, "total", json_integer((json_int_t)r->total));
	json_object_set_new(j, "truncated", json_boolean(r->truncated));
	json_t *by = json_object();
	for (int i = 0; i < R__MAX; i++)
		if (r->by_rule[i])
			json_object_set_new(by, rules[i].code, json_integer(r->by_rule[i]));
	json_object_set_new(j, "by_rule", by);
	json_object_set_new(j, "kept", json_boolean(r->kept));
	if (r->kept)
		json_object_set_new(j, "run", json_pack("{s:I, s:i, s:i, s:i, s:i, s:i}", "id", (json_int_t)r->run_id,
		    "opened", r->opened, "reopened", r->reopened, "closed", r->closed, "still_open", r->still_open,
		    "waived", r->waived));
	return j;
}

void
view_check_table(const struct check_result *r, struct buf *out)
{
	char d[11];
	/* rules that do not read the registry record by record (lists, sets, balances) examine no household */
	if (r->households || r->members)
		buf_printf(out, EN ? "checked %zu households and %zu persons registered on %s: " :
				     "检查 %3$s 建档立卡 %1$zu 户 %2$zu 人：", r->households, r->members, date_format(r->as_of, d));
	else
		buf_printf(out, EN ? "checked on %s: " : "检查 %s：", date_format(r->as_of, d));
	if (r->total == 0)
		buf_puts(out, EN ? "no problems found\n" : "未发现问题\n");
	else {
		buf_printf(out, EN ? "%zu findings\n" : "发现 %zu 个问题\n", r->total);
		struct text_table tb;
		table_init(&tb, 4);
		const char *head[4] = { EN ? "rule" : "规则", EN ? "household" : "户编号", EN ? "member" : "成员",
			EN ? "finding" : "问题" };
		table_row(&tb, head);
		for (size_t i = 0; i < r->n; i++) {
			const struct finding *f = &r->v[i];
			char msg[800];
			snprintf(msg, sizeof(msg), "%s%s", f->message, r->kept && f->state == FS_WAIVED ?
			    (EN ? " (waived)" : "（已豁免）") : "");
			const char *row[4] = { rules[f->rule].code, f->hh_no ? f->hh_no : "", f->member ? f->member : "", msg };
			table_row(&tb, row);
		}
		table_render(&tb, out);
		table_free(&tb);
		if (r->truncated)
			buf_printf(out, EN ? "(the first %zu listed; tuopin findings lists them all)\n"
					   : "（仅列出前 %zu 个；全部问题见 tuopin findings）\n", r->n);
	}
	if (r->kept)
		buf_printf(out, EN ? "kept as run %lld: %d new, %d reopened, %d fixed since the last run, %d waived\n"
				   : "已保存为第 %lld 次检查：新发现 %d 个，重新打开 %d 个，已整改 %d 个，已豁免 %d 个\n",
		    (long long)r->run_id, r->opened, r->reopened, r->closed, r->waived);
}

/* ---- the rules ---- */

json_t *
view_rules_json(void)
{
	json_t *v = json_array();
	for (int i = 0; i < R__MAX; i++)
		json_array_append_new(v, rule_json((enum rule)i));
	json_t *c = json_array();
	for (int i = 0; i < CAT__MAX; i++)
		json_array_append_new(c, json_pack("{s:s, s:s}", "code", category_code((enum category)i), "label",
		    category_label((enum category)i)));
	return json_pack("{s:o, s:o}", "rules", v, "categories", c);
}

void
view_rules_table(struct buf *out)
{
	struct text_table tb;
	table_init(&tb, 5);
	const char *head[5] = { EN ? "rule" : "规则", EN ? "number" : "编号", EN ? "category" : "类别",
		EN ? "severity" : "严重程度", EN ? "checks" : "检查内容" };
	table_row(&tb, head);
	for (int i = 0; i < R__MAX; i++) {
		const char *row[5] = { rules[i].code, rules[i].ref, category_label(rules[i].category),
			severity_label(rules[i].severity), rule_label((enum rule)i) };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	buf_printf(out, EN ? "%d rules\n" : "共 %d 条规则\n", (int)R__MAX);
}

/* ---- kept findings ---- */

json_t *
view_finding_row_json(const struct finding_row *f, struct arena *a)
{
	int rl = finding_rule(f);
	char vc[16];
	view_code(f->village, vc, sizeof(vc));
	const char *member = finding_member_label(f, a);
	json_t *j = json_pack("{s:I, s:s, s:s?, s:s, s:s?, s:s?, s:s, s:s, s:s?, s:s, s:s, s:b, s:o, s:o}", "id",
	    (json_int_t)f->id, "rule", f->rule, "category", rl >= 0 ? category_code(rules[rl].category) : NULL, "state",
	    finding_state_code(f->state), "household", f->hh_no, "member", member, "source", f->source, "village", vc,
	    "severity", rl >= 0 ? severity_code(rules[rl].severity) : NULL, "label", rl >= 0 ? rule_label((enum rule)rl) :
	    f->rule, "message", finding_message(f), "pending", f->waiver_pending, "opened_at", stamp_json(f->opened_at),
	    "closed_at", stamp_json(f->closed_at));
	return j;
}

json_t *
view_findings_json(const struct finding_row *v, size_t n, int64_t total, struct arena *a)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, view_finding_row_json(&v[i], a));
	return json_pack("{s:o, s:I}", "rows", rows, "total", (json_int_t)total);
}

void
view_findings_table(const struct finding_row *v, size_t n, int64_t total, struct buf *out, struct arena *a)
{
	if (n == 0) {
		buf_puts(out, EN ? "no findings\n" : "没有问题\n");
		return;
	}
	struct text_table tb;
	table_init(&tb, 6);
	table_right(&tb, 0);
	const char *head[6] = { EN ? "id" : "编号", EN ? "rule" : "规则", EN ? "state" : "状态",
		EN ? "household" : "户编号", EN ? "member" : "成员", EN ? "finding" : "问题" };
	table_row(&tb, head);
	for (size_t i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		const char *member = finding_member_label(&v[i], a);
		const char *row[6] = { id, v[i].rule, state_label(v[i].state, v[i].waiver_pending), v[i].hh_no ? v[i].hh_no : "",
			member ? member : "", finding_message(&v[i]) };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	if ((int64_t)n < total)
		buf_printf(out, EN ? "%zu of %lld shown\n" : "显示 %zu 个，共 %lld 个\n", n, (long long)total);
}

static void
csv_field(struct buf *out, const char *s)
{
	if (s && strpbrk(s, ",\"\r\n")) {
		buf_putc(out, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(out, '"');
			buf_putc(out, *s);
		}
		buf_putc(out, '"');
	} else if (s)
		buf_puts(out, s);
}

void
view_findings_csv(const struct finding_row *v, size_t n, struct buf *out, struct arena *a)
{
	buf_puts(out, "id,rule,category,state,household,member,source,village,message\r\n");
	for (size_t i = 0; i < n; i++) {
		int rl = finding_rule(&v[i]);
		char vc[16];
		view_code(v[i].village, vc, sizeof(vc));
		buf_printf(out, "%lld,%s,%s,%s,", (long long)v[i].id, v[i].rule, rl >= 0 ? category_code(rules[rl].category) : "",
		    finding_state_code(v[i].state));
		csv_field(out, v[i].hh_no);
		buf_putc(out, ',');
		csv_field(out, finding_member_label(&v[i], a));
		buf_printf(out, ",%s,%s,", v[i].source, vc);
		csv_field(out, finding_message(&v[i]));
		buf_puts(out, "\r\n");
	}
}

json_t *
view_finding_json(const struct finding_view *v, struct arena *a)
{
	const struct finding_row *f = &v->f;
	json_t *j = view_finding_row_json(f, a);
	if ((int)v->rule >= 0 && v->rule < R__MAX)
		json_object_set_new(j, "rule_info", rule_json(v->rule));
	char vc[16];
	view_code(v->village.code, vc, sizeof(vc));
	json_object_set_new(j, "division", json_pack("{s:s, s:s?, s:s?}", "code", vc, "name", v->village.name, "town",
	    v->town_name));
	if (f->member_id)
		json_object_set_new(j, "member_id", json_integer(f->member_id));
	json_t *ev = f->evidence ? json_loads(f->evidence, 0, NULL) : NULL;
	if (ev && f->list_id)
		json_object_set_new(ev, "deleted", json_boolean(f->list_deleted));
	const struct ext_kind *k = ev ? ext_kind_find(json_string_value(json_object_get(ev, "kind"))) : NULL;
	if (k) {
		json_object_set_new(ev, "kind_label", json_string(ext_kind_label(k)));
		/* what the day and the value are, in the words of the list's own columns */
		for (size_t i = 0; i < EXT_MAX_COLS && k->cols[i].key; i++) {
			const char *what = k->cols[i].role == XR_DAY ? "day_label" : k->cols[i].role == XR_VALUE ? "value_label" : NULL;
			if (!what || json_object_get(ev, what))
				continue;
			char en[64];
			snprintf(en, sizeof(en), "%s", k->cols[i].key);
			for (char *c = en; *c; c++)
				if (*c == '_')
					*c = ' ';
			en[0] = (char)toupper((unsigned char)en[0]);
			json_object_set_new(ev, what, json_string(EN ? en : k->cols[i].label));
		}
	}
	json_object_set_new(j, "evidence", ev ? ev : json_null());
	json_object_set_new(j, "fix", f->fix_kind ? json_pack("{s:s, s:I}", "kind", f->fix_kind, "ref",
	    (json_int_t)f->fix_ref) : json_null());
	json_object_set_new(j, "waiver", f->waiver_reason ? json_pack("{s:s, s:s?, s:o, s:b}", "reason", f->waiver_reason,
	    "by", f->waiver_by, "at", stamp_json(f->waiver_at), "pending", f->waiver_pending) : json_null());
	json_t *h = json_array();
	for (size_t i = 0; i < v->n_events; i++) {
		const struct finding_event_row *x = &v->events[i];
		json_t *e = json_pack("{s:o, s:s, s:s, s:s?}", "at", stamp_json(x->at), "actor", x->actor, "action", x->action,
		    "note", x->note);
		if (x->run_id)
			json_object_set_new(e, "run", json_integer(x->run_id));
		if (x->ref_kind)
			json_object_set_new(e, "ref", json_pack("{s:s, s:I}", "kind", x->ref_kind, "id", (json_int_t)x->ref_id));
		json_array_append_new(h, e);
	}
	json_object_set_new(j, "history", h);
	return j;
}

static const char *
action_label(const char *a)
{
	static const struct {
		const char *code, *zh, *en;
	} names[] = { { "opened", "发现", "found" }, { "reopened", "重新打开", "reopened" }, { "fixed", "已整改", "fixed" },
		{ "waive_requested", "申请豁免", "waiver asked" }, { "waived", "豁免", "waived" },
		{ "waiver_refused", "驳回豁免", "waiver refused" }, { "linked", "关联整改", "fix linked" } };
	for (size_t i = 0; i < NELEM(names); i++)
		if (strcmp(a, names[i].code) == 0)
			return EN ? names[i].en : names[i].zh;
	return a;
}

void
view_finding_table(const struct finding_view *v, struct buf *out, struct arena *a)
{
	const struct finding_row *f = &v->f;
	const char *member = finding_member_label(f, a);
	char t[20];
	buf_printf(out, EN ? "finding %lld: %s (%s)\n" : "问题 %lld：%s（%s）\n", (long long)f->id,
	    (int)v->rule >= 0 && v->rule < R__MAX ? rule_label(v->rule) : f->rule, f->rule);
	buf_printf(out, EN ? "  state: %s\n" : "  状态：%s\n", state_label(f->state, f->waiver_pending));
	if (f->hh_no)
		buf_printf(out, EN ? "  household: %s%s%s\n" : "  户编号：%s%s%s\n", f->hh_no, member ? " " : "", member ? member : "");
	buf_printf(out, EN ? "  finding: %s\n" : "  问题：%s\n", finding_message(f));
	if ((int)v->rule >= 0 && v->rule < R__MAX)
		buf_printf(out, EN ? "  how to fix: %s\n" : "  整改建议：%s\n", rule_fix(v->rule));
	/* the source named as the office knows it: the registry's own rules, or the list it was compared with */
	char src[96];
	buf_printf(out, EN ? "  source: %s\n" : "  来源：%s\n", finding_source_label(f->source, src, sizeof(src)));
	for (size_t i = 0; i < v->n_events; i++)
		buf_printf(out, "  %s %s %s%s%s\n", stamp_format(v->events[i].at, t), v->events[i].actor,
		    action_label(v->events[i].action), v->events[i].note ? (EN ? ": " : "：") : "",
		    v->events[i].note ? v->events[i].note : "");
}

json_t *
view_finding_counts_json(const struct finding_count *by_rule, size_t n_rule, const struct finding_count *by_village,
    size_t n_village, const struct division *divs, size_t n_divs)
{
	json_t *rl = json_array(), *vl = json_array();
	/* by rule, in the table's order */
	for (int r = 0; r < R__MAX; r++) {
		int64_t c[FS__MAX] = { 0 }, pend = 0;
		bool any = false;
		for (size_t i = 0; i < n_rule; i++)
			if (strcmp(by_rule[i].rule, rules[r].code) == 0) {
				c[by_rule[i].state] += by_rule[i].n;
				pend += by_rule[i].pending ? by_rule[i].n : 0;
				any = true;
			}
		if (any)
			json_array_append_new(rl, json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I}", "rule", rules[r].code, "label",
			    rule_label((enum rule)r), "category", category_code(rules[r].category), "open", (json_int_t)c[FS_OPEN],
			    "pending", (json_int_t)pend, "fixed", (json_int_t)c[FS_FIXED], "waived", (json_int_t)c[FS_WAIVED]));
	}
	for (size_t i = 0; i < n_village;) {
		int64_t code = by_village[i].village, c[FS__MAX] = { 0 }, pend = 0;
		for (; i < n_village && by_village[i].village == code; i++) {
			c[by_village[i].state] += by_village[i].n;
			pend += by_village[i].pending ? by_village[i].n : 0;
		}
		/* divs is by code: a bisection (a scan per village was 24,960 × 24,960 over a province) */
		const struct division *d = division_find(divs, n_divs, code);
		const char *name = d ? d->name : NULL;
		char vc[16];
		view_code(code, vc, sizeof(vc));
		json_array_append_new(vl, json_pack("{s:s, s:s?, s:I, s:I, s:I, s:I}", "code", vc, "name", name, "open",
		    (json_int_t)c[FS_OPEN], "pending", (json_int_t)pend, "fixed", (json_int_t)c[FS_FIXED], "waived",
		    (json_int_t)c[FS_WAIVED]));
	}
	return json_pack("{s:o, s:o}", "by_rule", rl, "by_village", vl);
}

/* ---- campaigns ---- */

static json_t *
cell_json(const struct campaign_cell *x)
{
	char c[16];
	view_code(x->code, c, sizeof(c));
	return json_pack("{s:s, s:s?, s:I, s:I, s:I, s:I, s:I}", "code", c, "name", x->name, "open", (json_int_t)x->open,
	    "pending", (json_int_t)x->pending, "fixed", (json_int_t)x->fixed, "waived", (json_int_t)x->waived, "overdue",
	    (json_int_t)x->overdue);
}

static json_t *
campaign_head_json(const struct campaign_board *b)
{
	char d1[11], d2[11], c[16];
	view_code(b->c.division, c, sizeof(c));
	json_t *rl = json_array();
	for (size_t i = 0; i < b->n_rules; i++)
		json_array_append_new(rl, json_string(rules[b->rules[i]].code));
	/* closed: when, by whom, with what note (its board is as it stood then) */
	json_t *closed = b->c.closed_at ? json_pack("{s:o, s:s, s:s, s:s?}", "at", stamp_json(b->c.closed_at), "day",
	    date_format(stamp_date(b->c.closed_at), d1), "by", b->c.closed_by, "note", b->c.closed_note) : json_null();
	return json_pack("{s:s, s:o, s:s, s:s, s:s?, s:b, s:s, s:o, s:o, s:o}", "name", b->c.name, "rules", rl, "division", c,
	    "start", date_format(b->c.start, d1), "deadline", b->c.deadline ? date_format(b->c.deadline, d2) : NULL,
	    "past_deadline", b->past_deadline, "created_by", b->c.created_by, "created_at", stamp_json(b->c.created_at),
	    "totals", cell_json(&b->total), "closed", closed);
}

json_t *
view_campaign_json(const struct campaign_board *b)
{
	json_t *j = campaign_head_json(b);
	json_object_set_new(j, "by", json_string(b->by == LV_VILLAGE ? "village" : "town"));
	json_t *rows = json_array();
	for (size_t i = 0; i < b->n_rows; i++)
		json_array_append_new(rows, cell_json(&b->rows[i]));
	json_object_set_new(j, "rows", rows);
	json_object_set_new(j, "changes", view_changes_json(&b->changes));
	return j;
}

static void
cell_cells(const struct campaign_cell *x, char (*s)[24])
{
	snprintf(s[0], 24, "%lld", (long long)x->open);
	snprintf(s[1], 24, "%lld", (long long)x->pending);
	snprintf(s[2], 24, "%lld", (long long)x->fixed);
	snprintf(s[3], 24, "%lld", (long long)x->waived);
	snprintf(s[4], 24, "%lld", (long long)x->overdue);
}

void
view_campaign_table(const struct campaign_board *b, struct buf *out)
{
	char d1[11], d2[11];
	buf_printf(out, EN ? "campaign %s: rules %s, from %s%s%s\n" : "专项行动“%s”：规则 %s，%s 起%s%s\n", b->c.name, b->c.rules,
	    date_format(b->c.start, d1), b->c.deadline ? (EN ? " to " : "，截止 ") : "",
	    b->c.deadline ? date_format(b->c.deadline, d2) : "");
	if (b->c.closed_at)
		buf_printf(out, EN ? "closed on %s by %s%s%s; the board as it stood then:\n" : "已于 %s 由 %s 结束%s%s；以下为结束时的情况：\n",
		    date_format(stamp_date(b->c.closed_at), d1), b->c.closed_by, b->c.closed_note ? (EN ? ": " : "：") : "",
		    b->c.closed_note ? b->c.closed_note : "");
	struct text_table tb;
	table_init(&tb, 6);
	for (int i = 1; i < 6; i++)
		table_right(&tb, (size_t)i);
	const char *head[6] = { b->by == LV_VILLAGE ? (EN ? "village" : "村") : (EN ? "town" : "乡镇"),
		EN ? "open" : "待整改", EN ? "waiver pending" : "待确认豁免", EN ? "fixed" : "已整改", EN ? "waived" : "已豁免",
		EN ? "overdue" : "逾期" };
	table_row(&tb, head);
	char s[5][24];
	for (size_t i = 0; i <= b->n_rows; i++) {
		const struct campaign_cell *x = i < b->n_rows ? &b->rows[i] : &b->total;
		cell_cells(x, s);
		const char *row[6] = { i < b->n_rows ? x->name : (EN ? "total" : "合计"), s[0], s[1], s[2], s[3], s[4] };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	if (b->changes.n_rows) {
		buf_printf(out, EN ? "changes recorded in batch %s:\n" : "批次“%s”的变动：\n", b->c.name);
		view_changes_table(&b->changes, out);
	}
}

json_t *
view_campaigns_json(const struct campaign_board *v, size_t n)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, campaign_head_json(&v[i]));
	return json_pack("{s:o}", "rows", rows);
}

void
view_campaigns_table(const struct campaign_board *v, size_t n, struct buf *out)
{
	if (n == 0) {
		buf_puts(out, EN ? "no campaigns\n" : "没有专项行动\n");
		return;
	}
	struct text_table tb;
	table_init(&tb, 9);
	for (int i = 4; i < 9; i++)
		table_right(&tb, (size_t)i);
	const char *head[9] = { EN ? "campaign" : "专项行动", EN ? "start" : "开始", EN ? "deadline" : "截止",
		EN ? "closed" : "结束", EN ? "open" : "待整改", EN ? "pending" : "待确认", EN ? "fixed" : "已整改",
		EN ? "waived" : "已豁免", EN ? "overdue" : "逾期" };
	table_row(&tb, head);
	char s[5][24], d1[11], d2[11], d3[11];
	for (size_t i = 0; i < n; i++) {
		cell_cells(&v[i].total, s);
		const char *row[9] = { v[i].c.name, date_format(v[i].c.start, d1), v[i].c.deadline ?
			date_format(v[i].c.deadline, d2) : "", v[i].c.closed_at ? date_format(stamp_date(v[i].c.closed_at), d3) :
			"", s[0], s[1], s[2], s[3], s[4] };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
}

/* ---- other departments' lists ---- */

json_t *
view_external_import_json(const struct external_result *r)
{
	char d[11];
	json_t *j = json_pack("{s:s?, s:I, s:s, s:s, s:s, s:i, s:i, s:i, s:I, s:I, s:b, s:I, s:I}", "kind",
	    r->kind ? r->kind->code : NULL, "list", (json_int_t)r->list_id, "date", date_format(r->date, d), "format",
	    r->sheet_kind == SHEET_XLSX ? "xlsx" : r->sheet_kind == SHEET_MEMORY ? "json" : "csv", "encoding",
	    sheet_encoding_name(r->encoding), "rows", r->rows, "stored", r->stored, "skipped", r->skipped, "matched",
	    (json_int_t)r->matched, "other_name", (json_int_t)r->other_name, "written", r->written, "errors",
	    (json_int_t)r->problems.n_errors, "warnings", (json_int_t)r->problems.n_warnings);
	json_object_set_new(j, "problems", view_problems_json(&r->problems));
	return j;
}

void
view_external_import_summary(const struct external_result *r, struct buf *out)
{
	if (r->problems.n_errors) {
		size_t n = r->problems.n_errors;
		if (EN)
			buf_printf(out, "%zu problem%s in the list; nothing was written:\n", n, n != 1 ? "s" : "");
		else
			buf_printf(out, "名单中有 %zu 个问题，未写入任何数据：\n", n);
		view_problems_table(&r->problems, out);
		return;
	}
	char d[11];
	if (!r->written) {   /* a dry run: nothing kept, so no list number; what a real import would keep and match */
		buf_printf(out, EN ? "[dry run] list of %s dated %s: %d rows, %d would be kept, %d left out; %lld held by "
				     "members of the registry (%lld under another name); nothing written\n"
				   : "［仅校验］%s名单（%s）：%d 行，可导入 %d 行，不能导入 %d 行；其中 %lld 行为建档立卡人员（%lld 行姓名不符）；"
				     "未写入任何数据\n",
		    ext_kind_label(r->kind), date_format(r->date, d), r->rows, r->stored, r->skipped, (long long)r->matched,
		    (long long)r->other_name);
	} else
		buf_printf(out, EN ? "list %1$lld of %3$s dated %2$s: %4$d rows, %5$d kept, %6$d left out; %7$lld held by "
				     "members of the registry (%8$lld under another name)\n"
				   : "%3$s名单（%2$s，编号 %1$lld）：%4$d 行，导入 %5$d 行，未导入 %6$d 行；其中 %7$lld 行为建档立卡人员"
				     "（%8$lld 行姓名不符）\n",
		    (long long)r->list_id, date_format(r->date, d), ext_kind_label(r->kind), r->rows, r->stored, r->skipped,
		    (long long)r->matched, (long long)r->other_name);
	if (r->problems.n_warnings) {
		buf_printf(out, EN ? "%zu warnings:\n" : "%zu 个提醒：\n", r->problems.n_warnings);
		view_problems_table(&r->problems, out);
	}
}

json_t *
view_external_list_json(const struct external_list_row *l)
{
	char d[11], c[16];
	view_code(l->division, c, sizeof(c));
	const struct ext_kind *k = ext_kind_find(l->kind);
	return json_pack("{s:I, s:s, s:s, s:s?, s:s, s:s, s:s?, s:I, s:o, s:s, s:o, s:s?}", "id", (json_int_t)l->id, "kind",
	    l->kind, "kind_label", k ? ext_kind_label(k) : l->kind, "source", l->source, "date", date_format(l->list_date, d),
	    "division", c, "file", l->file, "rows", (json_int_t)l->rows, "imported_at", stamp_json(l->imported_at),
	    "imported_by", l->imported_by, "deleted_at", stamp_json(l->deleted_at), "deleted_by", l->deleted_by);
}

json_t *
view_external_lists_json(const struct external_list_row *v, size_t n)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, view_external_list_json(&v[i]));
	return json_pack("{s:o}", "rows", rows);
}

void
view_external_lists_table(const struct external_list_row *v, size_t n, struct buf *out)
{
	if (n == 0) {
		buf_puts(out, EN ? "no lists\n" : "没有比对名单\n");
		return;
	}
	struct text_table tb;
	table_init(&tb, 6);
	table_right(&tb, 0);
	table_right(&tb, 4);
	const char *head[6] = { EN ? "id" : "编号", EN ? "kind" : "类别", EN ? "source" : "来源", EN ? "date" : "名单日期",
		EN ? "rows" : "行数", EN ? "imported" : "导入" };
	table_row(&tb, head);
	for (size_t i = 0; i < n; i++) {
		char id[24], rows[24], d[11], t[20];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		snprintf(rows, sizeof(rows), "%lld", (long long)v[i].rows);
		const struct ext_kind *k = ext_kind_find(v[i].kind);
		char who[120];
		snprintf(who, sizeof(who), "%s %s%s", stamp_format(v[i].imported_at, t), v[i].imported_by,
		    v[i].deleted_at ? (EN ? " (deleted)" : "（已删除）") : "");
		const char *row[6] = { id, k ? ext_kind_label(k) : v[i].kind, v[i].source ? v[i].source : "",
			date_format(v[i].list_date, d), rows, who };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
}

json_t *
view_external_kinds_json(void)
{
	json_t *v = json_array();
	for (size_t i = 0; i < n_ext_kinds; i++) {
		const struct ext_kind *k = &ext_kinds[i];
		json_t *cols = json_array();
		json_array_append_new(cols, json_pack("{s:s, s:s, s:b}", "key", "id_no", "label", "证件号码", "required", 1));
		json_array_append_new(cols, json_pack("{s:s, s:s, s:b}", "key", "name", "label", "姓名", "required", 1));
		for (int c = 0; c < EXT_MAX_COLS && k->cols[c].key; c++)
			json_array_append_new(cols, json_pack("{s:s, s:s, s:b}", "key", k->cols[c].key, "label", k->cols[c].label,
			    "required", k->cols[c].required));
		json_array_append_new(v, json_pack("{s:s, s:s, s:s, s:b, s:o}", "code", k->code, "label", ext_kind_label(k),
		    "source", msg_lang() == LANG_EN ? k->source_en : k->source_zh, "roll", k->roll, "columns", cols));
	}
	return json_pack("{s:o}", "kinds", v);
}
