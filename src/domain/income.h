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

/* The line for year in the province of a division code: the provincial line of that year if one is set,
 * else the national line, else the latest earlier national line. kind is "national" (the default) or
 * "monitoring". *found_year tells which year's value was used. */
enum err income_line(struct store *st, int year, int64_t division, const char *kind, int64_t *amount,
    int *found_year, bool *provincial, struct errinfo *e);

#endif
