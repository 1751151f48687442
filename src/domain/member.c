/* member.c: member fields and household member-set rules. */
#include "domain/member.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "domain/codes.h"
#include "lib/utf8.h"

static bool
required(const struct header *h, enum col c, struct str v, int row, struct problems *p)
{
	if (v.n > 0)
		return true;
	problem_add(p, false, row, header_label(h, c), v, MSG_REQUIRED);
	return false;
}

static bool
idno_cell_of(const struct header *h, enum col c, struct str v, int row, int today, bool lenient, struct idno *id,
    struct problems *p)
{
	const char *col = header_label(h, c);
	enum msg m = idno_validate(v, today, id);
	switch (m) {
	case MSG_OK:
		return true;
	case MSG_ID_LENGTH:
		problem_add(p, lenient, row, col, v, m, (int)utf8_len(v.p, v.n));
		break;
	case MSG_ID_CHECKSUM:
		problem_add(p, lenient, row, col, v, m, id->expected);
		break;
	case MSG_ID_DATE:
		problem_add(p, lenient, row, col, v, m, id->birth_text);
		break;
	case MSG_ID_PROVINCE:
		problem_add(p, lenient, row, col, v, m, id->province);
		break;
	default:
		problem_add(p, lenient, row, col, v, m);
		break;
	}
	/* A number too malformed to store is refused even when lenient. */
	if (m == MSG_ID_CHARS || (m == MSG_ID_LENGTH && v.n > 23)) {
		if (lenient)
			problem_add(p, false, row, col, v, m, (int)utf8_len(v.p, v.n));
		return false;
	}
	return lenient;
}

static bool
idno_cell(const struct header *h, struct str v, int row, int today, bool lenient, struct idno *id,
    struct problems *p)
{
	return idno_cell_of(h, C_ID_NO, v, row, today, lenient, id, p);
}

bool
member_new_idno_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today,
    struct idno *id, struct problems *p)
{
	struct str v = header_cell(h, C_NEW_ID_NO, cells, n);
	memset(id, 0, sizeof(*id));
	if (v.n == 0)
		return false;
	return idno_cell_of(h, C_NEW_ID_NO, v, row, today, false, id, p);
}

bool
member_new_head_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today,
    char **id_no, struct problems *p, struct arena *a)
{
	struct str v = header_cell(h, C_NEW_HEAD, cells, n);
	struct idno id;
	*id_no = NULL;
	if (v.n == 0)
		return false;
	if (!idno_cell_of(h, C_NEW_HEAD, v, row, today, false, &id, p))
		return false;
	*id_no = arena_strdup(a, id.norm);
	return true;
}

bool
member_idno_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today, bool lenient,
    char **id_no, struct problems *p, struct arena *a)
{
	struct str v = header_cell(h, C_ID_NO, cells, n);
	struct idno id;
	*id_no = NULL;
	if (!required(h, C_ID_NO, v, row, p))
		return false;
	if (!idno_cell(h, v, row, today, lenient, &id, p))
		return false;
	*id_no = arena_strdup(a, id.norm);
	return true;
}

bool
member_from_row(const struct header *h, const struct str *cells, size_t n, int row, int today, bool lenient,
    struct member *m, struct problems *p, struct arena *a)
{
	size_t before = p->n_errors;
	struct str v;
	memset(m, 0, sizeof(*m));
	m->work_months = m->ins_medical = m->ins_serious = m->ins_pension = m->dibao = m->tekun = -1;

#define COL(c) header_label(h, c)
#define CELL(c) header_cell(h, c, cells, n)
	v = CELL(C_NAME);
	if (required(h, C_NAME, v, row, p))
		parse_text(v, 64, &m->name, a, p, row, COL(C_NAME));

	struct idno id = { 0 };
	bool id_ok = false;
	v = CELL(C_ID_NO);
	if (required(h, C_ID_NO, v, row, p) && idno_cell(h, v, row, today, lenient, &id, p)) {
		m->id_no = arena_strdup(a, id.norm);
		m->id_kind = id.kind;
		m->birth = id.birth;
		id_ok = id.birth != 0;
	}

	const char *code;
	v = CELL(C_RELATION);
	if (required(h, C_RELATION, v, row, p) && parse_code(CL_RELATION, v, &code, p, row, COL(C_RELATION)))
		m->relation = (char *)code;
	v = CELL(C_SEX);
	if (required(h, C_SEX, v, row, p) && parse_code(CL_SEX, v, &code, p, row, COL(C_SEX)))
		m->sex = (char *)code;

	static const struct {
		enum col c;
		enum codelist cl;
		size_t off;
	} codes[] = {
		{ C_ETHNICITY, CL_ETHNICITY, offsetof(struct member, ethnicity) },
		{ C_EDUCATION, CL_EDUCATION, offsetof(struct member, education) },
		{ C_SCHOOLING, CL_SCHOOLING, offsetof(struct member, schooling) },
		{ C_HEALTH, CL_HEALTH, offsetof(struct member, health) },
		{ C_LABOR, CL_LABOR, offsetof(struct member, labor) },
		{ C_WORK_STATUS, CL_WORK, offsetof(struct member, work_status) },
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (parse_code(codes[i].cl, CELL(codes[i].c), &code, p, row, COL(codes[i].c)))
			*(const char **)((char *)m + codes[i].off) = code;

	parse_int_range(CELL(C_WORK_MONTHS), 0, 12, &m->work_months, p, row, COL(C_WORK_MONTHS));
	parse_bool(CELL(C_INS_MEDICAL), &m->ins_medical, p, row, COL(C_INS_MEDICAL));
	parse_bool(CELL(C_INS_SERIOUS), &m->ins_serious, p, row, COL(C_INS_SERIOUS));
	parse_bool(CELL(C_INS_PENSION), &m->ins_pension, p, row, COL(C_INS_PENSION));
	parse_bool(CELL(C_DIBAO), &m->dibao, p, row, COL(C_DIBAO));
	parse_bool(CELL(C_TEKUN), &m->tekun, p, row, COL(C_TEKUN));
	parse_phone(CELL(C_MEMBER_PHONE), &m->phone, a, p, row, COL(C_MEMBER_PHONE));

	/* The 17th digit says the sex (odd male, even female). */
	if (id_ok && m->sex && strcmp(m->sex, "9") != 0) {
		int want = id.sex;
		if ((want == 1 && strcmp(m->sex, "1") != 0) || (want == 2 && strcmp(m->sex, "2") != 0)) {
			const char *digit = want == 1 ? (msg_lang() == LANG_EN ? "odd: male" : "奇数，男")
						      : (msg_lang() == LANG_EN ? "even: female" : "偶数，女");
			problem_add(p, lenient, row, COL(C_SEX), CELL(C_SEX), MSG_ID_SEX, code_label(CL_SEX, m->sex), digit);
		}
	}
	const char *need = relation_sex_unfit(m->relation, m->sex);
	if (need)
		problem_add(p, lenient, row, COL(C_RELATION), CELL(C_RELATION), MSG_REL_SEX,
		    code_label(CL_RELATION, m->relation), code_label(CL_SEX, need));
#undef COL
#undef CELL
	return p->n_errors == before;
}

size_t
relation_rank(const struct member *mv, size_t n, size_t i, size_t *same)
{
	size_t before = 0;
	*same = 0;
	for (size_t j = 0; j < n && mv[i].relation; j++)
		if (mv[j].relation && strcmp(mv[j].relation, mv[i].relation) == 0) {
			(*same)++;
			before += j < i;
		}
	return before;
}

bool
member_set_check(const struct member *mv, const int *rows, size_t n, bool lenient, const char *rel_col,
    const char *id_col, struct problems *p)
{
	size_t before = p->n_errors;
	size_t heads = 0;
	const struct member *head = NULL;
	int first_row = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i] && (!first_row || rows[i] < first_row))
			first_row = rows[i];
		if (mv[i].relation && strcmp(mv[i].relation, "01") == 0) {
			heads++;
			if (!head)
				head = &mv[i];
		}
	}
	if (heads == 0 && n > 0)
		problem_add(p, lenient, first_row, rel_col, (struct str){ 0 }, MSG_HEAD_NONE);
	if (heads > 1)
		for (size_t i = 0, k = 0; i < n; i++)
			if (mv[i].relation && strcmp(mv[i].relation, "01") == 0 && k++ > 0 && rows[i])
				problem_add(p, lenient, rows[i], rel_col, str_from(code_label(CL_RELATION, "01")),
				    MSG_HEAD_MULTI, (int)heads);
	/* one spouse of the head, one father, one mother, ...: a second is named on its row, as a second head is */
	for (size_t i = 0; i < n; i++) {
		const char *rel = mv[i].relation;
		size_t same;
		if (!rows[i] || !relation_once(rel) || relation_rank(mv, n, i, &same) == 0)
			continue;
		if (strcmp(rel, REL_SPOUSE) == 0)
			problem_add(p, lenient, rows[i], rel_col, str_from(code_label(CL_RELATION, rel)), MSG_SPOUSE_MULTI,
			    (int)same);
		else
			problem_add(p, lenient, rows[i], rel_col, str_from(code_label(CL_RELATION, rel)), MSG_REL_MULTI,
			    (int)same, code_label(CL_RELATION, rel));
	}
	if (head && head->sex)
		for (size_t i = 0; i < n; i++)
			if (mv[i].relation && strcmp(mv[i].relation, "02") == 0 && mv[i].sex &&
			    strcmp(mv[i].sex, "9") != 0 && strcmp(mv[i].sex, head->sex) == 0 && rows[i])
				problem_add(p, lenient, rows[i], rel_col, str_from(code_label(CL_RELATION, "02")),
				    MSG_SPOUSE_SEX);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (mv[i].id_no && mv[j].id_no && strcmp(mv[i].id_no, mv[j].id_no) == 0 && rows[i]) {
				problem_add(p, false, rows[i], id_col, str_from(mv[i].id_no), MSG_ID_DUP_HH, rows[j]);
				break;
			}
	return p->n_errors == before;
}

void
member_copy(struct member *d, const struct member *s, struct arena *a)
{
	*d = *s;
	d->id_no = arena_strdup(a, s->id_no);
	d->name = arena_strdup(a, s->name);
	d->sex = arena_strdup(a, s->sex);
	d->relation = arena_strdup(a, s->relation);
	d->ethnicity = arena_strdup(a, s->ethnicity);
	d->education = arena_strdup(a, s->education);
	d->schooling = arena_strdup(a, s->schooling);
	d->health = arena_strdup(a, s->health);
	d->labor = arena_strdup(a, s->labor);
	d->work_status = arena_strdup(a, s->work_status);
	d->phone = arena_strdup(a, s->phone);
}

/* ---- 户主变更 ---- */

static const char *
by_sex(const char *sex, const char *male, const char *female)
{
	if (!sex)
		return NULL;
	return strcmp(sex, SEX_MALE) == 0 ? male : strcmp(sex, SEX_FEMALE) == 0 ? female : NULL;
}

static bool
is(const char *rel, const char *code)
{
	return rel && strcmp(rel, code) == 0;
}

/* What the head there was becomes to the new head, who was nh_rel to it. NULL: no rule says. */
static const char *
former_to_new_head(const char *nh_rel, const char *head_sex)
{
	static const struct { const char *nh, *male, *female; } inverse[] = {
		{ "02", "02", "02" },   /* the spouse made the head: the head becomes the spouse */
		{ "03", "11", "12" }, { "04", "11", "12" },   /* a child: father or mother */
		{ "05", "15", "16" },   /* a son's wife: her husband's father or mother */
		{ "06", "13", "14" },   /* a daughter's husband: his wife's father or mother */
		{ "07", "17", "18" }, { "08", "17", "18" },   /* a son's child: grandfather or grandmother */
		{ "09", "19", "20" }, { "10", "19", "20" },   /* a daughter's child: the maternal ones */
		{ "11", "03", "04" }, { "12", "03", "04" },   /* a parent: son or daughter */
		{ "13", "06", "06" }, { "14", "06", "06" },   /* the wife's parent: the daughter's husband */
		{ "15", "05", "05" }, { "16", "05", "05" },   /* the husband's parent: the son's wife */
		{ "17", "07", "08" }, { "18", "07", "08" },   /* a grandparent: the son's child */
		{ "19", "09", "10" }, { "20", "09", "10" },   /* a maternal grandparent: the daughter's child */
		{ "31", "31", "31" },   /* a sibling */
		{ "32", "99", "99" },   /* a brother's wife: her husband's sibling, which has no code */
		{ "33", "99", "99" }, { "34", "99", "99" },   /* a great-grandchild: a great-grandparent */
		{ "35", "36", "37" },   /* an uncle: his nephew or niece */
		{ "36", "35", "99" }, { "37", "35", "99" },   /* a nephew or niece: the uncle (an aunt has no code) */
	};
	for (size_t i = 0; i < NELEM(inverse); i++)
		if (is(nh_rel, inverse[i].nh))
			return by_sex(head_sex, inverse[i].male, inverse[i].female);
	return NULL;
}

static int
n_of(const struct head_change_ctx *k, const char *rel)
{
	int i = rel && rel[0] >= '0' && rel[0] <= '9' && rel[1] >= '0' && rel[1] <= '9' && !rel[2]
		? (rel[0] - '0') * 10 + rel[1] - '0' : 0;
	return k->count[i];
}

static bool
any_of(const char *rel, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is(rel, set[i]))
			return true;
	return false;
}
#define ANY(rel, ...) any_of(rel, (const char *const[]){ __VA_ARGS__ }, NELEM(((const char *const[]){ __VA_ARGS__ })))

/* What another member becomes when the spouse is made the head. */
static const char *
other_to_spouse(const struct head_change_ctx *k, const char *x_rel, const char *x_sex)
{
	/* the couple's children, their spouses and children; the head's nephews and uncles, as she calls them too */
	if (ANY(x_rel, "03", "04", "05", "06", "07", "08", "09", "10", "33", "34", "35", "36", "37"))
		return x_rel;
	if (ANY(x_rel, "11", "12"))   /* the head's parents: the new head's parents-in-law */
		return by_sex(k->nh_sex, is(x_rel, "11") ? "13" : "14", is(x_rel, "11") ? "15" : "16");
	if (ANY(x_rel, "13", "14", "15", "16"))   /* the spouse's own parents */
		return by_sex(x_sex, "11", "12");
	if (ANY(x_rel, "17", "18", "19", "20", "31", "32"))   /* the head's grandparents and siblings: no code */
		return "99";
	return NULL;
}

/* What another member becomes when a son (a daughter) is made the head. The spouse and children of a son
 * (daughter) are the new head's only when he (she) is the only one, with one spouse in the household; the
 * other side's children are a sibling's only if that side is there (a household that took in a son-in-law
 * calls the daughter's children 之孙子 too). */
static const char *
other_to_child(const struct head_change_ctx *k, const char *x_rel, const char *x_sex)
{
	bool son = is(k->nh_rel, "03");
	const char *own_in_law = son ? "05" : "06", *other_in_law = son ? "06" : "05";
	bool only = n_of(k, k->nh_rel) == 1 && n_of(k, own_in_law) <= 1;
	bool other_side = son ? n_of(k, "04") + n_of(k, "06") > 0 : n_of(k, "03") + n_of(k, "05") > 0;
	if (is(x_rel, "02"))                                      /* the head's spouse: the other parent */
		return by_sex(x_sex, "11", "12");
	if (ANY(x_rel, "03", "04"))                               /* brothers and sisters */
		return "31";
	if (is(x_rel, own_in_law))                                /* his wife (her husband), or a sibling's */
		return only && n_of(k, own_in_law) == 1 ? "02" : NULL;
	if (is(x_rel, other_in_law))                              /* a sister's husband (no code), a brother's wife */
		return son ? "99" : "32";
	if (son ? ANY(x_rel, "07", "08") : ANY(x_rel, "09", "10"))   /* his (her) children, or a sibling's */
		return only ? by_sex(x_sex, "03", "04") : NULL;
	if (son ? ANY(x_rel, "09", "10") : ANY(x_rel, "07", "08"))   /* a sister's (no code), a brother's children */
		return !other_side ? NULL : son ? "99" : by_sex(x_sex, "36", "37");
	if (ANY(x_rel, "11", "12"))                               /* the head's parents: grandparents */
		return by_sex(k->head_sex, is(x_rel, "11") ? "17" : "18", is(x_rel, "11") ? "19" : "20");
	if (ANY(x_rel, "13", "14"))                               /* the head's wife's parents: the mother's */
		return is(x_rel, "13") ? "19" : "20";
	if (ANY(x_rel, "15", "16"))                               /* the head's husband's parents: the father's */
		return is(x_rel, "15") ? "17" : "18";
	if (is(x_rel, "31"))                                      /* the head's siblings: the father's brother is 叔伯 */
		return is(k->head_sex, SEX_MALE) && is(x_sex, SEX_MALE) ? "35" : k->head_sex && x_sex ? "99" : NULL;
	if (ANY(x_rel, "17", "18", "19", "20", "32", "35", "36", "37"))   /* great-grandparents, aunts, cousins */
		return "99";
	return NULL;
}

/* What another member becomes when a son's wife (a daughter's husband) is made the head: a widow, a son-in-law
 * who married in. Which son (daughter) is the spouse, no rule says; the children of that line are the new
 * head's when it is the only one. */
static const char *
other_to_in_law(const struct head_change_ctx *k, const char *x_rel, const char *x_sex)
{
	bool dil = is(k->nh_rel, "05");
	if (is(x_rel, "02"))                                      /* the head's spouse: a parent-in-law */
		return by_sex(x_sex, dil ? "15" : "13", dil ? "16" : "14");
	if (dil ? ANY(x_rel, "07", "08") : ANY(x_rel, "09", "10"))
		return n_of(k, k->nh_rel) == 1 && n_of(k, dil ? "03" : "04") <= 1 ? by_sex(x_sex, "03", "04") : NULL;
	return NULL;
}

/* What another member becomes when a grandchild is made the head. */
static const char *
other_to_grandchild(const struct head_change_ctx *k, const char *x_rel, const char *x_sex)
{
	bool sons = ANY(k->nh_rel, "07", "08");   /* a son's child, or a daughter's */
	if (is(x_rel, "02"))                                      /* the head's spouse: a grandparent */
		return by_sex(x_sex, sons ? "17" : "19", sons ? "18" : "20");
	/* one son (daughter) line: its children are the new head's brothers and sisters, the son (daughter) and
	 * the spouse the new head's parents */
	bool one_line = sons ? n_of(k, "03") <= 1 && n_of(k, "09") + n_of(k, "10") == 0
			     : n_of(k, "04") <= 1 && n_of(k, "07") + n_of(k, "08") == 0;
	if (!one_line)
		return NULL;
	if (sons ? ANY(x_rel, "07", "08") : ANY(x_rel, "09", "10"))
		return "31";
	if (is(x_rel, sons ? "03" : "04") || is(x_rel, sons ? "05" : "06"))
		return by_sex(x_sex, "11", "12");
	return NULL;
}

void
head_change_count(struct head_change_ctx *k, const struct member *members, size_t n)
{
	memset(k->count, 0, sizeof(k->count));
	for (size_t i = 0; i < n; i++) {
		const char *r = members[i].relation;
		if (r && r[0] >= '0' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9' && !r[2])
			k->count[(r[0] - '0') * 10 + r[1] - '0']++;
	}
}

const char *
relation_to_new_head(const struct head_change_ctx *k, const char *x_rel, const char *x_sex)
{
	const char *r;
	if (!x_rel)
		r = former_to_new_head(k->nh_rel, k->head_sex);
	else if (is(k->nh_rel, REL_SPOUSE))
		r = other_to_spouse(k, x_rel, x_sex);
	else if (ANY(k->nh_rel, "03", "04"))
		r = other_to_child(k, x_rel, x_sex);
	else if (ANY(k->nh_rel, "05", "06"))
		r = other_to_in_law(k, x_rel, x_sex);
	else if (ANY(k->nh_rel, "07", "08", "09", "10"))
		r = other_to_grandchild(k, x_rel, x_sex);
	else
		r = NULL;
	const struct code *c = r ? code_by_code(CL_RELATION, r) : NULL;
	if (r && (!c || !code_in_version(c, k->version)))
		return "99";
	return r;
}

static const char *
name_of(const struct member *m)
{
	return m && m->name ? m->name : "";
}

static bool
same_sex(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0 && strcmp(a, "9") != 0;
}

static enum err
relation_sex_ok(const struct member *x, const char *rel, const char *field, bool named, struct errinfo *e)
{
	const char *need = relation_sex_unfit(rel, x->sex);
	if (!need)
		return ERR_OK;
	const char *rl = code_label(CL_RELATION, rel), *sl = code_label(CL_SEX, need);
	return named ? errinfo_set(e, ERR_INVALID, field, MSG_OTHERS_REL_SEX, name_of(x), rl, sl)
		     : errinfo_set(e, ERR_INVALID, field, MSG_REL_SEX, rl, sl);
}

static const struct member *
member_with_id(const struct member *members, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (members[i].id == id)
			return &members[i];
	return NULL;
}

/* A member's relation after a change of head, and who gave it (*given 1: the former head's relation, 2: one of
 * the others', 0: kept as it is). */
static const char *
relation_after(const struct member *x, const struct member *former, const char *former_rel,
    const struct relation_change *others, size_t n_others, int *given)
{
	const char *rel = x->relation;
	*given = 0;
	if (former && x->id == former->id) {
		rel = former_rel;
		*given = 1;
	}
	for (size_t k = 0; k < n_others; k++)
		if (others[k].member_id == x->id) {
			rel = others[k].relation;
			*given = 2;
		}
	return rel;
}

enum err
head_change_check(const struct member *members, size_t n, const struct member *head, const char *head_was,
    const struct member *former, const char *former_rel, const struct relation_change *others, size_t n_others,
    bool lenient, struct errinfo *e)
{
	enum err rc;
	if (is(former_rel, REL_HEAD))
		return errinfo_set(e, ERR_INVALID, "former_head_relation", MSG_FORMER_HEAD_HEAD);
	/* the members named: each once, members today, none the new or the former head, none made the head */
	for (size_t k = 0; k < n_others; k++) {
		const struct member *x = member_with_id(members, n, others[k].member_id);
		if (!x)
			return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_OTHERS_ABSENT,
			    (long long)others[k].member_id);
		if (x->id == head->id || (former && x->id == former->id))
			return errinfo_set(e, ERR_INVALID, "other_relations", MSG_OTHERS_NOT_OTHER, name_of(x));
		if (is(others[k].relation, REL_HEAD))
			return errinfo_set(e, ERR_INVALID, "other_relations", MSG_OTHERS_HEAD, name_of(x));
		for (size_t j = 0; j < k; j++)
			if (others[j].member_id == others[k].member_id)
				return errinfo_set(e, ERR_INVALID, "other_relations", MSG_OTHERS_TWICE, name_of(x));
	}
	if (lenient)
		return ERR_OK;
	if (former && (rc = relation_sex_ok(former, former_rel, "former_head_relation", false, e)) != ERR_OK)
		return rc;
	for (size_t k = 0; k < n_others; k++)
		if ((rc = relation_sex_ok(member_with_id(members, n, others[k].member_id), others[k].relation,
		    "other_relations", true, e)) != ERR_OK)
			return rc;
	/* the end state: at most one spouse, of the other sex than the new head's */
	const struct member *spouse = NULL, *kept = NULL;
	int spouse_given = 0;   /* 1: the former head's relation, 2: one of others, 0: kept */
	for (size_t i = 0; i < n; i++) {
		const struct member *x = &members[i];
		if (x->id == head->id)
			continue;
		int given;
		const char *rel = relation_after(x, former, former_rel, others, n_others, &given);
		if (is(rel, REL_HEAD))   /* a second head (an older lenient import's) staying so */
			return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_OTHERS_STILL_HEAD, name_of(x));
		if (!is(rel, REL_SPOUSE))
			continue;
		/* the head's spouse left so beside a new head who was not that spouse: the head's wife is not her son's
		 * (said after a second spouse given, which is the plainer fault) */
		if (!given && !is(head_was, REL_SPOUSE))
			kept = x;
		/* two spouses already (an older lenient import's) are not this change's to refuse */
		if (spouse && given == 1)
			return errinfo_set(e, ERR_CONFLICT, "former_head_relation", MSG_SPOUSE_EXISTS, name_of(spouse));
		if (spouse && spouse_given == 1)
			return errinfo_set(e, ERR_CONFLICT, "former_head_relation", MSG_SPOUSE_EXISTS, name_of(x));
		if (spouse && (given || spouse_given))
			return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_OTHERS_SPOUSES, name_of(spouse), name_of(x));
		spouse = x;
		spouse_given = given;
	}
	if (kept)
		return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_SPOUSE_KEPT, name_of(kept));
	if (spouse && same_sex(spouse->sex, head->sex)) {
		if (spouse_given == 1)
			return errinfo_set(e, ERR_CONFLICT, "former_head_relation", MSG_SPOUSE_SEX);
		if (spouse_given == 2)
			return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_OTHERS_SPOUSE_SEX_NAMED, name_of(spouse));
		return errinfo_set(e, ERR_CONFLICT, "other_relations", MSG_OTHERS_SPOUSE_SEX, name_of(spouse));
	}
	/* one father, one mother, ... after the change: two, one of them given, are refused (two an older lenient
	 * import left are not this change's) */
	for (size_t i = 0; i < n; i++) {
		int gi, gj;
		const char *ri = relation_after(&members[i], former, former_rel, others, n_others, &gi);
		if (members[i].id == head->id || is(ri, REL_SPOUSE) || !relation_once(ri))
			continue;
		for (size_t j = 0; j < i; j++) {
			const char *rj = relation_after(&members[j], former, former_rel, others, n_others, &gj);
			if (members[j].id == head->id || !is(rj, ri) || (!gi && !gj))
				continue;
			const char *rl = code_label(CL_RELATION, ri);
			return errinfo_set(e, ERR_CONFLICT, gi == 1 || gj == 1 ? "former_head_relation" : "other_relations",
			    MSG_OTHERS_REL_TWICE, name_of(&members[j]), name_of(&members[i]), rl);
		}
	}
	return ERR_OK;
}
