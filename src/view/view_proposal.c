/* view_proposal.c: proposals, workflows, assessments and the printable notices as the CLI and the API show
 * them. The JSON of a proposal is the contract of ARCHITECTURE.md §10 (id, type, household, village, state,
 * step, steps, event) and more. The notices (公示, 公告) and the exit analysis sheet are HTML for A4 paper; they
 * never hold an ID number, a phone, a bank account or a health state (DOMAIN.md §8.5): nothing of the kind is
 * even read for them. */
#include <stdio.h>
#include <string.h>

#include "domain/auth.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view_proposal.h"

#include "domain/codes.h"
#include "domain/idno.h"

static bool
en(void)
{
	return msg_lang() == LANG_EN;
}

static json_t *
date_json(int d)
{
	char s[11];
	return d ? json_string(date_format(d, s)) : json_null();
}

static json_t *
str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

json_t *
view_workflow_json(const struct workflow *w)
{
	json_t *steps = json_array();
	for (size_t i = 0; i < w->n_steps; i++) {
		const struct wf_step *s = &w->steps[i];
		json_t *roles = json_array();
		for (size_t k = 0; k < s->n_roles; k++)
			json_array_append_new(roles, json_string(s->roles[k]));
		json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:i, s:b, s:b}", "code", s->code, "label",
		    workflow_step_label(s), "label_zh", s->label, "roles", roles, "days", s->days, "check", s->check, "votes",
		    s->votes);
		json_object_set_new(o, "print", str_or_null(s->print));
		if (s->days > 0)
			json_object_set_new(o, "back_to", json_string(w->steps[s->back_to].code));
		json_array_append_new(steps, o);
	}
	json_t *types = json_array();
	for (size_t i = 0; i < w->n_types; i++)
		json_array_append_new(types, json_string(w->types[i]));
	json_t *j = json_pack("{s:s, s:i, s:s, s:o, s:i, s:o}", "code", w->code, "version", w->version, "name", w->name,
	    "types", types, "limit_days", w->limit_days, "steps", steps);
	if (w->id)
		json_object_set_new(j, "id", json_integer(w->id));
	return j;
}

static json_t *
stored_check(const char *text)
{
	if (!text)
		return json_null();
	json_t *j = json_loads(text, 0, NULL);
	if (!j)
		return json_null();
	json_t *lines = json_object_get(j, "lines");
	size_t i;
	json_t *l;
	json_array_foreach(lines, i, l) {
		json_object_set_new(l, "label", json_string(check_line_label(json_string_value(json_object_get(l, "code")))));
		if (en())
			json_object_set(l, "reason", json_object_get(l, "reason_en"));
		json_object_del(l, "reason_en");
	}
	return j;
}

json_t *
view_checklist_json(const struct checklist *r)
{
	char *text = checklist_json(r);
	json_t *j = stored_check(text);
	free(text);
	return j;
}

json_t *
view_proposal_json(const struct proposal_view *v, const struct proposal_user *u, bool full)
{
	const struct proposal *p = &v->p;
	char code[16];
	snprintf(code, sizeof(code), "%lld", (long long)p->village);
	bool village = proposal_type_village(p->type);
	json_t *j = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)p->id, "type", p->type, "type_label",
	    proposal_type_label(p->type));
	json_object_set_new(j, "household", str_or_null(village ? NULL : p->hh_no));
	json_object_set_new(j, "village", village ? json_string(code) : json_null());
	json_object_set_new(j, "state", json_string(proposal_state_code(p->state)));
	json_object_set_new(j, "state_label", json_string(proposal_state_label(p->state)));
	json_object_set_new(j, "step", v->step ? json_string(v->step->code) : json_null());
	json_object_set_new(j, "step_label", v->step ? json_string(workflow_step_label(v->step)) : json_null());
	json_object_set_new(j, "step_since", date_json(p->step_since));
	json_t *steps = json_array();
	for (size_t i = 0; i < v->n_acts; i++) {
		const struct proposal_act *x = &v->acts[i];
		int k = workflow_step_index(&v->wf, x->step);
		json_t *o = json_pack("{s:s, s:s, s:o, s:s}", "step", x->step, "decision", x->decision, "date",
		    date_json(x->day), "by", x->actor);
		json_object_set_new(o, "label", json_string(k >= 0 ? workflow_step_label(&v->wf.steps[k]) : x->step));
		json_object_set_new(o, "note", str_or_null(x->note));
		if (x->votes_for >= 0)
			json_object_set_new(o, "votes", json_pack("{s:i, s:i, s:i}", "for", x->votes_for, "against",
			    x->votes_against, "abstain", x->votes_abstain));
		if (x->override)
			json_object_set_new(o, "override", json_string(x->override));
		json_array_append_new(steps, o);
	}
	json_object_set_new(j, "steps", steps);
	json_object_set_new(j, "event", p->event_id ? json_integer(p->event_id) : json_null());
	json_object_set_new(j, "division", json_pack("{s:s, s:s?, s:s?}", "code", code, "name", v->village_name, "town",
	    v->town_name));
	json_object_set_new(j, "head", str_or_null(village ? NULL : p->head_name));
	json_object_set_new(j, "effective", date_json(p->effective));
	json_object_set_new(j, "reason", str_or_null(p->reason));
	json_object_set_new(j, "channel", str_or_null(p->channel));
	json_object_set_new(j, "channel_label", p->channel ? json_string(proposal_channel_label(p->channel)) : json_null());
	json_object_set_new(j, "batch", str_or_null(p->batch));
	/* the monitoring types' request: monitor_type and risks (monitor_in), way (risk_eliminate), with labels */
	json_t *pl = p->payload ? json_loads(p->payload, 0, NULL) : NULL;
	if (pl) {
		const char *mt = json_string_value(json_object_get(pl, "monitor_type"));
		if (mt) {
			json_object_set_new(j, "monitor_type", json_string(mt));
			json_object_set_new(j, "monitor_type_label", json_string(code_label(CL_MON_TYPE, mt)));
		}
		json_t *rs = json_object_get(pl, "risks");
		if (json_is_array(rs)) {
			json_t *labels = json_array();
			for (size_t i = 0; i < json_array_size(rs); i++)
				json_array_append_new(labels, json_string(code_label(CL_MON_RISK, json_string_value(json_array_get(rs,
				    i)))));
			json_object_set(j, "risks", rs);
			json_object_set_new(j, "risk_labels", labels);
		}
		const char *way = json_string_value(json_object_get(pl, "way"));
		if (way) {
			json_object_set_new(j, "way", json_string(way));
			json_object_set_new(j, "way_label", json_string(code_label(CL_MON_WAY, way)));
		}
		/* identify, include_missed: the household proposed (its ID numbers masked; created at the last step) */
		json_t *ms = json_object_get(pl, "members");
		if (json_is_array(ms) && (strcmp(p->type, "identify") == 0 || strcmp(p->type, "include_missed") == 0)) {
			json_t *out = json_array();
			for (size_t i = 0; i < json_array_size(ms); i++) {
				json_t *m = json_array_get(ms, i);
				const char *rel = json_string_value(json_object_get(m, "relation"));
				const struct code *rc = rel ? code_find(CL_RELATION, str_from(rel)) : NULL;
				const char *id = json_string_value(json_object_get(m, "id_no"));
				char masked[32];
				json_array_append_new(out, json_pack("{s:s?, s:s?, s:s?, s:s?}", "name",
				    json_string_value(json_object_get(m, "name")), "relation", rc ? rc->code : rel, "relation_label",
				    rc ? code_label(CL_RELATION, rc->code) : rel, "id_no", id ? idno_mask(id, masked, sizeof(masked))
				    : NULL));
			}
			json_object_set_new(j, "new_household", json_pack("{s:s?, s:s?, s:i, s:o}", "hh_no",
			    json_string_value(json_object_get(pl, "hh_no")), "village_code",
			    json_string_value(json_object_get(pl, "village_code")), "persons", (int)json_array_size(ms),
			    "members", out));
		}
		json_decref(pl);
	}
	json_object_set_new(j, "opened", date_json(p->opened));
	json_object_set_new(j, "opened_by", json_string(p->created_by));
	json_object_set_new(j, "override", str_or_null(p->override));
	if (v->notice_end)
		json_object_set_new(j, "notice", json_pack("{s:o, s:i, s:o}", "start", date_json(p->step_since), "days",
		    v->step->days, "closable_from", date_json(v->notice_end)));
	json_object_set_new(j, "deadline", date_json(v->deadline));
	json_object_set_new(j, "overdue", json_boolean(v->overdue));
	json_object_set_new(j, "may_act", json_boolean(proposal_may_act(v, u)));
	if (full) {
		json_object_set_new(j, "check", stored_check(p->check_result));
		json_object_set_new(j, "workflow", view_workflow_json(&v->wf));
	} else
		json_object_set_new(j, "workflow", json_pack("{s:s, s:i, s:i}", "code", v->wf.code, "version",
		    v->wf.version, "steps", (int)v->wf.n_steps));
	json_object_set_new(j, "step_no", json_integer(p->step_no));
	return j;
}

json_t *
view_assessment_json(const struct assessment *x)
{
	json_t *j = json_pack("{s:I, s:o, s:s}", "id", (json_int_t)x->id, "date", date_json(x->day), "assessor",
	    x->assessor);
#define TRI(k, v) json_object_set_new(j, k, (v) < 0 ? json_null() : json_boolean((v) == 1))
	TRI("food", x->food);
	TRI("clothing", x->clothing);
	TRI("education", x->education);
	TRI("medical", x->medical);
	TRI("water", x->water);
#undef TRI
	json_object_set_new(j, "housing", str_or_null(x->housing));
	json_object_set_new(j, "housing_label", x->housing ? json_string(assessment_housing_label(x->housing)) : json_null());
	json_t *notes = x->notes ? json_loads(x->notes, 0, NULL) : NULL;
	json_object_set_new(j, "notes", notes ? notes : json_object());
	json_object_set_new(j, "recorded_by", json_string(x->recorded_by));
	char s[20];
	json_object_set_new(j, "recorded_at", json_string(stamp_format(x->recorded_at, s)));
	return j;
}

/* ---- printables ---- */

static void
esc(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
	}
}

static const char print_css[] =
    "@page{size:A4;margin:18mm 16mm}"
    "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC','Source Han Serif SC',serif;color:#111;margin:0;"
    "background:#eef0f3}"
    ".sheet{background:#fff;width:178mm;min-height:250mm;margin:12px auto;padding:18mm 16mm;box-shadow:0 1px 4px #0003}"
    "h1{text-align:center;font-size:22pt;letter-spacing:.2em;margin:0 0 6mm}"
    ".sub{text-align:center;font-size:11pt;margin:0 0 8mm;color:#333}"
    "p{font-size:12pt;line-height:1.9;text-indent:2em;margin:0 0 3mm}"
    "table{width:100%;border-collapse:collapse;font-size:11pt;margin:4mm 0 6mm}"
    "th,td{border:1px solid #333;padding:2mm 2.5mm;text-align:center;vertical-align:middle}"
    "th{background:#f2f2f2;font-weight:600}"
    "td.l{text-align:left}"
    ".sign{margin-top:14mm;text-align:right;font-size:12pt;line-height:2}"
    ".sig{display:flex;justify-content:space-between;margin-top:10mm;font-size:12pt}"
    ".sig div{width:45%;border-top:1px solid #333;padding-top:2mm}"
    ".pass{color:#0a6b2d}.fail{color:#b3261e}"
    ".toolbar{text-align:center;margin:10px}"
    "@media print{body{background:#fff}.sheet{box-shadow:none;margin:0;padding:0;width:auto;min-height:0}"
    ".toolbar{display:none}}";

static void
page_head(struct buf *b, const char *title)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	buf_puts(b, en() ? "en" : "zh-CN");
	buf_puts(b, "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=1366\"><title>");
	esc(b, title);
	buf_puts(b, "</title><style>");
	buf_puts(b, print_css);
	buf_puts(b, "</style></head><body>\n<div class=\"sheet\">\n");
}

static void
page_end(struct buf *b)
{
	buf_puts(b, "</div>\n</body></html>\n");
}

void
view_notice_html(struct buf *b, const struct notice *n)
{
	char d1[11], d2[11], d3[11], title[256];
	bool announce = strcmp(n->kind, "announce") == 0;
	const char *type = n->n_rows ? proposal_type_label(n->rows[0].p.type) : "";
	if (announce)
		snprintf(title, sizeof(title), en() ? "%s: announcement of %s" : "%s%s公告",
		    n->county_name ? n->county_name : "", type);
	else
		snprintf(title, sizeof(title), en() ? "%s %s: notice of %s" : "%s%s%s公示",
		    n->town_name ? n->town_name : "", n->village_name ? n->village_name : "", type);
	page_head(b, title);
	buf_puts(b, "<h1>");
	esc(b, title);
	buf_puts(b, "</h1>\n<div class=\"sub\">");
	if (announce)
		buf_printf(b, en() ? "Announced %s" : "公告日期：%s", date_format(n->start, d1));
	else
		buf_printf(b, en() ? "Posted %s for %d days, until %s" : "公示期：%s 起 %d 天（至 %s）",
		    date_format(n->start, d1), n->days, date_format(date_add_days(n->end, -1), d2));
	buf_puts(b, "</div>\n<p>");
	if (announce)
		buf_printf(b, en() ? "After the village review and notice, the town's check and the county's decision, the "
				    "following %zu are announced as %s."
				  : "经村民主评议、村内公示无异议，乡镇审核、县级审定，现将以下 %zu 项%s结果予以公告。",
		    n->n_rows, type);
	else
		buf_printf(b, en() ? "After the home visits and the village review, the following %zu are proposed for %s. "
				    "Anyone who objects may tell the village committee or the town until %s."
				  : "经入户核实、村民主评议，拟对以下 %zu 项予以%s，现予公示。如有异议，请于 %s 前向村委会或乡镇人民政府反映。",
		    n->n_rows, type, date_format(date_add_days(n->end, -1), d3));
	buf_puts(b, "</p>\n<table><thead><tr>");
	if (en())
		buf_puts(b, "<th>No.</th><th>Town</th><th>Village</th><th>Household</th><th>Head</th><th>Persons</th>"
			    "<th>Matter</th><th>Reason</th>");
	else
		buf_puts(b, "<th>序号</th><th>乡镇</th><th>村</th><th>户编号</th><th>户主姓名</th><th>家庭人口</th>"
			    "<th>事项</th><th>理由</th>");
	buf_puts(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n->n_rows; i++) {
		const struct proposal_view *v = &n->rows[i];
		buf_printf(b, "<tr><td>%zu</td><td>", i + 1);
		esc(b, v->town_name);
		buf_puts(b, "</td><td>");
		esc(b, v->village_name);
		buf_puts(b, "</td><td>");
		esc(b, v->p.hh_no ? v->p.hh_no : "—");
		buf_puts(b, "</td><td>");
		esc(b, v->p.head_name ? v->p.head_name : "—");
		buf_puts(b, "</td><td>");
		if (n->sizes[i])
			buf_printf(b, "%lld", (long long)n->sizes[i]);
		else
			buf_puts(b, "—");
		buf_puts(b, "</td><td>");
		esc(b, proposal_type_label(v->p.type));
		buf_puts(b, "</td><td class=\"l\">");
		esc(b, v->p.reason ? v->p.reason : "");
		if (v->p.override) {
			buf_puts(b, en() ? " (check overridden: " : "（核查例外：");
			esc(b, v->p.override);
			buf_puts(b, en() ? ")" : "）");
		}
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table>\n<div class=\"sign\">");
	if (announce) {
		esc(b, n->county_name ? n->county_name : "");
		buf_puts(b, en() ? " poverty alleviation office<br>" : "扶贫开发领导小组办公室<br>");
	} else {
		esc(b, n->village_name ? n->village_name : "");
		buf_puts(b, en() ? " village committee<br>" : "村民委员会<br>");
	}
	buf_printf(b, "%s</div>\n", date_format(n->start, d1));
	page_end(b);
}

void
view_notice_text(struct buf *b, const struct notice *n)
{
	char d1[11], d2[11];
	bool announce = strcmp(n->kind, "announce") == 0;
	const char *type = n->n_rows ? proposal_type_label(n->rows[0].p.type) : "";
	/* titled as the printed page is: a 公告 by the county (it named the first row's village), a 公示 by the
	 * village */
	if (announce)
		buf_printf(b, en() ? "%s: announcement of %s  %s" : "%s%s公告  %s", n->county_name ? n->county_name : "",
		    type, date_format(n->start, d1));
	else
		buf_printf(b, en() ? "%s %s: notice of %s  %s" : "%s%s%s公示  %s", n->town_name ? n->town_name : "",
		    n->village_name ? n->village_name : "", type, date_format(n->start, d1));
	if (!announce)
		buf_printf(b, en() ? " for %d days (closable from %s)" : " 起 %d 天（%s 起可结束）", n->days,
		    date_format(n->end, d2));
	buf_putc(b, '\n');
	struct text_table t;
	table_init(&t, 6);
	const char *head_zh[] = { "申请", "户编号", "户主姓名", "家庭人口", "事项", "理由" };
	const char *head_en[] = { "proposal", "household", "head", "persons", "matter", "reason" };
	table_row(&t, en() ? head_en : head_zh);
	for (size_t i = 0; i < n->n_rows; i++) {
		const struct proposal_view *v = &n->rows[i];
		char id[24], size[24];
		snprintf(id, sizeof(id), "%lld", (long long)v->p.id);
		snprintf(size, sizeof(size), "%lld", (long long)n->sizes[i]);
		const char *row[] = { id, v->p.hh_no ? v->p.hh_no : "-", v->p.head_name ? v->p.head_name : "-", size,
			proposal_type_label(v->p.type), v->p.reason ? v->p.reason : "" };
		table_row(&t, row);
	}
	table_render(&t, b);
	table_free(&t);
}

json_t *
view_notice_json(const struct notice *n)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < n->n_rows; i++) {
		const struct proposal_view *v = &n->rows[i];
		json_t *o = json_pack("{s:I, s:s, s:o, s:o, s:I, s:o, s:o}", "id", (json_int_t)v->p.id, "type", v->p.type,
		    "household", str_or_null(v->p.hh_no), "head", str_or_null(v->p.head_name), "persons",
		    (json_int_t)n->sizes[i], "reason", str_or_null(v->p.reason), "override", str_or_null(v->p.override));
		json_array_append_new(rows, o);
	}
	return json_pack("{s:s, s:s, s:o, s:i, s:o, s:s?, s:s?, s:s?, s:o}", "kind", n->kind, "step", n->step->code,
	    "start", date_json(n->start), "days", n->days, "closable_from", date_json(n->end), "village",
	    n->village_name, "town", n->town_name, "county", n->county_name, "rows", rows);
}

void
view_exit_sheet_html(struct buf *b, const struct proposal_view *v, const struct member *ms, size_t nm,
    const struct assessment *x, const struct checklist *c)
{
	char d[11], title[200];
	snprintf(title, sizeof(title), en() ? "Exit analysis of household %s" : "贫困户脱贫双认定分析表（户编号 %s）",
	    v->p.hh_no ? v->p.hh_no : "");
	page_head(b, title);
	buf_puts(b, "<h1>");
	buf_puts(b, en() ? "Exit analysis (double confirmation)" : "贫困户脱贫双认定分析表");
	buf_puts(b, "</h1>\n<div class=\"sub\">");
	esc(b, v->town_name);
	buf_puts(b, " ");
	esc(b, v->village_name);
	buf_printf(b, en() ? " · household %s · proposal %lld" : " · 户编号 %s · 申请编号 %lld", v->p.hh_no ? v->p.hh_no : "",
	    (long long)v->p.id);
	buf_puts(b, "</div>\n<table><thead><tr>");
	buf_puts(b, en() ? "<th>Name</th><th>Relation</th><th>Age</th><th>Medical insurance</th>"
			 : "<th>姓名</th><th>与户主关系</th><th>年龄</th><th>基本医疗保险</th>");
	buf_puts(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < nm; i++) {
		buf_puts(b, "<tr><td>");
		esc(b, ms[i].name);
		buf_puts(b, "</td><td>");
		esc(b, code_label(CL_RELATION, ms[i].relation));
		buf_puts(b, "</td><td>");
		if (ms[i].birth)
			buf_printf(b, "%d", date_age_by_month(ms[i].birth, c->date));   /* a printed sheet: no birthday */
		buf_puts(b, "</td><td>");
		buf_puts(b, ms[i].ins_medical == 1 ? (en() ? "yes" : "是") : ms[i].ins_medical == 0 ? (en() ? "no" : "否") : "—");
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table>\n<table><thead><tr>");
	buf_puts(b, en() ? "<th>Criterion</th><th>Met</th><th>Finding</th>" : "<th>认定标准</th><th>是否达到</th><th>核实情况</th>");
	buf_puts(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < c->n; i++) {
		buf_puts(b, "<tr><td>");
		esc(b, check_line_label(c->lines[i].code));
		buf_printf(b, "</td><td class=\"%s\">%s</td><td class=\"l\">", c->lines[i].pass ? "pass" : "fail",
		    c->lines[i].pass ? (en() ? "yes" : "是") : (en() ? "no" : "否"));
		esc(b, en() ? c->lines[i].reason_en : c->lines[i].reason);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
	if (v->p.override) {
		buf_puts(b, en() ? "<p>Check overridden: " : "<p>核查例外理由：");
		esc(b, v->p.override);
		buf_puts(b, "</p>\n");
	}
	if (x) {
		buf_printf(b, en() ? "<p>Home visit of %s by " : "<p>入户核实：%s，核实人 ", date_format(x->day, d));
		esc(b, x->assessor);
		buf_puts(b, "</p>\n");
	}
	buf_printf(b, en() ? "<p>Checked as of %s.</p>\n" : "<p>核查日期：%s。</p>\n", date_format(c->date, d));
	buf_puts(b, "<div class=\"sig\"><div>");
	buf_puts(b, en() ? "Household head (signature and date)" : "户主签字（按手印）及日期");
	buf_puts(b, "</div><div>");
	buf_puts(b, en() ? "Responsible cadre (signature and date)" : "帮扶责任人签字及日期");
	buf_puts(b, "</div></div>\n<div class=\"sig\"><div>");
	buf_puts(b, en() ? "Village committee (seal)" : "村“两委”（盖章）");
	buf_puts(b, "</div><div>");
	buf_puts(b, en() ? "Resident work team (signature)" : "驻村工作队（签字）");
	buf_puts(b, "</div></div>\n");
	page_end(b);
}

static json_t *
percent_json(int64_t hundredths)
{
	return hundredths < 0 ? json_null() : json_real((double)hundredths / 100.0);
}

json_t *
view_village_exit_json(const struct village_row *v, size_t n, int day, int threshold)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++) {
		char code[16];
		snprintf(code, sizeof(code), "%lld", (long long)v[i].v.code);
		json_t *o = json_pack("{s:s, s:s, s:s?, s:o, s:I, s:o, s:b, s:o, s:o, s:o}", "code", code, "name", v[i].v.name,
		    "town", v[i].town_name, "rural_population", v[i].v.rural_pop > 0 ? json_integer(v[i].v.rural_pop) : json_null(),
		    "poor_persons", (json_int_t)v[i].poor_persons, "incidence", percent_json(v[i].incidence), "below_threshold",
		    v[i].below, "exit_year", v[i].v.exit_year ? json_integer(v[i].v.exit_year) : json_null(), "proposal",
		    v[i].proposal ? json_integer(v[i].proposal) : json_null(), "step", str_or_null(v[i].step));
		json_array_append_new(rows, o);
	}
	return json_pack("{s:o, s:o, s:o}", "as_of", date_json(day), "threshold", percent_json(threshold), "rows", rows);
}
