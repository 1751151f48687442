/* external.c: the kinds of list (data), and importing, listing, showing and deleting lists. An import reads
 * the file once, checks every row and writes the rows as it goes inside one transaction, which it rolls back
 * if any row is bad: memory stays flat whatever the list's length (a set of the numbers seen, for kinds where
 * a person is on one row only, aside). */
#include "domain/external.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/fields.h"
#include "domain/idno.h"
#include "domain/txn.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

/* The kinds of ARCHITECTURE.md §10 and the 医保 / 人社 lists. Adding a kind is a row here (and, for a new
 * comparison, a rule in rules.c fed by it). */
const struct ext_kind ext_kinds[] = {
	{ "death", "死亡人员", "deaths", "公安", "police", false, false, {
		{ "death_date", "死亡日期", "死亡时间", XT_DATE, XR_DAY, true } } },
	{ "moved", "户籍迁出", "household registration moved out", "公安", "police", false, false, {
		{ "moved_date", "迁出日期", "迁出时间", XT_DATE, XR_DAY, true },
		{ "moved_to", "迁往地区", "迁往地|迁入地", XT_TEXT, XR_VALUE, false } } },
	{ "vehicle", "车辆", "vehicles", "车管", "vehicle registry", false, true, {
		{ "plate", "号牌号码", "车牌号码|车牌号", XT_TEXT, XR_VALUE, true },
		{ "vehicle_type", "车辆类型", "车型", XT_TEXT, XR_DATA, false },
		{ "registered", "初次登记日期", "登记日期", XT_DATE, XR_DAY, false } } },
	{ "housing", "商品房", "commercial housing", "住建", "housing bureau", false, true, {
		{ "address", "房屋坐落", "坐落|房屋地址", XT_TEXT, XR_VALUE, true },
		{ "area", "建筑面积", "面积", XT_TEXT, XR_DATA, false },
		{ "registered", "登记日期", "网签日期|备案日期", XT_DATE, XR_DAY, false } } },
	{ "business", "工商注册", "business registrations", "市场监管", "market regulator", false, true, {
		{ "company", "企业名称", "市场主体名称|名称", XT_TEXT, XR_VALUE, true },
		{ "reg_state", "登记状态", "经营状态", XT_TEXT, XR_DATA, false },
		{ "founded", "成立日期", "注册日期", XT_DATE, XR_DAY, false } } },
	{ "payroll", "财政供养", "public payroll", "财政", "finance bureau", false, false, {
		{ "employer", "工作单位", "单位名称|单位", XT_TEXT, XR_VALUE, true },
		{ "since", "起始日期", "入职日期|参加工作时间", XT_DATE, XR_DAY, false } } },
	{ "dibao", "低保", "minimum living allowance", "民政", "civil affairs", true, false, {
		{ "village_code", "行政区划代码", "区划代码", XT_DIVCODE, XR_VILLAGE, false },
		{ "since", "保障起始日期", "起始日期", XT_DATE, XR_DAY, false } } },
	{ "tekun", "特困", "destitute support", "民政", "civil affairs", true, false, {
		{ "village_code", "行政区划代码", "区划代码", XT_DIVCODE, XR_VILLAGE, false },
		{ "since", "供养起始日期", "起始日期", XT_DATE, XR_DAY, false } } },
	{ "disability", "残疾人", "persons with disabilities", "残联", "disabled persons' federation", false, false, {
		{ "category", "残疾类别", NULL, XT_TEXT, XR_VALUE, false },
		{ "grade", "残疾等级", NULL, XT_TEXT, XR_DATA, false },
		{ "card", "残疾人证号", NULL, XT_TEXT, XR_DATA, false } } },
	{ "medical", "医保参保", "medical insurance", "医保", "medical insurance office", true, false, {
		{ "insured", "参保状态", "参保情况", XT_TEXT, XR_VALUE, true },
		{ "year", "参保年度", "年度", XT_TEXT, XR_DATA, false } } },
	{ "pension", "养老保险参保", "pension insurance", "人社", "human resources office", true, false, {
		{ "insured", "参保状态", "参保情况", XT_TEXT, XR_VALUE, true },
		{ "year", "参保年度", "年度", XT_TEXT, XR_DATA, false } } },
	{ "employment", "就业登记", "employment registrations", "人社", "human resources office", true, false, {
		{ "employer", "就业单位", "用工单位", XT_TEXT, XR_VALUE, false },
		{ "place", "就业地点", "务工地点", XT_TEXT, XR_DATA, false },
		{ "registered", "登记日期", NULL, XT_DATE, XR_DAY, false } } },
	/* for the early warnings of 防返贫监测 (monitor_warn.c): a person's high out-of-pocket medical costs, a
	 * person hit by a disaster */
	{ "medical_cost", "医保高额自付", "high out-of-pocket medical costs", "医保", "medical insurance office", false,
		true, {
		{ "amount", "自付金额", "个人自付金额|合规自付金额|自付费用", XT_TEXT, XR_VALUE, true },
		{ "settled", "结算日期", "结算时间|就诊日期", XT_DATE, XR_DAY, false } } },
	{ "disaster", "受灾人员", "disaster victims", "应急管理", "emergency management", false, true, {
		{ "hazard", "灾种", "灾害种类|受灾类型", XT_TEXT, XR_VALUE, true },
		{ "hit", "受灾日期", "受灾时间|灾害发生日期", XT_DATE, XR_DAY, false },
		{ "loss", "损失情况", "损失", XT_TEXT, XR_DATA, false } } },
};
const size_t n_ext_kinds = NELEM(ext_kinds);

/* The columns every list has. */
enum { GC_ID, GC_NAME, GC_CATEGORY, GC_NOTE, GC__MAX };
static const struct ext_column general[GC__MAX] = {
	[GC_ID] = { "id_no", "证件号码", "身份证号码|身份证号|公民身份号码", XT_TEXT, XR_DATA, true },
	[GC_NAME] = { "name", "姓名", NULL, XT_TEXT, XR_DATA, true },
	[GC_CATEGORY] = { "category", "类别", NULL, XT_TEXT, XR_DATA, false },
	[GC_NOTE] = { "note", "说明", "备注", XT_TEXT, XR_DATA, false },
};

const struct ext_kind *
ext_kind_find(const char *s)
{
	for (size_t i = 0; s && i < n_ext_kinds; i++)
		if (strcasecmp(s, ext_kinds[i].code) == 0 || strcmp(s, ext_kinds[i].zh) == 0)
			return &ext_kinds[i];
	return NULL;
}

const char *
ext_kind_label(const struct ext_kind *k)
{
	return k ? (EN ? k->en : k->zh) : "";
}

const char *
ext_kind_codes(void)
{
	static _Thread_local char buf[256];
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n_ext_kinds; i++)
		k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%s%s", i ? ", " : "", ext_kinds[i].code);
	return buf;
}

/* ---- header ---- */

static bool
label_eq(struct str cell, const char *label)
{
	char a[160], b[160];
	size_t na = utf8_fold_to(cell, a, sizeof(a)), nb = utf8_fold_to(str_from(label), b, sizeof(b));
	return na != (size_t)-1 && na == nb && strncasecmp(a, b, na) == 0;
}

static bool
column_matches(const struct ext_column *c, struct str cell)
{
	if (label_eq(cell, c->label) || label_eq(cell, c->key))
		return true;
	for (const char *p = c->aliases; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		char tmp[96];
		snprintf(tmp, sizeof(tmp), "%.*s", (int)n, p);
		if (label_eq(cell, tmp))
			return true;
		p = bar ? bar + 1 : p + n;
	}
	return false;
}

/* The columns of a list of kind k, for messages: "证件号码、姓名、死亡日期（、类别、说明）". */
static const char *
columns_text(const struct ext_kind *k, struct arena *a)
{
	struct buf b;
	buf_init(&b);
	const char *sep = EN ? ", " : "、";
	buf_printf(&b, "%s%s%s", general[GC_ID].label, sep, general[GC_NAME].label);
	for (int i = 0; i < EXT_MAX_COLS && k->cols[i].key; i++)
		buf_printf(&b, "%s%s", sep, k->cols[i].label);
	buf_printf(&b, EN ? " (and %s, %s)" : "（可选：%s、%s）", general[GC_CATEGORY].label, general[GC_NOTE].label);
	char *s = arena_strdup(a, b.p);
	buf_free(&b);
	return s;
}

/* Columns: general ones at 0..GC__MAX-1, the kind's at GC__MAX + i. */
#define NCOLS (GC__MAX + EXT_MAX_COLS)

struct xheader {
	int col[NCOLS];
	const char *label[NCOLS];
	const struct ext_column *def[NCOLS];
};

static void
map_header(const struct ext_kind *k, const struct sheet_row *row, struct xheader *h, struct problems *p,
    struct arena *a)
{
	for (int i = 0; i < NCOLS; i++) {
		h->col[i] = -1;
		h->def[i] = i < GC__MAX ? &general[i] : k->cols[i - GC__MAX].key ? &k->cols[i - GC__MAX] : NULL;
		h->label[i] = h->def[i] ? h->def[i]->label : NULL;
	}
	const char *cols = NULL;
	for (size_t c = 0; c < row->n; c++) {
		struct str cell = str_trim(row->cells[c]);
		if (cell.n == 0)
			continue;
		int found = -1;
		for (int i = 0; i < NCOLS && found < 0; i++)
			if (h->def[i] && column_matches(h->def[i], cell))
				found = i;
		char *text = arena_strndup(a, cell.p, cell.n);
		if (found < 0) {
			if (!cols)
				cols = columns_text(k, a);
			problem_add(p, false, 1, text, cell, MSG_EXT_COLUMN, ext_kind_label(k), cols);
		} else if (h->col[found] >= 0)
			problem_add(p, false, 1, text, cell, MSG_DUP_COLUMN);
		else {
			h->col[found] = (int)c;
			h->label[found] = text;
		}
	}
	for (int i = 0; i < NCOLS; i++)
		if (h->def[i] && h->def[i]->required && h->col[i] < 0)
			problem_add(p, false, 1, h->def[i]->label, (struct str){ 0 }, MSG_MISSING_COLUMN);
}

static struct str
cell_of(const struct xheader *h, int i, const struct sheet_row *row)
{
	int c = h->col[i];
	if (c < 0 || (size_t)c >= row->n)
		return (struct str){ "", 0 };
	return str_trim(row->cells[c]);
}

/* ---- the set of numbers seen (kinds where a person is on one row) ---- */

struct seen {
	char (*key)[19];
	int *row;
	size_t cap, n;
};

static uint64_t
hash18(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (int i = 0; i < 18 && s[i]; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* The row that had id before, or 0 after remembering it at row. */
static int
seen_add(struct seen *s, const char *id, int row)
{
	if (2 * (s->n + 1) > s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;
		char (*key)[19] = xcalloc(cap, sizeof(*key));
		int *rows = xcalloc(cap, sizeof(*rows));
		for (size_t i = 0; i < s->cap; i++)
			if (s->row[i]) {
				size_t j = hash18(s->key[i]) & (cap - 1);
				while (rows[j])
					j = (j + 1) & (cap - 1);
				memcpy(key[j], s->key[i], 19);
				rows[j] = s->row[i];
			}
		free(s->key);
		free(s->row);
		s->key = key;
		s->row = rows;
		s->cap = cap;
	}
	size_t j = hash18(id) & (s->cap - 1);
	while (s->row[j]) {
		if (strcmp(s->key[j], id) == 0)
			return s->row[j];
		j = (j + 1) & (s->cap - 1);
	}
	snprintf(s->key[j], 19, "%s", id);
	s->row[j] = row;
	s->n++;
	return 0;
}

/* ---- import ---- */

/* A broken ID number: the reason as registry imports give it, or, when lenient, a warning that the row is
 * left out. */
static void
id_problem(struct problems *p, bool lenient, int row, const char *col, struct str v, enum msg m,
    const struct idno *id)
{
	char why[512];
	switch (m) {
	case MSG_ID_LENGTH:
		snprintf(why, sizeof(why), msg_text(m), (int)v.n);
		break;
	case MSG_ID_CHECKSUM:
		snprintf(why, sizeof(why), msg_text(m), id->expected);
		break;
	case MSG_ID_DATE:
		snprintf(why, sizeof(why), msg_text(m), id->birth_text);
		break;
	case MSG_ID_PROVINCE:
		snprintf(why, sizeof(why), msg_text(m), id->province);
		break;
	default:
		snprintf(why, sizeof(why), "%s", msg_text(m));
		break;
	}
	if (lenient) {
		problem_add(p, true, row, col, v, MSG_EXT_ID_SKIPPED, why);
		return;
	}
	switch (m) {
	case MSG_ID_LENGTH:
		problem_add(p, false, row, col, v, m, (int)v.n);
		break;
	case MSG_ID_CHECKSUM:
		problem_add(p, false, row, col, v, m, id->expected);
		break;
	case MSG_ID_DATE:
		problem_add(p, false, row, col, v, m, id->birth_text);
		break;
	case MSG_ID_PROVINCE:
		problem_add(p, false, row, col, v, m, id->province);
		break;
	default:
		problem_add(p, false, row, col, v, m);
		break;
	}
}

static enum err
audit_list(struct txn *t, const char *action, int64_t id, json_t *detail, struct errinfo *e)
{
	char obj[32];
	snprintf(obj, sizeof(obj), "list:%lld", (long long)id);
	char *d = json_dumps(detail, JSON_COMPACT);
	json_decref(detail);
	enum err rc = txn_audit(t, action, obj, d, e);
	free(d);
	return rc;
}

enum err
external_import(struct store *st, const struct external_opts *o, struct external_result *r, struct arena *a,
    struct errinfo *e)
{
	struct problems *p = &r->problems;
	const struct ext_kind *k = ext_kind_find(o->kind);
	r->kind = k;
	if (!k)
		return errinfo_set(e, ERR_INVALID, "kind", MSG_EXT_KIND, o->kind ? o->kind : "", ext_kind_codes());
	int today = date_today();
	r->date = o->date ? o->date : today;
	enum err rc0 = record_day(r->date, today, "date", MSG_EXT_DATE_FUTURE, e);
	if (rc0 != ERR_OK)
		return rc0;
	struct sheet *s = o->sheet ? o->sheet : sheet_open(o->path, o->limits, e);
	if (!s) {
		if (e && e->err == ERR_INVALID) {
			problem_from_err(p, false, 0, "", (struct str){ 0 }, e);
			return ERR_INVALID;
		}
		return e ? e->err : ERR_IO;
	}
	r->sheet_kind = sheet_kind(s);
	struct sheet_row row;
	int err_row;
	int got = sheet_next(s, &row, &err_row, e);
	r->encoding = sheet_encoding(s);
	if (got <= 0) {
		if (got < 0)
			problem_from_err(p, false, err_row, "", (struct str){ 0 }, e);
		else
			problem_add(p, false, 0, "", (struct str){ 0 }, MSG_EMPTY_FILE);
		sheet_close(s);
		return ERR_INVALID;
	}
	sheet_set_width(s, sheet_header_width(&row));
	struct xheader h;
	map_header(k, &row, &h, p, a);
	if (p->n_errors) {
		sheet_close(s);
		problems_sort(p);
		return ERR_INVALID;
	}

	struct txn t;
	enum err rc = txn_begin(&t, st, o->now, o->actor, e);
	if (rc != ERR_OK) {
		sheet_close(s);
		return rc;
	}
	t.ip = o->ip;
	const char *file = o->file_name ? o->file_name : o->path ? (strrchr(o->path, '/') ? strrchr(o->path, '/') + 1 : o->path)
	    : "(request)";
	struct external_list_row l = { 0 };
	l.kind = (char *)k->code;
	l.source = (char *)(o->source && *o->source ? o->source : k->source_zh);
	l.list_date = r->date;
	division_range(o->division, &l.division, &l.division_hi);
	l.file = (char *)file;
	l.imported_at = t.now;
	l.imported_by = (char *)t.actor;
	if ((rc = store_external_list_insert(st, &l, e)) != ERR_OK || (rc = store_bulk_begin(st, e)) != ERR_OK) {
		txn_rollback(&t);
		sheet_close(s);
		return rc;
	}
	r->list_id = l.id;
	struct seen seen = { 0 };
	struct arena ra;
	arena_init(&ra);
	char list_day[11];
	date_format(r->date, list_day);
	while ((got = sheet_next(s, &row, &err_row, e)) == 1) {
		bool blank = true;
		for (size_t i = 0; i < row.n && blank; i++)
			blank = str_trim(row.cells[i]).n == 0;
		if (blank)
			continue;
		r->rows++;
		size_t before = p->n_errors;
		/* 证件号码: normalised to the 18 characters every list and the registry share */
		struct str v = cell_of(&h, GC_ID, &row);
		struct idno id;
		bool id_ok = false;
		if (v.n == 0)
			problem_add(p, false, row.num, h.label[GC_ID], v, MSG_REQUIRED);
		else if (row.numeric_mask_valid && row.numeric && h.col[GC_ID] >= 0 &&
		    (size_t)h.col[GC_ID] < row.n && row.numeric[h.col[GC_ID]])
			problem_add(p, o->lenient, row.num, h.label[GC_ID], v, MSG_NUMERIC_ID);
		else {
			enum msg m = idno_validate(v, today, &id);
			if (m == MSG_OK)
				id_ok = true;
			else
				id_problem(p, o->lenient, row.num, h.label[GC_ID], v, m, &id);
		}
		char key[19] = "";
		if (id_ok) {
			snprintf(key, sizeof(key), "%.18s", id.norm);
			if (!k->multi) {
				int prev = seen_add(&seen, key, row.num);
				if (prev)
					problem_add(p, false, row.num, h.label[GC_ID], v, MSG_ID_DUP_FILE, prev);
			}
		}
		char *name = NULL;
		v = cell_of(&h, GC_NAME, &row);
		if (v.n == 0)
			problem_add(p, false, row.num, h.label[GC_NAME], v, MSG_REQUIRED);
		else
			parse_text(v, 64, &name, &ra, p, row.num, h.label[GC_NAME]);
		int day = 0;
		int64_t village = 0;
		const char *value = NULL;
		json_t *data = json_object();
		for (int i = GC_CATEGORY; i < NCOLS; i++) {
			const struct ext_column *c = h.def[i];
			if (!c || h.col[i] < 0)
				continue;
			v = cell_of(&h, i, &row);
			if (v.n == 0) {
				if (c->required)
					problem_add(p, false, row.num, h.label[i], v, MSG_REQUIRED);
				continue;
			}
			if (c->type == XT_DATE) {
				int d;
				if (!parse_date_cell(v, &d, p, row.num, h.label[i]))
					continue;
				if (d > r->date) {
					char dd[11];
					problem_add(p, false, row.num, h.label[i], v, MSG_EXT_AFTER_LIST, date_format(d, dd), list_day);
					continue;
				}
				if (c->role == XR_DAY)
					day = d;
				char dd[11];
				json_object_set_new(data, c->key, json_string(date_format(d, dd)));
			} else if (c->type == XT_DIVCODE) {
				int64_t code;
				if (!parse_divcode(v, &code, p, row.num, h.label[i]))
					continue;
				struct division dv;
				struct errinfo de;
				char cs[16];
				snprintf(cs, sizeof(cs), "%012lld", (long long)code);
				if (store_division_get(st, code, &dv, &ra, &de) != ERR_OK)
					problem_add(p, false, row.num, h.label[i], v, MSG_DIV_UNKNOWN, cs);
				else if (dv.level != LV_VILLAGE)
					problem_add(p, false, row.num, h.label[i], v, MSG_DIV_NOT_VILLAGE, cs);
				else if (code < l.division || code > l.division_hi)
					problem_add(p, false, row.num, h.label[i], v, MSG_OUT_OF_SCOPE);
				else if (c->role == XR_VILLAGE)
					village = code;
			} else {
				char *text;
				if (!parse_text(v, 200, &text, &ra, p, row.num, h.label[i]))
					continue;
				if (c->role == XR_VALUE)
					value = text;
				else
					json_object_set_new(data, c->key, json_string(text));
			}
		}
		/* a dry run writes the rows too, in the transaction it rolls back, to say what they would match */
		if (p->n_errors == before && id_ok && p->n_errors == 0) {
			char *dj = json_object_size(data) ? json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
			struct sqlval vals[8] = { SQL_INT(l.id), SQL_INT(row.num), SQL_TEXT(key), SQL_TEXT(name),
				day ? SQL_INT(day) : SQL_NULL, village ? SQL_INT(village) : SQL_NULL, SQL_TEXT(value),
				SQL_TEXT(dj) };
			rc = st->ops->insert_row(st, T_EXTERNAL_ENTRY, vals, e);
			free(dj);
		}
		json_decref(data);
		if (p->n_errors == before) {
			if (id_ok)
				r->stored++;
			else
				r->skipped++;
		}
		arena_free(&ra);
		if (rc != ERR_OK)
			break;
	}
	if (got < 0 && rc == ERR_OK)
		problem_from_err(p, false, err_row, "", (struct str){ 0 }, e);
	sheet_close(s);
	free(seen.key);
	free(seen.row);
	if (rc == ERR_OK && got == 0 && r->rows == 0)
		problem_add(p, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);
	enum err brc = store_bulk_end(st, e);
	if (rc == ERR_OK)
		rc = brc;
	if (rc == ERR_OK && !p->n_errors && o->dry_run)
		rc = store_external_match_counts(st, l.id, today, &r->matched, &r->other_name, e);
	if (rc != ERR_OK || p->n_errors || o->dry_run) {
		txn_rollback(&t);
		problems_sort(p);
		r->list_id = 0;
		if (rc != ERR_OK)
			return rc;
		if (p->n_errors) {
			r->stored = 0;
			return ERR_INVALID;
		}
		return ERR_OK;
	}
	problems_sort(p);
	json_t *detail = json_pack("{s:s, s:s, s:s, s:s, s:i, s:i, s:i}", "kind", k->code, "date", list_day, "source",
	    l.source, "file", file, "rows", r->rows, "stored", r->stored, "skipped", r->skipped);
	if ((rc = store_external_list_rows(st, l.id, r->stored, e)) != ERR_OK ||
	    (rc = audit_list(&t, "external.import", l.id, detail, e)) != ERR_OK) {
		txn_rollback(&t);
		r->list_id = 0;
		return rc;
	}
	if ((rc = txn_commit(&t, e)) != ERR_OK) {
		r->list_id = 0;
		return rc;
	}
	r->written = true;
	/* what the list means for the registry, in the importer's scope */
	return store_external_match_counts(st, l.id, today, &r->matched, &r->other_name, e);
}

/* ---- lists ---- */

enum err
external_lists(struct store *st, bool deleted, struct external_list_row **out, size_t *n, struct arena *a,
    struct errinfo *e)
{
	return store_external_lists(st, deleted, out, n, a, e);
}

static enum err
not_found(struct errinfo *e, int64_t id)
{
	char s[24];
	snprintf(s, sizeof(s), "%lld", (long long)id);
	return errinfo_set(e, ERR_NOTFOUND, "id", MSG_LIST_NOT_FOUND, s);
}

enum err
external_show(struct store *st, int64_t id, const char *actor, const char *ip, struct external_summary *s,
    struct arena *a, struct errinfo *e)
{
	memset(s, 0, sizeof(*s));
	enum err rc = store_external_list_get(st, id, &s->list, a, e);
	if (rc == ERR_NOTFOUND)
		return not_found(e, id);
	if (rc != ERR_OK)
		return rc;
	if (!s->list.deleted_at &&
	    (rc = store_external_match_counts(st, id, date_today(), &s->matched, &s->other_name, e)) != ERR_OK)
		return rc;
	struct txn t;
	if ((rc = txn_begin(&t, st, 0, actor, e)) != ERR_OK)
		return rc;
	t.ip = ip;
	if ((rc = audit_list(&t, "external.read", id, json_pack("{s:s, s:I, s:I}", "kind", s->list.kind, "matched",
	    (json_int_t)s->matched, "other_name", (json_int_t)s->other_name), e)) != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	return txn_commit(&t, e);
}

enum err
external_delete(struct store *st, int64_t id, const char *actor, const char *ip, int64_t now, struct errinfo *e)
{
	struct txn t;
	enum err rc = txn_begin(&t, st, now, actor, e);
	if (rc != ERR_OK)
		return rc;
	t.ip = ip;
	struct arena a;
	arena_init(&a);
	struct external_list_row l;
	rc = store_external_list_get(st, id, &l, &a, e);
	if (rc == ERR_NOTFOUND)
		rc = not_found(e, id);
	else if (rc == ERR_OK && l.deleted_at)
		rc = errinfo_set(e, ERR_CONFLICT, "id", MSG_LIST_DELETED, (long long)id);
	/* a list is seen by everyone whose divisions it meets (each counts its own matches), but deleted only by
	 * one whose divisions hold all of it: a town's supervisor does not delete the county's list */
	else if (rc == ERR_OK && (l.division < st->scope_lo || l.division_hi > st->scope_hi))
		rc = errinfo_set(e, ERR_FORBIDDEN, "id", MSG_LIST_WIDER, (long long)id);
	char d[11];
	if (rc == ERR_OK)
		rc = store_external_list_delete(st, id, t.now, t.actor, e);
	if (rc == ERR_OK)
		rc = audit_list(&t, "external.delete", id, json_pack("{s:s, s:s, s:I}", "kind", l.kind, "date",
		    date_format(l.list_date, d), "rows", (json_int_t)l.rows), e);
	arena_free(&a);
	if (rc != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	return txn_commit(&t, e);
}
