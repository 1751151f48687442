/* fields.c: sheet columns and cell parsers. */
#include "domain/fields.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"

const struct field fields[C__MAX] = {
	[C_VILLAGE_CODE] = { "village_code", "行政区划代码", "区划代码|村代码|行政村代码", F_DIVCODE, 0, 0 },
	[C_TOWN] = { "town", "乡镇", "乡(镇)|乡镇(街道)|镇", F_TEXT, 0, 64 },
	[C_VILLAGE] = { "village", "行政村", "村|村名", F_TEXT, 0, 64 },
	[C_HH_NO] = { "hh_no", "户编号", "户号|household_no", F_TEXT, 0, 32 },
	[C_NAME] = { "name", "姓名", "成员姓名", F_TEXT, 0, 64 },
	[C_ID_NO] = { "id_no", "证件号码", "身份证号码|身份证号|公民身份号码|证件号", F_IDNO, 0, 0 },
	[C_RELATION] = { "relation", "与户主关系", NULL, F_CODE, CL_RELATION, 0 },
	[C_SEX] = { "sex", "性别", NULL, F_CODE, CL_SEX, 0 },
	[C_ETHNICITY] = { "ethnicity", "民族", NULL, F_CODE, CL_ETHNICITY, 0 },
	[C_EDUCATION] = { "education", "文化程度", NULL, F_CODE, CL_EDUCATION, 0 },
	[C_SCHOOLING] = { "schooling", "在校生状况", "在校生情况", F_CODE, CL_SCHOOLING, 0 },
	[C_HEALTH] = { "health", "健康状况", NULL, F_CODE, CL_HEALTH, 0 },
	[C_LABOR] = { "labor", "劳动技能", "劳动能力", F_CODE, CL_LABOR, 0 },
	[C_WORK_STATUS] = { "work_status", "务工状况", NULL, F_CODE, CL_WORK, 0 },
	[C_WORK_MONTHS] = { "work_months", "务工时间（月）", "务工时间|务工月数", F_INT, 0, 12 },
	[C_INS_MEDICAL] = { "ins_medical", "是否参加城乡居民基本医疗保险", "是否参加新农合|参加城乡居民基本医疗保险",
		F_BOOL, 0, 0 },
	[C_INS_SERIOUS] = { "ins_serious", "是否参加大病保险", NULL, F_BOOL, 0, 0 },
	[C_INS_PENSION] = { "ins_pension", "是否参加城乡居民基本养老保险", "是否参加新农保", F_BOOL, 0, 0 },
	[C_DIBAO] = { "dibao", "是否享受低保", "是否享受农村居民最低生活保障", F_BOOL, 0, 0 },
	[C_TEKUN] = { "tekun", "是否特困供养", "是否享受特困供养", F_BOOL, 0, 0 },
	[C_MEMBER_PHONE] = { "member_phone", "人联系电话", "成员联系电话", F_PHONE, 0, 0 },
	[C_ATTRIBUTE] = { "attribute", "贫困户属性", NULL, F_CODE, CL_ATTRIBUTE, 0 },
	[C_CAUSE_MAIN] = { "cause_main", "主要致贫原因", NULL, F_CODE, CL_CAUSE, 0 },
	[C_CAUSE_OTHER] = { "cause_other", "其他致贫原因", NULL, F_CAUSES, CL_CAUSE, 0 },
	[C_ID_STANDARD] = { "id_standard", "识别标准", NULL, F_CODE, CL_STANDARD, 0 },
	[C_STATUS] = { "status", "贫困户状态", "脱贫标志|贫困状态", F_CODE, CL_STATUS, 0 },
	[C_IDENTIFIED_YM] = { "identified_ym", "识别年月", "首次识别时间", F_YM, 0, 0 },
	[C_EXIT_YEAR] = { "exit_year", "脱贫年度", NULL, F_YEAR, 0, 0 },
	[C_PHONE] = { "phone", "户联系电话", "联系电话", F_PHONE, 0, 0 },
	[C_BANK] = { "bank", "开户银行", "开户行|开户银行名称", F_TEXT, 0, 64 },
	[C_BANK_ACCOUNT] = { "bank_account", "银行账号", "银行卡号|银行账户|一卡通账号|财政一卡通账号", F_ACCOUNT, 0, 0 },
	[C_NET_INCOME_PC] = { "net_income_pc", "人均纯收入", "家庭年人均纯收入", F_MONEY, 0, 0 },
	[C_INCOME_YEAR] = { "income_year", "收入年度", NULL, F_YEAR, 0, 0 },
	[C_EVENT_TYPE] = { "type", "变动类型", "事件类型", F_CODE, CL_EVENT, 0 },
	[C_EFFECTIVE] = { "effective", "生效日期", "变动日期", F_DATE, 0, 0 },
	[C_BATCH] = { "batch", "批次", NULL, F_TEXT, 0, 64 },
	[C_REASON] = { "reason", "原因", "变动原因", F_TEXT, 0, 200 },
	[C_CORRECTION] = { "correction", "是否更正", NULL, F_BOOL, 0, 0 },
	[C_TARGET_HH_NO] = { "target_hh_no", "目标户编号", "新户编号", F_TEXT, 0, 32 },
	[C_NEW_ID_NO] = { "new_id_no", "新证件号码", "更正后证件号码|正确证件号码|更正证件号码", F_IDNO, 0, 0 },
	[C_BIRTH] = { "birth", "出生日期", NULL, F_DATE, 0, 0 },
	[C_NEW_HEAD] = { "new_head", "新户主证件号码", "新户主|新户主身份证号", F_IDNO, 0, 0 },
	[C_FORMER_HEAD] = { "former_head_relation", "原户主改为", "原户主与户主关系|原户主与新户主关系", F_CODE, CL_RELATION, 0 },
	[C_WAGE] = { "wage", "工资性收入", "工资性收入（元）|务工收入", F_MONEY, 0, 0 },
	[C_BUSINESS] = { "business", "生产经营性收入", "生产经营性收入（元）|经营性收入", F_MONEY, 0, 0 },
	[C_PROPERTY] = { "property", "财产性收入", "财产性收入（元）", F_MONEY, 0, 0 },
	[C_TRANSFER] = { "transfer", "转移性收入", "转移性收入（元）", F_MONEY, 0, 0 },
	[C_BUSINESS_COST] = { "business_cost", "生产经营性支出", "生产经营性支出（元）|经营支出", F_MONEY, 0, 0 },
	[C_HH_SIZE] = { "size", "家庭人口", "家庭人口数|人口数|户人数", F_INT, 0, 30 },
	[C_DIV_CODE] = { "code", "代码", "统计用区划代码", F_DIVCODE, 0, 0 },
	[C_DIV_NAME] = { "name", "名称", NULL, F_TEXT, 0, 64 },
	[C_DIV_LEVEL] = { "level", "级别", NULL, F_TEXT, 0, 8 },
	[C_DIV_PARENT] = { "parent", "上级代码", NULL, F_DIVCODE, 0, 0 },
	[C_DIV_POOR] = { "poor_village", "是否省定贫困村", "是否贫困村", F_BOOL, 0, 0 },
	[C_DIV_EXIT_YEAR] = { "exit_year", "贫困村出列年度", "出列年度", F_YEAR, 0, 0 },
	[C_DIV_RURAL_POP] = { "rural_pop", "乡村人口", "农村人口", F_INT, 0, 100000000 },
};

/* A cell's text for a message: at most 60 bytes, cut before a character rather than inside one (a cut
 * character would make the message invalid UTF-8, and the problem unprintable as JSON). */
static const char *
excerpt(struct str s, char *t, size_t size)
{
	size_t n = s.n < 60 ? s.n : 60;
	if (n < s.n)
		while (n > 0 && ((unsigned char)s.p[n] & 0xC0) == 0x80)
			n--;
	snprintf(t, size, "%.*s", (int)n, s.p);
	return t;
}

/* A cell refused: the problem (with the cell's text, cut at 60 bytes, in the message) when p is not NULL. */
static bool
refuse(struct problems *p, int row, const char *col, struct str s, enum msg id)
{
	char t[64];
	excerpt(s, t, sizeof(t));
	if (p)
		problem_add(p, false, row, col, s, id, t);
	return false;
}

static bool
label_eq(struct str cell, const char *label)
{
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	utf8_fold(cell, &a);
	utf8_fold(str_from(label), &b);
	bool eq = a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
	if (!eq && a.n == b.n) {   /* English aliases: case-insensitive */
		eq = true;
		for (size_t i = 0; i < a.n; i++) {
			char x = a.p[i], y = b.p[i];
			if (x >= 'A' && x <= 'Z')
				x += 32;
			if (y >= 'A' && y <= 'Z')
				y += 32;
			if (x != y)
				eq = false;
		}
	}
	buf_free(&a);
	buf_free(&b);
	return eq;
}

static bool
matches(const struct field *f, struct str cell)
{
	if (label_eq(cell, f->label) || label_eq(cell, f->key))
		return true;
	for (const char *a = f->aliases; a && *a;) {
		const char *bar = strchr(a, '|');
		size_t n = bar ? (size_t)(bar - a) : strlen(a);
		char tmp[128];
		snprintf(tmp, sizeof(tmp), "%.*s", (int)n, a);
		if (label_eq(cell, tmp))
			return true;
		a = bar ? bar + 1 : a + n;
	}
	return false;
}

int
header_map(struct header *h, const struct str *cells, size_t n, struct problems *p, struct arena *a)
{
	int found = 0;
	for (int c = 0; c < C__MAX; c++) {
		h->col[c] = -1;
		h->label[c] = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		struct str cell = str_trim(cells[i]);
		if (cell.n == 0)
			continue;
		for (int c = 0; c < C__MAX; c++) {
			/* The divisions sheet shares 名称/代码 with nothing else; the same field set serves all sheets. */
			if (!matches(&fields[c], cell))
				continue;
			if (h->col[c] >= 0) {
				if (p)
					problem_add(p, false, 1, arena_strndup(a, cell.p, cell.n), cell, MSG_DUP_COLUMN);
			} else {
				h->col[c] = (int)i;
				h->label[c] = arena_strndup(a, cell.p, cell.n);
				found++;
			}
			break;
		}
	}
	return found;
}

struct str
header_cell(const struct header *h, enum col c, const struct str *cells, size_t n)
{
	int i = h->col[c];
	if (i < 0 || (size_t)i >= n)
		return (struct str){ "", 0 };
	return str_trim(cells[i]);
}

const char *
header_label(const struct header *h, enum col c)
{
	return h && h->label[c] ? h->label[c] : fields[c].label;
}

/* ---- parsers ---- */

bool
parse_code(enum codelist cl, struct str s, const char **out, struct problems *p, int row, const char *col)
{
	*out = NULL;
	if (s.n == 0)
		return true;
	const struct code *c = code_find(cl, s);
	if (!c) {
		char v[64];
		excerpt(s, v, sizeof(v));
		if (p)
			problem_add(p, false, row, col, s, MSG_UNKNOWN_CODE, v, codes_list_name(cl));
		return false;
	}
	*out = c->code;
	return true;
}

bool
parse_bool(struct str s, int *out, struct problems *p, int row, const char *col)
{
	static const char *const yes[] = { "是", "1", "Y", "y", "yes", "Yes", "YES", "TRUE", "true", "√" };
	static const char *const no[] = { "否", "0", "N", "n", "no", "No", "NO", "FALSE", "false", "×" };
	*out = -1;
	if (s.n == 0)
		return true;
	for (size_t i = 0; i < NELEM(yes); i++)
		if (str_eq(s, yes[i])) {
			*out = 1;
			return true;
		}
	for (size_t i = 0; i < NELEM(no); i++)
		if (str_eq(s, no[i])) {
			*out = 0;
			return true;
		}
	char v[64];
	excerpt(s, v, sizeof(v));
	if (p)
		problem_add(p, false, row, col, s, MSG_BAD_BOOL, v);
	return false;
}

bool
parse_int_range(struct str s, int lo, int hi, int *out, struct problems *p, int row, const char *col)
{
	int64_t v;
	char t[64];
	*out = -1;
	if (s.n == 0)
		return true;
	excerpt(s, t, sizeof(t));
	/* Excel writes whole numbers as "6" but sometimes "6.0". */
	struct str d = s;
	if (d.n > 2 && memcmp(d.p + d.n - 2, ".0", 2) == 0)
		d.n -= 2;
	if (!parse_i64(d.p, d.n, &v)) {
		if (p)
			problem_add(p, false, row, col, s, MSG_BAD_INT, t);
		return false;
	}
	if (v < lo || v > hi) {
		if (p)
			problem_add(p, false, row, col, s, MSG_BAD_RANGE, t, lo, hi);
		return false;
	}
	*out = (int)v;
	return true;
}

bool
parse_money(struct str s, int64_t *out, struct problems *p, int row, const char *col)
{
	char t[64];
	*out = -1;
	if (s.n == 0)
		return true;
	if (!parse_money_fen(s.p, s.n, out) || *out < 0 || *out > MONEY_MAX_FEN) {
		bool cap = *out > MONEY_MAX_FEN;
		excerpt(s, t, sizeof(t));
		*out = -1;
		if (p)
			problem_add(p, false, row, col, s, cap ? MSG_MONEY_CAP : MSG_BAD_MONEY, t);
		return false;
	}
	return true;
}

bool
parse_date_cell(struct str s, int *out, struct problems *p, int row, const char *col)
{
	char t[64];
	*out = 0;
	if (s.n == 0)
		return true;
	if (!date_parse(s, out)) {
		excerpt(s, t, sizeof(t));
		*out = 0;
		if (p)
			problem_add(p, false, row, col, s, MSG_BAD_DATE, t);
		return false;
	}
	return true;
}

bool
parse_ym(struct str s, int *out, struct problems *p, int row, const char *col)
{
	char t[64];
	int64_t v;
	*out = 0;
	if (s.n == 0)
		return true;
	/* 201404, 2014-04, 2014/4 */
	char digits[8];
	size_t k = 0;
	bool sep = false;
	for (size_t i = 0; i < s.n && k < 7; i++) {
		if (s.p[i] >= '0' && s.p[i] <= '9')
			digits[k++] = s.p[i];
		else if ((s.p[i] == '-' || s.p[i] == '/' || s.p[i] == '.') && k == 4 && !sep)
			sep = true;
		else {
			k = 99;
			break;
		}
	}
	if (sep && k == 5) {   /* 2014-4 */
		digits[5] = digits[4];
		digits[4] = '0';
		k = 6;
	}
	if (k == 6 && parse_i64(digits, 6, &v) && v / 100 >= 1980 && v / 100 <= 2100 && v % 100 >= 1 &&
	    v % 100 <= 12) {
		*out = (int)v;
		return true;
	}
	/* A whole date: what a spreadsheet cell formatted as a date holds (Excel serial 41640 in a date cell is
	 * read as 2014-01-01); its year and month are meant. */
	int ymd;
	if (date_parse(s, &ymd) && ymd / 10000 >= 1980 && ymd / 10000 <= 2100) {
		*out = ymd / 100;
		return true;
	}
	excerpt(s, t, sizeof(t));
	if (p)
		problem_add(p, false, row, col, s, MSG_BAD_YM, t);
	return false;
}

enum err
record_day(int day, int today, const char *field, enum msg future, struct errinfo *e)
{
	char d[11];
	if (today && day > today)
		return errinfo_set(e, ERR_INVALID, field, future, date_format(day, d));
	if (day < DATE_RECORDS_FROM)
		return errinfo_set(e, ERR_INVALID, field, MSG_DATE_TOO_EARLY, date_format(day, d));
	return ERR_OK;
}

bool
parse_year(struct str s, int *out, struct problems *p, int row, const char *col)
{
	int64_t v;
	char t[64];
	*out = 0;
	if (s.n == 0)
		return true;
	struct str d = s;
	if (d.n > 2 && memcmp(d.p + d.n - 2, ".0", 2) == 0)
		d.n -= 2;
	if (d.n >= 3 && memcmp(d.p + d.n - 3, "年", 3) == 0)
		d.n -= 3;
	if (parse_i64(d.p, d.n, &v) && v >= 1980 && v <= 2100) {
		*out = (int)v;
		return true;
	}
	excerpt(s, t, sizeof(t));
	if (p)
		problem_add(p, false, row, col, s, MSG_BAD_YEAR, t);
	return false;
}

bool
parse_phone(struct str s, char **out, struct arena *a, struct problems *p, int row, const char *col)
{
	*out = NULL;
	if (s.n == 0)
		return true;
	/* Mobile 1[3-9]xxxxxxxxx, or a landline with area code: digits and at most one hyphen, 7-13 digits. */
	size_t digits = 0, hyphens = 0;
	bool ok = true;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] >= '0' && s.p[i] <= '9')
			digits++;
		else if (s.p[i] == '-' && i > 0 && hyphens == 0)
			hyphens++;
		else
			ok = false;
	}
	if (ok && s.n == 11 && hyphens == 0 && s.p[0] == '1')
		ok = s.p[1] >= '3' && s.p[1] <= '9';
	else if (ok)
		ok = digits >= 7 && digits <= 13 && s.p[0] == '0';
	if (!ok) {
		return refuse(p, row, col, s, MSG_BAD_PHONE);
	}
	*out = arena_strndup(a, s.p, s.n);
	return true;
}

/* A number written with an exponent ("6.217E+18"), as a spreadsheet shows a long number. */
static bool
exponent_number(struct str s)
{
	bool exp = false;
	for (size_t i = 0; i < s.n; i++) {
		char c = s.p[i];
		if (c == 'E' || c == 'e')
			exp = true;
		else if (!(c >= '0' && c <= '9') && c != '.' && c != '+')
			return false;
	}
	return exp && s.n > 2;
}

bool
parse_bank_account(struct str s, char **out, struct arena *a, struct problems *p, int row, const char *col)
{
	*out = NULL;
	if (s.n == 0)
		return true;
	char digits[33];
	size_t n = 0;
	bool ok = true;
	for (size_t i = 0; i < s.n && ok; i++) {
		if (s.p[i] >= '0' && s.p[i] <= '9') {
			if (n < 32)
				digits[n] = s.p[i];
			n++;
		} else if ((s.p[i] == ' ' || s.p[i] == '-') && n > 0 && i + 1 < s.n)
			;   /* a separator between groups */
		else
			ok = false;
	}
	if (!ok && exponent_number(s)) {
		/* "6.21700001234568E+18": Excel kept 15 digits of a number */
		if (p)
			problem_add(p, false, row, col, s, MSG_NUMERIC_ACCOUNT);
		return false;
	}
	if (!ok || n < 8 || n > 32) {
		return refuse(p, row, col, s, MSG_BAD_ACCOUNT);
	}
	*out = arena_strndup(a, digits, n);
	return true;
}

bool
parse_causes(struct str s, char **out, struct arena *a, struct problems *p, int row, const char *col)
{
	*out = NULL;
	if (s.n == 0)
		return true;
	static const char *const seps[] = { "、", "，", ",", "；", ";", " ", "/" };
	const char *codes[8];
	size_t k = 0;
	const char *q = s.p, *end = s.p + s.n;
	bool ok = true;
	while (q < end) {
		const char *next = end;
		size_t seplen = 0;
		for (size_t i = 0; i < NELEM(seps); i++) {
			const char *f = NULL;
			size_t L = strlen(seps[i]);
			for (const char *x = q; x + L <= end; x++)
				if (memcmp(x, seps[i], L) == 0) {
					f = x;
					break;
				}
			if (f && f < next) {
				next = f;
				seplen = L;
			}
		}
		struct str part = str_trim((struct str){ q, (size_t)(next - q) });
		if (part.n > 0) {
			const char *code;
			if (!parse_code(CL_CAUSE, part, &code, p, row, col))
				ok = false;
			else if (k < NELEM(codes))
				codes[k++] = code;
		}
		q = next + seplen;
		if (seplen == 0)
			break;
	}
	if (!ok)
		return false;
	if (k > 2) {
		if (p)
			problem_add(p, false, row, col, s, MSG_TOO_MANY_CAUSES);
		return false;
	}
	if (k == 2 && strcmp(codes[0], codes[1]) == 0) {   /* the same cause twice counts once in no report */
		if (p)
			problem_add(p, false, row, col, s, MSG_CAUSE_REPEATED, code_label(CL_CAUSE, codes[0]));
		return false;
	}
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < k; i++) {
		if (i)
			buf_putc(&b, ',');
		buf_puts(&b, codes[i]);
	}
	*out = k ? arena_strdup(a, b.p) : NULL;
	buf_free(&b);
	return true;
}

bool
parse_text(struct str s, int max_chars, char **out, struct arena *a, struct problems *p, int row, const char *col)
{
	*out = NULL;
	if (s.n == 0)
		return true;
	if (max_chars > 0 && utf8_len(s.p, s.n) > (size_t)max_chars) {
		if (p)
			problem_add(p, false, row, col, s, MSG_TOO_LONG, max_chars);
		return false;
	}
	/* Control characters have no place in a name or a number, nor a bidirectional override (a name that
	 * shows reversed): the same characters a request's texts are refused for (lib/utf8.c) */
	size_t at;
	if (utf8_bad_char(s.p, s.n, false, &at)) {
		if (p)
			problem_add(p, false, row, col, s, MSG_CONTROL_CHAR);
		return false;
	}
	*out = arena_strndup(a, s.p, s.n);
	return true;
}

bool
parse_divcode(struct str s, int64_t *out, struct problems *p, int row, const char *col)
{
	int64_t v;
	*out = 0;
	if (s.n == 0)
		return true;
	if ((s.n == 6 || s.n == 9 || s.n == 12) && parse_i64(s.p, s.n, &v) && s.p[0] != '0' && v > 0) {
		if (s.n == 6)
			v *= 1000000;
		else if (s.n == 9)
			v *= 1000;
		*out = v;
		return true;
	}
	return refuse(p, row, col, s, MSG_DIV_CODE);
}

/* ---- the sheets one imports, for the templates and the import page ---- */

static const enum col div_cols[] = { C_DIV_CODE, C_DIV_NAME, C_DIV_LEVEL, C_DIV_PARENT, C_DIV_POOR, C_DIV_EXIT_YEAR,
	C_DIV_RURAL_POP };
static const enum col div_req[] = { C_DIV_CODE, C_DIV_NAME };
static const enum col reg_cols[] = { C_VILLAGE_CODE, C_TOWN, C_VILLAGE, C_HH_NO, C_NAME, C_ID_NO, C_RELATION, C_SEX,
	C_ETHNICITY, C_EDUCATION, C_SCHOOLING, C_HEALTH, C_LABOR, C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL,
	C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN, C_MEMBER_PHONE, C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER,
	C_ID_STANDARD, C_STATUS, C_IDENTIFIED_YM, C_EXIT_YEAR, C_PHONE, C_BANK, C_BANK_ACCOUNT, C_NET_INCOME_PC,
	C_INCOME_YEAR };
static const enum col reg_req[] = { C_HH_NO, C_NAME, C_ID_NO, C_RELATION, C_SEX };
/* every column the change importer reads: a member's for 人员增加 and 信息更正, the household's for 信息更正 */
static const enum col ev_cols[] = { C_HH_NO, C_EVENT_TYPE, C_EFFECTIVE, C_REASON, C_BATCH, C_CORRECTION,
	C_TARGET_HH_NO, C_NAME, C_ID_NO, C_RELATION, C_SEX, C_ETHNICITY, C_EDUCATION, C_SCHOOLING, C_HEALTH, C_LABOR,
	C_WORK_STATUS, C_WORK_MONTHS, C_INS_MEDICAL, C_INS_SERIOUS, C_INS_PENSION, C_DIBAO, C_TEKUN, C_MEMBER_PHONE,
	C_NEW_ID_NO, C_BIRTH, C_NEW_HEAD, C_FORMER_HEAD, C_ATTRIBUTE, C_CAUSE_MAIN, C_CAUSE_OTHER, C_ID_STANDARD, C_IDENTIFIED_YM,
	C_EXIT_YEAR, C_PHONE, C_BANK, C_BANK_ACCOUNT };
static const enum col ev_req[] = { C_HH_NO, C_EVENT_TYPE, C_EFFECTIVE };
static const enum col inc_cols[] = { C_HH_NO, C_INCOME_YEAR, C_WAGE, C_BUSINESS, C_PROPERTY, C_TRANSFER,
	C_BUSINESS_COST, C_HH_SIZE, C_NET_INCOME_PC };
static const enum col inc_req[] = { C_HH_NO, C_INCOME_YEAR };

const struct sheet_spec sheet_specs[] = {
	{ "registry", "建档立卡名单", "Registry", reg_cols, NELEM(reg_cols), reg_req, NELEM(reg_req), false,
	  "另须有“行政区划代码”，或“乡镇”和“行政村”两列", "also 行政区划代码, or both 乡镇 and 行政村" },
	{ "events", "变动记录", "Changes", ev_cols, NELEM(ev_cols), ev_req, NELEM(ev_req), false, NULL, NULL },
	{ "income", "收入调查", "Income survey", inc_cols, NELEM(inc_cols), inc_req, NELEM(inc_req), false,
	  "至少一项收入（或人均纯收入）", "at least one income item (or 人均纯收入)" },
	{ "divisions", "行政区划", "Divisions", div_cols, NELEM(div_cols), div_req, NELEM(div_req), true, NULL, NULL },
};
const size_t n_sheet_specs = NELEM(sheet_specs);

const struct sheet_spec *
sheet_spec_find(const char *kind)
{
	for (size_t i = 0; kind && i < n_sheet_specs; i++)
		if (strcmp(sheet_specs[i].kind, kind) == 0)
			return &sheet_specs[i];
	return NULL;
}

const char *
field_json_text(void *jv, struct arena *a)
{
	json_t *v = jv;
	if (!v || json_is_null(v))
		return "";
	if (json_is_string(v))
		return arena_strdup(a, json_string_value(v));
	if (json_is_integer(v))
		return arena_printf(a, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return arena_printf(a, "%.2f", json_real_value(v));
	if (json_is_boolean(v))
		return json_is_true(v) ? "是" : "否";
	if (!json_is_array(v))
		return "\x01";
	struct buf b;
	buf_init(&b);
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		if (i)
			buf_puts(&b, "、");
		buf_puts(&b, field_json_text(x, a));
	}
	const char *s = arena_strdup(a, b.p ? b.p : "");
	buf_free(&b);
	return s;
}
