/* income.h: household income arithmetic (DOMAIN.md §2.5) in fen: 年收入 = 工资性 + 生产经营性 + 财产性 +
 * 转移性; 纯收入 = 年收入 − 生产经营性支出; 人均纯收入 = 纯收入 / 家庭人口, rounded to the fen (half away
 * from zero). And the poverty line that applies to a year and province. Pure, except income_line. */
#ifndef TUOPIN_INCOME_H
#define TUOPIN_INCOME_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Components of -1 are unknown and count as 0; *complete says whether all were known. */
int64_t income_total(const struct income *in, bool *complete);
int64_t income_net(const struct income *in, bool *complete);
/* Per-capita net income for a household of size persons; false if size < 1. */
bool income_net_pc(const struct income *in, int size, int64_t *out);
/* a / b rounded half away from zero (b > 0). */
int64_t div_round(int64_t a, int64_t b);

/* The line for year in the province of a division code. kind "national" (the default): the provincial line
 * of that year if one is set, else the national line, else the latest earlier national line. kind
 * "monitoring": the latest year up to year with a line of the province or of the nation, the province's
 * first. *found_year tells which year's value was used, *provincial whether it was the province's. */
enum err income_line(struct store *st, int year, int64_t division, const char *kind, int64_t *amount,
    int *found_year, bool *provincial, struct errinfo *e);

/* ---- the yearly income survey (收入调查) ---- */
struct txn;

/* One year's survey of one household. in's components are fen (-1: not given); in.size 0 takes the
 * household's members at the end of the year (or today, for the current year); in.net_pc -1 is computed from
 * the components, and a given one must agree with them (to the fen) — or stands alone when no component is
 * given (a 人均纯收入 reported without its items). */
struct income_req {
	const char *hh_no;
	struct income in;
	const char *reason;   /* why (a correction of a year already surveyed says so); may be NULL */
	const char *source;   /* "form" or "sheet" */
};

/* Record r as household r->hh_no's income of r->in.year: income_year takes the new values and
 * income_revision a new version (the values stored before, when they have no version yet, are kept first as
 * the registry's). *changed is false (and nothing written) when the values are the ones stored. The result
 * (with net_pc and size as computed) goes to out when not NULL. Errors name the field ("year", "wage", ...,
 * "size", "net_income_pc"); out of scope is ERR_NOTFOUND. Audited as income.set unless t->quiet_audit. */
enum err income_set(struct txn *t, const struct income_req *r, struct income *out, bool *changed,
    struct errinfo *e);

#endif
