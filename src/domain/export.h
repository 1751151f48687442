/* export.h: the registry as a sheet in the import format (one row per person, labels not codes), as of a
 * date, streamed with constant memory. 证件号码, phone and bank account numbers and health are masked unless
 * full is asked (the caller audits a full export). */
#ifndef TUOPIN_EXPORT_H
#define TUOPIN_EXPORT_H

#include <stdbool.h>

#include "io/sheet.h"
#include "store/store.h"

struct export_opts {
	const char *path;
	enum sheet_kind kind;
	bool gb18030;
	int as_of;            /* 0: today */
	int64_t division;     /* 0: the scope */
	bool full;            /* unmasked ID, phone and bank account numbers and health */
	bool all;             /* include removed and cancelled households */
	enum status status;   /* only households with this status on as_of (ST_NONE: the registered ones, or all) */
	const char *attribute;/* only households of this 贫困户属性 code (NULL: any) */
	const char *cause;    /* only households of this 主要致贫原因 code (NULL: any) */
	const char *q;        /* only the households the household list finds by this search text (as
	                       * hh_search_text left it; NULL: no search): the list's results, exported */
	const char *actor;    /* who exports, for the audit log of a full export */
	const char *ip;
};

/* What a masked export (registry, roster, monitoring) hides, said in its title and by the CLI */
#define EXPORT_MASKED(en) ((en) ? " (ID, phone and account numbers and health masked)" : "（证件号码、电话、账号、健康状况已脱敏）")

struct export_result {
	int households, members;
	bool unaudited;   /* a masked export of a read-only database: its audit row could not be written */
};

/* The name a downloaded or written file gets: what, the division's name and the date or period (when),
 * "建档立卡-临港区-2014-04-30.xlsx" (characters a file system refuses become "_"). division 0: the top of
 * the scope. Allocated in a. */
const char *export_file_name(struct store *st, const char *what, int64_t division, const char *when,
    const char *ext, struct arena *a);
/* A title row's "临港区（371399） 截至 2014-04-30" part; "全部" when the scope holds several tops. */
const char *export_title_place(struct store *st, int64_t division, int day, struct arena *a);

enum err export_registry(struct store *st, const struct export_opts *o, struct export_result *r, struct errinfo *e);

/* The monitoring-era lists of DOMAIN.md §9.3 (export_monitor.c), one row per member on as_of with the national
 * export's columns (县, 乡, 行政村, …, 户类型, 监测对象类型, 风险是否消除, 风险识别时间, 风险消除时间): list "objects"
 * 监测对象名单 (every household with a case identified by then, eliminated or not), "marginal" 边缘易致贫人口名单,
 * "exited" 脱贫人口名单 (NULL: objects). o->status, attribute, cause and all are not used. Audited. */
enum err export_monitoring(struct store *st, const struct export_opts *o, const char *list, struct export_result *r,
    struct errinfo *e);
bool export_monitor_list_known(const char *list);
const char *export_monitor_list_label(const char *list);

/* Mask a phone number for display: "139****1234". */
char *phone_mask(const char *phone, char *out, size_t size);
/* Mask a bank account number: the first four and last four digits of a long one ("6217****5678"), the last
 * four of a short one ("****5678"). */
char *account_mask(const char *account, char *out, size_t size);

#endif
