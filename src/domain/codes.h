/* codes.h: the versioned code lists of DOMAIN.md §2–3 (sex, relation, ethnicity, education, schooling,
 * health, labour, work, household attribute, causes, identification standard, statuses, event types).
 * Cells are mapped by code, label, alias or English label after folding full-width forms; never by position.
 * Codes marked local in codes.c are Tuopin's own where the national number is not confirmed (DOMAIN.md §14). */
#ifndef TUOPIN_CODES_H
#define TUOPIN_CODES_H

#include <stdbool.h>

#include "lib/buf.h"

enum codelist {
	CL_SEX,
	CL_RELATION,
	CL_ETHNICITY,
	CL_EDUCATION,
	CL_SCHOOLING,
	CL_HEALTH,
	CL_LABOR,
	CL_WORK,
	CL_ATTRIBUTE,
	CL_CAUSE,
	CL_STANDARD,
	CL_STATUS,
	CL_EVENT,
	CL_REASON_ADD,     /* 人员增加原因 */
	CL_REASON_REMOVE,  /* 人员减少原因 */
	CL_MON_TYPE,       /* 监测对象类别 (DOMAIN.md §4.2) */
	CL_MON_RISK,       /* 致贫返贫风险 */
	CL_MON_CHANNEL,    /* 发现渠道 */
	CL_MON_WAY,        /* 风险消除方式 */
	CL_PROGRAMME,      /* 帮扶与社会救助项目 (低保, 低保边缘, 特困) */
	CL__MAX
};

/* Code-list versions (bit flags): the 2014 national form, the 2016 data, the 2019 forms, the 2021+ system. */
enum { V2014 = 1, V2016 = 2, V2019 = 4, V2021 = 8, VALL = 15 };

struct code {
	const char *code;     /* stored in the database and exported by code */
	const char *label;    /* Chinese label, what sheets carry */
	const char *en;       /* English label */
	const char *aliases;  /* other spellings seen in sheets, '|'-separated, or NULL */
	unsigned versions;
};

struct code_list {
	const char *name;     /* Chinese name of the list, for messages: "与户主关系" */
	const char *name_en;
	const struct code *codes;
	size_t n;
};

const struct code_list *codes_list(enum codelist cl);
/* Map a cell to its entry; NULL if nothing matches. Thread-safe. */
const struct code *code_find(enum codelist cl, struct str s);
/* The entry for a stored code, or NULL. */
const struct code *code_by_code(enum codelist cl, const char *code);
/* The label of a stored code in the current language; the code itself if unknown; "" for NULL. */
const char *code_label(enum codelist cl, const char *code);
/* the Chinese label of a code, whatever the user's language (the sheets the office files are Chinese); "" for
 * none or an unknown code */
const char *code_zh(enum codelist cl, const char *code);
/* Which version was in force on a date (YYYYMMDD): 2014, 2016, 2019 or 2021. */
int code_version_for_date(int ymd);
/* Is the entry part of the given version (2014, 2016, 2019, 2021)? */
bool code_in_version(const struct code *c, int version);
/* The list name in the current language. */
const char *codes_list_name(enum codelist cl);

/* Sex rules of DOMAIN.md §3.2 for a relation code: 1 male only, 2 female only, 0 either. */
int relation_required_sex(const char *relation_code);
/* The sex a member of this relation must have ("1" or "2") when SEX is not it; NULL when it fits (or either
 * is unknown, or the relation allows both): the one test of the import, the API, a correction and check. */
const char *relation_sex_unfit(const char *relation_code, const char *sex);
/* A relation at most one member of a household holds: the spouse, the head's parents, parents-in-law and
 * grandparents (the head is counted on its own). */
bool relation_once(const char *relation_code);

#define REL_HEAD "01"
#define REL_SPOUSE "02"
#define SEX_MALE "1"
#define SEX_FEMALE "2"
#define LABOR_NORMAL "01"
#define LABOR_SKILLED "02"
#define LABOR_LOST "03"
#define LABOR_NONE "04"
#define HEALTH_DISABLED "04"
/* Health is personal data (as ID numbers, phones and bank accounts): every masked output shows this in its
 * place, a full view (audited) the state; an update import reads the cell as "unchanged" (it holds '*'). */
#define HEALTH_MASKED "***"
#define HEALTH_MASKS(h, full) (!(full) && (h) && *(h))
/* a member's health as a masked or full output shows it: HEALTH_MASKED, or its label (Chinese when CHINESE,
 * else the user's language) */
const char *health_cell(const char *health, bool full, bool chinese);

#endif
