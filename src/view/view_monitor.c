/* view_monitor.c: JSON and tables of the monitoring list and figures (see view_monitor.h). */
#include "view/view_monitor.h"

#include <stdio.h>
#include <string.h>

#include "domain/codes.h"
#include "lib/date.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

static json_t *
day_json(int d)
{
	char s[11];
	return d && d != DATE_INF ? json_string(date_format(d, s)) : json_null();
}

static json_t *
str_json(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* "a,b" of list cl -> ["a","b"] and their labels */
static void
codes_json(json_t *j, const char *key, const char *label_key, enum codelist cl, const char *csv)
{
	json_t *c = json_array(), *l = json_array();
	const char *s = csv ? csv : "";
	while (*s) {
		size_t n = strcspn(s, ",");
		char item[48];
		snprintf(item, sizeof(item), "%.*s", (int)n, s);
		json_array_append_new(c, json_string(item));
		json_array_append_new(l, json_string(code_label(cl, item)));
		s += n + (s[n] == ',');
	}
	json_object_set_new(j, key, c);
	json_object_set_new(j, label_key, l);
}

/* "a,b" of list cl -> "label a、label b" in out (cut at size) */
static const char *
labels_join(enum codelist cl, const char *csv, char *out, size_t size)
{
	size_t k = 0;
	const char *s = csv ? csv : "";
	out[0] = '\0';
	while (*s) {
		size_t m = strcspn(s, ",");
		char item[48];
		snprintf(item, sizeof(item), "%.*s", (int)m, s);
		k += (size_t)snprintf(out + k, k < size ? size - k : 0, "%s%s", k ? "、" : "", code_label(cl, item));
		s += m + (s[m] == ',');
	}
	return out;
}

/* "帮扶消除 2022-06-30", "监测中", "监测中（兜底保障）" */
static const char *
state_text(bool monitored, bool held, const char *way, int eliminated, char *out, size_t size)
{
	if (monitored)
		snprintf(out, size, "%s%s", EN ? "monitored" : "监测中", held ? (EN ? " (social security)" : "（兜底保障）") : "");
	else {
		char d[11];
		snprintf(out, size, "%s %s", way ? code_label(CL_MON_WAY, way) : (EN ? "eliminated" : "风险已消除"),
		    date_format(eliminated, d));
	}
	return out;
}

json_t *
view_monitor_case_json(const struct monitor_case *c)
{
	json_t *j = json_object();
	json_object_set_new(j, "seq", json_integer(c->seq));
	json_object_set_new(j, "monitor_type", str_json(c->type));
	json_object_set_new(j, "monitor_type_label", c->type ? json_string(code_label(CL_MON_TYPE, c->type)) : json_null());
	codes_json(j, "risks", "risk_labels", CL_MON_RISK, c->risks);
	json_object_set_new(j, "channel", str_json(c->channel));
	json_object_set_new(j, "channel_label", c->channel ? json_string(code_label(CL_MON_CHANNEL, c->channel)) : json_null());
	json_object_set_new(j, "discovered", day_json(c->discovered));
	json_object_set_new(j, "identified", day_json(c->identified));
	json_object_set_new(j, "state", json_string(c->eliminated ? "eliminated" : "monitored"));
	json_object_set_new(j, "eliminated", day_json(c->eliminated));
	json_object_set_new(j, "way", str_json(c->way));
	json_object_set_new(j, "way_label", c->way ? json_string(code_label(CL_MON_WAY, c->way)) : json_null());
	json_object_set_new(j, "security_day", day_json(c->security_day));
	codes_json(j, "security", "security_labels", CL_PROGRAMME, c->security);
	json_object_set_new(j, "open_proposal", c->open_proposal_id ? json_integer(c->open_proposal_id) : json_null());
	json_object_set_new(j, "close_proposal", c->close_proposal_id ? json_integer(c->close_proposal_id) : json_null());
	json_object_set_new(j, "open_event", c->open_event_id ? json_integer(c->open_event_id) : json_null());
	json_object_set_new(j, "close_event", c->close_event_id ? json_integer(c->close_event_id) : json_null());
	return j;
}

json_t *
view_programme_json(const struct programme *p)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:s}", "programme", p->kind, "label", code_label(CL_PROGRAMME, p->kind),
	    "from", day_json(p->valid_from), "to", day_json(p->valid_to), "source", p->source);
}

json_t *
view_monitor_list_json(const struct monitor_row *v, size_t n, int day)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct monitor_row *r = &v[i];
		json_t *j = view_monitor_case_json(&r->c);
		json_object_set_new(j, "state", json_string(r->monitored ? "monitored" : "eliminated"));
		json_object_set_new(j, "held", json_boolean(r->held));
		json_object_set_new(j, "cases", json_integer(r->n_cases));
		json_object_set_new(j, "household", json_string(r->c.hh_no));
		json_object_set_new(j, "head", str_json(r->c.head_name));
		json_object_set_new(j, "persons", json_integer(r->c.persons));
		json_object_set_new(j, "household_status", json_string(status_code(r->c.status)));
		json_object_set_new(j, "household_status_label", json_string(status_label(r->c.status)));
		char code[16];
		view_code(r->c.village, code, sizeof(code));
		json_object_set_new(j, "village", json_pack("{s:s, s:o}", "code", code, "name", str_json(r->village_name)));
		view_code(r->c.village / 1000 * 1000, code, sizeof(code));
		json_object_set_new(j, "town", json_pack("{s:s, s:o}", "code", code, "name", str_json(r->town_name)));
		codes_json(j, "programmes", "programme_labels", CL_PROGRAMME, r->programmes);
		json_array_append_new(rows, j);
	}
	int64_t hh = (int64_t)n, persons = 0;
	for (size_t i = 0; i < n; i++)
		persons += v[i].c.persons;
	return json_pack("{s:o, s:{s:I, s:I}, s:o}", "as_of", day_json(day), "total", "households", (json_int_t)hh,
	    "persons", (json_int_t)persons, "rows", rows);
}

void
view_monitor_list_table(const struct monitor_row *v, size_t n, struct buf *out)
{
	struct text_table t;
	table_init(&t, 9);
	const char *head[9] = { EN ? "household" : "户编号", EN ? "village" : "行政村", EN ? "head" : "户主",
		EN ? "persons" : "人数", EN ? "type" : "监测对象类别", EN ? "risks" : "风险类型", EN ? "identified" : "识别监测时间",
		EN ? "state" : "状态", EN ? "programmes" : "帮扶救助项目" };
	table_row(&t, head);
	table_right(&t, 3);
	for (size_t i = 0; i < n; i++) {
		const struct monitor_row *r = &v[i];
		char persons[24], ident[11], state[96], risks[160] = "", progs[96] = "";
		snprintf(persons, sizeof(persons), "%lld", (long long)r->c.persons);
		date_format(r->c.identified, ident);
		labels_join(CL_MON_RISK, r->c.risks, risks, sizeof(risks));
		labels_join(CL_PROGRAMME, r->programmes, progs, sizeof(progs));
		state_text(r->monitored, r->held, r->c.way, r->c.eliminated, state, sizeof(state));
		const char *row[9] = { r->c.hh_no, r->village_name ? r->village_name : "", r->c.head_name ? r->c.head_name : "",
			persons, r->c.type ? code_label(CL_MON_TYPE, r->c.type) : "", risks, ident, state, progs };
		table_row(&t, row);
	}
	table_render(&t, out);
	table_free(&t);
	int64_t persons = 0;
	for (size_t i = 0; i < n; i++)
		persons += v[i].c.persons;
	char nh[64];
	view_nhmr((int64_t)n, persons, nh, sizeof(nh));
	buf_printf(out, "%s%s\n", EN ? "total: " : "合计：", nh);
}

void
view_monitor_cases_table(const struct monitor_case *c, size_t n, const struct programme *p, size_t np, struct buf *out)
{
	struct text_table t;
	table_init(&t, 7);
	const char *head[7] = { EN ? "case" : "次序", EN ? "type" : "监测对象类别", EN ? "risks" : "风险类型",
		EN ? "channel" : "发现途径", EN ? "discovered" : "发现时间", EN ? "identified" : "识别监测时间",
		EN ? "state" : "状态" };
	table_row(&t, head);
	table_right(&t, 0);
	for (size_t i = 0; i < n; i++) {
		char seq[24], risks[160], disc[11], ident[11], state[96];
		snprintf(seq, sizeof(seq), "%d", c[i].seq);
		state_text(!c[i].eliminated, false, c[i].way, c[i].eliminated, state, sizeof(state));
		if (!c[i].eliminated && c[i].security && *c[i].security) {
			char sec[96];
			size_t k = strlen(state);
			snprintf(state + k, sizeof(state) - k, EN ? " (no labour; %s)" : "（无劳动能力，%s）",
			    labels_join(CL_PROGRAMME, c[i].security, sec, sizeof(sec)));
		}
		const char *row[7] = { seq, c[i].type ? code_label(CL_MON_TYPE, c[i].type) : "",
			labels_join(CL_MON_RISK, c[i].risks, risks, sizeof(risks)),
			c[i].channel ? code_label(CL_MON_CHANNEL, c[i].channel) : "",
			c[i].discovered ? date_format(c[i].discovered, disc) : "",
			c[i].identified ? date_format(c[i].identified, ident) : "", state };
		table_row(&t, row);
	}
	if (n)
		table_render(&t, out);
	else
		buf_printf(out, "%s\n", EN ? "never monitored" : "无监测记录");
	table_free(&t);
	buf_printf(out, "\n");
	table_init(&t, 4);
	const char *phead[4] = { EN ? "programme" : "帮扶救助项目", EN ? "from" : "起", EN ? "to" : "止",
		EN ? "source" : "来源" };
	table_row(&t, phead);
	for (size_t i = 0; i < np; i++) {
		char from[11], to[11];
		const char *row[4] = { code_label(CL_PROGRAMME, p[i].kind), date_format(p[i].valid_from, from),
			p[i].valid_to && p[i].valid_to != DATE_INF ? date_format(p[i].valid_to, to) : "", p[i].source ? p[i].source : "" };
		table_row(&t, row);
	}
	if (np)
		table_render(&t, out);
	else
		buf_printf(out, "%s\n", EN ? "no programme" : "无帮扶救助项目");
	table_free(&t);
}

static json_t *
hp_json(const struct hp *x)
{
	return json_pack("{s:I, s:I}", "households", (json_int_t)x->households, "persons", (json_int_t)x->persons);
}

static json_t *
counts_json(const struct monitor_counts *c, json_t *j)
{
	json_object_set_new(j, "monitored", hp_json(&c->monitored));
	json_object_set_new(j, "eliminated", hp_json(&c->eliminated));
	json_object_set_new(j, "by_type", json_pack("{s:o, s:o, s:o}", "unstable", hp_json(&c->by_type[MT_UNSTABLE]),
	    "marginal", hp_json(&c->by_type[MT_MARGINAL]), "sudden", hp_json(&c->by_type[MT_SUDDEN])));
	json_object_set_new(j, "by_way", json_pack("{s:o, s:o}", "help", hp_json(&c->by_way[MW_HELP]), "natural",
	    hp_json(&c->by_way[MW_NATURAL])));
	json_object_set_new(j, "held", hp_json(&c->held));
	json_object_set_new(j, "identified_this_year", hp_json(&c->identified_this_year));
	json_object_set_new(j, "eliminated_this_year", hp_json(&c->eliminated_this_year));
	json_t *risks = json_object();
	const struct code_list *l = codes_list(CL_MON_RISK);
	for (size_t i = 0; i < l->n && i < 11; i++)
		json_object_set_new(risks, l->codes[i].code, hp_json(&c->by_risk[i]));
	json_object_set_new(j, "by_risk", risks);
	return j;
}

json_t *
view_monitor_stats_json(const struct monitor_stats *r)
{
	char code[16];
	json_t *rows = json_array();
	for (size_t i = 0; i < r->n_rows; i++) {
		view_code(r->rows[i].d.code, code, sizeof(code));
		json_array_append_new(rows, counts_json(&r->rows[i].c, json_pack("{s:s, s:s}", "code", code, "name",
		    r->rows[i].d.name ? r->rows[i].d.name : "")));
	}
	json_t *div = json_object();
	if (r->div.code) {
		view_code(r->div.code, code, sizeof(code));
		json_object_set_new(div, "code", json_string(code));
	} else
		json_object_set_new(div, "code", json_null());
	json_object_set_new(div, "name", json_string(r->div.name ? r->div.name : ""));
	/* its level, so a village's page shows the village itself, not an empty list of its towns */
	if (r->div.code && r->div.level)
		json_object_set_new(div, "level", json_string(view_level_key(r->div.level)));
	return json_pack("{s:o, s:o, s:o, s:o}", "as_of", day_json(r->day), "division", div, "totals",
	    counts_json(&r->totals, json_object()), "rows", rows);
}

void
view_monitor_stats_table(const struct monitor_stats *r, struct buf *out)
{
	struct text_table t;
	table_init(&t, 8);
	const char *head[8] = { EN ? "division" : "区划", EN ? "monitored" : "监测对象", EN ? "unstable" : "脱贫不稳定户",
		EN ? "marginal" : "边缘易致贫户", EN ? "sudden" : "突发严重困难户", EN ? "eliminated" : "风险已消除",
		EN ? "new this year" : "本年新识别", EN ? "no labour, held" : "无劳动能力暂不消除" };
	table_row(&t, head);
	for (int c = 1; c < 8; c++)
		table_right(&t, (size_t)c);
	for (size_t i = 0; i <= r->n_rows; i++) {
		const struct monitor_counts *c = i < r->n_rows ? &r->rows[i].c : &r->totals;
		const char *name = i < r->n_rows ? r->rows[i].d.name : (EN ? "total" : "合计");
		char s[7][48];
		view_nhmr(c->monitored.households, c->monitored.persons, s[0], sizeof(s[0]));
		for (int k = 0; k < 3; k++)
			view_nhmr(c->by_type[k].households, c->by_type[k].persons, s[1 + k], sizeof(s[1 + k]));
		view_nhmr(c->eliminated.households, c->eliminated.persons, s[4], sizeof(s[4]));
		view_nhmr(c->identified_this_year.households, c->identified_this_year.persons, s[5], sizeof(s[5]));
		view_nhmr(c->held.households, c->held.persons, s[6], sizeof(s[6]));
		const char *row[8] = { name ? name : "", s[0], s[1], s[2], s[3], s[4], s[5], s[6] };
		table_row(&t, row);
	}
	char d[11];
	buf_printf(out, "%s %s  %s\n", EN ? "as of" : "截至", date_format(r->day, d), r->div.name ? r->div.name : "");
	table_render(&t, out);
}

/* ---- early warnings ---- */

static const char *
warning_rule_label(int rule)
{
	static const char *const zh[WR__MAX] = { "收入低于监测标准", "收入大幅下降", "新增大病或残疾", "医保高额自付",
		"受灾", "主要劳动力死亡" };
	static const char *const en[WR__MAX] = { "income below the monitoring line", "sharp income fall",
		"new serious illness or disability", "high medical costs", "disaster",
		"death of a labourer" };
	return EN ? en[rule] : zh[rule];
}

/* A share as the data says it (the JSON's fall and fall_share: 29.99, 30) */
static void
percent(int hundredths, char *s, size_t size)
{
	if (hundredths % 100)
		snprintf(s, size, "%d.%02d", hundredths / 100, hundredths % 100);
	else
		snprintf(s, size, "%d", hundredths / 100);
}

/* A fall in words: whole percent, 四舍五入 (one warning said 下降 32%, the next 下降 48.01%) */
static void
percent_words(int hundredths, char *s, size_t size)
{
	snprintf(s, size, "%d", (hundredths + (hundredths >= 0 ? 50 : -50)) / 100);
}

/* the warning in words */
static void
warning_detail(const struct monitor_warning *w, char *s, size_t size)
{
	char a[32], b[32], d[11], p[16];
	switch (w->rule) {
	case WR_LOW_INCOME:
		snprintf(s, size, msg_text(MSG_WARN_LOW_INCOME), w->year, format_fen(w->net_pc, a, sizeof(a)), w->line_year,
		    format_fen(w->line, b, sizeof(b)));
		break;
	case WR_INCOME_FALL:
		percent_words(w->fall, p, sizeof(p));
		snprintf(s, size, msg_text(MSG_WARN_INCOME_FALL), w->prev_year, format_fen(w->prev_net_pc, a, sizeof(a)),
		    w->year, format_fen(w->net_pc, b, sizeof(b)), p);
		break;
	case WR_MEDICAL_COST:
		snprintf(s, size, msg_text(MSG_WARN_MEDICAL_COST), w->member_name, format_fen(w->amount, a, sizeof(a)),
		    date_format(w->day, d), w->source);
		break;
	case WR_DISASTER:
		snprintf(s, size, msg_text(MSG_WARN_DISASTER), w->member_name, w->value, date_format(w->day, d), w->source);
		break;
	case WR_LABOUR_DEATH:
		snprintf(s, size, msg_text(MSG_WARN_LABOUR_DEATH), w->member_name, code_label(CL_LABOR, w->labor),
		    date_format(w->day, d), w->source);
		break;
	default:
		snprintf(s, size, msg_text(MSG_WARN_HEALTH), w->member_name ? w->member_name : "",
		    code_label(CL_HEALTH, w->health), date_format(w->day, d));
		break;
	}
}

json_t *
view_warnings_json(const struct warning_list *l)
{
	json_t *rows = json_array();
	char code[16], s[64], d[11];
	for (size_t i = 0; i < l->n; i++) {
		const struct monitor_warning *w = &l->rows[i];
		json_t *j = json_object();
		json_object_set_new(j, "key", json_string(w->key));
		json_object_set_new(j, "rule", json_string(warning_rules[w->rule]));
		json_object_set_new(j, "rule_label", json_string(warning_rule_label(w->rule)));
		char detail[400];
		warning_detail(w, detail, sizeof(detail));
		json_object_set_new(j, "detail", json_string(detail));
		json_object_set_new(j, "household", json_string(w->hh_no));
		json_object_set_new(j, "head", str_json(w->head_name));
		json_object_set_new(j, "persons", json_integer(w->persons));
		json_object_set_new(j, "household_status", json_string(status_code(w->status)));
		json_object_set_new(j, "household_status_label", json_string(status_label(w->status)));
		view_code(w->village, code, sizeof(code));
		json_object_set_new(j, "village", json_pack("{s:s, s:o}", "code", code, "name", str_json(w->village_name)));
		view_code(w->village / 1000 * 1000, code, sizeof(code));
		json_object_set_new(j, "town", json_pack("{s:s, s:o}", "code", code, "name", str_json(w->town_name)));
		if (w->rule == WR_HEALTH) {
			json_object_set_new(j, "event", json_integer(w->event_id));
			json_object_set_new(j, "day", day_json(w->day));
			json_object_set_new(j, "member", str_json(w->member_name));
			json_object_set_new(j, "health", str_json(w->health));
			json_object_set_new(j, "health_label", json_string(code_label(CL_HEALTH, w->health)));
			/* the risk it suggests for a monitor_in proposal */
			json_object_set_new(j, "suggested_risk", json_string(strcmp(w->health, "04") == 0 ? "disability" : "illness"));
		} else if (w->rule == WR_MEDICAL_COST || w->rule == WR_DISASTER) {
			json_object_set_new(j, "day", day_json(w->day));
			json_object_set_new(j, "member", str_json(w->member_name));
			json_object_set_new(j, "source", str_json(w->source));
			json_object_set_new(j, "value", w->rule == WR_MEDICAL_COST ? json_string(format_fen(w->amount, s, sizeof(s)))
			    : str_json(w->value));
			json_object_set_new(j, "suggested_risk", json_string(w->rule == WR_MEDICAL_COST ? "illness" : "disaster"));
		} else if (w->rule == WR_LABOUR_DEATH) {
			json_object_set_new(j, "day", day_json(w->day));
			json_object_set_new(j, "member", str_json(w->member_name));
			json_object_set_new(j, "source", str_json(w->source));
			json_object_set_new(j, "labor", str_json(w->labor));
			json_object_set_new(j, "labor_label", json_string(code_label(CL_LABOR, w->labor)));
			json_object_set_new(j, "suggested_risk", json_string("labour"));
		} else {
			json_object_set_new(j, "year", json_integer(w->year));
			json_object_set_new(j, "net_income_pc", json_string(format_fen(w->net_pc, s, sizeof(s))));
			if (w->rule == WR_LOW_INCOME) {
				json_object_set_new(j, "line_year", json_integer(w->line_year));
				json_object_set_new(j, "line", json_string(format_fen(w->line, s, sizeof(s))));
			} else {
				json_object_set_new(j, "previous_year", json_integer(w->prev_year));
				json_object_set_new(j, "previous_net_income_pc", json_string(format_fen(w->prev_net_pc, s, sizeof(s))));
				percent(w->fall, s, sizeof(s));
				json_object_set_new(j, "fall", json_string(s));
			}
			json_object_set_new(j, "suggested_risk", json_null());
		}
		/* the type a monitor_in proposal would take: 脱贫不稳定户 for a 脱贫户, 边缘易致贫户 for an 一般农户 */
		json_object_set_new(j, "suggested_type", json_string(w->status == ST_ORDINARY ? "marginal" : "unstable"));
		json_object_set_new(j, "proposal", w->proposal_id ? json_integer(w->proposal_id) : json_null());
		const struct warning_dismissal *x = w->dismissed;
		json_object_set_new(j, "dismissed", x ? json_pack("{s:s, s:s, s:s}", "reason", x->reason, "by", x->actor,
		    "day", date_format(x->day, d)) : json_null());
		json_array_append_new(rows, j);
	}
	percent(l->fall_share, s, sizeof(s));
	char mc[32];
	format_fen(l->medical_cost, mc, sizeof(mc));
	return json_pack("{s:o, s:o, s:s, s:s, s:{s:I, s:I}, s:o}", "as_of", day_json(l->day), "division",
	    view_division_json(&l->div), "fall_share", s, "medical_cost_threshold", mc, "total", "households", (json_int_t)l->households, "warnings",
	    (json_int_t)l->n, "rows", rows);
}

void
view_warnings_table(const struct warning_list *l, struct buf *out)
{
	struct text_table t;
	table_init(&t, 8);
	const char *head[8] = { EN ? "warning" : "预警编号", EN ? "household" : "户编号", EN ? "village" : "行政村",
		EN ? "head" : "户主", EN ? "persons" : "人数", EN ? "rule" : "预警类型", EN ? "detail" : "情况",
		EN ? "state" : "处理" };
	table_row(&t, head);
	table_right(&t, 4);
	for (size_t i = 0; i < l->n; i++) {
		const struct monitor_warning *w = &l->rows[i];
		char persons[16], detail[400], state[400];
		snprintf(persons, sizeof(persons), "%d", w->persons);
		warning_detail(w, detail, sizeof(detail));
		if (w->dismissed)
			snprintf(state, sizeof(state), EN ? "dismissed: %s" : "已排除：%s", w->dismissed->reason);
		else if (w->proposal_id)
			snprintf(state, sizeof(state), EN ? "proposal %lld" : "已提出纳入监测申请 %lld", (long long)w->proposal_id);
		else
			snprintf(state, sizeof(state), "%s", EN ? "to check" : "待核实");
		const char *row[8] = { w->key, w->hh_no, w->village_name ? w->village_name : "", w->head_name ? w->head_name : "",
			persons, warning_rule_label(w->rule), detail, state };
		table_row(&t, row);
	}
	table_render(&t, out);
	table_free(&t);
	buf_printf(out, EN ? "total: %zu warnings, %zu households\n" : "合计：%zu 条预警，%zu 户\n", l->n, l->households);
}
