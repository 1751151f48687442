/* view_table.c: any standard table (domain/tables.h) as a screen table, JSON, CSV or a finished sheet (XLSX:
 * title, 填报单位 / date / unit line, merged group headers, number formats, a bold 合计 row, frozen header).
 * Rendered from the definition alone: no table is known here by name. */
#include "view/view_table.h"

#include <math.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

static const char *
by_key(enum by b)
{
	return b == BY_TOWN ? "town" : b == BY_VILLAGE ? "village" : "children";
}

/* The value of column c in row as text with the column's decimals; "" when it cannot be computed. */
static const char *
cell_text(const struct tcol *c, const struct table_row *row, size_t i, char *out, size_t size)
{
	if (row->null[i]) {
		out[0] = 0;
		return out;
	}
	double v = row->v[i];
	if (c->kind == TK_SUM)
		v /= 100.0;   /* fen → 元 */
	snprintf(out, size, "%.*f", c->decimals, round_half_up(v, c->decimals));   /* 四舍五入 */
	if (strcmp(out, "-0") == 0 || strcmp(out, "-0.00") == 0)
		snprintf(out, size, "%.*f", c->decimals, 0.0);
	return out;
}

static const char *
universe_key(enum group g)
{
	return (int)g >= G__MAX ? "all" : group_key(g);
}

static const char *
universe_label(enum group g)
{
	return (int)g >= G__MAX ? (EN ? "all statuses" : "全部状态") : group_label(g);
}

const char *
view_table_subtitle(const struct table_result *r, struct arena *a)
{
	char d[11], t[20];
	const struct table_def *def = r->def;
	const char *place = r->div.name ? r->div.name : "";
	const char *s;
	if (def->changes) {
		char f[11];
		s = arena_printf(a, EN ? "Reporting unit: %s    Period %s to %s    Counted: %s" :
		    "填报单位：%s　　统计期间：%s 至 %s　　统计范围：%s", place, date_format(r->from, f), date_format(r->to, d),
		    universe_label(r->universe));
	} else
		s = arena_printf(a, EN ? "Reporting unit: %s    As of %s    Counted: %s" :
		    "填报单位：%s　　统计时点：%s　　统计范围：%s", place, date_format(r->as_of, d), universe_label(r->universe));
	if (r->income_year)
		s = arena_printf(a, EN ? "%s    Income of %d" : "%s　　收入年度：%d年", s, r->income_year);
	if (r->recorded_at)
		s = arena_printf(a, EN ? "%s    As recorded at %s" : "%s　　按 %s 时的登记情况", s, stamp_format(r->recorded_at, t));
	return arena_printf(a, EN ? "%s    %s" : "%s　　%s", s, EN ? def->unit_en : def->unit_zh);
}

/* The line that says whether the change table's balance identity holds. */
static const char *
balance_text(const struct table_result *r)
{
	if (r->balanced)
		return EN ? "Balance: start + increases − decreases = end on every row." :
			    "平衡核对：各行均有 期初 + 增加 − 减少 = 期末。";
	return EN ? "Balance NOT kept: see the check columns (not 0); run tuopin check --rule BALANCE." :
		    "平衡核对未通过：见平衡核对列中不为 0 的行，请运行 tuopin check --rule BALANCE 查明。";
}

static json_t *
row_json(const struct table_result *r, const struct table_row *row, bool total)
{
	const struct table_def *def = r->def;
	json_t *j = json_object();
	char code[16], v[48];
	view_code(row->code, code, sizeof(code));
	json_object_set_new(j, "code", row->code ? json_string(code) : json_null());
	if (row->key)
		json_object_set_new(j, "key", json_string(row->key));
	json_object_set_new(j, "name", json_string(row->name ? row->name : ""));
	if (!total && row->code)
		json_object_set_new(j, "level", json_string(view_level_key(row->level)));
	json_t *vals = json_object();
	for (size_t i = 0; i < def->n_cols; i++) {
		const struct tcol *c = &def->cols[i];
		if (c->hidden)
			continue;
		if (row->null[i])
			json_object_set_new(vals, c->key, json_null());
		else if (c->decimals == 0 && c->kind != TK_SUM)
			json_object_set_new(vals, c->key, json_integer((json_int_t)llround(row->v[i])));
		else {
			cell_text(c, row, i, v, sizeof(v));
			json_object_set_new(vals, c->key, json_real(strtod(v, NULL)));
		}
	}
	json_object_set_new(j, "values", vals);
	return j;
}

json_t *
view_table_json(const struct table_result *r)
{
	const struct table_def *def = r->def;
	char d[11], t[20];
	struct arena a;
	arena_init(&a);
	json_t *j = json_object();
	json_object_set_new(j, "table", json_string(def->code));
	json_object_set_new(j, "title", json_string(table_title(def)));
	json_object_set_new(j, "group", json_string(table_group(def)));
	json_object_set_new(j, "unit", json_string(EN ? def->unit_en : def->unit_zh));
	json_object_set_new(j, "subtitle", json_string(view_table_subtitle(r, &a)));
	json_object_set_new(j, "as_of", json_string(date_format(r->as_of, d)));
	json_object_set_new(j, "recorded_at", r->recorded_at ? json_string(stamp_format(r->recorded_at, t)) : json_null());
	json_object_set_new(j, "income_year", r->income_year ? json_integer(r->income_year) : json_null());
	json_object_set_new(j, "universe", json_string(universe_key(r->universe)));
	json_object_set_new(j, "rows_are", json_string(def->bands ? "bands" : by_key(r->by)));
	json_object_set_new(j, "division", view_division_json(&r->div));
	json_t *cols = json_array();
	for (size_t i = 0; i < def->n_cols; i++) {
		const struct tcol *c = &def->cols[i];
		if (c->hidden)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "key", json_string(c->key));
		json_object_set_new(o, "label", json_string(tcol_label(c)));
		json_object_set_new(o, "group", tcol_group(c) ? json_string(tcol_group(c)) : json_null());
		json_object_set_new(o, "unit", json_string(tunit_label(c->unit)));
		json_object_set_new(o, "decimals", json_integer(c->decimals));
		json_array_append_new(cols, o);
	}
	json_object_set_new(j, "columns", cols);
	json_t *rows = json_array();
	for (size_t i = 0; i < r->n_rows; i++)
		json_array_append_new(rows, row_json(r, &r->rows[i], false));
	json_object_set_new(j, "rows", rows);
	json_object_set_new(j, "total", row_json(r, &r->total, true));
	const char *note = EN ? def->note_en : def->note_zh;
	json_object_set_new(j, "note", note ? json_string(note) : json_null());
	if (def->changes) {
		json_object_set_new(j, "from", json_string(date_format(r->from, d)));
		json_object_set_new(j, "to", json_string(date_format(r->to, d)));
		json_t *b = json_object();
		json_object_set_new(b, "holds", json_boolean(r->balanced));
		json_object_set_new(b, "text", json_string(balance_text(r)));
		json_object_set_new(j, "balance", b);
	}
	arena_free(&a);
	return j;
}

json_t *
view_table_list_json(void)
{
	size_t n;
	const struct table_def *d = table_defs(&n);
	json_t *rows = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "code", json_string(d[i].code));
		json_object_set_new(o, "group", json_string(table_group(&d[i])));
		json_object_set_new(o, "title", json_string(table_title(&d[i])));
		json_object_set_new(o, "universe", json_string(universe_key((enum group)d[i].universe)));
		json_object_set_new(o, "rows_are", json_string(d[i].bands ? "bands" : "divisions"));
		json_object_set_new(o, "income", json_boolean(d[i].income));
		json_object_set_new(o, "period", json_boolean(d[i].changes));
		json_array_append_new(rows, o);
	}
	json_t *j = json_object();
	json_object_set_new(j, "tables", rows);
	return j;
}

void
view_table_list_text(struct buf *out)
{
	size_t n;
	const struct table_def *d = table_defs(&n);
	struct text_table tb;
	table_init(&tb, 3);
	const char *head[3] = { EN ? "table" : "表号", EN ? "group" : "类别", EN ? "title" : "表名" };
	table_row(&tb, head);
	for (size_t i = 0; i < n; i++) {
		const char *row[3] = { d[i].code, table_group(&d[i]), table_title(&d[i]) };
		table_row(&tb, row);
	}
	/* the person list is not a table of figures (its rows are persons, streamed to a file), but it is a
	 * report the office asks for: listed so that `report list` shows every report there is */
	const char *roster[3] = { "roster", EN ? "persons" : "名单",
		EN ? "Person list, the national system's columns (--out FILE, Excel or CSV)" :
		     "建档立卡人员名单（国家系统栏目，--out 文件，Excel 或 CSV）" };
	table_row(&tb, roster);
	table_render(&tb, out);
	table_free(&tb);
}

/* The visible columns' indexes. */
static size_t
visible(const struct table_def *def, size_t *idx)
{
	size_t n = 0;
	for (size_t i = 0; i < def->n_cols; i++)
		if (!def->cols[i].hidden)
			idx[n++] = i;
	return n;
}

void
view_table_text(const struct table_result *r, struct buf *out)
{
	const struct table_def *def = r->def;
	struct arena a;
	arena_init(&a);
	buf_printf(out, "%s %s\n%s\n", def->code, table_title(def), view_table_subtitle(r, &a));
	size_t *idx = arena_alloc(&a, (def->n_cols + 1) * sizeof(*idx));
	size_t nv = visible(def, idx);
	struct text_table tb;
	table_init(&tb, nv + 1);
	const char **cells = arena_alloc(&a, (nv + 1) * sizeof(*cells));
	cells[0] = def->bands ? "" : (EN ? "division" : "区划");
	for (size_t k = 0; k < nv; k++) {
		const struct tcol *c = &def->cols[idx[k]];
		cells[k + 1] = tcol_group(c) ? arena_printf(&a, "%s·%s", tcol_group(c), tcol_label(c)) : tcol_label(c);
		table_right(&tb, k + 1);
	}
	table_row(&tb, cells);
	for (size_t i = 0; i <= r->n_rows; i++) {
		const struct table_row *row = i < r->n_rows ? &r->rows[i] : &r->total;
		cells[0] = row->name ? row->name : "";
		for (size_t k = 0; k < nv; k++) {
			char *v = arena_alloc(&a, 48);
			cells[k + 1] = cell_text(&def->cols[idx[k]], row, idx[k], v, 48);
		}
		table_row(&tb, cells);
	}
	table_render(&tb, out);
	table_free(&tb);
	const char *note = EN ? def->note_en : def->note_zh;
	if (note)
		buf_printf(out, "%s%s\n", EN ? "Note: " : "注：", note);
	if (def->changes)
		buf_printf(out, "%s\n", balance_text(r));
	arena_free(&a);
}

enum err
view_table_sheet(const struct table_result *r, const char *path, enum sheet_kind kind, struct errinfo *e)
{
	const struct table_def *def = r->def;
	struct sheet_writer *w = sheet_writer_open_table(path, kind, false, def->code, e);
	if (!w)
		return e ? e->err : ERR_IO;
	struct arena a;
	arena_init(&a);
	size_t *idx = arena_alloc(&a, (def->n_cols + 1) * sizeof(*idx));
	size_t nv = visible(def, idx), n = nv + 2;
	struct sheet_col *cols = arena_alloc(&a, n * sizeof(*cols));
	cols[0] = (struct sheet_col){ SHEET_COL_TEXT, 0, NULL };
	cols[1] = (struct sheet_col){ SHEET_COL_TEXT, 0, NULL };
	for (size_t k = 0; k < nv; k++) {
		const struct tcol *c = &def->cols[idx[k]];
		cols[k + 2] = (struct sheet_col){ SHEET_COL_NUMBER, 0, c->decimals ? "#,##0.00" : "#,##0" };
	}
	sheet_writer_columns(w, cols, n);
	enum err rc = sheet_writer_title(w, arena_printf(&a, "%s", table_title(def)), n, e);
	if (rc == ERR_OK)
		rc = sheet_writer_note(w, view_table_subtitle(r, &a), n, e);
	/* two header rows when any column has a group: the group over its columns, the others reaching down */
	bool groups = false;
	for (size_t k = 0; k < nv; k++)
		groups |= tcol_group(&def->cols[idx[k]]) != NULL;
	const char **head = arena_alloc(&a, n * sizeof(*head));
	memset(head, 0, n * sizeof(*head));
	const char *first = def->bands ? (EN ? "key" : "代码") : (EN ? "code" : "行政区划代码");
	const char *second = def->bands ? (EN ? "item" : "项目") : (EN ? "division" : "区域");
	if (kind != SHEET_XLSX) {
		/* a CSV is for scripts: one header row of the stable keys */
		head[0] = "code";
		head[1] = "name";
		for (size_t k = 0; k < nv; k++)
			head[k + 2] = def->cols[idx[k]].key;
	} else if (groups) {
		struct sheet_span *sp = arena_alloc(&a, n * sizeof(*sp));
		size_t ns = 0;
		sp[ns++] = (struct sheet_span){ 0, 0, first, 2 };
		sp[ns++] = (struct sheet_span){ 1, 1, second, 2 };
		for (size_t k = 0; k < nv;) {
			const struct tcol *c = &def->cols[idx[k]];
			const char *g = tcol_group(c);
			if (!g) {
				sp[ns++] = (struct sheet_span){ k + 2, k + 2, tcol_label(c), 2 };
				k++;
				continue;
			}
			size_t end = k;
			while (end + 1 < nv && tcol_group(&def->cols[idx[end + 1]]) &&
			    strcmp(tcol_group(&def->cols[idx[end + 1]]), g) == 0)
				end++;
			sp[ns++] = (struct sheet_span){ k + 2, end + 2, g, 1 };
			for (size_t m = k; m <= end; m++)
				head[m + 2] = tcol_label(&def->cols[idx[m]]);
			k = end + 1;
		}
		if (rc == ERR_OK)
			rc = sheet_writer_spans(w, sp, ns, e);
	} else {
		head[0] = first;
		head[1] = second;
		for (size_t k = 0; k < nv; k++)
			head[k + 2] = tcol_label(&def->cols[idx[k]]);
	}
	if (rc == ERR_OK)
		rc = sheet_writer_header(w, head, n, e);
	const char **cells = arena_alloc(&a, n * sizeof(*cells));
	for (size_t i = 0; rc == ERR_OK && i <= r->n_rows; i++) {
		bool total = i == r->n_rows;
		const struct table_row *row = total ? &r->total : &r->rows[i];
		char *code = arena_alloc(&a, 16);
		view_code(row->code, code, 16);
		cells[0] = total ? "" : row->key ? row->key : code;
		cells[1] = row->name ? row->name : "";
		for (size_t k = 0; k < nv; k++) {
			char *v = arena_alloc(&a, 48);
			cells[k + 2] = cell_text(&def->cols[idx[k]], row, idx[k], v, 48);
		}
		rc = sheet_writer_row_styled(w, cells, n, total ? SHEET_ROW_BOLD : SHEET_ROW_PLAIN, e);
	}
	const char *note = EN ? def->note_en : def->note_zh;
	if (rc == ERR_OK && note)
		rc = sheet_writer_note(w, arena_printf(&a, "%s%s", EN ? "Note: " : "注：", note), n, e);
	if (rc == ERR_OK && def->changes && kind == SHEET_XLSX)
		rc = sheet_writer_note(w, balance_text(r), n, e);
	arena_free(&a);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	return sheet_writer_close(w, e);
}
