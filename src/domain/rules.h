/* rules.h: the data-quality rules of 托底清零 (DOMAIN.md §8) as one table: each rule's stable code, the
 * national audit number it follows where there is one (§8.4), its problem category (§8.1), severity, what
 * it checks and how to fix it (Chinese and English), and how it is implemented: a C predicate over the
 * streamed members and households (check.c), a set-based statement in the store (store_check.c), a
 * comparison with another department's list (store_external.c, fed by the list kinds of external.c), or a
 * check of the whole history. Data only; the engine is check.c. */
#ifndef TUOPIN_RULES_H
#define TUOPIN_RULES_H

#include <stdbool.h>

/* The order is the order findings are listed in. The first sixteen are the rules `tuopin check` has had
 * from the start. */
enum rule {
	R_ID_LENGTH,
	R_ID_CHARS,
	R_ID_CHECKSUM,
	R_ID_DATE,
	R_ID_PROVINCE,
	R_ID_PLACEHOLDER,
	R_ID_SEX,
	R_ID_DUPLICATE,
	R_HEAD_NONE,
	R_HEAD_SEVERAL,
	R_RELATION_SEX,
	R_SPOUSE_SEX,
	R_CHILD_LABOR,
	R_OLD_LABOR,
	R_BALANCE,
	R_AGGREGATE,
	/* members: identity */
	R_ID_EMPTY,
	R_CARD_CHECKSUM,
	R_NAME_FORMAT,
	R_AGE_IMPLAUSIBLE,
	/* members: attributes */
	R_ETHNICITY_EMPTY,
	R_HEALTH_EMPTY,
	R_LABOR_EMPTY,
	R_EDU_SCHOOL_EMPTY,
	R_EDU_SCHOOL_BOTH,
	R_PRESCHOOL_EDU,
	R_PRESCHOOL_AGE,
	R_SCHOOL_AGE_EMPTY,
	R_MEDICAL_INS_EMPTY,
	R_SERIOUS_INS_EMPTY,
	R_PENSION_INS_EMPTY,
	R_NO_LABOR_WORKING,
	R_STUDENT_WORKING,
	R_WORK_MONTHS_NO_STATUS,
	R_WORK_STATUS_NO_MONTHS,
	R_WORKER_PHONE_MOBILE,
	R_CARD_NOT_DISABLED,
	R_SEVERE_DISABILITY_LABOR,
	R_TEKUN_WORKING_OUTSIDE,
	R_DIBAO_TEKUN_BOTH,
	/* households */
	R_SPOUSE_SEVERAL,
	R_RELATION_SEVERAL,
	R_HEAD_MINOR,
	R_RELATION_AGE,
	R_ATTRIBUTE_EMPTY,
	R_CAUSE_MAIN_EMPTY,
	R_CAUSE_OTHER_REPEATS,
	R_STANDARD_EMPTY,
	R_IDENTIFIED_EMPTY,
	R_IDENTIFIED_FUTURE,
	R_EXIT_YEAR_MISSING,
	R_EXIT_YEAR_ON_POOR,
	R_EXIT_BEFORE_IDENTIFIED,
	R_HH_PHONE_MOBILE,
	R_ATTR_DIBAO,
	R_ATTR_TEKUN,
	R_CAUSE_DISABILITY,
	R_CAUSE_ILLNESS,
	R_CAUSE_LABOR,
	R_CAUSE_SCHOOL,
	R_MONITORED_POOR,
	R_EXITED_DROPOUT,
	R_EXITED_UNINSURED,
	R_NAME_BIRTH_DUPLICATE,
	/* set-based, in the store */
	R_MEMBERS_NONE,
	R_EXIT_YEAR_EVENT,
	R_INCOME_MISSING,
	R_INCOME_NET,
	R_EXITED_BELOW_LINE,
	R_POOR_FAR_ABOVE_LINE,
	R_EXITED_BELOW_MONITORING,
	/* other departments' lists */
	R_DEATH_COUNTED,
	R_DEATH_REGISTERED,
	R_MOVED_OUT,
	R_VEHICLE,
	R_HOUSING,
	R_BUSINESS,
	R_PAYROLL,
	R_DIBAO_NOT_FLAGGED,
	R_DIBAO_NOT_ON_ROLL,
	R_DIBAO_MISSED,
	R_TEKUN_NOT_FLAGGED,
	R_TEKUN_NOT_ON_ROLL,
	R_TEKUN_MISSED,
	R_DISABILITY_NOT_RECORDED,
	R_MEDICAL_LIST,
	R_PENSION_LIST,
	R_EMPLOYED_NOT_RECORDED,
	R_NAME_MISMATCH,
	R__MAX
};

/* 识别不准, 退出不准, 信息不准, 档案不规范 (DOMAIN.md §8.1). */
enum category { CAT_IDENTIFICATION, CAT_EXIT, CAT_INFORMATION, CAT_RECORDS, CAT__MAX };
enum severity { SEV_ERROR, SEV_WARNING, SEV__MAX };

/* How a rule is evaluated. */
enum rule_kind {
	RK_MEMBER,      /* a C predicate over one member (with its household), streamed */
	RK_HOUSEHOLD,   /* a C predicate over one household and its members, streamed */
	RK_SQL,         /* a set-based statement in the store */
	RK_EXTERNAL,    /* a comparison with the rows of another department's lists */
	RK_HISTORY,     /* the history as a whole: the balance identity and the maintained aggregates */
};

struct rule_info {
	const char *code;     /* stable: "ID_CHECKSUM" */
	const char *ref;      /* the national audit rule it follows (DOMAIN.md §8.4), a section, or "" */
	enum category category;
	enum severity severity;
	enum rule_kind kind;
	const char *list;     /* RK_EXTERNAL: the list kind that feeds it ("death"); NULL: any kind */
	const char *zh, *en;  /* what it checks */
	const char *fix_zh, *fix_en;   /* what to do about it */
};
extern const struct rule_info rules[R__MAX];

/* By code (case-insensitive) or national number (the first rule with it); -1 if unknown. */
int rule_find(const char *s);
const char *rule_label(enum rule r);                 /* in the current language */
const char *rule_fix(enum rule r);
const char *category_code(enum category c);          /* "identification", ... */
const char *category_label(enum category c);         /* 识别不准 ... in the current language */
bool category_from_code(const char *s, enum category *out);   /* by code or Chinese label */
const char *severity_code(enum severity s);          /* "error", "warning" */
const char *severity_label(enum severity s);

#endif
