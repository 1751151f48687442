/* view_assist.c: JSON, tables, CSV and sheet cells for the assistance and supervision records and figures. */
#include "view/view_assist.h"

#include <stdio.h>
#include <string.h>

#include "domain/auth.h"
#include "domain/codes.h"
#include "domain/export.h"
#include "domain/idno.h"
#include "domain/income.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "view/view.h"

#define EN (msg_lang() == LANG_EN)

/* ---- small writers ---- */

static void
money_text(int64_t fen, char *out, size_t n)
{
	int64_t a = fen < 0 ? -fen : fen;
	snprintf(out, n, "%s%lld.%02lld", fen < 0 ? "-" : "", (long long)(a / 100), (long long)(a % 100));
}

/* Yuan with two decimals, as a JSON number. */
static void
jw_money(struct jw *w, int64_t fen)
{
	char t[32];
	money_text(fen, t, sizeof(t));
	jw_raw(w, t);
}

static void
jw_kmoney(struct jw *w, const char *key, int64_t fen)
{
	jw_key(w, key);
	jw_money(w, fen);
}

static void
jw_kdate(struct jw *w, const char *key, int d)
{
	char t[11];
	jw_kstr(w, key, d ? date_format(d, t) : NULL);
}

static void
jw_kshare(struct jw *w, const char *key, double v)
{
	char t[32];
	snprintf(t, sizeof(t), "%.4f", v);
	/* 1.0000 -> 1, 0.5000 -> 0.5: the shortest exact text */
	char *dot = strchr(t, '.');
	if (dot) {
		char *e = t + strlen(t) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	jw_key(w, key);
	jw_raw(w, t);
}

static void
jw_code(struct jw *w, enum alist l, const char *code)
{
	if (!code) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "label", acode_label(l, code));
	jw_obj_end(w);
}

static void
jw_div(struct jw *w, int64_t code, const char *name)
{
	char c[16];
	view_code(code, c, sizeof(c));
	jw_obj(w);
	jw_kstr(w, "code", c);
	jw_kstr(w, "name", name);
	jw_obj_end(w);
}

/* A personal name shown masked: the first character and one * per other character. */
static char *
name_mask(const char *s, char *out, size_t n)
{
	size_t k = 0, len = strlen(s), first = 0;
	while (first < len && ((unsigned char)s[first + 1] & 0xC0) == 0x80)
		first++;
	first = len ? first + 1 : 0;
	if (first >= n)
		first = 0;
	memcpy(out, s, first);
	k = first;
	for (size_t i = first; i < len && k + 2 < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			out[k++] = '*';
	out[k] = '\0';
	return out;
}

/* ---- records ---- */

static const char *
type_name(enum aftype t)
{
	static const char *const names[] = { "text", "int", "money", "rate", "date", "year", "month", "bool", "code",
		"code", "item", "phone", "id_no", "division", "village", "household", "member", "cadre", "ref", "persons",
		"households" };
	return names[t];
}

static void
field_value(struct jw *w, const struct arec *r, const struct afield *f, bool full)
{
	int ci = f->col ? acol(r->d, f->col) : -1;
	const struct sqlval *v = ci >= 0 ? &r->r.v[ci] : NULL;
	if (!v || v->t == SV_NULL) {
		jw_null(w);
		return;
	}
	const char *s = v->s;
	int64_t i = v->i;
	char t[64];
	switch (f->type) {
	case AF_TEXT:
		if ((f->flags & AFL_MASK) && !full)
			jw_str(w, name_mask(s, t, sizeof(t)));
		else
			jw_str(w, s);
		break;
	case AF_INT:
	case AF_YEAR:
		jw_int(w, i);
		break;
	case AF_MONEY:
		jw_money(w, i);
		break;
	case AF_RATE:
		jw_money(w, i);
		break;
	case AF_DATE:
		jw_str(w, date_format((int)i, t));
		break;
	case AF_MONTH:
		snprintf(t, sizeof(t), "%04lld-%02lld", (long long)(i / 100), (long long)(i % 100));
		jw_str(w, t);
		break;
	case AF_BOOL:
		jw_bool(w, i != 0);
		break;
	case AF_CODE:
	case AF_ITEM:
		jw_code(w, (enum alist)f->list, s);
		break;
	case AF_GCODE:
		jw_obj(w);
		jw_kstr(w, "code", s);
		jw_kstr(w, "label", code_label((enum codelist)f->list, s));
		jw_obj_end(w);
		break;
	case AF_PHONE:
		jw_str(w, full ? s : phone_mask(s, t, sizeof(t)));
		break;
	case AF_IDNO:
		jw_str(w, full ? s : idno_mask(s, t, sizeof(t)));
		break;
	case AF_DIV:
	case AF_VILLAGE:
		jw_div(w, i, strcmp(f->col, r->d->scope) == 0 ? r->r.show[SHOW_DIVISION] : NULL);
		break;
	case AF_HH:
		jw_obj(w);
		jw_kstr(w, "hh_no", r->r.show[SHOW_HH_NO]);
		jw_kstr(w, "head", r->r.show[SHOW_HEAD]);
		jw_obj_end(w);
		break;
	case AF_MEMBER: {
		const char *id = r->r.show[SHOW_MEMBER_ID];
		jw_obj(w);
		jw_kint(w, "id", i);
		jw_kstr(w, "name", r->r.show[SHOW_MEMBER]);
		jw_kstr(w, "id_no", !id ? NULL : full ? id : idno_mask(id, t, sizeof(t)));
		jw_obj_end(w);
		break;
	}
	case AF_CADRE:
		jw_obj(w);
		jw_kint(w, "id", i);
		jw_kstr(w, "name", r->r.show[SHOW_CADRE]);
		jw_obj_end(w);
		break;
	case AF_REF:
		jw_obj(w);
		jw_kint(w, "id", i);
		jw_kstr(w, "name", r->r.show[SHOW_REF]);
		jw_obj_end(w);
		break;
	default:
		jw_null(w);
	}
}

void
view_arec_write(struct jw *w, const struct arec *r, bool full)
{
	const struct akind_desc *d = r->d;
	jw_obj(w);
	jw_kint(w, "id", r->r.v[0].i);
	jw_kstr(w, "kind", d->code);
	/* a measure that tells of health: its item and content withheld where health is */
	bool withheld = !full && arec_tells_health(r);
	for (size_t i = 0; i < d->nf; i++) {
		const struct afield *f = &d->f[i];
		if (!f->col)
			continue;
		jw_key(w, f->key);
		if (withheld && (strcmp(f->key, "item") == 0 || strcmp(f->key, "content") == 0))
			jw_null(w);
		else
			field_value(w, r, f, full);
	}
	if (d->k == AK_MEASURE)
		jw_kbool(w, "health_withheld", withheld);
	/* the division the record belongs to, when no field names it */
	bool shown = false;
	for (size_t i = 0; i < d->nf; i++)
		shown |= d->f[i].col && strcmp(d->f[i].col, d->scope) == 0;
	if (!shown) {
		jw_key(w, "division");
		jw_div(w, arec_int(r, d->scope), r->r.show[SHOW_DIVISION]);
	}
	char t[20];
	int at = acol(d, "recorded_at"), by = acol(d, "recorded_by");
	jw_kstr(w, "recorded_at", r->r.v[at].t == SV_NULL ? NULL : stamp_format(r->r.v[at].i, t));
	jw_kstr(w, "recorded_by", r->r.v[by].s);
	jw_obj_end(w);
}

void
view_arecs_write(struct buf *out, const struct akind_desc *d, const struct arec *v, size_t n, int64_t total, bool full)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kstr(&w, "kind", d->code);
	jw_kstr(&w, "label", EN ? d->en : d->zh);
	jw_kint(&w, "total", total);
	jw_key(&w, "items");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++)
		view_arec_write(&w, &v[i], full);
	jw_arr_end(&w);
	jw_obj_end(&w);
}

/* A record's field as a sheet's cell: codes and references by their words, personal fields masked unless
 * full; t is the cell's room when the text is made here. (A household's head and a member's name have cells of
 * their own: see record_cells.) */
static const char *
field_cell(const struct arec *r, const struct afield *f, bool full, char *t, size_t n)
{
	int ci = f->col ? acol(r->d, f->col) : -1;
	const struct sqlval *v = ci >= 0 ? &r->r.v[ci] : NULL;
	if (!v || v->t == SV_NULL)
		return "";
	const char *s = v->s;
	int64_t i = v->i;
	switch (f->type) {
	case AF_TEXT:
		return (f->flags & AFL_MASK) && !full ? name_mask(s, t, n) : s;
	case AF_MONEY:
	case AF_RATE:
		return format_fen(i, t, n);
	case AF_DATE:
		return date_format((int)i, t);
	case AF_MONTH:
		snprintf(t, n, "%04lld-%02lld", (long long)(i / 100), (long long)(i % 100));
		return t;
	case AF_BOOL:
		return i ? (EN ? "yes" : "是") : (EN ? "no" : "否");
	case AF_CODE:
	case AF_ITEM:
		return acode_label((enum alist)f->list, s);
	case AF_GCODE:
		return code_label((enum codelist)f->list, s);
	case AF_PHONE:
		return full ? s : phone_mask(s, t, n);
	case AF_IDNO:
		return full ? s : idno_mask(s, t, n);
	case AF_DIV:
	case AF_VILLAGE: {
		const char *name = strcmp(f->col, r->d->scope) == 0 ? r->r.show[SHOW_DIVISION] : NULL;
		if (name)
			return name;
		view_code(i, t, n);
		return t;
	}
	case AF_HH:
		return r->r.show[SHOW_HH_NO] ? r->r.show[SHOW_HH_NO] : "";
	case AF_MEMBER: {
		const char *id = r->r.show[SHOW_MEMBER_ID];
		return !id ? "" : full ? id : idno_mask(id, t, n);
	}
	case AF_CADRE:
		return r->r.show[SHOW_CADRE] ? r->r.show[SHOW_CADRE] : "";
	case AF_REF:
		return r->r.show[SHOW_REF] ? r->r.show[SHOW_REF] : "";
	default:
		snprintf(t, n, "%lld", (long long)i);
		return t;
	}
}

/* One row of the record list's sheet, or its header when r is NULL: each field with a column, a household
 * followed by its head's name and a member preceded by the person's name, the division when no field names it,
 * and when and by whom it was recorded. cells and room hold RECORD_CELLS(d); returns the number of cells. */
#define RECORD_CELLS(d) (2 * (d)->nf + 3)
static size_t
record_cells(const struct akind_desc *d, const struct arec *r, bool full, const char **cells, char (*room)[96])
{
	bool scoped = false, withheld = r && !full && arec_tells_health(r);
	size_t k = 0;
	for (size_t i = 0; i < d->nf; i++) {
		const struct afield *f = &d->f[i];
		if (!f->col)
			continue;
		scoped |= strcmp(f->col, d->scope) == 0;
		if (f->type == AF_MEMBER)   /* the person's name, then the number */
			cells[k++] = !r ? (EN ? "name" : "姓名") : r->r.show[SHOW_MEMBER] ? r->r.show[SHOW_MEMBER] : "";
		if (!r)
			cells[k] = EN ? f->en : f->zh;
		else if (withheld && (strcmp(f->key, "item") == 0 || strcmp(f->key, "content") == 0))
			cells[k] = EN ? "(withheld)" : "（已隐去）";
		else
			cells[k] = field_cell(r, f, full, room[k], sizeof(room[k]));
		k++;
		if (f->type == AF_HH)       /* and its head */
			cells[k++] = !r ? (EN ? "head" : "户主姓名") : r->r.show[SHOW_HEAD] ? r->r.show[SHOW_HEAD] : "";
	}
	if (!scoped) {
		const char *name = r ? r->r.show[SHOW_DIVISION] : EN ? "division" : "所属区划";
		if (!name)
			view_code(arec_int(r, d->scope), room[k], sizeof(room[k]));
		cells[k] = name ? name : room[k];
		k++;
	}
	if (!r) {
		cells[k++] = EN ? "recorded at" : "登记时间";
		cells[k++] = EN ? "recorded by" : "登记人";
		return k;
	}
	int at = acol(d, "recorded_at"), by = acol(d, "recorded_by");
	cells[k] = r->r.v[at].t == SV_NULL ? "" : stamp_format(r->r.v[at].i, room[k]);
	k++;
	cells[k++] = r->r.v[by].s ? r->r.v[by].s : "";
	return k;
}

enum err
view_arecs_sheet(struct sheet_writer *w, const struct akind_desc *d, const struct arec *v, size_t n, bool head,
    bool full, struct errinfo *e)
{
	const char **cells = xcalloc(RECORD_CELLS(d), sizeof(*cells));
	char (*room)[96] = xcalloc(RECORD_CELLS(d), sizeof(*room));
	enum err rc = ERR_OK;
	if (head)
		rc = sheet_writer_row(w, cells, record_cells(d, NULL, full, cells, room), e);
	for (size_t j = 0; rc == ERR_OK && j < n; j++)
		rc = sheet_writer_row(w, cells, record_cells(d, &v[j], full, cells, room), e);
	free(cells);
	free(room);
	return rc;
}

static void
options_write(struct jw *w, const struct afield *f)
{
	jw_key(w, "options");
	jw_arr(w);
	if (f->type == AF_CODE || f->type == AF_ITEM) {
		const struct acode_list *l = alist((enum alist)f->list);
		for (size_t i = 0; i < l->n; i++) {
			jw_obj(w);
			jw_kstr(w, "code", l->v[i].code);
			jw_kstr(w, "label", EN ? l->v[i].en : l->v[i].zh);
			if (l->v[i].parent)
				jw_kstr(w, "parent", l->v[i].parent);
			jw_obj_end(w);
		}
	} else if (f->type == AF_GCODE) {
		const struct code_list *l = codes_list((enum codelist)f->list);
		for (size_t i = 0; i < l->n; i++) {
			jw_obj(w);
			jw_kstr(w, "code", l->codes[i].code);
			jw_kstr(w, "label", code_label((enum codelist)f->list, l->codes[i].code));
			jw_obj_end(w);
		}
	}
	jw_arr_end(w);
}

void
view_akinds_write(struct buf *out, const char *role)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_key(&w, "kinds");
	jw_arr(&w);
	for (int k = 0; k < AK__MAX; k++) {
		const struct akind_desc *d = &akinds[k];
		if (!akind_readable(d, role))
			continue;
		jw_obj(&w);
		jw_kstr(&w, "code", d->code);
		jw_kstr(&w, "plural", d->plural);
		jw_kstr(&w, "label", EN ? d->en : d->zh);
		jw_kstr(&w, "group", d->group == AG_SUPERVISE ? "supervision" : "assistance");
		jw_kbool(&w, "writable", akind_writable(d, role));
		jw_kstr(&w, "parent", d->ref_kind >= 0 && d->ref && strcmp(d->ref, "cadre_id") != 0 ?
		    akinds[d->ref_kind].code : NULL);
		jw_key(&w, "fields");
		jw_arr(&w);
		for (size_t i = 0; i < d->nf; i++) {
			const struct afield *f = &d->f[i];
			jw_obj(&w);
			jw_kstr(&w, "key", f->key);
			jw_kstr(&w, "label", EN ? f->en : f->zh);
			jw_kstr(&w, "type", type_name(f->type));
			jw_kbool(&w, "required", (f->flags & AFL_REQ) != 0);
			jw_kbool(&w, "mutable", (f->flags & AFL_MUT) != 0);
			jw_kbool(&w, "list", (f->flags & AFL_LIST) != 0);
			jw_kbool(&w, "personal", (f->flags & AFL_MASK) != 0);
			jw_kbool(&w, "auto", (f->flags & AFL_AUTO) != 0);
			if (f->type == AF_REF || f->type == AF_PERSONS || f->type == AF_HOUSEHOLDS)
				jw_kstr(&w, "ref", akinds[f->list].code);
			if (f->type == AF_TEXT)
				jw_kint(&w, "max", f->max);
			if (f->type == AF_CODE || f->type == AF_GCODE || f->type == AF_ITEM)
				options_write(&w, f);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
}

/* ---- the assistance report ---- */

static void
cell_write(struct jw *w, const char *code, const char *label, const struct assist_cell *c)
{
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "label", label);
	jw_kint(w, "records", c->records);
	jw_kint(w, "households", c->households);
	jw_kint(w, "persons", c->persons);
	jw_kmoney(w, "amount", c->amount);
	jw_kint(w, "jobs", c->jobs);
	jw_obj_end(w);
}

static const char *
paid_label(const char *kind)
{
	if (strcmp(kind, "post") == 0)
		return EN ? "public-post subsidies" : "公益性岗位补贴";
	if (strcmp(kind, "benefit") == 0)
		return EN ? "wages and dividends of projects" : "项目务工收入与分红";
	if (strcmp(kind, "asset") == 0)
		return EN ? "asset income" : "资产收益分配";
	if (strncmp(kind, "aid:", 4) == 0) {
		const struct akind_desc *d = akind_find(kind + 4);
		if (d)
			return EN ? d->en : d->zh;
	}
	return kind;
}

void
view_assist_write(struct buf *out, const struct assist_result *r)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kdate(&w, "from", r->from);
	jw_kdate(&w, "to", r->to);
	jw_key(&w, "division");
	view_division_write(&w, &r->div);
	jw_key(&w, "rows");
	jw_arr(&w);
	for (int i = 0; i < AR__MAX; i++)
		cell_write(&w, arow_code((enum arow_code)i), arow_label((enum arow_code)i), &r->rows[i]);
	jw_arr_end(&w);
	const struct assist_coverage *c = &r->cov;
	jw_key(&w, "coverage");
	jw_obj(&w);
	jw_kshare(&w, "medical_insurance", assist_share(c->insured_medical, c->persons));
	jw_kshare(&w, "serious_illness_insurance", assist_share(c->insured_serious, c->persons));
	jw_kshare(&w, "cadre", assist_share(c->with_cadre, c->households));
	jw_kshare(&w, "visited", assist_share(c->visited, c->households));
	jw_obj_end(&w);
	jw_key(&w, "coverage_base");
	jw_obj(&w);
	jw_kint(&w, "households", c->households);
	jw_kint(&w, "persons", c->persons);
	jw_kint(&w, "with_cadre", c->with_cadre);
	jw_kint(&w, "visited", c->visited);
	jw_kint(&w, "insured_medical", c->insured_medical);
	jw_kint(&w, "insured_serious_illness", c->insured_serious);
	jw_kint(&w, "visit_days", r->visit_days);
	jw_obj_end(&w);
	jw_key(&w, "measures");
	jw_arr(&w);
	for (size_t i = 0; i < r->n_measures; i++) {
		const struct measure_cell *m = &r->measures[i];
		jw_obj(&w);
		jw_kstr(&w, "category", m->category);
		jw_kstr(&w, "label", acode_label(AL_CATEGORY, m->category));
		jw_kint(&w, "records", m->records);
		jw_kint(&w, "households", m->households);
		jw_kint(&w, "persons", m->persons);
		jw_kmoney(&w, "amount", m->amount);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "loans");
	jw_arr(&w);
	for (size_t i = 0; i < r->n_loans; i++) {
		const struct loan_cell *l = &r->loans[i];
		jw_obj(&w);
		jw_kstr(&w, "product", l->product);
		jw_kstr(&w, "label", acode_label(AL_LOAN_PRODUCT, l->product));
		jw_kint(&w, "granted", l->granted);
		jw_kmoney(&w, "granted_amount", l->granted_amount);
		jw_kint(&w, "outstanding", l->outstanding);
		jw_kmoney(&w, "balance", l->balance);
		jw_kint(&w, "overdue", l->overdue);
		jw_kmoney(&w, "overdue_balance", l->overdue_balance);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "paid");
	jw_arr(&w);
	for (size_t i = 0; i < r->n_paid; i++) {
		jw_obj(&w);
		jw_kstr(&w, "kind", r->paid[i].kind);
		jw_kstr(&w, "label", paid_label(r->paid[i].kind));
		jw_kint(&w, "records", r->paid[i].records);
		jw_kint(&w, "households", r->paid[i].households);
		jw_kmoney(&w, "amount", r->paid[i].amount);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
}

/* Cells of the report, one row at a time, for CSV and sheets. */
typedef enum err (*row_fn)(void *ctx, const char *const *cells, size_t n, struct errinfo *e);

static enum err
assist_cells(const struct assist_result *r, row_fn fn, void *ctx, struct errinfo *e)
{
	char a[11], b[11], c[7][40];
	const char *head[] = { EN ? "code" : "代码", EN ? "item" : "项目", EN ? "records" : "记录数",
		EN ? "households" : "户数", EN ? "persons" : "人数", EN ? "amount (yuan)" : "金额（元）",
		EN ? "jobs" : "岗位数" };
	enum err rc;
	const char *title[] = { r->div.name ? r->div.name : "", date_format(r->from, a), date_format(r->to, b) };
	if ((rc = fn(ctx, title, 3, e)) != ERR_OK || (rc = fn(ctx, head, 7, e)) != ERR_OK)
		return rc;
	for (int i = 0; i < AR__MAX; i++) {
		const struct assist_cell *x = &r->rows[i];
		snprintf(c[0], 40, "%lld", (long long)x->records);
		snprintf(c[1], 40, "%lld", (long long)x->households);
		snprintf(c[2], 40, "%lld", (long long)x->persons);
		money_text(x->amount, c[3], 40);
		snprintf(c[4], 40, "%lld", (long long)x->jobs);
		const char *row[] = { arow_code((enum arow_code)i), arow_label((enum arow_code)i), c[0], c[1], c[2], c[3], c[4] };
		if ((rc = fn(ctx, row, 7, e)) != ERR_OK)
			return rc;
	}
	const struct assist_coverage *v = &r->cov;
	const char *chead[] = { EN ? "coverage" : "覆盖", EN ? "share" : "比例", EN ? "of" : "基数" };
	if ((rc = fn(ctx, NULL, 0, e)) != ERR_OK || (rc = fn(ctx, chead, 3, e)) != ERR_OK)
		return rc;
	struct {
		const char *zh, *en;
		int64_t part, whole;
	} cov[] = {
		{ "落实帮扶责任人（户）", "households with a cadre", v->with_cadre, v->households },
		{ "按期走访（户）", "households visited in time", v->visited, v->households },
		{ "参加居民医疗保险（人）", "persons with medical insurance", v->insured_medical, v->persons },
		{ "参加大病保险（人）", "persons with serious illness insurance", v->insured_serious, v->persons },
	};
	for (size_t i = 0; i < NELEM(cov); i++) {
		snprintf(c[0], 40, "%.2f%%", 100.0 * assist_share(cov[i].part, cov[i].whole));
		snprintf(c[1], 40, "%lld/%lld", (long long)cov[i].part, (long long)cov[i].whole);
		const char *row[] = { EN ? cov[i].en : cov[i].zh, c[0], c[1] };
		if ((rc = fn(ctx, row, 3, e)) != ERR_OK)
			return rc;
	}
	const char *mhead[] = { EN ? "category" : "帮扶类别", EN ? "records" : "记录数", EN ? "households" : "户数",
		EN ? "persons" : "人数", EN ? "amount (yuan)" : "金额（元）" };
	if ((rc = fn(ctx, NULL, 0, e)) != ERR_OK || (rc = fn(ctx, mhead, 5, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < r->n_measures; i++) {
		const struct measure_cell *m = &r->measures[i];
		snprintf(c[0], 40, "%lld", (long long)m->records);
		snprintf(c[1], 40, "%lld", (long long)m->households);
		snprintf(c[2], 40, "%lld", (long long)m->persons);
		money_text(m->amount, c[3], 40);
		const char *row[] = { acode_label(AL_CATEGORY, m->category), c[0], c[1], c[2], c[3] };
		if ((rc = fn(ctx, row, 5, e)) != ERR_OK)
			return rc;
	}
	const char *lhead[] = { EN ? "loan product" : "贷款产品", EN ? "granted" : "发放笔数", EN ? "granted (yuan)" : "发放金额（元）",
		EN ? "outstanding" : "未结清笔数", EN ? "balance (yuan)" : "贷款余额（元）", EN ? "overdue" : "逾期笔数",
		EN ? "overdue (yuan)" : "逾期余额（元）" };
	if ((rc = fn(ctx, NULL, 0, e)) != ERR_OK || (rc = fn(ctx, lhead, 7, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < r->n_loans; i++) {
		const struct loan_cell *l = &r->loans[i];
		snprintf(c[0], 40, "%lld", (long long)l->granted);
		money_text(l->granted_amount, c[1], 40);
		snprintf(c[2], 40, "%lld", (long long)l->outstanding);
		money_text(l->balance, c[3], 40);
		snprintf(c[4], 40, "%lld", (long long)l->overdue);
		money_text(l->overdue_balance, c[5], 40);
		const char *row[] = { acode_label(AL_LOAN_PRODUCT, l->product), c[0], c[1], c[2], c[3], c[4], c[5] };
		if ((rc = fn(ctx, row, 7, e)) != ERR_OK)
			return rc;
	}
	const char *phead[] = { EN ? "money paid" : "资金发放", EN ? "records" : "笔数", EN ? "households" : "户数",
		EN ? "amount (yuan)" : "金额（元）" };
	if ((rc = fn(ctx, NULL, 0, e)) != ERR_OK || (rc = fn(ctx, phead, 4, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < r->n_paid; i++) {
		snprintf(c[0], 40, "%lld", (long long)r->paid[i].records);
		snprintf(c[1], 40, "%lld", (long long)r->paid[i].households);
		money_text(r->paid[i].amount, c[2], 40);
		const char *row[] = { paid_label(r->paid[i].kind), c[0], c[1], c[2] };
		if ((rc = fn(ctx, row, 4, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

static void
csv_cell(struct buf *out, const char *s)
{
	/* a cell that would start a formula is quoted with a leading ' (as the sheet writer does) */
	bool formula = s[0] == '=' || s[0] == '+' || (s[0] == '-' && !(s[1] >= '0' && s[1] <= '9')) || s[0] == '@';
	if (formula || strpbrk(s, ",\"\r\n")) {
		buf_putc(out, '"');
		if (formula)
			buf_putc(out, '\'');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(out, '"');
			buf_putc(out, *s);
		}
		buf_putc(out, '"');
	} else
		buf_puts(out, s);
}

static enum err
csv_row(void *ctx, const char *const *cells, size_t n, struct errinfo *e)
{
	(void)e;
	struct buf *out = ctx;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ',');
		csv_cell(out, cells[i] ? cells[i] : "");
	}
	buf_puts(out, "\r\n");
	return ERR_OK;
}

static enum err
sheet_row(void *ctx, const char *const *cells, size_t n, struct errinfo *e)
{
	static const char *const none[] = { "" };
	return sheet_writer_row(ctx, n ? cells : none, n ? n : 1, e);
}

void
view_assist_csv(const struct assist_result *r, struct buf *out)
{
	assist_cells(r, csv_row, out, NULL);
}

enum err
view_assist_sheet(const struct assist_result *r, struct sheet_writer *w, struct errinfo *e)
{
	return assist_cells(r, sheet_row, w, e);
}

void
view_assist_table(const struct assist_result *r, struct buf *out)
{
	char a[11], b[11], code[16];
	view_code(r->div.code, code, sizeof(code));
	buf_printf(out, EN ? "%s%s%s%s  assistance from %s to %s\n" : "%s%s%s%s  帮扶情况 %s 至 %s\n", r->div.name,
	    code[0] ? (EN ? " (" : "（") : "", code, code[0] ? (EN ? ")" : "）") : "", date_format(r->from, a),
	    date_format(r->to, b));
	struct text_table tb;
	table_init(&tb, 6);
	const char *head[] = { EN ? "item" : "项目", EN ? "records" : "记录数", EN ? "households" : "户数",
		EN ? "persons" : "人数", EN ? "amount (yuan)" : "金额（元）", EN ? "jobs" : "岗位数" };
	table_row(&tb, head);
	for (int i = 1; i < 6; i++)
		table_right(&tb, (size_t)i);
	for (int i = 0; i < AR__MAX; i++) {
		const struct assist_cell *x = &r->rows[i];
		char c[5][40];
		snprintf(c[0], 40, "%lld", (long long)x->records);
		snprintf(c[1], 40, "%lld", (long long)x->households);
		snprintf(c[2], 40, "%lld", (long long)x->persons);
		money_text(x->amount, c[3], 40);
		snprintf(c[4], 40, "%lld", (long long)x->jobs);
		const char *row[] = { arow_label((enum arow_code)i), c[0], c[1], c[2], c[3], c[4] };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	const struct assist_coverage *v = &r->cov;
	buf_printf(out, EN ? "on %s, of %lld households (%lld persons) poor, with policy or monitored: %lld with a cadre (%.2f%%), "
			   "%lld visited within %d days (%.2f%%); %lld persons with medical insurance (%.2f%%), %lld with "
			   "serious illness insurance (%.2f%%)\n"
			 : "%s 享受政策的建档立卡户和监测对象 %lld 户 %lld 人中：落实帮扶责任人 %lld 户（%.2f%%），%lld 户在 %d 天内走访"
			   "（%.2f%%）；参加居民医疗保险 %lld 人（%.2f%%），参加大病保险 %lld 人（%.2f%%）\n",
	    date_format(r->to, b), (long long)v->households, (long long)v->persons, (long long)v->with_cadre,
	    100 * assist_share(v->with_cadre, v->households), (long long)v->visited, r->visit_days,
	    100 * assist_share(v->visited, v->households), (long long)v->insured_medical,
	    100 * assist_share(v->insured_medical, v->persons), (long long)v->insured_serious,
	    100 * assist_share(v->insured_serious, v->persons));
	buf_puts(out, EN ? "\nmeasures by category\n" : "\n帮扶措施（按类别）\n");
	table_init(&tb, 5);
	const char *mh[] = { EN ? "category" : "类别", EN ? "records" : "记录数", EN ? "households" : "户数",
		EN ? "persons" : "人数", EN ? "amount (yuan)" : "金额（元）" };
	table_row(&tb, mh);
	for (int i = 1; i < 5; i++)
		table_right(&tb, (size_t)i);
	for (size_t i = 0; i < r->n_measures; i++) {
		const struct measure_cell *m = &r->measures[i];
		char c[4][40];
		snprintf(c[0], 40, "%lld", (long long)m->records);
		snprintf(c[1], 40, "%lld", (long long)m->households);
		snprintf(c[2], 40, "%lld", (long long)m->persons);
		money_text(m->amount, c[3], 40);
		const char *row[] = { acode_label(AL_CATEGORY, m->category), c[0], c[1], c[2], c[3] };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	if (r->n_loans) {
		buf_puts(out, EN ? "\nloans\n" : "\n扶贫贷款\n");
		table_init(&tb, 7);
		const char *lh[] = { EN ? "product" : "产品", EN ? "granted" : "发放笔数", EN ? "granted (yuan)" : "发放金额（元）",
			EN ? "outstanding" : "未结清", EN ? "balance (yuan)" : "余额（元）", EN ? "overdue" : "逾期",
			EN ? "overdue (yuan)" : "逾期余额（元）" };
		table_row(&tb, lh);
		for (int i = 1; i < 7; i++)
			table_right(&tb, (size_t)i);
		for (size_t i = 0; i < r->n_loans; i++) {
			const struct loan_cell *l = &r->loans[i];
			char c[6][40];
			snprintf(c[0], 40, "%lld", (long long)l->granted);
			money_text(l->granted_amount, c[1], 40);
			snprintf(c[2], 40, "%lld", (long long)l->outstanding);
			money_text(l->balance, c[3], 40);
			snprintf(c[4], 40, "%lld", (long long)l->overdue);
			money_text(l->overdue_balance, c[5], 40);
			const char *row[] = { acode_label(AL_LOAN_PRODUCT, l->product), c[0], c[1], c[2], c[3], c[4], c[5] };
			table_row(&tb, row);
		}
		table_render(&tb, out);
		table_free(&tb);
	}
}

/* ---- supervision ---- */

void
view_supervision_write(struct buf *out, const struct supervision_result *r)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kdate(&w, "from", r->from);
	jw_kdate(&w, "to", r->to);
	jw_key(&w, "division");
	view_division_write(&w, &r->div);
	jw_kint(&w, "cases", r->cases);
	jw_kint(&w, "persons_handled", r->persons);
	jw_key(&w, "rows");
	jw_arr(&w);
	for (size_t i = 0; i < r->n_rows; i++) {
		jw_obj(&w);
		jw_kstr(&w, "code", r->rows[i].category);
		jw_kstr(&w, "label", acode_label(AL_CASE_CATEGORY, r->rows[i].category));
		jw_kint(&w, "cases", r->rows[i].cases);
		jw_kint(&w, "persons", r->rows[i].persons);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "complaints");
	jw_obj(&w);
	jw_kint(&w, "received", r->complaints.received);
	jw_kint(&w, "answered", r->complaints.answered);
	jw_kint(&w, "open", r->complaints.open);
	jw_kint(&w, "overdue", r->complaints.overdue);
	jw_obj_end(&w);
	jw_obj_end(&w);
}

static enum err
supervision_cells(const struct supervision_result *r, row_fn fn, void *ctx, struct errinfo *e)
{
	char a[11], b[11], c[2][24];
	enum err rc;
	const char *title[] = { r->div.name ? r->div.name : "", date_format(r->from, a), date_format(r->to, b) };
	const char *head[] = { EN ? "code" : "代码", EN ? "category" : "问题类别", EN ? "cases" : "案件数",
		EN ? "persons" : "处理人数" };
	if ((rc = fn(ctx, title, 3, e)) != ERR_OK || (rc = fn(ctx, head, 4, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i <= r->n_rows; i++) {
		bool total = i == r->n_rows;
		snprintf(c[0], 24, "%lld", (long long)(total ? r->cases : r->rows[i].cases));
		snprintf(c[1], 24, "%lld", (long long)(total ? r->persons : r->rows[i].persons));
		const char *row[] = { total ? "" : r->rows[i].category, total ? (EN ? "total" : "合计") :
			acode_label(AL_CASE_CATEGORY, r->rows[i].category), c[0], c[1] };
		if ((rc = fn(ctx, row, 4, e)) != ERR_OK)
			return rc;
	}
	/* the complaints, as the screen and the table show them below the cases (the download left them out) */
	const char *chead[] = { EN ? "code" : "代码", EN ? "complaints" : "举报投诉", EN ? "count" : "件数" };
	if ((rc = fn(ctx, NULL, 0, e)) != ERR_OK || (rc = fn(ctx, chead, 3, e)) != ERR_OK)
		return rc;
	const struct {
		const char *code, *zh, *en;
		int64_t n;
	} cl[] = {
		{ "received", "受理", "received", r->complaints.received },
		{ "answered", "已答复", "answered", r->complaints.answered },
		{ "open", "未办结", "open", r->complaints.open },
		{ "overdue", "其中超期", "of which past their deadline", r->complaints.overdue },
	};
	for (size_t i = 0; i < NELEM(cl); i++) {
		snprintf(c[0], 24, "%lld", (long long)cl[i].n);
		const char *row[] = { cl[i].code, EN ? cl[i].en : cl[i].zh, c[0] };
		if ((rc = fn(ctx, row, 3, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

void
view_supervision_csv(const struct supervision_result *r, struct buf *out)
{
	supervision_cells(r, csv_row, out, NULL);
}

enum err
view_supervision_sheet(const struct supervision_result *r, struct sheet_writer *w, struct errinfo *e)
{
	return supervision_cells(r, sheet_row, w, e);
}

void
view_supervision_table(const struct supervision_result *r, struct buf *out)
{
	char a[11], b[11];
	buf_printf(out, EN ? "%s  supervision from %s to %s: %lld cases, %lld persons held accountable\n"
			   : "%s  督查问责 %s 至 %s：查处问题 %lld 起，处理 %lld 人\n",
	    r->div.name, date_format(r->from, a), date_format(r->to, b), (long long)r->cases, (long long)r->persons);
	struct text_table tb;
	table_init(&tb, 3);
	const char *head[] = { EN ? "category" : "问题类别", EN ? "cases" : "案件数", EN ? "persons" : "处理人数" };
	table_row(&tb, head);
	table_right(&tb, 1);
	table_right(&tb, 2);
	for (size_t i = 0; i < r->n_rows; i++) {
		char c[2][24];
		snprintf(c[0], 24, "%lld", (long long)r->rows[i].cases);
		snprintf(c[1], 24, "%lld", (long long)r->rows[i].persons);
		const char *row[] = { acode_label(AL_CASE_CATEGORY, r->rows[i].category), c[0], c[1] };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	buf_printf(out, EN ? "complaints: %lld received, %lld answered, %lld open (%lld past their deadline)\n"
			   : "举报投诉：受理 %lld 件，已答复 %lld 件，未办结 %lld 件（其中超期 %lld 件）\n",
	    (long long)r->complaints.received, (long long)r->complaints.answered, (long long)r->complaints.open,
	    (long long)r->complaints.overdue);
}

/* ---- asset ledgers ---- */

void
view_ledger_write(struct buf *out, const struct asset_ledger *l)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kdate(&w, "as_of", l->day);
	jw_kint(&w, "year", l->from / 10000);
	jw_key(&w, "division");
	view_division_write(&w, &l->div);
	jw_key(&w, "totals");
	jw_obj(&w);
	jw_kint(&w, "assets", l->assets);
	jw_kmoney(&w, "value", l->value);
	jw_kmoney(&w, "income", l->income);
	jw_obj_end(&w);
	jw_key(&w, "by_class");
	jw_arr(&w);
	for (size_t i = 0; i < l->n_class; i++) {
		const struct asset_cell *c = &l->by_class[i];
		jw_obj(&w);
		jw_key(&w, "class");
		jw_code(&w, AL_ASSET_CLASS, c->class_);
		jw_key(&w, "owner_level");
		jw_code(&w, AL_OWNER_LEVEL, c->owner_level);
		jw_kint(&w, "assets", c->assets);
		jw_kmoney(&w, "value", c->value);
		jw_kmoney(&w, "income", c->income);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "by_village");
	jw_arr(&w);
	for (size_t i = 0; i < l->n_village; i++) {
		const struct asset_cell *c = &l->by_village[i];
		jw_obj(&w);
		jw_key(&w, "village");
		jw_div(&w, c->village, c->village_name);
		jw_kint(&w, "assets", c->assets);
		jw_kmoney(&w, "value", c->value);
		jw_kmoney(&w, "income", c->income);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "items");
	jw_arr(&w);
	for (size_t i = 0; i < l->n_items; i++)
		view_arec_write(&w, &l->items[i], false);
	jw_arr_end(&w);
	jw_obj_end(&w);
}

void
view_ledger_table(const struct asset_ledger *l, struct buf *out)
{
	char d[11], v[40], in[40];
	money_text(l->value, v, sizeof(v));
	money_text(l->income, in, sizeof(in));
	buf_printf(out, EN ? "%s  project assets on %s: %lld assets worth %s yuan; income distributed in %d: %s yuan\n"
			   : "%s  扶贫项目资产台账（截至 %s）：资产 %lld 项，价值 %s 元；%d 年收益分配 %s 元\n",
	    l->div.name, date_format(l->day, d), (long long)l->assets, v, l->from / 10000, in);
	struct text_table tb;
	table_init(&tb, 5);
	const char *head[] = { EN ? "class" : "资产类别", EN ? "owner" : "确权对象", EN ? "assets" : "项数",
		EN ? "value (yuan)" : "价值（元）", EN ? "income (yuan)" : "收益（元）" };
	table_row(&tb, head);
	for (int i = 2; i < 5; i++)
		table_right(&tb, (size_t)i);
	for (size_t i = 0; i < l->n_class; i++) {
		const struct asset_cell *c = &l->by_class[i];
		char n[24];
		snprintf(n, sizeof(n), "%lld", (long long)c->assets);
		money_text(c->value, v, sizeof(v));
		money_text(c->income, in, sizeof(in));
		const char *row[] = { acode_label(AL_ASSET_CLASS, c->class_), acode_label(AL_OWNER_LEVEL, c->owner_level), n, v,
			in };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
	if (l->n_items) {
		buf_puts(out, EN ? "\nassets of the village\n" : "\n村级资产明细\n");
		table_init(&tb, 5);
		const char *h2[] = { EN ? "asset" : "资产名称", EN ? "class" : "类别", EN ? "value (yuan)" : "价值（元）",
			EN ? "owner" : "确权对象", EN ? "operator" : "经营主体" };
		table_row(&tb, h2);
		table_right(&tb, 2);
		for (size_t i = 0; i < l->n_items; i++) {
			const struct arec *r = &l->items[i];
			money_text(arec_int(r, "value"), v, sizeof(v));
			const char *row[] = { arec_text(r, "name"), acode_label(AL_ASSET_CLASS, arec_text(r, "class")), v,
				acode_label(AL_OWNER_LEVEL, arec_text(r, "owner_level")), arec_text(r, "operator") };
			table_row(&tb, row);
		}
		table_render(&tb, out);
		table_free(&tb);
	}
}

/* ---- households and cadres ---- */

static void
hh_view_write(struct jw *w, const struct assist_hh_view *x)
{
	char code[16];
	jw_obj(w);
	jw_kstr(w, "hh_no", x->h.hh_no);
	jw_kstr(w, "head", x->h.head);
	view_code(x->h.village, code, sizeof(code));
	jw_key(w, "village");
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "name", x->h.village_name);
	jw_obj_end(w);
	jw_key(w, "status");
	jw_obj(w);
	jw_kstr(w, "code", status_code(x->h.status));
	jw_kstr(w, "label", status_label(x->h.status));
	jw_obj_end(w);
	jw_kbool(w, "monitored", x->h.monitored);
	jw_kint(w, "persons", x->h.persons);
	jw_key(w, "cadre");
	if (x->h.cadre_id) {
		jw_obj(w);
		jw_kint(w, "id", x->h.cadre_id);
		jw_kstr(w, "name", x->h.cadre_name);
		jw_kdate(w, "since", x->h.pairing_start);
		jw_obj_end(w);
	} else
		jw_null(w);
	jw_kdate(w, "last_visit", x->h.last_visit);
	jw_kdate(w, "due", x->due);
	jw_kbool(w, "overdue", x->overdue);
	jw_obj_end(w);
}

void
view_assist_hh_write(struct buf *out, const struct assist_hh_view *v, size_t n, int day, int64_t total)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kdate(&w, "as_of", day);
	jw_kint(&w, "total", total);
	jw_key(&w, "items");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++)
		hh_view_write(&w, &v[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
}

void
view_assist_hh_table(const struct assist_hh_view *v, size_t n, struct buf *out)
{
	struct text_table tb;
	table_init(&tb, 7);
	const char *head[] = { EN ? "household" : "户编号", EN ? "head" : "户主", EN ? "village" : "村",
		EN ? "status" : "状态", EN ? "cadre" : "帮扶责任人", EN ? "last visit" : "最近走访", EN ? "due" : "应走访日期" };
	table_row(&tb, head);
	for (size_t i = 0; i < n; i++) {
		char a[11], b[16];
		const struct assist_hh_view *x = &v[i];
		if (x->due)
			snprintf(b, sizeof(b), "%s%s", date_format(x->due, a), x->overdue ? (EN ? " !" : "！") : "");
		else
			b[0] = '\0';
		char lv[11];
		const char *row[] = { x->h.hh_no, x->h.head, x->h.village_name, status_label(x->h.status),
			x->h.cadre_id ? x->h.cadre_name : (EN ? "(nobody)" : "（未落实）"),
			x->h.last_visit ? date_format(x->h.last_visit, lv) : "", b };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
}

void
view_cadre_loads_write(struct buf *out, const struct cadre_load *v, size_t n, int limit)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kint(&w, "limit", limit);
	jw_key(&w, "items");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", v[i].id);
		jw_kstr(&w, "name", v[i].name);
		jw_kstr(&w, "unit", v[i].unit);
		jw_key(&w, "affiliation");
		jw_code(&w, AL_AFFILIATION, v[i].affiliation);
		jw_kint(&w, "households", v[i].households);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
}

void
view_cadre_loads_table(struct buf *out, const struct cadre_load *v, size_t n, int limit)
{
	if (!n) {
		buf_printf(out, EN ? "no cadre helps more than %d households\n" : "没有帮扶户数超过 %d 户的帮扶责任人\n", limit);
		return;
	}
	buf_printf(out, EN ? "cadres helping more than %d households\n" : "帮扶户数超过 %d 户的帮扶责任人\n", limit);
	struct text_table tb;
	table_init(&tb, 4);
	const char *head[] = { EN ? "name" : "姓名", EN ? "unit" : "工作单位", EN ? "affiliation" : "单位隶属关系",
		EN ? "households" : "帮扶户数" };
	table_row(&tb, head);
	table_right(&tb, 3);
	for (size_t i = 0; i < n; i++) {
		char hh[24];
		snprintf(hh, sizeof(hh), "%lld", (long long)v[i].households);
		const char *row[] = { v[i].name ? v[i].name : "", v[i].unit ? v[i].unit : "",
			v[i].affiliation ? acode_label(AL_AFFILIATION, v[i].affiliation) : "", hh };
		table_row(&tb, row);
	}
	table_render(&tb, out);
	table_free(&tb);
}

/* ---- one household ---- */

static void
recs_write(struct jw *w, const char *key, const struct arec *v, size_t n, bool full)
{
	jw_key(w, key);
	jw_arr(w);
	for (size_t i = 0; i < n; i++)
		view_arec_write(w, &v[i], full);
	jw_arr_end(w);
}

static void
household_core(struct jw *w, const struct assist_household *h, bool full)
{
	jw_kdate(w, "as_of", h->day);
	jw_kint(w, "visit_days", h->visit_days);
	jw_kbool(w, "needs_visits", h->needs_visits);
	jw_key(w, "cadre");
	if (h->cadre)
		view_arec_write(w, h->cadre, full);
	else
		jw_null(w);
	/* of the cadre shown and of the visits listed, also for a household that needs no visits now (its
	 * due-visit figures are only for one that does) */
	jw_kdate(w, "cadre_since", h->cadre ? h->cadre_since : 0);
	jw_kdate(w, "last_visit", h->now.h.last_visit ? h->now.h.last_visit : h->last_visit);
	jw_kdate(w, "due", h->now.due);
	jw_kbool(w, "overdue", h->now.overdue);
	recs_write(w, "pairings", h->pairings, h->n_pairings, full);
	jw_key(w, "visits");
	jw_arr(w);
	for (size_t i = h->n_visits; i-- > 0;) {
		/* newest first, each with whether it came late */
		struct buf one;
		buf_init(&one);
		struct jw w1;
		jw_init(&w1, &one);
		view_arec_write(&w1, &h->visits[i], full);
		/* splice "late" before the closing brace */
		if (one.n && one.p[one.n - 1] == '}') {
			one.n--;
			buf_puts(&one, h->late && h->late[i] ? ",\"late\":true}" : ",\"late\":false}");
		}
		jw_raw(w, one.p);
		buf_free(&one);
	}
	jw_arr_end(w);
	recs_write(w, "measures", h->measures, h->n_measures, full);
	recs_write(w, "posts", h->posts, h->n_posts, full);
	recs_write(w, "benefits", h->benefits, h->n_benefits, full);
	recs_write(w, "loans", h->loans, h->n_loans, full);
	recs_write(w, "aid", h->aid, h->n_aid, full);
	recs_write(w, "payments", h->payments, h->n_payments, full);
}

void
view_assist_household_write(struct buf *out, const struct assist_household *h, bool full)
{
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kstr(&w, "hh_no", h->h->hh_no);
	household_core(&w, h, full);
	jw_obj_end(&w);
}

/* The measures a household has received, by category: its measure records and the specialised records as
 * lines of the 明白卡 / the handbook's section 6. */
struct mline {
	const char *category, *item, *text, *unit;
	int day, year;
	int64_t amount;   /* -1 none */
	bool signed_;
	bool withheld;    /* a measure that tells of health, masked: item and text NULL (the category stays) */
};

/* full: a full view (audited); otherwise a line that tells of health shows its category alone */
static size_t
measure_lines(const struct assist_household *h, int year, bool full, struct mline *out, size_t max, struct arena *a)
{
	size_t n = 0;
#define PUT(...) do { if (n < max) out[n++] = (struct mline){ __VA_ARGS__ }; } while (0)
	for (size_t i = 0; i < h->n_measures; i++) {
		const struct arec *r = &h->measures[i];
		int y = (int)arec_int(r, "year");
		if (year && y != year)
			continue;
		bool wh = !full && arec_tells_health(r);
		PUT(arec_text(r, "category"), wh || !arec_text(r, "item") ? NULL : acode_label(AL_ITEM, arec_text(r, "item")),
		    wh ? NULL : arec_text(r, "content"), arec_text(r, "unit"), (int)arec_int(r, "measure_date"), y,
		    arec_null(r, "amount") ? -1 : arec_int(r, "amount"), arec_int(r, "signed") != 0, wh);
	}
	for (size_t i = 0; i < h->n_posts; i++) {
		const struct arec *r = &h->posts[i];
		int s = (int)arec_int(r, "start_date"), e = arec_null(r, "end_date") ? DATE_INF : (int)arec_int(r, "end_date");
		if (year && (s / 10000 > year || e / 10000 < year))
			continue;
		char *t = arena_printf(a, "%s %s%s", r->r.show[SHOW_MEMBER] ? r->r.show[SHOW_MEMBER] : "",
		    arec_text(r, "title") ? arec_text(r, "title") : acode_label(AL_POST_KIND, arec_text(r, "post_kind")),
		    EN ? " (monthly subsidy)" : "（月补贴）");
		PUT("public_post", acode_label(AL_POST_KIND, arec_text(r, "post_kind")), t, NULL, s, s / 10000,
		    arec_int(r, "monthly"), false, false);
	}
	for (size_t i = 0; i < h->n_benefits; i++) {
		const struct arec *r = &h->benefits[i];
		int s = (int)arec_int(r, "start_date"), e = arec_null(r, "end_date") ? DATE_INF : (int)arec_int(r, "end_date");
		if (year && (s / 10000 > year || e / 10000 < year))
			continue;
		const char *cat = h->benefit_category ? h->benefit_category[i] : "industry";
		char *t = arena_printf(a, "%s %s%s%s", r->r.show[SHOW_MEMBER] ? r->r.show[SHOW_MEMBER] : "",
		    r->r.show[SHOW_REF] ? r->r.show[SHOW_REF] : "", arec_text(r, "mode") ? " · " : "",
		    arec_text(r, "mode") ? acode_label(AL_BENEFIT_MODE, arec_text(r, "mode")) : "");
		PUT(cat, EN ? r->d->en : r->d->zh, t, NULL, s, s / 10000, -1, false, false);
	}
	for (size_t i = 0; i < h->n_aid; i++) {
		const struct arec *r = &h->aid[i];
		int d = (int)arec_int(r, "aid_date"), y = arec_null(r, "year") ? d / 10000 : (int)arec_int(r, "year");
		if (year && y != year)
			continue;
		enum akind k = r->d->k;
		const char *cat = k == AK_YULU ? "education" : (k == AK_CHARITY_CARD || k == AK_CHARITY_VISIT) ? "social" :
		    "health";
		const char *who = r->r.show[SHOW_MEMBER];
		const char *paid = arec_text(r, "paid_by");
		char *t = arena_printf(a, "%s%s%s", who ? who : "", paid ? " · " : "", paid ? acode_label(AL_PAID_BY, paid) : "");
		/* insurance and the free check-up are everyone's: they tell of no one's health */
		PUT(cat, EN ? r->d->en : r->d->zh, t, arec_text(r, "provider"), d, y, arec_null(r, "amount") ? -1 :
		    arec_int(r, "amount"), false, false);
	}
#undef PUT
	return n;
}

static void
household_fields(struct jw *w, const struct household_view *hv, bool full)
{
	const struct household *hh = hv->h;
	jw_kstr(w, "hh_no", hh->hh_no);
	jw_key(w, "village");
	if (hv->village)
		view_division_write(w, hv->village);
	else
		jw_null(w);
	jw_key(w, "town");
	if (hv->town)
		view_division_write(w, hv->town);
	else
		jw_null(w);
	jw_key(w, "status");
	jw_obj(w);
	jw_kstr(w, "code", status_code(hv->status_at));
	jw_kstr(w, "label", status_label(hv->status_at));
	jw_obj_end(w);
	jw_key(w, "attribute");
	jw_obj(w);
	jw_kstr(w, "code", hh->attribute);
	jw_kstr(w, "label", code_label(CL_ATTRIBUTE, hh->attribute));
	jw_obj_end(w);
	jw_key(w, "cause_main");
	jw_obj(w);
	jw_kstr(w, "code", hh->cause_main);
	jw_kstr(w, "label", code_label(CL_CAUSE, hh->cause_main));
	jw_obj_end(w);
	jw_key(w, "cause_other");
	jw_arr(w);
	for (const char *c = hh->cause_other; c && *c;) {
		char code[8];
		size_t k = strcspn(c, ",");
		snprintf(code, sizeof(code), "%.*s", (int)k, c);
		jw_str(w, code_label(CL_CAUSE, code));
		c += k + (c[k] == ',');
	}
	jw_arr_end(w);
	jw_key(w, "id_standard");
	jw_str(w, code_label(CL_STANDARD, hh->id_standard));
	jw_kint(w, "identified_ym", hh->identified_ym);
	jw_key(w, "exit_year");
	hh->exit_year ? jw_int(w, hh->exit_year) : jw_null(w);
	char t[48];
	jw_kstr(w, "phone", !hh->phone ? NULL : full ? hh->phone : phone_mask(hh->phone, t, sizeof(t)));
	jw_key(w, "members");
	jw_arr(w);
	for (size_t i = 0; i < hv->n_members; i++) {
		const struct member *m = &hv->members[i];
		jw_obj(w);
		jw_kstr(w, "name", m->name);
		jw_kstr(w, "relation", code_label(CL_RELATION, m->relation));
		jw_kstr(w, "sex", code_label(CL_SEX, m->sex));
		jw_key(w, "age");
		/* from the month unless the numbers are shown whole: the day asked must not tell the birthday */
		m->birth ? jw_int(w, full ? date_age(m->birth, hv->as_of) : date_age_by_month(m->birth, hv->as_of)) : jw_null(w);
		jw_kstr(w, "ethnicity", code_label(CL_ETHNICITY, m->ethnicity));
		jw_kstr(w, "education", m->schooling ? code_label(CL_SCHOOLING, m->schooling) :
		    code_label(CL_EDUCATION, m->education));
		jw_kstr(w, "labor", code_label(CL_LABOR, m->labor));
		/* health masked as on the household page: null and health_withheld, the state in a full view */
		jw_kstr(w, "health", HEALTH_MASKS(m->health, full) ? NULL : code_label(CL_HEALTH, m->health));
		jw_kbool(w, "health_withheld", HEALTH_MASKS(m->health, full));
		jw_kstr(w, "id_no", full ? m->id_no : idno_mask(m->id_no, t, sizeof(t)));
		jw_key(w, "ins_medical");
		m->ins_medical < 0 ? jw_null(w) : jw_bool(w, m->ins_medical);
		jw_key(w, "ins_pension");
		m->ins_pension < 0 ? jw_null(w) : jw_bool(w, m->ins_pension);
		jw_key(w, "dibao");
		m->dibao < 0 ? jw_null(w) : jw_bool(w, m->dibao);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void
view_handbook_write(struct buf *out, const struct household_view *hv, const struct assist_household *h, bool card,
    bool full)
{
	struct arena a;
	arena_init(&a);
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kstr(&w, "kind", card ? "card" : "handbook");
	household_fields(&w, hv, full);
	/* section 4: the cadre */
	jw_key(&w, "cadre");
	if (h->cadre)
		view_arec_write(&w, h->cadre, full);
	else
		jw_null(&w);
	/* section 6: the measures, by category */
	int year = card ? h->day / 10000 : 0;
	struct mline lines[512];
	size_t n = measure_lines(h, year, full, lines, NELEM(lines), &a);
	jw_kint(&w, "year", year ? year : h->day / 10000);
	jw_key(&w, "measures");
	jw_arr(&w);
	const struct acode_list *cl = alist(AL_CATEGORY);
	for (size_t k = 0; k < cl->n; k++) {
		bool any = false;
		for (size_t i = 0; i < n; i++)
			any |= lines[i].category && strcmp(lines[i].category, cl->v[k].code) == 0;
		if (!any)
			continue;
		jw_obj(&w);
		jw_kstr(&w, "category", cl->v[k].code);
		jw_kstr(&w, "label", EN ? cl->v[k].en : cl->v[k].zh);
		jw_key(&w, "items");
		jw_arr(&w);
		for (size_t i = 0; i < n; i++) {
			if (!lines[i].category || strcmp(lines[i].category, cl->v[k].code) != 0)
				continue;
			jw_obj(&w);
			jw_kstr(&w, "item", lines[i].item);
			jw_kstr(&w, "content", lines[i].text);
			jw_kbool(&w, "health_withheld", lines[i].withheld);
			jw_kstr(&w, "unit", lines[i].unit);
			jw_kdate(&w, "date", lines[i].day);
			jw_kint(&w, "year", lines[i].year);
			jw_key(&w, "amount");
			if (lines[i].amount >= 0)
				jw_money(&w, lines[i].amount);
			else
				jw_null(&w);
			jw_kbool(&w, "signed", lines[i].signed_);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	/* section 7: income by year (the card: the year's calculation K = L + M + N + P, S = K - R, T = S / A) */
	jw_key(&w, "incomes");
	jw_arr(&w);
	for (size_t i = 0; i < hv->n_incomes; i++) {
		const struct income *in = &hv->incomes[i];
		if (card && in->year != year - 1 && in->year != year)
			continue;
		int64_t total = 0, net;
		bool known = in->wage >= 0 || in->business >= 0 || in->property >= 0 || in->transfer >= 0;
		total = (in->wage > 0 ? in->wage : 0) + (in->business > 0 ? in->business : 0) +
		    (in->property > 0 ? in->property : 0) + (in->transfer > 0 ? in->transfer : 0);
		net = total - (in->business_cost > 0 ? in->business_cost : 0);
		jw_obj(&w);
		jw_kint(&w, "year", in->year);
		jw_key(&w, "wage");
		in->wage >= 0 ? jw_money(&w, in->wage) : jw_null(&w);
		jw_key(&w, "business");
		in->business >= 0 ? jw_money(&w, in->business) : jw_null(&w);
		jw_key(&w, "property");
		in->property >= 0 ? jw_money(&w, in->property) : jw_null(&w);
		jw_key(&w, "transfer");
		in->transfer >= 0 ? jw_money(&w, in->transfer) : jw_null(&w);
		jw_key(&w, "total");
		known ? jw_money(&w, total) : jw_null(&w);
		jw_key(&w, "cost");
		in->business_cost >= 0 ? jw_money(&w, in->business_cost) : jw_null(&w);
		jw_key(&w, "net");
		known ? jw_money(&w, net) : jw_null(&w);
		jw_kint(&w, "size", in->size);
		jw_key(&w, "net_pc");
		in->net_pc >= 0 ? jw_money(&w, in->net_pc) : jw_null(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	/* section 8: when it exited */
	int exited = 0;
	for (size_t i = 0; i < hv->n_events; i++)
		if (hv->events[i].type == EV_EXIT && !hv->superseded[i])
			exited = hv->events[i].effective;
	jw_kdate(&w, "exited", exited);
	if (!card) {
		recs_write(&w, "pairings", h->pairings, h->n_pairings, full);
		jw_key(&w, "visits");
		jw_arr(&w);
		for (size_t i = h->n_visits; i-- > 0;)
			view_arec_write(&w, &h->visits[i], full);
		jw_arr_end(&w);
	}
	jw_obj_end(&w);
	arena_free(&a);
}

void
view_handbook_text(const struct household_view *hv, const struct assist_household *h, bool card, bool full,
    struct buf *out)
{
	struct arena a;
	arena_init(&a);
	const struct household *hh = hv->h;
	const struct member *head = NULL;
	for (size_t i = 0; i < hv->n_members; i++)
		if (hv->members[i].relation && strcmp(hv->members[i].relation, REL_HEAD) == 0)
			head = &hv->members[i];
	int year = h->day / 10000;
	buf_printf(out, card ? (EN ? "Measure card %d — household %s (%s)\n" : "%d 年帮扶措施明白卡　户编号 %s（%s户）\n")
			     : (EN ? "Household handbook %d — household %s (%s)\n" : "%d 年扶贫手册　户编号 %s（%s户）\n"),
	    year, hh->hh_no, head ? head->name : "");
	buf_printf(out, EN ? "village: %s %s; %zu persons; attribute %s; main cause %s\n"
			   : "住址：%s%s；家庭人口 %zu 人；贫困户属性：%s；主要致贫原因：%s\n",
	    hv->town ? hv->town->name : "", hv->village ? hv->village->name : "", hv->n_members,
	    code_label(CL_ATTRIBUTE, hh->attribute), code_label(CL_CAUSE, hh->cause_main));
	if (h->cadre) {
		char t[48];
		const char *phone = arec_text(h->cadre, "phone");
		buf_printf(out, EN ? "cadre: %s, %s %s, phone %s\n" : "帮扶责任人：%s，%s%s，联系电话 %s\n",
		    arec_text(h->cadre, "name"), arec_text(h->cadre, "unit"), arec_text(h->cadre, "post") ?
		    arec_text(h->cadre, "post") : "", phone ? phone_mask(phone, t, sizeof(t)) : "");
	} else
		buf_puts(out, EN ? "cadre: (nobody)\n" : "帮扶责任人：（未落实）\n");
	struct mline lines[512];
	size_t n = measure_lines(h, card ? year : 0, full, lines, NELEM(lines), &a);
	struct text_table tb;
	table_init(&tb, 5);
	const char *hd[] = { EN ? "category" : "类别", EN ? "item" : "项目", EN ? "content" : "内容",
		EN ? "date" : "时间", EN ? "amount (yuan)" : "金额（元）" };
	table_row(&tb, hd);
	table_right(&tb, 4);
	for (size_t i = 0; i < n; i++) {
		char d[11], m[40] = "";
		if (lines[i].amount >= 0)
			money_text(lines[i].amount, m, sizeof(m));
		const char *wh = EN ? "(withheld)" : "（已隐去）";
		const char *row[] = { acode_label(AL_CATEGORY, lines[i].category), lines[i].withheld ? wh : lines[i].item,
			lines[i].withheld ? wh : lines[i].text, lines[i].day ? date_format(lines[i].day, d) : "", m };
		table_row(&tb, row);
	}
	buf_puts(out, EN ? "measures:\n" : "帮扶措施：\n");
	table_render(&tb, out);
	table_free(&tb);
	arena_free(&a);
}

/* ---- pretty JSON ---- */

void
view_json_pretty(const char *s, size_t n, struct buf *out)
{
	int depth = 0;
	bool in_str = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			buf_putc(out, c);
			if (c == '\\' && i + 1 < n)
				buf_putc(out, s[++i]);
			else if (c == '"')
				in_str = false;
			continue;
		}
		switch (c) {
		case '"':
			in_str = true;
			buf_putc(out, c);
			break;
		case '{':
		case '[':
			buf_putc(out, c);
			if (i + 1 < n && (s[i + 1] == '}' || s[i + 1] == ']')) {
				buf_putc(out, s[++i]);
				break;
			}
			depth++;
			buf_putc(out, '\n');
			for (int k = 0; k < depth; k++)
				buf_puts(out, "  ");
			break;
		case '}':
		case ']':
			depth--;
			buf_putc(out, '\n');
			for (int k = 0; k < depth; k++)
				buf_puts(out, "  ");
			buf_putc(out, c);
			break;
		case ',':
			buf_putc(out, c);
			buf_putc(out, '\n');
			for (int k = 0; k < depth; k++)
				buf_puts(out, "  ");
			break;
		case ':':
			buf_puts(out, ": ");
			break;
		default:
			buf_putc(out, c);
		}
	}
	buf_putc(out, '\n');
}

/* ---- imports of records ---- */

/* The columns of an import sheet: 险种 first for the insurance rolls, then the kind's fields by their labels. */
static size_t
import_columns(const struct assist_import_sheet *x, const char **labels, bool *required, size_t max)
{
	size_t n = 0;
	if (x->insurance && n < max) {
		labels[n] = EN ? "kind" : "险种";
		required[n++] = true;
	}
	for (size_t i = 0; i < x->d->nf && n < max; i++) {
		const struct afield *f = &x->d->f[i];
		labels[n] = EN ? f->key : f->zh;
		required[n++] = (f->flags & AFL_REQ) && !(f->flags & AFL_AUTO);
	}
	return n;
}

void
view_assist_import_kinds(json_t *kinds, const char *role)
{
	struct assist_import_sheet v[16];
	size_t n = assist_imports(role, v, NELEM(v));
	for (size_t i = 0; i < n; i++) {
		const char *labels[64];
		bool req[64];
		size_t nc = import_columns(&v[i], labels, req, NELEM(labels));
		json_t *cols = json_array();
		for (size_t k = 0; k < nc; k++)
			json_array_append_new(cols, json_pack("{s:s, s:s, s:b}", "key", labels[k], "label", labels[k],
			    "required", req[k]));
		json_array_append_new(kinds, json_pack("{s:s, s:s, s:o, s:s}", "kind", v[i].what, "label", EN ? v[i].en : v[i].zh,
		    "columns", cols, "note", EN ? "Records of assistance: every row checked as the form checks it; all or nothing." :
		    "帮扶记录：每行按登记表单的规则检查，全部正确才写入。"));
	}
}

enum err
view_assist_template(const char *what, const char *role, const char *path, enum sheet_kind kind, const char **label,
    struct errinfo *e)
{
	struct assist_import_sheet v[16];
	size_t n = assist_imports(role, v, NELEM(v));
	const struct assist_import_sheet *x = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].what, what) == 0)
			x = &v[i];
	if (!x)
		return errinfo_set(e, ERR_NOTFOUND, "kind", MSG_NO_ROUTE, what);
	*label = x->zh;
	const char *labels[64];
	bool req[64];
	size_t nc = import_columns(x, labels, req, NELEM(labels));
	struct sheet_writer *w = sheet_writer_open_table(path, kind, false, x->zh, e);
	if (!w)
		return e ? e->err : ERR_IO;
	enum err rc = sheet_writer_header(w, labels, nc, e);
	if (rc != ERR_OK) {
		sheet_writer_abort(w);
		return rc;
	}
	return sheet_writer_close(w, e);
}
