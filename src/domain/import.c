/* import.c: the three sheet importers. Read everything, check everything, then write in one transaction. */
#include "domain/import.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/audit.h"
#include "domain/campaign.h"
#include "domain/fields.h"
#include "domain/income.h"
#include "domain/finding.h"
#include "domain/member.h"
#include "domain/proposal.h"
#include "domain/registry.h"
#include "domain/status.h"
#include "domain/audit.h"
#include "domain/idno.h"
#include "domain/txn.h"
#include "lib/buf.h"
#include "lib/date.h"
#include "lib/keysort.h"
#include "lib/util.h"

/* ---- shared ---- */

/* The file an import's audit row names: the name the user gave it (the web UI sends the chosen file's name), or
 * the path's last part (the CLI's file; on the server a temporary upload, whose name says nothing). */
static const char *
import_file_label(const struct import_opts *o)
{
	if (o->file_name && *o->file_name)
		return o->file_name;
	if (!o->path)
		return "(request)";
	const char *slash = strrchr(o->path, '/');
	return slash ? slash + 1 : o->path;
}

/* One audit row for a whole import (the events it recorded are themselves append-only). */
static enum err
audit_import(struct txn *t, const char *what, const struct import_opts *o, const struct import_result *r,
    struct errinfo *e)
{
	char d[11];
	const char *file = import_file_label(o);
	json_t *j = json_pack("{s:s, s:s, s:i}", "file", file, "format", r->kind == SHEET_XLSX ? "xlsx" :
	    r->kind == SHEET_MEMORY ? "json" : "csv", "rows", r->rows);
	if (strcmp(what, "import.registry") == 0) {
		json_object_set_new(j, "households", json_integer(r->households));
		json_object_set_new(j, "members", json_integer(r->members));
		json_object_set_new(j, "as_of", json_string(date_format(o->as_of ? o->as_of : t->today, d)));
		json_object_set_new(j, "event", json_string(evtype_code(o->event == EV_INCLUDE_MISSED ? EV_INCLUDE_MISSED
		    : EV_IDENTIFY)));
		json_object_set_new(j, "lenient", json_boolean(o->lenient));
	} else if (strcmp(what, "import.events") == 0)
		json_object_set_new(j, "events", json_integer(r->events));
	else if (strcmp(what, "import.income") == 0) {
		json_object_set_new(j, "households", json_integer(r->households));
		json_object_set_new(j, "unchanged", json_integer(r->unchanged));
	}
	else {
		json_object_set_new(j, "added", json_integer(r->divisions_added));
		json_object_set_new(j, "updated", json_integer(r->divisions_updated));
	}
	if (o->batch)
		json_object_set_new(j, "batch", json_string(o->batch));
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	enum err rc = txn_audit(t, what, file, detail, e);
	free(detail);
	return rc;
}

static struct sheet *
open_sheet(const struct import_opts *o, struct import_result *r, struct errinfo *e)
{
	struct sheet *s = o->sheet ? o->sheet : sheet_open(o->path, o->limits, e);
	if (s) {
		r->kind = sheet_kind(s);
		r->encoding = sheet_encoding(s);
	} else {
		/* a file that cannot be read is still summarised as what it is (a truncated workbook is XLSX) */
		r->kind = sheet_sniff(o->path);
		r->encoding = r->kind == SHEET_XLSX ? ENC_XLSX : ENC_UTF8;
	}
	return s;
}

/* The first row that is not a title: our XLSX exports and templates carry a title row (one cell, merged over
 * the columns) above the header. The rows after it are held to its width (sheet_set_width). */
static int
next_header(struct sheet *s, struct sheet_row *row, int *err_row, struct errinfo *e)
{
	int got = sheet_next(s, row, err_row, e);
	if (got != 1)
		return got;
	size_t filled = 0;
	for (size_t i = 0; i < row->n; i++)
		if (row->cells[i].n)
			filled++;
	if (filled == 1 && row->n >= 1 && row->cells[0].n && row->num == 1)
		got = sheet_next(s, row, err_row, e);
	if (got == 1)
		sheet_set_width(s, sheet_header_width(row));
	return got;
}

/* A file's write transaction holds the write lock for as long as it writes: it says so meanwhile, so that
 * writers who wait for the lock in vain are told an import is being written (and try again later). Then the
 * audit rows of logins that came in meanwhile enter the chain (audit.h). */
static int64_t
import_announce(struct store *st, const struct import_opts *o)
{
	int64_t id = 0;
	if (o->path)
		store_activity_begin(st, "import", &id);
	return id;
}

static void
import_done(struct store *st, int64_t id)
{
	if (!id)
		return;
	store_activity_end(st, id);
	audit_outbox_flush(st, false, NULL);
}

/* A sheet's error as a problem: on its row, under the column that holds it when the reader could tell (the
 * header's label for a column the importer knows, else the column's number). */
static void
sheet_problem(struct problems *p, struct sheet *s, const struct header *h, int row, const struct errinfo *e)
{
	int col = sheet_error_col(s);
	const char *label = "";
	if (col > 0) {
		label = NULL;
		for (int c = 0; h && c < C__MAX && !label; c++)
			if (h->col[c] == col - 1 && h->label[c])
				label = h->label[c];
		if (!label)
			label = arena_printf(p->a, msg_lang() == LANG_EN ? "column %d" : "第 %d 列", col);
	}
	problem_from_err(p, false, row, label, (struct str){ 0 }, e);
}

/* A file read through once before a write lock is taken: one that cannot be read to its end (a bad byte, a
 * broken quote, past an import limit: a hostile file too) is refused there, its problem in r, without holding up
 * other writers. True for a readable file, and for a request's rows. */
static bool
read_through(const struct import_opts *o, const struct header *h, struct import_result *r)
{
	if (!o->path)
		return true;
	struct errinfo e;
	errinfo_clear(&e);
	struct sheet *s = sheet_open(o->path, o->limits, &e);
	if (!s) {
		problem_from_err(&r->problems, false, 0, "", (struct str){ 0 }, &e);
		return false;
	}
	struct sheet_row row;
	int err_row, got = next_header(s, &row, &err_row, &e);
	while (got == 1)
		got = sheet_next(s, &row, &err_row, &e);
	if (got < 0)
		sheet_problem(&r->problems, s, h, err_row, &e);
	sheet_close(s);
	return got == 0;
}

/* Read the header row; false (with a problem) on an empty file. */
static bool
read_header(struct sheet *s, struct header *h, struct import_result *r, struct arena *a, struct errinfo *e,
    enum err *rc)
{
	struct sheet_row row;
	int err_row;
	int got = next_header(s, &row, &err_row, e);
	*rc = ERR_OK;
	if (got < 0) {
		sheet_problem(&r->problems, s, NULL, err_row, e);
		*rc = ERR_INVALID;
		return false;
	}
	if (got == 0) {
		problem_add(&r->problems, false, 0, "", (struct str){ 0 }, MSG_EMPTY_FILE);
		*rc = ERR_INVALID;
		return false;
	}
	header_map(h, row.cells, row.n, &r->problems, a);
	r->encoding = sheet_encoding(s);   /* known once the first bytes are read */
	return true;
}

static bool
need_column(const struct header *h, enum col c, struct import_result *r)
{
	if (h->col[c] >= 0)
		return true;
	problem_add(&r->problems, false, 1, fields[c].label, (struct str){ 0 }, MSG_MISSING_COLUMN);
	return false;
}

/* The household columns of a registry sheet: only these cells of a head's row are kept until the whole
 * file is read (a province's file has hundreds of thousands of households). */
static const enum col hh_fields[] = { C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD, C_STATUS,
	C_IDENTIFIED_YM, C_EXIT_YEAR, C_PHONE, C_BANK, C_BANK_ACCOUNT, C_NET_INCOME_PC, C_INCOME_YEAR };

/* A header over the kept cells: field hh_fields[i] is cell i; labels as in the file's header. */
static void
compact_header(const struct header *h, struct header *hh)
{
	for (int c = 0; c < C__MAX; c++) {
		hh->col[c] = -1;
		hh->label[c] = h->label[c];
	}
	for (size_t i = 0; i < NELEM(hh_fields); i++)
		if (h->col[hh_fields[i]] >= 0)
			hh->col[hh_fields[i]] = (int)i;
}

/* Copy the household cells of a row into the arena (sheet rows live only until the next read). */
static struct str *
keep_row(const struct header *h, const struct sheet_row *row, struct arena *a)
{
	struct str *v = arena_alloc(a, NELEM(hh_fields) * sizeof(*v));
	for (size_t i = 0; i < NELEM(hh_fields); i++) {
		struct str c = header_cell(h, hh_fields[i], row->cells, row->n);
		v[i] = (struct str){ c.n ? arena_strndup(a, c.p, c.n) : "", c.n };
	}
	return v;
}

int
division_level_of(int64_t code)
{
	if (code % 10000000000LL == 0)
		return LV_PROVINCE;
	if (code % 100000000LL == 0)
		return LV_CITY;
	if (code % 1000000LL == 0)
		return LV_COUNTY;
	if (code % 1000LL == 0)
		return LV_TOWN;
	return LV_VILLAGE;
}

static const char *const level_names[] = { "", "省", "市", "县", "乡镇", "村" };

static int
parse_level(struct str s)
{
	static const struct {
		const char *label;
		int level;
	} map[] = {
		{ "省", 1 }, { "省级", 1 }, { "自治区", 1 }, { "直辖市", 1 }, { "province", 1 }, { "1", 1 },
		{ "市", 2 }, { "地级", 2 }, { "市级", 2 }, { "地区", 2 }, { "州", 2 }, { "盟", 2 }, { "city", 2 }, { "2", 2 },
		{ "县", 3 }, { "县级", 3 }, { "区", 3 }, { "县区", 3 }, { "旗", 3 }, { "county", 3 }, { "3", 3 },
		{ "乡镇", 4 }, { "乡", 4 }, { "镇", 4 }, { "街道", 4 }, { "乡级", 4 }, { "苏木", 4 }, { "town", 4 }, { "4", 4 },
		{ "村", 5 }, { "行政村", 5 }, { "村级", 5 }, { "社区", 5 }, { "嘎查", 5 }, { "village", 5 }, { "5", 5 },
	};
	for (size_t i = 0; i < NELEM(map); i++)
		if (str_eq(s, map[i].label))
			return map[i].level;
	return 0;
}

/* A hash map from a string key to a number. */
struct hh_map {
	char **keys;
	uint64_t *vals;
	size_t cap, n;
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a, then a final mix: keys share long prefixes */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* The value slot of key; a new key is inserted (the map keeps the pointer: key must outlive it). */
static uint64_t *
map_slot(struct hh_map *m, const char *key, bool *found)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 1024;
		char **keys = xcalloc(cap, sizeof(*keys));
		uint64_t *vals = xcalloc(cap, sizeof(*vals));
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i]) {
				size_t k = hash_str(m->keys[i]) & (cap - 1);
				while (keys[k])
					k = (k + 1) & (cap - 1);
				keys[k] = m->keys[i];
				vals[k] = m->vals[i];
			}
		free(m->keys);
		free(m->vals);
		m->keys = keys;
		m->vals = vals;
		m->cap = cap;
	}
	size_t k = hash_str(key) & (m->cap - 1);
	while (m->keys[k]) {
		if (strcmp(m->keys[k], key) == 0) {
			*found = true;
			return &m->vals[k];
		}
		k = (k + 1) & (m->cap - 1);
	}
	*found = false;
	m->keys[k] = (char *)key;
	m->n++;
	return &m->vals[k];
}

/* The value of key, or NULL. */
static const uint64_t *
map_get(const struct hh_map *m, const char *key)
{
	if (!m->cap)
		return NULL;
	size_t k = hash_str(key) & (m->cap - 1);
	while (m->keys[k]) {
		if (strcmp(m->keys[k], key) == 0)
			return &m->vals[k];
		k = (k + 1) & (m->cap - 1);
	}
	return NULL;
}

static void
map_free(struct hh_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* ---- divisions ---- */

struct div_row {
	struct division d;
	int row;
	bool parent_given;
};

/* The index of the row kept with code (each code is kept once), or -1. The kept rows are found through a map
 * from the code's digits: each row asks for its own code and its parent's, so a scan of the rows was 26,596 ×
 * 26,596 for a province's division file. */
static int
find_div(const struct hh_map *codes, int64_t code)
{
	char key[24];
	snprintf(key, sizeof(key), "%lld", (long long)code);
	const uint64_t *i = map_get(codes, key);
	return i ? (int)*i : -1;
}

/* Keep row v[n] (its code not kept yet) for the lookups of later rows. */
static void
keep_div(struct hh_map *codes, const struct div_row *v, size_t n, struct arena *a)
{
	bool found;
	*map_slot(codes, arena_printf(a, "%lld", (long long)v[n].d.code), &found) = n;
}

/* txn_begin (county: txn_begin_county) for an import: a refusal of the recording instant (MSG_NOW_BEFORE) is
 * the file's problem too, so the summary names it instead of reporting "0 rows". */
static enum err
import_txn_begin(struct txn *t, struct store *st, const struct import_opts *o, bool county, struct problems *p,
    struct errinfo *e)
{
	enum err rc = county ? txn_begin_county(t, st, o->now, o->actor, e) : txn_begin(t, st, o->now, o->actor, e);
	if (rc == ERR_INVALID)
		problem_from_err(p, false, 0, "", (struct str){ 0 }, e);
	return rc;
}

static enum err
import_check_now(struct store *st, const struct import_opts *o, struct problems *p, struct errinfo *e)
{
	enum err rc = txn_check_now(st, o->now, e);
	if (rc == ERR_INVALID)
		problem_from_err(p, false, 0, "", (struct str){ 0 }, e);
	return rc;
}

static enum err divisions_write(struct store *st, const struct import_opts *o, struct import_result *r,
    struct arena *a, const struct header *hp, struct div_row *v, size_t n, const struct hh_map *codes, struct txn *tp,
    struct errinfo *e);

/* A 识别年月 or a 脱贫年度 still to come (2099) is refused: the fields tell what has happened. false if so; a
 * lenient import (legacy data, checked afterwards by IDENTIFIED_FUTURE and its kin) is warned and goes on. */
static bool
ym_not_ahead(int ym, int today, bool lenient, struct problems *p, int row, const char *label, struct str cell)
{
	if (ym && ym > today / 100) {
		problem_add(p, lenient, row, label, cell, MSG_YM_FUTURE, ym / 100, ym % 100);
		return lenient;
	}
	return true;
}

static bool
year_not_ahead(int year, int today, bool lenient, struct problems *p, int row, const char *label, struct str cell)
{
	if (year && year > today / 10000) {
		problem_add(p, lenient, row, label, cell, MSG_YEAR_FUTURE, year);
		return lenient;
	}
	return true;
}

enum err
import_divisions(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e)
{
	enum err rc;
	struct header h;
	struct sheet *s = open_sheet(o, r, e);
	if (!s)
		return e && e->err == ERR_INVALID ? (problem_from_err(&r->problems, false, 0, "", (struct str){ 0 }, e),
		    ERR_INVALID) : (e ? e->err : ERR_IO);
	if (!read_header(s, &h, r, a, e, &rc)) {
		sheet_close(s);
		return rc;
	}
	/* English headers "name" / "exit_year" land on the registry's fields: accept them here. */
	if (h.col[C_DIV_NAME] < 0 && h.col[C_NAME] >= 0) {
		h.col[C_DIV_NAME] = h.col[C_NAME];
		h.label[C_DIV_NAME] = h.label[C_NAME];
	}
	if (h.col[C_DIV_EXIT_YEAR] < 0 && h.col[C_EXIT_YEAR] >= 0) {
		h.col[C_DIV_EXIT_YEAR] = h.col[C_EXIT_YEAR];
		h.label[C_DIV_EXIT_YEAR] = h.label[C_EXIT_YEAR];
	}
	bool ok = need_column(&h, C_DIV_CODE, r) & need_column(&h, C_DIV_NAME, r);
	if (!ok) {
		sheet_close(s);
		return ERR_INVALID;
	}

	size_t cap = 64, n = 0;
	struct hh_map codes = { 0 };   /* the kept rows by code */
	struct div_row *v = arena_alloc(a, cap * sizeof(*v));
	struct sheet_row row;
	int got, err_row;
	while ((got = sheet_next(s, &row, &err_row, e)) == 1) {
		r->rows++;
		if (n == cap) {
			struct div_row *w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		struct div_row *x = &v[n];
		memset(x, 0, sizeof(*x));
		x->row = row.num;
		x->d.rural_pop = -1;
		const struct str *c = row.cells;
		struct problems *p = &r->problems;
		size_t before = p->n_errors;
		struct str code_cell = header_cell(&h, C_DIV_CODE, c, row.n);
		if (code_cell.n == 0)
			problem_add(p, false, row.num, header_label(&h, C_DIV_CODE), code_cell, MSG_REQUIRED);
		else
			parse_divcode(code_cell, &x->d.code, p, row.num, header_label(&h, C_DIV_CODE));
		struct str name = header_cell(&h, C_DIV_NAME, c, row.n);
		if (name.n == 0)
			problem_add(p, false, row.num, header_label(&h, C_DIV_NAME), name, MSG_REQUIRED);
		else
			parse_text(name, 64, &x->d.name, a, p, row.num, header_label(&h, C_DIV_NAME));
		if (x->d.code && !store_in_scope(st, x->d.code)) {
			problem_add(p, false, row.num, header_label(&h, C_DIV_CODE), code_cell, MSG_OUT_OF_SCOPE);
			x->d.code = 0;
		}
		if (x->d.code) {
			x->d.level = division_level_of(x->d.code);
			struct str lv = header_cell(&h, C_DIV_LEVEL, c, row.n);
			if (lv.n) {
				int l = parse_level(lv);
				char t[64], cs[16];
				snprintf(t, sizeof(t), "%.*s", (int)(lv.n < 60 ? lv.n : 60), lv.p);
				snprintf(cs, sizeof(cs), "%012lld", (long long)x->d.code);
				if (!l)
					problem_add(p, false, row.num, header_label(&h, C_DIV_LEVEL), lv, MSG_DIV_LEVEL_UNKNOWN, t);
				else if (l != x->d.level)
					problem_add(p, false, row.num, header_label(&h, C_DIV_LEVEL), lv, MSG_DIV_LEVEL, t, cs,
					    level_names[x->d.level]);
			}
			int dup = find_div(&codes, x->d.code);
			if (dup >= 0)
				problem_add(p, false, row.num, header_label(&h, C_DIV_CODE), code_cell, MSG_DIV_DUP, v[dup].row);
		}
		struct str par = header_cell(&h, C_DIV_PARENT, c, row.n);
		if (par.n && parse_divcode(par, &x->d.parent, p, row.num, header_label(&h, C_DIV_PARENT)))
			x->parent_given = true;
		int yn;
		if (parse_bool(header_cell(&h, C_DIV_POOR, c, row.n), &yn, p, row.num, header_label(&h, C_DIV_POOR)))
			x->d.poor_village = yn == 1;
		if (parse_year(header_cell(&h, C_DIV_EXIT_YEAR, c, row.n), &x->d.exit_year, p, row.num,
		    header_label(&h, C_DIV_EXIT_YEAR)))
			year_not_ahead(x->d.exit_year, stamp_date(o->now ? o->now : stamp_now()), o->lenient, p, row.num,
			    header_label(&h, C_DIV_EXIT_YEAR), header_cell(&h, C_DIV_EXIT_YEAR, c, row.n));
		int pop;
		if (parse_int_range(header_cell(&h, C_DIV_RURAL_POP, c, row.n), 0, 100000000, &pop, p, row.num,
		    header_label(&h, C_DIV_RURAL_POP)))
			x->d.rural_pop = pop;
		if (p->n_errors == before)
			keep_div(&codes, v, n++, a);
		else if (x->d.code && find_div(&codes, x->d.code) < 0)
			keep_div(&codes, v, n++, a);   /* keep it for parent lookups of later rows */
	}
	if (got < 0)
		sheet_problem(&r->problems, s, &h, err_row, e);
	sheet_close(s);
	if (r->rows == 0 && got == 0)
		problem_add(&r->problems, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);

	struct txn t;
	int64_t announced = import_announce(st, o);
	rc = divisions_write(st, o, r, a, &h, v, n, &codes, &t, e);
	import_done(st, announced);
	map_free(&codes);
	return rc;
}

/* The divisions read from a file, checked against the database and written, in one write transaction. */
static enum err
divisions_write(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    const struct header *hp, struct div_row *v, size_t n, const struct hh_map *codes, struct txn *tp, struct errinfo *e)
{
	enum err rc;
	const struct header h = *hp;
	struct txn t;
	(void)tp;
	if ((rc = import_txn_begin(&t, st, o, false, &r->problems, e)) != ERR_OK)
		return rc;
	t.ip = o->ip;
	int min_level = 9;
	for (size_t i = 0; i < n; i++)
		if (v[i].d.code && v[i].d.level < min_level)
			min_level = v[i].d.level;
	for (size_t i = 0; i < n; i++) {
		struct division *d = &v[i].d;
		if (!d->code)
			continue;
		char cs[16], ps[16];
		snprintf(cs, sizeof(cs), "%012lld", (long long)d->code);
		if (v[i].parent_given) {
			snprintf(ps, sizeof(ps), "%012lld", (long long)d->parent);
			int64_t lo, hi;
			division_range(d->parent, &lo, &hi);
			if (division_level_of(d->parent) >= d->level || d->code < lo || d->code > hi) {
				problem_add(&r->problems, false, v[i].row, header_label(&h, C_DIV_PARENT), str_from(ps),
				    MSG_DIV_PARENT, ps, cs);
				continue;
			}
			if (find_div(codes, d->parent) >= 0)
				continue;
			struct division pd;
			rc = store_division_get(st, d->parent, &pd, a, e);
			if (rc == ERR_NOTFOUND && d->level != min_level)
				problem_add(&r->problems, false, v[i].row, header_label(&h, C_DIV_PARENT), str_from(ps),
				    MSG_DIV_PARENT_MISSING, ps);
			else if (rc != ERR_OK && rc != ERR_NOTFOUND) {
				txn_rollback(&t);
				return rc;
			}
			continue;
		}
		/* No parent given: the nearest ancestor in the sheet or the database. */
		int64_t anc = 0;
		for (int lv = d->level - 1; lv >= 1 && !anc; lv--) {
			int64_t cand = division_at(d->code, lv);
			if (cand == d->code)
				continue;
			if (find_div(codes, cand) >= 0)
				anc = cand;
			else {
				struct division pd;
				rc = store_division_get(st, cand, &pd, a, e);
				if (rc == ERR_OK)
					anc = cand;
				else if (rc != ERR_NOTFOUND) {
					txn_rollback(&t);
					return rc;
				}
			}
		}
		d->parent = anc;
		if (!anc && d->level != min_level)
			problem_add(&r->problems, false, v[i].row, header_label(&h, C_DIV_PARENT), (struct str){ 0 },
			    MSG_DIV_TOP_ONLY);
	}
	if (r->problems.n_errors > 0) {
		txn_rollback(&t);
		problems_sort(&r->problems);
		return ERR_INVALID;
	}
	for (size_t i = 0; i < n; i++) {
		bool inserted;
		if ((rc = store_division_upsert(st, &v[i].d, &inserted, e)) != ERR_OK) {
			txn_rollback(&t);
			return rc;
		}
		if (inserted)
			r->divisions_added++;
		else
			r->divisions_updated++;
	}
	if (o->dry_run) {
		txn_rollback(&t);
		return ERR_OK;
	}
	if ((rc = audit_import(&t, "import.divisions", o, r, e)) != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	r->written = true;
	return ERR_OK;
}

/* ---- registry ---- */

/* Households are checked and written a batch at a time, so the importer's memory does not grow with the
 * file: a batch holds at least REG_BATCH complete households (more if a household's rows are still open
 * when it fills). A file whose households each lie on contiguous rows (the first pass proves it, through
 * sorted runs of the rows where the 户编号 changes) keeps nothing per household for the whole file: a
 * household is complete when the next one begins. Any other file keeps one entry per household (its key and
 * row count: about 100 bytes) to know when a household's last row has come. Across the file only the
 * 证件号码 it holds more than once and the keys the database already has (errors, mostly) are kept. */
#define REG_BATCH 1000

struct reg_member {
	struct member m;
	int row;
};

struct reg_household {
	char *hh_no;
	size_t state;          /* index into reg_import.states */
	int64_t village;
	int first_row;
	bool taken;            /* its 户编号 is registered already (found by the first pass) */
	bool head_is_head;     /* head_cells come from the head's row (not just the first row) */
	struct str *head_cells;
	size_t head_n;
	size_t *members;       /* indexes into the batch's member array */
	size_t n_members, cap_members;
};

/* Resolve a village by town and village names among the divisions in scope. */
static enum err
village_by_names(struct store *st, struct str town, struct str village, int64_t *code, struct arena *a,
    struct errinfo *e)
{
	char *vn = arena_strndup(a, village.p, village.n), *tn = arena_strndup(a, town.p, town.n);
	struct division *dv;
	size_t n;
	enum err rc = store_division_by_name(st, vn, &dv, &n, a, e);
	if (rc != ERR_OK)
		return rc;
	int64_t found = 0;
	int hits = 0;
	for (size_t i = 0; i < n; i++) {
		if (dv[i].level != LV_VILLAGE || !dv[i].parent)
			continue;
		struct division t;
		if (store_division_get(st, dv[i].parent, &t, a, e) == ERR_OK && strcmp(t.name, tn) == 0) {
			found = dv[i].code;
			hits++;
		}
	}
	if (hits != 1)
		return ERR_NOTFOUND;
	*code = found;
	return ERR_OK;
}

/* What is known of each household of the file across batches. */
struct reg_state {
	int total;             /* its rows in the file (INT_MAX when the file could not be counted first) */
	int seen;              /* rows read so far */
	size_t batch_ix;       /* its index in the batch while it is in one */
	bool in_batch, done;
	bool written;          /* created by this import (in its transaction, not committed yet) */
};

struct reg_import {
	struct store *st;
	const struct import_opts *o;
	struct import_result *r;
	struct problems *p;
	struct header h;       /* the file's header */
	struct header hhead;   /* over the household cells kept from each head's row */
	bool by_code;
	int today, as_of;
	enum evtype ev;
	struct arena *a;       /* the caller's: header labels */
	struct arena keys;     /* the 户编号 and 证件号码 of the whole file */
	bool flat;             /* every household of the file lies on contiguous rows: no per-household state */
	struct hh_map hh;      /* 户编号 -> index into states (a file whose households are not contiguous) */
	struct reg_state *states;
	size_t n_states, cap_states;
	/* a contiguous file: the household being read, its 户编号 and sequence number (its state index for the
	 * checks), and a hash of every row's 户编号, which must come out as the first pass's wherever a batch
	 * begins (every REG_BATCH households: cps) and at the end (else the file changed between the passes,
	 * and a household split by the change would be taken for two) */
	struct reg_state cur;
	char cur_no[160];
	size_t seq;
	uint64_t rows_hash, first_hash;
	uint64_t *cps;
	size_t n_cps, cap_cps;
	bool changed;          /* MSG_FILE_CHANGED was reported in this pass */
	struct hh_map taken;   /* 户编号 of the file registered already (found by the first pass; values unused) */
	struct hh_map ids;     /* 证件号码 -> household state index << 32 | row: every one of the file's, or only
	                        * those in dups once the first pass found them */
	bool dups_known;       /* the first pass found the 证件号码 the file holds more than once */
	struct hh_map dups;    /* those (values unused); the rest cannot be a person in two households of the file */
	bool looked_up;        /* the first pass looked up every 户编号 and 证件号码 in the database */
	const char **held;     /* the 户编号 open 新识别 proposals hold, sorted (read at the first batch) */
	size_t n_held;
	bool held_read;
	bool dup_runs;         /* the first pass found a 户编号 on two runs of rows: the file is not contiguous */
	bool counted;          /* PASS_ROWS counted each household's rows (a file that is not contiguous) */
	bool dup_first;        /* PASS_ROWS put in ri->dups each number's first place: its household state and row
	                        * (the least, in the order in which the households are checked) */
	/* a file that is not contiguous is checked and written in n_slices slices of households, so that at
	 * most about max_hold_rows rows are held at once: household state i is in slice i * n_slices /
	 * slice_states */
	size_t n_slices, slice, slice_states;
	/* ...through a temporary file a slice (reg_pass): spooling while the check reads the file */
	FILE **spool;
	bool spooling;
	struct buf spool_buf;  /* the row read back */
	struct str *spool_cells;
	size_t cap_spool_cells;
	size_t *spool_off;     /* each cell's offset in spool_buf, while a row is read */
	unsigned char *spool_numeric;
	struct hh_map where;   /* 证件号码 registered in the database -> (char *) 户编号 of its household */
	struct hh_map places;  /* town and village names -> the village's code, 0 if none (village_by_names) */
	/* the batch */
	struct arena ba;
	struct reg_household *hv;
	size_t n_h, cap_h;
	struct reg_member *mv;
	size_t n_m, cap_m;
	size_t n_open;         /* households of the batch whose rows are not all read */
	size_t n_complete;
	struct txn t;
	bool bulk;
	bool writing;          /* the write pass (under the write lock): a clean batch is written */
	/* households identified a year or more after --as-of: how many, and the first */
	int late, late_row, late_ym;
};

/* village_by_names through ri->places: each name looks through every division of the database, and a file
 * by names asks for every row (a province's 10^7 rows × 26,596 divisions); a file names a few thousand
 * places. Looks the same in the database as long as it does not change (reg_relookup forgets them). */
static enum err
place_of(struct reg_import *ri, struct str town, struct str village, int64_t *code, struct arena *a,
    struct errinfo *e)
{
	/* the names as village_by_names reads them (up to a NUL), the town's length first */
	size_t tn = strnlen(town.p, town.n), vn = strnlen(village.p, village.n);
	char *key = arena_printf(a, "%zu:%.*s%.*s", tn, (int)tn, town.p, (int)vn, village.p);
	const uint64_t *known = map_get(&ri->places, key);
	if (known) {
		*code = (int64_t)*known;
		return *code ? ERR_OK : ERR_NOTFOUND;
	}
	int64_t found = 0;
	enum err rc = village_by_names(ri->st, town, village, &found, a, e);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	bool had;
	*map_slot(&ri->places, arena_strdup(&ri->keys, key), &had) = rc == ERR_OK ? (uint64_t)found : 0;
	if (rc == ERR_OK)
		*code = found;
	return rc;
}

/* A 户编号 cell as the key of the maps (up to a NUL, at most 159 bytes). */
static void
hh_key(char *out, size_t cap, struct str no)
{
	snprintf(out, cap, "%.*s", (int)no.n, no.p);
}

/* The household state for a 户编号 (added with an unknown row count if new). */
static size_t
reg_state_of(struct reg_import *ri, struct str no, bool *isnew)
{
	char key[160];
	hh_key(key, sizeof(key), no);
	const uint64_t *v = map_get(&ri->hh, key);
	*isnew = !v;
	if (v)
		return (size_t)*v;
	bool found;
	uint64_t *slot = map_slot(&ri->hh, arena_strdup(&ri->keys, key), &found);
	if (ri->n_states == ri->cap_states) {
		ri->cap_states = ri->cap_states ? 2 * ri->cap_states : 1024;
		ri->states = xrealloc(ri->states, ri->cap_states * sizeof(*ri->states));
	}
	*slot = ri->n_states;
	ri->states[ri->n_states] = (struct reg_state){ .total = INT_MAX };
	return ri->n_states++;
}

/* The hash of the 户编号 of a file's rows, one row more (FNV-1a; a newline between rows). */
static uint64_t
rows_hash_add(uint64_t h, const char *key)
{
	for (const char *c = key; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	return (h ^ '\n') * 1099511628211ULL;
}

#define ROWS_HASH_INIT 1469598103934665603ULL

/* The database look-ups of the first pass, for the keys gathered so far: which 户编号 are registered
 * already and in which household each 证件号码 is registered on the import's day. Only the hits are kept. */
static enum err
reg_lookup(struct reg_import *ri, const char **hks, size_t n_hk, const char **ids, size_t n_id, struct arena *kb,
    struct errinfo *e)
{
	bool *taken = arena_alloc(kb, n_hk * sizeof(*taken) + 1);
	enum err rc = store_household_nos_exist(ri->st, hks, n_hk, taken, e);
	if (rc != ERR_OK)
		return rc;
	for (size_t j = 0; j < n_hk; j++)
		if (taken[j] && !map_get(&ri->taken, hks[j])) {
			bool found;
			map_slot(&ri->taken, arena_strdup(&ri->keys, hks[j]), &found);
		}
	char **where = arena_alloc(kb, n_id * sizeof(*where) + 1);
	if ((rc = store_idnos_current_household(ri->st, ids, n_id, ri->as_of, where, kb, e)) != ERR_OK)
		return rc;
	for (size_t j = 0; j < n_id; j++) {
		if (!where[j] || map_get(&ri->where, ids[j]))
			continue;
		bool found;
		uint64_t *slot = map_slot(&ri->where, arena_strdup(&ri->keys, ids[j]), &found);
		*slot = (uint64_t)(uintptr_t)arena_strdup(&ri->keys, where[j]);
	}
	return ERR_OK;
}

/* A file whose households lie apart is read in slices (reg_pass). The check reads it once: the first slice's
 * rows are checked as they come, and every row goes to its slice's temporary file (in TMPDIR, without a name,
 * like keysort's runs), from which the other slices are checked and, under the write lock, every slice is
 * written. So such a file is read from its source three times whatever its size (the first pass, the count,
 * the check), not once a slice, and what is written is what was checked. A row: its number, its count of
 * cells and whether it says which are numeric (three uint32), each cell's length (uint32) and bytes, then
 * the numeric flags. */
static bool
spool_put(FILE *f, const struct sheet_row *row)
{
	uint32_t head[3] = { (uint32_t)row->num, (uint32_t)row->n, row->numeric_mask_valid && row->numeric };
	if (fwrite(head, sizeof(head), 1, f) != 1)
		return false;
	for (size_t i = 0; i < row->n; i++) {
		uint32_t len = (uint32_t)row->cells[i].n;
		if (fwrite(&len, sizeof(len), 1, f) != 1 || (len && fwrite(row->cells[i].p, 1, len, f) != len))
			return false;
	}
	return !head[2] || !row->n || fwrite(row->numeric, 1, row->n, f) == row->n;
}

/* The next row of a slice's file: 1 (*row valid until the next call), 0 at its end, -1 on a read error. */
static int
spool_next(struct reg_import *ri, FILE *f, struct sheet_row *row)
{
	uint32_t head[3];
	if (fread(head, sizeof(head), 1, f) != 1)
		return ferror(f) ? -1 : 0;
	size_t n = head[1];
	if (n > ri->cap_spool_cells) {
		ri->cap_spool_cells = n;
		ri->spool_cells = xrealloc(ri->spool_cells, n * sizeof(*ri->spool_cells));
		ri->spool_off = xrealloc(ri->spool_off, n * sizeof(*ri->spool_off));
		ri->spool_numeric = xrealloc(ri->spool_numeric, n);
	}
	buf_reset(&ri->spool_buf);
	size_t *off = ri->spool_off;
	for (size_t i = 0; i < n; i++) {
		uint32_t len;
		if (fread(&len, sizeof(len), 1, f) != 1)
			return -1;
		off[i] = ri->spool_buf.n;
		ri->spool_cells[i].n = len;
		char chunk[4096];
		for (uint32_t left = len; left > 0;) {
			size_t k = left < sizeof(chunk) ? left : sizeof(chunk);
			if (fread(chunk, 1, k, f) != k)
				return -1;
			buf_append(&ri->spool_buf, chunk, k);
			left -= (uint32_t)k;
		}
		buf_putc(&ri->spool_buf, '\0');
	}
	for (size_t i = 0; i < n; i++)
		ri->spool_cells[i].p = ri->spool_buf.p + off[i];
	if (head[2] && n && fread(ri->spool_numeric, 1, n, f) != n)
		return -1;
	*row = (struct sheet_row){ .num = (int)head[0], .n = n, .cells = ri->spool_cells,
		.numeric_mask_valid = head[2] != 0, .numeric = head[2] ? ri->spool_numeric : NULL };
	return 1;
}

static void
spool_close(struct reg_import *ri)
{
	for (size_t i = 0; ri->spool && i < ri->n_slices; i++)
		if (ri->spool[i])
			fclose(ri->spool[i]);
	free(ri->spool);
	ri->spool = NULL;
	buf_free(&ri->spool_buf);
	free(ri->spool_cells);
	free(ri->spool_off);
	free(ri->spool_numeric);
}

/* The rows of every slice's file in turn, from the first (*sl: the slice being read; the first file is
 * rewound by the caller). 1, 0 at the end of the last, -1 on a read error. */
static int
spool_all_next(struct reg_import *ri, size_t *sl, struct sheet_row *row)
{
	for (;;) {
		int r = spool_next(ri, ri->spool[*sl], row);
		if (r != 0 || *sl + 1 >= ri->n_slices)
			return r;
		FILE *f = ri->spool[++*sl];
		if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
			return -1;
	}
}

/* The passes over a file before the write (reg_count):
 * - PASS_FIRST, before the write lock is taken and anything written: the database look-ups of
 *   every 户编号 and 证件号码 (done now, while the tables hold only what was there before, they cost the same
 *   at the end of a large file as at its start), whether each household lies on contiguous rows (ri->flat:
 *   the 户编号 where the rows change household go through sorted runs, and none may come twice), the hash
 *   of the rows' 户编号, and the 证件号码 the file holds more than once: they go through sorted runs as well
 *   (lib/keysort.c: spilled to a temporary file past TUOPIN_IMPORT_SORT_KEYS of them, 1,000,000 by default),
 *   which leave only those numbers in memory (ri->dups), not ten million of them;
 * - PASS_ROWS, after a first pass that found a household on rows apart: how many rows each household has, so
 *   that the second pass knows when a household is complete wherever its rows lie;
 * - PASS_AGAIN, under the write lock when the database changed since the first: the look-ups anew.
 * Only the 户编号 and 证件号码 columns are looked at; the second pass reports every problem. Leaves looked_up
 * false if the file cannot be read again (or is a request's rows: one batch, which looks up for itself). */
enum count_pass { PASS_FIRST, PASS_ROWS, PASS_AGAIN };

static void
reg_dup_found(const char *key, void *arg)
{
	struct reg_import *ri = arg;
	bool found;
	map_slot(&ri->dups, arena_strdup(&ri->keys, key), &found);
}

static void
reg_dup_run(const char *key, void *arg)
{
	(void)key;
	((struct reg_import *)arg)->dup_runs = true;
}

/* The progress of a pass (import_opts.progress): as it begins, every IMPORT_PROGRESS_ROWS rows, as it ends. */
static void
reg_progress(const struct reg_import *ri, enum import_step step, long long rows, bool done)
{
	if (ri->o->progress && (done || rows % IMPORT_PROGRESS_ROWS == 0))
		ri->o->progress(ri->o->progress_arg, step, ri->slice, ri->n_slices, rows, done);
}

static size_t
sort_keys_run(const struct sheet_limits *lim)
{
	size_t n = (lim ? lim : sheet_limits())->max_sort_keys;
	return n >= 2 ? n : 2;
}

static enum err
reg_count(struct reg_import *ri, enum count_pass pass, struct errinfo *e)
{
	if (!ri->o->path)
		return ERR_OK;
	struct errinfo e2;
	errinfo_clear(&e2);
	/* looked up again after a check that spooled the file: the rows it checked, which the write will read */
	bool from_spool = pass == PASS_AGAIN && ri->spool;
	struct sheet *s = from_spool ? NULL : sheet_open(ri->o->path, ri->o->limits, &e2);
	if (!s && !from_spool)
		return ERR_OK;
	enum { LOOKUP_KEYS = 4 * REG_BATCH };
	struct arena scratch, kb;
	arena_init(&scratch);
	arena_init(&kb);
	struct problems quiet;
	problems_init(&quiet, &scratch);
	const char **hks = xcalloc(LOOKUP_KEYS, sizeof(*hks)), **ids = xcalloc(LOOKUP_KEYS, sizeof(*ids));
	size_t n_hk = 0, n_id = 0;
	bool first = pass == PASS_FIRST, lookups = pass != PASS_ROWS;
	struct keysort *ks = first ? keysort_new(sort_keys_run(ri->o->limits)) : NULL;
	struct keysort *runs = first ? keysort_new(sort_keys_run(ri->o->limits)) : NULL;
	char prev[160] = "", key[160];
	uint64_t hash = ROWS_HASH_INIT;
	size_t n_runs = 0, n_rows = 0;
	enum import_step step = first ? IMPORT_STEP_KEYS : pass == PASS_ROWS ? IMPORT_STEP_COUNT : IMPORT_STEP_KEYS_AGAIN;
	long long read = 0;
	enum err rc = ERR_OK;
	struct sheet_row row;
	int err_row, got = from_spool ? 1 : next_header(s, &row, &err_row, &e2);
	struct header h;
	size_t sl = 0;
	if (from_spool) {
		h = ri->h;
		if (fflush(ri->spool[0]) != 0 || fseek(ri->spool[0], 0, SEEK_SET) != 0)
			got = -1;
	} else if (got == 1)
		header_map(&h, row.cells, row.n, &quiet, &scratch);
	reg_progress(ri, step, 0, false);
	while (got == 1 && (got = from_spool ? spool_all_next(ri, &sl, &row) : sheet_next(s, &row, &err_row, &e2)) == 1) {
		reg_progress(ri, step, ++read, false);
		struct str no = header_cell(&h, C_HH_NO, row.cells, row.n);
		if (no.n > 0) {
			hh_key(key, sizeof(key), no);
			if (pass == PASS_ROWS) {
				bool isnew;
				size_t i = reg_state_of(ri, no, &isnew);
				if (ri->states[i].total == INT_MAX)
					ri->states[i].total = 0;
				ri->states[i].total++;
				n_rows++;
				if (ri->dups.n > 0) {
					/* the first place of a number the file holds more than once */
					struct idno id;
					idno_validate(header_cell(&h, C_ID_NO, row.cells, row.n), ri->today, &id);
					uint64_t *f = id.norm[0] ? (uint64_t *)map_get(&ri->dups, id.norm) : NULL;
					uint64_t here = (uint64_t)i << 32 | (uint32_t)row.num;
					if (f && (!*f || here < *f))
						*f = here;
				}
			} else if (strcmp(key, prev) != 0) {
				/* the rows change household: a 户编号 that starts two runs has rows apart */
				if (first && n_runs > 0 && n_runs % REG_BATCH == 0) {
					if (ri->n_cps == ri->cap_cps) {
						ri->cap_cps = ri->cap_cps ? 2 * ri->cap_cps : 64;
						ri->cps = xrealloc(ri->cps, ri->cap_cps * sizeof(*ri->cps));
					}
					ri->cps[ri->n_cps++] = hash;
				}
				n_runs++;
				memcpy(prev, key, sizeof(prev));
				hks[n_hk++] = arena_strdup(&kb, key);
				if (runs && !keysort_add(runs, key)) {
					rc = errinfo_set(e, ERR_IO, "", MSG_TMP_WRITE, tmp_dir(), msg_errno(errno));
					break;
				}
			}
			hash = rows_hash_add(hash, key);
		}
		if (!lookups)
			continue;
		struct idno id;
		idno_validate(header_cell(&h, C_ID_NO, row.cells, row.n), ri->today, &id);
		if (id.norm[0]) {
			ids[n_id++] = arena_strdup(&kb, id.norm);
			if (ks && !keysort_add(ks, id.norm)) {
				rc = errinfo_set(e, ERR_IO, "", MSG_TMP_WRITE, tmp_dir(), msg_errno(errno));
				break;
			}
		}
		if (n_hk == LOOKUP_KEYS || n_id == LOOKUP_KEYS) {
			if ((rc = reg_lookup(ri, hks, n_hk, ids, n_id, &kb, e)) != ERR_OK)
				break;
			n_hk = n_id = 0;
			arena_free(&kb);
			arena_init(&kb);
		}
	}
	if (rc == ERR_OK && got == 0 && lookups && (rc = reg_lookup(ri, hks, n_hk, ids, n_id, &kb, e)) == ERR_OK)
		ri->looked_up = true;
	if (rc == ERR_OK && got == 0 && pass == PASS_ROWS) {
		ri->counted = ri->dup_first = true;
		size_t hold = (ri->o->limits ? ri->o->limits : sheet_limits())->max_hold_rows;
		ri->n_slices = hold ? (n_rows + hold - 1) / hold : 1;
		if (ri->n_slices < 1)
			ri->n_slices = 1;
		ri->slice_states = ri->n_states;
	}
	if (rc == ERR_OK && got == 0 && first) {
		ri->first_hash = hash;
		if (!keysort_dups(ks, reg_dup_found, ri) || !keysort_dups(runs, reg_dup_run, ri))
			rc = errinfo_set(e, ERR_IO, "", MSG_TMP_WRITE, tmp_dir(), msg_errno(errno));
		ri->dups_known = rc == ERR_OK;
		ri->flat = rc == ERR_OK && !ri->dup_runs;
	}
	if (rc == ERR_OK && got == 0)
		reg_progress(ri, step, read, true);
	if (from_spool && got < 0)
		rc = errinfo_set(e, ERR_IO, "", MSG_TMP_WRITE, tmp_dir(), msg_errno(errno ? errno : EIO));
	keysort_free(ks);
	keysort_free(runs);
	if (s)
		sheet_close(s);
	arena_free(&scratch);
	arena_free(&kb);
	free(hks);
	free(ids);
	/* households on rows apart: count each one's rows */
	if (rc == ERR_OK && first && ri->dups_known && !ri->flat)
		rc = reg_count(ri, PASS_ROWS, e);
	return rc;
}


/* Check the batch's households (with a few database look-ups for all of them), then write them if the
 * file has shown no error so far; the batch is emptied. */
static enum err
reg_batch_in(struct reg_import *ri, struct errinfo *e)
{
	struct store *st = ri->st;
	const struct import_opts *o = ri->o;
	struct problems *p = ri->p;
	const struct header *h = &ri->h, *hhead = &ri->hhead;
	struct arena *a = &ri->ba;
	size_t n_h = ri->n_h, n_m = ri->n_m;
	struct reg_household *hv = ri->hv;
	struct reg_member *mv = ri->mv;
	enum err rc = ERR_OK;

	struct household *hhs = arena_alloc(a, n_h * sizeof(*hhs) + 1);
	struct income *incs = arena_alloc(a, n_h * sizeof(*incs) + 1);
	/* the database look-ups of the batch's 户编号 and 证件号码, a thousand per statement (one round trip
	 * each on PostgreSQL instead of one per person) */
	const char **keys = arena_alloc(a, (n_m > n_h ? n_m : n_h) * sizeof(*keys) + 1);
	bool *hh_taken = arena_alloc(a, n_h * sizeof(*hh_taken) + 1);
	char **registered = arena_alloc(a, n_m * sizeof(*registered) + 1);
	size_t n_keys = 0;
	size_t *key_of = arena_alloc(a, n_m * sizeof(*key_of) + 1);   /* member -> its key, or SIZE_MAX */
	for (size_t i = 0; i < n_m; i++) {
		key_of[i] = mv[i].m.id_no ? n_keys : SIZE_MAX;
		if (mv[i].m.id_no)
			keys[n_keys++] = mv[i].m.id_no;
	}
	if (ri->looked_up) {
		/* the first pass found them */
		for (size_t i = 0; i < n_h; i++)
			hh_taken[i] = hv[i].taken;
		for (size_t i = 0; i < n_keys; i++) {
			const uint64_t *w = map_get(&ri->where, keys[i]);
			registered[i] = w ? (char *)(uintptr_t)*w : NULL;
		}
	} else {
		/* a request's rows: this is the only batch, and nothing is written yet */
		if ((rc = store_idnos_current_household(st, keys, n_keys, ri->as_of, registered, a, e)) != ERR_OK)
			return rc;
		for (size_t i = 0; i < n_h; i++)
			keys[i] = hv[i].hh_no;
		if ((rc = store_household_nos_exist(st, keys, n_h, hh_taken, e)) != ERR_OK)
			return rc;
	}
	/* 户编号 that open 新识别 proposals hold: read once an import (in the caller's arena), found by bisection */
	if (!o->proposal && !ri->held_read) {
		if ((rc = proposal_hh_nos_open(st, 0, &ri->held, &ri->n_held, ri->a, e)) != ERR_OK)
			return rc;
		ri->held_read = true;
	}
	for (size_t i = 0; i < n_h; i++) {
		struct reg_household *g = &hv[i];
		if (!hh_taken[i] && ri->n_held && bsearch(&g->hh_no, ri->held, ri->n_held, sizeof(*ri->held), str_ptr_cmp))
			problem_add(p, false, g->first_row, header_label(h, C_HH_NO), str_from(g->hh_no), MSG_HH_PROPOSED,
			    g->hh_no);
		struct household *hh = &hhs[i];
		memset(hh, 0, sizeof(*hh));
		hh->hh_no = g->hh_no;
		hh->village = g->village;
		hh->code_version = code_version_for_date(ri->as_of);
		/* village */
		if (g->village) {
			char vs[16];
			snprintf(vs, sizeof(vs), "%012lld", (long long)g->village);
			const char *vcol = header_label(h, ri->by_code ? C_VILLAGE_CODE : C_VILLAGE);
			struct division d;
			rc = store_division_get(st, g->village, &d, a, e);
			if (rc == ERR_NOTFOUND || (rc == ERR_OK && !store_in_scope(st, g->village)))
				problem_add(p, false, g->first_row, vcol, str_from(vs), MSG_DIV_UNKNOWN, vs);
			else if (rc != ERR_OK)
				return rc;
			else if (d.level != LV_VILLAGE)
				problem_add(p, false, g->first_row, vcol, str_from(vs), MSG_DIV_NOT_VILLAGE, vs);
			rc = ERR_OK;
		}
		/* 户编号 already registered */
		if (hh_taken[i] && registry_hh_visible(st, g->hh_no, a))
			problem_add(p, false, g->first_row, header_label(h, C_HH_NO), str_from(g->hh_no), MSG_HH_EXISTS,
			    g->hh_no);
		else if (hh_taken[i])   /* outside the user's divisions: named nowhere */
			problem_add(p, false, g->first_row, header_label(h, C_HH_NO), str_from(g->hh_no), MSG_HH_NOT_AVAILABLE,
			    g->hh_no);
		/* household columns from the head's row */
		const struct str *c = g->head_cells;
		size_t cn = g->head_n;
		int hr = 0;
		for (size_t k = 0; k < g->n_members; k++)
			if (mv[g->members[k]].m.relation && strcmp(mv[g->members[k]].m.relation, REL_HEAD) == 0) {
				hr = mv[g->members[k]].row;
				break;
			}
		if (!hr)
			hr = g->first_row;
		const char *code;
		if (parse_code(CL_ATTRIBUTE, header_cell(hhead, C_ATTRIBUTE, c, cn), &code, p, hr, header_label(h, C_ATTRIBUTE)))
			hh->attribute = (char *)code;
		if (parse_code(CL_CAUSE, header_cell(hhead, C_CAUSE_MAIN, c, cn), &code, p, hr, header_label(h, C_CAUSE_MAIN)))
			hh->cause_main = (char *)code;
		parse_causes(header_cell(hhead, C_CAUSE_OTHER, c, cn), &hh->cause_other, a, p, hr,
		    header_label(h, C_CAUSE_OTHER));
		if (parse_code(CL_STANDARD, header_cell(hhead, C_ID_STANDARD, c, cn), &code, p, hr,
		    header_label(h, C_ID_STANDARD)))
			hh->id_standard = (char *)code;
		if (parse_ym(header_cell(hhead, C_IDENTIFIED_YM, c, cn), &hh->identified_ym, p, hr, header_label(h, C_IDENTIFIED_YM)))
			ym_not_ahead(hh->identified_ym, ri->today, ri->o->lenient, p, hr, header_label(h, C_IDENTIFIED_YM),
			    header_cell(hhead, C_IDENTIFIED_YM, c, cn));
		if (hh->identified_ym && hh->identified_ym / 100 * 12 + hh->identified_ym % 100 >=
		    ri->as_of / 10000 * 12 + ri->as_of / 100 % 100 + 12 && ri->late++ == 0) {
			ri->late_row = hr;
			ri->late_ym = hh->identified_ym;
		}
		if (parse_year(header_cell(hhead, C_EXIT_YEAR, c, cn), &hh->exit_year, p, hr, header_label(h, C_EXIT_YEAR)))
			year_not_ahead(hh->exit_year, ri->today, ri->o->lenient, p, hr, header_label(h, C_EXIT_YEAR),
			    header_cell(hhead, C_EXIT_YEAR, c, cn));
		parse_phone(header_cell(hhead, C_PHONE, c, cn), &hh->phone, a, p, hr, header_label(h, C_PHONE));
		parse_text(header_cell(hhead, C_BANK, c, cn), fields[C_BANK].max, &hh->bank, a, p, hr, header_label(h, C_BANK));
		parse_bank_account(header_cell(hhead, C_BANK_ACCOUNT, c, cn), &hh->bank_account, a, p, hr,
		    header_label(h, C_BANK_ACCOUNT));
		hh->status = ST_POOR;
		if (h->col[C_STATUS] >= 0) {
			struct str sv = header_cell(hhead, C_STATUS, c, cn);
			if (sv.n == 0)
				problem_add(p, false, hr, header_label(h, C_STATUS), sv, MSG_REQUIRED);
			else if (str_eq(sv, "已脱贫") || str_eq(sv, "脱贫"))
				problem_add(p, false, hr, header_label(h, C_STATUS), sv, MSG_STATUS_LABEL_AMBIGUOUS);
			else if (parse_code(CL_STATUS, sv, &code, p, hr, header_label(h, C_STATUS))) {
				status_from_code(code, &hh->status);
				if (!status_initial_ok(ri->ev, hh->status))
					problem_add(p, false, hr, header_label(h, C_STATUS), sv, MSG_INITIAL_STATUS,
					    evtype_label(ri->ev), status_label(hh->status));
			}
		}
		struct income *inc = &incs[i];
		memset(inc, 0, sizeof(*inc));
		inc->wage = inc->business = inc->property = inc->transfer = inc->business_cost = -1;
		parse_money(header_cell(hhead, C_NET_INCOME_PC, c, cn), &inc->net_pc, p, hr, header_label(h, C_NET_INCOME_PC));
		int iy = 0;
		parse_year(header_cell(hhead, C_INCOME_YEAR, c, cn), &iy, p, hr, header_label(h, C_INCOME_YEAR));
		if (inc->net_pc >= 0) {
			inc->year = iy ? iy : ri->as_of / 10000;
			inc->size = (int)g->n_members;
		}
		/* members together */
		struct member *set = arena_alloc(a, g->n_members * sizeof(*set));
		int *rows = arena_alloc(a, g->n_members * sizeof(*rows));
		for (size_t k = 0; k < g->n_members; k++) {
			set[k] = mv[g->members[k]].m;
			rows[k] = mv[g->members[k]].row;
		}
		member_set_check(set, rows, g->n_members, o->lenient, header_label(h, C_RELATION),
		    header_label(h, C_ID_NO), p);
		/* the same person in two households of the file, or already registered */
		for (size_t k = 0; k < g->n_members; k++) {
			struct reg_member *x = &mv[g->members[k]];
			if (!x->m.id_no)
				continue;
			bool found;
			const uint64_t *first = ri->dup_first ? map_get(&ri->dups, x->m.id_no) : NULL;
			uint64_t *slot = ri->dup_first || (ri->dups_known && !map_get(&ri->dups, x->m.id_no)) ? NULL :
			    map_slot(&ri->ids, x->m.id_no, &found);
			if (first && *first && (uint32_t)*first != (uint32_t)x->row) {
				/* its first place is known (PASS_ROWS), whichever slice this is */
				if ((size_t)(*first >> 32) != g->state)
					problem_add(p, o->lenient, x->row, header_label(h, C_ID_NO), str_from(x->m.id_no),
					    MSG_ID_DUP_FILE, (int)(*first & 0xffffffffu));
			} else if (slot && found) {
				/* within one household member_set_check reported it already */
				if ((size_t)(*slot >> 32) != g->state)
					problem_add(p, o->lenient, x->row, header_label(h, C_ID_NO), str_from(x->m.id_no),
					    MSG_ID_DUP_FILE, (int)(*slot & 0xffffffffu));
			} else if (slot) {
				ri->ids.keys[slot - ri->ids.vals] = arena_strdup(&ri->keys, x->m.id_no);
				*slot = (uint64_t)g->state << 32 | (uint32_t)x->row;
			}
			/* registered in the database, in a household not of this file (a person in two households
			 * of the file is reported above; earlier batches of the file are in the database already,
			 * but the look-ups were made before the first was written) */
			const char *where = registered[key_of[g->members[k]]];
			const uint64_t *wi = where && !ri->flat ? map_get(&ri->hh, where) : NULL;
			if (where && !(wi && ri->states[*wi].written)) {
				char id[32];
				if (registry_hh_visible(st, where, a))
					problem_add(p, o->lenient, x->row, header_label(h, C_ID_NO), str_from(x->m.id_no),
					    MSG_ID_DUP_DB, where);
				else   /* outside the user's divisions: named nowhere, the number masked */
					problem_add(p, o->lenient, x->row, header_label(h, C_ID_NO),
					    str_from(idno_mask(x->m.id_no, id, sizeof(id))), MSG_ID_NOT_AVAILABLE, id);
			}
		}
	}
	ri->r->households += (int)n_h;
	ri->r->members += (int)n_m;
	ri->r->events += (int)n_h;
	/* write, unless the file has shown an error: then the rest is only checked, and all is rolled back */
	if (ri->writing && p->n_errors == 0) {
		if (!ri->bulk) {
			if ((rc = store_bulk_begin(st, e)) != ERR_OK)
				return rc;
			ri->bulk = true;
		}
		for (size_t i = 0; i < n_h; i++) {
			struct reg_household *g = &hv[i];
			struct member *set = arena_alloc(a, g->n_members * sizeof(*set));
			for (size_t k = 0; k < g->n_members; k++) {
				set[k] = mv[g->members[k]].m;
				set[k].info_date = ri->as_of;
			}
			int64_t ev_id = 0;
			rc = household_create(&ri->t, &hhs[i], set, g->n_members, ri->ev, ri->as_of, o->batch,
			    o->reason ? o->reason : (ri->ev == EV_INCLUDE_MISSED ? evtype_label(ri->ev) : NULL),
			    incs[i].net_pc >= 0 ? &incs[i] : NULL, &ev_id, e);
			if (rc != ERR_OK)
				return rc;
			ri->r->last_event = ev_id;
			ri->r->last_household = hhs[i].id;
			if (!ri->flat)
				ri->states[g->state].written = true;
		}
	}
	for (size_t i = 0; i < n_h && !ri->flat; i++) {
		ri->states[hv[i].state].in_batch = false;
		ri->states[hv[i].state].done = true;
	}
	ri->cur.in_batch = false;
	ri->n_h = ri->n_m = ri->n_open = ri->n_complete = 0;
	arena_free(&ri->ba);
	arena_init(&ri->ba);
	return ERR_OK;
}

/* The checking pass runs outside any transaction: each batch reads in one snapshot, so the store checks its
 * division cache once a batch instead of once a household (a query each, a round trip on PostgreSQL). Under
 * the write lock the batch is inside the import's transaction already. */
static enum err
reg_batch(struct reg_import *ri, struct errinfo *e)
{
	struct errinfo e2;   /* no snapshot: the batch reads as before, statement by statement */
	errinfo_clear(&e2);
	bool began = store_read_begin(ri->st, &e2);
	enum err rc = reg_batch_in(ri, e);
	store_read_end(ri->st, began);
	return rc;
}

/* A contiguous file's rows are not the first pass's (reported once a pass: nothing is written from then on). */
static void
reg_changed(struct reg_import *ri)
{
	if (!ri->changed)
		problem_add(ri->p, false, 0, "", (struct str){ 0 }, MSG_FILE_CHANGED);
	ri->changed = true;
}

/* One data row of the second pass: its member into the batch, under its household. */
static enum err
reg_row(struct reg_import *ri, const struct sheet_row *row, struct errinfo *e)
{
	const struct header *h = &ri->h;
	struct problems *p = ri->p;
	struct arena *a = &ri->ba;
	const struct str *c = row->cells;
	struct str hh_no = header_cell(h, C_HH_NO, c, row->n);
	char key[160] = "";
	if (hh_no.n > 0)
		hh_key(key, sizeof(key), hh_no);
	if (ri->n_slices > 1) {
		/* a row of another slice's household is that slice's (a row of none: the first slice's) */
		const uint64_t *v = hh_no.n > 0 ? map_get(&ri->hh, key) : NULL;
		size_t sl = v && *v < ri->slice_states ? (size_t)*v * ri->n_slices / ri->slice_states : 0;
		if (ri->spooling && !spool_put(ri->spool[sl], row))
			return errinfo_set(e, ERR_IO, "", MSG_TMP_WRITE, tmp_dir(), msg_errno(errno));
		if (sl != ri->slice)
			return ERR_OK;
	}
	ri->r->rows++;
	if (hh_no.n > 0 && ri->flat) {
		if (ri->seq == 0 || strcmp(key, ri->cur_no) != 0) {
			/* the next household begins: the one before is complete; every REG_BATCH households the
			 * batch goes (before the row is read into its arena), once the rows so far are the first
			 * pass's */
			if (ri->cur.in_batch) {
				ri->n_open--;
				ri->n_complete++;
			}
			ri->cur = (struct reg_state){ .total = INT_MAX };
			memcpy(ri->cur_no, key, sizeof(key));
			if (ri->seq > 0 && ri->seq % REG_BATCH == 0) {
				size_t j = ri->seq / REG_BATCH - 1;
				if (j >= ri->n_cps || ri->cps[j] != ri->rows_hash)
					reg_changed(ri);
				enum err rc = ri->n_h ? reg_batch(ri, e) : ERR_OK;
				if (rc != ERR_OK)
					return rc;
			}
			ri->seq++;
		}
		ri->rows_hash = rows_hash_add(ri->rows_hash, key);
	}
	int idcol = h->col[C_ID_NO];
	bool numeric_id = row->numeric_mask_valid && idcol >= 0 && (size_t)idcol < row->n && row->numeric[idcol];
	struct member m;
	size_t before = p->n;
	member_from_row(h, c, row->n, row->num, ri->today, ri->o->lenient, &m, p, a);
	if (numeric_id) {
		/* what Excel made of the number (3.7139919620304e+17) is not also "19 characters long" */
		problems_drop(p, before, row->num, header_label(h, C_ID_NO));
		problem_add(p, false, row->num, header_label(h, C_ID_NO), c[idcol], MSG_NUMERIC_ID);
	}
	if (m.birth > ri->as_of && m.birth <= ri->today) {
		/* registered as of a day before the birth: counted before being born (the row's 证件号码 tells the birth) */
		char b[11], d[11];
		problem_add(p, ri->o->lenient, row->num, header_label(h, C_ID_NO), c[idcol], MSG_BIRTH_AFTER_EFFECTIVE,
		    date_format(m.birth, b), date_format(ri->as_of, d));
	}
	if (hh_no.n == 0) {
		problem_add(p, false, row->num, header_label(h, C_HH_NO), hh_no, MSG_REQUIRED);
		return ERR_OK;
	}
	bool isnew;
	size_t si = ri->flat ? ri->seq - 1 : reg_state_of(ri, hh_no, &isnew);
	struct reg_state *sx = ri->flat ? &ri->cur : &ri->states[si];
	sx->seen++;
	if (sx->done || (sx->total != INT_MAX && sx->seen > sx->total)) {
		/* the first pass counted fewer rows: the file changed while it was being read */
		problem_add(p, false, row->num, header_label(h, C_HH_NO), hh_no, MSG_FILE_CHANGED);
		return ERR_OK;
	}
	char *no;
	if (!parse_text(hh_no, 32, &no, a, p, row->num, header_label(h, C_HH_NO)))
		goto counted;
	if (ri->n_m == ri->cap_m) {
		ri->cap_m = ri->cap_m ? 2 * ri->cap_m : 1024;
		ri->mv = xrealloc(ri->mv, ri->cap_m * sizeof(*ri->mv));
	}
	struct reg_member *x = &ri->mv[ri->n_m++];
	x->m = m;
	x->row = row->num;
	if (!sx->in_batch) {
		if (ri->n_h == ri->cap_h) {
			ri->cap_h = ri->cap_h ? 2 * ri->cap_h : 256;
			ri->hv = xrealloc(ri->hv, ri->cap_h * sizeof(*ri->hv));
		}
		sx->batch_ix = ri->n_h;
		sx->in_batch = true;
		struct reg_household *g = &ri->hv[ri->n_h++];
		memset(g, 0, sizeof(*g));
		g->hh_no = no;
		g->state = si;
		g->taken = map_get(&ri->taken, key) != NULL;
		g->first_row = row->num;
		ri->n_open++;
	}
	struct reg_household *g = &ri->hv[sx->batch_ix];
	/* the village of this row */
	int64_t village = 0;
	if (ri->by_code) {
		struct str vc = header_cell(h, C_VILLAGE_CODE, c, row->n);
		if (vc.n == 0)
			problem_add(p, false, row->num, header_label(h, C_VILLAGE_CODE), vc, MSG_REQUIRED);
		else
			parse_divcode(vc, &village, p, row->num, header_label(h, C_VILLAGE_CODE));
	} else {
		struct str tn = header_cell(h, C_TOWN, c, row->n), vn = header_cell(h, C_VILLAGE, c, row->n);
		if (tn.n == 0)
			problem_add(p, false, row->num, header_label(h, C_TOWN), tn, MSG_REQUIRED);
		else if (vn.n == 0)
			problem_add(p, false, row->num, header_label(h, C_VILLAGE), vn, MSG_REQUIRED);
		else {
			enum err rc = place_of(ri, tn, vn, &village, a, e);
			if (rc == ERR_NOTFOUND) {
				char t1[128], t2[128];
				snprintf(t1, sizeof(t1), "%.*s", (int)tn.n, tn.p);
				snprintf(t2, sizeof(t2), "%.*s", (int)vn.n, vn.p);
				problem_add(p, false, row->num, header_label(h, C_VILLAGE), vn, MSG_VILLAGE_NAME, t2, t1);
			} else if (rc != ERR_OK)
				return rc;
		}
	}
	if (village) {
		if (!g->village)
			g->village = village;
		else if (g->village != village) {
			char vs[16];
			snprintf(vs, sizeof(vs), "%012lld", (long long)village);
			problem_add(p, false, row->num, header_label(h, ri->by_code ? C_VILLAGE_CODE : C_VILLAGE),
			    str_from(vs), MSG_HH_INCONSISTENT, row->num, vs);
		}
	}
	if (g->n_members == g->cap_members) {
		size_t cap = g->cap_members ? 2 * g->cap_members : 8;
		size_t *w = arena_alloc(a, cap * sizeof(*w));
		if (g->n_members)
			memcpy(w, g->members, g->n_members * sizeof(*w));
		g->members = w;
		g->cap_members = cap;
	}
	g->members[g->n_members++] = ri->n_m - 1;
	/* Household columns are read from the head's row (the first row until a head shows up). */
	bool is_head = x->m.relation && strcmp(x->m.relation, REL_HEAD) == 0;
	if (!g->head_cells || (is_head && !g->head_is_head)) {
		g->head_cells = keep_row(h, row, a);
		g->head_n = NELEM(hh_fields);
		g->head_is_head = is_head;
	}
counted:
	if (sx->in_batch && sx->seen == sx->total) {
		ri->n_open--;
		ri->n_complete++;
	}
	/* a full batch is checked and written once no household of it waits for more rows */
	if (!ri->flat && ri->n_complete >= REG_BATCH && ri->n_open == 0)
		return reg_batch(ri, e);
	return ERR_OK;
}

/* Under the write lock, when the database may have changed since the first pass looked the keys up (another
 * writer committed in between): every 户编号 and 证件号码 of the file is looked up again, read from the file
 * once more, or from the slices' files when the check spooled it (the importer holds only the hits). If the
 * file cannot be read again, each batch looks its keys up itself. */
static enum err
reg_relookup(struct reg_import *ri, struct errinfo *e)
{
	map_free(&ri->taken);
	map_free(&ri->where);
	map_free(&ri->places);   /* the divisions too may have changed */
	if (!ri->looked_up)
		return ERR_OK;
	ri->looked_up = false;
	return reg_count(ri, PASS_AGAIN, e);
}

/* Before a pass over the file's rows: no household read yet. */
static void
reg_pass_begin(struct reg_import *ri)
{
	for (size_t i = 0; i < ri->n_states; i++) {
		ri->states[i].seen = 0;
		ri->states[i].in_batch = ri->states[i].done = ri->states[i].written = false;
	}
	ri->cur = (struct reg_state){ .total = INT_MAX };
	ri->cur_no[0] = '\0';
	ri->seq = 0;
	ri->rows_hash = ROWS_HASH_INIT;
	ri->changed = false;
}

/* The end of a pass over the file's rows (read to its end if whole): in a contiguous file the rows' 户编号
 * must be the first pass's (a household split by an edit in between would be taken for two), then the last
 * batch. */
static enum err
reg_pass_end(struct reg_import *ri, bool whole, struct errinfo *e)
{
	if (ri->flat && whole && ri->rows_hash != ri->first_hash)
		reg_changed(ri);
	/* households still waiting for rows the first pass counted: rows went missing */
	if (ri->counted && whole && ri->n_open > 0)
		reg_changed(ri);
	return ri->n_h ? reg_batch(ri, e) : ERR_OK;
}

/* The second or the third pass over the file's rows, in ri->n_slices slices of households. s: the file, open
 * after its header, or NULL to open it; closed here either way. *got: how the last read ended (0 at the end of
 * the file; -1 on an error, reported as a problem of its row). In slices, the check reads the file once and
 * spools it (spool_put); its other slices, and every slice of the write, are read back from the spool. */
static enum err
reg_pass(struct reg_import *ri, struct sheet *s, int *got, struct errinfo *e)
{
	struct sheet_row row;
	int err_row = 0;
	enum err rc = ERR_OK;
	reg_pass_begin(ri);
	*got = 0;
	bool spooled = ri->spool != NULL;   /* the check spooled the file: the write reads it back */
	if (ri->n_slices > 1 && !spooled) {
		ri->spool = xcalloc(ri->n_slices, sizeof(*ri->spool));
		for (size_t i = 0; i < ri->n_slices && rc == ERR_OK; i++) {
			int fd = tmp_file("rows");
			if (fd < 0 || !(ri->spool[i] = fdopen(fd, "w+"))) {
				if (fd >= 0)
					close(fd);
				rc = errinfo_set(e, ERR_IO, "", MSG_TMP_WRITE, tmp_dir(), msg_errno(errno));
			}
		}
		ri->spooling = rc == ERR_OK;
	}
	for (ri->slice = 0; ri->slice < ri->n_slices && rc == ERR_OK && *got == 0; ri->slice++) {
		enum import_step step = ri->writing ? IMPORT_STEP_WRITE : IMPORT_STEP_CHECK;
		long long read = 0;
		reg_progress(ri, step, 0, false);
		if (spooled || ri->slice > 0) {
			FILE *f = ri->spool[ri->slice];
			/* -2: the slice's last rows could not be written out; -1: it could not be read back */
			int r = fflush(f) != 0 ? -2 : fseek(f, 0, SEEK_SET) == 0 ? 1 : -1;
			while (r == 1 && (r = spool_next(ri, f, &row)) == 1) {
				reg_progress(ri, step, ++read, false);
				if ((rc = reg_row(ri, &row, e)) != ERR_OK)
					break;
			}
			if (rc == ERR_OK && r < 0)
				rc = errinfo_set(e, ERR_IO, "", r == -2 ? MSG_TMP_WRITE : MSG_TMP_READ, tmp_dir(),
				    msg_errno(errno ? errno : EIO));
		} else {
			int hdr = 1;
			if (!s) {
				if (!(s = open_sheet(ri->o, ri->r, e))) {
					rc = e && e->err == ERR_INVALID ? ERR_INVALID : (e ? e->err : ERR_IO);
					if (rc == ERR_INVALID)
						problem_from_err(ri->p, false, 0, "", (struct str){ 0 }, e);
					break;
				}
				hdr = next_header(s, &row, &err_row, e);
			}
			if (hdr == 1) {
				while ((*got = sheet_next(s, &row, &err_row, e)) == 1) {
					reg_progress(ri, step, ++read, false);
					if ((rc = reg_row(ri, &row, e)) != ERR_OK)
						break;
				}
			} else
				*got = hdr;
			if (rc == ERR_OK && *got < 0)
				sheet_problem(ri->p, s, &ri->h, err_row, e);
			sheet_close(s);
			s = NULL;
			ri->spooling = false;
		}
		if (rc == ERR_OK && *got == 0)
			reg_progress(ri, step, read, true);
		if (rc == ERR_OK)
			rc = reg_pass_end(ri, *got == 0, e);
	}
	ri->spooling = false;
	if (s)
		sheet_close(s);
	return rc;
}

/* One warning for the file when --as-of lies a year or more before households' 识别年月: their history
 * would begin before they were identified (usually a forgotten --as-of). */
static void
reg_as_of_warning(struct reg_import *ri)
{
	if (ri->late) {
		char d[11], ym[8];
		snprintf(ym, sizeof(ym), "%06d", ri->late_ym);
		problem_add(ri->p, true, 0, ri->o->as_of_field ? ri->o->as_of_field : "--as-of", (struct str){ 0 },
		    MSG_AS_OF_EARLY, date_format(ri->as_of, d),
		    ri->late, ri->late_row, ym);
	}
	ri->late = 0;
}

enum err
import_registry(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e)
{
	enum err rc;
	struct reg_import ri = { .st = st, .o = o, .r = r, .p = &r->problems, .a = a, .n_slices = 1 };
	struct header *h = &ri.h;
	struct problems *p = &r->problems;
	ri.today = stamp_date(o->now ? o->now : stamp_now());
	ri.as_of = o->as_of ? o->as_of : ri.today;
	ri.ev = o->event == EV_INCLUDE_MISSED ? EV_INCLUDE_MISSED : EV_IDENTIFY;
	arena_init(&ri.keys);
	arena_init(&ri.ba);

	struct sheet *s = open_sheet(o, r, e);
	if (!s)
		return e && e->err == ERR_INVALID ? (problem_from_err(p, false, 0, "", (struct str){ 0 }, e), ERR_INVALID)
		    : (e ? e->err : ERR_IO);
	if (!read_header(s, h, r, a, e, &rc)) {
		sheet_close(s);
		return rc;
	}
	bool ok = need_column(h, C_HH_NO, r) & need_column(h, C_NAME, r) & need_column(h, C_ID_NO, r) &
	    need_column(h, C_RELATION, r) & need_column(h, C_SEX, r);
	ri.by_code = h->col[C_VILLAGE_CODE] >= 0;
	if (!ri.by_code && (h->col[C_TOWN] < 0 || h->col[C_VILLAGE] < 0)) {
		problem_add(p, false, 1, fields[C_VILLAGE_CODE].label, (struct str){ 0 }, MSG_NO_VILLAGE_COLUMN);
		ok = false;
	}
	if (!ok) {
		sheet_close(s);
		return ERR_INVALID;
	}
	if (ri.as_of > ri.today || ri.as_of < DATE_RECORDS_FROM) {
		char d[11];
		problem_add(p, false, 0, o->as_of_field ? o->as_of_field : "--as-of", (struct str){ 0 },
		    ri.as_of > ri.today ? MSG_FUTURE_DATE : MSG_DATE_TOO_EARLY, date_format(ri.as_of, d));
		sheet_close(s);
		return ERR_INVALID;
	}
	if (o->batch) {   /* a closed campaign's name: no household can be identified in it any more */
		struct errinfo be;
		errinfo_clear(&be);
		if (campaign_batch_open(st, o->batch, &be) != ERR_OK) {
			problem_from_err(p, false, 0, "--batch", str_from(o->batch), &be);
			sheet_close(s);
			return ERR_INVALID;
		}
	}
	compact_header(h, &ri.hhead);
	struct sheet_row row;
	int got, err_row;
	bool in_tx = false;
	int64_t announced = 0;

	if (o->sheet) {
		/* A request's rows (one household, a few members): one batch, checked and written in one write
		 * transaction. */
		if (o->txn)
			ri.t = *o->txn;   /* the caller's transaction (given back below) */
		else {
			if ((rc = import_txn_begin(&ri.t, st, o, false, p, e)) != ERR_OK)
				goto done;
			in_tx = true;
			ri.t.lenient = o->lenient;
			ri.t.quiet_audit = false;   /* rows from a request are audited one by one */
			ri.t.ip = o->ip;
		}
		ri.writing = !o->dry_run;
		while ((got = sheet_next(s, &row, &err_row, e)) == 1)
			if ((rc = reg_row(&ri, &row, e)) != ERR_OK)
				goto done;
		sheet_close(s);
		s = NULL;
		if (ri.n_h && (rc = reg_batch(&ri, e)) != ERR_OK)
			goto done;
		if (r->rows == 0)
			problem_add(p, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);
	} else {
		/* A file is checked whole before the write lock is taken, so a bad file (or a hostile one) never
		 * holds up anyone's writes, and what is done under the lock is only what must be: */
		if ((rc = import_check_now(st, o, p, e)) != ERR_OK)
			goto done;
		/* the registry's generation: another writer's commit to the registry moves it, a login does not */
		uint64_t mark = 0;
		bool marked = store_registry_generation(st, &mark);
		/* 1. a first pass looks up the file's keys in the database and proves its households contiguous
		 * (or counts each one's rows) */
		if ((rc = reg_count(&ri, PASS_FIRST, e)) != ERR_OK)
			goto done;
		/* 2. the second checks every row and household (nothing is written) */
		rc = reg_pass(&ri, s, &got, e);
		s = NULL;
		if (rc != ERR_OK)
			goto done;
		if (r->rows == 0 && got == 0)
			problem_add(p, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);
		reg_as_of_warning(&ri);
		if (p->n_errors > 0 || o->dry_run)
			goto checked;
		/* 3. under the write lock: the file once more, each batch checked again (the database may have
		 * changed since: then every key is looked up again first) and written */
		announced = import_announce(st, o);
		if ((rc = import_txn_begin(&ri.t, st, o, false, p, e)) != ERR_OK)
			goto done;
		in_tx = true;
		ri.t.lenient = o->lenient;
		ri.t.quiet_audit = true;   /* the file is audited once, below */
		ri.t.ip = o->ip;
		uint64_t now_mark = 0;
		if (!marked || !store_registry_generation(st, &now_mark) || now_mark != mark)
			if ((rc = reg_relookup(&ri, e)) != ERR_OK)
				goto done;
		problems_init(p, p->a);
		r->rows = r->households = r->members = r->events = 0;
		ri.writing = true;
		if ((rc = reg_pass(&ri, NULL, &got, e)) != ERR_OK)
			goto done;
		reg_as_of_warning(&ri);
	}
checked:
	problems_sort(p);
	if (p->n_errors > 0)
		r->households = r->members = r->events = 0;   /* nothing would be written */
	if (p->n_errors > 0 || o->dry_run) {
		rc = p->n_errors > 0 ? ERR_INVALID : ERR_OK;
		goto done;
	}
	if (ri.bulk) {
		ri.bulk = false;
		if ((rc = store_bulk_end(st, e)) != ERR_OK)
			goto done;
	}
	if (!o->sheet && (rc = audit_import(&ri.t, "import.registry", o, r, e)) != ERR_OK)
		goto done;
	if (o->txn) {
		r->written = true;
		rc = ERR_OK;   /* the caller commits */
		goto done;
	}
	in_tx = false;
	if ((rc = txn_commit(&ri.t, e)) != ERR_OK)
		goto done;
	r->written = true;
	rc = ERR_OK;
done:
	if (in_tx) {
		if (ri.bulk)
			store_bulk_end(st, NULL);
		txn_rollback(&ri.t);
	}
	if (o->txn) {
		if (ri.bulk)
			store_bulk_end(st, NULL);
		*o->txn = ri.t;   /* its pending aggregates go back with it */
	}
	import_done(st, announced);
	if (s)
		sheet_close(s);
	map_free(&ri.hh);
	map_free(&ri.taken);
	map_free(&ri.ids);
	map_free(&ri.dups);
	map_free(&ri.where);
	map_free(&ri.places);
	free(ri.states);
	free(ri.cps);
	spool_close(&ri);
	free(ri.hv);
	free(ri.mv);
	arena_free(&ri.ba);
	arena_free(&ri.keys);
	return rc;
}

/* ---- events ---- */

/* Map an errinfo field (an API name) to the column that holds it. */
static enum col
col_of_field(const char *field)
{
	for (int c = 0; c < C__MAX; c++)
		if (field && strcmp(fields[c].key, field) == 0)
			return (enum col)c;
	return C_HH_NO;
}

/* A cell as an update reads it: one with a mask's stars says nothing (empty). */
static struct str
unmasked(struct str v)
{
	return memchr(v.p, '*', v.n) ? (struct str){ v.p, 0 } : v;
}

/* One pass over an events sheet's rows (after the header). Without t, only what a row says by itself is
 * checked (cells, codes, dates, ID numbers), and nothing touches the database; with t every row is recorded in
 * t's transaction. */
static enum err
events_pass(const struct import_opts *o, struct sheet *s, const struct header *h, struct import_result *r,
    struct txn *t, int today, bool *unreadable, struct errinfo *e)
{
	struct problems *p = &r->problems;
	enum err rc;
	struct sheet_row row;
	int got, err_row;
	int review = -1;   /* require_review, read at the first row that needs it */
	while ((got = sheet_next(s, &row, &err_row, e)) == 1) {
		r->rows++;
		const struct str *c = row.cells;
		size_t n = row.n, before = p->n_errors;
		struct arena ra;
		arena_init(&ra);
		/* an update (registry sheet, --update): a masked cell (an export's 371399****…, 139****1234) says
		 * nothing and is left as stored */
#define CELL(col) (o->update ? unmasked(header_cell(h, col, c, n)) : header_cell(h, col, c, n))
#define COL(col) header_label(h, col)
		struct event_req q;
		memset(&q, 0, sizeof(q));
		struct str v = CELL(C_HH_NO);
		if (v.n == 0)
			problem_add(p, false, row.num, COL(C_HH_NO), v, MSG_REQUIRED);
		q.hh_no = arena_strndup(&ra, v.p, v.n);
		const char *code = NULL;
		if (o->update) {
			/* every row: a 信息更正 of its member, then of its household, effective as_of (default today) */
			code = "data_fix";
			q.type = EV_DATA_FIX;
			q.effective = o->as_of ? o->as_of : today;
			q.reason = o->reason ? o->reason : msg_text_in(MSG_UPDATE_REASON, LANG_ZH);
		} else {
		v = CELL(C_EVENT_TYPE);
		if (v.n == 0)
			problem_add(p, false, row.num, COL(C_EVENT_TYPE), v, MSG_REQUIRED);
		else if (parse_code(CL_EVENT, v, &code, p, row.num, COL(C_EVENT_TYPE))) {
			evtype_from_code(code, &q.type);
			struct errinfo de;
			errinfo_clear(&de);
			if (t && o->role && settings_event_direct_cached(t->st, &review, o->role, code, &de) != ERR_OK)
				problem_from_err(p, false, row.num, COL(C_EVENT_TYPE), v, &de);
		}
		v = CELL(C_EFFECTIVE);
		if (v.n == 0)
			problem_add(p, false, row.num, COL(C_EFFECTIVE), v, MSG_REQUIRED);
		else
			parse_date_cell(v, &q.effective, p, row.num, COL(C_EFFECTIVE));
		}
		v = CELL(C_BATCH);
		q.batch = v.n ? arena_strndup(&ra, v.p, v.n) : o->batch;
		v = CELL(C_REASON);
		if (!o->update)
			q.reason = v.n ? arena_strndup(&ra, v.p, v.n) : NULL;
		int corr = -1;
		parse_bool(CELL(C_CORRECTION), &corr, p, row.num, COL(C_CORRECTION));
		q.correction = corr == 1;
		v = CELL(C_TARGET_HH_NO);
		q.target_hh_no = v.n ? arena_strndup(&ra, v.p, v.n) : NULL;

		for (int part = 0; part < (o->update ? 2 : 1); part++) {
		struct member m;
		struct household hh;
		memset(&hh, 0, sizeof(hh));
		q.fix_mask = 0;
		q.member = NULL;
		q.hh = NULL;
		q.former_head_relation = NULL;
		q.others = o->others;   /* one row from the API: data_fix or member_remove (the domain says for others) */
		q.n_others = o->n_others;
		bool fh_read = false;
		q.id_no = NULL;
		/* an update's member row whose 证件号码 is masked: the member of that name in the household */
		bool by_name = o->update && part == 0 && !CELL(C_ID_NO).n && header_cell(h, C_ID_NO, c, n).n;
		if (by_name && t && p->n_errors == before) {
			struct household fh;
			struct member *mv;
			size_t nm, hits = 0;
			struct errinfo ign;
			struct str nv = CELL(C_NAME);
			if (store_household_by_no(t->st, q.hh_no, &fh, &ra, &ign) != ERR_OK) {
				problem_add(p, false, row.num, COL(C_HH_NO), CELL(C_HH_NO), MSG_HH_NOT_FOUND, q.hh_no);
				break;
			}
			if (store_members_at(t->st, fh.id, t->today, &mv, &nm, &ra, &ign) == ERR_OK)
				for (size_t k = 0; k < nm; k++)
					if (nv.n && mv[k].name && strlen(mv[k].name) == nv.n && memcmp(mv[k].name, nv.p, nv.n) == 0 &&
					    hits++ == 0)
						q.id_no = mv[k].id_no;
			if (hits != 1)
				problem_add(p, false, row.num, COL(C_NAME), nv, hits ? MSG_UPDATE_NAME_AMBIGUOUS : MSG_UPDATE_NAME_UNKNOWN,
				    q.hh_no);
		}
		if (code && p->n_errors == before) {
			switch (q.type) {
			case EV_MEMBER_ADD:
				if (member_from_row(h, c, n, row.num, today, o->lenient, &m, p, &ra))
					q.member = &m;
				q.id_no = m.id_no;
				break;
			case EV_MEMBER_REMOVE:
				member_idno_from_row(h, c, n, row.num, today, o->lenient, (char **)&q.id_no, p, &ra);
				member_new_head_from_row(h, c, n, row.num, today, (char **)&q.new_head, p, &ra);
				break;
			case EV_SPLIT:
			case EV_MERGE:
				member_idno_from_row(h, c, n, row.num, today, o->lenient, (char **)&q.id_no, p, &ra);
				v = CELL(C_RELATION);
				if (v.n == 0)
					problem_add(p, false, row.num, COL(C_RELATION), v, MSG_REQUIRED);
				else
					parse_code(CL_RELATION, v, &q.relation, p, row.num, COL(C_RELATION));
				break;
			case EV_DATA_FIX:
				memset(&m, 0, sizeof(m));
				m.work_months = m.ins_medical = m.ins_serious = m.ins_pension = m.dibao = m.tekun = -1;
				if (o->update ? part == 0 : CELL(C_ID_NO).n > 0) {
					if (by_name) {
						if (!q.id_no)
							break;   /* not looked up (the first pass) or not found (a problem) */
					} else
						member_idno_from_row(h, c, n, row.num, today, o->lenient, (char **)&q.id_no, p, &ra);
					static const struct {
						enum col c;
						enum codelist cl;
						size_t off;
					} cf[] = {
						{ C_RELATION, CL_RELATION, offsetof(struct member, relation) },
						{ C_SEX, CL_SEX, offsetof(struct member, sex) },
						{ C_ETHNICITY, CL_ETHNICITY, offsetof(struct member, ethnicity) },
						{ C_EDUCATION, CL_EDUCATION, offsetof(struct member, education) },
						{ C_SCHOOLING, CL_SCHOOLING, offsetof(struct member, schooling) },
						{ C_HEALTH, CL_HEALTH, offsetof(struct member, health) },
						{ C_LABOR, CL_LABOR, offsetof(struct member, labor) },
						{ C_WORK_STATUS, CL_WORK, offsetof(struct member, work_status) },
					};
					for (size_t k = 0; k < NELEM(cf); k++) {
						const char *cd;
						if (CELL(cf[k].c).n && parse_code(cf[k].cl, CELL(cf[k].c), &cd, p, row.num, COL(cf[k].c))) {
							*(const char **)((char *)&m + cf[k].off) = cd;
							q.fix_mask |= (uint64_t)1 << cf[k].c;
						}
					}
					if (CELL(C_NAME).n && parse_text(CELL(C_NAME), 64, &m.name, &ra, p, row.num, COL(C_NAME)))
						q.fix_mask |= (uint64_t)1 << C_NAME;
					if (CELL(C_WORK_MONTHS).n &&
					    parse_int_range(CELL(C_WORK_MONTHS), 0, 12, &m.work_months, p, row.num, COL(C_WORK_MONTHS)))
						q.fix_mask |= (uint64_t)1 << C_WORK_MONTHS;
					static const struct {
						enum col c;
						size_t off;
					} bf[] = {
						{ C_INS_MEDICAL, offsetof(struct member, ins_medical) },
						{ C_INS_SERIOUS, offsetof(struct member, ins_serious) },
						{ C_INS_PENSION, offsetof(struct member, ins_pension) },
						{ C_DIBAO, offsetof(struct member, dibao) },
						{ C_TEKUN, offsetof(struct member, tekun) },
					};
					for (size_t k = 0; k < NELEM(bf); k++)
						if (CELL(bf[k].c).n && parse_bool(CELL(bf[k].c), (int *)((char *)&m + bf[k].off), p,
						    row.num, COL(bf[k].c)))
							q.fix_mask |= (uint64_t)1 << bf[k].c;
					if (CELL(C_MEMBER_PHONE).n &&
					    parse_phone(CELL(C_MEMBER_PHONE), &m.phone, &ra, p, row.num, COL(C_MEMBER_PHONE)))
						q.fix_mask |= (uint64_t)1 << C_MEMBER_PHONE;
					struct idno nid;
					if (member_new_idno_from_row(h, c, n, row.num, today, &nid, p)) {
						m.id_no = arena_strdup(&ra, nid.norm);
						m.id_kind = nid.kind;
						m.birth = nid.birth;
						q.fix_mask |= (uint64_t)1 << C_NEW_ID_NO;
					}
					if (CELL(C_BIRTH).n && parse_date_cell(CELL(C_BIRTH), &m.birth, p, row.num, COL(C_BIRTH))) {
						if (m.birth > today) {
							char bd[11];
							problem_add(p, false, row.num, COL(C_BIRTH), CELL(C_BIRTH), MSG_FUTURE_BIRTH,
							    date_format(m.birth, bd));
						} else
							q.fix_mask |= (uint64_t)1 << C_BIRTH;
					}
					q.member = &m;
					const char *fh;
					if (CELL(C_FORMER_HEAD).n &&
					    parse_code(CL_RELATION, CELL(C_FORMER_HEAD), &fh, p, row.num, COL(C_FORMER_HEAD)))
						q.former_head_relation = fh;
					fh_read = true;
				} else {
					const char *cd;
					if (CELL(C_ATTRIBUTE).n &&
					    parse_code(CL_ATTRIBUTE, CELL(C_ATTRIBUTE), &cd, p, row.num, COL(C_ATTRIBUTE))) {
						hh.attribute = (char *)cd;
						q.fix_mask |= (uint64_t)1 << C_ATTRIBUTE;
					}
					if (CELL(C_CAUSE_MAIN).n &&
					    parse_code(CL_CAUSE, CELL(C_CAUSE_MAIN), &cd, p, row.num, COL(C_CAUSE_MAIN))) {
						hh.cause_main = (char *)cd;
						q.fix_mask |= (uint64_t)1 << C_CAUSE_MAIN;
					}
					if (CELL(C_CAUSE_OTHER).n &&
					    parse_causes(CELL(C_CAUSE_OTHER), &hh.cause_other, &ra, p, row.num, COL(C_CAUSE_OTHER)))
						q.fix_mask |= (uint64_t)1 << C_CAUSE_OTHER;
					if (CELL(C_ID_STANDARD).n &&
					    parse_code(CL_STANDARD, CELL(C_ID_STANDARD), &cd, p, row.num, COL(C_ID_STANDARD))) {
						hh.id_standard = (char *)cd;
						q.fix_mask |= (uint64_t)1 << C_ID_STANDARD;
					}
					if (CELL(C_PHONE).n && parse_phone(CELL(C_PHONE), &hh.phone, &ra, p, row.num, COL(C_PHONE)))
						q.fix_mask |= (uint64_t)1 << C_PHONE;
					if (CELL(C_BANK).n &&
					    parse_text(CELL(C_BANK), fields[C_BANK].max, &hh.bank, &ra, p, row.num, COL(C_BANK)))
						q.fix_mask |= (uint64_t)1 << C_BANK;
					if (CELL(C_BANK_ACCOUNT).n && parse_bank_account(CELL(C_BANK_ACCOUNT), &hh.bank_account, &ra,
					    p, row.num, COL(C_BANK_ACCOUNT)))
						q.fix_mask |= (uint64_t)1 << C_BANK_ACCOUNT;
					if (CELL(C_IDENTIFIED_YM).n &&
					    parse_ym(CELL(C_IDENTIFIED_YM), &hh.identified_ym, p, row.num, COL(C_IDENTIFIED_YM)) &&
					    ym_not_ahead(hh.identified_ym, today, o->lenient, p, row.num, COL(C_IDENTIFIED_YM),
						CELL(C_IDENTIFIED_YM)))
						q.fix_mask |= (uint64_t)1 << C_IDENTIFIED_YM;
					if (CELL(C_EXIT_YEAR).n && parse_year(CELL(C_EXIT_YEAR), &hh.exit_year, p, row.num, COL(C_EXIT_YEAR)) &&
					    year_not_ahead(hh.exit_year, today, o->lenient, p, row.num, COL(C_EXIT_YEAR), CELL(C_EXIT_YEAR)))
						q.fix_mask |= (uint64_t)1 << C_EXIT_YEAR;
					q.hh = &hh;
				}
				break;
			default:
				break;
			}
		}
		/* 原户主改为 belongs to a member's 信息更正 that makes the member the head; elsewhere it is not dropped
		 * unsaid */
		if (code && !fh_read && !o->update && CELL(C_FORMER_HEAD).n)
			problem_add(p, false, row.num, COL(C_FORMER_HEAD), CELL(C_FORMER_HEAD), MSG_FORMER_HEAD_UNUSED);
		if (p->n_errors == before) {
			struct errinfo ee;
			errinfo_clear(&ee);
			struct event out = { 0 };
			rc = t && (q.member || q.hh || !o->update) ? event_record(t, &q, &out, &ee) : ERR_OK;
			if (rc == ERR_DB || rc == ERR_BUSY) {
				if (e)
					*e = ee;
				arena_free(&ra);
				return rc;
			}
			if (rc != ERR_OK && o->update && strcmp(ee.code, "nothing_to_fix") == 0) {
				/* the same as stored: nothing to record */
			} else if (rc != ERR_OK) {
				enum col col = col_of_field(ee.field);
				/* the other members' relations of a 户主变更 come with a request's row (rows given), not in a
				 * column of it; a file's row is told at the column of the change of head */
				if (strcmp(ee.field, "other_relations") == 0 && o->sheet)
					problem_from_err(p, false, row.num, NULL, (struct str){ 0 }, &ee);   /* column: the field, copied */
				else if (strcmp(ee.field, "other_relations") == 0)
					problem_from_err(p, false, row.num, header_label(h, q.type == EV_MEMBER_REMOVE ? C_NEW_HEAD
					    : C_RELATION), CELL(q.type == EV_MEMBER_REMOVE ? C_NEW_HEAD : C_RELATION), &ee);
				else
					problem_from_err(p, false, row.num, COL(col), CELL(col), &ee);
			} else if (t) {
				r->events++;
				r->last_event = out.id;
				r->last_household = out.household_id;
			}
		}
		}
		arena_free(&ra);
#undef CELL
#undef COL
	}
	if (got < 0)
		sheet_problem(p, s, h, err_row, e);
	if (unreadable)
		*unreadable = got < 0;
	if (r->rows == 0 && got == 0)
		problem_add(p, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);
	return ERR_OK;
}

static enum err events_write(struct store *st, const struct import_opts *o, struct sheet *s,
    const struct header *hp, struct import_result *r, struct errinfo *e);

enum err
import_registry_update(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e)
{
	struct import_opts u = *o;
	u.update = true;
	return import_events(st, &u, r, a, e);
}

enum err
import_events(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e)
{
	enum err rc;
	struct header h;
	struct problems *p = &r->problems;
	struct sheet *s = open_sheet(o, r, e);
	if (!s)
		return e && e->err == ERR_INVALID ? (problem_from_err(p, false, 0, "", (struct str){ 0 }, e), ERR_INVALID)
		    : (e ? e->err : ERR_IO);
	if (!read_header(s, &h, r, a, e, &rc)) {
		sheet_close(s);
		return rc;
	}
	bool ok = need_column(&h, C_HH_NO, r) &&
	    (o->update || (need_column(&h, C_EVENT_TYPE, r) & need_column(&h, C_EFFECTIVE, r)));
	if (!ok) {
		sheet_close(s);
		return ERR_INVALID;
	}
	int today = stamp_date(o->now ? o->now : stamp_now());
	if (!o->sheet) {
		/* A file is read through once before the write lock is taken: one that cannot be read to its end
		 * (a bad byte, a broken quote, past a limit: a hostile file too) is refused without holding up other
		 * writers. Whether each event may be recorded depends on the events before it, so those checks
		 * need the write transaction; there every problem of a readable file is listed at once. */
		bool unreadable = false;
		if ((rc = events_pass(o, s, &h, r, NULL, today, &unreadable, e)) != ERR_OK) {
			sheet_close(s);
			return rc;
		}
		sheet_close(s);
		if (unreadable) {
			problems_sort(p);
			return ERR_INVALID;
		}
		problems_init(p, p->a);
		r->rows = 0;
		if (!(s = open_sheet(o, r, e)))
			return e && e->err == ERR_INVALID ? (problem_from_err(p, false, 0, "", (struct str){ 0 }, e),
			    ERR_INVALID) : (e ? e->err : ERR_IO);
		struct sheet_row hrow;
		int err_row;
		if (next_header(s, &hrow, &err_row, e) != 1) {
			sheet_close(s);
			problem_add(p, false, 0, "", (struct str){ 0 }, MSG_FILE_CHANGED);
			return ERR_INVALID;
		}
	}
	int64_t announced = import_announce(st, o);
	rc = events_write(st, o, s, &h, r, e);
	import_done(st, announced);
	return rc;
}

/* The events of a file (s after its header) recorded in one write transaction; s is closed. */
static enum err
events_write(struct store *st, const struct import_opts *o, struct sheet *s, const struct header *hp,
    struct import_result *r, struct errinfo *e)
{
	enum err rc;
	const struct header h = *hp;
	struct problems *p = &r->problems;
	struct txn t;
	/* The rows of a request (an API route's one household) are written beside other counties' writers; a file
	 * is written alone, as is a change that fixes a finding (its list is not a household's) */
	if ((rc = import_txn_begin(&t, st, o, o->sheet && !o->finding, p, e)) != ERR_OK) {
		sheet_close(s);
		return rc;
	}
	t.lenient = o->lenient;
	t.quiet_audit = !o->sheet;
	t.ip = o->ip;
	if ((rc = events_pass(o, s, &h, r, &t, t.today, NULL, e)) != ERR_OK) {
		txn_rollback(&t);
		sheet_close(s);
		return rc;
	}
	sheet_close(s);
	if (p->n_errors > 0) {
		txn_rollback(&t);
		problems_sort(p);
		r->events = 0;
		return ERR_INVALID;
	}
	if (o->dry_run) {
		txn_rollback(&t);
		return ERR_OK;
	}
	if (!o->sheet && (rc = audit_import(&t, o->update ? "import.update" : "import.events", o, r, e)) != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	if (o->finding && (rc = finding_link(&t, o->finding, r->last_household, o->finding_kind ? o->finding_kind : "event",
	    r->last_event, e)) != ERR_OK) {
		txn_rollback(&t);
		r->events = 0;
		return rc;
	}
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	r->written = true;
	return ERR_OK;
}

/* ---- income survey ---- */

static enum err income_write(struct store *st, const struct import_opts *o, struct sheet *s,
    const struct header *hp, struct import_result *r, struct arena *a, struct errinfo *e);

enum err
import_income(struct store *st, const struct import_opts *o, struct import_result *r, struct arena *a,
    struct errinfo *e)
{
	enum err rc;
	struct header h;
	struct problems *p = &r->problems;
	struct sheet *s = open_sheet(o, r, e);
	if (!s)
		return e && e->err == ERR_INVALID ? (problem_from_err(p, false, 0, "", (struct str){ 0 }, e), ERR_INVALID)
		    : (e ? e->err : ERR_IO);
	if (!read_header(s, &h, r, a, e, &rc)) {
		sheet_close(s);
		return rc;
	}
	bool ok = need_column(&h, C_HH_NO, r);
	if (!o->year)
		ok &= need_column(&h, C_INCOME_YEAR, r);
	static const enum col items[] = { C_WAGE, C_BUSINESS, C_PROPERTY, C_TRANSFER, C_BUSINESS_COST };
	bool any_item = h.col[C_NET_INCOME_PC] >= 0;
	for (size_t i = 0; i < NELEM(items); i++)
		any_item |= h.col[items[i]] >= 0;
	if (!any_item) {
		problem_add(p, false, 1, fields[C_WAGE].label, (struct str){ 0 }, MSG_MISSING_COLUMN);
		ok = false;
	}
	if (!ok) {
		sheet_close(s);
		return ERR_INVALID;
	}
	if (!read_through(o, &h, r)) {
		sheet_close(s);
		return ERR_INVALID;
	}
	int64_t announced = import_announce(st, o);
	rc = income_write(st, o, s, &h, r, a, e);
	import_done(st, announced);
	return rc;
}

/* The income rows of a sheet (s after its header) checked and recorded in one write transaction; s is closed. */
static enum err
income_write(struct store *st, const struct import_opts *o, struct sheet *s, const struct header *hp,
    struct import_result *r, struct arena *a, struct errinfo *e)
{
	enum err rc;
	const struct header h = *hp;
	struct problems *p = &r->problems;
	static const enum col items[] = { C_WAGE, C_BUSINESS, C_PROPERTY, C_TRANSFER, C_BUSINESS_COST };
	struct txn t;
	if ((rc = import_txn_begin(&t, st, o, false, p, e)) != ERR_OK) {
		sheet_close(s);
		return rc;
	}
	t.quiet_audit = !o->sheet;
	t.ip = o->ip;
	/* (年度, 户编号) seen in the file, with their first rows: a household's year twice is a problem */
	struct hh_map seen = { 0 };
	struct sheet_row row;
	int got, err_row;
	while ((got = sheet_next(s, &row, &err_row, e)) == 1) {
		r->rows++;
		const struct str *c = row.cells;
		size_t n = row.n, before = p->n_errors;
#define CELL(col) header_cell(&h, col, c, n)
#define COL(col) header_label(&h, col)
		struct income_req q;
		memset(&q, 0, sizeof(q));
		q.source = "sheet";
		q.reason = o->reason;
		q.in.wage = q.in.business = q.in.property = q.in.transfer = q.in.business_cost = q.in.net_pc = -1;
		struct str v = CELL(C_HH_NO), hv = v;
		if (v.n == 0)
			problem_add(p, false, row.num, COL(C_HH_NO), v, MSG_REQUIRED);
		v = CELL(C_INCOME_YEAR);
		q.in.year = o->year;
		if (v.n)
			parse_year(v, &q.in.year, p, row.num, COL(C_INCOME_YEAR));
		else if (!o->year)
			problem_add(p, false, row.num, COL(C_INCOME_YEAR), v, MSG_REQUIRED);
		/* the row's key "YEAR|户编号"; the household number is its tail (kept: the map points at it) */
		char *key = arena_printf(a, "%d|%.*s", q.in.year, (int)hv.n, hv.p);
		const char *hh_no = strchr(key, '|') + 1;
		q.hh_no = hh_no;
		int64_t *dst[] = { &q.in.wage, &q.in.business, &q.in.property, &q.in.transfer, &q.in.business_cost };
		for (size_t i = 0; i < NELEM(items); i++)
			parse_money(CELL(items[i]), dst[i], p, row.num, COL(items[i]));
		parse_money(CELL(C_NET_INCOME_PC), &q.in.net_pc, p, row.num, COL(C_NET_INCOME_PC));
		if (CELL(C_HH_SIZE).n)
			parse_int_range(CELL(C_HH_SIZE), 1, 30, &q.in.size, p, row.num, COL(C_HH_SIZE));
		if (hh_no[0] && q.in.year) {
			bool found;
			uint64_t *first = map_slot(&seen, key, &found);
			if (found)
				problem_add(p, false, row.num, COL(C_HH_NO), CELL(C_HH_NO), MSG_INCOME_DUP_ROW, (int)*first);
			else
				*first = (uint64_t)row.num;
		}
		if (p->n_errors == before) {
			struct errinfo ee;
			errinfo_clear(&ee);
			bool changed = false;
			rc = income_set(&t, &q, NULL, &changed, &ee);
			if (rc == ERR_DB || rc == ERR_BUSY) {
				if (e)
					*e = ee;
				map_free(&seen);
				txn_rollback(&t);
				sheet_close(s);
				return rc;
			}
			if (rc != ERR_OK) {
				enum col col = strcmp(ee.field, "year") == 0 ? C_INCOME_YEAR : strcmp(ee.field, "size") == 0 ? C_HH_SIZE
				    : col_of_field(ee.field);
				problem_from_err(p, false, row.num, COL(col), CELL(col), &ee);
			} else if (changed)
				r->households++;
			else
				r->unchanged++;
		}
#undef CELL
#undef COL
	}
	map_free(&seen);
	if (got < 0)
		problem_from_err(p, false, err_row, "", (struct str){ 0 }, e);
	sheet_close(s);
	if (r->rows == 0 && got == 0)
		problem_add(p, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);
	if (p->n_errors > 0) {
		txn_rollback(&t);
		problems_sort(p);
		r->households = r->unchanged = 0;
		return ERR_INVALID;
	}
	if (o->dry_run) {
		txn_rollback(&t);
		return ERR_OK;
	}
	if (!o->sheet && (rc = audit_import(&t, "import.income", o, r, e)) != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	r->written = true;
	return ERR_OK;
}
/* ---- imports that wrote nothing ---- */

enum err
import_audit_unwritten(struct store *st, const char *what, const struct import_opts *o, const struct import_result *r,
    enum err outcome, struct errinfo *e)
{
	char d[11];
	const char *file = import_file_label(o);
	json_t *j = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:i}", "kind", what, "outcome",
	    outcome == ERR_OK ? "checked" : outcome == ERR_INVALID ? "refused" : "failed", "format",
	    r->kind == SHEET_XLSX ? "xlsx" : r->kind == SHEET_MEMORY ? "json" : "csv", "rows", r->rows, "households",
	    r->households, "members", r->members, "errors", (int)r->problems.n_errors);
	json_object_set_new(j, "warnings", json_integer((json_int_t)r->problems.n_warnings));
	if (strcmp(what, "events") == 0)
		json_object_set_new(j, "events", json_integer(r->events));
	if (strcmp(what, "registry") == 0 && o->as_of)
		json_object_set_new(j, "as_of", json_string(date_format(o->as_of, d)));
	if (o->batch)
		json_object_set_new(j, "batch", json_string(o->batch));
	json_object_set_new(j, "lenient", json_boolean(o->lenient));
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	char action[40];
	snprintf(action, sizeof(action), "import.%s", o->dry_run ? "dry_run" : "refused");
	struct errinfo ignore;
	enum err rc = audit_view(st, o->actor, o->ip, action, file, detail, e ? e : &ignore);
	free(detail);
	return rc;
}

