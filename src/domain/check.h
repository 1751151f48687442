/* check.h: `tuopin check`: data-quality rules over the registry (DOMAIN.md §8.4) and the consistency of the
 * history (the yearly balance identity of §6.2, and the maintained aggregates against the spans). Reads
 * only. Each finding names its rule, the household and the member. */
#ifndef TUOPIN_CHECK_H
#define TUOPIN_CHECK_H

#include "store/store.h"

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
	R__MAX
};

struct rule_info {
	const char *code;    /* stable: "ID_CHECKSUM" */
	const char *ref;     /* the national audit rule it follows (DOMAIN.md §8.4), or "" */
	const char *zh, *en; /* what it checks */
};
extern const struct rule_info rules[R__MAX];
/* By code (case-insensitive) or ref; -1 if unknown. */
int rule_find(const char *s);

struct finding {
	enum rule rule;
	char *hh_no;        /* or NULL for whole-registry findings */
	char *member;       /* "姓名 3713**********0011" or NULL */
	char *message;
};

struct check_query {
	int as_of;          /* 0: today */
	int only;           /* a rule, or -1 for all */
	int64_t division;   /* 0: the scope */
};

struct check_result {
	int as_of;
	struct finding *v;
	size_t n, cap;
	size_t households, members;   /* examined */
};

enum err check_run(struct store *st, const struct check_query *q, struct check_result *r, struct arena *a,
    struct errinfo *e);

#endif
