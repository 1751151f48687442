/* assistance.c: reading, checking and writing the records of assist.h. Every record comes in as text (a
 * request's JSON, key=value pairs, a sheet's row) and goes through the same parsers and rules: the field
 * types of assist_kinds.c, then the kind's hook. References (a household, a person, a cadre, the parent
 * record) are looked up in the user's scope: out of scope is not found. No SQL and no HTTP here. */
#include "domain/assist.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/auth.h"
#include "domain/fields.h"
#include "domain/idno.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* ---- values ---- */

static int
col_of(const struct akind_desc *d, const char *name)
{
	return acol(d, name);
}

int64_t
arec_int(const struct arec *r, const char *col)
{
	int i = col_of(r->d, col);
	return i < 0 || r->r.v[i].t != SV_INT ? 0 : r->r.v[i].i;
}

const char *
arec_text(const struct arec *r, const char *col)
{
	int i = col_of(r->d, col);
	if (i < 0 || r->r.v[i].t == SV_NULL)
		return NULL;
	return r->r.v[i].s;
}

bool
arec_null(const struct arec *r, const char *col)
{
	int i = col_of(r->d, col);
	return i < 0 || r->r.v[i].t == SV_NULL;
}

bool
arec_tells_health(const struct arec *r)
{
	if (r->d->k != AK_MEASURE)
		return false;
	const char *cat = arec_text(r, "category"), *item = arec_text(r, "item");
	if (item && strcmp(item, "disability") == 0)
		return true;
	if (!cat || strcmp(cat, "health") != 0)
		return false;
	/* the insurances and the free check-up are everyone's: they tell of no one's health (the household's 医保 ✓
	 * said them anyway) */
	static const char *const everyones[] = { "medical_insurance", "serious_insurance", "supplementary", "checkup" };
	for (size_t i = 0; item && i < NELEM(everyones); i++)
		if (strcmp(item, everyones[i]) == 0)
			return false;
	return true;
}

void
arec_set_int(struct arec *r, const char *col, int64_t v)
{
	int i = col_of(r->d, col);
	if (i >= 0)
		r->r.v[i] = SQL_INT(v);
}

void
arec_set_text(struct arec *r, const char *col, const char *s)
{
	int i = col_of(r->d, col);
	if (i >= 0)
		r->r.v[i] = SQL_TEXT(s);
}

void
arec_set_null(struct arec *r, const char *col)
{
	int i = col_of(r->d, col);
	if (i >= 0)
		r->r.v[i] = SQL_NULL;
}

void
arec_init(struct arec *r, enum akind k, struct arena *a)
{
	memset(r, 0, sizeof(*r));
	r->d = &akinds[k];
	int n = table_ncols[akind_table(k)];
	r->r.v = arena_alloc(a, (size_t)n * sizeof(*r->r.v));
	for (int i = 0; i < n; i++)
		r->r.v[i] = SQL_NULL;
	if (r->d->disc)
		arec_set_text(r, "kind", r->d->disc);
}

/* A value as it is written: texts that look like numbers were read as integers (arow keeps both). */
static struct sqlval
as_text(struct sqlval v)
{
	return v.t == SV_INT && v.s ? SQL_TEXT(v.s) : v;
}

static bool
text_type(enum aftype t)
{
	return t == AF_TEXT || t == AF_CODE || t == AF_GCODE || t == AF_ITEM || t == AF_PHONE || t == AF_IDNO;
}

/* ---- roles ---- */

static bool
supervises(const char *role)
{
	return !role || strcmp(role, "supervisor") == 0 || strcmp(role, "county_admin") == 0;
}

bool
akind_readable(const struct akind_desc *d, const char *role)
{
	return d->group == AG_ASSIST || supervises(role);
}

bool
akind_writable(const struct akind_desc *d, const char *role)
{
	if (!role)
		return true;
	if (d->group == AG_SUPERVISE)
		return supervises(role);
	if (strcmp(role, "cadre") == 0)
		return d->k == AK_VISIT || d->k == AK_MEASURE;
	return strcmp(role, "county_admin") == 0 || strcmp(role, "town_operator") == 0 ||
	    strcmp(role, "village_operator") == 0;
}

/* ---- problems ---- */

static const char *
flabel(const struct actx *c, const struct afield *f, const struct akv *kv)
{
	if (kv && kv->label)
		return kv->label;
	if (!f)
		return "";
	return c->sheet ? (msg_lang() == LANG_EN ? f->en : f->zh) : f->key;
}

static const char *
flabel_col(const struct actx *c, const struct akind_desc *d, const char *col)
{
	for (size_t i = 0; i < d->nf; i++)
		if (d->f[i].col && strcmp(d->f[i].col, col) == 0)
			return flabel(c, &d->f[i], NULL);
	return col;
}

/* The label of a field for a message's text (always the words, never the key). */
static const char *
fwords(const struct afield *f)
{
	return msg_lang() == LANG_EN ? f->en : f->zh;
}

static const struct afield *
field_of_col(const struct akind_desc *d, const char *col)
{
	for (size_t i = 0; i < d->nf; i++)
		if (d->f[i].col && strcmp(d->f[i].col, col) == 0)
			return &d->f[i];
	return NULL;
}

/* ---- parsers ---- */

static bool
split_next(struct str *s, struct str *item)
{
	static const char *const seps[] = { "、", "，", ",", "；", ";", " ", "\n", "\t" };
	*s = str_trim(*s);
	if (s->n == 0)
		return false;
	size_t cut = s->n, seplen = 0;
	for (size_t i = 0; i < NELEM(seps); i++) {
		size_t L = strlen(seps[i]);
		for (size_t k = 0; k + L <= s->n; k++)
			if (memcmp(s->p + k, seps[i], L) == 0) {
				if (k < cut) {
					cut = k;
					seplen = L;
				}
				break;
			}
	}
	*item = str_trim((struct str){ s->p, cut });
	s->p += cut + seplen;
	s->n -= cut + seplen < s->n ? cut + seplen : s->n;
	return true;
}

/* A rate in per cent: "4.35", "4.35%", "4.35％" -> 435. */
static bool
parse_rate(struct str s, int64_t *out)
{
	if (s.n >= 3 && memcmp(s.p + s.n - 3, "％", 3) == 0)
		s.n -= 3;
	else if (s.n && s.p[s.n - 1] == '%')
		s.n--;
	s = str_trim(s);
	return parse_money_fen(s.p, s.n, out) && *out >= 0 && *out <= 10000;
}

static bool
parse_month(struct str s, int *out)
{
	return parse_ym(s, out, NULL, 0, NULL);
}

/* Whether the user may name cadre id: one whose 帮扶区划 holds the user's divisions too (a cadre of the county
 * helps a village of any town) or lies within them; not another town's, which is answered as a cadre no one
 * has (*seen false). */
static enum err
cadre_in_reach(struct actx *c, int64_t id, bool *seen, struct errinfo *e)
{
	struct store *st = c->st;
	struct arec r;
	int64_t lo = st->scope_lo, hi = st->scope_hi, clo, chi;
	store_set_scope(st, 0);
	enum err rc = arec_get(st, AK_CADRE, id, &r, c->a, e);
	st->scope_lo = lo, st->scope_hi = hi;
	*seen = false;
	if (rc == ERR_NOTFOUND)
		return ERR_OK;
	if (rc != ERR_OK)
		return rc;
	division_range(arec_int(&r, "division"), &clo, &chi);
	*seen = (clo <= lo && hi <= chi) || (lo <= clo && chi <= hi);
	return ERR_OK;
}

/* Find the cadre a text names: its number ("#12" or "12"), its 证件号码, or its unique name, among those in the
 * user's reach (cadre_in_reach). */

/* Whether the user may name a person or a cadre by a whole ID number: the command line, or a role that sees
 * whole numbers. Else a role without them (the cadre) could test candidates one by one, a wrong one refused and
 * the right one stored. */
static bool
names_by_id_no(const struct actx *c)
{
	const struct role *ro = c->role ? role_find(c->role) : NULL;
	return !c->role || (ro && (ro->caps & CAP_FULL_ID));
}

static enum err
find_cadre(struct actx *c, struct str s, int64_t *id, struct errinfo *e)
{
	char key[96];
	snprintf(key, sizeof(key), "%.*s", (int)(s.n < 90 ? s.n : 90), s.p);
	const char *k = key[0] == '#' ? key + 1 : key;
	int64_t v, *ids;
	size_t n = 0, seen = 0;
	bool by_number = strlen(k) <= 9 && parse_i64(k, strlen(k), &v) && v > 0;
	enum err rc = ERR_OK;
	if (by_number) {
		ids = &v;
		n = 1;
	} else {
		bool idno = strlen(k) >= 15 && strlen(k) <= 18 && k[0] >= '1' && k[0] <= '9';
		if (idno && !names_by_id_no(c))
			return errinfo_set(e, ERR_INVALID, "cadre", MSG_AS_PERSON_BY_ID_NO);
		rc = store_cadre_find(c->st, idno ? CADRE_BY_IDNO : CADRE_BY_NAME, k, &ids, &n, c->a, e);
	}
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		bool in;
		if ((rc = cadre_in_reach(c, ids[i], &in, e)) == ERR_OK && in)
			ids[seen++] = ids[i];
	}
	if (rc != ERR_OK)
		return rc;
	if (seen == 0)
		return errinfo_set(e, ERR_INVALID, "cadre", MSG_AS_CADRE_NOT_FOUND, key);
	if (seen > 1)
		return errinfo_set(e, ERR_INVALID, "cadre", MSG_AS_CADRE_AMBIGUOUS, key);
	*id = ids[0];
	return ERR_OK;
}

/* Set the record's household (and its division, unless given explicitly). */
static void
set_household(struct arec *r, const char *col, const struct household *h, bool scope_explicit)
{
	arec_set_int(r, col, h->id);
	if (!scope_explicit && r->d->household && strcmp(col, r->d->household) == 0)
		arec_set_int(r, r->d->scope, h->village);
}

struct parse_state {
	bool scope_explicit;
	int64_t household;      /* the household given, for a member's check */
	const char *hh_no;
};

/* A code not among a list's: the list's labels said beside it when they are few (within parent for AL_ITEM:
 * the items of the row's category), so the clerk need not look them up. */
static void
unknown_code(struct problems *p, int row, const char *lab, struct str s, const char *t, enum alist l,
    const char *parent)
{
	const struct acode_list *cl = alist(l);
	bool en = msg_lang() == LANG_EN;
	struct buf b = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < cl->n; i++) {
		if (parent && cl->v[i].parent && strcmp(cl->v[i].parent, parent) != 0)
			continue;
		if (n++)
			buf_puts(&b, en ? ", " : "、");
		buf_puts(&b, en ? cl->v[i].en : cl->v[i].zh);
	}
	if (n > 0 && n <= 16)
		problem_add(p, false, row, lab, s, MSG_UNKNOWN_CODE_ONE_OF, t, en ? cl->en : cl->zh, b.p);
	else
		problem_add(p, false, row, lab, s, MSG_UNKNOWN_CODE, t, en ? cl->en : cl->zh);
	buf_free(&b);
}

/* Parse one field's text into the record. false with a problem when it is not acceptable; *fatal set for a
 * reference out of scope (ERR_NOTFOUND, e filled) or a database failure. */
static bool
parse_field(struct actx *c, struct arec *r, const struct afield *f, const struct akv *kv, struct parse_state *ps,
    struct problems *p, int row, struct errinfo *e, enum err *fatal)
{
	struct str s = str_trim(kv->val);
	const char *lab = flabel(c, f, kv);
	struct arena *a = c->a;
	int ci = col_of(r->d, f->col);
	char t[128];
	snprintf(t, sizeof(t), "%.*s", (int)(s.n < 100 ? s.n : 100), s.p);
	if (s.n == 0) {
		if (ci >= 0)
			r->r.v[ci] = SQL_NULL;
		return true;
	}
	switch (f->type) {
	case AF_TEXT: {
		char *v;
		if (!parse_text(s, f->max, &v, a, p, row, lab))
			return false;
		r->r.v[ci] = SQL_TEXT(v);
		return true;
	}
	case AF_INT: {
		int v;
		if (!parse_int_range(s, 0, f->max ? f->max : 1000000000, &v, p, row, lab))
			return false;
		r->r.v[ci] = SQL_INT(v);
		return true;
	}
	case AF_MONEY: {
		int64_t v;
		if (s.p[0] == '-' && parse_money_fen(s.p, s.n, &v)) {
			problem_add(p, false, row, lab, s, MSG_AS_NEGATIVE);
			return false;
		}
		if (!parse_money(s, &v, p, row, lab))
			return false;
		if ((f->flags & AFL_POS) && v == 0) {
			problem_add(p, false, row, lab, s, MSG_AS_NOT_POSITIVE);
			return false;
		}
		r->r.v[ci] = SQL_INT(v);
		return true;
	}
	case AF_RATE: {
		int64_t v;
		if (!parse_rate(s, &v)) {
			problem_add(p, false, row, lab, s, MSG_BAD_PARAM, lab, t);
			return false;
		}
		r->r.v[ci] = SQL_INT(v);
		return true;
	}
	case AF_DATE: {
		int v, today = c->t ? c->t->today : date_today();
		char d[11];
		if (!parse_date_cell(s, &v, p, row, lab))
			return false;
		if (v < DATE_RECORDS_FROM) {
			problem_add(p, false, row, lab, s, MSG_DATE_TOO_EARLY, date_format(v, d));
			return false;
		}
		if (v > today && !(f->flags & AFL_AHEAD)) {
			problem_add(p, false, row, lab, s, MSG_AS_DATE_FUTURE, date_format(v, d));
			return false;
		}
		r->r.v[ci] = SQL_INT(v);
		return true;
	}
	case AF_YEAR: {
		int v, year = (c->t ? c->t->today : date_today()) / 10000;
		if (!parse_year(s, &v, p, row, lab))
			return false;
		if (v > year + !!(f->flags & AFL_AHEAD)) {
			problem_add(p, false, row, lab, s, MSG_YEAR_FUTURE, v);
			return false;
		}
		r->r.v[ci] = SQL_INT(v);
		return true;
	}
	case AF_MONTH: {
		int v;
		if (!parse_month(s, &v)) {
			problem_add(p, false, row, lab, s, MSG_BAD_YM, t);
			return false;
		}
		r->r.v[ci] = SQL_INT(v);
		return true;
	}
	case AF_BOOL: {
		int v;
		if (!parse_bool(s, &v, p, row, lab))
			return false;
		r->r.v[ci] = v < 0 ? SQL_NULL : SQL_INT(v);
		return true;
	}
	case AF_CODE:
	case AF_ITEM: {
		const char *parent = NULL;
		if (f->type == AF_ITEM)
			parent = arec_text(r, "category");
		const struct acode *x = acode_find((enum alist)f->list, s, parent);
		if (!x) {
			if (f->type == AF_ITEM && parent && acode_find(AL_ITEM, s, NULL))
				problem_add(p, false, row, lab, s, MSG_AS_ITEM_CATEGORY, t, acode_label(AL_CATEGORY, parent));
			else
				unknown_code(p, row, lab, s, t, (enum alist)f->list, parent);
			return false;
		}
		r->r.v[ci] = SQL_TEXT(x->code);
		return true;
	}
	case AF_GCODE: {
		const char *code;
		if (!parse_code((enum codelist)f->list, s, &code, p, row, lab))
			return false;
		r->r.v[ci] = SQL_TEXT(code);
		return true;
	}
	case AF_PHONE: {
		char *v;
		if (!parse_phone(s, &v, a, p, row, lab))
			return false;
		r->r.v[ci] = SQL_TEXT(v);
		return true;
	}
	case AF_IDNO: {
		struct idno id;
		enum msg m = idno_validate(s, c->t ? c->t->today : date_today(), &id);
		if (m != MSG_OK) {
			if (m == MSG_ID_CHECKSUM)
				problem_add(p, false, row, lab, s, m, id.expected);
			else if (m == MSG_ID_LENGTH)
				problem_add(p, false, row, lab, s, m, (int)utf8_len(s.p, s.n));
			else if (m == MSG_ID_PROVINCE)
				problem_add(p, false, row, lab, s, m, id.province);
			else if (m == MSG_ID_DATE)
				problem_add(p, false, row, lab, s, m, id.birth_text);
			else
				problem_add(p, false, row, lab, s, m);
			return false;
		}
		r->r.v[ci] = SQL_TEXT(arena_strdup(a, id.norm));
		return true;
	}
	case AF_DIV:
	case AF_VILLAGE: {
		struct division d;
		struct errinfo x;
		errinfo_clear(&x);
		enum err rc = division_resolve(c->st, t, &d, a, &x);
		if (rc == ERR_OK && f->type == AF_VILLAGE && d.level != LV_VILLAGE) {
			problem_add(p, false, row, lab, s, MSG_DIV_NOT_VILLAGE, t);
			return false;
		}
		if (rc == ERR_DB) {
			*e = x;
			*fatal = rc;
			return false;
		}
		if (rc != ERR_OK) {
			problem_from_err(p, false, row, lab, s, &x);
			if (rc == ERR_NOTFOUND && !*fatal) {
				*e = x;
				snprintf(e->field, sizeof(e->field), "%s", lab);
				*fatal = ERR_NOTFOUND;
			}
			return false;
		}
		r->r.v[ci] = SQL_INT(d.code);
		if (strcmp(f->col, r->d->scope) == 0)
			ps->scope_explicit = true;
		return true;
	}
	case AF_HH: {
		struct household h;
		char *no = arena_strndup(a, s.p, s.n);
		enum err rc = store_household_by_no(c->st, no, &h, a, e);
		if (rc == ERR_DB) {
			*fatal = rc;
			return false;
		}
		if (rc != ERR_OK) {
			problem_add(p, false, row, lab, s, MSG_HH_NOT_FOUND, t);
			errinfo_set(e, ERR_NOTFOUND, lab, MSG_HH_NOT_FOUND, t);
			if (!*fatal)
				*fatal = ERR_NOTFOUND;
			return false;
		}
		set_household(r, f->col, &h, ps->scope_explicit);
		if (r->d->household && strcmp(f->col, r->d->household) == 0) {
			ps->household = h.id;
			ps->hh_no = h.hh_no;
		}
		return true;
	}
	case AF_MEMBER: {
		if (s.p[0] == '#') {
			/* a member by its number (the household page knows its members' numbers, not their full IDs) */
			int64_t mid;
			struct member m;
			struct household h;
			enum err rc = ERR_NOTFOUND;
			if (parse_i64(s.p + 1, s.n - 1, &mid) && mid > 0 &&
			    (rc = store_member_by_id(c->st, mid, &m, a, e)) == ERR_OK && ps->household && m.household_id != ps->household)
				rc = ERR_NOTFOUND;
			if (rc == ERR_OK)
				rc = store_household_by_id(c->st, m.household_id, &h, a, e);
			if (rc == ERR_DB) {
				*fatal = rc;
				return false;
			}
			if (rc != ERR_OK) {
				problem_add(p, false, row, lab, s, MSG_MEMBER_ID_NOT_FOUND, ps->hh_no ? ps->hh_no : "", t);
				return false;
			}
			if (!ps->household && r->d->household)
				set_household(r, r->d->household, &h, ps->scope_explicit);
			else if (!ps->household && !ps->scope_explicit)
				arec_set_int(r, r->d->scope, h.village);
			r->r.v[ci] = SQL_INT(mid);
			return true;
		}
		/* a person named by the whole ID number (a household's member by its number instead) */
		if (!names_by_id_no(c)) {
			problem_add(p, false, row, lab, s, MSG_AS_PERSON_BY_ID_NO);
			return false;
		}
		char *id = arena_strndup(a, s.p, s.n);
		struct idno norm;
		memset(&norm, 0, sizeof(norm));
		if (idno_validate(s, 99991231, &norm) == MSG_OK)
			id = arena_strdup(a, norm.norm);
		struct member m;
		int64_t hh = ps->household;
		enum err rc;
		if (hh) {
			rc = store_member_in_household(c->st, hh, id, &m, a, e);
			if (rc == ERR_NOTFOUND) {
				problem_add(p, false, row, lab, s, MSG_MEMBER_NOT_FOUND, ps->hh_no ? ps->hh_no : "", t);
				return false;
			}
		} else {
			char *hh_no = NULL;
			int64_t mid = 0;
			rc = store_idno_current_household(c->st, id, c->t ? c->t->today : date_today(), &hh_no, &mid, a, e);
			if (rc == ERR_NOTFOUND) {
				problem_add(p, false, row, lab, s, MSG_AS_PERSON_NOT_FOUND, t);
				return false;
			}
			struct household h;
			if (rc == ERR_OK && (rc = store_household_by_no(c->st, hh_no, &h, a, e)) == ERR_NOTFOUND) {
				/* registered, but not in the user's divisions: answered exactly as a number of nobody (it
				 * was a 404 where nobody's was a 400: an oracle), the attempt noted for the caller's audit */
				problem_add(p, false, row, lab, s, MSG_AS_PERSON_NOT_FOUND, t);
				c->probed = id;
				return false;
			}
			if (rc == ERR_OK) {
				m.id = mid;
				if (r->d->household)
					set_household(r, r->d->household, &h, ps->scope_explicit);
				else if (!ps->scope_explicit)
					arec_set_int(r, r->d->scope, h.village);
			}
		}
		if (rc != ERR_OK) {
			*fatal = rc;
			return false;
		}
		r->r.v[ci] = SQL_INT(m.id);
		return true;
	}
	case AF_CADRE: {
		int64_t id = 0;
		struct errinfo x;
		errinfo_clear(&x);
		enum err rc = find_cadre(c, s, &id, &x);
		if (rc == ERR_DB) {
			*e = x;
			*fatal = rc;
			return false;
		}
		if (rc != ERR_OK) {
			problem_from_err(p, false, row, lab, s, &x);
			return false;
		}
		r->r.v[ci] = SQL_INT(id);
		return true;
	}
	case AF_REF: {
		int64_t id;
		const char *k = t[0] == '#' ? t + 1 : t;
		if (!parse_i64(k, strlen(k), &id) || id <= 0) {
			problem_add(p, false, row, lab, s, MSG_BAD_INT, t);
			return false;
		}
		struct arec parent;
		enum err rc = arec_get(c->st, (enum akind)f->list, id, &parent, a, e);
		if (rc == ERR_NOTFOUND) {
			const struct akind_desc *pd = &akinds[f->list];
			problem_add(p, false, row, lab, s, MSG_AS_RECORD_NOT_FOUND, t, msg_lang() == LANG_EN ? pd->en : pd->zh);
			errinfo_set(e, ERR_NOTFOUND, lab, MSG_AS_RECORD_NOT_FOUND, t, msg_lang() == LANG_EN ? pd->en : pd->zh);
			if (!*fatal)
				*fatal = ERR_NOTFOUND;
			return false;
		}
		if (rc != ERR_OK) {
			*fatal = rc;
			return false;
		}
		r->r.v[ci] = SQL_INT(id);
		/* what the parent decides: the division, and the household and person when the kind does not ask */
		const struct akind_desc *d = r->d;
		if (!ps->scope_explicit && arec_null(r, d->scope))
			arec_set_int(r, d->scope, arec_int(&parent, parent.d->scope));
		if (d->household && !afield_find(d, "household") && parent.d->household && arec_null(r, d->household))
			arec_set_int(r, d->household, arec_int(&parent, parent.d->household));
		if (d->member && !afield_find(d, "member") && parent.d->member && arec_null(r, d->member))
			arec_set_int(r, d->member, arec_int(&parent, parent.d->member));
		return true;
	}
	case AF_PERSONS:
	case AF_HOUSEHOLDS: {
		/* checked one by one when the children are written; here only repeats */
		struct str rest = s, item;
		size_t n = 0;
		struct str seen[256];
		bool ok = true;
		while (split_next(&rest, &item) && ok) {
			for (size_t i = 0; i < n && ok; i++)
				if (seen[i].n == item.n && memcmp(seen[i].p, item.p, item.n) == 0) {
					char v[64];
					snprintf(v, sizeof(v), "%.*s", (int)(item.n < 60 ? item.n : 60), item.p);
					problem_add(p, false, row, lab, item, MSG_AS_LIST_DUP, v);
					ok = false;
				}
			if (n < NELEM(seen))
				seen[n++] = item;
		}
		return ok;
	}
	}
	return true;
}

/* The order fields are read in: parents first (they give the division and the household), then households
 * and persons, then divisions given outright, then the rest (a sub-item after its category). */
static int
field_pass(const struct afield *f)
{
	switch (f->type) {
	case AF_REF: return 0;
	case AF_HH: return 1;
	case AF_MEMBER: return 2;
	case AF_DIV:
	case AF_VILLAGE: return 3;
	default: return 4;
	}
}

/* ---- checks every kind shares ---- */

static void
check_common(struct actx *c, struct arec *r, struct problems *p, int row)
{
	const struct akind_desc *d = r->d;
	for (size_t i = 0; i < d->nf; i++) {
		const struct afield *f = &d->f[i];
		if ((f->flags & AFL_REQ) && f->col && arec_null(r, f->col))
			problem_add(p, false, row, flabel(c, f, NULL), (struct str){ 0 }, MSG_REQUIRED);
	}
	if (d->day && d->end && !arec_null(r, d->day) && !arec_null(r, d->end) && arec_int(r, d->end) < arec_int(r, d->day)) {
		char a1[11], a2[11];
		const struct afield *fs = field_of_col(d, d->day), *fe = field_of_col(d, d->end);
		date_format((int)arec_int(r, d->end), a1);   /* the value refused, and in the message */
		problem_add(p, false, row, flabel_col(c, d, d->end), str_from(a1), MSG_AS_END_BEFORE_START,
		    fe ? fwords(fe) : d->end, a1, fs ? fwords(fs) : d->day, date_format((int)arec_int(r, d->day), a2));
	}
}

/* ---- audit ---- */

/* A field's value as the audit log keeps it: money as yuan, a day as a date, a code as its code. */
static json_t *
audit_value(const struct afield *f, const struct sqlval *v)
{
	if (v->t == SV_NULL)
		return json_null();
	char t[32];
	switch (f->type) {
	case AF_MONEY:
	case AF_RATE:
		return json_string(format_fen(v->i, t, sizeof(t)));
	case AF_DATE:
		return json_string(date_format((int)v->i, t));
	case AF_BOOL:
		return json_boolean(v->i != 0);
	default:
		if (v->s)
			return json_string(v->s);
		return json_integer(v->i);
	}
}

/* The fields of d whose values differ between rows a and b: {"key": [before, after], ...} (NULL when none). */
static json_t *
changed_fields(const struct akind_desc *d, const struct sqlval *a, const struct sqlval *b)
{
	json_t *ch = NULL;
	for (size_t i = 0; i < d->nf; i++) {
		const struct afield *f = &d->f[i];
		int ci = f->col ? acol(d, f->col) : -1;
		if (ci < 0)
			continue;
		json_t *x = audit_value(f, &a[ci]), *y = audit_value(f, &b[ci]);
		if (json_equal(x, y)) {
			json_decref(x);
			json_decref(y);
			continue;
		}
		if (!ch)
			ch = json_object();
		json_object_set_new(ch, f->key, json_pack("[o, o]", x, y));
	}
	return ch;
}

/* changes: an update's fields, before and after (NULL for a new record) */
static enum err
audit_record(struct actx *c, const char *action, const struct arec *r, json_t *changes, struct errinfo *e)
{
	if (!c->t || c->t->quiet_audit) {
		json_decref(changes);
		return ERR_OK;
	}
	char obj[64];
	snprintf(obj, sizeof(obj), "%s:%lld", r->d->code, (long long)r->r.v[0].i);
	json_t *j = json_pack("{s:s}", "kind", r->d->code);
	if (changes)
		json_object_set_new(j, "changes", changes);
	if (r->d->household && !arec_null(r, r->d->household))
		json_object_set_new(j, "household_id", json_integer(arec_int(r, r->d->household)));
	if (r->d->scope && !arec_null(r, r->d->scope)) {
		char code[16];
		snprintf(code, sizeof(code), "%012lld", (long long)arec_int(r, r->d->scope));
		json_object_set_new(j, "division", json_string(code));
	}
	char *detail = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	enum err rc = txn_audit(c->t, action, obj, detail, e);
	free(detail);
	return rc;
}

/* ---- create, update ---- */

static enum err
own_household(struct actx *c, struct arec *r, int day, const char *lab, struct errinfo *e)
{
	/* a cadre writes only about the households it helps on that day: the others do not exist for it */
	if (!c->own_cadre)
		return ERR_OK;
	struct arow_filter f = { .household_id = arec_int(r, "household_id"), .ref_id = c->own_cadre, .from = day,
		.to = day };
	struct arow *v;
	size_t n;
	enum err rc = store_arow_list(c->st, AK_PAIRING, &f, &v, &n, NULL, c->a, e);
	if (rc != ERR_OK)
		return rc;
	if (n == 0) {
		struct household h;
		const char *no = store_household_by_id(c->st, f.household_id, &h, c->a, e) == ERR_OK ? h.hh_no : "";
		return errinfo_set(e, ERR_NOTFOUND, lab, MSG_HH_NOT_FOUND, no);
	}
	return ERR_OK;
}

static enum err
write_children(struct actx *c, struct arec *r, const struct afield *f, struct str list, struct problems *p, int row,
    struct errinfo *e)
{
	const struct akind_desc *cd = &akinds[f->list];
	const char *refkey = NULL, *valkey = f->type == AF_PERSONS ? "member" : "household";
	for (size_t i = 0; i < cd->nf; i++)
		if (cd->f[i].type == AF_REF && cd->f[i].list == (int)r->d->k)
			refkey = cd->f[i].key;
	char id[24];
	snprintf(id, sizeof(id), "%lld", (long long)r->r.v[0].i);
	struct str rest = list, item;
	enum err worst = ERR_OK;
	while (split_next(&rest, &item)) {
		struct akv kv[2] = { { refkey, str_from(id), NULL }, { valkey, item, flabel(c, f, NULL) } };
		bool sheet = c->sheet;
		struct problems local;
		problems_init(&local, c->a);
		enum err rc = arec_create(c, cd->k, kv, 2, NULL, &local, row, e);
		c->sheet = sheet;
		for (size_t k = 0; k < local.n; k++) {
			struct problem *q = &local.v[k];
			struct errinfo x;
			errinfo_raw(&x, ERR_INVALID, q->column, q->code, q->message);
			problem_from_err(p, false, row, flabel(c, f, NULL), item, &x);
		}
		if (rc == ERR_DB)
			return rc;
		if (rc != ERR_OK && worst != ERR_NOTFOUND)
			worst = rc;
	}
	return worst;
}

/* The values of r as they are stored (texts as texts), in the arena. */
static struct sqlval *
row_as_stored(struct actx *c, const struct arec *r)
{
	int n = table_ncols[akind_table(r->d->k)];
	struct sqlval *v = arena_alloc(c->a, (size_t)n * sizeof(*v));
	for (int i = 0; i < n; i++)
		v[i] = r->r.v[i];
	for (size_t i = 0; i < r->d->nf; i++)
		if (r->d->f[i].col && text_type(r->d->f[i].type)) {
			int ci = col_of(r->d, r->d->f[i].col);
			v[ci] = as_text(v[ci]);
		}
	return v;
}

static bool
sqlval_eq(struct sqlval a, struct sqlval b)
{
	return a.t == b.t && (a.t != SV_INT || a.i == b.i) && (a.t != SV_TEXT || strcmp(a.s, b.s) == 0);
}

/* A household's visit, measure or aid the same in every field as one recorded already (a form sent twice, a
 * sheet imported again): it would count twice. Refused, naming the record; one that is another in fact says so
 * in its note or content. Compared as stored, so a record changed since is another. These tables are read by
 * household through an index (one look-up per record); the others either have a rule of their own against
 * twins (a payment per period, insurance per year, a pairing or a beneficiary per time) or no such index. */
static enum err
same_as_recorded(struct actx *c, const struct arec *r, struct problems *p, int row)
{
	enum table t = akind_table(r->d->k);
	int hc = table_column(t, "household_id");
	if ((t != T_VISIT && t != T_MEASURE && t != T_AID) || hc < 0 || r->r.v[hc].t != SV_INT)
		return ERR_OK;
	int at = table_column(t, "recorded_at"), by = table_column(t, "recorded_by");
	/* a twin has the same day: only that day's records of the household are read */
	int day = r->d->day && !arec_null(r, r->d->day) ? (int)arec_int(r, r->d->day) : 0;
	struct arow_filter f = { .household_id = r->r.v[hc].i, .from = day, .to = day };
	struct arec *v;
	size_t n;
	struct errinfo e;
	if (arec_list(c->st, r->d->k, &f, &v, &n, NULL, c->a, &e) != ERR_OK)
		return ERR_DB;
	const struct sqlval *mine = row_as_stored(c, r);
	for (size_t i = 0; i < n; i++) {
		bool same = true;
		for (int j = 1; same && j < table_ncols[t]; j++)
			same = j == at || j == by || sqlval_eq(v[i].r.v[j], mine[j]);
		if (same) {
			char d[11];
			problem_add(p, false, row, "", (struct str){ 0 }, MSG_AS_SAME_RECORD,
			    msg_lang() == LANG_EN ? r->d->en : r->d->zh, date_format(day, d), (long long)v[i].r.v[0].i);
			break;
		}
	}
	return ERR_OK;
}

enum err
arec_create(struct actx *c, enum akind k, const struct akv *in, size_t n, struct arec *out, struct problems *p,
    int row, struct errinfo *e)
{
	const struct akind_desc *d = &akinds[k];
	struct errinfo ee;
	errinfo_clear(&ee);
	if (!e)
		e = &ee;
	if (!akind_writable(d, c->role)) {
		const struct role *ro = role_find(c->role);
		return errinfo_set(e, ERR_FORBIDDEN, "", MSG_AS_NOT_ALLOWED, ro ? (msg_lang() == LANG_EN ? ro->en : ro->zh)
		    : c->role, msg_lang() == LANG_EN ? d->en : d->zh);
	}
	size_t before = p->n_errors;
	struct arec r;
	arec_init(&r, k, c->a);
	struct parse_state ps = { 0 };
	enum err fatal = ERR_OK;
	/* unknown keys */
	for (size_t i = 0; i < n; i++)
		if (!afield_find(d, in[i].key)) {
			char v[64];
			snprintf(v, sizeof(v), "%s", in[i].key);
			problem_add(p, false, row, in[i].label ? in[i].label : in[i].key, (struct str){ 0 }, MSG_UNKNOWN_FIELD, v);
		}
	for (int pass = 0; pass <= 4; pass++)
		for (size_t i = 0; i < n; i++) {
			const struct afield *f = afield_find(d, in[i].key);
			if (!f || field_pass(f) != pass)
				continue;
			if (!parse_field(c, &r, f, &in[i], &ps, p, row, e, &fatal) && (fatal == ERR_DB))
				return fatal;
		}
	if (fatal == ERR_OK && p->n_errors == before) {
		check_common(c, &r, p, row);
		if (p->n_errors == before && c->own_cadre && (k == AK_VISIT || k == AK_MEASURE)) {
			int day = (int)arec_int(&r, d->day);
			const struct afield *hf = afield_find(d, "household");
			enum err rc = own_household(c, &r, day, flabel(c, hf, NULL), e);
			if (rc != ERR_OK) {
				if (rc == ERR_NOTFOUND)
					problem_from_err(p, false, row, e->field, (struct str){ 0 }, e);
				return rc;
			}
		}
		if (p->n_errors == before && d->check && !c->trusted) {
			enum err rc = d->check(c, &r, false, p, row);
			if (rc == ERR_DB || rc == ERR_NOTFOUND) {
				if (rc == ERR_NOTFOUND && e->err == ERR_OK)
					errinfo_set(e, ERR_NOTFOUND, "", MSG_HH_NOT_FOUND, "");
				return rc;
			}
		}
		if (p->n_errors == before && !c->trusted && same_as_recorded(c, &r, p, row) == ERR_DB)
			return ERR_DB;
	}
	if (fatal != ERR_OK)
		return fatal;
	if (p->n_errors > before) {
		const struct problem *q = &p->v[before < p->n ? before : p->n - 1];
		if (p->n)
			errinfo_raw(e, ERR_INVALID, q->column, q->code, q->message);
		return ERR_INVALID;
	}
	enum err rc = arec_insert_row(c, &r, e);
	if (rc != ERR_OK)
		return rc;
	if (d->after && (rc = d->after(c, &r, e)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		const struct afield *f = afield_find(d, in[i].key);
		if (f && (f->type == AF_PERSONS || f->type == AF_HOUSEHOLDS) && str_trim(in[i].val).n) {
			rc = write_children(c, &r, f, in[i].val, p, row, e);
			if (rc != ERR_OK) {
				if (p->n_errors > before && rc != ERR_DB && rc != ERR_NOTFOUND)
					errinfo_raw(e, ERR_INVALID, p->v[before].column, p->v[before].code, p->v[before].message);
				return rc;
			}
		}
	}
	if ((rc = audit_record(c, d->group == AG_SUPERVISE ? "supervision.create" : "assistance.create", &r, NULL, e)) !=
	    ERR_OK)
		return rc;
	if (out)
		*out = r;
	return ERR_OK;
}

enum err
arec_insert_row(struct actx *c, struct arec *r, struct errinfo *e)
{
	int n = table_ncols[akind_table(r->d->k)];
	struct sqlval *v = row_as_stored(c, r);
	v[0] = SQL_NULL;
	int at = table_column(akind_table(r->d->k), "recorded_at"), by = table_column(akind_table(r->d->k), "recorded_by");
	v[at] = SQL_INT(c->t ? c->t->now : stamp_now());
	v[by] = SQL_TEXT(c->t ? c->t->actor : "system");
	enum err rc = store_arow_insert(c->st, akind_table(r->d->k), v, e);
	if (rc == ERR_OK) {
		r->r.v = v;
		for (int i = 0; i < n; i++)
			if (v[i].t == SV_INT && !v[i].s)
				v[i].s = arena_printf(c->a, "%lld", (long long)v[i].i);
	}
	return rc;
}

enum err
arec_update(struct actx *c, enum akind k, int64_t id, const struct akv *in, size_t n, struct arec *out,
    struct problems *p, struct errinfo *e)
{
	const struct akind_desc *d = &akinds[k];
	if (!akind_writable(d, c->role)) {
		const struct role *ro = role_find(c->role);
		return errinfo_set(e, ERR_FORBIDDEN, "", MSG_AS_NOT_ALLOWED, ro ? (msg_lang() == LANG_EN ? ro->en : ro->zh)
		    : c->role, msg_lang() == LANG_EN ? d->en : d->zh);
	}
	struct arec r;
	enum err rc = arec_get(c->st, k, id, &r, c->a, e);
	if (rc == ERR_NOTFOUND) {
		char t[24];
		snprintf(t, sizeof(t), "%lld", (long long)id);
		return errinfo_set(e, ERR_NOTFOUND, "id", MSG_AS_RECORD_NOT_FOUND, t, msg_lang() == LANG_EN ? d->en : d->zh);
	}
	if (rc != ERR_OK)
		return rc;
	if (c->own_cadre && (k == AK_VISIT || k == AK_MEASURE) &&
	    (rc = own_household(c, &r, (int)arec_int(&r, d->day), "id", e)) != ERR_OK)
		return rc;
	if (n == 0)   /* an empty change wrote an audit row of a change that was none */
		return errinfo_set(e, ERR_INVALID, "", MSG_NOTHING_TO_CHANGE);
	/* the row as it was, for the audit log's before and after (an amount changed left no trace) */
	int nc = table_ncols[akind_table(k)];
	struct sqlval *was = arena_alloc(c->a, (size_t)nc * sizeof(*was));
	memcpy(was, r.r.v, (size_t)nc * sizeof(*was));
	size_t before = p->n_errors;
	struct parse_state ps = { .scope_explicit = true, .household = arec_int(&r, d->household ? d->household : "") };
	enum err fatal = ERR_OK;
	for (size_t i = 0; i < n; i++) {
		const struct afield *f = afield_find(d, in[i].key);
		if (!f) {
			problem_add(p, false, 0, in[i].key, (struct str){ 0 }, MSG_UNKNOWN_FIELD, in[i].key);
			continue;
		}
		if (!(f->flags & AFL_MUT)) {
			problem_add(p, false, 0, flabel(c, f, &in[i]), in[i].val, MSG_AS_FIXED, fwords(f));
			continue;
		}
		if (!parse_field(c, &r, f, &in[i], &ps, p, 0, e, &fatal) && fatal == ERR_DB)
			return fatal;
	}
	if (fatal == ERR_OK && p->n_errors == before) {
		check_common(c, &r, p, 0);
		if (p->n_errors == before && d->check) {
			rc = d->check(c, &r, true, p, 0);
			if (rc == ERR_DB || rc == ERR_NOTFOUND)
				return rc;
		}
	}
	if (fatal != ERR_OK)
		return fatal;
	if (p->n_errors > before) {
		errinfo_raw(e, ERR_INVALID, p->v[before].column, p->v[before].code, p->v[before].message);
		return ERR_INVALID;
	}
	for (int i = 0; i < nc; i++)
		if (r.r.v[i].t == SV_INT && r.r.v[i].s) {
			/* a column read as a number may hold text (a code in digits, a phone): write it as it was read */
			bool text = false;
			for (size_t j = 0; j < d->nf; j++)
				if (d->f[j].col && col_of(d, d->f[j].col) == i && text_type(d->f[j].type))
					text = true;
			if (text)
				r.r.v[i] = as_text(r.r.v[i]);
		}
	r.r.v[0] = SQL_INT(id);
	if ((rc = store_arow_update(c->st, akind_table(k), r.r.v, e)) != ERR_OK)
		return rc;
	if ((rc = audit_record(c, d->group == AG_SUPERVISE ? "supervision.update" : "assistance.update", &r,
	    changed_fields(d, was, r.r.v), e)) != ERR_OK)
		return rc;
	if (out)
		*out = r;
	return ERR_OK;
}

/* ---- reads ---- */

enum err
arec_list(struct store *st, enum akind k, const struct arow_filter *f, struct arec **out, size_t *n, int64_t *total,
    struct arena *a, struct errinfo *e)
{
	struct arow *v;
	enum err rc = store_arow_list(st, k, f, &v, n, total, a, e);
	if (rc != ERR_OK)
		return rc;
	*out = arena_alloc(a, (*n ? *n : 1) * sizeof(**out));
	for (size_t i = 0; i < *n; i++) {
		(*out)[i].d = &akinds[k];
		(*out)[i].r = v[i];
	}
	return ERR_OK;
}

enum err
arec_list_audit_full(struct store *st, const struct akind_desc *d, const struct arow_filter *f, const char *hh_no,
    int64_t division, size_t shown, int64_t total, const char *actor, const char *ip, struct errinfo *e)
{
	/* which page of which list, and how many records it showed (the row said only the kind) */
	json_t *dj = json_pack("{s:s?, s:I, s:I, s:I, s:I, s:i, s:i, s:I, s:I}", "household", hh_no && *hh_no ? hh_no
	    : NULL, "ref", (json_int_t)f->ref_id, "division", (json_int_t)division, "from", (json_int_t)f->from, "to",
	    (json_int_t)f->to, "offset", f->offset, "limit", f->limit, "records", (json_int_t)shown, "total",
	    (json_int_t)total);
	if (dj && f->id)   /* one record asked by its id (the command line's --id) */
		json_object_set_new(dj, "id", json_integer(f->id));
	char *detail = dj ? json_dumps(dj, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(dj);
	enum err rc = audit_view(st, actor, ip, "view.full_id", d->code, detail, e);
	free(detail);
	return rc;
}

/* A record list downloaded (CSV or Excel): who took which list, how many rows, masked or whole, as every export
 * is recorded. */
enum err
arec_export_audit(struct store *st, const struct akind_desc *d, const struct arow_filter *f, const char *hh_no,
    int64_t division, const char *format, int64_t rows, bool full, const char *actor, const char *ip,
    struct errinfo *e)
{
	json_t *dj = json_pack("{s:s?, s:I, s:I, s:I, s:I, s:s, s:b, s:I}", "household", hh_no && *hh_no ? hh_no : NULL,
	    "ref", (json_int_t)f->ref_id, "division", (json_int_t)division, "from", (json_int_t)f->from, "to",
	    (json_int_t)f->to, "format", format, "full", full, "rows", (json_int_t)rows);
	char *detail = dj ? json_dumps(dj, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(dj);
	enum err rc = audit_view(st, actor, ip, "export.records", d->code, detail, e);
	free(detail);
	return rc;
}

enum err
arec_get(struct store *st, enum akind k, int64_t id, struct arec *out, struct arena *a, struct errinfo *e)
{
	memset(out, 0, sizeof(*out));
	out->d = &akinds[k];
	return store_arow_get(st, k, id, &out->r, a, e);
}

/* ---- hooks: rules of each kind that need the database ---- */

#define LAB(key) flabel(c, afield_find(r->d, key), NULL)

static void
fmt_day(int d, char *out)
{
	if (!d || d >= DATE_INF)
		snprintf(out, 11, "%s", msg_lang() == LANG_EN ? "open" : "今");
	else
		date_format(d, out);
}

enum err
check_cadre(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	struct errinfo e;
	const char *idno = arec_text(r, "id_no");
	if (idno && !update) {
		int64_t *ids;
		size_t n;
		if (store_cadre_find(c->st, CADRE_BY_IDNO, idno, &ids, &n, c->a, &e) != ERR_OK)
			return ERR_DB;
		if (n) {
			struct arec other;
			int64_t lo = c->st->scope_lo, hi = c->st->scope_hi;
			store_set_scope(c->st, 0);
			char name[64] = "";
			if (arec_get(c->st, AK_CADRE, ids[0], &other, c->a, &e) == ERR_OK)
				snprintf(name, sizeof(name), "%s", arec_text(&other, "name"));
			c->st->scope_lo = lo, c->st->scope_hi = hi;
			problem_add(p, false, row, LAB("id_no"), str_from(idno), MSG_AS_CADRE_EXISTS, name);
		}
	}
	const char *user = arec_text(r, "user_name");
	if (user) {
		struct user u;
		enum err rc = store_user_by_name(c->st, user, &u, c->a, &e);
		if (rc == ERR_NOTFOUND)
			problem_add(p, false, row, LAB("user"), str_from(user), MSG_USER_NOT_FOUND, user);
		else if (rc != ERR_OK)
			return ERR_DB;
	}
	return ERR_OK;
}

/* The rows of kind k of household hh (any date). */
static enum err
rows_of_household(struct actx *c, enum akind k, int64_t hh, struct arec **v, size_t *n)
{
	struct arow_filter f = { .household_id = hh };
	struct errinfo e;
	return arec_list(c->st, k, &f, v, n, NULL, c->a, &e);
}

static int
end_or_inf(const struct arec *r, const char *col)
{
	return arec_null(r, col) ? DATE_INF : (int)arec_int(r, col);
}

/* Another assignment (a pairing of the household, a first secretary of the village) q overlapping r: true if
 * it may be ended the day before r starts (it is open and began earlier, and r is new). */
static bool
closes_before(const struct arec *q, const struct arec *r, bool update)
{
	return !update && arec_null(q, "end_date") && arec_int(q, "start_date") < arec_int(r, "start_date");
}

enum err
check_pairing(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	struct arec *v;
	size_t n;
	if (rows_of_household(c, AK_PAIRING, arec_int(r, "household_id"), &v, &n) != ERR_OK)
		return ERR_DB;
	int s = (int)arec_int(r, "start_date"), en = end_or_inf(r, "end_date");
	for (size_t i = 0; i < n; i++) {
		struct arec *q = &v[i];
		if (q->r.v[0].i == r->r.v[0].i && r->r.v[0].t == SV_INT)
			continue;
		int qs = (int)arec_int(q, "start_date"), qe = end_or_inf(q, "end_date");
		if (!(qs <= en && s <= qe))
			continue;
		char a1[11], a2[11];
		fmt_day(qs, a1);
		fmt_day(qe, a2);
		if (arec_int(q, "cadre_id") == arec_int(r, "cadre_id"))
			problem_add(p, false, row, LAB("start_date"), (struct str){ 0 }, MSG_AS_PAIR_SELF, a1, a2);
		else if (!closes_before(q, r, update))
			problem_add(p, false, row, LAB("start_date"), (struct str){ 0 }, MSG_AS_PAIR_OTHER, a1, a2,
			    q->r.show[SHOW_CADRE] ? q->r.show[SHOW_CADRE] : "");
	}
	return ERR_OK;
}

/* End, the day before r starts, the open assignments among v that r takes over. */
static enum err
close_before(struct actx *c, struct arec *r, struct arec *v, size_t n, bool (*same)(const struct arec *,
    const struct arec *), struct errinfo *e)
{
	for (size_t i = 0; i < n; i++) {
		struct arec *q = &v[i];
		if (q->r.v[0].i == r->r.v[0].i || !same(q, r) || !closes_before(q, r, false))
			continue;
		arec_set_int(q, "end_date", date_add_days((int)arec_int(r, "start_date"), -1));
		for (size_t j = 0; j < q->d->nf; j++)
			if (q->d->f[j].col && text_type(q->d->f[j].type)) {
				int ci = col_of(q->d, q->d->f[j].col);
				q->r.v[ci] = as_text(q->r.v[ci]);
			}
		enum err rc = store_arow_update(c->st, akind_table(q->d->k), q->r.v, e);
		if (rc == ERR_OK)
			rc = audit_record(c, "assistance.update", q, NULL, e);
		if (rc != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

static bool
other_cadre(const struct arec *q, const struct arec *r)
{
	return arec_int(q, "cadre_id") != arec_int(r, "cadre_id");
}

enum err
after_pairing(struct actx *c, struct arec *r, struct errinfo *e)
{
	struct arec *v;
	size_t n;
	if (rows_of_household(c, AK_PAIRING, arec_int(r, "household_id"), &v, &n) != ERR_OK)
		return errinfo_set(e, ERR_DB, "", MSG_DB, "pairings");
	return close_before(c, r, v, n, other_cadre, e);
}

static enum err
team_rows(struct actx *c, const struct arec *r, struct arec **v, size_t *n)
{
	int64_t village = arec_int(r, "village");
	struct arow_filter f = { .lo = village, .hi = village };
	struct errinfo e;
	return arec_list(c->st, AK_WORK_TEAM, &f, v, n, NULL, c->a, &e);
}

static bool
same_role_other_cadre(const struct arec *q, const struct arec *r)
{
	const char *a = arec_text(q, "role"), *b = arec_text(r, "role");
	return a && b && strcmp(a, b) == 0 && strcmp(b, "member") != 0 && other_cadre(q, r);
}

enum err
check_work_team(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	struct arec *v;
	size_t n;
	if (team_rows(c, r, &v, &n) != ERR_OK)
		return ERR_DB;
	int s = (int)arec_int(r, "start_date"), en = end_or_inf(r, "end_date");
	for (size_t i = 0; i < n; i++) {
		struct arec *q = &v[i];
		if (r->r.v[0].t == SV_INT && q->r.v[0].i == r->r.v[0].i)
			continue;
		int qs = (int)arec_int(q, "start_date"), qe = end_or_inf(q, "end_date");
		if (!(qs <= en && s <= qe))
			continue;
		char a1[11], a2[11];
		fmt_day(qs, a1);
		fmt_day(qe, a2);
		if (!other_cadre(q, r))
			problem_add(p, false, row, LAB("start_date"), (struct str){ 0 }, MSG_AS_PAIR_SELF, a1, a2);
		else if (same_role_other_cadre(q, r) && !closes_before(q, r, update))
			problem_add(p, false, row, LAB("start_date"), (struct str){ 0 }, MSG_AS_TEAM_OTHER, a1, a2,
			    acode_label(AL_TEAM_ROLE, arec_text(q, "role")), q->r.show[SHOW_CADRE] ? q->r.show[SHOW_CADRE] : "");
	}
	return ERR_OK;
}

enum err
after_work_team(struct actx *c, struct arec *r, struct errinfo *e)
{
	struct arec *v;
	size_t n;
	if (team_rows(c, r, &v, &n) != ERR_OK)
		return errinfo_set(e, ERR_DB, "", MSG_DB, "work teams");
	return close_before(c, r, v, n, same_role_other_cadre, e);
}

/* The cadre helping household hh on day (0 if none). */
static int64_t
cadre_on(struct actx *c, int64_t hh, int day)
{
	struct arec *v;
	size_t n;
	if (rows_of_household(c, AK_PAIRING, hh, &v, &n) != ERR_OK)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (arec_int(&v[i], "start_date") <= day && end_or_inf(&v[i], "end_date") >= day)
			return arec_int(&v[i], "cadre_id");
	return 0;
}

enum err
check_visit(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	if (c->own_cadre)
		arec_set_int(r, "cadre_id", c->own_cadre);
	else if (arec_null(r, "cadre_id")) {
		int64_t cd = cadre_on(c, arec_int(r, "household_id"), (int)arec_int(r, "visit_date"));
		if (cd)
			arec_set_int(r, "cadre_id", cd);
	}
	if (arec_null(r, "mode"))
		arec_set_text(r, "mode", "home");
	return ERR_OK;
}

enum err
check_measure(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)c, (void)update;
	const char *cat = arec_text(r, "category"), *item = arec_text(r, "item");
	if (cat && item) {
		const struct acode *x = acode_by_code(AL_ITEM, item);
		if (x && x->parent && strcmp(x->parent, cat) != 0)
			problem_add(p, false, row, LAB("item"), str_from(item), MSG_AS_ITEM_CATEGORY, acode_label(AL_ITEM, item),
			    acode_label(AL_CATEGORY, cat));
	}
	if (arec_null(r, "year") && !arec_null(r, "measure_date"))
		arec_set_int(r, "year", arec_int(r, "measure_date") / 10000);
	return ERR_OK;
}

enum err
check_beneficiary(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	struct arec parent;
	struct errinfo e;
	const struct akind_desc *pd = &akinds[r->d->ref_kind];
	if (arec_get(c->st, pd->k, arec_int(r, "ref_id"), &parent, c->a, &e) != ERR_OK)
		return ERR_OK;   /* reported by the field already */
	/* a loan's persons are helped for its term, a fair's on its day */
	if (pd->k == AK_LOAN && arec_null(r, "start_date")) {
		arec_set_int(r, "start_date", arec_int(&parent, "start_date"));
		arec_set_int(r, "end_date", arec_int(&parent, "end_date"));
	} else if (pd->k == AK_JOB_FAIR && arec_null(r, "start_date")) {
		arec_set_int(r, "start_date", arec_int(&parent, "fair_date"));
		arec_set_int(r, "end_date", arec_int(&parent, "fair_date"));
		arec_set_text(r, "mode", "employment");
	}
	if (update)
		return ERR_OK;
	struct arow_filter f = { .ref_id = arec_int(r, "ref_id") };
	struct arec *v;
	size_t n;
	if (arec_list(c->st, r->d->k, &f, &v, &n, NULL, c->a, &e) != ERR_OK)
		return ERR_DB;
	int s = (int)arec_int(r, "start_date"), en = end_or_inf(r, "end_date");
	for (size_t i = 0; i < n; i++)
		if (arec_int(&v[i], "member_id") == arec_int(r, "member_id") && arec_int(&v[i], "start_date") <= en &&
		    s <= end_or_inf(&v[i], "end_date")) {
			problem_add(p, false, row, LAB("member"), (struct str){ 0 }, MSG_AS_BENEFICIARY_TWICE,
			    msg_lang() == LANG_EN ? pd->en : pd->zh);
			break;
		}
	return ERR_OK;
}

/* A payment of the same parent to the same household for the same period. */
static enum err
paid_before(struct actx *c, struct arec *r, const char *key, const char *what, struct problems *p, int row)
{
	struct arow_filter f = { .ref_id = arec_int(r, "ref_id") };
	struct arec *v;
	size_t n;
	struct errinfo e;
	if (arec_list(c->st, r->d->k, &f, &v, &n, NULL, c->a, &e) != ERR_OK)
		return ERR_DB;
	for (size_t i = 0; i < n; i++) {
		if (r->r.v[0].t == SV_INT && v[i].r.v[0].i == r->r.v[0].i)
			continue;
		if (arec_int(&v[i], "period") == arec_int(r, "period") &&
		    arec_int(&v[i], "household_id") == arec_int(r, "household_id")) {
			char d[11], y[32];
			problem_add(p, false, row, LAB(key), (struct str){ 0 }, MSG_AS_PAID_TWICE, what,
			    date_format((int)arec_int(&v[i], "paid_on"), d), format_fen(arec_int(&v[i], "amount"), y, sizeof(y)));
			break;
		}
	}
	return ERR_OK;
}

static const char *
month_text(int ym, char *out, size_t n)
{
	snprintf(out, n, "%04d-%02d", ym / 100, ym % 100);
	return out;
}

enum err
check_project_payment(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	char m[16];
	return paid_before(c, r, "month", month_text((int)arec_int(r, "period"), m, sizeof(m)), p, row);
}

enum err
check_public_post(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	struct arec *v;
	size_t n;
	if (rows_of_household(c, AK_PUBLIC_POST, arec_int(r, "household_id"), &v, &n) != ERR_OK)
		return ERR_DB;
	int s = (int)arec_int(r, "start_date"), en = end_or_inf(r, "end_date");
	for (size_t i = 0; i < n; i++) {
		if (r->r.v[0].t == SV_INT && v[i].r.v[0].i == r->r.v[0].i)
			continue;
		if (arec_int(&v[i], "member_id") == arec_int(r, "member_id") && arec_int(&v[i], "start_date") <= en &&
		    s <= end_or_inf(&v[i], "end_date")) {
			char d[11];
			const char *title = arec_text(&v[i], "title");
			problem_add(p, false, row, LAB("start_date"), (struct str){ 0 }, MSG_AS_POST_HELD,
			    date_format((int)arec_int(&v[i], "start_date"), d), title ? title :
			    acode_label(AL_POST_KIND, arec_text(&v[i], "post_kind")));
			break;
		}
	}
	return ERR_OK;
}

enum err
check_post_payment(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	int month = (int)arec_int(r, "period");
	char m[16];
	month_text(month, m, sizeof(m));
	struct arec post;
	struct errinfo e;
	bool found = false;
	if (!arec_null(r, "ref_id"))
		found = arec_get(c->st, AK_PUBLIC_POST, arec_int(r, "ref_id"), &post, c->a, &e) == ERR_OK;
	else if (!arec_null(r, "member_id")) {
		/* the post the person held that month */
		struct arec *v;
		size_t n;
		if (rows_of_household(c, AK_PUBLIC_POST, arec_int(r, "household_id"), &v, &n) != ERR_OK)
			return ERR_DB;
		for (size_t i = 0; i < n && !found; i++)
			if (arec_int(&v[i], "member_id") == arec_int(r, "member_id") &&
			    arec_int(&v[i], "start_date") / 100 <= month && end_or_inf(&v[i], "end_date") / 100 >= month) {
				post = v[i];
				found = true;
			}
		if (!found) {
			problem_add(p, false, row, LAB("member"), (struct str){ 0 }, MSG_AS_NO_POST, m);
			return ERR_OK;
		}
	} else {
		problem_add(p, false, row, LAB("member"), (struct str){ 0 }, MSG_REQUIRED);
		return ERR_OK;
	}
	if (!found)
		return ERR_OK;
	arec_set_int(r, "ref_id", post.r.v[0].i);
	arec_set_int(r, "household_id", arec_int(&post, "household_id"));
	arec_set_int(r, "member_id", arec_int(&post, "member_id"));
	arec_set_int(r, "village", arec_int(&post, "village"));
	if (arec_null(r, "amount"))
		arec_set_int(r, "amount", arec_int(&post, "monthly"));
	int ps = (int)arec_int(&post, "start_date"), pe = end_or_inf(&post, "end_date");
	if (month < ps / 100 || month > pe / 100) {
		char a1[11], a2[11];
		fmt_day(ps, a1);
		fmt_day(pe, a2);
		problem_add(p, false, row, LAB("month"), (struct str){ 0 }, MSG_AS_MONTH_OUTSIDE, m, a1, a2);
		return ERR_OK;
	}
	(void)update;
	return paid_before(c, r, "month", m, p, row);
}

enum err
check_loan(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	/* a household's loan is in its village: 户编号 or 所在村, as the guide says (one with the household alone was
	 * refused, 所在村 必填项为空: found by a review) */
	if (arec_null(r, "village") && !arec_null(r, "household_id")) {
		struct household h;
		struct errinfo e;
		if (store_household_by_id(c->st, arec_int(r, "household_id"), &h, c->a, &e) == ERR_OK)
			arec_set_int(r, "village", h.village);
	}
	if (arec_null(r, "village"))
		problem_add(p, false, row, LAB("village"), (struct str){ 0 }, MSG_AS_VILLAGE_OR_HOUSEHOLD);
	char a1[32], a2[32];
	/* an interest subsidy is part of the interest on the loan: never more than the loan itself */
	if (!arec_null(r, "subsidy") && arec_int(r, "subsidy") > arec_int(r, "amount"))
		problem_add(p, false, row, LAB("subsidy"), (struct str){ 0 }, MSG_AS_SUBSIDY_TOO_MUCH,
		    format_fen(arec_int(r, "subsidy"), a1, sizeof(a1)), format_fen(arec_int(r, "amount"), a2, sizeof(a2)));
	/* a household's loan is counted in the household's village (a village given apart must be that one) */
	if (!arec_null(r, "household_id") && !arec_null(r, "village")) {
		struct household h;
		struct errinfo e;
		if (store_household_by_id(c->st, arec_int(r, "household_id"), &h, c->a, &e) == ERR_OK &&
		    h.village != arec_int(r, "village")) {
			char v1[16], v2[16];
			snprintf(v1, sizeof(v1), "%012lld", (long long)arec_int(r, "village"));
			snprintf(v2, sizeof(v2), "%012lld", (long long)h.village);
			problem_add(p, false, row, LAB("village"), (struct str){ 0 }, MSG_AS_VILLAGE_NOT_HOUSEHOLDS, v1, h.hh_no, v2);
		}
	}
	return ERR_OK;
}

enum err
check_repayment(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	struct arec loan;
	struct errinfo e;
	if (arec_get(c->st, AK_LOAN, arec_int(r, "ref_id"), &loan, c->a, &e) != ERR_OK)
		return ERR_OK;
	if (arec_int(r, "paid_on") < arec_int(&loan, "start_date")) {
		char a1[11], a2[11];
		date_format((int)arec_int(r, "paid_on"), a1);
		problem_add(p, false, row, LAB("paid_on"), str_from(a1), MSG_AS_END_BEFORE_START,
		    fwords(afield_find(r->d, "paid_on")), a1,
		    fwords(afield_find(&akinds[AK_LOAN], "start_date")), date_format((int)arec_int(&loan, "start_date"), a2));
	}
	arec_set_int(r, "period", arec_int(r, "paid_on"));
	struct arow_filter f = { .ref_id = loan.r.v[0].i };
	struct arec *v;
	size_t n;
	if (arec_list(c->st, AK_LOAN_REPAYMENT, &f, &v, &n, NULL, c->a, &e) != ERR_OK)
		return ERR_DB;
	int64_t sum = arec_int(r, "amount");
	for (size_t i = 0; i < n; i++)
		if (!(r->r.v[0].t == SV_INT && v[i].r.v[0].i == r->r.v[0].i))
			sum += arec_int(&v[i], "amount");
	if (sum > arec_int(&loan, "amount")) {
		char a1[32], a2[32];
		problem_add(p, false, row, LAB("amount"), (struct str){ 0 }, MSG_AS_REPAID_TOO_MUCH,
		    format_fen(sum, a1, sizeof(a1)), format_fen(arec_int(&loan, "amount"), a2, sizeof(a2)));
	}
	return ERR_OK;
}

enum err
check_aid(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	enum akind k = r->d->k;
	if (arec_null(r, "year") && (k == AK_YULU))
		arec_set_int(r, "year", arec_int(r, "aid_date") / 10000);
	if (k != AK_MEDICAL_INSURANCE && k != AK_SERIOUS_INSURANCE)
		return ERR_OK;
	if (arec_null(r, "paid_by"))
		arec_set_text(r, "paid_by", k == AK_MEDICAL_INSURANCE ? "finance" : "fund");
	if (update)
		return ERR_OK;
	struct arec *v;
	size_t n;
	if (rows_of_household(c, k, arec_int(r, "household_id"), &v, &n) != ERR_OK)
		return ERR_DB;
	for (size_t i = 0; i < n; i++)
		if (arec_int(&v[i], "member_id") == arec_int(r, "member_id") && arec_int(&v[i], "year") == arec_int(r, "year")) {
			problem_add(p, false, row, LAB("year"), (struct str){ 0 }, MSG_AS_INSURED_TWICE, (int)arec_int(r, "year"),
			    msg_lang() == LANG_EN ? r->d->en : r->d->zh);
			break;
		}
	return ERR_OK;
}

enum err
check_asset(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)c, (void)update;
	const char *lvl = arec_text(r, "owner_level");
	if (lvl && strcmp(lvl, "household") == 0 && arec_null(r, "owner_household_id"))
		problem_add(p, false, row, LAB("owner_household"), (struct str){ 0 }, MSG_AS_OWNER_HOUSEHOLD);
	return ERR_OK;
}

enum err
check_asset_income(struct actx *c, struct arec *r, bool update, struct problems *p, int row)
{
	(void)update;
	if (arec_null(r, "household_id"))
		return ERR_OK;   /* the collective's share: several a year */
	char y[16];
	snprintf(y, sizeof(y), "%lld", (long long)arec_int(r, "period"));
	return paid_before(c, r, "year", y, p, row);
}

/* ---- settings ---- */

static const struct {
	const char *key, *meta;
	int dflt, lo, hi;
} settings[] = {
	{ "visit_days", "assistance.visit_days", 90, 1, 3660 },
	{ "cadre_limit", "assistance.cadre_limit", 30, 1, 100000 },
};

enum err
assist_settings_get(struct store *st, struct assist_settings *s, struct errinfo *e)
{
	int vals[NELEM(settings)];
	struct arena a;
	arena_init(&a);
	enum err rc = ERR_OK;
	for (size_t i = 0; i < NELEM(settings) && rc == ERR_OK; i++) {
		char *v = NULL;
		vals[i] = settings[i].dflt;
		rc = store_meta_get(st, settings[i].meta, &v, &a, e);
		if (rc == ERR_NOTFOUND)
			rc = ERR_OK;
		else if (rc == ERR_OK && v)
			vals[i] = atoi(v);
	}
	arena_free(&a);
	s->visit_days = vals[0];
	s->cadre_limit = vals[1];
	return rc;
}

enum err
assist_settings_set(struct txn *t, const char *key, const char *v, struct errinfo *e)
{
	for (size_t i = 0; i < NELEM(settings); i++) {
		if (strcmp(settings[i].key, key) != 0)
			continue;
		int64_t x;
		if (!v || !parse_i64(v, strlen(v), &x) || x < settings[i].lo || x > settings[i].hi)
			return errinfo_set(e, ERR_INVALID, key, MSG_BAD_RANGE, v ? v : "", settings[i].lo, settings[i].hi);
		char text[24];
		snprintf(text, sizeof(text), "%lld", (long long)x);
		enum err rc = store_meta_set(t->st, settings[i].meta, text, e);
		if (rc == ERR_OK) {
			char detail[96];
			snprintf(detail, sizeof(detail), "{\"%s\":%lld}", key, (long long)x);
			rc = txn_audit(t, "assistance.settings", key, detail, e);
		}
		return rc;
	}
	return errinfo_set(e, ERR_INVALID, "key", MSG_AS_SETTING_UNKNOWN, key, "visit_days, cadre_limit");
}

/* ---- households, due visits ---- */

bool
visit_late(int visit_day, int prev_day, int visit_days)
{
	return prev_day && visit_day > date_add_days(prev_day, visit_days);
}

enum err
assist_households(struct store *st, int day, int64_t division, int64_t cadre, enum hh_which which,
    struct assist_hh_view **out, size_t *n, struct arena *a, struct errinfo *e)
{
	struct assist_settings s;
	enum err rc = assist_settings_get(st, &s, e);
	if (rc != ERR_OK)
		return rc;
	int64_t lo = 0, hi = 999999999999LL;
	if (division)
		division_range(division, &lo, &hi);
	struct assist_hh *v;
	size_t m;
	if ((rc = store_assist_households(st, day, lo, hi, cadre, &v, &m, a, e)) != ERR_OK)
		return rc;
	*out = arena_alloc(a, (m ? m : 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < m; i++) {
		struct assist_hh_view x = { .h = v[i] };
		if (v[i].cadre_id) {
			int from = v[i].last_visit > v[i].pairing_start ? v[i].last_visit : v[i].pairing_start;
			x.due = date_add_days(from, s.visit_days);
			x.overdue = x.due < day;
		}
		if (which == HH_UNASSIGNED && v[i].cadre_id)
			continue;
		if (which == HH_OVERDUE && !x.overdue)
			continue;
		(*out)[(*n)++] = x;
	}
	return ERR_OK;
}

enum err
assist_cadre_of_user(struct store *st, const char *user, int64_t *cadre, struct errinfo *e)
{
	struct arena a;
	arena_init(&a);
	int64_t *ids;
	size_t n;
	*cadre = 0;
	enum err rc = store_cadre_find(st, CADRE_BY_USER, user, &ids, &n, &a, e);
	if (rc == ERR_OK && n)
		*cadre = ids[0];
	arena_free(&a);
	return rc;
}

void
assist_audit_probe(struct store *st, const char *actor, const char *ip, const char *object, const char *id_no,
    int rows)
{
	char m[48];
	json_t *dj = json_pack("{s:s, s:s}", "column", "member", "value", idno_mask(id_no, m, sizeof(m)));
	if (rows > 0)
		json_object_set_new(dj, "rows", json_integer(rows));
	char *detail = json_dumps(dj, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(dj);
	struct errinfo ae;
	errinfo_clear(&ae);
	audit_view(st, actor, ip, "write.out_of_scope", object, detail, &ae);
	free(detail);
}
