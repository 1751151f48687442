/* view.c: JSON, tables and CSV for stats, changes, checks and import results. */
#include "view/view.h"

#include <stdio.h>
#include <string.h>

#include "domain/assist.h"
#include "domain/codes.h"
#include "domain/export.h"
#include "domain/idno.h"
#include "domain/income.h"
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

const char *
view_level_key(int level)
{
	static const char *const k[] = { "all", "province", "city", "county", "town", "village" };
	return level >= 0 && level <= 5 ? k[level] : "";
}

static void
counts_write(struct jw *w, const struct counts *c)
{
	for (int g = 0; g < G__MAX; g++) {
		jw_key(w, group_key((enum group)g));
		jw_obj(w);
		jw_kint(w, "households", c->h[g]);
		jw_kint(w, "persons", c->p[g]);
		jw_obj_end(w);
	}
}

static void
village_counts_write(struct jw *w, const struct village_counts *v)
{
	jw_key(w, "villages");
	jw_obj(w);
	jw_kint(w, "total", v->total);
	jw_kint(w, "poor", v->poor);
	jw_kint(w, "exited", v->exited);
	jw_obj_end(w);
}

/* Written straight as text rather than built as a jansson tree: a province by village is 24,960 rows, about
 * 300,000 jansson objects. */
void
view_stats_write(struct buf *out, const struct stats_result *r, int indent)
{
	char d[11], t[20];
	static const char *const by_names[] = { "children", "town", "village", "cause", "attribute" };
	struct jw w;
	jw_init_indent(&w, out, indent);
	jw_obj(&w);
	jw_kstr(&w, "as_of", date_format(r->as_of, d));
	r->recorded_at ? jw_kstr(&w, "recorded_at", stamp_format(r->recorded_at, t)) : jw_knull(&w, "recorded_at");
	jw_key(&w, "division");
	view_division_write(&w, &r->div);
	jw_kstr(&w, "by", by_names[r->by]);
	r->registry_from ? jw_kstr(&w, "registry_from", date_format(r->registry_from, d)) : jw_knull(&w, "registry_from");
	jw_key(&w, "totals");
	jw_obj(&w);
	counts_write(&w, &r->totals);
	jw_obj_end(&w);
	village_counts_write(&w, &r->villages);
	jw_key(&w, "rows");
	jw_arr(&w);
	for (size_t i = 0; i < r->n_rows; i++) {
		const struct stats_row *row = &r->rows[i];
		char code[16];
		view_code(row->d.code, code, sizeof(code));
		jw_obj(&w);
		counts_write(&w, &row->c);
		jw_kstr(&w, "code", row->key ? row->key : code);
		jw_kstr(&w, "name", row->d.name ? row->d.name : "");
		if (!row->key) {
			jw_kstr(&w, "level", view_level_key(row->d.level));
			village_counts_write(&w, &row->v);
		}
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
}

/* The CLI's tree (pretty-printed there) is read back from the written text: one definition of the shape. */
json_t *
view_stats_json(const struct stats_result *r)
{
	struct buf b;
	buf_init(&b);
	view_stats_write(&b, r, 0);
	json_t *j = json_loadb(b.p, b.n, 0, NULL);
	buf_free(&b);
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
	if (r->registry_from && r->as_of < r->registry_from)
		buf_printf(out, EN ? "  (before the registry began on %s)" : "  （此时尚未建档立卡，最早建档日期 %s）",
		    date_format(r->registry_from, d));
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
	int64_t th, tp;
	view_changes_total(r, &th, &tp);
	json_object_set_new(j, "total", json_pack("{s:I, s:I}", "households", (json_int_t)th, "persons", (json_int_t)tp));
	return j;
}

/* The scope of a change report (its JSON without the rows). */
static json_t *
changes_scope_json(const struct changes_result *r)
{
	json_t *j = view_changes_json(r);
	json_object_del(j, "rows");
	json_object_del(j, "total");
	return j;
}

json_t *
view_changes_households_json(const struct changes_hh_result *r)
{
	char d[11], code[16];
	json_t *j = changes_scope_json(&r->report);
	json_object_set_new(j, "type", json_string(evtype_code(r->type)));
	json_object_set_new(j, "label", json_string(evtype_label(r->type)));
	json_object_set_new(j, "total", json_pack("{s:I, s:I}", "households", (json_int_t)r->households, "persons",
	    (json_int_t)r->persons));
	json_object_set_new(j, "page", json_integer(r->page));
	json_object_set_new(j, "per_page", json_integer(r->per_page));
	json_t *rows = json_array();
	for (size_t i = 0; i < r->n_rows; i++) {
		view_code(r->rows[i].village, code, sizeof(code));
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s?, s:I, s:s}", "hh_no", r->rows[i].hh_no, "village",
		    code, "head", r->rows[i].head_name, "persons", (json_int_t)r->rows[i].persons, "effective",
		    date_format(r->rows[i].effective, d)));
	}
	json_object_set_new(j, "rows", rows);
	return j;
}

json_t *
view_batches_json(const struct batches_result *r)
{
	char a[11], b[11];
	json_t *rows = json_array();
	for (size_t i = 0; i < r->n_rows; i++)
		json_array_append_new(rows, json_pack("{s:s, s:I, s:I, s:s, s:s}", "batch", r->rows[i].batch, "events",
		    (json_int_t)r->rows[i].events, "households", (json_int_t)r->rows[i].households, "first",
		    date_format(r->rows[i].first, a), "last", date_format(r->rows[i].last, b)));
	return json_pack("{s:o, s:o}", "division", view_division_json(&r->div), "rows", rows);
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
	int64_t th, tp;
	view_changes_total(r, &th, &tp);
	char h[24], p[24];
	snprintf(h, sizeof(h), "%lld", (long long)th);
	snprintf(p, sizeof(p), "%lld", (long long)tp);
	/* a household with two kinds of change is on two lines: the sum counts changes, not households */
	const char *total[3] = { EN ? "total (changes)" : "合计（户次、人次）", h, p };
	table_row(&tb, total);
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
	if (strcmp(what, "income") == 0)
		json_object_set_new(j, "unchanged", json_integer(r->unchanged));
	if (assist_import_known(what))
		json_object_set_new(j, "records", json_integer(r->records));
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
		size_t n = r->problems.n_errors;
		if (EN)
			buf_printf(out, "%zu problem%s in the file (%s, %s); nothing was written:\n", n, n != 1 ? "s" : "",
			    kind_name(r->kind), sheet_encoding_name(r->encoding));
		else
			buf_printf(out, "文件（%s，%s）中有 %zu 个问题，未写入任何数据：\n", kind_name(r->kind),
			    sheet_encoding_name(r->encoding), n);
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
	else if (strcmp(what, "income") == 0)
		buf_printf(out, EN ? "%s%d rows (%s, %s): income recorded for %d households, %d rows unchanged\n"
				   : "%s%d 行（%s，%s）：记录收入 %d 户，%d 行与已有数据相同\n",
		    r->written ? "" : (EN ? "[dry run] " : "［仅校验］"), r->rows, kind_name(r->kind),
		    sheet_encoding_name(r->encoding), r->households, r->unchanged);
	else if (assist_import_known(what))
		buf_printf(out, EN ? "%s%d rows (%s, %s): %d records written\n" : "%s%d 行（%s，%s）：登记 %d 条\n",
		    r->written ? "" : (EN ? "[dry run] " : "［仅校验］"), r->rows, kind_name(r->kind),
		    sheet_encoding_name(r->encoding), r->records);
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

void
view_household_summary_write(struct jw *w, const struct hh_summary *s, bool full)
{
	char code[16], phone[32];
	view_code(s->h.village, code, sizeof(code));
	if (full)
		snprintf(phone, sizeof(phone), "%s", s->h.phone ? s->h.phone : "");
	else
		phone_mask(s->h.phone, phone, sizeof(phone));
	jw_kstr(w, "hh_no", s->h.hh_no);
	jw_kstr(w, "village", code);
	jw_kstr(w, "head", s->head_name);
	jw_kint(w, "size", s->size);
	/* status: on the list's date (the current one when the list has none); status_now: as the registry
	 * stands */
	status_write(w, "status", s->status_at);
	status_write(w, "status_now", s->h.status);
	jw_kbool(w, "monitored", s->h.monitored);
	code_write(w, "attribute", CL_ATTRIBUTE, s->h.attribute);
	code_write(w, "cause_main", CL_CAUSE, s->h.cause_main);
	jw_kstr(w, "phone", s->h.phone ? phone : NULL);
}

static void
division_write(struct jw *w, const struct division *d)
{
	char code[16];
	view_code(d->code, code, sizeof(code));
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "name", d->name ? d->name : "");
	jw_kstr(w, "level", view_level_key(d->level));
	if (d->level == LV_VILLAGE) {
		jw_kbool(w, "poor_village", d->poor_village);
		jw_key(w, "exit_year");
		d->exit_year ? jw_int(w, d->exit_year) : jw_null(w);
		jw_key(w, "rural_pop");
		d->rural_pop >= 0 ? jw_int(w, d->rural_pop) : jw_null(w);
	}
	jw_obj_end(w);
}

void
view_division_write(struct jw *w, const struct division *d)
{
	division_write(w, d);
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
	/* masked: the birth month only, and the age from it (an age as of any date would tell the day): the age
	 * reached by the first of the day's month, counting a birthday at its month's end, so it is never an age
	 * not yet reached (the exact age from the month after the birth month on; in the birth month the year before) */
	if (m->birth && !full) {
		date_format(m->birth, birth);
		birth[7] = '\0';
	}
	jw_kstr(w, "birth", m->birth ? (full ? date_format(m->birth, birth) : birth) : NULL);
	jw_key(w, "age");
	m->birth && as_of ? jw_int(w, full ? date_age(m->birth, as_of) : date_age_by_month(m->birth, as_of))
			  : jw_null(w);
	code_write(w, "ethnicity", CL_ETHNICITY, m->ethnicity);
	code_write(w, "education", CL_EDUCATION, m->education);
	code_write(w, "schooling", CL_SCHOOLING, m->schooling);
	/* health is personal data: masked by default as the numbers are (null, and health_withheld that one is
	 * recorded), shown in a full view; 公示 lists never carry it */
	code_write(w, "health", CL_HEALTH, full ? m->health : NULL);
	jw_kbool(w, "health_withheld", HEALTH_MASKS(m->health, full));
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
	return strstr(detail, "\"phone\"") || strstr(detail, "\"member_phone\"") || strstr(detail, "\"bank_account\"") ||
	    strstr(detail, "\"id_no\"") || strstr(detail, "\"birth\"") || strstr(detail, "\"value\"") ||
	    strstr(detail, "\"health\"");
}

/* A value an audit row quotes as it was given (a write refused for a number held outside the user's divisions,
 * {"column","message","value"}): masked if it is an ID number (15 or 18 characters, digits and a final X) or a
 * mobile number (11 digits from 1), or a bank account where the column says so. A 户编号 is not personal. */
const char *
view_masked_value(const char *s, const char *col, char *m, size_t size)
{
	if (!s)
		return s;
	size_t n = strlen(s), digits = strspn(s, "0123456789");
	const char *out = NULL;
	/* a number as typed may hold spaces or hyphens (138-1234-5678): judged, and masked, without them */
	char packed[48];
	size_t k = 0;
	for (size_t i = 0; s[i] && k + 1 < sizeof(packed); i++)
		if (s[i] != ' ' && s[i] != '-')
			packed[k++] = s[i];
	packed[k] = '\0';
	size_t pd = strspn(packed, "0123456789");
	if (k != n && k >= 15 && k <= 22 && (pd == k || (k == 18 && pd == 17 && (packed[17] == 'X' || packed[17] == 'x'))))
		return idno_mask(packed, m, size);
	if (k != n && k == 11 && pd == 11 && packed[0] == '1')
		return phone_mask(packed, m, size);
	/* an ID number, or a disability card's 20 or 22 digits */
	if ((n == 15 && digits == 15) || (n == 18 && (digits == 18 || (digits == 17 && (s[17] == 'X' || s[17] == 'x')))) ||
	    ((n == 20 || n == 22) && digits == n))
		out = idno_mask(s, m, size);
	else if (n == 11 && digits == 11 && s[0] == '1')
		out = phone_mask(s, m, size);
	else if (col && (strstr(col, "bank") || strstr(col, "银行") || strstr(col, "账号")) && digits == n && n >= 8)
		out = account_mask(s, m, size);
	return out ? out : s;
}

static void
mask_value(json_t *j)
{
	const char *s = json_string_value(json_object_get(j, "value"));
	char m[48];
	const char *out = view_masked_value(s, json_string_value(json_object_get(j, "column")), m, sizeof(m));
	if (out && out != s)
		json_object_set_new(j, "value", json_string(out));
}

/* A correction's changes ({"phone":[before,after],…}): the phone, bank account and ID numbers masked in place,
 * a health state replaced by the mask (an empty one stays null: that it was entered is not the state). */
static void
mask_changes(json_t *changes)
{
	static const char *const keys[] = { "phone", "member_phone", "bank_account", "id_no" };
	for (size_t k = 0; k < NELEM(keys); k++) {
		json_t *pair = json_object_get(changes, keys[k]);
		for (size_t i = 0; i < json_array_size(pair); i++) {
			const char *s = json_string_value(json_array_get(pair, i));
			char m[40];
			if (s)
				json_array_set_new(pair, i, json_string(k < 2 ? phone_mask(s, m, sizeof(m)) : k == 2 ?
				    account_mask(s, m, sizeof(m)) : idno_mask(s, m, sizeof(m))));
		}
	}
	json_t *pair = json_object_get(changes, "health");
	for (size_t i = 0; i < json_array_size(pair); i++)
		if (json_is_string(json_array_get(pair, i)))
			json_array_set_new(pair, i, json_string(HEALTH_MASKED));
	/* a corrected birth date: its month, as everywhere a number is masked (docs/SECURITY.md) */
	pair = json_object_get(changes, "birth");
	for (size_t i = 0; i < json_array_size(pair); i++) {
		const char *s = json_string_value(json_array_get(pair, i));
		if (s && strlen(s) > 7) {
			char m[8];
			snprintf(m, sizeof(m), "%.7s", s);
			json_array_set_new(pair, i, json_string(m));
		}
	}
}

/* For readers who may not read households (the audit administrator, 三员分立): what a row says about a person
 * is left out, what was done is kept: a correction's fields without their values, no programme, social
 * security, reason or note. */
static void
redact_household_data(json_t *j)
{
	json_t *changes = json_object_get(j, "changes");
	const char *k;
	json_t *pair;
	json_object_foreach(changes, k, pair)
		for (size_t i = 0; i < json_array_size(pair); i++)
			json_array_set_new(pair, i, json_string("·"));
	static const char *const keys[] = { "programme", "security", "reason", "note", "override" };
	for (size_t i = 0; i < NELEM(keys); i++)
		if (json_is_string(json_object_get(j, keys[i])))
			json_object_set_new(j, keys[i], json_string("·"));
}

/* An account's own actions (logins, passwords, roles, tokens) and an office's campaigns: their reasons and notes
 * are about the account or the office's work, not about a person of the registry, and are what the audit
 * administrator reads them for (a failed login's unknown_user, bad_password or disabled; a campaign's 验收意见). */
static bool
account_action(const char *action)
{
	static const char *const prefixes[] = { "login", "logout", "user.", "token.", "campaign." };
	for (size_t i = 0; action && i < NELEM(prefixes); i++)
		if (strncmp(action, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

const char *
view_audit_detail(const char *detail, const char *action, bool redact, struct arena *a)
{
	if (redact && account_action(action))
		redact = false;
	if (!detail || (!redact && !has_numbers(detail)))
		return detail;
	json_t *j = json_loads(detail, 0, NULL);
	mask_changes(json_object_get(j, "changes"));
	mask_value(j);
	if (redact && json_is_object(j))
		redact_household_data(j);
	/* the corrections recorded with an event (a change of head's other members) are read the same way */
	json_t *f = json_object_get(j, "follows");
	for (size_t i = 0; i < json_array_size(f); i++) {
		mask_changes(json_object_get(json_array_get(f, i), "changes"));
		if (redact)
			redact_household_data(json_array_get(f, i));
	}
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
	jw_kstr(w, "actor_label", v->event_actor_labels && v->event_actor_labels[i] ? v->event_actor_labels[i]
	    : ev->actor ? ev->actor : "");
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

/* The items of one year's income, in yuan (null where unknown), with 年收入 and 纯收入 when an item is known. */
static void
income_items_write(struct jw *w, const struct income *x)
{
	char yuan[32];
#define MONEY(k, f) jw_kstr(w, k, (f) >= 0 ? format_fen(f, yuan, sizeof(yuan)) : NULL)
	MONEY("wage", x->wage);
	MONEY("business", x->business);
	MONEY("property", x->property);
	MONEY("transfer", x->transfer);
	MONEY("business_cost", x->business_cost);
	bool any = x->wage >= 0 || x->business >= 0 || x->property >= 0 || x->transfer >= 0 || x->business_cost >= 0;
	MONEY("total", any ? income_total(x, NULL) : -1);
	MONEY("net", any ? income_net(x, NULL) : -1);
	MONEY("net_income_pc", x->net_pc);
#undef MONEY
	opt_int_write(w, "size", x->size, 0);
}

/* Every year as now known, each with the versions recorded (oldest first; the last is the one in force). */
static void
incomes_write(struct jw *w, const struct household_view *v)
{
	jw_arr(w);
	for (size_t i = 0; i < v->n_incomes; i++) {
		const struct income *x = &v->incomes[i];
		jw_obj(w);
		jw_kint(w, "year", x->year);
		income_items_write(w, x);
		jw_key(w, "history");
		jw_arr(w);
		for (size_t k = 0; k < v->n_income_revisions; k++) {
			const struct income_revision *r = &v->income_revisions[k];
			if (r->in.year != x->year)
				continue;
			char t[20];
			jw_obj(w);
			jw_kstr(w, "recorded_at", r->recorded_at ? stamp_format(r->recorded_at, t) : NULL);
			jw_kstr(w, "actor", r->actor && *r->actor ? r->actor : NULL);
			jw_kstr(w, "actor_label", r->actor_label ? r->actor_label : r->actor);
			jw_kstr(w, "reason", r->reason);
			jw_kstr(w, "source", r->source);
			income_items_write(w, &r->in);
			jw_obj_end(w);
		}
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

json_t *
view_income_json(const struct household_view *v)
{
	struct buf b;
	struct jw w;
	buf_init(&b);
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "hh_no", v->h->hh_no);
	jw_key(&w, "incomes");
	incomes_write(&w, v);
	jw_obj_end(&w);
	json_t *j = json_loadb(b.p, b.n, 0, NULL);
	buf_free(&b);
	return j;
}

void
view_income_table(const struct household_view *v, struct buf *out)
{
	struct text_table tb;
	table_init(&tb, 11);
	const char *head[11] = { EN ? "year" : "年度", EN ? "wage" : "工资性", EN ? "business" : "生产经营性",
		EN ? "property" : "财产性", EN ? "transfer" : "转移性", EN ? "cost" : "经营支出", EN ? "net" : "纯收入",
		EN ? "persons" : "人数", EN ? "per capita" : "人均纯收入", EN ? "recorded" : "记录时间", EN ? "by" : "记录人" };
	table_row(&tb, head);
	for (int k = 1; k <= 8; k++)
		table_right(&tb, (size_t)k);
	for (size_t i = 0; i < v->n_income_revisions + v->n_incomes; i++) {
		/* versions when there are any, else the year as stored */
		const struct income *x;
		const struct income_revision *r = NULL;
		if (i < v->n_income_revisions)
			x = &(r = &v->income_revisions[i])->in;
		else {
			x = &v->incomes[i - v->n_income_revisions];
			bool versioned = false;
			for (size_t k = 0; k < v->n_income_revisions; k++)
				versioned |= v->income_revisions[k].in.year == x->year;
			if (versioned)
				continue;
		}
		char c[9][32], t[20];
		snprintf(c[0], sizeof(c[0]), "%d", x->year);
		const int64_t m[7] = { x->wage, x->business, x->property, x->transfer, x->business_cost,
			x->wage >= 0 || x->business >= 0 || x->property >= 0 || x->transfer >= 0 ? income_net(x, NULL) : -1,
			-2 };
		for (int k = 0; k < 6; k++)
			if (m[k] >= 0)
				format_fen(m[k], c[k + 1], sizeof(c[k + 1]));
			else
				snprintf(c[k + 1], sizeof(c[k + 1]), "—");
		snprintf(c[7], sizeof(c[7]), "%d", x->size);
		if (x->net_pc >= 0)
			format_fen(x->net_pc, c[8], sizeof(c[8]));
		else
			snprintf(c[8], sizeof(c[8]), "—");
		const char *row[11] = { c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8],
			r && r->recorded_at ? stamp_format(r->recorded_at, t) : "", r ? (r->actor_label ? r->actor_label : r->actor) : "" };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
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
		if (k == EV_IDENTIFY || k == EV_INCLUDE_MISSED || k == EV_ENROL || !status_allows((enum evtype)k, h->status, &to))
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
	incomes_write(w, v);
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

/* The title of a report sheet: what, the division with its code, and the date or the period or batch. */
static const char *
sheet_place(const struct division *d, struct arena *a)
{
	char code[16];
	view_code(d->code, code, sizeof(code));
	return arena_printf(a, "%s%s%s%s", d->name ? d->name : "", code[0] ? (EN ? " (" : "（") : "", code,
	    code[0] ? (EN ? ")" : "）") : "");
}

enum err
view_stats_sheet(const struct stats_result *r, const char *path, enum sheet_kind kind, struct errinfo *e)
{
	struct sheet_writer *w = sheet_writer_open_table(path, kind, false, EN ? "counts" : "户数人数", e);
	if (!w)
		return e ? e->err : ERR_IO;
	struct arena a;
	arena_init(&a);
	size_t n = 2 + 2 * G__MAX;
	struct sheet_col cols[2 + 2 * G__MAX];
	for (size_t i = 0; i < n; i++)
		cols[i] = (struct sheet_col){ i < 2 ? SHEET_COL_TEXT : SHEET_COL_NUMBER, 0, NULL };
	sheet_writer_columns(w, cols, n);
	char d[11];
	const char *by = r->by == BY_CAUSE ? (EN ? "cause" : "致贫原因") : r->by == BY_ATTRIBUTE ?
	    (EN ? "attribute" : "贫困户属性") : (EN ? "division" : "区划");
	enum err rc = sheet_writer_title(w, arena_printf(&a, EN ? "Households and persons by status  %s  as of %s" :
	    "建档立卡户数人数统计表　%s　截至 %s", sheet_place(&r->div, &a), date_format(r->as_of, d)), n, e);
	/* two header rows: each status group over its 户 and 人 columns; 代码 and 名称 reach down over both */
	struct sheet_span spans[2 + G__MAX];
	spans[0] = (struct sheet_span){ 0, 0, EN ? "code" : "代码", 2 };
	spans[1] = (struct sheet_span){ 1, 1, by, 2 };
	for (int g = 0; g < G__MAX; g++)
		spans[2 + g] = (struct sheet_span){ 2 + 2 * (size_t)g, 3 + 2 * (size_t)g, group_label((enum group)g), 1 };
	if (rc == ERR_OK)
		rc = sheet_writer_spans(w, spans, 2 + G__MAX, e);
	const char *head[2 + 2 * G__MAX] = { 0 };   /* under 代码 and 名称: the spans reaching down */
	for (int g = 0; g < G__MAX; g++) {
		head[2 + 2 * g] = EN ? "households" : "户数";
		head[3 + 2 * g] = EN ? "persons" : "人数";
	}
	if (rc == ERR_OK)
		rc = sheet_writer_header(w, head, n, e);
	for (size_t k = 0; rc == ERR_OK && k <= r->n_rows; k++) {
		bool total = k == r->n_rows;
		const struct division *dv = total ? &r->div : &r->rows[k].d;
		const struct counts *c = total ? &r->totals : &r->rows[k].c;
		const char *cells[2 + 2 * G__MAX];
		char code[16];
		view_code(dv->code, code, sizeof(code));
		cells[0] = total ? "" : r->by == BY_CAUSE || r->by == BY_ATTRIBUTE ? r->rows[k].key : arena_printf(&a, "%s", code);
		cells[1] = total ? (EN ? "total" : "合计") : dv->name ? dv->name : "";
		for (int g = 0; g < G__MAX; g++) {
			cells[2 + 2 * g] = arena_printf(&a, "%lld", (long long)c->h[g]);
			cells[3 + 2 * g] = arena_printf(&a, "%lld", (long long)c->p[g]);
		}
		rc = sheet_writer_row_styled(w, cells, n, total ? SHEET_ROW_BOLD : SHEET_ROW_PLAIN, e);
	}
	arena_free(&a);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	return sheet_writer_close(w, e);
}

const char *
view_changes_period(const struct changes_result *r, struct arena *a)
{
	char x[11], y[11];
	if (r->mode == CHANGES_BATCH)
		return arena_printf(a, EN ? "batch \"%s\"" : "批次“%s”", r->batch);
	return arena_printf(a, r->mode == CHANGES_RECORDED ? (EN ? "recorded %s to %s" : "记录于 %s 至 %s") :
	    (EN ? "effective %s to %s" : "生效于 %s 至 %s"), date_format(r->from, x), date_format(r->to, y));
}

void
view_changes_total(const struct changes_result *r, int64_t *households, int64_t *persons)
{
	*households = *persons = 0;
	for (size_t i = 0; i < r->n_rows; i++) {
		*households += r->rows[i].households;
		*persons += r->rows[i].persons;
	}
}

enum err
view_changes_sheet(const struct changes_result *r, const char *path, enum sheet_kind kind, struct errinfo *e)
{
	struct sheet_writer *w = sheet_writer_open_table(path, kind, false, EN ? "changes" : "变动情况", e);
	if (!w)
		return e ? e->err : ERR_IO;
	struct arena a;
	arena_init(&a);
	static const struct sheet_col cols[3] = { { SHEET_COL_TEXT, 0, NULL }, { SHEET_COL_NUMBER, 10, NULL }, { SHEET_COL_NUMBER, 10, NULL } };
	sheet_writer_columns(w, cols, 3);
	char t[20];
	enum err rc = sheet_writer_title(w, arena_printf(&a, EN ? "Changes  %s  %s%s" : "建档立卡变动情况表　%s　%s%s",
	    sheet_place(&r->div, &a), view_changes_period(r, &a), r->recorded_at ? arena_printf(&a, EN ?
	    "  as recorded at %s" : "（按 %s 时的记录）", stamp_format(r->recorded_at, t)) : ""), 3, e);
	const char *head[3] = { EN ? "change" : "变动类型", EN ? "households" : "户数", EN ? "persons" : "人数" };
	if (rc == ERR_OK)
		rc = sheet_writer_header(w, head, 3, e);
	for (size_t i = 0; rc == ERR_OK && i <= r->n_rows; i++) {
		int64_t h, p;
		if (i == r->n_rows)
			view_changes_total(r, &h, &p);
		else
			h = r->rows[i].households, p = r->rows[i].persons;
		const char *cells[3] = { i == r->n_rows ? (EN ? "total (changes)" : "合计（户次、人次）") : evtype_label(r->rows[i].type),
			arena_printf(&a, "%lld", (long long)h), arena_printf(&a, "%lld", (long long)p) };
		rc = sheet_writer_row_styled(w, cells, 3, i == r->n_rows ? SHEET_ROW_BOLD : SHEET_ROW_PLAIN, e);
	}
	arena_free(&a);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	return sheet_writer_close(w, e);
}

json_t *
view_audit_check_json(const struct audit_check *c)
{
	return json_pack("{s:b, s:o, s:o, s:s, s:I, s:o, s:i, s:{s:I, s:s}}", "intact", c->failed == AUDIT_OK, "check",
	    c->check ? json_string(c->check) : json_null(), "first_broken", c->bad_id ? json_integer(c->bad_id) : json_null(),
	    "why", c->why, "rows", (json_int_t)c->rows, "keyed_from", c->keyed_from ? json_integer(c->keyed_from) : json_null(),
	    "anchors", c->anchors, "head", "row", (json_int_t)c->head_id, "mac", c->head_mac);
}

json_t *
view_import_kinds_json(bool county_wide)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n_sheet_specs; i++) {
		const struct sheet_spec *sp = &sheet_specs[i];
		if (sp->county_only && !county_wide)
			continue;
		json_t *cols = json_array();
		for (size_t k = 0; k < sp->n_cols; k++) {
			bool req = false;
			for (size_t q = 0; q < sp->n_required; q++)
				req |= sp->required[q] == sp->cols[k];
			json_array_append_new(cols, json_pack("{s:s, s:s, s:b}", "key", fields[sp->cols[k]].key, "label",
			    fields[sp->cols[k]].label, "required", req));
		}
		json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:s?}", "kind", sp->kind, "label", EN ? sp->label_en :
		    sp->label, "columns", cols, "note", EN ? sp->note_en : sp->note));
	}
	return json_pack("{s:o}", "kinds", a);
}

enum err
view_sheet_template(const struct sheet_spec *sp, const char *path, enum sheet_kind kind, struct errinfo *e)
{
	struct sheet_writer *w = sheet_writer_open_table(path, kind, false, sp->label, e);
	if (!w)
		return e ? e->err : ERR_IO;
	const char *head[C__MAX];
	for (size_t k = 0; k < sp->n_cols; k++)
		head[k] = fields[sp->cols[k]].label;
	enum err rc = sheet_writer_header(w, head, sp->n_cols, e);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	return sheet_writer_close(w, e);
}
