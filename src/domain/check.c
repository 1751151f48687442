/* check.c: the rule engine of `tuopin check`. One pass over the members present on the day checked
 * (streamed household by household: memory does not grow with the registry) runs the C predicates; the
 * set-based rules and the comparisons with other departments' lists are statements of the store; the history
 * rules read the maintained aggregates and the spans. Each finding is formatted in Chinese and English (it
 * may be kept and read later in either). A run as of today hands its findings to finding_keep. */
#include "domain/check.h"

#include <jansson.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/codes.h"
#include "domain/export.h"
#include "domain/external.h"
#include "domain/finding.h"
#include "domain/idno.h"
#include "domain/income.h"
#include "domain/member.h"
#include "domain/report.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

#define EN (msg_lang() == LANG_EN)

/* What a finding is about. */
/* A birth as findings quote it: its month (1960-03). Findings are read by roles that see no birth day (the ID
 * number masked, docs/SECURITY.md §3), and a day in a message would give back eight of its hidden digits. */
static const char *
birth_month(int birth, char out[11])
{
	date_format(birth, out);
	out[7] = '\0';
	return out;
}

struct subj {
	int64_t household_id, village, member_id, list_id;
	const char *hh_no;
	const struct member *m;          /* the member, or NULL */
	const char *name, *id_no;        /* or the person of a list row nobody in the registry is */
	const char *key;                 /* subject key; NULL: from the member or the household */
	const char *source;              /* NULL: "registry" */
	const char *evidence;            /* JSON or NULL */
	const char *fact;                /* NULL: the Chinese message */
};

struct ctx {
	struct store *st;
	const struct check_query *q;
	struct check_result *r;
	struct arena *a;              /* the result's (what is shown) */
	struct arena scratch;         /* one finding's, freed after it */
	struct finding_keeper *keeper;
	enum err rc;                  /* the first failure of keeping, which stops the run */
	struct errinfo *e;
	bool sel[R__MAX];
	int day;
	int64_t lo, hi;
	/* the persons present on the day by (village, status), counted by the members' walk when it runs (every
	 * status, not only the registered ones the rules read), for AGGREGATE instead of a second scan */
	struct stat_cell *walked;
	size_t n_walked;
	bool have_walked;
};

static void
emit(struct ctx *c, enum rule rule, const struct subj *s, const char *zh, const char *en)
{
	struct check_result *r = c->r;
	if (c->rc != ERR_OK)
		return;
	bool shown = r->n < CHECK_SHOWN;
	struct arena *a = shown ? c->a : &c->scratch;
	struct finding f;
	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.hh_no = s->hh_no ? arena_strdup(a, s->hh_no) : NULL;
	const char *name = s->m ? s->m->name : s->name, *id_no = s->m ? s->m->id_no : s->id_no;
	if (name || id_no) {
		char mask[32];
		idno_mask(id_no ? id_no : "", mask, sizeof(mask));
		f.member = arena_printf(a, "%s %s", name ? name : "", mask);
	}
	f.message_zh = arena_strdup(a, zh);
	f.message_en = arena_strdup(a, en);
	f.message = EN ? f.message_en : f.message_zh;
	f.household_id = s->household_id;
	f.member_id = s->m ? s->m->id : s->member_id;
	f.village = s->village ? s->village : r->division;
	f.list_id = s->list_id;
	if (s->key)
		f.subject = arena_strdup(a, s->key);
	else if (f.member_id)
		f.subject = arena_printf(a, "m:%lld", (long long)f.member_id);
	else
		f.subject = arena_printf(a, "h:%lld", (long long)f.household_id);
	f.source = arena_strdup(a, s->source ? s->source : "registry");
	f.evidence = s->evidence ? arena_strdup(a, s->evidence) : NULL;
	f.fact = arena_strdup(a, s->fact ? s->fact : zh);
	f.state = FS_OPEN;
	if (c->keeper && (c->rc = finding_keeper_add(c->keeper, &f, c->e)) != ERR_OK)
		return;
	if (!f.duplicate) {
		r->total++;
		r->by_rule[rule]++;
		r->open += f.state == FS_OPEN;
		if (shown) {
			if (r->n == r->cap) {
				size_t cap = r->cap ? 2 * r->cap : 64;
				struct finding *w = arena_alloc(c->a, cap * sizeof(*w));
				if (r->n)
					memcpy(w, r->v, r->n * sizeof(*w));
				r->v = w;
				r->cap = cap;
			}
			r->v[r->n++] = f;
		} else
			r->truncated = true;
	}
	arena_free(&c->scratch);
}

/* Format a finding's message in both languages: the arguments are evaluated once per language, so labels
 * from the code lists come out in each. */
#define EMIT(c, rule, s, zh, en, ...) \
	do { \
		enum lang l_ = msg_lang(); \
		char z_[640], e_[640]; \
		msg_set_lang(LANG_ZH); \
		snprintf(z_, sizeof(z_), zh, __VA_ARGS__); \
		msg_set_lang(LANG_EN); \
		snprintf(e_, sizeof(e_), en, __VA_ARGS__); \
		msg_set_lang(l_); \
		emit((c), (rule), (s), z_, e_); \
	} while (0)
#define EMIT0(c, rule, s, zh, en) emit((c), (rule), (s), (zh), (en))
#define WANT(rl) (c->sel[(rl)])

/* A phone that is not a mobile number: personal data, masked wherever a number is (its length tells what is
 * wrong with it); the finding's fact (stored, not shown) keeps the number whole, as the message did before, so
 * a waiver holds until the number changes. */
static void
not_mobile(struct ctx *c, enum rule rule, const struct subj *s, const char *phone, const char *zh, const char *en)
{
	struct subj s2 = *s;
	char fact[160], masked[32];
	snprintf(fact, sizeof(fact), "%s %s 不是手机号码", zh, phone);
	s2.fact = fact;
	phone_mask(phone, masked, sizeof(masked));
	EMIT(c, rule, &s2, "%s %s（%zu 位）不是手机号码", "%s %s (%zu characters) is not a mobile number",
	    msg_lang() == LANG_EN ? en : zh, masked, strlen(phone));
}

static const char *
M_TEXT(enum msg m)
{
	return msg_text(m);
}

/* ---- members and households (C predicates over the stream) ---- */

/* A person of the village being walked, for NAME_BIRTH_DUPLICATE (the walk goes village by village, so the
 * people of one village are all it keeps). */
struct person {
	const char *name, *sex, *id_no, *hh_no;
	int birth;
	int64_t member_id, household_id;
};

struct walk {
	struct ctx *c;
	struct arena hh_arena;
	struct household h;
	enum status status;
	struct member *mv;
	size_t n, cap;
	bool have;
	int64_t village;
	struct arena v_arena;
	struct person *pv;
	size_t np, cap_p;
	bool count;                 /* count every row into c->walked (AGGREGATE selected) */
	unsigned mask;              /* the statuses the rules read */
	size_t cap_walked;
};

static bool
in(const char *v, const char *const *set)
{
	for (; v && *set; set++)
		if (strcmp(v, *set) == 0)
			return true;
	return false;
}

static bool
working(const struct member *m)
{
	return m->work_status || m->work_months > 0;
}

static bool
mobile(const char *p)
{
	if (strlen(p) != 11 || p[0] != '1' || p[1] < '3' || p[1] > '9')
		return false;
	for (int i = 0; i < 11; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

/* A name as an ID card writes it: no ASCII digits, spaces or punctuation, no ideographic space. */
static bool
name_ok(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80 && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
			return false;
		if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
			return false;
	}
	return true;
}

static bool
exited(enum status s)
{
	return s == ST_EXITED_SUPPORTED || s == ST_EXITED_UNSUPPORTED;
}

static void
member_rules(struct walk *w, const struct member *m)
{
	struct ctx *c = w->c;
	struct subj s = { .household_id = w->h.id, .village = w->h.village, .hh_no = w->h.hh_no, .m = m };
	if (!m->id_no || !*m->id_no) {
		if (WANT(R_ID_EMPTY))
			EMIT0(c, R_ID_EMPTY, &s, msg_text_in(MSG_REQUIRED, LANG_ZH), msg_text_in(MSG_REQUIRED, LANG_EN));
	} else {
		struct idno id;
		enum msg rc = idno_validate(str_from(m->id_no), 99991231, &id);
		bool card = strlen(m->id_no) >= 20;
		switch (rc) {
		case MSG_ID_LENGTH:
			if (WANT(R_ID_LENGTH))
				EMIT(c, R_ID_LENGTH, &s, M_TEXT(rc), M_TEXT(rc), (int)strlen(m->id_no));
			break;
		case MSG_ID_CHARS:
			if (WANT(R_ID_CHARS))
				EMIT(c, R_ID_CHARS, &s, "%s", "%s", M_TEXT(rc));
			break;
		case MSG_ID_CHECKSUM:
			if (WANT(card ? R_CARD_CHECKSUM : R_ID_CHECKSUM))
				/* not the right character: a finding is read by roles that see the number masked */
				EMIT0(c, card ? R_CARD_CHECKSUM : R_ID_CHECKSUM, &s, "证件号码校验位与前 17 位不符",
				    "the ID number's check character does not match its first 17");
			break;
		case MSG_ID_DATE:
			if (WANT(R_ID_DATE))
				EMIT0(c, R_ID_DATE, &s, "证件号码中的出生日期不存在", "the birth date in the ID number does not exist");
			break;
		case MSG_ID_PROVINCE:
			if (WANT(R_ID_PROVINCE))
				EMIT(c, R_ID_PROVINCE, &s, M_TEXT(rc), M_TEXT(rc), id.province);
			break;
		case MSG_ID_PLACEHOLDER:
			if (WANT(R_ID_PLACEHOLDER))
				EMIT(c, R_ID_PLACEHOLDER, &s, "%s", "%s", M_TEXT(rc));
			break;
		default:
			break;
		}
		if ((rc == MSG_OK || rc == MSG_ID_CHECKSUM) && id.sex && m->sex && WANT(R_ID_SEX) &&
		    ((id.sex == 1 && strcmp(m->sex, "1") != 0 && strcmp(m->sex, "9") != 0) ||
			(id.sex == 2 && strcmp(m->sex, "2") != 0 && strcmp(m->sex, "9") != 0)))
			EMIT(c, R_ID_SEX, &s, M_TEXT(MSG_ID_SEX), M_TEXT(MSG_ID_SEX), code_label(CL_SEX, m->sex),
			    id.sex == 1 ? (EN ? "odd: male" : "奇数，男") : (EN ? "even: female" : "偶数，女"));
		if (card && rc == MSG_OK && WANT(R_SEVERE_DISABILITY_LABOR) && m->labor &&
		    strcmp(m->labor, LABOR_NORMAL) == 0 && (strncmp(m->id_no + 18, "41", 2) == 0 ||
		    strncmp(m->id_no + 18, "42", 2) == 0))
			EMIT(c, R_SEVERE_DISABILITY_LABOR, &s, "残疾人证第 19–20 位为 %s（肢体%s级），劳动技能却为“%s”",
			    "disability card digits 19-20 are %s (physical, grade %s) but labour is \"%s\"", m->id_no + 18,
			    m->id_no[19] == '1' ? (EN ? "1" : "一") : (EN ? "2" : "二"), code_label(CL_LABOR, m->labor));
		if (card && m->health && strcmp(m->health, HEALTH_DISABLED) != 0 && WANT(R_CARD_NOT_DISABLED))
			EMIT(c, R_CARD_NOT_DISABLED, &s, "证件为残疾人证，健康状况却为“%s”",
			    "the number is a disability card but health is \"%s\"", code_label(CL_HEALTH, m->health));
	}
	if (m->name && !name_ok(m->name) && WANT(R_NAME_FORMAT))
		EMIT(c, R_NAME_FORMAT, &s, "姓名“%s”含数字、空格或符号", "the name \"%s\" holds digits, spaces or symbols", m->name);
	const char *need = relation_sex_unfit(m->relation, m->sex);
	if (need && WANT(R_RELATION_SEX))
		EMIT(c, R_RELATION_SEX, &s, M_TEXT(MSG_REL_SEX), M_TEXT(MSG_REL_SEX), code_label(CL_RELATION, m->relation),
		    code_label(CL_SEX, need));
	/* Attribute rules use the age on the date the member's data was stated. */
	int at = m->info_date ? m->info_date : c->day;
	char d[11];
	date_format(at, d);
	int age = m->birth ? date_age(m->birth, at) : -1;
	if (age >= 0 && m->labor) {
		if (age < 16 && strcmp(m->labor, LABOR_NONE) != 0 && WANT(R_CHILD_LABOR))
			EMIT(c, R_CHILD_LABOR, &s, "%2$s 时 %1$d 岁，劳动技能却为“%3$s”", "aged %d on %s but recorded as \"%s\"", age,
			    d, code_label(CL_LABOR, m->labor));
		if (age >= 60 && (strcmp(m->labor, LABOR_NORMAL) == 0 || strcmp(m->labor, LABOR_SKILLED) == 0) &&
		    WANT(R_OLD_LABOR))
			EMIT(c, R_OLD_LABOR, &s, "%2$s 时 %1$d 岁，劳动技能却为“%3$s”", "aged %d on %s but recorded as \"%s\"", age,
			    d, code_label(CL_LABOR, m->labor));
	}
	if (m->birth && WANT(R_AGE_IMPLAUSIBLE)) {
		/* the birth month and the age from it: a finding is read by roles that see no birth day */
		int now_age = date_age_by_month(m->birth, c->day);
		char b[11], dd[11];
		if (now_age > 105) {
			struct subj s2 = s;
			char fact[32];
			snprintf(fact, sizeof(fact), "birth:%d", m->birth);
			s2.fact = fact;
			EMIT(c, R_AGE_IMPLAUSIBLE, &s2, "出生于 %1$s，%2$s 时 %3$d 周岁", "born %1$s: %3$d years old on %2$s",
			    birth_month(m->birth, b), date_format(c->day, dd), now_age);
		}
	}
	if (!m->ethnicity && WANT(R_ETHNICITY_EMPTY))
		EMIT0(c, R_ETHNICITY_EMPTY, &s, "民族为空", "ethnicity empty");
	if (!m->health && WANT(R_HEALTH_EMPTY))
		EMIT0(c, R_HEALTH_EMPTY, &s, "健康状况为空", "health empty");
	if (!m->labor && WANT(R_LABOR_EMPTY))
		EMIT0(c, R_LABOR_EMPTY, &s, "劳动技能为空", "labour capacity empty");
	if (!m->education && !m->schooling && WANT(R_EDU_SCHOOL_EMPTY))
		EMIT0(c, R_EDU_SCHOOL_EMPTY, &s, "文化程度和在校生状况都为空", "both education and schooling empty");
	if (m->education && m->schooling && strcmp(m->schooling, "01") != 0 && WANT(R_EDU_SCHOOL_BOTH))
		EMIT(c, R_EDU_SCHOOL_BOTH, &s, "在校生状况为“%s”，又填了文化程度“%s”",
		    "schooling \"%s\" and also education \"%s\"", code_label(CL_SCHOOLING, m->schooling),
		    code_label(CL_EDUCATION, m->education));
	if (age >= 0 && age < 6 && m->education && strcmp(m->education, "06") != 0 && WANT(R_PRESCHOOL_EDU))
		EMIT(c, R_PRESCHOOL_EDU, &s, "%2$s 时 %1$d 岁，文化程度却为“%3$s”", "aged %d on %s but education is \"%s\"", age,
		    d, code_label(CL_EDUCATION, m->education));
	if (age >= 7 && m->education && strcmp(m->education, "06") == 0 && WANT(R_PRESCHOOL_AGE))
		EMIT(c, R_PRESCHOOL_AGE, &s, "%2$s 时 %1$d 岁，文化程度仍为学龄前儿童", "aged %d on %s, still 学龄前儿童", age, d);
	if (age >= 6 && age <= 14 && !m->schooling && WANT(R_SCHOOL_AGE_EMPTY))
		EMIT(c, R_SCHOOL_AGE_EMPTY, &s, "%2$s 时 %1$d 岁，在校生状况为空", "aged %d on %s with no schooling recorded", age,
		    d);
	if (m->ins_medical < 0 && WANT(R_MEDICAL_INS_EMPTY))
		EMIT0(c, R_MEDICAL_INS_EMPTY, &s, "是否参加城乡居民基本医疗保险为空", "basic medical insurance not recorded");
	if (m->ins_serious < 0 && WANT(R_SERIOUS_INS_EMPTY))
		EMIT0(c, R_SERIOUS_INS_EMPTY, &s, "是否参加大病保险为空", "serious-illness insurance not recorded");
	if (m->ins_pension < 0 && WANT(R_PENSION_INS_EMPTY))
		EMIT0(c, R_PENSION_INS_EMPTY, &s, "是否参加城乡居民基本养老保险为空", "basic pension insurance not recorded");
	static const char *const no_labor[] = { LABOR_LOST, LABOR_NONE, NULL };
	static const char *const pupils[] = { "02", "03", "04", "05", "06", "07", "08", "09", NULL };
	const char *work = m->work_status ? code_label(CL_WORK, m->work_status) : "";
	char months[16];
	snprintf(months, sizeof(months), "%d", m->work_months > 0 ? m->work_months : 0);
	if (working(m) && in(m->labor, no_labor) && WANT(R_NO_LABOR_WORKING))
		EMIT(c, R_NO_LABOR_WORKING, &s, "劳动技能为“%s”，务工状况“%s”、务工 %s 个月",
		    "labour \"%s\" but work \"%s\" for %s months", code_label(CL_LABOR, m->labor), work, months);
	if (working(m) && in(m->schooling, pupils) && WANT(R_STUDENT_WORKING))
		EMIT(c, R_STUDENT_WORKING, &s, "在校生状况为“%s”，务工状况“%s”、务工 %s 个月",
		    "schooling \"%s\" but work \"%s\" for %s months", code_label(CL_SCHOOLING, m->schooling), work, months);
	if (m->work_months > 0 && !m->work_status && WANT(R_WORK_MONTHS_NO_STATUS))
		EMIT(c, R_WORK_MONTHS_NO_STATUS, &s, "务工 %s 个月，务工状况为空", "%s months of work, no work status", months);
	if (m->work_status && m->work_months <= 0 && WANT(R_WORK_STATUS_NO_MONTHS))
		EMIT(c, R_WORK_STATUS_NO_MONTHS, &s, "务工状况为“%s”，务工时间为 0 或为空", "work \"%s\" with no months", work);
	if (working(m) && m->phone && !mobile(m->phone) && WANT(R_WORKER_PHONE_MOBILE))
		not_mobile(c, R_WORKER_PHONE_MOBILE, &s, m->phone, "务工人员联系电话", "the worker's phone");
	static const char *const outside[] = { "03", "04", NULL };
	if (m->tekun == 1 && in(m->work_status, outside) && WANT(R_TEKUN_WORKING_OUTSIDE))
		EMIT(c, R_TEKUN_WORKING_OUTSIDE, &s, "特困供养人员务工状况为“%s”", "under destitute support but work \"%s\"",
		    work);
	if (m->dibao == 1 && m->tekun == 1 && WANT(R_DIBAO_TEKUN_BOTH))
		EMIT0(c, R_DIBAO_TEKUN_BOTH, &s, "是否享受低保、是否特困供养都为是", "both 是否享受低保 and 是否特困供养 are yes");
	if (exited(w->status)) {
		if (age >= 6 && age <= 14 && m->schooling && strcmp(m->schooling, "01") == 0 &&
		    (!m->health || strcmp(m->health, "01") == 0) && WANT(R_EXITED_DROPOUT))
			EMIT(c, R_EXITED_DROPOUT, &s, "已脱贫户成员 %2$s 时 %1$d 岁，健康，为非在校生",
			    "in an exited household, aged %d on %s, healthy and not in school", age, d);
		if (m->ins_medical == 0 && WANT(R_EXITED_UNINSURED))
			EMIT0(c, R_EXITED_UNINSURED, &s, "已脱贫户成员未参加城乡居民基本医疗保险",
			    "in an exited household without basic medical insurance");
	}
}

/* Is code one of the household's other causes? */
static bool
cause_listed(const char *list, const char *code)
{
	if (!list || !code)
		return false;
	size_t n = strlen(code);
	for (const char *p = list; *p;) {
		const char *comma = strchr(p, ',');
		size_t k = comma ? (size_t)(comma - p) : strlen(p);
		if (k == n && strncmp(p, code, n) == 0)
			return true;
		p += k + (comma != NULL);
	}
	return false;
}

static bool
any_member(const struct walk *w, bool (*f)(const struct member *))
{
	for (size_t i = 0; i < w->n; i++)
		if (f(&w->mv[i]))
			return true;
	return false;
}

static bool m_dibao(const struct member *m) { return m->dibao == 1; }
static bool m_tekun(const struct member *m) { return m->tekun == 1; }
static bool m_disabled(const struct member *m) { return m->health && strcmp(m->health, HEALTH_DISABLED) == 0; }
static bool m_ill(const struct member *m) { return m->health && (!strcmp(m->health, "02") || !strcmp(m->health, "03")); }
static bool m_student(const struct member *m) { return m->schooling && strcmp(m->schooling, "01") != 0; }
static bool
m_cannot_work(const struct member *m)
{
	return !m->labor || (strcmp(m->labor, LABOR_NORMAL) != 0 && strcmp(m->labor, LABOR_SKILLED) != 0);
}

/* Relations whose holder is younger (1) or older (-1) than the head; 0 for the others. */
static int
relation_generation(const char *rel)
{
	static const char *const younger[] = { "03", "04", "07", "08", "09", "10", "33", "34", NULL };
	static const char *const older[] = { "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", NULL };
	return in(rel, younger) ? 1 : in(rel, older) ? -1 : 0;
}

static void
household_rules(struct walk *w)
{
	struct ctx *c = w->c;
	if (!w->have)
		return;
	const struct household *h = &w->h;
	struct subj s = { .household_id = h->id, .village = h->village, .hh_no = h->hh_no };
	size_t heads = 0, spouses = 0;
	const struct member *head = NULL;
	for (size_t i = 0; i < w->n; i++) {
		if (w->mv[i].relation && strcmp(w->mv[i].relation, REL_HEAD) == 0) {
			heads++;
			if (!head)
				head = &w->mv[i];
		}
		if (w->mv[i].relation && strcmp(w->mv[i].relation, REL_SPOUSE) == 0)
			spouses++;
	}
	if (heads == 0 && w->n > 0 && WANT(R_HEAD_NONE))
		EMIT(c, R_HEAD_NONE, &s, "%s", "%s", M_TEXT(MSG_HEAD_NONE));
	if (heads > 1 && WANT(R_HEAD_SEVERAL))
		EMIT(c, R_HEAD_SEVERAL, &s, M_TEXT(MSG_HEAD_MULTI), M_TEXT(MSG_HEAD_MULTI), (int)heads);
	if (head && head->sex && WANT(R_SPOUSE_SEX))
		for (size_t i = 0; i < w->n; i++)
			if (w->mv[i].relation && strcmp(w->mv[i].relation, REL_SPOUSE) == 0 && w->mv[i].sex &&
			    strcmp(w->mv[i].sex, head->sex) == 0 && strcmp(head->sex, "9") != 0) {
				struct subj sm = s;
				sm.m = &w->mv[i];
				EMIT(c, R_SPOUSE_SEX, &sm, "%s", "%s", M_TEXT(MSG_SPOUSE_SEX));
			}
	if (spouses > 1 && WANT(R_SPOUSE_SEVERAL))
		EMIT(c, R_SPOUSE_SEVERAL, &s, "户内有 %d 个配偶", "the household has %d spouses", (int)spouses);
	/* two of a relation only one member holds (之父, 之母, ...), once per relation, on its first member */
	if (WANT(R_RELATION_SEVERAL))
		for (size_t i = 0; i < w->n; i++) {
			const char *rel = w->mv[i].relation;
			size_t same;
			if (!relation_once(rel) || strcmp(rel, REL_SPOUSE) == 0 || relation_rank(w->mv, w->n, i, &same) > 0)
				continue;
			if (same > 1)
				EMIT(c, R_RELATION_SEVERAL, &s, M_TEXT(MSG_REL_MULTI), M_TEXT(MSG_REL_MULTI), (int)same,
				    code_label(CL_RELATION, rel));
		}
	if (head && head->birth && WANT(R_HEAD_MINOR)) {
		int at = head->info_date ? head->info_date : c->day, age = date_age(head->birth, at);
		char d[11];
		if (age < 16) {
			struct subj sm = s;
			sm.m = head;
			sm.key = arena_printf(c->a, "h:%lld", (long long)h->id);
			EMIT(c, R_HEAD_MINOR, &sm, "户主 %2$s 时 %1$d 岁", "the head was %d on %s", age, date_format(at, d));
		}
	}
	if (head && head->birth && WANT(R_RELATION_AGE))
		for (size_t i = 0; i < w->n; i++) {
			const struct member *m = &w->mv[i];
			int g = relation_generation(m->relation);
			if (!m->birth || g == 0 || (g > 0 ? m->birth > head->birth : m->birth < head->birth))
				continue;
			char b1[11], b2[11];
			struct subj sm = s;
			sm.m = m;
			EMIT(c, R_RELATION_AGE, &sm, "%s出生于 %s，户主出生于 %s", "%s born %s, the head born %s",
			    code_label(CL_RELATION, m->relation), birth_month(m->birth, b1), birth_month(head->birth, b2));
		}
	if (!h->attribute && WANT(R_ATTRIBUTE_EMPTY))
		EMIT0(c, R_ATTRIBUTE_EMPTY, &s, "贫困户属性为空", "household attribute empty");
	if (!h->cause_main && WANT(R_CAUSE_MAIN_EMPTY))
		EMIT0(c, R_CAUSE_MAIN_EMPTY, &s, "主要致贫原因为空", "main cause of poverty empty");
	if (h->cause_main && cause_listed(h->cause_other, h->cause_main) && WANT(R_CAUSE_OTHER_REPEATS))
		EMIT(c, R_CAUSE_OTHER_REPEATS, &s, "“%s”既是主要致贫原因又是其他致贫原因", "\"%s\" is the main cause and another cause",
		    code_label(CL_CAUSE, h->cause_main));
	if (!h->id_standard && WANT(R_STANDARD_EMPTY))
		EMIT0(c, R_STANDARD_EMPTY, &s, "识别标准为空", "identification standard empty");
	if (!h->identified_ym && WANT(R_IDENTIFIED_EMPTY))
		EMIT0(c, R_IDENTIFIED_EMPTY, &s, "识别年月为空", "identification month empty");
	if (h->identified_ym && h->identified_ym > c->day / 100 && WANT(R_IDENTIFIED_FUTURE))
		EMIT(c, R_IDENTIFIED_FUTURE, &s, "识别年月 %d 晚于 %d", "identified %d, after %d", h->identified_ym,
		    c->day / 100);
	if (exited(w->status) && !h->exit_year && WANT(R_EXIT_YEAR_MISSING))
		EMIT(c, R_EXIT_YEAR_MISSING, &s, "状态为“%s”，脱贫年度为空", "status \"%s\" without an exit year",
		    status_label(w->status));
	if (w->status == ST_POOR && h->exit_year && WANT(R_EXIT_YEAR_ON_POOR))
		EMIT(c, R_EXIT_YEAR_ON_POOR, &s, "状态为“%s”，脱贫年度却为 %d", "status \"%s\" with exit year %d",
		    status_label(w->status), h->exit_year);
	if (h->exit_year && h->identified_ym && h->exit_year < h->identified_ym / 100 && WANT(R_EXIT_BEFORE_IDENTIFIED))
		EMIT(c, R_EXIT_BEFORE_IDENTIFIED, &s, "脱贫年度 %d 早于识别年月 %d", "exit year %d before identification %d",
		    h->exit_year, h->identified_ym);
	if (h->phone && !mobile(h->phone) && WANT(R_HH_PHONE_MOBILE))
		not_mobile(c, R_HH_PHONE_MOBILE, &s, h->phone, "户联系电话", "household phone");
	if (h->attribute && WANT(R_ATTR_DIBAO)) {
		bool says = !strcmp(h->attribute, "2") || !strcmp(h->attribute, "4"), has = any_member(w, m_dibao);
		if ((says && !has) || (!strcmp(h->attribute, "1") && has))
			EMIT(c, R_ATTR_DIBAO, &s, says ? "贫困户属性为“%s”，但没有成员享受低保" : "贫困户属性为“%s”，但有成员享受低保",
			    says ? "attribute \"%s\" but no member receives the allowance"
				 : "attribute \"%s\" but a member receives the allowance",
			    code_label(CL_ATTRIBUTE, h->attribute));
	}
	if (h->attribute && WANT(R_ATTR_TEKUN)) {
		bool says = !strcmp(h->attribute, "3") || !strcmp(h->attribute, "5"), has = any_member(w, m_tekun);
		if ((says && !has) || (!strcmp(h->attribute, "1") && has))
			EMIT(c, R_ATTR_TEKUN, &s, says ? "贫困户属性为“%s”，但没有成员特困供养" : "贫困户属性为“%s”，但有成员特困供养",
			    says ? "attribute \"%s\" but no member is under destitute support"
				 : "attribute \"%s\" but a member is under destitute support",
			    code_label(CL_ATTRIBUTE, h->attribute));
	}
	if (h->cause_main && w->n > 0) {
		if (!strcmp(h->cause_main, "02") && !any_member(w, m_disabled) && WANT(R_CAUSE_DISABILITY))
			EMIT0(c, R_CAUSE_DISABILITY, &s, "主要致贫原因为因残，户内无健康状况为残疾的成员",
			    "disability as the main cause, no member recorded as disabled");
		if (!strcmp(h->cause_main, "01") && !any_member(w, m_ill) && WANT(R_CAUSE_ILLNESS))
			EMIT0(c, R_CAUSE_ILLNESS, &s, "主要致贫原因为因病，户内无长期慢性病或大病成员",
			    "illness as the main cause, no member with a chronic or serious illness");
		if (!strcmp(h->cause_main, "08") && !any_member(w, m_cannot_work) && WANT(R_CAUSE_LABOR))
			EMIT0(c, R_CAUSE_LABOR, &s, "主要致贫原因为缺劳力，成员均为普通或技能劳动力",
			    "lack of labour as the main cause, every member ordinary or skilled labour");
		if (!strcmp(h->cause_main, "03") && !any_member(w, m_student) && WANT(R_CAUSE_SCHOOL))
			EMIT0(c, R_CAUSE_SCHOOL, &s, "主要致贫原因为因学，户内无在校生", "schooling as the main cause, nobody in school");
	}
	if (h->monitored && status_current_poor(w->status) && WANT(R_MONITORED_POOR))
		EMIT(c, R_MONITORED_POOR, &s, "状态为“%s”，又标为监测对象", "status \"%s\" and marked as monitored",
		    status_label(w->status));
	for (size_t i = 0; i < w->n; i++)
		member_rules(w, &w->mv[i]);
	c->r->households++;
	c->r->members += w->n;
}

static int
person_cmp(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (!c)
		c = strcmp(x->sex, y->sex);
	if (!c)
		c = (x->birth > y->birth) - (x->birth < y->birth);
	if (!c)
		c = strcmp(x->hh_no, y->hh_no);
	if (!c)
		c = (x->member_id > y->member_id) - (x->member_id < y->member_id);
	return c;
}

/* The village's people sharing name, sex and birth date across households under other numbers. */
static void
village_done(struct walk *w)
{
	struct ctx *c = w->c;
	if (w->np > 1) {
		qsort(w->pv, w->np, sizeof(*w->pv), person_cmp);
		for (size_t i = 0, j; i < w->np; i = j) {
			bool households = false, numbers = false;
			for (j = i + 1; j < w->np && !strcmp(w->pv[j].name, w->pv[i].name) && !strcmp(w->pv[j].sex, w->pv[i].sex) &&
			     w->pv[j].birth == w->pv[i].birth; j++) {
				households |= w->pv[j].household_id != w->pv[i].household_id;
				numbers |= strcmp(w->pv[j].id_no, w->pv[i].id_no) != 0;
			}
			if (!households || !numbers)
				continue;
			for (size_t k = i; k < j; k++) {
				const struct person *p = &w->pv[k];
				struct member m = { .id = p->member_id, .name = (char *)p->name, .id_no = (char *)p->id_no };
				struct subj s = { .household_id = p->household_id, .village = w->village, .hh_no = p->hh_no, .m = &m };
				char b[11];
				EMIT(c, R_NAME_BIRTH_DUPLICATE, &s,
				    "本村有 %2$d 名同名、同性别、出生于 %1$s 的建档立卡人员，分属不同户，证件号码不同",
				    "the village has %2$d registered persons of this name and sex born %1$s, in other households "
				    "under other numbers", birth_month(p->birth, b), (int)(j - i));
			}
		}
	}
	w->np = 0;
	arena_free(&w->v_arena);
}

static void
remember_person(struct walk *w, const struct member *m)
{
	if (!w->c->sel[R_NAME_BIRTH_DUPLICATE] || !m->birth || !m->name || !m->sex || !m->id_no)
		return;
	if (w->np == w->cap_p) {
		w->cap_p = w->cap_p ? 2 * w->cap_p : 256;
		w->pv = xrealloc(w->pv, w->cap_p * sizeof(*w->pv));
	}
	struct person *p = &w->pv[w->np++];
	p->name = arena_strdup(&w->v_arena, m->name);
	p->sex = arena_strdup(&w->v_arena, m->sex);
	p->id_no = arena_strdup(&w->v_arena, m->id_no);
	p->birth = m->birth;
	p->member_id = m->id;
	p->household_id = w->h.id;
	p->hh_no = w->np > 1 && w->pv[w->np - 2].household_id == w->h.id ? w->pv[w->np - 2].hh_no
	    : arena_strdup(&w->v_arena, w->h.hh_no);
}

/* One person present on the day into c->walked. Rows come village by village, so the cell is among the last
 * few (one per status of the village). */
static void
walk_count(struct walk *w, int64_t village, enum status s)
{
	struct ctx *c = w->c;
	for (size_t i = c->n_walked; i-- > 0 && c->walked[i].village == village;)
		if (c->walked[i].status == s) {
			c->walked[i].persons++;
			return;
		}
	if (c->n_walked == w->cap_walked) {
		w->cap_walked = w->cap_walked ? 2 * w->cap_walked : 256;
		c->walked = xrealloc(c->walked, w->cap_walked * sizeof(*c->walked));
	}
	c->walked[c->n_walked++] = (struct stat_cell){ .village = village, .status = s, .persons = 1 };
}

static int
walk_row(void *ctx, const struct member_row *row)
{
	struct walk *w = ctx;
	if (w->count)
		walk_count(w, row->h.village, row->status_at);
	if (!(w->mask & (1u << row->status_at)))
		return 0;
	if (!w->have || w->h.id != row->h.id) {
		household_rules(w);
		if (w->have && row->h.village != w->village)
			village_done(w);
		w->village = row->h.village;
		arena_free(&w->hh_arena);
		w->n = 0;
		w->h = row->h;
		w->h.hh_no = arena_strdup(&w->hh_arena, row->h.hh_no);
		/* the household's strings live in the store's row: keep copies */
		w->h.attribute = row->h.attribute ? arena_strdup(&w->hh_arena, row->h.attribute) : NULL;
		w->h.cause_main = row->h.cause_main ? arena_strdup(&w->hh_arena, row->h.cause_main) : NULL;
		w->h.cause_other = row->h.cause_other ? arena_strdup(&w->hh_arena, row->h.cause_other) : NULL;
		w->h.id_standard = row->h.id_standard ? arena_strdup(&w->hh_arena, row->h.id_standard) : NULL;
		w->h.phone = row->h.phone ? arena_strdup(&w->hh_arena, row->h.phone) : NULL;
		w->h.bank = w->h.bank_account = NULL;
		w->status = row->status_at;
		w->have = true;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->mv = xrealloc(w->mv, w->cap * sizeof(*w->mv));
	}
	member_copy(&w->mv[w->n++], &row->m, &w->hh_arena);
	remember_person(w, &w->mv[w->n - 1]);
	return 0;
}

/* ---- set-based rules ---- */

struct rows {
	struct ctx *c;
	int year;
	int64_t line_cache_key[64];
	int64_t line_cache_val[64];
	int n_cache;
};

static int
members_none_row(void *ctx, const struct rule_row *r)
{
	struct rows *x = ctx;
	struct subj s = { .household_id = r->household_id, .village = r->village, .hh_no = r->hh_no };
	EMIT(x->c, R_MEMBERS_NONE, &s, "状态为“%s”的户没有成员", "a household \"%s\" without members", status_label(r->status));
	return 0;
}

static int
exit_year_row(void *ctx, const struct rule_row *r)
{
	struct rows *x = ctx;
	if (r->null[1] || r->v[1] / 10000 == r->v[0])
		return 0;
	struct subj s = { .household_id = r->household_id, .village = r->village, .hh_no = r->hh_no };
	char d[11];
	EMIT(x->c, R_EXIT_YEAR_EVENT, &s, "脱贫年度为 %lld，脱贫记录的生效日期为 %s", "exit year %lld, the exit recorded on %s",
	    (long long)r->v[0], date_format((int)r->v[1], d));
	return 0;
}

/* The line of kind for year in the province of village, through income.c (cached per year and province);
 * -1 if there is none. */
static int64_t
line_for(struct rows *x, int year, int64_t village, const char *kind)
{
	int64_t key = ((int64_t)year * 100 + (village / 10000000000LL) % 100) * 2 + (kind[0] == 'm');
	for (int i = 0; i < x->n_cache; i++)
		if (x->line_cache_key[i] == key)
			return x->line_cache_val[i];
	int64_t amount = -1;
	int found;
	bool prov;
	struct errinfo e;
	if (income_line(x->c->st, year, village, kind, &amount, &found, &prov, &e) != ERR_OK)
		amount = -1;
	if (x->n_cache < 64) {
		x->line_cache_key[x->n_cache] = key;
		x->line_cache_val[x->n_cache++] = amount;
	}
	return amount;
}

static char *
yuan(int64_t fen, char *out, size_t n)
{
	snprintf(out, n, "%lld.%02lld", (long long)(fen / 100), (long long)llabs(fen % 100));
	return out;
}

static int
income_row(void *ctx, const struct rule_row *r)
{
	struct rows *x = ctx;
	struct ctx *c = x->c;
	struct subj s = { .household_id = r->household_id, .village = r->village, .hh_no = r->hh_no };
	if (r->null[0]) {
		if (WANT(R_INCOME_MISSING))
			EMIT(c, R_INCOME_MISSING, &s, "没有 %d 年及以前的人均纯收入记录", "no per-capita income for %d or before",
			    x->year);
		return 0;
	}
	int year = (int)r->v[0];
	int64_t pc = r->v[1], exit_year = r->null[2] ? 0 : r->v[2], identified = r->null[3] ? 0 : r->v[3] / 100;
	char a1[32], a2[32];
	/* the income of the exit year or later; not the income the household was identified by (a registry
	 * sheet records it under the year it was imported) */
	if (exited(r->status) && exit_year && year >= exit_year && year > identified && WANT(R_EXITED_BELOW_LINE)) {
		int64_t line = line_for(x, year, r->village, "national");
		if (line >= 0 && pc <= line)
			EMIT(c, R_EXITED_BELOW_LINE, &s, "%d 年人均纯收入 %s 元，未超过当年扶贫标准 %s 元",
			    "%d per-capita net income %s yuan, not above that year's line of %s yuan", year,
			    yuan(pc, a1, sizeof(a1)), yuan(line, a2, sizeof(a2)));
	}
	if (status_current_poor(r->status) && WANT(R_POOR_FAR_ABOVE_LINE)) {
		int64_t line = line_for(x, year, r->village, "national");
		if (line > 0 && pc >= 2 * line)
			EMIT(c, R_POOR_FAR_ABOVE_LINE, &s, "%d 年人均纯收入 %s 元，达到当年扶贫标准 %s 元的两倍",
			    "%d per-capita net income %s yuan, twice that year's line of %s yuan or more", year,
			    yuan(pc, a1, sizeof(a1)), yuan(line, a2, sizeof(a2)));
	}
	if (exited(r->status) && !r->monitored && WANT(R_EXITED_BELOW_MONITORING)) {
		int64_t line = line_for(x, year, r->village, "monitoring");
		if (line > 0 && pc < line)
			EMIT(c, R_EXITED_BELOW_MONITORING, &s, "%d 年人均纯收入 %s 元，低于当年监测范围 %s 元，未纳入监测",
			    "%d per-capita net income %s yuan, below that year's monitoring line of %s yuan, not monitored", year,
			    yuan(pc, a1, sizeof(a1)), yuan(line, a2, sizeof(a2)));
	}
	return 0;
}

static int
income_items_row(void *ctx, const struct rule_row *r)
{
	struct rows *x = ctx;
	struct income in = { .household_id = r->household_id, .year = (int)r->v[0], .wage = r->v[1],
		.business = r->v[2], .property = r->v[3], .transfer = r->v[4], .business_cost = r->v[5],
		.net_pc = r->null[6] ? -1 : r->v[6], .size = (int)r->v[7] };
	int64_t pc;
	if (in.net_pc < 0 || !income_net_pc(&in, in.size, &pc) || llabs(pc - in.net_pc) <= 100)
		return 0;
	struct subj s = { .household_id = r->household_id, .village = r->village, .hh_no = r->hh_no };
	char a1[32], a2[32];
	EMIT(x->c, R_INCOME_NET, &s, "%d 年人均纯收入记为 %s 元，按收入明细和 %d 人计算为 %s 元",
	    "%d per-capita net income recorded as %s yuan; the items and %d persons give %s yuan", in.year,
	    yuan(in.net_pc, a1, sizeof(a1)), in.size, yuan(pc, a2, sizeof(a2)));
	return 0;
}

/* ---- other departments' lists ---- */

static bool same_name(const char *a, const char *b);

/* The JSON evidence of a list row: which list, dated when, from whom, the row's value and the name it gives
 * (name_differs when that is not the member's: a number shared under another name asks for a check first). */
static char *
evidence(struct ctx *c, const char *kind, const struct external_match *m, const char *what)
{
	char d[11], dd[11];
	json_t *j = json_pack("{s:I, s:s, s:s, s:s?, s:i}", "list", (json_int_t)m->list_id, "kind", kind, "list_date",
	    date_format(m->list_date, d), "source", m->source, "row", m->row_no);
	if (m->day)
		json_object_set_new(j, "day", json_string(date_format(m->day, dd)));
	if (what)
		json_object_set_new(j, "value", json_string(what));
	if (m->entry_name)
		json_object_set_new(j, "name", json_string(m->entry_name));
	if (m->entry_name && m->name && !same_name(m->name, m->entry_name))
		json_object_set_new(j, "name_differs", json_true());
	char *s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	char *out = arena_strdup(c->a, s);
	free(s);
	return out;
}

/* A field of a row's JSON data, in the arena, or NULL. */
static const char *
data_field(struct ctx *c, const char *data, const char *key)
{
	if (!data)
		return NULL;
	json_t *j = json_loads(data, 0, NULL);
	const char *v = json_string_value(json_object_get(j, key));
	char *out = v ? arena_strdup(c->a, v) : NULL;
	json_decref(j);
	return out;
}

static bool
receives_support(enum status s)
{
	return s == ST_POOR || s == ST_RETURNED || s == ST_EXITED_SUPPORTED;
}

/* 参保状态 of a 医保 or 人社 list: 1 insured, 0 not, -1 unreadable. */
static int
insured_state(const char *v)
{
	if (!v)
		return -1;
	if (strstr(v, "未") || strstr(v, "停") || strstr(v, "断") || strstr(v, "终止") || strstr(v, "退保") ||
	    strcmp(v, "否") == 0)
		return 0;
	if (strstr(v, "参保") || strstr(v, "在保") || strstr(v, "正常") || strcmp(v, "是") == 0)
		return 1;
	return -1;
}

/* Names compared as people write them: trimmed, full-width folded. */
static bool
same_name(const char *a, const char *b)
{
	char x[160], y[160];
	size_t nx = utf8_fold_to(str_from(a ? a : ""), x, sizeof(x)), ny = utf8_fold_to(str_from(b ? b : ""), y, sizeof(y));
	return nx == ny && nx != (size_t)-1 && memcmp(x, y, nx) == 0;
}

struct xmatch {
	struct ctx *c;
	const struct ext_kind *k;
	int64_t last_member;       /* a member is compared with the newest row of each list kind once */
	int64_t last_mismatch;
};

static int
match_row(void *ctx, const struct external_match *m)
{
	struct xmatch *x = ctx;
	struct ctx *c = x->c;
	const char *kind = x->k->code;
	char src[40];
	snprintf(src, sizeof(src), "external:%s", kind);
	struct member mm = { .id = m->member_id, .name = (char *)m->name, .id_no = (char *)m->id_no };
	struct subj s = { .household_id = m->household_id, .village = m->village, .hh_no = m->hh_no, .m = &mm,
		.list_id = m->list_id, .source = src };
	bool first = m->member_id != x->last_member;
	x->last_member = m->member_id;
	char d[11], ld[11];
	date_format(m->list_date, ld);
	if (!same_name(m->name, m->entry_name) && WANT(R_NAME_MISMATCH) && m->member_id != x->last_mismatch) {
		x->last_mismatch = m->member_id;
		struct subj sn = s;
		sn.evidence = evidence(c, kind, m, NULL);
		sn.key = arena_printf(c->a, "m:%lld:%s", (long long)m->member_id, kind);
		/* the list named as every finding of a list names it: its kind, its department and its date */
		EMIT(c, R_NAME_MISMATCH, &sn, "%s名单（%s，%s）第 %d 行证件号码相同，姓名为“%s”", "the %s list (%s, %s) row %d has "
		    "the number, name \"%s\"", ext_kind_label(x->k), m->source ? m->source : "", ld, m->row_no, m->entry_name);
	}
	if (!first)
		return 0;   /* the newest row of this kind speaks for the member */
	if (strcmp(kind, "death") == 0 && m->day) {
		bool registered_dead = m->since > m->day;
		enum rule rl = registered_dead ? R_DEATH_REGISTERED : R_DEATH_COUNTED;
		if (!WANT(rl))
			return 0;
		s.evidence = evidence(c, kind, m, NULL);
		date_format(m->day, d);
		if (registered_dead) {
			char sd[11];
			EMIT(c, rl, &s, "%s名单（%s，%s）记其于 %s 死亡，%s 起才登记为本户成员", "the %s list (%s, %s) says the person died "
			    "on %s; a member only from %s", ext_kind_label(x->k), m->source ? m->source : "", ld, d, date_format(m->since, sd));
		} else if (m->entry_name && !same_name(m->name, m->entry_name))
			/* the number on the list under another name: a check before a removal (办理人员减少 was offered
			 * for a death the name did not confirm) */
			EMIT(c, rl, &s, "%s名单（%s，%s）记其于 %s 死亡，仍为本户成员；名单上的姓名为“%s”，须先核实是否本人",
			    "the %s list (%s, %s) says the person died on %s; still a member; the list's name is \"%s\": check "
			    "that it is this person first", ext_kind_label(x->k), m->source ? m->source : "", ld, d, m->entry_name);
		else
			EMIT(c, rl, &s, "%s名单（%s，%s）记其于 %s 死亡，仍为本户成员", "the %s list (%s, %s) says the person died on %s; "
			    "still a member", ext_kind_label(x->k), m->source ? m->source : "", ld, d);
	} else if (strcmp(kind, "moved") == 0 && m->day && WANT(R_MOVED_OUT)) {
		s.evidence = evidence(c, kind, m, m->value);
		EMIT(c, R_MOVED_OUT, &s, "%s名单（%s，%s）记其户籍于 %s 迁往%s，仍为本户成员",
		    "the %s list (%s, %s) says the registration moved on %s to %s; still a member", ext_kind_label(x->k),
		    m->source ? m->source : "", ld, date_format(m->day, d), m->value ? m->value : (EN ? "elsewhere" : "外地"));
	} else if ((strcmp(kind, "vehicle") == 0 || strcmp(kind, "housing") == 0 || strcmp(kind, "business") == 0 ||
		       strcmp(kind, "payroll") == 0) && receives_support(m->status)) {
		enum rule rl = kind[0] == 'v' ? R_VEHICLE : kind[0] == 'h' ? R_HOUSING : kind[0] == 'b' ? R_BUSINESS : R_PAYROLL;
		if (!WANT(rl))
			return 0;
		if (rl == R_VEHICLE) {
			const char *type = data_field(c, m->data, "vehicle_type");
			if (type && strstr(type, "残疾人"))
				return 0;   /* a disabled person's carriage is no red line */
		}
		if (rl == R_BUSINESS) {
			const char *state = data_field(c, m->data, "reg_state");
			if (state && (strstr(state, "注销") || strstr(state, "吊销") || strstr(state, "撤销") || strstr(state, "迁出")))
				return 0;
		}
		s.evidence = evidence(c, kind, m, m->value);
		EMIT(c, rl, &s, "%s名单（%s，%s）：%s；该户状态为“%s”", "the %s list (%s, %s): %s; the household is \"%s\"", ext_kind_label(x->k),
		    m->source ? m->source : "", ld, m->value ? m->value : "", status_label(m->status));
	} else if (strcmp(kind, "dibao") == 0 || strcmp(kind, "tekun") == 0) {
		bool dibao = kind[0] == 'd';
		enum rule rl = dibao ? R_DIBAO_NOT_FLAGGED : R_TEKUN_NOT_FLAGGED;
		if ((dibao ? m->dibao : m->tekun) != 1 && WANT(rl)) {
			s.evidence = evidence(c, kind, m, NULL);
			EMIT(c, rl, &s, "在%s名册（%s，%s）中，登记的“%s”为%s", "on the %s roll (%s, %s) but recorded \"%s\" as %s", ext_kind_label(x->k),
			    m->source ? m->source : "", ld, dibao ? (EN ? "dibao" : "是否享受低保") : (EN ? "tekun" : "是否特困供养"),
			    (dibao ? m->dibao : m->tekun) == 0 ? (EN ? "no" : "否") : (EN ? "empty" : "空"));
		}
	} else if (strcmp(kind, "disability") == 0 && WANT(R_DISABILITY_NOT_RECORDED) &&
		   (!m->health || strcmp(m->health, HEALTH_DISABLED) != 0)) {
		s.evidence = evidence(c, kind, m, m->value);
		EMIT(c, R_DISABILITY_NOT_RECORDED, &s, "在残疾人名单（%s，%s）中（%s），健康状况为“%s”",
		    "on the disability list (%s, %s) (%s), health \"%s\"", m->source ? m->source : "", ld,
		    m->value ? m->value : "", m->health ? code_label(CL_HEALTH, m->health) : "");
	} else if (strcmp(kind, "medical") == 0 || strcmp(kind, "pension") == 0) {
		bool med = kind[0] == 'm';
		enum rule rl = med ? R_MEDICAL_LIST : R_PENSION_LIST;
		int list = insured_state(m->value), own = med ? m->ins_medical : m->ins_pension;
		if (list >= 0 && list != own && !(list == 0 && own < 0) && WANT(rl)) {
			s.evidence = evidence(c, kind, m, m->value);
			EMIT(c, rl, &s, "%s名单（%s，%s）为“%s”，登记的参保情况为%s", "the %s list (%s, %s) says \"%s\"; recorded as %s",
			    ext_kind_label(x->k), m->source ? m->source : "", ld, m->value, own == 1 ? (EN ? "insured" : "是")
			    : own == 0 ? (EN ? "not insured" : "否") : (EN ? "empty" : "空"));
		}
	} else if (strcmp(kind, "employment") == 0 && WANT(R_EMPLOYED_NOT_RECORDED) && !m->work_status &&
		   m->work_months <= 0) {
		s.evidence = evidence(c, kind, m, m->value);
		EMIT(c, R_EMPLOYED_NOT_RECORDED, &s, "就业登记名单（%s，%s）：%s；未登记务工",
		    "the employment list (%s, %s): %s; no work recorded", m->source ? m->source : "", ld,
		    m->value ? m->value : "");
	}
	return 0;
}

static int
missed_row(void *ctx, const struct external_match *m)
{
	struct xmatch *x = ctx;
	struct ctx *c = x->c;
	enum rule rl = strcmp(x->k->code, "dibao") == 0 ? R_DIBAO_MISSED : R_TEKUN_MISSED;
	/* the subject: a digest of the number, not the number, so a deleted list leaves no number behind */
	unsigned char h[16];
	crypto_generichash(h, sizeof(h), (const unsigned char *)m->entry_id_no, strlen(m->entry_id_no), NULL, 0);
	char hex[33];
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	char src[40], ld[11];
	snprintf(src, sizeof(src), "external:%s", x->k->code);
	struct subj s = { .village = m->entry_village, .name = m->entry_name, .id_no = m->entry_id_no,
		.key = arena_printf(c->a, "p:%s", hex), .source = src, .list_id = m->list_id,
		.evidence = evidence(c, x->k->code, m, NULL) };
	if (!s.village) {
		/* a roll without villages: assigned to the run's division */
		s.village = c->r->division;
	}
	/* the registry of the list's divisions (its importer's): a person registered beyond them is not its to know of */
	EMIT(c, rl, &s, "在%s名册（%s，%s）第 %d 行，不在名册所属区划的建档立卡人口中", "row %4$d of the %1$s roll (%2$s, %3$s), "
	    "not in the registry of the roll's divisions", ext_kind_label(x->k), m->source ? m->source : "",
	    date_format(m->list_date, ld), m->row_no);
	return 0;
}

static int
not_on_roll_row(void *ctx, const struct rule_row *r)
{
	struct xmatch *x = ctx;
	struct ctx *c = x->c;
	bool dibao = strcmp(x->k->code, "dibao") == 0;
	struct member m = { .id = r->member_id, .name = (char *)r->name, .id_no = (char *)r->id_no };
	char src[40], ld[11];
	snprintf(src, sizeof(src), "external:%s", x->k->code);
	date_format((int)r->v[1], ld);
	json_t *j = json_pack("{s:I, s:s, s:s}", "list", (json_int_t)r->v[0], "kind", x->k->code, "list_date", ld);
	char *ev = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	struct subj s = { .household_id = r->household_id, .village = r->village, .hh_no = r->hh_no, .m = &m,
		.source = src, .list_id = r->v[0], .evidence = arena_strdup(c->a, ev) };
	free(ev);
	EMIT(c, dibao ? R_DIBAO_NOT_ON_ROLL : R_TEKUN_NOT_ON_ROLL, &s, "登记的“%s”为是，但不在%s名册（%s）中",
	    "recorded \"%s\" as yes but not on the %s roll (%s)", dibao ? (EN ? "dibao" : "是否享受低保") : (EN ? "tekun" : "是否特困供养"),
	    ext_kind_label(x->k), ld);
	return 0;
}

static enum err
compare_lists(struct ctx *c, struct errinfo *e)
{
	for (size_t i = 0; i < n_ext_kinds; i++) {
		const struct ext_kind *k = &ext_kinds[i];
		bool wanted = c->sel[R_NAME_MISMATCH], roll_rules = false;
		for (int r = 0; r < R__MAX; r++)
			if (c->sel[r] && rules[r].kind == RK_EXTERNAL && rules[r].list && strcmp(rules[r].list, k->code) == 0)
				wanted = true;
		if (!wanted)
			continue;
		bool exists;
		enum err rc = store_external_kind_exists(c->st, k->code, c->day, &exists, e);
		if (rc != ERR_OK)
			return rc;
		if (!exists)
			continue;
		struct xmatch x = { c, k, 0, 0 };
		if ((rc = store_external_matches(c->st, k->code, k->roll, c->day, c->lo, c->hi, match_row, &x, e)) != ERR_OK)
			return rc;
		roll_rules = strcmp(k->code, "dibao") == 0 || strcmp(k->code, "tekun") == 0;
		if (!roll_rules)
			continue;
		bool dibao = k->code[0] == 'd';
		if (c->sel[dibao ? R_DIBAO_MISSED : R_TEKUN_MISSED] &&
		    (rc = store_external_missed(c->st, k->code, c->day, c->lo, c->hi, missed_row, &x, e)) != ERR_OK)
			return rc;
		if (c->sel[dibao ? R_DIBAO_NOT_ON_ROLL : R_TEKUN_NOT_ON_ROLL] &&
		    (rc = store_external_not_on_roll(c->st, k->code, c->day, c->lo, c->hi, not_on_roll_row, &x, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* ---- the history ---- */

static void
balance(struct ctx *c, enum err *rc, struct errinfo *e)
{
	struct check_result *r = c->r;
	/* The years that have events: from the first effective date to the as-of date. */
	struct flow_event *all;
	size_t nall;
	*rc = store_flows(c->st, 19000101, r->as_of, c->lo, c->hi, &all, &nall, c->a, e);
	if (*rc != ERR_OK || nall == 0)
		return;
	int first = all[0].effective / 10000;
	for (size_t i = 0; i < nall; i++)
		if (all[i].effective / 10000 < first)
			first = all[i].effective / 10000;
	static const enum group sets[] = { G_CURRENT_POOR, G_REGISTERED };
	for (int y = first; y <= r->as_of / 10000; y++) {
		int start = (y - 1) * 10000 + 1231, end = y * 10000 + 1231;
		struct stat_cell *c0, *c1;
		size_t n0, n1;
		/* the stocks from the maintained aggregates (a sum of a few rows per village); AGGREGATE ties those
		 * to the spans */
		if ((*rc = store_stats(c->st, start, 0, c->lo, c->hi, &c0, &n0, c->a, e)) != ERR_OK)
			return;
		if ((*rc = store_stats(c->st, end, 0, c->lo, c->hi, &c1, &n1, c->a, e)) != ERR_OK)
			return;
		for (size_t k = 0; k < NELEM(sets); k++) {
			enum group g = sets[k];
			bool (*isin)(enum status) = g == G_CURRENT_POOR ? status_current_poor : status_registered;
			int64_t h0 = 0, p0 = 0, h1 = 0, p1 = 0, dh = 0, dp = 0;
			for (size_t i = 0; i < n0; i++)
				if (isin(c0[i].status))
					h0 += c0[i].households, p0 += c0[i].persons;
			for (size_t i = 0; i < n1; i++)
				if (isin(c1[i].status))
					h1 += c1[i].households, p1 += c1[i].persons;
			for (size_t i = 0; i < nall; i++) {
				const struct flow_event *f = &all[i];
				if (f->effective / 10000 != y)
					continue;
				if (f->member_id == 0 && (f->from_status != ST_NONE || f->to_status != ST_NONE)) {
					int d = (int)isin(f->to_status) - (int)isin(f->from_status);
					dh += d;
					dp += d * f->members_at;
				} else if (f->member_id) {
					if (f->type == EV_MEMBER_ADD)
						dp += isin(f->before_src);
					else if (f->type == EV_MEMBER_REMOVE)
						dp -= isin(f->before_src);
					else if (f->type == EV_SPLIT || f->type == EV_MERGE)
						dp += (int)isin(f->before_tgt) - (int)isin(f->before_src);
				}
			}
			if (h0 + dh != h1 || p0 + dp != p1) {
				struct subj s = { .key = arena_printf(c->a, "g:%lld:%d:%d", (long long)r->division, y, (int)g) };
				EMIT(c, R_BALANCE, &s, "%d 年%s：年初 %lld户%lld人 + 变动 %lld户%lld人 ≠ 年末 %lld户%lld人",
				    "%d, %s: start %lld/%lld + changes %lld/%lld != end %lld/%lld (households/persons)", y,
				    group_label(g), (long long)h0, (long long)p0, (long long)dh, (long long)dp, (long long)h1,
				    (long long)p1);
			}
		}
	}
}

/* Order of cells by division then status. */
static int
cell_cmp(const void *p, const void *q)
{
	const struct stat_cell *x = p, *y = q;
	if (x->village != y->village)
		return x->village < y->village ? -1 : 1;
	return (int)x->status - (int)y->status;
}

/* Sort cells and sum those of one (division, status) into one; returns the new count. Cells with nothing
 * left (0 households, 0 persons) are dropped, so both sides of a comparison agree on absent cells. */
static size_t
cells_sum(struct stat_cell *v, size_t n)
{
	if (n == 0)
		return 0;   /* v may be NULL: qsort wants an array */
	qsort(v, n, sizeof(*v), cell_cmp);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && cell_cmp(&v[m - 1], &v[i]) == 0) {
			v[m - 1].households += v[i].households;
			v[m - 1].persons += v[i].persons;
		} else
			v[m++] = v[i];
	}
	size_t kept = 0;
	for (size_t i = 0; i < m; i++)
		if (v[i].households || v[i].persons)
			v[kept++] = v[i];
	return kept;
}

/* The first (division, status) at which two sorted and summed lists of cells differ: true, with each side's
 * cell in *ox and *oy (zero where a side has none, the division and status in both); false if they agree. */
static bool
cells_first_diff(const struct stat_cell *x, size_t nx, const struct stat_cell *y, size_t ny, struct stat_cell *ox,
    struct stat_cell *oy)
{
	size_t i = 0, k = 0;
	while (i < nx || k < ny) {
		int cmp = i == nx ? 1 : k == ny ? -1 : cell_cmp(&x[i], &y[k]);
		const struct stat_cell none = { 0 }, *id = cmp <= 0 ? &x[i] : &y[k];
		*ox = cmp <= 0 ? x[i] : none;
		*oy = cmp >= 0 ? y[k] : none;
		if (ox->households != oy->households || ox->persons != oy->persons) {
			ox->village = oy->village = id->village;
			ox->status = oy->status = id->status;
			return true;
		}
		i += cmp <= 0;
		k += cmp >= 0;
	}
	return false;
}

/* The roll-up as the stats read it (the months before the day's own and the days of its month, schema 0025)
 * against the sum of its days: one finding per level at most. */
static void
rollup_months_check(struct ctx *c, const struct check_result *r, int day, struct stat_cell *days, size_t ndays,
    struct stat_cell *months, size_t nmonths)
{
	struct stat_cell d, m;
	if (!cells_first_diff(days, cells_sum(days, ndays), months, cells_sum(months, nmonths), &d, &m))
		return;
	char on[11];
	struct subj s = { .key = arena_printf(c->a, "g:%lld:month:%012lld:%d", (long long)r->division,
		(long long)d.village, (int)d.status) };
	EMIT(c, R_AGGREGATE, &s, "%012lld %s %s：按月的汇总为 %lld户%lld人，按日的汇总为 %lld户%lld人",
	    "%012lld %s on %s: the roll-up by month says %lld/%lld, by day %lld/%lld", (long long)d.village,
	    status_label(d.status), date_format(day, on), (long long)m.households, (long long)m.persons,
	    (long long)d.households, (long long)d.persons);
}

static void
aggregates(struct ctx *c, enum err *rc, struct errinfo *e)
{
	struct check_result *r = c->r;
	int day = r->as_of;
	struct stat_cell *x, *y;
	size_t nx, ny;
	if ((*rc = store_stats(c->st, day, 0, c->lo, c->hi, &x, &nx, c->a, e)) != ERR_OK)
		return;
	if (c->have_walked) {
		/* the households from their spans, the persons from the members' walk (the same spans, read once) */
		struct stat_cell *hcells;
		size_t nh;
		if ((*rc = store_stats_scan_households(c->st, day, 0, c->lo, c->hi, &hcells, &nh, c->a, e)) != ERR_OK)
			return;
		y = arena_alloc(c->a, (nh + c->n_walked + 1) * sizeof(*y));
		memcpy(y, hcells, nh * sizeof(*y));
		if (c->n_walked)
			memcpy(y + nh, c->walked, c->n_walked * sizeof(*y));
		ny = cells_sum(y, nh + c->n_walked);
	} else if ((*rc = store_stats_scan(c->st, day, 0, c->lo, c->hi, &y, &ny, c->a, e)) != ERR_OK)
		return;
	int64_t hx[ST__MAX] = { 0 }, px[ST__MAX] = { 0 }, hy[ST__MAX] = { 0 }, py[ST__MAX] = { 0 };
	for (size_t i = 0; i < nx; i++)
		hx[x[i].status] += x[i].households, px[x[i].status] += x[i].persons;
	for (size_t i = 0; i < ny; i++)
		hy[y[i].status] += y[i].households, py[y[i].status] += y[i].persons;
	/* the roll-ups to towns, counties, cities and provinces against the records of their villages (one
	 * finding per level at most): both sides summed by (division, status), sorted, then merged. Only the
	 * divisions wholly inside [lo, hi]: a town's check says nothing of its county's other towns. */
	for (int level = LV_TOWN; level >= LV_PROVINCE; level--) {
		struct stat_cell *z, *zm;
		size_t nz, nzm;
		if ((*rc = store_stats_level_days(c->st, level, day, c->lo, c->hi, &z, &nz, c->a, e)) != ERR_OK ||
		    (*rc = store_stats_level(c->st, level, day, c->lo, c->hi, &zm, &nzm, c->a, e)) != ERR_OK)
			return;
		rollup_months_check(c, r, day, z, nz, zm, nzm);
		struct stat_cell *v = arena_alloc(c->a, (ny + 1) * sizeof(*v));
		size_t nv0 = 0, nz0 = 0;
		for (size_t i = 0; i < ny; i++) {
			int64_t d = division_at(y[i].village, level);
			if (d >= c->lo && d + level_unit(level) - 1 <= c->hi) {
				v[nv0] = y[i];
				v[nv0++].village = d;
			}
		}
		for (size_t i = 0; i < nz; i++)
			if (z[i].village >= c->lo && z[i].village + level_unit(level) - 1 <= c->hi)
				z[nz0++] = z[i];
		struct stat_cell pv, pz;
		if (cells_first_diff(v, cells_sum(v, nv0), z, cells_sum(z, nz0), &pv, &pz)) {
			char d[11];
			struct subj s = { .key = arena_printf(c->a, "g:%lld:%012lld:%d", (long long)r->division,
				(long long)pv.village, (int)pv.status) };
			EMIT(c, R_AGGREGATE, &s, "%012lld %s %s：汇总为 %lld户%lld人，明细为 %lld户%lld人",
			    "%012lld %s on %s: the roll-up says %lld/%lld, the records %lld/%lld", (long long)pv.village,
			    status_label(pv.status), date_format(day, d), (long long)pz.households, (long long)pz.persons,
			    (long long)pv.households, (long long)pv.persons);
		}
	}
	for (int s = ST_POOR; s < ST__MAX; s++)
		if (hx[s] != hy[s] || px[s] != py[s]) {
			char d[11];
			struct subj sj = { .key = arena_printf(c->a, "g:%lld:total:%d", (long long)r->division, s) };
			EMIT(c, R_AGGREGATE, &sj, "%s %s：汇总为 %lld户%lld人，明细为 %lld户%lld人",
			    "%s on %s: totals say %lld/%lld, records say %lld/%lld", status_label((enum status)s),
			    date_format(day, d), (long long)hx[s], (long long)px[s], (long long)hy[s], (long long)py[s]);
		}
	/* the aggregates as recorded (what `stats --recorded-at` sums), taken at the latest instant, against the
	 * same records */
	struct stat_cell *w;
	size_t nw;
	if ((*rc = store_stats(c->st, day, STAMP_INF, c->lo, c->hi, &w, &nw, c->a, e)) != ERR_OK)
		return;
	int64_t hw[ST__MAX] = { 0 }, pw[ST__MAX] = { 0 };
	for (size_t i = 0; i < nw; i++)
		hw[w[i].status] += w[i].households, pw[w[i].status] += w[i].persons;
	for (int s = ST_POOR; s < ST__MAX; s++)
		if (hw[s] != hy[s] || pw[s] != py[s]) {
			char d[11];
			struct subj sj = { .key = arena_printf(c->a, "g:%lld:recorded:%d", (long long)r->division, s) };
			EMIT(c, R_AGGREGATE, &sj, "%s %s：按登记时点的汇总为 %lld户%lld人，明细为 %lld户%lld人",
			    "%s on %s: the totals as recorded say %lld/%lld, records say %lld/%lld",
			    status_label((enum status)s), date_format(day, d), (long long)hw[s], (long long)pw[s],
			    (long long)hy[s], (long long)py[s]);
		}
}

/* ---- the run ---- */

enum err
check_parse_rules(const char *list, int *out, size_t *n, struct errinfo *e)
{
	*n = 0;
	for (const char *p = list ? list : ""; *p;) {
		const char *comma = strpbrk(p, ",，");
		size_t k = comma ? (size_t)(comma - p) : strlen(p);
		char code[64];
		struct str t = str_trim((struct str){ p, k });
		snprintf(code, sizeof(code), "%.*s", (int)(t.n < 63 ? t.n : 63), t.p);
		if (*code) {
			int r = rule_find(code);
			if (r < 0)
				return errinfo_set(e, ERR_INVALID, "rules", MSG_RULE_UNKNOWN, code);
			bool dup = false;
			for (size_t i = 0; i < *n; i++)
				dup |= out[i] == r;
			if (!dup && *n < R__MAX)
				out[(*n)++] = r;
		}
		if (!comma)
			break;
		p = comma + ((unsigned char)*comma == ',' ? 1 : 3);
	}
	return ERR_OK;
}

/* The division a run covers: the one asked for, else the scope's root, else the smallest division holding
 * every household (a command-line run over a one-county database belongs to that county). */
static int64_t
run_division(struct store *st, int64_t division, int64_t lo, int64_t hi)
{
	if (division)
		return division;
	if (st->scope_lo > 0)
		return st->scope_lo;
	int64_t mn, mx;
	struct errinfo e;
	if (store_household_village_span(st, lo, hi, &mn, &mx, &e) != ERR_OK || mn == 0)
		return 0;
	static const int64_t units[] = { 1000LL, 1000000LL, 100000000LL, 10000000000LL, 1000000000000LL };
	for (size_t i = 0; i < NELEM(units); i++)
		if (mn / units[i] == mx / units[i])
			return units[i] == 1000000000000LL ? 0 : mn / units[i] * units[i];
	return 0;
}

int64_t
check_division(struct store *st, int64_t division)
{
	int64_t lo = st->scope_lo, hi = st->scope_hi;
	if (division)
		division_range(division, &lo, &hi);
	return run_division(st, division, lo, hi);
}

enum err
check_run(struct store *st, const struct check_query *q, struct check_result *r, struct arena *a, struct errinfo *e)
{
	enum err rc = ERR_OK;
	memset(r, 0, sizeof(*r));
	int today = date_today();
	r->as_of = q->as_of ? q->as_of : today;
	struct ctx c = { .st = st, .q = q, .r = r, .a = a, .day = r->as_of, .lo = st->scope_lo, .hi = st->scope_hi };
	if (q->division)
		division_range(q->division, &c.lo, &c.hi);
	if (c.lo < st->scope_lo)
		c.lo = st->scope_lo;
	if (c.hi > st->scope_hi)
		c.hi = st->scope_hi;
	if (q->n_rules)
		for (size_t i = 0; i < q->n_rules; i++)
			c.sel[q->rules[i]] = true;
	else
		for (int i = 0; i < R__MAX; i++)
			c.sel[i] = q->only < 0 || q->only == i;
	r->division = run_division(st, q->division, c.lo, c.hi);
	c.e = e;
	arena_init(&c.scratch);
	if (q->keep && r->as_of == today &&
	    (rc = finding_keeper_begin(st, q, r, c.sel, c.lo, c.hi, &c.keeper, e)) != ERR_OK)
		return rc;

	bool any_stream = false;
	for (int i = 0; i < R__MAX; i++)
		any_stream |= c.sel[i] && (rules[i].kind == RK_MEMBER || rules[i].kind == RK_HOUSEHOLD);
	bool began = store_read_begin(st, e);
	if (any_stream) {
		struct walk w = { .c = &c, .count = c.sel[R_AGGREGATE] };
		arena_init(&w.hh_arena);
		w.mask = 1u << ST_POOR | 1u << ST_RETURNED | 1u << ST_EXITED_SUPPORTED | 1u << ST_EXITED_UNSUPPORTED;
		arena_init(&w.v_arena);
		/* every row when counting (walk_row leaves the others to the rules' statuses) */
		rc = store_each_member_grouped(st, r->as_of, c.lo, c.hi, w.count ? 0 : w.mask, walk_row, &w, e);
		if (rc == ERR_OK) {
			household_rules(&w);
			village_done(&w);
			c.have_walked = w.count;
		}
		arena_free(&w.hh_arena);
		arena_free(&w.v_arena);
		free(w.mv);
		free(w.pv);
	}
	struct rows x = { .c = &c, .year = r->as_of / 10000 };
	if (rc == ERR_OK && c.sel[R_MEMBERS_NONE])
		rc = store_rule_rows(st, SQLR_MEMBERS_NONE, r->as_of, 0, c.lo, c.hi, members_none_row, &x, e);
	if (rc == ERR_OK && c.sel[R_EXIT_YEAR_EVENT])
		rc = store_rule_rows(st, SQLR_EXIT_YEAR, r->as_of, 0, c.lo, c.hi, exit_year_row, &x, e);
	if (rc == ERR_OK && (c.sel[R_INCOME_MISSING] || c.sel[R_EXITED_BELOW_LINE] || c.sel[R_POOR_FAR_ABOVE_LINE] ||
	    c.sel[R_EXITED_BELOW_MONITORING]))
		rc = store_rule_rows(st, SQLR_INCOME_LATEST, r->as_of, x.year, c.lo, c.hi, income_row, &x, e);
	if (rc == ERR_OK && c.sel[R_INCOME_NET])
		rc = store_rule_rows(st, SQLR_INCOME_ITEMS, r->as_of, x.year, c.lo, c.hi, income_items_row, &x, e);
	if (rc == ERR_OK && c.sel[R_ID_DUPLICATE]) {
		struct store_scope_save {
			int64_t lo, hi;
		} save = { st->scope_lo, st->scope_hi };
		st->scope_lo = c.lo;
		st->scope_hi = c.hi;
		struct dup_id *d;
		size_t nd;
		rc = store_duplicate_ids(st, r->as_of, &d, &nd, a, e);
		st->scope_lo = save.lo;
		st->scope_hi = save.hi;
		for (size_t i = 0; rc == ERR_OK && i < nd; i++) {
			char mask[32], **hv;
			size_t nh;
			if ((rc = store_idno_households(st, d[i].id_no, r->as_of, &hv, &nh, a, e)) != ERR_OK)
				break;
			struct buf hz, he;
			buf_init(&hz);
			buf_init(&he);
			for (size_t k = 0; k < nh; k++) {
				buf_printf(&hz, "%s%s", k ? "、" : "", hv[k]);
				buf_printf(&he, "%s%s", k ? ", " : "", hv[k]);
			}
			/* assigned to the first household in the scope that holds it */
			struct household h = { 0 };
			for (size_t k = 0; k < nh && !h.id; k++) {
				struct errinfo ee;
				if (store_household_by_no(st, hv[k], &h, a, &ee) != ERR_OK || h.village < c.lo || h.village > c.hi)
					memset(&h, 0, sizeof(h));
			}
			unsigned char dg[16];
			char hex[33];
			crypto_generichash(dg, sizeof(dg), (const unsigned char *)d[i].id_no, strlen(d[i].id_no), NULL, 0);
			sodium_bin2hex(hex, sizeof(hex), dg, sizeof(dg));
			struct subj s = { .household_id = h.id, .village = h.village, .hh_no = nh ? hv[0] : NULL,
				.key = arena_printf(a, "d:%s", hex) };
			idno_mask(d[i].id_no, mask, sizeof(mask));
			EMIT(&c, R_ID_DUPLICATE, &s, "证件号码 %s 在 %d 名建档立卡人员中重复（户 %s）",
			    "ID number %s is held by %d registered persons (households %s)", mask, d[i].count,
			    msg_lang() == LANG_EN ? he.p : hz.p);
			buf_free(&hz);
			buf_free(&he);
		}
	}
	if (rc == ERR_OK)
		rc = compare_lists(&c, e);
	if (rc == ERR_OK && c.sel[R_BALANCE])
		balance(&c, &rc, e);
	if (rc == ERR_OK && c.sel[R_AGGREGATE])
		aggregates(&c, &rc, e);
	store_read_end(st, began);
	arena_free(&c.scratch);
	free(c.walked);
	if (rc == ERR_OK)
		rc = c.rc;
	if (!c.keeper)
		return rc;
	if (rc != ERR_OK) {
		finding_keeper_abort(c.keeper);
		return rc;
	}
	return finding_keeper_end(c.keeper, e);
}
