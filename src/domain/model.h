/* model.h: the registry's types: divisions, households, members, spans, events and statuses
 * (ARCHITECTURE.md §2–3). Plain data; the rules live in the other domain files. No SQL, no HTTP. */
#ifndef TUOPIN_MODEL_H
#define TUOPIN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/util.h"

enum status {
	ST_NONE = 0,        /* not (yet) in the registry at that date */
	ST_POOR,
	ST_RETURNED,
	ST_EXITED_SUPPORTED,
	ST_EXITED_UNSUPPORTED,
	ST_REMOVED,
	ST_CANCELLED,
	ST_ORDINARY,        /* 一般农户: a rural household never in the 建档立卡 registry (monitoring since 2021, 常态化帮扶
			     * since 2026); counted in no registry figure */
	ST__MAX
};

enum evtype {
	EV_IDENTIFY,
	EV_INCLUDE_MISSED,
	EV_EXIT,
	EV_POLICY_END,
	EV_POLICY_RESUME,
	EV_RETURN,
	EV_REMOVE,
	EV_CLEAR,
	EV_CANCEL,
	EV_MEMBER_ADD,
	EV_MEMBER_REMOVE,
	EV_SPLIT,
	EV_MERGE,
	EV_MONITOR_IN,
	EV_RISK_ELIMINATE,
	EV_DATA_FIX,
	EV_ENROL,           /* 一般农户纳入: an ordinary household (ST_ORDINARY) entered with its members */
	EV__MAX
};

/* Which history an event rewrites; a correction supersedes earlier events of its own chain only. */
enum chain { CHAIN_NONE = 0, CHAIN_STATUS = 1, CHAIN_MEMBER = 2, CHAIN_MONITOR = 3 };

enum level { LV_PROVINCE = 1, LV_CITY, LV_COUNTY, LV_TOWN, LV_VILLAGE };
/* How many codes one division of a level spans (12-digit NBS codes: a province 37 0000000000, a city 3701 00000000,
 * a county 370181 000000, a town 370181100 000, a village itself): a division's code is a multiple of it, and its
 * villages are the codes below code + level_unit(level). 1 for level 0 and villages. */
static inline int64_t
level_unit(int level)
{
	static const int64_t unit[] = { 1, 10000000000LL, 100000000LL, 1000000LL, 1000LL, 1 };
	return level >= LV_PROVINCE && level <= LV_VILLAGE ? unit[level] : 1;
}
/* The division of a level that a code belongs to. */
static inline int64_t
division_at(int64_t code, int level)
{
	return code / level_unit(level) * level_unit(level);
}

struct division {
	int64_t code;        /* 12-digit NBS code */
	char *name;
	int level;
	int64_t parent;      /* 0 for none */
	bool poor_village;   /* 省定贫困村 */
	int exit_year;       /* 贫困村出列年度, 0 if none */
	int64_t rural_pop;   /* 乡村人口, -1 if unknown */
};
/* The division of v[0..n) (sorted by code, as the store gives them) with code; NULL if none. */
static inline const struct division *
division_find(const struct division *v, size_t n, int64_t code)
{
	size_t i = lower_bound_i64(v, n, sizeof(*v), offsetof(struct division, code), code);
	return i < n && v[i].code == code ? &v[i] : NULL;
}

struct household {
	int64_t id;
	char *hh_no;          /* 户编号 */
	int64_t village;
	enum status status;   /* at the latest date, as now known */
	bool monitored;
	char *attribute;      /* CL_ATTRIBUTE code */
	char *cause_main;     /* CL_CAUSE code */
	char *cause_other;    /* up to two CL_CAUSE codes, comma-separated */
	char *id_standard;    /* CL_STANDARD code */
	int identified_ym;    /* 识别年月 YYYYMM, 0 unknown */
	int exit_year;        /* 脱贫年度, 0 none */
	char *phone;
	char *bank;           /* 开户银行 */
	char *bank_account;   /* 银行账号 (财政一卡通), digits only */
	int code_version;
	int64_t created_at, updated_at;
};

struct member {
	int64_t id;
	int64_t household_id;
	char *id_no;
	int id_kind;          /* enum id_kind */
	char *name;
	char *sex;            /* CL_SEX */
	int birth;            /* YYYYMMDD, 0 unknown */
	char *relation;       /* CL_RELATION */
	char *ethnicity, *education, *schooling, *health, *labor, *work_status;
	int work_months;      /* -1 unknown */
	int ins_medical, ins_serious, ins_pension, dibao, tekun;   /* 1 yes, 0 no, -1 unknown */
	char *phone;
	int info_date;        /* the date the attributes were stated (for age rules) */
};

/* One interval of a bitemporal history: valid [valid_from, valid_to) in days, recorded
 * [rec_from, rec_to) in stamps. For a status span value is an enum status; for a membership span it is the
 * household id. owner is the household (status) or the member (membership). */
struct span {
	int64_t id;
	int64_t owner;
	int64_t value;
	int valid_from, valid_to;
	int64_t rec_from, rec_to;
	int64_t event_id;
};

struct event {
	int64_t id;
	int64_t household_id;
	int64_t village;            /* the household's (a household never changes village) */
	int64_t member_id;          /* 0 if none */
	int64_t target_household_id;/* split / merge, 0 if none */
	enum evtype type;
	char *reason;
	int effective;
	char *batch;
	bool correction;
	enum chain chain;
	int64_t chain_id;
	enum status from_status, to_status;   /* ST_NONE where the event does not change status */
	char *actor;
	int64_t recorded_at;
	char *detail;               /* JSON text or NULL */
	int new_persons;            /* a new household's event with its members, each a person in no other
	                             * household (household_create): how many; 0 when the store must count them */
};

const char *status_code(enum status s);            /* "poor"; "" for ST_NONE */
const char *status_label(enum status s);           /* in the current language */
bool status_from_code(const char *code, enum status *out);
bool status_registered(enum status s);             /* poor, returned or exited */
bool status_current_poor(enum status s);           /* poor or returned (现有贫困) */
bool status_live(enum status s);                   /* registered, or an ordinary household (一般农户) */

const char *evtype_code(enum evtype t);
const char *evtype_label(enum evtype t);
bool evtype_from_code(const char *code, enum evtype *out);
enum chain evtype_chain(enum evtype t);
bool evtype_is_member_event(enum evtype t);        /* member_add, member_remove, split, merge */
/* The reason to show: member events store a reason code (newborn, death, ...), others free text. */
const char *event_reason_label(const struct event *ev);

#endif
