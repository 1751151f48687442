/* assist_import.c: sheets of assistance and supervision records (CSV or XLSX, UTF-8 or GB18030), all or
 * nothing: every row goes through arec_create inside one transaction, every problem of the file is listed (row,
 * column as the file wrote it, value, reason), and nothing is written unless there is none. Columns are matched
 * by the fields' labels (or their English keys and aliases), never by position; other columns are ignored. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "domain/assist.h"
#include "domain/import.h"
#include "lib/utf8.h"
#include "lib/util.h"

#define MAX_SHEET_COLS 256

/* The import names offices use, and the kinds they load. "insurance" takes 险种 per row. */
static const struct {
	const char *what;
	int kind;
	const char *zh, *en;      /* the sheet, as the import page names it */
} aliases[] = {
	{ "cadres", AK_CADRE, "帮扶责任人", "cadres" },
	{ "pairings", AK_PAIRING, "结对帮扶", "pairings" },
	{ "measures", AK_MEASURE, "帮扶措施", "measures" },
	{ "post_payments", AK_POST_PAYMENT, "岗位补贴发放", "post subsidy payments" },
	{ "loans", AK_LOAN, "扶贫贷款", "loans" },
	{ "insurance", AK_MEDICAL_INSURANCE, "参保名单（居民医保、大病保险）", "insurance rolls (medical, serious illness)" },
};

size_t
assist_imports(const char *role, struct assist_import_sheet *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < NELEM(aliases) && n < max; i++) {
		const struct akind_desc *d = &akinds[aliases[i].kind];
		if (!akind_writable(d, role) ||
		    (aliases[i].kind == AK_MEDICAL_INSURANCE && !akind_writable(&akinds[AK_SERIOUS_INSURANCE], role)))
			continue;
		out[n++] = (struct assist_import_sheet){ aliases[i].what, aliases[i].zh, aliases[i].en, d,
			aliases[i].kind == AK_MEDICAL_INSURANCE };
	}
	return n;
}

static const struct akind_desc *
kind_of(const char *what, bool *insurance)
{
	*insurance = strcmp(what, "insurance") == 0;
	for (size_t i = 0; i < NELEM(aliases); i++)
		if (strcmp(aliases[i].what, what) == 0)
			return &akinds[aliases[i].kind];
	return akind_find(what);
}

const struct akind_desc *
assist_import_kind(const char *what)
{
	bool ins;
	return what ? kind_of(what, &ins) : NULL;
}

bool
assist_import_known(const char *what)
{
	bool ins;
	return what && kind_of(what, &ins) != NULL;
}

static bool
folded_eq(struct str a, const char *b)
{
	char x[256], y[256];
	size_t nx = utf8_fold_to(a, x, sizeof(x)), ny = utf8_fold_to(str_from(b), y, sizeof(y));
	if (nx == (size_t)-1 || ny == (size_t)-1 || nx != ny)
		return false;
	for (size_t i = 0; i < nx; i++) {
		char c = x[i], d = y[i];
		c = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		d = d >= 'A' && d <= 'Z' ? (char)(d + 32) : d;
		if (c != d)
			return false;
	}
	return true;
}

static bool
header_is(struct str cell, const struct afield *f)
{
	if (folded_eq(cell, f->zh) || folded_eq(cell, f->key) || folded_eq(cell, f->en))
		return true;
	for (const char *a = f->aliases; a && *a;) {
		const char *bar = strchr(a, '|');
		size_t n = bar ? (size_t)(bar - a) : strlen(a);
		char tmp[128];
		size_t k = n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 1;
		memcpy(tmp, a, k);
		tmp[k] = '\0';
		if (folded_eq(cell, tmp))
			return true;
		a = bar ? bar + 1 : a + n;
	}
	return false;
}

static enum err
audit_import(struct txn *t, const char *what, const struct import_opts *o, const struct import_result *r,
    struct errinfo *e)
{
	/* the user's own file name when the web gave it (the upload's is a temporary name that says nothing) */
	const char *file = o->file_name && *o->file_name ? o->file_name :
	    o->path ? (strrchr(o->path, '/') ? strrchr(o->path, '/') + 1 : o->path) : "(request)";
	json_t *j = json_pack("{s:s, s:i, s:i}", "file", file, "rows", r->rows, "records", r->records);
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	char action[64];
	snprintf(action, sizeof(action), "import.%s", what);
	enum err rc = txn_audit(t, action, file, detail, e);
	free(detail);
	return rc;
}

enum err
assist_import(struct store *st, const char *what, const struct import_opts *o, struct import_result *r,
    struct arena *a, struct errinfo *e)
{
	bool insurance;
	const struct akind_desc *d = kind_of(what, &insurance);
	struct problems *p = &r->problems;
	if (!d)
		return errinfo_set(e, ERR_USAGE, "kind", MSG_AS_KIND_UNKNOWN, what, "cadres, pairings, measures, post_payments, "
		    "loans, insurance");
	struct sheet *s = o->sheet ? o->sheet : sheet_open(o->path, o->limits, e);
	if (!s) {
		if (e && e->err == ERR_INVALID) {
			problem_from_err(p, false, 0, "", (struct str){ 0 }, e);
			return ERR_INVALID;
		}
		return e ? e->err : ERR_IO;
	}
	r->kind = sheet_kind(s);
	r->encoding = sheet_encoding(s);
	struct sheet_row row;
	int err_row, got = sheet_next(s, &row, &err_row, e);
	if (got <= 0) {
		if (got < 0)
			problem_from_err(p, false, err_row, "", (struct str){ 0 }, e);
		else
			problem_add(p, false, 0, "", (struct str){ 0 }, MSG_EMPTY_FILE);
		sheet_close(s);
		return ERR_INVALID;
	}
	sheet_set_width(s, sheet_header_width(&row));
	r->encoding = sheet_encoding(s);
	/* the header: each cell to a field (of the kind, or of both insurance kinds, which share their fields) */
	size_t ncols = row.n < MAX_SHEET_COLS ? row.n : MAX_SHEET_COLS;
	const struct afield **col_field = arena_alloc(a, (ncols ? ncols : 1) * sizeof(*col_field));
	const char **col_label = arena_alloc(a, (ncols ? ncols : 1) * sizeof(*col_label));
	int kind_col = -1;
	for (size_t i = 0; i < ncols; i++) {
		struct str cell = str_trim(row.cells[i]);
		col_label[i] = arena_strndup(a, cell.p, cell.n);
		if (cell.n == 0)
			continue;
		if (insurance && (folded_eq(cell, "险种") || folded_eq(cell, "参保险种") || folded_eq(cell, "kind"))) {
			kind_col = (int)i;
			continue;
		}
		for (size_t k = 0; k < d->nf; k++)
			if (header_is(cell, &d->f[k])) {
				for (size_t j = 0; j < i; j++)
					if (col_field[j] == &d->f[k])
						problem_add(p, false, 1, col_label[i], cell, MSG_DUP_COLUMN);
				col_field[i] = &d->f[k];
				break;
			}
	}
	for (size_t k = 0; k < d->nf; k++) {
		const struct afield *f = &d->f[k];
		if (!(f->flags & AFL_REQ) || (f->flags & AFL_AUTO))
			continue;
		bool have = false;
		for (size_t i = 0; i < ncols; i++)
			have |= col_field[i] == f;
		if (!have)
			problem_add(p, false, 1, msg_lang() == LANG_EN ? f->en : f->zh, (struct str){ 0 }, MSG_MISSING_COLUMN);
	}
	if (p->n_errors) {
		sheet_close(s);
		return ERR_INVALID;
	}
	struct txn t;
	enum err rc = txn_begin(&t, st, o->now, o->actor, e);
	if (rc != ERR_OK) {
		sheet_close(s);
		return rc;
	}
	t.quiet_audit = true;
	t.ip = o->ip;
	struct akv *kv = arena_alloc(a, (ncols ? ncols : 1) * sizeof(*kv));
	int probes = 0;      /* rows naming a person registered outside the importer's divisions */
	char probe[48] = "";   /* the first of them (masked when audited) */
	while ((got = sheet_next(s, &row, &err_row, e)) == 1) {
		size_t n = 0;
		bool blank = true;
		for (size_t i = 0; i < row.n && i < ncols; i++)
			if (str_trim(row.cells[i]).n)
				blank = false;
		if (blank)
			continue;
		r->rows++;
		struct arena ra;
		arena_init(&ra);
		enum akind k = d->k;
		if (insurance && kind_col >= 0 && (size_t)kind_col < row.n) {
			struct str v = str_trim(row.cells[kind_col]);
			if (folded_eq(v, "大病保险") || folded_eq(v, "serious_illness_insurance") || folded_eq(v, "大病"))
				k = AK_SERIOUS_INSURANCE;
			else if (v.n && !(folded_eq(v, "居民医疗保险") || folded_eq(v, "城乡居民基本医疗保险") ||
			    folded_eq(v, "medical_insurance") || folded_eq(v, "医保"))) {
				char t2[64];
				snprintf(t2, sizeof(t2), "%.*s", (int)(v.n < 60 ? v.n : 60), v.p);
				problem_add(p, false, row.num, col_label[kind_col], v, MSG_UNKNOWN_CODE, t2, "险种");
				arena_free(&ra);
				continue;
			}
		}
		/* a number Excel stored for an identifier (户编号, 证件号码, a phone) beyond its 15 digits: said so, the
		 * row not read (3713731012080001 came as 3.71373101208e+15, "不存在") */
		bool lost = false;
		for (size_t i = 0; row.numeric_mask_valid && i < row.n && i < ncols; i++) {
			const struct afield *f = col_field[i];
			if (f && row.numeric[i] && memchr(row.cells[i].p, 'e', row.cells[i].n) &&
			    (f->type == AF_HH || f->type == AF_IDNO || f->type == AF_MEMBER || f->type == AF_PHONE ||
			    f->type == AF_PERSONS || f->type == AF_HOUSEHOLDS || f->type == AF_TEXT)) {
				problem_add(p, false, row.num, col_label[i], row.cells[i], MSG_NUMERIC_CELL, col_label[i]);
				lost = true;
			}
		}
		if (lost) {
			arena_free(&ra);
			continue;
		}
		for (size_t i = 0; i < row.n && i < ncols; i++)
			if (col_field[i])
				kv[n++] = (struct akv){ col_field[i]->key, row.cells[i], col_label[i] };
		struct actx c = { .t = &t, .st = st, .a = &ra, .role = NULL, .sheet = true };
		struct errinfo x;
		errinfo_clear(&x);
		/* copy the cells: the sheet's row lives until the next read, the problems longer */
		for (size_t i = 0; i < n; i++)
			kv[i].val = (struct str){ arena_strndup(a, kv[i].val.p, kv[i].val.n), kv[i].val.n };
		rc = arec_create(&c, k, kv, n, NULL, p, row.num, &x);
		if (c.probed && probes++ == 0)
			snprintf(probe, sizeof(probe), "%s", c.probed);
		arena_free(&ra);
		if (rc == ERR_DB) {
			if (e)
				*e = x;
			txn_rollback(&t);
			sheet_close(s);
			return rc;
		}
		if (rc == ERR_OK)
			r->records++;
	}
	if (got < 0)
		problem_from_err(p, false, err_row, "", (struct str){ 0 }, e);
	sheet_close(s);
	if (r->rows == 0 && got == 0)
		problem_add(p, false, 0, "", (struct str){ 0 }, MSG_NO_ROWS);
	if (p->n_errors) {
		txn_rollback(&t);
		problems_sort(p);
		r->records = 0;
		if (probes)   /* after the rollback, as a request's (api_assistance.c) */
			assist_audit_probe(st, o->actor, o->ip, what, probe, probes);
		return ERR_INVALID;
	}
	if (o->dry_run) {
		txn_rollback(&t);
		return ERR_OK;
	}
	if ((rc = audit_import(&t, what, o, r, e)) != ERR_OK) {
		txn_rollback(&t);
		return rc;
	}
	if ((rc = txn_commit(&t, e)) != ERR_OK)
		return rc;
	r->written = true;
	return ERR_OK;
}
