/* view.c: JSON, tables and CSV for stats, changes, checks and import results. */
#include "view/view.h"

#include <stdio.h>
#include <string.h>

#include "domain/codes.h"
#include "domain/export.h"
#include "domain/idno.h"
#include "domain/status.h"
#include "lib/date.h"
#include "lib/jw.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

void
view_nhmr(int64_t h, int64_t p, char *out, size_t size)
{
	if (EN)
		snprintf(out, size, "%lld hh / %lld p", (long long)h, (long long)p);
	else
		snprintf(out, size, "%lld户%lld人", (long long)h, (long long)p);
}

void
view_code(int64_t code, char *out, size_t size)
{
	if (code)
		snprintf(out, size, "%012lld", (long long)code);
	else
		snprintf(out, size, "%s", "");
}

static const char *
level_key(int level)
{
	static const char *const k[] = { "all", "province", "city", "county", "town", "village" };
	return level >= 0 && level <= 5 ? k[level] : "";
}

static json_t *
counts_json(const struct counts *c)
{
	json_t *j = json_object();
	for (int g = 0; g < G__MAX; g++)
		json_object_set_new(j, group_key((enum group)g),
		    json_pack("{s:I, s:I}", "households", (json_int_t)c->h[g], "persons", (json_int_t)c->p[g]));
	return j;
}

json_t *
view_stats_json(const struct stats_result *r)
{
	char d[11], t[20];
	json_t *j = json_object();
	static const char *const by_names[] = { "children", "town", "village", "cause", "attribute" };
	json_object_set_new(j, "as_of", json_string(date_format(r->as_of, d)));
	json_object_set_new(j, "recorded_at", r->recorded_at ? json_string(stamp_format(r->recorded_at, t)) : json_null());
	json_object_set_new(j, "division", view_division_json(&r->div));
	json_object_set_new(j, "by", json_string(by_names[r->by]));
	json_object_set_new(j, "totals", counts_json(&r->totals));
	json_object_set_new(j, "villages", json_pack("{s:I, s:I, s:I}", "total", (json_int_t)r->villages.total, "poor",
	    (json_int_t)r->villages.poor, "exited", (json_int_t)r->villages.exited));
	json_t *rows = json_array();
	for (size_t i = 0; i < r->n_rows; i++) {
		json_t *row = counts_json(&r->rows[i].c);
		char code[16];
		view_code(r->rows[i].d.code, code, sizeof(code));
		json_object_set_new(row, "code", json_string(r->rows[i].key ? r->rows[i].key : code));
		json_object_set_new(row, "name", json_string(r->rows[i].d.name ? r->rows[i].d.name : ""));
		if (r->rows[i].key) {
			json_array_append_new(rows, row);
			continue;
		}
		json_object_set_new(row, "level", json_string(level_key(r->rows[i].d.level)));
		json_object_set_new(row, "villages", json_pack("{s:I, s:I, s:I}", "total", (json_int_t)r->rows[i].v.total,
		    "poor", (json_int_t)r->rows[i].v.poor, "exited", (json_int_t)r->rows[i].v.exited));
		json_array_append_new(rows, row);
	}
	json_object_set_new(j, "rows", rows);
	return j;
}

static const enum group table_groups[] = { G_REGISTERED, G_POOR, G_RETURNED, G_EXITED_SUPPORTED, G_EXITED_UNSUPPORTED,
	G_REMOVED, G_CANCELLED };

void
view_stats_table(const struct stats_result *r, struct buf *out)
{
	char d[11], t[20], code[16];
	view_code(r->div.code, code, sizeof(code));
	if (EN)
		buf_printf(out, "%s%s%s%s  as of %s", r->div.name, code[0] ? " (" : "", code, code[0] ? ")" : "",
		    date_format(r->as_of, d));
	else
		buf_printf(out, "%s%s%s%s  截至 %s", r->div.name, code[0] ? "（" : "", code, code[0] ? "）" : "",
		    date_format(r->as_of, d));
	if (r->recorded_at)
		buf_printf(out, EN ? "  as recorded at %s" : "  （按 %s 时的记录）", stamp_format(r->recorded_at, t));
	buf_putc(out, '\n');
	size_t cols = 1 + NELEM(table_groups);
	struct text_table tb;
	table_init(&tb, cols);
	const char *head[16];
	head[0] = r->by == BY_CAUSE ? (EN ? "main cause" : "主要致贫原因") : r->by == BY_ATTRIBUTE ?
	    (EN ? "attribute" : "贫困户属性") : (EN ? "division" : "区划");
	for (size_t i = 0; i < NELEM(table_groups); i++) {
		head[i + 1] = group_label(table_groups[i]);
		table_right(&tb, i + 1);
	}
	table_row(&tb, head);
	char cell[16][48];
	const char *row[16];
	for (size_t k = 0; k <= r->n_rows; k++) {
		const struct counts *c = k == 0 ? &r->totals : &r->rows[k - 1].c;
		row[0] = k == 0 ? (EN ? "total" : "合计") : r->rows[k - 1].d.name;
		for (size_t i = 0; i < NELEM(table_groups); i++) {
			view_nhmr(c->h[table_groups[i]], c->p[table_groups[i]], cell[i], sizeof(cell[i]));
			row[i + 1] = cell[i];
		}
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	char a[48], b[48];
	view_nhmr(r->totals.h[G_CURRENT_POOR], r->totals.p[G_CURRENT_POOR], a, sizeof(a));
	view_nhmr(r->totals.h[G_EXITED], r->totals.p[G_EXITED], b, sizeof(b));
	buf_printf(out, EN ? "currently poor (not exited + returned): %s; exited: %s\n"
			   : "现有贫困（未脱贫＋返贫）%s；已脱贫 %s\n", a, b);
	if (r->villages.poor)
		buf_printf(out, EN ? "province-designated poor villages: %lld, exited by %d: %lld\n"
				   : "省定贫困村 %lld 个，截至 %d 年已出列 %lld 个\n",
		    (long long)r->villages.poor, r->as_of / 10000, (long long)r->villages.exited);
}

static void
csv_field(struct buf *out, const char *s)
{
	if (strpbrk(s, ",\"\r\n")) {
		buf_putc(out, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(out, '"');
			buf_putc(out, *s);
		}
		buf_putc(out, '"');
	} else
		buf_puts(out, s);
}

void
view_stats_csv(const struct stats_result *r, struct buf *out)
{
	buf_puts(out, "code,name");
	for (int g = 0; g < G__MAX; g++)
		buf_printf(out, ",%s_households,%s_persons", group_key((enum group)g), group_key((enum group)g));
	buf_puts(out, "\r\n");
	for (size_t k = 0; k <= r->n_rows; k++) {
		const struct division *d = k == 0 ? &r->div : &r->rows[k - 1].d;
		const struct counts *c = k == 0 ? &r->totals : &r->rows[k - 1].c;
		char code[16];
		view_code(d->code, code, sizeof(code));
		buf_puts(out, code);
		buf_putc(out, ',');
		csv_field(out, d->name ? d->name : "");
		for (int g = 0; g < G__MAX; g++)
			buf_printf(out, ",%lld,%lld", (long long)c->h[g], (long long)c->p[g]);
		buf_puts(out, "\r\n");
	}
}

json_t *
view_changes_json(const struct changes_result *r)
{
	char d[11], t[20];
	json_t *j = json_object();
	bool by_date = r->mode != CHANGES_BATCH;
	json_object_set_new(j, "from", by_date ? json_string(date_format(r->from, d)) : json_null());
	json_object_set_new(j, "to", by_date ? json_string(date_format(r->to, d)) : json_null());
	json_object_set_new(j, "recorded", json_boolean(r->mode == CHANGES_RECORDED));
	json_object_set_new(j, "batch", r->batch ? json_string(r->batch) : json_null());
	json_object_set_new(j, "recorded_at", r->recorded_at ? json_string(stamp_format(r->recorded_at, t)) : json_null());
	json_object_set_new(j, "division", view_division_json(&r->div));
	json_t *rows = json_array();
	for (size_t i = 0; i < r->n_rows; i++)
		json_array_append_new(rows, json_pack("{s:s, s:s, s:I, s:I}", "type", evtype_code(r->rows[i].type), "label",
		    evtype_label(r->rows[i].type), "households", (json_int_t)r->rows[i].households, "persons",
		    (json_int_t)r->rows[i].persons));
	json_object_set_new(j, "rows", rows);
	return j;
}

void
view_changes_table(const struct changes_result *r, struct buf *out)
{
	char a[11], b[11], t[20], code[16];
	view_code(r->div.code, code, sizeof(code));
	buf_printf(out, "%s%s%s%s  ", r->div.name, code[0] ? (EN ? " (" : "（") : "", code,
	    code[0] ? (EN ? ")" : "）") : "");
	if (r->mode == CHANGES_BATCH)
		buf_printf(out, EN ? "batch \"%s\"" : "批次“%s”", r->batch);
	else if (r->mode == CHANGES_RECORDED)
		buf_printf(out, EN ? "recorded %s to %s" : "记录于 %s 至 %s", date_format(r->from, a), date_format(r->to, b));
	else
		buf_printf(out, EN ? "effective %s to %s" : "生效于 %s 至 %s", date_format(r->from, a), date_format(r->to, b));
	if (r->recorded_at)
		buf_printf(out, EN ? "  as recorded at %s" : "  （按 %s 时的记录）", stamp_format(r->recorded_at, t));
	buf_putc(out, '\n');
	if (r->n_rows == 0) {
		buf_puts(out, EN ? "no changes\n" : "无变动\n");
		return;
	}
	struct text_table tb;
	table_init(&tb, 3);
	table_right(&tb, 1);
	table_right(&tb, 2);
	const char *head[3] = { EN ? "change" : "变动类型", EN ? "households" : "户数", EN ? "persons" : "人数" };
	table_row(&tb, head);
	for (size_t i = 0; i < r->n_rows; i++) {
		char h[24], p[24];
		snprintf(h, sizeof(h), "%lld", (long long)r->rows[i].households);
		snprintf(p, sizeof(p), "%lld", (long long)r->rows[i].persons);
		const char *row[3] = { evtype_label(r->rows[i].type), h, p };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
}

void
view_changes_csv(const struct changes_result *r, struct buf *out)
{
	buf_puts(out, "type,label,households,persons\r\n");
	for (size_t i = 0; i < r->n_rows; i++) {
		buf_printf(out, "%s,", evtype_code(r->rows[i].type));
		csv_field(out, evtype_label(r->rows[i].type));
		buf_printf(out, ",%lld,%lld\r\n", (long long)r->rows[i].households, (long long)r->rows[i].persons);
	}
}

json_t *
view_problems_json(const struct problems *p)
{
	json_t *v = json_array();
	for (size_t i = 0; i < p->n; i++) {
		const struct problem *x = &p->v[i];
		json_array_append_new(v, json_pack("{s:i, s:s, s:s?, s:s, s:s, s:b}", "row", x->row, "column", x->column,
		    "value", x->value, "code", x->code, "message", x->message, "warning", x->warning));
	}
	return v;
}

static const char *
kind_name(enum sheet_kind k)
{
	return k == SHEET_XLSX ? "xlsx" : k == SHEET_MEMORY ? "json" : "csv";
}

json_t *
view_import_json(const struct import_result *r, const char *what)
{
	json_t *j = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:b, s:I, s:I}", "what", what, "format",
	    kind_name(r->kind), "encoding", sheet_encoding_name(r->encoding), "rows", r->rows, "households",
	    r->households, "members", r->members, "events", r->events, "written", r->written, "errors",
	    (json_int_t)r->problems.n_errors, "warnings", (json_int_t)r->problems.n_warnings);
	if (strcmp(what, "divisions") == 0) {
		json_object_set_new(j, "added", json_integer(r->divisions_added));
		json_object_set_new(j, "updated", json_integer(r->divisions_updated));
	}
	json_object_set_new(j, "problems", view_problems_json(&r->problems));
	return j;
}

void
view_problems_table(const struct problems *p, struct buf *out)
{
	struct text_table tb;
	table_init(&tb, 4);
	const char *head[4] = { EN ? "row" : "行", EN ? "column" : "列", EN ? "value" : "值", EN ? "problem" : "问题" };
	table_row(&tb, head);
	for (size_t i = 0; i < p->n; i++) {
		const struct problem *x = &p->v[i];
		char row[16], msg[600];
		if (x->row)
			snprintf(row, sizeof(row), EN ? "%d" : "第%d行", x->row);
		else
			row[0] = '\0';
		snprintf(msg, sizeof(msg), "%s%s", x->warning ? (EN ? "warning: " : "提醒：") : "", x->message);
		const char *cells[4] = { row, x->column, x->value ? x->value : "", msg };
		table_row(&tb, cells);
	}
	table_render(&tb, out);
	table_free(&tb);
	if (p->dropped)
		buf_printf(out, EN ? "... and %zu more\n" : "……另有 %zu 个问题未列出\n", p->dropped);
}

void
view_import_summary(const struct import_result *r, const char *what, struct buf *out)
{
	(void)what;
	if (r->problems.n_errors) {
		buf_printf(out, EN ? "%zu problems in the file (%s, %s); nothing was written:\n"
				   : "文件（%2$s，%3$s）中有 %1$zu 个问题，未写入任何数据：\n",
		    r->problems.n_errors, kind_name(r->kind), sheet_encoding_name(r->encoding));
		view_problems_table(&r->problems, out);
		return;
	}
	if (strcmp(what, "divisions") == 0)
		buf_printf(out, EN ? "%s%d rows (%s, %s): %d divisions added, %d updated\n"
				   : "%s%d 行（%s，%s）：新增区划 %d 个，更新 %d 个\n",
		    r->written ? "" : (EN ? "[dry run] " : "［仅校验］"), r->rows, kind_name(r->kind),
		    sheet_encoding_name(r->encoding), r->divisions_added, r->divisions_updated);
	else if (strcmp(what, "registry") == 0)
		buf_printf(out, EN ? "%s%d rows (%s, %s): %d households, %d persons registered\n"
				   : "%s%d 行（%s，%s）：建档 %d 户 %d 人\n",
		    r->written ? "" : (EN ? "[dry run] " : "［仅校验］"), r->rows, kind_name(r->kind),
		    sheet_encoding_name(r->encoding), r->households, r->members);
	else
		buf_printf(out, EN ? "%s%d rows (%s, %s): %d events recorded\n" : "%s%d 行（%s，%s）：记录变动 %d 条\n",
		    r->written ? "" : (EN ? "[dry run] " : "［仅校验］"), r->rows, kind_name(r->kind),
		    sheet_encoding_name(r->encoding), r->events);
	if (r->problems.n_warnings) {
		buf_printf(out, EN ? "%zu warnings:\n" : "%zu 个提醒：\n", r->problems.n_warnings);
		view_problems_table(&r->problems, out);
	}
}

/* ---- households ---- */

json_t *
view_code_json(enum codelist cl, const char *code)
{
	if (!code || !*code)
		return json_null();
	return json_pack("{s:s, s:s}", "code", code, "label", code_label(cl, code));
}

static json_t *
status_json(enum status s)
{
	if (s == ST_NONE)
		return json_null();
	return json_pack("{s:s, s:s}", "code", status_code(s), "label", status_label(s));
}

json_t *
view_household_summary_json(const struct hh_summary *s, bool full)
{
	char code[16], phone[32];
	view_code(s->h.village, code, sizeof(code));
	if (full)
		snprintf(phone, sizeof(phone), "%s", s->h.phone ? s->h.phone : "");
	else
		phone_mask(s->h.phone, phone, sizeof(phone));
	return json_pack("{s:s, s:s, s:s?, s:I, s:o, s:b, s:o, s:o, s:s?}", "hh_no", s->h.hh_no, "village", code,
	    "head", s->head_name, "size", (json_int_t)s->size, "status", status_json(s->h.status), "monitored",
	    s->h.monitored, "attribute", view_code_json(CL_ATTRIBUTE, s->h.attribute), "cause_main",
	    view_code_json(CL_CAUSE, s->h.cause_main), "phone", s->h.phone ? phone : NULL);
}

/* ---- the household page, written straight to text (it is the most requested answer) ---- */

static void
code_write(struct jw *w, const char *key, enum codelist cl, const char *code)
{
	jw_key(w, key);
	if (!code || !*code) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "label", code_label(cl, code));
	jw_obj_end(w);
}

static void
status_write(struct jw *w, const char *key, enum status st)
{
	jw_key(w, key);
	if (st == ST_NONE) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_kstr(w, "code", status_code(st));
	jw_kstr(w, "label", status_label(st));
	jw_obj_end(w);
}

static void
division_write(struct jw *w, const struct division *d)
{
	char code[16];
	view_code(d->code, code, sizeof(code));
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "name", d->name ? d->name : "");
	jw_kstr(w, "level", level_key(d->level));
	if (d->level == LV_VILLAGE) {
		jw_kbool(w, "poor_village", d->poor_village);
		jw_key(w, "exit_year");
		d->exit_year ? jw_int(w, d->exit_year) : jw_null(w);
		jw_key(w, "rural_pop");
		d->rural_pop >= 0 ? jw_int(w, d->rural_pop) : jw_null(w);
	}
	jw_obj_end(w);
}

json_t *
view_division_json(const struct division *d)
{
	struct buf b;
	struct jw w;
	buf_init(&b);
	jw_init(&w, &b);
	division_write(&w, d);
	json_t *j = json_loadb(b.p, b.n, 0, NULL);
	buf_free(&b);
	return j;
}

static void
opt_int_write(struct jw *w, const char *key, int v, int none)
{
	jw_key(w, key);
	v == none ? jw_null(w) : jw_int(w, v);
}

static void
opt_bool_write(struct jw *w, const char *key, int v)
{
	jw_key(w, key);
	v < 0 ? jw_null(w) : jw_bool(w, v);
}

static void
member_write(struct jw *w, const struct member *m, int as_of, bool full)
{
	char id[32], phone[32], birth[11];
	if (full) {
		snprintf(id, sizeof(id), "%s", m->id_no ? m->id_no : "");
		snprintf(phone, sizeof(phone), "%s", m->phone ? m->phone : "");
	} else {
		idno_mask(m->id_no, id, sizeof(id));
		phone_mask(m->phone, phone, sizeof(phone));
	}
	jw_obj(w);
	jw_kint(w, "id", m->id);
	jw_kstr(w, "name", m->name ? m->name : "");
	jw_kstr(w, "id_no", id);
	code_write(w, "sex", CL_SEX, m->sex);
	code_write(w, "relation", CL_RELATION, m->relation);
	jw_kstr(w, "birth", m->birth ? date_format(m->birth, birth) : NULL);
	jw_key(w, "age");
	m->birth && as_of ? jw_int(w, date_age(m->birth, as_of)) : jw_null(w);
	code_write(w, "ethnicity", CL_ETHNICITY, m->ethnicity);
	code_write(w, "education", CL_EDUCATION, m->education);
	code_write(w, "schooling", CL_SCHOOLING, m->schooling);
	/* health is personal data: its label shows, as the household page needs it; 公示 lists never carry it */
	code_write(w, "health", CL_HEALTH, m->health);
	code_write(w, "labor", CL_LABOR, m->labor);
	code_write(w, "work_status", CL_WORK, m->work_status);
	opt_int_write(w, "work_months", m->work_months, -1);
	opt_bool_write(w, "ins_medical", m->ins_medical);
	opt_bool_write(w, "ins_serious", m->ins_serious);
	opt_bool_write(w, "ins_pension", m->ins_pension);
	opt_bool_write(w, "dibao", m->dibao);
	opt_bool_write(w, "tekun", m->tekun);
	jw_kstr(w, "phone", m->phone ? phone : NULL);
	jw_obj_end(w);
}

/* Whether a detail text may hold a correction's phone or bank account numbers. */
static bool
has_numbers(const char *detail)
{
	return strstr(detail, "\"phone\"") || strstr(detail, "\"member_phone\"") || strstr(detail, "\"bank_account\"");
}

/* A correction's changes ({"phone":[before,after],…}): the phone and bank account numbers masked in place. */
static void
mask_changes(json_t *changes)
{
	static const char *const keys[] = { "phone", "member_phone", "bank_account" };
	for (size_t k = 0; k < NELEM(keys); k++) {
		json_t *pair = json_object_get(changes, keys[k]);
		for (size_t i = 0; i < json_array_size(pair); i++) {
			const char *s = json_string_value(json_array_get(pair, i));
			char m[40];
			if (s)
				json_array_set_new(pair, i, json_string(k < 2 ? phone_mask(s, m, sizeof(m)) :
				    account_mask(s, m, sizeof(m))));
		}
	}
}

const char *
view_audit_detail(const char *detail, struct arena *a)
{
	if (!detail || !has_numbers(detail))
		return detail;
	json_t *j = json_loads(detail, 0, NULL);
	mask_changes(json_object_get(j, "changes"));
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	/* a detail that does not parse is not shown (it might hold the numbers in full) */
	const char *out = text ? arena_strdup(a, text) : NULL;
	free(text);
	json_decref(j);
	return out;
}

/* An event's detail as stored (compact JSON). A correction's before and after values of a phone or bank
 * account number are masked like the numbers themselves. */
static void
detail_write(struct jw *w, const char *detail, bool full)
{
	jw_key(w, "detail");
	if (!detail || (detail[0] != '{' && detail[0] != '[')) {
		jw_null(w);
		return;
	}
	if (full || !has_numbers(detail)) {
		jw_raw(w, detail);
		return;
	}
	json_t *j = json_loads(detail, 0, NULL);
	mask_changes(j);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	text ? jw_raw(w, text) : jw_null(w);
	free(text);
	json_decref(j);
}

static void
event_write(struct jw *w, const struct household_view *v, size_t i)
{
	const struct event *ev = &v->events[i];
	char d[11], t[20];
	jw_obj(w);
	jw_kint(w, "id", ev->id);
	jw_kstr(w, "type", evtype_code(ev->type));
	jw_kstr(w, "label", evtype_label(ev->type));
	jw_kstr(w, "effective", date_format(ev->effective, d));
	jw_kbool(w, "correction", ev->correction);
	jw_kbool(w, "superseded", v->superseded[i]);
	jw_kstr(w, "recorded_at", stamp_format(ev->recorded_at, t));
	jw_kstr(w, "actor", ev->actor ? ev->actor : "");
	status_write(w, "from", ev->from_status);
	status_write(w, "to", ev->to_status);
	jw_kstr(w, "reason", ev->reason ? event_reason_label(ev) : NULL);
	jw_kstr(w, "batch", ev->batch);
	jw_key(w, "member");
	if (v->event_members && v->event_members[i].id) {
		char id[32];
		const struct member *m = &v->event_members[i];
		if (v->full)
			snprintf(id, sizeof(id), "%s", m->id_no ? m->id_no : "");
		else
			idno_mask(m->id_no, id, sizeof(id));
		jw_obj(w);
		jw_kint(w, "id", m->id);
		jw_kstr(w, "name", m->name ? m->name : "");
		jw_kstr(w, "id_no", id);
		jw_obj_end(w);
	} else
		jw_null(w);
	/* split and merge: the household on the other side of the move */
	jw_kstr(w, "other_household", v->event_targets ? v->event_targets[i] : NULL);
	detail_write(w, ev->detail, v->full);
	jw_obj_end(w);
}

void
view_household_write(struct buf *out, const struct household_view *v)
{
	const struct household *h = v->h;
	char d[11], phone[32], account[40];
	if (v->full) {
		snprintf(phone, sizeof(phone), "%s", h->phone ? h->phone : "");
		snprintf(account, sizeof(account), "%s", h->bank_account ? h->bank_account : "");
	} else {
		phone_mask(h->phone, phone, sizeof(phone));
		account_mask(h->bank_account, account, sizeof(account));
	}
	struct jw ws, *w = &ws;
	jw_init(w, out);
	jw_obj(w);
	jw_kstr(w, "hh_no", h->hh_no);
	jw_kstr(w, "as_of", date_format(v->as_of, d));
	jw_key(w, "village");
	v->village ? division_write(w, v->village) : jw_null(w);
	jw_key(w, "town");
	v->town ? division_write(w, v->town) : jw_null(w);
	status_write(w, "status", v->status_at);
	status_write(w, "status_now", h->status);
	jw_kbool(w, "monitored", h->monitored);
	code_write(w, "attribute", CL_ATTRIBUTE, h->attribute);
	code_write(w, "cause_main", CL_CAUSE, h->cause_main);
	jw_key(w, "cause_other");
	jw_arr(w);
	if (h->cause_other) {
		char tmp[64], *save;
		snprintf(tmp, sizeof(tmp), "%s", h->cause_other);
		for (char *c = strtok_r(tmp, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
			jw_obj(w);
			jw_kstr(w, "code", c);
			jw_kstr(w, "label", code_label(CL_CAUSE, c));
			jw_obj_end(w);
		}
	}
	jw_arr_end(w);
	code_write(w, "id_standard", CL_STANDARD, h->id_standard);
	opt_int_write(w, "identified_ym", h->identified_ym, 0);
	opt_int_write(w, "exit_year", h->exit_year, 0);
	jw_kstr(w, "phone", h->phone ? phone : NULL);
	jw_kstr(w, "bank", h->bank);
	jw_kstr(w, "bank_account", h->bank_account ? account : NULL);
	jw_kbool(w, "full", v->full);
	/* what may happen to the household now (the state machine; the UI offers only these) */
	jw_key(w, "allowed_events");
	jw_arr(w);
	for (int k = 0; k < EV__MAX; k++) {
		enum status to;
		if (k == EV_IDENTIFY || k == EV_INCLUDE_MISSED || !status_allows((enum evtype)k, h->status, &to))
			continue;
		if ((k == EV_MONITOR_IN && h->monitored) || (k == EV_RISK_ELIMINATE && !h->monitored))
			continue;
		jw_obj(w);
		jw_kstr(w, "type", evtype_code((enum evtype)k));
		jw_kstr(w, "label", evtype_label((enum evtype)k));
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "members");
	jw_arr(w);
	for (size_t i = 0; i < v->n_members; i++)
		member_write(w, &v->members[i], v->as_of, v->full);
	jw_arr_end(w);
	jw_key(w, "incomes");
	jw_arr(w);
	for (size_t i = 0; i < v->n_incomes; i++) {
		const struct income *x = &v->incomes[i];
		char yuan[32];
		jw_obj(w);
		jw_kint(w, "year", x->year);
#define MONEY(k, f) jw_kstr(w, k, (f) >= 0 ? format_fen(f, yuan, sizeof(yuan)) : NULL)
		MONEY("wage", x->wage);
		MONEY("business", x->business);
		MONEY("property", x->property);
		MONEY("transfer", x->transfer);
		MONEY("business_cost", x->business_cost);
		MONEY("net_income_pc", x->net_pc);
#undef MONEY
		opt_int_write(w, "size", x->size, 0);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "history");
	jw_arr(w);
	for (size_t i = 0; i < v->n_events; i++)
		event_write(w, v, i);
	jw_arr_end(w);
	jw_obj_end(w);
}

json_t *
view_household_json(const struct household_view *v)
{
	struct buf b;
	buf_init(&b);
	view_household_write(&b, v);
	json_t *j = json_loadb(b.p, b.n, 0, NULL);
	buf_free(&b);
	return j;
}
